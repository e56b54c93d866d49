//! `claimlint.toml`: every command-line setting, the rule files to load, document metadata
//! and ignore entries. Paths are relative to the config's folder. The command line wins over
//! the config, the config over the defaults.
//!
//! ```toml
//! paths = ["docs"]                       # what to check when no PATH is given
//! rules = ["nato-iraq.rules.toml"]
//! format = "text"                        # text, json, sarif, github, gitlab, markdown, junit, html
//! fail-on = "error"                      # error, warning, info, never
//! min-level = "info"                     # error, warning, info
//! color = "auto"                         # auto, always, never
//! quiet = false
//! explain-links = false
//! max-file-size = "32M"                  # bytes, or with K, M or G
//! max-claims = 50000                     # per document
//! lossy = false                          # read invalid UTF-8 with U+FFFD
//! cache = true                           # keep extracted claims between runs
//! cache-dir = ".claimlint-cache"         # default: claimlint under the user's cache folder
//! jobs = 2                               # threads; default one per core
//! output = "claimlint-report.txt"
//! baseline = "claimlint-baseline.json"
//! lock = "claimlint.lock"
//!
//! [[document]]
//! path = "000_5a74d4cddfb7c6af.txt"
//! date = "2017-02-06"
//! source = "Daily Caller News Foundation"
//!
//! [[ignore]]
//! path = "archive/**"
//! rule = "numeric-change"
//! subject = "nato/personnel"
//! reason = "the archive keeps what was said at the time"
//! ```

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::documents::ManifestEntry;
use crate::rules::file::{explain_toml_error, nearest};
use crate::rules::suppress::Ignore;
use crate::rules::{RuleError, Site, all_rules};
use crate::source::SourceFile;

pub const FILE_NAME: &str = "claimlint.toml";

/// The values each enumerated setting takes, as on the command line.
pub const FORMATS: &[&str] = &["text", "json", "sarif", "github", "gitlab", "markdown", "junit", "html"];
pub const FAIL_ON: &[&str] = &["error", "warning", "info", "never"];
pub const LEVELS: &[&str] = &["error", "warning", "info"];
pub const COLORS: &[&str] = &["auto", "always", "never"];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    #[serde(default)]
    paths: Vec<String>,
    #[serde(default)]
    rules: Vec<String>,
    format: Option<Spanned<String>>,
    fail_on: Option<Spanned<String>>,
    min_level: Option<Spanned<String>>,
    color: Option<Spanned<String>>,
    quiet: Option<bool>,
    explain_links: Option<bool>,
    max_file_size: Option<Spanned<Size>>,
    max_claims: Option<Spanned<usize>>,
    lossy: Option<bool>,
    cache: Option<bool>,
    cache_dir: Option<String>,
    jobs: Option<Spanned<u16>>,
    output: Option<String>,
    baseline: Option<String>,
    lock: Option<String>,
    #[serde(default)]
    document: Vec<RawDocument>,
    #[serde(default)]
    ignore: Vec<Spanned<RawIgnore>>,
}

