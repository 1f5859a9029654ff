//! Sentences of the domain area.
