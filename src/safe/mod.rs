//! Small, careful operating-system primitives that every part of kinerja (CLI, TUI, store, the
//! store server) calls instead of `std::fs` directly where a file or a terminal is involved:
//!
//! - [`identity`]: the user of the process's real uid from the password database (never an
//!   environment variable), and the name of any uid (for a peer's `SO_PEERCRED`).
//! - [`dirs`]: the one lookup of the XDG data, state and config directories.
//! - [`read`]: opening only regular files (open, then `fstat` the handle) and reading them
//!   through a size-capped reader whose error names the file and the limit.
//! - [`write`](mod@write): the one atomic file write (temporary file beside it, fsync, rename), refusing to
//!   replace anything but a regular file.
//! - [`perm`]: changing permissions and ownership of a directory's own entries without ever
//!   following a link (`O_NOFOLLOW` open, then `fchmod`/`fchown` on the handle).
//! - [`output`]: checked writes to standard output and error; a closed pipe is its own case.
//! - [`term`]: escaping of control characters in text printed to a terminal.

/// Why nothing can be written on the file system of `path`, if so: it is mounted read-only, or
/// it has no free block (`statvfs`). Nothing is written to find out.
pub fn unwritable_fs(path: &std::path::Path) -> Option<std::io::ErrorKind> {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).ok()?;
    // SAFETY: a NUL-terminated path and a zeroed struct statvfs fills.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::statvfs(c.as_ptr(), &mut st) } != 0 {
        return None;
    }
    if st.f_flag & libc::ST_RDONLY != 0 {
        Some(std::io::ErrorKind::ReadOnlyFilesystem)
    } else if st.f_bavail == 0 {
        Some(std::io::ErrorKind::StorageFull)
    } else {
        None
    }
}

pub mod dirs;
pub mod identity;
pub mod output;
pub mod perm;
pub mod read;
pub mod term;
pub mod write;

/// A size for a message: `256 KiB`, `64 MiB`, `512 B` (exact when it is a whole number of the
/// unit, else the bytes).
pub fn format_size(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= KIB && bytes.is_multiple_of(KIB) {
        format!("{} KiB", bytes / KIB)
    } else {
        format!("{bytes} B")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sizes_are_named_exactly() {
        assert_eq!(super::format_size(256 * 1024), "256 KiB");
        assert_eq!(super::format_size(64 * 1024 * 1024), "64 MiB");
        assert_eq!(super::format_size(1000), "1000 B");
    }
}
