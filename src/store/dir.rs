//! What a store directory is, in one place: which entries belong to it, how it is marked, when
//! kinerja may create one, and how its permissions are kept (private 0700/0600, or shared with a
//! group 2770/0660). The CLI, the TUI and the store server all go through these rules.
//!
//! - A store is created only in a new or an empty directory, and marked there with
//!   [`MARK_FILE`]. Only a marked directory is opened as a store. A directory written by an
//!   earlier kinerja (sled's `db` and `conf`, no mark) is recognised by its files and marked when
//!   it is first opened. Anything else — a home directory, `/etc`, a file — is refused with what
//!   was found and how to make a store.
//! - A store holds only its own entries ([`is_own_entry`]): sled's `db`, `conf`, `blobs/`,
//!   `snap.*`, the lock record, the mark, and the `backups/` directory. A store holding anything
//!   else, or a symbolic link of any name, is refused (a link could point the permission
//!   changes, or root's backup run, at another file).
//! - Permission changes touch only those entries, opened with `O_NOFOLLOW` and changed through
//!   the handle ([`crate::safe::perm`]).

use std::ffi::OsStr;
use std::fs;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use super::lock::{self, Policy};
use super::{StoreError, io_at};
use crate::safe::perm;
use crate::text::store as t;

/// The mark of a store directory (a small text file).
pub const MARK_FILE: &str = "kinerja.store";
/// The directory of the store's own rotating backups.
pub const BACKUP_DIR: &str = "backups";
const MARK_TEXT: &str = "kinerja store\nformat: sled 0.34\n";

/// Whether an open may create a store where there is none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Create {
    /// `init`, `import`, the first-run default store: a new or empty directory becomes a store.
    IfNew,
    /// Every other command: only an existing store is opened.
    Never,
}

/// Whether `name` is one of the entries a store directory may hold.
pub fn is_own_entry(name: &OsStr) -> bool {
    let Some(n) = name.to_str() else { return false };
    matches!(n, "db" | "conf" | "blobs" | MARK_FILE | BACKUP_DIR | lock::OWNER_FILE)
        // the store server's socket, pid file and start lock (see `server`)
        || matches!(n, "kinerja.sock" | "kinerja.serve-pid" | "kinerja.start-lock")
        || n.starts_with("snap.")
        // the lock record's temporary files, now and as older versions named them
        || (n.starts_with(&format!(".{}.", lock::OWNER_FILE)) && n.ends_with(".tmp"))
        || n
            .strip_prefix(&format!("{}.", lock::OWNER_FILE))
            .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
}

/// The entries of `dir` that are links or not a store's own (sorted, for the message).
pub fn foreign_entries(dir: &Path) -> std::io::Result<Vec<String>> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir)? {
        let e = e?;
        let name = e.file_name();
        let ft = e.file_type()?;
        let shown = crate::safe::term::escape(&name.to_string_lossy()).into_owned();
        if ft.is_symlink() {
            out.push(format!("{shown} → {}", t::ENTRY_LINK.s()));
        } else if !is_own_entry(&name) {
            out.push(shown);
        } else if name == "blobs" || name == BACKUP_DIR {
            if !ft.is_dir() {
                out.push(shown);
            } else {
                for inner in fs::read_dir(e.path())? {
                    let inner = inner?;
                    let ift = inner.file_type()?;
                    if !ift.is_file() {
                        out.push(format!(
                            "{shown}/{}",
                            crate::safe::term::escape(&inner.file_name().to_string_lossy())
                        ));
                    }
                }
            }
        } else if name == "kinerja.sock" {
            // the server's socket (a dead server's is stale: the next server removes it)
            use std::os::unix::fs::FileTypeExt;
            if !ft.is_socket() {
                out.push(shown);
            }
        } else if !ft.is_file() {
            out.push(shown);
        }
    }
    out.sort();
    Ok(out)
}

fn not_a_store(path: &Path, found: String) -> StoreError {
    StoreError::NotAStore {
        path: path.to_path_buf(),
        found,
    }
}

