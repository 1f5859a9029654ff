//! The sled store: a small API of operations that the CLI and the TUI call (open, load a year,
//! import a year, apply a change set atomically, read the audit log, verify).
//!
//! Layout: one sled tree per entity kind (`meta`, `years`, `units`, `ss`, `iku`, `addenda`,
//! `audit`), keys described in [`keys`], every value in the versioned envelope of [`codec`].
//! Every change is written together with its audit entries in one transaction over all trees and
//! flushed to disk before the call returns. One `Store` per process: sled's file lock keeps other
//! processes out, and [`lock`] records who holds it so a second opener gets a clear sentence.

mod api;
pub mod backup;
pub mod codec;
pub mod dir;
pub mod keys;
pub mod lock;
mod partial;
mod plan;
mod round;
mod salvage;
mod snapshot;
mod verify;
mod write;

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chrono::{DateTime, Local, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::{Addendum, Dataset, Iku, Ss, Unit};
use crate::text::store as t;

pub use api::{Seen, StoreApi, stale_sentence};
pub use backup::{BackupCodec, BackupSet, copy_files, set_backup_codec};
pub use lock::{Actor, LockHolder};
pub use partial::{PartialYear, Rollup, YearSummary};
pub use round::{PutEvidence, sha256_hex};
pub use salvage::{BackupWriter, Salvage, backup_path, set_backup_writer};
pub use snapshot::{decode_year, decode_year_owned, encode_year};
pub use verify::Problem;

/// Schema of the store as a whole (tree layout and key format), kept in `meta/schema`.
///
/// 2 added the `snapshots` and `dirty` trees: a build of schema 1 would change records without
/// marking them dirty, so it must refuse a schema-2 store (it does: newer schema).
///
/// 3 added the `summaries` tree, written with each snapshot: a build of schema 2 would rewrite a
/// snapshot and clear the dirty marks without rewriting the summary beside it.
///
/// 4 writes records of version 2 (`codec::RECORD_VERSION`: the IKU's `mandatory`), which a
/// build of schema 3 cannot read: it must refuse the store rather than call its IKU corrupt. The
/// records of version 1 stay as they are (they read as version 2); the snapshots and summaries,
/// caches in the version-1 layout, are dropped and written afresh.
pub const STORE_SCHEMA: u16 = 4;

const META_SCHEMA: &[u8] = b"schema";
/// How often `open` tries again while the lock looks like it is being released (50 ms apart).
const OPEN_RETRIES: u32 = 10;
/// sled's page cache (its default is 1 GiB). A year is read from its snapshot once per open, so a
/// large cache only holds memory (issue 6: < 150 MB for an open ministry-scale store, and for
/// its import, which peaks ~20 MB higher with a 32 MiB cache).
const SLED_CACHE: u64 = 8 * 1024 * 1024;
const META_AUDIT_NEXT: &[u8] = b"audit_next";

/// Everything that can go wrong in the store. `Display` is one sentence for the user, in the
/// language of `text::lang()`.
#[derive(thiserror::Error, Debug)]
pub enum StoreError {
    /// Another process holds the store.
    Locked {
        path: PathBuf,
        holder: Option<LockHolder>,
    },
    /// Reading or writing a file failed (the message names the file where known).
    Io(#[source] std::io::Error),
    /// A record cannot be decoded, or its content does not match its key.
    Corrupt { key: String, reason: String },
    /// A year, unit, SS or IKU the operation needs is not in the store (the text names it).
    NotFound(String),
    /// Codes that are already in the store (the text lists them).
    Conflict(String),
    /// A change that can never be applied (e.g. month 13, an empty code).
    Invalid(String),
    /// The store was written by a newer kinerja.
    NewerSchema {
        path: PathBuf,
        found: u16,
        known: u16,
    },
    /// sled found one of its files damaged (`at`: the offset in `db`, when it says);
    /// [`diagnose`] tells which file.
    Damaged { at: Option<u64> },
    /// An internal error of the storage engine.
    Engine(String),
    /// A cell changed since its author saw it: the sentence names who changed it, when, and
    /// the value now (`value`), which the editor shows.
    Stale {
        message: String,
        iku: crate::domain::CodeRef,
        month: u8,
        value: Option<rust_decimal::Decimal>,
    },
    /// The store server refused or could not answer (the sentence, in the user's language).
    Remote(String),
    /// No store at the path, and the command does not create one.
    NoStore(PathBuf),
    /// The path is a file, or a directory that is neither empty nor a store.
    NotAStore { path: PathBuf, found: String },
    /// The store directory holds entries that are not its own, or links.
    ForeignEntries { path: PathBuf, entries: String },
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match self {
            StoreError::Locked { path, holder } => {
                locked_sentence(crate::text::lang(), path, holder.as_ref())
            }
            StoreError::Io(e) => t::IO.fill(&[("error", e)]),
            StoreError::Corrupt { key, reason } => {
                t::CORRUPT.fill(&[("key", key), ("reason", reason)])
            }
            StoreError::NotFound(what) => t::NOT_FOUND.fill(&[("what", what)]),
            StoreError::Conflict(what) => t::CONFLICT.fill(&[("what", what)]),
            StoreError::Invalid(what) => t::INVALID.fill(&[("what", what)]),
            StoreError::NewerSchema { path, found, known } => t::NEWER_SCHEMA.fill(&[
                ("path", &path.display()),
                ("found", found),
                ("known", known),
            ]),
            StoreError::Damaged { at } => match at {
                Some(at) => t::DAMAGED_AT.fill(&[("at", at)]),
                None => t::DAMAGED.s().to_string(),
            },
            StoreError::Engine(e) => t::ENGINE.fill(&[("error", e)]),
            StoreError::Stale { message, .. } | StoreError::Remote(message) => message.clone(),
            StoreError::NoStore(path) => t::NO_STORE.fill(&[("path", &path.display())]),
            StoreError::NotAStore { path, found } => {
                t::NOT_A_STORE.fill(&[("path", &path.display()), ("found", found)])
            }
            StoreError::ForeignEntries { path, entries } => {
                t::FOREIGN_ENTRIES.fill(&[("path", &path.display()), ("entries", entries)])
            }
        };
        f.write_str(&s)
    }
}

/// "Toko data /x sedang dipakai oleh budi (pid 4242) sejak 10:32."
fn locked_sentence(lang: crate::text::Lang, path: &Path, holder: Option<&LockHolder>) -> String {
    let path = path.display();
    let Some(h) = holder else {
        return t::LOCKED_UNKNOWN.fill_in(lang, &[("path", &path)]);
    };
    let local = h.since.with_timezone(&Local);
    let since = if local.date_naive() == Local::now().date_naive() {
        local.format("%H:%M").to_string()
    } else {
        local.format("%Y-%m-%d %H:%M").to_string()
    };
    let args: [(&str, &dyn fmt::Display); 5] = [
        ("path", &path),
        ("user", &h.user),
        ("pid", &h.pid),
        ("since", &since),
        ("host", &h.host),
    ];
    if h.host == lock::host_name() {
        t::LOCKED_BY.fill_in(lang, &args)
    } else {
        t::LOCKED_BY_ON_HOST.fill_in(lang, &args)
    }
}

impl From<sled::Error> for StoreError {
    fn from(e: sled::Error) -> Self {
        match e {
            sled::Error::Io(io) => StoreError::Io(io),
            sled::Error::Corruption { at, .. } => StoreError::Damaged {
                at: at.map(|p| p.lid()),
            },
            sled::Error::CollectionNotFound(name) => {
                StoreError::Engine(format!("tree {} missing", String::from_utf8_lossy(&name)))
            }
            sled::Error::Unsupported(s) | sled::Error::ReportableBug(s) => StoreError::Engine(s),
        }
    }
}

/// An io::Error that names the file it is about.
fn io_at(path: &Path, e: std::io::Error) -> StoreError {
    StoreError::Io(std::io::Error::new(
        e.kind(),
        format!("{}: {e}", path.display()),
    ))
}

/// The change type the store persists and applies: the one of the domain.
pub use crate::domain::change::Change;

/// One line of the audit trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub seq: u64,
    pub at: DateTime<Utc>,
    pub user: String,
    pub year: i32,
    /// The unit changed; empty for changes of the year as a whole (rulebook, replace).
    pub unit: String,
    /// What changed, e.g. `realisasi 1a-CP 2025-03`, `import IKU 1a-CP`, `edit IKU 1a-CP`.
    pub what: String,
    pub old: Option<String>,
    pub new: Option<String>,
    /// `set`, `import`, `import-realisasi`, `tui`, `addendum`, …
    pub source: String,
}

