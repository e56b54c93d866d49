//! Ordinals that count: "Finland became the 31st member" says the alliance then had 31
//! members; "his 19th Olympic medal" says he then had 19 medals.
//!
//! An ordinal is a count only before a noun that is counted cumulatively: a counted noun the
//! lexicon knows (`members`, `allies`, `deaths`), or one of [`COUNTED_BY_ORDINALS`]. Other
//! ordinals (`the 20th century`, `the 3rd floor`, `4th of July`) are no claim.

use super::number::{HYPHENS, TENS, at_word_end, word_in};
use super::quantity::Vocabulary;

/// Nouns outside the lexicon that an ordinal counts: the newest one is the running total.
const COUNTED_BY_ORDINALS: &[&str] = &[
    "medal",
    "gold",
    "title",
    "win",
    "victory",
    "case",
    "goal",
    "trophy",
    "major",
    "championship",
    "crown",
];

/// Words between an ordinal and its noun that narrow what is counted (`his 19th gold medal`
/// counts gold medals). Any other word may stand there too (`her 20th Grand Slam singles
/// title`, `her 20th major title`) without narrowing it, but not one that ends a noun phrase.
const MODIFIERS: &[&str] = &["gold", "silver", "bronze", "member"];

/// Words that end the search for an ordinal's noun: `the 20th of the month`.
const STOPS: &[&str] = &[
    "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "but", "than", "that", "which", "who",
    "is", "was", "were", "are", "has", "had", "have", "time", "day", "year", "century", "round", "floor",
];

/// A count read from an ordinal at the start of `input`: the length of the text read (the
/// ordinal through its noun), the count, and the counted noun in the plural, with the lower-
/// case modifiers that narrow it (`gold medals`).
pub fn ordinal_count(input: &str, words: &dyn Vocabulary) -> Option<(usize, f64, String)> {
    let (len, value) = ordinal(input)?;
    if !(1.0..=100_000.0).contains(&value) {
        return None;
    }
    let mut offset = len;
    let mut modifiers: Vec<String> = Vec::new();
    for _ in 0..4 {
        let (start, word) = next_word(input, offset)?;
        let lower = word.to_lowercase();
        let head_here = counted_by_ordinal(&lower, words);
        let next_is_head = next_word(input, start + word.len())
            .is_some_and(|(_, next)| counted_by_ordinal(&next.to_lowercase(), words).is_some());
        if next_is_head {
            // `her 20th major title`: the noun is the last one.
            if MODIFIERS.contains(&lower.as_str()) {
                modifiers.push(lower);
            }
        } else if let Some(plural) = head_here {
            let unit = if modifiers.is_empty() {
                plural
            } else {
                format!("{} {plural}", modifiers.join(" "))
            };
            return Some((start + word.len(), value, unit));
        } else if STOPS.contains(&lower.as_str()) {
            return None;
        }
        offset = start + word.len();
    }
    None
}

/// The word after the spaces at `offset` of `input`, and where it starts.
fn next_word(input: &str, offset: usize) -> Option<(usize, &str)> {
    let rest = &input[offset..];
    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
    if trimmed.len() == rest.len() {
        return None;
    }
    let len = trimmed
        .find(|c: char| !(c.is_alphabetic() || HYPHENS.contains(&c)))
        .unwrap_or(trimmed.len());
    (len > 0).then(|| (offset + rest.len() - trimmed.len(), &trimmed[..len]))
}

/// The plural of `noun` when an ordinal counts it.
fn counted_by_ordinal(noun: &str, words: &dyn Vocabulary) -> Option<String> {
    let singular = noun.strip_suffix('s').filter(|_| !noun.ends_with("ss")).unwrap_or(noun);
    let plural = plural_of(singular);
    (COUNTED_BY_ORDINALS.contains(&singular) || words.noun_class(&plural).is_some()).then_some(plural)
}

fn plural_of(noun: &str) -> String {
    if let Some(stem) = noun.strip_suffix('y').filter(|s| !s.ends_with(['a', 'e', 'o', 'u'])) {
        format!("{stem}ies")
    } else if noun.ends_with("ss") || noun.ends_with('x') || noun.ends_with("ch") {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    }
}

