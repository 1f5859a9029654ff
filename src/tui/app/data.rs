//! The year on screen and what is computed from it: the dataset, the rulebook, the period, and
//! the scores and findings (computed on first use, dropped when a change can alter them).

use std::collections::{BTreeSet, HashMap};

use crate::domain::rulebook::{Rulebook, Severity};
use crate::domain::rules::{Finding, check};
use crate::domain::score::{Scores, UnitScore};
use crate::domain::{CodeRef, Dataset};
use crate::text::tui as t;
use crate::tui::app::App;
use crate::tui::app::tree::Node;

/// The findings of `rules::check`, unit by unit: computed on first use, dropped when a change
/// can alter them. `check(ds, rb, Some(unit))` is exactly that unit's part of the whole check,
/// so only the rows on screen are ever checked, at any scale.
#[derive(Debug, Default)]
pub struct Findings {
    units: HashMap<String, Vec<Finding>>,
    /// How many units were checked (tests count what a change recomputes).
    recomputed: usize,
}

impl Findings {
    /// The findings of a unit (its own, its SS's and its IKU's).
    pub fn unit(&mut self, ds: &Dataset, rb: &Rulebook, unit: &str) -> &[Finding] {
        if !self.units.contains_key(unit) {
            self.recomputed += 1;
            self.units
                .insert(unit.to_string(), check(ds, rb, Some(unit)));
        }
        &self.units[unit]
    }
    /// Drops the findings of these units.
    pub fn invalidate<'a>(&mut self, units: impl IntoIterator<Item = &'a String>) {
        for u in units {
            self.units.remove(u);
        }
    }
    /// Drops every finding (after a structural change).
    pub fn clear(&mut self) {
        self.units.clear();
    }
    /// How many units were checked so far.
    pub fn recomputed(&self) -> usize {
        self.recomputed
    }
}

/// The year on screen.
pub struct Data {
    pub(crate) ds: Dataset,
    pub(crate) rb: Rulebook,
    /// The current period (1..=12).
    pub(crate) period: u8,
    pub(crate) scores: Scores,
    pub(crate) findings: Findings,
}

impl Data {
    /// The data of `ds`; the period starts at the latest month with realisasi (January when
    /// there is none).
    pub fn new(ds: Dataset, rb: Rulebook) -> Data {
        let period = crate::domain::score::default_period(&ds).unwrap_or(1);
        Data {
            scores: Scores::new(period),
            ds,
            rb,
            period,
            findings: Findings::default(),
        }
    }
}

/// Whether a finding of the node's unit concerns the node itself.
fn concerns(node: &Node, f: &Finding) -> bool {
    match node {
        Node::Unit(_) => true,
        Node::Ss(k) => f.ss.as_deref() == Some(k.code.as_str()),
        Node::Iku(k) => f.iku.as_deref() == Some(k.code.as_str()),
    }
}

/// The worse of two severities.
fn worse(a: Option<Severity>, b: Severity) -> Option<Severity> {
    match (a, b) {
        (Some(Severity::Error), _) | (_, Severity::Error) => Some(Severity::Error),
        _ => Some(Severity::Warning),
    }
}

impl App {
    pub fn ds(&self) -> &Dataset {
        &self.data.ds
    }

    pub fn rb(&self) -> &Rulebook {
        &self.data.rb
    }

    /// The current period (1..=12).
    pub fn period(&self) -> u8 {
        self.data.period
    }

    /// The scores computed so far (tests count what a change recomputes).
    pub fn scores(&self) -> &Scores {
        &self.data.scores
    }

    /// The findings computed so far.
    pub fn findings(&self) -> &Findings {
        &self.data.findings
    }

    /// Takes the whole year in place of the partial dataset the view was opened on (see
    /// [`Dataset::partial`]): everything computed from the partial one is computed again.
    pub fn take_whole_year(&mut self, ds: Dataset) {
        let changed = self.data.ds != ds;
        self.data.ds = ds;
        if changed {
            self.question_outdated();
        }
        self.data.scores.clear();
        self.data.findings.clear();
        self.views.compare_scores.clear();
        self.refresh_filter();
    }

    /// Shows the scores of period `p`.
    pub(crate) fn set_period(&mut self, p: u8) {
        self.data.period = p;
        self.data.scores.set_period(p);
        self.refresh_filter();
        self.say(t::PERIOD.fill(&[("month", &t::month_name(p)), ("year", &self.data.ds.year)]));
    }

    /// The score of a unit for the current period (cached).
    pub fn unit_score(&mut self, unit: &str) -> &UnitScore {
        self.data.scores.unit(&self.data.ds, &self.data.rb, unit)
    }

    /// The findings of a unit (cached).
    pub fn unit_findings(&mut self, unit: &str) -> &[Finding] {
        self.data.findings.unit(&self.data.ds, &self.data.rb, unit)
    }

    /// The findings that concern a node: a unit row gathers all of its PK, an SS row its own and
    /// its IKU's, an IKU row its own.
    pub fn node_findings(&mut self, node: &Node) -> Vec<Finding> {
        self.unit_findings(node.unit())
            .iter()
            .filter(|f| concerns(node, f))
            .cloned()
            .collect()
    }

    /// The worst severity among a node's findings (what its tree row marks).
    pub fn node_severity(&mut self, node: &Node) -> Option<Severity> {
        self.unit_findings(node.unit())
            .iter()
            .filter(|f| concerns(node, f))
            .fold(None, |acc, f| worse(acc, f.severity))
    }

    /// The units whose findings a change of these IKU's values can alter: their units, the
    /// ancestors that roll them up, and the units at both ends of their cascades (R11).
    pub fn affected_units(&self, keys: &[CodeRef]) -> BTreeSet<String> {
        let ds = &self.data.ds;
        let mut out = BTreeSet::new();
        for k in keys {
            out.insert(k.unit.clone());
            out.extend(ds.ancestors(&k.unit));
            if let Some(c) = ds.iku.get(k).and_then(|i| i.cascade.as_ref()) {
                out.insert(c.from.unit.clone());
            }
            out.extend(ds.cascaded_from(k).iter().map(|c| c.unit.clone()));
        }
        out
    }

    /// Drops the scores and findings a change of these IKU's values can alter.
    pub(crate) fn invalidate(&mut self, keys: &[CodeRef]) {
        for k in keys {
            self.data.scores.invalidate_iku(&self.data.ds, k);
            self.views.compare_scores.invalidate_iku(&self.data.ds, k);
        }
        let units = self.affected_units(keys);
        self.data.findings.invalidate(&units);
    }

    /// True when the realisasi of `month` of this IKU is frozen by a PK addendum (R10), the same
    /// rule `set` and the realisasi sheet use: the grid does not edit it.
    pub fn realisasi_frozen(&self, iku: &CodeRef, month: u8) -> bool {
        self.data
            .ds
            .iku
            .get(iku)
            .is_some_and(|i| self.data.ds.realisasi_frozen(i, month))
    }

    /// The IKU of a unit in tree order (SS by SS).
    pub fn unit_ikus(&self, unit: &str) -> Vec<CodeRef> {
        self.data
            .ds
            .ss_of(unit)
            .iter()
            .flat_map(|s| self.data.ds.iku_of_ss(s).iter().cloned())
            .collect()
    }
}
