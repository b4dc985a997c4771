//! Terraform resources in the principal graph (issue 4): roles, users and groups of a module
//! are principals of its deploying account, references resolve to them, and edges are decided
//! on both sides as for any other input.
//!
//! Runs select `ALL` but TL005 `unresolved-value` (off by default), which reports every
//! unknown value by design: these tests are about the verdicts, which unknowns never reach.

mod support;

use std::path::PathBuf;

use serde_json::Value;
use support::{lint_json, trustlint};
use trustlint::discover::discover;
use trustlint::model::{Inventory, LinkFact};
use trustlint::syntax::terraform::Modules;
use trustlint::syntax::{Format, parse_file};

const FIXTURES: &str = "testdata/frontends/terraform/graph";

/// The edges of `trustlint graph --format json` over one fixture, as `from -> to`, with the
/// fixture's deploying-account prefix dropped and ` (uncertain)` / ` (grant)` marks.
fn edges(case: &str) -> Vec<String> {
    let dir = format!("{FIXTURES}/{case}");
    let outcome = trustlint(&["graph", "--isolated", "--format", "json", &dir]);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let graph: Value = serde_json::from_str(&outcome.stdout).unwrap();
    let account = format!("<account of {dir}>");
    let short = |id: &Value| {
        id.as_str()
            .unwrap()
            .replace(&format!("arn:aws:iam::{account}:"), "")
            .replace(&account, "account")
    };
    graph["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let mut edge = format!("{} -> {}", short(&e["from"]), short(&e["to"]));
            if e["uncertain"].as_bool().unwrap() {
                edge.push_str(" (uncertain)");
            }
            if !e["grant"].is_null() {
                edge.push_str(" (grant)");
            }
            edge
        })
        .collect()
}

/// (code, line, column) of every finding of `--select ALL` over one fixture.
fn findings(case: &str) -> Vec<(String, u64, u64)> {
    let dir = format!("{FIXTURES}/{case}");
    support::findings(&lint_json(&["--select", "ALL", "--ignore", "TL005", &dir]))
        .into_iter()
        .map(|(code, _, line, column)| (code, line, column))
        .collect()
}

/// What the Terraform front end finds in one fixture besides documents.
fn inventory(case: &str) -> Inventory {
    let mut candidates = discover(&[PathBuf::from(FIXTURES).join(case)], 1);
    let modules = Modules::load(&mut candidates, 1 << 20);
    let mut inventory = Inventory::default();
    for (index, candidate) in candidates.iter().enumerate() {
        let text = std::fs::read_to_string(&candidate.path).unwrap();
        let module = modules.of(&candidate.path);
        let parsed = parse_file(
            &text,
            index as u32,
            &candidate.display,
            Format::Terraform,
            module,
        );
        inventory.extend(parsed.inventory);
    }
    inventory
}

#[test]
fn a_grant_on_a_referenced_role_whose_trust_references_the_caller_is_an_edge() {
    assert_eq!(
        edges("roles"),
        [
            "account -> role/ci (uncertain)",
            // The deploy role's name is only a prefix: its node is named by its address.
            "role/ci -> role/aws_iam_role.deploy",
            "ec2.amazonaws.com -> role/service/other",
        ]
    );
    // The same grant on a role that trusts only EC2 can never be used (TL402); the CI role
    // trusting its own account is the usual account-wide note (TL204).
    assert_eq!(
        findings("roles"),
        [("TL204".into(), 12, 27), ("TL402".into(), 25, 44)]
    );
}

#[test]
fn group_policies_memberships_and_attached_managed_policies_are_the_callers_grants() {
    assert_eq!(
        edges("users-and-groups"),
        [
            "account -> role/admin (uncertain)",
            "user/alice -> role/admin (grant)",
            "user/bob -> role/admin (grant)",
        ]
    );
}

#[test]
fn a_counted_role_is_one_node_that_index_references_reach() {
    assert_eq!(
        edges("counted"),
        [
            "role/aws_iam_role.runner -> role/deployer",
            "codebuild.amazonaws.com -> role/aws_iam_role.runner",
        ]
    );
}

#[test]
fn an_attachment_to_unknown_roles_leaves_their_identity_side_open() {
    // `worker` may hold the policy granting `app`: no edge is claimed, no rule says it cannot
    // assume `app`, and each role gets an attachment that matches no loaded policy.
    let unknown: Vec<(String, String)> = inventory("unknown-target")
        .links
        .into_iter()
        .filter_map(|link| match link.fact {
            LinkFact::ManagedPolicy(arn) => Some((link.principal, arn.value)),
            LinkFact::Group(_) => None,
        })
        .collect();
    let account = format!("<account of {FIXTURES}/unknown-target>");
    assert_eq!(
        unknown,
        [
            (
                format!("arn:aws:iam::{account}:role/app"),
                "<each.value>".to_string()
            ),
            (
                format!("arn:aws:iam::{account}:role/worker"),
                "<each.value>".to_string()
            ),
        ]
    );
    assert_eq!(
        edges("unknown-target"),
        [
            "account -> role/app (uncertain)",
            "ecs-tasks.amazonaws.com -> role/worker",
        ]
    );
    assert_eq!(findings("unknown-target"), [("TL204".into(), 34, 58)]);
}

#[test]
fn the_modules_own_identity_providers_are_federated_principals() {
    assert_eq!(
        edges("providers"),
        [
            "oidc-provider/token.actions.githubusercontent.com -> role/github-deploy (uncertain)",
            "saml-provider/okta -> role/okta-admins (uncertain)",
        ]
    );
}

#[test]
fn a_principal_through_an_aliased_provider_is_of_an_account_of_its_own() {
    // The admin role (through `aws.production`) joins no graph; the user the trust names is
    // in the production account, not the local `dev`.
    assert_eq!(edges("../review/provider-alias"), Vec::<String>::new());
    let alias = edges("../review/caller-identity-alias");
    assert_eq!(alias.len(), 1, "{alias:?}");
    assert!(
        alias[0].contains("through aws.production>:user/dev -> role/admin (uncertain)"),
        "{alias:?}"
    );
}

#[test]
fn a_local_module_call_is_an_instance_deployed_with_its_caller() {
    // Each call's role is a principal of the caller's account, named by the call's input;
    // the caller's own role, and another instance, trust one through the module's output.
    assert_eq!(
        edges("module-calls/live"),
        [
            "* -> role/public",
            "arn:aws:iam::111122223333:role/runner -> role/ci (uncertain)",
            "role/ci -> role/chained",
            "role/ci -> role/deploy",
        ]
    );
    // The "*" passed to the module is the finding, at the input; the module on its own (its
    // variables unknown) has none, and the registry module is unknown.
    assert_eq!(findings("module-calls/live"), [("TL201".into(), 13, 13)]);
    assert_eq!(findings("module-calls"), [("TL201".into(), 13, 13)]);
}
