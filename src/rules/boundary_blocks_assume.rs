//! TL412 `boundary-blocks-assume`: a user or role is named by a role's trust (by its exact ARN,
//! or through its account when the principal's own policy names the role exactly), but its
//! permissions boundary does not allow `sts:AssumeRole` on that role.
//!
//! A boundary caps what identity policies grant, so wherever the caller's identity side must
//! allow the call (cross-account, or a trust naming the account) the call fails. When the trust
//! names the caller's exact ARN in the same account the identity side is not needed, and the
//! docs disagree (AWS-SEMANTICS §1): grants to a role ARN "are limited by an implicit deny in a
//! permissions boundary" [UG:reference_policies_evaluation-logic], the same page says grants to
//! a user ARN are not, while the trust-policy page says "If a permissions boundary is set for
//! the user, then it must allow the sts:AssumeRole action" (id_roles_update-role-trust-policy).
//! That case is reported as uncertain.
//!
//! Silent when the boundary's document is not loaded, when the boundary may allow the call
//! (a condition, an unknown value), when the caller's side needs a grant and certainly has none
//! (TL401's), or when an explicit Deny already blocks the call.

use std::collections::{HashMap, HashSet};

use super::assume_missing_identity_permission::describe;
use super::dangling_assume_grant::names_assume_action;
use super::{Check, GraphRule, Rule, RuleContext, RuleMeta};
use crate::eval::Tri;
use crate::eval::action::{ASSUME_ROLE, covers};
use crate::graph::{Graph, Node, NodeId, NodeKind, Target, TrustRef};
use crate::model::pattern::has_wildcard;
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL412",
        name: "boundary-blocks-assume",
        severity: Severity::Warning,
        enabled_by_default: true,
        summary: "A principal's permissions boundary does not allow `sts:AssumeRole` on a role whose trust names it.",
        help: "Allow `sts:AssumeRole` on the role in the permissions boundary, or remove the trust.",
        security_severity: 4.0,
        doc: include_str!("../../rules/boundary-blocks-assume.md"),
    },
    check: Check::Graph(&BoundaryBlocksAssume),
    unchecked_hint: None,
};

struct BoundaryBlocksAssume;

impl GraphRule for BoundaryBlocksAssume {
    fn check(&self, graph: &Graph, cx: &mut RuleContext<'_>) {
        // The defined users and roles with a permissions boundary (few), by the role ARNs their
        // own policies name exactly in an `sts:AssumeRole` grant: through an account principal
        // only such a caller means to assume the role. A boundary that narrows a wildcard grant
        // (`sts:AssumeRole` on `*`) is doing its job.
        let mut bounded_any = false;
        let mut named_by_bounded: HashMap<&str, Vec<NodeId>> = HashMap::new();
        for (id, node) in graph.nodes().iter().enumerate() {
            if !node.is_defined()
                || node.boundary.is_none()
                || !matches!(node.kind, NodeKind::User | NodeKind::Role)
            {
                continue;
            }
            bounded_any = true;
            for arn in exact_assume_targets(graph, node) {
                let callers = named_by_bounded.entry(arn).or_default();
                if callers.last() != Some(&id) {
                    callers.push(id);
                }
            }
        }
        if !bounded_any {
            return;
        }
        let mut reported: HashSet<(NodeId, NodeId)> = HashSet::new();
        for reference in graph.trust_refs() {
            if covers(graph.statement(reference.trust), ASSUME_ROLE) == Tri::No {
                continue;
            }
            let role = graph.node(reference.role);
            match &reference.target {
                Target::Node(caller) => {
                    let same_account =
                        role.account.is_some() && graph.node(*caller).account == role.account;
                    check_pair(graph, cx, reference, *caller, !same_account, &mut reported);
                }
                Target::Account(account) => {
                    let callers = named_by_bounded.get(role.id.as_str());
                    for &caller in callers.into_iter().flatten() {
                        if graph.node(caller).account.as_deref() == Some(account.as_str()) {
                            check_pair(graph, cx, reference, caller, true, &mut reported);
                        }
                    }
                }
                Target::Any => {}
            }
        }
    }
}

/// The ARNs (no wildcard) on which the principal's own policies allow `sts:AssumeRole`
/// through an `sts:` action.
fn exact_assume_targets<'a>(graph: &'a Graph, node: &'a Node) -> impl Iterator<Item = &'a str> {
    node.identity.iter().flat_map(move |&doc| {
        graph.documents[doc]
            .statements
            .iter()
            .filter(|s| names_assume_action(s))
            .filter_map(|s| s.resource.as_ref())
            .flat_map(|list| list.values.iter())
            .filter_map(|v| v.identity())
            .filter(|arn| !has_wildcard(arn))
    })
}

