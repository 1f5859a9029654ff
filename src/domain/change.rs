//! Every kind of change to a year's data, as one type, applied in one place.
//!
//! A [`Change`] is what the CLI, the TUI and the import ask the store to do; the store applies it
//! to its records and the TUI to its in-memory [`Dataset`] with the same [`apply`] (through the
//! [`Records`] each of them implements), so the TUI's copy cannot drift from what was stored.
//! What a change did is a [`Done`]; the store's audit entry is derived from it. A change is
//! serialisable (serde, bincode-friendly: no `flatten`, `tag`, `untagged` or `skip`), so it can
//! travel between processes.
//!
//! # Rules of application
//!
//! - A monthly value (realisasi or target) is set or cleared in a month 1..=12 of an IKU that
//!   exists; setting the value already there does nothing (no [`Done`], no audit entry).
//! - [`Change::PutIku`] adds an IKU or replaces its definition; its unit and its SS must exist.
//!   Putting an identical IKU does nothing.
//! - [`Change::RemoveIku`] removes an IKU that exists.
//! - [`Change::PutAddendum`] records an addendum as the next PK version of its unit (version 0
//!   means "the next one"; another version must be exactly the next).
//! - [`Change::Addendum`] is an addendum as a whole: its removals, its added IKU, its target
//!   changes, then its record — what `domain::addendum::prepare` produced.
//! - A change set is applied whole or not at all.
//!
//! Later kinds (the monthly validation cycle, analyses, Inisiatif Strategis, budget lines) are
//! added as variants here, with their arm in [`apply`].

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::limits::TextKind;
use super::model::{Addendum, CodeRef, Dataset, Iku};
use super::reason::{Code, Reason};
use super::round::{Action, Analysis, EvidenceRef, MonthRecord, Role, UnitRound};

/// Which part of an IKU a change touches. The spelling is the one of the formats (the `field`
/// of an addendum change in JSON and in the store), written only here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Targets,
    Realisasi,
    AddIku,
    RemoveIku,
}

impl Field {
    pub const ALL: &'static [Field] = &[
        Field::Targets,
        Field::Realisasi,
        Field::AddIku,
        Field::RemoveIku,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Targets => "targets",
            Field::Realisasi => "realisasi",
            Field::AddIku => "add_iku",
            Field::RemoveIku => "remove_iku",
        }
    }
    pub fn parse(s: &str) -> Option<Field> {
        Field::ALL.iter().copied().find(|f| f.as_str() == s)
    }
    /// Every accepted spelling, for error messages.
    pub fn spellings() -> String {
        Field::ALL
            .iter()
            .map(|f| f.as_str())
            .collect::<Vec<_>>()
            .join(" | ")
    }
    /// A monthly series (targets, realisasi), as opposed to a structural change.
    pub fn is_monthly(self) -> bool {
        matches!(self, Field::Targets | Field::Realisasi)
    }
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

// Stored as its spelling (a string), as the field of an addendum change always was: a store
// written before this type existed reads the same bytes.
impl Serialize for Field {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Field, D::Error> {
        let s = String::deserialize(d)?;
        Field::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!("unknown field {s:?}: {}", Field::spellings()))
        })
    }
}

