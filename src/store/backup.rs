//! The store's own rotating backups: a way back when its files are damaged (sled cannot salvage
//! itself).
//!
//! A backup set lives in the store's `backups/` directory ([`super::dir::BACKUP_DIR`]), flat,
//! every file written atomically and as private as the store:
//!
//! - `<id>-y<year>.json`: the year as a `kinerja/1` document with its `plan` and `round`
//!   sections, as `export` writes it (by the codec the CLI registers with
//!   [`set_backup_codec`]), one per year; (a set of an earlier build may hold the round states
//!   beside it in `<id>-y<year>-round.json`, still read);
//! - `<id>-access.json`: the store server's access list, when one was set;
//! - `<id>-audit.jsonl`: the audit trail, one entry a line;
//! - `evidence-<sha256>`: the bytes of each evidence file the store holds (`kinerja lampiran`,
//!   a bundle's files), named by their SHA-256 and shared by every set that holds them (a set
//!   writes only the ones not already there whole); a file no kept set names is removed by the
//!   rotation;
//! - `<id>.manifest`: written last, after every file above was read back from the disk and
//!   found of the size and SHA-256 it was written with (a year's document is written a part at
//!   a time, summed on the way, so that it never stands whole in memory; that it reads back as
//!   the same document is the codec's promise, tested by the interchange tests): the time, the
//!   reason, the last audit entry the set holds, and the SHA-256 of every file. A set without
//!   its manifest is incomplete and never used.
//!
//! `<id>` is the local time `YYYYMMDD-HHMMSS` (with `-2`, `-3`… when two sets fall in one
//! second), so that names sort by age. After each new set only the newest `N` sets are kept
//! (`KINERJA_BACKUPS`, default [`DEFAULT_KEEP`]).
//!
//! When: [`Store::backup_if_due`] writes a set after a day with changes: the store server calls
//! it before the first write of a day without a set, and it writes one when the audit holds
//! entries the newest set does not (so the set holds the store as the earlier day left it).
//! `import --replace` and a schema migration write one first, whatever the day; `kinerja
//! backup` writes one at once.
//! A restore puts every evidence file of the set back, each checked against its SHA-256 first.

use std::collections::BTreeMap;
use std::fs;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::{DateTime, Local, Utc};
use serde::{Deserialize, Serialize};

use super::{AuditEntry, Store, StoreError, dir};
use crate::domain::Dataset;
use crate::domain::plan::Plans;

/// How many sets are kept unless `KINERJA_BACKUPS` says otherwise.
pub const DEFAULT_KEEP: usize = 7;
/// The environment variable with the number of sets kept (1 or more).
pub const KEEP_ENV: &str = "KINERJA_BACKUPS";
/// The format name in every manifest.
pub const FORMAT: &str = "kinerja-backup/1";
const MANIFEST_EXT: &str = ".manifest";
/// The start of the name of an evidence file in `backups/`, before its SHA-256.
const EVIDENCE_PREFIX: &str = "evidence-";
/// Largest manifest read.
const MAX_MANIFEST_BYTES: u64 = 1024 * 1024;

/// The key (in the `meta` tree) of the marker of a replace in progress, [`Replacing`].
pub const META_REPLACING: &[u8] = b"replacing";
/// The reason of the set written before a replace (`import --replace`): the import that follows
/// replaces the year, so the store server does not load it again for its clients in between.
pub const REPLACE_REASON: &str = "replace";

/// The marker of a replace in progress: the year being replaced and the set that holds it as
/// it was (see `Store::import_replacing` in `store::write`). An open that finds it restores
/// the year from that set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Replacing {
    pub year: i32,
    pub set: String,
}

/// Writes a year (with its plans) as a document and reads one back; registered by the CLI
/// (`interchange::json`), which the store does not depend on.
#[derive(Clone, Copy)]
pub struct BackupCodec {
    /// Writes the document a part at a time (it never stands whole in memory).
    pub write: fn(&Dataset, &Plans, &mut dyn std::io::Write) -> std::io::Result<()>,
    pub read: fn(&str) -> Result<(Dataset, Plans), String>,
}

