//! Where the grammars start: one pass over a sentence finds what it may hold (a digit, a
//! number word, a title) and the word starts worth trying, so the grammars run only there.
//!
//! Words are looked up in one table of the words that matter (number words, months, units,
//! comparators, title heads), keyed by the word's lower-cased ASCII letters packed into a
//! `u128`: a single hash probe per word of the text.

use std::ops::Range;
use std::sync::LazyLock;

use super::words::{self, pack};
use super::{Gazetteer, Mention, lexicon, modality, number, quantity, role, text, time};

/// Characters outside ASCII, other than letters and digits, that may start a quantity:
/// currency signs, `≈`, `≤`, `≥` and the vulgar fractions.
fn is_candidate_symbol(c: char) -> bool {
    matches!(
        c,
        '€' | '£'
            | '¥'
            | '₹'
            | '₽'
            | '₩'
            | '₺'
            | '₪'
            | '₦'
            | '₱'
            | '₫'
            | '₴'
            | '₡'
            | '₿'
            | '≈'
            | '≤'
            | '≥'
            | '½'
            | '⅓'
            | '⅔'
            | '¼'
            | '¾'
            | '⅕'
            | '⅖'
            | '⅗'
            | '⅘'
            | '⅙'
            | '⅚'
            | '⅐'
            | '⅛'
            | '⅜'
            | '⅝'
            | '⅞'
            | '⅑'
            | '⅒'
    )
}

/// What a word may do.
mod class {
    /// May open a number, a comparator, a currency or a time expression.
    pub const LEAD: u16 = 1;
    /// A unit or currency word: `a kilogram`, `a dollar`, `an hour`.
    pub const UNIT: u16 = 2;
    /// Every claim holds a trigger word unless it holds a digit.
    pub const TRIGGER: u16 = 4;
    /// A title's head word: every role holds one.
    pub const TITLE: u16 = 8;
    /// `a`, `an`: open a quantity only before a number word or a unit.
    pub const ARTICLE: u16 = 16;
    /// `the`: opens a time only before a part of a period (`the end of 2019`).
    pub const THE: u16 = 32;
    /// `middle`, `end`, `start`…: a part of a period after `the`.
    pub const PERIOD_PART: u16 = 64;
    /// May open a quantity, but only with a number after it: a comparator (`more than`), an
    /// approximation (`some`), `between`, `from`, a currency code.
    pub const BEFORE_NUMBER: u16 = 128;
    /// Reports speech: `said`, `according`.
    pub const REPORTING: u16 = 256;
    /// May open a time expression: a month, a weekday, a relative word (`last`, `yesterday`)
    /// or `the` (`the end of 2019`).
    pub const TIME: u16 = 512;
}

/// How far after a comparator's first word its number may start: the longest comparator
/// (`smaller than or equal to`) and the longest currency code fit well within it.
const COMPARATOR_REACH: usize = 48;

type WordTable = words::WordMap<u16>;

/// The classes of the words that matter, by packed word.
pub fn word_classes() -> &'static WordTable {
    static TABLE: LazyLock<WordTable> = LazyLock::new(|| {
        let mut table = WordTable::default();
        let mut add = |word: &str, flags: u16| {
            let key =
                words::pack_word(word).unwrap_or_else(|| panic!("`{word}` is longer than {} letters", words::MAX_WORD));
            *table.entry(key).or_default() |= flags;
        };
        let letters = |w: &&str| w.bytes().all(|b| b.is_ascii_alphabetic());
        for word in number::lead_words().chain(time::lead_words()).filter(letters) {
            add(word, class::LEAD);
        }
        for word in quantity::lead_words() {
            if letters(&word.as_str()) {
                add(&word, class::BEFORE_NUMBER);
            }
        }
        let units = lexicon::MEASURE_UNITS
            .iter()
            .chain(lexicon::CURRENCY_WORDS)
            .map(|(name, _)| *name)
            .filter(|name| name.len() > 1 && name.bytes().all(|b| b.is_ascii_lowercase()))
            .chain(["few", "couple", "pair"]);
        for word in units {
            add(word, class::UNIT | class::TRIGGER);
        }
        // `an hour and a half`: one unit of time is a number only with a half added, and the
        // `half` already makes the sentence worth reading.
        for (word, _) in lexicon::TIME_UNITS.iter().filter(|(name, _)| !name.ends_with('s')) {
            add(word, class::UNIT);
        }
        let number_words = number::lead_words().filter(|w| !matches!(*w, "a" | "an" | "minus" | "negative" | "point"));
        let time_words = time::lead_words().filter(|w| {
            !matches!(
                *w,
                "last" | "this" | "next" | "later" | "earlier" | "early" | "mid" | "late"
            )
        });
        let relative = [
            "year",
            "years",
            "month",
            "months",
            "week",
            "weeks",
            "yesterday",
            "today",
        ];
        for word in number_words.chain(time_words).chain(relative).filter(letters) {
            add(word, class::TRIGGER);
        }
        // `secretary-general` is found through `secretary`.
        for word in role::title_words().filter(letters) {
            add(word, class::TITLE | class::TRIGGER);
        }
        for word in modality::REPORTING {
            add(word, class::REPORTING);
        }
        for word in time::lead_words().filter(letters).chain(["the"]) {
            add(word, class::TIME);
        }
        add("a", class::ARTICLE);
        add("an", class::ARTICLE);
        add("the", class::THE);
        for word in ["middle", "end", "start", "beginning", "first", "second"] {
            add(word, class::PERIOD_PART);
        }
        table
    });
    &TABLE
}

