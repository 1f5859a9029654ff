//! The two write operations: importing a whole year and applying a change set.
//!
//! Both first work out, under the writer mutex, every record to write and every audit entry,
//! refusing the whole operation on the first problem (nothing is written). Then one sled
//! transaction over all trees writes the records, the audit entries (numbered from the counter in
//! `meta/audit_next`) and the counter; then the store is flushed.
//!
//! A whole year is too large for one transaction (sled keeps every replaced tree node until it
//! ends): a new year is written in chunks, its year record last (`Store::import_fresh`), and a
//! replaced one too, after a backup set of the year as it was and a marker naming that set
//! (`Store::import_replacing`; an open that finds the marker restores the year from the set).

use std::collections::{BTreeMap, BTreeSet};

use chrono::Utc;
use rust_decimal::Decimal;
use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionError, TransactionalTree};

use super::{
    Actor, AuditEntry, Change, META_AUDIT_NEXT, Store, StoreError, TreeId, YearRecord, codec, keys,
};
use crate::domain::change::{self, ChangeError, Done, Field, Records};
use crate::domain::round::UnitRound;
use crate::domain::{Addendum, CodeRef, Dataset, Iku};
use crate::text::store as t;

/// Records to write: (tree, key) → new value, or `None` to remove.
type Writes = BTreeMap<(TreeIx, Vec<u8>), Option<Vec<u8>>>;

/// Records written per transaction by the import of a new year (see `Store::import_fresh`).
const IMPORT_CHUNK: usize = 1000;

/// Index of a tree inside the transaction tuple.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct TreeIx(usize);

impl From<TreeId> for TreeIx {
    fn from(id: TreeId) -> Self {
        TreeIx(TreeId::ALL.iter().position(|t| *t == id).unwrap_or(0))
    }
}

/// The `round` tree in the transaction of a commit (after the trees of [`TreeId::ALL`]; not
/// marked dirty: the round is not in the snapshot).
const ROUND_IX: TreeIx = TreeIx(7);

/// Longest list of codes named in a conflict message.
const CONFLICT_LIST_MAX: usize = 20;

fn check_code(code: &str) -> Result<(), StoreError> {
    if keys::valid_code(code) {
        Ok(())
    } else {
        Err(StoreError::Invalid(t::BAD_CODE.fill(&[("code", &code)])))
    }
}

fn dec_text(v: Option<Decimal>) -> Option<String> {
    v.map(|d| d.to_string())
}

/// A one-line description of an IKU for the audit trail.
pub(super) fn iku_summary(i: &Iku) -> String {
    let weight = i.weight.map_or_else(|| "-".to_string(), |w| w.to_string());
    format!(
        "{} | SS {} | {} | {} | {} | weight {}",
        i.name, i.ss, i.polarity, i.period_consolidation, i.reporting_period, weight
    )
}

/// Names of the fields that differ between two IKUs (format spellings).
fn changed_fields(old: &Iku, new: &Iku) -> Vec<String> {
    let (Ok(serde_json::Value::Object(a)), Ok(serde_json::Value::Object(b))) =
        (serde_json::to_value(old), serde_json::to_value(new))
    else {
        return Vec::new();
    };
    b.iter()
        .filter(|(k, v)| a.get(*k) != Some(*v))
        .map(|(k, _)| k.clone())
        .collect()
}

fn addendum_summary(a: &Addendum) -> String {
    format!("{}: {} ({} change(s))", a.date, a.reason, a.changes.len())
}

fn unit_of(code: &str) -> String {
    t::UNIT.fill(&[("code", &code)])
}
fn iku_of(r: &CodeRef) -> String {
    t::IKU.fill(&[("code", r)])
}

/// The snapshot marks for a set of writes: year + unit for a unit, SS, IKU or addendum record;
/// the year alone when its year record changes (see `snapshot.rs`).
fn dirty_marks(writes: &Writes) -> BTreeSet<Vec<u8>> {
    let mut out = BTreeSet::new();
    for (tree, key) in writes.keys() {
        let kind = TreeId::ALL.get(tree.0).copied();
        match kind {
            Some(TreeId::Years) => {
                out.insert(key.clone());
            }
            Some(TreeId::Units | TreeId::Ss | TreeId::Iku | TreeId::Addenda) => {
                let tail = key.get(4..).unwrap_or_default();
                let unit_end = tail
                    .iter()
                    .position(|&b| b == keys::SEP)
                    .map_or(key.len(), |i| 4 + i);
                out.insert(key[..unit_end].to_vec());
            }
            _ => {}
        }
    }
    out
}

/// Adds the write of `ds`'s year record (its year and rulebook).
fn insert_year_record(writes: &mut Writes, ds: &Dataset) -> Result<(), StoreError> {
    let rec = YearRecord {
        year: ds.year,
        rulebook: ds.rulebook.clone(),
    };
    writes.insert(
        (TreeId::Years.into(), keys::year(ds.year).to_vec()),
        Some(codec::encode(&rec)?),
    );
    Ok(())
}

