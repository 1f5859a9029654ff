//! Changing the mode and group of files without following links: every entry is opened with
//! `O_NOFOLLOW` (relative to an already opened directory, so a directory swapped for a link
//! half-way is not followed either), checked with `fstat`, and changed through the handle with
//! `fchmod` / `fchown`. A link planted among a store's files can therefore never make kinerja —
//! or root running it — change the file the link points to.

use std::ffi::{CString, OsStr};
use std::fs::{File, Metadata};
use std::io;
use std::os::fd::{AsRawFd, FromRawFd};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

const FLAGS: libc::c_int =
    libc::O_RDONLY | libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC | libc::O_NOCTTY;

/// Opens `path` itself (a link is refused with `ELOOP`) and `fstat`s the handle.
pub fn open_nofollow(path: &Path) -> io::Result<(File, Metadata)> {
    let f = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(FLAGS)
        .open(path)?;
    let m = f.metadata()?;
    Ok((f, m))
}

/// Opens the entry `name` of the open directory `dir` without following a link.
pub fn open_at(dir: &File, name: &OsStr) -> io::Result<(File, Metadata)> {
    let c = CString::new(name.as_bytes()).map_err(io::Error::other)?;
    // SAFETY: a valid directory descriptor and NUL-terminated name; the new descriptor is
    // owned by the File created from it.
    let fd = unsafe { libc::openat(dir.as_raw_fd(), c.as_ptr(), FLAGS) };
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: fd is a fresh descriptor owned by nobody else.
    let f = unsafe { File::from_raw_fd(fd) };
    let m = f.metadata()?;
    Ok((f, m))
}

/// `fchmod` on an open handle.
pub fn set_mode(file: &File, mode: u32) -> io::Result<()> {
    // SAFETY: fchmod on a descriptor we own.
    let rc = unsafe { libc::fchmod(file.as_raw_fd(), mode as libc::mode_t) };
    if rc == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// `fchown` to group `gid` (the owner stays) on an open handle.
pub fn set_group(file: &File, gid: u32) -> io::Result<()> {
    // SAFETY: fchown on a descriptor we own; uid -1 leaves the owner unchanged.
    let rc = unsafe { libc::fchown(file.as_raw_fd(), u32::MAX, gid) };
    if rc == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_link_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("secret");
        std::fs::write(&target, "x").unwrap();
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600)).unwrap();
        let link = dir.path().join("zz");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let e = open_nofollow(&link).unwrap_err();
        assert_eq!(e.raw_os_error(), Some(libc::ELOOP));
        let d = File::open(dir.path()).unwrap();
        assert!(open_at(&d, OsStr::new("zz")).is_err());
        let (f, m) = open_at(&d, OsStr::new("secret")).unwrap();
        assert!(m.is_file());
        set_mode(&f, 0o640).unwrap();
        assert_eq!(
            std::fs::metadata(&target).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }
}
