//! The command line: parses arguments, loads config and rule files, drives the pipeline and
//! prints. The only module that reads the environment, prints or decides the exit code.
//!
//! Exit codes: 0 no findings at or above `--fail-on`, 1 findings at or above it, 2 usage,
//! config or I/O error.

#![allow(clippy::print_stdout, clippy::print_stderr)]

pub mod config;
mod inputs;
mod progress;

use std::io::{self, IsTerminal, Read, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use crate::atomic;
use crate::baseline::{self, Baseline, BaselineEntry};
use crate::cache::{self, Cache};
use crate::documents::{self, Document, Skipped};
use crate::extract::{self, Claim, Gazetteer};
use crate::link;
use crate::lock::{self, Lock};
use crate::records;
use crate::report::escape::visible;
use crate::report::{self, Run};
use crate::rules::{self, LockContext, RuleContext, RuleError, RuleSet, Severity, suppress};
use crate::source::SourceFile;
use progress::Progress;

use config::{Config, ConfigError};

/// Find claims that drift or disagree across a set of documents.
///
/// claimlint reads news articles, docs pages or reports, extracts numeric and factual claims
/// ("a 500-strong mission", "fewer than 20 trainers", "NATO Secretary General Jens
/// Stoltenberg"), links the claims about one subject and reports changes over time and
/// contradictions across sources.
#[derive(Debug, Parser)]
#[command(name = "claimlint", version, about, long_about, after_help = EXIT_CODES)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

const EXIT_CODES: &str = "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, config or I/O error.";

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract, link and check the claims of a document set, and report findings.
    Check(CheckArgs),
    /// Print the claims extracted from documents (`-` reads standard input).
    Extract(ExtractArgs),
    /// Export the claim graph: subjects, roles and persons with the claims linked to them.
    Graph(GraphArgs),
    /// Write `claimlint.lock`, the reviewed claims by subject; `--check` fails when it is stale.
    Lock(LockArgs),
    /// Write a baseline of today's findings, so `check --baseline` reports only new ones.
    Baseline(BaselineArgs),
    /// Write a commented `claimlint.toml` and an example rule file here, never overwriting.
    Init,
    /// List, explain or validate rules.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Show or empty the extraction cache.
    Cache(CacheArgs),
}

#[derive(Debug, clap::Args)]
struct CacheArgs {
    #[command(subcommand)]
    action: CacheAction,
    /// The cache folder [default: claimlint under the user's cache folder].
    #[arg(long, value_name = "DIR", global = true)]
    cache_dir: Option<PathBuf>,
}

#[derive(Debug, clap::Subcommand)]
enum CacheAction {
    /// Print the cache folder.
    Path,
    /// Remove every cache entry claimlint wrote there.
    Clean,
}

#[derive(Debug, clap::Args)]
struct GraphArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Graphviz DOT, SVG (drawn by Graphviz `dot`, which must be installed) or JSON nodes and
    /// edges.
    #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
    format: GraphFormat,
    /// Write the graph to FILE (atomically) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ProgressChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum GraphFormat {
    Dot,
    Svg,
    Json,
}

#[derive(Debug, clap::Args)]
struct InputArgs {
    /// Files or folders to read; folders are walked for .txt, .md and .html files, honouring
    /// .gitignore. Defaults to the config's `paths`, else the current folder.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Config file. By default the nearest `claimlint.toml` in the first PATH's folder or a
    /// folder above it; with no PATH, in the current folder or a folder above it.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Extra rule file to load (repeatable), after those the config names.
    #[arg(long = "rules", value_name = "FILE")]
    rule_files: Vec<PathBuf>,
    /// Skip files larger than this: bytes, or with K, M or G [default: 32M; config:
    /// max-file-size].
    #[arg(long, value_name = "SIZE", value_parser = documents::parse_size)]
    max_file_size: Option<u64>,
    /// Stop reading claims from a document after this many [default: 50000; config: max-claims].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    max_claims: Option<u32>,
    /// Read files that are not valid UTF-8, with U+FFFD in place of the bad bytes, instead of
    /// skipping them [config: lossy].
    #[arg(long)]
    lossy: bool,
    /// Keep extracted claims here between runs [default: claimlint under the user's cache
    /// folder; config: cache-dir].
    #[arg(long, value_name = "DIR")]
    cache_dir: Option<PathBuf>,
    /// Extract every document again and store nothing [config: cache = false].
    #[arg(long)]
    no_cache: bool,
    /// Say on stderr which config and rule files were loaded (with paths), where the cache is,
    /// how many documents were read and skipped, how many came from the cache, and how fast.
    #[arg(long, short)]
    verbose: bool,
    /// Threads that read and extract documents [default: one per core; config: jobs].
    #[arg(long, short, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// Print no warnings, summaries or notes: only the report [config: quiet].
    #[arg(long, short)]
    quiet: bool,
    /// When to show a progress bar on stderr. `auto` shows it on a terminal once the run has
    /// taken more than a moment; `always` shows it on a terminal from the start.
    #[arg(long, value_enum, default_value_t = ProgressChoice::Auto)]
    progress: ProgressChoice,
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Report format [default: text; config: format].
    #[arg(long, value_enum)]
    format: Option<CheckFormat>,
    /// Exit with 1 when a finding of this severity or higher exists, shown or not
    /// [default: error; config: fail-on].
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Show only findings of this severity or higher [default: info; config: min-level].
    #[arg(long, value_enum)]
    min_level: Option<MinLevel>,
    /// Write the report to FILE (atomically) instead of standard output [config: output].
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// When to colour the text report. `auto` colours a terminal unless NO_COLOR is set
    /// [default: auto; config: color].
    #[arg(long, value_enum)]
    color: Option<ColorChoice>,
    /// Say, for each claim of a finding, why it was linked to the others [config: explain-links].
    #[arg(long)]
    explain_links: bool,
    /// Report only findings that are not in this baseline file (see `claimlint baseline`)
    /// [config: baseline].
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Check claim records made by `claimlint extract --format jsonl` (perhaps on other
    /// machines) instead of reading documents; repeatable, `-` reads stdin. Claims are grouped
    /// by the subject each record carries.
    #[arg(long = "claims", value_name = "FILE", conflicts_with = "paths")]
    claim_files: Vec<PathBuf>,
    /// Compare claims with this lock [default: claimlint.lock beside the config or here, if it
    /// exists; config: lock].
    #[arg(long, value_name = "FILE")]
    lock: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
struct ExtractArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output format: one JSON record per line, one JSON document, or aligned text.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Jsonl)]
    format: ExtractFormat,
    /// Print each document's records as soon as it is read, in order, linking each document
    /// on its own: memory holds the documents being read, not the set. A record's subject is
    /// then what its document alone says (the same on any machine), not what the whole set
    /// says.
    #[arg(long)]
    stream: bool,
}

#[derive(Debug, clap::Args)]
struct LockArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Write nothing; exit with 1 and list the differences when the lock is missing or stale.
    #[arg(long)]
    check: bool,
    /// The lock file [default: claimlint.lock beside the config, else here; config: lock].
    #[arg(long, value_name = "FILE")]
    lock: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
