//! Synthetic IAM inventories for the scale targets of the principal graph (issue 3).
//!
//! ```text
//! cargo run --release --example generate_inventory -- \
//!     --accounts 20 --roles 100000 --users 20000 --out DIR [--seed N] [--page-size N]
//! ```
//!
//! Writes one `aws iam get-account-authorization-details` dump per account, as the AWS CLI
//! prints it (decoded policy documents, four-space indentation): `UserDetailList`,
//! `GroupDetailList`, `RoleDetailList`, `Policies`. An account with more than `--page-size`
//! users, groups, roles and policies is split into several page files, the way the API pages
//! do (`IsTruncated: true` and a `Marker` on every page but the last).
//!
//! The mix is meant to look like a real organization, deterministically (a seeded SplitMix64,
//! no crate):
//! * users are in a `developers` group (a managed policy and an inline Deny on break-glass
//!   roles), most in one `team-NN` group whose managed policy grants `sts:AssumeRole` on
//!   `arn:aws:iam::ACCT:role/team-NN-*`, a few in `readonly` or `admins`
//!   (`AdministratorAccess`); most have an inline policy with exact `sts:AssumeRole` grants on
//!   the roles that trust them (one in ten also on a role that does not); about 1% have
//!   `Resource: "*"`;
//!   about 10% have a permissions boundary;
//! * three roles per account are admin-equivalent (SAML sign-in, a GitHub OIDC deploy role and
//!   a break-glass role trusting the security account with MFA); the rest trust an exact user
//!   ARN (same account or another), an exact role ARN (role chains), an account (`:root` or the
//!   bare ID, cross-account ones often with an ExternalId), a service (Lambda, EC2, ECS
//!   tasks), an OIDC or SAML provider, or — rarely — `{"AWS": "*"}` pinned to the organization.
//!   Roles trusted by other roles get the matching grant in their caller's inline policy.
//!
//! The number of admin-equivalent (`Resource: "*"`) principals per account does not grow with
//! the number of roles, as in real accounts, so the number of can-assume edges grows linearly
//! with the inventory: the scaling measured is the linter's, not the input's.
//!
//! The bench `benches/graph.rs` includes this file as a module and calls [`generate`].

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// What to generate.
#[derive(Debug, Clone)]
pub struct Config {
    pub accounts: usize,
    pub roles: usize,
    pub users: usize,
    pub seed: u64,
    /// Users, groups, roles and policies per page file, at most.
    pub page_size: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            accounts: 20,
            roles: 100_000,
            users: 20_000,
            seed: 42,
            page_size: 5_000,
        }
    }
}

/// What was written.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    pub files: usize,
    pub bytes: u64,
}

/// SplitMix64: small, fast and good enough for picking a mix.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

/// A JSON value that keeps its keys in the order written, printed as the AWS CLI prints.
enum J {
    Str(String),
    Num(u64),
    Bool(bool),
    Arr(Vec<J>),
    Obj(Vec<(&'static str, J)>),
}

fn s(text: impl Into<String>) -> J {
    J::Str(text.into())
}

fn obj(members: Vec<(&'static str, J)>) -> J {
    J::Obj(members)
}

impl J {
    fn write(&self, out: &mut String, depth: usize) {
        let indent = |out: &mut String, depth: usize| {
            out.push('\n');
            for _ in 0..depth {
                out.push_str("    ");
            }
        };
        match self {
            J::Str(text) => {
                out.push('"');
                for c in text.chars() {
                    match c {
                        '"' => out.push_str("\\\""),
                        '\\' => out.push_str("\\\\"),
                        c if (c as u32) < 0x20 => {
                            let _ = write!(out, "\\u{:04x}", c as u32);
                        }
                        c => out.push(c),
                    }
                }
                out.push('"');
            }
            J::Num(n) => {
                let _ = write!(out, "{n}");
            }
            J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            J::Arr(items) if items.is_empty() => out.push_str("[]"),
            J::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    indent(out, depth + 1);
                    item.write(out, depth + 1);
                }
                indent(out, depth);
                out.push(']');
            }
            J::Obj(members) if members.is_empty() => out.push_str("{}"),
            J::Obj(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    indent(out, depth + 1);
                    let _ = write!(out, "\"{key}\": ");
                    value.write(out, depth + 1);
                }
                indent(out, depth);
                out.push('}');
            }
        }
    }
}