/// One change to a year's data.
// `PutIku(Iku)` is large, but change sets are short.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Change {
    /// Sets (or clears, with `None`) the realisasi of a month 1..=12.
    SetRealisasi {
        iku: CodeRef,
        month: u8,
        #[serde(with = "rust_decimal::serde::str_option")]
        value: Option<Decimal>,
    },
    /// Sets (or clears, with `None`) the target of a month 1..=12.
    SetTarget {
        iku: CodeRef,
        month: u8,
        #[serde(with = "rust_decimal::serde::str_option")]
        value: Option<Decimal>,
    },
    /// Adds or replaces an IKU definition; its unit and SS must exist.
    PutIku(Iku),
    RemoveIku(CodeRef),
    /// Records an addendum as PK version n+1 of its unit (`version` 0 means "the next one";
    /// any other value must be exactly n+1).
    PutAddendum(Addendum),
    /// An addendum as a whole: its changes (removals, additions — `added` holds the added IKU as
    /// they will be stored —, targets) and then its record.
    Addendum {
        addendum: Addendum,
        added: Vec<Iku>,
    },
    /// Sets the year's rulebook name.
    SetRulebook(String),
    /// A step of the month-end round (DOMAIN.md §11, `domain::round::transition`): `action` on
    /// the month of `unit`, taken in `role` (which the store server checks the author holds),
    /// with its reason (empty when none).
    Transition {
        unit: String,
        month: u8,
        action: Action,
        role: Role,
        reason: String,
    },
    /// Sets (or clears) a realisasi with the reason of the correction: what a month that was
    /// submitted needs (a plain [`Change::SetRealisasi`] is refused there).
    CorrectRealisasi {
        iku: CodeRef,
        month: u8,
        #[serde(with = "rust_decimal::serde::str_option")]
        value: Option<Decimal>,
        reason: String,
    },
    /// Sets (or removes, with `None`) the analysis of an IKU-month.
    SetAnalysis {
        iku: CodeRef,
        month: u8,
        analysis: Option<Analysis>,
    },
    /// Attaches a file of evidence whose bytes the store holds (`StoreApi::put_evidence`); a
    /// file of the same name is replaced.
    AddEvidence {
        iku: CodeRef,
        month: u8,
        evidence: EvidenceRef,
    },
    /// Detaches the file of that name.
    RemoveEvidence {
        iku: CodeRef,
        month: u8,
        name: String,
    },
}

impl Change {
    /// A monthly value change of `field` (targets or realisasi).
    pub fn set_value(field: Field, iku: CodeRef, month: u8, value: Option<Decimal>) -> Change {
        match field {
            Field::Targets => Change::SetTarget { iku, month, value },
            _ => Change::SetRealisasi { iku, month, value },
        }
    }

    /// The writes an addendum as a whole makes, in order: removals, added IKU, targets.
    pub fn addendum_writes(addendum: &Addendum, added: &[Iku]) -> Vec<Change> {
        let key = |code: &str| CodeRef::new(&addendum.unit, code);
        let mut out = Vec::new();
        for c in &addendum.changes {
            match c.field {
                Field::RemoveIku => out.push(Change::RemoveIku(key(&c.iku))),
                Field::AddIku => {
                    if let Some(i) = added.iter().find(|i| i.code == c.iku) {
                        out.push(Change::PutIku(i.clone()));
                    }
                }
                Field::Targets | Field::Realisasi => {
                    out.push(Change::set_value(c.field, key(&c.iku), c.month, c.new))
                }
            }
        }
        out
    }

    /// The change that undoes this one on `ds` as it is before this one is applied (`None` for
    /// kinds that are not undone: rulebooks and addenda).
    pub fn inverse(&self, ds: &Dataset) -> Option<Change> {
        match self {
            Change::SetRealisasi { iku, month, .. } | Change::SetTarget { iku, month, .. } => {
                let field = self.field()?;
                let i = ds.iku.get(iku)?;
                let slots = match field {
                    Field::Targets => &i.targets,
                    _ => &i.realisasi,
                };
                let old = *slots.get(usize::from(*month).checked_sub(1)?)?;
                Some(Change::set_value(field, iku.clone(), *month, old))
            }
            Change::PutIku(new) => Some(match ds.iku.get(&new.key()) {
                Some(old) => Change::PutIku(old.clone()),
                None => Change::RemoveIku(new.key()),
            }),
            Change::RemoveIku(k) => ds.iku.get(k).cloned().map(Change::PutIku),
            Change::CorrectRealisasi {
                iku, month, reason, ..
            } => {
                let i = ds.iku.get(iku)?;
                let old = *i.realisasi.get(usize::from(*month).checked_sub(1)?)?;
                Some(Change::CorrectRealisasi {
                    iku: iku.clone(),
                    month: *month,
                    value: old,
                    reason: reason.clone(),
                })
            }
            Change::SetAnalysis { iku, month, .. } => Some(Change::SetAnalysis {
                iku: iku.clone(),
                month: *month,
                analysis: ds
                    .round
                    .get(&iku.unit)
                    .and_then(|r| r.analysis(&iku.code, *month))
                    .cloned(),
            }),
            _ => None,
        }
    }

