//! `verify`: decode every record, check that each matches its key, and check the references
//! between records (parent units, the unit of an SS, the SS of an IKU, cascade sources, the year
//! of everything; a plan's unit, links, the IKU of its IS and its budget lines' links).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::{AuditEntry, META_AUDIT_NEXT, META_SCHEMA, Store, StoreError, TreeId, YearRecord};
use super::{codec, keys};
use crate::domain::{Addendum, CodeRef, Iku, Ss, Unit};
use crate::text::store as t;

/// One problem found by [`Store::verify`], by key (`iku/2025/KPKNL-PTK/1a-CP`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Problem {
    pub key: String,
    pub reason: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.key, self.reason)
    }
}

/// What verify collects of one year to check references.
#[derive(Default)]
struct YearView {
    units: BTreeMap<String, (String, Option<String>)>, // code → (key, parent)
    ss: BTreeSet<CodeRef>,
    ss_refs: Vec<(String, Ss)>,
    iku: BTreeSet<CodeRef>,
    iku_refs: Vec<(String, Iku)>,
    addenda: Vec<(String, Addendum)>,
}

impl Store {
    /// Decodes every record and checks every reference; an empty list means the store is sound.
    /// Only a failure to read the store at all is an `Err`.
    pub fn verify(&self) -> Result<Vec<Problem>, StoreError> {
        let mut problems = Vec::new();
        let mut years: BTreeMap<i32, YearView> = BTreeMap::new();
        let mut registered = BTreeSet::new();
        let mut audit_max = 0u64;
        let mut audit_next = None;

        for id in TreeId::ALL {
            for kv in self.trees.get(id).iter() {
                let (k, v) = kv?;
                let key = keys::display(id.name(), &k);
                let problem = |reason: String| Problem {
                    key: key.clone(),
                    reason,
                };
                let mismatch =
                    |found: String| problem(t::P_KEY_MISMATCH.fill(&[("found", &found)]));
                let parts = keys::split(&k);
                let r: Result<Option<Problem>, StoreError> = (|| {
                    Ok(match id {
                        TreeId::Meta if *k == *META_SCHEMA => {
                            codec::decode::<u16>(&key, &v)?;
                            None
                        }
                        TreeId::Meta if *k == *META_AUDIT_NEXT => {
                            audit_next = Some(codec::decode::<u64>(&key, &v)?);
                            None
                        }
                        // the store server's access list (`Store::set_meta_value`)
                        TreeId::Meta
                            if *k
                                == *[b"setting/", crate::server::access::META_KEY.as_bytes()]
                                    .concat() =>
                        {
                            codec::decode::<crate::server::access::AccessList>(&key, &v)?;
                            None
                        }
                        TreeId::Meta if *k == *super::round::META_EVIDENCE_BYTES => {
                            codec::decode::<u64>(&key, &v)?;
                            None
                        }
                        TreeId::Meta if *k == *super::backup::META_REPLACING => {
                            codec::decode::<super::backup::Replacing>(&key, &v)?;
                            None
                        }
                        TreeId::Meta => Some(problem(t::P_UNKNOWN_META.s().into())),
                        TreeId::Years => {
                            let rec: YearRecord = codec::decode(&key, &v)?;
                            if k.len() != 4 || keys::year_from(&k) != Some(rec.year) {
                                Some(mismatch(rec.year.to_string()))
                            } else {
                                registered.insert(rec.year);
                                None
                            }
                        }
                        TreeId::Units => {
                            let u: Unit = codec::decode(&key, &v)?;
                            match parts {
                                Some(p) if p.rest.is_none() && p.unit == u.code => {
                                    let yv = years.entry(p.year).or_default();
                                    yv.units.insert(u.code, (key.clone(), u.parent));
                                    None
                                }
                                _ => Some(mismatch(u.code)),
                            }
                        }
                        TreeId::Ss => {
                            let s: Ss = codec::decode(&key, &v)?;
                            let found = CodeRef::new(&s.unit, &s.code);
                            match parts {
                                Some(p)
                                    if p.unit == s.unit
                                        && p.rest.as_deref() == Some(s.code.as_bytes()) =>
                                {
                                    let yv = years.entry(p.year).or_default();
                                    yv.ss.insert(found);
                                    yv.ss_refs.push((key.clone(), s));
                                    None
                                }
                                _ => Some(mismatch(found.to_string())),
                            }
                        }
                        TreeId::Iku => {
                            let i: Iku = codec::decode(&key, &v)?;
                            let found = i.key();
                            match parts {
                                Some(p)
                                    if p.unit == i.unit
                                        && p.rest.as_deref() == Some(i.code.as_bytes()) =>
                                {
                                    // a value beyond the bounds (an older version wrote it)
                                    let out_of_bounds: Vec<String> =
                                        crate::domain::bounds::iku_violations(&i)
                                            .iter()
                                            .map(crate::text::reason::violation)
                                            .collect();
                                    let yv = years.entry(p.year).or_default();
                                    yv.iku.insert(found);
                                    yv.iku_refs.push((key.clone(), i));
                                    (!out_of_bounds.is_empty())
                                        .then(|| problem(out_of_bounds.join("; ")))
                                }
                                _ => Some(mismatch(found.to_string())),
                            }
                        }
                        TreeId::Addenda => {
                            let a: Addendum = codec::decode(&key, &v)?;
                            let expect = parts
                                .as_ref()
                                .map(|p| keys::addendum(p.year, &a.unit, a.version));
                            match parts {
                                Some(p) if expect.as_deref() == Some(&k[..]) => {
                                    years
                                        .entry(p.year)
                                        .or_default()
                                        .addenda
                                        .push((key.clone(), a));
                                    None
                                }
                                _ => Some(mismatch(format!("{} v{}", a.unit, a.version))),
                            }
                        }
                        TreeId::Audit => {
                            let e: AuditEntry = codec::decode(&key, &v)?;
                            audit_max = audit_max.max(e.seq);
                            if keys::audit_seq(&k) != Some(e.seq) {
                                Some(mismatch(format!("#{}", e.seq)))
                            } else {
                                None
                            }
                        }
                    })
                })();
                match r {
                    Ok(Some(p)) => problems.push(p),
                    Ok(None) => {}
                    Err(StoreError::Corrupt { key, reason }) => {
                        // The record is unreadable but its key still says what it is: count it
                        // as present so its dependants are not reported a second time.
                        if let Some(p) = keys::split(&k) {
                            let yv = years.entry(p.year).or_default();
                            let code = p.rest.map(|r| String::from_utf8_lossy(&r).into_owned());
                            match (id, code) {
                                (TreeId::Units, None) => {
                                    yv.units.insert(p.unit, (key.clone(), None));
                                }
                                (TreeId::Ss, Some(c)) => {
                                    yv.ss.insert(CodeRef::new(p.unit, c));
                                }
                                (TreeId::Iku, Some(c)) => {
                                    yv.iku.insert(CodeRef::new(p.unit, c));
                                }
                                _ => {}
                            }
                        }
                        problems.push(Problem { key, reason })
                    }
                    Err(other) => return Err(other),
                }
            }
        }

        if audit_max > 0 && audit_next.is_none_or(|n| n <= audit_max) {
            problems.push(Problem {
                key: keys::display("meta", META_AUDIT_NEXT),
                reason: t::P_KEY_MISMATCH.fill(&[("found", &format!("#{audit_max}"))]),
            });
        }

        for (year, yv) in &years {
            check_year(*year, yv, registered.contains(year), &mut problems);
        }
        // the plan records (`store::plan`): decoded, keyed, their references within the unit
        problems.extend(self.check_plans()?);
        // the round's records and the evidence bytes (`store::round`): every hash checked
        for (key, reason) in self.check_evidence()? {
            problems.push(Problem { key, reason });
        }
        // what the record checks gathered is not needed for the snapshots, which each hold a
        // whole year
        drop(years);
        for kv in self.trees.snapshots.iter() {
            let (k, _) = kv?;
            let Some(year) = keys::year_from(&k).filter(|_| k.len() == 4) else {
                self.trees.snapshots.remove(&k)?;
                continue;
            };
            if let Some(reason) = self.check_snapshot(year)? {
                problems.push(Problem {
                    key: format!("snapshots/{year}"),
                    reason,
                });
            }
        }
        // a summary is written with its snapshot and is of no use without it
        for kv in self.trees.summaries.iter() {
            let (k, _) = kv?;
            if !self.trees.snapshots.contains_key(&k)? {
                self.trees.summaries.remove(&k)?;
            }
        }
        Ok(problems)
    }
}