static CODEC: OnceLock<BackupCodec> = OnceLock::new();

/// Registers the document codec of backups (the CLI registers the `kinerja/1` one).
pub fn set_backup_codec(codec: BackupCodec) {
    let _ = CODEC.set(codec);
}

/// Whether a codec was registered (the library used without the CLI may have none).
pub fn has_codec() -> bool {
    CODEC.get().is_some()
}

fn codec() -> Result<BackupCodec, StoreError> {
    CODEC
        .get()
        .copied()
        .ok_or_else(|| StoreError::Engine("no backup codec registered".into()))
}

/// The number of sets kept: `KINERJA_BACKUPS` when it is a number ≥ 1, else [`DEFAULT_KEEP`].
pub fn keep() -> usize {
    std::env::var(KEEP_ENV)
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n >= 1)
        .unwrap_or(DEFAULT_KEEP)
}

/// What a restore brought back.
#[derive(Debug, Clone)]
pub struct Restored {
    pub years: Vec<YearInfo>,
    /// Evidence files put back.
    pub evidence: usize,
}

/// One year in a set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearInfo {
    pub year: i32,
    pub units: usize,
    pub ss: usize,
    pub iku: usize,
}

/// One file of a set and its checksum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileSum {
    pub name: String,
    pub sha256: String,
    pub bytes: u64,
}

/// What a set holds (the `.manifest` file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub id: String,
    pub at: DateTime<Utc>,
    /// `daily`, `replace`, `migration`, `restore`.
    pub reason: String,
    /// The sequence number of the last audit entry the set holds (0: none).
    pub audit_seq: u64,
    pub years: Vec<YearInfo>,
    pub files: Vec<FileSum>,
}

/// A set found in a store's `backups/`.
#[derive(Debug, Clone)]
pub struct BackupSet {
    pub dir: PathBuf,
    pub manifest: Manifest,
}

/// What one year of a set holds, read back.
pub struct YearBackup {
    pub dataset: Dataset,
    pub plans: Plans,
}

impl BackupSet {
    pub fn id(&self) -> &str {
        &self.manifest.id
    }

    /// The document of `year` in this set.
    pub fn year_path(&self, year: i32) -> PathBuf {
        self.dir.join(year_file(&self.manifest.id, year))
    }

    pub fn manifest_path(&self) -> PathBuf {
        self.dir.join(format!("{}{MANIFEST_EXT}", self.manifest.id))
    }

    /// The local time of the set, `YYYY-MM-DD HH:MM:SS`.
    pub fn shown_time(&self) -> String {
        self.manifest
            .at
            .with_timezone(&Local)
            .format("%Y-%m-%d %H:%M:%S")
            .to_string()
    }

    /// Checks that every file of the set is there, a regular file, and has its checksum; the
    /// error names the file.
    pub fn check(&self) -> Result<(), String> {
        for f in &self.manifest.files {
            check_file(&self.dir.join(&f.name), f)?;
        }
        Ok(())
    }

    fn file(&self, name: &str) -> Option<(PathBuf, &FileSum)> {
        self.manifest
            .files
            .iter()
            .find(|f| f.name == name)
            .map(|f| (self.dir.join(&f.name), f))
    }

    /// Reads one checked file of the set.
    fn read_checked(&self, name: &str) -> Result<Option<Vec<u8>>, String> {
        let Some((path, sum)) = self.file(name) else {
            return Ok(None);
        };
        let bytes = read_file(&path, sum.bytes.max(1))?;
        if super::sha256_hex(&bytes) != sum.sha256 {
            return Err(crate::text::store::BACKUP_FILE_DAMAGED.fill(&[("file", &path.display())]));
        }
        Ok(Some(bytes))
    }

