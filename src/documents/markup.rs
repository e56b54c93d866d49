//! Markup: the prose of a Markdown or HTML file, with a map back to the original bytes.
//!
//! Extraction reads prose, not markup. For a Markdown or HTML file this module builds the text
//! a reader sees — paragraphs, headings, list items, table cells — and leaves out what is not
//! prose: code blocks and inline code, link targets, images, front matter, HTML tags, `script`,
//! `style` and navigation boilerplate. Each piece of prose remembers where it came from, so a
//! claim found in the prose is reported at its line and column in the original file.
//!
//! Structure gives numbers their context. A table's body cell that holds only a number gets
//! its column header after it and its row label before it (`Germany: 500 troops` for a row
//! `| Germany | 500 |` under a `Troops` header); these added words are *synthetic*: they shape
//! how the number is read but never become claims themselves. Headings are kept as ranges so
//! extraction can give a number the entity its section is about.
//!
//! HTML comments (in both formats) are kept as [`Comment`]s: suppressions live there.

use std::ops::Range;

use std::borrow::Cow;
use std::collections::HashMap;
use std::convert::Infallible;

use html5gum::emitters::callback::{Callback, CallbackEmitter, CallbackEvent};
use html5gum::{Emitter, ForwardingEmitter, Span, Tokenizer};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde::{Deserialize, Serialize};

/// How the prose of one stretch maps to the original file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mapping {
    /// Byte for byte: the prose has the same length as the original stretch.
    Linear,
    /// Decoded (`&amp;` → `&`): the whole prose stretch stands for the whole original one.
    Replaced { original_len: usize },
    /// Added for context (a table header after a cell); stands at `original`, never a claim.
    Synthetic,
}

#[derive(Debug, Clone, Copy)]
struct Segment {
    prose: usize,
    original: usize,
    mapping: Mapping,
}

/// A heading of the prose: its text range and level (1 for `#` and `<h1>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub range: Range<usize>,
    pub level: u8,
}

/// An HTML comment in the original file: its byte range and the text between `<!--` and `-->`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    pub range: Range<usize>,
    pub text: String,
}

/// The prose of a marked-up file.
#[derive(Debug, Clone, Default)]
pub struct Prose {
    /// The prose text. [`Prose::take_text`] moves it out (into the document's view); the map
    /// back to the file keeps working without it.
    pub text: String,
    /// The prose text's length, kept when the text is taken.
    len: usize,
    segments: Vec<Segment>,
    /// Some synthetic segment holds more than white space.
    added_words: bool,
    pub headings: Vec<Heading>,
    pub comments: Vec<Comment>,
    /// What `<title>` says, for HTML.
    pub title: Option<String>,
    /// A publication date from `<meta>` or the first `<time datetime>`, for HTML: its text.
    pub date: Option<String>,
}

impl Segment {
    /// Where prose offset `prose`, inside this segment, starts in the original.
    fn original_start(&self, prose: usize) -> usize {
        match self.mapping {
            Mapping::Linear => self.original + (prose - self.prose),
            Mapping::Replaced { .. } | Mapping::Synthetic => self.original,
        }
    }

    /// Where a prose range ending at `prose_end`, inside this segment, ends in the original.
    fn original_end(&self, prose_end: usize) -> usize {
        match self.mapping {
            Mapping::Linear => self.original + (prose_end - self.prose),
            Mapping::Replaced { original_len } => self.original + original_len,
            Mapping::Synthetic => self.original,
        }
    }
}

impl Prose {
    fn segment_at(&self, prose: usize) -> usize {
        self.segments.partition_point(|s| s.prose <= prose).saturating_sub(1)
    }

    fn segment_end(&self, index: usize) -> usize {
        self.segments.get(index + 1).map_or(self.len, |s| s.prose)
    }

    /// Moves the text out, keeping the map back to the original file.
    pub fn take_text(&mut self) -> String {
        std::mem::take(&mut self.text)
    }

    /// Whether the prose holds words added for context (a table's header after a cell), not
    /// only the spaces and line breaks that join its pieces.
    pub fn has_added_words(&self) -> bool {
        self.added_words
    }

    /// Whether prose offset `at` lies in text added for context.
    pub fn is_synthetic(&self, at: usize) -> bool {
        self.segments
            .get(self.segment_at(at))
            .is_some_and(|s| s.mapping == Mapping::Synthetic)
    }

    fn original_start(&self, prose: usize) -> usize {
        self.segments
            .get(self.segment_at(prose))
            .map_or(0, |segment| segment.original_start(prose))
    }

    /// The original byte range of a prose range: from its first byte to its last byte that is
    /// not synthetic. Synthetic text inside the range is left out of it.
    pub fn original_range(&self, range: Range<usize>) -> Range<usize> {
        let first = self.segment_at(range.start);
        let mut start = None;
        let mut end = None;
        let mut index = first;
        while let Some(segment) = self.segments.get(index) {
            if segment.prose >= range.end && index > first {
                break;
            }
            if segment.mapping != Mapping::Synthetic {
                let from = range.start.max(segment.prose);
                let to = range.end.min(self.segment_end(index));
                if from < to {
                    // Both ends lie in this segment: no search for theirs.
                    let original_from = segment.original_start(from);
                    let original_to = segment.original_end(to);
                    start = Some(start.map_or(original_from, |s: usize| s.min(original_from)));
                    end = Some(end.map_or(original_to, |e: usize| e.max(original_to)));
                }
            }
            index += 1;
        }
        match (start, end) {
            (Some(start), Some(end)) => start..end.max(start),
            _ => {
                let at = self.original_start(range.start);
                at..at
            }
        }
    }
}

/// Whether `c` is an invisible format character: a soft hyphen, a zero-width space, joiner
/// or non-joiner, a word joiner or invisible operator, a bidirectional mark, embedding,
/// override or isolate, a byte-order mark. A reader sees nothing of it, so in a number or a
/// word it must not split what the reader sees as one.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{61c}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206f}'
            | '\u{feff}'
    )
}

/// The runs of invisible characters in `text` that touch a letter or digit (`5\u{200d}00`,
/// `2\u{2066},\u{2069}500`, `hun\u{ad}dred`), which a reader reads through. The text is
/// searched for the lead bytes of those characters only, so a text without one costs a
/// `memchr` pass.
fn invisible_runs(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut runs = Vec::new();
    let mut search = |leads: &mut dyn Iterator<Item = usize>| {
        let mut last_end = 0;
        for at in leads {
            if at < last_end || !text[at..].chars().next().is_some_and(is_invisible) {
                continue;
            }
            // The whole run, which may have begun with a character of other lead bytes.
            let start = at
                - text[..at]
                    .chars()
                    .rev()
                    .take_while(|&c| is_invisible(c))
                    .map(char::len_utf8)
                    .sum::<usize>();
            let end = at
                + text[at..]
                    .chars()
                    .take_while(|&c| is_invisible(c))
                    .map(char::len_utf8)
                    .sum::<usize>();
            last_end = end;
            let before = text[..start].chars().next_back();
            let after = text[end..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
                runs.push(start..end);
            }
        }
    };
    search(&mut memchr::memchr3_iter(0xC2, 0xE2, 0xEF, bytes));
    search(&mut memchr::memchr2_iter(0xD8, 0xE1, bytes));
    runs.sort_unstable_by_key(|run| run.start);
    runs.dedup();
    runs
}

