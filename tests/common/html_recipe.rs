//! An HTML text built from a few bytes, so that a fuzzer or a property test reaches tags with
//! thousands of attributes, deep nesting, unclosed tags and huge values from a short input.
//! Shared by `fuzz/fuzz_targets/html_document.rs` and the tests that replay its seeds.

/// The pieces a recipe strings together: tag and attribute syntax in its odd forms, character
/// references, the elements the HTML walk treats apart, and prose with numbers.
pub const PIECES: &[&str] = &[
    "<p",
    " a=\"\"",
    " b=\"500 troops\"",
    " c='x'",
    " d=y",
    " e",
    " f=\"&amp;\"",
    "\"",
    "'",
    "=",
    " ",
    "\n",
    ">",
    "/>",
    "<div>",
    "</div>",
    "<span>",
    "<nav>",
    "</nav>",
    "<script>",
    "</script>",
    "<style>",
    "<table><tr><th>Troops</th></tr><tr><td>",
    "</td>",
    "<td>",
    "</table>",
    "<h2>",
    "</h2>",
    " role=\"navigation\"",
    " aria-hidden=\"true\"",
    "<meta name=\"date\" content=\"2020-01-01\">",
    "<time datetime=\"2020-02-02\">",
    "<title>",
    "</title>",
    "<!--",
    "-->",
    "<![CDATA[",
    "<!DOCTYPE html>",
    "<",
    "</",
    "&",
    "&#8212;",
    "&nbsp;",
    "NATO sent 500 trainers. ",
    "2,500",
    "\u{200d}",
    "é",
    "x",
];

/// Each pair of bytes is a piece and how often it repeats (1 + n², up to 65 026 times); the
/// text stops growing before `max_len` bytes.
pub fn build(recipe: &[u8], max_len: usize) -> String {
    let mut html = String::new();
    for pair in recipe.chunks(2) {
        let piece = PIECES[usize::from(pair[0]) % PIECES.len()];
        let times = 1 + pair.get(1).map_or(0, |&n| usize::from(n).pow(2));
        let room = max_len.saturating_sub(html.len()) / piece.len();
        html.extend(std::iter::repeat_n(piece, times.min(room)));
        if room < times {
            break;
        }
    }
    html
}
