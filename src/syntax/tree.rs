//! A small spanned tree shared by every front end.
//!
//! JSON, a Terraform `jsonencode(...)` argument and a CloudFormation YAML mapping all lower to
//! this shape, so that the policy lowering in [`super::policy`] and rules that look at raw
//! structure (duplicate keys, unknown elements) are written once.

use crate::source::Span;

#[derive(Debug, Clone)]
pub struct Node {
    pub span: Span,
    pub kind: NodeKind,
}

#[derive(Debug, Clone)]
pub enum NodeKind {
    Null,
    Bool(bool),
    /// The number as written, so nothing is lost to float conversion.
    Number(String),
    Str(String),
    /// A value only known at deploy time (a Terraform variable, a CFN parameter); the text
    /// says what it is, for messages.
    Unknown(String),
    /// A deploy-time string whose identity the input tells (a reference to a resource it
    /// defines): see [`crate::model::Symbol`].
    Symbol(crate::model::Symbol),
    Array(Vec<Node>),
    /// Members in source order, duplicates kept.
    Object(Vec<Member>),
}

#[derive(Debug, Clone)]
pub struct Member {
    pub key: String,
    pub key_span: Span,
    pub value: Node,
}

impl Node {
    pub fn as_object(&self) -> Option<&[Member]> {
        match &self.kind {
            NodeKind::Object(members) => Some(members),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Node]> {
        match &self.kind {
            NodeKind::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The last member named `key` (the one most parsers keep).
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.as_object()?
            .iter()
            .rev()
            .find(|m| m.key == key)
            .map(|m| &m.value)
    }

    /// Moves the last member named `key` out of an object.
    pub fn take(&mut self, key: &str) -> Option<Node> {
        let NodeKind::Object(members) = &mut self.kind else {
            return None;
        };
        let index = members.iter().rposition(|m| m.key == key)?;
        Some(members.remove(index).value)
    }

    /// A short noun for messages: "a string", "an array", …
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            NodeKind::Null => "null",
            NodeKind::Bool(_) => "a boolean",
            NodeKind::Number(_) => "a number",
            NodeKind::Str(_) => "a string",
            NodeKind::Unknown(_) => "an unknown value",
            NodeKind::Symbol(_) => "a reference",
            NodeKind::Array(_) => "an array",
            NodeKind::Object(_) => "an object",
        }
    }
}
