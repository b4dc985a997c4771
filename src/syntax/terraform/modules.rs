//! Every Terraform module of a run, loaded before any file is lowered: the Terraform files
//! among the candidates, then what they need from outside the paths — the files of the local
//! modules they call and the policy files they read — then each module's resource index, the
//! files read for `file()`, and the instances of its module calls.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::module::{FileDefinitions, Located, Module, definitions};
use crate::discover::Candidate;
use crate::source::FileId;
use crate::syntax::Format;

/// Every module of a run, by directory.
#[derive(Debug, Default)]
pub struct Modules {
    by_dir: HashMap<PathBuf, Module>,
    empty: Module,
    /// The files read for `file()` calls, by file ID ([`Modules::read_files`]).
    read_texts: HashMap<FileId, Arc<str>>,
}

impl Modules {
    /// Reads the Terraform files among `candidates` (file IDs are their indexes) into
    /// modules, with what they need from outside the paths: the files of the local modules
    /// they call and the policy files they read ([`Modules::read_files`]), appended to
    /// `candidates` as read for their modules only. Files that cannot be read or parsed
    /// contribute nothing here: the per-file pass reports them.
    pub fn load(candidates: &mut Vec<Candidate>, max_file_size: u64) -> Modules {
        let mut modules = Modules::default();
        let mut first = 0;
        // Each round reads the modules the last one called; nesting is bounded.
        let mut called = Vec::new();
        for _ in 0..=super::calls::MAX_DEPTH {
            modules.read(&candidates[first..], first, max_file_size);
            first = candidates.len();
            called = modules.called_dirs();
            add_module_files(&super::calls::missing(&called, &modules.by_dir), candidates);
            if candidates.len() == first {
                break;
            }
        }
        for dir in called {
            if let Some(module) = modules.by_dir.get_mut(&dir) {
                module.called = true;
            }
        }
        // Resource names may use variables and locals: read once every file is merged.
        modules.by_dir.par_iter_mut().for_each(|(_, module)| {
            module.resources = super::resource_index::index(module);
        });
        modules.read_files(candidates, max_file_size);
        let instances: Vec<(PathBuf, Vec<(String, Module)>)> = modules
            .by_dir
            .par_iter()
            .filter(|(_, module)| !module.called)
            .map(|(dir, module)| {
                (
                    dir.clone(),
                    super::calls::instances(module, &modules.by_dir, 0),
                )
            })
            .collect();
        for (dir, found) in instances {
            if let Some(module) = modules.by_dir.get_mut(&dir) {
                module.instances = found;
            }
        }
        modules
    }

    /// The directories of the local modules the loaded modules call.
    fn called_dirs(&self) -> Vec<PathBuf> {
        self.by_dir
            .values()
            .flat_map(|module| super::calls::calls(module).into_iter().map(|c| c.dir))
            .collect()
    }

    /// Reads and merges `candidates`, the first of which has file ID `first`.
    fn read(&mut self, candidates: &[Candidate], first: usize, max_file_size: u64) {
        let read: Vec<Option<(PathBuf, FileDefinitions, bool)>> = candidates
            .par_iter()
            .enumerate()
            .map(|(index, candidate)| {
                let index = first + index;
                let (vars, json) = match candidate.format {
                    Some(Format::Terraform) => (false, false),
                    Some(Format::TerraformVars) if loads_itself(candidate) => (true, false),
                    Some(Format::TerraformJson) => (false, true),
                    Some(Format::TerraformVarsJson) if loads_itself(candidate) => (true, true),
                    _ => return None,
                };
                let text = crate::input::read_text(&candidate.path, max_file_size).ok()?;
                let dir = module_dir(&candidate.path);
                let mut found = definitions(index as FileId, text.into(), vars, json);
                found.display_dir = match Path::new(&candidate.display).parent() {
                    Some(parent) if !parent.as_os_str().is_empty() => {
                        parent.to_string_lossy().into_owned()
                    }
                    _ => ".".to_string(),
                };
                Some((dir, found, is_auto(candidate)))
            })
            .collect();
        // `terraform.tfvars` (then `terraform.tfvars.json`) first, then `*.auto.tfvars` and
        // `*.auto.tfvars.json` in name order: later values win, as Terraform loads them.
        let mut auto = Vec::new();
        for (dir, found, is_auto) in read.into_iter().flatten() {
            if is_auto {
                auto.push((dir, found));
                continue;
            }
            self.merge(dir, found);
        }
        for (dir, found) in auto {
            self.merge(dir, found);
        }
    }

