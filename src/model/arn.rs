//! ARNs, account IDs and the forms a principal can take (AWS-SEMANTICS §3, §8).

use std::sync::LazyLock;

use regex::Regex;

/// `arn:partition:service:region:account:resource`, borrowed from the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arn<'a> {
    pub partition: &'a str,
    pub service: &'a str,
    pub region: &'a str,
    pub account: &'a str,
    pub resource: &'a str,
}

impl<'a> Arn<'a> {
    /// Splits an ARN into its six parts; the resource keeps any further colons.
    pub fn parse(text: &'a str) -> Option<Arn<'a>> {
        let mut parts = text.splitn(6, ':');
        if parts.next()? != "arn" {
            return None;
        }
        Some(Arn {
            partition: parts.next()?,
            service: parts.next()?,
            region: parts.next()?,
            account: parts.next()?,
            resource: parts.next()?,
        })
    }
}

static PARTITION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^aws(-[a-z]+)*$").expect("valid regex"));

/// `aws`, `aws-cn`, `aws-us-gov` and the isolated partitions (`aws-iso`, `aws-iso-b`, …),
/// whose list keeps growing, so the shape is checked rather than a list.
pub fn is_partition(text: &str) -> bool {
    PARTITION.is_match(text)
}

/// An AWS account ID is exactly 12 digits — or the account a module is deployed to
/// ([`deploying_account`]), which stands for one.
pub fn is_account_id(text: &str) -> bool {
    (text.len() == 12 && text.bytes().all(|b| b.is_ascii_digit())) || is_deploying_account(text)
}

/// The account the Terraform module (or CloudFormation template) at `source` is deployed to:
/// one account, unknown before deployment. Written `<account of infra/prod>` so that messages
/// read naturally; it equals itself and no other account, though it may be any of them. (A
/// policy literally naming `<account of …>` would pass for it; no real policy does.)
pub fn deploying_account(source: &str) -> String {
    // A `:` would split the ARNs the account is written into.
    format!("<account of {}>", source.replace(':', "_"))
}

/// Whether `account` is a [`deploying_account`].
pub fn is_deploying_account(account: &str) -> bool {
    account.starts_with("<account of ") && account.ends_with('>')
}

/// Whether a managed policy ARN is an AWS managed policy (`arn:aws:iam::aws:policy/…`): AWS
/// writes it, no account can edit it, and it is not held to the customer quota.
pub fn is_aws_managed_policy(arn: &str) -> bool {
    Arn::parse(arn).is_some_and(|a| a.account == "aws")
}

/// What an `AWS` principal value names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AwsPrincipal<'a> {
    /// `"*"`: every principal in every account.
    Anyone,
    /// `"111122223333"` or `arn:aws:iam::111122223333:root`: the account, not its root user.
    Account {
        account: &'a str,
    },
    User {
        account: &'a str,
        path_and_name: &'a str,
    },
    Role {
        account: &'a str,
        path_and_name: &'a str,
    },
    AssumedRole {
        account: &'a str,
        role_and_session: &'a str,
    },
    FederatedUser {
        account: &'a str,
        name: &'a str,
    },
    /// A unique ID (`AROA…`, `AIDA…`): what IAM shows once the named principal was deleted.
    UniqueId(&'a str),
    /// Not a principal AWS accepts; the text says why.
    Invalid(&'static str),
}

impl AwsPrincipal<'_> {
    /// The account the principal belongs to, where the value names one.
    pub fn account(&self) -> Option<&str> {
        match self {
            AwsPrincipal::Account { account }
            | AwsPrincipal::User { account, .. }
            | AwsPrincipal::Role { account, .. }
            | AwsPrincipal::AssumedRole { account, .. }
            | AwsPrincipal::FederatedUser { account, .. } => Some(account),
            _ => None,
        }
    }
}

static UNIQUE_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^A[A-Z0-9]{3}[A-Z0-9]{16,}$").expect("valid regex"));

/// Classifies an `AWS` principal value. Wildcards other than the whole `"*"` are reported by
/// their own rule; here they make the value invalid.
pub fn classify_aws_principal(text: &str) -> AwsPrincipal<'_> {
    if text == "*" {
        return AwsPrincipal::Anyone;
    }
    // IAM does not trim: `" arn:aws:iam::…"` names no principal.
    if text.trim() != text {
        return AwsPrincipal::Invalid("it has leading or trailing whitespace");
    }
    if is_account_id(text) {
        return AwsPrincipal::Account { account: text };
    }
    if UNIQUE_ID.is_match(text) {
        return AwsPrincipal::UniqueId(text);
    }
    let Some(arn) = Arn::parse(text) else {
        return AwsPrincipal::Invalid(
            "expected `*`, a 12-digit account ID or an IAM/STS principal ARN",
        );
    };
    if !is_partition(arn.partition) {
        return AwsPrincipal::Invalid("unknown partition");
    }
    // The service first: `arn:aws:s3:::bucket` is wrong for its service, not its account.
    if arn.service != "iam" && arn.service != "sts" {
        return AwsPrincipal::Invalid("principal ARNs belong to the `iam` or `sts` service");
    }
    if !arn.region.is_empty() {
        return AwsPrincipal::Invalid("IAM and STS principal ARNs have an empty region");
    }
    if !is_account_id(arn.account) {
        return AwsPrincipal::Invalid("the account must be exactly 12 digits");
    }
    let account = arn.account;
    let (kind, rest) = arn.resource.split_once('/').unwrap_or((arn.resource, ""));
    match (arn.service, kind) {
        ("iam", "root") if rest.is_empty() => AwsPrincipal::Account { account },
        ("iam", "user" | "role") => match path_and_name_problem(rest) {
            Some(problem) => AwsPrincipal::Invalid(problem),
            None if kind == "user" => AwsPrincipal::User {
                account,
                path_and_name: rest,
            },
            None => AwsPrincipal::Role {
                account,
                path_and_name: rest,
            },
        },
        ("iam", "group") => AwsPrincipal::Invalid("a user group is never a principal"),
        ("sts", "assumed-role") if rest.split('/').count() >= 2 && !rest.contains("//") => {
            AwsPrincipal::AssumedRole {
                account,
                role_and_session: rest,
            }
        }
        ("sts", "assumed-role") => {
            AwsPrincipal::Invalid("expected `assumed-role/<role name>/<session name>`")
        }
        ("sts", "federated-user") if !rest.is_empty() && !rest.contains('/') => {
            AwsPrincipal::FederatedUser {
                account,
                name: rest,
            }
        }
        ("sts", "federated-user") => AwsPrincipal::Invalid("expected `federated-user/<name>`"),
        _ => AwsPrincipal::Invalid(
            "only `root`, `user/…`, `role/…`, `assumed-role/…` and `federated-user/…` are principals",
        ),
    }
}

