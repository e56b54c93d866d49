//! Entity names: the organisations, countries and places a rule pack declares, found in text
//! with two Aho-Corasick automatons (acronyms like `NATO` and `US` case-sensitively, names
//! like `the alliance` or `Germany` case-insensitively), always on word boundaries.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use serde::Serialize;

use super::lexicon::UnitClass;

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

/// The entities known to a run and the automatons that find them.
#[derive(Debug)]
pub struct Gazetteer {
    pub entities: Vec<EntityDef>,
    exact: Option<(AhoCorasick, Vec<(usize, Form)>)>,
    folded: Option<(AhoCorasick, Vec<(usize, Form)>)>,
    demonyms: std::collections::HashSet<String>,
    /// Counted nouns (lower case) and their class, from the lexicon and rule files.
    nouns: std::collections::HashMap<String, UnitClass>,
}

fn is_acronym(pattern: &str) -> bool {
    !pattern.chars().any(char::is_lowercase)
}

impl Gazetteer {
    /// Entities and counted nouns as the rule packs declare them (`RuleSet::entities`,
    /// `RuleSet::nouns`).
    pub fn new(entities: Vec<EntityDef>, nouns: &[(String, UnitClass)]) -> Self {
        let mut exact = (Vec::new(), Vec::new());
        let mut folded = (Vec::new(), Vec::new());
        for (index, entity) in entities.iter().enumerate() {
            let names = std::iter::once(&entity.name)
                .chain(&entity.aliases)
                .map(|n| (n, Form::Name));
            let demonyms = entity.demonyms.iter().map(|d| (d, Form::Demonym));
            let nouns = entity.nouns.iter().map(|n| (n, Form::Noun));
            for (pattern, form) in names.chain(demonyms).chain(nouns) {
                let target = if is_acronym(pattern) { &mut exact } else { &mut folded };
                target.0.push(pattern.clone());
                target.1.push((index, form));
                // British style writes a long acronym as a word: `Nato`, `Isis`.
                if is_acronym(pattern) && pattern.len() >= 4 && pattern.chars().all(|c| c.is_ascii_alphabetic()) {
                    exact.0.push(pattern[..1].to_owned() + &pattern[1..].to_lowercase());
                    exact.1.push((index, form));
                }
            }
        }
        let build = |(patterns, meta): (Vec<String>, Vec<(usize, Form)>), fold: bool| {
            if patterns.is_empty() {
                return None;
            }
            let automaton = AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(fold)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&patterns)
                .ok()?;
            Some((automaton, meta))
        };
        let demonyms = entities.iter().flat_map(|e| e.demonyms.iter().cloned()).collect();
        Self {
            entities,
            exact: build(exact, false),
            folded: build(folded, true),
            demonyms,
            nouns: nouns
                .iter()
                .map(|(noun, class)| (noun.to_lowercase(), *class))
                .collect(),
        }
    }

    /// The class of a counted noun (`troops` → personnel), in any case.
    pub fn noun_class(&self, noun: &str) -> Option<UnitClass> {
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

    /// All mentions in `text`, as offsets relative to `text`, sorted and non-overlapping.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let mut found = Vec::new();
        for (automaton, meta) in [&self.exact, &self.folded].into_iter().flatten() {
            for hit in automaton.find_iter(text) {
                let (start, end) = (hit.start(), hit.end());
                let before_ok = !text[..start].chars().next_back().is_some_and(char::is_alphanumeric);
                let rest = &text[end..];
                // A possessive (`NATO’s`) still names the entity; a longer word does not.
                let (entity, form) = meta[hit.pattern().as_usize()];
                // `US-led coalition`, `Iran-backed militias`: the entity describes another group.
                let describes_another = ["-led", "-backed", "-funded", "-sponsored", "-allied"]
                    .iter()
                    .any(|suffix| rest.starts_with(suffix));
                let after_ok = !rest.chars().next().is_some_and(char::is_alphanumeric) && !describes_another;
                if before_ok && after_ok {
                    let demonym = matches!(form, Form::Demonym);
                    let generic = matches!(form, Form::Noun);
                    found.push(Mention {
                        entity,
                        start,
                        end,
                        demonym,
                        generic,
                    });
                }
            }
        }
        found.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        let mut kept: Vec<Mention> = Vec::with_capacity(found.len());
        for mention in found {
            if kept.last().is_none_or(|last| mention.start >= last.end) {
                kept.push(mention);
            }
        }
        kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let found: Vec<_> = gazetteer
            .find(text)
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
        assert!(gazetteer.find("NATOS and Iraqiyya").is_empty());
    }
}
