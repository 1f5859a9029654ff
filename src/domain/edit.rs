//! May this value change now? One rule per question, and the reason when the answer is no.
//!
//! Every place that lets a user change a monthly value asks here: the TUI editor, `kinerja
//! set`, the realisasi sheet (`import-realisasi`), the addendum (CLI and TUI) and, later, the
//! store server. They differ only in how they show the [`Refusal`] (`text::reason` renders it).
//!
//! # A realisasi of (unit, IKU, month) — [`realisasi_change`]
//!
//! Refused, checked in this order:
//! 1. the unit is not in the year ([`Code::UnknownUnit`]), or the IKU is not in the unit
//!    ([`Code::UnknownIku`]);
//! 2. the month is not 1..=12 ([`Code::BadMonth`]);
//! 3. the month is not a reporting month of the IKU's reporting period
//!    ([`Code::NotReportingMonth`]): a quarterly IKU reports in March, June, September and
//!    December, a semester IKU in June and December, an annual IKU in December (see
//!    [`super::model::ReportingPeriod::months`]);
//! 4. the IKU rolls up from its children ([`Code::RollsUp`], naming them): an IKU with a
//!    location consolidation whose cascade is absent or partial takes its monthly values from the
//!    IKU cascaded from it in the direct child units ([`rollup_children`]); those are the values
//!    to edit. A roll-up IKU that has no such children keeps its own values, which may be edited;
//! 5. the unit's month is closed, `ditetapkan` ([`Code::RealisasiFrozen`],
//!    [`Dataset::realisasi_frozen`]). A realisasi stays correctable until its month is closed
//!    (DOMAIN.md §11). An addendum does not freeze realisasi: R10 freezes the *targets* of
//!    months that have realisasi (see [`target_change`]);
//! 6. the month was submitted (`diajukan`, `divalidasi`) and no reason is given
//!    ([`Code::CorrectionNeedsReason`], [`realisasi_correction`]).
//!
//! The store applies the same two month rules to every change it is given (`change::apply`),
//! so a client that skips this check is refused there. Analyses and evidence of a closed month
//! are refused by [`round_change`].
//!
//! # A target of (unit, IKU, month) — [`target_change`]
//!
//! Targets change only by a PK addendum. Refused, in this order: unknown unit or IKU, a month
//! outside 1..=12, a value (not a clearing) in a month that is not a reporting month, an IKU
//! that rolls up from children (as above), and a month that already has realisasi — its own or
//! rolled up from children ([`Code::TargetFrozen`], rule R10: an addendum may not change what
//! was already reported against).
//!
//! A number that cannot be read is refused by the caller that reads it, with
//! [`Refusal::BadNumber`], so that every path gives the same code for it too.
//!
//! # Plausibility of a realisasi — [`plausibility`]
//!
//! A realisasi that the rules above allow may still be far outside its IKU's trajectory — a
//! typo such as `-5` or `1.234.567` for a PNBP whose targets are in the thousands. Such a value
//! is not refused but asks for confirmation: the TUI editor asks y/n showing the value as it
//! was read, `kinerja set` needs `--force`, `import-realisasi` needs `--force` and lists every
//! such line with its place. A value is [`Implausible`] when
//! 1. its sign is opposite to that of every non-zero target of the IKU (at least one target is
//!    non-zero; zero itself is never implausible) ([`Code::ImplausibleSign`]), or
//! 2. its magnitude is more than `factor` times the largest target magnitude of the IKU
//!    (rulebook `[plausibility] factor`, 10 in the built-ins, an assumption; an IKU whose
//!    targets are all zero or absent has no scale to compare with) ([`Code::ImplausibleSize`]).
//!
//! Clearing a value is always plausible.

use rust_decimal::Decimal;

use super::model::{CodeRef, Dataset, Iku};
use super::reason::{Arg, Code, Reason};
use super::rulebook::Rulebook;

/// Why a value may not change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    UnknownUnit {
        unit: String,
        year: i32,
    },
    UnknownIku {
        iku: CodeRef,
        year: i32,
    },
    BadMonth {
        iku: CodeRef,
        month: u8,
    },
    NotReportingMonth {
        iku: CodeRef,
        year: i32,
        month: u8,
        period: super::model::ReportingPeriod,
    },
    /// The IKU's values come from these IKU of its child units.
    RollsUp {
        iku: CodeRef,
        field: super::change::Field,
        children: Vec<CodeRef>,
    },
    RealisasiFrozen {
        iku: CodeRef,
        year: i32,
        month: u8,
    },
    TargetFrozen {
        iku: CodeRef,
        year: i32,
        month: u8,
    },
    /// The text given is not a number (`detail` says why, already in the user's words: it comes
    /// from the number reader at the edge).
    BadNumber {
        text: String,
        detail: String,
    },
    /// Refused by the month-end round (a correction of a submitted month without a reason, an
    /// analysis or evidence of a closed month): the reason as the round gives it.
    Round(Reason),
}

