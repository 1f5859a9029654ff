//! Integration tests: store. One binary, one module per area; shared helpers in tests/support.

#[path = "../support/mod.rs"]
mod support;

mod safety_durability;
mod safety_store;
mod safety_tui_durability;
mod store_backup;
mod store_bounds;
mod store_data;
mod store_lock;
mod store_partial;
mod store_plan;
mod store_round;
mod store_snapshot;
