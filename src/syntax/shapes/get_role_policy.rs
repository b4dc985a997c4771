//! `aws iam get-role-policy` output: `{"RoleName": …, "PolicyName": …, "PolicyDocument": {…}}`,
//! an inline identity policy of a role.

use super::JsonShape;
use crate::model::{Document, DocumentKind, Owner, OwnerKind};
use crate::syntax::policy::{KindHint, lower_policy};
use crate::syntax::tree::{Node, NodeKind};

pub struct GetRolePolicy;

impl JsonShape for GetRolePolicy {
    fn marker(&self) -> &'static str {
        "PolicyDocument"
    }

    fn extract(&self, root: &mut Node) -> Option<Vec<Document>> {
        let role_name = root.get("RoleName")?.as_str()?.to_string();
        root.get("PolicyName")?;
        let document = root.take("PolicyDocument")?;
        if !matches!(document.kind, NodeKind::Object(_)) {
            return Some(Vec::new());
        }
        let owner = Owner {
            kind: OwnerKind::Role,
            name: Some(role_name),
            account: None,
            arn: None,
        };
        Some(vec![lower_policy(
            document,
            KindHint::Known(DocumentKind::Identity),
            Some(owner),
        )])
    }
}
