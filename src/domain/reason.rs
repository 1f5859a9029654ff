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

use super::model::ReportingPeriod;

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
    /// The argument called `name`.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }
}
