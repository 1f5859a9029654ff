//! kinerja: organisational performance management of Kemenkeu (KMK 300/KMK.01/2022) in the
//! terminal.
//!
//! Dependencies point one way: `tui`, `cli` → `store`, `interchange` → `domain`.
//! `domain` is pure business logic (no I/O); every number a user sees is computed there once.

pub mod alloc;
pub mod cli;
pub mod demo;
pub mod domain;
pub mod interchange;
pub mod report;
pub mod safe;
pub mod server;
pub mod store;
pub mod text;
pub mod tui;
