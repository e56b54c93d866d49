//! The claims lock: `claimlint.lock`, the reviewed claims of a document set, by subject.
//!
//! A lock lists every linked claim under its subject with its value, its words, its document
//! and that document's date and outlet; no byte offsets or line numbers, so edits that only
//! move text leave it unchanged. Subjects are sorted, and so are claims within a subject (by
//! document, then in document order), one claim per line: a changed fact is a one-line diff.
//!
//! [`diff`] compares a lock with the claims of a run, document by document within each
//! subject: equal values pair up first, remaining claims pair up in order as changes, and the
//! rest have appeared or vanished.
//!
//! The lock also records the rules that made it (the built-in rules and each rule file, by
//! name and a hash of its text): claims made with other rules are not comparable, and
//! [`RulesChange`] says how the rules of a run differ.
//!
//! ```toml
//! version = 2
//! rules = [
//!   { name = "<built-in>", hash = "5f0c6a0d3c1e7b21" },
//!   { name = "nato-iraq.rules.toml", hash = "0b9e4d2c71a3f865" },
//! ]
//!
//! [[subject]]
//! id = "nato/personnel"
//! claims = [
//!   { value = "500 trainers", text = "500 trainers", path = "2018-02-13-reuters.md", date = "2018-02-13", source = "Reuters" },
//! ]
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Deserialize;

use crate::documents::Document;
use crate::extract::{Claim, Modality};
use crate::link::ClaimGraph;
use crate::rules::{RuleError, describe};
use crate::source::SourceFile;

pub const FILE_NAME: &str = "claimlint.lock";
const VERSION: u32 = 2;
/// Version 1 locks record no rules; they are read, and their rules taken as unknown.
const OLDEST_READ: u32 = 1;
/// The name the built-in rules go by in a lock.
pub const BUILT_IN: &str = "<built-in>";

/// One claim as the lock records it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LockedClaim {
    /// The value as a reader would write it, with its unit and, for plans, `· planned`.
    pub value: String,
    /// The claim's words in the document.
    pub text: String,
    /// The document, relative to the lock's folder.
    pub path: String,
    pub date: Option<String>,
    pub source: Option<String>,
    /// The claim of the run this entry was made from; none for entries read from a file.
    #[serde(skip)]
    pub claim: Option<usize>,
}

/// A set of rules a lock was made with: the built-in rules or one rule file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LockedRules {
    /// [`BUILT_IN`], or the rule file's path relative to the lock's folder.
    pub name: String,
    /// XXH3-64 of the text, sixteen hex digits.
    pub hash: String,
}

impl LockedRules {
    /// The entry for rules named `name` with this text (for the built-in rules, every text
    /// they are made of, in order).
    pub fn new(name: &str, texts: &[&str]) -> Self {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        for text in texts {
            hasher.update(text.as_bytes());
        }
        Self {
            name: name.to_owned(),
            hash: format!("{:016x}", hasher.digest()),
        }
    }
}

/// Claims by subject id, both sorted, and the rules that made them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lock {
    pub subjects: BTreeMap<String, Vec<LockedClaim>>,
    /// The built-in rules first, then each rule file in the order loaded; empty for a lock of
    /// version 1, which did not record them.
    pub rules: Vec<LockedRules>,
}

/// How the rules of a run differ from those that made a lock.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RulesChange {
    /// Rule files the lock was made with that the run does not load.
    pub missing: Vec<String>,
    /// Rule files the run loads that the lock was not made with.
    pub added: Vec<String>,
    /// Rules loaded by both whose text differs (the built-in rules of another claimlint).
    pub changed: Vec<String>,
}

impl RulesChange {
    /// How `current` differs from `locked`; nothing when the lock recorded no rules.
    pub fn between(locked: &[LockedRules], current: &[LockedRules]) -> Self {
        if locked.is_empty() {
            return Self::default();
        }
        let find = |list: &[LockedRules], name: &str| list.iter().find(|r| r.name == name).cloned();
        let mut change = Self::default();
        for old in locked {
            match find(current, &old.name) {
                None => change.missing.push(old.name.clone()),
                Some(new) if new.hash != old.hash => change.changed.push(old.name.clone()),
                Some(_) => {}
            }
        }
        for new in current {
            if find(locked, &new.name).is_none() {
                change.added.push(new.name.clone());
            }
        }
        change
    }

    pub fn is_empty(&self) -> bool {
        self.missing.is_empty() && self.added.is_empty() && self.changed.is_empty()
    }

