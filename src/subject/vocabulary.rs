//! The subject stage's words, read from `rules/measures.toml`.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use serde::Deserialize;

/// The measures file shipped with claimlint.
pub const MEASURES: &str = include_str!("../../rules/measures.toml");

/// One thing numbers count: deaths, downloads, members.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub nouns: Vec<String>,
    #[serde(default)]
    pub verbs: Vec<String>,
    #[serde(default)]
    pub verbs_before: Vec<String>,
    #[serde(default)]
    pub metric: Vec<String>,
    /// What an event did: places say where, and another year is another event.
    #[serde(default)]
    pub event: bool,
    /// A running total: any two dates make a change.
    #[serde(default)]
    pub cumulative: bool,
    /// Updated as the news comes in, up or down: figures of two days are a change, and only
    /// figures of one day contradict.
    #[serde(default)]
    pub rolling: bool,
    /// Counts of it need a known owner: a force or a membership of nobody in particular is
    /// not compared.
    #[serde(default)]
    pub owned: bool,
    /// What kind of figure it is: `count` (the default), `money` or `percent`. A measure
    /// names only figures of its kind (`the bill at £39bn`, `turnout of 84.6%`).
    #[serde(default)]
    pub amount: Amount,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Amount {
    #[default]
    Count,
    Money,
    Percent,
}

impl Measure {
    /// Whether `word` is one of the verbs that name this measure.
    pub fn names_verb(&self, word: &str) -> bool {
        self.verbs
            .iter()
            .chain(&self.verbs_before)
            .chain(&self.nouns)
            .any(|v| v == word)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    generic: Vec<String>,
    auxiliaries: Vec<String>,
    measure: Vec<Measure>,
    parts: HashMap<String, String>,
    targets: Vec<String>,
    states: Vec<String>,
    #[serde(default)]
    same_states: HashMap<String, String>,
    sources: Vec<String>,
    source_verbs: Vec<String>,
    movers: Vec<String>,
    setters: Vec<String>,
    carriers: Vec<String>,
    organisations: Vec<String>,
    vague: Vec<String>,
    not_names: Vec<String>,
    joiners: Vec<String>,
    place_nouns: Vec<String>,
    metric_heads: Vec<String>,
    side_carriers: Vec<String>,
    result_words: Vec<String>,
    generic_scopes: Vec<String>,
    worldwide: Vec<String>,
    event_nouns: Vec<String>,
    estimate_words: Vec<String>,
    speakers: Vec<String>,
    bare_totals: Vec<String>,
}

/// The measures and the words around numbers that build subjects.
#[derive(Debug)]
pub struct Vocabulary {
    pub measures: Vec<Measure>,
    nouns: HashMap<String, usize>,
    after: HashMap<String, usize>,
    before: HashMap<String, usize>,
    /// Metric phrases as word lists, by their last word, longest first.
    metrics: HashMap<String, Vec<(Vec<String>, usize)>>,
    generic: HashSet<String>,
    auxiliaries: HashSet<String>,
    parts: HashMap<String, String>,
    pub targets: HashSet<String>,
    states: HashSet<String>,
    same_states: HashMap<String, String>,
    sources: HashSet<String>,
    pub source_verbs: HashSet<String>,
    movers: HashSet<String>,
    setters: HashSet<String>,
    carriers: HashSet<String>,
    organisations: HashSet<String>,
    vague: HashSet<String>,
    not_names: HashSet<String>,
    joiners: HashSet<String>,
    place_nouns: HashSet<String>,
    metric_heads: HashSet<String>,
    side_carriers: HashSet<String>,
    /// Words and phrases, searched for in a sentence.
    pub result_words: Vec<String>,
    generic_scopes: HashSet<String>,
    /// Phrases that make a figure the whole world's: `globally`, `around the world`.
    worldwide: Vec<String>,
    /// Nouns of events that kill, destroy or displace: `hurricane`, `quake`.
    event_nouns: HashSet<String>,
    /// Words of a sentence that make an event's figure a study's estimate.
    estimate_words: Vec<String>,
    /// Words for people who count or speak: never a place.
    speakers: HashSet<String>,
    /// Metric heads that name no measure of their own: `total`, `tally`.
    bare_totals: HashSet<String>,
}

static BUILT_IN: LazyLock<Vocabulary> =
    LazyLock::new(|| Vocabulary::parse(MEASURES).expect("the built-in rules/measures.toml is valid"));

impl Vocabulary {
    pub fn built_in() -> &'static Vocabulary {
        &BUILT_IN
    }

