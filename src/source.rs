//! Source text and positions.
//!
//! Every location claimlint reports is a byte range into the *original* file. This module maps
//! those ranges back to 1-based line and column numbers (columns count Unicode scalar values, as
//! the JSONL spec and SARIF's default `charColumn` do). It does no I/O.

use std::ops::Range;

/// A file's text with an index of its line starts.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user gave it (or `-` for standard input).
    pub path: String,
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let line_starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        Self {
            path: path.into(),
            text,
            line_starts,
        }
    }

    /// The 0-based index of the line holding byte `offset`.
    fn line_index(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset) - 1
    }

    /// 1-based line and column (in characters) of byte `offset`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let index = self.line_index(offset);
        let start = self.line_starts[index];
        // A byte-order mark opens the file but is no column of its first line.
        let start = if start == 0 && self.text.starts_with('\u{feff}') {
            '\u{feff}'.len_utf8().min(offset)
        } else {
            start
        };
        let column = self.text[start..offset].chars().count() + 1;
        (index + 1, column)
    }

    /// The byte range of the line holding `offset`, without its line terminator.
    pub fn line_range(&self, offset: usize) -> Range<usize> {
        let index = self.line_index(offset.min(self.text.len()));
        let start = self.line_starts[index];
        let mut end = self
            .line_starts
            .get(index + 1)
            .map_or(self.text.len(), |&next| next - 1);
        if end > start && self.text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        start..end.max(start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let file = SourceFile::new("a.txt", "first\n“quoted” 20 people\r\nlast");
        let offset = file.text.find("20").unwrap();
        assert_eq!(file.line_col(offset), (2, 10));
        assert_eq!(&file.text[file.line_range(offset)], "“quoted” 20 people");
        assert_eq!(file.line_col(0), (1, 1));
        let last = file.text.find("last").unwrap();
        assert_eq!(file.line_col(last), (3, 1));
        assert_eq!(&file.text[file.line_range(last)], "last");
        let marked = SourceFile::new("b.txt", "\u{feff}20 people");
        assert_eq!(marked.line_col(marked.text.find("20").unwrap()), (1, 1));
    }
}
