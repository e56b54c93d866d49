use std::path::Path;

use crate::common::{root, rules_of, run_in, scratch, stderr, stdout, write_story};

/// Copies a folder of the example corpus into a scratch folder.
fn copy_example(name: &str, scratch_name: &str) -> std::path::PathBuf {
    let dir = scratch(scratch_name);
    for entry in std::fs::read_dir(root().join("examples").join(name)).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    dir
}

fn replace_in(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from} in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

fn code(output: &std::process::Output) -> i32 {
    output.status.code().unwrap()
}

const STORY: &str = "2020-01-09-nato-more-after-trump-call.md";

#[test]
fn a_changed_number_breaks_the_lock_with_old_and_new_value_and_both_places() {
    let dir = copy_example("nato-iraq", "adoption-lock");
    let wrote = run_in(&dir, &["lock", "."]);
    assert_eq!(code(&wrote), 0, "{}", stderr(&wrote));
    assert!(
        stderr(&wrote).starts_with("wrote claimlint.lock with "),
        "{}",
        stderr(&wrote)
    );
    let lock = std::fs::read_to_string(dir.join("claimlint.lock")).unwrap();
    assert!(lock.contains(&format!(
        "{{ value = \"500 personnel\", text = \"500-strong\", path = \"{STORY}\", date = \"2020-01-09\" }}"
    )));
    assert_eq!(code(&run_in(&dir, &["lock", "--check", "."])), 0);
    // With the lock in place the corpus checks as before: the lock adds nothing.
    let clean = run_in(&dir, &["check", "--format", "json", "."]);
    assert!(!stdout(&clean).contains("claims-lock"));

    replace_in(
        &dir.join(STORY),
        "The 500-strong NATO mission",
        "The 600-strong NATO mission",
    );
    let stale = run_in(&dir, &["lock", "--check", "."]);
    assert_eq!(code(&stale), 1);
    assert!(
        stderr(&stale).contains("changed   nato/training-mission/personnel: 500 personnel → 600 personnel"),
        "{}",
        stderr(&stale)
    );
    let checked = run_in(&dir, &["check", "--format", "github", "."]);
    assert_eq!(code(&checked), 1, "a claims-lock finding is an error");
    let annotation = stdout(&checked)
        .lines()
        .find(|l| l.contains("claims-lock"))
        .expect("a claims-lock annotation")
        .to_owned();
    assert!(
        annotation.starts_with(&format!("::error file={STORY},line=17,col=")),
        "{annotation}"
    );
    assert!(
        annotation.contains(&format!(
            "changed since claimlint.lock: 500 personnel → 600 personnel (locked: “500-strong” in {STORY}; now: “600-strong” in {STORY})"
        )),
        "{annotation}"
    );

    // Relocking accepts the change.
    assert_eq!(code(&run_in(&dir, &["lock", "."])), 0);
    assert_eq!(code(&run_in(&dir, &["lock", "--check", "."])), 0);
}

#[test]
fn claims_that_appear_or_vanish_are_reported() {
    let dir = scratch("adoption-lock-vanish");
    write_story(&dir, "a", "2020-02-12", "Wire", "NATO has 500 trainers in Iraq.");
    assert_eq!(code(&run_in(&dir, &["lock", "."])), 0);
    write_story(&dir, "a", "2020-02-12", "Wire", "The mission is growing.");
    write_story(&dir, "b", "2020-02-12", "Wire", "Canada has 200 troops in Iraq.");
    let output = run_in(&dir, &["check", "--format", "json", "."]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let messages: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "claims-lock")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages
            .iter()
            .any(|m| m.contains("is gone: 500 trainers (“500 trainers” in a.md)"))
    );
    assert!(messages.iter().any(|m| m.contains("does not have: 200 troops")));
}

/// Two outlets that disagree on one day: one contradiction.
fn disagreeing_corpus(dir: &Path) {
    write_story(dir, "a", "2020-02-12", "Wire", "NATO has 500 trainers in Iraq.");
    write_story(dir, "b", "2020-02-12", "Post", "NATO has 900 trainers in Iraq.");
}

