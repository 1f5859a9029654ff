//! Driving the real `kinerja` binary inside tmux, shared by the end-to-end tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

pub struct Tmux {
    pub socket: String,
    pub home: PathBuf,
}

pub fn have_tmux() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux is required under CI"
        );
        eprintln!("tmux not installed: end-to-end TUI test skipped");
    }
    ok
}

impl Tmux {
    pub fn new(home: &Path, name: &str) -> Tmux {
        Tmux {
            socket: format!("kinerja-test-{}-{name}", std::process::id()),
            home: home.to_path_buf(),
        }
    }

    pub fn env(&self) -> Vec<(String, String)> {
        let mut env = Self::env_at(&self.home);
        env.push(("USER".into(), "budi".into()));
        env
    }

    pub fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux")
    }

    /// The environment of a session whose home is `h` (the test's own, or a user's under it).
    fn env_at(h: &std::path::Path) -> Vec<(String, String)> {
        let h = h.display();
        vec![
            ("HOME".into(), format!("{h}")),
            ("XDG_DATA_HOME".into(), format!("{h}/data")),
            ("XDG_STATE_HOME".into(), format!("{h}/state")),
            ("XDG_CONFIG_HOME".into(), format!("{h}/config")),
            ("KINERJA_SERVE_IDLE".into(), "0".into()),
            ("TERM".into(), "xterm-256color".into()),
            ("LANG".into(), "C.UTF-8".into()),
        ]
    }

    /// Starts `PREFIX env … kinerja ARGS` in a 120×40 session.
    fn launch(&self, prefix: &str, env: &[(String, String)], args: &[&str]) {
        let mut cmd = format!("{prefix}env -u KINERJA_STORE -u NO_COLOR");
        for (k, v) in env {
            cmd.push_str(&format!(" {k}='{v}'"));
        }
        cmd.push_str(&format!(" '{}'", env!("CARGO_BIN_EXE_kinerja")));
        for a in args {
            cmd.push_str(&format!(" '{a}'"));
        }
        let o = self.tmux(&[
            "new-session",
            "-d",
            "-s",
            "k",
            "-x",
            "120",
            "-y",
            "40",
            &cmd,
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }

    /// Starts `kinerja ARGS` in a 120×40 session.
    pub fn start(&self, args: &[&str]) {
        self.launch("", &self.env(), args);
    }

    /// Starts `kinerja ARGS` as the Unix user `user` (through `runuser`; the test runs as
    /// root) in a 120×40 session, with a home of its own under this session's home.
    pub fn start_as(&self, user: &str, args: &[&str]) {
        let uhome = self.home.join(user);
        std::fs::create_dir_all(&uhome).unwrap();
        let o = Command::new("chown")
            .arg("-R")
            .arg(user)
            .arg(&uhome)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        self.launch(
            &format!("runuser -u {user} -- "),
            &Self::env_at(&uhome),
            args,
        );
    }

    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", "-t", "k", k]);
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    pub fn text(&self, s: &str) {
        self.tmux(&["send-keys", "-t", "k", "-l", s]);
        std::thread::sleep(Duration::from_millis(60));
    }

    /// One capture of the pane, as it is this instant (may be a frame half-drawn).
    pub fn raw_screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "k"]).stdout).into_owned()
    }

    /// The pane once it has settled: two captures 50 ms apart are identical (2 s at most, then
    /// the last capture). A capture can otherwise catch a frame half-way through the pty.
    pub fn screen(&self) -> String {
        let start = Instant::now();
        let mut last = self.raw_screen();
        loop {
            std::thread::sleep(Duration::from_millis(50));
            let now = self.raw_screen();
            if now == last || start.elapsed() > Duration::from_secs(2) {
                return now;
            }
            last = now;
        }
    }

    pub fn alive(&self) -> bool {
        self.tmux(&["has-session", "-t", "k"]).status.success()
    }

    /// Waits until the settled screen shows `needle` (10 s at most).
    pub fn wait_for(&self, needle: &str) -> String {
        self.wait_screen(&format!("{needle:?}"), |s| s.contains(needle))
    }

    /// Waits until the settled screen is as `ok` wants it (10 s at most; `what` names the wait
    /// in the failure). A loaded machine may take a while to handle keys sent at once.
    pub fn wait_screen(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waited for {what}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits until the program has ended and its session is gone (10 s at most).
    pub fn wait_gone(&self) {
        let start = Instant::now();
        while self.alive() {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "kinerja did not exit:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}

pub fn cli(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(args)
        .env_remove("KINERJA_STORE")
        .env("KINERJA_SERVE_IDLE", "0")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("USER", "budi")
        .output()
        .unwrap()
}

/// The realisasi of one month of an IKU, as `kinerja export` writes it.
pub fn realisasi_in_export(home: &Path, unit: &str, iku: &str, month: usize) -> serde_json::Value {
    let o = cli(home, &["export"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    doc["iku"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["unit"] == unit && i["code"] == iku)
        .unwrap()["realisasi"][month - 1]
        .clone()
}

/// Finds the Pontianak IKU "Rata-rata waktu penetapan jadwal lelang" and opens its grid.
pub fn find_and_open_grid(t: &Tmux) {
    t.keys(&["/"]);
    t.text("penetapan jadwal");
    t.keys(&["Enter"]);
    t.wait_for("3b-N");
    t.keys(&["Tab"]);
    t.wait_for("Realisasi");
    // the grid opens on the first empty month (October): the tests edit September
    t.keys(&["Left"]);
}

/// The NKO text on the tree row of `unit`, e.g. "101,23".
pub fn row_nko(screen: &str, unit: &str) -> String {
    // the tree pane only: the IKU detail names its unit too
    let line = screen
        .lines()
        .map(|l| l.split("││").next().unwrap_or(l))
        .find(|l| l.contains(&format!(" {unit} ")))
        .unwrap_or_else(|| panic!("no row {unit}:\n{screen}"));
    let after = line.split(&format!(" {unit} ")).nth(1).unwrap();
    after.split_whitespace().next().unwrap().to_string()
}
