//! `aws iam get-account-authorization-details` output: `{"UserDetailList": […],
//! "GroupDetailList": […], "RoleDetailList": […], "Policies": […], "IsTruncated": …,
//! "Marker": …}` (AWS-SEMANTICS §9).
//!
//! Yields an [`Entity`](crate::model::Entity) per user, group and role, each role's trust
//! policy, every inline policy (owned by its principal) and the default version of every
//! managed policy ([`Attachment::Managed`](crate::model::Attachment)), through the readers of
//! [`crate::syntax::iam`]. Policy documents are objects as the CLI prints them, or the
//! URL-encoded strings the API returns. `InstanceProfileList[].Roles[]` repeats roles already
//! listed and is not read.
//!
//! A dump paged over several files (`IsTruncated`/`Marker`) needs nothing here: every page
//! is read alike and the graph joins entities and managed policies by ARN.
//!
//! **Complete accounts.** In an account whose whole inventory is loaded, a principal that is
//! not defined does not exist (TL403). A file claims its accounts (those of its users, groups
//! and roles; never `arn:aws:iam::aws:policy/…`, and not those of customer managed policies,
//! which a `--filter LocalManagedPolicy` dump holds alone) only when
//! - it is not a truncated page (`IsTruncated: true`): a first page alone lacks the rest. In a
//!   paged dump the last page (`IsTruncated: false`) claims the accounts of the principals it
//!   holds; and
//! - it has all three principal lists: a dump without `RoleDetailList` (cloudsplaining's
//!   `managed_policy_mismatch.json`) was filtered or edited, so its roles are unknown.
//!
//! A `--filter Role` dump still looks complete (the API returns the other lists empty); that
//! cannot be told from the file.

use super::{Extracted, JsonShape};
use crate::syntax::iam::Reader;
use crate::syntax::tree::{Node, NodeKind};

pub struct AccountAuthorizationDetails;

/// The principal lists.
const LISTS: [&str; 3] = ["UserDetailList", "GroupDetailList", "RoleDetailList"];

