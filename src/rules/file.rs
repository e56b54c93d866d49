//! Rule files: TOML that declares entities, subjects, checks and counted nouns.
//!
//! ```toml
//! [[entity]]
//! id = "nato"
//! name = "NATO"
//! kind = "organization"
//! nouns = ["alliance"]
//!
//! [[subject]]
//! id = "nato/training-mission/personnel"
//! label = "personnel of NATO's training mission in Iraq"
//! entity = "nato"
//! class = "personnel"
//! context = ["train", "mission"]
//! pattern = "(?i)train(ing|ers)"   # optional; the sentence must match
//!
//! [[check]]
//! kind = "numeric-change"
//! subject = "nato/training-mission/personnel"
//! window = "60d"
//! severity = "warning"
//!
//! [nouns]
//! personnel = ["paratroopers"]
//! ```
//!
//! Unknown keys are errors; every error carries file:line:column and what was expected.

use std::fmt;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::extract::{EntityDef, EntityKind, UnitClass};
use crate::link::SubjectDef;
use crate::source::SourceFile;

use super::{BUILTIN, CheckSettings, ResolvedCheck, RuleMeta, Severity};

/// The default rule pack shipped in `rules/default.toml`.
pub const DEFAULT_PACK: &str = include_str!("../../rules/default.toml");
pub const DEFAULT_PACK_PATH: &str = "<built-in>/rules/default.toml";
/// The counted-noun lexicon shipped in `rules/lexicon.toml`.
pub const LEXICON: &str = include_str!("../../rules/lexicon.toml");
pub const LEXICON_PATH: &str = "<built-in>/rules/lexicon.toml";

/// What a rule file declares, read table by table (see [`parse_file`]).
#[derive(Debug, Default)]
struct RawFile {
    entity: Vec<RawEntity>,
    subject: Vec<RawSubject>,
    check: Vec<RawCheck>,
    /// Counted nouns by class: `personnel = ["troops", "trainers"]`.
    nouns: std::collections::BTreeMap<Spanned<String>, Vec<String>>,
}

/// The reference of every rule-file key, `claimlint rules keys` prints.
pub const KEYS_REFERENCE: &str = include_str!("../../docs/rule-files.md");

/// The keys a rule file takes at its top level and in each of its tables, in the order
/// errors list them; `docs/rule-files.md` explains each.
pub const FILE_KEYS: &[&str] = &["entity", "subject", "check", "nouns"];
pub const ENTITY_KEYS: &[&str] = &["id", "name", "kind", "aliases", "demonyms", "nouns", "part-of"];
pub const SUBJECT_KEYS: &[&str] = &[
    "id", "label", "entity", "class", "units", "aliases", "context", "place", "pattern",
];
pub const CHECK_KEYS: &[&str] = &["kind", "subject", "severity", "tolerance", "window"];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawEntity {
    id: Spanned<String>,
    name: String,
    kind: Spanned<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    #[serde(default)]
    nouns: Vec<String>,
    part_of: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawSubject {
    id: Spanned<String>,
    label: Option<String>,
    entity: Option<Spanned<String>>,
    class: Option<Spanned<String>>,
    #[serde(default)]
    units: Vec<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    context: Vec<String>,
    place: Option<Spanned<String>>,
    pattern: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawCheck {
    kind: Spanned<String>,
    subject: Option<Spanned<String>>,
    severity: Option<Spanned<String>>,
    tolerance: Option<Spanned<String>>,
    window: Option<Spanned<String>>,
}

/// A problem in a rule file, pointing at the place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// The offending source line and the byte range to underline in it.
    pub source_line: String,
    pub underline: Range<usize>,
}

impl RuleError {
    /// An error at byte range `span` of `source`, with the line it lies on to underline.
    pub fn at(source: &SourceFile, span: Range<usize>, message: String) -> Self {
        let (line, column) = source.line_col(span.start);
        let line_range = source.line_range(span.start);
        let start = span.start.clamp(line_range.start, line_range.end);
        let underline_end = span
            .end
            .min(line_range.end)
            .max(start + 1)
            .min(line_range.end.max(start));
        Self {
            path: source.path.clone(),
            line,
            column,
            message,
            source_line: source.text[line_range.clone()].to_owned(),
            underline: start - line_range.start..underline_end.saturating_sub(line_range.start),
        }
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.path, self.line, self.column, self.message)
    }
}

