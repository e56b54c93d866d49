//! Which dated values of one subject disagree, directly or through others, without comparing
//! every pair: the groups `numeric-contradiction` reports.
//!
//! Two values disagree when they are of one kind (the caller's `kind`: stated with the same
//! force), of two different `source`s (the caller gives one per document when a document's
//! own figures are not compared, else one per value), their days lie within the window, and
//! their intervals, approximate ones widened by the tolerance, do not overlap. A group is a
//! connected set of such pairs.
//!
//! Every pair inside the window is a pair of one *day window*: the values of the days from a
//! day that has values to that day plus the window. Inside one day window, a value that
//! disagrees with any other disagrees with the value of another source that ends first or with
//! the one that starts last (its *anchors*; the three best of different sources are kept on
//! each side), and the anchors that disagree are joined: that makes the same groups as every
//! pair would, with work proportional to the values in each day window. Each value lies in at
//! most one day window per day of the window, so the work grows with the values times the
//! window's days (at most the days that have values), never with the square of the values of
//! a busy day.

use petgraph::unionfind::UnionFind;

use crate::extract::Interval;
use crate::rules::widen;

/// One dated value, in date order.
#[derive(Debug, Clone, Copy)]
pub(super) struct Dated {
    /// Days since any fixed day.
    pub day: i64,
    /// Values of different kinds never disagree.
    pub kind: u8,
    /// Values of one source never disagree.
    pub source: usize,
    pub value: Interval,
}

/// The groups of values that disagree, as indices into the caller's list, each in order and
/// the groups in the order of their first value, with each group's first pair: its first value
/// and the first later value that disagrees with it.
#[derive(Debug, Default)]
pub(super) struct Groups {
    pub groups: Vec<(Vec<usize>, (usize, usize))>,
    /// How many values were visited and pairs compared: the work done, for tests.
    #[cfg_attr(not(test), allow(dead_code))]
    pub work: usize,
}

/// Where an interval ends and starts, as keys of one order: `a` lies wholly before `b` when
/// `a.end < b.start`. An end that is included sorts after an excluded one at the same number,
/// a start that is included before an excluded one, so that two intervals touching at a number
/// both include are not apart and any other touch is.
#[derive(Debug, Clone, Copy)]
struct Ends {
    start: (f64, u8),
    end: (f64, u8),
}

impl Ends {
    fn of(value: &Interval, tolerance: f64) -> Self {
        let (low, high) = widen(value, tolerance);
        // `-0` and `0` are one number; a NaN end is apart from nothing.
        let start = if low.is_nan() {
            (f64::NEG_INFINITY, 0)
        } else {
            (low + 0.0, if value.low_inclusive { 1 } else { 2 })
        };
        let end = if high.is_nan() {
            (f64::INFINITY, 3)
        } else {
            (high + 0.0, u8::from(value.high_inclusive))
        };
        Self { start, end }
    }
}

fn key_less(a: (f64, u8), b: (f64, u8)) -> bool {
    a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).is_lt()
}

/// `a` lies wholly before `b`.
fn before(a: &Ends, b: &Ends) -> bool {
    key_less(a.end, b.start)
}

fn apart(a: &Ends, b: &Ends) -> bool {
    before(a, b) || before(b, a)
}

