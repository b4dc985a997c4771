//! Values as a static linter sees them: known text, or unknown until deploy time.

use crate::source::Span;

/// A leaf value. A Terraform variable or a CFN parameter is `Unknown`, never `*` and never
/// empty: a rule whose verdict depends on it stays silent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Val {
    Known(String),
    /// What the value is (`var.account_id`), for messages.
    Unknown(String),
    /// Known only at deploy time, but naming something the input defines: see [`Symbol`].
    Symbol(Symbol),
}

/// A value whose text is set at deploy time but whose identity the input tells: a reference to
/// a resource it defines (`aws_iam_role.b.arn`), or an ARN in the account a stack or module is
/// deployed to (`arn:${AWS::Partition}:iam::${AWS::AccountId}:root`). The principal graph
/// joins by `identity`, an ARN whose account may be a deploying account
/// ([`crate::model::arn::deploying_account`]) and whose partition is taken as `aws`. Where
/// the identity is the text AWS will see but for those two, it is `exact` and document rules
/// read it as known text (so `…${AWS::AccountId}:group/admins` is still an invalid principal,
/// and `aws:PrincipalAccount: !Ref AWS::AccountId` still pins the caller); where it holds a
/// resource's address for a name the linter cannot know, they read it as unknown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    /// The expression as written, for messages.
    pub text: String,
    pub identity: String,
    pub exact: bool,
}

impl Val {
    /// The text, when the linter knows it ([`Symbol::exact`] for a symbol).
    pub fn known(&self) -> Option<&str> {
        match self {
            Val::Known(text) => Some(text),
            Val::Symbol(symbol) if symbol.exact => Some(&symbol.identity),
            Val::Unknown(_) | Val::Symbol(_) => None,
        }
    }

    /// What the value names, for joining principals: the text of a known value, the identity
    /// of a symbol; `None` when unknown.
    pub fn identity(&self) -> Option<&str> {
        match self {
            Val::Known(text) => Some(text),
            Val::Symbol(symbol) => Some(&symbol.identity),
            Val::Unknown(_) => None,
        }
    }

    /// How the value is written, for messages: the text, or the expression standing for it.
    pub fn written(&self) -> &str {
        match self {
            Val::Known(text) | Val::Unknown(text) => text,
            Val::Symbol(symbol) => &symbol.text,
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

    pub fn identity(&self) -> Option<&str> {
        self.value.identity()
    }
}
