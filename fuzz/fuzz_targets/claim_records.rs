//! `check --claims` records on arbitrary text: they parse into claims of stand-in documents,
//! or fail with `file:line:` and a reason. A stand-in text is as long as the claims' texts,
//! whatever numbers the records hold, and every claim is reported where its record says.
#![no_main]

use claimlint::records;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let parsed = match records::parse("fuzz.jsonl", text) {
        Ok(parsed) => parsed,
        Err(message) => {
            assert!(message.starts_with("fuzz.jsonl:"), "{message}");
            return;
        }
    };
    let mut places: Vec<(String, usize, usize)> = parsed.iter().map(|r| (r.file.clone(), r.line, r.column)).collect();
    let texts: usize = parsed.iter().map(|r| r.text.len() + 1).sum();
    let imported = records::import(parsed);
    let held: usize = imported.documents.iter().map(|d| d.file.text.len()).sum();
    assert!(
        held <= texts + imported.documents.len(),
        "{held} bytes for {texts} of claims"
    );
    let mut found: Vec<(String, usize, usize)> = imported
        .claims
        .iter()
        .map(|claim| {
            let file = &imported.documents[claim.doc].file;
            assert!(claim.span.start <= claim.span.end && claim.span.end <= file.text.len());
            assert!(file.text.is_char_boundary(claim.span.start) && file.text.is_char_boundary(claim.span.end));
            if let Some(value) = claim.value
                && let (Some(low), Some(high)) = (value.low, value.high)
            {
                assert!(low <= high);
            }
            let (line, column) = file.line_col(claim.span.start);
            (file.path.clone(), line, column)
        })
        .collect();
    places.sort();
    found.sort();
    assert_eq!(places, found);
});
