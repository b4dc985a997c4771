//! Small helpers several rules share: locating elements in a document's source tree and
//! naming statements and roles in messages.

pub mod condition_keys;
pub mod enforcing_deny;
pub mod federation;
pub mod identity_grants;
pub mod mfa;
pub mod session_attribute;
pub mod trust_actions;

use crate::eval::Tri;
use crate::eval::action::{ASSUME_ACTIONS, covers_any};
use crate::eval::condition::Operator;
use crate::model::{Clause, Document, DocumentKind, PrincipalForm, SVal, Statement};
use crate::source::Span;
use crate::syntax::tree::{Member, Node, NodeKind};

/// "role `deploy`" when the input names the role, else "this role".
pub fn role_name(document: &Document) -> String {
    match document.owner.as_ref().and_then(|o| o.name.as_deref()) {
        Some(name) => format!("role `{name}`"),
        None => "this role".to_string(),
    }
}

/// The members of a statement's object in the source tree, duplicates kept. Lowering keeps
/// the last `Statement` member (see `syntax::policy`), and so does [`Node::get`].
pub fn statement_members<'a>(document: &'a Document, statement: &Statement) -> &'a [Member] {
    let Some(node) = document.raw.get("Statement") else {
        return &[];
    };
    let candidates: &[Node] = match &node.kind {
        NodeKind::Array(items) => items,
        NodeKind::Object(_) => std::slice::from_ref(node),
        _ => &[],
    };
    candidates
        .iter()
        .find(|n| n.span == statement.span)
        .and_then(Node::as_object)
        .unwrap_or(&[])
}

/// The first member named `key` (an element is present if any copy of it is).
pub fn member<'a>(members: &'a [Member], key: &str) -> Option<&'a Member> {
    members.iter().find(|m| m.key == key)
}

/// The statement's clauses on `key` (keys are case-insensitive), with their parsed operator.
pub fn clauses_on<'a>(
    statement: &'a Statement,
    key: &'a str,
) -> impl Iterator<Item = (&'a Clause, Operator)> + 'a {
    statement.clauses().iter().filter_map(move |clause| {
        if clause.unreadable || !clause.key.value.eq_ignore_ascii_case(key) {
            return None;
        }
        Some((clause, Operator::parse(&clause.operator.value)?))
    })
}

/// "`a`", "`a` and `b`", "`a`, `b` and `c`".
pub fn and_list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|a| format!("`{a}`")).collect();
    match quoted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// The one-character span of an object's opening `{`: where a finding about a missing element
/// points, so it names the statement without underlining all of it.
pub fn opening(span: Span) -> Span {
    Span {
        end: span.start.saturating_add(1).min(span.end.max(span.start)),
        ..span
    }
}

/// "statement `Sid`" when the statement has a Sid, else "statement 2" (1-based).
pub fn describe(statement: &Statement, index: usize) -> String {
    match statement.sid.as_ref().and_then(|s| s.known()) {
        Some(sid) if !sid.is_empty() => format!("statement `{sid}`"),
        _ => format!("statement {}", index + 1),
    }
}

/// The Allow statements of a trust policy that grant a role session to `{"AWS": "*"}`, with the
/// `"*"` value. The bare `"Principal": "*"` is TL110's (Access Analyzer rejects it in a trust).
pub fn any_principal_grants(document: &Document) -> impl Iterator<Item = (&Statement, &SVal)> {
    document
        .statements
        .iter()
        .filter(move |_| document.kind == DocumentKind::Trust)
        .filter(|s| s.is_allow())
        .filter_map(|statement| {
            let principal = statement.principal.as_ref()?;
            if matches!(principal.form, PrincipalForm::Star(_)) {
                return None;
            }
            let star = principal
                .values_of("AWS")
                .find(|v| v.known() == Some("*"))?;
            (covers_any(statement, ASSUME_ACTIONS) == Tri::Yes).then_some((statement, star))
        })
}

/// "statement `Sid`", "statement 2" (1-based), or "the statement" when there is only one:
/// for rules that read the source tree.
pub fn raw_statement_name(node: &Node, index: Option<usize>) -> String {
    match (node.get("Sid").and_then(Node::as_str), index) {
        (Some(sid), _) if !sid.is_empty() => format!("statement `{sid}`"),
        (_, Some(index)) => format!("statement {}", index + 1),
        (_, None) => "the statement".to_string(),
    }
}

