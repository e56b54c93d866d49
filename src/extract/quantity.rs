//! Quantities: a number with what surrounds it — comparators (`fewer than 20`, `<= 30`), ranges
//! (`10-17`, `between 10 and 17`, `44 mg to 50 mg`), currencies (`$88 billion`, `USD115`,
//! `20€`, `3 dollars 50 cents`), percents (`2 percent`, `3 percentage points`), measures
//! (`500g`, `5 feet 2 inches`, `10 l/km`), compounds (`500-strong`, `a 27-kilometer ring`),
//! ratios (`two out of five`) and the noun a number counts (`29 allies`).
//!
//! [`quantity`] is tried at every word start. It returns the length it consumed and the value
//! as an interval; the caller decides what the claim is about.
//!
//! Interval semantics: `fewer than`/`less than`/`under`/`below` give an open upper end,
//! `at most`/`up to`/`no more than`/`as many as` a closed one; `more than`/`over`/`above`/
//! `exceeds`/`past`/`topped` an open lower end, `at least`/`no fewer than`/`as few as` a closed
//! one; a negated comparator is the opposite closed bound (`not bigger than 60` is at most 60,
//! `not under 12` at least 12), and `equal to or` closes one; `about`/`around`/`nearly`/
//! `almost`/`some`/`an estimated`/`c.` keep the value and mark it approximate (the checker
//! widens it by its tolerance). Postfixes work the same way (`60 or more`, `60 dogs at most`,
//! `60+`, `$5,000-plus`, `60-odd`, `forty-something` = 40–49 approximate). Two opposite bounds
//! joined by `and` make a closed range, as does a variable between two signs (`20 <= x <= 30`).
//! A range's ends may be joined by any dash, `to`, `or`, `through`, a tilde, or `between … and`
//! and `from … to`; a magnitude written on the upper end only applies to a lower end below its
//! figure (`three to four hundred` is 300–400); two negative ends written from the warmer one
//! (`-5 to -10 °C`) are the range from -10 to -5. `over` and a span of time after an amount
//! or in a plan is the period, not a bound (`will spend £2bn over five years`).
//!
//! Units: a length, mass or volume written in parts is added up in the smallest unit (`5 feet 2
//! inches`, `12st 3lb`, `6'2"`); spans of time in parts stay apart. Multipliers (`10-fold`,
//! `3x`, `1.5 times`) have the unit `times`; a price per unit has both (`$15 per hour` is
//! `USD/h`); `N in M`, `N out of M` and `N per M` are ratios. `docs/grammar.md` lists every
//! construction and what it reads as.

use super::lexicon::{self, UnitClass};
use super::words::{self, WordSet};
use std::sync::LazyLock;

use super::number::{self, Amount, at_word_end, gap, is_gap_char, word, word_prefix};
use nom::Parser;
use nom::branch::alt;

/// What the grammar asks of the run's word lists: nationality words (from the entities) and
/// the class of counted nouns (from the lexicon in `rules/lexicon.toml` and rule files).
pub trait Vocabulary {
    fn is_demonym(&self, word: &str) -> bool;
    fn noun_class(&self, noun: &str) -> Option<UnitClass>;
}

impl Vocabulary for super::Gazetteer {
    fn is_demonym(&self, word: &str) -> bool {
        super::Gazetteer::is_demonym(self, word)
    }

    fn noun_class(&self, noun: &str) -> Option<UnitClass> {
        super::Gazetteer::noun_class(self, noun)
    }
}

/// The value side of a claim, before linking.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub len: usize,
    pub kind: QuantityKind,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub low_inclusive: bool,
    pub high_inclusive: bool,
    pub approximate: bool,
    pub unit: Option<String>,
    pub class: Option<UnitClass>,
    /// The number was written as a bare four-digit integer with nothing before or after it.
    pub bare_integer: bool,
    /// The number was the word `one` alone, which is often a pronoun.
    pub bare_one: bool,
    /// Digits alone, or with one decimal point: no unit, counted noun, comparator or currency
    /// (`Flight 370`, `Python 3.12`).
    pub bare_digits: bool,
    /// A positive amount of money in parentheses, made negative as accounts write a loss.
    pub negated_in_parentheses: bool,
    /// A whole ten with a glued `s` (`30s`), read as seconds: the words around it may make
    /// it a decade (`in their 30s`).
    pub maybe_decade: bool,
}

impl Quantity {
    /// An exact count of `unit`, `len` bytes long: `the 31st member` is 31 members.
    pub fn counted(len: usize, value: f64, unit: String, words: &dyn Vocabulary) -> Quantity {
        Quantity {
            len,
            kind: QuantityKind::Count,
            low: Some(value),
            high: Some(value),
            low_inclusive: true,
            high_inclusive: true,
            approximate: false,
            class: words.noun_class(&unit),
            unit: Some(unit),
            bare_integer: false,
            bare_one: false,
            bare_digits: false,
            negated_in_parentheses: false,
            maybe_decade: false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuantityKind {
    Count,
    Percent,
    Money,
    Measure,
    Duration,
    Ratio,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Bound {
    Below { inclusive: bool },
    Above { inclusive: bool },
    Approximately,
}

const BELOW: Bound = Bound::Below { inclusive: false };
const AT_MOST: Bound = Bound::Below { inclusive: true };
const ABOVE: Bound = Bound::Above { inclusive: false };
const AT_LEAST: Bound = Bound::Above { inclusive: true };
const ABOUT: Bound = Bound::Approximately;

/// Comparator phrases; the longest one that matches wins.
const COMPARATORS: &[(&str, Bound)] = &[
    ("fewer than", BELOW),
    ("less than", BELOW),
    ("lower than", BELOW),
    ("smaller than", BELOW),
    ("just under", BELOW),
    ("just shy of", BELOW),
    ("shy of", BELOW),
    ("just below", BELOW),
    ("under", BELOW),
    ("below", BELOW),
    ("<", BELOW),
    ("less than or equal to", AT_MOST),
    ("fewer than or equal to", AT_MOST),
    ("lower than or equal to", AT_MOST),
    ("smaller than or equal to", AT_MOST),
    ("less or equal than", AT_MOST),
    ("less or equal to", AT_MOST),
    ("lower or equal than", AT_MOST),
    ("lower or equal to", AT_MOST),
    ("smaller or equal than", AT_MOST),
    ("smaller or equal to", AT_MOST),
    ("no more than", AT_MOST),
    ("up to and including", AT_MOST),
    ("at the very most", AT_MOST),
    ("at the most", AT_MOST),
    ("not more than", AT_MOST),
    ("at most", AT_MOST),
    ("up to", AT_MOST),
    ("as many as", AT_MOST),
    ("as much as", AT_MOST),
    ("a maximum of", AT_MOST),
    ("capped at", AT_MOST),
    ("maximum of", AT_MOST),
    ("<=", AT_MOST),
    ("=<", AT_MOST),
    ("≤", AT_MOST),
    ("more than", ABOVE),
    ("greater than", ABOVE),
    ("higher than", ABOVE),
    ("larger than", ABOVE),
    ("bigger than", ABOVE),
    ("just over", ABOVE),
    ("well over", ABOVE),
    ("over", ABOVE),
    ("above", ABOVE),
    ("in excess of", ABOVE),
    ("upwards of", ABOVE),
    ("upward of", ABOVE),
    ("north of", ABOVE),
    ("exceeding", ABOVE),
    ("topped", ABOVE),
    ("topping", ABOVE),
    // `past 1,000`; not before a span of time (`the past five years`): see [`quantity_after`].
    ("just past", ABOVE),
    ("well past", ABOVE),
    ("past", ABOVE),
    ("exceeds", ABOVE),
    ("exceeded", ABOVE),
    ("exceed", ABOVE),
    ("surpassing", ABOVE),
    ("surpasses", ABOVE),
    ("surpassed", ABOVE),
    ("surpass", ABOVE),
    (">", ABOVE),
    ("more than or equal to", AT_LEAST),
    ("greater than or equal to", AT_LEAST),
    ("higher than or equal to", AT_LEAST),
    ("larger than or equal to", AT_LEAST),
    ("more or equal than", AT_LEAST),
    ("greater or equal than", AT_LEAST),
    ("greater or equal to", AT_LEAST),
    ("higher or equal than", AT_LEAST),
    ("higher or equal to", AT_LEAST),
    ("larger or equal than", AT_LEAST),
    ("bigger or equal than", AT_LEAST),
    ("at least or equal to", AT_LEAST),
    ("at least", AT_LEAST),
    ("at the very least", AT_LEAST),
    ("at the least", AT_LEAST),
    ("as few as", AT_LEAST),
    ("as little as", AT_LEAST),
    ("no fewer than", AT_LEAST),
    ("no less than", AT_LEAST),
    ("not less than", AT_LEAST),
    ("a minimum of", AT_LEAST),
    ("minimum of", AT_LEAST),
    (">=", AT_LEAST),
    ("=>", AT_LEAST),
    ("≥", AT_LEAST),
    ("nearly", ABOUT),
    ("almost", ABOUT),
    ("about", ABOUT),
    ("just about", ABOUT),
    ("around", ABOUT),
    ("roughly", ABOUT),
    ("approximately", ABOUT),
    ("approx.", ABOUT),
    ("an estimated", ABOUT),
    ("estimated", ABOUT),
    ("close to", ABOUT),
    ("in the region of", ABOUT),
    ("on the order of", ABOUT),
    ("some", ABOUT),
    ("circa", ABOUT),
    ("ca.", ABOUT),
    ("c.", ABOUT),
    ("~", ABOUT),
    ("≈", ABOUT),
];

fn trim_spaces(input: &str) -> &str {
    input.trim_start_matches(is_gap_char)
}

fn is_symbol(phrase: &str) -> bool {
    !phrase.starts_with(|c: char| c.is_ascii_alphabetic())
}

/// A comparator and the text after it (the number comes next).
fn comparator(input: &str) -> Option<(&str, Bound)> {
    let first = input.as_bytes().first()?.to_ascii_lowercase();
    if first.is_ascii_digit() {
        return None;
    }
    let found = listed_comparator(input);
    // `not bigger than`, `no greater than`, `not under`: a negated bound is the opposite one,
    // closed. `equal to or greater than`: a bound that takes in its end.
    if matches!(first, b'n' | b'e')
        && let Some(after) = word_prefix(input, "not")
            .or_else(|| word_prefix(input, "no"))
            .map(|r| (r, true))
            .or_else(|| {
                word_prefix(input, "equal to or")
                    .or_else(|| word_prefix(input, "equal or"))
                    .map(|r| (r, false))
            })
            .and_then(|(r, negated)| Some((gap(r).ok()?.0, negated)))
        && let Some((rest, bound)) = listed_comparator(after.0)
        && found.is_none_or(|(listed_rest, _)| listed_rest.len() > rest.len())
    {
        let bound = match (bound, after.1) {
            (Bound::Below { .. }, true) => AT_LEAST,
            (Bound::Above { .. }, true) => AT_MOST,
            (Bound::Below { .. }, false) => AT_MOST,
            (Bound::Above { .. }, false) => AT_LEAST,
            (Bound::Approximately, _) => return found,
        };
        return Some((rest, bound));
    }
    found
}

/// A comparator of [`COMPARATORS`] and the text after it.
fn listed_comparator(input: &str) -> Option<(&str, Bound)> {
    // A comparator ends its word where it ends, so it shares the lead of the text it opens.
    static BY_LEAD: LazyLock<ByLeadingLetters<Bound>> = LazyLock::new(|| ByLeadingLetters::new(COMPARATORS));
    let letters = words::letters_end(input.as_bytes(), 0);
    let mut best: Option<(usize, Bound)> = None;
    for &(phrase, bound) in BY_LEAD.starting(input, letters) {
        if best.is_some_and(|(len, _)| len >= phrase.len()) {
            continue;
        }
        let Some(head) = input.get(..phrase.len()) else {
            continue;
        };
        if !head.eq_ignore_ascii_case(phrase) {
            continue;
        }
        let rest = &input[phrase.len()..];
        let spaced = rest.starts_with(is_gap_char);
        if spaced || is_symbol(phrase) || phrase.ends_with('.') {
            best = Some((phrase.len(), bound));
        }
    }
    best.map(|(len, bound)| (trim_spaces(&input[len..]), bound))
}

/// Whether a quantity that opens with a word rather than a number may start at `input`: a
/// comparator (`more than`), `between` or `from`, or a currency written before the amount.
pub fn opens_with_word(input: &str) -> bool {
    comparator(input).is_some()
        || alt((word("between"), word("from"))).parse(input).is_ok()
        || currency_prefix(input).is_some()
}

/// Words a quantity can start with besides numbers, lower case: comparators, `between`,
/// `from`, and currency codes.
pub fn lead_words() -> impl Iterator<Item = String> {
    let comparators = COMPARATORS
        .iter()
        .filter_map(|(phrase, _)| phrase.split([' ', '.']).next())
        .filter(|w| w.chars().all(|c| c.is_ascii_lowercase()) && !w.is_empty());
    let symbols = lexicon::CURRENCY_SYMBOLS
        .iter()
        .map(|(symbol, _)| symbol.trim_end_matches(|c: char| !c.is_ascii_alphabetic()))
        .filter(|letters| !letters.is_empty());
    comparators
        .chain(["between", "from", "equal"])
        .chain(lexicon::CURRENCY_CODES.iter().copied())
        .chain(symbols)
        .map(str::to_ascii_lowercase)
}

/// A currency written before the amount: `$`, `US$`, `€`, `usd$`, `USD115`, `USD 115`,
/// `usd 20`, `RM 42`.
fn currency_prefix(input: &str) -> Option<(&str, &'static str)> {
    let starts_amount = |rest: &str| rest.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '.' | '-' | '−'));
    // No symbol or code opens with a digit, and most candidates do.
    let first = *input.as_bytes().first()?;
    if first.is_ascii_digit() {
        return None;
    }
    static SYMBOLS: LazyLock<ByFirstByte> = LazyLock::new(|| ByFirstByte::new(lexicon::CURRENCY_SYMBOLS));
    for &(symbol, code) in starting_like(&SYMBOLS, input) {
        // `A$5`, `a$5`, `us$5`: letters before a dollar sign in either case.
        let head = input.get(..symbol.len());
        let found =
            head == Some(symbol) || symbol.ends_with('$') && head.is_some_and(|h| h.eq_ignore_ascii_case(symbol));
        if let Some(rest) = found.then(|| &input[symbol.len()..]) {
            let alphabetic = symbol.chars().all(|c| c.is_ascii_alphabetic() || c == '.');
            let rest = if alphabetic && symbol != "Rs" && symbol != "Rs." {
                rest.strip_prefix(is_gap_char)?
            } else {
                rest
            };
            let rest = trim_spaces(rest);
            if starts_amount(rest) || !alphabetic && number::number(rest, true).is_ok_and(|(_, a)| !a.weak) {
                return Some((rest, code));
            }
        }
    }
    let letters = input.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters == 3 {
        let code = lexicon::currency_code(&input[..3])?;
        let uppercase = input[..3].bytes().all(|b| b.is_ascii_uppercase());
        let rest = &input[3..];
        if let Some(after) = rest.strip_prefix('$') {
            let after = trim_spaces(after);
            return starts_amount(after).then_some((after, code));
        }
        let spaced = rest.starts_with(is_gap_char);
        let after = trim_spaces(rest);
        let lowercase_ok = uppercase || lexicon::is_common_code(&input[..3]);
        if lowercase_ok && (uppercase || spaced) && starts_amount(after) && !after.starts_with(['-', '−']) {
            return Some((after, code));
        }
    }
    None
}

/// The unit after a number.
#[derive(Debug, Clone, PartialEq)]
struct UnitMatch {
    kind: QuantityKind,
    unit: String,
    class: Option<UnitClass>,
    /// Multiplies the number: `grand` is a thousand dollars.
    factor: f64,
}

impl UnitMatch {
    fn new(kind: QuantityKind, unit: impl Into<String>, class: Option<UnitClass>) -> Self {
        Self {
            kind,
            unit: unit.into(),
            class,
            factor: 1.0,
        }
    }

    fn money(code: &str) -> Self {
        Self::new(QuantityKind::Money, code, Some(UnitClass::Money))
    }

    fn measure(symbol: &str) -> Self {
        Self::new(QuantityKind::Measure, symbol, Some(UnitClass::Measure))
    }

    fn is_minor_currency(&self) -> bool {
        self.kind == QuantityKind::Money && matches!(self.unit.as_str(), "cents" | "pence")
    }
}

/// Ends a symbol: not followed by a letter, a digit or `.x` (`5 m.p.h.` is not metres).
fn symbol_ends(rest: &str) -> bool {
    at_word_end(rest) && !(rest.starts_with('.') && rest[1..].starts_with(char::is_alphanumeric))
}

/// ` or so` after an amount (`40 or so`, `six weeks or so`).
fn or_so(rest: &str) -> Option<&str> {
    word_prefix(rest.strip_prefix(' ')?, "or so")
}

/// ` 3 ounces`, ` 4oz` after `pounds`.
fn before_ounces(rest: &str) -> bool {
    let Some(after) = rest.strip_prefix(' ') else {
        return false;
    };
    let Ok((after_number, _)) = number::digit_number(after) else {
        return false;
    };
    base_unit(after_number).is_some_and(|(_, found)| found.unit == "oz")
}

const DIMENSION_WORDS: &[&str] = &[
    "thick", "long", "wide", "high", "tall", "deep", "across", "in", "of", "diameter", "length", "width", "height",
];

/// What may follow a bare `in` or `"` for it to mean inches: the end, punctuation, or a
/// dimension word (`2 1/2 in thick`).
fn ends_like_inches(rest: &str) -> bool {
    let trimmed = trim_spaces(rest);
    if trimmed.is_empty() || trimmed.starts_with(['.', ',', ';', ')', ':', '!', '?']) {
        return trimmed.len() <= 1 || !trimmed[1..].starts_with(char::is_alphanumeric);
    }
    let next: String = trimmed.chars().take_while(|c| c.is_alphabetic()).collect();
    trimmed.len() < rest.len() && DIMENSION_WORDS.contains(&next.to_lowercase().as_str())
}

/// Units after a number: percents, currencies, durations, measures; then `per`/`/` rates and
/// `^2`/`squared`.
fn unit(input: &str) -> Option<(&str, UnitMatch)> {
    let (rest, mut found) = base_unit(input)?;
    let mut rest = rest;
    if found.kind != QuantityKind::Measure {
        return Some((rest, found));
    }
    rest = power_suffix(rest, &mut found.unit);
    // After `per` the space stays, so the denominator may be a word (`per hour`).
    let per = rest.strip_prefix('/').or_else(|| {
        rest.strip_prefix(' ')
            .and_then(|r| word_prefix(r, "per"))
            .filter(|r| r.starts_with(' '))
    });
    if let Some(after) = per
        // `metres/second`: after a slash a unit of time may be a word too.
        && let Some((after, denominator)) =
            base_unit(after).or_else(|| rest.starts_with('/').then(|| time_unit_word(after)).flatten())
        && matches!(denominator.kind, QuantityKind::Measure | QuantityKind::Duration)
    {
        let mut denominator_unit = denominator.unit;
        rest = power_suffix(after, &mut denominator_unit);
        found.unit = format!("{}/{}", found.unit, denominator_unit);
    }
    Some((rest, found))
}

/// Whether `won` before `rest` is the verb: an object or a preposition follows it.
fn won_is_a_verb(rest: &str) -> bool {
    const AFTER_THE_VERB: &[&str] = &[
        "by", "the", "a", "an", "over", "against", "their", "his", "her", "its", "it", "them", "out", "back", "more",
        "seats", "games", "matches", "races", "votes", "awards", "medals", "titles",
    ];
    let Some(next) = rest.strip_prefix(' ') else {
        return false;
    };
    let len = next.bytes().take_while(u8::is_ascii_alphabetic).count();
    AFTER_THE_VERB.iter().any(|w| w.eq_ignore_ascii_case(&next[..len]))
}

/// A unit of time written as a word at the start of `text`: `years`, `millisecond`.
fn time_unit_word(text: &str) -> Option<(&str, UnitMatch)> {
    let letters = text.bytes().take_while(u8::is_ascii_alphabetic).count();
    TIME_UNITS.starting(text, letters).iter().find_map(|&(name, symbol)| {
        let rest = word_prefix(text, name)?;
        Some((
            rest,
            UnitMatch::new(QuantityKind::Duration, symbol, Some(UnitClass::Time)),
        ))
    })
}

/// `^2`, `²`, ` squared`, `^3`, `³` after a unit.
fn power_suffix<'a>(rest: &'a str, unit: &mut String) -> &'a str {
    for (suffix, power) in [
        ("^2", '2'),
        ("²", '2'),
        (" squared", '2'),
        ("^3", '3'),
        ("³", '3'),
        (" cubed", '3'),
    ] {
        if let Some(after) = rest.strip_prefix(suffix)
            && at_word_end(after)
        {
            unit.push(power);
            return after;
        }
    }
    rest
}

