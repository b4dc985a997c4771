//! What an identity-policy statement grants on roles (TL301–TL304): whether a `Resource`
//! pattern covers every role ARN, or can match none, decided exactly.
//!
//! A role ARN is `arn:<partition>:iam::<12-digit account>:role/<path/>name`
//! (AWS-SEMANTICS §8; [UG:reference_identifiers]). `Resource` values match it
//! case-sensitively, `*` spanning any characters (including `/` and `:`) and `?` one
//! [UG:reference_policies_elements_resource]. "Every role" and "no role" are questions about
//! *all* strings of that shape, so sampling a few ARNs would guess; instead the pattern's
//! wildcard automaton is run against the automaton of role ARNs (a product construction over
//! the characters that matter), which answers for every ARN at once.
//!
//! The role-ARN language used here is a little wider than AWS's (any character IAM allows in
//! a path, U+0021–U+007F, anywhere after `role/`; any `[a-z0-9-]` partition when the
//! partition is free): wider makes "covers every
//! role" harder to meet and "matches no role" harder to meet, so both answers err towards
//! silence.

use std::borrow::Cow;
use std::collections::{HashSet, VecDeque};

use crate::eval::Tri;
use crate::eval::action::{covers, value_matches};
use crate::eval::condition::{Operator, SetOp};
use crate::model::arn::{Arn, is_account_id, is_aws_managed_policy, is_deploying_account};
use crate::model::pattern::wildcard_match;
use crate::model::{Attachment, Document, DocumentKind, SVal, Statement, Val};
use crate::source::Span;

/// Patterns longer than this are not analysed (a role ARN is at most about 620 characters:
/// a 512-character path and a 64-character name): the answer is unknown.
const MAX_PATTERN: usize = 1024;
/// The most product states explored before giving up (unknown): far more than any real
/// pattern needs (a few per pattern character), and a bound on memory for hostile input.
const MAX_STATES: usize = 10_000;

/// The partitions a role can live in. A statement covering every role of one partition
/// covers every role its caller can reach: roles delegate only within one partition
/// [UG:id_roles_compare-resource-policies].
const PARTITIONS: &[&str] = &[
    "aws",
    "aws-cn",
    "aws-us-gov",
    "aws-iso",
    "aws-iso-b",
    "aws-iso-e",
    "aws-iso-f",
    "aws-eusc",
];

/// One character position of the role-ARN automaton.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Literal(char),
    Digit,
    /// A character of a partition name.
    PartitionChar,
    /// A character of a role's path or name: `!` (U+0021) through DEL (U+007F), what IAM
    /// allows in a path (`CreateRole`'s `Path`), a superset of a name's characters.
    Printable,
}

impl Class {
    fn contains(self, c: char) -> bool {
        match self {
            Class::Literal(l) => c == l,
            Class::Digit => c.is_ascii_digit(),
            Class::PartitionChar => c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-',
            Class::Printable => ('!'..='\u{7f}').contains(&c),
        }
    }

    fn members(self) -> Box<dyn Iterator<Item = char>> {
        match self {
            Class::Literal(l) => Box::new(std::iter::once(l)),
            Class::Digit => Box::new('0'..='9'),
            Class::PartitionChar => Box::new(('a'..='z').chain('0'..='9').chain(['-'])),
            Class::Printable => Box::new('!'..='\u{7f}'),
        }
    }
}

/// A position of the role-ARN automaton: a class, and whether it repeats (one or more).
#[derive(Debug, Clone, Copy)]
struct Slot {
    class: Class,
    repeats: bool,
}

/// Which account the role ARNs are in.
#[derive(Debug, Clone, Copy)]
enum Account<'a> {
    Any,
    Fixed(&'a str),
}

/// The role ARNs of one partition (or of any, `None`) and account, as a sequence of slots.
/// A repeating slot's class never overlaps the next slot's, so the automaton is deterministic.
fn role_language(partition: Option<&str>, account: Account<'_>) -> Vec<Slot> {
    fn literal(slots: &mut Vec<Slot>, text: &str) {
        slots.extend(text.chars().map(|c| Slot {
            class: Class::Literal(c),
            repeats: false,
        }));
    }
    let mut slots = Vec::new();
    literal(&mut slots, "arn:");
    match partition {
        Some(p) => literal(&mut slots, p),
        None => slots.push(Slot {
            class: Class::PartitionChar,
            repeats: true,
        }),
    }
    literal(&mut slots, ":iam::");
    match account {
        Account::Fixed(a) => literal(&mut slots, a),
        Account::Any => slots.extend((0..12).map(|_| Slot {
            class: Class::Digit,
            repeats: false,
        })),
    }
    literal(&mut slots, ":role/");
    slots.push(Slot {
        class: Class::Printable,
        repeats: true,
    });
    slots
}

