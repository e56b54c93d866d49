//! The command line: parses arguments, loads config and rule files, drives the pipeline and
//! prints. The only module that reads the environment, prints or decides the exit code.
//!
//! Exit codes: 0 no findings at or above `--fail-on`, 1 findings at or above it, 2 usage,
//! config or I/O error.

#![allow(clippy::print_stdout, clippy::print_stderr)]

mod config;

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use crate::documents::{self, Document, Skipped};
use crate::extract::{self, Claim, Gazetteer};
use crate::link;
use crate::report::{self, Run};
use crate::rules::{self, BUILTIN, RuleContext, RuleError, RuleSet, Severity};

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
    /// List, explain or validate rules.
    #[command(subcommand)]
    Rules(RulesCommand),
}

#[derive(Debug, clap::Args)]
struct GraphArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Graphviz DOT (render with `dot -Tsvg`) or JSON nodes and edges.
    #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
    format: GraphFormat,
    /// Write the graph to FILE (atomically) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum GraphFormat {
    Dot,
    Json,
}

#[derive(Debug, clap::Args)]
struct InputArgs {
    /// Files or folders to read; folders are walked for .txt and .md files, honouring
    /// .gitignore. Defaults to the current folder.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Config file. By default `claimlint.toml` is looked for in the first PATH and the folders
    /// above it, then above the current folder.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Extra rule file to load (repeatable), after those the config names.
    #[arg(long = "rules", value_name = "FILE")]
    rule_files: Vec<PathBuf>,
    /// Skip files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = documents::DEFAULT_MAX_BYTES)]
    max_file_size: u64,
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Report format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    format: CheckFormat,
    /// Exit with 1 when a finding of this severity or higher exists, shown or not.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    fail_on: FailOn,
    /// Show only findings of this severity or higher in the report.
    #[arg(long, value_enum, default_value_t = MinLevel::Info)]
    min_level: MinLevel,
    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// When to colour the text report. `auto` colours a terminal unless NO_COLOR is set.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Say, for each claim of a finding, why it was linked to the others.
    #[arg(long)]
    explain_links: bool,
}

#[derive(Debug, clap::Args)]
struct ExtractArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output format: one JSON record per line, one JSON document, or aligned text.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Jsonl)]
    format: ExtractFormat,
}

