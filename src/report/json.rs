//! The findings document: `{"findings": [...], "summary": {...}}`.

use std::io::{self, Write};

use serde::Serialize;

use super::{ClaimRecord, Run, claim_record};
use crate::rules::Severity;

#[derive(Serialize)]
struct FindingRecord<'a> {
    rule: &'a str,
    severity: Severity,
    subject: Option<&'a str>,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    timeline: Option<&'a str>,
    claims: Vec<ClaimRecord>,
    /// Where a finding with no claims stands (a vanished claim, an unused suppression).
    #[serde(skip_serializing_if = "Option::is_none")]
    site: Option<SiteRecord<'a>>,
}

#[derive(Serialize)]
struct SiteRecord<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct SkippedRecord<'a> {
    path: &'a str,
    reason: &'a str,
}

#[derive(Serialize)]
struct Summary<'a> {
    documents: usize,
    claims: usize,
    /// Claims with a value, and how many of them were linked to a subject.
    numeric_claims: usize,
    linked_claims: usize,
    subjects: usize,
    findings: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    skipped: Vec<SkippedRecord<'a>>,
    /// Documents without a date; their claims are not compared over time.
    undated: Vec<&'a str>,
}

pub fn write_json(out: &mut dyn Write, run: &Run<'_>) -> io::Result<()> {
    let findings: Vec<FindingRecord<'_>> = run
        .findings
        .iter()
        .map(|f| FindingRecord {
            rule: f.rule,
            severity: f.severity,
            subject: f.subject.as_deref(),
            message: &f.message,
            timeline: f.timeline.as_deref(),
            claims: f
                .claims
                .iter()
                .map(|&c| claim_record(run.documents, run.claims, Some(run.graph), c))
                .collect(),
            site: f.site.as_ref().map(|site| SiteRecord {
                file: &site.path,
                line: site.line,
                column: site.column,
                text: &site.text,
            }),
        })
        .collect();
    let (errors, warnings, infos) = run.counts();
    let linkage = run.linkage();
    let summary = Summary {
        documents: run.documents.len(),
        claims: run.claims.len(),
        numeric_claims: linkage.numeric,
        linked_claims: linkage.linked,
        subjects: linkage.subjects,
        findings: run.findings.len(),
        errors,
        warnings,
        infos,
        skipped: run
            .skipped
            .iter()
            .map(|s| SkippedRecord {
                path: &s.path,
                reason: &s.reason,
            })
            .collect(),
        undated: run.undated(),
    };
    serde_json::to_writer_pretty(
        &mut *out,
        &serde_json::json!({ "findings": findings, "summary": summary }),
    )?;
    out.write_all(b"\n")
}
