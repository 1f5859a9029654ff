//! `kinerja report`: NKO, predikat, perspective and SS values, and every IKU's numbers.
//!
//! Every number comes from `domain::score` (and `domain::k3`), the same functions the TUI uses;
//! the IS progress and the budget absorption of each unit from `domain::plan` (DOMAIN.md §12).

use clap::{Args, ValueEnum};
use serde_json::{Value, json};

use super::{CliError, CliResult, Context, parse_year_month, refused};
use crate::domain::k3::{K3Breakdown, K3Method, k3_breakdown};
use crate::domain::plan::{Absorption, IsFinding, UnitPlan};
use crate::domain::rulebook::Rulebook;
use crate::domain::score::{Missing, UnitScore, default_period, round_to, round2, score_unit};
use crate::domain::{Dataset, Decimal, natural_cmp};
use crate::interchange::number::{Locale, format_decimal, format_exact};
use crate::text::cli as t;
use crate::text::domain::completeness::{self, marked};
use crate::text::report as tr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
    Md,
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// Hanya unit ini / only this unit
    #[arg(long, value_name = "CODE")]
    pub unit: Option<String>,
    /// Periode s.d. bulan / up to and including this month [default: the latest complete month]
    #[arg(long, value_name = "YYYY-MM")]
    pub period: Option<String>,
    /// Bentuk keluaran / output format
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// Bandingkan dengan rulebook lain (nama bawaan atau berkas TOML) / compare with another
    /// rulebook (a built-in name or a TOML file)
    #[arg(long, value_name = "NAME|FILE")]
    pub compare_rulebook: Option<String>,
    /// Bandingkan dengan periode lain (tahun yang sama): nilai keduanya dan perubahannya /
    /// compare with another period of the same year: both values and the change
    #[arg(long, value_name = "YYYY-MM")]
    pub compare_period: Option<String>,
}

/// One unit's report: the scores and what is needed to show them.
pub struct UnitReport<'a> {
    pub ds: &'a Dataset,
    pub rb: &'a Rulebook,
    pub score: UnitScore,
    /// The K3 breakdown (`domain` §8) with this report's NKO.
    pub k3: K3Breakdown,
    /// The unit's IS and budget lines (none: the store holds no plan of the unit).
    pub plan: Option<&'a UnitPlan>,
}

impl<'a> UnitReport<'a> {
    pub fn new(ds: &'a Dataset, rb: &'a Rulebook, unit: &str, period: u8) -> Self {
        let score = score_unit(ds, rb, unit, period);
        let k3 = k3_breakdown(ds, rb, unit, score.nko);
        UnitReport {
            ds,
            rb,
            score,
            k3,
            plan: None,
        }
    }

    /// With the unit's plan (IS and budget lines).
    pub fn with_plan(mut self, plan: Option<&'a UnitPlan>) -> Self {
        self.plan = plan;
        self
    }

    /// The plan's IS, when it has any.
    fn inisiatif(&self) -> Option<&'a UnitPlan> {
        self.plan.filter(|p| !p.inisiatif.is_empty())
    }

    /// The plan's budget lines, when it has any.
    fn anggaran(&self) -> Option<&'a UnitPlan> {
        self.plan.filter(|p| !p.anggaran.is_empty())
    }
}

pub fn run(ctx: &Context, a: &ReportArgs) -> CliResult {
    let store = ctx.open_store()?;
    let (ds, rb, period) = match &a.period {
        Some(p) => {
            let (year, month) = parse_year_month(p)
                .ok_or_else(|| CliError::usage(t::BAD_MONTH.fill(&[("month", p)])))?;
            if ctx.year.is_some_and(|y| y != year) {
                return Err(CliError::usage(
                    t::PERIOD_YEAR_MISMATCH.fill(&[("period", p)]),
                ));
            }
            ctx.present_year(&*store, year)?;
            let ds = store.load_year(year).map_err(refused)?;
            let rb = ctx.rulebook_for(&ds)?;
            (ds, rb, month)
        }
        None => {
            let (ds, rb) = ctx.load(&*store)?;
            let period = default_period(&ds).unwrap_or(12);
            (ds, rb, period)
        }
    };
    let units: Vec<String> = match &a.unit {
        Some(u) if ds.units.contains_key(u) => vec![u.clone()],
        Some(u) => {
            return Err(CliError::refused(
                t::UNKNOWN_UNIT.fill(&[("unit", u), ("year", &ds.year)]),
            ));
        }
        None => tree_order(&ds),
    };
    let locale = ctx.locale(None)?;
    if let Some(other) = &a.compare_rulebook {
        let other = compare_rulebook(other)?;
        let out = compare(&ds, &rb, &other, &units, period, a.format, locale)?;
        write_as(a.format, &out)?;
        return Ok(());
    }
    let plans = if a.compare_period.is_some() {
        Default::default()
    } else {
        store.load_plans(ds.year).map_err(refused)?
    };
    let reports: Vec<UnitReport> = units
        .iter()
        .map(|u| UnitReport::new(&ds, &rb, u, period).with_plan(plans.get(u)))
        .collect();
    if let Some(p) = &a.compare_period {
        let (year, month) = parse_year_month(p)
            .ok_or_else(|| CliError::usage(t::BAD_MONTH.fill(&[("month", p)])))?;
        if year != ds.year {
            return Err(CliError::usage(
                t::PERIOD_YEAR_MISMATCH.fill(&[("period", p)]),
            ));
        }
        let before: Vec<UnitScore> = units
            .iter()
            .map(|u| score_unit(&ds, &rb, u, month))
            .collect();
        let out = compare_periods(&reports, &before, a.format, locale)?;
        return super::write_stdout(&out);
    }
    let out = match a.format {
        Format::Json => {
            let v: Vec<Value> = reports.iter().map(unit_json).collect();
            let mut s = serde_json::to_string_pretty(&Value::Array(v)).map_err(refused)?;
            s.push('\n');
            s
        }
        Format::Csv => csv_report(&reports, locale)?,
        Format::Table => reports
            .iter()
            .map(|r| table(r, locale, false))
            .collect::<Vec<_>>()
            .join("\n"),
        Format::Md => reports
            .iter()
            .map(|r| table(r, locale, true))
            .collect::<Vec<_>>()
            .join("\n"),
    };
    write_as(a.format, &out)
}