/// Adds the writes of `ds`'s round records (an import: the round travels with the year).
fn insert_rounds(writes: &mut Writes, ds: &Dataset) -> Result<(), StoreError> {
    for (unit, r) in &ds.round {
        let mut r = r.clone();
        r.unit = unit.clone();
        r.normalise();
        if !r.is_empty() {
            writes.insert(
                (ROUND_IX, keys::unit(ds.year, unit)),
                Some(codec::encode(&r)?),
            );
        }
    }
    Ok(())
}

impl Store {
    fn entry(&self, who: &Actor, source: &str, year: i32, unit: &str, what: String) -> AuditEntry {
        AuditEntry {
            seq: 0,
            at: Utc::now(),
            user: who.user.clone(),
            year,
            unit: unit.to_string(),
            what,
            old: None,
            new: None,
            source: source.to_string(),
        }
    }

    /// Every key of a tree under a prefix.
    fn keys_under(&self, id: TreeId, prefix: &[u8]) -> Result<Vec<Vec<u8>>, StoreError> {
        let mut out = Vec::new();
        for k in self.trees.get(id).scan_prefix(prefix).keys() {
            out.push(k?.to_vec());
        }
        Ok(out)
    }

    /// Imports a whole year's dataset atomically.
    ///
    /// Unit, SS, IKU and addendum codes of that year already in the store are a
    /// [`StoreError::Conflict`] listing them (as is a different rulebook) unless `replace`, which
    /// replaces the year whole. Otherwise the dataset is added to the year. One audit entry is
    /// written per unit, SS, IKU and addendum imported, plus one for a replaced year or a new
    /// rulebook.
    pub fn import_dataset(
        &self,
        ds: &Dataset,
        replace: bool,
        who: &Actor,
        source: &str,
    ) -> Result<(), StoreError> {
        for u in ds.units.values() {
            check_code(&u.code)?;
        }
        for s in ds.ss.values() {
            check_code(&s.unit)?;
            check_code(&s.code)?;
        }
        for i in ds.iku.values() {
            check_code(&i.unit)?;
            check_code(&i.code)?;
        }
        for a in &ds.addenda {
            check_code(&a.unit)?;
        }
        let _guard = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        // every evidence the round names is held (a bundle's files are kept before its import)
        for (unit, r) in &ds.round {
            for ((iku, month), list) in &r.evidence {
                for e in list {
                    if !self.has_evidence(&e.sha256)? {
                        return Err(StoreError::Invalid(
                            crate::text::store::IMPORT_EVIDENCE_NOT_HELD.fill(&[
                                ("unit", unit),
                                ("iku", iku),
                                ("month", &format!("{}-{month:02}", ds.year)),
                                ("name", &e.name),
                                ("sha256", &e.sha256),
                            ]),
                        ));
                    }
                }
            }
        }
        let y = ds.year;
        let existing = self.year_record(y)?;
        let mut writes = Writes::new();
        let mut audit = Vec::new();

        let record_keys = |tree: TreeId| -> Vec<Vec<u8>> {
            match tree {
                TreeId::Units => ds.units.values().map(|u| keys::unit(y, &u.code)).collect(),
                TreeId::Ss => ds
                    .ss
                    .values()
                    .map(|s| keys::code(y, &s.unit, &s.code))
                    .collect(),
                TreeId::Iku => ds
                    .iku
                    .values()
                    .map(|i| keys::code(y, &i.unit, &i.code))
                    .collect(),
                TreeId::Addenda => ds
                    .addenda
                    .iter()
                    .map(|a| keys::addendum(y, &a.unit, a.version))
                    .collect(),
                _ => Vec::new(),
            }
        };
        let kinds = [TreeId::Units, TreeId::Ss, TreeId::Iku, TreeId::Addenda];

        match (&existing, replace) {
            (Some(old), false) => {
                let mut conflicts = Vec::new();
                if old.rulebook != ds.rulebook {
                    conflicts.push(t::RULEBOOK_DIFFERS.fill(&[
                        ("old", &old.rulebook),
                        ("new", &ds.rulebook),
                        ("year", &y),
                    ]));
                }
                for tree in kinds {
                    for k in record_keys(tree) {
                        if self.trees.get(tree).contains_key(&k)? {
                            conflicts.push(keys::display(tree.name(), &k));
                        }
                    }
                }
                if !conflicts.is_empty() {
                    let n = conflicts.len();
                    conflicts.truncate(CONFLICT_LIST_MAX);
                    let mut text = conflicts.join(", ");
                    if n > CONFLICT_LIST_MAX {
                        text.push_str(&format!(" (+{})", n - CONFLICT_LIST_MAX));
                    }
                    return Err(StoreError::Conflict(text));
                }
            }
            (Some(old), true) if super::backup::has_codec() => {
                return self.import_replacing(ds, old, who, source);
            }
            (Some(old), true) => {
                // without a backup codec (the library used without the CLI) there is no set to
                // come back from: one transaction, as large as the year
                let prefix = keys::year(y);
                let mut counts = Vec::new();
                for tree in kinds {
                    let ks = self.keys_under(tree, &prefix)?;
                    counts.push(format!("{} {}", ks.len(), tree.name()));
                    for k in ks {
                        writes.insert((tree.into(), k), None);
                    }
                }
                for k in self.round_keys(y)? {
                    writes.insert((ROUND_IX, k), None);
                }
                let mut e = self.entry(who, source, y, "", format!("replace year {y}"));
                e.old = Some(format!("{}; rulebook {}", counts.join(", "), old.rulebook));
                e.new = Some(format!(
                    "{} units, {} ss, {} iku, {} addenda; rulebook {}",
                    ds.units.len(),
                    ds.ss.len(),
                    ds.iku.len(),
                    ds.addenda.len(),
                    ds.rulebook
                ));
                audit.push(e);
            }
            (None, _) => {
                return self.import_fresh(ds, who, source, false);
            }
        }

        insert_year_record(&mut writes, ds)?;
        self.each_record(ds, who, source, |key, value, e| {
            writes.insert(key, Some(value));
            audit.push(e);
            Ok(())
        })?;
        insert_rounds(&mut writes, ds)?;
        self.commit(&writes, audit)?;
        if replace {
            self.write_first_snapshot(ds)?;
        }
        Ok(())
    }

