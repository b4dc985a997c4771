//! `data "aws_iam_policy_document"`: the block as the JSON policy the AWS provider renders, with
//! spans on the HCL that produced each value.
//!
//! What the provider does (hashicorp/terraform-provider-aws,
//! `internal/service/iam/policy_document_data_source.go`, `dataSourcePolicyDocumentRead`, and
//! `policy_model.go`, `Merge` and the `MarshalJSON` of principal and condition sets):
//!
//! - The document is merged in this order: `source_json`, each of `source_policy_documents`,
//!   the block's own `statement`s, each of `override_policy_documents`, `override_json` (the
//!   two `_json` arguments are deprecated; provider 5 requires them empty, older providers merge
//!   them where shown). Each merge adopts the newer document's non-empty `Id`, keeps the greater
//!   `Version`, and puts every statement with a non-empty `Sid` in place of the first earlier
//!   statement with the same `Sid` (else appends it); statements without a `Sid` are appended.
//!   Source documents may not repeat a `Sid` among themselves, nor the block's statements among
//!   themselves: the provider fails, so neither replaces its own kind.
//! - `version` defaults to `2012-10-17`, `effect` to `Allow`; empty `actions`, `resources`, …
//!   sets are left out; an empty `sid` is no `Sid`.
//! - `principals` blocks are grouped by `type`, their identifiers concatenated; a single block
//!   of type `*` with the identifiers `["*"]` renders as `"Principal": "*"` (anything else,
//!   `type = "AWS"` included, stays an object).
//! - `condition` blocks render as `{"<test>": {"<variable>": [values]}}`; blocks with the same
//!   test and variable are merged into one key whose values are concatenated, so they are ORed,
//!   not ANDed.
//! - In `resources`, `not_resources`, principal identifiers and condition values, `&{` is
//!   written for the policy variable `${`, which Terraform would interpolate.
//!
//! Lists the provider renders as a string when they hold one value stay arrays here: the
//! meaning is the same. Sets (`actions`, `resources`, `identifiers`, …) lose repeated values.
//!
//! Unknowns are never guessed. A `dynamic "statement"` is an unknown statement beside the known
//! ones; a `dynamic "principals"` (or a principal `type` not known) makes that `Principal`
//! unknown. A condition whose operator or key is unknown (or a `dynamic "condition"`) makes the
//! statement's `Condition` unknown, which the policy model reads as a condition that may
//! restrict anything (never as no condition). A merged document the
//! linter cannot read is an unknown statement, and statements it could replace by `Sid` become
//! unknown too.

use std::cell::Cell;

use hcl_edit::Span as _;
use hcl_edit::expr::Expression;
use hcl_edit::structure::{Attribute, Block, Structure};

use super::document::{self, Source, policy_document_reference};
use super::values::Scope;
use crate::source::Span;
use crate::syntax::tree::{Member, Node, NodeKind};

/// The provider's default `version`, and the greatest version there is.
const DEFAULT_VERSION: &str = "2012-10-17";

/// How many `data "aws_iam_policy_document"` blocks one document may merge in, directly or
/// through its sources' sources, before the rest are taken as unknown (a guard against a
/// hostile module of documents that each merge the next several times).
const MAX_MERGED_DOCUMENTS: usize = 64;

/// The policy document a block renders.
pub fn lower(scope: &Scope<'_>, block: &Block) -> Node {
    let budget = Cell::new(MAX_MERGED_DOCUMENTS);
    lower_block(scope, block, &budget)
}

fn lower_block(scope: &Scope<'_>, block: &Block, budget: &Cell<usize>) -> Node {
    let ident = scope.span(block.ident.span());
    let mut merged = Doc::default();
    for resolved in merged_documents(scope, block, "source_json", budget) {
        merged.merge(resolved, Batch::Source);
    }
    for resolved in merged_documents(scope, block, "source_policy_documents", budget) {
        merged.merge(resolved, Batch::Source);
    }
    merged.merge(Resolved::Known(own(scope, block, ident)), Batch::Own);
    for resolved in merged_documents(scope, block, "override_policy_documents", budget) {
        merged.merge(resolved, Batch::Override);
    }
    for resolved in merged_documents(scope, block, "override_json", budget) {
        merged.merge(resolved, Batch::Override);
    }
    merged.into_node(scope.span(block.span()), ident)
}

/// A policy document being merged: its top-level elements and its statements, each statement
/// with the `Sid` the merge matches on.
#[derive(Default)]
struct Doc {
    version: Option<Member>,
    id: Option<Member>,
    statements: Vec<Entry>,
}

