//! Document loading on arbitrary bytes: front matter, Markdown and HTML prose, then extraction,
//! the names the text writes, and linking. The first byte picks the format.
#![no_main]

use std::sync::LazyLock;

use claimlint::documents;
use claimlint::extract::{self, Gazetteer};
use claimlint::link;
use claimlint::rules::RuleSet;
use claimlint::subject;
use libfuzzer_sys::fuzz_target;

static RULES: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::with_default_pack().expect("default pack"));
static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer::new(RULES.entities.clone(), &RULES.nouns));

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = ["fuzz.txt", "fuzz.md", "fuzz.html"][usize::from(pick % 3)];
    let Ok(doc) = documents::parse(name.into(), bytes.to_vec(), None) else {
        return;
    };
    let text = &doc.file.text;
    assert!(doc.body.end <= text.len() && doc.content().start <= doc.content().end);
    let mut claims = extract::extract(0, &doc, &GAZETTEER);
    // Dated against a set with one other, dated document, as an undated story is.
    if doc.meta.date.is_none() {
        let other = claimlint::calendar::iso_date("2020-06-15")
            .ok()
            .and_then(|(_, date)| date.bounds(None))
            .map(|(first, _)| first);
        let dates = [None, other];
        extract::date_undated(&mut claims, &dates, &|_, range| doc.file.slice(range));
    }
    for claim in &claims {
        assert!(claim.span.end <= text.len());
        assert!(text.is_char_boundary(claim.span.start) && text.is_char_boundary(claim.span.end));
        let (line, column) = doc.file.line_col(claim.span.start);
        assert!(line >= 1 && column >= 1);
    }
    let names = subject::document_names(&doc);
    for name in &names {
        assert!(name.range.end <= text.len() && text.is_char_boundary(name.range.start));
        assert!(text.is_char_boundary(name.range.end));
    }
    let known = subject::NamesInText::of_documents([&names[..], &names[..]].into_iter());
    link::link(&claims, &[&doc.file], &known, &RULES.subjects, &GAZETTEER);
});
