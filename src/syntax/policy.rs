//! Lowers a spanned tree to a policy [`Document`], recording wrong element types (TL004)
//! instead of failing, so that every other rule still sees the rest of the document.

use super::tree::{Member, Node, NodeKind};
use crate::model::{
    Clause, Condition, Document, DocumentKind, Owner, Principal, PrincipalEntry, PrincipalForm,
    SVal, ShapeError, Spanned, Statement, Val, ValueList,
};
use crate::source::Span;

/// Whether the front end knows what the document is for, or it must be told apart by its
/// content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KindHint {
    Known(DocumentKind),
    Infer,
}

/// Whether a tree is recognisably a policy: an object with a `Statement` member.
pub fn looks_like_policy(node: &Node) -> bool {
    node.as_object()
        .is_some_and(|members| members.iter().any(|m| m.key == "Statement"))
}

/// Builds a document from its tree. The tree is kept in the document for structural rules.
pub fn lower_policy(raw: Node, hint: KindHint, owner: Option<Owner>) -> Document {
    let mut lowering = Lowering {
        errors: Vec::new(),
        unreadable_statements: false,
    };
    let mut document = Document {
        kind: DocumentKind::Identity,
        owner,
        attachment: Default::default(),
        file: raw.span.file,
        span: raw.span,
        version: None,
        id: None,
        statements: Vec::new(),
        unreadable_statements: false,
        raw: Node {
            span: raw.span,
            kind: NodeKind::Null,
        },
        shape_errors: Vec::new(),
    };
    match raw.as_object() {
        Some(members) => {
            for member in members {
                match member.key.as_str() {
                    "Version" => document.version = lowering.scalar(&member.value, "Version"),
                    "Id" => document.id = lowering.scalar(&member.value, "Id"),
                    "Statement" => document.statements = lowering.statements(&member.value),
                    _ => {}
                }
            }
        }
        None => lowering.error(
            raw.span,
            format!(
                "a policy document must be an object, found {}",
                raw.type_name()
            ),
        ),
    }
    document.kind = match hint {
        KindHint::Known(kind) => kind,
        KindHint::Infer => infer_kind(&document.statements),
    };
    document.raw = raw;
    document.shape_errors = lowering.errors;
    document.unreadable_statements = lowering.unreadable_statements;
    document
}

/// Tells a bare document's purpose from its content (DESIGN §1.3).
///
/// No `Principal` anywhere: an identity policy. A `Principal` with another service's actions:
/// a resource policy (a bucket policy must never be reported as a broken trust). A `Principal`
/// with only STS actions (or only `*`) is a trust policy — unless every statement also has a
/// `Resource` and names only AWS principals, which is just as likely an STS VPC endpoint policy
/// (`"Principal": "*"`, `"Action": "sts:AssumeRole"`, `"Resource": "arn:aws:iam::…:role/*"`);
/// such an ambiguous document is read as a resource policy, so no trust rule can misfire on
/// it. Service and federated principals never appear in endpoint policies.
pub fn infer_kind(statements: &[Statement]) -> DocumentKind {
    let has_principal = statements
        .iter()
        .any(|s| s.principal.is_some() || s.not_principal.is_some());
    if !has_principal {
        return DocumentKind::Identity;
    }
    let is_sts = |a: &str| a.len() > 4 && a[..4].eq_ignore_ascii_case("sts:");
    let other_service = statements
        .iter()
        .flat_map(|s| s.action.iter().chain(&s.not_action))
        .flat_map(|list| &list.values)
        .filter_map(SVal::known)
        .any(|a| a != "*" && !is_sts(a));
    if other_service {
        return DocumentKind::Resource;
    }
    let every_statement_has_resource = statements
        .iter()
        .all(|s| s.resource.is_some() || s.not_resource.is_some());
    let names_non_aws_principal = statements
        .iter()
        .flat_map(|s| s.principal.iter().chain(&s.not_principal))
        .any(|p| match &p.form {
            crate::model::PrincipalForm::Star(_) | crate::model::PrincipalForm::Unknown(_) => false,
            crate::model::PrincipalForm::Map(entries) => {
                entries.iter().any(|e| e.key.value != "AWS")
            }
        });
    if every_statement_has_resource && !names_non_aws_principal {
        DocumentKind::Resource
    } else {
        DocumentKind::Trust
    }
}

struct Lowering {
    errors: Vec<ShapeError>,
    /// A statement (or the whole `Statement` element) is an unknown value.
    unreadable_statements: bool,
}

impl Lowering {
    fn error(&mut self, span: Span, message: String) {
        self.errors.push(ShapeError { span, message });
    }