/// A size as bytes (`33554432`) or with a unit (`"32M"`).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Size {
    Bytes(u64),
    Text(String),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocument {
    path: String,
    date: Option<Spanned<String>>,
    source: Option<String>,
    title: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIgnore {
    path: Option<Spanned<String>>,
    rule: Option<Spanned<String>>,
    subject: Option<String>,
    reason: Option<String>,
}

/// A loaded config with paths resolved against its folder.
#[derive(Debug, Default)]
pub struct Config {
    /// The config's folder; ignore globs match document paths relative to it.
    pub folder: Option<PathBuf>,
    pub paths: Vec<PathBuf>,
    pub rules: Vec<PathBuf>,
    pub format: Option<String>,
    pub fail_on: Option<String>,
    pub min_level: Option<String>,
    pub color: Option<String>,
    pub quiet: Option<bool>,
    pub explain_links: Option<bool>,
    pub max_file_size: Option<u64>,
    pub max_claims: Option<usize>,
    pub lossy: Option<bool>,
    pub cache: Option<bool>,
    pub cache_dir: Option<PathBuf>,
    pub jobs: Option<u16>,
    pub output: Option<PathBuf>,
    pub baseline: Option<PathBuf>,
    pub lock: Option<PathBuf>,
    pub manifest: Vec<ManifestEntry>,
    pub ignores: Vec<Ignore>,
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
        let error = |span: Range<usize>, message: String| RuleError::at(&source, span, message);
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            ConfigError::Invalid(vec![error(e.span().unwrap_or(0..0), explain_toml_error(e.message()))])
        })?;
        let base = path.parent().unwrap_or(Path::new("."));
        let resolve = |p: &str| join(base, p);
        let mut errors = Vec::new();

        let mut choice = |value: Option<Spanned<String>>, key: &str, allowed: &[&str]| -> Option<String> {
            let value = value?;
            if allowed.contains(&value.get_ref().as_str()) {
                return Some(value.into_inner());
            }
            let hint = nearest(value.get_ref(), allowed)
                .map(|n| format!("; did you mean `{n}`?"))
                .unwrap_or_default();
            errors.push(error(
                value.span(),
                format!(
                    "invalid {key} `{}`{hint} (expected one of: {})",
                    value.get_ref(),
                    allowed.join(", ")
                ),
            ));
            None
        };
        let format = choice(raw.format, "format", FORMATS);
        let fail_on = choice(raw.fail_on, "fail-on", FAIL_ON);
        let min_level = choice(raw.min_level, "min-level", LEVELS);
        let color = choice(raw.color, "color", COLORS);
        let jobs = match raw.jobs {
            Some(jobs) if *jobs.get_ref() == 0 => {
                errors.push(error(jobs.span(), "jobs must be at least 1".into()));
                None
            }
            other => other.map(Spanned::into_inner),
        };
        let max_claims = match raw.max_claims {
            Some(max) if *max.get_ref() == 0 => {
                errors.push(error(max.span(), "max-claims must be at least 1".into()));
                None
            }
            other => other.map(Spanned::into_inner),
        };
        let max_file_size = raw.max_file_size.and_then(|size| {
            let span = size.span();
            match size.into_inner() {
                Size::Bytes(0) => {
                    errors.push(error(
                        span,
                        "max-file-size = 0 would skip every file; the size limit must be at least 1 byte".into(),
                    ));
                    None
                }
                Size::Bytes(bytes) => Some(bytes),
                Size::Text(text) => crate::documents::parse_size(&text)
                    .map_err(|message| errors.push(error(span, message)))
                    .ok(),
            }
        });

        let mut manifest = Vec::new();
        for doc in raw.document {
            let date = match doc.date {
                Some(date) => {
                    let parsed = crate::calendar::iso_date(date.get_ref())
                        .ok()
                        .filter(|(rest, _)| rest.is_empty())
                        .and_then(|(_, d)| d.bounds(None))
                        .map(|(first, _)| first);
                    if parsed.is_none() {
                        errors.push(error(
                            date.span(),
                            format!("invalid date `{}`, expected YYYY-MM-DD", date.get_ref()),
                        ));
                    }
                    parsed
                }
                None => None,
            };
            manifest.push(ManifestEntry {
                path: resolve(&doc.path),
                date,
                source: doc.source,
                title: doc.title,
            });
        }

        let rule_names: Vec<&str> = all_rules().iter().map(|m| m.name).collect();
        let mut ignores = Vec::new();
        for entry in raw.ignore {
            let span = entry.span();
            let entry = entry.into_inner();
            let (line, column) = source.line_col(span.start);
            let site = Site {
                path: display.clone(),
                line,
                column,
                text: text[source.line_range(span.start)].to_owned(),
            };
            if entry.path.is_none() && entry.rule.is_none() && entry.subject.is_none() {
                errors.push(error(
                    span,
                    "an [[ignore]] entry needs at least one of `path`, `rule` or `subject`".into(),
                ));
                continue;
            }
            if let Some(rule) = &entry.rule
                && !rule_names.contains(&rule.get_ref().as_str())
            {
                let hint = nearest(rule.get_ref(), &rule_names)
                    .map(|n| format!("; did you mean `{n}`?"))
                    .unwrap_or_default();
                errors.push(error(rule.span(), format!("unknown rule `{}`{hint}", rule.get_ref())));
                continue;
            }
            let path = match &entry.path {
                Some(glob) => match globset::GlobBuilder::new(glob.get_ref())
                    .literal_separator(true)
                    .build()
                {
                    Ok(compiled) => Some(compiled.compile_matcher()),
                    Err(e) => {
                        errors.push(error(glob.span(), format!("invalid path glob: {}", e.kind())));
                        continue;
                    }
                },
                None => None,
            };
            ignores.push(Ignore {
                path,
                rule: entry.rule.map(Spanned::into_inner),
                subject: entry.subject,
                reason: entry.reason,
                site,
            });
        }
        if !errors.is_empty() {
            return Err(ConfigError::Invalid(errors));
        }

        let by_path = manifest
            .iter()
            .enumerate()
            .filter_map(|(i, entry)| Some((std::fs::canonicalize(&entry.path).ok()?, i)))
            .collect();
        Ok(Self {
            folder: Some(base.to_path_buf()),
            paths: raw.paths.iter().map(|p| resolve(p)).collect(),
            rules: raw.rules.iter().map(|r| resolve(r)).collect(),
            format,
            fail_on,
            min_level,
            color,
            quiet: raw.quiet,
            explain_links: raw.explain_links,
            max_file_size,
            max_claims,
            lossy: raw.lossy,
            cache: raw.cache,
            cache_dir: raw.cache_dir.as_deref().map(resolve),
            jobs,
            output: raw.output.as_deref().map(resolve),
            baseline: raw.baseline.as_deref().map(resolve),
            lock: raw.lock.as_deref().map(resolve),
            manifest,
            ignores,
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

/// `base/path` without `.` components: `./` and `.` give `.`-free paths, as a user writes them.
fn join(base: &Path, path: &str) -> PathBuf {
    let joined: PathBuf = base
        .join(path)
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect();
    if joined.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        joined
    }
}

#[derive(Debug)]
pub enum ConfigError {
    Io(String),
    Invalid(Vec<RuleError>),
}

/// `claimlint.toml` in the folder of `start` or any folder above it, and nowhere else: not in
/// the current folder when `start` lies outside it.
/// Paths stay as the user wrote them while that is possible, so messages show them that way.
pub fn discover(start: &Path) -> Option<PathBuf> {
    let folder = if start.is_file() {
        start.parent()?.to_path_buf()
    } else {
        start.to_path_buf()
    };
    // Written ancestors are real ancestors only without `..`: the last written ancestor of
    // `../docs` is the current folder, which is not above it.
    let lexical = !folder.components().any(|c| c == std::path::Component::ParentDir);
    let relative = folder
        .ancestors()
        .filter(|_| lexical)
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
