//! Subjects built from the text, with no rule file: what a number counts (measure frames),
//! whose or where, the qualifiers that keep two subjects apart, rolling news, names spelled
//! two ways, and the warning when nothing links. Every story is our own; the places and
//! people are invented.

use serde_json::Value;

use crate::common::{json_findings, run_in, scratch, stdout, write_story};

/// (text, subject) of each claim with a value.
fn subjects(dir: &std::path::Path) -> Vec<(String, String)> {
    let output = run_in(dir, &["extract", ".", "--format", "jsonl", "--no-cache"]);
    stdout(&output)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|r| r["value"].is_object() && r["kind"] != "date")
        .map(|r| {
            let field = |k: &str| r[k].as_str().unwrap_or("-").to_owned();
            (field("text"), field("subject"))
        })
        .collect()
}

fn subject_of<'a>(found: &'a [(String, String)], text: &str) -> &'a str {
    found
        .iter()
        .find(|(t, _)| t == text)
        .map(|(_, s)| s.as_str())
        .unwrap_or_else(|| panic!("no claim “{text}” in {found:?}"))
}

fn rules(findings: &[Value]) -> Vec<&str> {
    findings.iter().map(|f| f["rule"].as_str().unwrap()).collect()
}

#[test]
fn each_measure_frame_names_what_is_counted() {
    let dir = scratch("subject-frames");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "The landslide killed 40 people in the valley. The death toll rose to 1,150 on Monday. \
         Rescuers counted 870 dead. Officials said 95 people died overnight. The storm claimed 12 lives. \
         A further tally showed 300 were injured. The app has been downloaded 75 million times. \
         Some 4,000 people remain missing. About 230,000 residents were evacuated. \
         By Friday, deaths had risen to 1,480.",
    );
    let found = subjects(&dir);
    assert_eq!(subject_of(&found, "40 people"), "deaths");
    assert_eq!(subject_of(&found, "1,150"), "deaths");
    assert_eq!(subject_of(&found, "870 dead"), "deaths");
    assert_eq!(subject_of(&found, "95 people"), "deaths");
    assert_eq!(subject_of(&found, "12 lives"), "deaths");
    assert_eq!(subject_of(&found, "300"), "injured");
    assert_eq!(subject_of(&found, "75 million times"), "downloads");
    assert_eq!(subject_of(&found, "Some 4,000 people"), "missing");
    assert_eq!(subject_of(&found, "About 230,000 residents"), "displaced");
    // The measure's own noun names the figure a moving verb carries to.
    assert_eq!(subject_of(&found, "1,480"), "deaths");
}

#[test]
fn dead_and_injured_are_two_subjects_and_people_are_not_personnel() {
    let dir = scratch("subject-dead-injured");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "The blast killed 120 people and injured 120 others.",
    );
    write_story(
        &dir,
        "b",
        "2031-03-05",
        "Outlet B",
        "Officials said 400 people were injured in the blast.",
    );
    let found = subjects(&dir);
    assert_eq!(subject_of(&found, "120 people"), "deaths");
    assert_eq!(subject_of(&found, "120 others"), "injured");
    assert_eq!(subject_of(&found, "400 people"), "injured");
    // 120 dead and 400 injured are not one figure that changed.
    let findings = json_findings(&dir, &["."]);
    assert!(findings.iter().all(|f| f["subject"] != "deaths"), "{findings:#?}");
}

#[test]
fn another_year_another_place_and_a_part_keep_subjects_apart() {
    let dir = scratch("subject-qualifiers");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "The quake killed 300 people, officials said. In 1999, a quake there killed 15,000 people. \
         The quake killed 90 people in Varno County. Another 40 people were confirmed dead on Sunday.",
    );
    let found = subjects(&dir);
    assert_eq!(subject_of(&found, "300 people"), "deaths");
    assert_eq!(subject_of(&found, "15,000 people"), "deaths/in-1999");
    assert_eq!(subject_of(&found, "90 people"), "varno-county/deaths");
    assert_eq!(subject_of(&found, "40 people"), "deaths/added");
}

#[test]
fn a_rising_toll_is_a_change_and_rival_figures_of_one_day_contradict() {
    let dir = scratch("subject-rolling");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "The death toll rose to 150 on Sunday.",
    );
    write_story(&dir, "b", "2031-03-03", "Outlet B", "The death toll climbed to 381.");
    write_story(&dir, "c", "2031-03-03", "Outlet C", "The death toll stood at 240.");
    let findings = json_findings(&dir, &["."]);
    let found = rules(&findings);
    assert!(found.contains(&"numeric-change"), "{findings:#?}");
    // Two outlets, one day, 381 against 240: that cannot both hold.
    let contradiction = findings
        .iter()
        .find(|f| f["rule"] == "numeric-contradiction")
        .expect("a contradiction");
    let values: Vec<&str> = contradiction["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    assert_eq!(values, ["381", "240"]);
}

#[test]
fn two_updates_in_one_story_are_a_change_not_a_contradiction() {
    let dir = scratch("subject-same-day");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "Earlier today officials said 60 people had died. By the evening the death toll had risen to 95.",
    );
    let findings = json_findings(&dir, &["."]);
    assert_eq!(rules(&findings), ["numeric-change"], "{findings:#?}");
}

#[test]
fn counts_of_one_noun_in_one_story_are_not_compared() {
    let dir = scratch("subject-noun-one-story");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "The first crate holds 3 lanterns. The second crate holds 6 lanterns.",
    );
    assert!(json_findings(&dir, &["."]).is_empty());
}