    fn statements(&mut self, node: &Node) -> Vec<Statement> {
        match &node.kind {
            NodeKind::Object(_) => self.statement(node).into_iter().collect(),
            NodeKind::Array(items) => items
                .iter()
                .filter_map(|item| {
                    if let NodeKind::Unknown(_) = item.kind {
                        self.unreadable_statements = true;
                        return None;
                    }
                    self.statement(item)
                })
                .collect(),
            NodeKind::Unknown(_) => {
                self.unreadable_statements = true;
                Vec::new()
            }
            _ => {
                self.error(
                    node.span,
                    format!(
                        "`Statement` must be an object or an array of objects, found {}",
                        node.type_name()
                    ),
                );
                Vec::new()
            }
        }
    }

    fn statement(&mut self, node: &Node) -> Option<Statement> {
        let Some(members) = node.as_object() else {
            self.error(
                node.span,
                format!("a statement must be an object, found {}", node.type_name()),
            );
            return None;
        };
        let mut statement = Statement {
            span: node.span,
            ..Statement::default()
        };
        for member in members {
            let value = &member.value;
            match member.key.as_str() {
                "Sid" => statement.sid = self.scalar(value, "Sid"),
                "Effect" => statement.effect = self.scalar(value, "Effect"),
                "Principal" => statement.principal = self.principal(member),
                "NotPrincipal" => statement.not_principal = self.principal(member),
                "Action" => statement.action = self.value_list(member),
                "NotAction" => statement.not_action = self.value_list(member),
                "Resource" => statement.resource = self.value_list(member),
                "NotResource" => statement.not_resource = self.value_list(member),
                "Condition" => statement.condition = self.condition(member),
                _ => {}
            }
        }
        Some(statement)
    }

    /// A string-valued element (`Version`, `Sid`, `Effect`).
    fn scalar(&mut self, node: &Node, element: &str) -> Option<SVal> {
        match string_value(node) {
            Some(value) => Some(spanned(node, value)),
            None => {
                self.error(
                    node.span,
                    format!("`{element}` must be a string, found {}", describe(node)),
                );
                None
            }
        }
    }

    /// A string or an array of strings.
    fn strings(&mut self, node: &Node, element: &str) -> Option<Vec<SVal>> {
        match &node.kind {
            NodeKind::Array(items) => Some(
                items
                    .iter()
                    .filter_map(|item| match string_value(item) {
                        Some(value) => Some(spanned(item, value)),
                        None => {
                            self.error(
                                item.span,
                                format!(
                                    "each value in `{element}` must be a string, found {}",
                                    describe(item)
                                ),
                            );
                            None
                        }
                    })
                    .collect(),
            ),
            NodeKind::Str(_) | NodeKind::Unknown(_) | NodeKind::Symbol(_) => {
                self.scalar(node, element).map(|v| vec![v])
            }
            _ => {
                self.error(
                    node.span,
                    format!(
                        "`{element}` must be a string or an array of strings, found {}",
                        describe(node)
                    ),
                );
                None
            }
        }
    }

    fn value_list(&mut self, member: &Member) -> Option<ValueList> {
        let values = self.strings(&member.value, &member.key)?;
        Some(ValueList {
            key_span: member.key_span,
            span: member.value.span,
            values,
        })
    }

    fn principal(&mut self, member: &Member) -> Option<Principal> {
        let node = &member.value;
        let form = match &node.kind {
            NodeKind::Str(text) if text == "*" => {
                PrincipalForm::Star(spanned(node, Val::Known(text.clone())))
            }
            NodeKind::Unknown(what) => {
                PrincipalForm::Unknown(spanned(node, Val::Unknown(what.clone())))
            }
            NodeKind::Object(entries) => PrincipalForm::Map(
                entries
                    .iter()
                    .map(|entry| PrincipalEntry {
                        key: Spanned {
                            value: entry.key.clone(),
                            span: entry.key_span,
                        },
                        values: self
                            .strings(&entry.value, &format!("{}.{}", member.key, entry.key))
                            .unwrap_or_default(),
                    })
                    .collect(),
            ),
            _ => {
                self.error(
                    node.span,
                    format!(
                        "`{}` must be \"*\" or an object such as {{\"AWS\": …}}, found {}",
                        member.key,
                        describe(node)
                    ),
                );
                return None;
            }
        };
        Some(Principal {
            key_span: member.key_span,
            span: node.span,
            form,
        })
    }

