//! The principal graph: every user, group, role, account, service, federated provider and
//! "any principal" named by the loaded files, and the can-assume edges between them, decided
//! on both sides as AWS does (AWS-SEMANTICS §1, RULES.md TL4xx).
//!
//! Scale: callers are found through an index of their `sts:AssumeRole` grants by resource
//! pattern ([`index::PatternIndex`]), and a trust of `{"AWS": "*"}` is one edge from one
//! "any principal" node, so no step compares every caller with every role.

pub mod admin;
pub mod edge;
pub mod index;
pub mod path;

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use rayon::prelude::*;
use serde::Serialize;

use crate::eval::Tri;
use crate::eval::action::{
    ASSUME_ACTIONS, ASSUME_ROLE, ASSUME_ROLE_WITH_SAML, ASSUME_ROLE_WITH_WEB_IDENTITY, covers,
};
use crate::eval::assume::{Caller, NamedBy};
use crate::eval::identity::{Prepared, decide_prepared};
use crate::model::arn::{
    AwsPrincipal, FederatedPrincipal, classify_aws_principal, classify_federated_principal,
};
use crate::model::{
    Attachment, Document, DocumentKind, Effect, Entity, Inventory, Link, LinkFact, OwnerKind,
    PrincipalForm, Statement, Val,
};
use crate::source::Span;
use edge::{EdgeInputs, Verdict, decide};
use index::PatternIndex;

pub type NodeId = usize;
pub type DocId = usize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NodeKind {
    Role,
    User,
    Group,
    Account,
    Service,
    Federated,
    Any,
}

/// A principal of the graph.
#[derive(Debug, Clone)]
pub struct Node {
    /// The ARN, account ID, service or provider name, or `*`.
    pub id: String,
    pub kind: NodeKind,
    pub account: Option<String>,
    /// The definition in the input (an account dump, `get-role`, a `[[principal]]` entry).
    pub entity: Option<usize>,
    /// The definition does not list the principal's policies (`get-role` output).
    pub partial: bool,
    /// An attached managed policy (its own or a group's) or a group is not loaded: the
    /// identity side may allow or deny more than the loaded documents say.
    pub policies_missing: bool,
    /// A role's trust policies.
    pub trust: Vec<DocId>,
    /// The identity policies that apply: inline, attached managed, and a user's groups'.
    pub identity: Vec<DocId>,
    /// A user's groups that the input defines (the others set `policies_missing`).
    pub groups: Vec<NodeId>,
    /// The permissions boundary: its ARN's span and, when loaded, its document.
    pub boundary: Option<(Span, Option<DocId>)>,
}

impl Node {
    /// A principal whose policies the input lists in full, so its identity side is known.
    pub fn is_defined(&self) -> bool {
        self.entity.is_some() && !self.partial
    }

    /// The short name of a user, group or role ARN (after the last `/`), or the id.
    pub fn name(&self) -> &str {
        match self.kind {
            NodeKind::Role | NodeKind::User | NodeKind::Group => {
                self.id.rsplit('/').next().unwrap_or(&self.id)
            }
            _ => &self.id,
        }
    }
}

/// One statement of one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StatementRef {
    pub doc: DocId,
    pub statement: usize,
}

/// `from` can assume `to`.
#[derive(Debug, Clone)]
pub struct Edge {
    pub from: NodeId,
    pub to: NodeId,
    /// `sts:AssumeRole`, `…WithSAML` or `…WithWebIdentity`.
    pub action: &'static str,
    /// The trust statement that admits the caller, and the principal value naming it.
    pub trust: StatementRef,
    pub principal: Span,
    /// The caller's identity statement that allows the call, where one is needed and found.
    pub grant: Option<StatementRef>,
    /// A condition, unknown value, missing document or boundary stands in between.
    pub uncertain: bool,
}

/// What a trust statement names, whether or not an edge results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A user, role, session, service or provider node.
    Node(NodeId),
    /// A whole account (`:root` or the bare ID).
    Account(String),
    /// `{"AWS": "*"}`.
    Any,
}

/// One principal value of an Allow trust statement granting a role session.
#[derive(Debug, Clone)]
pub struct TrustRef {
    pub role: NodeId,
    pub trust: StatementRef,
    pub value: Span,
    pub target: Target,
}

