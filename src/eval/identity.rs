//! The caller's side: does a set of identity policies allow (or deny) an action on a resource?
//! Policies are ORed for Allow; an explicit Deny wins [UG:reference_policies_evaluation-logic].
//!
//! The principal graph asks the same question (`sts:AssumeRole`, on one role ARN after
//! another) of the same statements hundreds of thousands of times, so a statement can be
//! [`Prepared`] once for an action: its action match, effect and conditions are settled, and
//! its resource patterns are kept together. [`decide`] goes through the same preparation, so
//! there is one evaluation.

use std::borrow::Borrow;

use super::Tri;
use super::action::covers;
use crate::model::pattern::{has_wildcard, wildcard_match};
use crate::model::{Document, Effect, SVal, Statement};

/// A resource value as matching sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pattern<'a> {
    /// An ARN without `*` or `?`: matches itself only.
    Exact(&'a str),
    /// An ARN pattern with `*` or `?`.
    Glob(&'a str),
    /// A policy variable (`${aws:username}`) or a value the linter cannot see: may match.
    Unknown,
}

impl<'a> Pattern<'a> {
    fn of(value: &'a SVal) -> Pattern<'a> {
        // A symbol (`aws_iam_role.b.arn`) matches by its identity.
        match value.identity() {
            // `contains('$')` first: a one-byte search, where most ARNs stop.
            Some(text) if text.contains('$') && text.contains("${") => Pattern::Unknown,
            Some(text) if has_wildcard(text) => Pattern::Glob(text),
            Some(text) => Pattern::Exact(text),
            None => Pattern::Unknown,
        }
    }

    /// Resource ARNs match case-sensitively, with `*` and `?` spanning any characters
    /// [UG:reference_policies_elements_resource].
    fn matches(self, arn: &str) -> Tri {
        match self {
            Pattern::Exact(pattern) => Tri::from_bool(pattern == arn),
            Pattern::Glob(pattern) => Tri::from_bool(wildcard_match(pattern, arn, false)),
            Pattern::Unknown => Tri::Unknown,
        }
    }
}

/// Whether any of `patterns` matches `arn`: `Yes` wins, then `Unknown`.
fn any_matches<'p>(patterns: impl IntoIterator<Item = Pattern<'p>>, arn: &str) -> Tri {
    let mut found = Tri::No;
    for pattern in patterns {
        found = found.or(pattern.matches(arn));
        if found == Tri::Yes {
            break;
        }
    }
    found
}

/// A [`Pattern`] kept by a [`Prepared`] statement.
#[derive(Debug, Clone, PartialEq, Eq)]
enum OwnedPattern {
    Exact(Box<str>),
    Glob(Box<str>),
    Unknown,
}

impl OwnedPattern {
    fn of(value: &SVal) -> OwnedPattern {
        match Pattern::of(value) {
            Pattern::Exact(text) => OwnedPattern::Exact(text.into()),
            Pattern::Glob(text) => OwnedPattern::Glob(text.into()),
            Pattern::Unknown => OwnedPattern::Unknown,
        }
    }

    fn pattern(&self) -> Pattern<'_> {
        match self {
            OwnedPattern::Exact(text) => Pattern::Exact(text),
            OwnedPattern::Glob(text) => Pattern::Glob(text),
            OwnedPattern::Unknown => Pattern::Unknown,
        }
    }
}

/// A statement's resource element, prepared.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Resources {
    Resource(Box<[OwnedPattern]>),
    NotResource(Box<[OwnedPattern]>),
    /// Neither element: the statement covers no resource.
    Neither,
}

impl Resources {
    fn of(statement: &Statement) -> Resources {
        let patterns = |values: &[SVal]| values.iter().map(OwnedPattern::of).collect();
        if let Some(list) = &statement.resource {
            Resources::Resource(patterns(&list.values))
        } else if let Some(list) = &statement.not_resource {
            Resources::NotResource(patterns(&list.values))
        } else {
            Resources::Neither
        }
    }

    fn covers(&self, arn: &str) -> Tri {
        match self {
            Resources::Resource(list) => any_matches(list.iter().map(OwnedPattern::pattern), arn),
            Resources::NotResource(list) => {
                !any_matches(list.iter().map(OwnedPattern::pattern), arn)
            }
            Resources::Neither => Tri::No,
        }
    }
}

