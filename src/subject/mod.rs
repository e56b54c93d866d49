//! Subject: what a number is about, built from its sentence when no rule file says.
//!
//! A subject is (what is counted, whose or where, qualifiers). What is counted is a measure
//! from `rules/measures.toml`, read from the counted noun, a verb frame after or before the
//! number, or a metric noun before it ("the death toll rose to 381"). Whose or where are names
//! in the sentence itself: a possessive, the clause's subject, a place after `in`, or a
//! known entity. Qualifiers keep apart what a careful reader keeps apart: a figure of another
//! year (an older disaster), a part ("the other 11", "another 179"), a target or ceiling, and
//! the state of what is counted ("rescued", "trapped").
//!
//! Names that the whole document set agrees on (the country a disaster struck, the product a
//! set of stories is about) are the set's topic: a figure that names it and one that leaves
//! it unsaid are about the same thing, so [`Topic`] drops them from the keys.
//!
//! **Invariant:** a frame is worked out from one claim and its sentence alone; the topic is
//! one count over the frames. Nothing compares claims with each other.

mod names;
mod vocabulary;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

use crate::extract::{Claim, ClaimKind, Gazetteer, TimeSource};

pub use names::{NameMention, SpellingGroup, document_names, is_spelling_of, spelling_groups};
pub use vocabulary::{Amount, MEASURES, Measure, Vocabulary};

/// What one numeric claim is about, as its sentence says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// Index of the measure in the vocabulary, or the counted noun itself.
    pub measure: MeasureRef,
    /// Who the figure belongs to (an entity id or a name from the text, in lower case).
    pub owner: Option<String>,
    /// Where it was counted, for measures of an event.
    pub place: Option<String>,
    /// Year, part, target and state qualifiers, sorted.
    pub qualifiers: BTreeSet<String>,
    /// How the measure was found, for `--explain-links`.
    pub how: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MeasureRef {
    Known(usize),
    Noun(String),
}

/// A word of a sentence with its byte range there.
#[derive(Debug, Clone)]
struct Word<'a> {
    text: &'a str,
    range: Range<usize>,
    /// Only spaces stand between this word and the one before (or it is the first).
    after_space: bool,
}

impl Word<'_> {
    fn lower(&self) -> String {
        self.text.to_lowercase()
    }

    fn capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Capitalised and not a word that opens no name (`The`, `Monday`, `Mr`).
    fn opens_name(&self, vocabulary: &Vocabulary) -> bool {
        self.capitalised() && !vocabulary.is_not_name(self.text)
    }
}

/// The words of `text`, split at spaces and at punctuation that is not inside a word.
fn words(text: &str) -> Vec<Word<'_>> {
    first_words(text, usize::MAX)
}

/// The first `limit` words of `text`, as [`words`] splits them.
fn first_words(text: &str, limit: usize) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    // Whether only spaces have come since the last word.
    let mut spaced = true;
    for (i, c) in text.char_indices() {
        if out.len() >= limit {
            return out;
        }
        let inside = c.is_alphanumeric() || c == '-' || c == '\'' || c == '’' || c == '.' && start.is_some();
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spaced = push_word(text, s..i, spaced, &mut out);
                start = None;
            }
            _ => {}
        }
        if !inside && !c.is_whitespace() {
            spaced = false;
        }
    }
    if let Some(s) = start {
        push_word(text, s..text.len(), spaced, &mut out);
    }
    out
}

/// Pushes the word in `text[range]` less the punctuation around it; returns whether the gap to
/// the next word is still only spaces (no punctuation was trimmed from this word's end).
fn push_word<'a>(text: &'a str, range: Range<usize>, spaced: bool, out: &mut Vec<Word<'a>>) -> bool {
    let raw = &text[range.clone()];
    let ended = raw.trim_end_matches(['.', '-', '\'', '’']);
    let trimmed = ended.trim_start_matches(['-', '\'', '’']);
    if trimmed.is_empty() {
        return false;
    }
    let start = range.start + (ended.len() - trimmed.len());
    out.push(Word {
        text: trimmed,
        range: start..start + trimmed.len(),
        after_space: spaced && ended.len() == trimmed.len(),
    });
    // An abbreviation's full stop (`U.S.`, `L.C.`) does not end a name; a sentence's does.
    let abbreviation = &raw[ended.len()..] == "." && (ended.contains('.') || ended.chars().count() <= 2);
    ended.len() == raw.len() || abbreviation
}

/// Characters that end a clause.
const CLAUSE_BREAKS: [char; 8] = [';', ':', '—', '–', '(', ')', '?', '!'];

/// The place of a figure of the whole world (`globally`, `around the world`).
const WORLD: &str = "world";

/// A claim's sentence as written and in lower case.
#[derive(Debug, Clone, Copy)]
pub struct Sentence<'a> {
    pub written: &'a str,
    pub lower: &'a str,
}

/// What a frame reads besides the claim and its sentence: the words, the known entities and
/// the names the set writes with a capital.
#[derive(Debug, Clone, Copy)]
pub struct Lexicon<'a> {
    pub vocabulary: &'a Vocabulary,
    pub gazetteer: &'a Gazetteer,
    pub names: &'a NamesInText,
}