/// Tables for a person are escaped ([`super::write_text`]); JSON and CSV are data, written as
/// they are (their own quoting applies).
fn write_as(format: Format, out: &str) -> CliResult {
    match format {
        Format::Json | Format::Csv => super::write_stdout(out),
        Format::Table | Format::Md => super::write_text(out),
    }
}

/// Units depth-first from the roots, children in code order.
pub fn tree_order(ds: &Dataset) -> Vec<String> {
    let mut out = Vec::with_capacity(ds.units.len());
    let mut stack: Vec<&String> = ds.roots().iter().rev().collect();
    while let Some(u) = stack.pop() {
        out.push(u.clone());
        stack.extend(ds.children(u).iter().rev());
    }
    out
}

/// The SS scores of a unit by perspective, then natural code order (as the tree shows them).
pub fn ss_in_order(s: &UnitScore) -> Vec<&crate::domain::score::SsScore> {
    let mut v: Vec<_> = s.ss.values().collect();
    v.sort_by(|a, b| {
        a.perspective
            .cmp(&b.perspective)
            .then_with(|| natural_cmp(&a.code, &b.code))
    });
    v
}

/// The IKU scores of a unit in natural code order.
pub fn iku_in_order(s: &UnitScore) -> Vec<&crate::domain::score::IkuScore> {
    let mut v: Vec<_> = s.iku.values().collect();
    v.sort_by(|a, b| natural_cmp(&a.code, &b.code));
    v
}

fn r2(d: Option<Decimal>) -> Value {
    d.map_or(Value::Null, |d| Value::String(round2(d).to_string()))
}

fn exact(d: Option<Decimal>) -> Value {
    d.map_or(Value::Null, |d| Value::String(d.normalize().to_string()))
}

fn period_label(year: i32, month: u8) -> String {
    format!("{year}-{month:02}")
}

