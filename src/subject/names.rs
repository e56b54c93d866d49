//! Names found in the text itself, and the spellings of one name across outlets.
//!
//! A name is a run of capitalised words (`Saman Kunan`, `Sierra Leone`, `Pokhara`); a single
//! word counts only inside a sentence, where its capital is not the sentence's. Two names are
//! spellings of one when their words pair up and each pair is the same word, a
//! transliteration of it (`Gunan`/`Kunan`, `Ekkapol`/`Ekapol`, `Yunan`/`Yunnan`) or one edit
//! apart in a long word (`Sepuldeva`/`Sepulveda`), or when, joined, they are
//! (`Abd al-Karim`/`Abdelkarim`). Names of different people never pair: `Victor Segovia` and
//! `Dario Segovia` differ in a whole word, and short words must match as sounds.
//!
//! **Invariant:** names are compared only inside the buckets of a deletion index, so the work
//! grows with the number of distinct names, not with its square.

use std::collections::HashMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::{NOT_NAMES, name_runs, words};

/// A name as written at one place in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameMention {
    /// Byte range in the document's file.
    pub range: Range<usize>,
    pub name: String,
}

/// Longest run of words taken as one name.
const MAX_WORDS: usize = 4;

/// The names in `text[body]`, in order.
pub fn name_mentions(text: &str, body: Range<usize>) -> Vec<NameMention> {
    let Some(body_text) = text.get(body.clone()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in body_text.split_inclusive('\n') {
        let line_words = words(line);
        for (start, end) in name_runs(&line_words) {
            if end - start > MAX_WORDS {
                continue;
            }
            let first = &line_words[start];
            // A lone word at a sentence's or line's start is capitalised by position.
            let before = line[..first.range.start].trim_end();
            let opens_sentence = before.is_empty() || before.ends_with(['.', '!', '?', '"', '“', ':']);
            if end - start == 1 && opens_sentence {
                continue;
            }
            let last = &line_words[end - 1];
            let mut range = first.range.start..last.range.end;
            let mut name = line[range.clone()].to_owned();
            for suffix in ["'s", "’s"] {
                if let Some(stem) = name.strip_suffix(suffix) {
                    range.end -= suffix.len();
                    name = stem.to_owned();
                }
            }
            if name.chars().filter(|c| c.is_alphabetic()).count() < 4
                || NOT_NAMES.contains(&name.to_lowercase().as_str())
                || name.chars().any(|c| c.is_ascii_digit())
            {
                continue;
            }
            let offset = body.start + line_start;
            // A long run may open with a title (`Petty Officer Saman Kunan`): its last two
            // words are a name too, and so is each long word of it (`Osatanakorn`).
            let run = &line_words[start..end];
            let mut parts: Vec<Range<usize>> = Vec::new();
            if run.len() > 2 {
                parts.push(run[run.len() - 2].range.start..range.end);
            }
            if run.len() > 1 {
                for word in run {
                    let end_at = word.range.end.min(range.end);
                    if word.text.chars().count() >= 7 && word.range.start < end_at {
                        parts.push(word.range.start..end_at);
                    }
                }
            }
            out.push(NameMention {
                range: offset + range.start..offset + range.end,
                name,
            });
            for part in parts {
                out.push(NameMention {
                    range: offset + part.start..offset + part.end,
                    name: line[part].to_owned(),
                });
            }
        }
        line_start += line.len();
    }
    out
}

/// The first mention of each name in a document's content, read as a reader sees it (the
/// prose of Markdown and HTML), with ranges in the original file.
pub fn document_names(doc: &crate::documents::Document) -> Vec<NameMention> {
    let mut mentions = match &doc.markup {
        Some(marked) => {
            let view = &marked.view;
            let content = view.body.start..view.boilerplate_from.unwrap_or(view.body.end);
            let mut found = name_mentions(&view.file.text, content);
            for mention in &mut found {
                mention.range = marked.prose.original_range(mention.range.clone());
            }
            found
        }
        None => name_mentions(&doc.file.text, doc.content()),
    };
    let mut seen = std::collections::HashSet::new();
    mentions.retain(|m| seen.insert(m.name.clone()));
    mentions
}

/// Letters of a word in lower case without diacritics: the same name in another typeface.
fn plain(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        let base = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
            'ñ' | 'ń' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
            'ý' | 'ÿ' => 'y',
            'š' | 'ś' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            'ł' => 'l',
            c if c.is_alphanumeric() => c,
            _ => continue,
        };
        out.push(base);
    }
    out
}

/// A word as it sounds, roughly: transliterations of one name come out the same
/// (`gunan`/`kunan`, `ekkapol`/`ekapol`, `chantawong`/`chanthawong`).
pub fn variant_key(word: &str) -> String {
    let plain = plain(word);
    let mut out = String::with_capacity(plain.len());
    let chars: Vec<char> = plain.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let mapped = match (c, next) {
            ('p', Some('h')) => {
                i += 1;
                'f'
            }
            ('c' | 'k' | 'g' | 'q', _) => 'k',
            ('z', _) => 's',
            ('y' | 'j', _) => 'i',
            ('w', _) => 'v',
            ('d', _) => 't',
            ('b', _) => 'p',
            ('o', Some('u')) => {
                i += 1;
                'u'
            }
            ('e', Some('e')) => {
                i += 1;
                'i'
            }
            (c, _) => c,
        };
        // An `h` after a consonant is a transliteration's mark (`th`, `kh`, `ch`).
        let after_consonant = out.chars().last().is_some_and(|p| !"aeiou".contains(p));
        if mapped == 'h' && after_consonant {
            i += 1;
            continue;
        }
        if !out.ends_with(mapped) {
            out.push(mapped);
        }
        i += 1;
    }
    out
}

