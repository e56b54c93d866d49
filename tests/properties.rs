//! Properties that hold for any input: the extractor never panics, whatever bytes it is given,
//! and every claim it returns points at real text; contradiction between values is symmetric,
//! reflexive and monotone in the tolerance; dates span what they name; and the order of the
//! documents never changes the findings.

use claimlint::calendar;
use claimlint::documents;
use claimlint::documents::markup::MAX_ATTRIBUTE_CHAIN;
use claimlint::extract::{self, Gazetteer, Interval};
use claimlint::link;
use claimlint::rules::{self, RuleSet};
use claimlint::subject::NamesInText;
use proptest::prelude::*;
use std::sync::LazyLock;

use crate::common::html_recipe;

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let rules = RuleSet::with_default_pack().expect("default pack");
    Gazetteer::new(rules.entities, &rules.nouns)
});

/// Pieces the grammars react to, so that random text reaches deep into them.
const TOKENS: &[&str] = &[
    "1",
    "12",
    "1,234",
    "1 234",
    "4 000",
    ".5",
    "2.5",
    "3/4",
    "½",
    "3½",
    "1e10",
    "x10^",
    "−",
    "-",
    "–",
    "$",
    "US$",
    "€",
    "£",
    "¥",
    "USD",
    "usd",
    "%",
    "percent",
    "per cent",
    "percentage points",
    "twenty",
    "-nine",
    "hundred",
    "and",
    "a",
    "half",
    "dozen",
    "thousand",
    "million",
    "bn",
    "k",
    "m",
    "point",
    "nought",
    "thirds",
    "fifth",
    "between",
    "from",
    "to",
    "or",
    "more",
    "than",
    "fewer",
    "less",
    "at least",
    "up to",
    "about",
    "~",
    "<=",
    ">",
    "(",
    ")",
    "out of",
    "in",
    "over",
    "-strong",
    "-year",
    "km",
    "kg",
    "feet",
    "inches",
    "'",
    "\"",
    "°",
    "degrees",
    "F",
    "C",
    "K",
    "cents",
    "c",
    "dollars",
    "and 50",
    "January",
    "2020",
    "pm",
    "a.m.",
    "Tuesday",
    "last year",
    "NATO",
    "Secretary General",
    "Jens",
    "Stoltenberg",
    ",",
    ".",
    "’s",
    "soldiers",
    "Iraqi",
    "of its",
    "\n",
    "- ",
    " ",
    "\u{a0}",
    "\u{202f}",
    "é",
    "😀",
    "\r\n",
    "&",
    "&amp;",
    "&nbsp;",
    "<p>",
    "</td>",
];

fn claims_are_sound(bytes: Vec<u8>) {
    claims_are_sound_in("p.md", bytes.clone());
    claims_are_sound_in("p.html", bytes);
}

fn claims_are_sound_in(name: &str, bytes: Vec<u8>) {
    let Ok(doc) = documents::parse(name.into(), bytes, None) else {
        return;
    };
    let text = &doc.file.text;
    for claim in extract::extract(0, &doc, &GAZETTEER) {
        assert!(claim.span.start <= claim.span.end && claim.span.end <= text.len());
        assert!(text.is_char_boundary(claim.span.start) && text.is_char_boundary(claim.span.end));
        if let Some(value) = claim.value
            && let (Some(low), Some(high)) = (value.low, value.high)
        {
            assert!(
                low <= high || low.is_nan() || high.is_nan(),
                "{low} > {high} in {:?}",
                &text[claim.span]
            );
        }
    }
}

proptest! {
    // A failure prints the shrunk input; add it to `former_panics_stay_fixed` with the fix.
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        claims_are_sound(bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        claims_are_sound(text.into_bytes());
    }

    #[test]
    fn number_shaped_text_never_panics(
        pieces in prop::collection::vec((prop::sample::select(TOKENS), prop::sample::select(&[" ", "", "-", ", "][..])), 0..60)
    ) {
        let text: String = pieces.iter().flat_map(|(token, sep)| [*token, *sep]).collect();
        claims_are_sound(text.into_bytes());
    }
}