/// Whether `text` (no wildcards) is in the language: each slot takes one character of its
/// class, a repeating one as many more as follow. Greedy is exact because a repeating slot's
/// class never overlaps the next slot's.
fn language_contains(slots: &[Slot], text: &str) -> bool {
    let mut chars = text.chars().peekable();
    for slot in slots {
        if !chars.next().is_some_and(|c| slot.class.contains(c)) {
            return false;
        }
        if slot.repeats {
            while chars.next_if(|&c| slot.class.contains(c)).is_some() {}
        }
    }
    chars.next().is_none()
}

/// The wildcard pattern as an NFA over its positions.
struct Glob {
    pattern: Vec<char>,
}

impl Glob {
    /// Closes a set of positions over `*` (which may match nothing).
    fn close(&self, set: &mut [bool]) {
        for j in 0..self.pattern.len() {
            if set[j] && self.pattern[j] == '*' {
                set[j + 1] = true;
            }
        }
    }

    fn start(&self) -> Vec<bool> {
        let mut set = vec![false; self.pattern.len() + 1];
        set[0] = true;
        self.close(&mut set);
        set
    }

    fn step(&self, set: &[bool], c: char) -> Vec<bool> {
        let mut next = vec![false; set.len()];
        for (j, &on) in set.iter().enumerate().take(self.pattern.len()) {
            if !on {
                continue;
            }
            match self.pattern[j] {
                '*' => next[j] = true,
                '?' => next[j + 1] = true,
                p if p == c => next[j + 1] = true,
                _ => {}
            }
        }
        self.close(&mut next);
        next
    }

    fn accepts(&self, set: &[bool]) -> bool {
        set[self.pattern.len()]
    }

    /// The characters of `class` that the pattern can tell apart: each literal of the
    /// pattern in the class, and one member that is none of them (all others behave alike).
    fn representatives(&self, class: Class) -> Vec<char> {
        let mut chars: Vec<char> = self
            .pattern
            .iter()
            .copied()
            .filter(|&c| c != '*' && c != '?' && class.contains(c))
            .collect();
        chars.sort_unstable();
        chars.dedup();
        if let Some(other) = class.members().find(|c| !chars.contains(c)) {
            chars.push(other);
        }
        chars
    }
}

/// What the product exploration found.
struct Reach {
    /// Some role ARN matches the pattern.
    some: bool,
    /// Every role ARN matches the pattern.
    every: bool,
}

/// Runs the pattern against every ARN of the role language at once. `None` when the pattern
/// is too long or the exploration too large to settle.
fn explore(pattern: &str, slots: &[Slot]) -> Option<Reach> {
    if pattern.chars().count() > MAX_PATTERN {
        return None;
    }
    let glob = Glob {
        pattern: pattern.chars().collect(),
    };
    let mut reach = Reach {
        some: false,
        every: true,
    };
    // A state is (slots consumed, pattern positions alive); `slots consumed == len` accepts.
    let start = (0usize, glob.start());
    let mut seen: HashSet<(usize, Vec<bool>)> = HashSet::new();
    let mut queue = VecDeque::new();
    seen.insert(start.clone());
    queue.push_back(start);
    while let Some((at, set)) = queue.pop_front() {
        if at == slots.len() {
            if glob.accepts(&set) {
                reach.some = true;
            } else {
                reach.every = false;
            }
        }
        if reach.some && !reach.every {
            break;
        }
        // The slots a next character can go to: the current one again (when it repeats and
        // has been entered), else the next one.
        let mut moves: Vec<(Class, usize)> = Vec::new();
        if at > 0 && slots[at - 1].repeats {
            moves.push((slots[at - 1].class, at));
        }
        if at < slots.len() {
            moves.push((slots[at].class, at + 1));
        }
        for (class, to) in moves {
            for c in glob.representatives(class) {
                let next = (to, glob.step(&set, c));
                if seen.insert(next.clone()) {
                    if seen.len() > MAX_STATES {
                        return None;
                    }
                    queue.push_back(next);
                }
            }
        }
    }
    Some(reach)
}

