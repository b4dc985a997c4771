//! An attribute that holds a policy document (`assume_role_policy`, `policy`): the document as
//! a spanned tree, whichever way it is written — `jsonencode({...})`, a heredoc or quoted string
//! of JSON, `data.aws_iam_policy_document.<name>.json`, or a `var`/`local` holding one of
//! those. Spans point into the `.tf`: a heredoc body is parsed in place; an escaped string
//! through the shared embedded-JSON decoder.

use hcl_edit::Span as _;
use hcl_edit::expr::{Expression, TraversalOperator};
use hcl_edit::template::{Element, HeredocTemplate};

use super::values::Scope;
use crate::source::Span;
use crate::syntax::embedded;
use crate::syntax::json::{self, Dialect, SyntaxError};
use crate::syntax::tree::{Node, NodeKind};

/// What a policy attribute holds.
pub enum Source {
    /// The document's tree (its values may still be unknown).
    Tree(Node),
    /// A document the linter cannot see (a `file()` or `templatefile()` result, a resource
    /// attribute, a variable without a value).
    Unknown,
    /// JSON that is not valid: a TL001 finding.
    Invalid(SyntaxError),
}

/// The document `expr` holds.
pub fn source(scope: &Scope<'_>, expr: &Expression) -> Source {
    match expr {
        Expression::FuncCall(call) if call.name.name.as_str() == "jsonencode" => {
            match call.args.iter().next() {
                Some(argument) => tree(scope.node(argument)),
                None => Source::Unknown,
            }
        }
        Expression::FuncCall(call) if call.name.name.as_str() == "file" => {
            let path = call.args.iter().next().map(|a| scope.node(a).kind);
            let Some(NodeKind::Str(path)) = path else {
                return Source::Unknown;
            };
            // Read when the modules were loaded; its spans are the file's own.
            let Some(read) = scope.module.read_file(&path) else {
                return Source::Unknown;
            };
            let dialect = match crate::syntax::Format::of_path(&path) {
                Some(crate::syntax::Format::Json(dialect)) => dialect,
                _ => Dialect::Strict,
            };
            match json::parse(&read.text, read.file, dialect) {
                Ok(tree) => {
                    scope.record(expr, tree.span);
                    self::tree(tree)
                }
                Err(error) => Source::Invalid(error),
            }
        }
        Expression::HeredocTemplate(heredoc) => heredoc_json(scope, heredoc),
        Expression::String(_) => {
            let node = scope.node(expr);
            // hcl-edit has already read `$${` as `${` in a plain string (an interpolation
            // would have made it a template), so its text is taken as it is.
            match embedded::parse_string(&node, scope.text) {
                Ok(tree) => self::tree(tree),
                Err(error) => Source::Invalid(error),
            }
        }
        Expression::Parenthesis(inner) => source(scope, inner.inner()),
        Expression::Traversal(_) => {
            if let Some(name) = policy_document_reference(expr) {
                let Some(block) = scope.module.policy_documents.get(name) else {
                    return Source::Unknown;
                };
                return match scope.at(block) {
                    Some(inner) => tree(super::policy_document::lower(&inner, &block.item)),
                    None => Source::Unknown,
                };
            }
            // A module call's input: a document its caller wrote (`jsonencode(…)`).
            if let Some(input) = scope.input(expr) {
                scope.record(expr, input.span);
                return match input.kind {
                    NodeKind::Object(_) => Source::Tree(input.clone()),
                    _ => Source::Unknown,
                };
            }
            let Some((inner, definition)) = scope.definition(expr) else {
                return Source::Unknown;
            };
            let found = source(&inner, definition);
            if let Source::Tree(tree) = &found {
                scope.record(expr, tree.span);
            }
            found
        }
        _ => Source::Unknown,
    }
}

