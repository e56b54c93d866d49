//! claimlint finds claims that drift or disagree across a document set.
//!
//! The pipeline runs one way, one module per stage:
//!
//! ```text
//! documents → extract → link → rules → report
//!                  driven by cli
//! ```
//!
//! `source`, `calendar` and `atomic` are shared ground below every stage: positions in files,
//! the calendar grammar, and whole-or-nothing file writes. `lock` is the claims lock that
//! `claimlint lock` writes and the `claims-lock` rule reads; `baseline` holds the known
//! findings `check --baseline` leaves out; `cache` keeps each document's claims between runs;
//! `records` reads claim records made elsewhere back into claims (`check --claims`).

pub mod atomic;
pub mod baseline;
pub mod cache;
pub mod calendar;
pub mod lock;
pub mod records;
pub mod source;

pub mod documents;
pub mod extract;
pub mod link;
pub mod report;
pub mod rules;
pub mod subject;

pub mod cli;
