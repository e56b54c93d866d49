//! What a run reads: a run that read nothing it was asked to read fails, a path that does not
//! exist fails before any report, standard input is a document (bounded like a file, with the
//! claims limit), UTF-16 with a byte-order mark is text, and `extract --stream` prints each
//! document as it is read.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

use crate::common::{run_in, scratch, stderr, stdout};

/// The lines of stderr.
fn stderr_lines(output: &Output) -> Vec<String> {
    stderr(output).lines().map(str::to_owned).collect()
}

/// Runs claimlint in `dir` with `input` on standard input.
fn run_with_stdin(dir: &Path, args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env(
            "XDG_CACHE_HOME",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("user-cache"),
        )
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the claimlint binary runs");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    // A run that stops reading early closes the pipe: the writer's error is no failure.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    output
}

fn story(date: &str, source: &str, allies: u32) -> String {
    format!("---\ndate: {date}\nsource: {source}\n---\n\nNATO has {allies} allies.\n")
}

#[test]
fn a_run_where_every_file_is_skipped_fails_and_says_so_even_quiet() {
    let dir = scratch("inputs-all-skipped");
    fs::write(dir.join("binary.txt"), [b'a', 0, b'b']).unwrap();
    fs::write(dir.join("latin1.txt"), b"caf\xe9 with 20 people\n").unwrap();
    fs::write(dir.join("big.txt"), "NATO has 30 allies. ".repeat(100)).unwrap();
    for quiet in [false, true] {
        let mut args = vec!["check", ".", "--max-file-size", "1K", "--no-cache"];
        if quiet {
            args.push("-q");
        }
        let output = run_in(&dir, &args);
        assert_eq!(output.status.code(), Some(2), "quiet {quiet}: {}", stderr(&output));
        assert_eq!(stdout(&output), "", "no report when nothing was read");
        assert_eq!(
            stderr_lines(&output),
            [
                "warning: skipped ./big.txt: 2 KiB is over the 1 KiB limit (raise it with --max-file-size)",
                "warning: skipped ./binary.txt: binary file (contains NUL bytes)",
                "warning: skipped ./latin1.txt: not valid UTF-8 (at byte 3); use --lossy to read it anyway",
                "error: no document was read: all 3 files were skipped (see above)",
            ],
            "quiet {quiet}"
        );
    }
    // Every command that reads documents fails alike.
    for command in ["extract", "graph", "lock", "baseline"] {
        let output = run_in(&dir, &[command, ".", "--max-file-size", "1K", "-q", "--no-cache"]);
        assert_eq!(output.status.code(), Some(2), "{command}");
        assert!(stderr(&output).ends_with("error: no document was read: all 3 files were skipped (see above)\n"));
    }
    assert!(!dir.join("claimlint.lock").exists() && !dir.join("claimlint-baseline.json").exists());
    // One file read is a run.
    fs::write(dir.join("good.txt"), "NATO has 30 allies.\n").unwrap();
    let output = run_in(&dir, &["check", ".", "--max-file-size", "1K", "-q", "--no-cache"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn a_folder_with_no_document_is_an_error() {
    let dir = scratch("inputs-empty-folder");
    fs::create_dir(dir.join("docs")).unwrap();
    fs::write(dir.join("docs/notes.csv"), "a,b\n").unwrap();
    let output = run_in(&dir, &["check", "docs", "-q"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout(&output), "");
    assert_eq!(
        stderr_lines(&output),
        ["error: no document was read: docs holds no .txt, .md or .html file"]
    );
}

#[test]
fn a_path_that_does_not_exist_fails_before_any_report() {
    let dir = scratch("inputs-missing");
    fs::write(dir.join("a.md"), story("2020-02-12", "AP", 30)).unwrap();
    for args in [&["check", "missing.md"][..], &["check", "a.md", "missing.md", "gone"]] {
        let output = run_in(&dir, args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(stdout(&output), "", "{args:?}: no report");
        let missing: Vec<String> = args[1..]
            .iter()
            .filter(|a| **a != "a.md")
            .map(|a| format!("error: {a}: no such file or directory"))
            .collect();
        assert_eq!(stderr_lines(&output), missing, "{args:?}");
    }
    // A missing path in the config fails alike.
    fs::write(dir.join("claimlint.toml"), "paths = [\"a.md\", \"nowhere\"]\n").unwrap();
    let output = run_in(&dir, &["check"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stderr_lines(&output), ["error: nowhere: no such file or directory"]);
}

#[test]
fn check_reads_standard_input_as_a_document_named_stdin() {
    let dir = scratch("inputs-check-stdin");
    fs::write(dir.join("b.md"), story("2020-02-12", "Reuters", 29)).unwrap();
    let piped = story("2020-02-12", "AP", 30);
    let output = run_with_stdin(&dir, &["check", "-", "b.md", "--no-cache"], piped.as_bytes());
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let report = stdout(&output);
    assert!(
        report.contains("contradicting values for member countries of NATO"),
        "{report}"
    );
    assert!(report.contains(" --> <stdin>:6:10"), "{report}");
    assert!(report.contains("in 2 documents, 2 claims"), "{report}");

    let alone = run_with_stdin(&dir, &["check", "-", "--format", "json"], piped.as_bytes());
    assert_eq!(alone.status.code(), Some(0), "{}", stderr(&alone));
    let json: Value = serde_json::from_str(&stdout(&alone)).unwrap();
    assert_eq!(json["summary"]["documents"], 1, "{json}");
    assert_eq!(json["summary"]["claims"], 1, "{json}");

    // Nothing on standard input is nothing read.
    let empty = run_with_stdin(&dir, &["check", "-"], b"");
    assert_eq!(empty.status.code(), Some(2));
    assert_eq!(
        stderr_lines(&empty),
        [
            "warning: skipped <stdin>: empty file",
            "error: no document was read: the only file was skipped (see above)",
        ]
    );
    // The commands that write files from a set do not read it.
    let lock = run_with_stdin(&dir, &["lock", "-"], piped.as_bytes());
    assert_eq!(lock.status.code(), Some(2));
    assert_eq!(
        stderr_lines(&lock),
        ["error: this command does not read standard input (`-`); name files or folders"]
    );
}

#[test]
fn standard_input_is_bounded_like_a_file_and_keeps_the_claims_limit() {
    let dir = scratch("inputs-stdin-limits");
    let text = "The mission has 500 trainers. ".repeat(300);
    let over = run_with_stdin(&dir, &["extract", "-", "--max-file-size", "1K"], text.as_bytes());
    assert_eq!(over.status.code(), Some(2));
    assert_eq!(stdout(&over), "");
    assert_eq!(
        stderr_lines(&over),
        [
            "warning: skipped -: more than the 1 KiB limit (raise it with --max-file-size)",
            "error: no document was read: the only file was skipped (see above)",
        ]
    );
    for stream in [false, true] {
        let mut args = vec!["extract", "-", "--max-claims", "10", "--format", "text"];
        if stream {
            args.push("--stream");
        }
        let limited = run_with_stdin(&dir, &args, text.as_bytes());
        assert_eq!(limited.status.code(), Some(0), "{}", stderr(&limited));
        assert_eq!(stdout(&limited).lines().count(), 10, "stream {stream}");
        assert!(stdout(&limited).starts_with("-:1:17\t"), "{}", stdout(&limited));
        assert_eq!(
            stderr_lines(&limited),
            [
                "warning: -: more than 10 claims; the rest of the document is not checked (raise the limit with --max-claims)"
            ]
        );
    }
    let checked = run_with_stdin(
        &dir,
        &["check", "-", "--max-claims", "10", "--format", "json"],
        text.as_bytes(),
    );
    let json: Value = serde_json::from_str(&stdout(&checked)).unwrap();
    assert_eq!(json["summary"]["claims"], 10, "{json}");
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
fn extract_stream_prints_what_extract_prints_a_document_at_a_time() {
    let dir = scratch("inputs-stream");
    // Owners no two documents share: what the set is about (its topic) is read from the
    // whole set, which a stream of single documents never sees.
    for (name, owner, members) in [
        ("a.md", "NATO", 30),
        ("b.md", "The European Union", 27),
        ("c.md", "The United Nations", 193),
    ] {
        let text = format!("---\ndate: 2020-02-12\nsource: AP\n---\n\n{owner} has {members} members.\n");
        fs::write(dir.join(name), text).unwrap();
    }
    fs::write(dir.join("empty.md"), "").unwrap();
    fs::write(dir.join("none.md"), "No numbers here.\n").unwrap();
    let many = "The shelf holds 7 jars. ".repeat(3000);
    fs::write(dir.join("z.txt"), &many).unwrap();
    for format in ["jsonl", "json", "text"] {
        let whole = run_in(&dir, &["extract", ".", "--format", format, "--no-cache"]);
        let streamed = run_in(&dir, &["extract", ".", "--format", format, "--no-cache", "--stream"]);
        assert_eq!(streamed.status.code(), Some(0), "{}", stderr(&streamed));
        assert_eq!(stderr(&streamed), stderr(&whole), "{format}");
        assert_eq!(stderr_lines(&streamed), ["warning: skipped ./empty.md: empty file"]);
        // Each document alone links its claims as the set does here.
        assert_eq!(stdout(&streamed), stdout(&whole), "{format}");
        // One document is the same either way, whatever it holds.
        for name in ["z.txt", "none.md"] {
            let one = run_in(&dir, &["extract", name, "--format", format, "--no-cache"]);
            let one_streamed = run_in(&dir, &["extract", name, "--format", format, "--no-cache", "--stream"]);
            assert_eq!(stdout(&one_streamed), stdout(&one), "{format} {name}");
        }
    }
    let none = run_in(&dir, &["extract", "empty.md", "--format", "json", "--stream"]);
    assert_eq!(none.status.code(), Some(2));
    assert_eq!(stdout(&none), "");
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