struct BaselineArgs {
    #[command(flatten)]
    input: InputArgs,
    /// The baseline file to write [default: claimlint-baseline.json beside the config, else
    /// here; config: baseline].
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum RulesCommand {
    /// List every rule: name, default severity and what it finds.
    List,
    /// Print a rule's documentation and the settings it runs with by default
    /// (`claimlint rules keys` explains every key of a rule file).
    Explain {
        /// Rule name, as `claimlint rules list` shows it.
        rule: String,
    },
    /// Print the reference of every rule-file key (docs/rule-files.md).
    Keys,
    /// Check rule files for errors without running them: every mistake of every file, each
    /// with its file:line:column and what was expected.
    Validate {
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
        /// Also read these documents (files or folders, repeatable) and warn about each subject
        /// of the rule files that no claim in them matches.
        #[arg(long, value_name = "PATH")]
        against: Vec<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum CheckFormat {
    Text,
    Json,
    /// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
    /// GitLab Code Quality report.
    Gitlab,
    /// A Markdown summary for a pull-request comment or `$GITHUB_STEP_SUMMARY`.
    Markdown,
    /// JUnit XML: one test case per subject checked.
    Junit,
    /// One self-contained HTML page with a timeline chart per finding.
    Html,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum MinLevel {
    Error,
    Warning,
    Info,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ExtractFormat {
    Jsonl,
    Json,
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// The command line's value, else the config's, else the default. The config's value was
/// checked against the same names when it was loaded.
fn setting<T: ValueEnum>(cli: Option<T>, config: Option<&str>, default: T) -> T {
    cli.or_else(|| T::from_str(config?, false).ok()).unwrap_or(default)
}

/// A failure that ends the run with exit code 2.
enum Failure {
    Message(String),
    /// Several problems, each said on a line of its own.
    Messages(Vec<String>),
    Rules(Vec<RuleError>),
}

impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Self {
        Self::Message(error.to_string())
    }
}

/// Entry point for `main`.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    crate::atomic::clean_up_on_interrupt();
    let result = match cli.command {
        Command::Check(args) => check(&args),
        Command::Extract(args) => extract_command(&args),
        Command::Graph(args) => graph_command(&args),
        Command::Lock(args) => lock_command(&args),
        Command::Baseline(args) => baseline_command(&args),
        Command::Init => init_command(),
        Command::Cache(args) => cache_command(&args),
        Command::Rules(command) => rules_command(&command),
    };
    match result {
        Ok(code) => code,
        Err(Failure::Message(message)) if message.contains("Broken pipe") => ExitCode::SUCCESS,
        Err(Failure::Message(message)) => {
            eprintln!("error: {}", visible(&message));
            ExitCode::from(2)
        }
        Err(Failure::Messages(messages)) => {
            for message in messages {
                eprintln!("error: {}", visible(&message));
            }
            ExitCode::from(2)
        }
        Err(Failure::Rules(errors)) => {
            print_rule_errors(&errors);
            ExitCode::from(2)
        }
    }
}

fn print_rule_errors(errors: &[RuleError]) {
    print_rule_diagnostics(errors, Level::ERROR);
    eprintln!("error: {} problem(s) in rule or config files", errors.len());
}

/// Each diagnostic with its source line underlined, in colour when stderr is a terminal.
fn print_rule_diagnostics(diagnostics: &[RuleError], level: Level<'_>) {
    let color = io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    for error in diagnostics {
        let end = error.underline.end.max(error.underline.start);
        let group = Group::with_title(level.clone().primary_title(visible(&error.message))).element(
            Snippet::source(error.source_line.as_str())
                .line_start(error.line)
                .path(visible(&error.path))
                .annotation(AnnotationKind::Primary.span(error.underline.start..end)),
        );
        eprintln!("{}", renderer.render(&[group]));
    }
}

/// What loading the inputs produced.
struct Loaded {
    config: Config,
    documents: Vec<Document>,
    skipped: Vec<Skipped>,
    rules: RuleSet,
    gazetteer: Gazetteer,
    quiet: bool,
    verbose: bool,
    started: Instant,
    /// The config file read, if any, as messages name it.
    config_name: Option<String>,
    /// The rule files loaded after the built-in pack, with their text.
    rule_files: Vec<(PathBuf, String)>,
    /// The same files as messages name them.
    rule_names: Vec<String>,
    /// The claims of every document, in document order (taken by `extract_and_link`).
    claims: Vec<Claim>,
    /// For claims read from records (`check --claims`): the subject key of each.
    record_subjects: Option<Vec<Option<String>>>,
}

/// What reading one file gave.
struct ReadFile {
    document: Document,
    /// Its claims; their document index is set when the run's documents are in order.
    claims: Vec<Claim>,
    from_cache: bool,
}

/// Moves each document's claims, in order, to the end of `into`, setting their document
/// index. The threads share the moving and the first touch of the memory it fills: for a
/// large set from the cache, a single thread spent about half a second on it.
fn gather_claims(into: &mut Vec<Claim>, mut per_document: Vec<(usize, Vec<Claim>)>) {
    if into.is_empty() && per_document.len() == 1 {
        // One document: its list becomes the run's, with nothing moved.
        let (doc, mut claims) = per_document.remove(0);
        for claim in &mut claims {
            claim.doc = doc;
        }
        *into = claims;
        return;
    }
    let total: usize = per_document.iter().map(|(_, claims)| claims.len()).sum();
    into.reserve_exact(total);
    let mut free = &mut into.spare_capacity_mut()[..total];
    let mut moves = Vec::with_capacity(per_document.len());
    for (doc, claims) in per_document {
        let (slots, rest) = free.split_at_mut(claims.len());
        free = rest;
        moves.push((slots, doc, claims));
    }
    moves.into_par_iter().for_each(|(slots, doc, claims)| {
        for (slot, claim) in slots.iter_mut().zip(claims) {
            slot.write(Claim { doc, ..claim });
        }
    });
    // SAFETY: the `total` slots after the length were each written once above: every
    // document's slots are as many as its claims, and they tile the first `total` spare ones.
    unsafe { into.set_len(into.len() + total) };
}

/// Gives the documents that state no date the latest day their text names, read against the
/// dates of the others (`extract::date_undated`).
fn date_from_the_set(docs: &mut [Document], claims: &mut [Claim]) {
    let dates: Vec<_> = docs.iter().map(|d| d.meta.date).collect();
    let inferred = {
        let text_of = |doc: usize, range: std::ops::Range<usize>| docs[doc].file.slice(range);
        extract::date_undated(claims, &dates, &text_of)
    };
    for (document, date) in docs.iter_mut().zip(inferred) {
        if let Some(date) = date {
            document.meta.date = Some(date);
            document.meta.date_origin = Some(documents::DateOrigin::LatestInText);
        }
    }
}

/// Drops a document's text but for the lines later stages read: each claim's sentence (the
/// linker matches subjects in it, reports quote it) and each comment with the lines up to the
/// next one with text (what a `disable-next-line` silences). Peak memory then grows with the
/// claims, not with the corpus.
fn keep_what_later_stages_read(document: &mut Document, claims: &[Claim]) {
    let text = &document.file.text;
    // The claims of a sentence come together and lie inside it: its range is kept once, and a
    // span is kept apart only when it reaches outside its sentence's lines.
    let mut keep: Vec<std::ops::Range<usize>> = Vec::with_capacity(claims.len());
    for claim in claims {
        let (span, sentence) = (&claim.span, &claim.context.sentence);
        if keep.last() != Some(sentence) {
            keep.push(sentence.clone());
        }
        if !(sentence.start <= span.start && span.start <= span.end && span.end <= sentence.end) {
            keep.push(span.clone());
        }
    }
    for comment in &document.comments {
        let after = text.get(comment.range.end..).unwrap_or_default();
        // The rest of the comment's line, then blank lines, then the first line with text.
        let rest_of_line = after.find('\n').map_or(after.len(), |i| i + 1);
        let next_text = after[rest_of_line..]
            .find(|c: char| !c.is_whitespace())
            .map_or(after.len(), |i| rest_of_line + i);
        keep.push(comment.range.start..comment.range.end + next_text);
    }
    // A name is quoted alone, so it keeps its own bytes, not its line.
    let names = document.names.iter().map(|n| n.range.clone());
    document.file.compact_with(keep, names);
}

/// What reading and extracting one file needs.
struct Stage<'a> {
    cache: Option<&'a Cache>,
    gazetteer: &'a Gazetteer,
    config: &'a Config,
    options: documents::ReadOptions,
    /// Claims read from one document: extraction stops soon after.
    max_claims: usize,
}

impl Stage<'_> {
    /// Reads one file and its claims: from the cache when it holds this file's bytes (no
    /// parsing, no extraction), else by parsing and extracting, storing the result. The prose
    /// view is dropped as soon as the claims are out, so a document then costs its file.
    fn read_and_extract(&self, path: &Path, cache_failure: &std::sync::OnceLock<String>) -> Result<ReadFile, Skipped> {
        let manifest = self.config.manifest_for(path);
        let name = path.display().to_string();
        let bytes = documents::read_bytes(path, self.options)?;
        let key = self.cache.map(|cache| (cache, cache.key(&name, manifest, &bytes)));
        if let Some((known, claims)) = key.and_then(|(cache, key)| cache.get(key)) {
            let decoded = documents::decode_text(&name, bytes, self.options.lossy)?;
            let mut document = documents::known(name, decoded, known);
            keep_what_later_stages_read(&mut document, &claims);
            return Ok(ReadFile {
                document,
                claims,
                from_cache: true,
            });
        }
        let (document, claims) = self.parse_and_extract(name, bytes, manifest)?;
        // Claims cut short at the limit are not stored: another run may allow more.
        if let Some((cache, key)) = key
            && claims.len() <= self.max_claims
            && let Err(e) = cache.put(key, &document.known(), &claims)
        {
            cache_failure.get_or_init(|| documents::io_reason(&e));
        }
        Ok(Self::finish(document, claims))
    }

    /// A document read from standard input (never cached), as [`Self::read_and_extract`]
    /// reads a file.
    fn extract_bytes(&self, name: String, bytes: Vec<u8>) -> Result<ReadFile, Skipped> {
        let (document, claims) = self.parse_and_extract(name, bytes, None)?;
        Ok(Self::finish(document, claims))
    }

    fn parse_and_extract(
        &self,
        name: String,
        bytes: Vec<u8>,
        manifest: Option<&documents::ManifestEntry>,
    ) -> Result<(Document, Vec<Claim>), Skipped> {
        let mut document = documents::decode(name, bytes, manifest, self.options.lossy)?;
        let claims = extract::extract_at_most(0, &document, self.gazetteer, self.max_claims);
        document.names = crate::subject::document_names(&document);
        Ok((document, claims))
    }

    /// Drops what later stages do not read: the prose view and most of the text.
    fn finish(mut document: Document, claims: Vec<Claim>) -> ReadFile {
        document.release_prose();
        keep_what_later_stages_read(&mut document, &claims);
        ReadFile {
            document,
            claims,
            from_cache: false,
        }
    }
}

impl Loaded {
    /// Each document's path relative to `folder` (the config's or the lock's), for globs and
    /// the lock.
    fn paths_relative_to(&self, folder: &Path) -> Vec<String> {
        let base = std::fs::canonicalize(if folder.as_os_str().is_empty() {
            Path::new(".")
        } else {
            folder
        })
        .ok();
        self.documents
            .iter()
            .map(|d| {
                let given = d.file.path.strip_prefix("./").unwrap_or(&d.file.path);
                base.as_ref()
                    .and_then(|base| {
                        let file = std::fs::canonicalize(&d.file.path).ok()?;
                        Some(file.strip_prefix(base).ok()?.to_string_lossy().replace('\\', "/"))
                    })
                    .unwrap_or_else(|| given.to_owned())
            })
            .collect()
    }

    /// The rules of this run as a lock records them: the built-in rules, then each rule file
    /// by its path relative to the lock's folder, each with a hash of its text.
    fn locked_rules(&self, lock_folder: &Path) -> Vec<lock::LockedRules> {
        let base = std::fs::canonicalize(lock_folder).ok();
        let built_in = lock::LockedRules::new(
            lock::BUILT_IN,
            &[
                rules::file::DEFAULT_PACK,
                rules::file::LEXICON,
                crate::subject::MEASURES,
            ],
        );
        let files = self.rule_files.iter().map(|(path, text)| {
            let name = base
                .as_ref()
                .and_then(|base| {
                    let file = std::fs::canonicalize(path).ok()?;
                    Some(file.strip_prefix(base).ok()?.to_string_lossy().replace('\\', "/"))
                })
                .unwrap_or_else(|| shown_path(path));
            lock::LockedRules::new(&name, &[text])
        });
        std::iter::once(built_in).chain(files).collect()
    }

    fn warn(&self, message: &str) {
        if !self.quiet {
            // Warnings name documents: a newline or ESC in a name is shown, never acted on.
            eprintln!("warning: {}", visible(message));
        }
    }
}

/// Where the run's config came from.
enum ConfigOrigin {
    /// `--config FILE`.
    Named,
    /// Found in this folder or one above it.
    Found(PathBuf),
    /// No `claimlint.toml` in this folder or any above it.
    NotFound(PathBuf),
}

/// The config the user named, else the nearest `claimlint.toml` in the first PATH's folder or
/// one above it; with no PATH (or only `-`), in the current folder or one above it. A config
/// in the current folder does not apply to documents elsewhere.
fn load_config(input: &InputArgs) -> Result<(Option<PathBuf>, ConfigOrigin, Config), Failure> {
    let (config_path, origin) = match &input.config {
        Some(path) => (Some(path.clone()), ConfigOrigin::Named),
        None => {
            let start = input
                .paths
                .iter()
                .find(|p| p.as_os_str() != "-")
                .cloned()
                .unwrap_or_else(|| PathBuf::from("."));
            match config::discover(&start) {
                Some(found) => (Some(found), ConfigOrigin::Found(start)),
                None => (None, ConfigOrigin::NotFound(start)),
            }
        }
    };
    let config = match &config_path {
        Some(path) => Config::load(path).map_err(|e| match e {
            ConfigError::Io(message) => Failure::Message(format!("cannot read config {message}")),
            ConfigError::Invalid(errors) => Failure::Rules(errors),
        })?,
        None => Config::default(),
    };
    Ok((config_path, origin, config))
}

/// A path as messages show it: without a leading `./`, and `.` for the current folder.
fn shown_path(path: &Path) -> String {
    let text = path.display().to_string();
    match text.strip_prefix("./") {
        Some("") => ".".to_owned(),
        Some(rest) => rest.to_owned(),
        None if text.is_empty() => ".".to_owned(),
        None => text,
    }
}

/// `--verbose`: which config and rule files a run loaded, and why.
fn say_what_was_loaded(config_path: Option<&Path>, origin: &ConfigOrigin, config: &Config, rule_files: &[PathBuf]) {
    match (config_path, origin) {
        (Some(path), ConfigOrigin::Named) => eprintln!("config: {} (--config)", shown_path(path)),
        (Some(path), ConfigOrigin::Found(start)) => eprintln!(
            "config: {} (the nearest claimlint.toml to {})",
            shown_path(path),
            shown_path(start)
        ),
        (_, ConfigOrigin::NotFound(start)) | (None, ConfigOrigin::Found(start)) => eprintln!(
            "config: none (no claimlint.toml in {} or a folder above it)",
            shown_path(start)
        ),
        (None, ConfigOrigin::Named) => {}
    }
    eprintln!(
        "rules: built-in ({}, {})",
        rules::file::DEFAULT_PACK_PATH,
        rules::file::LEXICON_PATH
    );
    for path in rule_files {
        let from = if config.rules.contains(path) {
            "named in the config"
        } else {
            "--rules"
        };
        eprintln!("rules: {} ({from})", shown_path(path));
    }
}

fn load(input: &InputArgs, allow_stdin: bool) -> Result<Loaded, Failure> {
    load_with(input, allow_stdin.then_some(inputs::STDIN_NAME), &[])
}

/// What a run reads, worked out before any document is read.
struct Prepared {
    config: Config,
    quiet: bool,
    started: Instant,
    options: documents::ReadOptions,
    max_claims: usize,
    rules: RuleSet,
    gazetteer: Gazetteer,
    cache: Option<Cache>,
    /// `-` on the command line: standard input's name and bytes, or why they were not read.
    stdin: Option<Result<(String, Vec<u8>), Skipped>>,
    /// The files to read, in order.
    files: Vec<PathBuf>,
    /// The paths asked for, for a message when nothing was read.
    paths: Vec<PathBuf>,
    skipped: Vec<Skipped>,
    /// `check --claims`: the claims of those records and their stand-in documents.
    imported: Option<records::Imported>,
    /// The config file used, if any.
    config_path: Option<PathBuf>,
    /// The rule files loaded, and their texts.
    rule_files: Vec<(PathBuf, String)>,
}

/// [`load`], or with `claim_files` the claims of those records and their stand-in documents.
/// `stdin_name` names standard input (`-`) in reports; without it, `-` is refused.
fn load_with(input: &InputArgs, stdin_name: Option<&str>, claim_files: &[PathBuf]) -> Result<Loaded, Failure> {
    let prepared = prepare(input, stdin_name, claim_files)?;
    read_documents(prepared, input)
}

/// The config, the rules and the cache, standard input's bytes and the files to read.
fn prepare(input: &InputArgs, stdin_name: Option<&str>, claim_files: &[PathBuf]) -> Result<Prepared, Failure> {
    let started = Instant::now();
    let (config_path, origin, config) = load_config(input)?;
    let quiet = input.quiet || config.quiet.unwrap_or(false);
    if let Some(jobs) = input.jobs.or(config.jobs) {
        // The global pool can be set once per process; `load` runs once per command.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(jobs))
            .build_global();
    }
    let paths = if !input.paths.is_empty() {
        input.paths.clone()
    } else if !config.paths.is_empty() {
        config.paths.clone()
    } else {
        vec![PathBuf::from(".")]
    };
    let options = documents::ReadOptions {
        max_bytes: input
            .max_file_size
            .or(config.max_file_size)
            .unwrap_or(documents::DEFAULT_MAX_BYTES),
        lossy: input.lossy || config.lossy.unwrap_or(false),
    };
    let max_claims = input
        .max_claims
        .map(|n| n as usize)
        .or(config.max_claims)
        .unwrap_or(documents::DEFAULT_MAX_CLAIMS);

    let (rules, rule_files) = load_rules(config.rules.iter().chain(&input.rule_files))?;
    let rule_paths: Vec<PathBuf> = rule_files.iter().map(|(path, _)| path.clone()).collect();
    if input.verbose {
        say_what_was_loaded(config_path.as_deref(), &origin, &config, &rule_paths);
    }
    let rule_texts: Vec<&str> = rule_files.iter().map(|(_, text)| text.as_str()).collect();
    // Claims read from records are not extracted, so they need no cache.
    let cache = if claim_files.is_empty() {
        open_cache(input, &config, &rule_texts, options)
    } else {
        None
    };
    if input.verbose {
        match cache_dir(input, &config) {
            Some(dir) if cache.is_some() => eprintln!("cache: {}", dir.display()),
            _ if !claim_files.is_empty() => eprintln!("cache: not used for claim records"),
            _ => eprintln!("cache: off"),
        }
    }
    if !quiet {
        print_rule_diagnostics(&rules.replaced_checks(), Level::WARNING);
        print_rule_diagnostics(&rules.unused_subjects(), Level::WARNING);
    }
    let gazetteer = Gazetteer::new(rules.entities.clone(), &rules.nouns);

    let mut skipped = Vec::new();
    let mut files = Vec::new();
    let imported = if claim_files.is_empty() {
        None
    } else {
        Some(read_claim_records(claim_files)?)
    };
    let paths = if claim_files.is_empty() { paths } else { Vec::new() };
    let file_paths: Vec<PathBuf> = paths.iter().filter(|p| p.as_os_str() != "-").cloned().collect();
    // A path that does not exist fails the run before anything is read.
    inputs::check_named_paths(&file_paths)?;
    let stdin = if file_paths.len() < paths.len() {
        Some(inputs::read_stdin(stdin_name, options.max_bytes)?)
    } else {
        None
    };
    if !file_paths.is_empty() {
        let (found, problems) = documents::discover(&file_paths);
        files = found;
        skipped.extend(problems);
    }
    Ok(Prepared {
        config,
        quiet,
        started,
        options,
        max_claims,
        rules,
        gazetteer,
        cache,
        stdin,
        files,
        paths,
        skipped,
        imported,
        config_path,
        rule_files,
    })
}

/// Reads and extracts every document (standard input first, then the files), in parallel.
fn read_documents(prepared: Prepared, input: &InputArgs) -> Result<Loaded, Failure> {
    let Prepared {
        config,
        quiet,
        started,
        options,
        max_claims,
        rules,
        gazetteer,
        cache,
        stdin,
        files,
        paths,
        mut skipped,
        imported,
        config_path,
        rule_files,
    } = prepared;
    let rule_paths: Vec<PathBuf> = rule_files.iter().map(|(path, _)| path.clone()).collect();
    // Records come with their claims.
    let (mut documents, mut claims, record_subjects) = match imported {
        Some(imported) => (imported.documents, imported.claims, Some(imported.subjects)),
        None => (Vec::new(), Vec::new(), None),
    };
    let stage = Stage {
        cache: cache.as_ref(),
        gazetteer: &gazetteer,
        config: &config,
        options,
        max_claims,
    };
    // Standard input is extracted here, without the cache.
    let from_stdin = stdin.map(|read| read.and_then(|(name, bytes)| stage.extract_bytes(name, bytes)));
    let progress = Progress::new(
        files.len(),
        match input.progress {
            _ if quiet => None,
            ProgressChoice::Never => None,
            ProgressChoice::Auto => Some(progress::DELAY),
            ProgressChoice::Always => Some(std::time::Duration::ZERO),
        },
    );
    let cache_failure = std::sync::OnceLock::new();
    let read: Vec<Result<ReadFile, Skipped>> = files
        .par_iter()
        .map(|path| {
            let read = stage.read_and_extract(path, &cache_failure);
            if let Ok(read) = &read {
                progress.advance(read.document.file.len(), read.claims.len());
            }
            read
        })
        .collect();
    progress.finish();
    if let Some(cache) = cache
        && let Err(e) = cache.finish()
    {
        cache_failure.get_or_init(|| documents::io_reason(&e));
    }
    let mut hits = 0;
    let mut too_many = Vec::new();
    let mut per_document = Vec::with_capacity(read.len() + 1);
    for result in from_stdin.into_iter().chain(read) {
        match result {
            Ok(mut read) => {
                if read.claims.len() > max_claims {
                    too_many.push(read.document.file.path.clone());
                    read.claims.truncate(max_claims);
                }
                per_document.push((documents.len(), read.claims));
                hits += usize::from(read.from_cache);
                documents.push(read.document);
            }
            Err(skip) => skipped.push(skip),
        }
    }
    gather_claims(&mut claims, per_document);
    if record_subjects.is_none() {
        date_from_the_set(&mut documents, &mut claims);
    }
    let loaded = Loaded {
        config,
        documents,
        skipped,
        rules,
        gazetteer,
        quiet,
        verbose: input.verbose,
        started,
        config_name: config_path.as_deref().map(shown_path),
        rule_names: rule_paths.iter().map(|p| shown_path(p)).collect(),
        rule_files,
        claims,
        record_subjects,
    };
    if let Some(reason) = cache_failure.get() {
        loaded.warn(&format!(
            "cannot write to the cache: {reason}; the next run extracts again"
        ));
    }
    for path in too_many {
        loaded.warn(&format!(
            "{path}: more than {max_claims} claims; the rest of the document is not checked (raise the limit with --max-claims)"
        ));
    }
    if loaded.verbose {
        let seconds = loaded.started.elapsed().as_secs_f64();
        let megabytes = loaded.documents.iter().map(|d| d.file.len()).sum::<usize>() as f64 / 1e6;
        eprintln!(
            "read {} document(s), {} skipped, {megabytes:.1} MB: {hits} from the cache, {} extracted; {} claims in {seconds:.2} s ({:.1} MB/s)",
            loaded.documents.len(),
            loaded.skipped.len(),
            loaded.documents.len() - hits,
            loaded.claims.len(),
            megabytes / seconds.max(1e-9),
        );
    }
    for document in &loaded.documents {
        if let Some(at) = document.invalid_utf8_at {
            loaded.warn(&format!(
                "{}: not valid {} (at byte {at}); read with U+FFFD in place of the invalid bytes",
                document.file.path,
                if document.file.is_utf16() { "UTF-16" } else { "UTF-8" }
            ));
        }
    }
    // A run that read none of the documents asked for is an error, said even with --quiet.
    let nothing_read = loaded.record_subjects.is_none() && loaded.documents.is_empty();
    for skip in &loaded.skipped {
        // An I/O failure fails the run, so it is said even with --quiet.
        if skip.io_error {
            eprintln!("error: {}: {}", visible(&skip.path), visible(&skip.reason));
        } else if nothing_read {
            eprintln!("warning: skipped {}: {}", visible(&skip.path), visible(&skip.reason));
        } else {
            loaded.warn(&format!("skipped {}: {}", skip.path, skip.reason));
        }
    }
    if nothing_read {
        return Err(Failure::Message(inputs::nothing_read(&loaded.skipped, &paths)));
    }
    Ok(loaded)
}

/// The claims of the record files of `check --claims` (`-` is stdin), with stand-in documents.
fn read_claim_records(files: &[PathBuf]) -> Result<records::Imported, Failure> {
    let mut all = Vec::new();
    for path in files {
        let text = if path.as_os_str() == "-" {
            let mut text = String::new();
            io::stdin().read_to_string(&mut text)?;
            text
        } else {
            std::fs::read_to_string(path).map_err(|e| {
                Failure::Message(format!(
                    "cannot read claims {}: {}",
                    path.display(),
                    documents::io_reason(&e)
                ))
            })?
        };
        all.extend(records::parse(&path.display().to_string(), &text).map_err(Failure::Message)?);
    }
    Ok(records::import(all))
}

/// The default pack plus the given rule files. Every problem in every file is collected
/// before failing.
fn load_rules<'p>(paths: impl IntoIterator<Item = &'p PathBuf>) -> Result<(RuleSet, Vec<(PathBuf, String)>), Failure> {
    let mut rules = RuleSet::with_default_pack().map_err(Failure::Rules)?;
    let mut errors = Vec::new();
    let mut texts = Vec::new();
    let mut seen = Vec::new();
    for path in paths {
        // A file named both in the config and with --rules is loaded once.
        let key = same_file_key(path);
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let text = std::fs::read_to_string(path)
            .map_err(|e| Failure::Message(format!("cannot read rule file {}: {e}", path.display())))?;
        if let Err(mut found) = rules.add(&path.display().to_string(), &text, false) {
            errors.append(&mut found);
        }
        texts.push((path.clone(), text));
    }
    if errors.is_empty() {
        Ok((rules, texts))
    } else {
        Err(Failure::Rules(errors))
    }
}

/// The extraction cache the settings ask for, if any. Besides the document, extraction depends
/// on the rule files, the lexicon and the reading options, so they make up its settings.
fn open_cache(
    input: &InputArgs,
    config: &Config,
    rule_texts: &[&str],
    options: documents::ReadOptions,
) -> Option<Cache> {
    if input.no_cache || config.cache == Some(false) {
        return None;
    }
    let dir = cache_dir(input, config)?;
    let mut settings: Vec<&[u8]> = vec![
        rules::file::DEFAULT_PACK.as_bytes(),
        rules::file::LEXICON.as_bytes(),
        if options.lossy { b"lossy" } else { b"strict" },
    ];
    settings.extend(rule_texts.iter().map(|text| text.as_bytes()));
    match Cache::open(&dir, &settings) {
        Ok(cache) => Some(cache),
        Err(e) => {
            if !input.quiet {
                eprintln!(
                    "warning: cannot use the cache in {}: {}; every document is extracted",
                    visible(&dir.display().to_string()),
                    documents::io_reason(&e)
                );
            }
            None
        }
    }
}

/// The cache folder the settings name: the command line's, the config's, else the user's.
fn cache_dir(input: &InputArgs, config: &Config) -> Option<PathBuf> {
    input
        .cache_dir
        .clone()
        .or_else(|| config.cache_dir.clone())
        .or_else(Cache::default_dir)
}

/// Extraction and linking, the part of the pipeline every command shares.
fn extract_and_link(loaded: &mut Loaded) -> (Vec<Claim>, link::ClaimGraph) {
    let claims = std::mem::take(&mut loaded.claims);
    if let Some(subjects) = &loaded.record_subjects {
        let graph = link::link_by_subject(&claims, subjects, &loaded.rules.subjects, &loaded.gazetteer);
        return (claims, graph);
    }
    let files: Vec<&SourceFile> = loaded.documents.iter().map(|d| &d.file).collect();
    let names = crate::subject::NamesInText::of_documents(loaded.documents.iter().map(|d| &d.names[..]));
    let graph = link::link(&claims, &files, &names, &loaded.rules.subjects, &loaded.gazetteer);
    (claims, graph)
}

/// The lock to compare with: one named on the command line or in the config (which must
/// exist), else `claimlint.lock` beside the config when there is one.
fn lock_to_compare(named: Option<&PathBuf>, config: &Config) -> Option<PathBuf> {
    match named.or(config.lock.as_ref()) {
        Some(path) => Some(path.clone()),
        None => Some(beside_config(config, lock::FILE_NAME)).filter(|p| p.is_file()),
    }
}

/// The folder a file's path names (`.` for a bare file name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A file that lives beside the config, else in the current folder.
fn beside_config(config: &Config, name: &str) -> PathBuf {
    match &config.folder {
        Some(folder) if !folder.as_os_str().is_empty() && folder != Path::new(".") => folder.join(name),
        _ => PathBuf::from(name),
    }
}

/// Extraction, linking, the rules and the suppressions: everything `check`, `lock` and
/// `baseline` share.
struct Checked {
    claims: Vec<Claim>,
    graph: link::ClaimGraph,
    /// Every finding that survives suppressions, at every severity.
    findings: Vec<rules::Finding>,
}

fn run_checks(loaded: &mut Loaded, lock_file: Option<&Path>) -> Result<Checked, Failure> {
    let (mut claims, mut graph) = extract_and_link(loaded);
    let names: Vec<(usize, &crate::subject::NameMention)> = loaded
        .documents
        .iter()
        .enumerate()
        .flat_map(|(doc, d)| d.names.iter().map(move |m| (doc, m)))
        .collect();
    graph.add_spellings(&mut claims, &names);
    let metas: Vec<_> = loaded.documents.iter().map(|d| d.meta.clone()).collect();

    let locked = match lock_file {
        Some(path) => Some(read_lock(path)?),
        None => None,
    };
    let lock_folder = lock_file.map(folder_of).unwrap_or_default();
    if let (Some(locked), Some(path)) = (&locked, lock_file) {
        let change = lock::RulesChange::between(&locked.rules, &loaded.locked_rules(&lock_folder));
        if !change.missing.is_empty() {
            return Err(Failure::Message(other_rules_message(path, &change)));
        }
        if !change.is_empty() {
            loaded.warn(&format!(
                "the rules differ from those that made {}: {}; its claims-lock findings may come from the rules, not the documents",
                path.display(),
                change.describe()
            ));
        }
    }
    let current = locked.as_ref().map(|_| {
        Lock::from_run(
            &loaded.documents,
            &claims,
            &graph,
            &loaded.paths_relative_to(&lock_folder),
        )
    });
    let lock_name = lock_file.map(|p| p.display().to_string()).unwrap_or_default();
    let lock_folder_name = lock_folder.display().to_string();
    let cx = RuleContext {
        claims: &claims,
        documents: &metas,
        graph: &graph,
        lock: locked
            .as_ref()
            .zip(current.as_ref())
            .map(|(locked, current)| LockContext {
                locked,
                current,
                name: &lock_name,
                folder: &lock_folder_name,
            }),
    };
    let found = rules::run(&cx, &loaded.rules);
    // Only path globs of [[ignore]] entries need the documents' paths from the config.
    let ignores = &loaded.config.ignores;
    let paths = if ignores.iter().any(|i| i.path.is_some()) {
        loaded.paths_relative_to(&loaded.config.folder.clone().unwrap_or_default())
    } else {
        Vec::new()
    };
    let findings = suppress::apply(found, &claims, &loaded.documents, &paths, ignores);
    Ok(Checked {
        claims,
        graph,
        findings,
    })
}

/// A lock made with rule files this run does not load: its claims were linked otherwise, and
/// comparing them would only list every claim of those rules as vanished.
fn other_rules_message(path: &Path, change: &lock::RulesChange) -> String {
    format!(
        "{} was made with other rules ({}), so its claims cannot be compared with this run's; \
         run with the rule files that made it (--rules FILE, or the config that names them), \
         or run `claimlint lock` to lock the claims of these rules",
        path.display(),
        change.describe()
    )
}

fn read_lock(path: &Path) -> Result<Lock, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::Message(format!("cannot read lock {}: {e}", path.display())))?;
    Lock::parse(&path.display().to_string(), &text).map_err(|e| Failure::Rules(vec![e]))
}