/// A check as declared, with the pack it came from.
#[derive(Debug, Clone)]
pub struct CheckDef {
    pub kind: String,
    pub subject: String,
    pub settings: CheckSettings,
    /// Declared in the built-in default pack.
    pub default_pack: bool,
    /// Where a user's rule file declares it (its `kind`), for warnings about it.
    pub declared_at: Option<RuleError>,
}

/// Everything the loaded rule files declare.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    pub entities: Vec<EntityDef>,
    pub subjects: Vec<SubjectDef>,
    pub checks: Vec<CheckDef>,
    /// Counted nouns (lower case) and their class, the built-in lexicon first.
    pub nouns: Vec<(String, UnitClass)>,
    /// Where each subject of a user's rule file is declared, for warnings about it.
    pub declared_at: Vec<(String, RuleError)>,
}

impl RuleSet {
    /// The rule set with only the built-in default pack.
    pub fn with_default_pack() -> Result<Self, Vec<RuleError>> {
        let mut set = Self::default();
        set.add(DEFAULT_PACK_PATH, DEFAULT_PACK, true)?;
        set.add(LEXICON_PATH, LEXICON, true)?;
        Ok(set)
    }

    /// The checks configured for a rule: the user's, if any rule file configures this rule,
    /// else the default pack's.
    pub fn checks_for(&self, rule: &RuleMeta) -> Vec<ResolvedCheck> {
        let of_rule = |default_pack: bool| -> Vec<ResolvedCheck> {
            self.checks
                .iter()
                .filter(|c| c.kind == rule.name && c.default_pack == default_pack)
                .map(|c| ResolvedCheck {
                    subject: c.subject.clone(),
                    settings: c.settings.clone(),
                })
                .collect()
        };
        let mut user = of_rule(false);
        // Of two checks of one subject the one loaded last wins (a `--rules` file's over the
        // config's), and `ResolvedCheck::for_subject` takes the first it finds.
        user.reverse();
        if user.is_empty() { of_rule(true) } else { user }
    }

    /// Warnings for the checks of users' rule files that a check loaded later replaces: the
    /// same rule for the same subject. A stray rule file must not change a check unseen.
    pub fn replaced_checks(&self) -> Vec<RuleError> {
        let mut last: std::collections::HashMap<(&str, &str), &RuleError> = std::collections::HashMap::new();
        for check in self.checks.iter().filter(|c| !c.default_pack) {
            if let Some(site) = &check.declared_at {
                last.insert((check.kind.as_str(), check.subject.as_str()), site);
            }
        }
        let mut warnings = Vec::new();
        for check in self.checks.iter().filter(|c| !c.default_pack) {
            let (Some(site), Some(winner)) = (
                &check.declared_at,
                last.get(&(check.kind.as_str(), check.subject.as_str())),
            ) else {
                continue;
            };
            if std::ptr::eq(site, *winner) {
                continue;
            }
            warnings.push(RuleError {
                message: format!(
                    "this {} check for subject `{}` is replaced by the one at {}:{}:{}, loaded later",
                    check.kind, check.subject, winner.path, winner.line, winner.column
                ),
                ..site.clone()
            });
        }
        warnings
    }

    /// The settings a check of `rule` gets for a key it leaves out: those of the built-in
    /// pack's check of that kind for every subject, else the rule's severity, no tolerance and
    /// the default window.
    pub fn default_settings(&self, rule: &RuleMeta) -> CheckSettings {
        self.checks
            .iter()
            .find(|c| c.default_pack && c.kind == rule.name && c.subject == "*")
            .map(|c| c.settings.clone())
            .unwrap_or(CheckSettings {
                severity: rule.default_severity,
                tolerance: 0.0,
                window_days: DEFAULT_WINDOW_DAYS,
            })
    }