struct Entry {
    sid: Sid,
    node: Node,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Sid {
    /// Absent or empty: never replaced, never replaces.
    None,
    Known(String),
    /// A statement the linter cannot see, or whose `Sid` it cannot know.
    Unknown,
}

/// A document to merge in, read or unknown (`null` and the empty string are skipped before).
enum Resolved {
    Known(Doc),
    /// The expression, as an unknown node.
    Unknown(Node),
}

/// Which argument a merged document comes from: what its statements may replace.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Batch {
    /// Source documents may not share a `Sid` (the provider fails), so they replace nothing.
    Source,
    /// The block's statements replace source statements, not one another (a repeated `Sid` in
    /// the block fails too).
    Own,
    /// Override documents replace anything before them, earlier statements of their own
    /// document included.
    Override,
}

impl Doc {
    fn merge(&mut self, resolved: Resolved, batch: Batch) {
        let new = match resolved {
            Resolved::Known(doc) => doc,
            Resolved::Unknown(node) => {
                // Its `Version` may be greater than a known one unless that is the greatest.
                if self
                    .version
                    .as_ref()
                    .is_some_and(|v| v.value.as_str() != Some(DEFAULT_VERSION))
                {
                    let key_span = node.span;
                    self.version = Some(Member {
                        key: "Version".to_string(),
                        key_span,
                        value: node.clone(),
                    });
                }
                Doc {
                    statements: vec![Entry {
                        sid: Sid::Unknown,
                        node,
                    }],
                    ..Doc::default()
                }
            }
        };
        if let Some(id) = new.id
            && id.value.as_str() != Some("")
        {
            self.id = Some(id);
        }
        // On a tie the value is the same: the block's own `version` is where to point.
        self.version = upgrade(self.version.take(), new.version, batch == Batch::Own);
        let floor = match batch {
            Batch::Source => 0,
            Batch::Own => self.statements.len(),
            Batch::Override => usize::MAX,
        };
        for entry in new.statements {
            let reach = floor.min(self.statements.len());
            self.place(entry, reach);
        }
    }

    /// `Merge` for one statement: in place of the first of `statements[..reach]` with its
    /// `Sid`, else appended. Where a statement whose `Sid` is unknown may be the one replaced,
    /// every candidate becomes unknown and the new statement is appended.
    fn place(&mut self, entry: Entry, reach: usize) {
        let existing = &mut self.statements[..reach];
        match &entry.sid {
            Sid::None => {}
            Sid::Known(sid) => {
                let first = existing
                    .iter()
                    .position(|e| matches!(&e.sid, Sid::Known(s) if s == sid));
                let end = first.unwrap_or(existing.len());
                let uncertain = existing[..end].iter().any(|e| e.sid == Sid::Unknown);
                match first {
                    Some(index) if !uncertain => {
                        existing[index] = entry;
                        return;
                    }
                    _ => {
                        for candidate in
                            existing[..end].iter_mut().filter(|e| e.sid == Sid::Unknown)
                        {
                            candidate.may_be_replaced();
                        }
                        if let Some(index) = first {
                            existing[index].may_be_replaced();
                        }
                    }
                }
            }
            Sid::Unknown => {
                for candidate in existing.iter_mut().filter(|e| e.sid != Sid::None) {
                    candidate.may_be_replaced();
                }
            }
        }
        self.statements.push(entry);
    }

    fn into_node(self, span: Span, ident: Span) -> Node {
        let version = self
            .version
            .unwrap_or_else(|| synthesized("Version", DEFAULT_VERSION, ident));
        let mut members = vec![version];
        members.extend(self.id);
        members.push(Member {
            key: "Statement".to_string(),
            key_span: ident,
            value: Node {
                span,
                kind: NodeKind::Array(self.statements.into_iter().map(|e| e.node).collect()),
            },
        });
        Node {
            span,
            kind: NodeKind::Object(members),
        }
    }
}

impl Entry {
    /// A statement a later one with the same (unknown) `Sid` may have replaced.
    fn may_be_replaced(&mut self) {
        if matches!(self.node.kind, NodeKind::Unknown(_)) {
            return;
        }
        let name = match &self.sid {
            Sid::Known(sid) => format!("statement `{sid}`"),
            _ => "a statement".to_string(),
        };
        self.node.kind = NodeKind::Unknown(format!(
            "{name}, which a merged statement whose Sid is unknown may replace"
        ));
    }
}

