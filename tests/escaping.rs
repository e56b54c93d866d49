//! File names and document metadata written to hurt: a newline that would start a GitHub
//! workflow command, terminal escapes (ESC, OSC, BEL) and HTML in a front matter's `source:`.
//! Each format shows them escaped its own way, and none reaches a terminal, a log or a page raw.

use std::fs;
use std::path::Path;
use std::process::Output;

use serde_json::Value;

use crate::common::{run_in, scratch, stderr, stdout};

/// A file name whose newline would open a workflow command on a log line of its own.
const NAME: &str = "a\n::error file=x::pwned\u{1b}[31m.md";
/// The same name as a terminal or a log shows it.
const NAME_SHOWN: &str = "a\\n::error file=x::pwned\\x1b[31m.md";
/// An outlet that is HTML, a comment opener and a terminal title change.
const SOURCE: &str = "<img src=x onerror=alert(1)> <!-- \u{1b}]0;title\u{7}";

/// Three stories of one day that disagree (so the finding has a timeline naming each outlet),
/// an undated one and a binary one, all with hostile names.
fn hostile_set(name: &str) -> std::path::PathBuf {
    let dir = scratch(&format!("escaping-{name}"));
    let story = |source: &str, title: &str, allies: u32| {
        format!("---\ntitle: {title}\ndate: 2020-02-12\nsource: {source}\n---\n\nNATO has {allies} allies.\n")
    };
    fs::write(dir.join(NAME), story(SOURCE, "T\u{1b}[2J", 30)).unwrap();
    fs::write(dir.join("b.md"), story("Reuters", "B", 29)).unwrap();
    fs::write(dir.join("c.md"), story("AP", "C", 28)).unwrap();
    fs::write(dir.join("u\n::warning::undated\u{1b}[1m.txt"), "NATO has 30 allies.\n").unwrap();
    fs::write(dir.join("z\u{1b}]0;x\u{7}.md"), [0, 1]).unwrap();
    dir
}