    fn condition(&mut self, member: &Member) -> Option<Condition> {
        let node = &member.value;
        if let NodeKind::Unknown(what) = &node.kind {
            return Some(Condition {
                key_span: member.key_span,
                span: node.span,
                clauses: vec![unreadable_clause(what, node.span, what, node.span)],
            });
        }
        let Some(operators) = node.as_object() else {
            self.error(
                node.span,
                format!(
                    "`Condition` must be an object of operators, found {}",
                    node.type_name()
                ),
            );
            return None;
        };
        let mut clauses = Vec::new();
        for operator in operators {
            if let NodeKind::Unknown(what) = &operator.value.kind {
                clauses.push(unreadable_clause(
                    &operator.key,
                    operator.key_span,
                    what,
                    operator.value.span,
                ));
                continue;
            }
            let Some(keys) = operator.value.as_object() else {
                self.error(
                    operator.value.span,
                    format!(
                        "condition operator `{}` must map to an object of keys, found {}",
                        operator.key,
                        operator.value.type_name()
                    ),
                );
                continue;
            };
            for key in keys {
                let values = self.condition_values(&key.value, &key.key);
                clauses.push(Clause {
                    operator: Spanned {
                        value: operator.key.clone(),
                        span: operator.key_span,
                    },
                    key: Spanned {
                        value: key.key.clone(),
                        span: key.key_span,
                    },
                    values,
                    unreadable: false,
                });
            }
        }
        Some(Condition {
            key_span: member.key_span,
            span: node.span,
            clauses,
        })
    }

    /// Condition values may be strings, numbers or booleans, alone or in an array.
    fn condition_values(&mut self, node: &Node, key: &str) -> Vec<SVal> {
        let items: Vec<&Node> = match &node.kind {
            NodeKind::Array(items) => items.iter().collect(),
            _ => vec![node],
        };
        items
            .into_iter()
            .filter_map(|item| {
                let value = match &item.kind {
                    NodeKind::Number(text) => Some(Val::Known(text.clone())),
                    NodeKind::Bool(b) => Some(Val::Known(b.to_string())),
                    _ => string_value(item),
                };
                if value.is_none() {
                    self.error(
                        item.span,
                        format!(
                            "the value of condition key `{key}` must be a string, number or boolean, found {}",
                            item.type_name()
                        ),
                    );
                }
                value.map(|v| spanned(item, v))
            })
            .collect()
    }
}

/// A string-like leaf as a value: known text, unknown, or a symbol; `None` for anything else.
fn string_value(node: &Node) -> Option<Val> {
    match &node.kind {
        NodeKind::Str(text) => Some(Val::Known(text.clone())),
        NodeKind::Unknown(what) => Some(Val::Unknown(what.clone())),
        NodeKind::Symbol(symbol) => Some(Val::Symbol(symbol.clone())),
        _ => None,
    }
}

fn spanned(node: &Node, value: Val) -> SVal {
    Spanned {
        value,
        span: node.span,
    }
}

fn describe(node: &Node) -> String {
    match &node.kind {
        NodeKind::Str(text) => format!("the string {text:?}"),
        NodeKind::Number(text) => format!("the number {text}"),
        NodeKind::Bool(value) => format!("the boolean {value}"),
        _ => node.type_name().to_string(),
    }
}

/// A clause for condition content whose value is unknown: its operator (or the whole block)
/// as written, and the unknown expression as its key.
fn unreadable_clause(operator: &str, operator_span: Span, what: &str, span: Span) -> Clause {
    Clause {
        operator: Spanned {
            value: operator.to_string(),
            span: operator_span,
        },
        key: Spanned {
            value: what.to_string(),
            span,
        },
        values: Vec::new(),
        unreadable: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::Tri;
    use crate::eval::condition::{Request, evaluate_all};

    fn node(kind: NodeKind) -> Node {
        Node {
            span: Span::new(0, 0, 0),
            kind,
        }
    }

    fn member(key: &str, value: Node) -> Member {
        Member {
            key: key.to_string(),
            key_span: Span::new(0, 0, 0),
            value,
        }
    }

    /// One statement whose `Condition` is `condition`.
    fn statement_with(condition: Node) -> Statement {
        let statement = node(NodeKind::Object(vec![
            member("Effect", node(NodeKind::Str("Allow".into()))),
            member("Condition", condition),
        ]));
        let document = node(NodeKind::Object(vec![member(
            "Statement",
            node(NodeKind::Array(vec![statement])),
        )]));
        lower_policy(document, KindHint::Known(DocumentKind::Trust), None)
            .statements
            .remove(0)
    }

    #[test]
    fn an_unknown_condition_is_an_unreadable_clause_that_evaluates_to_unknown() {
        let whole = statement_with(node(NodeKind::Unknown("var.cond".into())));
        let operator = statement_with(node(NodeKind::Object(vec![member(
            "StringEquals",
            node(NodeKind::Unknown("var.keys".into())),
        )])));
        for statement in [whole, operator] {
            assert_eq!(statement.clauses().len(), 1);
            assert!(statement.clauses()[0].unreadable);
            assert_eq!(
                evaluate_all(statement.clauses(), &Request::default()),
                Tri::Unknown
            );
        }
    }
}