/// Which audit entries [`Store::audit_log`] returns.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditFilter {
    pub unit: Option<String>,
    /// Entries on or after this date (local time).
    pub since: Option<NaiveDate>,
    pub limit: Option<usize>,
}

/// What the `years` tree holds per year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct YearRecord {
    year: i32,
    rulebook: String,
}

/// The trees, one per entity kind.
struct Trees {
    meta: sled::Tree,
    years: sled::Tree,
    units: sled::Tree,
    ss: sled::Tree,
    iku: sled::Tree,
    addenda: sled::Tree,
    audit: sled::Tree,
    /// Derived, outside [`TreeId::ALL`]: see [`snapshot`].
    snapshots: sled::Tree,
    dirty: sled::Tree,
    /// Derived, outside [`TreeId::ALL`]: see [`partial`].
    summaries: sled::Tree,
    /// The rest of the PK, one record per (year, unit): see [`plan`].
    plan: sled::Tree,
    /// The month-end round, one record per (year, unit): see [`round`].
    round: sled::Tree,
    /// The bytes of evidence files by SHA-256: see [`round`].
    evidence: sled::Tree,
}

/// Names of the trees, as used in keys shown to the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TreeId {
    Meta,
    Years,
    Units,
    Ss,
    Iku,
    Addenda,
    Audit,
}

