//! Sentences of the tui area.