#[test]
fn names_spelled_two_ways_across_outlets_are_found() {
    let dir = scratch("subject-name-variants");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "The diver Tomas Gunaratne led the team into the cave near Pokhara. \
         Governor Aldo Vesterburg spoke to the press. Victor Segovia was the first out.",
    );
    write_story(
        &dir,
        "b",
        "2031-03-03",
        "Outlet B",
        "The diver Tomas Kunaratne led the team into the cave near Pokhra. \
         Governor Aldo Vesterburg thanked the divers. Dario Segovia was the last out.",
    );
    let findings = json_findings(&dir, &["."]);
    let messages: Vec<&str> = findings
        .iter()
        .filter(|f| f["rule"] == "name-variant")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("Kunaratne") || m.contains("Gunaratne")),
        "{messages:?}"
    );
    assert!(messages.iter().any(|m| m.contains("Pokhra")), "{messages:?}");
    // Different people who share a surname are not one name.
    assert!(messages.iter().all(|m| !m.contains("Segovia")), "{messages:?}");
}

#[test]
fn spelling_rules_keep_derivatives_and_short_names_apart() {
    use claimlint::subject::is_spelling_of;
    assert!(is_spelling_of("Saman Gunan", "Saman Kunan"));
    assert!(is_spelling_of("Ekkapol Chantawong", "Ekapol Chantawong"));
    assert!(is_spelling_of("Abd al-Karim", "Abdelkarim"));
    assert!(is_spelling_of("Yunan", "Yunnan"));
    assert!(is_spelling_of("Micheal Phelps", "Michael Phelps"));
    assert!(!is_spelling_of("Nepal", "Nepali"));
    assert!(!is_spelling_of("Kim Jong-un", "Kim Jong-il"));
    assert!(!is_spelling_of("Victor Segovia", "Dario Segovia"));
    assert!(!is_spelling_of("Iran", "Iraq"));
    assert!(!is_spelling_of("South Africa", "South-African"));
    assert!(!is_spelling_of("Jong-un", "Jong Un"));
    // A plural and its adjective, names that differ in their first letter, a country and its
    // adjective inside a hyphenated word.
    assert!(!is_spelling_of("Carpathians", "Carpathian"));
    assert!(!is_spelling_of("Salter", "Walter"));
    assert!(!is_spelling_of("Syrian-backed militia", "Syria-backed militia"));
    assert!(is_spelling_of("Mohamed Salah", "Mohammed Salah"));
    // After one given name, a surname with one more letter at its end is a slip; with two, or
    // a short one, another name.
    assert!(is_spelling_of("Steffi Graf", "Steffi Graff"));
    assert!(is_spelling_of("Minendra Rija", "Minendra Rijal"));
    assert!(!is_spelling_of("Thai Navy Seal", "Thai Navy Seals"));
    assert!(!is_spelling_of("Pakistani Kashmir", "Pakistani Kashmiri"));
    assert!(!is_spelling_of("Ana Ros", "Ana Rose"));
    assert!(!is_spelling_of("Ana Rossi", "Ana Rossini"));
    assert!(!is_spelling_of("Graf", "Graff"));
}

#[test]
fn a_set_whose_claims_link_nowhere_says_so() {
    let dir = scratch("subject-sees-nothing");
    let body: String = (1..=12)
        .map(|i| format!("Figure {i} shows {} on the chart.", i * 7))
        .collect::<Vec<_>>()
        .join(" ");
    write_story(&dir, "a", "2031-03-02", "Outlet A", &body);
    let output = run_in(&dir, &["check", ".", "--no-cache"]);
    let text = stdout(&output);
    assert!(
        text.contains("12 claims with a value: 0 linked into 0 subjects, 12 left unlinked"),
        "{text}"
    );
    assert!(
        text.contains("warning: no two claims were found to be about one subject"),
        "{text}"
    );
    let explained = stdout(&run_in(&dir, &["check", ".", "--no-cache", "--explain-links"]));
    assert!(explained.contains("unlinked: ./a.md:"), "{explained}");
    let json = run_in(&dir, &["check", ".", "--no-cache", "--format", "json"]);
    assert!(String::from_utf8_lossy(&json.stderr).contains("nothing was compared"));
}

#[test]
fn names_stop_at_punctuation_but_not_at_an_abbreviation() {
    let text = "Aid reached Varnia, Ostrel Lande and Kessary on Monday. The U.S. Geological Survey \
                measured the quake. Varnia has asked for more.\n";
    let doc = claimlint::documents::parse("a.txt".into(), text.as_bytes().to_vec(), None).unwrap();
    let names = claimlint::subject::document_names(&doc);
    let found: Vec<(&str, bool)> = names.iter().map(|n| (n.name.as_str(), n.alone)).collect();
    assert_eq!(
        found,
        [
            ("Varnia", true),
            ("Ostrel Lande", false),
            ("Kessary", true),
            ("U.S. Geological Survey", false),
            ("Geological Survey", false),
            ("Geological", false),
        ]
    );
    for name in &names {
        assert_eq!(&text[name.range.clone()], name.name);
    }
}

#[test]
fn a_variant_finding_quotes_a_bounded_number_of_usual_spellings() {
    let dir = scratch("subject-name-variant-bounded");
    for i in 0..21 {
        let body = format!("Day {i}: the diver Tomas Gunaratne went back into the cave.");
        write_story(&dir, &format!("usual-{i:02}"), "2031-03-02", "Outlet A", &body);
    }
    write_story(
        &dir,
        "variant",
        "2031-03-03",
        "Outlet B",
        "The diver Tomas Kunaratne went back into the cave.",
    );
    let findings = json_findings(&dir, &["."]);
    let variant: Vec<&Value> = findings.iter().filter(|f| f["rule"] == "name-variant").collect();
    assert_eq!(variant.len(), 1, "{findings:#?}");
    let message = variant[0]["message"].as_str().unwrap();
    assert!(message.contains("21 document(s) write “Tomas Gunaratne”"), "{message}");
    // The variant's mention, then the usual spelling in at most 20 documents.
    let claims = variant[0]["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 1 + 20);
    assert_eq!(claims[0]["text"], "Tomas Kunaratne");
}

#[test]
fn an_ordinal_counts_the_members_up_to_the_newest() {
    let dir = scratch("subject-ordinals");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "Velmark became the 28th member of the European Union on Tuesday. The European Union now has 28 members.",
    );
    write_story(
        &dir,
        "b",
        "2032-05-10",
        "Outlet B",
        "Ostria joined the European Union as its twenty\u{2011}ninth member. The European Union has 29 members.",
    );
    let found = subjects(&dir);
    // The body joined owns the count, not the country that joined it.
    assert_eq!(subject_of(&found, "28th member"), subject_of(&found, "28 members"));
    assert_eq!(
        subject_of(&found, "twenty\u{2011}ninth member"),
        subject_of(&found, "29 members")
    );
    assert!(!subject_of(&found, "28th member").contains("velmark"), "{found:?}");
    let findings = json_findings(&dir, &["."]);
    let change = findings
        .iter()
        .find(|f| f["rule"] == "numeric-change")
        .unwrap_or_else(|| panic!("a change: {findings:#?}"));
    assert!(change["message"].as_str().unwrap().contains("28 → 29"), "{change:#?}");
    // Ordinals of what nobody counts up are no claims.
    let dir = scratch("subject-ordinals-not");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "The 20th century saw the 3rd floor rebuilt, and the 4th of July parade drew a crowd.",
    );
    assert!(subjects(&dir).is_empty(), "{:?}", subjects(&dir));
}

