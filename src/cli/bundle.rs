//! The evidence bundle of `export --with-evidence` and `import` (issue 15): a directory
//!
//! ```text
//! BUNDLE/kinerja.json              the kinerja/1 document, with its `round` section
//! BUNDLE/evidence/<sha256>         the bytes of each evidence file the document names, once,
//!                                  under the lower-case hex SHA-256 of those bytes
//! ```
//!
//! and nothing else. Written whole or not at all (into a new directory beside the target,
//! renamed into place; an existing target is refused). Read back with every file a regular
//! file read within its limit, every name and hash checked before anything is stored: a file
//! whose bytes do not have the SHA-256 it is named by, a missing file, or an entry that is
//! not part of the format is refused naming it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::{CliError, refused};
use crate::domain::round::Rounds;
use crate::safe::read::{Links, read_bytes, read_text};
use crate::text::round as t;

pub const DOCUMENT: &str = "kinerja.json";
pub const EVIDENCE_DIR: &str = "evidence";

/// Whether `path` is a bundle (a directory) rather than a document.
pub fn is_bundle(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir())
}

/// The SHA-256 of every evidence file the rounds name, once each.
pub fn referenced(rounds: &Rounds) -> BTreeSet<String> {
    rounds
        .values()
        .flat_map(|r| r.evidence.values().flatten())
        .map(|e| e.sha256.clone())
        .collect()
}

fn io(path: &Path, e: std::io::Error) -> CliError {
    CliError::refused(format!("{}: {}", path.display(), super::io_reason(&e)))
}

/// Writes the bundle at `dir` (which must not exist): the document and the files, by SHA-256.
pub fn write(
    dir: &Path,
    document: &str,
    files: &BTreeMap<String, Vec<u8>>,
) -> Result<(), CliError> {
    if std::fs::symlink_metadata(dir).is_ok() {
        return Err(CliError::refused(
            t::BUNDLE_EXISTS.fill(&[("dir", &dir.display())]),
        ));
    }
    let name = dir
        .file_name()
        .ok_or_else(|| CliError::usage(t::BUNDLE_EXISTS.fill(&[("dir", &dir.display())])))?;
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp_name = name.to_os_string();
    tmp_name.push(format!(".partial-{}", std::process::id()));
    let tmp = parent.join(tmp_name);
    let result = (|| {
        std::fs::create_dir(&tmp).map_err(|e| io(&tmp, e))?;
        let ev = tmp.join(EVIDENCE_DIR);
        std::fs::create_dir(&ev).map_err(|e| io(&ev, e))?;
        for (sha, bytes) in files {
            let p = ev.join(sha);
            crate::safe::write::write_atomic(&p, bytes, None, crate::safe::write::Replace::Never)
                .map_err(refused)?;
        }
        let p = tmp.join(DOCUMENT);
        crate::safe::write::write_atomic(
            &p,
            document.as_bytes(),
            None,
            crate::safe::write::Replace::Never,
        )
        .map_err(refused)?;
        // the directories' entries are durable before the bundle appears under its name
        for d in [&ev, &tmp] {
            std::fs::File::open(d)
                .and_then(|f| f.sync_all())
                .map_err(|e| io(d, e))?;
        }
        std::fs::rename(&tmp, dir).map_err(|e| io(dir, e))
    })();
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    result
}

/// The document of a bundle, as text of at most `max_document` bytes.
pub fn read_document(dir: &Path, max_document: u64) -> Result<String, CliError> {
    let p = dir.join(DOCUMENT);
    read_text(&p, max_document, Links::Refuse).map_err(refused)
}

/// The files of a bundle that `wanted` names, each at most `max_file` bytes and checked against
/// its name; an entry that is not part of the format is refused.
pub fn read_files(
    dir: &Path,
    wanted: &BTreeSet<String>,
    max_file: u64,
) -> Result<BTreeMap<String, Vec<u8>>, CliError> {
    for entry in std::fs::read_dir(dir).map_err(|e| io(dir, e))? {
        let entry = entry.map_err(|e| io(dir, e))?;
        let n = entry.file_name();
        if n != DOCUMENT && n != EVIDENCE_DIR {
            return Err(CliError::refused(
                t::BUNDLE_STRAY.fill(&[("file", &entry.path().display())]),
            ));
        }
    }
    let ev = dir.join(EVIDENCE_DIR);
    if std::fs::symlink_metadata(&ev).is_ok() {
        for entry in std::fs::read_dir(&ev).map_err(|e| io(&ev, e))? {
            let entry = entry.map_err(|e| io(&ev, e))?;
            let known = entry
                .file_name()
                .to_str()
                .is_some_and(|n| wanted.contains(n));
            if !known {
                return Err(CliError::refused(
                    t::BUNDLE_STRAY.fill(&[("file", &entry.path().display())]),
                ));
            }
        }
    }
    let mut out = BTreeMap::new();
    for sha in wanted {
        let p = ev.join(sha);
        if std::fs::symlink_metadata(&p).is_err() {
            return Err(CliError::refused(
                t::BUNDLE_MISSING.fill(&[("file", &p.display())]),
            ));
        }
        let bytes = read_bytes(&p, max_file, Links::Refuse).map_err(refused)?;
        let found = crate::store::sha256_hex(&bytes);
        if found != *sha {
            return Err(CliError::refused(
                t::BUNDLE_TAMPERED.fill(&[("file", &p.display()), ("found", &found)]),
            ));
        }
        out.insert(sha.clone(), bytes);
    }
    Ok(out)
}
