//! Who holds the store: the lock-owner record kept next to sled's own file lock, the OS user,
//! and the file permissions of a store directory.
//!
//! sled locks its `db` file (an exclusive `flock`), which is what actually keeps a second
//! process out. The owner record (`kinerja.lock-owner`, JSON) only tells a second opener who
//! holds the lock. It is written after sled's lock is acquired and removed on drop; one left by a
//! process that died is stale and is replaced by the next opener.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// File name of the lock-owner record inside the store directory.
pub const OWNER_FILE: &str = "kinerja.lock-owner";

/// The person making a change, as recorded in the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user: String,
}

impl Actor {
    pub fn new(user: impl Into<String>) -> Actor {
        Actor { user: user.into() }
    }

    /// The OS user of this process: the name of its real uid in the password database
    /// (never `$USER` or `$LOGNAME`, which anyone can set).
    pub fn current() -> Actor {
        Actor {
            user: crate::safe::identity::current_user(),
        }
    }
}

/// This machine's host name.
pub fn host_name() -> String {
    let mut buf = [0u8; 256];
    // SAFETY: buf is writable for its whole length.
    let rc = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
    if rc != 0 {
        return String::from("?");
    }
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    String::from_utf8_lossy(&buf[..end]).into_owned()
}

/// Whether a process with this pid exists on this machine.
pub fn pid_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    if pid <= 0 {
        return false;
    }
    // SAFETY: signal 0 only checks for existence and permission.
    let rc = unsafe { libc::kill(pid, 0) };
    rc == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// Who holds a store open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockHolder {
    pub user: String,
    pub pid: u32,
    pub host: String,
    pub since: DateTime<Utc>,
}

impl LockHolder {
    /// The record of this process, now.
    pub fn this_process(who: &Actor) -> LockHolder {
        LockHolder {
            user: who.user.clone(),
            pid: std::process::id(),
            host: host_name(),
            since: Utc::now(),
        }
    }

    /// True when the record names a process of this machine that no longer runs.
    pub fn is_dead(&self) -> bool {
        self.host == host_name() && !pid_alive(self.pid)
    }
}

/// Largest owner record read (a real one is ~100 bytes).
const MAX_OWNER_BYTES: u64 = 4096;

/// Reads the owner record of a store; `None` when absent, unreadable, not a regular file (a
/// link to `/dev/zero`, a FIFO) or larger than `MAX_OWNER_BYTES`.
pub fn read_owner(dir: &Path) -> Option<LockHolder> {
    use crate::safe::read;
    let text = read::read_text(&dir.join(OWNER_FILE), MAX_OWNER_BYTES, read::Links::Refuse).ok()?;
    serde_json::from_str(&text).ok()
}

/// Writes the owner record (mode 0600, or 0660 in a group-shared store), atomically.
pub fn write_owner(dir: &Path, holder: &LockHolder, file_mode: u32) -> std::io::Result<()> {
    let json = serde_json::to_string(holder).map_err(std::io::Error::other)?;
    crate::safe::write::write_atomic(
        &dir.join(OWNER_FILE),
        json.as_bytes(),
        Some(file_mode),
        crate::safe::write::Replace::Regular,
    )
    .map_err(|e| std::io::Error::other(e.to_string()))
}

/// Removes the owner record if it is this process's.
pub fn remove_owner_if_mine(dir: &Path) {
    if read_owner(dir).is_some_and(|h| h.pid == std::process::id() && h.host == host_name()) {
        let _ = fs::remove_file(dir.join(OWNER_FILE));
    }
}

/// Permission policy of a store directory: private (0700/0600) or shared with a Unix group
/// (0770/0660, recognised by group write permission on the directory).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    pub file_mode: u32,
    pub umask: u32,
}

pub const PRIVATE: Policy = Policy {
    file_mode: 0o600,
    umask: 0o077,
};
pub const GROUP: Policy = Policy {
    file_mode: 0o660,
    umask: 0o007,
};

/// The policy of an existing store directory.
pub fn policy_of(dir: &Path) -> Policy {
    match fs::metadata(dir) {
        Ok(m) if m.permissions().mode() & 0o070 == 0o070 => GROUP,
        _ => PRIVATE,
    }
}

/// Runs `f` with the process umask set to `mask`, restoring the previous one after.
///
/// The umask is process-wide; this is only used while opening a store, which a program does
/// once at start-up.
pub fn with_umask<T>(mask: u32, f: impl FnOnce() -> T) -> T {
    // SAFETY: umask only swaps the process file-mode creation mask.
    let old = unsafe { libc::umask(mask as libc::mode_t) };
    let out = f();
    unsafe { libc::umask(old) };
    out
}

/// True when anyone (not only the owner and group) may write to the path.
pub fn world_writable(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o002 != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn current_actor_is_not_empty() {
        assert!(!Actor::current().user.is_empty());
    }

    #[test]
    fn this_process_is_alive_and_a_reaped_child_is_dead() {
        assert!(pid_alive(std::process::id()));
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        assert!(!pid_alive(pid));
        assert!(!pid_alive(0));
    }

    #[test]
    fn owner_record_round_trip_and_removal() {
        let dir = tempfile::tempdir().unwrap();
        let h = LockHolder::this_process(&Actor::new("budi"));
        write_owner(dir.path(), &h, 0o600).unwrap();
        assert_eq!(read_owner(dir.path()), Some(h.clone()));
        let mode = fs::metadata(dir.path().join(OWNER_FILE))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        assert!(!h.is_dead());
        remove_owner_if_mine(dir.path());
        assert_eq!(read_owner(dir.path()), None);
    }

    #[test]
    fn world_writable_detects_o_plus_w() {
        let dir = tempfile::tempdir().unwrap();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700)).unwrap();
        assert!(!world_writable(dir.path()));
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).unwrap();
        assert!(world_writable(dir.path()));
    }
}