/// `data.aws_iam_policy_document.<name>.json` (or `.minified_json`), or one instance of a
/// `count` or `for_each` document (`<name>[0].json`, `<name>["key"].json`: each instance
/// renders the same block, its `count.index` and `each.*` unknown): the name.
pub fn policy_document_reference(expr: &Expression) -> Option<&str> {
    let (root, operators) = super::values::rooted(expr)?;
    let names: Vec<&str> = operators
        .iter()
        .filter(|op| {
            !matches!(
                op.value(),
                TraversalOperator::Index(_) | TraversalOperator::LegacyIndex(_)
            )
        })
        .map(|op| match op.value() {
            TraversalOperator::GetAttr(name) => Some(name.as_str()),
            _ => None,
        })
        .collect::<Option<_>>()?;
    // At most one index, and only on the document itself.
    let indexes: Vec<usize> = operators
        .iter()
        .enumerate()
        .filter(|(_, op)| !matches!(op.value(), TraversalOperator::GetAttr(_)))
        .map(|(at, _)| at)
        .collect();
    if !matches!(indexes.as_slice(), [] | [2]) {
        return None;
    }
    match (root, names.as_slice()) {
        ("data", ["aws_iam_policy_document", name, "json" | "minified_json"]) => Some(name),
        _ => None,
    }
}

/// A tree whose root is unknown is no document to check.
fn tree(node: Node) -> Source {
    match node.kind {
        NodeKind::Unknown(_) => Source::Unknown,
        _ => Source::Tree(node),
    }
}

/// A heredoc of JSON, parsed where it stands. Interpolations inside JSON strings make those
/// strings unknown; one outside a string (`"Principal": ${jsonencode(var.p)}`) leaves JSON
/// the linter cannot read, so the document is unknown rather than invalid.
fn heredoc_json(scope: &Scope<'_>, heredoc: &HeredocTemplate) -> Source {
    // A heredoc in a `.tf.json` could only be inside an interpolation: its body is not text of
    // the JSON file to parse in place.
    if scope.module.offset_map(scope.file).is_some() {
        return Source::Unknown;
    }
    let elements: Vec<&Element> = heredoc.template.iter().collect();
    let range = |element: &Element| match element {
        Element::Literal(literal) => literal.span(),
        Element::Interpolation(interpolation) => interpolation.span(),
        Element::Directive(directive) => directive.span(),
    };
    let (Some(start), Some(end)) = (
        elements.first().and_then(|e| range(e)).map(|r| r.start),
        elements.last().and_then(|e| range(e)).map(|r| r.end),
    ) else {
        return Source::Unknown;
    };
    let Some(body) = scope.text.get(start..end) else {
        return Source::Unknown;
    };
    let templated = elements.iter().any(|e| !matches!(e, Element::Literal(_)));
    match json::parse(body, scope.file, Dialect::Strict) {
        Ok(mut tree) => {
            shift(&mut tree, start as u32);
            self::tree(unescape_templates(tree))
        }
        Err(_) if templated => Source::Unknown,
        Err(mut error) => {
            error.span = moved(error.span, start as u32);
            error.opened = error.opened.map(|s| moved(s, start as u32));
            Source::Invalid(error)
        }
    }
}

fn moved(span: Span, by: u32) -> Span {
    Span {
        file: span.file,
        start: span.start + by,
        end: span.end + by,
    }
}

/// Moves every span of a tree parsed from a slice to its place in the file.
fn shift(node: &mut Node, by: u32) {
    node.span = moved(node.span, by);
    match &mut node.kind {
        NodeKind::Array(items) => items.iter_mut().for_each(|item| shift(item, by)),
        NodeKind::Object(members) => {
            for member in members {
                member.key_span = moved(member.key_span, by);
                shift(&mut member.value, by);
            }
        }
        _ => {}
    }
}

/// Terraform template syntax inside strings of embedded JSON: `${…}` and `%{…}` are
/// interpolations and directives (the string is unknown); `$${` and `%%{` are the literal
/// `${` and `%{` (an IAM policy variable such as `$${aws:username}`).
fn unescape_templates(mut node: Node) -> Node {
    match &mut node.kind {
        NodeKind::Str(text) if text.contains("{") => {
            let escaped = text.replace("$${", "").replace("%%{", "");
            if escaped.contains("${") || escaped.contains("%{") {
                node.kind = NodeKind::Unknown(text.clone());
            } else {
                *text = text.replace("$${", "${").replace("%%{", "%{");
            }
        }
        NodeKind::Array(items) => {
            *items = std::mem::take(items)
                .into_iter()
                .map(unescape_templates)
                .collect();
        }
        NodeKind::Object(members) => {
            for member in members.iter_mut() {
                let span = member.value.span;
                let value = std::mem::replace(
                    &mut member.value,
                    Node {
                        span,
                        kind: NodeKind::Null,
                    },
                );
                member.value = unescape_templates(value);
            }
        }
        _ => {}
    }
    node
}