    fn merge(&mut self, dir: PathBuf, found: FileDefinitions) {
        let module = self
            .by_dir
            .entry(dir.clone())
            .or_insert_with(|| Module::new(dir, &found.display_dir));
        module.add(found);
    }

    /// Reads the files the modules' IAM resources read with `file()`: each becomes a file of
    /// the run (appended to `candidates` when the paths did not reach it) that is read for
    /// its module only ([`Candidate::context_only`]), since its document is checked where the
    /// resource reads it.
    fn read_files(&mut self, candidates: &mut Vec<Candidate>, max_file_size: u64) {
        let wanted: Vec<(PathBuf, Vec<PathBuf>)> = self
            .by_dir
            .iter()
            .map(|(dir, module)| (dir.clone(), super::files::read_by(module)))
            .filter(|(_, paths)| !paths.is_empty())
            .collect();
        if wanted.is_empty() {
            return;
        }
        let mut by_path: HashMap<PathBuf, usize> = candidates
            .iter()
            .enumerate()
            .map(|(index, c)| (super::files::normalize(&c.path), index))
            .collect();
        let mut texts: HashMap<PathBuf, Arc<str>> = HashMap::new();
        // Module directories in a fixed order, so appended files get the same IDs every run.
        let mut wanted = wanted;
        wanted.sort();
        for (dir, paths) in wanted {
            for path in paths {
                // A file that cannot be read leaves the document unknown.
                let text = match texts.get(&path) {
                    Some(text) => text.clone(),
                    None => match crate::input::read_text(&path, max_file_size) {
                        Ok(text) => texts.entry(path.clone()).or_insert(text.into()).clone(),
                        Err(_) => continue,
                    },
                };
                let index = *by_path.entry(path.clone()).or_insert_with(|| {
                    let display = crate::discover::display_path(&path);
                    candidates.push(Candidate {
                        format: Format::of_path(&display),
                        display,
                        path: path.clone(),
                        problem: None,
                        context_only: true,
                        report: true,
                    });
                    candidates.len() - 1
                });
                candidates[index].context_only = true;
                self.read_texts.insert(index as FileId, text.clone());
                if let Some(module) = self.by_dir.get_mut(&dir) {
                    module.read_files.insert(
                        path,
                        Located {
                            file: index as FileId,
                            text,
                            item: (),
                        },
                    );
                }
            }
        }
    }

    /// The text of a file read for a module's `file()` call, as it was read then.
    pub fn read_text(&self, file: FileId) -> Option<&str> {
        self.read_texts.get(&file).map(|t| &**t)
    }

    /// The module of the directory holding `path` (an empty one when it has no definitions).
    pub fn of(&self, path: &Path) -> &Module {
        self.by_dir.get(&module_dir(path)).unwrap_or(&self.empty)
    }
}

/// The directory of a module file, as modules are keyed: lexically normalised, so that a
/// call's `source` finds it.
fn module_dir(path: &Path) -> PathBuf {
    super::files::normalize(path.parent().unwrap_or(Path::new("")))
}

/// Appends the `.tf` and `.tf.json` files of `dirs` (called modules the paths did not reach)
/// to `candidates`, read for their modules only. A called module's own `.tfvars` are not
/// read: its caller sets its variables.
fn add_module_files(dirs: &[PathBuf], candidates: &mut Vec<Candidate>) {
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|entry| dir.join(entry.file_name()))
            .filter(|path| path.is_file())
            .collect();
        files.sort();
        for path in files {
            let display = crate::discover::display_path(&path);
            let format = Format::of_path(&display);
            if matches!(format, Some(Format::Terraform | Format::TerraformJson)) {
                candidates.push(Candidate {
                    path,
                    display,
                    format,
                    problem: None,
                    context_only: true,
                    report: true,
                });
            }
        }
    }
}

/// `*.auto.tfvars` and `*.auto.tfvars.json`: loaded after `terraform.tfvars`.
fn is_auto(candidate: &Candidate) -> bool {
    candidate.display.ends_with(".auto.tfvars") || candidate.display.ends_with(".auto.tfvars.json")
}

/// Whether Terraform loads a variables file without being told: `terraform.tfvars`,
/// `*.auto.tfvars` and their `.json` forms only. Any other (`prod.tfvars`) is a `-var-file`
/// for some runs, as tflint reads it too: its values are not what a plain `terraform apply`
/// deploys.
fn loads_itself(candidate: &Candidate) -> bool {
    is_auto(candidate)
        || candidate
            .path
            .file_name()
            .is_some_and(|n| n == "terraform.tfvars" || n == "terraform.tfvars.json")
}