    /// The monthly field of a value change.
    pub fn field(&self) -> Option<Field> {
        match self {
            Change::SetRealisasi { .. } | Change::CorrectRealisasi { .. } => Some(Field::Realisasi),
            Change::SetTarget { .. } => Some(Field::Targets),
            _ => None,
        }
    }

    /// The IKU whose values this change sets, if it is a value change.
    pub fn value_of(&self) -> Option<(&CodeRef, u8, Option<Decimal>)> {
        match self {
            Change::SetRealisasi { iku, month, value }
            | Change::SetTarget { iku, month, value }
            | Change::CorrectRealisasi {
                iku, month, value, ..
            } => Some((iku, *month, *value)),
            _ => None,
        }
    }
}

/// A change with the change that undoes it (the TUI's undo history).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reversible {
    pub change: Change,
    pub undo: Change,
}

/// What one applied change did: the audit entry is made from it, and a dataset undoes it from it
/// when a later change of the same set is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done {
    Value {
        iku: CodeRef,
        field: Field,
        month: u8,
        old: Option<Decimal>,
        new: Option<Decimal>,
        /// The reason of a correction ([`Change::CorrectRealisasi`]), else empty.
        reason: String,
    },
    IkuAdded(Iku),
    IkuReplaced {
        old: Box<Iku>,
        new: Box<Iku>,
    },
    IkuRemoved(Iku),
    /// The addendum as recorded (its version set).
    Addendum(Addendum),
    Rulebook {
        old: String,
        new: String,
    },
    /// A transition of the round: the month's record before and after.
    Month {
        unit: String,
        month: u8,
        action: Action,
        old: MonthRecord,
        new: MonthRecord,
    },
    Analysis {
        iku: CodeRef,
        month: u8,
        old: Option<Analysis>,
        new: Option<Analysis>,
    },
    /// The evidence list of an IKU-month before and after.
    Evidence {
        iku: CodeRef,
        month: u8,
        old: Vec<EvidenceRef>,
        new: Vec<EvidenceRef>,
    },
}

impl Done {
    /// Whether the set of IKU changed (a dataset is reindexed after it).
    pub fn is_structural(&self) -> bool {
        matches!(
            self,
            Done::IkuAdded(_) | Done::IkuReplaced { .. } | Done::IkuRemoved(_)
        )
    }
}

/// Why a change cannot be applied at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeError {
    BadMonth {
        iku: CodeRef,
        month: u8,
    },
    UnknownUnit(String),
    UnknownSs(CodeRef),
    UnknownIku(CodeRef),
    AddendumVersion {
        unit: String,
        given: u32,
        next: u32,
    },
    /// Refused by a rule of the round (a closed month, a transition the table refuses, a
    /// correction without a reason, evidence the store does not hold), with its reason.
    Refused(Reason),
}

/// The records a change is applied to: a [`Dataset`], or the store's working set of a change set.
pub trait Records {
    type Error: From<ChangeError>;
    fn has_unit(&self, unit: &str) -> Result<bool, Self::Error>;
    fn has_ss(&self, ss: &CodeRef) -> Result<bool, Self::Error>;
    /// The IKU as the change set leaves it so far (`None`: not there).
    fn iku(&mut self, key: &CodeRef) -> Result<Option<&mut Iku>, Self::Error>;
    /// Puts an IKU; returns the one it replaces.
    fn put_iku(&mut self, iku: Iku) -> Result<Option<Iku>, Self::Error>;
    fn remove_iku(&mut self, key: &CodeRef) -> Result<Option<Iku>, Self::Error>;
    /// The latest PK version of a unit, counting addenda recorded by this change set.
    fn last_version(&self, unit: &str) -> Result<u32, Self::Error>;
    fn push_addendum(&mut self, a: Addendum);
    fn rulebook(&mut self) -> &mut String;
    /// The round record of a unit as the change set leaves it so far (a new one when none).
    fn round(&mut self, unit: &str) -> Result<&mut UnitRound, Self::Error>;
    /// Whether the store holds the bytes of this evidence (a dataset cannot tell: true).
    fn has_evidence(&self, sha256: &str) -> Result<bool, Self::Error>;
}