    /// The snapshot of a year that now holds exactly `ds` (a new or replaced year), written now
    /// rather than by the first open, which would read every record. A failure leaves the year
    /// marked dirty, and the first open writes it.
    fn write_first_snapshot(&self, ds: &Dataset) -> Result<(), StoreError> {
        let marks = self.dirty_marks(ds.year)?;
        let _ = self.write_snapshot(ds, &marks);
        Ok(())
    }

    /// Calls `f` with the write of every record of `ds` (unit, SS, IKU, addendum, in that
    /// order) and its audit entry.
    fn each_record(
        &self,
        ds: &Dataset,
        who: &Actor,
        source: &str,
        mut f: impl FnMut((TreeIx, Vec<u8>), Vec<u8>, AuditEntry) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let y = ds.year;
        for u in ds.units.values() {
            let mut e = self.entry(who, source, y, &u.code, format!("import unit {}", u.code));
            e.new = Some(format!("{} ({})", u.name, u.level));
            f(
                (TreeId::Units.into(), keys::unit(y, &u.code)),
                codec::encode(u)?,
                e,
            )?;
        }
        for s in ds.ss.values() {
            let mut e = self.entry(who, source, y, &s.unit, format!("import SS {}", s.code));
            e.new = Some(format!("{} | {}", s.name, s.perspective));
            f(
                (TreeId::Ss.into(), keys::code(y, &s.unit, &s.code)),
                codec::encode(s)?,
                e,
            )?;
        }
        for i in ds.iku.values() {
            let mut e = self.entry(who, source, y, &i.unit, format!("import IKU {}", i.code));
            e.new = Some(iku_summary(i));
            f(
                (TreeId::Iku.into(), keys::code(y, &i.unit, &i.code)),
                codec::encode(i)?,
                e,
            )?;
        }
        for a in &ds.addenda {
            let mut e = self.entry(
                who,
                source,
                y,
                &a.unit,
                format!("import addendum v{}", a.version),
            );
            e.new = Some(addendum_summary(a));
            f(
                (
                    TreeId::Addenda.into(),
                    keys::addendum(y, &a.unit, a.version),
                ),
                codec::encode(a)?,
                e,
            )?;
        }
        Ok(())
    }

    /// Replaces the year `old` of the store with `ds` in transactions of [`IMPORT_CHUNK`]
    /// records, never one as large as the year (a ministry-scale replace in one transaction
    /// peaked at ~513 MB): first a backup set holding the year as it is (the newest set when it
    /// holds everything the audit does, else a new one); then one small transaction removes the
    /// year record and writes the marker [`super::backup::META_REPLACING`] naming that set, with
    /// the audit entry of the replace, flushed; then [`Store::import_fresh`] removes the old
    /// records and writes the new ones, the year record and the removal of the marker in its
    /// last transaction. An open that finds the marker (a replace cut short) restores the year
    /// from the set it names ([`Store::finish_interrupted_replace`]): nothing is lost.
    fn import_replacing(
        &self,
        ds: &Dataset,
        old: &YearRecord,
        who: &Actor,
        source: &str,
    ) -> Result<(), StoreError> {
        let y = ds.year;
        let set = self.backup_for_replace(y)?;
        let prefix = keys::year(y);
        let mut counts = Vec::new();
        for tree in [TreeId::Units, TreeId::Ss, TreeId::Iku, TreeId::Addenda] {
            let n = self.trees.get(tree).scan_prefix(prefix).keys().count();
            counts.push(format!("{n} {}", tree.name()));
        }
        let mut e = self.entry(who, source, y, "", format!("replace year {y}"));
        e.old = Some(format!(
            "{}; rulebook {}; backup {}",
            counts.join(", "),
            old.rulebook,
            set.id()
        ));
        e.new = Some(format!(
            "{} units, {} ss, {} iku, {} addenda; rulebook {}",
            ds.units.len(),
            ds.ss.len(),
            ds.iku.len(),
            ds.addenda.len(),
            ds.rulebook
        ));
        let marker = super::backup::Replacing {
            year: y,
            set: set.id().to_string(),
        };
        let mut writes = Writes::new();
        writes.insert((TreeId::Years.into(), prefix.to_vec()), None);
        writes.insert(
            (TreeId::Meta.into(), super::backup::META_REPLACING.to_vec()),
            Some(codec::encode(&marker)?),
        );
        self.commit(&writes, vec![e])?;
        self.import_fresh(ds, who, source, true)
    }

