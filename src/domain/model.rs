//! The model of DOMAIN.md §2: units, SS, IKU (the whole Manual IKU), monthly slots, PK versions.
//!
//! These types are stored (bincode, see `store::codec`) and so follow the storage habits:
//! `Decimal` as a string, no `serde(skip|flatten|tag|untagged)`.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Twelve monthly slots, January first.
pub type Months = [Option<Decimal>; 12];

/// An empty set of twelve monthly slots.
pub const NO_MONTHS: Months = [None; 12];

/// Implements `as_str`/`parse`/`ALL` for a plain enum spelled in snake_case in the formats.
macro_rules! spelled_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name { $($variant),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The spelling used in the JSON/CSV formats and the rulebooks.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
            /// Reads the format spelling; `None` for anything else.
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }
            /// Every accepted spelling, for error messages.
            pub fn spellings() -> String {
                [$($text),+].join(" | ")
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

spelled_enum!(
    /// Level of a UPK (Unit Pemilik Kinerja).
    Level { Wide => "wide", One => "one", Two => "two", Three => "three" }
);
spelled_enum!(
    /// Perspective of the Peta Strategi.
    Perspective {
        Stakeholder => "stakeholder",
        Customer => "customer",
        InternalProcess => "internal_process",
        LearningGrowth => "learning_growth",
    }
);
spelled_enum!(Polarity { Maximize => "maximize", Minimize => "minimize", Stabilize => "stabilize" });
spelled_enum!(
    /// How values of several months are consolidated into one (§3).
    Consolidation { Sum => "sum", Average => "average", Last => "last" }
);
spelled_enum!(
    ReportingPeriod { Monthly => "monthly", Quarterly => "quarterly", Semester => "semester", Annual => "annual" }
);
spelled_enum!(Validity { Exact => "exact", Proxy => "proxy", Activity => "activity" });
spelled_enum!(Control { High => "high", Moderate => "moderate", Low => "low" });
spelled_enum!(CascadeMethod { Direct => "direct", Indirect => "indirect" });
spelled_enum!(CascadeKind { Full => "full", Partial => "partial" });
spelled_enum!(
    /// Roll-up of a partial cascade from the direct child units (§6).
    LocationConsolidation { None => "none", Sum => "sum", Average => "average", Last => "last" }
);
spelled_enum!(TargetBasis { Normal => "normal", Law => "law", Special => "special" });

impl ReportingPeriod {
    /// The reporting months (1-based) of this period.
    pub fn months(self) -> &'static [u8] {
        match self {
            ReportingPeriod::Monthly => &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
            ReportingPeriod::Quarterly => &[3, 6, 9, 12],
            ReportingPeriod::Semester => &[6, 12],
            ReportingPeriod::Annual => &[12],
        }
    }
    pub fn is_reporting_month(self, month: u8) -> bool {
        self.months().contains(&month)
    }
}

impl LocationConsolidation {
    pub fn as_consolidation(self) -> Option<Consolidation> {
        match self {
            LocationConsolidation::None => None,
            LocationConsolidation::Sum => Some(Consolidation::Sum),
            LocationConsolidation::Average => Some(Consolidation::Average),
            LocationConsolidation::Last => Some(Consolidation::Last),
        }
    }
}

/// A reference to an SS or IKU of some unit.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CodeRef {
    pub unit: String,
    pub code: String,
}

impl CodeRef {
    pub fn new(unit: impl Into<String>, code: impl Into<String>) -> Self {
        CodeRef {
            unit: unit.into(),
            code: code.into(),
        }
    }
}

impl std::fmt::Display for CodeRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.unit, self.code)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cascade {
    pub from: CodeRef,
    pub method: CascadeMethod,
    pub kind: CascadeKind,
}

/// A decimal stored as its exact text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Dec(#[serde(with = "rust_decimal::serde::str")] pub Decimal);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    pub code: String,
    pub name: String,
    pub level: Level,
    pub parent: Option<String>,
    /// Perspective weights set in the PK; empty means the rulebook default.
    pub perspective_weights: BTreeMap<Perspective, Dec>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ss {
    pub unit: String,
    pub code: String,
    pub perspective: Perspective,
    pub name: String,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub weight: Option<Decimal>,
    pub cascaded_from: Option<CodeRef>,
}

/// One point of a stabilize scale: Ca (percent) → score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScalePoint {
    #[serde(with = "rust_decimal::serde::str")]
    pub ca: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub score: Decimal,
}