    pub fn parse(text: &str) -> Result<Vocabulary, toml::de::Error> {
        let file: File = toml::from_str(text)?;
        let mut nouns = HashMap::new();
        let mut after = HashMap::new();
        let mut before = HashMap::new();
        let mut metrics: HashMap<String, Vec<(Vec<String>, usize)>> = HashMap::new();
        for (index, measure) in file.measure.iter().enumerate() {
            for noun in &measure.nouns {
                nouns.entry(noun.to_lowercase()).or_insert(index);
            }
            for verb in &measure.verbs {
                after.entry(verb.to_lowercase()).or_insert(index);
            }
            for verb in &measure.verbs_before {
                before.entry(verb.to_lowercase()).or_insert(index);
            }
            for phrase in &measure.metric {
                let words: Vec<String> = phrase.to_lowercase().split_whitespace().map(str::to_owned).collect();
                if let Some(last) = words.last() {
                    metrics.entry(last.clone()).or_default().push((words, index));
                }
            }
        }
        for phrases in metrics.values_mut() {
            phrases.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        }
        let lower = |list: Vec<String>| list.into_iter().map(|w| w.to_lowercase()).collect::<HashSet<_>>();
        Ok(Vocabulary {
            measures: file.measure,
            nouns,
            after,
            before,
            metrics,
            generic: lower(file.generic),
            auxiliaries: lower(file.auxiliaries),
            parts: file.parts,
            targets: lower(file.targets),
            states: lower(file.states),
            same_states: file.same_states,
            sources: lower(file.sources),
            source_verbs: lower(file.source_verbs),
            movers: lower(file.movers),
            setters: lower(file.setters),
            carriers: lower(file.carriers),
            organisations: lower(file.organisations),
            vague: lower(file.vague),
            not_names: lower(file.not_names),
            joiners: lower(file.joiners),
            place_nouns: lower(file.place_nouns),
            metric_heads: lower(file.metric_heads),
            side_carriers: lower(file.side_carriers),
            result_words: file.result_words.into_iter().map(|w| w.to_lowercase()).collect(),
            generic_scopes: lower(file.generic_scopes),
            worldwide: file.worldwide.into_iter().map(|w| w.to_lowercase()).collect(),
            event_nouns: lower(file.event_nouns),
            speakers: lower(file.speakers),
            bare_totals: lower(file.bare_totals),
            estimate_words: file.estimate_words.into_iter().map(|w| w.to_lowercase()).collect(),
        })
    }

    pub fn measure_of_noun(&self, noun: &str) -> Option<usize> {
        self.nouns.get(noun).copied()
    }

    /// A measure of money or percent named right after the figure: `a £39bn divorce bill`.
    pub fn noun_after(&self, after: &[String], amount: Amount) -> Option<(usize, String)> {
        let of_amount = |m: &usize| self.measures[*m].amount == amount;
        let two = (after.len() >= 2).then(|| format!("{} {}", after[0], after[1]));
        two.and_then(|w| self.nouns.get(&w).copied().filter(of_amount).map(|m| (m, w)))
            .or_else(|| {
                let first = after.first()?;
                self.nouns
                    .get(first)
                    .copied()
                    .filter(of_amount)
                    .map(|m| (m, first.clone()))
            })
    }

    pub fn is_generic(&self, noun: &str) -> bool {
        self.generic.contains(noun)
    }

