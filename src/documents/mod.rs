//! Documents: find the files of a document set, read them, and learn what each one is.
//!
//! This is the only pipeline stage that touches the file system. It walks the given paths
//! (gitignore-aware, `.txt` and `.md`), reads each file, skips what cannot be text (binary,
//! invalid UTF-8, over the size limit, unreadable) with a warning naming the file, and works out
//! the document's metadata: title, outlet and publication date, from the config manifest, YAML
//! front matter or the text itself (a `date 2020-02-12` line, a dateline). It also marks where
//! trailing boilerplate (a "Related Stories" list) begins, so later stages can ignore it.
//!
//! **Invariant:** documents are never written to; offsets always index the original file.

mod front_matter;
pub mod markup;

use std::ops::Range;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::calendar;
use crate::source::SourceFile;

/// Files larger than this are skipped unless the user raises the limit.
pub const DEFAULT_MAX_BYTES: u64 = 32 * 1024 * 1024;
/// Claims read from one document before the rest of it is left unread, unless the user
/// raises the limit.
pub const DEFAULT_MAX_CLAIMS: usize = 50_000;

/// Extensions read when walking a directory. Files named explicitly are read whatever their name.
const TEXT_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "mdown", "mkd", "html", "htm", "xhtml"];

/// One readable document of the set.
#[derive(Debug, Clone)]
pub struct Document {
    pub file: SourceFile,
    pub meta: DocMeta,
    /// The text after any front matter.
    pub body: Range<usize>,
    /// Where trailing boilerplate (related-story lists and the like) starts, if any.
    pub boilerplate_from: Option<usize>,
    /// For Markdown and HTML: the prose a reader sees, which extraction reads instead of the
    /// file. Dropped once the claims are extracted.
    pub markup: Option<Box<Marked>>,
    /// The file's HTML comments (Markdown and HTML), which may hold suppressions.
    pub comments: Vec<markup::Comment>,
    /// Read with `--lossy`: the offset of the first byte that was not valid UTF-8 (or UTF-16,
    /// in a UTF-16 file).
    pub invalid_utf8_at: Option<usize>,
    /// The first mention of each name the text spells (`subject::document_names`).
    pub names: Vec<crate::subject::NameMention>,
}

/// The prose of a marked-up document, as a document of its own plus the map back.
#[derive(Debug, Clone)]
pub struct Marked {
    /// The prose as plain text: offsets in it are prose offsets.
    pub view: Document,
    pub prose: markup::Prose,
}

/// How a file's text is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Plain,
    Markdown,
    Html,
}

impl Format {
    /// The format a file name suggests: `.md`/`.markdown` Markdown, `.html`/`.htm` HTML.
    pub fn of(path: &str) -> Self {
        let extension = Path::new(path)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("md" | "markdown" | "mdown" | "mkd") => Self::Markdown,
            Some("html" | "htm" | "xhtml") => Self::Html,
            _ => Self::Plain,
        }
    }
}

impl Document {
    /// Drops the prose view of a marked-up document once its claims are extracted: later
    /// stages read the original file and the comments only.
    pub fn release_prose(&mut self) {
        self.markup = None;
    }

    /// The body without trailing boilerplate: the part whose claims are linked.
    pub fn content(&self) -> Range<usize> {
        self.body.start..self.boilerplate_from.unwrap_or(self.body.end)
    }
}

/// What is known about a document besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocMeta {
    pub title: Option<String>,
    /// The outlet or author that published it.
    pub source: Option<String>,
    pub date: Option<Date>,
    pub date_origin: Option<DateOrigin>,
}

/// Where a document's date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DateOrigin {
    Manifest,
    FrontMatter,
    Text,
    /// None stated: the latest day the text names, read against the set's dates.
    LatestInText,
}

/// Metadata the config supplies for one file (a `[[document]]` entry of `claimlint.toml`).
#[derive(Debug, Clone, Default)]
pub struct ManifestEntry {
    pub path: PathBuf,
    pub date: Option<Date>,
    pub source: Option<String>,
    pub title: Option<String>,
}

