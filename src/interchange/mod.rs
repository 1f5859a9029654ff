//! JSON/CSV interchange (being written)