    /// The backup set a replace of `year` comes back from: the newest set when it is whole,
    /// holds the year and every audit entry of the store (so it holds the year as it is now —
    /// `import --replace` writes it just before), else a new set.
    fn backup_for_replace(&self, year: i32) -> Result<super::BackupSet, StoreError> {
        let last = self.last_audit_seq()?;
        if let Some(s) = super::backup::list(&self.path).into_iter().next()
            && s.manifest.audit_seq == last
            && s.manifest.years.iter().any(|i| i.year == year)
            && s.check().is_ok()
        {
            return Ok(s);
        }
        self.write_backup(super::backup::REPLACE_REASON)
    }

    /// Removes every record of `year` (units, SS, IKU, addenda, round states) in transactions
    /// of [`IMPORT_CHUNK`], with the audit entry `what` (`{n}`: the number of records) in the
    /// first; unflushed. Returns the number removed.
    fn discard_year_records(
        &self,
        year: i32,
        who: &Actor,
        source: &str,
        what: Option<&dyn Fn(usize) -> String>,
    ) -> Result<usize, StoreError> {
        let prefix = keys::year(year);
        let mut left = Vec::new();
        for tree in [TreeId::Units, TreeId::Ss, TreeId::Iku, TreeId::Addenda] {
            for k in self.keys_under(tree, &prefix)? {
                left.push((TreeIx::from(tree), k));
            }
        }
        for k in self.round_keys(year)? {
            left.push((ROUND_IX, k));
        }
        for (n, chunk) in left.chunks(IMPORT_CHUNK).enumerate() {
            let writes: Writes = chunk.iter().map(|k| (k.clone(), None)).collect();
            let mut audit = Vec::new();
            if n == 0
                && let Some(what) = what
            {
                audit.push(self.entry(who, source, year, "", what(left.len())));
            }
            self.commit_unflushed(&writes, audit, true)?;
        }
        Ok(left.len())
    }

    /// Finishes a replace cut short (see [`Store::import_replacing`]): when the store holds the
    /// marker of one, the year's records are removed and the year is restored from the backup
    /// set the marker names, audited; then the marker goes. A set that is missing or damaged
    /// refuses the open, naming it and `kinerja restore`.
    pub(super) fn finish_interrupted_replace(&self) -> Result<(), StoreError> {
        let key = keys::display("meta", super::backup::META_REPLACING);
        let Some(v) = self.trees.meta.get(super::backup::META_REPLACING)? else {
            return Ok(());
        };
        let m: super::backup::Replacing = codec::decode(&key, &v)?;
        let refused = |why: String| {
            StoreError::Invalid(t::REPLACE_INTERRUPTED_NO_SET.fill(&[
                ("year", &m.year),
                ("set", &m.set),
                ("store", &self.path.display()),
                ("why", &why),
            ]))
        };
        let set = super::backup::find(&self.path, &m.set)
            .filter(|s| s.id() == m.set)
            .ok_or_else(|| refused(t::REPLACE_SET_MISSING.s().to_string()))?;
        set.check().map_err(refused)?;
        let yb = set.read_year(m.year).map_err(refused)?;
        let who = Actor::current();
        {
            let _guard = self.writer.lock().unwrap_or_else(|p| p.into_inner());
            self.discard_year_records(m.year, &who, "restore", None)?;
            self.drop_snapshot(m.year)?;
        }
        self.restore_year(
            &yb.dataset,
            &who,
            format!(
                "restore year {} from backup {}: its replace was interrupted",
                m.year, m.set
            ),
        )?;
        drop(yb);
        self.trees.meta.remove(super::backup::META_REPLACING)?;
        self.flush()
    }

