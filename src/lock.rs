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
//! ```toml
//! version = 1
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
const VERSION: u32 = 1;

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

/// Claims by subject id, both sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lock {
    pub subjects: BTreeMap<String, Vec<LockedClaim>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLock {
    version: u32,
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
        Self { subjects }
    }

    /// The lock file's text.
    pub fn render(&self) -> String {
        let mut out = String::new();
        out.push_str("# claimlint.lock: the reviewed claims of this document set, by subject.\n");
        out.push_str("# Written by `claimlint lock`; `claimlint check` reports claims that differ from it.\n");
        let _ = writeln!(out, "version = {VERSION}");
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
        if raw.version != VERSION {
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
        Ok(Self { subjects })
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
