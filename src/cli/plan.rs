//! `kinerja inisiatif …` and `kinerja anggaran …`: the Inisiatif Strategis and the Rincian
//! Anggaran of the PK (DOMAIN.md §12).

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{CliError, CliResult, Context, parse_year_month, read_text_file, refused, say};
use crate::domain::model::Dec;
use crate::domain::plan::{IsFinding, PlanChange, Plans, UnitPlan};
use crate::interchange::number::{Locale, format_decimal, format_exact, parse_decimal};
use crate::store::StoreApi;
use crate::text::plan as t;

#[derive(Args, Debug)]
pub struct InisiatifArgs {
    #[command(subcommand)]
    pub command: InisiatifCommand,
}

#[derive(Subcommand, Debug)]
pub enum InisiatifCommand {
    /// Daftar Inisiatif Strategis (tanpa unit: semua) / list the IS (without a unit: every unit's)
    List {
        unit: Option<String>,
        /// Bulan / month, YYYY-MM [default: the latest with data]
        #[arg(long)]
        period: Option<String>,
    },
    /// Rincian satu IS / one IS in full
    Show { unit: String, code: String },
    /// Isi realisasi % satu IS / enter an IS's realised %
    Set {
        unit: String,
        code: String,
        /// Bulan / month, YYYY-MM
        month: String,
        /// Realisasi kumulatif (%) / realised cumulative %
        percent: String,
        #[arg(long)]
        status: Option<String>,
        #[arg(long)]
        kendala: Option<String>,
        #[arg(long = "tindak-lanjut")]
        tindak_lanjut: Option<String>,
        #[arg(long, value_name = "id|en")]
        locale: Option<String>,
    },
}

#[derive(Args, Debug)]
pub struct AnggaranArgs {
    #[command(subcommand)]
    pub command: AnggaranCommand,
}

#[derive(Subcommand, Debug)]
pub enum AnggaranCommand {
    /// Daftar Rincian Anggaran dengan penyerapan / list the budget lines with absorption
    List {
        unit: Option<String>,
        #[arg(long)]
        period: Option<String>,
    },
    /// Isi realisasi anggaran satu bulan / enter a line's realisasi of a month
    Set {
        unit: String,
        line: String,
        month: String,
        #[arg(allow_hyphen_values = true)]
        value: String,
        #[arg(long, value_name = "id|en")]
        locale: Option<String>,
    },
    /// Revisi pagu (revisi DIPA): bertanggal, beralasan, diaudit / a DIPA revision of the pagu
    Revise {
        unit: String,
        line: String,
        /// Pagu baru / the new pagu (Rp)
        #[arg(long)]
        pagu: String,
        /// Tanggal / date, YYYY-MM-DD
        #[arg(long)]
        date: String,
        /// Nomor revisi DIPA / the revision's reference
        #[arg(long = "ref")]
        reference: String,
        #[arg(long)]
        reason: String,
        #[arg(long, value_name = "id|en")]
        locale: Option<String>,
    },
    /// Impor realisasi anggaran bulanan (CSV: unit,line,month,realisasi), semua atau tidak sama sekali
    Import {
        file: PathBuf,
        #[arg(long, value_name = "id|en")]
        locale: Option<String>,
    },
}

/// The period to show: `--period` when given, else the latest month with IS progress or budget
/// realisasi (1 when none).
fn period(given: Option<&str>, year: i32, plans: &Plans) -> Result<u8, CliError> {
    if let Some(p) = given {
        return match parse_year_month(p) {
            Some((y, m)) if y == year => Ok(m),
            _ => Err(CliError::usage(t::SHEET_MONTH.fill(&[("found", &p)]))),
        };
    }
    let latest = plans
        .values()
        .flat_map(|p| {
            p.inisiatif
                .iter()
                .flat_map(|i| i.realised.keys().copied())
                .chain(p.anggaran.iter().flat_map(|l| l.realisasi.keys().copied()))
        })
        .max();
    Ok(latest.unwrap_or(1))
}

fn chosen<'a>(plans: &'a Plans, unit: Option<&str>) -> Result<Vec<&'a UnitPlan>, CliError> {
    match unit {
        None => Ok(plans.values().collect()),
        Some(u) => plans
            .get(u)
            .map(|p| vec![p])
            .ok_or_else(|| CliError::refused(t::NO_PLAN.s())),
    }
}

fn pct(v: rust_decimal::Decimal, loc: Locale) -> String {
    format_decimal(v, loc, 2)
}