/// A file that was not read, and why. Reported as a warning; the run goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
    /// An I/O failure (missing or unreadable path) rather than a file that is not text.
    pub io_error: bool,
}

/// Walks `paths` and returns the files to read, sorted, plus the paths that could not be walked.
///
/// Directories are walked honouring `.gitignore`, `.ignore` and hidden-file rules and yield
/// `.txt`, `.md` and `.html` files, following symbolic links; a path naming a file is taken as
/// it is. A named path that cannot be read is an I/O error; a dangling link or a link loop met
/// while walking is reported and skipped.
pub fn discover(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Skipped>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for root in paths {
        match std::fs::metadata(root) {
            Ok(meta) if meta.is_file() => {
                files.push(root.clone());
                continue;
            }
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => {
                problems.push(Skipped {
                    path: root.display().to_string(),
                    reason: "not a regular file or directory".into(),
                    io_error: true,
                });
                continue;
            }
            Err(error) => {
                problems.push(Skipped {
                    path: root.display().to_string(),
                    reason: io_reason(&error),
                    io_error: true,
                });
                continue;
            }
        }
        // The folders are walked on as many threads as extraction uses; what they find is
        // put in order afterwards.
        let found = std::sync::Mutex::new((Vec::new(), Vec::new()));
        ignore::WalkBuilder::new(root)
            .require_git(false)
            .follow_links(true)
            .threads(rayon::current_num_threads())
            .build_parallel()
            .run(|| {
                Box::new(|entry| {
                    let lock = || found.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                    match entry {
                        Ok(entry) if entry.file_type().is_some_and(|t| t.is_file()) => {
                            if has_text_extension(entry.path()) {
                                lock().0.push(entry.into_path());
                            }
                        }
                        Ok(_) => {}
                        Err(error) => lock().1.push(walk_problem(root, &error)),
                    }
                    ignore::WalkState::Continue
                })
            });
        let (mut walked, mut walk_problems) = found.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
        walk_problems.sort_by(|a: &Skipped, b: &Skipped| a.path.cmp(&b.path).then_with(|| a.reason.cmp(&b.reason)));
        files.append(&mut walked);
        problems.append(&mut walk_problems);
    }
    files.sort();
    files.dedup();
    (files, problems)
}

/// Whether `path` ends in one of the [`TEXT_EXTENSIONS`], in any case.
fn has_text_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| TEXT_EXTENSIONS.iter().any(|t| t.eq_ignore_ascii_case(e)))
}

/// What went wrong while walking, said the way the other problems are.
fn walk_problem(root: &Path, error: &ignore::Error) -> Skipped {
    let mut path = root.to_path_buf();
    let mut error = error;
    loop {
        match error {
            ignore::Error::WithPath { path: at, err } => {
                path.clone_from(at);
                error = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => error = err,
            _ => break,
        }
    }
    let (reason, io_error) = match error {
        ignore::Error::Loop { ancestor, child } => {
            path.clone_from(child);
            (
                format!("symbolic link loop (leads back to {})", ancestor.display()),
                false,
            )
        }
        ignore::Error::Io(io) => {
            let io = innermost_io_error(io);
            if io.kind() == std::io::ErrorKind::NotFound {
                ("dangling symbolic link".to_owned(), false)
            } else if is_link_loop(io) {
                ("symbolic link loop".to_owned(), false)
            } else {
                (io_reason(io), true)
            }
        }
        other => (other.to_string(), true),
    };
    Skipped {
        path: path.display().to_string(),
        reason,
        io_error,
    }
}

/// ELOOP: a symbolic link that leads back to itself (`io::ErrorKind::FilesystemLoop` is not
/// stable yet).
fn is_link_loop(error: &std::io::Error) -> bool {
    const ELOOP: i32 = if cfg!(any(target_os = "macos", target_os = "ios", target_os = "freebsd")) {
        62
    } else {
        40
    };
    cfg!(unix) && error.raw_os_error() == Some(ELOOP)
}

/// The I/O error under the walker's wrapping, which names the path a second time.
fn innermost_io_error(error: &std::io::Error) -> &std::io::Error {
    let mut innermost = error;
    let mut source: Option<&(dyn std::error::Error + 'static)> = error.get_ref().map(|e| e as _);
    while let Some(error) = source {
        if let Some(io) = error.downcast_ref::<std::io::Error>() {
            innermost = io;
        }
        source = error.source();
    }
    innermost
}

/// An I/O error as a short lower-case phrase: `permission denied`, `no such file or directory`.
pub fn io_reason(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => "no such file or directory".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let text = error.to_string();
            let text = text.split(" (os error").next().unwrap_or(&text);
            let mut chars = text.chars();
            chars
                .next()
                .map(|first| first.to_lowercase().chain(chars).collect())
                .unwrap_or_default()
        }
    }
}

