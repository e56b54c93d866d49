//! Modality: the force with which a number is reported. "NATO has 500 troops" asserts a fact;
//! "the mission will grow to 4,000" states a plan; "the alliance could send 1,000" a
//! possibility; "not 500" a denial; "there were 300" the past. Claims of different modality
//! do not contradict each other: a plan and a later fact make a change, not a conflict.
//!
//! The modality comes from the nearest cue word before the number in its clause (up to fourteen
//! words back, stopping at `;`, `:`, a dash or a parenthesis). `would` after a reporting verb
//! (`said the force would shrink to 2,500`) is a reported plan. `from 500 to 4,000` after a
//! future verb makes 500 the present and 4,000 the plan. A number right after `of` (`the
//! resources of the 29 allies`) describes a noun and is stated as fact.

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use super::words::{self, PackedTable, WordMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Modality {
    /// Stated as fact about the time it speaks of.
    #[default]
    Asserted,
    /// Stated about a time before the report (`there were 300`).
    Past,
    /// Planned, expected or future (`will increase to`, `plans to send`).
    Planned,
    /// Possible, proposed or conditional (`could`, `may`, `would`).
    Possible,
    /// Denied (`not 500`, `never more than`).
    Negated,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Asserted => "asserted",
            Self::Past => "past",
            Self::Planned => "planned",
            Self::Possible => "possible",
            Self::Negated => "negated",
        }
    }
}

const CUES: &[(&str, Modality)] = &[
    ("will", Modality::Planned),
    ("shall", Modality::Planned),
    ("plans", Modality::Planned),
    ("plan", Modality::Planned),
    ("planned", Modality::Planned),
    ("planning", Modality::Planned),
    ("intends", Modality::Planned),
    ("intend", Modality::Planned),
    ("expected", Modality::Planned),
    ("expects", Modality::Planned),
    ("expect", Modality::Planned),
    ("aims", Modality::Planned),
    ("scheduled", Modality::Planned),
    ("forecast", Modality::Planned),
    ("projected", Modality::Planned),
    ("could", Modality::Possible),
    ("may", Modality::Possible),
    ("might", Modality::Possible),
    ("would", Modality::Possible),
    ("proposed", Modality::Possible),
    ("proposes", Modality::Possible),
    ("propose", Modality::Possible),
    ("considering", Modality::Possible),
    ("considers", Modality::Possible),
    ("possibly", Modality::Possible),
    ("potentially", Modality::Possible),
    ("not", Modality::Negated),
    ("never", Modality::Negated),
    ("was", Modality::Past),
    ("were", Modality::Past),
    ("had", Modality::Past),
    ("previously", Modality::Past),
    ("formerly", Modality::Past),
];

/// Words that report speech: the claim is somebody's statement.
pub const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "according",
    "announced",
    "stated",
    "claimed",
    "reported",
    "reportedly",
];

/// What a word says of the modality of the numbers after it.
#[derive(Debug, Clone, Copy, Default)]
struct Cue {
    /// The modality it gives: see [`CUES`].
    modality: Option<Modality>,
    /// It reports speech: see [`REPORTING`].
    reporting: bool,
}

/// `word`'s cue, ignoring ASCII case: a cue is a word of letters.
fn cue_of(word: &str) -> Cue {
    words::pack_word(word).map(packed_cue).unwrap_or_default()
}

/// The cue of a word packed by [`words::pack_word`]: one probe in a table of [`CUES`] and
/// [`REPORTING`].
fn packed_cue(key: u128) -> Cue {
    static TABLE: LazyLock<PackedTable<Cue>> = LazyLock::new(|| {
        let mut table = WordMap::<Cue>::default();
        let key = |word: &str| words::pack_word(word).expect("a cue is a short word");
        for &(word, modality) in CUES {
            table.entry(key(word)).or_default().modality = Some(modality);
        }
        for word in REPORTING {
            table.entry(key(word)).or_default().reporting = true;
        }
        PackedTable::new(table)
    });
    TABLE.get(key).copied().unwrap_or_default()
}

/// What a character is to [`words_before`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum CharKind {
    /// A letter, a digit or an apostrophe: part of a word.
    Word,
    /// `;`, `:`, a parenthesis or a dash: the clause ends there.
    Boundary,
    Other,
}

