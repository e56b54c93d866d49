//! Extract: nom grammars over a document's text, producing claims.
//!
//! A claim is a span of the original file with what it asserts: a value as an interval
//! (`fewer than 20 people` → `(−∞, 20)`), the unit or counted noun and its class, the time it
//! speaks about, and the context linking needs (the entity that owns the number, the place,
//! whether it is part of a larger whole). Time expressions become `date` claims and persons
//! holding titles become `role` claims.
//!
//! **Invariant:** extraction is pure and never fails. Text that does not parse is not a claim.

mod dating;
mod entity;
mod lexicon;
mod modality;
mod number;
mod ordinal;
mod quantity;
mod role;
mod starts;
mod text;
mod time;
mod words;

use std::ops::Range;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::calendar;
use crate::documents::Document;
use crate::documents::markup::Heading;

pub use dating::date_undated;
pub use entity::{EntityDef, EntityKind, Gazetteer, Mention};
pub use lexicon::UnitClass;
pub use modality::Modality;
/// The one class of hyphens every grammar reads, dates included.
pub(crate) use number::is_hyphen;
pub use quantity::QuantityKind;

/// What a claim asserts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClaimKind {
    Count,
    Percent,
    Money,
    Measure,
    Duration,
    Ratio,
    Date,
    Role,
    /// A name as the text spells it, kept when another document spells it otherwise.
    Name,
}

/// A value as an interval. An exact number has `low == high`; a missing end is open.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub low_inclusive: bool,
    pub high_inclusive: bool,
    pub approximate: bool,
}

/// Where a claim's time came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TimeSource {
    Text,
    DocumentDate,
}

/// The days a claim speaks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimTime {
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub source: TimeSource,
}

/// A person holding a title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    /// Normalised title: `secretary of defense`.
    pub title: String,
    /// Entity id of the organisation or country the title belongs to, when written.
    pub org: Option<String>,
    pub person: String,
    /// Written as `Former …`: held before the document date.
    pub former: bool,
    /// Entity ids of the organisations and countries the sentence names, for a title written
    /// without its organisation (`Secretary of State Antony Blinken told NATO allies that the US
    /// …`).
    pub sentence_orgs: Vec<String>,
}

/// What surrounds a number, for linking.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Context {
    pub sentence: Range<usize>,
    /// Entity id of whoever the number belongs to (`Germany` in "30 of its 120 soldiers").
    pub owner: Option<String>,
    /// Entity id of the place the number is about.
    pub place: Option<String>,
    /// The number counts part of a larger group ("30 of its 120", "20 countries in the
    /// alliance"); such claims do not speak for the group as a whole.
    pub partitive: bool,
    /// What a percent is a share of (`gdp` in "2 percent of GDP").
    pub share_of: Option<String>,
    /// What an amount of money is for (`aid` in "$5 billion in military aid", `budget` in "a
    /// $700 billion defense budget").
    pub purpose: Option<String>,
}

/// One extracted claim.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claim {
    /// Index of the document in the run's document list.
    pub doc: usize,
    /// Byte range in the original file.
    pub span: Range<usize>,
    pub kind: ClaimKind,
    pub value: Option<Interval>,
    pub unit: Option<String>,
    pub class: Option<UnitClass>,
    pub time: Option<ClaimTime>,
    pub context: Context,
    /// Boxed: few claims are roles, and every claim carries the field.
    pub role: Option<Box<Role>>,
    /// Inside trailing boilerplate (a related-stories list): extracted, never linked.
    pub boilerplate: bool,
    /// Asserted, past, planned, possible or negated.
    pub modality: Modality,
    /// The sentence reports what somebody said.
    pub reported: bool,
}

/// `¥500 billion ($3.3 billion)`: an amount of money in parentheses right after another gives
/// it in another currency, so it keeps the sign it is written with; only on its own (`cost the
/// firm ($2.5 million)`) is it the accounts' negative.
fn conversion_in_parentheses(
    mut parsed: quantity::Quantity,
    text: &str,
    at: usize,
    previous: Option<&Claim>,
) -> quantity::Quantity {
    if parsed.negated_in_parentheses && money_right_before(text, at, previous) {
        (parsed.low, parsed.high) = (parsed.high.map(|v| -v), parsed.low.map(|v| -v));
        parsed.negated_in_parentheses = false;
    }
    parsed
}

/// Whether `previous`, the claim before `at`, is an amount of money with only spaces between
/// it and `at`.
fn money_right_before(text: &str, at: usize, previous: Option<&Claim>) -> bool {
    previous.is_some_and(|claim| {
        claim.kind == ClaimKind::Money
            && claim.span.end <= at
            && text[claim.span.end..at].trim_start_matches(' ').is_empty()
    })
}

/// `573.15K` in a sentence about temperatures is kelvin, not thousands.
fn kelvin_in_context(mut parsed: quantity::Quantity, surface: &str, sentence: &str) -> quantity::Quantity {
    let glued_k = surface
        .strip_suffix('K')
        .is_some_and(|n| n.ends_with(|c: char| c.is_ascii_digit()));
    if !glued_k || parsed.kind != QuantityKind::Count || parsed.unit.is_some() {
        return parsed;
    }
    let about_temperature = sentence.contains(['°', 'º']) || {
        let lower = sentence.to_lowercase();
        lower.contains("degrees") || lower.contains("kelvin") || lower.contains("temperature")
    };
    if about_temperature {
        parsed.low = parsed.low.map(|v| v / 1e3);
        parsed.high = parsed.high.map(|v| v / 1e3);
        parsed.kind = QuantityKind::Measure;
        parsed.unit = Some("K".into());
        parsed.class = Some(UnitClass::Measure);
    }
    parsed
}

/// `the one you mentioned`, `which one`: `one` as a pronoun, not a count.
fn is_pronoun_one(text: &str, at: usize) -> bool {
    const DETERMINERS: &[&str] = &[
        "the", "this", "that", "which", "each", "every", "any", "no", "another", "only", "last", "next", "right",
        "wrong", "new", "old", "big", "little", "other", "same", "first", "second", "third", "final",
    ];
    let previous = previous_word(text, at);
    DETERMINERS.iter().any(|d| d.eq_ignore_ascii_case(previous))
}

/// `$85 a barrel`, `€2 a kilo`: `a` and the unit after a price say what it buys, not a
/// quantity of their own.
fn is_price_unit(text: &str, at: usize, previous: Option<&Claim>) -> bool {
    let article = ["a ", "an "].iter().any(|a| {
        text.get(at..at + a.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(a))
    });
    article && money_right_before(text, at, previous)
}

/// Words whose number names one of a series, in any case and at the start of a sentence too:
/// `Port 8080`, `page 12`, `error 404`, `Chapter 11`.
const IDENTIFIER_HEADS: &[&str] = &[
    "article",
    "chapter",
    "section",
    "clause",
    "paragraph",
    "figure",
    "fig",
    "table",
    "appendix",
    "page",
    "line",
    "step",
    "item",
    "flight",
    "route",
    "port",
    "error",
    "model",
    "version",
    "room",
    "gate",
    "platform",
    "channel",
    "episode",
    "season",
    "volume",
    "issue",
    "exhibit",
    "amendment",
    "resolution",
    "category",
    "phase",
    "stage",
    "level",
];

/// Digits right after a word of [`IDENTIFIER_HEADS`]: `error 404 follows` names an error
/// even where a word after the number could be what it counts.
fn follows_identifier_head(text: &str, at: usize) -> bool {
    text[..at].ends_with(' ') && {
        let word = previous_word(text, at);
        IDENTIFIER_HEADS.iter().any(|head| word.eq_ignore_ascii_case(head))
    }
}

