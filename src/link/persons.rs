//! Persons named by role claims: one node per distinct name, with alias edges from a surname
//! to the full name and name-variant edges between near-identical spellings.

use std::collections::HashMap;

use crate::extract::Claim;

use super::RoleGroup;

/// A distinct name as written in role claims.
#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    /// Role claims naming this person by this name.
    pub claims: Vec<usize>,
    /// The person this name stands for, when it is an alias or a variant of another.
    pub same_as: Option<usize>,
    /// `same_as` is a near-identical spelling, not a shorter form.
    pub variant: bool,
}

fn surname(name: &str) -> String {
    name.rsplit(' ').next().unwrap_or(name).to_lowercase()
}

/// Whether two full names are spellings of one name: same number of words, and within two
/// edits in all, each differing word within one edit and no shorter than four letters.
pub fn is_name_variant(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    let words_a: Vec<&str> = a.split(' ').collect();
    let words_b: Vec<&str> = b.split(' ').collect();
    if a == b || words_a.len() != words_b.len() || words_a.len() < 2 {
        return false;
    }
    let mut total = 0;
    for (x, y) in words_a.iter().zip(&words_b) {
        if x == y {
            continue;
        }
        let distance = strsim::damerau_levenshtein(x, y);
        if distance > 1 || x.chars().count() < 4 {
            return false;
        }
        total += distance;
    }
    (1..=2).contains(&total)
}

/// Names of more words than this are indexed by their words alone, not by their deletions.
const INDEXED_WORDS: usize = 4;

/// The keys under which two names that [`is_name_variant`] may pair meet: the count of words,
/// two word positions, and the name's words with each of those two written whole or with one
/// letter deleted. Two words one edit apart (a letter changed, added, dropped or swapped)
/// share such a deletion, and a pair of variants differs in at most two words.
fn variant_keys(name: &str) -> Vec<String> {
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower.split(' ').collect();
    if words.len() < 2 {
        return Vec::new();
    }
    let deletions = |word: &str| -> Vec<String> {
        let mut out = vec![word.to_owned()];
        for (at, c) in word.char_indices() {
            out.push(format!("{}{}", &word[..at], &word[at + c.len_utf8()..]));
        }
        out.sort_unstable();
        out.dedup();
        out
    };
    let mut keys = Vec::new();
    for p in 0..words.len() {
        for q in p + 1..words.len() {
            let rest = |variant_p: &str, variant_q: &str| {
                let mut key = format!("{}/{p}/{q}", words.len());
                for (i, word) in words.iter().enumerate() {
                    key.push('\u{1f}');
                    key.push_str(match i {
                        _ if i == p => variant_p,
                        _ if i == q => variant_q,
                        _ => word,
                    });
                }
                key
            };
            if words.len() > INDEXED_WORDS {
                // Positions `p` and `q` may differ in any way: left out of the key.
                keys.push(rest("", ""));
                continue;
            }
            for variant_p in deletions(words[p]) {
                for variant_q in deletions(words[q]) {
                    keys.push(rest(&variant_p, &variant_q));
                }
            }
        }
    }
    keys
}