/// The refusal of a change in a month of `unit` that is closed (`what`: realisasi, analysis,
/// evidence), or of a plain realisasi change in a submitted month.
fn month_rule<R: Records>(
    r: &mut R,
    iku: &CodeRef,
    month: u8,
    what: &'static str,
    correction: bool,
) -> Result<(), R::Error> {
    let year_free = |code: Code| {
        Reason::new(code)
            .text("unit", &iku.unit)
            .text("iku", &iku.code)
            .month("month", month)
    };
    let state = r.round(&iku.unit)?.state(month);
    if state.is_closed() {
        let reason = match what {
            "realisasi" => year_free(Code::RealisasiFrozen),
            _ => year_free(Code::MonthClosed).text("what", what),
        };
        return Err(ChangeError::Refused(reason).into());
    }
    if what == "realisasi" && state.is_submitted() && !correction {
        return Err(ChangeError::Refused(
            year_free(Code::CorrectionNeedsReason).text("state", state),
        )
        .into());
    }
    Ok(())
}

/// A text of a change within the limits of `domain::limits` (an analysis, an evidence name).
fn text_rule<R: Records>(field: &'static str, kind: TextKind, text: &str) -> Result<(), R::Error> {
    super::limits::check(kind, text).map_err(|p| {
        ChangeError::Refused(
            Reason::new(Code::BadText)
                .text("field", field)
                .text("problem", p),
        )
        .into()
    })
}

fn check_month<E: From<ChangeError>>(iku: &CodeRef, month: u8) -> Result<(), E> {
    if !(1..=12).contains(&month) {
        return Err(ChangeError::BadMonth {
            iku: iku.clone(),
            month,
        }
        .into());
    }
    Ok(())
}

/// A month of an IKU that exists: the common guard of every per-IKU, per-month change.
fn existing_iku_month<R: Records>(r: &mut R, iku: &CodeRef, month: u8) -> Result<(), R::Error> {
    check_month(iku, month)?;
    if r.iku(iku)?.is_none() {
        return Err(ChangeError::UnknownIku(iku.clone()).into());
    }
    Ok(())
}

/// Sets a monthly slot of an IKU that exists, recording what changed.
fn set_slot<R: Records>(
    r: &mut R,
    iku: &CodeRef,
    field: Field,
    month: u8,
    value: Option<Decimal>,
    reason: String,
    done: &mut Vec<Done>,
) -> Result<(), R::Error> {
    let rec = r
        .iku(iku)?
        .ok_or_else(|| ChangeError::UnknownIku(iku.clone()))?;
    let slots = match field {
        Field::Targets => &mut rec.targets,
        _ => &mut rec.realisasi,
    };
    let slot = &mut slots[usize::from(month) - 1];
    if *slot != value {
        done.push(Done::Value {
            iku: iku.clone(),
            field,
            month,
            old: *slot,
            new: value,
            reason,
        });
        *slot = value;
    }
    Ok(())
}

/// A value a change writes lies within `domain::bounds` (DOMAIN.md §4). Every parser refuses
/// such a value already; this is the guard at the depth where it would be stored, whatever the
/// entry point (a library caller, a served client, an addendum built in code).
fn bounded<E: From<ChangeError>>(
    iku: &CodeRef,
    field: &str,
    month: Option<u8>,
    value: Option<Decimal>,
) -> Result<(), E> {
    let Some(v) = value else {
        return Ok(());
    };
    let Err(e) = super::bounds::check(v) else {
        return Ok(());
    };
    let what = match month {
        Some(m) => Reason::new(Code::ValueOfIkuMonth).month("month", m),
        None => Reason::new(Code::ValueOfIku),
    }
    .text("iku", &iku.code)
    .text("unit", &iku.unit)
    .text("field", field);
    Err(ChangeError::Refused(
        Reason::new(Code::OutOfBounds)
            .reason("what", what)
            .reason("reason", super::bounds::reason(v, e)),
    )
    .into())
}

