//! Sentences and word starts: where the grammars are tried.

use std::ops::Range;

/// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "maj", "adm", "sen", "rep", "gov", "pres",
    "st", "no", "vs", "etc", "inc", "corp", "ltd", "co", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "approx", "est", "e.g", "i.e", "u.s", "u.k", "u.n", "a.m", "p.m", "rs", "c", "ca",
];

/// Splits `range` of `text` into sentences, appended to `out`. A line break always ends a
/// sentence.
pub fn sentences(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut line_start = range.start;
    while line_start < range.end {
        let offset =
            memchr::memchr(b'\n', &text.as_bytes()[line_start..range.end]).map_or(range.end, |i| line_start + i + 1);
        let line = &text[line_start..offset];
        let mut start = line_start;
        let bytes = line.as_bytes();
        for i in memchr::memchr3_iter(b'.', b'!', b'?', bytes) {
            let c = char::from(bytes[i]);
            let mut end = i + 1;
            while end < line.len() && matches!(bytes[end], b'"' | b'\'' | b')' | b']') {
                end += 1;
            }
            for closer in ['”', '’'] {
                if line[end..].starts_with(closer) {
                    end += closer.len_utf8();
                }
            }
            let rest = &line[end..];
            let next = rest.trim_start();
            let followed_by_space = rest.len() > next.len();
            let starts_new = next.starts_with(|c: char| {
                c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'' | '(')
            });
            if c == '.' && (!followed_by_space || !starts_new || is_abbreviation(&line[..i])) {
                continue;
            }
            if !followed_by_space && !next.is_empty() {
                continue;
            }
            push_trimmed(text, out, start..line_start + end);
            start = line_start + end;
        }
        push_trimmed(text, out, start..offset);
        line_start = offset;
    }
}

/// Where a stretch of whole lines that opens at `start` ends: after the first line break at
/// least `at_least` bytes on, or at `end`. Text split into sentences a stretch at a time
/// gives the sentences of the whole, as a line break always ends a sentence.
pub fn lines_end(text: &str, start: usize, end: usize, at_least: usize) -> usize {
    let from = start.saturating_add(at_least);
    if from >= end {
        return end;
    }
    memchr::memchr(b'\n', &text.as_bytes()[from..end]).map_or(end, |i| from + i + 1)
}

fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or_default();
    (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// Longer stretches without a sentence end are cut into pieces of about this many bytes, at
/// a space. Real sentences are far shorter; the cap keeps the work per claim bounded on text
/// that never ends a sentence (a table flattened to one line, a wall of numbers).
pub const MAX_SENTENCE_BYTES: usize = 1024;

fn push_trimmed(text: &str, out: &mut Vec<Range<usize>>, range: Range<usize>) {
    let slice = &text[range.clone()];
    let mut start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    while end.saturating_sub(start) > MAX_SENTENCE_BYTES {
        let mut cut = start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        // Cut after the last space of the piece, or mid-word if it has none.
        if let Some(space) = text[start..cut].rfind(char::is_whitespace)
            && space > 0
        {
            cut = start + space;
        }
        out.push(start..cut);
        let rest = &text[cut..end];
        start = cut + (rest.len() - rest.trim_start().len());
    }
    if start < end {
        out.push(start..end);
    }
}

/// The last character of `text` that `wanted` accepts, and where it starts. ASCII bytes are
/// read as they are; only other characters are decoded.
pub fn last_char_where(text: &str, wanted: impl Fn(char) -> bool) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    while end > 0 {
        let byte = bytes[end - 1];
        let (start, c) = if byte.is_ascii() {
            (end - 1, char::from(byte))
        } else {
            let c = text[..end].chars().next_back().expect("a character before a boundary");
            (end - c.len_utf8(), c)
        };
        if wanted(c) {
            return Some((start, c));
        }
        end = start;
    }
    None
}

/// Whether a grammar may start at byte `at` of `text`: the previous character does not
/// continue a word or a number (so `RTR1RM3Y`, `COVID-19` and `1.5`'s `5` are not starts).
pub fn is_word_start(text: &str, at: usize) -> bool {
    let mut before = text[..at].chars().rev();
    match before.next() {
        None => true,
        Some(c) if c.is_alphanumeric() => false,
        Some('.' | ',' | '/' | ':') => {
            !before.next().is_some_and(|c| c.is_alphanumeric()) || !text[at..].starts_with(|c: char| c.is_ascii_digit())
        }
        Some(c) if super::number::is_hyphen(c) => !before.next().is_some_and(char::is_alphanumeric),
        Some(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let mut ranges = Vec::new();
        sentences(text, 0..text.len(), &mut ranges);
        ranges.into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_sentences_but_not_abbreviations() {
        assert_eq!(
            split("The U.S. Secretary spoke on Feb. 12, 2020. NATO agreed. “Yes,” he said.\nNext line"),
            [
                "The U.S. Secretary spoke on Feb. 12, 2020.",
                "NATO agreed.",
                "“Yes,” he said.",
                "Next line"
            ]
        );
        assert_eq!(split("It cost 2.5 million. Then"), ["It cost 2.5 million.", "Then"]);
    }

    #[test]
    fn sentences_split_a_stretch_of_lines_at_a_time_are_those_of_the_whole() {
        let text = "It cost 2.5 million. Then\nMr. Smith left on Feb. 12.\n\n  A third line ends here.\nLast";
        let whole = split(text);
        for at_least in 0..=text.len() + 1 {
            let mut pieces = Vec::new();
            let mut start = 0;
            while start < text.len() {
                let end = lines_end(text, start, text.len(), at_least);
                assert!(end > start && (end == text.len() || text.as_bytes()[end - 1] == b'\n'));
                sentences(text, start..end, &mut pieces);
                start = end;
            }
            let pieces: Vec<&str> = pieces.into_iter().map(|r| &text[r]).collect();
            assert_eq!(pieces, whole, "stretches of at least {at_least} bytes");
        }
    }

    #[test]
    fn the_last_character_wanted_is_found_across_ascii_and_other_characters() {
        let not_word = |c: char| !(c.is_alphanumeric() || c == '’');
        assert_eq!(last_char_where("NATO’s chief", not_word), Some((8, ' ')));
        assert_eq!(last_char_where("— Stoltenberg’s", not_word), Some((3, ' ')));
        assert_eq!(last_char_where("Kyiv—Kharkiv", not_word), Some((4, '—')));
        assert_eq!(last_char_where("Zürich", not_word), None);
    }

    #[test]
    fn word_starts_skip_inside_codes() {
        let text = "RTR1RM3Y COVID-19 10-17 1.5 (20)";
        let starts: Vec<&str> = text
            .char_indices()
            .filter(|&(i, c)| c.is_alphanumeric() && is_word_start(text, i))
            .map(|(i, _)| &text[i..i + 2])
            .collect();
        assert_eq!(starts, ["RT", "CO", "10", "1.", "20"]);
    }
}