/// An ordinal at the start of `input`: `31st`, `2nd`, `twelfth`, `thirty-first`. Its length
/// and value.
pub fn ordinal(input: &str) -> Option<(usize, f64)> {
    let digits = input.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        if digits > 6 {
            return None;
        }
        let suffix = input.get(digits..digits + 2)?;
        let value: f64 = input[..digits].parse().ok()?;
        let last = value as u64 % 10;
        let teen = (value as u64 % 100) / 10 == 1;
        let expected = match (last, teen) {
            (1, false) => "st",
            (2, false) => "nd",
            (3, false) => "rd",
            _ => "th",
        };
        return (suffix.eq_ignore_ascii_case(expected) && at_word_end(&input[digits + 2..]))
            .then_some((digits + 2, value));
    }
    word_in(input, ORDINAL_WORDS).or_else(|| {
        // `thirty-first`: a ten, a hyphen, and an ordinal below ten.
        let (tens_len, tens) = word_in(input, TENS)?;
        let hyphen = input[tens_len..].chars().next().filter(|c| HYPHENS.contains(c))?;
        let after = &input[tens_len + hyphen.len_utf8()..];
        let (unit_len, unit) = word_in(after, &ORDINAL_WORDS[..9])?;
        Some((tens_len + hyphen.len_utf8() + unit_len, tens + unit))
    })
}

const ORDINAL_WORDS: &[(&str, f64)] = &[
    ("first", 1.0),
    ("second", 2.0),
    ("third", 3.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("sixth", 6.0),
    ("seventh", 7.0),
    ("eighth", 8.0),
    ("ninth", 9.0),
    ("tenth", 10.0),
    ("eleventh", 11.0),
    ("twelfth", 12.0),
    ("thirteenth", 13.0),
    ("fourteenth", 14.0),
    ("fifteenth", 15.0),
    ("sixteenth", 16.0),
    ("seventeenth", 17.0),
    ("eighteenth", 18.0),
    ("nineteenth", 19.0),
    ("twentieth", 20.0),
    ("thirtieth", 30.0),
    ("fortieth", 40.0),
    ("fiftieth", 50.0),
    ("sixtieth", 60.0),
    ("seventieth", 70.0),
    ("eightieth", 80.0),
    ("ninetieth", 90.0),
    ("hundredth", 100.0),
];

#[cfg(test)]
mod tests {
    use super::*;

    struct Nouns;
    impl Vocabulary for Nouns {
        fn is_demonym(&self, _: &str) -> bool {
            false
        }
        fn noun_class(&self, noun: &str) -> Option<crate::extract::lexicon::UnitClass> {
            matches!(noun, "members" | "allies" | "states").then_some(crate::extract::lexicon::UnitClass::Countries)
        }
    }

    #[test]
    fn ordinals_in_digits_and_words() {
        assert_eq!(ordinal("31st member"), Some((4, 31.0)));
        assert_eq!(ordinal("12th"), Some((4, 12.0)));
        assert_eq!(ordinal("22nd,"), Some((4, 22.0)));
        assert_eq!(ordinal("11th"), Some((4, 11.0)));
        assert_eq!(ordinal("twelfth member"), Some((7, 12.0)));
        assert_eq!(ordinal("Thirty\u{2011}first"), Some((14, 31.0)));
        // A wrong suffix is no ordinal (`31th`), nor is a word that goes on (`1stly`).
        assert_eq!(ordinal("31th"), None);
        assert_eq!(ordinal("1stly"), None);
        assert_eq!(ordinal("firstly"), None);
    }

    #[test]
    fn an_ordinal_counts_only_a_noun_counted_so() {
        assert_eq!(
            ordinal_count("31st member of", &Nouns),
            Some((11, 31.0, "members".into()))
        );
        assert_eq!(
            ordinal_count("32nd NATO ally", &Nouns),
            Some((14, 32.0, "allies".into()))
        );
        assert_eq!(
            ordinal_count("19th Olympic medal", &Nouns),
            Some((18, 19.0, "medals".into()))
        );
        assert_eq!(
            ordinal_count("15th gold medal", &Nouns),
            Some((15, 15.0, "gold medals".into()))
        );
        assert_eq!(
            ordinal_count("28th member state", &Nouns),
            Some((17, 28.0, "member states".into()))
        );
        assert_eq!(
            ordinal_count("31st member of", &Nouns),
            Some((11, 31.0, "members".into()))
        );
        // Words that do not narrow the noun may stand before it, several of them.
        assert_eq!(
            ordinal_count("20th Grand Slam singles trophy", &Nouns),
            Some((30, 20.0, "trophies".into()))
        );
        assert_eq!(
            ordinal_count("20th major title", &Nouns),
            Some((16, 20.0, "titles".into()))
        );
        assert_eq!(ordinal_count("fifth day of the search", &Nouns), None);
        assert_eq!(ordinal_count("20th century", &Nouns), None);
        assert_eq!(ordinal_count("3rd floor", &Nouns), None);
        assert_eq!(ordinal_count("4th of July", &Nouns), None);
        assert_eq!(ordinal_count("second round of talks", &Nouns), None);
    }
}
