//! Condition keys AWS documents: the operator types each works with, whether it is
//! multivalued, and whether an `sts:AssumeRole*` request carries it (`condition_keys.tsv`,
//! whose header names its AWS sources and the date they were taken).
//!
//! Key names are case-insensitive [UG:reference_policies_elements_condition], and a key such as
//! `aws:RequestTag/${TagKey}` stands for a family (`aws:RequestTag/team`). A key that is not in
//! the data is unknown here: rules that need its type or presence stay silent on it.

use std::sync::LazyLock;

use crate::eval::condition::BaseOp;

/// The type of value an operator compares, and so the types a key works with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyType {
    String,
    Arn,
    Numeric,
    Date,
    Bool,
    IpAddress,
    Binary,
}

impl KeyType {
    /// The type an operator compares as; `None` for `Null`, which tests only presence.
    pub fn of_operator(op: BaseOp) -> Option<KeyType> {
        use BaseOp::*;
        Some(match op {
            StringEquals
            | StringNotEquals
            | StringEqualsIgnoreCase
            | StringNotEqualsIgnoreCase
            | StringLike
            | StringNotLike => KeyType::String,
            ArnEquals | ArnLike | ArnNotEquals | ArnNotLike => KeyType::Arn,
            NumericEquals
            | NumericNotEquals
            | NumericLessThan
            | NumericLessThanEquals
            | NumericGreaterThan
            | NumericGreaterThanEquals => KeyType::Numeric,
            DateEquals
            | DateNotEquals
            | DateLessThan
            | DateLessThanEquals
            | DateGreaterThan
            | DateGreaterThanEquals => KeyType::Date,
            Bool => KeyType::Bool,
            BinaryEquals => KeyType::Binary,
            IpAddress | NotIpAddress => KeyType::IpAddress,
            Null => return None,
        })
    }

    /// The name AWS uses for the operator family ("String", "ARN", …).
    pub fn name(self) -> &'static str {
        match self {
            KeyType::String => "String",
            KeyType::Arn => "ARN",
            KeyType::Numeric => "Numeric",
            KeyType::Date => "Date",
            KeyType::Bool => "Bool",
            KeyType::IpAddress => "IPAddress",
            KeyType::Binary => "Binary",
        }
    }

    fn parse(text: &str) -> Option<KeyType> {
        [
            KeyType::String,
            KeyType::Arn,
            KeyType::Numeric,
            KeyType::Date,
            KeyType::Bool,
            KeyType::IpAddress,
            KeyType::Binary,
        ]
        .into_iter()
        .find(|t| t.name() == text)
    }
}

/// Whether an `sts:AssumeRole*` request carries the key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// Every assume-role request has it.
    Always,
    /// Only when the caller passes it or has the attribute: a caller can leave it out.
    Optional,
    /// Never on an assume-role request (`sts:DurationSeconds`).
    Never,
    /// Only when an AWS service calls on behalf of a resource (`aws:SourceArn`).
    ServiceOnly,
    /// Not decided by the data: rules stay silent on it.
    Undecided,
}

/// One documented key (or family of keys).
#[derive(Debug)]
pub struct ConditionKey {
    /// As AWS spells it, `/${…}` included for a family.
    pub name: String,
    /// The operator types it works with; the first is the one AWS names first.
    pub types: Vec<KeyType>,
    pub multivalued: bool,
    pub presence: Presence,
}

impl ConditionKey {
    /// Whether `key` (any case) is this key, or a member of this family.
    fn matches(&self, key: &str) -> bool {
        match self.name.find("/${") {
            Some(at) => {
                let prefix = &self.name[..=at];
                key.len() > prefix.len()
                    && key
                        .get(..prefix.len())
                        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
            }
            None => key.eq_ignore_ascii_case(&self.name),
        }
    }

    /// The first operator type AWS names for the key.
    pub fn primary_type(&self) -> KeyType {
        self.types.first().copied().unwrap_or(KeyType::String)
    }
}

static KEYS: LazyLock<Vec<ConditionKey>> =
    LazyLock::new(|| parse(include_str!("condition_keys.tsv")));

/// The data line by line; a line that does not parse is left out (a unit test keeps every
/// line parsing).
fn parse(text: &str) -> Vec<ConditionKey> {
    super::data_lines(text).filter_map(parse_line).collect()
}

fn parse_line(line: &str) -> Option<ConditionKey> {
    let mut fields = line.split('\t');
    let name = fields.next()?.to_string();
    let types = fields
        .next()?
        .split(',')
        .map(KeyType::parse)
        .collect::<Option<Vec<_>>>()?;
    let multivalued = match fields.next()? {
        "single" => false,
        "multi" => true,
        _ => return None,
    };
    let presence = match fields.next()? {
        "always" => Presence::Always,
        "optional" => Presence::Optional,
        "never" => Presence::Never,
        "service" => Presence::ServiceOnly,
        "-" => Presence::Undecided,
        _ => return None,
    };
    (fields.next().is_none() && !types.is_empty()).then_some(ConditionKey {
        name,
        types,
        multivalued,
        presence,
    })
}

/// The documented key `key` names (case-insensitive), if any.
pub fn lookup(key: &str) -> Option<&'static ConditionKey> {
    KEYS.iter().find(|k| k.matches(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_line_parses() {
        let text = include_str!("condition_keys.tsv");
        for line in crate::rules::data::data_lines(text) {
            assert!(parse_line(line).is_some(), "does not parse: {line:?}");
        }
        assert!(KEYS.len() > 80);
    }

    #[test]
    fn keys_match_case_insensitively_and_by_family() {
        let key = lookup("STS:externalid").unwrap();
        assert_eq!(key.name, "sts:ExternalId");
        assert_eq!(key.presence, Presence::Optional);
        assert_eq!(
            lookup("aws:RequestTag/team").unwrap().presence,
            Presence::Optional
        );
        assert!(lookup("aws:RequestTag/").is_none());
        assert!(lookup("aws:PrincipalTagX").is_none());
        assert_eq!(
            lookup("sts:DurationSeconds").unwrap().presence,
            Presence::Never
        );
        assert_eq!(
            lookup("aws:sourcearn").unwrap().types,
            vec![KeyType::Arn, KeyType::String]
        );
        assert!(lookup("aws:TagKeys").unwrap().multivalued);
        assert!(lookup("example.com:sub").is_none());
    }
}
