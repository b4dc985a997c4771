//! A finding, independent of how it is rendered.

use std::cmp::Ordering;

use serde::Serialize;

use crate::rules::RuleMeta;
use crate::source::{SourceMap, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    pub fn parse(text: &str) -> Option<Severity> {
        match text {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

/// A secondary location with its own message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub rule: &'static RuleMeta,
    pub severity: Severity,
    pub message: String,
    /// The offending value itself (the `"*"`, not its statement).
    pub span: Span,
    pub labels: Vec<Label>,
    /// How to fix it; the rule's general advice unless the finding has a better one.
    pub help: String,
}

impl Diagnostic {
    pub fn new(rule: &'static RuleMeta, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            rule,
            severity: rule.severity,
            message: message.into(),
            span,
            labels: Vec::new(),
            help: rule.help.to_string(),
        }
    }

    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = help.into();
        self
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// The documentation page of the rule.
    pub fn url(&self) -> String {
        self.rule.url()
    }
}

/// Orders diagnostics by (path, start, end, code, message) so output is byte-identical
/// whatever the thread count (DESIGN §1.7).
pub fn sort(diagnostics: &mut [Diagnostic], sources: &SourceMap) {
    diagnostics.sort_by(|a, b| compare(a, b, sources));
}

fn compare(a: &Diagnostic, b: &Diagnostic, sources: &SourceMap) -> Ordering {
    sources
        .get(a.span.file)
        .path
        .cmp(&sources.get(b.span.file).path)
        .then(a.span.start.cmp(&b.span.start))
        .then(a.span.end.cmp(&b.span.end))
        .then(a.rule.code.cmp(b.rule.code))
        .then_with(|| a.message.cmp(&b.message))
}
