//! Small helpers several rules share: locating elements in a document's source tree and
//! naming statements and roles in messages.

use crate::eval::Tri;
use crate::eval::action::{ASSUME_ACTIONS, covers_any};
use crate::model::{Document, DocumentKind, PrincipalForm, SVal, Statement};
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