    /// Imports a year the store does not hold, in transactions of [`IMPORT_CHUNK`] records with
    /// their audit entries, the year record last: the year is listed and loads only from that
    /// last transaction on, so an import cut short leaves no year behind (and the next import of
    /// that year first removes what it left). One transaction for a ministry-scale year held
    /// ~470 MB inside sled, which keeps every replaced tree node until a transaction ends.
    ///
    /// The year's snapshot and summary are written before its records (while less memory is in
    /// use), and the records' transactions do not mark their units dirty: the snapshot already
    /// holds them. Only the last transaction is flushed: sled makes a flushed write durable with
    /// all the writes before it.
    ///
    /// `replacing`: the year's old records are removed first (their audit entry is the
    /// replace's) and the last transaction removes the marker of the replace.
    fn import_fresh(
        &self,
        ds: &Dataset,
        who: &Actor,
        source: &str,
        replacing: bool,
    ) -> Result<(), StoreError> {
        let y = ds.year;
        let interrupted = |n: usize| format!("discard {n} records of an interrupted import");
        let what: Option<&dyn Fn(usize) -> String> = match replacing {
            true => None,
            false => Some(&interrupted),
        };
        self.discard_year_records(y, who, source, what)?;
        // A snapshot an interrupted import left must not outlive a failed write of this one.
        self.drop_snapshot(y)?;
        let marks = self.dirty_marks(y)?;
        // a cache: the year is imported even when it cannot be written (then read from its
        // records on the first open, which writes it)
        let _ = self.write_snapshot(ds, &marks);
        let mut writes = Writes::new();
        let mut audit = Vec::new();
        self.each_record(ds, who, source, |key, value, e| {
            writes.insert(key, Some(value));
            audit.push(e);
            if writes.len() >= IMPORT_CHUNK {
                self.commit_unflushed(&writes, std::mem::take(&mut audit), false)?;
                writes.clear();
            }
            Ok(())
        })?;
        insert_year_record(&mut writes, ds)?;
        insert_rounds(&mut writes, ds)?;
        if replacing {
            writes.insert(
                (TreeId::Meta.into(), super::backup::META_REPLACING.to_vec()),
                None,
            );
        } else {
            let mut e = self.entry(who, source, y, "", format!("rulebook {y}"));
            e.new = Some(ds.rulebook.clone());
            audit.push(e);
        }
        self.commit_unflushed(&writes, audit, false)?;
        self.flush()
    }

    /// Writes a year read from a backup set into this new store: its records, round states
    /// and snapshot, with one audit entry `what` (the backup's audit is restored beside it;
    /// see `store::backup`).
    pub(super) fn restore_year(
        &self,
        ds: &Dataset,
        who: &Actor,
        what: String,
    ) -> Result<(), StoreError> {
        let _guard = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        let marks = self.dirty_marks(ds.year)?;
        let _ = self.write_snapshot(ds, &marks);
        let mut writes = Writes::new();
        self.each_record(ds, who, "restore", |key, value, _| {
            writes.insert(key, Some(value));
            if writes.len() >= IMPORT_CHUNK {
                self.commit_unflushed(&writes, Vec::new(), false)?;
                writes.clear();
            }
            Ok(())
        })?;
        insert_year_record(&mut writes, ds)?;
        insert_rounds(&mut writes, ds)?;
        let e = self.entry(who, "restore", ds.year, "", what);
        self.commit_unflushed(&writes, vec![e], false)?;
        self.flush()
    }

    /// Sets a value of the store's own settings with an audit entry `what` of a restore.
    pub(super) fn restore_setting<T: serde::Serialize>(
        &self,
        key: &str,
        value: &T,
        who: &Actor,
        what: String,
    ) -> Result<(), StoreError> {
        let e = self.entry(who, "restore", 0, "", what);
        self.set_meta_value(key, value, e).map(|_| ())
    }

    /// A value of the store's own settings (`meta/<key>`, in the record envelope), e.g. the
    /// store server's access list; `None` when it was never set.
    pub fn meta_value<T: super::codec::Record>(&self, key: &str) -> Result<Option<T>, StoreError> {
        let k = [b"setting/".as_slice(), key.as_bytes()].concat();
        match self.trees.meta.get(&k)? {
            Some(v) => Ok(Some(codec::decode(&keys::display("meta", &k), &v)?)),
            None => Ok(None),
        }
    }

    /// Sets a value of the store's own settings together with its audit entry, in one
    /// transaction, flushed.
    pub fn set_meta_value<T: serde::Serialize>(
        &self,
        key: &str,
        value: &T,
        audit: AuditEntry,
    ) -> Result<AuditEntry, StoreError> {
        let _guard = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        let k = [b"setting/".as_slice(), key.as_bytes()].concat();
        let mut writes = Writes::new();
        writes.insert((TreeId::Meta.into(), k), Some(codec::encode(value)?));
        let mut done = self.commit_unflushed(&writes, vec![audit], false)?;
        self.flush()?;
        done.pop()
            .ok_or_else(|| StoreError::Engine("audit entry missing".into()))
    }

