//! `kinerja restore [BACKUP]`: rebuilds a store from one of its own backup sets (see
//! `store::backup`), the newest whole one unless named, and says what changed after it.
//!
//! The store must be to itself: a running store server with no other client is stopped first,
//! one with clients is a refusal naming them, and no server can start meanwhile (the start
//! lock is held). sled's files are moved into `backups/` as `<id>-damaged-*`, never deleted; a
//! new store is written in their place from the set. A store that still reads whole is
//! restored only with `--force` (its later changes would be lost).

use clap::Args;

use super::{CliError, CliResult, Context, refused};
use crate::store::backup::{self, BackupSet};
use crate::store::{AuditEntry, AuditFilter, Store, StoreError, dir};
use crate::text::cli as t;

#[derive(Args, Debug)]
pub struct RestoreArgs {
    /// Set cadangan (id atau salah satu berkasnya) / the backup set (its id or one of its files)
    /// [default: the newest whole one]
    pub backup: Option<String>,
    /// Pulihkan juga toko data yang masih utuh / restore also over a store that reads whole
    #[arg(long)]
    pub force: bool,
    /// Daftar set cadangan / list the backup sets
    #[arg(long)]
    pub list: bool,
}

#[derive(Args, Debug)]
pub struct BackupArgs {}

/// `kinerja backup`: a backup set of every year now, named.
pub fn run_backup(ctx: &Context, _a: &BackupArgs) -> CliResult {
    let store = ctx.open_store()?;
    let set = store.backup("manual").map_err(refused)?;
    let years: Vec<String> = set
        .manifest
        .years
        .iter()
        .map(|y| y.year.to_string())
        .collect();
    super::say(&t::BACKUP_WRITTEN.fill(&[
        ("file", &set.manifest_path().display()),
        ("years", &years.join(", ")),
        ("id", &set.id()),
        ("keep", &backup::keep()),
    ]))
}

/// Audit entries listed after a restore, at most.
const LATER_SHOWN: usize = 20;

pub fn run(ctx: &Context, a: &RestoreArgs) -> CliResult {
    let path = &ctx.store_path;
    if !dir::is_store(path) {
        return Err(refused(StoreError::NoStore(path.clone())));
    }
    if a.list {
        return list(ctx);
    }
    let set = choose(ctx, a.backup.as_deref())?;
    stop_server(ctx)?;
    let policy = crate::store::lock::policy_of(path);
    let _start = crate::server::FileLock::take(
        &path.join(crate::server::START_LOCK_FILE),
        false,
        policy.file_mode,
    )
    .map_err(|e| CliError::refused(format!("{}: {e}", path.display())))?
    .ok_or_else(|| CliError::refused(t::RESTORE_BUSY.fill(&[("store", &path.display())])))?;

    // what the store holds now: whole, damaged, or unreadable
    let later: Option<Vec<AuditEntry>> = match Store::open_existing(path) {
        Ok(store) => {
            let sound = store.verify().is_ok_and(|p| p.is_empty());
            let later = store.audit_log(&AuditFilter::default()).ok().map(|all| {
                let mut l: Vec<AuditEntry> = all
                    .into_iter()
                    .filter(|e| e.seq > set.manifest.audit_seq)
                    .collect();
                l.reverse();
                l
            });
            if sound && !a.force {
                let n = later.as_ref().map_or(0, Vec::len);
                return Err(CliError::refused(t::RESTORE_SOUND.fill(&[
                    ("store", &path.display()),
                    ("id", &set.id()),
                    ("n", &n),
                ])));
            }
            drop(store);
            later
        }
        Err(e @ StoreError::Locked { .. }) => return Err(refused(e)),
        Err(_) => None,
    };

    dir::mark(path).map_err(refused)?;
    let (aside, moved) = backup::set_aside(path).map_err(refused)?;
    let store = Store::open_existing(path).map_err(refused)?;
    let restored = store.restore_from(&set, &ctx.actor).map_err(|e| {
        CliError::refused(t::RESTORE_FAILED.fill(&[("id", &set.id()), ("error", &e)]))
    })?;
    let problems = store.verify().map_err(refused)?;
    drop(store);
    if !problems.is_empty() {
        let mut msg = t::RESTORE_FAILED.fill(&[("id", &set.id()), ("error", &problems.len())]);
        for p in &problems {
            msg.push_str("\n  ");
            msg.push_str(&p.to_string());
        }
        return Err(CliError::refused(msg));
    }
    let years_text = restored
        .years
        .iter()
        .map(|y| {
            t::RESTORE_YEAR.fill(&[
                ("year", &y.year),
                ("units", &y.units),
                ("ss", &y.ss),
                ("iku", &y.iku),
            ])
        })
        .collect::<Vec<_>>()
        .join(", ");
    super::say(&t::RESTORED.fill(&[
        ("store", &path.display()),
        ("id", &set.id()),
        ("time", &set.shown_time()),
        (
            "years",
            &if years_text.is_empty() {
                "–".into()
            } else {
                years_text
            },
        ),
    ]))?;
    if restored.evidence > 0 {
        super::say(&t::RESTORE_EVIDENCE.fill(&[("n", &restored.evidence)]))?;
    }
    if !moved.is_empty() {
        super::say(&t::RESTORE_KEPT.fill(&[
            ("dir", &dir::backup_dir(path).display()),
            ("prefix", &aside),
            ("n", &moved.len()),
        ]))?;
    }
    match later {
        None => super::say(&t::RESTORE_LATER_UNKNOWN.fill(&[
            ("time", &set.shown_time()),
            ("seq", &set.manifest.audit_seq),
        ]))?,
        Some(l) if l.is_empty() => super::say(t::RESTORE_LATER_NONE.s())?,
        Some(l) => {
            super::say(&t::RESTORE_LATER.fill(&[("n", &l.len())]))?;
            for e in l.iter().take(LATER_SHOWN) {
                super::say(&format!(
                    "  #{} {} {} {} {}",
                    e.seq,
                    e.at.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M"),
                    e.user,
                    e.unit,
                    e.what
                ))?;
            }
            if l.len() > LATER_SHOWN {
                super::say(&format!("  … (+{})", l.len() - LATER_SHOWN))?;
            }
        }
    }
    Ok(())
}

