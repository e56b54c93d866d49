//! YAML front matter: the `---` block at the top of a Markdown or text file.
//!
//! Only flat `key: value` pairs are read (`title`, `source`, `date`, and `outlet`/`publisher`
//! as synonyms of `source`); anything else in the block is ignored rather than rejected, since
//! documents carry front matter written for other tools.

use jiff::civil::Date;

use crate::calendar;

pub(super) struct FrontMatter {
    /// Bytes from the start of the text to the end of the closing `---` line.
    pub len: usize,
    pub title: Option<String>,
    pub source: Option<String>,
    pub date: Option<Date>,
}

pub(super) fn parse(text: &str) -> Option<FrontMatter> {
    let mut lines = text.split_inclusive('\n');
    if lines.next()?.trim_end() != "---" {
        return None;
    }
    let mut len = text.find('\n')? + 1;
    let mut found = FrontMatter {
        len: 0,
        title: None,
        source: None,
        date: None,
    };
    for line in lines {
        len += line.len();
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            found.len = len;
            return Some(found);
        }
        let Some((key, value)) = trimmed.split_once(':') else {
            continue;
        };
        let value = unquote(value.trim());
        if value.is_empty() {
            continue;
        }
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => found.title = Some(value.to_owned()),
            "source" | "outlet" | "publisher" => found.source = Some(value.to_owned()),
            "date" | "published" => {
                found.date = calendar::calendar_date(value)
                    .ok()
                    .and_then(|(_, d)| d.bounds(None))
                    .map(|(first, _)| first);
            }
            _ => {}
        }
    }
    None
}

fn unquote(value: &str) -> &str {
    for quote in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(quote).and_then(|v| v.strip_suffix(quote)) {
            return inner;
        }
    }
    value
}
