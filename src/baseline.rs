//! The baseline file `claimlint baseline` writes: the fingerprints of known findings, which
//! `check --baseline FILE` leaves out of its report, and the values each quotes, so that a
//! known finding a new claim joins is reported for that claim alone.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

/// The file name `claimlint baseline` writes beside the config.
pub const FILE_NAME: &str = "claimlint-baseline.json";

/// A JSON document whose `findings` carry the fingerprints to leave out.
#[derive(Debug, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<BaselineEntry>,
}

/// One known finding. Only the fingerprint is compared; the rest is there for a reader.
#[derive(Debug, Serialize, Deserialize)]
pub struct BaselineEntry {
    pub fingerprint: String,
    pub rule: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    pub message: String,
    /// The values the finding quotes (its identity besides rule and subject), sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
}

/// What a baseline knows.
#[derive(Debug, Default)]
pub struct Known {
    fingerprints: HashSet<String>,
    /// The values of each known finding, by rule and subject.
    values: HashMap<(String, Option<String>), Vec<HashSet<String>>>,
}

/// What a finding of today is to a baseline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Novelty {
    /// The baseline holds it, or holds a finding of the same rule and subject that quotes
    /// every value it quotes.
    Known,
    /// Nothing like it is known.
    New,
    /// A known finding of the same rule and subject grown by these values (sorted).
    Grown(Vec<String>),
}

impl Known {
    /// Whether a finding (its fingerprint, rule, subject and quoted values) is known, new, or
    /// a known one with new values. Of the known findings of its rule and subject, the one
    /// sharing the most values is the one it grew from; it must share at least one.
    pub fn judge(&self, fingerprint: &str, rule: &str, subject: Option<&str>, values: &[String]) -> Novelty {
        if self.fingerprints.contains(fingerprint) {
            return Novelty::Known;
        }
        let Some(candidates) = self.values.get(&(rule.to_owned(), subject.map(str::to_owned))) else {
            return Novelty::New;
        };
        let shared = |known: &HashSet<String>| values.iter().filter(|v| known.contains(*v)).count();
        let Some(best) = candidates.iter().max_by_key(|known| shared(known)) else {
            return Novelty::New;
        };
        if shared(best) == 0 {
            return Novelty::New;
        }
        let mut new: Vec<String> = values.iter().filter(|v| !best.contains(*v)).cloned().collect();
        new.sort();
        new.dedup();
        if new.is_empty() {
            Novelty::Known
        } else {
            Novelty::Grown(new)
        }
    }
}

impl Baseline {
    /// A baseline of `findings`, sorted by fingerprint with duplicates removed.
    pub fn new(mut findings: Vec<BaselineEntry>) -> Self {
        findings.sort_by(|a, b| a.fingerprint.cmp(&b.fingerprint));
        findings.dedup_by(|a, b| a.fingerprint == b.fingerprint);
        Self { version: 1, findings }
    }

    /// The file's text: pretty JSON ending in a newline.
    pub fn render(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("a baseline is plain data");
        text.push('\n');
        text
    }

    /// What a baseline file's text knows; an error names the line and column.
    pub fn parse(path: &str, text: &str) -> Result<Known, String> {
        let baseline: Self = serde_json::from_str(text)
            .map_err(|e| format!("{path}:{}:{}: not a claimlint baseline: {e}", e.line(), e.column()))?;
        let mut known = Known::default();
        for finding in baseline.findings {
            if !finding.values.is_empty() {
                known
                    .values
                    .entry((finding.rule, finding.subject))
                    .or_default()
                    .push(finding.values.into_iter().collect());
            }
            known.fingerprints.insert(finding.fingerprint);
        }
        Ok(known)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(fingerprint: &str, values: &[&str]) -> BaselineEntry {
        BaselineEntry {
            fingerprint: fingerprint.into(),
            rule: "numeric-contradiction".into(),
            subject: Some("nato/personnel".into()),
            message: String::new(),
            values: values.iter().map(|v| v.to_string()).collect(),
        }
    }

    #[test]
    fn a_known_finding_grown_by_a_value_is_new_only_in_that_value() {
        let text = Baseline::new(vec![entry("aa", &["500", "900"]), entry("bb", &["20", "30"])]).render();
        let known = Baseline::parse("b.json", &text).unwrap();
        let values = |v: &[&str]| v.iter().map(|v| v.to_string()).collect::<Vec<_>>();
        let judge = |fingerprint, rule, v: &[&str]| known.judge(fingerprint, rule, Some("nato/personnel"), &values(v));
        assert_eq!(judge("aa", "numeric-contradiction", &["500", "900"]), Novelty::Known);
        assert_eq!(
            judge("cc", "numeric-contradiction", &["1,500", "500", "900"]),
            Novelty::Grown(values(&["1,500"]))
        );
        assert_eq!(judge("dd", "numeric-contradiction", &["500"]), Novelty::Known);
        assert_eq!(judge("ee", "numeric-contradiction", &["1", "2"]), Novelty::New);
        assert_eq!(judge("ff", "numeric-change", &["500", "900", "1,500"]), Novelty::New);
    }

    #[test]
    fn a_baseline_without_values_still_hides_by_fingerprint() {
        let known = Baseline::parse(
            "b.json",
            r#"{"version": 1, "findings": [{"fingerprint": "aa", "rule": "numeric-change", "message": "m"}]}"#,
        )
        .unwrap();
        assert_eq!(known.judge("aa", "numeric-change", None, &[]), Novelty::Known);
        assert_eq!(known.judge("bb", "numeric-change", None, &["1".into()]), Novelty::New);
    }
}
