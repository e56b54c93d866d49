//! Claims made elsewhere: the JSONL records of `claimlint extract --format jsonl`, read back
//! for `claimlint check --claims FILE…` so that extraction can run on many machines and
//! linking and the rules on one.
//!
//! Each record becomes a [`Claim`] of a stand-in document per `file`. The stand-in's text holds
//! each claim's text at the line and column its record gives (padding with spaces), so
//! reports quote and locate claims as they were; its date is the one the records inherited
//! from the document (a `document-date` time) and its outlet the records' `source`.

use std::collections::HashMap;

use jiff::civil::Date;

use crate::documents::{DateOrigin, DocMeta, Document};
use crate::extract::{Claim, ClaimTime, Context, Interval, Role, TimeSource};
use crate::report::ClaimRecord;
use crate::source::SourceFile;

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
        records.push(record);
    }
    Ok(records)
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
        let (text, spans) = stand_in_text(&records);
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
        let file = SourceFile::new(file, text);
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

/// A text with each record's claim text at its line and column, and the span it got. A claim
/// that would overlap the one before it on its line is placed right after it instead.
fn stand_in_text(records: &[ClaimRecord]) -> (String, Vec<std::ops::Range<usize>>) {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(records.len());
    let (mut line, mut column) = (1, 1);
    for record in records {
        while line < record.line {
            text.push('\n');
            line += 1;
            column = 1;
        }
        while column < record.column {
            text.push(' ');
            column += 1;
        }
        if !text.is_empty() && !text.ends_with([' ', '\n']) {
            text.push(' ');
            column += 1;
        }
        let claim: String = record
            .text
            .chars()
            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
            .collect();
        let start = text.len();
        text.push_str(&claim);
        column += claim.chars().count();
        spans.push(start..text.len());
    }
    text.push('\n');
    (text, spans)
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

    #[test]
    fn a_bad_line_is_named() {
        let error = parse("claims.jsonl", "{\"file\":\"a.md\"}\n").unwrap_err();
        assert!(error.starts_with("claims.jsonl:1:"), "{error}");
        assert!(error.contains("not a claim record: missing field"), "{error}");
    }
}
