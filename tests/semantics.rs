//! The evaluation engine against AWS-SEMANTICS.md: one test per fact, named after it.
//!
//! Policies are written as JSON text and lowered through the public API, exactly as a rule
//! sees them. Every test cites the AWS page the fact comes from. Shorthand in the comments:
//!
//! * OPERATORS = <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html>
//! * CONDITION = <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html>
//! * LOGIC = <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html>
//! * SETS = <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html>
//! * GLOBAL-KEYS = <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html>
//! * STS-KEYS = <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html>
//! * ACTION = <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html>
//! * NOTACTION = <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html>
//! * PRINCIPAL = <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html>

use trustlint::eval::Tri;
use trustlint::eval::action::{ASSUME_ACTIONS, TRUST_ACTIONS, covers, covers_any};
use trustlint::eval::condition::{
    BaseOp, KeyState, Operator, Request, SetOp, evaluate, evaluate_all,
};
use trustlint::eval::principal::{CallerScope, admits_any_aws_principal, caller_scope};
use trustlint::model::arn::{AwsPrincipal, classify_aws_principal};
use trustlint::model::{Clause, Document, Effect, SVal, Statement, Val, ValueList};
use trustlint::source::Span;
use trustlint::syntax::json::{Dialect, parse};
use trustlint::syntax::policy::{KindHint, lower_policy};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn document(text: &str) -> Document {
    let node = parse(text, 0, Dialect::Strict)
        .unwrap_or_else(|e| panic!("test policy is not JSON ({}): {text}", e.message));
    let document = lower_policy(node, KindHint::Infer, None);
    assert!(
        document.shape_errors.is_empty(),
        "test policy has shape errors {:?}: {text}",
        document.shape_errors
    );
    document
}

/// A one-statement trust policy: Allow `sts:AssumeRole` to `{"AWS": "*"}` under `condition`.
fn trust_with_condition(condition: &str) -> Document {
    document(&format!(
        r#"{{"Version": "2012-10-17", "Statement": [{{"Effect": "Allow", "Principal": {{"AWS": "*"}}, "Action": "sts:AssumeRole", "Condition": {condition}}}]}}"#
    ))
}

/// The clauses of a condition block, as the lowering produces them.
fn clauses(condition: &str) -> Vec<Clause> {
    trust_with_condition(condition).statements[0]
        .clauses()
        .to_vec()
}

/// The single clause of a condition block.
fn clause(condition: &str) -> Clause {
    let mut all = clauses(condition);
    assert_eq!(all.len(), 1, "expected one clause in {condition}");
    all.remove(0)
}

/// Evaluates a whole condition block against a request.
fn holds(condition: &str, request: &Request) -> Tri {
    evaluate_all(&clauses(condition), request)
}

fn absent(key: &str) -> Request {
    Request::default().with(key, KeyState::Absent)
}

fn present(key: &str, value: &str) -> Request {
    Request::default().with(key, KeyState::Present(vec![value.to_string()]))
}

fn present_many(key: &str, values: &[&str]) -> Request {
    Request::default().with(
        key,
        KeyState::Present(values.iter().map(|v| v.to_string()).collect()),
    )
}

/// Whether any Allow statement of `document` grants `action` for `request`, ignoring Deny:
/// statements are ORed, and a statement applies when its action matches and its condition
/// block holds.
fn some_allow_grants(document: &Document, action: &str, request: &Request) -> Tri {
    Tri::any(
        document
            .statements
            .iter()
            .filter(|s| s.effect() == Some(Effect::Allow))
            .map(|s| covers(s, action).and(evaluate_all(s.clauses(), request))),
    )
}

/// Whether a Deny statement of `document` applies to `action` for `request`.
fn some_deny_applies(document: &Document, action: &str, request: &Request) -> Tri {
    Tri::any(
        document
            .statements
            .iter()
            .filter(|s| s.effect() == Some(Effect::Deny))
            .map(|s| covers(s, action).and(evaluate_all(s.clauses(), request))),
    )
}

/// The caller scope of the first statement of a trust policy made of `statements`.
fn scope(statements: &str) -> CallerScope {
    let document = document(&format!(
        r#"{{"Version": "2012-10-17", "Statement": [{statements}]}}"#
    ));
    caller_scope(&document.statements[0], &document)
}

/// An Allow of `sts:AssumeRole` to `{"AWS": "*"}` with the given condition block.
fn allow_any_with(condition: &str) -> String {
    format!(
        r#"{{"Effect": "Allow", "Principal": {{"AWS": "*"}}, "Action": "sts:AssumeRole", "Condition": {condition}}}"#
    )
}

fn op(text: &str) -> Operator {
    Operator::parse(text).unwrap_or_else(|| panic!("{text} should parse"))
}

fn value_list(values: Vec<Val>) -> ValueList {
    let span = Span::file_start(0);
    ValueList {
        key_span: span,
        span,
        values: values
            .into_iter()
            .map(|value| SVal { value, span })
            .collect(),
    }
}

fn actions(values: &[&str]) -> ValueList {
    value_list(values.iter().map(|v| Val::Known(v.to_string())).collect())
}

const ORG: &str = "o-a1b2c3d4e5";

// ---------------------------------------------------------------------------------------------
// §5 Missing keys, IfExists, Null
// ---------------------------------------------------------------------------------------------

/// OPERATORS, "Important": "If the key that you specify in a policy condition is not present
/// in the request context, the values do not match and the condition is false."
#[test]
fn missing_key_makes_positive_operator_false() {
    for condition in [
        r#"{"StringEquals": {"sts:ExternalId": "Example-1234"}}"#,
        r#"{"StringEqualsIgnoreCase": {"sts:ExternalId": "example-1234"}}"#,
        r#"{"StringLike": {"sts:ExternalId": "*"}}"#,
        r#"{"ArnLike": {"sts:ExternalId": "arn:aws:iam::111122223333:role/*"}}"#,
        r#"{"ArnEquals": {"sts:ExternalId": "arn:aws:iam::111122223333:role/x"}}"#,
        r#"{"NumericLessThanEquals": {"sts:ExternalId": "3600"}}"#,
        r#"{"DateLessThan": {"sts:ExternalId": "2030-01-01T00:00:00Z"}}"#,
        r#"{"Bool": {"sts:ExternalId": "true"}}"#,
        r#"{"IpAddress": {"sts:ExternalId": "203.0.113.0/24"}}"#,
    ] {
        assert_eq!(
            holds(condition, &absent("sts:ExternalId")),
            Tri::No,
            "{condition}"
        );
        assert!(
            op(&clause(condition).operator.value).is_positive(),
            "{condition}"
        );
    }
}

