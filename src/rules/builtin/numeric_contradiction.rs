use crate::extract::Modality;
use crate::rules::{Finding, ResolvedCheck, Rule, RuleContext, RuleMeta, compatible, declare_rule, describe};

use std::collections::BTreeMap;

use petgraph::unionfind::UnionFind;

use super::{dated_claims, days_between};

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
            // Each claim is compared with the later claims inside its window only; claims that
            // disagree, directly or through another claim, make one finding.
            let mut groups = UnionFind::<usize>::new(dated.len());
            let mut first_pair: Vec<Option<(usize, usize)>> = vec![None; dated.len()];
            let mut disagrees = vec![false; dated.len()];
            for (i, &(date, a)) in dated.iter().enumerate() {
                // A running total is compared only within one day, and only across documents:
                // one document's figures of one day are successive updates.
                let window_days = if subject.cumulative { 0 } else { settings.window_days };
                let window = dated[i + 1..]
                    .iter()
                    .enumerate()
                    .take_while(|&(_, &(d, _))| days_between(date, d) <= window_days);
                for (offset, &(_, b)) in window {
                    let j = i + 1 + offset;
                    if (subject.cumulative || subject.by_noun) && cx.claims[a].doc == cx.claims[b].doc {
                        continue;
                    }
                    let (Some(va), Some(vb)) = (cx.claims[a].value, cx.claims[b].value) else {
                        continue;
                    };
                    // A plan and a fact, or a possibility, never contradict: only claims stated
                    // with the same force do.
                    let (ma, mb) = (cx.claims[a].modality, cx.claims[b].modality);
                    if ma != mb || matches!(ma, Modality::Possible | Modality::Negated) {
                        continue;
                    }
                    if compatible(&va, &vb, settings.tolerance) {
                        continue;
                    }
                    groups.union(i, j);
                    disagrees[i] = true;
                    disagrees[j] = true;
                    first_pair[i].get_or_insert((a, b));
                }
            }
            let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
            for i in (0..dated.len()).filter(|&i| disagrees[i]) {
                members.entry(groups.find(i)).or_default().push(i);
            }
            let mut findings: Vec<Vec<usize>> = members.into_values().collect();
            findings.sort_unstable();
            for group in findings {
                let Some((a, b)) = group.iter().find_map(|&i| first_pair[i]) else {
                    continue;
                };
                let value = |c: usize| cx.claims[c].value.as_ref().map(describe).unwrap_or_default();
                let claims: Vec<usize> = group.iter().map(|&i| dated[i].1).collect();
                let timeline = (claims.len() > 2).then(|| {
                    group
                        .iter()
                        .map(|&i| {
                            let (date, c) = dated[i];
                            let source = cx.documents[cx.claims[c].doc]
                                .source
                                .as_deref()
                                .unwrap_or("source unknown");
                            format!("{} ({date}, {source})", value(c))
                        })
                        .collect::<Vec<_>>()
                        .join(" · ")
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
