//! Front ends: one file's text to documents with spans.

pub mod cloudformation;
pub mod deployed;
pub mod embedded;
pub mod iam;
pub mod json;
pub mod policy;
pub mod shapes;
pub mod terraform;
pub mod tree;
pub mod wiring;
pub mod yaml;

use crate::model::{Document, Inventory, ShapeError};
use crate::source::{FileId, Span};
use json::{Dialect, SyntaxError};

/// The input formats of this front end, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json(Dialect),
    /// A `.tf` file of a Terraform module.
    Terraform,
    /// A `.tfvars` file: variable values for its module, no documents of its own.
    TerraformVars,
    /// A `.tf.json` file: Terraform's JSON syntax, a file of its module like a `.tf`.
    TerraformJson,
    /// A `.tfvars.json` file: variable values in JSON.
    TerraformVarsJson,
    /// A `.yaml` or `.yml` file: a CloudFormation template, or nothing trustlint reads.
    Yaml,
}

impl Format {
    /// The format of a path, or `None` for files trustlint does not read.
    pub fn of_path(path: &str) -> Option<Format> {
        // Terraform's JSON syntax is JSON by extension, but no policy document.
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".tf.json") {
            return Some(Format::TerraformJson);
        }
        if lower.ends_with(".tfvars.json") {
            return Some(Format::TerraformVarsJson);
        }
        let extension = path.rsplit_once('.')?.1.to_ascii_lowercase();
        match extension.as_str() {
            "json" => Some(Format::Json(Dialect::Strict)),
            "json5" | "jsonc" => Some(Format::Json(Dialect::Lenient)),
            "tf" => Some(Format::Terraform),
            "tfvars" => Some(Format::TerraformVars),
            "yaml" | "yml" => Some(Format::Yaml),
            _ => None,
        }
    }

    /// A file of a Terraform module, in either syntax.
    pub fn is_terraform(self) -> bool {
        matches!(
            self,
            Format::Terraform
                | Format::TerraformVars
                | Format::TerraformJson
                | Format::TerraformVarsJson
        )
    }
}

/// What one file yields.
#[derive(Debug, Default)]
pub struct Parsed {
    pub documents: Vec<Document>,
    pub inventory: Inventory,
    /// The file's own syntax error, or those of documents embedded in strings.
    pub syntax_errors: Vec<SyntaxError>,
    /// Wrong element types outside policy documents.
    pub shape_errors: Vec<ShapeError>,
    /// Values of documents that came in through a reference (`var.x`, `local.y`).
    pub origins: Vec<Origin>,
    /// Documents that join the graph but are not checked themselves: a CloudFormation
    /// document with undecided conditions, checked in its [`Variant`]s instead.
    pub graph_documents: Vec<Document>,
    pub variants: Vec<Variant>,
}

/// One decision of the conditions (CloudFormation `Fn::If`) a document depends on, and the
/// document it makes: checked, not joined to the graph. A finding that holds in only some
/// variants of a document is reported with their conditions.
#[derive(Debug, Clone)]
pub struct Variant {
    /// Which document of the file's [`Parsed::graph_documents`] it is a variant of.
    pub group: usize,
    pub choices: Vec<(String, bool)>,
    pub document: Document,
}

/// A value of a document that is written elsewhere and came in through a reference: a
/// finding on the value can point at the reference too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The root span of the document the value is part of.
    pub document: Span,
    /// The reference as written (`var.trusted`).
    pub name: String,
    pub reference: Span,
    /// The value it brought in.
    pub value: Span,
}

impl Parsed {
    /// Adds what another lowering found (a Terraform module instance's files).
    pub fn extend(&mut self, other: Parsed) {
        let groups = self.graph_documents.len();
        self.graph_documents.extend(other.graph_documents);
        self.variants
            .extend(other.variants.into_iter().map(|variant| Variant {
                group: variant.group + groups,
                ..variant
            }));
        self.documents.extend(other.documents);
        self.inventory.extend(other.inventory);
        self.syntax_errors.extend(other.syntax_errors);
        self.shape_errors.extend(other.shape_errors);
        self.origins.extend(other.origins);
    }