/// The class of the word at `at`.
fn word_class_at(gazetteer: &Gazetteer, bytes: &[u8], at: usize) -> u16 {
    let len = bytes
        .get(at..)
        .unwrap_or_default()
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    gazetteer.word(bytes, at, at + len).map_or(0, |word| word.class)
}

/// What a sentence may hold.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Triggers {
    /// A digit, a numeric character or a trigger word: it may hold a claim.
    pub any: bool,
    /// Where its last title head word starts: a role holds one, so no role starts after it.
    pub last_title: Option<usize>,
    /// It reports speech: see [`modality::is_reported`].
    pub reported: bool,
}

/// A word start where a grammar may match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Start {
    pub at: usize,
    /// A role may start here: a capital at or before the sentence's last title word.
    pub role: bool,
    /// A quantity or a time may start here.
    pub opens: bool,
    /// A time may start here: a digit, or a word of [`class::TIME`]. No other start opens
    /// one, so [`time::time_expression`] is not tried there.
    pub time: bool,
    /// It opens only if a number follows: see [`class::BEFORE_NUMBER`].
    before_number: bool,
}

impl Start {
    /// A sign or a symbol: a quantity may start here, never a role or a time.
    fn symbol(at: usize) -> Self {
        Self {
            at,
            role: false,
            opens: true,
            time: false,
            before_number: false,
        }
    }

    /// A digit: a quantity or a time may start here, never a role.
    fn digit(at: usize) -> Self {
        Self {
            time: true,
            ..Self::symbol(at)
        }
    }
}

/// `-5`, `− 5`, `.5`, `–5`, `+5`: a sign or a decimal point before digits. Hyphens of the
/// class other than `-` and `−`, and `+`, are signs only glued to the digits.
fn starts_signed_or_decimal(rest: &str) -> bool {
    if let Some(after) = number::hyphen(rest).filter(|_| !rest.starts_with(['-', '−'])) {
        return after.starts_with(|c: char| c.is_ascii_digit());
    }
    if let Some(after) = rest.strip_prefix('+') {
        return after.starts_with(|c: char| c.is_ascii_digit());
    }
    let Some(after) = rest.strip_prefix(['-', '−', '.']) else {
        return false;
    };
    let after = if rest.starts_with('.') {
        after
    } else {
        // `-£250`: a sign before a currency symbol.
        let after = after.trim_start_matches(' ');
        after
            .strip_prefix(|c: char| c == '$' || is_candidate_symbol(c))
            .unwrap_or(after)
    };
    after.starts_with(|c: char| c.is_ascii_digit())
}

/// `B  - 1 byte`, `Dublin - 20 arrests`: a hyphen with a space after it, following a word on
/// the same line, is a dash between the two, not a minus sign, except before a temperature
/// (`convert - 20 degrees`), where a spaced minus is written.
fn is_spaced_dash(text: &str, at: usize) -> bool {
    let Some(after) = text[at..].strip_prefix("- ") else {
        return false;
    };
    let before = text[..at].trim_end_matches([' ', '\t']);
    let after_word = before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, ')' | '"' | '”' | '\''));
    let unit = after
        .trim_start_matches(' ')
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',')
        .trim_start_matches(' ');
    let temperature =
        unit.starts_with(['°', 'º']) || unit.get(..6).is_some_and(|word| word.eq_ignore_ascii_case("degree"));
    after_word && !temperature
}