    /// Applies a change set atomically and returns the audit entries written (one per change
    /// that changed something; a change to the value already stored is skipped).
    ///
    /// The changes are applied by `domain::change::apply`, the function the TUI applies them to
    /// its dataset with, to a working set of the records they touch; the audit entries are made
    /// from what it did. Nothing is written when any change is refused: an unknown year, unit,
    /// SS or IKU ([`StoreError::NotFound`]), a month outside 1..=12, a bad code or a bad addendum
    /// version ([`StoreError::Invalid`]).
    pub fn apply(
        &self,
        year: i32,
        changes: &[Change],
        who: &Actor,
        source: &str,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let _guard = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        let year_rec = self
            .year_record(year)?
            .ok_or_else(|| StoreError::NotFound(t::YEAR.fill(&[("year", &year)])))?;
        let mut work = Work {
            store: self,
            year,
            ikus: BTreeMap::new(),
            addenda: Vec::new(),
            rulebook: year_rec.rulebook.clone(),
            rounds: BTreeMap::new(),
        };
        let mut done = Vec::new();
        for change in changes {
            check_codes(change)?;
            change::apply(&mut work, change, &mut done)?;
        }
        let audit: Vec<AuditEntry> = done
            .iter()
            .map(|d| self.audit_of(d, who, source, year))
            .collect();

        let mut writes = Writes::new();
        for (r, v) in &work.ikus {
            let value = v.as_ref().map(codec::encode).transpose()?;
            writes.insert(
                (TreeId::Iku.into(), keys::code(year, &r.unit, &r.code)),
                value,
            );
        }
        for a in &work.addenda {
            writes.insert(
                (
                    TreeId::Addenda.into(),
                    keys::addendum(year, &a.unit, a.version),
                ),
                Some(codec::encode(a)?),
            );
        }
        for (unit, (before, after)) in &work.rounds {
            if before == after {
                continue;
            }
            let key = (ROUND_IX, keys::unit(year, unit));
            if after.is_empty() {
                writes.insert(key, None);
            } else {
                let mut r = after.clone();
                r.normalise();
                writes.insert(key, Some(codec::encode(&r)?));
            }
        }
        if work.rulebook != year_rec.rulebook {
            let rec = YearRecord {
                rulebook: work.rulebook.clone(),
                ..year_rec
            };
            writes.insert(
                (TreeId::Years.into(), keys::year(year).to_vec()),
                Some(codec::encode(&rec)?),
            );
        }
        if audit.is_empty() {
            return Ok(audit);
        }
        self.commit(&writes, audit)
    }

    /// The audit entry of what one change did.
    fn audit_of(&self, d: &Done, who: &Actor, source: &str, year: i32) -> AuditEntry {
        match d {
            Done::Value {
                iku,
                field,
                month,
                old,
                new,
                reason,
            } => {
                let label = match field {
                    Field::Targets => "target",
                    _ => "realisasi",
                };
                let mut what = format!("{label} {} {year}-{month:02}", iku.code);
                if !reason.is_empty() {
                    what.push_str(&format!(" (correction: {reason})"));
                }
                let mut e = self.entry(who, source, year, &iku.unit, what);
                e.old = dec_text(*old);
                e.new = dec_text(*new);
                e
            }
            Done::Month {
                unit,
                month,
                action,
                old,
                new,
            } => {
                let what = format!("{action} {year}-{month:02}");
                let mut e = self.entry(who, source, year, unit, what);
                let shown = |m: &crate::domain::round::MonthRecord| match m.reason.as_str() {
                    "" => m.state.to_string(),
                    r => format!("{} ({r})", m.state),
                };
                e.old = Some(shown(old));
                e.new = Some(shown(new));
                e
            }
            Done::Analysis {
                iku,
                month,
                old,
                new,
            } => {
                let what = format!("analisis {} {year}-{month:02}", iku.code);
                let mut e = self.entry(who, source, year, &iku.unit, what);
                let shown = |a: &crate::domain::round::Analysis| {
                    // one line per entry: the lines of a part joined by " / "
                    let one = |s: &str| s.lines().collect::<Vec<_>>().join(" / ");
                    let a = &crate::domain::round::Analysis {
                        isu: one(&a.isu),
                        implikasi: one(&a.implikasi),
                        aksi: one(&a.aksi),
                        rencana: crate::domain::round::Rencana {
                            what: one(&a.rencana.what),
                            ..a.rencana.clone()
                        },
                        catatan: one(&a.catatan),
                    };
                    format!(
                        "isu: {} | implikasi: {} | aksi: {} | rencana: {} ({}, {}) | catatan: {}",
                        a.isu,
                        a.implikasi,
                        a.aksi,
                        a.rencana.what,
                        a.rencana.who,
                        a.rencana
                            .by
                            .map_or_else(|| "-".to_string(), |d| d.to_string()),
                        a.catatan
                    )
                };
                e.old = old.as_ref().map(shown);
                e.new = new.as_ref().map(shown);
                e
            }
            Done::Evidence {
                iku,
                month,
                old,
                new,
            } => {
                let what = format!("lampiran {} {year}-{month:02}", iku.code);
                let mut e = self.entry(who, source, year, &iku.unit, what);
                let shown = |l: &[crate::domain::round::EvidenceRef]| {
                    l.iter()
                        .map(|f| format!("{} ({} B, sha256 {})", f.name, f.size, f.sha256))
                        .collect::<Vec<_>>()
                        .join("; ")
                };
                e.old = Some(shown(old)).filter(|s| !s.is_empty());
                e.new = Some(shown(new)).filter(|s| !s.is_empty());
                e
            }
            Done::IkuAdded(new) => {
                let what = format!("add IKU {}", new.code);
                let mut e = self.entry(who, source, year, &new.unit, what);
                e.new = Some(iku_summary(new));
                e
            }
            Done::IkuReplaced { old, new } => {
                let what = format!("edit IKU {}", new.code);
                let mut e = self.entry(who, source, year, &new.unit, what);
                e.old = Some(iku_summary(old));
                e.new = Some(format!(
                    "{}; fields: {}",
                    iku_summary(new),
                    changed_fields(old, new).join(", ")
                ));
                e
            }
            Done::IkuRemoved(old) => {
                let what = format!("remove IKU {}", old.code);
                let mut e = self.entry(who, source, year, &old.unit, what);
                e.old = Some(iku_summary(old));
                e
            }
            Done::Addendum(a) => {
                let what = format!("addendum v{}", a.version);
                let mut e = self.entry(who, source, year, &a.unit, what);
                e.new = Some(addendum_summary(a));
                e
            }
            Done::Rulebook { old, new } => {
                let mut e = self.entry(who, source, year, "", format!("rulebook {year}"));
                e.old = Some(old.clone());
                e.new = Some(new.clone());
                e
            }
        }
    }

