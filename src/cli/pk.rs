//! `kinerja pk history UNIT`: the PK versions of a unit, 0..n, each addendum with its date,
//! reason and changes (IKU, field, month, old → new).

use clap::{Args, Subcommand};

use super::addendum::change_line;
use super::{CliError, CliResult, Context};
use crate::text::cli as t;

#[derive(Args, Debug)]
pub struct PkArgs {
    #[command(subcommand)]
    pub command: PkCommand,
}

#[derive(Subcommand, Debug)]
pub enum PkCommand {
    /// Versi PK sebuah unit beserta perubahannya / a unit's PK versions with their changes
    #[command(after_help = "Contoh: kinerja pk history KANWIL-KALBAR")]
    History {
        /// Kode unit / unit code
        unit: String,
        /// Format angka / number format: id | en
        #[arg(long, value_name = "id|en")]
        locale: Option<String>,
    },
}

pub fn run(ctx: &Context, a: &PkArgs) -> CliResult {
    match &a.command {
        PkCommand::History { unit, locale } => history(ctx, unit, locale.as_deref()),
    }
}

fn history(ctx: &Context, unit: &str, locale: Option<&str>) -> CliResult {
    let locale = ctx.locale(locale)?;
    let store = ctx.open_store()?;
    let year = ctx.year(&*store)?;
    let ds = store.load_year(year).map_err(super::refused)?;
    let Some(u) = ds.units.get(unit) else {
        return Err(CliError::refused(
            t::UNKNOWN_UNIT.fill(&[("unit", &unit), ("year", &ds.year)]),
        ));
    };
    let mut addenda: Vec<_> = ds.addenda.iter().filter(|a| a.unit == unit).collect();
    addenda.sort_by_key(|a| a.version);
    let mut out = t::PK_TITLE.fill(&[
        ("unit", &u.code),
        ("name", &u.name),
        ("year", &ds.year),
        ("version", &ds.pk_version(unit)),
    ]);
    out.push_str("\n\n");
    out.push_str(t::PK_VERSION0.s());
    out.push('\n');
    for a in addenda {
        out.push('\n');
        out.push_str(&t::PK_VERSION.fill(&[
            ("version", &a.version),
            ("date", &a.date),
            ("reason", &a.reason),
        ]));
        out.push('\n');
        if a.changes.is_empty() {
            out.push_str(&format!("  {}\n", t::PK_NO_CHANGES.s()));
        }
        for c in &a.changes {
            out.push_str(&format!("  {}\n", change_line(c, locale)));
        }
    }
    super::write_text(&out)?;
    Ok(())
}
