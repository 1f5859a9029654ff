//! Reading files that a user, a colleague or an attacker may have put in place: only regular
//! files (the handle is opened without blocking, then `fstat`-ed, so a FIFO, a device or a link
//! to one is refused before a byte is read), and only up to a limit (the reader stops one byte
//! past it), with errors that name the file and the limit.

use std::fmt;
use std::fs::File;
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use crate::text::safe as t;

/// Whether the last component of the path may be a symbolic link (to a regular file).
///
/// A document the user names on the command line may be a link; a file inside the store or the
/// state directory must not be ([`Links::Refuse`], `O_NOFOLLOW`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    Follow,
    Refuse,
}

/// Why a file was not read. `Display` is one sentence in the user's language naming the file.
#[derive(Debug)]
pub enum ReadError {
    NotFound(PathBuf),
    /// A directory, FIFO, socket, device or (with [`Links::Refuse`]) symbolic link.
    NotRegular {
        file: PathBuf,
        kind: &'static str,
    },
    TooLarge {
        file: PathBuf,
        limit: u64,
    },
    NotUtf8(PathBuf),
    Io {
        file: PathBuf,
        error: std::io::Error,
    },
}

impl ReadError {
    pub fn file(&self) -> &Path {
        match self {
            ReadError::NotFound(f) | ReadError::NotUtf8(f) => f,
            ReadError::NotRegular { file, .. }
            | ReadError::TooLarge { file, .. }
            | ReadError::Io { file, .. } => file,
        }
    }
    /// The word for what was found instead of a regular file.
    pub fn kind_name(&self) -> String {
        match self {
            ReadError::NotRegular { kind, .. } => kind_word(kind),
            _ => kind_word("other"),
        }
    }
    pub fn is_not_found(&self) -> bool {
        matches!(self, ReadError::NotFound(_))
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = super::term::escape(&self.file().display().to_string()).into_owned();
        let s = match self {
            ReadError::NotFound(_) => t::NOT_FOUND.fill(&[("file", &file)]),
            ReadError::NotRegular { kind, .. } => {
                t::NOT_REGULAR.fill(&[("file", &file), ("kind", &kind_word(kind))])
            }
            ReadError::TooLarge { limit, .. } => {
                t::TOO_LARGE.fill(&[("file", &file), ("limit", &super::format_size(*limit))])
            }
            ReadError::NotUtf8(_) => t::NOT_UTF8.fill(&[("file", &file)]),
            ReadError::Io { error, .. } => {
                t::CANNOT_READ.fill(&[("file", &file), ("reason", &io_reason(error))])
            }
        };
        f.write_str(&s)
    }
}

impl std::error::Error for ReadError {}

/// The user's word for a kind of file (`directory`, `fifo`, `device`, `symlink`, …).
pub fn kind_word(kind: &str) -> String {
    match kind {
        "directory" => t::KIND_DIRECTORY.s(),
        "fifo" => t::KIND_FIFO.s(),
        "socket" => t::KIND_SOCKET.s(),
        "device" => t::KIND_DEVICE.s(),
        "symlink" => t::KIND_SYMLINK.s(),
        _ => t::KIND_OTHER.s(),
    }
    .to_string()
}

/// A short reason for an I/O error, without a Debug dump.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => t::IO_NOT_FOUND.s().to_string(),
        PermissionDenied => t::IO_PERMISSION.s().to_string(),
        StorageFull => t::IO_FULL.s().to_string(),
        ReadOnlyFilesystem => t::IO_READ_ONLY.s().to_string(),
        _ => {
            // "No space left on device (os error 28)" → without the code
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

/// What kind of thing a file type is, for [`ReadError::NotRegular`].
pub fn kind_of(ft: std::fs::FileType) -> &'static str {
    if ft.is_dir() {
        "directory"
    } else if ft.is_fifo() {
        "fifo"
    } else if ft.is_socket() {
        "socket"
    } else if ft.is_block_device() || ft.is_char_device() {
        "device"
    } else if ft.is_symlink() {
        "symlink"
    } else {
        "other"
    }
}

