//! The full-screen terminal application.

pub mod action;
pub mod app;
pub mod deps;
pub mod input;
pub mod keymap;
pub mod run;
pub mod theme;
pub mod ui;
pub mod update;

pub use app::App;
pub use run::{TuiOptions, run};
pub use update::{Effect, update};
