//! Dates for documents that state none, from the set they are read with.
//!
//! A story copied without its byline still names days: `as of Dec. 12`, `on March 19`. Alone,
//! a day without a year cannot be placed, and the document's claims cannot be put in time.
//! Read with other documents of the same story, it can: the other documents' dates say when
//! the set was written, and a day without a year falls in the year that puts it nearest the
//! middle of those dates. The latest day such a document then names is taken as its date, as
//! a news story's newest day is most often its own, unless the days it names lie far apart
//! (a summary of months of news has no one day of its own). A weekday (`on Tuesday`) is read
//! so only in a set written within two weeks, where it can only mean one day.
//!
//! This is the one step of extraction that reads the whole set; it runs after every document
//! is extracted, so each document's own extraction (and the cache of it) stays independent of
//! what it is read with.

use std::ops::Range;

use jiff::civil::Date;

use super::time::{self, Direction};
use super::{Claim, ClaimKind, ClaimTime, TimeSource, attach_sentence_times};

/// A day named more than this many days after the set's latest dated document is a plan, not
/// the day a story was written.
const AFTER_THE_SET_DAYS: i32 = 366;

/// A set whose dated documents span at most this many days places a weekday.
const WEEKDAY_SET_DAYS: i32 = 14;

/// A document whose named days span more than this many days is not dated by them.
const ONE_STORY_DAYS: i32 = 60;

/// Dates the undated documents of a set by the days their claims name. `dates[d]` is document
/// `d`'s own date; `text_of(d, range)` reads a range of document `d`'s text (each claim's
/// span and sentence are enough). Year-less dates in undated documents are resolved, the
/// numbers of their sentences take the time their clause states, and every other claim of
/// such a document takes the document's new date. Returns each document's new date (`None`
/// for documents that had a date or still have none).
pub fn date_undated<'t>(
    claims: &mut [Claim],
    dates: &[Option<Date>],
    text_of: &dyn Fn(usize, Range<usize>) -> &'t str,
) -> Vec<Option<Date>> {
    let mut inferred = vec![None; dates.len()];
    let mut known: Vec<Date> = dates.iter().flatten().copied().collect();
    if known.is_empty() || known.len() == dates.len() {
        return inferred;
    }
    known.sort_unstable();
    let middle = known[known.len() / 2];
    let weekdays = (known[known.len() - 1] - known[0]).get_days() <= WEEKDAY_SET_DAYS;
    let latest_allowed = known[known.len() - 1]
        .checked_add(jiff::Span::new().days(AFTER_THE_SET_DAYS))
        .unwrap_or(known[known.len() - 1]);

    // Each undated document's claims, a sentence at a time.
    let mut start = 0;
    while start < claims.len() {
        let doc = claims[start].doc;
        let mut end = start;
        while end < claims.len() && claims[end].doc == doc {
            end += 1;
        }
        if dates.get(doc).is_some_and(Option::is_none) {
            let set = Set {
                middle,
                latest_allowed,
                weekdays,
            };
            inferred[doc] = date_document(&mut claims[start..end], &set, &|r| text_of(doc, r));
        }
        start = end;
    }
    inferred
}

/// Dates one undated document's claims ([`date_undated`]) and returns its date.
/// What dating one document reads of its set.
struct Set {
    middle: Date,
    latest_allowed: Date,
    /// The set was written within two weeks: a weekday names one day.
    weekdays: bool,
}

fn date_document<'t>(claims: &mut [Claim], set: &Set, text_of: &dyn Fn(Range<usize>) -> &'t str) -> Option<Date> {
    let &Set {
        middle,
        latest_allowed,
        weekdays,
    } = set;
    // A day of the calendar (`Dec. 12`) or, in a set of two weeks, a weekday.
    let calendar = |text: &str| text.bytes().any(|b| b.is_ascii_digit());
    let readable = |text: &str| calendar(text) || weekdays;
    // Days without a year, in the year nearest the set's middle.
    for claim in claims.iter_mut() {
        if claim.kind != ClaimKind::Date || claim.time.is_some_and(|t| t.from.is_some()) {
            continue;
        }
        let text = text_of(claim.span.clone());
        if !readable(text) {
            continue;
        }
        let resolved = [Direction::Back, Direction::Forward]
            .into_iter()
            .filter_map(|direction| time::time_expression(text, Some(middle), direction))
            .filter(|e| e.year_less && e.len == text.len())
            .filter_map(|e| Some((e.from?, e.to?)))
            .min_by_key(|(from, _)| (middle - *from).get_days().abs());
        if let Some((from, to)) = resolved {
            claim.time = Some(ClaimTime {
                from: Some(from),
                to: Some(to),
                source: TimeSource::Text,
            });
        }
    }
    // Days only: a year or a month named is a span, not the day the story was written.
    let days: Vec<Date> = claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Date && !c.boilerplate)
        .filter(|c| readable(text_of(c.span.clone())))
        .filter_map(|c| c.time.filter(|t| t.from == t.to).and_then(|t| t.from))
        .filter(|&day| day <= latest_allowed)
        .collect();
    let (first, date) = (*days.iter().min()?, *days.iter().max()?);
    if (date - first).get_days() > ONE_STORY_DAYS {
        return None;
    }
    // The numbers of each sentence take the time their clause states, read as extraction
    // reads it, on the sentence alone.
    let mut at = 0;
    while at < claims.len() {
        let sentence = claims[at].context.sentence.clone();
        let mut end = at;
        while end < claims.len() && claims[end].context.sentence == sentence {
            end += 1;
        }
        let group = &mut claims[at..end];
        if group.iter().any(|c| c.kind == ClaimKind::Date && c.time.is_some()) {
            let text = text_of(sentence.clone());
            let shift = |range: &Range<usize>| range.start - sentence.start..range.end - sentence.start;
            let mut local: Vec<Claim> = group
                .iter()
                .map(|c| Claim {
                    span: shift(&c.span),
                    ..c.clone()
                })
                .collect();
            attach_sentence_times(text, &mut local, 0, Some(date));
            for (claim, timed) in group.iter_mut().zip(local) {
                if claim.kind != ClaimKind::Date && claim.time.is_none() {
                    claim.time = timed.time;
                }
            }
        }
        at = end;
    }
    for claim in claims
        .iter_mut()
        .filter(|c| c.kind != ClaimKind::Date && c.time.is_none())
    {
        claim.time = Some(ClaimTime {
            from: Some(date),
            to: Some(date),
            source: TimeSource::DocumentDate,
        });
    }
    Some(date)
}
