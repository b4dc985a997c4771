//! Readers shared by the AWS CLI output shapes: a user, group or role detail to an [`Entity`]
//! and its policy documents, a managed policy's default version, and "a policy document given
//! as an object or as a URL-encoded string".
//!
//! The element names and types are those of the botocore `iam` model (`UserDetail`,
//! `GroupDetail`, `RoleDetail`, `ManagedPolicyDetail`, `Role`, `User`, `Group`,
//! `AttachedPolicy`, `AttachedPermissionsBoundary`). A wrong type outside a policy document is
//! a [`ShapeError`] (TL004) at the value, and the rest of the input is still read.

use super::embedded;
use super::policy::{KindHint, lower_policy};
use super::shapes::Extracted;
use super::tree::{Node, NodeKind};
use crate::model::arn::{Arn, is_account_id, is_partition};
use crate::model::{Attachment, DocumentKind, Entity, Owner, OwnerKind, ShapeError, Spanned};
use crate::source::Span;

/// Collects what the readers find in one file.
pub struct Reader<'a> {
    /// The whole file's text: URL-encoded documents are decoded from the literal as written.
    source: &'a str,
    out: Extracted,
}

impl<'a> Reader<'a> {
    pub fn new(source: &'a str) -> Self {
        Reader {
            source,
            out: Extracted::default(),
        }
    }

    pub fn finish(self) -> Extracted {
        self.out
    }

    /// For an output that defines principals without listing their policies (`get-role`,
    /// `get-user`, `get-group`): its entities are partial ([`crate::model::Inventory::partial_entities`]).
    pub fn finish_partial(mut self) -> Extracted {
        self.out.inventory.partial_entities = std::mem::take(&mut self.out.inventory.entities);
        self.out
    }

    pub fn complete_account(&mut self, account: String) {
        if !self.out.inventory.complete_accounts.contains(&account) {
            self.out.inventory.complete_accounts.push(account);
        }
    }

    fn shape_error(&mut self, span: Span, message: String) {
        self.out.shape_errors.push(ShapeError { span, message });
    }

    /// A policy document as the CLI prints it (an object) or as the API returns it (a
    /// URL-encoded JSON string, [`embedded`]). A string that does not decode is TL001 at the
    /// mapped position; `null` is an absent document.
    pub fn policy_document(
        &mut self,
        node: Node,
        element: &str,
        kind: DocumentKind,
        owner: Option<Owner>,
        attachment: Attachment,
    ) {
        let tree = match &node.kind {
            NodeKind::Object(_) => node,
            NodeKind::Str(_) => match embedded::parse_string(&node, self.source) {
                Ok(tree) => tree,
                Err(error) => {
                    self.out.syntax_errors.push(error);
                    return;
                }
            },
            NodeKind::Null => return,
            _ => {
                self.shape_error(
                    node.span,
                    format!(
                        "`{element}` must be a policy document (an object, or a URL-encoded JSON string), found {}",
                        node.type_name()
                    ),
                );
                return;
            }
        };
        let mut document = lower_policy(tree, KindHint::Known(kind), owner);
        document.attachment = attachment;
        self.out.documents.push(document);
    }