    pub fn is_source(&self, name: &str) -> bool {
        self.sources.contains(name)
    }

    /// A word that only carries a figure to the number after it (`rose to`, `at least`).
    pub fn is_carrier(&self, word: &str) -> bool {
        self.carriers.contains(word) || self.movers.contains(word)
    }

    /// Whether a name (lower case) names a body that counts rather than a place.
    pub fn is_organisation(&self, name: &str) -> bool {
        name.split([' ', '-']).any(|w| self.organisations.contains(w))
    }

    /// A counted noun too vague to make a subject of its own.
    pub fn is_vague(&self, noun: &str) -> bool {
        self.vague.contains(noun)
    }

    /// A word, in any case, that opens no name. Every such word is short and ASCII, so it is
    /// lower-cased on the stack: this runs on every capitalised word of every document.
    pub fn is_not_name(&self, word: &str) -> bool {
        let mut buffer = [0u8; 16];
        let Some(lower) = buffer.get_mut(..word.len()) else {
            return false;
        };
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        std::str::from_utf8(lower).is_ok_and(|w| self.not_names.contains(w))
    }

    /// A lower-case particle inside a name (`al` in `Abd al-Karim`).
    pub fn is_joiner(&self, word: &str) -> bool {
        self.joiners.contains(word)
    }

