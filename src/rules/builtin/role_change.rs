use crate::rules::{Finding, ResolvedCheck, Rule, RuleContext, RuleMeta, declare_rule};

use super::dated_claims;

declare_rule! {
    /// ## What it finds
    /// One title of one organisation held by different people at different times, in date
    /// order. When two documents of the same date name different holders, the finding says so.
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
            // Runs of one holder in date order; a `Former` holder sorts before the document date.
            let mut holders: Vec<(usize, jiff::civil::Date, usize)> = Vec::new();
            let is_former = |claim: usize| cx.claims[claim].role.as_ref().is_some_and(|r| r.former);
            let mut dated = dated_claims(cx, &role.claims);
            // On one date, whoever held the title before comes first.
            dated.sort_by_key(|&(date, claim)| (date, !is_former(claim)));
            for (date, claim) in dated {
                let Some(person) = cx.graph.person_of(claim).map(|p| cx.graph.canonical_person(p)) else {
                    continue;
                };
                if holders.last().is_none_or(|&(p, _, _)| p != person) {
                    holders.push((person, date, claim));
                }
            }
            let mut distinct: Vec<usize> = holders.iter().map(|h| h.0).collect();
            distinct.sort_unstable();
            distinct.dedup();
            if distinct.len() < 2 {
                continue;
            }
            let same_day = holders.windows(2).any(|w| w[0].1 == w[1].1 && !is_former(w[0].2));
            let steps = holders
                .iter()
                .map(|&(person, date, claim)| {
                    let when = if is_former(claim) {
                        format!("before {date}")
                    } else {
                        date.to_string()
                    };
                    format!("{} ({when})", cx.graph.persons[person].name)
                })
                .collect::<Vec<_>>()
                .join(" → ");
            let message = if same_day {
                format!("{} named as different people on the same date: {steps}", role.label)
            } else {
                format!("{} held by different people over time: {steps}", role.label)
            };
            out.push(Finding {
                rule: Self::META.name,
                severity: settings.severity,
                subject: Some(format!("role/{}", role.key.replace(' ', "-"))),
                message,
                claims: holders.iter().map(|h| h.2).collect(),
                timeline: Some(steps),
            });
        }
    }
}
