//! Link: a petgraph graph of claims, subjects and persons.
//!
//! Numeric claims are linked to a subject ("is about" edges): to a subject a rule file
//! declares when one matches, else to a heuristic subject keyed by the claim's owner entity,
//! place and counted-noun class (`nato/iraq/personnel`). Role claims are linked to the person
//! they name and to a role (organisation + normalised title). Persons whose names are nearly
//! identical get name-variant edges; a surname alone is an alias of the full name.
//!
//! **Invariant:** linking is by grouping — claims are bucketed by key, and only names inside
//! one surname or role bucket are ever compared. Nothing compares every claim with every other.

mod persons;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use petgraph::graph::{DiGraph, NodeIndex};
use rayon::prelude::*;

use crate::extract::{Claim, ClaimKind, Gazetteer, UnitClass};
use crate::source::SourceFile;
use crate::subject::{self, Frame, Lexicon, NamesInText, Sentence, Topic, Vocabulary};

pub use persons::Person;

/// A subject as a rule file declares it, and how its mentions are recognised.
#[derive(Debug, Clone, Default)]
pub struct SubjectDef {
    pub id: String,
    pub label: String,
    /// Entity id the claim's owner must be.
    pub entity: Option<String>,
    /// Counted-noun class the claim must have.
    pub class: Option<UnitClass>,
    /// Counted nouns or units the claim must have (any of them).
    pub units: Vec<String>,
    /// Phrases that mark a mention of the subject when they occur in the claim's sentence.
    pub aliases: Vec<String>,
    /// Words (matched as word prefixes) of which one must occur in the claim's sentence.
    pub context: Vec<String>,
    /// Entity id of the place the claim must be about.
    pub place: Option<String>,
    /// A regular expression the claim's sentence must match, as written (`(?i)` ignores case).
    pub pattern: Option<regex::Regex>,
}

/// A group of claims about one thing.
#[derive(Debug, Clone)]
pub struct Subject {
    pub key: String,
    pub label: String,
    /// Declared in a rule file (as opposed to found by heuristics).
    pub declared: bool,
    /// Claim indices, in document order.
    pub claims: Vec<usize>,
    /// A running total (a death toll, downloads): figures of different times are a change.
    pub cumulative: bool,
    /// A figure updated as news comes in (the missing, a poll's share): figures of two days are
    /// a change, and only figures of one day can contradict.
    pub rolling: bool,
    /// Named only by a counted noun outside the measures vocabulary (`33 miners`): one
    /// document's figures of it may count different groups, so they are not compared.
    pub by_noun: bool,
}

/// One title of one organisation (`us` + `secretary of defense`) and the claims naming holders.
#[derive(Debug, Clone)]
pub struct RoleGroup {
    pub key: String,
    pub label: String,
    pub claims: Vec<usize>,
}

#[derive(Debug, Clone)]
pub enum Node {
    Claim(usize),
    Subject(usize),
    Person(usize),
    Role(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// Claim → subject.
    About,
    /// Role claim → person named.
    Names,
    /// Role claim → role.
    Holds,
    /// Person → person: a shorter form of the same name (`Trump` → `Donald Trump`).
    Alias,
    /// Person → person: a near-identical spelling (`Jans` → `Jens Stoltenberg`).
    NameVariant,
}

/// The linked claims of a run.
#[derive(Debug)]
pub struct ClaimGraph {
    pub graph: DiGraph<Node, Edge>,
    pub subjects: Vec<Subject>,
    pub roles: Vec<RoleGroup>,
    pub persons: Vec<Person>,
    /// Subject index of each claim, if linked.
    subject_of: Vec<Option<usize>>,
    /// Person index of each role claim.
    person_of: Vec<Option<usize>>,
    /// Why each linked claim was linked where it was, in words.
    reasons: Vec<Option<String>>,
    /// Names spelled in more than one way across the set (see [`ClaimGraph::add_spellings`]).
    pub spellings: Vec<Spelling>,
}

/// A rarer spelling of a name the set mostly spells another way.
#[derive(Debug, Clone)]
pub struct Spelling {
    pub usual: String,
    pub variant: String,
    /// Name claims: the variant's mentions, then the usual spelling's in up to
    /// [`USUAL_QUOTED`] documents.
    pub claims: Vec<usize>,
    /// How many documents write the usual spelling.
    pub usual_documents: usize,
}

/// How many documents' mentions of the usual spelling a name-variant finding quotes.
pub const USUAL_QUOTED: usize = 20;

impl ClaimGraph {
    pub fn subject_of(&self, claim: usize) -> Option<&Subject> {
        self.subject_of.get(claim).copied().flatten().map(|s| &self.subjects[s])
    }

    /// Why a claim joined its subject or role, for `check --explain-links`.
    pub fn link_reason(&self, claim: usize) -> Option<&str> {
        self.reasons.get(claim).and_then(Option::as_deref)
    }

    pub fn person_of(&self, claim: usize) -> Option<usize> {
        self.person_of.get(claim).copied().flatten()
    }