#[test]
fn a_baseline_hides_known_findings_even_when_text_moves_but_not_new_ones() {
    let dir = scratch("adoption-baseline");
    disagreeing_corpus(&dir);
    assert_eq!(code(&run_in(&dir, &["check", "."])), 1);
    let wrote = run_in(&dir, &["baseline", "."]);
    assert_eq!(code(&wrote), 0, "{}", stderr(&wrote));
    assert!(stderr(&wrote).contains("wrote claimlint-baseline.json with 1 finding(s)"));

    let quiet = run_in(&dir, &["check", "--baseline", "claimlint-baseline.json", "."]);
    assert_eq!(code(&quiet), 0, "{}", stdout(&quiet));
    assert!(stdout(&quiet).starts_with("0 findings"), "{}", stdout(&quiet));
    assert!(stderr(&quiet).contains("1 finding(s) in the baseline claimlint-baseline.json not reported"));

    // Moving the sentence down the page keeps the finding known.
    write_story(
        &dir,
        "b",
        "2020-02-12",
        "Post",
        "Officials met in Brussels.\n\nThey spoke for hours.\n\nNATO has 900 trainers in Iraq.",
    );
    let moved = run_in(&dir, &["check", "--baseline", "claimlint-baseline.json", "."]);
    assert_eq!(code(&moved), 0, "{}", stdout(&moved));

    // A new disagreement is still reported.
    write_story(&dir, "c", "2020-02-12", "Daily", "NATO has 1,500 trainers in Iraq.");
    let new = run_in(&dir, &["check", "--baseline", "claimlint-baseline.json", "."]);
    assert_eq!(code(&new), 1);
    assert!(stdout(&new).contains("1,500"), "{}", stdout(&new));
}

#[test]
fn a_new_claim_joining_a_known_finding_is_reported_alone() {
    let dir = scratch("adoption-baseline-grown");
    disagreeing_corpus(&dir);
    assert_eq!(code(&run_in(&dir, &["baseline", "."])), 0);
    let baseline = std::fs::read_to_string(dir.join("claimlint-baseline.json")).unwrap();
    assert!(
        baseline.contains("\"values\": [\n        \"500\",\n        \"900\"\n      ]"),
        "{baseline}"
    );

    // A third outlet's figure joins the known contradiction of the same day.
    write_story(&dir, "c", "2020-02-12", "Daily", "NATO has 1,500 trainers in Iraq.");
    let output = run_in(
        &dir,
        &[
            "check",
            ".",
            "--baseline",
            "claimlint-baseline.json",
            "--format",
            "json",
        ],
    );
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let quoted: Vec<&str> = findings[0]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    assert_eq!(quoted, ["1,500 trainers"], "only the new claim is quoted");
    assert!(
        findings[0]["message"]
            .as_str()
            .unwrap()
            .ends_with("; new since the baseline: 1,500 (the rest of this finding is known)"),
        "{}",
        findings[0]["message"]
    );
}

