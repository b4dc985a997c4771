//! The two-sided rule of `sts:AssumeRole*` (AWS-SEMANTICS §1): the trust policy must always
//! allow the caller; whether the caller's identity side must also allow `sts:AssumeRole` on the
//! role depends on who calls and how the trust names them.

/// Who makes the call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caller {
    /// An IAM user, or a role session.
    IamPrincipal,
    /// An AWS service (`lambda.amazonaws.com`).
    Service,
    /// A web-identity / OIDC / Cognito token holder (`AssumeRoleWithWebIdentity`).
    WebIdentity,
    /// A SAML assertion holder (`AssumeRoleWithSAML`).
    Saml,
    /// The account's root user.
    AccountRootUser,
}

/// How the trust policy names an IAM caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NamedBy {
    /// The caller's exact user or role ARN.
    ExactArn,
    /// The caller's account (`arn:aws:iam::A:root` or `"A"`), which delegates to the account's
    /// identity policies.
    Account,
}

/// What the caller's side needs for the call to succeed, once the trust allows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdentitySide {
    /// The trust alone suffices (same account, exact ARN).
    NotRequired,
    /// The caller's identity policies must allow `sts:AssumeRole` on the role ARN.
    Required,
    /// The caller has no identity policies: services and federated token holders.
    NoIdentitySide,
    /// The call always fails.
    CannotAssume,
}

/// The requirement on the caller's side, one arm per row of the AWS-SEMANTICS §1 table.
pub fn identity_side(caller: Caller, named_by: NamedBy, same_account: bool) -> IdentitySide {
    match caller {
        // "Roles may not be assumed by root accounts" [UG:id_roles_use_permissions-to-switch].
        Caller::AccountRootUser => IdentitySide::CannotAssume,
        // The gate on the human side is iam:PassRole, not sts:AssumeRole.
        Caller::Service => IdentitySide::NoIdentitySide,
        // "Calling AssumeRoleWithWebIdentity / AssumeRoleWithSAML does not require the use of
        // AWS security credentials" [STS-API].
        Caller::WebIdentity | Caller::Saml => IdentitySide::NoIdentitySide,
        // Cross-account: "AWS allows the request only if both account policy evaluations
        // allow" [UG:reference_policies_evaluation-logic-cross-account].
        Caller::IamPrincipal if !same_account => IdentitySide::Required,
        // Same account, exact ARN: "no additional identity-based policy is required".
        Caller::IamPrincipal if named_by == NamedBy::ExactArn => IdentitySide::NotRequired,
        // Same account, account principal: the account delegates to its identity policies.
        Caller::IamPrincipal => IdentitySide::Required,
    }
}

#[cfg(test)]
mod tests {
    //! One test per row of the AWS-SEMANTICS §1 table, named after the row.
    use super::*;

    #[test]
    fn iam_user_or_role_named_by_exact_arn_same_account_needs_no_identity_grant() {
        assert_eq!(
            identity_side(Caller::IamPrincipal, NamedBy::ExactArn, true),
            IdentitySide::NotRequired
        );
    }

    #[test]
    fn iam_user_or_role_named_by_account_same_account_needs_identity_grant() {
        assert_eq!(
            identity_side(Caller::IamPrincipal, NamedBy::Account, true),
            IdentitySide::Required
        );
    }

    #[test]
    fn any_aws_principal_cross_account_always_needs_identity_grant() {
        for named_by in [NamedBy::ExactArn, NamedBy::Account] {
            assert_eq!(
                identity_side(Caller::IamPrincipal, named_by, false),
                IdentitySide::Required
            );
        }
    }

    #[test]
    fn aws_service_has_no_identity_side() {
        assert_eq!(
            identity_side(Caller::Service, NamedBy::ExactArn, true),
            IdentitySide::NoIdentitySide
        );
    }

    #[test]
    fn web_identity_oidc_cognito_needs_no_identity_grant() {
        assert_eq!(
            identity_side(Caller::WebIdentity, NamedBy::ExactArn, false),
            IdentitySide::NoIdentitySide
        );
    }

    #[test]
    fn saml_needs_no_identity_grant() {
        assert_eq!(
            identity_side(Caller::Saml, NamedBy::ExactArn, false),
            IdentitySide::NoIdentitySide
        );
    }

    #[test]
    fn account_root_user_cannot_assume_roles_at_all() {
        for same_account in [true, false] {
            assert_eq!(
                identity_side(Caller::AccountRootUser, NamedBy::Account, same_account),
                IdentitySide::CannotAssume
            );
        }
    }
}
