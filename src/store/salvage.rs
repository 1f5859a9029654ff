//! Reading what survives of a damaged store, and the backup taken before a schema migration.
//!
//! [`Store::salvage_year`] reads one year record by record: a record that cannot be decoded (or
//! does not match its key) is skipped and listed; references to skipped records are dropped,
//! each with a note, so that what is returned is a consistent dataset that a `kinerja/1` export
//! can carry and an import accepts again. The year's plans are read the same way
//! (`Store::salvage_plans` in `store::plan`).
//!
//! Before [`Store::open`] migrates a store written with an older [`super::STORE_SCHEMA`], every
//! year is written, by the writer registered with [`set_backup_writer`] (the CLI registers the
//! `kinerja/1` exporter), to `<store>.backup-YYYYMMDD-HHMMSS-y<year>.json` beside the store. The
//! migration does not run when a backup cannot be written.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::Local;

use super::{Problem, Store, StoreError, TreeId, YearRecord, codec, keys};
use crate::domain::rulebook::DEFAULT_RULEBOOK;
use crate::domain::{Addendum, CodeRef, Dataset, Iku, Ss, Unit};
use crate::text::store as t;

/// What [`Store::salvage_year`] could read of one year.
#[derive(Debug, Clone)]
pub struct Salvage {
    /// Every readable record, with references to unreadable ones removed.
    pub dataset: Dataset,
    /// Records that could not be read, by key.
    pub unreadable: Vec<Problem>,
    /// What was changed or left out because it referred to an unreadable record, by key.
    pub dropped: Vec<Problem>,
    /// The readable plans of the year (links, IS, budget lines), with references to what the
    /// dataset does not hold removed (`store::plan`).
    pub plans: crate::domain::plan::Plans,
}

impl Salvage {
    /// True when the year was read whole.
    pub fn is_complete(&self) -> bool {
        self.unreadable.is_empty() && self.dropped.is_empty()
    }
}

/// Turns one year into the text of a backup file.
pub type BackupWriter = fn(&Dataset) -> String;

static BACKUP_WRITER: OnceLock<BackupWriter> = OnceLock::new();

/// Registers how a year is written to a backup file before a schema migration. The CLI
/// registers `interchange::json::export_document`; without a writer a store that needs a
/// migration is not opened.
pub fn set_backup_writer(writer: BackupWriter) {
    let _ = BACKUP_WRITER.set(writer);
}

impl Store {
    /// Every year that any record belongs to (also when its `years` record is unreadable).
    pub fn salvage_years(&self) -> Result<Vec<i32>, StoreError> {
        let mut years = BTreeSet::new();
        for id in [
            TreeId::Years,
            TreeId::Units,
            TreeId::Ss,
            TreeId::Iku,
            TreeId::Addenda,
        ] {
            for k in self.trees.get(id).iter().keys() {
                if let Some(y) = keys::year_from(&k?) {
                    years.insert(y);
                }
            }
        }
        Ok(years.into_iter().collect())
    }