/// The pairs of `bucket` (sorted person ids) that may be spellings of one name, in the order
/// a comparison of every pair would meet them.
fn variant_candidates(persons: &[Person], bucket: &[usize]) -> Vec<(usize, usize)> {
    if bucket.len() < 2 {
        return Vec::new();
    }
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for &id in bucket {
        for key in variant_keys(&persons[id].name) {
            by_key.entry(key).or_default().push(id);
        }
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for ids in by_key.values() {
        for (i, &a) in ids.iter().enumerate() {
            for &b in &ids[i + 1..] {
                pairs.push((a.min(b), a.max(b)));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

pub(super) fn resolve(
    claims: &[Claim],
    role_claims: &[usize],
    roles: &[RoleGroup],
) -> (Vec<Person>, Vec<Option<usize>>) {
    let mut persons: Vec<Person> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut person_of = vec![None; claims.len()];
    for &index in role_claims {
        let Some(role) = &claims[index].role else { continue };
        let id = *by_name.entry(role.person.clone()).or_insert_with(|| {
            persons.push(Person {
                name: role.person.clone(),
                claims: Vec::new(),
                same_as: None,
                variant: false,
            });
            persons.len() - 1
        });
        persons[id].claims.push(index);
        person_of[index] = Some(id);
    }

    // A surname alone stands for the one full name with that surname.
    let mut by_surname: HashMap<String, Vec<usize>> = HashMap::new();
    for (id, person) in persons.iter().enumerate() {
        by_surname.entry(surname(&person.name)).or_default().push(id);
    }
    for members in by_surname.values() {
        let full: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&m| persons[m].name.contains(' '))
            .collect();
        for &m in members {
            if !persons[m].name.contains(' ') && full.len() == 1 {
                persons[m].same_as = Some(full[0]);
            }
        }
    }

    // Near-identical spellings, compared only inside a surname bucket or a role, and there
    // only between names that share a key of the deletion index.
    let mut by_surname: Vec<(String, Vec<usize>)> = by_surname.into_iter().collect();
    by_surname.sort_unstable();
    let mut buckets: Vec<Vec<usize>> = by_surname.into_iter().map(|(_, ids)| ids).collect();
    for role in roles {
        let mut ids: Vec<usize> = role.claims.iter().filter_map(|&c| person_of[c]).collect();
        ids.sort_unstable();
        ids.dedup();
        buckets.push(ids);
    }
    for bucket in &mut buckets {
        bucket.sort_unstable();
        for (a, b) in variant_candidates(&persons, bucket) {
            if persons[a].same_as.is_some() || persons[b].same_as.is_some() {
                continue;
            }
            if is_name_variant(&persons[a].name, &persons[b].name) {
                // The rarer spelling is the variant of the commoner one.
                let (variant, canonical) = if persons[a].claims.len() < persons[b].claims.len() {
                    (a, b)
                } else {
                    (b, a)
                };
                persons[variant].same_as = Some(canonical);
                persons[variant].variant = true;
            }
        }
    }
    (persons, person_of)
}

#[cfg(test)]
mod tests {
    use super::is_name_variant;

    #[test]
    fn name_variants_are_small_edits_of_full_names() {
        assert!(is_name_variant("Jans Stoltenberg", "Jens Stoltenberg"));
        assert!(is_name_variant("Jens Stoltenburg", "Jens Stoltenberg"));
        assert!(!is_name_variant("Jens Stoltenberg", "Jens Stoltenberg"));
        assert!(!is_name_variant("Stoltenberg", "Jens Stoltenberg"));
        assert!(!is_name_variant("Mark Esper", "Mike Esper"));
        assert!(!is_name_variant("Jim Mattis", "Tim Mattis"));
        assert!(!is_name_variant("Ann Lee", "Ann Lei"));
    }
}

#[cfg(test)]
mod index_tests {
    use super::{Person, is_name_variant, variant_candidates};

    /// Every spelling one or two edits from a few names: letters changed, added, dropped and
    /// swapped, in either word.
    fn spellings() -> Vec<String> {
        let edits = |word: &str| -> Vec<String> {
            let chars: Vec<char> = word.chars().collect();
            let mut out = vec![word.to_owned()];
            for i in 0..=chars.len() {
                for c in ['a', 'e', 'z'] {
                    let mut added = chars.clone();
                    added.insert(i, c);
                    out.push(added.iter().collect());
                    if i < chars.len() {
                        let mut changed = chars.clone();
                        changed[i] = c;
                        out.push(changed.iter().collect());
                    }
                }
                if i < chars.len() {
                    let mut dropped = chars.clone();
                    dropped.remove(i);
                    out.push(dropped.iter().collect());
                }
                if i + 1 < chars.len() {
                    let mut swapped = chars.clone();
                    swapped.swap(i, i + 1);
                    out.push(swapped.iter().collect());
                }
            }
            out
        };
        let mut names = Vec::new();
        for (first, last) in [("Jens", "Stoltenberg"), ("Mark", "Esper"), ("Lo", "Wai")] {
            for f in edits(first).iter().step_by(3) {
                for l in edits(last).iter().step_by(5) {
                    names.push(format!("{f} {l}"));
                }
            }
        }
        names.extend(
            [
                "Jens Stoltenberg Jr",
                "Jans Stoltenberg Jr",
                "Mark T Esper",
                "Mark T Espen",
                "Jens",
            ]
            .map(String::from),
        );
        names.sort();
        names.dedup();
        names
    }

    #[test]
    fn the_deletion_index_offers_every_pair_of_variants() {
        let names = spellings();
        let persons: Vec<Person> = names
            .iter()
            .map(|name| Person {
                name: name.clone(),
                claims: Vec::new(),
                same_as: None,
                variant: false,
            })
            .collect();
        let bucket: Vec<usize> = (0..persons.len()).collect();
        let candidates = variant_candidates(&persons, &bucket);
        let mut variants = 0;
        for a in 0..names.len() {
            for b in a + 1..names.len() {
                if is_name_variant(&names[a], &names[b]) {
                    variants += 1;
                    assert!(candidates.binary_search(&(a, b)).is_ok(), "{} / {}", names[a], names[b]);
                }
            }
        }
        assert!(variants > 1000, "only {variants} pairs of variants");
        // The index keeps the comparisons far below every pair.
        let pairs = names.len() * (names.len() - 1) / 2;
        assert!(
            candidates.len() * 4 < pairs,
            "{} candidates of {pairs} pairs",
            candidates.len()
        );
    }
}
