//! Condition operators, evaluated three-valued against what is known of a request
//! (AWS-SEMANTICS §5, [UG:reference_policies_elements_condition_operators]).
//!
//! The rules ask one question of this module again and again: *does this condition really
//! restrict the caller?* A clause that is true when its key is absent (`…IfExists`, the `Not…`
//! operators, `ForAllValues`) restricts nothing on a key the caller may leave out.

use std::collections::HashMap;
use std::net::IpAddr;

use super::Tri;
use crate::model::pattern::wildcard_match;
use crate::model::{Clause, Val};

/// The operator family, without `IfExists` or a set prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BaseOp {
    StringEquals,
    StringNotEquals,
    StringEqualsIgnoreCase,
    StringNotEqualsIgnoreCase,
    StringLike,
    StringNotLike,
    NumericEquals,
    NumericNotEquals,
    NumericLessThan,
    NumericLessThanEquals,
    NumericGreaterThan,
    NumericGreaterThanEquals,
    DateEquals,
    DateNotEquals,
    DateLessThan,
    DateLessThanEquals,
    DateGreaterThan,
    DateGreaterThanEquals,
    Bool,
    BinaryEquals,
    IpAddress,
    NotIpAddress,
    ArnEquals,
    ArnLike,
    ArnNotEquals,
    ArnNotLike,
    Null,
}

const BASE_OPS: &[(&str, BaseOp)] = &[
    ("StringEquals", BaseOp::StringEquals),
    ("StringNotEquals", BaseOp::StringNotEquals),
    ("StringEqualsIgnoreCase", BaseOp::StringEqualsIgnoreCase),
    (
        "StringNotEqualsIgnoreCase",
        BaseOp::StringNotEqualsIgnoreCase,
    ),
    ("StringLike", BaseOp::StringLike),
    ("StringNotLike", BaseOp::StringNotLike),
    ("NumericEquals", BaseOp::NumericEquals),
    ("NumericNotEquals", BaseOp::NumericNotEquals),
    ("NumericLessThan", BaseOp::NumericLessThan),
    ("NumericLessThanEquals", BaseOp::NumericLessThanEquals),
    ("NumericGreaterThan", BaseOp::NumericGreaterThan),
    ("NumericGreaterThanEquals", BaseOp::NumericGreaterThanEquals),
    ("DateEquals", BaseOp::DateEquals),
    ("DateNotEquals", BaseOp::DateNotEquals),
    ("DateLessThan", BaseOp::DateLessThan),
    ("DateLessThanEquals", BaseOp::DateLessThanEquals),
    ("DateGreaterThan", BaseOp::DateGreaterThan),
    ("DateGreaterThanEquals", BaseOp::DateGreaterThanEquals),
    ("Bool", BaseOp::Bool),
    ("BinaryEquals", BaseOp::BinaryEquals),
    ("IpAddress", BaseOp::IpAddress),
    ("NotIpAddress", BaseOp::NotIpAddress),
    ("ArnEquals", BaseOp::ArnEquals),
    ("ArnLike", BaseOp::ArnLike),
    ("ArnNotEquals", BaseOp::ArnNotEquals),
    ("ArnNotLike", BaseOp::ArnNotLike),
    ("Null", BaseOp::Null),
];

impl BaseOp {
    /// The positive operator this one negates, if it is a `Not…` operator.
    fn negates(self) -> Option<BaseOp> {
        Some(match self {
            BaseOp::StringNotEquals => BaseOp::StringEquals,
            BaseOp::StringNotEqualsIgnoreCase => BaseOp::StringEqualsIgnoreCase,
            BaseOp::StringNotLike => BaseOp::StringLike,
            BaseOp::NumericNotEquals => BaseOp::NumericEquals,
            BaseOp::DateNotEquals => BaseOp::DateEquals,
            BaseOp::NotIpAddress => BaseOp::IpAddress,
            BaseOp::ArnNotEquals => BaseOp::ArnEquals,
            BaseOp::ArnNotLike => BaseOp::ArnLike,
            _ => return None,
        })
    }