    /// The year as the set holds it (its document, plans and round states).
    pub fn read_year(&self, year: i32) -> Result<YearBackup, String> {
        let codec = codec().map_err(|e| e.to_string())?;
        let name = year_file(&self.manifest.id, year);
        let bytes = self.read_checked(&name)?.ok_or_else(|| {
            crate::text::store::BACKUP_FILE_DAMAGED
                .fill(&[("file", &self.dir.join(&name).display())])
        })?;
        let text = String::from_utf8(bytes).map_err(|e| e.to_string())?;
        let (mut dataset, plans) = (codec.read)(&text)?;
        drop(text);
        if let Some(bytes) = self.read_checked(&round_file(&self.manifest.id, year))? {
            dataset.round = serde_json::from_slice(&bytes).map_err(|e| e.to_string())?;
        }
        Ok(YearBackup { dataset, plans })
    }

    /// The access list the set holds, if any.
    pub fn read_access(&self) -> Result<Option<crate::server::access::AccessList>, String> {
        match self.read_checked(&access_file(&self.manifest.id))? {
            Some(b) => serde_json::from_slice(&b)
                .map(Some)
                .map_err(|e| e.to_string()),
            None => Ok(None),
        }
    }

    /// Calls `f` with every audit entry of the set, oldest first.
    pub fn each_audit(
        &self,
        f: &mut dyn FnMut(AuditEntry) -> Result<(), StoreError>,
    ) -> Result<(), String> {
        let Some(bytes) = self.read_checked(&audit_file(&self.manifest.id))? else {
            return Ok(());
        };
        for line in bytes.lines() {
            let line = line.map_err(|e| e.to_string())?;
            if line.is_empty() {
                continue;
            }
            let e: AuditEntry = serde_json::from_str(&line).map_err(|e| e.to_string())?;
            f(e).map_err(|e| e.to_string())?;
        }
        Ok(())
    }
}

/// Checks a file of a set read back from the disk, a part at a time: a regular file (never
/// through a link) of the size and SHA-256 the manifest gives. The error names the file.
fn check_file(path: &Path, sum: &FileSum) -> Result<(), String> {
    use sha2::Digest;
    use std::io::Read;
    let damaged = || crate::text::store::BACKUP_FILE_DAMAGED.fill(&[("file", &path.display())]);
    let file = crate::safe::read::open_regular(path, crate::safe::read::Links::Refuse)
        .map_err(|e| e.to_string())?;
    // one byte more than the manifest says, to see a file that grew
    let mut capped = file.take(sum.bytes + 1);
    let mut hash = sha2::Sha256::new();
    let mut buf = vec![0u8; 256 * 1024];
    let mut n = 0u64;
    loop {
        let got = capped
            .read(&mut buf)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        if got == 0 {
            break;
        }
        hash.update(&buf[..got]);
        n += got as u64;
    }
    let hex: String = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
    if n != sum.bytes || hex != sum.sha256 {
        return Err(damaged());
    }
    Ok(())
}

/// A writer that passes bytes on and keeps their SHA-256 and count.
struct Summing<'a> {
    inner: &'a mut dyn std::io::Write,
    hash: sha2::Sha256,
    bytes: u64,
}

impl std::io::Write for Summing<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        use sha2::Digest;
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    crate::safe::read::read_bytes(path, limit, crate::safe::read::Links::Refuse)
        .map_err(|e| e.to_string())
}

fn evidence_file(sha256: &str) -> String {
    format!("{EVIDENCE_PREFIX}{sha256}")
}