/// Whether the statement's `Resource` / `NotResource` covers `arn`. Resource ARNs match
/// case-sensitively, with `*` and `?` spanning any characters
/// [UG:reference_policies_elements_resource]. A statement with neither covers nothing.
pub fn covers_resource(statement: &Statement, arn: &str) -> Tri {
    let any = |values: &[SVal]| any_matches(values.iter().map(Pattern::of), arn);
    if let Some(list) = &statement.resource {
        any(&list.values)
    } else if let Some(list) = &statement.not_resource {
        !any(&list.values)
    } else {
        Tri::No
    }
}

/// Whether a statement applies to `action` on `arn`, conditions aside.
pub fn applies(statement: &Statement, action: &str, arn: &str) -> Tri {
    let covered = covers(statement, action);
    if covered == Tri::No {
        // `No` wins the conjunction: the resources need no matching.
        return Tri::No;
    }
    covered.and(covers_resource(statement, arn))
}

/// A statement ready to be evaluated for one action on many resources: the action match,
/// effect and conditions are settled once, the resource patterns kept side by side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    /// The caller's key for the statement's document, as [`Decision`] reports it.
    pub key: usize,
    /// The statement's index in its document.
    pub index: usize,
    effect: Option<Effect>,
    /// How the statement's action element covers the action: `Yes` or `Unknown`.
    covered: Tri,
    /// The statement has conditions.
    conditional: bool,
    resources: Resources,
}

impl Prepared {
    /// The statement prepared for `action`, or `None` when it cannot cover the action (then
    /// it never applies, whatever the resource).
    pub fn new(key: usize, index: usize, statement: &Statement, action: &str) -> Option<Prepared> {
        let covered = covers(statement, action);
        (covered != Tri::No).then(|| Prepared {
            key,
            index,
            effect: statement.effect(),
            covered,
            conditional: !statement.clauses().is_empty(),
            resources: Resources::of(statement),
        })
    }

    pub fn effect(&self) -> Option<Effect> {
        self.effect
    }

    /// Whether the statement applies to `arn`, conditions included: a condition the linter
    /// cannot evaluate (it depends on the request) makes a match uncertain, never certain.
    fn applies(&self, arn: &str) -> Tri {
        let matched = self.covered.and(self.resources.covers(arn));
        if matched == Tri::Yes && self.conditional {
            Tri::Unknown
        } else {
            matched
        }
    }
}

/// The decision of a set of identity policies for `action` on `arn`.
#[derive(Debug, Clone, Copy)]
pub struct Decision {
    /// Some Allow applies (`Yes`), may apply (`Unknown`), or none does.
    pub allowed: Tri,
    /// An explicit Deny applies, may apply, or none does.
    pub denied: Tri,
    /// The statement that allows, when one certainly or possibly does (the most certain), as
    /// (the caller's key for its document, statement index).
    pub allow: Option<(usize, usize)>,
    /// The Deny that applies, when one does.
    pub deny: Option<(usize, usize)>,
}

impl Decision {
    /// Allowed and not denied, three-valued.
    pub fn verdict(&self) -> Tri {
        self.allowed.and(!self.denied)
    }
}

/// Evaluates `documents` (each with a key the caller chooses) for `action` on `arn`.
pub fn decide<'a>(
    documents: impl IntoIterator<Item = (usize, &'a Document)>,
    action: &str,
    arn: &str,
) -> Decision {
    decide_prepared(
        documents.into_iter().flat_map(|(key, document)| {
            document
                .statements
                .iter()
                .enumerate()
                .filter_map(move |(index, statement)| Prepared::new(key, index, statement, action))
        }),
        arn,
    )
}

