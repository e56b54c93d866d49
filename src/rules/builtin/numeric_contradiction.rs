use crate::extract::Modality;
use crate::rules::{
    Finding, ResolvedCheck, Rule, RuleContext, RuleMeta, as_rounded, decimal_places, declare_rule, describe, is_vague,
};

use super::disagreement::{Dated, disagreeing};
use super::{TIMELINE_SHOWN, dated_claims, day_number, join_some};

declare_rule! {
    /// ## What it finds
    /// Two claims about one subject whose values cannot both be true at the same time: their
    /// intervals do not overlap, even after the check's `tolerance`, their dates lie within
    /// the check's `window` of each other, and they are stated with the same force (two facts,
    /// or two plans; a plan against a fact is a change, a possibility or a denial contradicts
    /// nothing).
    ///
    /// Claims that disagree with one another, directly or through a third, make one finding
    /// that quotes them all in date order.
    ///
    /// ## Why it matters
    /// Readers trust whichever page they land on. When two sources give incompatible numbers
    /// for the same thing at the same time, at least one of them is wrong.
    ///
    /// ## Example
    /// ```text
    /// 2020-01-09  a.md  "The 500-strong NATO mission …"
    /// 2020-01-20  b.md  "NATO's mission of fewer than 100 trainers …"
    /// ```
    /// `500` and `fewer than 100` do not overlap and are 11 days apart.
    ///
    /// ## Options
    /// `tolerance` (default `"10%"`): relative widening of approximate values ("about 500",
    /// "several hundred") before comparing; exact values are compared as written.
    /// `window` (default `"14d"`): how far apart two dates may be and still be compared.
    pub NumericContradiction { name: "numeric-contradiction", severity: Error }
}

impl Rule for NumericContradiction {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &RuleContext<'_>, checks: &[ResolvedCheck], out: &mut Vec<Finding>) {
        for subject in &cx.graph.subjects {
            let Some(settings) = ResolvedCheck::for_subject(checks, &subject.key) else {
                continue;
            };
            let dated = dated_claims(cx, &subject.claims);
            // A running total or a rolling figure is compared only within one day, and only
            // across documents: one document's figures of one day are successive updates.
            let window_days = if subject.cumulative || subject.rolling {
                0
            } else {
                settings.window_days
            };
            // Claims that disagree, directly or through another claim, make one finding. Each
            // claim is compared with the later claims inside its window only, and those
            // through the few that end first and start last (see `disagreement`).
            let mut at = Vec::new();
            // Among values written with decimals, a whole one is a rounding: `64%` and `63.8%`.
            let finest = dated
                .iter()
                .filter_map(|&(_, c)| cx.claims[c].value.as_ref().and_then(decimal_places))
                .max()
                .unwrap_or(0);
            let values: Vec<Dated> = dated
                .iter()
                .enumerate()
                .filter_map(|(i, &(date, c))| {
                    let claim = &cx.claims[c];
                    let value = as_rounded(claim.value?, finest);
                    // `thousands`, `several hundred`: too vague to contradict a count.
                    if is_vague(&value) {
                        return None;
                    }
                    // A plan and a fact, or a possibility, never contradict: only claims stated
                    // with the same force do.
                    if matches!(claim.modality, Modality::Possible | Modality::Negated) {
                        return None;
                    }
                    at.push(i);
                    let source = if subject.cumulative || subject.rolling || subject.by_noun {
                        claim.doc
                    } else {
                        c
                    };
                    Some(Dated {
                        day: day_number(date),
                        kind: claim.modality as u8,
                        source,
                        value,
                    })
                })
                .collect();
            for (group, (a, b)) in disagreeing(&values, window_days, settings.tolerance).groups {
                let group: Vec<usize> = group.into_iter().map(|i| at[i]).collect();
                let (a, b) = (dated[at[a]].1, dated[at[b]].1);
                let value = |c: usize| cx.claims[c].value.as_ref().map(describe).unwrap_or_default();
                let claims: Vec<usize> = group.iter().map(|&i| dated[i].1).collect();
                let timeline = (claims.len() > 2).then(|| {
                    join_some(
                        group.len(),
                        |i| {
                            let (date, c) = dated[group[i]];
                            let source = cx.documents[cx.claims[c].doc]
                                .source
                                .as_deref()
                                .unwrap_or("source unknown");
                            format!("{} ({date}, {source})", value(c))
                        },
                        " · ",
                        TIMELINE_SHOWN,
                    )
                });
                out.push(Finding {
                    site: None,
                    rule: Self::META.name,
                    severity: settings.severity,
                    subject: Some(subject.key.clone()),
                    message: format!(
                        "contradicting values for {}: {} vs {}",
                        subject.label,
                        value(a),
                        value(b)
                    ),
                    claims,
                    timeline,
                });
            }
        }
    }
}