    /// Parses and validates one rule file and adds what it declares. On error nothing is added.
    pub fn add(&mut self, path: &str, text: &str, default_pack: bool) -> Result<(), Vec<RuleError>> {
        let source = SourceFile::new(path, text);
        let error = |span: Range<usize>, message: String| RuleError::at(&source, span, message);
        let Parsed {
            raw,
            mut broken_ids,
            mut errors,
        } = parse_file(&source)?;
        // A table with a mistake still declares its id: what refers to it is not an error too.
        broken_ids.extend(raw.entity.iter().map(|e| e.id.get_ref().clone()));
        broken_ids.extend(raw.subject.iter().map(|s| s.id.get_ref().clone()));
        let mut entities = Vec::new();
        for entity in raw.entity {
            let Some(kind) = EntityKind::parse(entity.kind.get_ref()) else {
                errors.push(error(
                    entity.kind.span(),
                    format!(
                        "unknown entity kind `{}`, expected one of: organization, country, place, person",
                        entity.kind.get_ref()
                    ),
                ));
                continue;
            };
            entities.push(EntityDef {
                id: entity.id.into_inner(),
                name: entity.name,
                kind,
                aliases: entity.aliases,
                demonyms: entity.demonyms,
                part_of: entity.part_of.map(Spanned::into_inner),
                nouns: entity.nouns,
            });
        }
        let mut nouns = Vec::new();
        for (class_name, words) in raw.nouns {
            let Some(class) = UnitClass::parse(class_name.get_ref()) else {
                errors.push(error(
                    class_name.span(),
                    format!(
                        "unknown class `{}` in [nouns], expected one of: {}",
                        class_name.get_ref(),
                        UnitClass::NAMES
                    ),
                ));
                continue;
            };
            nouns.extend(words.into_iter().map(|w| (w.to_lowercase(), class)));
        }
        let known_entity =
            |id: &str| self.entities.iter().chain(&entities).any(|e| e.id == id) || broken_ids.iter().any(|b| b == id);

        let mut subjects = Vec::new();
        let mut declared_at = Vec::new();
        for subject in raw.subject {
            let class = match &subject.class {
                Some(c) => match UnitClass::parse(c.get_ref()) {
                    Some(class) => Some(class),
                    None => {
                        errors.push(error(
                            c.span(),
                            format!("unknown class `{}`, expected one of: {}", c.get_ref(), UnitClass::NAMES),
                        ));
                        continue;
                    }
                },
                None => None,
            };
            for reference in [&subject.entity, &subject.place].into_iter().flatten() {
                if !known_entity(reference.get_ref()) {
                    errors.push(error(
                        reference.span(),
                        format!(
                            "unknown entity `{}`: declare it in an [[entity]] table first",
                            reference.get_ref()
                        ),
                    ));
                }
            }
            let pattern = match &subject.pattern {
                Some(pattern) => match compile_pattern(pattern.get_ref()) {
                    Ok(regex) => Some(regex),
                    Err(message) => {
                        errors.push(error(pattern.span(), message));
                        continue;
                    }
                },
                None => None,
            };
            if !default_pack {
                declared_at.push((subject.id.get_ref().clone(), error(subject.id.span(), String::new())));
            }
            let id = subject.id.into_inner();
            subjects.push(SubjectDef {
                label: subject.label.unwrap_or_else(|| id.clone()),
                id,
                entity: subject.entity.map(Spanned::into_inner),
                class,
                units: subject.units,
                aliases: subject.aliases,
                context: subject.context,
                place: subject.place.map(Spanned::into_inner),
                pattern,
            });
        }
        let known_subject = |id: &str| {
            id == "*" || self.subjects.iter().chain(&subjects).any(|s| s.id == id) || broken_ids.iter().any(|b| b == id)
        };

        let mut checks = Vec::new();
        for check in raw.check {
            let Some(rule) = BUILTIN
                .iter()
                .map(|r| r.meta())
                .find(|m| m.name == check.kind.get_ref())
            else {
                let names: Vec<&str> = BUILTIN.iter().map(|r| r.meta().name).collect();
                errors.push(error(
                    check.kind.span(),
                    format!(
                        "unknown check kind `{}`, expected one of: {}{}",
                        check.kind.get_ref(),
                        names.join(", "),
                        nearest(check.kind.get_ref(), &names)
                            .map(|n| format!("; did you mean `{n}`?"))
                            .unwrap_or_default(),
                    ),
                ));
                continue;
            };
            // A key a user's check leaves out takes the built-in pack's value for its kind.
            let defaults = self.default_settings(rule);
            let severity = match &check.severity {
                Some(s) => Severity::parse(s.get_ref()).unwrap_or_else(|| {
                    errors.push(error(
                        s.span(),
                        format!(
                            "unknown severity `{}`, expected one of: error, warning, info",
                            s.get_ref()
                        ),
                    ));
                    defaults.severity
                }),
                None => defaults.severity,
            };
            let tolerance = match &check.tolerance {
                Some(t) => parse_tolerance(t.get_ref()).unwrap_or_else(|| {
                    errors.push(error(
                        t.span(),
                        format!(
                            "invalid tolerance `{}`, expected a percentage such as \"15%\"",
                            t.get_ref()
                        ),
                    ));
                    0.0
                }),
                None => defaults.tolerance,
            };
            let window_days = match &check.window {
                Some(w) => parse_window(w.get_ref()).unwrap_or_else(|| {
                    errors.push(error(
                        w.span(),
                        format!(
                            "invalid window `{}`, expected a duration such as \"60d\", \"8w\", \"6m\" or \"1y\"",
                            w.get_ref()
                        ),
                    ));
                    0
                }),
                None => defaults.window_days,
            };
            let subject = match &check.subject {
                Some(s) if !known_subject(s.get_ref()) => {
                    errors.push(error(
                        s.span(),
                        format!(
                            "unknown subject `{}`: declare it in a [[subject]] table, or use \"*\" for every subject",
                            s.get_ref()
                        ),
                    ));
                    continue;
                }
                Some(s) => s.get_ref().clone(),
                None => "*".to_owned(),
            };
            checks.push(CheckDef {
                kind: rule.name.to_owned(),
                subject,
                settings: CheckSettings {
                    severity,
                    tolerance,
                    window_days,
                },
                default_pack,
                declared_at: (!default_pack).then(|| error(check.kind.span(), String::new())),
            });
        }
        if !errors.is_empty() {
            errors.sort_by_key(|e| (e.line, e.column));
            return Err(errors);
        }
        self.entities.extend(entities);
        self.subjects.extend(subjects);
        self.checks.extend(checks);
        self.nouns.extend(nouns);
        self.declared_at.extend(declared_at);
        Ok(())
    }

