//! Policy files a module reads with `file("${path.module}/trust.json")` (or renders with
//! `templatefile`).
//!
//! Such a file is the document of the resource that reads it: it is checked there, as the kind
//! and owner that resource gives it, with its findings placed in the file itself, and not on its
//! own as well (a template's result is unknown: it is not checked at all). So every file an IAM resource, a policy document or a local reads is found when
//! the modules are loaded, made a candidate of the run if the paths did not reach it, and
//! marked as read for its module ([`crate::discover::Candidate::context_only`]).

use std::path::{Component, Path, PathBuf};

use hcl_edit::expr::{Expression, FuncCall};
use hcl_edit::structure::Block;
use hcl_edit::visit::{Visit, visit_func_call};

use super::module::Module;
use super::values::Scope;
use crate::syntax::tree::NodeKind;

/// The files the module's IAM resources, policy documents and locals read with `file()`,
/// where the linter can know the path: relative to the module's directory (as
/// `path.module` makes them), lexically normalised, in the order found.
pub fn read_by(module: &Module) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for (file, body, text) in module.files() {
        let scope = Scope::new(module, file, text);
        for block in body.blocks() {
            if reads_policies(block) {
                for argument in file_arguments(block) {
                    if let NodeKind::Str(path) = scope.node(&argument).kind {
                        found.extend(module.path(&path));
                    }
                }
            }
        }
    }
    found.dedup();
    found
}

/// Blocks whose `file()` calls may read a policy document.
fn reads_policies(block: &Block) -> bool {
    let kind = block.labels.first().map(|l| l.as_str());
    match block.ident.as_str() {
        "locals" => true,
        "resource" => kind.is_some_and(|k| k.starts_with("aws_iam_")),
        "data" => kind == Some("aws_iam_policy_document"),
        _ => false,
    }
}

/// The first argument of every `file(...)` and `templatefile(...)` call in a block. A
/// template's result is unknown, but the file is still the resource's, not a policy of its
/// own: a `.json` template holds Terraform template syntax, not the JSON AWS receives.
fn file_arguments(block: &Block) -> Vec<Expression> {
    struct Calls(Vec<Expression>);
    impl Visit for Calls {
        fn visit_func_call(&mut self, call: &FuncCall) {
            if matches!(call.name.name.as_str(), "file" | "templatefile")
                && let Some(argument) = call.args.iter().next()
            {
                self.0.push(argument.clone());
            }
            visit_func_call(self, call);
        }
    }
    let mut calls = Calls(Vec::new());
    calls.visit_block(block);
    calls.0
}

/// `path` with `.` and `dir/..` removed, without touching the file system: a candidate found
/// by walking and a path a module names reach one file through the same text.
pub fn normalize(path: &Path) -> PathBuf {
    let mut normal = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir
                if normal
                    .components()
                    .next_back()
                    .is_some_and(|c| matches!(c, Component::Normal(_))) =>
            {
                normal.pop();
            }
            other => normal.push(other),
        }
    }
    normal
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizing_drops_dots_and_resolves_parents_lexically() {
        assert_eq!(
            normalize(Path::new("infra/./roles/../policies/trust.json")),
            PathBuf::from("infra/policies/trust.json")
        );
        assert_eq!(
            normalize(Path::new("../shared/x.json")),
            PathBuf::from("../shared/x.json")
        );
        assert_eq!(normalize(Path::new("./a.json")), PathBuf::from("a.json"));
    }
}
