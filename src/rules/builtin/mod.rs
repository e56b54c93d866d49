//! The built-in rules, in the order `claimlint rules list` shows them.

mod claims_lock;
mod disagreement;
mod name_variant;
mod numeric_change;
mod numeric_contradiction;
mod role_change;
mod role_conflict;

use super::Rule;

pub use claims_lock::ClaimsLock;
pub use name_variant::NameVariant;
pub use numeric_change::NumericChange;
pub use numeric_contradiction::NumericContradiction;
pub use role_change::RoleChange;
pub use role_conflict::RoleConflict;

/// Every built-in rule.
pub static BUILTIN: &[&dyn Rule] = &[
    &NumericContradiction,
    &NumericChange,
    &NameVariant,
    &RoleChange,
    &RoleConflict,
    &ClaimsLock,
];

/// One run of a title's holder: the first claim of a stretch naming the same person.
pub(super) struct HolderRun {
    pub person: usize,
    pub date: jiff::civil::Date,
    pub claim: usize,
}

/// The succession of a title's holders, for `role-change` and `role-conflict`.
pub(super) struct Holders {
    pub runs: Vec<HolderRun>,
    pub distinct_people: usize,
    /// Neighbouring runs on the same date, neither a former holder: indices into `runs`.
    pub conflicts: Vec<(usize, usize)>,
    /// `Ashton Carter (before 2017-02-06) → Jim Mattis (2018-02-13)`
    pub steps: String,
}

/// The holders of one title in date order; on one date a `Former` holder comes first.
pub(super) fn role_holders(cx: &super::RuleContext<'_>, claims: &[usize]) -> Holders {
    let is_former = |claim: usize| cx.claims[claim].role.as_ref().is_some_and(|r| r.former);
    let mut dated = dated_claims(cx, claims);
    dated.sort_by_key(|&(date, claim)| (date, !is_former(claim)));
    let mut runs: Vec<HolderRun> = Vec::new();
    for (date, claim) in dated {
        let Some(person) = cx.graph.person_of(claim).map(|p| cx.graph.canonical_person(p)) else {
            continue;
        };
        if runs.last().is_none_or(|run| run.person != person) {
            runs.push(HolderRun { person, date, claim });
        }
    }
    let mut people: Vec<usize> = runs.iter().map(|r| r.person).collect();
    people.sort_unstable();
    people.dedup();
    let conflicts = (1..runs.len())
        .filter(|&i| runs[i - 1].date == runs[i].date && !is_former(runs[i - 1].claim))
        .map(|i| (i - 1, i))
        .collect();
    let steps = join_some(
        runs.len(),
        |i| {
            let run = &runs[i];
            let when = if is_former(run.claim) {
                format!("before {}", run.date)
            } else {
                run.date.to_string()
            };
            format!("{} ({when})", cx.graph.persons[run.person].name)
        },
        " → ",
        TIMELINE_SHOWN,
    );
    Holders {
        runs,
        distinct_people: people.len(),
        conflicts,
        steps,
    }
}

/// How many entries of a timeline a finding shows: past this, the first and the last halves.
pub(super) const TIMELINE_SHOWN: usize = 100;

/// How many changes a `numeric-change` message names: past this, the first and the last halves.
pub(super) const STEPS_NAMED: usize = 20;

/// Entries `0..count` (made by `entry`) joined by `separator`; past `shown` of them, the first
/// and the last halves with `… N more …` between, so that a finding about thousands of claims
/// stays a line a reader can take in. Only the entries shown are made.
pub(super) fn join_some(count: usize, entry: impl Fn(usize) -> String, separator: &str, shown: usize) -> String {
    if count <= shown {
        return (0..count).map(entry).collect::<Vec<_>>().join(separator);
    }
    let half = shown / 2;
    let mut parts: Vec<String> = (0..half).map(&entry).collect();
    parts.push(format!("… {} more …", count - 2 * half));
    parts.extend((count - half..count).map(&entry));
    parts.join(separator)
}

/// Dated claims of a subject, sorted by date then position.
pub(super) fn dated_claims(cx: &super::RuleContext<'_>, claims: &[usize]) -> Vec<(jiff::civil::Date, usize)> {
    let mut dated: Vec<(jiff::civil::Date, usize)> =
        claims.iter().filter_map(|&c| cx.date_of(c).map(|d| (d, c))).collect();
    // Claims of one day are ordered by the outlet and title of their document, then as
    // written, so that the neighbours compared (and the findings) do not depend on the order
    // the documents came in.
    let document_key = |claim: usize| {
        let meta = &cx.documents[cx.claims[claim].doc];
        (meta.source.as_deref(), meta.title.as_deref())
    };
    dated.sort_by(|&(date_a, a), &(date_b, b)| {
        date_a
            .cmp(&date_b)
            .then_with(|| document_key(a).cmp(&document_key(b)))
            .then((cx.claims[a].doc, cx.claims[a].span.start).cmp(&(cx.claims[b].doc, cx.claims[b].span.start)))
    });
    dated
}

/// The figure a value names, as a point: `at least 5,160` and `more than 5,000` name their
/// bound, `about 500` its centre. A running total is compared this way, since its bounds say
/// only that the count had reached a figure, not that it may since have grown past the next.
pub(super) fn as_point(value: crate::extract::Interval) -> crate::extract::Interval {
    let point = match (value.low, value.high) {
        (Some(low), Some(high)) => (low + high) / 2.0,
        (Some(low), None) => low,
        (None, Some(high)) => high,
        (None, None) => return value,
    };
    crate::extract::Interval {
        low: Some(point),
        high: Some(point),
        low_inclusive: true,
        high_inclusive: true,
        approximate: value.approximate,
    }
}

/// Days since 1970-01-01 (before it, negative): the difference of two is [`days_between`].
pub(super) fn day_number(date: jiff::civil::Date) -> i64 {
    i64::from(
        date.since(jiff::civil::date(1970, 1, 1))
            .map_or(0, |span| span.get_days()),
    )
}

/// Days from `a` to `b`.
pub(super) fn days_between(a: jiff::civil::Date, b: jiff::civil::Date) -> i32 {
    a.until(b).ok().map_or(i32::MAX, |span| span.get_days().abs())
}