/// `Flight 370`, `Windows 10`, `Article 5`: digits right after a capitalised word inside a
/// sentence name a thing, they do not count one; so do digits after a `#` (`bug #4521`).
fn is_identifier(text: &str, at: usize, sentence: &Range<usize>) -> bool {
    if text[..at].ends_with('#') {
        return true;
    }
    let before = &text[sentence.start..at];
    let Some(head) = before.strip_suffix(' ') else {
        return false;
    };
    let word = previous_word(text, at);
    let Some(before_word) = head.strip_suffix(word).filter(|_| !word.is_empty()) else {
        return false;
    };
    let inside_sentence = !before_word.trim().is_empty();
    // `Flight 370`, and names with a capital inside them (`iPhone 15`).
    let capitalised = word.chars().any(char::is_uppercase) && word.chars().all(char::is_alphanumeric);
    let calendar_word = || {
        calendar::month_name(word).is_ok_and(|(rest, _)| rest.is_empty())
            || time::lead_words().any(|w| w.eq_ignore_ascii_case(word))
    };
    inside_sentence && capitalised && !calendar_word()
}

/// Words before a whole ten with a glued `s` that make it a decade: `the 90s`, `in their 30s`,
/// `the early 60s`.
const DECADE_CUES: &[&str] = &[
    "the", "their", "his", "her", "its", "my", "our", "your", "early", "mid", "late",
];

/// Whether the `30s` at `at..end` is a decade, not thirty seconds: after a decade cue or an
/// apostrophe (`’90s`), or next to another decade (`30s and 40s`, `1970s-80s`).
fn is_decade(text: &str, at: usize, end: usize) -> bool {
    let before = &text[..at];
    if before.ends_with(['’', '\'', '-']) {
        return true;
    }
    let previous = previous_word(text, at);
    if DECADE_CUES.iter().any(|cue| previous.eq_ignore_ascii_case(cue)) {
        return true;
    }
    let decade_word = |word: &str| {
        word.len() >= 3 && word.ends_with("0s") && word[..word.len() - 1].bytes().all(|b| b.is_ascii_digit())
    };
    fn word_at(rest: &str) -> &str {
        rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or_default()
    }
    let joiner = |word: &str| {
        ["and", "or", "to", "through"]
            .iter()
            .any(|j| word.eq_ignore_ascii_case(j))
    };
    // The word past a dash or a joiner after the `30s`, and the word before a joiner before it.
    let after = text[end..].trim_start();
    let after_joined = after
        .strip_prefix(['-', '–'])
        .or_else(|| joiner(word_at(after)).then(|| &after[word_at(after).len()..]));
    let next_is_decade = after_joined.is_some_and(|rest| decade_word(word_at(rest.trim_start())));
    let previous_is_decade = joiner(previous) && {
        let head = before.trim_end();
        decade_word(previous_word(head, head.len() - previous.len()))
    };
    next_is_decade || previous_is_decade
}

/// The length of the phone number at `at` (see [`number::phone_number`]), read only where a
/// digit or a bracket starts a word.
fn phone_number(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    // `+44 20 7946 0958`: the start may be the plus.
    if bytes[at] == b'+' {
        return number::phone_number(&text[at + 1..], true).map(|len| len + 1);
    }
    if !matches!(bytes[at], b'0'..=b'9' | b'(') {
        return None;
    }
    let after_plus = at > 0 && bytes[at - 1] == b'+' && (at < 2 || !bytes[at - 2].is_ascii_alphanumeric());
    number::phone_number(&text[at..], after_plus)
}

/// Words after which a four-digit number is a year, not a count.
const YEAR_CUES: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "of", "during", "early", "late", "mid", "the", "before", "after",
    "through", "’s", "'s", "year", "fiscal", "and", "spring", "summer", "autumn", "fall", "winter",
];

/// Prepositions that make the next entity a place rather than an owner.
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "to",
    "from",
    "at",
    "into",
    "across",
    "near",
    "inside",
    "outside",
    "over",
    "toward",
    "towards",
    "within",
    "throughout",
    "through",
    "via",
];

/// Extracts every claim of `doc`, in document order. A Markdown or HTML document is read
/// through its prose; the claims' spans are then mapped back into the original file.
pub fn extract(doc_index: usize, doc: &Document, gazetteer: &Gazetteer) -> Vec<Claim> {
    extract_at_most(doc_index, doc, gazetteer, usize::MAX)
}

/// [`extract`], stopping at the end of the sentence that makes the claims more than `limit`:
/// the first `limit` claims are those [`extract`] gives, and a document of a million numbers
/// never holds more than `limit` (plus one sentence's) claims in memory at once.
pub fn extract_at_most(doc_index: usize, doc: &Document, gazetteer: &Gazetteer, limit: usize) -> Vec<Claim> {
    let Some(marked) = &doc.markup else {
        return extract_prose(doc_index, doc, &[], gazetteer, limit, &|_| false);
    };
    let prose = &marked.prose;
    // Claims in words added for context are dropped below, so they do not count.
    let synthetic = |at: usize| prose.has_added_words() && prose.is_synthetic(at);
    let mut claims = extract_prose(doc_index, &marked.view, &prose.headings, gazetteer, limit, &synthetic);
    // Words added for context (a table's header after a cell) never make claims of their own.
    if prose.has_added_words() {
        claims.retain(|claim| !prose.is_synthetic(claim.span.start));
    }
    // The claims of one sentence come together: its range is mapped once.
    let mut mapped_sentence: Option<(Range<usize>, Range<usize>)> = None;
    for claim in &mut claims {
        claim.span = prose.original_range(claim.span.clone());
        let sentence = &mut claim.context.sentence;
        *sentence = match &mapped_sentence {
            Some((prose_range, original)) if prose_range == sentence => original.clone(),
            _ => {
                let original = prose.original_range(sentence.clone());
                mapped_sentence = Some((sentence.clone(), original.clone()));
                original
            }
        };
    }
    claims
}