    /// The person a name stands for once variants and aliases are resolved.
    pub fn canonical_person(&self, person: usize) -> usize {
        let mut current = person;
        for _ in 0..4 {
            match self.persons[current].same_as {
                Some(next) => current = next,
                None => break,
            }
        }
        current
    }
}

/// Classes whose counts speak for an owner's size or strength, and so may be linked by
/// heuristics without a rule file.
const HEURISTIC_CLASSES: &[UnitClass] = &[
    UnitClass::Personnel,
    UnitClass::Countries,
    UnitClass::Nationals,
    UnitClass::Population,
    UnitClass::Casualties,
    UnitClass::Facilities,
    UnitClass::Vehicles,
];

/// Links `claims` (`files[i]` is document `i`, whose claims' sentences it reads; `names` are
/// the words of the names the documents write).
pub fn link(
    claims: &[Claim],
    files: &[&SourceFile],
    names: &NamesInText,
    subjects: &[SubjectDef],
    gazetteer: &Gazetteer,
) -> ClaimGraph {
    let vocabulary = Vocabulary::built_in();
    let mut groups: Vec<Subject> = subjects
        .iter()
        .map(|def| Subject {
            key: def.id.clone(),
            label: def.label.clone(),
            declared: true,
            claims: Vec::new(),
            cumulative: false,
            rolling: false,
            by_noun: false,
        })
        .collect();
    let mut heuristic_keys: HashMap<String, usize> = HashMap::new();
    let mut subject_of = vec![None; claims.len()];
    let mut reasons: Vec<Option<String>> = vec![None; claims.len()];

    // What each claim is about is worked out on its own, so the claims are shared among the
    // threads, a slice at a time (so the choices held at once stay few); the groups of
    // heuristic keys are then made in claim order, once the frames have told what the set
    // is about.
    const SLICE: usize = 1 << 14;
    let doc_years = document_years(claims);
    let setting = Setting {
        files,
        subjects,
        gazetteer,
        vocabulary,
        doc_years: &doc_years,
        names,
    };
    // The list is made once at its full length: a large choice copied as the list grew would
    // cost a copy of every choice made so far.
    let mut choices: Vec<Option<Choice>> = Vec::with_capacity(claims.len());
    for slice in claims.chunks(SLICE) {
        choices.par_extend(slice.par_iter().map(|claim| choose_subject(claim, &setting)));
    }
    let choices = frame_lists(claims, files, vocabulary, choices);
    let framed: Vec<(usize, &Frame)> = choices
        .iter()
        .enumerate()
        .filter_map(|(i, c)| match c {
            Some(Choice::Framed(frame)) => Some((claims[i].doc, frame)),
            _ => None,
        })
        .collect();
    let topic = Topic::of(&framed, names);
    // A figure no one owns is the one owner's that the set gives every other figure of its
    // kind, when most stories name it (`the market value rose to $42.3bn` in a set about one
    // company).
    let sole = sole_owners(&framed, &topic);
    let adopted: Vec<Option<String>> = choices
        .iter()
        .map(|choice| match choice {
            Some(Choice::Framed(frame)) if frame.owner.is_none() => sole
                .get(&(&frame.measure, &frame.qualifiers))
                .copied()
                .flatten()
                .filter(|owner| names.is_common(owner))
                .map(str::to_owned),
            _ => None,
        })
        .collect();
    for ((index, choice), adopted_owner) in choices.into_iter().enumerate().zip(adopted) {
        let Some(choice) = choice else { continue };
        let (subject, reason) = match choice {
            Choice::Declared { subject, reason } => (subject, reason),
            Choice::Heuristic { key, label, reason } => {
                let subject = heuristic_group(&mut groups, &mut heuristic_keys, key, label, (false, false, false));
                (subject, reason)
            }
            Choice::Framed(mut frame) => {
                let adopted = adopted_owner.is_some();
                if adopted {
                    frame.owner = adopted_owner;
                }
                let display = |id: &str| {
                    gazetteer
                        .get(id)
                        .map_or_else(|| id.to_owned(), |i| gazetteer.entities[i].name.clone())
                };
                let (key, label) = topic.key(&frame, vocabulary, &display);
                let kind = match vocabulary.measure(&frame.measure) {
                    Some(measure) => (measure.cumulative, measure.rolling, false),
                    None => (false, false, true),
                };
                let mut reason = frame_reason(&frame, &topic);
                if adopted {
                    reason.push_str(", owned as every other figure of its kind in the set is");
                }
                let subject = heuristic_group(&mut groups, &mut heuristic_keys, key, label, kind);
                (subject, reason)
            }
        };
        reasons[index] = Some(reason);
        subject_of[index] = Some(subject);
        groups[subject].claims.push(index);
    }
    build(claims, groups, subject_of, reasons, gazetteer)
}

/// For each measure and set of qualifiers, the one owner the set's frames give it (beside the
/// names the set is about), or `None` when they give several.
fn sole_owners<'f>(
    framed: &[(usize, &'f Frame)],
    topic: &Topic,
) -> HashMap<(&'f subject::MeasureRef, &'f BTreeSet<String>), Option<&'f str>> {
    let mut sole: HashMap<(&subject::MeasureRef, &BTreeSet<String>), Option<&str>> = HashMap::new();
    for &(_, frame) in framed {
        let Some(owner) = frame.owner.as_deref().filter(|o| !topic.names.contains(*o)) else {
            continue;
        };
        let entry = sole.entry((&frame.measure, &frame.qualifiers)).or_insert(Some(owner));
        if entry.is_some_and(|o| o != owner) {
            *entry = None;
        }
    }
    sole
}

/// The group of a subject found without a rule file, made on first use.
fn heuristic_group(
    groups: &mut Vec<Subject>,
    keys: &mut HashMap<String, usize>,
    key: String,
    label: String,
    (cumulative, rolling, by_noun): (bool, bool, bool),
) -> usize {
    *keys.entry(key.clone()).or_insert_with(|| {
        groups.push(Subject {
            key,
            label,
            declared: false,
            claims: Vec::new(),
            cumulative,
            rolling,
            by_noun,
        });
        groups.len() - 1
    })
}

/// `measure deaths from verb “killed”, place ludian county, qualifiers in 1970`
fn frame_reason(frame: &Frame, topic: &Topic) -> String {
    let mut parts = vec![format!("measure from {}", frame.how)];
    let mut named = |what: &str, name: &Option<String>| {
        if let Some(name) = name {
            if topic.names.contains(name) {
                parts.push(format!("{what} {name}, which the document set is about"));
            } else {
                parts.push(format!("{what} {name}"));
            }
        }
    };
    named("owner", &frame.owner);
    named("place", &frame.place);
    if !frame.qualifiers.is_empty() {
        let qualifiers: Vec<&str> = frame.qualifiers.iter().map(String::as_str).collect();
        parts.push(format!("kept apart by {}", qualifiers.join(", ")));
    }
    parts.join(", ")
}

/// The subject a claim is about, and why.
enum Choice {
    /// The rule files' subject at this index.
    Declared { subject: usize, reason: String },
    /// A subject made up from the claim's owner, place and class.
    Heuristic { key: String, label: String, reason: String },
    /// A subject built from the sentence: what is counted, whose or where, qualifiers.
    Framed(Frame),
}

/// What choosing a claim's subject reads besides the claim.
struct Setting<'a> {
    files: &'a [&'a SourceFile],
    subjects: &'a [SubjectDef],
    gazetteer: &'a Gazetteer,
    vocabulary: &'a Vocabulary,
    doc_years: &'a [Option<i16>],
    names: &'a NamesInText,
}

