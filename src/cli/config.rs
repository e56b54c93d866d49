//! `claimlint.toml`: rule files to load and a manifest of document metadata.
//!
//! ```toml
//! rules = ["nato-iraq.rules.toml"]      # relative to this file
//!
//! [[document]]
//! path = "000_5a74d4cddfb7c6af.txt"     # relative to this file
//! date = "2017-02-06"
//! source = "Daily Caller News Foundation"
//! ```

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::documents::ManifestEntry;
use crate::rules::RuleError;
use crate::source::SourceFile;

pub const FILE_NAME: &str = "claimlint.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    rules: Vec<String>,
    #[serde(default)]
    document: Vec<RawDocument>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocument {
    path: String,
    date: Option<Spanned<String>>,
    source: Option<String>,
    title: Option<String>,
}

/// A loaded config with paths resolved against its folder.
#[derive(Debug, Default)]
pub struct Config {
    pub rules: Vec<PathBuf>,
    pub manifest: Vec<ManifestEntry>,
    /// Manifest entries by resolved path, so each document costs one lookup.
    by_path: HashMap<PathBuf, usize>,
}

impl Config {
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError::Io(format!("{}: {e}", path.display())))?;
        Self::parse(path, &text)
    }

    pub fn parse(path: &Path, text: &str) -> Result<Self, ConfigError> {
        let display = path.display().to_string();
        let source = SourceFile::new(display.clone(), text);
        let error = |span: std::ops::Range<usize>, message: String| {
            let (line, column) = source.line_col(span.start);
            let line_range = source.line_range(span.start);
            let end = span.end.clamp(span.start, line_range.end);
            ConfigError::Invalid(vec![RuleError {
                path: display.clone(),
                line,
                column,
                message,
                source_line: text[line_range.clone()].to_owned(),
                underline: span.start - line_range.start..end.max(span.start + 1) - line_range.start,
            }])
        };
        let raw: RawConfig =
            toml::from_str(text).map_err(|e| error(e.span().unwrap_or(0..0), e.message().trim().to_owned()))?;
        let base = path.parent().unwrap_or(Path::new("."));
        let mut manifest = Vec::new();
        for doc in raw.document {
            let date = match doc.date {
                Some(date) => {
                    let parsed = crate::calendar::iso_date(date.get_ref())
                        .ok()
                        .filter(|(rest, _)| rest.is_empty())
                        .and_then(|(_, d)| d.bounds(None))
                        .map(|(first, _)| first);
                    match parsed {
                        Some(d) => Some(d),
                        None => {
                            return Err(error(
                                date.span(),
                                format!("invalid date `{}`, expected YYYY-MM-DD", date.get_ref()),
                            ));
                        }
                    }
                }
                None => None,
            };
            manifest.push(ManifestEntry {
                path: base.join(&doc.path),
                date,
                source: doc.source,
                title: doc.title,
            });
        }
        let by_path = manifest
            .iter()
            .enumerate()
            .filter_map(|(i, entry)| Some((std::fs::canonicalize(&entry.path).ok()?, i)))
            .collect();
        Ok(Self {
            rules: raw.rules.iter().map(|r| base.join(r)).collect(),
            manifest,
            by_path,
        })
    }

    /// The manifest entry for a document path, compared after resolving both.
    pub fn manifest_for(&self, path: &Path) -> Option<&ManifestEntry> {
        if self.by_path.is_empty() {
            return None;
        }
        let wanted = std::fs::canonicalize(path).ok()?;
        self.by_path.get(&wanted).map(|&i| &self.manifest[i])
    }
}

#[derive(Debug)]
pub enum ConfigError {
    Io(String),
    Invalid(Vec<RuleError>),
}

/// `claimlint.toml` in the folder of `start` or any folder above it.
/// Paths stay as the user wrote them while that is possible, so messages show them that way.
pub fn discover(start: &Path) -> Option<PathBuf> {
    let folder = if start.is_file() {
        start.parent()?.to_path_buf()
    } else {
        start.to_path_buf()
    };
    let relative = folder
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file());
    relative.or_else(|| {
        let absolute = std::fs::canonicalize(&folder).ok()?;
        absolute
            .ancestors()
            .map(|dir| dir.join(FILE_NAME))
            .find(|candidate| candidate.is_file())
    })
}
