//! Bridge from the CLI to the TUI.

use std::io::IsTerminal;

use super::{Cli, CliError, CliResult, Context, refused};
use crate::domain::score::{default_period, score_unit};
use crate::interchange::number::format_decimal;
use crate::server::client::Incoming;
use crate::store::StoreApi;
use crate::text::cli as t;
use crate::tui::keymap::Keymap;
use crate::tui::run::{
    TuiOptions, first_dataset, first_frame_rows, load_ui_state, run, ui_state_path,
};
use crate::tui::theme::Theme;

/// Opens the TUI on `store`; when standard output is not a terminal (a pipe, a script) it prints
/// a short summary of the store instead.
pub fn open(
    ctx: &Context,
    cli: &Cli,
    store: Box<dyn StoreApi>,
    live: Option<std::sync::mpsc::Receiver<Incoming>>,
    notice: Option<String>,
) -> CliResult {
    // a bad keymap stops start-up whether or not the TUI is drawn
    let keymap = Keymap::load(&cli.keymap, Keymap::user_file_path().as_deref())
        .map_err(|e| CliError::refused(e.to_string()))?;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        let (ds, rb) = ctx.load(&*store)?;
        return summary(ctx, &*store, &ds, &rb);
    }
    let ui = ui_state_path(store.path()).and_then(|p| load_ui_state(&p));
    let year = ctx.year(&*store)?;
    let ds = first_dataset(&*store, year, ui.as_ref(), first_frame_rows()).map_err(refused)?;
    let rb = ctx.rulebook_for(&ds)?;
    let opts = TuiOptions {
        dataset: ds,
        ui,
        rulebook: rb,
        keymap,
        keymap_name: cli.keymap.clone(),
        theme: Theme::from_env(cli.ascii),
        lang: ctx.lang,
        locale: ctx.locale(None)?,
        ascii: cli.ascii,
        notice,
        today: ctx.today,
        store,
        live,
    };
    run(opts).map_err(CliError::refused)
}

fn summary(
    ctx: &Context,
    store: &dyn StoreApi,
    ds: &crate::domain::Dataset,
    rb: &crate::domain::rulebook::Rulebook,
) -> CliResult {
    let period = default_period(ds).unwrap_or(12);
    let locale = ctx.locale(None)?;
    super::say(&t::SUMMARY_TITLE.fill(&[
        ("store", &store.path().display()),
        ("year", &ds.year),
        ("rulebook", &rb.name),
        ("units", &ds.units.len()),
        ("iku", &ds.iku.len()),
        ("period", &format!("{}-{period:02}", ds.year)),
    ]))?;
    for u in super::report::tree_order(ds) {
        let s = score_unit(ds, rb, &u, period);
        let nko = s.nko.map_or("–".into(), |n| format_decimal(n, locale, 2));
        super::say(&format!(
            "{}{u}: NKO {nko} {}",
            "  ".repeat(ds.depth(&u)),
            s.predikat.unwrap_or_default()
        ))?;
    }
    store.flush().map_err(refused)?;
    Ok(())
}
