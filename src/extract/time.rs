//! Time expressions: calendar dates (`9 January 2020`, `January 3`, `Feb. 12, 2020`), times of
//! day, weekdays (`on Tuesday`), years (`in 2014`), and dates relative to the document
//! (`last year`, `last month`). They become `date` claims, never counts, and resolve against
//! the document date when they lack a year.
//!
//! A date without a year (`January 3`, `in July`) or a weekday (`on Tuesday`) means the nearest
//! such day in the direction the sentence looks: the latest one on or before the document date
//! for what happened, the first one on or after it for what is planned. It covers the whole
//! day or month it names, never a day made up to fill the gap.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use crate::calendar;

use super::number::{at_word_end, word, word_prefix};

/// A time expression's extent and, when it can be resolved, the days it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpression {
    pub len: usize,
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// A month name alone (`July`): a date only after a preposition (`in July`), since
    /// `May`, `March` and `August` are also other words.
    pub bare_month: bool,
    /// A day or month without a year, or a weekday: resolved by [`Direction`].
    pub year_less: bool,
}

/// Which way a date without a year or a weekday resolves from the document date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// The latest such day on or before the document date: what happened.
    Back,
    /// The first such day on or after the document date: what is planned.
    Forward,
}

impl TimeExpression {
    fn days(len: usize, bounds: Option<(Date, Date)>) -> Self {
        Self {
            len,
            from: bounds.map(|b| b.0),
            to: bounds.map(|b| b.1),
            bare_month: false,
            year_less: false,
        }
    }
}

/// The days a year-less date covers: in the document's year, moved a year back or forward
/// when that year puts it on the wrong side of the document date.
fn year_less_bounds(date: calendar::PartialDate, today: Date, direction: Direction) -> Option<(Date, Date)> {
    let (from, to) = date.bounds(Some(today.year()))?;
    let shift = match direction {
        Direction::Back if from > today => -1,
        Direction::Forward if to < today => 1,
        _ => return Some((from, to)),
    };
    date.bounds(Some(today.year() + shift))
}

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

/// Words a time expression can start with, lower case: months, weekdays and relative words.
pub fn lead_words() -> impl Iterator<Item = &'static str> {
    let months = calendar::MONTHS.iter().flat_map(|(name, _)| [*name, &name[..3]]);
    let weekdays = WEEKDAYS.iter().flat_map(|(name, _)| [*name, &name[..3]]);
    months.chain(weekdays).chain([
        "sept",
        "last",
        "this",
        "next",
        "later",
        "earlier",
        "yesterday",
        "today",
        "early",
        "mid",
        "late",
    ])
}

