//! PRIVATE stand-ins for sibling branches (store) so the TUI
//! compiles and is testable before they land. Deleted once those branches are merged; nothing
//! outside `tui` may use this module.

use std::path::{Path, PathBuf};

use rust_decimal::Decimal;

use crate::domain::{Addendum, CodeRef, Iku};

// ---------------------------------------------------------------- store

#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    SetRealisasi {
        iku: CodeRef,
        month: u8,
        value: Option<Decimal>,
    },
    SetTarget {
        iku: CodeRef,
        month: u8,
        value: Option<Decimal>,
    },
    PutIku(Box<Iku>),
    RemoveIku(CodeRef),
    PutAddendum(Addendum),
    SetRulebook(String),
}

#[derive(Debug, Clone)]
pub struct Actor {
    pub user: String,
}

impl Actor {
    pub fn current() -> Actor {
        Actor {
            user: std::env::var("USER").unwrap_or_else(|_| "?".into()),
        }
    }
}

/// Keeps nothing: exists only so that run.rs compiles before the store branch lands.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
}

impl Store {
    pub fn open(path: &Path) -> Result<Store, String> {
        Ok(Store {
            path: path.to_path_buf(),
        })
    }
    pub fn path(&self) -> &Path {
        &self.path
    }
    pub fn apply(
        &self,
        _year: i32,
        _changes: &[Change],
        _who: &Actor,
        _source: &str,
    ) -> Result<Vec<()>, String> {
        Err("store not merged yet".into())
    }
    pub fn load_year(&self, _year: i32) -> Result<crate::domain::Dataset, String> {
        Err("store not merged yet".into())
    }
    pub fn flush(&self) -> Result<(), String> {
        Ok(())
    }
}