/// The best value of each of the three best sources: `better(a, b)` when `a` is the better.
fn best_of_three_sources(
    members: &[usize],
    values: &[Dated],
    better: impl Fn(usize, usize) -> bool,
    work: &mut usize,
) -> Vec<usize> {
    let mut best: Vec<usize> = Vec::with_capacity(4);
    for &m in members {
        *work += 1;
        match best.iter().position(|&b| values[b].source == values[m].source) {
            Some(at) if better(m, best[at]) => best[at] = m,
            Some(_) => continue,
            None if best.len() < 3 => best.push(m),
            None if better(m, best[2]) => best[2] = m,
            None => continue,
        }
        best.sort_by(|&a, &b| {
            if better(a, b) {
                std::cmp::Ordering::Less
            } else if better(b, a) {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        });
    }
    best
}

/// The groups of `values` (in date order) that disagree within `window_days`.
pub(super) fn disagreeing(values: &[Dated], window_days: i32, tolerance: f64) -> Groups {
    let mut work = 0;
    if window_days < 0 || values.len() < 2 {
        return Groups {
            groups: Vec::new(),
            work,
        };
    }
    let window = i64::from(window_days);
    let ends: Vec<Ends> = values.iter().map(|v| Ends::of(&v.value, tolerance)).collect();
    let disagree = |a: usize, b: usize| values[a].source != values[b].source && apart(&ends[a], &ends[b]);
    let mut groups = UnionFind::<usize>::new(values.len());
    let mut in_group = vec![false; values.len()];
    let mut join = |a: usize, b: usize, in_group: &mut Vec<bool>| {
        groups.union(a, b);
        in_group[a] = true;
        in_group[b] = true;
    };

    // Each kind on its own, in date order.
    let mut kinds: Vec<u8> = values.iter().map(|v| v.kind).collect();
    kinds.sort_unstable();
    kinds.dedup();
    let mut by_kind: Vec<Vec<usize>> = Vec::new();
    for &kind in &kinds {
        by_kind.push((0..values.len()).filter(|&i| values[i].kind == kind).collect());
    }
    for list in &by_kind {
        let mut end = 0;
        let mut start = 0;
        while start < list.len() {
            let first_day = values[list[start]].day;
            while end < list.len() && values[list[end]].day - first_day <= window {
                end += 1;
            }
            let members = &list[start..end];
            // The values of other sources that end first and that start last.
            let ends_first =
                best_of_three_sources(members, values, |a, b| key_less(ends[a].end, ends[b].end), &mut work);
            let starts_last = best_of_three_sources(
                members,
                values,
                |a, b| key_less(ends[b].start, ends[a].start),
                &mut work,
            );
            for &m in members {
                work += 1;
                let source = values[m].source;
                if let Some(&a) = ends_first.iter().find(|&&a| values[a].source != source)
                    && before(&ends[a], &ends[m])
                {
                    join(a, m, &mut in_group);
                }
                if let Some(&b) = starts_last.iter().find(|&&b| values[b].source != source)
                    && before(&ends[m], &ends[b])
                {
                    join(m, b, &mut in_group);
                }
            }
            let anchors: Vec<usize> = ends_first.iter().chain(&starts_last).copied().collect();
            for (i, &a) in anchors.iter().enumerate() {
                for &b in &anchors[i + 1..] {
                    work += 1;
                    if a != b && disagree(a, b) {
                        join(a, b, &mut in_group);
                    }
                }
            }
            // The next day window opens at the next day that has values.
            while start < list.len() && values[list[start]].day == first_day {
                start += 1;
            }
        }
    }

    let mut members: std::collections::BTreeMap<usize, Vec<usize>> = std::collections::BTreeMap::new();
    for i in (0..values.len()).filter(|&i| in_group[i]) {
        members.entry(groups.find(i)).or_default().push(i);
    }
    let mut found: Vec<Vec<usize>> = members.into_values().collect();
    found.sort_unstable();
    let groups = found
        .into_iter()
        .map(|group| {
            // The first value of a group disagrees with a later one of its kind in the window.
            let first = group[0];
            let partner = (first + 1..values.len())
                .take_while(|&j| values[j].day - values[first].day <= window)
                .inspect(|_| work += 1)
                .find(|&j| values[j].kind == values[first].kind && disagree(first, j))
                .unwrap_or(first);
            (group, (first, partner))
        })
        .collect();
    Groups { groups, work }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(low: f64, high: f64) -> Interval {
        Interval {
            low: Some(low),
            high: Some(high),
            low_inclusive: true,
            high_inclusive: true,
            approximate: false,
        }
    }

    /// Every pair compared, as the rule once did.
    fn every_pair(values: &[Dated], window_days: i32, tolerance: f64) -> Vec<(Vec<usize>, (usize, usize))> {
        let mut groups = UnionFind::<usize>::new(values.len());
        let mut first_pair: Vec<Option<(usize, usize)>> = vec![None; values.len()];
        let mut in_group = vec![false; values.len()];
        for i in 0..values.len() {
            for j in i + 1..values.len() {
                if values[j].day - values[i].day > i64::from(window_days) {
                    break;
                }
                let (a, b) = (&values[i], &values[j]);
                if a.kind != b.kind || a.source == b.source {
                    continue;
                }
                if crate::rules::compatible(&a.value, &b.value, tolerance) {
                    continue;
                }
                groups.union(i, j);
                in_group[i] = true;
                in_group[j] = true;
                first_pair[i].get_or_insert((i, j));
            }
        }
        let mut members: std::collections::BTreeMap<usize, Vec<usize>> = std::collections::BTreeMap::new();
        for i in (0..values.len()).filter(|&i| in_group[i]) {
            members.entry(groups.find(i)).or_default().push(i);
        }
        let mut found: Vec<Vec<usize>> = members.into_values().collect();
        found.sort_unstable();
        found
            .into_iter()
            .map(|g| {
                let pair = g.iter().find_map(|&i| first_pair[i]).unwrap();
                (g, pair)
            })
            .collect()
    }

    /// A small generator of our own, so that the comparison runs over many sets.
    struct Numbers(u64);

    impl Numbers {
        fn below(&mut self, n: u64) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (self.0 >> 33) % n
        }
    }

    fn random_set(numbers: &mut Numbers, len: usize) -> Vec<Dated> {
        let mut day = 0;
        (0..len)
            .map(|_| {
                day += numbers.below(4) as i64;
                let low = numbers.below(12) as f64 * 10.0;
                let width = [0.0, 0.0, 5.0, 30.0][numbers.below(4) as usize];
                let mut interval = value(low, low + width);
                match numbers.below(8) {
                    0 => interval.low = None,
                    1 => interval.high = None,
                    2 => interval.low_inclusive = false,
                    3 => interval.high_inclusive = false,
                    4 => interval.approximate = true,
                    _ => {}
                }
                Dated {
                    day,
                    kind: numbers.below(2) as u8,
                    source: numbers.below(5) as usize,
                    value: interval,
                }
            })
            .collect()
    }

    #[test]
    fn the_groups_are_those_of_every_pair() {
        let mut numbers = Numbers(29);
        for round in 0..3000 {
            let len = 2 + round % 40;
            let values = random_set(&mut numbers, len);
            let window = [0, 1, 3, 14][round % 4];
            let tolerance = [0.0, 0.1][round % 2];
            let fast = disagreeing(&values, window, tolerance).groups;
            assert_eq!(
                fast,
                every_pair(&values, window, tolerance),
                "{values:#?} window {window}"
            );
            // With a source per value, as when a document's own figures are compared.
            let own: Vec<Dated> = values
                .iter()
                .enumerate()
                .map(|(i, v)| Dated { source: i, ..*v })
                .collect();
            assert_eq!(
                disagreeing(&own, window, tolerance).groups,
                every_pair(&own, window, tolerance)
            );
        }
    }

    #[test]
    fn the_work_grows_with_the_values_not_their_square() {
        // 20,000 values over 30 days, two sources disagreeing every day: every pair of a day
        // window would be some 100 million comparisons.
        let mut values: Vec<Dated> = (0..20_000)
            .map(|i| {
                let figure = if i % 7 == 0 { 4000.0 } else { 500.0 };
                Dated {
                    day: (i % 30) as i64,
                    kind: 0,
                    source: i,
                    value: value(figure, figure),
                }
            })
            .collect();
        values.sort_by_key(|v| v.day);
        let found = disagreeing(&values, 14, 0.0);
        assert_eq!(found.groups.len(), 1);
        assert_eq!(found.groups[0].0.len(), values.len());
        // Each value is visited in at most 15 day windows, three times in each.
        assert!(found.work <= 3 * 15 * values.len() + 1000, "work {}", found.work);
    }
}