fn check_year(year: i32, yv: &YearView, registered: bool, problems: &mut Vec<Problem>) {
    let mut push = |key: &str, reason: String| {
        problems.push(Problem {
            key: key.to_string(),
            reason,
        });
    };
    if !registered {
        push(
            &keys::display("years", &keys::year(year)),
            t::P_MISSING_YEAR.fill(&[("year", &year)]),
        );
    }
    for (code, (key, parent)) in &yv.units {
        if let Some(p) = parent {
            if !yv.units.contains_key(p) {
                push(key, t::P_MISSING_PARENT.fill(&[("unit", p)]));
                continue;
            }
            // walk up; a cycle never reaches a root
            let mut seen = BTreeSet::from([code.as_str()]);
            let mut cur = Some(p.as_str());
            while let Some(c) = cur {
                if !seen.insert(c) {
                    push(key, t::P_PARENT_CYCLE.s().into());
                    break;
                }
                cur = yv.units.get(c).and_then(|(_, p)| p.as_deref());
            }
        }
    }
    for (key, s) in &yv.ss_refs {
        if !yv.units.contains_key(&s.unit) {
            push(key, t::P_MISSING_UNIT.fill(&[("unit", &s.unit)]));
        }
        if let Some(from) = &s.cascaded_from
            && !yv.ss.contains(from)
        {
            push(key, t::P_MISSING_CASCADE.fill(&[("from", from)]));
        }
    }
    for (key, i) in &yv.iku_refs {
        if !yv.units.contains_key(&i.unit) {
            push(key, t::P_MISSING_UNIT.fill(&[("unit", &i.unit)]));
        }
        let ss = CodeRef::new(&i.unit, &i.ss);
        if !yv.ss.contains(&ss) {
            push(key, t::P_MISSING_SS.fill(&[("ss", &ss)]));
        }
        if let Some(c) = &i.cascade
            && !yv.iku.contains(&c.from)
        {
            push(key, t::P_MISSING_CASCADE.fill(&[("from", &c.from)]));
        }
    }
    for (key, a) in &yv.addenda {
        if !yv.units.contains_key(&a.unit) {
            push(key, t::P_MISSING_UNIT.fill(&[("unit", &a.unit)]));
        }
    }
}