// ---------------------------------------------------------------------------------------------
// Principal-graph helpers (TL407–TL411): chain labels and searches. Admin-equivalence is a
// property of the graph ([`crate::graph::admin`]), computed once for every rule.
// ---------------------------------------------------------------------------------------------

pub use crate::graph::admin::Admin;

/// How a node is named in a message: "`deploy`" for users and roles, "any principal",
/// "account `111122223333`", "`lambda.amazonaws.com`".
pub fn node_label(graph: &crate::graph::Graph, node: crate::graph::NodeId) -> String {
    use crate::graph::NodeKind as G;
    let n = graph.node(node);
    match n.kind {
        G::Any => "any principal".to_string(),
        G::Account => format!("account `{}`", n.id),
        G::Federated => format!("provider `{}`", provider_name(&n.id)),
        _ => format!("`{}`", n.name()),
    }
}

/// The most hops a chain finding spells out; longer paths are elided in the middle of the
/// text and only their first hops get labels.
pub const MAX_SHOWN_HOPS: usize = 20;

/// A federated provider's short name: the host of an OIDC provider ARN, the name of a SAML
/// provider ARN, or the domain itself.
pub fn provider_name(id: &str) -> &str {
    ["oidc-provider/", "saml-provider/"]
        .iter()
        .find_map(|marker| id.split_once(marker).map(|(_, rest)| rest))
        .unwrap_or(id)
}

/// A path of edges as text: "`a` → `b` → `c`" (elided past [`MAX_SHOWN_HOPS`]).
pub fn path_text(graph: &crate::graph::Graph, path: &[usize]) -> String {
    let edges = graph.edges();
    let mut text = match path.first() {
        Some(&e) => node_label(graph, edges[e].from),
        None => return String::new(),
    };
    for (i, &e) in path.iter().enumerate() {
        if path.len() > MAX_SHOWN_HOPS && i + 1 == MAX_SHOWN_HOPS / 2 {
            text.push_str(&format!(" → … ({} hops in all) …", path.len()));
        }
        if path.len() > MAX_SHOWN_HOPS && i + 1 >= MAX_SHOWN_HOPS / 2 && i + 1 < path.len() {
            continue;
        }
        text.push_str(" → ");
        text.push_str(&node_label(graph, edges[e].to));
    }
    text
}

/// One secondary label per hop, on the trust principal value that admits the caller:
/// "hop 2: `intermediate-role` can assume `ending-role`".
pub fn hop_labels(graph: &crate::graph::Graph, path: &[usize]) -> Vec<(Span, String)> {
    let edges = graph.edges();
    path.iter()
        .take(MAX_SHOWN_HOPS)
        .enumerate()
        .map(|(i, &e)| {
            let edge = &edges[e];
            (
                edge.principal,
                format!(
                    "hop {}: {} can assume {}",
                    i + 1,
                    node_label(graph, edge.from),
                    node_label(graph, edge.to)
                ),
            )
        })
        .collect()
}

/// An edge a role session (or user) can take for certain: the caller is a user or role, the
/// edge is certain as far as the loaded documents tell, and it is not a self-loop.
pub fn is_certain_hop(graph: &crate::graph::Graph, edge: &crate::graph::Edge) -> bool {
    use crate::graph::NodeKind as G;
    !edge.uncertain
        && edge.from != edge.to
        && matches!(graph.node(edge.from).kind, G::User | G::Role)
        && graph.node(edge.to).kind == G::Role
}

/// Breadth-first search from the queued nodes along `out` (edge indexes per node), recording
/// in `via` the edge that first reaches each node. A path ends at the first admin-equivalent
/// role it reaches: that is where an escalation happens.
pub fn spread_until_admin(
    edges: &[crate::graph::Edge],
    out: &[Vec<usize>],
    levels: &[Admin],
    seen: &mut [bool],
    via: &mut [Option<usize>],
    queue: &mut std::collections::VecDeque<usize>,
) {
    while let Some(node) = queue.pop_front() {
        for &e in &out[node] {
            let to = edges[e].to;
            if seen[to] {
                continue;
            }
            seen[to] = true;
            via[to] = Some(e);
            if !levels[to].is_yes() {
                queue.push_back(to);
            }
        }
    }
}