fn extract_prose(
    doc_index: usize,
    doc: &Document,
    headings: &[Heading],
    gazetteer: &Gazetteer,
    limit: usize,
    synthetic: &dyn Fn(usize) -> bool,
) -> Vec<Claim> {
    let text = doc.file.text.as_str();
    let today = doc.meta.date;
    // One pass over the sentences finds the entity mentions and, in each sentence that may
    // hold a claim, the word starts worth trying.
    let mut found_mentions = Vec::new();
    let mut scratch = SCRATCH.take();
    let Scratch {
        sentences,
        starts,
        sentence_starts,
        candidates,
    } = &mut scratch;
    // What a long document's scan keeps is reserved at once for about what news text holds,
    // so the lists are not copied again and again as they grow.
    sentence_starts.reserve(text.len() / STARTS_RESERVED_PER);
    candidates.reserve(text.len() / CANDIDATES_RESERVED_PER);
    // The sentences are split a stretch of whole lines at a time, so their list stays short:
    // a line break always ends a sentence, so no sentence crosses from one stretch to the next.
    let mut stretch_start = doc.body.start;
    while stretch_start < doc.body.end {
        let stretch_end = text::lines_end(text, stretch_start, doc.body.end, SENTENCE_STRETCH);
        text::sentences(text, stretch_start..stretch_end, sentences);
        for sentence in sentences.drain(..) {
            let triggers = starts::scan(text, sentence.clone(), gazetteer, starts, &mut found_mentions);
            if triggers.any {
                let first = sentence_starts.len();
                sentence_starts.extend_from_slice(starts);
                candidates.push((sentence, triggers.reported, first..sentence_starts.len()));
            }
        }
        stretch_start = stretch_end;
    }
    let mentions = document_mentions(text, doc, found_mentions, gazetteer);
    let content_end = doc.boilerplate_from.unwrap_or(doc.body.end);
    let salient_place = salient_place(&mentions, gazetteer, content_end);

    let mut claims = Vec::with_capacity(sentence_starts.len().min(limit.saturating_add(1)));
    let mut counted = 0;
    for (sentence, reported, starts) in candidates.drain(..) {
        if counted > limit {
            break;
        }
        let first_of_sentence = claims.len();
        let sentence_mentions = mentions_within(&mentions, sentence.clone());
        // Text before `consumed` belongs to a claim already made.
        let mut consumed = sentence.start;
        for &starts::Start {
            at,
            role,
            opens,
            time: may_open_time,
            ..
        } in &sentence_starts[starts]
        {
            if at < consumed {
                continue;
            }
            let rest = &text[at..sentence.end];
            let base = || Claim {
                doc: doc_index,
                span: at..at,
                kind: ClaimKind::Count,
                value: None,
                unit: None,
                class: None,
                time: today.map(|d| ClaimTime {
                    from: Some(d),
                    to: Some(d),
                    source: TimeSource::DocumentDate,
                }),
                context: Context {
                    sentence: sentence.clone(),
                    ..Context::default()
                },
                role: None,
                boilerplate: at >= content_end,
                modality: Modality::Asserted,
                reported: false,
            };
            let org_prefix = |offset: usize| {
                sentence_mentions
                    .iter()
                    .find(|m| m.start == at + offset)
                    .map(|m| (m.end - m.start, mention_index(&mentions, m)))
            };
            if role {
                let found = role::role(rest, &org_prefix).or_else(|| role::appositive_role(rest, &org_prefix));
                if let Some(parsed) = found {
                    let org = parsed.org_mentions.first().map(|&i| owner_id(gazetteer, &mentions[i]));
                    let mut claim = Claim {
                        span: at..at + parsed.len,
                        kind: ClaimKind::Role,
                        ..base()
                    };
                    // `fired Defense Secretary Mark Esper`, `then-President Trump`: no longer held.
                    let former = parsed.former || {
                        let previous = previous_word(text, at);
                        FORMER_HOLDER_CUES.iter().any(|w| previous.eq_ignore_ascii_case(w))
                    };
                    if former {
                        claim.time = today.map(|d| ClaimTime {
                            from: None,
                            to: Some(d),
                            source: TimeSource::Text,
                        });
                    }
                    claim.role = Some(Box::new(Role {
                        title: parsed.title,
                        org,
                        person: parsed.person,
                        former,
                        sentence_orgs: if parsed.org_mentions.is_empty() {
                            sentence_orgs(sentence_mentions, gazetteer)
                        } else {
                            Vec::new()
                        },
                    }));
                    claims.push(claim);
                    consumed = at + parsed.len;
                    continue;
                }
            }
            if !opens {
                continue;
            }
            let expression = may_open_time.then(|| time::time_expression(rest, today, time::Direction::Back));
            let expression = expression.flatten().and_then(|e| {
                if e.year_less && time_direction(&text[sentence.start..at]) == time::Direction::Forward {
                    time::time_expression(rest, today, time::Direction::Forward)
                } else {
                    Some(e)
                }
            });
            let preposed = |e: &time::TimeExpression| {
                !e.bare_month || {
                    let previous = previous_word(text, at);
                    MONTH_PREPOSITIONS.iter().any(|p| previous.eq_ignore_ascii_case(p))
                }
            };
            if let Some(expression) = expression.filter(preposed) {
                claims.push(Claim {
                    span: at..at + expression.len,
                    kind: ClaimKind::Date,
                    time: Some(ClaimTime {
                        from: expression.from,
                        to: expression.to,
                        source: TimeSource::Text,
                    }),
                    ..base()
                });
                consumed = at + expression.len;
                continue;
            }
            if let Some(len) = phone_number(text, at) {
                consumed = at + len;
                continue;
            }
            // `240 × 120 cm`: each side is a length in the unit written after the last one.
            if rest.starts_with(|c: char| c.is_ascii_digit())
                && let Some(sides) = quantity::sides_with_unit(rest, gazetteer)
            {
                let modality = modality::modality(&text[sentence.start..at]);
                for &(start, end, value) in &sides.earlier[..sides.count] {
                    let side = quantity::Quantity {
                        len: end - start,
                        low: Some(value),
                        high: Some(value),
                        ..sides.last.clone()
                    };
                    let mut claim = numeric_claim(base(), at + start..at + end, &side);
                    claim.modality = modality;
                    claim.reported = reported;
                    claim.context = context(text, &claim, sentence_mentions, gazetteer, salient_place.as_deref());
                    claims.push(claim);
                }
                consumed = at + sides.last_start;
                continue;
            }
            if rest.starts_with(|c: char| c.is_ascii_digit())
                && let Some((len, last_start)) = number::dimensions(rest)
            {
                // `1920 x 1080` counts nothing and holds no year; in `3 x 5 metres` the last
                // side keeps its unit.
                let measured_last =
                    quantity::quantity(&rest[last_start..], gazetteer).is_some_and(|q| q.kind == QuantityKind::Measure);
                consumed = at + if measured_last { last_start } else { len };
                continue;
            }
            let after_change = change_before(text, at);
            let ordinal = rest
                .starts_with(|c: char| {
                    c.is_ascii_digit()
                        || matches!(c, 'f' | 's' | 't' | 'e' | 'n' | 'h' | 'F' | 'S' | 'T' | 'E' | 'N' | 'H')
                })
                .then(|| ordinal::ordinal_count(rest, gazetteer))
                .flatten()
                .map(|(len, value, unit)| quantity::Quantity::counted(len, value, unit, gazetteer));
            let ordinal_claim = ordinal.is_some();
            if let Some(parsed) = ordinal.or_else(|| {
                quantity::quantity_after(rest, gazetteer, after_change).filter(|q| {
                    !(q.bare_one && is_pronoun_one(text, at)
                        || q.bare_digits && is_identifier(text, at, &sentence)
                        || q.kind == QuantityKind::Count
                            && q.low == q.high
                            && !q.approximate
                            && rest.starts_with(|c: char| c.is_ascii_digit())
                            && follows_identifier_head(text, at)
                        || is_price_unit(text, at, claims.last())
                        || q.maybe_decade && is_decade(text, at, at + q.len))
                })
            }) {
                let (at, rest, parsed) = over_a_period(text, at, rest, parsed, &sentence, claims.last(), gazetteer);
                let parsed = aged(text, at, parsed);
                let surface = &rest[..parsed.len];
                let parsed = kelvin_in_context(parsed, surface, &text[sentence.clone()]);
                let parsed = conversion_in_parentheses(parsed, text, at, claims.last());
                let end = at + parsed.len;
                // `risen from 1761 to 2401`: a level moved from is no year, unless it is one
                // of these times (`rose from 2019 to 2021`).
                let not_a_time = parsed.low.is_some_and(|v| !(1900.0..=2100.0).contains(&v));
                // … and nor is the level moved to, after it.
                let moved_to = claims.last().is_some_and(|c| {
                    c.kind == ClaimKind::Count
                        && text.get(c.span.end..at).is_some_and(|between| between.trim() == "to")
                        && change_before(text, c.span.start) == quantity::Change::By
                });
                let moved_level = (after_change == quantity::Change::By || moved_to) && not_a_time;
                if !moved_level && is_year(text, at, &parsed) {
                    let first = parsed.low.map(|y| y as i16).unwrap_or_default();
                    let last = parsed.high.map(|y| y as i16).unwrap_or(first);
                    let (from, _) = time::year_bounds(first);
                    let (_, to) = time::year_bounds(last);
                    claims.push(Claim {
                        span: at..end,
                        kind: ClaimKind::Date,
                        time: Some(ClaimTime {
                            from,
                            to,
                            source: TimeSource::Text,
                        }),
                        ..base()
                    });
                    consumed = end;
                    continue;
                }
                let mut claim = numeric_claim(base(), at..end, &parsed);
                if claim.kind == ClaimKind::Duration
                    && let Some(time) = duration_ending_now(text, &claim, today)
                {
                    claim.time = Some(time);
                }
                claim.modality = modality::modality(&text[sentence.start..at]);
                claim.reported = reported;
                let mut noun_at = None;
                if claim.unit.is_none()
                    && claim.kind == ClaimKind::Count
                    && let Some((noun, class, at)) = clause_noun(text, sentence.start, claim.span.start, gazetteer)
                {
                    claim.unit = Some(noun);
                    claim.class = Some(class);
                    noun_at = Some(at);
                }
                if is_population(text, &claim, sentence_mentions, gazetteer) {
                    claim.class = Some(UnitClass::Population);
                }
                let (whole, whole_end) = if ordinal_claim {
                    (None, None)
                } else {
                    part_of_whole(text, end, sentence.end, claim.unit.is_some(), gazetteer)
                };
                claim.context = context(text, &claim, sentence_mentions, gazetteer, salient_place.as_deref());
                // In money and measures a name inside the span names the unit (`US dollars`,
                // `British thermal units`), not who the number belongs to.
                let span_may_own = !matches!(claim.kind, ClaimKind::Money | ClaimKind::Measure);
                if let Some(owner) =
                    noun_phrase_owner(text, &claim.span, span_may_own, noun_at, sentence_mentions, gazetteer)
                {
                    if claim.context.place.as_ref() == Some(&owner) {
                        claim.context.place = None;
                    }
                    claim.context.owner = Some(owner);
                }
                if ordinal_claim {
                    // `Finland became the 31st member of NATO`: the body counted is whose; the
                    // one that joined is not.
                    claim.context.owner = owner_after_of(text, end, sentence_mentions, gazetteer);
                    claim.context.partitive = false;
                }
                if let Some(whole) = &whole {
                    claim.context.partitive = true;
                    if claim.unit.is_none() {
                        claim.unit.clone_from(&whole.unit);
                        claim.class = whole.class;
                    }
                }
                consumed = end;
                let whole_claim = whole.zip(whole_end).map(|(whole, whole_end)| {
                    let whole_start = whole_end - whole.len;
                    let mut whole_claim = numeric_claim(claim.clone(), whole_start..whole_end, &whole);
                    whole_claim.context = context(
                        text,
                        &whole_claim,
                        sentence_mentions,
                        gazetteer,
                        salient_place.as_deref(),
                    );
                    consumed = whole_end;
                    whole_claim
                });
                claims.push(claim);
                claims.extend(whole_claim);
            }
        }
        attach_sentence_times(text, &mut claims[first_of_sentence..], sentence.start, today);
        counted += claims[first_of_sentence..]
            .iter()
            .filter(|c| !synthetic(c.span.start))
            .count();
    }
    if !headings.is_empty() {
        own_by_heading(&mut claims, headings, &mentions, gazetteer);
    }
    scratch.recycle();
    claims
}

