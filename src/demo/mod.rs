//! A deterministic generator of realistic `kinerja/1` datasets (issue 6): the whole ministry
//! (about 1,700 units and 25,000 IKU) or one Kanwil DJKN with its KPKNL.
//!
//! Everything comes from a seed through a small splitmix64 generator, and every collection is
//! walked in a fixed order, so the same seed and year always give the same dataset. The
//! generated PKs follow the kmk-300-2022 rules: IKU counts within the limits of each level, a
//! complete trajectory of targets, realisasi only in reporting months (January–September),
//! cascades from ancestor IKU (direct at most two levels below where the chain of direct cascades
//! starts, indirect otherwise), partial cascades whose children's targets add up to the parent's
//! (roll-up by `sum`), and an SS holding a direct-cascaded IKU always holds a non-cascaded one.
//!
//! Beside the dataset, [`generate_plans`] draws the rest of each unit's PK (its Peta Strategi
//! links, Inisiatif Strategis and Rincian Anggaran, DOMAIN.md §12) from it; [`document`] is the
//! `kinerja/1` document `kinerja demo` writes, with both.
//!
//! The generator prints nothing; a caller that wants a progress bar passes a callback to
//! [`generate_with_progress`].

// Magnitudes in the templates are hundredths, written `95_00` for 95.00.
#![allow(clippy::inconsistent_digit_grouping)]

mod catalogue;
mod eselon1;
mod generator;
mod places;
mod plan;
mod rng;
mod tree;

use crate::domain::model::Dataset;
use generator::Generator;
pub use plan::generate_plans;
use rng::Rng;
use tree::{kanwil_tree, ministry_tree};

/// The size of a generated dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    /// One Kanwil DJKN with about eight KPKNL, under DJKN under KEMENKEU.
    Kanwil,
    /// The whole ministry: KEMENKEU, 11 eselon I, ~330 level-two and ~1,350 level-three units.
    Ministry,
}

impl Scale {
    pub const ALL: &'static [Scale] = &[Scale::Kanwil, Scale::Ministry];

    /// The spelling on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Scale::Kanwil => "kanwil",
            Scale::Ministry => "ministry",
        }
    }

    /// Reads `kanwil` or `ministry` (any case); `None` for anything else.
    pub fn parse(s: &str) -> Option<Scale> {
        match s.trim().to_ascii_lowercase().as_str() {
            "kanwil" => Some(Scale::Kanwil),
            "ministry" => Some(Scale::Ministry),
            _ => None,
        }
    }

    /// Every accepted spelling, for error messages.
    pub fn spellings() -> String {
        "kanwil | ministry".to_string()
    }
}

impl std::fmt::Display for Scale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The rulebook the generated datasets name.
pub const RULEBOOK: &str = "kmk-300-2022";

/// Generates a dataset of the given scale, seed and year.
pub fn generate(scale: Scale, seed: u64, year: i32) -> Dataset {
    generate_with_progress(scale, seed, year, &mut |_, _| {})
}

/// As [`generate`], calling `progress(done, total)` as units are generated (`total` is the
/// number of units; the last call is `(total, total)`).
pub fn generate_with_progress(
    scale: Scale,
    seed: u64,
    year: i32,
    progress: &mut dyn FnMut(usize, usize),
) -> Dataset {
    let nodes = match scale {
        Scale::Kanwil => kanwil_tree(),
        Scale::Ministry => ministry_tree(&mut Rng::new(seed)),
    };
    Generator::new(nodes, seed, year).run(progress)
}

/// The `kinerja/1` document of a generated dataset and its plans (what `kinerja demo` writes).
pub fn document(ds: &Dataset, seed: u64) -> String {
    crate::interchange::json::export_with_plans(ds, &generate_plans(ds, seed))
}