/// The indexes of the edges for which `keep` holds, by caller node: an adjacency list for
/// searches that record the edge taken (one pass over the edges).
pub fn out_edge_index(
    graph: &crate::graph::Graph,
    keep: impl Fn(&crate::graph::Edge) -> bool,
) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); graph.nodes().len()];
    for (index, edge) in graph.edges().iter().enumerate() {
        if keep(edge) {
            out[edge.from].push(index);
        }
    }
    out
}

/// Whether any loaded trust policy of `role` allows `caller` the trust-side `action`
/// (`sts:AssumeRole`, `sts:TagSession`, …); see [`statement_admits`]. Deny statements are
/// ignored (a Deny could only remove admissions, and a finding needs none).
pub fn trust_admits(
    graph: &crate::graph::Graph,
    role: crate::graph::NodeId,
    caller: crate::graph::NodeId,
    action: &str,
) -> Tri {
    let caller = graph.node(caller);
    Tri::any(trust_statements(graph, role).map(|s| statement_admits(s, caller, action)))
}

/// The statements of the role's loaded trust policies, in order.
pub fn trust_statements(
    graph: &crate::graph::Graph,
    role: crate::graph::NodeId,
) -> impl Iterator<Item = &Statement> {
    graph
        .node(role)
        .trust
        .iter()
        .map(|&doc| &graph.documents[doc])
        .filter(|document| document.kind == DocumentKind::Trust)
        .flat_map(|document| &document.statements)
}

/// Whether one trust statement allows `caller` the trust-side `action`: by the caller's exact
/// ARN, a session of it, its account, `*`, or — for a service or provider — its exact name
/// under `Service` or `Federated`. Conditions do not matter here (a conditioned admission
/// still admits); a Deny admits no one. `Unknown` when a value the linter cannot read may name
/// the caller.
pub fn statement_admits(statement: &Statement, caller: &crate::graph::Node, action: &str) -> Tri {
    use crate::eval::action::covers;
    use crate::model::{Effect, Val};
    let allow = match &statement.effect {
        Some(effect) => match &effect.value {
            Val::Unknown(_) | Val::Symbol(_) => Tri::Unknown,
            Val::Known(_) => Tri::from_bool(statement.effect() == Some(Effect::Allow)),
        },
        None => Tri::No,
    };
    let allowed = allow.and(covers(statement, action));
    if allowed == Tri::No {
        return Tri::No;
    }
    // `NotPrincipal` with Allow admits everyone it does not list.
    if statement.not_principal.is_some() {
        return Tri::Unknown;
    }
    let Some(principal) = &statement.principal else {
        return Tri::No;
    };
    let values: Vec<(&str, &SVal)> = match &principal.form {
        PrincipalForm::Star(value) => vec![("AWS", value)],
        PrincipalForm::Map(entries) => entries
            .iter()
            .flat_map(|e| e.values.iter().map(|v| (e.key.value.as_str(), v)))
            .collect(),
        PrincipalForm::Unknown(_) => return allowed.and(Tri::Unknown),
    };
    let names = Tri::any(
        values
            .into_iter()
            .map(|(key, value)| match value.identity() {
                None => Tri::Unknown,
                Some(text) => names_caller(key, text, caller),
            }),
    );
    allowed.and(names)
}