/// OPERATORS, "Important": "If the policy condition requires that the key is not matched,
/// such as StringNotLike or ArnNotLike, and the right key is not present, the condition is
/// true."
#[test]
fn missing_key_makes_not_operator_true() {
    for condition in [
        r#"{"StringNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/evil"}}"#,
        r#"{"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:*"}}"#,
        r#"{"StringNotEquals": {"aws:PrincipalArn": "x"}}"#,
        r#"{"StringNotEqualsIgnoreCase": {"aws:PrincipalArn": "x"}}"#,
        r#"{"ArnNotEquals": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/x"}}"#,
        r#"{"NumericNotEquals": {"aws:PrincipalArn": "1"}}"#,
        r#"{"DateNotEquals": {"aws:PrincipalArn": "2030-01-01"}}"#,
        r#"{"NotIpAddress": {"aws:PrincipalArn": "203.0.113.0/24"}}"#,
    ] {
        assert_eq!(
            holds(condition, &absent("aws:PrincipalArn")),
            Tri::Yes,
            "{condition}"
        );
        let operator = op(&clause(condition).operator.value);
        assert!(
            operator.is_negated() && !operator.is_positive(),
            "{condition}"
        );
    }
}

/// OPERATORS, "...IfExists condition operators": "If the key is not present, evaluate the
/// condition element as true" — and when the key is present the check runs as usual.
#[test]
fn if_exists_makes_absent_key_true() {
    let condition = r#"{"StringEqualsIfExists": {"sts:ExternalId": "Example-1234"}}"#;
    assert_eq!(holds(condition, &absent("sts:ExternalId")), Tri::Yes);
    assert_eq!(
        holds(condition, &present("sts:ExternalId", "Example-1234")),
        Tri::Yes
    );
    assert_eq!(
        holds(condition, &present("sts:ExternalId", "other")),
        Tri::No
    );
    assert!(!op("StringEqualsIfExists").is_positive());
}

/// OPERATORS, "Condition operator to check existence of condition keys": `Null` tests
/// presence, and `Null` is the one operator that cannot take `IfExists` (Access Analyzer
/// ERROR "Null with if exists", <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>).
#[test]
fn null_cannot_take_if_exists() {
    assert!(Operator::parse("NullIfExists").is_none());
    assert!(Operator::parse("ForAllValues:Null").is_none());
    assert!(Operator::parse("ForAnyValue:Null").is_none());
    // An operator AWS does not define is never evaluated as true.
    let invalid = r#"{"NullIfExists": {"sts:ExternalId": "true"}}"#;
    assert_eq!(holds(invalid, &absent("sts:ExternalId")), Tri::Unknown);
}

/// OPERATORS, "Condition operator to check existence of condition keys": `"Null": {"k":
/// "true"}` holds when the key is absent, `"false"` when it is present.
#[test]
fn null_tests_presence_of_the_key() {
    let key_absent = r#"{"Null": {"sts:ExternalId": "true"}}"#;
    let key_present = r#"{"Null": {"sts:ExternalId": "false"}}"#;
    assert_eq!(holds(key_absent, &absent("sts:ExternalId")), Tri::Yes);
    assert_eq!(holds(key_absent, &present("sts:ExternalId", "x")), Tri::No);
    assert_eq!(holds(key_present, &absent("sts:ExternalId")), Tri::No);
    assert_eq!(
        holds(key_present, &present("sts:ExternalId", "x")),
        Tri::Yes
    );
    // A JSON boolean means the same as the string.
    let boolean = r#"{"Null": {"sts:ExternalId": true}}"#;
    assert_eq!(holds(boolean, &absent("sts:ExternalId")), Tri::Yes);
    assert!(!op("Null").is_positive());
}

/// DESIGN §1.4: what the request carries is unknown unless stated. An unmentioned key is
/// unknown, never "absent", so no verdict is guessed from it.
#[test]
fn unmentioned_key_is_unknown_not_absent() {
    for condition in [
        r#"{"StringEquals": {"sts:ExternalId": "x"}}"#,
        r#"{"StringNotEquals": {"sts:ExternalId": "x"}}"#,
        r#"{"StringEqualsIfExists": {"sts:ExternalId": "x"}}"#,
        r#"{"Null": {"sts:ExternalId": "true"}}"#,
        r#"{"ForAllValues:StringEquals": {"aws:TagKeys": "x"}}"#,
    ] {
        assert_eq!(
            holds(condition, &Request::default()),
            Tri::Unknown,
            "{condition}"
        );
    }
}

/// AWS-SEMANTICS §5, consequence of OPERATORS "Important" and "...IfExists": in an Allow,
/// `StringEqualsIfExists`, `StringNotEquals` and `ArnNotLike` on a key the caller can leave
/// out restrict nothing — the caller who omits the key passes.
#[test]
fn if_exists_or_not_operator_on_optional_key_restricts_nothing() {
    for condition in [
        r#"{"StringEqualsIfExists": {"sts:ExternalId": "Example-1234"}}"#,
        r#"{"StringNotEquals": {"sts:ExternalId": "wrong"}}"#,
        r#"{"ArnNotLike": {"sts:SourceIdentity": "arn:aws:iam::*:user/intruder"}}"#,
    ] {
        let clause = clause(condition);
        let request = absent(&clause.key.value);
        assert_eq!(evaluate(&clause, &request), Tri::Yes, "{condition}");
        assert!(!op(&clause.operator.value).is_positive(), "{condition}");
    }
}

// ---------------------------------------------------------------------------------------------
// §5 Case of keys and values
// ---------------------------------------------------------------------------------------------

