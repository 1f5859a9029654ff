//! `kinerja log`: the audit trail, newest first.

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
    if entries.is_empty() {
        super::say(t::LOG_EMPTY.s())?;
        return Ok(());
    }
    let dash = "–".to_string();
    for e in entries {
        super::say(&format!(
            "{}  {:<10} {:<16} {:<18} {}: {} → {}",
            e.at.format("%Y-%m-%d %H:%M:%S UTC"),
            e.user,
            e.source,
            e.unit,
            e.what,
            e.old.as_ref().unwrap_or(&dash),
            e.new.as_ref().unwrap_or(&dash)
        ))?;
    }
    Ok(())
}
