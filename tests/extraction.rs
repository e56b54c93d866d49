//! Extraction on sentences written like the seed articles: curly quotes, dashes, boilerplate,
//! possessives, datelines. The wording is ours; the constructions are theirs.

use claimlint::documents;
use claimlint::extract::{self, Claim, ClaimKind, Gazetteer, UnitClass};
use claimlint::rules::RuleSet;

/// (text, kind, low, high, unit) of a claim.
type Summary = (String, ClaimKind, Option<f64>, Option<f64>, Option<String>);
/// (text, low, high, unit) of a numeric claim.
type Numeric = (String, Option<f64>, Option<f64>, Option<String>);

fn claims_of(text: &str) -> (String, Vec<Claim>) {
    let rules = RuleSet::with_default_pack().unwrap();
    let gazetteer = Gazetteer::new(rules.entities, &rules.nouns);
    let doc = documents::parse("t.md".into(), text.as_bytes().to_vec(), None).unwrap();
    let claims = extract::extract(0, &doc, &gazetteer);
    (doc.file.text, claims)
}

/// The text of every claim.
fn surfaces(text: &str) -> Vec<String> {
    summary(text).into_iter().map(|c| c.0).collect()
}

/// (text, kind, low, high, unit) of every claim.
fn summary(text: &str) -> Vec<Summary> {
    let (source, claims) = claims_of(text);
    claims
        .iter()
        .map(|c| {
            let v = c.value;
            (
                source[c.span.clone()].to_owned(),
                c.kind,
                v.and_then(|v| v.low),
                v.and_then(|v| v.high),
                c.unit.clone(),
            )
        })
        .collect()
}

fn numeric(text: &str) -> Vec<Numeric> {
    summary(text)
        .into_iter()
        .filter(|c| c.2.is_some() || c.3.is_some())
        .map(|c| (c.0, c.2, c.3, c.4))
        .collect()
}

/// (text, low, high, approximate) of every numeric claim of [`claims_of`].
fn bounds<'a>(source: &'a str, claims: &[Claim]) -> Vec<(&'a str, Option<f64>, Option<f64>, bool)> {
    claims
        .iter()
        .filter_map(|c| c.value.map(|v| (&source[c.span.clone()], v.low, v.high, v.approximate)))
        .collect()
}

fn q(
    text: &str,
    low: Option<f64>,
    high: Option<f64>,
    unit: Option<&str>,
) -> (String, Option<f64>, Option<f64>, Option<String>) {
    (text.to_owned(), low, high, unit.map(str::to_owned))
}

#[test]
fn ranges_comparators_and_curly_possessives() {
    assert_eq!(
        numeric("Even so, the alliance is sending just 10-17 soldiers to Iraq and will train only 30 Iraqi’s."),
        [
            q("10-17 soldiers", Some(10.0), Some(17.0), Some("soldiers")),
            q("30 Iraqi’s", Some(30.0), Some(30.0), Some("iraqis"))
        ]
    );
    assert_eq!(
        numeric(
            "NATO runs a small team of fewer than 20 people in Baghdad. More than 20 countries in the alliance miss the goal."
        ),
        [
            q("fewer than 20 people", None, Some(20.0), Some("people")),
            q("More than 20 countries", Some(20.0), None, Some("countries"))
        ]
    );
}

#[test]
fn typeset_hyphens_join_ranges_and_number_words_and_keep_identifiers_whole() {
    // U+2011 (non-breaking hyphen) and U+2010 (hyphen), as typesetting and HTML put them.
    assert_eq!(
        numeric("The alliance sent 10\u{2011}17 soldiers, and twenty\u{2010}nine allies agreed."),
        [
            q("10\u{2011}17 soldiers", Some(10.0), Some(17.0), Some("soldiers")),
            q("twenty\u{2010}nine allies", Some(29.0), Some(29.0), Some("allies"))
        ]
    );
    assert_eq!(numeric("Cases of COVID\u{2011}19 rose in the capital."), []);
}

