//! Two Unix users on one group store through its server (issue 11): both connected at once, and
//! the audit trail names each by the user the kernel says (SO_PEERCRED), never by what a client
//! claims. The users and the group are created for the test when it runs as root (and removed
//! after); as anyone else the test says so and passes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::support::cli_support::{self, Accounts, stderr, stdout, wait_server_gone};

fn make_accounts() -> Option<Accounts> {
    cli_support::make_accounts("kjg", "kj", &["a", "b"])
}

/// `kinerja --store STORE ARGS` as `user`, with a home of its own.
fn as_user(user: &str, home: &Path, store: &Path, args: &[&str]) -> Output {
    let uhome = home.join(user);
    std::fs::create_dir_all(&uhome).unwrap();
    Command::new("chown")
        .arg(user)
        .arg(&uhome)
        .output()
        .unwrap();
    Command::new("runuser")
        .args(["-u", user, "--", "env", "-u", "KINERJA_STORE"])
        .arg(format!("HOME={}", uhome.display()))
        .arg(format!("XDG_DATA_HOME={}/data", uhome.display()))
        .arg(format!("XDG_STATE_HOME={}/state", uhome.display()))
        .arg(format!("XDG_CONFIG_HOME={}/config", uhome.display()))
        // what a client claims is never what the audit names
        .arg("USER=somebody-else")
        .arg("LOGNAME=somebody-else")
        .arg(env!("CARGO_BIN_EXE_kinerja"))
        .arg("--store")
        .arg(store)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn two_unix_users_on_one_group_store_are_each_named_in_the_audit() {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("not root: the two-user group store test is skipped");
        return;
    }
    let Some(acc) = make_accounts() else {
        eprintln!("useradd/groupadd failed: the two-user group store test is skipped");
        return;
    };
    let (a, b) = (acc.users[0].clone(), acc.users[1].clone());
    // a place both users can reach
    let home = tempfile::tempdir().unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(home.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let store: PathBuf = home.path().join("tim");
    // the administrator (root) makes the group store
    let o = crate::support::cli_support::kinerja(&store, &["init", "--group", &acc.group]);
    assert!(o.status.success(), "init: {}", stderr(&o));
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/kalbar-2025.json");
    let o = crate::support::cli_support::kinerja(&store, &["import", sample]);
    assert!(o.status.success(), "import: {}", stderr(&o));
    wait_server_gone(&store);

    // (probing the server, as every client does, leaves the files usable by the group)
    use std::os::unix::fs::MetadataExt;
    let mode = std::fs::metadata(store.join(kinerja::server::PID_FILE))
        .unwrap()
        .mode();
    assert_eq!(mode & 0o777, 0o660, "the pid file stays the group's");
    // a's server runs (started as a service would be); both users are its clients at once
    let mut server = Command::new("runuser")
        .args(["-u", &a, "--", env!("CARGO_BIN_EXE_kinerja"), "--store"])
        .arg(&store)
        .args(["serve", "--idle", "60"])
        .spawn()
        .unwrap();
    let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while std::os::unix::net::UnixStream::connect(kinerja::server::socket_path(&store)).is_err() {
        assert!(std::time::Instant::now() < until, "no server");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let oa = as_user(
        &a,
        home.path(),
        &store,
        &["set", "KPKNL-PONTIANAK", "3b-N", "2025-09", "6"],
    );
    assert!(oa.status.success(), "{}", stderr(&oa));
    let ob = as_user(
        &b,
        home.path(),
        &store,
        &["set", "KPKNL-SINGKAWANG", "1c-N", "2025-09", "5"],
    );
    assert!(ob.status.success(), "{}", stderr(&ob));
    let log = stdout(&as_user(&b, home.path(), &store, &["log", "--limit", "2"]));
    let line_of = |unit: &str| {
        log.lines()
            .find(|l| l.contains(unit))
            .unwrap_or_else(|| panic!("{log}"))
            .to_string()
    };
    assert!(line_of("KPKNL-PONTIANAK").contains(&a), "{log}");
    assert!(line_of("KPKNL-SINGKAWANG").contains(&b), "{log}");
    assert!(!log.contains("somebody-else"), "{log}");
    let status = stdout(&as_user(&b, home.path(), &store, &["serve", "--status"]));
    assert!(status.contains(&format!("pengguna {a}")), "{status}");
    assert!(
        status.contains(&format!("{b} (pid")),
        "the asking client is listed: {status}"
    );

    // an access list naming the group: b (a member) reads, a non-member would not
    let o = as_user(
        &a,
        home.path(),
        &store,
        &["access", "grant", &format!("@{}", acc.group), "viewer"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let o = as_user(&b, home.path(), &store, &["report"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = as_user(
        &b,
        home.path(),
        &store,
        &["set", "KPKNL-SINGKAWANG", "1c-N", "2025-09", "4"],
    );
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains(&format!("admin: {a}")),
        "{}",
        stderr(&o)
    );

    let o = as_user(&a, home.path(), &store, &["serve", "--stop"]);
    assert!(o.status.success(), "{}", stderr(&o));
    server.wait().unwrap();
    wait_server_gone(&store);
    drop(acc);
}

#[test]
fn init_group_by_a_non_member_is_refused_and_leaves_nothing_behind() {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("not root: the init --group non-member test is skipped");
        return;
    }
    // the group of the store, with a member; and an outsider in a group of its own
    let (Some(team), Some(other)) = (
        cli_support::make_accounts("kjt", "kt", &["a"]),
        cli_support::make_accounts("kjo", "ko", &["x"]),
    ) else {
        eprintln!("useradd/groupadd failed: the init --group non-member test is skipped");
        return;
    };
    let outsider = other.users[0].clone();
    let home = tempfile::tempdir().unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(home.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    // a directory of the outsider's own, where it may create anything
    let place = home.path().join("tempat");
    std::fs::create_dir(&place).unwrap();
    Command::new("chown")
        .arg(&outsider)
        .arg(&place)
        .output()
        .unwrap();
    for store in [
        place.join("tim"),
        place.join("baru").join("dalam").join("tim"),
    ] {
        let o = as_user(
            &outsider,
            home.path(),
            &store,
            &["init", "--group", &team.group],
        );
        assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
        let said = stderr(&o);
        assert!(said.contains(&team.group), "{said}");
        assert!(said.contains("bukan anggota grup"), "{said}");
        let left: Vec<_> = std::fs::read_dir(&place)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert!(
            left.is_empty(),
            "nothing is left behind for {}: {left:?}",
            store.display()
        );
    }
    // an empty directory given stays, empty
    let empty = place.join("kosong");
    std::fs::create_dir(&empty).unwrap();
    Command::new("chown")
        .arg(&outsider)
        .arg(&empty)
        .output()
        .unwrap();
    let o = as_user(
        &outsider,
        home.path(),
        &empty,
        &["--lang", "en", "init", "--group", &team.group],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(stderr(&o).contains("not a member"), "{}", stderr(&o));
    assert_eq!(std::fs::read_dir(&empty).unwrap().count(), 0);
    // a member of the group makes it
    let member = team.users[0].clone();
    let shared = home.path().join("bersama");
    std::fs::create_dir(&shared).unwrap();
    Command::new("chown")
        .arg(&member)
        .arg(&shared)
        .output()
        .unwrap();
    let o = as_user(
        &member,
        home.path(),
        &shared.join("tim"),
        &["init", "--group", &team.group],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    wait_server_gone(&shared.join("tim"));
}