    /// Warnings for the subjects of users' rule files that no check uses. A rule file's checks
    /// of a kind replace the default ones, so a subject that none of the checks in force names
    /// (nor `"*"`) is declared for nothing.
    pub fn unused_subjects(&self) -> Vec<RuleError> {
        let in_force: Vec<ResolvedCheck> = BUILTIN.iter().flat_map(|rule| self.checks_for(rule.meta())).collect();
        let mut warnings = Vec::new();
        for (id, site) in &self.declared_at {
            if !in_force.iter().any(|c| c.subject == "*" || c.subject == *id) {
                warnings.push(RuleError {
                    message: format!(
                        "no check uses subject `{id}`: every [[check]] in force names another subject; add one with subject = \"{id}\" or \"*\""
                    ),
                    ..site.clone()
                });
            }
        }
        warnings
    }
}

/// What [`parse_file`] could read of a rule file.
struct Parsed {
    raw: RawFile,
    /// The ids of `[[entity]]` and `[[subject]]` tables that could not be read.
    broken_ids: Vec<String>,
    errors: Vec<RuleError>,
}

/// Reads a rule file table by table, so that one mistake hides no other: every syntax error
/// (then nothing more is read), every unknown key, and every value of the wrong type or
/// missing in each table. What reads cleanly is kept for the checks that follow.
fn parse_file(source: &SourceFile) -> Result<Parsed, Vec<RuleError>> {
    let (root, syntax) = toml::de::DeTable::parse_recoverable(&source.text);
    let at = |span: Option<Range<usize>>, message: &str| {
        RuleError::at(source, span.unwrap_or(0..0), explain_toml_error(message))
    };
    if !syntax.is_empty() {
        let mut errors: Vec<RuleError> = syntax.iter().map(|e| at(e.span(), e.message())).collect();
        errors.sort_by_key(|e| (e.line, e.column));
        return Err(errors);
    }
    let mut parsed = Parsed {
        raw: RawFile::default(),
        broken_ids: Vec::new(),
        errors: Vec::new(),
    };
    for (key, value) in root.into_inner() {
        let errors = &mut parsed.errors;
        let broken = &mut parsed.broken_ids;
        match key.get_ref().as_ref() {
            "entity" => parsed.raw.entity = tables(source, "entity", value, ENTITY_KEYS, errors, broken),
            "subject" => parsed.raw.subject = tables(source, "subject", value, SUBJECT_KEYS, errors, broken),
            "check" => parsed.raw.check = tables(source, "check", value, CHECK_KEYS, errors, broken),
            "nouns" => parsed.raw.nouns = noun_lists(source, value, errors),
            other => errors.push(RuleError::at(source, key.span(), unknown_key(other, FILE_KEYS))),
        }
    }
    Ok(parsed)
}