/// The kinds of the ASCII characters, by byte.
const ASCII_KINDS: [CharKind; 128] = {
    let mut kinds = [CharKind::Other; 128];
    let mut byte = 0;
    while byte < 128 {
        let b = byte as u8;
        kinds[byte] = match b {
            b'\'' => CharKind::Word,
            b';' | b':' | b'(' | b')' => CharKind::Boundary,
            _ if b.is_ascii_alphanumeric() => CharKind::Word,
            _ => CharKind::Other,
        };
        byte += 1;
    }
    kinds
};

/// The kind of the character that ends at byte `end` of `text`, and where it starts. ASCII
/// bytes are read from a table; only other characters are decoded.
fn char_before(text: &str, end: usize) -> Option<(usize, CharKind)> {
    let byte = *text.as_bytes().get(end.checked_sub(1)?)?;
    if byte.is_ascii() {
        return Some((end - 1, ASCII_KINDS[usize::from(byte)]));
    }
    let c = text[..end].chars().next_back()?;
    let kind = match c {
        '’' => CharKind::Word,
        '—' | '–' => CharKind::Boundary,
        _ if c.is_alphanumeric() => CharKind::Word,
        _ => CharKind::Other,
    };
    Some((end - c.len_utf8(), kind))
}

/// Where the word that ends at `end` of `text` starts: back over ASCII word characters a
/// byte at a time, decoding only what is not ASCII.
fn word_start(text: &str, end: usize) -> usize {
    let bytes = text.as_bytes();
    let mut start = end;
    loop {
        while start > 0 && bytes[start - 1].is_ascii() && ASCII_KINDS[usize::from(bytes[start - 1])] == CharKind::Word {
            start -= 1;
        }
        match char_before(text, start) {
            Some((previous, CharKind::Word)) => start = previous,
            _ => return start,
        }
    }
}

/// The words of `before`'s last clause (after `;`, `:`, a parenthesis or a dash), last first,
/// numbers left out. Read backwards and lazily: only the words a caller takes are looked at.
fn words_before(before: &str) -> impl Iterator<Item = &str> {
    let mut end = before.len();
    let mut clause_ended = false;
    std::iter::from_fn(move || {
        if clause_ended {
            return None;
        }
        loop {
            // Back over what separates words, to the last character of a word.
            let word_end = loop {
                match char_before(before, end)? {
                    (_, CharKind::Word) => break end,
                    (_, CharKind::Boundary) => {
                        clause_ended = true;
                        return None;
                    }
                    (start, CharKind::Other) => end = start,
                }
            };
            let start = word_start(before, word_end);
            end = start;
            let word = &before[start..word_end];
            // Numbers carry no cue and `4,500` would count twice.
            if word.starts_with(|c: char| c.is_alphabetic()) {
                return Some(word);
            }
        }
    })
    .take(CUE_REACH)
}

/// How many words back a cue still governs the number: `will reduce the number of American
/// troops in Afghanistan from about 4,500 to 2,500` has its verb eleven words back.
const CUE_REACH: usize = 14;