    /// What differs, in words: `X is not loaded; Y is new; Z changed`.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        let names = |list: &[String]| list.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
        if !self.missing.is_empty() {
            parts.push(format!("{} not loaded by this run", names(&self.missing)));
        }
        if !self.added.is_empty() {
            parts.push(format!("{} loaded now but not then", names(&self.added)));
        }
        if !self.changed.is_empty() {
            parts.push(format!("{} changed since the lock was written", names(&self.changed)));
        }
        parts.join("; ")
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLock {
    version: u32,
    #[serde(default)]
    rules: Vec<LockedRules>,
    #[serde(default)]
    subject: Vec<RawSubject>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSubject {
    id: String,
    #[serde(default)]
    claims: Vec<LockedClaim>,
}

impl Lock {
    /// The lock of a run: every claim linked to a subject or a role group. `paths` holds each
    /// document's path relative to the lock's folder.
    pub fn from_run(documents: &[Document], claims: &[Claim], graph: &ClaimGraph, paths: &[String]) -> Self {
        let mut subjects: BTreeMap<String, Vec<LockedClaim>> = BTreeMap::new();
        let groups = graph
            .subjects
            .iter()
            .map(|s| (&s.key, &s.claims))
            .chain(graph.roles.iter().map(|r| (&r.key, &r.claims)));
        for (key, members) in groups {
            for &index in members {
                let claim = &claims[index];
                let doc = &documents[claim.doc];
                let value = match (&claim.value, &claim.role) {
                    (Some(value), _) => {
                        let unit = claim.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
                        let planned = match claim.modality {
                            Modality::Asserted | Modality::Past => String::new(),
                            other => format!(" · {}", other.as_str()),
                        };
                        format!("{}{unit}{planned}", describe(value))
                    }
                    (None, Some(role)) => role.person.clone(),
                    (None, None) => continue,
                };
                subjects.entry(key.clone()).or_default().push(LockedClaim {
                    value,
                    text: single_line(doc.file.slice(claim.span.clone())),
                    path: paths[claim.doc].clone(),
                    date: doc.meta.date.map(|d| d.to_string()),
                    source: doc.meta.source.clone(),
                    claim: Some(index),
                });
            }
        }
        for entries in subjects.values_mut() {
            // By document, then in document order (claim indices follow it).
            entries.sort_by(|a, b| a.path.cmp(&b.path).then(a.claim.cmp(&b.claim)));
        }
        subjects.retain(|_, entries| !entries.is_empty());
        Self {
            subjects,
            rules: Vec::new(),
        }
    }

    /// The lock file's text.
    pub fn render(&self) -> String {
        let mut out = String::new();
        out.push_str("# claimlint.lock: the reviewed claims of this document set, by subject.\n");
        out.push_str("# Written by `claimlint lock`; `claimlint check` reports claims that differ from it.\n");
        let _ = writeln!(out, "version = {VERSION}");
        if !self.rules.is_empty() {
            out.push_str("# The rules the claims were linked with: other rules link other claims.\nrules = [\n");
            for rules in &self.rules {
                let _ = writeln!(
                    out,
                    "  {{ name = {}, hash = {} }},",
                    quote(&rules.name),
                    quote(&rules.hash)
                );
            }
            out.push_str("]\n");
        }
        for (id, claims) in &self.subjects {
            let _ = write!(out, "\n[[subject]]\nid = {}\nclaims = [\n", quote(id));
            for claim in claims {
                let _ = write!(
                    out,
                    "  {{ value = {}, text = {}, path = {}",
                    quote(&claim.value),
                    quote(&claim.text),
                    quote(&claim.path)
                );
                if let Some(date) = &claim.date {
                    let _ = write!(out, ", date = {}", quote(date));
                }
                if let Some(source) = &claim.source {
                    let _ = write!(out, ", source = {}", quote(source));
                }
                out.push_str(" },\n");
            }
            out.push_str("]\n");
        }
        out
    }

    /// Reads a lock file; errors carry file:line:column.
    pub fn parse(path: &str, text: &str) -> Result<Self, RuleError> {
        let source = SourceFile::new(path, text);
        let raw: RawLock = toml::from_str(text).map_err(|e| {
            RuleError::at(
                &source,
                e.span().unwrap_or(0..0),
                crate::rules::file::explain_toml_error(e.message()),
            )
        })?;
        if !(OLDEST_READ..=VERSION).contains(&raw.version) {
            return Err(RuleError::at(
                &source,
                0..0,
                format!(
                    "lock version {} is not supported (this claimlint writes version {VERSION}); run `claimlint lock` to rewrite it",
                    raw.version
                ),
            ));
        }
        let mut subjects: BTreeMap<String, Vec<LockedClaim>> = BTreeMap::new();
        for subject in raw.subject {
            subjects.entry(subject.id).or_default().extend(subject.claims);
        }
        Ok(Self {
            subjects,
            rules: raw.rules,
        })
    }
}

/// How a run's claims differ from the lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Drift {
    Changed {
        subject: String,
        old: LockedClaim,
        new: LockedClaim,
    },
    Appeared {
        subject: String,
        new: LockedClaim,
    },
    Vanished {
        subject: String,
        old: LockedClaim,
    },
}

/// The drift from `locked` to `current`, subject by subject and document by document.
pub fn diff(locked: &Lock, current: &Lock) -> Vec<Drift> {
    let mut drift = Vec::new();
    let empty = Vec::new();
    let ids: std::collections::BTreeSet<&String> = locked.subjects.keys().chain(current.subjects.keys()).collect();
    for id in ids {
        let old_claims = locked.subjects.get(id).unwrap_or(&empty);
        let new_claims = current.subjects.get(id).unwrap_or(&empty);
        // Each document's claims of the subject, old and new, in the order they are listed.
        type Sides<'l> = (Vec<&'l LockedClaim>, Vec<&'l LockedClaim>);
        let mut by_path: BTreeMap<&String, Sides<'_>> = BTreeMap::new();
        for claim in old_claims {
            by_path.entry(&claim.path).or_default().0.push(claim);
        }
        for claim in new_claims {
            by_path.entry(&claim.path).or_default().1.push(claim);
        }
        for (old, new) in by_path.values() {
            diff_document(id, old, new, &mut drift);
        }
    }
    drift
}

fn diff_document(subject: &str, old: &[&LockedClaim], new: &[&LockedClaim], out: &mut Vec<Drift>) {
    let mut old_used = vec![false; old.len()];
    let mut new_used = vec![false; new.len()];
    // Same value and words, then same value: unchanged. Each new claim takes the first old
    // claim left with its key, read from a queue per key rather than by a search of them all.
    for same_words in [true, false] {
        let key = |claim: &'_ LockedClaim| (claim.value.clone(), same_words.then(|| claim.text.clone()));
        let mut waiting: std::collections::HashMap<_, std::collections::VecDeque<usize>> =
            std::collections::HashMap::new();
        for (o, old_claim) in old.iter().enumerate() {
            if !old_used[o] {
                waiting.entry(key(old_claim)).or_default().push_back(o);
            }
        }
        for (n, new_claim) in new.iter().enumerate() {
            if new_used[n] {
                continue;
            }
            if let Some(o) = waiting.get_mut(&key(new_claim)).and_then(|queue| queue.pop_front()) {
                old_used[o] = true;
                new_used[n] = true;
            }
        }
    }
    let mut old_left = old.iter().zip(&old_used).filter(|(_, used)| !**used).map(|(c, _)| *c);
    let mut new_left = new.iter().zip(&new_used).filter(|(_, used)| !**used).map(|(c, _)| *c);
    loop {
        match (old_left.next(), new_left.next()) {
            (Some(old), Some(new)) => out.push(Drift::Changed {
                subject: subject.to_owned(),
                old: old.clone(),
                new: new.clone(),
            }),
            (Some(old), None) => out.push(Drift::Vanished {
                subject: subject.to_owned(),
                old: old.clone(),
            }),
            (None, Some(new)) => out.push(Drift::Appeared {
                subject: subject.to_owned(),
                new: new.clone(),
            }),
            (None, None) => break,
        }
    }
}

fn single_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A TOML basic string.
fn quote(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(value: &str, text: &str, path: &str) -> LockedClaim {
        LockedClaim {
            value: value.into(),
            text: text.into(),
            path: path.into(),
            date: Some("2020-02-12".into()),
            source: Some("Reuters \"wire\"".into()),
            claim: None,
        }
    }

    fn lock(entries: &[(&str, LockedClaim)]) -> Lock {
        let mut lock = Lock::default();
        for (id, c) in entries {
            lock.subjects.entry((*id).to_owned()).or_default().push(c.clone());
        }
        lock
    }

    #[test]
    fn the_rules_a_lock_was_made_with_read_back_and_compare() {
        let mut original = lock(&[("s", claim("500 trainers", "500 trainers", "a.md"))]);
        original.rules = vec![
            LockedRules::new(BUILT_IN, &["pack", "lexicon"]),
            LockedRules::new("my.rules.toml", &["[[subject]]"]),
        ];
        let text = original.render();
        assert!(text.starts_with("# claimlint.lock"), "{text}");
        assert!(text.contains("version = 2\n"), "{text}");
        assert!(text.contains("{ name = \"my.rules.toml\", hash = \""), "{text}");
        assert_eq!(Lock::parse("claimlint.lock", &text).unwrap(), original);

        let same = RulesChange::between(&original.rules, &original.rules.clone());
        assert!(same.is_empty());
        let without = RulesChange::between(&original.rules, &original.rules[..1]);
        assert_eq!(without.missing, ["my.rules.toml"]);
        assert_eq!(without.describe(), "`my.rules.toml` not loaded by this run");
        let edited = vec![
            LockedRules::new(BUILT_IN, &["pack", "lexicon"]),
            LockedRules::new("my.rules.toml", &["[[entity]]"]),
            LockedRules::new("more.rules.toml", &[""]),
        ];
        let change = RulesChange::between(&original.rules, &edited);
        assert_eq!(change.changed, ["my.rules.toml"]);
        assert_eq!(change.added, ["more.rules.toml"]);
        assert!(change.missing.is_empty());
        // A version 1 lock recorded no rules: nothing to compare.
        assert!(RulesChange::between(&[], &edited).is_empty());
    }

    #[test]
    fn a_version_1_lock_still_reads() {
        let text = "version = 1\n\n[[subject]]\nid = \"s\"\nclaims = [\n  { value = \"5\", text = \"5\", path = \"a.md\" },\n]\n";
        let lock = Lock::parse("claimlint.lock", text).unwrap();
        assert!(lock.rules.is_empty());
        assert_eq!(lock.subjects["s"].len(), 1);
    }

    #[test]
    fn a_rendered_lock_reads_back() {
        let original = lock(&[
            ("nato/personnel", claim("500 trainers", "500 trainers", "a.md")),
            (
                "nato/personnel",
                claim("≈4,000 trainers · planned", "around 4,000", "b.md"),
            ),
            (
                "nato/secretary-general",
                claim("Jens Stoltenberg", "NATO chief Jens Stoltenberg", "a.md"),
            ),
        ]);
        let text = original.render();
        assert_eq!(Lock::parse("claimlint.lock", &text).unwrap(), original);
        assert!(
            !text.contains("line") && !text.contains("start"),
            "no positions: {text}"
        );
    }

    #[test]
    fn moved_text_is_no_drift_and_a_new_value_is_a_change() {
        let old = lock(&[
            ("s", claim("500 trainers", "500 trainers", "a.md")),
            ("s", claim("29 allies", "29 allies", "a.md")),
        ]);
        let reordered = lock(&[
            ("s", claim("29 allies", "29 allies", "a.md")),
            ("s", claim("500 trainers", "500 trainers", "a.md")),
        ]);
        assert!(diff(&old, &reordered).is_empty());
        let changed = lock(&[
            ("s", claim("29 allies", "29 allies", "a.md")),
            ("s", claim("600 trainers", "600 trainers", "a.md")),
            ("s", claim("30 allies", "30 allies", "b.md")),
        ]);
        let drift = diff(&old, &changed);
        assert_eq!(drift.len(), 2, "{drift:?}");
        assert!(
            matches!(&drift[0], Drift::Changed { old, new, .. } if old.value == "500 trainers" && new.value == "600 trainers")
        );
        assert!(matches!(&drift[1], Drift::Appeared { new, .. } if new.path == "b.md"));
        assert!(matches!(&diff(&changed, &old)[1], Drift::Vanished { old, .. } if old.path == "b.md"));
    }

    #[test]
    fn a_subject_of_many_documents_and_a_document_of_many_claims_diff_claim_by_claim() {
        // 20,000 documents of one subject, each with its claim, and one document with 20,000
        // claims of it, written in another order the second time.
        let mut old = Vec::new();
        for doc in 0..20_000 {
            old.push(("s", claim("500 trainers", "500 trainers", &format!("d{doc:05}.md"))));
        }
        for i in 0..20_000 {
            let value = format!("{} trainers", i % 1000);
            old.push(("s", claim(&value, &value, "big.md")));
        }
        let mut new = old.clone();
        new[20_000..].reverse();
        new[7].1.value = "600 trainers".into();
        new[30_000].1.value = "a new figure".into();
        let drift = diff(&lock(&old), &lock(&new));
        assert_eq!(drift.len(), 2, "{drift:?}");
        assert!(matches!(&drift[0], Drift::Changed { old, new, .. }
            if old.path == "big.md" && new.value == "a new figure"));
        assert!(matches!(&drift[1], Drift::Changed { old, new, .. }
            if old.path == "d00007.md" && old.value == "500 trainers" && new.value == "600 trainers"));
    }

    #[test]
    fn a_malformed_lock_is_an_error_with_its_place() {
        let error = Lock::parse("claimlint.lock", "version = 1\n[[subject]]\nid = \"s\"\nclaimz = []\n").unwrap_err();
        assert_eq!((error.line, error.column), (4, 1));
        assert!(error.message.contains("did you mean `claims`"), "{}", error.message);
        let future = Lock::parse("claimlint.lock", "version = 9\n").unwrap_err();
        assert!(
            future.message.contains("version 9 is not supported"),
            "{}",
            future.message
        );
    }
}
