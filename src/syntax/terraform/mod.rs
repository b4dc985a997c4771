//! Terraform `.tf` files: IAM resources and data sources to policy documents whose spans point
//! into the `.tf` itself (inside `jsonencode(...)`, inside a heredoc, on an attribute of a
//! `data "aws_iam_policy_document"`), with hcl-edit.
//!
//! A module is a directory: its `.tf` files share variables, locals and data sources, so they
//! are read together first ([`Modules::load`]); then each file is lowered on its own with its
//! module at hand ([`parse`]). Values the linter cannot know (a variable without a default or
//! `.tfvars` value, a resource attribute, a function result) are unknown, never guessed.

mod document;
mod hcl;
pub mod module;
mod policy_document;
mod resource_index;
mod resources;
mod values;

pub use module::{Module, Modules};

use super::Parsed;
use super::json::SyntaxError;
use crate::source::{FileId, Span};

/// Whether the text may hold IAM: a cheap test that spares parsing files of other providers.
fn mentions_iam(text: &str) -> bool {
    text.contains("aws_iam_")
}

/// Lowers one `.tf` file of `module`. A file that does not parse is one TL001 finding at the
/// error; a file without IAM resources yields nothing.
pub fn parse(text: &str, file: FileId, module: &Module) -> Parsed {
    let parsed_here;
    let body = match module.body(file) {
        Some(body) => body,
        None => match hcl::parse(text) {
            Ok(parsed) => {
                parsed_here = parsed.body;
                &parsed_here
            }
            Err(error) => {
                return Parsed {
                    syntax_errors: vec![syntax_error(text, file, &error)],
                    ..Parsed::default()
                };
            }
        },
    };
    if !mentions_iam(text) {
        return Parsed::default();
    }
    resources::lower(body, file, text, module)
}

/// hcl-edit's error as a TL001 finding: at its byte offset, with its message.
pub(crate) fn syntax_error(
    text: &str,
    file: FileId,
    error: &hcl_edit::parser::Error,
) -> SyntaxError {
    let start = error.location().offset().min(text.len());
    // The character at the error, unless the line ends there.
    let end = text[start..]
        .chars()
        .next()
        .filter(|c| *c != '\n' && *c != '\r')
        .map_or(start, |c| start + c.len_utf8());
    SyntaxError {
        span: Span::new(file, start, end),
        message: format!("invalid HCL: {}", error.message()),
        opened: None,
    }
}