    /// The latest stored PK version of a unit (0 without addenda).
    fn last_addendum_version(&self, year: i32, unit: &str) -> Result<u32, StoreError> {
        let prefix = keys::unit_prefix(year, unit);
        match self.trees.addenda.scan_prefix(&prefix).keys().next_back() {
            Some(k) => {
                let k = k?;
                let v: [u8; 4] = k[prefix.len()..]
                    .try_into()
                    .map_err(|_| StoreError::Corrupt {
                        key: keys::display("addenda", &k),
                        reason: t::P_BAD_KEY.s().into(),
                    })?;
                Ok(u32::from_be_bytes(v))
            }
            None => Ok(0),
        }
    }

    /// Writes the records and the audit entries in one transaction, then flushes.
    fn commit(
        &self,
        writes: &Writes,
        audit: Vec<AuditEntry>,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let written = self.commit_unflushed(writes, audit, true)?;
        self.flush()?;
        Ok(written)
    }

    /// [`Store::commit`] without the flush (durable with the next flush), marking the units it
    /// writes dirty unless `mark` is false (the snapshot written before already holds them).
    fn commit_unflushed(
        &self,
        writes: &Writes,
        audit: Vec<AuditEntry>,
        mark: bool,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let tr = &self.trees;
        let marks = match mark {
            true => dirty_marks(writes),
            false => BTreeSet::new(),
        };
        let all = (
            &tr.meta,
            &tr.years,
            &tr.units,
            &tr.ss,
            &tr.iku,
            &tr.addenda,
            &tr.audit,
            &tr.dirty,
            &tr.round,
        );
        let result = all.transaction(
            |(meta, years, units, ss, iku, addenda, audit_tree, dirty, round)| {
                let views: [&TransactionalTree; 8] =
                    [meta, years, units, ss, iku, addenda, audit_tree, round];
                debug_assert_eq!(TreeIx::from(TreeId::Audit).0, 6);
                debug_assert_eq!(ROUND_IX.0, 7);
                for ((tree, key), value) in writes {
                    match value {
                        Some(v) => views[tree.0].insert(key.as_slice(), v.as_slice())?,
                        None => views[tree.0].remove(key.as_slice())?,
                    };
                }
                for m in &marks {
                    dirty.insert(m.as_slice(), &[][..])?;
                }
                let abort = ConflictableTransactionError::Abort;
                let mut next: u64 = match meta.get(META_AUDIT_NEXT)? {
                    Some(v) => {
                        codec::decode(&keys::display("meta", META_AUDIT_NEXT), &v).map_err(abort)?
                    }
                    None => 1,
                };
                let mut written = Vec::with_capacity(audit.len());
                for e in &audit {
                    let e = AuditEntry {
                        seq: next,
                        ..e.clone()
                    };
                    audit_tree.insert(&keys::audit(next), codec::encode(&e).map_err(abort)?)?;
                    written.push(e);
                    next += 1;
                }
                meta.insert(META_AUDIT_NEXT, codec::encode(&next).map_err(abort)?)?;
                Ok(written)
            },
        );
        result.map_err(|e| match e {
            TransactionError::Abort(e) => e,
            TransactionError::Storage(e) => StoreError::from(e),
        })
    }
}

