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
        numeric("The index slid 2.5 per cent to 6,120.4 points, and fares were from $3 to 4."),
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
    // Without a verb of change, or with the unit written once, it stays a range.
    assert_eq!(
        numeric("Seats cost $40 to $60, fares were from $3 to $4 and rents fell 5 to 8 per cent."),
        [
            range("$40 to $60", 40.0, 60.0, "USD"),
            range("from $3 to $4", 3.0, 4.0, "USD"),
            range("5 to 8 per cent", 5.0, 8.0, "percent"),
        ]
    );
    // After one, `from X to Y` is the level before and after, and `by X to Y` the change and
    // the new level, even with the verb further back in its clause.
    assert_eq!(
        numeric("Fares rose from $3 to $4. Officials raised the toll from the storm from 64 to 2,975."),
        [
            n("$3", 3.0, "USD"),
            n("$4", 4.0, "USD"),
            (String::from("64"), Some(64.0), Some(64.0), None),
            (String::from("2,975"), Some(2975.0), Some(2975.0), None),
        ]
    );
    assert_eq!(
        numeric("The toll jumped by nearly 1,200 to 5,209."),
        [
            (String::from("nearly 1,200"), Some(1200.0), Some(1200.0), None),
            (String::from("5,209"), Some(5209.0), Some(5209.0), None),
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
    // Sides without a unit count nothing; with the unit after the last side, each side is a
    // length in it.
    assert_eq!(
        surfaces("Screens of 1920 x 1080 fill a 3 × 5 metres room, in a 4x4 grid of 16 tiles."),
        ["3", "5 metres", "16 tiles"]
    );
    assert_eq!(
        numeric("Screens of 1920 x 1080 fill a 3 × 5 metres room, in a 4x4 grid of 16 tiles."),
        [
            ("3".to_owned(), Some(3.0), Some(3.0), Some("m".to_owned())),
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

// Constructions, family by family, as listed in docs/grammar.md: several sentences of our own
// per row, each claim read back as (text, low, high, unit, approximate).

/// An expected numeric claim: (text, low, high, unit, approximate).
type Want = (&'static str, Option<f64>, Option<f64>, Option<&'static str>, bool);

/// A numeric claim as read: (text, low, high, unit, approximate).
type Got<'a> = (&'a str, Option<f64>, Option<f64>, Option<&'a str>, bool);

/// Exactly `value`.
fn is(text: &'static str, value: f64, unit: Option<&'static str>) -> Want {
    (text, Some(value), Some(value), unit, false)
}

/// From `low` to `high`.
fn span(text: &'static str, low: f64, high: f64, unit: Option<&'static str>) -> Want {
    (text, Some(low), Some(high), unit, false)
}

/// About `low` to `high`.
fn about(text: &'static str, low: f64, high: f64, unit: Option<&'static str>) -> Want {
    (text, Some(low), Some(high), unit, true)
}

/// From `low` up, with no upper end.
fn from(text: &'static str, low: f64, unit: Option<&'static str>) -> Want {
    (text, Some(low), None, unit, false)
}

/// Up to `high`, with no lower end.
fn to(text: &'static str, high: f64, unit: Option<&'static str>) -> Want {
    (text, None, Some(high), unit, false)
}

fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0),
        (None, None) => true,
        _ => false,
    }
}

/// Checks every sentence and reports every one that reads otherwise, all at once.
fn check(cases: &[(&str, Vec<Want>)]) {
    let mut wrong = Vec::new();
    for (text, wants) in cases {
        let (source, claims) = claims_of(text);
        let got: Vec<Got> = claims
            .iter()
            .filter_map(|c| {
                let v = c.value?;
                (v.low.is_some() || v.high.is_some())
                    .then(|| (&source[c.span.clone()], v.low, v.high, c.unit.as_deref(), v.approximate))
            })
            .collect();
        let agrees = got.len() == wants.len()
            && got
                .iter()
                .zip(wants)
                .all(|(g, w)| g.0 == w.0 && same(g.1, w.1) && same(g.2, w.2) && g.3 == w.3 && g.4 == w.4);
        if !agrees {
            wrong.push(format!("{text}\n  want {wants:?}\n  got  {got:?}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} read otherwise:\n{}",
        wrong.len(),
        cases.len(),
        wrong.join("\n")
    );
}

#[test]
fn constructions_cardinals_in_digits() {
    let crates = Some("crates");
    check(&[
        ("The depot held 4518 crates.", vec![is("4518 crates", 4518.0, crates)]),
        (
            "Ports moved 1,250,000 crates.",
            vec![is("1,250,000 crates", 1.25e6, crates)],
        ),
        (
            "Ports moved 1 250 000 crates.",
            vec![is("1 250 000 crates", 1.25e6, crates)],
        ),
        (
            "Ports moved 1\u{202f}250\u{202f}000 crates.",
            vec![is("1\u{202f}250\u{202f}000 crates", 1.25e6, crates)],
        ),
        (
            "Ports moved 1.250.000 crates.",
            vec![is("1.250.000 crates", 1.25e6, crates)],
        ),
        (
            "Rotterdam moved 14.500.000 crates.",
            vec![is("14.500.000 crates", 1.45e7, crates)],
        ),
        (
            "The fund paid out 2.750.400,25 euros.",
            vec![is("2.750.400,25 euros", 2_750_400.25, Some("EUR"))],
        ),
        (
            "Zurich counted 1'250'000 crates.",
            vec![is("1'250'000 crates", 1.25e6, crates)],
        ),
        ("Basel counted 3’400 crates.", vec![is("3’400 crates", 3400.0, crates)]),
        ("A crate weighs 4.800 tonnes.", vec![is("4.800 tonnes", 4.8, Some("t"))]),
        (
            "The index read 1,3 and then 12,75.",
            vec![is("1,3", 1.3, None), is("12,75", 12.75, None)],
        ),
        ("The list ran 1,2,3 and no further.", vec![is("1", 1.0, None)]),
        (
            "The app has 3M users and 2.5M downloads.",
            vec![
                is("3M users", 3e6, Some("users")),
                is("2.5M downloads", 2.5e6, Some("downloads")),
            ],
        ),
        ("The router sits at 192.168.100.200 on the desk.", vec![]),
        ("Only .75 of a crate was left.", vec![is(".75", 0.75, None)]),
        (
            "The chart showed +7 and -4 and −9.",
            vec![is("+7", 7.0, None), is("-4", -4.0, None), is("−9", -9.0, None)],
        ),
        (
            "Readings of ‒3 and –12 were logged.",
            vec![is("‒3", -3.0, None), is("–12", -12.0, None)],
        ),
        (
            "It holds 6.02e23 atoms, or 3.1 × 10^8 more.",
            vec![
                is("6.02e23 atoms", 6.02e23, Some("atoms")),
                is("3.1 × 10^8", 3.1e8, None),
            ],
        ),
        ("The ratio fell to 4.5E-3.", vec![is("4.5E-3", 4.5e-3, None)]),
        (
            "Some 45k runners and 1.2bn viewers.",
            vec![
                about("Some 45k runners", 45e3, 45e3, Some("runners")),
                is("1.2bn viewers", 1.2e9, Some("viewers")),
            ],
        ),
        (
            "The app has 1.2 bn users and 3 mln downloads.",
            vec![
                is("1.2 bn users", 1.2e9, Some("users")),
                is("3 mln downloads", 3e6, Some("downloads")),
            ],
        ),
        (
            "It reached 2.4m subscribers.",
            vec![is("2.4m subscribers", 2.4e6, Some("subscribers"))],
        ),
        (
            "We counted 3 million ballots.",
            vec![is("3 million ballots", 3e6, Some("ballots"))],
        ),
        (
            "The census found 12 lakh voters.",
            vec![is("12 lakh voters", 1.2e6, Some("voters"))],
        ),
        ("The match ended 3‐2 in extra time.", vec![]),
        ("Call 555‑0142 for tickets.", vec![]),
    ]);
}

#[test]
fn constructions_cardinals_in_words() {
    let pupils = Some("pupils");
    check(&[
        (
            "Seventy-three pupils sat the exam.",
            vec![is("Seventy-three pupils", 73.0, pupils)],
        ),
        (
            "Seventy three pupils sat the exam.",
            vec![is("Seventy three pupils", 73.0, pupils)],
        ),
        (
            "Seventy\u{2010}three pupils sat the exam.",
            vec![is("Seventy\u{2010}three pupils", 73.0, pupils)],
        ),
        (
            "Seventy\u{2011}three pupils sat the exam.",
            vec![is("Seventy\u{2011}three pupils", 73.0, pupils)],
        ),
        (
            "Seventy–three pupils sat the exam.",
            vec![is("Seventy–three pupils", 73.0, pupils)],
        ),
        (
            "Forty−two pupils sat the exam.",
            vec![is("Forty−two pupils", 42.0, pupils)],
        ),
        (
            "Twenty — five pupils came; the rest did not.",
            vec![is("Twenty", 20.0, None), is("five pupils", 5.0, pupils)],
        ),
        (
            "One hundred and twelve pupils sat it.",
            vec![is("One hundred and twelve pupils", 112.0, pupils)],
        ),
        (
            "One hundred twelve pupils sat it.",
            vec![is("One hundred twelve pupils", 112.0, pupils)],
        ),
        (
            "A hundred pupils and a thousand parents came.",
            vec![
                is("A hundred pupils", 100.0, pupils),
                is("a thousand parents", 1000.0, Some("parents")),
            ],
        ),
        (
            "Nineteen hundred pupils and eleven hundred and fifty parents came.",
            vec![
                is("Nineteen hundred pupils", 1900.0, pupils),
                is("eleven hundred and fifty parents", 1150.0, Some("parents")),
            ],
        ),
        (
            "Twenty-one thousand four hundred and six pupils sat it.",
            vec![is("Twenty-one thousand four hundred and six pupils", 21406.0, pupils)],
        ),
        (
            "Two thousand and nineteen pupils sat it.",
            vec![is("Two thousand and nineteen pupils", 2019.0, pupils)],
        ),
        (
            "Five dozen pupils and half a dozen teachers came.",
            vec![
                is("Five dozen pupils", 60.0, pupils),
                is("half a dozen teachers", 6.0, Some("teachers")),
            ],
        ),
        (
            "Three million pupils and 3 million parents.",
            vec![
                is("Three million pupils", 3e6, pupils),
                is("3 million parents", 3e6, Some("parents")),
            ],
        ),
        (
            "One point five million pupils sat it.",
            vec![is("One point five million pupils", 1.5e6, pupils)],
        ),
        (
            "Quarter of a million pupils sat it.",
            vec![is("Quarter of a million pupils", 2.5e5, pupils)],
        ),
        (
            "A billion and a half viewers tuned in.",
            vec![is("A billion and a half viewers", 1.5e9, Some("viewers"))],
        ),
        (
            "Two million and a half viewers tuned in.",
            vec![is("Two million and a half viewers", 2.5e6, Some("viewers"))],
        ),
        (
            "One-and-a-half million viewers tuned in.",
            vec![is("One-and-a-half million viewers", 1.5e6, Some("viewers"))],
        ),
        (
            "The final lasted two‐and‐a‐half hours.",
            vec![is("two‐and‐a‐half hours", 2.5, Some("h"))],
        ),
        (
            "Add two and three-quarter cups of stock.",
            vec![is("two and three-quarter cups", 2.75, Some("cup"))],
        ),
        (
            "Stir in one and a quarter cups.",
            vec![is("one and a quarter cups", 1.25, Some("cup"))],
        ),
        ("The firm posted a third-quarter loss.", vec![]),
        (
            "She ran a half-marathon, then 5K and a half-marathon more.",
            vec![is("5K", 5000.0, None)],
        ),
        (
            "Nil goals and zero shots.",
            vec![
                is("Nil goals", 0.0, Some("goals")),
                is("zero shots", 0.0, Some("shots")),
            ],
        ),
    ]);
}

#[test]
fn constructions_vague_amounts() {
    let pupils = Some("pupils");
    check(&[
        (
            "A pair of pupils and a couple of parents.",
            vec![
                is("A pair of pupils", 2.0, pupils),
                is("a couple of parents", 2.0, Some("parents")),
            ],
        ),
        (
            "Hundred and ten pupils read thousand and one tales.",
            vec![
                is("Hundred and ten pupils", 110.0, pupils),
                is("thousand and one tales", 1001.0, Some("tales")),
            ],
        ),
        ("A few pupils stayed.", vec![about("A few pupils", 3.0, 3.0, pupils)]),
        (
            "A few hundred pupils stayed.",
            vec![about("A few hundred pupils", 200.0, 500.0, pupils)],
        ),
        (
            "A few dozen pupils stayed.",
            vec![about("A few dozen pupils", 24.0, 60.0, pupils)],
        ),
        (
            "A few thousand pupils stayed.",
            vec![about("A few thousand pupils", 2000.0, 5000.0, pupils)],
        ),
        (
            "A couple of hundred pupils stayed.",
            vec![is("A couple of hundred pupils", 200.0, pupils)],
        ),
        (
            "A couple of thousand pupils stayed.",
            vec![is("A couple of thousand pupils", 2000.0, pupils)],
        ),
        (
            "A couple of pupils stayed.",
            vec![is("A couple of pupils", 2.0, pupils)],
        ),
        (
            "Several dozen pupils and several thousand parents.",
            vec![
                about("Several dozen pupils", 36.0, 108.0, pupils),
                about("several thousand parents", 3000.0, 9000.0, Some("parents")),
            ],
        ),
        (
            "Dozens of pupils and hundreds of parents.",
            vec![
                about("Dozens of pupils", 24.0, 99.0, pupils),
                about("hundreds of parents", 200.0, 900.0, Some("parents")),
            ],
        ),
        (
            "Tens of thousands of pupils marched.",
            vec![about("Tens of thousands of pupils", 2e4, 9e4, pupils)],
        ),
        (
            "The scheme cost tens of millions of dollars.",
            vec![about("tens of millions of dollars", 2e7, 9e7, Some("USD"))],
        ),
        (
            "Repairs ran to hundreds of thousands of pounds.",
            vec![about("hundreds of thousands of pounds", 2e5, 9e5, Some("GBP"))],
        ),
        (
            "They walked dozens of kilometres and hundreds of miles.",
            vec![
                about("dozens of kilometres", 24.0, 99.0, Some("km")),
                about("hundreds of miles", 200.0, 900.0, Some("mi")),
            ],
        ),
        (
            "Some 60-odd pupils and twenty\u{2010}odd parents came.",
            vec![
                about("Some 60-odd pupils", 60.0, 60.0, pupils),
                about("twenty\u{2010}odd parents", 20.0, 20.0, Some("parents")),
            ],
        ),
        (
            "Forty–odd boats and 40 or so buses.",
            vec![
                about("Forty–odd boats", 40.0, 40.0, Some("boats")),
                about("40 or so buses", 40.0, 40.0, Some("buses")),
            ],
        ),
        (
            "The ad targets forty-something voters.",
            vec![about("forty-something voters", 40.0, 49.0, Some("voters"))],
        ),
        (
            "A 30-something engineer wrote it.",
            vec![about("30-something", 30.0, 39.0, None)],
        ),
    ]);
}

#[test]
fn constructions_fractions_and_ordinals() {
    check(&[
        (
            "Add 3/4 of a cup and 0.5 of a teaspoon.",
            vec![
                is("3/4 of a cup", 0.75, Some("cup")),
                is("0.5 of a teaspoon", 0.5, Some("tsp")),
            ],
        ),
        ("Use 3/4 cup of milk.", vec![is("3/4 cup", 0.75, Some("cup"))]),
        (
            "Use 2 3/4 cups and 1½ cups.",
            vec![is("2 3/4 cups", 2.75, Some("cup")), is("1½ cups", 1.5, Some("cup"))],
        ),
        (
            "Two-thirds of members and two\u{2010}thirds of staff agreed.",
            vec![
                is("Two-thirds", 2.0 / 3.0, None),
                is("two\u{2010}thirds", 2.0 / 3.0, None),
            ],
        ),
        (
            "Three quarters of the pupils passed.",
            vec![is("Three quarters", 0.75, None)],
        ),
        (
            "Drill three-eighths of an inch.",
            vec![is("three-eighths of an inch", 0.375, Some("in"))],
        ),
        (
            "Three-quarters of a million people voted.",
            vec![is("Three-quarters of a million people", 7.5e5, Some("people"))],
        ),
        ("It was a 50/50 split.", vec![]),
        (
            "The shop is open 24/7 for 30 staff.",
            vec![is("30 staff", 30.0, Some("staff"))],
        ),
        ("She finished 3rd and he finished 21st.", vec![]),
        ("He came twenty-first and she came seventy\u{2010}third.", vec![]),
        ("It was the hundredth day and the fifth week.", vec![]),
        ("Their third-quarter profit fell.", vec![]),
    ]);
}

#[test]
fn constructions_ranges() {
    let guests = Some("guests");
    check(&[
        (
            "The hall seats 300-400 guests.",
            vec![span("300-400 guests", 300.0, 400.0, guests)],
        ),
        (
            "The hall seats 300–400 guests.",
            vec![span("300–400 guests", 300.0, 400.0, guests)],
        ),
        (
            "The hall seats 300—400 guests.",
            vec![span("300—400 guests", 300.0, 400.0, guests)],
        ),
        (
            "The hall seats 300 – 400 guests.",
            vec![span("300 – 400 guests", 300.0, 400.0, guests)],
        ),
        (
            "The hall seats 300\u{2010}400 guests.",
            vec![span("300\u{2010}400 guests", 300.0, 400.0, guests)],
        ),
        (
            "The hall seats 300−400 guests.",
            vec![span("300−400 guests", 300.0, 400.0, guests)],
        ),
        (
            "The hall seats 10‒20 guests.",
            vec![span("10‒20 guests", 10.0, 20.0, guests)],
        ),
        (
            "The hall seats 300 to 400 guests.",
            vec![span("300 to 400 guests", 300.0, 400.0, guests)],
        ),
        (
            "The hall seats between 300 and 400 guests.",
            vec![span("between 300 and 400 guests", 300.0, 400.0, guests)],
        ),
        (
            "The hall seats from 300 to 400 guests.",
            vec![span("from 300 to 400 guests", 300.0, 400.0, guests)],
        ),
        (
            "Five or six guests came.",
            vec![span("Five or six guests", 5.0, 6.0, guests)],
        ),
        (
            "The hall seats three to four hundred guests.",
            vec![span("three to four hundred guests", 300.0, 400.0, guests)],
        ),
        (
            "The hall seats between three and four hundred guests.",
            vec![span("between three and four hundred guests", 300.0, 400.0, guests)],
        ),
        (
            "Six–seven hundred guests came.",
            vec![span("Six–seven hundred guests", 600.0, 700.0, guests)],
        ),
        (
            "Two to three thousand guests came.",
            vec![span("Two to three thousand guests", 2000.0, 3000.0, guests)],
        ),
        (
            "Ten to four hundred guests came.",
            vec![span("Ten to four hundred guests", 10.0, 400.0, guests)],
        ),
        (
            "The hall seats 3-4 thousand guests.",
            vec![span("3-4 thousand guests", 3000.0, 4000.0, guests)],
        ),
        (
            "Tickets cost $20-$30 or 20–30 dollars.",
            vec![
                span("$20-$30", 20.0, 30.0, Some("USD")),
                span("20–30 dollars", 20.0, 30.0, Some("USD")),
            ],
        ),
        (
            "The fish were 10 cm–12 cm long.",
            vec![span("10 cm–12 cm", 10.0, 12.0, Some("cm"))],
        ),
        (
            "Prices rose 5-7% and 5%−7%.",
            vec![
                span("5-7%", 5.0, 7.0, Some("percent")),
                span("5%−7%", 5.0, 7.0, Some("percent")),
            ],
        ),
        (
            "Lows of -5 to -10 °C are due.",
            vec![span("-5 to -10 °C", -10.0, -5.0, Some("°C"))],
        ),
        (
            "Nights of −2 to −8 degrees Celsius.",
            vec![span("−2 to −8 degrees Celsius", -8.0, -2.0, Some("°C"))],
        ),
        (
            "About 500 to 600 guests came.",
            vec![about("About 500 to 600 guests", 500.0, 600.0, guests)],
        ),
    ]);
}

#[test]
fn constructions_comparators_and_approximations() {
    let dogs = Some("dogs");
    check(&[
        (
            "It takes no bigger than 60 dogs, not under 12 cats.",
            vec![
                to("no bigger than 60 dogs", 60.0, dogs),
                from("not under 12 cats", 12.0, Some("cats")),
            ],
        ),
        (
            "It takes not exceeding 60 dogs and not above 12 cats.",
            vec![
                to("not exceeding 60 dogs", 60.0, dogs),
                to("not above 12 cats", 12.0, Some("cats")),
            ],
        ),
        (
            "It takes equal to or greater than 60 dogs.",
            vec![from("equal to or greater than 60 dogs", 60.0, dogs)],
        ),
        (
            "It takes 60 or greater and 12 or smaller.",
            vec![from("60 or greater", 60.0, None), to("12 or smaller", 12.0, None)],
        ),
        (
            "It takes as few as 3 dogs and as little as $5.",
            vec![
                from("as few as 3 dogs", 3.0, dogs),
                from("as little as $5", 5.0, Some("USD")),
            ],
        ),
        (
            "It takes at the very least 30 dogs; up to and including 40 cats.",
            vec![
                from("at the very least 30 dogs", 30.0, dogs),
                to("up to and including 40 cats", 40.0, Some("cats")),
            ],
        ),
        (
            "Pupils aged 16 and upwards may enter.",
            vec![from("16 and upwards", 16.0, Some("year"))],
        ),
        (
            "Values 20 <= x <= 30 and 2 < n < 9 pass.",
            vec![
                span("20 <= x <= 30", 20.0, 30.0, None),
                span("2 < n < 9", 2.0, 9.0, None),
            ],
        ),
        (
            "Rooms 20 through 30 and 40 thru 45 are shut.",
            vec![
                span("20 through 30", 20.0, 30.0, None),
                span("40 thru 45", 40.0, 45.0, None),
            ],
        ),
        (
            "Sizes 20~30 and 40 ~ 45 are sold out.",
            vec![span("20~30", 20.0, 30.0, None), span("40 ~ 45", 40.0, 45.0, None)],
        ),
        (
            "The plan keeps 20 staff through 2025.",
            vec![is("20 staff", 20.0, Some("staff"))],
        ),
        ("Point five of a point is lost.", vec![is("Point five", 0.5, None)]),
        (
            "The ball landed within six feet of the pin.",
            vec![is("six feet", 6.0, Some("ft"))],
        ),
        (
            "The shelter takes fewer than sixty dogs.",
            vec![to("fewer than sixty dogs", 60.0, dogs)],
        ),
        (
            "The shelter takes up to 60 dogs.",
            vec![to("up to 60 dogs", 60.0, dogs)],
        ),
        (
            "The shelter takes at least 60 dogs.",
            vec![from("at least 60 dogs", 60.0, dogs)],
        ),
        (
            "The shelter takes well over 60 dogs.",
            vec![from("well over 60 dogs", 60.0, dogs)],
        ),
        (
            "It takes <60 dogs and ≥5 cats.",
            vec![to("<60 dogs", 60.0, dogs), from("≥5 cats", 5.0, Some("cats"))],
        ),
        (
            "The shelter takes 60 or more dogs, or 60+ dogs.",
            vec![from("60 or more dogs", 60.0, dogs), from("60+ dogs", 60.0, dogs)],
        ),
        (
            "The shelter takes 60 dogs at most.",
            vec![to("60 dogs at most", 60.0, dogs)],
        ),
        (
            "The shelter takes 60 dogs at the most.",
            vec![to("60 dogs at the most", 60.0, dogs)],
        ),
        (
            "The van carries 12 dogs at least.",
            vec![from("12 dogs at least", 12.0, dogs)],
        ),
        (
            "Attendance went past 1,000 on Sunday.",
            vec![from("past 1,000", 1000.0, None)],
        ),
        (
            "Sales pushed well past 5,000 units.",
            vec![from("well past 5,000 units", 5000.0, Some("units"))],
        ),
        (
            "Crowds topped 20,000 by noon.",
            vec![from("topped 20,000", 20000.0, None)],
        ),
        (
            "Over the past five years, prices doubled.",
            vec![is("five years", 5.0, Some("year"))],
        ),
        (
            "The bid came in at $5,000-plus.",
            vec![from("$5,000-plus", 5000.0, Some("USD"))],
        ),
        (
            "A 20,000‐plus crowd gathered.",
            vec![from("20,000‐plus crowd", 20000.0, Some("crowd"))],
        ),
        (
            "The ministry plans to spend £2bn over five years.",
            vec![is("£2bn", 2e9, Some("GBP")), is("five years", 5.0, Some("year"))],
        ),
        (
            "The council will hire 300 nurses over three years.",
            vec![
                is("300 nurses", 300.0, Some("nurses")),
                is("three years", 3.0, Some("year")),
            ],
        ),
        (
            "He served over five years in prison.",
            vec![from("over five years", 5.0, Some("year"))],
        ),
        (
            "The shelter takes c. 60 dogs.",
            vec![about("c. 60 dogs", 60.0, 60.0, dogs)],
        ),
        (
            "The shelter takes approx. 60 dogs and ~40 cats.",
            vec![
                about("approx. 60 dogs", 60.0, 60.0, dogs),
                about("~40 cats", 40.0, 40.0, Some("cats")),
            ],
        ),
        (
            "Fewer than a thousand pandas live wild.",
            vec![to("Fewer than a thousand pandas", 1000.0, Some("pandas"))],
        ),
    ]);
}

#[test]
fn constructions_percents_and_points() {
    let percent = Some("percent");
    let points = Some("percentage points");
    check(&[
        (
            "Turnout was 64% and 64 % and 64 per cent.",
            vec![
                is("64%", 64.0, percent),
                is("64 %", 64.0, percent),
                is("64 per cent", 64.0, percent),
            ],
        ),
        (
            "Turnout was sixty-four percent, or 64pc.",
            vec![is("sixty-four percent", 64.0, percent), is("64pc", 64.0, percent)],
        ),
        (
            "Support fell 3 percentage points.",
            vec![is("3 percentage points", 3.0, points)],
        ),
        (
            "Support fell 3 ppts, then 2pp, then 1.5 ppt.",
            vec![
                is("3 ppts", 3.0, points),
                is("2pp", 2.0, points),
                is("1.5 ppt", 1.5, points),
            ],
        ),
        (
            "The bank cut by 25 basis points.",
            vec![is("25 basis points", 0.25, points)],
        ),
        (
            "The bank cut by 25bp, then 50 bps.",
            vec![is("25bp", 0.25, points), is("50 bps", 0.5, points)],
        ),
        ("Only 64‰ of the roll voted.", vec![is("64‰", 6.4, percent)]),
        (
            "Prices rose between 5 and 7 per cent.",
            vec![span("between 5 and 7 per cent", 5.0, 7.0, percent)],
        ),
        ("A 20-percent stake was sold.", vec![is("20-percent", 20.0, percent)]),
    ]);
}

#[test]
fn constructions_money() {
    let usd = Some("USD");
    check(&[
        (
            "It cost $5 mil, then $2mil, and 3 mil of foil.",
            vec![is("$5 mil", 5e6, usd), is("$2mil", 2e6, usd), is("3", 3.0, None)],
        ),
        (
            "It cost a hundred bucks and thirty cents.",
            vec![is("a hundred bucks and thirty cents", 100.3, usd)],
        ),
        (
            "It cost $5 and $ 5.50.",
            vec![is("$5", 5.0, usd), is("$ 5.50", 5.5, usd)],
        ),
        (
            "It cost 5€ and €5 and 5 euros.",
            vec![
                is("5€", 5.0, Some("EUR")),
                is("€5", 5.0, Some("EUR")),
                is("5 euros", 5.0, Some("EUR")),
            ],
        ),
        (
            "It cost A$5 and a$7 and au$9.",
            vec![
                is("A$5", 5.0, Some("AUD")),
                is("a$7", 7.0, Some("AUD")),
                is("au$9", 9.0, Some("AUD")),
            ],
        ),
        (
            "It cost us$5 and c$6 and nz$8.",
            vec![
                is("us$5", 5.0, usd),
                is("c$6", 6.0, Some("CAD")),
                is("nz$8", 8.0, Some("NZD")),
            ],
        ),
        (
            "It cost USD 5 and 5 USD.",
            vec![is("USD 5", 5.0, usd), is("5 USD", 5.0, usd)],
        ),
        (
            "It cost Rs 500 and ₹500.",
            vec![is("Rs 500", 500.0, Some("INR")), is("₹500", 500.0, Some("INR"))],
        ),
        (
            "It cost 50 Mexican pesos.",
            vec![is("50 Mexican pesos", 50.0, Some("MXN"))],
        ),
        (
            "It cost 900 Japanese yen and 80 Chinese yuan.",
            vec![
                is("900 Japanese yen", 900.0, Some("JPY")),
                is("80 Chinese yuan", 80.0, Some("CNY")),
            ],
        ),
        (
            "It cost 1,000 Swedish kronor or 900 Norwegian kroner.",
            vec![
                is("1,000 Swedish kronor", 1000.0, Some("SEK")),
                is("900 Norwegian kroner", 900.0, Some("NOK")),
            ],
        ),
        (
            "It cost 700 Danish kroner and 300 South African rand.",
            vec![
                is("700 Danish kroner", 700.0, Some("DKK")),
                is("300 South African rand", 300.0, Some("ZAR")),
            ],
        ),
        (
            "A coffee is 4,500 won in Seoul.",
            vec![is("4,500 won", 4500.0, Some("KRW"))],
        ),
        (
            "A coffee is 4,500 South Korean won.",
            vec![is("4,500 South Korean won", 4500.0, Some("KRW"))],
        ),
        (
            "A coffee is 40 krona in Stockholm.",
            vec![is("40 krona", 40.0, Some("SEK"))],
        ),
        (
            "Of the 12 seats contested, 8 won by a wide margin.",
            vec![is("12 seats", 12.0, Some("seats")), is("8", 8.0, None)],
        ),
        (
            "It cost $1.2bn, $1.2 bln and £2 bn.",
            vec![
                is("$1.2bn", 1.2e9, usd),
                is("$1.2 bln", 1.2e9, usd),
                is("£2 bn", 2e9, Some("GBP")),
            ],
        ),
        (
            "It cost $5m, $5mn and £3.5k.",
            vec![
                is("$5m", 5e6, usd),
                is("$5mn", 5e6, usd),
                is("£3.5k", 3500.0, Some("GBP")),
            ],
        ),
        (
            "It cost 3 dollars and 20 cents.",
            vec![is("3 dollars and 20 cents", 3.2, usd)],
        ),
        (
            "It cost 50 cents, then 50¢, then 20 pence.",
            vec![
                is("50 cents", 50.0, Some("cents")),
                is("50¢", 50.0, Some("cents")),
                is("20 pence", 20.0, Some("pence")),
            ],
        ),
        (
            "A stamp costs €1,50 and a card €2,75.",
            vec![is("€1,50", 1.5, Some("EUR")), is("€2,75", 2.75, Some("EUR"))],
        ),
        (
            "They pay $15 per hour, or $15/hour.",
            vec![
                is("$15 per hour", 15.0, Some("USD/h")),
                is("$15/hour", 15.0, Some("USD/h")),
            ],
        ),
        (
            "Fuel was £1.40 per litre.",
            vec![is("£1.40 per litre", 1.4, Some("GBP/l"))],
        ),
        ("Crude traded at $85 a barrel.", vec![is("$85", 85.0, usd)]),
        (
            "Between $1 million and $2 million was raised.",
            vec![span("Between $1 million and $2 million", 1e6, 2e6, usd)],
        ),
    ]);
}

#[test]
fn constructions_measures() {
    check(&[
        (
            "Weigh 500 gr of flour, 250 gms of sugar and 3 kgs of rice.",
            vec![
                is("500 gr", 500.0, Some("g")),
                is("250 gms", 250.0, Some("g")),
                is("3 kgs", 3.0, Some("kg")),
            ],
        ),
        (
            "Pour 1 dl of cream into 2 decilitres of stock.",
            vec![is("1 dl", 1.0, Some("dl")), is("2 decilitres", 2.0, Some("dl"))],
        ),
        (
            "The dam holds 3 megalitres; the well 40 bbl.",
            vec![is("3 megalitres", 3.0, Some("Ml")), is("40 bbl", 40.0, Some("bbl"))],
        ),
        (
            "A flat of 40 square yards, or 50 cm² of tile.",
            vec![
                is("40 square yards", 40.0, Some("yd2")),
                is("50 cm²", 50.0, Some("cm2")),
            ],
        ),
        (
            "The blast was 15 kilotons; the pressure 990 hPa.",
            vec![is("15 kilotons", 15.0, Some("kt")), is("990 hPa", 990.0, Some("hPa"))],
        ),
        (
            "Grill a quarter pound of beef and 1/2 pound of onions.",
            vec![
                is("a quarter pound", 0.25, Some("lb")),
                is("1/2 pound", 0.5, Some("lb")),
            ],
        ),
        ("The stamp cost five pounds.", vec![is("five pounds", 5.0, Some("GBP"))]),
        (
            "The trail is 12 km, or twelve kilometres.",
            vec![is("12 km", 12.0, Some("km")), is("twelve kilometres", 12.0, Some("km"))],
        ),
        (
            "He is 6 feet 2 inches, 6 ft 2 in and more.",
            vec![
                is("6 feet 2 inches", 74.0, Some("in")),
                is("6 ft 2 in", 74.0, Some("in")),
            ],
        ),
        (
            "He is 6'2\" tall and she is 5′4″.",
            vec![is("6'2\"", 74.0, Some("in")), is("5′4″", 64.0, Some("in"))],
        ),
        ("The 5-foot-6 guard scored.", vec![is("5-foot-6", 66.0, Some("in"))]),
        (
            "They ran 7½ miles and 800 m.",
            vec![is("7½ miles", 7.5, Some("mi")), is("800 m", 800.0, Some("m"))],
        ),
        (
            "The fence is 3 yards 5 ft 4 in long.",
            vec![is("3 yards 5 ft 4 in", 172.0, Some("in"))],
        ),
        (
            "The rope is 1 metre and 1 foot.",
            vec![is("1 metre and 1 foot", 1.3048 / 0.3048, Some("ft"))],
        ),
        ("The nail is 3'' long.", vec![is("3''", 3.0, Some("in"))]),
        (
            "He is 1.88 m and 188 cm.",
            vec![is("1.88 m", 1.88, Some("m")), is("188 cm", 188.0, Some("cm"))],
        ),
        (
            "The bag weighs 3 kilograms and 300 grams.",
            vec![is("3 kilograms and 300 grams", 3300.0, Some("g"))],
        ),
        (
            "A 3,000-square-foot house on a 2‐square‐mile plot.",
            vec![
                is("3,000-square-foot", 3000.0, Some("ft2")),
                is("2‐square‐mile", 2.0, Some("mi2")),
            ],
        ),
        (
            "The tank holds 1 cubic metre, or 4 m³ with the lid.",
            vec![is("1 cubic metre", 1.0, Some("m3")), is("4 m³", 4.0, Some("m3"))],
        ),
        (
            "A 250 cc engine and 30 cm³ of oil.",
            vec![is("250 cc", 250.0, Some("cm3")), is("30 cm³", 30.0, Some("cm3"))],
        ),
        (
            "He weighs 12 stone, or 12st.",
            vec![is("12 stone", 12.0, Some("st")), is("12st", 12.0, Some("st"))],
        ),
        ("The boxer weighed 12st 3lb.", vec![is("12st 3lb", 171.0, Some("lb"))]),
        (
            "The boxer weighed 12 stone 3 pounds.",
            vec![is("12 stone 3 pounds", 171.0, Some("lb"))],
        ),
        ("It was the 21st race of the 31st season.", vec![]),
        ("The ferry makes 20 knots.", vec![is("20 knots", 20.0, Some("kn"))]),
        (
            "The job took 3h, then 3 h more.",
            vec![is("3h", 3.0, Some("h")), is("3 h", 3.0, Some("h"))],
        ),
        (
            "The job took 1 hr 30 min.",
            vec![is("1 hr", 1.0, Some("h")), is("30 min", 30.0, Some("min"))],
        ),
        (
            "The job took 2 hours and 30 minutes.",
            vec![is("2 hours", 2.0, Some("h")), is("30 minutes", 30.0, Some("min"))],
        ),
        (
            "The loan runs 3 years and 6 months.",
            vec![is("3 years", 3.0, Some("year")), is("6 months", 6.0, Some("month"))],
        ),
        ("The diver was aged 34.", vec![is("34", 34.0, Some("year"))]),
        (
            "A 10–day visit and a 3‑day visit.",
            vec![is("10–day", 10.0, Some("day")), is("3‑day", 3.0, Some("day"))],
        ),
        (
            "A twenty‐five‐year‐old won.",
            vec![is("twenty‐five‐year‐old", 25.0, Some("year"))],
        ),
        (
            "The plant makes 3 megajoules, 2 GJ and 40 TWh.",
            vec![
                is("3 megajoules", 3.0, Some("MJ")),
                is("2 GJ", 2.0, Some("GJ")),
                is("40 TWh", 40.0, Some("TWh")),
            ],
        ),
        (
            "A 5-km run, a 5–km walk and a 40-MW plant.",
            vec![
                is("5-km", 5.0, Some("km")),
                is("5–km", 5.0, Some("km")),
                is("40-MW", 40.0, Some("MW")),
            ],
        ),
        ("It filed a 10-K report.", vec![]),
    ]);
}

#[test]
fn constructions_rates_multipliers_and_dimensions() {
    let times = Some("times");
    check(&[
        (
            "The hall is 12 by 10 feet.",
            vec![is("12", 12.0, Some("ft")), is("10 feet", 10.0, Some("ft"))],
        ),
        (
            "A room 3 × 4 × 2.5 m in size.",
            vec![
                is("3", 3.0, Some("m")),
                is("4", 4.0, Some("m")),
                is("2.5 m", 2.5, Some("m")),
            ],
        ),
        ("The vote was 12 by 2025.", vec![is("12", 12.0, None)]),
        (
            "Output rose tenfold, then threefold.",
            vec![is("tenfold", 10.0, times), is("threefold", 3.0, times)],
        ),
        (
            "Output rose 10-fold, then ten‐fold.",
            vec![is("10-fold", 10.0, times), is("ten‐fold", 10.0, times)],
        ),
        ("A hundredfold rise.", vec![is("hundredfold", 100.0, times)]),
        (
            "The new chip is 3x faster and 1.5x cheaper.",
            vec![is("3x", 3.0, times), is("1.5x", 1.5, times)],
        ),
        ("It is 1.5 times the size.", vec![is("1.5 times", 1.5, times)]),
        (
            "One in three adults and 1 in 10,000 births.",
            vec![
                is("One in three adults", 1.0 / 3.0, Some("adults")),
                is("1 in 10,000 births", 1e-4, Some("births")),
            ],
        ),
        (
            "The rate is 4 per 1,000 people.",
            vec![is("4 per 1,000 people", 0.004, Some("people"))],
        ),
        (
            "There were 12 deaths per 100,000.",
            vec![is("12 deaths per 100,000", 1.2e-4, Some("deaths"))],
        ),
        (
            "The board is 240 × 120 cm.",
            vec![is("240", 240.0, Some("cm")), is("120 cm", 120.0, Some("cm"))],
        ),
        (
            "The board is 2.4 x 1.2 m.",
            vec![is("2.4", 2.4, Some("m")), is("1.2 m", 1.2, Some("m"))],
        ),
        (
            "The room is 4m x 5m x 3m.",
            vec![
                is("4m", 4.0, Some("m")),
                is("5m", 5.0, Some("m")),
                is("3m", 3.0, Some("m")),
            ],
        ),
        ("A 1920 x 1080 screen.", vec![]),
        ("We met at 7 o'clock.", vec![]),
    ]);
}

#[test]
fn constructions_dates_take_every_hyphen() {
    let (source, claims) =
        claims_of("Filed 03\u{2010}11\u{2010}2021 for the 2022–23 and 2023\u{2011}24 seasons, then 12−05−2024.");
    let dates: Vec<(&str, Option<String>, Option<String>)> = claims
        .iter()
        .map(|c| {
            let time = c.time.filter(|_| c.kind == ClaimKind::Date);
            (
                &source[c.span.clone()],
                time.and_then(|t| t.from).map(|d| d.to_string()),
                time.and_then(|t| t.to).map(|d| d.to_string()),
            )
        })
        .collect();
    assert_eq!(
        dates,
        [
            (
                "03\u{2010}11\u{2010}2021",
                Some("2021-03-11".into()),
                Some("2021-03-11".into())
            ),
            ("2022–23", Some("2022-01-01".into()), Some("2023-12-31".into())),
            ("2023\u{2011}24", Some("2023-01-01".into()), Some("2024-12-31".into())),
            ("12−05−2024", Some("2024-12-05".into()), Some("2024-12-05".into())),
        ]
    );
}

#[test]
fn constructions_counted_nouns_after_adjectives() {
    let cases = Some("cases");
    check(&[
        (
            "Clinics logged 4,120 suspected cases.",
            vec![is("4,120 suspected cases", 4120.0, cases)],
        ),
        (
            "Clinics logged 310 confirmed cases.",
            vec![is("310 confirmed cases", 310.0, cases)],
        ),
        (
            "Clinics logged 8,997 confirmed, probable, and suspected cases.",
            vec![is("8,997 confirmed, probable, and suspected cases", 8997.0, cases)],
        ),
        (
            "Clinics logged 6,574 probable, suspected and confirmed cases.",
            vec![is("6,574 probable, suspected and confirmed cases", 6574.0, cases)],
        ),
        (
            "Clinics logged 4,293 suspicious cases.",
            vec![is("4,293 suspicious cases", 4293.0, cases)],
        ),
        (
            "Clinics logged 4,293 suspected fever cases.",
            vec![is("4,293 suspected fever cases", 4293.0, cases)],
        ),
        (
            "She has won 19 Olympic medals.",
            vec![is("19 Olympic medals", 19.0, Some("medals"))],
        ),
        (
            "She has won 22 Grand Slam titles.",
            vec![is("22 Grand Slam titles", 22.0, Some("titles"))],
        ),
        // Near misses: a verb, not an adjective, and a gerund before a noun.
        ("Only 5 died overnight.", vec![is("5", 5.0, None)]),
        ("The navy had 12 sending ships.", vec![is("12", 12.0, None)]),
        // `grand` is a thousand only in lower case and not before a name.
        ("He paid 22 grand for it.", vec![is("22 grand", 22_000.0, Some("USD"))]),
    ]);
}
