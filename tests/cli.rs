use std::fs;

use crate::common::{run, run_in, scratch, stderr, stdout};

fn write(dir: &std::path::Path, name: &str, text: &str) {
    fs::write(dir.join(name), text).expect("write fixture");
}

/// Two same-day reports that disagree on one count.
fn contradicting_set(dir: &std::path::Path) {
    write(
        dir,
        "a.md",
        "---\nsource: Wire A\ndate: 2021-03-01\n---\nNATO has 30 allies, officials said.\n",
    );
    write(
        dir,
        "b.md",
        "---\nsource: Wire B\ndate: 2021-03-02\n---\nNATO now counts 28 allies in all.\n",
    );
}

#[test]
fn exit_code_1_on_findings_at_the_threshold() {
    let dir = scratch("cli-contradiction");
    contradicting_set(&dir);
    let output = run_in(&dir, &["check", "."]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(
        stdout(&output)
            .contains("error[numeric-contradiction]: contradicting values for member countries of NATO: 30 vs 28")
    );
    assert!(stdout(&output).contains("a.md:5:10"), "{}", stdout(&output));
}

#[test]
fn fail_on_sets_the_threshold() {
    let dir = scratch("cli-fail-on");
    contradicting_set(&dir);
    assert_eq!(
        run_in(&dir, &["check", ".", "--fail-on", "never"]).status.code(),
        Some(0)
    );
    // The example corpus has warnings and an info but no error.
    assert_eq!(run(&["check", "examples/nato-iraq"]).status.code(), Some(0));
    assert_eq!(
        run(&["check", "examples/nato-iraq", "--fail-on", "warning"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        run(&["check", "examples/nato-iraq", "--fail-on", "info"]).status.code(),
        Some(1)
    );
}

#[test]
fn exit_code_0_on_a_clean_set() {
    let dir = scratch("cli-clean");
    write(&dir, "a.md", "---\ndate: 2021-03-01\n---\nNATO has 30 allies.\n");
    write(&dir, "b.md", "---\ndate: 2021-03-02\n---\nThe 30 allies of NATO met.\n");
    let output = run_in(&dir, &["check", "."]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("0 findings"));
}

#[test]
fn exit_code_2_on_usage_and_io_errors() {
    assert_eq!(run(&["check", "--format", "yaml"]).status.code(), Some(2));
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
    let missing = run(&["check", "no/such/folder"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("no/such/folder: no such file or directory"));
    let bad_config = run(&[
        "check",
        "examples/nato-iraq",
        "--config",
        "tests/fixtures/rule-files/bad-date-config.toml",
    ]);
    assert_eq!(bad_config.status.code(), Some(2));
}

#[test]
fn binary_and_invalid_utf8_files_are_skipped_with_a_warning() {
    let dir = scratch("cli-bad-files");
    fs::write(dir.join("image.txt"), [0x89, b'P', b'N', b'G', 0, 0, 1]).unwrap();
    fs::write(dir.join("latin1.md"), b"caf\xe9 with 20 people").unwrap();
    write(&dir, "good.md", "NATO has 30 allies.\n");
    let output = run_in(&dir, &["extract", "."]);
    assert_eq!(output.status.code(), Some(0));
    let err = stderr(&output);
    assert!(err.contains("image.txt: binary file"), "{err}");
    assert!(err.contains("latin1.md: not valid UTF-8"), "{err}");
    assert!(stdout(&output).contains("\"30 allies\""));
    // The inputs are left as they were.
    assert_eq!(fs::read(dir.join("latin1.md")).unwrap(), b"caf\xe9 with 20 people");
}

#[test]
fn extract_reads_standard_input_and_prints_spec_records() {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .args(["extract", "-", "--format", "jsonl"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("A team of fewer than 20 people.\n".as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let record: serde_json::Value = serde_json::from_str(stdout(&output).lines().next().unwrap()).unwrap();
    assert_eq!(record["file"], "-");
    assert_eq!(
        (record["line"].as_u64(), record["column"].as_u64()),
        (Some(1), Some(11))
    );
    assert_eq!((record["start"].as_u64(), record["end"].as_u64()), (Some(10), Some(30)));
    assert_eq!(record["text"], "fewer than 20 people");
    assert_eq!(record["kind"], "count");
    assert_eq!(
        record["value"],
        serde_json::json!({"low": null, "high": 20, "low_inclusive": true, "high_inclusive": false, "approximate": false})
    );
    assert_eq!(record["unit"], "people");
}

#[test]
fn extract_keeps_document_order_across_many_records() {
    // Enough records that they are rendered in many chunks and more than one batch.
    let dir = scratch("extract-order");
    let lines = 35_000;
    let text: String = (1..=lines).map(|n| format!("The shelf holds {n} jars.\n")).collect();
    for name in ["a.txt", "b.txt"] {
        write(&dir, name, &text);
    }
    for format in ["jsonl", "text"] {
        let output = run_in(&dir, &["extract", "a.txt", "b.txt", "--format", format, "--no-cache"]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let printed = stdout(&output);
        let printed: Vec<&str> = printed.lines().collect();
        assert_eq!(printed.len(), 2 * lines, "{format}: one claim per line");
        for (i, record) in printed.iter().enumerate() {
            let (name, n) = (if i < lines { "a.txt" } else { "b.txt" }, i % lines + 1);
            let wanted = if format == "jsonl" {
                format!("\"file\":\"{name}\",\"line\":{n},")
            } else {
                format!("{name}:{n}:")
            };
            assert!(record.contains(&wanted), "{format}: record {i} out of place: {record}");
        }
    }
}

#[test]
fn manifest_supplies_dates_for_plain_files() {
    let output = run(&["check", "tests/fixtures/manifest", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let finding = &report["findings"][0];
    assert_eq!(finding["rule"], "numeric-contradiction");
    let claims = finding["claims"].as_array().unwrap();
    assert_eq!(claims[0]["source"], "Morning Wire");
    assert_eq!(claims[0]["time"]["from"], "2019-05-02");
    // The second file dates itself with a dateline.
    assert_eq!(claims[1]["time"]["from"], "2019-05-06");
}

#[test]
fn report_is_written_atomically_to_a_file() {
    let dir = scratch("cli-output");
    let target = dir.join("report.json");
    let output = run(&[
        "check",
        "examples/nato-iraq",
        "--format",
        "json",
        "--output",
        target.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).is_empty());
    let written: serde_json::Value = serde_json::from_str(&fs::read_to_string(&target).unwrap()).unwrap();
    assert_eq!(written["summary"]["findings"], 3);
    assert_eq!(
        fs::read_dir(&dir).unwrap().count(),
        1,
        "no temporary file is left behind"
    );
}

#[test]
fn rules_explain_prints_the_rule_docs() {
    let list = run(&["rules", "list"]);
    assert!(stdout(&list).contains("numeric-contradiction"));
    let explain = run(&["rules", "explain", "name-variant"]);
    assert_eq!(explain.status.code(), Some(0));
    assert!(stdout(&explain).contains("## Why it matters"));
    assert!(stdout(&explain).contains("Jans Stoltenberg"));
    assert_eq!(run(&["rules", "explain", "no-such-rule"]).status.code(), Some(2));
}

#[test]
fn rules_keys_prints_the_reference_of_every_rule_file_key() {
    let output = run(&["rules", "keys"]);
    assert_eq!(output.status.code(), Some(0));
    let reference = std::fs::read_to_string(crate::common::root().join("docs/rule-files.md")).unwrap();
    assert_eq!(stdout(&output), reference);
    assert!(reference.contains("| `pattern` | string | no |"), "{reference}");
    let readme = std::fs::read_to_string(crate::common::root().join("README.md")).unwrap();
    assert!(
        readme.contains("](docs/rule-files.md)"),
        "the README links the reference"
    );
}

#[test]
fn rules_explain_states_the_defaults_the_built_in_pack_runs_with() {
    let explain = run(&["rules", "explain", "numeric-contradiction"]);
    assert_eq!(explain.status.code(), Some(0));
    let text = stdout(&explain);
    assert!(!text.contains("\"0%\""), "{text}");
    assert!(text.contains("`tolerance` (default `\"10%\"`)"), "{text}");
    assert!(
        text.contains("## Defaults\nThe built-in pack runs this check on every subject with severity = \"error\", tolerance = \"10%\", window = \"14d\"."),
        "{text}"
    );
    let lock = stdout(&run(&["rules", "explain", "claims-lock"]));
    assert!(lock.contains("with severity = \"error\"."), "{lock}");
}
