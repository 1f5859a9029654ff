//! Integration tests: interchange. One binary, one module per area; shared helpers in tests/support.

#[path = "../support/mod.rs"]
mod support;

mod interchange_csv;
mod interchange_json;
mod interchange_number;
mod interchange_props;
mod interchange_round;