/// About how many bytes of text the sentences are split at a time (see [`text::lines_end`]).
const SENTENCE_STRETCH: usize = 1 << 16;

/// Bytes of text per word start reserved up front: news text has about one start in 60 bytes,
/// and a denser text grows the list as it fills.
const STARTS_RESERVED_PER: usize = 48;

/// Bytes of text per sentence that may hold a claim reserved up front: news text has about one
/// in 170 bytes.
const CANDIDATES_RESERVED_PER: usize = 160;

/// The working lists of one document's extraction, kept by each thread for the next document
/// so that they are not grown again from empty every time.
#[derive(Default)]
struct Scratch {
    sentences: Vec<Range<usize>>,
    starts: Vec<starts::Start>,
    sentence_starts: Vec<starts::Start>,
    /// A sentence that may hold a claim, whether it reports speech, and its starts.
    candidates: Vec<(Range<usize>, bool, Range<usize>)>,
}

thread_local! {
    static SCRATCH: std::cell::Cell<Scratch> = std::cell::Cell::default();
}

impl Scratch {
    /// Lists that grew past this many entries on a huge document are let go, not kept.
    const KEPT_CAPACITY: usize = 1 << 16;

    /// Empties the lists and hands them back to the thread, unless one grew huge.
    fn recycle(mut self) {
        self.sentence_starts.clear();
        let huge = [
            self.sentences.capacity(),
            self.starts.capacity(),
            self.sentence_starts.capacity(),
            self.candidates.capacity(),
        ]
        .iter()
        .any(|&capacity| capacity > Self::KEPT_CAPACITY);
        if !huge {
            SCRATCH.set(self);
        }
    }
}

/// A number whose sentence names no owner belongs to whoever its section is about: the
/// organisation or country its nearest heading names, else that of the heading above it.
fn own_by_heading(claims: &mut [Claim], headings: &[Heading], mentions: &[Mention], gazetteer: &Gazetteer) {
    let owners: Vec<Option<String>> = headings
        .iter()
        .map(|heading| {
            mentions_within(mentions, heading.range.clone())
                .iter()
                .find(|m| {
                    !m.demonym
                        && matches!(
                            gazetteer.entities[m.entity].kind,
                            EntityKind::Organization | EntityKind::Country
                        )
                })
                .map(|m| owner_id(gazetteer, m))
        })
        .collect();
    for claim in claims {
        if claim.context.owner.is_some() || claim.value.is_none() {
            continue;
        }
        let above = headings.partition_point(|h| h.range.end <= claim.span.start);
        let mut level = u8::MAX;
        for (heading, owner) in headings[..above].iter().zip(&owners[..above]).rev() {
            if heading.level >= level {
                continue;
            }
            level = heading.level;
            if let Some(owner) = owner {
                if claim.context.place.as_ref() == Some(owner) {
                    claim.context.place = None;
                }
                claim.context.owner = Some(owner.clone());
                break;
            }
        }
    }
}

/// Words right before a title that say its holder no longer holds it.
const FORMER_HOLDER_CUES: &[&str] = &[
    "fired",
    "sacked",
    "ousted",
    "dismissed",
    "replaced",
    "succeeded",
    "succeeds",
    "late",
    "then",
    "ex",
];

/// The head noun of what an amount is for: the words right after it (`$700 billion defense
/// budget`) or after `in`, `for` or `on` (`$5 billion in military aid`), up to a preposition
/// or punctuation. Only words: `$5 billion in 2019` has none.
fn money_purpose(after: &str) -> Option<String> {
    let after = after.trim_start();
    let (phrase, introduced) = ["in ", "for ", "on "]
        .iter()
        .find_map(|p| after.strip_prefix(p))
        .map_or((after, false), |rest| (rest, true));
    let head = phrase_head(phrase)?;
    let is_noun_like = head.chars().all(char::is_alphabetic) && head.len() > 2;
    // Without a preposition only a money noun names the purpose: `budget`, `package`.
    (is_noun_like && (introduced || MONEY_NOUNS.contains(&head.as_str()))).then_some(head)
}

/// The head noun, lower case, of the noun phrase `phrase` starts with: leading determiners
/// skipped, ending at punctuation or a preposition (`its gross domestic product on defence` →
/// `gdp`, `military aid for Ukraine` → `aid`).
fn phrase_head(phrase: &str) -> Option<String> {
    const DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "new", "more", "additional"];
    let words: Vec<String> = phrase
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .take_while(|w| !w.is_empty())
        .map(str::to_lowercase)
        .skip_while(|w| DETERMINERS.contains(&w.as_str()))
        .take_while(|w| !PHRASE_ENDS.contains(&w.as_str()) && !lexicon::ends_noun_phrase(w))
        .take(4)
        .collect();
    if words.ends_with(&["gross".into(), "domestic".into(), "product".into()]) {
        return Some("gdp".to_owned());
    }
    words.last().cloned()
}