fn choose_subject(claim: &Claim, setting: &Setting<'_>) -> Option<Choice> {
    let &Setting {
        files,
        subjects,
        gazetteer,
        vocabulary,
        doc_years,
        names,
    } = setting;
    if claim.boilerplate || claim.context.partitive || claim.value.is_none() {
        return None;
    }
    let written = files[claim.doc].slice(claim.context.sentence.clone());
    let sentence = written.to_lowercase();
    let declared = subjects
        .iter()
        .enumerate()
        .filter_map(|(i, def)| match_score(def, claim, written, &sentence).map(|s| (s, i)));
    // Most specific declaration wins; the first declared wins ties.
    let best = declared.fold(None, |best: Option<(usize, usize)>, (score, i)| match best {
        Some((s, _)) if s >= score => best,
        _ => Some((score, i)),
    });
    match best {
        Some((_, subject)) => Some(Choice::Declared {
            subject,
            reason: declared_reason(&subjects[subject], claim, &sentence),
        }),
        None => {
            let framed = {
                let start = claim.span.start.checked_sub(claim.context.sentence.start)?;
                let end = claim.span.end.checked_sub(claim.context.sentence.start)?;
                let sentence = Sentence {
                    written,
                    lower: &sentence,
                };
                let lexicon = Lexicon {
                    vocabulary,
                    gazetteer,
                    names,
                };
                let year = doc_years.get(claim.doc).copied().flatten();
                subject::frame(claim, sentence, start..end, year, lexicon)
            };
            // What an event did (`1,229 people have died`) is read from the sentence before
            // the owner-and-class heuristic could call those people personnel.
            let event = framed
                .as_ref()
                .is_some_and(|f| vocabulary.measure(&f.measure).is_some_and(|m| m.event));
            match heuristic_subject(claim, gazetteer).filter(|_| !event) {
                Some((key, label)) => Some(Choice::Heuristic {
                    key,
                    label,
                    reason: heuristic_reason(claim),
                }),
                None => framed.map(Choice::Framed),
            }
        }
    }
}