    /// The exact string comparisons: `StringEquals`, `StringNotEquals` and their
    /// `IgnoreCase` forms, where `*` and `?` are literal characters (Access Analyzer
    /// "Wildcard without like operator").
    pub fn is_exact_string(self) -> bool {
        matches!(
            self,
            BaseOp::StringEquals
                | BaseOp::StringNotEquals
                | BaseOp::StringEqualsIgnoreCase
                | BaseOp::StringNotEqualsIgnoreCase
        )
    }

    /// Whether `*` and `?` in a policy value are wildcards for this operator. `StringEquals`
    /// treats them literally; `ArnEquals` behaves exactly like `ArnLike`.
    pub fn takes_wildcards(self) -> bool {
        matches!(
            self,
            BaseOp::StringLike
                | BaseOp::StringNotLike
                | BaseOp::ArnEquals
                | BaseOp::ArnLike
                | BaseOp::ArnNotEquals
                | BaseOp::ArnNotLike
        )
    }
}

/// `ForAllValues:` / `ForAnyValue:` prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetOp {
    Single,
    ForAllValues,
    ForAnyValue,
}

/// A parsed condition operator such as `ForAnyValue:StringLikeIfExists`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operator {
    pub set: SetOp,
    pub base: BaseOp,
    pub if_exists: bool,
}

/// Why an operator name is not one AWS defines ([`Operator::diagnose`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InvalidOperator {
    /// `NullIfExists`: `Null` tests whether the key is present, so it takes no `IfExists`
    /// [UG:reference_policies_elements_condition_operators]; Access Analyzer "Null with if
    /// exists".
    NullIfExists,
    /// `ForAllValues:Null` / `ForAnyValue:Null`: `Null` compares no values.
    NullWithSetPrefix,
    /// A defined operator in another case (the text holds the right spelling): names are
    /// case-sensitive; IAM answers `Invalid Condition type : stringEquals`.
    WrongCase(String),
    /// No operator of that name.
    Unknown,
}

/// The parts of an operator name: set prefix, base operator, `IfExists`.
type Parts = (SetOp, BaseOp, bool);

/// Splits an operator name into its parts, exactly or ignoring ASCII case.
fn split_operator(text: &str, ignore_case: bool) -> Option<Parts> {
    let strip_prefix = |text: &str, prefix: &str| -> Option<usize> {
        let head = text.get(..prefix.len())?;
        let same = if ignore_case {
            head.eq_ignore_ascii_case(prefix)
        } else {
            head == prefix
        };
        same.then_some(prefix.len())
    };
    let (set, rest) = if let Some(at) = strip_prefix(text, "ForAllValues:") {
        (SetOp::ForAllValues, &text[at..])
    } else if let Some(at) = strip_prefix(text, "ForAnyValue:") {
        (SetOp::ForAnyValue, &text[at..])
    } else {
        (SetOp::Single, text)
    };
    let find = |name: &str| {
        BASE_OPS
            .iter()
            .find(|(n, _)| {
                if ignore_case {
                    n.eq_ignore_ascii_case(name)
                } else {
                    *n == name
                }
            })
            .map(|(_, op)| *op)
    };
    // `IfExists` is a suffix, but no base name ends with it: try the whole name first.
    if let Some(base) = find(rest) {
        return Some((set, base, false));
    }
    let cut = rest.len().checked_sub("IfExists".len())?;
    let suffix = rest.get(cut..)?;
    let is_suffix = if ignore_case {
        suffix.eq_ignore_ascii_case("IfExists")
    } else {
        suffix == "IfExists"
    };
    if !is_suffix {
        return None;
    }
    find(&rest[..cut]).map(|base| (set, base, true))
}

/// The name AWS spells for the parts.
fn spell((set, base, if_exists): Parts) -> String {
    let prefix = match set {
        SetOp::Single => "",
        SetOp::ForAllValues => "ForAllValues:",
        SetOp::ForAnyValue => "ForAnyValue:",
    };
    let name = BASE_OPS
        .iter()
        .find(|(_, op)| *op == base)
        .map_or("", |(n, _)| n);
    let suffix = if if_exists { "IfExists" } else { "" };
    format!("{prefix}{name}{suffix}")
}

