//! The rest of the PK (DOMAIN.md §12) in the store: one record per (year, unit) in the `plan`
//! tree, a [`UnitPlan`] in the versioned envelope whose own `schema` is
//! [`crate::domain::plan::PLAN_SCHEMA`]. The SS / IKU records are not touched: a build without
//! this tree ignores it. Every change is written with its audit entries in one transaction and
//! flushed before the call returns, like every other change. A change of the Peta Strategi links
//! (`PlanChange::LinkAddendum`, `SetLinks`) is checked against the unit's SS records after it
//! applies: a link with an end that is not an SS of the unit, or links that make a cycle,
//! refuse the whole call with the problems named (a link's direction is only `check`'s warning).

use chrono::Utc;
use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionError};

use super::{Actor, AuditEntry, META_AUDIT_NEXT, Problem, Store, StoreError, codec, keys};
use crate::domain::model::{CodeRef, Dataset, Iku, Perspective, Ss};
use crate::domain::plan::{
    PLAN_SCHEMA, PlanChange, PlanChangeError, PlanProblem, Plans, UnitPlan, check, check_links_by,
};
use crate::text::plan as t;

impl From<PlanChangeError> for StoreError {
    fn from(e: PlanChangeError) -> StoreError {
        match e {
            PlanChangeError::UnknownIs { unit, is } => {
                StoreError::NotFound(t::IS_OF.fill(&[("unit", &unit), ("code", &is)]))
            }
            PlanChangeError::UnknownLine { unit, line } => {
                StoreError::NotFound(t::LINE_OF.fill(&[("unit", &unit), ("code", &line)]))
            }
            PlanChangeError::BadMonth(m) => {
                StoreError::Invalid(t::BAD_MONTH.fill(&[("month", &m)]))
            }
            PlanChangeError::BadValue(v) => {
                StoreError::Invalid(t::BAD_VALUE.fill(&[("value", &v)]))
            }
            PlanChangeError::PaguChanged { unit, line } => {
                StoreError::Invalid(t::PAGU_BY_REVISION.fill(&[("unit", &unit), ("code", &line)]))
            }
            PlanChangeError::LinkAbsent { unit, link } => {
                StoreError::Invalid(t::LINK_ABSENT.fill(&[
                    ("unit", &unit),
                    ("from", &link.from),
                    ("to", &link.to),
                ]))
            }
            PlanChangeError::LinkPresent { unit, link } => {
                StoreError::Invalid(t::LINK_PRESENT.fill(&[
                    ("unit", &unit),
                    ("from", &link.from),
                    ("to", &link.to),
                ]))
            }
            PlanChangeError::BadReason(why) if why.is_empty() => {
                StoreError::Invalid(t::LINK_NO_REASON.s().to_string())
            }
            PlanChangeError::BadReason(why) => {
                StoreError::Invalid(t::LINK_BAD_REASON.fill(&[("why", &why)]))
            }
            PlanChangeError::NoLinkChange { unit } => {
                StoreError::Invalid(t::LINK_NO_CHANGE.fill(&[("unit", &unit)]))
            }
            PlanChangeError::Links(problems) => StoreError::Invalid(
                problems
                    .iter()
                    .map(t::problem)
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        }
    }
}

fn decode_plan(key: &[u8], bytes: &[u8]) -> Result<UnitPlan, StoreError> {
    let shown = keys::display("plan", key);
    let p: UnitPlan = codec::decode(&shown, bytes)?;
    if p.schema != PLAN_SCHEMA {
        return Err(StoreError::Corrupt {
            key: shown,
            reason: format!(
                "plan schema {}, this build reads plan schema {PLAN_SCHEMA}",
                p.schema
            ),
        });
    }
    Ok(p)
}

/// Records of one tree under a prefix that decode; the others are skipped (verify and salvage
/// report them on their own).
fn readable<T: codec::Record>(tree: &sled::Tree, prefix: &[u8]) -> Vec<T> {
    tree.scan_prefix(prefix)
        .filter_map(|kv| kv.ok())
        .filter_map(|(k, v)| codec::decode(&keys::display("plan", &k), &v).ok())
        .collect()
}

impl Store {
    /// The SS and IKU of one unit that can be read, as a dataset of that unit alone: what a
    /// plan's references are checked against (`plan::check` looks them up by code).
    fn unit_frame(&self, year: i32, unit: &str) -> Dataset {
        let prefix = keys::unit_prefix(year, unit);
        let ss: Vec<Ss> = readable(&self.trees.ss, &prefix);
        let iku: Vec<Iku> = readable(&self.trees.iku, &prefix);
        Dataset::from_parts(year, "", Vec::new(), ss, iku, Vec::new())
    }

