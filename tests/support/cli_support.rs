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