#[test]
fn medals_and_golds_are_two_subjects() {
    let dir = scratch("subject-medals");
    write_story(
        &dir,
        "a",
        "2031-08-01",
        "Outlet A",
        "The swimmer won her 19th Olympic medal and her 15th gold medal on Tuesday.",
    );
    let found = subjects(&dir);
    assert_eq!(subject_of(&found, "19th Olympic medal"), "medals");
    assert_eq!(subject_of(&found, "15th gold medal"), "golds");
}

#[test]
fn the_one_that_killed_is_no_place_and_a_part_of_a_named_group_is_apart() {
    let dir = scratch("subject-agent-part");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "Marburg fever has killed 4,877 people. Of 568 nurses infected, 329 of them had died. \
         There were 1,215 deaths in those two countries.",
    );
    let found = subjects(&dir);
    assert_eq!(subject_of(&found, "4,877 people"), "deaths");
    assert_eq!(subject_of(&found, "329"), "deaths/part");
    assert_eq!(subject_of(&found, "1,215 deaths"), "deaths/part");
}

#[test]
fn money_is_framed_by_what_it_is_and_kept_apart_by_currency() {
    let dir = scratch("subject-money");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "Negotiators put the exit bill at almost £50bn.",
    );
    write_story(
        &dir,
        "b",
        "2031-06-10",
        "Outlet B",
        "The two sides agreed a divorce bill of between £35bn and £39bn, or about €45bn.",
    );
    let found = subjects(&dir);
    assert_eq!(subject_of(&found, "almost £50bn"), "bill/gbp");
    assert_eq!(subject_of(&found, "between £35bn and £39bn"), "bill/gbp");
    // A conversion after `or` is not read as a bill of its own.
    assert_ne!(subject_of(&found, "about €45bn"), "bill/gbp");
    let findings = json_findings(&dir, &["."]);
    assert_eq!(rules(&findings), ["numeric-change"], "{findings:#?}");
    assert!(
        findings[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("bill (gbp) changed"),
        "{findings:#?}"
    );
}

#[test]
fn a_surname_after_the_same_given_name_may_be_spelt_more_loosely() {
    use claimlint::subject::is_spelling_of;
    // A transliterated surname two letters apart, a short surname one letter apart, a
    // capitalised particle.
    assert!(is_spelling_of("Pravit Osatanakul", "Pravit Osottanakul"));
    assert!(is_spelling_of("Ivo le Clos", "Ivo Le Chos"));
    assert!(is_spelling_of("Saman Gunan", "Saman Kunam"));
    // Near misses: another surname's opening, a surname and its longer form, a short given
    // name, a different given name.
    assert!(!is_spelling_of("Anna Kovac", "Anna Novak"));
    assert!(!is_spelling_of("Tomas Brandt", "Tomas Berndt"));
    assert!(!is_spelling_of("Lena Marks", "Lena Marksen"));
    assert!(!is_spelling_of("Al Rose", "Al Rosa"));
    assert!(!is_spelling_of("Pravit Osatanakul", "Somchai Osottanakul"));

    let dir = scratch("subject-surnames");
    for (name, date, surname) in [("a", "2031-03-02", "Osottanakul"), ("b", "2031-03-03", "Osottanakul")] {
        write_story(
            &dir,
            name,
            date,
            "Outlet",
            &format!("Governor Pravit {surname} said the pumps were working."),
        );
    }
    write_story(
        &dir,
        "c",
        "2031-03-04",
        "Outlet C",
        "Governor Pravit Osatanakul said the pumps were working.",
    );
    let findings = json_findings(&dir, &["."]);
    assert!(
        findings
            .iter()
            .any(|f| f["rule"] == "name-variant" && f["message"].as_str().unwrap().contains("Osatanakul")),
        "{findings:#?}"
    );
}

#[test]
fn a_place_after_a_list_of_figures_is_where_each_was_counted() {
    let dir = scratch("subject-list-place");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "By 8 p.m., 122 residents had been killed, more than 180 missing and 1,300 injured in Varno County, \
         officials said. Across the province the quake killed 300 people.",
    );
    let found = subjects(&dir);
    assert_eq!(subject_of(&found, "122 residents"), "varno-county/deaths");
    assert_eq!(subject_of(&found, "more than 180"), "varno-county/missing");
    assert_eq!(subject_of(&found, "1,300 injured"), "varno-county/injured");
    // The whole province's toll is another subject.
    assert_eq!(subject_of(&found, "300 people"), "deaths");
}

#[test]
fn the_tail_of_a_name_spelt_two_ways_is_not_a_second_finding() {
    use claimlint::subject::spelling_groups;
    let mentions = [
        "Northern Health Organisation",
        "Health Organisation",
        "Northern Health Organization",
        "Health Organization",
        "Northern Health Organization",
        "Health Organization",
    ];
    let groups = spelling_groups(&mentions);
    assert_eq!(groups.len(), 1, "{groups:?}");
    assert_eq!(groups[0].usual, "Northern Health Organization");
    assert_eq!(groups[0].variants[0].0, "Northern Health Organisation");
}