/// How files are read.
#[derive(Debug, Clone, Copy)]
pub struct ReadOptions {
    /// Files larger than this are skipped.
    pub max_bytes: u64,
    /// Read invalid UTF-8 with U+FFFD in place of the bad bytes instead of skipping the file.
    pub lossy: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self {
            max_bytes: DEFAULT_MAX_BYTES,
            lossy: false,
        }
    }
}

/// A file's bytes, read-only, unless it is over the size limit or cannot be read.
pub fn read_bytes(path: &Path, options: ReadOptions) -> Result<Vec<u8>, Skipped> {
    let skipped = |reason: String, io_error: bool| Skipped {
        path: path.display().to_string(),
        reason,
        io_error,
    };
    let size = std::fs::metadata(path)
        .map_err(|e| skipped(format!("cannot read: {}", io_reason(&e)), true))?
        .len();
    if size > options.max_bytes {
        return Err(skipped(
            format!(
                "{} is over the {} limit (raise it with --max-file-size)",
                format_size(size),
                format_size(options.max_bytes)
            ),
            false,
        ));
    }
    std::fs::read(path).map_err(|e| skipped(format!("cannot read: {}", io_reason(&e)), true))
}

/// `1536` → `1.5 KiB`, `209715200` → `200 MiB`, `12` → `12 bytes`.
pub fn format_size(bytes: u64) -> String {
    const UNITS: [(&str, u64); 3] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)];
    for (unit, size) in UNITS {
        if bytes >= size {
            let value = bytes as f64 / size as f64;
            let text = format!("{value:.1}");
            return format!("{} {unit}", text.strip_suffix(".0").unwrap_or(&text));
        }
    }
    format!("{bytes} bytes")
}

/// `"64M"`, `"2G"`, `"500K"`, `"1048576"` → bytes. Suffixes are binary (K = 1024) and may be
/// followed by `B`, `iB`. A size of zero is refused: a limit of no bytes would skip every file.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let digits_end = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
    let (number, unit) = text.split_at(digits_end);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a size; expected bytes or a number with K, M or G, such as 64M"))?;
    let shift = match unit.trim().to_ascii_uppercase().as_str() {
        "" | "B" => 0,
        "K" | "KB" | "KIB" => 10,
        "M" | "MB" | "MIB" => 20,
        "G" | "GB" | "GIB" => 30,
        _ => return Err(format!("unknown size unit in `{text}`; expected K, M or G")),
    };
    if number == 0 {
        return Err(format!(
            "`{text}` would skip every file; the size limit must be at least 1 byte"
        ));
    }
    number
        .checked_mul(1 << shift)
        .ok_or_else(|| format!("`{text}` is too large"))
}

/// Turns raw bytes into a document, or explains why they are not a text document.
pub fn parse(path: String, bytes: Vec<u8>, manifest: Option<&ManifestEntry>) -> Result<Document, Skipped> {
    decode(path, bytes, manifest, false)
}