const PERCENTAGE_POINTS: &[&str] = &[
    "percentage points",
    "percentage point",
    "percent points",
    "ppts",
    "ppt",
    "pp",
];
/// A hundredth of a percentage point, as central banks and markets count (`75 basis points`).
const BASIS_POINTS: &[&str] = &["basis points", "basis point", "bps", "bp"];
const PERCENT: &[&str] = &["per cent", "percent", "per-cent", "pct", "pc"];
/// Minor currency units glued to the amount: `50c`, `20p`.
const MINOR_SYMBOLS: &[(&str, &str)] = &[("c", "cents"), ("p", "pence")];
const AGES: &[(&str, &str)] = &[
    ("years old", "year"),
    ("year old", "year"),
    ("yo", "year"),
    ("y.o.", "year"),
];

/// The leading ASCII letters of every unit [`base_unit`] knows that opens with one.
fn unit_lead_words() -> &'static WordSet {
    static WORDS: LazyLock<WordSet> = LazyLock::new(|| {
        let lists = [
            lexicon::CURRENCY_WORDS,
            lexicon::TIME_UNITS,
            lexicon::TIME_SYMBOLS,
            lexicon::MEASURE_UNITS,
            MINOR_SYMBOLS,
            AGES,
        ];
        let names = lists.iter().flat_map(|list| list.iter().map(|(name, _)| *name));
        let names = names
            .chain(PERCENTAGE_POINTS.iter().chain(BASIS_POINTS).chain(PERCENT).copied())
            .chain(["grand", "in"]);
        let leads: Vec<&str> = names
            .map(|name| &name[..words::letters_end(name.as_bytes(), 0)])
            .filter(|lead| !lead.is_empty())
            .collect();
        WordSet::new(&leads)
    });
    &WORDS
}

