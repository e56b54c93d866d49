//! The readers of `claimlint.lock` and `claimlint-baseline.json` on arbitrary text; a lock that
//! parses renders to text that parses to the same lock.
#![no_main]

use claimlint::baseline::Baseline;
use claimlint::lock::Lock;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = Baseline::parse("fuzz.json", text);
    if let Ok(lock) = Lock::parse("claimlint.lock", text) {
        let again = Lock::parse("claimlint.lock", &lock.render()).expect("a rendered lock parses");
        assert_eq!(again.render(), lock.render());
    }
});
