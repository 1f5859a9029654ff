//! The model of `domain` §2: units, SS, IKU (the whole Manual IKU), monthly slots, PK versions.
//!
//! These types are stored (bincode, see `store::codec`) and so follow the storage habits:
//! `Decimal` as a string, no `serde(skip|flatten|tag|untagged)`.

use std::collections::{BTreeMap, HashMap, HashSet};

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
spelled_enum!(TargetBasis {
    Normal => "normal",
    Law => "law",
    Special => "special",
    InstitutionMax => "institution_max",
    Stable => "stable",
});

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
        s.collect_seq(m.iter().map(|x| x.map(Dec)))
    }

    /// Reads the twelve slots straight into the array (no list of strings in between: an IKU
    /// has 24 of them and a ministry-scale year 25,000 IKU).
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Months, D::Error> {
        d.deserialize_seq(MonthsVisitor)
    }

    struct MonthsVisitor;

    impl<'de> serde::de::Visitor<'de> for MonthsVisitor {
        type Value = Months;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("12 monthly values")
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Months, A::Error> {
            use serde::de::Error;
            let mut out = NO_MONTHS;
            let mut n = 0usize;
            while let Some(v) = seq.next_element::<Option<Dec>>()? {
                if let Some(slot) = out.get_mut(n) {
                    *slot = v.map(|d| d.0);
                }
                n += 1;
            }
            if n != 12 {
                return Err(A::Error::custom(format!("expected 12 months, found {n}")));
            }
            Ok(out)
        }
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
    /// An IKU the ministry imposes on every unit (DOMAIN.md §10a): under kmk-127-2026 its
    /// target multiplier is at least the rulebook's `mandatory_min`. The last field: a stored
    /// record of version 1 is this layout without it (`store::codec`).
    pub mandatory: bool,
}

impl Iku {
    /// A minimal IKU with the defaults of the `domain` docs (§2) for every optional field.
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
            mandatory: false,
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

/// One line of an addendum's record: a monthly value with the value it replaced, an added IKU
/// or a removed IKU. The writes it stands for are [`super::change::Change::addendum_writes`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddendumChange {
    pub iku: String,
    /// `targets` or `realisasi` for a monthly change, `add_iku`/`remove_iku` for structure.
    pub field: super::change::Field,
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
    /// The month-end round of each unit (DOMAIN.md §11; not in the year snapshot: the store
    /// keeps it in its own records and adds it to every year it loads).
    pub round: super::round::Rounds,
    index: Index,
    /// Set on a partial dataset (see [`Dataset::partial`]): what it takes from the whole year.
    whole: Option<Box<WholeYear>>,
}

/// The figures of a whole year that a partial dataset cannot compute from the units it holds:
/// they reach into units it does not hold. The store keeps them beside its year snapshot.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WholeYear {
    /// `score::latest_period` of the whole year.
    pub latest_period: Option<u8>,
    /// `score::default_period` of the whole year.
    pub default_period: Option<u8>,
    /// The consolidated (targets, realisasi) of every IKU that rolls up from child units
    /// (`score::effective_months`), by IKU.
    pub rolled: HashMap<CodeRef, (Months, Months)>,
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

