//! `kinerja analisis set|show|clear UNIT IKU YYYY-MM`: the analysis of an IKU for a reporting
//! month (DOMAIN.md §11) — isu, implikasi, aksi, rencana aksi (what, by whom, by when) and free
//! notes — through the change type ([`Change::SetAnalysis`]): audited, checked by the store
//! server (an operator of the unit or a unit above it), refused in a closed month.

use clap::{Args, Subcommand, ValueEnum};
use serde_json::{Value, json};

use super::{CliError, CliResult, Context, parse_date, parse_year_month, refused};
use crate::domain::limits::{TextKind, check};
use crate::domain::round::{Analysis, Rencana};
use crate::store::Change;
use crate::text::cli as tc;
use crate::text::round as t;

#[derive(Args, Debug)]
pub struct AnalisisArgs {
    #[command(subcommand)]
    pub command: AnalisisCommand,
}

/// Which IKU-month.
#[derive(Args, Debug)]
pub struct Place {
    /// Kode unit / unit code
    pub unit: String,
    /// Kode IKU / IKU code
    pub iku: String,
    /// Bulan pelaporan / reporting month, YYYY-MM
    pub month: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Text,
    Json,
}

#[derive(Subcommand, Debug)]
pub enum AnalisisCommand {
    /// Isi atau ubah analisis; bagian yang tidak disebut tetap / set the analysis; the parts
    /// not given stay as they are, an empty text clears a part
    Set {
        #[command(flatten)]
        place: Place,
        /// Isu: apa yang terjadi / the issue: what happened
        #[arg(long, value_name = "TEKS")]
        isu: Option<String>,
        /// Implikasi / the implication
        #[arg(long, value_name = "TEKS")]
        implikasi: Option<String>,
        /// Aksi: apa yang sudah dilakukan / the action taken
        #[arg(long, value_name = "TEKS")]
        aksi: Option<String>,
        /// Rencana aksi: apa yang akan dilakukan / the action plan
        #[arg(long, value_name = "TEKS")]
        rencana: Option<String>,
        /// Penanggung jawab rencana aksi / who carries the plan out
        #[arg(long, value_name = "SIAPA")]
        oleh: Option<String>,
        /// Batas waktu rencana aksi / by when, YYYY-MM-DD ("" clears it)
        #[arg(long, value_name = "YYYY-MM-DD")]
        batas: Option<String>,
        /// Catatan bebas / free notes
        #[arg(long, value_name = "TEKS")]
        catatan: Option<String>,
    },
    /// Tampilkan analisis / show the analysis
    Show {
        #[command(flatten)]
        place: Place,
        /// Bentuk keluaran / output format
        #[arg(long, value_enum, default_value = "text")]
        format: ShowFormat,
    },
    /// Hapus analisis / remove the analysis
    Clear {
        #[command(flatten)]
        place: Place,
    },
}

/// A text option checked against the limits of `domain::limits`, named in the message.
fn text_arg(option: &str, kind: TextKind, v: &str) -> Result<String, CliError> {
    let v = v.trim().to_string();
    check(kind, &v).map_err(|p| {
        CliError::usage(t::BAD_TEXT_OPTION.fill(&[("option", &option), ("problem", &p)]))
    })?;
    Ok(v)
}

pub fn run(ctx: &Context, a: &AnalisisArgs) -> CliResult {
    match &a.command {
        AnalisisCommand::Show { place, format } => show(ctx, place, *format),
        AnalisisCommand::Clear { place } => write(ctx, place, |_| Ok(Analysis::default())),
        AnalisisCommand::Set {
            place,
            isu,
            implikasi,
            aksi,
            rencana,
            oleh,
            batas,
            catatan,
        } => {
            if [isu, implikasi, aksi, rencana, oleh, batas, catatan]
                .iter()
                .all(|o| o.is_none())
            {
                return Err(CliError::usage(t::ANALYSIS_NOTHING_GIVEN.s()));
            }
            let long = |o: &str, v: &Option<String>| -> Result<Option<String>, CliError> {
                v.as_deref()
                    .map(|v| text_arg(o, TextKind::Long, v))
                    .transpose()
            };
            let isu = long("--isu", isu)?;
            let implikasi = long("--implikasi", implikasi)?;
            let aksi = long("--aksi", aksi)?;
            let rencana = long("--rencana", rencana)?;
            let catatan = long("--catatan", catatan)?;
            let oleh = oleh
                .as_deref()
                .map(|v| text_arg("--oleh", TextKind::Line, v))
                .transpose()?;
            let batas = match batas.as_deref().map(str::trim) {
                None => None,
                Some("") => Some(None),
                Some(d) => {
                    Some(Some(parse_date(d).ok_or_else(|| {
                        CliError::usage(t::BAD_BATAS.fill(&[("date", &d)]))
                    })?))
                }
            };
            write(ctx, place, move |old| {
                let mut a = old;
                let put = |slot: &mut String, v: &Option<String>| {
                    if let Some(v) = v {
                        *slot = v.clone();
                    }
                };
                put(&mut a.isu, &isu);
                put(&mut a.implikasi, &implikasi);
                put(&mut a.aksi, &aksi);
                put(&mut a.rencana.what, &rencana);
                put(&mut a.rencana.who, &oleh);
                put(&mut a.catatan, &catatan);
                if let Some(b) = batas {
                    a.rencana.by = b;
                }
                Ok(a)
            })
        }
    }
}

