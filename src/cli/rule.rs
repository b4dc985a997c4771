//! `trustlint rule <CODE|NAME>` prints a rule's page; `--all` lists the catalog.

use std::fmt::Write;

use clap::Args;
use serde::Serialize;

use super::{EXIT_CLEAN, Outcome};
use crate::rules::{REGISTRY, find};

#[derive(Debug, Args)]
pub struct RuleArgs {
    /// A rule code (TL201) or name (trust-any-principal).
    #[arg(required_unless_present = "all", conflicts_with = "all")]
    pub rule: Option<String>,
    /// List every rule.
    #[arg(long)]
    pub all: bool,
    #[arg(long, value_enum, default_value_t = RuleFormat::Text)]
    pub format: RuleFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RuleFormat {
    Text,
    Json,
}

#[derive(Serialize)]
struct RuleEntry {
    code: &'static str,
    name: &'static str,
    severity: &'static str,
    enabled_by_default: bool,
    summary: &'static str,
    url: String,
}

fn entry(meta: &crate::rules::RuleMeta) -> RuleEntry {
    RuleEntry {
        code: meta.code,
        name: meta.name,
        severity: meta.severity.as_str(),
        enabled_by_default: meta.enabled_by_default,
        summary: meta.summary,
        url: meta.url(),
    }
}

pub fn run(args: RuleArgs) -> Outcome {
    let json = args.format == RuleFormat::Json;
    let stdout = match &args.rule {
        Some(wanted) => {
            let Some(rule) = find(wanted) else {
                return Outcome::usage_error(format!(
                    "error: no rule is called `{wanted}` (see `trustlint rule --all`)\n"
                ));
            };
            if json {
                let mut text = serde_json::to_string_pretty(&entry(&rule.meta))
                    .expect("plain data serializes");
                text.push('\n');
                text
            } else {
                rule.meta.doc.to_string()
            }
        }
        None if json => {
            let entries: Vec<RuleEntry> = REGISTRY.iter().map(|r| entry(&r.meta)).collect();
            let mut text = serde_json::to_string_pretty(&entries).expect("plain data serializes");
            text.push('\n');
            text
        }
        None => {
            let mut text = String::new();
            for rule in REGISTRY {
                let meta = &rule.meta;
                let severity = if meta.enabled_by_default {
                    meta.severity.as_str().to_string()
                } else {
                    format!("{} (off)", meta.severity.as_str())
                };
                let _ = writeln!(
                    text,
                    "{:<6} {:<40} {:<13} {}",
                    meta.code, meta.name, severity, meta.summary
                );
            }
            text
        }
    };
    Outcome {
        stdout,
        stderr: String::new(),
        code: EXIT_CLEAN,
    }
}
