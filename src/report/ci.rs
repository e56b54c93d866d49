//! The formats CI systems read: GitHub workflow commands, GitLab Code Quality, JUnit XML, and
//! a Markdown summary for a pull-request comment or `$GITHUB_STEP_SUMMARY`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use serde::Serialize;

use super::Run;
use super::escape::{markdown, markdown_code, visible};
use crate::rules::{Finding, Severity};

/// GitHub shows at most this many annotations of each level per step.
const GITHUB_ANNOTATIONS_PER_LEVEL: usize = 10;

/// Escapes workflow-command data: `%`, CR and LF. Any other control character (ESC, which
/// the log would act on) is shown as an escape.
fn github_data(text: &str) -> String {
    let text = text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    visible(&text).into_owned()
}

/// Escapes a workflow-command property: data escapes plus `:` and `,`.
fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`, most severe first;
/// past ten of a level a final notice counts what GitHub would not show.
pub fn write_github(out: &mut dyn Write, run: &Run<'_>) -> io::Result<()> {
    let mut ordered: Vec<&Finding> = run.findings.iter().collect();
    ordered.sort_by_key(|f| std::cmp::Reverse(f.severity));
    let mut shown: BTreeMap<Severity, usize> = BTreeMap::new();
    let mut hidden = 0;
    for finding in ordered {
        let (places, left) = run.quoted_places(finding);
        let Some((at, others)) = places.split_first() else {
            continue;
        };
        let count = shown.entry(finding.severity).or_default();
        if *count == GITHUB_ANNOTATIONS_PER_LEVEL {
            hidden += 1;
            continue;
        }
        *count += 1;
        let command = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut message = finding.message.clone();
        for other in others {
            let _ = write!(
                message,
                "\n  also “{}” at {}:{}:{}",
                visible(other.text),
                visible(other.path),
                other.line,
                other.column
            );
        }
        if left > 0 {
            let _ = write!(message, "\n  and {left} more claim(s)");
        }
        writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            github_property(at.path),
            at.line,
            at.column,
            at.end_line,
            at.end_column,
            github_property(&format!("claimlint {}", finding.rule)),
            github_data(&message)
        )?;
    }
    if hidden > 0 {
        writeln!(
            out,
            "::notice title=claimlint::{hidden} more finding(s) not shown as annotations; run claimlint check locally or use --format sarif for all of them"
        )?;
    }
    Ok(())
}

#[derive(Serialize)]
struct CodeQualityIssue<'a> {
    description: String,
    check_name: &'static str,
    fingerprint: String,
    severity: &'static str,
    location: CodeQualityLocation<'a>,
}

#[derive(Serialize)]
struct CodeQualityLocation<'a> {
    path: &'a str,
    lines: CodeQualityLines,
}

#[derive(Serialize)]
struct CodeQualityLines {
    begin: usize,
}

/// GitLab Code Quality: a JSON array of issues, each with a unique fingerprint.
pub fn write_gitlab(out: &mut dyn Write, run: &Run<'_>) -> io::Result<()> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let issues: Vec<CodeQualityIssue<'_>> = run
        .findings
        .iter()
        .filter_map(|finding| {
            let places = run.places(finding);
            let at = places.first()?;
            let base = run.fingerprint(finding);
            let repeat = seen.entry(base.clone()).or_default();
            *repeat += 1;
            let fingerprint = if *repeat == 1 { base } else { format!("{base}-{repeat}") };
            Some(CodeQualityIssue {
                description: finding.message.clone(),
                check_name: finding.rule,
                fingerprint,
                severity: match finding.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                    Severity::Info => "info",
                },
                location: CodeQualityLocation {
                    path: at.path,
                    lines: CodeQualityLines { begin: at.line },
                },
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &issues)?;
    out.write_all(b"\n")
}

/// Text escaped for XML and HTML, without the control characters XML 1.0 forbids.
pub(super) fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 allows no other control characters, nor U+FFFE and U+FFFF.
            c if c.is_control() && !matches!(c, '\n' | '\t' | '\r') => {}
            '\u{fffe}' | '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// JUnit XML: one test case per subject and per title checked; the findings of a subject are
/// one failure of its case (most consumers read one failure per case). A run with no subject
/// has one passing case per document read, so a clean run never reports zero tests.
pub fn write_junit(out: &mut dyn Write, run: &Run<'_>) -> io::Result<()> {
    let mut cases: BTreeMap<String, Vec<&Finding>> = BTreeMap::new();
    for subject in run.graph.subjects.iter().filter(|s| !s.claims.is_empty()) {
        cases.entry(subject.key.clone()).or_default();
    }
    for role in &run.graph.roles {
        cases.entry(format!("role/{}", role.key.replace(' ', "-"))).or_default();
    }
    for finding in run.findings {
        let key = finding.subject.clone().unwrap_or_else(|| finding.rule.to_owned());
        cases.entry(key).or_default().push(finding);
    }
    if cases.is_empty() {
        for document in run.documents {
            let path = document.file.path.strip_prefix("./").unwrap_or(&document.file.path);
            cases.entry(format!("document/{path}")).or_default();
        }
    }
    let failures = cases.values().filter(|f| !f.is_empty()).count();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="claimlint" tests="{}" failures="{failures}">"#,
        cases.len()
    )?;
    writeln!(
        out,
        r#"  <testsuite name="claimlint" tests="{}" failures="{failures}">"#,
        cases.len()
    )?;
    for (subject, findings) in &cases {
        let name = xml(subject);
        if findings.is_empty() {
            writeln!(out, r#"    <testcase classname="claimlint" name="{name}"/>"#)?;
            continue;
        }
        writeln!(out, r#"    <testcase classname="claimlint" name="{name}">"#)?;
        let mut rules: Vec<&str> = Vec::new();
        for finding in findings {
            if !rules.contains(&finding.rule) {
                rules.push(finding.rule);
            }
        }
        let message = match findings.len() {
            1 => findings[0].message.clone(),
            n => format!("{n} findings: {}", findings[0].message),
        };
        let mut body = String::new();
        for (i, finding) in findings.iter().enumerate() {
            if findings.len() > 1 {
                let _ = writeln!(
                    body,
                    "{}{}: {}",
                    if i > 0 { "\n" } else { "" },
                    finding.rule,
                    finding.message
                );
            }
            let (places, left) = run.quoted_places(finding);
            for at in places {
                // One line per place: a newline in a path must not start another.
                let _ = writeln!(
                    body,
                    "{}:{}:{}: “{}”",
                    visible(at.path),
                    at.line,
                    at.column,
                    visible(at.text)
                );
            }
            if left > 0 {
                let _ = writeln!(body, "and {left} more claim(s)");
            }
            if let Some(timeline) = &finding.timeline {
                let _ = writeln!(body, "timeline: {}", visible(timeline));
            }
        }
        writeln!(
            out,
            r#"      <failure type="{}" message="{}">{}</failure>"#,
            xml(&rules.join(" ")),
            xml(&message),
            xml(&body)
        )?;
        writeln!(out, "    </testcase>")?;
    }
    writeln!(out, "  </testsuite>")?;
    writeln!(out, "</testsuites>")
}

/// A Markdown summary: counts, a table of findings, and the timelines.
pub fn write_markdown(out: &mut dyn Write, run: &Run<'_>) -> io::Result<()> {
    let (errors, warnings, infos) = run.counts();
    writeln!(out, "## claimlint")?;
    writeln!(out)?;
    writeln!(
        out,
        "**{} finding(s)** — {errors} error(s), {warnings} warning(s), {infos} info — in {} document(s), {} claim(s).",
        run.findings.len(),
        run.documents.len(),
        run.claims.len()
    )?;
    let undated = run.undated();
    if !undated.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{} document(s) have no date, so their claims are not compared over time: {}.",
            undated.len(),
            super::some_of(
                &undated.iter().map(|p| markdown_code(p, false)).collect::<Vec<_>>(),
                super::UNDATED_NAMED
            )
        )?;
    }
    if run.findings.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "| Severity | Rule | Finding | Where |")?;
    writeln!(out, "|---|---|---|---|")?;
    for finding in run.findings {
        let (quoted, left) = run.quoted_places(finding);
        let mut places: Vec<String> = quoted
            .iter()
            .map(|at| {
                format!(
                    "{} “{}”",
                    markdown_code(&format!("{}:{}", at.path, at.line), true),
                    markdown(at.text)
                )
            })
            .collect();
        if left > 0 {
            places.push(format!("and {left} more claim(s)"));
        }
        writeln!(
            out,
            "| {} | `{}` | {} | {} |",
            match finding.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "info",
            },
            finding.rule,
            markdown(&finding.message),
            places.join("<br>")
        )?;
    }
    let timelines: Vec<&Finding> = run.findings.iter().filter(|f| f.timeline.is_some()).collect();
    if !timelines.is_empty() {
        writeln!(out)?;
        writeln!(out, "### Timelines")?;
        writeln!(out)?;
        for finding in timelines {
            let subject = finding.subject.as_deref().unwrap_or(finding.rule);
            writeln!(
                out,
                "- **{}**: {}",
                markdown(subject),
                markdown(finding.timeline.as_deref().unwrap_or(""))
            )?;
        }
    }
    Ok(())
}