/// Whether two words are spellings of one: the same sound, or one edit apart when long.
fn same_word(a: &str, b: &str) -> bool {
    let (pa, pb) = (plain(a), plain(b));
    if pa == pb {
        return true;
    }
    let shorter = pa.chars().count().min(pb.chars().count());
    if shorter < 4 {
        return false;
    }
    // `Nepal`/`Nepali`, `Kenya`/`Kenyan`: a word and its derivative, not two spellings.
    if pa.starts_with(&pb) || pb.starts_with(&pa) {
        return false;
    }
    let (ka, kb) = (variant_key(a), variant_key(b));
    let sounds = strsim::damerau_levenshtein(&ka, &kb);
    ka == kb
        || (shorter >= 5 && strsim::damerau_levenshtein(&pa, &pb) == 1)
        || (shorter >= 6 && sounds == 1)
        || (shorter >= 9 && sounds == 2)
}

/// Whether two names are two spellings of one name.
pub fn is_spelling_of(a: &str, b: &str) -> bool {
    let words_a: Vec<&str> = a.split_whitespace().collect();
    let words_b: Vec<&str> = b.split_whitespace().collect();
    let joined = |words: &[&str]| words.iter().map(|w| plain(w)).collect::<String>();
    let (ja, jb) = (joined(&words_a), joined(&words_b));
    if ja == jb {
        // The same letters: a difference of case, spacing or diacritics only.
        return false;
    }
    if words_a.len() == words_b.len() {
        let differing = words_a
            .iter()
            .zip(&words_b)
            .filter(|(x, y)| plain(x) != plain(y))
            .count();
        return differing == 1 && words_a.iter().zip(&words_b).all(|(x, y)| same_word(x, y));
    }
    // `Abd al-Karim` and `Abdelkarim`: particles joined or split.
    let split = |words: &[&str]| words.iter().flat_map(|w| w.split(['-', '\''])).count();
    let particles = words_a.len().abs_diff(words_b.len()) <= 2 && split(&words_a) != split(&words_b)
        || words_a.len().min(words_b.len()) == 1;
    particles
        && !ja.starts_with(&jb)
        && !jb.starts_with(&ja)
        && ja.len().min(jb.len()) >= 8
        && (variant_key(&ja) == variant_key(&jb) || strsim::damerau_levenshtein(&ja, &jb) == 1)
}

/// One name written in more than one way across the set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpellingGroup {
    /// The spelling most mentions use.
    pub usual: String,
    /// The other spellings, each with the indices of its mentions.
    pub variants: Vec<(String, Vec<usize>)>,
    /// The indices of the usual spelling's mentions.
    pub usual_mentions: Vec<usize>,
}

/// The spellings of one name among `mentions`, grouped: each group's rarer spellings are
/// variants of its commonest one.
pub fn spelling_groups(mentions: &[&str]) -> Vec<SpellingGroup> {
    let mut by_name: Vec<(String, Vec<usize>)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, name) in mentions.iter().enumerate() {
        let slot = *index.entry(name).or_insert_with(|| {
            by_name.push(((*name).to_owned(), Vec::new()));
            by_name.len() - 1
        });
        by_name[slot].1.push(i);
    }
    // Candidates share a key of the deletion index: the sound of the whole name, or its
    // letters with one deleted.
    let mut buckets: HashMap<String, Vec<usize>> = HashMap::new();
    for (slot, (name, _)) in by_name.iter().enumerate() {
        let letters = plain(name);
        let sound = variant_key(name);
        let mut keys = vec![format!("s:{sound}"), format!("l:{letters}")];
        for (i, _) in letters.char_indices() {
            let mut deleted = letters.clone();
            deleted.remove(i);
            keys.push(format!("l:{deleted}"));
        }
        keys.sort_unstable();
        keys.dedup();
        for key in keys {
            buckets.entry(key).or_default().push(slot);
        }
    }
    let mut parent: Vec<usize> = (0..by_name.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut keys: Vec<&String> = buckets.keys().collect();
    keys.sort_unstable();
    for key in keys {
        let members = &buckets[key];
        if members.len() > 64 {
            continue;
        }
        for (i, &a) in members.iter().enumerate() {
            for &b in &members[i + 1..] {
                if root(&mut parent, a) != root(&mut parent, b) && is_spelling_of(&by_name[a].0, &by_name[b].0) {
                    let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                    parent[ra.max(rb)] = ra.min(rb);
                }
            }
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for slot in 0..by_name.len() {
        let r = root(&mut parent, slot);
        groups.entry(r).or_default().push(slot);
    }
    let mut out: Vec<SpellingGroup> = groups
        .into_values()
        .filter(|slots| slots.len() > 1)
        .map(|mut slots| {
            // The usual spelling: most mentions, then first written.
            slots.sort_by_key(|&s| (std::cmp::Reverse(by_name[s].1.len()), by_name[s].1[0]));
            let usual = slots[0];
            SpellingGroup {
                usual: by_name[usual].0.clone(),
                usual_mentions: by_name[usual].1.clone(),
                variants: slots[1..].iter().map(|&s| by_name[s].clone()).collect(),
            }
        })
        .collect();
    out.sort_by_key(|g| g.usual_mentions[0]);
    out
}