#[test]
fn a_percent_is_framed_by_what_it_measures() {
    let dir = scratch("subject-percent");
    write_story(
        &dir,
        "a",
        "2031-09-19",
        "Outlet A",
        "Officials said turnout was 84.6% across the region. The firm holds a 13% stake in the studio.",
    );
    let found = subjects(&dir);
    assert_eq!(subject_of(&found, "84.6%"), "turnout");
    assert_eq!(subject_of(&found, "13%"), "stake");
}

#[test]
fn a_list_that_leaves_the_counted_thing_unsaid_gives_each_figure_its_place() {
    let dir = scratch("subject-elliptic-list");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "The storm killed at least 41 people in Varno, 16 in Kessia and two in Lotmark. \
         Marda, Tolvey and Bressin have had the most fatalities, with 2,705, 1,259 and 904 deaths respectively. \
         The toll in Calder has gone up to 72, with Dunmore accounting for 56 deaths.",
    );
    let found = subjects(&dir);
    assert_eq!(subject_of(&found, "at least 41 people"), "varno/deaths");
    assert_eq!(subject_of(&found, "16"), "kessia/deaths");
    assert_eq!(subject_of(&found, "two"), "lotmark/deaths");
    assert_eq!(subject_of(&found, "2,705"), "marda/deaths");
    assert_eq!(subject_of(&found, "1,259"), "tolvey/deaths");
    assert_eq!(subject_of(&found, "904 deaths"), "bressin/deaths");
    assert_eq!(subject_of(&found, "up to 72"), "calder/deaths");
    // One place's share of the toll is its own subject.
    assert_eq!(subject_of(&found, "56 deaths"), "dunmore/deaths");
}

#[test]
fn near_miss_lists_without_a_place_or_respectively_stay_unlinked() {
    let dir = scratch("subject-list-near-miss");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "The storm killed at least 41 people in Varno, and 16 more were hurt. \
         Marda, Tolvey and Bressin reported 2,705, 1,259 and 904 deaths over three years.",
    );
    let found = subjects(&dir);
    // `16 more were hurt` names its own measure; no figure borrows another's.
    assert_eq!(subject_of(&found, "16"), "injured/added");
    // Without `respectively`, the numbers are not matched with the names.
    assert_eq!(subject_of(&found, "2,705"), "-");
    assert_eq!(subject_of(&found, "1,259"), "-");
}

#[test]
fn participles_and_names_before_the_counted_noun_and_lists_of_states() {
    let dir = scratch("subject-participles");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "The ministry has recorded 4,120 suspected cases of the fever. Only 270 confirmed cases were found. \
         Officials counted 8,997 confirmed, probable, and suspected cases in all. \
         The swimmer has now won 19 Olympic medals.",
    );
    let found = subjects(&dir);
    assert_eq!(subject_of(&found, "4,120 suspected cases"), "cases/suspected");
    assert_eq!(subject_of(&found, "270 confirmed cases"), "cases/confirmed");
    // Every state listed: the total, not one of them.
    assert_eq!(
        subject_of(&found, "8,997 confirmed, probable, and suspected cases"),
        "cases"
    );
    assert_eq!(subject_of(&found, "19 Olympic medals"), "medals");
}

#[test]
fn a_metric_set_by_a_verb_before_it_or_moved_after_a_magnitude_is_read() {
    let dir = scratch("subject-metric-reach");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "Officials raised the official death toll from the quake to 38,000 on Saturday. \
         The death toll from the 7.8-magnitude earthquake at the weekend was 3,432. \
         Officially the toll touched 1,911 by the morning. The number of dead is currently 7,040. \
         The agency said 5,420 people had died since late Dec 2030.",
    );
    let found = subjects(&dir);
    for figure in ["38,000", "3,432", "1,911", "7,040"] {
        assert_eq!(subject_of(&found, figure), "deaths", "{figure}");
    }
    // `since` a year says when the count began, not that it is another year's.
    assert_eq!(subject_of(&found, "5,420 people"), "deaths");
}

#[test]
fn a_sentence_wrapped_across_lines_is_read_whole() {
    let dir = scratch("subject-wrapped");
    std::fs::write(
        dir.join("a.txt"),
        "---\ndate: 2031-03-02\n---\n\
         Officials in the capital said late on Sunday that 39,422 people were\n\
         confirmed killed across the country, and the number of injured was raised to\n\
         62,000 from 51,000 by the relief office in its evening report on the quake.\n\
         Rescue teams from six provinces reached the worst-hit valleys by helicopter.\n",
    )
    .unwrap();
    let found = subjects(&dir);
    assert_eq!(subject_of(&found, "39,422 people"), "deaths");
    assert_eq!(subject_of(&found, "62,000"), "injured");
}

#[test]
fn the_place_a_where_clause_or_a_list_of_places_names_is_kept() {
    let dir = scratch("subject-where-and-lists");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "The worst-hit areas were the Dovra Valley, where 1,441 have died, and the central region where 2,757 were killed. \
         The number of dead rose above 4,500 in Varno, Kessia and Lotmark. \
         Around 8,300 people have been found injured.",
    );
    let found = subjects(&dir);
    assert_eq!(subject_of(&found, "1,441"), "dovra-valley/deaths");
    assert_eq!(subject_of(&found, "2,757"), "central-region/deaths");
    // Several places together are one place, not the first of them.
    assert_eq!(subject_of(&found, "above 4,500"), "varno-and-kessia-and-lotmark/deaths");
    assert_eq!(subject_of(&found, "Around 8,300 people"), "injured");
}

