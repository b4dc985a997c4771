//! TL411 `unreachable-role`: a role's trust admits nobody in scope and no service or federated
//! principal.
//!
//! A role trust policy "must explicitly allow access for principals"
//! [UG:reference_policies_evaluation-logic]; one with no Allow that grants a session, or whose
//! only principals cannot call (every edge they would make is removed, e.g. by a Deny in the
//! trust or on the caller's side, or they are unique IDs, which IAM shows once the named
//! principal was deleted [UG:reference_policies_elements_principal]), makes the role dead
//! configuration. Off by default: an unused role is not a risk.
//!
//! Silent whenever the trust may admit someone the graph cannot follow: a service, a
//! federated provider, an account, `*`, a `NotPrincipal`, or a value the linter cannot read.

use super::prelude::opening;
use super::{Check, GraphRule, Rule, RuleContext, RuleMeta};
use crate::eval::Tri;
use crate::eval::action::{ASSUME_ACTIONS, covers_any};
use crate::graph::{Graph, Node, NodeKind};
use crate::model::arn::{AwsPrincipal, classify_aws_principal};
use crate::model::{DocumentKind, PrincipalForm};
use crate::report::diagnostic::{Diagnostic, Severity};
use crate::source::Span;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL411",
        name: "unreachable-role",
        severity: Severity::Info,
        enabled_by_default: false,
        summary: "A role's trust admits nobody in scope and no service or federated principal.",
        help: "Remove the role or fix its trust policy.",
        security_severity: 1.0,
        doc: include_str!("../../rules/unreachable-role.md"),
    },
    check: Check::Graph(&UnreachableRole),
    unchecked_hint: None,
};

struct UnreachableRole;

/// What one principal value of a trust's Allow statements tells.
enum Named {
    /// A user or role ARN: it admits a caller only if the graph has its edge.
    Principal(String, Span),
    /// A unique ID: the principal was deleted.
    Deleted(Span),
    /// Anything else may admit a caller the graph does not follow.
    Open,
}

impl GraphRule for UnreachableRole {
    fn check(&self, graph: &Graph, cx: &mut RuleContext<'_>) {
        for (id, role) in graph.nodes().iter().enumerate() {
            if role.kind != NodeKind::Role || role.trust.is_empty() {
                continue;
            }
            if graph.in_edges(id).next().is_some() {
                continue;
            }
            let Some(named) = named_principals(graph, role) else {
                continue;
            };
            let name = format!("`{}`", role.name());
            let trust = &graph.documents[role.trust[0]];
            let diagnostic = match named.first() {
                None => Diagnostic::new(
                    &RULE.meta,
                    opening(trust.span),
                    format!(
                        "the trust policy of role {name} grants no principal a session, so nobody can assume the role"
                    ),
                ),
                Some(first) => {
                    let mut diagnostic = Diagnostic::new(
                        &RULE.meta,
                        span_of(first),
                        format!(
                            "no principal the trust policy of role {name} names can assume it, so the role is unused"
                        ),
                    );
                    for named in &named {
                        let label = match named {
                            Named::Principal(arn, _) => {
                                let account =
                                    classify_aws_principal(arn).account().map(str::to_string);
                                if account.is_some() && account == role.account {
                                    format!("`{arn}` cannot call: a Deny rules it out")
                                } else {
                                    format!(
                                        "`{arn}` cannot call: across accounts its own policies must allow `sts:AssumeRole` on this role, and they do not (or a Deny applies)"
                                    )
                                }
                            }
                            Named::Deleted(_) => {
                                "a unique ID: IAM shows these once the named principal was deleted"
                                    .to_string()
                            }
                            Named::Open => continue,
                        };
                        diagnostic = diagnostic.with_label(span_of(named), label);
                    }
                    diagnostic
                }
            };
            cx.report(diagnostic);
        }
    }
}

fn span_of(named: &Named) -> Span {
    match named {
        Named::Principal(_, span) | Named::Deleted(span) => *span,
        Named::Open => Span::default(),
    }
}

/// The principals a role's trust names in Allow statements that may grant a session, or
/// `None` when any of them may admit a caller the graph does not follow.
fn named_principals(graph: &Graph, role: &Node) -> Option<Vec<Named>> {
    let mut named = Vec::new();
    for &doc in &role.trust {
        let document = &graph.documents[doc];
        // A statement the linter cannot read may be an Allow of anyone.
        if document.kind != DocumentKind::Trust || document.unreadable_statements {
            return None;
        }
        for statement in &document.statements {
            if statement.effect() != Some(crate::model::Effect::Allow) {
                // An unreadable effect may be an Allow.
                statement.effect()?;
                continue;
            }
            if covers_any(statement, ASSUME_ACTIONS) == Tri::No {
                continue;
            }
            if statement.not_principal.is_some() {
                return None;
            }
            let Some(principal) = &statement.principal else {
                continue;
            };
            let PrincipalForm::Map(entries) = &principal.form else {
                return None;
            };
            for entry in entries {
                if entry.key.value != "AWS" {
                    return None;
                }
                for value in &entry.values {
                    let text = value.identity()?;
                    let item = match classify_aws_principal(text) {
                        AwsPrincipal::User { .. }
                        | AwsPrincipal::Role { .. }
                        | AwsPrincipal::AssumedRole { .. }
                        | AwsPrincipal::FederatedUser { .. } => {
                            Named::Principal(text.to_string(), value.span)
                        }
                        AwsPrincipal::UniqueId(_) => Named::Deleted(value.span),
                        _ => Named::Open,
                    };
                    if matches!(item, Named::Open) {
                        return None;
                    }
                    named.push(item);
                }
            }
        }
    }
    Some(named)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::prelude::testkit::{World, trust_of};

    const ROLE: &str = "arn:aws:iam::111122223333:role/dead";

    #[test]
    fn trust_without_session_grant_or_deleted_principal_is_reported() {
        let tag_only = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/x"}, "Action": "sts:TagSession"}]}"#;
        let mut world = World::new();
        world.role(ROLE, tag_only, &[]);
        assert_eq!(world.run(&UnreachableRole).len(), 1);
        let mut world = World::new();
        world.role(ROLE, &trust_of("AROAJQABLZS4A7QSF5RZL"), &[]);
        assert_eq!(world.run(&UnreachableRole).len(), 1);
    }

    #[test]
    fn denied_principal_is_reported() {
        let trust = r#"{"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/u"}, "Action": "sts:AssumeRole"},
            {"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}]}"#;
        let mut world = World::new();
        world.role(ROLE, trust, &[]);
        let found = world.run(&UnreachableRole);
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn services_accounts_and_live_principals_are_silent() {
        for trust in [
            trust_of("arn:aws:iam::111122223333:user/u"),
            trust_of("arn:aws:iam::111122223333:root"),
            trust_of("*"),
            r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}"#.to_string(),
        ] {
            let mut world = World::new();
            world.role(ROLE, &trust, &[]);
            assert!(world.run(&UnreachableRole).is_empty(), "{trust}");
        }
    }
}
