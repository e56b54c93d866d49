//! The CI formats of `claimlint check`: SARIF, GitHub workflow commands, GitLab Code Quality,
//! JUnit XML and Markdown, each pinned on the example corpus, and the rules they follow.

use serde_json::Value;

use crate::common::{rules_of, run, run_in, scratch, snapshot_settings, stdout, write_story};

fn check(corpus: &str, format: &str) -> String {
    let output = run(&["check", corpus, "--format", format]);
    assert_eq!(output.status.code(), Some(0), "{format}");
    stdout(&output)
}

#[test]
fn every_format_is_pinned_on_the_example_corpus() {
    for format in ["sarif", "github", "gitlab", "markdown", "junit"] {
        let report = check("examples/nato-iraq", format);
        snapshot_settings().bind(|| insta::assert_snapshot!(format!("format_{format}_nato_iraq"), report));
    }
}

#[test]
fn sarif_carries_rule_help_regions_related_locations_and_fingerprints() {
    let sarif: Value = serde_json::from_str(&check("examples/nato-iraq", "sarif")).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let rule_ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        rule_ids,
        [
            "numeric-contradiction",
            "numeric-change",
            "name-variant",
            "role-change",
            "role-conflict",
            "claims-lock",
            "unused-suppression"
        ]
    );
    for rule in rules {
        assert!(!rule["shortDescription"]["text"].as_str().unwrap().is_empty());
        assert!(rule["help"]["markdown"].as_str().unwrap().contains("## Why it matters"));
    }
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    for result in results {
        let rule_index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[rule_index]["id"], result["ruleId"]);
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1 && region["startColumn"].as_u64().unwrap() >= 1);
        let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(uri.starts_with("examples/nato-iraq/"), "{uri}");
        assert_eq!(
            result["partialFingerprints"]["claimlintFinding/v1"]
                .as_str()
                .unwrap()
                .len(),
            16
        );
    }
    let change = results.iter().find(|r| r["ruleId"] == "numeric-change").unwrap();
    assert_eq!(change["relatedLocations"].as_array().unwrap().len(), 3);
    assert_eq!(change["level"], "warning");
}

/// A finding's identity is its rule, subject and values: moving text keeps it, changing a
/// value does not.
#[test]
fn fingerprints_survive_moved_text_but_not_changed_values() {
    let dir = scratch("formats-fingerprint");
    let fingerprints = |dir: &std::path::Path| -> Vec<String> {
        let output = run_in(dir, &["check", ".", "--format", "gitlab", "--fail-on", "never"]);
        let issues: Value = serde_json::from_str(&stdout(&output)).unwrap();
        issues
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["fingerprint"].as_str().unwrap().to_owned())
            .collect()
    };
    write_story(
        &dir,
        "a",
        "2021-03-01",
        "Outlet A",
        "The UN has 400 inspectors in Iraq.",
    );
    write_story(
        &dir,
        "b",
        "2021-03-02",
        "Outlet B",
        "The UN has 900 inspectors in Iraq.",
    );
    let before = fingerprints(&dir);
    assert_eq!(before.len(), 1);
    write_story(
        &dir,
        "a",
        "2021-03-01",
        "Outlet A",
        "A new first paragraph pushes everything down.\n\nStill, the UN has 400 inspectors in Iraq.",
    );
    assert_eq!(fingerprints(&dir), before);
    write_story(
        &dir,
        "b",
        "2021-03-02",
        "Outlet B",
        "The UN has 950 inspectors in Iraq.",
    );
    assert_ne!(fingerprints(&dir), before);
}

#[test]
fn github_shows_the_most_severe_ten_of_a_level_and_counts_the_rest() {
    let dir = scratch("formats-github-cap");
    let countries = [
        "Germany", "France", "Canada", "Italy", "Spain", "Poland", "Norway", "Denmark", "Greece", "Turkey", "Japan",
        "Mexico",
    ];
    for (i, country) in countries.iter().enumerate() {
        write_story(
            &dir,
            &format!("a{i:02}"),
            "2021-03-01",
            "Outlet A",
            &format!("{country} has 100 troops in Iraq."),
        );
        write_story(
            &dir,
            &format!("b{i:02}"),
            "2021-03-01",
            "Outlet B",
            &format!("{country} has 900 troops in Iraq."),
        );
    }
    write_story(
        &dir,
        "c",
        "2021-03-01",
        "Outlet C",
        "NATO Secretary-General Jens Stoltenberg spoke.",
    );
    write_story(
        &dir,
        "d",
        "2021-03-09",
        "Outlet D",
        "NATO Secretary-General Jans Stoltenberg spoke.",
    );
    let output = run_in(&dir, &["check", ".", "--format", "github"]);
    assert_eq!(output.status.code(), Some(1));
    let lines: Vec<String> = stdout(&output).lines().map(str::to_owned).collect();
    let errors = lines.iter().filter(|l| l.starts_with("::error ")).count();
    let warnings = lines.iter().filter(|l| l.starts_with("::warning ")).count();
    assert_eq!((errors, warnings), (10, 1), "{lines:#?}");
    assert!(
        lines[0].starts_with("::error file=a00.md,line=7,col=13,"),
        "{}",
        lines[0]
    );
    assert!(lines[0].contains(",title=claimlint numeric-contradiction::"));
    assert_eq!(
        lines.last().unwrap(),
        "::notice title=claimlint::2 more finding(s) not shown as annotations; run claimlint check locally or use --format sarif for all of them"
    );
}