/// Words that never end a sentence: a line that ends with one goes on in the next line.
const GOES_ON: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "from", "for", "with", "and", "or", "than", "was", "were",
    "is", "are", "be", "been", "has", "have", "had", "about", "least", "some", "nearly", "almost", "over", "its",
    "their", "his", "her", "as", "into", "that", "which", "who",
];

/// Lines wrapped by hand are between these many characters long; a block of longer lines is
/// a line per paragraph or per item, never wrapped, and one of shorter lines a list.
const MIN_WRAP_WIDTH: usize = 40;
const MAX_WRAP_WIDTH: usize = 120;

/// The line breaks of a hard-wrapped plain text that break a line but not a sentence:
/// `4,493 people have⏎died`, `raised to⏎62,000`. In a block of three lines or more (up to an
/// empty line), most of them of about one width between [`MIN_WRAP_WIDTH`] and
/// [`MAX_WRAP_WIDTH`] characters, a break is a wrap when the next line's first word would
/// (nearly) not have fitted on the line, the line ends with neither a sentence's end nor a colon, and
/// the next line opens in lower case, or the line ends with a comma or a word that never ends
/// a sentence (`of`, `to`, `the`). A text of one item per line is not wrapped: its lines are
/// of any length, so a next word fits.
fn soft_line_breaks(text: &str) -> Vec<usize> {
    let mut breaks = Vec::new();
    let mut block: Vec<(usize, &str)> = Vec::new();
    let mut flush = |block: &mut Vec<(usize, &str)>| {
        // The width the block was wrapped to: most of its lines come near it, and a stray long
        // line (a caption run into the text) does not move it.
        let mut widths: Vec<usize> = block.iter().map(|(_, line)| line.chars().count()).collect();
        widths.sort_unstable();
        let width = widths.get(widths.len() * 3 / 4).copied().unwrap_or(0);
        // Wrapped lines are of about one length; lines of one item each are of any length.
        let near_width = widths.iter().filter(|&&w| w * 5 >= width * 4).count();
        let wrapped = block.len() >= 3 && near_width * 5 >= block.len() * 3;
        if wrapped && (MIN_WRAP_WIDTH..=MAX_WRAP_WIDTH).contains(&width) {
            for pair in block.windows(2) {
                let [(_, line), (next_start, next)] = pair else {
                    continue;
                };
                if wraps(line, next, width) {
                    breaks.push(next_start - 1);
                }
            }
        }
        block.clear();
    };
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]) {
        let line = text[start..end].trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut block);
        } else {
            block.push((start, line));
        }
        start = end + 1;
    }
    flush(&mut block);
    breaks
}

/// Whether the break between `line` and `next`, in a block `width` characters wide, wraps a
/// sentence ([`soft_line_breaks`]).
fn wraps(line: &str, next: &str, width: usize) -> bool {
    let line = line.trim_end();
    let (Some(last), Some(first)) = (line.chars().next_back(), next.chars().next()) else {
        return false;
    };
    if matches!(last, '.' | '!' | '?' | ':' | ';' | '|' | '"' | '”') || first.is_whitespace() {
        return false;
    }
    let next_word = next.split(char::is_whitespace).next().unwrap_or_default();
    // Wrapping is not always greedy to the character: a line counts as full when the next
    // word would have brought it within a tenth of the width's end.
    if (line.chars().count() + 1 + next_word.chars().count()) * 10 <= width * 9 {
        return false;
    }
    let last_word = line.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or_default();
    let goes_on = last.is_alphabetic() && GOES_ON.iter().any(|w| last_word.eq_ignore_ascii_case(w));
    first.is_lowercase() || (last == ',' || goes_on) && first.is_alphanumeric()
}

impl Prose {
    /// The prose of a plain text that starts at byte `offset` of its file, when the text holds
    /// invisible characters a reader reads through or is wrapped by hand inside its sentences:
    /// the text without those characters, and with a space for each line break inside a
    /// sentence ([`soft_line_breaks`]; one byte for one, so positions stay).
    pub fn plain(text: &str, offset: usize) -> Option<Prose> {
        let runs = invisible_runs(text);
        let breaks = soft_line_breaks(text);
        if runs.is_empty() && breaks.is_empty() {
            return None;
        }
        let mut joined = text.as_bytes().to_vec();
        for at in breaks {
            joined[at] = b' ';
            if at > 0 && joined[at - 1] == b'\r' {
                joined[at - 1] = b' ';
            }
        }
        // Only ASCII line breaks became spaces, so the text is still UTF-8.
        let joined = String::from_utf8(joined).unwrap_or_else(|_| text.to_owned());
        let mut prose = Prose {
            text: joined,
            len: text.len(),
            segments: vec![Segment {
                prose: 0,
                original: offset,
                mapping: Mapping::Linear,
            }],
            ..Prose::default()
        };
        if !runs.is_empty() {
            prose.drop_runs(&runs);
        }
        Some(prose)
    }

    /// Drops the invisible characters inside words and numbers ([`invisible_runs`]), keeping
    /// the map back to the file: a claim read through them spans them in the original.
    fn drop_invisible(&mut self) {
        let runs = invisible_runs(&self.text);
        if !runs.is_empty() {
            self.drop_runs(&runs);
        }
    }

    /// Removes `runs` (sorted, apart) from the text, splitting the segments around them and
    /// moving the headings.
    fn drop_runs(&mut self, runs: &[Range<usize>]) {
        // Bytes removed before each run, and in all.
        let removed_before: Vec<usize> = runs
            .iter()
            .scan(0, |total, run| {
                let before = *total;
                *total += run.len();
                Some(before)
            })
            .collect();
        let removed: usize = runs.iter().map(ExactSizeIterator::len).sum();
        // Where an offset of the text lands once the runs are gone.
        let moved = |offset: usize| {
            let index = runs.partition_point(|run| run.end <= offset);
            let inside = runs.get(index).map_or(0, |run| offset.saturating_sub(run.start));
            offset - removed_before.get(index).copied().unwrap_or(removed) - inside
        };
        let mut text = String::with_capacity(self.text.len());
        let mut from = 0;
        for run in runs {
            text.push_str(&self.text[from..run.start]);
            from = run.end;
        }
        text.push_str(&self.text[from..]);

        let mut segments = Vec::with_capacity(self.segments.len() + runs.len());
        for (index, segment) in self.segments.iter().enumerate() {
            let end = self.segment_end(index);
            match segment.mapping {
                Mapping::Linear => {
                    // The pieces of the segment between the runs, each mapped straight across.
                    let first = runs.partition_point(|run| run.end <= segment.prose);
                    let mut start = segment.prose;
                    for run in runs[first..].iter().take_while(|run| run.start < end) {
                        if run.start > start {
                            segments.push(Segment {
                                prose: moved(start),
                                original: segment.original + (start - segment.prose),
                                mapping: Mapping::Linear,
                            });
                        }
                        start = start.max(run.end);
                    }
                    if start < end {
                        segments.push(Segment {
                            prose: moved(start),
                            original: segment.original + (start - segment.prose),
                            mapping: Mapping::Linear,
                        });
                    }
                }
                // Decoded or added text stands for its whole source, however much is left.
                Mapping::Replaced { .. } | Mapping::Synthetic => {
                    if moved(end) > moved(segment.prose) {
                        segments.push(Segment {
                            prose: moved(segment.prose),
                            ..*segment
                        });
                    }
                }
            }
        }
        for heading in &mut self.headings {
            heading.range = moved(heading.range.start)..moved(heading.range.end);
        }
        self.headings.retain(|h| !h.range.is_empty());
        self.len = text.len();
        self.text = text;
        self.segments = segments;
    }
}