/// The year and month of a place, the store's year checked.
fn year_month(
    ctx: &Context,
    store: &dyn crate::store::StoreApi,
    p: &Place,
) -> Result<(i32, u8), CliError> {
    let (year, month) = parse_year_month(&p.month)
        .ok_or_else(|| CliError::usage(tc::BAD_MONTH.fill(&[("month", &p.month)])))?;
    ctx.present_year(store, year)?;
    Ok((year, month))
}

fn write(
    ctx: &Context,
    p: &Place,
    f: impl FnOnce(Analysis) -> Result<Analysis, CliError>,
) -> CliResult {
    let store = ctx.open_store()?;
    let (year, month) = year_month(ctx, &*store, p)?;
    let ds = store.load_year(year).map_err(refused)?;
    let iku = crate::domain::edit::round_change(&ds, &p.unit, &p.iku, month, "analysis")
        .map_err(|r| CliError::refused(crate::text::reason::refusal(&r)))?;
    let key = iku.key();
    let old = ds
        .round
        .get(&p.unit)
        .and_then(|r| r.analysis(&p.iku, month))
        .cloned()
        .unwrap_or_default();
    let new = f(old.clone())?;
    if new == old {
        return super::say(&t::NO_CHANGE.fill(&[("unit", &p.unit), ("month", &p.month)]));
    }
    let change = Change::SetAnalysis {
        iku: key,
        month,
        analysis: (!new.is_empty()).then_some(new.clone()),
    };
    store
        .apply(year, &[change], &ctx.actor, "analisis")
        .map_err(refused)?;
    let head = if new.is_empty() {
        t::ANALYSIS_REMOVED
    } else {
        t::ANALYSIS_SAVED
    };
    let mut out = head.fill(&[("unit", &p.unit), ("iku", &p.iku), ("month", &p.month)]);
    if !new.is_empty() {
        out.push('\n');
        out.push_str(&analysis_text(&new, "  "));
    }
    super::say(out.trim_end())
}

fn show(ctx: &Context, p: &Place, format: ShowFormat) -> CliResult {
    let store = ctx.open_store()?;
    let (year, month) = year_month(ctx, &*store, p)?;
    let ds = store.load_year(year).map_err(refused)?;
    // the same refusals as a change, but a closed month may be read
    if let Err(r) = crate::domain::edit::round_change(&ds, &p.unit, &p.iku, month, "analysis")
        && !ds.month_state(&p.unit, month).is_closed()
    {
        return Err(CliError::refused(crate::text::reason::refusal(&r)));
    }
    let a = ds
        .round
        .get(&p.unit)
        .and_then(|r| r.analysis(&p.iku, month));
    let state = ds.month_state(&p.unit, month);
    match format {
        ShowFormat::Json => {
            let doc = json!({
                "unit": p.unit,
                "iku": p.iku,
                "month": format!("{year}-{month:02}"),
                "state": state.as_str(),
                "analysis": a.map(analysis_json),
            });
            let mut s = serde_json::to_string_pretty(&doc).map_err(refused)?;
            s.push('\n');
            super::write_stdout(&s)
        }
        ShowFormat::Text => {
            let head = t::ANALYSIS_HEAD.fill(&[
                ("unit", &p.unit),
                ("iku", &p.iku),
                ("month", &p.month),
                ("state", &t::state_word(state)),
            ]);
            let body = match a {
                Some(a) => analysis_text(a, "  "),
                None => format!("  {}\n", t::ANALYSIS_NONE.s()),
            };
            super::write_text(&format!("{head}\n{body}"))
        }
    }
}

/// An analysis as JSON: `isu`, `implikasi`, `aksi`, `rencana` (`what`, `who`, `by` as
/// `YYYY-MM-DD` or null), `catatan` — the spelling of kinerja/1's round section.
pub fn analysis_json(a: &Analysis) -> Value {
    let Rencana { what, who, by } = &a.rencana;
    json!({
        "isu": a.isu,
        "implikasi": a.implikasi,
        "aksi": a.aksi,
        "rencana": {"what": what, "who": who, "by": by.map(|d| d.to_string())},
        "catatan": a.catatan,
    })
}

/// An analysis for a person, one part a line (a part of several lines indented under it); the
/// empty parts are left out.
pub fn analysis_text(a: &Analysis, indent: &str) -> String {
    let mut out = String::new();
    let mut part = |label: &str, v: &str| {
        if v.is_empty() {
            return;
        }
        let cont = format!("\n{indent}  ");
        out.push_str(&format!(
            "{indent}{label}: {}\n",
            v.trim_end().replace('\n', &cont)
        ));
    };
    part(t::LABEL_ISU.s(), &a.isu);
    part(t::LABEL_IMPLIKASI.s(), &a.implikasi);
    part(t::LABEL_AKSI.s(), &a.aksi);
    let mut plan = a.rencana.what.clone();
    let mut extra = Vec::new();
    if !a.rencana.who.is_empty() {
        extra.push(t::RENCANA_WHO.fill(&[("who", &a.rencana.who)]));
    }
    if let Some(by) = a.rencana.by {
        extra.push(t::RENCANA_BY.fill(&[("date", &by)]));
    }
    if !extra.is_empty() {
        plan.push_str(&format!(" ({})", extra.join(", ")));
    }
    part(t::LABEL_RENCANA.s(), plan.trim());
    part(t::LABEL_CATATAN.s(), &a.catatan);
    out
}
