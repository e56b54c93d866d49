//! SARIF 2.1.0, as GitHub code scanning reads it: the tool driver with every rule's metadata
//! and help, one result per finding at its first claim, the other claims as related
//! locations, and partial fingerprints built from the finding's identity.

use std::io::{self, Write};

use serde::Serialize;

use super::{Location, Run};
use crate::rules::{Severity, all_rules};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<SarifRun<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifRun<'a> {
    tool: Tool,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<ReportingDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor {
    id: &'static str,
    name: String,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<SarifLocation<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<SarifLocation<'a>>,
    partial_fingerprints: Fingerprints,
}

#[derive(Serialize)]
struct Fingerprints {
    #[serde(rename = "claimlintFinding/v1")]
    finding: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifLocation<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation<'a> {
    artifact_location: ArtifactLocation,
    region: Region<'a>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region<'a> {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    snippet: Snippet<'a>,
}

#[derive(Serialize)]
struct Snippet<'a> {
    text: &'a str,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a relative URI: forward slashes, spaces and `%` escaped.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '%' => out.push_str("%25"),
            '#' => out.push_str("%23"),
            '?' => out.push_str("%3F"),
            _ => out.push(c),
        }
    }
    out
}

fn physical<'a>(location: &Location<'a>) -> PhysicalLocation<'a> {
    PhysicalLocation {
        artifact_location: ArtifactLocation {
            uri: uri(location.path),
        },
        region: Region {
            start_line: location.line,
            start_column: location.column,
            end_line: location.end_line,
            end_column: location.end_column,
            snippet: Snippet { text: location.text },
        },
    }
}

pub fn write_sarif(out: &mut dyn Write, run: &Run<'_>) -> io::Result<()> {
    let metas = all_rules();
    let rules = metas
        .iter()
        .map(|meta| ReportingDescriptor {
            id: meta.name,
            name: meta.name.split('-').map(|w| w[..1].to_uppercase() + &w[1..]).collect(),
            short_description: Text {
                text: meta.summary().to_owned(),
            },
            full_description: Text {
                text: meta.docs.trim().to_owned(),
            },
            help: Help {
                text: format!(
                    "{}\n\nRun `claimlint rules explain {}` for more.",
                    meta.summary(),
                    meta.name
                ),
                markdown: meta.docs.trim().to_owned(),
            },
            default_configuration: Configuration {
                level: level(meta.default_severity),
            },
        })
        .collect();
    let results = run
        .findings
        .iter()
        .filter_map(|finding| {
            let places = run.places(finding);
            let (first, others) = places.split_first()?;
            let rule_index = metas.iter().position(|m| m.name == finding.rule)?;
            let related = others
                .iter()
                .enumerate()
                .map(|(i, location)| {
                    let message = format!("“{}”", location.text);
                    SarifLocation {
                        id: Some(i + 1),
                        physical_location: physical(location),
                        message: Some(Text { text: message }),
                    }
                })
                .collect();
            Some(SarifResult {
                rule_id: finding.rule,
                rule_index,
                level: level(finding.severity),
                message: Text {
                    text: finding.message.clone(),
                },
                locations: vec![SarifLocation {
                    id: None,
                    physical_location: physical(first),
                    message: None,
                }],
                related_locations: related,
                partial_fingerprints: Fingerprints {
                    finding: run.fingerprint(finding),
                },
            })
        })
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![SarifRun {
            tool: Tool {
                driver: Driver {
                    name: "claimlint",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules,
                },
            },
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    out.write_all(b"\n")
}
