//! Entity names: the organisations, countries and places a rule pack declares, found in text
//! on word boundaries: acronyms like `NATO` and `US` case-sensitively, names like `the
//! alliance` or `Germany` in any case.
//!
//! Names are looked up by the letters they open with (one hash probe per word, made while
//! the sentence is scanned); the rare name that opens with something else (`#MeToo`) is found
//! with an Aho-Corasick automaton.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use serde::Serialize;

use super::lexicon::UnitClass;
use super::words::{self, PackedTable, WordMap};

/// The kind of a declared entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntityKind {
    Organization,
    Country,
    Place,
    Person,
}

impl EntityKind {
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "organization" | "organisation" => Some(Self::Organization),
            "country" => Some(Self::Country),
            "place" => Some(Self::Place),
            "person" => Some(Self::Person),
            _ => None,
        }
    }

    pub fn is_place(self) -> bool {
        matches!(self, Self::Country | Self::Place)
    }
}

/// An entity as a rule file declares it.
#[derive(Debug, Clone)]
pub struct EntityDef {
    /// Stable key, used in subject keys: `nato`, `iraq`.
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    /// Adjectives and nouns of nationality: `Iraqi`, `Iraqis`.
    pub demonyms: Vec<String>,
    /// The entity this one lies in (`baghdad` → `iraq`).
    pub part_of: Option<String>,
    /// Common nouns that refer back to the entity once it has been named (`the alliance`).
    pub nouns: Vec<String>,
}

/// One occurrence of an entity in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub entity: usize,
    pub start: usize,
    pub end: usize,
    /// Written as a demonym (`Iraqi`), not as the name.
    pub demonym: bool,
    /// Written as a common noun (`the alliance`) that stands for the entity.
    pub generic: bool,
}

#[derive(Debug, Clone, Copy)]
enum Form {
    Name,
    Demonym,
    Noun,
}

/// One written form of an entity.
#[derive(Debug, Clone)]
struct Pattern {
    text: String,
    /// The first bytes of `text` folded by [`words::folded_prefix`]: one comparison with the
    /// text's bytes, folded the same way, rejects nearly every other name.
    prefix: u128,
    entity: usize,
    form: Form,
    /// An acronym: matched case-sensitively.
    exact: bool,
}

impl Pattern {
    fn new(text: String, entity: usize, form: Form, exact: bool) -> Self {
        Self {
            prefix: words::folded_prefix(words::padded_chunk(text.as_bytes()), text.len()),
            text,
            entity,
            form,
            exact,
        }
    }
}

/// What the text's words may be: the class the extractor gives them, and the names that
/// open with them.
#[derive(Debug, Clone, Default)]
pub struct Word {
    /// See [`super::starts`]' classes (0 for a word that only opens names).
    pub class: u16,
    /// Names that open with the word, longest first.
    names: Vec<Pattern>,
}

/// The entities known to a run and the tables that find them.
#[derive(Debug)]
pub struct Gazetteer {
    pub entities: Vec<EntityDef>,
    /// Words by their packed ASCII letters: one probe per word of the text finds both its
    /// class and the names that may start there.
    words: PackedTable<Word>,
    /// Patterns that open with something other than an ASCII letter, and their automaton.
    others: Option<(AhoCorasick, Vec<Pattern>)>,
    demonyms: std::collections::HashSet<String>,
    /// Counted nouns and their class, from the lexicon and rule files: by packed word those of
    /// ASCII letters alone (most), the others in lower case.
    packed_nouns: PackedTable<UnitClass>,
    nouns: std::collections::HashMap<String, UnitClass>,
}

fn is_acronym(pattern: &str) -> bool {
    !pattern.chars().any(char::is_lowercase)
}

