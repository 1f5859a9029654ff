//! Sentences of the cli area.