/// Whether `Null` carries a modifier it cannot take.
fn null_misuse((set, base, if_exists): Parts) -> Option<InvalidOperator> {
    if base != BaseOp::Null {
        None
    } else if if_exists {
        Some(InvalidOperator::NullIfExists)
    } else if set != SetOp::Single {
        Some(InvalidOperator::NullWithSetPrefix)
    } else {
        None
    }
}

impl Operator {
    /// Parses an operator name; `None` for names AWS does not define (including
    /// `NullIfExists`, which AWS rejects).
    pub fn parse(text: &str) -> Option<Operator> {
        Operator::diagnose(text).ok()
    }

    /// Parses an operator name, or says why AWS does not define it.
    pub fn diagnose(text: &str) -> Result<Operator, InvalidOperator> {
        match split_operator(text, false) {
            Some(parts) => match null_misuse(parts) {
                Some(why) => Err(why),
                None => Ok(Operator {
                    set: parts.0,
                    base: parts.1,
                    if_exists: parts.2,
                }),
            },
            None => match split_operator(text, true) {
                Some(parts) if null_misuse(parts).is_none() => {
                    Err(InvalidOperator::WrongCase(spell(parts)))
                }
                Some(parts) => Err(null_misuse(parts).unwrap_or(InvalidOperator::Unknown)),
                None => Err(InvalidOperator::Unknown),
            },
        }
    }

    /// A `Not…` operator: true when the key is absent, and when no value matches.
    pub fn is_negated(self) -> bool {
        self.base.negates().is_some()
    }

    /// A clause with this operator is false for a caller that leaves the key out, and true
    /// only for the listed values: it restricts the caller to those values.
    ///
    /// `ForAnyValue:` is false on a missing key even with `IfExists`: the set operator ignores
    /// the suffix (see [`evaluate`]), so `ForAnyValue:StringEqualsIfExists` restricts too.
    pub fn is_positive(self) -> bool {
        !self.is_negated()
            && self.base != BaseOp::Null
            && match self.set {
                SetOp::Single => !self.if_exists,
                SetOp::ForAnyValue => true,
                SetOp::ForAllValues => false,
            }
    }
}

/// What is known of one condition key in a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyState {
    /// The request does not carry the key.
    Absent,
    /// The key's values (one for a single-valued key).
    Present(Vec<String>),
    /// Nothing is known: the caller chooses, or the value depends on deploy time.
    Unknown,
}

/// What is known of a request. Keys are case-insensitive; unmentioned keys are unknown.
#[derive(Debug, Clone, Default)]
pub struct Request {
    keys: HashMap<String, KeyState>,
}

impl Request {
    pub fn with(mut self, key: &str, state: KeyState) -> Self {
        self.keys.insert(key.to_ascii_lowercase(), state);
        self
    }

    pub fn key(&self, key: &str) -> &KeyState {
        self.keys
            .get(&key.to_ascii_lowercase())
            .unwrap_or(&KeyState::Unknown)
    }
}

/// Evaluates one clause (one operator, one key, its ORed values).
pub fn evaluate(clause: &Clause, request: &Request) -> Tri {
    if clause.unreadable {
        return Tri::Unknown;
    }
    let Some(operator) = Operator::parse(&clause.operator.value) else {
        return Tri::Unknown;
    };
    let values: Vec<&Val> = clause.values.iter().map(|v| &v.value).collect();
    evaluate_parts(operator, &values, request.key(&clause.key.value))
}

/// Evaluates every clause of a condition block: clauses are ANDed.
pub fn evaluate_all(clauses: &[Clause], request: &Request) -> Tri {
    Tri::all(clauses.iter().map(|c| evaluate(c, request)))
}