/// Monthly slots as stored: each value as exact text.
pub mod months_serde {
    use super::*;
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(m: &Months, s: S) -> Result<S::Ok, S::Error> {
        let v: Vec<Option<String>> = m.iter().map(|x| x.map(|d| d.to_string())).collect();
        v.serialize(s)
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Months, D::Error> {
        use serde::de::Error;
        let v: Vec<Option<String>> = Vec::deserialize(d)?;
        if v.len() != 12 {
            return Err(D::Error::custom(format!(
                "expected 12 months, found {}",
                v.len()
            )));
        }
        let mut out = NO_MONTHS;
        for (i, s) in v.into_iter().enumerate() {
            out[i] = match s {
                None => None,
                Some(t) => Some(t.parse::<Decimal>().map_err(D::Error::custom)?),
            };
        }
        Ok(out)
    }
}

/// The Manual IKU plus its monthly targets and realisasi.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Iku {
    pub unit: String,
    pub code: String,
    pub ss: String,
    pub name: String,
    pub definition: String,
    pub formula: String,
    pub unit_of_measure: String,
    pub polarity: Polarity,
    pub period_consolidation: Consolidation,
    pub reporting_period: ReportingPeriod,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub weight: Option<Decimal>,
    pub konversi_120: bool,
    pub stabilize_scale: Option<Vec<ScalePoint>>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub worst_realisasi: Option<Decimal>,
    pub validity: Validity,
    pub control: Control,
    pub measures_quality_or_time: bool,
    pub cascade: Option<Cascade>,
    pub location_consolidation: LocationConsolidation,
    pub tanggung_renteng: bool,
    pub collective: bool,
    pub target_basis: TargetBasis,
    pub special_points: Option<u8>,
    pub special_reason: Option<String>,
    pub new_iku: bool,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub target_prev: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub realisasi_prev: Option<Decimal>,
    pub capaian_prev2_over_125: bool,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub avg_realisasi_prev: Option<Decimal>,
    pub data_source: String,
    pub responsible: String,
    #[serde(with = "months_serde")]
    pub targets: Months,
    #[serde(with = "months_serde")]
    pub realisasi: Months,
}

impl Iku {
    /// A minimal IKU with the defaults of DOMAIN.md for every optional field.
    pub fn new(
        unit: &str,
        code: &str,
        ss: &str,
        polarity: Polarity,
        period_consolidation: Consolidation,
        reporting_period: ReportingPeriod,
    ) -> Self {
        Iku {
            unit: unit.into(),
            code: code.into(),
            ss: ss.into(),
            name: code.into(),
            definition: String::new(),
            formula: String::new(),
            unit_of_measure: "%".into(),
            polarity,
            period_consolidation,
            reporting_period,
            weight: None,
            konversi_120: false,
            stabilize_scale: None,
            worst_realisasi: None,
            validity: Validity::Proxy,
            control: Control::Moderate,
            measures_quality_or_time: false,
            cascade: None,
            location_consolidation: LocationConsolidation::None,
            tanggung_renteng: false,
            collective: false,
            target_basis: TargetBasis::Normal,
            special_points: None,
            special_reason: None,
            new_iku: false,
            target_prev: None,
            realisasi_prev: None,
            capaian_prev2_over_125: false,
            avg_realisasi_prev: None,
            data_source: String::new(),
            responsible: String::new(),
            targets: NO_MONTHS,
            realisasi: NO_MONTHS,
        }
    }

    pub fn key(&self) -> CodeRef {
        CodeRef::new(&self.unit, &self.code)
    }

    /// True when this IKU takes its values from its children (§6).
    pub fn rolls_up(&self) -> bool {
        self.location_consolidation != LocationConsolidation::None
            && self
                .cascade
                .as_ref()
                .is_none_or(|c| c.kind == CascadeKind::Partial)
    }

    pub fn is_cascaded(&self) -> bool {
        self.cascade.is_some()
    }
}

// Which monthly series an addendum change touches.
spelled_enum!(MonthField { Targets => "targets", Realisasi => "realisasi" });

/// One change of an addendum: a monthly value, an added IKU or a removed IKU.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddendumChange {
    pub iku: String,
    /// `targets` or `realisasi` for a monthly change, `add_iku`/`remove_iku` for structure.
    pub field: String,
    /// 1..=12 for a monthly change, 0 otherwise.
    pub month: u8,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub old: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub new: Option<Decimal>,
}

/// A PK addendum: makes version `version` of the unit's PK.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Addendum {
    pub unit: String,
    pub version: u32,
    pub date: NaiveDate,
    pub reason: String,
    pub changes: Vec<AddendumChange>,
}

/// One year's data: the unit tree and the PKs of that year.
///
/// Collections are keyed so that iteration is in the stable export order (unit code, then code).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dataset {
    pub year: i32,
    pub rulebook: String,
    pub units: BTreeMap<String, Unit>,
    pub ss: BTreeMap<CodeRef, Ss>,
    pub iku: BTreeMap<CodeRef, Iku>,
    pub addenda: Vec<Addendum>,
    index: Index,
}

/// Derived lookups, rebuilt whenever the structure changes (not when values change).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Index {
    children: HashMap<String, Vec<String>>,
    ss_of_unit: HashMap<String, Vec<CodeRef>>,
    iku_of_ss: HashMap<CodeRef, Vec<CodeRef>>,
    cascaded_children: HashMap<CodeRef, Vec<CodeRef>>,
    roots: Vec<String>,
}

impl Dataset {
    pub fn new(year: i32, rulebook: impl Into<String>) -> Self {
        Dataset {
            year,
            rulebook: rulebook.into(),
            ..Default::default()
        }
    }

