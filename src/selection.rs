//! Which rules run, and at what severity: `select` / `extend-select` / `ignore` selectors
//! (a code, a prefix such as `TL2`, a name, or `ALL`) and per-rule severity overrides.

use crate::report::diagnostic::Severity;
use crate::rules::{REGISTRY, Rule};

/// The resolved choice, indexed like [`REGISTRY`].
#[derive(Debug, Clone)]
pub struct Selection {
    enabled: Vec<bool>,
    /// The severity the configuration sets for each rule, if it sets one.
    severity: Vec<Option<Severity>>,
}

/// The selectors of a run, config and command line already merged.
#[derive(Debug, Clone, Default)]
pub struct Selectors {
    /// Replaces the default set when given.
    pub select: Option<Vec<String>>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    /// (selector, severity) pairs, applied in order.
    pub severity: Vec<(String, Severity)>,
}

/// Whether `selector` names `rule`.
pub fn matches(selector: &str, rule: &Rule) -> bool {
    selector == "ALL"
        || rule.meta.name == selector
        || rule.meta.code.starts_with(&selector.to_ascii_uppercase())
            && selector.len() >= 3
            && selector[..2].eq_ignore_ascii_case("TL")
}

/// Checks that a selector names at least one rule.
pub fn validate(selector: &str) -> Result<(), String> {
    if REGISTRY.iter().any(|rule| matches(selector, rule)) {
        Ok(())
    } else {
        Err(format!(
            "`{selector}` selects no rule: use a code (TL201), a prefix (TL2), a name (trust-any-principal) or ALL"
        ))
    }
}

impl Selection {
    pub fn resolve(selectors: &Selectors) -> Result<Selection, String> {
        let all = selectors
            .select
            .iter()
            .flatten()
            .chain(&selectors.extend_select)
            .chain(&selectors.ignore)
            .chain(selectors.severity.iter().map(|(s, _)| s));
        for selector in all {
            validate(selector)?;
        }
        let enabled = REGISTRY
            .iter()
            .map(|rule| {
                let selected = match &selectors.select {
                    Some(select) => select.iter().any(|s| matches(s, rule)),
                    None => rule.meta.enabled_by_default,
                } || selectors.extend_select.iter().any(|s| matches(s, rule));
                selected && !selectors.ignore.iter().any(|s| matches(s, rule))
            })
            .collect();
        let severity = REGISTRY
            .iter()
            .map(|rule| {
                selectors
                    .severity
                    .iter()
                    .rev()
                    .find(|(s, _)| matches(s, rule))
                    .map(|(_, severity)| *severity)
            })
            .collect();
        Ok(Selection { enabled, severity })
    }

    /// Every rule that is on by default.
    pub fn defaults() -> Selection {
        Selection::resolve(&Selectors::default()).expect("no selectors to reject")
    }

    fn index(code: &str) -> usize {
        REGISTRY
            .iter()
            .position(|rule| rule.meta.code == code)
            .expect("every diagnostic comes from a registered rule")
    }

    pub fn is_enabled(&self, code: &str) -> bool {
        self.enabled[Self::index(code)]
    }

    /// The severity a rule's findings are reported at, when the configuration sets one: it
    /// wins over the rule's default and over a severity the rule chose for a finding.
    pub fn severity_override(&self, code: &str) -> Option<Severity> {
        self.severity[Self::index(code)]
    }

    /// The enabled rules.
    pub fn rules(&self) -> impl Iterator<Item = &'static Rule> + '_ {
        REGISTRY
            .iter()
            .zip(&self.enabled)
            .filter(|(_, on)| **on)
            .map(|(rule, _)| *rule)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors_by_code_prefix_name_and_all() {
        let rule = crate::rules::find("TL201").unwrap();
        assert!(matches("TL201", rule));
        assert!(matches("tl2", rule));
        assert!(matches("trust-any-principal", rule));
        assert!(matches("ALL", rule));
        assert!(!matches("TL1", rule));
        assert!(validate("TL9").is_err());
    }

    #[test]
    fn ignore_wins_over_select() {
        let selection = Selection::resolve(&Selectors {
            select: Some(vec!["TL2".into()]),
            ignore: vec!["TL204".into()],
            ..Selectors::default()
        })
        .unwrap();
        assert!(selection.is_enabled("TL201"));
        assert!(!selection.is_enabled("TL204"));
        assert!(!selection.is_enabled("TL101"));
    }
}