#[test]
fn suppression_comments_silence_findings_and_unused_ones_are_reported() {
    let dir = scratch("adoption-suppress");
    disagreeing_corpus(&dir);
    std::fs::write(
        dir.join("b.md"),
        "---\ndate: 2020-02-12\nsource: Post\n---\n\n<!-- claimlint-disable-next-line numeric-contradiction -->\nNATO has 900 trainers in Iraq.\n\n<!-- claimlint-disable-next-line name-variant -->\nThe weather was fine.\n",
    )
    .unwrap();
    let output = run_in(&dir, &["check", "--format", "json", "."]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(rules_of(&report), ["unused-suppression"], "{}", stdout(&output));
    let site = &report["findings"][0]["site"];
    assert_eq!((site["line"].as_u64(), site["column"].as_u64()), (Some(9), Some(1)));
    assert_eq!(site["text"], "<!-- claimlint-disable-next-line name-variant -->");
    assert_eq!(code(&output), 0, "a warning does not fail the run by default");

    let text = stdout(&run_in(&dir, &["check", "."]));
    assert!(text.contains("warning[unused-suppression]: this suppression comment silences no finding"));
    assert!(text.contains("--> ./b.md:9:1"), "{text}");

    // A disable … enable block covers what lies between.
    std::fs::write(
        dir.join("b.md"),
        "---\ndate: 2020-02-12\nsource: Post\n---\n\n<!-- claimlint-disable -->\nNATO has 900 trainers in Iraq.\n<!-- claimlint-enable -->\n",
    )
    .unwrap();
    assert_eq!(code(&run_in(&dir, &["check", "."])), 0);
    // After the block, nothing is silenced.
    std::fs::write(
        dir.join("b.md"),
        "---\ndate: 2020-02-12\nsource: Post\n---\n\n<!-- claimlint-disable -->\nNothing here.\n<!-- claimlint-enable -->\n\nNATO has 900 trainers in Iraq.\n",
    )
    .unwrap();
    let after = run_in(&dir, &["check", "."]);
    assert_eq!(code(&after), 1);
    assert!(stdout(&after).contains("error[numeric-contradiction]"));
}

#[test]
fn ignore_entries_in_the_config_match_path_rule_and_subject() {
    let dir = scratch("adoption-ignore");
    disagreeing_corpus(&dir);
    std::fs::write(
        dir.join("claimlint.toml"),
        "[[ignore]]\npath = \"b.md\"\nrule = \"numeric-contradiction\"\nreason = \"the Post counts contractors\"\n\n[[ignore]]\nsubject = \"nato/money\"\nreason = \"left over\"\n",
    )
    .unwrap();
    let output = run_in(&dir, &["check", "."]);
    let text = stdout(&output);
    assert_eq!(code(&output), 0, "{text}");
    assert!(!text.contains("numeric-contradiction"), "{text}");
    assert!(
        text.contains("this [[ignore]] entry matches no finding (reason given: left over); remove it"),
        "{text}"
    );
    assert!(text.contains("--> ./claimlint.toml:6:1"), "{text}");
}

#[test]
fn config_errors_name_the_key_and_the_nearest_valid_one() {
    let dir = scratch("adoption-config-errors");
    disagreeing_corpus(&dir);
    std::fs::write(dir.join("claimlint.toml"), "format = \"sarif\"\nfail_on = \"never\"\n").unwrap();
    let output = run_in(&dir, &["check", "."]);
    assert_eq!(code(&output), 2);
    let message = stderr(&output);
    assert!(
        message.contains("error: unknown key `fail_on`; did you mean `fail-on`?"),
        "{message}"
    );
    assert!(message.contains("--> ./claimlint.toml:2:1"), "{message}");

    std::fs::write(dir.join("claimlint.toml"), "jobs = 0\n").unwrap();
    let message = stderr(&run_in(&dir, &["check", "."]));
    assert!(message.contains("error: jobs must be at least 1"), "{message}");
    assert!(message.contains("--> ./claimlint.toml:1:8"), "{message}");

    std::fs::write(dir.join("claimlint.toml"), "format = \"sarf\"\n").unwrap();
    let message = stderr(&run_in(&dir, &["check", "."]));
    assert!(
        message.contains("invalid format `sarf`; did you mean `sarif`? (expected one of: text, json, sarif"),
        "{message}"
    );

    std::fs::write(
        dir.join("claimlint.toml"),
        "[[ignore]]\nrule = \"numeric-contradicton\"\n",
    )
    .unwrap();
    let message = stderr(&run_in(&dir, &["check", "."]));
    assert!(
        message.contains("unknown rule `numeric-contradicton`; did you mean `numeric-contradiction`?"),
        "{message}"
    );
}

#[test]
fn config_settings_apply_and_the_command_line_wins() {
    let dir = scratch("adoption-config-settings");
    disagreeing_corpus(&dir);
    std::fs::write(dir.join("claimlint.toml"), "format = \"sarif\"\nfail-on = \"never\"\n").unwrap();
    let from_config = run_in(&dir, &["check", "."]);
    assert_eq!(code(&from_config), 0, "fail-on = never");
    assert!(stdout(&from_config).contains("\"version\": \"2.1.0\""));
    let overridden = run_in(
        &dir,
        &["check", "--format", "text", "--fail-on", "error", "--jobs", "1", "."],
    );
    assert_eq!(code(&overridden), 1);
    assert!(stdout(&overridden).contains("error[numeric-contradiction]"));

    // `paths` is what a bare `claimlint check` reads.
    std::fs::create_dir_all(dir.join("docs")).unwrap();
    std::fs::rename(dir.join("a.md"), dir.join("docs/a.md")).unwrap();
    std::fs::rename(dir.join("b.md"), dir.join("docs/b.md")).unwrap();
    std::fs::write(dir.join("claimlint.toml"), "paths = [\"docs\"]\nquiet = true\n").unwrap();
    let bare = run_in(&dir, &["check"]);
    assert_eq!(code(&bare), 1);
    assert!(stdout(&bare).contains("docs/b.md"), "{}", stdout(&bare));
    assert!(!stdout(&bare).contains("1 finding"), "quiet: no summary");
}

#[test]
fn quiet_prints_only_the_report() {
    let dir = scratch("adoption-quiet");
    std::fs::write(dir.join("undated.md"), "NATO has 500 trainers in Iraq.\n").unwrap();
    std::fs::write(dir.join("binary.txt"), b"\x00\x01\x02").unwrap();
    let loud = run_in(&dir, &["check", "."]);
    assert!(stderr(&loud).contains("binary file"));
    assert!(stdout(&loud).contains("note: 1 document without a date"));
    let quiet = run_in(&dir, &["check", "--quiet", "."]);
    assert_eq!(code(&quiet), 0);
    assert_eq!(stdout(&quiet), "");
    assert_eq!(stderr(&quiet), "");
}

#[test]
fn init_writes_a_working_config_and_rule_file_and_never_overwrites() {
    let dir = scratch("adoption-init");
    let output = run_in(&dir, &["init"]);
    assert_eq!(code(&output), 0);
    assert_eq!(
        stdout(&output),
        "wrote claimlint.toml\nwrote claimlint.rules.toml\nnext: edit claimlint.rules.toml, then run `claimlint check`\n"
    );
    let config = std::fs::read_to_string(dir.join("claimlint.toml")).unwrap();
    assert!(config.contains("# fail-on = \"error\""));
    assert_eq!(code(&run_in(&dir, &["rules", "validate", "claimlint.rules.toml"])), 0);

    // The written config and rule file drive a real check.
    write_story(&dir, "a", "2021-03-01", "Wire", "Acme Corp has 1,200 employees.");
    write_story(&dir, "b", "2021-03-02", "Post", "Acme has 900 employees.");
    let checked = run_in(&dir, &["check"]);
    assert_eq!(code(&checked), 1, "{}", stdout(&checked));
    assert!(
        stdout(&checked).contains("contradicting values for Acme's staff: 1,200 vs 900"),
        "{}",
        stdout(&checked)
    );

    std::fs::write(dir.join("claimlint.toml"), "# mine\n").unwrap();
    let again = run_in(&dir, &["init"]);
    assert!(stdout(&again).contains("claimlint.toml exists, left as it is"));
    assert!(stdout(&again).contains("claimlint.rules.toml exists, left as it is"));
    assert_eq!(std::fs::read_to_string(dir.join("claimlint.toml")).unwrap(), "# mine\n");
}

#[test]
fn verbose_names_the_config_the_rule_files_the_cache_and_the_documents() {
    let dir = copy_example("nato-iraq", "adoption-verbose");
    std::fs::write(dir.join("binary.txt"), b"\x00\x01\x02").unwrap();
    let cache = dir.join("cache");
    let cache = cache.to_str().unwrap();
    for command in ["check", "extract", "lock", "baseline"] {
        let output = run_in(&dir, &[command, ".", "--verbose", "--cache-dir", cache]);
        assert!(code(&output) < 2, "{command}: {}", stderr(&output));
        let err = stderr(&output);
        let lines: Vec<&str> = err.lines().collect();
        for expected in [
            "config: claimlint.toml (the nearest claimlint.toml to .)",
            "rules: built-in (<built-in>/rules/default.toml, <built-in>/rules/lexicon.toml)",
            "rules: nato-iraq.rules.toml (named in the config)",
            &format!("cache: {cache}"),
        ] {
            assert!(lines.contains(&expected), "{command}: {expected}\n{err}");
        }
        assert!(
            lines.iter().any(|l| l.starts_with("read 5 document(s), 1 skipped, ")),
            "{command}: {err}"
        );
    }
    let extra = dir.join("extra.rules.toml");
    std::fs::write(&extra, "[nouns]\npersonnel = [\"paratroopers\"]\n").unwrap();
    let output = run_in(
        &dir,
        &[
            "check",
            ".",
            "-v",
            "--no-cache",
            "--rules",
            "extra.rules.toml",
            "--config",
            "claimlint.toml",
        ],
    );
    let err = stderr(&output);
    assert!(err.contains("config: claimlint.toml (--config)\n"), "{err}");
    assert!(err.contains("rules: extra.rules.toml (--rules)\n"), "{err}");
    assert!(err.contains("cache: off\n"), "{err}");
    // Without --verbose none of it is said.
    let quiet = stderr(&run_in(&dir, &["check", ".", "--no-cache"]));
    assert!(!quiet.contains("config: "), "{quiet}");
}

#[test]
fn the_text_summary_names_the_config_and_rule_files_used() {
    let dir = copy_example("nato-iraq", "adoption-summary-files");
    let output = run_in(&dir, &["check", "."]);
    assert!(
        stdout(&output).contains("\nconfig: claimlint.toml; rules: built-in, nato-iraq.rules.toml\n"),
        "{}",
        stdout(&output)
    );
    std::fs::remove_file(dir.join("claimlint.toml")).unwrap();
    let output = run_in(&dir, &["check", "."]);
    assert!(
        stdout(&output).contains("\nconfig: none; rules: built-in\n"),
        "{}",
        stdout(&output)
    );
    let quiet = run_in(&dir, &["check", ".", "--quiet"]);
    assert!(!stdout(&quiet).contains("config: "), "{}", stdout(&quiet));
}

#[test]
fn a_config_in_the_current_folder_does_not_apply_to_documents_elsewhere() {
    let root = scratch("adoption-stray-config");
    let work = root.join("work");
    let docs = root.join("project").join("docs");
    std::fs::create_dir_all(&work).unwrap();
    std::fs::create_dir_all(&docs).unwrap();
    // A try of `init` leaves an example config and rule file in the current folder.
    assert_eq!(code(&run_in(&work, &["init"])), 0);
    write_story(&docs, "a", "2020-02-12", "Wire", "NATO has 500 trainers in Iraq.");

    let absolute = docs.to_str().unwrap();
    for path in ["../project/docs", absolute] {
        let output = run_in(&work, &["check", path]);
        assert!(
            stdout(&output).contains("\nconfig: none; rules: built-in\n"),
            "{path}: {}",
            stdout(&output)
        );
    }
    // With no PATH the current folder's config is the one.
    write_story(&work, "here", "2020-02-12", "Wire", "NATO has 500 trainers in Iraq.");
    let here = run_in(&work, &["check"]);
    assert!(
        stdout(&here).contains("\nconfig: claimlint.toml; rules: built-in, claimlint.rules.toml\n"),
        "{}",
        stdout(&here)
    );
    // A config above the documents applies to them, wherever the run starts.
    std::fs::write(root.join("project").join("claimlint.toml"), "quiet = false\n").unwrap();
    let output = run_in(&work, &["check", "../project/docs"]);
    assert!(
        stdout(&output).contains("/project/claimlint.toml; rules: built-in\n"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_lock_of_a_set_with_no_subject_says_it_is_empty() {
    let dir = scratch("adoption-lock-empty");
    write_story(&dir, "a", "2020-02-12", "Wire", "The weather was fine.");
    let output = run_in(&dir, &["lock", "."]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let err = stderr(&output);
    assert!(
        err.starts_with("wrote claimlint.lock with 0 claim(s) about 0 subject(s)\n"),
        "{err}"
    );
    assert!(
        err.contains("warning: the lock is empty: no claim of the 1 document(s) read (0 claim(s) with a value) was linked to a subject"),
        "{err}"
    );
    // A lock with claims says nothing of the kind.
    write_story(&dir, "a", "2020-02-12", "Wire", "NATO has 500 trainers in Iraq.");
    let output = run_in(&dir, &["lock", "."]);
    assert!(!stderr(&output).contains("the lock is empty"), "{}", stderr(&output));
}

#[test]
fn a_lock_records_its_rules_and_a_run_without_them_says_so() {
    let dir = copy_example("nato-iraq", "adoption-lock-rules");
    assert_eq!(code(&run_in(&dir, &["lock", "."])), 0);
    let lock = std::fs::read_to_string(dir.join("claimlint.lock")).unwrap();
    assert!(
        lock.contains("\nrules = [\n  { name = \"<built-in>\", hash = \""),
        "{lock}"
    );
    assert!(
        lock.contains("\n  { name = \"nato-iraq.rules.toml\", hash = \""),
        "{lock}"
    );

    // Without the config that names the rule file, nothing is compared.
    std::fs::rename(dir.join("claimlint.toml"), dir.join("elsewhere.toml")).unwrap();
    let expected = "error: claimlint.lock was made with other rules (`nato-iraq.rules.toml` not loaded by this run), so its claims cannot be compared with this run's";
    let stale = run_in(&dir, &["lock", "--check", "."]);
    assert_eq!(code(&stale), 2);
    assert!(stderr(&stale).starts_with(expected), "{}", stderr(&stale));
    assert!(!stderr(&stale).contains("vanished"), "{}", stderr(&stale));
    let checked = run_in(&dir, &["check", "."]);
    assert_eq!(code(&checked), 2);
    assert!(stderr(&checked).starts_with(expected), "{}", stderr(&checked));
    // Naming the rule file again makes the lock comparable, and up to date.
    let named = run_in(&dir, &["lock", "--check", ".", "--rules", "nato-iraq.rules.toml"]);
    assert_eq!(code(&named), 0, "{}", stderr(&named));

    // An edited rule file is said, with what changed.
    std::fs::rename(dir.join("elsewhere.toml"), dir.join("claimlint.toml")).unwrap();
    let rules = dir.join("nato-iraq.rules.toml");
    let text = std::fs::read_to_string(&rules).unwrap();
    std::fs::write(&rules, format!("{text}\n# reviewed\n")).unwrap();
    let edited = run_in(&dir, &["lock", "--check", "."]);
    assert_eq!(code(&edited), 1);
    assert!(
        stderr(&edited).contains(
            "  the rules differ from those that made the lock: `nato-iraq.rules.toml` changed since the lock was written\n"
        ),
        "{}",
        stderr(&edited)
    );
    assert!(
        !stderr(&edited).contains("words, dates or sources"),
        "{}",
        stderr(&edited)
    );
}

#[test]
fn a_check_of_the_command_line_replaces_a_stray_one_and_says_so() {
    let dir = scratch("adoption-replaced-check");
    // `init` leaves an example rule file whose numeric-contradiction check covers every subject.
    assert_eq!(code(&run_in(&dir, &["init"])), 0);
    write_story(&dir, "a", "2020-02-12", "Wire", "NATO has about 500 trainers in Iraq.");
    write_story(&dir, "b", "2020-02-12", "Post", "NATO has about 700 trainers in Iraq.");
    std::fs::write(
        dir.join("my.rules.toml"),
        "[[check]]\nkind = \"numeric-contradiction\"\nsubject = \"*\"\ntolerance = \"50%\"\n",
    )
    .unwrap();
    let output = run_in(&dir, &["check", ".", "--rules", "my.rules.toml"]);
    assert_eq!(
        code(&output),
        0,
        "my 50% tolerance is the one in force: {}",
        stdout(&output)
    );
    let err = stderr(&output);
    assert!(
        err.starts_with(
            "warning: this numeric-contradiction check for subject `*` is replaced by the one at my.rules.toml:2:8, loaded later\n  --> claimlint.rules.toml:"
        ),
        "{err}"
    );
    assert!(
        stdout(&output).contains("config: claimlint.toml; rules: built-in, claimlint.rules.toml, my.rules.toml"),
        "{}",
        stdout(&output)
    );
    // Without my file, the example's 10% holds and the figures contradict.
    assert_eq!(code(&run_in(&dir, &["check", "."])), 1);
}