impl Index {
    /// The unit part: children and roots, in the order given (code order).
    fn of_units<'a>(units: impl IntoIterator<Item = &'a Unit>) -> Index {
        let mut ix = Index::default();
        for u in units {
            match &u.parent {
                Some(p) => push_to(&mut ix.children, p, u.code.clone()),
                None => ix.roots.push(u.code.clone()),
            }
        }
        ix
    }

    /// The SS part: the SS of each unit.
    fn of_ss<'a>(ss: impl IntoIterator<Item = &'a Ss>) -> Index {
        let mut ix = Index::default();
        for s in ss {
            push_to(&mut ix.ss_of_unit, &s.unit, CodeRef::new(&s.unit, &s.code));
        }
        ix
    }

    /// The IKU part: the IKU of each SS and the IKU cascaded from each IKU.
    fn of_iku<'a>(iku: impl IntoIterator<Item = &'a Iku>) -> Index {
        let mut ix = Index::default();
        for i in iku {
            let ss = CodeRef::new(&i.unit, &i.ss);
            match ix.iku_of_ss.get_mut(&ss) {
                Some(v) => v.push(i.key()),
                None => {
                    ix.iku_of_ss.insert(ss, vec![i.key()]);
                }
            }
            if let Some(c) = &i.cascade {
                match ix.cascaded_children.get_mut(&c.from) {
                    Some(v) => v.push(i.key()),
                    None => {
                        ix.cascaded_children.insert(c.from.clone(), vec![i.key()]);
                    }
                }
            }
        }
        ix
    }
}

/// Codes compared as people read them: `SS-2` before `SS-10`, `1a-N` before `10a-N`; codes
/// that differ only in ways the natural order ignores fall back to plain text order, so the
/// order is total.
pub fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    alphanumeric_sort::compare_str(a, b).then_with(|| a.cmp(b))
}

impl Index {
    /// Puts every list in the order the screens and reports show: units and IKU by natural code
    /// order, the SS of a unit by perspective, then natural code order.
    fn order(&mut self, ss: &BTreeMap<CodeRef, Ss>) {
        self.roots.sort_by(|a, b| natural_cmp(a, b));
        for v in self.children.values_mut() {
            v.sort_by(|a, b| natural_cmp(a, b));
        }
        for v in self.ss_of_unit.values_mut() {
            let rank = |k: &CodeRef| ss.get(k).map(|s| s.perspective);
            v.sort_by(|a, b| {
                rank(a)
                    .cmp(&rank(b))
                    .then_with(|| natural_cmp(&a.code, &b.code))
            });
        }
        for v in self.iku_of_ss.values_mut() {
            v.sort_by(|a, b| natural_cmp(&a.code, &b.code));
        }
        for v in self.cascaded_children.values_mut() {
            v.sort_by(|a, b| {
                natural_cmp(&a.unit, &b.unit).then_with(|| natural_cmp(&a.code, &b.code))
            });
        }
    }
}

/// The index parts of a year's chunks, and the units whose SS and IKU were replaced in the maps
/// after the parts were made ([`Dataset::from_maps`]).
pub struct ChunkIndex {
    pub parts: Vec<IndexPart>,
    pub stale_units: Vec<String>,
}

impl Index {
    /// Redoes the SS and IKU entries of `units` from the maps (their records were replaced).
    fn patch_units(
        &mut self,
        units: &[String],
        ss: &BTreeMap<CodeRef, Ss>,
        iku: &BTreeMap<CodeRef, Iku>,
    ) {
        if units.is_empty() {
            return;
        }
        let stale: HashSet<&str> = units.iter().map(String::as_str).collect();
        fn of_unit<'a, V>(
            map: &'a BTreeMap<CodeRef, V>,
            unit: &'a str,
        ) -> impl Iterator<Item = &'a V> {
            map.range(CodeRef::new(unit, "")..)
                .take_while(move |(k, _)| k.unit == unit)
                .map(|(_, v)| v)
        }
        self.ss_of_unit.retain(|u, _| !stale.contains(u.as_str()));
        self.iku_of_ss
            .retain(|k, _| !stale.contains(k.unit.as_str()));
        for list in self.cascaded_children.values_mut() {
            list.retain(|k| !stale.contains(k.unit.as_str()));
        }
        self.cascaded_children.retain(|_, list| !list.is_empty());
        let mut touched = HashSet::new();
        for unit in units {
            for s in of_unit(ss, unit) {
                push_to(
                    &mut self.ss_of_unit,
                    &s.unit,
                    CodeRef::new(&s.unit, &s.code),
                );
            }
            for i in of_unit(iku, unit) {
                self.iku_of_ss
                    .entry(CodeRef::new(&i.unit, &i.ss))
                    .or_default()
                    .push(i.key());
                if let Some(c) = &i.cascade {
                    self.cascaded_children
                        .entry(c.from.clone())
                        .or_default()
                        .push(i.key());
                    touched.insert(c.from.clone());
                }
            }
        }
        // a list that mixes kept and re-read children is put back in key order
        for k in touched {
            if let Some(list) = self.cascaded_children.get_mut(&k) {
                list.sort();
            }
        }
    }
}

