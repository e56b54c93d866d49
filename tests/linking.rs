//! Linking without a rule file: the entity, owner and role forms the news uses, each in
//! sentences of our own, and the near misses a careful reader keeps apart.

use serde_json::Value;

use crate::common::{json_findings, run_in, scratch, stdout, write_story};

/// (text, owner, subject) of each numeric claim.
fn owners(dir: &std::path::Path) -> Vec<(String, String, String)> {
    let output = run_in(dir, &["extract", ".", "--format", "jsonl"]);
    stdout(&output)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|r| r["value"].is_object() && r["kind"] != "duration")
        .map(|r| {
            let field = |k: &str| r[k].as_str().unwrap_or("-").to_owned();
            (field("text"), field("owner"), field("subject"))
        })
        .collect()
}

fn owned(text: &str, owner: &str, subject: &str) -> (String, String, String) {
    (text.into(), owner.into(), subject.into())
}

fn findings(dir: &std::path::Path) -> Vec<Value> {
    json_findings(dir, &["."])
}

#[test]
fn the_forms_of_one_organisation_own_one_subject() {
    let dir = scratch("link-entity-forms");
    write_story(
        &dir,
        "a",
        "2021-06-14",
        "Outlet A",
        "BRUSSELS — NATO leaders met on Monday. Nato’s 30 allies agreed a new strategy. \
         The North Atlantic Treaty Organization has 30 members, and the alliance counts 30 countries in all.",
    );
    assert_eq!(
        owners(&dir),
        [
            owned("30 allies", "nato", "nato/members"),
            owned("30 members", "nato", "nato/members"),
            owned("30 countries", "nato", "nato/members"),
        ]
    );
}

#[test]
fn a_group_noun_names_the_organisation_only_where_it_is_named() {
    let dir = scratch("link-alliance-elsewhere");
    write_story(
        &dir,
        "a",
        "2021-06-14",
        "Outlet A",
        "The alliance of opposition parties has 12 members.",
    );
    assert_eq!(owners(&dir), [owned("12 members", "-", "-")]);
}

#[test]
fn possessives_appositions_and_noun_phrases_give_the_owner() {
    let dir = scratch("link-owners");
    write_story(
        &dir,
        "a",
        "2021-06-14",
        "Outlet A",
        "NATO's military planners want 4,000 troops on the eastern flank. \
         Canada, which leads the battlegroup in Latvia, said its 500 troops would stay. \
         Germany sent 30 of its 120 soldiers home. \
         The Pentagon said 2,500 US troops remain in Iraq. \
         American troops in Syria have been cut to 900. \
         The US-led coalition keeps a 600-strong force in Syria. \
         Germany spends 1.5% of GDP on defence.",
    );
    assert_eq!(
        owners(&dir),
        [
            owned("4,000 troops", "nato", "nato/personnel"),
            owned("500 troops", "canada", "canada/latvia/personnel"),
            // The part is not the whole: only the 120 speaks for Germany's soldiers.
            owned("30", "germany", "-"),
            owned("120 soldiers", "germany", "germany/personnel"),
            // The nationality inside the noun phrase beats the Pentagon before it.
            owned("2,500 US troops", "us", "us/iraq/personnel"),
            // A bare level takes the noun and owner named earlier in its clause.
            owned("900", "us", "us/syria/personnel"),
            // `US-led` describes the coalition: no owner, no subject.
            owned("600-strong", "-", "-"),
            owned("1.5%", "germany", "germany/percent-of-gdp"),
        ]
    );
}

#[test]
fn a_city_population_is_not_a_crowd() {
    let dir = scratch("link-population");
    write_story(
        &dir,
        "a",
        "2019-06-10",
        "Outlet A",
        "Taiwan, an island of 23 million people, watched closely. Police in Taiwan said 20,000 people took part.",
    );
    let found = owners(&dir);
    assert_eq!(found[0], owned("23 million people", "taiwan", "taiwan/population"));
    assert_eq!(found[1].0, "20,000 people");
    assert_ne!(found[1].2, "taiwan/population");
}

/// The person node of the graph JSON and the role claims that name it.
fn persons(dir: &std::path::Path) -> Vec<(String, usize)> {
    let output = run_in(dir, &["graph", ".", "--format", "json"]);
    let graph: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let nodes = graph["nodes"].as_array().unwrap();
    let edges = graph["edges"].as_array().unwrap();
    nodes
        .iter()
        .filter(|n| n["kind"] == "person")
        .map(|n| {
            let named = edges
                .iter()
                .filter(|e| e["to"] == n["id"] && e["kind"] == "names")
                .count();
            (n["label"].as_str().unwrap().to_owned(), named)
        })
        .collect()
}