/// Nouns that say what an amount right before them is: `a $700 billion defense budget`.
const MONEY_NOUNS: &[&str] = &[
    "budget",
    "package",
    "deal",
    "fund",
    "loan",
    "loans",
    "grant",
    "grants",
    "aid",
    "bill",
    "contract",
    "fine",
    "settlement",
    "bailout",
    "stimulus",
    "investment",
    "deficit",
    "debt",
    "revenue",
    "revenues",
    "sales",
    "profit",
];

/// Prepositions and conjunctions that end a noun phrase.
const PHRASE_ENDS: &[&str] = &[
    "on", "in", "for", "to", "by", "at", "from", "with", "into", "and", "or", "than",
];

/// Verbs of a change already made. After one, `7p to 212p` is the change and the new level.
const CHANGE_VERBS: &[&str] = &[
    "rose",
    "fell",
    "climbed",
    "dropped",
    "jumped",
    "gained",
    "lost",
    "slipped",
    "slid",
    "sank",
    "tumbled",
    "plunged",
    "soared",
    "surged",
    "dipped",
    "declined",
    "increased",
    "decreased",
    "added",
    "shed",
    "eased",
    "advanced",
    "retreated",
    "rallied",
    "slumped",
];

/// Forms of verbs of change that may stand further back in a clause than right before its
/// figures: `raised the death toll from the storm from 64 to 2,975`, `has risen from 39 to 43`.
const CLAUSE_CHANGE_VERBS: &[&str] = &[
    "risen",
    "rising",
    "increasing",
    "climbing",
    "jumping",
    "grown",
    "growing",
    "grew",
    "raised",
    "raising",
    "revised",
    "revising",
    "upped",
    "upping",
    "lifted",
    "lowered",
    "cut",
    "fallen",
    "falling",
    "dropping",
    "declining",
    "went",
    "gone",
    "moved",
    "boosted",
    "reduced",
    "reducing",
    "expanded",
    "slashed",
    "hiked",
    "swelled",
    "swollen",
    "ballooned",
    "doubled",
    "tripled",
    "halved",
    "brought",
    "bringing",
];

/// How many words back in its clause a verb of change is looked for.
const CHANGE_REACH: usize = 12;

/// Where the number at `at` stands relative to a verb of change: right after one (`fell 7p`),
/// after `by` or `from` after one (`rose by $2`, `raised the toll by 3 to 48`, `increased
/// from 39`), or later in a clause that has one.
fn change_before(text: &str, at: usize) -> quantity::Change {
    let previous = previous_word(text, at);
    let is_verb = |word: &str| {
        CHANGE_VERBS
            .iter()
            .chain(CLAUSE_CHANGE_VERBS)
            .any(|verb| word.eq_ignore_ascii_case(verb))
    };
    if CHANGE_VERBS.iter().any(|verb| previous.eq_ignore_ascii_case(verb)) {
        return quantity::Change::Direct;
    }
    // `rose by 3 to 48`, `rose from 39 to 43` once the scan is past `from`.
    let by = previous.eq_ignore_ascii_case("by") || previous.eq_ignore_ascii_case("from");
    // Only `from …` and a number after `by` or `from` read the clause: most numbers stop here.
    let opens_with_from = text
        .as_bytes()
        .get(at..at + 5)
        .is_some_and(|b| b.eq_ignore_ascii_case(b"from "));
    if !by && !opens_with_from {
        return quantity::Change::None;
    }
    // The clause before the number, back to a mark that ends one.
    // A dozen words fit in 160 bytes; reading no further keeps the cost per number bounded.
    let mut from = at.saturating_sub(160);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..at];
    let clause_start = before
        .char_indices()
        .rev()
        // `U.S.` is no clause's end: a full stop ends one after a lower-case letter or a digit.
        .find(|&(i, c)| {
            matches!(c, ';' | ':' | '(' | ')' | '?' | '!' | '\n')
                || c == '.' && before[..i].chars().next_back().is_none_or(|p| !p.is_uppercase())
        })
        .map(|(i, _)| i)
        .map_or(0, |i| i + 1);
    let verb_in_clause = before[clause_start..]
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .rev()
        .take(CHANGE_REACH)
        .any(is_verb);
    match (verb_in_clause, by) {
        (true, true) => quantity::Change::By,
        (true, false) => quantity::Change::InClause,
        _ => quantity::Change::None,
    }
}

/// Words before which a month name alone is a month: `in July`, `since March`, `by May`.
const MONTH_PREPOSITIONS: &[&str] = &[
    "in", "since", "by", "until", "till", "through", "during", "from", "to", "before", "after", "early", "mid", "late",
    "of",
];

/// Dates without a year and weekdays look forward in a sentence that states a plan or a
/// possibility (`will vote on Friday`, `would meet in June`) and back otherwise (`voted on
/// Friday`).
fn time_direction(before: &str) -> time::Direction {
    if matches!(modality::modality(before), Modality::Planned | Modality::Possible) {
        time::Direction::Forward
    } else {
        time::Direction::Back
    }
}

/// Words after which a date says when the number before it holds: `20 people by the end of 2019`.
const TIME_PREPOSITIONS: &[&str] = &["in", "on", "by", "since", "during", "until", "through", "at", "of"];

/// Words that open a clause about something else: `a team of 20 people that started in 2017`.
const CLAUSE_OPENERS: &[&str] = &[
    "that", "which", "who", "whose", "when", "where", "after", "before", "while",
];

/// Verbs that make the number the subject of a clause of its own: in `29 allies would meet in
/// June` the date is when they meet, not when there were 29.
const AUXILIARIES: &[&str] = &[
    "will", "would", "could", "can", "may", "might", "should", "must", "shall", "did", "do", "does", "is", "are",
    "was", "were", "be", "been", "has", "have", "had",
];

