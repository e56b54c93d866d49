//! Source text and positions.
//!
//! Every location claimlint reports is a byte range into the *original* file. This module maps
//! those ranges back to 1-based line and column numbers (columns count Unicode scalar values, as
//! the JSONL spec and SARIF's default `charColumn` do). A UTF-16 file is read as its UTF-8
//! decoding: lines and columns are the same in both, and [`SourceFile::file_offset`] turns an
//! offset into the decoding back into one into the file. It does no I/O.

use std::ops::Range;

/// A file's text with an index of its line starts.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user gave it (for standard input, `<stdin>`, or `-` in `extract`).
    pub path: String,
    /// The whole text, until [`SourceFile::compact`] keeps only some lines of it.
    pub text: String,
    line_starts: Vec<usize>,
    /// For each line longer than [`COLUMN_MARK_EVERY`] bytes, by line index: how many
    /// characters precede each multiple of that many bytes into the line. A column is then
    /// counted from the nearest mark, so a document of one long line costs no more per claim
    /// than one of short lines.
    column_marks: Vec<(usize, Vec<usize>)>,
    /// After compacting: the text's length and the lines kept, by offset.
    kept: Option<Kept>,
    /// For a file decoded from UTF-16: the UTF-16 code units before each line's start.
    utf16_line_starts: Option<Vec<usize>>,
    /// For a stand-in text (claims read from records): the line and column stated for some
    /// offsets, sorted by offset; see [`SourceFile::with_stated_positions`].
    stated: Vec<StatedPosition>,
}

/// A line and column stated for an offset of a stand-in text: the offset and what follows it
/// on its line are reported at that line and column, whatever the text before it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatedPosition {
    pub offset: usize,
    pub line: usize,
    pub column: usize,
}

/// How far apart, in bytes, the column marks of a long line are.
const COLUMN_MARK_EVERY: usize = 4096;

/// How many characters start in `bytes` (every byte but UTF-8 continuation bytes).
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// How many UTF-16 code units the UTF-8 `bytes` take: one per character, two for one beyond
/// the Basic Multilingual Plane (a four-byte UTF-8 sequence).
fn utf16_units(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0xbf => 0,
            0xf0..=0xff => 2,
            _ => 1,
        })
        .sum()
}

/// The lines of a compacted file that later stages read, each with its offset in the file.
#[derive(Debug, Clone)]
struct Kept {
    len: usize,
    pieces: Vec<(usize, String)>,
}

