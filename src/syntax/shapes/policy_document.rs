//! A bare policy document: `{"Version": …, "Statement": …}`, trust or identity told apart by
//! its content.

use super::{Extracted, JsonShape};
use crate::syntax::policy::{KindHint, looks_like_policy, lower_policy};
use crate::syntax::tree::Node;

pub struct PolicyDocument;

impl JsonShape for PolicyDocument {
    fn marker(&self) -> &'static str {
        "Statement"
    }

    fn extract(&self, root: &mut Node, _source: &str) -> Option<Extracted> {
        if !looks_like_policy(root) {
            return None;
        }
        let raw = std::mem::replace(&mut root.kind, crate::syntax::tree::NodeKind::Null);
        let node = Node {
            span: root.span,
            kind: raw,
        };
        Some(Extracted::documents(vec![lower_policy(
            node,
            KindHint::Infer,
            None,
        )]))
    }
}
