//! Sentences of the store area.
