//! Helpers shared by the integration tests.

pub mod html_recipe;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The project root: tests run the binary from here so paths in output are relative.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the claimlint binary in `dir` with colour off, its default cache under the target
/// folder rather than the user's.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env(
            "XDG_CACHE_HOME",
            PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("user-cache"),
        )
        .output()
        .expect("the claimlint binary runs")
}

pub fn run(args: &[&str]) -> Output {
    run_in(&root(), args)
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Snapshot settings: every snapshot lives in the top-level `snapshots/` folder.
pub fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(root().join("snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings
}

/// A scratch folder under the target directory, emptied first.
pub fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// Writes `NAME.md` into `dir`: a news story with its date and outlet in front matter.
pub fn write_story(dir: &Path, name: &str, date: &str, outlet: &str, body: &str) {
    let text = format!("---\ntitle: {name}\ndate: {date}\nsource: {outlet}\n---\n\n{body}\n");
    std::fs::write(dir.join(format!("{name}.md")), text).unwrap();
}

/// The findings of `claimlint check ARGS --format json --fail-on never`, run in `dir`.
pub fn json_findings(dir: &Path, args: &[&str]) -> Vec<serde_json::Value> {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json", "--fail-on", "never"]);
    let output = run_in(dir, &all);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    report["findings"].as_array().expect("findings").clone()
}

/// The rule of each finding of a JSON report, in order.
pub fn rules_of(report: &serde_json::Value) -> Vec<&str> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["rule"].as_str().expect("a rule name"))
        .collect()
}
