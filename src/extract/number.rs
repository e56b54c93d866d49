//! Numbers as written: digits with separators, decimals, exponents and fractions
//! (`1,234,567.89`, `4 000`, `1.250.000`, `1'250'000`, `1,5`, `.5`, `1.3x10^6`, `2 1/4`, `3½`),
//! magnitudes (`88 billion`, `$1.2bn`, `1.2 bn`, `10k`, `3M`), signs (`-5`, `−5`, `–5`, `+5`,
//! `minus five`), number words (`twenty-nine`, `one hundred and five`, `hundred and ten`, `a
//! dozen`, `half a million`, `a billion and a half`, `one-and-a-half`, `two-thirds`, `nine point
//! nought four`, `point five`), multipliers in one word (`tenfold`), and vague amounts
//! (`several hundred`, `dozens`, `tens of thousands`, `a few`).
//!
//! Every parser takes text starting at a word start and returns the rest, so callers know the
//! span. A parser never consumes a trailing space it does not need.
//!
//! Interval semantics of vague amounts: `a few` is about 3; `a few N` is 2–5 N (`a few dozen`
//! is 24–60); `several N` is 3–9 N; `dozens` is 24–99; a plural magnitude (`hundreds`,
//! `thousands`) is 2–9 of it; `tens of thousands` is 20,000–90,000; `N of M` nests (`hundreds
//! of thousands` is 200,000–900,000). All are approximate. `a couple` and `a pair` are 2.
//!
//! Every hyphen that joins two parts is one of [`HYPHENS`] (the ASCII hyphen, the Unicode
//! hyphen and non-breaking hyphen, the figure dash, the en dash and the minus sign). Ordinals
//! (`twenty-first`, `two millionth`) and pairs that are no fraction (`50/50`, `24/7`) are no
//! number. `docs/grammar.md` lists every construction and what it reads as.

use std::sync::LazyLock;

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while1},
    character::complete::char,
    combinator::opt,
    sequence::preceded,
};

use super::words::{self, WordSet};

/// A parsed number: exact (`low == high`) or a vague amount spanning a range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Amount {
    pub low: f64,
    pub high: f64,
    pub approximate: bool,
    /// A number only when a unit follows: `a` in "a kilogram", `half` in "half liter".
    pub weak: bool,
}

impl Amount {
    pub fn exact(value: f64) -> Self {
        Self {
            low: value,
            high: value,
            approximate: false,
            weak: false,
        }
    }

    fn approx(low: f64, high: f64) -> Self {
        Self {
            low,
            high,
            approximate: true,
            weak: false,
        }
    }

    /// The amount times `factor`. A factor that is one over a whole number divides by that
    /// number, so that decimal results stay exact (35 basis points are 0.35, not
    /// 0.35000000000000003).
    pub fn scaled(self, factor: f64) -> Self {
        let divisor = (1.0 / factor).round();
        if factor < 1.0 && divisor * factor == 1.0 {
            return Self {
                low: self.low / divisor,
                high: self.high / divisor,
                ..self
            };
        }
        Self {
            low: self.low * factor,
            high: self.high * factor,
            ..self
        }
    }

    pub fn negated(self) -> Self {
        Self {
            low: -self.high,
            high: -self.low,
            ..self
        }
    }

    pub fn is_exact(&self) -> bool {
        self.low == self.high
    }
}

pub fn fail<T>(input: &str) -> IResult<&str, T> {
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        nom::error::ErrorKind::Verify,
    )))
}

/// The one class of hyphens every grammar reads, wherever a hyphen joins two things (the
/// parts of a word number, a compound, the ends of a range, `-odd`, `-plus`, `-fold`): the
/// ASCII hyphen-minus; the Unicode hyphen and non-breaking hyphen that typesetting puts in
/// `twenty‑nine`, `10‑17` and `500‑strong`; the figure dash; the en dash, which typesetting
/// puts between the ends of a range and editors put in compounds (`a 10–day visit`); and the
/// minus sign. The em dash joins only the ends of a range ([`DASHES`]).
pub const HYPHENS: [char; 6] = ['-', '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2212}'];

/// What may stand between the ends of a range: [`HYPHENS`] and the em dash.
pub const DASHES: [char; 7] = [
    '-', '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2212}', '\u{2014}',
];

/// Whether `c` is one of [`HYPHENS`].
pub fn is_hyphen(c: char) -> bool {
    HYPHENS.contains(&c)
}

/// The text after one hyphen at the start of `input`.
pub fn hyphen(input: &str) -> Option<&str> {
    input.strip_prefix(HYPHENS)
}

/// The text after one hyphen and `expected` as a whole word: `-odd` in `60-odd`.
pub fn hyphen_word<'a>(input: &'a str, expected: &str) -> Option<&'a str> {
    word_prefix(hyphen(input)?, expected)
}

/// A space, tab, or non-breaking, narrow or thin space.
pub fn is_gap_char(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// One or more spaces, tabs or non-breaking, narrow or thin spaces.
pub fn gap(input: &str) -> IResult<&str, &str> {
    take_while1(is_gap_char)(input)
}

/// True when `rest` does not continue the current word.
pub fn at_word_end(rest: &str) -> bool {
    !rest.chars().next().is_some_and(char::is_alphanumeric)
}

/// The rest of `input` after `expected` as a case-insensitive whole word.
pub fn word_prefix<'a>(input: &'a str, expected: &str) -> Option<&'a str> {
    let head = input.get(..expected.len())?;
    let rest = &input[expected.len()..];
    (head.eq_ignore_ascii_case(expected) && at_word_end(rest)).then_some(rest)
}

/// A case-insensitive whole word.
pub fn word<'a>(expected: &'static str) -> impl FnMut(&'a str) -> IResult<&'a str, &'a str> {
    move |input: &'a str| match word_prefix(input, expected) {
        Some(rest) => Ok((rest, &input[..expected.len()])),
        None => fail(input),
    }
}

