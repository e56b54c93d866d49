//! Quantities: a number with what surrounds it — comparators (`fewer than 20`), ranges
//! (`10-17`, `between 10 and 17`), currencies (`$88 billion`), percents (`2 percent`),
//! compounds (`500-strong`), units of measure and the noun a number counts (`29 allies`).
//!
//! [`quantity`] is tried at every word start. It returns the length it consumed and the value
//! as an interval; the caller decides what the claim is about.

use nom::{
    IResult, Parser, branch::alt, bytes::complete::tag, character::complete::space0, combinator::opt,
    sequence::preceded,
};

use super::lexicon::{self, UnitClass};
use super::number::{self, Amount, at_word_end, gap, word};

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
    /// The number was written as a bare four-digit integer with nothing before it.
    pub bare_integer: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuantityKind {
    Count,
    Percent,
    Money,
    Measure,
    Duration,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Bound {
    Below { inclusive: bool },
    Above { inclusive: bool },
    Approximately,
}

const COMPARATORS: &[(&str, Bound)] = &[
    ("fewer than", Bound::Below { inclusive: false }),
    ("less than", Bound::Below { inclusive: false }),
    ("just under", Bound::Below { inclusive: false }),
    ("under", Bound::Below { inclusive: false }),
    ("below", Bound::Below { inclusive: false }),
    ("no more than", Bound::Below { inclusive: true }),
    ("not more than", Bound::Below { inclusive: true }),
    ("at most", Bound::Below { inclusive: true }),
    ("up to", Bound::Below { inclusive: true }),
    ("as many as", Bound::Below { inclusive: true }),
    ("as much as", Bound::Below { inclusive: true }),
    ("a maximum of", Bound::Below { inclusive: true }),
    ("more than", Bound::Above { inclusive: false }),
    ("greater than", Bound::Above { inclusive: false }),
    ("higher than", Bound::Above { inclusive: false }),
    ("just over", Bound::Above { inclusive: false }),
    ("well over", Bound::Above { inclusive: false }),
    ("over", Bound::Above { inclusive: false }),
    ("above", Bound::Above { inclusive: false }),
    ("in excess of", Bound::Above { inclusive: false }),
    ("upwards of", Bound::Above { inclusive: false }),
    ("exceeding", Bound::Above { inclusive: false }),
    ("at least", Bound::Above { inclusive: true }),
    ("no fewer than", Bound::Above { inclusive: true }),
    ("no less than", Bound::Above { inclusive: true }),
    ("not less than", Bound::Above { inclusive: true }),
    ("a minimum of", Bound::Above { inclusive: true }),
    ("nearly", Bound::Approximately),
    ("almost", Bound::Approximately),
    ("about", Bound::Approximately),
    ("around", Bound::Approximately),
    ("roughly", Bound::Approximately),
    ("approximately", Bound::Approximately),
    ("approx.", Bound::Approximately),
    ("an estimated", Bound::Approximately),
    ("estimated", Bound::Approximately),
    ("close to", Bound::Approximately),
    ("some", Bound::Approximately),
    ("circa", Bound::Approximately),
    ("~", Bound::Approximately),
];

fn fail<T>(input: &str) -> IResult<&str, T> {
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        nom::error::ErrorKind::Verify,
    )))
}

/// Case-insensitive phrase followed by whitespace (the number comes next).
fn phrase<'a>(expected: &str, input: &'a str) -> Option<&'a str> {
    let head = input.get(..expected.len())?;
    if !head.eq_ignore_ascii_case(expected) {
        return None;
    }
    let rest = &input[expected.len()..];
    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
    (trimmed.len() < rest.len() || expected == "~").then_some(trimmed)
}

fn comparator(input: &str) -> IResult<&str, Bound> {
    for &(text, bound) in COMPARATORS {
        if let Some(rest) = phrase(text, input) {
            return Ok((rest, bound));
        }
    }
    fail(input)
}