#[test]
fn a_title_before_or_after_the_name_with_or_without_organisation_names_one_person() {
    let dir = scratch("link-person-forms");
    write_story(
        &dir,
        "a",
        "2021-06-14",
        "Outlet A",
        "NATO Secretary-General Jens Stoltenberg opened the summit. \
         Jens Stoltenberg, NATO's secretary-general, spoke later. \
         NATO chief Jens Stoltenberg closed the meeting. \
         Secretary General Stoltenberg left on Tuesday.",
    );
    assert_eq!(
        persons(&dir),
        [("Jens Stoltenberg".to_owned(), 3), ("Stoltenberg".to_owned(), 1)]
    );
    // The surname alone is the same person: no change, no conflict, no variant.
    assert!(findings(&dir).is_empty(), "{:#?}", findings(&dir));
}

#[test]
fn a_near_spelling_in_the_same_role_is_a_variant_not_a_new_person() {
    let dir = scratch("link-variant");
    write_story(
        &dir,
        "a",
        "2021-06-14",
        "Outlet A",
        "NATO Secretary-General Jens Stoltenberg spoke.",
    );
    write_story(
        &dir,
        "b",
        "2021-06-15",
        "Outlet B",
        "NATO Secretary General Jens Stoltenberg spoke.",
    );
    write_story(
        &dir,
        "c",
        "2021-06-16",
        "Outlet C",
        "NATO Secretary General Jans Stoltenberg spoke.",
    );
    let found = findings(&dir);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["rule"], "name-variant");
    assert_eq!(found[0]["claims"][0]["text"], "NATO Secretary General Jans Stoltenberg");
}

#[test]
fn one_title_two_holders_is_a_conflict_on_one_day_and_a_change_over_time() {
    let dir = scratch("link-role-conflict");
    write_story(
        &dir,
        "a",
        "2021-06-14",
        "Outlet A",
        "US Defense Secretary Lloyd Austin arrived.",
    );
    write_story(
        &dir,
        "b",
        "2021-06-14",
        "Outlet B",
        "U.S. Secretary of Defense Mark Milley arrived.",
    );
    let found = findings(&dir);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["rule"], "role-conflict");
    assert_eq!(found[0]["severity"], "error");
    assert_eq!(
        found[0]["message"],
        "United States secretary of defense named as two different people on 2021-06-14: Lloyd Austin and Mark Milley"
    );

    let dir = scratch("link-role-change");
    write_story(
        &dir,
        "a",
        "2020-02-29",
        "Outlet A",
        "U.S. Secretary of Defense Mark Esper arrived.",
    );
    write_story(
        &dir,
        "b",
        "2020-11-17",
        "Outlet B",
        "Trump fired Defense Secretary Mark Esper last week. Acting Defense Secretary Christopher Miller spoke.",
    );
    write_story(
        &dir,
        "c",
        "2021-06-14",
        "Outlet C",
        "Lloyd Austin, the US defense secretary, arrived.",
    );
    let found = findings(&dir);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["rule"], "role-change");
    assert_eq!(
        found[0]["timeline"],
        "Mark Esper (2020-02-29) → Christopher Miller (2020-11-17) → Lloyd Austin (2021-06-14)"
    );
}

#[test]
fn a_title_without_its_country_does_not_join_another_countrys_holder() {
    let dir = scratch("link-role-orphan");
    write_story(
        &dir,
        "a",
        "2021-04-14",
        "Outlet A",
        "Afghan President Ashraf Ghani spoke in Kabul.",
    );
    write_story(
        &dir,
        "b",
        "2021-04-14",
        "Outlet B",
        "President Joe Biden spoke in Washington.",
    );
    assert!(findings(&dir).is_empty(), "{:#?}", findings(&dir));
}

#[test]
fn money_is_linked_only_by_owner_purpose_and_recipient() {
    let dir = scratch("link-money");
    write_story(
        &dir,
        "a",
        "2021-06-14",
        "Outlet A",
        "The US approved $5 billion in military aid for Ukraine. The US passed a $700 billion defense budget. \
         The US spent $3 billion in 2019.",
    );
    write_story(
        &dir,
        "b",
        "2021-06-15",
        "Outlet B",
        "The US approved $6 billion in military aid for Ukraine and $1 billion in military aid for Israel.",
    );
    assert_eq!(
        owners(&dir),
        [
            owned("$5 billion", "us", "us/money/aid/ukraine"),
            owned("$700 billion", "us", "us/money/budget"),
            // A year is not a purpose: no subject.
            owned("$3 billion", "us", "-"),
            owned("$6 billion", "us", "us/money/aid/ukraine"),
            owned("$1 billion", "us", "us/money/aid/israel"),
        ]
    );
    let found = findings(&dir);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["subject"], "us/money/aid/ukraine");
}
