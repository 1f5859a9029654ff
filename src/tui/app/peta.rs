//! The rest of the PK on screen (DOMAIN.md §12): the plans of the year beside the dataset
//! (Peta Strategi links, Inisiatif Strategis, Rincian Anggaran), the Peta Strategi view's unit
//! and cursor, and the line prompt of an IS's realised %.
//!
//! The plans are loaded with the year (`run.rs`) and again whenever the year is (a plan change
//! of another client makes the server ask for a reload); a change of ours is stored through
//! [`PlanChange`] and the plans read back from the store.

use crate::domain::plan::{Inisiatif, IsFinding, PlanChange, Plans, UnitPlan};
use crate::domain::{CodeRef, Dataset, Perspective};
use crate::text::plan as tp;
use crate::tui::app::text_input::TextInput;
use crate::tui::app::tree::Node;
use crate::tui::app::{App, Screen};
use crate::tui::deps::{format_editable, parse_decimal};

/// The four perspective bands of the map, top to bottom.
pub const BANDS: [Perspective; 4] = [
    Perspective::Stakeholder,
    Perspective::Customer,
    Perspective::InternalProcess,
    Perspective::LearningGrowth,
];

/// The band (0 top … 3 bottom) of a perspective.
pub fn band_of(p: Perspective) -> usize {
    BANDS.iter().position(|b| *b == p).unwrap_or(0)
}

/// The SS codes of `unit` per band, top to bottom, each band in the unit's SS order.
pub fn bands(ds: &Dataset, unit: &str) -> [Vec<String>; 4] {
    let mut out: [Vec<String>; 4] = Default::default();
    for k in ds.ss_of(unit) {
        if let Some(s) = ds.ss.get(k) {
            out[band_of(s.perspective)].push(k.code.clone());
        }
    }
    out
}

/// Where the Peta Strategi view is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PetaView {
    pub unit: String,
    /// The SS under the cursor.
    pub cursor: String,
    /// The first box shown of each band (a band with more SS than fit scrolls).
    pub first: [usize; 4],
}

/// The prompt of an IS's realised % at the period, for the IKU in the grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IsPrompt {
    pub iku: CodeRef,
    /// The IS being entered.
    pub is: String,
    pub month: u8,
    pub input: TextInput,
}

/// The plans of the year and the map's state.
#[derive(Debug, Default)]
pub struct PlanState {
    pub(crate) plans: Plans,
    pub(crate) peta: PetaView,
}

impl App {
    /// The plans of the year (every unit's links, IS and budget lines).
    pub fn plans(&self) -> &Plans {
        &self.plan.plans
    }

    /// Takes the plans of the year (at start, after a reload, after a plan change was stored).
    pub fn set_plans(&mut self, plans: Plans) {
        self.plan.plans = plans;
    }

    /// The plan of a unit, if it has one.
    pub fn unit_plan(&self, unit: &str) -> Option<&UnitPlan> {
        self.plan.plans.get(unit)
    }