/// Applies one change to `r`, appending what it did to `done` (see the module documentation).
pub fn apply<R: Records>(r: &mut R, change: &Change, done: &mut Vec<Done>) -> Result<(), R::Error> {
    match change {
        Change::SetRealisasi { iku, month, value } | Change::SetTarget { iku, month, value } => {
            let field = change.field().unwrap_or(Field::Realisasi);
            let name = match field {
                Field::Targets => "target",
                _ => "realisasi",
            };
            bounded::<R::Error>(iku, name, Some(*month), *value)?;
            if !(1..=12).contains(month) {
                return Err(ChangeError::BadMonth {
                    iku: iku.clone(),
                    month: *month,
                }
                .into());
            }
            if r.iku(iku)?.is_none() {
                return Err(ChangeError::UnknownIku(iku.clone()).into());
            }
            if field == Field::Realisasi {
                month_rule(r, iku, *month, "realisasi", false)?;
            }
            set_slot(r, iku, field, *month, *value, String::new(), done)?;
        }
        Change::CorrectRealisasi {
            iku,
            month,
            value,
            reason,
        } => {
            existing_iku_month(r, iku, *month)?;
            bounded::<R::Error>(iku, "realisasi", Some(*month), *value)?;
            if reason.trim().is_empty() {
                return Err(ChangeError::Refused(
                    Reason::new(Code::ReasonRequired).text("action", "correct"),
                )
                .into());
            }
            month_rule(r, iku, *month, "realisasi", true)?;
            set_slot(
                r,
                iku,
                Field::Realisasi,
                *month,
                *value,
                reason.clone(),
                done,
            )?;
        }
        Change::Transition {
            unit,
            month,
            action,
            role,
            reason,
        } => {
            if !r.has_unit(unit)? {
                return Err(ChangeError::UnknownUnit(unit.clone()).into());
            }
            if !(1..=12).contains(month) {
                return Err(ChangeError::Refused(
                    Reason::new(Code::BadMonth)
                        .text("unit", unit)
                        .text("iku", "-")
                        .int("month", *month),
                )
                .into());
            }
            let round = r.round(unit)?;
            let old = round.month(*month);
            let reason = reason.trim().to_string();
            let to = super::round::transition(old.state, *action, *role, !reason.is_empty())
                .map_err(|e| ChangeError::Refused(e.text("unit", unit).month("month", *month)))?;
            let new = MonthRecord { state: to, reason };
            round.set_month(*month, new.clone());
            done.push(Done::Month {
                unit: unit.clone(),
                month: *month,
                action: *action,
                old,
                new,
            });
        }
        Change::SetAnalysis {
            iku,
            month,
            analysis,
        } => {
            existing_iku_month(r, iku, *month)?;
            month_rule(r, iku, *month, "analysis", false)?;
            if let Some(a) = analysis {
                for (field, text) in a.texts() {
                    let kind = match field {
                        "pic" => TextKind::Line,
                        _ => TextKind::Long,
                    };
                    text_rule::<R>(field, kind, text)?;
                }
            }
            let round = r.round(&iku.unit)?;
            let old = round.analysis(&iku.code, *month).cloned();
            let new = analysis.clone().filter(|a| !a.is_empty());
            if old != new {
                round.set_analysis(&iku.code, *month, new.clone());
                done.push(Done::Analysis {
                    iku: iku.clone(),
                    month: *month,
                    old,
                    new,
                });
            }
        }
        Change::AddEvidence {
            iku,
            month,
            evidence,
        } => {
            existing_iku_month(r, iku, *month)?;
            month_rule(r, iku, *month, "evidence", false)?;
            text_rule::<R>("name", TextKind::Line, &evidence.name)?;
            if !r.has_evidence(&evidence.sha256)? {
                return Err(ChangeError::Refused(
                    Reason::new(Code::EvidenceMissing)
                        .text("name", &evidence.name)
                        .text("sha256", &evidence.sha256),
                )
                .into());
            }
            let round = r.round(&iku.unit)?;
            let old = round.evidence(&iku.code, *month).to_vec();
            let mut new: Vec<EvidenceRef> = old
                .iter()
                .filter(|e| e.name != evidence.name)
                .cloned()
                .collect();
            new.push(evidence.clone());
            new.sort();
            if new != old {
                round.set_evidence(&iku.code, *month, new.clone());
                done.push(Done::Evidence {
                    iku: iku.clone(),
                    month: *month,
                    old,
                    new,
                });
            }
        }
        Change::RemoveEvidence { iku, month, name } => {
            existing_iku_month(r, iku, *month)?;
            month_rule(r, iku, *month, "evidence", false)?;
            let round = r.round(&iku.unit)?;
            let old = round.evidence(&iku.code, *month).to_vec();
            let new: Vec<EvidenceRef> = old.iter().filter(|e| e.name != *name).cloned().collect();
            if new == old {
                return Err(ChangeError::Refused(
                    Reason::new(Code::EvidenceUnknown)
                        .text("unit", &iku.unit)
                        .text("iku", &iku.code)
                        .month("month", *month)
                        .text("name", name),
                )
                .into());
            }
            round.set_evidence(&iku.code, *month, new.clone());
            done.push(Done::Evidence {
                iku: iku.clone(),
                month: *month,
                old,
                new,
            });
        }
        Change::PutIku(new) => {
            if let Some(v) = super::bounds::iku_violations(new).first() {
                let field = match v.field {
                    "targets" => "target",
                    other => other,
                };
                bounded::<R::Error>(&new.key(), field, v.month, Some(v.value))?;
            }
            if !r.has_unit(&new.unit)? {
                return Err(ChangeError::UnknownUnit(new.unit.clone()).into());
            }
            let ss = CodeRef::new(&new.unit, &new.ss);
            if !r.has_ss(&ss)? {
                return Err(ChangeError::UnknownSs(ss).into());
            }
            if r.iku(&new.key())?.is_some_and(|old| old == new) {
                return Ok(());
            }
            match r.put_iku(new.clone())? {
                Some(old) => done.push(Done::IkuReplaced {
                    old: Box::new(old),
                    new: Box::new(new.clone()),
                }),
                None => done.push(Done::IkuAdded(new.clone())),
            }
        }
        Change::RemoveIku(k) => {
            let old = r
                .remove_iku(k)?
                .ok_or_else(|| ChangeError::UnknownIku(k.clone()))?;
            done.push(Done::IkuRemoved(old));
        }
        Change::PutAddendum(a) => {
            if !r.has_unit(&a.unit)? {
                return Err(ChangeError::UnknownUnit(a.unit.clone()).into());
            }
            let next = r.last_version(&a.unit)? + 1;
            if a.version != 0 && a.version != next {
                return Err(ChangeError::AddendumVersion {
                    unit: a.unit.clone(),
                    given: a.version,
                    next,
                }
                .into());
            }
            let rec = Addendum {
                version: next,
                ..a.clone()
            };
            r.push_addendum(rec.clone());
            done.push(Done::Addendum(rec));
        }
        Change::Addendum { addendum, added } => {
            // R10 where the addendum is stored: a target of a month that has realisasi by now
            // (stored by someone else since the addendum was prepared) is not changed
            for c in addendum
                .changes
                .iter()
                .filter(|c| c.field == Field::Targets)
            {
                let key = CodeRef::new(&addendum.unit, &c.iku);
                let has_realisasi = (1..=12).contains(&c.month)
                    && r.iku(&key)?
                        .is_some_and(|i| i.realisasi[usize::from(c.month) - 1].is_some());
                if has_realisasi {
                    use chrono::Datelike;
                    let why = super::edit::Refusal::TargetFrozen {
                        iku: key,
                        year: addendum.date.year(),
                        month: c.month,
                    };
                    return Err(ChangeError::Refused(why.reason()).into());
                }
            }
            for w in Change::addendum_writes(addendum, added) {
                apply(r, &w, done)?;
            }
            apply(r, &Change::PutAddendum(addendum.clone()), done)?;
        }
        Change::SetRulebook(name) => {
            let current = r.rulebook();
            if current != name {
                done.push(Done::Rulebook {
                    old: std::mem::replace(current, name.clone()),
                    new: name.clone(),
                });
            }
        }
    }
    Ok(())
}