/// `Merge` keeps the greater `Version` (the earlier one on a tie, unless `tie_to_new`). A version
/// the linter cannot know wins unless the known one is already the greatest.
fn upgrade(current: Option<Member>, new: Option<Member>, tie_to_new: bool) -> Option<Member> {
    let (current, new) = match (current, new) {
        (current, None) => return current,
        (None, new) => return new,
        (Some(current), Some(new)) => (current, new),
    };
    match (current.value.as_str(), new.value.as_str()) {
        (Some(old), Some(newer)) if newer > old || (tie_to_new && newer == old) => Some(new),
        (Some(_), Some(_)) => Some(current),
        (Some(DEFAULT_VERSION), None) => Some(current),
        (Some(_), None) => Some(new),
        (None, Some(DEFAULT_VERSION)) => Some(new),
        (None, _) => Some(current),
    }
}

/// A value the provider supplies, placed on `span` (the block or statement keyword).
fn synthesized(key: &str, value: &str, span: Span) -> Member {
    Member {
        key: key.to_string(),
        key_span: span,
        value: Node {
            span,
            kind: NodeKind::Str(value.to_string()),
        },
    }
}

// ---------------------------------------------------------------------------------------------
// The block's own arguments.

/// The document of the block's own `version`, `policy_id` and `statement`s.
fn own(scope: &Scope<'_>, block: &Block, ident: Span) -> Doc {
    let body = &block.body;
    let version = body
        .get_attribute("version")
        .and_then(|a| member(scope, a, "Version"))
        .unwrap_or_else(|| synthesized("Version", DEFAULT_VERSION, ident));
    let id = body
        .get_attribute("policy_id")
        .and_then(|a| member(scope, a, "Id"))
        .filter(|m| m.value.as_str() != Some(""));
    let mut statements = Vec::new();
    for structure in body.iter() {
        let Structure::Block(inner) = structure else {
            continue;
        };
        if inner.ident.as_str() == "statement" {
            statements.push(statement(scope, inner));
        } else if is_dynamic(inner, "statement") {
            statements.push(Entry {
                sid: Sid::Unknown,
                node: dynamic(scope, inner),
            });
        }
    }
    Doc {
        version: Some(version),
        id,
        statements,
    }
}

/// An attribute as a member named `key`, unless its value is `null`.
fn member(scope: &Scope<'_>, attribute: &Attribute, key: &str) -> Option<Member> {
    let value = scope.node(&attribute.value);
    (!matches!(value.kind, NodeKind::Null)).then(|| Member {
        key: key.to_string(),
        key_span: scope.span(attribute.key.span()),
        value,
    })
}

fn is_dynamic(block: &Block, label: &str) -> bool {
    block.ident.as_str() == "dynamic" && block.labels.first().is_some_and(|l| l.as_str() == label)
}

/// A `dynamic` block: how many blocks it makes, and what they hold, is not known.
fn dynamic(scope: &Scope<'_>, block: &Block) -> Node {
    let label = block.labels.first().map_or("", |l| l.as_str());
    Node {
        span: scope.span(block.span()),
        kind: NodeKind::Unknown(format!("dynamic \"{label}\" block")),
    }
}

/// One `statement` block as the provider renders it.
fn statement(scope: &Scope<'_>, block: &Block) -> Entry {
    let span = scope.span(block.span());
    let body = &block.body;
    let mut members = Vec::new();
    let mut sid = Sid::None;
    if let Some(found) = body
        .get_attribute("sid")
        .and_then(|a| member(scope, a, "Sid"))
    {
        match &found.value.kind {
            NodeKind::Str(text) if text.is_empty() => {}
            NodeKind::Str(text) => {
                sid = Sid::Known(text.clone());
                members.push(found);
            }
            _ => {
                sid = Sid::Unknown;
                members.push(found);
            }
        }
    }
    let effect = body
        .get_attribute("effect")
        .and_then(|a| member(scope, a, "Effect"))
        .unwrap_or_else(|| synthesized("Effect", "Allow", scope.span(block.ident.span())));
    members.push(effect);
    for (attribute, key, policy_variables) in [
        ("actions", "Action", false),
        ("not_actions", "NotAction", false),
        ("resources", "Resource", true),
        ("not_resources", "NotResource", true),
    ] {
        if let Some(found) = body
            .get_attribute(attribute)
            .and_then(|a| string_set(scope, a, key, policy_variables))
        {
            members.push(found);
        }
    }
    for (blocks, key) in [
        ("principals", "Principal"),
        ("not_principals", "NotPrincipal"),
    ] {
        members.extend(principals(scope, block, blocks, key));
    }
    members.extend(conditions(scope, block));
    Entry {
        sid,
        node: Node {
            span,
            kind: NodeKind::Object(members),
        },
    }
}

