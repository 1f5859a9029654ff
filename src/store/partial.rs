//! The year summary and the partial load behind a fast first frame.
//!
//! Loading a whole ministry year (25,000 IKU) takes longer than the first frame of the TUI
//! should. The first frame only shows a few units, so the TUI first loads just those (see
//! [`Store::load_partial`]) and the whole year in the background.
//!
//! A few units alone do not score like the whole year: a roll-up IKU (`domain` §6) consolidates the IKU
//! of child units, and `latest_period` looks at every IKU. Those figures are kept in the year
//! summary, `summaries/<year>`, written in the same transaction as the year snapshot, from the
//! same data:
//! - every unit record (the tree is drawn from them),
//! - the latest period of the year, and its default period (the latest complete month),
//! - for every roll-up IKU its consolidated targets and realisasi, and the IKU cascaded from it
//!   in its child units (R11 looks at their annual targets).
//!
//! Like the snapshot it is a cache. It is used only while the year has no dirty mark (no change
//! since it was written), so that it always describes what the records hold.

use std::collections::{BTreeSet, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::{Store, StoreError, TreeId, codec, keys};
use crate::domain::model::months_serde;
use crate::domain::score::{default_period, effective_months, latest_period};
use crate::domain::{Addendum, CodeRef, Dataset, Iku, Months, Ss, Unit, WholeYear};

/// Layout of the summary body (inside the record envelope).
const SUMMARY_FORMAT: u16 = 2;

/// The figures of a whole year a partial load needs (see the module documentation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearSummary {
    pub units: Vec<Unit>,
    pub latest_period: Option<u8>,
    /// The default period (`score::default_period`, the latest complete month).
    pub default_period: Option<u8>,
    pub rollups: Vec<Rollup>,
}

/// A roll-up IKU's consolidated months and the IKU they consolidate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rollup {
    pub iku: CodeRef,
    #[serde(with = "months_serde")]
    pub targets: Months,
    #[serde(with = "months_serde")]
    pub realisasi: Months,
    /// The IKU cascaded from it in its direct child units, in key order.
    pub children: Vec<CodeRef>,
}

impl YearSummary {
    /// The summary of a whole year.
    pub fn of(ds: &Dataset) -> YearSummary {
        let rollups = ds
            .iku
            .values()
            .filter(|i| i.rolls_up() && i.location_consolidation.as_consolidation().is_some())
            .map(|i| {
                let key = i.key();
                let (targets, realisasi) = effective_months(ds, i);
                let children = ds
                    .cascaded_from(&key)
                    .iter()
                    .filter(|c| {
                        ds.units.get(&c.unit).and_then(|u| u.parent.as_deref())
                            == Some(i.unit.as_str())
                    })
                    .cloned()
                    .collect();
                Rollup {
                    iku: key,
                    targets,
                    realisasi,
                    children,
                }
            })
            .collect();
        YearSummary {
            units: ds.units.values().cloned().collect(),
            latest_period: latest_period(ds),
            default_period: default_period(ds),
            rollups,
        }
    }

    /// Encodes the summary as a stored value.
    pub(super) fn encode(&self) -> Result<Vec<u8>, StoreError> {
        let mut out = codec::RECORD_VERSION.to_be_bytes().to_vec();
        out.extend_from_slice(&SUMMARY_FORMAT.to_be_bytes());
        out.extend_from_slice(&codec::encode_body(self)?);
        Ok(out)
    }

    /// Decodes a stored summary; the error is the reason it cannot be used.
    pub(super) fn decode(bytes: &[u8]) -> Result<YearSummary, String> {
        let head = bytes.get(..4).ok_or("too short")?;
        let version = u16::from_be_bytes([head[0], head[1]]);
        let format = u16::from_be_bytes([head[2], head[3]]);
        if version != codec::RECORD_VERSION || format != SUMMARY_FORMAT {
            return Err(format!("version {version}/{format}"));
        }
        codec::decode_body(&bytes[4..])
    }
}

/// What [`Store::load_partial`] reads, before it becomes a [`Dataset`]: what the store server
/// sends a client for its first frame.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartialYear {
    pub year: i32,
    pub rulebook: String,
    pub summary: YearSummary,
    pub ss: Vec<Ss>,
    pub iku: Vec<Iku>,
    pub addenda: Vec<Addendum>,
}

