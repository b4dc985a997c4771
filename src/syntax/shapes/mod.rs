//! The JSON shapes trustlint understands. Adding a shape is one new file here and one line in
//! [`SHAPES`]: a shape looks at a parsed file and takes its documents out, or says "not mine".

mod account_authorization_details;
mod get_group;
mod get_policy_version;
mod get_role;
mod get_role_policy;
mod get_user;
mod policy_document;

use super::json::SyntaxError;
use super::tree::Node;
use crate::model::{Document, Inventory, ShapeError};

/// What a shape takes out of a file.
#[derive(Debug, Default)]
pub struct Extracted {
    pub documents: Vec<Document>,
    pub inventory: Inventory,
    /// Wrong types outside any policy document (a dump's `AttachedManagedPolicies` given as an
    /// object): TL004, while the rest of the file is still used.
    pub shape_errors: Vec<ShapeError>,
    /// Embedded documents (URL-encoded strings) that do not parse: TL001.
    pub syntax_errors: Vec<SyntaxError>,
}

impl Extracted {
    pub fn documents(documents: Vec<Document>) -> Self {
        Extracted {
            documents,
            ..Extracted::default()
        }
    }
}

/// One recognisable JSON layout (a bare policy, an AWS CLI output, …).
pub trait JsonShape: Sync {
    /// A word whose absence from the text proves the file is not this shape; used to skip
    /// unrelated JSON (a `package.json`) without parsing it.
    fn marker(&self) -> &'static str;
    /// The documents of a file of this shape, or `None` when the tree is not this shape.
    /// `source` is the file's text, which the tree's spans index: a policy document embedded
    /// in a string is decoded from the literal as written ([`super::embedded`]).
    fn extract(&self, root: &mut Node, source: &str) -> Option<Extracted>;
}

/// Tried in order; the first shape that recognises a file wins. Wrappers come before the bare
/// policy, whose test (a `Statement` member at the root) is the loosest.
pub static SHAPES: &[&dyn JsonShape] = &[
    &account_authorization_details::AccountAuthorizationDetails,
    &get_role::GetRole,
    &get_role_policy::GetPrincipalPolicy,
    &get_user::GetUser,
    &get_group::GetGroup,
    &get_policy_version::GetPolicyVersion,
    &policy_document::PolicyDocument,
];

/// Whether the text may hold IAM material of any known shape.
pub fn sniff(text: &str) -> bool {
    SHAPES.iter().any(|shape| text.contains(shape.marker()))
}

/// What a parsed file holds; empty when the file is unrelated JSON. `source` is the text
/// `root` was parsed from.
pub fn extract(mut root: Node, source: &str) -> Extracted {
    SHAPES
        .iter()
        .find_map(|shape| shape.extract(&mut root, source))
        .unwrap_or_default()
}
