//! Suppressions: findings a team has looked at and chosen to keep quiet.
//!
//! Two kinds. In Markdown and HTML, comments next to the text:
//!
//! ```markdown
//! <!-- claimlint-disable-next-line numeric-change -->
//! The mission grew to 4,000 trainers.
//!
//! <!-- claimlint-disable numeric-contradiction, numeric-change -->
//! …
//! <!-- claimlint-enable -->
//! ```
//!
//! and, for any file, `[[ignore]]` entries in `claimlint.toml` (a path glob, a rule, a subject
//! and the reason). A finding is suppressed when one of its claims lies where a comment silences
//! its rule, or when an ignore entry matches its rule, its subject and the path of one of its
//! claims. A suppression that silences nothing is reported, so stale ones do not pile up.

use std::ops::Range;

use globset::GlobMatcher;

use super::{Finding, Site, declare_rule};
use crate::documents::Document;
use crate::extract::Claim;

declare_rule! {
    /// ## What it finds
    /// A suppression that silences nothing: a `claimlint-disable` comment, or an `[[ignore]]`
    /// entry of `claimlint.toml`, that no finding of this run matches.
    ///
    /// ## Why it matters
    /// Suppressions outlive the text they were written for. One that no longer matches hides
    /// nothing today but would hide a real finding tomorrow, and tells readers of the file
    /// about a problem that is gone.
    ///
    /// ## Example
    /// ```markdown
    /// <!-- claimlint-disable-next-line numeric-change -->
    /// The mission has 500 trainers.        (no change is found here any more)
    /// ```
    pub UnusedSuppression { name: "unused-suppression", severity: Warning }
}

/// What a comment asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    NextLine,
    Disable,
    Enable,
}

/// One `claimlint-…` comment of a document.
#[derive(Debug, Clone)]
struct Directive {
    doc: usize,
    action: Action,
    /// Rule names; empty for every rule.
    rules: Vec<String>,
    comment: Range<usize>,
}

impl Directive {
    fn parse(doc: usize, comment: Range<usize>, text: &str) -> Option<Self> {
        let text = text.trim();
        let (action, rest) = [
            ("claimlint-disable-next-line", Action::NextLine),
            ("claimlint-disable", Action::Disable),
            ("claimlint-enable", Action::Enable),
        ]
        .iter()
        .find_map(|&(word, action)| {
            let rest = text.strip_prefix(word)?;
            (rest.is_empty() || rest.starts_with(char::is_whitespace)).then_some((action, rest))
        })?;
        let rules = rest
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|r| !r.is_empty())
            .map(str::to_owned)
            .collect();
        Some(Self {
            doc,
            action,
            rules,
            comment,
        })
    }

    fn covers(&self, rule: &str) -> bool {
        self.rules.is_empty() || self.rules.iter().any(|r| r == rule)
    }
}

/// Where a comment silences a rule: a byte range of one document.
#[derive(Debug, Clone)]
struct Region {
    directive: usize,
    range: Range<usize>,
}

/// An `[[ignore]]` entry of the config, ready to match.
#[derive(Debug, Clone)]
pub struct Ignore {
    pub path: Option<GlobMatcher>,
    pub rule: Option<String>,
    pub subject: Option<String>,
    pub reason: Option<String>,
    /// Where the entry is written, for reporting it unused.
    pub site: Site,
}