fn evaluate_parts(operator: Operator, policy: &[&Val], key: &KeyState) -> Tri {
    if operator.base == BaseOp::Null {
        // `"Null": {"k": "true"}` holds when the key is absent, `"false"` when present.
        let present = match key {
            KeyState::Absent => false,
            KeyState::Present(_) => true,
            KeyState::Unknown => return Tri::Unknown,
        };
        return Tri::any(policy.iter().map(|v| match v.known() {
            Some(text) if text.eq_ignore_ascii_case("true") => Tri::from_bool(!present),
            Some(text) if text.eq_ignore_ascii_case("false") => Tri::from_bool(present),
            _ => Tri::Unknown,
        }));
    }
    let values = match key {
        KeyState::Unknown => return Tri::Unknown,
        KeyState::Absent => None,
        KeyState::Present(values) if values.is_empty() => None,
        KeyState::Present(values) => Some(values),
    };
    let Some(values) = values else {
        // The key is missing (or its value set is empty). A single-valued operator holds only
        // when it requires a non-match or carries `IfExists`
        // [UG:reference_policies_elements_condition_operators]. `ForAllValues:` holds ("also
        // returns true if there are no context keys in the request") and `ForAnyValue:` does
        // not [UG:reference_policies_condition-single-vs-multi-valued-context-keys] — with or
        // without `IfExists`: the set operators apply the suffix per request value, never to
        // the whole key. AWS's own forum answer on an Allow with
        // `ForAnyValue:StringEqualsIfExists` that denied a request without `aws:TagKeys`
        // (repost.aws QU9HFmDzP0QGuU-fd7rS6B7w), and cloud-copilot/iam-simulate
        // `src/condition/condition.ts` `forAnyValueMatch`, agree.
        return Tri::from_bool(match operator.set {
            SetOp::ForAllValues => true,
            SetOp::ForAnyValue => false,
            SetOp::Single => operator.if_exists || operator.is_negated(),
        });
    };
    let (positive, negated) = match operator.base.negates() {
        Some(positive) => (positive, true),
        None => (operator.base, false),
    };
    let satisfies = |value: &str| {
        let matched = Tri::any(policy.iter().map(|p| value_matches(positive, p, value)));
        if negated { !matched } else { matched }
    };
    match operator.set {
        SetOp::Single if values.len() == 1 => satisfies(&values[0]),
        // A single-valued operator on a multivalued key is not defined by AWS: unknown.
        SetOp::Single => Tri::Unknown,
        SetOp::ForAnyValue => Tri::any(values.iter().map(|v| satisfies(v))),
        SetOp::ForAllValues => Tri::all(values.iter().map(|v| satisfies(v))),
    }
}

/// Whether one policy value matches one request value under a positive operator.
fn value_matches(op: BaseOp, policy: &Val, request: &str) -> Tri {
    let Some(policy) = policy.known() else {
        return Tri::Unknown;
    };
    // A policy variable is substituted per request: its value is not in the text.
    if policy.contains("${") {
        return Tri::Unknown;
    }
    let known = |result: Option<bool>| result.map_or(Tri::Unknown, Tri::from_bool);
    match op {
        BaseOp::StringEquals => Tri::from_bool(policy == request),
        BaseOp::StringEqualsIgnoreCase => {
            Tri::from_bool(policy.to_lowercase() == request.to_lowercase())
        }
        BaseOp::StringLike => Tri::from_bool(wildcard_match(policy, request, false)),
        BaseOp::ArnEquals | BaseOp::ArnLike => Tri::from_bool(arn_like(policy, request)),
        BaseOp::Bool => Tri::from_bool(policy.eq_ignore_ascii_case(request)),
        BaseOp::BinaryEquals => Tri::from_bool(policy == request),
        BaseOp::NumericEquals
        | BaseOp::NumericLessThan
        | BaseOp::NumericLessThanEquals
        | BaseOp::NumericGreaterThan
        | BaseOp::NumericGreaterThanEquals => {
            let (Ok(p), Ok(r)) = (policy.parse::<f64>(), request.parse::<f64>()) else {
                return Tri::Unknown;
            };
            Tri::from_bool(compare(op, r.partial_cmp(&p)))
        }
        BaseOp::DateEquals
        | BaseOp::DateLessThan
        | BaseOp::DateLessThanEquals
        | BaseOp::DateGreaterThan
        | BaseOp::DateGreaterThanEquals => {
            let (Some(p), Some(r)) = (parse_date(policy), parse_date(request)) else {
                return Tri::Unknown;
            };
            Tri::from_bool(compare(op, Some(r.cmp(&p))))
        }
        BaseOp::IpAddress => known(ip_in_range(policy, request)),
        _ => Tri::Unknown,
    }
}