#[test]
fn an_undated_story_is_dated_by_the_latest_day_it_names_read_against_the_set() {
    let dir = scratch("subject-undated");
    write_story(
        &dir,
        "a",
        "2031-12-15",
        "Outlet A",
        "As of 5 December, 1,761 suspected cases of the fever had been recorded.",
    );
    write_story(
        &dir,
        "c",
        "2032-03-23",
        "Outlet C",
        "The ministry has now recorded 6,671 suspected cases of the fever.",
    );
    // No date: its days fall in the years nearest the set's middle (late 2031, early 2032).
    std::fs::write(
        dir.join("b.md"),
        "# Fever cases rise\n\nThe latest count began on Jan. 2. As of Jan. 30, a total of 4,783 suspected cases of the fever \
         had been recorded.\n",
    )
    .unwrap();
    let output = run_in(&dir, &["extract", ".", "--format", "jsonl", "--no-cache"]);
    let records: Vec<Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let time_of = |text: &str| {
        let record = records.iter().find(|r| r["text"] == text).expect(text);
        (
            record["time"]["from"].as_str().unwrap_or("-").to_owned(),
            record["time"]["source"].as_str().unwrap_or("-").to_owned(),
        )
    };
    assert_eq!(time_of("Jan. 30"), ("2032-01-30".to_owned(), "text".to_owned()));
    assert_eq!(time_of("Jan. 2"), ("2032-01-02".to_owned(), "text".to_owned()));
    assert_eq!(
        time_of("4,783 suspected cases"),
        ("2032-01-30".to_owned(), "text".to_owned())
    );
    // So the three figures of one subject are a change over time.
    let findings = json_findings(&dir, &["."]);
    let change = findings
        .iter()
        .find(|f| f["rule"] == "numeric-change")
        .expect("a change");
    assert_eq!(change["claims"].as_array().unwrap().len(), 3, "{change:#}");
    // The report says which documents were dated so.
    let text = run_in(&dir, &["check", ".", "--fail-on", "never"]);
    assert!(
        stdout(&text)
            .contains("note: 1 document without a date of its own is dated by the latest day its text names: ./b.md"),
        "{}",
        stdout(&text)
    );
}

#[test]
fn a_summary_of_days_far_apart_and_a_weekday_in_a_long_set_date_nothing() {
    let dir = scratch("subject-undated-summary");
    write_story(&dir, "a", "2029-02-06", "Outlet A", "The team sent 17 soldiers.");
    write_story(&dir, "c", "2031-01-09", "Outlet C", "The mission had 500 trainers.");
    // Days two years apart: a summary, with no day of its own.
    std::fs::write(
        dir.join("b.md"),
        "On Feb. 6, 2029 the team sent 17 soldiers; by Jan. 9, 2031 the mission had 500 trainers.\n",
    )
    .unwrap();
    // A weekday in a set written over two years names no one day.
    std::fs::write(dir.join("d.md"), "On Tuesday the mission had 650 trainers.\n").unwrap();
    let text = run_in(&dir, &["check", ".", "--fail-on", "never"]);
    assert!(
        stdout(&text)
            .contains("note: 2 documents without a date, so their claims are not compared over time: ./b.md, ./d.md"),
        "{}",
        stdout(&text)
    );
}

#[test]
fn a_set_with_no_dated_document_dates_nothing() {
    let dir = scratch("subject-all-undated");
    std::fs::write(
        dir.join("b.md"),
        "As of Jan. 30, a total of 4,783 suspected cases were recorded.\n",
    )
    .unwrap();
    let output = run_in(&dir, &["extract", ".", "--format", "jsonl", "--no-cache"]);
    let record: Value = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|r| r["text"] == "4,783 suspected cases")
        .expect("the count");
    assert!(record["time"].is_null(), "{record}");
}

#[test]
fn revisions_datelines_and_agents_of_a_toll() {
    let dir = scratch("subject-revisions");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "The number of injured has also been raised to 62,000 from 51,000, the minister said. \
         Varno on November 2 raised its death toll from the October 8 quake to 73,276. \
         The government said 69,260 were severely injured by the quake. \
         DUNMORE Oct 15 A total of 4,493 people have died. \
         The fever has so far claimed the lives of 4,877 people.",
    );
    let found = subjects(&dir);
    assert_eq!(subject_of(&found, "62,000"), "injured");
    // The figure it was raised from is the same subject, earlier.
    assert_eq!(subject_of(&found, "51,000"), "injured");
    // A day of a date does not cut the toll off from its number.
    assert_eq!(subject_of(&found, "73,276"), "deaths");
    assert_eq!(subject_of(&found, "69,260"), "injured");
    // A dateline is where the story was filed, and what killed is no place.
    assert_eq!(subject_of(&found, "4,493 people"), "deaths");
    assert_eq!(subject_of(&found, "4,877 people"), "deaths");
}

#[test]
fn states_of_a_group_named_at_the_clause_opening_are_subjects_of_their_own() {
    let dir = scratch("subject-states-of-a-group");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "Of the total reported cases, 2,165 are under investigation, 134 were confirmed and 102 were discarded. \
         The number of confirmed cases climbed to 583. Officials are still working on 4,293 suspicious cases. \
         Of the total confirmed cases, 122 were positive for the virus. \
         Of the cases, 300 were children.",
    );
    let found = subjects(&dir);
    assert_eq!(subject_of(&found, "2,165"), "cases/investigated");
    assert_eq!(subject_of(&found, "134"), "cases/confirmed");
    assert_eq!(subject_of(&found, "102"), "cases/discarded");
    assert_eq!(subject_of(&found, "583"), "cases/confirmed");
    assert_eq!(subject_of(&found, "4,293 suspicious cases"), "cases");
    // A part of the confirmed cases is not one more count of them.
    assert_eq!(subject_of(&found, "122"), "cases/of-confirmed/positive");
    // A part with no state of its own says nothing of the cases.
    assert_eq!(subject_of(&found, "300"), "-");
}