/// Frames for the bare numbers of lists whose counted thing one figure names for all:
/// `killed 34 people in India, 12 in Tibet and two in Bangladesh` (each after the one before),
/// `raised to 62,000 from 51,000` (the figure it moved from)
/// and `Liberia, Sierra Leone and Guinea had 2,705, 1,259 and 904 deaths respectively` (each
/// from the last, with its name).
fn frame_lists(
    claims: &[Claim],
    files: &[&SourceFile],
    vocabulary: &Vocabulary,
    mut choices: Vec<Option<Choice>>,
) -> Vec<Option<Choice>> {
    let bare = |claim: &Claim| {
        (claim.kind == ClaimKind::Count && claim.unit.is_none() || claim.kind == ClaimKind::Money)
            && claim.value.is_some()
            && !claim.boilerplate
            && !claim.context.partitive
    };
    let same_sentence = |a: &Claim, b: &Claim| a.doc == b.doc && a.context.sentence == b.context.sentence;
    // Each after the one before.
    for index in 1..claims.len() {
        let (claim, previous) = (&claims[index], &claims[index - 1]);
        if choices[index].is_some() || !bare(claim) || !same_sentence(claim, previous) {
            continue;
        }
        let Some(Choice::Framed(frame)) = &choices[index - 1] else {
            continue;
        };
        if previous.span.end > claim.span.start {
            continue;
        }
        let file = files[claim.doc];
        let between = file.slice(previous.span.end..claim.span.start);
        let after = file.slice(claim.span.end..claim.context.sentence.end);
        // `raised to 62,000 from 51,000`: the figure it was raised from.
        let earlier = matches!(
            between
                .trim()
                .trim_start_matches(',')
                .trim_start()
                .to_lowercase()
                .as_str(),
            "from" | "up from" | "down from" | "compared with" | "compared to" | "against"
        );
        // `€47.5 billion (or £40.8 billion)`, `41.4 billion euros, or 37.1 billion pounds`: one
        // sum in another currency.
        let equivalent = claim.kind == ClaimKind::Money
            && previous.kind == ClaimKind::Money
            && matches!(
                between.trim(),
                "(" | "(or" | ", or" | "or" | "(about" | "(around" | ", about"
            );
        // Only a running figure reads two figures of one story as successive: another measure
        // would read them as a contradiction.
        let running = vocabulary
            .measure(&frame.measure)
            .is_some_and(|m| m.cumulative || m.rolling);
        if earlier && running {
            let frame = Frame {
                how: format!("{}, as the figure before it moved from", frame.how),
                ..frame.clone()
            };
            choices[index] = Some(Choice::Framed(frame));
        } else if equivalent {
            let mut qualifiers = frame.qualifiers.clone();
            if let Some(unit) = &previous.unit {
                qualifiers.remove(&unit.to_lowercase());
            }
            if let Some(unit) = &claim.unit {
                qualifiers.insert(unit.to_lowercase());
            }
            let frame = Frame {
                qualifiers,
                how: format!("{}, as the sum before it in another currency", frame.how),
                ..frame.clone()
            };
            choices[index] = Some(Choice::Framed(frame));
        } else if let Some(frame) = subject::elliptic_frame(frame, between, after, vocabulary) {
            choices[index] = Some(Choice::Framed(frame));
        }
    }
    // Each from the last, by `respectively`.
    let mut index = 0;
    while index < claims.len() {
        let mut end = index;
        while end + 1 < claims.len()
            && choices[end].is_none()
            && bare(&claims[end])
            && same_sentence(&claims[end], &claims[end + 1])
        {
            end += 1;
        }
        if end > index
            && let Some(Choice::Framed(last)) = &choices[end]
        {
            let claim = &claims[end];
            let sentence = claim.context.sentence.clone();
            let relative =
                |c: &Claim| c.span.start.saturating_sub(sentence.start)..c.span.end.saturating_sub(sentence.start);
            let spans: Vec<std::ops::Range<usize>> = claims[index..=end].iter().map(relative).collect();
            let written = files[claim.doc].slice(sentence.clone());
            if let Some(frames) = subject::respective_frames(written, &spans, last, vocabulary) {
                for (offset, frame) in frames.into_iter().enumerate() {
                    choices[index + offset] = Some(Choice::Framed(frame));
                }
            }
        }
        index = end + 1;
    }
    totals_of_earlier_figures(claims, files, vocabulary, choices)
}

/// `14 more cases …, bringing the total to 64`: a bare total, tally or number takes the
/// measure of the nearest figure before it in its sentence, as the whole of it: a part of that
/// figure (`more`, `new`) is not the total's.
fn totals_of_earlier_figures(
    claims: &[Claim],
    files: &[&SourceFile],
    vocabulary: &Vocabulary,
    mut choices: Vec<Option<Choice>>,
) -> Vec<Option<Choice>> {
    for index in 1..claims.len() {
        let claim = &claims[index];
        if choices[index].is_some() || claim.kind != ClaimKind::Count || claim.unit.is_some() || claim.value.is_none() {
            continue;
        }
        let sentence = claim.context.sentence.clone();
        if claim.span.start < sentence.start {
            continue;
        }
        let before = files[claim.doc].slice(sentence.start..claim.span.start);
        let Some(head) = subject::bare_total_before(before, vocabulary) else {
            continue;
        };
        let earlier = (0..index)
            .rev()
            .take_while(|&i| claims[i].doc == claim.doc && claims[i].context.sentence == sentence)
            .find_map(|i| match &choices[i] {
                Some(Choice::Framed(frame))
                    if vocabulary
                        .measure(&frame.measure)
                        .is_some_and(|m| m.cumulative || m.rolling) =>
                {
                    Some(frame)
                }
                _ => None,
            });
        if let Some(frame) = earlier {
            let qualifiers = frame
                .qualifiers
                .iter()
                .filter(|q| !vocabulary.is_part_qualifier(q))
                .cloned()
                .collect();
            let frame = Frame {
                qualifiers,
                how: format!("“{head}” of the figure before it ({})", frame.how),
                ..frame.clone()
            };
            choices[index] = Some(Choice::Framed(frame));
        }
    }
    choices
}

/// The year of each document, as the claims dated by their document carry it.
fn document_years(claims: &[Claim]) -> Vec<Option<i16>> {
    let mut years = Vec::new();
    for claim in claims {
        if years.len() <= claim.doc {
            years.resize(claim.doc + 1, None);
        }
        if let Some(time) = claim.time
            && time.source == crate::extract::TimeSource::DocumentDate
            && let Some(from) = time.from
        {
            years[claim.doc] = Some(from.year());
        }
    }
    years
}