fn check(dir: &Path, format: &str) -> Output {
    let output = run_in(
        dir,
        &[
            "check",
            ".",
            "--format",
            format,
            "--fail-on",
            "never",
            "--no-cache",
            "--explain-links",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{format}: {}", stderr(&output));
    output
}

/// No terminal control byte, and no line that a hostile name starts.
fn assert_inert(what: &str, text: &str) {
    for byte in [0x1b_u8, 0x07] {
        assert!(!text.bytes().any(|b| b == byte), "{what}: raw {byte:#x} in {text:?}");
    }
    assert!(!text.contains('\u{9b}'), "{what}: raw CSI in {text:?}");
    for line in text.lines() {
        assert!(
            !line.starts_with("::error file=x") && !line.starts_with("::warning::undated"),
            "{what}: a name starts the line {line:?}"
        );
    }
}

#[test]
fn text_report_and_warnings_show_names_and_outlets_escaped() {
    let dir = hostile_set("text");
    let output = check(&dir, "text");
    let (out, err) = (stdout(&output), stderr(&output));
    assert_inert("text report", &out);
    assert_inert("stderr", &err);
    assert!(out.contains(&format!("--> ./{NAME_SHOWN}:7:10")), "{out}");
    assert!(
        out.contains("2020-02-12 · <img src=x onerror=alert(1)> <!-- \\x1b]0;title\\x07"),
        "{out}"
    );
    assert!(
        out.contains("without a date, so its claims are not compared over time: ./u\\n::warning::undated\\x1b[1m.txt"),
        "{out}"
    );
    assert!(
        err.contains("warning: skipped ./z\\x1b]0;x\\x07.md: binary file"),
        "{err}"
    );
}

#[test]
fn github_annotations_and_their_warnings_stay_on_their_lines() {
    let dir = hostile_set("github");
    let output = check(&dir, "github");
    let (out, err) = (stdout(&output), stderr(&output));
    assert_inert("github", &out);
    assert_inert("stderr", &err);
    // The workflow command's own escaping, then the terminal's for what is left.
    assert!(
        out.starts_with("::error file=a%0A%3A%3Aerror file=x%3A%3Apwned\\x1b[31m.md,line=7,"),
        "{out}"
    );
    assert_eq!(out.lines().count(), 1, "{out}");
}

#[test]
fn markdown_shows_html_and_comment_openers_as_text() {
    let dir = hostile_set("markdown");
    let output = check(&dir, "markdown");
    let out = stdout(&output);
    assert_inert("markdown", &out);
    assert_inert("stderr", &stderr(&output));
    assert!(!out.contains("<img") && !out.contains("<!--"), "{out}");
    assert!(
        out.contains("&lt;img src=x onerror=alert(1)&gt; &lt;\\!-- \\x1b\\]0;title\\x07"),
        "{out}"
    );
    assert!(out.contains(&format!("`{NAME_SHOWN}:7`")), "{out}");
    // Every table row is one line.
    let rows: Vec<&str> = out.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(rows.len(), 3, "{out}");
    assert!(rows[2].starts_with("| error |") && rows[2].ends_with(" |"), "{rows:#?}");
}

#[test]
fn junit_is_well_formed_xml_with_each_place_on_its_line() {
    let dir = hostile_set("junit");
    let out = stdout(&check(&dir, "junit"));
    assert_inert("junit", &out);
    assert!(!out.contains("<img") && !out.contains("<!--"), "{out}");
    assert!(
        !out.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r')),
        "{out:?}"
    );
    assert!(out.contains(&format!(">{NAME_SHOWN}:7:10: “30 allies”")), "{out}");
    assert!(
        out.contains("&lt;img src=x onerror=alert(1)&gt; &lt;!-- \\x1b]0;title\\x07"),
        "{out}"
    );
}

#[test]
fn json_formats_carry_names_and_outlets_exactly() {
    let dir = hostile_set("json");
    for format in ["json", "sarif", "gitlab"] {
        let out = stdout(&check(&dir, format));
        assert_inert(format, &out);
        let report: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{format}: {e}"));
        let text = report.to_string();
        assert!(text.contains("pwned"), "{format}: {text}");
    }
    let report: Value = serde_json::from_str(&stdout(&check(&dir, "json"))).unwrap();
    let claims = report["findings"][0]["claims"].as_array().unwrap();
    let first = claims
        .iter()
        .find(|c| c["source"] == SOURCE)
        .expect("the hostile outlet, as written");
    assert_eq!(first["file"], format!("./{NAME}"));
}

#[test]
fn the_html_page_escapes_names_and_outlets() {
    let dir = hostile_set("html");
    let out = stdout(&check(&dir, "html"));
    assert_inert("html", &out);
    assert!(!out.contains("<img src=x"), "an outlet became a tag");
    assert!(out.contains("&lt;img src=x onerror=alert(1)&gt; &lt;!--"));
}

#[test]
fn extract_text_and_the_graph_show_names_escaped() {
    let dir = hostile_set("extract");
    let extract = run_in(&dir, &["extract", ".", "--format", "text", "--no-cache"]);
    assert_eq!(extract.status.code(), Some(0), "{}", stderr(&extract));
    let out = stdout(&extract);
    assert_inert("extract", &out);
    assert!(out.starts_with(&format!("./{NAME_SHOWN}:7:10\tcount")), "{out}");
    let graph = run_in(&dir, &["graph", ".", "--no-cache"]);
    assert_eq!(graph.status.code(), Some(0), "{}", stderr(&graph));
    let dot = stdout(&graph);
    assert_inert("graph", &dot);
    assert!(dot.contains("pwned\\\\x1b[31m.md:7)"), "{dot}");
}

#[test]
fn errors_name_paths_escaped() {
    let dir = scratch("escaping-errors");
    let output = run_in(&dir, &["check", "gone\n::error::x\u{1b}[31m.md"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "error: gone\\n::error::x\\x1b[31m.md: no such file or directory\n"
    );
}