impl PartialYear {
    /// The partial dataset ([`Dataset::partial`]).
    pub fn into_dataset(self) -> Dataset {
        let PartialYear {
            year,
            rulebook,
            summary,
            ss,
            iku,
            addenda,
        } = self;
        let whole = WholeYear {
            latest_period: summary.latest_period,
            default_period: summary.default_period,
            rolled: summary
                .rollups
                .into_iter()
                .map(|r| (r.iku, (r.targets, r.realisasi)))
                .collect(),
        };
        Dataset::partial(year, rulebook, summary.units, ss, iku, addenda, whole)
    }
}

impl PartialYear {
    /// What [`Store::partial_year`] reads, taken from `ds`, a whole year exactly as its records
    /// hold it (the store server's copy of the year it keeps up to date with every change it
    /// applies), with `summary` = [`YearSummary::of`] `ds`.
    pub fn of_dataset(ds: &Dataset, summary: YearSummary, units: &BTreeSet<String>) -> PartialYear {
        let known: HashSet<&str> = summary.units.iter().map(|u| u.code.as_str()).collect();
        let wanted = |unit: &str| units.contains(unit) && known.contains(unit);
        let parts = Picked {
            ss: ds
                .ss
                .values()
                .filter(|s| wanted(&s.unit))
                .cloned()
                .collect(),
            iku: ds
                .iku
                .values()
                .filter(|i| wanted(&i.unit))
                .cloned()
                .collect(),
            addenda: ds
                .addenda
                .iter()
                .filter(|a| wanted(&a.unit))
                .cloned()
                .collect(),
        };
        let found: Result<PartialYear, std::convert::Infallible> = parts.complete(
            ds.year,
            ds.rulebook.clone(),
            summary,
            |k| Ok(ds.iku.get(k).cloned()),
            |k| Ok(ds.ss.get(k).cloned()),
        );
        match found {
            Ok(p) => p,
            Err(never) => match never {},
        }
    }
}

/// The SS, IKU and addenda of the units a partial load asked for, before what their checks
/// look up elsewhere is added ([`Picked::complete`]).
struct Picked {
    ss: Vec<Ss>,
    iku: Vec<Iku>,
    addenda: Vec<Addendum>,
}

impl Picked {
    /// Adds what the checks of the picked units look up in other units — the sources of their
    /// cascades (IKU and SS, up each chain) and the IKU their roll-ups consolidate — fetched
    /// with `iku_of` and `ss_of`, and orders the addenda by key.
    fn complete<E>(
        self,
        year: i32,
        rulebook: String,
        summary: YearSummary,
        mut iku_of: impl FnMut(&CodeRef) -> Result<Option<Iku>, E>,
        mut ss_of: impl FnMut(&CodeRef) -> Result<Option<Ss>, E>,
    ) -> Result<PartialYear, E> {
        let Picked {
            mut ss,
            mut iku,
            mut addenda,
        } = self;
        let rollups: HashMap<CodeRef, &Rollup> =
            summary.rollups.iter().map(|r| (r.iku.clone(), r)).collect();
        let mut have: HashSet<CodeRef> = iku.iter().map(Iku::key).collect();
        // the IKU of the units, then each one fetched: follow every cascade up to its source
        // and every roll-up down to its children
        let mut todo: Vec<CodeRef> = Vec::new();
        for i in &iku {
            todo.extend(i.cascade.as_ref().map(|c| c.from.clone()));
            if let Some(r) = rollups.get(&i.key()) {
                todo.extend(r.children.iter().cloned());
            }
        }
        while let Some(k) = todo.pop() {
            if !have.insert(k.clone()) {
                continue;
            }
            if let Some(i) = iku_of(&k)? {
                todo.extend(i.cascade.as_ref().map(|c| c.from.clone()));
                iku.push(i);
            }
        }
        let mut have_ss: HashSet<CodeRef> =
            ss.iter().map(|s| CodeRef::new(&s.unit, &s.code)).collect();
        let mut todo: Vec<CodeRef> = ss.iter().filter_map(|s| s.cascaded_from.clone()).collect();
        while let Some(k) = todo.pop() {
            if !have_ss.insert(k.clone()) {
                continue;
            }
            if let Some(s) = ss_of(&k)? {
                todo.extend(s.cascaded_from.clone());
                ss.push(s);
            }
        }
        drop(rollups);
        addenda.sort_by_cached_key(|a| keys::addendum(year, &a.unit, a.version));
        Ok(PartialYear {
            year,
            rulebook,
            summary,
            ss,
            iku,
            addenda,
        })
    }
}

