//! Calendar grammar shared by `documents` (datelines) and `extract` (time expressions).
//!
//! Small nom parsers for the absolute date forms news and docs text uses: `2020-02-12`,
//! `9 January 2020`, `February 12, 2020`, `Feb. 12, 2020`, `02/04/2020`, `January 3`,
//! `February 2016`, and times of day (`04:57 PM`, `19:37`). Each parser takes a `&str` that
//! starts at the candidate and returns the rest, so callers can compute spans. No I/O.

use jiff::civil::Date;
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, tag_no_case, take_while_m_n},
    character::complete::{char, space0, space1},
    combinator::{map_res, opt, recognize, verify},
    sequence::{preceded, terminated},
};

/// A date as precise as the text gave it. `year` is missing for `January 3`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialDate {
    pub year: Option<i16>,
    pub month: Option<i8>,
    pub day: Option<i8>,
}

impl PartialDate {
    /// The first and last day the expression can mean, given a year for year-less forms.
    pub fn bounds(self, default_year: Option<i16>) -> Option<(Date, Date)> {
        let year = self.year.or(default_year)?;
        let first = Date::new(year, self.month.unwrap_or(1), self.day.unwrap_or(1)).ok()?;
        let last = match (self.month, self.day) {
            (Some(_), Some(_)) => first,
            (Some(_), None) => first.last_of_month(),
            _ => Date::new(year, 12, 31).ok()?,
        };
        Some((first, last))
    }
}

pub const MONTHS: [(&str, i8); 12] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
];

fn word_end(input: &str) -> bool {
    !input.chars().next().is_some_and(char::is_alphanumeric)
}

/// `January`, `Jan`, `Jan.`, `Sept.` — any case; returns the month number.
pub fn month_name(input: &str) -> IResult<&str, i8> {
    const LONGEST: usize = "september".len();
    let letters = input
        .bytes()
        .take(LONGEST + 1)
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let err = || nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Tag));
    if !(3..=LONGEST).contains(&letters) {
        return Err(err());
    }
    let mut lower = [0u8; LONGEST];
    for (to, from) in lower.iter_mut().zip(&input.as_bytes()[..letters]) {
        *to = from.to_ascii_lowercase();
    }
    // Every name in full and by its first three letters, and `sept`.
    let (month, whole) = match &lower[..letters] {
        b"january" => (1, true),
        b"jan" => (1, false),
        b"february" => (2, true),
        b"feb" => (2, false),
        b"march" => (3, true),
        b"mar" => (3, false),
        b"april" => (4, true),
        b"apr" => (4, false),
        b"may" => (5, true),
        b"june" => (6, true),
        b"jun" => (6, false),
        b"july" => (7, true),
        b"jul" => (7, false),
        b"august" => (8, true),
        b"aug" => (8, false),
        b"september" => (9, true),
        b"sep" => (9, false),
        b"october" => (10, true),
        b"oct" => (10, false),
        b"november" => (11, true),
        b"nov" => (11, false),
        b"december" => (12, true),
        b"dec" => (12, false),
        b"sept" => (9, false),
        _ => return Err(err()),
    };
    let rest = &input[letters..];
    // An abbreviation may end with a full stop.
    let rest = if whole {
        rest
    } else {
        rest.strip_prefix('.').unwrap_or(rest)
    };
    Ok((rest, month))
}

fn digits(min: usize, max: usize) -> impl FnMut(&str) -> IResult<&str, &str> {
    move |input| {
        let (rest, found) = take_while_m_n(min, max, |c: char| c.is_ascii_digit())(input)?;
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            return Err(nom::Err::Error(nom::error::Error::new(
                input,
                nom::error::ErrorKind::Digit,
            )));
        }
        Ok((rest, found))
    }
}

/// A four-digit year between 1000 and 2999.
pub fn year(input: &str) -> IResult<&str, i16> {
    map_res(verify(digits(4, 4), |y: &str| y.starts_with(['1', '2'])), str::parse).parse(input)
}

