//! TUI (being written)