    /// The IS of the IKU's unit that serve this IKU, in code order.
    pub fn iku_inisiatif(&self, iku: &CodeRef) -> Vec<&Inisiatif> {
        self.unit_plan(&iku.unit)
            .map(|p| {
                p.inisiatif
                    .iter()
                    .filter(|i| i.iku.contains(&iku.code))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The findings of the IS serving this IKU at the period (behind, overdue), by IS code.
    pub fn iku_is_findings(&self, iku: &CodeRef) -> Vec<(String, IsFinding)> {
        let p = self.period();
        self.iku_inisiatif(iku)
            .into_iter()
            .flat_map(|i| i.findings(p).into_iter().map(|f| (i.code.clone(), f)))
            .collect()
    }

    /// True while the Peta Strategi is on screen (also under the popups over it).
    pub fn peta_shown(&self) -> bool {
        fn on(s: &Screen) -> bool {
            match s {
                Screen::Peta => true,
                Screen::Help { over } | Screen::Message { over } => on(over),
                _ => false,
            }
        }
        on(self.screen())
    }

    /// The map's state.
    pub fn peta(&self) -> &PetaView {
        &self.plan.peta
    }

    pub(crate) fn peta_mut(&mut self) -> &mut PetaView {
        &mut self.plan.peta
    }

    /// Opens the Peta Strategi of the selected node's unit, the cursor on the selected SS (or
    /// the first SS from the top). A unit without SS has no map: the status line says so.
    pub(crate) fn open_peta(&mut self) {
        let Some(node) = self.node().cloned() else {
            return;
        };
        let unit = node.unit().to_string();
        let b = bands(self.ds(), &unit);
        let first = b.iter().flatten().next().cloned();
        let Some(first) = first else {
            self.error(tp::PETA_NO_SS.fill(&[("unit", &unit)]));
            return;
        };
        let cursor = match &node {
            Node::Ss(k) => k.code.clone(),
            Node::Iku(k) => self.ds().iku.get(k).map(|i| i.ss.clone()).unwrap_or(first),
            Node::Unit(_) => first,
        };
        self.plan.peta = PetaView {
            unit,
            cursor,
            first: [0; 4],
        };
        self.enter(Screen::Peta);
    }

    /// Moves the map's cursor: `dx` boxes along its band, or `dy` bands up (−1) or down (+1)
    /// to the nearest band with SS, to the box at about the same place.
    pub(crate) fn peta_move(&mut self, dx: isize, dy: isize) {
        let b = bands(self.ds(), &self.plan.peta.unit);
        let Some((band, ix)) = b.iter().enumerate().find_map(|(i, codes)| {
            Some((i, codes.iter().position(|c| *c == self.plan.peta.cursor)?))
        }) else {
            return;
        };
        let (nb, ni) = if dy != 0 {
            let mut nb = band as isize + dy;
            while (0..4).contains(&nb) && b[nb as usize].is_empty() {
                nb += dy;
            }
            if !(0..4).contains(&nb) {
                return;
            }
            let nb = nb as usize;
            // the same relative place along the band
            let len_a = b[band].len();
            let len_b = b[nb].len();
            let ni = ((2 * ix + 1) * len_b / (2 * len_a)).min(len_b - 1);
            (nb, ni)
        } else {
            let ni = (ix as isize + dx).clamp(0, b[band].len() as isize - 1) as usize;
            (band, ni)
        };
        self.plan.peta.cursor = b[nb][ni].clone();
    }

    /// Enter on a box: the SS selected in the tree, the map closed.
    pub(crate) fn peta_open_in_tree(&mut self) {
        let k = CodeRef::new(&self.plan.peta.unit, &self.plan.peta.cursor);
        if self.ds().ss.contains_key(&k) {
            self.select_node(&Node::Ss(k));
        }
        self.enter(Screen::Tree);
    }

    /// Opens the prompt of the realised % of the first IS serving the IKU in the grid at the
    /// period (an IKU without IS says so).
    pub(crate) fn open_is_prompt(&mut self) {
        let Some(iku) = self.selected_iku().map(|i| CodeRef::new(&i.unit, &i.code)) else {
            return;
        };
        let first = self.iku_inisiatif(&iku).first().map(|i| i.code.clone());
        match first {
            Some(is) => self.is_prompt_on(iku, is),
            None => self.error(tp::IS_NONE_FOR_IKU.fill(&[("iku", &iku.code)])),
        }
    }

    fn is_prompt_on(&mut self, iku: CodeRef, is: String) {
        let month = self.period();
        let shown = self
            .unit_plan(&iku.unit)
            .and_then(|p| p.is(&is))
            .and_then(|i| i.realised.get(&month))
            .map(|v| format_editable(v.0, self.locale()))
            .unwrap_or_default();
        self.enter(Screen::IsProgress(IsPrompt {
            iku,
            is,
            month,
            input: TextInput::replaceable(shown),
        }));
    }

    /// The prompt moves to the next (`step` 1) or previous (−1) IS of its IKU.
    pub(crate) fn is_prompt_step(&mut self, step: isize) {
        let Screen::IsProgress(p) = self.screen() else {
            return;
        };
        let (iku, cur) = (p.iku.clone(), p.is.clone());
        let codes: Vec<String> = self
            .iku_inisiatif(&iku)
            .iter()
            .map(|i| i.code.clone())
            .collect();
        let Some(ix) = codes.iter().position(|c| *c == cur) else {
            return;
        };
        let n = codes.len() as isize;
        let next = codes[((ix as isize + step).rem_euclid(n)) as usize].clone();
        self.is_prompt_on(iku, next);
    }

    /// The change the prompt's text asks for, or why it cannot be one (shown in the prompt).
    pub(crate) fn is_prompt_change(&self, p: &IsPrompt) -> Result<PlanChange, String> {
        let text = p.input.text().trim();
        let v = parse_decimal(text, self.locale())
            .map_err(|e| tp::IS_BAD_PERCENT.fill(&[("text", &text), ("detail", &e.to_string())]))?;
        if v < rust_decimal::Decimal::ZERO || v > rust_decimal::Decimal::ONE_HUNDRED {
            return Err(tp::IS_BAD_PERCENT.fill(&[("text", &text), ("detail", &tp::IS_RANGE.s())]));
        }
        Ok(PlanChange::SetProgress {
            unit: p.iku.unit.clone(),
            is: p.is.clone(),
            month: p.month,
            realised: crate::domain::model::Dec(v),
            status: None,
            kendala: None,
            tindak_lanjut: None,
        })
    }

    /// A plan change was stored (the plans as the store now holds them) or refused (why).
    pub fn plan_applied(&mut self, what: &str, r: Result<Plans, String>) {
        match r {
            Ok(plans) => {
                self.plan.plans = plans;
                self.say(tp::SAVED_TUI.fill(&[("what", &what)]));
            }
            Err(e) => self.error(tp::NOT_SAVED_TUI.fill(&[("reason", &e)])),
        }
    }
}
