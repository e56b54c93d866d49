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

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::{Vocabulary, first_words, name_runs};

/// A name as written at one place in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameMention {
    /// Byte range in the document's file.
    pub range: Range<usize>,
    pub name: String,
    /// A word written as a name on its own inside a sentence (`in Liberia`), not a part of a
    /// longer name or a headline's capitals.
    pub alone: bool,
}

/// Longest run of words taken as one name.
const MAX_WORDS: usize = 4;

/// How far past a capital a name's words are looked for, in bytes.
const NAME_WINDOW: usize = 400;

/// Calls `found` with the range (in `text`) and the spelling of each name in `text[body]`, in
/// order. Only capitalised word starts are tried: most words open no name and cost one byte
/// test each.
fn each_name<'t>(
    text: &'t str,
    body: Range<usize>,
    vocabulary: &Vocabulary,
    mut found: impl FnMut(Range<usize>, &'t str, bool),
) {
    let Some(end) = text.get(body.clone()).map(|_| body.end) else {
        return;
    };
    let bytes = text.as_bytes();
    // Whether a word goes on through the character before `at` (as `words` splits them).
    let inside_word = |at: usize| {
        text[body.start..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '.'))
    };
    let mut at = body.start;
    while at < end {
        let b = bytes[at];
        let capital = b.is_ascii_uppercase() || b >= 0xC0 && text[at..].chars().next().is_some_and(char::is_uppercase);
        if !capital || inside_word(at) {
            at += 1;
            continue;
        }
        let line_end = memchr::memchr(b'\n', &bytes[at..end]).map_or(end, |i| at + i);
        let mut window_end = (at + NAME_WINDOW).min(line_end);
        while !text.is_char_boundary(window_end) {
            window_end -= 1;
        }
        let window = &text[at..window_end];
        // Most names are a word or two: read a few words, and more only when the run goes on
        // to the last of them (enough to see a run longer than a name, joiners included).
        let mut window_words = first_words(window, 4);
        let mut run = name_runs(&window_words, vocabulary)
            .first()
            .copied()
            .filter(|&(s, _)| s == 0);
        if run.is_some_and(|(_, e)| e + 1 >= window_words.len()) && window_words.len() == 4 {
            window_words = first_words(window, 2 * MAX_WORDS + 2);
            run = name_runs(&window_words, vocabulary)
                .first()
                .copied()
                .filter(|&(s, _)| s == 0);
        }
        let Some((_, run_end)) = run else {
            at += window_words.first().map_or_else(
                || window.chars().next().map_or(1, char::len_utf8),
                |w| w.range.end.max(1),
            );
            continue;
        };
        let emit = |range: Range<usize>, alone: bool, found: &mut dyn FnMut(Range<usize>, &'t str, bool)| {
            found(at + range.start..at + range.end, &window[range], alone);
        };
        let next = at + window_words[run_end - 1].range.end;
        let run = &window_words[..run_end];
        // A lone word at a sentence's or line's start is capitalised by position.
        let before = text[body.start..at].trim_end_matches(|c: char| c.is_whitespace() && c != '\n');
        let opens_sentence = before.is_empty() || before.ends_with(['\n', '.', '!', '?', '"', '“', ':']);
        if run.len() > MAX_WORDS || run.len() == 1 && opens_sentence {
            at = next;
            continue;
        }
        let mut range = 0..run[run.len() - 1].range.end;
        for suffix in ["'s", "’s"] {
            if window[range.clone()].ends_with(suffix) {
                range.end -= suffix.len();
            }
        }
        let name = &window[range.clone()];
        if name.chars().filter(|c| c.is_alphabetic()).count() >= 4
            && !vocabulary.is_not_name(name)
            && !name.chars().any(|c| c.is_ascii_digit())
        {
            emit(range.clone(), run.len() == 1, &mut found);
            // A long run may open with a title (`Petty Officer Saman Kunan`): its last two
            // words are a name too, and so is each long word of it (`Osatanakorn`).
            if run.len() > 2 {
                emit(run[run.len() - 2].range.start..range.end, false, &mut found);
            }
            if run.len() > 1 {
                for word in run {
                    let end_at = word.range.end.min(range.end);
                    if word.text.chars().count() >= 7 && word.range.start < end_at {
                        emit(word.range.start..end_at, false, &mut found);
                    }
                }
            }
        }
        at = next;
    }
}

