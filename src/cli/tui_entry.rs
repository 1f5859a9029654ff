//! Bridge from the CLI to the TUI.

use super::{Cli, CliResult, Context, refused};
use crate::domain::score::{latest_period, score_unit};
use crate::interchange::number::format_decimal;
use crate::store::Store;
use crate::text::cli as t;

/// Opens the TUI on `store`.
pub fn open(ctx: &Context, _cli: &Cli, store: Store) -> CliResult {
    let (ds, rb) = ctx.load(&store)?;
    let period = latest_period(&ds).unwrap_or(12);
    let locale = ctx.locale(None)?;
    println!(
        "{}",
        t::SUMMARY_TITLE.fill(&[
            ("store", &store.path().display()),
            ("year", &ds.year),
            ("rulebook", &rb.name),
            ("units", &ds.units.len()),
            ("iku", &ds.iku.len()),
            ("period", &format!("{}-{period:02}", ds.year)),
        ])
    );
    for u in super::report::tree_order(&ds) {
        let s = score_unit(&ds, &rb, &u, period);
        let nko = s.nko.map_or("–".into(), |n| format_decimal(n, locale, 2));
        println!(
            "{}{u}: NKO {nko} {}",
            "  ".repeat(ds.depth(&u)),
            s.predikat.unwrap_or_default()
        );
    }
    store.flush().map_err(refused)?;
    Ok(())
}
