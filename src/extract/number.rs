//! Numbers as written: digits with separators and decimals, magnitudes (`88 billion`, `10k`),
//! number words (`three`, `twenty-five`, `a hundred and five`), and vague amounts (`several
//! hundred`, `dozens`, `a few`).
//!
//! Every parser takes text starting at a word start and returns the rest, so callers know the
//! span. A parser never consumes a trailing space it does not need.

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, tag_no_case, take_while1},
    character::complete::char,
    combinator::{opt, recognize},
    multi::many0,
    sequence::{pair, preceded},
};

/// A parsed number: exact (`low == high`) or a vague amount spanning a range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Amount {
    pub low: f64,
    pub high: f64,
    pub approximate: bool,
}

impl Amount {
    pub fn exact(value: f64) -> Self {
        Self {
            low: value,
            high: value,
            approximate: false,
        }
    }

    fn scaled(self, factor: f64) -> Self {
        Self {
            low: self.low * factor,
            high: self.high * factor,
            ..self
        }
    }

    pub fn is_exact(&self) -> bool {
        self.low == self.high
    }
}

fn fail<T>(input: &str) -> IResult<&str, T> {
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        nom::error::ErrorKind::Verify,
    )))
}

/// One or more spaces, tabs or non-breaking spaces.
pub fn gap(input: &str) -> IResult<&str, &str> {
    take_while1(|c: char| c == ' ' || c == '\t' || c == '\u{a0}')(input)
}

/// True when `rest` does not continue the current word.
pub fn at_word_end(rest: &str) -> bool {
    !rest.chars().next().is_some_and(char::is_alphanumeric)
}

/// A case-insensitive whole word.
pub fn word<'a>(expected: &'static str) -> impl FnMut(&'a str) -> IResult<&'a str, &'a str> {
    move |input: &'a str| {
        let (rest, found) = tag_no_case(expected)(input)?;
        if at_word_end(rest) {
            Ok((rest, found))
        } else {
            fail(input)
        }
    }
}

fn ascii_digits(input: &str) -> IResult<&str, &str> {
    take_while1(|c: char| c.is_ascii_digit())(input)
}

/// `1,234,567.5`, `1234`, `2.5`, `.5` — as written, before magnitudes.
pub fn digit_number(input: &str) -> IResult<&str, f64> {
    let grouped = recognize(pair(
        take_while1(|c: char| c.is_ascii_digit()),
        many0(preceded(char(','), recognize_three_digits)),
    ));
    let (rest, text) = recognize(alt((
        recognize((grouped, opt(preceded(char('.'), ascii_digits)))),
        recognize(preceded(char('.'), ascii_digits)),
    )))
    .parse(input)?;
    let integer_part = text.split('.').next().unwrap_or_default();
    let first_group = integer_part.split(',').next().unwrap_or_default();
    if integer_part.contains(',') && (first_group.len() > 3 || first_group.is_empty()) {
        return fail(input);
    }
    match text.replace(',', "").parse::<f64>() {
        Ok(value) => Ok((rest, value)),
        Err(_) => fail(input),
    }
}

fn recognize_three_digits(input: &str) -> IResult<&str, &str> {
    let digits = input.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 3 {
        Ok((&input[3..], &input[..3]))
    } else {
        fail(input)
    }
}

const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("lakh", 1e5),
    ("crore", 1e7),
];

/// A scale word after a number: `hundred`, `thousand`, `million`, `billion`, `trillion`.
pub fn scale_word(input: &str) -> IResult<&str, f64> {
    for &(name, factor) in SCALES {
        if let Ok((rest, _)) = word(name)(input) {
            return Ok((rest, factor));
        }
    }
    fail(input)
}