impl SourceFile {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        let bytes = text.as_bytes();
        let column_marks = line_starts
            .iter()
            .enumerate()
            .filter_map(|(index, &start)| {
                let end = line_starts.get(index + 1).copied().unwrap_or(bytes.len());
                let line = &bytes[start..end];
                (line.len() > COLUMN_MARK_EVERY).then(|| {
                    let marks = std::iter::once(0)
                        .chain(line.chunks(COLUMN_MARK_EVERY).map(char_starts))
                        .scan(0, |before, count| {
                            *before += count;
                            Some(*before)
                        })
                        .collect();
                    (index, marks)
                })
            })
            .collect();
        Self {
            path: path.into(),
            text,
            line_starts,
            column_marks,
            kept: None,
            utf16_line_starts: None,
            stated: Vec::new(),
        }
    }

    /// The text of a file that was written in UTF-16 and decoded: [`file_offset`](Self::file_offset)
    /// then maps offsets back into the UTF-16 file.
    pub fn new_utf16(path: impl Into<String>, text: impl Into<String>) -> Self {
        let mut file = Self::new(path, text);
        let bytes = file.text.as_bytes();
        let mut before = 0;
        let mut starts = Vec::with_capacity(file.line_starts.len());
        let mut previous = 0;
        for &start in &file.line_starts {
            before += utf16_units(&bytes[previous..start]);
            starts.push(before);
            previous = start;
        }
        file.utf16_line_starts = Some(starts);
        file
    }

    /// The byte offset in the original file of byte `offset` of the text: the same offset,
    /// but for a file decoded from UTF-16, where it counts that file's two-byte code units.
    pub fn file_offset(&self, offset: usize) -> usize {
        let Some(units) = &self.utf16_line_starts else {
            return offset;
        };
        let offset = offset.min(self.len());
        let index = self.line_index(offset);
        let start = self.line_starts[index];
        let before = self.bytes(start..offset);
        let in_line = if before.len() == offset - start {
            utf16_units(before)
        } else {
            // A line compacted away: no stage reports a position there.
            offset - start
        };
        2 * (units[index] + in_line)
    }

    /// Whether the file was written in UTF-16 (and the text is its decoding).
    pub fn is_utf16(&self) -> bool {
        self.utf16_line_starts.is_some()
    }

    /// A stand-in text whose positions are stated rather than counted: an offset at or after
    /// a stated one, on the same line of `text`, is at the stated line and the stated column
    /// plus the characters between. Reports then locate claims read from records where their
    /// records say, without a text padded out to those lines and columns.
    pub fn with_stated_positions(
        path: impl Into<String>,
        text: impl Into<String>,
        mut stated: Vec<StatedPosition>,
    ) -> Self {
        stated.sort_by_key(|p| p.offset);
        Self {
            stated,
            ..Self::new(path, text)
        }
    }

    /// Whether positions in this text are stated (a stand-in), not counted.
    pub fn has_stated_positions(&self) -> bool {
        !self.stated.is_empty()
    }

    /// The length of the file's text in bytes.
    pub fn len(&self) -> usize {
        self.kept.as_ref().map_or(self.text.len(), |k| k.len)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The text of byte range `range`. Once compacted, a range outside the kept lines reads
    /// as empty.
    pub fn slice(&self, range: Range<usize>) -> &str {
        let Some((start, held)) = self.held_at(range.start) else {
            return "";
        };
        held.get(range.start - start..range.end.saturating_sub(start))
            .unwrap_or_default()
    }

    /// The text held from byte `offset` on, with the offset it starts at: the whole text, or
    /// once compacted the kept piece that starts at or before `offset`.
    fn held_at(&self, offset: usize) -> Option<(usize, &str)> {
        let Some(kept) = &self.kept else {
            return Some((0, &self.text));
        };
        let index = kept.pieces.partition_point(|(start, _)| *start <= offset);
        index
            .checked_sub(1)
            .map(|i| (kept.pieces[i].0, kept.pieces[i].1.as_str()))
    }

    /// Keeps only the whole lines that the byte ranges `keep` touch, and drops the rest of the
    /// text: what a document costs after its claims are extracted. Offsets, line numbers and
    /// columns stay those of the file.
    pub fn compact(&mut self, keep: impl IntoIterator<Item = Range<usize>>) {
        self.compact_with(keep, []);
    }

    /// [`compact`](Self::compact), also keeping the byte ranges `exact` as they are, without
    /// their lines (names, which are quoted alone: see [`quoted_line`](Self::quoted_line)).
    pub fn compact_with(
        &mut self,
        keep: impl IntoIterator<Item = Range<usize>>,
        exact: impl IntoIterator<Item = Range<usize>>,
    ) {
        if self.kept.is_some() {
            return;
        }
        let len = self.text.len();
        let mut lines: Vec<Range<usize>> = keep
            .into_iter()
            .map(|r| {
                let first = self.line_index(r.start.min(len));
                let last = self.line_index(r.end.max(r.start).min(len));
                let end = self.line_starts.get(last + 1).copied().unwrap_or(len);
                self.line_starts[first]..end
            })
            .chain(
                exact
                    .into_iter()
                    .filter(|r| r.start <= r.end && r.end <= len && self.text.is_char_boundary(r.start))
                    .filter(|r| self.text.is_char_boundary(r.end)),
            )
            .collect();
        lines.sort_by_key(|r| r.start);
        let mut pieces: Vec<(usize, String)> = Vec::new();
        let mut merged: Vec<Range<usize>> = Vec::new();
        for line in lines {
            match merged.last_mut() {
                Some(last) if line.start <= last.end => last.end = last.end.max(line.end),
                _ => merged.push(line),
            }
        }
        for range in merged {
            pieces.push((range.start, self.text[range].to_owned()));
        }
        self.kept = Some(Kept {
            len: self.text.len(),
            pieces,
        });
        self.text = String::new();
    }

    /// The range to quote `span` with: its line when the line is held, else the span alone.
    pub fn quoted_line(&self, span: &Range<usize>) -> Range<usize> {
        let line = self.line_range(span.start);
        if self.slice(line.clone()).len() == line.len() {
            line
        } else {
            span.start..span.end.min(line.end).max(span.start)
        }
    }

    /// The 0-based index of the line holding byte `offset`.
    fn line_index(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset) - 1
    }

    /// The bytes of `range`, or fewer when they are not all held (compacted away).
    fn bytes(&self, range: Range<usize>) -> &[u8] {
        let Some((start, held)) = self.held_at(range.start) else {
            return &[];
        };
        held.as_bytes()
            .get(range.start - start..range.end.saturating_sub(start))
            .unwrap_or_default()
    }

    /// 1-based line and column (in characters) of byte `offset`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.len());
        let index = self.line_index(offset);
        if let Some(stated) = self.stated_before(offset)
            && self.line_index(stated.offset) == index
        {
            let between = char_starts(self.bytes(stated.offset..offset));
            return (stated.line, stated.column.saturating_add(between));
        }
        let start = self.line_starts[index];
        // Count from the nearest column mark of a long line.
        let (from, chars_before) = match self.column_marks.binary_search_by_key(&index, |(line, _)| *line) {
            Ok(found) => {
                let marks = &self.column_marks[found].1;
                let mark = ((offset - start) / COLUMN_MARK_EVERY).min(marks.len() - 1);
                (start + mark * COLUMN_MARK_EVERY, marks[mark])
            }
            Err(_) => (start, 0),
        };
        let counted = self.bytes(from..offset);
        if counted.len() != offset - from {
            // A line compacted away: count bytes.
            return (index + 1, offset - start + 1);
        }
        let mut chars = chars_before + char_starts(counted);
        // A byte-order mark opens the file but is no column of its first line.
        if start == 0 && offset > 0 && self.bytes(0..3) == "\u{feff}".as_bytes() {
            chars -= 1;
        }
        (index + 1, chars + 1)
    }

    /// The last stated position at or before `offset`.
    fn stated_before(&self, offset: usize) -> Option<&StatedPosition> {
        let after = self.stated.partition_point(|p| p.offset <= offset);
        after.checked_sub(1).map(|i| &self.stated[i])
    }

    /// The byte range of the line holding `offset`, without its line terminator.
    pub fn line_range(&self, offset: usize) -> Range<usize> {
        let index = self.line_index(offset.min(self.len()));
        let start = self.line_starts[index];
        let mut end = self.line_starts.get(index + 1).map_or(self.len(), |&next| next - 1);
        if end > start && self.slice(end - 1..end) == "\r" {
            end -= 1;
        }
        start..end.max(start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_of_a_utf16_file_count_its_code_units() {
        // U+FEFF, then “é” (one unit) and “𝄞” (two units) before the number.
        let text = "\u{feff}é𝄞\nab 20 people";
        let file = SourceFile::new_utf16("w.txt", text);
        let at = text.find("20").unwrap();
        assert_eq!(file.line_col(at), (2, 4));
        // BOM, é, 𝄞 (2), newline, a, b, space: 8 units before “20”.
        assert_eq!(file.file_offset(at), 16);
        assert_eq!(file.file_offset(text.find('é').unwrap()), 2);
        assert_eq!(SourceFile::new("u.txt", text).file_offset(at), at);
    }

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

    /// The column of `offset` counted the plain way.
    fn counted_column(text: &str, offset: usize) -> usize {
        let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let start = if start == 0 && text.starts_with('\u{feff}') {
            3
        } else {
            start
        };
        text[start..offset].chars().count() + 1
    }

    #[test]
    fn columns_on_long_lines_are_counted_from_marks() {
        let line = "“5” ab é 12 ".repeat(1500);
        let text = format!("\u{feff}{line}\nshort “x” 7\n{line}{line}\nend");
        assert!(text.len() > 4 * COLUMN_MARK_EVERY);
        let mut file = SourceFile::new("long.txt", text.clone());
        let digits: Vec<usize> = text
            .match_indices(|c: char| c.is_ascii_digit())
            .map(|(i, _)| i)
            .collect();
        for &at in &digits {
            let line = text[..at].matches('\n').count() + 1;
            assert_eq!(file.line_col(at), (line, counted_column(&text, at)), "at {at}");
        }
        // Compacted to some of the numbers' lines, the columns stay the same.
        let last_line = text.rfind('\n').unwrap();
        let kept: Vec<usize> = digits
            .iter()
            .copied()
            .filter(|&at| at < 100 || at > last_line - 100)
            .collect();
        file.compact(kept.iter().map(|&at| at..at + 1));
        for &at in &kept {
            assert_eq!(file.line_col(at).1, counted_column(&text, at), "at {at}");
        }
    }

    #[test]
    fn a_compacted_file_keeps_positions_and_the_lines_asked_for() {
        let text = "first line\n“quoted” 20 people\r\nthird\nfourth 30 more\nlast";
        let mut file = SourceFile::new("a.txt", text);
        let twenty = text.find("20").unwrap();
        let thirty = text.find("30").unwrap();
        file.compact([twenty..twenty + 2, thirty..thirty + 7]);
        assert!(file.text.is_empty());
        assert_eq!(file.len(), text.len());
        assert_eq!(file.slice(twenty..twenty + 9), "20 people");
        assert_eq!(file.slice(thirty..thirty + 7), "30 more");
        assert_eq!(file.line_col(twenty), (2, 10));
        assert_eq!(file.line_col(thirty), (4, 8));
        assert_eq!(file.slice(file.line_range(twenty)), "“quoted” 20 people");
        assert_eq!(file.slice(0..5), "", "a line not kept reads as empty");
        assert_eq!(file.line_col(text.find("last").unwrap()), (5, 1));
    }

    #[test]
    fn a_range_kept_exactly_is_quoted_alone() {
        let text = "The diver Tomas Kunaratne led them.\nA second line of 20 boys.\n";
        let name = text.find("Kunaratne").unwrap();
        let name = name..name + "Kunaratne".len();
        let count = text.find("20").unwrap();
        let mut file = SourceFile::new("a.txt", text.to_owned());
        file.compact_with(std::iter::once(count..count + 2), std::iter::once(name.clone()));
        assert_eq!(file.slice(name.clone()), "Kunaratne");
        assert_eq!(file.quoted_line(&name), name, "its line is not held");
        let count_line = file.line_range(count);
        assert_eq!(file.quoted_line(&(count..count + 2)), count_line);
        assert_eq!(file.slice(count_line), "A second line of 20 boys.");
    }
}
