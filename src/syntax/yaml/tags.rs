//! CloudFormation's short-form intrinsic-function tags (`!Ref x`, `!Sub ...`), written as the
//! long form (`{Ref: x}`, `{Fn::Sub: ...}`) that JSON templates use.
//!
//! Lowering them here means every later stage sees one spelling of an intrinsic function,
//! whichever format the template was written in.

use granit_parser::Tag;

/// The long-form key of a CloudFormation short-form tag, or `None` for any other tag (which
/// the reader drops, keeping the value).
///
/// Only the local `!Name` form counts: a tag whose `!` handle a `%TAG` directive redefined, or
/// a verbatim `!<...>` tag, is not CloudFormation's.
pub(super) fn long_form(tag: &Tag) -> Option<&'static str> {
    if tag.handle() != "!" || tag.original_handle() != "!" {
        return None;
    }
    Some(match tag.suffix() {
        "Ref" => "Ref",
        "Condition" => "Condition",
        "Sub" => "Fn::Sub",
        "GetAtt" => "Fn::GetAtt",
        "Join" => "Fn::Join",
        "If" => "Fn::If",
        "Select" => "Fn::Select",
        "Split" => "Fn::Split",
        "ImportValue" => "Fn::ImportValue",
        "FindInMap" => "Fn::FindInMap",
        "Base64" => "Fn::Base64",
        "GetAZs" => "Fn::GetAZs",
        "Cidr" => "Fn::Cidr",
        "Equals" => "Fn::Equals",
        "And" => "Fn::And",
        "Or" => "Fn::Or",
        "Not" => "Fn::Not",
        "Transform" => "Fn::Transform",
        "ToJsonString" => "Fn::ToJsonString",
        "Length" => "Fn::Length",
        "ForEach" => "Fn::ForEach",
        _ => return None,
    })
}

/// Whether the tag is YAML's `!!str`: the author asked for a string, so a plain `true` or
/// `null` under it stays text.
pub(super) fn is_core_str(tag: &Tag) -> bool {
    tag.is_yaml_core_schema_tag("str")
}