/// Links claims made elsewhere (`check --claims`) by the subject key each one carries:
/// `keys[i]` is claim `i`'s subject, as the `extract` that made it linked it. A key the rule
/// files declare takes its label; any other key is its own label. Roles and persons are
/// linked as [`link`] links them.
pub fn link_by_subject(
    claims: &[Claim],
    keys: &[Option<String>],
    subjects: &[SubjectDef],
    gazetteer: &Gazetteer,
) -> ClaimGraph {
    let mut groups: Vec<Subject> = Vec::new();
    let mut index_of: HashMap<&str, usize> = HashMap::new();
    let mut subject_of = vec![None; claims.len()];
    let mut reasons: Vec<Option<String>> = vec![None; claims.len()];
    for (claim, key) in keys.iter().enumerate() {
        let Some(key) = key.as_deref() else { continue };
        let group = *index_of.entry(key).or_insert_with(|| {
            let declared = subjects.iter().find(|d| d.id == key);
            groups.push(Subject {
                key: key.to_owned(),
                label: declared.map_or_else(|| key.to_owned(), |d| d.label.clone()),
                declared: declared.is_some(),
                claims: Vec::new(),
                cumulative: false,
                rolling: false,
                by_noun: false,
            });
            groups.len() - 1
        });
        groups[group].claims.push(claim);
        subject_of[claim] = Some(group);
        reasons[claim] = Some(format!("subject `{key}` in the claim record"));
    }
    build(claims, groups, subject_of, reasons, gazetteer)
}

/// The graph of claims already assigned to subjects: subject edges, then roles and persons.
fn build(
    claims: &[Claim],
    groups: Vec<Subject>,
    subject_of: Vec<Option<usize>>,
    mut reasons: Vec<Option<String>>,
    gazetteer: &Gazetteer,
) -> ClaimGraph {
    let mut graph = DiGraph::new();
    let claim_nodes: Vec<NodeIndex> = (0..claims.len()).map(|i| graph.add_node(Node::Claim(i))).collect();
    let subject_nodes: Vec<NodeIndex> = (0..groups.len()).map(|i| graph.add_node(Node::Subject(i))).collect();
    for (claim, subject) in subject_of.iter().enumerate() {
        if let Some(s) = subject {
            graph.add_edge(claim_nodes[claim], subject_nodes[*s], Edge::About);
        }
    }

    let role_claims: Vec<usize> = claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind == ClaimKind::Role && !c.boilerplate)
        .map(|(i, _)| i)
        .collect();
    let roles = role_groups(claims, &role_claims, gazetteer);
    for group in &roles {
        for &claim in &group.claims {
            let written = claims[claim]
                .role
                .as_ref()
                .map(|r| r.title.as_str())
                .unwrap_or_default();
            reasons[claim] = Some(format!("title `{written}` read as {}", group.label));
        }
    }
    let role_nodes: Vec<NodeIndex> = (0..roles.len()).map(|i| graph.add_node(Node::Role(i))).collect();
    for (r, group) in roles.iter().enumerate() {
        for &claim in &group.claims {
            graph.add_edge(claim_nodes[claim], role_nodes[r], Edge::Holds);
        }
    }

    let (persons, person_of) = persons::resolve(claims, &role_claims, &roles);
    for (claim, person) in person_of.iter().enumerate() {
        let Some(p) = *person else { continue };
        let Some(target) = persons[p].same_as else { continue };
        let how = if persons[p].variant {
            "a near spelling of"
        } else {
            "a short form of"
        };
        if let Some(reason) = &mut reasons[claim] {
            reason.push_str(&format!("; “{}” is {how} “{}”", persons[p].name, persons[target].name));
        }
    }
    let person_nodes: Vec<NodeIndex> = (0..persons.len()).map(|i| graph.add_node(Node::Person(i))).collect();
    for (claim, person) in person_of.iter().enumerate() {
        if let Some(p) = person {
            graph.add_edge(claim_nodes[claim], person_nodes[*p], Edge::Names);
        }
    }
    for (p, person) in persons.iter().enumerate() {
        if let Some(target) = person.same_as {
            let edge = if person.variant { Edge::NameVariant } else { Edge::Alias };
            graph.add_edge(person_nodes[p], person_nodes[target], edge);
        }
    }

    ClaimGraph {
        graph,
        subjects: groups,
        roles,
        persons,
        subject_of,
        person_of,
        reasons,
        spellings: Vec::new(),
    }
}