impl Store {
    /// The summary of a year when it describes the records: `None` when there is none, it
    /// cannot be read, or the year changed since it was written (a dirty mark).
    pub fn year_summary(&self, year: i32) -> Result<Option<YearSummary>, StoreError> {
        let _guard = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        if !self.dirty_marks(year)?.is_empty() {
            return Ok(None);
        }
        Ok(self
            .trees
            .summaries
            .get(keys::year(year))?
            .and_then(|v| YearSummary::decode(&v).ok()))
    }

    /// A partial dataset of `year` ([`Dataset::partial`]) holding every unit, and the SS, IKU and
    /// addenda of `units`, read from their records, with what their checks look up in other
    /// units: the sources of their cascades (IKU and SS, up each chain) and the IKU their roll-ups
    /// consolidate. For those units it scores, checks and gives K3 as the whole year does.
    /// `summary` comes from [`Store::year_summary`] of the same year, just before.
    pub fn load_partial(
        &self,
        year: i32,
        summary: YearSummary,
        units: &BTreeSet<String>,
    ) -> Result<Dataset, StoreError> {
        let ds = self.partial_year(year, summary, units)?.into_dataset();
        self.with_rounds(ds)
    }

    /// What [`Store::load_partial`] reads, not yet made a dataset.
    pub fn partial_year(
        &self,
        year: i32,
        summary: YearSummary,
        units: &BTreeSet<String>,
    ) -> Result<PartialYear, StoreError> {
        let rulebook = self.rulebook_of(year)?;
        let _guard = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        let mut ss: Vec<Ss> = Vec::new();
        let mut iku: Vec<Iku> = Vec::new();
        let mut addenda: Vec<Addendum> = Vec::new();
        let known: HashSet<&str> = summary.units.iter().map(|u| u.code.as_str()).collect();
        for unit in units.iter().filter(|u| known.contains(u.as_str())) {
            let prefix = keys::unit_prefix(year, unit);
            ss.extend(self.scan::<Ss>(TreeId::Ss, &prefix)?);
            iku.extend(self.scan::<Iku>(TreeId::Iku, &prefix)?);
            addenda.extend(self.scan::<Addendum>(TreeId::Addenda, &prefix)?);
        }
        let parts = Picked { ss, iku, addenda };
        parts.complete(
            year,
            rulebook,
            summary,
            |k| self.get::<Iku>(TreeId::Iku, &keys::code(year, &k.unit, &k.code)),
            |k| self.get::<Ss>(TreeId::Ss, &keys::code(year, &k.unit, &k.code)),
        )
    }

    /// The stored record of one IKU; `None` when there is none.
    pub fn iku_record(&self, year: i32, iku: &CodeRef) -> Result<Option<Iku>, StoreError> {
        self.get(TreeId::Iku, &keys::code(year, &iku.unit, &iku.code))
    }

    /// `unit` and its ancestors up to the top unit, from their records (just `unit` when it
    /// has no record): what the access list looks up for a unit's subtree grants.
    pub fn unit_and_ancestors(&self, year: i32, unit: &str) -> Result<Vec<String>, StoreError> {
        let mut out = vec![unit.to_string()];
        let mut at = unit.to_string();
        while let Some(u) = self.get::<Unit>(TreeId::Units, &keys::unit(year, &at))? {
            match u.parent {
                Some(p) if !out.contains(&p) => {
                    out.push(p.clone());
                    at = p;
                }
                _ => break,
            }
        }
        Ok(out)
    }

    /// One record of a tree, decoded; `None` when absent.
    fn get<T: super::codec::Record>(
        &self,
        id: TreeId,
        key: &[u8],
    ) -> Result<Option<T>, StoreError> {
        match self.trees.get(id).get(key)? {
            Some(v) => Ok(Some(codec::decode(&keys::display(id.name(), key), &v)?)),
            None => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_round_trips_and_a_foreign_one_is_refused() {
        let ds = crate::demo::generate(crate::demo::Scale::Kanwil, 7, 2025);
        let s = YearSummary::of(&ds);
        assert!(!s.rollups.is_empty(), "the demo has roll-ups");
        assert_eq!(s.units.len(), ds.units.len());
        let bytes = s.encode().unwrap();
        assert_eq!(YearSummary::decode(&bytes), Ok(s));
        assert!(YearSummary::decode(&bytes[..3]).is_err());
        assert!(YearSummary::decode(&bytes[..bytes.len() - 1]).is_err());
        let mut other = bytes;
        other[3] = 9;
        assert!(YearSummary::decode(&other).is_err());
    }
}
