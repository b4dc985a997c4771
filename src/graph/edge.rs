//! The can-assume decision for one caller and one role: both sides, as AWS evaluates them
//! (AWS-SEMANTICS §1). Everything the linter cannot see makes an edge uncertain, never certain.

use crate::eval::Tri;
use crate::eval::assume::{Caller, IdentitySide, NamedBy, identity_side};

/// What is known about one caller → role pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EdgeInputs {
    pub caller: Caller,
    pub named_by: NamedBy,
    pub same_account: bool,
    /// The trust's Allow admits the caller (principal and action; conditions make it Unknown).
    pub trust_allows: Tri,
    /// A Deny statement of the trust applies to the caller.
    pub trust_denies: Tri,
    /// The caller's identity policies allow `sts:AssumeRole` on the role.
    pub identity_allows: Tri,
    /// The caller's identity policies explicitly deny it.
    pub identity_denies: Tri,
    /// The caller's permissions boundary allows it; `None` when there is no boundary.
    pub boundary_allows: Option<Tri>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The call fails.
    Absent,
    /// The call succeeds as far as the loaded documents tell (session policies, SCPs and
    /// request conditions aside).
    Certain,
    /// It may succeed: a condition, an unknown value, a missing document or a boundary stands
    /// in between.
    Uncertain,
}

pub fn decide(inputs: EdgeInputs) -> Verdict {
    let requirement = identity_side(inputs.caller, inputs.named_by, inputs.same_account);
    if requirement == IdentitySide::CannotAssume
        || inputs.trust_allows == Tri::No
        || inputs.trust_denies == Tri::Yes
        || inputs.identity_denies == Tri::Yes
    {
        return Verdict::Absent;
    }
    let identity = match requirement {
        IdentitySide::Required => inputs.identity_allows,
        _ => Tri::Yes,
    };
    if identity == Tri::No {
        return Verdict::Absent;
    }
    // A boundary that does not allow the call: the docs disagree on whether it blocks a
    // same-account grant to a user ARN (AWS-SEMANTICS §1), so the edge is uncertain.
    let boundary = match (inputs.caller, inputs.boundary_allows) {
        (Caller::IamPrincipal, Some(allows)) => allows,
        _ => Tri::Yes,
    };
    let certain = inputs.trust_allows == Tri::Yes
        && inputs.trust_denies == Tri::No
        && inputs.identity_denies == Tri::No
        && identity == Tri::Yes
        && boundary == Tri::Yes;
    if certain {
        Verdict::Certain
    } else {
        Verdict::Uncertain
    }
}

#[cfg(test)]
mod tests {
    //! One test per row of AWS-SEMANTICS §1, plus the blockers listed under it.
    use super::*;

    fn iam(named_by: NamedBy, same_account: bool, identity_allows: Tri) -> EdgeInputs {
        EdgeInputs {
            caller: Caller::IamPrincipal,
            named_by,
            same_account,
            trust_allows: Tri::Yes,
            trust_denies: Tri::No,
            identity_allows,
            identity_denies: Tri::No,
            boundary_allows: None,
        }
    }

    #[test]
    fn same_account_exact_arn_without_identity_grant_is_an_edge() {
        assert_eq!(
            decide(iam(NamedBy::ExactArn, true, Tri::No)),
            Verdict::Certain
        );
    }

    #[test]
    fn same_account_via_root_with_identity_grant_is_an_edge() {
        assert_eq!(
            decide(iam(NamedBy::Account, true, Tri::Yes)),
            Verdict::Certain
        );
    }

    #[test]
    fn same_account_via_root_without_identity_grant_is_no_edge() {
        assert_eq!(
            decide(iam(NamedBy::Account, true, Tri::No)),
            Verdict::Absent
        );
    }

    #[test]
    fn cross_account_with_identity_grant_is_an_edge() {
        assert_eq!(
            decide(iam(NamedBy::ExactArn, false, Tri::Yes)),
            Verdict::Certain
        );
        assert_eq!(
            decide(iam(NamedBy::Account, false, Tri::Yes)),
            Verdict::Certain
        );
    }

    #[test]
    fn cross_account_without_identity_grant_is_no_edge() {
        assert_eq!(
            decide(iam(NamedBy::ExactArn, false, Tri::No)),
            Verdict::Absent
        );
    }

    #[test]
    fn cross_account_with_unloaded_identity_side_is_uncertain() {
        assert_eq!(
            decide(iam(NamedBy::ExactArn, false, Tri::Unknown)),
            Verdict::Uncertain
        );
    }

    #[test]
    fn service_needs_no_identity_grant() {
        let inputs = EdgeInputs {
            caller: Caller::Service,
            ..iam(NamedBy::ExactArn, false, Tri::No)
        };
        assert_eq!(decide(inputs), Verdict::Certain);
    }

    #[test]
    fn oidc_web_identity_needs_no_identity_grant() {
        let inputs = EdgeInputs {
            caller: Caller::WebIdentity,
            ..iam(NamedBy::ExactArn, false, Tri::No)
        };
        assert_eq!(decide(inputs), Verdict::Certain);
    }

    #[test]
    fn saml_needs_no_identity_grant() {
        let inputs = EdgeInputs {
            caller: Caller::Saml,
            ..iam(NamedBy::ExactArn, false, Tri::No)
        };
        assert_eq!(decide(inputs), Verdict::Certain);
    }

    #[test]
    fn root_user_never_assumes() {
        let inputs = EdgeInputs {
            caller: Caller::AccountRootUser,
            ..iam(NamedBy::Account, true, Tri::Yes)
        };
        assert_eq!(decide(inputs), Verdict::Absent);
    }

    #[test]
    fn deny_in_trust_removes_the_edge() {
        let inputs = EdgeInputs {
            trust_denies: Tri::Yes,
            ..iam(NamedBy::ExactArn, true, Tri::Yes)
        };
        assert_eq!(decide(inputs), Verdict::Absent);
    }

    #[test]
    fn conditional_deny_in_trust_makes_the_edge_uncertain() {
        let inputs = EdgeInputs {
            trust_denies: Tri::Unknown,
            ..iam(NamedBy::ExactArn, true, Tri::Yes)
        };
        assert_eq!(decide(inputs), Verdict::Uncertain);
    }

    #[test]
    fn deny_on_the_caller_removes_the_edge() {
        let inputs = EdgeInputs {
            identity_denies: Tri::Yes,
            ..iam(NamedBy::ExactArn, true, Tri::Yes)
        };
        assert_eq!(decide(inputs), Verdict::Absent);
    }

    #[test]
    fn boundary_without_assume_makes_the_edge_uncertain() {
        let inputs = EdgeInputs {
            boundary_allows: Some(Tri::No),
            ..iam(NamedBy::ExactArn, true, Tri::Yes)
        };
        assert_eq!(decide(inputs), Verdict::Uncertain);
    }

    #[test]
    fn conditioned_trust_is_uncertain() {
        let inputs = EdgeInputs {
            trust_allows: Tri::Unknown,
            ..iam(NamedBy::ExactArn, true, Tri::Yes)
        };
        assert_eq!(decide(inputs), Verdict::Uncertain);
    }
}