impl TreeId {
    const ALL: [TreeId; 7] = [
        TreeId::Meta,
        TreeId::Years,
        TreeId::Units,
        TreeId::Ss,
        TreeId::Iku,
        TreeId::Addenda,
        TreeId::Audit,
    ];
    fn name(self) -> &'static str {
        match self {
            TreeId::Meta => "meta",
            TreeId::Years => "years",
            TreeId::Units => "units",
            TreeId::Ss => "ss",
            TreeId::Iku => "iku",
            TreeId::Addenda => "addenda",
            TreeId::Audit => "audit",
        }
    }
}

impl Trees {
    fn get(&self, id: TreeId) -> &sled::Tree {
        match id {
            TreeId::Meta => &self.meta,
            TreeId::Years => &self.years,
            TreeId::Units => &self.units,
            TreeId::Ss => &self.ss,
            TreeId::Iku => &self.iku,
            TreeId::Addenda => &self.addenda,
            TreeId::Audit => &self.audit,
        }
    }
}

/// The open store. One per process; share it by reference (it is `Sync`).
pub struct Store {
    path: PathBuf,
    db: sled::Db,
    trees: Trees,
    /// Serialises writers inside this process (other processes are kept out by the file lock),
    /// so what a write reads before its transaction is still current inside it.
    writer: Mutex<()>,
    policy: lock::Policy,
    stale_cleared: Option<LockHolder>,
    /// Backup files written before a schema migration when this store was opened.
    backups: Vec<PathBuf>,
    /// The local day of the newest backup set, once known (see [`backup`]).
    backup_day: Mutex<Option<NaiveDate>>,
}

impl Store {
    /// `$XDG_DATA_HOME/kinerja`, else `~/.local/share/kinerja` (see [`crate::safe::dirs`]).
    pub fn default_path() -> PathBuf {
        crate::safe::dirs::data_dir().unwrap_or_else(|| PathBuf::from(".kinerja"))
    }

