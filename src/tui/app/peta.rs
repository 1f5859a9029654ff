//! The rest of the PK on screen (DOMAIN.md §12): the plans of the year beside the dataset
//! (Peta Strategi links, Inisiatif Strategis, Rincian Anggaran), the Peta Strategi view's unit
//! and cursor, the line prompt of an IS's realised %, and the addendum of the map's links (a
//! cause picked with `peta-link` / `peta-unlink`, its effect with the same key or Enter, then
//! the reason: one `PlanChange::LinkAddendum`, checked here first and by the store again).
//!
//! The plans are loaded with the year (`run.rs`) and again whenever the year is (a plan change
//! of another client makes the server ask for a reload); a change of ours is stored through
//! [`PlanChange`] and the plans read back from the store.

use crate::domain::plan::{
    Inisiatif, IsFinding, PetaLink, PlanChange, PlanProblem, Plans, UnitPlan, check_links,
};
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
    /// A link being picked: its cause, and whether it is to be removed.
    pub pending: Option<PendingLink>,
}

/// The cause of a link being added or removed on the map, waiting for its effect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingLink {
    pub from: String,
    pub remove: bool,
}

/// The reason prompt of an addendum of the Peta Strategi.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkPrompt {
    pub unit: String,
    pub link: PetaLink,
    pub remove: bool,
    /// A warning to show with the saved message (a link not running upwards).
    pub warning: Option<String>,
    pub input: TextInput,
}

impl LinkPrompt {
    /// `+SS-3 → SS-1` or `−SS-3 → SS-1`.
    pub fn shown(&self) -> String {
        let sign = if self.remove { '−' } else { '+' };
        format!("{sign}{} → {}", self.link.from, self.link.to)
    }
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

/// The prompt of a budget line's realisasi (Rp) at the period, for the selected unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetPrompt {
    pub unit: String,
    /// The line being entered.
    pub line: String,
    pub month: u8,
    pub input: TextInput,
}

/// The fields of the IS plan editor, in order.
pub const IS_PLAN_FIELDS: usize = 7;

/// The fields of the IS report editor (operator), in order: the realised % of its month,
/// status, kendala, tindak lanjut.
pub const IS_REPORT_FIELDS: usize = 4;

/// The label of a field of the IS editor: of its plan, or of its report (`report`).
pub fn is_editor_label(report: bool, field: usize) -> &'static str {
    if report {
        return match field {
            0 => tp::IS_F_REALISED.s(),
            1 => tp::IS_F_STATUS.s(),
            2 => tp::IS_F_KENDALA.s(),
            _ => tp::IS_F_TINDAK.s(),
        };
    }
    is_plan_label(field)
}

/// The label of a field of the IS plan editor.
pub fn is_plan_label(field: usize) -> &'static str {
    match field {
        0 => tp::IS_F_NAME.s(),
        1 => tp::IS_F_PIC.s(),
        2 => tp::IS_F_OUTPUT.s(),
        3 => tp::IS_F_OUTCOME.s(),
        4 => tp::IS_F_START.s(),
        5 => tp::IS_F_END.s(),
        _ => tp::IS_F_PLANNED.s(),
    }
}

/// The editor of an IS's plan (planner), or of its report of a month (operator: realised %,
/// status, kendala, tindak lanjut): one line per field, Tab between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IsPlanEditor {
    pub unit: String,
    pub is: String,
    /// The month of a report editor; `None` for the plan editor.
    pub report: Option<u8>,
    /// Its place among the IS of the IKU (1-based) and how many there are.
    pub of: (usize, usize),
    pub fields: Vec<TextInput>,
    /// The field being edited.
    pub at: usize,
    /// Why the last save was refused.
    pub error: Option<String>,
}

