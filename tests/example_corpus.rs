use serde_json::Value;

use crate::common::{run, snapshot_settings, stderr, stdout};

#[test]
fn text_report_on_the_example_corpus() {
    let output = run(&["check", "examples/nato-iraq"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    snapshot_settings().bind(|| insta::assert_snapshot!("check_nato_iraq_text", stdout(&output)));
}

#[test]
fn json_report_on_the_example_corpus() {
    let output = run(&["check", "examples/nato-iraq", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report: Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    snapshot_settings().bind(|| insta::assert_json_snapshot!("check_nato_iraq_json", report));
}

/// The acceptance target of the seed corpus: findings 1, 4 and 5 and nothing else.
#[test]
fn reports_exactly_the_analysts_findings() {
    let output = run(&["check", "examples/nato-iraq", "--format", "json"]);
    let report: Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    let findings = report["findings"].as_array().expect("findings");
    let texts = |rule: &str| -> Vec<String> {
        findings
            .iter()
            .filter(|f| f["rule"] == rule)
            .flat_map(|f| {
                f["claims"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c["text"].as_str().unwrap().to_owned())
            })
            .collect()
    };
    let rules: Vec<&str> = findings.iter().map(|f| f["rule"].as_str().unwrap()).collect();
    assert_eq!(rules.len(), 3, "{rules:?}");

    // 1: one subject, four claims, a change (not a contradiction).
    assert_eq!(
        texts("numeric-change"),
        [
            "10-17 soldiers",
            "fewer than 20 people",
            "500-strong",
            "several hundred trainers"
        ]
    );
    assert!(texts("numeric-contradiction").is_empty());
    // 4: the misspelt secretary general.
    let variant = texts("name-variant");
    assert_eq!(variant[0], "NATO Secretary General Jans Stoltenberg");
    assert!(variant[1..].iter().all(|t| t.contains("Jens Stoltenberg")));
    // 5: three holders of one office, in order.
    let holders = texts("role-change");
    assert_eq!(holders.len(), 3);
    assert!(
        holders[0].contains("Ashton Carter") && holders[1].contains("Jim Mattis") && holders[2].contains("Mark Esper")
    );
    // 3 and 7: Canada's and Germany's troops, trainees and boilerplate are in no finding.
    let all: Vec<String> = findings
        .iter()
        .flat_map(|f| {
            f["claims"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["text"].as_str().unwrap().to_owned())
        })
        .collect();
    for unrelated in [
        "500 troops",
        "120 soldiers",
        "30 Iraqi’s",
        "2 Russians",
        "More than 20 countries",
    ] {
        assert!(!all.iter().any(|t| t == unrelated), "{unrelated} is in a finding");
    }
}

/// Without the user's rule file the heuristics still link the mission's headcount and find
/// the misspelling, and invent no contradiction.
#[test]
fn heuristics_alone_find_the_change_and_no_contradiction() {
    let output = run(&[
        "check",
        "examples/nato-iraq",
        "--config",
        "tests/fixtures/empty.toml",
        "--format",
        "json",
    ]);
    let report: Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    let findings = report["findings"].as_array().expect("findings");
    assert!(
        findings.iter().all(|f| f["rule"] != "numeric-contradiction"),
        "{findings:#?}"
    );
    let change = findings
        .iter()
        .find(|f| f["rule"] == "numeric-change")
        .expect("a change finding");
    assert_eq!(change["subject"], "nato/iraq/personnel");
    assert_eq!(change["claims"].as_array().unwrap().len(), 4);
    assert!(findings.iter().any(|f| f["rule"] == "name-variant"));
}