/// The frame of a numeric claim, the claim at `span` in `sentence`. `doc_year` is the year of
/// the claim's document.
pub fn frame(
    claim: &Claim,
    sentence: Sentence<'_>,
    span: Range<usize>,
    doc_year: Option<i16>,
    lexicon: Lexicon<'_>,
) -> Option<Frame> {
    let Lexicon {
        vocabulary,
        gazetteer,
        names,
    } = lexicon;
    let sentence_lower = sentence.lower;
    let sentence = sentence.written;
    let amount = match claim.kind {
        ClaimKind::Count => Amount::Count,
        ClaimKind::Money => Amount::Money,
        ClaimKind::Percent => Amount::Percent,
        _ => return None,
    };
    if claim.boilerplate || claim.context.partitive || claim.value.is_none() {
        return None;
    }
    if span.end > sentence.len() || !sentence.is_char_boundary(span.start) || !sentence.is_char_boundary(span.end) {
        return None;
    }
    // An aside in parentheses before the number (`the toll from typhoon Haiyan (local name
    // Yolanda) rose to 2,357`) is read as if it were not there.
    let before_text = mask_asides(&sentence[..span.start]);
    let before_text: &str = &before_text;
    let after_text = &sentence[span.end..];
    // The clause around the number, and the part of it before the number that no other
    // number splits off.
    let (clause_from, clause_start) = clause_before(before_text);
    let clause_end = after_text.find(CLAUSE_BREAKS).unwrap_or(after_text.len());
    let before = words(&before_text[clause_start..]);
    let opens_sentence = before_text[..clause_start].trim().is_empty();
    // After the number, the words up to the clause's end or a comma.
    let after_end = after_text[..clause_end].find(',').unwrap_or(clause_end);
    let after_end = after_text[..after_end].find(". ").unwrap_or(after_end);
    let after = words(&after_text[..after_end]);

    let unit = claim.unit.as_deref().map(str::to_lowercase);
    let lower_before: Vec<String> = before.iter().map(Word::lower).collect();
    let lower_after: Vec<String> = after.iter().map(Word::lower).collect();
    // Words inside the claim between the number and its noun: "113 new cases".
    let inside: Vec<String> = words(&sentence[span.clone()]).iter().map(Word::lower).collect();

    // `has risen by 640`: an amount of change, not a level of anything.
    if lower_before.last().is_some_and(|w| w == "by")
        && lower_before.iter().rev().nth(1).is_some_and(|w| vocabulary.is_mover(w))
    {
        return None;
    }
    // A number that is one of a group named after it: "215 soldiers were among the dead".
    if lower_after.iter().take(3).any(|w| w == "among") {
        return None;
    }
    let mut qualifiers = BTreeSet::new();
    // A part of a group named before: "329 of them had died", "in those two countries".
    if part_of_named_group(&lower_after) {
        qualifiers.insert("part".to_owned());
    }
    if amount == Amount::Count
        && claim.unit.is_none()
        && let Some(frame) = appositive_age(claim, before_text, after_text, vocabulary)
    {
        return Some(frame);
    }
    if amount != Amount::Count {
        // `turnout for the 2010 election was 63.8%`: a sum or share of an earlier year is
        // another vote's, budget's or year's (a later year is what a plan is for).
        if let Some(year) = doc_year
            && let Some(earlier) = year_named(claim, sentence, (&before_text[clause_from..], &after_text[..after_end]))
                .filter(|&y| y < year)
        {
            qualifiers.insert(format!("in {earlier}"));
        }
        return amount_frame(
            claim,
            amount,
            (&before, &after),
            &lower_before,
            &lower_after,
            (opens_sentence, sentence_lower),
            qualifiers,
            lexicon,
        );
    }

    // The counted noun, or a measure's noun right after the number (`a 6.5 magnitude quake`).
    // `22nd Grand Slam title` counts `slam titles`: a noun narrowed by a modifier is measured
    // by its head when the whole is no measure's noun.
    let noun_measure = unit
        .as_deref()
        .and_then(|u| {
            vocabulary
                .measure_of_noun(u)
                .or_else(|| vocabulary.measure_of_noun(u.rsplit(' ').next()?))
        })
        .or_else(|| {
            lower_after
                .first()
                .filter(|_| unit.is_none())
                .and_then(|w| vocabulary.measure_of_noun(w))
        });
    let generic_noun = unit.as_deref().is_none_or(|u| vocabulary.is_generic(u));
    let verb_after = vocabulary.verb_after(&lower_after);
    let verb_before = vocabulary.verb_before(&lower_before);
    let metric = vocabulary.metric_before(&lower_before);

    // A classed noun with no owner ("the force in Iraq") is nobody's in particular.
    if claim.class.is_some() && noun_measure.is_none() && !generic_noun && claim.context.owner.is_none() {
        return None;
    }
    let noun_measure = noun_measure.filter(|&m| vocabulary.measures[m].amount == Amount::Count);
    let counts = |m: usize| vocabulary.measures[m].amount == Amount::Count;
    let verb_after = verb_after.filter(|(m, _)| counts(*m));
    let verb_before = verb_before.filter(|(m, _)| counts(*m));
    let metric = metric.filter(|(m, _)| counts(*m));
    // `Ebola has killed 4,877 people`: the one that did it is no place.
    // `The epidemic has claimed the lives of 4,877 people` too.
    let agent_before =
        verb_after.is_none() && (verb_before.is_some() || lower_before.iter().any(|w| vocabulary.is_verb_before(w)));
    let mut by_metric = false;
    let mut by_opening = false;
    let (measure, how) = if let Some(m) = noun_measure {
        (
            MeasureRef::Known(m),
            format!("counted noun “{}”", unit.as_deref().unwrap_or("")),
        )
    } else if let Some((m, verb)) = verb_after.or(verb_before) {
        if !generic_noun && let Some(u) = &unit {
            qualifiers.insert(u.clone());
        }
        (MeasureRef::Known(m), format!("verb “{verb}”"))
    } else if let Some((m, phrase)) = metric.filter(|_| generic_noun) {
        by_metric = true;
        // `the number of confirmed cases climbed to 583`
        let noun = phrase.rsplit(' ').next().unwrap_or(&phrase);
        if let Some(state) = vocabulary.state_in_phrase(&lower_before, noun) {
            qualifiers.insert(state);
        }
        (MeasureRef::Known(m), format!("“{phrase}” before the number"))
    } else if let Some((m, noun)) = vocabulary
        .noun_of_opening(&lower_before)
        .filter(|(m, _)| generic_noun && counts(*m))
        .filter(|_| vocabulary.state_near(&[], &lower_after).is_some())
    {
        by_opening = true;
        // `Of the confirmed cases, 122 were positive`: a part of the cases in that state.
        if let Some(state) = vocabulary.state_in_phrase(&lower_before, &noun) {
            qualifiers.insert(format!("of {state}"));
        }
        (
            MeasureRef::Known(m),
            format!("“{noun}” in the phrase opening its clause"),
        )
    } else if let Some(u) = unit.as_deref().filter(|_| !generic_noun) {
        if !plausible_counted_noun(u, vocabulary) {
            return None;
        }
        (MeasureRef::Noun(singular(u)), format!("counted noun “{u}”"))
    } else {
        return None;
    };
    let known = match &measure {
        MeasureRef::Known(m) => Some(&vocabulary.measures[*m]),
        MeasureRef::Noun(_) => None,
    };
    let event = known.is_some_and(|m| m.event);
    // `Sweden became the 32nd member`: the body joined is the set's topic when no `of` names
    // it, and the one that joined owns nothing.
    let ordinal = crate::extract::opens_with_ordinal(&sentence[span.clone()]);
    if known.is_some_and(|m| m.owned) && claim.context.owner.is_none() && !ordinal {
        return None;
    }

    // States: "12 boys rescued", "trapped 13", "12,000 homes destroyed", "400 suspected
    // cases"; a measure its verb named has its state already.
    let counted_by_noun = noun_measure.is_some() || matches!(measure, MeasureRef::Noun(_)) || by_opening;
    // `8,997 confirmed, probable and suspected cases` lists every state: the total of them.
    let states_listed = inside.iter().any(|w| w == "and" || w == "or");
    if counted_by_noun
        && !states_listed
        && let Some(state) = vocabulary
            .state_within(&inside)
            .or_else(|| vocabulary.state_near(&lower_before, &lower_after))
        && known.is_none_or(|m| !m.names_verb(&state))
    {
        qualifiers.insert(state);
    }
    // Parts: "the other 11", "another 179", "30 more", "113 new cases".
    if let Some(part) = vocabulary
        .part_near(&lower_before, &lower_after)
        .or_else(|| vocabulary.part_within(&inside))
    {
        qualifiers.insert(part.to_owned());
    }
    // A bare counted noun (`eight boys`) says nothing of which ones: only a state or a part
    // (`rescued`, `the remaining 8`) makes a subject of it.
    if matches!(measure, MeasureRef::Noun(_)) && qualifiers.is_empty() {
        return None;
    }
    // A target or ceiling: "a cap of 3,000".
    if target_before(lower_before.as_slice(), 4, vocabulary) {
        qualifiers.insert("target".to_owned());
    }
    // `a study estimated 4,645 deaths`: a study's estimate of an event's toll is apart from the
    // count (`raised the toll to 2,975 after a study found` is the count).
    if event && vocabulary.is_estimate(sentence_lower.get(clause_from..span.start).unwrap_or_default()) {
        qualifiers.insert("estimate".to_owned());
    }
    // A figure of another year, for measures of an event: an older disaster's toll.
    if event
        && let Some(year) = doc_year
        && let Some(other) =
            year_named(claim, sentence, (&before_text[clause_from..], &after_text[..after_end])).filter(|&y| y != year)
    {
        qualifiers.insert(format!("in {other}"));
    }

    // `six golds in Athens`: a running count of one games or season is apart from the career
    // count.
    if known.is_some_and(|m| m.cumulative && !m.event)
        && let Some(scope) = place_after(&after, vocabulary)
        && !vocabulary.is_generic_scope(&scope)
    {
        qualifiers.insert(format!("in {scope}"));
    }
    let known = |name: &str| gazetteer.get(&slug(name)).is_some() || names.contains(name);
    let (owner, place) = if event {
        // Where it happened: a place the sentence names, else the entity the number belongs to
        // when the sentence names it (not one carried over from elsewhere in the document).
        let named_in_sentence = |id: &str| {
            let name = gazetteer
                .get(id)
                .map_or_else(|| id.replace('-', " "), |i| gazetteer.entities[i].name.to_lowercase());
            contains_word(sentence_lower, &name) || contains_word(sentence_lower, &id.replace('-', " "))
        };
        // `the total number globally to about 1,208`: the world's figure, not the country's.
        let clause_lower = sentence_lower
            .get(clause_from..span.end + clause_end)
            .unwrap_or_default();
        let worldwide = vocabulary.is_worldwide(clause_lower).then(|| WORLD.to_owned());
        let place = worldwide
            .or_else(|| accounting_name(&before, vocabulary))
            .or_else(|| place_of_where(&before, vocabulary))
            .or_else(|| place_after(&words(&after_text[..clause_end]), vocabulary))
            .or_else(|| place_after_list(&after_text[..clause_end], vocabulary))
            .or_else(|| place_opening(&before, vocabulary))
            // `the toll in Calder has gone up to 72`: the metric phrase says where.
            .or_else(|| by_metric.then(|| place_in(&before, vocabulary)).flatten())
            .or_else(|| {
                clause_subject(&before, opens_sentence, vocabulary, &known, &|n| {
                    is_demonym(n, gazetteer)
                })
                .filter(|name| !agent_before && !vocabulary.is_organisation(name))
            })
            .or_else(|| {
                [claim.context.place.as_deref(), claim.context.owner.as_deref()]
                    .into_iter()
                    .flatten()
                    .find(|id| named_in_sentence(id))
                    .map(str::to_owned)
            });
        // `the toll from Hurricane Maria`: the event is no place; nor is a headline's run of
        // capitals that names the measure (`Death Toll Rises`).
        let place = place.filter(|p| !vocabulary.names_event_or_measure(p));
        (None, place)
    } else {
        let owner = if ordinal {
            claim.context.owner.clone().filter(|o| o.chars().count() > 1)
        } else {
            written_owner(claim, &before, opens_sentence, lexicon)
        };
        (owner, None)
    };
    Some(Frame {
        measure,
        owner,
        place,
        qualifiers,
        how,
    })
}

