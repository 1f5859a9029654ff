//! PK addenda (`domain` §2 "PK version", §9 R10/R01): build one from a draft and validate it.
//!
//! [`prepare`] is pure: it takes the dataset as it is, a [`AddendumDraft`] (what the user asked
//! for), and returns the [`Addendum`] (PK version n+1, every change with its old and new value)
//! together with the dataset as it will be after it, or every problem found. The CLI
//! (`kinerja addendum`) and the TUI's target-edit mode both call it, then write the
//! addendum in one atomic store call as one [`Change::Addendum`] ([`change_of`] builds it), and
//! the TUI applies the same change to its dataset.
//!
//! What is refused:
//! - a target, or a value of an added IKU, beyond [`super::bounds`];
//! - an empty reason, a reason or an added IKU's text outside [`super::limits`], an unknown unit, a date outside the PK year or before the unit's previous addendum;
//! - a target the edit rule refuses ([`super::edit::target_change`]: unknown IKU, a month outside
//!   1..=12 or outside the IKU's reporting months, targets that roll up from children, a month
//!   that already has realisasi), a target of an IKU removed by the same draft, or the same month
//!   given twice with different values;
//! - an added IKU of another unit, with a code already in the unit (and not removed by the same
//!   draft), given twice, in an SS the unit does not have, or cascaded from an IKU that does not
//!   exist; removing an IKU other IKU are cascaded from;
//! - any finding of `rules::check_addendum` (R10 on removed IKU whose months already have
//!   realisasi, R01 on the result) whose severity in the rulebook is `error`;
//! - a draft that changes nothing.
//!
//! Targets set on an IKU added by the same draft are folded into that IKU; the addendum records
//! it as one `add_iku` change.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::change::{Change, Field};
use super::edit::{Refusal, target_change};
use super::model::{Addendum, AddendumChange, CodeRef, Dataset, Iku};
use super::rulebook::{Rulebook, Severity};
use super::rules::{Finding, check_addendum};
use crate::text::cli as t;
use crate::text::domain::{month_name, num};

/// What the user asks an addendum to do to one unit's PK.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddendumDraft {
    pub unit: String,
    pub reason: String,
    pub date: NaiveDate,
    /// (IKU code, month 1..=12, new target; `None` clears it).
    pub sets: Vec<(String, u8, Option<Decimal>)>,
    /// New IKU of the unit (their targets as given).
    pub add: Vec<Iku>,
    /// Codes of IKU to remove.
    pub remove: Vec<String>,
}

/// Why a draft cannot become an addendum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A rule the addendum would break (R10, R01), as `check` words it.
    Rule(Finding),
    /// A target the edit rule does not let change.
    Refused(Refusal),
    /// The draft itself is wrong; `iku` names the IKU concerned, when there is one.
    Invalid {
        iku: Option<String>,
        message: String,
    },
}

impl Problem {
    fn invalid(iku: Option<&str>, message: String) -> Problem {
        Problem::Invalid {
            iku: iku.map(str::to_string),
            message,
        }
    }
    /// The sentence for the user.
    pub fn message(&self) -> String {
        match self {
            Problem::Rule(f) => crate::text::reason::render(&f.reason),
            Problem::Refused(r) => crate::text::reason::render(&r.reason()),
            Problem::Invalid { message, .. } => message.clone(),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Rule(x) => write!(f, "{}: {}", x.id, crate::text::reason::render(&x.reason)),
            Problem::Refused(_) | Problem::Invalid { .. } => f.write_str(&self.message()),
        }
    }
}

fn show(v: Option<Decimal>) -> String {
    v.map_or_else(|| "–".to_string(), |d| num(d, 0, 28))
}

/// The default date of an addendum of the PK of `year` made on `today`: today, kept inside the
/// PK year (its last day when the year is over, its first before it began).
pub fn default_date(year: i32, today: NaiveDate) -> NaiveDate {
    let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(today);
    let last = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(today);
    today.clamp(first, last)
}

