//! What the files of one Terraform module share: variable values, locals and
//! `data "aws_iam_policy_document"` blocks, read from every `.tf` and `.tfvars` file of its
//! directory (in either syntax: `.tf.json` and `.tfvars.json` too) before any file is lowered.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use hcl_edit::expr::Expression;
use hcl_edit::structure::{Attribute, Block, Body, Structure};
use hcl_edit::visit::Visit;

use super::json_syntax::{Kind, OffsetMap};
use crate::model::arn::deploying_account;
use crate::source::FileId;
use crate::syntax::deployed::Resources;
use crate::syntax::tree::Node;

/// An HCL item with the file it was written in, so its spans (byte offsets into that file)
/// and heredoc bodies can be read.
#[derive(Debug, Clone)]
pub struct Located<T> {
    pub file: FileId,
    pub text: Arc<str>,
    pub item: T,
}

/// One directory's shared definitions.
#[derive(Debug, Default, Clone)]
pub struct Module {
    /// The module's directory.
    pub dir: PathBuf,
    /// The account the module is deployed to ([`crate::model::arn::deploying_account`]).
    pub account: String,
    /// The directory as the user named it.
    pub display: String,
    /// Deployed through an aliased provider (`providers = { aws = aws.production }`): its
    /// principals may be in another account, so they join no graph.
    pub detached: bool,
    /// The IAM principals, policies and providers the module defines, by address.
    pub resources: Resources,
    /// How its resources are addressed from the root: `` for a root module,
    /// `module.deploy.` for an instance ([`super::calls`]).
    pub address: String,
    /// An instance's variables as its call passes them, evaluated where the call is written.
    pub inputs: HashMap<String, Node>,
    /// The instances of the local modules it calls, by call name.
    pub instances: Vec<(String, Module)>,
    /// Another module calls it: on its own it is never deployed, so its principals join no
    /// graph (its instances do).
    pub called: bool,
    /// `var.<name>`: the `.tfvars` value, else the `default`. Absent: unknown.
    pub variables: HashMap<String, Located<Expression>>,
    /// `local.<name>`.
    pub locals: HashMap<String, Located<Expression>>,
    /// `data.aws_iam_policy_document.<name>`.
    pub policy_documents: HashMap<String, Located<Block>>,
    /// Policy documents an `aws_iam_*` resource, a local or another policy document refers to:
    /// checked where they are embedded, not on their own as well.
    embedded: HashSet<String>,
    /// The parsed `.tf` files of the module, so each is parsed once.
    bodies: HashMap<FileId, Body>,
    /// Per file, the object keys renamed to parse it ([`super::hcl`]), by offset.
    renamed_keys: HashMap<FileId, HashMap<usize, String>>,
    /// The files its resources read with `file()` ([`super::files`]), as read once for it.
    pub(super) read_files: HashMap<PathBuf, Located<()>>,
    /// The text of every `.tf` and `.tfvars` file of the module, as read once for it.
    texts: HashMap<FileId, Arc<str>>,
    /// For each file in JSON syntax, where the HCL its body was parsed from was written in it:
    /// every span read from that body goes through it.
    offset_maps: HashMap<FileId, OffsetMap>,
}

impl Module {
    /// The module of `dir`, which the user named `display`: deployed to an account of its own.
    pub(super) fn new(dir: PathBuf, display: &str) -> Module {
        Module {
            dir,
            account: deploying_account(display),
            display: display.to_string(),
            ..Module::default()
        }
    }

    /// Whether an IAM resource (or a local) of the module embeds the named policy document.
    pub fn is_embedded(&self, name: &str) -> bool {
        self.embedded.contains(name)
    }

    /// A `.tf` file of the module as read when the module was loaded (`None`: not read then,
    /// or not valid HCL).
    pub fn text(&self, file: FileId) -> Option<&str> {
        self.texts.get(&file).map(|t| &**t)
    }

    pub fn body(&self, file: FileId) -> Option<&Body> {
        self.bodies.get(&file)
    }

    /// The parsed files of the module with their texts, in file order.
    pub fn files(&self) -> Vec<(FileId, &Body, &str)> {
        let mut files: Vec<(FileId, &Body, &str)> = self
            .bodies
            .iter()
            .filter_map(|(&file, body)| Some((file, body, self.text(file)?)))
            .collect();
        files.sort_by_key(|(file, _, _)| *file);
        files
    }