/// The pattern text to match, when it is a known value without policy variables, with a
/// deploying account (`${AWS::AccountId}`, `data.aws_caller_identity`) written as one fixed
/// account: it is one account, though not known which.
fn pattern_text(value: &SVal) -> Option<Cow<'_, str>> {
    let text = value.known()?;
    if text.contains("${") {
        return None;
    }
    match Arn::parse(text) {
        Some(arn) if is_deploying_account(arn.account) => Some(Cow::Owned(format!(
            "arn:{}:{}:{}:000000000000:{}",
            arn.partition, arn.service, arn.region, arn.resource
        ))),
        _ => Some(Cow::Borrowed(text)),
    }
}

/// Whether a `Resource` value covers every role of every account (of some partition): `*`,
/// `arn:aws:iam::*:role/*`, `arn:*:iam::*:*`, … `Unknown` for a value the linter cannot read.
pub fn covers_every_role(value: &SVal) -> Tri {
    let Some(text) = pattern_text(value) else {
        return Tri::Unknown;
    };
    every_role_in(&text, Account::Any)
}

/// Whether a `Resource` value covers every role of one account (or of every account):
/// `arn:aws:iam::111122223333:role/*` as well as `*`.
pub fn covers_every_role_of_an_account(value: &SVal) -> Tri {
    let Some(text) = pattern_text(value) else {
        return Tri::Unknown;
    };
    let account = text.split(':').nth(4).filter(|a| is_account_id(a));
    match account {
        Some(account) => every_role_in(&text, Account::Fixed(account)),
        None => every_role_in(&text, Account::Any),
    }
}

fn every_role_in(text: &str, account: Account<'_>) -> Tri {
    // Role names end in any character, so a pattern that ends in a literal one misses most
    // roles: answered without building the automata (most `Resource` values of real policies).
    if !text.ends_with(['*', '?']) {
        return Tri::No;
    }
    let sample_account = match account {
        Account::Fixed(id) => id,
        Account::Any => "000000000000",
    };
    let mut answer = Tri::No;
    for partition in PARTITIONS {
        // A pattern that misses one role of the partition does not cover them all; one plain
        // match settles most patterns before the automata are built.
        let sample = format!("arn:{partition}:iam::{sample_account}:role/sample");
        if !wildcard_match(text, &sample, false) {
            continue;
        }
        match explore(text, &role_language(Some(partition), account)) {
            Some(reach) if reach.every => return Tri::Yes,
            Some(_) => {}
            None => answer = Tri::Unknown,
        }
    }
    answer
}

/// Whether a `Resource` value can match some role ARN (of any partition and account).
/// `Unknown` for a value the linter cannot read.
pub fn may_match_a_role(value: &SVal) -> Tri {
    let Some(text) = pattern_text(value) else {
        return Tri::Unknown;
    };
    let language = role_language(None, Account::Any);
    // Most values are plain ARNs: one pass over the text answers for them.
    if !text.contains(['*', '?']) {
        return Tri::from_bool(language_contains(&language, &text));
    }
    match explore(&text, &language) {
        Some(reach) => Tri::from_bool(reach.some),
        None => Tri::Unknown,
    }
}

/// How a `Resource` value is named in a message: its text, or — when the text holds a
/// deploying account, which has no name — the expression as written.
pub fn shown(value: &SVal) -> &str {
    match &value.value {
        Val::Known(text) => text,
        Val::Symbol(symbol)
            if symbol.exact
                && !Arn::parse(&symbol.identity)
                    .is_some_and(|a| is_deploying_account(a.account)) =>
        {
            &symbol.identity
        }
        other => other.written(),
    }
}

/// Condition keys that limit which roles a statement reaches: the account, organization and
/// tags of the role itself [UG:reference_policies_condition-keys].
fn is_resource_key(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    matches!(
        key.as_str(),
        "aws:resourceaccount" | "aws:resourceorgid" | "aws:resourceorgpaths"
    ) || key.starts_with("aws:resourcetag/")
        || key.starts_with("iam:resourcetag/")
}

