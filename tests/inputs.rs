//! What a run reads: UTF-16 with a byte-order mark is text, a size limit of zero is refused,
//! and extraction stops soon after the claims limit.

use std::fs;
use std::path::Path;
use std::process::Output;

use serde_json::Value;

use crate::common::{run_in, scratch, stderr, stdout};

/// The lines of stderr.
fn stderr_lines(output: &Output) -> Vec<String> {
    stderr(output).lines().map(str::to_owned).collect()
}

#[test]
fn a_size_limit_of_zero_is_refused() {
    let dir = scratch("inputs-zero-limit");
    fs::write(dir.join("a.txt"), "NATO has 30 allies.\n").unwrap();
    let flag = run_in(&dir, &["check", "a.txt", "--max-file-size", "0"]);
    assert_eq!(flag.status.code(), Some(2));
    assert!(
        stderr(&flag).contains("`0` would skip every file; the size limit must be at least 1 byte"),
        "{}",
        stderr(&flag)
    );
    for setting in ["max-file-size = 0", "max-file-size = \"0K\""] {
        fs::write(dir.join("claimlint.toml"), format!("{setting}\n")).unwrap();
        let config = run_in(&dir, &["check", "a.txt"]);
        assert_eq!(config.status.code(), Some(2), "{setting}");
        assert_eq!(stdout(&config), "");
        let said = stderr(&config);
        assert!(
            said.contains("would skip every file; the size limit must be at least 1 byte"),
            "{said}"
        );
        assert!(said.contains("claimlint.toml:1:17"), "{said}");
    }
}

/// (line, column, text, the text at the record's byte range of the file) of each record.
fn located(dir: &Path, name: &str, decode: fn(&[u8]) -> String, extra: &[&str]) -> Vec<(u64, u64, String, String)> {
    let mut args = vec!["extract", name];
    args.extend_from_slice(extra);
    let output = run_in(dir, &args);
    assert_eq!(output.status.code(), Some(0), "{name}: {}", stderr(&output));
    assert_eq!(stderr(&output), "", "{name}");
    let bytes = fs::read(dir.join(name)).unwrap();
    stdout(&output)
        .lines()
        .map(|line| {
            let r: Value = serde_json::from_str(line).unwrap();
            let (start, end) = (
                r["start"].as_u64().unwrap() as usize,
                r["end"].as_u64().unwrap() as usize,
            );
            (
                r["line"].as_u64().unwrap(),
                r["column"].as_u64().unwrap(),
                r["text"].as_str().unwrap().to_owned(),
                decode(&bytes[start..end]),
            )
        })
        .collect()
}

fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut bytes = if little_endian {
        vec![0xff, 0xfe]
    } else {
        vec![0xfe, 0xff]
    };
    for unit in text.encode_utf16() {
        bytes.extend(if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    bytes
}

fn from_utf16(bytes: &[u8], little_endian: bool) -> String {
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|p| {
            if little_endian {
                u16::from_le_bytes([p[0], p[1]])
            } else {
                u16::from_be_bytes([p[0], p[1]])
            }
        })
        .collect();
    String::from_utf16(&units).unwrap()
}

#[test]
fn utf16_with_a_byte_order_mark_is_read_with_positions_in_the_file() {
    let dir = scratch("inputs-utf16");
    // A character beyond the Basic Multilingual Plane takes two UTF-16 units.
    let story = "Headline\r\n\r\nNATO has 30 allies. 𝄞 The mission has 500 trainers.\r\n";
    fs::write(dir.join("utf8.txt"), story).unwrap();
    fs::write(dir.join("le.txt"), utf16(story, true)).unwrap();
    fs::write(dir.join("be.txt"), utf16(story, false)).unwrap();
    let utf8 = located(
        &dir,
        "utf8.txt",
        |b| String::from_utf8(b.to_vec()).unwrap(),
        &["--no-cache"],
    );
    assert_eq!(utf8.len(), 2, "{utf8:?}");
    let cache = dir.join("cache");
    let cache = cache.to_str().unwrap();
    for (name, little_endian) in [("le.txt", true), ("be.txt", false)] {
        let decode = if little_endian {
            |b: &[u8]| from_utf16(b, true)
        } else {
            |b: &[u8]| from_utf16(b, false)
        };
        // Read, then read again from the cache: the same lines, columns and bytes.
        for _ in 0..2 {
            let found = located(&dir, name, decode, &["--cache-dir", cache]);
            assert_eq!(found, utf8, "{name}");
        }
    }
    // Without a byte-order mark UTF-16 has NUL bytes, and is binary.
    fs::write(dir.join("bare.txt"), &utf16(story, true)[2..]).unwrap();
    let bare = run_in(&dir, &["extract", "bare.txt", "utf8.txt"]);
    assert_eq!(
        stderr_lines(&bare),
        ["warning: skipped bare.txt: binary file (contains NUL bytes)"]
    );
    // An unpaired surrogate is not text, unless read lossily.
    let mut broken = utf16("ab 20 people", true);
    broken.extend([0x00, 0xd8, b'x', 0]);
    fs::write(dir.join("broken.txt"), broken).unwrap();
    let strict = run_in(&dir, &["extract", "broken.txt", "utf8.txt"]);
    assert_eq!(
        stderr_lines(&strict),
        ["warning: skipped broken.txt: not valid UTF-16 (at byte 26); use --lossy to read it anyway"]
    );
    let lossy = run_in(&dir, &["extract", "broken.txt", "--lossy", "--format", "text"]);
    assert_eq!(
        stderr_lines(&lossy),
        ["warning: broken.txt: not valid UTF-16 (at byte 26); read with U+FFFD in place of the invalid bytes"]
    );
    assert!(
        stdout(&lossy).starts_with("broken.txt:1:4\tcount"),
        "{}",
        stdout(&lossy)
    );
}

#[test]
fn extraction_stopped_at_the_limit_keeps_the_same_first_claims() {
    use claimlint::documents;
    use claimlint::extract::{self, Gazetteer};
    use claimlint::rules::RuleSet;
    let rules = RuleSet::with_default_pack().unwrap();
    let gazetteer = Gazetteer::new(rules.entities, &rules.nouns);
    let text = "In 2019 the mission had 500 trainers, 30 allies and 12 bases. ".repeat(50);
    for name in ["t.txt", "t.md"] {
        let doc = documents::parse(name.into(), text.clone().into_bytes(), None).unwrap();
        let all = extract::extract(0, &doc, &gazetteer);
        for limit in [0, 1, 7, 60] {
            let some = extract::extract_at_most(0, &doc, &gazetteer, limit);
            assert!(
                some.len() > limit && some.len() < all.len(),
                "{name} {limit}: {}",
                some.len()
            );
            let spans = |claims: &[extract::Claim]| claims[..limit].iter().map(|c| c.span.clone()).collect::<Vec<_>>();
            assert_eq!(spans(&some), spans(&all), "{name} {limit}");
        }
    }
}