impl Refusal {
    pub fn code(&self) -> Code {
        match self {
            Refusal::UnknownUnit { .. } => Code::UnknownUnit,
            Refusal::UnknownIku { .. } => Code::UnknownIku,
            Refusal::BadMonth { .. } => Code::BadMonth,
            Refusal::NotReportingMonth { .. } => Code::NotReportingMonth,
            Refusal::RollsUp { .. } => Code::RollsUp,
            Refusal::RealisasiFrozen { .. } => Code::RealisasiFrozen,
            Refusal::TargetFrozen { .. } => Code::TargetFrozen,
            Refusal::BadNumber { .. } => Code::BadNumber,
            Refusal::Round(r) => r.code,
        }
    }

    /// The refusal as a reason (code and arguments) for rendering or for JSON.
    pub fn reason(&self) -> Reason {
        let r = Reason::new(self.code());
        match self {
            Refusal::UnknownUnit { unit, year } => r.text("unit", unit).int("year", *year),
            Refusal::UnknownIku { iku, year } => r
                .text("unit", &iku.unit)
                .text("iku", &iku.code)
                .int("year", *year),
            Refusal::BadMonth { iku, month } => r
                .text("unit", &iku.unit)
                .text("iku", &iku.code)
                .int("month", *month),
            Refusal::NotReportingMonth {
                iku,
                year,
                month,
                period,
            } => r
                .text("unit", &iku.unit)
                .text("iku", &iku.code)
                .int("year", *year)
                .month("month", *month)
                .with("period", Arg::Period(*period))
                .with("months", Arg::Months(period.months().to_vec())),
            Refusal::RollsUp {
                iku,
                field,
                children,
            } => r
                .text("unit", &iku.unit)
                .text("iku", &iku.code)
                .text("field", field.as_str())
                .with(
                    "children",
                    Arg::List(children.iter().map(|c| c.to_string()).collect()),
                ),
            Refusal::RealisasiFrozen { iku, year, month }
            | Refusal::TargetFrozen { iku, year, month } => r
                .text("unit", &iku.unit)
                .text("iku", &iku.code)
                .int("year", *year)
                .month("month", *month),
            Refusal::BadNumber { text, detail } => r.text("text", text).text("detail", detail),
            Refusal::Round(reason) => reason.clone(),
        }
    }
}

/// The IKU a roll-up IKU takes its values from: those cascaded from it in its unit's direct
/// child units, in unit/code order. Empty for an IKU that does not roll up.
pub fn rollup_children<'a>(ds: &'a Dataset, iku: &Iku) -> Vec<&'a Iku> {
    if !iku.rolls_up() {
        return Vec::new();
    }
    ds.ikus_cascaded_from(&iku.key())
        .filter(|c| {
            ds.units.get(&c.unit).and_then(|u| u.parent.as_deref()) == Some(iku.unit.as_str())
        })
        .collect()
}

fn find<'a>(ds: &'a Dataset, unit: &str, code: &str) -> Result<&'a Iku, Refusal> {
    if !ds.units.contains_key(unit) {
        return Err(Refusal::UnknownUnit {
            unit: unit.to_string(),
            year: ds.year,
        });
    }
    ds.iku
        .get(&CodeRef::new(unit, code))
        .ok_or_else(|| Refusal::UnknownIku {
            iku: CodeRef::new(unit, code),
            year: ds.year,
        })
}

/// The IKU `unit`/`code` when it exists and `month` is one of its reporting months: the first
/// steps shared by every per-month refusal.
fn reporting_month<'a>(
    ds: &'a Dataset,
    unit: &str,
    code: &str,
    month: u8,
) -> Result<&'a Iku, Refusal> {
    let iku = find(ds, unit, code)?;
    if !(1..=12).contains(&month) {
        return Err(Refusal::BadMonth {
            iku: iku.key(),
            month,
        });
    }
    if !iku.reporting_period.is_reporting_month(month) {
        return Err(Refusal::NotReportingMonth {
            iku: iku.key(),
            year: ds.year,
            month,
            period: iku.reporting_period,
        });
    }
    Ok(iku)
}

