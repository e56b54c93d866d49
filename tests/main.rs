//! claimlint's integration tests: one binary, one module per area.

/// Lock, baseline, suppressions, config and init: what a team adopts claimlint with.
mod adoption;
/// The extraction cache.
mod cache;
/// `check --claims`: records made elsewhere.
mod claims_input;
/// Exit codes, formats and error handling of the command line.
mod cli;
/// Hostile file names and metadata, escaped for each format they land in.
mod escaping;
/// `claimlint check` on the example corpus, pinned as snapshots.
mod example_corpus;
/// Extraction on sentences shaped like the seed articles.
mod extraction;
/// The CI formats: SARIF, GitHub, GitLab, JUnit and Markdown.
mod formats;
/// The fuzz targets' seeds and crash reproducers, replayed.
mod fuzz_regressions;
/// `claimlint graph` and `check --explain-links` on the example corpus.
mod graph;
/// Input claimlint cannot or should not read, limits, read-only documents, interrupted runs.
mod hostile_input;
/// `check --format html`: the report page, its charts, and a real browser rendering it;
/// `graph --format svg`.
mod html_report;
/// What a run reads: standard input, missing paths, runs that read nothing, UTF-16, and
/// `extract --stream`.
mod inputs;
/// Entity, owner and role forms linked without a rule file, and the near misses kept apart.
mod linking;
/// Markdown and HTML documents: prose only, located in the original file.
mod markup;
/// Properties over arbitrary input: no panics, sound spans.
mod properties;
/// Rule-file and config errors with file:line:column.
mod rule_files;
/// Subjects built from the text: measure frames, owners and places, qualifiers, rolling
/// news, names spelled two ways, and the warning when nothing links.
mod subjects;
/// Claim times stated in the sentence, modality, and how the checks use both.
mod time_and_modality;
/// Where reports, locks and baselines go: through links, into devices and pipes, over files
/// with their permissions kept; and what killed runs left, removed.
mod writes;

mod common;
