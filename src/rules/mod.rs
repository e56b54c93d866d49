//! Rules: checks that run over the linked claims and produce findings.
//!
//! Each built-in rule is one file in `builtin/`, declared with [`declare_rule!`] so that its
//! doc comment is the documentation `claimlint rules explain` prints. Rule files (TOML) declare
//! entities, subjects and checks; `file` parses and validates them with file:line:column errors.
//! The default pack in the top-level `rules/` folder is embedded in the binary.
//!
//! **Invariant:** rules see the claims, the documents' metadata and the graph only; they do no
//! I/O, print nothing and never read the clock.

mod builtin;
pub mod file;
pub mod suppress;

use std::fmt;

use jiff::civil::Date;
use serde::Serialize;

use crate::documents::DocMeta;
use crate::extract::{Claim, Interval};
use crate::link::ClaimGraph;
use crate::lock::Lock;

pub use builtin::BUILTIN;
pub use file::{CheckDef, RuleError, RuleSet};

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "info" => Some(Self::Info),
            "warning" => Some(Self::Warning),
            "error" => Some(Self::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Error => "error",
        })
    }
}

/// A rule's name and documentation, captured from its doc comment.
#[derive(Debug)]
pub struct RuleMeta {
    pub name: &'static str,
    pub default_severity: Severity,
    /// The doc comment, Markdown.
    pub docs: &'static str,
}

impl RuleMeta {
    /// The opening sentence of the docs after the `## What it finds` heading, on one line.
    pub fn summary(&self) -> String {
        let paragraph: Vec<&str> = self
            .docs
            .lines()
            .map(str::trim)
            .skip_while(|l| l.is_empty() || l.starts_with('#'))
            .take_while(|l| !l.is_empty())
            .collect();
        let paragraph = paragraph.join(" ");
        // Up to the first full stop or colon, as one sentence.
        let end = [". ", ": "].iter().filter_map(|stop| paragraph.find(stop)).min();
        match end {
            Some(end) => format!("{}.", &paragraph[..end]),
            None => paragraph,
        }
    }
}

/// Every rule's metadata: the built-in checks, then the rule that reports unused
/// suppressions. `rules list`, `rules explain` and the SARIF driver show these.
pub fn all_rules() -> Vec<&'static RuleMeta> {
    BUILTIN
        .iter()
        .map(|r| r.meta())
        .chain([&suppress::UnusedSuppression::META])
        .collect()
}

/// Declares a built-in rule: a unit struct plus its [`RuleMeta`], docs taken from the doc
/// comment.
macro_rules! declare_rule {
    ($(#[doc = $doc:literal])+ pub $name:ident { name: $id:literal, severity: $severity:ident }) => {
        $(#[doc = $doc])+
        pub struct $name;

        impl $name {
            pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                name: $id,
                default_severity: $crate::rules::Severity::$severity,
                docs: concat!($($doc, "\n"),+),
            };
        }
    };
}
pub(crate) use declare_rule;

/// Settings of one check, resolved from rule files.
#[derive(Debug, Clone)]
pub struct CheckSettings {
    pub severity: Severity,
    /// Relative tolerance applied to both ends of every value (0.15 for `"15%"`).
    pub tolerance: f64,
    /// Days within which values are taken to speak about the same time.
    pub window_days: i32,
}

/// What a rule sees.
pub struct RuleContext<'a> {
    pub claims: &'a [Claim],
    pub documents: &'a [DocMeta],
    pub graph: &'a ClaimGraph,
    /// The claims lock and the run's claims in lock form, when a lock exists.
    pub lock: Option<LockContext<'a>>,
}

/// A claims lock read from disk and the same run's claims as a lock, for `claims-lock`.
pub struct LockContext<'a> {
    pub locked: &'a Lock,
    pub current: &'a Lock,
    /// The lock file as the user names it.
    pub name: &'a str,
    /// The lock's folder, which the lock's document paths are relative to.
    pub folder: &'a str,
}

impl LockContext<'_> {
    /// A document path of the lock as a path from the working directory.
    pub fn document_path(&self, path: &str) -> String {
        if self.folder.is_empty() || self.folder == "." {
            path.to_owned()
        } else {
            format!("{}/{path}", self.folder.trim_end_matches('/'))
        }
    }
}

impl RuleContext<'_> {
    /// The date a claim speaks about (its latest day), if known.
    pub fn date_of(&self, claim: usize) -> Option<Date> {
        self.claims[claim].time.and_then(|t| t.to.or(t.from))
    }
}

/// One problem found, standing on the claims it quotes.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub subject: Option<String>,
    pub message: String,
    /// Claim indices, in the order the finding tells them.
    #[serde(skip)]
    pub claims: Vec<usize>,
    /// For changes: the values in time order, one line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeline: Option<String>,
    /// Where a finding with no claim to quote stands (a claim gone from the documents, an
    /// unused suppression).
    #[serde(skip)]
    pub site: Option<Site>,
}

/// A place in a file named without a claim: a path, a 1-based line and column, and the text
/// there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub text: String,
}