/// `request <op> policy` for the ordering operators.
fn compare(op: BaseOp, ordering: Option<std::cmp::Ordering>) -> bool {
    use std::cmp::Ordering::*;
    let Some(ordering) = ordering else {
        return false;
    };
    match op {
        BaseOp::NumericEquals | BaseOp::DateEquals => ordering == Equal,
        BaseOp::NumericLessThan | BaseOp::DateLessThan => ordering == Less,
        BaseOp::NumericLessThanEquals | BaseOp::DateLessThanEquals => ordering != Greater,
        BaseOp::NumericGreaterThan | BaseOp::DateGreaterThan => ordering == Greater,
        BaseOp::NumericGreaterThanEquals | BaseOp::DateGreaterThanEquals => ordering != Less,
        _ => false,
    }
}

/// ARN operators compare each of the six colon-separated parts on its own, with wildcards in
/// each part.
pub fn arn_like(pattern: &str, arn: &str) -> bool {
    let pattern_parts: Vec<&str> = pattern.splitn(6, ':').collect();
    let arn_parts: Vec<&str> = arn.splitn(6, ':').collect();
    pattern_parts.len() == 6
        && arn_parts.len() == 6
        && pattern_parts
            .iter()
            .zip(&arn_parts)
            .all(|(p, a)| wildcard_match(p, a, false))
}

