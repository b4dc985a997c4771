//! IAM policy variables (`${aws:username}`): substituted per request under `Version`
//! `2012-10-17`, plain text under `2008-10-17` [UG:reference_policies_elements_version].

use super::{Document, PrincipalForm, SVal, Statement};

/// The first policy variable of a document in source order, with the value holding it.
pub fn first_policy_variable(document: &Document) -> Option<(&SVal, &str)> {
    document
        .statements
        .iter()
        .flat_map(statement_values)
        .filter_map(|value| Some((value, policy_variable_in(value.known()?)?)))
        .min_by_key(|(value, _)| value.span.start)
}

/// Every value of a statement that IAM evaluates (not `Sid` or `Effect`).
fn statement_values(statement: &Statement) -> Vec<&SVal> {
    let mut values: Vec<&SVal> = Vec::new();
    for principal in statement.principal.iter().chain(&statement.not_principal) {
        match &principal.form {
            PrincipalForm::Star(value) | PrincipalForm::Unknown(value) => values.push(value),
            PrincipalForm::Map(entries) => values.extend(entries.iter().flat_map(|e| &e.values)),
        }
    }
    for list in [
        &statement.action,
        &statement.not_action,
        &statement.resource,
        &statement.not_resource,
    ]
    .into_iter()
    .flatten()
    {
        values.extend(&list.values);
    }
    values.extend(statement.clauses().iter().flat_map(|c| &c.values));
    values
}

/// The first IAM policy variable in a value: `${service:key}` (with an optional default,
/// `${aws:username, 'none'}`) or one of the special characters `${*}`, `${?}`, `${$}`
/// [UG:reference_policies_variables]. Template placeholders that are not IAM variables
/// (`${account_id}`, Terraform's `${var.x}`, CloudFormation's `${AWS::AccountId}`) are not
/// counted: a policy built from a template has them replaced before IAM sees it.
pub fn policy_variable_in(text: &str) -> Option<&str> {
    let mut rest = 0;
    while let Some(found) = text[rest..].find("${") {
        let start = rest + found;
        let end = start + text[start..].find('}')?;
        let inner = &text[start + 2..end];
        let key = inner.split(',').next().unwrap_or_default().trim();
        let special = matches!(key, "*" | "?" | "$");
        if special || (key.contains(':') && !key.contains("::")) {
            return Some(&text[start..=end]);
        }
        rest = start + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::policy_variable_in;

    #[test]
    fn finds_policy_variables() {
        assert_eq!(
            policy_variable_in("arn:aws:s3:::bucket/home/${aws:username}/*"),
            Some("${aws:username}")
        );
        assert_eq!(policy_variable_in("${*}"), Some("${*}"));
        assert_eq!(policy_variable_in("arn:aws:s3:::bucket/$"), None);
        assert_eq!(policy_variable_in("${unterminated"), None);
        assert_eq!(policy_variable_in("plain"), None);
        assert_eq!(policy_variable_in("arn:aws:iam::${account_id}:root"), None);
        assert_eq!(
            policy_variable_in("arn:aws:iam::${AWS::AccountId}:root"),
            None
        );
        assert_eq!(
            policy_variable_in("${var.name}/${aws:userid}"),
            Some("${aws:userid}")
        );
        assert_eq!(
            policy_variable_in("${aws:PrincipalTag/team, 'none'}"),
            Some("${aws:PrincipalTag/team, 'none'}")
        );
    }
}