    /// Builds a dataset from its parts and indexes it.
    pub fn from_parts(
        year: i32,
        rulebook: impl Into<String>,
        units: impl IntoIterator<Item = Unit>,
        ss: impl IntoIterator<Item = Ss>,
        iku: impl IntoIterator<Item = Iku>,
        addenda: Vec<Addendum>,
    ) -> Self {
        let mut d = Dataset::new(year, rulebook);
        d.units = units.into_iter().map(|u| (u.code.clone(), u)).collect();
        d.ss = ss
            .into_iter()
            .map(|s| (CodeRef::new(&s.unit, &s.code), s))
            .collect();
        d.iku = iku.into_iter().map(|i| (i.key(), i)).collect();
        d.addenda = addenda;
        d.reindex();
        d
    }

    /// Rebuilds the derived lookups; call after adding or removing units, SS or IKU.
    pub fn reindex(&mut self) {
        let mut ix = Index::default();
        for u in self.units.values() {
            match &u.parent {
                Some(p) => ix
                    .children
                    .entry(p.clone())
                    .or_default()
                    .push(u.code.clone()),
                None => ix.roots.push(u.code.clone()),
            }
        }
        for (k, s) in &self.ss {
            ix.ss_of_unit
                .entry(s.unit.clone())
                .or_default()
                .push(k.clone());
        }
        for (k, i) in &self.iku {
            ix.iku_of_ss
                .entry(CodeRef::new(&i.unit, &i.ss))
                .or_default()
                .push(k.clone());
            if let Some(c) = &i.cascade {
                ix.cascaded_children
                    .entry(c.from.clone())
                    .or_default()
                    .push(k.clone());
            }
        }
        self.index = ix;
    }

    pub fn roots(&self) -> &[String] {
        &self.index.roots
    }
    /// Direct child units, in code order.
    pub fn children(&self, unit: &str) -> &[String] {
        self.index.children.get(unit).map_or(&[], |v| v.as_slice())
    }
    /// SS of a unit, in code order.
    pub fn ss_of(&self, unit: &str) -> &[CodeRef] {
        self.index
            .ss_of_unit
            .get(unit)
            .map_or(&[], |v| v.as_slice())
    }
    /// IKU of an SS, in code order.
    pub fn iku_of_ss(&self, ss: &CodeRef) -> &[CodeRef] {
        self.index.iku_of_ss.get(ss).map_or(&[], |v| v.as_slice())
    }
    /// The IKU records of an SS, in code order.
    pub fn ikus_in_ss<'a>(&'a self, ss: &CodeRef) -> impl Iterator<Item = &'a Iku> + 'a {
        self.iku_of_ss(ss).iter().filter_map(|k| self.iku.get(k))
    }
    /// The IKU records cascaded from `source`, in unit/code order.
    pub fn ikus_cascaded_from<'a>(
        &'a self,
        source: &CodeRef,
    ) -> impl Iterator<Item = &'a Iku> + 'a {
        self.cascaded_from(source)
            .iter()
            .filter_map(|k| self.iku.get(k))
    }
    /// IKU of a unit, in code order.
    pub fn iku_of_unit<'a>(&'a self, unit: &'a str) -> impl Iterator<Item = &'a Iku> + 'a {
        let start = CodeRef::new(unit, "");
        self.iku
            .range(start..)
            .take_while(move |(k, _)| k.unit == unit)
            .map(|(_, v)| v)
    }
    /// IKUs (in any unit) whose `cascade.from` is `source`, in unit/code order.
    pub fn cascaded_from(&self, source: &CodeRef) -> &[CodeRef] {
        self.index
            .cascaded_children
            .get(source)
            .map_or(&[], |v| v.as_slice())
    }
    /// The chain of ancestors of a unit, nearest first (not including the unit).
    pub fn ancestors(&self, unit: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut cur = self.units.get(unit).and_then(|u| u.parent.clone());
        while let Some(c) = cur {
            if out.contains(&c) || out.len() > self.units.len() {
                break; // a cycle; import refuses these, but never loop
            }
            cur = self.units.get(&c).and_then(|u| u.parent.clone());
            out.push(c);
        }
        out
    }
    /// Depth of a unit in the tree (root = 0).
    pub fn depth(&self, unit: &str) -> usize {
        self.ancestors(unit).len()
    }
    /// Whether a month's realisasi of an IKU is frozen (R10): the unit has an addendum dated
    /// after that month ended while the month had realisasi, so the addendum was based on it.
    pub fn realisasi_frozen(&self, iku: &Iku, month: u8) -> bool {
        if !(1..=12).contains(&month) || iku.realisasi[(month - 1) as usize].is_none() {
            return false;
        }
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(self.year + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(self.year, u32::from(month) + 1, 1)
        };
        let Some(next) = next else { return false };
        self.addenda
            .iter()
            .any(|a| a.unit == iku.unit && a.date >= next)
    }

    /// The latest PK version of a unit (0 when it has no addendum).
    pub fn pk_version(&self, unit: &str) -> u32 {
        self.addenda
            .iter()
            .filter(|a| a.unit == unit)
            .map(|a| a.version)
            .max()
            .unwrap_or(0)
    }
}