/// A `- ` or `* ` at the start of a line that belongs to a list, not a minus sign.
fn is_list_bullet(text: &str, at: usize) -> bool {
    if !text[at..].starts_with("- ") {
        return false;
    }
    // Only the indent before the dash is read, so a long line costs nothing per dash.
    let before = &text[..at];
    let line_start = before.trim_end_matches(|c: char| c.is_whitespace() && c != '\n').len();
    if line_start > 0 && !before[..line_start].ends_with('\n') {
        return false;
    }
    let next_line = text[at..].find('\n').map(|i| &text[at + i + 1..]);
    let previous_line = text[..line_start.saturating_sub(1)]
        .rsplit('\n')
        .next()
        .filter(|_| line_start > 0);
    [next_line, previous_line]
        .into_iter()
        .flatten()
        .any(|line| line.trim_start().starts_with("- ") || line.trim_start().starts_with("* "))
}

/// The classes the next word must have for a word of `class` to open a quantity or a time:
/// `a` and `an` open one only before a number word or a unit (`a dozen`, `a kilogram`), `the`
/// only before a part of a period. `None` when the word's own class decides.
fn needs_of_next(class: u16) -> Option<u16> {
    if class & class::ARTICLE != 0 {
        Some(class::LEAD | class::BEFORE_NUMBER | class::UNIT)
    } else if class & class::THE != 0 {
        Some(class::PERIOD_PART)
    } else {
        None
    }
}

/// Where the word after `bytes[..after]` starts, past spaces.
fn past_spaces(bytes: &[u8], after: usize) -> usize {
    let mut at = after;
    loop {
        match bytes.get(at..) {
            Some([b' ', ..]) => at += 1,
            Some([0xc2, 0xa0, ..]) => at += 2,
            _ => return at,
        }
    }
}

/// A start whose opening waits for the class of the next word (see [`needs_of_next`]).
struct Pending {
    /// Its index in the starts.
    index: usize,
    /// Where the next word must start.
    next_at: usize,
    /// The classes that word must have.
    needs: u16,
}

/// A run of letters and digits (any script).
struct Run {
    end: usize,
    /// Where its leading ASCII letters end.
    letters_end: usize,
    /// It holds a digit or another numeric character.
    numeric: bool,
}

/// The run of letters and digits at `at`, up to `end`.
fn alphanumeric_run(text: &str, at: usize, end: usize) -> Run {
    let bytes = text.as_bytes();
    let mut i = at;
    while i < end && bytes[i].is_ascii_alphabetic() {
        i += 1;
    }
    let letters_end = i;
    let mut numeric = false;
    while i < end {
        let byte = bytes[i];
        if byte.is_ascii() {
            if !byte.is_ascii_alphanumeric() {
                break;
            }
            numeric |= byte.is_ascii_digit();
            i += 1;
        } else {
            let c = text[i..end].chars().next().expect("a character at a boundary");
            if !is_alphanumeric(c) {
                break;
            }
            numeric |= c.is_numeric();
            i += c.len_utf8();
        }
    }
    Run {
        end: i,
        letters_end,
        numeric,
    }
}

/// The run of letters and digits at `at`, an ASCII letter or digit, up to `end`, with its
/// leading letters packed: at once from one 16-byte load when the run is a plain word.
fn word_run(text: &str, at: usize, end: usize) -> (Run, Option<u128>) {
    let bytes = text.as_bytes();
    if let Some(chunk) = words::chunk_at(bytes, at) {
        let letters_end = (at + words::leading_letters(chunk)).min(end);
        let ends_here =
            letters_end == end || bytes[letters_end].is_ascii() && !bytes[letters_end].is_ascii_alphanumeric();
        if letters_end - at < words::MAX_WORD && ends_here {
            let run = Run {
                end: letters_end,
                letters_end,
                numeric: false,
            };
            return (run, words::pack_chunk(chunk, letters_end - at));
        }
    }
    let run = alphanumeric_run(text, at, end);
    let key = pack(bytes, at, run.letters_end);
    (run, key)
}