    /// `verify` of the plan records: each decodes (in this build's plan schema), matches its
    /// key, belongs to a unit of its year, and passes `plan::check` against the unit's SS and
    /// IKU (a link's direction is only a warning and not reported).
    pub(super) fn check_plans(&self) -> Result<Vec<Problem>, StoreError> {
        let mut out = Vec::new();
        for kv in self.trees.plan.iter() {
            let (k, v) = kv?;
            let key = keys::display("plan", &k);
            let p = match decode_plan(&k, &v) {
                Ok(p) => p,
                Err(StoreError::Corrupt { key, reason }) => {
                    out.push(Problem { key, reason });
                    continue;
                }
                Err(e) => return Err(e),
            };
            let Some(year) = keys::year_from(&k).filter(|y| keys::unit(*y, &p.unit) == *k) else {
                out.push(Problem {
                    key,
                    reason: crate::text::store::P_KEY_MISMATCH.fill(&[("found", &p.unit)]),
                });
                continue;
            };
            if !self.trees.units.contains_key(keys::unit(year, &p.unit))? {
                out.push(Problem {
                    key,
                    reason: crate::text::store::P_MISSING_UNIT.fill(&[("unit", &p.unit)]),
                });
                continue;
            }
            let frame = self.unit_frame(year, &p.unit);
            for problem in check(&frame, &p).iter().filter(|x| x.is_error()) {
                out.push(Problem {
                    key: key.clone(),
                    reason: t::problem(problem),
                });
            }
        }
        Ok(out)
    }