/// Whether the clause before a bare number ends in a total, tally or number that carries it
/// (`bringing the total to`): the total of a figure named before. Returns the head word.
pub fn bare_total_before(before_text: &str, vocabulary: &Vocabulary) -> Option<String> {
    let before_text = mask_asides(before_text);
    let (_, clause_start) = clause_before(&before_text);
    let lower: Vec<String> = words(&before_text[clause_start..]).iter().map(Word::lower).collect();
    vocabulary.bare_total_before(&lower).map(str::to_owned)
}

/// The frame a bare number takes from the figure before it in a list that leaves the counted
/// thing unsaid, each with its own place: `killed at least 34 people in India, 12 in Tibet and
/// two in Bangladesh`. `between` is the text from the figure before to this number, `after`
/// the sentence after this number. Only figures of an event, each with a place.
pub fn elliptic_frame(previous: &Frame, between: &str, after: &str, vocabulary: &Vocabulary) -> Option<Frame> {
    let MeasureRef::Known(measure) = previous.measure else {
        return None;
    };
    if let Some(frame) = elliptic_state(previous, between, after, vocabulary) {
        return Some(frame);
    }
    if !vocabulary.measures[measure].event {
        return None;
    }
    // The figure before ends its item with a place, then the list goes on: `in India, `.
    let between_words = words(between);
    let joined = between.trim_end().ends_with(',')
        || between_words
            .last()
            .is_some_and(|w| w.text == "and" || w.text == "while");
    let item_rest_is_place = between_words
        .first()
        .is_some_and(|w| matches!(w.lower().as_str(), "in" | "at" | "across"));
    if !joined || !item_rest_is_place || between_words.len() > 8 || between.contains([';', '(', ')', ':']) {
        return None;
    }
    let clause_end = after.find([',', ';', '(', ')', ':', '.']).unwrap_or(after.len());
    let after_words = words(&after[..clause_end]);
    if !after_words
        .first()
        .is_some_and(|w| matches!(w.lower().as_str(), "in" | "at" | "across"))
    {
        return None;
    }
    let place = place_after(&after_words, vocabulary)?;
    Some(Frame {
        place: Some(place),
        how: format!("{}, as the figure before it in its list", previous.how),
        ..previous.clone()
    })
}

/// `2,165 are under investigation, 134 were confirmed and 102 were discarded`: a number whose
/// own verb names another state of what the figure before it counts.
fn elliptic_state(previous: &Frame, between: &str, after: &str, vocabulary: &Vocabulary) -> Option<Frame> {
    let before_words: Vec<String> = words(between).iter().map(Word::lower).collect();
    let joined = between.trim_end().ends_with(',') || before_words.last().is_some_and(|w| w == "and");
    let previous_state = vocabulary.state_near(&[], &before_words)?;
    if !joined || !previous.qualifiers.contains(&previous_state) || before_words.len() > 8 {
        return None;
    }
    let clause_end = after.find([',', ';', '(', ')', ':', '.']).unwrap_or(after.len());
    let after_words: Vec<String> = words(&after[..clause_end]).iter().map(Word::lower).collect();
    let state = vocabulary.state_near(&[], &after_words)?;
    let mut qualifiers = previous.qualifiers.clone();
    qualifiers.remove(&previous_state);
    qualifiers.insert(state);
    Some(Frame {
        qualifiers,
        how: format!("{}, as the figure before it in its list", previous.how),
        ..previous.clone()
    })
}

