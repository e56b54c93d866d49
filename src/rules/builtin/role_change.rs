use crate::rules::{Finding, ResolvedCheck, Rule, RuleContext, RuleMeta, declare_rule};

use super::role_holders;

declare_rule! {
    /// ## What it finds
    /// One title of one organisation held by different people at different times, in date
    /// order. Two holders named for the same date are a `role-conflict` instead.
    ///
    /// ## Why it matters
    /// Office holders change; a page that still names the previous holder as current is out of
    /// date. Seeing the succession in one place makes stale titles easy to spot.
    ///
    /// ## Example
    /// ```text
    /// 2017-02-06  "Former U.S. Secretary of Defense Ashton Carter"
    /// 2018-02-13  "US Secretary of Defense Jim Mattis"
    /// 2020-02-12  "U.S. Secretary of Defense Mark Esper"
    /// ```
    pub RoleChange { name: "role-change", severity: Info }
}

impl Rule for RoleChange {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &RuleContext<'_>, checks: &[ResolvedCheck], out: &mut Vec<Finding>) {
        let Some(settings) = ResolvedCheck::for_subject(checks, "*") else {
            return;
        };
        for role in &cx.graph.roles {
            let holders = role_holders(cx, &role.claims);
            if holders.distinct_people < 2 || !holders.conflicts.is_empty() {
                continue;
            }
            out.push(Finding {
                site: None,
                rule: Self::META.name,
                severity: settings.severity,
                subject: Some(format!("role/{}", role.key.replace(' ', "-"))),
                message: format!("{} held by different people over time: {}", role.label, holders.steps),
                claims: holders.runs.iter().map(|h| h.claim).collect(),
                timeline: Some(holders.steps),
            });
        }
    }
}