fn base_unit(input: &str) -> Option<(&str, UnitMatch)> {
    let trimmed = trim_spaces(input);
    let spaced = trimmed.len() < input.len();
    let percent = || UnitMatch::new(QuantityKind::Percent, "percent", Some(UnitClass::Percent));
    if let Some(rest) = trimmed.strip_prefix('%') {
        return Some((rest, percent()));
    }
    // `64‰`: per mille, a tenth of a percent.
    if let Some(rest) = trimmed.strip_prefix('‰') {
        return Some((
            rest,
            UnitMatch {
                factor: 0.1,
                ..percent()
            },
        ));
    }
    // `3x`, `1.5x`: a multiplier glued to the number.
    if !spaced
        && let Some(rest) = input.strip_prefix(['x', '×'])
        && symbol_ends(rest)
    {
        return Some((rest, UnitMatch::new(QuantityKind::Count, "times", None)));
    }
    // Feet and inch marks glued to the number: `7'`, `9"`, `10 "` before a dimension word,
    // `6'2"` before the inches.
    if !spaced
        && let Some(rest) = input.strip_prefix(['\'', '′'])
        && (at_word_end(rest) && !rest.starts_with(['\'', '’'])
            || rest
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .starts_with(['"', '″'])
                && rest.starts_with(|c: char| c.is_ascii_digit()))
    {
        return Some((rest, UnitMatch::measure("ft")));
    }
    // `9"`, `9''`: two primes are an inch mark too.
    let inch_mark = trimmed.strip_prefix(['"', '″']).or_else(|| trimmed.strip_prefix("''"));
    if let Some(rest) = inch_mark
        && (trimmed.starts_with('″') || ends_like_inches(rest))
        && at_word_end(rest)
    {
        return Some((rest, UnitMatch::measure("in")));
    }
    if let Some(rest) = trimmed.strip_prefix('¢') {
        return Some((rest, UnitMatch::money("cents")));
    }
    let first = trimmed.as_bytes().first();
    for &(symbol, code) in symbol_currencies() {
        if first != symbol.as_bytes().first() {
            continue;
        }
        if let Some(rest) = trimmed.strip_prefix(symbol)
            && !rest.starts_with(|c: char| c.is_ascii_digit())
        {
            return Some((rest, UnitMatch::money(code)));
        }
    }
    let letters = trimmed.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters == 3
        && let Some(code) = lexicon::currency_code(&trimmed[..3])
        && at_word_end(&trimmed[3..])
        && (trimmed[..3].bytes().all(|b| b.is_ascii_uppercase()) || spaced && lexicon::is_common_code(&trimmed[..3]))
    {
        return Some((&trimmed[3..], UnitMatch::money(code)));
    }
    if !spaced && !trimmed.starts_with(|c: char| c.is_alphabetic() || c == '°' || c == 'º' || c == 'µ') {
        return None;
    }
    // A unit that opens with a letter ends its letters where the text does: most words after
    // a number (`troops`, `of`) are no unit's, and one probe says so.
    if trimmed.starts_with(|c: char| c.is_ascii_alphabetic()) && !unit_lead_words().contains(&trimmed[..letters]) {
        return None;
    }
    // Only units with the lead of `trimmed` are tried (see [`lead`]).
    let lead_here = lead(trimmed, letters);
    let may_start = |name: &str| lead_here.is_some_and(|lead| has_lead(name, lead));
    for name in PERCENTAGE_POINTS.iter().filter(|n| may_start(n)) {
        if let Some(rest) = word_prefix(trimmed, name) {
            return Some((
                rest,
                UnitMatch::new(QuantityKind::Percent, "percentage points", Some(UnitClass::Percent)),
            ));
        }
    }
    for name in BASIS_POINTS.iter().filter(|n| may_start(n)) {
        if let Some(rest) = word_prefix(trimmed, name) {
            return Some((
                rest,
                UnitMatch {
                    factor: 0.01,
                    ..UnitMatch::new(QuantityKind::Percent, "percentage points", Some(UnitClass::Percent))
                },
            ));
        }
    }
    for name in PERCENT.iter().filter(|n| may_start(n)) {
        // `12pc` is British for percent; `12 PCs` are computers.
        if let Some(rest) = word_prefix(trimmed, name)
            && (*name != "pc" || trimmed.starts_with("pc"))
        {
            return Some((rest, percent()));
        }
    }
    if !spaced {
        // `4in`, `5ft 4in`: glued to the number, `in` is no preposition.
        if let Some(rest) = word_prefix(trimmed, "in")
            && symbol_ends(rest)
        {
            return Some((rest, UnitMatch::measure("in")));
        }
        for &(name, minor) in MINOR_SYMBOLS {
            if let Some(rest) = trimmed.strip_prefix(name)
                && symbol_ends(rest)
            {
                return Some((rest, UnitMatch::money(minor)));
            }
        }
    }
    if spaced {
        // `22 grand`, but not `22 Grand Slam titles`.
        if may_start("grand")
            && let Some(rest) = word_prefix(trimmed, "grand")
            && !rest.trim_start_matches(' ').starts_with(char::is_uppercase)
        {
            return Some((
                rest,
                UnitMatch {
                    factor: 1e3,
                    ..UnitMatch::money("USD")
                },
            ));
        }
        for &(name, code) in CURRENCY_WORDS.starting(trimmed, letters) {
            if let Some(rest) = word_prefix(trimmed, name) {
                // `5 pounds of flour` weighs; `5 pounds` costs.
                // `7 pounds 3 ounces` weighs too.
                if code == "GBP" && name.starts_with("pound") && (rest.starts_with(" of ") || before_ounces(rest)) {
                    return Some((rest, UnitMatch::measure("lb")));
                }
                // `8 won by a wide margin`, `3 won the vote`: the verb.
                if name == "won" && won_is_a_verb(rest) {
                    return None;
                }
                return Some((rest, UnitMatch::money(code)));
            }
        }
        for &(name, symbol) in AGES.iter().filter(|(n, _)| may_start(n)) {
            if let Some(rest) = word_prefix(trimmed, name).or_else(|| {
                let head = trimmed.get(..name.len())?;
                (name.ends_with('.') && head.eq_ignore_ascii_case(name)).then(|| &trimmed[name.len()..])
            }) {
                return Some((
                    rest,
                    UnitMatch::new(QuantityKind::Duration, symbol, Some(UnitClass::Time)),
                ));
            }
        }
        if let Some(found) = time_unit_word(trimmed) {
            return Some(found);
        }
        if let Some(rest) = word_prefix(trimmed, "in")
            && ends_like_inches(rest)
        {
            return Some((rest, UnitMatch::measure("in")));
        }
    }
    // A short symbol is a unit only right after the number: in code and tables `s` and `min`
    // are names too (`14   s = state`, `min=50`).
    let right_after = input[..input.len() - trimmed.len()].chars().count() <= 1;
    for &(name, symbol) in TIME_SYMBOLS.starting(trimmed, letters) {
        if let Some(rest) = trimmed.strip_prefix(name)
            && right_after
            && symbol_ends(rest)
            && !rest.trim_start_matches(' ').starts_with('=')
        {
            return Some((
                rest,
                UnitMatch::new(QuantityKind::Duration, symbol, Some(UnitClass::Time)),
            ));
        }
    }
    for &(name, symbol) in MEASURE_UNITS.starting(trimmed, letters) {
        let is_word = name.len() > 3 && name.bytes().all(|b| b.is_ascii_lowercase() || b == b' ');
        let rest = if is_word {
            match word_prefix(trimmed, name) {
                Some(rest) => rest,
                None => continue,
            }
        } else {
            match trimmed.strip_prefix(name) {
                Some(rest) if name.ends_with('.') || symbol_ends(rest) => rest,
                _ => continue,
            }
        };
        // A lone capital letter after a space is more often an initial than a unit.
        if spaced && name.len() == 1 && name.starts_with(|c: char| c.is_ascii_uppercase()) && rest.starts_with('.') {
            continue;
        }
        if symbol == "°" {
            return Some(temperature_scale(rest));
        }
        return Some((rest, UnitMatch::measure(symbol)));
    }
    None
}

/// A word list split by the lower-cased first byte of its entries, each bucket in list order
/// (longer forms come first in the lists, and the first match wins).
struct ByFirstByte<T: 'static = &'static str>(Vec<Vec<(&'static str, T)>>);

impl<T: Copy> ByFirstByte<T> {
    fn new(list: &'static [(&'static str, T)]) -> Self {
        let mut buckets = vec![Vec::new(); 256];
        for &entry in list {
            if let Some(first) = entry.0.bytes().next() {
                buckets[usize::from(first.to_ascii_lowercase())].push(entry);
            }
        }
        Self(buckets)
    }
}

/// What a unit written whole at the start of a text (`km` in `km/h`, `square` in `square
/// metres`) shares with it: the lower-cased first byte, and the count of leading ASCII letters,
/// since the byte after them is the same non-letter in both, or the end of the unit, where it
/// must end its word. `letters` is that count for `text`; `None` for empty text.
fn lead(text: &str, letters: usize) -> Option<(u8, usize)> {
    text.bytes().next().map(|first| (first.to_ascii_lowercase(), letters))
}

/// Whether unit `name` has `lead`: its first byte is tested before its letters are counted.
fn has_lead(name: &str, (first, letters): (u8, usize)) -> bool {
    name.bytes().next().is_some_and(|b| b.to_ascii_lowercase() == first)
        && words::letters_end(name.as_bytes(), 0) == letters
}

/// A list of units (or comparators) split by their [`lead`]. Each bucket keeps list order
/// (longer forms come first in the lists, and the first match wins). The buckets lie end to
/// end in one list, found by their offsets: most of the 8,192 buckets are empty, and a table
/// of small offsets is quicker to build and to page in than as many empty lists.
struct ByLeadingLetters<T: 'static = &'static str> {
    /// Bucket `b` is `entries[offsets[b]..offsets[b + 1]]`.
    offsets: Box<[u16]>,
    entries: Box<[(&'static str, T)]>,
}

impl<T: Copy> ByLeadingLetters<T> {
    /// Leading letter counts from 0 to one less than this are kept apart.
    const COUNTS: usize = 32;
    const BUCKETS: usize = 256 * Self::COUNTS;

    fn bucket((first, letters): (u8, usize)) -> Option<usize> {
        (letters < Self::COUNTS).then(|| usize::from(first) * Self::COUNTS + letters)
    }

    fn new(list: &'static [(&'static str, T)]) -> Self {
        let mut keyed: Vec<(usize, (&'static str, T))> = list
            .iter()
            .filter_map(|&entry| {
                let key = lead(entry.0, words::letters_end(entry.0.as_bytes(), 0))?;
                let bucket = Self::bucket(key).unwrap_or_else(|| panic!("`{}` has too many leading letters", entry.0));
                Some((bucket, entry))
            })
            .collect();
        // Stable, so each bucket keeps list order.
        keyed.sort_by_key(|&(bucket, _)| bucket);
        let mut offsets = vec![0u16; Self::BUCKETS + 1];
        for &(bucket, _) in &keyed {
            offsets[bucket + 1] += 1;
        }
        for b in 0..Self::BUCKETS {
            offsets[b + 1] += offsets[b];
        }
        Self {
            offsets: offsets.into_boxed_slice(),
            entries: keyed.into_iter().map(|(_, entry)| entry).collect(),
        }
    }

    /// The units that may start `text`, whose leading ASCII letters are `letters`.
    fn starting(&self, text: &str, letters: usize) -> &[(&'static str, T)] {
        lead(text, letters).and_then(Self::bucket).map_or(&[], |bucket| {
            &self.entries[usize::from(self.offsets[bucket])..usize::from(self.offsets[bucket + 1])]
        })
    }
}

static CURRENCY_WORDS: LazyLock<ByLeadingLetters> = LazyLock::new(|| ByLeadingLetters::new(lexicon::CURRENCY_WORDS));
static TIME_UNITS: LazyLock<ByLeadingLetters> = LazyLock::new(|| ByLeadingLetters::new(lexicon::TIME_UNITS));
static TIME_SYMBOLS: LazyLock<ByLeadingLetters> = LazyLock::new(|| ByLeadingLetters::new(lexicon::TIME_SYMBOLS));
static MEASURE_UNITS: LazyLock<ByLeadingLetters> = LazyLock::new(|| ByLeadingLetters::new(lexicon::MEASURE_UNITS));

/// The entries of `list` that may start `text`: those with its first byte, in any case.
fn starting_like<'l, T>(list: &'l ByFirstByte<T>, text: &str) -> &'l [(&'static str, T)] {
    text.bytes()
        .next()
        .map_or(&[], |first| &list.0[usize::from(first.to_ascii_lowercase())])
}

/// The currency symbols that are not letters (`$`, `€`, `US$`, `R$`), in list order.
fn symbol_currencies() -> &'static [(&'static str, &'static str)] {
    static SYMBOLS: LazyLock<Vec<(&str, &str)>> = LazyLock::new(|| {
        lexicon::CURRENCY_SYMBOLS
            .iter()
            .copied()
            .filter(|(symbol, _)| !symbol.chars().all(|c| c.is_ascii_alphabetic() || c == '.'))
            .collect()
    });
    &SYMBOLS
}

/// `degrees` followed by its scale: `° Fahrenheit`, `degrees f`, `deg celsius`.
fn temperature_scale(rest: &str) -> (&str, UnitMatch) {
    let after = trim_spaces(rest);
    for (name, symbol) in [
        ("celsius", "°C"),
        ("centigrade", "°C"),
        ("celcius", "°C"),
        ("fahrenheit", "°F"),
        ("farenheit", "°F"),
        ("kelvin", "K"),
        ("c", "°C"),
        ("f", "°F"),
    ] {
        if let Some(found) = word_prefix(after, name)
            && !(name.len() == 1 && found.starts_with('.') && found[1..].starts_with(char::is_alphabetic))
        {
            return (found, UnitMatch::measure(symbol));
        }
    }
    (rest, UnitMatch::measure("°"))
}

/// The noun a count counts, looked for in the next three words: a known counted noun, a
/// demonym (`30 Iraqi’s`), or a plain plural word.
fn counted_noun(input: &str, words: &dyn Vocabulary) -> Option<(usize, String, Option<UnitClass>)> {
    let mut offset = 0;
    let mut rest = input;
    let mut after_adjective = false;
    for position in 0..3 {
        let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
        if trimmed.len() == rest.len() && position == 0 {
            return None;
        }
        offset += rest.len() - trimmed.len();
        let len = trimmed
            .char_indices()
            .find(|&(_, c)| !(c.is_alphabetic() || c == '-' || c == '\'' || c == '’'))
            .map_or(trimmed.len(), |(i, _)| i);
        let raw = trimmed[..len].trim_end_matches(['-', '\'', '’']);
        // `1,000 more troops`, `14 more cases`: the extra ones are still troops, cases.
        if position == 0
            && ["more", "additional", "extra", "further"]
                .iter()
                .any(|m| raw.eq_ignore_ascii_case(m))
        {
            let next = trimmed[len..].trim_start_matches(' ');
            let next_len = next.find(|c: char| !c.is_alphabetic()).unwrap_or(next.len());
            let next_word = &next[..next_len];
            let plural = next_word.len() > 3
                && next_word.ends_with('s')
                && next_word.starts_with(|c: char| c.is_lowercase())
                && !lexicon::ends_noun_phrase(next_word);
            if next_len > 0 && (words.noun_class(next_word).is_some() || plural) {
                offset += len;
                rest = &trimmed[len..];
                after_adjective = true;
                continue;
            }
        }
        if raw.is_empty() || lexicon::ends_noun_phrase(raw) {
            return None;
        }
        let possessive_stripped = raw.strip_suffix("’s").or_else(|| raw.strip_suffix("'s"));
        if let Some(class) = words.noun_class(raw) {
            return Some((offset + raw.len(), raw.to_lowercase(), Some(class)));
        }
        let singular_demonym = possessive_stripped.unwrap_or(raw);
        let demonym_plural = raw.strip_suffix('s').filter(|s| words.is_demonym(s));
        if words.is_demonym(singular_demonym) || demonym_plural.is_some() {
            let next = trimmed[raw.len()..].trim_start();
            let next_word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
            let modifies_next = !next_word.is_empty()
                && !lexicon::ends_noun_phrase(&next_word)
                && next.starts_with(char::is_lowercase)
                && demonym_plural.is_none()
                && possessive_stripped.is_none();
            if !modifies_next {
                let unit = format!("{}s", singular_demonym.trim_end_matches('s')).to_lowercase();
                return Some((offset + raw.len(), unit, Some(UnitClass::Nationals)));
            }
        } else if position == 0 && raw.ends_with("ing") && raw.len() > 4 {
            // `12 sending ships`: a verb, not an adjective of the counted noun.
            return None;
        } else if (position == 0 || position > 0 && after_adjective)
            && raw.len() > 3
            && raw.ends_with('s')
            && !raw.ends_with("ss")
            && !raw.ends_with("us")
            && !raw.ends_with("is")
            && raw.chars().all(|c| c.is_lowercase() || c == '-')
        {
            return Some((offset + raw.len(), raw.to_lowercase(), None));
        } else if raw.starts_with(char::is_uppercase) || position > 0 && !raw.ends_with('s') {
            // A capitalised word or a second adjective: keep looking for the head noun.
        } else if position > 0 {
            return None;
        }
        // After a participle (`4,120 suspected cases`), a name (`19 Olympic medals`) or a
        // known adjective, a plain plural word is the counted noun.
        // `4,293 suspected microcephaly cases`: one noun may stand between the adjective and
        // the counted noun.
        let modifier = position == 1
            && after_adjective
            && (raw.chars().all(|c| c.is_lowercase() || c == '-') || raw.starts_with(char::is_uppercase));
        after_adjective = modifier
            || position == 0
                && (COMMON_ADJECTIVES.iter().any(|a| raw.eq_ignore_ascii_case(a))
                    || LIKELIHOODS.iter().any(|a| raw.eq_ignore_ascii_case(a))
                    || raw.ends_with("ed") && raw.len() > 4
                    || raw.starts_with(char::is_uppercase) && raw.len() > 2
                    || raw.len() > 5
                        && raw.chars().all(char::is_lowercase)
                        && ADJECTIVE_ENDINGS.iter().any(|e| raw.ends_with(e)));
        offset += raw.len();
        rest = &trimmed[raw.len()..];
        // A list of participles before one noun: `8,997 confirmed, probable and suspected cases`.
        if after_adjective && let Some(listed) = participle_list(rest) {
            offset += listed;
            rest = &rest[listed..];
            if rest.starts_with([' ', '\u{a0}']) {
                continue;
            }
        }
        if !rest.starts_with([' ', '\u{a0}']) {
            return None;
        }
    }
    None
}

