//! Roles: a person holding a title — `NATO Secretary General Jens Stoltenberg`,
//! `Former U.S. Secretary of Defense Ashton Carter`, `US Defence Secretary Mark Esper`,
//! `White House deputy press secretary Judd Deere`, and the appositive form
//! `Katie Wheelbarger, principal US deputy assistant secretary of defense …`.
//!
//! Titles are normalised so that wording variants meet: case and hyphens are dropped,
//! `defence` is spelt `defense`, and `Defense Secretary` becomes `secretary of defense`.

use std::sync::LazyLock;

use nom::{IResult, Parser, bytes::complete::tag, combinator::opt};

use super::number::{at_word_end, fail, gap, word};
use super::words::{self, PackedTable, WordMap};

/// A parsed role: where it ends, the normalised title, the organisation prefix (as the
/// offset range of the entity mention) and the person's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleParse {
    pub len: usize,
    pub former: bool,
    pub org_mentions: Vec<usize>,
    pub title: String,
    pub person: String,
}

const MODIFIERS: &[&str] = &[
    "deputy",
    "assistant",
    "principal",
    "press",
    "acting",
    "vice",
    "senior",
    "chief",
    "foreign",
    "defense",
    "defence",
    "interior",
    "finance",
    "home",
    "state",
    "prime",
    "executive",
    "national",
    "security",
    "former",
];

/// Articles and pronouns: capitalised at a sentence start, never part of a name.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "this", "that", "these", "those", "it", "he", "she", "they", "we", "his", "her", "their", "its",
];

/// Capitalised words that open a sentence's leading phrase, never a name.
const PHRASE_OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "before",
    "from",
    "during",
    "meanwhile",
    "also",
    "but",
    "and",
    "the",
    "when",
    "while",
    "since",
    "under",
    "by",
    "for",
    "with",
    "without",
    "as",
    "speaking",
    "earlier",
    "later",
    "then",
];

/// The head words of titles: a role claim holds one of them.
pub fn title_words() -> impl Iterator<Item = &'static str> {
    HEADS.iter().copied()
}

const HEADS: &[&str] = &[
    "chief",
    "secretary-general",
    "secretary",
    "president",
    "minister",
    "chancellor",
    "ambassador",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "commander",
    "admiral",
    "governor",
    "senator",
    "mayor",
    "king",
    "queen",
    "envoy",
    "leader",
    "adviser",
    "advisor",
    "premier",
    "general",
];

const DEPARTMENTS: &[&str] = &[
    "defense",
    "state",
    "treasury",
    "energy",
    "commerce",
    "labor",
    "education",
    "health",
    "transportation",
    "interior",
    "agriculture",
];

const NAME_PARTICLES: &[&str] = &["al", "bin", "ibn", "van", "von", "de", "da", "del", "le", "la", "el"];

/// The lists a word of a role belongs to, as bits.
mod list {
    pub const HEAD: u8 = 1;
    pub const MODIFIER: u8 = 2;
    pub const PHRASE_OPENER: u8 = 4;
    pub const FUNCTION_WORD: u8 = 8;
}

/// The lists `word` belongs to, ignoring ASCII case: one probe for a word of letters.
fn lists_of(word: &str) -> u8 {
    static TABLE: LazyLock<PackedTable<u8>> = LazyLock::new(|| {
        let mut table = WordMap::default();
        let lists = [
            (HEADS, list::HEAD),
            (MODIFIERS, list::MODIFIER),
            (PHRASE_OPENERS, list::PHRASE_OPENER),
            (FUNCTION_WORDS, list::FUNCTION_WORD),
        ];
        for (words, bit) in lists {
            for word in words {
                if let Some(key) = words::pack_word(word) {
                    *table.entry(key).or_default() |= bit;
                }
            }
        }
        PackedTable::new(table)
    });
    if let Some(key) = words::pack_word(word) {
        return TABLE.get(key).copied().unwrap_or(0);
    }
    // `secretary-general`
    if HEADS.iter().any(|head| head.eq_ignore_ascii_case(word)) {
        list::HEAD
    } else {
        0
    }
}

/// The word at the start of `input` (letters, digits and hyphens) and what follows it.
fn next_word(input: &str) -> Option<(&str, &str)> {
    let bytes = input.as_bytes();
    let ascii = bytes
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
        .count();
    let len = if bytes.get(ascii).is_some_and(|b| !b.is_ascii()) {
        input
            .char_indices()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '-'))
            .map_or(input.len(), |(i, _)| i)
    } else {
        ascii
    };
    (len > 0).then(|| (&input[..len], &input[len..]))
}

