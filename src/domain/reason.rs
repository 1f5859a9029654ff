//! Reasons as data: a [`Code`] and its arguments, rendered into a sentence only at the edge.
//!
//! The domain decides *why* (an edit is refused, a rule finds something, a K3 component has the
//! points it has) and says it as a [`Reason`]: a stable code plus named arguments in
//! language-free form (codes, month numbers, exact decimals). `text::reason` turns a reason into
//! a sentence in the user's language; the JSON outputs carry the code and the arguments beside
//! that sentence, so that a program reading them never depends on the language. The codes are
//! listed in the README ("Reason codes").
//!
//! Nothing here knows a language: the domain holds no global language state and does not use
//! the text catalogues.

use rust_decimal::Decimal;

use super::model::{Control, Level, Polarity, ReportingPeriod, Validity};

/// Declares [`Code`] with its spelling (the `code` of the JSON outputs), spelled once.
macro_rules! codes {
    ($($variant:ident => $text:literal),+ $(,)?) => {
        /// What a reason is about. The spelling is stable: programs read it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $($variant),+ }
        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant),+];
            /// The stable spelling, e.g. `rolls_up`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $text),+ }
            }
            pub fn parse(s: &str) -> Option<Code> {
                match s { $($text => Some(Code::$variant),)+ _ => None }
            }
        }
        impl std::fmt::Display for Code {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

codes! {
    // Refusals of an edit (domain::edit).
    UnknownUnit => "unknown_unit",
    UnknownIku => "unknown_iku",
    BadMonth => "bad_month",
    NotReportingMonth => "not_reporting_month",
    RollsUp => "rolls_up",
    RealisasiFrozen => "realisasi_frozen",
    TargetFrozen => "target_frozen",
    BadNumber => "bad_number",
    // A realisasi that asks for confirmation (domain::edit::plausibility).
    ImplausibleSign => "implausible_sign",
    ImplausibleSize => "implausible_size",
    // Refusals of the month-end round (domain::round).
    RoleNotAllowed => "role_not_allowed",
    StateNotAllowed => "state_not_allowed",
    ReasonRequired => "reason_required",
    CorrectionNeedsReason => "correction_needs_reason",
    MonthClosed => "month_closed",
    EvidenceMissing => "evidence_missing",
    EvidenceUnknown => "evidence_unknown",
    BadText => "bad_text",
    // Findings of the round (domain::rules::check_round).
    OverdueEntry => "overdue_entry",
    OverdueValidation => "overdue_validation",
    OverdueClosing => "overdue_closing",
    NoAnalysis => "no_analysis",
    NoEvidence => "no_evidence",

    // Findings of the rule checks (domain::rules); the finding's `id` names the rule.
    IkuCount => "iku_count",
    DirectCascadeTooDeep => "direct_cascade_too_deep",
    NoOwnIku => "no_own_iku",
    InvalidCell => "invalid_cell",
    SsWithoutIku => "ss_without_iku",
    SsActivityOnly => "ss_activity_only",
    NoTarget => "no_target",
    MissingTarget => "missing_target",
    TargetOutsideReporting => "target_outside_reporting",
    ZeroTarget => "zero_target",
    RealisasiOutsideReporting => "realisasi_outside_reporting",
    IkuSourceMissing => "iku_source_missing",
    IkuSourceNotAncestor => "iku_source_not_ancestor",
    SsSourceMissing => "ss_source_missing",
    SsSourceNotAncestor => "ss_source_not_ancestor",
    IkuWeights => "iku_weights",
    SsWeights => "ss_weights",
    PerspectiveWeights => "perspective_weights",
    WithoutWeight => "without_weight",
    AddendumDue => "addendum_due",
    AddendumDueMinimize => "addendum_due_minimize",
    FrozenChanged => "frozen_changed",
    FrozenRemoved => "frozen_removed",
    PartialCascadeSum => "partial_cascade_sum",
    FullCascadeTarget => "full_cascade_target",
    ChildTarget => "child_target",
    MissingRealisasi => "missing_realisasi",
    StoredOutOfBounds => "stored_out_of_bounds",
    OutOfBounds => "out_of_bounds",
    ValueOfIkuMonth => "value_of_iku_month",
    ValueOfIku => "value_of_iku",
    ValueOfUnit => "value_of_unit",
    TooLarge => "too_large",
    TooManyDecimals => "too_many_decimals",

    // Warnings of the K3 breakdown (domain::k3), also findings `K3`.
    NoReference => "no_reference",
    SpecialWithoutPoints => "special_without_points",
    MultiplierUnknown => "multiplier_unknown",
    TargetEqualsT1R1 => "target_equals_t1_r1",
    // The reference values and last year's figures the K3 reasons name.
    RefTargetPrev => "ref_target_prev",
    RefRealisasiPrev => "ref_realisasi_prev",
    RefAvgRealisasiPrev => "ref_avg_realisasi_prev",
    NameT1 => "name_t1",
    NameR1 => "name_r1",
    NameR1Avg => "name_r1_avg",

    // The parts of a K3 reason (domain::k3): why an IKU has its IKU-quality points or
    // multiplier, why its target has its points or multiplier, and why a plan is what it is.
    IkuNotCascadedActivity => "iku_not_cascaded_activity",
    IkuNotCascadedQuality => "iku_not_cascaded_quality",
    IkuNotCascaded => "iku_not_cascaded",
    IkuCascaded => "iku_cascaded",
    IkuCascadedInvalid => "iku_cascaded_invalid",
    IkuCapped => "iku_capped",
    IkuInQuota => "iku_in_quota",
    IkuTanggungRenteng => "iku_tanggung_renteng",
    IkuLeftOut => "iku_left_out",
    TargetLaw => "target_law",
    TargetInstitutionMax => "target_institution_max",
    TargetStable => "target_stable",
    TargetSpecial => "target_special",
    TargetSpecialInvalid => "target_special_invalid",
    TargetNewIku => "target_new_iku",
    TargetStabilize => "target_stabilize",
    TargetKonversi120 => "target_konversi_120",
    TargetNoAnnual => "target_no_annual",
    TargetNoReference => "target_no_reference",
    TargetRatio => "target_ratio",
    MultIku => "mult_iku",
    MultIkuInvalid => "mult_iku_invalid",
    MultLaw => "mult_law",
    MultInstitutionMax => "mult_institution_max",
    MultStable => "mult_stable",
    MultNewIku => "mult_new_iku",
    MultStabilize => "mult_stabilize",
    MultNoAnnual => "mult_no_annual",
    MultUnknown => "mult_unknown",
    MultAboveBoth => "mult_above_both",
    MultEqualR1AboveT1 => "mult_equal_r1_above_t1",
    MultBetween => "mult_between",
    MultEqualT1R1NotAbove => "mult_equal_t1_r1_not_above",
    MultEqualT1R1Above => "mult_equal_t1_r1_above",
    MultBelowT1 => "mult_below_t1",
    MultMinimize => "mult_minimize",
    MultNewWithHistory => "mult_new_with_history",
    MultMandatory => "mult_mandatory",
    MultIkuK3 => "mult_iku_k3",
    PlanNeedsT1R1 => "plan_needs_t1_r1",
    PlanNeedsReference => "plan_needs_reference",
}

/// One argument of a reason, in a form free of any language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// A code or a name, shown as it is.
    Text(String),
    /// A whole number.
    Int(i64),
    /// An exact decimal, shown rounded to `max_dp` places (at least `min_dp`) in the user's
    /// locale; the JSON outputs carry the exact value.
    Num {
        value: Decimal,
        min_dp: u32,
        max_dp: u32,
    },
    /// A month 1..=12 (shown by its name).
    Month(u8),
    /// Several months 1..=12.
    Months(Vec<u8>),
    /// Several codes, shown as a list.
    List(Vec<String>),
    /// A reporting period (shown in the user's language).
    Period(ReportingPeriod),
    /// A unit level (shown in the user's language).
    Level(Level),
    /// A polarity (shown in the user's language).
    Polarity(Polarity),
    /// A validity × control cell (shown in the user's language).
    Cell(Validity, Control),
    /// A monthly value or its absence (shown with up to 6 decimals, or as "empty").
    Value(Option<Decimal>),
    /// A reason inside a reason (what a sentence names, e.g. a reference value).
    Reason(Box<Reason>),
    /// Several reasons, shown as a list.
    Reasons(Vec<Reason>),
}

