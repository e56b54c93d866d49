use crate::link::USUAL_QUOTED;
use crate::rules::{Finding, ResolvedCheck, Rule, RuleContext, RuleMeta, declare_rule};

declare_rule! {
    /// ## What it finds
    /// A person named with a spelling that differs by one or two letters from the spelling the
    /// rest of the document set uses, where both name the same role or share a surname; and
    /// any name the text spells two ways across documents — a transliteration (`Gunan` and
    /// `Kunan`), a dropped, doubled or swapped letter (`Yunan`, `Sepuldeva`), diacritics with
    /// another letter changed, particles joined or split (`Abd al-Karim`, `Abdelkarim`).
    /// Names that differ in a whole word (`Victor Segovia`, `Dario Segovia`) are different
    /// people and never reported.
    ///
    /// ## Why it matters
    /// A misspelt name is the error readers notice first and forgive last, and it breaks
    /// search. The rarer spelling is reported against the commoner one.
    ///
    /// ## Example
    /// ```text
    /// a.md  "NATO Secretary General Jans Stoltenberg"
    /// b.md  "NATO Secretary General Jens Stoltenberg"
    /// ```
    pub NameVariant { name: "name-variant", severity: Warning }
}

impl Rule for NameVariant {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &RuleContext<'_>, checks: &[ResolvedCheck], out: &mut Vec<Finding>) {
        let Some(settings) = ResolvedCheck::for_subject(checks, "*") else {
            return;
        };
        for spelling in &cx.graph.spellings {
            out.push(Finding {
                site: None,
                rule: Self::META.name,
                severity: settings.severity,
                subject: Some(format!("name/{}", spelling.usual.to_lowercase().replace(' ', "-"))),
                message: format!(
                    "“{}” and “{}” look like two spellings of one name: {} document(s) write “{}”",
                    spelling.variant, spelling.usual, spelling.usual_documents, spelling.usual
                ),
                claims: spelling.claims.clone(),
                timeline: None,
            });
        }
        // The role group of each role claim, read once for every variant.
        let mut role_of: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
        if cx.graph.persons.iter().any(|p| p.variant && p.same_as.is_some()) {
            for (r, role) in cx.graph.roles.iter().enumerate() {
                for &c in &role.claims {
                    role_of.entry(c).or_insert(r);
                }
            }
        }
        for person in &cx.graph.persons {
            let Some(canonical) = person.same_as.filter(|_| person.variant) else {
                continue;
            };
            let canonical_person = &cx.graph.persons[cx.graph.canonical_person(canonical)];
            let role = person.claims.first().and_then(|&c| cx.claims[c].role.as_ref());
            let role_label = person.claims.first().and_then(|c| role_of.get(c)).map_or_else(
                || role.map(|r| r.title.clone()).unwrap_or_default(),
                |&r| cx.graph.roles[r].label.clone(),
            );
            // The variant's claims, then one claim per document for the usual spelling, in up
            // to `USUAL_QUOTED` documents.
            let mut claims = person.claims.clone();
            let mut seen_docs = std::collections::HashSet::new();
            for &c in &canonical_person.claims {
                if seen_docs.insert(cx.claims[c].doc) && seen_docs.len() <= USUAL_QUOTED {
                    claims.push(c);
                }
            }
            out.push(Finding {
                site: None,
                rule: Self::META.name,
                severity: settings.severity,
                subject: Some(format!(
                    "person/{}",
                    canonical_person.name.to_lowercase().replace(' ', "-")
                )),
                message: format!(
                    "“{}” looks like a misspelling of “{}” ({role_label}): {} mention(s) vs {} in {} document(s)",
                    person.name,
                    canonical_person.name,
                    person.claims.len(),
                    canonical_person.claims.len(),
                    seen_docs.len()
                ),
                claims,
                timeline: None,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::DocMeta;
    use crate::extract::{Claim, ClaimKind, Context, Gazetteer, Modality, Role};
    use crate::rules::{CheckSettings, Severity};

    fn named(doc: usize, person: &str) -> Claim {
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
                title: "secretary general".to_owned(),
                org: Some("nato".to_owned()),
                person: person.to_owned(),
                former: false,
                sentence_orgs: Vec::new(),
            })),
            boilerplate: false,
            modality: Modality::Asserted,
            reported: false,
        }
    }

    #[test]
    fn a_misspelling_among_ten_thousand_mentions_quotes_a_few_of_them() {
        const DOCS: usize = 10_000;
        let mut claims: Vec<Claim> = (0..DOCS).map(|doc| named(doc, "Jens Stoltenberg")).collect();
        claims.push(named(DOCS, "Jens Stoltenburg"));
        claims.push(named(DOCS + 1, "Jens Stoltenburg"));
        let keys = vec![None; claims.len()];
        let graph = crate::link::link_by_subject(&claims, &keys, &[], &Gazetteer::new(Vec::new(), &[]));
        let documents = vec![DocMeta::default(); DOCS + 2];
        let cx = RuleContext {
            claims: &claims,
            documents: &documents,
            graph: &graph,
            lock: None,
        };
        let checks = [ResolvedCheck {
            subject: "*".to_owned(),
            settings: CheckSettings {
                severity: Severity::Warning,
                tolerance: 0.0,
                window_days: 14,
            },
        }];
        let mut out = Vec::new();
        NameVariant.check(&cx, &checks, &mut out);
        assert_eq!(out.len(), 1);
        let finding = &out[0];
        // Both misspelt mentions, and the usual spelling in 20 of its 10,000 documents.
        assert_eq!(finding.claims[..2], [DOCS, DOCS + 1]);
        assert_eq!(finding.claims.len(), 2 + USUAL_QUOTED);
        assert!(
            finding.message.ends_with("2 mention(s) vs 10000 in 10000 document(s)"),
            "{}",
            finding.message
        );
    }
}