/// An identity statement that may allow `sts:AssumeRole`, and whose it is.
#[derive(Debug, Clone, Copy)]
pub struct Grant {
    pub principal: NodeId,
    pub statement: StatementRef,
}

#[derive(Debug, Default)]
pub struct Graph {
    pub documents: Vec<Document>,
    pub entities: Vec<Entity>,
    /// Accounts whose whole IAM inventory was loaded (an account dump).
    pub complete_accounts: BTreeSet<String>,
    nodes: Vec<Node>,
    ids: HashMap<String, NodeId>,
    edges: Vec<Edge>,
    trust_refs: Vec<TrustRef>,
    grants: Vec<Grant>,
    grant_index: PatternIndex<usize>,
    managed: HashMap<String, DocId>,
    out_edges: Vec<Vec<usize>>,
    in_edges: Vec<Vec<usize>>,
    /// Per document, the statements whose action may be `sts:AssumeRole`, prepared: actions
    /// are matched once per document, not once per caller and role.
    assume_statements: Vec<Vec<Prepared>>,
    /// Users, groups and roles by (kind, name): `None` when the name is not unique. Built on
    /// the first lookup of a document owner known only by name.
    names: Option<HashMap<(NodeKind, String), Option<NodeId>>>,
    /// Admin-equivalence per node, computed on the first [`Graph::admin_levels`].
    admin: OnceLock<Vec<admin::Admin>>,
}