impl Gazetteer {
    /// Entities and counted nouns as the rule packs declare them (`RuleSet::entities`,
    /// `RuleSet::nouns`).
    pub fn new(entities: Vec<EntityDef>, nouns: &[(String, UnitClass)]) -> Self {
        let mut patterns = Vec::new();
        for (index, entity) in entities.iter().enumerate() {
            let names = std::iter::once(&entity.name)
                .chain(&entity.aliases)
                .map(|n| (n, Form::Name));
            let demonyms = entity.demonyms.iter().map(|d| (d, Form::Demonym));
            let nouns = entity.nouns.iter().map(|n| (n, Form::Noun));
            for (text, form) in names.chain(demonyms).chain(nouns) {
                let exact = is_acronym(text);
                patterns.push(Pattern::new(text.clone(), index, form, exact));
                // British style writes a long acronym as a word: `Nato`, `Isis`.
                if exact && text.len() >= 4 && text.chars().all(|c| c.is_ascii_alphabetic()) {
                    let word_form = text[..1].to_owned() + &text[1..].to_lowercase();
                    patterns.push(Pattern::new(word_form, index, form, exact));
                }
            }
        }
        let mut words: WordMap<Word> = super::starts::word_classes()
            .iter()
            .map(|(&key, &class)| {
                (
                    key,
                    Word {
                        class,
                        names: Vec::new(),
                    },
                )
            })
            .collect();
        let mut others = Vec::new();
        for pattern in patterns.into_iter().filter(|p| !p.text.is_empty()) {
            let bytes = pattern.text.as_bytes();
            match words::pack(bytes, 0, words::letters_end(bytes, 0)) {
                Some(key) => words.entry(key).or_default().names.push(pattern),
                None => others.push(pattern),
            }
        }
        for word in words.values_mut() {
            word.names.sort_by_key(|p| std::cmp::Reverse(p.text.len()));
        }
        let others = (!others.is_empty())
            .then(|| {
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .ascii_case_insensitive(true)
                    .kind(Some(AhoCorasickKind::DFA))
                    .build(others.iter().map(|p| &p.text))
                    .ok()
                    .map(|automaton| (automaton, others))
            })
            .flatten();
        let demonyms = entities.iter().flat_map(|e| e.demonyms.iter().cloned()).collect();
        // A later entry for the same noun wins, in either table.
        let mut packed_nouns = WordMap::default();
        let mut other_nouns = std::collections::HashMap::new();
        for (noun, class) in nouns {
            let noun = noun.to_lowercase();
            match words::pack_word(&noun) {
                Some(key) => packed_nouns.insert(key, *class),
                None => other_nouns.insert(noun, *class),
            };
        }
        Self {
            entities,
            words: PackedTable::new(words),
            others,
            demonyms,
            packed_nouns: PackedTable::new(packed_nouns),
            nouns: other_nouns,
        }
    }

    /// The class of a counted noun (`troops` → personnel), in any case.
    pub fn noun_class(&self, noun: &str) -> Option<UnitClass> {
        if let Some(key) = words::pack_word(noun) {
            return self.packed_nouns.get(key).copied();
        }
        if noun.bytes().any(|b| b.is_ascii_uppercase()) {
            self.nouns.get(&noun.to_lowercase()).copied()
        } else {
            self.nouns.get(noun).copied()
        }
    }

    /// Whether `word` is a nationality word of a known country (`Iraqi`, `Russian`).
    pub fn is_demonym(&self, word: &str) -> bool {
        self.demonyms.contains(word)
    }

    /// The country an entity lies in, following `part_of` (a city gives its country).
    pub fn country_of(&self, entity: usize) -> usize {
        let mut current = entity;
        for _ in 0..4 {
            let Some(parent) = self.entities[current].part_of.as_deref().and_then(|p| self.get(p)) else {
                break;
            };
            current = parent;
        }
        current
    }

    pub fn get(&self, id: &str) -> Option<usize> {
        self.entities.iter().position(|e| e.id == id)
    }

    /// The word of the ASCII letters `bytes[at..end]`, if it matters.
    pub fn word(&self, bytes: &[u8], at: usize, end: usize) -> Option<&Word> {
        self.packed_word(words::pack(bytes, at, end)?)
    }

    /// [`Self::word`] of a word already packed by [`words::pack`].
    #[inline]
    pub fn packed_word(&self, key: u128) -> Option<&Word> {
        self.words.get(key)
    }

    /// The mention that starts at `at` in `text`, if any, where `at` starts a word that is
    /// `word`. The longest name that fits wins.
    pub fn mention_of(&self, word: &Word, text: &str, at: usize) -> Option<Mention> {
        word.names.iter().find_map(|p| self.mention(text, at, p))
    }

