//! Claims made elsewhere: the JSONL records of `claimlint extract --format jsonl`, read back
//! for `claimlint check --claims FILE…` so that extraction can run on many machines and
//! linking and the rules on one.
//!
//! Each record becomes a [`Claim`] of a stand-in document per `file`. The stand-in's text holds
//! the claims' texts, one line per line of the file they name, and states each claim's line
//! and column as its record gives them (a [`StatedPosition`]), so reports locate claims as they
//! were; its date is the one the records inherited from the document (a `document-date` time)
//! and its outlet the records' `source`.
//!
//! Records are untrusted input: every field is bounded ([`check_record`]), and nothing is
//! allocated in proportion to a number a record holds.

use std::collections::HashMap;

use jiff::civil::Date;

use crate::documents::{DateOrigin, DocMeta, Document};
use crate::extract::{Claim, ClaimTime, Context, Interval, Role, TimeSource};
use crate::report::ClaimRecord;
use crate::source::{SourceFile, StatedPosition};

/// Claims read from records, with the documents they stand in and each claim's subject key.
pub struct Imported {
    pub documents: Vec<Document>,
    pub claims: Vec<Claim>,
    pub subjects: Vec<Option<String>>,
}

/// Parses JSONL claim records. An error names the file, line and column and what was wrong.
pub fn parse(path: &str, text: &str) -> Result<Vec<ClaimRecord>, String> {
    let mut records = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let record: ClaimRecord = serde_json::from_str(line).map_err(|e| {
            // serde_json ends its message with the position, which the prefix already gives.
            let message = e.to_string();
            let message = message.split(" at line ").next().unwrap_or_default().to_owned();
            format!("{path}:{}:{}: not a claim record: {message}", index + 1, e.column())
        })?;
        check_record(&record).map_err(|message| format!("{path}:{}: {message}", index + 1))?;
        records.push(record);
    }
    Ok(records)
}

/// The largest line or column a record may give: more lines than any file claimlint reads.
pub const MAX_LINE: usize = u32::MAX as usize;
/// The largest byte offset a record may give (1 TiB).
pub const MAX_OFFSET: usize = 1 << 40;
/// The longest string a record's field may hold, in bytes: a path, a claim's text, a unit, a
/// subject key, a name.
pub const MAX_STRING: usize = 4096;
/// The most organisations a role record's sentence may name.
pub const MAX_SENTENCE_ORGS: usize = 64;

/// Why a record's fields cannot be those of a claim: out of bounds, an inverted range, a date
/// that is no date.
pub fn check_record(record: &ClaimRecord) -> Result<(), String> {
    for (name, position) in [("line", record.line), ("column", record.column)] {
        if position == 0 {
            return Err(format!("`{name}` is 0; lines and columns count from 1"));
        }
        if position > MAX_LINE {
            return Err(format!("`{name}` is {position}; at most {MAX_LINE}"));
        }
    }
    for (name, offset) in [("start", record.start), ("end", record.end)] {
        if offset > MAX_OFFSET {
            return Err(format!("`{name}` is {offset}; at most {MAX_OFFSET}"));
        }
    }
    if record.start > record.end {
        return Err(format!(
            "`start` {} is after `end` {}: the range is inverted",
            record.start, record.end
        ));
    }
    let role = record.role.as_ref();
    let strings = [
        ("file", Some(&record.file)),
        ("text", Some(&record.text)),
        ("unit", record.unit.as_ref()),
        ("subject", record.subject.as_ref()),
        ("owner", record.owner.as_ref()),
        ("place", record.place.as_ref()),
        ("source", record.source.as_ref()),
        ("role.title", role.map(|r| &r.title)),
        ("role.org", role.and_then(|r| r.org.as_ref())),
        ("role.person", role.map(|r| &r.person)),
    ];
    let orgs = role.map_or(&[][..], |r| &r.sentence_orgs[..]);
    if orgs.len() > MAX_SENTENCE_ORGS {
        return Err(format!(
            "`role.sentence_orgs` names {} organisations; at most {MAX_SENTENCE_ORGS}",
            orgs.len()
        ));
    }
    let orgs = orgs.iter().map(|org| ("role.sentence_orgs", Some(org)));
    for (name, value) in strings.into_iter().chain(orgs) {
        if let Some(value) = value
            && value.len() > MAX_STRING
        {
            return Err(format!("`{name}` is {} bytes long; at most {MAX_STRING}", value.len()));
        }
    }
    if record.file.is_empty() {
        return Err("`file` is empty".into());
    }
    if let Some(value) = &record.value
        && let (Some(low), Some(high)) = (value.low, value.high)
        && low.0 > high.0
    {
        return Err(format!(
            "`value.low` {} is above `value.high` {}: the range is inverted",
            low.0, high.0
        ));
    }
    if let Some(time) = &record.time {
        let date = |name: &str, text: &Option<String>| -> Result<Option<Date>, String> {
            let Some(text) = text else {
                return Ok(None);
            };
            match text.parse::<Date>() {
                Ok(date) => Ok(Some(date)),
                Err(_) => Err(format!(
                    "`time.{name}` {:?} is not a date (YYYY-MM-DD)",
                    text.chars().take(40).collect::<String>()
                )),
            }
        };
        if let (Some(from), Some(to)) = (date("from", &time.from)?, date("to", &time.to)?)
            && from > to
        {
            return Err(format!(
                "`time.from` {from} is after `time.to` {to}: the range is inverted"
            ));
        }
    }
    Ok(())
}

