//! `kinerja k3 plan UNIT IKU`: the planning inverse of DOMAIN.md §10a — which next annual target
//! gives which target multiplier (kmk-127-2026) or target points (kmk-300-2022), under the
//! dataset's rulebook (or `--rules`), and with `--compare-rulebook` under a second one.

use clap::{Args, Subcommand};

use super::{CliError, CliResult, Context};
use crate::domain::k3::{K3Method, Plan, iku_annual_target, plan};
use crate::domain::rulebook::Rulebook;
use crate::domain::{CodeRef, Dataset, Decimal, Iku};
use crate::interchange::number::{Locale, format_decimal, format_exact};
use crate::text::cli as t;

#[derive(Args, Debug)]
pub struct K3Args {
    #[command(subcommand)]
    pub command: K3Command,
}

#[derive(Subcommand, Debug)]
pub enum K3Command {
    /// Rentang target dan pengali/poin K3 yang diberikannya / the target ranges and the K3
    /// multiplier or points each gives
    #[command(
        after_help = "Contoh: kinerja k3 plan KANWIL-KALBAR 1a-CP\n         kinerja k3 plan KANWIL-KALBAR 1a-CP --compare-rulebook kmk-127-2026"
    )]
    Plan(PlanArgs),
}

#[derive(Args, Debug)]
pub struct PlanArgs {
    /// Kode unit / unit code
    pub unit: String,
    /// Kode IKU / IKU code
    pub iku: String,
    /// Bandingkan dengan rulebook lain (nama bawaan atau berkas TOML) / compare with another
    /// rulebook (a built-in name or a TOML file)
    #[arg(long, value_name = "NAME|FILE")]
    pub compare_rulebook: Option<String>,
    /// Format angka / number format: id | en
    #[arg(long, value_name = "id|en")]
    pub locale: Option<String>,
}

pub fn run(ctx: &Context, a: &K3Args) -> CliResult {
    match &a.command {
        K3Command::Plan(p) => run_plan(ctx, p),
    }
}

fn run_plan(ctx: &Context, a: &PlanArgs) -> CliResult {
    let locale = ctx.locale(a.locale.as_deref())?;
    let store = ctx.open_store()?;
    let (ds, rb) = ctx.load(&store)?;
    let key = CodeRef::new(&a.unit, &a.iku);
    let Some(iku) = ds.iku.get(&key) else {
        let refusal = crate::domain::edit::Refusal::UnknownIku {
            iku: key.clone(),
            year: ds.year,
        };
        return Err(CliError::refused(crate::text::reason::render(
            &refusal.reason(),
        )));
    };
    let mut out = plan_text(&ds, &rb, iku, locale);
    if let Some(other) = &a.compare_rulebook {
        let other = super::report::compare_rulebook(other)?;
        out.push('\n');
        out.push_str(&plan_text(&ds, &other, iku, locale));
    }
    super::write_text(&out)
}

/// The plan of one IKU under one rulebook, as text: a title, the facts, one line per range with
/// `→` on the range the current annual target falls in.
pub fn plan_text(ds: &Dataset, rb: &Rulebook, iku: &Iku, locale: Locale) -> String {
    let num = |d: Decimal| format_exact(d.normalize(), locale);
    let current = iku_annual_target(ds, iku);
    let mut out = t::K3_PLAN_TITLE.fill(&[
        ("iku", &iku.key()),
        ("rulebook", &rb.name),
        ("t", &current.map_or_else(|| "–".to_string(), num)),
    ]);
    out.push('\n');
    let p = plan(rb, iku);
    match &p {
        Plan::Ranges {
            method,
            t1,
            r1,
            rows,
        } => {
            let facts = match method {
                K3Method::Multiplier => {
                    t::K3_PLAN_FACTS_127.fill(&[("t1", &num(*t1)), ("r1", &num(*r1))])
                }
                K3Method::Points => t::K3_PLAN_FACTS_300.fill(&[("ref", &num(*t1))]),
            };
            out.push_str(&facts);
            out.push('\n');
            let value = |v: Decimal| match method {
                K3Method::Multiplier => format_decimal(v, locale, 2),
                K3Method::Points => num(v),
            };
            let here = current.and_then(|c| p.row_of(c));
            let texts: Vec<String> = rows.iter().map(|r| r.range.text(num)).collect();
            let width = texts.iter().map(|s| s.chars().count()).max().unwrap_or(0);
            for (r, text) in rows.iter().zip(&texts) {
                let mark = if Some(r) == here { "→" } else { " " };
                let pad = width - text.chars().count();
                let best = if r.best {
                    format!("  ({})", t::K3_PLAN_BEST.s())
                } else {
                    String::new()
                };
                out.push_str(&format!(
                    "{mark} {text}{}  {}{best}\n",
                    " ".repeat(pad),
                    value(r.value)
                ));
            }
        }
        Plan::Fixed { value, reason } => {
            let v = value.map_or_else(|| "–".to_string(), num);
            out.push_str(&t::K3_PLAN_FIXED.fill(&[
                ("v", &v),
                ("reason", &crate::text::reason::render_parts(reason)),
            ]));
            out.push('\n');
        }
        Plan::Unknown { reason } => {
            out.push_str(&crate::text::reason::render_parts(reason));
            out.push('\n');
        }
    }
    out
}
