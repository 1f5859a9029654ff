//! Rulebooks (`domain` §10): every number of the regulation as data.
//!
//! Built-ins live in `src/rulebooks/*.toml` and are compiled in with `include_str!`; a user can
//! load another file. Decimals are written as strings in the TOML so that they are read exactly.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Deserialize;

use super::model::{Level, Perspective};

/// The default rulebook.
pub const DEFAULT_RULEBOOK: &str = "kmk-300-2022";

/// The built-in rulebooks: (name, TOML text).
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "kmk-300-2022",
        include_str!("../rulebooks/kmk-300-2022.toml"),
    ),
    (
        "kmk-127-2026",
        include_str!("../rulebooks/kmk-127-2026.toml"),
    ),
];

/// A decimal read from a TOML string (or integer) exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct RDec(pub Decimal);

impl<'de> Deserialize<'de> for RDec {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            S(String),
            I(i64),
        }
        match Raw::deserialize(d)? {
            Raw::S(s) => s
                .trim()
                .parse::<Decimal>()
                .map(RDec)
                .map_err(|_| D::Error::custom(format!("\"{s}\" is not a decimal"))),
            Raw::I(i) => Ok(RDec(Decimal::from(i))),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rulebook {
    pub name: String,
    #[serde(default)]
    pub title: String,
    pub capaian: CapaianRules,
    pub nko: Bounds,
    pub perspective_weights: PerspectiveWeightRules,
    pub predikat: Vec<PredikatBand>,
    pub iku_limits: BTreeMap<String, [u32; 2]>,
    pub k3: K3Rules,
    pub rules: RuleSettings,
    /// The month-end round; a rulebook file without it takes the default rulebook's.
    #[serde(default = "default_round")]
    pub round: RoundRules,
    /// When a realisasi asks for confirmation (`domain::edit::plausibility`); a rulebook file
    /// without it takes the default rulebook's.
    #[serde(default = "default_plausibility")]
    pub plausibility: PlausibilityRules,
}

/// A realisasi far outside its IKU's trajectory asks for confirmation before it is stored
/// (`domain::edit`, "Plausibility"). The factor is an [assumption], not a figure of the
/// regulation.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlausibilityRules {
    /// A realisasi whose magnitude exceeds this many times the largest target magnitude of its
    /// IKU is implausible.
    pub factor: RDec,
}

/// The `[plausibility]` of the default built-in rulebook (for a rulebook file without one).
fn default_plausibility() -> PlausibilityRules {
    #[derive(Deserialize)]
    struct Only {
        plausibility: PlausibilityRules,
    }
    toml::from_str::<Only>(BUILTIN[0].1)
        .map(|o| o.plausibility)
        .expect("the built-in rulebooks have a valid [plausibility] (tested)")
}

/// The month-end round (DOMAIN.md §11): deadlines, severities, evidence limits (the values are
/// the rulebooks' data, [assumption]).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoundRules {
    pub entry_day: u32,
    pub validation_day: u32,
    pub closing_day: u32,
    pub analysis_missing: Severity,
    pub evidence_missing: Severity,
    pub overdue: Severity,
    pub evidence_max_file_bytes: u64,
    pub evidence_max_store_bytes: u64,
}

impl RoundRules {
    pub fn deadlines(&self) -> super::round::Deadlines {
        super::round::Deadlines {
            entry: self.entry_day,
            validation: self.validation_day,
            closing: self.closing_day,
        }
    }
}

