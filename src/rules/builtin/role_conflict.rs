use crate::rules::{Finding, ResolvedCheck, Rule, RuleContext, RuleMeta, declare_rule};

use super::role_holders;

declare_rule! {
    /// ## What it finds
    /// One title of one organisation held by two different people on the same date: two
    /// documents of one day, or one document, name different holders, and neither is written
    /// as a former holder (`former`, `fired`, `then-`).
    ///
    /// ## Why it matters
    /// An office has one holder at a time. Two names for it on one day mean one source has the
    /// wrong person, or an outdated title it presents as current.
    ///
    /// ## Example
    /// ```text
    /// 2021-06-14  a.md  "US Defense Secretary Lloyd Austin"
    /// 2021-06-14  b.md  "U.S. Secretary of Defense Mark Milley"
    /// ```
    pub RoleConflict { name: "role-conflict", severity: Error }
}

impl Rule for RoleConflict {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &RuleContext<'_>, checks: &[ResolvedCheck], out: &mut Vec<Finding>) {
        let Some(settings) = ResolvedCheck::for_subject(checks, "*") else {
            return;
        };
        for role in &cx.graph.roles {
            let holders = role_holders(cx, &role.claims);
            let Some(&(first, second)) = holders.conflicts.first() else {
                continue;
            };
            let name = |run: usize| cx.graph.persons[holders.runs[run].person].name.as_str();
            let mut claims: Vec<usize> = holders
                .conflicts
                .iter()
                .flat_map(|&(a, b)| [holders.runs[a].claim, holders.runs[b].claim])
                .collect();
            claims.dedup();
            out.push(Finding {
                site: None,
                rule: Self::META.name,
                severity: settings.severity,
                subject: Some(format!("role/{}", role.key.replace(' ', "-"))),
                message: format!(
                    "{} named as two different people on {}: {} and {}",
                    role.label,
                    holders.runs[first].date,
                    name(first),
                    name(second)
                ),
                claims,
                timeline: Some(holders.steps),
            });
        }
    }
}