/// A built-in rule.
pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;
    fn check(&self, cx: &RuleContext<'_>, checks: &[ResolvedCheck], out: &mut Vec<Finding>);
}

/// A check of the rule set, ready to run: which subjects it covers and its settings.
#[derive(Debug, Clone)]
pub struct ResolvedCheck {
    /// `*` for every subject.
    pub subject: String,
    pub settings: CheckSettings,
}

impl ResolvedCheck {
    /// The most specific check covering `subject`: an exact match before `*`.
    pub fn for_subject<'c>(checks: &'c [ResolvedCheck], subject: &str) -> Option<&'c CheckSettings> {
        checks
            .iter()
            .find(|c| c.subject == subject)
            .or_else(|| checks.iter().find(|c| c.subject == "*"))
            .map(|c| &c.settings)
    }
}

/// Runs every built-in rule with the checks the rule set configures for it, and returns the
/// findings sorted by severity (highest first) and position.
pub fn run(cx: &RuleContext<'_>, rules: &RuleSet) -> Vec<Finding> {
    let mut findings = Vec::new();
    for rule in BUILTIN {
        let checks = rules.checks_for(rule.meta());
        if !checks.is_empty() {
            rule.check(cx, &checks, &mut findings);
        }
    }
    let position = |f: &Finding| f.claims.first().map(|&c| (cx.claims[c].doc, cx.claims[c].span.start));
    findings.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| position(a).cmp(&position(b)))
            .then(a.rule.cmp(b.rule))
    });
    findings
}

/// The ends of a value, an approximate one widened by a relative tolerance on both ends.
/// Exact values ("29 allies", "fewer than 20") are taken as written.
pub fn widen(value: &Interval, tolerance: f64) -> (f64, f64) {
    let tolerance = if value.approximate { tolerance } else { 0.0 };
    let low = value.low.map_or(f64::NEG_INFINITY, |l| l - l.abs() * tolerance);
    let high = value.high.map_or(f64::INFINITY, |h| h + h.abs() * tolerance);
    (low, high)
}

/// Whether two values can both be true, approximate ones widened by `tolerance`. Open ends are
/// honoured: "fewer than 20" and "20" cannot both hold.
pub fn compatible(a: &Interval, b: &Interval, tolerance: f64) -> bool {
    rounds_to(a, b) || rounds_to(b, a) || compatible_widened(a, b, tolerance)
}

/// Whether two exact intervals overlap, as written.
fn compatible_ends(a: &Interval, b: &Interval) -> bool {
    compatible_widened(a, b, 0.0)
}

fn compatible_widened(a: &Interval, b: &Interval, tolerance: f64) -> bool {
    let (a_low, a_high) = widen(a, tolerance);
    let (b_low, b_high) = widen(b, tolerance);
    let touching_ok = |high_inclusive: bool, low_inclusive: bool| high_inclusive && low_inclusive;
    let a_before_b = a_high < b_low || a_high == b_low && !touching_ok(a.high_inclusive, b.low_inclusive);
    let b_before_a = b_high < a_low || b_high == a_low && !touching_ok(b.high_inclusive, a.low_inclusive);
    !(a_before_b || b_before_a)
}

/// Whether a value is a vague amount (`thousands` is 2,000–9,000, `several hundred` 300–900):
/// approximate, with an upper end at least three times its lower one. Such a value shows
/// neither a move nor a disagreement of a figure.
pub fn is_vague(value: &Interval) -> bool {
    value.approximate && matches!((value.low, value.high), (Some(low), Some(high)) if low > 0.0 && high >= 3.0 * low)
}

/// A value's point when it is one exact number (not approximate, not a range or a bound).
fn exact_point(value: &Interval) -> Option<f64> {
    match (value.low, value.high) {
        (Some(low), Some(high)) if low == high && !value.approximate && low.is_finite() && low.abs() < 1e12 => {
            Some(low)
        }
        _ => None,
    }
}

/// How many decimals an exact value is written with (`63.8` → 1, `64` → 0); `None` for any
/// other value.
pub fn decimal_places(value: &Interval) -> Option<usize> {
    let point = exact_point(value)?;
    // Most values are whole: no formatting for them.
    if point.fract() == 0.0 {
        return Some(0);
    }
    Some(format!("{point}").split_once('.').map_or(0, |(_, d)| d.len()).min(9))
}

/// `value` as the numbers that round to it, when it is written with fewer decimals than
/// `finest`: `64%` among shares written like `63.8%` stands for 63.5 up to (not including)
/// 64.5. Any other value is returned as it is.
pub fn as_rounded(value: Interval, finest: usize) -> Interval {
    match decimal_places(&value) {
        Some(places) if places < finest => {
            let half = 0.5 / 10f64.powi(places as i32);
            let point = value.low.unwrap_or_default();
            Interval {
                low: Some(point - half),
                high: Some(point + half),
                low_inclusive: true,
                high_inclusive: false,
                approximate: false,
            }
        }
        _ => value,
    }
}