/// An HTML document loads, with sound claims, or is skipped for a tag too deep to tokenize;
/// it never takes the process down (a stack overflow aborts the whole test binary).
fn html_loads_or_is_skipped(html: String) {
    let quotes = memchr::memchr_iter(b'"', html.as_bytes()).count();
    match documents::parse("page.html".into(), html.into_bytes(), None) {
        Ok(doc) => {
            let text = &doc.file.text;
            for claim in extract::extract(0, &doc, &GAZETTEER) {
                assert!(claim.span.start <= claim.span.end && claim.span.end <= text.len());
                assert!(text.is_char_boundary(claim.span.start) && text.is_char_boundary(claim.span.end));
            }
        }
        Err(skipped) => {
            assert!(
                skipped.reason.contains("quoted attributes in a row"),
                "{}",
                skipped.reason
            );
            assert!(
                quotes > 2 * MAX_ATTRIBUTE_CHAIN,
                "skipped with {quotes} quotes: {}",
                skipped.reason
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    /// Many attributes, deep nesting, unclosed tags, huge attribute values: pieces repeated up
    /// to 6 400 times, up to 64 KiB.
    #[test]
    fn generated_html_loads_or_is_skipped_with_a_reason(
        recipe in prop::collection::vec((any::<u8>(), 0u8..80), 1..24)
    ) {
        let bytes: Vec<u8> = recipe.into_iter().flat_map(|(piece, times)| [piece, times]).collect();
        html_loads_or_is_skipped(html_recipe::build(&bytes, 64 << 10));
    }
}

/// Invisible format characters, as in `tests/extraction.rs`.
const INVISIBLE: &[char] = &[
    '\u{ad}', '\u{61c}', '\u{180e}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{200e}', '\u{200f}', '\u{202a}',
    '\u{202e}', '\u{2060}', '\u{2064}', '\u{2066}', '\u{2069}', '\u{206f}', '\u{feff}',
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, failure_persistence: None, ..ProptestConfig::default() })]

    /// Invisible characters anywhere inside a number never change what it is read as, and the
    /// claim spans them in the original.
    #[test]
    fn invisible_characters_inside_a_number_never_change_its_value(
        value in 10u32..10_000_000,
        grouped in any::<bool>(),
        inserts in prop::collection::vec((any::<prop::sample::Index>(), prop::sample::select(INVISIBLE)), 1..4),
        format in prop::sample::select(&["t.txt", "t.md", "t.html"][..]),
    ) {
        let digits = value.to_string();
        let written: String = if grouped {
            let lead = digits.len() % 3;
            digits
                .char_indices()
                .flat_map(|(i, d)| [(i > 0 && i % 3 == lead).then_some(','), Some(d)])
                .flatten()
                .collect()
        } else {
            digits
        };
        let mut number: Vec<char> = written.chars().collect();
        for (at, c) in &inserts {
            // Between two characters of the number, never before or after it.
            let at = 1 + at.index(number.len() - 1);
            number.insert(at, *c);
        }
        let number: String = number.into_iter().collect();
        let text = format!("NATO has {number} trainers in Iraq.\n");
        let doc = documents::parse(format.into(), text.clone().into_bytes(), None).unwrap();
        let claims = extract::extract(0, &doc, &GAZETTEER);
        let read: Vec<(&str, Option<f64>)> = claims
            .iter()
            .filter_map(|c| Some((&text[c.span.clone()], c.value?.low)))
            .collect();
        let expected = format!("{number} trainers");
        prop_assert_eq!(read, vec![(expected.as_str(), Some(f64::from(value)))]);
    }
}

/// Inputs that once panicked, kept so they never do again.
#[test]
fn former_panics_stay_fixed() {
    for text in [
        "NATO\u{a0}Jens\u{a0}Jens, soldiers,",
        "Secretary General Jens\u{a0}\u{a0}Jens, soldiers,",
        "NATOusd\u{a0} Jens, ",
        "k \u{a0} 3/4, ",
        "&al last year’\r\n",
    ] {
        claims_are_sound(text.as_bytes().to_vec());
    }
}

