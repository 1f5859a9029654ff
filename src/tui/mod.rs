//! The full-screen terminal application.

pub mod action;
