//! Report: findings and claims rendered for people and for tools.
//!
//! `text` reads like a compiler's diagnostics (annotate-snippets), `json` is the findings
//! document, `graph` exports the claim graph as DOT or JSON, and [`ClaimRecord`] is the public claim record of `extract --format jsonl`
//! (`claims`).
//!
//! **Invariant:** renderers are pure functions of a [`Run`]; they never filter, re-rank or change
//! severity, and they write only to the writer they are given.

mod ci;
mod claims;
pub mod escape;
mod graph;
mod html;
mod json;
mod sarif;
mod text;

use crate::documents::{Document, Skipped};
use crate::extract::Claim;
use crate::link::ClaimGraph;
use crate::rules::{Finding, Severity, describe};

pub use ci::{write_github, write_gitlab, write_junit, write_markdown};
pub use claims::{
    ClaimRecord, claim_record, write_claims_json, write_claims_json_items, write_claims_jsonl, write_claims_text,
};
pub use graph::{GraphEdge, GraphExport, GraphNode, export as graph_export, write_graph_dot, write_graph_json};
pub use html::write_html;
pub use json::write_json;
pub use sarif::write_sarif;
pub use text::write_text;

/// How much of a run's numbers the linker could place: a check that links nothing sees
/// nothing, and must not pass for a clean one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Linkage {
    /// Claims with a value (counts, money, percents, measures), outside boilerplate.
    pub numeric: usize,
    /// Of those, the claims linked to a subject.
    pub linked: usize,
    pub subjects: usize,
}

impl Linkage {
    /// Claims enough to expect subjects, and none found.
    pub fn sees_nothing(&self) -> bool {
        self.numeric >= BLIND_AT && self.subjects == 0
    }
}

/// How many numeric claims a set needs before finding no subject in it is worth a warning.
pub const BLIND_AT: usize = 10;

/// A claim with a value outside boilerplate: what linking is expected to place.
fn counts_for_linkage(claim: &Claim) -> bool {
    claim.value.is_some() && !claim.boilerplate
}

/// Everything a report is made from.
pub struct Run<'a> {
    pub documents: &'a [Document],
    pub claims: &'a [Claim],
    pub graph: &'a ClaimGraph,
    pub findings: &'a [Finding],
    pub skipped: &'a [Skipped],
    /// Say for each quoted claim why it was linked (`check --explain-links`).
    pub explain_links: bool,
    /// The config file the run read, if any.
    pub config: Option<&'a str>,
    /// The rule files the run loaded after the built-in pack.
    pub rule_files: &'a [String],
}

impl Run<'_> {
    /// Number of findings at each severity: (errors, warnings, infos).
    pub fn counts(&self) -> (usize, usize, usize) {
        let count = |s: Severity| self.findings.iter().filter(|f| f.severity == s).count();
        (count(Severity::Error), count(Severity::Warning), count(Severity::Info))
    }

    /// Numeric claims, how many of them are linked to a subject, and the subjects in use.
    pub fn linkage(&self) -> Linkage {
        let numeric = self.claims.iter().filter(|c| counts_for_linkage(c)).count();
        Linkage {
            numeric,
            linked: numeric - self.unlinked().count(),
            subjects: self.graph.subjects.iter().filter(|s| !s.claims.is_empty()).count(),
        }
    }

    /// The numeric claims outside boilerplate that no subject took, in order.
    pub fn unlinked(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.claims.len()).filter(|&i| counts_for_linkage(&self.claims[i]) && self.graph.subject_of(i).is_none())
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

impl Run<'_> {
    /// Paths of the documents that state no date and were dated by the latest day their text
    /// names, read against the set's dates.
    pub fn dated_from_text(&self) -> Vec<&str> {
        self.documents
            .iter()
            .filter(|d| d.meta.date_origin == Some(crate::documents::DateOrigin::LatestInText))
            .map(|d| d.file.path.as_str())
            .collect()
    }
}

/// How many claims of one finding the reports for people (text, GitHub, JUnit, Markdown)
/// quote: a finding about thousands of claims quotes this many, spread over them, and says how
/// many it leaves out. JSON and SARIF list every claim.
pub const QUOTED: usize = 50;

/// `limit` of `claims`, the first and the last among them, evenly spaced in their order.
pub fn spread_evenly(claims: &[usize], limit: usize) -> Vec<usize> {
    if claims.len() <= limit || limit < 2 {
        return claims.iter().take(limit).copied().collect();
    }
    (0..limit)
        .map(|i| claims[i * (claims.len() - 1) / (limit - 1)])
        .collect()
}

/// How many undated documents a note names before it counts the rest.
pub const UNDATED_NAMED: usize = 10;

/// `a, b, c`, or `a, b, … and 7 more` past the first `named` names: a note on a large set
/// names some documents, not every one.
pub fn some_of<S: AsRef<str>>(names: &[S], named: usize) -> String {
    let shown: Vec<&str> = names.iter().take(named).map(AsRef::as_ref).collect();
    match names.len() - shown.len() {
        0 => shown.join(", "),
        more => format!("{}, … and {more} more", shown.join(", ")),
    }
}