/// The frames of numbers listed before one counted noun and matched in order with a list of
/// names before them by `respectively`: `Liberia, Sierra Leone and Guinea have had 2,705,
/// 1,259 and 904 deaths respectively`. `sentence` holds the numbers at `spans`, the last of
/// which has the frame `last`; each number gets it with its own name as place (for an event)
/// or owner.
pub fn respective_frames(
    sentence: &str,
    spans: &[Range<usize>],
    last: &Frame,
    vocabulary: &Vocabulary,
) -> Option<Vec<Frame>> {
    let (first, final_span) = (spans.first()?, spans.last()?);
    if spans.len() < 2 {
        return None;
    }
    // Spans past the sentence's end, or out of order, are no list.
    let ordered = spans.windows(2).all(|pair| pair[0].end <= pair[1].start);
    if !ordered || spans.iter().any(|span| sentence.get(span.clone()).is_none()) {
        return None;
    }
    let tail = words(&sentence[final_span.end..]);
    if !tail.iter().take(4).any(|w| w.lower() == "respectively") {
        return None;
    }
    // Only commas and `and` between the numbers.
    let listed = spans.windows(2).all(|pair| {
        let between = sentence[pair[0].end..pair[1].start].trim();
        matches!(between, "," | "and" | ", and" | "or")
    });
    if !listed {
        return None;
    }
    // The names listed before the numbers: `A, B and C`, as many as there are numbers.
    let before = words(&sentence[..first.start]);
    let runs = name_runs(&before, vocabulary);
    let joined = |a: (usize, usize), b: (usize, usize)| {
        let gap = &sentence[before[a.1 - 1].range.end..before[b.0].range.start];
        matches!(gap.trim(), "," | "and" | ", and" | "or")
    };
    // The last chain of names joined by commas and `and` that is as long as the numbers.
    let count = spans.len();
    let end = (count..=runs.len())
        .rev()
        .find(|&end| (end - count..end - 1).all(|i| joined(runs[i], runs[i + 1])))?;
    let chain: Vec<String> = runs[end - count..end]
        .iter()
        .map(|&run| name_of(&before, run))
        .collect();
    let event = vocabulary.measure(&last.measure).is_some_and(|m| m.event);
    Some(
        chain
            .into_iter()
            .map(|name| Frame {
                place: if event { Some(name.clone()) } else { last.place.clone() },
                owner: if event { last.owner.clone() } else { Some(name) },
                how: format!("{}, matched with its name by “respectively”", last.how),
                ..last.clone()
            })
            .collect(),
    )
}

/// A figure of money or percent: a measure of its kind named by a metric phrase before it
/// (`the bill at £39bn`, `turnout was 84.6%`) or a noun right after it (`a £39bn divorce
/// bill`), owned as counts are. Money in another currency is another subject.
#[allow(clippy::too_many_arguments)]
fn amount_frame(
    claim: &Claim,
    amount: Amount,
    (before, after): (&[Word<'_>], &[Word<'_>]),
    lower_before: &[String],
    lower_after: &[String],
    (opens_sentence, sentence_lower): (bool, &str),
    mut qualifiers: BTreeSet<String>,
    lexicon: Lexicon<'_>,
) -> Option<Frame> {
    let vocabulary = lexicon.vocabulary;
    let metric = vocabulary
        .metric_before(lower_before)
        .filter(|(m, _)| vocabulary.measures[*m].amount == amount);
    if metric.is_none()
        && vocabulary.noun_after(lower_after, amount).is_none()
        && amount == Amount::Percent
        && let Some(side) = side_of_a_vote(before, after, vocabulary)
    {
        return side_share_frame(side, sentence_lower, qualifiers, vocabulary);
    }
    let (measure, how) = match metric {
        Some((m, phrase)) => (m, format!("“{phrase}” before the figure")),
        _ => {
            let (m, noun) = vocabulary.noun_after(lower_after, amount)?;
            (m, format!("“{noun}” after the figure"))
        }
    };
    if amount == Amount::Money
        && let Some(currency) = &claim.unit
    {
        qualifiers.insert(currency.to_lowercase());
    }
    // A plan reaches further back before money: `plans to cut the bill to £20bn`.
    if target_before(lower_before, 6, vocabulary) {
        qualifiers.insert("target".to_owned());
    }
    let owner = written_owner(claim, before, opens_sentence, lexicon);
    Some(Frame {
        measure: MeasureRef::Known(measure),
        owner,
        place: None,
        qualifiers,
        how,
    })
}

/// `Saman Kunan, 38, was a volunteer`: a person's age, set off by commas after the name.
fn appositive_age(claim: &Claim, before_text: &str, after_text: &str, vocabulary: &Vocabulary) -> Option<Frame> {
    let value = claim.value?;
    let years = value.low.filter(|&low| Some(low) == value.high && low.fract() == 0.0)?;
    if !(1.0..=120.0).contains(&years) || value.approximate {
        return None;
    }
    let name_text = before_text.strip_suffix(", ")?;
    let closes = after_text.starts_with(',') || after_text.starts_with(" years old") || after_text.starts_with(')');
    if !closes {
        return None;
    }
    let before = words(name_text);
    let runs = name_runs(&before, vocabulary);
    let &(s, e) = runs.last().filter(|&&(_, e)| e == before.len())?;
    let name = name_of(&before, (s, e));
    if vocabulary.is_source(&name) || vocabulary.is_organisation(&name) {
        return None;
    }
    let measure = vocabulary.measure_id("age")?;
    // Whose age it is keeps it apart from every other person's, even the person the set is
    // about, so the name is a qualifier the topic never drops.
    Some(Frame {
        measure: MeasureRef::Known(measure),
        owner: None,
        place: None,
        qualifiers: BTreeSet::from([name]),
        how: "an age after a name".to_owned(),
    })
}

/// The side of a vote or poll a percent is the share of: a name (or a quoted word) just
/// before it, past only words that carry a side's share (`Yes at 51%`, `No, on 52%`, `the Yes
/// side at 39%`), or after `for the` (`44.7% for the Yes camp`).
fn side_of_a_vote(before: &[Word<'_>], after: &[Word<'_>], vocabulary: &Vocabulary) -> Option<String> {
    let carried = before
        .iter()
        .rev()
        .take_while(|w| vocabulary.is_side_carrier(&w.lower()))
        .count();
    let at = before.len().checked_sub(carried + 1)?;
    let side = &before[at];
    if carried <= 3 && side.opens_name(vocabulary) && !vocabulary.is_source(&side.lower()) {
        // The whole name: `Better Together`, `Hillary Clinton`.
        let runs = name_runs(&before[..=at], vocabulary);
        if let Some(&(s, e)) = runs.last().filter(|&&(_, e)| e == at + 1) {
            return Some(name_of(before, (s, e)));
        }
    }
    // `44.70 percent for the pro-independence "Yes" camp`
    if after.first().is_some_and(|w| w.lower() == "for") {
        let rest = &after[1..after.len().min(6)];
        let named = rest.iter().position(|w| w.opens_name(vocabulary))?;
        let closes = rest
            .get(named + 1)
            .is_some_and(|w| matches!(w.lower().as_str(), "camp" | "side" | "campaign"));
        return closes.then(|| rest[named].lower());
    }
    None
}

/// The frame of a side's share of a vote or poll: owned by the side, a poll's apart from the
/// result, and a poll counting those who do not know apart from one that leaves them out.
fn side_share_frame(
    side: String,
    sentence_lower: &str,
    mut qualifiers: BTreeSet<String>,
    vocabulary: &Vocabulary,
) -> Option<Frame> {
    let measure = vocabulary.measure_id("share")?;
    // A count of the votes cast says so; any other share of a side is a poll's.
    let result = vocabulary.result_words.iter().any(|w| contains_word(sentence_lower, w));
    qualifiers.insert(if result { "result" } else { "poll" }.to_owned());
    // `With those groups included, Yes are on 47%`: a poll of all who answered, those who do
    // not know among them, is apart from one that leaves them out.
    if !result && sentence_lower.contains("includ") {
        qualifiers.insert("all answers".to_owned());
    }
    // The side is what the share is of, never a name the set is about in general.
    qualifiers.insert(side.to_lowercase());
    Some(Frame {
        measure: MeasureRef::Known(measure),
        owner: None,
        place: None,
        qualifiers,
        how: format!("the share of “{side}”"),
    })
}