/// A date or time expression at the start of `input`, resolved against `today` (the
/// document date) where needed.
pub fn time_expression(input: &str, today: Option<Date>, direction: Direction) -> Option<TimeExpression> {
    // Every form opens with an ASCII letter or digit; only dates and times open with a digit.
    let first = input.as_bytes().first()?.to_ascii_lowercase();
    if !first.is_ascii_alphanumeric() {
        return None;
    }
    let opens_with_digit = first.is_ascii_digit();
    if opens_with_digit && !digits_may_open(input.as_bytes()) {
        return None;
    }
    if !opens_with_digit {
        if let Some(part) = part_of_year(input) {
            return Some(part);
        }
        if let Some(shifted) = last_or_next_month(input, today) {
            return Some(shifted);
        }
    }
    if let Ok((rest, date)) = calendar::calendar_date(input) {
        let mut len = input.len() - rest.len();
        // `February 12, 2020 04:57 PM`, `02/04/2020 - 19:37`
        let after = rest.trim_start_matches([' ', '-']);
        if let Ok((rest2, _)) = calendar::time_of_day(after)
            && (after.len() < rest.len() || rest.is_empty())
        {
            len = input.len() - rest2.len();
        }
        if date.year.is_some() {
            return Some(TimeExpression::days(len, date.bounds(None)));
        }
        return Some(TimeExpression {
            year_less: true,
            ..TimeExpression::days(len, today.and_then(|d| year_less_bounds(date, d, direction)))
        });
    }
    if opens_with_digit {
        if let Ok((rest, (first, second))) = calendar::year_pair(input) {
            let (from, _) = year_bounds(first);
            let (_, to) = year_bounds(second);
            return Some(TimeExpression::days(input.len() - rest.len(), from.zip(to)));
        }
        // A time of day is the one form left that opens with a digit.
        let (rest, _) = calendar::time_of_day(input).ok()?;
        return Some(TimeExpression::days(input.len() - rest.len(), today.map(|d| (d, d))));
    }
    for (name, weekday) in WEEKDAYS {
        if name.as_bytes()[0] != first {
            continue;
        }
        let abbreviated = &name[..3];
        let matched = word(name)(input).or_else(|_| {
            word(abbreviated)(input).and_then(|(rest, w)| {
                if rest.starts_with(',') && w.starts_with(char::is_uppercase) {
                    Ok((rest, w))
                } else {
                    word("\u{0}")(input)
                }
            })
        });
        if let Ok((rest, _)) = matched {
            let day = today.and_then(|d| {
                if d.weekday() == weekday {
                    return Some(d);
                }
                let nth = if direction == Direction::Back { -1 } else { 1 };
                d.nth_weekday(nth, weekday).ok()
            });
            return Some(TimeExpression {
                year_less: true,
                ..TimeExpression::days(input.len() - rest.len(), day.map(|d| (d, d)))
            });
        }
    }
    relative(input, today).or_else(|| month_alone(input, today, direction))
}

/// Whether the digits `input` opens with may open a date or a time of day: four (a year) only
/// before the `-` of `2020-02-12` or the separator of a year pair (`2024/25`); one or two (a day, a month, an hour) only before what goes on
/// with a date or a time (`/`, `-`, `:`, `.`, a space, a day's `st`/`nd`/`rd`/`th`, a meridiem's `a`
/// or `p`). Most numbers are neither and are turned away before any grammar runs.
fn digits_may_open(input: &[u8]) -> bool {
    let lead = input.iter().take(5).take_while(|b| b.is_ascii_digit()).count();
    let next = input.get(lead).copied();
    match lead {
        // `2020-02-12`, and `2024/25` or `2022–23` (an en dash opens with 0xE2).
        4 => matches!(next, Some(b'-' | b'/' | 0xe2)),
        // (0xE2 opens the other hyphens of the class: `12‐05‐2024`.)
        1 | 2 => matches!(
            next,
            Some(
                b'/' | b'-' | 0xe2 | b':' | b'.' | b' ' | b'\t' | b's' | b'n' | b'r' | b't' | b'a' | b'A' | b'p' | b'P'
            )
        ),
        _ => false,
    }
}

/// `July`, `Sept.`: a capitalised month name with no day or year after it.
fn month_alone(input: &str, today: Option<Date>, direction: Direction) -> Option<TimeExpression> {
    if !input.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let (rest, month) = calendar::month_name(input).ok()?;
    if !at_word_end(rest) {
        return None;
    }
    let date = month_only(month);
    Some(TimeExpression {
        bare_month: true,
        year_less: true,
        ..TimeExpression::days(
            input.len() - rest.len(),
            today.and_then(|d| year_less_bounds(date, d, direction)),
        )
    })
}

fn month_only(month: i8) -> calendar::PartialDate {
    calendar::PartialDate {
        year: None,
        month: Some(month),
        day: None,
    }
}

/// `last July` (the latest July before the document's month), `next March` (the first March
/// after it).
fn last_or_next_month(input: &str, today: Option<Date>) -> Option<TimeExpression> {
    let (direction, after) = match word_prefix(input, "last") {
        Some(after) => (Direction::Back, after),
        None => (Direction::Forward, word_prefix(input, "next")?),
    };
    let after = after.strip_prefix(' ')?;
    let (rest, month) = calendar::month_name(after).ok()?;
    if !at_word_end(rest) || !after.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    // The nearest such month strictly outside the document's own month.
    let date = month_only(month);
    let bounds = today.and_then(|d| {
        let outside = match direction {
            Direction::Back => d.first_of_month().yesterday().ok()?,
            Direction::Forward => d.last_of_month().tomorrow().ok()?,
        };
        year_less_bounds(date, outside, direction)
    });
    Some(TimeExpression::days(input.len() - rest.len(), bounds))
}