/// Builds prose piece by piece.
#[derive(Default)]
struct Builder {
    prose: Prose,
}

impl Builder {
    fn push(&mut self, original: usize, text: &str, mapping: Mapping) {
        if text.is_empty() {
            return;
        }
        let prose = self.prose.text.len();
        // Extend the previous segment when this one continues it exactly.
        let continues = self.prose.segments.last().is_some_and(|last| {
            mapping == Mapping::Linear
                && last.mapping == Mapping::Linear
                && last.original + (prose - last.prose) == original
        });
        if !continues {
            self.prose.segments.push(Segment {
                prose,
                original,
                mapping,
            });
        }
        self.prose.text.push_str(text);
        self.prose.len = self.prose.text.len();
    }

    /// Text that stands for `original` of the file: text as long as its source (equal, or a
    /// line break read as a space) is one linear segment, decoded text one replaced segment.
    fn text(&mut self, original: Range<usize>, source: &str, text: &str) {
        // Byte for byte, or with ASCII swapped for ASCII (a line break read as a space): every
        // offset inside maps straight across, on a character boundary on both sides.
        let linear = source.len() == text.len()
            && (source == text
                || source
                    .bytes()
                    .zip(text.bytes())
                    .all(|(a, b)| a == b || (a.is_ascii() && b.is_ascii())));
        if linear {
            self.push(original.start, text, Mapping::Linear);
        } else {
            self.push(
                original.start,
                text,
                Mapping::Replaced {
                    original_len: original.len(),
                },
            );
        }
    }

    fn synthetic(&mut self, at: usize, text: &str) {
        self.prose.added_words |= !text.trim().is_empty();
        self.push(at, text, Mapping::Synthetic);
    }

    /// Ends the current line, so the next block starts a sentence of its own.
    fn line_break(&mut self, at: usize) {
        if !self.prose.text.is_empty() && !self.prose.text.ends_with('\n') {
            self.synthetic(at, "\n");
        }
    }

    /// Opens a heading of `level` at the current end of the prose.
    fn start_heading(&mut self, at: usize, level: u8, open: &mut Option<(usize, u8)>) {
        self.line_break(at);
        *open = Some((self.prose.text.len(), level));
    }

    /// Closes the open heading, keeping it when it holds text.
    fn end_heading(&mut self, at: usize, open: &mut Option<(usize, u8)>) {
        if let Some((start, level)) = open.take() {
            let end = self.prose.text.len();
            if end > start {
                self.prose.headings.push(Heading {
                    range: start..end,
                    level,
                });
            }
        }
        self.line_break(at);
    }

    fn ends_in_space(&self) -> bool {
        self.prose.text.is_empty() || self.prose.text.ends_with(char::is_whitespace)
    }
}

/// One table cell: its pieces of text with their original ranges, and its start.
#[derive(Default, Clone)]
struct Cell {
    at: usize,
    pieces: Vec<(Range<usize>, String, String)>,
}

impl Cell {
    fn plain(&self) -> String {
        self.pieces.iter().map(|(_, _, text)| text.as_str()).collect::<String>()
    }

    fn emit(&self, builder: &mut Builder) {
        for (range, source, text) in &self.pieces {
            builder.text(range.clone(), source, text);
        }
    }
}

/// Collects a table's rows and writes each body cell with its row label and column header.
#[derive(Default)]
struct Table {
    header: Vec<String>,
    row: Vec<Cell>,
    cell: Option<Cell>,
}

impl Table {
    fn start_cell(&mut self, at: usize) {
        self.cell = Some(Cell { at, ..Cell::default() });
    }

    fn end_cell(&mut self) {
        if let Some(cell) = self.cell.take() {
            self.row.push(cell);
        }
    }

    /// Header cells are prose of their own, one per line, and name the columns.
    fn end_header(&mut self, builder: &mut Builder) {
        self.end_cell();
        self.header = self.row.iter().map(|c| c.plain().trim().to_owned()).collect();
        for cell in std::mem::take(&mut self.row) {
            builder.line_break(cell.at);
            cell.emit(builder);
            builder.line_break(cell.at);
        }
    }

    /// A body row: the first cell on a line of its own; every other cell on its own line,
    /// after the row label and, when it holds no words, before its column header.
    fn end_row(&mut self, builder: &mut Builder) {
        self.end_cell();
        let row = std::mem::take(&mut self.row);
        let label = row.first().map(|c| c.plain().trim().to_owned()).unwrap_or_default();
        for (index, cell) in row.iter().enumerate() {
            builder.line_break(cell.at);
            let text = cell.plain();
            if text.trim().is_empty() {
                continue;
            }
            if index > 0 && !label.is_empty() {
                builder.synthetic(cell.at, &format!("{label}: "));
            }
            cell.emit(builder);
            let header = self.header.get(index).filter(|h| !h.is_empty());
            if index > 0
                && let Some(header) = header
                && !text.chars().any(char::is_alphabetic)
            {
                builder.synthetic(cell.at, &format!(" {header}"));
            }
            builder.line_break(cell.at);
        }
    }
}

