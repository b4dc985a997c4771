//! What TL405 (session tags) and TL406 (source identity) share: a session attribute that an
//! `AssumeRole*` request carries — because the role's trust demands it, or because an earlier
//! hop of a role chain set it — and that every such request needs a permission-only action
//! for.
//!
//! AWS: a role "without this permission [`sts:TagSession`] in the trust policy, the
//! `AssumeRole` operation will fail" when tags are passed [UG:id_session-tags]; transitive tags
//! "persist during role chaining" (same page), so each later hop passes them again. A source
//! identity "persists when a role is used to assume another role", and then "permissions for
//! `sts:SetSourceIdentity` are required in both the permissions policy of the principal who is
//! assuming the role and in the role trust policy of the target role. Otherwise, the assume
//! role operation will fail" [UG:id_credentials_temp_control-access_monitor].
//!
//! What the linter can know statically: a trust statement whose conditions fail whenever the
//! attribute is absent (`StringLike aws:RequestTag/Project *`, `Null sts:SourceIdentity
//! false`) demands it of every caller it admits. Nothing else is assumed: a provider or tool
//! that may pass tags is not a finding.

use std::collections::{BTreeSet, VecDeque};

use super::{
    hop_labels, node_label, out_edge_index, path_text, statement_admits, trust_admits,
    trust_statements,
};
use crate::eval::Tri;
use crate::eval::action::ASSUME_ROLE;
use crate::eval::condition::{KeyState, Request, evaluate_all};
use crate::eval::identity::decide;
use crate::graph::{Edge, Graph, NodeKind};
use crate::model::Statement;
use crate::report::diagnostic::Diagnostic;
use crate::rules::RuleMeta;
use crate::source::Span;

/// One attribute a session can carry, and what the linter reads of it.
pub struct Attribute {
    /// The permission-only action the attribute needs: `sts:TagSession`.
    pub action: &'static str,
    /// How messages name it: "session tags".
    pub noun: &'static str,
    /// Condition keys (case-insensitive, as IAM reads them) whose presence means the request
    /// carries the attribute.
    pub carried_by: fn(&str) -> bool,
    /// Condition keys (case-insensitive) whose presence means the new session passes the attribute
    /// on to the next hops of a chain.
    pub passed_on_by: fn(&str) -> bool,
    /// Whether a chained hop also needs the action in the caller's identity policies.
    pub caller_needs_action: bool,
}

/// Which side of a hop lacks the action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The target role's trust policy.
    Trust,
    /// The calling role's identity policies.
    Caller,
}

/// A hop that cannot complete because the request carries the attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Break {
    /// The failing hop (an index into the graph's edges).
    pub edge: usize,
    pub side: Side,
    /// The hops before it, in order, that gave the caller's session the attribute (empty when
    /// the failing hop's own trust demands it).
    pub upstream: Vec<usize>,
    /// The condition key that demands the attribute: on the failing hop's trust, or on the
    /// first upstream hop's.
    pub demanded_at: Span,
}

/// Every hop that fails for want of the attribute's action, in edge order: first those whose
/// own trust demands the attribute, then the later hops of chains that carry it.
pub fn breaks(graph: &Graph, attribute: &Attribute) -> Vec<Break> {
    let edges = graph.edges();
    let mut found = Vec::new();
    let mut broken = BTreeSet::new();
    let mut origins: Vec<(usize, Span)> = Vec::new();
    for (index, edge) in edges.iter().enumerate() {
        let Some(at) = demanded(graph, edge, attribute.carried_by) else {
            continue;
        };
        if trust_admits(graph, edge.to, edge.from, attribute.action) == Tri::No {
            broken.insert(index);
            found.push(Break {
                edge: index,
                side: Side::Trust,
                upstream: Vec::new(),
                demanded_at: at,
            });
        } else if graph.node(edge.to).kind == NodeKind::Role
            && let Some(at) = demanded(graph, edge, attribute.passed_on_by)
        {
            origins.push((index, at));
        }
    }
    found.extend(chained_breaks(graph, attribute, &origins, &broken));
    found
}