/// The set named, or the newest whole one; a damaged set is refused naming its file.
fn choose(ctx: &Context, given: Option<&str>) -> Result<BackupSet, CliError> {
    let path = &ctx.store_path;
    let set = match given {
        Some(g) => backup::find(path, g).ok_or_else(|| {
            CliError::refused(
                t::RESTORE_NO_SUCH
                    .fill(&[("given", &g), ("dir", &dir::backup_dir(path).display())]),
            )
        })?,
        None => backup::newest_good(path).ok_or_else(|| {
            CliError::refused(t::RESTORE_NONE.fill(&[("dir", &dir::backup_dir(path).display())]))
        })?,
    };
    set.check().map_err(CliError::refused)?;
    Ok(set)
}

/// Stops the store's server when it has no client but this one; refuses naming them otherwise.
fn stop_server(ctx: &Context) -> CliResult {
    let path = &ctx.store_path;
    if !crate::server::server_running(path) {
        return Ok(());
    }
    let client =
        crate::server::Client::connect(path, super::serve::no_start(ctx)).map_err(|_| {
            CliError::refused(t::RESTORE_SERVER.fill(&[
                ("store", &path.display()),
                ("pid", &crate::server::recorded_pid(path).unwrap_or(0)),
            ]))
        })?;
    let me = std::process::id();
    let others: Vec<String> = client
        .who()
        .map_err(refused)?
        .into_iter()
        .filter(|c| c.pid != me)
        .map(|c| format!("{} (pid {}, {})", c.user, c.pid, c.doing))
        .collect();
    if !others.is_empty() {
        return Err(CliError::refused(t::RESTORE_CLIENTS.fill(&[
            ("store", &path.display()),
            ("clients", &others.join(", ")),
        ])));
    }
    client.stop().map_err(refused)?;
    Ok(())
}

/// `restore --list`: every set, newest first, whole or not.
fn list(ctx: &Context) -> CliResult {
    let sets = backup::list(&ctx.store_path);
    if sets.is_empty() {
        return super::say(
            &t::RESTORE_NONE.fill(&[("dir", &dir::backup_dir(&ctx.store_path).display())]),
        );
    }
    for s in sets {
        let years: Vec<String> = s
            .manifest
            .years
            .iter()
            .map(|y| y.year.to_string())
            .collect();
        let state = match s.check() {
            Ok(()) => t::BACKUP_WHOLE.s().to_string(),
            Err(e) => e,
        };
        super::say(&format!(
            "{}  {}  {}  {}  {}",
            s.id(),
            s.shown_time(),
            s.manifest.reason,
            years.join(","),
            state
        ))?;
    }
    Ok(())
}
