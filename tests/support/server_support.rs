//! Stores served by `kinerja serve` in a temporary directory, and clients of them in the test
//! process (issue 11).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use kinerja::domain::CodeRef;
use kinerja::server::Client;
use kinerja::server::client::ConnectOptions;
use rust_decimal::Decimal;

use super::cli_support::{kinerja, stderr, wait_server_gone};

/// A new store at `home/store` holding the bundled Kalimantan Barat sample (its server, started
/// by the import, has stopped again when this returns).
pub fn sample_store(home: &Path) -> PathBuf {
    let store = home.join("store");
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/kalbar-2025.json");
    let o = kinerja(&store, &["import", sample]);
    assert!(o.status.success(), "{}", stderr(&o));
    wait_server_gone(&store);
    store
}

/// How a test client connects: the real binary is started as the server, and the server stops
/// with its last client.
pub fn options(doing: &str, live: bool) -> ConnectOptions {
    let mut o = ConnectOptions::new(doing);
    o.live = live;
    o.exe = Some(PathBuf::from(env!("CARGO_BIN_EXE_kinerja")));
    o.idle = Some(0);
    o.lang = kinerja::text::Lang::Id;
    o
}

pub fn client(store: &Path, doing: &str, live: bool) -> Client {
    Client::connect(store, options(doing, live)).expect("connect to the store server")
}

pub fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

pub fn pontianak(code: &str) -> CodeRef {
    CodeRef::new("KPKNL-PONTIANAK", code)
}

/// The stored realisasi of a cell, read through the server.
pub fn realisasi(c: &Client, iku: &CodeRef, month: u8) -> Option<Decimal> {
    use kinerja::store::StoreApi;
    c.load_year_from_records(2025).unwrap().iku[iku].realisasi[(month - 1) as usize]
}
