//! Properties that hold for any input: the extractor never panics, whatever bytes it is given,
//! and every claim it returns points at real text.

use claimlint::documents;
use claimlint::extract::{self, Gazetteer};
use claimlint::rules::RuleSet;
use proptest::prelude::*;
use std::sync::LazyLock;

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
