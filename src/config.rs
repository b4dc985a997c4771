//! `trustlint.toml` / `.trustlint.toml`: discovery and schema. Unknown keys are errors that
//! point at the key.

pub mod principal;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

/// File names looked for, in order, in each directory.
pub const CONFIG_NAMES: &[&str] = &["trustlint.toml", ".trustlint.toml"];

/// Default limit on the size of a file trustlint reads (TL002 beyond it).
pub const DEFAULT_MAX_FILE_SIZE: u64 = 32 * 1024 * 1024;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    #[serde(default)]
    pub lint: LintSection,
    #[serde(default)]
    pub accounts: AccountsSection,
    /// `[[principal]]`: policy files attached to a user, group or role.
    #[serde(default)]
    pub principal: Vec<principal::PrincipalEntry>,
    #[serde(default)]
    pub inventory: InventorySection,
    #[serde(default)]
    pub sessions: SessionsSection,
    #[serde(default)]
    pub quotas: QuotasSection,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LintSection {
    pub select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    pub ignore: Vec<Spanned<String>>,
    #[serde(default)]
    pub extend_select: Vec<Spanned<String>>,
    pub fail_on: Option<Spanned<String>>,
    /// Per-rule severity: `TL204 = "warning"` (code or name).
    #[serde(default)]
    pub severity: BTreeMap<Spanned<String>, Spanned<String>>,
    /// Files larger than this many bytes are not read (TL002).
    pub max_file_size: Option<u64>,
    /// The time rules judge dates against (TL218), as an RFC 3339 date-time; default: the
    /// time the run starts.
    pub now: Option<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccountsSection {
    /// The account IDs that are ours: every other account is a third party.
    #[serde(default)]
    pub own: Vec<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InventorySection {
    /// The input holds every user and role of each account it defines any in, so a same-account
    /// principal it lacks does not exist (TL403 becomes an error).
    #[serde(default)]
    pub complete: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionsSection {
    /// The session length, in seconds, that callers request (`duration_seconds` of the
    /// team's AWS CLI profiles): above 3600 a chained hop cannot give it (TL407).
    pub duration: Option<Spanned<u32>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct QuotasSection {
    /// The account's "Role trust policy length" quota, in characters without whitespace, when
    /// it was raised from AWS's default (TL119).
    pub role_trust_policy_length: Option<Spanned<u32>>,
}

/// AWS's default "Role trust policy length" quota, in characters not counting whitespace; an
/// account may have it raised, never lowered [UG:reference_iam-quotas].
pub const DEFAULT_TRUST_POLICY_LENGTH: u32 = 2_048;

/// Session lengths `DurationSeconds` accepts: 15 minutes to 12 hours [STS-API].
pub const SESSION_DURATION: std::ops::RangeInclusive<u32> = 900..=43_200;

/// A configuration file with the text it was read from, for pointing at errors.
#[derive(Debug)]
pub struct LoadedConfig {
    pub path: PathBuf,
    pub text: String,
    pub file: ConfigFile,
    /// The checked `[[principal]]` entries (empty when there are none).
    pub principals: principal::Principals,
}

/// A configuration problem: where and what.
#[derive(Debug)]
pub struct ConfigError {
    pub path: PathBuf,
    pub text: String,
    pub span: Option<std::ops::Range<usize>>,
    pub message: String,
}

/// Settings rules read at run time.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Our account IDs (`[accounts] own`).
    pub own_accounts: Vec<String>,
    /// The input defines every user and role of each account it defines any in
    /// (`[inventory] complete`).
    pub inventory_complete: bool,
    /// The session length callers request, in seconds (`[sessions] duration`).
    pub session_duration: Option<u32>,
    /// The account's role trust policy length quota (`[quotas] role-trust-policy-length`,
    /// else [`DEFAULT_TRUST_POLICY_LENGTH`]).
    pub trust_policy_length: u32,
    /// The time of the run, in seconds since the epoch (`--now`, `[lint] now`, else the clock
    /// read once when the run starts). `None` when a caller of the library sets none: rules
    /// that judge dates stay silent.
    pub now: Option<i64>,
}

/// Reads an RFC 3339 date-time (or a plain date) as seconds since the epoch, for `--now` and
/// `[lint] now`.
pub fn parse_now(text: &str) -> Result<i64, String> {
    let looks_like_date = text.len() >= 10
        && text.as_bytes()[..10].iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    looks_like_date
        .then(|| crate::eval::condition::parse_date(text))
        .flatten()
        .ok_or_else(|| {
            format!("`{text}` is not an RFC 3339 date-time: use e.g. \"2026-12-04T12:00:00Z\"")
        })
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            own_accounts: Vec::new(),
            inventory_complete: false,
            session_duration: None,
            trust_policy_length: DEFAULT_TRUST_POLICY_LENGTH,
            now: None,
        }
    }
}

impl Settings {
    pub fn is_own_account(&self, account: &str) -> bool {
        self.own_accounts.iter().any(|a| a == account)
    }
}

/// Reads and checks one configuration file.
pub fn load(path: &Path) -> Result<LoadedConfig, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|err| ConfigError {
        path: path.to_path_buf(),
        text: String::new(),
        span: None,
        message: format!("cannot read the configuration: {err}"),
    })?;
    let file: ConfigFile = toml::from_str(&text).map_err(|err| ConfigError {
        path: path.to_path_buf(),
        text: text.clone(),
        span: err.span(),
        message: err.message().trim().to_string(),
    })?;
    for account in &file.accounts.own {
        if !crate::model::arn::is_account_id(account.get_ref()) {
            return Err(ConfigError {
                path: path.to_path_buf(),
                text: text.clone(),
                span: Some(account.span()),
                message: format!(
                    "`{}` is not an AWS account ID: expected exactly 12 digits",
                    account.get_ref()
                ),
            });
        }
    }
    if let Some(duration) = &file.sessions.duration
        && !SESSION_DURATION.contains(duration.get_ref())
    {
        return Err(ConfigError {
            path: path.to_path_buf(),
            text: text.clone(),
            span: Some(duration.span()),
            message: format!(
                "{} seconds is not a session length AWS grants: use {} to {}",
                duration.get_ref(),
                SESSION_DURATION.start(),
                SESSION_DURATION.end()
            ),
        });
    }
    if let Some(length) = &file.quotas.role_trust_policy_length
        && *length.get_ref() < DEFAULT_TRUST_POLICY_LENGTH
    {
        return Err(ConfigError {
            path: path.to_path_buf(),
            text: text.clone(),
            span: Some(length.span()),
            message: format!(
                "{} is below AWS's default role trust policy length of {DEFAULT_TRUST_POLICY_LENGTH} characters, which a quota increase can only raise",
                length.get_ref()
            ),
        });
    }
    if let Some(now) = &file.lint.now
        && let Err(message) = parse_now(now.get_ref())
    {
        return Err(ConfigError {
            path: path.to_path_buf(),
            text: text.clone(),
            span: Some(now.span()),
            message,
        });
    }
    let principals = principal::resolve(&file.principal, path, &display(path), &text).map_err(
        |(span, message)| ConfigError {
            path: path.to_path_buf(),
            text: text.clone(),
            span: Some(span),
            message,
        },
    )?;
    Ok(LoadedConfig {
        path: path.to_path_buf(),
        text,
        file,
        principals,
    })
}