/// A set-of-strings attribute (`actions`, `resources`, …): left out when `null` or empty, its
/// repeated values dropped.
fn string_set(
    scope: &Scope<'_>,
    attribute: &Attribute,
    key: &str,
    policy_variables: bool,
) -> Option<Member> {
    let mut found = member(scope, attribute, key)?;
    if let NodeKind::Array(items) = &mut found.value.kind {
        deduplicate(items);
        if items.is_empty() {
            return None;
        }
    }
    if policy_variables {
        replace_policy_variables(&mut found.value);
    }
    Some(found)
}

/// A set keeps one of each value; `null` elements are not values.
fn deduplicate(items: &mut Vec<Node>) {
    let mut seen = std::collections::HashSet::new();
    items.retain(|item| match &item.kind {
        NodeKind::Null => false,
        NodeKind::Str(text) => seen.insert(text.clone()),
        _ => true,
    });
}

/// `&{aws:username}` is how a policy variable is written where Terraform would read `${` as an
/// interpolation; the provider renders it as `${aws:username}`.
fn replace_policy_variables(node: &mut Node) {
    match &mut node.kind {
        NodeKind::Str(text) if text.contains("&{") => *text = text.replace("&{", "${"),
        NodeKind::Array(items) => items.iter_mut().for_each(replace_policy_variables),
        _ => {}
    }
}

/// The `principals` (or `not_principals`) blocks of a statement as one `Principal` member.
fn principals(scope: &Scope<'_>, statement: &Block, ident: &str, key: &str) -> Option<Member> {
    let blocks: Vec<&Block> = statement
        .body
        .blocks()
        .filter(|b| b.ident.as_str() == ident || is_dynamic(b, ident))
        .collect();
    let first = blocks.first()?;
    let key_span = scope.span(first.ident.span());
    let span = scope.span(first.span());
    let value = match principal_value(scope, &blocks, span) {
        Ok(value) => value,
        Err(unknown) => unknown,
    };
    Some(Member {
        key: key.to_string(),
        key_span,
        value,
    })
}

/// The principal object, `"*"`, or the unknown node that stands for it.
fn principal_value(scope: &Scope<'_>, blocks: &[&Block], span: Span) -> Result<Node, Node> {
    let mut types: Vec<Member> = Vec::new();
    for block in blocks {
        if block.ident.as_str() == "dynamic" {
            return Err(dynamic(scope, block));
        }
        let Some(kind) = block.body.get_attribute("type") else {
            continue;
        };
        let kind_node = scope.node(&kind.value);
        let Some(name) = kind_node.as_str() else {
            return Err(Node {
                kind: NodeKind::Unknown(format!(
                    "a principal whose type is {}",
                    describe_unknown(&kind_node)
                )),
                ..kind_node
            });
        };
        let Some(identifiers) = block.body.get_attribute("identifiers") else {
            continue;
        };
        let mut values = scope.node(&identifiers.value);
        if let NodeKind::Array(items) = &mut values.kind {
            deduplicate(items);
        }
        replace_policy_variables(&mut values);
        match types.iter_mut().find(|m| m.key == name) {
            Some(existing) => append(&mut existing.value, values),
            None => types.push(Member {
                key: name.to_string(),
                key_span: kind_node.span,
                value: values,
            }),
        }
    }
    // One block of type `*`: `"*"` when its identifiers are exactly `["*"]`, an object (which
    // IAM rejects) otherwise; the linter cannot tell which while they are unknown.
    if let ([only], [star]) = (blocks, types.as_slice())
        && star.key == "*"
        && only.ident.as_str() != "dynamic"
    {
        match &star.value.kind {
            NodeKind::Array(items) => {
                if let [item] = items.as_slice()
                    && item.as_str() == Some("*")
                {
                    return Ok(item.clone());
                }
                if items.iter().any(|i| matches!(i.kind, NodeKind::Unknown(_))) {
                    return Err(unknown_star(&star.value));
                }
            }
            NodeKind::Unknown(_) => return Err(unknown_star(&star.value)),
            _ => {}
        }
    }
    Ok(Node {
        span,
        kind: NodeKind::Object(types),
    })
}

