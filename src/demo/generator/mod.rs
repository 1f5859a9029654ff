//! The PKs of the units of a tree: unit by unit in preorder (a parent before its children),
//! then the roll-ups bottom-up, then the dataset.

mod iku;
mod unit;
mod values;

use rust_decimal::Decimal;

use crate::domain::model::{CodeRef, Dataset, Dec, Iku, Level, Perspective, Ss, Unit};
use crate::domain::rulebook::Rulebook;

use crate::demo::RULEBOOK;
use crate::demo::catalogue::{CUS, IP, Kind, LG, STK};
use crate::demo::rng::Rng;
use crate::demo::tree::Node;

/// What the generator remembers of an IKU beyond the IKU itself.
#[derive(Clone, Debug)]
pub(super) struct Meta {
    pub(super) perspective: Perspective,
    pub(super) kind: Kind,
    pub(super) lo: i64,
    pub(super) hi: i64,
    /// Depth of the unit where this IKU's chain of direct cascades starts (R02).
    pub(super) origin_depth: usize,
    /// Child units that receive a partial cascade of this IKU (it rolls them up).
    pub(super) rollup_to: Vec<usize>,
    /// The (unit, IKU index) of those children, once built.
    pub(super) rollup_children: Vec<(usize, usize)>,
    /// Cascaded fully (same target) to every child unit.
    pub(super) full_down: bool,
    /// Cascaded indirectly to some grandchild units.
    pub(super) indirect_down: bool,
    pub(super) cascaded: bool,
    pub(super) activity: bool,
}

#[derive(Default)]
pub(super) struct Built {
    pub(super) ss: Vec<Ss>,
    pub(super) iku: Vec<Iku>,
    pub(super) meta: Vec<Meta>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum How {
    RollUp,
    Full,
    Indirect,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Incoming {
    pub(super) unit: usize,
    pub(super) iku: usize,
    pub(super) how: How,
}

pub(super) struct Item {
    pub(super) iku: Iku,
    pub(super) meta: Meta,
    pub(super) link: Option<Incoming>,
}

pub(super) struct SsPlan {
    pub(super) perspective: Perspective,
    pub(super) name: Option<String>,
    pub(super) from: Option<CodeRef>,
    pub(super) anchors: Vec<Item>,
    pub(super) cascaded: Vec<Item>,
    pub(super) extras: Vec<Item>,
}

impl SsPlan {
    pub(super) fn len(&self) -> usize {
        self.anchors.len() + self.cascaded.len() + self.extras.len()
    }
}

pub(super) const PERSPECTIVES: [Perspective; 4] = [STK, CUS, IP, LG];

/// Capaian band an IKU's realisasi is drawn in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Band {
    Green,
    Yellow,
    Red,
}

pub(super) struct Generator {
    pub(super) nodes: Vec<Node>,
    pub(super) rng: Rng,
    pub(super) year: i32,
    pub(super) limits: [(usize, usize); 4],
    pub(super) built: Vec<Built>,
}

pub(super) fn level_index(l: Level) -> usize {
    match l {
        Level::Wide => 0,
        Level::One => 1,
        Level::Two => 2,
        Level::Three => 3,
    }
}

/// Cents to a decimal with at most two places.
pub(super) fn dec(cents: i64) -> Decimal {
    Decimal::new(cents, 2).normalize()
}

/// A decimal (at most two places) to cents.
pub(super) fn cents(d: Decimal) -> i64 {
    let mut x = d.round_dp(2);
    x.rescale(2);
    i64::try_from(x.mantissa()).unwrap_or(0)
}

impl Generator {
    pub(super) fn new(nodes: Vec<Node>, seed: u64, year: i32) -> Generator {
        let rb = Rulebook::default_rulebook();
        let lim = |l: Level, d: (usize, usize)| {
            rb.iku_limits(l)
                .map_or(d, |(a, b)| (a as usize, b as usize))
        };
        let limits = [
            (8, 12),
            lim(Level::One, (15, 20)),
            lim(Level::Two, (10, 20)),
            lim(Level::Three, (10, 20)),
        ];
        let n = nodes.len();
        Generator {
            nodes,
            rng: Rng::new(
                seed.wrapping_mul(0x2545_F491_4F6C_DD1D)
                    .wrapping_add(year as u64),
            ),
            year,
            limits,
            built: (0..n).map(|_| Built::default()).collect(),
        }
    }

    pub(super) fn run(mut self, progress: &mut dyn FnMut(usize, usize)) -> Dataset {
        let total = self.nodes.len();
        progress(0, total);
        for u in 0..total {
            self.build_unit(u);
            progress(u + 1, total);
        }
        self.roll_up();
        let mut units = Vec::with_capacity(total);
        let mut ss = Vec::new();
        let mut iku = Vec::new();
        let mut rng = Rng::new(self.rng.next());
        for (u, b) in self.nodes.iter().zip(self.built) {
            let present: Vec<Perspective> = PERSPECTIVES
                .iter()
                .copied()
                .filter(|p| b.ss.iter().any(|s| s.perspective == *p))
                .collect();
            let perspective_weights = if rng.chance(30) {
                let options: &[&[i64]] = if present.len() == 4 {
                    &[
                        &[30, 20, 25, 25],
                        &[35, 15, 25, 25],
                        &[25, 25, 25, 25],
                        &[30, 20, 30, 20],
                    ]
                } else {
                    &[&[35, 40, 25], &[40, 35, 25], &[30, 40, 30]]
                };
                let w = rng.pick(options);
                present
                    .iter()
                    .zip(w.iter())
                    .map(|(p, w)| (*p, Dec(Decimal::from(*w))))
                    .collect()
            } else {
                Default::default()
            };
            units.push(Unit {
                code: u.code.clone(),
                name: u.name.clone(),
                level: u.level,
                parent: u.parent.map(|p| self.nodes[p].code.clone()),
                perspective_weights,
            });
            ss.extend(b.ss);
            iku.extend(b.iku);
        }
        Dataset::from_parts(self.year, RULEBOOK, units, ss, iku, Vec::new())
    }
}