fn rolls_up(ds: &Dataset, iku: &Iku, field: super::change::Field) -> Result<(), Refusal> {
    let children: Vec<CodeRef> = rollup_children(ds, iku).into_iter().map(Iku::key).collect();
    if children.is_empty() {
        return Ok(());
    }
    Err(Refusal::RollsUp {
        iku: iku.key(),
        field,
        children,
    })
}

/// May the realisasi of `unit`/`code` in `month` be set or cleared now, without a reason? The
/// IKU when it may. (A month that was submitted needs a reason: [`realisasi_correction`].)
pub fn realisasi_change<'a>(
    ds: &'a Dataset,
    unit: &str,
    code: &str,
    month: u8,
) -> Result<&'a Iku, Refusal> {
    realisasi_correction(ds, unit, code, month, false)
}

/// [`realisasi_change`] for a change given with a reason (`with_reason`): step 6, a month that
/// was submitted (`diajukan`, `divalidasi`) takes a change only with a reason
/// ([`Code::CorrectionNeedsReason`]).
pub fn realisasi_correction<'a>(
    ds: &'a Dataset,
    unit: &str,
    code: &str,
    month: u8,
    with_reason: bool,
) -> Result<&'a Iku, Refusal> {
    let iku = reporting_month(ds, unit, code, month)?;
    rolls_up(ds, iku, super::change::Field::Realisasi)?;
    if ds.realisasi_frozen(iku, month) {
        return Err(Refusal::RealisasiFrozen {
            iku: iku.key(),
            year: ds.year,
            month,
        });
    }
    let state = ds.month_state(unit, month);
    if state.is_submitted() && !with_reason {
        return Err(Refusal::Round(
            Reason::new(Code::CorrectionNeedsReason)
                .text("unit", unit)
                .text("iku", code)
                .month("month", month)
                .text("state", state),
        ));
    }
    Ok(iku)
}

/// May the analysis or the evidence (`what`: `analysis`, `evidence`) of `unit`/`code` in
/// `month` change now? Refused, in this order: unknown unit or IKU, a month outside 1..=12, a
/// month that is not a reporting month, a closed month ([`Code::MonthClosed`]). The IKU when
/// it may.
pub fn round_change<'a>(
    ds: &'a Dataset,
    unit: &str,
    code: &str,
    month: u8,
    what: &'static str,
) -> Result<&'a Iku, Refusal> {
    let iku = reporting_month(ds, unit, code, month)?;
    if ds.month_state(unit, month).is_closed() {
        return Err(Refusal::Round(
            Reason::new(Code::MonthClosed)
                .text("unit", unit)
                .text("iku", code)
                .month("month", month)
                .text("what", what),
        ));
    }
    Ok(iku)
}

/// May the target of `unit`/`code` in `month` change now (by an addendum) — to a value when
/// `set`, or cleared? The IKU when it may.
pub fn target_change<'a>(
    ds: &'a Dataset,
    unit: &str,
    code: &str,
    month: u8,
    set: bool,
) -> Result<&'a Iku, Refusal> {
    let iku = find(ds, unit, code)?;
    if !(1..=12).contains(&month) {
        return Err(Refusal::BadMonth {
            iku: iku.key(),
            month,
        });
    }
    if set && !iku.reporting_period.is_reporting_month(month) {
        return Err(Refusal::NotReportingMonth {
            iku: iku.key(),
            year: ds.year,
            month,
            period: iku.reporting_period,
        });
    }
    rolls_up(ds, iku, super::change::Field::Targets)?;
    if super::rules::frozen_months(ds, iku)[usize::from(month - 1)] {
        return Err(Refusal::TargetFrozen {
            iku: iku.key(),
            year: ds.year,
            month,
        });
    }
    Ok(iku)
}

/// Why a realisasi asks for confirmation before it is stored (see the module docs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Implausible {
    /// The value's sign is opposite to that of every non-zero target of the IKU.
    OppositeSign {
        iku: CodeRef,
        month: u8,
        value: Decimal,
    },
    /// |value| > `factor` × `largest`, the largest target magnitude of the IKU.
    TooLarge {
        iku: CodeRef,
        month: u8,
        value: Decimal,
        largest: Decimal,
        factor: Decimal,
    },
}