/// Seconds since the epoch of an ISO 8601 date/time (`2026-01-31`, `2026-01-31T12:00:00Z`,
/// with optional fraction and offset) or of an epoch number: the formats the `Date…`
/// operators accept [UG:reference_policies_elements_condition_operators].
pub fn parse_date(text: &str) -> Option<i64> {
    if let Ok(epoch) = text.parse::<i64>() {
        return Some(epoch);
    }
    let (date, time) = text.split_once('T').unwrap_or((text, ""));
    let mut parts = date.splitn(3, '-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: i64 = parts.next()?.parse().ok()?;
    let day: i64 = parts.next()?.parse().ok()?;
    // ISO 8601 years have four digits; the bounds also keep the arithmetic below from
    // overflowing on hostile input.
    if !(0..=9999).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let (clock, offset) = split_offset(time)?;
    let mut clock_parts = clock.split(':');
    let hours: i64 = clock_parts
        .next()
        .filter(|s| !s.is_empty())
        .map_or(Some(0), |s| s.parse().ok())?;
    let minutes: i64 = clock_parts.next().map_or(Some(0), |s| s.parse().ok())?;
    let seconds: f64 = clock_parts.next().map_or(Some(0.0), |s| s.parse().ok())?;
    if !(0..=24).contains(&hours) || !(0..=59).contains(&minutes) || !(0.0..61.0).contains(&seconds)
    {
        return None;
    }
    Some(
        days_from_civil(year, month, day) * 86_400 + hours * 3600 + minutes * 60 + seconds as i64
            - offset,
    )
}

/// Splits `HH:MM:SS±hh:mm` / `…Z` into the clock and the offset in seconds.
fn split_offset(time: &str) -> Option<(&str, i64)> {
    if let Some(clock) = time.strip_suffix('Z') {
        return Some((clock, 0));
    }
    match time.rfind(['+', '-']) {
        Some(at) => {
            let (clock, offset) = time.split_at(at);
            let sign = if offset.starts_with('-') { -1 } else { 1 };
            let (h, m) = offset[1..].split_once(':').unwrap_or((&offset[1..], "0"));
            let (h, m) = (h.parse::<i64>().ok()?, m.parse::<i64>().ok()?);
            if !(0..=23).contains(&h) || !(0..=59).contains(&m) {
                return None;
            }
            Some((clock, sign * (h * 3600 + m * 60)))
        }
        None => Some((time, 0)),
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// Whether `address` lies in the CIDR block (or equals the address) `range`.
fn ip_in_range(range: &str, address: &str) -> Option<bool> {
    let (network, prefix) = range.split_once('/').unwrap_or((range, ""));
    let network: IpAddr = network.parse().ok()?;
    let address: IpAddr = address.parse().ok()?;
    let (network, address, bits) = match (network, address) {
        (IpAddr::V4(n), IpAddr::V4(a)) => (u32::from(n) as u128, u32::from(a) as u128, 32),
        (IpAddr::V6(n), IpAddr::V6(a)) => (u128::from(n), u128::from(a), 128),
        _ => return Some(false),
    };
    let prefix: u32 = if prefix.is_empty() {
        bits
    } else {
        prefix.parse().ok()?
    };
    if prefix > bits {
        return None;
    }
    let full: u128 = if bits == 128 { !0 } else { (1u128 << bits) - 1 };
    let mask = if prefix == 0 {
        0
    } else {
        (full << (bits - prefix)) & full
    };
    Some(network & mask == address & mask)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operators_parse_with_prefix_and_suffix() {
        let op = Operator::parse("ForAnyValue:StringLikeIfExists").unwrap();
        assert_eq!(op.set, SetOp::ForAnyValue);
        assert_eq!(op.base, BaseOp::StringLike);
        assert!(op.if_exists);
        assert!(Operator::parse("NullIfExists").is_none());
        assert!(Operator::parse("StringEqualz").is_none());
        assert!(Operator::parse("StringEqualsIfExists").is_some());
    }

    #[test]
    fn invalid_operators_say_why() {
        assert_eq!(
            Operator::diagnose("NullIfExists"),
            Err(InvalidOperator::NullIfExists)
        );
        assert_eq!(
            Operator::diagnose("ForAllValues:Null"),
            Err(InvalidOperator::NullWithSetPrefix)
        );
        assert_eq!(
            Operator::diagnose("stringEquals"),
            Err(InvalidOperator::WrongCase("StringEquals".to_string()))
        );
        assert_eq!(
            Operator::diagnose("forallvalues:stringlikeifexists"),
            Err(InvalidOperator::WrongCase(
                "ForAllValues:StringLikeIfExists".to_string()
            ))
        );
        assert_eq!(
            Operator::diagnose("nullifexists"),
            Err(InvalidOperator::NullIfExists)
        );
        assert_eq!(
            Operator::diagnose("StringEqual"),
            Err(InvalidOperator::Unknown)
        );
        assert_eq!(
            Operator::diagnose("IfExists"),
            Err(InvalidOperator::Unknown)
        );
        assert_eq!(Operator::diagnose("é"), Err(InvalidOperator::Unknown));
        assert_eq!(Operator::diagnose(""), Err(InvalidOperator::Unknown));
    }

    #[test]
    fn dates_compare_across_formats() {
        assert_eq!(parse_date("1970-01-02"), Some(86_400));
        assert_eq!(parse_date("1970-01-01T01:00:00Z"), Some(3600));
        assert_eq!(parse_date("1970-01-01T02:00:00+01:00"), Some(3600));
        assert_eq!(parse_date("2020-03-01"), Some(1_583_020_800));
    }

    #[test]
    fn dates_out_of_range_are_not_dates() {
        assert_eq!(parse_date("99999999999999999-01-01"), None);
        assert_eq!(parse_date("2026-01-01T99999999999999:00:00Z"), None);
        assert_eq!(parse_date("2026-01-01T00:00:00+99999999999999:00"), None);
        assert_eq!(parse_date("2026-01-01T00:00:NaNZ"), None);
    }

    #[test]
    fn cidr_blocks() {
        assert_eq!(ip_in_range("203.0.113.0/24", "203.0.113.7"), Some(true));
        assert_eq!(ip_in_range("203.0.113.0/24", "203.0.114.7"), Some(false));
        assert_eq!(ip_in_range("2001:db8::/32", "2001:db8::1"), Some(true));
        assert_eq!(ip_in_range("0.0.0.0/0", "8.8.8.8"), Some(true));
    }
}
