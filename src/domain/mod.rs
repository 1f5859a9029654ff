//! Pure business logic: no I/O, no terminal, no storage.

pub mod addendum;
pub mod bounds;
pub mod change;
pub mod edit;
pub mod k3;
pub mod model;
pub mod period;
pub mod quarters;
pub mod reason;
pub mod rulebook;
pub mod rules;
pub mod score;

pub use model::*;
pub use rust_decimal::Decimal;