/// The claims of `records`, grouped into stand-in documents by file, in the order files first
/// appear and claims by position within each file.
pub fn import(records: Vec<ClaimRecord>) -> Imported {
    // Files in the order they first appear; one lookup per record.
    let mut index_of: HashMap<String, usize> = HashMap::new();
    let mut by_file: Vec<(String, Vec<ClaimRecord>)> = Vec::new();
    for record in records {
        let index = *index_of.entry(record.file.clone()).or_insert_with(|| {
            by_file.push((record.file.clone(), Vec::new()));
            by_file.len() - 1
        });
        by_file[index].1.push(record);
    }

    let mut imported = Imported {
        documents: Vec::new(),
        claims: Vec::new(),
        subjects: Vec::new(),
    };
    for (doc, (file, mut records)) in by_file.into_iter().enumerate() {
        records.sort_by_key(|r| (r.line, r.column, r.start));
        let (text, spans, stated) = stand_in_text(&records);
        let date = records
            .iter()
            .filter_map(|r| r.time.as_ref())
            .find(|t| t.source == TimeSource::DocumentDate)
            .and_then(|t| parse_date(t.from.as_deref()));
        let meta = DocMeta {
            title: None,
            source: records.iter().find_map(|r| r.source.clone()),
            date,
            date_origin: date.map(|_| DateOrigin::Manifest),
        };
        let file = SourceFile::with_stated_positions(file, text, stated);
        for (record, span) in records.into_iter().zip(spans) {
            let line = file.line_range(span.start);
            imported.subjects.push(record.subject.clone());
            imported.claims.push(claim_of(doc, record, span, line));
        }
        imported.documents.push(Document {
            body: 0..file.text.len(),
            file,
            meta,
            boilerplate_from: None,
            markup: None,
            comments: Vec::new(),
            invalid_utf8_at: None,
            names: Vec::new(),
        });
    }
    imported
}

/// A text with the claim texts of each line the records name on a line of its own (in the
/// records' order, one space apart), the span each claim got, and the line and column each
/// claim's record states. The text is as long as the claims' texts, whatever lines and columns
/// the records give.
fn stand_in_text(records: &[ClaimRecord]) -> (String, Vec<std::ops::Range<usize>>, Vec<StatedPosition>) {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(records.len());
    let mut stated = Vec::with_capacity(records.len());
    let mut line = None;
    for record in records {
        if line == Some(record.line) {
            text.push(' ');
        } else if line.is_some() {
            text.push('\n');
        }
        line = Some(record.line);
        let start = text.len();
        text.extend(
            record
                .text
                .chars()
                .map(|c| if c == '\n' || c == '\r' { ' ' } else { c }),
        );
        spans.push(start..text.len());
        stated.push(StatedPosition {
            offset: start,
            line: record.line,
            column: record.column,
        });
    }
    text.push('\n');
    (text, spans, stated)
}

