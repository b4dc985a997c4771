//! `[[principal]]` entries: plain policy files attached to a user, group or role ARN, so that a
//! folder of policies (not only an account dump) feeds the principal graph.
//!
//! ```toml
//! [[principal]]
//! arn = "arn:aws:iam::111122223333:role/deploy"
//! trust = "roles/deploy/trust.json"
//! policies = ["roles/deploy/inline.json", "policies/managed-deploy.json"]
//! boundary = "policies/boundary.json"
//! ```
//!
//! Each attached file is read once and its document checked once by the document rules, with
//! the kind the entry gives it (a `trust` file is a trust policy whatever its content suggests).
//! In the graph, a `trust` file is the trust policy of its role (a copy per role when several
//! roles share it); a `policies` or `boundary` file is a managed policy under the synthetic ARN
//! `trustlint:file:<path>` that every principal naming it lists, so one document feeds them
//! all. A file the walk also finds is linted in its attached form only.

use std::collections::{HashMap, HashSet};
use std::ffi::OsString;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::discover::{Candidate, display_path};
use crate::model::arn::{AwsPrincipal, classify_aws_principal, is_account_id, is_partition};
use crate::model::{Attachment, Document, DocumentKind, Entity, Owner, OwnerKind};
use crate::report::diagnostic::Diagnostic;
use crate::source::{FileId, Span};
use crate::syntax::json::Dialect;
use crate::syntax::{Format, Parsed};

/// One `[[principal]]` table as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrincipalEntry {
    /// The user, group or role ARN.
    pub arn: Spanned<String>,
    /// A role's trust policy file.
    pub trust: Option<Spanned<String>>,
    /// Identity policy files (inline or managed).
    pub policies: Option<Spanned<Vec<Spanned<String>>>>,
    /// The permissions boundary file of a user or role.
    pub boundary: Option<Spanned<String>>,
    /// A user's groups, by name (same account).
    pub groups: Option<Spanned<Vec<Spanned<String>>>>,
}

/// The checked `[[principal]]` entries of a configuration, ready for a run.
#[derive(Debug, Clone, Default)]
pub struct Principals {
    /// The configuration file as the run shows it: the entities' spans point into it, so the
    /// run adds it to its sources.
    pub config_display: String,
    pub config_text: String,
    pub entries: Vec<PrincipalSpec>,
    /// Every attached file, once (by canonical path), in the order first named.
    pub files: Vec<AttachedFile>,
    by_canonical: HashMap<PathBuf, usize>,
    /// The attached files' names: only walked files of these names are canonicalised.
    names: HashSet<OsString>,
}

/// One checked entry. Spans are byte ranges in the configuration text.
#[derive(Debug, Clone)]
pub struct PrincipalSpec {
    pub kind: OwnerKind,
    pub arn: String,
    pub account: String,
    pub name: String,
    pub arn_span: Range<usize>,
    pub groups: Vec<(String, Range<usize>)>,
    /// Indexes into [`Principals::files`], with the span of the value naming the file.
    pub trust: Option<(usize, Range<usize>)>,
    pub policies: Vec<(usize, Range<usize>)>,
    pub boundary: Option<(usize, Range<usize>)>,
}

/// A file named by one or more entries.
#[derive(Debug, Clone)]
pub struct AttachedFile {
    /// Where to read it (the configuration's directory joined with the value).
    pub path: PathBuf,
    /// How it is shown when the walk does not find it, and the key of its synthetic ARN.
    pub display: String,
    pub canonical: PathBuf,
    pub uses: Vec<Use>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UseKind {
    Trust,
    Policy,
    Boundary,
}

impl UseKind {
    fn key(self) -> &'static str {
        match self {
            UseKind::Trust => "trust",
            UseKind::Policy => "policies",
            UseKind::Boundary => "boundary",
        }
    }