impl Graph {
    pub fn build(documents: Vec<Document>, inventory: Inventory) -> Graph {
        let mut graph = Graph {
            documents,
            complete_accounts: inventory.complete_accounts.into_iter().collect(),
            ..Graph::default()
        };
        graph.assume_statements = graph
            .documents
            .par_iter()
            .enumerate()
            .map(|(doc, document)| {
                document
                    .statements
                    .iter()
                    .enumerate()
                    .filter_map(|(index, statement)| {
                        Prepared::new(doc, index, statement, ASSUME_ROLE)
                    })
                    .collect()
            })
            .collect();
        graph.add_entities(inventory.entities, inventory.partial_entities);
        graph.add_links(inventory.links);
        graph.attach_documents();
        graph.index_grants();
        graph.add_edges();
        graph.out_edges = vec![Vec::new(); graph.nodes.len()];
        graph.in_edges = vec![Vec::new(); graph.nodes.len()];
        for (index, edge) in graph.edges.iter().enumerate() {
            graph.out_edges[edge.from].push(index);
            graph.in_edges[edge.to].push(index);
        }
        graph
    }

    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id]
    }

    pub fn find(&self, id: &str) -> Option<NodeId> {
        self.ids.get(id).copied()
    }

    pub fn edges(&self) -> &[Edge] {
        &self.edges
    }

    pub fn out_edges(&self, node: NodeId) -> impl Iterator<Item = &Edge> {
        self.out_edges[node].iter().map(|&e| &self.edges[e])
    }

    pub fn in_edges(&self, node: NodeId) -> impl Iterator<Item = &Edge> {
        self.in_edges[node].iter().map(|&e| &self.edges[e])
    }

    /// Whether each node (by id) is admin-equivalent ([`admin::admin_levels`]): computed
    /// once, for every rule that asks.
    pub fn admin_levels(&self) -> &[admin::Admin] {
        self.admin.get_or_init(|| admin::admin_levels(self))
    }

    pub fn trust_refs(&self) -> &[TrustRef] {
        &self.trust_refs
    }

    pub fn grants(&self) -> &[Grant] {
        &self.grants
    }

    /// The conditions of the trust statement that makes an edge, as text
    /// (`StringEquals sts:ExternalId = …`): derived on demand, so edges stay small.
    pub fn conditions(&self, edge: &Edge) -> Vec<String> {
        describe_conditions(self.statement(edge.trust))
    }

    /// Whether the managed policy of this ARN is loaded.
    pub fn is_policy_loaded(&self, arn: &str) -> bool {
        self.managed.contains_key(arn)
    }

    /// Whether the linter sees the principal's whole identity side: a user or role defined in
    /// full by an account loaded as a whole dump (which lists every inline policy), with every
    /// attached managed policy and group (and their managed policies) loaded. Anything else may
    /// hold a grant the linter cannot see.
    pub fn identity_is_whole(&self, node: NodeId) -> bool {
        let node = &self.nodes[node];
        matches!(node.kind, NodeKind::User | NodeKind::Role)
            && node.is_defined()
            && !node.policies_missing
            && node
                .account
                .as_ref()
                .is_some_and(|a| self.complete_accounts.contains(a))
    }

    pub fn statement(&self, at: StatementRef) -> &Statement {
        &self.documents[at.doc].statements[at.statement]
    }

    /// Principals of the graph: every node but the "any principal" one.
    pub fn principal_count(&self) -> usize {
        self.nodes
            .iter()
            .filter(|n| n.kind != NodeKind::Any)
            .count()
    }

    /// The defined users and roles of an account.
    pub fn defined_in<'a>(&'a self, account: &'a str) -> impl Iterator<Item = NodeId> + 'a {
        self.nodes.iter().enumerate().filter_map(move |(id, n)| {
            (n.is_defined()
                && matches!(n.kind, NodeKind::User | NodeKind::Role)
                && n.account.as_deref() == Some(account))
            .then_some(id)
        })
    }

    /// The grants whose resource patterns may cover `arn`, through the index.
    pub fn grants_covering(&self, arn: &str) -> Vec<Grant> {
        let mut found: Vec<usize> = self.grant_index.matching(arn);
        found.sort_unstable();
        found.dedup();
        found.into_iter().map(|g| self.grants[g]).collect()
    }

    /// How the caller's identity side decides `sts:AssumeRole` on `role`: the Allow, the Deny
    /// and the boundary, three-valued. An undefined caller's side is unknown.
    pub fn identity_decision(
        &self,
        caller: NodeId,
        role: &str,
    ) -> (Tri, Tri, Option<Tri>, Option<StatementRef>) {
        let node = &self.nodes[caller];
        if !node.is_defined() {
            return (Tri::Unknown, Tri::Unknown, None, None);
        }
        let decision = decide_prepared(
            node.identity
                .iter()
                .flat_map(|&d| &self.assume_statements[d]),
            role,
        );
        let grant = decision
            .allow
            .map(|(doc, statement)| StatementRef { doc, statement });
        let boundary = node.boundary.as_ref().map(|(_, doc)| match doc {
            Some(doc) => decide_prepared(&self.assume_statements[*doc], role).verdict(),
            None => Tri::Unknown,
        });
        let (mut allowed, mut denied) = (decision.allowed, decision.denied);
        if node.policies_missing {
            // A policy not loaded may allow, or deny, what the loaded ones do not.
            allowed = allowed.or(Tri::Unknown);
            denied = denied.or(Tri::Unknown);
        }
        (allowed, denied, boundary, grant)
    }

    fn add_node(&mut self, id: &str, kind: NodeKind, account: Option<String>) -> NodeId {
        if let Some(&existing) = self.ids.get(id) {
            return existing;
        }
        if let Some(names) = &mut self.names {
            Self::index_name(names, id, kind, self.nodes.len());
        }
        self.nodes.push(Node {
            id: id.to_string(),
            kind,
            account,
            entity: None,
            partial: false,
            policies_missing: false,
            trust: Vec::new(),
            identity: Vec::new(),
            groups: Vec::new(),
            boundary: None,
        });
        self.ids.insert(id.to_string(), self.nodes.len() - 1);
        self.nodes.len() - 1
    }

    /// Adds the defined principals: full definitions first (the first of an ARN stands: the
    /// same principal in two pages or dumps), then partial ones, which only fill in what a full
    /// definition of the same ARN lacks (session duration, boundary).
    fn add_entities(&mut self, entities: Vec<Entity>, partial: Vec<Entity>) {
        let full = entities.into_iter().map(|e| (e, false));
        for (entity, is_partial) in full.chain(partial.into_iter().map(|e| (e, true))) {
            if let Some(&node) = self.ids.get(&entity.arn)
                && let Some(existing) = self.nodes[node].entity
            {
                let existing = &mut self.entities[existing];
                if is_partial {
                    if existing.max_session_duration.is_none() {
                        existing.max_session_duration = entity.max_session_duration;
                    }
                    if existing.boundary.is_none() {
                        existing.boundary = entity.boundary;
                    }
                }
                continue;
            }
            let kind = match entity.kind {
                OwnerKind::Role => NodeKind::Role,
                OwnerKind::User => NodeKind::User,
                OwnerKind::Group => NodeKind::Group,
            };
            let node = self.add_node(&entity.arn, kind, Some(entity.account.clone()));
            self.nodes[node].entity = Some(self.entities.len());
            self.nodes[node].partial = is_partial;
            self.entities.push(entity);
        }
    }

    /// Merges attachments and memberships stated apart from their principal into its
    /// definition; a principal the input does not define gains nothing.
    fn add_links(&mut self, links: Vec<Link>) {
        for link in links {
            let Some(entity) = self
                .ids
                .get(&link.principal)
                .and_then(|&n| self.nodes[n].entity)
            else {
                continue;
            };
            let entity = &mut self.entities[entity];
            match link.fact {
                LinkFact::ManagedPolicy(arn) => entity.managed_policies.push(arn),
                LinkFact::Group(name) => entity.groups.push(name),
            }
        }
    }

    /// The node a document's owner names: by ARN, else by a unique name of that kind.
    fn owner_node(&mut self, doc: DocId) -> Option<NodeId> {
        let owner = self.documents[doc].owner.as_ref()?;
        let kind = match owner.kind {
            OwnerKind::Role => NodeKind::Role,
            OwnerKind::User => NodeKind::User,
            OwnerKind::Group => NodeKind::Group,
        };
        if let Some(arn) = &owner.arn {
            let (arn, account) = (arn.clone(), owner.account.clone());
            return Some(self.add_node(&arn, kind, account));
        }
        let name = owner.name.as_deref()?;
        let names = self.names.get_or_insert_with(|| {
            let mut names = HashMap::new();
            for (id, node) in self.nodes.iter().enumerate() {
                Self::index_name(&mut names, &node.id, node.kind, id);
            }
            names
        });
        names.get(&(kind, name.to_string())).copied().flatten()
    }

    /// Files a user, group or role under its name (as [`Node::name`] gives it); a second
    /// node of the same kind and name makes the name ambiguous.
    fn index_name(
        names: &mut HashMap<(NodeKind, String), Option<NodeId>>,
        id: &str,
        kind: NodeKind,
        node: NodeId,
    ) {
        if !matches!(kind, NodeKind::Role | NodeKind::User | NodeKind::Group) {
            return;
        }
        let name = id.rsplit('/').next().unwrap_or(id).to_string();
        names
            .entry((kind, name))
            .and_modify(|found| *found = None)
            .or_insert(Some(node));
    }

    fn attach_documents(&mut self) {
        // Owners named by ARN first, so that an owner named only by its name (`get-role-policy`
        // output) finds the role whatever the order of the files.
        let named_by_arn = |d: &Document| d.owner.as_ref().is_none_or(|o| o.arn.is_some());
        let order: Vec<DocId> = (0..self.documents.len())
            .filter(|&d| named_by_arn(&self.documents[d]))
            .chain((0..self.documents.len()).filter(|&d| !named_by_arn(&self.documents[d])))
            .collect();
        for doc in order {
            match self.documents[doc].attachment.clone() {
                Attachment::Managed { arn } => {
                    self.managed.entry(arn).or_insert(doc);
                }
                Attachment::Trust => {
                    if let Some(role) = self.owner_node(doc) {
                        self.nodes[role].trust.push(doc);
                    }
                }
                Attachment::Inline => {
                    if let Some(owner) = self.owner_node(doc) {
                        self.nodes[owner].identity.push(doc);
                    }
                }
                Attachment::Standalone => {}
            }
        }
        // Attached managed policies and boundaries, then a user's groups.
        for node in 0..self.nodes.len() {
            let Some(entity) = self.nodes[node].entity else {
                continue;
            };
            let entity = &self.entities[entity];
            let managed: Vec<DocId> = entity
                .managed_policies
                .iter()
                .filter_map(|arn| self.managed.get(&arn.value).copied())
                .collect();
            // A dump can omit managed policies (AWS-SEMANTICS §9): what they grant is unknown.
            let all_loaded = managed.len() == entity.managed_policies.len();
            let boundary = entity
                .boundary
                .as_ref()
                .map(|arn| (arn.span, self.managed.get(&arn.value).copied()));
            self.nodes[node].identity.extend(managed);
            self.nodes[node].boundary = boundary;
            self.nodes[node].policies_missing |= !all_loaded;
        }
        let groups: HashMap<(&str, &str), NodeId> = self
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.kind == NodeKind::Group)
            .filter_map(|(id, n)| Some(((n.account.as_deref()?, n.name()), id)))
            .collect();
        let mut inherited: Vec<(NodeId, Vec<NodeId>, Vec<DocId>, bool)> = Vec::new();
        for (node, n) in self.nodes.iter().enumerate() {
            let Some(entity) = n.entity else {
                continue;
            };
            let entity = &self.entities[entity];
            let found: Vec<NodeId> = entity
                .groups
                .iter()
                .filter_map(|group| groups.get(&(entity.account.as_str(), group.value.as_str())))
                .copied()
                .collect();
            // A group not loaded, or one missing its own policies, leaves the user's side open.
            let missing = found.len() < entity.groups.len()
                || found.iter().any(|&g| self.nodes[g].policies_missing);
            let docs: Vec<DocId> = found
                .iter()
                .flat_map(|&g| self.nodes[g].identity.iter().copied())
                .collect();
            if !found.is_empty() || missing {
                inherited.push((node, found, docs, missing));
            }
        }
        for (node, groups, docs, missing) in inherited {
            self.nodes[node].identity.extend(docs);
            self.nodes[node].groups = groups;
            self.nodes[node].policies_missing |= missing;
        }
    }

    fn index_grants(&mut self) {
        for node in 0..self.nodes.len() {
            if !matches!(self.nodes[node].kind, NodeKind::User | NodeKind::Role) {
                continue;
            }
            for &doc in &self.nodes[node].identity {
                for prepared in &self.assume_statements[doc] {
                    if prepared.effect() != Some(Effect::Allow) {
                        continue;
                    }
                    let index = prepared.index;
                    let statement = &self.documents[doc].statements[index];
                    let grant = self.grants.len();
                    self.grants.push(Grant {
                        principal: node,
                        statement: StatementRef {
                            doc,
                            statement: index,
                        },
                    });
                    let patterns: Vec<String> = match (&statement.resource, &statement.not_resource)
                    {
                        (Some(list), _) => list
                            .values
                            .iter()
                            .map(|v| match v.identity() {
                                Some(text) if !text.contains("${") => text.to_string(),
                                // An unknown resource may be any role.
                                _ => "*".to_string(),
                            })
                            .collect(),
                        (None, Some(_)) => vec!["*".to_string()],
                        (None, None) => Vec::new(),
                    };
                    for pattern in patterns {
                        self.grant_index.insert(&pattern, grant);
                    }
                }
            }
        }
    }

    /// Reads every trust statement in order, then decides the callers named by exact ARN and
    /// finds those admitted through an account or `*` (the costly part: an identity decision
    /// per caller) in parallel, since that reads only what is already built, and adds the
    /// edges in the order they were made.
    fn add_edges(&mut self) {
        let mut pending = Pending::default();
        let roles: Vec<NodeId> = (0..self.nodes.len())
            .filter(|&n| !self.nodes[n].trust.is_empty())
            .collect();
        for role in roles {
            for at in 0..self.nodes[role].trust.len() {
                let doc = self.nodes[role].trust[at];
                if self.documents[doc].kind != DocumentKind::Trust {
                    continue;
                }
                for statement in 0..self.documents[doc].statements.len() {
                    self.add_statement_edges(role, StatementRef { doc, statement }, &mut pending);
                }
            }
        }
        let made: Vec<Made> = pending
            .steps
            .into_par_iter()
            .map(|step| match step {
                Step::Edge(edge) => Made::One(Some(edge)),
                Step::Named {
                    caller,
                    same_account,
                    role,
                    at,
                    span,
                    trust_allows,
                } => {
                    let call = Call {
                        role,
                        role_arn: &self.nodes[role].id,
                        at,
                        span,
                        trust_allows,
                    };
                    Made::One(self.iam_caller_edge(caller, NamedBy::ExactArn, same_account, &call))
                }
                Step::Callers(search) => Made::Many(self.granted_callers(&search)),
            })
            .collect();
        // Sized once for the most edges the steps can give, not grown edge by edge.
        self.edges.reserve(
            made.iter()
                .map(|m| match m {
                    Made::One(edge) => usize::from(edge.is_some()),
                    Made::Many(edges) => edges.len(),
                })
                .sum(),
        );
        // Every step of a role's trust statements makes edges into that role, and the roles
        // were read one after the other: the edges into one role come together.
        let mut last = vec![None; self.nodes.len()];
        for made in made {
            match made {
                Made::One(edge) => edge
                    .into_iter()
                    .for_each(|e| self.insert_edge(e, &mut last)),
                Made::Many(edges) => edges
                    .into_iter()
                    .for_each(|e| self.insert_edge(e, &mut last)),
            }
        }
    }

    fn add_statement_edges(&mut self, role: NodeId, at: StatementRef, pending: &mut Pending) {
        let statement = &self.documents[at.doc].statements[at.statement];
        if !statement.is_allow() {
            return;
        }
        let Some(principal) = &statement.principal else {
            return;
        };
        let actions: Vec<&'static str> = ASSUME_ACTIONS
            .iter()
            .copied()
            .filter(|a| covers(statement, a) != Tri::No)
            .collect();
        if actions.is_empty() {
            return;
        }
        let trust_allows = if statement.clauses().is_empty()
            && actions.iter().all(|a| covers(statement, a) == Tri::Yes)
        {
            Tri::Yes
        } else {
            Tri::Unknown
        };
        let role_arn = self.nodes[role].id.clone();
        let role_account = self.nodes[role].account.clone();
        let mut named: Vec<(String, Span, Val)> = Vec::new();
        match &principal.form {
            PrincipalForm::Star(value) => {
                named.push(("AWS".into(), value.span, value.value.clone()))
            }
            PrincipalForm::Map(entries) => {
                for entry in entries {
                    for value in &entry.values {
                        named.push((entry.key.value.clone(), value.span, value.value.clone()));
                    }
                }
            }
            // It may name anyone: no edge the graph can follow.
            PrincipalForm::Unknown(_) => {}
        }
        for (key, span, value) in named {
            let Some(text) = value.identity().map(str::to_string) else {
                continue;
            };
            let reference = |target: Target| TrustRef {
                role,
                trust: at,
                value: span,
                target,
            };
            match key.as_str() {
                "AWS" => match classify_aws_principal(&text) {
                    AwsPrincipal::Anyone => {
                        self.trust_refs.push(reference(Target::Any));
                        let any = self.add_node("*", NodeKind::Any, None);
                        let edge =
                            self.edge(any, role, ASSUME_ROLE, at, span, trust_allows != Tri::Yes);
                        pending.steps.push(Step::Edge(edge));
                        self.add_granted_callers(
                            role,
                            &role_arn,
                            None,
                            at,
                            span,
                            trust_allows,
                            pending,
                        );
                    }
                    AwsPrincipal::Account { account } => {
                        let account = account.to_string();
                        self.trust_refs
                            .push(reference(Target::Account(account.clone())));
                        let node =
                            self.add_node(&account, NodeKind::Account, Some(account.clone()));
                        let edge = self.edge(node, role, ASSUME_ROLE, at, span, true);
                        pending.steps.push(Step::Edge(edge));
                        self.add_granted_callers(
                            role,
                            &role_arn,
                            Some(&account),
                            at,
                            span,
                            trust_allows,
                            pending,
                        );
                    }
                    parsed @ (AwsPrincipal::User { .. }
                    | AwsPrincipal::Role { .. }
                    | AwsPrincipal::AssumedRole { .. }
                    | AwsPrincipal::FederatedUser { .. }) => {
                        let account = parsed.account().map(str::to_string);
                        let kind = match parsed {
                            AwsPrincipal::User { .. } | AwsPrincipal::FederatedUser { .. } => {
                                NodeKind::User
                            }
                            _ => NodeKind::Role,
                        };
                        let caller = self.add_node(&text, kind, account.clone());
                        self.trust_refs.push(reference(Target::Node(caller)));
                        let same_account = account.is_some() && account == role_account;
                        pending.steps.push(Step::Named {
                            caller,
                            same_account,
                            role,
                            at,
                            span,
                            trust_allows,
                        });
                    }
                    AwsPrincipal::UniqueId(_) | AwsPrincipal::Invalid(_) => {}
                },
                "Service" => {
                    let service = self.add_node(&text, NodeKind::Service, None);
                    self.trust_refs.push(reference(Target::Node(service)));
                    let edge = self.edge(
                        service,
                        role,
                        ASSUME_ROLE,
                        at,
                        span,
                        trust_allows != Tri::Yes,
                    );
                    pending.steps.push(Step::Edge(edge));
                }
                "Federated" => {
                    let (action, account) = match classify_federated_principal(&text) {
                        FederatedPrincipal::Saml { account, .. } => {
                            (ASSUME_ROLE_WITH_SAML, Some(account.to_string()))
                        }
                        FederatedPrincipal::Oidc { account, .. } => {
                            (ASSUME_ROLE_WITH_WEB_IDENTITY, Some(account.to_string()))
                        }
                        FederatedPrincipal::Domain(_) => (ASSUME_ROLE_WITH_WEB_IDENTITY, None),
                        FederatedPrincipal::Invalid(_) => continue,
                    };
                    let provider = self.add_node(&text, NodeKind::Federated, account);
                    self.trust_refs.push(reference(Target::Node(provider)));
                    if actions.contains(&action) {
                        let uncertain = trust_allows != Tri::Yes
                            || covers(&self.documents[at.doc].statements[at.statement], action)
                                != Tri::Yes;
                        let edge = self.edge(provider, role, action, at, span, uncertain);
                        pending.steps.push(Step::Edge(edge));
                    }
                }
                _ => {}
            }
        }
    }

    /// Edges from the callers whose identity grants cover the role, for a trust that admits
    /// them through their account (`account`) or through `*` (`None`): recorded here, found
    /// by [`Self::granted_callers`] once every trust statement has been read.
    #[allow(clippy::too_many_arguments)]
    fn add_granted_callers(
        &mut self,
        role: NodeId,
        role_arn: &str,
        account: Option<&str>,
        at: StatementRef,
        span: Span,
        trust_allows: Tri,
        pending: &mut Pending,
    ) {
        pending.steps.push(Step::Callers(CallerSearch {
            role,
            role_arn: role_arn.to_string(),
            account: account.map(str::to_string),
            at,
            span,
            trust_allows,
        }));
    }

    /// The edges of a [`CallerSearch`], in caller order.
    fn granted_callers(&self, search: &CallerSearch) -> Vec<Edge> {
        let CallerSearch {
            role,
            ref role_arn,
            ref account,
            at,
            span,
            trust_allows,
        } = *search;
        let (role_arn, account) = (role_arn.as_str(), account.as_deref());
        let mut edges = Vec::new();
        let role_account = self.nodes[role].account.clone();
        let mut callers: Vec<NodeId> = self
            .grants_covering(role_arn)
            .into_iter()
            .map(|g| g.principal)
            .filter(|&p| account.is_none() || self.nodes[p].account.as_deref() == account)
            .collect();
        callers.sort_unstable();
        callers.dedup();
        let call = Call {
            role,
            role_arn,
            at,
            span,
            trust_allows,
        };
        for caller in callers {
            let caller_account = self.nodes[caller].account.as_deref();
            let same_account =
                caller_account.is_some() && caller_account == role_account.as_deref();
            edges.extend(self.iam_caller_edge(caller, NamedBy::Account, same_account, &call));
        }
        edges
    }

    /// The edge from an IAM user or role to a role whose trust admits it (by exact ARN or
    /// through its account or `*`), decided on both sides; `None` when the call fails.
    fn iam_caller_edge(
        &self,
        caller: NodeId,
        named_by: NamedBy,
        same_account: bool,
        call: &Call<'_>,
    ) -> Option<Edge> {
        let node = &self.nodes[caller];
        let (identity_allows, identity_denies, boundary_allows, grant) =
            self.identity_decision(caller, call.role_arn);
        let verdict = decide(EdgeInputs {
            caller: Caller::IamPrincipal,
            named_by,
            same_account,
            trust_allows: call.trust_allows,
            trust_denies: self.trust_denies(call.at.doc, &node.id, node.account.as_deref()),
            identity_allows,
            // An undefined caller's Deny is unknowable; only a loaded one removes the edge.
            identity_denies: if node.is_defined() {
                identity_denies
            } else {
                Tri::No
            },
            boundary_allows,
        });
        (verdict != Verdict::Absent).then(|| Edge {
            from: caller,
            to: call.role,
            action: ASSUME_ROLE,
            trust: call.at,
            principal: call.span,
            // A same-account trust naming the exact ARN needs no grant (AWS-SEMANTICS §1).
            grant: if named_by == NamedBy::ExactArn && same_account {
                None
            } else {
                grant
            },
            uncertain: verdict == Verdict::Uncertain,
        })
    }

    /// Whether a Deny of the trust applies to a caller: `Yes` for an unconditional Deny naming
    /// it, its account or everyone; `Unknown` with conditions, with a principal value the
    /// linter cannot read, or when the document may hide a Deny ([`Document::may_hide_deny`]).
    fn trust_denies(&self, doc: DocId, caller: &str, account: Option<&str>) -> Tri {
        let document = &self.documents[doc];
        let hidden = if document.may_hide_deny() {
            Tri::Unknown
        } else {
            Tri::No
        };
        let names_caller = |value: &Val| match value.identity() {
            Some(v) => Tri::from_bool(
                v == "*"
                    || v == caller
                    || classify_aws_principal(v)
                        == AwsPrincipal::Account {
                            account: account.unwrap_or(""),
                        },
            ),
            None => Tri::Unknown,
        };
        document
            .statements
            .iter()
            .filter(|s| s.effect() == Some(Effect::Deny))
            .map(|deny| {
                if covers(deny, ASSUME_ROLE) == Tri::No {
                    return Tri::No;
                }
                let names = match deny.principal.as_ref().map(|p| &p.form) {
                    None => Tri::No,
                    Some(PrincipalForm::Star(_)) => Tri::Yes,
                    Some(PrincipalForm::Unknown(_)) => Tri::Unknown,
                    Some(PrincipalForm::Map(_)) => {
                        Tri::any(deny.principal_values("AWS").map(|v| names_caller(&v.value)))
                    }
                };
                if deny.clauses().is_empty() {
                    names
                } else {
                    names.and(Tri::Unknown)
                }
            })
            .fold(hidden, Tri::or)
    }

    #[allow(clippy::too_many_arguments)]
    fn edge(
        &self,
        from: NodeId,
        to: NodeId,
        action: &'static str,
        trust: StatementRef,
        principal: Span,
        uncertain: bool,
    ) -> Edge {
        Edge {
            from,
            to,
            action,
            trust,
            principal,
            grant: None,
            uncertain,
        }
    }

    /// Adds an edge, keeping one per (caller, role): a certain edge replaces an uncertain one.
    /// `last` holds, per caller, its latest edge (role, index): as the edges into one role come
    /// together ([`Self::add_edges`]), that is the only one a new edge can repeat.
    fn insert_edge(&mut self, edge: Edge, last: &mut [Option<(NodeId, usize)>]) {
        match last[edge.from] {
            Some((role, existing)) if role == edge.to => {
                if self.edges[existing].uncertain && !edge.uncertain {
                    self.edges[existing] = edge;
                }
            }
            _ => {
                last[edge.from] = Some((edge.to, self.edges.len()));
                self.edges.push(edge);
            }
        }
    }
}