#[test]
fn a_share_of_a_side_of_a_vote_is_the_sides_and_polls_are_apart_from_results() {
    let dir = scratch("subject-vote-shares");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "The latest survey has YES at 51% and NO at 49%. With those groups included, Yes are on 47%. \
         The No side secured 55.3 percent of the vote. Turnout 84.6%. Shares in the firm rose 12%.",
    );
    let found = subjects(&dir);
    assert_eq!(subject_of(&found, "51%"), "share/poll/yes");
    assert_eq!(subject_of(&found, "49%"), "share/no/poll");
    assert_eq!(subject_of(&found, "47%"), "share/all-answers/poll/yes");
    assert_eq!(subject_of(&found, "55.3 percent"), "share/no/result");
    // The measure's own word opening the sentence owns nothing.
    assert_eq!(subject_of(&found, "84.6%"), "turnout");
    assert_eq!(subject_of(&found, "12%"), "-");
}

#[test]
fn ages_titles_reservations_quarantines_budgets_and_rates_are_measures() {
    let dir = scratch("subject-more-measures");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "The champion has now won 22 Grand Slam titles. The carmaker has received 325,000 reservations. \
         Some 5,200 people were placed under quarantine. The games had a budget of £9.3bn. \
         The agency launched a $301m appeal. The virus has a fatality rate of 38%. \
         Anna Kovac, 38, was among the rescuers. The mayor, Tom Reyes, 52, said so.",
    );
    let found = subjects(&dir);
    assert_eq!(subject_of(&found, "22 Grand Slam titles"), "titles");
    assert_eq!(subject_of(&found, "325,000 reservations"), "reservations");
    assert_eq!(subject_of(&found, "Some 5,200 people"), "quarantined");
    assert_eq!(subject_of(&found, "£9.3bn"), "budget/gbp");
    assert_eq!(subject_of(&found, "$301m"), "appeal/usd");
    assert_eq!(subject_of(&found, "38%"), "fatality-rate");
    // An age set off by commas after a name is that person's.
    assert_eq!(subject_of(&found, "38"), "age/anna-kovac");
    assert_eq!(subject_of(&found, "52"), "age/tom-reyes");
}

#[test]
fn two_outlets_giving_one_person_two_ages_contradict() {
    let dir = scratch("subject-ages");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "The diver, Saman Kunan, 38, died in the cave.",
    );
    write_story(
        &dir,
        "b",
        "2031-03-03",
        "Outlet B",
        "Saman Kunan, 37, was a former navy diver.",
    );
    write_story(
        &dir,
        "c",
        "2031-03-03",
        "Outlet C",
        "His colleague Arun Mek, 37, was unhurt.",
    );
    let findings = json_findings(&dir, &["."]);
    assert_eq!(rules(&findings), ["numeric-contradiction"], "{findings:#?}");
    assert_eq!(findings[0]["claims"].as_array().unwrap().len(), 2);
}

#[test]
fn a_sum_in_another_currency_and_a_figure_of_the_one_owner_join_their_subjects() {
    let dir = scratch("subject-equivalents");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "The watchdog expects the divorce bill to be 41.4 billion euros, or 37.1 billion pounds. \
         Shares of Kelvo jumped. Kelvo's market value rose to $28 billion.",
    );
    write_story(
        &dir,
        "b",
        "2031-03-20",
        "Outlet B",
        "Traders bought Kelvo shares all week. The market value has more than doubled, trading at $42.3 billion on Tuesday.",
    );
    let found = subjects(&dir);
    assert_eq!(subject_of(&found, "41.4 billion euros"), "bill/eur");
    assert_eq!(subject_of(&found, "37.1 billion pounds"), "bill/gbp");
    // The one company whose market value the set gives, and both stories name, owns the figure
    // that names none.
    // (Both stories name Kelvo, so the set is about it and its name leaves the key.)
    assert_eq!(subject_of(&found, "$28 billion"), "market-value/usd");
    assert_eq!(subject_of(&found, "$42.3 billion"), "market-value/usd");
}

#[test]
fn a_figure_of_several_owners_kind_is_not_given_to_one() {
    let dir = scratch("subject-several-owners");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "Kelvo's market value rose to $28 billion. Darrow's market value rose to $12 billion.",
    );
    write_story(
        &dir,
        "b",
        "2031-03-20",
        "Outlet B",
        "The market value rose to $42.3 billion.",
    );
    let found = subjects(&dir);
    assert_eq!(subject_of(&found, "$42.3 billion"), "market-value/usd");
}

#[test]
fn a_rolling_figure_changes_from_day_to_day_and_a_level_a_window_apart_changes() {
    let dir = scratch("subject-rolling-updates");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "Twelve people remain missing in the valley.",
    );
    write_story(
        &dir,
        "b",
        "2031-03-04",
        "Outlet B",
        "Officials said 114 people were missing.",
    );
    write_story(
        &dir,
        "c",
        "2031-01-19",
        "Outlet C",
        "The games have a budget of $127 million.",
    );
    write_story(
        &dir,
        "d",
        "2031-02-05",
        "Outlet D",
        "The games have a budget of over $100 million.",
    );
    write_story(
        &dir,
        "e",
        "2031-02-16",
        "Outlet E",
        "The games have a budget of more than $148 million.",
    );
    let findings = json_findings(&dir, &["."]);
    let messages: Vec<&str> = findings.iter().map(|f| f["message"].as_str().unwrap()).collect();
    // Two days apart, the missing are an update, not a contradiction.
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("missing changed over time: 12 → 114")),
        "{messages:?}"
    );
    // $127m and more than $148m are a change though a figure both agree with came between.
    assert!(
        messages
            .iter()
            .any(|m| m.contains("127,000,000 → more than 148,000,000")),
        "{messages:?}"
    );
    assert!(
        !findings.iter().any(|f| f["rule"] == "numeric-contradiction"),
        "{messages:?}"
    );
}

