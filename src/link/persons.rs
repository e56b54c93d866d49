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

    // Near-identical spellings, compared only inside a surname bucket or a role.
    let mut buckets: Vec<Vec<usize>> = by_surname.into_values().collect();
    for role in roles {
        let mut ids: Vec<usize> = role.claims.iter().filter_map(|&c| person_of[c]).collect();
        ids.sort_unstable();
        ids.dedup();
        buckets.push(ids);
    }
    for bucket in &mut buckets {
        bucket.sort_unstable();
        for (i, &a) in bucket.iter().enumerate() {
            for &b in &bucket[i + 1..] {
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
