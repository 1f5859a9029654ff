//! Helpers shared by the integration test binaries. Each binary includes this module whole;
//! a binary that does not use a helper leaves it unused.
#![allow(dead_code, unused_imports)]

#[path = "../../benches/support/mod.rs"]
pub mod bench_support;
pub mod cli_support;
pub mod fuzz_common;
pub mod partial_support;
pub mod raw_sled;
pub mod server_support;
pub mod store_common;
pub mod tmux_support;
pub mod tui_support;
pub mod vocab_support;