    /// The objects of a list element (`UserDetailList`, `AttachedManagedPolicies`, …). `what`
    /// names the element in messages.
    ///
    /// A single object where the list belongs is reported (TL004) and still read as a
    /// one-element list when it has `expected_key`. The AWS CLI reference's own example of
    /// `get-account-authorization-details` prints `GroupDetailList[].AttachedManagedPolicies`
    /// that way; no tool or SDK emits it (the model's `attachedPoliciesListType` is a list),
    /// so the file was edited by hand — but what it says is unambiguous (group `Admins` has
    /// `AdministratorAccess` attached), and dropping it would silently lose a group's
    /// permissions, hiding exactly the escalation paths the graph rules exist to show. Reading
    /// it is not a guess; the finding tells the user the file is not what AWS returns.
    pub fn objects(&mut self, node: Node, what: &str, expected_key: &str) -> Vec<Node> {
        match node.kind {
            NodeKind::Array(items) => items
                .into_iter()
                .filter_map(|item| match item.kind {
                    NodeKind::Object(_) => Some(item),
                    _ => {
                        self.shape_error(
                            item.span,
                            format!(
                                "each element of {what} must be an object, found {}",
                                item.type_name()
                            ),
                        );
                        None
                    }
                })
                .collect(),
            NodeKind::Object(_) if node.get(expected_key).is_some() => {
                self.shape_error(
                    node.span,
                    format!(
                        "{what} must be an array, found an object; it is read as a one-element array"
                    ),
                );
                vec![node]
            }
            // A serializer's rendering of an absent list.
            NodeKind::Null => Vec::new(),
            _ => {
                self.shape_error(
                    node.span,
                    format!(
                        "{what} must be an array of objects, found {}",
                        node.type_name()
                    ),
                );
                Vec::new()
            }
        }
    }

    /// A role: a `RoleDetailList[]` element of a dump or the `Role` of `get-role` /
    /// `create-role`. Emits the role's entity (when its `Arn` is a role ARN), its trust
    /// policy, its inline policies. Returns the role's account.
    pub fn role(&mut self, mut role: Node) -> Option<String> {
        let (owner, mut entity) = self.identity(&role, OwnerKind::Role, "RoleName");
        let who = describe(&owner);
        if let Some(trust) = role.take("AssumeRolePolicyDocument") {
            self.policy_document(
                trust,
                "AssumeRolePolicyDocument",
                DocumentKind::Trust,
                Some(owner.clone()),
                Attachment::Trust,
            );
        }
        self.inline_policies(&mut role, "RolePolicyList", &owner);
        let managed = self.attached_policies(&mut role, &who);
        let boundary = self.boundary(&mut role, &who);
        let max_session = self.max_session_duration(&role, &who);
        if let Some(entity) = &mut entity {
            entity.managed_policies = managed;
            entity.boundary = boundary;
            entity.max_session_duration = max_session;
        }
        self.push_entity(entity)
    }

    /// A user: a `UserDetailList[]` element of a dump or the `User` of `get-user`.
    pub fn user(&mut self, mut user: Node) -> Option<String> {
        let (owner, mut entity) = self.identity(&user, OwnerKind::User, "UserName");
        let who = describe(&owner);
        self.inline_policies(&mut user, "UserPolicyList", &owner);
        let groups = self.group_list(&mut user, &who);
        let managed = self.attached_policies(&mut user, &who);
        let boundary = self.boundary(&mut user, &who);
        if let Some(entity) = &mut entity {
            entity.groups = groups;
            entity.managed_policies = managed;
            entity.boundary = boundary;
        }
        self.push_entity(entity)
    }

    /// A group: a `GroupDetailList[]` element of a dump or the `Group` of `get-group`.
    pub fn group(&mut self, mut group: Node) -> Option<String> {
        let (owner, mut entity) = self.identity(&group, OwnerKind::Group, "GroupName");
        let who = describe(&owner);
        self.inline_policies(&mut group, "GroupPolicyList", &owner);
        let managed = self.attached_policies(&mut group, &who);
        if let Some(entity) = &mut entity {
            entity.managed_policies = managed;
        }
        self.push_entity(entity)
    }

