//! Values as a static linter sees them: known text, or unknown until deploy time.

use crate::source::Span;

/// A leaf value. A Terraform variable or a CFN parameter is `Unknown`, never `*` and never
/// empty: a rule whose verdict depends on it stays silent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Val {
    Known(String),
    /// What the value is (`var.account_id`), for messages.
    Unknown(String),
}

impl Val {
    pub fn known(&self) -> Option<&str> {
        match self {
            Val::Known(text) => Some(text),
            Val::Unknown(_) => None,
        }
    }
}

/// A value with the byte span it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

pub type SVal = Spanned<Val>;

impl SVal {
    pub fn known(&self) -> Option<&str> {
        self.value.known()
    }
}