    /// What `export --salvage` keeps of the plans of `year` beside the salvaged dataset `ds`:
    /// every plan record that decodes and matches its key (the others are `unreadable`), of a
    /// unit `ds` holds; a link to an SS, an IKU an IS serves, or a budget line's link that `ds`
    /// does not hold is left out with a note in `dropped`, and a plan that still fails
    /// `plan::check` is left out whole, so that what is returned imports again.
    pub(super) fn salvage_plans(
        &self,
        year: i32,
        ds: &Dataset,
        unreadable: &mut Vec<Problem>,
        dropped: &mut Vec<Problem>,
    ) -> Result<Plans, StoreError> {
        use crate::text::store as ts;
        let mut plans = Plans::new();
        for kv in self.trees.plan.scan_prefix(keys::year(year)) {
            let (k, v) = kv?;
            let key = keys::display("plan", &k);
            let mut p = match decode_plan(&k, &v) {
                Ok(p) if keys::unit(year, &p.unit) == *k => p,
                Ok(p) => {
                    unreadable.push(Problem {
                        key,
                        reason: ts::P_KEY_MISMATCH.fill(&[("found", &p.unit)]),
                    });
                    continue;
                }
                Err(StoreError::Corrupt { key, reason }) => {
                    unreadable.push(Problem { key, reason });
                    continue;
                }
                Err(e) => return Err(e),
            };
            if !ds.units.contains_key(&p.unit) {
                dropped.push(Problem {
                    key,
                    reason: ts::S_DROPPED_NO_UNIT.fill(&[("unit", &p.unit)]),
                });
                continue;
            }
            let unit = p.unit.clone();
            let has_ss = |c: &str| ds.ss.contains_key(&CodeRef::new(&unit, c));
            p.links.retain(|l| {
                let missing = [&l.from, &l.to].into_iter().find(|c| !has_ss(c));
                if let Some(ss) = missing {
                    dropped.push(Problem {
                        key: key.clone(),
                        reason: ts::S_LINK_DROPPED.fill(&[
                            ("from", &l.from),
                            ("to", &l.to),
                            ("ss", ss),
                        ]),
                    });
                }
                missing.is_none()
            });
            for is in &mut p.inisiatif {
                let code = is.code.clone();
                is.iku.retain(|i| {
                    let keep = ds.iku.contains_key(&CodeRef::new(&unit, i));
                    if !keep {
                        dropped.push(Problem {
                            key: key.clone(),
                            reason: ts::S_IS_IKU_DROPPED.fill(&[("is", &code), ("iku", i)]),
                        });
                    }
                    keep
                });
            }
            let is_codes: Vec<String> = p.inisiatif.iter().map(|i| i.code.clone()).collect();
            for line in &mut p.anggaran {
                if let Some(link) = line.link.clone()
                    && !has_ss(&link)
                    && !is_codes.contains(&link)
                {
                    dropped.push(Problem {
                        key: key.clone(),
                        reason: ts::S_LINE_LINK_DROPPED
                            .fill(&[("line", &line.code), ("link", &link)]),
                    });
                    line.link = None;
                }
            }
            let errors: Vec<String> = check(ds, &p)
                .iter()
                .filter(|x| x.is_error())
                .map(t::problem)
                .collect();
            if !errors.is_empty() {
                dropped.push(Problem {
                    key,
                    reason: ts::S_PLAN_DROPPED
                        .fill(&[("unit", &unit), ("why", &errors.join("; "))]),
                });
                continue;
            }
            p.normalise();
            plans.insert(unit, p);
        }
        Ok(plans)
    }

    /// The plans of a year, by unit (units without one are absent).
    pub fn load_plans(&self, year: i32) -> Result<Plans, StoreError> {
        let mut out = Plans::new();
        for kv in self.trees.plan.scan_prefix(keys::year(year)) {
            let (k, v) = kv?;
            let p = decode_plan(&k, &v)?;
            out.insert(p.unit.clone(), p);
        }
        Ok(out)
    }

    /// The perspective of each SS of a unit, by code (what a link change is checked against).
    fn unit_perspectives(
        &self,
        year: i32,
        unit: &str,
    ) -> Result<std::collections::BTreeMap<String, Perspective>, StoreError> {
        let ss: Vec<Ss> = self.scan(super::TreeId::Ss, &keys::unit_prefix(year, unit))?;
        Ok(ss.into_iter().map(|s| (s.code, s.perspective)).collect())
    }

    /// The plans of these units of a year (units without one are absent): the first frame of
    /// a partial start reads only these, the rest comes with the whole year.
    pub fn load_plans_of(
        &self,
        year: i32,
        units: &std::collections::BTreeSet<String>,
    ) -> Result<Plans, StoreError> {
        let mut out = Plans::new();
        for unit in units {
            let k = keys::unit(year, unit);
            if let Some(v) = self.trees.plan.get(&k)? {
                let p = decode_plan(&k, &v)?;
                out.insert(p.unit.clone(), p);
            }
        }
        Ok(out)
    }

    fn load_plan(&self, year: i32, unit: &str) -> Result<UnitPlan, StoreError> {
        let k = keys::unit(year, unit);
        match self.trees.plan.get(&k)? {
            Some(v) => decode_plan(&k, &v),
            None => Ok(UnitPlan::new(unit)),
        }
    }