/// A number takes the time its own clause states: a date right after it introduced by a
/// preposition (`had 20 people by the end of 2019`, `40 next year`), or a date opening the
/// sentence before a comma (`In 2015, there were 300`). A date in a relative clause (`a team of
/// fewer than 20 people that started in early 2017`) speaks of something else. `since 2014` runs
/// to the document date.
fn attach_sentence_times(text: &str, claims: &mut [Claim], sentence_start: usize, today: Option<Date>) {
    let dates: Vec<(Range<usize>, ClaimTime)> = claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Date)
        .filter_map(|c| c.time.filter(|t| t.from.is_some()).map(|t| (c.span.clone(), t)))
        .collect();
    if dates.is_empty() {
        return;
    }
    fn words_of(s: &str) -> impl Iterator<Item = &str> {
        s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .filter(|w| !w.is_empty())
    }
    let is_one_of = |word: &str, list: &[&str]| list.iter().any(|w| w.eq_ignore_ascii_case(word));
    for claim in claims.iter_mut().filter(|c| c.value.is_some()) {
        let after = dates.iter().find(|(span, _)| {
            if span.start < claim.span.end {
                return false;
            }
            let between = &text[claim.span.end..span.start];
            if between.contains([';', ':', '—', '(', ')', ',']) {
                return false;
            }
            let mut count: usize = 0;
            let mut last = None;
            for word in words_of(between) {
                count += 1;
                if count > 6 || is_one_of(word, CLAUSE_OPENERS) || is_one_of(word, AUXILIARIES) {
                    return false;
                }
                last = Some(word);
            }
            let relative = text[span.clone()]
                .split(' ')
                .next()
                .is_some_and(|w| is_one_of(w, &["last", "next", "this", "earlier", "later", "from", "between"]));
            // `in 2019`, and `in their 7th August poll`, past a determiner.
            let introduced = last.is_some_and(|w| is_one_of(w, TIME_PREPOSITIONS))
                || last.is_some_and(|w| is_one_of(w, &["the", "their", "its", "his", "her", "a"]))
                    && words_of(between)
                        .nth(count.saturating_sub(2))
                        .is_some_and(|w| is_one_of(w, TIME_PREPOSITIONS));
            introduced || count == 0 && relative
        });
        let before = dates.iter().rev().find(|(span, _)| {
            if span.end > claim.span.start {
                return false;
            }
            let mut lead = words_of(&text[sentence_start..span.start]);
            let opens = match (lead.next(), lead.next(), lead.next()) {
                (None, _, _) => true,
                (Some(word), None, _) => is_one_of(word, TIME_PREPOSITIONS),
                // `As of 5 December, 1,761 cases`
                (Some(first), Some(second), None) => {
                    first.eq_ignore_ascii_case("as") && second.eq_ignore_ascii_case("of")
                }
                _ => false,
            };
            opens && text[span.end..claim.span.start].trim_start().starts_with(',')
        });
        let Some((span, time)) = after.or(before) else { continue };
        let before_date = text[..span.start].trim_end();
        let before_date = ["late", "early", "mid"]
            .iter()
            .find_map(|w| {
                let cut = before_date.len().checked_sub(w.len())?;
                let word = before_date.get(cut..)?;
                word.eq_ignore_ascii_case(w).then(|| before_date[..cut].trim_end())
            })
            .unwrap_or(before_date);
        let since = before_date
            .len()
            .checked_sub(5)
            .and_then(|i| before_date.get(i..))
            .is_some_and(|w| w.eq_ignore_ascii_case("since"));
        claim.time = Some(ClaimTime {
            from: time.from,
            to: if since {
                today.or(time.to)
            } else {
                listed_until(text, &dates, span, time.to)
            },
            source: TimeSource::Text,
        });
    }
}

/// Words right before a bare number that make it the level of a noun named earlier in its
/// clause: `cut its forces from about 12,000 to 8,600`, `the number of troops is now 8,600`.
const LEVEL_WORDS: &[&str] = &["from", "to", "at", "is", "was", "are", "were", "now", "of"];

/// Nouns that name a figure of their own (`the death toll`, `the tally`, `the number of
/// dead`): a bare number after one is its level, whatever noun came before.
const METRIC_HEADS: &[&str] = &[
    "toll",
    "tally",
    "total",
    "figure",
    "count",
    "number",
    "estimate",
    "estimates",
];

/// Words between a level word and its number: `from about 3,000`.
const APPROXIMATIONS: &[&str] = &[
    "about", "around", "roughly", "some", "nearly", "almost", "just", "over", "under",
];

/// The counted noun a bare number takes from earlier in its clause, with its class and where
/// it starts: `American troops in Afghanistan have been cut to 2,500` counts troops. Only after
/// a word that states a level (`to`, `from`, `at`, `is`, `now`); `cut by 500` is an amount of
/// change, not a level, and keeps no noun.
fn clause_noun(
    text: &str,
    sentence_start: usize,
    at: usize,
    vocabulary: &Gazetteer,
) -> Option<(String, UnitClass, usize)> {
    let before = &text[sentence_start..at];
    // A comma ends a clause; one inside a number (`4,500`) does not.
    let clause_start_before = |end: usize| {
        before[..end]
            .char_indices()
            .rev()
            .find(|&(i, c)| {
                matches!(c, ';' | ':' | '(' | ')' | '—' | '–')
                    || c == ',' && before[i + 1..].starts_with(char::is_whitespace)
            })
            .map_or(0, |(i, c)| i + c.len_utf8())
    };
    let mut clause_start = clause_start_before(before.len());
    // `the force would shrink, from about 3,000 to 2,500`: a clause of nothing but the levels
    // belongs to the one before it.
    let only_levels = before[clause_start..].split_whitespace().all(|w| {
        w.starts_with(|c: char| c.is_ascii_digit())
            || LEVEL_WORDS
                .iter()
                .chain(APPROXIMATIONS)
                .any(|l| w.eq_ignore_ascii_case(l))
    });
    if only_levels && clause_start > 0 {
        let boundary = before[..clause_start].char_indices().next_back().map_or(0, |(i, _)| i);
        clause_start = clause_start_before(boundary);
    }
    let clause = &before[clause_start..];
    // Words with their offsets in the clause, outer punctuation trimmed, last first, read
    // backwards only as far as they are needed.
    let mut end = clause.len();
    let mut tokens = clause
        .rsplit(' ')
        .map(|raw| {
            let raw_start = end - raw.len();
            end = raw_start.saturating_sub(1);
            let word = raw.trim_start_matches(|c: char| !c.is_alphanumeric());
            let at = raw_start + raw.len() - word.len();
            (at, word.trim_end_matches(|c: char| !c.is_alphanumeric()))
        })
        .filter(|(_, word)| !word.is_empty());
    let (_, level) = tokens.next()?;
    if !LEVEL_WORDS.iter().any(|w| level.eq_ignore_ascii_case(w)) {
        return None;
    }
    for (offset, word) in tokens.take(12) {
        if word.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let lower = word.to_lowercase();
        // `Officials raised the death toll to 38,000`: the number is the toll's level, not a
        // count of whoever did the raising.
        if METRIC_HEADS.contains(&lower.as_str()) {
            return None;
        }
        let class = vocabulary.noun_class(&lower).filter(|c| {
            matches!(
                c,
                UnitClass::Personnel
                    | UnitClass::Countries
                    | UnitClass::Casualties
                    | UnitClass::Facilities
                    | UnitClass::Vehicles
            )
        });
        if let Some(class) = class {
            return Some((lower, class, sentence_start + clause_start + offset));
        }
    }
    None
}

/// `a city of 7.4 million people`, `Hong Kong's 7.4 million people`: everyone who lives there,
/// not a crowd or a workforce.
fn is_population(text: &str, claim: &Claim, mentions: &[Mention], gazetteer: &Gazetteer) -> bool {
    const SETTLEMENTS: &[&str] = &[
        "city",
        "country",
        "nation",
        "town",
        "state",
        "island",
        "territory",
        "region",
        "province",
        "village",
        "metropolis",
        "capital",
    ];
    if !matches!(claim.unit.as_deref(), Some("people" | "persons")) {
        return false;
    }
    let before = text[..claim.span.start].trim_end();
    if let Some(head) = before.strip_suffix(" of") {
        let previous = previous_word(text, head.len());
        return SETTLEMENTS.iter().any(|s| previous.eq_ignore_ascii_case(s));
    }
    let possessor = before.strip_suffix("'s").or_else(|| before.strip_suffix("’s"));
    possessor.is_some_and(|head| {
        mentions
            .iter()
            .any(|m| m.end == head.len() && gazetteer.entities[m.entity].kind.is_place())
    })
}

/// The entity that modifies the counted noun owns the number: `2,500 US troops`, `two Iraqi
/// military bases`, `the number of American troops … is 8,600`.
fn noun_phrase_owner(
    text: &str,
    span: &Range<usize>,
    span_may_own: bool,
    noun_at: Option<usize>,
    mentions: &[Mention],
    gazetteer: &Gazetteer,
) -> Option<String> {
    let inside = mentions
        .iter()
        .find(|m| span_may_own && m.start >= span.start && m.end <= span.end);
    let before_noun = noun_at.and_then(|at| {
        mentions
            .iter()
            .find(|m| m.end <= at && text[m.end..at].chars().all(char::is_whitespace))
    });
    inside.or(before_noun).map(|m| owner_id(gazetteer, m))
}