    /// Reads what can still be read of `year`; see the module documentation.
    pub fn salvage_year(&self, year: i32) -> Result<Salvage, StoreError> {
        let mut unreadable = Vec::new();
        let mut dropped = Vec::new();
        let year_key = keys::year(year);
        let year_shown = keys::display("years", &year_key);
        let rulebook = match self.trees.years.get(year_key)? {
            Some(v) => match codec::decode::<YearRecord>(&year_shown, &v) {
                Ok(rec) if rec.year == year => Some(rec.rulebook),
                Ok(rec) => {
                    unreadable.push(Problem {
                        key: year_shown.clone(),
                        reason: t::P_KEY_MISMATCH.fill(&[("found", &rec.year)]),
                    });
                    None
                }
                Err(e) => {
                    unreadable.push(corrupt_problem(e, &year_shown)?);
                    None
                }
            },
            None => None,
        };
        let rulebook = rulebook.unwrap_or_else(|| {
            dropped.push(Problem {
                key: year_shown.clone(),
                reason: t::S_RULEBOOK_DEFAULT.fill(&[("rulebook", &DEFAULT_RULEBOOK)]),
            });
            DEFAULT_RULEBOOK.to_string()
        });

        let prefix = year_key;
        let mut units: BTreeMap<String, (String, Unit)> = BTreeMap::new();
        for (key, u) in self.read_all::<Unit>(TreeId::Units, &prefix, &mut unreadable)? {
            units.insert(u.code.clone(), (key, u));
        }
        let ss: Vec<(String, Ss)> = self.read_all(TreeId::Ss, &prefix, &mut unreadable)?;
        let iku: Vec<(String, Iku)> = self.read_all(TreeId::Iku, &prefix, &mut unreadable)?;
        let addenda: Vec<(String, Addendum)> =
            self.read_all(TreeId::Addenda, &prefix, &mut unreadable)?;

        // Units: a missing parent makes a root; a cycle is broken where it is found.
        let codes: BTreeSet<String> = units.keys().cloned().collect();
        for (key, u) in units.values_mut() {
            if let Some(p) = u.parent.clone()
                && !codes.contains(&p)
            {
                dropped.push(Problem {
                    key: key.clone(),
                    reason: t::S_PARENT_DROPPED.fill(&[("unit", &p)]),
                });
                u.parent = None;
            }
        }
        let order: Vec<String> = units.keys().cloned().collect();
        for code in order {
            let mut seen = BTreeSet::from([code.clone()]);
            let mut cur = units[&code].1.parent.clone();
            while let Some(c) = cur {
                if !seen.insert(c.clone()) {
                    let (key, u) = units.get_mut(&code).expect("unit of this loop");
                    dropped.push(Problem {
                        key: key.clone(),
                        reason: t::S_CYCLE_BROKEN.s().into(),
                    });
                    u.parent = None;
                    break;
                }
                cur = units.get(&c).and_then(|(_, u)| u.parent.clone());
            }
        }

        // SS need their unit; a missing cascade source is forgotten.
        let mut kept_ss = Vec::new();
        for (key, s) in ss {
            if !units.contains_key(&s.unit) {
                dropped.push(Problem {
                    key,
                    reason: t::S_DROPPED_NO_UNIT.fill(&[("unit", &s.unit)]),
                });
            } else {
                kept_ss.push((key, s));
            }
        }
        let ss_codes: HashSet<CodeRef> = kept_ss
            .iter()
            .map(|(_, s)| CodeRef::new(&s.unit, &s.code))
            .collect();
        for (key, s) in &mut kept_ss {
            if let Some(from) = s.cascaded_from.clone()
                && !ss_codes.contains(&from)
            {
                dropped.push(Problem {
                    key: key.clone(),
                    reason: t::S_CASCADE_DROPPED.fill(&[("from", &from)]),
                });
                s.cascaded_from = None;
            }
        }

        // IKU need their unit and SS; a missing cascade source is forgotten.
        let mut kept_iku = Vec::new();
        for (key, i) in iku {
            let ss_ref = CodeRef::new(&i.unit, &i.ss);
            if !units.contains_key(&i.unit) {
                dropped.push(Problem {
                    key,
                    reason: t::S_DROPPED_NO_UNIT.fill(&[("unit", &i.unit)]),
                });
            } else if !ss_codes.contains(&ss_ref) {
                dropped.push(Problem {
                    key,
                    reason: t::S_DROPPED_NO_SS.fill(&[("ss", &ss_ref)]),
                });
            } else {
                kept_iku.push((key, i));
            }
        }
        let iku_codes: HashSet<CodeRef> = kept_iku.iter().map(|(_, i)| i.key()).collect();
        for (key, i) in &mut kept_iku {
            if let Some(c) = i.cascade.clone()
                && !iku_codes.contains(&c.from)
            {
                dropped.push(Problem {
                    key: key.clone(),
                    reason: t::S_CASCADE_DROPPED.fill(&[("from", &c.from)]),
                });
                i.cascade = None;
            }
        }

        // Addenda need their unit; a change of an IKU that is neither readable nor removed by
        // an addendum is left out.
        let mut kept_addenda = Vec::new();
        for (key, a) in addenda {
            if units.contains_key(&a.unit) {
                kept_addenda.push((key, a));
            } else {
                dropped.push(Problem {
                    key,
                    reason: t::S_DROPPED_NO_UNIT.fill(&[("unit", &a.unit)]),
                });
            }
        }
        let removed: HashSet<CodeRef> = kept_addenda
            .iter()
            .flat_map(|(_, a)| {
                a.changes
                    .iter()
                    .filter(|c| c.field == crate::domain::change::Field::RemoveIku)
                    .map(|c| CodeRef::new(&a.unit, &c.iku))
            })
            .collect();
        for (key, a) in &mut kept_addenda {
            let unit = a.unit.clone();
            a.changes.retain(|c| {
                let r = CodeRef::new(&unit, &c.iku);
                let keep = iku_codes.contains(&r) || removed.contains(&r);
                if !keep {
                    dropped.push(Problem {
                        key: key.clone(),
                        reason: t::S_CHANGE_DROPPED.fill(&[("iku", &r)]),
                    });
                }
                keep
            });
        }

        let dataset = Dataset::from_parts(
            year,
            rulebook,
            units.into_values().map(|(_, u)| u),
            kept_ss.into_iter().map(|(_, s)| s),
            kept_iku.into_iter().map(|(_, i)| i),
            kept_addenda.into_iter().map(|(_, a)| a).collect(),
        );
        let plans = self.salvage_plans(year, &dataset, &mut unreadable, &mut dropped)?;
        Ok(Salvage {
            dataset,
            unreadable,
            dropped,
            plans,
        })
    }