/// The SHA-256 an evidence file of a set is named by.
fn evidence_sha(name: &str) -> Option<&str> {
    name.strip_prefix(EVIDENCE_PREFIX)
        .filter(|h| h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn year_file(id: &str, year: i32) -> String {
    format!("{id}-y{year}.json")
}
fn round_file(id: &str, year: i32) -> String {
    format!("{id}-y{year}-round.json")
}
fn access_file(id: &str) -> String {
    format!("{id}-access.json")
}
fn audit_file(id: &str) -> String {
    format!("{id}-audit.jsonl")
}

/// Every set of the store whose manifest can be read, newest first (not checked: see
/// [`BackupSet::check`]).
pub fn list(store: &Path) -> Vec<BackupSet> {
    let dir = dir::backup_dir(store);
    let Ok(rd) = fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for e in rd.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if !name.ends_with(MANIFEST_EXT) || name.starts_with('.') {
            continue;
        }
        let Ok(bytes) = read_file(&e.path(), MAX_MANIFEST_BYTES) else {
            continue;
        };
        let Ok(manifest) = serde_json::from_slice::<Manifest>(&bytes) else {
            continue;
        };
        if manifest.format != FORMAT || format!("{}{MANIFEST_EXT}", manifest.id) != name {
            continue;
        }
        out.push(BackupSet {
            dir: dir.clone(),
            manifest,
        });
    }
    out.sort_by(|a, b| b.manifest.id.cmp(&a.manifest.id));
    out
}

/// The newest set whose every file is whole.
pub fn newest_good(store: &Path) -> Option<BackupSet> {
    list(store).into_iter().find(|s| s.check().is_ok())
}

/// The set named by `given`: its id, or the path of any of its files.
pub fn find(store: &Path, given: &str) -> Option<BackupSet> {
    let name = Path::new(given)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| given.to_string());
    list(store).into_iter().find(|s| {
        name == s.manifest.id
            || name.starts_with(&format!("{}-", s.manifest.id))
            || name == format!("{}{MANIFEST_EXT}", s.manifest.id)
    })
}

fn io(path: &Path, e: impl std::fmt::Display) -> StoreError {
    StoreError::Io(std::io::Error::other(format!("{}: {e}", path.display())))
}

