use crate::rules::{Finding, ResolvedCheck, Rule, RuleContext, RuleMeta, compatible, declare_rule, describe, is_vague};

use super::{STEPS_NAMED, TIMELINE_SHOWN, as_point, dated_claims, days_between, join_some};
use crate::extract::Modality;

declare_rule! {
    /// ## What it finds
    /// A subject whose value changed over time: two neighbouring claims whose values cannot
    /// both be true, further apart than the check's `window`, or a plan next to a fact
    /// (`will grow from 500 to around 4,000` is a change inside one sentence); or a claim and
    /// the latest claim a window before it, when none between them changed the value. A vague
    /// amount (`thousands`, `several hundred`) shows no move: the steps go past it. The finding
    /// lists every claim about the subject with a one-line timeline of its values.
    ///
    /// ## Why it matters
    /// A number that legitimately changed (a mission grew from 20 trainers to 500) still makes
    /// older pages wrong if they are read as current, and a reader comparing them sees a
    /// contradiction. The change should be deliberate and visible.
    ///
    /// ## Example
    /// ```text
    /// 2018-02-13  "a small training team of fewer than 20 people"
    /// 2020-01-09  "The 500-strong NATO mission"
    /// ```
    /// timeline: `fewer than 20 (2018-02-13) → 500 (2020-01-09)`.
    ///
    /// ## Options
    /// `tolerance` (default `"10%"`): relative widening of approximate values ("about 500",
    /// "several hundred") before comparing; exact values are compared as written.
    /// `window` (default `"14d"`): facts closer than this are not a change (they are checked
    /// by `numeric-contradiction`). A running total such as a death toll or a download count
    /// (`cumulative` in `rules/measures.toml`) has no window: any two days make a change, and
    /// so do two figures of one document, read in order (`rose from 150 to 381`). A figure
    /// updated up and down as news comes in (`rolling`: the missing, a poll's share) has no
    /// window either: any two days make a change.
    pub NumericChange { name: "numeric-change", severity: Warning }
}

impl Rule for NumericChange {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &RuleContext<'_>, checks: &[ResolvedCheck], out: &mut Vec<Finding>) {
        for subject in &cx.graph.subjects {
            let Some(settings) = ResolvedCheck::for_subject(checks, &subject.key) else {
                continue;
            };
            let mut dated = dated_claims(cx, &subject.claims);
            // Possibilities and denials are not values the subject ever had.
            dated.retain(|&(_, c)| !matches!(cx.claims[c].modality, Modality::Possible | Modality::Negated));
            if subject.cumulative {
                // A running total only grows: the figures one story gives for one day are its
                // milestones (`50 million in 19 days, then 75 million`), in the order reached.
                let point = |c: usize| cx.claims[c].value.map(as_point).and_then(|v| v.low).unwrap_or(f64::NAN);
                let same_story = |x: &(jiff::civil::Date, usize), y: &(jiff::civil::Date, usize)| {
                    x.0 == y.0 && cx.claims[x.1].doc == cx.claims[y.1].doc
                };
                for story in dated.chunk_by_mut(same_story) {
                    story.sort_by(|&(_, a), &(_, b)| point(a).total_cmp(&point(b)));
                }
            }
            // A change is a step between neighbours in time whose values cannot both hold: further
            // apart than the window, or a plan next to a fact (`from 500 to around 4,000`).
            let planned = |c: usize| cx.claims[c].modality == Modality::Planned;
            // A running total (a death toll) moves with every update: figures of two days, or
            // two figures of one document read in order, are a change however close, and a
            // bound ("at least 5,160") is compared by the figure it names.
            let apart = |pair: &[(jiff::civil::Date, usize)]| {
                if subject.cumulative {
                    pair[0].0 != pair[1].0 || cx.claims[pair[0].1].doc == cx.claims[pair[1].1].doc
                } else if subject.rolling {
                    pair[0].0 != pair[1].0
                } else {
                    days_between(pair[0].0, pair[1].0) > settings.window_days
                }
            };
            let is_change = |pair: &[(jiff::civil::Date, usize)]| {
                (apart(pair) || planned(pair[0].1) != planned(pair[1].1))
                    && (!subject.by_noun || cx.claims[pair[0].1].doc != cx.claims[pair[1].1].doc)
                    && match (cx.claims[pair[0].1].value, cx.claims[pair[1].1].value) {
                        (Some(a), Some(b)) if subject.cumulative => {
                            !compatible(&as_point(a), &as_point(b), settings.tolerance)
                        }
                        (Some(a), Some(b)) => !compatible(&a, &b, settings.tolerance),
                        _ => false,
                    }
            };
            // Steps between neighbours in time; and, for a subject with a window, from the
            // latest claim a window before a claim when nothing between them changed: `127,000`
            // in January and `more than 148,000` in February are a change though `over 100,000`,
            // which agrees with both, came between them.
            let windowed = !subject.cumulative && !subject.rolling;
            // `thousands`, `several hundred`: too vague to show a move, so the steps go past them
            // (the timeline still shows them).
            let all = dated;
            let dated: Vec<(jiff::civil::Date, usize)> = all
                .iter()
                .copied()
                .filter(|&(_, c)| !cx.claims[c].value.is_some_and(|v| is_vague(&v)))
                .collect();
            let mut changes: Vec<(usize, usize)> = Vec::new();
            let mut last_step = 0;
            let mut earlier = 0;
            for i in 1..dated.len() {
                if is_change(&dated[i - 1..=i]) {
                    changes.push((dated[i - 1].1, dated[i].1));
                    last_step = i;
                    continue;
                }
                if !windowed {
                    continue;
                }
                while earlier + 1 < i && days_between(dated[earlier + 1].0, dated[i].0) > settings.window_days {
                    earlier += 1;
                }
                let far_enough = days_between(dated[earlier].0, dated[i].0) > settings.window_days;
                if earlier + 1 < i && far_enough && last_step <= earlier && is_change(&[dated[earlier], dated[i]]) {
                    changes.push((dated[earlier].1, dated[i].1));
                    last_step = i;
                }
            }
            if changes.is_empty() {
                continue;
            }
            let value = |c: usize| {
                let value = cx.claims[c].value.as_ref().map(describe).unwrap_or_default();
                if planned(c) { format!("{value} planned") } else { value }
            };
            let timeline = join_some(
                all.len(),
                |i| format!("{} ({})", value(all[i].1), all[i].0),
                " → ",
                TIMELINE_SHOWN,
            );
            let steps = join_some(
                changes.len(),
                |i| format!("{} → {}", value(changes[i].0), value(changes[i].1)),
                ", ",
                STEPS_NAMED,
            );
            out.push(Finding {
                site: None,
                rule: Self::META.name,
                severity: settings.severity,
                subject: Some(subject.key.clone()),
                message: format!("{} changed over time: {steps}", subject.label),
                claims: all.iter().map(|&(_, c)| c).collect(),
                timeline: Some(timeline),
            });
        }
    }
}