#[test]
fn vague_amounts_percents_money_and_compounds() {
    assert_eq!(
        numeric(
            "The mission has several hundred trainers and a 500-strong force, costing over $88 billion or 2 percent of GDP."
        ),
        [
            q("several hundred trainers", Some(300.0), Some(900.0), Some("trainers")),
            q("500-strong", Some(500.0), Some(500.0), Some("personnel")),
            q("over $88 billion", Some(8.8e10), None, Some("USD")),
            q("2 percent", Some(2.0), Some(2.0), Some("percent")),
        ]
    );
}

#[test]
fn part_and_whole_are_two_claims_and_the_part_is_marked() {
    let (source, claims) = claims_of("Germany is moving 30 of its 120 soldiers in Iraq to Jordan.");
    let texts: Vec<&str> = claims.iter().map(|c| &source[c.span.clone()]).collect();
    assert_eq!(texts, ["30", "120 soldiers"]);
    assert!(claims[0].context.partitive);
    assert_eq!(claims[0].unit.as_deref(), Some("soldiers"));
    assert!(!claims[1].context.partitive);
    assert_eq!(claims[1].context.owner.as_deref(), Some("germany"));
    assert_eq!(claims[1].context.place.as_deref(), Some("iraq"));
}

#[test]
fn owners_come_from_the_sentence_not_from_the_number() {
    let (_, claims) = claims_of(
        "Canada is also moving some of its 500 troops in Iraq to Kuwait. The 500-strong NATO mission paused.",
    );
    let owners: Vec<Option<&str>> = claims.iter().map(|c| c.context.owner.as_deref()).collect();
    assert_eq!(owners, [Some("canada"), Some("nato")]);
    assert!(claims.iter().all(|c| c.class == Some(UnitClass::Personnel)));
}

#[test]
fn an_amount_in_parentheses_is_negative_only_on_its_own() {
    let lows = |text: &str| -> Vec<(String, Option<f64>)> {
        summary(text)
            .into_iter()
            .map(|(surface, _, low, _, _)| (surface, low))
            .collect()
    };
    assert_eq!(
        lows("Tokyo set aside ¥500 billion ($3.3 billion) for the repairs."),
        [
            ("¥500 billion".to_owned(), Some(5e11)),
            ("($3.3 billion)".to_owned(), Some(3.3e9))
        ]
    );
    assert_eq!(
        lows("The fine was 20 euros (US$22) in the end."),
        [("20 euros".to_owned(), Some(20.0)), ("(US$22)".to_owned(), Some(22.0))]
    );
    assert_eq!(
        lows("The quarter closed at -15€ ($-16.50)."),
        [("-15€".to_owned(), Some(-15.0)), ("($-16.50)".to_owned(), Some(-16.5))]
    );
    assert_eq!(
        lows("The outage cost the firm ($2.5 million) in the quarter."),
        [("($2.5 million)".to_owned(), Some(-2.5e6))]
    );
}

#[test]
fn the_unit_a_price_buys_is_no_quantity() {
    assert_eq!(
        surfaces("Crude traded at $85 a barrel; a kilogram of rice cost €2 a kilo."),
        ["$85", "a kilogram", "€2"]
    );
}

#[test]
fn numbers_in_arithmetic_are_no_years_and_no_exponents() {
    let claims = summary("Write 1024*1024 to the limit, or x = 2048, in 2019.");
    let kinds: Vec<(&str, ClaimKind, Option<f64>)> = claims.iter().map(|c| (c.0.as_str(), c.1, c.2)).collect();
    assert_eq!(
        kinds,
        [
            ("1024", ClaimKind::Count, Some(1024.0)),
            ("1024", ClaimKind::Count, Some(1024.0)),
            ("2048", ClaimKind::Count, Some(2048.0)),
            ("2019", ClaimKind::Date, None),
        ]
    );
}

#[test]
fn digits_after_a_hash_name_a_thing() {
    assert_eq!(
        surfaces("Patch #4521 fixed it for 300 users; see quiz #2."),
        ["300 users"]
    );
}