/// One word of a personal name: `Jens`, `Stoltenberg`, `al-Abadi`, `O’Brien`.
fn name_word(input: &str) -> IResult<&str, &str> {
    let Some((w, rest)) = next_word(input) else {
        return fail(input);
    };
    let particle = NAME_PARTICLES.iter().any(|p| {
        w.get(..p.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(p) && w[p.len()..].starts_with('-'))
    });
    let capitalised = w.starts_with(char::is_uppercase) && w.chars().skip(1).any(char::is_lowercase);
    if !(capitalised || particle) {
        return fail(input);
    }
    if lists_of(w) != 0 {
        return fail(input);
    }
    // `Trump’s` names Trump.
    Ok((strip_possessive(rest), w))
}

/// `NATO’s secretary-general`: the possessive after an organisation.
fn strip_possessive(input: &str) -> &str {
    input
        .strip_prefix("’s")
        .or_else(|| input.strip_prefix("'s"))
        .unwrap_or(input)
}

/// A personal name: one to four name words, joined by single spaces.
fn name(input: &str) -> IResult<&str, String> {
    let (mut rest, first) = name_word(input)?;
    let mut words = [first; 4];
    let mut count = 1;
    while count < words.len() {
        let Ok((after, w)) = (gap, name_word).parse(rest).map(|(r, (_, w))| (r, w)) else {
            break;
        };
        if w.starts_with(char::is_lowercase) && !w.contains('-') {
            break;
        }
        words[count] = w;
        count += 1;
        rest = after;
    }
    Ok((rest, words[..count].join(" ")))
}

/// Whether `word` may stand in a title, as its head (`Some(true)`) or as a modifier before or
/// after it (`deputy`, `press`: `Some(false)`).
fn title_word(word: &str) -> Option<bool> {
    let lists = lists_of(word);
    let is_head = lists & list::HEAD != 0;
    let is_modifier = lists & list::MODIFIER != 0 && !word.eq_ignore_ascii_case("former");
    (is_head || is_modifier).then_some(is_head)
}

/// A title word as it is normalised: lower case, `defense` for `defence`, hyphens as spaces.
fn push_normalised_word(normalised: &mut String, word: &str) {
    if word.eq_ignore_ascii_case("defence") {
        normalised.push_str("defense");
        return;
    }
    let start = normalised.len();
    normalised.push_str(word);
    normalised[start..].make_ascii_lowercase();
    if word.contains('-') {
        let hyphenated = normalised.split_off(start);
        normalised.push_str(&hyphenated.replace('-', " "));
    }
}

/// A title as written: its modifier and head words, and the department and purpose after them.
struct TitleWords<'a> {
    words: [&'a str; TitleWords::MAX_WORDS],
    count: usize,
    /// `of defense`: the department, lower-cased.
    department: Option<String>,
    /// ` international security affairs` in `for international security affairs`.
    purpose: Option<&'a str>,
}

impl TitleWords<'_> {
    const MAX_WORDS: usize = 8;

    /// The title, normalised: `Defense Secretary` → `secretary of defense`.
    fn normalised(&self) -> String {
        let mut normalised = String::with_capacity(32);
        // An acting holder holds the office: `Acting Defense Secretary` is the defense secretary.
        for word in self.words[..self.count]
            .iter()
            .filter(|w| !w.eq_ignore_ascii_case("acting"))
        {
            if !normalised.is_empty() {
                normalised.push(' ');
            }
            push_normalised_word(&mut normalised, word);
        }
        if let Some(department) = &self.department {
            normalised.push_str(" of ");
            normalised.push_str(department);
        }
        if let Some(purpose) = self.purpose {
            normalised.push_str(" for");
            normalised.push_str(&purpose.to_lowercase());
        }
        // `Defense Secretary` → `secretary of defense`
        if let Some(head) = normalised.strip_suffix(" secretary")
            && let Some(department) = DEPARTMENTS
                .iter()
                .find(|d| head.strip_suffix(**d).is_some_and(|p| p.is_empty() || p.ends_with(' ')))
        {
            let prefix = &head[..head.len() - department.len()];
            normalised = format!("{prefix}secretary of {department}");
        }
        while let Some(at) = memchr::memmem::find(normalised.as_bytes(), b"secretary general") {
            normalised.replace_range(at + "secretary".len()..at + "secretary ".len(), "-");
        }
        normalised
    }
}