pub fn finding_text(unit: &str, is: &str, f: &IsFinding, month: u8, loc: Locale) -> String {
    match f {
        IsFinding::Behind { planned, realised } => t::IS_BEHIND.fill(&[
            ("is", &is),
            ("unit", &unit),
            ("realised", &pct(*realised, loc)),
            ("planned", &pct(*planned, loc)),
            ("month", &month),
        ]),
        IsFinding::Overdue { end, realised } => t::IS_OVERDUE.fill(&[
            ("is", &is),
            ("unit", &unit),
            ("end", end),
            ("realised", &pct(*realised, loc)),
        ]),
    }
}

pub fn run_inisiatif(ctx: &Context, a: &InisiatifArgs) -> CliResult {
    let store = ctx.open_store()?;
    let year = ctx.year(&*store)?;
    let plans = store.load_plans(year).map_err(refused)?;
    let loc = ctx.locale(None)?;
    match &a.command {
        InisiatifCommand::List { unit, period: p } => {
            let m = period(p.as_deref(), year, &plans)?;
            let units = chosen(&plans, unit.as_deref())?;
            if units.iter().all(|p| p.inisiatif.is_empty()) {
                return say(t::NO_PLAN.s());
            }
            say(&t::IS_HEAD.fill(&[("month", &m)]))?;
            for p in units {
                for i in &p.inisiatif {
                    say(&format!(
                        "{}  {}  {}  [{}]  {} / {}  {}",
                        p.unit,
                        i.code,
                        i.name,
                        i.iku.join(", "),
                        pct(i.planned_at(m), loc),
                        pct(i.realised_at(m), loc),
                        i.status
                    ))?;
                    let f = i.findings(m);
                    for f in &f {
                        say(&format!(
                            "    ! {}",
                            finding_text(&p.unit, &i.code, f, m, loc)
                        ))?;
                    }
                }
            }
            Ok(())
        }
        InisiatifCommand::Show { unit, code } => {
            let i = plans.get(unit).and_then(|p| p.is(code)).ok_or_else(|| {
                CliError::refused(t::IS_OF.fill(&[("unit", unit), ("code", code)]))
            })?;
            let traj = |m: &std::collections::BTreeMap<u8, Dec>| {
                m.iter()
                    .map(|(k, v)| format!("{k:02}:{}", format_exact(v.0, loc)))
                    .collect::<Vec<_>>()
                    .join("  ")
            };
            say(&format!("{}  {}  {}", unit, i.code, i.name))?;
            say(&format!("IKU: {}", i.iku.join(", ")))?;
            say(&format!("{}: {}", t::FIELD_PIC.s(), i.pic))?;
            say(&format!("Output: {}", i.output))?;
            say(&format!("Outcome: {}", i.outcome))?;
            say(&format!("{}: {}–{}", t::FIELD_PERIOD.s(), i.start, i.end))?;
            say(&format!(
                "{}: {}",
                t::FIELD_TRAJECTORY.s(),
                traj(&i.planned)
            ))?;
            say(&format!("{}: {}", t::FIELD_REALISED.s(), traj(&i.realised)))?;
            say(&format!("Status: {}", i.status))?;
            say(&format!("{}: {}", t::FIELD_KENDALA.s(), i.kendala))?;
            say(&format!("{}: {}", t::FIELD_TL.s(), i.tindak_lanjut))
        }
        InisiatifCommand::Set {
            unit,
            code,
            month,
            percent,
            status,
            kendala,
            tindak_lanjut,
            locale,
        } => {
            let m = month_of(month, year)?;
            let loc = ctx.locale(locale.as_deref())?;
            let v = parse_decimal(percent, loc).map_err(|e| CliError::usage(e.to_string()))?;
            let change = PlanChange::SetProgress {
                unit: unit.clone(),
                is: code.clone(),
                month: m,
                realised: Dec(v),
                status: status.clone(),
                kendala: kendala.clone(),
                tindak_lanjut: tindak_lanjut.clone(),
            };
            apply(ctx, &*store, year, change, "set")
        }
    }
}

fn month_of(s: &str, year: i32) -> Result<u8, CliError> {
    match parse_year_month(s) {
        Some((y, m)) if y == year => Ok(m),
        _ => Err(CliError::usage(t::SHEET_MONTH.fill(&[("found", &s)]))),
    }
}

fn apply(
    ctx: &Context,
    store: &dyn StoreApi,
    year: i32,
    change: PlanChange,
    source: &str,
) -> CliResult {
    let audit = store
        .apply_plan(year, &[change], &ctx.actor, source)
        .map_err(refused)?;
    for e in audit {
        say(&t::SAVED.fill(&[("what", &e.what)]))?;
    }
    Ok(())
}