/// What a user does about an undated document.
pub const UNDATED_HELP: &str =
    "give each a `date:` in its front matter, a dateline, or a [[document]] entry in claimlint.toml";

impl Run<'_> {
    /// Where a claim is: path (without a leading `./`), and 1-based line and column (in characters) of its start and end.
    pub fn location(&self, claim: usize) -> Location<'_> {
        let claim = &self.claims[claim];
        let file = &self.documents[claim.doc].file;
        let (line, column) = file.line_col(claim.span.start);
        let (end_line, end_column) = file.line_col(claim.span.end);
        Location {
            // CI systems resolve paths against the checkout: `./a.md` is `a.md`.
            path: file.path.strip_prefix("./").unwrap_or(&file.path),
            line,
            column,
            end_line,
            end_column,
            text: file.slice(claim.span.clone()),
        }
    }

    /// Where a finding stands: each of its claims, or its site when it quotes none. The first
    /// is the primary location.
    pub fn places<'f>(&'f self, finding: &'f Finding) -> Vec<Location<'f>> {
        if finding.claims.is_empty() {
            return finding
                .site
                .iter()
                .map(|site| Location {
                    path: site.path.strip_prefix("./").unwrap_or(&site.path),
                    line: site.line,
                    column: site.column,
                    end_line: site.line,
                    end_column: site.column + site.text.chars().count(),
                    text: &site.text,
                })
                .collect();
        }
        finding.claims.iter().map(|&c| self.location(c)).collect()
    }

    /// The claims a report for people quotes of `finding` (all of them, or past [`QUOTED`]
    /// that many spread evenly over them), and how many it leaves out.
    pub fn quoted(&self, finding: &Finding) -> (Vec<usize>, usize) {
        let quoted = spread_evenly(&finding.claims, QUOTED);
        let left = finding.claims.len() - quoted.len();
        (quoted, left)
    }

    /// [`Run::places`] of the claims [`Run::quoted`] quotes, and how many are left out.
    pub fn quoted_places<'f>(&'f self, finding: &'f Finding) -> (Vec<Location<'f>>, usize) {
        if finding.claims.is_empty() {
            return (self.places(finding), 0);
        }
        let (quoted, left) = self.quoted(finding);
        (quoted.into_iter().map(|c| self.location(c)).collect(), left)
    }

    /// A finding's identity: its rule, subject and the values it quotes, never line numbers or
    /// offsets, so it survives edits that only move text. Sixteen hex digits.
    pub fn fingerprint(&self, finding: &Finding) -> String {
        let values = self.identity_values(finding);
        let identity = format!(
            "{}\u{1f}{}\u{1f}{}",
            finding.rule,
            finding.subject.as_deref().unwrap_or(""),
            values.join("\u{1f}")
        );
        // FNV-1a: stable across platforms and releases, unlike `DefaultHasher`.
        let hash = identity.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        });
        format!("{hash:016x}")
    }
}

impl Run<'_> {
    /// What a claim says, as a finding's identity counts it: its value, the person holding a
    /// role, or its words.
    pub fn identity_value(&self, claim: usize) -> String {
        let found = &self.claims[claim];
        match (&found.value, &found.role) {
            (Some(value), _) => describe(value),
            (None, Some(role)) => role.person.clone(),
            (None, None) => self.location(claim).text.to_owned(),
        }
    }

    /// The values a finding quotes, sorted and each once: with its rule and subject, what
    /// the finding is ([`Run::fingerprint`]).
    pub fn identity_values(&self, finding: &Finding) -> Vec<String> {
        let mut values: Vec<String> = finding
            .claims
            .iter()
            .map(|&c| self.identity_value(c))
            .chain(finding.site.iter().map(|site| site.text.clone()))
            .collect();
        values.sort_unstable();
        values.dedup();
        values
    }
}

/// A claim's place in its file, for the CI formats.
pub struct Location<'a> {
    pub path: &'a str,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub text: &'a str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spread_keeps_the_ends_and_steps_evenly() {
        let claims: Vec<usize> = (100..110).collect();
        assert_eq!(spread_evenly(&claims, 20), claims);
        assert_eq!(spread_evenly(&claims, 4), [100, 103, 106, 109]);
        assert_eq!(spread_evenly(&(0..10_000).collect::<Vec<_>>(), QUOTED).len(), QUOTED);
        assert_eq!(spread_evenly(&claims, 1), [100]);
    }

    #[test]
    fn a_long_list_names_some_and_counts_the_rest() {
        assert_eq!(some_of(&["a", "b"], 2), "a, b");
        assert_eq!(some_of(&["a", "b", "c", "d"], 2), "a, b, … and 2 more");
        assert_eq!(some_of::<&str>(&[], 2), "");
    }
}