/// Why `date` cannot be the date of the next addendum of `unit`'s PK, if it cannot: it lies
/// outside the PK year, or before the unit's previous addendum.
pub fn date_problem(ds: &Dataset, unit: &str, date: NaiveDate) -> Option<String> {
    use chrono::Datelike;
    if date.year() != ds.year {
        return Some(t::ADD_DATE_YEAR.fill(&[("date", &date), ("year", &ds.year)]));
    }
    let prev = ds
        .addenda
        .iter()
        .filter(|a| a.unit == unit)
        .max_by_key(|a| a.version)?;
    (date < prev.date).then(|| {
        t::ADD_DATE_BEFORE.fill(&[
            ("date", &date),
            ("version", &prev.version),
            ("previous", &prev.date),
        ])
    })
}

/// Builds PK version `ds.pk_version(unit) + 1` from `draft` and the dataset after it, or lists
/// every problem (see the module documentation).
pub fn prepare(
    ds: &Dataset,
    rb: &Rulebook,
    draft: &AddendumDraft,
) -> Result<(Addendum, Dataset), Vec<Problem>> {
    let mut problems = Vec::new();
    let unit = draft.unit.as_str();
    if draft.reason.trim().is_empty() {
        problems.push(Problem::invalid(None, t::ADD_NO_REASON.s().to_string()));
    } else if let Err(why) = super::limits::check(super::limits::TextKind::Long, &draft.reason) {
        problems.push(Problem::invalid(
            None,
            t::ADD_BAD_REASON.fill(&[("why", &why.message())]),
        ));
    }
    if !ds.units.contains_key(unit) {
        problems.push(Problem::invalid(
            None,
            t::ADD_UNKNOWN_UNIT.fill(&[("unit", &unit), ("year", &ds.year)]),
        ));
        return Err(problems);
    }
    if let Some(why) = date_problem(ds, unit, draft.date) {
        problems.push(Problem::invalid(None, why));
    }

    let mut after = ds.clone();
    let mut changes: Vec<AddendumChange> = Vec::new();
    let structural = |iku: &str, field: Field| AddendumChange {
        iku: iku.to_string(),
        field,
        month: 0,
        old: None,
        new: None,
    };

    // Removals.
    let removed: BTreeSet<&str> = draft.remove.iter().map(String::as_str).collect();
    for &code in &removed {
        let key = CodeRef::new(unit, code);
        if !ds.iku.contains_key(&key) {
            problems.push(Problem::invalid(
                Some(code),
                t::ADD_UNKNOWN_IKU.fill(&[("iku", &code), ("unit", &unit)]),
            ));
            continue;
        }
        let children: Vec<String> = ds
            .cascaded_from(&key)
            .iter()
            .filter(|c| !(c.unit == unit && removed.contains(c.code.as_str())))
            .map(|c| c.to_string())
            .collect();
        if !children.is_empty() {
            problems.push(Problem::invalid(
                Some(code),
                t::ADD_REMOVE_SOURCE.fill(&[
                    ("iku", &code),
                    ("unit", &unit),
                    ("children", &children.join(", ")),
                ]),
            ));
        }
        after.iku.remove(&key);
        changes.push(structural(code, Field::RemoveIku));
    }

    // Additions.
    let mut added: BTreeMap<String, Iku> = BTreeMap::new();
    for iku in &draft.add {
        let code = iku.code.as_str();
        if iku.unit != unit {
            problems.push(Problem::invalid(
                Some(code),
                t::ADD_OTHER_UNIT.fill(&[("iku", &code), ("other", &iku.unit), ("unit", &unit)]),
            ));
            continue;
        }
        if let Err((field, why)) = super::limits::check_iku(iku) {
            problems.push(Problem::invalid(
                Some(code),
                t::ADD_BAD_TEXT.fill(&[
                    ("iku", &crate::safe::term::escape(code)),
                    ("field", &field),
                    ("why", &why.message()),
                ]),
            ));
            continue;
        }
        if added.contains_key(code) {
            problems.push(Problem::invalid(
                Some(code),
                t::ADD_TWICE.fill(&[("iku", &code)]),
            ));
            continue;
        }
        if ds.iku.contains_key(&iku.key()) && !removed.contains(code) {
            problems.push(Problem::invalid(
                Some(code),
                t::ADD_EXISTS.fill(&[("iku", &code), ("unit", &unit)]),
            ));
        }
        if !ds.ss.contains_key(&CodeRef::new(unit, &iku.ss)) {
            problems.push(Problem::invalid(
                Some(code),
                t::ADD_UNKNOWN_SS.fill(&[("iku", &code), ("ss", &iku.ss), ("unit", &unit)]),
            ));
        }
        if let Some(c) = &iku.cascade {
            let source_removed = c.from.unit == unit && removed.contains(c.from.code.as_str());
            if !ds.iku.contains_key(&c.from) || source_removed {
                problems.push(Problem::invalid(
                    Some(code),
                    t::ADD_UNKNOWN_SOURCE.fill(&[("iku", &code), ("source", &c.from)]),
                ));
            }
        }
        if let Some(v) = super::bounds::iku_violations(iku).first() {
            problems.push(Problem::invalid(
                Some(code),
                t::ADD_OUT_OF_BOUNDS
                    .fill(&[("iku", &code), ("why", &crate::text::reason::violation(v))]),
            ));
            continue;
        }
        added.insert(code.to_string(), iku.clone());
    }

    // Targets.
    let mut sets: BTreeMap<(String, u8), Option<Decimal>> = BTreeMap::new();
    for (code, month, value) in &draft.sets {
        let code_s = code.as_str();
        let key = CodeRef::new(unit, code_s);
        if let Some(v) = *value
            && let Err(e) = super::bounds::check(v)
        {
            problems.push(Problem::invalid(
                Some(code_s),
                t::ADD_OUT_OF_BOUNDS.fill(&[
                    ("iku", &code),
                    (
                        "why",
                        &format!("target {month}: {}", crate::text::reason::bound(v, e)),
                    ),
                ]),
            ));
            continue;
        }
        if let Some(iku) = added.get(code_s) {
            // a new IKU: only its own months count (nothing is reported against it yet)
            let refusal = if !(1..=12).contains(month) {
                Some(Refusal::BadMonth {
                    iku: key.clone(),
                    month: *month,
                })
            } else if value.is_some() && !iku.reporting_period.is_reporting_month(*month) {
                Some(Refusal::NotReportingMonth {
                    iku: key.clone(),
                    year: ds.year,
                    month: *month,
                    period: iku.reporting_period,
                })
            } else {
                None
            };
            if let Some(r) = refusal {
                problems.push(Problem::Refused(r));
                continue;
            }
        } else if removed.contains(code_s) && ds.iku.contains_key(&key) {
            problems.push(Problem::invalid(
                Some(code_s),
                t::ADD_REMOVED_IKU.fill(&[("iku", &code), ("unit", &unit)]),
            ));
            continue;
        } else if let Err(r) = target_change(ds, unit, code_s, *month, value.is_some()) {
            problems.push(Problem::Refused(r));
            continue;
        }
        match sets.get(&(code.clone(), *month)) {
            Some(prev) if prev != value => {
                problems.push(Problem::invalid(
                    Some(code_s),
                    t::ADD_SET_TWICE.fill(&[
                        ("iku", &code),
                        ("month", &month_name(*month)),
                        ("a", &show(*prev)),
                        ("b", &show(*value)),
                    ]),
                ));
            }
            _ => {
                sets.insert((code.clone(), *month), *value);
            }
        }
    }
    for ((code, month), value) in &sets {
        let i = (*month - 1) as usize;
        if let Some(a) = added.get_mut(code) {
            a.targets[i] = *value;
            continue;
        }
        let key = CodeRef::new(unit, code);
        let Some(iku) = after.iku.get_mut(&key) else {
            continue;
        };
        let old = iku.targets[i];
        if old == *value {
            continue;
        }
        iku.targets[i] = *value;
        changes.push(AddendumChange {
            iku: code.clone(),
            field: Field::Targets,
            month: *month,
            old,
            new: *value,
        });
    }
    for (code, iku) in added {
        after.iku.insert(iku.key(), iku);
        changes.push(structural(&code, Field::AddIku));
    }

    if changes.is_empty() && problems.is_empty() {
        problems.push(Problem::invalid(None, t::ADD_NOTHING.s().to_string()));
    }
    after.reindex();
    problems.extend(
        check_addendum(ds, &after, rb, unit)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .map(Problem::Rule),
    );
    if !problems.is_empty() {
        return Err(problems);
    }
    // Stable order: removals, additions, then targets by IKU and month.
    let rank = |c: &AddendumChange| match c.field {
        Field::RemoveIku => 0,
        Field::AddIku => 1,
        Field::Targets | Field::Realisasi => 2,
    };
    changes.sort_by(|a, b| (rank(a), &a.iku, a.month).cmp(&(rank(b), &b.iku, b.month)));
    let addendum = Addendum {
        unit: unit.to_string(),
        version: ds.pk_version(unit) + 1,
        date: draft.date,
        reason: draft.reason.trim().to_string(),
        changes,
    };
    after.addenda.push(addendum.clone());
    after
        .addenda
        .sort_by(|a, b| (&a.unit, a.version).cmp(&(&b.unit, b.version)));
    Ok((addendum, after))
}

