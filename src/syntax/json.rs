//! JSON, JSONC and JSON5 text to a spanned [`Node`] tree, with jsonc-parser.
//!
//! `.json` is parsed strictly (every lenient option off: jsonc-parser's defaults would accept
//! comments and missing commas, which AWS rejects); `.json5` and `.jsonc` leniently.

mod fast;

use jsonc_parser::ast::{ObjectPropName, Value};
use jsonc_parser::{CollectOptions, ParseOptions, parse_to_ast};

use super::tree::{Member, Node, NodeKind};
use crate::source::{FileId, Span};

/// Which JSON grammar a file is held to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// RFC 8259: what AWS accepts.
    Strict,
    /// Comments, trailing commas, single quotes and the rest of JSON5.
    Lenient,
}

/// Where and why the text is not valid.
#[derive(Debug, Clone)]
pub struct SyntaxError {
    pub span: Span,
    pub message: String,
    /// Where the unterminated object or array opened, when that is the problem.
    pub opened: Option<Span>,
}

const UTF8_BOM: &str = "\u{feff}";

/// Parses a whole file. An empty (or whitespace-only) text is an error: a `.json` file must
/// hold a value.
pub fn parse(text: &str, file: FileId, dialect: Dialect) -> Result<Node, SyntaxError> {
    let (body, shift) = match text.strip_prefix(UTF8_BOM) {
        Some(rest) => (rest, UTF8_BOM.len()),
        None => (text, 0),
    };
    if dialect == Dialect::Strict
        && let Some(root) = fast::parse(body, file, shift)
    {
        return Ok(root);
    }
    parse_with_jsonc(body, file, shift, dialect)
}

/// Parses a file's text after its byte-order mark (`shift` bytes) with jsonc-parser: every
/// dialect, and the errors.
fn parse_with_jsonc(
    body: &str,
    file: FileId,
    shift: usize,
    dialect: Dialect,
) -> Result<Node, SyntaxError> {
    let options = match dialect {
        Dialect::Strict => ParseOptions {
            allow_comments: false,
            allow_loose_object_property_names: false,
            allow_trailing_commas: false,
            allow_missing_commas: false,
            allow_single_quoted_strings: false,
            allow_hexadecimal_numbers: false,
            allow_unary_plus_numbers: false,
            allow_bare_decimal_point_numbers: false,
            allow_non_finite_numbers: false,
            allow_extended_string_escapes: false,
        },
        Dialect::Lenient => ParseOptions::default(),
    };
    let parsed = parse_to_ast(body, &CollectOptions::default(), &options).map_err(|err| {
        use jsonc_parser::errors::ParseErrorKind as K;
        let range = err.range();
        let (start, end) = (range.start + shift, range.end.max(range.start) + shift);
        match err.kind() {
            // jsonc-parser spans the whole unterminated value; the fix belongs at its end.
            K::UnterminatedArray | K::UnterminatedObject => SyntaxError {
                span: Span::new(file, end, end),
                message: describe(err.kind()),
                opened: Some(Span::new(file, start, start + 1)),
            },
            _ => SyntaxError {
                span: Span::new(file, start, end),
                message: describe(err.kind()),
                opened: None,
            },
        }
    })?;
    match parsed.value {
        Some(value) => {
            if let Some(at) = (dialect == Dialect::Strict)
                .then(|| raw_control_in_strings(&value, body))
                .flatten()
            {
                {
                    let byte = body.as_bytes()[at];
                    return Err(SyntaxError {
                        span: Span::new(file, at + shift, at + shift + 1),
                        message: format!(
                            "control character U+{byte:04X} must be escaped inside a JSON string"
                        ),
                        opened: None,
                    });
                }
            }
            Ok(lower(&value, file, shift))
        }
        None => Err(SyntaxError {
            span: Span::new(file, body.len() + shift, body.len() + shift),
            message: "the file is empty: expected a JSON value".to_string(),
            opened: None,
        }),
    }
}