/// `in 2014 and 2015`, `in March, April and May`: a list of dates joined by commas and `and`
/// or `or` covers them all; returns the end of the last one.
fn listed_until(
    text: &str,
    dates: &[(Range<usize>, ClaimTime)],
    first: &Range<usize>,
    to: Option<Date>,
) -> Option<Date> {
    let mut end = first.end;
    let mut to = to;
    for (span, time) in dates.iter().filter(|(span, _)| span.start >= first.end) {
        let joiner = text[end..span.start].trim();
        if !matches!(joiner, "," | "and" | ", and" | "or" | ", or") {
            break;
        }
        end = span.end;
        to = time.to.max(to);
    }
    to
}

/// `three years of war`, `the past six months`: a span of time that ends at the document date.
fn duration_ending_now(text: &str, claim: &Claim, today: Option<Date>) -> Option<ClaimTime> {
    let today = today?;
    let value = claim.value?;
    let amount = value
        .low
        .filter(|&low| Some(low) == value.high && low.fract() == 0.0 && low > 0.0)?;
    let after = text[claim.span.end..].trim_start_matches(' ');
    let before = previous_word(text, claim.span.start).to_ascii_lowercase();
    let of_something = after
        .strip_prefix("of ")
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_alphabetic()));
    if !(of_something || before == "past" || before == "last") {
        return None;
    }
    let amount = amount as i64;
    let span = match claim.unit.as_deref()? {
        "year" => jiff::Span::new().try_years(amount),
        "month" => jiff::Span::new().try_months(amount),
        "week" => jiff::Span::new().try_weeks(amount),
        "day" => jiff::Span::new().try_days(amount),
        _ => return None,
    }
    .ok()?;
    Some(ClaimTime {
        from: today.checked_sub(span).ok(),
        to: Some(today),
        source: TimeSource::Text,
    })
}

fn numeric_claim(base: Claim, span: Range<usize>, parsed: &quantity::Quantity) -> Claim {
    let kind = match parsed.kind {
        QuantityKind::Count => ClaimKind::Count,
        QuantityKind::Percent => ClaimKind::Percent,
        QuantityKind::Money => ClaimKind::Money,
        QuantityKind::Measure => ClaimKind::Measure,
        QuantityKind::Duration => ClaimKind::Duration,
        QuantityKind::Ratio => ClaimKind::Ratio,
    };
    Claim {
        span,
        kind,
        value: Some(Interval {
            low: parsed.low,
            high: parsed.high,
            low_inclusive: parsed.low_inclusive,
            high_inclusive: parsed.high_inclusive,
            approximate: parsed.approximate,
        }),
        unit: parsed.unit.clone(),
        class: parsed.class,
        role: None,
        ..base
    }
}

/// `will spend £2bn over five years`, `to hire 300 nurses over three years`: after an amount or
/// in a plan, `over` and a span of time is the period the amount is spread over, not more than
/// it (`served over five years`). Returns the span alone, with where it starts.
fn over_a_period<'a>(
    text: &str,
    at: usize,
    rest: &'a str,
    parsed: quantity::Quantity,
    sentence: &Range<usize>,
    previous: Option<&Claim>,
    gazetteer: &Gazetteer,
) -> (usize, &'a str, quantity::Quantity) {
    let over = number::word_prefix(rest, "over").filter(|r| r.starts_with(' '));
    let period = parsed.kind == QuantityKind::Duration && parsed.high.is_none() && parsed.low.is_some();
    let (Some(after_over), true) = (over, period) else {
        return (at, rest, parsed);
    };
    let after_amount = previous.is_some_and(|c| {
        c.span.start >= sentence.start && c.value.is_some() && !matches!(c.kind, ClaimKind::Duration | ClaimKind::Date)
    });
    let planned = modality::modality(&text[sentence.start..at]) == Modality::Planned;
    let start = rest.len() - after_over.trim_start_matches(' ').len();
    match quantity::quantity(&rest[start..], gazetteer) {
        Some(span) if after_amount || planned => (at + start, &rest[start..], span),
        _ => (at, rest, parsed),
    }
}

/// `aged 34`, `aged between 18 and 24`: a bare number after `aged` is an age in years.
fn aged(text: &str, at: usize, mut parsed: quantity::Quantity) -> quantity::Quantity {
    if parsed.kind == QuantityKind::Count
        && parsed.unit.is_none()
        && previous_word(text, at).eq_ignore_ascii_case("aged")
    {
        parsed.kind = QuantityKind::Duration;
        parsed.unit = Some("year".to_owned());
        parsed.class = Some(UnitClass::Time);
        parsed.bare_integer = false;
        parsed.bare_digits = false;
    }
    parsed
}

/// A bare four-digit number between 1000 and 2999 is a year unless it counts something; two of
/// them in a range (`2017–2020`, `between 2018 and 2020`) are a span of years.
fn is_year(text: &str, at: usize, parsed: &quantity::Quantity) -> bool {
    let (first, last) = (parsed.low.unwrap_or_default(), parsed.high.unwrap_or_default());
    let years = 1000.0..3000.0;
    if !parsed.bare_integer || !years.contains(&first) || !years.contains(&last) || last - first > 100.0 {
        return false;
    }
    if parsed.kind != QuantityKind::Count {
        return false;
    }
    // `1024*1024`, `x = 2048`: a number in arithmetic is no year.
    let in_arithmetic = text[..at].trim_end_matches(' ').ends_with(['*', '×', '+', '='])
        || text[at + parsed.len..]
            .trim_start_matches(' ')
            .starts_with(['*', '×', '+']);
    if in_arithmetic {
        return false;
    }
    parsed.class.is_none()
        || {
            let previous = previous_word(text, at);
            YEAR_CUES.iter().any(|cue| cue.eq_ignore_ascii_case(previous))
        }
        || text[..at].ends_with(['’', '\''])
}

fn previous_word(text: &str, at: usize) -> &str {
    let before = text[..at].trim_end();
    let start = text::last_char_where(before, |c| !(c.is_alphanumeric() || c == '’' || c == '\''))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &before[start..]
}

/// `30 of its 120 soldiers`: the whole after a part. Returns the whole and where it ends.
fn part_of_whole(
    text: &str,
    at: usize,
    sentence_end: usize,
    has_noun: bool,
    words: &dyn quantity::Vocabulary,
) -> (Option<quantity::Quantity>, Option<usize>) {
    let rest = &text[at..sentence_end];
    let Some(after_of) = rest.strip_prefix(" of ") else {
        return (None, None);
    };
    let mut after = after_of;
    for determiner in ["its ", "their ", "the ", "his ", "her ", "our ", "your "] {
        if let Some(stripped) = after.strip_prefix(determiner) {
            after = stripped;
            break;
        }
    }
    let start = sentence_end - after.len();
    match quantity::quantity(after, words) {
        Some(whole) if whole.kind == QuantityKind::Count => (Some(whole.clone()), Some(start + whole.len)),
        // `20 of the allies`: a part of a group whose size is not given; `4,120 cases of the
        // fever` names what its noun is of.
        _ if after.len() < after_of.len() && !has_noun => (
            Some(quantity::Quantity {
                len: 0,
                ..placeholder_whole()
            }),
            None,
        ),
        _ => (None, None),
    }
}

fn placeholder_whole() -> quantity::Quantity {
    quantity::Quantity {
        len: 0,
        kind: QuantityKind::Count,
        low: None,
        high: None,
        low_inclusive: true,
        high_inclusive: true,
        approximate: false,
        unit: None,
        class: None,
        bare_integer: false,
        bare_one: false,
        bare_digits: false,
        negated_in_parentheses: false,
        maybe_decade: false,
    }
}

