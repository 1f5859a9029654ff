//! Sentences of the interchange area.