#[test]
fn a_rise_from_one_level_to_another_is_framed_and_its_amount_is_not() {
    let dir = scratch("subject-rise-from-to");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "In one week, the number of suspected fever cases in Varno has risen by 640, from 1761 to 2401. \
         Suspected cases of the fever have increased from 5,079 to 5,280.",
    );
    let found = subjects(&dir);
    // After a verb of change, `from X to Y` is the level before and the level after, each a
    // figure of the cases.
    assert_eq!(subject_of(&found, "1761"), "varno/cases/suspected");
    assert_eq!(subject_of(&found, "2401"), "varno/cases/suspected");
    assert_eq!(subject_of(&found, "5,079"), "cases/suspected");
    assert_eq!(subject_of(&found, "5,280"), "cases/suspected");
    // The amount it rose by is no level of the cases.
    assert_eq!(subject_of(&found, "640"), "-");
}

#[test]
fn a_person_named_in_full_owns_as_the_surname_and_a_games_count_is_apart_from_a_career() {
    let dir = scratch("subject-surnames-and-scopes");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "American swimmer Dara Velko has now won 19 Olympic medals. Fans cheered Velko on. Velko's 25 medals are a record. \
         Velko won six golds in Ardena. Velko won 14 golds in Olympics. American has now won 22 medals.",
    );
    let found = subjects(&dir);
    assert_eq!(subject_of(&found, "19 Olympic medals"), "velko/medals");
    assert_eq!(subject_of(&found, "25 medals"), "velko/medals");
    // One games' count is kept apart from the career count; the games in general is no scope.
    assert_eq!(subject_of(&found, "six golds"), "velko/golds/in-ardena");
    assert_eq!(subject_of(&found, "14 golds"), "velko/golds");
    // A nationality word owns nothing, and one story is no set to say whose it is.
    assert_eq!(subject_of(&found, "22 medals"), "medals");
}

#[test]
fn an_ordinal_title_is_a_title_and_a_cost_raised_from_the_bid_is_no_contradiction() {
    let dir = scratch("subject-ordinal-titles");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "Dana Kell won her 22nd Grand Slam title on Saturday. The Games will cost £9.3bn, up from £2.4bn in the bid.",
    );
    let found = subjects(&dir);
    assert_eq!(subject_of(&found, "22nd Grand Slam title"), "titles");
    // Two sums of one story for one measure that is no running total are not read as a change
    // from one to the other, nor compared.
    assert_eq!(subject_of(&found, "£2.4bn"), "-");
    let findings = json_findings(&dir, &["."]);
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn a_poll_takes_its_date_and_a_day_read_into_last_year_is_no_other_year() {
    let dir = scratch("subject-poll-dates");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "The firm had the Yes side at 39% in their 7th August poll. On August 21st, 300 people were evacuated.",
    );
    let output = run_in(&dir, &["extract", ".", "--format", "jsonl", "--no-cache"]);
    let records: Vec<Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let record = |text: &str| records.iter().find(|r| r["text"] == text).expect(text).clone();
    assert_eq!(record("39%")["time"]["from"], "2030-08-07");
    // The day is read back into 2030, but the sentence names no other year than the news's.
    assert_eq!(record("300 people")["subject"], "displaced");
}

#[test]
fn the_person_most_stories_name_owns_the_figures_that_name_no_one() {
    let dir = scratch("subject-common-person");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "Crowds cheered as Dara Velko has won 19 medals. Ilse Marn has won 12 medals.",
    );
    write_story(
        &dir,
        "b",
        "2031-03-20",
        "Outlet B",
        "Fans waited for Dara Velko at the pool. The swimmer has now won 22 medals.",
    );
    let found = subjects(&dir);
    assert_eq!(subject_of(&found, "19 medals"), "medals");
    assert_eq!(subject_of(&found, "22 medals"), "medals");
    // Another person, named in one story only, keeps her own count.
    assert_eq!(subject_of(&found, "12 medals"), "marn/medals");
}

#[test]
fn a_title_whose_sentence_names_two_countries_is_not_given_the_storys_other_president() {
    let dir = scratch("subject-two-presidents");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "President Joe Biden said a Russian invasion of Ukraine remains possible. \
         Russian President Vladimir Putin said troops were leaving.",
    );
    let findings = json_findings(&dir, &["."]);
    assert!(!findings.iter().any(|f| f["rule"] == "role-conflict"), "{findings:#?}");
}

#[test]
fn a_metric_phrase_reaches_its_number_past_asides_times_and_the_figure_moved_from() {
    let dir = scratch("subject-metric-reach");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "The death toll from the cyclone \"Orla\" (local name Bising) rose to 2,357, the agency said. \
         Tarvo said the toll rose sharply on Friday, increasing from 4,015. \
         The number of people confirmed killed jumped by nearly 1,200 to 5,209. \
         The official death count stands at 62. \
         Her Grand Slam tally rose to 14 last year. \
         The total number of people diagnosed with the fever climbed to 122. \
         The relief appeal was increased from $301 million (S$376 million) to $348 million. \
         The total budget for the 2042 Velmar games will be £9.3 billion.",
    );
    let found = subjects(&dir);
    assert_eq!(subject_of(&found, "2,357"), "deaths");
    assert_eq!(subject_of(&found, "4,015"), "deaths");
    assert_eq!(subject_of(&found, "5,209"), "deaths/confirmed");
    // The size of the jump is no level of the toll.
    assert_eq!(subject_of(&found, "nearly 1,200"), "-");
    assert_eq!(subject_of(&found, "62"), "deaths");
    assert_eq!(subject_of(&found, "14"), "titles");
    assert_eq!(subject_of(&found, "122"), "cases");
    assert_eq!(subject_of(&found, "$301 million"), "appeal/usd");
    assert_eq!(subject_of(&found, "$348 million"), "appeal/usd");
    // A year that names the games, not another year's figure, does not cut the clause.
    assert_eq!(subject_of(&found, "£9.3 billion"), "budget/gbp");
}

