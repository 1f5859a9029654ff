//! Running the real `kinerja` binary on a store in a temporary directory, shared by the CLI
//! tests. Every run is isolated from the user's own files and named as user `budi`.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

pub fn kinerja(store: &Path, args: &[&str]) -> Output {
    let home = store.parent().unwrap();
    Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("--store")
        .arg(store)
        .args(args)
        .env_remove("KINERJA_STORE")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("xdg-data"))
        .env("XDG_CONFIG_HOME", home.join("xdg-config"))
        .env("XDG_STATE_HOME", home.join("xdg-state"))
        .env("USER", "budi")
        .output()
        .expect("run kinerja")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
