//! The JSON shapes trustlint understands. Adding a shape is one new file here and one line in
//! [`SHAPES`]: a shape looks at a parsed file and takes its documents out, or says "not mine".

mod get_role;
mod get_role_policy;
mod policy_document;

use super::tree::Node;
use crate::model::Document;

/// One recognisable JSON layout (a bare policy, an AWS CLI output, …).
pub trait JsonShape: Sync {
    /// A word whose absence from the text proves the file is not this shape; used to skip
    /// unrelated JSON (a `package.json`) without parsing it.
    fn marker(&self) -> &'static str;
    /// The documents of a file of this shape, or `None` when the tree is not this shape.
    fn extract(&self, root: &mut Node) -> Option<Vec<Document>>;
}

/// Tried in order; the first shape that recognises a file wins. Wrappers come before the bare
/// policy, whose test (a `Statement` member at the root) is the loosest.
pub static SHAPES: &[&dyn JsonShape] = &[
    &get_role::GetRole,
    &get_role_policy::GetRolePolicy,
    &policy_document::PolicyDocument,
];

/// Whether the text may hold IAM material of any known shape.
pub fn sniff(text: &str) -> bool {
    SHAPES.iter().any(|shape| text.contains(shape.marker()))
}

/// The documents of a parsed file; empty when the file is unrelated JSON.
pub fn extract(mut root: Node) -> Vec<Document> {
    SHAPES
        .iter()
        .find_map(|shape| shape.extract(&mut root))
        .unwrap_or_default()
}