/// The length of the rest of a list of participles and state adjectives after the first one
/// (`, probable, and suspected` in `8,997 confirmed, probable, and suspected cases`), up to
/// the last item's end, when one follows.
fn participle_list(rest: &str) -> Option<usize> {
    let mut at = 0;
    let mut items = 0;
    while items < 4 {
        let tail = &rest[at..];
        let after_comma = tail.strip_prefix(',').unwrap_or(tail);
        let spaced = after_comma.trim_start_matches(' ');
        let joined = ["and ", "or "].iter().find_map(|j| spaced.strip_prefix(j));
        if after_comma.len() == tail.len() && joined.is_none() {
            break;
        }
        let word_at = joined.unwrap_or(spaced).trim_start_matches(' ');
        let len = word_at.find(|c: char| !c.is_alphabetic()).unwrap_or(word_at.len());
        let word = &word_at[..len];
        let listed = word.len() > 4 && word.ends_with("ed") || LIKELIHOODS.iter().any(|w| word.eq_ignore_ascii_case(w));
        if !listed || word.starts_with(char::is_uppercase) {
            break;
        }
        at = rest.len() - word_at.len() + len;
        items += 1;
    }
    (items > 0).then_some(at)
}

/// Endings of adjectives (`suspicious`, `official`, `historic`, `massive`): after one, a plain
/// plural word is the counted noun.
const ADJECTIVE_ENDINGS: &[&str] = &["ous", "al", "ic", "ive", "ful", "ary", "ible", "able"];

/// Adjectives of how sure a count is, which stand before its noun like participles:
/// `6,574 probable, suspected and confirmed cases`.
const LIKELIHOODS: &[&str] = &["probable", "possible", "likely", "presumed", "presumptive"];

/// Adjectives that often stand between a number and what it counts: after one, a plural word
/// is the counted noun even when it is not a known one (`40 new hospitals`).
const COMMON_ADJECTIVES: &[&str] = &[
    "new",
    "old",
    "other",
    "big",
    "small",
    "large",
    "young",
    "major",
    "senior",
    "junior",
    "local",
    "foreign",
    "former",
    "key",
    "top",
    "full-time",
    "part-time",
    "armed",
    "elderly",
    "rural",
    "urban",
    "private",
    "public",
];

/// Compound adjectives after a number: `500-strong`, `29-member`, `three-year`, `29-year-old`,
/// `a 27-kilometer ring`, `a three-foot trip`, `a 100-euro fine`.
fn compound(input: &str) -> Option<(&str, UnitMatch)> {
    let rest = number::hyphen(input)?;
    // `29-year-old`, `twenty‐five‐year‐old`: an age, with any hyphens.
    if let Some(after) = word_prefix(rest, "year").or_else(|| word_prefix(rest, "years"))
        && let Some(after) = number::hyphen_word(after, "old")
    {
        return Some((
            after,
            UnitMatch::new(QuantityKind::Duration, "year", Some(UnitClass::Time)),
        ));
    }
    let special = alt((word("strong"), word("member"), word("nation"), word("fold"))).parse(rest);
    if let Ok((rest, suffix)) = special {
        return Some(match suffix.to_ascii_lowercase().as_str() {
            "strong" => (
                rest,
                UnitMatch::new(QuantityKind::Count, "personnel", Some(UnitClass::Personnel)),
            ),
            // `10-fold`: a multiplier.
            "fold" => (rest, UnitMatch::new(QuantityKind::Count, "times", None)),
            _ => (
                rest,
                UnitMatch::new(QuantityKind::Count, "members", Some(UnitClass::Countries)),
            ),
        });
    }
    // Only a name that opens with the letter after the hyphen can stand there: the rest are
    // passed over without reading them.
    let lead = rest.as_bytes().first().map(u8::to_ascii_lowercase);
    let may_open = |name: &str| name.as_bytes().first().map(u8::to_ascii_lowercase) == lead;
    // `a 3,000-square-foot house`: a unit of two words joined by a hyphen too.
    for &(name, symbol) in lexicon::MEASURE_UNITS.iter().filter(|(name, _)| may_open(name)) {
        if let Some((first, second)) = name.split_once(' ')
            && !second.contains(' ')
            && let Some(after) = word_prefix(rest, first).and_then(|r| number::hyphen_word(r, second))
        {
            return Some((after, UnitMatch::measure(symbol)));
        }
    }
    for &(name, symbol) in lexicon::TIME_UNITS.iter().filter(|(name, _)| may_open(name)) {
        if !name.ends_with('s')
            && let Some(rest) = word_prefix(rest, name)
        {
            return Some((
                rest,
                UnitMatch::new(QuantityKind::Duration, symbol, Some(UnitClass::Time)),
            ));
        }
    }
    for &(name, symbol) in lexicon::MEASURE_UNITS.iter().filter(|(name, _)| may_open(name)) {
        let singular_word = name.len() >= 3 && name.chars().all(|c| c.is_ascii_lowercase()) && name != "degrees";
        if singular_word && let Some(rest) = word_prefix(rest, name) {
            return Some((rest, UnitMatch::measure(symbol)));
        }
    }
    // `a 100-euro fine`, `a one-yen coin`; `pound` is left out, as `a five-pound bag` weighs.
    for &(name, code) in lexicon::CURRENCY_WORDS.iter().filter(|(name, _)| may_open(name)) {
        let singular_word = !name.ends_with('s') && name.bytes().all(|b| b.is_ascii_lowercase()) && name != "pound";
        if singular_word
            && code.len() == 3
            && let Some(rest) = word_prefix(rest, name)
        {
            return Some((rest, UnitMatch::money(code)));
        }
    }
    for (name, symbol) in [("percent", "percent"), ("per-cent", "percent")] {
        if let Some(rest) = word_prefix(rest, name) {
            return Some((
                rest,
                UnitMatch::new(QuantityKind::Percent, symbol, Some(UnitClass::Percent)),
            ));
        }
    }
    // `a 5-km run`, `a 40-MW plant`: a symbol of two letters or more (a single letter after a
    // hyphen is more often a name, `10-K`, and `2-in-1` is no length).
    let letters = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters >= 2
        && !rest[..letters].eq_ignore_ascii_case("in")
        && let Some((after, found)) = unit(rest)
        && matches!(found.kind, QuantityKind::Measure | QuantityKind::Duration)
    {
        return Some((after, found));
    }
    None
}

/// A number with its currency or unit, before ranges and bounds are considered.
#[derive(Debug, Clone)]
struct Measured<'a> {
    rest: &'a str,
    amount: Amount,
    unit: Option<UnitMatch>,
    /// The number alone, as written.
    number_text: &'a str,
    prefixed: bool,
    /// The unit was an `m` glued to the number (`5m`): metres, or millions before a noun.
    glued_m: bool,
    /// See [`Quantity::maybe_decade`].
    maybe_decade: bool,
}

/// `allow_half`: a bare `half` counts (after a comparator: `more than half`).
fn measured(input: &str, allow_half: bool) -> Option<Measured<'_>> {
    // `tenfold`: a multiplier in one word.
    if let Some((rest, factor)) = number::fold_word(input) {
        return Some(Measured {
            rest,
            amount: Amount::exact(factor),
            unit: Some(UnitMatch::new(QuantityKind::Count, "times", None)),
            number_text: &input[..input.len() - rest.len()],
            prefixed: false,
            glued_m: false,
            maybe_decade: false,
        });
    }
    // `-£250`, `−$5`: a sign written before the currency.
    let signed = input
        .strip_prefix(['-', '−'])
        .and_then(|after| currency_prefix(after).filter(|(rest, _)| rest.starts_with(|c: char| c.is_ascii_digit())));
    let (start, prefix) = match signed.or_else(|| currency_prefix(input)) {
        Some((rest, code)) => (rest, Some(code)),
        None => (input, None),
    };
    let (rest, mut amount) = number::number(start, prefix.is_some()).ok()?;
    if signed.is_some() {
        amount = amount.negated();
    }
    let mut number_text = &start[..start.len() - rest.len()];
    let mut rest = rest;
    let mut glued_m = false;
    let unit_found = match prefix {
        Some(code) => {
            // `€1,50`: after a currency, a comma and two digits are the cents.
            if amount.is_exact()
                && number_text.bytes().all(|b| b.is_ascii_digit())
                && let Some(cents) = rest.strip_prefix(',')
                && cents
                    .as_bytes()
                    .get(..2)
                    .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                && !cents.as_bytes().get(2).is_some_and(u8::is_ascii_digit)
                && let Ok(cents_value) = cents[..2].parse::<f64>()
            {
                amount = Amount::exact(amount.low + cents_value / 100.0);
                rest = &cents[2..];
                number_text = &start[..start.len() - rest.len()];
            }
            // `$5 USD`: the code repeated after the amount.
            if let Some((after, repeated)) = base_unit(rest)
                && repeated.kind == QuantityKind::Money
                && repeated.unit == code
            {
                rest = after;
            }
            Some(UnitMatch::money(code))
        }
        None => {
            // `a third of a mile`, `3/4 of a cup`, `a quarter of a percentage point`: a
            // fraction of one unit.
            let fraction = amount.is_exact() && amount.low > 0.0 && amount.low < 1.0;
            let found = compound(rest)
                .or_else(|| unit(rest))
                .or_else(|| fraction.then(|| of_one_unit(rest)).flatten())
                .or_else(|| bracketed_unit(rest));
            if let Some((after, mut found)) = found {
                glued_m = found.unit == "m" && rest.starts_with('m');
                // `a quarter pound`, `1/2 pound of butter`: a part of a pound weighs.
                let part_of_one = amount.is_exact() && amount.low > 0.0 && amount.low < 1.0;
                if part_of_one
                    && found.unit == "GBP"
                    && trim_spaces(rest)
                        .get(..5)
                        .is_some_and(|w| w.eq_ignore_ascii_case("pound"))
                {
                    found = UnitMatch::measure("lb");
                }
                rest = after;
                Some(found)
            } else {
                None
            }
        }
    };
    // `a third-quarter loss`, `a half-marathon`: a fraction in words that opens a compound
    // no grammar reads is no amount.
    if unit_found.is_none()
        && is_fraction_in_words(amount.low, number_text)
        && number::hyphen(rest).is_some_and(|r| r.starts_with(char::is_alphabetic))
    {
        return None;
    }
    // `21st`, `101st`: an ordinal's suffix, not stones.
    if unit_found.as_ref().is_some_and(|u| u.unit == "st")
        && start[number_text.len()..].starts_with("st")
        && number_text.ends_with('1')
        && !number_text.ends_with("11")
    {
        return None;
    }
    // A glued `s` after a whole ten may be a decade rather than seconds: always past a hundred
    // (`the 1980s`), and by the words around it for two digits (`in their 30s`; `wait 30s`).
    let maybe_decade = unit_found.as_ref().is_some_and(|u| u.unit == "s")
        && start[number_text.len()..].starts_with('s')
        && amount.low == amount.high
        && amount.low % 10.0 == 0.0;
    // `replaced with 0s`: zeros.
    if maybe_decade && (amount.low >= 100.0 || amount.low == 0.0) {
        return None;
    }
    // Digits glued to letters that are no unit are a code, not a number (`1RM3Y`, `3rd`).
    if unit_found.is_none() && !at_word_end(rest) {
        return None;
    }
    // `20 degrees below zero`
    if unit_found.as_ref().is_some_and(|u| u.unit.starts_with('°'))
        && let Some(after) = rest.strip_prefix(' ').and_then(|r| word_prefix(r, "below zero"))
        && amount.low > 0.0
    {
        amount = amount.negated();
        rest = after;
    }
    // `an hour and a half`, `two miles and a half`
    let mut and_half = false;
    if unit_found.as_ref().is_some_and(|u| u.kind != QuantityKind::Money)
        && amount.is_exact()
        && amount.low.fract() == 0.0
        && let Some(after) = and_a_half(rest)
    {
        amount.low += 0.5;
        amount.high += 0.5;
        rest = after;
        and_half = true;
    }
    if let Some(found) = &unit_found {
        amount = amount.scaled(found.factor);
        // `75 USD million`
        if found.kind == QuantityKind::Money
            && prefix.is_none()
            && let Some((after, scale)) = scale_word_after(rest)
        {
            amount = amount.scaled(scale);
            rest = after;
        }
    }
    // `a kilogram`, `half a liter`: a weak amount needs a unit written as a word after it.
    let unit_is_word = start[number_text.len()..]
        .trim_start_matches(['-', ' '])
        .starts_with(char::is_alphabetic);
    // A part of one unit of time or percent is a number too (`half an hour`, `half a percentage
    // point`, `an hour and a half`); one of them alone is not (`a day`, `a percent`).
    let part_of_one = amount.is_exact() && amount.low < 1.0 || and_half;
    if amount.weak
        && !(allow_half && number_text.eq_ignore_ascii_case("half"))
        && !(unit_is_word
            && unit_found.as_ref().is_some_and(|u| match u.kind {
                QuantityKind::Money | QuantityKind::Measure => true,
                QuantityKind::Duration | QuantityKind::Percent => part_of_one,
                _ => false,
            }))
    {
        return None;
    }
    amount.weak = false;
    let mut value = Measured {
        rest,
        amount,
        unit: unit_found,
        number_text,
        prefixed: prefix.is_some(),
        glued_m,
        maybe_decade,
    };
    add_minor_currency(&mut value);
    add_price_unit(&mut value);
    add_smaller_measures(&mut value);
    Some(value)
}