    /// The block `data "<kind>" "<name>"` of the module.
    pub fn data_block(&self, kind: &str, name: &str) -> Option<&Block> {
        self.bodies
            .values()
            .flat_map(|body| body.blocks())
            .find(|block| {
                let labels: Vec<&str> = block.labels.iter().map(|l| l.as_str()).collect();
                block.ident.as_str() == "data" && labels == [kind, name]
            })
    }

    /// The value of `output "<name>"`, as this module evaluates it.
    pub fn output(&self, name: &str) -> Option<Node> {
        self.files().into_iter().find_map(|(file, body, text)| {
            let block = body.blocks().find(|b| {
                b.ident.as_str() == "output" && b.labels.first().is_some_and(|l| l.as_str() == name)
            })?;
            let value = block.body.get_attribute("value")?;
            Some(super::values::Scope::new(self, file, text).node(&value.value))
        })
    }

    /// A copy deployed by a call: its addresses start with `address`, its account is its
    /// caller's, and its variables are `inputs` where given.
    pub fn instance(
        &self,
        address: String,
        account: String,
        inputs: HashMap<String, Node>,
    ) -> Module {
        Module {
            address,
            account,
            inputs,
            instances: Vec::new(),
            called: false,
            ..self.clone()
        }
    }

    /// `path` as written in the module: `path.module` is its directory (`"./x"` once read),
    /// and a relative path is Terraform's working directory, the root module's — which is
    /// this directory for a root, and not known for a module that others call.
    pub fn path(&self, path: &str) -> Option<PathBuf> {
        let is_root = !self.called && self.address.is_empty();
        (is_root || path.starts_with("./") || path.starts_with("../"))
            .then(|| super::files::normalize(&self.dir.join(path)))
    }

    /// A file the module reads with `file(path)`, when it could be read.
    pub fn read_file(&self, path: &str) -> Option<&Located<()>> {
        self.read_files.get(&self.path(path)?)
    }

    /// The account a resource deploys to: the module's, or through an aliased provider
    /// (`provider = aws.production`) an account of its own — possibly another one.
    pub fn account_for(&self, alias: Option<&str>) -> String {
        match alias {
            None => self.account.clone(),
            Some(alias) => deploying_account(&format!("{} through {alias}", self.display)),
        }
    }

    /// The name of the object key at `offset` (of the text hcl-edit parsed) of `file` when
    /// it was renamed to parse the file.
    pub fn renamed_key(&self, file: FileId, offset: usize) -> Option<&str> {
        self.renamed_keys
            .get(&file)?
            .get(&offset)
            .map(String::as_str)
    }

    /// The map from a JSON file's HCL translation back into the file (`None`: a `.tf` file,
    /// whose spans are its own).
    pub(crate) fn offset_map(&self, file: FileId) -> Option<&OffsetMap> {
        self.offset_maps.get(&file)
    }

    /// A module of one JSON file read on its own (standard input): its own definitions, and
    /// the map of its spans.
    pub(crate) fn standalone(file: FileId, text: &str, read: Read) -> Module {
        let mut module = Module::new(PathBuf::new(), "-");
        module.add(collect(file, text.into(), read, false));
        module.resources = super::resource_index::index(&module);
        module
    }

    pub(super) fn add(&mut self, found: FileDefinitions) {
        for (name, default) in found.defaults {
            self.variables.entry(name).or_insert(default);
        }
        for (name, value) in found.assignments {
            self.variables.insert(name, value);
        }
        self.locals.extend(found.locals);
        self.policy_documents.extend(found.policy_documents);
        self.embedded.extend(found.embedded);
        self.bodies.extend(found.body);
        self.renamed_keys.extend(found.renamed_keys);
        self.texts.extend(found.text);
        self.offset_maps.extend(found.offset_map);
    }
}

/// A file as parsed: its body, the keys renamed to parse it ([`super::hcl`]), and for a file
/// in JSON syntax, the map from the HCL translation back into the file.
#[derive(Debug)]
pub struct Read {
    pub body: Body,
    pub renamed_keys: HashMap<usize, String>,
    pub map: Option<OffsetMap>,
}

