//! `claimlint.toml` on arbitrary text: either it loads or it says what is wrong.
#![no_main]

use std::path::Path;

use claimlint::cli::config::{Config, ConfigError};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Err(ConfigError::Invalid(errors)) = Config::parse(Path::new("claimlint.toml"), text) {
        assert!(!errors.is_empty());
        for error in errors {
            assert!(error.line >= 1 && error.column >= 1);
        }
    }
});