/// What is wrong with `name` or `path/…/name`, as the resource part of a user or role ARN carries it (the
/// path's leading `/` is the one after `user`/`role`). IAM's API contract for both
/// [IAM API CreateRole/CreateUser]: the name is 1–64 of `[A-Za-z0-9_+=,.@-]`; the path is `/`
/// or `/` + printable ASCII (`!`–`~`) + `/`, at most 512 characters. A principal that breaks it
/// can name no existing user or role, and IAM refuses to save a trust naming one
/// (AWS-SEMANTICS §3, "Invalid principal in policy").
fn path_and_name_problem(rest: &str) -> Option<&'static str> {
    let (path, name) = match rest.rfind('/') {
        Some(i) => (&rest[..=i], &rest[i + 1..]),
        None => ("", rest),
    };
    if name.is_empty() {
        return Some("the user or role name is missing");
    }
    if name.len() > 64 {
        return Some("a user or role name is at most 64 characters");
    }
    if !name
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"_+=,.@-".contains(&b))
    {
        return Some("a user or role name holds only letters, digits and `_+=,.@-`");
    }
    // The full path is `/` + `path`; `path == "/"` would make it `//`, which IAM refuses.
    if !path.is_empty()
        && (path == "/" || path.len() >= 512 || !path.bytes().all(|b| (0x21..=0x7e).contains(&b)))
    {
        return Some("the path is not a valid IAM path");
    }
    None
}

