use claimlint::rules::{RuleError, RuleSet};

use crate::common::{run, snapshot_settings, stderr};

fn errors(text: &str) -> Vec<RuleError> {
    let mut set = RuleSet::with_default_pack().expect("default pack");
    set.add("test.rules.toml", text, false)
        .expect_err("the rule file is invalid")
}

fn first(text: &str) -> String {
    errors(text)[0].to_string()
}

#[test]
fn unknown_keys_are_reported_with_position_and_expectation() {
    let message = first("[[subject]]\nid = \"x\"\nlable = \"typo\"\n");
    assert!(
        message.starts_with("test.rules.toml:3:1: unknown key `lable`; did you mean `label`? (valid keys: `id`, "),
        "{message}"
    );
}

#[test]
fn toml_syntax_errors_point_at_the_character() {
    let message = first("[[check]]\nkind = \"numeric-change\nseverity = \"error\"\n");
    assert!(message.starts_with("test.rules.toml:2:"), "{message}");
}

#[test]
fn unknown_kinds_severities_and_formats_list_what_is_expected() {
    let text = "[[check]]\nkind = \"numeric-contradictions\"\n\n[[check]]\nkind = \"numeric-change\"\nseverity = \"fatal\"\ntolerance = \"0.15\"\nwindow = \"60 days\"\n";
    let found: Vec<String> = errors(text).iter().map(ToString::to_string).collect();
    assert_eq!(found.len(), 4, "{found:#?}");
    assert!(found[0].starts_with("test.rules.toml:2:8: unknown check kind `numeric-contradictions`, expected one of: numeric-contradiction, numeric-change, name-variant, role-change, role-conflict, claims-lock; did you mean `numeric-contradiction`?"));
    assert!(found[1].starts_with("test.rules.toml:6:12: unknown severity `fatal`"));
    assert!(found[2].starts_with("test.rules.toml:7:13: invalid tolerance `0.15`, expected a percentage"));
    assert!(found[3].starts_with("test.rules.toml:8:10: invalid window `60 days`"));
}

#[test]
fn references_to_undeclared_entities_and_subjects_are_errors() {
    let text = "[[subject]]\nid = \"a\"\nentity = \"atlantis\"\nclass = \"soldiers\"\n\n[[check]]\nkind = \"numeric-change\"\nsubject = \"b\"\n";
    let found: Vec<String> = errors(text).iter().map(ToString::to_string).collect();
    assert!(
        found[0].starts_with("test.rules.toml:4:9: unknown class `soldiers`, expected one of: personnel"),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|e| e.starts_with("test.rules.toml:8:11: unknown subject `b`")),
        "{found:#?}"
    );
}

#[test]
fn a_valid_file_adds_its_declarations() {
    let mut set = RuleSet::with_default_pack().unwrap();
    let text = std::fs::read_to_string(crate::common::root().join("examples/nato-iraq/nato-iraq.rules.toml")).unwrap();
    set.add("nato-iraq.rules.toml", &text, false).unwrap();
    assert!(set.subjects.iter().any(|s| s.id == "nato/training-mission/personnel"));
}

#[test]
fn the_cli_renders_rule_errors_like_a_compiler() {
    let output = run(&[
        "check",
        "examples/nato-iraq",
        "--rules",
        "tests/fixtures/rule-files/unknown-kind.toml",
    ]);
    assert_eq!(output.status.code(), Some(2));
    snapshot_settings().bind(|| insta::assert_snapshot!("rule_file_unknown_kind", stderr(&output)));
    let validate = run(&["rules", "validate", "examples/nato-iraq/nato-iraq.rules.toml"]);
    assert_eq!(validate.status.code(), Some(0), "{}", stderr(&validate));
}

#[test]
fn noun_classes_must_be_known() {
    let message = first("[nouns]\npersonel = [\"paratroopers\"]\n");
    assert!(
        message.starts_with("test.rules.toml:2:1: unknown class `personel` in [nouns], expected one of: personnel,"),
        "{message}"
    );
}

#[test]
fn the_bundled_lexicon_is_data_a_rule_file_extends() {
    let set = RuleSet::with_default_pack().expect("default pack");
    let class_of = |set: &RuleSet, noun: &str| set.nouns.iter().find(|(n, _)| n == noun).map(|(_, c)| *c);
    assert_eq!(class_of(&set, "troops").map(|c| c.as_str()), Some("personnel"));
    assert_eq!(class_of(&set, "paratroopers"), None);

    let dir = crate::common::scratch("lexicon-extension");
    std::fs::write(
        dir.join("units.rules.toml"),
        "[nouns]\npersonnel = [\"Paratroopers\"]\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("story.txt"),
        "The brigade flew in 200 paratroopers on Monday.\n",
    )
    .unwrap();
    let class = |args: &[&str]| {
        let output = crate::common::run_in(&dir, args);
        assert!(output.status.success(), "{}", stderr(&output));
        let record: serde_json::Value = serde_json::from_str(
            crate::common::stdout(&output)
                .lines()
                .find(|l| l.contains("paratroopers"))
                .unwrap(),
        )
        .unwrap();
        record["class"].clone()
    };
    assert_eq!(class(&["extract", "story.txt"]), serde_json::Value::Null);
    assert_eq!(
        class(&["extract", "story.txt", "--rules", "units.rules.toml"]),
        "personnel"
    );
}