fn day(input: &str) -> IResult<&str, i8> {
    let (rest, value) = map_res(digits(1, 2), str::parse::<i8>).parse(input)?;
    let suffix: IResult<&str, &str> = alt((tag("st"), tag("nd"), tag("rd"), tag("th"))).parse(rest);
    let rest = suffix.map_or(rest, |r| r.0);
    if (1..=31).contains(&value) && word_end(rest) {
        Ok((rest, value))
    } else {
        Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )))
    }
}

fn full(year: i16, month: i8, day: i8) -> PartialDate {
    PartialDate {
        year: Some(year),
        month: Some(month),
        day: Some(day),
    }
}

/// A slash, one of `others`, or a hyphen of the one class (`-`, `‐`, `–`, `−` …) between the
/// parts of a date.
fn date_separator<'a>(input: &'a str, others: &str) -> IResult<&'a str, char> {
    match input.chars().next() {
        Some(c) if c == '/' || others.contains(c) || crate::extract::is_hyphen(c) => Ok((&input[c.len_utf8()..], c)),
        _ => Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::OneOf,
        ))),
    }
}

/// `2020-02-12`
pub fn iso_date(input: &str) -> IResult<&str, PartialDate> {
    let (rest, (y, _, m, _, d)) = (
        year,
        char('-'),
        map_res(digits(2, 2), str::parse::<i8>),
        char('-'),
        map_res(digits(2, 2), str::parse::<i8>),
    )
        .parse(input)?;
    valid(input, rest, full(y, m, d))
}

/// `02/04/2020`, `12-05-2024`, `12‐05‐2024`, `05.12.2024`: two numbers and a year, the same
/// separator (a slash, a dot or a hyphen of the one class) between them. Slashes and hyphens put the month first, as US outlets write it, and dots
/// the day first, as European ones do; when that reading is no date (`25/12/2024`,
/// `12.25.2024`) the other order is taken.
pub fn numeric_date(input: &str) -> IResult<&str, PartialDate> {
    let number = || map_res(digits(1, 2), str::parse::<i8>);
    let (after_first, first) = number().parse(input)?;
    let (after_separator, separator) = date_separator(after_first, ".")?;
    let (rest, (second, _, y)) = (number(), char(separator), year).parse(after_separator)?;
    let (month, day) = if separator == '.' {
        (second, first)
    } else {
        (first, second)
    };
    valid(input, rest, full(y, month, day)).or_else(|_| valid(input, rest, full(y, day, month)))
}

/// `2024/25`, `2022-23`, `1999/2000`: a season or a fiscal year, which runs over two
/// calendar years. The second year is the one after the first, written with its last two
/// digits or, after a slash, in full (`2010-2018` is a span of years, read as a range).
pub fn year_pair(input: &str) -> IResult<&str, (i16, i16)> {
    // Years of this and the last century only: `RFC 1001/1002` names two documents.
    let (after_first, first) = verify(year, |y| (1900..2100).contains(y)).parse(input)?;
    let (after_separator, separator) = date_separator(after_first, "")?;
    let (rest, second) = if separator == '/' {
        alt((digits(4, 4), digits(2, 2))).parse(after_separator)?
    } else {
        digits(2, 2).parse(after_separator)?
    };
    let second: i16 = second.parse().unwrap_or_default();
    let next = first + 1;
    let follows = if second < 100 {
        second == next % 100
    } else {
        second == next
    };
    // `2020-12-01` is a date, and `2024/25/26` no pair.
    let more = date_separator(rest, "").is_ok_and(|(after, _)| after.starts_with(|c: char| c.is_ascii_digit()));
    if follows && word_end(rest) && !more {
        Ok((rest, (first, next)))
    } else {
        Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )))
    }
}

/// `9 January 2020`, `8 January` (year optional)
pub fn day_month_year(input: &str) -> IResult<&str, PartialDate> {
    let (rest, (d, m, y)) = (
        terminated(day, space1),
        month_name,
        opt(preceded((opt(char(',')), space1), year)),
    )
        .parse(input)?;
    valid(
        input,
        rest,
        PartialDate {
            year: y,
            month: Some(m),
            day: Some(d),
        },
    )
}

/// `February 12, 2020`, `Feb. 12, 2020`, `January 3` (year optional)
pub fn month_day_year(input: &str) -> IResult<&str, PartialDate> {
    let (rest, (m, d, y)) = (
        terminated(month_name, space1),
        day,
        opt(preceded((opt(char(',')), space1), year)),
    )
        .parse(input)?;
    valid(
        input,
        rest,
        PartialDate {
            year: y,
            month: Some(m),
            day: Some(d),
        },
    )
}