/// What a `Federated` principal value names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FederatedPrincipal<'a> {
    Saml {
        account: &'a str,
        name: &'a str,
    },
    /// `oidc-provider/<host/path>`; the host/path is the condition-key prefix of its claims.
    Oidc {
        account: &'a str,
        provider: &'a str,
    },
    /// A built-in identity provider such as `cognito-identity.amazonaws.com`.
    Domain(&'a str),
    Invalid(&'static str),
}

impl<'a> FederatedPrincipal<'a> {
    /// The prefix of the provider's claim condition keys: an OIDC provider's host/path, or a
    /// built-in provider's domain (`cognito-identity.amazonaws.com:aud`)
    /// [UG:reference_policies_iam-condition-keys]. `None` for SAML providers, whose keys are
    /// `saml:…`, and for invalid values.
    pub fn claim_prefix(&self) -> Option<&'a str> {
        match *self {
            FederatedPrincipal::Oidc { provider, .. } => Some(provider),
            FederatedPrincipal::Domain(domain) => Some(domain),
            FederatedPrincipal::Saml { .. } | FederatedPrincipal::Invalid(_) => None,
        }
    }
}

static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$",
    )
    .expect("valid regex")
});

pub fn classify_federated_principal(text: &str) -> FederatedPrincipal<'_> {
    if let Some(arn) = Arn::parse(text) {
        if arn.service != "iam" || !is_partition(arn.partition) || !arn.region.is_empty() {
            return FederatedPrincipal::Invalid("expected an `iam` provider ARN");
        }
        if !is_account_id(arn.account) {
            return FederatedPrincipal::Invalid("the account must be exactly 12 digits");
        }
        return match arn.resource.split_once('/') {
            Some(("saml-provider", name)) if !name.is_empty() => FederatedPrincipal::Saml {
                account: arn.account,
                name,
            },
            Some(("oidc-provider", provider)) if !provider.is_empty() => FederatedPrincipal::Oidc {
                account: arn.account,
                provider,
            },
            _ => {
                FederatedPrincipal::Invalid("expected a `saml-provider/…` or `oidc-provider/…` ARN")
            }
        };
    }
    if DOMAIN.is_match(text) {
        FederatedPrincipal::Domain(text)
    } else {
        FederatedPrincipal::Invalid(
            "expected an identity-provider domain or a `saml-provider/`/`oidc-provider/` ARN",
        )
    }
}

static SERVICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")
        .expect("valid regex")
});

