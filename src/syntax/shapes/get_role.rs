//! `aws iam get-role` and `aws iam create-role` output: `{"Role": {"Arn": …, "RoleName": …,
//! "AssumeRolePolicyDocument": …, "MaxSessionDuration": …, "PermissionsBoundary": …}}`.
//!
//! Yields the role's trust policy, owned by the role (ARN, account, name), and the role as a
//! *partial* entity (when `Arn` is a role ARN): its `MaxSessionDuration` and permissions
//! boundary. The output lists neither inline nor attached policies (those are
//! `list-role-policies` / `list-attached-role-policies`), so the entity is partial
//! ([`crate::model::Inventory::partial_entities`]): the graph does not read its identity side as
//! complete. The trust is an object as the CLI prints it, or the URL-encoded
//! string the API returns (read by [`crate::syntax::iam`]).

use super::{Extracted, JsonShape};
use crate::syntax::iam::Reader;
use crate::syntax::tree::Node;

pub struct GetRole;

impl JsonShape for GetRole {
    fn marker(&self) -> &'static str {
        "AssumeRolePolicyDocument"
    }

    fn extract(&self, root: &mut Node, source: &str) -> Option<Extracted> {
        root.get("Role")?.get("AssumeRolePolicyDocument")?;
        let role = root.take("Role")?;
        let mut reader = Reader::new(source);
        reader.role(role);
        Some(reader.finish_partial())
    }
}

#[cfg(test)]
mod tests {
    use crate::syntax::json::{Dialect, parse};
    use crate::syntax::shapes::extract;

    #[test]
    fn get_role_gives_the_role_entity_and_an_encoded_trust() {
        let text = r#"{"Role": {"RoleName": "r", "Arn": "arn:aws:iam::111122223333:role/r",
            "MaxSessionDuration": 43200,
            "PermissionsBoundary": {"PermissionsBoundaryArn": "arn:aws:iam::111122223333:policy/b"},
            "AssumeRolePolicyDocument": "%7B%22Statement%22%3A%5B%7B%22Principal%22%3A%7B%22AWS%22%3A%22%2A%22%7D%7D%5D%7D"}}"#;
        let out = extract(parse(text, 0, Dialect::Strict).unwrap(), text);
        let role = &out.inventory.partial_entities[0];
        assert_eq!(role.max_session_duration, Some(43200));
        assert_eq!(
            role.boundary.as_ref().unwrap().value,
            "arn:aws:iam::111122223333:policy/b"
        );
        assert!(out.inventory.complete_accounts.is_empty());
        let principal = out.documents[0].statements[0].principal.as_ref().unwrap();
        assert_eq!(&text[principal.span.range()], "%7B%22AWS%22%3A%22%2A%22%7D");
    }
}
