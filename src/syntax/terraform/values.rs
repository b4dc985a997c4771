//! HCL expressions to the spanned tree every front end shares, with the values the linter can
//! know resolved: literals, `var.*` (from `.tfvars` or the default), `local.*`, string
//! templates whose every part is known, and element or attribute access into those.
//! Everything else (a resource attribute, `data.*`, a function result, a conditional) is
//! [`NodeKind::Unknown`], with the expression's text for messages.

use hcl_edit::Decorated;
use hcl_edit::Span as _;
use hcl_edit::expr::{Expression, ObjectKey, TraversalOperator};
use hcl_edit::structure::Block;
use hcl_edit::template::Element;

use std::cell::RefCell;

use super::json_syntax::OffsetMap;
use super::module::{Located, Module};
use crate::model::Symbol;
use crate::source::{FileId, Span};
use crate::syntax::Origin;
use crate::syntax::deployed::ResourceKind;
use crate::syntax::tree::{Member, Node, NodeKind};

/// How deep `var` and `local` references may nest before the value is taken as unknown (a
/// cycle, or a chain no real module has).
const MAX_DEPTH: u8 = 16;

/// What a string template comes to.
enum Template {
    Known(String),
    /// Some part is a symbol: the identity the parts make together, and whether it is exact
    /// ([`Symbol::exact`]).
    Symbol(String, bool),
}

/// Where an expression is read: its module, and the file it is written in.
#[derive(Clone, Copy)]
pub struct Scope<'a> {
    pub module: &'a Module,
    pub file: FileId,
    pub text: &'a str,
    depth: u8,
    /// Where the `var` and `local` references read so far are, when the caller keeps them.
    trail: Option<&'a Trail>,
    /// A file in JSON syntax: where its HCL translation's spans were written in `text`.
    map: Option<&'a OffsetMap>,
}

/// The `var` and `local` references a lowering went through, so that a finding on a value
/// defined elsewhere can show where the value came in.
#[derive(Default)]
pub struct Trail(RefCell<Vec<Origin>>);

impl Trail {
    /// The references recorded since the last call.
    pub fn take(&self) -> Vec<Origin> {
        std::mem::take(&mut self.0.borrow_mut())
    }
}

impl<'a> Scope<'a> {
    pub fn new(module: &'a Module, file: FileId, text: &'a str) -> Self {
        Scope {
            module,
            file,
            text,
            depth: 0,
            trail: None,
            map: module.offset_map(file),
        }
    }

    /// The same scope, recording the references it reads in `trail`.
    pub fn with_trail(self, trail: &'a Trail) -> Self {
        Scope {
            trail: Some(trail),
            ..self
        }
    }

