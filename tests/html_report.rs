use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{root, run, run_in, scratch, snapshot_settings, stderr, stdout, write_story};

/// Writes the HTML report of `corpus` into `dir` and returns its path.
fn report(dir: &Path, corpus: &Path) -> PathBuf {
    let out = dir.join("report.html");
    let output = run(&[
        "check",
        corpus.to_str().unwrap(),
        "--format",
        "html",
        "--output",
        out.to_str().unwrap(),
        "--fail-on",
        "never",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    out
}

/// The text of each `<figure id="chart-N">` … `</figure>` of a page.
fn figures(html: &str) -> Vec<&str> {
    html.match_indices("<figure id=\"chart-")
        .map(|(start, _)| {
            let end = html[start..].find("</figure>").unwrap();
            &html[start..start + end]
        })
        .collect()
}

fn marks(figure: &str) -> usize {
    figure.matches("<g class=\"mark").count()
}

#[test]
fn the_report_of_the_example_corpus_is_pinned() {
    let dir = scratch("html-snapshot");
    let html = std::fs::read_to_string(report(&dir, Path::new("examples/nato-iraq"))).unwrap();
    snapshot_settings().bind(|| insta::assert_snapshot!("html_report_nato_iraq", html));
}

#[test]
fn the_page_is_self_contained_and_accessible() {
    let dir = scratch("html-self-contained");
    let html = std::fs::read_to_string(report(&dir, Path::new("examples/nato-iraq"))).unwrap();
    for external in ["<script", "<link", "src=\"http", "href=\"http", "url(http", "@import"] {
        assert!(!html.contains(external), "no `{external}`: the page must open offline");
    }
    assert!(html.contains("<h1>claimlint report</h1>"));
    assert!(html.contains("<h2 id=\"findings-h\">Findings</h2>"));
    // Every chart has a title, a description and a table of the same values after it.
    let figures = figures(&html);
    assert_eq!(figures.len(), 2, "the numeric change and the role change have charts");
    for figure in figures {
        let id = &figure["<figure id=\"".len()..figure.find("\">").unwrap()];
        assert!(figure.contains(&format!("role=\"img\" aria-labelledby=\"{id}-title {id}-desc\"")));
        let after = &html[html.find(figure).unwrap() + figure.len()..];
        assert!(
            after.trim_start().starts_with("</figure>\n<table>"),
            "{id} has its table"
        );
    }
    // Findings link to their subjects, and quotes to their documents.
    assert!(html.contains("<a href=\"#subject-nato-training-mission-personnel\">"));
    assert!(html.contains("<section id=\"subject-nato-training-mission-personnel\""));
    assert!(html.contains("<a href=\"#doc-1\">"));
    assert!(html.contains("<tr id=\"doc-1\">"));
    // A subject without findings is collapsed.
    assert!(html.contains("<details id=\"subject-nato-members\">"));
}

#[test]
fn every_kind_of_value_has_its_mark() {
    let dir = scratch("html-marks");
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    write_story(&docs, "a", "2020-02-01", "Wire", "NATO has 500 trainers in Iraq.");
    write_story(&docs, "b", "2020-02-12", "Post", "NATO has about 450 trainers in Iraq.");
    write_story(
        &docs,
        "c",
        "2020-02-12",
        "Daily",
        "NATO has between 400 and 600 trainers in Iraq.",
    );
    write_story(
        &docs,
        "d",
        "2020-02-12",
        "Herald",
        "NATO has fewer than 700 trainers in Iraq.",
    );
    write_story(
        &docs,
        "e",
        "2020-03-20",
        "Wire",
        "NATO has more than 3,000 trainers in Iraq.",
    );
    std::fs::write(docs.join("f.md"), "NATO has 900 trainers in Iraq.\n").unwrap();
    let html = std::fs::read_to_string(report(&dir, &docs)).unwrap();
    let figures = figures(&html);
    let figure = figures
        .iter()
        .find(|f| f.contains("nato/iraq/personnel") || f.contains("trainers"))
        .expect("a chart for the trainers");
    assert_eq!(marks(figure), 6, "{figure}");
    assert!(figure.contains("fill=\"#fff\""), "an approximate value is a ring");
    assert!(figure.contains("marker-end=\"url(#"), "an open interval has an arrow");
    assert!(
        figure.contains(">undated</text>"),
        "undated claims stand apart, labelled"
    );
    // Three sources on 12 February stand side by side, not on top of each other.
    let xs: Vec<&str> = ["≈450", "400–600", "fewer than 700"]
        .iter()
        .map(|value| {
            let at = figure.find(&format!("<title>{value}")).expect(value);
            let mark = &figure[at..];
            let x = [" x1=\"", " cx=\""].iter().filter_map(|a| mark.find(a)).min().unwrap();
            &mark[x + 5..x + 5 + mark[x + 5..].find('"').unwrap()]
        })
        .collect();
    assert!(xs[0] != xs[1] && xs[1] != xs[2] && xs[0] != xs[2], "{xs:?}");
}

#[test]
fn a_chart_stays_readable_with_two_hundred_claims() {
    let dir = scratch("html-crowded");
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    for day in 0..200 {
        let date = jiff::civil::date(2020, 1, 1)
            .checked_add(jiff::Span::new().days(day))
            .unwrap();
        let count = if day == 199 { 90_000 } else { 500 + day };
        write_story(
            &docs,
            &format!("s{day:03}"),
            &date.to_string(),
            &format!("Outlet {}", day % 12),
            &format!("NATO has {count} trainers in Iraq."),
        );
    }
    let html = std::fs::read_to_string(report(&dir, &docs)).unwrap();
    let figures = figures(&html);
    let crowded = figures
        .iter()
        .find(|f| marks(f) == 200)
        .expect("one chart of 200 claims");
    assert!(crowded.contains(" r=\"3\""), "smaller marks when crowded");
    // Twelve sources share the eight colours; the legend names all twelve.
    assert_eq!(crowded.matches("<span class=\"swatch\"").count(), 12);
    assert!(crowded.contains("Outlet 11</li>"));
    // The one far value puts the axis on a log scale, so the other 199 stay apart.
    assert!(crowded.contains(">1000</text>"), "log ticks");
}

#[test]
fn a_subject_of_many_claims_draws_each_finding_with_a_bounded_chart() {
    // 1,200 daily stories of one subject: 500 trainers, then after a month 700, and every
    // hundredth day a story saying 4,000, which contradicts the fortnight around it.
    let dir = scratch("html-large-subject");
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    for index in 0..1200 {
        let day = if index < 600 { index } else { index + 30 };
        let date = jiff::civil::date(2020, 1, 1)
            .checked_add(jiff::Span::new().days(day))
            .unwrap();
        let count = match (day % 100 == 50, index < 600) {
            (true, _) => 4000,
            (false, true) => 500,
            (false, false) => 700,
        };
        write_story(
            &docs,
            &format!("s{index:04}"),
            &date.to_string(),
            &format!("Outlet {}", index % 12),
            &format!("NATO has {count} trainers in Iraq."),
        );
    }
    let html = std::fs::read_to_string(report(&dir, &docs)).unwrap();
    let figures = figures(&html);
    assert_eq!(figures.len(), 13, "twelve contradictions and one change");
    // Each contradiction is drawn with its own 29 claims, not the subject's 1,200.
    assert_eq!(figures.iter().filter(|f| marks(f) == 29).count(), 12);
    assert!(html.contains("Timeline of the 29 claim(s) this finding quotes (of the subject's 1200)"));
    // The change quotes all 1,200: 500 of them are drawn, from the first to the last.
    let change = figures.iter().find(|f| marks(f) > 29).unwrap();
    assert_eq!(marks(change), 500);
    assert!(change.contains("2020-01-01 to 2023-05-14"), "the whole span is drawn");
    assert!(html.contains("Timeline of 500 of the 1200 claim(s) this finding quotes (of the subject's 1200)"));
}

/// Headless Chromium, as Debian packages it; `CHROMIUM` names another binary.
fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            let output = Command::new("which").arg(name).output().ok()?;
            output
                .status
                .success()
                .then(|| PathBuf::from(String::from_utf8_lossy(&output.stdout).trim()))
        })
}

