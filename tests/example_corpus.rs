use serde_json::Value;

use crate::common::{json_findings, root, run, snapshot_settings, stderr, stdout};

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

fn findings_of(corpus: &str, extra: &[&str]) -> Vec<Value> {
    let mut args = vec![corpus];
    args.extend_from_slice(extra);
    json_findings(&root(), &args)
}

fn claim_texts(finding: &Value) -> Vec<&str> {
    finding["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap())
        .collect()
}

#[test]
fn text_report_on_the_drawdown_corpus() {
    let output = run(&["check", "examples/afghanistan-drawdown"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    snapshot_settings().bind(|| insta::assert_snapshot!("check_afghanistan_drawdown_text", stdout(&output)));
}

/// A plan announced, met, revised and met again is one change with the plans marked, not a
/// contradiction; the Iraq numbers announced alongside stay out of it.
#[test]
fn plans_and_the_facts_that_fulfil_them_make_one_change() {
    let findings = findings_of("examples/afghanistan-drawdown", &[]);
    assert!(
        findings.iter().all(|f| f["rule"] != "numeric-contradiction"),
        "{findings:#?}"
    );
    let changes: Vec<&Value> = findings.iter().filter(|f| f["rule"] == "numeric-change").collect();
    assert_eq!(changes.len(), 1, "{changes:#?}");
    assert_eq!(changes[0]["subject"], "us/afghanistan/personnel");
    assert_eq!(
        changes[0]["timeline"],
        "≈12,000 (2020-02-29) → 8,600 planned (2020-02-29) → 8,600 (2020-07-14) → ≈4,500 (2020-11-17) \
         → 2,500 planned (2021-01-15) → 2,500 (2021-01-15) → 2,500 (2021-04-14)"
    );
    let modality: Vec<&str> = changes[0]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["modality"].as_str().unwrap())
        .collect();
    assert_eq!(
        modality,
        [
            "asserted", "planned", "asserted", "asserted", "planned", "asserted", "asserted"
        ]
    );
    // `by January 15` in a November plan is the coming January.
    let plan = &changes[0]["claims"][4];
    assert_eq!(plan["time"]["from"], "2021-01-15");
    let holders = findings
        .iter()
        .find(|f| f["rule"] == "role-change" && f["subject"] == "role/secretary-of-defense")
        .expect("a change of defense secretary");
    assert_eq!(
        holders["timeline"],
        "Mark Esper (2020-02-29) → Christopher Miller (2020-11-17) → Lloyd Austin (2021-04-14)"
    );
}

#[test]
fn text_report_on_the_march_corpus() {
    let output = run(&["check", "examples/hong-kong-march"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    snapshot_settings().bind(|| insta::assert_snapshot!("check_hong_kong_march_text", stdout(&output)));
}

/// Organisers and police counted one march on one day; the outlets that carried each figure
/// disagree, and the city's population is not a turnout.
#[test]
fn two_outlets_disagreeing_on_one_day_make_one_contradiction() {
    let findings = findings_of("examples/hong-kong-march", &[]);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let finding = &findings[0];
    assert_eq!(finding["rule"], "numeric-contradiction");
    assert_eq!(finding["severity"], "error");
    assert_eq!(finding["subject"], "hong-kong/june-9-march/turnout");
    assert_eq!(
        claim_texts(finding),
        [
            "More than a million people",
            "240,000 people",
            "more than a million people",
            "1.03 million"
        ]
    );
    let sources: Vec<&str> = finding["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["source"].as_str().unwrap())
        .collect();
    assert_eq!(sources, ["Harbour Post", "Pacific Wire", "City Desk", "Harbour Post"]);
    // Without the rule file the heuristics still find the disagreement and nothing else.
    let heuristic = findings_of("examples/hong-kong-march", &["--config", "tests/fixtures/empty.toml"]);
    assert_eq!(heuristic.len(), 1, "{heuristic:#?}");
    assert!(!claim_texts(&heuristic[0]).contains(&"7.4 million people"));
}