fn unknown_star(values: &Node) -> Node {
    Node {
        span: values.span,
        kind: NodeKind::Unknown("the identifiers of a principal of type \"*\"".to_string()),
    }
}

/// Concatenates a list onto another (the provider appends identifiers of the same type, and
/// condition values of the same test and variable); an unknown list becomes one unknown
/// element.
fn append(list: &mut Node, more: Node) {
    let as_items = |node: Node| match node.kind {
        NodeKind::Array(items) => items,
        _ => vec![node],
    };
    let span = list.span;
    let mut items = as_items(std::mem::replace(
        list,
        Node {
            span,
            kind: NodeKind::Null,
        },
    ));
    items.extend(as_items(more));
    *list = Node {
        span,
        kind: NodeKind::Array(items),
    };
}

fn describe_unknown(node: &Node) -> String {
    match &node.kind {
        NodeKind::Unknown(text) => format!("`{text}`"),
        _ => node.type_name().to_string(),
    }
}

/// The `condition` blocks of a statement as one `Condition` member. One the linter cannot read
/// (a `dynamic "condition"`, an unknown operator or key) makes the whole `Condition` unknown:
/// the policy model reads it as a condition that may restrict anything.
fn conditions(scope: &Scope<'_>, statement: &Block) -> Option<Member> {
    let unknown_condition = |block: &Block, what: String| Member {
        key: "Condition".to_string(),
        key_span: scope.span(block.ident.span()),
        value: Node {
            span: scope.span(block.span()),
            kind: NodeKind::Unknown(what),
        },
    };
    let mut key_span = None;
    let mut span = None;
    let mut tests: Vec<Member> = Vec::new();
    for block in statement.body.blocks() {
        if is_dynamic(block, "condition") {
            return Some(unknown_condition(
                block,
                "a dynamic \"condition\" block".to_string(),
            ));
        }
        if block.ident.as_str() != "condition" {
            continue;
        }
        key_span.get_or_insert_with(|| scope.span(block.ident.span()));
        span.get_or_insert_with(|| scope.span(block.span()));
        let attribute = |name: &str| block.body.get_attribute(name).map(|a| scope.node(&a.value));
        let (Some(test), Some(variable), Some(mut values)) = (
            attribute("test"),
            attribute("variable"),
            attribute("values"),
        ) else {
            // A required argument missing: Terraform rejects the block.
            continue;
        };
        let (Some(test_name), Some(variable_name)) = (test.as_str(), variable.as_str()) else {
            let unreadable = if test.as_str().is_none() {
                &test
            } else {
                &variable
            };
            let what = format!(
                "a condition whose operator or key is {}",
                describe_unknown(unreadable)
            );
            return Some(unknown_condition(block, what));
        };
        replace_policy_variables(&mut values);
        if let NodeKind::Array(items) = &mut values.kind {
            items.retain(|i| !matches!(i.kind, NodeKind::Null));
        }
        let operator = match tests.iter_mut().position(|m| m.key == test_name) {
            Some(index) => &mut tests[index],
            None => {
                tests.push(Member {
                    key: test_name.to_string(),
                    key_span: test.span,
                    value: Node {
                        span: scope.span(block.span()),
                        kind: NodeKind::Object(Vec::new()),
                    },
                });
                tests.last_mut().expect("just pushed")
            }
        };
        let NodeKind::Object(keys) = &mut operator.value.kind else {
            unreachable!("condition operators are built as objects");
        };
        match keys.iter_mut().find(|m| m.key == variable_name) {
            Some(existing) => append(&mut existing.value, values),
            None => keys.push(Member {
                key: variable_name.to_string(),
                key_span: variable.span,
                value: values,
            }),
        }
    }
    match (key_span, span) {
        (Some(key_span), Some(span)) => Some(Member {
            key: "Condition".to_string(),
            key_span,
            value: Node {
                span,
                kind: NodeKind::Object(tests),
            },
        }),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Documents merged in.

/// The documents an argument names (`source_policy_documents`, `source_json`, …), in order.
fn merged_documents(
    scope: &Scope<'_>,
    block: &Block,
    argument: &str,
    budget: &Cell<usize>,
) -> Vec<Resolved> {
    let mut out = Vec::new();
    if let Some(attribute) = block.body.get_attribute(argument) {
        if argument.ends_with("_json") {
            resolve(scope, &attribute.value, budget, &mut out);
        } else {
            resolve_list(scope, &attribute.value, budget, &mut out);
        }
    }
    out
}

/// A list of documents: a list expression, `concat(...)` of lists, or a `var` or `local`
/// holding one; anything else is one unknown document (unless it is known to be empty).
fn resolve_list(
    scope: &Scope<'_>,
    expr: &Expression,
    budget: &Cell<usize>,
    out: &mut Vec<Resolved>,
) {
    match expr {
        Expression::Array(items) => {
            for item in items.iter() {
                resolve(scope, item, budget, out);
            }
        }
        Expression::Parenthesis(inner) => resolve_list(scope, inner.inner(), budget, out),
        Expression::FuncCall(call)
            if call.name.name.as_str() == "concat"
                && call.name.namespace.is_empty()
                && !call.args.expand_final() =>
        {
            for argument in call.args.iter() {
                resolve_list(scope, argument, budget, out);
            }
        }
        _ => {
            if let Some((inner, definition)) = scope.definition(expr) {
                return resolve_list(&inner, definition, budget, out);
            }
            let node = scope.node(expr);
            match &node.kind {
                NodeKind::Null => {}
                NodeKind::Array(items) if items.is_empty() => {}
                _ => out.push(Resolved::Unknown(scope.unknown(expr))),
            }
        }
    }
}

/// One document: `data.aws_iam_policy_document.<name>.json`, a `var` or `local` holding one,
/// or whatever a policy attribute may hold (`jsonencode(...)`, a heredoc, …). `null` and the
/// empty string are no document (the provider skips them).
fn resolve(scope: &Scope<'_>, expr: &Expression, budget: &Cell<usize>, out: &mut Vec<Resolved>) {
    if let Some(name) = policy_document_reference(expr) {
        let lowered = scope
            .module
            .policy_documents
            .get(name)
            .filter(|_| budget.get() > 0)
            .and_then(|located| {
                budget.set(budget.get() - 1);
                Some(lower_block(&scope.at(located)?, &located.item, budget))
            });
        out.push(match lowered {
            Some(node) => Resolved::Known(read_document(node)),
            None => Resolved::Unknown(scope.unknown(expr)),
        });
        return;
    }
    if let Some((inner, definition)) = scope.definition(expr) {
        return resolve(&inner, definition, budget, out);
    }
    match expr {
        Expression::Null(_) => return,
        Expression::String(text) if text.value().is_empty() => return,
        Expression::Parenthesis(inner) => return resolve(scope, inner.inner(), budget, out),
        _ => {}
    }
    out.push(match document::source(scope, expr) {
        Source::Tree(node) => Resolved::Known(read_document(node)),
        // A document the linter cannot see, or JSON the provider rejects (the plan fails).
        Source::Unknown | Source::Invalid(_) => Resolved::Unknown(scope.unknown(expr)),
    });
}

/// A rendered or written policy document, read as the provider unmarshals it.
fn read_document(node: Node) -> Doc {
    let span = node.span;
    let members = match node.kind {
        NodeKind::Object(members) => members,
        // Not a JSON object: the provider cannot unmarshal it, and the plan fails.
        _ => {
            return Doc {
                statements: vec![unknown_entry(
                    span,
                    "a merged document that is not an object",
                )],
                ..Doc::default()
            };
        }
    };
    let mut doc = Doc::default();
    for member in members {
        match member.key.as_str() {
            "Version" => doc.version = Some(member),
            "Id" => doc.id = Some(member),
            "Statement" => {
                doc.statements = match member.value.kind {
                    NodeKind::Array(items) => items.into_iter().map(read_statement).collect(),
                    NodeKind::Null => Vec::new(),
                    _ => vec![read_statement(member.value)],
                }
            }
            _ => {}
        }
    }
    doc
}

fn read_statement(node: Node) -> Entry {
    let sid = match &node.kind {
        NodeKind::Object(_) => match node.get("Sid").map(|s| &s.kind) {
            None => Sid::None,
            Some(NodeKind::Str(text)) if text.is_empty() => Sid::None,
            Some(NodeKind::Str(text)) => Sid::Known(text.clone()),
            Some(_) => Sid::Unknown,
        },
        NodeKind::Unknown(_) => Sid::Unknown,
        _ => {
            return unknown_entry(node.span, "a merged statement that is not an object");
        }
    };
    Entry { sid, node }
}

fn unknown_entry(span: Span, what: &str) -> Entry {
    Entry {
        sid: Sid::Unknown,
        node: Node {
            span,
            kind: NodeKind::Unknown(what.to_string()),
        },
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use hcl_edit::parser::parse_body;

    use super::*;
    use crate::syntax::terraform::module::{Located, Module};

    /// A module of the `data "aws_iam_policy_document"` blocks of `text`.
    fn module(text: &str) -> Module {
        let shared: Arc<str> = text.into();
        let mut module = Module::default();
        for block in parse_body(text).unwrap().into_blocks() {
            let name = block.labels[1].as_str().to_string();
            let located = Located {
                file: 0,
                text: shared.clone(),
                item: block,
            };
            module.policy_documents.insert(name, located);
        }
        module
    }

    fn lowered(text: &str, name: &str) -> Node {
        let module = module(text);
        let scope = Scope::new(&module, 0, text);
        lower(&scope, &module.policy_documents[name].item)
    }

    /// Each statement as its Sid and the first value of its first principal (or `?` when
    /// unknown, `-` for no Sid).
    fn statements(node: &Node) -> Vec<String> {
        let Some(NodeKind::Array(items)) = node.get("Statement").map(|s| &s.kind) else {
            panic!("no Statement array");
        };
        items
            .iter()
            .map(|item| {
                if matches!(item.kind, NodeKind::Unknown(_)) {
                    return "?".to_string();
                }
                let sid = item.get("Sid").and_then(Node::as_str).unwrap_or("-");
                let principal = item
                    .get("Principal")
                    .and_then(|p| p.as_object()?.first())
                    .and_then(|m| match &m.value.kind {
                        NodeKind::Array(values) => values.first()?.as_str(),
                        _ => None,
                    })
                    .unwrap_or("");
                format!("{sid}={principal}")
            })
            .collect()
    }

    fn statement(sid: &str, principal: &str) -> String {
        let sid = if sid.is_empty() {
            String::new()
        } else {
            format!("sid = \"{sid}\"")
        };
        format!(
            "statement {{\n {sid}\n actions = [\"sts:AssumeRole\"]\n principals {{\n type = \"AWS\"\n identifiers = [\"{principal}\"]\n }}\n }}\n"
        )
    }

    #[test]
    fn source_documents_do_not_replace_one_another() {
        // The provider rejects a repeated Sid across source documents; nothing is replaced.
        let text = format!(
            "data \"aws_iam_policy_document\" \"a\" {{\n{}}}\n\
             data \"aws_iam_policy_document\" \"b\" {{\n{}}}\n\
             data \"aws_iam_policy_document\" \"x\" {{\n\
               source_policy_documents = [data.aws_iam_policy_document.a.json, data.aws_iam_policy_document.b.minified_json]\n\
             }}",
            statement("S", "a"),
            statement("S", "b"),
        );
        assert_eq!(statements(&lowered(&text, "x")), ["S=a", "S=b"]);
    }

    #[test]
    fn override_documents_replace_in_order_and_within_themselves() {
        let text = format!(
            "data \"aws_iam_policy_document\" \"o1\" {{\n{}{}}}\n\
             data \"aws_iam_policy_document\" \"o2\" {{\n{}}}\n\
             data \"aws_iam_policy_document\" \"x\" {{\n\
               override_policy_documents = concat([data.aws_iam_policy_document.o1.json], [data.aws_iam_policy_document.o2.json])\n\
               {} {}\n\
             }}",
            statement("A", "o1"),
            statement("", "o1"),
            statement("A", "o2"),
            statement("A", "own"),
            statement("", "own"),
        );
        assert_eq!(statements(&lowered(&text, "x")), ["A=o2", "-=own", "-=o1"]);
    }

    #[test]
    fn a_dynamic_statement_may_replace_sources_but_not_its_siblings() {
        let text = format!(
            "data \"aws_iam_policy_document\" \"src\" {{\n{}{}}}\n\
             data \"aws_iam_policy_document\" \"x\" {{\n\
               source_policy_documents = [data.aws_iam_policy_document.src.json]\n\
               {}\n\
               dynamic \"statement\" {{\n for_each = var.s\n content {{}}\n }}\n\
             }}",
            statement("Src", "src"),
            statement("", "src"),
            statement("Own", "own"),
        );
        // The source's `Src` may be replaced by the dynamic statement; the block's `Own` may
        // not (a repeated Sid in one block fails); a statement without a Sid never is.
        assert_eq!(
            statements(&lowered(&text, "x")),
            ["?", "-=src", "Own=own", "?"]
        );
    }

    #[test]
    fn a_known_sid_behind_an_unknown_one_is_uncertain() {
        // The source's second statement has a Sid the linter cannot know: the override's `B`
        // replaces it or the known `B` after it, whichever comes first.
        let text = format!(
            "data \"aws_iam_policy_document\" \"src\" {{\n{}{}{}}}\n\
             data \"aws_iam_policy_document\" \"x\" {{\n\
               source_policy_documents = [data.aws_iam_policy_document.src.json]\n\
               override_policy_documents = [data.aws_iam_policy_document.o.json]\n\
             }}\n\
             data \"aws_iam_policy_document\" \"o\" {{\n{}}}",
            statement("A", "src"),
            statement("", "src").replace("statement {\n ", "statement {\n sid = var.sid"),
            statement("B", "src"),
            statement("B", "o"),
        );
        assert_eq!(statements(&lowered(&text, "x")), ["A=src", "?", "?", "B=o"]);
    }

    #[test]
    fn versions_upgrade_and_unknown_documents_may_upgrade_them() {
        let text = "data \"aws_iam_policy_document\" \"new\" {\n version = \"2012-10-17\"\n }\n\
                    data \"aws_iam_policy_document\" \"x\" {\n\
                      version = \"2008-10-17\"\n\
                      source_policy_documents = [data.aws_iam_policy_document.new.json]\n\
                    }\n\
                    data \"aws_iam_policy_document\" \"y\" {\n\
                      version = \"2008-10-17\"\n\
                      override_policy_documents = [var.more]\n\
                    }\n\
                    data \"aws_iam_policy_document\" \"z\" {\n\
                      override_policy_documents = [var.more]\n\
                    }";
        let version = |name: &str| lowered(text, name).get("Version").cloned().unwrap();
        // The greater version wins, and points at the document that wrote it.
        let x = version("x");
        assert_eq!(x.as_str(), Some("2012-10-17"));
        assert_eq!(&text[x.span.range()], "\"2012-10-17\"");
        assert!(matches!(version("y").kind, NodeKind::Unknown(_)));
        assert_eq!(version("z").as_str(), Some(DEFAULT_VERSION));
    }

    #[test]
    fn an_instance_of_a_counted_document_is_its_block() {
        let text = format!(
            "data \"aws_iam_policy_document\" \"base\" {{\n count = var.on ? 1 : 0\n{}}}\n\
             data \"aws_iam_policy_document\" \"x\" {{\n\
               source_policy_documents = [data.aws_iam_policy_document.base[0].json]\n\
             }}\n\
             data \"aws_iam_policy_document\" \"y\" {{\n\
               source_policy_documents = data.aws_iam_policy_document.base.*.json\n\
             }}",
            statement("B", "base"),
        );
        assert_eq!(statements(&lowered(&text, "x")), ["B=base"]);
        // A splat is a list of unknown length.
        assert_eq!(statements(&lowered(&text, "y")), ["?"]);
    }

    #[test]
    fn null_and_empty_documents_are_skipped() {
        let text = format!(
            "data \"aws_iam_policy_document\" \"x\" {{\n\
               source_policy_documents = [null, \"\"]\n\
               override_json = \"\"\n\
               {}\n\
             }}",
            statement("A", "own"),
        );
        assert_eq!(statements(&lowered(&text, "x")), ["A=own"]);
    }

    #[test]
    fn cycles_and_fan_out_end_in_unknown_documents() {
        let cycle = "data \"aws_iam_policy_document\" \"a\" {\n source_policy_documents = [data.aws_iam_policy_document.b.json]\n }\n\
                     data \"aws_iam_policy_document\" \"b\" {\n source_policy_documents = [data.aws_iam_policy_document.a.json]\n }";
        assert_eq!(statements(&lowered(cycle, "a")), ["?"]);
        // Twelve documents, each merging the next four times: 4^11 lowerings without a bound.
        let mut text = String::new();
        for level in 0..12 {
            let next = format!("data.aws_iam_policy_document.d{}.json", level + 1);
            text.push_str(&format!(
                "data \"aws_iam_policy_document\" \"d{level}\" {{\n source_policy_documents = [{next}, {next}, {next}, {next}]\n }}\n"
            ));
        }
        let started = std::time::Instant::now();
        let node = lowered(&text, "d0");
        assert!(started.elapsed().as_secs() < 5);
        assert!(statements(&node).iter().any(|s| s == "?"));
    }
}