    /// Opens the store at `path`, creating and marking one there if the directory is new or
    /// empty (see [`dir`] for what is refused).
    ///
    /// A new store directory is created 0700 and its files 0600 (a directory with group
    /// permissions, made by `init --group`, keeps 0770/0660). Another process holding the store
    /// gives [`StoreError::Locked`] naming it.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_with(path, dir::Create::IfNew)
    }

    /// Opens an existing store only: a missing or empty directory is [`StoreError::NoStore`].
    pub fn open_existing(path: &Path) -> Result<Store, StoreError> {
        Store::open_with(path, dir::Create::Never)
    }

    /// Opens the store at `path`; `create` says whether a new or empty directory becomes one.
    pub fn open_with(path: &Path, create: dir::Create) -> Result<Store, StoreError> {
        let policy = dir::prepare(path, create)?;
        remove_unfinished_snapshots(path);
        // sled releases its file lock only when its flusher thread has ended, a moment after
        // the previous holder dropped it (or exited): retry briefly unless a live process of
        // someone else is recorded as the holder.
        let mut attempt = 0;
        let db = loop {
            let opened = lock::with_umask(policy.umask, || {
                sled::Config::new()
                    .path(path)
                    .cache_capacity(SLED_CACHE)
                    .open()
            });
            match opened {
                Ok(db) => break db,
                Err(e) => {
                    let err = open_error(path, e);
                    let transient = matches!(&err, StoreError::Locked { holder, .. }
                        if holder.as_ref().is_none_or(|h| h.pid == std::process::id()));
                    attempt += 1;
                    if !transient || attempt >= OPEN_RETRIES {
                        return Err(err);
                    }
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
            }
        };
        let who = Actor::current();
        // We hold sled's lock now, so any owner record left behind is stale.
        let stale_cleared = lock::read_owner(path);
        // The record only tells a second opener who holds the store; on a full or read-only
        // disk the store still opens without it.
        let _ = lock::write_owner(path, &LockHolder::this_process(&who), policy.file_mode);
        let tree = |id: TreeId| db.open_tree(id.name());
        let trees = Trees {
            meta: tree(TreeId::Meta)?,
            years: tree(TreeId::Years)?,
            units: tree(TreeId::Units)?,
            ss: tree(TreeId::Ss)?,
            iku: tree(TreeId::Iku)?,
            addenda: tree(TreeId::Addenda)?,
            audit: tree(TreeId::Audit)?,
            snapshots: db.open_tree("snapshots")?,
            dirty: db.open_tree("dirty")?,
            summaries: db.open_tree("summaries")?,
            plan: db.open_tree("plan")?,
            round: db.open_tree("round")?,
            evidence: db.open_tree("evidence")?,
        };
        let mut store = Store {
            path: path.to_path_buf(),
            db,
            trees,
            writer: Mutex::new(()),
            policy,
            stale_cleared,
            backups: Vec::new(),
            backup_day: Mutex::new(None),
        };
        store.check_schema()?;
        // a replace cut short: the year comes back from the backup set its marker names
        store.finish_interrupted_replace()?;
        dir::tighten(path, policy);
        Ok(store)
    }

    /// Refuses a store of a newer schema; migrates an older one (a store without a schema
    /// marker is schema 0) after writing every year to a dated backup file beside it.
    fn check_schema(&mut self) -> Result<(), StoreError> {
        let key = keys::display("meta", META_SCHEMA);
        let found: u16 = match self.trees.meta.get(META_SCHEMA)? {
            Some(v) => codec::decode(&key, &v)?,
            None => 0,
        };
        if found > STORE_SCHEMA {
            return Err(StoreError::NewerSchema {
                path: self.path.clone(),
                found,
                known: STORE_SCHEMA,
            });
        }
        if found < STORE_SCHEMA {
            self.backups = self.backup_before_migration(found)?;
            if backup::has_codec() && !self.trees.years.is_empty() {
                self.write_backup("migration")?;
            }
            self.migrate(found)?;
            self.trees
                .meta
                .insert(META_SCHEMA, codec::encode(&STORE_SCHEMA)?)?;
            self.flush()?;
        }
        Ok(())
    }

    /// The migration steps from schema `from` up to [`STORE_SCHEMA`], run after the backup.
    ///
    /// Schema 0 is a store written before the schema marker existed; its layout is the layout of
    /// schema 1, so no record changes. Schema 2 adds the snapshot trees, empty at first (every
    /// year is read from its records once and its snapshot written then), and drops whatever
    /// they might hold. Schema 3 adds the summaries written with the snapshots: the snapshots
    /// are dropped with them, so that both are written afresh, together. Schema 4 drops them again:
    /// they hold IKU in the layout of record version 1. A later schema adds its step here, each
    /// step in its own transaction.
    fn migrate(&self, from: u16) -> Result<(), StoreError> {
        debug_assert!(from < STORE_SCHEMA);
        if from < 4 {
            self.trees.snapshots.clear()?;
            self.trees.summaries.clear()?;
        }
        if from < 2 {
            self.trees.dirty.clear()?;
        }
        Ok(())
    }

    /// Backup files written before a schema migration when this store was opened (empty when
    /// no migration ran).
    pub fn migration_backups(&self) -> &[PathBuf] {
        &self.backups
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The record of a process that died holding this store, cleared when this one opened it.
    pub fn stale_lock_cleared(&self) -> Option<&LockHolder> {
        self.stale_cleared.as_ref()
    }

    /// True when no year is stored.
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.trees.years.is_empty())
    }

    /// The stored years, ascending.
    pub fn years(&self) -> Result<Vec<i32>, StoreError> {
        let mut out = Vec::new();
        for kv in self.trees.years.iter() {
            let (k, _) = kv?;
            match keys::year_from(&k) {
                Some(y) if k.len() == 4 => out.push(y),
                _ => {
                    return Err(StoreError::Corrupt {
                        key: keys::display("years", &k),
                        reason: t::P_BAD_KEY.s().into(),
                    });
                }
            }
        }
        Ok(out)
    }

    fn year_record(&self, year: i32) -> Result<Option<YearRecord>, StoreError> {
        let k = keys::year(year);
        match self.trees.years.get(k)? {
            Some(v) => Ok(Some(codec::decode(&keys::display("years", &k), &v)?)),
            None => Ok(None),
        }
    }

    /// Every record of a tree under a key prefix, decoded, in key order.
    fn scan<T: codec::Record>(&self, id: TreeId, prefix: &[u8]) -> Result<Vec<T>, StoreError> {
        let mut out = Vec::new();
        for kv in self.trees.get(id).scan_prefix(prefix) {
            let (k, v) = kv?;
            out.push(codec::decode(&keys::display(id.name(), &k), &v)?);
        }
        Ok(out)
    }

    /// Loads one year's data from its records (every record decoded); see
    /// [`Store::load_year`] for the usual, faster path.
    fn load_year_records(&self, year: i32, rulebook: String) -> Result<Dataset, StoreError> {
        let prefix = keys::year(year);
        let units: Vec<Unit> = self.scan(TreeId::Units, &prefix)?;
        let ss: Vec<Ss> = self.scan(TreeId::Ss, &prefix)?;
        let iku: Vec<Iku> = self.scan(TreeId::Iku, &prefix)?;
        let addenda: Vec<Addendum> = self.scan(TreeId::Addenda, &prefix)?;
        Ok(Dataset::from_parts(year, rulebook, units, ss, iku, addenda))
    }

    /// The audit trail, newest first.
    pub fn audit_log(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>, StoreError> {
        let mut out = Vec::new();
        if filter.limit == Some(0) {
            return Ok(out);
        }
        for kv in self.trees.audit.iter().rev() {
            let (k, v) = kv?;
            let e: AuditEntry = codec::decode(&keys::display("audit", &k), &v)?;
            if filter.unit.as_ref().is_some_and(|u| *u != e.unit) {
                continue;
            }
            if filter
                .since
                .is_some_and(|d| e.at.with_timezone(&Local).date_naive() < d)
            {
                continue;
            }
            out.push(e);
            if filter.limit.is_some_and(|l| out.len() >= l) {
                break;
            }
        }
        Ok(out)
    }

    /// Closes the store after a large write and opens it once more, then closes it again.
    ///
    /// sled replays on open everything written since its last own snapshot, and records a new
    /// one at the end of that replay; after an import of a ministry-scale year the replay costs
    /// ~100 ms. Doing it here, while the user waits for the import anyway, makes the next open
    /// quick. Nothing is lost when it fails: that open replays instead.
    pub fn settle(self) {
        let path = self.path.clone();
        drop(self);
        drop(Store::open(&path));
    }

    /// Writes everything committed so far to disk.
    pub fn flush(&self) -> Result<(), StoreError> {
        self.db.flush()?;
        Ok(())
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        let _ = self.db.flush();
        dir::tighten(&self.path, self.policy);
        lock::remove_owner_if_mine(&self.path);
    }
}

