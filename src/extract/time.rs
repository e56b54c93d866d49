//! Time expressions: calendar dates (`9 January 2020`, `January 3`, `Feb. 12, 2020`), times of
//! day, weekdays (`on Tuesday`), years (`in 2014`), and dates relative to the document
//! (`last year`, `last month`). They become `date` claims, never counts, and resolve against
//! the document date when they lack a year.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use crate::calendar;

use super::number::{at_word_end, word};

/// A time expression's extent and, when it can be resolved, the days it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpression {
    pub len: usize,
    pub from: Option<Date>,
    pub to: Option<Date>,
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
pub fn time_expression(input: &str, today: Option<Date>) -> Option<TimeExpression> {
    if let Some(part) = part_of_year(input) {
        return Some(part);
    }
    let default_year = today.map(Date::year);
    if let Ok((rest, date)) = calendar::calendar_date(input) {
        let mut len = input.len() - rest.len();
        // `February 12, 2020 04:57 PM`, `02/04/2020 - 19:37`
        let after = rest.trim_start_matches([' ', '-']);
        if let Ok((rest2, _)) = calendar::time_of_day(after)
            && (after.len() < rest.len() || rest.is_empty())
        {
            len = input.len() - rest2.len();
        }
        let bounds = date.bounds(default_year);
        return Some(TimeExpression {
            len,
            from: bounds.map(|b| b.0),
            to: bounds.map(|b| b.1),
        });
    }
    if let Ok((rest, _)) = calendar::time_of_day(input) {
        return Some(TimeExpression {
            len: input.len() - rest.len(),
            from: today,
            to: today,
        });
    }
    for (name, weekday) in WEEKDAYS {
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
            // The weekday most recently before the document date (news says "on Tuesday").
            let day = today.and_then(|d| {
                d.nth_weekday(-1, weekday)
                    .ok()
                    .map(|p| if d.weekday() == weekday { d } else { p })
            });
            return Some(TimeExpression {
                len: input.len() - rest.len(),
                from: day,
                to: day,
            });
        }
    }
    relative(input, today)
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
    for &(words, (first_month, last_month)) in PARTS {
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
        return Some(TimeExpression {
            len: input.len() - after.len(),
            from: Some(from),
            to: Some(to),
        });
    }
    None
}

/// Turns a document date into the days a relative expression covers.
type Resolver = fn(Date) -> Option<(Date, Date)>;

/// `last year`, `last month`, `this week`, `yesterday`, `today`.
fn relative(input: &str, today: Option<Date>) -> Option<TimeExpression> {
    let forms: [(&str, Resolver); 12] = [
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
    for (form, resolve) in forms {
        let matches = input
            .get(..form.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(form));
        if matches && at_word_end(&input[form.len()..]) {
            let bounds = today.and_then(resolve);
            return Some(TimeExpression {
                len: form.len(),
                from: bounds.map(|b| b.0),
                to: bounds.map(|b| b.1),
            });
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
        let t = time_expression(input, Some(date(2018, 2, 13))).unwrap_or_else(|| panic!("{input}"));
        (t.len, t.from, t.to)
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
        assert!(time_expression("Tuesdays", None).is_none());
        assert!(time_expression("marching", None).is_none());
        assert_eq!(
            resolve("early 2017 and"),
            (10, Some(date(2017, 1, 1)), Some(date(2017, 4, 30)))
        );
        assert_eq!(resolve("mid-2019").1, Some(date(2019, 5, 1)));
        assert_eq!(resolve("the end of 2019,").2, Some(date(2019, 12, 31)));
        assert_eq!(resolve("next year").1, Some(date(2019, 1, 1)));
        assert_eq!(resolve("last week").1, Some(date(2018, 2, 5)));
        assert!(time_expression("late night", None).is_none());
    }
}
