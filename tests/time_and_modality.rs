//! Claim times and modality in extraction and in the checks: a number takes the time its clause
//! states; a plan and a fact do not contradict; two facts do.

use serde_json::Value;

use crate::common::{run_in, scratch, stdout};

fn write_story(dir: &std::path::Path, name: &str, date: &str, outlet: &str, body: &str) {
    let text = format!("---\ntitle: {name}\ndate: {date}\nsource: {outlet}\n---\n\n{body}\n");
    std::fs::write(dir.join(format!("{name}.md")), text).unwrap();
}

fn findings(dir: &std::path::Path) -> Vec<Value> {
    let output = run_in(dir, &["check", ".", "--format", "json", "--fail-on", "never"]);
    assert!(output.status.success());
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap();
    report["findings"].as_array().unwrap().clone()
}

const FACT: &str = "The UN has 400 inspectors in Iraq, officials said.";

#[test]
fn a_plan_does_not_contradict_a_fact() {
    let dir = scratch("modality-plan");
    write_story(&dir, "a", "2021-03-01", "Outlet A", FACT);
    write_story(
        &dir,
        "b",
        "2021-03-02",
        "Outlet B",
        "The UN will send 900 inspectors to Iraq next year.",
    );
    let found = findings(&dir);
    assert!(found.iter().all(|f| f["rule"] != "numeric-contradiction"), "{found:#?}");
    // Both claims are about one subject, so the check did compare them.
    let output = run_in(&dir, &["extract", "."]);
    let records: Vec<Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let claim = |text: &str| records.iter().find(|r| r["text"] == text).unwrap().clone();
    assert_eq!(claim("400 inspectors")["subject"], claim("900 inspectors")["subject"]);
    assert!(claim("400 inspectors")["subject"].is_string());
    assert_eq!(claim("900 inspectors")["modality"], "planned");
}

#[test]
fn two_facts_on_neighbouring_days_contradict() {
    let dir = scratch("modality-facts");
    write_story(&dir, "a", "2021-03-01", "Outlet A", FACT);
    write_story(
        &dir,
        "c",
        "2021-03-02",
        "Outlet C",
        "The UN has 900 inspectors in Iraq.",
    );
    let found = findings(&dir);
    let contradiction = found
        .iter()
        .find(|f| f["rule"] == "numeric-contradiction")
        .unwrap_or_else(|| panic!("{found:#?}"));
    let texts: Vec<&str> = contradiction["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["400 inspectors", "900 inspectors"]);
    assert_eq!(contradiction["claims"][0]["reported"], true);
}

#[test]
fn extraction_marks_plans_possibilities_and_denials() {
    let dir = scratch("modality-extract");
    std::fs::write(
        dir.join("s.txt"),
        "The mission will grow from 500 personnel to around 4,000. Ministers could add 300 trainers. \
         The army did not send 200 tanks. There were 90 bases then.\n",
    )
    .unwrap();
    let output = run_in(&dir, &["extract", "s.txt"]);
    let modality_of: Vec<(String, String)> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|r| r["value"].is_object())
        .map(|r| {
            (
                r["text"].as_str().unwrap().to_owned(),
                r["modality"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected = [
        ("500 personnel", "asserted"),
        ("around 4,000", "planned"),
        ("300 trainers", "possible"),
        ("200 tanks", "negated"),
        ("90 bases", "past"),
    ];
    let expected: Vec<(String, String)> = expected.iter().map(|(t, m)| ((*t).into(), (*m).into())).collect();
    assert_eq!(modality_of, expected);
}

fn times(scratch_name: &str, body: &str) -> Vec<(String, String, String, String)> {
    let dir = scratch(scratch_name);
    write_story(&dir, "t", "2018-02-13", "Outlet T", body);
    let output = run_in(&dir, &["extract", "t.md"]);
    stdout(&output)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|r| r["value"].is_object())
        .map(|r| {
            let field = |k: &str| r["time"][k].as_str().unwrap_or("-").to_owned();
            (
                r["text"].as_str().unwrap().to_owned(),
                field("from"),
                field("to"),
                field("source"),
            )
        })
        .collect()
}

fn time(text: &str, from: &str, to: &str, source: &str) -> (String, String, String, String) {
    (text.into(), from.into(), to.into(), source.into())
}

#[test]
fn a_number_takes_the_time_its_clause_states() {
    assert_eq!(
        times(
            "time-stated",
            "The office had 20 staff by the end of 2019 and expects 40 staff next year. \
             In 2015, there were 300 trainers. The force has grown to 400 troops since 2016."
        ),
        [
            time("20 staff", "2019-10-01", "2019-12-31", "text"),
            time("40 staff", "2019-01-01", "2019-12-31", "text"),
            time("300 trainers", "2015-01-01", "2015-12-31", "text"),
            time("400 troops", "2016-01-01", "2018-02-13", "text"),
        ]
    );
}

#[test]
fn a_date_in_a_relative_clause_or_far_away_does_not_move_the_number() {
    assert_eq!(
        times(
            "time-unmoved",
            "NATO has a team of fewer than 20 people that started in early 2017. \
             The mission counts 500 troops, officials said on Tuesday."
        ),
        [
            time("fewer than 20 people", "2018-02-13", "2018-02-13", "document-date"),
            time("500 troops", "2018-02-13", "2018-02-13", "document-date"),
        ]
    );
}