/// Turns a failed sled open into `Locked` when another process holds the store.
fn open_error(path: &Path, e: sled::Error) -> StoreError {
    let locked = match &e {
        sled::Error::Io(io) => {
            io.to_string().contains("could not acquire lock") || db_file_locked(path)
        }
        _ => false,
    };
    if locked {
        let holder = lock::read_owner(path).filter(|h| !h.is_dead());
        return StoreError::Locked {
            path: path.to_path_buf(),
            holder,
        };
    }
    match e {
        sled::Error::Io(io) => io_at(path, io),
        other => other.into(),
    }
}

/// Removes the `snap.*.generating` files a snapshot write of sled left when it failed (a full
/// disk) or was killed, if no process holds the store: sled takes the newest `snap.*` file as
/// its snapshot, `.generating` ones included, and an empty one makes the store refuse to open
/// ("damaged") until it is gone.
fn remove_unfinished_snapshots(path: &Path) {
    use std::os::fd::AsRawFd;
    let Ok(rd) = fs::read_dir(path) else { return };
    let unfinished: Vec<PathBuf> = rd
        .flatten()
        .filter(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.starts_with("snap.") && n.ends_with(".generating")
        })
        .map(|e| e.path())
        .collect();
    if unfinished.is_empty() {
        return;
    }
    let Ok(db) = fs::File::open(path.join("db")) else {
        return;
    };
    // SAFETY: flock on a descriptor we own; released when `db` is closed below.
    if unsafe { libc::flock(db.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } != 0 {
        return; // sled is open in another process: the file may be its snapshot in progress
    }
    for f in unfinished {
        let _ = fs::remove_file(f);
    }
    drop(db);
}