    fn noun(self) -> &'static str {
        match self {
            UseKind::Trust => "the trust policy",
            UseKind::Policy => "an identity policy",
            UseKind::Boundary => "the permissions boundary",
        }
    }
}

/// One entry naming a file.
#[derive(Debug, Clone)]
pub struct Use {
    pub kind: UseKind,
    /// Index into [`Principals::entries`].
    pub principal: usize,
    pub span: Range<usize>,
}

/// What attaching a file to its principals adds to what the file yields.
#[derive(Debug, Default)]
pub struct Applied {
    /// Copies of a shared trust policy, one per further role: for the graph, not the rules.
    pub graph_documents: Vec<Document>,
    /// An attached file that holds no bare policy document.
    pub diagnostics: Vec<Diagnostic>,
}

/// Checks the entries: ARNs, which keys fit which kind, and that every file exists. An error
/// is a span in the configuration text and a message.
pub(super) fn resolve(
    entries: &[PrincipalEntry],
    config_path: &Path,
    config_display: &str,
    text: &str,
) -> Result<Principals, (Range<usize>, String)> {
    let mut principals = Principals {
        config_display: config_display.to_string(),
        config_text: text.to_string(),
        ..Principals::default()
    };
    let base_dir = config_path.parent().unwrap_or(Path::new(""));
    let display_dir = Path::new(config_display).parent().unwrap_or(Path::new(""));
    let mut arns: HashMap<String, Range<usize>> = HashMap::new();
    for entry in entries {
        let arn_span = entry.arn.span();
        let arn = entry.arn.get_ref().as_str();
        let (kind, account, name) = parse_arn(arn).map_err(|m| {
            (
                arn_span.clone(),
                format!("`{arn}` is not a user, group or role ARN: {m}"),
            )
        })?;
        if let Some(first) = arns.get(arn) {
            return Err((
                arn_span,
                format!(
                    "`{arn}` has another `[[principal]]` entry at line {}: give each principal one entry",
                    line_of(text, first.start)
                ),
            ));
        }
        arns.insert(arn.to_string(), arn_span.clone());
        let noun = kind_noun(kind);
        if let (Some(trust), false) = (&entry.trust, kind == OwnerKind::Role) {
            return Err((
                trust.span(),
                format!("`trust` is a role's trust policy, but `{arn}` is a {noun}"),
            ));
        }
        if let (Some(groups), false) = (&entry.groups, kind == OwnerKind::User) {
            return Err((
                groups.span(),
                format!("`groups` lists a user's groups, but `{arn}` is a {noun}"),
            ));
        }
        if let (Some(boundary), OwnerKind::Group) = (&entry.boundary, kind) {
            // Boundaries are set on users and roles only [UG:access_policies_boundaries].
            return Err((
                boundary.span(),
                format!("`{arn}` is a group, and only users and roles have a permissions boundary"),
            ));
        }
        let index = principals.entries.len();
        let mut spec = PrincipalSpec {
            kind,
            arn: arn.to_string(),
            account,
            name,
            arn_span,
            groups: Vec::new(),
            trust: None,
            policies: Vec::new(),
            boundary: None,
        };
        for group in entry.groups.iter().flat_map(|g| g.get_ref()) {
            let name = group.get_ref();
            if let Some(problem) = group_name_problem(name) {
                return Err((
                    group.span(),
                    format!("`{name}` is not a group name: {problem}"),
                ));
            }
            spec.groups.push((name.clone(), group.span()));
        }
        let mut attach = |value: &Spanned<String>, kind: UseKind| {
            principals
                .attach(value, kind, index, base_dir, display_dir)
                .map(|file| (file, value.span()))
        };
        if let Some(trust) = &entry.trust {
            spec.trust = Some(attach(trust, UseKind::Trust)?);
        }
        for policy in entry.policies.iter().flat_map(|p| p.get_ref()) {
            let attached = attach(policy, UseKind::Policy)?;
            // The same file listed twice is attached once.
            if !spec.policies.iter().any(|(file, _)| *file == attached.0) {
                spec.policies.push(attached);
            }
        }
        if let Some(boundary) = &entry.boundary {
            spec.boundary = Some(attach(boundary, UseKind::Boundary)?);
        }
        principals.entries.push(spec);
    }
    Ok(principals)
}