/// The modality of a number whose text starts at `before.len()` in its sentence; `before` is
/// the sentence up to the number.
pub fn modality(before: &str) -> Modality {
    let is = |word: &str, expected: &str| word.eq_ignore_ascii_case(expected);
    let ends = |word: &str, suffixes: [&str; 2]| {
        suffixes.iter().any(|suffix| {
            word.len() >= suffix.len()
                && word.is_char_boundary(word.len() - suffix.len())
                && is(&word[word.len() - suffix.len()..], suffix)
        })
    };
    // `the resources of the 29 allies`: a number describing a noun after `of` is stated as fact,
    // whatever the verb of the clause does with the noun.
    // The words are read once: the first two here, the rest as the cues below need them.
    let mut recent = words_before(before);
    let (first, second) = (recent.next(), recent.next());
    let determiner = ["the", "its", "their", "his", "her", "an", "a"]
        .iter()
        .any(|d| is(first.unwrap_or_default(), d));
    if is(first.unwrap_or_default(), "of") || determiner && is(second.unwrap_or_default(), "of") {
        return Modality::Asserted;
    }
    let mut found = Modality::Asserted;
    let mut after = "";
    for word in first.into_iter().chain(second).chain(recent) {
        // `no decision yet on sending 1,000 troops`: nothing was decided.
        if is(word, "no")
            && ["decision", "agreement", "deal", "plan", "plans"]
                .iter()
                .any(|n| is(after, n))
        {
            found = Modality::Negated;
            break;
        }
        after = word;
        // A cue packs as a word of letters; a contraction, holding an apostrophe, does not.
        let key = words::pack_word(word);
        let cue = key.map(packed_cue).unwrap_or_default();
        // `… would press ahead, a day after organisers said more than a million marched`: what
        // was said is its own clause; cues before the reporting verb govern something else.
        if cue.reporting {
            break;
        }
        if key.is_none() && ends(word, ["n't", "n’t"]) {
            found = Modality::Negated;
            break;
        }
        if key.is_none() && ends(word, ["'ll", "’ll"]) {
            found = Modality::Planned;
            break;
        }
        if let Some(modality) = cue.modality {
            // `Miller said the force would shrink to 2,500`: reported future, a plan.
            let reported_future = is(word, "would") && is_reported(before);
            found = if reported_future { Modality::Planned } else { modality };
            break;
        }
    }
    // `will increase from 500 to 4,000`: the starting point is today's number.
    if found == Modality::Planned && first.is_some_and(|w| is(w, "from")) {
        return Modality::Asserted;
    }
    found
}

/// Whether the sentence reports what somebody said.
pub fn is_reported(sentence: &str) -> bool {
    sentence
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| cue_of(w).reporting)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_before_the_number_set_the_modality() {
        assert_eq!(modality("NATO currently has a small team of "), Modality::Asserted);
        assert_eq!(
            modality("the size of our mission will increase from 500 personnel to "),
            Modality::Planned
        );
        assert_eq!(
            modality("the size of our mission will increase from "),
            Modality::Asserted
        );
        assert_eq!(modality("The alliance plans to send "), Modality::Planned);
        assert_eq!(modality("Officials said the force could grow to "), Modality::Possible);
        assert_eq!(modality("Officials said the force would grow to "), Modality::Planned);
        assert_eq!(modality("Ministers would add "), Modality::Possible);
        assert_eq!(
            modality("Lam would press ahead, a day after organisers said "),
            Modality::Asserted
        );
        assert_eq!(modality("The ministry did not confirm "), Modality::Negated);
        assert_eq!(
            modality("There is no decision yet on how many of the "),
            Modality::Asserted
        );
        assert_eq!(modality("There is no decision yet on sending "), Modality::Negated);
        assert_eq!(modality("It won’t exceed "), Modality::Negated);
        assert_eq!(modality("In 2015 there were "), Modality::Past);
        assert_eq!(modality("The team will train Iraqis; it has "), Modality::Asserted);
        assert_eq!(modality("The team will train Iraqis — it has "), Modality::Asserted);
        assert_eq!(
            modality("A mission would pool the resources of the "),
            Modality::Asserted
        );
        assert_eq!(
            modality("Washington considers it too small for an alliance of "),
            Modality::Asserted
        );
    }

    #[test]
    fn the_words_before_a_number_are_read_back_to_the_clause_start() {
        let words: Vec<&str> = words_before("The U.S.-led force; it won’t send 4,500 more of its ").collect();
        assert_eq!(words, ["its", "of", "more", "send", "won’t", "it"]);
        let words: Vec<&str> = words_before("Kyiv—Zürich’s 12 rail links, officials' count").collect();
        assert_eq!(words, ["count", "officials'", "links", "rail", "Zürich’s"]);
        assert_eq!(words_before("").count(), 0);
        assert_eq!(
            words_before("one two three four five six seven eight nine ten a b c d e f").count(),
            CUE_REACH
        );
    }

    #[test]
    fn reporting_verbs_mark_reported_speech() {
        assert!(is_reported("Stoltenberg said the mission would grow."));
        assert!(is_reported("According to officials, 500 troops remain."));
        assert!(!is_reported("The mission has 500 troops."));
    }
}
