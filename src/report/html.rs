//! The HTML report: one self-contained page (no scripts, no external fonts, styles or images)
//! that shows, for each finding, what each source said and when.
//!
//! Layout: a summary, then each finding with its quoted lines (claims marked) and a timeline
//! chart as inline SVG with a table of the same values as its text alternative, then every
//! subject (those without findings collapsed in `<details>`), then the documents. Findings,
//! subjects and documents link to each other by fragment.
//!
//! The timeline: time runs left to right, values bottom to top (for a title, its holders), one
//! colour per source. An exact value is a filled dot, an approximate one a ring, a range a bar
//! with caps, an open interval (`fewer than 20`) a bar with an arrow towards the open end.
//! Claims of one day sit side by side. Undated claims stand apart at the right, under
//! "undated". The claims a finding quotes are drawn thicker, with a dark outline. A finding
//! about a subject of more than [`CHART_CLAIMS`] claims draws that many of its own claims,
//! spread evenly over its dates, so that a page stays proportional to the findings and claims
//! of a run however many findings one large subject has.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::io::{self, Write};

use jiff::civil::Date;

use super::{Run, spread_evenly};
use crate::extract::{Claim, Modality};
use crate::rules::{Finding, describe};

/// The most claims one finding's chart and table draw.
pub const CHART_CLAIMS: usize = 500;

/// Colours for sources, in order of first appearance; distinguishable for most colour vision.
const PALETTE: &[&str] = &[
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#7f3c8d", "#4d4d4d",
];