/// A currency symbol or code before the amount: `$`, `US$`, `€`, `USD `.
fn currency_prefix(input: &str) -> IResult<&str, &'static str> {
    for &(symbol, code) in lexicon::CURRENCY_PREFIXES {
        if let Some(rest) = input.strip_prefix(symbol) {
            let is_code = symbol.chars().all(|c| c.is_ascii_alphabetic());
            if is_code && !rest.starts_with([' ', '\u{a0}']) {
                continue;
            }
            let rest = rest.trim_start_matches([' ', '\u{a0}']);
            if rest.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
                return Ok((rest, code));
            }
        }
    }
    fail(input)
}

/// A dash between the ends of a range: `-`, `–`, `—`, with or without spaces around en/em dashes.
fn range_dash(input: &str) -> IResult<&str, &str> {
    alt((tag("-"), preceded(space0, alt((tag("–"), tag("—"))))))
        .parse(input)
        .map(|(rest, d)| (rest.trim_start_matches(' '), d))
}

/// The upper end of a range after the lower one: `-17`, ` to 17`, `–$20`, ` or three`.
fn range_tail(input: &str) -> IResult<&str, Amount> {
    let (rest, _) = alt((
        range_dash,
        preceded(gap, word("to")),
        preceded(gap, word("and")),
        preceded(gap, word("or")),
    ))
    .parse(input)?;
    let rest = rest.trim_start_matches(' ');
    let rest = currency_prefix(rest).map_or(rest, |(r, _)| r);
    number::number(rest)
}

/// Units after a number. Returns (rest, kind, unit, class).
fn unit(input: &str) -> Option<(&str, QuantityKind, String, Option<UnitClass>)> {
    let trimmed = input.trim_start_matches([' ', '\u{a0}']);
    let spaced = trimmed.len() < input.len();
    if let Some(rest) = input.strip_prefix('%') {
        return Some((rest, QuantityKind::Percent, "percent".into(), Some(UnitClass::Percent)));
    }
    if !spaced && !input.starts_with('°') && !input.starts_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    let starts = |name: &str| trimmed.get(..name.len()).is_some_and(|h| h.eq_ignore_ascii_case(name));
    for percent in ["percentage points", "percentage point", "per cent", "percent", "pct"] {
        if starts(percent) && at_word_end(&trimmed[percent.len()..]) {
            let rest = &trimmed[percent.len()..];
            return Some((rest, QuantityKind::Percent, "percent".into(), Some(UnitClass::Percent)));
        }
    }
    if spaced {
        for &(name, code) in lexicon::CURRENCY_WORDS {
            if starts(name) && at_word_end(&trimmed[name.len()..]) {
                let rest = &trimmed[name.len()..];
                return Some((rest, QuantityKind::Money, code.into(), Some(UnitClass::Money)));
            }
        }
        for &(name, symbol) in lexicon::TIME_UNITS {
            if starts(name) && at_word_end(&trimmed[name.len()..]) {
                let rest = &trimmed[name.len()..];
                return Some((rest, QuantityKind::Duration, symbol.into(), Some(UnitClass::Time)));
            }
        }
    }
    for &(name, symbol) in lexicon::MEASURE_UNITS {
        let is_word = name.len() > 3 && name.chars().all(|c| c.is_ascii_lowercase() || c == ' ');
        let matches = if is_word {
            starts(name)
        } else {
            trimmed.starts_with(name)
        };
        if !matches {
            continue;
        }
        let rest = &trimmed[name.len()..];
        let ends = at_word_end(rest) && !(rest.starts_with('.') && rest[1..].starts_with(char::is_alphanumeric));
        // A one-letter symbol after a space is too often a word or initial (`5 m` is fine,
        // `5 C.` is fine, `5 a` is not a unit); single letters need to stand alone.
        if matches && ends && (is_word || name.chars().count() > 1 || !rest.starts_with('\'')) {
            return Some((rest, QuantityKind::Measure, symbol.into(), Some(UnitClass::Measure)));
        }
    }
    None
}