/// Entity mentions of the document: those found while scanning its sentences and those of
/// names that open with something other than a letter, with generic nouns (`the alliance`)
/// kept only when the entity they stand for is also named in the document.
fn document_mentions(text: &str, doc: &Document, found: Vec<Mention>, gazetteer: &Gazetteer) -> Vec<Mention> {
    let mut others = gazetteer.other_mentions(&text[doc.body.clone()]);
    for mention in &mut others {
        mention.start += doc.body.start;
        mention.end += doc.body.start;
    }
    let mut mentions = entity::merge_mentions(found, others);
    let mut named = vec![false; gazetteer.entities.len()];
    for mention in mentions.iter().filter(|m| !m.generic) {
        named[mention.entity] = true;
    }
    mentions.retain(|m| !m.generic || named[m.entity]);
    mentions
}

/// The mentions (sorted, not overlapping) that lie within `range`.
fn mentions_within(mentions: &[Mention], range: Range<usize>) -> &[Mention] {
    let first = mentions.partition_point(|m| m.start < range.start);
    let count = mentions[first..].iter().take_while(|m| m.end <= range.end).count();
    &mentions[first..first + count]
}

fn mention_index(mentions: &[Mention], mention: &Mention) -> usize {
    mentions.partition_point(|m| m.start < mention.start)
}

/// The entity id a mention stands for as an owner: a city stands for its country.
fn sentence_orgs(mentions: &[Mention], gazetteer: &Gazetteer) -> Vec<String> {
    let mut ids: Vec<String> = mentions
        .iter()
        .filter(|m| {
            matches!(
                gazetteer.entities[m.entity].kind,
                EntityKind::Organization | EntityKind::Country
            )
        })
        .map(|m| owner_id(gazetteer, m))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The entity named right after `of` at `end`: `the 31st member of NATO`.
fn owner_after_of(text: &str, end: usize, mentions: &[Mention], gazetteer: &Gazetteer) -> Option<String> {
    let after = &text[end..];
    let rest = after.trim_start_matches(' ');
    let rest = rest.strip_prefix("of ")?.trim_start_matches(' ');
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    let at = text.len() - rest.len();
    if let Some(known) = mentions.iter().find(|m| m.start == at) {
        return Some(owner_id(gazetteer, known));
    }
    // A name the gazetteer does not know: the capitalised words there.
    let name: Vec<&str> = rest
        .split(' ')
        .take(4)
        .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
        .take_while(|w| w.starts_with(|c: char| c.is_uppercase()))
        .collect();
    (!name.is_empty()).then(|| name.join(" ").to_lowercase())
}

/// Whether `text` opens with an ordinal (`31st`, `twelfth`): a claim read from one counts
/// what its noun names up to that one.
pub fn opens_with_ordinal(text: &str) -> bool {
    ordinal::ordinal(text).is_some()
}

fn owner_id(gazetteer: &Gazetteer, mention: &Mention) -> String {
    gazetteer.entities[mention.entity].id.clone()
}

/// The country the document's content mentions most: the default place of its numbers.
fn salient_place(mentions: &[Mention], gazetteer: &Gazetteer, content_end: usize) -> Option<String> {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for mention in mentions.iter().filter(|m| m.end <= content_end) {
        let entity = &gazetteer.entities[mention.entity];
        if entity.kind.is_place() && !mention.demonym {
            let id = gazetteer.country_of(mention.entity);
            match counts.iter_mut().find(|(e, _)| *e == id) {
                Some((_, n)) => *n += 1,
                None => counts.push((id, 1)),
            }
        }
    }
    let best = counts.iter().map(|&(_, n)| n).max()?;
    let mut top = counts.iter().filter(|&&(_, n)| n == best);
    let (id, _) = top.next()?;
    top.next().is_none().then(|| gazetteer.entities[*id].id.clone())
}

/// Owner, place, partitive and share-of for a numeric claim.
fn context(
    text: &str,
    claim: &Claim,
    mentions: &[Mention],
    gazetteer: &Gazetteer,
    salient_place: Option<&str>,
) -> Context {
    let sentence = claim.context.sentence.clone();
    let is_place_mention = |m: &Mention| {
        if !gazetteer.entities[m.entity].kind.is_place() {
            return false;
        }
        let mut word = previous_word(text, m.start);
        if word.eq_ignore_ascii_case("the") {
            word = previous_word(text, m.start - 4.min(m.start));
        }
        PLACE_PREPOSITIONS.iter().any(|p| p.eq_ignore_ascii_case(word))
    };
    let (start, end) = (claim.span.start, claim.span.end);
    let before = || mentions.iter().filter(move |m| m.end <= start);
    let after = || mentions.iter().filter(move |m| m.start >= end);
    let text_after = &text[claim.span.end..sentence.end];

    // `500-strong NATO mission`, `a 29-member alliance`: the noun phrase after the number.
    let compound_owner = if text[claim.span.clone()].contains('-') && claim.class.is_some() {
        after()
            .next()
            .filter(|m| m.start - claim.span.end <= 3)
            .map(|m| owner_id(gazetteer, m))
    } else {
        None
    };
    // `an alliance of 29 countries`: a group named just before `of`.
    let group_owner = before().next_back().filter(|m| {
        let between = &text[m.end..claim.span.start];
        between.trim() == "of"
    });
    // `aid for Ukraine`: whoever something is for does not own it.
    let is_beneficiary = |m: &Mention| previous_word(text, m.start).eq_ignore_ascii_case("for");
    let nearest_owner = before()
        .rev()
        .find(|m| !is_place_mention(m) && !m.demonym && !is_beneficiary(m));
    let owner = compound_owner
        .or_else(|| group_owner.map(|m| owner_id(gazetteer, m)))
        .or_else(|| nearest_owner.map(|m| owner_id(gazetteer, m)))
        .or_else(|| {
            after()
                .find(|m| !is_place_mention(m) && !m.demonym)
                .map(|m| owner_id(gazetteer, m))
        });

    let place = after()
        .chain(before().rev())
        .find(|m| is_place_mention(m))
        .map(|m| gazetteer.entities[gazetteer.country_of(m.entity)].id.clone())
        .or_else(|| salient_place.map(str::to_owned))
        .filter(|p| owner.as_deref() != Some(p));

    // `20 countries in the alliance`: counted members of a group, not the group's size.
    let partitive = claim.unit.is_some() && {
        let tail = text_after.trim_start();
        let group = tail.strip_prefix("in the ").or_else(|| tail.strip_prefix("of the "));
        group.is_some_and(|g| {
            let offset = claim.span.end + (text_after.len() - g.len());
            after().any(|m| m.start == offset && gazetteer.entities[m.entity].kind == EntityKind::Organization)
                || g.split_whitespace().next().is_some_and(lexicon::is_group_noun)
        })
    };

    // `2% of GDP on defence`: the noun phrase after `of`.
    let share_of = (claim.kind == ClaimKind::Percent)
        .then(|| phrase_head(text_after.trim_start().strip_prefix("of ")?))
        .flatten();

    // `$5 billion in military aid for Ukraine`: the recipient is part of the purpose.
    let purpose = (claim.kind == ClaimKind::Money)
        .then(|| money_purpose(text_after))
        .flatten()
        .map(|purpose| {
            let recipient = after().find(|m| {
                let word = previous_word(text, m.start);
                word.eq_ignore_ascii_case("for") || word.eq_ignore_ascii_case("to")
            });
            match recipient {
                Some(m) => format!("{purpose}/{}", gazetteer.entities[gazetteer.country_of(m.entity)].id),
                None => purpose,
            }
        });

    Context {
        sentence,
        owner,
        place,
        partitive,
        share_of,
        purpose,
    }
}

#[cfg(test)]
mod tests;
