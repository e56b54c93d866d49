use crate::extract::Modality;
use crate::rules::{Finding, ResolvedCheck, Rule, RuleContext, RuleMeta, compatible, declare_rule, describe};

use super::{dated_claims, days_between};

declare_rule! {
    /// ## What it finds
    /// Two claims about one subject whose values cannot both be true at the same time: their
    /// intervals do not overlap, even after the check's `tolerance`, their dates lie within
    /// the check's `window` of each other, and they are stated with the same force (two facts,
    /// or two plans; a plan against a fact is a change, a possibility or a denial contradicts
    /// nothing).
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
    /// `tolerance` (default `"0%"`): relative widening of approximate values ("about 500",
    /// "several hundred") before comparing; exact values are compared as written.
    /// `window` (default `"60d"`): how far apart two dates may be and still be compared.
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
            let mut reported: Vec<(usize, usize)> = Vec::new();
            // Each claim is compared with the later claims inside its window only.
            for (i, &(date, a)) in dated.iter().enumerate() {
                let window = dated[i + 1..]
                    .iter()
                    .take_while(|&&(d, _)| days_between(date, d) <= settings.window_days);
                for &(_, b) in window {
                    let (Some(va), Some(vb)) = (cx.claims[a].value, cx.claims[b].value) else {
                        continue;
                    };
                    // A plan and a fact, or a possibility, never contradict: only claims stated
                    // with the same force do.
                    let (ma, mb) = (cx.claims[a].modality, cx.claims[b].modality);
                    if ma != mb || matches!(ma, Modality::Possible | Modality::Negated) {
                        continue;
                    }
                    if compatible(&va, &vb, settings.tolerance) || reported.iter().any(|&(x, _)| x == a) {
                        continue;
                    }
                    reported.push((a, b));
                    out.push(Finding {
                        rule: Self::META.name,
                        severity: settings.severity,
                        subject: Some(subject.key.clone()),
                        message: format!(
                            "contradicting values for {}: {} vs {}",
                            subject.label,
                            describe(&va),
                            describe(&vb)
                        ),
                        claims: vec![a, b],
                        timeline: None,
                    });
                }
            }
        }
    }
}
