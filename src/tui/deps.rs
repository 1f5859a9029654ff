//! The sibling interfaces the TUI codes against, in one place (keymap, theme, store, numbers).

pub use crate::tui::standin::{
    Actor, Change, Keymap, Locale, Store, Theme, format_decimal, format_exact, parse_decimal,
};