/// CONDITION: "Context key names are not case-sensitive. For example, including the
/// aws:SourceIP context key is equivalent to testing for AWS:SourceIp."
#[test]
fn key_names_are_case_insensitive() {
    let upper_in_policy = r#"{"StringEquals": {"STS:EXTERNALID": "Example-1234"}}"#;
    assert_eq!(
        holds(upper_in_policy, &present("sts:ExternalId", "Example-1234")),
        Tri::Yes
    );
    let lower_in_policy = r#"{"IpAddress": {"aws:sourceip": "203.0.113.0/24"}}"#;
    assert_eq!(
        holds(lower_in_policy, &present("AWS:SourceIP", "203.0.113.7")),
        Tri::Yes
    );
    assert_eq!(
        holds(
            lower_in_policy,
            &Request::default().with("AWS:SOURCEIP", KeyState::Absent)
        ),
        Tri::No
    );
}

/// CONDITION: "Case-sensitivity of context key values depends on the condition operator";
/// OPERATORS, "String condition operators": `StringEquals` is an "exact matching, case
/// sensitive", `StringEqualsIgnoreCase` an "exact matching, ignoring case".
#[test]
fn string_equals_is_case_sensitive_ignore_case_is_not() {
    let request = present("aws:PrincipalTag/team", "Platform");
    let sensitive = r#"{"StringEquals": {"aws:PrincipalTag/team": "platform"}}"#;
    let insensitive = r#"{"StringEqualsIgnoreCase": {"aws:PrincipalTag/team": "platform"}}"#;
    assert_eq!(holds(sensitive, &request), Tri::No);
    assert_eq!(holds(insensitive, &request), Tri::Yes);
    let not_sensitive = r#"{"StringNotEquals": {"aws:PrincipalTag/team": "platform"}}"#;
    let not_insensitive = r#"{"StringNotEqualsIgnoreCase": {"aws:PrincipalTag/team": "platform"}}"#;
    assert_eq!(holds(not_sensitive, &request), Tri::Yes);
    assert_eq!(holds(not_insensitive, &request), Tri::No);
}

/// OPERATORS, "String condition operators": `StringLike` is a "case-sensitive match".
#[test]
fn string_like_is_case_sensitive() {
    let condition =
        r#"{"StringLike": {"token.actions.githubusercontent.com:sub": "repo:MyOrg/*"}}"#;
    let key = "token.actions.githubusercontent.com:sub";
    assert_eq!(
        holds(
            condition,
            &present(key, "repo:MyOrg/app:ref:refs/heads/main")
        ),
        Tri::Yes
    );
    assert_eq!(
        holds(
            condition,
            &present(key, "repo:myorg/app:ref:refs/heads/main")
        ),
        Tri::No
    );
}

// ---------------------------------------------------------------------------------------------
// §5 Wildcards
// ---------------------------------------------------------------------------------------------