/// The tables of an array of tables (`[[subject]]`), each read on its own: its unknown keys
/// are errors and are left out, then each value of the wrong type is an error and is left out
/// in turn, until the table reads or lacks a required key.
fn tables<T: serde::de::DeserializeOwned>(
    source: &SourceFile,
    name: &str,
    value: Spanned<toml::de::DeValue<'_>>,
    keys: &[&str],
    errors: &mut Vec<RuleError>,
    broken_ids: &mut Vec<String>,
) -> Vec<T> {
    use toml::de::{DeValue, ValueDeserializer};
    let span = value.span();
    let DeValue::Array(items) = value.into_inner() else {
        errors.push(RuleError::at(
            source,
            span,
            format!("`{name}` must be a list of tables, each opened with [[{name}]]"),
        ));
        return Vec::new();
    };
    let mut read = Vec::new();
    for item in items {
        let span = item.span();
        let DeValue::Table(table) = item.into_inner() else {
            errors.push(RuleError::at(
                source,
                span,
                format!("each `{name}` must be a table, opened with [[{name}]]"),
            ));
            continue;
        };
        let mut table: toml::de::DeTable<'_> = table
            .into_iter()
            .filter(|(key, _)| {
                let known = keys.contains(&key.get_ref().as_ref());
                if !known {
                    errors.push(RuleError::at(source, key.span(), unknown_key(key.get_ref(), keys)));
                }
                known
            })
            .collect();
        // At most one attempt per key: each failed one leaves a key out.
        loop {
            let attempt = ValueDeserializer::from(Spanned::new(span.clone(), DeValue::Table(table.clone())));
            match T::deserialize(attempt) {
                Ok(value) => {
                    read.push(value);
                    break;
                }
                Err(e) => {
                    let place = e.span().unwrap_or(span.clone());
                    let culprit = table
                        .iter()
                        .find(|(key, value)| value.span().contains(&place.start) || key.span().contains(&place.start))
                        .map(|(key, _)| key.get_ref().to_string());
                    let message = explain_toml_error(e.message());
                    errors.push(RuleError::at(
                        source,
                        place,
                        match &culprit {
                            Some(key) => format!("`{key}`: {message}"),
                            None => message,
                        },
                    ));
                    let Some(culprit) = culprit else {
                        if let Some(DeValue::String(id)) = table.get("id").map(Spanned::get_ref) {
                            broken_ids.push(id.to_string());
                        }
                        break;
                    };
                    table = table.into_iter().filter(|(key, _)| *key.get_ref() != culprit).collect();
                }
            }
        }
    }
    read
}

/// The `[nouns]` table: a list of words for each class, each list read on its own.
fn noun_lists(
    source: &SourceFile,
    value: Spanned<toml::de::DeValue<'_>>,
    errors: &mut Vec<RuleError>,
) -> std::collections::BTreeMap<Spanned<String>, Vec<String>> {
    use toml::de::{DeValue, ValueDeserializer};
    let span = value.span();
    let DeValue::Table(table) = value.into_inner() else {
        errors.push(RuleError::at(
            source,
            span,
            "`nouns` must be a table, opened with [nouns], of lists of words by class".into(),
        ));
        return Default::default();
    };
    let mut lists = std::collections::BTreeMap::new();
    for (class, words) in table {
        match Vec::<String>::deserialize(ValueDeserializer::from(words)) {
            Ok(words) => {
                lists.insert(Spanned::new(class.span(), class.get_ref().to_string()), words);
            }
            Err(e) => errors.push(RuleError::at(
                source,
                e.span().unwrap_or(class.span()),
                format!("`{}`: {}", class.get_ref(), explain_toml_error(e.message())),
            )),
        }
    }
    lists
}