/// [`parse`], and with `lossy` invalid UTF-8 is read with U+FFFD in place of the bad bytes.
pub fn decode(
    path: String,
    bytes: Vec<u8>,
    manifest: Option<&ManifestEntry>,
    lossy: bool,
) -> Result<Document, Skipped> {
    let decoded = decode_text(&path, bytes, lossy)?;
    parse_text(path, decoded, manifest)
}

/// A file's text, decoded.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    /// Read with `--lossy`: the offset of the first byte that was not valid.
    pub invalid_at: Option<usize>,
    /// The file is UTF-16 (it opens with a byte-order mark) and `text` is its decoding.
    pub utf16: bool,
}

impl Decoded {
    /// The name of the file's encoding, for messages.
    pub fn encoding(&self) -> &'static str {
        if self.utf16 { "UTF-16" } else { "UTF-8" }
    }

    fn into_file(self, path: String) -> SourceFile {
        if self.utf16 {
            SourceFile::new_utf16(path, self.text)
        } else {
            SourceFile::new(path, self.text)
        }
    }
}

/// Whether a text opens with a NUL in its first 8 KiB: a binary file.
fn looks_binary(bytes: &[u8]) -> bool {
    memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some()
}

/// The text of UTF-16 `bytes` (little- or big-endian) with U+FFFD for each unpaired surrogate
/// and an odd last byte, and the offset of the first such byte.
fn decode_utf16(bytes: &[u8], little_endian: bool) -> (String, Option<usize>) {
    let units = bytes.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little_endian {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let mut text = String::with_capacity(bytes.len());
    let mut invalid_at = None;
    let mut at = 0;
    for decoded in char::decode_utf16(units) {
        match decoded {
            Ok(c) => {
                text.push(c);
                at += 2 * c.len_utf16();
            }
            Err(_) => {
                text.push(char::REPLACEMENT_CHARACTER);
                invalid_at.get_or_insert(at);
                at += 2;
            }
        }
    }
    if bytes.len() % 2 == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
        invalid_at.get_or_insert(bytes.len() - 1);
    }
    (text, invalid_at)
}

/// The text of a file's bytes, or why they are not text: empty, binary, or invalid UTF-8
/// (read with U+FFFD when `lossy`, with the offset of the first bad byte). A file that opens
/// with a UTF-16 byte-order mark (either byte order) is UTF-16 and is decoded; one without
/// holds NUL bytes, and is binary.
pub fn decode_text(path: &str, bytes: Vec<u8>, lossy: bool) -> Result<Decoded, Skipped> {
    let path = path.to_owned();
    let skipped = |reason: String| Skipped {
        path: path.clone(),
        reason,
        io_error: false,
    };
    if bytes.is_empty() {
        return Err(skipped("empty file".into()));
    }
    let utf16 = match bytes.get(..2) {
        Some([0xff, 0xfe]) => Some(true),
        Some([0xfe, 0xff]) => Some(false),
        _ => None,
    };
    let (text, invalid_at) = if let Some(little_endian) = utf16 {
        let (text, invalid_at) = decode_utf16(&bytes, little_endian);
        drop(bytes);
        // The byte-order mark of UTF-32 opens like UTF-16's, and a NUL follows.
        if looks_binary(text.as_bytes()) {
            return Err(skipped("binary file (contains NUL characters)".into()));
        }
        if let (Some(at), false) = (invalid_at, lossy) {
            return Err(skipped(format!(
                "not valid UTF-16 (at byte {at}); use --lossy to read it anyway"
            )));
        }
        (text, invalid_at)
    } else {
        if looks_binary(&bytes) {
            return Err(skipped("binary file (contains NUL bytes)".into()));
        }
        match String::from_utf8(bytes) {
            Ok(text) => (text, None),
            Err(error) => {
                let at = error.utf8_error().valid_up_to();
                if !lossy {
                    return Err(skipped(format!(
                        "not valid UTF-8 (at byte {at}); use --lossy to read it anyway"
                    )));
                }
                (String::from_utf8_lossy(error.as_bytes()).into_owned(), Some(at))
            }
        }
    };
    // A lone carriage return ends a line (classic Mac OS text). It becomes a line feed, byte
    // for byte, so every offset still indexes the original file.
    let text = if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        let mut bytes = text.into_bytes();
        for i in 0..bytes.len() {
            if bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
                bytes[i] = b'\n';
            }
        }
        String::from_utf8(bytes).expect("swapping one ASCII byte for another keeps UTF-8 valid")
    } else {
        text
    };
    Ok(Decoded {
        text,
        invalid_at,
        utf16: utf16.is_some(),
    })
}