/// Evaluates statements prepared for one action (in document order, as [`decide`] reads
/// them) on `arn`.
pub fn decide_prepared<P: Borrow<Prepared>>(
    statements: impl IntoIterator<Item = P>,
    arn: &str,
) -> Decision {
    let mut decision = Decision {
        allowed: Tri::No,
        denied: Tri::No,
        allow: None,
        deny: None,
    };
    for statement in statements {
        let statement = statement.borrow();
        let matched = statement.applies(arn);
        if matched == Tri::No {
            continue;
        }
        let at = Some((statement.key, statement.index));
        match statement.effect {
            Some(Effect::Allow) => {
                if decision.allow.is_none() || (matched == Tri::Yes && decision.allowed != Tri::Yes)
                {
                    decision.allow = at;
                }
                decision.allowed = decision.allowed.or(matched);
            }
            Some(Effect::Deny) => {
                if decision.deny.is_none() || (matched == Tri::Yes && decision.denied != Tri::Yes) {
                    decision.deny = at;
                }
                decision.denied = decision.denied.or(matched);
            }
            None => {}
        }
    }
    decision
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Val, ValueList};
    use crate::source::Span;

    fn statement(effect: &str, action: &str, resource: Option<&[&str]>) -> Statement {
        Statement {
            effect: Some(SVal {
                value: Val::Known(effect.to_string()),
                span: Span::file_start(0),
            }),
            action: Some(ValueList::known(&[action])),
            resource: resource.map(ValueList::known),
            ..Statement::default()
        }
    }

    const ROLE: &str = "arn:aws:iam::111122223333:role/team-a";
    const OTHER: &str = "arn:aws:iam::111122223333:role/other";

    #[test]
    fn exact_glob_variable_and_not_resource() {
        let cases: Vec<(Statement, &str, Tri)> = vec![
            (
                statement("Allow", "sts:AssumeRole", Some(&[ROLE])),
                ROLE,
                Tri::Yes,
            ),
            (
                statement("Allow", "sts:AssumeRole", Some(&[ROLE])),
                OTHER,
                Tri::No,
            ),
            (
                statement("Allow", "sts:*", Some(&["arn:aws:iam::*:role/team-*"])),
                ROLE,
                Tri::Yes,
            ),
            (
                statement("Allow", "sts:*", Some(&["arn:aws:iam::*:role/team-*"])),
                OTHER,
                Tri::No,
            ),
            (
                statement(
                    "Allow",
                    "sts:AssumeRole",
                    Some(&["arn:aws:iam::111122223333:role/${aws:username}"]),
                ),
                OTHER,
                Tri::Unknown,
            ),
            (
                statement("Allow", "s3:GetObject", Some(&["*"])),
                ROLE,
                Tri::No,
            ),
            (statement("Allow", "sts:AssumeRole", None), ROLE, Tri::No),
            (
                Statement {
                    not_resource: Some(ValueList::known(&[ROLE])),
                    ..statement("Allow", "sts:AssumeRole", None)
                },
                OTHER,
                Tri::Yes,
            ),
            (
                Statement {
                    not_resource: Some(ValueList::known(&[ROLE])),
                    ..statement("Allow", "sts:AssumeRole", None)
                },
                ROLE,
                Tri::No,
            ),
        ];
        for (statement, arn, expected) in cases {
            assert_eq!(
                applies(&statement, "sts:AssumeRole", arn),
                expected,
                "{arn}"
            );
            let prepared = Prepared::new(7, 0, &statement, "sts:AssumeRole");
            let decision = decide_prepared(prepared.iter(), arn);
            assert_eq!(decision.allowed, expected, "{arn}");
            assert_eq!(decision.allow.is_some(), expected != Tri::No);
        }
    }

    #[test]
    fn deny_wins_and_the_most_certain_allow_is_kept() {
        let statements = [
            statement(
                "Allow",
                "sts:AssumeRole",
                Some(&["arn:aws:iam::111122223333:role/${aws:username}"]),
            ),
            statement("Allow", "sts:AssumeRole", Some(&["arn:aws:iam::*:role/*"])),
            statement("Deny", "sts:AssumeRole", Some(&[ROLE])),
        ];
        let prepared: Vec<Prepared> = statements
            .iter()
            .enumerate()
            .filter_map(|(i, s)| Prepared::new(3, i, s, "sts:AssumeRole"))
            .collect();
        let decision = decide_prepared(&prepared, ROLE);
        assert_eq!((decision.allowed, decision.denied), (Tri::Yes, Tri::Yes));
        assert_eq!(
            (decision.allow, decision.deny),
            (Some((3, 1)), Some((3, 2)))
        );
        assert_eq!(decision.verdict(), Tri::No);
        let decision = decide_prepared(&prepared, OTHER);
        assert_eq!((decision.allowed, decision.denied), (Tri::Yes, Tri::No));
    }
}
