//! What claimlint says about input it cannot or should not read, each with the exact message;
//! that it never changes a document; and that an interrupted run leaves no partial file.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::common::{run_in, scratch, stderr, stdout};

/// The lines of stderr, for exact comparison.
fn stderr_lines(output: &Output) -> Vec<String> {
    stderr(output).lines().map(str::to_owned).collect()
}

/// `claimlint extract --format text` records: `path:line:col<TAB>kind<TAB>value…`.
fn places(output: &Output) -> Vec<String> {
    stdout(output)
        .lines()
        .map(|l| l.split('\t').next().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn files_that_are_not_text_are_skipped_with_a_reason() {
    let dir = scratch("hostile-not-text");
    fs::write(dir.join("empty.md"), "").unwrap();
    fs::write(dir.join("image.txt"), [0x89, b'P', b'N', b'G', 0, 0, 1]).unwrap();
    fs::write(dir.join("latin1.txt"), b"The caf\xe9 seats 20 people.\n").unwrap();
    fs::write(dir.join("good.txt"), "NATO has 30 allies.\n").unwrap();
    let output = run_in(&dir, &["extract", ".", "--format", "text"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stderr_lines(&output),
        [
            "warning: skipped ./empty.md: empty file",
            "warning: skipped ./image.txt: binary file (contains NUL bytes)",
            "warning: skipped ./latin1.txt: not valid UTF-8 (at byte 7); use --lossy to read it anyway",
        ]
    );
    assert_eq!(places(&output), ["./good.txt:1:10"]);

    let lossy = run_in(&dir, &["extract", "latin1.txt", "--lossy", "--format", "text"]);
    assert_eq!(lossy.status.code(), Some(0));
    assert_eq!(
        stderr_lines(&lossy),
        ["warning: latin1.txt: not valid UTF-8 (at byte 7); read with U+FFFD in place of the invalid bytes"]
    );
    // The invalid byte is one character, so the column is the file's own.
    assert_eq!(places(&lossy), ["latin1.txt:1:16"]);
}

#[test]
fn byte_order_marks_and_every_line_ending_give_the_same_positions() {
    let dir = scratch("hostile-line-endings");
    let story = "Headline\n\nNATO has 30 allies.\nThe mission has 500 trainers.\n";
    fs::write(dir.join("lf.txt"), story).unwrap();
    fs::write(dir.join("bom.txt"), format!("\u{feff}{story}")).unwrap();
    fs::write(dir.join("crlf.txt"), story.replace('\n', "\r\n")).unwrap();
    fs::write(dir.join("cr.txt"), story.replace('\n', "\r")).unwrap();
    let output = run_in(&dir, &["extract", ".", "--format", "text"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
    let found = places(&output);
    for name in ["bom", "cr", "crlf", "lf"] {
        let of_file: Vec<&str> = found
            .iter()
            .filter_map(|p| p.strip_prefix(&format!("./{name}.txt:")))
            .collect();
        assert_eq!(of_file, ["3:10", "4:17"], "{name}: {found:?}");
    }
    // A byte-order mark before front matter does not hide it.
    fs::write(
        dir.join("dated.md"),
        "\u{feff}---\ndate: 2020-02-12\n---\nNATO has 30 allies.\n",
    )
    .unwrap();
    let json = run_in(&dir, &["extract", "dated.md", "--format", "json"]);
    let records: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(records["claims"][0]["time"]["from"], "2020-02-12", "{records}");
}

#[test]
fn a_file_over_the_size_limit_is_skipped_and_the_limit_can_be_raised() {
    let dir = scratch("hostile-huge");
    // 200 MiB on one line: no line break anywhere.
    let line = "The mission has 500 trainers and 30 allies ".repeat(200 * 1024 * 1024 / 43 + 1);
    fs::write(dir.join("huge.txt"), &line.as_bytes()[..200 * 1024 * 1024]).unwrap();
    // The only file skipped: nothing was read, which fails the run.
    let output = run_in(&dir, &["extract", "huge.txt"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr_lines(&output),
        [
            "warning: skipped huge.txt: 200 MiB is over the 32 MiB limit (raise it with --max-file-size)",
            "error: no document was read: the only file was skipped (see above)",
        ]
    );
    fs::remove_file(dir.join("huge.txt")).unwrap();

    // One line of 1 MiB reads in one pass once the limit allows it.
    fs::write(dir.join("long.txt"), &line.as_bytes()[..1024 * 1024]).unwrap();
    let small_limit = run_in(&dir, &["extract", "long.txt", "--max-file-size", "512K"]);
    assert_eq!(small_limit.status.code(), Some(2));
    assert_eq!(
        stderr_lines(&small_limit)[0],
        "warning: skipped long.txt: 1 MiB is over the 512 KiB limit (raise it with --max-file-size)"
    );
    let read = run_in(
        &dir,
        &["extract", "long.txt", "--max-file-size", "2M", "--format", "text"],
    );
    assert_eq!(read.status.code(), Some(0), "{}", stderr(&read));
    // Two claims per 43-byte sentence.
    assert_eq!(places(&read).len(), 2 * (1024 * 1024 / 43) + 1);
}

#[test]
fn the_claims_limit_per_document_is_reported() {
    let dir = scratch("hostile-claims-limit");
    fs::write(dir.join("many.txt"), "The mission has 500 trainers. ".repeat(300)).unwrap();
    let output = run_in(
        &dir,
        &["extract", "many.txt", "--max-claims", "100", "--format", "text"],
    );
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stderr_lines(&output),
        [
            "warning: many.txt: more than 100 claims; the rest of the document is not checked (raise the limit with --max-claims)"
        ]
    );
    let found = places(&output);
    assert_eq!(found.len(), 100);
    assert_eq!(found[0], "many.txt:1:17", "the first claims are kept");
    fs::write(dir.join("claimlint.toml"), "max-claims = 250\n").unwrap();
    let configured = run_in(&dir, &["extract", "many.txt", "--format", "text"]);
    assert_eq!(places(&configured).len(), 250);
}

#[test]
fn number_walls_and_repeated_number_words_stay_linear_and_sane() {
    let dir = scratch("hostile-number-walls");
    // A million digits: a code, not a quantity.
    fs::write(dir.join("digits.txt"), "0123456789".repeat(100_000)).unwrap();
    // Number words chained without end, and digits with no sentence end.
    fs::write(dir.join("words.txt"), "one hundred and ".repeat(20_000)).unwrap();
    fs::write(
        dir.join("thousands.txt"),
        format!("one {}troops", "thousand ".repeat(20_000)),
    )
    .unwrap();
    let spaced: Vec<String> = (0..20_000).map(|i| (i % 10).to_string()).collect();
    fs::write(dir.join("spaced.txt"), spaced.join(" ")).unwrap();
    let output = run_in(&dir, &["extract", ".", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let of = |name: &str| -> Vec<&serde_json::Value> {
        report["claims"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["file"] == format!("./{name}"))
            .collect()
    };
    assert!(of("digits.txt").is_empty());
    // `one hundred and one hundred and …` reads as `one hundred and one`, then `hundred and
    // one` again and again (a bare hundred with a tail is a number): each number ends where the
    // next begins, none spans the run; where the run is cut into stretches of 1 KiB a number
    // may end early.
    let words = of("words.txt");
    assert!((19_000..20_000).contains(&words.len()), "{}", words.len());
    assert!(words.iter().all(|r| r["value"]["high"].as_f64().unwrap() <= 101.0));
    let thousands = of("thousands.txt");
    assert_eq!(thousands[0]["text"], "one thousand");
    assert_eq!(of("spaced.txt").len(), 20_000);
}

#[test]
fn an_html_tag_with_forty_thousand_attributes_is_skipped_not_a_crash() {
    let dir = scratch("hostile-html-attributes");
    // Each double-quoted attribute took html5gum one nested call deeper: this overflowed the
    // stack and aborted the run with no report.
    fs::write(
        dir.join("deep.html"),
        format!("<p {}>x</p>\n", "a=\"\" ".repeat(40_000)),
    )
    .unwrap();
    // 2 000 are read, on a thread with the stack they need.
    let wide = format!(
        "<meta name=\"date\" content=\"2020-02-12\"><p {}>NATO has 500 trainers.</p>\n",
        "b=\"\" ".repeat(2_000)
    );
    fs::write(dir.join("wide.html"), &wide).unwrap();
    let output = run_in(&dir, &["check", ".", "--no-cache", "--format", "json"]);
    assert!(matches!(output.status.code(), Some(0 | 1)), "{output:?}");
    assert_eq!(
        stderr_lines(&output),
        [
            "warning: skipped ./deep.html: HTML with more than 4096 quoted attributes in a row (line 1): \
          too deep for the HTML tokenizer"
        ]
    );
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("a JSON report");
    assert_eq!(report["summary"]["documents"], 1, "{report}");
    let extract = run_in(&dir, &["extract", "wide.html", "--format", "text"]);
    let column = wide.find("500").unwrap() + 1;
    assert_eq!(
        places(&extract),
        [format!("wide.html:1:{column}")],
        "{}",
        stderr(&extract)
    );
}

#[test]
fn a_zero_width_joiner_inside_a_number_raises_no_false_contradiction() {
    let dir = scratch("hostile-invisible-in-number");
    let story = |body: &str| format!("---\ndate: 2020-02-12\n---\nNATO has {body} trainers in Iraq.\n");
    fs::write(dir.join("plain.md"), story("500")).unwrap();
    // Read as 5 and 00, this once gave "contradicting values: 0 vs 500".
    fs::write(dir.join("joined.md"), story("5\u{200d}00")).unwrap();
    fs::write(dir.join("isolated.md"), story("2\u{2066},\u{2069}500")).unwrap();
    let output = run_in(&dir, &["check", ".", "--no-cache", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("a JSON report");
    let messages: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        ["contradicting values for personnel of NATO in Iraq: 2,500 vs 500"],
        "{report}"
    );
    let text = run_in(&dir, &["check", "joined.md", "plain.md", "--no-cache"]);
    assert_eq!(text.status.code(), Some(0), "{}", stdout(&text));
    let extract = run_in(&dir, &["extract", "joined.md", "--format", "text"]);
    assert_eq!(places(&extract), ["joined.md:4:10"]);
    assert!(
        stdout(&extract).contains("\t500 trainers\t\"5\\u{200d}00 trainers\""),
        "{}",
        stdout(&extract)
    );
}

#[test]
fn links_that_loop_or_dangle_are_reported_and_skipped() {
    let dir = scratch("hostile-links");
    fs::write(dir.join("story.md"), "NATO has 30 allies.\n").unwrap();
    fs::create_dir(dir.join("sub")).unwrap();
    std::os::unix::fs::symlink("..", dir.join("sub/up")).unwrap();
    std::os::unix::fs::symlink("self.md", dir.join("self.md")).unwrap();
    std::os::unix::fs::symlink("nowhere.md", dir.join("dangling.md")).unwrap();
    std::os::unix::fs::symlink("story.md", dir.join("linked.md")).unwrap();
    let output = run_in(&dir, &["extract", ".", "--format", "text"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stderr_lines(&output),
        [
            "warning: skipped ./dangling.md: dangling symbolic link",
            "warning: skipped ./self.md: symbolic link loop",
            "warning: skipped ./sub/up: symbolic link loop (leads back to .)",
        ]
    );
    // A link to a file is followed.
    assert_eq!(places(&output), ["./linked.md:1:10", "./story.md:1:10"]);

    // Named on the command line, a path that cannot be read fails the run.
    let named = run_in(&dir, &["extract", "self.md", "missing.md"]);
    assert_eq!(named.status.code(), Some(2));
    assert_eq!(
        stderr_lines(&named),
        [
            "error: self.md: too many levels of symbolic links",
            "error: missing.md: no such file or directory",
        ]
    );
}

/// Runs claimlint in `dir` as an unprivileged user, so that file permissions apply even when
/// the tests run as root.
fn run_unprivileged(dir: &Path, args: &[&str]) -> Output {
    let root_user = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    let mut command = if root_user {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(env!("CARGO_BIN_EXE_claimlint"));
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_claimlint"))
    };
    command
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("claimlint runs")
}

#[test]
fn an_unreadable_file_fails_the_run_and_the_rest_is_still_checked() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("hostile-unreadable");
    fs::write(dir.join("locked.md"), "NATO has 30 allies.\n").unwrap();
    fs::write(dir.join("open.md"), "NATO has 29 allies.\n").unwrap();
    fs::set_permissions(dir.join("locked.md"), fs::Permissions::from_mode(0o000)).unwrap();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
    let output = run_unprivileged(&dir, &["extract", ".", "--format", "text", "--no-cache"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert_eq!(
        stderr_lines(&output),
        ["error: ./locked.md: cannot read: permission denied"]
    );
    assert_eq!(places(&output), ["./open.md:1:10"]);
}

#[test]
fn a_cache_that_cannot_be_written_is_a_warning_and_the_run_goes_on() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("hostile-cache-locked");
    fs::write(dir.join("a.md"), "NATO has 30 allies.\n").unwrap();
    fs::write(dir.join("b.md"), "NATO has 29 allies.\n").unwrap();
    let cache = dir.join("cache");
    fs::create_dir_all(cache.join("v5")).unwrap();
    fs::set_permissions(cache.join("v5"), fs::Permissions::from_mode(0o555)).unwrap();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
    let args = ["extract", ".", "--format", "text", "--cache-dir", "cache"];
    let output = run_unprivileged(&dir, &args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stderr_lines(&output),
        ["warning: cannot write to the cache: permission denied; the next run extracts again"]
    );
    assert_eq!(places(&output), ["./a.md:1:10", "./b.md:1:10"]);
    assert_eq!(
        fs::read_dir(cache.join("v5")).unwrap().count(),
        0,
        "nothing left behind"
    );
}

fn rule_file_errors(name: &str, text: &str) -> Vec<String> {
    let dir = scratch(name);
    fs::write(dir.join("story.md"), "NATO has 30 allies.\n").unwrap();
    fs::write(dir.join("my.rules.toml"), text).unwrap();
    let output = run_in(&dir, &["check", ".", "--rules", "my.rules.toml"]);
    let lines = stderr_lines(&output);
    if lines.iter().any(|l| l.starts_with("error:")) {
        assert_eq!(output.status.code(), Some(2), "{lines:#?}");
    }
    lines
}

#[test]
fn a_rule_file_with_a_syntax_error_points_at_it() {
    let lines = rule_file_errors("hostile-rule-syntax", "[[subject]\nid = \"x\"\n");
    assert_eq!(lines[0], "error: unclosed array table, expected `]`");
    assert_eq!(lines[1], " --> my.rules.toml:1:11");
    assert_eq!(lines.last().unwrap(), "error: 1 problem(s) in rule or config files");
}

#[test]
fn a_rule_file_with_an_unknown_key_names_the_nearest() {
    let lines = rule_file_errors("hostile-rule-key", "[[subject]]\nid = \"x\"\nentitiy = \"nato\"\n");
    assert!(
        lines[0].starts_with("error: unknown key `entitiy`; did you mean `entity`? (valid keys: `id`, `label`, "),
        "{lines:#?}"
    );
    assert_eq!(lines[1], " --> my.rules.toml:3:1");
}

#[test]
fn a_rule_file_with_a_bad_regex_says_why() {
    let lines = rule_file_errors(
        "hostile-rule-regex",
        "[[subject]]\nid = \"trainers\"\nentity = \"nato\"\npattern = \"train(ing|ers\"\n",
    );
    assert_eq!(lines[0], "error: invalid regular expression: unclosed group");
    assert_eq!(lines[1], " --> my.rules.toml:4:11");
}

#[test]
fn a_subject_no_check_uses_is_a_warning() {
    // A check of every kind, each naming the first subject only.
    let checks: String = claimlint::rules::BUILTIN
        .iter()
        .map(|rule| rule.meta().name)
        .map(|kind| format!("[[check]]\nkind = \"{kind}\"\nsubject = \"nato/allies\"\n\n"))
        .collect();
    let text = format!(
        "[[subject]]\nid = \"nato/allies\"\nentity = \"nato\"\nclass = \"countries\"\n\n[[subject]]\nid = \"nato/trainers\"\nentity = \"nato\"\n\n{checks}"
    );
    let lines = rule_file_errors("hostile-rule-unused", &text);
    assert_eq!(
        lines[0],
        "warning: no check uses subject `nato/trainers`: every [[check]] in force names another subject; add one with subject = \"nato/trainers\" or \"*\""
    );
    assert_eq!(lines[1], " --> my.rules.toml:7:6");
}

#[test]
fn a_subject_pattern_picks_the_claims_whose_sentence_matches() {
    let dir = scratch("hostile-rule-pattern");
    fs::write(
        dir.join("a.md"),
        "---\ndate: 2020-02-12\n---\nNATO has 500 trainers in Iraq.\n\nNATO has 900 soldiers in Latvia.\n",
    )
    .unwrap();
    fs::write(
        dir.join("r.toml"),
        "[[subject]]\nid = \"nato/iraq-mission\"\nentity = \"nato\"\npattern = \"(?i)\\\\biraq\\\\b\"\n",
    )
    .unwrap();
    let output = run_in(&dir, &["extract", "a.md", "--rules", "r.toml", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let records: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let claims = &records["claims"];
    assert_eq!(claims[0]["text"], "500 trainers");
    assert_eq!(claims[0]["subject"], "nato/iraq-mission");
    assert_eq!(claims[1]["text"], "900 soldiers");
    assert_ne!(claims[1]["subject"], "nato/iraq-mission");
}

/// Bytes and modification time of every file under `dir`.
fn snapshot_files(dir: &Path) -> Vec<(PathBuf, Vec<u8>, std::time::SystemTime)> {
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            let modified = fs::metadata(&p).unwrap().modified().unwrap();
            let bytes = fs::read(&p).unwrap();
            (p, bytes, modified)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn no_command_changes_a_document() {
    let corpus = scratch("hostile-read-only");
    let docs = corpus.join("docs");
    let reports = scratch("hostile-read-only-out");
    fs::create_dir(&docs).unwrap();
    for entry in fs::read_dir(crate::common::root().join("examples/nato-iraq")).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, docs.join(path.file_name().unwrap())).unwrap();
    }
    let before = snapshot_files(&docs);
    let out = |name: &str| reports.join(name).to_string_lossy().into_owned();
    let commands: Vec<Vec<String>> = vec![
        vec!["check".into(), "docs".into()],
        vec![
            "check".into(),
            "docs".into(),
            "--format".into(),
            "html".into(),
            "-o".into(),
            out("r.html"),
        ],
        vec![
            "check".into(),
            "docs".into(),
            "--format".into(),
            "sarif".into(),
            "-o".into(),
            out("r.sarif"),
        ],
        vec!["extract".into(), "docs".into(), "--format".into(), "jsonl".into()],
        vec!["graph".into(), "docs".into()],
        vec!["lock".into(), "docs".into(), "--lock".into(), out("claimlint.lock")],
        vec![
            "lock".into(),
            "docs".into(),
            "--check".into(),
            "--lock".into(),
            out("claimlint.lock"),
        ],
        vec!["check".into(), "docs".into(), "--lock".into(), out("claimlint.lock")],
        vec!["baseline".into(), "docs".into(), "--output".into(), out("b.json")],
        vec!["check".into(), "docs".into(), "--baseline".into(), out("b.json")],
    ];
    for command in &commands {
        let args: Vec<&str> = command.iter().map(String::as_str).collect();
        let output = run_in(&corpus, &args);
        assert!(
            output.status.code().is_some_and(|c| c < 2),
            "{command:?}: {}",
            stderr(&output)
        );
    }
    assert_eq!(
        snapshot_files(&docs),
        before,
        "the documents are byte for byte as they were"
    );
}

#[test]
fn an_interrupted_run_leaves_no_partial_file() {
    let dir = scratch("hostile-interrupt");
    let story =
        fs::read_to_string(crate::common::root().join("examples/nato-iraq/2020-02-12-voa-nato-expands-mission.md"))
            .unwrap();
    for i in 0..60 {
        fs::write(dir.join(format!("copy-{i:02}.md")), story.repeat(40)).unwrap();
    }
    let report = dir.join("report.json");
    let child = Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .args(["check", ".", "--format", "json", "--fail-on", "never", "-o"])
        .arg(&report)
        .current_dir(&dir)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    let _ = Command::new("kill").args(["-INT", &child.id().to_string()]).status();
    let status = child.wait_with_output().unwrap().status;
    let leftovers: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("copy-"))
        .collect();
    match status.code() {
        // Stopped: nothing written, nothing left behind.
        Some(130) => assert!(leftovers.is_empty(), "{leftovers:?}"),
        // Finished first: the report is whole.
        Some(0) => {
            assert_eq!(leftovers, ["report.json"]);
            let text = fs::read_to_string(&report).unwrap();
            serde_json::from_str::<serde_json::Value>(&text).expect("a whole report");
        }
        other => panic!("unexpected exit {other:?}"),
    }
}