impl JsonShape for AccountAuthorizationDetails {
    fn marker(&self) -> &'static str {
        "DetailList"
    }

    fn extract(&self, root: &mut Node, source: &str) -> Option<Extracted> {
        root.as_object()?;
        let has_list = LISTS.iter().any(|key| root.get(key).is_some());
        // A dump of managed policies alone (`--filter LocalManagedPolicy`); `list-policies`
        // output also has `Policies`, without versions, and is not a dump.
        let has_policy_versions = matches!(
            root.get("Policies").map(|p| &p.kind),
            Some(NodeKind::Array(items)) if items.iter().any(|p| p.get("PolicyVersionList").is_some())
        );
        if !has_list && !has_policy_versions {
            return None;
        }
        let truncated = matches!(
            root.get("IsTruncated").map(|n| &n.kind),
            Some(NodeKind::Bool(true))
        );
        let has_all_lists = LISTS.iter().all(|key| {
            root.get(key)
                .is_some_and(|n| matches!(n.kind, NodeKind::Array(_)))
        });
        let mut reader = Reader::new(source);
        let mut accounts = Vec::new();
        for key in LISTS {
            let Some(list) = root.take(key) else {
                continue;
            };
            for principal in reader.objects(list, &format!("`{key}`"), "Arn") {
                let account = match key {
                    "UserDetailList" => reader.user(principal),
                    "GroupDetailList" => reader.group(principal),
                    _ => reader.role(principal),
                };
                accounts.extend(account);
            }
        }
        if let Some(policies) = root.take("Policies") {
            for policy in reader.objects(policies, "`Policies`", "PolicyVersionList") {
                reader.managed_policy(policy);
            }
        }
        if !truncated && has_all_lists {
            accounts.sort();
            accounts.dedup();
            for account in accounts {
                reader.complete_account(account);
            }
        }
        Some(reader.finish())
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Attachment, DocumentKind, OwnerKind};
    use crate::syntax::json::{Dialect, parse};
    use crate::syntax::shapes::{Extracted, extract};

    fn read(text: &str) -> Extracted {
        extract(parse(text, 0, Dialect::Strict).unwrap(), text)
    }

    const ROLE: &str = r#"{"RoleName": "r", "Arn": "arn:aws:iam::111122223333:role/r",
        "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": []},
        "InstanceProfileList": [{"Roles": [{"Arn": "arn:aws:iam::111122223333:role/r",
            "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": []}}]}]}"#;

    #[test]
    fn a_whole_dump_claims_the_accounts_of_its_principals() {
        let text = format!(
            r#"{{"UserDetailList": [{{"UserName": "u", "Arn": "arn:aws:iam::444455556666:user/u"}}],
               "GroupDetailList": [], "RoleDetailList": [{ROLE}],
               "Policies": [{{"Arn": "arn:aws:iam::aws:policy/ReadOnlyAccess",
                 "PolicyVersionList": [{{"IsDefaultVersion": true, "Document": {{"Statement": []}}}}]}},
                 {{"Arn": "arn:aws:iam::777788889999:policy/p",
                 "PolicyVersionList": [{{"IsDefaultVersion": true, "Document": {{"Statement": []}}}}]}}],
               "IsTruncated": false}}"#
        );
        let out = read(&text);
        assert_eq!(
            out.inventory.complete_accounts,
            ["111122223333", "444455556666"]
        );
        let kinds: Vec<OwnerKind> = out.inventory.entities.iter().map(|e| e.kind).collect();
        assert_eq!(kinds, [OwnerKind::User, OwnerKind::Role]);
        // One trust (the instance profile's copy is not read) and two managed policies.
        assert_eq!(out.documents.len(), 3);
        assert_eq!(out.documents[0].kind, DocumentKind::Trust);
        assert_eq!(
            out.documents[1].attachment,
            Attachment::Managed {
                arn: "arn:aws:iam::aws:policy/ReadOnlyAccess".into()
            }
        );
    }

    #[test]
    fn a_truncated_page_or_a_dump_without_a_principal_list_claims_nothing() {
        let truncated = format!(
            r#"{{"UserDetailList": [], "GroupDetailList": [], "RoleDetailList": [{ROLE}],
               "Policies": [], "IsTruncated": true, "Marker": "m"}}"#
        );
        let out = read(&truncated);
        assert!(out.inventory.complete_accounts.is_empty());
        assert_eq!(out.inventory.entities.len(), 1);

        let no_users = format!(r#"{{"GroupDetailList": [], "RoleDetailList": [{ROLE}]}}"#);
        let out = read(&no_users);
        assert!(out.inventory.complete_accounts.is_empty());
        assert_eq!(out.documents.len(), 1);
    }

    #[test]
    fn only_policies_with_versions_make_a_dump() {
        // `list-policies` output: not a dump, nothing to read.
        let out = read(
            r#"{"Policies": [{"PolicyName": "p", "Arn": "arn:aws:iam::111122223333:policy/p"}]}"#,
        );
        assert!(out.documents.is_empty() && out.shape_errors.is_empty());
        let out = read(
            r#"{"Policies": [{"Arn": "arn:aws:iam::111122223333:policy/p",
                "PolicyVersionList": [{"IsDefaultVersion": true, "Document": {"Statement": []}}]}]}"#,
        );
        assert_eq!(out.documents.len(), 1);
        assert!(out.inventory.complete_accounts.is_empty());
    }

    #[test]
    fn a_wrong_list_is_reported_and_the_rest_is_read() {
        let text = format!(
            r#"{{"UserDetailList": 3, "GroupDetailList": [], "RoleDetailList": [{ROLE}]}}"#
        );
        let out = read(&text);
        assert_eq!(out.shape_errors.len(), 1);
        assert_eq!(&text[out.shape_errors[0].span.range()], "3");
        assert_eq!(out.documents.len(), 1);
    }
}