/// `$15 per hour`, `$15/hour`, `£1.40 per litre`: a price for one unit of time or measure has
/// the unit in its own (`USD/h`, `GBP/l`). (`$85 a barrel` keeps `USD`: see `is_price_unit`.)
fn add_price_unit(value: &mut Measured) {
    let Some(found) = &mut value.unit else { return };
    if found.kind != QuantityKind::Money {
        return;
    }
    let rest = value.rest;
    let Some(after) = rest.strip_prefix('/').or_else(|| {
        rest.strip_prefix(' ')
            .and_then(|r| word_prefix(r, "per"))
            .filter(|r| r.starts_with(' '))
    }) else {
        return;
    };
    let per = base_unit(after).or_else(|| time_unit_word(after));
    if let Some((after_unit, per)) = per
        && matches!(per.kind, QuantityKind::Measure | QuantityKind::Duration)
    {
        found.unit = format!("{}/{}", found.unit, per.unit);
        value.rest = after_unit;
    }
}

/// `a third`, `three-quarters`: a part of one written in words.
fn is_fraction_in_words(value: f64, number_text: &str) -> bool {
    value > 0.0 && value < 1.0 && number_text.starts_with(|c: char| c.is_ascii_alphabetic())
}

/// ` [kg]`, ` [m/s]`: a unit in square brackets, as tables and specifications write it.
fn bracketed_unit(input: &str) -> Option<(&str, UnitMatch)> {
    let inner = trim_spaces(input).strip_prefix('[')?;
    let (after, found) = unit(inner)?;
    Some((after.strip_prefix(']')?, found))
}

/// ` of a mile`, ` of an hour`: one unit written as a word after `of a`.
fn of_one_unit(input: &str) -> Option<(&str, UnitMatch)> {
    let after_of = word_prefix(input.strip_prefix(' ')?, "of")?.strip_prefix(' ')?;
    let after_article = word_prefix(after_of, "an").or_else(|| word_prefix(after_of, "a"))?;
    unit(after_article).filter(|(_, found)| found.kind != QuantityKind::Count)
}

/// ` and a half` after a unit, not the start of a compound (`and a half-marathon`).
fn and_a_half(input: &str) -> Option<&str> {
    let after = word_prefix(input.strip_prefix(' ')?, "and a half")?;
    (!after.starts_with(number::HYPHENS)).then_some(after)
}

fn scale_word_after(input: &str) -> Option<(&str, f64)> {
    let trimmed = input.strip_prefix(' ')?;
    for (name, scale) in [
        ("thousand", 1e3),
        ("million", 1e6),
        ("billion", 1e9),
        ("trillion", 1e12),
    ] {
        if let Some(rest) = word_prefix(trimmed, name) {
            return Some((rest, scale));
        }
    }
    None
}

/// `3 dollars 50 cents`, `thirteen dollars and forty-five cents`, `15 dollars 50`, `20 ringgit
/// and 43 sen`: the minor unit added to the main one.
fn add_minor_currency(value: &mut Measured) {
    let Some(found) = &value.unit else { return };
    if found.kind != QuantityKind::Money || found.is_minor_currency() || !value.amount.is_exact() {
        return;
    }
    let rest = value.rest.strip_prefix(',').unwrap_or(value.rest);
    let Ok((after, _)) = gap(rest) else { return };
    let after = alt((word("and"), nom::bytes::complete::tag("&")))
        .parse(after)
        .ok()
        .and_then(|(r, _)| gap(r).ok().map(|(r, _)| r))
        .unwrap_or(after);
    let Ok((after_number, cents)) = number::number(after, false) else {
        return;
    };
    if !cents.is_exact() || cents.weak || cents.low >= 100.0 || cents.low.fract() != 0.0 || cents.low < 0.0 {
        return;
    }
    let minor = trim_spaces(after_number);
    let minor_len = lexicon::MINOR_CURRENCY.iter().find_map(|name| {
        let head = minor.get(..name.len())?;
        (head.eq_ignore_ascii_case(name) && symbol_ends(&minor[name.len()..])).then_some(name.len())
    });
    let rest = match minor_len {
        Some(len) if len > 1 || minor.starts_with('¢') || minor.len() == after_number.len() => &minor[len..],
        None if at_sentence_end(after_number) => after_number,
        _ => return,
    };
    value.amount = Amount::exact(value.amount.low + cents.low / 100.0);
    value.rest = rest;
}

fn at_sentence_end(rest: &str) -> bool {
    let trimmed = trim_spaces(rest);
    trimmed.is_empty()
        || trimmed.starts_with(['.', ',', ';', ')', '!', '?', ':'])
            && !trimmed[1..].starts_with(|c: char| c.is_ascii_digit())
}

/// `5 feet 2 inches`, `2 kilometer, 1 metre`, `2 yards 7 ft 10 inches`, `12st 3lb`, `6'2"`,
/// `the 5-foot-6 guard`: a length, mass or volume written in parts, added up in the smallest
/// unit. Each part is in a smaller unit of the same dimension than the one before, and every
/// part but the last is whole: otherwise the next amount is one of its own (`7½ miles and 800
/// m`, `1.88 m and 188 cm`). Spans of time in parts stay apart (`3 years and 6 months`).
fn add_smaller_measures(value: &mut Measured) {
    let Some(found) = &value.unit else { return };
    let Some((dimension, mut size)) = lexicon::unit_size(&found.unit) else {
        return;
    };
    if !value.amount.is_exact() {
        return;
    }
    let mut total = value.amount.low * size;
    let mut last = value.amount.low;
    let mut smallest = found.unit.clone();
    let mut rest = value.rest;
    loop {
        if last.fract() != 0.0 {
            break;
        }
        let feet = smallest == "ft";
        let mut next = rest.strip_prefix(',').unwrap_or(rest);
        // `6'2"`, `5-foot-6`: inches right after feet, glued or after a hyphen.
        let joined = feet && next.starts_with(|c: char| c.is_ascii_digit());
        let hyphened = feet && number::hyphen(next).is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
        if hyphened {
            next = number::hyphen(next).unwrap_or(next);
        } else if !joined {
            let Ok((after, _)) = gap(next) else { break };
            next = after;
            if let Ok((after, _)) = word("and")(next)
                && let Ok((after, _)) = gap(after)
            {
                next = after;
            }
        }
        let Ok((after_number, part)) = number::number(next, false) else {
            break;
        };
        if !part.is_exact() || part.weak || part.low < 0.0 {
            break;
        }
        let part_unit =
            if feet && (joined || hyphened) && at_word_end(after_number) && !after_number.starts_with(['"', '″']) {
                // `5-foot-6`: the inches go unsaid.
                hyphened.then(|| (after_number, UnitMatch::measure("in")))
            } else if feet && after_number.starts_with(['"', '″']) {
                Some((
                    &after_number[after_number.chars().next().map_or(0, char::len_utf8)..],
                    UnitMatch::measure("in"),
                ))
            } else if feet
                && let Some(after) =
                    word_prefix(trim_spaces(after_number), "in").filter(|_| after_number.starts_with(' '))
            {
                // `6 ft 2 in and more`: after feet, `in` is inches whatever follows.
                Some((after, UnitMatch::measure("in")))
            } else {
                unit(after_number)
            };
        let Some((after_unit, mut part_unit)) = part_unit else {
            break;
        };
        // `12 stone 3 pounds`: pounds after a mass weigh.
        if dimension == "mass" && part_unit.kind == QuantityKind::Money && part_unit.unit == "GBP" {
            part_unit = UnitMatch::measure("lb");
        }
        let Some((part_dimension, part_size)) = lexicon::unit_size(&part_unit.unit) else {
            break;
        };
        if part_dimension != dimension || part_size >= size {
            break;
        }
        total += part.low * part_size;
        size = part_size;
        last = part.low;
        smallest = part_unit.unit;
        rest = after_unit;
    }
    if rest.len() < value.rest.len() {
        // `6 ft 2 in` is 74 inches, not 74.00000000000001: the sizes are decimal fractions.
        let in_smallest = total / size;
        let rounded = format!("{in_smallest:.12e}").parse().unwrap_or(in_smallest);
        value.amount = Amount::exact(rounded);
        value.rest = rest;
        if let Some(found) = &mut value.unit {
            found.unit = smallest;
        }
    }
}

/// A dash between the ends of a range: any of [`number::DASHES`], spaced or not: `-`, `–`,
/// `—`, `−`, ` - `, ` – `.
fn range_dash(input: &str) -> Option<&str> {
    let trimmed = trim_spaces(input);
    let spaced = trimmed.len() < input.len();
    // `20~30`, `20 ~ 30`: a tilde between two numbers, spaced on both sides or on neither.
    let rest = trimmed.strip_prefix(number::DASHES).or_else(|| {
        let rest = trimmed.strip_prefix(['~', '〜'])?;
        (spaced == rest.starts_with(is_gap_char)).then_some(rest)
    })?;
    let after = trim_spaces(rest);
    // `- 5`, `−5` after a space are a range only when spaced on both sides: glued to the
    // number they are its sign.
    if spaced && !trimmed.starts_with(['–', '—']) && after.len() == rest.len() {
        return None;
    }
    Some(after)
}

/// The connector and upper end of a range after the lower one: `-17`, ` to 17`, ` and 20`.
/// Returns the upper end, whether it is approximate, and the connector.
fn range_upper<'a>(input: &'a str, opener: Option<&str>) -> Option<(Measured<'a>, bool, &'static str)> {
    let connectors: &[&str] = match opener {
        Some("between") => &["and", "to", "-"],
        Some("from") => &["to", "and", "-", "through", "thru", "until", "till"],
        _ => &["-", "to", "or", "through", "thru"],
    };
    let mut after = None;
    let mut joined_by = "";
    for &connector in connectors {
        joined_by = connector;
        after = if connector == "-" {
            range_dash(input)
        } else {
            gap(input)
                .ok()
                .and_then(|(r, _)| word_prefix(r, connector))
                .and_then(|r| gap(r).ok())
                .map(|(r, _)| r)
        };
        if after.is_some() {
            break;
        }
    }
    let mut after = after?;
    let mut approximate = false;
    if let Some((rest, Bound::Approximately)) = comparator(after) {
        after = rest;
        approximate = true;
    }
    measured(after, false).map(|m| (m, approximate, joined_by))
}