#[test]
fn every_mistake_of_a_file_is_reported_in_one_run() {
    let text = "[[entity]]\nid = \"acme\"\nname = \"Acme\"\nkind = \"company\"\naliass = [\"A\"]\n\n\
        [[subject]]\nid = \"acme/staff\"\nlable = \"x\"\nentity = \"acme\"\nclass = 5\nunits = \"people\"\n\n\
        [[subject]]\nlabel = \"no id\"\n\n\
        [[check]]\nkind = \"numeric-change\"\nsubject = \"acme/staff\"\ntolerance = 15\nseverity = \"fatal\"\n\n\
        [nouns]\npersonnel = \"paratroopers\"\n\n[extra]\n";
    let found: Vec<String> = errors(text).iter().map(ToString::to_string).collect();
    let expected = [
        "test.rules.toml:4:8: unknown entity kind `company`",
        "test.rules.toml:5:1: unknown key `aliass`; did you mean `aliases`?",
        "test.rules.toml:9:1: unknown key `lable`; did you mean `label`?",
        "test.rules.toml:11:9: `class`: invalid type: integer `5`, expected a string",
        "test.rules.toml:12:9: `units`: invalid type: string \"people\", expected a list such as [\"a\", \"b\"]",
        "test.rules.toml:14:1: missing field `id`",
        "test.rules.toml:20:13: `tolerance`: invalid type: integer `15`, expected a string",
        "test.rules.toml:21:12: unknown severity `fatal`",
        "test.rules.toml:24:13: `personnel`: invalid type: string \"paratroopers\", expected a list",
        "test.rules.toml:26:2: unknown key `extra` (valid keys: `entity`, `subject`, `check`, `nouns`)",
    ];
    assert_eq!(found.len(), expected.len(), "{found:#?}");
    for (found, expected) in found.iter().zip(expected) {
        assert!(found.starts_with(expected), "{found}\nexpected: {expected}");
    }
}

#[test]
fn every_syntax_error_of_a_file_is_reported_in_one_run() {
    let found: Vec<String> = errors("a = \n[[check]\nkind = \"numeric-change\"\n")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found[0].starts_with("test.rules.toml:1:5: "), "{found:#?}");
    assert!(
        found[1].starts_with("test.rules.toml:2:9: unclosed array table, expected `]`"),
        "{found:#?}"
    );
}

#[test]
fn a_table_with_a_mistake_still_declares_its_id() {
    // An entity that cannot be read (no name), a subject whose class is unknown: what names
    // them is not an error too.
    let text = "[[entity]]\nid = \"acme\"\nkind = \"organization\"\n\n\
        [[subject]]\nid = \"b\"\nentity = \"acme\"\nclass = \"soldiers\"\n\n\
        [[check]]\nkind = \"numeric-change\"\nsubject = \"b\"\n";
    let found: Vec<String> = errors(text).iter().map(ToString::to_string).collect();
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found[0].starts_with("test.rules.toml:1:1: missing field `name`"),
        "{found:#?}"
    );
    assert!(
        found[1].starts_with("test.rules.toml:8:9: unknown class `soldiers`"),
        "{found:#?}"
    );
}

#[test]
fn validate_against_documents_warns_about_subjects_that_match_nothing() {
    let dir = crate::common::scratch("validate-against");
    crate::common::write_story(&dir, "a", "2020-02-12", "Wire", "NATO has 500 trainers in Iraq.");
    std::fs::write(
        dir.join("my.rules.toml"),
        "[[subject]]\nid = \"nato/trainers\"\nentity = \"nato\"\nclass = \"personnel\"\n\n\
         [[subject]]\nid = \"nato/ships\"\nentity = \"nato\"\nunits = [\"frigates\"]\n",
    )
    .unwrap();
    let plain = crate::common::run_in(&dir, &["rules", "validate", "my.rules.toml"]);
    assert_eq!(plain.status.code(), Some(0), "{}", stderr(&plain));
    assert!(!stderr(&plain).contains("matches no claim"), "{}", stderr(&plain));

    let output = crate::common::run_in(&dir, &["rules", "validate", "my.rules.toml", "--against", "."]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "a warning does not fail: {}",
        stderr(&output)
    );
    let err = stderr(&output);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines[0], "warning: subject `nato/ships` matches no claim in . (1 document(s) read)",
        "{lines:#?}"
    );
    assert_eq!(lines[1], " --> my.rules.toml:7:6");
    assert!(!stderr(&output).contains("nato/trainers"), "{}", stderr(&output));
    assert!(
        crate::common::stdout(&output).contains("1 of 2 subject(s) match claims in ."),
        "{}",
        crate::common::stdout(&output)
    );
}