/// The change that stores `addendum` as a whole, with the IKU it adds as they are in `after`
/// (the two returned together by [`prepare`]).
pub fn change_of(addendum: &Addendum, after: &Dataset) -> Change {
    let added = addendum
        .changes
        .iter()
        .filter(|c| c.field == Field::AddIku)
        .filter_map(|c| {
            after
                .iku
                .get(&CodeRef::new(&addendum.unit, &c.iku))
                .cloned()
        })
        .collect();
    Change::Addendum {
        addendum: addendum.clone(),
        added,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{
        Cascade, CascadeKind, CascadeMethod, Consolidation, Level, Perspective, Polarity,
        ReportingPeriod, Ss, Unit,
    };

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }
    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// A level-three unit U (limits 10–20) with IKU I0..I9 in SS S1, quarterly sums with
    /// targets 10/10/10/10; I0 has realisasi in March. Its parent P holds P-1, the source of
    /// U/I9.
    fn dataset() -> Dataset {
        let unit = |code: &str, level, parent: Option<&str>| Unit {
            code: code.into(),
            name: code.into(),
            level,
            parent: parent.map(Into::into),
            perspective_weights: Default::default(),
        };
        let ss = |u: &str| Ss {
            unit: u.into(),
            code: "S1".into(),
            perspective: Perspective::Stakeholder,
            name: "S1".into(),
            weight: None,
            cascaded_from: None,
        };
        let iku = |u: &str, code: &str| {
            let mut i = Iku::new(
                u,
                code,
                "S1",
                Polarity::Maximize,
                Consolidation::Sum,
                ReportingPeriod::Quarterly,
            );
            for m in [3, 6, 9, 12] {
                i.targets[m - 1] = Some(d("10"));
            }
            i
        };
        let mut ikus: Vec<Iku> = (0..10).map(|n| iku("U", &format!("I{n}"))).collect();
        ikus[0].realisasi[2] = Some(d("9"));
        ikus[9].cascade = Some(Cascade {
            from: CodeRef::new("P", "P-1"),
            method: CascadeMethod::Direct,
            kind: CascadeKind::Full,
        });
        ikus.push(iku("P", "P-1"));
        Dataset::from_parts(
            2025,
            "kmk-300-2022",
            [
                unit("P", Level::Two, None),
                unit("U", Level::Three, Some("P")),
            ],
            [ss("U"), ss("P")],
            ikus,
            Vec::new(),
        )
    }

    fn draft(unit: &str) -> AddendumDraft {
        AddendumDraft {
            unit: unit.into(),
            reason: "realisasi melampaui target".into(),
            date: date("2025-07-15"),
            sets: Vec::new(),
            add: Vec::new(),
            remove: Vec::new(),
        }
    }

    fn rb() -> Rulebook {
        Rulebook::default_rulebook()
    }

    fn rule_ids(p: &[Problem]) -> Vec<&'static str> {
        p.iter()
            .filter_map(|p| match p {
                Problem::Rule(f) => Some(f.id),
                Problem::Refused(_) | Problem::Invalid { .. } => None,
            })
            .collect()
    }

    #[test]
    fn a_target_change_makes_the_next_version_with_old_and_new() {
        let ds = dataset();
        let mut dr = draft("U");
        dr.sets = vec![
            ("I0".into(), 12, Some(d("12"))),
            ("I1".into(), 6, Some(d("11"))),
            ("I1".into(), 9, Some(d("10"))), // unchanged: not recorded
        ];
        let (a, after) = prepare(&ds, &rb(), &dr).unwrap();
        assert_eq!(a.version, 1);
        assert_eq!(a.unit, "U");
        assert_eq!(a.reason, "realisasi melampaui target");
        assert_eq!(
            a.changes,
            vec![
                AddendumChange {
                    iku: "I0".into(),
                    field: Field::Targets,
                    month: 12,
                    old: Some(d("10")),
                    new: Some(d("12")),
                },
                AddendumChange {
                    iku: "I1".into(),
                    field: Field::Targets,
                    month: 6,
                    old: Some(d("10")),
                    new: Some(d("11")),
                },
            ]
        );
        assert_eq!(
            after.iku[&CodeRef::new("U", "I0")].targets[11],
            Some(d("12"))
        );
        assert_eq!(after.pk_version("U"), 1);
        assert_eq!(ds.pk_version("U"), 0, "the input is not touched");
        let Change::Addendum { addendum, added } = change_of(&a, &after) else {
            panic!("an addendum as a whole")
        };
        assert!(added.is_empty());
        assert_eq!(
            Change::addendum_writes(&addendum, &added),
            vec![
                Change::SetTarget {
                    iku: CodeRef::new("U", "I0"),
                    month: 12,
                    value: Some(d("12"))
                },
                Change::SetTarget {
                    iku: CodeRef::new("U", "I1"),
                    month: 6,
                    value: Some(d("11"))
                },
            ]
        );
        let mut applied = ds.clone();
        applied.apply(&[change_of(&a, &after)]).unwrap();
        assert_eq!(
            applied, after,
            "applying the change gives the dataset prepare promised"
        );
        // The next one is version 2.
        let mut dr2 = draft("U");
        dr2.sets = vec![("I2".into(), 12, Some(d("13")))];
        let (a2, _) = prepare(&after, &rb(), &dr2).unwrap();
        assert_eq!(a2.version, 2);
    }

    #[test]
    fn a_month_with_realisasi_is_frozen_r10() {
        let ds = dataset();
        let mut dr = draft("U");
        dr.sets = vec![("I0".into(), 3, Some(d("8")))];
        let p = prepare(&ds, &rb(), &dr).unwrap_err();
        assert_eq!(
            p,
            vec![Problem::Refused(Refusal::TargetFrozen {
                iku: CodeRef::new("U", "I0"),
                year: 2025,
                month: 3
            })],
            "the edit rule refuses it (R10)"
        );
        // The same IKU in a month without realisasi is fine.
        dr.sets = vec![("I0".into(), 6, Some(d("8")))];
        assert!(prepare(&ds, &rb(), &dr).is_ok());
        // Removing an IKU that has realisasi is R10 too.
        let mut dr = draft("U");
        dr.remove = vec!["I0".into()];
        dr.add = vec![Iku::new(
            "U",
            "NEW",
            "S1",
            Polarity::Maximize,
            Consolidation::Sum,
            ReportingPeriod::Annual,
        )];
        assert_eq!(
            rule_ids(&prepare(&ds, &rb(), &dr).unwrap_err()),
            vec!["R10"]
        );
    }

    #[test]
    fn a_result_outside_the_iku_limits_is_refused_r01() {
        let ds = dataset();
        let mut dr = draft("U");
        dr.remove = vec!["I1".into()];
        let p = prepare(&ds, &rb(), &dr).unwrap_err();
        assert_eq!(rule_ids(&p), vec!["R01"]);
        // Replacing it keeps the count at 10.
        dr.add = vec![Iku::new(
            "U",
            "I10",
            "S1",
            Polarity::Maximize,
            Consolidation::Last,
            ReportingPeriod::Annual,
        )];
        dr.sets = vec![("I10".into(), 12, Some(d("5")))];
        let (a, after) = prepare(&ds, &rb(), &dr).unwrap();
        let fields: Vec<(&str, &str)> = a
            .changes
            .iter()
            .map(|c| (c.iku.as_str(), c.field.as_str()))
            .collect();
        assert_eq!(fields, vec![("I1", "remove_iku"), ("I10", "add_iku")]);
        assert!(!after.iku.contains_key(&CodeRef::new("U", "I1")));
        let added = &after.iku[&CodeRef::new("U", "I10")];
        assert_eq!(added.targets[11], Some(d("5")), "the set is folded in");
        let Change::Addendum {
            addendum,
            added: new,
        } = change_of(&a, &after)
        else {
            panic!("an addendum as a whole")
        };
        let e = Change::addendum_writes(&addendum, &new);
        assert_eq!(e[0], Change::RemoveIku(CodeRef::new("U", "I1")));
        assert_eq!(e[1], Change::PutIku(added.clone()));
        let mut applied = ds.clone();
        applied.apply(&[change_of(&a, &after)]).unwrap();
        assert_eq!(applied, after);
    }

    #[test]
    fn every_problem_of_a_draft_is_listed() {
        let ds = dataset();
        let mut dr = draft("U");
        dr.reason = "  ".into();
        dr.sets = vec![
            ("NOPE".into(), 12, Some(d("1"))),
            ("I2".into(), 5, Some(d("1"))),  // not a reporting month
            ("I2".into(), 13, Some(d("1"))), // no such month
            ("I3".into(), 12, Some(d("1"))),
            ("I3".into(), 12, Some(d("2"))), // twice, different
            ("I0".into(), 3, None),          // frozen
        ];
        dr.remove = vec!["GONE".into()];
        let p = prepare(&ds, &rb(), &dr).unwrap_err();
        let invalid = p
            .iter()
            .filter(|p| matches!(p, Problem::Invalid { .. }))
            .count();
        assert_eq!(invalid, 3, "{p:#?}");
        let refused: Vec<&str> = p
            .iter()
            .filter_map(|p| match p {
                Problem::Refused(r) => Some(r.code().as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(
            refused,
            [
                "unknown_iku",
                "not_reporting_month",
                "bad_month",
                "target_frozen"
            ]
        );
        assert!(
            rule_ids(&p).is_empty(),
            "a refused set is not also an R10 finding"
        );
        assert!(p.iter().any(|p| p.message().contains("NOPE")));
        assert!(p.iter().any(|p| p.message().contains("GONE")));
    }

    #[test]
    fn a_draft_that_changes_nothing_or_names_no_known_unit_is_refused() {
        let ds = dataset();
        let mut dr = draft("U");
        dr.sets = vec![("I1".into(), 12, Some(d("10")))];
        let p = prepare(&ds, &rb(), &dr).unwrap_err();
        assert_eq!(p.len(), 1);
        assert!(matches!(p[0], Problem::Invalid { .. }));
        let p = prepare(&ds, &rb(), &draft("X")).unwrap_err();
        assert_eq!(p.len(), 1);
    }

    #[test]
    fn added_iku_must_fit_the_unit_and_sources_stay() {
        let ds = dataset();
        let mut dr = draft("U");
        let mut other = Iku::new(
            "P",
            "Z",
            "S1",
            Polarity::Maximize,
            Consolidation::Sum,
            ReportingPeriod::Annual,
        );
        other.targets[11] = Some(d("1"));
        let mut no_ss = other.clone();
        no_ss.unit = "U".into();
        no_ss.code = "Y".into();
        no_ss.ss = "S9".into();
        let mut exists = no_ss.clone();
        exists.code = "I2".into();
        exists.ss = "S1".into();
        dr.add = vec![other, no_ss, exists];
        let p = prepare(&ds, &rb(), &dr).unwrap_err();
        assert_eq!(p.len(), 3, "{p:#?}");
        // P-1 is the source of U/I9: it cannot be removed while I9 stays.
        let mut dr = draft("P");
        dr.remove = vec!["P-1".into()];
        let p = prepare(&ds, &rb(), &dr).unwrap_err();
        assert!(p.iter().any(|p| p.message().contains("U/I9")), "{p:#?}");
    }

    #[test]
    fn a_date_before_the_previous_addendum_is_refused() {
        let ds = dataset();
        let mut dr = draft("U");
        dr.sets = vec![("I1".into(), 12, Some(d("11")))];
        let (_, after) = prepare(&ds, &rb(), &dr).unwrap();
        let mut dr2 = draft("U");
        dr2.date = date("2025-07-14");
        dr2.sets = vec![("I1".into(), 12, Some(d("12")))];
        assert!(prepare(&after, &rb(), &dr2).is_err());
        dr2.date = date("2025-07-15");
        assert!(prepare(&after, &rb(), &dr2).is_ok());
    }
}
