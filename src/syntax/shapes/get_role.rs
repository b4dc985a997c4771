//! `aws iam get-role` and `aws iam create-role` output: `{"Role": {"Arn": …,
//! "AssumeRolePolicyDocument": {…}}}`. The role ARN names the trust's owner and account.

use super::JsonShape;
use crate::model::arn::{AwsPrincipal, classify_aws_principal};
use crate::model::{Document, DocumentKind, Owner, OwnerKind};
use crate::syntax::policy::{KindHint, lower_policy};
use crate::syntax::tree::{Node, NodeKind};

pub struct GetRole;

impl JsonShape for GetRole {
    fn marker(&self) -> &'static str {
        "AssumeRolePolicyDocument"
    }

    fn extract(&self, root: &mut Node) -> Option<Vec<Document>> {
        let role = match &mut root.kind {
            NodeKind::Object(members) => members
                .iter_mut()
                .rev()
                .find(|m| m.key == "Role")
                .map(|m| &mut m.value)?,
            _ => return None,
        };
        let trust = role.take("AssumeRolePolicyDocument")?;
        let owner = role_owner(role);
        // The raw API returns the document URL-encoded in a string; the CLI decodes it. The
        // encoded form is read with the authorization-details front end.
        if !matches!(trust.kind, NodeKind::Object(_)) {
            return Some(Vec::new());
        }
        Some(vec![lower_policy(
            trust,
            KindHint::Known(DocumentKind::Trust),
            Some(owner),
        )])
    }
}

fn role_owner(role: &Node) -> Owner {
    let arn = role.get("Arn").and_then(Node::as_str);
    let name = role.get("RoleName").and_then(Node::as_str);
    let (account, arn_name) = match arn.map(classify_aws_principal) {
        Some(AwsPrincipal::Role {
            account,
            path_and_name,
        }) => (
            Some(account.to_string()),
            path_and_name.rsplit('/').next().map(str::to_string),
        ),
        _ => (None, None),
    };
    Owner {
        kind: OwnerKind::Role,
        name: name.map(str::to_string).or(arn_name),
        account,
        arn: arn.map(str::to_string),
    }
}
