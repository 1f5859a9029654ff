//! Running the real `kinerja` binary on a store in a temporary directory, shared by the CLI
//! tests. Every run is isolated from the user's own files. kinerja names the user of the real
//! uid (never `$USER`): [`me`] is that name.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

pub fn kinerja(store: &Path, args: &[&str]) -> Output {
    command(store, args).output().expect("run kinerja")
}

/// The command [`kinerja`] runs, to add redirections or a user before running it.
pub fn command(store: &Path, args: &[&str]) -> Command {
    let home = store.parent().unwrap();
    let mut c = Command::new(env!("CARGO_BIN_EXE_kinerja"));
    c.arg("--store")
        .arg(store)
        .args(args)
        .env_remove("KINERJA_STORE")
        .env("KINERJA_SERVE_IDLE", "0")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("xdg-data"))
        .env("XDG_CONFIG_HOME", home.join("xdg-config"))
        .env("XDG_STATE_HOME", home.join("xdg-state"));
    c
}

/// The user kinerja records for this process (and for the child processes the tests start).
pub fn me() -> String {
    kinerja::safe::identity::current_user()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Waits (at most 10 s) until no store server runs for `store`: a server whose last client
/// was killed stops on its own a moment later, and only then may the test open the store
/// itself.
pub fn wait_server_gone(store: &Path) {
    let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while std::time::Instant::now() < until {
        let pid = kinerja::server::recorded_pid(store);
        let owner = kinerja::store::lock::read_owner(store).map(|h| h.pid);
        let alive = [pid, owner]
            .into_iter()
            .flatten()
            .any(|p| kinerja::store::lock::pid_alive(p) && !is_zombie(p))
            || !server_processes(store).is_empty();
        if !alive && !kinerja::server::server_running(store) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the store server of {} did not stop", store.display());
}

/// The pids of `kinerja serve` processes of `store` (from /proc: a server just started by a
/// client that was killed has not written its pid file yet).
pub fn server_processes(store: &Path) -> Vec<u32> {
    let want = store.as_os_str().as_encoded_bytes().to_vec();
    let mut out = Vec::new();
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return out;
    };
    for e in dir.flatten() {
        let Some(pid) = e.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else {
            continue;
        };
        let Ok(cmd) = std::fs::read(e.path().join("cmdline")) else {
            continue;
        };
        let args: Vec<&[u8]> = cmd.split(|b| *b == 0).collect();
        if !is_zombie(pid) && args.contains(&&b"serve"[..]) && args.contains(&want.as_slice()) {
            out.push(pid);
        }
    }
    out
}

/// Whether a process has exited and waits to be reaped.
pub fn is_zombie(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| {
        s.rsplit(')')
            .next()
            .is_some_and(|r| r.trim_start().starts_with('Z'))
    })
}

/// Unix users and a group made for a test (as root), removed on drop.
pub struct Accounts {
    pub group: String,
    pub users: Vec<String>,
}

impl Drop for Accounts {
    fn drop(&mut self) {
        for u in &self.users {
            let _ = Command::new("userdel").arg(u).output();
        }
        let _ = Command::new("groupdel").arg(&self.group).output();
    }
}

/// A group `{group_prefix}{tag}` and in it a user `{user_prefix}{who}{tag}` for each of `who`
/// (`tag` from the test's pid, so that two test binaries running at once do not clash);
/// `None` when they cannot be made (not root).
pub fn make_accounts(group_prefix: &str, user_prefix: &str, who: &[&str]) -> Option<Accounts> {
    let tag = std::process::id() % 100_000;
    let group = format!("{group_prefix}{tag}");
    let ok = |o: std::io::Result<Output>| o.is_ok_and(|o| o.status.success());
    if !ok(Command::new("groupadd").arg(&group).output()) {
        return None;
    }
    let mut acc = Accounts {
        group: group.clone(),
        users: Vec::new(),
    };
    for w in who {
        let user = format!("{user_prefix}{w}{tag}");
        let made = Command::new("useradd")
            .args(["-M", "-N", "-g", &group, "-s", "/bin/sh", &user])
            .output();
        if !ok(made) {
            return None;
        }
        acc.users.push(user);
    }
    Some(acc)
}
