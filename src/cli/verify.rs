//! `kinerja verify`: decode every record, check every reference and the schema versions, and
//! list every problem by key. Exit 0 when the store is sound, 1 otherwise.

use clap::Args;

use super::{CliError, CliResult, Context, refused};
use crate::text::cli as t;

#[derive(Args, Debug)]
pub struct VerifyArgs {}

pub fn run(ctx: &Context, _a: &VerifyArgs) -> CliResult {
    let store = ctx.open_store()?;
    let problems = store.verify().map_err(refused)?;
    let shown = store.path().display();
    if problems.is_empty() {
        let years = store.years().map_err(refused)?;
        let years = if years.is_empty() {
            "–".to_string()
        } else {
            years
                .iter()
                .map(i32::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        };
        super::say(&t::VERIFY_OK.fill(&[("store", &shown), ("years", &years)]))?;
        return Ok(());
    }
    for p in &problems {
        super::say(&p.to_string())?;
    }
    Err(CliError::refused(
        t::VERIFY_PROBLEMS.fill(&[("store", &shown), ("n", &problems.len())]),
    ))
}
