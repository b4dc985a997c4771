//! `aws iam get-user` and `create-user` output: `{"User": {"UserName": …, "Arn": …,
//! "PermissionsBoundary": …}}`.
//!
//! Yields the user as a *partial* [`Entity`](crate::model::Entity) with its permissions
//! boundary, in [`crate::model::Inventory::partial_entities`]: the output lists neither the user's groups nor
//! its policies (those are `list-groups-for-user`, `list-user-policies`,
//! `list-attached-user-policies`), and the graph reads a defined user's identity side as
//! complete. An account dump says more.

use super::{Extracted, JsonShape};
use crate::syntax::iam::Reader;
use crate::syntax::tree::Node;

pub struct GetUser;

impl JsonShape for GetUser {
    /// Every `get-user` output holds the user's ARN.
    fn marker(&self) -> &'static str {
        ":user/"
    }

    fn extract(&self, root: &mut Node, source: &str) -> Option<Extracted> {
        let user = root.get("User")?;
        user.get("UserName")?;
        user.get("Arn")?;
        let user = root.take("User")?;
        let mut reader = Reader::new(source);
        reader.user(user);
        Some(reader.finish_partial())
    }
}

#[cfg(test)]
mod tests {
    use crate::model::OwnerKind;
    use crate::syntax::json::{Dialect, parse};
    use crate::syntax::shapes::extract;

    #[test]
    fn get_user_gives_the_user_and_its_boundary() {
        let text = r#"{"User": {"UserName": "u", "Arn": "arn:aws:iam::111122223333:user/u",
            "PermissionsBoundary": {"PermissionsBoundaryType": "Policy",
              "PermissionsBoundaryArn": "arn:aws:iam::111122223333:policy/b"}}}"#;
        let out = extract(parse(text, 0, Dialect::Strict).unwrap(), text);
        let user = &out.inventory.partial_entities[0];
        assert_eq!(user.kind, OwnerKind::User);
        assert_eq!(user.account, "111122223333");
        assert!(user.boundary.is_some());
        // `sts get-caller-identity` has `Arn` but no `User`: not this shape.
        let text = r#"{"UserId": "AIDA", "Account": "111122223333", "Arn": "arn:aws:iam::111122223333:user/u"}"#;
        let out = extract(parse(text, 0, Dialect::Strict).unwrap(), text);
        assert!(out.inventory.partial_entities.is_empty());
    }
}