/// The prose of a Markdown text that starts at byte `offset` of its file.
pub fn markdown(text: &str, offset: usize) -> Prose {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut builder = Builder::default();
    let mut table: Option<Table> = None;
    let mut hidden = 0usize; // inside a code block, image or metadata block
    let mut heading: Option<(usize, u8)> = None;
    // An HTML block arrives line by line; a comment may span lines.
    let mut html_block: Option<(usize, String)> = None;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        let original = range.start + offset..range.end + offset;
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::Image { .. } | Tag::MetadataBlock(_)) => hidden += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::Image | TagEnd::MetadataBlock(_)) => {
                hidden = hidden.saturating_sub(1);
            }
            Event::Start(Tag::Heading { level, .. }) => {
                builder.start_heading(original.start, level as u8, &mut heading);
            }
            Event::End(TagEnd::Heading(_)) => builder.end_heading(original.end, &mut heading),
            Event::Start(Tag::Table(_)) => {
                builder.line_break(original.start);
                table = Some(Table::default());
            }
            Event::End(TagEnd::Table) => {
                table = None;
                builder.line_break(original.end);
            }
            Event::Start(Tag::TableCell) => {
                if let Some(table) = &mut table {
                    table.start_cell(original.start);
                }
            }
            Event::End(TagEnd::TableCell) => {
                if let Some(table) = &mut table {
                    table.end_cell();
                }
            }
            Event::End(TagEnd::TableHead) => {
                if let Some(table) = &mut table {
                    table.end_header(&mut builder);
                }
            }
            Event::End(TagEnd::TableRow) => {
                if let Some(table) = &mut table {
                    table.end_row(&mut builder);
                }
            }
            Event::Start(Tag::HtmlBlock) => {
                builder.line_break(original.start);
                html_block = Some((original.start, String::new()));
            }
            Event::End(TagEnd::HtmlBlock) => {
                if let Some((start, html)) = html_block.take() {
                    collect_comments(&html, start, &mut builder.prose.comments);
                }
                builder.line_break(original.end);
            }
            Event::Html(_) if html_block.is_some() => {
                if let Some((start, buffer)) = &mut html_block {
                    if buffer.is_empty() {
                        *start = original.start;
                    }
                    buffer.push_str(&text[range.clone()]);
                }
            }
            Event::Start(
                Tag::Paragraph
                | Tag::Item
                | Tag::BlockQuote(_)
                | Tag::List(_)
                | Tag::FootnoteDefinition(_)
                | Tag::DefinitionListTitle
                | Tag::DefinitionListDefinition,
            ) => builder.line_break(original.start),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::List(_)
                | TagEnd::FootnoteDefinition
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition,
            ) => builder.line_break(original.end),
            Event::Text(content) if hidden == 0 => {
                let source = &text[range.clone()];
                match table.as_mut().and_then(|t| t.cell.as_mut()) {
                    Some(cell) => cell.pieces.push((original, source.to_owned(), content.into_string())),
                    None => builder.text(original, source, &content),
                }
            }
            Event::Code(_) if hidden == 0 => {
                // Code is not prose; a space keeps the words around it apart.
                match table.as_mut().and_then(|t| t.cell.as_mut()) {
                    Some(cell) => cell
                        .pieces
                        .push((original.start..original.start, String::new(), " ".into())),
                    None if !builder.ends_in_space() => builder.synthetic(original.start, " "),
                    None => {}
                }
            }
            Event::SoftBreak if hidden == 0 => builder.synthetic(original.start, " "),
            Event::HardBreak if hidden == 0 => builder.line_break(original.start),
            Event::Html(html) | Event::InlineHtml(html) => {
                collect_comments(&html, original.start, &mut builder.prose.comments);
            }
            _ => {}
        }
    }
    builder.prose.drop_invisible();
    builder.prose
}

/// The comments inside a stretch of raw HTML that Markdown passes through.
fn collect_comments(html: &str, offset: usize, out: &mut Vec<Comment>) {
    let mut from = 0;
    while let Some(open) = html[from..].find("<!--") {
        let start = from + open;
        let Some(close) = html[start + 4..].find("-->") else {
            break;
        };
        let end = start + 4 + close + 3;
        out.push(Comment {
            range: offset + start..offset + end,
            text: html[start + 4..end - 3].to_owned(),
        });
        from = end;
    }
}

/// Elements whose content is not prose: code, scripts, styles, navigation and page chrome.
fn is_hidden_element(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "nav"
            | "footer"
            | "aside"
            | "form"
            | "button"
            | "select"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "canvas"
            | "code"
            | "pre"
            | "kbd"
            | "samp"
            | "head"
            | "textarea"
            | "dialog"
            | "menu"
    )
}

/// Elements that end a line of prose.
fn is_block_element(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "section"
            | "article"
            | "main"
            | "header"
            | "blockquote"
            | "figure"
            | "figcaption"
            | "hr"
            | "address"
            | "caption"
            | "details"
            | "summary"
    )
}

/// `<meta>` names and properties that carry a publication date.
const DATE_META: &[&str] = &[
    "article:published_time",
    "date",
    "pubdate",
    "publish-date",
    "publication_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
];

/// Quoted-attribute chains up to this long are tokenized on the calling thread.
const SHALLOW_CHAIN: usize = 32;
/// The longest quoted-attribute chain tokenized at all; a longer one skips the document.
pub const MAX_ATTRIBUTE_CHAIN: usize = 4096;
/// Stack for each link of a chain: a debug build takes about 12 KiB, a release build far less.
const STACK_PER_LINK: usize = 16 << 10;
/// Stack for the rest of the walk on a thread of its own.
const STACK_BASE: usize = 1 << 20;