#[test]
fn a_name_inside_a_unit_owns_nothing() {
    let (source, claims) =
        claims_of("Turkey's new plant burns 15,000 British thermal units an hour, and 2,500 US troops guard it.");
    let owners: Vec<(&str, Option<&str>)> = claims
        .iter()
        .map(|c| (&source[c.span.clone()], c.context.owner.as_deref()))
        .collect();
    assert_eq!(
        owners,
        [
            ("15,000 British thermal units", Some("turkey")),
            ("2,500 US troops", Some("us"))
        ]
    );
}

#[test]
fn years_dates_and_times_are_time_expressions_not_counts() {
    let kinds: Vec<(String, ClaimKind)> = summary(
        "In March 2016 he spoke; the 2016 campaign and Moscow’s 2014 annexation, on 8 January, at 04:57 PM, after three years.",
    )
    .into_iter()
    .map(|c| (c.0, c.1))
    .collect();
    assert_eq!(
        kinds,
        [
            ("March 2016".to_owned(), ClaimKind::Date),
            ("2016".to_owned(), ClaimKind::Date),
            ("2014".to_owned(), ClaimKind::Date),
            ("8 January".to_owned(), ClaimKind::Date),
            ("04:57 PM".to_owned(), ClaimKind::Date),
            ("three years".to_owned(), ClaimKind::Duration),
        ]
    );
}

#[test]
fn codes_and_model_numbers_are_not_numbers() {
    assert!(numeric("REUTERS/Helmiy al-Azawi (IRAQ) - RTR1RM3Y and COVID-19 and F-16s").is_empty());
}

#[test]
fn phone_numbers_count_nothing() {
    let text = "Ring the hotline on 0800 123 4567, the London desk on +44 20 7946 0958 or the \
                US office at (212) 555-0188 and 212 555 0188; 4 000 seats and 1 250 000 people remain.";
    assert_eq!(
        surfaces(text),
        ["4 000 seats", "1 250 000 people"],
        "only the space-grouped thousands are numbers"
    );
}

#[test]
fn numeric_dates_with_hyphens_and_dots() {
    let (source, claims) = claims_of("Filed 03-11-2021, amended 25/12/2021 and signed 07.04.2022; scores rose 10-17.");
    let dates: Vec<(&str, Option<jiff::civil::Date>)> = claims
        .iter()
        .map(|c| {
            let date = (c.kind == ClaimKind::Date)
                .then(|| c.time.and_then(|t| t.from))
                .flatten();
            (&source[c.span.clone()], date)
        })
        .collect();
    assert_eq!(
        dates,
        [
            ("03-11-2021", Some(jiff::civil::date(2021, 3, 11))),
            // The month cannot be 25: the day comes first.
            ("25/12/2021", Some(jiff::civil::date(2021, 12, 25))),
            // Dots put the day first.
            ("07.04.2022", Some(jiff::civil::date(2022, 4, 7))),
            ("10-17", None),
        ]
    );
}

#[test]
fn a_glued_s_after_a_whole_ten_is_seconds_unless_the_words_make_it_a_decade() {
    let durations = numeric("Raise the lock timeout to 30s, then poll every 20s or 40s.");
    assert_eq!(
        durations,
        [
            ("30s".to_owned(), Some(30.0), Some(30.0), Some("s".to_owned())),
            ("20s or 40s".to_owned(), Some(20.0), Some(40.0), Some("s".to_owned())),
        ]
    );
    assert!(
        numeric("Voters in their 30s and 40s, fans of the ’80s, the early 70s, the 1990s, rows of 0s.").is_empty(),
        "decades and zeros are no spans of seconds"
    );
}

#[test]
fn a_unit_after_the_lower_end_only_makes_two_quantities() {
    assert_eq!(
        numeric("The index slid 2.5 per cent to 6,120.4 points, and fares rose from $3 to 4."),
        [
            (
                "2.5 per cent".to_owned(),
                Some(2.5),
                Some(2.5),
                Some("percent".to_owned())
            ),
            (
                "6,120.4 points".to_owned(),
                Some(6120.4),
                Some(6120.4),
                Some("points".to_owned())
            ),
            ("from $3 to 4".to_owned(), Some(3.0), Some(4.0), Some("USD".to_owned())),
        ]
    );
}