#[derive(Debug, Subcommand)]
enum RulesCommand {
    /// List the built-in rules.
    List,
    /// Print a rule's documentation.
    Explain {
        /// Rule name, as `claimlint rules list` shows it.
        rule: String,
    },
    /// Check rule files for errors without running them.
    Validate {
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
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

/// A failure that ends the run with exit code 2.
enum Failure {
    Message(String),
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
    let result = match cli.command {
        Command::Check(args) => check(&args),
        Command::Extract(args) => extract_command(&args),
        Command::Graph(args) => graph_command(&args),
        Command::Rules(command) => rules_command(&command),
    };
    match result {
        Ok(code) => code,
        Err(Failure::Message(message)) if message.contains("Broken pipe") => ExitCode::SUCCESS,
        Err(Failure::Message(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Rules(errors)) => {
            print_rule_errors(&errors);
            ExitCode::from(2)
        }
    }
}

fn print_rule_errors(errors: &[RuleError]) {
    let color = io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    for error in errors {
        let end = error.underline.end.max(error.underline.start);
        let group = Group::with_title(Level::ERROR.primary_title(error.message.as_str())).element(
            Snippet::source(error.source_line.as_str())
                .line_start(error.line)
                .path(error.path.as_str())
                .annotation(AnnotationKind::Primary.span(error.underline.start..end)),
        );
        eprintln!("{}", renderer.render(&[group]));
    }
    eprintln!("error: {} problem(s) in rule or config files", errors.len());
}

/// What loading the inputs produced.
struct Loaded {
    documents: Vec<Document>,
    skipped: Vec<Skipped>,
    rules: RuleSet,
    gazetteer: Gazetteer,
}

fn load(input: &InputArgs, allow_stdin: bool) -> Result<Loaded, Failure> {
    let paths = if input.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        input.paths.clone()
    };
    let config_path = match &input.config {
        Some(path) => Some(path.clone()),
        None => paths
            .iter()
            .find(|p| p.as_os_str() != "-")
            .and_then(|p| config::discover(p)),
    };
    let config = match &config_path {
        Some(path) => Config::load(path).map_err(|e| match e {
            ConfigError::Io(message) => Failure::Message(format!("cannot read config {message}")),
            ConfigError::Invalid(errors) => Failure::Rules(errors),
        })?,
        None => Config::default(),
    };

    let rules = load_rules(config.rules.iter().chain(&input.rule_files))?;
    let gazetteer = Gazetteer::new(rules.entities.clone(), &rules.nouns);

    let mut skipped = Vec::new();
    let mut files = Vec::new();
    let mut stdin_document = None;
    let file_paths: Vec<PathBuf> = paths.iter().filter(|p| p.as_os_str() != "-").cloned().collect();
    if allow_stdin && file_paths.len() < paths.len() {
        let mut bytes = Vec::new();
        io::stdin().read_to_end(&mut bytes)?;
        match documents::parse("-".into(), bytes, None) {
            Ok(doc) => stdin_document = Some(doc),
            Err(skip) => skipped.push(skip),
        }
    }
    if !file_paths.is_empty() {
        let (found, problems) = documents::discover(&file_paths);
        files = found;
        skipped.extend(problems);
    }
    let read: Vec<Result<Document, Skipped>> = files
        .par_iter()
        .map(|path| documents::read(path, config.manifest_for(path), input.max_file_size))
        .collect();
    let mut documents: Vec<Document> = stdin_document.into_iter().collect();
    for result in read {
        match result {
            Ok(doc) => documents.push(doc),
            Err(skip) => skipped.push(skip),
        }
    }
    for skip in &skipped {
        eprintln!("warning: {}: {}, skipped", skip.path, skip.reason);
    }
    Ok(Loaded {
        documents,
        skipped,
        rules,
        gazetteer,
    })
}

/// The default pack plus the given rule files. Every problem in every file is collected
/// before failing.
fn load_rules<'p>(paths: impl IntoIterator<Item = &'p PathBuf>) -> Result<RuleSet, Failure> {
    let mut rules = RuleSet::with_default_pack().map_err(Failure::Rules)?;
    let mut errors = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Failure::Message(format!("cannot read rule file {}: {e}", path.display())))?;
        if let Err(mut found) = rules.add(&path.display().to_string(), &text, false) {
            errors.append(&mut found);
        }
    }
    if errors.is_empty() {
        Ok(rules)
    } else {
        Err(Failure::Rules(errors))
    }
}

fn extract_all(documents: &[Document], gazetteer: &Gazetteer) -> Vec<Claim> {
    let per_document: Vec<Vec<Claim>> = documents
        .par_iter()
        .enumerate()
        .map(|(i, doc)| extract::extract(i, doc, gazetteer))
        .collect();
    per_document.into_iter().flatten().collect()
}