/// jsonc-parser's message, phrased as what was expected where that helps the reader.
fn describe(kind: &jsonc_parser::errors::ParseErrorKind) -> String {
    use jsonc_parser::errors::ParseErrorKind as K;
    match kind {
        K::ExpectedComma => "expected `,` between elements".to_string(),
        K::UnterminatedObject => "unterminated object: expected `}`".to_string(),
        K::UnterminatedArray => "unterminated array: expected `]`".to_string(),
        K::ExpectedColonAfterObjectKey => "expected `:` after the key".to_string(),
        K::ExpectedObjectValue => "expected a value after `:`".to_string(),
        K::CommentsNotAllowed => {
            "comments are not allowed in strict JSON (use .jsonc or .json5 for commented files)"
                .to_string()
        }
        K::TrailingCommasNotAllowed => "trailing comma: strict JSON does not allow it".to_string(),
        K::NestingDepthExceeded => "nesting is deeper than 512 levels".to_string(),
        K::MultipleRootJsonValues => "expected end of file after the JSON value".to_string(),
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => text,
            }
        }
    }
}

/// The offset of the first raw control character (U+0000–U+001F) inside a string or key:
/// RFC 8259 requires them escaped, jsonc-parser lets them through.
fn raw_control_in_strings(value: &Value<'_>, body: &str) -> Option<usize> {
    let in_range = |range: jsonc_parser::common::Range| {
        body.as_bytes()[range.start..range.end]
            .iter()
            .position(|&b| b < 0x20)
            .map(|i| range.start + i)
    };
    match value {
        Value::StringLit(s) => in_range(s.range),
        Value::Array(a) => a
            .elements
            .iter()
            .find_map(|e| raw_control_in_strings(e, body)),
        Value::Object(o) => o.properties.iter().find_map(|p| {
            let key = match &p.name {
                ObjectPropName::String(s) => in_range(s.range),
                ObjectPropName::Word(_) => None,
            };
            key.or_else(|| raw_control_in_strings(&p.value, body))
        }),
        _ => None,
    }
}

fn lower(value: &Value<'_>, file: FileId, shift: usize) -> Node {
    let span = |r: jsonc_parser::common::Range| Span::new(file, r.start + shift, r.end + shift);
    match value {
        Value::StringLit(s) => Node {
            span: span(s.range),
            kind: NodeKind::Str(s.value.to_string()),
        },
        Value::NumberLit(n) => Node {
            span: span(n.range),
            kind: NodeKind::Number(n.value.to_string()),
        },
        Value::BooleanLit(b) => Node {
            span: span(b.range),
            kind: NodeKind::Bool(b.value),
        },
        Value::NullKeyword(n) => Node {
            span: span(n.range),
            kind: NodeKind::Null,
        },
        Value::Array(a) => Node {
            span: span(a.range),
            kind: NodeKind::Array(a.elements.iter().map(|e| lower(e, file, shift)).collect()),
        },
        Value::Object(o) => Node {
            span: span(o.range),
            kind: NodeKind::Object(
                o.properties
                    .iter()
                    .map(|p| {
                        let (key, key_range) = match &p.name {
                            ObjectPropName::String(s) => (s.value.to_string(), s.range),
                            ObjectPropName::Word(w) => (w.value.to_string(), w.range),
                        };
                        Member {
                            key,
                            key_span: span(key_range),
                            value: lower(&p.value, file, shift),
                        }
                    })
                    .collect(),
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_rejects_what_aws_rejects() {
        for text in [
            "{\"a\": 1,}",
            "{\"a\": 1 \"b\": 2}",
            "// c\n{}",
            "{'a': 1}",
            "{a: 1}",
        ] {
            assert!(parse(text, 0, Dialect::Strict).is_err(), "{text}");
            assert!(parse(text, 0, Dialect::Lenient).is_ok(), "{text}");
        }
    }

    #[test]
    fn strict_rejects_raw_control_characters_in_strings() {
        let err = parse("{\"a\": \"x\u{1}y\"}", 0, Dialect::Strict).unwrap_err();
        assert_eq!(err.span.range(), 8..9);
        assert!(parse("{\"a\": \"x\ty\"}", 0, Dialect::Strict).is_err());
        assert!(parse("{\"a\": \"x\\ty\"}", 0, Dialect::Strict).is_ok());
    }

    #[test]
    fn bom_shifts_spans() {
        let node = parse("\u{feff}{\"a\": \"b\"}", 0, Dialect::Strict).unwrap();
        let value = node.get("a").unwrap();
        assert_eq!(value.span.range(), 9..12);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "[".repeat(100_000);
        let err = parse(&text, 0, Dialect::Strict).unwrap_err();
        assert!(err.message.contains("512"), "{}", err.message);
    }

    #[test]
    fn empty_text_is_an_error() {
        assert!(parse("  \n", 0, Dialect::Strict).is_err());
    }
}