/// The magnitude written at the end of a number (`10 million`, `four hundred`, `10m`, `3bn`),
/// or `None` when it ends with a digit or a word below a hundred.
fn written_scale(number_text: &str) -> Option<f64> {
    let letters = number_text.bytes().rev().take_while(u8::is_ascii_alphabetic).count();
    let last = &number_text[number_text.len() - letters..];
    // A magnitude the number was not scaled by (`10m` of metres) leaves the figure below one,
    // and nothing is below it.
    const SCALES: &[(&str, f64)] = &[
        ("hundred", 1e2),
        ("thousand", 1e3),
        ("million", 1e6),
        ("billion", 1e9),
        ("trillion", 1e12),
        ("lakh", 1e5),
        ("crore", 1e7),
        ("k", 1e3),
        ("m", 1e6),
        ("mn", 1e6),
        ("mln", 1e6),
        ("bn", 1e9),
        ("bln", 1e9),
        ("b", 1e9),
        ("tn", 1e12),
    ];
    SCALES
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(last))
        .map(|&(_, s)| s)
}

/// Digits alone (`370`), or two runs of digits joined by one dot (`3.12`): what follows a name
/// in `Flight 370` and `Python 3.12`.
fn is_digits_or_version(text: &str) -> bool {
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    match text.split_once('.') {
        Some((whole, fraction)) => digits(whole) && digits(fraction),
        None => digits(text),
    }
}

/// The sides of a shape written with the unit after the last one only: `240 × 120 cm`, `2.4 x
/// 1.2 m`, `12 by 10 feet`, `3 × 4 × 2.5 m`.
#[derive(Debug, Clone, PartialEq)]
pub struct Sides {
    /// The earlier sides: their offsets in the input and values, `count` of them.
    pub earlier: [(usize, usize, f64); 2],
    pub count: usize,
    /// Where the last side, which carries the unit, starts.
    pub last_start: usize,
    /// The last side, with its unit.
    pub last: Quantity,
}

/// [`Sides`] at the start of `input`, when the last side carries a unit of length.
pub fn sides_with_unit(input: &str, words: &dyn Vocabulary) -> Option<Sides> {
    // Most numbers have no `x`, `×` or `by` after them: one look at the byte past the number
    // and its spaces says so.
    let bytes = input.as_bytes();
    let number_end = bytes
        .iter()
        .position(|b| !(b.is_ascii_digit() || matches!(b, b'.' | b',')))
        .unwrap_or(bytes.len());
    let next = bytes[number_end..].iter().find(|&&b| b != b' ');
    if !matches!(next, Some(b'x' | b'b' | 0xc3)) {
        return None;
    }
    let mut earlier = [(0, 0, 0.0); 2];
    let mut count = 0;
    let mut at = 0;
    loop {
        let (rest, value) = number::digit_number(&input[at..]).ok()?;
        let end = input.len() - rest.len();
        let after_gap = trim_spaces(rest);
        let by = word_prefix(after_gap, "by").filter(|r| after_gap.len() < rest.len() && r.starts_with(' '));
        let Some(next) = after_gap.strip_prefix(['x', '×']).or(by) else {
            break;
        };
        let next = trim_spaces(next);
        if count == 2 || !next.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        earlier[count] = (at, end, value);
        count += 1;
        at = input.len() - next.len();
    }
    if count == 0 {
        return None;
    }
    let last = quantity(&input[at..], words)?;
    let length = last.kind == QuantityKind::Measure
        && last.low == last.high
        && last
            .unit
            .as_deref()
            .and_then(lexicon::unit_size)
            .is_some_and(|(dimension, _)| dimension == "length");
    length.then_some(Sides {
        earlier,
        count,
        last_start: at,
        last,
    })
}

/// A quantity starting at `input`. `words` knows nationality words and counted nouns.
pub fn quantity(input: &str, words: &dyn Vocabulary) -> Option<Quantity> {
    quantity_after(input, words, Change::None)
}

/// Where a number stands relative to a verb of change, which decides whether `X to Y` is a
/// range or a move from one figure to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// No verb of change before it in its clause.
    None,
    /// Earlier in its clause: `raised the toll from Maria from 64 to 2,975`. Only `from X to
    /// Y` is read as the figure before and the figure after.
    InClause,
    /// Right after the verb: `fell 7p to 212p`, `increased from 39 to 43`. Two amounts that
    /// each carry their unit are the change and the new level as well.
    Direct,
    /// After `by` or `from` after the verb: `rose by 3 to 48` is the change and the new
    /// level, `rose from 39 to 43` the level before and after.
    By,
}

/// A quantity starting at `input` at a place `change` describes (`fell 7p to 212p`, `rose by
/// $2 to $85`, `increased from 39 to 43`): there, `X to Y` may be two figures, not a range.
pub fn quantity_after(input: &str, words: &dyn Vocabulary, after_change: Change) -> Option<Quantity> {
    // `($99.99)`: an amount in parentheses is negative in accounts.
    if let Some(inner) = input.strip_prefix('(') {
        let value = measured(inner, false)?;
        let closes = value.rest.strip_prefix(')')?;
        if !value.unit.as_ref().is_some_and(|u| u.kind == QuantityKind::Money) || !value.amount.is_exact() {
            return None;
        }
        let mut q = finish(inner, value, None, words)?;
        if q.low.is_some_and(|v| v > 0.0) {
            q.low = q.low.map(|v| -v);
            q.high = q.high.map(|v| -v);
            q.negated_in_parentheses = true;
        }
        q.len = input.len() - closes.len();
        return Some(q);
    }
    let (after_bound, bound) = match comparator(input) {
        Some((rest, bound)) => (rest, Some(bound)),
        None => (input, None),
    };
    let opener = if bound.is_none() {
        alt((word("between"), word("from")))
            .parse(input)
            .ok()
            .and_then(|(rest, w)| Some((gap(rest).ok()?.0, w.to_ascii_lowercase())))
    } else {
        None
    };
    let start = opener.as_ref().map_or(after_bound, |(rest, _)| rest);
    let first = measured(start, bound.is_some())?;
    // `the past five years`: a span of time up to now, not more than it.
    let phrase = &input[..input.len() - after_bound.len()];
    if bound.is_some()
        && first.unit.as_ref().is_some_and(|u| u.kind == QuantityKind::Duration)
        && phrase.trim_end().len() >= 4
        && phrase.trim_end().as_bytes()[phrase.trim_end().len() - 4..].eq_ignore_ascii_case(b"past")
    {
        return None;
    }
    finish_with_range(input, first, bound, opener.map(|(_, w)| w), after_change, words)
}

fn finish_with_range(
    input: &str,
    first: Measured,
    bound: Option<Bound>,
    opener: Option<String>,
    after_change: Change,
    words: &dyn Vocabulary,
) -> Option<Quantity> {
    // `20 <= x <= 30`, `20 < n < 30`: a variable between two bounds.
    if bound.is_none()
        && opener.is_none()
        && first.amount.is_exact()
        && let Some((after, low_inclusive, high_inclusive)) = between_symbols(first.rest)
        && let Some(upper) = measured(after, false)
        && upper.amount.is_exact()
        && upper.amount.low > first.amount.low
        && (first.unit.is_none() || upper.unit.is_none() || first.unit == upper.unit)
    {
        let unit = upper.unit.clone().or(first.unit.clone());
        let ranged = Measured {
            amount: Amount {
                low: first.amount.low,
                high: upper.amount.low,
                approximate: false,
                weak: false,
            },
            unit,
            number_text: "",
            ..upper
        };
        let mut q = finish(input, ranged, None, words)?;
        q.low_inclusive = low_inclusive;
        q.high_inclusive = high_inclusive;
        return Some(q);
    }
    // `about 500 to 600 people`: an approximation covers both ends of a range.
    let approximated = bound == Some(Bound::Approximately);
    if (bound.is_none() || approximated)
        && let Some((upper, approximate, connector)) = range_upper(first.rest, opener.as_deref())
    {
        // `20 through 2025`: a year after a word is when, not an upper end.
        let year_after_word = matches!(connector, "through" | "thru" | "until" | "till")
            && looks_like_a_year(upper.number_text)
            && !looks_like_a_year(first.number_text);
        // `increased from 39 to 43`, `raised it by 3 to 48`: the figure before and after a move.
        let moved = connector == "to"
            && match after_change {
                Change::None => false,
                Change::InClause | Change::Direct => opener.as_deref() == Some("from"),
                Change::By => opener.is_none(),
            };
        let direct = matches!(after_change, Change::Direct | Change::By);
        let units_agree = !year_after_word
            && !moved
            && match (&first.unit, &upper.unit) {
                (Some(a), Some(b)) => a.unit == b.unit && !(direct && connector == "to" && opener.is_none()),
                // `fell 1.5 per cent to 7,412.3 points`: a unit written after the lower end and
                // missing after the upper one leaves two quantities, not a range (`$5 to 10` is one).
                (Some(a), None) => a.kind != QuantityKind::Duration && (first.prefixed || opener.is_some()),
                _ => true,
            };
        let mut lower = first.amount.low;
        let mut upper_amount = upper.amount;
        // `fell by a third to 2.4 million`: a fraction in words is a change, not a range's end.
        let fraction_to_whole = is_fraction_in_words(lower, first.number_text) && upper.amount.low >= 1.0;
        // `5-10 million`, `three to four hundred`: a magnitude written once, on the upper end,
        // applies to both ends when the lower one is below the upper one's figure.
        if let Some(scale) = written_scale(upper.number_text)
            && written_scale(first.number_text).is_none()
            && first.amount.is_exact()
            && lower > 0.0
            && lower < upper.amount.low / scale
        {
            lower *= scale;
        }
        // `-5 to -10 °C`: two negative ends, from the warmer one down.
        if lower < 0.0 && upper_amount.high < lower && first.amount.is_exact() && upper_amount.is_exact() {
            (lower, upper_amount.low, upper_amount.high) = (upper_amount.low, first.amount.low, first.amount.low);
        }
        if units_agree && !fraction_to_whole && upper_amount.high > lower {
            let unit = upper.unit.clone().or(first.unit.clone());
            let ranged = Measured {
                rest: upper.rest,
                amount: Amount {
                    low: lower,
                    high: upper_amount.high,
                    approximate: first.amount.approximate || upper.amount.approximate || approximate || approximated,
                    weak: false,
                },
                unit,
                number_text: "",
                prefixed: first.prefixed || upper.prefixed,
                // `20m-30m people`, `20-30m people`: millions, if a counted noun follows.
                glued_m: upper.glued_m && (first.glued_m || first.unit.is_none()),
                maybe_decade: first.maybe_decade || upper.maybe_decade,
            };
            let four_digits = |t: &str| t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit());
            let years = first.unit.is_none() && four_digits(first.number_text) && four_digits(upper.number_text);
            let mut q = finish(input, ranged, None, words)?;
            q.bare_integer = years && q.unit.is_none();
            return Some(q);
        }
    }
    if opener.is_some() {
        return None;
    }
    // `555-0142`, `978-3-16`, `3‐2`: digits joined by hyphens are an identifier or a score,
    // not a quantity.
    if first.unit.is_none()
        && let Some(after) = number::hyphen(first.rest)
        && (after.starts_with(|c: char| c.is_ascii_digit())
            // `10-K`, `3-D`: a number and a capital letter name a thing.
            || after.starts_with(|c: char| c.is_ascii_uppercase()) && at_word_end(&after[1..]))
    {
        return None;
    }
    let mut q = finish(input, first.clone(), bound, words)?;
    // `above 1000 and below 1500`, `greater than 30 and less than or equal to 40`
    if matches!(bound, Some(Bound::Above { .. } | Bound::Below { .. })) {
        let rest = &input[q.len..];
        let joined = bound_joiner(rest);
        if let Some(after) = joined
            && let Some((after_cmp, other)) = comparator(after)
            && let Some(second) = measured(after_cmp, true)
        {
            let second_q = finish(after, second, Some(other), words)?;
            let opposite = matches!(
                (bound, other),
                (Some(Bound::Above { .. }), Bound::Below { .. }) | (Some(Bound::Below { .. }), Bound::Above { .. })
            );
            let same_unit = q.unit == second_q.unit || q.unit.is_none() || second_q.unit.is_none();
            if opposite && same_unit {
                let (above, below) = if q.low.is_some() {
                    (&q, &second_q)
                } else {
                    (&second_q, &q)
                };
                if let (Some(low), Some(high)) = (above.low, below.high)
                    && low < high
                {
                    let merged = Quantity {
                        len: q.len + (rest.len() - after.len()) + second_q.len,
                        low: Some(low),
                        high: Some(high),
                        low_inclusive: above.low_inclusive,
                        high_inclusive: below.high_inclusive,
                        unit: q.unit.clone().or(second_q.unit.clone()),
                        kind: if q.unit.is_some() { q.kind } else { second_q.kind },
                        class: q.class.or(second_q.class),
                        ..q.clone()
                    };
                    q = merged;
                }
            }
        }
    }
    Some(q)
}

/// `, `, ` and `, `, but ` between two bounds of one range.
fn bound_joiner(input: &str) -> Option<&str> {
    let comma = input.strip_prefix(',');
    let (after, _) = gap(comma.unwrap_or(input)).ok()?;
    match alt((word("and"), word("but"))).parse(after) {
        Ok((rest, _)) => Some(trim_spaces(rest)),
        Err(_) => comma.is_some().then_some(after),
    }
}