impl ClaimGraph {
    /// Finds the names that documents spell differently and adds a name claim for each
    /// mention involved to `claims`. A pair the role titles already tie (a person's variant)
    /// is left to them.
    pub fn add_spellings(&mut self, claims: &mut Vec<Claim>, names: &[(usize, &subject::NameMention)]) {
        let written: Vec<&str> = names.iter().map(|(_, m)| m.name.as_str()).collect();
        let known_pairs: std::collections::HashSet<(String, String)> = self
            .persons
            .iter()
            .filter(|p| p.variant)
            .filter_map(|p| {
                p.same_as
                    .map(|t| (p.name.to_lowercase(), self.persons[t].name.to_lowercase()))
            })
            .collect();
        let groups = subject::spelling_groups(&written);
        // A word of a longer name found to vary is reported with that name, not again alone.
        let multiword_words: std::collections::HashSet<String> = groups
            .iter()
            .flat_map(|g| g.variants.iter().map(|(v, _)| v.to_lowercase()))
            .filter(|v| v.contains(' '))
            .flat_map(|v| v.split(' ').map(str::to_owned).collect::<Vec<_>>())
            .collect();
        // Each variant with its mentions, then a few of the usual spelling's (a document
        // mentions each name once, so these are in different documents).
        let mut found: Vec<(&subject::SpellingGroup, &str, Vec<usize>)> = Vec::new();
        for group in &groups {
            for (variant, mentions) in &group.variants {
                let pair = (variant.to_lowercase(), group.usual.to_lowercase());
                if !pair.0.contains(' ') && multiword_words.contains(&pair.0) {
                    continue;
                }
                if known_pairs.contains(&pair) || known_pairs.contains(&(pair.1.clone(), pair.0.clone())) {
                    continue;
                }
                let usual = group.usual_mentions.iter().take(USUAL_QUOTED);
                let quoted: Vec<usize> = mentions.iter().chain(usual).copied().collect();
                found.push((group, variant, quoted));
            }
        }
        // The claims vector is long: grow it once, by what is added.
        claims.reserve_exact(found.iter().map(|(_, _, quoted)| quoted.len()).sum());
        for (group, variant, quoted) in found {
            let ids = quoted
                .into_iter()
                .map(|mention| {
                    let (doc, m) = names[mention];
                    claims.push(Claim {
                        doc,
                        span: m.range.clone(),
                        kind: ClaimKind::Name,
                        value: None,
                        unit: None,
                        class: None,
                        time: None,
                        context: crate::extract::Context {
                            sentence: m.range.clone(),
                            ..Default::default()
                        },
                        role: None,
                        boilerplate: false,
                        modality: crate::extract::Modality::Asserted,
                        reported: false,
                    });
                    claims.len() - 1
                })
                .collect();
            self.spellings.push(Spelling {
                usual: group.usual.clone(),
                variant: variant.to_owned(),
                claims: ids,
                usual_documents: group.usual_mentions.len(),
            });
        }
        let grown = claims.len();
        self.subject_of.resize(grown, None);
        self.person_of.resize(grown, None);
        self.reasons.resize(grown, None);
    }
}

/// `rule-file subject nato/training-mission/personnel: owner nato, class personnel, …`
fn declared_reason(def: &SubjectDef, claim: &Claim, sentence: &str) -> String {
    let mut parts = vec![format!("rule-file subject `{}`", def.id)];
    if let Some(entity) = &def.entity {
        parts.push(format!("owner {entity}"));
    }
    if let Some(class) = def.class {
        parts.push(format!("class {}", class.as_str()));
    }
    if !def.units.is_empty() {
        parts.push(format!("unit {}", claim.unit.as_deref().unwrap_or("?")));
    }
    let found: Vec<&str> = def
        .context
        .iter()
        .filter(|w| contains_word_prefix(sentence, &w.to_lowercase()))
        .map(String::as_str)
        .collect();
    if !found.is_empty() {
        parts.push(format!("sentence mentions “{}”", found.join("”, “")));
    }
    let aliases: Vec<&str> = def
        .aliases
        .iter()
        .filter(|a| sentence.contains(&a.to_lowercase()))
        .map(String::as_str)
        .collect();
    if !aliases.is_empty() {
        parts.push(format!("alias “{}”", aliases.join("”, “")));
    }
    if let Some(pattern) = &def.pattern {
        parts.push(format!("sentence matches /{}/", pattern.as_str()));
    }
    if let Some(place) = &def.place {
        parts.push(format!("place {place}"));
    }
    parts.join(", ")
}

/// `same owner nato, place iraq and class personnel (soldiers)`
fn heuristic_reason(claim: &Claim) -> String {
    let context = &claim.context;
    let owner = context.owner.as_deref().unwrap_or("?");
    if let Some(share) = &context.share_of {
        return format!("owner {owner}, percent of {share}");
    }
    if let Some(purpose) = &context.purpose {
        return format!("owner {owner}, money for {purpose}");
    }
    let class = claim.class.map_or("?", UnitClass::as_str);
    let noun = claim.unit.as_deref().map(|u| format!(" ({u})")).unwrap_or_default();
    match &context.place {
        Some(place) => format!("owner {owner}, place {place}, class {class}{noun}"),
        None => format!("owner {owner}, class {class}{noun}"),
    }
}

/// How specifically `def` matches `claim`, or `None` when it does not.
/// How specifically `def` describes `claim`, whose sentence is `written` (and `sentence` in
/// lower case); `None` when it does not describe it.
fn match_score(def: &SubjectDef, claim: &Claim, written: &str, sentence: &str) -> Option<usize> {
    let mut score = 0;
    if let Some(pattern) = &def.pattern {
        if !pattern.is_match(written) {
            return None;
        }
        score += 1;
    }
    if let Some(class) = def.class {
        if claim.class != Some(class) {
            return None;
        }
        score += 1;
    }
    if !def.units.is_empty() {
        let unit = claim.unit.as_deref()?;
        if !def.units.iter().any(|u| u.eq_ignore_ascii_case(unit)) {
            return None;
        }
        score += 1;
    }
    if def.class.is_none() && def.units.is_empty() {
        // A subject with no class or unit only takes claims that count something.
        claim.class?;
    }
    let alias_present = def.aliases.iter().any(|a| sentence.contains(&a.to_lowercase()));
    if let Some(entity) = &def.entity {
        match claim.context.owner.as_deref() {
            Some(owner) if owner == entity => score += 2,
            // Another entity owns the number: an alias in the sentence does not change that.
            Some(_) => return None,
            None if alias_present => score += 1,
            None => return None,
        }
    } else if !def.aliases.is_empty() {
        if !alias_present {
            return None;
        }
        score += 1;
    }
    if !def.context.is_empty() {
        let found = def
            .context
            .iter()
            .any(|word| contains_word_prefix(sentence, &word.to_lowercase()));
        if !found {
            return None;
        }
        score += 1;
    }
    if let Some(place) = &def.place {
        if claim.context.place.as_deref().is_some_and(|p| p != place) {
            return None;
        }
        score += 1;
    }
    Some(score)
}

