//! The sibling interfaces the TUI codes against, in one place (keymap, theme, store, numbers).

pub use crate::tui::keymap::{KeyBinding, Keymap};
pub use crate::tui::standin::{
    Actor, Change, Locale, Store, format_decimal, format_exact, parse_decimal,
};
pub use crate::tui::theme::Theme;