/// A reason: what it is about and its arguments, by name, in the order given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub code: Code,
    pub args: Vec<(&'static str, Arg)>,
}

impl Reason {
    pub fn new(code: Code) -> Reason {
        Reason {
            code,
            args: Vec::new(),
        }
    }
    /// Adds an argument.
    pub fn with(mut self, name: &'static str, arg: Arg) -> Reason {
        self.args.push((name, arg));
        self
    }
    pub fn text(self, name: &'static str, v: impl std::fmt::Display) -> Reason {
        self.with(name, Arg::Text(v.to_string()))
    }
    pub fn int(self, name: &'static str, v: impl Into<i64>) -> Reason {
        self.with(name, Arg::Int(v.into()))
    }
    pub fn month(self, name: &'static str, m: u8) -> Reason {
        self.with(name, Arg::Month(m))
    }
    /// A decimal shown with `min_dp..=max_dp` places.
    pub fn num(self, name: &'static str, value: Decimal, min_dp: u32, max_dp: u32) -> Reason {
        self.with(
            name,
            Arg::Num {
                value,
                min_dp,
                max_dp,
            },
        )
    }
    pub fn months(self, name: &'static str, ms: Vec<u8>) -> Reason {
        self.with(name, Arg::Months(ms))
    }
    pub fn list(self, name: &'static str, items: Vec<String>) -> Reason {
        self.with(name, Arg::List(items))
    }
    pub fn reason(self, name: &'static str, r: Reason) -> Reason {
        self.with(name, Arg::Reason(Box::new(r)))
    }
    /// The argument called `name`.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }
}
