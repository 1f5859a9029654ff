//! Who runs this process, from the OS: the user name of the real uid in the password database.
//!
//! `$USER` and `$LOGNAME` are never consulted: anyone can set them (`env USER=direktur …`), and
//! the audit trail and the lock record must name who really made a change. The store server
//! names its peers with [`user_name`] of the uid from `SO_PEERCRED`.

use std::ffi::CStr;
use std::path::PathBuf;

/// The real uid of this process.
pub fn real_uid() -> u32 {
    // SAFETY: getuid has no preconditions and cannot fail.
    unsafe { libc::getuid() }
}

/// An entry of the password database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub uid: u32,
    pub name: String,
    pub home: PathBuf,
}

/// The password-database entry of `uid`, if there is one.
pub fn account(uid: u32) -> Option<Account> {
    let mut buf = vec![0 as libc::c_char; 16 * 1024];
    // SAFETY: an all-zero passwd is a valid value of this plain C struct.
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
    let home = if pwd.pw_dir.is_null() {
        PathBuf::new()
    } else {
        // SAFETY: as above.
        PathBuf::from(
            unsafe { CStr::from_ptr(pwd.pw_dir) }
                .to_string_lossy()
                .into_owned(),
        )
    };
    Some(Account { uid, name, home })
}

/// The user name of `uid`, else `uid N` when the password database has no entry for it.
pub fn user_name(uid: u32) -> String {
    account(uid)
        .map(|a| a.name)
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| format!("uid {uid}"))
}

/// The user name of this process's real uid.
pub fn current_user() -> String {
    user_name(real_uid())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_is_named_root_and_an_unknown_uid_by_number() {
        assert_eq!(user_name(0), "root");
        assert_eq!(user_name(4_000_000_123), "uid 4000000123");
    }
}