#[test]
fn the_report_renders_in_a_browser_with_every_chart_and_mark() {
    let Some(browser) = chromium() else {
        // CI installs Chromium (`.ci/run`); there a missing browser is a failure.
        assert!(std::env::var_os("CI").is_none(), "Chromium is required in CI");
        eprintln!("skipped: no chromium on PATH (set CHROMIUM to run this test)");
        return;
    };
    let dir = scratch("html-browser");
    let page = report(&dir, &root().join("examples/afghanistan-drawdown"));
    let profile = dir.join("profile");
    let output = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let log = stderr(&output);
    for problem in ["CONSOLE", "Refused to", "Failed to load", "Uncaught"] {
        assert!(!log.contains(problem), "browser reported `{problem}`:\n{log}");
    }
    let dom = stdout(&output);
    let charts = figures(&dom);
    // The drawdown corpus has three findings: the troop numbers (7 claims), the defense
    // secretaries (6 mentions of 3 holders) and the presidents (2).
    let counts: Vec<usize> = charts.iter().map(|f| marks(f)).collect();
    assert_eq!(counts, [7, 6, 2]);
    for chart in &charts {
        assert!(chart.contains("<svg"), "the chart is drawn");
        // The table after each chart, its text alternative, has one row per mark.
        let after = &dom[dom.find(chart).unwrap()..];
        let table = &after[after.find("<tbody>").unwrap()..after.find("</tbody>").unwrap()];
        assert_eq!(table.matches("<tr").count(), marks(chart));
    }
}

#[test]
fn graph_svg_needs_graphviz_and_says_so() {
    let dir = scratch("graph-svg");
    let empty_path = dir.join("bin");
    std::fs::create_dir_all(&empty_path).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .args(["graph", "examples/nato-iraq", "--format", "svg"])
        .current_dir(root())
        .env("PATH", &empty_path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("`--format svg` needs Graphviz's `dot` program, which is not on PATH"),
        "{}",
        stderr(&output)
    );
    let has_dot = Command::new("dot").arg("-V").output().is_ok();
    if has_dot {
        let svg = run_in(&root(), &["graph", "examples/nato-iraq", "--format", "svg"]);
        assert!(svg.status.success(), "{}", stderr(&svg));
        assert!(stdout(&svg).contains("<svg"), "{}", stdout(&svg));
        assert!(stdout(&svg).contains("Jens Stoltenberg"));
    } else {
        assert!(std::env::var_os("CI").is_none(), "Graphviz is required in CI");
    }
}