    /// A managed policy (a `Policies[]` element of a dump): its default version only, the one
    /// in force ([UG:access_policies_managed-versioning]). The version is the one marked
    /// `IsDefaultVersion: true`, else the one whose `VersionId` is the policy's
    /// `DefaultVersionId`. Without an `Arn` nothing can attach it: it is linted standalone.
    pub fn managed_policy(&mut self, mut policy: Node) {
        let arn = policy.get("Arn").and_then(Node::as_str).map(str::to_string);
        let default_id = policy
            .get("DefaultVersionId")
            .and_then(Node::as_str)
            .map(str::to_string);
        let Some(list) = policy.take("PolicyVersionList") else {
            return;
        };
        let what = match (&arn, policy.get("PolicyName").and_then(Node::as_str)) {
            (_, Some(name)) => format!("`PolicyVersionList` of policy `{name}`"),
            (Some(arn), None) => format!("`PolicyVersionList` of policy `{arn}`"),
            (None, None) => "`PolicyVersionList`".to_string(),
        };
        let mut versions = self.objects(list, &what, "Document");
        let chosen = versions
            .iter()
            .position(|v| matches!(v.get("IsDefaultVersion"), Some(n) if matches!(n.kind, NodeKind::Bool(true))))
            .or_else(|| {
                let default_id = default_id.as_deref()?;
                versions
                    .iter()
                    .position(|v| v.get("VersionId").and_then(Node::as_str) == Some(default_id))
            });
        let Some(index) = chosen else {
            return;
        };
        let Some(document) = versions.swap_remove(index).take("Document") else {
            return;
        };
        let attachment = match arn {
            Some(arn) => Attachment::Managed { arn },
            None => Attachment::Standalone,
        };
        self.policy_document(
            document,
            "Document",
            DocumentKind::Identity,
            None,
            attachment,
        );
    }

    fn push_entity(&mut self, entity: Option<Entity>) -> Option<String> {
        let entity = entity?;
        let account = entity.account.clone();
        self.out.inventory.entities.push(entity);
        Some(account)
    }

    /// The owner a principal's documents name, and its entity when its `Arn` is an IAM ARN
    /// of its kind (the entity's span is the `Arn` value).
    fn identity(
        &mut self,
        node: &Node,
        kind: OwnerKind,
        name_key: &str,
    ) -> (Owner, Option<Entity>) {
        let arn_node = node.get("Arn");
        if let Some(arn) = arn_node.filter(|n| !matches!(n.kind, NodeKind::Str(_) | NodeKind::Null))
        {
            self.shape_error(
                arn.span,
                format!("`Arn` must be a string, found {}", arn.type_name()),
            );
        }
        let parsed = arn_node.and_then(|n| Some((n, entity_arn(n.as_str()?, kind)?)));
        let name = node
            .get(name_key)
            .and_then(Node::as_str)
            .map(str::to_string)
            .or_else(|| parsed.as_ref().map(|(_, (_, name))| name.clone()));
        let owner = Owner {
            kind,
            name: name.clone(),
            account: parsed.as_ref().map(|(_, (account, _))| account.clone()),
            arn: parsed
                .as_ref()
                .and_then(|(n, _)| n.as_str())
                .map(str::to_string),
        };
        let entity = parsed.map(|(arn, (account, arn_name))| {
            Entity::new(
                kind,
                arn.as_str().unwrap_or_default().to_string(),
                account,
                name.unwrap_or(arn_name),
                arn.span,
            )
        });
        (owner, entity)
    }

    /// `UserPolicyList`, `GroupPolicyList` or `RolePolicyList`: inline identity policies.
    fn inline_policies(&mut self, node: &mut Node, key: &str, owner: &Owner) {
        let Some(list) = node.take(key) else {
            return;
        };
        let what = format!("`{key}` of {}", describe(owner));
        for mut policy in self.objects(list, &what, "PolicyDocument") {
            if let Some(document) = policy.take("PolicyDocument") {
                self.policy_document(
                    document,
                    "PolicyDocument",
                    DocumentKind::Identity,
                    Some(owner.clone()),
                    Attachment::Inline,
                );
            }
        }
    }

    /// `AttachedManagedPolicies[].PolicyArn`.
    fn attached_policies(&mut self, node: &mut Node, who: &str) -> Vec<Spanned<String>> {
        let Some(list) = node.take("AttachedManagedPolicies") else {
            return Vec::new();
        };
        let what = format!("`AttachedManagedPolicies` of {who}");
        let mut arns = Vec::new();
        for policy in self.objects(list, &what, "PolicyArn") {
            match policy.get("PolicyArn") {
                Some(Node {
                    span,
                    kind: NodeKind::Str(arn),
                }) => arns.push(Spanned {
                    value: arn.clone(),
                    span: *span,
                }),
                Some(other) => {
                    let message =
                        format!("`PolicyArn` must be a string, found {}", other.type_name());
                    self.shape_error(other.span, message);
                }
                None => self.shape_error(
                    policy.span,
                    format!("an attached policy of {who} has no `PolicyArn`"),
                ),
            }
        }
        arns
    }