    /// Applies plan changes atomically (all or none), audited and flushed.
    pub fn apply_plan(
        &self,
        year: i32,
        changes: &[PlanChange],
        who: &Actor,
        source: &str,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let _guard = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        if self.year_record(year)?.is_none() {
            return Err(StoreError::NotFound(year.to_string()));
        }
        let mut work: std::collections::BTreeMap<String, UnitPlan> = Default::default();
        let mut audit = Vec::new();
        for c in changes {
            let unit = c.unit().to_string();
            if !self.trees.units.contains_key(keys::unit(year, &unit))? {
                return Err(StoreError::NotFound(unit));
            }
            if !work.contains_key(&unit) {
                let p = self.load_plan(year, &unit)?;
                work.insert(unit.clone(), p);
            }
            let Some(plan) = work.get_mut(&unit) else {
                continue;
            };
            let (what, old, new) = c.describe(plan);
            c.apply(plan)?;
            if c.touches_links() {
                let ss = self.unit_perspectives(year, &unit)?;
                let errors: Vec<PlanProblem> =
                    check_links_by(&|code| ss.get(code).copied(), &unit, &plan.links)
                        .into_iter()
                        .filter(PlanProblem::is_error)
                        .collect();
                if !errors.is_empty() {
                    return Err(PlanChangeError::Links(errors).into());
                }
            }
            audit.push(self.plan_entry(who, source, year, &unit, what, old, new));
        }
        let writes: Vec<(Vec<u8>, Vec<u8>)> = work
            .values()
            .map(|p| Ok((keys::unit(year, &p.unit), codec::encode(p)?)))
            .collect::<Result<_, StoreError>>()?;
        self.commit_plan(&writes, &[], audit)
    }

    /// Writes the plans of a year (an import): with `replace`, every plan of the year not in
    /// `plans` is removed. One audit entry per unit written.
    pub fn import_plans(
        &self,
        year: i32,
        plans: &Plans,
        replace: bool,
        who: &Actor,
        source: &str,
    ) -> Result<(), StoreError> {
        let _guard = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        let mut removes = Vec::new();
        if replace {
            for kv in self.trees.plan.scan_prefix(keys::year(year)) {
                let (k, _) = kv?;
                removes.push(k.to_vec());
            }
        }
        let mut writes = Vec::new();
        let mut audit = Vec::new();
        for p in plans.values() {
            let mut p = p.clone();
            p.schema = PLAN_SCHEMA;
            p.normalise();
            writes.push((keys::unit(year, &p.unit), codec::encode(&p)?));
            let what = format!(
                "import plan {} ({} link, {} inisiatif, {} anggaran)",
                p.unit,
                p.links.len(),
                p.inisiatif.len(),
                p.anggaran.len()
            );
            audit.push(self.plan_entry(who, source, year, &p.unit, what, None, None));
        }
        if writes.is_empty() && removes.is_empty() {
            return Ok(());
        }
        self.commit_plan(&writes, &removes, audit).map(|_| ())
    }

    #[allow(clippy::too_many_arguments)]
    fn plan_entry(
        &self,
        who: &Actor,
        source: &str,
        year: i32,
        unit: &str,
        what: String,
        old: Option<String>,
        new: Option<String>,
    ) -> AuditEntry {
        AuditEntry {
            seq: 0,
            at: Utc::now(),
            user: who.user.clone(),
            year,
            unit: unit.to_string(),
            what,
            old,
            new,
            source: source.to_string(),
        }
    }

    fn commit_plan(
        &self,
        writes: &[(Vec<u8>, Vec<u8>)],
        removes: &[Vec<u8>],
        audit: Vec<AuditEntry>,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let tr = &self.trees;
        let result = (&tr.meta, &tr.plan, &tr.audit).transaction(|(meta, plan, audit_tree)| {
            for k in removes {
                plan.remove(k.as_slice())?;
            }
            for (k, v) in writes {
                plan.insert(k.as_slice(), v.as_slice())?;
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
        });
        let written = result.map_err(|e| match e {
            TransactionError::Abort(e) => e,
            TransactionError::Storage(e) => StoreError::from(e),
        })?;
        self.flush()?;
        Ok(written)
    }
}