    /// Whether the file held anything trustlint reads.
    pub fn is_empty(&self) -> bool {
        self.documents.is_empty()
            && self.graph_documents.is_empty()
            && self.inventory.is_empty()
            && self.syntax_errors.is_empty()
            && self.shape_errors.is_empty()
    }
}

/// Parses one file's text (`name`: its path as the user gave it, which names a
/// CloudFormation stack's account). Unrelated files (no IAM marker, or a tree of no known
/// shape) yield nothing, silently. An empty `.json` file is reported: it cannot be what its
/// name says.
pub fn parse_file(
    text: &str,
    file: FileId,
    name: &str,
    format: Format,
    module: &terraform::Module,
) -> Parsed {
    let dialect = match format {
        Format::Json(dialect) => dialect,
        Format::Terraform => return terraform::parse(text, file, module),
        Format::TerraformJson => return terraform::parse_json(text, file, module),
        // Values only: the module read them before any file was lowered.
        Format::TerraformVars | Format::TerraformVarsJson => return Parsed::default(),
        Format::Yaml => return yaml_template(text, file, name),
    };
    let template = cloudformation::may_be_template(text);
    if !text.trim().is_empty() && !template && !shapes::sniff(text) {
        return Parsed::default();
    }
    match json::parse(text, file, dialect) {
        Ok(root) if template && cloudformation::is_template(&root) => {
            cloudformation::lower(&root, text, name)
        }
        Ok(root) => {
            let extracted = shapes::extract(root, text);
            Parsed {
                documents: extracted.documents,
                inventory: extracted.inventory,
                syntax_errors: extracted.syntax_errors,
                shape_errors: extracted.shape_errors,
                ..Parsed::default()
            }
        }
        Err(error) => Parsed {
            syntax_errors: vec![error],
            ..Parsed::default()
        },
    }
}

/// The longest expression text an unknown value keeps for messages.
const MAX_WRITTEN: usize = 80;

/// How an expression is written at `span` of `text`, for messages about the value it stands
/// for (`var.trusted`, `!Ref Trusted`): whitespace collapsed, shortened; `what` when the span
/// is not in the text.
pub(crate) fn written(text: &str, span: Span, what: &str) -> String {
    let Some(text) = text.get(span.range()) else {
        return what.to_string();
    };
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match text.char_indices().nth(MAX_WRITTEN) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

/// A YAML file: the CloudFormation templates of its documents. Other YAML (Kubernetes,
/// workflows, Helm values) is nothing, silently — also when it is not valid YAML.
fn yaml_template(text: &str, file: FileId, name: &str) -> Parsed {
    if !cloudformation::may_be_template(text) {
        return Parsed::default();
    }
    match yaml::parse(text, file) {
        Ok(documents) => {
            let mut parsed = Parsed::default();
            for root in documents
                .iter()
                .filter(|root| cloudformation::is_template(root))
            {
                parsed.extend(cloudformation::lower(root, text, name));
            }
            parsed
        }
        // Only a file that says it is a template reports why it does not parse.
        Err(error) if text.contains("AWSTemplateFormatVersion") || text.contains("Resources:") => {
            Parsed {
                syntax_errors: vec![error],
                ..Parsed::default()
            }
        }
        Err(_) => Parsed::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terraform_json_is_known_by_its_double_extension() {
        assert_eq!(
            Format::of_path("m/main.tf.json"),
            Some(Format::TerraformJson)
        );
        assert_eq!(
            Format::of_path("M/MAIN.TF.JSON"),
            Some(Format::TerraformJson)
        );
        assert_eq!(
            Format::of_path("terraform.tfvars.json"),
            Some(Format::TerraformVarsJson)
        );
        assert_eq!(
            Format::of_path("x.auto.tfvars.json"),
            Some(Format::TerraformVarsJson)
        );
        assert_eq!(
            Format::of_path("policy.json"),
            Some(Format::Json(Dialect::Strict))
        );
        assert_eq!(
            Format::of_path("not-tf.json"),
            Some(Format::Json(Dialect::Strict))
        );
        assert!(Format::TerraformJson.is_terraform());
        assert!(!Format::Json(Dialect::Strict).is_terraform());
    }
}