/// OPERATORS, "String condition operators": only `StringLike`/`StringNotLike` take `*` and `?`;
/// `StringEquals` compares literally (Access Analyzer General Warning "Wildcard without like
/// operator"; CircleCI-Public/server-terraform PR #291).
#[test]
fn string_equals_treats_wildcards_literally() {
    let key = "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE:sub";
    let equals = format!(r#"{{"StringEquals": {{"{key}": "system:serviceaccount:ci:*"}}}}"#);
    let like = format!(r#"{{"StringLike": {{"{key}": "system:serviceaccount:ci:*"}}}}"#);
    let sa = present(key, "system:serviceaccount:ci:runner");
    assert_eq!(holds(&equals, &sa), Tri::No);
    assert_eq!(holds(&like, &sa), Tri::Yes);
    // The literal text matches itself.
    assert_eq!(
        holds(&equals, &present(key, "system:serviceaccount:ci:*")),
        Tri::Yes
    );
    // `?` is literal too.
    let question = format!(r#"{{"StringEquals": {{"{key}": "a?c"}}}}"#);
    assert_eq!(holds(&question, &present(key, "abc")), Tri::No);
    assert!(!BaseOp::StringEquals.takes_wildcards());
    assert!(!BaseOp::StringNotEquals.takes_wildcards());
    assert!(!BaseOp::StringEqualsIgnoreCase.takes_wildcards());
    assert!(BaseOp::StringLike.takes_wildcards());
    assert!(BaseOp::StringNotLike.takes_wildcards());
}

/// OPERATORS, "String condition operators": in `StringLike` "values can include multi-character
/// match wildcards (*) and single-character match wildcards (?) anywhere in the string".
#[test]
fn string_like_star_matches_any_run_and_question_mark_one_character() {
    let key = "aws:PrincipalTag/team";
    let condition = format!(r#"{{"StringLike": {{"{key}": "ops-??-*"}}}}"#);
    assert_eq!(holds(&condition, &present(key, "ops-eu-west")), Tri::Yes);
    assert_eq!(holds(&condition, &present(key, "ops-eu-")), Tri::Yes);
    assert_eq!(holds(&condition, &present(key, "ops-e-west")), Tri::No);
    assert_eq!(holds(&condition, &present(key, "xops-eu-west")), Tri::No);
}

/// OPERATORS, "Amazon Resource Name (ARN) condition operators": `ArnEquals` and `ArnLike`
/// behave the same, a "case-sensitive matching of the ARN. Each of the six colon-delimited
/// components of the ARN is checked separately and each can include multi-character match
/// wildcards (*) or single-character match wildcards (?)".
#[test]
fn arn_equals_behaves_like_arn_like() {
    let request = present(
        "aws:PrincipalArn",
        "arn:aws:iam::111122223333:role/ci/deploy",
    );
    for operator in ["ArnEquals", "ArnLike"] {
        for (pattern, expected) in [
            ("arn:aws:iam::111122223333:role/*", Tri::Yes),
            ("arn:aws:iam::111122223333:role/ci/deplo?", Tri::Yes),
            ("arn:aws:iam::*:role/ci/deploy", Tri::Yes),
            ("arn:aws:iam::111122223333:role/ci/deploy", Tri::Yes),
            ("arn:aws:iam::444455556666:role/*", Tri::No),
        ] {
            let condition = format!(r#"{{"{operator}": {{"aws:PrincipalArn": "{pattern}"}}}}"#);
            assert_eq!(holds(&condition, &request), expected, "{condition}");
        }
    }
    for base in [
        BaseOp::ArnEquals,
        BaseOp::ArnLike,
        BaseOp::ArnNotEquals,
        BaseOp::ArnNotLike,
    ] {
        assert!(base.takes_wildcards(), "{base:?}");
    }
    // The negated forms behave alike as well.
    for operator in ["ArnNotEquals", "ArnNotLike"] {
        let condition = format!(
            r#"{{"{operator}": {{"aws:PrincipalArn": "arn:aws:iam::111122223333:role/*"}}}}"#
        );
        assert_eq!(holds(&condition, &request), Tri::No, "{condition}");
    }
}

/// OPERATORS, ARN operators: "Each of the six colon-delimited components of the ARN is checked
/// separately", so a `*` never swallows a `:` separator and a pattern with fewer parts matches
/// nothing.
#[test]
fn arn_wildcards_stay_inside_their_colon_separated_part() {
    let request = present("aws:SourceArn", "arn:aws:s3:::my-bucket");
    let whole_prefix = r#"{"ArnLike": {"aws:SourceArn": "arn:aws:*"}}"#;
    assert_eq!(holds(whole_prefix, &request), Tri::No);
    let per_part = r#"{"ArnLike": {"aws:SourceArn": "arn:aws:s3:*:*:my-*"}}"#;
    assert_eq!(holds(per_part, &request), Tri::Yes);
    // The resource part keeps its own colons.
    let with_colons = present(
        "aws:SourceArn",
        "arn:aws:logs:us-east-1:111122223333:log-group:app:*",
    );
    let logs =
        r#"{"ArnLike": {"aws:SourceArn": "arn:aws:logs:us-east-1:111122223333:log-group:*"}}"#;
    assert_eq!(holds(logs, &with_colons), Tri::Yes);
}

/// OPERATORS, ARN operators: "Case-sensitive matching of the ARN".
#[test]
fn arn_like_is_case_sensitive() {
    let request = present("aws:PrincipalArn", "arn:aws:iam::111122223333:role/Deploy");
    let condition = r#"{"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/deploy"}}"#;
    assert_eq!(holds(condition, &request), Tri::No);
}

// ---------------------------------------------------------------------------------------------
// §5 Logic of a condition block
// ---------------------------------------------------------------------------------------------

/// LOGIC: "If a single condition operator includes multiple values for a context key, those
/// values are evaluated using a logical OR."
#[test]
fn values_of_one_key_are_ored() {
    let condition =
        r#"{"StringEquals": {"aws:PrincipalAccount": ["111122223333", "444455556666"]}}"#;
    let clause = clause(condition);
    assert_eq!(clause.values.len(), 2);
    assert_eq!(
        holds(condition, &present("aws:PrincipalAccount", "444455556666")),
        Tri::Yes
    );
    assert_eq!(
        holds(condition, &present("aws:PrincipalAccount", "111122223333")),
        Tri::Yes
    );
    assert_eq!(
        holds(condition, &present("aws:PrincipalAccount", "777788889999")),
        Tri::No
    );
}

/// LOGIC: "If a single negated matching condition operator includes multiple values for a
/// context key, those values are evaluated using a logical NOR."
#[test]
fn values_of_a_negated_operator_are_nored() {
    let condition =
        r#"{"StringNotEquals": {"aws:PrincipalAccount": ["111122223333", "444455556666"]}}"#;
    assert_eq!(
        holds(condition, &present("aws:PrincipalAccount", "444455556666")),
        Tri::No
    );
    assert_eq!(
        holds(condition, &present("aws:PrincipalAccount", "111122223333")),
        Tri::No
    );
    assert_eq!(
        holds(condition, &present("aws:PrincipalAccount", "777788889999")),
        Tri::Yes
    );
}

/// LOGIC: "If your policy statement has multiple condition operators, the condition operators
/// are evaluated using a logical AND. If your policy statement has multiple context keys
/// attached to a single condition operator, the context keys are evaluated using a logical
/// AND."
#[test]
fn keys_and_operators_are_anded() {
    let condition = r#"{
        "StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5", "sts:ExternalId": "Example-1234"},
        "Bool": {"aws:MultiFactorAuthPresent": "true"}
    }"#;
    assert_eq!(clauses(condition).len(), 3);
    let all = Request::default()
        .with("aws:PrincipalOrgID", KeyState::Present(vec![ORG.into()]))
        .with(
            "sts:ExternalId",
            KeyState::Present(vec!["Example-1234".into()]),
        )
        .with(
            "aws:MultiFactorAuthPresent",
            KeyState::Present(vec!["true".into()]),
        );
    assert_eq!(holds(condition, &all), Tri::Yes);
    // One false key under the first operator makes the block false.
    let wrong_id = all
        .clone()
        .with("sts:ExternalId", KeyState::Present(vec!["other".into()]));
    assert_eq!(holds(condition, &wrong_id), Tri::No);
    // One false operator makes the block false.
    let no_mfa = all.with("aws:MultiFactorAuthPresent", KeyState::Absent);
    assert_eq!(holds(condition, &no_mfa), Tri::No);
}

/// LOGIC ("All context keys in a condition element block must resolve to true") with the
/// engine's three values: a false clause decides the block even when another is unknown.
#[test]
fn a_false_clause_decides_the_block_even_beside_an_unknown_one() {
    let condition =
        r#"{"StringEquals": {"sts:ExternalId": "x", "aws:PrincipalOrgID": "o-a1b2c3d4e5"}}"#;
    let request = absent("sts:ExternalId"); // aws:PrincipalOrgID stays unknown
    assert_eq!(holds(condition, &request), Tri::No);
    let request = present("sts:ExternalId", "x");
    assert_eq!(holds(condition, &request), Tri::Unknown);
}

/// AWS-SEMANTICS §5 "Statements are ORed, so a conditioned Allow is widened, not narrowed, by
/// another unconditioned Allow for the same principal" (terraform-aws-modules/
/// terraform-aws-lambda PR #771; policy evaluation: an allow in any statement allows,
/// <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html>).
#[test]
fn statements_are_ored_so_an_unconditioned_allow_widens_a_conditioned_one() {
    let conditioned_only = document(
        r#"{"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole",
             "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}
        ]}"#,
    );
    let with_unconditioned = document(
        r#"{"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole",
             "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}},
            {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}
        ]}"#,
    );
    let stranger = present("aws:SourceAccount", "444455556666");
    assert_eq!(
        some_allow_grants(&conditioned_only, "sts:AssumeRole", &stranger),
        Tri::No
    );
    assert_eq!(
        some_allow_grants(&with_unconditioned, "sts:AssumeRole", &stranger),
        Tri::Yes
    );
}