fn check(args: &CheckArgs) -> Result<ExitCode, Failure> {
    let mut loaded = load_with(&args.input, Some(inputs::STDIN_NAME), &args.claim_files)?;
    let lock_file = lock_to_compare(args.lock.as_ref(), &loaded.config);
    let checked = run_checks(&mut loaded, lock_file.as_deref())?;
    let config = &loaded.config;
    let mut findings = checked.findings;

    if let Some(path) = args.baseline.clone().or_else(|| config.baseline.clone()) {
        let known = read_baseline(&path)?;
        let new = {
            let run = report_run(&loaded, &checked.claims, &checked.graph, &findings, false);
            not_in_baseline(&run, &known)
        };
        let hidden = findings.len() - new.len();
        findings = new;
        if hidden > 0 {
            loaded.warn(&format!(
                "{hidden} finding(s) in the baseline {} not reported",
                path.display()
            ));
        }
    }

    let format = setting(args.format, config.format.as_deref(), CheckFormat::Text);
    let fail_on = setting(args.fail_on, config.fail_on.as_deref(), FailOn::Error);
    let min_level = match setting(args.min_level, config.min_level.as_deref(), MinLevel::Info) {
        MinLevel::Error => Severity::Error,
        MinLevel::Warning => Severity::Warning,
        MinLevel::Info => Severity::Info,
    };
    let color_choice = setting(args.color, config.color.as_deref(), ColorChoice::Auto);
    let output = args.output.clone().or_else(|| config.output.clone());
    let explain_links = args.explain_links || config.explain_links.unwrap_or(false);

    // What is shown (`--min-level`) and what fails the run (`--fail-on`) are separate.
    let shown: Vec<_> = findings.iter().filter(|f| f.severity >= min_level).cloned().collect();
    let run = report_run(&loaded, &checked.claims, &checked.graph, &shown, explain_links);

    // The text report says this itself; the machine formats leave it to standard error.
    let dated = run.dated_from_text();
    if !dated.is_empty() && !matches!(format, CheckFormat::Text) && !loaded.quiet {
        let message = format!(
            "{} document(s) without a date of their own are dated by the latest day their text names: {} ({})",
            dated.len(),
            report::some_of(&dated, report::UNDATED_NAMED),
            report::UNDATED_HELP
        );
        eprintln!("note: {}", visible(&message));
    }
    let undated = run.undated();
    if !undated.is_empty() && !matches!(format, CheckFormat::Text) {
        loaded.warn(&format!(
            "{} document(s) have no date, so their claims are not compared over time: {} ({})",
            undated.len(),
            report::some_of(&undated, report::UNDATED_NAMED),
            report::UNDATED_HELP
        ));
    }
    let linkage = run.linkage();
    if linkage.sees_nothing() && !matches!(format, CheckFormat::Text) {
        loaded.warn(&format!(
            "{} claims with a value, and no two of them found to be about one subject: nothing was compared",
            linkage.numeric
        ));
    }
    let mut buffer = Vec::new();
    match format {
        CheckFormat::Text => {
            let color = match color_choice {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => {
                    output.is_none()
                        && io::stdout().is_terminal()
                        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                }
            };
            report::write_text(&mut buffer, &run, color, loaded.quiet)?;
        }
        CheckFormat::Json => report::write_json(&mut buffer, &run)?,
        CheckFormat::Sarif => report::write_sarif(&mut buffer, &run)?,
        CheckFormat::Github => report::write_github(&mut buffer, &run)?,
        CheckFormat::Gitlab => report::write_gitlab(&mut buffer, &run)?,
        CheckFormat::Markdown => report::write_markdown(&mut buffer, &run)?,
        CheckFormat::Junit => report::write_junit(&mut buffer, &run)?,
        CheckFormat::Html => report::write_html(&mut buffer, &run)?,
    }
    write_output(output.as_deref(), &buffer)?;

    if loaded.skipped.iter().any(|s| s.io_error) {
        return Ok(ExitCode::from(2));
    }
    let threshold = match fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let failing = threshold.is_some_and(|t| findings.iter().any(|f| f.severity >= t));
    end_without_freeing((loaded, checked.claims, checked.graph, findings));
    Ok(if failing { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Leaves a run's documents and claims to the end of the process: the command has written
/// its output and the process exits next, and freeing a large set item by item would only
/// cost time.
fn end_without_freeing<T>(run: T) {
    std::mem::forget(run);
}

fn report_run<'a>(
    loaded: &'a Loaded,
    claims: &'a [Claim],
    graph: &'a link::ClaimGraph,
    findings: &'a [rules::Finding],
    explain_links: bool,
) -> Run<'a> {
    Run {
        documents: &loaded.documents,
        claims,
        graph,
        findings,
        skipped: &loaded.skipped,
        explain_links,
        config: loaded.config_name.as_deref(),
        rule_files: &loaded.rule_names,
    }
}

/// Writes to `path` atomically, or to standard output.
fn write_output(path: Option<&Path>, bytes: &[u8]) -> Result<(), Failure> {
    match path {
        Some(path) => {
            atomic::write(path, bytes).map_err(|e| Failure::Message(format!("cannot write {}: {e}", path.display())))
        }
        None => Ok(io::stdout().lock().write_all(bytes)?),
    }
}

/// The findings of a run the baseline does not know. A known finding that new claims joined
/// (a third figure in a known contradiction) is reported for those claims alone.
fn not_in_baseline(run: &Run<'_>, known: &baseline::Known) -> Vec<rules::Finding> {
    let mut new = Vec::new();
    for finding in run.findings {
        let values = run.identity_values(finding);
        match known.judge(
            &run.fingerprint(finding),
            finding.rule,
            finding.subject.as_deref(),
            &values,
        ) {
            baseline::Novelty::Known => {}
            baseline::Novelty::New => new.push(finding.clone()),
            baseline::Novelty::Grown(added) => {
                let mut grown = finding.clone();
                grown.claims.retain(|&c| added.contains(&run.identity_value(c)));
                grown.message = format!(
                    "{}; new since the baseline: {} (the rest of this finding is known)",
                    finding.message,
                    added.join(", ")
                );
                new.push(grown);
            }
        }
    }
    new
}

fn read_baseline(path: &Path) -> Result<baseline::Known, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::Message(format!("cannot read baseline {}: {e}", path.display())))?;
    Baseline::parse(&path.display().to_string(), &text).map_err(Failure::Message)
}