/// True when sled's data file is exclusively locked by someone else.
fn db_file_locked(path: &Path) -> bool {
    use std::os::fd::AsRawFd;
    let Ok(f) = fs::File::open(path.join("db")) else {
        return false;
    };
    // SAFETY: flock on a file descriptor we own; released when `f` is closed.
    let rc = unsafe { libc::flock(f.as_raw_fd(), libc::LOCK_SH | libc::LOCK_NB) };
    rc != 0 && std::io::Error::last_os_error().raw_os_error() == Some(libc::EWOULDBLOCK)
}

/// Which file of a damaged store sled cannot read: its newest snapshot file (`snap.*`, the
/// one sled reads) when that file's own checksum fails, else its log, `db`. Only reads.
pub fn diagnose(path: &Path) -> String {
    let mut snaps: Vec<String> = fs::read_dir(path)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with("snap.") && !n.ends_with(".generating"))
                .collect()
        })
        .unwrap_or_default();
    snaps.sort();
    if let Some(newest) = snaps.pop() {
        let whole = crate::safe::read::read_bytes(
            &path.join(&newest),
            codec::DECODE_LIMIT as u64,
            crate::safe::read::Links::Refuse,
        )
        .is_ok_and(|b| snapshot_file_whole(&b));
        if !whole {
            return newest;
        }
    }
    "db".into()
}

/// sled's check of a snapshot file: the body, its length (8 bytes) and the CRC-32 of the body
/// (4 bytes, little-endian).
fn snapshot_file_whole(b: &[u8]) -> bool {
    if b.len() <= 12 {
        return false;
    }
    let (body, tail) = b.split_at(b.len() - 12);
    let want = u32::from_le_bytes([tail[8], tail[9], tail[10], tail[11]]);
    crc32(body) == want
}

/// CRC-32 (IEEE 802.3, reflected), as sled computes it.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// Whether anyone may write to the store directory (the TUI refuses such a store).
pub fn is_world_writable(path: &Path) -> bool {
    lock::world_writable(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    #[test]
    fn crc32_is_the_ieee_one() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        let mut f = b"body".to_vec();
        f.extend_from_slice(&4u64.to_le_bytes());
        f.extend_from_slice(&crc32(b"body").to_le_bytes());
        assert!(snapshot_file_whole(&f));
        f[0] ^= 1;
        assert!(!snapshot_file_whole(&f));
    }

    #[test]
    fn store_can_be_shared_between_threads() {
        fn shareable<T: Send + Sync>() {}
        shareable::<Store>();
    }

    #[test]
    fn locked_sentence_names_path_user_pid_and_time() {
        let since = Utc::now();
        let h = LockHolder {
            user: "budi".into(),
            pid: 4242,
            host: lock::host_name(),
            since,
        };
        let hhmm = since.with_timezone(&Local).format("%H:%M").to_string();
        let id = locked_sentence(Lang::Id, Path::new("/x"), Some(&h));
        assert_eq!(
            id,
            format!("Toko data /x sedang dipakai oleh budi (pid 4242) sejak {hhmm}.")
        );
        let en = locked_sentence(Lang::En, Path::new("/x"), Some(&h));
        assert_eq!(
            en,
            format!("The store /x is in use by budi (pid 4242) since {hhmm}.")
        );
        let yesterday = LockHolder {
            since: since - chrono::Duration::days(1),
            ..h.clone()
        };
        let day = yesterday
            .since
            .with_timezone(&Local)
            .format("%Y-%m-%d %H:%M")
            .to_string();
        assert!(
            locked_sentence(Lang::En, Path::new("/x"), Some(&yesterday))
                .ends_with(&format!("since {day}."))
        );
        let other = LockHolder {
            host: "server-lain".into(),
            ..h
        };
        let s = locked_sentence(Lang::Id, Path::new("/x"), Some(&other));
        assert_eq!(
            s,
            format!(
                "Toko data /x sedang dipakai oleh budi (pid 4242 di server-lain) sejak {hhmm}."
            )
        );
        assert_eq!(
            locked_sentence(Lang::En, Path::new("/x"), None),
            "The store /x is in use by another kinerja process."
        );
    }
}