    /// `N people died`, `N have been confirmed dead`: the first word after the number's
    /// auxiliaries, when it names a measure.
    pub fn verb_after<'w>(&self, after: &'w [String]) -> Option<(usize, &'w str)> {
        for word in after.iter().take(6) {
            if let Some(&m) = self.after.get(word) {
                return Some((m, word));
            }
            if !self.auxiliaries.contains(word) {
                return None;
            }
        }
        None
    }

    /// The measure a frame names, when it is one of the vocabulary's.
    pub fn measure(&self, measure: &super::MeasureRef) -> Option<&Measure> {
        match measure {
            super::MeasureRef::Known(m) => self.measures.get(*m),
            super::MeasureRef::Noun(_) => None,
        }
    }

    /// The index of the measure with `id`.
    pub fn measure_id(&self, id: &str) -> Option<usize> {
        self.measures.iter().position(|m| m.id == id)
    }

    /// A noun of a place a relative `where` may follow (`region`).
    pub fn is_place_noun(&self, word: &str) -> bool {
        self.place_nouns.contains(word)
    }

    /// A noun of a figure after which `in` names where it was counted (`toll`).
    pub fn is_metric_head(&self, word: &str) -> bool {
        self.metric_heads.contains(word)
    }

    /// A word between the side of a vote and its share (`at`, `side`, `secured`).
    pub fn is_side_carrier(&self, word: &str) -> bool {
        self.side_carriers.contains(word)
    }

    /// A scope made only of words of a competition in general (`Summer Games`).
    /// Whether a name is an event's (`Hurricane Maria`, `the Camp Fire`), holds a measure's
    /// word (`Puerto Rico Death Toll Rises`) or is a word for speakers (`Authorities`): no place.
    pub fn names_event_or_measure(&self, name: &str) -> bool {
        if self.speakers.contains(&name.to_lowercase()) {
            return true;
        }
        name.split([' ', '-']).any(|w| {
            let w = w.to_lowercase();
            self.event_nouns.contains(&w) || self.nouns.contains_key(&w) || self.is_metric_head(&w)
        })
    }

    /// Whether `sentence` (lower case) gives a study's estimate rather than a count.
    pub fn is_estimate(&self, sentence: &str) -> bool {
        self.estimate_words.iter().any(|w| super::contains_word(sentence, w))
    }

    /// Whether `clause` (lower case) counts the whole world: `globally`, `around the world`.
    pub fn is_worldwide(&self, clause: &str) -> bool {
        self.worldwide.iter().any(|w| super::contains_word(clause, w))
    }

    pub fn is_generic_scope(&self, scope: &str) -> bool {
        scope.split(' ').all(|w| self.generic_scopes.contains(w))
    }

    /// A verb that moves a figure (`rose`, `climbed`, `raised`).
    pub fn is_mover(&self, word: &str) -> bool {
        self.movers.contains(word) || self.setters.contains(word)
    }

    /// Whether `word` names a measure as its noun or its metric (`deaths`, `turnout`).
    pub fn is_measure_word(&self, word: &str) -> bool {
        self.nouns.contains_key(word)
            || self
                .metrics
                .get(word)
                .is_some_and(|p| p.iter().any(|(w, _)| w.len() == 1))
    }

    /// Whether `word` is a verb that names a measure with its number after it (`killed`).
    pub fn is_verb_before(&self, word: &str) -> bool {
        self.before.contains_key(word)
    }

    /// `killed 40 people`, `injuring at least 300`: a verb just before the number, past words
    /// that only carry it ("at least", "more than").
    pub fn verb_before<'w>(&self, before: &'w [String]) -> Option<(usize, &'w str)> {
        for (back, word) in before.iter().rev().take(5).enumerate() {
            if let Some(&m) = self.before.get(word) {
                // `the rubble left by a 6.5 quake`: a passive verb's agent is not what it did.
                let passive = back > 0 && before[before.len() - back] == "by";
                return (!passive).then_some((m, word.as_str()));
            }
            if !self.is_carrier(word) {
                return None;
            }
        }
        None
    }

    /// `the death toll rose to 381`, `a toll of 94`, `deaths have risen to 4,447`: the nearest
    /// metric phrase before the number whose words up to the number only carry a figure or
    /// name where and when; a measure's own noun needs a verb that moves it.
    pub fn metric_before(&self, before: &[String]) -> Option<(usize, String)> {
        for end in (1..=before.len()).rev().take(16) {
            // `raised the official death toll from the quake to 38,000`: a verb that sets
            // the metric moves it as well as one after it.
            let set_before = |n: usize| end >= n && self.set_before(&before[..end - n]);
            for (phrase, m) in self.metrics.get(&before[end - 1]).into_iter().flatten() {
                let n = phrase.len();
                if end >= n
                    && before[end - n..end] == phrase[..]
                    && self.carries_to_number(&before[end..], set_before(n))
                {
                    return Some((*m, phrase.join(" ")));
                }
            }
            let word = &before[end - 1];
            // `the official death count stands at 62`, `her Grand Slam tally to 14`: a metric head
            // after a measure's noun.
            if self.is_metric_head(word)
                && end >= 2
                && let Some(m) = self.noun_before_head(&before[..end - 1])
                && self.carries_to_number(&before[end..], set_before(2))
            {
                return Some((m, format!("{} {word}", before[end - 2])));
            }
            if let Some(&m) = self.nouns.get(word) {
                let between = &before[end..];
                let moved = between.iter().any(|w| self.movers.contains(w));
                // `deaths have risen to 4,447`, `the number of suspected cases in Brazil has
                // risen by 640, from 1761 to 2401`
                let carried =
                    between.iter().all(|w| self.is_carrier(w)) || self.carries_to_number(between, set_before(1));
                // `Model 3 orders at 180,000`: a figure put at a number is set too.
                let put_at = between.last().is_some_and(|w| w == "at") && between.len() <= 2;
                return ((moved || put_at || set_before(1)) && carried).then(|| (m, word.clone()));
            }
            // `the total number of people diagnosed with the disease to 122`: a measure's verb
            // inside a metric phrase.
            if let Some(&m) = self.after.get(word) {
                let opens_metric = before[end.saturating_sub(5)..end - 1]
                    .windows(2)
                    .any(|w| self.bare_totals.contains(&w[0]) && w[1] == "of");
                let carried = opens_metric && self.carries_to_number(&before[end..], set_before(1));
                return carried.then(|| (m, word.clone()));
            }
            if self.before.contains_key(word) {
                return None;
            }
        }
        None
    }

    /// Whether a verb that sets a metric stands in the last words of `before`, the words before
    /// the metric: `raised the U.S. territory's official death toll`.
    fn set_before(&self, before: &[String]) -> bool {
        before.iter().rev().take(SETTER_REACH).any(|w| self.setters.contains(w))
    }

    /// Whether `qualifier` names a part of a figure (`added`, `rest`).
    pub fn is_part_qualifier(&self, qualifier: &str) -> bool {
        self.parts.values().any(|p| p == qualifier)
    }

    /// A bare metric head that the words after it carry to the number: `bringing the total in
    /// the country's outbreak to`, `the tally rose to`. Returns the head.
    pub fn bare_total_before<'w>(&self, before: &'w [String]) -> Option<&'w str> {
        (1..=before.len()).rev().take(16).find_map(|end| {
            let word = &before[end - 1];
            if self.nouns.contains_key(word) || self.before.contains_key(word) || self.after.contains_key(word) {
                return Some(None);
            }
            let set = self.set_before(&before[..end - 1]);
            let head = self.bare_totals.contains(word)
                // `the number of people in isolation` counts what follows `of`; `the total of
                // South Koreans with MERS` is still the total.
                && (word == "total" || before.get(end).is_none_or(|next| next != "of"))
                && self.carries_to_number(&before[end..], set);
            head.then_some(Some(word.as_str()))
        })?
    }

    /// Carriers that qualify a figure rather than move it: `nearly`, `more than`, `about`.
    fn is_comparator(&self, word: &str) -> bool {
        self.is_carrier(word) && !matches!(word, "by" | "from" | "to" | "at") && !self.movers.contains(word)
    }

    /// The measure whose noun stands right before a metric head: `death` in `death count`,
    /// `slam` in `Grand Slam tally`.
    fn noun_before_head(&self, before: &[String]) -> Option<usize> {
        let noun = before.last()?;
        self.nouns
            .get(noun)
            .or_else(|| self.nouns.get(&format!("{noun}s")))
            .copied()
            .filter(|&m| self.measures[m].amount == Amount::Count)
    }

    /// Whether the words between a metric phrase and its number carry the figure. Right before
    /// the number only words that carry it may stand (`rose to`, `stood at`, `had been`, `by
    /// 3 to`, `from 39 to`), and one of them, or a verb that set the metric (`set`), must move it;
    /// before those, a short stretch may say where, when or how (`from Sunday's quake in Yunnan`,
    /// `sharply on Friday, increasing from`).
    fn carries_to_number(&self, between: &[String], set: bool) -> bool {
        if between.iter().all(|w| self.is_carrier(w)) {
            return true;
        }
        // `raised the toll from the storm to 48`, `… from 64 to`: what a setter moved and from where.
        let to_number = between.last().is_some_and(|w| w == "to" || w == "at" || w == "from");
        // The figure a move starts from or its size is carried too: `risen by 640, from`,
        // `jumped by nearly 1,200 to` (a number's groups are words of their own here).
        let figure_of_move = |i: usize| {
            // `from $301 million to`: the magnitude is the figure's.
            let i = if i > 0 && is_magnitude(&between[i]) { i - 1 } else { i };
            between[i].starts_with(|c: char| c.is_ascii_digit())
                && between[..i]
                    .iter()
                    .rev()
                    .take(4)
                    .find(|w| !w.starts_with(|c: char| c.is_ascii_digit()) && !self.is_comparator(w))
                    .is_some_and(|w| w == "by" || w == "from")
        };
        let tail = between
            .iter()
            .enumerate()
            .rev()
            .take_while(|&(i, w)| self.is_carrier(w) || self.movers.contains(w) || figure_of_move(i))
            .count();
        let moved = between[between.len() - tail..].iter().any(|w| self.movers.contains(w));
        // A phrase naming the event may run long: `the toll from the quake that hit the north
        // of the country last month to 73,276`.
        between.len() <= 16 && (moved || set && to_number)
    }

    /// A state verb right before the number or right after it (past auxiliaries).
    pub fn state_near(&self, before: &[String], after: &[String]) -> Option<String> {
        let near_after = after
            .iter()
            .take(4)
            .take_while(|w| self.states.contains(*w) || self.auxiliaries.contains(*w) || *w == "under")
            .find(|w| self.states.contains(*w));
        let near_before = || {
            before
                .iter()
                .rev()
                .take(4)
                .take_while(|w| self.states.contains(*w) || self.is_carrier(w))
                .find(|w| self.states.contains(*w))
        };
        near_after.or_else(near_before).map(|w| self.state_name(w))
    }

    /// The qualifier a state word makes: words of one state make one (`dismissed`, `ruled`
    /// out and `discarded`).
    fn state_name(&self, word: &str) -> String {
        self.same_states.get(word).cloned().unwrap_or_else(|| word.to_owned())
    }

    /// A state among the words of a metric phrase before its noun: `the number of confirmed
    /// cases climbed to 583`.
    pub fn state_in_phrase(&self, before: &[String], noun: &str) -> Option<String> {
        let at = before.iter().rposition(|w| w == noun)?;
        before[at.saturating_sub(2)..at]
            .iter()
            .find(|w| self.states.contains(*w))
            .map(|w| self.state_name(w))
    }

    /// `Of the total reported cases, 2,165 are under investigation`: the measure of a counted
    /// noun in an `of` phrase opening the clause, for a number whose own words name only a
    /// state.
    pub fn noun_of_opening(&self, before: &[String]) -> Option<(usize, String)> {
        if before.first().map(String::as_str) != Some("of") || before.len() > 7 {
            return None;
        }
        before[1..]
            .iter()
            .find_map(|w| self.nouns.get(w).map(|&m| (m, w.clone())))
    }

    /// `the other 11`, `another 179`, `30 more` (not `30 more than`).
    pub fn part_near(&self, before: &[String], after: &[String]) -> Option<&str> {
        let just_before = before.last().and_then(|w| self.parts.get(w));
        let after_number = match after {
            [first, second, ..] if second == "than" => self.parts.get(first).filter(|_| false),
            // `rose to 14 last year`: a time, not the last of a group.
            [first, second, ..] if is_time_word(second) => self.parts.get(first).filter(|_| false),
            [first, ..] => self.parts.get(first),
            [] => None,
        };
        just_before.or(after_number).map(String::as_str)
    }

    /// A part word between the number and its noun: `113 new cases`, `11 other boys`.
    pub fn part_within(&self, inside: &[String]) -> Option<&str> {
        inside
            .iter()
            .skip(1)
            .find_map(|w| self.parts.get(w))
            .map(String::as_str)
    }

    /// A state word between the number and its noun: `4,000 suspected cases`.
    pub fn state_within(&self, inside: &[String]) -> Option<String> {
        inside
            .iter()
            .skip(1)
            .find(|w| self.states.contains(*w))
            .map(|w| self.state_name(w))
    }
}

/// How many words before a metric a verb that sets it may stand.
const SETTER_REACH: usize = 5;

/// A word that scales the number before it: `million`, `bn`.
pub(super) fn is_magnitude(word: &str) -> bool {
    matches!(
        word,
        "million" | "billion" | "trillion" | "thousand" | "hundred" | "bn" | "m" | "mn" | "crore" | "lakh"
    )
}

/// A word of a span of time after `last` or `next`: `last year`, `last week`.
fn is_time_word(word: &str) -> bool {
    matches!(
        word,
        "year"
            | "years"
            | "month"
            | "months"
            | "week"
            | "weeks"
            | "night"
            | "day"
            | "days"
            | "weekend"
            | "season"
            | "time"
            | "summer"
            | "winter"
            | "spring"
            | "autumn"
            | "fall"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
    )
}
