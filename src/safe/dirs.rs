//! The one lookup of the XDG base directories, through the `dirs` crate: `$XDG_DATA_HOME`,
//! `$XDG_STATE_HOME`, `$XDG_CONFIG_HOME` when set to an absolute path, else `~/.local/share`,
//! `~/.local/state`, `~/.config` (the home directory from `$HOME`, else the password database).
//! Each returns kinerja's own directory inside it.

use std::path::PathBuf;

/// `$XDG_DATA_HOME/kinerja` (the default store lives here).
pub fn data_dir() -> Option<PathBuf> {
    ::dirs::data_dir().map(|d| d.join("kinerja"))
}

/// `$XDG_STATE_HOME/kinerja` (the TUI's view state).
pub fn state_dir() -> Option<PathBuf> {
    ::dirs::state_dir().map(|d| d.join("kinerja"))
}

/// `$XDG_CONFIG_HOME/kinerja` (the user's keymap).
pub fn config_dir() -> Option<PathBuf> {
    ::dirs::config_dir().map(|d| d.join("kinerja"))
}