// ---------------------------------------------------------------------------------------------
// §5 Set operators
// ---------------------------------------------------------------------------------------------

/// SETS, "ForAllValues": the condition "also returns true if there are no context keys in the
/// request" — or an empty value set (examples page: "a missing context key or a context key
/// with an empty value evaluates to true").
#[test]
fn for_all_values_with_missing_key_is_true() {
    let condition = r#"{"ForAllValues:StringEquals": {"aws:TagKeys": ["team", "env"]}}"#;
    assert_eq!(holds(condition, &absent("aws:TagKeys")), Tri::Yes);
    assert_eq!(
        holds(condition, &present_many("aws:TagKeys", &[])),
        Tri::Yes
    );
    assert!(!op("ForAllValues:StringEquals").is_positive());
}

/// SETS, "ForAnyValue": true only if at least one request value matches, so a missing key (or
/// an empty set) is false. re:Post "ForAnyValue:StringEqualsIfExists behaving unexpectedly"
/// (<https://repost.aws/questions/QU9HFmDzP0QGuU-fd7rS6B7w>): "if there is no matching context
/// key or the dataset is null, the condition returns false".
#[test]
fn for_any_value_with_missing_key_is_false() {
    let condition = r#"{"ForAnyValue:StringEquals": {"aws:TagKeys": ["team", "env"]}}"#;
    assert_eq!(holds(condition, &absent("aws:TagKeys")), Tri::No);
    assert_eq!(holds(condition, &present_many("aws:TagKeys", &[])), Tri::No);
    assert!(op("ForAnyValue:StringEquals").is_positive());
}

/// The same re:Post thread: an Allow with `ForAnyValue:StringEqualsIfExists` on `aws:TagKeys`
/// denied a request that carried no tags — the set operator does not honour `IfExists` for a
/// missing key (cloud-copilot/iam-simulate `forAnyValueMatch` encodes the same). Engine bug
/// fixed here: it used to evaluate this as true.
#[test]
fn for_any_value_ignores_if_exists_on_a_missing_key() {
    let condition = r#"{"ForAnyValue:StringEqualsIfExists": {"aws:TagKeys": "team"}}"#;
    assert_eq!(holds(condition, &absent("aws:TagKeys")), Tri::No);
    assert_eq!(
        holds(condition, &present_many("aws:TagKeys", &["team"])),
        Tri::Yes
    );
    assert!(op("ForAnyValue:StringEqualsIfExists").is_positive());
    // ForAllValues is true on a missing key either way.
    let all = r#"{"ForAllValues:StringEqualsIfExists": {"aws:TagKeys": "team"}}"#;
    assert_eq!(holds(all, &absent("aws:TagKeys")), Tri::Yes);
}

/// SETS, "ForAllValues": "returns true if every context key value in the request matches at
/// least one context key value in the policy".
#[test]
fn for_all_values_needs_every_request_value_to_match_some_policy_value() {
    let condition = r#"{"ForAllValues:StringEquals": {"aws:TagKeys": ["team", "env"]}}"#;
    assert_eq!(
        holds(condition, &present_many("aws:TagKeys", &["env", "team"])),
        Tri::Yes
    );
    assert_eq!(
        holds(condition, &present_many("aws:TagKeys", &["team"])),
        Tri::Yes
    );
    assert_eq!(
        holds(condition, &present_many("aws:TagKeys", &["team", "owner"])),
        Tri::No
    );
}

/// SETS, "ForAnyValue": "returns true if any one of the context key values in the request
/// matches any one of the context key values in the policy".
#[test]
fn for_any_value_needs_one_request_value_to_match() {
    let condition =
        r#"{"ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:amr": "authenticated"}}"#;
    let key = "cognito-identity.amazonaws.com:amr";
    assert_eq!(
        holds(
            condition,
            &present_many(key, &["authenticated", "graph.facebook.com"])
        ),
        Tri::Yes
    );
    assert_eq!(
        holds(condition, &present_many(key, &["unauthenticated"])),
        Tri::No
    );
}

// ---------------------------------------------------------------------------------------------
// §5 Keys on AssumeRole requests
// ---------------------------------------------------------------------------------------------

/// STS-KEYS, `sts:DurationSeconds`: "not present for AWS STS assume-role operations" (AWS-
/// SEMANTICS §5; the live page was not reachable from the docs index used to write this test).
/// A positive condition on it is false for every AssumeRole call: the statement is dead.
/// With `IfExists` it holds, so the statement lives.
#[test]
fn duration_seconds_never_present_makes_statement_dead() {
    let assume_role = absent("sts:DurationSeconds");
    let dead = r#"{"NumericLessThanEquals": {"sts:DurationSeconds": "3600"}}"#;
    assert_eq!(holds(dead, &assume_role), Tri::No);
    let document = trust_with_condition(dead);
    assert_eq!(
        some_allow_grants(&document, "sts:AssumeRole", &assume_role),
        Tri::No
    );
    let alive = r#"{"NumericLessThanEqualsIfExists": {"sts:DurationSeconds": "3600"}}"#;
    assert_eq!(holds(alive, &assume_role), Tri::Yes);
}

