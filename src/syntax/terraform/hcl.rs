//! hcl-edit's parser, made to accept what Terraform accepts.
//!
//! hcl-edit refuses an object constructor that repeats a key (`{ Name = "a", Name = "b" }`),
//! but Terraform evaluates it, keeping the last value (HCL's `ObjectConsExpr` assigns member
//! by member; hashicorp/terraform#28727). Refusing it would turn a valid file into a TL001
//! finding and lose every other finding in it. So each repeated key hcl-edit reports is renamed
//! in place to a filler of the same length (every span stays where it was) and the text is
//! parsed again; [`Parsed::renamed_keys`] tells the original name, and the reader keeps the
//! last member of each key ([`super::values`]).

use std::borrow::Cow;
use std::collections::HashMap;

use hcl_edit::parser::{Error, parse_body};
use hcl_edit::structure::Body;

/// How many repeated keys one file may have renamed before its error stands.
const MAX_RENAMES: usize = 256;

/// A parsed file.
#[derive(Debug)]
pub struct Parsed {
    pub body: Body,
    /// The original name of each renamed key, by the byte offset where the key starts.
    pub renamed_keys: HashMap<usize, String>,
}

/// Parses `text` as Terraform does; the error is hcl-edit's, for any other problem. A UTF-8
/// byte-order mark, which HCL ignores (hashicorp/terraform#19715) and hcl-edit refuses, is
/// read as three spaces, so every span stays where it is.
pub fn parse(text: &str) -> Result<Parsed, Error> {
    let text: Cow<str> = match text.strip_prefix('\u{feff}') {
        Some(rest) => Cow::Owned(format!("   {rest}")),
        None => Cow::Borrowed(text),
    };
    let mut renamed_keys = HashMap::new();
    let mut current = text.clone();
    loop {
        let error = match parse_body(&current) {
            Ok(body) => return Ok(Parsed { body, renamed_keys }),
            Err(error) => error,
        };
        let repeated = error.message().contains("redefined object key");
        let key = repeated
            .then(|| key_at(&current, error.location().offset()))
            .flatten();
        let Some((start, range, name)) = key.filter(|_| renamed_keys.len() < MAX_RENAMES) else {
            // The error as the user's own text has it.
            return parse_body(&text).map(|body| Parsed { body, renamed_keys });
        };
        let filler = filler(renamed_keys.len(), range.len());
        let mut next = current.into_owned();
        next.replace_range(range, &filler);
        renamed_keys.insert(start, name);
        current = Cow::Owned(next);
    }
}

/// The key at `offset`, after any whitespace (an identifier, or a quoted string without
/// escapes): where the key starts, the range of its name, and the name.
fn key_at(text: &str, offset: usize) -> Option<(usize, std::ops::Range<usize>, String)> {
    let rest = text.get(offset..)?;
    let key = offset + (rest.len() - rest.trim_start().len());
    let rest = &text[key..];
    let (start, len) = match rest.strip_prefix('"') {
        Some(quoted) => {
            let end = quoted.find(['"', '\\', '$', '%'])?;
            // An escape or a template: not a name that can be rewritten in place.
            if !quoted[end..].starts_with('"') {
                return None;
            }
            (key + 1, end)
        }
        None => (
            key,
            rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                .unwrap_or(rest.len()),
        ),
    };
    if len == 0 {
        return None;
    }
    let range = start..start + len;
    Some((key, range.clone(), text[range].to_string()))
}

/// The `index`th filler of `len` bytes: `_` then the index in base 36, padded with `_` — an
/// identifier that no real key is likely to be. Too short a key for the index: `_`s only,
/// which a further repeat would turn into an error that stands.
fn filler(index: usize, len: usize) -> String {
    let mut digits = String::new();
    let mut n = index;
    loop {
        digits.insert(0, char::from_digit((n % 36) as u32, 36).unwrap_or('0'));
        n /= 36;
        if n == 0 {
            break;
        }
    }
    let filler = format!("_{digits}");
    if filler.len() > len {
        return "_".repeat(len);
    }
    format!("{filler:_<len$}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_key_is_renamed_in_place_and_remembered() {
        let text = "x = { Name = \"a\", Name = \"b\", \"Team\" = 1, \"Team\" = 2 }\n";
        let parsed = parse(text).unwrap();
        let mut renamed: Vec<(usize, &str)> = parsed
            .renamed_keys
            .iter()
            .map(|(&at, name)| (at, name.as_str()))
            .collect();
        renamed.sort();
        assert_eq!(renamed, [(18, "Name"), (42, "Team")]);
        assert_eq!(&text[18..22], "Name");
        assert_eq!(&text[42..48], "\"Team\"");
    }

    #[test]
    fn other_errors_stand_as_the_text_has_them() {
        let error = parse("resource \"a\" \"b\" {\n  x = 1\n  x = 2\n}\n").unwrap_err();
        assert!(error.message().contains("redefined"), "{}", error.message());
        assert!(parse("x = {").is_err());
    }

    #[test]
    fn a_byte_order_mark_is_read_as_spaces() {
        let parsed = parse("\u{feff}x = { a = 1 }\n").unwrap();
        let attribute = parsed.body.get_attribute("x").unwrap();
        assert_eq!(hcl_edit::Span::span(&attribute.value), Some(7..16));
    }

    #[test]
    fn fillers_keep_the_length_and_differ() {
        assert_eq!(filler(0, 6), "_0____");
        assert_eq!(filler(37, 6), "_11___");
        assert_eq!(filler(5, 1), "_");
        assert_ne!(filler(1, 4), filler(2, 4));
    }
}