fn parse_date(text: Option<&str>) -> Option<Date> {
    text?.parse().ok()
}

fn claim_of(doc: usize, record: ClaimRecord, span: std::ops::Range<usize>, sentence: std::ops::Range<usize>) -> Claim {
    Claim {
        doc,
        span,
        kind: record.kind,
        value: record.value.map(|v| Interval {
            low: v.low.map(|n| n.0),
            high: v.high.map(|n| n.0),
            low_inclusive: v.low_inclusive,
            high_inclusive: v.high_inclusive,
            approximate: v.approximate,
        }),
        unit: record.unit,
        class: record.class,
        time: record.time.map(|t| ClaimTime {
            from: parse_date(t.from.as_deref()),
            to: parse_date(t.to.as_deref()),
            source: t.source,
        }),
        context: Context {
            sentence,
            owner: record.owner,
            place: record.place,
            partitive: record.partitive,
            share_of: None,
            purpose: None,
        },
        role: record.role.map(|r| {
            Box::new(Role {
                title: r.title,
                org: r.org,
                person: r.person,
                former: r.former,
                sentence_orgs: r.sentence_orgs,
            })
        }),
        boilerplate: record.boilerplate,
        modality: record.modality,
        reported: record.reported,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RECORDS: &str = r#"{"file":"a.md","line":3,"column":10,"start":40,"end":52,"text":"500 trainers","kind":"count","value":{"low":500,"high":500,"low_inclusive":true,"high_inclusive":true,"approximate":false},"unit":"trainers","subject":"nato/personnel","time":{"from":"2020-01-09","to":"2020-01-09","source":"document-date"},"source":"Wire"}
{"file":"a.md","line":3,"column":1,"start":31,"end":35,"text":"NATO","kind":"role","unit":null,"subject":null,"time":null}
{"file":"b.md","line":1,"column":5,"start":4,"end":24,"text":"fewer than 100 trainers","kind":"count","value":{"low":null,"high":100,"low_inclusive":true,"high_inclusive":false,"approximate":false},"unit":"trainers","subject":"nato/personnel","time":null}
"#;

    #[test]
    fn records_become_claims_of_stand_in_documents_at_their_places() {
        let imported = import(parse("claims.jsonl", RECORDS).unwrap());
        assert_eq!(imported.documents.len(), 2);
        let a = &imported.documents[0];
        assert_eq!(a.file.path, "a.md");
        assert_eq!(a.meta.date, Some(jiff::civil::date(2020, 1, 9)));
        assert_eq!(a.meta.source.as_deref(), Some("Wire"));
        // Sorted by position: the role at column 1 comes first.
        let trainers = &imported.claims[1];
        assert_eq!(&a.file.text[trainers.span.clone()], "500 trainers");
        assert_eq!(a.file.line_col(trainers.span.start), (3, 10));
        assert_eq!(imported.subjects[1].as_deref(), Some("nato/personnel"));
        let b = &imported.claims[2];
        assert_eq!(b.doc, 1);
        assert_eq!(b.value.unwrap().high, Some(100.0));
        assert!(!b.value.unwrap().high_inclusive);
    }

    /// A record of `a.md` with the given fields replaced (raw JSON values).
    fn record(fields: &[(&str, &str)]) -> String {
        let mut record: serde_json::Value = serde_json::from_str(RECORDS.lines().next().unwrap()).unwrap();
        for (name, value) in fields {
            let (outer, inner) = name.split_once('.').map_or((*name, None), |(o, i)| (o, Some(i)));
            let value: serde_json::Value = serde_json::from_str(value).unwrap();
            match inner {
                Some(inner) => record[outer][inner] = value,
                None => record[outer] = value,
            }
        }
        format!("{record}\n")
    }

    #[test]
    fn lines_and_columns_cost_nothing_however_large() {
        let text = record(&[("line", "4294967295"), ("column", "4294967295")]);
        let imported = import(parse("claims.jsonl", &text).unwrap());
        let file = &imported.documents[0].file;
        assert_eq!(file.text, "500 trainers\n", "no padding out to the line and column");
        let span = imported.claims[0].span.clone();
        assert_eq!(file.line_col(span.start), (4_294_967_295, 4_294_967_295));
        assert_eq!(file.line_col(span.end), (4_294_967_295, 4_294_967_295 + 12));
        // Two claims of one line share a stand-in line, each at its own column.
        let two = format!(
            "{}{}",
            record(&[("line", "7"), ("column", "900000")]),
            record(&[("line", "7"), ("column", "3"), ("text", "\"NATO\"")])
        );
        let imported = import(parse("claims.jsonl", &two).unwrap());
        let file = &imported.documents[0].file;
        assert_eq!(file.text, "NATO 500 trainers\n");
        let columns: Vec<_> = imported.claims.iter().map(|c| file.line_col(c.span.start)).collect();
        assert_eq!(columns, [(7, 3), (7, 900_000)]);
    }

    #[test]
    fn fields_out_of_bounds_inverted_or_impossible_are_named_by_line() {
        let cases: &[(&[(&str, &str)], &str)] = &[
            (&[("line", "0")], "`line` is 0; lines and columns count from 1"),
            (
                &[("line", "1000000000000000")],
                "`line` is 1000000000000000; at most 4294967295",
            ),
            (
                &[("column", "4294967296")],
                "`column` is 4294967296; at most 4294967295",
            ),
            (
                &[("end", "2000000000000")],
                "`end` is 2000000000000; at most 1099511627776",
            ),
            (
                &[("start", "53")],
                "`start` 53 is after `end` 52: the range is inverted",
            ),
            (&[("file", "\"\"")], "`file` is empty"),
            (
                &[("value.low", "501")],
                "`value.low` 501 is above `value.high` 500: the range is inverted",
            ),
            (
                &[("time.from", "\"2020-02-30\"")],
                "`time.from` \"2020-02-30\" is not a date (YYYY-MM-DD)",
            ),
            (
                &[("time.to", "\"yesterday\"")],
                "`time.to` \"yesterday\" is not a date (YYYY-MM-DD)",
            ),
            (
                &[("time.to", "\"2020-01-08\"")],
                "`time.from` 2020-01-09 is after `time.to` 2020-01-08: the range is inverted",
            ),
        ];
        for (fields, message) in cases {
            let text = format!("{}{}", record(&[]), record(fields));
            assert_eq!(
                parse("claims.jsonl", &text).unwrap_err(),
                format!("claims.jsonl:2: {message}"),
                "{fields:?}"
            );
        }
        let long = format!("{:?}", "9".repeat(MAX_STRING + 1));
        let error = parse("claims.jsonl", &record(&[("unit", &long)])).unwrap_err();
        assert_eq!(error, "claims.jsonl:1: `unit` is 4097 bytes long; at most 4096");
        let orgs = format!("{:?}", vec!["NATO"; MAX_SENTENCE_ORGS + 1]);
        let role = format!(r#"{{"title":"chief","org":null,"person":"A","former":false,"sentence_orgs":{orgs}}}"#);
        let error = parse("claims.jsonl", &record(&[("role", &role)])).unwrap_err();
        assert_eq!(
            error,
            "claims.jsonl:1: `role.sentence_orgs` names 65 organisations; at most 64"
        );
        // A float where a count belongs is serde's error, with its column.
        let error = parse("claims.jsonl", &record(&[("line", "1e15")])).unwrap_err();
        assert!(error.starts_with("claims.jsonl:1:"), "{error}");
        assert!(error.contains("expected usize"), "{error}");
    }

    #[test]
    fn a_bad_line_is_named() {
        let error = parse("claims.jsonl", "{\"file\":\"a.md\"}\n").unwrap_err();
        assert!(error.starts_with("claims.jsonl:1:"), "{error}");
        assert!(error.contains("not a claim record: missing field"), "{error}");
    }
}