/// Whether one principal value (under `key`: `AWS`, `Service`, `Federated`) names the caller.
fn names_caller(key: &str, text: &str, caller: &crate::graph::Node) -> Tri {
    use crate::graph::NodeKind as G;
    use crate::model::arn::{AwsPrincipal, classify_aws_principal};
    match (key, caller.kind) {
        ("Service", G::Service) | ("Federated", G::Federated) => {
            return Tri::from_bool(text == caller.id);
        }
        ("AWS", G::User | G::Role | G::Account | G::Any) => {}
        _ => return Tri::No,
    }
    let account = caller.account.as_deref();
    match (classify_aws_principal(text), caller.kind) {
        (AwsPrincipal::Anyone, _) => Tri::Yes,
        // "Any principal" stands for callers a value may or may not name.
        (AwsPrincipal::Invalid(_), _) => Tri::No,
        // A unique ID may be the caller's (the linter does not know IDs).
        (AwsPrincipal::UniqueId(_), _) | (_, G::Any) => Tri::Unknown,
        (AwsPrincipal::Account { account: a }, _) => Tri::from_bool(Some(a) == account),
        // An account stands for its principals: a user or role of it may be the caller.
        (parsed, G::Account) => {
            if parsed.account() == account {
                Tri::Unknown
            } else {
                Tri::No
            }
        }
        (AwsPrincipal::User { .. } | AwsPrincipal::Role { .. }, _) => {
            Tri::from_bool(text == caller.id)
        }
        // A session of the role: `arn:aws:sts::A:assumed-role/<name>/<session>` (the session
        // ARN carries the role's name, never its path).
        (
            AwsPrincipal::AssumedRole {
                account: a,
                role_and_session,
            },
            _,
        ) => Tri::from_bool(
            caller.kind == G::Role
                && Some(a) == account
                && role_and_session.split('/').next() == Some(caller.name()),
        ),
        (AwsPrincipal::FederatedUser { .. }, _) => Tri::No,
    }
}

#[cfg(test)]
pub mod testkit {
    //! Builds a [`Graph`] by hand for the graph rules' unit tests: documents from JSON text,
    //! entities with their definitions in files of their own, so a test can read back what a
    //! span covers.

    use crate::config::Settings;
    use crate::graph::Graph;
    use crate::model::{
        Attachment, Document, DocumentKind, Entity, Inventory, Owner, OwnerKind, Spanned,
    };
    use crate::rules::{GraphRule, RuleContext};
    use crate::source::Span;
    use crate::syntax::json::{Dialect, parse};
    use crate::syntax::policy::{KindHint, lower_policy};

    #[derive(Default)]
    pub struct World {
        texts: Vec<String>,
        documents: Vec<Document>,
        entities: Vec<Entity>,
        complete: Vec<String>,
    }

    /// One finding, with the text its spans cover.
    #[derive(Debug)]
    pub struct Found {
        pub message: String,
        pub at: String,
        pub labels: Vec<(String, String)>,
    }

    fn account_of(arn: &str) -> String {
        arn.split(':').nth(4).unwrap_or_default().to_string()
    }

    fn name_of(arn: &str) -> String {
        arn.rsplit('/').next().unwrap_or_default().to_string()
    }

    impl World {
        pub fn new() -> Self {
            World::default()
        }

        fn file(&mut self, text: &str) -> (u32, Span) {
            self.texts.push(text.to_string());
            let file = (self.texts.len() - 1) as u32;
            (file, Span::new(file, 0, text.len()))
        }

        /// Marks an account as loaded whole (an account dump).
        pub fn complete(&mut self, account: &str) -> &mut Self {
            self.complete.push(account.to_string());
            self
        }

        /// Defines a user, group or role; returns its index for [`World::attach`] and the like.
        pub fn define(&mut self, kind: OwnerKind, arn: &str) -> usize {
            let (_, span) = self.file(arn);
            self.entities.push(Entity::new(
                kind,
                arn.to_string(),
                account_of(arn),
                name_of(arn),
                span,
            ));
            self.entities.len() - 1
        }

        /// Defines a role with its trust and inline identity policies; returns its index.
        pub fn role(&mut self, arn: &str, trust: &str, inline: &[&str]) -> usize {
            let role = self.define(OwnerKind::Role, arn);
            self.trust(arn, trust);
            for text in inline {
                self.inline(OwnerKind::Role, arn, text);
            }
            role
        }

        /// Defines a user with inline identity policies; returns its index.
        pub fn user(&mut self, arn: &str, inline: &[&str]) -> usize {
            let user = self.define(OwnerKind::User, arn);
            for text in inline {
                self.inline(OwnerKind::User, arn, text);
            }
            user
        }

        pub fn group_of(&mut self, user: usize, group: &str) -> &mut Self {
            let (_, span) = self.file(group);
            self.entities[user].groups.push(Spanned {
                value: group.to_string(),
                span,
            });
            self
        }

