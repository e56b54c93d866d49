//! The baseline file `claimlint baseline` writes: the fingerprints of known findings, which
//! `check --baseline FILE` leaves out of its report.

use std::collections::HashSet;

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

    /// The fingerprints in a baseline file's text; an error names the line and column.
    pub fn parse(path: &str, text: &str) -> Result<HashSet<String>, String> {
        let baseline: Self = serde_json::from_str(text)
            .map_err(|e| format!("{path}:{}:{}: not a claimlint baseline: {e}", e.line(), e.column()))?;
        Ok(baseline.findings.into_iter().map(|f| f.fingerprint).collect())
    }
}