/// Any interval a claim can carry: bounded or open on either side, exact or approximate.
fn interval() -> impl Strategy<Value = Interval> {
    let end = prop::option::of(-1e6f64..1e6);
    (end.clone(), end, any::<bool>(), any::<bool>(), any::<bool>()).prop_map(
        |(a, b, low_inclusive, high_inclusive, approximate)| {
            let (low, high) = match (a, b) {
                (Some(a), Some(b)) => (Some(a.min(b)), Some(a.max(b))),
                other => other,
            };
            // A single point is stated inclusively ("exactly 20"); an empty interval is no claim.
            let point = low.is_some() && low == high;
            Interval {
                low,
                high,
                low_inclusive: low_inclusive || point,
                high_inclusive: high_inclusive || point,
                approximate,
            }
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn contradiction_is_symmetric(a in interval(), b in interval(), tolerance in 0.0f64..1.0) {
        prop_assert_eq!(rules::compatible(&a, &b, tolerance), rules::compatible(&b, &a, tolerance));
    }

    #[test]
    fn a_value_is_consistent_with_itself(a in interval(), tolerance in 0.0f64..1.0) {
        prop_assert!(rules::compatible(&a, &a, tolerance));
    }

    #[test]
    fn widening_the_tolerance_never_adds_a_contradiction(
        a in interval(),
        b in interval(),
        tolerance in 0.0f64..1.0,
        more in 0.0f64..1.0,
    ) {
        if rules::compatible(&a, &b, tolerance) {
            prop_assert!(rules::compatible(&a, &b, tolerance + more));
        }
    }

    #[test]
    fn a_partial_date_spans_the_days_it_names(
        year in 1900i16..2100,
        month in prop::option::of(1i8..=12),
        day in 1i8..=28,
        with_day in any::<bool>(),
    ) {
        let date = calendar::PartialDate { year: Some(year), month, day: (with_day && month.is_some()).then_some(day) };
        let (first, last) = date.bounds(None).expect("a valid date");
        prop_assert!(first <= last);
        prop_assert_eq!(first.year(), year);
        if let Some(month) = month {
            prop_assert_eq!((first.month(), last.month()), (month, month));
        }
        // A year-less date takes the year it is given, and has none without one.
        let year_less = calendar::PartialDate { year: None, ..date };
        prop_assert_eq!(year_less.bounds(Some(year)), Some((first, last)));
        prop_assert_eq!(year_less.bounds(None), None);
    }
}

/// One story of a generated document set: its date and what it says of NATO's trainers.
#[derive(Debug, Clone)]
struct Story {
    day: u8,
    comparator: &'static str,
    value: u32,
}

fn story() -> impl Strategy<Value = Story> {
    (
        1u8..=20,
        prop::sample::select(&["", "about ", "fewer than ", "more than ", "up to "][..]),
        prop::sample::select(&[100u32, 200, 450, 500, 520, 4000][..]),
    )
        .prop_map(|(day, comparator, value)| Story { day, comparator, value })
}

/// The findings of the stories in the given order, as order-free text: each finding's rule,
/// message and the places of its claims.
fn findings_of(stories: &[(usize, &Story)]) -> Vec<String> {
    let rules = RuleSet::with_default_pack().expect("default pack");
    let documents: Vec<documents::Document> = stories
        .iter()
        .map(|(name, s)| {
            let text = format!(
                "---\ndate: 2020-02-{:02}\nsource: Outlet {name}\n---\nNATO has {}{} trainers in Iraq.\n",
                s.day, s.comparator, s.value
            );
            documents::parse(format!("story-{name}.md"), text.into_bytes(), None).expect("story parses")
        })
        .collect();
    let claims: Vec<_> = documents
        .iter()
        .enumerate()
        .flat_map(|(i, d)| extract::extract(i, d, &GAZETTEER))
        .collect();
    let files: Vec<_> = documents.iter().map(|d| &d.file).collect();
    let graph = link::link(&claims, &files, &NamesInText::default(), &rules.subjects, &GAZETTEER);
    let metas: Vec<_> = documents.iter().map(|d| d.meta.clone()).collect();
    let cx = rules::RuleContext {
        claims: &claims,
        documents: &metas,
        graph: &graph,
        lock: None,
    };
    let mut found: Vec<String> = rules::run(&cx, &rules)
        .iter()
        .map(|f| {
            let mut places: Vec<String> = f
                .claims
                .iter()
                .map(|&c| format!("{}:{}", documents[claims[c].doc].file.path, claims[c].span.start))
                .collect();
            places.sort();
            format!(
                "{} {} {}",
                f.rule,
                f.message.split(':').next().unwrap_or_default(),
                places.join(",")
            )
        })
        .collect();
    found.sort();
    found
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_order_of_documents_never_changes_the_findings(
        stories in prop::collection::vec(story(), 2..7),
        order in Just(()).prop_perturb(|(), mut rng| rng.random::<u64>()),
    ) {
        let named: Vec<(usize, &Story)> = stories.iter().enumerate().collect();
        let mut shuffled = named.clone();
        // A deterministic shuffle from the generated seed.
        let mut seed = order;
        for i in (1..shuffled.len()).rev() {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (seed >> 33) as usize % (i + 1));
        }
        prop_assert_eq!(findings_of(&named), findings_of(&shuffled));
    }
}

#[test]
fn generated_story_sets_do_produce_findings() {
    let early = Story {
        day: 3,
        comparator: "",
        value: 500,
    };
    let late = Story {
        day: 5,
        comparator: "fewer than ",
        value: 100,
    };
    let found = findings_of(&[(0, &early), (1, &late)]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("numeric-contradiction "), "{found:?}");
}

/// Two claims of one day, one of them `fewer than` the other, and a later smaller one: which of
/// the two same-day claims is the later one's neighbour once decided whether a change was found.
#[test]
fn claims_of_one_day_are_ordered_by_what_they_say() {
    let later = Story {
        day: 17,
        comparator: "",
        value: 100,
    };
    let exact = Story {
        day: 2,
        comparator: "",
        value: 200,
    };
    let bounded = Story {
        day: 2,
        comparator: "fewer than ",
        value: 200,
    };
    let one_way = findings_of(&[(0, &later), (1, &exact), (2, &bounded)]);
    let other_way = findings_of(&[(0, &later), (2, &bounded), (1, &exact)]);
    assert_eq!(one_way, other_way);
    assert!(
        one_way.iter().any(|f| f.starts_with("numeric-contradiction ")),
        "{one_way:?}"
    );
}