const TEAMS: usize = 8;
/// Admin-equivalent roles at the start of every account (`admin`, `ci-deploy`, `break-glass`).
const ADMIN_ROLES: usize = 3;
const ADMIN_ARN: &str = "arn:aws:iam::aws:policy/AdministratorAccess";
const READ_ONLY_ARN: &str = "arn:aws:iam::aws:policy/ReadOnlyAccess";
const ORG_ID: &str = "o-a1b2c3d4e5";

fn account_id(account: usize) -> String {
    format!("{:012}", 210_987_000_000u64 + account as u64 * 1_111)
}

fn date(rng: &mut Rng) -> String {
    format!(
        "20{:02}-{:02}-{:02} {:02}:{:02}:{:02}+00:00",
        18 + rng.below(7),
        1 + rng.below(12),
        1 + rng.below(28),
        rng.below(24),
        rng.below(60),
        rng.below(60)
    )
}

fn unique_id(prefix: &str, rng: &mut Rng) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut id = String::from(prefix);
    for _ in 0..17 {
        id.push(ALPHABET[rng.below(ALPHABET.len())] as char);
    }
    id
}

fn statement(
    sid: Option<&str>,
    effect: &str,
    actions: &[&str],
    resources: Vec<String>,
    condition: Option<J>,
) -> J {
    let mut members = Vec::new();
    if let Some(sid) = sid {
        members.push(("Sid", s(sid)));
    }
    members.push(("Effect", s(effect)));
    members.push((
        "Action",
        if actions.len() == 1 {
            s(actions[0])
        } else {
            J::Arr(actions.iter().map(|a| s(*a)).collect())
        },
    ));
    members.push((
        "Resource",
        if resources.len() == 1 {
            s(resources.into_iter().next().unwrap_or_default())
        } else {
            J::Arr(resources.into_iter().map(J::Str).collect())
        },
    ));
    if let Some(condition) = condition {
        members.push(("Condition", condition));
    }
    obj(members)
}

fn document(statements: Vec<J>) -> J {
    obj(vec![
        ("Version", s("2012-10-17")),
        ("Statement", J::Arr(statements)),
    ])
}

fn trust_statement(principal: J, action: &str, condition: Option<J>) -> J {
    let mut members = vec![
        ("Effect", s("Allow")),
        ("Principal", principal),
        ("Action", s(action)),
    ];
    if let Some(condition) = condition {
        members.push(("Condition", condition));
    }
    obj(members)
}

fn condition(operator: &'static str, key: &'static str, value: J) -> J {
    obj(vec![(operator, obj(vec![(key, value)]))])
}

fn attached(arns: &[String]) -> J {
    J::Arr(
        arns.iter()
            .map(|arn| {
                obj(vec![
                    ("PolicyName", s(arn.rsplit('/').next().unwrap_or(arn))),
                    ("PolicyArn", s(arn.clone())),
                ])
            })
            .collect(),
    )
}

fn boundary(arn: &str) -> J {
    obj(vec![
        ("PermissionsBoundaryType", s("PermissionsBoundaryPolicy")),
        ("PermissionsBoundaryArn", s(arn)),
    ])
}