/// The title words: modifiers, a head, and an `of …` department.
fn title(input: &str, allow_lowercase: bool) -> IResult<&str, TitleWords<'_>> {
    let mut rest = input;
    let mut title = TitleWords {
        words: [""; TitleWords::MAX_WORDS],
        count: 0,
        department: None,
        purpose: None,
    };
    let mut has_head = false;
    // Title words are ASCII: they match the lists ignoring ASCII case. Each word is read
    // once: the look-ahead below hands the next word to the next round.
    fn title_word_at(input: &str) -> Option<(&str, &str, bool)> {
        let (w, after) = next_word(input)?;
        Some((w, after, title_word(w)?))
    }
    let mut next = title_word_at(rest);
    while let Some((w, after, is_head)) = next {
        if title.count == TitleWords::MAX_WORDS {
            break;
        }
        if !allow_lowercase && w.starts_with(char::is_lowercase) && title.count == 0 {
            break;
        }
        // `Secretary General` / `Secretary-General`
        let general = w.eq_ignore_ascii_case("general");
        let general_after_secretary =
            general && title.count > 0 && title.words[title.count - 1].eq_ignore_ascii_case("secretary");
        if general && !general_after_secretary && has_head {
            break;
        }
        title.words[title.count] = w;
        title.count += 1;
        has_head |= is_head;
        rest = after;
        let Ok((after_space, _)) = gap(rest) else { break };
        next = title_word_at(after_space);
        if next.is_some() {
            rest = after_space;
        }
    }
    if !has_head {
        return fail(input);
    }
    // `Secretary of Defense`, `secretary of defense for international security affairs`
    if let Ok((after, (_, _, _, department))) = (gap, word("of"), gap, |i| {
        next_word(i)
            .map(|(w, r)| (r, w))
            .ok_or(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Alpha)))
    })
        .parse(rest)
    {
        let department = department.to_lowercase().replace("defence", "defense");
        if DEPARTMENTS.contains(&department.as_str()) || department == "the" {
            title.department = Some(department);
            rest = after;
            if let Ok((after, _)) = (gap, word("for")).parse(rest) {
                let clause_end = after.find([',', ';', '.']).unwrap_or(after.len());
                title.purpose = Some(&after[..clause_end]);
                rest = &after[clause_end..];
            }
        }
    }
    Ok((rest, title))
}

/// `[Former] [ORG …] Title Name` at the start of `input`. `org_prefix` reports the byte
/// length of an entity mention starting at a given position of `input`, if any.
pub fn role(input: &str, org_prefix: &dyn Fn(usize) -> Option<(usize, usize)>) -> Option<RoleParse> {
    // A role opens with `Former`, an organisation, or a title word; anything else is skipped cheaply.
    let first = next_word(input)?.0;
    if lists_of(first) & (list::MODIFIER | list::HEAD) == 0 && org_prefix(0).is_none() {
        return None;
    }
    let (mut rest, former) = match (word("former"), gap).parse(input) {
        Ok((rest, _)) => (rest, true),
        Err(_) => (input, false),
    };
    let mut org_mentions = Vec::new();
    for _ in 0..2 {
        let at = input.len() - rest.len();
        let Some((len, mention)) = org_prefix(at) else { break };
        let after = strip_possessive(&rest[len..]);
        let Ok((after, _)) = gap(after) else { break };
        org_mentions.push(mention);
        rest = after;
    }
    let allow_lowercase = !org_mentions.is_empty();
    let (rest, title) = title(rest, allow_lowercase).ok()?;
    let (rest, person) = (gap, name).parse(rest).ok().map(|(r, (_, n))| (r, n))?;
    if !at_word_end(rest) {
        return None;
    }
    Some(RoleParse {
        len: input.len() - rest.len(),
        former,
        org_mentions,
        title: title.normalised(),
        person,
    })
}