/// A scale suffix glued to digits or after a space: `10k`, `1.2b`, `$5m`, `3bn`, `2.5 mln`.
fn scale_suffix(input: &str) -> IResult<&str, f64> {
    let (rest, suffix) = alt((
        tag("bn"),
        tag("mln"),
        tag("mn"),
        tag_no_case("k"),
        tag_no_case("m"),
        tag_no_case("b"),
        tag_no_case("t"),
    ))
    .parse(input)?;
    if !at_word_end(rest) || rest.starts_with('.') && rest[1..].starts_with(char::is_alphabetic) {
        return fail(input);
    }
    let factor = match suffix.to_ascii_lowercase().as_str() {
        "k" => 1e3,
        "m" | "mn" | "mln" => 1e6,
        "b" | "bn" => 1e9,
        _ => 1e12,
    };
    Ok((rest, factor))
}

/// Digits with an optional magnitude: `88 billion`, `1.2 million`, `10k`, `1,500`.
pub fn numeral(input: &str) -> IResult<&str, Amount> {
    let (rest, value) = digit_number(input)?;
    if let Ok((after, factor)) = scale_suffix(rest) {
        return Ok((after, Amount::exact(value * factor)));
    }
    if !at_word_end(rest) {
        return fail(input);
    }
    if let Ok((after, factor)) = preceded(gap, scale_word).parse(rest) {
        return Ok((after, Amount::exact(value * factor)));
    }
    Ok((rest, Amount::exact(value)))
}

const SMALL: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
];

const TENS: &[(&str, f64)] = &[
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

fn from_table(table: &'static [(&'static str, f64)]) -> impl FnMut(&str) -> IResult<&str, f64> {
    move |input| {
        for &(name, value) in table {
            if let Ok((rest, _)) = word(name)(input) {
                return Ok((rest, value));
            }
        }
        fail(input)
    }
}

/// `seven`, `seventeen`, `forty`, `forty-two`, `forty two`
fn below_hundred(input: &str) -> IResult<&str, f64> {
    if let Ok((rest, tens)) = from_table(TENS)(input) {
        let unit = preceded(alt((tag("-"), tag(" "))), from_table(&SMALL[1..10])).parse(rest);
        return Ok(unit.map_or((rest, tens), |(rest, unit)| (rest, tens + unit)));
    }
    from_table(SMALL)(input)
}

/// `a hundred`, `one hundred and five`, `twelve`
fn below_thousand(input: &str) -> IResult<&str, f64> {
    let head = alt((below_hundred, |i| word("a")(i).map(|(r, _)| (r, 1.0)))).parse(input)?;
    let (rest, value) = head;
    if let Ok((after, _)) = preceded(gap, word("hundred")).parse(rest) {
        let tail = preceded((opt((gap, word("and"))), alt((tag(" "), tag("-")))), below_hundred).parse(after);
        return Ok(tail.map_or((after, value * 100.0), |(r, v)| (r, value * 100.0 + v)));
    }
    Ok((rest, value))
}

/// Number words with scales: `three`, `twenty-five`, `two million`, `a thousand`,
/// `one hundred thousand`, `three hundred and twenty`.
pub fn number_words(input: &str) -> IResult<&str, Amount> {
    let (mut rest, mut group) = below_thousand(input)?;
    let mut total = 0.0;
    loop {
        let scaled = preceded(alt((tag(" "), tag("-"))), scale_word).parse(rest);
        let Ok((after, factor)) = scaled else { break };
        if factor == 100.0 {
            group *= factor;
            rest = after;
            continue;
        }
        total += group * factor;
        group = 0.0;
        rest = after;
        let next = preceded((opt(char(',')), opt((gap, word("and"))), tag(" ")), below_thousand).parse(rest);
        match next {
            Ok((after, value)) => {
                group = value;
                rest = after;
            }
            Err(_) => break,
        }
    }
    if input[..input.len() - rest.len()].eq_ignore_ascii_case("a") {
        return fail(input);
    }
    Ok((rest, Amount::exact(total + group)))
}