/// Opens `path` for reading only if it is a regular file. Never blocks (a FIFO without a writer
/// is refused, not waited for).
pub fn open_regular(path: &Path, links: Links) -> Result<File, ReadError> {
    let mut flags = libc::O_NONBLOCK | libc::O_CLOEXEC | libc::O_NOCTTY;
    if links == Links::Refuse {
        flags |= libc::O_NOFOLLOW;
    }
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(flags)
        .open(path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => ReadError::NotFound(path.to_path_buf()),
            // O_NOFOLLOW on a link gives ELOOP
            _ if e.raw_os_error() == Some(libc::ELOOP) => ReadError::NotRegular {
                file: path.to_path_buf(),
                kind: "symlink",
            },
            _ => ReadError::Io {
                file: path.to_path_buf(),
                error: e,
            },
        })?;
    let meta = file.metadata().map_err(|e| ReadError::Io {
        file: path.to_path_buf(),
        error: e,
    })?;
    if !meta.file_type().is_file() {
        return Err(ReadError::NotRegular {
            file: path.to_path_buf(),
            kind: kind_of(meta.file_type()),
        });
    }
    clear_nonblock(&file);
    Ok(file)
}

fn clear_nonblock(file: &File) {
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    // SAFETY: fcntl on a descriptor we own; only the O_NONBLOCK status flag changes.
    unsafe {
        let fl = libc::fcntl(fd, libc::F_GETFL);
        if fl >= 0 {
            libc::fcntl(fd, libc::F_SETFL, fl & !libc::O_NONBLOCK);
        }
    }
}

/// Reads at most `limit` bytes from `reader`; more is [`ReadError::TooLarge`] naming `file`.
pub fn read_capped(reader: impl Read, limit: u64, file: &Path) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::Io {
            file: file.to_path_buf(),
            error: e,
        })?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            file: file.to_path_buf(),
            limit,
        });
    }
    Ok(bytes)
}

/// The bytes of a regular file of at most `limit` bytes.
pub fn read_bytes(path: &Path, limit: u64, links: Links) -> Result<Vec<u8>, ReadError> {
    let file = open_regular(path, links)?;
    if file.metadata().is_ok_and(|m| m.len() > limit) {
        return Err(ReadError::TooLarge {
            file: path.to_path_buf(),
            limit,
        });
    }
    read_capped(file, limit, path)
}

/// The UTF-8 text of a regular file of at most `limit` bytes, without a leading BOM.
pub fn read_text(path: &Path, limit: u64, links: Links) -> Result<String, ReadError> {
    let bytes = read_bytes(path, limit, links)?;
    let mut text = String::from_utf8(bytes).map_err(|_| ReadError::NotUtf8(path.to_path_buf()))?;
    if text.starts_with('\u{feff}') {
        text.remove(0); // spreadsheets like to write a BOM
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_fifos_and_links_are_refused_and_the_limit_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        // no writer: must not block
        assert!(matches!(
            read_bytes(&fifo, 10, Links::Follow),
            Err(ReadError::NotRegular { kind: "fifo", .. })
        ));
        assert!(matches!(
            read_bytes(Path::new("/dev/zero"), 10, Links::Follow),
            Err(ReadError::NotRegular { kind: "device", .. })
        ));
        let link = dir.path().join("link");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        assert!(read_bytes(&link, 10, Links::Follow).is_err());
        let f = dir.path().join("f");
        std::fs::write(&f, "12345").unwrap();
        let link2 = dir.path().join("link2");
        std::os::unix::fs::symlink(&f, &link2).unwrap();
        assert_eq!(read_bytes(&link2, 10, Links::Follow).unwrap(), b"12345");
        assert!(matches!(
            read_bytes(&link2, 10, Links::Refuse),
            Err(ReadError::NotRegular {
                kind: "symlink",
                ..
            })
        ));
        let e = read_bytes(&f, 4, Links::Follow).unwrap_err();
        assert!(matches!(e, ReadError::TooLarge { limit: 4, .. }));
        crate::text::set_thread_lang(crate::text::Lang::En);
        let s = e.to_string();
        assert!(s.contains("4 B") && s.contains("/f"), "{s}");
    }
}