/// Whose a figure is, as its sentence says: a possessive just before it, the owner
/// extraction found, or the name the clause opens with.
fn written_owner(claim: &Claim, before: &[Word<'_>], opens_sentence: bool, lexicon: Lexicon<'_>) -> Option<String> {
    let Lexicon {
        vocabulary,
        gazetteer,
        names,
    } = lexicon;
    let known = |name: &str| gazetteer.get(&slug(name)).is_some() || names.contains(name);
    let owner = possessive_owner(before, vocabulary)
        .or_else(|| claim.context.owner.clone())
        .or_else(|| {
            clause_subject(before, opens_sentence, vocabulary, &known, &|n| {
                is_demonym(n, gazetteer)
            })
        })
        .filter(|o| o.chars().count() > 1)
        // `Turnout 84.6%`: the measure's own word opening the sentence owns nothing.
        .filter(|o| !vocabulary.is_measure_word(o))
        // `her Grand Slam tally`: a name ending in a measure's noun is what is counted.
        .filter(|o| {
            let last = o.rsplit(' ').next().unwrap_or(o).to_lowercase();
            !(o.contains(' ') && (vocabulary.is_measure_word(&last) || vocabulary.is_measure_word(&format!("{last}s"))))
        })
        // `American has now won 19 medals`: a nationality word is no one in particular.
        .filter(|o| !is_demonym(o, gazetteer))?;
    // Names from the text are words with spaces; entity ids never have one.
    Some(person_by_surname(&owner, vocabulary, &known))
}

/// Whether `name` (lower case) is a nationality word the entities declare (`American`).
fn is_demonym(name: &str, gazetteer: &Gazetteer) -> bool {
    let mut chars = name.chars();
    let capitalised: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    gazetteer.is_demonym(name) || gazetteer.is_demonym(&capitalised)
}

/// A person named in full (`Michael Phelps`, `American swimmer Micheal Phelps`) is the same
/// owner as the surname alone (`Phelps`), as stories name people: the surname stands for
/// the name. Names of organisations and known places stay whole.
fn person_by_surname(name: &str, vocabulary: &Vocabulary, known: &dyn Fn(&str) -> bool) -> String {
    let parts: Vec<&str> = name.split(' ').collect();
    let person = parts.len() >= 2
        && !vocabulary.is_organisation(name)
        && !known(name)
        && parts.iter().all(|p| !vocabulary.is_joiner(p) || parts.len() > 2);
    match parts.last() {
        Some(surname) if person && surname.chars().count() > 2 => (*surname).to_owned(),
        _ => name.to_owned(),
    }
}

/// Whether one of the `reach` words before the figure makes it a plan or a ceiling.
fn target_before(lower_before: &[String], reach: usize, vocabulary: &Vocabulary) -> bool {
    lower_before
        .iter()
        .rev()
        .take(reach)
        .any(|w| vocabulary.targets.contains(w.as_str()))
}

/// `329 of them`, `1,215 deaths in those two countries`: a figure for part of a group the
/// text named before, not for the whole.
fn part_of_named_group(after: &[String]) -> bool {
    let anaphora = |w: &str| matches!(w, "them" | "those" | "these" | "whom" | "which" | "both");
    let of_group = after.len() >= 2 && after[0] == "of" && anaphora(&after[1]);
    let in_group = after.windows(2).any(|pair| {
        matches!(pair[0].as_str(), "in" | "across" | "among") && matches!(pair[1].as_str(), "those" | "these" | "both")
    });
    of_group || in_group
}

/// `in 1974`, `a 2008 quake`: a year the clause names, other than after `since`.
/// The year a figure's sentence names for it: the time its own clause states, when the
/// sentence writes that year (`on August 21st`, read back into last year, is this news), else
/// a year written in its clause (`before` and `after` the number).
fn year_named(claim: &Claim, sentence: &str, (before, after): (&str, &str)) -> Option<i16> {
    let stated = claim
        .time
        .filter(|t| t.source == TimeSource::Text)
        .and_then(|t| t.from.filter(|from| t.to.is_none_or(|to| to.year() == from.year())))
        .map(|from| from.year());
    match stated {
        Some(year) => sentence.contains(&year.to_string()).then_some(year),
        None => clause_year(before).or_else(|| clause_year(after)),
    }
}

fn clause_year(clause: &str) -> Option<i16> {
    let words = words(clause);
    words.iter().enumerate().find_map(|(i, w)| {
        // `2002-03`, `2002–2003`: a season or span is counted from its first year.
        let first = w.text.split(['-', '–']).next().unwrap_or(w.text);
        let year: i16 = first.parse().ok()?;
        // `since 2013`, `since late Dec 2013`: when a count began, not another year's count.
        let after_since = words[i.saturating_sub(3)..i]
            .iter()
            .any(|w| w.text.eq_ignore_ascii_case("since"));
        ((1900..=2099).contains(&year) && first.len() == 4 && !after_since).then_some(year)
    })
}

/// Where the last digit of the last number of `text` that stands for a figure of its own is:
/// a number joined to a word by a hyphen (`the 7.8-magnitude quake`, `a magnitude-7.6 quake`)
/// describes a noun, a day of a date belongs to its month, a year names a time, a number after a
/// name is part of it (`Model 3`), `by 640` is an amount of change and `from 39 to` the figure
/// a move starts from; none of them splits the clause.
fn splitting_number(text: &str) -> Option<usize> {
    let mut end = text.len();
    while let Some(at) = text[..end].rfind(|c: char| c.is_ascii_digit()) {
        let word_start = text[..at]
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word_end = text[at..].find(char::is_whitespace).map_or(text.len(), |i| at + i);
        let word = &text[word_start..word_end];
        let compound = word.contains('-') && word.chars().any(char::is_alphabetic);
        // `the October 8 catastrophe`, `on 8 October`: a day of a date.
        let previous_word = text[..word_start].split_whitespace().next_back().unwrap_or_default();
        let next_word = text[word_end..].split_whitespace().next().unwrap_or_default();
        // The word after the figure, past its magnitude: `from $301 million to`.
        let word_after_figure = text[word_end..]
            .split_whitespace()
            .find(|w| !vocabulary::is_magnitude(&w.to_ascii_lowercase()))
            .unwrap_or_default();
        let day = word.len() <= 3 && (is_month(previous_word) || is_month(next_word));
        // `Model 3 orders`, `Boeing 737 jets`: a number after a name is part of the name.
        let in_name = word.len() <= 4
            && word.bytes().all(|b| b.is_ascii_digit())
            && previous_word.len() > 1
            && previous_word.starts_with(|c: char| c.is_uppercase())
            && previous_word.chars().all(char::is_alphabetic);
        // `the 2012 London games`, `in 2017`: a year names a time, not a figure.
        let year = word.len() == 4 && word.starts_with(['1', '2']) && word.bytes().all(|b| b.is_ascii_digit());
        // `has risen by 640, from 1761 to 2401`: an amount of change, not a figure of its own;
        // `increased from 39 to 43`, `jumped by nearly 1,200 to 5,209`: the figure moved from
        // or the size of the move, before the figure moved to.
        let mut previous_two = text[..word_start].split_whitespace().rev().take(2);
        let by = previous_word.eq_ignore_ascii_case("by")
            || word_after_figure.eq_ignore_ascii_case("to")
                && previous_two.any(|w| w.eq_ignore_ascii_case("by") || w.eq_ignore_ascii_case("from"));
        if !compound && !day && !year && !by && !in_name {
            return Some(at);
        }
        end = word_start;
    }
    None
}

/// Where the clause of the text before a number starts (after the last mark that ends a
/// clause), and where the part of it that no other number splits off starts (past the end of
/// that number's word).
fn clause_before(before_text: &str) -> (usize, usize) {
    let clause_from = before_text
        .rfind(CLAUSE_BREAKS)
        .map_or(0, |i| i + before_text[i..].chars().next().map_or(1, char::len_utf8));
    let clause_start = splitting_number(&before_text[clause_from..]).map_or(clause_from, |i| {
        let at = clause_from + i;
        before_text[at..].find(' ').map_or(before_text.len(), |j| at + j)
    });
    (clause_from, clause_start)
}

/// `text` with every closed pair of parentheses and what they hold turned into spaces, byte for
/// byte, so positions stay those of `text`. An unclosed `(` is left: the number is inside it.
fn mask_asides(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(')') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut masked = text.as_bytes().to_vec();
    let mut open = None;
    for (i, c) in text.char_indices() {
        match c {
            '(' => open = Some(i),
            ')' => {
                if let Some(from) = open.take() {
                    masked[from..=i].fill(b' ');
                }
            }
            _ => {}
        }
    }
    // Whole characters were replaced by spaces, so the bytes are still UTF-8.
    std::borrow::Cow::Owned(String::from_utf8(masked).unwrap_or_else(|_| text.to_owned()))
}

fn is_month(word: &str) -> bool {
    crate::calendar::month_name(word.trim_end_matches([',', '.'])).is_ok_and(|(rest, _)| rest.is_empty() || rest == ".")
}

/// Whether `word` occurs in `text` with no letter or digit on either side.
fn contains_word(text: &str, word: &str) -> bool {
    !word.is_empty()
        && text.match_indices(word).any(|(i, _)| {
            let before = text[..i].chars().next_back();
            let after = text[i + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}

/// Counted nouns that make a subject of their own: words, not vague ones (`times`, `steps`).
fn plausible_counted_noun(noun: &str, vocabulary: &Vocabulary) -> bool {
    noun.len() > 2 && noun.chars().all(|c| c.is_alphabetic() || c == '-') && !vocabulary.is_vague(noun)
}

/// `boys` → `boy`, `homes` → `home`, `families` → `family`; the key of a counted noun.
fn singular(noun: &str) -> String {
    if let Some(stem) = noun.strip_suffix("ies") {
        return format!("{stem}y");
    }
    if noun.ends_with("ss") {
        return noun.to_owned();
    }
    noun.strip_suffix('s').unwrap_or(noun).to_owned()
}

/// Runs of capitalised words in `words[range]`: (first, end) word indices.
fn name_runs(words: &[Word<'_>], vocabulary: &Vocabulary) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        if w.opens_name(vocabulary) {
            let start = i;
            let mut end = i + 1;
            while end < words.len() {
                let next = &words[end];
                // A possessive ends a name (`China's Yunnan`), and so does punctuation (`Liberia,
                // Sierra Leone`); a lone letter is no part of one.
                let previous = &words[end - 1];
                let possessive = previous.text.ends_with("'s") || previous.text.ends_with("’s");
                if possessive || !next.after_space || next.text.chars().count() < 2 {
                    break;
                }
                if next.opens_name(vocabulary) {
                    end += 1;
                } else if vocabulary.is_joiner(next.text) && words.get(end + 1).is_some_and(Word::capitalised) {
                    end += 2;
                } else {
                    break;
                }
            }
            runs.push((start, end));
            i = end;
        } else {
            i += 1;
        }
    }
    runs
}

fn name_of(words: &[Word<'_>], (start, end): (usize, usize)) -> String {
    let name = words[start..end]
        .iter()
        .map(|w| w.text.trim_end_matches("'s").trim_end_matches("’s"))
        .collect::<Vec<_>>()
        .join(" ");
    name.to_lowercase()
}

/// `in Ludian County`, `across the worst-hit Sindhupalchok district` right after the number.
fn place_after(after: &[Word<'_>], vocabulary: &Vocabulary) -> Option<String> {
    let at = after
        .iter()
        .take(5)
        .position(|w| matches!(w.lower().as_str(), "in" | "across" | "near" | "throughout"))?;
    let rest = &after[at + 1..];
    let first = rest.iter().take(4).position(|w| w.opens_name(vocabulary))?;
    // Only articles and adjectives between the preposition and the name.
    if rest[..first].iter().any(|w| {
        matches!(w.lower().as_str(), "and" | "or" | "with" | "but") || w.text.chars().any(|c| c.is_ascii_digit())
    }) {
        return None;
    }
    let rest = &rest[first..];
    let runs = name_runs(rest, vocabulary);
    let &(s, e) = runs.first()?;
    // `in Nepal, India and Tibet`: the places together are a place of their own. Names after
    // commas are a list only when `and` or `or` joins the last one.
    let mut listed = vec![(s, e)];
    let mut closed = 1;
    for &(next_start, next_end) in &runs[1..] {
        let last_end = listed.last().map_or(e, |&(_, end)| end);
        let between: Vec<String> = rest[last_end..next_start].iter().map(Word::lower).collect();
        let punctuated = rest[last_end - 1].range.end < rest[next_start].range.start;
        let and = between == ["and"] || between == ["or"];
        if !(between.is_empty() && punctuated || and) {
            break;
        }
        listed.push((next_start, next_end));
        if and {
            closed = listed.len();
            break;
        }
    }
    let names: Vec<String> = listed[..closed].iter().map(|&run| name_of(rest, run)).collect();
    Some(names.join(" and "))
}

/// `the Kathmandu Valley, where 1,441 have died`, `the central region where 2,757 were killed`:
/// the place a relative `where` stands for.
fn place_of_where(before: &[Word<'_>], vocabulary: &Vocabulary) -> Option<String> {
    let at = before.iter().rposition(|w| w.lower() == "where")?;
    if at == 0 || !before[at + 1..].iter().all(|w| vocabulary.is_carrier(&w.lower())) {
        return None;
    }
    let head = &before[..at];
    let runs = name_runs(head, vocabulary);
    if let Some(&(s, e)) = runs.last().filter(|&&(_, e)| e == at) {
        return Some(name_of(head, (s, e)));
    }
    let noun = head[at - 1].lower();
    if !vocabulary.is_place_noun(&noun) {
        return None;
    }
    // The noun with the adjective before it, if any: `central region`.
    let adjective = at
        .checked_sub(2)
        .map(|i| head[i].lower())
        .filter(|w| !vocabulary.is_not_name(w) && w.chars().all(char::is_alphabetic) && !vocabulary.is_carrier(w));
    Some(adjective.map_or(noun.clone(), |a| format!("{a} {noun}")))
}

/// `122 had been killed, more than 180 missing and 1,300 injured in Ludian County`: a place
/// after a list of figures is where each of them was counted.
fn place_after_list(after: &str, vocabulary: &Vocabulary) -> Option<String> {
    let (list, last) = after.rsplit_once(" and ")?;
    // Every item after the first is a figure: it opens with a number, maybe after a comparator.
    let items = list.split(',').skip(1).chain(std::iter::once(last));
    let figures = items.into_iter().all(|item| {
        item.split_whitespace()
            .take(4)
            .any(|w| w.starts_with(|c: char| c.is_ascii_digit()))
    });
    if !figures || !list.contains(',') && list.split_whitespace().count() > 4 {
        return None;
    }
    let last_words = words(last);
    let at = last_words.iter().position(|w| w.text == "in")?;
    place_after(&last_words[at..], vocabulary)
}

/// `with Bihar accounting for 56 deaths`: the name whose share of a figure the number is.
fn accounting_name(before: &[Word<'_>], vocabulary: &Vocabulary) -> Option<String> {
    let at = before
        .iter()
        .rposition(|w| matches!(w.lower().as_str(), "accounting" | "accounts" | "accounted" | "account"))?;
    let carried = before[at + 1..]
        .iter()
        .all(|w| w.text.eq_ignore_ascii_case("for") || vocabulary.is_carrier(&w.lower()));
    if !carried || at == 0 {
        return None;
    }
    let runs = name_runs(&before[..at], vocabulary);
    let &(s, e) = runs.last()?;
    (e == at).then(|| name_of(before, (s, e)))
}

/// The first place after `in` among `words`: `the death toll in Calder rose to`.
fn place_in(words: &[Word<'_>], vocabulary: &Vocabulary) -> Option<String> {
    // Right after the metric's noun: not `the toll from an outbreak in West Africa`.
    let at = words.iter().position(|w| w.text == "in")?;
    let noun = words.get(at.checked_sub(1)?)?.lower();
    if !vocabulary.is_metric_head(&noun) {
        return None;
    }
    let rest = &words[at + 1..];
    let runs = name_runs(rest, vocabulary);
    let &(s, e) = runs.first()?;
    (s <= 1).then(|| name_of(rest, (s, e)))
}

/// `In Muzaffarabad, 11,000 died`: a place that opens the clause.
fn place_opening(before: &[Word<'_>], vocabulary: &Vocabulary) -> Option<String> {
    let first = before.first()?;
    if !matches!(first.lower().as_str(), "in" | "across") {
        return None;
    }
    let rest = &before[1..];
    let runs = name_runs(rest, vocabulary);
    let &(s, e) = runs.first()?;
    (s <= 2).then(|| name_of(rest, (s, e)))
}

/// `Nintendo's 40 million`, `Russia’s 100,000 troops`: a possessive name just before.
fn possessive_owner(before: &[Word<'_>], vocabulary: &Vocabulary) -> Option<String> {
    let tail = &before[before.len().saturating_sub(5)..];
    let runs = name_runs(tail, vocabulary);
    runs.iter().rev().find_map(|&(s, e)| {
        let last = tail[e - 1].text;
        (last.ends_with("'s") || last.ends_with("’s"))
            .then(|| name_of(tail, (s, e)))
            .filter(|name| !vocabulary.is_source(name))
    })
}

/// The name the clause opens with, when it is not a source or a place after a preposition:
/// `Pokémon Go has been downloaded 75 million times`.
fn clause_subject(
    before: &[Word<'_>],
    opens_sentence: bool,
    vocabulary: &Vocabulary,
    known: &dyn Fn(&str) -> bool,
    demonym: &dyn Fn(&str) -> bool,
) -> Option<String> {
    let runs = name_runs(before, vocabulary);
    let mut first = *runs.first()?;
    // `American swimmer Dara Velko has won`: a nationality and what the person is come before
    // the name.
    if let Some(&next) = runs.get(1)
        && demonym(&name_of(before, first))
        && next.0 <= first.1 + 2
    {
        first = next;
    }
    let (s, e) = first;
    if s > 2 && first == runs[0] {
        return None;
    }
    // `ABIDJAN Oct 15 A total of`: a dateline says where the story was filed, not whose or
    // where the figure is.
    if s == 0 && opens_sentence && before[0].text.len() >= 3 && before[0].text.chars().all(|c| c.is_uppercase()) {
        return None;
    }
    // A lone capitalised word opening a sentence may be any word ("Electricity was cut"),
    // unless it is a name the gazetteer knows ("Liberia has recorded 1,830 deaths").
    if opens_sentence && s == 0 && e == 1 && !known(&before[0].lower()) {
        return None;
    }
    if s > 0 {
        let previous = before[s - 1].lower();
        if matches!(
            previous.as_str(),
            "in" | "at" | "from" | "to" | "for" | "of" | "across" | "near" | "by" | "with"
        ) || previous == "according"
        {
            return None;
        }
    }
    let name = name_of(before, (s, e));
    let next = before.get(e).map(Word::lower).unwrap_or_default();
    if vocabulary.is_source(&name) || vocabulary.source_verbs.contains(next.as_str()) {
        return None;
    }
    Some(name)
}

/// The words the document set writes as names on their own inside a sentence
/// (`Document::names`), in lower case: a word that opens a sentence is a name when the set
/// writes it as one elsewhere ("Liberia has recorded 1,830 deaths").
#[derive(Debug, Default)]
pub struct NamesInText {
    words: std::collections::HashSet<String>,
    /// Names (a person by the surname) that at least half of the documents write, and at
    /// least two: whom or what the set is about.
    common: BTreeSet<String>,
    /// Whole names (lower case) that at least two thirds of the documents write, and at least
    /// three: where the set's event happened, as a reader of the set takes for granted.
    everywhere: BTreeMap<String, usize>,
}

impl NamesInText {
    /// The words of `names` written alone.
    pub fn of<'a>(names: impl Iterator<Item = &'a NameMention>) -> NamesInText {
        let words = names.filter(|m| m.alone).map(|m| m.name.to_lowercase()).collect();
        NamesInText {
            words,
            common: BTreeSet::new(),
            everywhere: BTreeMap::new(),
        }
    }

    /// [`NamesInText::of`] the names of each document, with the names most documents write.
    pub fn of_documents<'a>(documents: impl Iterator<Item = &'a [NameMention]>) -> NamesInText {
        let mut words = std::collections::HashSet::new();
        let mut documents_of: HashMap<String, usize> = HashMap::new();
        let mut documents_of_whole: HashMap<String, usize> = HashMap::new();
        let mut count: usize = 0;
        for names in documents {
            count += 1;
            let mut seen = BTreeSet::new();
            let mut seen_whole = BTreeSet::new();
            for mention in names {
                let lower = mention.name.to_lowercase();
                if mention.alone {
                    words.insert(lower.clone());
                }
                seen_whole.insert(lower.clone());
                // `Michael Phelps` and `Phelps` are one name to the set.
                let last = lower.rsplit(' ').next().unwrap_or(&lower);
                let last = last.trim_end_matches("'s").trim_end_matches("’s").to_owned();
                seen.insert(last);
            }
            for name in seen {
                *documents_of.entry(name).or_default() += 1;
            }
            for name in seen_whole {
                *documents_of_whole.entry(name).or_default() += 1;
            }
        }
        let needed = count.div_ceil(2).max(2);
        let common = documents_of
            .into_iter()
            .filter(|&(_, n)| n >= needed)
            .map(|(name, _)| name)
            .collect();
        let needed_everywhere = (count * 2).div_ceil(3).max(3);
        let everywhere = documents_of_whole
            .into_iter()
            .filter(|&(_, n)| n >= needed_everywhere)
            .collect();
        NamesInText {
            words,
            common,
            everywhere,
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// Whether most documents of the set write `name` (lower case).
    pub fn is_common(&self, name: &str) -> bool {
        self.common.contains(name)
    }

    /// How many documents write the whole of `name` (lower case), when two thirds of the
    /// documents of the set do.
    pub fn everywhere(&self, name: &str) -> Option<usize> {
        // An owner may be a known entity's id: `south-korea`.
        let name = name.to_lowercase();
        self.everywhere
            .get(&name)
            .or_else(|| self.everywhere.get(&name.replace('-', " ")))
            .copied()
    }
}

/// How many more documents the set's one place must be written in than any other place of
/// its figures.
const EVERYWHERE_MARGIN: usize = 2;

/// What the document set is about: the names (owners or places) that most of its documents
/// use for figures. A figure naming one of them and a figure that leaves it unsaid are about
/// the same thing.
#[derive(Debug, Clone, Default)]
pub struct Topic {
    pub names: BTreeSet<String>,
}

impl Topic {
    /// The names that at least half of the documents with frames (and at least two) use, and
    /// the owners of frames that most documents write as names (a person the set is about,
    /// written as the surname).
    pub fn of(frames: &[(usize, &Frame)], names: &NamesInText) -> Topic {
        let mut docs_with_frames = BTreeSet::new();
        let mut docs_by_name: HashMap<&str, BTreeSet<usize>> = HashMap::new();
        let mut owners = BTreeSet::new();
        let mut places = BTreeSet::new();
        for &(doc, frame) in frames {
            docs_with_frames.insert(doc);
            for name in frame.owner.iter().chain(&frame.place) {
                docs_by_name.entry(name).or_default().insert(doc);
            }
            owners.extend(frame.owner.as_deref());
            places.extend(frame.place.as_deref());
        }
        let needed = docs_with_frames.len().div_ceil(2).max(2);
        // The name of figures that two thirds of the documents write (Puerto Rico in a set
        // about its hurricane toll), though few of its figures name it, when it is clearly the
        // most written: the country, not its capital. Where several are about as common (the
        // countries of one epidemic), each keeps its own figures.
        // One place written two ways (`south-korea`, an entity's id, and `South Korea`) is one.
        let normal = |name: &str| name.to_lowercase().replace('-', " ");
        let mut everywhere: Vec<(usize, String)> = places
            .iter()
            .filter_map(|&name| Some((names.everywhere(name)?, normal(name))))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        everywhere.sort_unstable_by(|a, b| b.cmp(a));
        let sole_everywhere = match everywhere.as_slice() {
            [(_, name)] => Some(name.clone()),
            [(first, name), (second, _), ..] if *first >= second + EVERYWHERE_MARGIN => Some(name.clone()),
            _ => None,
        };
        let names = docs_by_name
            .into_iter()
            // Only owners: a place most stories mention (a city) keeps its own figures apart.
            .filter(|(name, docs)| {
                *name != WORLD
                    && (docs.len() >= needed
                        || owners.contains(name) && names.is_common(name)
                        || sole_everywhere.as_deref() == Some(normal(name).as_str()))
            })
            .map(|(name, _)| name.to_owned())
            .collect::<BTreeSet<String>>();
        // The world's figure is apart from the figures of a set about one place (one country's
        // outbreak); a set about no one place (an epidemic across several) counts the whole.
        let mut names = names;
        if sole_everywhere.is_none() {
            names.insert(WORLD.to_owned());
        }
        Topic { names }
    }

    /// The subject key and label of `frame`, with the topic's names left out.
    /// `display` gives the name reports use for an owner or place (a known entity's own name).
    pub fn key(&self, frame: &Frame, vocabulary: &Vocabulary, display: &dyn Fn(&str) -> String) -> (String, String) {
        let measure = match &frame.measure {
            MeasureRef::Known(m) => (
                vocabulary.measures[*m].id.clone(),
                vocabulary.measures[*m].label.clone(),
            ),
            MeasureRef::Noun(noun) => (noun.clone(), format!("{noun} count")),
        };
        // The topic's names leave the key but stay in the label: `member countries of NATO`.
        let keep = |name: &Option<String>| name.clone().filter(|n| !self.names.contains(n));
        let mut key = Vec::new();
        let mut label = measure.1.clone();
        if let Some(owner) = &frame.owner {
            label = format!("{label} of {}", display(owner));
        }
        if let Some(place) = &frame.place {
            label = format!("{label} in {}", display(place));
        }
        key.extend(keep(&frame.owner).map(|owner| slug(&owner)));
        key.extend(keep(&frame.place).map(|place| slug(&place)));
        key.push(measure.0);
        for q in &frame.qualifiers {
            key.push(slug(q));
        }
        if !frame.qualifiers.is_empty() {
            let qualifiers: Vec<&str> = frame.qualifiers.iter().map(String::as_str).collect();
            label = format!("{label} ({})", qualifiers.join(", "));
        }
        (key.join("/"), label)
    }
}

fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deaths() -> Frame {
        let vocabulary = Vocabulary::built_in();
        Frame {
            measure: MeasureRef::Known(vocabulary.measure_id("deaths").unwrap()),
            owner: None,
            place: None,
            qualifiers: BTreeSet::new(),
            how: String::new(),
        }
    }

    #[test]
    fn respective_lists_take_their_names_in_order_and_refuse_spans_out_of_place() {
        let vocabulary = Vocabulary::built_in();
        let sentence = "Marda, Tolvey and Bressin had 2,705, 1,259 and 904 deaths respectively.";
        let at = |needle: &str| {
            let start = sentence.find(needle).unwrap();
            start..start + needle.len()
        };
        let spans = [at("2,705"), at("1,259"), at("904 deaths")];
        let frames = respective_frames(sentence, &spans, &deaths(), vocabulary).expect("a list");
        let places: Vec<_> = frames.iter().map(|f| f.place.clone().unwrap()).collect();
        assert_eq!(places, ["marda", "tolvey", "bressin"]);
        // A span past the sentence's end or spans out of order make no list, and no panic.
        let past = [at("2,705"), sentence.len() - 3..sentence.len() + 5];
        assert!(respective_frames(sentence, &past, &deaths(), vocabulary).is_none());
        let reversed = [at("1,259"), at("2,705")];
        assert!(respective_frames(sentence, &reversed, &deaths(), vocabulary).is_none());
    }

    #[test]
    fn a_number_after_a_non_breaking_space_splits_at_a_character_boundary() {
        let text = "the toll\u{a0}rose\u{a0}12 and then";
        // Where the last digit of that number is.
        let at = splitting_number(text).expect("a number");
        assert_eq!(&text[at - 1..=at], "12");
        assert_eq!(splitting_number("the 7.8-magnitude quake"), None);
        assert_eq!(splitting_number("risen by 640, from"), None);
    }
}
