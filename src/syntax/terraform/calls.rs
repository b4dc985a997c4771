//! Calls of local modules: `module "deploy" { source = "./modules/role", name = "deployer" }`.
//!
//! Each call is an instance of the called module, deployed with its caller: its variables are
//! the inputs the call passes (evaluated where the call is written; an input the linter cannot
//! know is unknown, one not passed is the variable's default), its resources are principals of
//! the caller's deploying account, and its resources are addressed `module.deploy.…`. An
//! instance is lowered with its caller ([`super::resources`]), so a finding that an input
//! causes (`trusted = "*"`) points at the input. The called directory on its own is then only
//! a module, never deployed as such: its documents are still checked (with unknown variables),
//! but its principals join no graph ([`super::module::Module::called`]).
//!
//! Only local sources (`./…`, `../…`) are followed; a registry or Git module is unknown.

use std::collections::HashMap;
use std::path::PathBuf;

use hcl_edit::expr::{Expression, ObjectKey};
use hcl_edit::structure::Block;

use super::document::{Source, policy_document_reference};
use super::module::Module;
use super::values::{Scope, aws_alias};
use crate::source::FileId;
use crate::syntax::tree::{Node, NodeKind};

/// How deep module calls may nest before the rest is left out (a cycle, or a tree no real
/// configuration has).
pub const MAX_DEPTH: usize = 8;

/// Arguments of a `module` block that are not inputs.
const META_ARGUMENTS: &[&str] = &[
    "source",
    "version",
    "count",
    "for_each",
    "providers",
    "depends_on",
];

/// A `module` block with a local source, and where it is written.
pub struct Call<'a> {
    pub file: FileId,
    pub text: &'a str,
    pub block: &'a Block,
    /// The called module's directory, lexically normalised.
    pub dir: PathBuf,
}

/// The calls of local modules in `module`, in file order.
pub fn calls(module: &Module) -> Vec<Call<'_>> {
    let mut found = Vec::new();
    for (file, body, text) in module.files() {
        let scope = Scope::new(module, file, text);
        for block in body.blocks() {
            if block.ident.as_str() != "module" {
                continue;
            }
            let source = block
                .body
                .get_attribute("source")
                .map(|a| scope.node(&a.value).kind);
            if let Some(NodeKind::Str(source)) = source
                && (source.starts_with("./") || source.starts_with("../"))
                && let Some(dir) = module.path(&source)
                && !scope.creates_nothing(block)
            {
                found.push(Call {
                    file,
                    text,
                    block,
                    dir,
                });
            }
        }
    }
    found
}

/// The instance a call makes of `called` (the module at the call's directory), with its own
/// calls instantiated in turn from `modules`.
pub fn instantiate(
    caller: &Module,
    call: &Call<'_>,
    called: &Module,
    modules: &HashMap<PathBuf, Module>,
    depth: usize,
) -> Option<(String, Module)> {
    let name = call.block.labels.first()?.as_str().to_string();
    let scope = Scope::new(caller, call.file, call.text);
    let inputs = call
        .block
        .body
        .attributes()
        .filter(|a| !META_ARGUMENTS.contains(&a.key.as_str()))
        .map(|a| (a.key.to_string(), input(&scope, &a.value)))
        .collect();
    let alias = providers_alias(call.block);
    let mut instance = called.instance(
        format!("{}module.{name}.", caller.address),
        caller.account_for(alias.as_deref()),
        inputs,
    );
    instance.detached = alias.is_some();
    instance.resources = super::resource_index::index(&instance);
    if depth < MAX_DEPTH {
        instance.instances = instances(&instance, modules, depth + 1);
    }
    Some((name, instance))
}

/// The instances of every local call `module` makes of a module in `modules`. An input may
/// be another instance's output (`trusted = module.ci.arn`): with more than one call, the
/// instances are made twice, the second time with the first ones' outputs at hand (a chain
/// of three or more calls feeding each other keeps its later links unknown).
pub fn instances(
    module: &Module,
    modules: &HashMap<PathBuf, Module>,
    depth: usize,
) -> Vec<(String, Module)> {
    let calls = calls(module);
    let make = |caller: &Module| -> Vec<(String, Module)> {
        calls
            .iter()
            .filter_map(|call| instantiate(caller, call, modules.get(&call.dir)?, modules, depth))
            .collect()
    };
    let first = make(module);
    if calls.len() < 2 {
        return first;
    }
    let mut caller = module.clone();
    caller.instances = first;
    make(&caller)
}

/// The aliased provider a call passes the module as its AWS provider
/// (`providers = { aws = aws.production }`), if any.
fn providers_alias(block: &Block) -> Option<String> {
    let providers = block.body.get_attribute("providers")?;
    let Expression::Object(object) = &providers.value else {
        return None;
    };
    object.iter().find_map(|(key, value)| {
        let ObjectKey::Ident(key) = key else {
            return None;
        };
        (key.as_str() == "aws").then(|| aws_alias(value.expr()))?
    })
}

/// An input as the called module sees it: a policy document (`jsonencode(…)`,
/// `data.aws_iam_policy_document.x.json`) as its tree, anything else as its value.
fn input(scope: &Scope<'_>, expr: &Expression) -> Node {
    let is_document = policy_document_reference(expr).is_some()
        || matches!(expr, Expression::FuncCall(call) if call.name.name.as_str() == "jsonencode");
    if is_document && let Source::Tree(tree) = super::document::source(scope, expr) {
        return tree;
    }
    scope.node(expr)
}

/// The directories of `dirs` that hold no loaded module: called modules outside the paths.
pub fn missing(dirs: &[PathBuf], modules: &HashMap<PathBuf, Module>) -> Vec<PathBuf> {
    let mut missing: Vec<PathBuf> = dirs
        .iter()
        .filter(|dir| !modules.contains_key(*dir))
        .cloned()
        .collect();
    missing.sort();
    missing.dedup();
    missing
}
