//! Pure business logic: no I/O, no terminal, no storage.
//!
//! The rules below are what this module implements, written for the next engineer; every `§n`
//! in a comment of the code points at the section of that number here. Numbers marked
//! *(rulebook data)* are not in the code: they come from the rulebook in use (a TOML file,
//! [`rulebook`]; `kmk-300-2022` is the default, `kmk-127-2026` the successor's public figures), and
//! the values quoted are those of `kmk-300-2022`. Numbers marked *assumption* are the project's
//! reading where the public sources are silent.
//!
//! # §1 Words
//!
//! The users' words stay in the UI and in identifiers: UPK (a unit owning performance, at level
//! `wide`, `one`, `two` or `three`), PK (the unit's performance commitment for a year), SS (a
//! strategic target on the Peta Strategi, in one of four perspectives), IKU (a key performance
//! indicator, with its Manual IKU), target and realisasi (monthly values), capaian (achievement
//! in percent), NKO (the unit's score), predikat (its band), K3 (the quality of the commitment),
//! addendum (a change of the PK making its next version).
//!
//! # §2 What is stored
//!
//! A year holds units (a tree by `parent`), SS per unit, IKU per SS with the whole Manual IKU
//! ([`model::Iku`]), and twelve monthly slots of target and realisasi per IKU, each an exact
//! `Decimal` or empty. Only the *reporting months* of an IKU count: every month (monthly), March,
//! June, September and December (quarterly), June and December (semester), December (annual).
//! Every (unit, year) PK starts as version 0; each addendum makes version n+1 with a date, a
//! reason and its changes ([`model::Addendum`], [`addendum`]). Every change is one
//! [`change::Change`], applied by one function for the store and the TUI alike; the store keeps
//! an audit entry (who, when, what, old, new) for each.
//!
//! # §3 Consolidation up to a month
//!
//! "s.d. p" (up to and including month p): take the IKU's reporting months ≤ p that have a
//! target; combine their targets and their realisasi by the IKU's period consolidation — `sum`,
//! `average` (mean) or `last` (the latest of them). If one of those months has no realisasi, the
//! result up to p is *not computable*: shown `–`, left out of every weighting, never 0. The annual
//! target combines every reporting month ([`period`]).
//!
//! # §4 Capaian
//!
//! From the consolidated R and T, in percent ([`score`]): maximize R/T × 100 (when T < 0:
//! (2 − R/T) × 100); minimize (2 − R/T) × 100, and with T = 0 (W − R)/W × 100 where W is the
//! IKU's worst realisasi (not computable without it), and with T < 0 R/T × 100 *assumption*;
//! stabilize first Ca = R/T × 100 (or 200 − R/T × 100 above the target), then mapped linearly on
//! the IKU's stabilize scale or the default (0,0), (90,100), (100,120) *(rulebook data,
//! assumption)*. Order: the not-computable cases first (T = 0 for maximize or stabilize,
//! minimize with T = 0 and no W, a missing month), then `konversi_120` (an IKU whose target is
//! already the highest possible scores 120 when the target is met), then the formula, then the
//! clamp to [0, 120] *(rulebook data)*. Full precision throughout; rounding only for display.
//! Stored values are bounded ([`bounds`]): magnitude below 10^15, at most 6 decimal places, so
//! that no arithmetic overflows; arithmetic is checked anyway, and a result that cannot be
//! represented is not computable, never a crash.
//!
//! # §5 Nilai SS, Nilai Perspektif, NKO
//!
//! Each step is a weighted mean over the members that are computable, their weights
//! renormalised: an SS over its IKU's capaian (IKU weights, equal when none is given), a
//! perspective over its SS (SS weights), the NKO over the perspectives (the unit's perspective
//! weights, else the default: with a customer perspective 30/20/25/25 for stakeholder, customer,
//! internal process, learning and growth, without one 35/40/25 *(rulebook data, assumption)*).
//! The NKO is clamped to [0, 120] *(rulebook data)*.
//!
//! # §6 Roll-up from child units (konsolidasi lokasi)
//!
//! An IKU with a location consolidation (`sum`, `average`, `last`) whose cascade is partial (or
//! absent) takes each month's target and realisasi from the IKU cascaded from it in its direct
//! child units ([`edit::rollup_children`]): their sum, mean, or the last child in code order with
//! a value. A month's rolled-up realisasi exists only when every child with a target that month
//! has its realisasi. The capaian is computed from the rolled-up R and T, not from the children's
//! capaian. Such an IKU's values are not edited where they are rolled up: [`edit`] refuses and
//! names the children to edit. A roll-up IKU without such children keeps its own values.
//!
//! # §7 Predikat and status
//!
//! NKO above 100 Sangat Baik, 90–100 Baik, 70–90 Cukup, 50–70 Kurang, below 50 Sangat Kurang
//! *(rulebook data)*. One IKU's status: capaian ≥ 100 green, ≥ 80 yellow, else red *(rulebook
//! data)*.
//!
//! # §8 K3, the quality of the commitment
//!
//! Judged from the Manual IKU and the targets, not from realisasi ([`k3`]). Under `kmk-300-2022`:
//! each IKU gets IKU-quality points — not cascaded 9 (activity only), 11 (measures quality or
//! time) or 10; cascaded by validity × control (proxy-high 11, proxy-moderate 14, proxy-low 19,
//! exact-moderate 21, exact-low 26; exact-high and activity-low are invalid) *(rulebook data)*;
//! only a quota of a unit's IKU (floor(share × count), share by level 40/20/0 % *(rulebook data,
//! assumption)*) keep points above 11, the best first, ties in code order, the rest count 11.
//! Target-quality points 1–5 come from r = annual target ÷ reference (last year's target, or
//! last year's realisasi when capaian passed 125 % two years running; the mean realisasi for a
//! collective IKU) through the rulebook's tables, mirrored for minimize *(rulebook data)*;
//! stabilize, new IKU, `konversi_120` and a missing reference get the standard 3 (a missing
//! reference also warns), a law-based target is left out, a special target takes its set
//! points. K3 index = 0.6 × (mean IKU points ÷ standard by level: one 12, two 11, three 10) + 0.4
//! × (mean target points ÷ 3) *(rulebook data)*; NKO K3 = min(120, NKO × index). Under
//! `kmk-127-2026` each IKU's K3 is the mean of an IKU multiplier (by validity × control) and a
//! target multiplier (from T against last year's target T1 and realisasi R1), and the index their
//! mean *(rulebook data)*. Every part comes with its reason ([`reason`]).
//!
//! # §9 Rules
//!
//! [`rules::check`] reports findings with an id, a severity *(rulebook data)* and a reason naming
//! the unit, SS or IKU and what to do: R01 IKU count within the level's limits *(rulebook data)*;
//! R02 direct cascading at most two levels below the source *(rulebook data)*; R03 an SS with a
//! direct-cascaded IKU also has one of its own; R04 validity × control is allowed; R05 every SS
//! has an IKU and not only activity ones; R06 a target in every reporting month, and no target
//! that makes the capaian not computable; R07 realisasi only in reporting months, cascade
//! sources exist in an ancestor; R08 given weights of a group add up to 100 *(rulebook data)*; R09
//! an addendum is due when the realisasi so far already reaches the next reporting month's
//! target; R10 an addendum does not change a month that already has realisasi; R11 cascaded
//! targets agree with their source (warning). Besides: `K3` (a fact K3 needs is missing), `VALUE`
//! (a stored value beyond the bounds of §4), `COMPLETE` (a realisasi missing, §11).
//!
//! # §10 Rulebooks
//!
//! Every number the regulation fixes is rulebook data: bounds, stabilize scale, perspective
//! weights, predikat bands, IKU limits, K3 tables, quotas, standards, target thresholds, rule
//! severities. A year names its rulebook; `--rules FILE` loads another ([`rulebook`]).
//!
//! # §11 The monthly cycle
//!
//! What may change and when is decided by [`edit`] (one rule for every editor). A number resting
//! on a realisasi that is missing (a reporting month up to the period with a target and no
//! realisasi, of the IKU or of the IKU it rolls up) is shown as incomplete, with what is missing
//! ([`score`]); the default period is the latest month up to which the data is complete. Reasons
//! for refusals and findings are data ([`reason`]), rendered in the user's language outside the
//! domain.

pub mod addendum;
pub mod bounds;
pub mod change;
pub mod edit;
pub mod k3;
pub mod limits;
pub mod model;
pub mod period;
pub mod plan;
pub mod quarters;
pub mod reason;
pub mod round;
pub mod rulebook;
pub mod rules;
pub mod score;

pub use model::*;
pub use rust_decimal::Decimal;