/// Whether the statement's conditions may limit the roles it reaches: `Yes` when a positive
/// operator (false for a role without the key, true only for the listed values) tests the
/// role's account, organization or tags; `Unknown` when a clause cannot be read. Conditions
/// on the caller or the request (MFA, source IP, `iam:PassedToService`) do not limit which
/// roles are reached.
fn limits_roles(statement: &Statement) -> Tri {
    let mut answer = Tri::No;
    for clause in statement.clauses() {
        if clause.unreadable {
            answer = Tri::Unknown;
            continue;
        }
        if !is_resource_key(&clause.key.value) {
            continue;
        }
        match Operator::parse(&clause.operator.value) {
            Some(operator) if operator.is_positive() => return Tri::Yes,
            // `aws:ResourceAccount` "is always included in the request context for most
            // service actions" (global keys page), so `…IfExists` on it compares the role's
            // account as the plain operator does; reading it so errs towards silence.
            Some(operator)
                if operator.if_exists
                    && operator.set == SetOp::Single
                    && !operator.is_negated()
                    && clause.key.value.eq_ignore_ascii_case("aws:ResourceAccount") =>
            {
                return Tri::Yes;
            }
            Some(_) => {}
            None => answer = Tri::Unknown,
        }
    }
    answer
}

/// The first `Resource` value of the statement for which `covers` holds for certain.
fn resource_covering(statement: &Statement, covers: fn(&SVal) -> Tri) -> Option<&SVal> {
    statement
        .resource
        .as_ref()?
        .values
        .iter()
        .find(|v| covers(v) == Tri::Yes)
}

/// Whether the document is an identity policy its owner can change: not an AWS managed policy
/// (`arn:aws:iam::aws:policy/…`, listed in account dumps), which AWS writes and nobody can
/// edit. What attaching one grants is the graph rules' business (TL409 counts
/// `AdministratorAccess`); a finding inside it would be noise the user cannot fix.
pub fn is_own_identity_policy(document: &Document) -> bool {
    let aws_managed = matches!(
        &document.attachment,
        Attachment::Managed { arn } if is_aws_managed_policy(arn)
    );
    document.kind == DocumentKind::Identity && !aws_managed
}

/// The identity `Allow` statements of a document that grant `action` on every role `reach`
/// covers, with no condition on the role's account, organization or tags: each with its index
/// and the `Resource` value that covers them. TL301, TL303 and TL304 start from these.
pub fn unlimited_grants<'a>(
    document: &'a Document,
    action: &'a str,
    reach: fn(&SVal) -> Tri,
) -> impl Iterator<Item = (usize, &'a Statement, &'a SVal)> + 'a {
    let identity = is_own_identity_policy(document);
    document
        .statements
        .iter()
        .enumerate()
        .filter(move |(_, s)| {
            identity && s.is_allow() && covers(s, action) == Tri::Yes && limits_roles(s) == Tri::No
        })
        .filter_map(move |(index, s)| Some((index, s, resource_covering(s, reach)?)))
}