fn check(args: &CheckArgs) -> Result<ExitCode, Failure> {
    let loaded = load(&args.input, false)?;
    let claims = extract_all(&loaded.documents, &loaded.gazetteer);
    let texts: Vec<&str> = loaded.documents.iter().map(|d| d.file.text.as_str()).collect();
    let graph = link::link(&claims, &texts, &loaded.rules.subjects, &loaded.gazetteer);
    let metas: Vec<_> = loaded.documents.iter().map(|d| d.meta.clone()).collect();
    let cx = RuleContext {
        claims: &claims,
        documents: &metas,
        graph: &graph,
    };
    let findings = rules::run(&cx, &loaded.rules);
    // What is shown (`--min-level`) and what fails the run (`--fail-on`) are separate.
    let min_level = match args.min_level {
        MinLevel::Error => Severity::Error,
        MinLevel::Warning => Severity::Warning,
        MinLevel::Info => Severity::Info,
    };
    let shown: Vec<_> = findings.iter().filter(|f| f.severity >= min_level).cloned().collect();
    let run = Run {
        documents: &loaded.documents,
        claims: &claims,
        graph: &graph,
        findings: &shown,
        skipped: &loaded.skipped,
        explain_links: args.explain_links,
    };

    // The text report says this itself; the machine formats leave it to standard error.
    let undated = run.undated();
    if !undated.is_empty() && !matches!(args.format, CheckFormat::Text) {
        eprintln!(
            "warning: {} document(s) have no date, so their claims are not compared over time: {} ({})",
            undated.len(),
            undated.join(", "),
            report::UNDATED_HELP
        );
    }
    let mut buffer = Vec::new();
    match args.format {
        CheckFormat::Text => {
            let color = match args.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => {
                    args.output.is_none()
                        && io::stdout().is_terminal()
                        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                }
            };
            report::write_text(&mut buffer, &run, color)?;
        }
        CheckFormat::Json => report::write_json(&mut buffer, &run)?,
        CheckFormat::Sarif => report::write_sarif(&mut buffer, &run)?,
        CheckFormat::Github => report::write_github(&mut buffer, &run)?,
        CheckFormat::Gitlab => report::write_gitlab(&mut buffer, &run)?,
        CheckFormat::Markdown => report::write_markdown(&mut buffer, &run)?,
        CheckFormat::Junit => report::write_junit(&mut buffer, &run)?,
    }
    match &args.output {
        Some(path) => write_atomically(path, &buffer)
            .map_err(|e| Failure::Message(format!("cannot write {}: {e}", path.display())))?,
        None => io::stdout().lock().write_all(&buffer)?,
    }

    if loaded.skipped.iter().any(|s| s.io_error) {
        return Ok(ExitCode::from(2));
    }
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let failing = threshold.is_some_and(|t| findings.iter().any(|f| f.severity >= t));
    Ok(if failing { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn graph_command(args: &GraphArgs) -> Result<ExitCode, Failure> {
    let loaded = load(&args.input, false)?;
    let claims = extract_all(&loaded.documents, &loaded.gazetteer);
    let texts: Vec<&str> = loaded.documents.iter().map(|d| d.file.text.as_str()).collect();
    let graph = link::link(&claims, &texts, &loaded.rules.subjects, &loaded.gazetteer);
    let export = report::graph_export(&loaded.documents, &claims, &graph);
    let mut buffer = Vec::new();
    match args.format {
        GraphFormat::Dot => report::write_graph_dot(&mut buffer, &export)?,
        GraphFormat::Json => report::write_graph_json(&mut buffer, &export)?,
    }
    match &args.output {
        Some(path) => write_atomically(path, &buffer)
            .map_err(|e| Failure::Message(format!("cannot write {}: {e}", path.display())))?,
        None => io::stdout().lock().write_all(&buffer)?,
    }
    Ok(if loaded.skipped.iter().any(|s| s.io_error) {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes to a temporary file beside `path`, then renames it over `path`.
fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = folder.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::write(&temporary, bytes).and_then(|()| std::fs::rename(&temporary, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

fn extract_command(args: &ExtractArgs) -> Result<ExitCode, Failure> {
    let loaded = load(&args.input, true)?;
    let claims = extract_all(&loaded.documents, &loaded.gazetteer);
    let texts: Vec<&str> = loaded.documents.iter().map(|d| d.file.text.as_str()).collect();
    let graph = link::link(&claims, &texts, &loaded.rules.subjects, &loaded.gazetteer);
    let records: Vec<_> = (0..claims.len())
        .map(|i| report::claim_record(&loaded.documents, &claims, Some(&graph), i))
        .collect();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match args.format {
        ExtractFormat::Jsonl => report::write_claims_jsonl(&mut out, &records)?,
        ExtractFormat::Json => report::write_claims_json(&mut out, &records)?,
        ExtractFormat::Text => report::write_claims_text(&mut out, &records)?,
    }
    out.flush()?;
    let io_error = loaded.skipped.iter().any(|s| s.io_error);
    Ok(if io_error { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

fn rules_command(command: &RulesCommand) -> Result<ExitCode, Failure> {
    match command {
        RulesCommand::List => {
            for rule in BUILTIN {
                let meta = rule.meta();
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
            let Some(found) = BUILTIN.iter().map(|r| r.meta()).find(|m| m.name == rule) else {
                let names: Vec<&str> = BUILTIN.iter().map(|r| r.meta().name).collect();
                return Err(Failure::Message(format!(
                    "no rule named `{rule}`; the rules are: {}",
                    names.join(", ")
                )));
            };
            println!("# {} (default severity: {})\n", found.name, found.default_severity);
            for line in found.docs.lines() {
                println!("{}", line.strip_prefix(' ').unwrap_or(line));
            }
            Ok(ExitCode::SUCCESS)
        }
        RulesCommand::Validate { files } => {
            load_rules(files)?;
            println!("{} rule file(s) valid", files.len());
            Ok(ExitCode::SUCCESS)
        }
    }
}
