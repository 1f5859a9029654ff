//! Who holds the store: the lock-owner record kept next to sled's own file lock, the OS user,
//! and the file permissions of a store directory.
//!
//! sled locks its `db` file (an exclusive `flock`), which is what actually keeps a second
//! process out. The owner record (`kinerja.lock-owner`, JSON) only tells a second opener who
//! holds the lock. It is written after sled's lock is acquired and removed on drop; one left by a
//! process that died is stale and is replaced by the next opener.

use std::ffi::CStr;
use std::fs;
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
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

    /// The OS user of this process: `$USER`, else `$LOGNAME`, else the password database.
    pub fn current() -> Actor {
        let from_env = ["USER", "LOGNAME"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .map(|s| s.trim().to_string())
            .find(|s| !s.is_empty());
        Actor {
            user: from_env
                .or_else(passwd_user)
                .unwrap_or_else(|| format!("uid {}", uid())),
        }
    }
}

fn uid() -> u32 {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}

/// Name and home directory of the effective user from the password database.
fn passwd_entry() -> Option<(String, String)> {
    passwd_entry_of(uid())
}

/// The name of the user `uid` in the password database (`uid N` when it has none): how the
/// store server names the OS user of a client it learned from the socket.
pub fn user_name_of(uid: u32) -> String {
    passwd_entry_of(uid)
        .map(|(n, _)| n)
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| format!("uid {uid}"))
}

/// The name of this process's effective user in the password database: who a store server
/// names in the audit trail for this process (whatever `$USER` says).
pub fn os_user() -> String {
    user_name_of(uid())
}

/// Name and home directory of `uid` from the password database.
fn passwd_entry_of(uid: u32) -> Option<(String, String)> {
    let mut buf = vec![0 as libc::c_char; 16 * 1024];
    let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
    let mut result: *mut libc::passwd = std::ptr::null_mut();
    // SAFETY: all pointers point to live, correctly sized storage; getpwuid_r writes only into
    // `pwd` and `buf` and sets `result` to `&mut pwd` or null.
    let rc = unsafe { libc::getpwuid_r(uid, &mut pwd, buf.as_mut_ptr(), buf.len(), &mut result) };
    if rc != 0 || result.is_null() || pwd.pw_name.is_null() {
        return None;
    }
    // SAFETY: on success pw_name and pw_dir are NUL-terminated strings inside `buf`.
    let name = unsafe { CStr::from_ptr(pwd.pw_name) }
        .to_string_lossy()
        .into_owned();
    let dir = if pwd.pw_dir.is_null() {
        String::new()
    } else {
        unsafe { CStr::from_ptr(pwd.pw_dir) }
            .to_string_lossy()
            .into_owned()
    };
    Some((name, dir))
}

fn passwd_user() -> Option<String> {
    passwd_entry().map(|(n, _)| n).filter(|n| !n.is_empty())
}

/// Home directory: `$HOME`, else the password database.
pub fn home_dir() -> Option<std::path::PathBuf> {
    std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(Into::into)
        .or_else(|| {
            passwd_entry()
                .map(|(_, d)| d)
                .filter(|d| !d.is_empty())
                .map(Into::into)
        })
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

/// Reads the owner record of a store; `None` when absent or unreadable.
pub fn read_owner(dir: &Path) -> Option<LockHolder> {
    let text = fs::read_to_string(dir.join(OWNER_FILE)).ok()?;
    serde_json::from_str(&text).ok()
}

/// Writes the owner record (mode 0600, or 0660 in a group-shared store).
pub fn write_owner(dir: &Path, holder: &LockHolder, file_mode: u32) -> std::io::Result<()> {
    let path = dir.join(OWNER_FILE);
    let tmp = dir.join(format!("{OWNER_FILE}.{}", std::process::id()));
    {
        let mut f = fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(file_mode)
            .open(&tmp)?;
        let json = serde_json::to_string(holder).map_err(std::io::Error::other)?;
        f.write_all(json.as_bytes())?;
        f.sync_all()?;
    }
    fs::set_permissions(&tmp, fs::Permissions::from_mode(file_mode))?;
    fs::rename(&tmp, &path)
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

/// Removes permission bits beyond the policy from every file of the store directory (sled may
/// create snapshot or blob files later, under the process umask).
pub fn tighten_files(dir: &Path, policy: Policy) {
    let allowed_dir = policy.file_mode | ((policy.file_mode & 0o444) >> 2) | 0o2000;
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let Ok(meta) = e.metadata() else { continue };
        let mode = meta.permissions().mode() & 0o7777;
        let allowed = if meta.is_dir() {
            allowed_dir
        } else {
            policy.file_mode
        };
        if mode & !allowed != 0 {
            let _ = fs::set_permissions(e.path(), fs::Permissions::from_mode(mode & allowed));
        }
        if meta.is_dir() && e.file_name() == "blobs" {
            tighten_files(&e.path(), policy);
        }
    }
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
