//! Escaping for the places text lands in. Paths and document metadata (a front matter's
//! `source:` or `title:`) come from whoever wrote the documents, and so do the words quoted
//! from them: each output escapes them its own way, so that none of them can start a log line,
//! move a terminal's cursor, set its title, or add markup to a page.
//!
//! - a terminal or a log (the text report, warnings and errors on stderr): [`visible`] shows
//!   control characters as escapes (`\n`, `\x1b`, `\u{9b}`), so a newline never starts a line;
//! - GitHub workflow commands: `ci::github_data` and `ci::github_property`, after [`visible`];
//! - Markdown: [`markdown`] for text and [`markdown_code`] for a code span;
//! - XML and HTML: `ci::xml`; JSON and SARIF: serde_json.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::ops::Range;

/// Whether a terminal may act on `c` rather than print it: the C0 and C1 control characters,
/// DEL, and the bidirectional overrides and isolates that reorder what follows them.
fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `c` written as an escape: `\n`, `\r`, `\t`, `\x1b` for an ASCII control, `\u{9b}` beyond.
fn push_escape(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if c.is_ascii() => {
            let _ = write!(out, "\\x{:02x}", u32::from(c));
        }
        c => {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
    }
}

/// Text for a terminal or a log: every control character (a newline, ESC, BEL, C1 controls)
/// and every bidirectional control shown as an escape. Backslashes are left as they are, so
/// escaping twice changes nothing.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            push_escape(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A line of a document for a terminal, with `span` (byte offsets into `line`) moved to where
/// it lands. Only what the renderer of the text report leaves alone is escaped here: the C1
/// controls (it shows the C0 ones as symbols), so underlines stay under their characters.
pub fn visible_line(line: &str, span: Range<usize>) -> (Cow<'_, str>, Range<usize>) {
    let unsafe_here = |c: char| ('\u{80}'..='\u{9f}').contains(&c);
    if !line.chars().any(unsafe_here) {
        return (Cow::Borrowed(line), span);
    }
    let mut out = String::with_capacity(line.len() + 8);
    let (mut start, mut end) = (None, None);
    for (at, c) in line.char_indices() {
        if at >= span.start && start.is_none() {
            start = Some(out.len());
        }
        if at >= span.end && end.is_none() {
            end = Some(out.len());
        }
        if unsafe_here(c) {
            push_escape(&mut out, c);
        } else {
            out.push(c);
        }
    }
    let start = start.unwrap_or(out.len());
    let end = end.unwrap_or(out.len()).max(start);
    (Cow::Owned(out), start..end)
}

/// Text for Markdown (a table cell, a list item, a paragraph): shown as written, never read as
/// markup. `<`, `>` and `&` become character references, so no HTML tag or comment opens;
/// the characters Markdown gives a meaning inline (emphasis, code, links and images, tables)
/// are escaped with a backslash; control characters are shown as escapes, so a newline never
/// ends the line.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            c if is_unsafe(c) => push_escape(&mut out, c),
            c => out.push(c),
        }
    }
    out
}

/// A Markdown code span holding `text` as written: fenced by one backtick more than the
/// longest run inside it, with control characters shown as escapes. Inside a table, `|` is
/// escaped too (GitHub reads the table's cells before their code spans).
pub fn markdown_code(text: &str, in_table: bool) -> String {
    let text = visible(text);
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    // A space keeps a backtick at either end from joining the fence; one space each side is
    // taken off again by Markdown.
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    let body = if in_table {
        text.replace('|', "\\|")
    } else {
        text.into_owned()
    };
    format!("{fence}{pad}{body}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_as_escapes() {
        assert_eq!(visible("a.md"), "a.md");
        assert!(matches!(visible("plain"), Cow::Borrowed(_)));
        assert_eq!(
            visible("a\n::error file=x::pwned\u{1b}[31m.md"),
            "a\\n::error file=x::pwned\\x1b[31m.md"
        );
        assert_eq!(visible("\u{1b}]0;title\u{7}"), "\\x1b]0;title\\x07");
        assert_eq!(
            visible("\u{9b}2J \u{202e}cba\t\r\u{7f}"),
            "\\u{9b}2J \\u{202e}cba\\t\\r\\x7f"
        );
        // Escaping twice changes nothing.
        let once = visible("x\u{1b}y").into_owned();
        assert_eq!(visible(&once), once);
        assert_eq!(visible("“30” · ünïcödé"), "“30” · ünïcödé");
    }

    #[test]
    fn a_line_keeps_its_underline_under_the_same_characters() {
        let line = "a\u{9b}b 30 allies";
        let span = line.find("30").unwrap()..line.len();
        let (shown, moved) = visible_line(line, span);
        assert_eq!(shown, "a\\u{9b}b 30 allies");
        assert_eq!(&shown[moved], "30 allies");
        let (same, kept) = visible_line("30 allies", 0..2);
        assert_eq!((same.as_ref(), kept), ("30 allies", 0..2));
    }

    #[test]
    fn markdown_shows_markup_as_text() {
        assert_eq!(
            markdown("<img src=x onerror=alert(1)> <!-- x"),
            "&lt;img src=x onerror=alert(1)&gt; &lt;\\!-- x"
        );
        assert_eq!(
            markdown("![t](http://x/a.png) *b* `c` a|b"),
            "\\!\\[t\\](http://x/a.png) \\*b\\* \\`c\\` a\\|b"
        );
        assert_eq!(markdown("line\nnext \u{1b}]0;t\u{7}"), "line\\nnext \\x1b\\]0;t\\x07");
        assert_eq!(
            markdown("NATO's mission (2020-02-12) → 500"),
            "NATO's mission (2020-02-12) → 500"
        );
    }

    #[test]
    fn a_code_span_is_fenced_longer_than_any_backticks_inside() {
        assert_eq!(markdown_code("a.md", true), "`a.md`");
        assert_eq!(markdown_code("a`b.md", false), "``a`b.md``");
        assert_eq!(markdown_code("`x", false), "`` `x ``");
        assert_eq!(markdown_code("a|b\n.md", true), "`a\\|b\\n.md`");
    }
}