/// `char::is_alphanumeric`, without a table lookup for the punctuation of typeset text
/// (curly quotes, dashes, spaces: U+2000 to U+206F hold no letter or digit).
fn is_alphanumeric(c: char) -> bool {
    !('\u{2000}'..='\u{206f}').contains(&c) && c.is_alphanumeric()
}

/// [`text::is_word_start`], answered from the bytes before `at` when they are plain ASCII or
/// the punctuation of typeset text.
fn is_word_start(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    let before = |back: usize| at.checked_sub(back).map(|i| bytes[i]);
    match before(1) {
        None => true,
        Some(byte) if byte.is_ascii_alphanumeric() => false,
        Some(b'.' | b',' | b'/' | b':') => match before(2) {
            Some(byte) if byte.is_ascii() => {
                !byte.is_ascii_alphanumeric() || !bytes.get(at).is_some_and(u8::is_ascii_digit)
            }
            Some(_) => text::is_word_start(text, at),
            None => true,
        },
        Some(b'-') => match before(2) {
            Some(byte) if byte.is_ascii() => !byte.is_ascii_alphanumeric(),
            Some(_) => text::is_word_start(text, at),
            None => true,
        },
        Some(byte) if byte.is_ascii() => true,
        // U+2000 to U+203F (curly quotes, dashes), other than the hyphens U+2010 to U+2013.
        Some(last) if before(3) == Some(0xe2) && before(2) == Some(0x80) && !matches!(last, 0x90..=0x93) => true,
        Some(_) => text::is_word_start(text, at),
    }
}

