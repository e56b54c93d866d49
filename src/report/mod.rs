//! Report: findings and claims rendered for people and for tools.
//!
//! `text` reads like a compiler's diagnostics (annotate-snippets), `json` is the findings
//! document, `graph` exports the claim graph as DOT or JSON, and [`ClaimRecord`] is the public claim record of `extract --format jsonl`
//! (`claims`).
//!
//! **Invariant:** renderers are pure functions of a [`Run`]; they never filter, re-rank or change
//! severity, and they write only to the writer they are given.

mod claims;
mod graph;
mod json;
mod text;

use crate::documents::{Document, Skipped};
use crate::extract::Claim;
use crate::link::ClaimGraph;
use crate::rules::{Finding, Severity};

pub use claims::{ClaimRecord, claim_record, write_claims_json, write_claims_jsonl, write_claims_text};
pub use graph::{GraphEdge, GraphExport, GraphNode, export as graph_export, write_graph_dot, write_graph_json};
pub use json::write_json;
pub use text::write_text;

/// Everything a report is made from.
pub struct Run<'a> {
    pub documents: &'a [Document],
    pub claims: &'a [Claim],
    pub graph: &'a ClaimGraph,
    pub findings: &'a [Finding],
    pub skipped: &'a [Skipped],
    /// Say for each quoted claim why it was linked (`check --explain-links`).
    pub explain_links: bool,
}

impl Run<'_> {
    /// Number of findings at each severity: (errors, warnings, infos).
    pub fn counts(&self) -> (usize, usize, usize) {
        let count = |s: Severity| self.findings.iter().filter(|f| f.severity == s).count();
        (count(Severity::Error), count(Severity::Warning), count(Severity::Info))
    }

    /// Paths of the documents without a date: their claims make no change or contradiction by
    /// time.
    pub fn undated(&self) -> Vec<&str> {
        self.documents
            .iter()
            .filter(|d| d.meta.date.is_none())
            .map(|d| d.file.path.as_str())
            .collect()
    }
}

/// What a user does about an undated document.
pub const UNDATED_HELP: &str =
    "give each a `date:` in its front matter, a dateline, or a [[document]] entry in claimlint.toml";