/// GLOBAL-KEYS, `aws:MultiFactorAuthPresent`: the key is "not present in … requests that are
/// made using long-term credentials", so an Allow with `BoolIfExists … "true"` admits a
/// long-term access key without MFA (knowledge center "mfa-iam-user-aws-cli",
/// <https://repost.aws/knowledge-center/mfa-iam-user-aws-cli>).
#[test]
fn bool_if_exists_mfa_admits_long_term_keys() {
    let document =
        trust_with_condition(r#"{"BoolIfExists": {"aws:MultiFactorAuthPresent": "true"}}"#);
    let long_term_key = absent("aws:MultiFactorAuthPresent");
    assert_eq!(
        some_allow_grants(&document, "sts:AssumeRole", &long_term_key),
        Tri::Yes
    );
    let session_without_mfa = present("aws:MultiFactorAuthPresent", "false");
    assert_eq!(
        some_allow_grants(&document, "sts:AssumeRole", &session_without_mfa),
        Tri::No
    );
}

/// The correct form (RULES.md TL207 FP-trap): Allow + `Bool … "true"` refuses long-term keys,
/// since a missing key makes `Bool` false (OPERATORS "Important").
#[test]
fn allow_bool_true_mfa_refuses_long_term_keys() {
    let document = trust_with_condition(r#"{"Bool": {"aws:MultiFactorAuthPresent": "true"}}"#);
    assert_eq!(
        some_allow_grants(
            &document,
            "sts:AssumeRole",
            &absent("aws:MultiFactorAuthPresent")
        ),
        Tri::No
    );
    assert_eq!(
        some_allow_grants(
            &document,
            "sts:AssumeRole",
            &present("aws:MultiFactorAuthPresent", "true")
        ),
        Tri::Yes
    );
}

/// <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_ec2_require-mfa.html>:
/// "The condition check for MultiFactorAuthPresent in the Deny statement should not be a
/// {"Bool":{"aws:MultiFactorAuthPresent":false}} because that key is not present and cannot be
/// evaluated when MFA is not used."
#[test]
fn deny_bool_false_does_not_deny_long_term_keys() {
    let document = document(
        r#"{"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole"},
            {"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole",
             "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}}
        ]}"#,
    );
    let long_term_key = absent("aws:MultiFactorAuthPresent");
    assert_eq!(
        some_deny_applies(&document, "sts:AssumeRole", &long_term_key),
        Tri::No
    );
    let session_without_mfa = present("aws:MultiFactorAuthPresent", "false");
    assert_eq!(
        some_deny_applies(&document, "sts:AssumeRole", &session_without_mfa),
        Tri::Yes
    );
}

/// The same page: "use the BoolIfExists check to see whether the key is present before
/// checking its value" — Deny + `BoolIfExists … false` denies long-term keys too.
#[test]
fn deny_bool_if_exists_false_denies_long_term_keys() {
    let document = document(
        r#"{"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole"},
            {"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole",
             "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": false}}}
        ]}"#,
    );
    let long_term_key = absent("aws:MultiFactorAuthPresent");
    assert_eq!(
        some_deny_applies(&document, "sts:AssumeRole", &long_term_key),
        Tri::Yes
    );
    let with_mfa = present("aws:MultiFactorAuthPresent", "true");
    assert_eq!(
        some_deny_applies(&document, "sts:AssumeRole", &with_mfa),
        Tri::No
    );
}

/// STS-KEYS, `sts:ExternalId`: present only when the caller passes one, so `StringEquals`
/// refuses a caller without it ([STS-API] AssumeRole `ExternalId`).
#[test]
fn external_id_string_equals_refuses_a_caller_without_one() {
    let condition = r#"{"StringEquals": {"sts:ExternalId": "Example-1234"}}"#;
    assert_eq!(holds(condition, &absent("sts:ExternalId")), Tri::No);
    assert_eq!(
        holds(condition, &present("sts:ExternalId", "Example-1234")),
        Tri::Yes
    );
}

/// POLICY VARIABLES (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html>):
/// a `${…}` variable is replaced per request, so a static linter cannot tell what it matches.
#[test]
fn policy_variable_in_a_value_is_unknown() {
    let condition = r#"{"StringEquals": {"aws:PrincipalTag/team": "${aws:username}"}}"#;
    assert_eq!(
        holds(condition, &present("aws:PrincipalTag/team", "alice")),
        Tri::Unknown
    );
}

/// OPERATORS: operator names not in the grammar are not operators; the engine never evaluates
/// one as true, and parses prefixes and the `IfExists` suffix.
#[test]
fn operators_parse_with_set_prefix_and_if_exists_suffix() {
    let parsed = op("ForAllValues:StringNotLikeIfExists");
    assert_eq!(parsed.set, SetOp::ForAllValues);
    assert_eq!(parsed.base, BaseOp::StringNotLike);
    assert!(parsed.if_exists && parsed.is_negated());
    assert!(Operator::parse("StringEqualz").is_none());
    assert!(Operator::parse("ForEachValue:StringEquals").is_none());
    let invalid = r#"{"StringEqualz": {"sts:ExternalId": "x"}}"#;
    assert_eq!(
        holds(invalid, &present("sts:ExternalId", "x")),
        Tri::Unknown
    );
}

// ---------------------------------------------------------------------------------------------
// §4 Actions
// ---------------------------------------------------------------------------------------------

/// ACTION: "The prefix and the action name are case insensitive. For example,
/// iam:ListAccessKeys is the same as IAM:listaccesskeys."
#[test]
fn actions_are_case_insensitive() {
    let document = document(
        r#"{"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "STS:assumerole"}
        ]}"#,
    );
    let statement = &document.statements[0];
    assert_eq!(covers(statement, "sts:AssumeRole"), Tri::Yes);
    assert_eq!(covers(statement, "sts:AssumeRoleWithSAML"), Tri::No);
}

/// ACTION: "You can use wildcards (* or ?) as part of the action name", e.g. `iam:*AccessKey*`.
#[test]
fn action_wildcards_cover_every_matching_action() {
    let statement = Statement {
        action: Some(actions(&["sts:Assume*"])),
        ..Statement::default()
    };
    for action in ASSUME_ACTIONS {
        assert_eq!(covers(&statement, action), Tri::Yes, "{action}");
    }
    assert_eq!(covers(&statement, "sts:TagSession"), Tri::No);
    let star = Statement {
        action: Some(actions(&["*"])),
        ..Statement::default()
    };
    for action in TRUST_ACTIONS {
        assert_eq!(covers(&star, action), Tri::Yes, "{action}");
    }
    let question = Statement {
        action: Some(actions(&["sts:AssumeRol?"])),
        ..Statement::default()
    };
    assert_eq!(covers(&question, "sts:AssumeRole"), Tri::Yes);
    assert_eq!(covers(&question, "sts:AssumeRoleWithSAML"), Tri::No);
}

