//! Helpers for the trust-policy principal and action rules (TL113–TL115, TL120, TL121, TL214):
//! walking the principal values of a trust policy, and what a statement grants.

use crate::eval::Tri;
use crate::eval::action::covers;
use crate::model::{Document, DocumentKind, PrincipalForm, SVal, Statement};

/// The statements of a role trust policy (none for other documents).
pub fn statements_of_trust(document: &Document) -> &[Statement] {
    match document.kind {
        DocumentKind::Trust => &document.statements,
        _ => &[],
    }
}

/// Whether a trust statement allows the service principal `service` (exactly as written under
/// `Service`; service principals are case-sensitive [UG:id_roles_create_for-service]).
/// `Unknown` when a value, the effect or the principal element cannot be read, or when the
/// statement admits `*` or everyone but a `NotPrincipal` list: whether those reach a service
/// principal is not something the linter decides.
pub fn allows_service(statement: &Statement, service: &str) -> Tri {
    let allow = match statement.effect.as_ref().map(|e| e.known()) {
        Some(Some(_)) => Tri::from_bool(statement.is_allow()),
        Some(None) => Tri::Unknown,
        None => Tri::No,
    };
    if allow == Tri::No {
        return Tri::No;
    }
    if statement.not_principal.is_some() {
        return Tri::Unknown;
    }
    let Some(principal) = &statement.principal else {
        return Tri::No;
    };
    let names = match &principal.form {
        PrincipalForm::Star(_) | PrincipalForm::Unknown(_) => Tri::Unknown,
        PrincipalForm::Map(_) => {
            let services = principal.values_of("Service").map(|v| match v.known() {
                Some(text) => Tri::from_bool(text == service),
                None => Tri::Unknown,
            });
            let anyone = principal.values_of("AWS").map(|v| match v.known() {
                Some("*") => Tri::Unknown,
                _ => Tri::No,
            });
            Tri::any(services.chain(anyone))
        }
    };
    allow.and(names)
}

/// Whether the trust policy allows `service` the trust-side `action` in some statement (Deny
/// statements are not weighed: a finding about a missing grant needs none). `Unknown` when a
/// statement the linter cannot read may be the one.
pub fn grants_service(document: &Document, service: &str, action: &str) -> Tri {
    let read = Tri::any(
        statements_of_trust(document)
            .iter()
            .map(|s| allows_service(s, service).and(covers(s, action))),
    );
    if document.unreadable_statements {
        read.or(Tri::Unknown)
    } else {
        read
    }
}

/// The `Service` values of the Allow statements of a trust policy that are exactly `service`.
pub fn service_values<'a>(
    document: &'a Document,
    service: &'a str,
) -> impl Iterator<Item = &'a SVal> {
    statements_of_trust(document)
        .iter()
        .filter(|s| s.is_allow())
        .flat_map(|s| s.principal_values("Service"))
        .filter(move |v| v.known() == Some(service))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::json::{Dialect, parse};
    use crate::syntax::policy::{KindHint, lower_policy};

    fn trust(text: &str) -> Document {
        let node = parse(text, 0, Dialect::Strict).expect("valid JSON");
        lower_policy(node, KindHint::Known(DocumentKind::Trust), None)
    }

    const RA: &str = "rolesanywhere.amazonaws.com";

    #[test]
    fn grants_count_across_statements_with_wildcards_and_case() {
        let document = trust(
            r#"{"Statement":[
                {"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":"STS:assumerole"},
                {"Effect":"Allow","Principal":{"Service":["ec2.amazonaws.com","rolesanywhere.amazonaws.com"]},"Action":"sts:Tag*"},
                {"Effect":"Deny","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":"sts:SetSourceIdentity"}]}"#,
        );
        assert_eq!(grants_service(&document, RA, "sts:AssumeRole"), Tri::Yes);
        assert_eq!(grants_service(&document, RA, "sts:TagSession"), Tri::Yes);
        assert_eq!(
            grants_service(&document, RA, "sts:SetSourceIdentity"),
            Tri::No
        );
        assert_eq!(service_values(&document, RA).count(), 2);
    }

    #[test]
    fn anyone_may_be_the_service() {
        let star = trust(
            r#"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:TagSession"}]}"#,
        );
        assert_eq!(grants_service(&star, RA, "sts:TagSession"), Tri::Unknown);
        let other = trust(
            r#"{"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:*"}]}"#,
        );
        assert_eq!(grants_service(&other, RA, "sts:TagSession"), Tri::No);
    }
}