        /// Attaches a managed policy, by ARN, to a defined entity.
        pub fn attach(&mut self, entity: usize, policy_arn: &str) -> &mut Self {
            let (_, span) = self.file(policy_arn);
            self.entities[entity].managed_policies.push(Spanned {
                value: policy_arn.to_string(),
                span,
            });
            self
        }

        pub fn boundary(&mut self, entity: usize, policy_arn: &str) -> &mut Self {
            let (_, span) = self.file(policy_arn);
            self.entities[entity].boundary = Some(Spanned {
                value: policy_arn.to_string(),
                span,
            });
            self
        }

        /// Sets a defined role's `MaxSessionDuration`.
        pub fn max_session(&mut self, role: usize, seconds: u32) -> &mut Self {
            self.entities[role].max_session_duration = Some(seconds);
            self
        }

        fn document(
            &mut self,
            text: &str,
            kind: DocumentKind,
            owner: Option<(OwnerKind, &str)>,
            attachment: Attachment,
        ) -> &mut Self {
            let (file, _) = self.file(text);
            let node = parse(text, file, Dialect::Strict).expect("valid JSON");
            let owner = owner.map(|(kind, arn)| Owner {
                kind,
                name: Some(name_of(arn)),
                account: Some(account_of(arn)),
                arn: Some(arn.to_string()),
            });
            let mut document = lower_policy(node, KindHint::Known(kind), owner);
            document.attachment = attachment;
            self.documents.push(document);
            self
        }

        /// A role's trust policy. Without [`World::define`] (or [`World::role`]) the role is
        /// known only by its trust, as from a `get-role` output.
        pub fn trust(&mut self, role_arn: &str, text: &str) -> &mut Self {
            self.document(
                text,
                DocumentKind::Trust,
                Some((OwnerKind::Role, role_arn)),
                Attachment::Trust,
            )
        }

        pub fn inline(&mut self, kind: OwnerKind, owner_arn: &str, text: &str) -> &mut Self {
            self.document(
                text,
                DocumentKind::Identity,
                Some((kind, owner_arn)),
                Attachment::Inline,
            )
        }

        pub fn managed(&mut self, policy_arn: &str, text: &str) -> &mut Self {
            self.document(
                text,
                DocumentKind::Identity,
                None,
                Attachment::Managed {
                    arn: policy_arn.to_string(),
                },
            )
        }

        /// Runs one graph rule with default settings.
        pub fn run(&self, rule: &dyn GraphRule) -> Vec<Found> {
            self.run_owning(rule, &[])
        }

        /// Runs one graph rule with `own` as the `[accounts] own` setting.
        pub fn run_owning(&self, rule: &dyn GraphRule, own: &[&str]) -> Vec<Found> {
            let graph = Graph::build(
                self.documents.clone(),
                Inventory {
                    entities: self.entities.clone(),
                    complete_accounts: self.complete.clone(),
                    ..Inventory::default()
                },
            );
            let settings = Settings {
                own_accounts: own.iter().map(|a| a.to_string()).collect(),
                ..Default::default()
            };
            let mut cx = RuleContext::new(&settings);
            rule.check(&graph, &mut cx);
            let text = |span: Span| self.texts[span.file as usize][span.range()].to_string();
            cx.finish()
                .0
                .into_iter()
                .map(|d| Found {
                    message: d.message,
                    at: text(d.span),
                    labels: d
                        .labels
                        .iter()
                        .map(|l| (text(l.span), l.message.clone()))
                        .collect(),
                })
                .collect()
        }
    }

    /// A one-statement identity policy allowing `action` on `resource`.
    pub fn allow(action: &str, resource: &str) -> String {
        format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"{action}","Resource":"{resource}"}}]}}"#
        )
    }

    /// A one-statement trust admitting `principal` (an `AWS` value) for `sts:AssumeRole`.
    pub fn trust_of(principal: &str) -> String {
        format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"{principal}"}},"Action":"sts:AssumeRole"}}]}}"#
        )
    }
}

#[cfg(test)]
mod tests {
    use super::and_list;

    #[test]
    fn and_list_reads_naturally() {
        assert_eq!(and_list(&["a"]), "`a`");
        assert_eq!(and_list(&["a", "b", "c"]), "`a`, `b` and `c`");
        assert_eq!(and_list(&[]), "");
    }
}