/// `early 2017`, `mid-2019`, `late 2020`, `the middle of 2020`, `the end of 2019`, `the start of
/// 2021`: the third of the year (or its first or last months) the words point at.
fn part_of_year(input: &str) -> Option<TimeExpression> {
    const PARTS: &[(&str, (i8, i8))] = &[
        ("early", (1, 4)),
        ("mid-", (5, 8)),
        ("mid", (5, 8)),
        ("late", (9, 12)),
        ("the middle of", (5, 8)),
        ("the end of", (10, 12)),
        ("the start of", (1, 3)),
        ("the beginning of", (1, 3)),
        ("the first half of", (1, 6)),
        ("the second half of", (7, 12)),
    ];
    let first = input.as_bytes().first()?.to_ascii_lowercase();
    for &(words, (first_month, last_month)) in PARTS {
        if words.as_bytes()[0] != first {
            continue;
        }
        let Some(head) = input.get(..words.len()) else { continue };
        if !head.eq_ignore_ascii_case(words) {
            continue;
        }
        let rest = &input[words.len()..];
        let rest = if words.ends_with('-') {
            rest
        } else {
            rest.strip_prefix(' ')?
        };
        let Ok((after, year)) = calendar::year(rest) else {
            continue;
        };
        if !at_word_end(after) {
            continue;
        }
        let from = Date::new(year, first_month, 1).ok()?;
        let to = Date::new(year, last_month, 1).ok()?.last_of_month();
        return Some(TimeExpression::days(input.len() - after.len(), Some((from, to))));
    }
    None
}

/// Turns a document date into the days a relative expression covers.
type Resolver = fn(Date) -> Option<(Date, Date)>;

/// `last year`, `last month`, `this week`, `yesterday`, `today`.
fn relative(input: &str, today: Option<Date>) -> Option<TimeExpression> {
    const FORMS: [(&str, Resolver); 12] = [
        ("last year", |d| {
            let y = d.year() - 1;
            Some((Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?))
        }),
        ("last month", |d| {
            let m = d.first_of_month().checked_sub(1.month()).ok()?;
            Some((m, m.last_of_month()))
        }),
        ("this week", |d| {
            let start = d
                .checked_sub(i32::from(d.weekday().to_monday_zero_offset()).days())
                .ok()?;
            Some((start, start.checked_add(6.days()).ok()?))
        }),
        ("this year", |d| {
            Some((Date::new(d.year(), 1, 1).ok()?, Date::new(d.year(), 12, 31).ok()?))
        }),
        ("yesterday", |d| d.yesterday().ok().map(|y| (y, y))),
        ("today", |d| Some((d, d))),
        ("last week", |d| {
            let monday = d
                .checked_sub(i32::from(d.weekday().to_monday_zero_offset()).days())
                .ok()?;
            let start = monday.checked_sub(7.days()).ok()?;
            Some((start, start.checked_add(6.days()).ok()?))
        }),
        ("this month", |d| Some((d.first_of_month(), d.last_of_month()))),
        ("next month", |d| {
            let m = d.first_of_month().checked_add(1.month()).ok()?;
            Some((m, m.last_of_month()))
        }),
        ("next year", |d| {
            let y = d.year() + 1;
            Some((Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?))
        }),
        ("later this week", |d| {
            let monday = d
                .checked_sub(i32::from(d.weekday().to_monday_zero_offset()).days())
                .ok()?;
            Some((d, monday.checked_add(6.days()).ok()?))
        }),
        ("earlier this year", |d| Some((Date::new(d.year(), 1, 1).ok()?, d))),
    ];
    let first = input.as_bytes().first()?.to_ascii_lowercase();
    for (form, resolve) in FORMS {
        if form.as_bytes()[0] != first {
            continue;
        }
        let matches = input
            .get(..form.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(form));
        if matches && at_word_end(&input[form.len()..]) {
            return Some(TimeExpression::days(form.len(), today.and_then(resolve)));
        }
    }
    None
}