/// `February 2016`, `Feb. 2016`
pub fn month_year(input: &str) -> IResult<&str, PartialDate> {
    let (rest, (m, _, y)) = (month_name, space1, year).parse(input)?;
    Ok((
        rest,
        PartialDate {
            year: Some(y),
            month: Some(m),
            day: None,
        },
    ))
}

fn valid<'a>(input: &'a str, rest: &'a str, date: PartialDate) -> IResult<&'a str, PartialDate> {
    let check_year = date.year.unwrap_or(2000);
    let ok = match (date.month, date.day) {
        (Some(m), Some(d)) => Date::new(check_year, m, d).is_ok(),
        (Some(m), None) => (1..=12).contains(&m),
        _ => true,
    };
    if ok && word_end(rest) {
        Ok((rest, date))
    } else {
        Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )))
    }
}

/// Any full or partial calendar date this module knows, longest form first.
pub fn calendar_date(input: &str) -> IResult<&str, PartialDate> {
    // The forms that open with a digit and those that open with a month name.
    let lead_digits = input.bytes().take(5).take_while(u8::is_ascii_digit).count();
    match lead_digits {
        // A year opens only the ISO form; a day or a month opens the others.
        4 => iso_date(input),
        1 | 2 => alt((numeric_date, day_month_year)).parse(input),
        0 => {
            // Both forms open with the month: a word that is none opens no date.
            month_name(input)?;
            alt((month_day_year, month_year)).parse(input)
        }
        _ => Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Digit,
        ))),
    }
}

/// `04:57 PM`, `19:37`, `7:05 a.m.`, `2 pm`, `2.13 am`, `7 o'clock`.
pub fn time_of_day(input: &str) -> IResult<&str, &str> {
    let meridiem = || {
        alt((
            tag_no_case("a.m."),
            tag_no_case("p.m."),
            tag_no_case("am"),
            tag_no_case("pm"),
        ))
    };
    let clock = recognize((
        verify(map_res(digits(1, 2), str::parse::<u8>), |h| *h < 24),
        char(':'),
        verify(map_res(digits(2, 2), str::parse::<u8>), |m| *m < 60),
        opt((space0, meridiem())),
    ));
    // Without a colon the meridiem (or `o'clock`) is required: `2 pm`, `11.30 p.m.`, `7 o'clock`
    let spoken = recognize((
        verify(map_res(digits(1, 2), str::parse::<u8>), |h| (1..=12).contains(h)),
        opt((char('.'), verify(map_res(digits(2, 2), str::parse::<u8>), |m| *m < 60))),
        space0,
        alt((meridiem(), tag_no_case("o'clock"), tag_no_case("o’clock"))),
    ));
    alt((clock, spoken)).parse(input).and_then(|(rest, found)| {
        if word_end(rest) || found.ends_with('.') {
            Ok((rest, found))
        } else {
            Err(nom::Err::Error(nom::error::Error::new(
                input,
                nom::error::ErrorKind::Verify,
            )))
        }
    })
}