/// ` <= x <= `, ` < n < `, ` ≤ x ≤ `: a variable between two bounds after the lower one. Returns
/// the text after the second sign and whether each end is included.
fn between_symbols(rest: &str) -> Option<(&str, bool, bool)> {
    fn less(input: &str) -> Option<(&str, bool)> {
        let input = trim_spaces(input);
        if let Some(rest) = input.strip_prefix("<=").or_else(|| input.strip_prefix('≤')) {
            return Some((trim_spaces(rest), true));
        }
        input.strip_prefix('<').map(|rest| (trim_spaces(rest), false))
    }
    let (after, low_inclusive) = less(rest)?;
    let letters = after.bytes().take_while(u8::is_ascii_alphabetic).count();
    if !(1..=3).contains(&letters) {
        return None;
    }
    let (after, high_inclusive) = less(&after[letters..])?;
    after
        .starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '.')
        .then_some((after, low_inclusive, high_inclusive))
}

/// Four digits from 1000 to 2999 written plain: a year, when nothing says otherwise.
fn looks_like_a_year(text: &str) -> bool {
    text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) && matches!(text.as_bytes()[0], b'1' | b'2')
}

/// ` per 100,000` after a count and its noun (`12 deaths per 100,000`): the whole of a rate.
fn per_whole(rest: &str) -> Option<(&str, f64)> {
    let after = word_prefix(rest.strip_prefix(' ')?, "per")?;
    let (after, _) = gap(after).ok()?;
    let whole = measured(after, false)?;
    let plain = whole.unit.is_none() && whole.amount.is_exact() && whole.amount.low >= 1.0;
    (plain && whole.amount.low.fract() == 0.0 && !looks_like_a_year(whole.number_text))
        .then_some((whole.rest, whole.amount.low))
}

/// `+` (not before a digit) or `-plus` after an amount: that many or more.
fn plus(rest: &str) -> Option<&str> {
    rest.strip_prefix('+')
        .filter(|after| !after.starts_with(|c: char| c.is_ascii_digit()))
        .or_else(|| number::hyphen_word(rest, "plus"))
}

/// The lower-cased first byte of the word after one space.
fn initial_after_space(rest: &str) -> Option<u8> {
    rest.strip_prefix(' ')?.bytes().next().map(|b| b.to_ascii_lowercase())
}