/// A configuration path as shown to the user: relative to the working directory when it lies
/// below it (a discovered configuration's path is absolute), else as it is.
pub fn display(path: &Path) -> String {
    let relative = std::env::current_dir().ok().and_then(|cwd| {
        let absolute = std::path::absolute(path).ok()?;
        absolute.strip_prefix(&cwd).ok().map(Path::to_path_buf)
    });
    match relative {
        Some(relative) if !relative.as_os_str().is_empty() => {
            crate::discover::display_path(&relative)
        }
        _ => crate::discover::display_path(path),
    }
}

/// Finds the configuration for a run: in the directory of the first path or any parent,
/// stopping at the git root.
pub fn discover(first_path: &Path) -> Option<PathBuf> {
    let start = std::path::absolute(first_path).ok()?;
    let mut dir = if start.is_dir() {
        start
    } else {
        start.parent()?.to_path_buf()
    };
    loop {
        for name in CONFIG_NAMES {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
        if dir.join(".git").exists() || !dir.pop() {
            return None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<ConfigFile, toml::de::Error> {
        toml::from_str(text)
    }

    #[test]
    fn unknown_key_is_an_error_at_the_key() {
        let text = "[lint]\nselekt = [\"TL2\"]\n";
        let err = parse(text).unwrap_err();
        let span = err.span().unwrap();
        assert_eq!(&text[span], "selekt");
    }

    #[test]
    fn now_is_an_rfc_3339_date_time() {
        assert_eq!(parse_now("1970-01-02T00:00:00Z"), Ok(86_400));
        assert_eq!(parse_now("1970-01-02"), Ok(86_400));
        assert_eq!(parse_now("1970-01-01T02:00:00+01:00"), Ok(3600));
        assert!(parse_now("tomorrow").is_err());
        assert!(parse_now("1700000000").is_err());
        assert!(parse_now("2026-13-01T00:00:00Z").is_err());
    }

    #[test]
    fn full_schema_parses() {
        let config = parse(
            "[lint]\nselect = [\"ALL\"]\nignore = [\"TL204\"]\nfail-on = \"error\"\n\
             [lint.severity]\nTL204 = \"warning\"\n[accounts]\nown = [\"111122223333\"]\n",
        )
        .unwrap();
        assert_eq!(config.accounts.own[0].get_ref(), "111122223333");
        assert_eq!(config.lint.severity.len(), 1);
    }
}
