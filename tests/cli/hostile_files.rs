//! A hostile or unlucky shared server, through the real binary: directories that are not stores,
//! links planted in a store, forged user names, devices and FIFOs where files should be, closed
//! pipes and full disks behind standard output, `-o` aimed at a device.
//!
//! The tests that need a second Unix user create one when running as root (as CI does) and are
//! skipped with a message otherwise. Devices, FIFOs and links are made in temporary directories.

use crate::support::cli_support::{self, command, kinerja, me, stderr, stdout};

use std::fs;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const MINI: &str = "tests/data/mini-2025.json";

fn mode(p: &Path) -> u32 {
    fs::symlink_metadata(p).unwrap().permissions().mode() & 0o7777
}

fn imported() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    let o = kinerja(&store, &["import", MINI]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    (dir, store)
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

fn mkfifo(p: &Path) {
    let c = std::ffi::CString::new(p.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

/// Runs `c` and kills it if it has not ended after a minute (a hang is then a failure, not a
/// stuck test run). This bounds the test; it asserts nothing about speed.
fn run_bounded(mut c: Command) -> Output {
    let mut child = c
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            let o = child.wait_with_output().unwrap();
            panic!("kinerja hung (killed after a minute): {}", stderr(&o));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_directory_that_is_not_a_store_is_refused_and_left_untouched() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path().join("home");
    fs::create_dir(&h).unwrap();
    fs::write(h.join(".bashrc"), "alias x=y\n").unwrap();
    fs::set_permissions(h.join(".bashrc"), fs::Permissions::from_mode(0o644)).unwrap();
    fs::create_dir(h.join("public_html")).unwrap();
    fs::set_permissions(h.join("public_html"), fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(&h, fs::Permissions::from_mode(0o2775)).unwrap();
    for args in [
        &["--lang", "en", "report"][..],
        &["--lang", "en", "export"],
        &["--lang", "en", "verify"],
        &["--lang", "en", "import", MINI],
        &["--lang", "en", "init"],
    ] {
        let o = kinerja(&h, args);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
        let e = stderr(&o);
        assert!(
            e.contains("is not a kinerja store") && e.contains(".bashrc") && e.contains("init"),
            "{args:?}: {e}"
        );
    }
    assert_eq!(mode(&h.join(".bashrc")), 0o644);
    assert_eq!(mode(&h.join("public_html")), 0o755);
    assert_eq!(mode(&h), 0o2775);
    let mut names: Vec<_> = fs::read_dir(&h)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, [".bashrc", "public_html"], "nothing was added");

    // a file is not a store either, said in words (not "File exists (os error 17)")
    let file = home.path().join("file");
    fs::write(&file, "x").unwrap();
    let o = kinerja(&file, &["--lang", "en", "import", MINI]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("it is a file, not a directory"),
        "{}",
        stderr(&o)
    );

    // a mistyped --store for a reading command creates nothing
    let typo = home.path().join("typo");
    let o = kinerja(&typo, &["--lang", "en", "report"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("There is no store at") && stderr(&o).contains("init"),
        "{}",
        stderr(&o)
    );
    assert!(!typo.exists());
}

#[test]
fn a_store_of_an_earlier_version_is_recognised_and_marked() {
    let (_d, store) = imported();
    fs::remove_file(store.join("kinerja.store")).unwrap();
    let o = kinerja(&store, &["report"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(store.join("kinerja.store").is_file());
}

#[test]
fn a_link_planted_in_a_store_is_never_followed_nor_opened() {
    let (d, store) = imported();
    let secret = d.path().join("secret");
    fs::write(&secret, "top secret").unwrap();
    fs::set_permissions(&secret, fs::Permissions::from_mode(0o600)).unwrap();
    let gid_before = fs::metadata(&secret).unwrap().gid();
    std::os::unix::fs::symlink(&secret, store.join("zz")).unwrap();
    // a link with a store's own name is refused too
    for args in [
        &["--lang", "en", "export"][..],
        &["--lang", "en", "report"],
        &["--lang", "en", "init", "--group", &primary_group()],
    ] {
        let o = kinerja(&store, args);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
        let e = stderr(&o);
        assert!(
            e.contains("not its own, or links") && e.contains("zz"),
            "{args:?}: {e}"
        );
    }
    assert_eq!(mode(&secret), 0o600);
    assert_eq!(fs::metadata(&secret).unwrap().gid(), gid_before);
    assert_eq!(fs::read_to_string(&secret).unwrap(), "top secret");

    // the permission tightening itself never follows a link (the library, past the refusal)
    fs::remove_file(store.join("zz")).unwrap();
    std::os::unix::fs::symlink(&secret, store.join("snap.0000000000000001")).unwrap();
    fs::set_permissions(&secret, fs::Permissions::from_mode(0o666)).unwrap();
    kinerja::store::dir::tighten(&store, kinerja::store::lock::PRIVATE);
    assert_eq!(mode(&secret), 0o666, "the link's target was not changed");
}

fn primary_group() -> String {
    // SAFETY: getgrgid returns static storage or null, read at once.
    unsafe {
        let g = libc::getgrgid(libc::getegid());
        assert!(!g.is_null());
        std::ffi::CStr::from_ptr((*g).gr_name)
            .to_string_lossy()
            .into_owned()
    }
}

#[test]
fn the_audit_and_the_lock_name_the_real_user_not_the_environment() {
    let (_d, store) = imported();
    let o = command(&store, &["set", "A", "A-1", "2025-09", "7"])
        .env("USER", "direktur")
        .env("LOGNAME", "direktur")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let log = stdout(&kinerja(&store, &["log", "--limit", "1"]));
    assert!(log.contains(&me()) && !log.contains("direktur"), "{log}");
    assert_eq!(
        kinerja::store::Actor::current().user,
        kinerja::safe::identity::user_name(unsafe { libc::getuid() })
    );
}

/// A second Unix user, created for the test and removed after it (root only).
struct TestUser {
    name: String,
    uid: u32,
    gid: u32,
}

impl TestUser {
    fn create() -> Option<TestUser> {
        if !is_root() {
            eprintln!("skipped: creating a second Unix user needs root");
            return None;
        }
        let name = format!("kjt{}", std::process::id() % 100_000);
        let _ = Command::new("userdel").arg(&name).output();
        let o = Command::new("useradd")
            .args(["-M", "-N", "-s", "/bin/false", &name])
            .output()
            .ok()?;
        if !o.status.success() {
            eprintln!(
                "skipped: useradd failed: {}",
                String::from_utf8_lossy(&o.stderr)
            );
            return None;
        }
        let id = |flag: &str| -> u32 {
            let o = Command::new("id").args([flag, &name]).output().unwrap();
            String::from_utf8_lossy(&o.stdout).trim().parse().unwrap()
        };
        Some(TestUser {
            uid: id("-u"),
            gid: id("-g"),
            name,
        })
    }
}

impl Drop for TestUser {
    fn drop(&mut self) {
        let _ = Command::new("userdel").arg(&self.name).output();
    }
}

#[test]
fn another_user_forging_user_is_logged_as_themself() {
    let Some(user) = TestUser::create() else {
        return;
    };
    use std::os::unix::process::CommandExt;
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let store = dir.path().join("s");
    fs::create_dir(&store).unwrap();
    std::os::unix::fs::chown(&store, Some(user.uid), Some(user.gid)).unwrap();
    // the other user's own store
    let mut c = command(&store, &["import", MINI]);
    c.uid(user.uid).gid(user.gid).env("USER", "direktur");
    let o = c.output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut c = command(&store, &["set", "A", "A-1", "2025-09", "7"]);
    c.uid(user.uid).gid(user.gid).env("USER", "direktur");
    let o = c.output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut c = command(&store, &["log", "--limit", "1"]);
    c.uid(user.uid).gid(user.gid);
    let log = stdout(&c.output().unwrap());
    assert!(
        log.contains(&user.name) && !log.contains("direktur"),
        "{log}"
    );
    assert_eq!(kinerja::safe::identity::user_name(user.uid), user.name);
}

#[test]
fn devices_fifos_and_endless_inputs_are_refused_without_hanging() {
    let (d, store) = imported();
    let fifo = d.path().join("fifo.json");
    mkfifo(&fifo);
    let fifo = fifo.to_str().unwrap();
    for args in [
        vec!["--lang", "en", "import", "/dev/zero"],
        vec!["--lang", "en", "import", fifo],
        vec!["--lang", "en", "import-realisasi", "/dev/zero"],
        vec!["--lang", "en", "import-realisasi", fifo],
        vec!["--lang", "en", "--rules", "/dev/zero", "report"],
        vec![
            "--lang",
            "en",
            "addendum",
            "K",
            "--reason",
            "x",
            "--add-iku",
            "/dev/zero",
        ],
    ] {
        let o = run_bounded(command(&store, &args));
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
        let e = stderr(&o);
        assert!(e.contains("is not a regular file"), "{args:?}: {e}");
    }
    // an endless pipe (`import <(yes)`) is a FIFO/pipe too
    let mut c = command(&store, &["--lang", "en", "import", "/dev/stdin"]);
    c.stdin(
        Command::new("yes")
            .stdout(Stdio::piped())
            .spawn()
            .unwrap()
            .stdout
            .take()
            .unwrap(),
    );
    let o = c.output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("is not a regular file"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_lock_record_linked_to_a_device_or_a_fifo_in_the_store_cannot_hang_or_exhaust() {
    let (_d, store) = imported();
    std::os::unix::fs::symlink("/dev/zero", store.join("kinerja.lock-owner")).unwrap();
    let o = run_bounded(command(&store, &["--lang", "en", "report"]));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("kinerja.lock-owner"), "{}", stderr(&o));
    fs::remove_file(store.join("kinerja.lock-owner")).unwrap();
    mkfifo(&store.join("kinerja.lock-owner"));
    let o = run_bounded(command(&store, &["--lang", "en", "report"]));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    fs::remove_file(store.join("kinerja.lock-owner")).unwrap();
    let o = kinerja(&store, &["report"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // the library refuses such a record on its own too
    std::os::unix::fs::symlink("/dev/zero", store.join("kinerja.lock-owner")).unwrap();
    assert_eq!(kinerja::store::lock::read_owner(&store), None);
}

#[test]
fn a_view_state_linked_to_dev_zero_is_ignored() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("ui.json");
    std::os::unix::fs::symlink("/dev/zero", &p).unwrap();
    assert!(kinerja::tui::run::load_ui_state(&p).is_none());
    fs::remove_file(&p).unwrap();
    mkfifo(&p);
    assert!(kinerja::tui::run::load_ui_state(&p).is_none());
}

fn to_dev_full(store: &Path, args: &[&str]) -> Output {
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    command(store, args).stdout(full).output().unwrap()
}

#[test]
fn a_full_disk_behind_stdout_is_an_error_and_a_closed_pipe_a_quiet_exit() {
    let (_d, store) = imported();
    for args in [
        &["--lang", "en", "export"][..],
        &["--lang", "en", "report"],
        &["--lang", "en", "check"],
        &["--lang", "en", "rules", "show", "kmk-300-2022"],
        &["--lang", "en", "log"],
        &["--lang", "en", "verify"],
        &["--lang", "en", "pk", "history", "K"],
        &["--lang", "en"],
    ] {
        let o = to_dev_full(&store, args);
        assert_ne!(o.status.code(), Some(0), "{args:?}");
        assert_ne!(
            o.status.code(),
            Some(101),
            "{args:?} panicked: {}",
            stderr(&o)
        );
        let e = stderr(&o);
        assert!(
            e.contains("Could not write to stdout") && !e.contains("panicked"),
            "{args:?}: {e}"
        );
    }
    // `log | head -1`, `kinerja | true`: the reader goes away
    for args in [&["log"][..], &["export"], &[]] {
        let mut c = command(&store, args);
        let mut child = c
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take()); // closed before kinerja writes
        let o = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(141), "{args:?}: {}", stderr(&o));
        assert_eq!(stderr(&o), "", "{args:?}");
    }
}

#[test]
fn output_files_replace_only_regular_files() {
    let (d, store) = imported();
    let fifo = d.path().join("fifo");
    mkfifo(&fifo);
    let link = d.path().join("link");
    std::os::unix::fs::symlink("/dev/null", &link).unwrap();
    let mut targets = vec![fifo.clone(), link.clone()];
    let dev = d.path().join("full");
    if is_root() {
        let o = Command::new("mknod")
            .args([dev.to_str().unwrap(), "c", "1", "7"])
            .output()
            .unwrap();
        assert!(o.status.success());
        targets.push(dev.clone());
    } else {
        eprintln!("skipped the device node: mknod needs root");
    }
    for t in &targets {
        let t = t.to_str().unwrap();
        for args in [
            vec!["--lang", "en", "export", "-o", t],
            vec!["--lang", "en", "demo", "--scale", "kanwil", "-o", t],
        ] {
            let o = run_bounded(command(&store, &args));
            assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
            assert!(
                stderr(&o).contains("was not replaced"),
                "{args:?}: {}",
                stderr(&o)
            );
        }
    }
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    if is_root() {
        assert!(
            fs::symlink_metadata(&dev)
                .unwrap()
                .file_type()
                .is_char_device()
        );
    }
    // a regular file is replaced, atomically, leaving no temporary file
    let out = d.path().join("out.json");
    fs::write(&out, "old").unwrap();
    let o = kinerja(&store, &["export", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(fs::read_to_string(&out).unwrap().contains("kinerja/1"));
    assert!(
        fs::read_dir(d.path()).unwrap().all(|e| !e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .ends_with(".tmp"))
    );
    let _ = cli_support::stdout;
}

/// Finding 6 and the import half of finding 8: the importer's limits hold at every entry point,
/// so what `addendum` stores, `export` writes and `import` reads back.
#[test]
fn texts_beyond_the_importer_limits_are_refused_at_every_entry_point() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    let o = kinerja(&store, &["import", "fixtures/kalbar-2025.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let addendum = |reason: &str| {
        kinerja(
            &store,
            &[
                "--lang",
                "en",
                "addendum",
                "KANWIL-KALBAR",
                "--reason",
                reason,
                "--date",
                "2025-10-20",
                "--set",
                "6b-N:2025-12=100",
            ],
        )
    };
    let long = "x".repeat(20_000);
    for (reason, says) in [
        (
            long.as_str(),
            "text too long (20000 characters, at most 10000)",
        ),
        ("uji \u{1b}]0;pwned\u{7}", "U+001B"),
        ("uji \u{202e}lanoitar", "U+202E"),
    ] {
        let o = addendum(reason);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        let e = stderr(&o);
        assert!(e.contains(says), "{e}");
        assert!(e.contains("reason"), "{e}");
        assert!(
            !e.contains('\u{1b}') && !e.contains('\u{202e}'),
            "never echoed raw: {e:?}"
        );
        assert!(e.len() < 2_000, "the reason is not echoed back whole");
    }
    // In Indonesian by default.
    let o = kinerja(
        &store,
        &[
            "addendum",
            "KANWIL-KALBAR",
            "--reason",
            &long,
            "--date",
            "2025-10-20",
            "--set",
            "6b-N:2025-12=100",
        ],
    );
    assert!(
        stderr(&o).contains("teks terlalu panjang"),
        "{}",
        stderr(&o)
    );

    // A reason at the limit, with a line break, is stored, and the export imports again.
    let at_limit = format!("baris satu\n{}", "y".repeat(10_000 - 11));
    let o = addendum(&at_limit);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = dir.path().join("backup.json");
    let o = kinerja(&store, &["export", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let again = dir.path().join("again");
    let o = kinerja(&again, &["import", out.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "the export imports: {}",
        stderr(&o)
    );

    // Import refuses control characters in names and codes, naming the place.
    let text = fs::read_to_string(MINI).unwrap();
    for (from, to, place) in [
        (
            "\"Kanwil Uji\"",
            "\"Kanwil \\u001b[2JUji\"",
            "units[1].name",
        ),
        ("\"Kanwil Uji\"", "\"Kanwil \\u202eUji\"", "units[1].name"),
        ("\"Kanwil Uji\"", "\"Kanwil\\nUji\"", "units[1].name"),
        (
            "\"Rp miliar\"",
            "\"Rp\\u0007miliar\"",
            "iku[0].unit_of_measure",
        ),
    ] {
        let bad = dir.path().join("bad.json");
        fs::write(&bad, text.replacen(from, to, 1)).unwrap();
        let o = kinerja(
            &dir.path().join("fresh"),
            &["--lang", "en", "import", bad.to_str().unwrap()],
        );
        assert_eq!(o.status.code(), Some(1), "{to}: {}", stderr(&o));
        let e = stderr(&o);
        assert!(
            e.contains(place) && e.contains("is not allowed"),
            "{to}: {e}"
        );
        assert!(!e.contains('\u{1b}') && !e.contains('\u{202e}'), "{e:?}");
    }
}

/// Finding 8: names, reasons, users and sources in a store written by an older version (that
/// accepted control characters) are printed escaped by `log`, `pk history`, `report`, `check`.
#[test]
fn stored_control_characters_are_printed_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    let o = kinerja(&store, &["import", "fixtures/kalbar-2025.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = kinerja(
        &store,
        &[
            "addendum",
            "KANWIL-KALBAR",
            "--reason",
            "uji",
            "--date",
            "2025-10-20",
            "--set",
            "6b-N:2025-12=100",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    cli_support::wait_server_gone(&store);
    {
        // what an older version let in, written through the library
        let s = kinerja::store::Store::open(&store).unwrap();
        let mut ds = s.load_year(2025).unwrap();
        ds.units.get_mut("KANWIL-KALBAR").unwrap().name = "Kanwil\u{1b}]0;pwned\u{7}".into();
        ds.addenda.last_mut().unwrap().reason = "uji\u{1b}[2J\u{202e}".into();
        s.import_dataset(
            &ds,
            true,
            &kinerja::store::Actor::new("tamu\u{1b}[31m"),
            "import\u{1b}[5m",
        )
        .unwrap();
        s.flush().unwrap();
    }
    for args in [
        &["log"][..],
        &["pk", "history", "KANWIL-KALBAR"],
        &["report"],
        &["report", "--format", "md"],
        &["check"],
        &[
            "addendum",
            "KANWIL-KALBAR",
            "--reason",
            "r",
            "--set",
            "NOPE\u{1b}[2J:12=1",
        ],
    ] {
        let o = kinerja(&store, args);
        let all = format!("{}{}", stdout(&o), stderr(&o));
        assert!(
            !all.contains('\u{1b}') && !all.contains('\u{7}') && !all.contains('\u{202e}'),
            "{args:?} printed a control character raw: {all:?}"
        );
        if args != ["check"] {
            assert!(all.contains("\\u{1b}"), "{args:?} shows it escaped: {all}");
        }
    }
}