/// Scans `sentence` of `text`: what it may hold, and into `starts` (cleared first) the word
/// starts where a grammar may match, in order. A trigger word counts only as a word of its own.
/// The mentions of `gazetteer`'s names that open with an ASCII letter are added to `mentions`.
// Not inlined: the loop keeps its state in registers of its own, not spilled around the
// grammars that extraction inlines.
#[inline(never)]
pub fn scan(
    text: &str,
    sentence: Range<usize>,
    gazetteer: &Gazetteer,
    starts: &mut Vec<Start>,
    mentions: &mut Vec<Mention>,
) -> Triggers {
    starts.clear();
    let bytes = text.as_bytes();
    let mut found = Triggers::default();
    let mut mentioned_to = mentions.last().map_or(0, |m| m.end);
    // `a`, `an` and `the` open a start by the class of the next word, known once it is read.
    let mut pending: Option<Pending> = None;
    let mut at = sentence.start;
    while at < sentence.end {
        let byte = bytes[at];
        if byte == b' ' {
            at += 1;
            continue;
        }
        if byte.is_ascii_alphanumeric() {
            let (run, key) = word_run(text, at, sentence.end);
            found.any |= run.numeric;
            if byte.is_ascii_digit() {
                pending = None;
                if is_word_start(text, at) {
                    starts.push(Start::digit(at));
                }
                at = run.end;
                continue;
            }
            let Some(word) = key.and_then(|key| gazetteer.packed_word(key)) else {
                // Most words are in no table: they open nothing, but a capitalised one may start
                // a role.
                pending = None;
                if byte.is_ascii_uppercase() && is_word_start(text, at) {
                    starts.push(Start {
                        at,
                        role: true,
                        opens: false,
                        time: false,
                        before_number: false,
                    });
                }
                at = run.end;
                continue;
            };
            let class = word.class;
            if let Some(waiting) = pending.take()
                && waiting.next_at == at
            {
                starts[waiting.index].opens = class & waiting.needs != 0;
            }
            if at >= mentioned_to
                && let Some(mention) = gazetteer.mention_of(word, text, at)
            {
                mentioned_to = mention.end;
                mentions.push(mention);
            }
            if run.letters_end == run.end {
                found.any |= class & class::TRIGGER != 0;
                if class & class::TITLE != 0 {
                    found.last_title = Some(at);
                }
                found.reported |= class & class::REPORTING != 0;
            }
            let capitalised = byte.is_ascii_uppercase();
            // `A$90bn`, `C$5`: letters glued to a dollar sign name a currency, whatever the word.
            let dollar = bytes.get(run.end) == Some(&b'$');
            let needs = needs_of_next(class).filter(|_| !dollar);
            let opens = dollar || needs.is_none() && class & (class::LEAD | class::BEFORE_NUMBER) != 0;
            if (capitalised || opens || needs.is_some()) && is_word_start(text, at) {
                if let Some(needs) = needs {
                    pending = Some(Pending {
                        index: starts.len(),
                        next_at: past_spaces(bytes, run.letters_end),
                        needs,
                    });
                }
                // `USD115`: the number is glued to the word.
                let glued_number = bytes.get(run.letters_end).is_some_and(u8::is_ascii_digit);
                let before_number = !glued_number
                    && class & (class::BEFORE_NUMBER | class::LEAD | class::ARTICLE) == class::BEFORE_NUMBER;
                starts.push(Start {
                    at,
                    role: capitalised,
                    opens,
                    time: class & class::TIME != 0,
                    before_number,
                });
            }
            at = run.end;
        } else if byte.is_ascii() {
            let symbol = match byte {
                b'$' | b'~' | b'<' | b'>' | b'(' => true,
                b'-' | b'.' | b'+' => starts_signed_or_decimal(&text[at..sentence.end]),
                _ => false,
            };
            if symbol && is_word_start(text, at) && !is_list_bullet(text, at) && !is_spaced_dash(text, at) {
                starts.push(Start::symbol(at));
            }
            at += 1;
        } else {
            let rest = &text[at..sentence.end];
            let c = rest.chars().next().expect("a character at a boundary");
            if is_alphanumeric(c) {
                let run = alphanumeric_run(text, at, sentence.end);
                found.any |= run.numeric;
                if is_word_start(text, at) {
                    // A word opening with a letter outside ASCII opens no quantity.
                    starts.push(Start {
                        at,
                        role: c.is_uppercase(),
                        opens: !c.is_alphabetic(),
                        time: false,
                        before_number: false,
                    });
                }
                at = run.end;
            } else {
                let candidate = is_candidate_symbol(c);
                found.any |= candidate;
                if (candidate || number::is_hyphen(c) && starts_signed_or_decimal(rest)) && is_word_start(text, at) {
                    starts.push(Start::symbol(at));
                }
                at += c.len_utf8();
            }
        }
    }
    // The sentence ended before the word after the last article: read that word now.
    if let Some(waiting) = pending {
        let start = &mut starts[waiting.index];
        start.opens = word_class_at(gazetteer, bytes, waiting.next_at) & waiting.needs != 0;
    }
    // A comparator with no number after it opens nothing.
    let mut next_number = usize::MAX;
    for start in starts.iter_mut().rev() {
        if start.before_number {
            start.opens &=
                next_number - start.at <= COMPARATOR_REACH && quantity::opens_with_word(&text[start.at..sentence.end]);
        } else if start.opens {
            next_number = start.at;
        }
    }
    let last_title = found.last_title;
    starts.retain_mut(|start| {
        start.role &= last_title.is_some_and(|title| start.at <= title);
        start.opens || start.role
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan_all(text: &str) -> (Triggers, Vec<(&str, bool, bool)>) {
        let mut starts = Vec::new();
        let gazetteer = Gazetteer::new(Vec::new(), &[]);
        let triggers = scan(text, 0..text.len(), &gazetteer, &mut starts, &mut Vec::new());
        let words = starts
            .iter()
            .map(|s| {
                let end = text[s.at..].find(' ').map_or(text.len(), |i| s.at + i);
                (&text[s.at..end], s.role, s.opens)
            })
            .collect();
        (triggers, words)
    }

    #[test]
    fn starts_are_capitals_lead_words_digits_and_symbols() {
        let (triggers, starts) = scan_all("NATO sent about 500 troops, a dozen trainers and $5m to the end of 2019.");
        assert_eq!(
            triggers,
            Triggers {
                any: true,
                last_title: None,
                reported: false
            }
        );
        assert_eq!(
            starts,
            [
                ("about", false, true),
                ("500", false, true),
                ("a", false, true),
                ("dozen", false, true),
                ("$5m", false, true),
                ("5m", false, true),
                ("the", false, true),
                ("2019.", false, true),
            ]
        );
    }

    #[test]
    fn only_digits_and_time_words_may_open_a_time() {
        let text = "About 500 left last July, more than $5m by the end of 2019.";
        let mut starts = Vec::new();
        scan(
            text,
            0..text.len(),
            &Gazetteer::new(Vec::new(), &[]),
            &mut starts,
            &mut Vec::new(),
        );
        let times: Vec<(&str, bool)> = starts
            .iter()
            .map(|s| (text[s.at..].split([' ', ',']).next().unwrap_or_default(), s.time))
            .collect();
        assert_eq!(
            times,
            [
                ("About", false),
                ("500", true),
                ("last", true),
                ("July", true),
                ("more", false),
                ("$5m", false),
                ("5m", true),
                ("the", true),
                ("2019.", true),
            ]
        );
    }

    #[test]
    fn the_fast_word_start_agrees_with_the_general_one() {
        let text = "“5,000” troops—1.5 m, a‐5 and a‑5, x-5 –5 é.5 é-5 5/5 ’9 said: 7 (8) U.S.-4 ¼ ab 5.";
        for at in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
            assert_eq!(
                is_word_start(text, at),
                text::is_word_start(text, at),
                "at {at}: {:?}",
                &text[at..]
            );
        }
    }

    #[test]
    fn articles_open_only_before_numbers_and_units() {
        let (_, starts) = scan_all("a kilogram, a plan and the story");
        assert_eq!(starts, [("a", false, true)]);
        // The next word decides only when it follows the article across spaces alone.
        let (_, starts) = scan_all("a \u{a0}kilogram, a \"kilogram\", a 12 and the  end of it");
        assert_eq!(starts, [("a", false, true), ("12", false, true), ("the", false, true)]);
    }

    #[test]
    fn an_article_at_a_sentence_end_reads_the_word_after_it() {
        let text = "He sold a dozen eggs";
        let gazetteer = Gazetteer::new(Vec::new(), &[]);
        let mut starts = Vec::new();
        let cut = text.find("dozen").expect("dozen");
        scan(text, 0..cut - 1, &gazetteer, &mut starts, &mut Vec::new());
        let opening: Vec<usize> = starts.iter().filter(|s| s.opens).map(|s| s.at).collect();
        assert_eq!(opening, [text.find("a dozen").expect("a")]);
    }

    #[test]
    fn comparators_open_only_before_a_number() {
        let (_, starts) = scan_all("more than enough of them stayed at home for the whole of the winter");
        assert_eq!(starts, []);
        let (_, starts) = scan_all("USD115 and CHF3.04");
        assert_eq!(starts, [("USD115", false, true), ("CHF3.04", false, true)]);
        let (_, starts) = scan_all("in excess of 20 and as much as a dozen");
        assert_eq!(
            starts,
            [
                ("in", false, true),
                ("20", false, true),
                ("as", false, true),
                ("a", false, true),
                ("dozen", false, true),
            ]
        );
    }

    #[test]
    fn trigger_words_count_only_as_words_of_their_own() {
        let (triggers, _) = scan_all("Someone told nothing of note");
        assert_eq!(
            triggers,
            Triggers {
                any: false,
                last_title: None,
                reported: true
            }
        );
        let (triggers, _) = scan_all("one stayed");
        assert_eq!(
            triggers,
            Triggers {
                any: true,
                last_title: None,
                reported: false
            }
        );
        let (triggers, starts) = scan_all("The President spoke to Congress");
        assert_eq!(
            triggers,
            Triggers {
                any: true,
                last_title: Some(4),
                reported: false
            }
        );
        let (triggers, _) = scan_all("Stoltenberg said 500 would go, according to sources");
        assert!(triggers.reported);
        let (triggers, _) = scan_all("They unsaid 500 and resaid 300");
        assert!(!triggers.reported);
        assert_eq!(starts, [("The", true, false), ("President", true, false)]);
    }

    #[test]
    fn inside_codes_and_after_non_ascii_letters_nothing_starts() {
        let (triggers, starts) = scan_all("COVID-19 RTR1RM3Y éone ½ −5 Minister");
        assert!(triggers.any);
        assert_eq!(
            starts,
            [
                ("COVID-19", true, false),
                ("RTR1RM3Y", true, false),
                ("½", false, true),
                ("−5", false, true),
                ("5", false, true),
                ("Minister", true, false),
            ]
        );
    }
}