impl Store {
    /// Writes a backup set of every year now (see the module documentation) and keeps the
    /// newest [`keep`] sets. Nothing of an earlier set is touched when this one fails.
    pub fn write_backup(&self, reason: &str) -> Result<BackupSet, StoreError> {
        let codec = codec()?;
        let dir = dir::backup_dir(&self.path);
        match fs::symlink_metadata(&dir) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => return Err(io(&dir, "not a directory")),
            Err(_) => {
                use std::os::unix::fs::DirBuilderExt;
                let mode = if self.policy.file_mode & 0o070 != 0 {
                    0o2770
                } else {
                    0o700
                };
                fs::DirBuilder::new()
                    .mode(mode)
                    .create(&dir)
                    .map_err(|e| io(&dir, e))?;
                if let Ok((h, _)) = crate::safe::perm::open_nofollow(&dir) {
                    let _ = crate::safe::perm::set_mode(&h, mode);
                }
            }
        }
        let now = Utc::now();
        let id = free_id(
            &dir,
            &now.with_timezone(&Local)
                .format("%Y%m%d-%H%M%S")
                .to_string(),
        );
        let mut files = Vec::new();
        let mut years = Vec::new();
        let written = (|| -> Result<u64, StoreError> {
            for year in self.years()? {
                let ds = self.load_year_from_records(year)?;
                let plans = self.load_plans(year)?;
                years.push(YearInfo {
                    year,
                    units: ds.units.len(),
                    ss: ds.ss.len(),
                    iku: ds.iku.len(),
                });
                // written a part at a time, summed on the way, then read back from the disk
                let name = year_file(&id, year);
                let sum = self.put_with(&dir, &name, &mut |w| (codec.write)(&ds, &plans, w))?;
                drop((ds, plans));
                files.push(sum.clone());
                check_file(&dir.join(&name), &sum).map_err(StoreError::Invalid)?;
            }
            // the evidence, one file at a time; a value already damaged in the store (verify
            // names it) is not copied
            for kv in self.trees.evidence.iter() {
                let (k, v) = kv?;
                let sha = String::from_utf8_lossy(&k).into_owned();
                let Some(bytes) = self.evidence_of_record(&sha, &v) else {
                    continue;
                };
                files.push(self.put_evidence_file(&dir, &sha, bytes)?);
            }
            if let Some(list) = self
                .meta_value::<crate::server::access::AccessList>(crate::server::access::META_KEY)?
            {
                let json = serde_json::to_vec_pretty(&list).map_err(|e| io(&dir, e))?;
                files.push(self.put(&dir, &access_file(&id), &json)?);
            }
            // the audit trail, an entry at a time (it grows with every change: never whole
            // in memory)
            let mut last = 0;
            let mut failed: Option<StoreError> = None;
            let sum = self.put_with(&dir, &audit_file(&id), &mut |w| {
                for kv in self.trees.audit.iter() {
                    let decoded = kv.map_err(StoreError::from).and_then(|(k, v)| {
                        super::codec::decode::<AuditEntry>(&super::keys::display("audit", &k), &v)
                    });
                    let e = match decoded {
                        Ok(e) => e,
                        Err(e) => {
                            failed = Some(e);
                            return Err(std::io::Error::other("audit entry unreadable"));
                        }
                    };
                    last = e.seq;
                    serde_json::to_writer(&mut *w, &e)?;
                    w.write_all(b"\n")?;
                }
                Ok(())
            });
            if let Some(e) = failed {
                return Err(e);
            }
            files.push(sum?);
            Ok(last)
        })();
        let audit_seq = match written {
            Ok(s) => s,
            Err(e) => {
                for f in files.iter().filter(|f| evidence_sha(&f.name).is_none()) {
                    let _ = fs::remove_file(dir.join(&f.name));
                }
                return Err(e);
            }
        };
        let manifest = Manifest {
            format: FORMAT.into(),
            id: id.clone(),
            at: now,
            reason: reason.into(),
            audit_seq,
            years,
            files,
        };
        let set = BackupSet {
            dir: dir.clone(),
            manifest,
        };
        let checked = set.check().map_err(StoreError::Invalid);
        let json = serde_json::to_vec_pretty(&set.manifest).map_err(|e| io(&dir, e));
        let done = checked.and(json).and_then(|json| {
            self.put(&dir, &format!("{id}{MANIFEST_EXT}"), &json)
                .map(|_| ())
        });
        if let Err(e) = done {
            for f in set
                .manifest
                .files
                .iter()
                .filter(|f| evidence_sha(&f.name).is_none())
            {
                let _ = fs::remove_file(dir.join(&f.name));
            }
            return Err(e);
        }
        rotate(&self.path, keep());
        *self.backup_day.lock().unwrap_or_else(|p| p.into_inner()) =
            Some(Local::now().date_naive());
        Ok(set)
    }

    /// Writes the file `name` of a set atomically from what `write` writes, and returns its
    /// size and SHA-256.
    fn put_with(
        &self,
        dir: &Path,
        name: &str,
        write: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<FileSum, StoreError> {
        use sha2::Digest;
        let path = dir.join(name);
        let mut summed = None;
        crate::safe::write::write_atomic_with(
            &path,
            Some(self.policy.file_mode),
            crate::safe::write::Replace::Never,
            &mut |w| {
                let mut s = Summing {
                    inner: w,
                    hash: sha2::Sha256::new(),
                    bytes: 0,
                };
                write(&mut s)?;
                summed = Some((s.hash.finalize(), s.bytes));
                Ok(())
            },
        )
        .map_err(|e| StoreError::Io(std::io::Error::other(e.to_string())))?;
        let (hash, bytes) = summed.ok_or_else(|| io(&path, "not written"))?;
        Ok(FileSum {
            name: name.into(),
            sha256: hash.iter().map(|b| format!("{b:02x}")).collect(),
            bytes,
        })
    }

    fn put(&self, dir: &Path, name: &str, bytes: &[u8]) -> Result<FileSum, StoreError> {
        let path = dir.join(name);
        crate::safe::write::write_atomic(
            &path,
            bytes,
            Some(self.policy.file_mode),
            crate::safe::write::Replace::Never,
        )
        .map_err(|e| StoreError::Io(std::io::Error::other(e.to_string())))?;
        Ok(FileSum {
            name: name.into(),
            sha256: super::sha256_hex(bytes),
            bytes: bytes.len() as u64,
        })
    }

    /// The evidence file of `sha256` in `dir`: kept when it is there whole, else written (over
    /// a damaged one).
    fn put_evidence_file(
        &self,
        dir: &Path,
        sha256: &str,
        bytes: &[u8],
    ) -> Result<FileSum, StoreError> {
        let name = evidence_file(sha256);
        let path = dir.join(&name);
        let whole = read_file(&path, bytes.len().max(1) as u64)
            .is_ok_and(|b| b.len() == bytes.len() && super::sha256_hex(&b) == sha256);
        if !whole {
            crate::safe::write::write_atomic(
                &path,
                bytes,
                Some(self.policy.file_mode),
                crate::safe::write::Replace::Regular,
            )
            .map_err(|e| StoreError::Io(std::io::Error::other(e.to_string())))?;
        }
        Ok(FileSum {
            name,
            sha256: sha256.to_string(),
            bytes: bytes.len() as u64,
        })
    }

    /// The number of the last audit entry (0 when there is none).
    pub fn last_audit_seq(&self) -> Result<u64, StoreError> {
        Ok(match self.trees.audit.last()? {
            Some((k, _)) => super::keys::audit_seq(&k).unwrap_or(0),
            None => 0,
        })
    }

    /// Writes a set when one is due on `today`: no set was written on that day and the audit
    /// holds entries the newest set does not. Returns the set written.
    pub fn backup_if_due(&self, today: chrono::NaiveDate) -> Result<Option<BackupSet>, StoreError> {
        if *self.backup_day.lock().unwrap_or_else(|p| p.into_inner()) == Some(today) {
            return Ok(None);
        }
        let sets = list(&self.path);
        let newest = sets.first();
        if let Some(s) = newest
            && s.manifest.at.with_timezone(&Local).date_naive() == today
        {
            *self.backup_day.lock().unwrap_or_else(|p| p.into_inner()) = Some(today);
            return Ok(None);
        }
        let last = self.last_audit_seq()?;
        if last == 0 || newest.is_some_and(|s| s.manifest.audit_seq >= last) {
            return Ok(None);
        }
        self.write_backup("daily").map(Some)
    }

    /// Fills this new, empty store from `set`: its evidence files, its audit trail, every year
    /// (records, round states, plans) and the access list, each restored part audited as
    /// `restore` from the set. Returns what was restored.
    pub fn restore_from(
        &self,
        set: &BackupSet,
        who: &super::Actor,
    ) -> Result<Restored, StoreError> {
        let bad = |e: String| StoreError::Invalid(e);
        // the evidence first, each file checked against its SHA-256 (the round states name it)
        let mut evidence = 0;
        for f in &set.manifest.files {
            let Some(sha) = evidence_sha(&f.name) else {
                continue;
            };
            let bytes = set.read_checked(&f.name).map_err(bad)?.unwrap_or_default();
            if super::sha256_hex(&bytes) != sha {
                return Err(bad(crate::text::store::BACKUP_FILE_DAMAGED
                    .fill(&[("file", &set.dir.join(&f.name).display())])));
            }
            self.restore_evidence(&bytes)?;
            evidence += 1;
        }
        let mut audit = Vec::new();
        set.each_audit(&mut |e| {
            audit.push(e);
            Ok(())
        })
        .map_err(bad)?;
        self.restore_audit(&audit)?;
        drop(audit);
        let id = set.id().to_string();
        for y in &set.manifest.years {
            let yb = set.read_year(y.year).map_err(bad)?;
            self.restore_year(
                &yb.dataset,
                who,
                format!("restore year {} from backup {id}", y.year),
            )?;
            if !yb.plans.is_empty() {
                self.import_plans(y.year, &yb.plans, false, who, "restore")?;
            }
        }
        if let Some(list) = set.read_access().map_err(bad)? {
            self.restore_setting(
                crate::server::access::META_KEY,
                &list,
                who,
                format!("restore access list from backup {id}"),
            )?;
        }
        Ok(Restored {
            years: set.manifest.years.clone(),
            evidence,
        })
    }

    /// Writes the audit entries of a backup back with their numbers (the store is new and
    /// empty: see `kinerja restore`), and sets the next number after them.
    pub fn restore_audit(&self, entries: &[AuditEntry]) -> Result<(), StoreError> {
        let mut batch = sled::Batch::default();
        let mut next = 1;
        for e in entries {
            batch.insert(&super::keys::audit(e.seq), super::codec::encode(e)?);
            next = next.max(e.seq + 1);
        }
        self.trees.audit.apply_batch(batch)?;
        let cur: u64 = match self.trees.meta.get(super::META_AUDIT_NEXT)? {
            Some(v) => super::codec::decode("meta/audit_next", &v)?,
            None => 1,
        };
        self.trees.meta.insert(
            super::META_AUDIT_NEXT,
            super::codec::encode(&cur.max(next))?,
        )?;
        self.flush()
    }
}

