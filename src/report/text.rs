//! The human report: one diagnostic per finding, compiler style.

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::escape::{visible, visible_line};
use super::{Run, UNDATED_HELP};
use crate::extract::{Modality, TimeSource};
use crate::rules::{Finding, Severity, describe};

/// Width the quoted source lines are trimmed to.
const WIDTH: usize = 100;

/// How many unlinked claims `--explain-links` lists.
const UNLINKED_LISTED: usize = 50;

const BLIND_HELP: &str = "`--explain-links` lists the claims left unlinked and why; a rule file's [[subject]] \
    can name what the documents count";

/// The findings, then (unless `quiet`) a summary line and a note on undated documents.
pub fn write_text(out: &mut dyn Write, run: &Run<'_>, color: bool, quiet: bool) -> io::Result<()> {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() }.term_width(WIDTH);
    for finding in run.findings {
        let rendered = renderer.render(&[group(run, finding)]);
        writeln!(out, "{rendered}\n")?;
    }
    if quiet {
        return Ok(());
    }
    let (errors, warnings, infos) = run.counts();
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("{n} {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    writeln!(
        out,
        "{} ({}, {}, {}) in {}, {}",
        plural(run.findings.len(), "finding"),
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(infos, "info"),
        plural(run.documents.len(), "document"),
        plural(run.claims.len(), "claim"),
    )?;
    let linkage = run.linkage();
    writeln!(
        out,
        "{} with a value: {} linked into {}, {} left unlinked",
        plural(linkage.numeric, "claim"),
        linkage.linked,
        plural(linkage.subjects, "subject"),
        linkage.numeric - linkage.linked,
    )?;
    // Which settings made this report: a stray config or rule file must not go unseen.
    writeln!(
        out,
        "config: {}; rules: {}",
        run.config.unwrap_or("none"),
        ["built-in"]
            .into_iter()
            .chain(run.rule_files.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(", ")
    )?;
    if run.explain_links {
        for index in run.unlinked().take(UNLINKED_LISTED) {
            let claim = &run.claims[index];
            let doc = &run.documents[claim.doc];
            let (line, column) = doc.file.line_col(claim.span.start);
            let why = if claim.context.partitive {
                "a part of a larger group, which speaks for no whole"
            } else {
                "its sentence names no counted thing, owner or measure verb claimlint knows"
            };
            writeln!(
                out,
                "unlinked: {}:{line}:{column}: “{}”: {why}",
                visible(&doc.file.path),
                visible(doc.file.slice(claim.span.clone()))
            )?;
        }
        let unlinked = linkage.numeric - linkage.linked;
        if unlinked > UNLINKED_LISTED {
            writeln!(out, "unlinked: … and {} more", unlinked - UNLINKED_LISTED)?;
        }
    }
    if linkage.sees_nothing() {
        writeln!(
            out,
            "warning: no two claims were found to be about one subject, so nothing was compared\n  = help: {BLIND_HELP}"
        )?;
    }
    let dated = run.dated_from_text();
    if !dated.is_empty() {
        writeln!(
            out,
            "note: {} without a date of its own {} dated by the latest day {} text names: {}\n  = help: {UNDATED_HELP}",
            plural(dated.len(), "document"),
            if dated.len() == 1 { "is" } else { "are" },
            if dated.len() == 1 { "its" } else { "their" },
            super::some_of(
                &dated.iter().map(|p| visible(p)).collect::<Vec<_>>(),
                super::UNDATED_NAMED
            ),
        )?;
    }
    let undated = run.undated();
    if !undated.is_empty() {
        writeln!(
            out,
            "note: {} without a date, so {} not compared over time: {}\n  = help: {UNDATED_HELP}",
            plural(undated.len(), "document"),
            if undated.len() == 1 {
                "its claims are"
            } else {
                "their claims are"
            },
            super::some_of(
                &undated.iter().map(|p| visible(p)).collect::<Vec<_>>(),
                super::UNDATED_NAMED
            ),
        )?;
    }
    Ok(())
}

fn group<'a>(run: &'a Run<'_>, finding: &'a Finding) -> Group<'a> {
    let level = match finding.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    // Paths, outlets and quoted words come from the documents: see `escape`.
    let mut group = Group::with_title(level.primary_title(visible(&finding.message)).id(finding.rule));
    if let (true, Some(site)) = (finding.claims.is_empty(), &finding.site) {
        group = group.element(
            Origin::path(visible(&site.path))
                .line(site.line)
                .char_column(site.column),
        );
    }
    let (quoted, left) = run.quoted(finding);
    for &index in &quoted {
        let claim = &run.claims[index];
        let doc = &run.documents[claim.doc];
        let line_range = doc.file.quoted_line(&claim.span);
        let (line, _) = doc.file.line_col(claim.span.start);
        let mut label = match (&claim.value, &claim.role) {
            (Some(value), _) => {
                let unit = claim.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
                format!("{}{unit}", describe(value))
            }
            (None, Some(role)) => role.person.clone(),
            (None, None) => doc.file.slice(claim.span.clone()).to_owned(),
        };
        // The time the sentence states, else the document's date.
        let stated = claim
            .time
            .filter(|t| t.source == TimeSource::Text && claim.value.is_some())
            .and_then(|t| Some((t.from?, t.to?)));
        let date = match stated {
            Some((from, to)) if from == to => format!("{from} (stated)"),
            Some((from, to)) => format!("{from}…{to} (stated)"),
            None => doc.meta.date.map_or_else(|| "undated".to_owned(), |d| d.to_string()),
        };
        let source = doc.meta.source.as_deref().unwrap_or("source unknown");
        if claim.value.is_some() && claim.modality != Modality::Asserted {
            label.push_str(&format!(" · {}", claim.modality.as_str()));
        }
        label.push_str(&format!(" · {date} · {source}"));
        if doc.file.has_stated_positions() {
            // A claim read from a record stands where its record says, which its place in the
            // stand-in text does not show: the place is stated, and the claim quoted alone.
            let (_, column) = doc.file.line_col(claim.span.start);
            let text = doc.file.slice(claim.span.clone());
            group = group
                .element(Origin::path(doc.file.path.as_str()).line(line).char_column(column))
                .element(Level::NOTE.message(format!("“{text}”: {label}")));
            continue;
        }
        let end = claim.span.end.min(line_range.end);
        let (source, span) = visible_line(
            doc.file.slice(line_range.clone()),
            claim.span.start - line_range.start..end - line_range.start,
        );
        let snippet = Snippet::source(source)
            .line_start(line)
            .path(visible(&doc.file.path))
            .annotation(AnnotationKind::Primary.span(span).label(visible(&label).into_owned()));
        group = group.element(snippet);
    }
    if left > 0 {
        group = group.element(Level::NOTE.message(format!(
            "{} of the finding's {} claims are quoted, spread over them; `--format json` lists them all",
            quoted.len(),
            finding.claims.len()
        )));
    }
    if let Some(timeline) = &finding.timeline {
        group = group.element(Level::NOTE.message(format!("timeline: {}", visible(timeline))));
    }
    if run.explain_links {
        for &index in &quoted {
            let claim = &run.claims[index];
            let text = run.documents[claim.doc].file.slice(claim.span.clone());
            let reason = run.graph.link_reason(index).unwrap_or("not linked");
            group = group.element(Level::HELP.message(format!("linked “{}”: {reason}", visible(text))));
        }
    }
    group
}