/// The first mention of each name in a document's content, read as a reader sees it (the
/// prose of Markdown and HTML), with ranges in the original file.
pub fn document_names(doc: &crate::documents::Document) -> Vec<NameMention> {
    let vocabulary = Vocabulary::built_in();
    let (file, content) = match &doc.markup {
        Some(marked) => {
            let view = &marked.view;
            (&view.file, view.content())
        }
        None => (&doc.file, doc.content()),
    };
    // Each name once, at its first mention; alone if any mention of it is.
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut mentions: Vec<NameMention> = Vec::new();
    each_name(&file.text, content, vocabulary, |range, name, alone| {
        if let Some(&index) = seen.get(name) {
            mentions[index].alone |= alone;
            return;
        }
        seen.insert(name, mentions.len());
        let range = match &doc.markup {
            Some(marked) => marked.prose.original_range(range),
            None => range,
        };
        mentions.push(NameMention {
            range,
            name: name.to_owned(),
            alone,
        });
    });
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
    // `Nepal`/`Nepali`, `Kenya`/`Kenyan`, `Himalayas`/`Himalayan`: a word and its
    // derivative, not two spellings.
    if pa.starts_with(&pb) || pb.starts_with(&pa) {
        return false;
    }
    let (stem_a, stem_b) = (
        &pa[..pa.len() - pa.chars().last().map_or(0, char::len_utf8)],
        &pb[..pb.len() - pb.chars().last().map_or(0, char::len_utf8)],
    );
    if stem_a == stem_b && (pa.ends_with('s') || pb.ends_with('s')) {
        return false;
    }
    // A name is seldom misspelt in its first letter: `Sultan` and `Multan` are two names,
    // unless the letters sound alike (`Gunan`, `Kunan`).
    if pa.chars().next() != pb.chars().next() && variant_key(a).chars().next() != variant_key(b).chars().next() {
        return false;
    }
    let (ka, kb) = (variant_key(a), variant_key(b));
    let sounds = strsim::damerau_levenshtein(&ka, &kb);
    ka == kb
        || (shorter >= 5 && strsim::damerau_levenshtein(&pa, &pb) == 1)
        || (shorter >= 6 && sounds == 1)
        || (shorter >= 9 && sounds == 2)
}

/// Whether two names are two spellings of one name. Names are compared word by word, the
/// parts of a hyphenated word as words (`Pakistani-administered` is not a spelling of
/// `Pakistan-administered`); names of different lengths only as joined letters (`Abd
/// al-Karim`, `Abdelkarim`).
pub fn is_spelling_of(a: &str, b: &str) -> bool {
    let words_a: Vec<&str> = a.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    let words_b: Vec<&str> = b.split([' ', '-']).filter(|w| !w.is_empty()).collect();
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
        // One person's surname after the same given name may be spelt more loosely
        // (`Chad le Clos`/`Chad Le Chos`, `Narongsak Osatanakorn`/`Osottanakorn`).
        let same_given = words_a.len() >= 2 && plain(words_a[0]).chars().count() >= 3;
        let last = words_a.len() - 1;
        return differing == 1
            && words_a
                .iter()
                .zip(&words_b)
                .enumerate()
                .all(|(i, (x, y))| same_word(x, y) || same_given && i == last && same_surname(x, y));
    }
    words_a.len().abs_diff(words_b.len()) <= 2
        && !ja.starts_with(&jb)
        && !jb.starts_with(&ja)
        && ja.len().min(jb.len()) >= 8
        && (variant_key(&ja) == variant_key(&jb) || strsim::damerau_levenshtein(&ja, &jb) == 1)
}

/// Whether two surnames after one given name are spellings of one: one letter apart, or
/// sounding two letters apart when long.
fn same_surname(a: &str, b: &str) -> bool {
    let (pa, pb) = (plain(a), plain(b));
    let (la, lb) = (pa.chars().count(), pb.chars().count());
    let shorter = la.min(lb);
    if shorter < 4 {
        return false;
    }
    // `Steffi Graf`/`Steffi Graff`: after the same given name, a surname one letter longer at
    // its end is a slip, unless the letter makes a plural or a people's word (`Seals`,
    // `Kashmiri`, `Asian`, `Rose`).
    if pa.starts_with(&pb) || pb.starts_with(&pa) {
        let extra = if la > lb { pa.chars().last() } else { pb.chars().last() };
        return la.abs_diff(lb) == 1 && !matches!(extra, Some('s' | 'i' | 'n' | 'e'));
    }
    if variant_key(a).chars().next() != variant_key(b).chars().next() {
        return false;
    }
    let sounds = strsim::damerau_levenshtein(&variant_key(a), &variant_key(b));
    strsim::damerau_levenshtein(&pa, &pb) == 1 || (shorter >= 5 && sounds == 1) || (shorter >= 8 && sounds <= 2)
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
        // A given name and how the surname opens: `Narongsak Osatanakorn`/`Osottanakorn`.
        let words: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
        if let [given @ .., last] = words.as_slice()
            && !given.is_empty()
        {
            let opening: String = variant_key(last).chars().take(2).collect();
            let given: String = given.iter().map(|w| plain(w)).collect();
            keys.push(format!("w:{given}:{opening}"));
        }
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
    // `Health Organisation`/`Health Organization` inside `World Health Organisation`/`World
    // Health Organization`: the tail of a longer pair is not a finding of its own.
    let mut tails: HashSet<(String, String)> = HashSet::new();
    for group in &out {
        for (variant, _) in &group.variants {
            let (u, v): (Vec<&str>, Vec<&str>) = (group.usual.split(' ').collect(), variant.split(' ').collect());
            if u.len() == v.len() {
                for skip in 1..u.len() {
                    tails.insert((u[skip..].join(" "), v[skip..].join(" ")));
                }
            }
        }
    }
    for group in &mut out {
        let usual = group.usual.clone();
        group
            .variants
            .retain(|(variant, _)| !tails.contains(&(usual.clone(), variant.clone())));
    }
    out.retain(|g| !g.variants.is_empty());
    out.sort_by_key(|g| g.usual_mentions[0]);
    out
}