fn finish(input: &str, value: Measured, bound: Option<Bound>, words: &dyn Vocabulary) -> Option<Quantity> {
    let mut rest = value.rest;
    let mut amount = value.amount;
    let mut kind = QuantityKind::Count;
    let mut unit_name = None;
    let mut class = None;
    if let Some(found) = &value.unit {
        kind = found.kind;
        unit_name = Some(found.unit.clone());
        class = found.class;
    }
    let mut bound = bound;
    let bare =
        matches!(bound, None | Some(Bound::Approximately)) && value.unit.is_none() && !value.number_text.is_empty();
    // The fixed words after the number below are tried only under their first letter.
    if bare && matches!(initial_after_space(rest), Some(b'o' | b'i' | b'p')) {
        // `two out of five`, `one in four`, `1 over 3`, `4 per 1,000`: a ratio written with words.
        for (connector, is_ratio) in [("out of", true), ("in", true), ("over", false), ("per", true)] {
            let Some(after) = rest.strip_prefix(' ').and_then(|r| word_prefix(r, connector)) else {
                continue;
            };
            let Ok((after, _)) = gap(after) else { continue };
            let Some(whole) = measured(after, false) else { continue };
            let plain = whole.unit.is_none() && whole.amount.is_exact() && whole.amount.low != 0.0;
            let counted = counted_noun(whole.rest, words).is_some();
            let proper = amount.low <= whole.amount.low || connector == "per";
            // `one in four`, `1 in 10,000`, but not `3 in 2015` or `2 in 10 days`.
            let whole_number = whole.amount.low.fract() == 0.0 && !looks_like_a_year(whole.number_text);
            if matches!(connector, "in" | "per")
                && !(whole_number && amount.low.fract() == 0.0 && (connector == "per" || amount.low < whole.amount.low))
            {
                continue;
            }
            if plain
                && amount.is_exact()
                && (is_ratio && proper || !is_ratio && !counted && number::hyphen(whole.rest).is_none())
            {
                amount = Amount::exact(amount.low / whole.amount.low);
                if is_ratio {
                    kind = QuantityKind::Ratio;
                }
                rest = whole.rest;
                break;
            }
        }
    }
    let money_after_m = if value.glued_m {
        base_unit(rest).filter(|(_, u)| u.kind == QuantityKind::Money && !u.is_minor_currency())
    } else {
        None
    };
    if let Some((after, currency)) = money_after_m {
        // `5m euros`: five million euros.
        amount = amount.scaled(1e6);
        kind = QuantityKind::Money;
        unit_name = Some(currency.unit);
        class = currency.class;
        rest = after;
    } else if value.glued_m
        && let Some((len, noun, noun_class)) = counted_noun(rest, words)
    {
        // `5m people`: millions, not metres.
        amount = amount.scaled(1e6);
        kind = QuantityKind::Count;
        unit_name = Some(noun);
        class = noun_class;
        rest = &rest[len..];
    } else if value.unit.is_none() {
        // `20+ people`, `a 50,000-plus crowd`
        if bound.is_none()
            && amount.is_exact()
            && let Some(after) = plus(rest)
        {
            bound = Some(AT_LEAST);
            rest = after;
        }
        // `40-odd ships`, `40 or so people`: a little over forty, or near it, not exactly it.
        if matches!(bound, None | Some(Bound::Approximately))
            && let Some(after) = number::hyphen_word(rest, "odd").or_else(|| or_so(rest))
        {
            bound = Some(Bound::Approximately);
            rest = after;
        }
        // `forty-something`, `30-something`: a whole ten and up to nine more.
        if bound.is_none()
            && amount.is_exact()
            && amount.low >= 10.0
            && amount.low % 10.0 == 0.0
            && amount.low < 100.0
            && let Some(after) = number::hyphen_word(rest, "something")
        {
            amount = Amount {
                low: amount.low,
                high: amount.low + 9.0,
                approximate: true,
                weak: false,
            };
            rest = after;
        }
        // `dozens of medics`, `thousands of people`: a vague amount counts what follows `of`,
        // or is an amount of its unit (`tens of millions of dollars`, `dozens of kilometres`).
        let vague_of = value.number_text.ends_with(['s', 'S']) && value.amount.approximate;
        let of_offset = if vague_of && rest.starts_with(" of ") { 3 } else { 0 };
        let unit_of = (of_offset > 0)
            .then(|| unit(&rest[of_offset..]))
            .flatten()
            .filter(|(_, u)| {
                matches!(
                    u.kind,
                    QuantityKind::Money | QuantityKind::Measure | QuantityKind::Duration
                )
            });
        if let Some((after, found)) = unit_of {
            amount = amount.scaled(found.factor);
            kind = found.kind;
            unit_name = Some(found.unit);
            class = found.class;
            rest = after;
        } else if let Some((len, noun, noun_class)) = counted_noun(&rest[of_offset..], words) {
            unit_name = Some(noun);
            class = noun_class;
            // The span takes in the counted noun: "fewer than 20 people".
            rest = &rest[of_offset + len..];
            // `12 deaths per 100,000`: a rate.
            if kind == QuantityKind::Count
                && bound.is_none()
                && amount.is_exact()
                && let Some((after, whole)) = per_whole(rest)
            {
                amount = Amount::exact(amount.low / whole);
                kind = QuantityKind::Ratio;
                rest = after;
            }
        }
    }
    // `$5,000-plus`, `20%+`: a unit before the plus.
    if bound.is_none()
        && value.unit.is_some()
        && amount.is_exact()
        && let Some(after) = plus(rest)
    {
        bound = Some(AT_LEAST);
        rest = after;
    }
    // `20 or more`, `five or fewer`, `65 and over`, `60 dogs at most`
    if matches!(bound, None | Some(Bound::Approximately))
        && amount.is_exact()
        && matches!(initial_after_space(rest), Some(b'o' | b'a' | b'm'))
    {
        for (postfix, postfix_bound) in [
            ("at the most", AT_MOST),
            ("at most", AT_MOST),
            ("max", AT_MOST),
            ("at the least", AT_LEAST),
            ("at least", AT_LEAST),
            ("or more", AT_LEAST),
            ("or above", AT_LEAST),
            ("or greater", AT_LEAST),
            ("or bigger", AT_LEAST),
            ("or larger", AT_LEAST),
            ("or higher", AT_LEAST),
            ("or over", AT_LEAST),
            ("and above", AT_LEAST),
            ("and over", AT_LEAST),
            ("and up", AT_LEAST),
            ("and upwards", AT_LEAST),
            ("and upward", AT_LEAST),
            ("or upwards", AT_LEAST),
            ("or fewer", AT_MOST),
            ("or less", AT_MOST),
            ("or lower", AT_MOST),
            ("or below", AT_MOST),
            ("or smaller", AT_MOST),
            ("or under", AT_MOST),
            ("and under", AT_MOST),
            ("and below", AT_MOST),
        ] {
            // `5000 or less than 6000` is two claims, not a bound.
            if let Some(after) = rest.strip_prefix(' ').and_then(|r| word_prefix(r, postfix))
                && word_prefix(trim_spaces(after), "than").is_none()
            {
                bound = Some(postfix_bound);
                rest = after;
                if unit_name.is_none()
                    && let Some((len, noun, noun_class)) = counted_noun(rest, words)
                {
                    unit_name = Some(noun);
                    class = noun_class;
                    rest = &rest[len..];
                }
                break;
            }
        }
    }
    // `six weeks or so`
    if value.unit.is_some()
        && bound.is_none()
        && let Some(after) = or_so(rest)
    {
        bound = Some(Bound::Approximately);
        rest = after;
    }
    let text = value.number_text;
    let bare_integer = bound.is_none()
        && !value.prefixed
        && value.unit.is_none()
        && text.len() == 4
        && text.bytes().all(|b| b.is_ascii_digit());
    let (mut low, mut high) = (Some(amount.low), Some(amount.high));
    let (mut low_inclusive, mut high_inclusive) = (true, true);
    let mut approximate = amount.approximate;
    match bound {
        Some(Bound::Below { inclusive }) => {
            low = None;
            high_inclusive = inclusive;
        }
        Some(Bound::Above { inclusive }) => {
            high = None;
            low_inclusive = inclusive;
        }
        Some(Bound::Approximately) => approximate = true,
        None => {}
    }
    let no_unit = unit_name.is_none();
    let bare_digits =
        bound.is_none() && no_unit && !value.prefixed && kind == QuantityKind::Count && is_digits_or_version(text);
    Some(Quantity {
        len: input.len() - rest.len(),
        kind,
        low,
        high,
        low_inclusive,
        high_inclusive,
        approximate,
        unit: unit_name,
        class,
        bare_integer,
        bare_one: bound.is_none() && text.eq_ignore_ascii_case("one") && kind == QuantityKind::Count && no_unit,
        bare_digits,
        negated_in_parentheses: false,
        maybe_decade: value.maybe_decade,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Words;

    impl Vocabulary for Words {
        fn is_demonym(&self, word: &str) -> bool {
            matches!(word, "Iraqi" | "Russian" | "German")
        }

        fn noun_class(&self, noun: &str) -> Option<UnitClass> {
            match noun.to_lowercase().as_str() {
                "soldiers" | "troops" | "trainers" | "people" | "sailors" => Some(UnitClass::Personnel),
                "countries" | "allies" => Some(UnitClass::Countries),
                "bases" => Some(UnitClass::Facilities),
                "ships" => Some(UnitClass::Vehicles),
                _ => None,
            }
        }
    }

    fn parse(input: &str) -> Quantity {
        quantity(input, &Words).unwrap_or_else(|| panic!("no quantity in {input:?}"))
    }

    fn text_of(input: &str) -> &str {
        &input[..parse(input).len]
    }

    fn values(input: &str) -> (Option<f64>, Option<f64>, Option<String>) {
        let q = parse(input);
        (q.low, q.high, q.unit)
    }

    #[test]
    fn after_a_change_two_amounts_with_units_joined_by_to_are_two() {
        let after_change = |input: &str| quantity_after(input, &Words, Change::Direct).map(|q| (q.len, q.low, q.high));
        assert_eq!(after_change("7p to 212p"), Some((2, Some(7.0), Some(7.0))));
        assert_eq!(after_change("$2 to $85"), Some((2, Some(2.0), Some(2.0))));
        // The unit written once or a dash still make a range.
        assert_eq!(after_change("5 to 8 percent"), Some((14, Some(5.0), Some(8.0))));
        assert_eq!(after_change("$2-$3"), Some((5, Some(2.0), Some(3.0))));
        // `from` after a verb of change is the figure moved from: no quantity opens at `from`.
        assert_eq!(after_change("from $2 to $3"), None);
        assert_eq!(after_change("from 39 to 43"), None);
        let in_clause = |input: &str| quantity_after(input, &Words, Change::InClause).map(|q| (q.len, q.low, q.high));
        assert_eq!(in_clause("from 64 to 2,975"), None);
        assert_eq!(in_clause("5 to 8 percent"), Some((14, Some(5.0), Some(8.0))));
        // After `by`, the change and the new level, units or not.
        let by = |input: &str| quantity_after(input, &Words, Change::By).map(|q| (q.len, q.low, q.high));
        assert_eq!(by("3 to 48"), Some((1, Some(3.0), Some(3.0))));
        assert_eq!(
            by("nearly 1,200 to 5,209").map(|(len, _, high)| (len, high)),
            Some((12, Some(1200.0)))
        );
        // With no verb of change, `from X to Y` is a range.
        let plain = |input: &str| quantity_after(input, &Words, Change::None).map(|q| (q.len, q.low, q.high));
        assert_eq!(plain("from 39 to 43"), Some((13, Some(39.0), Some(43.0))));
        assert_eq!(values("7p to 212p"), (Some(7.0), Some(212.0), Some("pence".into())));
    }

    #[test]
    fn ranges_with_hyphens_dashes_and_words() {
        let q = parse("10-17 soldiers to Iraq");
        assert_eq!(
            (q.low, q.high, q.unit.as_deref()),
            (Some(10.0), Some(17.0), Some("soldiers"))
        );
        assert_eq!(q.class, Some(UnitClass::Personnel));
        assert_eq!(text_of("10-17 soldiers to"), "10-17 soldiers");
        assert_eq!(parse("10–17 troops").high, Some(17.0));
        assert_eq!(parse("1000 – 5000 runners").low, Some(1000.0));
        let between = parse("between 10 and 17 trainers");
        assert_eq!((between.low, between.high), (Some(10.0), Some(17.0)));
        assert_eq!(parse("two or three days").kind, QuantityKind::Duration);
        assert_eq!(parse("$5-10 million").low, Some(5e6));
        assert_eq!(values("44 mg to 50 mg of"), (Some(44.0), Some(50.0), Some("mg".into())));
        assert_eq!(values("from 500 to around 4,000"), (Some(500.0), Some(4000.0), None));
        assert_eq!(values("between 10 dollars and 20 dollars").1, Some(20.0));
        assert_eq!(text_of("45 and 50 mg"), "45");
        assert!(parse("2014-2015").bare_integer);
        assert!(!parse("2014-2015 soldiers").bare_integer);
    }

    #[test]
    fn a_fraction_in_words_before_to_is_a_change_not_a_range() {
        assert_eq!(text_of("a third to 2.4 million barrels"), "a third");
        assert_eq!(values("-1 to 64").0, Some(-1.0));
        assert_eq!(values("-1 to 64").1, Some(64.0));
        assert_eq!(values("zero or one").1, Some(1.0));
        assert_eq!(values("two and a half to three hours").0, Some(2.5));
    }

    #[test]
    fn an_approximation_covers_a_whole_range() {
        for input in [
            "about 500 to 600 people",
            "around 10-12 people",
            "roughly 10,000 to 12,000 people",
        ] {
            let q = parse(input);
            assert!(q.approximate, "{input}");
            assert_eq!((text_of(input), q.unit.as_deref()), (input, Some("people")));
            assert!(
                q.low.is_some_and(|low| q.high.is_some_and(|high| low < high)),
                "{input}"
            );
        }
        let percent = parse("about 5 to 10 percent");
        assert_eq!(
            (percent.low, percent.high, percent.approximate),
            (Some(5.0), Some(10.0), true)
        );
    }

    #[test]
    fn comparators_make_open_intervals() {
        let fewer = parse("fewer than 20 people working");
        assert_eq!((fewer.low, fewer.high, fewer.high_inclusive), (None, Some(20.0), false));
        assert_eq!(fewer.unit.as_deref(), Some("people"));
        let more = parse("More than 20 countries in the alliance");
        assert_eq!((more.low, more.high, more.low_inclusive), (Some(20.0), None, false));
        assert_eq!(more.class, Some(UnitClass::Countries));
        let up_to = parse("up to 500 troops");
        assert_eq!((up_to.low, up_to.high, up_to.high_inclusive), (None, Some(500.0), true));
        let about = parse("about 500 troops");
        assert_eq!(
            (about.low, about.high, about.approximate),
            (Some(500.0), Some(500.0), true)
        );
        let at_most = parse("less than or equal to 30");
        assert_eq!((at_most.high, at_most.high_inclusive), (Some(30.0), true));
        assert_eq!(parse("<= -30").high, Some(-30.0));
        assert_eq!(parse("more than half").low, Some(0.5));
        let both = parse("above 1000 and below 1500 a");
        assert_eq!((both.low, both.high), (Some(1000.0), Some(1500.0)));
        assert_eq!(text_of("above 1000 and below 1500 a"), "above 1000 and below 1500");
        assert!(quantity("more of them", &Words).is_none());
    }

    #[test]
    fn money_in_symbols_codes_words_and_parts() {
        let money = parse("$88 billion to rebuild");
        assert_eq!(
            (money.kind, money.low, money.unit.as_deref()),
            (QuantityKind::Money, Some(8.8e10), Some("USD"))
        );
        assert_eq!(values("USD115.5"), (Some(115.5), Some(115.5), Some("USD".into())));
        assert_eq!(values("115USD").2.as_deref(), Some("USD"));
        assert_eq!(values("20€").2.as_deref(), Some("EUR"));
        assert_eq!(values("£5m").0, Some(5e6));
        assert_eq!(values("3 dollars 50 cents.").0, Some(3.5));
        assert_eq!(values("thirteen dollars and forty-five cents").0, Some(13.45));
        assert_eq!(values("75 USD million").0, Some(7.5e7));
        assert_eq!(values("10 grand").0, Some(1e4));
        assert_eq!(values("($99.99)").0, Some(-99.99));
        assert_eq!(values("-15€").0, Some(-15.0));
        assert_eq!(text_of("15 dollars and 50 people"), "15 dollars");
        assert_eq!(values("100-euro fine"), (Some(100.0), Some(100.0), Some("EUR".into())));
        assert_eq!(values("one-yen coin").2.as_deref(), Some("JPY"));
        assert_ne!(parse("five-pound bag").kind, QuantityKind::Money);
    }

    #[test]
    fn percents_measures_and_compounds() {
        let percent = parse("2 percent of a member nation’s GDP");
        assert_eq!((percent.kind, percent.low), (QuantityKind::Percent, Some(2.0)));
        assert_eq!(parse("2% of GDP").unit.as_deref(), Some("percent"));
        assert_eq!(parse("3 percentage points").unit.as_deref(), Some("percentage points"));
        assert_eq!(
            values("75 basis points"),
            (Some(0.75), Some(0.75), Some("percentage points".into()))
        );
        assert_eq!(values("35 basis points").0, Some(0.35));
        assert_eq!(values("40 new hospitals").2.as_deref(), Some("hospitals"));
        assert_eq!(values("40 new this").2, None);
        assert_eq!(values("12pc to"), (Some(12.0), Some(12.0), Some("percent".into())));
        assert_ne!(parse("12 PCs sold").kind, QuantityKind::Percent);
        assert_ne!(parse("3 PC cards").kind, QuantityKind::Percent);
        let strong = parse("500-strong NATO mission");
        assert_eq!((strong.low, strong.class), (Some(500.0), Some(UnitClass::Personnel)));
        assert_eq!(text_of("500-strong NATO mission"), "500-strong");
        assert_eq!(parse("three years of war").kind, QuantityKind::Duration);
        assert_eq!(parse("120 km").unit.as_deref(), Some("km"));
        assert_eq!(values("500g of flour"), (Some(500.0), Some(500.0), Some("g".into())));
        assert_eq!(parse("27-kilometer ring").unit.as_deref(), Some("km"));
        assert_eq!(values("5 feet 2 inches"), (Some(62.0), Some(62.0), Some("in".into())));
        assert_eq!(values("6 ft 2 in tall"), (Some(74.0), Some(74.0), Some("in".into())));
        assert_eq!(values("5ft 4in."), (Some(64.0), Some(64.0), Some("in".into())));
        assert_eq!(values("2m 30cm"), (Some(230.0), Some(230.0), Some("cm".into())));
        assert_eq!(
            values("7 pounds 3 ounces"),
            (Some(115.0), Some(115.0), Some("oz".into()))
        );
        assert_eq!(values("7 pounds a week"), (Some(7.0), Some(7.0), Some("GBP".into())));
        assert_eq!(parse("-5 degrees fahrenheit").unit.as_deref(), Some("°F"));
        assert_eq!(parse("70 ° F").unit.as_deref(), Some("°F"));
        assert_eq!(parse("10 l/km").unit.as_deref(), Some("l/km"));
        assert_eq!(parse("30 metres/second").unit.as_deref(), Some("m/s"));
        assert_eq!(parse("60 miles/hour").unit.as_deref(), Some("mi/h"));
        assert_eq!(text_of("20 metres/and more"), "20 metres");
        assert_eq!(parse("20 [kg]").unit.as_deref(), Some("kg"));
        assert_eq!(parse("30 [m/s] at most").unit.as_deref(), Some("m/s"));
        assert_eq!(parse("5 [12]").unit, None);
        assert_eq!(parse("2 1/2 in thick").unit.as_deref(), Some("in"));
        assert_eq!(parse("2 in the morning").unit, None);
        assert_eq!(values("a kilogram").0, Some(1.0));
        assert!(quantity("a day", &Words).is_none());
        assert_eq!(values("5m people"), (Some(5e6), Some(5e6), Some("people".into())));
        assert_eq!(values("5m wall").2.as_deref(), Some("m"));
    }

    #[test]
    fn ratios_and_fractions_with_over() {
        let ratio = parse("two out of five voters");
        assert_eq!((ratio.kind, ratio.low), (QuantityKind::Ratio, Some(0.4)));
        assert_eq!(parse("1 over 4").low, Some(0.25));
        assert_eq!(text_of("2000 over 3 years"), "2000");
        let one_in_four = parse("one in four children");
        assert_eq!((one_in_four.kind, one_in_four.low), (QuantityKind::Ratio, Some(0.25)));
        assert_eq!(parse("3 in 2015").kind, QuantityKind::Count);
        assert_eq!(parse("2 in 10 days").kind, QuantityKind::Count);
        let or_more = parse("20 or more people");
        assert_eq!(
            (or_more.low, or_more.high, or_more.low_inclusive),
            (Some(20.0), None, true)
        );
        assert_eq!(parse("65 and over").low, Some(65.0));
        assert_eq!(parse("20+ people").high, None);
    }

    #[test]
    fn time_spans_and_rates_as_docs_write_them() {
        for (input, unit, low) in [
            ("250ms later", "ms", 250.0),
            ("100 ms by default", "ms", 100.0),
            ("1.5s, then", "s", 1.5),
            ("20 µs apart", "µs", 20.0),
            ("5 usecs each", "µs", 5.0),
            ("3 mins left", "min", 3.0),
            ("400 milliseconds of delay", "ms", 400.0),
        ] {
            let q = parse(input);
            assert_eq!(
                (q.kind, q.unit.as_deref(), q.low),
                (QuantityKind::Duration, Some(unit), Some(low)),
                "{input}"
            );
        }
        assert_eq!(parse("100 MB/s over").unit.as_deref(), Some("MB/s"));
        assert_eq!(parse("20 litres per minute").unit.as_deref(), Some("l/min"));
        assert_eq!(parse("60 km per hour").unit.as_deref(), Some("km/h"));
        assert_eq!(parse("4 KiB pages").unit.as_deref(), Some("KiB"));
        assert_eq!(parse("500 mA drawn").unit.as_deref(), Some("mA"));
        assert_eq!(parse("15,000 British thermal units").unit.as_deref(), Some("BTU"));
        assert_eq!(parse("60,000 Btu heater").unit.as_deref(), Some("BTU"));
        let ton = parse("three-ton truck");
        assert_eq!((ton.kind, ton.unit.as_deref()), (QuantityKind::Measure, Some("t")));
        // A decade is no span of seconds, and a name in code is no unit.
        assert!(quantity("1980s music", &Words).is_none());
        assert!(quantity("1800s", &Words).is_none());
        assert!(quantity("0s and 1s", &Words).is_none());
        let thirties = parse("30s and 40s");
        assert!(thirties.maybe_decade && thirties.unit.as_deref() == Some("s"));
        assert!(!parse("15s").maybe_decade);
        assert_eq!(text_of("14   s = state"), "14");
        assert_eq!(text_of("150000 min=50"), "150000");
    }

    #[test]
    fn counted_nouns_demonyms_and_modifiers() {
        let iraqis = parse("30 Iraqi’s. The");
        assert_eq!(
            (iraqis.unit.as_deref(), iraqis.class),
            (Some("iraqis"), Some(UnitClass::Nationals))
        );
        let russians = parse("2 Russians Flee");
        assert_eq!(russians.class, Some(UnitClass::Nationals));
        let bases = parse("two Iraqi military bases housing");
        assert_eq!(
            (bases.unit.as_deref(), bases.class),
            (Some("bases"), Some(UnitClass::Facilities))
        );
        assert_eq!(parse("29 allies, allow").unit.as_deref(), Some("allies"));
        assert_eq!(parse("20 of them").unit, None);
        assert!(parse("2016 campaign").bare_integer);
    }
}