impl Principals {
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Finds or adds the file a value names, and records the use.
    fn attach(
        &mut self,
        value: &Spanned<String>,
        kind: UseKind,
        principal: usize,
        base_dir: &Path,
        display_dir: &Path,
    ) -> Result<usize, (Range<usize>, String)> {
        let relative = value.get_ref();
        let error = |message: String| Err((value.span(), message));
        if relative.trim().is_empty() {
            return error(format!("`{}` needs a file path", kind.key()));
        }
        let path = base_dir.join(relative);
        let canonical = match std::fs::canonicalize(&path) {
            Ok(canonical) => canonical,
            Err(err) => {
                return error(format!(
                    "cannot read `{relative}` ({}): {}",
                    display_path(&path),
                    crate::input::describe_io(&err)
                ));
            }
        };
        if !canonical.is_file() {
            return error(format!("`{relative}` is not a file"));
        }
        let file = match self.by_canonical.get(&canonical) {
            Some(&file) => file,
            None => {
                if let Some(name) = canonical.file_name() {
                    self.names.insert(name.to_os_string());
                }
                if let Some(name) = path.file_name() {
                    self.names.insert(name.to_os_string());
                }
                self.files.push(AttachedFile {
                    display: display_path(&normalize(&display_dir.join(relative))),
                    path,
                    canonical: canonical.clone(),
                    uses: Vec::new(),
                });
                self.by_canonical.insert(canonical, self.files.len() - 1);
                self.files.len() - 1
            }
        };
        // A document is either a trust policy or a permission policy: it is linted as one.
        let is_trust = kind == UseKind::Trust;
        if let Some(other) = self.files[file]
            .uses
            .iter()
            .find(|u| (u.kind == UseKind::Trust) != is_trust)
        {
            return error(format!(
                "`{relative}` is already {} of `{}` (line {}): a file cannot be both a trust policy and a permission policy",
                other.kind.noun(),
                self.entries
                    .get(other.principal)
                    .map_or("this entry", |p| p.arn.as_str()),
                line_of(&self.config_text, other.span.start)
            ));
        }
        self.files[file].uses.push(Use {
            kind,
            principal,
            span: value.span(),
        });
        Ok(file)
    }

    /// The synthetic managed-policy ARN a `policies` or `boundary` file is known by.
    pub fn synthetic_arn(&self, file: usize) -> String {
        format!("trustlint:file:{}", self.files[file].display)
    }