fn baseline_command(args: &BaselineArgs) -> Result<ExitCode, Failure> {
    let mut loaded = load(&args.input, false)?;
    let lock_file = lock_to_compare(None, &loaded.config);
    let checked = run_checks(&mut loaded, lock_file.as_deref())?;
    let config = &loaded.config;
    let run = report_run(&loaded, &checked.claims, &checked.graph, &checked.findings, false);
    let baseline = Baseline::new(
        checked
            .findings
            .iter()
            .map(|f| BaselineEntry {
                fingerprint: run.fingerprint(f),
                rule: f.rule.to_owned(),
                subject: f.subject.clone(),
                message: f.message.clone(),
                values: run.identity_values(f),
            })
            .collect(),
    );
    let count = baseline.findings.len();
    let text = baseline.render();
    let path = args
        .output
        .clone()
        .or_else(|| config.baseline.clone())
        .unwrap_or_else(|| beside_config(config, baseline::FILE_NAME));
    atomic::write(&path, text.as_bytes())
        .map_err(|e| Failure::Message(format!("cannot write {}: {e}", path.display())))?;
    if !loaded.quiet {
        eprintln!("wrote {} with {count} finding(s)", visible(&path.display().to_string()));
    }
    Ok(if loaded.skipped.iter().any(|s| s.io_error) {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn lock_command(args: &LockArgs) -> Result<ExitCode, Failure> {
    let mut loaded = load(&args.input, false)?;
    let path = args
        .lock
        .clone()
        .or_else(|| loaded.config.lock.clone())
        .unwrap_or_else(|| beside_config(&loaded.config, lock::FILE_NAME));
    let (claims, graph) = extract_and_link(&mut loaded);
    let mut current = Lock::from_run(
        &loaded.documents,
        &claims,
        &graph,
        &loaded.paths_relative_to(&folder_of(&path)),
    );
    current.rules = loaded.locked_rules(&folder_of(&path));
    let text = current.render();
    let io_failed = loaded.skipped.iter().any(|s| s.io_error);
    if !args.check {
        atomic::write(&path, text.as_bytes())
            .map_err(|e| Failure::Message(format!("cannot write {}: {e}", path.display())))?;
        if !loaded.quiet {
            let count: usize = current.subjects.values().map(Vec::len).sum();
            eprintln!(
                "wrote {} with {count} claim(s) about {} subject(s)",
                visible(&path.display().to_string()),
                current.subjects.len()
            );
        }
        if current.subjects.is_empty() {
            let with_value = claims.iter().filter(|c| c.value.is_some()).count();
            loaded.warn(&format!(
                "the lock is empty: no claim of the {} document(s) read ({with_value} claim(s) with a value) was linked to a subject, so `lock --check` and `check` can catch no change\n  = help: {}",
                loaded.documents.len(),
                "`check --explain-links` lists the claims left unlinked and why; a rule file's [[subject]] can name what the documents count"
            ));
        }
        return Ok(if io_failed {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        });
    }
    if !path.is_file() {
        eprintln!(
            "error: {} does not exist; run `claimlint lock` to write it",
            path.display()
        );
        return Ok(ExitCode::from(1));
    }
    let existing = std::fs::read_to_string(&path)
        .map_err(|e| Failure::Message(format!("cannot read lock {}: {e}", path.display())))?;
    let locked = Lock::parse(&path.display().to_string(), &existing).map_err(|e| Failure::Rules(vec![e]))?;
    let rules_change = lock::RulesChange::between(&locked.rules, &current.rules);
    if !rules_change.missing.is_empty() {
        return Err(Failure::Message(other_rules_message(&path, &rules_change)));
    }
    let drift = lock::diff(&locked, &current);
    if drift.is_empty() && existing == text {
        if !loaded.quiet {
            eprintln!("{} is up to date", path.display());
        }
        return Ok(if io_failed {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        });
    }
    eprintln!(
        "error: {} is stale; run `claimlint lock` after reviewing:",
        path.display()
    );
    if !rules_change.is_empty() {
        eprintln!(
            "  the rules differ from those that made the lock: {}",
            rules_change.describe()
        );
    }
    for change in &drift {
        // Subjects and paths come from the documents.
        let line = match change {
            lock::Drift::Changed { subject, old, new } => format!(
                "  changed   {subject}: {} → {} ({} → {})",
                old.value, new.value, old.path, new.path
            ),
            lock::Drift::Appeared { subject, new } => {
                format!("  appeared  {subject}: {} ({})", new.value, new.path)
            }
            lock::Drift::Vanished { subject, old } => {
                format!("  vanished  {subject}: {} ({})", old.value, old.path)
            }
        };
        eprintln!("{}", visible(&line));
    }
    if drift.is_empty() && rules_change.is_empty() {
        eprintln!("  the claims are the same, but their words, dates or sources changed");
    }
    Ok(ExitCode::from(1))
}

fn graph_command(args: &GraphArgs) -> Result<ExitCode, Failure> {
    let mut loaded = load(&args.input, true)?;
    let (claims, graph) = extract_and_link(&mut loaded);
    let export = report::graph_export(&loaded.documents, &claims, &graph);
    let mut buffer = Vec::new();
    match args.format {
        GraphFormat::Dot => report::write_graph_dot(&mut buffer, &export)?,
        GraphFormat::Svg => {
            let mut dot = Vec::new();
            report::write_graph_dot(&mut dot, &export)?;
            buffer = render_with_graphviz(&dot)?;
        }
        GraphFormat::Json => report::write_graph_json(&mut buffer, &export)?,
    }
    match &args.output {
        Some(path) => atomic::write(path, &buffer)
            .map_err(|e| Failure::Message(format!("cannot write {}: {e}", path.display())))?,
        None => io::stdout().lock().write_all(&buffer)?,
    }
    Ok(if loaded.skipped.iter().any(|s| s.io_error) {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Runs Graphviz `dot -Tsvg` over a DOT graph.
fn render_with_graphviz(dot: &[u8]) -> Result<Vec<u8>, Failure> {
    use std::process::{Command, Stdio};
    let mut child = match Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(Failure::Message(
                "`--format svg` needs Graphviz's `dot` program, which is not on PATH; install Graphviz \
                 (Debian and Ubuntu: `apt install graphviz`, macOS: `brew install graphviz`) or use \
                 `--format dot` and render it elsewhere"
                    .into(),
            ));
        }
        Err(e) => return Err(Failure::Message(format!("cannot run Graphviz `dot`: {e}"))),
    };
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let input = dot.to_vec();
    // Writing from another thread keeps a large graph from filling both pipes at once.
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child
        .wait_with_output()
        .map_err(|e| Failure::Message(format!("cannot run Graphviz `dot`: {e}")))?;
    let _ = writer.join();
    if !output.status.success() {
        return Err(Failure::Message(format!(
            "Graphviz `dot` failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        )));
    }
    Ok(output.stdout)
}

fn extract_command(args: &ExtractArgs) -> Result<ExitCode, Failure> {
    if args.stream {
        return inputs::extract_streaming(&args.input, args.format);
    }
    // Records name standard input `-`, as the record's spec says.
    let mut loaded = load_with(&args.input, Some("-"), &[])?;
    let (claims, graph) = extract_and_link(&mut loaded);
    let record = |i| report::claim_record(&loaded.documents, &claims, Some(&graph), i);
    let stdout = io::stdout();
    // Records are many and short: a larger buffer makes fewer writes.
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    match args.format {
        ExtractFormat::Jsonl => write_in_order(&mut out, claims.len(), |range, buffer| {
            report::write_claims_jsonl(buffer, range.map(record))
        })?,
        ExtractFormat::Text => write_in_order(&mut out, claims.len(), |range, buffer| {
            report::write_claims_text(buffer, range.map(record))
        })?,
        ExtractFormat::Json => report::write_claims_json(&mut out, &(0..claims.len()).map(record).collect::<Vec<_>>())?,
    }
    out.flush()?;
    let io_error = loaded.skipped.iter().any(|s| s.io_error);
    end_without_freeing((loaded, claims, graph));
    Ok(if io_error { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

/// Writes `count` records in their order, rendering them on all threads: each batch of records
/// is rendered in chunks into buffers at once and then written, so the output is that of a
/// serial run while no more than one batch is held in memory.
fn write_in_order(
    out: &mut dyn Write,
    count: usize,
    render: impl Fn(Range<usize>, &mut Vec<u8>) -> io::Result<()> + Sync,
) -> io::Result<()> {
    const CHUNK: usize = 1024;
    const CHUNKS_PER_BATCH: usize = 64;
    // The buffers are kept from batch to batch, so their memory is taken once.
    let mut buffers = vec![Vec::new(); CHUNKS_PER_BATCH];
    for batch in (0..count).step_by(CHUNK * CHUNKS_PER_BATCH) {
        let end = (batch + CHUNK * CHUNKS_PER_BATCH).min(count);
        let chunks = (end - batch).div_ceil(CHUNK);
        buffers[..chunks]
            .par_iter_mut()
            .enumerate()
            .try_for_each(|(i, buffer)| {
                buffer.clear();
                let start = batch + i * CHUNK;
                render(start..(start + CHUNK).min(end), buffer)
            })?;
        for buffer in &buffers[..chunks] {
            out.write_all(buffer)?;
        }
    }
    Ok(())
}

fn cache_command(args: &CacheArgs) -> Result<ExitCode, Failure> {
    let dir = args
        .cache_dir
        .clone()
        .or_else(Cache::default_dir)
        .ok_or_else(|| Failure::Message("no cache folder: name one with --cache-dir".into()))?;
    match args.action {
        CacheAction::Path => println!("{}", dir.display()),
        CacheAction::Clean => {
            let (entries, bytes) = cache::clean(&dir).map_err(|e| {
                Failure::Message(format!("cannot clean {}: {}", dir.display(), documents::io_reason(&e)))
            })?;
            println!(
                "removed {entries} cache entr{} ({}) from {}",
                if entries == 1 { "y" } else { "ies" },
                documents::format_size(bytes),
                dir.display()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The files `claimlint init` writes, with what they hold.
const INIT_FILES: &[(&str, &str)] = &[
    (config::FILE_NAME, include_str!("templates/claimlint.toml")),
    ("claimlint.rules.toml", include_str!("templates/claimlint.rules.toml")),
];

fn init_command() -> Result<ExitCode, Failure> {
    for (name, text) in INIT_FILES {
        let path = Path::new(name);
        // Anything there is left, even a link to nothing.
        let exists = || path.symlink_metadata().is_ok();
        if exists() {
            println!("{name} exists, left as it is");
            continue;
        }
        // Never replaces a file that appeared meanwhile.
        match atomic::create(path, text.as_bytes()) {
            Ok(()) => println!("wrote {name}"),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && exists() => {
                println!("{name} exists, left as it is")
            }
            Err(e) => return Err(Failure::Message(format!("cannot write {name}: {e}"))),
        }
    }
    println!("next: edit claimlint.rules.toml, then run `claimlint check`");
    Ok(ExitCode::SUCCESS)
}

/// `rules validate --against PATH`: reads the documents with the rule files (and the config
/// found for them, as `check` would) and warns about each subject of the rule files that no
/// claim matches.
fn validate_against(files: &[PathBuf], against: &[PathBuf]) -> Result<(), Failure> {
    let input = InputArgs {
        paths: against.to_vec(),
        config: None,
        rule_files: files.to_vec(),
        max_file_size: None,
        max_claims: None,
        lossy: false,
        cache_dir: None,
        no_cache: false,
        verbose: false,
        jobs: None,
        quiet: false,
        progress: ProgressChoice::Never,
    };
    let mut loaded = load(&input, false)?;
    let (_claims, graph) = extract_and_link(&mut loaded);
    let validated: Vec<PathBuf> = files.iter().map(|f| same_file_key(f)).collect();
    let matched = |id: &str| graph.subjects.iter().any(|s| s.key == id && !s.claims.is_empty());
    let places = against
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let warnings: Vec<RuleError> = loaded
        .rules
        .declared_at
        .iter()
        .filter(|(id, site)| validated.contains(&same_file_key(Path::new(&site.path))) && !matched(id))
        .map(|(id, site)| RuleError {
            message: format!(
                "subject `{id}` matches no claim in {places} ({} document(s) read)",
                loaded.documents.len()
            ),
            ..site.clone()
        })
        .collect();
    print_rule_diagnostics(&warnings, Level::WARNING);
    let declared = loaded
        .rules
        .declared_at
        .iter()
        .filter(|(_, site)| validated.contains(&same_file_key(Path::new(&site.path))))
        .count();
    println!(
        "{} of {declared} subject(s) match claims in {places}",
        declared - warnings.len()
    );
    Ok(())
}

/// A path to compare files by: the file itself when it can be resolved.
fn same_file_key(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The settings the built-in pack runs a rule with, read from the pack itself: what a run
/// without rule files uses, and what a `[[check]]` that leaves a key out takes.
fn built_in_defaults(rule: &rules::RuleMeta) -> Option<String> {
    if !rules::BUILTIN.iter().any(|r| r.meta().name == rule.name) {
        return None;
    }
    let pack = RuleSet::with_default_pack().ok()?;
    let settings = pack.default_settings(rule);
    let mut keys = vec![format!("severity = \"{}\"", settings.severity)];
    if rule.docs.contains("`tolerance`") {
        keys.push(format!(
            "tolerance = \"{}\"",
            rules::file::format_tolerance(settings.tolerance)
        ));
    }
    if rule.docs.contains("`window`") {
        keys.push(format!(
            "window = \"{}\"",
            rules::file::format_window(settings.window_days)
        ));
    }
    Some(format!(
        "The built-in pack runs this check on every subject with {}. A [[check]] of a rule file\nthat leaves one of these keys out takes the same value.",
        keys.join(", ")
    ))
}

fn rules_command(command: &RulesCommand) -> Result<ExitCode, Failure> {
    match command {
        RulesCommand::List => {
            for meta in rules::all_rules() {
                println!(
                    "{:<24} {:<8} {}",
                    meta.name,
                    meta.default_severity.to_string(),
                    meta.summary()
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        RulesCommand::Explain { rule } => {
            let Some(found) = rules::all_rules().into_iter().find(|m| m.name == rule) else {
                let names: Vec<&str> = rules::all_rules().iter().map(|m| m.name).collect();
                return Err(Failure::Message(format!(
                    "no rule named `{rule}`; the rules are: {}",
                    names.join(", ")
                )));
            };
            println!("# {} (default severity: {})\n", found.name, found.default_severity);
            for line in found.docs.lines() {
                println!("{}", line.strip_prefix(' ').unwrap_or(line));
            }
            if let Some(defaults) = built_in_defaults(found) {
                println!("\n## Defaults\n{defaults}");
            }
            Ok(ExitCode::SUCCESS)
        }
        RulesCommand::Keys => {
            print!("{}", rules::file::KEYS_REFERENCE);
            Ok(ExitCode::SUCCESS)
        }
        RulesCommand::Validate { files, against } => {
            load_rules(files)?;
            println!("{} rule file(s) valid", files.len());
            if !against.is_empty() {
                validate_against(files, against)?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
