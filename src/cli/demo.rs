//! `kinerja demo --scale kanwil|ministry -o FILE.json`: a deterministic demo PK document, for
//! trying kinerja (and benchmarking it) at the size of one Kanwil or of the whole ministry: the
//! dataset and every unit's plan (Peta Strategi links, IS, budget lines: `crate::demo`).

use std::path::PathBuf;

use clap::Args;

use super::progress::Progress;
use super::{CliError, CliResult, Context, write_file_atomic};
use crate::demo::{self, Scale};
use crate::interchange::{json, number};
use crate::text::cli as t;

/// The seed used when `--seed` is not given: the same document on every machine.
pub const DEFAULT_SEED: u64 = 2025;
/// The year used when `--year` is not given.
pub const DEFAULT_YEAR: i32 = 2025;

#[derive(Args, Debug)]
pub struct DemoArgs {
    /// Ukuran data / size: kanwil (1 Kanwil DJKN) | ministry (~1.700 unit, ~25.000 IKU)
    #[arg(long, value_name = "kanwil|ministry")]
    pub scale: String,
    /// Benih acak / random seed (the same seed gives the same document)
    #[arg(long, default_value_t = DEFAULT_SEED, value_name = "N")]
    pub seed: u64,
    /// Tulis ke berkas (atomik) / the file to write
    #[arg(short, long, value_name = "FILE.json")]
    pub output: PathBuf,
}

pub fn run(ctx: &Context, a: &DemoArgs) -> CliResult {
    let scale = Scale::parse(&a.scale).ok_or_else(|| {
        CliError::usage(
            t::DEMO_BAD_SCALE.fill(&[("scale", &a.scale), ("known", &Scale::spellings())]),
        )
    })?;
    let year = ctx.year.unwrap_or(DEFAULT_YEAR);
    let mut bar = Progress::new(t::PROGRESS_DEMO.fill(&[("scale", &scale)]), 1);
    let ds =
        demo::generate_with_progress(scale, a.seed, year, &mut |done, total| bar.set(done, total));
    bar.phase(
        t::PROGRESS_DEMO_WRITE.fill(&[("file", &a.output.display())]),
        2,
    );
    let plans = demo::generate_plans(&ds, a.seed);
    let doc = json::export_with_plans(&ds, &plans);
    bar.set(1, 2);
    write_file_atomic(&a.output, doc.as_bytes())?;
    bar.set(2, 2);
    bar.finish();
    let locale = ctx.locale(None)?;
    let n = |n: usize| number::format_decimal(rust_decimal::Decimal::from(n), locale, 0);
    super::tell(&t::DEMO_WRITTEN.fill(&[
        ("scale", &scale),
        ("seed", &a.seed),
        ("year", &year),
        ("file", &a.output.display()),
        ("units", &n(ds.units.len())),
        ("ss", &n(ds.ss.len())),
        ("iku", &n(ds.iku.len())),
        ("is", &n(plans.values().map(|p| p.inisiatif.len()).sum())),
        ("lines", &n(plans.values().map(|p| p.anggaran.len()).sum())),
    ]));
    Ok(())
}
