//! The full-screen terminal application.

pub mod action;
pub mod keymap;
pub mod theme;