/// The prose of an HTML text that starts at byte `offset` of its file: the visible text of
/// the page without its scripts, styles and navigation; or why the text is not read.
///
/// html5gum reads a start tag's double-quoted attributes one nested call deeper each, so the
/// stack a tag needs grows with its attributes. A text whose longest such chain
/// ([`quoted_attribute_chain`]) is short is tokenized here; a longer one on a thread with a
/// stack to match; one beyond [`MAX_ATTRIBUTE_CHAIN`] is not read.
pub fn html(text: &str, offset: usize) -> Result<Prose, String> {
    let chain = match quoted_attribute_chain(text.as_bytes(), MAX_ATTRIBUTE_CHAIN) {
        Ok(chain) => chain,
        Err(at) => {
            let line = 1 + memchr::memchr_iter(b'\n', &text.as_bytes()[..at]).count();
            return Err(format!(
                "HTML with more than {MAX_ATTRIBUTE_CHAIN} quoted attributes in a row (line {line}): \
                 too deep for the HTML tokenizer"
            ));
        }
    };
    if chain <= SHALLOW_CHAIN {
        return Ok(tokenize_html(text, offset));
    }
    std::thread::scope(|scope| {
        let walk = std::thread::Builder::new()
            .name("html".into())
            .stack_size(STACK_BASE + chain * STACK_PER_LINK)
            .spawn_scoped(scope, || tokenize_html(text, offset))
            .map_err(|e| format!("HTML with {chain} quoted attributes in a row: no thread to read it on ({e})"))?;
        Ok(walk.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
    })
}

/// An upper bound on the number of double-quoted attributes html5gum 0.9 reads in one chain
/// of nested calls, or `Err` with the offset where it passes `limit`.
///
/// The tokenizer calls the state for a double-quoted value straight from the one before, and
/// so on around the cycle value → after the quote → before a name → name → `=` → value, while
/// the input stays on that path: `"…"` (no `&`), white space, a name (no white space, `/`, `>`
/// or `=`), `=`, optional white space, `"`. Anything else returns to the tokenizer's loop and
/// ends the chain. Not knowing which quotes open a value, the scan starts a chain at every `"`
/// and follows all of them at once; chains in one state merge, so it is one pass.
fn quoted_attribute_chain(bytes: &[u8], limit: usize) -> Result<usize, usize> {
    // The longest live chain in each state of the cycle, 0 for none: inside a value, right
    // after its closing quote, before a name, in a name, after its `=`.
    let (mut value, mut quote, mut before, mut name, mut equals) = (0usize, 0usize, 0usize, 0usize, 0usize);
    let mut longest = 0;
    let mut i = 0;
    while i < bytes.len() {
        if quote | before | name | equals == 0 {
            // Nothing but a value (or nothing) is live: only a quote or `&` changes that.
            match memchr::memchr2(b'"', b'&', &bytes[i..]) {
                Some(skip) => i += skip,
                None => break,
            }
        }
        (value, quote, before, name, equals) = match bytes[i] {
            b'"' => {
                let opened = if equals > 0 { equals + 1 } else { 1 };
                if opened > limit {
                    return Err(i);
                }
                longest = longest.max(opened);
                (opened, value, 0, before.max(name), 0)
            }
            b'\t' | b'\n' | b'\x0C' | b'\r' | b' ' => (value, 0, quote.max(before), 0, equals),
            b'&' => (0, 0, 0, before.max(name), 0),
            b'/' | b'>' => (value, 0, 0, 0, 0),
            b'=' => (value, 0, 0, 0, name),
            _ => (value, 0, 0, before.max(name), 0),
        };
        i += 1;
    }
    Ok(longest)
}

/// [`html`] on the calling thread.
fn tokenize_html(text: &str, offset: usize) -> Prose {
    let mut walk = HtmlWalk {
        text,
        offset,
        builder: Builder::default(),
        hidden: HiddenStack::default(),
        in_article: 0,
        in_title: false,
        title: String::new(),
        table: None,
        header_row: false,
        heading: None,
        tag_name: String::new(),
        tag_start: 0,
        attributes: TagAttributes::default(),
    };
    let mut emitter = CallbackEmitter::new(Events(&mut walk));
    emitter.naively_switch_states(true);
    // The walk takes every event; the tokenizer yields nothing, and reading a string fails never.
    let Ok(()) = Tokenizer::new_with_emitter(text, Quiet(emitter)).finish();
    let title = walk.title.split_whitespace().collect::<Vec<_>>().join(" ");
    walk.builder.prose.title = (!title.is_empty()).then_some(title);
    walk.builder.prose.drop_invisible();
    walk.builder.prose
}

/// An emitter that reports no parse errors: none is read, and looking for them costs a test
/// of every byte.
struct Quiet<E>(E);

impl<E: Emitter> ForwardingEmitter for Quiet<E> {
    type Token = E::Token;

    fn inner(&mut self) -> &mut impl Emitter<Token = Self::Token> {
        &mut self.0
    }

    fn should_emit_errors(&mut self) -> bool {
        false
    }
}

/// The start-tag attributes that [`html`] reads.
const READ_ATTRIBUTES: [&[u8]; 7] = [
    b"property",
    b"name",
    b"content",
    b"datetime",
    b"role",
    b"aria-hidden",
    b"hidden",
];
const PROPERTY: usize = 0;
const NAME: usize = 1;
const CONTENT: usize = 2;
const DATETIME: usize = 3;
const ROLE: usize = 4;
const ARIA_HIDDEN: usize = 5;
const HIDDEN: usize = 6;

/// The [`READ_ATTRIBUTES`] of the start tag being read, their buffers kept from tag to tag.
/// When a name is repeated, its first value counts, as in a browser.
#[derive(Default)]
struct TagAttributes {
    values: [Vec<u8>; READ_ATTRIBUTES.len()],
    /// One bit per attribute seen.
    seen: u8,
    /// The attribute whose value comes next, when it is one to read.
    current: Option<usize>,
}

impl TagAttributes {
    fn clear(&mut self) {
        for value in &mut self.values {
            value.clear();
        }
        self.seen = 0;
        self.current = None;
    }

    fn name(&mut self, name: &[u8]) {
        self.current = READ_ATTRIBUTES
            .iter()
            .position(|read| *read == name)
            .filter(|&i| self.seen & (1 << i) == 0);
        if let Some(i) = self.current {
            self.seen |= 1 << i;
        }
    }

    fn value(&mut self, value: &[u8]) {
        if let Some(i) = self.current {
            self.values[i].extend_from_slice(value);
        }
    }

    fn get(&self, attribute: usize) -> Option<&[u8]> {
        (self.seen & (1 << attribute) != 0).then(|| self.values[attribute].as_slice())
    }

    fn string(&self, attribute: usize) -> Option<String> {
        self.get(attribute).map(|v| String::from_utf8_lossy(v).into_owned())
    }
}

/// The state of one walk over an HTML text's tokens.
struct HtmlWalk<'t> {
    text: &'t str,
    offset: usize,
    builder: Builder,
    /// The open elements whose content is not prose.
    hidden: HiddenStack,
    in_article: usize,
    in_title: bool,
    title: String,
    table: Option<Table>,
    header_row: bool,
    heading: Option<(usize, u8)>,
    /// The lower-cased name of the start tag being read, and where it starts.
    tag_name: String,
    tag_start: usize,
    attributes: TagAttributes,
}

/// The open elements whose content is not prose, by name, with how many of each are open: an
/// end tag of an element none of them is costs one lookup, not a search of the stack, so
/// thousands of unclosed `<nav>`s and thousands of stray end tags stay linear.
#[derive(Default)]
struct HiddenStack {
    open: Vec<String>,
    counts: HashMap<String, usize>,
}

impl HiddenStack {
    fn is_empty(&self) -> bool {
        self.open.is_empty()
    }

    fn push(&mut self, name: &str) {
        match self.counts.get_mut(name) {
            Some(count) => *count += 1,
            None => {
                self.counts.insert(name.to_owned(), 1);
            }
        }
        self.open.push(name.to_owned());
    }

    /// Closes the innermost open element named `name` and every one opened inside it; false
    /// when none is open.
    fn close(&mut self, name: &str) -> bool {
        if self.counts.get(name).is_none_or(|&count| count == 0) {
            return false;
        }
        let Some(at) = self.open.iter().rposition(|open| open == name) else {
            return false;
        };
        for closed in self.open.drain(at..) {
            if let Some(count) = self.counts.get_mut(&closed) {
                *count -= 1;
            }
        }
        true
    }
}

/// Sets `buffer` to `name`, lower-cased (and made valid UTF-8).
fn set_lowercase(buffer: &mut String, name: &[u8]) {
    buffer.clear();
    match std::str::from_utf8(name) {
        Ok(name) => buffer.push_str(name),
        Err(_) => buffer.push_str(&String::from_utf8_lossy(name)),
    }
    buffer.make_ascii_lowercase();
}

/// Hands the tokenizer's events to the walk; its strings are borrowed, so reading a tag
/// allocates nothing.
struct Events<'w, 't>(&'w mut HtmlWalk<'t>);