fn managed_policy(arn: String, document: J, attachments: u64, rng: &mut Rng) -> J {
    let created = date(rng);
    obj(vec![
        ("PolicyName", s(arn.rsplit('/').next().unwrap_or(&arn))),
        ("PolicyId", s(unique_id("ANPA", rng))),
        ("Arn", s(arn.clone())),
        ("Path", s("/")),
        ("DefaultVersionId", s("v1")),
        ("AttachmentCount", J::Num(attachments)),
        ("PermissionsBoundaryUsageCount", J::Num(0)),
        ("IsAttachable", J::Bool(true)),
        ("CreateDate", s(created.clone())),
        ("UpdateDate", s(created.clone())),
        (
            "PolicyVersionList",
            J::Arr(vec![obj(vec![
                ("Document", document),
                ("VersionId", s("v1")),
                ("IsDefaultVersion", J::Bool(true)),
                ("CreateDate", s(created)),
            ])]),
        ),
    ])
}

/// How a role's trust names who may assume it.
#[derive(Clone, Copy)]
enum Trust {
    /// `admin`: SAML sign-in.
    AdminSaml,
    /// `ci-deploy`: GitHub Actions OIDC.
    AdminOidc,
    /// `break-glass`: the security account, with MFA.
    AdminBreakGlass,
    /// An exact user ARN (global user index).
    User(usize),
    /// An exact role ARN (global role index).
    Role(usize),
    /// An account, as `:root` (`true`) or the bare ID, with an ExternalId or not.
    Account(usize, bool, bool),
    Service(&'static str),
    Oidc,
    Saml,
    /// `{"AWS": "*"}` with `aws:PrincipalOrgID`.
    Org,
    /// A service and an exact user ARN, in two statements.
    ServiceAndUser(&'static str, usize),
}

struct Role {
    name: String,
    trust: Trust,
    /// Exact `sts:AssumeRole` grants of this role's inline policy (global role indexes).
    grants: Vec<usize>,
}

struct Plan {
    accounts: Vec<String>,
    roles: Vec<Role>,
    /// Exact `sts:AssumeRole` grants of each user's inline policy (global role indexes).
    user_grants: Vec<Vec<usize>>,
}

fn user_account(user: usize, config: &Config) -> usize {
    user % config.accounts
}

fn role_account(role: usize, config: &Config) -> usize {
    role % config.accounts
}

fn user_name(user: usize) -> String {
    format!("user-{user:06}")
}

fn user_arn(plan: &Plan, user: usize, config: &Config) -> String {
    format!(
        "arn:aws:iam::{}:user/{}",
        plan.accounts[user_account(user, config)],
        user_name(user)
    )
}

fn role_arn(plan: &Plan, role: usize, config: &Config) -> String {
    format!(
        "arn:aws:iam::{}:role/{}",
        plan.accounts[role_account(role, config)],
        plan.roles[role].name
    )
}

/// A user of `account` (or of any account), at random.
fn pick_user(rng: &mut Rng, account: Option<usize>, config: &Config) -> usize {
    let per_account = config.users.div_ceil(config.accounts);
    match account {
        Some(account) if account < config.users => loop {
            let user = rng.below(per_account) * config.accounts + account;
            if user < config.users {
                return user;
            }
        },
        _ => rng.below(config.users),
    }
}

fn plan(config: &Config, rng: &mut Rng) -> Plan {
    let accounts: Vec<String> = (0..config.accounts).map(account_id).collect();
    let mut roles: Vec<Role> = Vec::with_capacity(config.roles);
    let mut user_grants: Vec<Vec<usize>> = vec![Vec::new(); config.users];
    let services = [
        "lambda.amazonaws.com",
        "ec2.amazonaws.com",
        "ecs-tasks.amazonaws.com",
    ];
    for role in 0..config.roles {
        let account = role_account(role, config);
        let local = role / config.accounts;
        let other_account = |rng: &mut Rng| {
            if config.accounts == 1 {
                account
            } else {
                (account + 1 + rng.below(config.accounts - 1)) % config.accounts
            }
        };
        let (trust, purpose) = match local {
            0 => (Trust::AdminSaml, "admin"),
            1 => (Trust::AdminOidc, "ci-deploy"),
            2 => (Trust::AdminBreakGlass, "break-glass"),
            _ => {
                let p = rng.unit();
                let has_users = config.users > 0;
                if p < 0.30 && has_users {
                    let same = rng.chance(0.7);
                    let user = pick_user(rng, same.then_some(account), config);
                    (Trust::User(user), "app")
                } else if p < 0.45 && role > 0 {
                    // A chain: an earlier role, usually of the same account.
                    let caller = if rng.chance(0.8) && role >= config.accounts {
                        let locals = role / config.accounts;
                        rng.below(locals) * config.accounts + account
                    } else {
                        rng.below(role)
                    };
                    (Trust::Role(caller), "worker")
                } else if p < 0.60 {
                    let target = if rng.chance(0.4) {
                        account
                    } else {
                        other_account(rng)
                    };
                    let cross = target != account;
                    (
                        Trust::Account(target, rng.chance(0.8), cross && rng.chance(0.5)),
                        if cross { "xacct" } else { "shared" },
                    )
                } else if p < 0.85 {
                    let service = services[rng.below(services.len())];
                    (
                        Trust::Service(service),
                        service.split('.').next().unwrap_or("svc"),
                    )
                } else if p < 0.88 {
                    (Trust::Oidc, "gha")
                } else if p < 0.93 {
                    (Trust::Saml, "sso")
                } else if p < 0.935 {
                    (Trust::Org, "org-shared")
                } else if has_users {
                    let user = pick_user(rng, Some(account), config);
                    (Trust::ServiceAndUser("lambda.amazonaws.com", user), "ops")
                } else {
                    (Trust::Service("lambda.amazonaws.com"), "lambda")
                }
            }
        };
        let name = if local < ADMIN_ROLES {
            purpose.to_string()
        } else if rng.chance(0.5) {
            format!("team-{:02}-{purpose}-{role}", rng.below(TEAMS))
        } else {
            format!("{purpose}-{role}")
        };
        // The caller's side of exact trusts: usually granted, sometimes not (TL401 material).
        match trust {
            Trust::User(user) | Trust::ServiceAndUser(_, user) if rng.chance(0.9) => {
                user_grants[user].push(role);
            }
            Trust::Role(caller) if rng.chance(0.9) => roles[caller].grants.push(role),
            _ => {}
        }
        roles.push(Role {
            name,
            trust,
            grants: Vec::new(),
        });
    }
    Plan {
        accounts,
        roles,
        user_grants,
    }
}

/// The trust policy of a role.
fn trust_document(plan: &Plan, role: usize, config: &Config, rng: &mut Rng) -> J {
    let account = &plan.accounts[role_account(role, config)];
    let aws = |arn: String| obj(vec![("AWS", s(arn))]);
    let assume = "sts:AssumeRole";
    let statements = match plan.roles[role].trust {
        Trust::AdminSaml | Trust::Saml => vec![trust_statement(
            obj(vec![(
                "Federated",
                s(format!("arn:aws:iam::{account}:saml-provider/Okta")),
            )]),
            "sts:AssumeRoleWithSAML",
            Some(condition(
                "StringEquals",
                "SAML:aud",
                s("https://signin.aws.amazon.com/saml"),
            )),
        )],
        Trust::AdminOidc | Trust::Oidc => {
            let repo = format!(
                "repo:example-org/service-{}:ref:refs/heads/main",
                rng.below(500)
            );
            vec![trust_statement(
                obj(vec![(
                    "Federated",
                    s(format!(
                        "arn:aws:iam::{account}:oidc-provider/token.actions.githubusercontent.com"
                    )),
                )]),
                "sts:AssumeRoleWithWebIdentity",
                Some(obj(vec![(
                    "StringEquals",
                    obj(vec![
                        (
                            "token.actions.githubusercontent.com:aud",
                            s("sts.amazonaws.com"),
                        ),
                        ("token.actions.githubusercontent.com:sub", s(repo)),
                    ]),
                )])),
            )]
        }
        Trust::AdminBreakGlass => vec![trust_statement(
            aws(format!("arn:aws:iam::{}:root", plan.accounts[0])),
            assume,
            Some(condition("Bool", "aws:MultiFactorAuthPresent", s("true"))),
        )],
        Trust::User(user) => vec![trust_statement(
            aws(user_arn(plan, user, config)),
            assume,
            None,
        )],
        Trust::Role(caller) => vec![trust_statement(
            aws(role_arn(plan, caller, config)),
            assume,
            None,
        )],
        Trust::Account(target, as_root, external_id) => {
            let id = &plan.accounts[target];
            let principal = if as_root {
                format!("arn:aws:iam::{id}:root")
            } else {
                id.clone()
            };
            let condition = external_id.then(|| {
                condition(
                    "StringEquals",
                    "sts:ExternalId",
                    s(format!("ext-{:08x}", rng.next() as u32)),
                )
            });
            vec![trust_statement(aws(principal), assume, condition)]
        }
        Trust::Service(service) => vec![trust_statement(
            obj(vec![("Service", s(service))]),
            assume,
            None,
        )],
        Trust::Org => vec![trust_statement(
            aws("*".to_string()),
            assume,
            Some(condition("StringEquals", "aws:PrincipalOrgID", s(ORG_ID))),
        )],
        Trust::ServiceAndUser(service, user) => vec![
            trust_statement(obj(vec![("Service", s(service))]), assume, None),
            trust_statement(aws(user_arn(plan, user, config)), assume, None),
        ],
    };
    document(statements)
}

/// Exact grants, sometimes with one more on a role picked at random (a grant that usually
/// leads nowhere: the role does not trust the caller).
fn assume_statement(plan: &Plan, grants: &[usize], config: &Config, rng: &mut Rng) -> Option<J> {
    let mut resources: Vec<String> = grants.iter().map(|&r| role_arn(plan, r, config)).collect();
    if !plan.roles.is_empty() && rng.chance(0.1) {
        resources.push(role_arn(plan, rng.below(plan.roles.len()), config));
    }
    (!resources.is_empty()).then(|| {
        statement(
            Some("AssumeWorkloadRoles"),
            "Allow",
            &["sts:AssumeRole"],
            resources,
            None,
        )
    })
}

fn inline(name: String, document: J) -> J {
    obj(vec![("PolicyName", s(name)), ("PolicyDocument", document)])
}

struct AccountDump {
    users: Vec<J>,
    groups: Vec<J>,
    roles: Vec<J>,
    policies: Vec<J>,
}

fn account_dump(plan: &Plan, account: usize, config: &Config, rng: &mut Rng) -> AccountDump {
    let id = &plan.accounts[account];
    let policy_arn = |name: &str| format!("arn:aws:iam::{id}:policy/{name}");
    let boundary_arn = policy_arn("boundary-developer");

    // Managed policies: two AWS managed ones and the account's own.
    let mut policies = vec![
        managed_policy(
            ADMIN_ARN.to_string(),
            document(vec![statement(
                None,
                "Allow",
                &["*"],
                vec!["*".into()],
                None,
            )]),
            ADMIN_ROLES as u64 + 1,
            rng,
        ),
        managed_policy(
            READ_ONLY_ARN.to_string(),
            document(vec![statement(
                Some("ReadOnly"),
                "Allow",
                &[
                    "cloudwatch:Describe*",
                    "cloudwatch:Get*",
                    "ec2:Describe*",
                    "iam:Get*",
                    "iam:List*",
                    "logs:Describe*",
                    "logs:Get*",
                    "s3:Get*",
                    "s3:List*",
                    "sts:GetCallerIdentity",
                ],
                vec!["*".into()],
                None,
            )]),
            100,
            rng,
        ),
        managed_policy(
            policy_arn("developer-base"),
            document(vec![
                statement(
                    Some("Logs"),
                    "Allow",
                    &[
                        "logs:CreateLogGroup",
                        "logs:PutLogEvents",
                        "xray:PutTraceSegments",
                    ],
                    vec!["*".into()],
                    None,
                ),
                statement(
                    Some("Buckets"),
                    "Allow",
                    &["s3:GetObject", "s3:PutObject"],
                    vec![format!("arn:aws:s3:::dev-{id}-*/*")],
                    None,
                ),
            ]),
            50,
            rng,
        ),
        managed_policy(
            boundary_arn.clone(),
            document(vec![
                statement(
                    Some("Workloads"),
                    "Allow",
                    &["s3:*", "logs:*", "dynamodb:*", "sqs:*", "lambda:*"],
                    vec!["*".into()],
                    None,
                ),
                statement(
                    Some("TeamRoles"),
                    "Allow",
                    &["sts:AssumeRole"],
                    vec!["arn:aws:iam::*:role/team-*".into()],
                    None,
                ),
            ]),
            10,
            rng,
        ),
    ];
    for team in 0..TEAMS {
        policies.push(managed_policy(
            policy_arn(&format!("team-{team:02}-assume")),
            document(vec![statement(
                Some("AssumeTeamRoles"),
                "Allow",
                &["sts:AssumeRole", "sts:TagSession"],
                vec![format!("arn:aws:iam::{id}:role/team-{team:02}-*")],
                None,
            )]),
            20,
            rng,
        ));
    }

    // Groups.
    let group = |name: String, managed: Vec<String>, inline_policies: Vec<J>, rng: &mut Rng| {
        obj(vec![
            ("Path", s("/")),
            ("GroupName", s(name.clone())),
            ("GroupId", s(unique_id("AGPA", rng))),
            ("Arn", s(format!("arn:aws:iam::{id}:group/{name}"))),
            ("CreateDate", s(date(rng))),
            ("GroupPolicyList", J::Arr(inline_policies)),
            ("AttachedManagedPolicies", attached(&managed)),
        ])
    };
    let mut groups = vec![
        group("admins".into(), vec![ADMIN_ARN.into()], Vec::new(), rng),
        group(
            "developers".into(),
            vec![policy_arn("developer-base"), READ_ONLY_ARN.into()],
            vec![inline(
                "no-break-glass".into(),
                document(vec![statement(
                    Some("NoBreakGlass"),
                    "Deny",
                    &["sts:AssumeRole"],
                    vec!["arn:aws:iam::*:role/break-glass".into()],
                    None,
                )]),
            )],
            rng,
        ),
        group(
            "readonly".into(),
            vec![READ_ONLY_ARN.into()],
            Vec::new(),
            rng,
        ),
    ];
    for team in 0..TEAMS {
        groups.push(group(
            format!("team-{team:02}"),
            vec![policy_arn(&format!("team-{team:02}-assume"))],
            Vec::new(),
            rng,
        ));
    }

    // Users.
    let mut users = Vec::new();
    for user in (account..config.users).step_by(config.accounts) {
        let mut group_list = Vec::new();
        if rng.chance(0.8) {
            group_list.push(s("developers"));
        }
        if rng.chance(0.6) {
            group_list.push(s(format!("team-{:02}", rng.below(TEAMS))));
        }
        if rng.chance(0.1) {
            group_list.push(s("readonly"));
        }
        if rng.chance(0.005) {
            group_list.push(s("admins"));
        }
        let mut statements = Vec::new();
        statements.extend(assume_statement(plan, &plan.user_grants[user], config, rng));
        if rng.chance(0.01) {
            statements.push(statement(
                Some("CiAssumeAnything"),
                "Allow",
                &["sts:AssumeRole"],
                vec!["*".into()],
                None,
            ));
        }
        let mut members = vec![
            ("Path", s("/")),
            ("UserName", s(user_name(user))),
            ("UserId", s(unique_id("AIDA", rng))),
            ("Arn", s(user_arn(plan, user, config))),
            ("CreateDate", s(date(rng))),
        ];
        if !statements.is_empty() {
            members.push((
                "UserPolicyList",
                J::Arr(vec![inline("assume-roles".into(), document(statements))]),
            ));
        }
        members.push(("GroupList", J::Arr(group_list)));
        let managed: Vec<String> = if rng.chance(0.05) {
            vec![READ_ONLY_ARN.into()]
        } else {
            Vec::new()
        };
        members.push(("AttachedManagedPolicies", attached(&managed)));
        if rng.chance(0.1) {
            members.push(("PermissionsBoundary", boundary(&boundary_arn)));
        }
        members.push(("Tags", J::Arr(Vec::new())));
        users.push(obj(members));
    }

    // Roles.
    let mut roles = Vec::new();
    for role in (account..config.roles).step_by(config.accounts) {
        let local = role / config.accounts;
        let name = plan.roles[role].name.clone();
        let mut statements = vec![statement(
            Some("Data"),
            "Allow",
            &["s3:GetObject", "s3:PutObject", "dynamodb:Query"],
            vec![
                format!("arn:aws:s3:::{name}-{id}/*"),
                format!("arn:aws:dynamodb:us-east-1:{id}:table/{name}"),
            ],
            None,
        )];
        statements.extend(
            (!plan.roles[role].grants.is_empty())
                .then(|| assume_statement(plan, &plan.roles[role].grants, config, rng))
                .flatten(),
        );
        let mut managed: Vec<String> = Vec::new();
        if local < ADMIN_ROLES {
            managed.push(ADMIN_ARN.into());
        } else {
            if rng.chance(0.2) {
                managed.push(READ_ONLY_ARN.into());
            }
            if rng.chance(0.1) {
                managed.push(policy_arn("developer-base"));
            }
        }
        let service = matches!(plan.roles[role].trust, Trust::Service("ec2.amazonaws.com"));
        let mut members = vec![
            ("Path", s("/")),
            ("RoleName", s(name.clone())),
            ("RoleId", s(unique_id("AROA", rng))),
            ("Arn", s(role_arn(plan, role, config))),
            ("CreateDate", s(date(rng))),
            (
                "AssumeRolePolicyDocument",
                trust_document(plan, role, config, rng),
            ),
            (
                "InstanceProfileList",
                J::Arr(if service {
                    vec![obj(vec![
                        ("Path", s("/")),
                        ("InstanceProfileName", s(name.clone())),
                        ("InstanceProfileId", s(unique_id("AIPA", rng))),
                        (
                            "Arn",
                            s(format!("arn:aws:iam::{id}:instance-profile/{name}")),
                        ),
                        ("CreateDate", s(date(rng))),
                        ("Roles", J::Arr(Vec::new())),
                    ])]
                } else {
                    Vec::new()
                }),
            ),
            (
                "RolePolicyList",
                J::Arr(vec![inline(format!("{name}-access"), document(statements))]),
            ),
            ("AttachedManagedPolicies", attached(&managed)),
        ];
        if local >= ADMIN_ROLES && rng.chance(0.05) {
            members.push(("PermissionsBoundary", boundary(&boundary_arn)));
        }
        members.push((
            "Tags",
            J::Arr(vec![obj(vec![
                ("Key", s("team")),
                ("Value", s(format!("team-{:02}", rng.below(TEAMS)))),
            ])]),
        ));
        members.push((
            "MaxSessionDuration",
            J::Num(if rng.chance(0.2) { 43_200 } else { 3_600 }),
        ));
        members.push((
            "RoleLastUsed",
            if rng.chance(0.7) {
                obj(vec![
                    ("LastUsedDate", s(date(rng))),
                    ("Region", s("us-east-1")),
                ])
            } else {
                obj(Vec::new())
            },
        ));
        roles.push(obj(members));
    }
    AccountDump {
        users,
        groups,
        roles,
        policies,
    }
}

/// Splits `items` into `pages` nearly equal runs.
fn split(items: Vec<J>, pages: usize) -> Vec<Vec<J>> {
    let per_page = items.len().div_ceil(pages).max(1);
    let mut out: Vec<Vec<J>> = (0..pages).map(|_| Vec::new()).collect();
    for (i, item) in items.into_iter().enumerate() {
        out[(i / per_page).min(pages - 1)].push(item);
    }
    out
}

/// Writes the inventory under `out` (created if missing) and returns what it wrote.
pub fn generate(config: &Config, out: &Path) -> std::io::Result<Stats> {
    assert!(config.accounts > 0, "at least one account");
    std::fs::create_dir_all(out)?;
    let mut rng = Rng::new(config.seed);
    let plan = plan(config, &mut rng);
    let mut stats = Stats::default();
    for account in 0..config.accounts {
        let mut rng = Rng::new(config.seed.wrapping_add(1 + account as u64));
        let dump = account_dump(&plan, account, config, &mut rng);
        let total = dump.users.len() + dump.groups.len() + dump.roles.len() + dump.policies.len();
        let pages = total.div_ceil(config.page_size.max(1)).max(1);
        let mut users = split(dump.users, pages).into_iter();
        let mut groups = split(dump.groups, pages).into_iter();
        let mut roles = split(dump.roles, pages).into_iter();
        let mut policies = split(dump.policies, pages).into_iter();
        for page in 0..pages {
            let mut members = vec![
                ("UserDetailList", J::Arr(users.next().unwrap_or_default())),
                ("GroupDetailList", J::Arr(groups.next().unwrap_or_default())),
                ("RoleDetailList", J::Arr(roles.next().unwrap_or_default())),
                ("Policies", J::Arr(policies.next().unwrap_or_default())),
            ];
            let last = page + 1 == pages;
            members.push(("IsTruncated", J::Bool(!last)));
            if !last {
                members.push((
                    "Marker",
                    s(format!("EXAMPLE{:016x}{:016x}", rng.next(), rng.next())),
                ));
            }
            let mut text = String::new();
            obj(members).write(&mut text, 0);
            text.push('\n');
            let path: PathBuf = if pages == 1 {
                out.join(format!("{}.json", plan.accounts[account]))
            } else {
                out.join(format!(
                    "{}-page-{:03}.json",
                    plan.accounts[account],
                    page + 1
                ))
            };
            let mut file = std::io::BufWriter::new(std::fs::File::create(&path)?);
            file.write_all(text.as_bytes())?;
            file.flush()?;
            stats.files += 1;
            stats.bytes += text.len() as u64;
        }
    }
    Ok(stats)
}

#[allow(dead_code)]
fn main() {
    let mut config = Config::default();
    let mut out: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    let usage = "usage: generate_inventory [--accounts N] [--roles N] [--users N] [--seed N] \
                 [--page-size N] --out DIR";
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next().unwrap_or_else(|| {
                eprintln!("{arg} needs a value\n{usage}");
                std::process::exit(2)
            })
        };
        let number = |text: String| -> usize {
            text.replace('_', "").parse().unwrap_or_else(|_| {
                eprintln!("not a number: {text}\n{usage}");
                std::process::exit(2)
            })
        };
        match arg.as_str() {
            "--accounts" => config.accounts = number(value()).max(1),
            "--roles" => config.roles = number(value()),
            "--users" => config.users = number(value()),
            "--seed" => config.seed = number(value()) as u64,
            "--page-size" => config.page_size = number(value()).max(1),
            "--out" => out = Some(PathBuf::from(value())),
            "-h" | "--help" => {
                println!("{usage}");
                return;
            }
            other => {
                eprintln!("unknown argument {other}\n{usage}");
                std::process::exit(2)
            }
        }
    }
    let Some(out) = out else {
        eprintln!("{usage}");
        std::process::exit(2)
    };
    match generate(&config, &out) {
        Ok(stats) => eprintln!(
            "wrote {} files ({:.1} MB): {} accounts, {} roles, {} users to {}",
            stats.files,
            stats.bytes as f64 / 1e6,
            config.accounts,
            config.roles,
            config.users,
            out.display()
        ),
        Err(error) => {
            eprintln!("cannot write {}: {error}", out.display());
            std::process::exit(1)
        }
    }
}