/// The SS or IKU part of a dataset's index for one chunk of records, computed where the chunk is
/// decoded so that the threads decoding a year also index it ([`Dataset::from_maps`]).
pub struct IndexPart(Index);

impl IndexPart {
    pub fn of_ss(chunk: &[Ss]) -> Self {
        IndexPart(Index::of_ss(chunk))
    }

    pub fn of_iku(chunk: &[Iku]) -> Self {
        IndexPart(Index::of_iku(chunk))
    }

    /// The index of chunks given in key order: lists of a key that spans chunks are joined in
    /// that order.
    fn merge(parts: Vec<IndexPart>) -> Index {
        fn join<K: std::hash::Hash + Eq, V>(
            into: &mut HashMap<K, Vec<V>>,
            from: HashMap<K, Vec<V>>,
        ) {
            if into.is_empty() {
                *into = from;
                return;
            }
            for (k, v) in from {
                into.entry(k).or_default().extend(v);
            }
        }
        let mut out = Index::default();
        for IndexPart(p) in parts {
            join(&mut out.ss_of_unit, p.ss_of_unit);
            join(&mut out.iku_of_ss, p.iku_of_ss);
            join(&mut out.cascaded_children, p.cascaded_children);
        }
        out
    }
}

/// Sorts by key (stable) and keeps only the last of equal keys; free when already in strict order
/// (as a store gives them).
fn sort_unique<T>(v: &mut Vec<T>, key: impl Fn(&T) -> (&str, &str)) {
    if v.is_sorted_by(|a, b| key(a) < key(b)) {
        return;
    }
    v.sort_by(|a, b| key(a).cmp(&key(b)));
    let mut keep = vec![true; v.len()];
    for i in 1..v.len() {
        if key(&v[i - 1]) == key(&v[i]) {
            keep[i - 1] = false;
        }
    }
    let mut it = keep.iter();
    v.retain(|_| *it.next().unwrap_or(&true));
}