/// The codes a change writes must be valid keys.
fn check_codes(change: &Change) -> Result<(), StoreError> {
    match change {
        Change::PutIku(i) => {
            check_code(&i.unit)?;
            check_code(&i.code)?;
            check_code(&i.ss)
        }
        Change::PutAddendum(a) => check_code(&a.unit),
        Change::Addendum { addendum, added } => {
            check_code(&addendum.unit)?;
            for i in added {
                check_code(&i.unit)?;
                check_code(&i.code)?;
                check_code(&i.ss)?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

impl From<ChangeError> for StoreError {
    fn from(e: ChangeError) -> StoreError {
        match e {
            ChangeError::BadMonth { iku, month } => StoreError::Invalid(
                t::BAD_MONTH.fill(&[("month", &month), ("what", &iku_of(&iku))]),
            ),
            ChangeError::UnknownUnit(u) => StoreError::NotFound(unit_of(&u)),
            ChangeError::UnknownSs(ss) => StoreError::NotFound(t::SS.fill(&[("code", &ss)])),
            ChangeError::UnknownIku(k) => StoreError::NotFound(iku_of(&k)),
            ChangeError::Refused(r) => StoreError::Invalid(
                crate::text::reason::render(&r)
                    .trim_end_matches('.')
                    .to_string(),
            ),
            ChangeError::AddendumVersion { unit, given, next } => {
                StoreError::Invalid(t::ADDENDUM_VERSION.fill(&[
                    ("unit", &unit),
                    ("given", &given),
                    ("next", &next),
                ]))
            }
        }
    }
}

/// The records a change set touches, as it leaves them so far: IKU loaded on first touch
/// (`None`: removed or absent), the addenda it records, the year's rulebook.
struct Work<'s> {
    store: &'s Store,
    year: i32,
    ikus: BTreeMap<CodeRef, Option<Iku>>,
    addenda: Vec<Addendum>,
    rulebook: String,
    /// The round records touched: as stored, and as the change set leaves them.
    rounds: BTreeMap<String, (UnitRound, UnitRound)>,
}

impl Work<'_> {
    fn slot(&mut self, r: &CodeRef) -> Result<&mut Option<Iku>, StoreError> {
        if !self.ikus.contains_key(r) {
            let key = keys::code(self.year, &r.unit, &r.code);
            let loaded = match self.store.trees.iku.get(&key)? {
                Some(v) => Some(codec::decode::<Iku>(&keys::display("iku", &key), &v)?),
                None => None,
            };
            self.ikus.insert(r.clone(), loaded);
        }
        Ok(self.ikus.get_mut(r).expect("inserted above"))
    }
}

impl Records for Work<'_> {
    type Error = StoreError;
    fn has_unit(&self, unit: &str) -> Result<bool, StoreError> {
        let key = keys::unit(self.year, unit);
        Ok(self.store.trees.units.contains_key(key)?)
    }
    fn has_ss(&self, ss: &CodeRef) -> Result<bool, StoreError> {
        let key = keys::code(self.year, &ss.unit, &ss.code);
        Ok(self.store.trees.ss.contains_key(key)?)
    }
    fn iku(&mut self, key: &CodeRef) -> Result<Option<&mut Iku>, StoreError> {
        Ok(self.slot(key)?.as_mut())
    }
    fn put_iku(&mut self, iku: Iku) -> Result<Option<Iku>, StoreError> {
        let key = iku.key();
        Ok(self.slot(&key)?.replace(iku))
    }
    fn remove_iku(&mut self, key: &CodeRef) -> Result<Option<Iku>, StoreError> {
        Ok(self.slot(key)?.take())
    }
    fn last_version(&self, unit: &str) -> Result<u32, StoreError> {
        let pending = self
            .addenda
            .iter()
            .filter(|p| p.unit == unit)
            .map(|p| p.version)
            .max();
        match pending {
            Some(v) => Ok(v),
            None => self.store.last_addendum_version(self.year, unit),
        }
    }
    fn push_addendum(&mut self, a: Addendum) {
        self.addenda.push(a);
    }
    fn rulebook(&mut self) -> &mut String {
        &mut self.rulebook
    }
    fn round(&mut self, unit: &str) -> Result<&mut UnitRound, StoreError> {
        if !self.rounds.contains_key(unit) {
            let r = self.store.load_unit_round(self.year, unit)?;
            self.rounds.insert(unit.to_string(), (r.clone(), r));
        }
        Ok(&mut self.rounds.get_mut(unit).expect("inserted above").1)
    }
    fn has_evidence(&self, sha256: &str) -> Result<bool, StoreError> {
        self.store.has_evidence(sha256)
    }
}