/// The noun a count counts, looked for in the next three words: a known counted noun, a
/// demonym (`30 Iraqi’s`), or a plain plural word.
fn counted_noun(input: &str, is_demonym: &dyn Fn(&str) -> bool) -> Option<(usize, String, Option<UnitClass>)> {
    let mut offset = 0;
    let mut rest = input;
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
        if raw.is_empty() || lexicon::ends_noun_phrase(raw) {
            return None;
        }
        let possessive_stripped = raw.strip_suffix("’s").or_else(|| raw.strip_suffix("'s"));
        if let Some(class) = lexicon::counted_noun_class(raw) {
            return Some((offset + raw.len(), raw.to_lowercase(), Some(class)));
        }
        let singular_demonym = possessive_stripped.unwrap_or(raw);
        let demonym_plural = raw.strip_suffix('s').filter(|s| is_demonym(s));
        if is_demonym(singular_demonym) || demonym_plural.is_some() {
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
        } else if position == 0
            && raw.len() > 3
            && raw.ends_with('s')
            && !raw.ends_with("ss")
            && raw.chars().all(|c| c.is_lowercase() || c == '-')
        {
            return Some((offset + raw.len(), raw.to_lowercase(), None));
        } else if raw.starts_with(char::is_uppercase) || position > 0 && !raw.ends_with('s') {
            // A capitalised word or a second adjective: keep looking for the head noun.
        } else if position > 0 {
            return None;
        }
        offset += raw.len();
        rest = &trimmed[raw.len()..];
        if !rest.starts_with([' ', '\u{a0}']) {
            return None;
        }
    }
    None
}

/// Compound adjectives after a number: `500-strong`, `29-member`, `three-year`, `29-year-old`.
fn compound(input: &str) -> Option<(&str, QuantityKind, String, Option<UnitClass>)> {
    let rest = input.strip_prefix('-')?;
    let (rest, suffix) = alt((
        word("strong"),
        word("member"),
        word("nation"),
        word("year-old"),
        word("years-old"),
        word("year"),
        word("month"),
        word("week"),
        word("day"),
        word("hour"),
        word("minute"),
    ))
    .parse(rest)
    .ok()?;
    Some(match suffix.to_ascii_lowercase().as_str() {
        "strong" => (
            rest,
            QuantityKind::Count,
            "personnel".into(),
            Some(UnitClass::Personnel),
        ),
        "member" | "nation" => (rest, QuantityKind::Count, "members".into(), Some(UnitClass::Countries)),
        "year-old" | "years-old" => (rest, QuantityKind::Measure, "year".into(), Some(UnitClass::Time)),
        "hour" => (rest, QuantityKind::Duration, "h".into(), Some(UnitClass::Time)),
        "minute" => (rest, QuantityKind::Duration, "min".into(), Some(UnitClass::Time)),
        other => (rest, QuantityKind::Duration, other.into(), Some(UnitClass::Time)),
    })
}

