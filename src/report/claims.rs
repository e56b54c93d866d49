//! The claim record of `../shared/spec/extract-jsonl.md`, plus the fields claimlint adds.

use std::io::{self, Write};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::escape::visible;
use crate::documents::Document;
use crate::extract::{Claim, ClaimKind, Modality, TimeSource, UnitClass};
use crate::link::ClaimGraph;

/// A number that prints as an integer when it is one (`20`, not `20.0`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number(pub f64);

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        f64::deserialize(deserializer).map(Number)
    }
}

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let v = self.0;
        if v.fract() == 0.0 && v.abs() < 9.0e15 {
            serializer.serialize_i64(v as i64)
        } else {
            serializer.serialize_f64(v)
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ValueRecord {
    pub low: Option<Number>,
    pub high: Option<Number>,
    pub low_inclusive: bool,
    pub high_inclusive: bool,
    pub approximate: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TimeRecord {
    pub from: Option<String>,
    pub to: Option<String>,
    pub source: TimeSource,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RoleRecord {
    pub title: String,
    pub org: Option<String>,
    pub person: String,
    pub former: bool,
    /// For a title written without its organisation: the organisations its sentence names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sentence_orgs: Vec<String>,
}

/// One claim as other tools read it. Fields up to `time` are the spec's; the rest are added,
/// and a record read back (`check --claims`) may leave them out.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ClaimRecord {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: ClaimKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<ValueRecord>,
    pub unit: Option<String>,
    pub subject: Option<String>,
    pub time: Option<TimeRecord>,
    #[serde(default)]
    pub class: Option<UnitClass>,
    #[serde(default)]
    pub owner: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub partitive: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<RoleRecord>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub boilerplate: bool,
    #[serde(default)]
    pub modality: Modality,
    #[serde(default)]
    pub reported: bool,
}

pub fn claim_record(documents: &[Document], claims: &[Claim], graph: Option<&ClaimGraph>, index: usize) -> ClaimRecord {
    let claim = &claims[index];
    let doc = &documents[claim.doc];
    let (line, column) = doc.file.line_col(claim.span.start);
    ClaimRecord {
        file: doc.file.path.clone(),
        line,
        column,
        // Offsets into the file itself, also when it is UTF-16 and the text its decoding.
        start: doc.file.file_offset(claim.span.start),
        end: doc.file.file_offset(claim.span.end),
        text: doc.file.slice(claim.span.clone()).to_owned(),
        kind: claim.kind,
        value: claim.value.map(|v| ValueRecord {
            low: v.low.map(Number),
            high: v.high.map(Number),
            low_inclusive: v.low_inclusive,
            high_inclusive: v.high_inclusive,
            approximate: v.approximate,
        }),
        unit: claim.unit.clone(),
        subject: graph.and_then(|g| g.subject_of(index)).map(|s| s.key.clone()),
        time: claim.time.map(|t| TimeRecord {
            from: t.from.map(|d| d.to_string()),
            to: t.to.map(|d| d.to_string()),
            source: t.source,
        }),
        class: claim.class,
        owner: claim.context.owner.clone(),
        place: claim.context.place.clone(),
        partitive: claim.context.partitive,
        role: claim.role.as_ref().map(|r| RoleRecord {
            title: r.title.clone(),
            org: r.org.clone(),
            person: r.person.clone(),
            former: r.former,
            sentence_orgs: r.sentence_orgs.clone(),
        }),
        source: doc.meta.source.clone(),
        boilerplate: claim.boilerplate,
        modality: claim.modality,
        reported: claim.reported,
    }
}

/// One JSON object per line, in document order.
pub fn write_claims_jsonl(out: &mut dyn Write, records: impl IntoIterator<Item = ClaimRecord>) -> io::Result<()> {
    // Each record is built in memory and written at once: one call on `out` per record.
    let mut line = Vec::with_capacity(1024);
    for record in records {
        line.clear();
        serde_json::to_writer(&mut line, &record)?;
        line.push(b'\n');
        out.write_all(&line)?;
    }
    Ok(())
}

/// `{"claims": [...]}`, pretty-printed.
pub fn write_claims_json(out: &mut dyn Write, records: &[ClaimRecord]) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &serde_json::json!({ "claims": records }))?;
    out.write_all(b"\n")
}

/// The records as [`write_claims_json`] prints them inside its list, separated by commas,
/// without the list: for output written a document at a time.
pub fn write_claims_json_items(out: &mut dyn Write, records: impl IntoIterator<Item = ClaimRecord>) -> io::Result<()> {
    let mut item = Vec::with_capacity(2048);
    for (index, record) in records.into_iter().enumerate() {
        if index > 0 {
            out.write_all(b",\n")?;
        }
        item.clear();
        // Through a JSON value, as `write_claims_json` goes, so the keys come in the same order.
        serde_json::to_writer_pretty(&mut item, &serde_json::to_value(&record)?)?;
        // Each line sits two levels in; a JSON string holds no raw line break.
        for (line_index, line) in item.split(|&b| b == b'\n').enumerate() {
            if line_index > 0 {
                out.write_all(b"\n")?;
            }
            out.write_all(b"    ")?;
            out.write_all(line)?;
        }
    }
    Ok(())
}

/// `file:line:col  kind  value unit  "text"  → subject`, one claim per line. The path and the
/// words taken from the document are shown with their control characters escaped.
pub fn write_claims_text(out: &mut dyn Write, records: impl IntoIterator<Item = ClaimRecord>) -> io::Result<()> {
    for r in records {
        let r = &r;
        let kind = serde_json::to_value(r.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let value = r.value.as_ref().map(|v| {
            let n = |x: &Option<Number>| x.map_or("·".to_owned(), |n| serde_json::to_string(&n).unwrap_or_default());
            if v.low == v.high {
                n(&v.low)
            } else {
                format!("[{}, {}]", n(&v.low), n(&v.high))
            }
        });
        write!(out, "{}:{}:{}\t{kind}", visible(&r.file), r.line, r.column)?;
        if let Some(value) = value {
            write!(out, "\t{value}")?;
        }
        if let Some(unit) = &r.unit {
            write!(out, " {}", visible(unit))?;
        }
        if let Some(role) = &r.role {
            write!(out, "\t{} = {}", visible(&role.title), visible(&role.person))?;
        }
        write!(out, "\t{:?}", r.text)?;
        if let Some(subject) = &r.subject {
            write!(out, "\t→ {}", visible(subject))?;
        }
        writeln!(out)?;
    }
    Ok(())
}