/// Removes suppressed findings and adds one `unused-suppression` finding per suppression
/// that silenced nothing. `paths` holds each document's path as ignore globs see it
/// (relative to the config's folder); it may be empty when no entry has a path glob.
pub fn apply(
    findings: Vec<Finding>,
    claims: &[Claim],
    documents: &[Document],
    paths: &[String],
    ignores: &[Ignore],
) -> Vec<Finding> {
    let directives: Vec<Directive> = documents
        .iter()
        .enumerate()
        .flat_map(|(doc, document)| {
            document
                .comments
                .iter()
                .filter_map(move |c| Directive::parse(doc, c.range.clone(), &c.text))
        })
        .collect();
    let regions = regions(&directives, documents);
    // The regions of each document: a finding looks only at those of its claims' documents.
    let mut regions_of: std::collections::HashMap<usize, Vec<&Region>> = std::collections::HashMap::new();
    for region in &regions {
        regions_of
            .entry(directives[region.directive].doc)
            .or_default()
            .push(region);
    }
    let mut directive_used = vec![false; directives.len()];
    let mut ignore_used = vec![false; ignores.len()];

    let mut kept = Vec::with_capacity(findings.len());
    for finding in findings {
        let mut suppressed = false;
        if !regions_of.is_empty() {
            for &c in &finding.claims {
                let Some(regions) = regions_of.get(&claims[c].doc) else {
                    continue;
                };
                for region in regions {
                    if directives[region.directive].covers(finding.rule) && region.range.contains(&claims[c].span.start)
                    {
                        directive_used[region.directive] = true;
                        suppressed = true;
                    }
                }
            }
        }
        for (index, ignore) in ignores.iter().enumerate() {
            let rule_matches = ignore.rule.as_deref().is_none_or(|r| r == finding.rule);
            let subject_matches = ignore
                .subject
                .as_deref()
                .is_none_or(|s| finding.subject.as_deref() == Some(s));
            let path_matches = ignore.path.as_ref().is_none_or(|glob| {
                finding.claims.iter().any(|&c| glob.is_match(&paths[claims[c].doc]))
                    || finding.site.as_ref().is_some_and(|site| glob.is_match(&site.path))
            });
            if rule_matches && subject_matches && path_matches {
                ignore_used[index] = true;
                suppressed = true;
            }
        }
        if !suppressed {
            kept.push(finding);
        }
    }

    for (directive, _) in directives
        .iter()
        .zip(&directive_used)
        .filter(|(d, used)| !**used && d.action != Action::Enable)
    {
        let file = &documents[directive.doc].file;
        let (line, column) = file.line_col(directive.comment.start);
        kept.push(unused(
            Site {
                path: file.path.clone(),
                line,
                column,
                text: file.slice(directive.comment.clone()).to_owned(),
            },
            "this suppression comment silences no finding; remove it",
        ));
    }
    for (ignore, _) in ignores.iter().zip(&ignore_used).filter(|(_, used)| !**used) {
        let reason = ignore
            .reason
            .as_deref()
            .map(|r| format!(" (reason given: {r})"))
            .unwrap_or_default();
        kept.push(unused(
            ignore.site.clone(),
            &format!("this [[ignore]] entry matches no finding{reason}; remove it"),
        ));
    }
    kept
}

fn unused(site: Site, message: &str) -> Finding {
    Finding {
        rule: UnusedSuppression::META.name,
        severity: UnusedSuppression::META.default_severity,
        subject: None,
        message: message.to_owned(),
        claims: Vec::new(),
        timeline: None,
        site: Some(site),
    }
}

/// The byte ranges each comment silences: the next line with text after a
/// `disable-next-line`; from a `disable` to the `enable` that names its rules (or any bare
/// `enable`), else to the end of the file.
fn regions(directives: &[Directive], documents: &[Document]) -> Vec<Region> {
    let mut regions = Vec::new();
    for (index, directive) in directives.iter().enumerate() {
        let file = &documents[directive.doc].file;
        match directive.action {
            Action::NextLine => {
                let mut line = file.line_range(directive.comment.end);
                // The comment's own line, then blank lines, are skipped.
                loop {
                    let next = (line.end + 1).min(file.len());
                    if next >= file.len() {
                        break;
                    }
                    line = file.line_range(next);
                    if !file.slice(line.clone()).trim().is_empty() {
                        break;
                    }
                }
                regions.push(Region {
                    directive: index,
                    range: line,
                });
            }
            Action::Disable => {
                let end = directives[index + 1..]
                    .iter()
                    .take_while(|d| d.doc == directive.doc)
                    .find(|d| {
                        d.action == Action::Enable
                            && (d.rules.is_empty() || directive.rules.iter().all(|r| d.rules.contains(r)))
                    })
                    .map_or(file.len(), |d| d.comment.start);
                regions.push(Region {
                    directive: index,
                    range: directive.comment.end..end,
                });
            }
            Action::Enable => {}
        }
    }
    regions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_directives_and_their_rules() {
        let d = Directive::parse(0, 0..1, " claimlint-disable-next-line numeric-change, name-variant ").unwrap();
        assert_eq!(d.action, Action::NextLine);
        assert_eq!(d.rules, ["numeric-change", "name-variant"]);
        assert!(d.covers("name-variant") && !d.covers("role-change"));
        let all = Directive::parse(0, 0..1, "claimlint-disable").unwrap();
        assert_eq!(all.action, Action::Disable);
        assert!(all.covers("anything"));
        assert!(Directive::parse(0, 0..1, "claimlint-disabled").is_none());
        assert!(Directive::parse(0, 0..1, "a note about claimlint").is_none());
    }
}