    /// Every record of a tree under `prefix` that decodes and matches its key, with its
    /// readable key; the others are added to `unreadable`.
    fn read_all<T: super::codec::Record + Keyed>(
        &self,
        id: TreeId,
        prefix: &[u8],
        unreadable: &mut Vec<Problem>,
    ) -> Result<Vec<(String, T)>, StoreError> {
        let mut out = Vec::new();
        for kv in self.trees.get(id).scan_prefix(prefix) {
            let (k, v) = kv?;
            let key = keys::display(id.name(), &k);
            match codec::decode::<T>(&key, &v) {
                Ok(rec) => {
                    let year = keys::year_from(&k).unwrap_or(i32::MIN);
                    if rec.key_bytes(year) == *k {
                        out.push((key, rec));
                    } else {
                        unreadable.push(Problem {
                            key,
                            reason: t::P_KEY_MISMATCH.fill(&[("found", &rec.describe())]),
                        });
                    }
                }
                Err(e) => unreadable.push(corrupt_problem(e, &key)?),
            }
        }
        Ok(out)
    }

    /// Writes every year to a dated backup file beside the store (before a migration).
    pub(super) fn backup_before_migration(&self, found: u16) -> Result<Vec<PathBuf>, StoreError> {
        let years = self.salvage_years()?;
        if years.is_empty() {
            return Ok(Vec::new());
        }
        let Some(writer) = BACKUP_WRITER.get() else {
            return Err(StoreError::Invalid(t::MIGRATION_NO_BACKUP.fill(&[
                ("path", &self.path.display()),
                ("found", &found),
                ("known", &super::STORE_SCHEMA),
            ])));
        };
        let stamp = Local::now().format("%Y%m%d-%H%M%S").to_string();
        let mut written = Vec::new();
        for y in years {
            let salvage = self.salvage_year(y)?;
            let file = backup_path(&self.path, &stamp, y);
            write_new_file(
                &file,
                writer(&salvage.dataset).as_bytes(),
                self.policy.file_mode,
            )?;
            written.push(file);
        }
        Ok(written)
    }
}

/// `<store>.backup-YYYYMMDD-HHMMSS-y<year>.json`, beside the store directory.
pub fn backup_path(store: &Path, stamp: &str, year: i32) -> PathBuf {
    let name = store
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "kinerja".into());
    store.with_file_name(format!("{name}.backup-{stamp}-y{year}.json"))
}

/// Writes a file that must not exist yet, atomically (see [`crate::safe::write`]).
fn write_new_file(path: &Path, contents: &[u8], mode: u32) -> Result<(), StoreError> {
    crate::safe::write::write_atomic(
        path,
        contents,
        Some(mode),
        crate::safe::write::Replace::Never,
    )
    .map_err(|e| StoreError::Io(std::io::Error::other(e.to_string())))
}

/// A decode failure as a problem; any other error is passed on.
fn corrupt_problem(e: StoreError, key: &str) -> Result<Problem, StoreError> {
    match e {
        StoreError::Corrupt { key: k, reason } => Ok(Problem { key: k, reason }),
        StoreError::Engine(reason) => Ok(Problem {
            key: key.to_string(),
            reason,
        }),
        other => Err(other),
    }
}

/// A record whose key can be computed from its content.
trait Keyed {
    fn key_bytes(&self, year: i32) -> Vec<u8>;
    fn describe(&self) -> String;
}

impl Keyed for Unit {
    fn key_bytes(&self, year: i32) -> Vec<u8> {
        keys::unit(year, &self.code)
    }
    fn describe(&self) -> String {
        self.code.clone()
    }
}
impl Keyed for Ss {
    fn key_bytes(&self, year: i32) -> Vec<u8> {
        keys::code(year, &self.unit, &self.code)
    }
    fn describe(&self) -> String {
        CodeRef::new(&self.unit, &self.code).to_string()
    }
}
impl Keyed for Iku {
    fn key_bytes(&self, year: i32) -> Vec<u8> {
        keys::code(year, &self.unit, &self.code)
    }
    fn describe(&self) -> String {
        self.key().to_string()
    }
}
impl Keyed for Addendum {
    fn key_bytes(&self, year: i32) -> Vec<u8> {
        keys::addendum(year, &self.unit, self.version)
    }
    fn describe(&self) -> String {
        format!("{} v{}", self.unit, self.version)
    }
}