#[test]
fn a_change_and_the_new_level_are_two_quantities() {
    let n = |text: &str, low: f64, unit: &str| (text.to_owned(), Some(low), Some(low), Some(unit.to_owned()));
    let range =
        |text: &str, low: f64, high: f64, unit: &str| (text.to_owned(), Some(low), Some(high), Some(unit.to_owned()));
    assert_eq!(
        numeric("The stock fell 9p to 188p, oil rose by $1.50 to $81.20 and gold gained 1% to 2%."),
        [
            n("9p", 9.0, "pence"),
            n("188p", 188.0, "pence"),
            n("$1.50", 1.5, "USD"),
            n("$81.20", 81.2, "USD"),
            n("1%", 1.0, "percent"),
            n("2%", 2.0, "percent"),
        ]
    );
    // Without a verb of change, after `from`, or with the unit written once, it stays a range.
    assert_eq!(
        numeric("Seats cost $40 to $60, fares rose from $3 to $4 and rents fell 5 to 8 per cent."),
        [
            range("$40 to $60", 40.0, 60.0, "USD"),
            range("from $3 to $4", 3.0, 4.0, "USD"),
            range("5 to 8 per cent", 5.0, 8.0, "percent"),
        ]
    );
}

#[test]
fn letters_glued_to_a_dollar_sign_name_the_currency() {
    assert_eq!(
        numeric("A$12bn came in, then a further A$3 million and NZ$40."),
        [
            ("A$12bn".to_owned(), Some(12e9), Some(12e9), Some("AUD".to_owned())),
            ("A$3 million".to_owned(), Some(3e6), Some(3e6), Some("AUD".to_owned())),
            ("NZ$40".to_owned(), Some(40.0), Some(40.0), Some("NZD".to_owned())),
        ]
    );
}

#[test]
fn versions_and_model_numbers_after_a_name_count_nothing() {
    assert_eq!(
        numeric("Support for Python 3.12 and USB 3.0 is due on the iPhone 15, which costs $799."),
        [("$799".to_owned(), Some(799.0), Some(799.0), Some("USD".to_owned()))]
    );
    // A decimal after a lowercase word, or with its unit, still counts.
    assert_eq!(
        numeric("The side scored 2.5 goals a game and Apple rose 1.5 percent."),
        [
            ("2.5 goals".to_owned(), Some(2.5), Some(2.5), Some("goals".to_owned())),
            (
                "1.5 percent".to_owned(),
                Some(1.5),
                Some(1.5),
                Some("percent".to_owned())
            ),
        ]
    );
}

#[test]
fn parts_of_one_unit_and_a_half_added() {
    let n = |text: &str, value: f64, unit: &str| (text.to_owned(), Some(value), Some(value), Some(unit.to_owned()));
    assert_eq!(
        numeric(
            "After half an hour the bank cut rates by a quarter of a percentage point; \
             the queue ran a third of a mile, and the talks lasted an hour and a half."
        ),
        [
            n("half an hour", 0.5, "h"),
            n("a quarter of a percentage point", 0.25, "percentage points"),
            n("a third of a mile", 1.0 / 3.0, "mi"),
            n("an hour and a half", 1.5, "h"),
        ]
    );
    // One unit alone is no number.
    assert!(numeric("It took a day, and prices rose a percent in a year.").is_empty());
}

/// (text, kind, from, to, low, unit) of a claim.
type Read<'a> = (
    &'a str,
    ClaimKind,
    Option<String>,
    Option<String>,
    Option<f64>,
    Option<String>,
);