/// A document of known text whose metadata, body and comments were worked out before (and
/// kept in the cache): no front matter, Markdown or HTML is parsed again.
pub fn known(path: String, decoded: Decoded, known: Known) -> Document {
    let invalid_utf8_at = decoded.invalid_at;
    Document {
        file: decoded.into_file(path),
        meta: known.meta,
        body: known.body,
        boilerplate_from: known.boilerplate_from,
        markup: None,
        comments: known.comments,
        invalid_utf8_at,
        names: known.names,
    }
}

/// What reading a document works out besides its text and claims, kept so that an unchanged
/// document need not be parsed again.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Known {
    pub meta: DocMeta,
    pub body: Range<usize>,
    pub boilerplate_from: Option<usize>,
    pub comments: Vec<markup::Comment>,
    pub names: Vec<crate::subject::NameMention>,
}

impl Document {
    /// What [`known`] needs to build this document again from its text.
    pub fn known(&self) -> Known {
        Known {
            meta: self.meta.clone(),
            body: self.body.clone(),
            boilerplate_from: self.boilerplate_from,
            comments: self.comments.clone(),
            names: self.names.clone(),
        }
    }
}

/// Metadata, body, boilerplate and prose of a decoded text, or why its markup is not read.
fn parse_text(path: String, decoded: Decoded, manifest: Option<&ManifestEntry>) -> Result<Document, Skipped> {
    let invalid_utf8_at = decoded.invalid_at;
    let file = decoded.into_file(path);
    let text = &file.text;
    let after_bom = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };

    let mut meta = DocMeta::default();
    let mut body_start = after_bom;
    if let Some(found) = front_matter::parse(&text[after_bom..]) {
        body_start = after_bom + found.len;
        meta.title = found.title;
        meta.source = found.source;
        if let Some(date) = found.date {
            meta.date = Some(date);
            meta.date_origin = Some(DateOrigin::FrontMatter);
        }
    }
    if let Some(entry) = manifest {
        meta.title = entry.title.clone().or(meta.title);
        meta.source = entry.source.clone().or(meta.source);
        if let Some(date) = entry.date {
            meta.date = Some(date);
            meta.date_origin = Some(DateOrigin::Manifest);
        }
    }
    let body = body_start..text.len();
    let format = Format::of(&file.path);
    // A plain text with invisible characters inside its words or numbers is read without
    // them, through a view like the prose of marked-up text.
    let plain_view = match format {
        Format::Plain => markup::Prose::plain(&text[body.clone()], body.start),
        _ => None,
    };
    if format == Format::Plain && plain_view.is_none() {
        if meta.date.is_none()
            && let Some(date) = date_in_text(&text[body.clone()])
        {
            meta.date = Some(date);
            meta.date_origin = Some(DateOrigin::Text);
        }
        let boilerplate_from = boilerplate_start(text, body.clone());
        return Ok(Document {
            file,
            meta,
            body,
            boilerplate_from,
            markup: None,
            comments: Vec::new(),
            invalid_utf8_at,
            names: Vec::new(),
        });
    }

    let mut prose = match format {
        Format::Plain => plain_view.unwrap_or_default(),
        Format::Html => match markup::html(&text[body.clone()], body.start) {
            Ok(prose) => prose,
            Err(reason) => {
                return Err(Skipped {
                    path: file.path.clone(),
                    reason,
                    io_error: false,
                });
            }
        },
        _ => markup::markdown(&text[body.clone()], body.start),
    };
    if meta.title.is_none() {
        meta.title.clone_from(&prose.title);
    }
    if meta.date.is_none() {
        let stated = prose.date.as_deref().and_then(|d| {
            let (_, date) = calendar::iso_date(d.get(..10)?).ok()?;
            date.bounds(None).map(|(first, _)| first)
        });
        if let Some(date) = stated.or_else(|| date_in_text(&prose.text)) {
            meta.date = Some(date);
            meta.date_origin = Some(DateOrigin::Text);
        }
    }
    let view_boilerplate = boilerplate_start(&prose.text, 0..prose.text.len());
    let boilerplate_from = view_boilerplate.map(|at| prose.original_range(at..at).start);
    let prose_len = prose.text.len();
    let view = Document {
        file: SourceFile::new(file.path.clone(), prose.take_text()),
        meta: meta.clone(),
        body: 0..prose_len,
        boilerplate_from: view_boilerplate,
        markup: None,
        comments: Vec::new(),
        invalid_utf8_at: None,
        names: Vec::new(),
    };
    let comments = std::mem::take(&mut prose.comments);
    Ok(Document {
        file,
        meta,
        body,
        boilerplate_from,
        markup: Some(Box::new(Marked { view, prose })),
        comments,
        invalid_utf8_at,
        names: Vec::new(),
    })
}