/// `base`, or `base-2`, `base-3`… when a set of that name exists.
fn free_id(dir: &Path, base: &str) -> String {
    let names: Vec<String> = fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    let taken = |id: &str| {
        names
            .iter()
            .any(|n| set_of(n).as_deref() == Some(id) || n.starts_with(&format!("{id}-damaged-")))
    };
    let mut id = base.to_string();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// The set id a backup file name belongs to (`20261204-142500` or `20261204-142500-2`).
fn set_of(name: &str) -> Option<String> {
    let stem = name
        .strip_suffix(MANIFEST_EXT)
        .or_else(|| name.strip_suffix(".jsonl"))
        .or_else(|| name.strip_suffix(".json"))?;
    let b = stem.as_bytes();
    if b.len() < 15 || !b[..8].iter().all(u8::is_ascii_digit) || b[8] != b'-' {
        return None;
    }
    if !b[9..15].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let mut end = 15;
    // an optional -N counter
    if b.len() > 16 && b[15] == b'-' {
        let digits = b[16..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits > 0 && (16 + digits == b.len() || b[16 + digits] == b'-') {
            end = 16 + digits;
        }
    }
    Some(stem[..end].to_string())
}

/// Keeps the newest `keep` complete sets; removes the files of older sets and of incomplete
/// sets older than the newest complete one. Other files (a restore's copies of damaged
/// files) are left.
pub fn rotate(store: &Path, keep: usize) {
    let sets = list(store);
    let Some(newest) = sets.first().map(|s| s.manifest.id.clone()) else {
        return;
    };
    let kept: Vec<String> = sets
        .iter()
        .take(keep)
        .map(|s| s.manifest.id.clone())
        .collect();
    let dir = dir::backup_dir(store);
    let Ok(rd) = fs::read_dir(&dir) else { return };
    let mut by_set: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for e in rd.flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        if n.contains("-damaged-") {
            continue;
        }
        if let Some(id) = set_of(&n) {
            by_set.entry(id).or_default().push(e.path());
        }
    }
    for (id, files) in by_set {
        if kept.contains(&id) || id >= newest {
            continue;
        }
        for f in files {
            let _ = fs::remove_file(f);
        }
    }
    // the evidence files no set left names
    let named: std::collections::BTreeSet<String> = list(store)
        .iter()
        .flat_map(|s| s.manifest.files.iter().map(|f| f.name.clone()))
        .collect();
    let Ok(rd) = fs::read_dir(&dir) else { return };
    for e in rd.flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        if evidence_sha(&n).is_some() && !named.contains(&n) {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// Copies sled's files of the store `from` (its mark, `db`, `conf`, `snap.*`, `blobs/`) into
/// the new directory `to` (0700), never following a link: a private copy a read-only command
/// can open where the store itself cannot be written to.
pub fn copy_files(from: &Path, to: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    fs::DirBuilder::new().mode(0o700).create(to)?;
    let copy = |src: &Path, dst: &Path| -> std::io::Result<()> {
        let mut f = crate::safe::read::open_regular(src, crate::safe::read::Links::Refuse)
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        let mut out = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(dst)?;
        std::io::copy(&mut f, &mut out)?;
        Ok(())
    };
    for e in fs::read_dir(from)?.flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        if n == "db"
            || n == "conf"
            || n == dir::MARK_FILE
            || (n.starts_with("snap.") && !n.ends_with(".generating"))
        {
            copy(&e.path(), &to.join(&n))?;
        } else if n == "blobs" && e.file_type()?.is_dir() {
            fs::DirBuilder::new().mode(0o700).create(to.join("blobs"))?;
            for b in fs::read_dir(e.path())?.flatten() {
                copy(&b.path(), &to.join("blobs").join(b.file_name()))?;
            }
        }
    }
    Ok(())
}

/// Moves sled's files of a store (`db`, `conf`, `snap.*`, the files of `blobs/`) into its
/// `backups/` as `<id>-damaged-<name>` (a restore starts from an empty store and keeps what it
/// replaces; these copies are never rotated away). Returns the names given, and the id.
pub fn set_aside(store: &Path) -> Result<(String, Vec<String>), StoreError> {
    let dir = dir::backup_dir(store);
    if fs::symlink_metadata(&dir).is_err() {
        use std::os::unix::fs::DirBuilderExt;
        fs::DirBuilder::new()
            .mode(0o700)
            .create(&dir)
            .map_err(|e| io(&dir, e))?;
    }
    let id = format!(
        "{}-damaged",
        free_id(&dir, &Local::now().format("%Y%m%d-%H%M%S").to_string())
    );
    let mut moved = Vec::new();
    let mut names: Vec<String> = fs::read_dir(store)
        .map_err(|e| io(store, e))?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n == "db" || n == "conf" || n.starts_with("snap.") || n == "blobs")
        .collect();
    names.sort();
    for n in names {
        let from = store.join(&n);
        if n == "blobs" {
            for e in fs::read_dir(&from).map_err(|e| io(&from, e))?.flatten() {
                let name = format!("{id}-blobs-{}", e.file_name().to_string_lossy());
                fs::rename(e.path(), dir.join(&name)).map_err(|e| io(&from, e))?;
                moved.push(name);
            }
            fs::remove_dir(&from).map_err(|e| io(&from, e))?;
        } else {
            let name = format!("{id}-{n}");
            fs::rename(&from, dir.join(&name)).map_err(|e| io(&from, e))?;
            moved.push(name);
        }
    }
    let _ = fs::remove_file(store.join(super::lock::OWNER_FILE));
    Ok((id, moved))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_ids_are_found_in_file_names() {
        assert_eq!(
            set_of("20261204-142500.manifest").as_deref(),
            Some("20261204-142500")
        );
        assert_eq!(
            set_of("20261204-142500-y2025.json").as_deref(),
            Some("20261204-142500")
        );
        assert_eq!(
            set_of("20261204-142500-2-y2025.json").as_deref(),
            Some("20261204-142500-2")
        );
        assert_eq!(
            set_of("20261204-142500-2.manifest").as_deref(),
            Some("20261204-142500-2")
        );
        assert_eq!(
            set_of("20261204-142500-audit.jsonl").as_deref(),
            Some("20261204-142500")
        );
        assert_eq!(set_of("notes.txt"), None);
        assert_eq!(set_of("2026-y.json"), None);
    }
}