const STYLE: &str = r#"
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5b5b60; --line: #d8d8de; --error: #b3261e; --warning: #8a5300; --info: #1f5fa8; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); margin: 0 auto; max-width: 60rem; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; margin-top: 2.5rem; }
h3 { font-size: 1.05rem; margin: 0 0 .5rem; }
a { color: #0b57d0; }
a:focus-visible, summary:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
nav ul { list-style: none; padding: 0; display: flex; gap: 1rem; flex-wrap: wrap; }
dl.counts { display: grid; grid-template-columns: max-content auto; gap: .2rem 1rem; }
dl.counts dt { color: var(--muted); }
dl.counts dd { margin: 0; font-weight: 600; }
.finding { border: 1px solid var(--line); border-left: 6px solid var(--info); border-radius: 6px; padding: 1rem; margin: 1rem 0; }
.finding.error { border-left-color: var(--error); }
.finding.warning { border-left-color: var(--warning); }
.badge { display: inline-block; font-size: .8rem; font-weight: 700; text-transform: uppercase; padding: 0 .4rem; border-radius: 4px; color: #fff; background: var(--info); }
.error .badge { background: var(--error); }
.warning .badge { background: var(--warning); }
.quotes { list-style: none; padding: 0; }
.quotes li { margin: .5rem 0; }
.quotes .where { font-size: .9rem; color: var(--muted); }
blockquote { margin: .2rem 0 0; padding: .3rem .6rem; background: #f6f6f8; border-radius: 4px; font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85rem; overflow-wrap: anywhere; }
mark { background: #fff1a8; text-decoration: underline 2px; text-underline-offset: 3px; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: .9rem; color: var(--muted); }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1rem; font-size: .9rem; }
.swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: 50%; margin-right: .3rem; vertical-align: -1px; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: .5rem 0; }
th, td { text-align: left; border-bottom: 1px solid var(--line); padding: .25rem .5rem; vertical-align: top; }
td.value { white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.quoted td { font-weight: 600; }
details { border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem; margin: .5rem 0; }
summary { cursor: pointer; font-weight: 600; }
.muted { color: var(--muted); }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav { display: none; }
  .finding, figure, table { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  details > :not(summary) { display: block !important; }
}
"#;

/// Writes the report page.
pub fn write_html(out: &mut dyn Write, run: &Run<'_>) -> io::Result<()> {
    let mut page = String::new();
    let (errors, warnings, infos) = run.counts();
    let subjects = subject_index(run);
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
         <title>claimlint report: {} finding(s)</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        run.findings.len()
    );
    page.push_str("<header>\n<h1>claimlint report</h1>\n<nav aria-label=\"Sections\"><ul><li><a href=\"#summary\">Summary</a></li><li><a href=\"#findings\">Findings</a></li><li><a href=\"#subjects\">Subjects</a></li><li><a href=\"#documents\">Documents</a></li></ul></nav>\n</header>\n<main>\n");

    // Summary.
    let _ = write!(
        page,
        "<section id=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">Summary</h2>\n<dl class=\"counts\">\
         <dt>Documents</dt><dd>{}</dd><dt>Claims</dt><dd>{}</dd><dt>Subjects</dt><dd>{}</dd>\
         <dt>Findings</dt><dd>{}</dd><dt>Errors</dt><dd>{errors}</dd><dt>Warnings</dt><dd>{warnings}</dd><dt>Info</dt><dd>{infos}</dd></dl>\n",
        run.documents.len(),
        run.claims.len(),
        subjects.len(),
        run.findings.len()
    );
    let undated = run.undated();
    if !undated.is_empty() {
        let _ = writeln!(
            page,
            "<p>{} document(s) have no date, so their claims are not compared over time: {}. To date them, {}.</p>",
            undated.len(),
            undated
                .iter()
                .map(|p| format!("<code>{}</code>", esc(p)))
                .collect::<Vec<_>>()
                .join(", "),
            esc(super::UNDATED_HELP)
        );
    }
    page.push_str("</section>\n");

    // Findings.
    page.push_str("<section id=\"findings\" aria-labelledby=\"findings-h\">\n<h2 id=\"findings-h\">Findings</h2>\n");
    if run.findings.is_empty() {
        page.push_str("<p>No findings.</p>\n");
    }
    let subject_of: HashMap<&str, &SubjectEntry> = subjects.iter().map(|s| (s.finding_key.as_str(), s)).collect();
    let mut findings_of: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, finding) in run.findings.iter().enumerate() {
        write_finding(&mut page, run, &subject_of, index, finding);
        if let Some(key) = finding.subject.as_deref() {
            findings_of.entry(key).or_default().push(index);
        }
    }
    page.push_str("</section>\n");

    // Subjects.
    page.push_str("<section id=\"subjects\" aria-labelledby=\"subjects-h\">\n<h2 id=\"subjects-h\">Subjects</h2>\n");
    for subject in &subjects {
        let findings = findings_of
            .get(subject.finding_key.as_str())
            .cloned()
            .unwrap_or_default();
        let anchor = subject_anchor(&subject.finding_key);
        let title = format!(
            "{} <span class=\"muted\">({} claim(s), <code>{}</code>)</span>",
            esc(&subject.label),
            subject.claims.len(),
            esc(&subject.finding_key)
        );
        if findings.is_empty() {
            let _ = write!(page, "<details id=\"{anchor}\">\n<summary>{title}</summary>\n");
            write_claims_table(&mut page, run, &subject.claims, &HashSet::new());
            page.push_str("</details>\n");
        } else {
            let links: Vec<String> = findings
                .iter()
                .map(|&i| format!("<a href=\"#finding-{}\">finding {}</a>", i + 1, i + 1))
                .collect();
            let _ = write!(
                page,
                "<section id=\"{anchor}\" aria-label=\"{}\">\n<h3>{title}</h3>\n<p>See {}.</p>\n",
                esc(&subject.label),
                links.join(", ")
            );
            write_claims_table(&mut page, run, &subject.claims, &HashSet::new());
            page.push_str("</section>\n");
        }
    }
    page.push_str("</section>\n");

    // Documents.
    page.push_str("<section id=\"documents\" aria-labelledby=\"documents-h\">\n<h2 id=\"documents-h\">Documents</h2>\n<table>\n<thead><tr><th scope=\"col\">Document</th><th scope=\"col\">Date</th><th scope=\"col\">Source</th><th scope=\"col\">Claims</th></tr></thead>\n<tbody>\n");
    let mut per_document = vec![0usize; run.documents.len()];
    for claim in run.claims {
        per_document[claim.doc] += 1;
    }
    for (index, doc) in run.documents.iter().enumerate() {
        let _ = writeln!(
            page,
            "<tr id=\"doc-{}\"><td><code>{}</code>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            index + 1,
            esc(path(&doc.file.path)),
            doc.meta
                .title
                .as_deref()
                .map(|t| format!("<br><span class=\"muted\">{}</span>", esc(t)))
                .unwrap_or_default(),
            doc.meta.date.map_or_else(|| "undated".to_owned(), |d| d.to_string()),
            esc(doc.meta.source.as_deref().unwrap_or("unknown")),
            per_document[index]
        );
    }
    page.push_str("</tbody>\n</table>\n</section>\n</main>\n");
    let _ = writeln!(
        page,
        "<footer><p class=\"muted\">Written by claimlint {}.</p></footer>\n</body>\n</html>",
        env!("CARGO_PKG_VERSION")
    );
    out.write_all(page.as_bytes())
}

/// A subject or title group: the claims a finding about it is drawn against.
struct SubjectEntry {
    /// The key findings use for it (`nato/personnel`, `role/nato/secretary-general`).
    finding_key: String,
    label: String,
    claims: Vec<usize>,
    /// Holders of a title: drawn by person rather than by value.
    roles: bool,
}

fn subject_index(run: &Run<'_>) -> Vec<SubjectEntry> {
    let numeric = run
        .graph
        .subjects
        .iter()
        .filter(|s| !s.claims.is_empty())
        .map(|s| SubjectEntry {
            finding_key: s.key.clone(),
            label: s.label.clone(),
            claims: s.claims.clone(),
            roles: false,
        });
    let roles = run
        .graph
        .roles
        .iter()
        .filter(|r| !r.claims.is_empty())
        .map(|r| SubjectEntry {
            finding_key: format!("role/{}", r.key.replace(' ', "-")),
            label: r.label.clone(),
            claims: r.claims.clone(),
            roles: true,
        });
    numeric.chain(roles).collect()
}

fn subject_anchor(key: &str) -> String {
    let slug: String = key
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("subject-{slug}")
}

fn write_finding(
    page: &mut String,
    run: &Run<'_>,
    subjects: &HashMap<&str, &SubjectEntry>,
    index: usize,
    finding: &Finding,
) {
    let number = index + 1;
    let severity = finding.severity.to_string();
    let _ = write!(
        page,
        "<article id=\"finding-{number}\" class=\"finding {severity}\" aria-labelledby=\"finding-{number}-h\">\n\
         <h3 id=\"finding-{number}-h\"><span class=\"badge\">{severity}</span> <code>{}</code> {}</h3>\n",
        finding.rule,
        esc(&finding.message)
    );
    let subject = finding.subject.as_deref().and_then(|key| subjects.get(key).copied());
    if let Some(subject) = subject {
        let _ = writeln!(
            page,
            "<p>Subject: <a href=\"#{}\">{}</a></p>",
            subject_anchor(&subject.finding_key),
            esc(&subject.label)
        );
    }
    if !finding.claims.is_empty() {
        page.push_str("<ul class=\"quotes\">\n");
        for &index in &finding.claims {
            let claim = &run.claims[index];
            let doc = &run.documents[claim.doc];
            let at = run.location(index);
            let line = doc.file.quoted_line(&claim.span);
            let end = claim.span.end.min(line.end);
            let _ = writeln!(
                page,
                "<li><span class=\"where\"><a href=\"#doc-{}\">{}:{}:{}</a> · {} · {}</span>\n<blockquote>{}<mark>{}</mark>{}</blockquote></li>",
                claim.doc + 1,
                esc(at.path),
                at.line,
                at.column,
                doc.meta.date.map_or_else(|| "undated".to_owned(), |d| d.to_string()),
                esc(doc.meta.source.as_deref().unwrap_or("source unknown")),
                esc(doc.file.slice(line.start..claim.span.start)),
                esc(doc.file.slice(claim.span.start..end)),
                esc(doc.file.slice(end..line.end)),
            );
        }
        page.push_str("</ul>\n");
    } else if let Some(site) = &finding.site {
        let _ = writeln!(
            page,
            "<p class=\"where\">{}:{}:{} <code>{}</code></p>",
            esc(&site.path),
            site.line,
            site.column,
            esc(&site.text)
        );
    }
    if let Some(timeline) = &finding.timeline {
        let _ = writeln!(page, "<p>Timeline: {}</p>", esc(timeline));
    }
    // The subject's claims; when there are too many, the finding's own, and of those too
    // many, some spread over its dates.
    let subject_drawn = subject.filter(|s| s.claims.len() <= CHART_CLAIMS);
    let drawn: Vec<usize> = match subject_drawn {
        Some(subject) => subject.claims.clone(),
        None => spread_evenly(&finding.claims, CHART_CLAIMS),
    };
    let quoted: HashSet<usize> = finding.claims.iter().copied().collect();
    let roles = subject.is_some_and(|s| s.roles);
    if !finding.claims.is_empty()
        && let Some(chart) = Chart::new(run, &drawn, &quoted, roles)
    {
        let what = match subject {
            Some(s) if subject_drawn.is_none() && drawn.len() < finding.claims.len() => format!(
                "{} of the {} claim(s) this finding quotes (of the subject's {}), spread over their dates,",
                chart.marks.len(),
                finding.claims.len(),
                s.claims.len()
            ),
            Some(s) if subject_drawn.is_none() => format!(
                "the {} claim(s) this finding quotes (of the subject's {})",
                chart.marks.len(),
                s.claims.len()
            ),
            None if drawn.len() < finding.claims.len() => format!(
                "{} of the {} claim(s) this finding quotes, spread over their dates,",
                chart.marks.len(),
                finding.claims.len()
            ),
            _ => format!("{} claim(s)", chart.marks.len()),
        };
        let _ = write!(
            page,
            "<figure id=\"chart-{number}\">\n{}\n<figcaption>Timeline of {what} about {}; the claims this finding quotes are outlined. The table below gives the same values.</figcaption>\n",
            chart.svg(&format!("chart-{number}"), &finding.message),
            esc(subject.map_or(finding.message.as_str(), |s| s.label.as_str()))
        );
        chart.legend(page);
        page.push_str("</figure>\n");
        write_claims_table(page, run, &drawn, &quoted);
    }
    page.push_str("</article>\n");
}

/// The values of `claims` in a table: the chart's text alternative. Quoted claims in bold.
fn write_claims_table(page: &mut String, run: &Run<'_>, claims: &[usize], quoted: &HashSet<usize>) {
    page.push_str("<table>\n<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Source</th><th scope=\"col\">Value</th><th scope=\"col\">Text</th><th scope=\"col\">Where</th></tr></thead>\n<tbody>\n");
    let mut ordered: Vec<usize> = claims.to_vec();
    ordered.sort_by_key(|&c| (claim_date(run, c), run.claims[c].doc, run.claims[c].span.start));
    for index in ordered {
        let claim = &run.claims[index];
        let doc = &run.documents[claim.doc];
        let at = run.location(index);
        let _ = writeln!(
            page,
            "<tr{}><td>{}</td><td>{}</td><td class=\"value\">{}</td><td>{}</td><td><a href=\"#doc-{}\">{}:{}</a></td></tr>",
            if quoted.contains(&index) {
                " class=\"quoted\""
            } else {
                ""
            },
            claim_date(run, index).map_or_else(|| "undated".to_owned(), |d| d.to_string()),
            esc(doc.meta.source.as_deref().unwrap_or("unknown")),
            esc(&value_text(claim)),
            esc(at.text),
            claim.doc + 1,
            esc(at.path),
            at.line
        );
    }
    page.push_str("</tbody>\n</table>\n");
}

fn claim_date(run: &Run<'_>, claim: usize) -> Option<Date> {
    let claim = &run.claims[claim];
    claim
        .time
        .and_then(|t| t.to.or(t.from))
        .or(run.documents[claim.doc].meta.date)
}

fn value_text(claim: &Claim) -> String {
    match (&claim.value, &claim.role) {
        (Some(value), _) => {
            let unit = claim.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
            let modality = if claim.modality == Modality::Asserted {
                String::new()
            } else {
                format!(" ({})", claim.modality.as_str())
            };
            format!("{}{unit}{modality}", describe(value))
        }
        (None, Some(role)) => role.person.clone(),
        (None, None) => String::new(),
    }
}

fn path(path: &str) -> &str {
    path.strip_prefix("./").unwrap_or(path)
}

/// Text escaped for HTML. A line break is a space, as the page shows it anyway: a file name
/// with a newline never starts a line of the page (which a CI log would read as a command).
fn esc(text: &str) -> String {
    super::ci::xml(text).replace(['\n', '\r'], " ")
}

/// What one mark shows on the value axis.
#[derive(Debug, Clone, Copy)]
enum Shape {
    /// One value: a dot (filled when exact, a ring when approximate).
    Point { value: f64, approximate: bool },
    /// Both ends known: a bar with caps.
    Range { low: f64, high: f64 },
    /// One end open: a bar from the known end with an arrow towards the open one.
    Open { from: f64, upward: bool },
}

struct Mark {
    claim: usize,
    date: Option<Date>,
    shape: Shape,
    source: usize,
    quoted: bool,
    label: String,
}

/// A timeline chart, laid out.
struct Chart {
    marks: Vec<Mark>,
    sources: Vec<String>,
    /// For titles: the holders, bottom to top.
    categories: Vec<String>,
    /// The value axis range, in axis units (log10 of values on a log axis).
    low: f64,
    high: f64,
    /// Values spanning more than a factor of 30 are drawn on a log axis.
    log: bool,
    first: Option<Date>,
    last: Option<Date>,
}

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 300.0;
const LEFT: f64 = 90.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 44.0;
const UNDATED_BAND: f64 = 90.0;

impl Chart {
    fn new(run: &Run<'_>, claims: &[usize], quoted: &HashSet<usize>, roles: bool) -> Option<Self> {
        let mut sources: Vec<String> = Vec::new();
        let mut categories: Vec<String> = Vec::new();
        // Where each source and holder is in its list.
        let mut source_at: HashMap<String, usize> = HashMap::new();
        let mut category_at: HashMap<String, usize> = HashMap::new();
        let mut marks = Vec::new();
        for &index in claims {
            let claim = &run.claims[index];
            let shape = if roles {
                let person = claim.role.as_ref()?.person.clone();
                let position = *category_at.entry(person.clone()).or_insert_with(|| {
                    categories.push(person);
                    categories.len() - 1
                });
                Shape::Point {
                    value: position as f64,
                    approximate: false,
                }
            } else {
                let Some(value) = claim.value else { continue };
                match (value.low, value.high) {
                    (Some(l), Some(h)) if l == h => Shape::Point {
                        value: l,
                        approximate: value.approximate,
                    },
                    (Some(low), Some(high)) => Shape::Range { low, high },
                    (None, Some(h)) => Shape::Open { from: h, upward: false },
                    (Some(l), None) => Shape::Open { from: l, upward: true },
                    (None, None) => continue,
                }
            };
            let doc = &run.documents[claim.doc];
            let source_name = doc
                .meta
                .source
                .clone()
                .unwrap_or_else(|| path(&doc.file.path).to_owned());
            let source = *source_at.entry(source_name.clone()).or_insert_with(|| {
                sources.push(source_name);
                sources.len() - 1
            });
            let date = claim_date(run, index);
            marks.push(Mark {
                claim: index,
                date,
                shape,
                source,
                quoted: quoted.contains(&index),
                label: format!(
                    "{} · {} · {}",
                    value_text(claim),
                    date.map_or_else(|| "undated".to_owned(), |d| d.to_string()),
                    sources[source]
                ),
            });
        }
        if marks.is_empty() {
            return None;
        }
        marks.sort_by_key(|m| (m.date.is_none(), m.date, m.claim));
        let values = marks.iter().flat_map(|m| match m.shape {
            Shape::Point { value, .. } => [value, value],
            Shape::Range { low, high } => [low, high],
            Shape::Open { from, .. } => [from, from],
        });
        let (mut low, mut high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
        let log = !roles && low > 0.0 && high / low > 30.0;
        if roles {
            (low, high) = (-0.5, categories.len() as f64 - 0.5);
        } else if log {
            (low, high) = (low.log10() - 0.25, high.log10() + 0.25);
        } else {
            // Room above and below, and for the arrows of open intervals.
            let span = if high > low { high - low } else { high.abs().max(1.0) };
            low -= span * 0.15;
            high += span * 0.15;
            if low < 0.0 && values_nonnegative(&marks) {
                low = 0.0;
            }
        }
        let dates = marks.iter().filter_map(|m| m.date);
        let first = dates.clone().min();
        let last = dates.max();
        Some(Self {
            marks,
            sources,
            categories,
            low,
            high,
            log,
            first,
            last,
        })
    }

    fn has_undated(&self) -> bool {
        self.marks.iter().any(|m| m.date.is_none())
    }

    fn plot_right(&self) -> f64 {
        WIDTH - RIGHT - if self.has_undated() { UNDATED_BAND } else { 0.0 }
    }

    fn y(&self, value: f64) -> f64 {
        let value = if self.log {
            value.max(f64::MIN_POSITIVE).log10()
        } else {
            value
        };
        let bottom = HEIGHT - BOTTOM;
        bottom - (value - self.low) / (self.high - self.low) * (bottom - TOP)
    }

    fn x(&self, date: Option<Date>) -> f64 {
        let (Some(date), Some(first), Some(last)) = (date, self.first, self.last) else {
            return self.plot_right() + UNDATED_BAND / 2.0 + 10.0;
        };
        let inner_left = LEFT + 24.0;
        let inner_right = self.plot_right() - 24.0;
        if first == last {
            return (inner_left + inner_right) / 2.0;
        }
        let total = days_between(first, last) as f64;
        inner_left + days_between(first, date) as f64 / total * (inner_right - inner_left)
    }

    /// The chart as inline SVG, with a title and description for assistive technology.
    fn svg(&self, id: &str, title: &str) -> String {
        let mut svg = String::new();
        let _ = write!(
            svg,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" width=\"{WIDTH}\" height=\"{HEIGHT}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" data-marks=\"{}\">\
             <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{} claim(s) from {} source(s), {}</desc>\
             <defs><marker id=\"{id}-arrow\" viewBox=\"0 0 10 10\" refX=\"5\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"context-stroke\"/></marker></defs>",
            self.marks.len(),
            esc(title),
            self.marks.len(),
            self.sources.len(),
            match (self.first, self.last) {
                (Some(first), Some(last)) if first != last => format!("dated {first} to {last}"),
                (Some(first), _) => format!("dated {first}"),
                _ => "undated".to_owned(),
            }
        );
        self.axes(&mut svg);
        // Claims of one day side by side.
        let mut per_x: BTreeMap<i64, usize> = BTreeMap::new();
        for mark in &self.marks {
            *per_x.entry(self.x(mark.date).round() as i64).or_default() += 1;
        }
        let mut placed: BTreeMap<i64, usize> = BTreeMap::new();
        let crowded = self.marks.len() > 60;
        let radius = if crowded { 3.0 } else { 5.0 };
        for mark in &self.marks {
            let key = self.x(mark.date).round() as i64;
            let count = per_x[&key];
            let slot = placed.entry(key).or_default();
            let step = f64::min(if crowded { 4.0 } else { 9.0 }, 40.0 / count as f64);
            let x = key as f64 + (*slot as f64 - (count as f64 - 1.0) / 2.0) * step;
            *slot += 1;
            let colour = PALETTE[mark.source % PALETTE.len()];
            let (class, width) = if mark.quoted {
                ("mark quoted", 3.0)
            } else {
                ("mark", 1.5)
            };
            let _ = write!(
                svg,
                "<g class=\"{class}\" data-claim=\"{}\"><title>{}</title>",
                mark.claim,
                esc(&mark.label)
            );
            match mark.shape {
                Shape::Point { value, approximate } => {
                    let y = self.y(value);
                    let fill = if approximate { "#fff" } else { colour };
                    if mark.quoted {
                        let _ = write!(
                            svg,
                            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{:.1}\" fill=\"none\" stroke=\"#111\" stroke-width=\"1.5\"/>",
                            radius + 3.5
                        );
                    }
                    let _ = write!(
                        svg,
                        "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{radius}\" fill=\"{fill}\" stroke=\"{colour}\" stroke-width=\"{width}\"/>"
                    );
                }
                Shape::Range { low, high } => {
                    let (y1, y2) = (self.y(low), self.y(high));
                    if mark.quoted {
                        outline_bar(&mut svg, x, y1, y2, width);
                    }
                    let _ = write!(
                        svg,
                        "<line x1=\"{x:.1}\" y1=\"{y1:.1}\" x2=\"{x:.1}\" y2=\"{y2:.1}\" stroke=\"{colour}\" stroke-width=\"{width}\"/>\
                         <line x1=\"{:.1}\" y1=\"{y1:.1}\" x2=\"{:.1}\" y2=\"{y1:.1}\" stroke=\"{colour}\" stroke-width=\"{width}\"/>\
                         <line x1=\"{:.1}\" y1=\"{y2:.1}\" x2=\"{:.1}\" y2=\"{y2:.1}\" stroke=\"{colour}\" stroke-width=\"{width}\"/>",
                        x - 4.0,
                        x + 4.0,
                        x - 4.0,
                        x + 4.0
                    );
                }
                Shape::Open { from, upward } => {
                    let y1 = self.y(from);
                    let y2 = if upward { TOP + 2.0 } else { HEIGHT - BOTTOM - 2.0 };
                    if mark.quoted {
                        outline_bar(&mut svg, x, y1, y2, width);
                    }
                    let _ = write!(
                        svg,
                        "<line x1=\"{:.1}\" y1=\"{y1:.1}\" x2=\"{:.1}\" y2=\"{y1:.1}\" stroke=\"{colour}\" stroke-width=\"{width}\"/>\
                         <line x1=\"{x:.1}\" y1=\"{y1:.1}\" x2=\"{x:.1}\" y2=\"{y2:.1}\" stroke=\"{colour}\" stroke-width=\"{width}\" marker-end=\"url(#{id}-arrow)\"/>",
                        x - 5.0,
                        x + 5.0
                    );
                }
            }
            svg.push_str("</g>");
        }
        svg.push_str("</svg>");
        svg
    }

    fn axes(&self, svg: &mut String) {
        let bottom = HEIGHT - BOTTOM;
        let right = self.plot_right();
        let _ = write!(
            svg,
            "<g class=\"axes\" font-size=\"11\" fill=\"#5b5b60\" font-family=\"system-ui, 'DejaVu Sans', sans-serif\">\
             <line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{bottom}\" stroke=\"#999\"/>\
             <line x1=\"{LEFT}\" y1=\"{bottom}\" x2=\"{right}\" y2=\"{bottom}\" stroke=\"#999\"/>"
        );
        if self.categories.is_empty() {
            let values = if self.log {
                log_ticks(self.low, self.high)
            } else {
                ticks(self.low, self.high)
            };
            for tick in values {
                let y = self.y(tick);
                let _ = write!(
                    svg,
                    "<line x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{right}\" y2=\"{y:.1}\" stroke=\"#eee\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
                    LEFT - 6.0,
                    y + 4.0,
                    esc(&tick_label(tick))
                );
            }
        } else {
            for (index, name) in self.categories.iter().enumerate() {
                let y = self.y(index as f64);
                let _ = write!(
                    svg,
                    "<line x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{right}\" y2=\"{y:.1}\" stroke=\"#eee\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
                    LEFT - 6.0,
                    y + 4.0,
                    esc(&short(name, 14))
                );
            }
        }
        if let (Some(first), Some(last)) = (self.first, self.last) {
            let mut shown: Vec<Date> = vec![first];
            let total = days_between(first, last);
            if total > 0 {
                for step in 1..4 {
                    if let Ok(date) = first.checked_add(jiff::Span::new().days(total * step / 4)) {
                        shown.push(date);
                    }
                }
                shown.push(last);
            }
            shown.dedup();
            for date in shown {
                let x = self.x(Some(date));
                let _ = write!(
                    svg,
                    "<line x1=\"{x:.1}\" y1=\"{bottom}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#999\"/><text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{date}</text>",
                    bottom + 4.0,
                    bottom + 18.0
                );
            }
        }
        if self.has_undated() {
            let x = right + 10.0;
            let _ = write!(
                svg,
                "<rect x=\"{x:.1}\" y=\"{TOP}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#f3f3f5\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">undated</text>",
                UNDATED_BAND - 10.0,
                bottom - TOP,
                x + (UNDATED_BAND - 10.0) / 2.0,
                bottom + 18.0
            );
        }
        svg.push_str("</g>");
    }

    fn legend(&self, page: &mut String) {
        page.push_str("<ul class=\"legend\" aria-label=\"Sources\">");
        for (index, source) in self.sources.iter().enumerate() {
            let _ = write!(
                page,
                "<li><span class=\"swatch\" style=\"background:{}\"></span>{}</li>",
                PALETTE[index % PALETTE.len()],
                esc(source)
            );
        }
        page.push_str("<li>● exact · ○ approximate · ┃ range · ↧ open-ended</li></ul>\n");
    }
}

/// The dark outline behind a quoted claim's bar.
fn outline_bar(svg: &mut String, x: f64, y1: f64, y2: f64, width: f64) {
    let _ = write!(
        svg,
        "<line x1=\"{x:.1}\" y1=\"{y1:.1}\" x2=\"{x:.1}\" y2=\"{y2:.1}\" stroke=\"#111\" stroke-width=\"{}\"/>",
        width + 3.0
    );
}

fn values_nonnegative(marks: &[Mark]) -> bool {
    marks.iter().all(|m| match m.shape {
        Shape::Point { value, .. } => value >= 0.0,
        Shape::Range { low, .. } => low >= 0.0,
        Shape::Open { from, .. } => from >= 0.0,
    })
}

fn days_between(from: Date, to: Date) -> i64 {
    to.since(from).map_or(0, |span| i64::from(span.get_days()))
}

/// Round tick values: 1, 2 or 5 times a power of ten, four to eight of them.
fn ticks(low: f64, high: f64) -> Vec<f64> {
    if high <= low || low.is_nan() || !low.is_finite() || !high.is_finite() {
        return vec![low];
    }
    let rough = (high - low) / 5.0;
    let power = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|s| (high - low) / s <= 8.0)
        .unwrap_or(power * 10.0);
    let mut tick = (low / step).ceil() * step;
    let mut out = Vec::new();
    while tick <= high + step * 1e-9 && out.len() < 12 {
        out.push(if tick.abs() < step * 1e-9 { 0.0 } else { tick });
        tick += step;
    }
    out
}

/// Ticks of a log axis whose range is given in log10 units: 1, 2 and 5 times each power of
/// ten inside it, thinned to powers of ten when there are many.
fn log_ticks(low: f64, high: f64) -> Vec<f64> {
    let mut out = Vec::new();
    let decades = (high - low).ceil() as usize;
    let multiples: &[f64] = if decades > 3 { &[1.0] } else { &[1.0, 2.0, 5.0] };
    for exponent in low.floor() as i32..=high.ceil() as i32 {
        for m in multiples {
            let value = m * 10f64.powi(exponent);
            let at = value.log10();
            if at >= low && at <= high {
                out.push(value);
            }
        }
    }
    out
}

fn tick_label(value: f64) -> String {
    let abs = value.abs();
    let (scaled, suffix) = if abs >= 1e9 {
        (value / 1e9, "bn")
    } else if abs >= 1e6 {
        (value / 1e6, "m")
    } else if abs >= 1e4 {
        (value / 1e3, "k")
    } else {
        (value, "")
    };
    let text = format!("{scaled:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text}{suffix}")
}

fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(max - 1).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        assert_eq!(ticks(0.0, 100.0), [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!(ticks(8.5, 21.5), [10.0, 12.0, 14.0, 16.0, 18.0, 20.0]);
        assert_eq!(ticks(5.0, 5.0), [5.0]);
        assert_eq!(tick_label(1_200_000.0), "1.2m");
        assert_eq!(tick_label(4000.0), "4000");
        assert_eq!(tick_label(25_000.0), "25k");
        assert_eq!(log_ticks(1.0, 3.2), [10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0]);
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(esc("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
    }
}
