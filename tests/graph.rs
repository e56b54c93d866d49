//! `claimlint graph`: the claim graph as DOT and JSON.

use serde_json::Value;

use crate::common::{run, snapshot_settings, stdout};

fn graph_json() -> Value {
    let output = run(&["graph", "examples/nato-iraq", "--format", "json"]);
    assert!(output.status.success());
    serde_json::from_str(&stdout(&output)).expect("graph JSON parses")
}

#[test]
fn every_edge_joins_exported_nodes() {
    let graph = graph_json();
    let ids: Vec<&str> = graph["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    let edges = graph["edges"].as_array().unwrap();
    assert!(!edges.is_empty());
    for edge in edges {
        assert!(ids.contains(&edge["from"].as_str().unwrap()), "{edge}");
        assert!(ids.contains(&edge["to"].as_str().unwrap()), "{edge}");
    }
}

#[test]
fn the_mission_headcount_and_the_misspelt_name_are_linked() {
    let graph = graph_json();
    let nodes = graph["nodes"].as_array().unwrap();
    let edges = graph["edges"].as_array().unwrap();
    let id_of = |kind: &str, label: &str| {
        nodes
            .iter()
            .find(|n| n["kind"] == kind && n["label"] == label)
            .map(|n| n["id"].as_str().unwrap().to_owned())
            .unwrap_or_else(|| panic!("no {kind} {label}"))
    };
    let mission = id_of("subject", "nato/training-mission/personnel");
    let mut headcounts: Vec<&str> = edges
        .iter()
        .filter(|e| e["to"] == mission.as_str() && e["kind"] == "about")
        .map(|e| {
            let claim = nodes.iter().find(|n| n["id"] == e["from"]).unwrap();
            claim["claim"]["text"].as_str().unwrap()
        })
        .collect();
    headcounts.sort_unstable();
    assert_eq!(
        headcounts,
        [
            "10-17 soldiers",
            "500-strong",
            "fewer than 20 people",
            "several hundred trainers"
        ]
    );
    let variant = edges
        .iter()
        .find(|e| e["kind"] == "name-variant")
        .expect("a name-variant edge");
    let label = |id: &Value| nodes.iter().find(|n| n["id"] == *id).unwrap()["label"].clone();
    assert_eq!(label(&variant["from"]), "Jans Stoltenberg");
    assert_eq!(label(&variant["to"]), "Jens Stoltenberg");
}

#[test]
fn dot_output_is_pinned() {
    let output = run(&["graph", "examples/nato-iraq"]);
    assert!(output.status.success());
    let dot = stdout(&output);
    assert!(dot.starts_with("digraph claims {") && dot.trim_end().ends_with('}'));
    snapshot_settings().bind(|| insta::assert_snapshot!("graph_nato_iraq_dot", dot));
}

/// `check --explain-links` says why each quoted claim was linked: the rule-file subject and
/// what matched, or the heuristic key, and near spellings of names.
#[test]
fn explain_links_gives_the_reason_for_each_claim() {
    let output = run(&["check", "examples/nato-iraq", "--explain-links"]);
    let report = stdout(&output);
    assert!(
        report.contains(
            "help: linked “10-17 soldiers”: rule-file subject `nato/training-mission/personnel`, owner nato, class personnel, sentence mentions “train”, “deploy”"
        ),
        "{report}"
    );
    assert!(
        report.contains("“Jans Stoltenberg” is a near spelling of “Jens Stoltenberg”"),
        "{report}"
    );

    let dir = crate::common::scratch("explain-links-heuristic");
    for entry in std::fs::read_dir(crate::common::root().join("examples/nato-iraq")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
    }
    let heuristic = stdout(&crate::common::run_in(&dir, &["check", ".", "--explain-links"]));
    assert!(
        heuristic.contains("help: linked “10-17 soldiers”: owner nato, place iraq, class personnel (soldiers)"),
        "{heuristic}"
    );
    let plain = stdout(&run(&["check", "examples/nato-iraq"]));
    assert!(!plain.contains("help: linked"));
}
