//! `kinerja check`: the rule checks R01–R11 (and K3 facts) of `domain` §9 as findings, and the
//! findings of the month-end round (`domain::rules::check_round`: deadlines counted from
//! `--today` / `KINERJA_TODAY`, missing analyses and evidence).
//!
//! Exit 0 when no finding has severity `error`, 1 when one has (warnings never fail).

use clap::{Args, ValueEnum};
use serde_json::{Value, json};

use super::{CliError, CliResult, Context, refused};
use crate::domain::rulebook::Severity;
use crate::domain::rules::{Finding, check_period, check_round, sort_findings};
use crate::domain::score::latest_period;
use crate::text::cli as t;
use crate::text::domain::month_name;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Hanya unit ini / only this unit
    #[arg(long, value_name = "CODE")]
    pub unit: Option<String>,
    /// Bentuk keluaran / output format
    #[arg(long, value_enum, default_value = "text")]
    pub format: CheckFormat,
    /// Laporkan realisasi yang belum diisi s.d. bulan ini / report missing realisasi up to
    /// this month [default: the latest month with realisasi]
    #[arg(long, value_name = "YYYY-MM")]
    pub period: Option<String>,
}

pub fn run(ctx: &Context, a: &CheckArgs) -> CliResult {
    let store = ctx.open_store()?;
    let (ds, rb) = ctx.load(&*store)?;
    if let Some(u) = &a.unit
        && !ds.units.contains_key(u)
    {
        return Err(CliError::refused(
            t::UNKNOWN_UNIT.fill(&[("unit", u), ("year", &ds.year)]),
        ));
    }
    let period = match &a.period {
        Some(p) => match super::parse_year_month(p) {
            Some((year, month)) if year == ds.year => month,
            Some(_) => {
                return Err(CliError::usage(
                    t::PERIOD_YEAR_MISMATCH.fill(&[("period", p)]),
                ));
            }
            None => return Err(CliError::usage(t::BAD_MONTH.fill(&[("month", p)]))),
        },
        None => latest_period(&ds).unwrap_or(0),
    };
    let mut findings = check_period(&ds, &rb, a.unit.as_deref(), period);
    findings.extend(check_round(&ds, &rb, a.unit.as_deref(), ctx.today));
    sort_findings(&mut findings);
    let out = match a.format {
        CheckFormat::Json => {
            let v: Vec<Value> = findings.iter().map(finding_json).collect();
            let mut s = serde_json::to_string_pretty(&Value::Array(v)).map_err(refused)?;
            s.push('\n');
            s
        }
        CheckFormat::Text => text(&ds, &rb.name, &findings),
    };
    match a.format {
        CheckFormat::Json => super::write_stdout(&out)?,
        CheckFormat::Text => super::write_text(&out)?,
    }
    if findings.iter().any(|f| f.severity == Severity::Error) {
        // The findings are the message; nothing more on stderr.
        Err(CliError::refused(String::new()))
    } else {
        Ok(())
    }
}

/// One finding as JSON: `id`, `severity`, `unit`, `ss`, `iku`, `month` (1..12 or null),
/// `reason` (`{"code", "args"}`, the same in every language) and `message` (the reason rendered
/// in the user's language).
pub fn finding_json(f: &Finding) -> Value {
    json!({
        "id": f.id,
        "severity": f.severity.as_str(),
        "unit": f.unit,
        "ss": f.ss,
        "iku": f.iku,
        "month": f.month,
        "reason": crate::text::reason::to_json(&f.reason),
        "message": crate::text::reason::render(&f.reason),
    })
}

pub fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => t::SEVERITY_ERROR.s(),
        Severity::Warning => t::SEVERITY_WARNING.s(),
    }
}

/// Where a finding is: ` [SS s, IKU i, month]`, with the unit first when `unit`.
fn place(f: &Finding, unit: bool) -> String {
    let mut place: Vec<String> = Vec::new();
    if unit {
        place.push(f.unit.clone());
    }
    if let Some(ss) = &f.ss {
        place.push(format!("SS {ss}"));
    }
    if let Some(iku) = &f.iku {
        place.push(format!("IKU {iku}"));
    }
    if let Some(m) = f.month {
        place.push(t::CHECK_MONTH.fill(&[("month", &month_name(m))]));
    }
    if place.is_empty() {
        String::new()
    } else {
        format!(" [{}]", place.join(", "))
    }
}

/// One finding on one line, its unit named: `R11 peringatan [KANWIL, SS 1, IKU X]: …`.
pub fn finding_line(f: &Finding) -> String {
    format!(
        "{} {}{}: {}",
        f.id,
        severity_word(f.severity),
        place(f, true),
        crate::text::reason::render(&f.reason)
    )
}

/// Findings grouped by unit (the order of `check`: unit code, then rule), one line each, and a
/// summary line.
fn text(ds: &crate::domain::Dataset, rulebook: &str, findings: &[Finding]) -> String {
    if findings.is_empty() {
        return format!(
            "{}\n",
            t::CHECK_NONE.fill(&[("year", &ds.year), ("rulebook", &rulebook)])
        );
    }
    let mut out = String::new();
    let mut current: Option<&str> = None;
    for f in findings {
        if current != Some(f.unit.as_str()) {
            if current.is_some() {
                out.push('\n');
            }
            let name = ds.units.get(&f.unit).map(|u| u.name.as_str()).unwrap_or("");
            out.push_str(&format!("{} — {}\n", f.unit, name));
            current = Some(&f.unit);
        }
        out.push_str(&format!(
            "  {} {}{}: {}\n",
            f.id,
            severity_word(f.severity),
            place(f, false),
            crate::text::reason::render(&f.reason)
        ));
    }
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    out.push('\n');
    out.push_str(&t::CHECK_SUMMARY.fill(&[
        ("errors", &errors),
        ("warnings", &(findings.len() - errors)),
        ("year", &ds.year),
        ("rulebook", &rulebook),
    ]));
    out.push('\n');
    out
}