/// Appends to the list under `key`, allocating the key only for a new list.
fn push_to<T>(map: &mut HashMap<String, Vec<T>>, key: &str, value: T) {
    match map.get_mut(key) {
        Some(v) => v.push(value),
        None => {
            map.insert(key.to_string(), vec![value]);
        }
    }
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
        let (mut units, mut ss, mut iku): (Vec<Unit>, Vec<Ss>, Vec<Iku>) = (
            units.into_iter().collect(),
            ss.into_iter().collect(),
            iku.into_iter().collect(),
        );
        // key order, and the last of equal keys wins (as collecting into a map does), so that
        // the index lists come out in code order
        sort_unique(&mut units, |u| (u.code.as_str(), ""));
        sort_unique(&mut ss, |s| (s.unit.as_str(), s.code.as_str()));
        sort_unique(&mut iku, |i| (i.unit.as_str(), i.code.as_str()));
        Self::build(year, rulebook.into(), units, ss, iku, addenda)
    }

    /// Builds a dataset from its SS and IKU already in maps (as a year snapshot decodes them,
    /// chunk by chunk on several threads). `index`, when given, is the index of every SS and IKU
    /// chunk in key order ([`IndexPart`]), so that only the units are indexed here, and the
    /// units whose SS and IKU changed since those parts were made (their entries are redone).
    pub fn from_maps(
        year: i32,
        rulebook: impl Into<String>,
        mut units: Vec<Unit>,
        ss: BTreeMap<CodeRef, Ss>,
        iku: BTreeMap<CodeRef, Iku>,
        addenda: Vec<Addendum>,
        index: Option<ChunkIndex>,
    ) -> Self {
        sort_unique(&mut units, |u| (u.code.as_str(), ""));
        let index = match index {
            Some(ChunkIndex { parts, stale_units }) => {
                let mut ix = IndexPart::merge(parts);
                ix.patch_units(&stale_units, &ss, &iku);
                ix
            }
            None => {
                let ss = Index::of_ss(ss.values());
                let iku = Index::of_iku(iku.values());
                Index {
                    ss_of_unit: ss.ss_of_unit,
                    ..iku
                }
            }
        };
        Self::assemble(year, rulebook.into(), units, ss, iku, addenda, index)
    }

    /// A dataset from units in key order, the maps, and the SS and IKU part of the index.
    fn assemble(
        year: i32,
        rulebook: String,
        units: Vec<Unit>,
        ss: BTreeMap<CodeRef, Ss>,
        iku: BTreeMap<CodeRef, Iku>,
        addenda: Vec<Addendum>,
        index: Index,
    ) -> Self {
        let units_ix = Index::of_units(&units);
        let mut index = Index {
            children: units_ix.children,
            roots: units_ix.roots,
            ..index
        };
        index.order(&ss);
        Dataset {
            year,
            rulebook,
            units: units.into_iter().map(|u| (u.code.clone(), u)).collect(),
            ss,
            iku,
            addenda,
            round: Default::default(),
            index,
            whole: None,
        }
    }

    /// The maps and the index of parts in strict key order. At ministry scale (25,000 IKU) this
    /// is a good part of building a year: the IKU are done on a thread of their own.
    fn build(
        year: i32,
        rulebook: String,
        units: Vec<Unit>,
        ss: Vec<Ss>,
        iku: Vec<Iku>,
        addenda: Vec<Addendum>,
    ) -> Self {
        let ((ss_map, ss_ix), (iku_map, iku_ix)) = std::thread::scope(|scope| {
            let iku = scope.spawn(move || {
                let ix = Index::of_iku(&iku);
                let map: BTreeMap<CodeRef, Iku> = iku.into_iter().map(|i| (i.key(), i)).collect();
                (map, ix)
            });
            let ss_ix = Index::of_ss(&ss);
            let ss_map: BTreeMap<CodeRef, Ss> = ss
                .into_iter()
                .map(|s| (CodeRef::new(&s.unit, &s.code), s))
                .collect();
            (
                (ss_map, ss_ix),
                iku.join().unwrap_or_else(|p| std::panic::resume_unwind(p)),
            )
        });
        let index = Index {
            ss_of_unit: ss_ix.ss_of_unit,
            ..iku_ix
        };
        Self::assemble(year, rulebook, units, ss_map, iku_map, addenda, index)
    }

    /// A dataset holding only some units of a year (every unit record, but the SS, IKU and
    /// addenda of a few units and the IKU their checks look up), with the figures of the whole
    /// year it cannot compute itself. The TUI draws its first frame from one while the whole year
    /// loads: for the units whose SS and IKU it holds, and whose cascade sources and roll-up
    /// children it holds, scores, checks and K3 are those of the whole year.
    pub fn partial(
        year: i32,
        rulebook: impl Into<String>,
        units: impl IntoIterator<Item = Unit>,
        ss: impl IntoIterator<Item = Ss>,
        iku: impl IntoIterator<Item = Iku>,
        addenda: Vec<Addendum>,
        whole: WholeYear,
    ) -> Self {
        let mut ds = Self::from_parts(year, rulebook, units, ss, iku, addenda);
        ds.whole = Some(Box::new(whole));
        ds
    }

    /// The whole year's figures of a partial dataset; `None` for a whole year.
    pub fn whole_year(&self) -> Option<&WholeYear> {
        self.whole.as_deref()
    }

    /// True for a dataset made by [`Dataset::partial`].
    pub fn is_partial(&self) -> bool {
        self.whole.is_some()
    }

    /// Rebuilds the derived lookups; call after adding or removing units, SS or IKU.
    pub fn reindex(&mut self) {
        let units = Index::of_units(self.units.values());
        let ss = Index::of_ss(self.ss.values());
        let iku = Index::of_iku(self.iku.values());
        self.index = Index {
            children: units.children,
            roots: units.roots,
            ss_of_unit: ss.ss_of_unit,
            iku_of_ss: iku.iku_of_ss,
            cascaded_children: iku.cascaded_children,
        };
        self.index.order(&self.ss);
    }

    pub fn roots(&self) -> &[String] {
        &self.index.roots
    }
    /// Direct child units, in natural code order.
    pub fn children(&self, unit: &str) -> &[String] {
        self.index.children.get(unit).map_or(&[], |v| v.as_slice())
    }
    /// SS of a unit, by perspective, then natural code order.
    pub fn ss_of(&self, unit: &str) -> &[CodeRef] {
        self.index
            .ss_of_unit
            .get(unit)
            .map_or(&[], |v| v.as_slice())
    }
    /// IKU of an SS, in natural code order.
    pub fn iku_of_ss(&self, ss: &CodeRef) -> &[CodeRef] {
        self.index.iku_of_ss.get(ss).map_or(&[], |v| v.as_slice())
    }
    /// The IKU records of an SS, in natural code order.
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
    /// Whether a month's realisasi of an IKU can no longer be corrected: only once its unit's
    /// month is closed (`ditetapkan`, DOMAIN.md §11). An addendum freezes targets (R10,
    /// `rules::frozen_months`), never realisasi.
    pub fn realisasi_frozen(&self, iku: &Iku, month: u8) -> bool {
        self.month_state(&iku.unit, month).is_closed()
    }

    /// The state of a unit's month in the round (`diisi` when nothing was recorded).
    pub fn month_state(&self, unit: &str, month: u8) -> super::round::MonthState {
        self.round
            .get(unit)
            .map(|r| r.state(month))
            .unwrap_or_default()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(code: &str, parent: Option<&str>, name: &str) -> Unit {
        Unit {
            code: code.into(),
            name: name.into(),
            level: Level::Three,
            parent: parent.map(Into::into),
            perspective_weights: BTreeMap::new(),
        }
    }

    fn iku(unit: &str, code: &str, ss: &str) -> Iku {
        Iku::new(
            unit,
            code,
            ss,
            Polarity::Maximize,
            Consolidation::Sum,
            ReportingPeriod::Monthly,
        )
    }

    #[test]
    fn from_parts_indexes_in_code_order_and_the_last_duplicate_wins() {
        let units = vec![
            unit("R", None, "root"),
            unit("C", Some("R"), "first"),
            unit("A", Some("R"), "a"),
            unit("C", Some("R"), "second"),
        ];
        let mut named = iku("C", "2", "S");
        named.name = "last".into();
        let ikus = vec![
            iku("C", "2", "S"),
            iku("C", "1", "S"),
            named,
            iku("A", "9", "S"),
        ];
        let d = Dataset::from_parts(2025, "r", units, Vec::new(), ikus, Vec::new());
        assert_eq!(d.children("R"), ["A".to_string(), "C".to_string()]);
        assert_eq!(d.units["C"].name, "second");
        assert_eq!(d.iku.len(), 3);
        assert_eq!(d.iku[&CodeRef::new("C", "2")].name, "last");
        assert_eq!(
            d.ikus_in_ss(&CodeRef::new("C", "S"))
                .map(|i| i.code.as_str())
                .collect::<Vec<_>>(),
            ["1", "2"]
        );
        let mut again = d.clone();
        again.reindex();
        assert_eq!(again, d, "reindex gives the index from_parts built");
    }
}
