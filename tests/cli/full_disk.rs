//! A full or read-only file system under the store (issue 13, finding 11), on a small tmpfs:
//! the read-only commands read a private copy and say so, a write fails with a sentence and
//! succeeds once there is space again, and nothing is left behind by the failed attempts.
//!
//! Mounting needs root (as in CI); elsewhere the test is skipped with a message.

use crate::support::cli_support::{kinerja, stderr, stdout};

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const MINI: &str = "tests/data/mini-2025.json";

/// A tmpfs mounted on a temporary directory, unmounted on drop.
struct Tmpfs {
    _dir: tempfile::TempDir,
    at: PathBuf,
}

impl Tmpfs {
    fn mount(size: &str) -> Option<Tmpfs> {
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } != 0 {
            return None;
        }
        let dir = tempfile::tempdir().ok()?;
        let at = dir.path().join("fs");
        fs::create_dir(&at).ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&at)
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(Tmpfs { _dir: dir, at })
    }

    fn remount(&self, how: &str) {
        let s = Command::new("mount")
            .args(["-o", &format!("remount,{how}")])
            .arg(&self.at)
            .status()
            .unwrap();
        assert!(s.success());
    }

    /// Fills the file system to its last block.
    fn fill(&self) -> PathBuf {
        let f = self.at.join("fill");
        let _ = Command::new("dd")
            .args(["if=/dev/zero", "bs=4k"])
            .arg(format!("of={}", f.display()))
            .stderr(std::process::Stdio::null())
            .status();
        f
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.at).status();
    }
}

fn leftovers(store: &Path) -> Vec<String> {
    fs::read_dir(store)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n.starts_with("kinerja.lock-owner.")
                || n.ends_with(".generating")
                || n.ends_with(".tmp")
        })
        .collect()
}

#[test]
fn read_only_commands_work_on_a_full_or_read_only_disk_and_writes_heal_when_space_is_back() {
    let Some(tmpfs) = Tmpfs::mount("2m") else {
        eprintln!("skipped: mounting a tmpfs needs root");
        return;
    };
    let store = tmpfs.at.join("s");
    let o = kinerja(&store, &["import", MINI]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let fill = tmpfs.fill();
    // a write on the full disk is saved (into space sled holds already) or refused with a
    // sentence; either way it is said, and a saved one stays
    let mut saved = None;
    let mut refused = 0;
    for v in 1..=5 {
        let value = v.to_string();
        let o = kinerja(
            &store,
            &["--lang", "en", "set", "K", "K-2", "2025-03", &value],
        );
        match o.status.code() {
            Some(0) => saved = Some(v),
            Some(1) => {
                refused += 1;
                let said = stderr(&o);
                assert!(said.contains("No space left"), "{said}");
                assert!(
                    !said.contains("Os {"),
                    "a sentence, not a Debug dump: {said}"
                );
            }
            other => panic!("{other:?}: {}", stderr(&o)),
        }
    }
    eprintln!("on the full disk: {refused} of 5 writes refused");
    let export = stdout(&kinerja(&store, &["export"]));
    if let Some(v) = saved {
        assert!(export.contains(&format!("\"{v}\"")), "a saved value stays");
    }
    let report = stdout(&kinerja(&store, &["--lang", "en", "report"]));
    let check = |what: &str| {
        let o = kinerja(&store, &["--lang", "en", "report"]);
        assert_eq!(o.status.code(), Some(0), "{what}: {}", stderr(&o));
        assert_eq!(stdout(&o), report, "{what}");
        assert!(stderr(&o).contains("private copy"), "{what}: says which");
        let o = kinerja(&store, &["export"]);
        assert_eq!(o.status.code(), Some(0), "{what}: {}", stderr(&o));
        assert_eq!(stdout(&o), export, "{what}");
        let o = kinerja(&store, &["export", "--salvage"]);
        assert_eq!(o.status.code(), Some(0), "{what}: {}", stderr(&o));
        let o = kinerja(&store, &["--lang", "en", "verify"]);
        assert_eq!(o.status.code(), Some(0), "{what}: {}", stderr(&o));
    };
    check("full disk");
    assert!(leftovers(&store).is_empty(), "{:?}", leftovers(&store));

    fs::remove_file(&fill).unwrap();
    tmpfs.remount("ro");
    check("read-only file system");
    tmpfs.remount("rw");

    // space is back: the next write succeeds, and the store is sound
    let o = kinerja(&store, &["--lang", "en", "set", "K", "K-2", "2025-03", "5"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = kinerja(&store, &["verify"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(leftovers(&store).is_empty(), "{:?}", leftovers(&store));
}
