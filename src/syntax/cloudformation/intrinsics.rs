//! CloudFormation intrinsic functions, resolved as far as a template alone tells.
//!
//! Short forms (`!Ref`, `!Sub`, …) reach here in their long form (`{"Fn::Sub": …}`): the YAML
//! reader writes them so. A value a deployment decides is unknown, never guessed: a parameter
//! (its deployed value varies, even with a `Default`), `AWS::Region`, `Fn::ImportValue`, a
//! condition (`Fn::If`, unless both branches agree). What the template names is a symbol
//! ([`crate::model::Symbol`]): `AWS::AccountId` is the account the stack is deployed to
//! ([`crate::model::arn::deploying_account`]), so a trust naming it is same-account;
//! `!GetAtt Role.Arn` and `!Ref Role` are that role's node. `AWS::Partition` is taken as `aws`,
//! as the template's own ARNs are written: a template's resources share one partition,
//! whichever it is, so references among them match all the same.

use crate::model::{OwnerKind, Symbol};
use crate::source::Span;
use crate::syntax::deployed::{Resource, ResourceKind, Resources};
use std::cell::RefCell;

use crate::syntax::Origin;
use crate::syntax::embedded;
use crate::syntax::json::SyntaxError;
use crate::syntax::tree::{Member, Node, NodeKind};

/// How deep intrinsic functions may nest before the value is taken as unknown.
const MAX_DEPTH: u8 = 32;

/// What a template's values are resolved against.
#[derive(Clone)]
pub struct Template<'a> {
    pub text: &'a str,
    /// The account the stack is deployed to.
    pub account: &'a str,
    pub mappings: Option<&'a Node>,
    pub resources: &'a Resources,
    /// Conditions taken as decided, for one variant of a document ([`conditions`]); any other
    /// condition is decided at deployment.
    pub choices: Vec<(String, bool)>,
    /// The `Fn::FindInMap`s a resolution went through, so that a finding on a mapped value
    /// can point at the lookup too ([`Template::take_origins`]).
    pub trail: RefCell<Vec<Origin>>,
}

/// A resolved string value.
enum Text {
    Known(String),
    /// Some part names what the template defines: the identity the parts make together, and
    /// whether it is exact ([`Symbol::exact`]).
    Symbol(String, bool),
}

impl<'a> Template<'a> {
    /// The value as the deployed stack would hold it, as far as the template tells: every
    /// intrinsic function replaced by its result, a `Str`, a `Symbol` or `Unknown`; `None`
    /// when it is `AWS::NoValue` (the property is left out).
    pub fn resolve(&self, node: &Node) -> Option<Node> {
        self.value(node, 0)
    }

    /// The mapping lookups resolved since the last call, as origins of the document at
    /// `document`.
    pub fn take_origins(&self, document: Span) -> Vec<Origin> {
        std::mem::take(&mut *self.trail.borrow_mut())
            .into_iter()
            .map(|origin| Origin { document, ..origin })
            .collect()
    }

