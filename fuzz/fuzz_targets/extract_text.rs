//! The extraction grammars on arbitrary text: no panic, and every claim points at real text.
#![no_main]

use std::sync::LazyLock;

use claimlint::documents;
use claimlint::extract::{self, Gazetteer};
use claimlint::rules::RuleSet;
use libfuzzer_sys::fuzz_target;

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let rules = RuleSet::with_default_pack().expect("default pack");
    Gazetteer::new(rules.entities, &rules.nouns)
});

fuzz_target!(|text: &str| {
    let Ok(doc) = documents::parse("fuzz.txt".into(), text.as_bytes().to_vec(), None) else {
        return;
    };
    for claim in extract::extract(0, &doc, &GAZETTEER) {
        let span = claim.span;
        assert!(span.start <= span.end && span.end <= text.len());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        if let Some(value) = claim.value
            && let (Some(low), Some(high)) = (value.low, value.high)
        {
            assert!(low <= high || low.is_nan() || high.is_nan(), "{low} > {high}");
        }
    }
});