/// A trajectory as the editor shows it: `3:25 6:50 12:100` (the % in the locale).
pub fn trajectory_text(
    m: &std::collections::BTreeMap<u8, crate::domain::model::Dec>,
    locale: crate::interchange::number::Locale,
) -> String {
    m.iter()
        .map(|(k, v)| format!("{k}:{}", format_editable(v.0, locale)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reads a trajectory `M:% M:% …` (the % in the locale) within `start..=end`, never falling;
/// the message of the first problem otherwise.
pub fn parse_trajectory(
    text: &str,
    start: u8,
    end: u8,
    locale: crate::interchange::number::Locale,
) -> Result<std::collections::BTreeMap<u8, crate::domain::model::Dec>, String> {
    let mut out = std::collections::BTreeMap::new();
    for tok in text.split_whitespace() {
        let bad = || tp::IS_PLAN_POINT.fill(&[("text", &tok)]);
        let (m, v) = tok.split_once(':').ok_or_else(bad)?;
        let m: u8 = m.trim().parse().map_err(|_| bad())?;
        if !(1..=12).contains(&m) {
            return Err(bad());
        }
        if m < start || m > end {
            return Err(tp::IS_PLAN_OUTSIDE.fill(&[
                ("month", &m),
                ("start", &start),
                ("end", &end),
            ]));
        }
        let v = parse_decimal(v.trim(), locale).map_err(|_| bad())?;
        if v < rust_decimal::Decimal::ZERO || v > rust_decimal::Decimal::ONE_HUNDRED {
            return Err(tp::IS_PLAN_POINT_PCT.fill(&[("text", &tok)]));
        }
        out.insert(m, crate::domain::model::Dec(v));
    }
    let mut last = rust_decimal::Decimal::ZERO;
    for (m, v) in &out {
        if v.0 < last {
            return Err(tp::IS_PLAN_FALLS.fill(&[("month", m)]));
        }
        last = v.0;
    }
    Ok(out)
}

/// The plans of the year and the map's state.
#[derive(Debug, Default)]
pub struct PlanState {
    pub(crate) plans: Plans,
    pub(crate) peta: PetaView,
    /// The IKU and IS the plan editor last opened: opening it again on that IKU goes to its
    /// next IS.
    pub(crate) is_plan_last: Option<(CodeRef, String)>,
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
                Screen::Peta | Screen::LinkReason(_) => true,
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
            pending: None,
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

    /// `peta-link` / `peta-unlink` on the map: the first press takes the SS under the cursor as
    /// the cause; the second (or Enter) the SS under the cursor as the effect, and opens the
    /// reason prompt when the change can be made (what is wrong is said on the status line).
    pub(crate) fn peta_pick(&mut self, remove: bool) {
        let cursor = self.plan.peta.cursor.clone();
        let Some(p) = self.plan.peta.pending.clone() else {
            self.plan.peta.pending = Some(PendingLink {
                from: cursor.clone(),
                remove,
            });
            let msg = if remove {
                tp::LINK_PICK_UNLINK
            } else {
                tp::LINK_PICK
            };
            self.say(msg.fill(&[("from", &cursor)]));
            return;
        };
        self.plan.peta.pending = None;
        let unit = self.plan.peta.unit.clone();
        let link = PetaLink {
            from: p.from.clone(),
            to: cursor.clone(),
        };
        let fill = [
            ("unit", &unit as &dyn std::fmt::Display),
            ("from", &link.from),
            ("to", &link.to),
        ];
        let mut links = self
            .unit_plan(&unit)
            .map(|u| u.links.clone())
            .unwrap_or_default();
        let has = links.contains(&link);
        if link.from == link.to {
            self.error(tp::LINK_SAME_SS.fill(&[("ss", &link.from)]));
            return;
        }
        if p.remove {
            if !has {
                self.error(tp::LINK_ABSENT.fill(&fill));
                return;
            }
            links.retain(|l| *l != link);
        } else {
            if has {
                self.error(tp::LINK_PRESENT.fill(&fill));
                return;
            }
            links.push(link.clone());
        }
        let problems = check_links(self.ds(), &unit, &links);
        if let Some(e) = problems.iter().find(|x| x.is_error()) {
            self.error(tp::problem(e));
            return;
        }
        let warning = problems
            .iter()
            .find(|x| {
                !p.remove
                    && matches!(x, PlanProblem::LinkDirection { from, to, .. }
                        if *from == link.from && *to == link.to)
            })
            .map(tp::problem);
        self.enter(Screen::LinkReason(Box::new(LinkPrompt {
            unit,
            link,
            remove: p.remove,
            warning,
            input: TextInput::default(),
        })));
    }

    /// Esc on the map while a link is picked: the pick ends, the map stays.
    pub(crate) fn peta_cancel_pick(&mut self) -> bool {
        if self.plan.peta.pending.take().is_some() {
            self.say(tp::LINK_PICK_CANCELLED.s().to_string());
            return true;
        }
        false
    }

    /// The change the link prompt asks for, or why not (an empty reason).
    pub(crate) fn link_prompt_change(&self, p: &LinkPrompt) -> Result<PlanChange, String> {
        let reason = p.input.text().trim();
        if reason.is_empty() {
            return Err(tp::LINK_NO_REASON_TUI.s().to_string());
        }
        if let Err(why) =
            crate::domain::limits::check(crate::domain::limits::TextKind::Long, reason)
        {
            return Err(tp::LINK_BAD_REASON.fill(&[("why", &why.message())]));
        }
        let (add, remove) = if p.remove {
            (vec![], vec![p.link.clone()])
        } else {
            (vec![p.link.clone()], vec![])
        };
        Ok(PlanChange::LinkAddendum {
            unit: p.unit.clone(),
            date: self.today(),
            reason: reason.to_string(),
            add,
            remove,
        })
    }

    /// Opens the report editor (realised %, status, kendala, tindak lanjut at the period) of
    /// the first IS serving the IKU in the grid, its next IS when pressed again on the same IKU
    /// (an IKU without IS says so).
    pub(crate) fn open_is_report(&mut self) {
        let month = self.period();
        let loc = self.locale();
        let Some((iku, ix, all)) = self.next_is_of_selected() else {
            return;
        };
        let is = &all[ix];
        let realised = is
            .realised
            .get(&month)
            .map(|v| format_editable(v.0, loc))
            .unwrap_or_default();
        let fields = [
            realised,
            is.status.clone(),
            is.kendala.clone(),
            is.tindak_lanjut.clone(),
        ]
        .into_iter()
        .map(TextInput::new)
        .collect();
        self.enter(Screen::IsPlan(Box::new(IsPlanEditor {
            unit: iku.unit.clone(),
            is: is.code.clone(),
            report: Some(month),
            of: (ix + 1, all.len()),
            fields,
            at: 0,
            error: None,
        })));
    }

    /// The IKU in the grid, the place of its IS an editor opens on (the first, or the one after
    /// the last opened when opened again on the same IKU) and its IS; `None` (said) without IS.
    fn next_is_of_selected(&mut self) -> Option<(CodeRef, usize, Vec<Inisiatif>)> {
        let iku = self
            .selected_iku()
            .map(|i| CodeRef::new(&i.unit, &i.code))?;
        let all: Vec<Inisiatif> = self.iku_inisiatif(&iku).into_iter().cloned().collect();
        if all.is_empty() {
            self.error(tp::IS_NONE_FOR_IKU.fill(&[("iku", &iku.code)]));
            return None;
        }
        let ix = match &self.plan.is_plan_last {
            Some((k, code)) if *k == iku => all
                .iter()
                .position(|i| i.code == *code)
                .map_or(0, |p| (p + 1) % all.len()),
            _ => 0,
        };
        self.plan.is_plan_last = Some((iku.clone(), all[ix].code.clone()));
        Some((iku, ix, all))
    }

    /// The report of a month the report editor's fields make, or the first problem and its
    /// field.
    pub(crate) fn is_report_change(
        &self,
        e: &IsPlanEditor,
        month: u8,
    ) -> Result<PlanChange, (usize, String)> {
        use crate::domain::limits::{TextKind, check};
        let text = |i: usize| e.fields[i].text().trim().to_string();
        let v = self.percent(&text(0)).map_err(|why| (0, why))?;
        for i in 1..IS_REPORT_FIELDS {
            if let Err(why) = check(TextKind::Line, &text(i)) {
                return Err((
                    i,
                    tp::IS_PLAN_TEXT.fill(&[
                        ("field", &is_editor_label(true, i)),
                        ("why", &why.message()),
                    ]),
                ));
            }
        }
        Ok(PlanChange::SetProgress {
            unit: e.unit.clone(),
            is: e.is.clone(),
            month,
            realised: crate::domain::model::Dec(v),
            status: Some(text(1)),
            kendala: Some(text(2)),
            tindak_lanjut: Some(text(3)),
        })
    }

    /// Opens the plan editor of the first IS serving the IKU in the grid (an IKU without IS says
    /// so).
    pub(crate) fn open_is_plan(&mut self) {
        // again on the same IKU: its next IS
        let Some((iku, ix, all)) = self.next_is_of_selected() else {
            return;
        };
        let is = all[ix].clone();
        let loc = self.locale();
        let fields = [
            is.name.clone(),
            is.pic.clone(),
            is.output.clone(),
            is.outcome.clone(),
            is.start.to_string(),
            is.end.to_string(),
            trajectory_text(&is.planned, loc),
        ]
        .into_iter()
        .map(TextInput::new)
        .collect();
        self.enter(Screen::IsPlan(Box::new(IsPlanEditor {
            unit: iku.unit.clone(),
            is: is.code.clone(),
            report: None,
            of: (ix + 1, all.len()),
            fields,
            at: 0,
            error: None,
        })));
    }

    /// The IS the editor's fields make (its progress, status, kendala and tindak lanjut kept),
    /// or the first problem and its field.
    pub(crate) fn is_plan_change(&self, e: &IsPlanEditor) -> Result<PlanChange, (usize, String)> {
        use crate::domain::limits::{TextKind, check};
        let Some(mut is) = self.unit_plan(&e.unit).and_then(|p| p.is(&e.is)).cloned() else {
            return Err((0, tp::IS_OF.fill(&[("unit", &e.unit), ("code", &e.is)])));
        };
        let text = |i: usize| e.fields[i].text().trim().to_string();
        for i in 0..4 {
            let t = text(i);
            if i == 0 && t.is_empty() {
                return Err((i, tp::IS_PLAN_EMPTY.fill(&[("field", &is_plan_label(i))])));
            }
            if let Err(why) = check(TextKind::Line, &t) {
                return Err((
                    i,
                    tp::IS_PLAN_TEXT.fill(&[("field", &is_plan_label(i)), ("why", &why.message())]),
                ));
            }
        }
        let month = |i: usize| -> Result<u8, (usize, String)> {
            let t = text(i);
            t.parse::<u8>()
                .ok()
                .filter(|m| (1..=12).contains(m))
                .ok_or_else(|| {
                    (
                        i,
                        tp::IS_PLAN_MONTH.fill(&[("field", &is_plan_label(i)), ("text", &t)]),
                    )
                })
        };
        let (start, end) = (month(4)?, month(5)?);
        if end < start {
            return Err((
                5,
                tp::IS_PLAN_ORDER.fill(&[("start", &start), ("end", &end)]),
            ));
        }
        let planned =
            parse_trajectory(&text(6), start, end, self.locale()).map_err(|why| (6, why))?;
        is.name = text(0);
        is.pic = text(1);
        is.output = text(2);
        is.outcome = text(3);
        is.start = start;
        is.end = end;
        is.planned = planned;
        Ok(PlanChange::PutInisiatif {
            unit: e.unit.clone(),
            is,
        })
    }

    /// Opens the prompt of the realisasi of the first budget line of the selected node's unit
    /// at the period (a unit without lines says so).
    pub(crate) fn open_budget_prompt(&mut self) {
        let Some(unit) = self.node().map(|n| n.unit().to_string()) else {
            return;
        };
        let first = self
            .unit_plan(&unit)
            .and_then(|p| p.anggaran.first())
            .map(|l| l.code.clone());
        match first {
            Some(line) => self.budget_prompt_on(unit, line),
            None => self.error(tp::BUDGET_NONE.fill(&[("unit", &unit)])),
        }
    }

    fn budget_prompt_on(&mut self, unit: String, line: String) {
        let month = self.period();
        let shown = self
            .unit_plan(&unit)
            .and_then(|p| p.line(&line))
            .and_then(|l| l.realisasi.get(&month))
            .map(|v| format_editable(v.0, self.locale()))
            .unwrap_or_default();
        self.enter(Screen::BudgetRealisasi(BudgetPrompt {
            unit,
            line,
            month,
            input: TextInput::replaceable(shown),
        }));
    }

    /// The budget prompt moves to the unit's next (`step` 1) or previous (−1) line.
    pub(crate) fn budget_prompt_step(&mut self, step: isize) {
        let Screen::BudgetRealisasi(p) = self.screen() else {
            return;
        };
        let (unit, cur) = (p.unit.clone(), p.line.clone());
        let codes: Vec<String> = self
            .unit_plan(&unit)
            .map(|u| u.anggaran.iter().map(|l| l.code.clone()).collect())
            .unwrap_or_default();
        let Some(ix) = codes.iter().position(|c| *c == cur) else {
            return;
        };
        let n = codes.len() as isize;
        let next = codes[((ix as isize + step).rem_euclid(n)) as usize].clone();
        self.budget_prompt_on(unit, next);
    }

    /// The change the budget prompt's text asks for (empty clears the month), or why not.
    pub(crate) fn budget_prompt_change(&self, p: &BudgetPrompt) -> Result<PlanChange, String> {
        let text = p.input.text().trim();
        let value = if text.is_empty() {
            None
        } else {
            let v = parse_decimal(text, self.locale()).map_err(|e| {
                tp::BUDGET_BAD_AMOUNT.fill(&[("text", &text), ("detail", &e.to_string())])
            })?;
            if v < rust_decimal::Decimal::ZERO {
                return Err(tp::BUDGET_NEGATIVE.s().to_string());
            }
            Some(crate::domain::model::Dec(v))
        };
        Ok(PlanChange::SetLineRealisasi {
            unit: p.unit.clone(),
            line: p.line.clone(),
            month: p.month,
            value,
        })
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

    /// A realised % as typed (in the locale, 0 to 100), or why it is not one.
    fn percent(&self, text: &str) -> Result<rust_decimal::Decimal, String> {
        let v = parse_decimal(text, self.locale())
            .map_err(|e| tp::IS_BAD_PERCENT.fill(&[("text", &text), ("detail", &e.to_string())]))?;
        if v < rust_decimal::Decimal::ZERO || v > rust_decimal::Decimal::ONE_HUNDRED {
            return Err(tp::IS_BAD_PERCENT.fill(&[("text", &text), ("detail", &tp::IS_RANGE.s())]));
        }
        Ok(v)
    }

    /// The change the prompt's text asks for, or why it cannot be one (shown in the prompt).
    pub(crate) fn is_prompt_change(&self, p: &IsPrompt) -> Result<PlanChange, String> {
        let v = self.percent(p.input.text().trim())?;
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
