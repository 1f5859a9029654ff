//! `kinerja log`: the audit trail, newest first.

use crate::safe::term::escape;
use clap::Args;

use super::{CliError, CliResult, Context, refused};
use crate::store::AuditFilter;
use crate::text::cli as t;

#[derive(Args, Debug)]
pub struct LogArgs {
    /// Hanya unit ini / only this unit
    #[arg(long, value_name = "CODE")]
    pub unit: Option<String>,
    /// Sejak tanggal / since this date (YYYY-MM-DD)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub since: Option<String>,
    /// Paling banyak N entri / at most N entries
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

pub fn run(ctx: &Context, a: &LogArgs) -> CliResult {
    let since = match &a.since {
        Some(s) => Some(
            chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
                .map_err(|_| CliError::usage(t::BAD_DATE.fill(&[("date", s)])))?,
        ),
        None => None,
    };
    let store = ctx.open_store()?;
    let entries = store
        .audit_log(&AuditFilter {
            unit: a.unit.clone(),
            since,
            limit: a.limit,
        })
        .map_err(refused)?;
    let locale = ctx.locale(None)?;
    if entries.is_empty() {
        // a mistyped unit is not "an empty audit"
        if let Some(unit) = &a.unit {
            let mut years = Vec::new();
            for y in store.years().map_err(refused)? {
                if store
                    .load_year(y)
                    .map_err(refused)?
                    .units
                    .contains_key(unit)
                {
                    years.push(y);
                }
            }
            if years.is_empty() {
                return Err(CliError::refused(t::LOG_UNKNOWN_UNIT.fill(&[
                    ("unit", &escape(unit)),
                    ("store", &store.path().display()),
                ])));
            }
        }
        super::say(t::LOG_EMPTY.s())?;
        return Ok(());
    }
    for e in entries {
        let value = |v: &Option<String>| match v {
            None => "–".to_string(),
            Some(v) => shown_value(v, locale),
        };
        super::say(&format!(
            "{}  {:<10} {:<16} {:<18} {}: {} → {}",
            local_time(e.at),
            escape(&e.user),
            escape(&e.source),
            escape(&e.unit),
            escape(&e.what),
            value(&e.old),
            value(&e.new),
        ))?;
    }
    Ok(())
}

/// A moment of the audit trail in local time with its offset from UTC
/// (`2025-10-14 09:30:05 +07:00`).
pub fn local_time(at: chrono::DateTime<chrono::Utc>) -> String {
    at.with_timezone(&chrono::Local)
        .format("%Y-%m-%d %H:%M:%S %:z")
        .to_string()
}

/// A value of the audit trail as the user reads numbers: a plain decimal in the locale
/// (`2,04` in Indonesian), anything else (a summary, a rulebook name) as written.
/// An IKU's summary (`name | SS x | maximize | sum | quarterly | weight 30`) has its words in
/// the UI language and its weight in the locale.
pub fn shown_value(v: &str, locale: crate::interchange::number::Locale) -> String {
    use crate::domain::{Consolidation, Perspective, Polarity, ReportingPeriod};
    let number = |v: &str| match v.parse::<rust_decimal::Decimal>() {
        // as written (5.00 stays 5,00), in the locale
        Ok(d) if !v.contains(['e', 'E']) => Some(crate::interchange::number::format_decimal(
            d,
            locale,
            d.scale(),
        )),
        _ => None,
    };
    if let Some(n) = number(v) {
        return n;
    }
    if !v.contains(" | ") {
        return v.to_string();
    }
    v.split(" | ")
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                return part.to_string();
            }
            if let Some(p) = Polarity::parse(part) {
                return p.label().to_string();
            }
            if let Some(c) = Consolidation::parse(part) {
                return c.label().to_string();
            }
            if let Some(p) = Perspective::parse(part) {
                return p.label().to_string();
            }
            if let Some(r) = ReportingPeriod::parse(part) {
                return r.label().to_string();
            }
            if let Some(w) = part.strip_prefix("weight ") {
                let w = number(w).unwrap_or_else(|| w.to_string());
                return format!("{} {w}", t::LOG_WEIGHT.s());
            }
            part.to_string()
        })
        .collect::<Vec<_>>()
        .join(" | ")
}