/// A service principal is a lower-case DNS name such as `lambda.amazonaws.com` (service
/// principals are case-sensitive, AWS-SEMANTICS §3).
pub fn is_service_principal(text: &str) -> bool {
    SERVICE.is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_forms_are_the_same_principal() {
        assert_eq!(
            classify_aws_principal("111122223333"),
            AwsPrincipal::Account {
                account: "111122223333"
            }
        );
        assert_eq!(
            classify_aws_principal("arn:aws-cn:iam::111122223333:root"),
            AwsPrincipal::Account {
                account: "111122223333"
            }
        );
    }

    #[test]
    fn ten_digit_account_is_invalid() {
        assert!(matches!(
            classify_aws_principal("arn:aws:iam::1234567890:root"),
            AwsPrincipal::Invalid(_)
        ));
    }

    #[test]
    fn role_with_path_and_sessions() {
        assert_eq!(
            classify_aws_principal("arn:aws:iam::111122223333:role/ops/deploy"),
            AwsPrincipal::Role {
                account: "111122223333",
                path_and_name: "ops/deploy"
            }
        );
        assert!(matches!(
            classify_aws_principal("arn:aws:sts::111122223333:assumed-role/deploy/alice"),
            AwsPrincipal::AssumedRole { .. }
        ));
        assert!(matches!(
            classify_aws_principal("arn:aws:iam::111122223333:group/admins"),
            AwsPrincipal::Invalid(_)
        ));
    }

    #[test]
    fn user_and_role_names_follow_the_iam_contract() {
        assert!(matches!(
            classify_aws_principal("arn:aws:iam::111122223333:role/service-role/a.b@c+d=e,f_g-h"),
            AwsPrincipal::Role { .. }
        ));
        assert!(matches!(
            classify_aws_principal(
                "arn:aws:iam::072528804237:role/aws-service-role/stacksets.cloudformation.amazonaws.com/AWSServiceRoleForCloudFormationStackSetsOrgAdmin"
            ),
            AwsPrincipal::Role { .. }
        ));
        // A path may hold any printable ASCII, `//` included, as long as it is not the whole path.
        assert!(matches!(
            classify_aws_principal("arn:aws:iam::111122223333:user/a//b/alice"),
            AwsPrincipal::User { .. }
        ));
        for bad in [
            "arn:aws:iam::111122223333:role/",
            "arn:aws:iam::111122223333:role//deploy",
            "arn:aws:iam::111122223333:role/deploy role",
            "arn:aws:iam::111122223333:user/<user-name>",
            "arn:aws:iam::111122223333:role/ops/",
        ] {
            assert!(
                matches!(classify_aws_principal(bad), AwsPrincipal::Invalid(_)),
                "{bad}"
            );
        }
        let long = format!("arn:aws:iam::111122223333:role/{}", "r".repeat(65));
        assert!(matches!(
            classify_aws_principal(&long),
            AwsPrincipal::Invalid(_)
        ));
        let max = format!("arn:aws:iam::111122223333:role/{}", "r".repeat(64));
        assert!(matches!(
            classify_aws_principal(&max),
            AwsPrincipal::Role { .. }
        ));
    }

    #[test]
    fn surrounding_whitespace_is_invalid() {
        assert_eq!(
            classify_aws_principal(" arn:aws:iam::111122223333:user/AdminUser"),
            AwsPrincipal::Invalid("it has leading or trailing whitespace")
        );
        assert!(matches!(
            classify_aws_principal("111122223333 "),
            AwsPrincipal::Invalid(_)
        ));
    }

    #[test]
    fn placeholders_are_invalid() {
        for bad in [
            "ACCOUNT-B-ID",
            "Example Corp's AWS Account ID",
            "arn:aws:iam::account-id:root",
        ] {
            assert!(
                matches!(classify_aws_principal(bad), AwsPrincipal::Invalid(_)),
                "{bad}"
            );
        }
    }

    #[test]
    fn unique_ids_are_recognised() {
        assert!(matches!(
            classify_aws_principal("AROA1234567890EXAMPLE"),
            AwsPrincipal::UniqueId(_)
        ));
    }

    #[test]
    fn federated_forms() {
        assert!(matches!(
            classify_federated_principal(
                "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"
            ),
            FederatedPrincipal::Oidc {
                provider: "token.actions.githubusercontent.com",
                ..
            }
        ));
        assert!(matches!(
            classify_federated_principal("cognito-identity.amazonaws.com"),
            FederatedPrincipal::Domain(_)
        ));
        assert!(matches!(
            classify_federated_principal("arn:aws:iam::111122223333:role/x"),
            FederatedPrincipal::Invalid(_)
        ));
    }

    #[test]
    fn service_principals_are_lower_case_dns_names() {
        assert!(is_service_principal("lambda.amazonaws.com"));
        assert!(is_service_principal("states.us-east-1.amazonaws.com.cn"));
        assert!(!is_service_principal("Lambda.amazonaws.com"));
        assert!(!is_service_principal("lambda"));
    }
}