/// Whether exact `fine` is `coarse` written with more decimals: `63.8%` and `64%` are one
/// share, rounded. Values written to the same places (`44.5%`, `44.7%`) are not.
fn rounds_to(fine: &Interval, coarse: &Interval) -> bool {
    // Two whole values are no rounding of each other: the common case, decided before any
    // formatting.
    if fine.low.is_some_and(|v| v.fract() == 0.0) {
        return false;
    }
    let (Some(fine_places), Some(coarse_places)) = (decimal_places(fine), decimal_places(coarse)) else {
        return false;
    };
    fine_places > coarse_places && compatible_ends(fine, &as_rounded(*coarse, fine_places))
}

/// A value as a reader would write it: `10–17`, `fewer than 20`, `more than 20`, `≈500`.
pub fn describe(value: &Interval) -> String {
    let number = |v: f64| {
        if v.fract() == 0.0 && v.abs() < 1e15 {
            let digits = format!("{}", v as i64);
            let mut out = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 && c.is_ascii_digit() {
                    out.push(',');
                }
                out.push(c);
            }
            out
        } else {
            format!("{v}")
        }
    };
    let text = match (value.low, value.high) {
        (Some(l), Some(h)) if l == h => number(l),
        (Some(l), Some(h)) => format!("{}–{}", number(l), number(h)),
        (None, Some(h)) if value.high_inclusive => format!("at most {}", number(h)),
        (None, Some(h)) => format!("fewer than {}", number(h)),
        (Some(l), None) if value.low_inclusive => format!("at least {}", number(l)),
        (Some(l), None) => format!("more than {}", number(l)),
        (None, None) => "unknown".to_owned(),
    };
    if value.approximate { format!("≈{text}") } else { text }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn interval(low: Option<f64>, high: Option<f64>, low_inclusive: bool, high_inclusive: bool) -> Interval {
        Interval {
            low,
            high,
            low_inclusive,
            high_inclusive,
            approximate: false,
        }
    }

    fn about(value: f64) -> Interval {
        Interval {
            approximate: true,
            ..interval(Some(value), Some(value), true, true)
        }
    }

    #[test]
    fn vague_amounts_are_wide_approximate_ranges() {
        let approximate = |low: f64, high: f64| Interval {
            approximate: true,
            ..interval(Some(low), Some(high), true, true)
        };
        assert!(is_vague(&approximate(2000.0, 9000.0)));
        assert!(is_vague(&approximate(300.0, 900.0)));
        assert!(!is_vague(&about(1600.0)));
        assert!(!is_vague(&approximate(500.0, 600.0)));
        assert!(!is_vague(&interval(Some(793.0), Some(8498.0), true, true)));
    }

    #[test]
    fn a_value_written_with_more_decimals_rounds_to_the_coarser_one() {
        let exact = |v: f64| interval(Some(v), Some(v), true, true);
        assert!(compatible(&exact(63.8), &exact(64.0), 0.0));
        assert!(compatible(&exact(64.0), &exact(63.8), 0.0));
        assert!(compatible(&exact(55.25), &exact(55.3), 0.0));
        // Same places, or a rounding that lands elsewhere, still disagree.
        assert!(!compatible(&exact(44.5), &exact(44.7), 0.0));
        assert!(!compatible(&exact(84.6), &exact(86.0), 0.0));
        assert!(!compatible(&exact(1187.0), &exact(1200.0), 0.0));
        // An approximate or open value is not a rounding of anything.
        assert!(!compatible(&about(63.8), &exact(65.0), 0.0));
    }

    #[test]
    fn compatibility_honours_open_ends_and_tolerance() {
        let range = interval(Some(10.0), Some(17.0), true, true);
        let fewer_than_20 = interval(None, Some(20.0), true, false);
        let twenty = interval(Some(20.0), Some(20.0), true, true);
        let five_hundred = interval(Some(500.0), Some(500.0), true, true);
        let several_hundred = interval(Some(300.0), Some(900.0), true, true);
        assert!(compatible(&range, &fewer_than_20, 0.0));
        assert!(!compatible(&twenty, &fewer_than_20, 0.0));
        assert!(
            !compatible(&twenty, &fewer_than_20, 0.1),
            "exact values are not widened"
        );
        assert!(compatible(&five_hundred, &several_hundred, 0.0));
        assert!(!compatible(&fewer_than_20, &five_hundred, 0.15));
        let (hundred, hundred_ten) = (
            interval(Some(100.0), Some(100.0), true, true),
            interval(Some(110.0), Some(110.0), true, true),
        );
        assert!(!compatible(&hundred, &hundred_ten, 0.5));
        assert!(compatible(&about(100.0), &hundred_ten, 0.1));
        assert!(!compatible(&about(100.0), &hundred_ten, 0.05));
        assert!(compatible(&about(100.0), &about(110.0), 0.05));
    }

    #[test]
    fn describes_values_as_a_reader_would() {
        assert_eq!(describe(&interval(Some(10.0), Some(17.0), true, true)), "10–17");
        assert_eq!(describe(&interval(None, Some(20.0), true, false)), "fewer than 20");
        assert_eq!(describe(&interval(Some(20.0), None, false, true)), "more than 20");
        assert_eq!(
            describe(&interval(Some(8.8e10), Some(8.8e10), true, true)),
            "88,000,000,000"
        );
    }
}
