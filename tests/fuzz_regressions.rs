//! The fuzz targets' seeds and every crash they found, replayed with the same checks as the
//! targets in `fuzz/fuzz_targets/`. A new crash reproducer goes into
//! `tests/fixtures/fuzz-seeds/TARGET/` with its fix.

use std::path::Path;
use std::sync::LazyLock;

use claimlint::baseline::Baseline;
use claimlint::cli::config::{Config, ConfigError};
use claimlint::documents;
use claimlint::extract::{self, Gazetteer};
use claimlint::link;
use claimlint::lock::Lock;
use claimlint::records;
use claimlint::rules::RuleSet;
use claimlint::subject::{self, NamesInText};

use crate::common::{html_recipe, root};

static RULES: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::with_default_pack().expect("default pack"));
static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer::new(RULES.entities.clone(), &RULES.nouns));

/// Every seed of `target`, with its name; at least one.
fn seeds(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = root().join("tests/fixtures/fuzz-seeds").join(target);
    let mut found: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect();
    found.sort();
    assert!(!found.is_empty(), "no seeds for {target}");
    found
}

fn text_seeds(target: &str) -> Vec<(String, String)> {
    seeds(target)
        .into_iter()
        .filter_map(|(name, bytes)| Some((name, String::from_utf8(bytes).ok()?)))
        .collect()
}

/// What `extract_text` and `load_document` assert of every claim.
fn claims_point_at_real_text(name: &str, doc: &documents::Document) -> usize {
    let text = &doc.file.text;
    let claims = extract::extract(0, doc, &GAZETTEER);
    for claim in &claims {
        let span = claim.span.clone();
        assert!(span.start <= span.end && span.end <= text.len(), "{name}: {span:?}");
        assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "{name}: {span:?} splits a character"
        );
        if let Some(value) = claim.value
            && let (Some(low), Some(high)) = (value.low, value.high)
        {
            assert!(low <= high || low.is_nan() || high.is_nan(), "{name}: {low} > {high}");
        }
    }
    let names = subject::document_names(doc);
    for mention in &names {
        let range = mention.range.clone();
        assert!(range.end <= text.len(), "{name}: name {range:?}");
        assert!(
            text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
            "{name}: name {range:?} splits a character"
        );
    }
    link::link(
        &claims,
        &[&doc.file],
        &NamesInText::of(names.iter()),
        &RULES.subjects,
        &GAZETTEER,
    );
    claims.len()
}

#[test]
fn extract_text_seeds() {
    let mut claims = 0;
    for (name, text) in text_seeds("extract_text") {
        let doc = documents::parse("seed.txt".into(), text.into_bytes(), None).expect("a text seed parses");
        claims += claims_point_at_real_text(&name, &doc);
    }
    assert!(claims > 50, "the seeds are sentences full of numbers: {claims} claims");
}

#[test]
fn load_document_seeds() {
    for (name, bytes) in seeds("load_document") {
        let (&pick, bytes) = bytes.split_first().expect("a seed has a format byte");
        let file = ["seed.txt", "seed.md", "seed.html"][usize::from(pick % 3)];
        if let Ok(doc) = documents::parse(file.into(), bytes.to_vec(), None) {
            claims_point_at_real_text(&name, &doc);
        }
    }
}

#[test]
fn html_document_seeds() {
    let (mut loaded, mut skipped, mut claims) = (0, 0, 0);
    for (name, bytes) in seeds("html_document") {
        let (&mode, rest) = bytes.split_first().expect("a seed has a mode byte");
        let html = if mode & 1 == 1 {
            html_recipe::build(rest, 1 << 17).into_bytes()
        } else {
            rest.to_vec()
        };
        match documents::parse("seed.html".into(), html, None) {
            Ok(doc) => {
                claims += claims_point_at_real_text(&name, &doc);
                loaded += 1;
            }
            Err(reason) => {
                assert!(
                    reason.reason.contains("quoted attributes in a row"),
                    "{name}: {reason:?}"
                );
                skipped += 1;
            }
        }
    }
    assert_eq!(
        (loaded, skipped),
        (3, 1),
        "the seeds are three pages and one tag too deep to read"
    );
    assert!(claims > 0, "the web page states numbers");
}

