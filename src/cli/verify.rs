//! `kinerja verify`: decode every record, check every reference and the schema versions, and
//! list every problem by key. Exit 0 when the store is sound, 1 otherwise.
//!
//! A store whose files sled cannot read is named with the damaged file (see
//! `store::diagnose`) and the newest whole backup set of the store (`store::backup`), which
//! `kinerja restore` rebuilds it from.

use clap::Args;

use super::{CliError, CliResult, Context};
use crate::store::{Store, StoreError, backup, dir};
use crate::text::cli as t;

#[derive(Args, Debug)]
pub struct VerifyArgs {}

pub fn run(ctx: &Context, _a: &VerifyArgs) -> CliResult {
    let store = match ctx.open_store() {
        Ok(s) => s,
        Err(e) => return Err(damaged(ctx, e)),
    };
    let problems = match store.verify() {
        Ok(p) => p,
        Err(e) => {
            drop(store);
            return Err(damaged(ctx, super::refused(e)));
        }
    };
    let shown = store.path().display();
    if problems.is_empty() {
        let years = store.years().map_err(super::refused)?;
        let years = if years.is_empty() {
            "–".to_string()
        } else {
            years
                .iter()
                .map(i32::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        };
        super::say(&t::VERIFY_OK.fill(&[("store", &shown), ("years", &years)]))?;
        return Ok(());
    }
    for p in &problems {
        super::say(&p.to_string())?;
    }
    let mut msg = t::VERIFY_PROBLEMS.fill(&[("store", &shown), ("n", &problems.len())]);
    msg.push('\n');
    msg.push_str(&newest_backup(ctx));
    Err(CliError::refused(msg))
}

/// The refusal of a store that cannot be read: what failed, and when sled's files are
/// damaged, which one and the newest whole backup.
fn damaged(ctx: &Context, e: CliError) -> CliError {
    let path = &ctx.store_path;
    if !dir::is_store(path) || crate::server::server_running(path) {
        return e;
    }
    // the typed error, from an open in this process (no server holds the store)
    match Store::open_existing(path).and_then(|s| s.verify().map(|_| ())) {
        Err(StoreError::Damaged { at }) => {
            let file = crate::store::diagnose(path);
            let at = at
                .filter(|_| file == "db")
                .map(|a| t::VERIFY_AT.fill(&[("at", &a)]))
                .unwrap_or_default();
            CliError::refused(format!(
                "{}\n{}",
                t::VERIFY_DAMAGED.fill(&[
                    ("store", &path.display()),
                    ("file", &path.join(&file).display()),
                    ("at", &at),
                ]),
                newest_backup(ctx)
            ))
        }
        Err(StoreError::Io(io)) => {
            CliError::refused(format!("{}\n{}", StoreError::Io(io), newest_backup(ctx)))
        }
        _ => e,
    }
}

/// "The newest whole backup: … restore with …", or that there is none.
fn newest_backup(ctx: &Context) -> String {
    let path = &ctx.store_path;
    match backup::newest_good(path) {
        Some(set) => {
            let years: Vec<String> = set
                .manifest
                .years
                .iter()
                .map(|y| y.year.to_string())
                .collect();
            t::VERIFY_BACKUP.fill(&[
                ("file", &set.manifest_path().display()),
                ("time", &set.shown_time()),
                ("years", &years.join(", ")),
                ("id", &set.id()),
            ])
        }
        None => t::VERIFY_NO_BACKUP.fill(&[("dir", &dir::backup_dir(path).display())]),
    }
}