/// `Name, [the] [principal] [ORG] title …` — the title after the name, set off by a comma.
pub fn appositive_role(input: &str, org_prefix: &dyn Fn(usize) -> Option<(usize, usize)>) -> Option<RoleParse> {
    // `Jens Stoltenberg, NATO's secretary-general`: no comma nearby, no apposition.
    let mut window_end = input.len().min(64);
    while !input.is_char_boundary(window_end) {
        window_end -= 1;
    }
    let window = &input[..window_end];
    let comma = memchr::memchr(b',', window.as_bytes())?;
    let before = &window[..comma];
    let name_like = before
        .split(' ')
        .all(|w| w.starts_with(char::is_uppercase) || w.contains('-'));
    if !name_like || !before.contains(' ') || before.contains(['.', '\n']) {
        return None;
    }
    // `In Kabul, Defense Secretary …` opens with a phrase, not a name.
    if next_word(before).is_some_and(|(w, _)| lists_of(w) & list::PHRASE_OPENER != 0) {
        return None;
    }
    let (rest, person) = name(input).ok()?;
    if !person.contains(' ') {
        return None;
    }
    let comma: IResult<&str, _> = (tag(","), gap).parse(rest);
    let (mut rest, _) = comma.ok()?;
    let mut org_mentions = Vec::new();
    for _ in 0..3 {
        let at = input.len() - rest.len();
        if let Some((len, mention)) = org_prefix(at) {
            org_mentions.push(mention);
            rest = gap(strip_possessive(&rest[len..])).ok()?.0;
        } else if let Some((_, after)) = next_word(rest).filter(|(w, _)| matches!(*w, "principal" | "the")) {
            rest = opt(gap).parse(after).ok()?.0;
        } else {
            break;
        }
    }
    let (rest, title) = title(rest, true).ok()?;
    Some(RoleParse {
        len: input.len() - rest.len(),
        former: false,
        org_mentions,
        title: title.normalised(),
        person,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Treats `NATO`, `US`, `U.S.`, `White House` and `Iraqi` as organisation prefixes.
    fn orgs(input: &str) -> impl Fn(usize) -> Option<(usize, usize)> + '_ {
        move |at| {
            ["NATO", "U.S.", "US", "White House", "Iraqi"]
                .iter()
                .enumerate()
                .find(|(_, o)| input[at..].starts_with(*o))
                .map(|(i, o)| (o.len(), i))
        }
    }

    fn parse(input: &str) -> (String, String, bool, usize) {
        let r = role(input, &orgs(input)).unwrap_or_else(|| panic!("no role in {input:?}"));
        (r.title, r.person, r.former, r.org_mentions.len())
    }

    #[test]
    fn title_variants_normalise_to_one_role() {
        let expect = |t: &str, p: &str, f: bool, o: usize| (t.to_owned(), p.to_owned(), f, o);
        assert_eq!(
            parse("NATO Secretary General Jans Stoltenberg told"),
            expect("secretary-general", "Jans Stoltenberg", false, 1)
        );
        assert_eq!(
            parse("NATO Secretary-General Jens Stoltenberg."),
            expect("secretary-general", "Jens Stoltenberg", false, 1)
        );
        assert_eq!(
            parse("Former U.S. Secretary of Defense Ashton Carter implored"),
            expect("secretary of defense", "Ashton Carter", true, 1)
        );
        assert_eq!(
            parse("US Defence Secretary Mark Esper among"),
            expect("secretary of defense", "Mark Esper", false, 1)
        );
        assert_eq!(
            parse("Iraqi Prime Minister Haider al-Abadi at"),
            expect("prime minister", "Haider al-Abadi", false, 1)
        );
        assert_eq!(
            parse("White House deputy press secretary Judd Deere later"),
            expect("deputy press secretary", "Judd Deere", false, 1)
        );
        assert_eq!(
            parse("President Donald Trump’s demand"),
            expect("president", "Donald Trump", false, 0)
        );
    }

    #[test]
    fn titles_without_a_name_are_not_roles() {
        assert!(role("Secretary General for NATO", &orgs("")).is_none());
        assert!(role("NATO’s secretary-general on Tuesday", &|_| None).is_none());
        assert!(role("the defense secretary wants", &|_| None).is_none());
    }

    #[test]
    fn appositive_titles() {
        let input = "Katie Wheelbarger, principal US deputy assistant secretary of defense for international security affairs, said";
        let r = appositive_role(input, &orgs(input)).unwrap();
        assert_eq!(r.person, "Katie Wheelbarger");
        assert_eq!(
            r.title,
            "deputy assistant secretary of defense for international security affairs"
        );
        assert_eq!(r.org_mentions.len(), 1);
    }
}