    /// The attached file a path is, if any. Only paths of an attached file's name, or links
    /// (an alias of another name), are resolved: most files of a run are neither.
    pub fn lookup(&self, path: &Path) -> Option<usize> {
        let named = self.names.contains(path.file_name()?);
        if !named && !std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
            return None;
        }
        let canonical = std::fs::canonicalize(path).ok()?;
        self.by_canonical.get(&canonical).copied()
    }

    /// Marks the run's candidates that are attached files and adds those the walk did not
    /// find (files outside the linted paths are read too). Returns, per candidate in the new
    /// (sorted) order, the attached file it is.
    pub fn attach_candidates(&self, candidates: &mut Vec<Candidate>) -> Vec<Option<usize>> {
        use rayon::prelude::*;
        let mut marks: Vec<Option<usize>> = candidates
            .par_iter_mut()
            .map(|candidate| {
                if candidate.problem.is_some() {
                    return None;
                }
                let file = self.lookup(&candidate.path)?;
                // An attached file is a policy file whatever its name: its errors are shown.
                candidate.format = candidate.format.or(Some(Format::Json(Dialect::Strict)));
                Some(file)
            })
            .collect();
        let mut found = vec![false; self.files.len()];
        let mut duplicate = false;
        for file in marks.iter().flatten() {
            // The same file reached twice (a link, or named again): read it once.
            duplicate |= std::mem::replace(&mut found[*file], true);
        }
        let mut changed = duplicate;
        for (index, file) in self.files.iter().enumerate() {
            if found[index] {
                continue;
            }
            changed = true;
            candidates.push(Candidate {
                path: file.path.clone(),
                display: file.display.clone(),
                format: Format::of_path(&file.display).or(Some(Format::Json(Dialect::Strict))),
                problem: None,
                context_only: false,
                report: true,
            });
            marks.push(Some(index));
        }
        if changed {
            let mut pairs: Vec<(Candidate, Option<usize>)> =
                candidates.drain(..).zip(marks).collect();
            pairs.sort_by(|a, b| a.0.display.cmp(&b.0.display));
            pairs.dedup_by(|a, b| a.0.display == b.0.display);
            // Of several paths to one file, the first that is not a link is read.
            let is_link = |c: &Candidate| {
                std::fs::symlink_metadata(&c.path).is_ok_and(|m| m.file_type().is_symlink())
            };
            let mut chosen: Vec<Option<(usize, bool)>> = vec![None; self.files.len()];
            for (index, (candidate, mark)) in pairs.iter().enumerate() {
                let Some(file) = mark else { continue };
                match chosen[*file] {
                    Some((_, false)) => {}
                    Some((_, true)) if is_link(candidate) => {}
                    _ => chosen[*file] = Some((index, is_link(candidate))),
                }
            }
            let mut index = 0;
            pairs.retain(|(_, mark)| {
                index += 1;
                mark.is_none_or(|file| chosen[file].is_some_and(|(i, _)| i == index - 1))
            });
            let (sorted, sorted_marks) = pairs.into_iter().unzip();
            *candidates = sorted;
            marks = sorted_marks;
        }
        marks
    }

    fn owner(&self, principal: usize) -> Owner {
        let spec = &self.entries[principal];
        Owner {
            kind: spec.kind,
            name: Some(spec.name.clone()),
            account: Some(spec.account.clone()),
            arn: Some(spec.arn.clone()),
        }
    }

    /// Gives an attached file's document its kind, owner and attachment, before the document
    /// rules run. `file` is the file's id in the run, `config` the configuration's.
    pub fn apply(
        &self,
        attached: usize,
        file: FileId,
        config: FileId,
        parsed: &mut Parsed,
    ) -> Applied {
        let info = &self.files[attached];
        let mut applied = Applied::default();
        let bare = parsed.inventory.entities.is_empty()
            && parsed.documents.len() == 1
            && parsed.documents[0].owner.is_none()
            && parsed.documents[0].attachment == Attachment::Standalone;
        if !bare {
            // A file that does not parse already says so (TL001).
            if parsed.syntax_errors.is_empty() {
                applied
                    .diagnostics
                    .push(self.not_a_policy(info, file, config, parsed));
            }
            return applied;
        }
        let document = &mut parsed.documents[0];
        let trust_owners: Vec<usize> = info
            .uses
            .iter()
            .filter(|u| u.kind == UseKind::Trust)
            .map(|u| u.principal)
            .collect();
        if let Some((&first, rest)) = trust_owners.split_first() {
            document.kind = DocumentKind::Trust;
            document.attachment = Attachment::Trust;
            document.owner = Some(self.owner(first));
            for &other in rest {
                let mut copy = document.clone();
                copy.owner = Some(self.owner(other));
                applied.graph_documents.push(copy);
            }
            return applied;
        }
        document.kind = if info.uses.iter().any(|u| u.kind == UseKind::Policy) {
            DocumentKind::Identity
        } else {
            DocumentKind::Boundary
        };
        document.attachment = Attachment::Managed {
            arn: self.synthetic_arn(attached),
        };
        let mut owners: Vec<usize> = info.uses.iter().map(|u| u.principal).collect();
        owners.sort_unstable();
        owners.dedup();
        document.owner = match owners.as_slice() {
            [only] => Some(self.owner(*only)),
            _ => None,
        };
        applied
    }

    fn not_a_policy(
        &self,
        info: &AttachedFile,
        file: FileId,
        config: FileId,
        parsed: &Parsed,
    ) -> Diagnostic {
        let first = &info.uses[0];
        let what = if parsed.documents.is_empty() && parsed.inventory.entities.is_empty() {
            "holds no policy document"
        } else {
            "is not a bare policy document (it names its own principals)"
        };
        let mut diagnostic = Diagnostic::new(
            &crate::rules::invalid_policy_shape::RULE.meta,
            Span::file_start(file),
            format!(
                "this file is attached as {} of `{}` in `{}` but {what}",
                first.kind.noun(),
                self.entries[first.principal].arn,
                self.config_display
            ),
        )
        .with_help(
            "Attach a file holding one policy document (`{\"Version\": …, \"Statement\": …}`), or remove it from the `[[principal]]` entry.",
        );
        for using in &info.uses {
            diagnostic = diagnostic.with_label(
                Span::new(config, using.span.start, using.span.end),
                format!(
                    "attached as {} of `{}` here",
                    using.kind.noun(),
                    self.entries[using.principal].arn
                ),
            );
        }
        diagnostic
    }

    /// The users, groups and roles the entries define, their spans in the configuration
    /// (file `config` of the run).
    pub fn entities(&self, config: FileId) -> Vec<Entity> {
        let span = |range: &Range<usize>| Span::new(config, range.start, range.end);
        self.entries
            .iter()
            .map(|spec| {
                let mut entity = Entity::new(
                    spec.kind,
                    spec.arn.clone(),
                    spec.account.clone(),
                    spec.name.clone(),
                    span(&spec.arn_span),
                );
                entity.groups = spec
                    .groups
                    .iter()
                    .map(|(name, range)| crate::model::Spanned {
                        value: name.clone(),
                        span: span(range),
                    })
                    .collect();
                entity.managed_policies = spec
                    .policies
                    .iter()
                    .map(|(file, range)| crate::model::Spanned {
                        value: self.synthetic_arn(*file),
                        span: span(range),
                    })
                    .collect();
                entity.boundary =
                    spec.boundary
                        .as_ref()
                        .map(|(file, range)| crate::model::Spanned {
                            value: self.synthetic_arn(*file),
                            span: span(range),
                        });
                entity
            })
            .collect()
    }
}