    /// `pattern` at `at` of `text`, if it is written there and stands as a word of its own.
    fn mention(&self, text: &str, at: usize, pattern: &Pattern) -> Option<Mention> {
        let end = at + pattern.text.len();
        if let Some(chunk) = words::chunk_at(text.as_bytes(), at)
            && words::folded_prefix(chunk, pattern.text.len()) != pattern.prefix
        {
            return None;
        }
        let written = text.as_bytes().get(at..end)?;
        // The word already matched the name's first word: its last byte rejects most others.
        let (last_written, last_expected) = (written.last()?, pattern.text.as_bytes().last()?);
        if !last_written.eq_ignore_ascii_case(last_expected) {
            return None;
        }
        let same = if pattern.exact {
            written == pattern.text.as_bytes()
        } else {
            written.eq_ignore_ascii_case(pattern.text.as_bytes())
        };
        if !same {
            return None;
        }
        let rest = text.get(end..)?;
        // A possessive (`NATO’s`) still names the entity; a longer word does not.
        // `US-led coalition`, `Iran-backed militias`: the entity describes another group.
        let describes_another = rest.starts_with('-')
            && ["-led", "-backed", "-funded", "-sponsored", "-allied"]
                .iter()
                .any(|suffix| rest.starts_with(suffix));
        let after_ok = !rest.chars().next().is_some_and(char::is_alphanumeric) && !describes_another;
        after_ok.then_some(Mention {
            entity: pattern.entity,
            start: at,
            end,
            demonym: matches!(pattern.form, Form::Demonym),
            generic: matches!(pattern.form, Form::Noun),
        })
    }

    /// Mentions of names that open with something other than an ASCII letter (usually none).
    pub fn other_mentions(&self, text: &str) -> Vec<Mention> {
        let Some((automaton, patterns)) = &self.others else {
            return Vec::new();
        };
        automaton
            .find_iter(text)
            .filter(|hit| {
                !text[..hit.start()]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
            })
            .filter_map(|hit| self.mention(text, hit.start(), &patterns[hit.pattern().as_usize()]))
            .collect()
    }
}

/// Two sorted lists of mentions as one, sorted, without overlaps (the earlier and longer
/// mention stays).
pub fn merge_mentions(mut found: Vec<Mention>, others: Vec<Mention>) -> Vec<Mention> {
    if others.is_empty() {
        return found;
    }
    found.extend(others);
    found.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut kept: Vec<Mention> = Vec::with_capacity(found.len());
    for mention in found {
        if kept.last().is_none_or(|last| mention.start >= last.end) {
            kept.push(mention);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mentions of `text` as extraction finds them: while scanning it, plus the names that
    /// open with something other than a letter.
    fn find(gazetteer: &Gazetteer, text: &str) -> Vec<Mention> {
        let mut found = Vec::new();
        super::super::starts::scan(text, 0..text.len(), gazetteer, &mut Vec::new(), &mut found);
        merge_mentions(found, gazetteer.other_mentions(text))
    }

    fn entity(id: &str, kind: EntityKind, aliases: &[&str], demonyms: &[&str]) -> EntityDef {
        EntityDef {
            id: id.into(),
            name: aliases[0].into(),
            kind,
            aliases: aliases[1..].iter().map(|s| (*s).into()).collect(),
            demonyms: demonyms.iter().map(|s| (*s).into()).collect(),
            part_of: None,
            nouns: Vec::new(),
        }
    }

    #[test]
    fn finds_acronyms_exactly_and_names_in_any_case() {
        let gazetteer = Gazetteer::new(
            vec![
                entity("nato", EntityKind::Organization, &["NATO", "the alliance"], &[]),
                entity(
                    "us",
                    EntityKind::Country,
                    &["United States", "US", "U.S."],
                    &["American"],
                ),
                entity("iraq", EntityKind::Country, &["Iraq"], &["Iraqi", "Iraqis"]),
            ],
            &[],
        );
        // `U.S.-led` describes the coalition, not the United States; `Nato` is NATO.
        let text = "NATO’s chief told us The Alliance and the U.S.-led coalition trained Iraqis in Iraq with Nato.";
        let found: Vec<_> = find(&gazetteer, text)
            .iter()
            .map(|m| {
                (
                    gazetteer.entities[m.entity].id.as_str(),
                    &text[m.start..m.end],
                    m.demonym,
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                ("nato", "NATO", false),
                ("nato", "The Alliance", false),
                ("iraq", "Iraqis", true),
                ("iraq", "Iraq", false),
                ("nato", "Nato", false),
            ]
        );
        assert!(find(&gazetteer, "NATOS and Iraqiyya").is_empty());
    }

    #[test]
    fn names_that_open_with_a_digit_or_a_sign_are_found_too() {
        let gazetteer = Gazetteer::new(
            vec![
                entity("g7", EntityKind::Organization, &["G7", "Group of Seven"], &[]),
                entity("five-eyes", EntityKind::Organization, &["5 Eyes"], &[]),
                entity("metoo", EntityKind::Organization, &["#MeToo"], &[]),
            ],
            &[],
        );
        let text = "The G7 and the 5 Eyes met; #MeToo marched; G70 and 15 Eyes did not.";
        let found: Vec<&str> = find(&gazetteer, text).iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(found, ["G7", "5 Eyes", "#MeToo"]);
    }
}
