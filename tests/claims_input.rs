//! `check --claims`: claim records made by `extract` on separate shards, checked together, give
//! the findings a check of the files gives.

use std::fs;

use crate::common::{root, run_in, scratch, stderr, stdout};

/// Rule, subject and message of each finding of a JSON report.
fn findings(report: &str) -> Vec<String> {
    let report: serde_json::Value = serde_json::from_str(report).expect("a JSON report");
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| format!("{} {} {}", f["rule"], f["subject"], f["message"]))
        .collect()
}

#[test]
fn records_from_shards_check_like_the_files_themselves() {
    let corpus = root().join("examples/nato-iraq");
    let out = scratch("claims-input-shards");
    let mut names: Vec<String> = fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .collect();
    names.sort();
    // Two shards, as two workers would extract them.
    for (shard, files) in [("one", &names[..2]), ("two", &names[2..])] {
        let mut args = vec!["extract", "--format", "jsonl", "--no-cache"];
        args.extend(files.iter().map(String::as_str));
        let output = run_in(&corpus, &args);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        fs::write(out.join(format!("{shard}.jsonl")), stdout(&output)).unwrap();
    }
    let direct = run_in(&corpus, &["check", ".", "--format", "json", "--fail-on", "never"]);
    let (one, two) = (out.join("one.jsonl"), out.join("two.jsonl"));
    let from_records = [
        "check",
        "--claims",
        one.to_str().unwrap(),
        "--claims",
        two.to_str().unwrap(),
    ];
    let via_records = run_in(
        &corpus,
        &[&from_records[..], &["--format", "json", "--fail-on", "never"]].concat(),
    );
    assert_eq!(via_records.status.code(), Some(0), "{}", stderr(&via_records));
    let expected = findings(&stdout(&direct));
    assert_eq!(expected.len(), 3, "{expected:#?}");
    assert_eq!(findings(&stdout(&via_records)), expected);

    // The text report quotes each claim at the line and column its record gives.
    let text = run_in(&corpus, &from_records);
    let report = stdout(&text);
    assert!(
        report.contains("--> 2017-02-06-dcnf-nato-steps-up.md:18:98"),
        "{report}"
    );
    assert_eq!(text.status.code(), Some(0), "warnings only: {report}");
}

#[test]
fn a_record_that_does_not_parse_is_named_by_line() {
    let dir = scratch("claims-input-bad");
    fs::write(
        dir.join("claims.jsonl"),
        "{\"file\":\"a.md\",\"line\":1,\"column\":1,\"start\":0,\"end\":2,\"text\":\"20\",\"kind\":\"count\"}\n{\"file\": 3}\n",
    )
    .unwrap();
    let output = run_in(&dir, &["check", "--claims", "claims.jsonl"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with(
            "error: claims.jsonl:2:10: not a claim record: invalid type: integer `3`, expected a string\n"
        ),
        "{}",
        stderr(&output)
    );
    let both = run_in(&dir, &["check", "a.md", "--claims", "claims.jsonl"]);
    assert_eq!(both.status.code(), Some(2), "paths and --claims exclude each other");
}
