//! Helpers for the trust-policy principal and action rules (TL113–TL115, TL120, TL121, TL214):
//! walking the principal values of a trust policy, and what a statement grants.

use crate::model::{Document, DocumentKind, SVal, Statement};

/// The statements of a role trust policy (none for other documents).
pub fn trust_statements(document: &Document) -> &[Statement] {
    match document.kind {
        DocumentKind::Trust => &document.statements,
        _ => &[],
    }
}

/// The values under one principal key (`AWS`, `Service`, `Federated`) of a statement's
/// `Principal`; `NotPrincipal` is TL107's and is not read.
pub fn principal_values<'a>(
    statement: &'a Statement,
    key: &'a str,
) -> impl Iterator<Item = &'a SVal> {
    statement
        .principal
        .iter()
        .flat_map(move |principal| principal.values_of(key))
}