/// Reports `caller` → the reference's role when the caller's boundary certainly does not allow
/// the call. `needs_grant`: the caller's identity side must allow it (AWS-SEMANTICS §1).
fn check_pair(
    graph: &Graph,
    cx: &mut RuleContext<'_>,
    reference: &TrustRef,
    caller: NodeId,
    needs_grant: bool,
    reported: &mut HashSet<(NodeId, NodeId)>,
) {
    let node = graph.node(caller);
    if !node.is_defined() || !matches!(node.kind, NodeKind::User | NodeKind::Role) {
        return;
    }
    let Some((boundary_span, _)) = node.boundary else {
        return;
    };
    let role = graph.node(reference.role);
    let (allowed, denied, boundary, _) = graph.identity_decision(caller, &role.id);
    if boundary != Some(Tri::No)
        || denied == Tri::Yes
        || (needs_grant && allowed == Tri::No)
        || !reported.insert((caller, reference.role))
    {
        return;
    }
    let consequence = match (needs_grant, node.kind) {
        (true, _) => "a boundary caps the identity policies this call needs, so it fails",
        (false, NodeKind::Role) => {
            "a boundary limits even a same-account trust that names the role's ARN, so it fails"
        }
        _ => {
            "AWS documentation disagrees on whether a boundary limits a same-account trust that names a user, so the call is uncertain or fails"
        }
    };
    let message = match &reference.target {
        Target::Account(account) => format!(
            "{} trusts account `{account}`, and {} of it is granted `sts:AssumeRole` on the role, but its permissions boundary does not allow it: {consequence}",
            describe(role),
            describe(node),
        ),
        _ => format!(
            "{} trusts {}, whose permissions boundary does not allow `sts:AssumeRole` on it: {consequence}",
            describe(role),
            describe(node),
        ),
    };
    cx.report(
        Diagnostic::new(&RULE.meta, reference.value, message)
            .with_label(
                boundary_span,
                format!(
                    "the permissions boundary of {}: it does not allow `sts:AssumeRole` on `{}`",
                    describe(node),
                    role.id
                ),
            )
            .with_help(format!(
                "allow `sts:AssumeRole` on `{}` in the permissions boundary of {}, or remove it from the trust policy",
                role.id,
                describe(node)
            )),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OwnerKind;
    use crate::rules::prelude::testkit::{World, allow, trust_of};

    const ROLE: &str = "arn:aws:iam::111122223333:role/deploy";
    const ALICE: &str = "arn:aws:iam::111122223333:user/alice";
    const CI: &str = "arn:aws:iam::444455556666:role/ci";
    const BOUNDARY: &str = "arn:aws:iam::111122223333:policy/dev-boundary";
    const S3_ONLY: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#;

    fn world(caller: &str, boundary_document: Option<&str>, trust: &str) -> World {
        let mut world = World::new();
        world.define(OwnerKind::Role, ROLE);
        let kind = if caller.contains(":user/") {
            OwnerKind::User
        } else {
            OwnerKind::Role
        };
        let entity = world.define(kind, caller);
        world.boundary(entity, BOUNDARY);
        if let Some(text) = boundary_document {
            world.managed(BOUNDARY, text);
        }
        world.inline(kind, caller, &allow("sts:AssumeRole", ROLE));
        world.trust(ROLE, trust);
        world
    }

    #[test]
    fn same_account_user_named_exactly_is_uncertain() {
        let found = world(ALICE, Some(S3_ONLY), &trust_of(ALICE)).run(&BoundaryBlocksAssume);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].at, format!("\"{ALICE}\""));
        assert_eq!(found[0].labels[0].0, BOUNDARY);
        assert!(
            found[0].message.contains("disagrees"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn cross_account_role_fails() {
        let found = world(CI, Some(S3_ONLY), &trust_of(CI)).run(&BoundaryBlocksAssume);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("so it fails"));
    }

    #[test]
    fn account_principal_reports_each_granted_caller() {
        let found = world(CI, Some(S3_ONLY), &trust_of("444455556666")).run(&BoundaryBlocksAssume);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].at, "\"444455556666\"");
    }

    #[test]
    fn account_principal_with_a_wildcard_grant_is_the_boundary_doing_its_job() {
        let mut world = World::new();
        world.define(OwnerKind::Role, ROLE);
        let alice = world.define(OwnerKind::User, ALICE);
        world.boundary(alice, BOUNDARY);
        world.managed(BOUNDARY, S3_ONLY);
        world.inline(OwnerKind::User, ALICE, &allow("sts:AssumeRole", "*"));
        world.trust(ROLE, &trust_of("111122223333"));
        assert!(world.run(&BoundaryBlocksAssume).is_empty());
        // Named by its exact ARN, the same caller is reported.
        world.trust(ROLE, &trust_of(ALICE));
        assert_eq!(world.run(&BoundaryBlocksAssume).len(), 1);
    }

    #[test]
    fn boundary_allowing_unloaded_or_conditioned_is_silent() {
        let allows = allow("sts:AssumeRole", "arn:aws:iam::*:role/*");
        assert!(
            world(ALICE, Some(&allows), &trust_of(ALICE))
                .run(&BoundaryBlocksAssume)
                .is_empty()
        );
        assert!(
            world(ALICE, None, &trust_of(ALICE))
                .run(&BoundaryBlocksAssume)
                .is_empty()
        );
        let conditioned = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/team":"dev"}}}]}"#;
        assert!(
            world(ALICE, Some(conditioned), &trust_of(ALICE))
                .run(&BoundaryBlocksAssume)
                .is_empty()
        );
    }

    #[test]
    fn cross_account_caller_without_grant_is_left_to_tl401() {
        let mut world = World::new();
        world.define(OwnerKind::Role, ROLE);
        let ci = world.define(OwnerKind::Role, CI);
        world.boundary(ci, BOUNDARY);
        world.managed(BOUNDARY, S3_ONLY);
        world.trust(ROLE, &trust_of(CI));
        assert!(world.run(&BoundaryBlocksAssume).is_empty());
    }
}