fn list(names: &[String]) -> String {
    const SHOWN: usize = 8;
    let mut s = names
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > SHOWN {
        s.push_str(&t::AND_MORE.fill(&[("n", &(names.len() - SHOWN))]));
    }
    s
}

/// Makes sure `path` is a store (creating and marking one if `create` allows) and returns its
/// permission policy. Nothing outside the store's own entries is touched.
pub fn prepare(path: &Path, create: Create) -> Result<Policy, StoreError> {
    match fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if create == Create::Never {
                return Err(StoreError::NoStore(path.to_path_buf()));
            }
            make_dir(path)?;
            write_mark(path, lock::PRIVATE)?;
            return Ok(lock::PRIVATE);
        }
        Err(e) => return Err(io_at(path, e)),
        Ok(m) if !m.is_dir() => {
            return Err(not_a_store(path, t::FOUND_FILE.s().to_string()));
        }
        Ok(_) => {}
    }
    let policy = lock::policy_of(path);
    let marked = fs::symlink_metadata(path.join(MARK_FILE)).is_ok();
    let legacy = !marked
        && fs::symlink_metadata(path.join("db")).is_ok_and(|m| m.is_file())
        && fs::symlink_metadata(path.join("conf")).is_ok_and(|m| m.is_file());
    let empty = fs::read_dir(path)
        .map_err(|e| io_at(path, e))?
        .next()
        .is_none();
    if !marked && !legacy {
        if empty {
            if create == Create::Never {
                return Err(StoreError::NoStore(path.to_path_buf()));
            }
            write_mark(path, policy)?;
            return Ok(policy);
        }
        let names: Vec<String> = fs::read_dir(path)
            .map_err(|e| io_at(path, e))?
            .filter_map(|e| e.ok())
            .map(|e| crate::safe::term::escape(&e.file_name().to_string_lossy()).into_owned())
            .collect();
        let mut names = names;
        names.sort();
        return Err(not_a_store(
            path,
            t::FOUND_ENTRIES.fill(&[("entries", &list(&names))]),
        ));
    }
    let foreign = foreign_entries(path).map_err(|e| io_at(path, e))?;
    if !foreign.is_empty() {
        return Err(StoreError::ForeignEntries {
            path: path.to_path_buf(),
            entries: list(&foreign),
        });
    }
    if legacy {
        // Marked on its first open; a read-only file system leaves it unmarked (and still open).
        let _ = write_mark(path, policy);
    }
    // leftovers of older versions' lock-record writes
    if let Ok(rd) = fs::read_dir(path) {
        for e in rd.flatten() {
            let n = e.file_name();
            if n != lock::OWNER_FILE
                && n.to_string_lossy().contains(lock::OWNER_FILE)
                && e.file_type().is_ok_and(|t| t.is_file())
            {
                let _ = fs::remove_file(e.path());
            }
        }
    }
    Ok(policy)
}

fn make_dir(path: &Path) -> Result<(), StoreError> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(|e| io_at(parent, e))?;
    }
    match fs::DirBuilder::new().mode(0o700).create(path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && path.is_dir() => {}
        Err(e) => return Err(io_at(path, e)),
    }
    fs::set_permissions(path, fs::Permissions::from_mode(0o700)).map_err(|e| io_at(path, e))
}

fn write_mark(path: &Path, policy: Policy) -> Result<(), StoreError> {
    let file = path.join(MARK_FILE);
    crate::safe::write::write_atomic(
        &file,
        MARK_TEXT.as_bytes(),
        Some(policy.file_mode),
        crate::safe::write::Replace::Regular,
    )
    .map_err(|e| StoreError::Io(std::io::Error::other(e.to_string())))
}

/// Marks `path` as a store (a restore keeps an earlier version's store a store while its
/// files are moved aside).
pub fn mark(path: &Path) -> Result<(), StoreError> {
    if fs::symlink_metadata(path.join(MARK_FILE)).is_ok() {
        return Ok(());
    }
    write_mark(path, lock::policy_of(path))
}