impl Records for Dataset {
    type Error = ChangeError;
    fn has_unit(&self, unit: &str) -> Result<bool, ChangeError> {
        Ok(self.units.contains_key(unit))
    }
    fn has_ss(&self, ss: &CodeRef) -> Result<bool, ChangeError> {
        Ok(self.ss.contains_key(ss))
    }
    fn iku(&mut self, key: &CodeRef) -> Result<Option<&mut Iku>, ChangeError> {
        Ok(self.iku.get_mut(key))
    }
    fn put_iku(&mut self, iku: Iku) -> Result<Option<Iku>, ChangeError> {
        Ok(self.iku.insert(iku.key(), iku))
    }
    fn remove_iku(&mut self, key: &CodeRef) -> Result<Option<Iku>, ChangeError> {
        Ok(self.iku.remove(key))
    }
    fn last_version(&self, unit: &str) -> Result<u32, ChangeError> {
        Ok(self.pk_version(unit))
    }
    fn push_addendum(&mut self, a: Addendum) {
        self.addenda.push(a);
        self.addenda
            .sort_by(|x, y| (&x.unit, x.version).cmp(&(&y.unit, y.version)));
    }
    fn rulebook(&mut self) -> &mut String {
        &mut self.rulebook
    }
    fn round(&mut self, unit: &str) -> Result<&mut UnitRound, ChangeError> {
        Ok(self
            .round
            .entry(unit.to_string())
            .or_insert_with(|| UnitRound::new(unit)))
    }
    fn has_evidence(&self, _sha256: &str) -> Result<bool, ChangeError> {
        Ok(true)
    }
}