fn kind_noun(kind: OwnerKind) -> &'static str {
    match kind {
        OwnerKind::Role => "role",
        OwnerKind::User => "user",
        OwnerKind::Group => "group",
    }
}

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// The kind, account and name of a user, group or role ARN, or what is wrong with it.
fn parse_arn(text: &str) -> Result<(OwnerKind, String, String), String> {
    if text.contains(['*', '?']) {
        return Err("an entry names exactly one principal, without wildcards".to_string());
    }
    const EXPECTED: &str =
        "expected `arn:aws:iam::<account>:user/<name>`, `…:role/<name>` or `…:group/<name>`";
    let parts: Vec<&str> = text.splitn(6, ':').collect();
    if let ["arn", partition, "iam", "", account, resource] = parts.as_slice()
        && let Some(rest) = resource.strip_prefix("group/")
    {
        if !is_partition(partition) {
            return Err("unknown partition".to_string());
        }
        if !is_account_id(account) {
            return Err("the account must be exactly 12 digits".to_string());
        }
        let name = rest.rsplit('/').next().unwrap_or(rest);
        let path = &rest[..rest.len() - name.len()];
        if let Some(problem) = group_name_problem(name) {
            return Err(problem.to_string());
        }
        if !path.bytes().all(|b| (0x21..=0x7e).contains(&b)) || path == "/" {
            return Err("the path is not a valid IAM path".to_string());
        }
        return Ok((OwnerKind::Group, account.to_string(), name.to_string()));
    }
    let short = |path_and_name: &str| {
        path_and_name
            .rsplit('/')
            .next()
            .unwrap_or(path_and_name)
            .to_string()
    };
    match classify_aws_principal(text) {
        AwsPrincipal::User {
            account,
            path_and_name,
        } if text.starts_with("arn:") => {
            Ok((OwnerKind::User, account.to_string(), short(path_and_name)))
        }
        AwsPrincipal::Role {
            account,
            path_and_name,
        } if text.starts_with("arn:") => {
            Ok((OwnerKind::Role, account.to_string(), short(path_and_name)))
        }
        AwsPrincipal::Account { .. } => Err(format!("it names a whole account; {EXPECTED}")),
        AwsPrincipal::AssumedRole { .. } => Err(
            "it names a role session; give the role's ARN (`arn:aws:iam::<account>:role/<name>`)"
                .to_string(),
        ),
        // A user or role ARN with a bad account, path or name: say which part.
        AwsPrincipal::Invalid(reason) if matches!(parts.get(5), Some(r) if r.starts_with("user/") || r.starts_with("role/")) => {
            Err(reason.to_string())
        }
        _ => Err(EXPECTED.to_string()),
    }
}