/// The first of `words` that stands whole at the start of `input`, with its value.
/// The words are ASCII letters, so only one as long as the run of letters `input` opens with
/// can stand whole there.
pub(super) fn word_in<T: Copy>(input: &str, words: &[(&'static str, T)]) -> Option<(usize, T)> {
    let first = input.as_bytes().first()?.to_ascii_lowercase();
    let len = input.bytes().take_while(u8::is_ascii_alphabetic).count();
    if len == 0 || !at_word_end(&input[len..]) {
        return None;
    }
    let head = &input.as_bytes()[..len];
    words
        .iter()
        .find(|(w, _)| w.len() == len && w.as_bytes()[0] == first && head.eq_ignore_ascii_case(w.as_bytes()))
        .map(|&(w, value)| (w.len(), value))
}

/// `1920 x 1080`, `4×4`, `2 x 3 x 5`: whole numbers joined by `x` or `×`, the sides of a
/// screen, a board or a box. Returns the length and where the last number starts. Not
/// `2 x 10^6`, a number in scientific notation.
pub fn dimensions(input: &str) -> Option<(usize, usize)> {
    fn whole(input: &str) -> IResult<&str, &str> {
        take_while1(|c: char| c.is_ascii_digit())(input)
    }
    fn times(input: &str) -> IResult<&str, char> {
        preceded(opt(char(' ')), nom::character::complete::one_of("x×"))
            .parse(input)
            .map(|(rest, sign)| (rest.strip_prefix(' ').unwrap_or(rest), sign))
    }
    let (mut rest, _) = whole(input).ok()?;
    let mut last_start = None;
    for _ in 0..2 {
        let Ok((after_times, _)) = times(rest) else { break };
        let Ok((after, _)) = whole(after_times) else { break };
        last_start = Some(input.len() - after_times.len());
        rest = after;
    }
    let last_start = last_start?;
    let ends = !rest.starts_with(|c: char| c.is_alphanumeric() || matches!(c, '^' | '.' | ',' | '⁰'..='⁹'))
        || rest.starts_with([',', '.']) && !rest[1..].starts_with(|c: char| c.is_ascii_digit());
    ends.then_some((input.len() - rest.len(), last_start))
}

/// `020 7946 0958`, `+44 20 7946 0958`, `(555) 123-4567`, `555 123 4567`: a phone number at
/// the start of `input`, whose digit groups count nothing. `after_plus`: a `+` stands right
/// before `input` (an international number). Returns the number's length.
///
/// Groups of digits joined by single spaces, hyphens or dots make a phone number when it is
/// international, opens with a bracketed area code or with a trunk `0` (`020`, `0800`), or
/// has the North American shape 3-3-4 (`1 800 555 0199`). Thousands written with spaces
/// (`1 250 000`) never take these shapes: their first group has no leading zero and every
/// later group has three digits.
pub fn phone_number(input: &str, after_plus: bool) -> Option<usize> {
    const MAX_GROUPS: usize = 6;
    let bytes = input.as_bytes();
    let bracketed = bytes.first() == Some(&b'(');
    let mut at = usize::from(bracketed);
    let first = count_digits(&input[at..]);
    if !(1..=5).contains(&first) {
        return None;
    }
    let trunk_zero = bytes[at] == b'0' && first >= 2;
    at += first;
    if bracketed {
        if bytes.get(at) != Some(&b')') {
            return None;
        }
        at += 1;
    }
    let mut lengths = [0usize; MAX_GROUPS];
    lengths[0] = first;
    let mut groups = 1;
    while groups < MAX_GROUPS
        && let Some(b' ' | b'-' | b'.') = bytes.get(at)
    {
        let len = count_digits(&input[at + 1..]);
        if !(1..=5).contains(&len) {
            break;
        }
        lengths[groups] = len;
        groups += 1;
        at += 1 + len;
    }
    // The number must end there: `020 7946 0958.` ends a sentence, `555 123 4567.5` is no phone.
    let rest = &input[at..];
    let ends = match rest.as_bytes() {
        [] => true,
        [b'.' | b',', next, ..] => !next.is_ascii_digit(),
        [byte, ..] => !byte.is_ascii_alphanumeric(),
    };
    let digits: usize = lengths[..groups].iter().sum();
    let lengths = &lengths[..groups];
    let phone = match () {
        () if after_plus || bracketed => groups >= 2 && digits >= 7,
        // `05-12-2024` is a date.
        () if trunk_zero => groups >= 2 && digits >= 7 && !(groups == 3 && lengths[0] <= 2 && lengths[1] <= 2),
        () => matches!(lengths, [3, 3, 4] | [1, 3, 3, 4]),
    };
    (ends && phone).then_some(at)
}

/// More digits in a row than any quantity is written with: such a run is a code, a hash or
/// a phone book, and reading it stops there so that a long run costs no more than a short one.
const MAX_DIGITS: usize = 24;

/// The ASCII digits at the start of `input`, counted up to one past [`MAX_DIGITS`].
fn count_digits(input: &str) -> usize {
    input
        .bytes()
        .take(MAX_DIGITS + 1)
        .take_while(u8::is_ascii_digit)
        .count()
}

/// The digits of a number as written, without its group separators, for `str::parse`: kept
/// on the stack, as nearly every number fits, and spilled to the heap past that.
struct DigitText {
    buffer: [u8; Self::INLINE],
    len: usize,
    spilled: Option<String>,
}

impl DigitText {
    const INLINE: usize = 64;

    fn new() -> Self {
        Self {
            buffer: [0; Self::INLINE],
            len: 0,
            spilled: None,
        }
    }

    /// Appends ASCII digits or a decimal point.
    fn push(&mut self, part: &str) {
        if let Some(spilled) = &mut self.spilled {
            spilled.push_str(part);
        } else if self.len + part.len() <= Self::INLINE {
            self.buffer[self.len..self.len + part.len()].copy_from_slice(part.as_bytes());
            self.len += part.len();
        } else {
            let mut spilled = String::with_capacity(self.len + part.len());
            spilled.push_str(self.as_str());
            spilled.push_str(part);
            self.spilled = Some(spilled);
        }
    }

    fn as_str(&self) -> &str {
        match &self.spilled {
            Some(spilled) => spilled,
            // Only ASCII digits and points are pushed.
            None => std::str::from_utf8(&self.buffer[..self.len]).unwrap_or_default(),
        }
    }
}

/// `1,234,567.89`, `12,34,567`, `1 234 567`, `4000`, `2.5`, `.5` — digits as written, with
/// Western or Indian comma groups or space groups of three.
pub fn digit_number(input: &str) -> IResult<&str, f64> {
    let lead = count_digits(input);
    if lead > MAX_DIGITS {
        return fail(input);
    }
    let mut text = DigitText::new();
    let mut pos = lead;
    if lead == 0 {
        let decimals = input.strip_prefix('.').map_or(0, count_digits);
        if decimals == 0 {
            return fail(input);
        }
    }
    text.push(&input[..lead]);
    if lead > 0 {
        // Comma groups: all of three digits (Western), or of two with a last of three (Indian).
        let mut at = pos;
        let mut groups = 0;
        let mut all_three = true;
        let mut middle_two = true;
        let mut last_len = 0;
        while input[at..].starts_with(',') {
            let n = count_digits(&input[at + 1..]);
            if n == 0 {
                break;
            }
            if groups > 0 {
                middle_two &= last_len == 2;
            }
            all_three &= n == 3;
            last_len = n;
            groups += 1;
            at += 1 + n;
        }
        if groups > 0 {
            let western = lead <= 3 && all_three;
            let indian = lead <= 2 && last_len == 3 && middle_two;
            if western || indian {
                input[pos..at].split(',').for_each(|g| text.push(g));
                pos = at;
            } else if groups == 1
                && lead <= 3
                && last_len <= 2
                && !(input[at..].starts_with(['.', ',']) && count_digits(&input[at + 1..]) > 0)
            {
                // `1,3`, `12,75`: one or two digits after a comma are a decimal comma.
                text.push(".");
                text.push(&input[pos + 1..at]);
                return match text.as_str().parse::<f64>() {
                    Ok(value) => Ok((&input[at..], value)),
                    Err(_) => fail(input),
                };
            }
        } else if lead <= 3
            && let Some((end, decimals)) = separator_groups(input, lead)
        {
            // `1.250.000`, `1'250'000`, `2.750.400,25`
            for (i, c) in input[pos..end].char_indices() {
                if c.is_ascii_digit() {
                    text.push(&input[pos + i..pos + i + 1]);
                }
            }
            pos = end;
            if let Some(decimals) = decimals {
                text.push(".");
                text.push(&input[pos + 1..pos + 1 + decimals]);
                // The decimals are read: no decimal point may follow.
                return match text.as_str().parse::<f64>() {
                    Ok(value) => Ok((&input[pos + 1 + decimals..], value)),
                    Err(_) => fail(input),
                };
            }
        } else if lead <= 3 {
            // `1 234 567`, `10 000`: space groups of exactly three digits.
            loop {
                let rest = &input[pos..];
                let Some(space) = rest.chars().next().filter(|&c| is_gap_char(c) && c != '\t') else {
                    break;
                };
                let after = &rest[space.len_utf8()..];
                let n = count_digits(after);
                let next = after[n..].chars().next();
                if n != 3 || matches!(next, Some('/' | ':')) && after[n + 1..].starts_with(|c: char| c.is_ascii_digit())
                {
                    break;
                }
                text.push(&after[..3]);
                pos += space.len_utf8() + 3;
            }
        }
    }
    let rest = &input[pos..];
    if let Some(after_point) = rest.strip_prefix('.') {
        let n = count_digits(after_point);
        if n > MAX_DIGITS {
            return fail(input);
        }
        if n > 0 {
            let tail = &after_point[n..];
            // `1.2.3` (a version), `12.03.2020` (a date): not a number.
            if tail.starts_with('.') && tail[1..].starts_with(|c: char| c.is_ascii_digit()) {
                return fail(input);
            }
            text.push(".");
            text.push(&after_point[..n]);
            pos += 1 + n;
        }
    }
    match text.as_str().parse::<f64>() {
        Ok(value) => Ok((&input[pos..], value)),
        Err(_) => fail(input),
    }
}

/// `1.250.000`, `1'250'000`, `3’400`, `2.750.400,25`: groups of three digits after the `lead`
/// digits of `input`, each after a dot or each after an apostrophe. Dots need two groups or
/// more, or a decimal comma after them: one dot and three digits alone are a decimal (`4.800`).
/// Four dotted parts of at most 255 are a network address, not a number. Returns where the
/// groups end and, after dots, the count of digits of a decimal comma there.
fn separator_groups(input: &str, lead: usize) -> Option<(usize, Option<usize>)> {
    let separator = input[lead..].chars().next().filter(|c| matches!(c, '.' | '\'' | '’'))?;
    let width = separator.len_utf8();
    let mut at = lead;
    let mut groups = 0;
    let mut small_parts = input[..lead].parse::<u32>().is_ok_and(|v| v <= 255);
    while input[at..].starts_with(separator) && count_digits(&input[at + width..]) == 3 {
        small_parts &= input[at + width..at + width + 3].parse::<u32>().is_ok_and(|v| v <= 255);
        at += width + 3;
        groups += 1;
    }
    let rest = &input[at..];
    if groups == 0 || rest.starts_with(separator) && rest[width..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if separator != '.' {
        return Some((at, None));
    }
    let decimals = rest.strip_prefix(',').map_or(0, count_digits);
    let decimals = (decimals > 0 && decimals <= MAX_DIGITS).then_some(decimals);
    let address = groups == 3 && small_parts;
    (decimals.is_some() || groups >= 2 && !address).then_some((at, decimals))
}

const VULGAR_FRACTIONS: &[(char, f64)] = &[
    ('½', 0.5),
    ('⅓', 1.0 / 3.0),
    ('⅔', 2.0 / 3.0),
    ('¼', 0.25),
    ('¾', 0.75),
    ('⅕', 0.2),
    ('⅖', 0.4),
    ('⅗', 0.6),
    ('⅘', 0.8),
    ('⅙', 1.0 / 6.0),
    ('⅚', 5.0 / 6.0),
    ('⅐', 1.0 / 7.0),
    ('⅛', 0.125),
    ('⅜', 0.375),
    ('⅝', 0.625),
    ('⅞', 0.875),
    ('⅑', 1.0 / 9.0),
    ('⅒', 0.1),
];

/// `½`, `¾`: a fraction written as one character.
pub fn vulgar_fraction(input: &str) -> IResult<&str, f64> {
    let Some(c) = input.chars().next() else {
        return fail(input);
    };
    match VULGAR_FRACTIONS.iter().find(|(v, _)| *v == c) {
        Some(&(_, value)) => Ok((&input[c.len_utf8()..], value)),
        None => fail(input),
    }
}

/// `/4` after a numerator: a denominator that is not the middle of a date (`3/4/2020`).
fn slash_denominator(input: &str) -> IResult<&str, f64> {
    let Some(after) = input.strip_prefix('/') else {
        return fail(input);
    };
    let n = count_digits(after);
    let tail = &after[n..];
    if n == 0 || n > 6 || tail.starts_with(['/', ',']) || tail.starts_with('.') && count_digits(&tail[1..]) > 0 {
        return fail(input);
    }
    match after[..n].parse::<f64>() {
        Ok(d) if d > 0.0 => Ok((tail, d)),
        _ => fail(input),
    }
}

fn superscript_digit(c: char) -> Option<u32> {
    "⁰¹²³⁴⁵⁶⁷⁸⁹".chars().position(|s| s == c).map(|p| p as u32)
}

/// A signed integer exponent: `-5`, `−5`, `6`, `⁻⁵`.
fn exponent_digits(input: &str) -> Option<(&str, i32)> {
    let (rest, negative) = if let Some(r) = input.strip_prefix(['-', '−', '⁻']) {
        (r, true)
    } else {
        (input.strip_prefix(['+', '⁺']).unwrap_or(input), false)
    };
    let n = count_digits(rest);
    let (rest, magnitude) = if n > 0 {
        (&rest[n..], rest[..n].parse::<i32>().ok()?)
    } else {
        let digits: Vec<u32> = rest.chars().map_while(superscript_digit).collect();
        if digits.is_empty() {
            return None;
        }
        let len: usize = rest.chars().take(digits.len()).map(char::len_utf8).sum();
        (
            &rest[len..],
            digits
                .iter()
                .fold(0i32, |acc, d| acc.saturating_mul(10).saturating_add(*d as i32)),
        )
    };
    if magnitude > 300 || !at_word_end(rest) {
        return None;
    }
    Some((rest, if negative { -magnitude } else { magnitude }))
}

/// Scientific notation after a mantissa: `e10`, `E-5`, `x10^6`, `×10−5`, `·10⁶`.
fn exponent(input: &str) -> Option<(&str, i32)> {
    if let Some(rest) = input.strip_prefix(['e', 'E']) {
        return exponent_digits(rest);
    }
    let rest = input.trim_start_matches(' ');
    let rest = rest.strip_prefix(['x', 'X', '×', '*', '·'])?;
    let rest = rest.trim_start_matches(' ').strip_prefix("10")?;
    // After `x10` the power is raised (`^6`), signed (`−5`) or in superscript (`⁶`): plain
    // digits make another number (`1280x1024` is a screen size).
    let rest = match rest.strip_prefix('^') {
        Some(raised) => raised,
        None if rest.starts_with(|c: char| c.is_ascii_digit() || c == '+') => return None,
        None => rest,
    };
    exponent_digits(rest)
}

/// Digits with what may be glued to them: exponents (`1e10`, `2500^-1`), fractions (`1/2`,
/// `2 1/4`, `3½`, `3 ½`). Magnitudes and units are the caller's.
pub fn numeral(input: &str) -> IResult<&str, f64> {
    if let Ok(found) = vulgar_fraction(input) {
        return Ok(found);
    }
    let (rest, value) = digit_number(input)?;
    let written = &input[..input.len() - rest.len()];
    let integer = !written.contains('.');
    if let Some((rest, power)) = exponent(rest) {
        // Read as one decimal literal, `6.02e23` is the double nearest to what is written, as
        // `6.02 * 10^23` computed in doubles is not.
        let scaled = format!("{value}e{power}").parse().unwrap_or(value * 10f64.powi(power));
        return Ok((rest, scaled));
    }
    if let Some(after) = rest.strip_prefix('^')
        && let Some((rest, power)) = exponent_digits(after)
    {
        return Ok((rest, value.powi(power)));
    }
    if !integer {
        return Ok((rest, value));
    }
    if let Ok((rest, fraction)) = vulgar_fraction(rest) {
        return Ok((rest, value + fraction));
    }
    if let Ok((rest, denominator)) = slash_denominator(rest) {
        // `50/50`, `24/7`: a split or a schedule, not a fraction.
        if value >= denominator {
            return fail(input);
        }
        return Ok((rest, value / denominator));
    }
    // `2 1/4`, `3 ½`: a whole number and a fraction.
    if let Ok((after_gap, _)) = gap(rest) {
        if let Ok((rest, fraction)) = vulgar_fraction(after_gap) {
            return Ok((rest, value + fraction));
        }
        let n = count_digits(after_gap);
        if n > 0
            && let Ok((rest, denominator)) = slash_denominator(&after_gap[n..])
            && let Ok(numerator) = after_gap[..n].parse::<f64>()
            && numerator < denominator
        {
            return Ok((rest, value + numerator / denominator));
        }
    }
    Ok((rest, value))
}

/// Magnitude suffixes glued to digits: `10k`, `1.2bn`, `3M`, `3 k`, `1.2 bn`, and `5m` in
/// money (elsewhere `5m` is five metres, decided by the caller).
fn magnitude_suffix(input: &str, value: f64, money: bool) -> Option<(&str, f64)> {
    let (rest, spaced) = match gap(input) {
        Ok((rest, _)) => (rest, true),
        Err(_) => (input, false),
    };
    let suffixes: &[(&str, f64)] = if spaced {
        &[
            ("k", 1e3),
            ("bn", 1e9),
            ("bln", 1e9),
            ("mn", 1e6),
            ("mln", 1e6),
            ("mil", 1e6),
        ]
    } else {
        &[
            ("bn", 1e9),
            ("bln", 1e9),
            ("mil", 1e6),
            ("mln", 1e6),
            ("mn", 1e6),
            ("tn", 1e12),
            ("k", 1e3),
            ("K", 1e3),
            ("b", 1e9),
            ("B", 1e9),
            ("m", 1e6),
            ("M", 1e6),
            ("T", 1e12),
        ]
    };
    for &(suffix, factor) in suffixes {
        let Some(after) = rest.strip_prefix(suffix) else {
            continue;
        };
        let ends = at_word_end(after) && !(after.starts_with('.') && after[1..].starts_with(char::is_alphabetic));
        let plausible = match suffix {
            // `3M users`: a capital M is a million; a small one is a metre but in money.
            "M" => true,
            // `$5 mil`; elsewhere a mil is a thousandth of an inch.
            "m" | "T" | "mil" => money,
            "b" | "B" => value < 1e3 && (money || value.fract() != 0.0),
            _ => true,
        };
        if ends && plausible {
            return Some((after, factor));
        }
    }
    None
}

const UNITS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("nought", 0.0),
    ("naught", 0.0),
    ("nil", 0.0),
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

pub(super) const TENS: &[(&str, f64)] = &[
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fourty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

/// Scales above a hundred, with the Indian lakh and crore.
const SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("thousands", 1e3),
    ("millions", 1e6),
    ("billions", 1e9),
    ("lakhs", 1e5),
    ("lakh", 1e5),
    ("lacs", 1e5),
    ("lac", 1e5),
    ("crores", 1e7),
    ("crore", 1e7),
    ("cr", 1e7),
    ("koti", 1e7),
];

const DOZENS: &[(&str, ())] = &[("dozens", ()), ("dozen", ()), ("dzs", ()), ("dz", ()), ("doz", ())];

/// Ordinal words as denominators: `third`, `fifths`, `half`, `quarters`, `hundredths`.
/// `first` and `second` only count inside a compound (`twenty-first`).
const DENOMINATORS: &[(&str, f64)] = &[
    ("halves", 2.0),
    ("half", 2.0),
    ("thirds", 3.0),
    ("third", 3.0),
    ("quarters", 4.0),
    ("quarter", 4.0),
    ("fourths", 4.0),
    ("fourth", 4.0),
    ("fifths", 5.0),
    ("fifth", 5.0),
    ("sixths", 6.0),
    ("sixth", 6.0),
    ("sevenths", 7.0),
    ("seventh", 7.0),
    ("eighths", 8.0),
    ("eighth", 8.0),
    ("ninths", 9.0),
    ("ninth", 9.0),
    ("tenths", 10.0),
    ("tenth", 10.0),
    ("elevenths", 11.0),
    ("eleventh", 11.0),
    ("twelfths", 12.0),
    ("twelfth", 12.0),
    ("thirteenths", 13.0),
    ("thirteenth", 13.0),
    ("fourteenths", 14.0),
    ("fourteenth", 14.0),
    ("fifteenths", 15.0),
    ("fifteenth", 15.0),
    ("sixteenths", 16.0),
    ("sixteenth", 16.0),
    ("seventeenths", 17.0),
    ("seventeenth", 17.0),
    ("eighteenths", 18.0),
    ("eighteenth", 18.0),
    ("nineteenths", 19.0),
    ("nineteenth", 19.0),
    ("twentieths", 20.0),
    ("twentieth", 20.0),
    ("thirtieths", 30.0),
    ("thirtieth", 30.0),
    ("fortieths", 40.0),
    ("fortieth", 40.0),
    ("fiftieths", 50.0),
    ("fiftieth", 50.0),
    ("sixtieths", 60.0),
    ("sixtieth", 60.0),
    ("seventieths", 70.0),
    ("seventieth", 70.0),
    ("eightieths", 80.0),
    ("eightieth", 80.0),
    ("ninetieths", 90.0),
    ("ninetieth", 90.0),
    ("hundredths", 100.0),
    ("hundredth", 100.0),
    ("thousandths", 1e3),
    ("thousandth", 1e3),
    ("millionths", 1e6),
    ("millionth", 1e6),
];

const UNIT_ORDINALS: &[(&str, f64)] = &[
    ("firsts", 1.0),
    ("first", 1.0),
    ("seconds", 2.0),
    ("second", 2.0),
    ("thirds", 3.0),
    ("third", 3.0),
    ("fourths", 4.0),
    ("fourth", 4.0),
    ("fifths", 5.0),
    ("fifth", 5.0),
    ("sixths", 6.0),
    ("sixth", 6.0),
    ("sevenths", 7.0),
    ("seventh", 7.0),
    ("eighths", 8.0),
    ("eighth", 8.0),
    ("ninths", 9.0),
    ("ninth", 9.0),
];

fn take_word<'a, T: Copy>(input: &'a str, words: &[(&'static str, T)]) -> IResult<&'a str, T> {
    match word_in(input, words) {
        Some((len, value)) => Ok((&input[len..], value)),
        None => fail(input),
    }
}

/// Whether a number may go on past a space at the start of `rest`: the next word is one
/// that continues it (`hundred`, a scale, `dozen`, `and` or `&`, `point`). Most numbers end
/// at the space (`500 troops`), and one probe tells it before each of those words is tried.
fn continues_after_gap(rest: &str) -> bool {
    static CONTINUING: LazyLock<WordSet> = LazyLock::new(|| {
        let scales = SCALES.iter().map(|(w, _)| *w);
        let dozens = DOZENS.iter().map(|(w, _)| *w);
        let list: Vec<&str> = scales
            .chain(dozens)
            .chain(["hundred", "hundreds", "and", "point"])
            .collect();
        WordSet::new(&list)
    });
    let Ok((after, _)) = gap(rest) else {
        return false;
    };
    if after.starts_with('&') {
        return true;
    }
    let letters = words::letters_end(after.as_bytes(), 0);
    CONTINUING.contains(&after[..letters])
}

/// Between the words of a number: spaces, a hyphen, or a spaced hyphen (`fifty - two`).
fn joiner(input: &str) -> IResult<&str, &str> {
    if let Some(rest) = hyphen(input) {
        return Ok((rest, &input[..input.len() - rest.len()]));
    }
    let (rest, _) = gap(input)?;
    let (rest, _) = opt((tag("-"), gap)).parse(rest)?;
    Ok((rest, ""))
}

/// `and` or `&` between parts of a number.
fn and_word(input: &str) -> IResult<&str, &str> {
    alt((word("and"), tag("&"))).parse(input)
}

/// `seven`, `seventeen`, `forty`, `forty-two`, `forty two`, `fifty - two`.
fn below_hundred_words(input: &str) -> IResult<&str, f64> {
    if let Ok((rest, tens)) = take_word(input, TENS) {
        let unit = preceded(joiner, |i| take_word(i, &UNITS[4..13])).parse(rest);
        return Ok(unit.map_or((rest, tens), |(rest, unit)| (rest, tens + unit)));
    }
    take_word(input, UNITS)
}

/// An ordinal used as a denominator: `fifth`, `twenty-fifth`, `hundredths`,
/// `one hundred and fifth`.
fn denominator(input: &str) -> IResult<&str, f64> {
    if let Ok((rest, tens)) = take_word(input, TENS)
        && let Ok((rest, unit)) = preceded(joiner, |i| take_word(i, UNIT_ORDINALS)).parse(rest)
    {
        return Ok((rest, tens + unit));
    }
    if let Ok((rest, hundreds)) = take_word(input, &UNITS[4..13])
        && let Ok((rest, _)) = (gap, word("hundred"), opt((gap, and_word)), gap).parse(rest)
    {
        if let Ok((rest, tail)) = denominator(rest) {
            return Ok((rest, hundreds * 100.0 + tail));
        }
        if let Ok((rest, tail)) = take_word(rest, UNIT_ORDINALS) {
            return Ok((rest, hundreds * 100.0 + tail));
        }
    }
    take_word(input, DENOMINATORS)
}

/// One group of a number below the next scale: `seven`, `two hundred and five`, `3 hundred
/// and 21`, `two dozen`, `half a`, `three quarters`, `1.5`.
#[derive(Debug, Clone, Copy)]
struct Chunk {
    value: f64,
    digits: bool,
    fraction: bool,
    /// `a`/`an`/`half` with nothing after: a number only before a unit or scale.
    weak: bool,
    /// A glued magnitude was read (`10k`): no scale word may follow.
    suffixed: bool,
    /// [`continues_after_gap`] of the text after it.
    continues: bool,
}

/// A numeral and the magnitude glued to it (`5m`, `3k`), for [`chunk`].
fn numeral_with_suffix<'a>(
    input: &'a str,
    money: bool,
    digits: &mut bool,
    suffixed: &mut bool,
) -> IResult<&'a str, f64> {
    let (rest, value) = numeral(input)?;
    *digits = true;
    Ok(match magnitude_suffix(rest, value, money) {
        Some((rest, factor)) => {
            *suffixed = true;
            (rest, value * factor)
        }
        None => (rest, value),
    })
}

fn chunk(input: &str, money: bool) -> IResult<&str, Chunk> {
    let mut digits = false;
    let mut suffixed = false;
    let mut article = false;
    let mut half = false;
    // Every form but a numeral opens with a letter.
    let opens_with_digit = input.as_bytes().first().is_some_and(u8::is_ascii_digit);
    let mut bare_scale = alt((
        |i| take_word(i, &SCALES[..4]),
        |i| word("hundred")(i).map(|(r, _)| (r, 1e2)),
    ));
    if !opens_with_digit && let Ok((rest, scale)) = bare_scale.parse(input) {
        // `hundred and ten`, `thousand and one`: a bare scale with a tail after `and` is a
        // number.
        if let Ok((after, tail)) = preceded((gap, and_word, gap), below_hundred_words).parse(rest) {
            let chunk = Chunk {
                value: scale + tail,
                digits: false,
                fraction: false,
                weak: false,
                suffixed: false,
                continues: continues_after_gap(after),
            };
            return Ok((after, chunk));
        }
        // `thousand liters`: a bare scale is a number only before a unit.
        let chunk = Chunk {
            value: scale,
            digits: false,
            fraction: false,
            weak: true,
            suffixed: true,
            continues: continues_after_gap(rest),
        };
        return Ok((rest, chunk));
    }
    if !opens_with_digit && let Ok((rest, _)) = word("quarter")(input) {
        let chunk = Chunk {
            value: 0.25,
            digits: false,
            fraction: true,
            weak: true,
            suffixed: false,
            continues: continues_after_gap(rest),
        };
        return Ok((rest, chunk));
    }
    let (mut rest, mut value) = if opens_with_digit {
        numeral_with_suffix(input, money, &mut digits, &mut suffixed)?
    } else if let Ok((rest, _)) = word("half")(input) {
        half = true;
        let rest = preceded(gap, alt((word("a"), word("an"))))
            .parse(rest)
            .map_or(rest, |(r, _)| r);
        (rest, 0.5)
    } else if let Ok((rest, _)) = alt((word("a"), word("an"))).parse(input) {
        article = true;
        (rest, 1.0)
    } else if let Ok(found) = below_hundred_words(input) {
        found
    } else {
        numeral_with_suffix(input, money, &mut digits, &mut suffixed)?
    };
    let mut last_atom = value;
    let mut continues = continues_after_gap(rest);
    if continues
        && !half
        && !suffixed
        && let Ok((after, _)) = preceded(gap, alt((word("hundred"), word("hundreds")))).parse(rest)
    {
        value *= 100.0;
        last_atom = 0.0;
        rest = after;
        article = false;
        let tail = preceded((opt((gap, and_word)), gap), |i| {
            if let Ok(found) = below_hundred_words(i) {
                return Ok(found);
            }
            let (r, v) = digit_number(i)?;
            if digits && v < 100.0 && v.fract() == 0.0 && at_word_end(r) {
                Ok((r, v))
            } else {
                fail(i)
            }
        })
        .parse(rest);
        if let Ok((after, tail)) = tail {
            value += tail;
            last_atom = tail;
            rest = after;
        }
        continues = continues_after_gap(rest);
    }
    if continues
        && !suffixed
        && let Ok((after, _)) = preceded(gap, |i| take_word(i, DOZENS)).parse(rest)
    {
        let multiplied = if last_atom == 0.0 { value } else { last_atom };
        value += multiplied * 11.0;
        return Ok((
            after,
            Chunk {
                value,
                digits,
                fraction: half,
                weak: false,
                suffixed: false,
                continues: continues_after_gap(after),
            },
        ));
    }
    let mut fraction = half;
    if !digits
        && !half
        && let Ok((after, den)) = preceded(joiner, denominator).parse(rest)
    {
        // Fractions above one are plural (`two thirds`); a singular one is a fraction below
        // one written as an adjective (`three-quarter`, `a three quarter share`), or else an
        // ordinal (`twenty-fifth`, `two millionth`), which names a place, not an amount.
        let plural = rest[..rest.len() - after.len()].ends_with(['s', 'S']);
        let adjective = value < den && (hyphen(rest).is_some() || den == 2.0 || den == 4.0);
        if !(value == 1.0 || plural || adjective) {
            return fail(input);
        }
        value /= den;
        fraction = true;
        article = false;
        rest = after;
        continues = continues_after_gap(rest);
    } else if !digits
        && let Some(after) = hyphen(rest)
        && take_word(after, &UNIT_ORDINALS[..2]).is_ok()
    {
        // `twenty-first`: an ordinal. (`thirty-second` may be a span of time, `a
        // thirty-second clip`, and is left to the units.)
        return fail(input);
    }
    Ok((
        rest,
        Chunk {
            value,
            digits,
            fraction,
            weak: article || half,
            suffixed,
            continues,
        },
    ))
}

fn scale_after(input: &str) -> IResult<&str, f64> {
    preceded(gap, |i| take_word(i, SCALES)).parse(input)
}

/// Decimals read out after `point`: `seventy-one` → .71, `nought four` → .04, `5` → .5.
fn spoken_decimals(input: &str) -> IResult<&str, f64> {
    let n = count_digits(input);
    if n > 0 {
        return match format!("0.{}", &input[..n]).parse::<f64>() {
            Ok(v) if at_word_end(&input[n..]) => Ok((&input[n..], v)),
            _ => fail(input),
        };
    }
    let mut digits = String::new();
    let mut rest = input;
    while let Ok((after, v)) = take_word(rest, &UNITS[..13]) {
        digits.push_str(&(v as u8).to_string());
        rest = after;
        match gap(rest) {
            Ok((after_gap, _)) if take_word(after_gap, &UNITS[..13]).is_ok() => rest = after_gap,
            _ => break,
        }
    }
    if digits.len() < 2 {
        let (after, v) = below_hundred_words(input)?;
        digits = (v as u8).to_string();
        rest = after;
    }
    match format!("0.{digits}").parse::<f64>() {
        Ok(v) => Ok((rest, v)),
        Err(_) => fail(input),
    }
}

/// [`continues_after_gap`] of the last text asked about, known by its length: every text
/// asked about is a tail of one input. A chunk knows it of the text after it.
struct KnownContinues {
    len: usize,
    continues: bool,
}

impl KnownContinues {
    fn after(rest: &str, chunk: Chunk) -> Self {
        Self {
            len: rest.len(),
            continues: chunk.continues,
        }
    }

    fn of(&mut self, rest: &str) -> bool {
        if rest.len() != self.len {
            *self = Self {
                len: rest.len(),
                continues: continues_after_gap(rest),
            };
        }
        self.continues
    }
}

/// A cardinal number in digits, words or both: `88 billion`, `two thousand and two hundred`,
/// `three cr twelve lac`, `one billion and a half million`, `three and a half`, `two hundred
/// point seventy-one`.
fn cardinal(input: &str, money: bool) -> IResult<&str, Amount> {
    let (mut rest, first) = chunk(input, money)?;
    let words = !first.digits;
    let mut total = 0.0;
    let mut group = first.value;
    let mut previous_scale = f64::INFINITY;
    let mut any_scale = false;
    let mut fraction = first.fraction;
    let mut weak = first.weak;
    let mut known = KnownContinues::after(rest, first);
    if !first.suffixed {
        while known.of(rest)
            && let Ok((after, scale)) = scale_after(rest)
        {
            if scale >= previous_scale {
                break;
            }
            total += group * scale;
            group = 0.0;
            previous_scale = scale;
            any_scale = true;
            weak = false;
            rest = after;
            if fraction || !words {
                break;
            }
            let continuation = preceded((opt(char(',')), opt((gap, and_word)), gap), |i| chunk(i, money)).parse(rest);
            let Ok((after, next)) = continuation else { break };
            if next.digits || next.weak || scale_after(after).is_ok_and(|(_, s)| s >= previous_scale) {
                break;
            }
            // `a billion and a half`: a part of the last scale.
            let joined_by_and = (opt(char(',')), gap, and_word).parse(rest).is_ok();
            if next.fraction && joined_by_and && scale_after(after).is_err() {
                total += next.value * scale;
                rest = after;
                break;
            }
            group = next.value;
            fraction = next.fraction;
            rest = after;
            known = KnownContinues::after(rest, next);
        }
    }
    if weak && !any_scale {
        // `a` or `half` alone: the caller keeps it only before a unit.
        return Ok((
            rest,
            Amount {
                weak: true,
                ..Amount::exact(group)
            },
        ));
    }
    // `three and a half`, `two and fifty-four hundredths`, `five and a quarter million`,
    // `one-and-a-half`, `a billion and a half`.
    let continues = known.of(rest);
    let hyphened_and = hyphen(rest).and_then(|r| word_prefix(r, "and")).and_then(hyphen);
    let and_part = match hyphened_and {
        Some(after_and) => chunk(after_and, money),
        None if continues => preceded((gap, and_word, gap), |i| chunk(i, money)).parse(rest),
        None => fail(rest),
    };
    if !fraction
        && let Ok((after, part)) = and_part
        && part.fraction
        && !part.digits
        // `and a half-marathon`: the fraction is the start of a compound.
        && hyphen(after).is_none_or(|r| !r.starts_with(char::is_alphabetic))
    {
        rest = after;
        if let Ok((after, scale)) = scale_after(rest)
            && scale < previous_scale
        {
            total += (group + part.value) * scale;
            group = 0.0;
            rest = after;
        } else if any_scale && group == 0.0 {
            // `a billion and a half`: half of the last scale.
            total += part.value * previous_scale;
        } else {
            group += part.value;
        }
    } else if continues
        && !any_scale
        && !fraction
        && !first.suffixed
        && let Ok((after, decimals)) = preceded((gap, word("point"), gap), spoken_decimals).parse(rest)
    {
        group += decimals;
        rest = after;
        if let Ok((after, scale)) = scale_after(rest) {
            group *= scale;
            rest = after;
        }
    }
    Ok((rest, Amount::exact(total + group)))
}

/// `a dozen`, `dozens`, `several hundred`, `hundreds`, `tens of thousands`, `a few`, `a
/// couple`, `a pair`: amounts that are vague by nature.
pub fn vague_amount(input: &str) -> IResult<&str, Amount> {
    if let Ok((rest, _)) = (word("a"), gap, alt((word("couple"), word("pair")))).parse(input) {
        let rest = preceded(gap, word("of")).parse(rest).map_or(rest, |(r, _)| r);
        let amount = Amount::exact(2.0);
        let hundred = preceded(gap, word("hundred")).map(|_| 100.0);
        return Ok(match alt((hundred, scale_after)).parse(rest) {
            Ok((after, factor)) => (after, amount.scaled(factor)),
            Err(_) => (rest, amount),
        });
    }
    // `a few dozen`: two to five dozen.
    if let Ok((rest, _)) = (word("a"), gap, word("few"), gap, word("dozen")).parse(input) {
        return Ok((rest, Amount::approx(24.0, 60.0)));
    }
    if let Ok((rest, _)) = (word("a"), gap, word("few")).parse(input) {
        return Ok(
            match preceded(
                gap,
                alt((word("hundred"), |i| take_word(i, SCALES).map(|(r, _)| (r, "")))),
            )
            .parse(rest)
            {
                Ok((after, _)) => {
                    let factor = scale_after(rest).map_or(100.0, |(_, f)| f);
                    (after, Amount::approx(2.0, 5.0).scaled(factor))
                }
                Err(_) => (rest, Amount::approx(3.0, 3.0)),
            },
        );
    }
    if let Ok((rest, _)) = word("several")(input) {
        if let Ok((after, _)) = preceded(gap, |i| take_word(i, DOZENS)).parse(rest) {
            return Ok((after, Amount::approx(36.0, 108.0)));
        }
        let (after, factor) = alt((preceded(gap, word("hundred")).map(|_| 100.0), scale_after)).parse(rest)?;
        return Ok((after, Amount::approx(3.0, 9.0).scaled(factor)));
    }
    let (mut rest, mut amount) = plural_magnitude(input)?;
    // `hundreds of thousands`, `tens of millions`
    while let Ok((after, factor)) = preceded((gap, word("of"), gap), plural_magnitude).parse(rest) {
        if factor.low < 1e3 {
            break;
        }
        amount = Amount::approx(amount.low * factor.low / 2.0, amount.high * factor.low / 2.0);
        rest = after;
    }
    Ok((rest, amount))
}

const PLURALS: &[(&str, f64)] = &[
    ("dozens", 12.0),
    ("tens", 10.0),
    ("hundreds", 1e2),
    ("thousands", 1e3),
    ("millions", 1e6),
    ("billions", 1e9),
    ("trillions", 1e12),
];

/// `dozens`, `tens`, `hundreds`, `thousands`, `millions`: 2–9 of the magnitude.
fn plural_magnitude(input: &str) -> IResult<&str, Amount> {
    let (rest, factor) = take_word(input, PLURALS)?;
    if factor == 12.0 {
        return Ok((rest, Amount::approx(24.0, 99.0)));
    }
    if factor == 10.0 && preceded((gap, word("of"), gap), plural_magnitude).parse(rest).is_err() {
        return fail(input);
    }
    Ok((rest, Amount::approx(2.0, 9.0).scaled(factor)))
}

/// Multipliers written as one word: `twofold`, `tenfold`, `hundredfold`.
const FOLDS: &[(&str, f64)] = &[
    ("twofold", 2.0),
    ("threefold", 3.0),
    ("fourfold", 4.0),
    ("fivefold", 5.0),
    ("sixfold", 6.0),
    ("sevenfold", 7.0),
    ("eightfold", 8.0),
    ("ninefold", 9.0),
    ("tenfold", 10.0),
    ("elevenfold", 11.0),
    ("twelvefold", 12.0),
    ("fifteenfold", 15.0),
    ("twentyfold", 20.0),
    ("thirtyfold", 30.0),
    ("fortyfold", 40.0),
    ("fiftyfold", 50.0),
    ("hundredfold", 100.0),
    ("thousandfold", 1e3),
    ("millionfold", 1e6),
];

/// `tenfold`, `a hundredfold`: a multiplier written as one word, and its factor.
pub fn fold_word(input: &str) -> Option<(&str, f64)> {
    let (len, factor) = word_in(input, FOLDS)?;
    Some((&input[len..], factor))
}

/// Words a number can start with, lower case.
pub fn lead_words() -> impl Iterator<Item = &'static str> {
    let tables = [UNITS, TENS, SCALES, DENOMINATORS, FOLDS];
    let extra = [
        "a",
        "an",
        "half",
        "quarter",
        "hundred",
        "hundreds",
        "several",
        "dozen",
        "dozens",
        "tens",
        "thousands",
        "millions",
        "billions",
        "trillions",
        "minus",
        "negative",
        "point",
    ];
    tables.into_iter().flatten().map(|(w, _)| *w).chain(extra)
}

/// A leading sign: `-`, `−`, `minus `, `negative `. A hyphen may be followed by spaces
/// (`- 5`); the caller rules out list bullets.
fn sign(input: &str) -> Option<&str> {
    if let Some(rest) = input.strip_prefix(['-', '−']) {
        let trimmed = rest.trim_start_matches(' ');
        return trimmed
            .starts_with(|c: char| c.is_ascii_digit() || c == '.')
            .then_some(trimmed);
    }
    // `–3`, `‒3`: another hyphen of the class glued to the digits is a minus too.
    if let Some(rest) = hyphen(input) {
        return rest.starts_with(|c: char| c.is_ascii_digit()).then_some(rest);
    }
    let (rest, _) = alt((word("minus"), word("negative"))).parse(input).ok()?;
    gap(rest).ok().map(|(r, _)| r)
}

/// Any number: a sign, then a vague amount or a cardinal. `money` says a currency came first,
/// which makes a glued `m` mean million.
pub fn number(input: &str, money: bool) -> IResult<&str, Amount> {
    // `+7`: a plus glued to the digits keeps the value.
    if let Some(after_plus) = input.strip_prefix('+')
        && after_plus.starts_with(|c: char| c.is_ascii_digit())
    {
        return cardinal(after_plus, money);
    }
    if let Some(after_sign) = sign(input) {
        let (rest, amount) = cardinal(after_sign, money)?;
        if amount.weak {
            return fail(input);
        }
        return Ok((rest, amount.negated()));
    }
    // Vague amounts (`several hundred`, `dozens`) are words.
    if input.starts_with(|c: char| c.is_ascii_digit()) {
        return cardinal(input, money);
    }
    // `point five`: decimals read out with no whole part.
    if let Ok((rest, decimals)) = preceded((word("point"), gap), spoken_decimals).parse(input) {
        return Ok((rest, Amount::exact(decimals)));
    }
    let (rest, amount) = alt((vague_amount, |i| cardinal(i, money))).parse(input)?;
    // `three-quarters of a million`, `a third of a billion`
    if amount.is_exact()
        && amount.low > 0.0
        && amount.low < 1.0
        && let Ok((after, scale)) = preceded(
            (gap, word("of"), gap, alt((word("a"), word("an")))),
            preceded(gap, |i| take_word(i, &SCALES[..4])),
        )
        .parse(rest)
    {
        // `quarter of a million`: a number, with or without an article before it.
        let amount = Amount {
            weak: false,
            ..amount.scaled(scale)
        };
        return Ok((after, amount));
    }
    Ok((rest, amount))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_hold_only_ascii_letters() {
        // `word_in` relies on it: a word stands whole only where the run of letters ends.
        let lists = [UNITS, TENS, SCALES, DENOMINATORS, UNIT_ORDINALS, PLURALS, FOLDS];
        let words = lists.iter().flat_map(|l| l.iter().map(|(w, _)| *w));
        for word in words.chain(DOZENS.iter().map(|(w, _)| *w)) {
            assert!(
                !word.is_empty() && word.bytes().all(|b| b.is_ascii_alphabetic()),
                "{word:?}"
            );
        }
        assert_eq!(word_in("Twenty-one", TENS), Some((6, 20.0)));
        assert_eq!(word_in("twentyish", TENS), None);
        assert_eq!(word_in("ten2", UNITS), None);
        assert_eq!(word_in("dozensé", DOZENS), None);
    }

    #[test]
    fn dimensions_are_whole_numbers_joined_by_times() {
        assert_eq!(dimensions("1920 x 1080 pixels"), Some((11, 7)));
        assert_eq!(dimensions("4x4 vehicle"), Some((3, 2)));
        assert_eq!(dimensions("2 × 3 × 5."), Some((11, 10)));
        for not_dimensions in ["2 x 10^6", "6 x 2.5", "3 xylophones", "1990", "4x4x4x4"] {
            assert_eq!(dimensions(not_dimensions), None, "{not_dimensions}");
        }
    }

    fn value(input: &str) -> (f64, &str) {
        let (rest, amount) = number(input, false).unwrap_or_else(|e| panic!("{input}: {e}"));
        assert!(amount.is_exact(), "{input}");
        (amount.low, rest)
    }

    fn close(input: &str, expected: f64) {
        let (got, rest) = value(input);
        assert!(
            (got - expected).abs() < 1e-9 * expected.abs().max(1.0),
            "{input}: {got} (rest {rest:?})"
        );
        assert_eq!(rest, "", "{input}");
    }

    #[test]
    fn digits_with_separators_decimals_and_magnitudes() {
        assert_eq!(value("1,234,567 people"), (1_234_567.0, " people"));
        assert_eq!(value("12,34,567.5 rupees"), (1_234_567.5, " rupees"));
        assert_eq!(value("4 000 people"), (4000.0, " people"));
        assert_eq!(value("1\u{202f}234\u{202f}567.89"), (1_234_567.89, ""));
        assert_eq!(value("120 soldiers"), (120.0, " soldiers"));
        assert_eq!(value(".5 percent"), (0.5, " percent"));
        assert_eq!(value("88 billion to"), (88e9, " to"));
        assert_eq!(value("1.2 million."), (1.2e6, "."));
        assert_eq!(value("10k runners"), (10e3, " runners"));
        assert_eq!(value("3bn,"), (3e9, ","));
        assert_eq!(value("5m high").1, "m high");
        assert_eq!(number("5m people", true).unwrap().1.low, 5e6);
    }

    #[test]
    fn signs_exponents_and_fractions() {
        close("-9.25", -9.25);
        close("− 1,200,000", -1.2e6);
        close("minus five", -5.0);
        close("1e10", 1e10);
        close("1.3x10^6", 1.3e6);
        close("2.48×10−5", 2.48e-5);
        close("3/4", 0.75);
        close("2 1/4", 2.25);
        close("3½", 3.5);
        close("⅔", 2.0 / 3.0);
        assert_eq!(value("3/4/2020").1, "/4/2020");
        // Exactly the double the literal names, not a product rounded twice.
        assert_eq!(value("6.02 x 10^23").0, 6.02e23);
        assert_eq!(value("1.5e-3").0, 1.5e-3);
        assert_eq!(value("1280x1024 pixels"), (1280.0, "x1024 pixels"));
    }

    #[test]
    fn long_grouped_numbers_read_whole() {
        // Past the digits kept on the stack: 1 followed by 75 zeros in groups of three.
        let long = format!("1{} units", ",000".repeat(25));
        let (rest, got) = digit_number(&long).expect("a grouped number");
        assert_eq!((rest, got), (" units", 1e75));
        assert_eq!(digit_number("12,34,56,789.25 rupees"), Ok((" rupees", 123_456_789.25)));
        assert_eq!(digit_number("12,345,67"), Ok((",345,67", 12.0)));
    }

    #[test]
    fn phone_numbers_by_shape() {
        assert_eq!(phone_number("0800 123 4567, or", false), Some(13));
        assert_eq!(phone_number("44 20 7946 0958.", true), Some(15));
        assert_eq!(phone_number("(212) 555-0188 now", false), Some(14));
        assert_eq!(phone_number("212.555.0188", false), Some(12));
        assert_eq!(phone_number("1 800 555 0199", false), Some(14));
        // Thousands, ranges, dates and decimals keep their shapes.
        assert_eq!(phone_number("1 250 000 people", false), None);
        assert_eq!(phone_number("1 800 555 people", false), None);
        assert_eq!(phone_number("10-17", false), None);
        assert_eq!(phone_number("05-12-2024", false), None);
        assert_eq!(phone_number("0.5 1234", false), None);
        assert_eq!(phone_number("(2019) 45 people", false), None);
        assert_eq!(phone_number("212 555 0188.5", false), None);
        assert_eq!(phone_number("5 degrees", true), None);
    }

    #[test]
    fn rejects_digits_badly_grouped_and_versions() {
        assert!(digit_number("1234,56").map(|(r, _)| r) == Ok(",56"));
        assert_eq!(value("1,2,3").1, ",2,3");
        assert!(number("1.2.3", false).is_err());
        assert!(number("someone", false).is_err());
        assert!(number("another", false).is_err());
    }

    #[test]
    fn number_words() {
        assert_eq!(value("three years"), (3.0, " years"));
        assert_eq!(value("twenty-five men"), (25.0, " men"));
        close("fifty - two", 52.0);
        close("a hundred and five", 105.0);
        close("two million", 2e6);
        close("one hundred thousand", 1e5);
        close("two thousand and two hundred", 2200.0);
        close("fifty-six thousand seven hundred twenty-one", 56_721.0);
        close("twenty\u{2011}nine", 29.0);
        close("twenty\u{2010}nine", 29.0);
        close("3 hundred and 21", 321.0);
        close("twelve lakh", 1.2e6);
        assert_eq!(value("forty thousand and thirty thousand").0, 40_000.0);
        close("a dozen", 12.0);
        close("two dozen", 24.0);
        close("half a million", 5e5);
        close("three-quarters of a million", 7.5e5);
        close("a third of a billion", 1e9 / 3.0);
        close("three and a half million", 3.5e6);
        close("nine point nought four", 9.04);
        close("two hundred point seventy-one", 200.71);
        assert!(number("a day", false).unwrap().1.weak);
    }

    #[test]
    fn fractions_in_words() {
        close("two-thirds", 2.0 / 3.0);
        close("three quarters", 0.75);
        close("a half", 0.5);
        close("one twenty-fifth", 0.04);
        close("twenty one fifths", 4.2);
        close("one hundred and three and two thirds", 103.0 + 2.0 / 3.0);
        close("five and a quarter", 5.25);
        close("a quarter million", 250_000.0);
        close("one billion and a half million", 1.0005e9);
        assert_eq!(value("two seconds").1, " seconds");
    }

    #[test]
    fn vague_amounts_are_ranges() {
        let (rest, several) = number("several hundred trainers", false).unwrap();
        assert_eq!((several.low, several.high, several.approximate), (300.0, 900.0, true));
        assert_eq!(rest, " trainers");
        let (_, dozens) = number("dozens of", false).unwrap();
        assert_eq!((dozens.low, dozens.high), (24.0, 99.0));
        let (_, thousands) = number("thousands of", false).unwrap();
        assert_eq!((thousands.low, thousands.high), (2000.0, 9000.0));
        let (_, tens) = number("tens of thousands", false).unwrap();
        assert_eq!((tens.low, tens.high), (20_000.0, 90_000.0));
        assert!(number("several reporters", false).is_err());
        assert!(number("tens", false).is_err());
    }
}
