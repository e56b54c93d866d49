//! HTML documents: either arbitrary bytes, or (when the first byte is odd) a text built from a
//! recipe of tag, attribute and prose pieces, so that short inputs reach tags with thousands of
//! attributes, deep nesting, unclosed tags and huge values. A document loads or is skipped
//! with a reason; it never takes the process down.
#![no_main]

use std::sync::LazyLock;

use claimlint::documents;
use claimlint::extract::{self, Gazetteer};
use claimlint::rules::RuleSet;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/html_recipe.rs"]
mod html_recipe;

static RULES: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::with_default_pack().expect("default pack"));
static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer::new(RULES.entities.clone(), &RULES.nouns));

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let bytes = if mode & 1 == 1 {
        html_recipe::build(rest, 1 << 17).into_bytes()
    } else {
        rest.to_vec()
    };
    match documents::parse("fuzz.html".into(), bytes, None) {
        Ok(doc) => {
            let text = &doc.file.text;
            for claim in extract::extract(0, &doc, &GAZETTEER) {
                assert!(claim.span.start <= claim.span.end && claim.span.end <= text.len());
                assert!(text.is_char_boundary(claim.span.start) && text.is_char_boundary(claim.span.end));
            }
            for comment in &doc.comments {
                assert!(comment.range.end <= text.len());
            }
        }
        Err(skipped) => assert!(!skipped.reason.is_empty()),
    }
});