/// NOTACTION: "NotAction is an advanced policy element that explicitly matches everything
/// except the specified list of actions."
#[test]
fn not_action_covers_everything_else() {
    let document = document(
        r#"{"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "NotAction": ["sts:TagSession", "STS:SETSOURCEIDENTITY"]}
        ]}"#,
    );
    let statement = &document.statements[0];
    assert_eq!(covers(statement, "sts:AssumeRole"), Tri::Yes);
    assert_eq!(covers(statement, "sts:AssumeRoleWithWebIdentity"), Tri::Yes);
    assert_eq!(covers(statement, "sts:TagSession"), Tri::No);
    // Case-insensitive in NotAction as well.
    assert_eq!(covers(statement, "sts:SetSourceIdentity"), Tri::No);
    assert_eq!(covers_any(statement, ASSUME_ACTIONS), Tri::Yes);
}

/// ACTION: "Statements must include either an Action or NotAction element"; without one the
/// statement grants nothing.
#[test]
fn statement_without_action_covers_nothing() {
    let statement = Statement::default();
    assert_eq!(covers(&statement, "sts:AssumeRole"), Tri::No);
    assert_eq!(covers_any(&statement, TRUST_ACTIONS), Tri::No);
}

/// DESIGN §1.4: an action that is unknown until deploy time (a Terraform variable) is
/// unknown, whether it sits in `Action` or `NotAction` — unless a known value decides.
#[test]
fn unknown_action_value_is_unknown() {
    let unknown = || Val::Unknown("var.action".into());
    let in_action = Statement {
        action: Some(value_list(vec![unknown()])),
        ..Statement::default()
    };
    assert_eq!(covers(&in_action, "sts:AssumeRole"), Tri::Unknown);
    let in_not_action = Statement {
        not_action: Some(value_list(vec![unknown()])),
        ..Statement::default()
    };
    assert_eq!(covers(&in_not_action, "sts:AssumeRole"), Tri::Unknown);
    let decided = Statement {
        action: Some(value_list(vec![
            unknown(),
            Val::Known("sts:AssumeRole".into()),
        ])),
        ..Statement::default()
    };
    assert_eq!(covers(&decided, "sts:AssumeRole"), Tri::Yes);
    let excluded = Statement {
        not_action: Some(value_list(vec![unknown(), Val::Known("sts:*".into())])),
        ..Statement::default()
    };
    assert_eq!(covers(&excluded, "sts:AssumeRole"), Tri::No);
}

/// AWS-SEMANTICS §4 (STS service authorization reference,
/// <https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html>):
/// trust statements use the three assume calls and the permission-only `sts:TagSession` and
/// `sts:SetSourceIdentity`.
#[test]
fn trust_actions_are_the_assume_calls_plus_tag_session_and_set_source_identity() {
    assert_eq!(
        ASSUME_ACTIONS,
        &[
            "sts:AssumeRole",
            "sts:AssumeRoleWithSAML",
            "sts:AssumeRoleWithWebIdentity"
        ]
    );
    for action in ASSUME_ACTIONS
        .iter()
        .chain(&["sts:TagSession", "sts:SetSourceIdentity"])
    {
        assert!(TRUST_ACTIONS.contains(action), "{action}");
    }
}

// ---------------------------------------------------------------------------------------------
// §3 and §5 Principals and caller scope
// ---------------------------------------------------------------------------------------------

/// PRINCIPAL: `"Principal": "*"` and `{"AWS": "*"}` both name every principal; a named
/// account does not.
#[test]
fn star_principal_in_either_form_admits_any_aws_principal() {
    let document = document(
        r#"{"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"},
            {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"},
            {"Effect": "Allow", "Principal": {"AWS": ["111122223333", "*"]}, "Action": "sts:AssumeRole"},
            {"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"},
            {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}
        ]}"#,
    );
    let admitted: Vec<bool> = document
        .statements
        .iter()
        .map(admits_any_aws_principal)
        .collect();
    assert_eq!(admitted, [true, true, true, false, false]);
}

/// PRINCIPAL, "AWS account principals": "The account ARN and the shortened account ID behave
/// the same way … Using the account ARN in the Principal element does not limit permissions
/// to only the root user."
#[test]
fn account_root_arn_means_the_account() {
    assert_eq!(
        classify_aws_principal("arn:aws:iam::111122223333:root"),
        classify_aws_principal("111122223333")
    );
    assert_eq!(
        classify_aws_principal("111122223333"),
        AwsPrincipal::Account {
            account: "111122223333"
        }
    );
}

/// PRINCIPAL: a user group cannot be a principal.
#[test]
fn user_group_is_never_a_principal() {
    assert!(matches!(
        classify_aws_principal("arn:aws:iam::111122223333:group/admins"),
        AwsPrincipal::Invalid(_)
    ));
}

/// PRINCIPAL: "You cannot use a wildcard to match part of a principal name or ARN."
#[test]
fn partial_wildcard_in_the_account_is_not_a_principal() {
    assert!(matches!(
        classify_aws_principal("arn:aws:iam::*:root"),
        AwsPrincipal::Invalid(_)
    ));
    assert!(matches!(
        classify_aws_principal("arn:aws:iam::1111222233*:role/x"),
        AwsPrincipal::Invalid(_)
    ));
}

/// PRINCIPAL: "You cannot use a wildcard to match part of a principal name or ARN" — also in
/// the name (`role/*`, `user/ci-?`).
#[test]
fn partial_wildcard_in_the_name_is_not_a_principal() {
    for text in [
        "arn:aws:iam::111122223333:role/*",
        "arn:aws:iam::111122223333:user/ci-?",
        "arn:aws:iam::111122223333:role/ops/*",
    ] {
        assert!(
            matches!(classify_aws_principal(text), AwsPrincipal::Invalid(_)),
            "{text}: {:?}",
            classify_aws_principal(text)
        );
    }
}

/// PRINCIPAL ("This is especially true for IAM role trust policies") with no condition:
/// `{"AWS": "*"}` admits every principal in every account.
#[test]
fn aws_star_without_condition_admits_anyone() {
    let statement = r#"{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}"#;
    assert_eq!(scope(statement), CallerScope::Anyone);
}