/// A rule file's regular expression. The `regex` crate matches in time linear in the text,
/// whatever the pattern; the size caps keep a pattern from taking much memory.
fn compile_pattern(pattern: &str) -> Result<regex::Regex, String> {
    regex::RegexBuilder::new(pattern)
        .size_limit(1 << 20)
        .dfa_size_limit(1 << 21)
        .build()
        .map_err(|e| match e {
            regex::Error::Syntax(detail) => {
                let detail = detail.lines().last().unwrap_or_default().trim().to_owned();
                format!("invalid regular expression: {}", detail.trim_start_matches("error: "))
            }
            regex::Error::CompiledTooBig(limit) => {
                format!("regular expression is too large (over {limit} bytes compiled)")
            }
            other => format!("invalid regular expression: {other}"),
        })
}

/// Checks without a window treat values within 14 days as speaking about the same time.
pub const DEFAULT_WINDOW_DAYS: i32 = 14;

/// 0.15 → `"15%"`, as a rule file writes it.
pub fn format_tolerance(tolerance: f64) -> String {
    let percent = (tolerance * 100.0 * 1000.0).round() / 1000.0;
    format!("{percent}%")
}

/// 60 → `"60d"`.
pub fn format_window(days: i32) -> String {
    format!("{days}d")
}

/// `"15%"` → 0.15.
fn parse_tolerance(text: &str) -> Option<f64> {
    let number: f64 = text.trim().strip_suffix('%')?.trim().parse().ok()?;
    (number >= 0.0 && number.is_finite()).then_some(number / 100.0)
}

/// `"60d"`, `"8w"`, `"6m"`, `"1y"` → days.
fn parse_window(text: &str) -> Option<i32> {
    let text = text.trim();
    let unit = text.chars().last()?;
    let count: i32 = text[..text.len() - unit.len_utf8()].trim().parse().ok()?;
    let days = match unit {
        'd' => 1,
        'w' => 7,
        'm' => 30,
        'y' => 365,
        _ => return None,
    };
    (count >= 0).then(|| count.checked_mul(days)).flatten()
}

/// A TOML or schema error as claimlint says it: an unknown key is named with the nearest valid
/// one (`unknown key `fail_on`; did you mean `fail-on`?`) and the list of valid keys.
pub fn explain_toml_error(message: &str) -> String {
    let message = message.trim();
    let Some(rest) = message.strip_prefix("unknown field `") else {
        return message.replace("expected a sequence", "expected a list such as [\"a\", \"b\"]");
    };
    let Some((key, tail)) = rest.split_once('`') else {
        return message.to_owned();
    };
    let valid: Vec<&str> = tail.split('`').skip(1).step_by(2).collect();
    unknown_key(key, &valid)
}

/// `unknown key `lable`; did you mean `label`? (valid keys: `id`, `label`, …)`.
pub fn unknown_key(key: &str, valid: &[&str]) -> String {
    if valid.is_empty() {
        return format!("unknown key `{key}`");
    }
    let listed = valid.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", ");
    match nearest(key, valid) {
        Some(best) => format!("unknown key `{key}`; did you mean `{best}`? (valid keys: {listed})"),
        None => format!("unknown key `{key}` (valid keys: {listed})"),
    }
}

