//! `kinerja rules list` and `kinerja rules show [NAME]`: the built-in rulebooks (`domain` §10).
//!
//! `show` without NAME prints the rulebook in force: the `--rules FILE` when given, else the
//! dataset's (latest year, or `--year`), else `kmk-300-2022` when there is no store yet (no
//! store is created for this). NAME is a built-in name or a TOML file, which is validated first.

use std::path::Path;

use clap::{Args, Subcommand};

use super::{CliResult, Context, load_rulebook_file, read_text_file, refused, rulebook_by_name};
use crate::domain::rulebook::{BUILTIN, DEFAULT_RULEBOOK, MAX_RULEBOOK_BYTES, Rulebook};
use crate::text::cli as t;

#[derive(Args, Debug)]
pub struct RulesArgs {
    #[command(subcommand)]
    pub command: RulesCommand,
}

#[derive(Subcommand, Debug)]
pub enum RulesCommand {
    /// Daftar rulebook bawaan / list the built-in rulebooks
    #[command(after_help = "Contoh: kinerja rules list")]
    List,
    /// Cetak TOML sebuah rulebook / print a rulebook's TOML
    #[command(
        after_help = "Contoh: kinerja rules show\n         kinerja rules show kmk-127-2026 > aturan.toml"
    )]
    Show {
        /// Nama bawaan atau berkas TOML / a built-in name or a TOML file [default: the dataset's]
        name: Option<String>,
    },
}

pub fn run(ctx: &Context, a: &RulesArgs) -> CliResult {
    match &a.command {
        RulesCommand::List => {
            let mut out = String::new();
            for (name, _) in BUILTIN {
                let rb = Rulebook::builtin(name).map(|r| r.title).unwrap_or_default();
                let mark = if *name == DEFAULT_RULEBOOK {
                    format!(" ({})", t::RULES_DEFAULT.s())
                } else {
                    String::new()
                };
                out.push_str(&format!("{name}{mark}  {rb}\n"));
            }
            out.push('\n');
            out.push_str(t::RULES_SHOW_HINT.s());
            out.push('\n');
            super::write_stdout(&out)?;
            Ok(())
        }
        RulesCommand::Show { name } => {
            let text = match name {
                Some(n) => text_of(n)?,
                None => match &ctx.rules_file {
                    Some(f) => file_text(f)?,
                    None => text_of(&dataset_rulebook(ctx)?)?,
                },
            };
            super::write_stdout(&text)?;
            if !text.ends_with('\n') {
                super::write_stdout("\n")?;
            }
            Ok(())
        }
    }
}

/// A built-in rulebook's TOML, or a file's after validating it.
fn text_of(name: &str) -> Result<String, super::CliError> {
    if let Some(t) = Rulebook::builtin_text(name) {
        return Ok(t.to_string());
    }
    let p = Path::new(name);
    if p.exists() {
        return file_text(p);
    }
    rulebook_by_name(name).map(|_| String::new())
}

fn file_text(p: &Path) -> Result<String, super::CliError> {
    load_rulebook_file(p)?;
    read_text_file(p, MAX_RULEBOOK_BYTES as u64)
}

/// The name of the rulebook of the dataset in the store, or the default without a store.
fn dataset_rulebook(ctx: &Context) -> Result<String, super::CliError> {
    if !ctx.store_path.exists() {
        return Ok(DEFAULT_RULEBOOK.to_string());
    }
    let store = ctx.open_store()?;
    if store.years().map_err(refused)?.is_empty() {
        return Ok(DEFAULT_RULEBOOK.to_string());
    }
    let year = ctx.year(&*store)?;
    Ok(store.load_year(year).map_err(refused)?.rulebook)
}
