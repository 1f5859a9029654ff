//! PRIVATE stand-ins for sibling branches (store, interchange::number) so the TUI
//! compiles and is testable before they land. Deleted once those branches are merged; nothing
//! outside `tui` may use this module.

use std::path::{Path, PathBuf};

use rust_decimal::Decimal;

use crate::domain::{Addendum, CodeRef, Iku};

// ---------------------------------------------------------------- number

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    Id,
    En,
}

pub fn parse_decimal(text: &str, locale: Locale) -> Result<Decimal, String> {
    let t = text.trim();
    let (thou, dec) = match locale {
        Locale::Id => ('.', ','),
        Locale::En => (',', '.'),
    };
    if t.matches(thou).count() == 1 && !t.contains(dec) {
        let after = t.split(thou).nth(1).unwrap_or("");
        if after.len() == 3 {
            return Err(format!("'{t}' ambigu / ambiguous"));
        }
    }
    let norm: String = t
        .chars()
        .filter(|c| *c != thou)
        .map(|c| if c == dec { '.' } else { c })
        .collect();
    norm.parse::<Decimal>()
        .map_err(|_| format!("'{t}' bukan angka / not a number"))
}

pub fn format_decimal(d: Decimal, locale: Locale, places: u32) -> String {
    let d = crate::domain::score::round_to(d, places);
    let s = format!("{:.*}", places as usize, d);
    group(&s, locale)
}

pub fn format_exact(d: Decimal, locale: Locale) -> String {
    group(&d.normalize().to_string(), locale)
}

fn group(s: &str, locale: Locale) -> String {
    let (thou, dec) = match locale {
        Locale::Id => ('.', ','),
        Locale::En => (',', '.'),
    };
    let (neg, s) = s.strip_prefix('-').map_or((false, s), |r| (true, r));
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(thou);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(dec);
        out.push_str(frac);
    }
    if neg { format!("-{out}") } else { out }
}

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