/// What `claim_records` asserts: records parse into claims of stand-in texts no longer than
/// the claims' texts, each reported where its record says, or fail with `file:line:`.
pub fn claim_records_hold(name: &str, text: &str) -> Result<usize, String> {
    let parsed = records::parse(name, text)?;
    let mut places: Vec<(String, usize, usize)> = parsed.iter().map(|r| (r.file.clone(), r.line, r.column)).collect();
    let texts: usize = parsed.iter().map(|r| r.text.len() + 1).sum();
    let imported = records::import(parsed);
    let held: usize = imported.documents.iter().map(|d| d.file.text.len()).sum();
    assert!(
        held <= texts + imported.documents.len(),
        "{name}: {held} bytes for {texts} of claims"
    );
    let mut found: Vec<(String, usize, usize)> = imported
        .claims
        .iter()
        .map(|claim| {
            let file = &imported.documents[claim.doc].file;
            assert!(
                claim.span.start <= claim.span.end && claim.span.end <= file.text.len(),
                "{name}"
            );
            assert!(
                file.text.is_char_boundary(claim.span.start) && file.text.is_char_boundary(claim.span.end),
                "{name}"
            );
            if let Some(value) = claim.value
                && let (Some(low), Some(high)) = (value.low, value.high)
            {
                assert!(low <= high, "{name}: {low} > {high}");
            }
            let (line, column) = file.line_col(claim.span.start);
            (file.path.clone(), line, column)
        })
        .collect();
    places.sort();
    found.sort();
    assert_eq!(places, found, "{name}");
    Ok(found.len())
}

#[test]
fn claim_records_seeds() {
    let (mut claims, mut refused) = (0, 0);
    for (name, text) in text_seeds("claim_records") {
        match claim_records_hold(&name, &text) {
            Ok(count) => claims += count,
            Err(message) => {
                assert!(message.starts_with(&format!("{name}:1: ")), "{message}");
                refused += 1;
            }
        }
    }
    assert!(claims > 40, "the seeds hold the example corpus's claims: {claims}");
    assert_eq!(refused, 2, "two seeds break the bounds");
}

#[test]
fn rule_file_seeds() {
    for (name, text) in text_seeds("rule_file") {
        let mut rules = RuleSet::with_default_pack().unwrap();
        if let Err(errors) = rules.add(&name, &text, false) {
            for error in errors {
                assert!(error.line >= 1 && error.column >= 1, "{name}: {error}");
                assert!(error.underline.end <= error.source_line.len(), "{name}: {error}");
            }
        }
    }
}

#[test]
fn config_seeds() {
    for (name, text) in text_seeds("config") {
        match Config::parse(Path::new(&name), &text) {
            Ok(_) => {}
            Err(ConfigError::Invalid(errors)) => assert!(errors.iter().all(|e| e.line >= 1), "{name}"),
            Err(ConfigError::Io(message)) => panic!("{name}: parsing does no I/O, yet: {message}"),
        }
    }
}

#[test]
fn lock_and_baseline_seeds() {
    let mut parsed = 0;
    for (name, text) in text_seeds("lock_and_baseline") {
        if Baseline::parse(&name, &text).is_ok() {
            parsed += 1;
        }
        if let Ok(lock) = Lock::parse(&name, &text) {
            let again = Lock::parse(&name, &lock.render()).expect("a rendered lock parses");
            assert_eq!(again.render(), lock.render(), "{name}");
            parsed += 1;
        }
    }
    assert_eq!(parsed, 2, "the seeds are one valid lock and one valid baseline");
}