impl Implausible {
    pub fn code(&self) -> Code {
        match self {
            Implausible::OppositeSign { .. } => Code::ImplausibleSign,
            Implausible::TooLarge { .. } => Code::ImplausibleSize,
        }
    }

    /// The value that was read.
    pub fn value(&self) -> Decimal {
        match self {
            Implausible::OppositeSign { value, .. } | Implausible::TooLarge { value, .. } => *value,
        }
    }

    /// As a reason (code and arguments) for rendering or for JSON.
    pub fn reason(&self) -> Reason {
        let r = Reason::new(self.code());
        match self {
            Implausible::OppositeSign { iku, month, value } => r
                .text("unit", &iku.unit)
                .text("iku", &iku.code)
                .month("month", *month)
                .with("value", Arg::Value(Some(*value))),
            Implausible::TooLarge {
                iku,
                month,
                value,
                largest,
                factor,
            } => r
                .text("unit", &iku.unit)
                .text("iku", &iku.code)
                .month("month", *month)
                .with("value", Arg::Value(Some(*value)))
                .num("factor", *factor, 0, 6)
                .with("largest", Arg::Value(Some(*largest))),
        }
    }
}

/// Is `value` a plausible realisasi of `iku` in `month` (see the module docs)? Clearing
/// (`None`) always is.
pub fn plausibility(
    rb: &Rulebook,
    iku: &Iku,
    month: u8,
    value: Option<Decimal>,
) -> Result<(), Implausible> {
    let Some(value) = value.filter(|v| !v.is_zero()) else {
        return Ok(());
    };
    let targets: Vec<Decimal> = iku.targets.iter().flatten().copied().collect();
    let non_zero: Vec<Decimal> = targets.iter().copied().filter(|t| !t.is_zero()).collect();
    if !non_zero.is_empty()
        && non_zero
            .iter()
            .all(|t| t.is_sign_negative() != value.is_sign_negative())
    {
        return Err(Implausible::OppositeSign {
            iku: iku.key(),
            month,
            value,
        });
    }
    let factor = rb.plausibility.factor.0;
    let Some(largest) = targets.iter().map(|t| t.abs()).max() else {
        return Ok(());
    };
    if largest.is_zero() {
        return Ok(());
    }
    // an unrepresentable limit is no limit: every value in the bounds is below it
    match largest.checked_mul(factor) {
        Some(limit) if value.abs() > limit => Err(Implausible::TooLarge {
            iku: iku.key(),
            month,
            value,
            largest,
            factor,
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{
        Addendum, Cascade, CascadeKind, CascadeMethod, Consolidation, Level, LocationConsolidation,
        Polarity, ReportingPeriod, Unit,
    };
    use rust_decimal::Decimal;

    fn unit(code: &str, parent: Option<&str>) -> Unit {
        Unit {
            code: code.into(),
            name: code.into(),
            level: Level::Three,
            parent: parent.map(Into::into),
            perspective_weights: Default::default(),
        }
    }

    /// P/R rolls up from C/K (cascaded, partial); P/Q is quarterly with March realisasi and an
    /// addendum of P dated in May; P/L rolls up but has no children.
    fn ds() -> Dataset {
        let mk =
            |u: &str, c: &str, p| Iku::new(u, c, "S", Polarity::Maximize, Consolidation::Sum, p);
        let mut r = mk("P", "R", ReportingPeriod::Monthly);
        r.location_consolidation = LocationConsolidation::Sum;
        let mut k = mk("C", "K", ReportingPeriod::Monthly);
        k.cascade = Some(Cascade {
            from: r.key(),
            method: CascadeMethod::Direct,
            kind: CascadeKind::Partial,
        });
        k.realisasi[0] = Some(Decimal::ONE);
        let mut q = mk("P", "Q", ReportingPeriod::Quarterly);
        q.realisasi[2] = Some(Decimal::ONE);
        let mut l = mk("P", "L", ReportingPeriod::Monthly);
        l.location_consolidation = LocationConsolidation::Sum;
        let add = Addendum {
            unit: "P".into(),
            version: 1,
            date: chrono::NaiveDate::from_ymd_opt(2025, 5, 2).unwrap(),
            reason: "x".into(),
            changes: Vec::new(),
        };
        Dataset::from_parts(
            2025,
            "r",
            [unit("P", None), unit("C", Some("P"))],
            [],
            [r, k, q, l],
            vec![add],
        )
    }

    fn code<T>(r: Result<T, Refusal>) -> Option<&'static str> {
        r.err().map(|e| e.code().as_str())
    }

    #[test]
    fn realisasi_rule_in_its_order() {
        let d = ds();
        assert_eq!(
            code(realisasi_change(&d, "X", "Q", 3)),
            Some("unknown_unit")
        );
        assert_eq!(code(realisasi_change(&d, "P", "X", 3)), Some("unknown_iku"));
        assert_eq!(code(realisasi_change(&d, "P", "Q", 13)), Some("bad_month"));
        assert_eq!(
            code(realisasi_change(&d, "P", "Q", 4)),
            Some("not_reporting_month")
        );
        // March had realisasi when the addendum was made: still correctable (§11, R10 freezes
        // targets only)
        assert_eq!(code(realisasi_change(&d, "P", "Q", 3)), None);
        assert_eq!(
            code(target_change(&d, "P", "Q", 3, true)),
            Some("target_frozen")
        );
        assert_eq!(code(realisasi_change(&d, "P", "Q", 6)), None);
        let Err(Refusal::RollsUp { children, .. }) = realisasi_change(&d, "P", "R", 1) else {
            panic!("a roll-up IKU with children is refused")
        };
        assert_eq!(children, vec![CodeRef::new("C", "K")]);
        assert_eq!(
            code(realisasi_change(&d, "P", "L", 1)),
            None,
            "no children: its own"
        );
        assert_eq!(code(realisasi_change(&d, "C", "K", 1)), None);
    }

    #[test]
    fn a_realisasi_far_outside_the_trajectory_is_implausible() {
        let rb = crate::domain::rulebook::Rulebook::default_rulebook();
        let mut i = Iku::new(
            "P",
            "N",
            "S",
            Polarity::Maximize,
            Consolidation::Sum,
            ReportingPeriod::Monthly,
        );
        let dd = |s: &str| Some(s.parse::<Decimal>().unwrap());
        // no targets: nothing to compare with
        assert_eq!(plausibility(&rb, &i, 1, dd("-5")), Ok(()));
        i.targets[0] = dd("0");
        i.targets[5] = dd("500");
        i.targets[11] = dd("1000");
        let c = |i: &Iku, v: &str| plausibility(&rb, i, 10, dd(v)).err().map(|e| e.code());
        assert_eq!(c(&i, "-5"), Some(Code::ImplausibleSign));
        assert_eq!(c(&i, "1234567"), Some(Code::ImplausibleSize));
        assert_eq!(c(&i, "10000"), None, "ten times is still plausible");
        assert_eq!(c(&i, "10000.000001"), Some(Code::ImplausibleSize));
        assert_eq!(c(&i, "0"), None);
        assert_eq!(c(&i, "1"), None);
        assert_eq!(plausibility(&rb, &i, 10, None), Ok(()), "clearing");
        // a minimize IKU with a negative trajectory: a positive value is the odd one
        for t in i.targets.iter_mut().flatten() {
            *t = -*t;
        }
        assert_eq!(c(&i, "-900"), None);
        assert_eq!(c(&i, "5"), Some(Code::ImplausibleSign));
        // a trajectory of zeros has no scale
        for t in i.targets.iter_mut().flatten() {
            *t = Decimal::ZERO;
        }
        assert_eq!(c(&i, "3"), None);
        assert_eq!(c(&i, "-3"), None);
        let Err(e) = plausibility(
            &rb,
            &{
                let mut j = i.clone();
                j.targets[11] = dd("10");
                j
            },
            10,
            dd("101"),
        ) else {
            panic!("implausible")
        };
        assert_eq!(e.value(), "101".parse::<Decimal>().unwrap());
        assert_eq!(e.reason().code, Code::ImplausibleSize);
    }

    #[test]
    fn target_rule_in_its_order() {
        let d = ds();
        assert_eq!(
            code(target_change(&d, "P", "Q", 4, true)),
            Some("not_reporting_month")
        );
        assert_eq!(
            code(target_change(&d, "P", "Q", 4, false)),
            None,
            "clearing is fine"
        );
        assert_eq!(
            code(target_change(&d, "P", "Q", 3, true)),
            Some("target_frozen")
        );
        assert_eq!(code(target_change(&d, "P", "R", 6, true)), Some("rolls_up"));
        assert_eq!(
            code(target_change(&d, "C", "K", 1, true)),
            Some("target_frozen")
        );
        assert_eq!(code(target_change(&d, "C", "K", 2, true)), None);
    }
}