/// GLOBAL-KEYS, `aws:PrincipalOrgID`: "Use this key to compare the identifier of the
/// organization in AWS Organizations to which the requesting principal belongs" — `{"AWS":
/// "*"}` + `StringEquals aws:PrincipalOrgID` is every principal of that organization, not the
/// public (checkov #6839/#7304 false positive).
#[test]
fn aws_star_with_org_id_is_org_scoped() {
    let statement = allow_any_with(r#"{"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}"#);
    assert_eq!(scope(&statement), CallerScope::Organization);
}

/// GLOBAL-KEYS, `aws:PrincipalOrgPaths` (multivalued: `ForAnyValue:`), with the organization
/// named before the first `/`.
#[test]
fn aws_star_with_org_paths_is_org_scoped() {
    let statement = allow_any_with(
        r#"{"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": "o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"}}"#,
    );
    assert_eq!(scope(&statement), CallerScope::Organization);
    let any_org = allow_any_with(r#"{"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": "o-*"}}"#);
    assert_eq!(scope(&any_org), CallerScope::Anyone);
}

/// GLOBAL-KEYS, "Sensitive condition keys": "there is no valid use case for wildcards in
/// these keys, even substrings", starting with `aws:PrincipalArn`. A wildcard where the
/// account goes matches a role of that name in any account anyone can create.
#[test]
fn principal_arn_wildcard_account_is_not_a_restriction() {
    for condition in [
        r#"{"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/deploy"}}"#,
        r#"{"ArnEquals": {"aws:PrincipalArn": "arn:aws:iam::*:role/deploy"}}"#,
        r#"{"StringLike": {"aws:PrincipalArn": "arn:aws:iam::1111222233?3:role/deploy"}}"#,
        r#"{"StringLike": {"aws:PrincipalArn": "*"}}"#,
    ] {
        assert_eq!(
            scope(&allow_any_with(condition)),
            CallerScope::Anyone,
            "{condition}"
        );
    }
}

/// GLOBAL-KEYS, `aws:PrincipalArn` / `aws:PrincipalAccount`: keys AWS sets from the caller's
/// identity. Pinned to an account, they pin the caller, even with a wildcard in the name.
#[test]
fn principal_arn_or_account_pinned_to_an_account_is_narrow() {
    for condition in [
        r#"{"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/ci-*"}}"#,
        r#"{"ArnEquals": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/deploy"}}"#,
        r#"{"StringEquals": {"aws:PrincipalAccount": ["111122223333", "444455556666"]}}"#,
    ] {
        assert_eq!(
            scope(&allow_any_with(condition)),
            CallerScope::Narrow,
            "{condition}"
        );
    }
}

/// CONDITION: key names are case-insensitive, for the identity keys too.
#[test]
fn identity_key_names_are_case_insensitive() {
    let statement = allow_any_with(r#"{"StringEquals": {"AWS:PRINCIPALORGID": "o-a1b2c3d4e5"}}"#);
    assert_eq!(scope(&statement), CallerScope::Organization);
}

/// OPERATORS, "...IfExists": a caller outside any organization has no `aws:PrincipalOrgID`,
/// so `StringEqualsIfExists` lets it through; `StringNotEquals` in an Allow admits every other
/// organization. Neither restricts the caller.
#[test]
fn if_exists_or_not_operator_on_identity_key_in_allow_is_not_a_restriction() {
    for condition in [
        r#"{"StringEqualsIfExists": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}"#,
        r#"{"StringNotEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}"#,
        r#"{"ForAllValues:StringLike": {"aws:PrincipalOrgPaths": "o-a1b2c3d4e5/*"}}"#,
        r#"{"Null": {"aws:PrincipalOrgID": "false"}}"#,
    ] {
        assert_eq!(
            scope(&allow_any_with(condition)),
            CallerScope::Anyone,
            "{condition}"
        );
    }
}

/// AWS-SEMANTICS §5 / PRINCIPAL: a caller chooses its own session tags, external ID, session
/// name and MFA use, so conditions on them do not pin who the caller is.
#[test]
fn caller_controlled_conditions_do_not_restrict_the_caller() {
    let statement = allow_any_with(
        r#"{"StringEquals": {"sts:ExternalId": "Example-1234", "aws:PrincipalTag/team": "ops", "sts:RoleSessionName": "ci"},
            "Bool": {"aws:MultiFactorAuthPresent": "true"}}"#,
    );
    assert_eq!(scope(&statement), CallerScope::Anyone);
}

/// OPERATORS "Important" in a Deny: `StringNotEquals aws:PrincipalOrgID` is true for every
/// caller outside the organization, including callers without the key, so the Deny turns the
/// Allow's `{"AWS": "*"}` into the organization (the pattern of the org-perimeter examples,
/// <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgid>).
#[test]
fn deny_outside_the_org_scopes_an_open_allow() {
    let statements = format!(
        r#"{}, {{"Effect": "Deny", "Principal": {{"AWS": "*"}}, "Action": "sts:AssumeRole",
            "Condition": {{"StringNotEquals": {{"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}}}}"#,
        r#"{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}"#
    );
    assert_eq!(scope(&statements), CallerScope::Organization);
}

/// LOGIC in a Deny: the clauses are ANDed, so a Deny with one more condition the caller
/// controls spares whoever escapes it; it pins nothing.
#[test]
fn deny_with_an_extra_caller_controlled_condition_pins_nothing() {
    let statements = format!(
        r#"{}, {{"Effect": "Deny", "Principal": {{"AWS": "*"}}, "Action": "sts:AssumeRole",
            "Condition": {{"StringNotEquals": {{"aws:PrincipalOrgID": "o-a1b2c3d4e5"}},
                           "Bool": {{"aws:MultiFactorAuthPresent": "false"}}}}}}"#,
        r#"{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}"#
    );
    assert_eq!(scope(&statements), CallerScope::Anyone);
}

/// POLICY VARIABLES: an identity value that is a `${…}` variable is substituted per request;
/// the scope is unknown, never "anyone".
#[test]
fn policy_variable_in_an_identity_value_is_unknown_scope() {
    let statement =
        allow_any_with(r#"{"StringEquals": {"aws:PrincipalAccount": "${aws:ResourceAccount}"}}"#);
    assert_eq!(scope(&statement), CallerScope::Unknown);
}