/// Breadth-first from the roles whose sessions carry the attribute on (the targets of
/// `origins`), along role-to-role hops: a hop that lacks the action breaks the chain there;
/// one that has it passes the attribute to the next role.
fn chained_breaks(
    graph: &Graph,
    attribute: &Attribute,
    origins: &[(usize, Span)],
    broken: &BTreeSet<usize>,
) -> Vec<Break> {
    let edges = graph.edges();
    let out = out_edge_index(graph, |e| {
        e.from != e.to && graph.node(e.to).kind == NodeKind::Role
    });
    let mut via: Vec<Option<usize>> = vec![None; graph.nodes().len()];
    let mut origin_of: Vec<Option<Span>> = vec![None; graph.nodes().len()];
    let mut queue = VecDeque::new();
    for &(edge, at) in origins {
        let role = edges[edge].to;
        if via[role].is_none() {
            via[role] = Some(edge);
            origin_of[role] = Some(at);
            queue.push_back(role);
        }
    }
    let mut found = Vec::new();
    while let Some(caller) = queue.pop_front() {
        for &hop in &out[caller] {
            if broken.contains(&hop) {
                continue;
            }
            let target = edges[hop].to;
            let side = if trust_admits(graph, target, caller, attribute.action) == Tri::No {
                Some(Side::Trust)
            } else if attribute.caller_needs_action && caller_lacks(graph, &edges[hop], attribute) {
                Some(Side::Caller)
            } else {
                None
            };
            match side {
                Some(side) => {
                    let upstream = path_into(edges, &via, &origin_of, caller);
                    let demanded_at =
                        origin_of[edges[upstream[0]].to].unwrap_or(edges[hop].principal);
                    found.push(Break {
                        edge: hop,
                        side,
                        upstream,
                        demanded_at,
                    });
                }
                None if via[target].is_none() => {
                    via[target] = Some(hop);
                    queue.push_back(target);
                }
                None => {}
            }
        }
    }
    found.sort_by_key(|b| b.edge);
    found
}

/// The hops that brought the attribute to `role`, first hop first.
fn path_into(
    edges: &[Edge],
    via: &[Option<usize>],
    origin_of: &[Option<Span>],
    role: usize,
) -> Vec<usize> {
    let mut path = Vec::new();
    let mut node = role;
    while let Some(edge) = via[node] {
        path.push(edge);
        if origin_of[node].is_some() {
            break;
        }
        node = edges[edge].from;
    }
    path.reverse();
    path
}

/// Where the caller's identity policies allow `sts:AssumeRole` on the hop's target, when the
/// edge did not need (so did not record) that grant: the statement to extend.
fn assume_grant_span(graph: &Graph, hop: &Edge) -> Option<Span> {
    let caller = graph.node(hop.from);
    let documents = caller.identity.iter().map(|&d| (d, &graph.documents[d]));
    let (doc, index) = decide(documents, ASSUME_ROLE, &graph.node(hop.to).id).allow?;
    let statement = &graph.documents[doc].statements[index];
    Some(statement.action.as_ref().map_or(statement.span, |a| a.span))
}

/// Whether the calling role's identity policies certainly do not allow the action on the
/// target (all of them loaded).
fn caller_lacks(graph: &Graph, hop: &Edge, attribute: &Attribute) -> bool {
    let caller = graph.node(hop.from);
    if !caller.is_defined() || caller.partial || caller.policies_missing {
        return false;
    }
    let documents = caller.identity.iter().map(|&d| (d, &graph.documents[d]));
    decide(documents, attribute.action, &graph.node(hop.to).id).allowed == Tri::No
}

/// Where the target's trust demands a condition key `keys` selects of this edge's caller:
/// every trust statement that may admit the caller for the edge's action fails when those
/// keys are absent. The span is the demanding key of the edge's own statement.
fn demanded(graph: &Graph, edge: &Edge, keys: fn(&str) -> bool) -> Option<Span> {
    let at = demanding_key(graph.statement(edge.trust), keys)?;
    let caller = graph.node(edge.from);
    trust_statements(graph, edge.to)
        .filter(|s| statement_admits(s, caller, edge.action) != Tri::No)
        .all(|s| demanding_key(s, keys).is_some())
        .then_some(at)
}

/// The first condition key `keys` selects, when the statement's conditions certainly fail
/// without every such key.
fn demanding_key(statement: &Statement, keys: fn(&str) -> bool) -> Option<Span> {
    let clauses = statement.clauses();
    let selected: Vec<_> = clauses.iter().filter(|c| keys(&c.key.value)).collect();
    let first = selected.first()?.key.span;
    let absent = selected.iter().fold(Request::default(), |request, clause| {
        request.with(&clause.key.value, KeyState::Absent)
    });
    (evaluate_all(clauses, &absent) == Tri::No).then_some(first)
}

