//! `aws iam get-group` output: `{"Group": {"GroupName": …, "Arn": …}, "Users": […],
//! "IsTruncated": …}`.
//!
//! Yields the group as a *partial* [`Entity`](crate::model::Entity), in
//! [`crate::model::Inventory::partial_entities`] (a defined group's policies would be read as complete, and
//! loaded before a dump it would replace the dump's group, attached policies and all). Not
//! used:
//! - the membership in `Users[]`. The inventory records membership on the *user*
//!   (`Entity::groups`), and the graph keeps the first definition of each ARN, in file order:
//!   a user entity made from this list (name and ARN, no policies) would replace the full
//!   definition of an account dump loaded after it and lose that user's policies. Membership
//!   comes from an account dump's `GroupList` instead.
//! - the group's policies, which the output does not list (`list-group-policies`,
//!   `list-attached-group-policies`).

use super::{Extracted, JsonShape};
use crate::syntax::iam::Reader;
use crate::syntax::tree::Node;

pub struct GetGroup;

impl JsonShape for GetGroup {
    /// Every `get-group` output holds the group's ARN.
    fn marker(&self) -> &'static str {
        ":group/"
    }

    fn extract(&self, root: &mut Node, source: &str) -> Option<Extracted> {
        let group = root.get("Group")?;
        group.get("GroupName")?;
        group.get("Arn")?;
        let group = root.take("Group")?;
        let mut reader = Reader::new(source);
        reader.group(group);
        Some(reader.finish_partial())
    }
}

#[cfg(test)]
mod tests {
    use crate::model::OwnerKind;
    use crate::syntax::json::{Dialect, parse};
    use crate::syntax::shapes::extract;

    #[test]
    fn get_group_gives_the_group_only() {
        let text = r#"{"Group": {"GroupName": "g", "Arn": "arn:aws:iam::111122223333:group/g"},
            "Users": [{"UserName": "u", "Arn": "arn:aws:iam::111122223333:user/u"}]}"#;
        let out = extract(parse(text, 0, Dialect::Strict).unwrap(), text);
        assert_eq!(out.inventory.partial_entities.len(), 1);
        assert_eq!(out.inventory.partial_entities[0].kind, OwnerKind::Group);
        assert_eq!(out.inventory.partial_entities[0].name, "g");
    }
}