/// How many lines from the top of a text a dateline may sit on.
const DATELINE_LINES: usize = 12;

/// The publication date a text gives itself in its first lines: `date 2020-02-12`,
/// `9 January 2020`, `February 12, 2020 04:57 PM`.
pub fn date_in_text(body: &str) -> Option<Date> {
    body.lines()
        .filter(|l| !l.trim().is_empty())
        .take(DATELINE_LINES)
        .find_map(calendar::dateline)
}

/// Headings that open a list of links to other stories: nothing after them is the article.
const BOILERPLATE_HEADINGS: &[&str] = &[
    "related stories",
    "related articles",
    "related content",
    "related coverage",
    "related news",
    "more stories",
    "more on this story",
    "read more",
    "recommended",
    "recommended stories",
    "you may also like",
    "most popular",
    "most read",
    "latest news",
];

/// Whether `line` may hold a boilerplate heading: its first character past white space opens
/// one, or is not ASCII (and so is read in full).
fn may_open_heading(line: &[u8]) -> bool {
    match line.iter().find(|&&b| !char::from(b).is_whitespace()) {
        Some(b) if b.is_ascii() => BOILERPLATE_HEADINGS
            .iter()
            .any(|h| h.as_bytes()[0] == b.to_ascii_lowercase()),
        Some(_) => true,
        None => false,
    }
}