    /// `PermissionsBoundary.PermissionsBoundaryArn`.
    fn boundary(&mut self, node: &mut Node, who: &str) -> Option<Spanned<String>> {
        let boundary = node.take("PermissionsBoundary")?;
        match &boundary.kind {
            NodeKind::Object(_) => {}
            NodeKind::Null => return None,
            _ => {
                self.shape_error(
                    boundary.span,
                    format!(
                        "`PermissionsBoundary` of {who} must be an object, found {}",
                        boundary.type_name()
                    ),
                );
                return None;
            }
        }
        match boundary.get("PermissionsBoundaryArn") {
            Some(Node {
                span,
                kind: NodeKind::Str(arn),
            }) => Some(Spanned {
                value: arn.clone(),
                span: *span,
            }),
            Some(other) => {
                let message = format!(
                    "`PermissionsBoundaryArn` must be a string, found {}",
                    other.type_name()
                );
                self.shape_error(other.span, message);
                None
            }
            None => None,
        }
    }

    /// `GroupList`: the names of a user's groups.
    fn group_list(&mut self, node: &mut Node, who: &str) -> Vec<Spanned<String>> {
        let Some(list) = node.take("GroupList") else {
            return Vec::new();
        };
        let items = match list.kind {
            NodeKind::Array(items) => items,
            NodeKind::Null => return Vec::new(),
            _ => {
                self.shape_error(
                    list.span,
                    format!(
                        "`GroupList` of {who} must be an array of group names, found {}",
                        list.type_name()
                    ),
                );
                return Vec::new();
            }
        };
        items
            .into_iter()
            .filter_map(|item| match item.kind {
                NodeKind::Str(name) => Some(Spanned {
                    value: name,
                    span: item.span,
                }),
                _ => {
                    self.shape_error(
                        item.span,
                        format!(
                            "each element of `GroupList` of {who} must be a group name, found {}",
                            item.type_name()
                        ),
                    );
                    None
                }
            })
            .collect()
    }

    /// `MaxSessionDuration` (seconds; `get-role` prints it, the dump's `RoleDetail` has none).
    fn max_session_duration(&mut self, node: &Node, who: &str) -> Option<u32> {
        let value = node.get("MaxSessionDuration")?;
        match &value.kind {
            NodeKind::Number(text) if text.parse::<u32>().is_ok() => text.parse().ok(),
            NodeKind::Null => None,
            _ => {
                self.shape_error(
                    value.span,
                    format!(
                        "`MaxSessionDuration` of {who} must be a whole number of seconds, found {}",
                        value.type_name()
                    ),
                );
                None
            }
        }
    }
}

/// The account and name of an IAM user, group or role ARN
/// (`arn:<partition>:iam::<account>:<kind>/<path/>name`, AWS-SEMANTICS §8).
pub fn entity_arn(text: &str, kind: OwnerKind) -> Option<(String, String)> {
    let arn = Arn::parse(text)?;
    let prefix = match kind {
        OwnerKind::Role => "role/",
        OwnerKind::User => "user/",
        OwnerKind::Group => "group/",
    };
    if !is_partition(arn.partition)
        || arn.service != "iam"
        || !arn.region.is_empty()
        || !is_account_id(arn.account)
    {
        return None;
    }
    let path_and_name = arn.resource.strip_prefix(prefix)?;
    let name = path_and_name.rsplit('/').next()?;
    if name.is_empty() {
        return None;
    }
    Some((arn.account.to_string(), name.to_string()))
}

