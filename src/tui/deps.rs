//! The sibling interfaces the TUI codes against, in one place (keymap, theme, store, numbers).

pub use crate::interchange::number::{
    Locale, format_decimal, format_editable, format_exact, parse_decimal,
};
pub use crate::store::{Actor, Change, Store};
pub use crate::tui::keymap::{KeyBinding, Keymap};
pub use crate::tui::theme::Theme;
