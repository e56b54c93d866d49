//! The built-in rules, in the order `claimlint rules list` shows them.

mod name_variant;
mod numeric_change;
mod numeric_contradiction;
mod role_change;

use super::Rule;

pub use name_variant::NameVariant;
pub use numeric_change::NumericChange;
pub use numeric_contradiction::NumericContradiction;
pub use role_change::RoleChange;

/// Every built-in rule.
pub static BUILTIN: &[&dyn Rule] = &[&NumericContradiction, &NumericChange, &NameVariant, &RoleChange];

/// Dated claims of a subject, sorted by date then position.
pub(super) fn dated_claims(cx: &super::RuleContext<'_>, claims: &[usize]) -> Vec<(jiff::civil::Date, usize)> {
    let mut dated: Vec<(jiff::civil::Date, usize)> =
        claims.iter().filter_map(|&c| cx.date_of(c).map(|d| (d, c))).collect();
    dated.sort_by_key(|&(date, claim)| (date, cx.claims[claim].doc, cx.claims[claim].span.start));
    dated
}

/// Days from `a` to `b`.
pub(super) fn days_between(a: jiff::civil::Date, b: jiff::civil::Date) -> i32 {
    a.until(b).ok().map_or(i32::MAX, |span| span.get_days().abs())
}