/// Whether `path` is a directory kinerja would open as a store (marked, or an earlier
/// version's).
pub fn is_store(path: &Path) -> bool {
    fs::symlink_metadata(path.join(MARK_FILE)).is_ok_and(|m| m.is_file())
        || (fs::symlink_metadata(path.join("db")).is_ok_and(|m| m.is_file())
            && fs::symlink_metadata(path.join("conf")).is_ok_and(|m| m.is_file()))
}

/// The mode an entry may have under `policy` (directories keep setgid and get x where r is).
fn allowed_mode(policy: Policy, is_dir: bool) -> u32 {
    if is_dir {
        policy.file_mode | ((policy.file_mode & 0o444) >> 2) | 0o2000
    } else {
        policy.file_mode
    }
}

/// Removes permission bits beyond the policy from the store's own entries (sled may create
/// snapshot or blob files later, under the process umask). Links and foreign entries are left
/// alone; nothing is followed.
pub fn tighten(dir: &Path, policy: Policy) {
    let _ = walk_own(dir, &mut |f, m| {
        let mode = m.permissions().mode() & 0o7777;
        let allowed = allowed_mode(policy, m.is_dir());
        if mode & !allowed != 0 {
            perm::set_mode(f, mode & allowed)?;
        }
        Ok(())
    });
}

/// Gives the store directory and every one of its own entries to group `gid`, directories
/// 2770 and files 0660, through `O_NOFOLLOW` handles.
pub fn share_with_group(dir: &Path, gid: u32) -> std::io::Result<()> {
    let (d, m) = perm::open_nofollow(dir)?;
    if !m.is_dir() {
        return Err(std::io::Error::other("not a directory"));
    }
    perm::set_group(&d, gid)?;
    perm::set_mode(&d, 0o2770)?;
    walk_own(dir, &mut |f, m| {
        if m.gid() != gid {
            perm::set_group(f, gid)?;
        }
        perm::set_mode(f, if m.is_dir() { 0o2770 } else { 0o660 })
    })
}

/// Calls `f` with an `O_NOFOLLOW` handle of every own entry of the store (and of the entries of
/// `blobs/` and `backups/`), regular files and directories only.
fn walk_own(
    dir: &Path,
    f: &mut dyn FnMut(&fs::File, &fs::Metadata) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let (d, m) = perm::open_nofollow(dir)?;
    if !m.is_dir() {
        return Ok(());
    }
    for e in fs::read_dir(dir)? {
        let e = e?;
        let name = e.file_name();
        if !is_own_entry(&name) {
            continue;
        }
        let Ok((h, hm)) = perm::open_at(&d, &name) else {
            continue; // a link (ELOOP) or gone
        };
        if hm.is_file() {
            f(&h, &hm)?;
        } else if hm.is_dir() && (name == "blobs" || name == BACKUP_DIR) {
            f(&h, &hm)?;
            for inner in fs::read_dir(dir.join(&name))? {
                let inner = inner?;
                if let Ok((ih, im)) = perm::open_at(&h, &inner.file_name())
                    && im.is_file()
                {
                    f(&ih, &im)?;
                }
            }
        }
    }
    Ok(())
}

/// The store's own backup directory.
pub fn backup_dir(store: &Path) -> PathBuf {
    store.join(BACKUP_DIR)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_entries_are_known_by_name() {
        for n in [
            "db",
            "conf",
            "blobs",
            "snap.0000000000022506",
            "kinerja.lock-owner",
            "kinerja.lock-owner.4242",
            ".kinerja.lock-owner.abc.tmp",
            "kinerja.store",
            "backups",
        ] {
            assert!(is_own_entry(OsStr::new(n)), "{n}");
        }
        for n in [".bashrc", "public_html", "zz", "kinerja.lock-owner.x"] {
            assert!(!is_own_entry(OsStr::new(n)), "{n}");
        }
    }
}