#[test]
fn a_metric_phrase_with_another_noun_or_no_moving_word_stays_unframed() {
    let dir = scratch("subject-metric-reach-near-misses");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "The toll road near Varno was built by 300 workers. \
         The death toll is unclear, and the mayor thanked 45 volunteers. \
         The number of people in isolation reached 6,508.",
    );
    let found = subjects(&dir);
    assert_ne!(subject_of(&found, "300 workers"), "deaths");
    assert_ne!(subject_of(&found, "45 volunteers"), "deaths");
    // What `the number of` counts is named after it: people in isolation are no deaths.
    assert_ne!(subject_of(&found, "6,508"), "deaths");
}

#[test]
fn a_bare_total_is_the_whole_of_the_figure_before_it_in_its_sentence() {
    let dir = scratch("subject-bare-total");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "Officials reported 14 more cases of the fever on Sunday, bringing the total in the outbreak to 64. \
         The mayor opened 3 new shelters. The total rose to 87 by evening.",
    );
    let found = subjects(&dir);
    assert_eq!(subject_of(&found, "14 more cases"), "cases/added");
    // The total is not the added part.
    assert_eq!(subject_of(&found, "64"), "cases");
    // A total whose sentence names no figure before it takes none from elsewhere.
    assert_eq!(subject_of(&found, "87"), "-");
}

#[test]
fn a_world_figure_is_apart_from_the_one_place_a_set_is_about() {
    let dir = scratch("subject-world-figure");
    for (name, day, text) in [
        (
            "a",
            "2031-06-05",
            "Officials in Korvia reported 5 new cases of the fever, and the toll rose to 6. \
             The fever has killed at least 444 people globally.",
        ),
        (
            "b",
            "2031-06-08",
            "Korvia's toll rose to 9, health officials in Korvia said.",
        ),
        (
            "c",
            "2031-06-10",
            "The toll in Korvia climbed to 12. Worldwide, the fever has killed 460 people.",
        ),
    ] {
        write_story(&dir, name, day, "Outlet", text);
    }
    let findings = json_findings(&dir, &["."]);
    let changes: Vec<&str> = findings
        .iter()
        .filter(|f| f["rule"] == "numeric-change")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    // Korvia's toll moves 6 → 9 → 12; the world's (444 → 460) is another subject.
    assert!(
        changes
            .iter()
            .any(|m| m.contains("6 → 9") && m.contains("9 → 12") && !m.contains("444")),
        "{changes:?}"
    );
}

#[test]
fn an_earlier_years_share_is_another_subject_and_a_rounded_share_agrees() {
    let dir = scratch("subject-earlier-year-share");
    for (name, source, text) in [
        (
            "a",
            "Outlet A",
            "Turnout in the referendum was 84.6%. Turnout for the 2030 council election was 63.8%.",
        ),
        ("b", "Outlet B", "Turnout in the referendum was 85%."),
        (
            "c",
            "Outlet C",
            "Turnout in the referendum was 86%, while turnout in the 2030 election was 64 per cent.",
        ),
    ] {
        write_story(&dir, name, "2034-09-19", source, text);
    }
    let findings = json_findings(&dir, &["."]);
    let messages: Vec<&str> = findings.iter().map(|f| f["message"].as_str().unwrap()).collect();
    // 84.6% rounds to 85%, not to 86%: one contradiction, of this vote's turnout only.
    assert_eq!(rules(&findings), ["numeric-contradiction"], "{messages:?}");
    assert!(messages[0].contains("86"), "{messages:?}");
    assert!(!messages[0].contains("63.8"), "{messages:?}");
}

#[test]
fn an_event_is_no_place_and_a_studys_estimate_is_apart_from_the_count() {
    let dir = scratch("subject-event-and-estimate");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "The official death toll from Cyclone Mirel rose to 64 on Monday. \
         A university study estimated that 4,645 people died because of the storm. \
         The governor raised the U.S. territory's official death toll from Cyclone Mirel from 64 to 2,975 \
         after an independent study found far more deaths.",
    );
    let found = subjects(&dir);
    // The cyclone is what killed, not where: its toll is the toll.
    assert_eq!(subject_of(&found, "2,975"), "deaths");
    // A study's figure is an estimate, kept apart from the counted toll.
    assert_eq!(subject_of(&found, "4,645 people"), "deaths/estimate");
}

#[test]
fn pulled_and_hoisted_are_rescued() {
    let dir = scratch("subject-rescued-synonyms");
    write_story(
        &dir,
        "a",
        "2031-03-02",
        "Outlet A",
        "By noon, 16 miners had been pulled from the shaft. By night, 33 miners were rescued. \
         Earlier, 4 miners were hoisted to the surface.",
    );
    let found = subjects(&dir);
    assert_eq!(subject_of(&found, "16 miners"), "miner/rescued");
    assert_eq!(subject_of(&found, "33 miners"), "miner/rescued");
    assert_eq!(subject_of(&found, "4 miners"), "miner/rescued");
}

#[test]
fn a_vague_amount_shows_no_move_and_no_disagreement() {
    let dir = scratch("subject-vague-amounts");
    for (name, day, source, text) in [
        (
            "a",
            "2031-06-05",
            "Outlet A",
            "The death toll from the flood rose to 1,600 on Friday.",
        ),
        (
            "b",
            "2031-06-06",
            "Outlet B",
            "Thousands of people died in the flood, the agency said.",
        ),
        (
            "c",
            "2031-06-06",
            "Outlet C",
            "Several hundred people died in the flood, a charity said.",
        ),
        (
            "d",
            "2031-06-08",
            "Outlet D",
            "The death toll from the flood rose to 2,800.",
        ),
    ] {
        write_story(&dir, name, day, source, text);
    }
    let findings = json_findings(&dir, &["."]);
    let messages: Vec<&str> = findings.iter().map(|f| f["message"].as_str().unwrap()).collect();
    // The toll moved from 1,600 to 2,800; `thousands` and `several hundred` neither moved it
    // nor disagree with each other.
    assert_eq!(rules(&findings), ["numeric-change"], "{messages:?}");
    assert!(messages[0].contains("1,600 → 2,800"), "{messages:?}");
}
