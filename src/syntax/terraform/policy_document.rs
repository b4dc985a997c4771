//! `data "aws_iam_policy_document"`: the block as the JSON policy the provider renders, with
//! spans on the HCL attributes.

use hcl_edit::structure::Block;

use super::values::Scope;
use crate::syntax::tree::{Node, NodeKind};

/// The policy document a block renders.
pub fn lower(scope: &Scope<'_>, block: &Block) -> Node {
    use hcl_edit::Span as _;
    Node {
        span: scope.span(block.span()),
        kind: NodeKind::Unknown("data.aws_iam_policy_document".to_string()),
    }
}
