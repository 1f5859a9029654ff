//! CLI subcommands (being written)