/// A dateline: a line that is only a date, optionally with a time of day and a short
/// section label (`February 12, 2020 04:57 PM`, `9 January 2020`, `date 2020-02-12 Europe`).
pub fn dateline(line: &str) -> Option<Date> {
    let line = line.trim();
    let line = line.strip_prefix("date ").map_or(line, str::trim_start);
    let (rest, date) = calendar_date(line).ok()?;
    date.day?;
    let rest = rest.trim_start();
    let rest = time_of_day(rest).map_or(rest, |(r, _)| r).trim();
    // A trailing section label such as `Europe` is allowed; a sentence is not.
    if rest.split_whitespace().count() > 2 || rest.contains(['.', ',']) {
        return None;
    }
    date.bounds(None).map(|(first, _)| first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn parses_the_date_forms_of_news_text() {
        assert_eq!(calendar_date("2020-02-12 Europe").unwrap().1, full(2020, 2, 12));
        assert_eq!(calendar_date("9 January 2020").unwrap().1, full(2020, 1, 9));
        assert_eq!(
            calendar_date("February 12, 2020 04:57 PM").unwrap(),
            (" 04:57 PM", full(2020, 2, 12))
        );
        assert_eq!(calendar_date("Feb. 12, 2020.").unwrap().1, full(2020, 2, 12));
        assert_eq!(calendar_date("02/04/2020 - 19:37").unwrap().1, full(2020, 2, 4));
        assert_eq!(calendar_date("02-04-2020,").unwrap().1, full(2020, 2, 4));
        assert_eq!(calendar_date("02.04.2020.").unwrap().1, full(2020, 4, 2));
        // One order is no date, so the other is taken.
        assert_eq!(calendar_date("13/04/2020").unwrap().1, full(2020, 4, 13));
        assert_eq!(calendar_date("04.13.2020").unwrap().1, full(2020, 4, 13));
        let no_year = calendar_date("January 3.").unwrap().1;
        assert_eq!(
            no_year,
            PartialDate {
                year: None,
                month: Some(1),
                day: Some(3)
            }
        );
        assert_eq!(no_year.bounds(Some(2020)), Some((date(2020, 1, 3), date(2020, 1, 3))));
        let month = calendar_date("February 2016 annual").unwrap().1;
        assert_eq!(month.bounds(None), Some((date(2016, 2, 1), date(2016, 2, 29))));
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        assert!(calendar_date("30 Iraqi soldiers").is_err());
        assert!(calendar_date("February 30, 2020").is_err());
        assert!(calendar_date("Mayor Smith").is_err());
        assert!(calendar_date("12345").is_err());
        assert!(calendar_date("02-04/2020").is_err(), "the separators differ");
        assert!(calendar_date("13/14/2020").is_err());
        assert!(calendar_date("10-17 people").is_err());
        assert!(time_of_day("19:375").is_err());
        assert_eq!(time_of_day("04:57 PM rest").unwrap().1, "04:57 PM");
    }

    #[test]
    fn year_pairs_are_two_years_in_a_row() {
        assert_eq!(year_pair("2024/25 budget"), Ok((" budget", (2024, 2025))));
        assert_eq!(year_pair("2022-23"), Ok(("", (2022, 2023))));
        assert_eq!(year_pair("2019–20,"), Ok((",", (2019, 2020))));
        assert_eq!(year_pair("1999/2000"), Ok(("", (1999, 2000))));
        assert_eq!(year_pair("1999-00"), Ok(("", (1999, 2000))));
        for not_a_pair in [
            "2010-2018",
            "2024/26",
            "2020-12-01",
            "2024/25/26",
            "1001/1002",
            "2024/7",
            "2024-25th",
        ] {
            assert!(year_pair(not_a_pair).is_err(), "{not_a_pair}");
        }
    }

    #[test]
    fn month_names_are_read_whole_or_by_three_letters() {
        for (name, number) in MONTHS {
            assert_eq!(month_name(name), Ok(("", number)), "{name}");
            assert_eq!(month_name(&name.to_ascii_uppercase()), Ok(("", number)), "{name}");
            let stop = if name.len() == 3 { ". 3" } else { " 3" };
            assert_eq!(month_name(&format!("{}. 3", &name[..3])), Ok((stop, number)), "{name}");
        }
        assert_eq!(month_name("Sept. 12"), Ok((" 12", 9)));
        assert_eq!(month_name("May."), Ok((".", 5)));
        assert_eq!(month_name("March, 2020"), Ok((", 2020", 3)));
        for not_a_month in ["Ja", "Janu", "Mayor", "Septembers", "Junes", "Marc", "", "2020"] {
            assert!(month_name(not_a_month).is_err(), "{not_a_month}");
        }
    }

    #[test]
    fn finds_datelines_but_not_sentences() {
        assert_eq!(dateline(" date 2020-02-12 Europe"), Some(date(2020, 2, 12)));
        assert_eq!(dateline("9 January 2020"), Some(date(2020, 1, 9)));
        assert_eq!(dateline("February 12, 2020 04:57 PM"), Some(date(2020, 2, 12)));
        assert_eq!(dateline("January 3, 2020, was the day of the strike."), None);
        assert_eq!(dateline("February 2016"), None);
    }
}
