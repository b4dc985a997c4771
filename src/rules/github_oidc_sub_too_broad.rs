//! TL209 `github-oidc-sub-too-broad`: a GitHub Actions trust's `sub` condition admits
//! workflows of any organization (an error), or of every repository of one organization (an
//! info).
//!
//! The default subject is `repo:<owner>/<repo>:<context>` (`…:ref:refs/heads/main`,
//! `…:environment:prod`, `…:pull_request`). With `StringLike`, `*` matches any run of
//! characters, `/` and `:` included [UG:reference_policies_elements_condition_operators], so a
//! wildcard before the `/` that ends the owner (`repo:*`, `repo:octo*`, `*`) matches
//! repositories of owners anyone can create: the "bypassable subject" pattern
//! (Rezonate-io/github-oidc-checker). `repo:<org>/*` is AWS's own recommended minimum
//! ("`StringLike` … `repo:GitHubOrg/*`") [UG:id_roles_create_for-idp_oidc §idp_oidc_Create_GitHub],
//! which Access Analyzer still notes ("Specific github repo and branch recommended"): an info.
//!
//! The values of a clause are ORed, so its loosest value sets its reach; clauses on the same
//! key are ANDed, so the statement reaches as far as its tightest clause (AWS-SEMANTICS §5).
//! Subjects with GitHub's immutable IDs (`repo:octocat@123456/my-repo@456789:…`, GitHub
//! changelog 2026-04-23) are read the same way: the owner ends at the first `/`. A value the
//! linter cannot read, a custom subject format (not starting with `repo:`), or a further
//! condition on a GitHub claim naming the repository or its owner (see TL208) gives no finding.

use super::prelude::federation::{GithubSubject, github_subjects};
use super::prelude::role_name;
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::eval::condition::Operator;
use crate::model::{Clause, Document, SVal};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL209",
        name: "github-oidc-sub-too-broad",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "A GitHub Actions trust's `sub` condition admits workflows of any organization, or of every repository of one.",
        help: "Name the owner and repository in the subject: `repo:<org>/<repo>:*`, or an exact `repo:<org>/<repo>:ref:refs/heads/<branch>` or `repo:<org>/<repo>:environment:<name>`.",
        security_severity: 8.5,
        doc: include_str!("../../rules/github-oidc-sub-too-broad.md"),
    },
    check: Check::Document(&GithubOidcSubTooBroad),
    unchecked_hint: None,
};

/// Which workflows a `sub` value admits, narrowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Reach {
    /// One repository (or fewer), or a subject format the rule does not read.
    Repository,
    /// Every repository of one owner.
    Organization,
    /// Repositories of owners anyone can create.
    AnyOrganization,
}

fn is_wildcard(c: char) -> bool {
    c == '*' || c == '?'
}

/// The reach of one known value under an operator that does (or does not) take wildcards.
fn reach(text: &str, wildcards: bool) -> Reach {
    if !wildcards {
        return Reach::Repository;
    }
    if text.starts_with(is_wildcard) {
        return Reach::AnyOrganization;
    }
    let Some(rest) = text.strip_prefix("repo:") else {
        return Reach::Repository;
    };
    match rest.find(|c: char| c == '/' || is_wildcard(c)) {
        Some(at) if rest[at..].starts_with(is_wildcard) => Reach::AnyOrganization,
        Some(at) if rest[at + 1..].starts_with(is_wildcard) => Reach::Organization,
        _ => Reach::Repository,
    }
}

/// A clause's reach: that of its loosest known value, with the value. A value the linter
/// cannot read may only reach further, so this is a lower bound.
fn clause_reach(clause: &Clause) -> Option<(Reach, &SVal)> {
    let wildcards = Operator::parse(&clause.operator.value)?
        .base
        .takes_wildcards();
    clause
        .values
        .iter()
        .filter_map(|v| {
            let text = v.known()?;
            // A policy variable is substituted per request.
            (!text.contains("${")).then(|| (reach(text, wildcards), v))
        })
        .max_by_key(|(reach, _)| *reach)
}

struct GithubOidcSubTooBroad;

impl DocumentRule for GithubOidcSubTooBroad {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        for GithubSubject { clauses, .. } in github_subjects(document) {
            if clauses.is_empty() {
                continue;
            }
            // Clauses on the same key are ANDed: the tightest one bounds the statement.
            let Some(tightest) = clauses
                .iter()
                .map(|c| clause_reach(c))
                .collect::<Option<Vec<_>>>()
                .and_then(|reaches| reaches.into_iter().min_by_key(|(reach, _)| *reach))
            else {
                continue;
            };
            let (reach, value) = tightest;
            let text = value.known().unwrap_or_default();
            let role = role_name(document);
            let diagnostic = match reach {
                Reach::Repository => continue,
                Reach::AnyOrganization => Diagnostic::new(
                    &RULE.meta,
                    value.span,
                    if text.chars().all(|c| c == '*') {
                        format!(
                            "`{text}` matches the subject of every GitHub Actions workflow: any repository can assume {role}"
                        )
                    } else {
                        format!(
                            "`{text}` has a wildcard where the subject names the repository's owner: workflows of other GitHub organizations can assume {role}"
                        )
                    },
                ),
                Reach::Organization => {
                    let owner = text
                        .strip_prefix("repo:")
                        .and_then(|rest| rest.split_once('/'))
                        .map_or("", |(owner, _)| owner);
                    Diagnostic::new(
                        &RULE.meta,
                        value.span,
                        format!("`{text}` admits the workflows of every repository of `{owner}`: any of them can assume {role}"),
                    )
                    .with_severity(Severity::Info)
                    .with_help(format!("AWS's recommended minimum; if only some repositories need {role}, name them: `repo:{owner}/<repo>:*`."))
                }
            };
            cx.report(diagnostic);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Reach, reach};

    #[test]
    fn the_owner_ends_at_the_first_slash() {
        assert_eq!(reach("*", true), Reach::AnyOrganization);
        assert_eq!(reach("repo:*", true), Reach::AnyOrganization);
        assert_eq!(reach("repo:octo*/app:*", true), Reach::AnyOrganization);
        assert_eq!(reach("repo:octo-or?/app:*", true), Reach::AnyOrganization);
        assert_eq!(reach("*:ref:refs/heads/main", true), Reach::AnyOrganization);
        assert_eq!(reach("repo:octo-org/*", true), Reach::Organization);
        assert_eq!(reach("repo:octocat@123456/*", true), Reach::Organization);
        assert_eq!(reach("repo:octo-org/app:*", true), Reach::Repository);
        assert_eq!(reach("repo:octo-org/app*", true), Reach::Repository);
        assert_eq!(
            reach(
                "repo:octocat@123456/my-repo@456789:ref:refs/heads/main",
                true
            ),
            Reach::Repository
        );
        // `StringEquals` reads `*` literally.
        assert_eq!(reach("repo:*", false), Reach::Repository);
        assert_eq!(reach("repository_owner_id:123:*", true), Reach::Repository);
    }
}
