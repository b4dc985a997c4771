//! `aws iam get-role-policy`, `get-user-policy` and `get-group-policy` output:
//! `{"RoleName": …, "PolicyName": …, "PolicyDocument": …}` (or `UserName`, `GroupName`), an
//! inline identity policy of that principal. The document is an object or a URL-encoded
//! string. The output names the owner only by name (no ARN, no account), so the graph attaches
//! it only where that name is unique among the loaded principals of its kind.

use super::{Extracted, JsonShape};
use crate::model::{Attachment, DocumentKind, Owner, OwnerKind};
use crate::syntax::iam::Reader;
use crate::syntax::tree::Node;

pub struct GetPrincipalPolicy;

impl JsonShape for GetPrincipalPolicy {
    fn marker(&self) -> &'static str {
        "PolicyDocument"
    }

    fn extract(&self, root: &mut Node, source: &str) -> Option<Extracted> {
        let (kind, name) = [
            ("RoleName", OwnerKind::Role),
            ("UserName", OwnerKind::User),
            ("GroupName", OwnerKind::Group),
        ]
        .into_iter()
        .find_map(|(key, kind)| Some((kind, root.get(key)?.as_str()?.to_string())))?;
        root.get("PolicyName")?;
        let document = root.take("PolicyDocument")?;
        let owner = Owner {
            kind,
            name: Some(name),
            account: None,
            arn: None,
        };
        let mut reader = Reader::new(source);
        reader.policy_document(
            document,
            "PolicyDocument",
            DocumentKind::Identity,
            Some(owner),
            Attachment::Inline,
        );
        Some(reader.finish())
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Attachment, OwnerKind};
    use crate::syntax::json::{Dialect, parse};
    use crate::syntax::shapes::extract;

    #[test]
    fn inline_policies_of_roles_users_and_groups() {
        for (key, kind) in [
            ("RoleName", OwnerKind::Role),
            ("UserName", OwnerKind::User),
            ("GroupName", OwnerKind::Group),
        ] {
            let text = format!(
                r#"{{"{key}": "p", "PolicyName": "x", "PolicyDocument": "%7B%22Statement%22%3A%5B%5D%7D"}}"#
            );
            let out = extract(parse(&text, 0, Dialect::Strict).unwrap(), &text);
            let document = &out.documents[0];
            assert_eq!(document.attachment, Attachment::Inline);
            let owner = document.owner.as_ref().unwrap();
            assert_eq!((owner.kind, owner.name.as_deref()), (kind, Some("p")));
        }
    }
}
