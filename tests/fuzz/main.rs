//! Integration tests: fuzz. One binary, one module per area; shared helpers in tests/support.

#[path = "../support/mod.rs"]
mod support;

mod fuzz_bounds;
mod fuzz_corpus;
mod fuzz_csv;
mod fuzz_json;
mod fuzz_number;
mod fuzz_proto;
mod fuzz_rulebook;
mod keymap_fuzz;
