//! sled store (being written)