/// The days a bare year covers.
pub fn year_bounds(year: i16) -> (Option<Date>, Option<Date>) {
    (Date::new(year, 1, 1).ok(), Date::new(year, 12, 31).ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn resolve(input: &str) -> (usize, Option<Date>, Option<Date>) {
        let t = time_expression(input, Some(date(2018, 2, 13)), Direction::Back).unwrap_or_else(|| panic!("{input}"));
        (t.len, t.from, t.to)
    }

    #[test]
    fn digits_that_open_no_date_or_time_are_turned_away_first() {
        // Every form that opens with digits gets past the check, and the grammar reads it.
        for form in [
            "2020-02-12 at",
            "02/04/2020",
            "9 January 2020",
            "3rd March",
            "21st March",
            "4pm",
            "4 PM",
            "11.30 p.m.",
            "7:05 a.m.",
            "19:37",
            "2020/21",
            "2022–23",
        ] {
            assert!(digits_may_open(form.as_bytes()), "{form}");
            assert!(time_expression(form, None, Direction::Back).is_some(), "{form}");
        }
        for number in [
            "500 troops",
            "2014 was",
            "29%",
            "12,000",
            "4,000-strong",
            "100",
            "7",
            "2020.5",
        ] {
            assert!(!digits_may_open(number.as_bytes()), "{number}");
        }
    }

    #[test]
    fn resolves_dates_against_the_document_date() {
        assert_eq!(
            resolve("January 3."),
            (9, Some(date(2018, 1, 3)), Some(date(2018, 1, 3)))
        );
        assert_eq!(
            resolve("Tuesday gave"),
            (7, Some(date(2018, 2, 13)), Some(date(2018, 2, 13)))
        );
        assert_eq!(
            resolve("Thursday, with"),
            (8, Some(date(2018, 2, 8)), Some(date(2018, 2, 8)))
        );
        assert_eq!(resolve("last month calling").1, Some(date(2018, 1, 1)));
        assert_eq!(resolve("last year.").2, Some(date(2017, 12, 31)));
        assert_eq!(resolve("February 12, 2020 04:57 PM").0, 26);
        assert_eq!(resolve("Tue, 02/04/2020 - 19:37").0, 3);
        assert_eq!(resolve("02/04/2020 - 19:37").0, 18);
        assert!(time_expression("Tuesdays", None, Direction::Back).is_none());
        assert!(time_expression("marching", None, Direction::Back).is_none());
        assert_eq!(
            resolve("early 2017 and"),
            (10, Some(date(2017, 1, 1)), Some(date(2017, 4, 30)))
        );
        assert_eq!(resolve("mid-2019").1, Some(date(2019, 5, 1)));
        assert_eq!(resolve("the end of 2019,").2, Some(date(2019, 12, 31)));
        assert_eq!(resolve("next year").1, Some(date(2019, 1, 1)));
        assert_eq!(resolve("last week").1, Some(date(2018, 2, 5)));
        assert!(time_expression("late night", None, Direction::Back).is_none());
        let july = resolve("July 2017 and");
        assert_eq!((july.1, july.2), (Some(date(2017, 7, 1)), Some(date(2017, 7, 31))));
        let bare = time_expression("July, the", Some(date(2018, 2, 13)), Direction::Back).unwrap();
        assert!(bare.bare_month);
        assert_eq!((bare.from, bare.to), (Some(date(2017, 7, 1)), Some(date(2017, 7, 31))));
        let ahead = time_expression("July.", Some(date(2018, 2, 13)), Direction::Forward).unwrap();
        assert_eq!(ahead.from, Some(date(2018, 7, 1)));
        assert!(time_expression("may cut", Some(date(2018, 2, 13)), Direction::Back).is_none());
        assert_eq!(resolve("last February").1, Some(date(2017, 2, 1)));
        assert_eq!(resolve("next February").1, Some(date(2019, 2, 1)));
        assert_eq!(resolve("next March").1, Some(date(2018, 3, 1)));
    }
}