    /// The same template with `choices` decided.
    pub fn choosing(&self, choices: Vec<(String, bool)>) -> Template<'a> {
        Template {
            choices,
            ..self.clone()
        }
    }

    fn value(&self, node: &Node, depth: u8) -> Option<Node> {
        if depth > MAX_DEPTH {
            return Some(self.unknown(node));
        }
        Some(match &node.kind {
            NodeKind::Object(members) => {
                if let [member] = members.as_slice()
                    && is_function(&member.key)
                {
                    return self.function(node, member, depth + 1);
                }
                // A member whose value is `AWS::NoValue` is left out.
                let members = members
                    .iter()
                    .filter_map(|m| {
                        Some(Member {
                            key: m.key.clone(),
                            key_span: m.key_span,
                            value: self.value(&m.value, depth + 1)?,
                        })
                    })
                    .collect();
                Node {
                    span: node.span,
                    kind: NodeKind::Object(members),
                }
            }
            NodeKind::Array(items) => Node {
                span: node.span,
                kind: NodeKind::Array(
                    items
                        .iter()
                        .filter_map(|i| self.value(i, depth + 1))
                        .collect(),
                ),
            },
            _ => node.clone(),
        })
    }

    /// [`Self::value`] where `AWS::NoValue` cannot leave anything out: unknown.
    fn resolve_at(&self, node: &Node, depth: u8) -> Node {
        self.value(node, depth)
            .unwrap_or_else(|| self.unknown(node))
    }

    /// One intrinsic function (`{"Ref": …}`, `{"Fn::Sub": …}`), at `node`.
    fn function(&self, node: &Node, member: &Member, depth: u8) -> Option<Node> {
        let argument = &member.value;
        let resolved = match member.key.as_str() {
            "Ref" if argument.as_str() == Some("AWS::NoValue") => return None,
            "Ref" => argument.as_str().and_then(|name| self.reference(name)),
            "Fn::GetAtt" => self.get_att(argument),
            "Fn::Sub" => self.sub(argument, depth),
            "Fn::Join" => self.join(argument, depth),
            "Fn::Select" => return Some(self.select(node, argument, depth)),
            "Fn::FindInMap" => return Some(self.find_in_map(node, argument, depth)),
            "Fn::If" => return self.if_branch(node, argument, depth),
            _ => None,
        };
        Some(match resolved {
            Some(Text::Known(text)) => Node {
                span: node.span,
                kind: NodeKind::Str(text),
            },
            Some(Text::Symbol(identity, exact)) => Node {
                span: node.span,
                kind: NodeKind::Symbol(Symbol {
                    text: self.written(node.span),
                    identity,
                    exact,
                }),
            },
            None => self.unknown(node),
        })
    }

    /// `Ref` of a pseudo parameter, a parameter or a resource.
    fn reference(&self, name: &str) -> Option<Text> {
        match name {
            "AWS::AccountId" => return Some(Text::Symbol(self.account.to_string(), true)),
            "AWS::Partition" => return Some(Text::Symbol("aws".to_string(), true)),
            _ => {}
        }
        let resource = self.resources.get(name)?;
        match resource.kind {
            // A user's, group's or role's `Ref` is its name; a managed policy's and a
            // provider's, its ARN (the resource pages' "Return values").
            ResourceKind::Principal(_) => Some(self.name_of(resource)),
            ResourceKind::Policy | ResourceKind::OidcProvider | ResourceKind::SamlProvider => {
                Some(arn_of(resource))
            }
        }
    }

    fn name_of(&self, resource: &Resource) -> Text {
        match &resource.name {
            Some(name) => Text::Known(name.clone()),
            None => Text::Symbol(resource.address.clone(), false),
        }
    }

    /// `Fn::GetAtt`: `[resource, attribute]` or `"resource.attribute"`.
    fn get_att(&self, argument: &Node) -> Option<Text> {
        let (resource, attribute) = match &argument.kind {
            NodeKind::Str(text) => text.split_once('.')?,
            NodeKind::Array(items) => match items.as_slice() {
                [resource, attribute] => (resource.as_str()?, attribute.as_str()?),
                _ => return None,
            },
            _ => return None,
        };
        let resource = self.resources.get(resource)?;
        match (resource.kind, attribute) {
            (_, "Arn") => Some(arn_of(resource)),
            (ResourceKind::Principal(OwnerKind::Role), "RoleName") => Some(self.name_of(resource)),
            (ResourceKind::Policy, "PolicyArn") => Some(arn_of(resource)),
            _ => None,
        }
    }

    /// `Fn::Sub`: `"text ${Name} ${Resource.Attr} ${!Literal}"`, or `[text, {Name: value}]`.
    fn sub(&self, argument: &Node, depth: u8) -> Option<Text> {
        let (template, variables) = sub_parts(argument)?;
        self.substitute(template.as_str()?, variables, depth)
    }

    /// `template` with its `${…}` resolved (`variables`: those a `Fn::Sub` defines).
    fn substitute(&self, template: &str, variables: Option<&[Member]>, depth: u8) -> Option<Text> {
        let mut parts = Vec::new();
        let mut rest = template;
        while let Some(start) = rest.find("${") {
            parts.push(Text::Known(rest[..start].to_string()));
            let after = &rest[start + 2..];
            let end = after.find('}')?;
            let name = after[..end].trim();
            rest = &after[end + 1..];
            // `${!Literal}` is written as `${Literal}`.
            if let Some(literal) = name.strip_prefix('!') {
                parts.push(Text::Known(format!("${{{literal}}}")));
                continue;
            }
            let variable =
                variables.and_then(|members| members.iter().rev().find(|m| m.key == name));
            let value = match variable {
                Some(member) => self.text(&self.resolve_at(&member.value, depth + 1))?,
                None if name.contains('.') => self.get_att(&Node {
                    span: Span::default(),
                    kind: NodeKind::Str(name.to_string()),
                })?,
                None => self.reference(name)?,
            };
            parts.push(value);
        }
        parts.push(Text::Known(rest.to_string()));
        Some(concatenate(parts))
    }

    /// A policy document written as a `Fn::Sub` of JSON (`!Sub '{"Statement": … ${X} …}'`):
    /// the JSON parsed in place, with spans in the template, and each string holding a
    /// `${…}` resolved (a `Str`, a `Symbol` or `Unknown`). `None` when `node` is no `Fn::Sub`,
    /// or when a `${…}` stands outside a string, so that the JSON is only known once
    /// deployed.
    pub fn sub_document(&self, node: &Node) -> Option<Result<Node, SyntaxError>> {
        let argument = node.get("Fn::Sub")?;
        let (string, variables) = sub_parts(argument)?;
        let mut tree = match embedded::parse_string(string, self.text) {
            Ok(tree) => tree,
            Err(_) if string.as_str()?.contains("${") => return None,
            Err(error) => return Some(Err(error)),
        };
        self.substitute_strings(&mut tree, variables);
        Some(Ok(tree))
    }

    /// Resolves the `${…}` of every string in a tree parsed from a `Fn::Sub` (its depth is
    /// the JSON reader's, which is bounded).
    fn substitute_strings(&self, node: &mut Node, variables: Option<&[Member]>) {
        match &mut node.kind {
            NodeKind::Str(value) if value.contains("${") => {
                node.kind = match self.substitute(value, variables, 1) {
                    Some(Text::Known(text)) => NodeKind::Str(text),
                    Some(Text::Symbol(identity, exact)) => NodeKind::Symbol(Symbol {
                        text: value.clone(),
                        identity,
                        exact,
                    }),
                    None => NodeKind::Unknown(value.clone()),
                };
            }
            NodeKind::Object(members) => members
                .iter_mut()
                .for_each(|m| self.substitute_strings(&mut m.value, variables)),
            NodeKind::Array(items) => items
                .iter_mut()
                .for_each(|item| self.substitute_strings(item, variables)),
            _ => {}
        }
    }

    /// `Fn::Join`: `[delimiter, [values]]`.
    fn join(&self, argument: &Node, depth: u8) -> Option<Text> {
        let NodeKind::Array(items) = &argument.kind else {
            return None;
        };
        let [delimiter, values] = items.as_slice() else {
            return None;
        };
        let delimiter = delimiter.as_str()?;
        let values = self.resolve_at(values, depth + 1);
        let NodeKind::Array(values) = values.kind else {
            return None;
        };
        let mut parts = Vec::new();
        for (index, value) in values.iter().enumerate() {
            if index > 0 {
                parts.push(Text::Known(delimiter.to_string()));
            }
            parts.push(self.text(value)?);
        }
        Some(concatenate(parts))
    }

    /// `Fn::Select`: `[index, list]`, when both are known.
    fn select(&self, node: &Node, argument: &Node, depth: u8) -> Node {
        let picked = (|| {
            let NodeKind::Array(items) = &argument.kind else {
                return None;
            };
            let [index, list] = items.as_slice() else {
                return None;
            };
            let index: usize = match &self.resolve_at(index, depth + 1).kind {
                NodeKind::Str(text) | NodeKind::Number(text) => text.parse().ok()?,
                _ => return None,
            };
            match self.resolve_at(list, depth + 1).kind {
                NodeKind::Array(items) => items.into_iter().nth(index),
                _ => None,
            }
        })();
        picked.unwrap_or_else(|| self.unknown(node))
    }

    /// `Fn::FindInMap`: `[map, top-level key, second-level key]` over the template's literal
    /// `Mappings`, when every key is known.
    fn find_in_map(&self, node: &Node, argument: &Node, depth: u8) -> Node {
        let found = (|| {
            let NodeKind::Array(items) = &argument.kind else {
                return None;
            };
            let keys: Vec<String> = items
                .iter()
                .map(|key| match self.resolve_at(key, depth + 1).kind {
                    NodeKind::Str(text) => Some(text),
                    _ => None,
                })
                .collect::<Option<_>>()?;
            let [map, first, second] = keys.as_slice() else {
                return None;
            };
            let value = self.mappings?.get(map)?.get(first)?.get(second)?;
            self.trail.borrow_mut().push(Origin {
                document: Span::default(),
                name: self.written(node.span),
                reference: node.span,
                value: value.span,
            });
            Some(self.resolve_at(value, depth + 1))
        })();
        found.unwrap_or_else(|| self.unknown(node))
    }

    /// `Fn::If`: `[condition, if-true, if-false]`: the chosen branch when the condition is
    /// taken as decided; otherwise it is decided at deployment, and the value is known only
    /// where both branches agree.
    fn if_branch(&self, node: &Node, argument: &Node, depth: u8) -> Option<Node> {
        let Some([condition, yes, no]) = argument.as_array() else {
            return Some(self.unknown(node));
        };
        let chosen = condition
            .as_str()
            .and_then(|name| self.choices.iter().find(|(c, _)| c == name))
            .map(|(_, value)| *value);
        match chosen {
            Some(true) => self.value(yes, depth + 1),
            Some(false) => self.value(no, depth + 1),
            None => match (self.value(yes, depth + 1), self.value(no, depth + 1)) {
                (Some(yes), Some(no)) if same_value(&yes, &no) => Some(yes),
                (None, None) => None,
                _ => Some(self.unknown(node)),
            },
        }
    }

    /// A resolved node as text, when it is a known string or a symbol.
    fn text(&self, node: &Node) -> Option<Text> {
        match &node.kind {
            NodeKind::Str(text) | NodeKind::Number(text) => Some(Text::Known(text.clone())),
            NodeKind::Bool(value) => Some(Text::Known(value.to_string())),
            NodeKind::Symbol(symbol) => Some(Text::Symbol(symbol.identity.clone(), symbol.exact)),
            _ => None,
        }
    }

    /// An unknown value standing for the function at `node`.
    fn unknown(&self, node: &Node) -> Node {
        Node {
            span: node.span,
            kind: NodeKind::Unknown(self.written(node.span)),
        }
    }

    /// The source text at `span`, for messages.
    fn written(&self, span: Span) -> String {
        crate::syntax::written(self.text, span, "an intrinsic function")
    }
}

