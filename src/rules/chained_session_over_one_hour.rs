//! TL407 `chained-session-over-one-hour`: a role is reachable only by role chaining, yet its
//! maximum session duration exceeds one hour.
//!
//! Role chaining "limits your … role session to a maximum of one hour … if you assume a role
//! using role chaining and provide a DurationSeconds parameter value greater than one hour, the
//! operation fails" [UG:id_roles_terms-and-concepts]. A role whose trust admits only roles (role
//! sessions) is only ever assumed by chaining, so a `MaxSessionDuration` above 3600 s can never
//! be used and a caller that asks for it fails; so does a caller asking for the longer session
//! the configuration says the team's tooling requests (`[sessions] duration`). EC2 instance-profile credentials are not
//! chaining (same page): a role trusted by `ec2.amazonaws.com` has a service caller and is not
//! reported, nor is one trusted by a user, an account, a provider, `*`, or a value the linter
//! cannot read (an unknown, a unique ID).

use super::prelude::node_label;
use super::{Check, GraphRule, Rule, RuleContext, RuleMeta};
use crate::eval::Tri;
use crate::eval::action::{ASSUME_ACTIONS, covers_any};
use crate::graph::{Graph, Node, NodeKind};
use crate::model::PrincipalForm;
use crate::model::arn::{AwsPrincipal, classify_aws_principal};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL407",
        name: "chained-session-over-one-hour",
        severity: Severity::Info,
        enabled_by_default: true,
        summary: "A role is reachable only by role chaining, yet its maximum session duration exceeds one hour.",
        help: "Lower `MaxSessionDuration` to 3600, or do not request longer chained sessions.",
        security_severity: 1.0,
        doc: include_str!("../../rules/chained-session-over-one-hour.md"),
    },
    check: Check::Graph(&ChainedSessionOverOneHour),
    unchecked_hint: None,
};

/// The longest session a chained `AssumeRole` can get, in seconds.
const CHAIN_LIMIT: u32 = 3600;

/// How many callers a finding names, at most.
const SHOWN: usize = 5;

struct ChainedSessionOverOneHour;

/// The session length a chained caller cannot get.
#[derive(Clone, Copy)]
enum Wanted {
    /// The role's `MaxSessionDuration`.
    RoleMaximum(u32),
    /// `[sessions] duration` of the configuration.
    Requested(u32),
}

impl GraphRule for ChainedSessionOverOneHour {
    fn check(&self, graph: &Graph, cx: &mut RuleContext<'_>) {
        for (id, node) in graph.nodes().iter().enumerate() {
            let Some(entity) = node.entity.map(|e| &graph.entities[e]) else {
                continue;
            };
            // What callers want: the role's own maximum, or the length the team's tooling asks
            // for (`[sessions] duration`), whichever says more than the chain allows.
            let wanted = match (entity.max_session_duration, cx.settings.session_duration) {
                (Some(max), _) if max > CHAIN_LIMIT => Wanted::RoleMaximum(max),
                (_, Some(requested)) if requested > CHAIN_LIMIT => Wanted::Requested(requested),
                _ => continue,
            };
            if node.kind != NodeKind::Role || !trust_admits_only_roles(graph, node) {
                continue;
            }
            let mut callers: Vec<_> = graph.in_edges(id).collect();
            if callers.is_empty()
                || callers
                    .iter()
                    .any(|e| graph.node(e.from).kind != NodeKind::Role)
            {
                continue;
            }
            callers.sort_by(|a, b| graph.node(a.from).id.cmp(&graph.node(b.from).id));
            let wants = match wanted {
                Wanted::RoleMaximum(max) => format!("allows sessions of {max} seconds"),
                Wanted::Requested(requested) => format!(
                    "is expected to give sessions of {requested} seconds (`[sessions] duration`)"
                ),
            };
            let mut diagnostic = Diagnostic::new(
                &RULE.meta,
                entity.span,
                format!(
                    "role `{}` {wants}, but only roles can assume it and a chained session lasts at most {CHAIN_LIMIT} seconds",
                    node.name()
                ),
            );
            for edge in callers.iter().take(SHOWN) {
                diagnostic = diagnostic.with_label(
                    edge.principal,
                    format!(
                        "{} is a role: assuming `{}` from its session is role chaining",
                        node_label(graph, edge.from),
                        node.name()
                    ),
                );
            }
            let help = match wanted {
                Wanted::RoleMaximum(_) => format!(
                    "set `MaxSessionDuration` of `{}` to {CHAIN_LIMIT} (callers asking for more with `DurationSeconds` fail), or let a non-role principal assume it if long sessions are needed",
                    node.name()
                ),
                Wanted::Requested(_) => format!(
                    "request at most {CHAIN_LIMIT} seconds when assuming `{}` from a role session (a longer `DurationSeconds` fails), or let a non-role principal assume it",
                    node.name()
                ),
            };
            cx.report(diagnostic.with_help(help));
        }
    }
}