/// "role `deploy`", for messages.
fn describe(owner: &Owner) -> String {
    let kind = match owner.kind {
        OwnerKind::Role => "role",
        OwnerKind::User => "user",
        OwnerKind::Group => "group",
    };
    match &owner.name {
        Some(name) => format!("{kind} `{name}`"),
        None => format!("a {kind}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::json::{Dialect, parse};

    fn read(text: &str, f: impl FnOnce(&mut Reader, Node)) -> Extracted {
        let root = parse(text, 0, Dialect::Strict).unwrap();
        let mut reader = Reader::new(text);
        f(&mut reader, root);
        reader.finish()
    }

    #[test]
    fn entity_arns() {
        assert_eq!(
            entity_arn("arn:aws:iam::111122223333:role/a/b/deploy", OwnerKind::Role),
            Some(("111122223333".into(), "deploy".into()))
        );
        assert_eq!(
            entity_arn("arn:aws-cn:iam::111122223333:group/g", OwnerKind::Group),
            Some(("111122223333".into(), "g".into()))
        );
        assert_eq!(
            entity_arn("arn:aws:iam::111122223333:user/u", OwnerKind::Role),
            None
        );
        assert_eq!(
            entity_arn(
                "arn:aws:iam::aws:policy/AdministratorAccess",
                OwnerKind::Role
            ),
            None
        );
        assert_eq!(
            entity_arn("arn:aws:iam::111122223333:role/", OwnerKind::Role),
            None
        );
    }

    #[test]
    fn a_role_detail_gives_entity_trust_and_inline_policies() {
        let text = r#"{
          "RoleName": "deploy",
          "Arn": "arn:aws:iam::111122223333:role/ci/deploy",
          "MaxSessionDuration": 7200,
          "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": []},
          "RolePolicyList": [{"PolicyName": "p", "PolicyDocument": {"Statement": []}}],
          "AttachedManagedPolicies": [{"PolicyName": "A", "PolicyArn": "arn:aws:iam::aws:policy/A"}],
          "PermissionsBoundary": {"PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": "arn:aws:iam::111122223333:policy/b"}
        }"#;
        let out = read(text, |r, node| {
            assert_eq!(r.role(node).as_deref(), Some("111122223333"));
        });
        assert!(out.shape_errors.is_empty(), "{:?}", out.shape_errors);
        let entity = &out.inventory.entities[0];
        assert_eq!(entity.kind, OwnerKind::Role);
        assert_eq!(entity.name, "deploy");
        assert_eq!(
            &text[entity.span.range()],
            "\"arn:aws:iam::111122223333:role/ci/deploy\""
        );
        assert_eq!(entity.max_session_duration, Some(7200));
        assert_eq!(
            entity.managed_policies[0].value,
            "arn:aws:iam::aws:policy/A"
        );
        assert_eq!(
            entity.boundary.as_ref().unwrap().value,
            "arn:aws:iam::111122223333:policy/b"
        );
        assert_eq!(out.documents.len(), 2);
        let trust = &out.documents[0];
        assert_eq!(trust.kind, DocumentKind::Trust);
        assert_eq!(trust.attachment, Attachment::Trust);
        let owner = trust.owner.as_ref().unwrap();
        assert_eq!(
            owner.arn.as_deref(),
            Some("arn:aws:iam::111122223333:role/ci/deploy")
        );
        assert_eq!(owner.account.as_deref(), Some("111122223333"));
        assert_eq!(owner.name.as_deref(), Some("deploy"));
        assert_eq!(out.documents[1].kind, DocumentKind::Identity);
        assert_eq!(out.documents[1].attachment, Attachment::Inline);
    }

    #[test]
    fn an_object_for_a_list_is_reported_and_read() {
        let text = r#"{"GroupName": "Admins", "Arn": "arn:aws:iam::111122223333:group/Admins",
          "AttachedManagedPolicies": {"PolicyName": "AdministratorAccess", "PolicyArn": "arn:aws:iam::aws:policy/AdministratorAccess"}}"#;
        let out = read(text, |r, node| {
            r.group(node);
        });
        assert_eq!(out.shape_errors.len(), 1);
        let error = &out.shape_errors[0];
        assert!(text[error.span.range()].starts_with("{\"PolicyName\""));
        assert!(
            error.message.contains("group `Admins`"),
            "{}",
            error.message
        );
        assert_eq!(
            out.inventory.entities[0].managed_policies[0].value,
            "arn:aws:iam::aws:policy/AdministratorAccess"
        );
    }

    #[test]
    fn wrong_types_are_reported_and_skipped() {
        let text = r#"{"UserName": "u", "Arn": "arn:aws:iam::111122223333:user/u",
          "GroupList": ["g", 3], "AttachedManagedPolicies": [1, {"PolicyName": "x"}],
          "PermissionsBoundary": "arn", "UserPolicyList": {"PolicyName": "nope"}}"#;
        let out = read(text, |r, node| {
            r.user(node);
        });
        let snippets: Vec<&str> = out
            .shape_errors
            .iter()
            .map(|e| &text[e.span.range()])
            .collect();
        assert_eq!(
            snippets,
            [
                "{\"PolicyName\": \"nope\"}",
                "3",
                "1",
                "{\"PolicyName\": \"x\"}",
                "\"arn\""
            ]
        );
        let user = &out.inventory.entities[0];
        assert_eq!(user.groups.len(), 1);
        assert!(user.managed_policies.is_empty());
        assert!(user.boundary.is_none());
    }

    #[test]
    fn the_default_version_of_a_managed_policy() {
        let text = r#"{"PolicyName": "p", "Arn": "arn:aws:iam::111122223333:policy/p", "DefaultVersionId": "v2",
          "PolicyVersionList": [
            {"VersionId": "v1", "IsDefaultVersion": false, "Document": {"Statement": [{"Sid": "old"}]}},
            {"VersionId": "v2", "IsDefaultVersion": true, "Document": {"Statement": [{"Sid": "new"}]}}
          ]}"#;
        let out = read(text, |r, node| r.managed_policy(node));
        assert_eq!(out.documents.len(), 1);
        let doc = &out.documents[0];
        assert_eq!(
            doc.attachment,
            Attachment::Managed {
                arn: "arn:aws:iam::111122223333:policy/p".into()
            }
        );
        assert_eq!(doc.statements[0].sid.as_ref().unwrap().known(), Some("new"));
        assert!(doc.owner.is_none());

        // No version marked: the one named by `DefaultVersionId`.
        let text = r#"{"Arn": "arn:aws:iam::111122223333:policy/p", "DefaultVersionId": "v1",
          "PolicyVersionList": [{"VersionId": "v1", "Document": {"Statement": [{"Sid": "one"}]}}]}"#;
        let out = read(text, |r, node| r.managed_policy(node));
        assert_eq!(
            out.documents[0].statements[0].sid.as_ref().unwrap().known(),
            Some("one")
        );
    }

    #[test]
    fn an_encoded_trust_is_decoded_and_a_broken_one_is_a_syntax_error() {
        let text = r#"{"RoleName": "r", "Arn": "arn:aws:iam::111122223333:role/r",
          "AssumeRolePolicyDocument": "%7B%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%7D%5D%7D",
          "RolePolicyList": [{"PolicyName": "p", "PolicyDocument": "%7B%22Statement%22%3A%5B"}]}"#;
        let out = read(text, |r, node| {
            r.role(node);
        });
        assert_eq!(out.documents.len(), 1);
        let effect = out.documents[0].statements[0].effect.as_ref().unwrap();
        assert_eq!(&text[effect.span.range()], "%22Allow%22");
        assert_eq!(out.syntax_errors.len(), 1);
        let at = out.syntax_errors[0].span.start as usize;
        assert_eq!(
            &text[at..at + 2],
            "\"}",
            "the error is at the end of the string"
        );
        assert_eq!(out.inventory.entities.len(), 1);
    }
}
