use crate::lock::{Drift, diff};
use crate::rules::{Finding, ResolvedCheck, Rule, RuleContext, RuleMeta, Site, declare_rule};

declare_rule! {
    /// ## What it finds
    /// Claims that differ from `claimlint.lock`: a value that changed since the lock was
    /// written, a claim that appeared, and a claim that vanished. Runs only when a lock exists;
    /// `claimlint lock` writes it.
    ///
    /// ## Why it matters
    /// Some facts must change only through review: the size of a mission in a briefing pack,
    /// a price on a docs page, a figure a report is built on. With a lock in the repository, a
    /// pull request that changes such a number fails the check until the lock is updated with
    /// it, and the lock's diff shows reviewers exactly which facts moved.
    ///
    /// ## Example
    /// ```text
    /// claimlint.lock   { value = "500 trainers", text = "500 trainers", path = "mission.md" }
    /// mission.md:12:9  "600 trainers"
    /// error[claims-lock]: `nato/personnel` changed since claimlint.lock: 500 trainers → 600 trainers
    /// ```
    pub ClaimsLock { name: "claims-lock", severity: Error }
}

impl Rule for ClaimsLock {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &RuleContext<'_>, checks: &[ResolvedCheck], out: &mut Vec<Finding>) {
        let Some(lock) = &cx.lock else { return };
        let Some(settings) = ResolvedCheck::for_subject(checks, "*") else {
            return;
        };
        let name = lock.name;
        for drift in diff(lock.locked, lock.current) {
            let finding = |subject: &str, message: String, claims: Vec<usize>, site: Option<Site>| Finding {
                rule: Self::META.name,
                severity: ResolvedCheck::for_subject(checks, subject).map_or(settings.severity, |s| s.severity),
                subject: Some(subject.to_owned()),
                message,
                claims,
                timeline: None,
                site,
            };
            out.push(match drift {
                Drift::Changed { subject, old, new } => finding(
                    &subject,
                    format!(
                        "`{subject}` changed since {name}: {} → {} (locked: “{}” in {}; now: “{}” in {})",
                        old.value,
                        new.value,
                        old.text,
                        lock.document_path(&old.path),
                        new.text,
                        lock.document_path(&new.path)
                    ),
                    new.claim.into_iter().collect(),
                    None,
                ),
                Drift::Appeared { subject, new } => finding(
                    &subject,
                    format!(
                        "a claim about `{subject}` that {name} does not have: {} (“{}”); run `claimlint lock` once it is reviewed",
                        new.value, new.text
                    ),
                    new.claim.into_iter().collect(),
                    None,
                ),
                Drift::Vanished { subject, old } => finding(
                    &subject,
                    format!(
                        "a claim about `{subject}` in {name} is gone: {} (“{}” in {})",
                        old.value,
                        old.text,
                        lock.document_path(&old.path)
                    ),
                    Vec::new(),
                    Some(Site {
                        path: lock.document_path(&old.path),
                        line: 1,
                        column: 1,
                        text: old.text.clone(),
                    }),
                ),
            });
        }
    }
}
