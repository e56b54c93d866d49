//! Claim times and modality in extraction and in the checks: a number takes the time its clause
//! states; a plan and a fact do not contradict; two facts do.

use serde_json::Value;

use crate::common::{json_findings, run_in, scratch, stdout, write_story};

fn findings(dir: &std::path::Path) -> Vec<Value> {
    json_findings(dir, &["."])
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

#[test]
fn absolute_and_partial_dates_cover_the_days_they_name() {
    // The document is dated Tuesday 13 February 2018.
    assert_eq!(
        times(
            "time-absolute",
            "On 9 January 2020, the ministry counted 1,200 inspectors. The agency had 40 staff on January 3. \
             The union signed up 700 members in July. The mission had fewer than 20 trainers in early 2017. \
             The fund will reach $5 billion by the middle of 2020. The group held 30 hostages in 2014 and 2015."
        ),
        [
            time("1,200 inspectors", "2020-01-09", "2020-01-09", "text"),
            // A day without a year: the latest such day on or before the document date.
            time("40 staff", "2018-01-03", "2018-01-03", "text"),
            // A month without a year: the whole month, the latest July before February 2018.
            time("700 members", "2017-07-01", "2017-07-31", "text"),
            time("fewer than 20 trainers", "2017-01-01", "2017-04-30", "text"),
            time("$5 billion", "2020-05-01", "2020-08-31", "text"),
            // A list of years covers them all.
            time("30 hostages", "2014-01-01", "2015-12-31", "text"),
        ]
    );
}

#[test]
fn relative_dates_resolve_against_the_document_date() {
    assert_eq!(
        times(
            "time-relative",
            "Police counted 300 protesters on Tuesday. Police arrested 12 people on Saturday. \
             The council will hire 50 wardens on Friday. The airline carried 9,000 passengers last month. \
             Exports rose to 400 tonnes last year. The company expects to cut 600 workers later this week. \
             The plant will have 90 engineers next March. The plant had 70 engineers last July."
        ),
        [
            // The document's own weekday is the document date.
            time("300 protesters", "2018-02-13", "2018-02-13", "text"),
            // A weekday in a report of what happened looks back ...
            time("12 people", "2018-02-10", "2018-02-10", "text"),
            // ... and in a plan looks forward.
            time("50 wardens", "2018-02-16", "2018-02-16", "text"),
            time("9,000 passengers", "2018-01-01", "2018-01-31", "text"),
            time("400 tonnes", "2017-01-01", "2017-12-31", "text"),
            time("600 workers", "2018-02-13", "2018-02-18", "text"),
            time("90 engineers", "2018-03-01", "2018-03-31", "text"),
            time("70 engineers", "2017-07-01", "2017-07-31", "text"),
        ]
    );
}

#[test]
fn spans_run_between_their_ends() {
    assert_eq!(
        times(
            "time-spans",
            "After three years of war, 2 million people had fled. The force has grown to 400 troops since 2014. \
             The base housed 2,500 soldiers from 2015 to 2017."
        ),
        [
            // `three years of war` ends at the document date.
            time("three years", "2015-02-13", "2018-02-13", "text"),
            time("2 million people", "2018-02-13", "2018-02-13", "document-date"),
            time("400 troops", "2014-01-01", "2018-02-13", "text"),
            time("2,500 soldiers", "2015-01-01", "2017-12-31", "text"),
        ]
    );
}

#[test]
fn a_date_of_what_the_counted_group_does_is_not_the_time_of_the_count() {
    assert_eq!(
        times(
            "time-verb",
            "Its 29 allies would meet in June. The 40 envoys were recalled in March."
        ),
        [
            time("29 allies", "2018-02-13", "2018-02-13", "document-date"),
            time("40 envoys", "2018-02-13", "2018-02-13", "document-date"),
        ]
    );
}

#[test]
fn each_modality_is_recognised() {
    let dir = scratch("modality-each");
    write_story(
        &dir,
        "m",
        "2018-02-13",
        "Outlet M",
        "The navy plans to send 300 sailors. The alliance is expected to reach 4,000 personnel. \
         Ministers would add 200 advisers. The city may cut 50 nurses. The army has not sent 100 medics. \
         The navy sent no more than 80 divers, a spokesman said. The fleet has 12 frigates. \
         There is no decision yet on sending 40 more medics.",
    );
    let output = run_in(&dir, &["extract", "m.md"]);
    let found: Vec<(String, String, bool)> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .map(|r| {
            (
                r["text"].as_str().unwrap().to_owned(),
                r["modality"].as_str().unwrap().to_owned(),
                r["reported"].as_bool().unwrap(),
            )
        })
        .collect();
    let expected = [
        ("300 sailors", "planned", false),
        ("4,000 personnel", "planned", false),
        ("200 advisers", "possible", false),
        ("50 nurses", "possible", false),
        ("100 medics", "negated", false),
        // `no more than` is a bound, not a denial; the sentence is reported speech.
        ("no more than 80 divers", "asserted", true),
        ("12 frigates", "asserted", false),
        ("40 more medics", "negated", false),
    ];
    let expected: Vec<(String, String, bool)> = expected
        .iter()
        .map(|(t, m, r)| ((*t).into(), (*m).into(), *r))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn undated_documents_make_no_finding_and_are_named_in_the_report() {
    let dir = scratch("undated");
    std::fs::write(dir.join("a.txt"), "The UN has 400 inspectors in Iraq.\n").unwrap();
    std::fs::write(dir.join("b.txt"), "The UN has 900 inspectors in Iraq.\n").unwrap();
    let output = run_in(&dir, &["check", ".", "--color", "never"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        "0 findings (0 errors, 0 warnings, 0 infos) in 2 documents, 2 claims\n\
         2 claims with a value: 2 linked into 1 subject, 0 left unlinked\n\
         config: none; rules: built-in\n\
         note: 2 documents without a date, so their claims are not compared over time: ./a.txt, ./b.txt\n  \
         = help: give each a `date:` in its front matter, a dateline, or a [[document]] entry in claimlint.toml\n"
    );
    let output = run_in(&dir, &["check", ".", "--format", "json"]);
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report["summary"]["undated"], serde_json::json!(["./a.txt", "./b.txt"]));
    assert!(report["findings"].as_array().unwrap().is_empty());
    // The same two claims with dates do contradict.
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
        "2021-03-01",
        "Outlet B",
        "The UN has 900 inspectors in Iraq.",
    );
    std::fs::remove_file(dir.join("a.txt")).unwrap();
    std::fs::remove_file(dir.join("b.txt")).unwrap();
    let found = findings(&dir);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["rule"], "numeric-contradiction");
}

#[test]
fn a_plan_inside_one_sentence_is_a_change_from_the_present() {
    let dir = scratch("modality-one-sentence");
    write_story(
        &dir,
        "a",
        "2020-02-12",
        "Outlet A",
        "Stoltenberg said the size of NATO’s mission in Iraq will increase from 500 personnel to around 4,000.",
    );
    let found = findings(&dir);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["rule"], "numeric-change");
    assert_eq!(found[0]["subject"], "nato/iraq/personnel");
    assert_eq!(found[0]["timeline"], "500 (2020-02-12) → ≈4,000 planned (2020-02-12)");
}