/// A label on the `Action` value that grants `action` through a wildcard (`sts:*`, `*`), so a
/// reader sees where the grant comes from; `None` when the action is named as it is.
pub fn wildcard_grant_label(statement: &Statement, action: &str) -> Option<(Span, String)> {
    statement
        .action
        .as_ref()?
        .values
        .iter()
        .find(|v| value_matches(v, action) == Tri::Yes)
        .filter(|v| v.known() != Some(action))
        .map(|v| (v.span, format!("`{}` grants `{action}`", v.value.written())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Span;

    fn value(text: &str) -> SVal {
        SVal {
            value: Val::Known(text.to_string()),
            span: Span::file_start(0),
        }
    }

    #[test]
    fn every_role_of_every_account() {
        for yes in [
            "*",
            "arn:*",
            "arn:aws:iam::*:role/*",
            "arn:*:iam::*:role/*",
            "arn:aws:iam::*:*",
            "arn:aws:iam::*",
            "arn:aws:iam::????????????:role/*",
            "arn:aws:iam::*:role/?*",
            "arn:aws:iam::*:role*",
            "arn:aws-cn:iam::*:role/*",
            "arn:aws*:iam::*:role/*",
        ] {
            assert_eq!(covers_every_role(&value(yes)), Tri::Yes, "{yes}");
        }
        for no in [
            "arn:aws:iam::111122223333:role/*",
            "arn:aws:iam::1*:role/*",
            "arn:aws:iam::*:role/team-*",
            "arn:aws:iam::*:role/*/admin",
            "arn:aws:iam::*:user/*",
            "arn:aws:iam::???????????:role/*",
            "arn:aws:iam::*:role/?",
            "arn:aws:s3:::*",
            "arn:aws:iam:*:*:role/*x",
            "arn:aws:iam::*:Role/*",
        ] {
            assert_eq!(covers_every_role(&value(no)), Tri::No, "{no}");
        }
        assert_eq!(
            covers_every_role(&value("arn:aws:iam::${aws:PrincipalAccount}:role/*")),
            Tri::Unknown
        );
    }

    #[test]
    fn every_role_of_one_account() {
        assert_eq!(
            covers_every_role_of_an_account(&value("arn:aws:iam::111122223333:role/*")),
            Tri::Yes
        );
        assert_eq!(
            covers_every_role_of_an_account(&value("arn:aws:iam::111122223333:*")),
            Tri::Yes
        );
        assert_eq!(
            covers_every_role_of_an_account(&value("arn:aws:iam::111122223333:role/app-*")),
            Tri::No
        );
        assert_eq!(
            covers_every_role_of_an_account(&value("arn:aws:iam::<account of infra>:role/*")),
            Tri::Yes
        );
    }

    #[test]
    fn some_role() {
        for yes in [
            "*",
            "arn:aws:iam::111122223333:role/admin",
            "arn:aws:iam::111122223333:role/path/to/admin",
            "arn:aws-us-gov:iam::111122223333:role/a",
            "arn:aws:iam::*:role/team-*",
            "arn:aws:iam::*:*",
            "arn:aws:iam::<account of infra>:role/x",
            "arn:aws:*:*:*:*",
        ] {
            assert_eq!(may_match_a_role(&value(yes)), Tri::Yes, "{yes}");
        }
        for no in [
            "arn:aws:iam::111122223333:user/alice",
            "arn:aws:iam::111122223333:group/admins",
            "arn:aws:iam::111122223333:policy/p",
            "arn:aws:iam::111122223333:admin",
            "arn:aws:iam::1111222233:role/admin",
            "arn:aws:s3:::bucket/*",
            "arn:aws:sts::111122223333:role/admin",
            "arn:aws:iam::111122223333:role/",
            "arn:aws:iam:us-east-1:111122223333:role/admin",
            "role/admin",
            "arn:aws:iam::111122223333:user/*",
        ] {
            assert_eq!(may_match_a_role(&value(no)), Tri::No, "{no}");
        }
        // A path may hold `:` (IAM allows printable ASCII in paths), so a `*` account can
        // reach into one: `arn:aws:iam::1…:role/x:user/y` is a role ARN.
        assert_eq!(may_match_a_role(&value("arn:aws:iam::*:user/*")), Tri::Yes);
    }

    #[test]
    fn plain_arns_are_judged_as_the_automaton_judges_them() {
        let language = role_language(None, Account::Any);
        for text in [
            "arn:aws:iam::111122223333:role/deploy",
            "arn:aws-us-gov:iam::111122223333:role/path/x:y",
            "arn:aws:iam::111122223333:role/",
            "arn:aws:iam::11112222333:role/deploy",
            "arn:aws:iam::111122223333:user/deploy",
            "arn:aws:iam:us-east-1:111122223333:role/deploy",
            "arn::iam::111122223333:role/deploy",
        ] {
            let automaton = explore(text, &language).map(|r| r.some);
            assert_eq!(
                Some(language_contains(&language, text)),
                automaton,
                "{text}"
            );
        }
    }

    #[test]
    fn huge_patterns_are_unknown() {
        let long = format!("arn:aws:iam::*:role/{}", "*a".repeat(600));
        assert_eq!(may_match_a_role(&value(&long)), Tri::Unknown);
        // It ends in a literal, so it cannot cover every role whatever its length ...
        assert_eq!(covers_every_role(&value(&long)), Tri::No);
        // ... but one that matches a plain role ARN is too long to decide.
        let stars = format!("arn:aws:iam::*:role/{}", "*".repeat(1200));
        assert_eq!(covers_every_role(&value(&stars)), Tri::Unknown);
        // Under the length bound, a pattern built to blow up the exploration still ends.
        let hostile = format!("arn:aws:iam::*:role/{}", "*?a".repeat(300));
        assert_ne!(covers_every_role(&value(&hostile)), Tri::Yes);
    }
}