fn boilerplate_start(text: &str, body: Range<usize>) -> Option<usize> {
    let mut offset = body.start;
    let mut index = 0;
    while offset < body.end {
        let end = memchr::memchr(b'\n', &text.as_bytes()[offset..body.end]).map_or(body.end, |i| offset + i + 1);
        // Headings are short lines: a long one is prose.
        if index > 2 && end - offset <= 64 && may_open_heading(&text.as_bytes()[offset..end]) {
            let heading = text[offset..end].trim().trim_end_matches(':');
            if BOILERPLATE_HEADINGS.iter().any(|h| h.eq_ignore_ascii_case(heading)) {
                return Some(offset);
            }
        }
        offset = end;
        index += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn doc(text: &str) -> Document {
        parse("t.txt".into(), text.as_bytes().to_vec(), None).unwrap()
    }

    #[test]
    fn front_matter_gives_metadata_and_body_offset() {
        let d = doc("---\ntitle: \"A story\"\nsource: Reuters\ndate: 2018-02-13\n---\nBody 20 people.\n");
        assert_eq!(d.meta.title.as_deref(), Some("A story"));
        assert_eq!(d.meta.source.as_deref(), Some("Reuters"));
        assert_eq!(d.meta.date, Some(date(2018, 2, 13)));
        assert_eq!(d.meta.date_origin, Some(DateOrigin::FrontMatter));
        assert_eq!(&d.file.text[d.body.clone()], "Body 20 people.\n");
    }

    #[test]
    fn manifest_fills_and_overrides_metadata() {
        let entry = ManifestEntry {
            path: "a.txt".into(),
            date: Some(date(2017, 2, 6)),
            source: Some("Daily Caller News Foundation".into()),
            title: None,
        };
        let d = parse("a.txt".into(), b"Headline\n\nNo date here.".to_vec(), Some(&entry)).unwrap();
        assert_eq!(d.meta.date, Some(date(2017, 2, 6)));
        assert_eq!(d.meta.date_origin, Some(DateOrigin::Manifest));
        assert_eq!(d.meta.source.as_deref(), Some("Daily Caller News Foundation"));
    }

    #[test]
    fn finds_the_date_the_text_gives_itself() {
        assert_eq!(
            doc(" date 2020-02-12 Europe\n\nHeadline\n").meta.date,
            Some(date(2020, 2, 12))
        );
        let dateline = doc("Headline\n\n9 January 2020\n\nNATO has agreed on 8 January.");
        assert_eq!(dateline.meta.date, Some(date(2020, 1, 9)));
        assert_eq!(dateline.meta.date_origin, Some(DateOrigin::Text));
        let byline = doc("Headline\n\nBy Carla Babb\nFebruary 12, 2020 04:57 PM\nText.");
        assert_eq!(byline.meta.date, Some(date(2020, 2, 12)));
        assert_eq!(
            doc("Headline\n\nTroops left on January 3 after a strike.").meta.date,
            None
        );
    }

    #[test]
    fn rejects_binary_and_invalid_utf8_with_a_reason() {
        let binary = parse("x.bin".into(), vec![b'a', 0, b'b'], None).unwrap_err();
        assert_eq!(binary.path, "x.bin");
        assert!(binary.reason.contains("binary"), "{}", binary.reason);
        let latin1 = parse("l.txt".into(), b"caf\xe9 20 people".to_vec(), None).unwrap_err();
        assert!(latin1.reason.contains("UTF-8 (at byte 3)"), "{}", latin1.reason);
        let read = decode("l.txt".into(), b"caf\xe9 20 people".to_vec(), None, true).unwrap();
        assert_eq!(read.invalid_utf8_at, Some(3));
        assert_eq!(read.file.text, "caf\u{fffd} 20 people");
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line_and_keeps_offsets() {
        let d = doc("Title\r\rNATO has 500 troops.\r\nNext\r");
        assert_eq!(d.file.text, "Title\n\nNATO has 500 troops.\r\nNext\n");
        let at = d.file.text.find("500").unwrap();
        assert_eq!(d.file.line_col(at), (3, 10));
    }

    #[test]
    fn sizes_read_and_print_in_binary_units() {
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("2 GiB"), Ok(2 << 30));
        assert_eq!(parse_size("1500"), Ok(1500));
        assert!(parse_size("12 parsecs").unwrap_err().contains("unknown size unit"));
        assert!(parse_size("M").is_err());
        assert!(parse_size("0").unwrap_err().contains("at least 1 byte"));
        assert!(parse_size("0K").is_err());
        assert_eq!(format_size(200 << 20), "200 MiB");
        assert_eq!(format_size(1536), "1.5 KiB");
        assert_eq!(format_size(12), "12 bytes");
    }

    #[test]
    fn marks_a_related_stories_list_as_boilerplate() {
        let text = "Title\n\nIntro.\n\nMore text with 500 troops.\n\nRelated Stories\n\n2 Russians Flee\n";
        let d = doc(text);
        let from = d.boilerplate_from.unwrap();
        assert!(text[from..].starts_with("Related Stories"));
        assert!(!text[d.content()].contains("Russians"));
    }
}