/// A quantity starting at `input`. `is_demonym` recognises nationality words.
pub fn quantity(input: &str, is_demonym: &dyn Fn(&str) -> bool) -> Option<Quantity> {
    let (after_bound, bound) = match comparator(input) {
        Ok((rest, bound)) => (rest, Some(bound)),
        Err(_) => (input, None),
    };
    let between = if bound.is_none() {
        alt((word("between"), word("from")))
            .parse(input)
            .ok()
            .and_then(|(rest, w)| Some((rest.strip_prefix(' ')?, w.eq_ignore_ascii_case("between"))))
    } else {
        None
    };
    let start = between.map_or(after_bound, |(rest, _)| rest);
    let (after_currency, currency) = match currency_prefix(start) {
        Ok((rest, code)) => (rest, Some(code)),
        Err(_) => (start, None),
    };
    let (mut rest, amount) = number::number(after_currency).ok()?;
    let digits_only = &after_currency[..after_currency.len() - rest.len()];
    let bare_integer = bound.is_none()
        && currency.is_none()
        && between.is_none()
        && digits_only.len() == 4
        && digits_only.bytes().all(|b| b.is_ascii_digit());

    let mut low = Some(amount.low);
    let mut high = Some(amount.high);
    let mut approximate = amount.approximate;
    let mut ranged = !amount.is_exact();
    let mut tail_currency = None;

    let tail = match between {
        Some((_, true)) => preceded((gap, word("and"), gap), |i| {
            let (i, code) = opt(currency_prefix).parse(i)?;
            tail_currency = code;
            number::number(i)
        })
        .parse(rest)
        .ok(),
        Some((_, false)) => preceded((gap, word("to"), gap), number::number).parse(rest).ok(),
        None if bound.is_none() => range_tail(rest).ok().filter(|(_, upper)| upper.high > amount.low),
        None => None,
    };
    if between.is_some() && tail.is_none() {
        return None;
    }
    if let Some((after, upper)) = tail {
        // `5-10 million`: a magnitude written once applies to both ends.
        let mut lower = amount.low;
        if upper.low >= 1e3 && lower < 1e3 && upper.low / lower >= 1e3 {
            let scale = [1e3, 1e6, 1e9, 1e12].into_iter().rev().find(|s| upper.low / s >= 1.0);
            lower *= scale.unwrap_or(1.0);
        }
        if upper.high > lower {
            low = Some(lower);
            high = Some(upper.high);
            approximate |= upper.approximate;
            ranged = true;
            rest = after;
        }
    }

    let mut kind = QuantityKind::Count;
    let mut unit_name = None;
    let mut class = None;
    if let Some(code) = currency.or(tail_currency) {
        kind = QuantityKind::Money;
        unit_name = Some(code.to_owned());
        class = Some(UnitClass::Money);
    }
    let found_unit = if ranged { None } else { compound(rest) }
        .or_else(|| unit(rest))
        .filter(|(_, k, _, _)| currency.is_none() || *k == QuantityKind::Money);
    if let Some((after, unit_kind, name, unit_class)) = found_unit {
        rest = after;
        kind = unit_kind;
        unit_name = Some(name);
        class = unit_class;
    } else if currency.is_none()
        && let Some((len, noun, noun_class)) = counted_noun(rest, is_demonym)
    {
        unit_name = Some(noun);
        class = noun_class;
        // The span takes in the counted noun: "fewer than 20 people".
        rest = &rest[len..];
    }
    if kind == QuantityKind::Money && unit_name.as_deref().is_some_and(|u| u == "cent" || u == "pence") {
        unit_name = unit_name.map(|u| if u == "cent" { "cents".into() } else { u });
    }

    let (mut low_inclusive, mut high_inclusive) = (true, true);
    match bound {
        Some(Bound::Below { inclusive }) => {
            low = None;
            high_inclusive = inclusive;
        }
        Some(Bound::Above { inclusive }) => {
            low = Some(amount.low);
            high = None;
            low_inclusive = inclusive;
        }
        Some(Bound::Approximately) => approximate = true,
        None => {}
    }
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
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demonym(word: &str) -> bool {
        matches!(word, "Iraqi" | "Russian" | "German")
    }

    fn parse(input: &str) -> Quantity {
        quantity(input, &demonym).unwrap_or_else(|| panic!("no quantity in {input:?}"))
    }

    fn text_of(input: &str) -> &str {
        &input[..parse(input).len]
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
        let between = parse("between 10 and 17 trainers");
        assert_eq!((between.low, between.high), (Some(10.0), Some(17.0)));
        assert_eq!(parse("two or three days").kind, QuantityKind::Duration);
        assert_eq!(parse("$5-10 million").low, Some(5e6));
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
        assert!(quantity("more of them", &demonym).is_none());
    }

    #[test]
    fn money_percent_and_compounds() {
        let money = parse("$88 billion to rebuild");
        assert_eq!(
            (money.kind, money.low, money.unit.as_deref()),
            (QuantityKind::Money, Some(8.8e10), Some("USD"))
        );
        let percent = parse("2 percent of a member nation’s GDP");
        assert_eq!((percent.kind, percent.low), (QuantityKind::Percent, Some(2.0)));
        assert_eq!(parse("2% of GDP").unit.as_deref(), Some("percent"));
        let strong = parse("500-strong NATO mission");
        assert_eq!((strong.low, strong.class), (Some(500.0), Some(UnitClass::Personnel)));
        assert_eq!(text_of("500-strong NATO mission"), "500-strong");
        assert_eq!(parse("three years of war").kind, QuantityKind::Duration);
        assert_eq!(parse("120 km").unit.as_deref(), Some("km"));
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