impl Callback<Infallible, usize> for Events<'_, '_> {
    fn handle_event(&mut self, event: CallbackEvent<'_>, span: Span<usize>) -> Option<Infallible> {
        let walk = &mut *self.0;
        match event {
            CallbackEvent::OpenStartTag { name } => {
                set_lowercase(&mut walk.tag_name, name);
                walk.tag_start = span.start;
            }
            CallbackEvent::AttributeName { name } => walk.attributes.name(name),
            CallbackEvent::AttributeValue { value } => walk.attributes.value(value),
            CallbackEvent::CloseStartTag { self_closing } => {
                walk.start_tag(self_closing);
                walk.tag_name.clear();
                walk.attributes.clear();
            }
            CallbackEvent::EndTag { name } => {
                walk.attributes.clear();
                // The start tag's buffer is free between tags.
                let mut end_name = std::mem::take(&mut walk.tag_name);
                set_lowercase(&mut end_name, name);
                walk.end_tag(&end_name, span.start);
                end_name.clear();
                walk.tag_name = end_name;
            }
            CallbackEvent::String { value } => walk.string(value, span.start..span.end),
            CallbackEvent::Comment { value } => walk.builder.prose.comments.push(Comment {
                range: span.start + walk.offset..span.end + walk.offset,
                text: String::from_utf8_lossy(value).into_owned(),
            }),
            CallbackEvent::Doctype { .. } | CallbackEvent::Error(_) => {}
        }
        None
    }
}

impl HtmlWalk<'_> {
    fn start_tag(&mut self, self_closing: bool) {
        let name = self.tag_name.as_str();
        let at = self.tag_start + self.offset;
        let builder = &mut self.builder;
        let attributes = &self.attributes;
        if name == "meta" {
            let key = attributes
                .string(PROPERTY)
                .or_else(|| attributes.string(NAME))
                .unwrap_or_default();
            if builder.prose.date.is_none() && DATE_META.contains(&key.to_ascii_lowercase().as_str()) {
                builder.prose.date = attributes.string(CONTENT);
            }
            return;
        }
        if name == "time" && builder.prose.date.is_none() && self.hidden.is_empty() {
            builder.prose.date = attributes.string(DATETIME);
        }
        if name == "title" {
            self.in_title = true;
            return;
        }
        let chrome = matches!(
            attributes.get(ROLE),
            Some(b"navigation" | b"banner" | b"contentinfo" | b"complementary")
        ) || attributes.get(ARIA_HIDDEN) == Some(b"true")
            || attributes.get(HIDDEN).is_some();
        let page_header = name == "header" && self.in_article == 0;
        if !self_closing && (is_hidden_element(name) || chrome || page_header) {
            self.hidden.push(name);
            return;
        }
        if !self.hidden.is_empty() {
            return;
        }
        match name {
            "article" | "main" => self.in_article += 1,
            "table" => {
                builder.line_break(at);
                self.table = Some(Table::default());
            }
            "tr" => self.header_row = true,
            "td" | "th" => {
                self.header_row &= name == "th";
                if let Some(table) = &mut self.table {
                    table.end_cell();
                    table.start_cell(at);
                }
            }
            _ => {}
        }
        if let Some(level) = heading_level(name) {
            builder.start_heading(at, level, &mut self.heading);
        } else if is_block_element(name) {
            builder.line_break(at);
        }
    }

    fn end_tag(&mut self, name: &str, start: usize) {
        let at = start + self.offset;
        if name == "title" {
            self.in_title = false;
            return;
        }
        if self.hidden.close(name) {
            return;
        }
        if !self.hidden.is_empty() {
            return;
        }
        let builder = &mut self.builder;
        match name {
            "article" | "main" => self.in_article = self.in_article.saturating_sub(1),
            "table" => {
                self.table = None;
                builder.line_break(at);
            }
            "td" | "th" => {
                if let Some(table) = &mut self.table {
                    table.end_cell();
                }
            }
            "tr" => {
                if let Some(table) = &mut self.table {
                    if self.header_row && table.header.is_empty() {
                        table.end_header(builder);
                    } else {
                        table.end_row(builder);
                    }
                }
            }
            _ => {}
        }
        if heading_level(name).is_some() {
            builder.end_heading(at, &mut self.heading);
        } else if is_block_element(name) {
            builder.line_break(at);
        }
    }

    /// Text between tags: `value` decoded, `range` its source.
    fn string(&mut self, value: &[u8], range: Range<usize>) {
        if self.in_title {
            self.title.push_str(&String::from_utf8_lossy(value));
            return;
        }
        if !self.hidden.is_empty() {
            return;
        }
        let source = self.text.get(range.clone()).unwrap_or_default();
        // Most text holds no character reference: it is its source, one piece.
        if !source.is_empty() && source.as_bytes() == value {
            self.piece(range, source, source);
            return;
        }
        let decoded = String::from_utf8_lossy(value);
        for (piece_range, piece_source, piece) in align_decoded(source, &decoded, range.start) {
            self.piece(piece_range, piece_source, &piece);
        }
    }

    /// One piece of text, `text` for `source` at `range` of the HTML text.
    fn piece(&mut self, range: Range<usize>, source: &str, text: &str) {
        let original = range.start + self.offset..range.end + self.offset;
        let text = if memchr::memchr3(b'\n', b'\r', b'\t', text.as_bytes()).is_some() {
            Cow::Owned(text.replace(['\n', '\r', '\t'], " "))
        } else {
            Cow::Borrowed(text)
        };
        match self.table.as_mut().and_then(|t| t.cell.as_mut()) {
            Some(cell) => cell.pieces.push((original, source.to_owned(), text.into_owned())),
            None => self.builder.text(original, source, &text),
        }
    }
}

fn heading_level(name: &str) -> Option<u8> {
    match name.as_bytes() {
        [b'h', level @ b'1'..=b'6'] => Some(level - b'0'),
        _ => None,
    }
}

/// Splits a stretch of HTML source and its decoded text into aligned pieces: runs that are
/// equal, and each character reference (`&amp;`, `&#8212;`) with the character it stands for.
/// Anything the walk cannot align becomes one piece for the rest.
fn align_decoded<'s>(source: &'s str, decoded: &str, offset: usize) -> Vec<(Range<usize>, &'s str, String)> {
    let mut pieces = Vec::new();
    let (mut s, mut d) = (0, 0);
    let mut run_start = (0, 0);
    let flush = |pieces: &mut Vec<_>, from: (usize, usize), s: usize, d: usize| {
        if s > from.0 {
            pieces.push((
                offset + from.0..offset + s,
                &source[from.0..s],
                decoded[from.1..d].to_owned(),
            ));
        }
    };
    while s < source.len() && d < decoded.len() {
        let rest = &source[s..];
        let Some(wanted) = decoded[d..].chars().next() else {
            break;
        };
        // `&al` that the tokenizer left as it was is text, not a reference.
        if let Some(reference) = character_reference(rest)
            && !decoded[d..].starts_with(&rest[..reference])
        {
            flush(&mut pieces, run_start, s, d);
            pieces.push((
                offset + s..offset + s + reference,
                &source[s..s + reference],
                wanted.to_string(),
            ));
            s += reference;
            d += wanted.len_utf8();
            run_start = (s, d);
            continue;
        }
        if rest.starts_with("\r\n") && wanted == '\n' {
            flush(&mut pieces, run_start, s, d);
            pieces.push((offset + s..offset + s + 2, &source[s..s + 2], "\n".into()));
            s += 2;
            d += 1;
            run_start = (s, d);
            continue;
        }
        match rest.chars().next() {
            Some(c) if c == wanted => {
                s += c.len_utf8();
                d += c.len_utf8();
            }
            _ => break,
        }
    }
    flush(&mut pieces, run_start, s, d);
    if s < source.len() || d < decoded.len() {
        pieces.push((offset + s..offset + source.len(), &source[s..], decoded[d..].to_owned()));
    }
    pieces
}