/// The edges of the trust statements, in the order they are made.
#[derive(Default)]
struct Pending {
    steps: Vec<Step>,
}

enum Step {
    Edge(Edge),
    /// The edge from a user or role a trust names by its exact ARN, when the call succeeds
    /// (an identity decision: made with the caller searches, in parallel).
    Named {
        caller: NodeId,
        same_account: bool,
        role: NodeId,
        at: StatementRef,
        span: Span,
        trust_allows: Tri,
    },
    /// Edges from every caller that a trust naming an account (or `*`) admits.
    Callers(CallerSearch),
}

/// A trust statement's principal that admits callers through their account (`account`) or
/// through `*` (`None`): the callers are those whose identity grants cover the role.
struct CallerSearch {
    role: NodeId,
    role_arn: String,
    account: Option<String>,
    at: StatementRef,
    span: Span,
    trust_allows: Tri,
}

/// A trust statement admitting a caller: what an edge into `role` is made of.
struct Call<'a> {
    role: NodeId,
    role_arn: &'a str,
    at: StatementRef,
    span: Span,
    trust_allows: Tri,
}

/// What one [`Step`] yields: at most one edge, or the edges of a caller search.
enum Made {
    One(Option<Edge>),
    Many(Vec<Edge>),
}

/// A statement's conditions as short text, for edge labels.
fn describe_conditions(statement: &Statement) -> Vec<String> {
    statement
        .clauses()
        .iter()
        .map(|clause| {
            let values: Vec<String> = clause
                .values
                .iter()
                .map(|v| match &v.value {
                    Val::Known(text) => text.clone(),
                    other => format!("<{}>", other.written()),
                })
                .collect();
            format!(
                "{} {} = {}",
                clause.operator.value,
                clause.key.value,
                values.join(" | ")
            )
        })
        .collect()
}
