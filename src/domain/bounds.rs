//! The bounds of a stored number (`domain` §4): a target, realisasi or any other value a person
//! types has a magnitude below 10^[`MAX_MAGNITUDE_DIGITS`] and at most [`MAX_DECIMALS`] decimal
//! places.
//!
//! The bounds are what makes every computation of the regulation representable in a
//! `rust_decimal::Decimal` (96-bit mantissa, about 7.9 × 10^28): twelve months summed, a roll-up
//! over thousands of child units, a ratio R / T with T as small as 10^-6, each times 100, all
//! stay far below the mantissa's limit. They are a property of the number representation, not
//! of a regulation, so they are one constant here rather than a rulebook entry (a rulebook
//! loaded with `--rules` must not be able to lift them). Arithmetic is still checked
//! everywhere: a result that cannot be represented is *not computable*, never a crash.

use rust_decimal::Decimal;

/// A value's magnitude is below 10^15 (a quadrillion: Rp 10^15 miliar is far beyond any budget).
pub const MAX_MAGNITUDE_DIGITS: u32 = 15;
/// At most this many decimal places (after trailing zeros are dropped).
pub const MAX_DECIMALS: u32 = 6;

/// 10^[`MAX_MAGNITUDE_DIGITS`]: the first magnitude that is refused.
pub fn magnitude_limit() -> Decimal {
    Decimal::from(10i64.pow(MAX_MAGNITUDE_DIGITS))
}

/// Why a value is outside the bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoundError {
    /// |value| ≥ 10^15.
    TooLarge,
    /// More than [`MAX_DECIMALS`] decimal places.
    TooManyDecimals,
}

/// Checks a value against the bounds.
pub fn check(v: Decimal) -> Result<(), BoundError> {
    if v.abs() >= magnitude_limit() {
        return Err(BoundError::TooLarge);
    }
    if v.normalize().scale() > MAX_DECIMALS {
        return Err(BoundError::TooManyDecimals);
    }
    Ok(())
}

/// True when the value is within the bounds.
pub fn within(v: Decimal) -> bool {
    check(v).is_ok()
}

/// Why `v` is beyond the bounds, as data (`text::reason::bound` renders it).
pub fn reason(v: Decimal, e: BoundError) -> super::reason::Reason {
    use super::reason::{Code, Reason};
    match e {
        BoundError::TooLarge => Reason::new(Code::TooLarge).num("value", v, 0, 28),
        BoundError::TooManyDecimals => Reason::new(Code::TooManyDecimals)
            .num("value", v, 0, 28)
            .int("max", MAX_DECIMALS),
    }
}

/// One stored value of an IKU beyond the bounds: the field (`targets`, `realisasi`, `weight`,
/// …), the month for a monthly value, the value and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub field: &'static str,
    pub month: Option<u8>,
    pub value: Decimal,
    pub reason: BoundError,
}

impl Violation {
    /// `realisasi 10: … out of bounds …`, as data: the field, the month and why.
    pub fn reason(&self) -> super::reason::Reason {
        reason(self.value, self.reason)
    }
}

/// Every stored value of an IKU beyond the bounds (a store written by an older version).
pub fn iku_violations(i: &super::model::Iku) -> Vec<Violation> {
    let mut out = Vec::new();
    let mut add = |field, month, v: Option<Decimal>| {
        if let Some(v) = v
            && let Err(reason) = check(v)
        {
            out.push(Violation {
                field,
                month,
                value: v,
                reason,
            });
        }
    };
    for (field, months) in [("targets", &i.targets), ("realisasi", &i.realisasi)] {
        for (k, v) in months.iter().enumerate() {
            add(field, Some(k as u8 + 1), *v);
        }
    }
    add("weight", None, i.weight);
    add("worst_realisasi", None, i.worst_realisasi);
    add("target_prev", None, i.target_prev);
    add("realisasi_prev", None, i.realisasi_prev);
    add("avg_realisasi_prev", None, i.avg_realisasi_prev);
    if let Some(scale) = &i.stabilize_scale {
        for p in scale {
            add("stabilize_scale", None, Some(p.ca));
            add("stabilize_scale", None, Some(p.score));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn at_and_beyond_the_bounds() {
        assert!(within(d("999999999999999.999999")));
        assert!(within(d("-999999999999999.999999")));
        assert_eq!(check(d("1000000000000000")), Err(BoundError::TooLarge));
        assert_eq!(check(d("-1000000000000000")), Err(BoundError::TooLarge));
        assert_eq!(check(d("0.0000001")), Err(BoundError::TooManyDecimals));
        assert!(
            within(d("1.50000000")),
            "trailing zeros are not decimal places"
        );
        assert!(within(Decimal::MAX.trunc() / Decimal::MAX.trunc()));
        assert_eq!(check(Decimal::MAX), Err(BoundError::TooLarge));
    }
}
