//! TL208 `github-oidc-missing-sub`: a role trusts GitHub Actions' OIDC provider without a
//! condition on the `sub` claim.
//!
//! Every GitHub Actions workflow, in any organization, can get a token from
//! `token.actions.githubusercontent.com` with the audience `sts.amazonaws.com`; only the
//! subject names the repository. AWS: "If you do not include this condition, then GitHub
//! Actions from organizations or repositories outside of your control are able to assume
//! roles associated with the GitHub OIDC IdP in your AWS account"
//! [UG:id_roles_create_for-idp_oidc §idp_oidc_Create_GitHub]. Access Analyzer reports it as
//! "Missing github repo condition key". An enterprise's own issuer
//! (`token.actions.githubusercontent.com/<slug>`) is the same, with keys under that prefix.
//!
//! `sub` is in every token (a required OpenID Connect claim), so `…IfExists` on it still
//! compares it; `Not…` operators and `Null` do not pin it. A condition on a further GitHub
//! claim naming the repository or its owner (accepted by AWS STS since 2026, not yet checked
//! against an AWS page) may pin it as well: the rule then stays silent, as it does on anything
//! it cannot read. How broad a `sub` pattern is, is TL209's.

use super::data::federated_providers;
use super::prelude::federation::{
    GithubSubject, github_subjects, non_requiring_clause, requiring_clauses,
};
use super::prelude::role_name;
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::model::Document;
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL208",
        name: "github-oidc-missing-sub",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "A role trusts GitHub Actions' OIDC provider without a condition on the `sub` claim.",
        help: "Require the repository in the subject: `\"StringLike\": {\"token.actions.githubusercontent.com:sub\": \"repo:<org>/<repo>:*\"}`, or an exact `repo:<org>/<repo>:ref:refs/heads/<branch>` with `StringEquals`.",
        security_severity: 9.0,
        doc: include_str!("../../rules/github-oidc-missing-sub.md"),
    },
    check: Check::Document(&GithubOidcMissingSub),
    unchecked_hint: None,
};

struct GithubOidcMissingSub;

impl DocumentRule for GithubOidcMissingSub {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        for GithubSubject {
            grant,
            key: sub,
            clauses,
        } in github_subjects(document)
        {
            let Some(prefix) = grant.claim_prefix() else {
                continue;
            };
            if !clauses.is_empty() {
                continue;
            }
            let mut diagnostic = Diagnostic::new(
                &RULE.meta,
                grant.value.span,
                format!(
                    "{} trusts {} (`{prefix}`) without a condition on `{sub}`: workflows in any GitHub repository can assume it",
                    role_name(document),
                    federated_providers::provider(prefix).map_or("GitHub Actions", |p| &p.name)
                ),
            )
            .with_help(format!(
                "Require the repository in the subject: `\"StringLike\": {{\"{sub}\": \"repo:<org>/<repo>:*\"}}`, or an exact `repo:<org>/<repo>:ref:refs/heads/<branch>` with `StringEquals`."
            ));
            if let Some(clause) = non_requiring_clause(grant.statement, &sub) {
                diagnostic = diagnostic.with_label(
                    clause.operator.span,
                    format!(
                        "`{}` does not require the subject to be one of the listed values",
                        clause.operator.value
                    ),
                );
            } else if let Some(aud) = grant
                .claim_key("aud")
                .and_then(|aud| requiring_clauses(grant.statement, &aud).first().copied())
            {
                diagnostic = diagnostic.with_label(
                    aud.key.span,
                    "the audience is the same for every repository's workflows",
                );
            }
            cx.report(diagnostic);
        }
    }
}