impl Dataset {
    /// Applies a change set whole, or not at all (the first refused change is the error, and
    /// what the set did before it is undone). Returns what it did; reindexes when the set of IKU
    /// changed.
    pub fn apply(&mut self, changes: &[Change]) -> Result<Vec<Done>, ChangeError> {
        let mut done = Vec::new();
        for c in changes {
            if let Err(e) = apply(self, c, &mut done) {
                self.undo(&done);
                return Err(e);
            }
        }
        self.round.retain(|_, r| !r.is_empty());
        if done.iter().any(Done::is_structural) {
            self.reindex();
        }
        Ok(done)
    }

    /// Undoes what [`Dataset::apply`] did, newest first.
    fn undo(&mut self, done: &[Done]) {
        let mut structural = false;
        for d in done.iter().rev() {
            structural |= d.is_structural();
            match d {
                Done::Value {
                    iku,
                    field,
                    month,
                    old,
                    ..
                } => {
                    if let Some(i) = self.iku.get_mut(iku) {
                        let slots = match field {
                            Field::Targets => &mut i.targets,
                            _ => &mut i.realisasi,
                        };
                        slots[usize::from(*month) - 1] = *old;
                    }
                }
                Done::IkuAdded(i) => {
                    self.iku.remove(&i.key());
                }
                Done::IkuReplaced { old, .. } => {
                    self.iku.insert(old.key(), (**old).clone());
                }
                Done::IkuRemoved(i) => {
                    self.iku.insert(i.key(), i.clone());
                }
                Done::Addendum(a) => {
                    self.addenda
                        .retain(|x| !(x.unit == a.unit && x.version == a.version));
                }
                Done::Rulebook { old, .. } => self.rulebook = old.clone(),
                Done::Month {
                    unit, month, old, ..
                } => {
                    if let Some(r) = self.round.get_mut(unit) {
                        r.set_month(*month, old.clone());
                    }
                }
                Done::Analysis {
                    iku, month, old, ..
                } => {
                    if let Some(r) = self.round.get_mut(&iku.unit) {
                        r.set_analysis(&iku.code, *month, old.clone());
                    }
                }
                Done::Evidence {
                    iku, month, old, ..
                } => {
                    if let Some(r) = self.round.get_mut(&iku.unit) {
                        r.set_evidence(&iku.code, *month, old.clone());
                    }
                }
            }
        }
        self.round.retain(|_, r| !r.is_empty());
        if structural {
            self.reindex();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Consolidation, Polarity, ReportingPeriod};

    #[test]
    fn field_is_stored_as_its_spelling_like_the_string_it_replaced() {
        let cfg = bincode::config::standard();
        for f in Field::ALL {
            let new = bincode::serde::encode_to_vec(f, cfg).unwrap();
            let old = bincode::serde::encode_to_vec(f.as_str().to_string(), cfg).unwrap();
            assert_eq!(new, old);
            let (back, _): (Field, usize) = bincode::serde::decode_from_slice(&old, cfg).unwrap();
            assert_eq!(back, *f);
        }
        let bad = bincode::serde::encode_to_vec("weights".to_string(), cfg).unwrap();
        assert!(bincode::serde::decode_from_slice::<Field, _>(&bad, cfg).is_err());
    }

    #[test]
    fn an_addendum_is_refused_where_it_is_stored_when_its_month_has_realisasi_by_now() {
        use crate::domain::model::AddendumChange;
        let mut iku = Iku::new(
            "U",
            "I",
            "S",
            Polarity::Maximize,
            Consolidation::Sum,
            ReportingPeriod::Monthly,
        );
        iku.targets[9] = Some(Decimal::TEN);
        let key = CodeRef::new("U", "I");
        let unit = crate::domain::model::Unit {
            code: "U".into(),
            name: "U".into(),
            level: crate::domain::model::Level::Three,
            parent: None,
            perspective_weights: Default::default(),
        };
        let mut ds = Dataset::from_parts(2025, "r", [unit], [], [iku], vec![]);
        let addendum = Change::Addendum {
            addendum: Addendum {
                unit: "U".into(),
                version: 1,
                date: chrono::NaiveDate::from_ymd_opt(2025, 10, 20).unwrap(),
                reason: "naik".into(),
                changes: vec![AddendumChange {
                    iku: "I".into(),
                    field: Field::Targets,
                    month: 10,
                    old: Some(Decimal::TEN),
                    new: Some(Decimal::ONE_HUNDRED),
                }],
            },
            added: vec![],
        };
        // prepared while October had no realisasi; someone enters it before it is stored
        ds.apply(&[Change::SetRealisasi {
            iku: key.clone(),
            month: 10,
            value: Some(Decimal::ONE),
        }])
        .unwrap();
        let before = ds.clone();
        let err = ds.apply(std::slice::from_ref(&addendum)).unwrap_err();
        let ChangeError::Refused(r) = err else {
            panic!("{err:?}")
        };
        assert_eq!(r.code, Code::TargetFrozen);
        assert_eq!(ds, before, "neither the target nor the addendum record");
        // without the realisasi it is stored
        ds.apply(&[Change::SetRealisasi {
            iku: key.clone(),
            month: 10,
            value: None,
        }])
        .unwrap();
        ds.apply(&[addendum]).unwrap();
        assert_eq!(ds.iku[&key].targets[9], Some(Decimal::ONE_HUNDRED));
        assert_eq!(ds.pk_version("U"), 1);
    }

    #[test]
    fn a_refused_change_set_leaves_the_dataset_as_it_was() {
        let iku = Iku::new(
            "U",
            "I",
            "S",
            Polarity::Maximize,
            Consolidation::Sum,
            ReportingPeriod::Monthly,
        );
        let mut ds = Dataset::from_parts(2025, "r", [], [], [iku], vec![]);
        let before = ds.clone();
        let key = CodeRef::new("U", "I");
        let err = ds.apply(&[
            Change::SetRealisasi {
                iku: key.clone(),
                month: 1,
                value: Some(Decimal::ONE),
            },
            Change::RemoveIku(key.clone()),
            Change::SetTarget {
                iku: key,
                month: 1,
                value: None,
            },
        ]);
        assert!(matches!(err, Err(ChangeError::UnknownIku(_))));
        assert_eq!(ds, before);
    }
}