/// The finding for one break: on the statement to fix (the target's trust statement, or the
/// caller's grant), with the demanding condition and every hop of the chain labelled.
pub fn diagnostic(
    graph: &Graph,
    rule: &'static RuleMeta,
    attribute: &Attribute,
    found: &Break,
) -> Diagnostic {
    let edges = graph.edges();
    let hop = &edges[found.edge];
    let (caller, target) = (node_label(graph, hop.from), node_label(graph, hop.to));
    let trust_statement = graph.statement(hop.trust);
    let action_span = |s: &Statement| s.action.as_ref().map_or(s.span, |a| a.span);
    let (noun, action) = (attribute.noun, attribute.action);
    let mut path = found.upstream.clone();
    path.push(found.edge);
    let (primary, message, help) = match found.side {
        Side::Trust if found.upstream.is_empty() => (
            action_span(trust_statement),
            format!(
                "{target}'s trust policy demands {noun} from {caller} but does not allow `{action}` for it"
            ),
            format!("add `{action}` to the actions of this statement, which admits {caller}"),
        ),
        Side::Trust => (
            action_span(trust_statement),
            format!(
                "the chain {} carries {noun} into its last hop, but {target}'s trust policy does not allow `{action}` for {caller}",
                path_text(graph, &path)
            ),
            format!("add `{action}` to the actions of this statement, which admits {caller}"),
        ),
        Side::Caller => (
            hop.grant
                .map(|g| action_span(graph.statement(g)))
                .or_else(|| assume_grant_span(graph, hop))
                .unwrap_or(hop.principal),
            format!(
                "the chain {} carries {noun} into its last hop, but {caller}'s identity policies do not allow `{action}` on {target}",
                path_text(graph, &path)
            ),
            format!(
                "allow `{action}` on {target} in {caller}'s identity policy, next to `sts:AssumeRole`"
            ),
        ),
    };
    let mut diagnostic = Diagnostic::new(
        rule,
        primary,
        format!("{message}: the `{}` call fails", hop.action),
    )
    .with_label(
        found.demanded_at,
        if found.upstream.is_empty() {
            format!("{noun} demanded here")
        } else {
            format!("{noun} demanded here, and passed on to every later hop")
        },
    );
    if found.side == Side::Caller {
        diagnostic =
            diagnostic.with_label(action_span(trust_statement), "the trust policy is here");
    }
    if !found.upstream.is_empty() {
        for (span, label) in hop_labels(graph, &path) {
            diagnostic = diagnostic.with_label(span, label);
        }
    }
    diagnostic.with_help(help)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OwnerKind;
    use crate::rules::prelude::testkit::{World, allow};
    use crate::rules::{GraphRule, RuleContext};

    const USER: &str = "arn:aws:iam::111122223333:user/alice";
    const FIRST: &str = "arn:aws:iam::111122223333:role/first";
    const SECOND: &str = "arn:aws:iam::111122223333:role/second";

    static META: RuleMeta = RuleMeta {
        code: "TL999",
        name: "test",
        severity: crate::report::diagnostic::Severity::Warning,
        enabled_by_default: true,
        summary: "",
        help: "",
        security_severity: 0.0,
        doc: "",
    };

    const SOURCE: Attribute = crate::rules::chain_missing_set_source_identity::SOURCE_IDENTITY;

    struct Probe(&'static Attribute);

    impl GraphRule for Probe {
        fn check(&self, graph: &Graph, cx: &mut RuleContext<'_>) {
            for found in breaks(graph, self.0) {
                cx.report(diagnostic(graph, &META, self.0, &found));
            }
        }
    }

    /// A trust admitting `principal` for `actions`, with an optional condition block.
    fn trust(principal: &str, actions: &str, condition: &str) -> String {
        let condition = if condition.is_empty() {
            String::new()
        } else {
            format!(r#","Condition":{condition}"#)
        };
        format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"{principal}"}},"Action":{actions}{condition}}}]}}"#
        )
    }

    const REQUIRE_SOURCE: &str = r#"{"StringEquals":{"sts:SourceIdentity":"${aws:username}"}}"#;

    /// alice → first (demanding a source identity) → second.
    fn chain(first_trust: &str, second_trust: &str, first_grants: &str) -> World {
        let mut world = World::new();
        world.define(OwnerKind::User, USER);
        world.define(OwnerKind::Role, FIRST);
        world.define(OwnerKind::Role, SECOND);
        world.inline(OwnerKind::User, USER, &allow("sts:AssumeRole", FIRST));
        world.inline(OwnerKind::Role, FIRST, first_grants);
        world.trust(FIRST, first_trust);
        world.trust(SECOND, second_trust);
        world
    }

    fn grants(actions: &str) -> String {
        format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":{actions},"Resource":"{SECOND}"}}]}}"#
        )
    }

    #[test]
    fn trust_demanding_the_attribute_without_its_action_is_a_break() {
        let world = chain(
            &trust(USER, r#""sts:AssumeRole""#, REQUIRE_SOURCE),
            &trust(FIRST, r#"["sts:AssumeRole","sts:SetSourceIdentity"]"#, ""),
            &grants(r#"["sts:AssumeRole","sts:SetSourceIdentity"]"#),
        );
        let found = world.run(&Probe(&SOURCE));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].at, r#""sts:AssumeRole""#);
        assert!(
            found[0]
                .message
                .contains("`first`'s trust policy demands a source identity from `alice`")
        );
        assert_eq!(found[0].labels[0].0, r#""sts:SourceIdentity""#);
    }

    #[test]
    fn demanded_attribute_with_its_action_passes_and_chained_hop_is_judged() {
        let world = chain(
            &trust(
                USER,
                r#"["sts:AssumeRole","sts:SetSourceIdentity"]"#,
                REQUIRE_SOURCE,
            ),
            &trust(FIRST, r#""sts:AssumeRole""#, ""),
            &grants(r#"["sts:AssumeRole","sts:SetSourceIdentity"]"#),
        );
        let found = world.run(&Probe(&SOURCE));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0]
                .message
                .contains("the chain `alice` → `first` → `second` carries a source identity"),
            "{}",
            found[0].message
        );
        assert!(found[0].message.contains(
            "`second`'s trust policy does not allow `sts:SetSourceIdentity` for `first`"
        ));
        assert_eq!(found[0].labels[0].0, r#""sts:SourceIdentity""#);
        assert!(
            found[0]
                .labels
                .iter()
                .any(|(_, l)| l.starts_with("hop 2: `first` can assume `second`"))
        );
    }

    #[test]
    fn chained_hop_lacking_the_action_on_the_caller_side_is_a_break() {
        let world = chain(
            &trust(
                USER,
                r#"["sts:AssumeRole","sts:SetSourceIdentity"]"#,
                REQUIRE_SOURCE,
            ),
            &trust(FIRST, r#"["sts:AssumeRole","sts:SetSourceIdentity"]"#, ""),
            &grants(r#""sts:AssumeRole""#),
        );
        let found = world.run(&Probe(&SOURCE));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].at, r#""sts:AssumeRole""#);
        assert!(found[0].message.contains(
            "`first`'s identity policies do not allow `sts:SetSourceIdentity` on `second`"
        ));
    }

    #[test]
    fn complete_chain_and_optional_attribute_are_silent() {
        let both = r#"["sts:AssumeRole","sts:SetSourceIdentity"]"#;
        let complete = chain(
            &trust(USER, both, REQUIRE_SOURCE),
            &trust(FIRST, both, ""),
            &grants(both),
        );
        assert!(complete.run(&Probe(&SOURCE)).is_empty());
        // `IfExists`: a caller without a source identity meets the condition, so nothing is
        // carried for certain.
        let optional = chain(
            &trust(
                USER,
                r#""sts:AssumeRole""#,
                r#"{"StringEqualsIfExists":{"sts:SourceIdentity":"alice"}}"#,
            ),
            &trust(FIRST, r#""sts:AssumeRole""#, ""),
            &grants(r#""sts:AssumeRole""#),
        );
        assert!(optional.run(&Probe(&SOURCE)).is_empty());
    }

    #[test]
    fn a_second_statement_admitting_without_the_demand_keeps_it_optional() {
        let trust = format!(
            r#"{{"Version":"2012-10-17","Statement":[
                {{"Effect":"Allow","Principal":{{"AWS":"{USER}"}},"Action":"sts:AssumeRole","Condition":{REQUIRE_SOURCE}}},
                {{"Effect":"Allow","Principal":{{"AWS":"111122223333"}},"Action":"sts:AssumeRole"}}]}}"#
        );
        let world = chain(&trust, &trust_of_first(), &grants(r#""sts:AssumeRole""#));
        assert!(world.run(&Probe(&SOURCE)).is_empty());
    }

    fn trust_of_first() -> String {
        trust(FIRST, r#""sts:AssumeRole""#, "")
    }

    #[test]
    fn unknown_caller_policies_or_trust_values_stay_silent() {
        let both = r#"["sts:AssumeRole","sts:SetSourceIdentity"]"#;
        // The second role's trust admits `first` for SetSourceIdentity through a value the
        // linter cannot read (a unique ID may be `first`).
        let unreadable = format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"{FIRST}"}},"Action":"sts:AssumeRole"}},{{"Effect":"Allow","Principal":{{"AWS":"AROAEXAMPLEID1234567"}},"Action":"sts:SetSourceIdentity"}}]}}"#
        );
        let world = chain(
            &trust(USER, both, REQUIRE_SOURCE),
            &unreadable,
            &grants(both),
        );
        assert!(world.run(&Probe(&SOURCE)).is_empty());
        // The calling role has a managed policy that is not loaded: its side is unknown.
        let mut world = chain(
            &trust(USER, both, REQUIRE_SOURCE),
            &trust(FIRST, both, ""),
            &grants(r#""sts:AssumeRole""#),
        );
        world.attach(1, "arn:aws:iam::111122223333:policy/not-loaded");
        assert!(world.run(&Probe(&SOURCE)).is_empty());
    }
}
