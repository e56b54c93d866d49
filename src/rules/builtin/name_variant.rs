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
        for person in &cx.graph.persons {
            let Some(canonical) = person.same_as.filter(|_| person.variant) else {
                continue;
            };
            let canonical_person = &cx.graph.persons[cx.graph.canonical_person(canonical)];
            let role = person.claims.first().and_then(|&c| cx.claims[c].role.as_ref());
            let role_label = cx
                .graph
                .roles
                .iter()
                .find(|r| person.claims.first().is_some_and(|c| r.claims.contains(c)))
                .map_or_else(
                    || role.map(|r| r.title.clone()).unwrap_or_default(),
                    |r| r.label.clone(),
                );
            // The variant's claims, then one claim per document for the usual spelling.
            let mut claims = person.claims.clone();
            let mut seen_docs = Vec::new();
            for &c in &canonical_person.claims {
                if !seen_docs.contains(&cx.claims[c].doc) {
                    seen_docs.push(cx.claims[c].doc);
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