#[test]
fn seasons_and_fiscal_years_span_two_years() {
    let (source, claims) = claims_of("The 2024/25 budget beat the 2022–23 season, and 20m-30m people watched.");
    let read: Vec<Read> = claims
        .iter()
        .map(|c| {
            let time = c.time.as_ref();
            (
                &source[c.span.clone()],
                c.kind,
                time.and_then(|t| t.from).map(|d| d.to_string()),
                time.and_then(|t| t.to).map(|d| d.to_string()),
                c.value.and_then(|v| v.low),
                c.unit.clone(),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            (
                "2024/25",
                ClaimKind::Date,
                Some("2024-01-01".into()),
                Some("2025-12-31".into()),
                None,
                None
            ),
            (
                "2022–23",
                ClaimKind::Date,
                Some("2022-01-01".into()),
                Some("2023-12-31".into()),
                None,
                None
            ),
            (
                "20m-30m people",
                ClaimKind::Count,
                None,
                None,
                Some(2e7),
                Some("people".into())
            ),
        ]
    );
}

#[test]
fn more_comparators_or_so_and_a_sign_before_the_currency() {
    let (source, claims) = claims_of(
        "Bids went north of £200m, just shy of 90 seats, capped at $5,000, in the region of 400 staff, \
         40 or so boats for six weeks or so, and a balance of -£250.",
    );
    assert_eq!(
        bounds(&source, &claims),
        [
            ("north of £200m", Some(2e8), None, false),
            ("just shy of 90 seats", None, Some(90.0), false),
            ("capped at $5,000", None, Some(5000.0), false),
            ("in the region of 400 staff", Some(400.0), Some(400.0), true),
            ("40 or so boats", Some(40.0), Some(40.0), true),
            ("six weeks or so", Some(6.0), Some(6.0), true),
            ("-£250", Some(-250.0), Some(-250.0), false),
        ]
    );
}

#[test]
fn a_fraction_of_a_million() {
    assert_eq!(
        numeric("Three-quarters of a million people left, and a quarter of a billion dollars went with them."),
        [
            (
                "Three-quarters of a million people".to_owned(),
                Some(7.5e5),
                Some(7.5e5),
                Some("people".to_owned())
            ),
            (
                "a quarter of a billion dollars".to_owned(),
                Some(2.5e8),
                Some(2.5e8),
                Some("USD".to_owned())
            ),
        ]
    );
}

#[test]
fn data_sizes_and_frequencies_in_words_are_measures() {
    assert_eq!(
        numeric("Each 64-byte line holds 8 bytes of tag; the board has 2 gigabytes and a 3 gigahertz clock."),
        [
            ("64-byte".to_owned(), Some(64.0), Some(64.0), Some("B".to_owned())),
            ("8 bytes".to_owned(), Some(8.0), Some(8.0), Some("B".to_owned())),
            ("2 gigabytes".to_owned(), Some(2.0), Some(2.0), Some("GB".to_owned())),
            ("3 gigahertz".to_owned(), Some(3.0), Some(3.0), Some("GHz".to_owned())),
        ]
    );
}

#[test]
fn a_spaced_hyphen_after_a_word_is_a_dash_not_a_minus() {
    assert_eq!(
        numeric("Width W  - 4 bytes\nDublin - 20 arrests, with lows of - 5°C and -3 on the scale."),
        [
            ("4 bytes".to_owned(), Some(4.0), Some(4.0), Some("B".to_owned())),
            (
                "20 arrests".to_owned(),
                Some(20.0),
                Some(20.0),
                Some("arrests".to_owned())
            ),
            ("- 5°C".to_owned(), Some(-5.0), Some(-5.0), Some("°C".to_owned())),
            ("-3".to_owned(), Some(-3.0), Some(-3.0), None),
        ]
    );
}

#[test]
fn dimensions_count_nothing_and_hold_no_year() {
    assert_eq!(
        surfaces("Screens of 1920 x 1080 fill a 3 × 5 metres room, in a 4x4 grid of 16 tiles."),
        ["5 metres", "16 tiles"]
    );
    assert_eq!(
        numeric("Screens of 1920 x 1080 fill a 3 × 5 metres room, in a 4x4 grid of 16 tiles."),
        [
            ("5 metres".to_owned(), Some(5.0), Some(5.0), Some("m".to_owned())),
            ("16 tiles".to_owned(), Some(16.0), Some(16.0), Some("tiles".to_owned())),
        ]
    );
}

#[test]
fn numbers_that_name_one_of_a_series_count_nothing() {
    assert_eq!(
        surfaces("Port 8080 is shut. See page 12 and step 3; error 404 follows. Only 5 servers run, on 4 ports."),
        ["5 servers", "4 ports"]
    );
}

#[test]
fn plus_and_odd_after_a_number() {
    let (source, claims) = claims_of("A 20,000-plus crowd met 60-odd lorries and 300+ marchers.");
    assert_eq!(
        bounds(&source, &claims),
        [
            ("20,000-plus crowd", Some(20000.0), None, false),
            ("60-odd lorries", Some(60.0), Some(60.0), true),
            ("300+ marchers", Some(300.0), None, false),
        ]
    );
}

#[test]
fn roles_with_title_variants_and_non_breaking_spaces() {
    let (_, claims) = claims_of(
        "Former U.S. Secretary of Defense Ashton Carter met US Defence Secretary\u{a0}Mark Esper and NATO Secretary-General Jens Stoltenberg.",
    );
    let roles: Vec<(String, Option<String>, String, bool)> = claims
        .iter()
        .filter_map(|c| c.role.clone())
        .map(|r| (r.title, r.org, r.person, r.former))
        .collect();
    assert_eq!(
        roles,
        [
            (
                "secretary of defense".into(),
                Some("us".into()),
                "Ashton Carter".into(),
                true
            ),
            (
                "secretary of defense".into(),
                Some("us".into()),
                "Mark Esper".into(),
                false
            ),
            (
                "secretary-general".into(),
                Some("nato".into()),
                "Jens Stoltenberg".into(),
                false
            ),
        ]
    );
}

#[test]
fn boilerplate_claims_are_extracted_but_flagged() {
    let (source, claims) =
        claims_of("Title\n\nBody.\n\nNATO has 29 allies.\n\nRelated Stories\n\n2 Russians Flee Quarantine\n");
    let flagged: Vec<(&str, bool)> = claims
        .iter()
        .map(|c| (&source[c.span.clone()], c.boilerplate))
        .collect();
    assert_eq!(flagged, [("29 allies", false), ("2 Russians", true)]);
}

/// One line per claim of `claimlint extract --format jsonl`, for snapshots a reader can check.
fn claim_table(jsonl: &str, source: &str) -> String {
    let mut table = String::new();
    for line in jsonl.lines() {
        let record: serde_json::Value = serde_json::from_str(line).expect("each line is a JSON record");
        let (start, end) = (
            record["start"].as_u64().unwrap() as usize,
            record["end"].as_u64().unwrap() as usize,
        );
        let text = record["text"].as_str().unwrap();
        assert_eq!(&source[start..end], text, "text is the file's bytes start..end");
        let value = &record["value"];
        let bound = |key: &str| match &value[key] {
            serde_json::Value::Null => "·".to_owned(),
            number => number.to_string(),
        };
        let interval = if value.is_null() {
            String::new()
        } else {
            let open = if value["low_inclusive"] == true { '[' } else { '(' };
            let close = if value["high_inclusive"] == true { ']' } else { ')' };
            let approx = if value["approximate"] == true { " ~" } else { "" };
            format!("{open}{}, {}{close}{approx}", bound("low"), bound("high"))
        };
        let unit = record["unit"].as_str().unwrap_or("");
        table.push_str(&format!(
            "{:>2}:{:<3} {:<9} {:<40} {interval} {unit}\n",
            record["line"].as_u64().unwrap(),
            record["column"].as_u64().unwrap(),
            record["kind"].as_str().unwrap(),
            format!("{text:?}"),
        ));
    }
    table
}

/// A broad set of our own sentences covering every number form the grammars know, pinned so
/// that any change in what is extracted, or how, shows up in review.
#[test]
fn broad_sentence_set_is_pinned() {
    let path = "tests/fixtures/extraction/sentences.txt";
    let output = crate::common::run(&["extract", "--format", "jsonl", path]);
    assert!(output.status.success(), "{}", crate::common::stderr(&output));
    let source = std::fs::read_to_string(crate::common::root().join(path)).unwrap();
    let table = claim_table(&crate::common::stdout(&output), &source);
    crate::common::snapshot_settings().bind(|| insta::assert_snapshot!("extract_sentence_set", table));
}

/// Every kind of invisible format character: soft hyphen, Arabic letter mark, Mongolian vowel
/// separator, zero-width space, non-joiner and joiner, left-to-right and right-to-left marks,
/// embeddings and overrides, word joiner, invisible operators, isolates, deprecated format
/// characters, byte-order mark.
const INVISIBLE: &[char] = &[
    '\u{ad}', '\u{61c}', '\u{180e}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{200e}', '\u{200f}', '\u{202a}',
    '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2060}', '\u{2062}', '\u{206a}', '\u{2066}', '\u{2067}',
    '\u{2068}', '\u{2069}', '\u{feff}',
];

/// The numeric claims of `text` read as a `.txt`, `.md` and `.html` file: (original text of
/// the span, low, high), the same for all three.
fn numeric_in_every_format(text: &str) -> Vec<(String, Option<f64>, Option<f64>)> {
    let rules = RuleSet::with_default_pack().unwrap();
    let gazetteer = Gazetteer::new(rules.entities, &rules.nouns);
    let mut found = Vec::new();
    for name in ["t.txt", "t.md", "t.html"] {
        let doc = documents::parse(name.into(), text.as_bytes().to_vec(), None).unwrap();
        let claims: Vec<_> = extract::extract(0, &doc, &gazetteer)
            .into_iter()
            .filter_map(|c| Some((doc.file.text[c.span].to_owned(), c.value?.low, c.value?.high)))
            .collect();
        if name != "t.txt" {
            assert_eq!(claims, found, "{name} reads {text:?} otherwise");
        }
        found = claims;
    }
    found
}

#[test]
fn invisible_characters_inside_numbers_are_read_through() {
    for &c in INVISIBLE {
        let text = format!("NATO has 5{c}00 trainers in Iraq.");
        assert_eq!(
            numeric_in_every_format(&text),
            [(format!("5{c}00 trainers"), Some(500.0), Some(500.0))],
            "U+{:04X}",
            u32::from(c)
        );
        let decimal = format!("The rate rose 2.{c}5 percent and fell -{c}1.5 percent.");
        assert_eq!(
            numeric_in_every_format(&decimal),
            [
                (format!("2.{c}5 percent"), Some(2.5), Some(2.5)),
                (format!("-{c}1.5 percent"), Some(-1.5), Some(-1.5))
            ],
            "U+{:04X}",
            u32::from(c)
        );
    }
    // Isolates around a group separator: a reader sees 2,500.
    let isolated = "NATO has 2\u{2066},\u{2069}500 trainers in Iraq.";
    assert_eq!(
        numeric_in_every_format(isolated),
        [("2\u{2066},\u{2069}500 trainers".to_owned(), Some(2500.0), Some(2500.0))]
    );
    let range = "NATO had 10\u{200d}-17 trainers and $5\u{200b}00 million.";
    assert_eq!(
        numeric_in_every_format(range),
        [
            ("10\u{200d}-17 trainers".to_owned(), Some(10.0), Some(17.0)),
            ("$5\u{200b}00 million".to_owned(), Some(5e8), Some(5e8))
        ]
    );
}

#[test]
fn invisible_characters_beside_number_words_are_read_through() {
    for &c in INVISIBLE {
        let cases = [
            (
                format!("NATO has five{c} hundred trainers."),
                format!("five{c} hundred trainers"),
                500.0,
            ),
            (
                format!("NATO has twenty-{c}five trainers."),
                format!("twenty-{c}five trainers"),
                25.0,
            ),
            (
                format!("NATO has two hun{c}dred trainers."),
                format!("two hun{c}dred trainers"),
                200.0,
            ),
            (
                format!("NATO has 5{c} thousand trainers."),
                format!("5{c} thousand trainers"),
                5000.0,
            ),
        ];
        for (text, span, value) in cases {
            assert_eq!(
                numeric_in_every_format(&text),
                [(span, Some(value), Some(value))],
                "U+{:04X}",
                u32::from(c)
            );
        }
    }
}
