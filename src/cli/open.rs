//! `kinerja` with no subcommand: open the store (seeding the default one on first run) and show
//! the TUI.

use super::{Cli, CliError, CliResult, Context, refused};
use crate::interchange::json;
use crate::store::StoreApi;
use crate::text::cli as t;

/// The bundled sample, loaded into an empty default store on first run.
pub const SAMPLE: &str = include_str!("../../fixtures/kalbar-2025.json");

/// The audit source of the sample's records: the mark of the first run's sample (a store whose
/// every audit entry has it holds the sample untouched).
pub const SAMPLE_SOURCE: &str = "sample";

/// Loads the bundled sample into an empty store; returns whether it did.
pub fn seed_if_empty(ctx: &Context, store: &dyn StoreApi) -> Result<bool, CliError> {
    if !store.is_empty().map_err(refused)? {
        return Ok(false);
    }
    let bad = |e: Vec<json::ImportError>| {
        CliError::refused(format!(
            "fixtures/kalbar-2025.json: {}",
            e.first().map(|e| e.to_string()).unwrap_or_default()
        ))
    };
    let ds = json::import_document(SAMPLE).map_err(bad)?;
    // the sample's Peta Strategi links, Inisiatif Strategis and Rincian Anggaran
    let plans = json::import_plans(SAMPLE, &ds).map_err(bad)?;
    store
        .import_dataset(&ds, false, &ctx.actor, SAMPLE_SOURCE)
        .map_err(refused)?;
    if !plans.is_empty() {
        store
            .import_plans(ds.year, &plans, false, &ctx.actor, SAMPLE_SOURCE)
            .map_err(refused)?;
    }
    Ok(true)
}

pub fn run(ctx: &Context, cli: &Cli) -> CliResult {
    use std::io::IsTerminal;
    // the TUI is live: it receives every other client's changes
    let tui = std::io::stdout().is_terminal() && std::io::stdin().is_terminal();
    let client = ctx.connect(tui, ctx.store_is_default)?;
    let live = if tui { client.take_events() } else { None };
    let store: Box<dyn StoreApi> = Box::new(client);
    let mut notice = None;
    if ctx.store_is_default {
        if seed_if_empty(ctx, &*store)? {
            let msg = t::SEEDED.fill(&[("store", &store.path().display())]);
            // said on stderr (it stays visible after the TUI's alternate screen) and in the TUI
            super::tell(&msg);
            notice = Some(msg);
        }
    } else if store.is_empty().map_err(refused)? {
        return Err(CliError::refused(
            t::STORE_EMPTY.fill(&[("store", &store.path().display())]),
        ));
    }
    super::tui_entry::open(ctx, cli, store, live, notice)
}
