//! Terraform `.tf` files: IAM resources and data sources to policy documents whose spans point
//! into the `.tf` itself (inside `jsonencode(...)`, inside a heredoc, on an attribute of a
//! `data "aws_iam_policy_document"`), with hcl-edit. Files in Terraform's JSON syntax
//! (`.tf.json`, `.tfvars.json`) are translated to HCL first ([`json_syntax`]), with their spans
//! mapped back into the JSON.
//!
//! A module is a directory: its `.tf` files share variables, locals and data sources, so they
//! are read together first ([`Modules::load`]); then each file is lowered on its own with its
//! module at hand ([`parse`]). Values the linter cannot know (a variable without a default or
//! `.tfvars` value, a resource attribute, a function result) are unknown, never guessed.

mod calls;
mod document;
mod files;
mod hcl;
mod json_syntax;
pub mod module;
mod modules;
mod policy_document;
mod resource_index;
mod resources;
mod values;

pub use module::Module;
pub use modules::Modules;

use hcl_edit::structure::Body;

use super::Parsed;
use super::json::SyntaxError;
use crate::source::{FileId, Span};
use json_syntax::Kind;
use module::Read;

/// Whether the text may hold IAM: a cheap test that spares parsing files of other providers.
fn mentions_iam(text: &str) -> bool {
    text.contains("aws_iam_")
}

/// Lowers one `.tf` file of `module`. A file that does not parse is one TL001 finding at the
/// error; a file without IAM resources yields nothing.
pub fn parse(text: &str, file: FileId, module: &Module) -> Parsed {
    parse_as(text, file, module, None)
}

/// Lowers one `.tf.json` file of `module`, as [`parse`] does a `.tf`: invalid JSON is one TL001
/// finding at the JSON front end's error, and every span points into the JSON.
pub fn parse_json(text: &str, file: FileId, module: &Module) -> Parsed {
    parse_as(text, file, module, Some(Kind::Config))
}

fn parse_as(text: &str, file: FileId, module: &Module, json: Option<Kind>) -> Parsed {
    if let Some(body) = module.body(file) {
        return lower(body, file, text, module);
    }
    let read = match read_body(text, file, json) {
        Ok(read) => read,
        Err(error) => {
            return Parsed {
                syntax_errors: vec![error],
                ..Parsed::default()
            };
        }
    };
    // A file no module read (standard input) is read as a module of its own: scopes find
    // the map of a JSON file's spans, and renamed keys, in their module.
    let own = Module::standalone(file, text, read);
    match own.body(file) {
        Some(body) => lower(body, file, text, &own),
        None => Parsed::default(),
    }
}

fn lower(body: &Body, file: FileId, text: &str, module: &Module) -> Parsed {
    // A file that calls a module may deploy IAM through it.
    if !mentions_iam(text) && module.instances.is_empty() {
        return Parsed::default();
    }
    resources::lower(body, file, text, module)
}

/// A file's body: a `.tf` parsed as it is, a JSON file (`json`: what it holds) through its HCL
/// translation, with the map of that translation's offsets back into the JSON. What does not
/// parse is a TL001 finding at the error, in `text`.
pub(crate) fn read_body(text: &str, file: FileId, json: Option<Kind>) -> Result<Read, SyntaxError> {
    let Some(kind) = json else {
        return match hcl::parse(text) {
            Ok(parsed) => Ok(Read {
                body: parsed.body,
                renamed_keys: parsed.renamed_keys,
                map: None,
            }),
            Err(error) => Err(syntax_error(
                text,
                file,
                error.location().offset(),
                &format!("invalid HCL: {}", error.message()),
            )),
        };
    };
    let converted = json_syntax::convert(text, file, kind)?;
    match hcl::parse(&converted.hcl) {
        Ok(parsed) => Ok(Read {
            body: parsed.body,
            renamed_keys: parsed.renamed_keys,
            map: Some(converted.map),
        }),
        // An expression inside a JSON string that is not valid HCL, or a repeated argument.
        Err(error) => Err(syntax_error(
            text,
            file,
            converted.map.offset(error.location().offset()),
            &format!("invalid Terraform JSON: {}", error.message()),
        )),
    }
}

/// An error at byte `offset` of `text` as a TL001 finding, with `message`.
fn syntax_error(text: &str, file: FileId, offset: usize, message: &str) -> SyntaxError {
    let start = crate::source::floor_char_boundary(text, offset.min(text.len()));
    // The character at the error, unless the line ends there.
    let end = text[start..]
        .chars()
        .next()
        .filter(|c| *c != '\n' && *c != '\r')
        .map_or(start, |c| start + c.len_utf8());
    SyntaxError {
        span: Span::new(file, start, end),
        message: message.to_string(),
        opened: None,
    }
}