/// What is wrong with a group name: IAM's CreateGroup contract is 1–128 characters of
/// `[A-Za-z0-9_+=,.@-]` [IAM API CreateGroup].
fn group_name_problem(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        return Some("the name is empty");
    }
    if name.len() > 128 {
        return Some("a group name is at most 128 characters");
    }
    if name.starts_with("arn:") {
        return Some("give the group's name, not its ARN (groups are in the user's account)");
    }
    if !name
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"_+=,.@-".contains(&b))
    {
        return Some("a group name holds only letters, digits and `_+=,.@-`");
    }
    None
}

/// `a/./b/../c` as `a/c`, without touching the file system (a display path, not a lookup).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                let last_is_name =
                    matches!(out.components().next_back(), Some(Component::Normal(_)));
                if last_is_name {
                    out.pop();
                } else {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arns_of_each_kind() {
        assert_eq!(
            parse_arn("arn:aws:iam::111122223333:role/service-role/deploy").unwrap(),
            (OwnerKind::Role, "111122223333".into(), "deploy".into())
        );
        assert_eq!(
            parse_arn("arn:aws:iam::111122223333:user/alice").unwrap().0,
            OwnerKind::User
        );
        assert_eq!(
            parse_arn("arn:aws-cn:iam::111122223333:group/team/developers").unwrap(),
            (OwnerKind::Group, "111122223333".into(), "developers".into())
        );
    }

    #[test]
    fn malformed_arns() {
        for bad in [
            "deploy",
            "111122223333",
            "arn:aws:iam::111122223333:root",
            "arn:aws:iam::111122223333:role/*",
            "arn:aws:iam::111122223333:role/team-*",
            "arn:aws:sts::111122223333:assumed-role/deploy/session",
            "arn:aws:iam::11112222333:role/deploy",
            "arn:aws:s3:::bucket",
            "arn:aws:iam::111122223333:role/",
            "arn:aws:iam::111122223333:group/",
            "arn:aws:iam::111122223333:policy/deploy",
            "arn:aws:iam:us-east-1:111122223333:role/deploy",
        ] {
            assert!(parse_arn(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn normalized_display_paths() {
        assert_eq!(
            normalize(Path::new("a/./b/../c.json")),
            Path::new("a/c.json")
        );
        assert_eq!(normalize(Path::new("../x.json")), Path::new("../x.json"));
        assert_eq!(normalize(Path::new("./x.json")), Path::new("x.json"));
    }
}
