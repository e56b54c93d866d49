//! `check --claims`: claim records made by `extract` on separate shards, checked together, give
//! the findings a check of the files gives.

use std::fs;

use proptest::prelude::*;

use crate::common::{root, run_in, scratch, stderr, stdout};
use crate::fuzz_regressions::claim_records_hold;

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

/// A record of `file` at `line` and `column` saying `text` is `value` trainers of NATO's
/// mission on 2020-01-09.
fn trainers_record(file: &str, line: u64, column: u64, text: &str, value: u32) -> String {
    format!(
        r#"{{"file":"{file}","line":{line},"column":{column},"start":0,"end":{},"text":"{text}","kind":"count","value":{{"low":{value},"high":{value},"low_inclusive":true,"high_inclusive":true,"approximate":false}},"unit":"trainers","subject":"nato/personnel","time":{{"from":"2020-01-09","to":"2020-01-09","source":"document-date"}}}}"#,
        text.len()
    )
}

#[test]
fn huge_lines_and_columns_are_reported_where_the_records_put_them() {
    let dir = scratch("claims-input-huge-positions");
    // Each record once became that many lines and columns of padding: 2.8 GB for the first.
    let records = [
        trainers_record("a.md", 200_000_000, 5, "500 trainers", 500),
        trainers_record("b.md", 4_294_967_295, 4_294_967_295, "20 trainers", 20),
    ];
    fs::write(dir.join("claims.jsonl"), records.join("\n")).unwrap();
    let output = run_in(&dir, &["check", "--claims", "claims.jsonl"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let report = stdout(&output);
    assert!(report.contains("--> a.md:200000000:5\n"), "{report}");
    assert!(report.contains("::: b.md:4294967295:4294967295\n"), "{report}");
    assert!(report.contains("“20 trainers”"), "{report}");
}

#[test]
fn records_out_of_bounds_or_inverted_fail_with_file_and_line() {
    let dir = scratch("claims-input-bounds");
    let good = trainers_record("a.md", 3, 1, "500 trainers", 500);
    for (bad, message) in [
        (
            trainers_record("a.md", 1_000_000_000_000_000, 1, "20 trainers", 20),
            "`line` is 1000000000000000; at most 4294967295",
        ),
        (
            good.replace(r#""low":500"#, r#""low":900"#),
            "`value.low` 900 is above `value.high` 500: the range is inverted",
        ),
        (
            good.replace(r#""from":"2020-01-09""#, r#""from":"2019-02-29""#),
            "`time.from` \"2019-02-29\" is not a date (YYYY-MM-DD)",
        ),
        (
            good.replace(r#""start":0"#, r#""start":99"#),
            "`start` 99 is after `end` 12: the range is inverted",
        ),
    ] {
        fs::write(dir.join("claims.jsonl"), format!("{good}\n{bad}\n")).unwrap();
        let output = run_in(&dir, &["check", "--claims", "claims.jsonl"]);
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        assert_eq!(stderr(&output), format!("error: claims.jsonl:2: {message}\n"));
        assert!(stdout(&output).is_empty(), "{}", stdout(&output));
    }
    let float = good.replace(r#""line":3"#, r#""line":1e15"#);
    fs::write(dir.join("claims.jsonl"), &float).unwrap();
    let output = run_in(&dir, &["check", "--claims", "claims.jsonl"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).starts_with("error: claims.jsonl:1:26: not a claim record: invalid type: floating point"),
        "{}",
        stderr(&output)
    );
}

/// A position a record may give: small, near a bound, or anything.
fn position() -> impl Strategy<Value = u64> {
    prop_oneof![
        24 => 1u64..50,
        1 => Just(0u64),
        1 => (1u64 << 32) - 3..(1u64 << 32) + 3,
        1 => (1u64 << 40) - 2..(1u64 << 40) + 2,
        1 => any::<u64>(),
    ]
}

/// A date a record may give: most real, some impossible (2019-02-29, month 13, day 0).
fn date() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => (1900u32..2100, 1u32..=12, 1u32..=28),
        1 => (1900u32..2100, 0u32..14, 0u32..33),
    ]
    .prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
}

/// Dates from and to: mostly in order, some inverted, some left out.
fn dates() -> impl Strategy<Value = (Option<String>, Option<String>)> {
    prop_oneof![
        8 => (date(), date()).prop_map(|(a, b)| (Some(a.clone().min(b.clone())), Some(a.max(b)))),
        1 => (prop::option::of(date()), prop::option::of(date())),
    ]
}

/// Values low and high: mostly in order, some inverted, any finite magnitude.
fn values() -> impl Strategy<Value = (Option<f64>, Option<f64>)> {
    let value = prop_oneof![-1e3f64..1e3, any::<f64>().prop_filter("finite", |v| v.is_finite())];
    prop_oneof![
        8 => (value.clone(), value.clone()).prop_map(|(a, b)| (Some(a.min(b)), Some(a.max(b)))),
        1 => (prop::option::of(value.clone()), prop::option::of(value)),
    ]
}

prop_compose! {
    fn claim_record()(
        file in prop::sample::select(&["a.md", "b.md", "a.md", "b.md", "a.md", "b.md", "c.md", "c.md", "d.md", ""][..]),
        (line, column) in (position(), position()),
        (start, end) in prop_oneof![
            8 => (0u64..1000, 0u64..100).prop_map(|(start, len)| (start, start + len)),
            1 => (position(), position()),
        ],
        text in prop_oneof![8 => ".{0,12}", 1 => Just("9".repeat(5000))],
        (low, high) in values(),
        (from, to) in dates(),
    ) -> serde_json::Value {
        serde_json::json!({
            "file": file, "line": line, "column": column, "start": start, "end": end, "text": text,
            "kind": "count",
            "value": { "low": low, "high": high, "low_inclusive": true, "high_inclusive": true, "approximate": false },
            "unit": "trainers", "subject": "nato/personnel",
            "time": { "from": from, "to": to, "source": "document-date" },
        })
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, failure_persistence: None, ..ProptestConfig::default() })]

    /// Whatever numbers and dates records hold, they are read with bounded memory and reported
    /// where they say, or refused at their line.
    #[test]
    fn any_records_are_read_in_bounds_or_refused_by_line(records in prop::collection::vec(claim_record(), 1..5)) {
        let text: String = records.iter().map(|r| format!("{r}\n")).collect();
        if let Err(message) = claim_records_hold("claims.jsonl", &text) {
            let line: usize = message
                .strip_prefix("claims.jsonl:")
                .and_then(|rest| rest.split(':').next()?.parse().ok())
                .unwrap_or_else(|| panic!("no line in {message}"));
            prop_assert!((1..=records.len()).contains(&line), "{}", message);
        }
    }
}