#[test]
fn min_level_hides_what_fail_on_still_counts() {
    let output = run(&[
        "check",
        "examples/nato-iraq",
        "--format",
        "json",
        "--min-level",
        "warning",
        "--fail-on",
        "info",
    ]);
    // The role change is an info: hidden from the report, yet it fails the run.
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(rules_of(&report), ["name-variant", "numeric-change"]);
}

/// The `<testcase …>…</testcase>` or `<testcase …/>` elements of a JUnit report.
fn junit_cases(report: &str) -> Vec<&str> {
    let mut cases = Vec::new();
    let mut rest = report;
    while let Some(start) = rest.find("<testcase ") {
        let tail = &rest[start..];
        let open_end = tail.find('>').unwrap();
        let end = if tail[..open_end].ends_with('/') {
            open_end + 1
        } else {
            tail.find("</testcase>").unwrap() + "</testcase>".len()
        };
        cases.push(&tail[..end]);
        rest = &tail[end..];
    }
    cases
}

#[test]
fn junit_gives_each_test_case_at_most_one_failure() {
    let dir = scratch("junit-one-failure");
    write_story(&dir, "a", "2020-01-01", "Wire", "NATO has 500 trainers in Iraq.");
    write_story(&dir, "b", "2020-01-01", "Post", "NATO has 900 trainers in Iraq.");
    write_story(&dir, "c", "2020-06-01", "Daily", "NATO has 2,000 trainers in Iraq.");
    let output = run_in(&dir, &["check", ".", "--format", "junit", "--fail-on", "never"]);
    let report = stdout(&output);
    let cases = junit_cases(&report);
    assert_eq!(cases.len(), 1, "{report}");
    assert_eq!(cases[0].matches("<failure").count(), 1, "{report}");
    assert!(
        cases[0].contains(
            r#"<failure type="numeric-contradiction numeric-change" message="2 findings: contradicting values"#
        ),
        "{report}"
    );
    assert!(
        cases[0].contains("numeric-change: personnel of NATO in Iraq changed over time"),
        "{report}"
    );
    assert!(
        report.contains(r#"<testsuites name="claimlint" tests="1" failures="1">"#),
        "{report}"
    );
}

#[test]
fn junit_reports_passing_cases_on_a_clean_run() {
    let dir = scratch("junit-clean");
    write_story(&dir, "a", "2020-01-01", "Wire", "The weather was fine.");
    write_story(&dir, "b", "2020-01-02", "Post", "Nothing happened.");
    let output = run_in(&dir, &["check", ".", "--format", "junit"]);
    assert_eq!(output.status.code(), Some(0));
    let report = stdout(&output);
    assert!(
        report.contains(r#"<testsuite name="claimlint" tests="2" failures="0">"#),
        "{report}"
    );
    assert_eq!(
        junit_cases(&report),
        [
            r#"<testcase classname="claimlint" name="document/a.md"/>"#,
            r#"<testcase classname="claimlint" name="document/b.md"/>"#
        ]
    );
}

/// 120 daily stories of one figure, then after a month another: one change that stands on
/// all 120 claims.
fn a_change_of_many_claims(name: &str) -> std::path::PathBuf {
    let dir = scratch(name);
    for index in 0..120 {
        let day = if index < 60 { index } else { index + 30 };
        let date = jiff::civil::date(2020, 1, 1)
            .checked_add(jiff::Span::new().days(day))
            .unwrap();
        let count = if index < 60 { 500 } else { 700 };
        write_story(
            &dir,
            &format!("s{index:03}"),
            &date.to_string(),
            &format!("Outlet {}", index % 5),
            &format!("NATO has {count} trainers in Iraq."),
        );
    }
    dir
}

#[test]
fn a_finding_of_many_claims_quotes_fifty_for_people_and_lists_all_for_tools() {
    let dir = a_change_of_many_claims("formats-many-claims");
    let text = stdout(&run_in(&dir, &["check", ".", "--fail-on", "never"]));
    assert_eq!(text.matches("| NATO has").count(), 50, "{text}");
    assert!(text.contains(
        "= note: 50 of the finding's 120 claims are quoted, spread over them; `--format json` lists them all"
    ));
    assert!(
        text.contains("s000.md") && text.contains("s119.md"),
        "the first and the last are quoted"
    );
    // The timeline shows the first and the last 50 values.
    assert!(text.contains(" → … 20 more … → "), "{text}");
    let github = stdout(&run_in(
        &dir,
        &["check", ".", "--format", "github", "--fail-on", "never"],
    ));
    assert_eq!(github.matches("%0A  also ").count(), 49);
    assert!(github.contains("%0A  and 70 more claim(s)"));
    let markdown = stdout(&run_in(
        &dir,
        &["check", ".", "--format", "markdown", "--fail-on", "never"],
    ));
    assert!(markdown.contains("<br>and 70 more claim(s) |"));
    let junit = stdout(&run_in(
        &dir,
        &["check", ".", "--format", "junit", "--fail-on", "never"],
    ));
    assert!(junit.contains("and 70 more claim(s)"));
    let report: Value = serde_json::from_str(&stdout(&run_in(
        &dir,
        &["check", ".", "--format", "json", "--fail-on", "never"],
    )))
    .unwrap();
    let change = &report["findings"][0];
    assert_eq!(change["rule"], "numeric-change");
    assert_eq!(change["claims"].as_array().unwrap().len(), 120);
    let sarif: Value = serde_json::from_str(&stdout(&run_in(
        &dir,
        &["check", ".", "--format", "sarif", "--fail-on", "never"],
    )))
    .unwrap();
    let related = sarif["runs"][0]["results"][0]["relatedLocations"].as_array().unwrap();
    assert_eq!(related.len(), 119);
}
