use serde_json::Value;

use crate::common::{run_in, scratch, stdout};

/// The claims `extract` prints for the files of `dir`, as JSON values.
fn records(dir: &std::path::Path) -> Vec<Value> {
    let output = run_in(dir, &["extract", "--format", "jsonl", "."]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn find<'r>(records: &'r [Value], text: &str) -> Option<&'r Value> {
    records.iter().find(|r| r["text"] == text)
}

/// The text at a record's line and column of the original file, `len` characters long.
fn at_line_col(file: &str, record: &Value, len: usize) -> String {
    let line = record["line"].as_u64().unwrap() as usize;
    let column = record["column"].as_u64().unwrap() as usize;
    file.lines()
        .nth(line - 1)
        .unwrap()
        .chars()
        .skip(column - 1)
        .take(len)
        .collect()
}

const DOCS_PAGE: &str = "---
title: Mission facts
date: 2020-02-12
---

# NATO Mission Iraq

The mission has **500** trainers, and the alliance may send
as many as 4,000 more over the next year.

```toml
max_trainers = 9000
```

Set `retries = 7` and read [the 2019 plan](https://example.org/plan-300.html).

| Country | Troops |
|---------|--------|
| Germany | 120    |
| Canada  | about 250 soldiers |
";

#[test]
fn markdown_prose_is_read_and_located_in_the_original_file() {
    let dir = scratch("markup-markdown");
    std::fs::write(dir.join("facts.md"), DOCS_PAGE).unwrap();
    let records = records(&dir);

    let trainers = records
        .iter()
        .find(|r| r["value"]["low"] == 500)
        .expect("the bold number is read");
    assert_eq!(trainers["unit"], "trainers");
    assert_eq!(trainers["owner"], "nato", "the heading names the owner");
    assert_eq!(
        (trainers["line"].as_u64(), trainers["column"].as_u64()),
        (Some(8), Some(19))
    );
    assert_eq!(at_line_col(DOCS_PAGE, trainers, 3), "500");

    // A sentence wrapped over two lines is one sentence.
    let more = find(&records, "as many as 4,000").expect("the wrapped sentence is read");
    assert_eq!(more["line"], 9);
    assert_eq!(more["value"]["high"], 4000);

    // Code blocks, inline code and link targets are not prose; link text is.
    let texts: Vec<&str> = records.iter().filter_map(|r| r["text"].as_str()).collect();
    for hidden in ["9000", "9,000", "7", "300"] {
        assert!(!texts.contains(&hidden), "`{hidden}` is not prose: {texts:?}");
    }
    assert!(find(&records, "2019").is_some(), "link text is prose: {texts:?}");
    // Front matter is metadata, not prose.
    assert!(records.iter().all(|r| r["line"].as_u64() > Some(4)));
}

#[test]
fn table_cells_take_their_column_header_and_row_label() {
    let dir = scratch("markup-table");
    std::fs::write(dir.join("facts.md"), DOCS_PAGE).unwrap();
    let records = records(&dir);
    let germany = find(&records, "120").expect("a bare number in a cell is read");
    assert_eq!(germany["unit"], "troops", "{germany}");
    assert_eq!(germany["class"], "personnel");
    assert_eq!(germany["owner"], "germany");
    assert_eq!(at_line_col(DOCS_PAGE, germany, 3), "120");
    let canada = find(&records, "about 250 soldiers").expect("a cell with its own noun");
    assert_eq!(canada["owner"], "canada");
    assert_eq!(canada["unit"], "soldiers");
    // The header words added for context make no claims of their own.
    assert_eq!(records.iter().filter(|r| r["text"] == "Troops").count(), 0);
}

#[test]
fn a_heading_gives_its_section_an_owner() {
    let dir = scratch("markup-heading");
    let page = "# Deployments\n\n## Germany\n\nThe contingent numbers 120 troops.\n\n### Training\n\nIt runs 14 courses.\n\n## Notes\n\nThere are 3 annexes.\n";
    std::fs::write(dir.join("deployments.md"), page).unwrap();
    let records = records(&dir);
    assert_eq!(find(&records, "120 troops").unwrap()["owner"], "germany");
    // A subsection belongs to the section above it.
    assert_eq!(find(&records, "14 courses").unwrap()["owner"], "germany");
    // A new section of the same level ends it.
    assert_eq!(find(&records, "3 annexes").unwrap()["owner"], Value::Null);
}

const WEB_PAGE: &str = "<!DOCTYPE html>
<html>
<head>
  <title>Iraq mission grows</title>
  <meta property=\"article:published_time\" content=\"2020-02-12T16:57:00Z\">
  <style>.lead { margin: 12px }</style>
  <script>window.slots = 8;</script>
</head>
<body>
  <nav><a href=\"/\">Home</a> <a href=\"/world\">World (24)</a></nav>
  <article>
    <h1>NATO to expand its Iraq mission</h1>
    <p class=\"lead\">NATO will add about 200&nbsp;trainers to the
      500&#8209;strong mission, officials said.</p>
    <table>
      <tr><th>Country</th><th>Trainers</th></tr>
      <tr><td>Canada</td><td>250</td></tr>
    </table>
  </article>
  <footer>Copyright 2020, 36 bureaus</footer>
</body>
</html>
";

#[test]
fn html_visible_text_is_read_and_located_in_the_original_file() {
    let dir = scratch("markup-html");
    std::fs::write(dir.join("page.html"), WEB_PAGE).unwrap();
    let records = records(&dir);
    let texts: Vec<&str> = records.iter().filter_map(|r| r["text"].as_str()).collect();
    for hidden in [12, 8, 24, 36] {
        assert!(
            !records.iter().any(|r| r["value"]["low"] == hidden),
            "{hidden} is not visible text: {texts:?}"
        );
    }
    let added = find(&records, "about 200&nbsp;trainers").expect("an entity inside a claim maps to its source");
    assert_eq!((added["line"].as_u64(), added["column"].as_u64()), (Some(13), Some(35)));
    assert_eq!(added["value"]["low"], 200);
    assert_eq!(
        added["time"]["from"], "2020-02-12",
        "the date comes from the page's meta tag"
    );
    let mission = records
        .iter()
        .find(|r| r["value"]["low"] == 500)
        .expect("a claim on the wrapped line");
    assert_eq!(mission["line"], 14);
    assert_eq!(
        mission["class"], "personnel",
        "a 500&#8209;strong mission is a count of people"
    );
    let canada = find(&records, "250").expect("a table cell");
    assert_eq!(canada["unit"], "trainers");
    assert_eq!(canada["owner"], "canada");
    assert_eq!(at_line_col(WEB_PAGE, canada, 3), "250");
}

#[test]
fn html_comments_suppress_findings_on_the_next_line() {
    let dir = scratch("markup-html-suppress");
    let page = |count: &str, comment: &str| {
        format!(
            "<html><head><meta name=\"date\" content=\"2020-02-12\"></head><body>\n{comment}\n<p>NATO has {count} trainers in Iraq.</p>\n</body></html>\n"
        )
    };
    std::fs::write(dir.join("a.html"), page("500", "")).unwrap();
    std::fs::write(dir.join("b.html"), page("900", "")).unwrap();
    let loud = run_in(&dir, &["check", "."]);
    assert_eq!(loud.status.code(), Some(1), "{}", stdout(&loud));
    assert!(stdout(&loud).contains("--> ./a.html:3:"), "{}", stdout(&loud));
    std::fs::write(
        dir.join("b.html"),
        page("900", "<!-- claimlint-disable-next-line numeric-contradiction -->"),
    )
    .unwrap();
    let quiet = run_in(&dir, &["check", "."]);
    assert_eq!(quiet.status.code(), Some(0), "{}", stdout(&quiet));
    assert!(stdout(&quiet).starts_with("0 findings"), "{}", stdout(&quiet));
}