    /// The trail this scope records references in.
    pub fn trail(&self) -> Option<&'a Trail> {
        self.trail
    }

    /// Notes that `expr`, read here, took its value from `value`.
    pub fn record(&self, expr: &Expression, value: Span) {
        if let Some(trail) = self.trail {
            let reference = self.span(expr.span());
            trail.0.borrow_mut().push(Origin {
                document: reference,
                name: self.text.get(reference.range()).unwrap_or("").to_string(),
                reference,
                value,
            });
        }
    }

    /// The scope of a definition elsewhere in the module, one reference deeper.
    pub fn at<T>(&self, located: &'a Located<T>) -> Option<Scope<'a>> {
        (self.depth < MAX_DEPTH).then(|| Scope {
            module: self.module,
            file: located.file,
            text: &located.text,
            depth: self.depth + 1,
            trail: self.trail,
            map: self.module.offset_map(located.file),
        })
    }

    /// The span of an hcl-edit item in this scope's file (in a JSON file, where the JSON wrote
    /// it).
    pub fn span(&self, range: Option<std::ops::Range<usize>>) -> Span {
        let range = match (range, self.map) {
            (Some(range), Some(map)) => map.range(range),
            (range, _) => range.unwrap_or(0..0),
        };
        Span::new(self.file, range.start, range.end)
    }

    /// An unknown value standing for `expr`.
    pub fn unknown(&self, expr: &Expression) -> Node {
        let span = self.span(expr.span());
        Node {
            span,
            kind: NodeKind::Unknown(self.written(span)),
        }
    }

    /// The expression as a spanned tree, its knowable values resolved.
    pub fn node(&self, expr: &Expression) -> Node {
        let span = self.span(expr.span());
        let kind = match expr {
            Expression::Null(_) => NodeKind::Null,
            Expression::Bool(value) => NodeKind::Bool(*value.value()),
            Expression::Number(_) => {
                NodeKind::Number(self.text.get(span.range()).unwrap_or("0").to_string())
            }
            Expression::String(value) => NodeKind::Str(value.value().clone()),
            Expression::Array(array) => {
                NodeKind::Array(array.iter().map(|e| self.node(e)).collect())
            }
            Expression::Object(object) => {
                let mut members: Vec<Member> = Vec::with_capacity(object.len());
                for (key, value) in object.iter() {
                    let Some(name) = self.key(key) else {
                        // A computed key: the object's shape is not known.
                        return self.unknown(expr);
                    };
                    // A repeated key: Terraform keeps the last value ([`super::hcl`]).
                    members.retain(|m| m.key != name);
                    members.push(Member {
                        key: name,
                        key_span: self.span(key.span()),
                        value: self.node(value.expr()),
                    });
                }
                NodeKind::Object(members)
            }
            Expression::StringTemplate(template) => match self.template(template) {
                Some(Template::Known(text)) => NodeKind::Str(text),
                Some(Template::Symbol(identity, exact)) => NodeKind::Symbol(Symbol {
                    text: self.written(span),
                    identity,
                    exact,
                }),
                None => return self.unknown(expr),
            },
            Expression::Parenthesis(inner) => return self.node(inner.inner()),
            // `var.create ? 1 : 0`: the branch a known condition picks.
            Expression::Conditional(conditional) => {
                return match self.node(&conditional.cond_expr).kind {
                    NodeKind::Bool(true) => self.node(&conditional.true_expr),
                    NodeKind::Bool(false) => self.node(&conditional.false_expr),
                    _ => self.unknown(expr),
                };
            }
            Expression::Traversal(_) => {
                return self
                    .reference(expr)
                    .or_else(|| self.resource_reference(expr))
                    .unwrap_or_else(|| self.unknown(expr));
            }
            _ => return self.unknown(expr),
        };
        Node { span, kind }
    }

    /// An object key as text: an identifier, a string, or a known expression.
    fn key(&self, key: &ObjectKey) -> Option<String> {
        let start = key.span().map(|span| span.start);
        if let Some(name) = start.and_then(|at| self.module.renamed_key(self.file, at)) {
            return Some(name.to_string());
        }
        match key {
            ObjectKey::Ident(ident) => Some(ident.as_str().to_string()),
            ObjectKey::Expression(expr) => match self.node(expr).kind {
                NodeKind::Str(text) => Some(text),
                _ => None,
            },
        }
    }

    /// A template's text when every interpolated part is a known string or number, or its
    /// identity when some are symbols (`arn:aws:iam::${data.aws_caller_identity.c.account_id}:root`).
    fn template(&self, template: &hcl_edit::template::Template) -> Option<Template> {
        let mut text = String::new();
        let mut symbolic: Option<bool> = None;
        for element in template.iter() {
            match element {
                Element::Literal(literal) => text.push_str(literal.value()),
                Element::Interpolation(interpolation) => {
                    match self.node(&interpolation.expr).kind {
                        NodeKind::Str(part) | NodeKind::Number(part) => text.push_str(&part),
                        NodeKind::Bool(value) => text.push_str(&value.to_string()),
                        NodeKind::Symbol(symbol) => {
                            symbolic = Some(symbolic.unwrap_or(true) && symbol.exact);
                            text.push_str(&symbol.identity);
                        }
                        _ => return None,
                    }
                }
                Element::Directive(_) => return None,
            }
        }
        Some(match symbolic {
            Some(exact) => Template::Symbol(text, exact),
            None => Template::Known(text),
        })
    }

    /// The source text at `span`, for messages.
    fn written(&self, span: Span) -> String {
        crate::syntax::written(self.text, span, "an expression")
    }

    /// A reference to what the module defines or is deployed with: an IAM resource's `arn`,
    /// `name` or `id` ([`super::resource_index`]), the deploying account
    /// (`data.aws_caller_identity.<any>.account_id`) and partition
    /// (`data.aws_partition.<any>.partition`, taken as `aws`, as the module's resource ARNs
    /// are). Index and splat operators select instances of one node, so they are skipped.
    /// `module.<call>.<output>` is the output as the call's instance evaluates it.
    /// `path.module` and `path.root` are `.`: paths are read relative to the module's
    /// directory ([`Module::path`]).
    fn resource_reference(&self, expr: &Expression) -> Option<Node> {
        let (root, operators) = rooted(expr)?;
        let names: Vec<&str> = operators
            .iter()
            .filter_map(|operator| match operator.value() {
                TraversalOperator::GetAttr(name) => Some(name.as_str()),
                _ => None,
            })
            .collect();
        // Whether the identity is the text AWS will see (but for the deploying account and
        // partition): not when it holds an address for a name the linter cannot know.
        let mut exact = true;
        let identity = match (root, names.as_slice()) {
            ("path", ["module" | "root"]) => {
                return Some(Node {
                    span: self.span(expr.span()),
                    kind: NodeKind::Str(".".to_string()),
                });
            }
            // An output of a local module's instance, as that instance evaluates it.
            ("module", [call, output]) => {
                let (_, instance) = self.module.instances.iter().find(|(n, _)| n == call)?;
                let node = instance.output(output)?;
                return Some(Node {
                    span: self.span(expr.span()),
                    kind: node.kind,
                });
            }
            ("data", ["aws_caller_identity", name, "account_id"]) => {
                let alias = self
                    .module
                    .data_block("aws_caller_identity", name)
                    .and_then(provider_alias);
                self.module.account_for(alias.as_deref())
            }
            ("data", ["aws_partition", _, "partition"]) => "aws".to_string(),
            (resource_type, [name, attribute]) => {
                let resource = self
                    .module
                    .resources
                    .get(&format!("{resource_type}.{name}"))?;
                exact = resource.name.is_some();
                match (*attribute, resource.kind) {
                    ("arn", _) => resource.arn.clone(),
                    ("id", ResourceKind::Principal(_)) | ("name", _) => match &resource.name {
                        Some(name) => {
                            return Some(Node {
                                span: self.span(expr.span()),
                                kind: NodeKind::Str(name.clone()),
                            });
                        }
                        None => resource.address.clone(),
                    },
                    // A policy's or provider's ID is its ARN.
                    ("id", _) => resource.arn.clone(),
                    _ => return None,
                }
            }
            _ => return None,
        };
        let span = self.span(expr.span());
        Some(Node {
            span,
            kind: NodeKind::Symbol(Symbol {
                text: self.written(span),
                identity,
                exact,
            }),
        })
    }

    /// The definition of `var.<name>` or `local.<name>` (`root` is `var` or `local`).
    fn lookup(&self, root: &str, name: &str) -> Option<&'a Located<Expression>> {
        match root {
            // A module that is only called gets its variables from its calls, each checked in
            // its instance: on its own, even a default is not what is deployed.
            "var" if self.module.called => None,
            "var" => self.module.variables.get(name),
            "local" => self.module.locals.get(name),
            _ => None,
        }
    }

    /// Whether a resource or module block creates nothing: `count = 0`, or `for_each` over an
    /// empty list, set or map.
    pub fn creates_nothing(&self, block: &Block) -> bool {
        let value = |name: &str| {
            block
                .body
                .get_attribute(name)
                .map(|a| self.node(&a.value).kind)
        };
        match (value("count"), value("for_each")) {
            (Some(NodeKind::Number(count)), _) => count == "0",
            (_, Some(NodeKind::Array(items))) => items.is_empty(),
            (_, Some(NodeKind::Object(members))) => members.is_empty(),
            _ => false,
        }
    }

    /// The input a module call passes for `expr` when it is exactly `var.<name>`.
    pub fn input(&self, expr: &Expression) -> Option<&'a Node> {
        let (root, operators) = rooted(expr)?;
        match simple(root, operators)? {
            ("var", name) => self.module.inputs.get(name),
            _ => None,
        }
    }

    /// The definition `expr` stands for when it is exactly `var.<name>` or `local.<name>`,
    /// with the scope to read it in.
    pub fn definition(&self, expr: &Expression) -> Option<(Scope<'a>, &'a Expression)> {
        let (root, operators) = rooted(expr)?;
        let (root, name) = simple(root, operators)?;
        if root == "var" && self.module.inputs.contains_key(name) {
            return None;
        }
        let located = self.lookup(root, name)?;
        Some((self.at(located)?, &located.item))
    }

    /// `var.x`, `local.x`, and element or attribute access into them.
    fn reference(&self, expr: &Expression) -> Option<Node> {
        let (root, operators) = rooted(expr)?;
        let (first, rest) = operators.split_first()?;
        let TraversalOperator::GetAttr(name) = first.value() else {
            return None;
        };
        let input = (root == "var")
            .then(|| self.module.inputs.get(name.as_str()))
            .flatten();
        let mut node = match input {
            // A module call's input, as evaluated where the call is written.
            Some(input) => input.clone(),
            None => {
                let located = self.lookup(root, name.as_str())?;
                self.at(located)?.node(&located.item)
            }
        };
        for operator in rest {
            node = match operator.value() {
                TraversalOperator::GetAttr(key) => member(node, key.as_str())?,
                TraversalOperator::Index(index) => match self.node(index).kind {
                    NodeKind::Str(key) => member(node, &key)?,
                    NodeKind::Number(number) => element(node, number.parse().ok()?)?,
                    _ => return None,
                },
                TraversalOperator::LegacyIndex(index) => {
                    element(node, usize::try_from(*index.value()).ok()?)?
                }
                _ => return None,
            };
        }
        self.record(expr, node.span);
        Some(node)
    }
}

