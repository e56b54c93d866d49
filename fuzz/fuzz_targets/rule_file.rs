//! Rule files on arbitrary text: either they load or every error points inside the file.
#![no_main]

use claimlint::rules::RuleSet;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut rules = RuleSet::with_default_pack().expect("default pack");
    if let Err(errors) = rules.add("fuzz.rules.toml", text, false) {
        assert!(!errors.is_empty());
        for error in errors {
            assert!(error.line >= 1 && error.column >= 1);
            assert!(error.underline.end <= error.source_line.len());
        }
    }
});
