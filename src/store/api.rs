//! The store API the CLI and the TUI call: the same for a store opened in this process
//! ([`Store`]) and for one served by `kinerja serve` (`server::Client`), so that neither knows
//! whether a server is in between.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::Local;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{
    Actor, AuditEntry, AuditFilter, Change, Problem, Salvage, Store, StoreError, YearSummary,
};
use crate::domain::plan::{PlanChange, Plans};
use crate::domain::{CodeRef, Dataset};
use crate::text::Lang;

/// A cell's realisasi as the author of a change last saw it: the change is refused
/// ([`StoreError::Stale`]) when the stored value is no longer this.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seen {
    pub iku: CodeRef,
    pub month: u8,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub value: Option<Decimal>,
}

/// The operations on a store. `who` is the author a store in this process records; a served
/// store records the OS user the server learns from the socket instead (never what a client
/// says).
pub trait StoreApi: Sync {
    fn path(&self) -> &Path;
    fn is_empty(&self) -> Result<bool, StoreError>;
    fn years(&self) -> Result<Vec<i32>, StoreError>;
    /// The year, from its snapshot where it can be used.
    fn load_year(&self, year: i32) -> Result<Dataset, StoreError>;
    /// The year, writing its snapshot afresh when a unit changed since it was written.
    fn load_year_fresh(&self, year: i32) -> Result<Dataset, StoreError>;
    /// The year from its records alone (what a backup reads).
    fn load_year_from_records(&self, year: i32) -> Result<Dataset, StoreError>;
    fn year_summary(&self, year: i32) -> Result<Option<YearSummary>, StoreError>;
    /// A partial dataset of `units` (see [`Store::load_partial`]); a served store may answer
    /// with the whole year when its summary no longer describes the records.
    fn load_partial(
        &self,
        year: i32,
        summary: YearSummary,
        units: &BTreeSet<String>,
    ) -> Result<Dataset, StoreError>;
    /// Applies a change set atomically, audited and flushed before it returns.
    fn apply(
        &self,
        year: i32,
        changes: &[Change],
        who: &Actor,
        source: &str,
    ) -> Result<Vec<AuditEntry>, StoreError>;
    /// [`StoreApi::apply`], refused with [`StoreError::Stale`] when a cell of `seen` no
    /// longer holds what its author saw.
    fn apply_seen(
        &self,
        year: i32,
        changes: &[Change],
        seen: &[Seen],
        who: &Actor,
        source: &str,
    ) -> Result<Vec<AuditEntry>, StoreError>;
    fn import_dataset(
        &self,
        ds: &Dataset,
        replace: bool,
        who: &Actor,
        source: &str,
    ) -> Result<(), StoreError>;
    fn audit_log(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>, StoreError>;
    fn verify(&self) -> Result<Vec<Problem>, StoreError>;
    fn salvage_years(&self) -> Result<Vec<i32>, StoreError>;
    fn salvage_year(&self, year: i32) -> Result<Salvage, StoreError>;
    fn refresh_snapshot(&self, year: i32) -> Result<bool, StoreError>;
    fn flush(&self) -> Result<(), StoreError>;
    /// The record of a process that died holding this store, cleared when it was opened.
    fn stale_lock_cleared(&self) -> Option<super::LockHolder> {
        None
    }
    /// Backup files written before a schema migration when the store was opened.
    fn migration_backups(&self) -> Vec<std::path::PathBuf> {
        Vec::new()
    }
    /// Tells a store server what the user looks at now (`kinerja who`); nothing otherwise.
    fn looking(&self, _what: &str) {}
    /// The rest of the PK of a year (Peta Strategi links, Inisiatif Strategis, Rincian
    /// Anggaran), by unit.
    fn load_plans(&self, year: i32) -> Result<Plans, StoreError>;
    /// The plans of these units only (what the first frame of a partial start shows).
    fn load_plans_of(
        &self,
        year: i32,
        units: &std::collections::BTreeSet<String>,
    ) -> Result<Plans, StoreError>;
    /// Applies plan changes atomically, audited and flushed before it returns.
    fn apply_plan(
        &self,
        year: i32,
        changes: &[PlanChange],
        who: &Actor,
        source: &str,
    ) -> Result<Vec<AuditEntry>, StoreError>;
    /// Writes the plans of a year (an import); `replace` removes the year's other plans.
    fn import_plans(
        &self,
        year: i32,
        plans: &Plans,
        replace: bool,
        who: &Actor,
        source: &str,
    ) -> Result<(), StoreError>;
    /// Keeps the bytes of an evidence file (content-addressed, once), within the limits of the
    /// year's rulebook (a served store: for an operator of `unit`); attaching it is then a [`Change::AddEvidence`].
    fn put_evidence(
        &self,
        year: i32,
        unit: &str,
        bytes: &[u8],
    ) -> Result<super::PutEvidence, StoreError>;
    /// The bytes of the evidence with this SHA-256, checked against it (`None`: not held).
    fn get_evidence(&self, sha256: &str) -> Result<Option<Vec<u8>>, StoreError>;
    /// Writes a backup set of every year now (see [`super::backup`]).
    fn backup(&self, reason: &str) -> Result<super::BackupSet, StoreError>;
}

/// A boxed store is a store (what `cli::Context::open_store` gives), so that `&store` works
/// wherever a `&dyn StoreApi` is asked for.
impl<T: StoreApi + ?Sized> StoreApi for Box<T> {
    fn path(&self) -> &Path {
        (**self).path()
    }
    fn is_empty(&self) -> Result<bool, StoreError> {
        (**self).is_empty()
    }
    fn years(&self) -> Result<Vec<i32>, StoreError> {
        (**self).years()
    }
    fn load_year(&self, year: i32) -> Result<Dataset, StoreError> {
        (**self).load_year(year)
    }
    fn load_year_fresh(&self, year: i32) -> Result<Dataset, StoreError> {
        (**self).load_year_fresh(year)
    }
    fn load_year_from_records(&self, year: i32) -> Result<Dataset, StoreError> {
        (**self).load_year_from_records(year)
    }
    fn year_summary(&self, year: i32) -> Result<Option<YearSummary>, StoreError> {
        (**self).year_summary(year)
    }
    fn load_partial(
        &self,
        year: i32,
        summary: YearSummary,
        units: &BTreeSet<String>,
    ) -> Result<Dataset, StoreError> {
        (**self).load_partial(year, summary, units)
    }
    fn apply(
        &self,
        year: i32,
        changes: &[Change],
        who: &Actor,
        source: &str,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        (**self).apply(year, changes, who, source)
    }
    fn apply_seen(
        &self,
        year: i32,
        changes: &[Change],
        seen: &[Seen],
        who: &Actor,
        source: &str,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        (**self).apply_seen(year, changes, seen, who, source)
    }
    fn import_dataset(
        &self,
        ds: &Dataset,
        replace: bool,
        who: &Actor,
        source: &str,
    ) -> Result<(), StoreError> {
        (**self).import_dataset(ds, replace, who, source)
    }
    fn audit_log(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>, StoreError> {
        (**self).audit_log(filter)
    }
    fn verify(&self) -> Result<Vec<Problem>, StoreError> {
        (**self).verify()
    }
    fn salvage_years(&self) -> Result<Vec<i32>, StoreError> {
        (**self).salvage_years()
    }
    fn salvage_year(&self, year: i32) -> Result<Salvage, StoreError> {
        (**self).salvage_year(year)
    }
    fn refresh_snapshot(&self, year: i32) -> Result<bool, StoreError> {
        (**self).refresh_snapshot(year)
    }
    fn flush(&self) -> Result<(), StoreError> {
        (**self).flush()
    }
    fn stale_lock_cleared(&self) -> Option<super::LockHolder> {
        (**self).stale_lock_cleared()
    }
    fn migration_backups(&self) -> Vec<std::path::PathBuf> {
        (**self).migration_backups()
    }
    fn looking(&self, what: &str) {
        (**self).looking(what)
    }
    fn load_plans(&self, year: i32) -> Result<Plans, StoreError> {
        (**self).load_plans(year)
    }
    fn load_plans_of(
        &self,
        year: i32,
        units: &std::collections::BTreeSet<String>,
    ) -> Result<Plans, StoreError> {
        (**self).load_plans_of(year, units)
    }
    fn apply_plan(
        &self,
        year: i32,
        changes: &[PlanChange],
        who: &Actor,
        source: &str,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        (**self).apply_plan(year, changes, who, source)
    }
    fn import_plans(
        &self,
        year: i32,
        plans: &Plans,
        replace: bool,
        who: &Actor,
        source: &str,
    ) -> Result<(), StoreError> {
        (**self).import_plans(year, plans, replace, who, source)
    }
    fn put_evidence(
        &self,
        year: i32,
        unit: &str,
        bytes: &[u8],
    ) -> Result<super::PutEvidence, StoreError> {
        (**self).put_evidence(year, unit, bytes)
    }
    fn get_evidence(&self, sha256: &str) -> Result<Option<Vec<u8>>, StoreError> {
        (**self).get_evidence(sha256)
    }
    fn backup(&self, reason: &str) -> Result<super::BackupSet, StoreError> {
        (**self).backup(reason)
    }
}

impl StoreApi for Store {
    fn path(&self) -> &Path {
        Store::path(self)
    }
    fn is_empty(&self) -> Result<bool, StoreError> {
        Store::is_empty(self)
    }
    fn years(&self) -> Result<Vec<i32>, StoreError> {
        Store::years(self)
    }
    fn load_year(&self, year: i32) -> Result<Dataset, StoreError> {
        Store::load_year(self, year)
    }
    fn load_year_fresh(&self, year: i32) -> Result<Dataset, StoreError> {
        Store::load_year_fresh(self, year)
    }
    fn load_year_from_records(&self, year: i32) -> Result<Dataset, StoreError> {
        Store::load_year_from_records(self, year)
    }
    fn year_summary(&self, year: i32) -> Result<Option<YearSummary>, StoreError> {
        Store::year_summary(self, year)
    }
    fn load_partial(
        &self,
        year: i32,
        summary: YearSummary,
        units: &BTreeSet<String>,
    ) -> Result<Dataset, StoreError> {
        Store::load_partial(self, year, summary, units)
    }
    fn apply(
        &self,
        year: i32,
        changes: &[Change],
        who: &Actor,
        source: &str,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        Store::apply(self, year, changes, who, source)
    }
    fn apply_seen(
        &self,
        year: i32,
        changes: &[Change],
        seen: &[Seen],
        who: &Actor,
        source: &str,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        for cell in seen {
            self.check_seen(year, cell)?;
        }
        Store::apply(self, year, changes, who, source)
    }
    fn import_dataset(
        &self,
        ds: &Dataset,
        replace: bool,
        who: &Actor,
        source: &str,
    ) -> Result<(), StoreError> {
        Store::import_dataset(self, ds, replace, who, source)
    }
    fn audit_log(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>, StoreError> {
        Store::audit_log(self, filter)
    }
    fn verify(&self) -> Result<Vec<Problem>, StoreError> {
        Store::verify(self)
    }
    fn salvage_years(&self) -> Result<Vec<i32>, StoreError> {
        Store::salvage_years(self)
    }
    fn salvage_year(&self, year: i32) -> Result<Salvage, StoreError> {
        Store::salvage_year(self, year)
    }
    fn refresh_snapshot(&self, year: i32) -> Result<bool, StoreError> {
        Store::refresh_snapshot(self, year)
    }
    fn flush(&self) -> Result<(), StoreError> {
        Store::flush(self)
    }
    fn stale_lock_cleared(&self) -> Option<super::LockHolder> {
        Store::stale_lock_cleared(self).cloned()
    }
    fn migration_backups(&self) -> Vec<std::path::PathBuf> {
        Store::migration_backups(self).to_vec()
    }
    fn load_plans(&self, year: i32) -> Result<Plans, StoreError> {
        Store::load_plans(self, year)
    }
    fn load_plans_of(
        &self,
        year: i32,
        units: &std::collections::BTreeSet<String>,
    ) -> Result<Plans, StoreError> {
        Store::load_plans_of(self, year, units)
    }
    fn apply_plan(
        &self,
        year: i32,
        changes: &[PlanChange],
        who: &Actor,
        source: &str,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        Store::apply_plan(self, year, changes, who, source)
    }
    fn import_plans(
        &self,
        year: i32,
        plans: &Plans,
        replace: bool,
        who: &Actor,
        source: &str,
    ) -> Result<(), StoreError> {
        Store::import_plans(self, year, plans, replace, who, source)
    }
    fn put_evidence(
        &self,
        year: i32,
        unit: &str,
        bytes: &[u8],
    ) -> Result<super::PutEvidence, StoreError> {
        Store::put_evidence(self, year, unit, bytes)
    }
    fn get_evidence(&self, sha256: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Store::get_evidence(self, sha256)
    }
    fn backup(&self, reason: &str) -> Result<super::BackupSet, StoreError> {
        Store::write_backup(self, reason)
    }
}

impl Store {
    /// [`StoreError::Stale`] when the stored realisasi of `cell` is not what it says, naming
    /// who changed it last, when, and the value now.
    pub fn check_seen(&self, year: i32, cell: &Seen) -> Result<(), StoreError> {
        // an IKU that is gone is refused by the change itself
        let Some(iku) = self.iku_record(year, &cell.iku)? else {
            return Ok(());
        };
        let now = iku
            .realisasi
            .get((cell.month as usize).wrapping_sub(1))
            .copied()
            .flatten();
        if now == cell.value {
            return Ok(());
        }
        let what = format!("realisasi {} {year}-{:02}", cell.iku.code, cell.month);
        let last = self
            .audit_log(&AuditFilter {
                unit: Some(cell.iku.unit.clone()),
                since: None,
                limit: None,
            })
            .ok()
            .and_then(|log| log.into_iter().find(|e| e.what == what));
        Err(StoreError::Stale {
            message: stale_sentence(&cell.iku, cell.month, now, last.as_ref()),
            iku: cell.iku.clone(),
            month: cell.month,
            value: now,
        })
    }
}

/// "Realisasi KPKNL-PONTIANAK 1b-CP Okt sudah diubah oleh alice pukul 10:32 menjadi 2,15; …"
pub fn stale_sentence(
    iku: &CodeRef,
    month: u8,
    now: Option<Decimal>,
    last: Option<&AuditEntry>,
) -> String {
    use crate::text::server as t;
    let locale = match crate::text::lang() {
        Lang::Id => crate::interchange::number::Locale::Id,
        Lang::En => crate::interchange::number::Locale::En,
    };
    let value = now.map_or_else(
        || "–".to_string(),
        |d| crate::interchange::number::format_exact(d, locale),
    );
    let month = crate::text::domain::month_name(month);
    match last {
        Some(e) => {
            let at = e.at.with_timezone(&Local).format("%H:%M").to_string();
            t::CONFLICT_BY.fill(&[
                ("unit", &iku.unit),
                ("iku", &iku.code),
                ("month", &month),
                ("user", &e.user),
                ("at", &at),
                ("value", &value),
            ])
        }
        None => t::CONFLICT.fill(&[
            ("unit", &iku.unit),
            ("iku", &iku.code),
            ("month", &month),
            ("value", &value),
        ]),
    }
}