/// `a dozen`, `dozens`, `several hundred`, `hundreds`, `a few`, `a couple`: amounts that are
/// vague by nature. Open-ended plurals become ranges up to the next magnitude.
pub fn vague_amount(input: &str) -> IResult<&str, Amount> {
    let approx = |low: f64, high: f64| Amount {
        low,
        high,
        approximate: true,
    };
    if let Ok((rest, _)) = (word("a"), gap, word("dozen")).parse(input) {
        return Ok((rest, Amount::exact(12.0)));
    }
    if let Ok((rest, _)) = (word("a"), gap, word("couple")).parse(input) {
        return Ok((rest, Amount::exact(2.0)));
    }
    if let Ok((rest, _)) = (word("a"), gap, word("few")).parse(input) {
        let scaled = preceded(gap, scale_word).parse(rest);
        return Ok(match scaled {
            Ok((after, factor)) => (after, approx(2.0, 5.0).scaled(factor)),
            Err(_) => (
                rest,
                Amount {
                    low: 3.0,
                    high: 3.0,
                    approximate: true,
                },
            ),
        });
    }
    if let Ok((rest, _)) = word("several")(input) {
        let (after, factor) = preceded(gap, scale_word).parse(rest)?;
        return Ok((after, approx(3.0, 9.0).scaled(factor)));
    }
    if let Ok((rest, _)) = word("dozens")(input) {
        return Ok((rest, approx(24.0, 99.0)));
    }
    for &(name, factor) in &SCALES[..5] {
        let plural = format!("{name}s");
        let (rest, found) = take_while1(char::is_alphabetic)(input)?;
        if found.eq_ignore_ascii_case(&plural) {
            return Ok((rest, approx(2.0, 9.0).scaled(factor)));
        }
    }
    fail(input)
}

/// Any number: digits, vague amounts, then number words.
pub fn number(input: &str) -> IResult<&str, Amount> {
    alt((numeral, vague_amount, number_words)).parse(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(input: &str) -> (f64, &str) {
        let (rest, amount) = number(input).unwrap_or_else(|e| panic!("{input}: {e}"));
        assert!(amount.is_exact(), "{input}");
        (amount.low, rest)
    }

    #[test]
    fn digits_with_separators_decimals_and_magnitudes() {
        assert_eq!(value("1,234,567 people"), (1_234_567.0, " people"));
        assert_eq!(value("120 soldiers"), (120.0, " soldiers"));
        assert_eq!(value("2.5 percent"), (2.5, " percent"));
        assert_eq!(value("88 billion to"), (88e9, " to"));
        assert_eq!(value("1.2 million."), (1.2e6, "."));
        assert_eq!(value("10k runners"), (10e3, " runners"));
        assert_eq!(value("3bn,"), (3e9, ","));
    }

    #[test]
    fn rejects_digits_glued_to_letters_or_badly_grouped() {
        assert!(number("1RM3Y").is_err());
        assert!(number("3rd").is_err());
        assert!(digit_number("1234,56").map(|(r, _)| r) == Ok(",56"));
        assert!(number("12,34 people").is_err() || value("12,34 people").1.starts_with(','));
    }

    #[test]
    fn number_words() {
        assert_eq!(value("three years"), (3.0, " years"));
        assert_eq!(value("twenty-five men"), (25.0, " men"));
        assert_eq!(value("a hundred and five"), (105.0, ""));
        assert_eq!(value("two million people"), (2e6, " people"));
        assert_eq!(value("one hundred thousand"), (1e5, ""));
        assert_eq!(value("a thousand"), (1e3, ""));
        assert_eq!(value("a dozen eggs"), (12.0, " eggs"));
        assert!(number("a day").is_err());
        assert!(number("another").is_err());
        assert!(number("someone").is_err());
    }

    #[test]
    fn vague_amounts_are_ranges() {
        let (rest, several) = number("several hundred trainers").unwrap();
        assert_eq!((several.low, several.high, several.approximate), (300.0, 900.0, true));
        assert_eq!(rest, " trainers");
        let (_, dozens) = number("dozens of").unwrap();
        assert_eq!((dozens.low, dozens.high), (24.0, 99.0));
        let (_, thousands) = number("thousands of").unwrap();
        assert_eq!((thousands.low, thousands.high), (2000.0, 9000.0));
        assert!(number("several reporters").is_err());
    }
}