/// The JSON object of one unit (documented in README "Report JSON").
pub fn unit_json(r: &UnitReport) -> Value {
    let u = &r.ds.units[&r.score.unit];
    let s = &r.score;
    json!({
        "unit": u.code,
        "name": u.name,
        "level": u.level.as_str(),
        "period": period_label(r.ds.year, s.period),
        "rulebook": r.rb.name,
        "nko": r2(s.nko),
        "predikat": s.predikat,
        "complete": s.complete(),
        "missing": missing_json(&s.missing),
        "perspectives": s.perspectives.iter().map(|p| json!({
            "perspective": p.perspective.as_str(),
            "weight": p.weight.normalize().to_string(),
            "value": r2(p.value),
            "complete": p.missing.is_empty(),
        })).collect::<Vec<_>>(),
        "ss": ss_in_order(s).into_iter().map(|x| json!({
            "code": x.code,
            "perspective": x.perspective.as_str(),
            "value": r2(x.value),
            "complete": x.missing.is_empty(),
        })).collect::<Vec<_>>(),
        "iku": iku_in_order(s).into_iter().map(|i| json!({
            "code": i.code,
            "ss": i.ss,
            "target": exact(i.target),
            "realisasi": exact(i.realisasi),
            "capaian": r2(i.capaian),
            "status": i.status.map(|s| s.as_str()),
            "analyses": analyses_of(r.ds, &u.code, &i.code, s.period)
                .into_iter()
                .map(|(m, a)| {
                    let mut v = super::analisis::analysis_json(a);
                    v["month"] = Value::from(period_label(r.ds.year, m));
                    v
                })
                .collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "k3": k3_json(&r.k3),
        "inisiatif": r.inisiatif().map(|p| inisiatif_json(p, s.period)),
        "anggaran": r.anggaran().map(|p| anggaran_json(p, s.period)),
    })
}

/// `inisiatif` of a unit: the average planned and realised % at the period and each IS with
/// its planned and realised cumulative % and its findings (`behind`, `overdue`).
fn inisiatif_json(p: &UnitPlan, period: u8) -> Value {
    let (planned, realised) = p.is_progress(period).unwrap_or_default();
    json!({
        "planned": fixed(Some(planned), 2),
        "realised": fixed(Some(realised), 2),
        "items": p.inisiatif.iter().map(|i| json!({
            "code": i.code,
            "name": i.name,
            "iku": i.iku,
            "pic": i.pic,
            "start": i.start,
            "end": i.end,
            "planned": exact(Some(i.planned_at(period))),
            "realised": exact(Some(i.realised_at(period))),
            "status": i.status,
            "findings": i.findings(period).iter().map(|f| match f {
                IsFinding::Behind { planned, realised } => json!({
                    "code": "behind",
                    "planned": exact(Some(*planned)),
                    "realised": exact(Some(*realised)),
                }),
                IsFinding::Overdue { end, realised } => json!({
                    "code": "overdue",
                    "end": end,
                    "realised": exact(Some(*realised)),
                }),
            }).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// The absorption numbers of a line or of the total: Rp exact, % rounded to 2 places.
fn absorption_json(a: &Absorption) -> serde_json::Map<String, Value> {
    let mut m = serde_json::Map::new();
    m.insert("pagu".into(), exact(Some(a.pagu)));
    m.insert("planned".into(), exact(Some(a.planned)));
    m.insert("realisasi".into(), exact(Some(a.realisasi)));
    m.insert("planned_absorption".into(), fixed(a.planned_pct(), 2));
    m.insert("absorption".into(), fixed(a.realised_pct(), 2));
    m
}

/// `anggaran` of a unit: the total up to the period and each line.
fn anggaran_json(p: &UnitPlan, period: u8) -> Value {
    let mut total = absorption_json(&p.absorption(period));
    let lines: Vec<Value> = p
        .anggaran
        .iter()
        .map(|l| {
            let mut m = serde_json::Map::new();
            m.insert("code".into(), json!(l.code));
            m.insert("program".into(), json!(l.program));
            m.insert("kegiatan".into(), json!(l.kegiatan));
            m.insert("output".into(), json!(l.output));
            m.insert("output_name".into(), json!(l.output_name));
            m.insert("link".into(), json!(l.link));
            m.extend(absorption_json(&l.absorption(period)));
            m.insert("revisions".into(), json!(l.revisions.len()));
            Value::Object(m)
        })
        .collect();
    total.insert("lines".into(), Value::Array(lines));
    Value::Object(total)
}

/// The analyses (DOMAIN.md §11) of an IKU in the months up to `period`, by month.
fn analyses_of<'a>(
    ds: &'a Dataset,
    unit: &str,
    iku: &str,
    period: u8,
) -> Vec<(u8, &'a crate::domain::round::Analysis)> {
    let Some(round) = ds.round.get(unit) else {
        return Vec::new();
    };
    (1..=period)
        .filter_map(|m| round.analysis(iku, m).map(|a| (m, a)))
        .collect()
}

/// The analyses of a unit's IKU up to the report's period, IKU by IKU in the table's order.
fn analyses_text(r: &UnitReport, md: bool) -> String {
    let u = &r.score.unit;
    let mut out = String::new();
    for i in iku_in_order(&r.score) {
        for (m, a) in analyses_of(r.ds, u, &i.code, r.score.period) {
            let head = format!("IKU {} — {}", i.code, crate::text::domain::month_name(m));
            if md {
                out.push_str(&format!("- **{head}**\n"));
            } else {
                out.push_str(&format!("{head}\n"));
            }
            out.push_str(&super::analisis::analysis_text(a, "  "));
        }
    }
    if out.is_empty() {
        return out;
    }
    let title = crate::text::round::REPORT_ANALYSES.s();
    let title = if md {
        format!("### {title}\n\n")
    } else {
        format!("{title}\n")
    };
    format!("{title}{out}\n")
}

/// `[{"unit", "iku", "month"}]`: the realisasi a number waits for (`domain` §11).
fn missing_json(m: &[Missing]) -> Value {
    Value::Array(
        m.iter()
            .map(|m| json!({"unit": m.unit, "iku": m.iku, "month": m.month}))
            .collect(),
    )
}

/// `UNIT/IKU/MM;…` for a CSV cell.
fn missing_csv(m: &[Missing]) -> String {
    m.iter()
        .map(|m| format!("{}/{}/{:02}", m.unit, m.iku, m.month))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A decimal rounded half away from zero to exactly `places` places, as a string.
fn fixed(d: Option<Decimal>, places: u32) -> Value {
    d.map_or(Value::Null, |d| {
        let mut r = round_to(d, places);
        r.rescale(places);
        Value::String(r.to_string())
    })
}

/// The `k3` object of a unit in `report --format json`: parts and index to 4 places, NKO K3 to 2,
/// points (or multipliers) exact, `null` where not computable.
pub fn k3_json(b: &K3Breakdown) -> Value {
    json!({
        "method": match b.method {
            K3Method::Points => "points",
            K3Method::Multiplier => "multiplier",
        },
        "iku_part": fixed(b.iku_part, 4),
        "target_part": fixed(b.target_part, 4),
        "index": fixed(b.index, 4),
        "label": b.label.map(|l| l.as_str()),
        "nko_k3": fixed(b.nko_k3, 2),
        "standard_iku_points": exact(b.standard_iku_points),
        "standard_target_points": exact(b.standard_target_points),
        "quota": b.quota.as_ref().map(|q| json!({
            "share": q.share.normalize().to_string(),
            "allowed": q.allowed,
            "above_threshold": q.above_threshold,
            "capped": q.capped,
        })),
        "iku": b.iku.iter().map(|i| json!({
            "code": i.code,
            "iku_points": exact((!i.left_out).then_some(i.iku_points)),
            "left_out": i.left_out,
            "iku_reason": crate::text::reason::render_parts(&i.iku_reason),
            "iku_reason_parts": crate::text::reason::parts_json(&i.iku_reason),
            "target_points": exact(i.target_points),
            "target_reason": crate::text::reason::render_parts(&i.target_reason),
            "target_reason_parts": crate::text::reason::parts_json(&i.target_reason),
            "capped_by_quota": i.capped_by_quota,
            "k3": exact(i.k3),
        })).collect::<Vec<_>>(),
    })
}

/// The rulebook of `--compare-rulebook`: a built-in name, else a TOML file.
pub(super) fn compare_rulebook(name: &str) -> Result<Rulebook, CliError> {
    if let Some(rb) = Rulebook::builtin(name) {
        return Ok(rb);
    }
    let p = std::path::Path::new(name);
    if p.exists() {
        return super::load_rulebook_file(p);
    }
    super::rulebook_by_name(name)
}

/// NKO, predikat, K3 index and NKO K3 of each unit under `base` and `other`, side by side.
fn compare(
    ds: &Dataset,
    base: &Rulebook,
    other: &Rulebook,
    units: &[String],
    period: u8,
    format: Format,
    locale: Locale,
) -> Result<String, CliError> {
    let rows: Vec<(String, [UnitReport; 2])> = units
        .iter()
        .map(|u| {
            (
                u.clone(),
                [
                    UnitReport::new(ds, base, u, period),
                    UnitReport::new(ds, other, u, period),
                ],
            )
        })
        .collect();
    let dash = || "–".to_string();
    match format {
        Format::Json => {
            let side = |r: &UnitReport| {
                json!({
                    "rulebook": r.rb.name,
                    "nko": r2(r.score.nko),
                    "predikat": r.score.predikat,
                    "complete": r.score.complete(),
                    "missing": missing_json(&r.score.missing),
                    "k3_index": fixed(r.k3.index, 4),
                    "nko_k3": fixed(r.k3.nko_k3, 2),
                })
            };
            let v: Vec<Value> = rows
                .iter()
                .map(|(u, [a, b])| {
                    json!({
                        "unit": u,
                        "name": ds.units[u].name,
                        "period": period_label(ds.year, period),
                        "base": side(a),
                        "compare": side(b),
                    })
                })
                .collect();
            let mut s = serde_json::to_string_pretty(&Value::Array(v)).map_err(refused)?;
            s.push('\n');
            Ok(s)
        }
        Format::Csv => {
            let num2 =
                |d: Option<Decimal>| d.map_or_else(String::new, |d| format_decimal(d, locale, 2));
            let num4 =
                |d: Option<Decimal>| d.map_or_else(String::new, |d| format_decimal(d, locale, 4));
            let mut out = vec![
                [
                    &t::COL_UNIT,
                    &t::CSV_PERIOD,
                    &t::COL_RULEBOOK,
                    &t::CSV_NKO,
                    &t::COL_PREDIKAT,
                    &t::COL_K3_INDEX,
                    &t::COL_NKO_K3,
                    &t::CSV_COMPLETE,
                    &t::CSV_MISSING,
                ]
                .iter()
                .map(|m| m.s().to_string())
                .collect::<Vec<String>>(),
            ];
            for (u, pair) in &rows {
                for r in pair {
                    out.push(vec![
                        u.clone(),
                        period_label(ds.year, period),
                        r.rb.name.clone(),
                        num2(r.score.nko),
                        r.score.predikat.clone().unwrap_or_default(),
                        num4(r.k3.index),
                        num2(r.k3.nko_k3),
                        yes_no(r.score.complete()),
                        missing_csv(&r.score.missing),
                    ]);
                }
            }
            locale_csv(locale, &out)
        }
        Format::Table | Format::Md => {
            let md = format == Format::Md;
            let num2 = |d: Option<Decimal>| d.map_or_else(dash, |d| format_decimal(d, locale, 2));
            let num4 = |d: Option<Decimal>| d.map_or_else(dash, |d| format_decimal(d, locale, 4));
            let mut head = vec![t::COL_UNIT.s().to_string()];
            for i in 1..=2 {
                head.push(format!("NKO [{i}]"));
                head.push(format!("{} [{i}]", t::COL_PREDIKAT.s()));
                head.push(format!("{} [{i}]", t::COL_K3_INDEX.s()));
                head.push(format!("{} [{i}]", t::COL_NKO_K3.s()));
            }
            let body: Vec<Vec<String>> = rows
                .iter()
                .map(|(u, pair)| {
                    let mut row = vec![u.clone()];
                    for r in pair {
                        row.push(marked(num2(r.score.nko), &r.score.missing));
                        row.push(r.score.predikat.clone().unwrap_or_else(dash));
                        row.push(num4(r.k3.index));
                        row.push(marked(num2(r.k3.nko_k3), &r.score.missing));
                    }
                    row
                })
                .collect();
            let title = t::COMPARE_TITLE.fill(&[
                ("period", &period_label(ds.year, period)),
                ("a", &format!("[1] {}", base.name)),
                ("b", &format!("[2] {}", other.name)),
            ]);
            let right = [false, true, false, true, true, true, false, true, true];
            let mut out = if md {
                format!("## {title}\n\n")
            } else {
                format!("{title}\n\n")
            };
            out.push_str(&render_table(&head, &body, md, &right));
            let missing = Missing::union(rows.iter().map(|(_, [a, _])| a.score.missing.as_slice()));
            if !missing.is_empty() {
                out.push('\n');
                out.push_str(&incomplete_note(&missing, md));
            }
            Ok(out)
        }
    }
}

/// `--compare-period`: every unit's NKO and every IKU's capaian at both periods, with the
/// change (period minus comparison period).
fn compare_periods(
    reports: &[UnitReport],
    before: &[UnitScore],
    format: Format,
    locale: Locale,
) -> Result<String, CliError> {
    // the change of the values as shown (2 places), so that it is what a reader subtracts
    let change = |a: Option<Decimal>, b: Option<Decimal>| Some(round2(b?) - round2(a?));
    match format {
        Format::Json => {
            let v: Vec<Value> = reports
                .iter()
                .zip(before)
                .map(|(r, b)| {
                    let s = &r.score;
                    json!({
                        "unit": s.unit,
                        "name": r.ds.units[&s.unit].name,
                        "period": period_label(r.ds.year, s.period),
                        "compare_period": period_label(r.ds.year, b.period),
                        "nko": r2(s.nko),
                        "compare_nko": r2(b.nko),
                        "nko_change": r2(change(b.nko, s.nko)),
                        "iku": iku_in_order(s).into_iter().map(|i| {
                            let c = b.iku.get(&i.code).and_then(|x| x.capaian);
                            json!({
                                "code": i.code,
                                "capaian": r2(i.capaian),
                                "compare_capaian": r2(c),
                                "change": r2(change(c, i.capaian)),
                            })
                        }).collect::<Vec<_>>(),
                    })
                })
                .collect();
            let mut s = serde_json::to_string_pretty(&Value::Array(v)).map_err(refused)?;
            s.push('\n');
            Ok(s)
        }
        _ => {
            let csv = format == Format::Csv;
            let md = format == Format::Md;
            let empty = if csv {
                String::new
            } else {
                || "–".to_string()
            };
            let num2 = |d: Option<Decimal>| d.map_or_else(empty, |d| format_decimal(d, locale, 2));
            let signed = |d: Option<Decimal>| match d {
                Some(d) if d > Decimal::ZERO => format!("+{}", format_decimal(d, locale, 2)),
                d => num2(d),
            };
            let Some((r0, b0)) = reports.first().zip(before.first()) else {
                return Ok(String::new());
            };
            let (pa, pb) = (
                period_label(r0.ds.year, b0.period),
                period_label(r0.ds.year, r0.score.period),
            );
            let head: Vec<String> = vec![
                t::COL_UNIT.s().to_string(),
                "IKU".into(),
                t::COL_NAME.s().into(),
                format!("{} {pa}", t::COL_CAPAIAN.s()),
                format!("{} {pb}", t::COL_CAPAIAN.s()),
                t::COL_CHANGE.s().into(),
            ];
            let mut rows: Vec<Vec<String>> = Vec::new();
            for (r, b) in reports.iter().zip(before) {
                let s = &r.score;
                rows.push(vec![
                    s.unit.clone(),
                    "NKO".into(),
                    r.ds.units[&s.unit].name.clone(),
                    num2(b.nko),
                    num2(s.nko),
                    signed(change(b.nko, s.nko)),
                ]);
                for i in iku_in_order(s) {
                    let c = b.iku.get(&i.code).and_then(|x| x.capaian);
                    let name =
                        r.ds.iku
                            .get(&crate::domain::CodeRef::new(&s.unit, &i.code))
                            .map(|x| x.name.clone())
                            .unwrap_or_default();
                    rows.push(vec![
                        s.unit.clone(),
                        i.code.clone(),
                        name,
                        num2(c),
                        num2(i.capaian),
                        signed(change(c, i.capaian)),
                    ]);
                }
            }
            if csv {
                let mut all = vec![head];
                all.extend(rows);
                return locale_csv(locale, &all);
            }
            let title = t::COMPARE_PERIOD_TITLE.fill(&[("a", &pa), ("b", &pb)]);
            let mut out = if md {
                format!("## {title}\n\n")
            } else {
                format!("{title}\n\n")
            };
            out.push_str(&render_table(
                &head,
                &rows,
                md,
                &[false, false, false, true, true, true],
            ));
            Ok(out)
        }
    }
}

/// A CSV a spreadsheet opens in the user's locale: `;` between fields and decimal commas in
/// Indonesian (`,` and decimal points in English), with a UTF-8 byte order mark so that Excel
/// reads the names as UTF-8.
pub fn locale_csv(locale: Locale, rows: &[Vec<String>]) -> Result<String, CliError> {
    let delimiter = match locale {
        Locale::Id => b';',
        Locale::En => b',',
    };
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    for r in rows {
        w.write_record(r).map_err(refused)?;
    }
    let bytes = w.into_inner().map_err(refused)?;
    let mut out = String::from("\u{feff}");
    out.push_str(&String::from_utf8(bytes).map_err(refused)?);
    Ok(out)
}

/// "ya"/"tidak" for the completeness column.
fn yes_no(b: bool) -> String {
    if b { t::CSV_YES.s() } else { t::CSV_NO.s() }.to_string()
}

/// `report --format csv`: one row per IKU (one per unit without IKU), named, with the numbers
/// rounded as the table shows them, in the locale, words in the UI language.
fn csv_report(reports: &[UnitReport], locale: Locale) -> Result<String, CliError> {
    let mut rows = vec![
        [
            &t::COL_UNIT,
            &t::CSV_UNIT_NAME,
            &t::CSV_LEVEL,
            &t::CSV_PERIOD,
            &t::COL_RULEBOOK,
            &t::CSV_NKO,
            &t::COL_PREDIKAT,
            &t::COL_PERSPECTIVE,
            &t::CSV_SS,
            &t::CSV_SS_NAME,
            &t::CSV_IKU,
            &t::CSV_IKU_NAME,
            &t::COL_TARGET,
            &t::COL_REALISASI,
            &t::COL_CAPAIAN,
            &t::COL_STATUS,
            &t::CSV_COMPLETE,
            &t::CSV_MISSING,
            &tr::CSV_IS_PLANNED,
            &tr::CSV_IS_REALISED,
            &tr::PAGU,
            &tr::CSV_BUDGET_REALISASI,
            &tr::ABSORPTION_PLANNED,
            &tr::ABSORPTION,
        ]
        .iter()
        .map(|m| m.s().to_string())
        .collect::<Vec<String>>(),
    ];
    let num2 = |d: Option<Decimal>| d.map_or_else(String::new, |d| format_decimal(d, locale, 2));
    let rp = |d: Decimal| format_exact(d.normalize(), locale);
    let numx =
        |d: Option<Decimal>| d.map_or_else(String::new, |d| format_exact(round_to(d, 4), locale));
    for r in reports {
        let u = &r.ds.units[&r.score.unit];
        let s = &r.score;
        let head = vec![
            u.code.clone(),
            u.name.clone(),
            u.level.label().to_string(),
            period_label(r.ds.year, s.period),
            r.rb.name.clone(),
            num2(s.nko),
            s.predikat.clone().unwrap_or_default(),
        ];
        let is = r.inisiatif().and_then(|p| p.is_progress(s.period));
        let ab = r.anggaran().map(|p| p.absorption(s.period));
        let tail = [
            yes_no(s.complete()),
            missing_csv(&s.missing),
            num2(is.map(|x| x.0)),
            num2(is.map(|x| x.1)),
            ab.map(|a| rp(a.pagu)).unwrap_or_default(),
            ab.map(|a| rp(a.realisasi)).unwrap_or_default(),
            num2(ab.and_then(|a| a.planned_pct())),
            num2(ab.and_then(|a| a.realised_pct())),
        ];
        if s.iku.is_empty() {
            let mut row = head.clone();
            row.resize(16, String::new());
            row.extend(tail.clone());
            rows.push(row);
        }
        for i in iku_in_order(s) {
            let ss = r.ds.ss.get(&crate::domain::CodeRef::new(&u.code, &i.ss));
            let iku = r.ds.iku.get(&crate::domain::CodeRef::new(&u.code, &i.code));
            let mut row = head.clone();
            row.extend([
                ss.map(|x| x.perspective.label().to_string())
                    .unwrap_or_default(),
                i.ss.clone(),
                ss.map(|x| x.name.clone()).unwrap_or_default(),
                i.code.clone(),
                iku.map(|x| x.name.clone()).unwrap_or_default(),
                numx(i.target),
                numx(i.realisasi),
                num2(i.capaian),
                i.status.map(|s| s.label().to_string()).unwrap_or_default(),
            ]);
            row.extend(tail.clone());
            rows.push(row);
        }
    }
    locale_csv(locale, &rows)
}

/// Renders rows as an aligned text table or a Markdown table.
pub fn render_table(head: &[String], rows: &[Vec<String>], md: bool, right: &[bool]) -> String {
    let n = head.len();
    let mut width = vec![0usize; n];
    for row in std::iter::once(head).chain(rows.iter().map(|r| r.as_slice())) {
        for (i, c) in row.iter().enumerate().take(n) {
            width[i] = width[i].max(c.chars().count());
        }
    }
    let cell = |i: usize, c: &str| {
        let pad = width[i].saturating_sub(c.chars().count());
        if right.get(i).copied().unwrap_or(false) {
            format!("{}{}", " ".repeat(pad), c)
        } else {
            format!("{}{}", c, " ".repeat(pad))
        }
    };
    let line = |row: &[String]| {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(i, c)| cell(i, &c.replace('|', "\\|")))
            .collect();
        if md {
            format!("| {} |", cells.join(" | "))
        } else {
            cells.join("  ").trim_end().to_string()
        }
    };
    let mut out = String::new();
    out.push_str(&line(head));
    out.push('\n');
    if md {
        let sep: Vec<String> = (0..n)
            .map(|i| {
                let dashes = "-".repeat(width[i].max(3));
                if right.get(i).copied().unwrap_or(false) {
                    format!("{}:", &dashes[1..])
                } else {
                    dashes
                }
            })
            .collect();
        out.push_str(&format!("| {} |\n", sep.join(" | ")));
    } else {
        let total: usize = width.iter().sum::<usize>() + 2 * n.saturating_sub(1);
        out.push_str(&"─".repeat(total));
        out.push('\n');
    }
    for r in rows {
        out.push_str(&line(r));
        out.push('\n');
    }
    out
}

/// The note under an incomplete number: what it waits for (at most ten entries).
fn incomplete_note(missing: &[Missing], md: bool) -> String {
    let note = completeness::NOTE.fill(&[("missing", &completeness::list(missing, 10))]);
    if md {
        format!("\\{note}\n")
    } else {
        format!("{note}\n")
    }
}

fn table(r: &UnitReport, locale: Locale, md: bool) -> String {
    let u = &r.ds.units[&r.score.unit];
    let s = &r.score;
    let dash = || "–".to_string();
    let num2 = |d: Option<Decimal>| d.map_or_else(dash, |d| format_decimal(d, locale, 2));
    // exact values, but a repeating fraction of an average is cut at 4 places for reading
    let numx = |d: Option<Decimal>| d.map_or_else(dash, |d| format_exact(round_to(d, 4), locale));
    let mut out = String::new();
    let title = format!("{} — {} ({})", u.code, u.name, u.level.label());
    if md {
        out.push_str(&format!("## {title}\n\n"));
    } else {
        out.push_str(&format!("{title}\n"));
    }
    let summary = t::REPORT_SUMMARY.fill(&[
        ("period", &period_label(r.ds.year, s.period)),
        ("rulebook", &r.rb.name),
        ("nko", &marked(num2(s.nko), &s.missing)),
        ("predikat", &s.predikat.clone().unwrap_or_else(dash)),
    ]);
    out.push_str(&summary);
    out.push('\n');
    if !s.complete() {
        out.push_str(&incomplete_note(&s.missing, md));
    }
    out.push('\n');
    if !s.perspectives.is_empty() {
        let head = vec![
            t::COL_PERSPECTIVE.s().to_string(),
            t::COL_WEIGHT.s().into(),
            t::COL_VALUE.s().into(),
        ];
        let rows: Vec<Vec<String>> = s
            .perspectives
            .iter()
            .map(|p| {
                vec![
                    p.perspective.label().to_string(),
                    numx(Some(p.weight)),
                    marked(num2(p.value), &p.missing),
                ]
            })
            .collect();
        out.push_str(&render_table(&head, &rows, md, &[false, true, true]));
        out.push('\n');
    }
    if !s.ss.is_empty() {
        let head = vec![
            "SS".to_string(),
            t::COL_PERSPECTIVE.s().into(),
            t::COL_NAME.s().into(),
            t::COL_VALUE.s().into(),
        ];
        let rows: Vec<Vec<String>> = ss_in_order(s)
            .into_iter()
            .map(|x| {
                let name =
                    r.ds.ss
                        .get(&crate::domain::CodeRef::new(&u.code, &x.code))
                        .map(|s| s.name.clone())
                        .unwrap_or_default();
                vec![
                    x.code.clone(),
                    x.perspective.label().to_string(),
                    name,
                    marked(num2(x.value), &x.missing),
                ]
            })
            .collect();
        out.push_str(&render_table(
            &head,
            &rows,
            md,
            &[false, false, false, true],
        ));
        out.push('\n');
    }
    if !s.iku.is_empty() {
        let head = vec![
            "IKU".to_string(),
            "SS".into(),
            t::COL_TARGET.s().into(),
            t::COL_REALISASI.s().into(),
            t::COL_CAPAIAN.s().into(),
            t::COL_STATUS.s().into(),
        ];
        let rows: Vec<Vec<String>> = iku_in_order(s)
            .into_iter()
            .map(|i| {
                vec![
                    i.code.clone(),
                    i.ss.clone(),
                    numx(i.target),
                    numx(i.realisasi),
                    num2(i.capaian),
                    i.status.map_or_else(dash, |s| s.label().to_string()),
                ]
            })
            .collect();
        out.push_str(&render_table(
            &head,
            &rows,
            md,
            &[false, false, true, true, true, false],
        ));
    }
    out.push('\n');
    out.push_str(&analyses_text(r, md));
    out.push_str(&plan_tables(r, locale, md));
    out.push_str(&k3_table(r, locale, md));
    out
}

/// The IS progress and the budget absorption of a unit's table, each when the unit has them.
fn plan_tables(r: &UnitReport, locale: Locale, md: bool) -> String {
    let dash = || "–".to_string();
    let num2 = |d: Option<Decimal>| d.map_or_else(dash, |d| format_decimal(d, locale, 2));
    let rp = |d: Decimal| format_exact(d.normalize(), locale);
    let period = r.score.period;
    let heading = |title: &str| {
        let title = format!("{title} — {}", period_label(r.ds.year, period));
        if md {
            format!("### {title}\n\n")
        } else {
            format!("{title}\n")
        }
    };
    let mut out = String::new();
    if let Some(p) = r.inisiatif() {
        out.push_str(&heading(tr::IS_TITLE.s()));
        let head = vec![
            "IS".to_string(),
            t::COL_NAME.s().into(),
            tr::PLANNED_PCT.s().into(),
            tr::REALISED_PCT.s().into(),
            tr::IS_FINDINGS.s().into(),
        ];
        let mut rows: Vec<Vec<String>> = p
            .inisiatif
            .iter()
            .map(|i| {
                let f = i.findings(period);
                let findings = if f.is_empty() {
                    tr::IS_ON_TRACK.s().to_string()
                } else {
                    f.iter()
                        .map(|f| crate::report::is_finding_text(f, locale))
                        .collect::<Vec<_>>()
                        .join("; ")
                };
                vec![
                    i.code.clone(),
                    i.name.clone(),
                    num2(Some(i.planned_at(period))),
                    num2(Some(i.realised_at(period))),
                    findings,
                ]
            })
            .collect();
        if let Some((pl, re)) = p.is_progress(period) {
            rows.push(vec![
                String::new(),
                tr::IS_MEAN.s().to_string(),
                num2(Some(pl)),
                num2(Some(re)),
                String::new(),
            ]);
        }
        out.push_str(&render_table(
            &head,
            &rows,
            md,
            &[false, false, true, true, false],
        ));
        out.push('\n');
    }
    if let Some(p) = r.anggaran() {
        out.push_str(&heading(tr::BUDGET_TITLE.s()));
        let head = vec![
            tr::BUDGET_LINE.s().to_string(),
            tr::OUTPUT.s().into(),
            tr::PAGU.s().into(),
            tr::CSV_BUDGET_REALISASI.s().into(),
            tr::ABSORPTION_PLANNED.s().into(),
            tr::ABSORPTION.s().into(),
        ];
        let row = |code: &str, name: &str, a: Absorption| {
            vec![
                code.to_string(),
                name.to_string(),
                rp(a.pagu),
                rp(a.realisasi),
                num2(a.planned_pct()),
                num2(a.realised_pct()),
            ]
        };
        let mut rows: Vec<Vec<String>> = p
            .anggaran
            .iter()
            .map(|l| row(&l.code, &l.output_name, l.absorption(period)))
            .collect();
        rows.push(row("", tr::BUDGET_TOTAL.s(), p.absorption(period)));
        out.push_str(&render_table(
            &head,
            &rows,
            md,
            &[false, false, true, true, true, true],
        ));
        out.push('\n');
    }
    out
}

/// The K3 section of a unit's table: the two parts, the index, NKO K3, the quota in use and
/// which IKU it capped, and every IKU's points with the reason that gave them.
fn k3_table(r: &UnitReport, locale: Locale, md: bool) -> String {
    let b = &r.k3;
    let dash = || "–".to_string();
    let num2 = |d: Option<Decimal>| d.map_or_else(dash, |d| format_decimal(d, locale, 2));
    let num4 = |d: Option<Decimal>| d.map_or_else(dash, |d| format_decimal(d, locale, 4));
    // points are whole or exact; multipliers are read with two places (1,20)
    let pts = |d: Option<Decimal>| {
        d.map_or_else(dash, |d| match b.method {
            K3Method::Points => format_exact(d.normalize(), locale),
            K3Method::Multiplier => format_decimal(d, locale, 2),
        })
    };
    let mut out = String::new();
    let title = t::K3_TITLE.fill(&[("rulebook", &r.rb.name)]);
    if md {
        out.push_str(&format!("### {title}\n\n"));
    } else {
        out.push_str(&format!("{title}\n"));
    }
    let parts = match b.method {
        K3Method::Points => t::K3_PARTS_POINTS.fill(&[
            ("iku_part", &num4(b.iku_part)),
            ("std", &pts(b.standard_iku_points)),
            ("target_part", &num4(b.target_part)),
            ("tstd", &pts(b.standard_target_points)),
            ("index", &num4(b.index)),
            ("nko_k3", &num2(b.nko_k3)),
        ]),
        K3Method::Multiplier => t::K3_PARTS_MULTIPLIER.fill(&[
            ("iku_part", &num4(b.iku_part)),
            ("target_part", &num4(b.target_part)),
            ("index", &num4(b.index)),
            ("nko_k3", &num2(b.nko_k3)),
        ]),
    };
    out.push_str(&parts);
    if let Some(l) = b.label {
        out.push_str(&format!(" ({})", l.label()));
    }
    out.push('\n');
    if b.method == K3Method::Points {
        let line = match &b.quota {
            Some(q) => {
                let threshold =
                    r.rb.k3
                        .points
                        .as_ref()
                        .map(|p| p.quota_threshold.0)
                        .map_or_else(dash, |d| format_exact(d.normalize(), locale));
                let capped = if q.capped.is_empty() {
                    t::NONE_WORD.s().to_string()
                } else {
                    q.capped.join(", ")
                };
                t::K3_QUOTA.fill(&[
                    ("threshold", &threshold),
                    (
                        "share",
                        &format_exact((q.share * Decimal::ONE_HUNDRED).normalize(), locale),
                    ),
                    ("n", &b.iku.len()),
                    ("allowed", &q.allowed),
                    ("above", &q.above_threshold),
                    ("capped", &capped),
                ])
            }
            None => t::K3_NO_QUOTA.s().to_string(),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out.push('\n');
    if b.iku.is_empty() {
        return out;
    }
    let (head, right): (Vec<String>, Vec<bool>) = match b.method {
        K3Method::Points => (
            vec![
                "IKU".into(),
                t::COL_IKU_POINTS.s().into(),
                t::COL_IKU_REASON.s().into(),
                t::COL_TARGET_POINTS.s().into(),
                t::COL_TARGET_REASON.s().into(),
            ],
            vec![false, true, false, true, false],
        ),
        K3Method::Multiplier => (
            vec![
                "IKU".into(),
                t::COL_IKU_MULT.s().into(),
                t::COL_IKU_REASON.s().into(),
                t::COL_TARGET_MULT.s().into(),
                t::COL_TARGET_REASON.s().into(),
                t::COL_K3.s().into(),
            ],
            vec![false, true, false, true, false, true],
        ),
    };
    let rows: Vec<Vec<String>> = b
        .iku
        .iter()
        .map(|i| {
            let mut row = vec![
                i.code.clone(),
                pts((!i.left_out).then_some(i.iku_points)),
                crate::text::reason::render_parts(&i.iku_reason),
                i.target_points
                    .map_or_else(|| t::LEFT_OUT.s().to_string(), |p| pts(Some(p))),
                crate::text::reason::render_parts(&i.target_reason),
            ];
            if b.method == K3Method::Multiplier {
                row.push(num4(i.k3));
            }
            row
        })
        .collect();
    out.push_str(&render_table(&head, &rows, md, &right));
    out
}