/// Whether every principal value of the role's Allow trust statements that may grant a
/// session is a known role or role-session ARN (and there is at least one).
fn trust_admits_only_roles(graph: &Graph, role: &Node) -> bool {
    let mut any = false;
    for &doc in &role.trust {
        for statement in &graph.documents[doc].statements {
            if !statement.is_allow() || covers_any(statement, ASSUME_ACTIONS) == Tri::No {
                continue;
            }
            if statement.not_principal.is_some() {
                return false;
            }
            let Some(principal) = &statement.principal else {
                continue;
            };
            let PrincipalForm::Map(entries) = &principal.form else {
                return false;
            };
            for entry in entries {
                for value in &entry.values {
                    let is_role = entry.key.value == "AWS"
                        && value.identity().is_some_and(|text| {
                            matches!(
                                classify_aws_principal(text),
                                AwsPrincipal::Role { .. } | AwsPrincipal::AssumedRole { .. }
                            )
                        });
                    if !is_role {
                        return false;
                    }
                    any = true;
                }
            }
        }
    }
    any
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::prelude::testkit::{World, allow, trust_of};

    const A: &str = "arn:aws:iam::111122223333:role/a";
    const B: &str = "arn:aws:iam::111122223333:role/b";

    #[test]
    fn role_assumed_only_by_a_role_with_long_sessions_is_reported() {
        let mut world = World::new();
        world.role(
            A,
            &trust_of("arn:aws:iam::111122223333:root"),
            &[&allow("sts:AssumeRole", B)],
        );
        let b = world.role(B, &trust_of(A), &[]);
        world.max_session(b, 43200);
        let found = world.run(&ChainedSessionOverOneHour);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0]
                .message
                .contains("role `b` allows sessions of 43200 seconds")
        );
    }

    #[test]
    fn one_hour_or_a_non_role_caller_is_fine() {
        let mut world = World::new();
        let b = world.role(B, &trust_of(A), &[]);
        world.max_session(b, 3600);
        assert!(world.run(&ChainedSessionOverOneHour).is_empty());
        let mut world = World::new();
        let b = world.role(B, &trust_of("arn:aws:iam::111122223333:user/u"), &[]);
        world.max_session(b, 7200);
        assert!(world.run(&ChainedSessionOverOneHour).is_empty());
        let ec2 = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}"#;
        let mut world = World::new();
        let b = world.role(B, ec2, &[]);
        world.max_session(b, 7200);
        assert!(world.run(&ChainedSessionOverOneHour).is_empty());
    }

    #[test]
    fn a_role_and_a_user_are_not_only_chaining() {
        let trust = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:role/a", "arn:aws:iam::111122223333:user/u"]}, "Action": "sts:AssumeRole"}]}"#;
        let mut world = World::new();
        let b = world.role(B, trust, &[]);
        world.max_session(b, 7200);
        assert!(world.run(&ChainedSessionOverOneHour).is_empty());
    }
}