/// A traversal from a variable (`aws_iam_role.b[0].arn`, `var.x`): the variable and the
/// operators after it.
pub fn rooted(expr: &Expression) -> Option<(&str, &[Decorated<TraversalOperator>])> {
    let Expression::Traversal(traversal) = expr else {
        return None;
    };
    let Expression::Variable(root) = &traversal.expr else {
        return None;
    };
    Some((root.as_str(), &traversal.operators))
}

/// `root.name` exactly (`var.x`, `local.y`), as the root and the name.
fn simple<'e>(
    root: &'e str,
    operators: &'e [Decorated<TraversalOperator>],
) -> Option<(&'e str, &'e str)> {
    match operators {
        [operator] => match operator.value() {
            TraversalOperator::GetAttr(name) => Some((root, name.as_str())),
            _ => None,
        },
        _ => None,
    }
}

/// The aliased AWS provider a resource or data block is deployed through
/// (`provider = aws.production`), if any.
pub fn provider_alias(block: &Block) -> Option<String> {
    aws_alias(&block.body.get_attribute("provider")?.value)
}

/// An aliased AWS provider as written (`aws.production`).
pub fn aws_alias(expr: &Expression) -> Option<String> {
    match rooted(expr)? {
        ("aws", [alias]) => match alias.value() {
            TraversalOperator::GetAttr(alias) => Some(format!("aws.{}", alias.as_str())),
            _ => None,
        },
        _ => None,
    }
}

/// The last member named `key` of a known object.
fn member(node: Node, key: &str) -> Option<Node> {
    match node.kind {
        NodeKind::Object(members) => members
            .into_iter()
            .rev()
            .find(|m| m.key == key)
            .map(|m| m.value),
        _ => None,
    }
}

/// The element at `index` of a known list.
fn element(node: Node, index: usize) -> Option<Node> {
    match node.kind {
        NodeKind::Array(items) => items.into_iter().nth(index),
        _ => None,
    }
}