pub fn run_anggaran(ctx: &Context, a: &AnggaranArgs) -> CliResult {
    let store = ctx.open_store()?;
    let year = ctx.year(&*store)?;
    let plans = store.load_plans(year).map_err(refused)?;
    match &a.command {
        AnggaranCommand::List { unit, period: p } => {
            let loc = ctx.locale(None)?;
            let m = period(p.as_deref(), year, &plans)?;
            let units = chosen(&plans, unit.as_deref())?;
            if units.iter().all(|p| p.anggaran.is_empty()) {
                return say(t::NO_PLAN.s());
            }
            say(&t::LINE_HEAD.fill(&[("month", &m)]))?;
            let opt = |v: Option<rust_decimal::Decimal>| v.map_or("–".into(), |v| pct(v, loc));
            for p in units {
                for l in &p.anggaran {
                    let ab = l.absorption(m);
                    say(&format!(
                        "{}  {}  {} {}  {}  {}  {}  {} ({})",
                        p.unit,
                        l.code,
                        l.program,
                        l.program_name,
                        l.output_name,
                        format_exact(l.pagu.0, loc),
                        format_exact(ab.realisasi, loc),
                        opt(ab.realised_pct()),
                        opt(ab.planned_pct()),
                    ))?;
                    if !l.revisions.is_empty() {
                        say(&format!("    {}", t::REVISIONS.s()))?;
                        for r in &l.revisions {
                            say(&format!(
                                "    {}  {}  {} → {}  {}",
                                r.date,
                                r.reference,
                                format_exact(r.old.0, loc),
                                format_exact(r.new.0, loc),
                                r.reason
                            ))?;
                        }
                    }
                }
                if !p.anggaran.is_empty() {
                    let ab = p.absorption(m);
                    say(&format!(
                        "{}  {}  {}  {}  {} ({})",
                        p.unit,
                        t::TOTAL.s(),
                        format_exact(ab.pagu, loc),
                        format_exact(ab.realisasi, loc),
                        opt(ab.realised_pct()),
                        opt(ab.planned_pct()),
                    ))?;
                }
            }
            Ok(())
        }
        AnggaranCommand::Set {
            unit,
            line,
            month,
            value,
            locale,
        } => {
            let m = month_of(month, year)?;
            let loc = ctx.locale(locale.as_deref())?;
            let v = parse_decimal(value, loc).map_err(|e| CliError::usage(e.to_string()))?;
            let change = PlanChange::SetLineRealisasi {
                unit: unit.clone(),
                line: line.clone(),
                month: m,
                value: Some(Dec(v)),
            };
            apply(ctx, &*store, year, change, "set")
        }
        AnggaranCommand::Revise {
            unit,
            line,
            pagu,
            date,
            reference,
            reason,
            locale,
        } => {
            let loc = ctx.locale(locale.as_deref())?;
            let v = parse_decimal(pagu, loc).map_err(|e| CliError::usage(e.to_string()))?;
            let date = chrono::NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
                .map_err(|_| CliError::usage(t::BAD_DATE.fill(&[("date", date)])))?;
            let change = PlanChange::RevisePagu {
                unit: unit.clone(),
                line: line.clone(),
                date,
                reference: reference.clone(),
                reason: reason.clone(),
                pagu: Dec(v),
            };
            apply(ctx, &*store, year, change, "revisi-dipa")
        }
        AnggaranCommand::Import { file, locale } => {
            let loc = match locale {
                Some(l) => Some(ctx.locale(Some(l))?),
                None => None,
            };
            let text = read_text_file(file, crate::interchange::MAX_INPUT_BYTES as u64)?;
            let rows =
                match crate::interchange::anggaran::parse_budget_sheet(&text, loc, year, &plans) {
                    Ok(r) => r,
                    Err(errors) => {
                        let mut msg = String::new();
                        for e in &errors {
                            msg.push_str(
                                &t::SHEET_LINE.fill(&[("line", &e.line), ("message", &e.message)]),
                            );
                            msg.push('\n');
                        }
                        msg.push_str(&t::SHEET_NOTHING.fill(&[("count", &errors.len())]));
                        return Err(CliError::refused(msg));
                    }
                };
            let changes: Vec<PlanChange> = rows
                .iter()
                .map(|r| PlanChange::SetLineRealisasi {
                    unit: r.unit.clone(),
                    line: r.code.clone(),
                    month: r.month,
                    value: r.value.map(Dec),
                })
                .collect();
            store
                .apply_plan(year, &changes, &ctx.actor, "import-anggaran")
                .map_err(refused)?;
            say(&t::SHEET_DONE.fill(&[("count", &changes.len())]))
        }
    }
}
