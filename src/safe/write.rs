//! The one atomic file write of kinerja (export `-o`, demo `-o`, backups, the lock record, the
//! TUI's view state): a temporary file in the same directory (`tempfile`), written, flushed and
//! fsync-ed, then renamed over the target and the directory fsync-ed. A reader sees the old file
//! or the new one, never half of one. The target must be absent or a regular file: a device, a
//! FIFO, a directory or a symbolic link at that path is refused and left as it is.

use std::fmt;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::text::safe as t;

/// Why a file was not written. `Display` names the file.
#[derive(Debug)]
pub enum WriteError {
    /// Something other than a regular file is at the path (kind as in [`super::read::kind_of`]).
    NotRegular { file: PathBuf, kind: &'static str },
    /// The path exists and the write must not replace it.
    Exists(PathBuf),
    Io {
        file: PathBuf,
        error: std::io::Error,
    },
}

impl WriteError {
    pub fn io_kind(&self) -> Option<std::io::ErrorKind> {
        match self {
            WriteError::Io { error, .. } => Some(error.kind()),
            _ => None,
        }
    }
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match self {
            WriteError::NotRegular { file, kind } => t::WRITE_NOT_REGULAR.fill(&[
                ("file", &super::term::escape(&file.display().to_string())),
                ("kind", &super::read::kind_word(kind)),
            ]),
            WriteError::Exists(file) => t::WRITE_EXISTS.fill(&[("file", &file.display())]),
            WriteError::Io { file, error } => t::CANNOT_WRITE.fill(&[
                ("file", &super::term::escape(&file.display().to_string())),
                ("reason", &super::read::io_reason(error)),
            ]),
        };
        f.write_str(&s)
    }
}

impl std::error::Error for WriteError {}

/// Replace or create.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    /// Replace a regular file at the path.
    Regular,
    /// Refuse if anything is at the path.
    Never,
}

/// Writes `contents` to `path` atomically with permission bits `mode` (before the umask when
/// `None`: 0666 & ~umask, like a newly created file).
pub fn write_atomic(
    path: &Path,
    contents: &[u8],
    mode: Option<u32>,
    replace: Replace,
) -> Result<(), WriteError> {
    write_atomic_with(path, mode, replace, &mut |w| w.write_all(contents))
}

/// [`write_atomic`] of what `write` writes, a part at a time (through a buffer): a large file
/// need not be in memory whole.
pub fn write_atomic_with(
    path: &Path,
    mode: Option<u32>,
    replace: Replace,
    write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), WriteError> {
    let io = |e: std::io::Error| WriteError::Io {
        file: path.to_path_buf(),
        error: e,
    };
    check_target(path, replace)?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder
        .prefix(&prefix)
        .suffix(".tmp")
        .permissions(std::fs::Permissions::from_mode(mode.unwrap_or(0o666)));
    let mut tmp = builder.tempfile_in(dir).map_err(io)?;
    {
        let mut buffered = std::io::BufWriter::with_capacity(256 * 1024, tmp.as_file_mut());
        write(&mut buffered).map_err(io)?;
        buffered.flush().map_err(io)?;
    }
    tmp.flush().map_err(io)?;
    if let Some(m) = mode {
        // exact, whatever the umask
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(m))
            .map_err(io)?;
    }
    tmp.as_file().sync_all().map_err(io)?;
    // The target may have changed since it was checked: check again right before the rename.
    check_target(path, replace)?;
    match replace {
        Replace::Regular => tmp.persist(path).map_err(|e| io(e.error))?,
        Replace::Never => tmp.persist_noclobber(path).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                WriteError::Exists(path.to_path_buf())
            } else {
                io(e.error)
            }
        })?,
    };
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

fn check_target(path: &Path, replace: Replace) -> Result<(), WriteError> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if replace == Replace::Never => {
            let _ = m;
            Err(WriteError::Exists(path.to_path_buf()))
        }
        Ok(m) if m.file_type().is_file() => Ok(()),
        Ok(m) => Err(WriteError::NotRegular {
            file: path.to_path_buf(),
            kind: super::read::kind_of(m.file_type()),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(WriteError::Io {
            file: path.to_path_buf(),
            error: e,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_a_regular_file_and_refuses_anything_else() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("out.json");
        write_atomic(&f, b"one", None, Replace::Regular).unwrap();
        write_atomic(&f, b"two", Some(0o640), Replace::Regular).unwrap();
        assert_eq!(std::fs::read(&f).unwrap(), b"two");
        assert_eq!(
            std::fs::metadata(&f).unwrap().permissions().mode() & 0o777,
            0o640
        );
        assert!(matches!(
            write_atomic(&f, b"x", None, Replace::Never),
            Err(WriteError::Exists(_))
        ));
        let link = dir.path().join("link");
        std::os::unix::fs::symlink("/dev/null", &link).unwrap();
        assert!(matches!(
            write_atomic(&link, b"x", None, Replace::Regular),
            Err(WriteError::NotRegular {
                kind: "symlink",
                ..
            })
        ));
        assert!(matches!(
            write_atomic(dir.path(), b"x", None, Replace::Regular),
            Err(WriteError::NotRegular {
                kind: "directory",
                ..
            })
        ));
        // nothing left behind
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }
}