/// A `Fn::Sub`'s template string and variables: `"text"` or `["text", {Name: value}]`.
fn sub_parts(argument: &Node) -> Option<(&Node, Option<&[Member]>)> {
    match &argument.kind {
        NodeKind::Str(_) => Some((argument, None)),
        NodeKind::Array(items) => match items.as_slice() {
            [template, variables] => Some((template, variables.as_object())),
            _ => None,
        },
        _ => None,
    }
}

/// The conditions of the `Fn::If`s in a value, each once, in name order.
pub fn conditions(node: &Node) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![node];
    while let Some(node) = stack.pop() {
        match &node.kind {
            NodeKind::Object(members) => {
                if let [member] = members.as_slice()
                    && member.key == "Fn::If"
                    && let Some(name) = member
                        .value
                        .as_array()
                        .and_then(|items| items.first())
                        .and_then(Node::as_str)
                {
                    found.push(name.to_string());
                }
                stack.extend(members.iter().map(|m| &m.value));
            }
            NodeKind::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    found.sort();
    found.dedup();
    found
}

/// Whether an object key is an intrinsic function (`Ref`, `Fn::…`; `Condition` only inside
/// `Conditions`, where no document is).
fn is_function(key: &str) -> bool {
    key == "Ref" || key.starts_with("Fn::")
}

/// Parts joined: known text, or a symbol's identity when any part is one (exact when every
/// symbol part is).
fn concatenate(parts: Vec<Text>) -> Text {
    let mut text = String::new();
    let mut symbolic = None;
    for part in parts {
        match part {
            Text::Known(part) => text.push_str(&part),
            Text::Symbol(part, exact) => {
                symbolic = Some(symbolic.unwrap_or(true) && exact);
                text.push_str(&part);
            }
        }
    }
    match symbolic {
        Some(exact) => Text::Symbol(text, exact),
        None => Text::Known(text),
    }
}

/// A resource's ARN: exact when its name is known.
fn arn_of(resource: &Resource) -> Text {
    Text::Symbol(resource.arn.clone(), resource.name.is_some())
}

/// Whether two resolved values are the same, whatever their spans.
fn same_value(a: &Node, b: &Node) -> bool {
    match (&a.kind, &b.kind) {
        (NodeKind::Null, NodeKind::Null) => true,
        (NodeKind::Bool(x), NodeKind::Bool(y)) => x == y,
        (NodeKind::Number(x), NodeKind::Number(y)) | (NodeKind::Str(x), NodeKind::Str(y)) => x == y,
        (NodeKind::Symbol(x), NodeKind::Symbol(y)) => x.identity == y.identity,
        (NodeKind::Array(x), NodeKind::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same_value(a, b))
        }
        (NodeKind::Object(x), NodeKind::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|(a, b)| a.key == b.key && same_value(&a.value, &b.value))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::deployed::Resource;
    use crate::syntax::json::{self, Dialect};

    const ACCOUNT: &str = "<account of t.json>";

    fn resources() -> Resources {
        let mut resources = Resources::default();
        for (id, kind, name) in [
            (
                "Role",
                ResourceKind::Principal(OwnerKind::Role),
                Some("app"),
            ),
            ("Unnamed", ResourceKind::Principal(OwnerKind::Role), None),
            ("Policy", ResourceKind::Policy, Some("p")),
        ] {
            let resource = Resource::new(kind, id.into(), name.map(Into::into), None, ACCOUNT);
            resources.insert(id.into(), resource);
        }
        resources
    }

    /// The value `json` comes to in a template with `mappings`, deciding `choices`.
    fn resolve(json: &str, choices: &[(&str, bool)]) -> Option<String> {
        let mappings = json::parse(
            r#"{"Accounts": {"prod": {"Id": "111122223333"}}}"#,
            0,
            Dialect::Strict,
        )
        .unwrap();
        let node = json::parse(json, 0, Dialect::Strict).unwrap();
        let resources = resources();
        let template = Template {
            text: json,
            account: ACCOUNT,
            mappings: Some(&mappings),
            resources: &resources,
            choices: choices.iter().map(|(c, v)| (c.to_string(), *v)).collect(),
            trail: Default::default(),
        };
        template.resolve(&node).map(|node| describe(&node))
    }

    fn describe(node: &Node) -> String {
        match &node.kind {
            NodeKind::Str(text) => format!("known {text}"),
            NodeKind::Symbol(symbol) => format!("symbol {}", symbol.identity),
            NodeKind::Unknown(_) => "unknown".to_string(),
            NodeKind::Array(items) => {
                let items: Vec<String> = items.iter().map(describe).collect();
                format!("[{}]", items.join(", "))
            }
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn pseudo_parameters_references_and_attributes() {
        assert_eq!(
            resolve(r#"{"Ref": "AWS::AccountId"}"#, &[]),
            Some(format!("symbol {ACCOUNT}"))
        );
        assert_eq!(
            resolve(r#"{"Ref": "AWS::Region"}"#, &[]),
            Some("unknown".into())
        );
        // A parameter is unknown whatever its default.
        assert_eq!(resolve(r#"{"Ref": "Env"}"#, &[]), Some("unknown".into()));
        assert_eq!(resolve(r#"{"Ref": "Role"}"#, &[]), Some("known app".into()));
        assert_eq!(
            resolve(r#"{"Ref": "Unnamed"}"#, &[]),
            Some("symbol Unnamed".into())
        );
        assert_eq!(
            resolve(r#"{"Ref": "Policy"}"#, &[]),
            Some(format!("symbol arn:aws:iam::{ACCOUNT}:policy/p"))
        );
        assert_eq!(
            resolve(r#"{"Fn::GetAtt": ["Role", "Arn"]}"#, &[]),
            Some(format!("symbol arn:aws:iam::{ACCOUNT}:role/app"))
        );
        assert_eq!(
            resolve(r#"{"Fn::GetAtt": "Unnamed.Arn"}"#, &[]),
            Some(format!("symbol arn:aws:iam::{ACCOUNT}:role/Unnamed"))
        );
        assert_eq!(
            resolve(r#"{"Fn::GetAtt": ["Role", "RoleId"]}"#, &[]),
            Some("unknown".into())
        );
        assert_eq!(
            resolve(r#"{"Fn::ImportValue": "x"}"#, &[]),
            Some("unknown".into())
        );
    }

    #[test]
    fn sub_join_select_and_find_in_map() {
        assert_eq!(
            resolve(
                r#"{"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}"#,
                &[]
            ),
            Some(format!("symbol arn:aws:iam::{ACCOUNT}:root"))
        );
        assert_eq!(
            resolve(r#"{"Fn::Sub": ["${A}-${!Literal}", {"A": "x"}]}"#, &[]),
            Some("known x-${Literal}".into())
        );
        assert_eq!(
            resolve(r#"{"Fn::Sub": "arn:aws:iam::${Env}:root"}"#, &[]),
            Some("unknown".into())
        );
        assert_eq!(
            resolve(r#"{"Fn::Join": [":", ["a", {"Ref": "Role"}]]}"#, &[]),
            Some("known a:app".into())
        );
        assert_eq!(
            resolve(r#"{"Fn::Select": ["1", ["a", "b"]]}"#, &[]),
            Some("known b".into())
        );
        assert_eq!(
            resolve(r#"{"Fn::FindInMap": ["Accounts", "prod", "Id"]}"#, &[]),
            Some("known 111122223333".into())
        );
        assert_eq!(
            resolve(
                r#"{"Fn::FindInMap": ["Accounts", {"Ref": "Env"}, "Id"]}"#,
                &[]
            ),
            Some("unknown".into())
        );
    }

    #[test]
    fn if_is_either_branch_unless_decided_and_no_value_leaves_out() {
        let choice = r#"{"Fn::If": ["IsProd", "a", "b"]}"#;
        assert_eq!(resolve(choice, &[]), Some("unknown".into()));
        assert_eq!(resolve(choice, &[("IsProd", true)]), Some("known a".into()));
        assert_eq!(
            resolve(choice, &[("IsProd", false)]),
            Some("known b".into())
        );
        assert_eq!(
            resolve(r#"{"Fn::If": ["IsProd", "a", "a"]}"#, &[]),
            Some("known a".into())
        );
        let optional = r#"["a", {"Fn::If": ["IsProd", "b", {"Ref": "AWS::NoValue"}]}]"#;
        assert_eq!(
            resolve(optional, &[("IsProd", false)]),
            Some("[known a]".into())
        );
        assert_eq!(
            resolve(optional, &[("IsProd", true)]),
            Some("[known a, known b]".into())
        );
        assert_eq!(resolve(r#"{"Ref": "AWS::NoValue"}"#, &[]), None);
        let node = json::parse(
            r#"{"A": {"Fn::If": ["Y", 1, 2]}, "B": [{"Fn::If": ["X", 1, 2]}]}"#,
            0,
            Dialect::Strict,
        )
        .unwrap();
        assert_eq!(conditions(&node), ["X", "Y"]);
    }
}