fn contains_word_prefix(text: &str, prefix: &str) -> bool {
    text.match_indices(prefix)
        .any(|(i, _)| !text[..i].chars().next_back().is_some_and(char::is_alphanumeric))
}

/// The only item, if there is exactly one.
fn unique<T>(mut items: impl Iterator<Item = T>) -> Option<T> {
    match (items.next(), items.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}

/// `owner/place/class`, or `owner/percent-of-gdp` — with a readable label.
fn heuristic_subject(claim: &Claim, gazetteer: &Gazetteer) -> Option<(String, String)> {
    let context = &claim.context;
    let owner = context.owner.as_deref()?;
    let owner_name = gazetteer
        .get(owner)
        .map_or(owner, |i| gazetteer.entities[i].name.as_str());
    if claim.kind == ClaimKind::Percent {
        let share = context.share_of.as_deref()?;
        return Some((
            format!("{owner}/percent-of-{share}"),
            format!("{owner_name}: percent of {share}"),
        ));
    }
    if claim.kind == ClaimKind::Money {
        // Money is compared only with money of the same owner for the same purpose.
        let purpose = context.purpose.as_deref()?;
        return Some((
            format!("{owner}/money/{purpose}"),
            format!("{owner_name}: money for {purpose}"),
        ));
    }
    let class = claim.class.filter(|c| HEURISTIC_CLASSES.contains(c))?;

    // The dead and the injured are told apart by the words around the number: the subject
    // stage reads them.
    if class == UnitClass::Casualties {
        return None;
    }
    // Members are counted by the subject stage too, which reads ordinals (`the 31st member`)
    // and the set's topic.
    if class == UnitClass::Countries {
        return None;
    }
    match context.place.as_deref() {
        Some(place) => {
            let place_name = gazetteer
                .get(place)
                .map_or(place, |i| gazetteer.entities[i].name.as_str());
            Some((
                format!("{owner}/{place}/{}", class.as_str()),
                format!("{} of {owner_name} in {place_name}", class.as_str()),
            ))
        }
        None => Some((
            format!("{owner}/{}", class.as_str()),
            format!("{} of {owner_name}", class.as_str()),
        )),
    }
}

/// Groups role claims by organisation and title. A title written without its organisation
/// joins the one group of that title whose holders include the same person, else the one
/// group of that title for the only organisation its sentence names, else (when its sentence
/// names none) the one group of that title its document already uses; otherwise it groups with
/// the other titles written without an organisation.
///
/// Each of those questions is answered from an index (title and surname, title and document),
/// never by reading a group's members, so the work grows with the role claims, not with the
/// product of the titles written without and with an organisation.
fn role_groups(claims: &[Claim], role_claims: &[usize], gazetteer: &Gazetteer) -> Vec<RoleGroup> {
    let mut by_key: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut orphans = Vec::new();
    for &index in role_claims {
        let Some(role) = &claims[index].role else { continue };
        match &role.org {
            Some(org) => by_key.entry(format!("{org}/{}", role.title)).or_default().push(index),
            None => orphans.push(index),
        }
    }
    let surname = |index: usize| {
        claims[index]
            .role
            .as_ref()
            .and_then(|r| r.person.split_whitespace().last().map(str::to_lowercase))
    };
    // The groups of each title (as the end of a key after a `/`: `us/secretary of defense`
    // is a group of `secretary of defense`) and surname of a holder.
    let mut by_holder_index: HashMap<(&str, Option<String>), BTreeSet<&str>> = HashMap::new();
    for (key, members) in &by_key {
        for title in titles_of_key(key) {
            for &m in members {
                by_holder_index.entry((title, surname(m))).or_default().insert(key);
            }
        }
    }
    let mut unresolved = Vec::new();
    let mut joined: Vec<(usize, String)> = Vec::new();
    for index in orphans {
        let Some(role) = &claims[index].role else { continue };
        let suffix = format!("/{}", role.title);
        let holder = surname(index);
        // `Defense Secretary Mark Esper` joins `US Secretary of Defense Mark Esper`; a title
        // alone is not enough, since every country has a president.
        let by_holder = by_holder_index
            .get(&(role.title.as_str(), holder.clone()))
            .and_then(|keys| unique(keys.iter()));
        // Else the organisation its sentence names, when it names only one.
        let by_sentence = || {
            unique(role.sentence_orgs.iter())
                .map(|org| format!("{org}{suffix}"))
                .and_then(|k| by_key.get_key_value(&k).map(|(k, _)| k.as_str()))
        };
        match by_holder.copied().or_else(by_sentence) {
            Some(key) => {
                // The holder now stands in that group for the titles read after it.
                for title in titles_of_key(key) {
                    by_holder_index.entry((title, holder.clone())).or_default().insert(key);
                }
                joined.push((index, key.to_owned()));
            }
            None => unresolved.push(index),
        }
    }
    // Else the organisation of the same title elsewhere in its document: `fired Defense
    // Secretary Mark Esper … Acting Defense Secretary Christopher Miller`.
    let mut by_document: HashMap<(&str, usize), BTreeSet<&str>> = HashMap::new();
    if !unresolved.is_empty() {
        let members = by_key
            .iter()
            .flat_map(|(key, members)| members.iter().map(move |&m| (key.as_str(), m)))
            .chain(joined.iter().map(|(index, key)| (key.as_str(), *index)));
        for (key, m) in members {
            for title in titles_of_key(key) {
                by_document.entry((title, claims[m].doc)).or_default().insert(key);
            }
        }
    }
    let mut placed: Vec<(usize, String)> = Vec::new();
    for index in unresolved {
        let Some(role) = &claims[index].role else { continue };
        // A sentence that names organisations, none of them alone, leaves the title open:
        // `President Joe Biden said a Russian invasion of Ukraine …` is no one's president
        // from the story's `Russian President Vladimir Putin`.
        let key = match by_document
            .get(&(role.title.as_str(), claims[index].doc))
            .filter(|_| role.sentence_orgs.is_empty())
            .and_then(|keys| unique(keys.iter()))
        {
            Some(only) => (*only).to_owned(),
            None => role.title.clone(),
        };
        placed.push((index, key));
    }
    for (index, key) in joined.into_iter().chain(placed) {
        by_key.entry(key).or_default().push(index);
    }
    by_key
        .into_iter()
        .map(|(key, mut members)| {
            members.sort_unstable();
            let label = match key.split_once('/') {
                Some((org, title)) => {
                    let name = gazetteer.get(org).map_or(org, |i| gazetteer.entities[i].name.as_str());
                    format!("{name} {title}")
                }
                None => key.clone(),
            };
            RoleGroup {
                key,
                label,
                claims: members,
            }
        })
        .collect()
}

/// The titles a group's key stands for: what follows each `/` in it (`us/secretary of
/// defense` is a group of `secretary of defense`), as a title written without its
/// organisation is matched to the keys that end with `/` and the title.
fn titles_of_key(key: &str) -> impl Iterator<Item = &str> {
    key.match_indices('/').map(move |(at, _)| &key[at + 1..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Context, Modality, Role};

    fn role_claim(doc: usize, title: &str, org: Option<&str>, person: &str, sentence_orgs: &[&str]) -> Claim {
        Claim {
            doc,
            span: 0..1,
            kind: ClaimKind::Role,
            value: None,
            unit: None,
            class: None,
            time: None,
            context: Context::default(),
            role: Some(Box::new(Role {
                title: title.to_owned(),
                org: org.map(str::to_owned),
                person: person.to_owned(),
                former: false,
                sentence_orgs: sentence_orgs.iter().map(|&o| o.to_owned()).collect(),
            })),
            boilerplate: false,
            modality: Modality::Asserted,
            reported: false,
        }
    }

    fn groups(claims: &[Claim]) -> BTreeMap<String, Vec<usize>> {
        let role_claims: Vec<usize> = (0..claims.len()).collect();
        role_groups(claims, &role_claims, &Gazetteer::new(Vec::new(), &[]))
            .into_iter()
            .map(|g| (g.key, g.claims))
            .collect()
    }

    #[test]
    fn thousands_of_titles_without_their_organisation_join_their_holders_group() {
        const DOCS: usize = 3_000;
        let mut claims = Vec::new();
        for doc in 0..DOCS {
            // Every document names the holder, half of them without the country.
            let org = (doc % 2 == 0).then_some("us");
            claims.push(role_claim(doc, "secretary of defense", org, "Mark Esper", &[]));
        }
        // A second holder of the title named only without its country: the one whose sentence
        // names the country joins its group, and then so does the next mention of him.
        claims.push(role_claim(DOCS, "secretary of defense", None, "Lloyd Austin", &["us"]));
        claims.push(role_claim(DOCS + 1, "secretary of defense", None, "Lloyd Austin", &[]));
        // A third, in a document that already uses the country's title.
        claims.push(role_claim(0, "secretary of defense", None, "Christopher Miller", &[]));
        // A fourth, with nothing to place him: the title alone.
        claims.push(role_claim(DOCS + 2, "secretary of defense", None, "Pat Shanahan", &[]));
        let groups = groups(&claims);
        assert_eq!(
            groups.keys().collect::<Vec<_>>(),
            ["secretary of defense", "us/secretary of defense"]
        );
        assert_eq!(groups["us/secretary of defense"].len(), DOCS + 3);
        assert_eq!(groups["secretary of defense"], [DOCS + 3]);
    }

    #[test]
    fn a_title_is_matched_to_the_keys_that_end_with_it() {
        assert_eq!(
            titles_of_key("us/secretary of defense").collect::<Vec<_>>(),
            ["secretary of defense"]
        );
        assert_eq!(titles_of_key("a/b/c").collect::<Vec<_>>(), ["b/c", "c"]);
        assert_eq!(titles_of_key("president").count(), 0);
    }
}