/// The candidate closest to `word`, if it is close enough to be a likely typo. `_` and `-`
/// count as the same, as do upper and lower case.
pub fn nearest<'c>(word: &str, candidates: &[&'c str]) -> Option<&'c str> {
    let normal = |s: &str| s.to_ascii_lowercase().replace('_', "-");
    let wanted = normal(word);
    candidates
        .iter()
        .map(|&c| (strsim::damerau_levenshtein(&wanted, &normal(c)), c))
        .filter(|&(distance, c)| distance <= (c.len().max(wanted.len()) / 3).max(1))
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_pack_loads() {
        let set = RuleSet::with_default_pack().unwrap();
        assert!(set.entities.iter().any(|e| e.id == "nato"));
        assert!(BUILTIN.iter().all(|r| !set.checks_for(r.meta()).is_empty()));
    }

    /// The key lists are those the tables take, and the reference explains each of them in
    /// its table's section.
    #[test]
    fn every_key_is_read_and_documented() {
        let full = "[[entity]]\nid = \"acme\"\nname = \"Acme\"\nkind = \"organization\"\naliases = []\ndemonyms = []\nnouns = []\npart-of = \"us\"\n\n\
            [[subject]]\nid = \"acme/staff\"\nlabel = \"l\"\nentity = \"acme\"\nclass = \"personnel\"\nunits = []\naliases = []\ncontext = []\nplace = \"us\"\npattern = \"x\"\n\n\
            [[check]]\nkind = \"numeric-change\"\nsubject = \"*\"\nseverity = \"info\"\ntolerance = \"1%\"\nwindow = \"1d\"\n\n\
            [nouns]\npersonnel = []\n";
        let mut set = RuleSet::with_default_pack().unwrap();
        set.add("full.rules.toml", full, false).unwrap();
        for key in ENTITY_KEYS.iter().chain(SUBJECT_KEYS).chain(CHECK_KEYS) {
            assert!(full.contains(&format!("\n{key} = ")), "{key} is in the full file");
        }
        for (section, keys) in [
            ("## Top level", FILE_KEYS),
            ("## `[[entity]]`", ENTITY_KEYS),
            ("## `[[subject]]`", SUBJECT_KEYS),
            ("## `[[check]]`", CHECK_KEYS),
        ] {
            let start = KEYS_REFERENCE.find(section).expect(section);
            let end = KEYS_REFERENCE[start + 1..]
                .find("\n## ")
                .map_or(KEYS_REFERENCE.len(), |e| start + 1 + e);
            for key in keys {
                assert!(
                    KEYS_REFERENCE[start..end].contains(&format!("| `{key}` |")),
                    "{key} is explained under {section}"
                );
            }
        }
        assert!(KEYS_REFERENCE.contains("## `[nouns]`"));
    }

    #[test]
    fn durations_and_tolerances() {
        assert_eq!(parse_window("60d"), Some(60));
        assert_eq!(parse_window("2w"), Some(14));
        assert_eq!(parse_window("1y"), Some(365));
        assert_eq!(parse_window("60"), None);
        assert_eq!(parse_window("-1d"), None);
        assert_eq!(parse_tolerance("15%"), Some(0.15));
        assert_eq!(parse_tolerance("0.15"), None);
        assert_eq!(format_tolerance(0.1), "10%");
        assert_eq!(format_tolerance(parse_tolerance("12.5%").unwrap()), "12.5%");
        assert_eq!(format_window(14), "14d");
    }

    #[test]
    fn a_check_that_leaves_a_key_out_takes_the_built_in_packs_value() {
        let mut set = RuleSet::with_default_pack().unwrap();
        set.add(
            "my.rules.toml",
            "[[check]]\nkind = \"numeric-change\"\nwindow = \"60d\"\n",
            false,
        )
        .unwrap();
        let rule = BUILTIN
            .iter()
            .map(|r| r.meta())
            .find(|m| m.name == "numeric-change")
            .unwrap();
        let checks = set.checks_for(rule);
        assert_eq!(checks.len(), 1);
        assert_eq!(checks[0].settings.window_days, 60);
        assert_eq!(format_tolerance(checks[0].settings.tolerance), "10%");
        assert_eq!(checks[0].settings.severity, Severity::Warning);
    }

    /// What each rule's documentation says a key defaults to is what the built-in pack sets.
    #[test]
    fn the_defaults_the_docs_state_are_the_built_in_packs() {
        let set = RuleSet::with_default_pack().unwrap();
        for rule in BUILTIN.iter().map(|r| r.meta()) {
            let defaults = set.default_settings(rule);
            for (key, value) in [
                ("tolerance", format_tolerance(defaults.tolerance)),
                ("window", format_window(defaults.window_days)),
            ] {
                let stated = format!("`{key}` (default `\"");
                if let Some(at) = rule.docs.find(&stated) {
                    let rest = &rule.docs[at + stated.len()..];
                    let said = &rest[..rest.find('"').unwrap()];
                    assert_eq!(said, value, "{} documents {key} as {said}", rule.name);
                }
            }
        }
    }
}