/// One file's definitions, before they are merged into its module.
#[derive(Default)]
pub(super) struct FileDefinitions {
    /// The module's directory as the user named it, for its deploying account.
    pub(super) display_dir: String,
    pub(super) defaults: Vec<(String, Located<Expression>)>,
    pub(super) assignments: Vec<(String, Located<Expression>)>,
    pub(super) locals: Vec<(String, Located<Expression>)>,
    pub(super) policy_documents: Vec<(String, Located<Block>)>,
    pub(super) embedded: Vec<String>,
    /// The parsed `.tf` file itself, and the keys renamed to parse it.
    pub(super) body: Option<(FileId, Body)>,
    pub(super) renamed_keys: Option<(FileId, HashMap<usize, String>)>,
    /// The file's text.
    pub(super) text: Option<(FileId, Arc<str>)>,
    /// A JSON file's offset map.
    pub(super) offset_map: Option<(FileId, OffsetMap)>,
}

/// The definitions of one file: variable defaults, locals and policy documents of a `.tf`
/// file, or the assignments of a `.tfvars` file (`json`: written in JSON syntax).
pub(super) fn definitions(file: FileId, text: Arc<str>, vars: bool, json: bool) -> FileDefinitions {
    let kind = json.then_some(if vars { Kind::Vars } else { Kind::Config });
    match super::read_body(&text, file, kind) {
        Ok(read) => collect(file, text, read, vars),
        Err(_) => FileDefinitions {
            text: Some((file, text)),
            ..FileDefinitions::default()
        },
    }
}

/// The definitions of one parsed file.
fn collect(file: FileId, text: Arc<str>, read: Read, vars: bool) -> FileDefinitions {
    let Read {
        body,
        renamed_keys,
        map,
    } = read;
    fn at<T>(file: FileId, text: &Arc<str>, item: T) -> Located<T> {
        Located {
            file,
            text: text.clone(),
            item,
        }
    }
    let located = |item: Expression| at(file, &text, item);
    let mut found = FileDefinitions::default();
    for structure in body.iter() {
        match structure {
            Structure::Attribute(attribute) if vars => found
                .assignments
                .push((attribute.key.to_string(), located(attribute.value.clone()))),
            Structure::Attribute(_) => {}
            Structure::Block(block) => {
                let labels: Vec<&str> = block.labels.iter().map(|l| l.as_str()).collect();
                match (block.ident.as_str(), labels.as_slice()) {
                    ("variable", [name]) => {
                        if let Some(default) = block.body.get_attribute("default") {
                            found
                                .defaults
                                .push((name.to_string(), located(default.value.clone())));
                        }
                    }
                    ("locals", []) => {
                        found.embedded.extend(policy_document_references(block));
                        for attribute in block.body.attributes() {
                            found.locals.push((
                                attribute.key.to_string(),
                                located(attribute.value.clone()),
                            ));
                        }
                    }
                    ("resource", [kind, _]) if kind.starts_with("aws_iam_") => {
                        found.embedded.extend(policy_document_references(block));
                    }
                    ("data", ["aws_iam_policy_document", name]) => {
                        // A document merged into another (`source_policy_documents`, …) is
                        // checked where it is merged, not on its own as well.
                        found.embedded.extend(policy_document_references(block));
                        let name = name.to_string();
                        found
                            .policy_documents
                            .push((name, at(file, &text, block.clone())));
                    }
                    _ => {}
                }
            }
        }
    }
    if !vars {
        found.body = Some((file, body));
        found.renamed_keys = Some((file, renamed_keys));
    }
    found.text = Some((file, text));
    found.offset_map = map.map(|map| (file, map));
    found
}

/// The names of the policy documents a block uses whole: an attribute whose value is
/// `data.aws_iam_policy_document.<name>.json`, or a list of such (`source_policy_documents`).
/// Those are checked where they are used. One used inside another expression
/// (`coalesce(var.custom, data.aws_iam_policy_document.trust.json)`) may be what is deployed
/// but is read nowhere else, so it is checked on its own.
fn policy_document_references(block: &Block) -> Vec<String> {
    struct References(Vec<String>);
    impl Visit for References {
        fn visit_attr(&mut self, attribute: &Attribute) {
            let items = match &attribute.value {
                Expression::Array(items) => items.iter().collect(),
                value => vec![value],
            };
            self.0.extend(
                items
                    .into_iter()
                    .filter_map(|item| super::document::policy_document_reference(item))
                    .map(str::to_string),
            );
        }
    }
    let mut references = References(Vec::new());
    references.visit_block(block);
    references.0
}