/// The length of a character reference at the start of `text` (`&amp;`, `&#8212;`, `&#x2014;`).
fn character_reference(text: &str) -> Option<usize> {
    let rest = text.strip_prefix('&')?;
    let name_len = rest
        .char_indices()
        .take_while(|&(i, c)| c.is_ascii_alphanumeric() || (i == 0 && c == '#'))
        .count();
    if name_len == 0 || (name_len == 1 && rest.starts_with('#')) {
        return None;
    }
    let semicolon = usize::from(rest[name_len..].starts_with(';'));
    Some(1 + name_len + semicolon)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn original<'t>(text: &'t str, prose: &Prose, needle: &str) -> &'t str {
        let at = prose.text.find(needle).unwrap();
        &text[prose.original_range(at..at + needle.len())]
    }

    #[test]
    fn markdown_prose_leaves_out_code_and_link_targets() {
        let text = "# NATO in Iraq\n\nThe [mission](https://example.org/500) has **500** troops.\n\n```\nlet x = 40;\n```\n\nRun `claimlint 2.0` on 3 files.\n";
        let prose = markdown(text, 0);
        assert!(prose.text.contains("The mission has 500 troops."), "{:?}", prose.text);
        assert!(!prose.text.contains("40"));
        assert!(!prose.text.contains("example.org"));
        assert!(!prose.text.contains("2.0"));
        assert_eq!(original(text, &prose, "500 troops"), "500** troops");
        assert_eq!(prose.headings.len(), 1);
        assert_eq!(&prose.text[prose.headings[0].range.clone()], "NATO in Iraq");
    }

    #[test]
    fn markdown_paragraph_lines_join_into_one_sentence() {
        let text = "NATO agreed to send\n500 trainers to Iraq.\n";
        let prose = markdown(text, 0);
        assert!(prose.text.contains("send 500 trainers"), "{:?}", prose.text);
        assert_eq!(original(text, &prose, "500 trainers"), "500 trainers");
    }

    #[test]
    fn table_cells_get_their_row_label_and_column_header() {
        let text = "| Country | Troops |\n|---|---|\n| Germany | 500 |\n| France | about 200 troops |\n";
        let prose = markdown(text, 0);
        assert!(prose.text.contains("Germany: 500 Troops\n"), "{:?}", prose.text);
        assert!(prose.text.contains("France: about 200 troops\n"), "{:?}", prose.text);
        let at = prose.text.find("500 Troops").unwrap();
        assert_eq!(&text[prose.original_range(at..at + "500 Troops".len())], "500");
        assert!(prose.is_synthetic(prose.text.find("Germany: 500").unwrap()));
        assert!(!prose.is_synthetic(at));
        assert!(prose.has_added_words());
        assert!(!markdown("Germany sent\n500 soldiers.\n\nThen *more* came.\n", 0).has_added_words());
    }

    #[test]
    fn html_prose_is_the_visible_text() {
        let text = "<html><head><title>Iraq &amp; NATO</title><style>p{margin:5px}</style></head>\
                    <body><nav>Home 3</nav><article><p>NATO sent 500&nbsp;troops &amp; 4 tanks.</p>\
                    <script>var n = 7;</script><!-- claimlint-disable-next-line --><p>Then 20\n<b>more</b>.</p></article>\
                    <footer>© 2020</footer></body></html>";
        let prose = html(text, 0).unwrap();
        assert_eq!(prose.title.as_deref(), Some("Iraq & NATO"));
        assert!(
            prose.text.contains("NATO sent 500\u{a0}troops & 4 tanks."),
            "{:?}",
            prose.text
        );
        assert!(prose.text.contains("Then 20 more."), "{:?}", prose.text);
        for hidden in ["Home", "margin", "var n", "2020"] {
            assert!(!prose.text.contains(hidden), "{hidden} in {:?}", prose.text);
        }
        assert_eq!(original(text, &prose, "4 tanks"), "4 tanks");
        assert_eq!(original(text, &prose, "troops & 4"), "troops &amp; 4");
        assert_eq!(prose.comments.len(), 1);
        assert_eq!(prose.comments[0].text.trim(), "claimlint-disable-next-line");
    }

    #[test]
    fn html_attributes_hide_chrome_and_date_the_page() {
        let text = "<HTML><HEAD><META NAME=\"Date\" content=\"2019-10-06\">\
                    <meta name=\"date\" content=\"2001-01-01\"></HEAD><BODY>\
                    <DIV role=\"navigation\">Menu 1</DIV><div hidden>Hidden 2</div>\
                    <p aria-hidden=\"false\" aria-hidden=\"true\">Shown 3</p>\
                    <p role=\"main\" role=\"banner\">Kept 4</p><span aria-hidden=\"true\">Icon 5</span>\
                    <br/>After 6</p class=\"stray\"><time datetime=\"2020-02-02\">later</time></BODY></HTML>";
        let prose = html(text, 0).unwrap();
        assert_eq!(prose.date.as_deref(), Some("2019-10-06"), "the first date meta counts");
        for hidden in ["Menu 1", "Hidden 2", "Icon 5"] {
            assert!(!prose.text.contains(hidden), "{hidden} in {:?}", prose.text);
        }
        // A repeated attribute counts by its first value.
        for shown in ["Shown 3", "Kept 4", "After 6", "later"] {
            assert!(prose.text.contains(shown), "{shown} not in {:?}", prose.text);
        }
        assert!(prose.text.contains("Kept 4\nAfter 6"), "{:?}", prose.text);
    }

    #[test]
    fn hidden_elements_close_with_their_own_end_tags() {
        let text = "<nav>a<div role=\"navigation\"><nav>b</nav>c</p></div>d</span></nav>Shown 1\
                    <aside>e</div></aside>Shown 2";
        let prose = html(text, 0).unwrap();
        assert_eq!(prose.text.trim(), "Shown 1Shown 2");
        // Thousands of unclosed hidden elements and stray end tags: one lookup per end tag.
        let many = format!("{}{}<p>Hidden 3", "<nav>".repeat(20_000), "</div>".repeat(20_000));
        assert_eq!(html(&many, 0).unwrap().text.trim(), "");
    }

    #[test]
    fn quoted_attribute_chains_are_bounded_from_above() {
        let chain = |text: &str| quoted_attribute_chain(text.as_bytes(), 100);
        assert_eq!(chain("<p>No attributes at all.</p>"), Ok(0));
        assert_eq!(chain("<p a=\"1\" b= \"2\"\n\tc=\"\">"), Ok(3));
        // White space before `=` returns to the loop.
        assert_eq!(chain("<p a=\"1\" b =\"2\" c=\"\">"), Ok(2));
        // A reference, an unquoted or single-quoted value, `/` and `>` return to the loop.
        assert_eq!(chain("<p a=\"1\" b=\"&amp;\" c=\"3\" d=\"4\">"), Ok(2));
        assert_eq!(chain("<p a=\"1\" b='2' c=\"3\" d=3 e=\"5\">"), Ok(1));
        assert_eq!(chain("<p a=\"1\" /b=\"2\"><p c=\"3\">"), Ok(1));
        // Quotes in prose may start a chain too: the bound errs on the long side.
        assert_eq!(chain("He said \"yes\" x=\"no\"."), Ok(2));
        let long = format!("<p{}>", " a=\"\"".repeat(101));
        // The 101st value opens 3 bytes before the end.
        assert_eq!(chain(&long), Err(long.len() - 3));
    }

    #[test]
    fn html_with_thousands_of_attributes_in_a_tag_is_read_or_refused() {
        let tag = |n: usize| format!("<p>NATO sent\n<b{}>500 trainers.</b></p>", " a=\"\"".repeat(n));
        let read = html(&tag(3000), 0).expect("3000 attributes are read on a thread of their own");
        assert!(read.text.contains("500 trainers."), "{:?}", read.text);
        let refused = html(&tag(40_000), 0).expect_err("40 000 attributes are refused");
        assert_eq!(
            refused,
            "HTML with more than 4096 quoted attributes in a row (line 2): too deep for the HTML tokenizer"
        );
    }

    #[test]
    fn line_breaks_inside_a_wrapped_sentence_read_as_spaces() {
        let text = "Health officials counted a total of 4,210 people who have\n\
                    died since the storm, and the number of injured was raised to\n\
                    12,000 from 9,500 by the regional office late on Tuesday.\n\
                    Rescue teams from six provinces reached the coast by boat.\n";
        let prose = Prose::plain(text, 3).expect("a view");
        assert!(prose.text.contains("people who have died since"), "{}", prose.text);
        assert!(prose.text.contains("raised to 12,000"), "{}", prose.text);
        // A sentence's end still ends the line.
        assert!(prose.text.contains("Tuesday.\nRescue"), "{}", prose.text);
        // One byte for one: every position maps to itself.
        assert_eq!(prose.text.len(), text.len());
        assert_eq!(prose.original_range(10..20), 13..23);
    }

    #[test]
    fn lines_of_one_item_each_are_not_joined() {
        // Short lines of a list, and lines of any length (one sentence each), are not wrapped.
        let list = "Killed in the north\nmissing 20\ninjured in the south\nand more\n";
        assert!(soft_line_breaks(list).is_empty());
        let sentences = "The fund was worth 300 dollars and\nthe other one a great deal more than that, as every report of the week said in the end\nshort one of\nthe last\n";
        assert!(soft_line_breaks(sentences).is_empty());
        // A headline over its story, with no empty line between them, stays apart.
        let headline = "Storm toll climbs to 4,210 as rescuers reach the coast\n\
                        Health officials counted a total of 4,210 people who have\n\
                        died since the storm struck the region late last week.\n";
        let breaks = soft_line_breaks(headline);
        assert_eq!(breaks, vec![headline.find("have\n").unwrap() + 4]);
    }

    #[test]
    fn invisible_characters_in_words_and_numbers_are_dropped_from_the_prose() {
        let text = "Up 5\u{200d}00 and 2\u{2066},\u{2069}500 \u{200b} then hun\u{ad}dred.";
        let prose = Prose::plain(text, 7).expect("a view");
        // A run between spaces touches no word and stays.
        assert_eq!(prose.text, "Up 500 and 2,500 \u{200b} then hundred.");
        let at = |needle: &str| prose.text.find(needle).unwrap();
        let original = |range: Range<usize>| {
            let range = prose.original_range(range);
            &text[range.start - 7..range.end - 7]
        };
        assert_eq!(original(at("500")..at("500") + 3), "5\u{200d}00");
        assert_eq!(original(at("2,500")..at("2,500") + 5), "2\u{2066},\u{2069}500");
        assert_eq!(original(at("00 and")..at("00 and") + 2), "00");
        assert_eq!(original(at("hundred")..at("hundred") + 7), "hun\u{ad}dred");
        // Every character of the prose maps back to itself.
        for (i, c) in prose.text.char_indices() {
            assert_eq!(original(i..i + c.len_utf8()), c.to_string(), "at {i}");
        }
        assert!(Prose::plain("No 500 \u{200d} here, 😀\u{200d}😀.", 0).is_none());
        // A run of characters with different lead bytes is one run, found from any of them.
        let mixed = Prose::plain("5\u{180e}\u{ad}\u{200b}\u{61c}\u{feff}00", 0).unwrap();
        assert_eq!(mixed.text, "500");
        assert_eq!(mixed.original_range(0..3), 0..16);
    }

    #[test]
    fn invisible_characters_leave_headings_and_references_mapped() {
        let text = "# Fi\u{ad}ve hun\u{200b}dred\n\nNATO sent 5&#8205;00 and 4\u{200d}&zwj;0 troops.\n";
        let prose = markdown(text, 0);
        assert!(prose.text.contains("Five hundred"), "{:?}", prose.text);
        assert!(prose.text.contains("sent 500 and 40 troops."), "{:?}", prose.text);
        assert_eq!(&prose.text[prose.headings[0].range.clone()], "Five hundred");
        assert_eq!(original(text, &prose, "500"), "5&#8205;00");
        assert_eq!(original(text, &prose, "40 troops"), "4\u{200d}&zwj;0 troops");
        let html = html("<h2>Fi\u{ad}ve</h2><p>Now 1\u{200b}2 more</p>", 0).unwrap();
        assert_eq!(&html.text[html.headings[0].range.clone()], "Five");
        assert!(html.text.contains("Now 12 more"), "{:?}", html.text);
    }

    #[test]
    fn comments_are_kept_with_their_place_even_across_lines() {
        let text =
            "Intro 5.\n\n<!-- claimlint-disable\n     numeric-change -->\nNATO has 500 trainers. <!-- inline -->\n";
        let prose = markdown(text, 10);
        let comments: Vec<(&str, &str)> = prose
            .comments
            .iter()
            .map(|c| (c.text.trim(), &text[c.range.start - 10..c.range.end - 10]))
            .collect();
        assert_eq!(
            comments,
            [
                (
                    "claimlint-disable\n     numeric-change",
                    "<!-- claimlint-disable\n     numeric-change -->"
                ),
                ("inline", "<!-- inline -->"),
            ]
        );
        assert!(!prose.text.contains("claimlint"));
    }

    #[test]
    fn character_references_are_aligned_one_by_one() {
        let pieces = align_decoded("a&amp;b &#8212; c", "a&b — c", 10);
        let ranges: Vec<_> = pieces.iter().map(|(r, s, d)| (r.clone(), *s, d.as_str())).collect();
        assert_eq!(
            ranges,
            vec![
                (10..11, "a", "a"),
                (11..16, "&amp;", "&"),
                (16..18, "b ", "b "),
                (18..25, "&#8212;", "—"),
                (25..27, " c", " c"),
            ]
        );
        let literal = align_decoded("&al last year’", "&al last year’", 0);
        assert_eq!(literal, vec![(0..16, "&al last year’", "&al last year’".to_owned())]);
    }
}