/// The `[round]` of the default built-in rulebook (for a rulebook file without one).
fn default_round() -> RoundRules {
    // the other tables are ignored here
    #[derive(Deserialize)]
    struct Only {
        round: RoundRules,
    }
    toml::from_str::<Only>(BUILTIN[0].1)
        .map(|o| o.round)
        .expect("the built-in rulebooks have a valid [round] (tested)")
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CapaianRules {
    pub max: RDec,
    pub min: RDec,
    pub stabilize_scale: Vec<[RDec; 2]>,
    pub green_min: RDec,
    pub yellow_min: RDec,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bounds {
    pub max: RDec,
    pub min: RDec,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerspectiveWeightRules {
    pub with_customer: BTreeMap<String, RDec>,
    pub without_customer: BTreeMap<String, RDec>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PredikatBand {
    pub label: String,
    /// NKO strictly above this value.
    pub above: Option<RDec>,
    /// NKO at or above this value.
    pub at_least: Option<RDec>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct K3Rules {
    /// `points` (kmk-300-2022) or `multiplier` (kmk-127-2026).
    pub method: K3Method,
    #[serde(default)]
    pub iku_share: Option<RDec>,
    #[serde(default)]
    pub target_share: Option<RDec>,
    pub nko_k3_max: RDec,
    #[serde(default)]
    pub points: Option<K3Points>,
    #[serde(default)]
    pub target: Option<K3TargetPoints>,
    #[serde(default)]
    pub multiplier: Option<K3Multiplier>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum K3Method {
    Points,
    Multiplier,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct K3Points {
    pub not_cascaded: RDec,
    pub not_cascaded_activity: RDec,
    pub not_cascaded_quality_or_time: RDec,
    /// Keyed `validity-control`, e.g. `proxy-moderate`.
    pub cascaded: BTreeMap<String, RDec>,
    pub quota_threshold: RDec,
    /// Keyed by level spelling.
    pub quota_share: BTreeMap<String, RDec>,
    /// Keyed by level spelling.
    pub standard: BTreeMap<String, RDec>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct K3TargetPoints {
    pub standard: RDec,
    pub maximize_vs_target: Vec<(RDec, u8)>,
    pub maximize_vs_target_else: u8,
    pub maximize_vs_realisasi: Vec<(RDec, u8)>,
    pub maximize_vs_realisasi_else: u8,
    pub minimize_vs_target: Vec<(RDec, u8)>,
    pub minimize_vs_target_else: u8,
    pub minimize_vs_realisasi: Vec<(RDec, u8)>,
    pub minimize_vs_realisasi_else: u8,
    pub previous_capaian_over: RDec,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct K3Multiplier {
    pub iku: BTreeMap<String, RDec>,
    pub above_both: RDec,
    pub equal_r1_above_t1: RDec,
    pub between: RDec,
    pub equal_t1_r1_not_above: RDec,
    pub equal_t1_r1_above: RDec,
    pub below_t1: RDec,
    pub law: RDec,
    /// A maximum set by an institution at ministry level or above (`target_basis =
    /// institution_max`, DOMAIN.md §10a); the `law` multiplier when absent.
    #[serde(default)]
    pub institution_max: Option<RDec>,
    /// An IKU whose target is meant to stay level (`target_basis = stable`); the `law`
    /// multiplier when absent.
    #[serde(default)]
    pub stable: Option<RDec>,
    /// The least target multiplier of a mandatory IKU (§10a); none when absent.
    #[serde(default)]
    pub mandatory_min: Option<RDec>,
    pub new_iku: RDec,
    pub stabilize: RDec,
    pub unknown: RDec,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSettings {
    #[serde(rename = "R01")]
    pub r01: Severity,
    #[serde(rename = "R02")]
    pub r02: Severity,
    #[serde(rename = "R03")]
    pub r03: Severity,
    #[serde(rename = "R04")]
    pub r04: Severity,
    #[serde(rename = "R05")]
    pub r05: Severity,
    #[serde(rename = "R06")]
    pub r06: Severity,
    #[serde(rename = "R07")]
    pub r07: Severity,
    #[serde(rename = "R08")]
    pub r08: Severity,
    #[serde(rename = "R09")]
    pub r09: Severity,
    #[serde(rename = "R10")]
    pub r10: Severity,
    #[serde(rename = "R11")]
    pub r11: Severity,
    /// K3 facts missing for the breakdown (e.g. a reference value, `domain` §8): a `check`
    /// finding with id `K3`. Optional in a rulebook file; a warning when absent.
    #[serde(rename = "K3", default = "warning")]
    pub k3: Severity,
    /// A stored number beyond the bounds (`domain::bounds`): id `VALUE`, an error when absent.
    #[serde(rename = "VALUE", default = "error")]
    pub value: Severity,
    /// A realisasi missing up to the period (§11): id `COMPLETE`, a warning when absent.
    #[serde(rename = "COMPLETE", default = "warning")]
    pub complete: Severity,
    pub direct_cascade_max_levels: u32,
    pub weights_total: RDec,
}

fn warning() -> Severity {
    Severity::Warning
}

fn error() -> Severity {
    Severity::Error
}

impl RuleSettings {
    /// Severity of a rule by id (`R01`..`R11`, `K3`).
    pub fn severity(&self, id: &str) -> Option<Severity> {
        Some(match id {
            "R01" => self.r01,
            "R02" => self.r02,
            "R03" => self.r03,
            "R04" => self.r04,
            "R05" => self.r05,
            "R06" => self.r06,
            "R07" => self.r07,
            "R08" => self.r08,
            "R09" => self.r09,
            "R10" => self.r10,
            "R11" => self.r11,
            "K3" => self.k3,
            "VALUE" => self.value,
            "COMPLETE" => self.complete,
            _ => return None,
        })
    }
}

/// Why a rulebook was refused: the key (dotted path) and the reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{key}: {reason}")]
pub struct RulebookError {
    pub key: String,
    pub reason: String,
    /// 1-based line in the TOML text, when known.
    pub line: Option<usize>,
}

/// Largest rulebook file accepted (a rulebook is a few KiB).
pub const MAX_RULEBOOK_BYTES: usize = 256 * 1024;

impl Rulebook {
    /// Parses and validates a rulebook from TOML text.
    pub fn from_toml(text: &str) -> Result<Rulebook, RulebookError> {
        if text.len() > MAX_RULEBOOK_BYTES {
            return Err(RulebookError {
                key: "(file)".into(),
                reason: format!("larger than {} KiB", MAX_RULEBOOK_BYTES / 1024),
                line: None,
            });
        }
        let rb: Rulebook = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].lines().count().max(1));
            let msg = e.message().to_string();
            // a missing field is reported over its whole table: name the field, not the line
            let missing = msg
                .strip_prefix("missing field `")
                .and_then(|r| r.split('`').next())
                .map(str::to_string);
            let key = match missing {
                Some(field) => match e.span().and_then(|s| table_at(text, s.start)) {
                    Some(table) => format!("{table}.{field}"),
                    None => field,
                },
                None => e
                    .span()
                    .and_then(|s| key_at(text, s.start))
                    .filter(|k| !k.is_empty())
                    .unwrap_or_else(|| "(file)".into()),
            };
            RulebookError {
                key,
                reason: msg,
                line,
            }
        })?;
        rb.validate()?;
        Ok(rb)
    }

    /// A built-in rulebook by name.
    pub fn builtin(name: &str) -> Option<Rulebook> {
        BUILTIN
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| Rulebook::from_toml(t).expect("built-in rulebooks are valid (tested)"))
    }

    /// The TOML text of a built-in rulebook.
    pub fn builtin_text(name: &str) -> Option<&'static str> {
        BUILTIN.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
    }

    pub fn default_rulebook() -> Rulebook {
        Rulebook::builtin(DEFAULT_RULEBOOK).expect("default rulebook is built in")
    }

    fn validate(&self) -> Result<(), RulebookError> {
        let err = |key: &str, reason: String| RulebookError {
            key: key.into(),
            reason,
            line: None,
        };
        let r = &self.round;
        for (k, d) in [
            ("round.entry_day", r.entry_day),
            ("round.validation_day", r.validation_day),
            ("round.closing_day", r.closing_day),
        ] {
            if !(1..=31).contains(&d) {
                return Err(err(k, format!("{d} is not a day 1..31")));
            }
        }
        if !(r.entry_day <= r.validation_day && r.validation_day <= r.closing_day) {
            return Err(err(
                "round",
                "entry_day <= validation_day <= closing_day is required".into(),
            ));
        }
        if r.evidence_max_file_bytes == 0 || r.evidence_max_file_bytes > r.evidence_max_store_bytes
        {
            return Err(err(
                "round.evidence_max_file_bytes",
                "between 1 and evidence_max_store_bytes is required".into(),
            ));
        }
        if self.plausibility.factor.0 <= Decimal::ZERO {
            return Err(err("plausibility.factor", "must be greater than 0".into()));
        }
        use super::limits::{TextKind, check};
        let texts = [("name", &self.name), ("title", &self.title)]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .chain(
                self.predikat
                    .iter()
                    .enumerate()
                    .map(|(i, b)| (format!("predikat[{i}].label"), &b.label)),
            );
        for (key, text) in texts {
            if let Err(problem) = check(TextKind::Line, text) {
                return Err(err(&key, problem.message()));
            }
        }
        if self.capaian.min.0 > self.capaian.max.0 {
            return Err(err("capaian.min", "is larger than capaian.max".into()));
        }
        if self.nko.min.0 > self.nko.max.0 {
            return Err(err("nko.min", "is larger than nko.max".into()));
        }
        let sc = &self.capaian.stabilize_scale;
        if sc.len() < 2 {
            return Err(err(
                "capaian.stabilize_scale",
                "needs at least two points".into(),
            ));
        }
        if sc.windows(2).any(|w| w[0][0].0 >= w[1][0].0) {
            return Err(err(
                "capaian.stabilize_scale",
                "Ca values must increase".into(),
            ));
        }
        for (name, map) in [
            (
                "perspective_weights.with_customer",
                &self.perspective_weights.with_customer,
            ),
            (
                "perspective_weights.without_customer",
                &self.perspective_weights.without_customer,
            ),
        ] {
            for (k, v) in map {
                if Perspective::parse(k).is_none() {
                    return Err(err(
                        &format!("{name}.{k}"),
                        format!(
                            "unknown perspective (expected {})",
                            Perspective::spellings()
                        ),
                    ));
                }
                if v.0 < Decimal::ZERO {
                    return Err(err(&format!("{name}.{k}"), "weight is negative".into()));
                }
            }
        }
        if self.predikat.is_empty() {
            return Err(err("predikat", "needs at least one band".into()));
        }
        for (i, b) in self.predikat.iter().enumerate() {
            let last = i + 1 == self.predikat.len();
            if b.above.is_some() && b.at_least.is_some() {
                return Err(err(
                    &format!("predikat[{i}]"),
                    "give either above or at_least".into(),
                ));
            }
            if !last && b.above.is_none() && b.at_least.is_none() {
                return Err(err(
                    &format!("predikat[{i}]"),
                    "only the last band may have no bound".into(),
                ));
            }
            if last && (b.above.is_some() || b.at_least.is_some()) {
                return Err(err(
                    &format!("predikat[{i}]"),
                    "the last band must have no bound (it catches every other NKO)".into(),
                ));
            }
        }
        for (k, [lo, hi]) in &self.iku_limits {
            if Level::parse(k).is_none() {
                return Err(err(&format!("iku_limits.{k}"), "unknown level".into()));
            }
            if lo > hi {
                return Err(err(
                    &format!("iku_limits.{k}"),
                    "minimum above maximum".into(),
                ));
            }
        }
        match self.k3.method {
            K3Method::Points => {
                if self.k3.points.is_none() {
                    return Err(err(
                        "k3.points",
                        "required when k3.method = \"points\"".into(),
                    ));
                }
                let Some(t) = &self.k3.target else {
                    return Err(err(
                        "k3.target",
                        "required when k3.method = \"points\"".into(),
                    ));
                };
                if self.k3.iku_share.is_none() || self.k3.target_share.is_none() {
                    return Err(err(
                        "k3.iku_share",
                        "iku_share and target_share are required when k3.method = \"points\""
                            .into(),
                    ));
                }
                let p = self.k3.points.as_ref().expect("checked");
                for k in p.cascaded.keys() {
                    check_vc_key(k).map_err(|r| err(&format!("k3.points.cascaded.{k}"), r))?;
                }
                for (k, v) in &p.quota_share {
                    if Level::parse(k).is_none() {
                        return Err(err(
                            &format!("k3.points.quota_share.{k}"),
                            "unknown level".into(),
                        ));
                    }
                    if v.0 < Decimal::ZERO || v.0 > Decimal::ONE {
                        return Err(err(
                            &format!("k3.points.quota_share.{k}"),
                            "must be between 0 and 1".into(),
                        ));
                    }
                }
                for k in p.standard.keys() {
                    if Level::parse(k).is_none() {
                        return Err(err(
                            &format!("k3.points.standard.{k}"),
                            "unknown level".into(),
                        ));
                    }
                }
                if p.standard.values().any(|v| v.0 <= Decimal::ZERO)
                    || t.standard.0 <= Decimal::ZERO
                {
                    return Err(err(
                        "k3.points.standard",
                        "standard points must be positive".into(),
                    ));
                }
            }
            K3Method::Multiplier => {
                let Some(m) = &self.k3.multiplier else {
                    return Err(err(
                        "k3.multiplier",
                        "required when k3.method = \"multiplier\"".into(),
                    ));
                };
                for k in m.iku.keys() {
                    check_vc_key(k).map_err(|r| err(&format!("k3.multiplier.iku.{k}"), r))?;
                }
            }
        }
        Ok(())
    }

    /// The IKU limits [min, max] of a level, if the rulebook sets them.
    pub fn iku_limits(&self, level: Level) -> Option<(u32, u32)> {
        self.iku_limits.get(level.as_str()).map(|[a, b]| (*a, *b))
    }

    /// The default perspective weights (§5), depending on whether the unit has a customer
    /// perspective.
    pub fn default_perspective_weights(
        &self,
        has_customer: bool,
    ) -> BTreeMap<Perspective, Decimal> {
        let src = if has_customer {
            &self.perspective_weights.with_customer
        } else {
            &self.perspective_weights.without_customer
        };
        src.iter()
            .filter_map(|(k, v)| Perspective::parse(k).map(|p| (p, v.0)))
            .collect()
    }

    /// The predikat label of an NKO.
    pub fn predikat(&self, nko: Decimal) -> &str {
        for b in &self.predikat {
            match (b.above, b.at_least) {
                (Some(a), _) if nko > a.0 => return &b.label,
                (_, Some(a)) if nko >= a.0 => return &b.label,
                (None, None) => return &b.label,
                _ => {}
            }
        }
        // validate() guarantees a last catch-all band
        &self.predikat[self.predikat.len() - 1].label
    }

    /// The stabilize scale points (Ca, score).
    pub fn stabilize_scale(&self) -> Vec<(Decimal, Decimal)> {
        self.capaian
            .stabilize_scale
            .iter()
            .map(|[a, b]| (a.0, b.0))
            .collect()
    }
}

fn check_vc_key(k: &str) -> Result<(), String> {
    use super::model::{Control, Validity};
    let ok = k
        .split_once('-')
        .is_some_and(|(v, c)| Validity::parse(v).is_some() && Control::parse(c).is_some());
    if ok {
        Ok(())
    } else {
        Err(format!(
            "expected validity-control, validity one of {}, control one of {}",
            Validity::spellings(),
            Control::spellings()
        ))
    }
}

/// The `[table]` header that holds byte offset `pos`, if any.
fn table_at(text: &str, pos: usize) -> Option<String> {
    let line_end = text[pos.min(text.len())..]
        .find('\n')
        .map_or(text.len(), |i| pos + i);
    text[..line_end]
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('['))
        .map(|l| l.trim_matches(|c| c == '[' || c == ']').trim().to_string())
}

/// Best-effort dotted key of the TOML line holding byte offset `pos`: the nearest `[table]`
/// header above it plus the key on that line.
fn key_at(text: &str, pos: usize) -> Option<String> {
    let before = &text[..pos.min(text.len())];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[line_start..]
        .find('\n')
        .map_or(text.len(), |i| line_start + i);
    let line = text[line_start..line_end].trim();
    let table = before
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('['))
        .map(|l| l.trim_matches(|c| c == '[' || c == ']').trim().to_string());
    let key = line.split_once('=').map(|(k, _)| k.trim().to_string());
    match (table, key) {
        (Some(t), Some(k)) => Some(format!("{t}.{k}")),
        (None, Some(k)) => Some(k),
        (Some(t), None) => Some(t),
        (None, None) => None,
    }
}

/// The key of `(validity, control)` in the K3 tables.
pub fn vc_key(v: super::model::Validity, c: super::model::Control) -> String {
    format!("{}-{}", v.as_str(), c.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn builtins_load() {
        for (name, _) in BUILTIN {
            let rb = Rulebook::builtin(name).unwrap();
            assert_eq!(rb.name, *name);
        }
    }

    #[test]
    fn predikat_bands_kmk300_both_sides() {
        let rb = Rulebook::default_rulebook();
        assert_eq!(rb.predikat(d("100.01")), "Sangat Baik");
        assert_eq!(rb.predikat(d("100")), "Baik");
        assert_eq!(rb.predikat(d("90")), "Baik");
        assert_eq!(rb.predikat(d("89.99")), "Cukup");
        assert_eq!(rb.predikat(d("70")), "Cukup");
        assert_eq!(rb.predikat(d("69.99")), "Kurang");
        assert_eq!(rb.predikat(d("50")), "Kurang");
        assert_eq!(rb.predikat(d("49.99")), "Sangat Kurang");
        assert_eq!(rb.predikat(d("0")), "Sangat Kurang");
    }

    #[test]
    fn predikat_bands_kmk127() {
        let rb = Rulebook::builtin("kmk-127-2026").unwrap();
        assert_eq!(rb.predikat(d("110")), "Sangat Baik");
        assert_eq!(rb.predikat(d("109.99")), "Baik");
        assert_eq!(rb.predikat(d("100")), "Baik");
        assert_eq!(rb.predikat(d("90")), "Cukup");
        assert_eq!(rb.predikat(d("80")), "Kurang");
        assert_eq!(rb.predikat(d("79.99")), "Buruk");
    }

    #[test]
    fn malformed_rulebook_names_key_and_line() {
        let text = Rulebook::builtin_text("kmk-300-2022").unwrap().replace(
            "max = \"120\"\nmin = \"0\"\n# Stab",
            "max = \"12x\"\nmin = \"0\"\n# Stab",
        );
        let e = Rulebook::from_toml(&text).unwrap_err();
        assert!(e.key.contains("capaian"), "{e:?}");
        assert!(e.reason.contains("12x"), "{e:?}");
        assert!(e.line.is_some());
        let e = Rulebook::from_toml("name = \"x\"\n").unwrap_err();
        assert_eq!(e.key, "capaian", "the missing field is named: {e:?}");
        let e = Rulebook::from_toml("name = \"x\"\nbogus = 1\n").unwrap_err();
        assert!(
            e.reason.contains("bogus") || e.reason.contains("missing"),
            "{e:?}"
        );
    }

    #[test]
    fn invalid_values_refused() {
        let text = Rulebook::builtin_text("kmk-300-2022").unwrap();
        let bad = text.replace("[\"90\", \"100\"]", "[\"0\", \"100\"]");
        let e = Rulebook::from_toml(&bad).unwrap_err();
        assert_eq!(e.key, "capaian.stabilize_scale");
        let bad = text.replace("one = \"0.4\"", "one = \"1.4\"");
        let e = Rulebook::from_toml(&bad).unwrap_err();
        assert_eq!(e.key, "k3.points.quota_share.one");
    }
}
