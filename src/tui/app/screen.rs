//! What the screen is doing: one [`Screen`] at a time, each with the keymap section it reads
//! ([`Mode`]), and every change of screen in `App::enter`.

use crate::tui::action::Mode;
use crate::tui::app::App;
use crate::tui::app::editor::{CellEditor, Confirm, EditKind};
use crate::tui::app::round::{AnalysisEditor, CorrectionPrompt, EvidencePrompt, RoundPrompt};
use crate::tui::app::text_input::TextInput;

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Tree,
    Grid,
}

/// The state of the screen: exactly one of these at a time. The data of a transient screen
/// (the text being typed) lives in its variant and goes with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// Moving in the tree (left pane).
    Tree,
    /// Moving in the 12-month grid of the selected IKU (right pane).
    Grid,
    /// The list of the IKU in view in place of the tree (it reads the `tree` keys).
    List,
    /// The worklist of a month in place of the tree and the detail (its state is in
    /// [`App::worklist`]).
    Worklist,
    /// A status message too long for the footer, in full over the screen it returns to.
    Message { over: Box<Screen> },
    /// Typing a value into a grid cell: a realisasi (back to the grid), or a target of the
    /// addendum being gathered (back to the addendum).
    Edit(CellEditor),
    /// Typing a search query over the tree or the grid (`over`).
    Search { over: Focus },
    /// The help popup over another screen, which it returns to.
    Help { over: Box<Screen> },
    /// Gathering target changes of one unit into a pending addendum (the session is in
    /// [`App::addendum`]).
    Addendum,
    /// The addendum's reason, asked on submit.
    AddendumReason(TextInput),
    /// The addendum's date, asked after its reason (default today, kept in the PK year).
    AddendumDate(TextInput),
    /// "Store this addendum? (y/n)", with the findings it would create.
    AddendumConfirm(Box<crate::tui::app::addendum::AddendumQuestion>),
    /// "Discard the pending changes? (y/n)".
    AddendumDiscard,
    /// "Store this realisasi, far outside the IKU's trajectory? (y/n)", over the cell editor
    /// it came from: `y` stores the value, `n` or Esc goes back to the editor.
    ConfirmRealisasi(Box<Confirm>),
    /// The Peta Strategi of a unit in place of the tree and the detail (its state is in
    /// `App::plan`, see `peta.rs`).
    Peta,
    /// Typing the realised % of an Inisiatif Strategis of the IKU in the grid.
    IsProgress(crate::tui::app::peta::IsPrompt),
    /// The plan of an Inisiatif Strategis of the IKU in the grid (planner): name, PIC, output,
    /// outcome, start and end month, planned trajectory, one line each.
    IsPlan(Box<crate::tui::app::peta::IsPlanEditor>),
    /// Typing the realisasi of a budget line of the selected unit at the period.
    BudgetRealisasi(crate::tui::app::peta::BudgetPrompt),
    /// The reason of an addendum of the Peta Strategi (a link added or removed), over the map.
    LinkReason(Box<crate::tui::app::peta::LinkPrompt>),
    /// The reason of a return or a reopening of a month (the round), over the screen it
    /// returns to.
    RoundReason(Box<RoundPrompt>),
    /// The path of an evidence file to attach to an IKU-month.
    EvidencePath(Box<EvidencePrompt>),
    /// The analysis editor of an IKU-month.
    Analysis(Box<AnalysisEditor>),
    /// The reason of a correction of a realisasi in a submitted month, over its editor.
    CorrectionReason(Box<CorrectionPrompt>),
}

impl Screen {
    /// The keymap section that reads the keys of this screen. The addendum's reason and its
    /// y/n question read text, as the cell editor does: they use the `edit` section.
    pub fn keymap_mode(&self) -> Mode {
        match self {
            Screen::Tree | Screen::List => Mode::Tree,
            Screen::Grid => Mode::Grid,
            Screen::Message { .. } => Mode::Help,
            Screen::Edit(_)
            | Screen::AddendumReason(_)
            | Screen::AddendumDate(_)
            | Screen::AddendumConfirm(_)
            | Screen::AddendumDiscard
            | Screen::ConfirmRealisasi(_)
            | Screen::IsProgress(_)
            | Screen::BudgetRealisasi(_)
            | Screen::IsPlan(_)
            | Screen::LinkReason(_) => Mode::Edit,
            Screen::Search { .. } => Mode::Search,
            Screen::Help { .. } => Mode::Help,
            Screen::Addendum => Mode::Addendum,
            Screen::Worklist => Mode::Worklist,
            Screen::Peta => Mode::Peta,
            Screen::RoundReason(_) | Screen::EvidencePath(_) | Screen::CorrectionReason(_) => {
                Mode::Edit
            }
            Screen::Analysis(_) => Mode::Analysis,
        }
    }

    /// The pane that has the keyboard (or had it, under a popup or a prompt).
    pub fn focus(&self) -> Focus {
        match self {
            Screen::Tree
            | Screen::List
            | Screen::Worklist
            | Screen::Peta
            | Screen::BudgetRealisasi(_)
            | Screen::LinkReason(_) => Focus::Tree,
            Screen::Search { over } => *over,
            Screen::Help { over } | Screen::Message { over } => over.focus(),
            Screen::RoundReason(p) => p.over.focus(),
            Screen::EvidencePath(p) => p.over.focus(),
            Screen::Analysis(e) => e.over.focus(),
            Screen::CorrectionReason(_) => Focus::Grid,
            Screen::Grid
            | Screen::Edit(_)
            | Screen::Addendum
            | Screen::AddendumReason(_)
            | Screen::AddendumDate(_)
            | Screen::AddendumConfirm(_)
            | Screen::AddendumDiscard
            | Screen::IsPlan(_)
            | Screen::ConfirmRealisasi(_)
            | Screen::IsProgress(_) => Focus::Grid,
        }
    }

    /// True while the addendum session goes on (the addendum screen, its editor, prompts and
    /// the help over them).
    pub fn in_addendum(&self) -> bool {
        match self {
            Screen::Addendum
            | Screen::AddendumReason(_)
            | Screen::AddendumDate(_)
            | Screen::AddendumConfirm(_)
            | Screen::AddendumDiscard => true,
            Screen::Edit(e) => e.kind == EditKind::Target,
            Screen::Help { over } | Screen::Message { over } => over.in_addendum(),
            Screen::Tree
            | Screen::List
            | Screen::Worklist
            | Screen::Grid
            | Screen::Peta
            | Screen::IsProgress(_)
            | Screen::BudgetRealisasi(_)
            | Screen::IsPlan(_)
            | Screen::LinkReason(_)
            | Screen::Search { .. }
            | Screen::ConfirmRealisasi(_)
            | Screen::RoundReason(_)
            | Screen::EvidencePath(_)
            | Screen::Analysis(_)
            | Screen::CorrectionReason(_) => false,
        }
    }

    /// Where closing this screen (Esc, Enter on a prompt, a stored edit) goes back to.
    pub fn back(&self) -> Screen {
        match self {
            Screen::Tree | Screen::List | Screen::Worklist | Screen::Peta => Screen::Tree,
            Screen::Grid => Screen::Tree,
            Screen::IsProgress(_) => Screen::Grid,
            Screen::LinkReason(_) => Screen::Peta,
            Screen::BudgetRealisasi(_) => Screen::Tree,
            Screen::IsPlan(_) => Screen::Grid,
            Screen::Message { over } => (**over).clone(),
            Screen::Edit(e) if e.kind == EditKind::Target => Screen::Addendum,
            Screen::Edit(e) if e.in_worklist => Screen::Worklist,
            Screen::Edit(_) => Screen::Grid,
            Screen::Search { over: Focus::Tree } => Screen::Tree,
            Screen::Search { over: Focus::Grid } => Screen::Grid,
            Screen::Help { over } => (**over).clone(),
            Screen::Addendum => Screen::Grid,
            Screen::AddendumReason(_)
            | Screen::AddendumDate(_)
            | Screen::AddendumConfirm(_)
            | Screen::AddendumDiscard => Screen::Addendum,
            Screen::ConfirmRealisasi(c) => Screen::Edit(c.editor.clone()),
            Screen::RoundReason(p) => p.over.clone(),
            Screen::EvidencePath(p) => p.over.clone(),
            Screen::Analysis(e) => e.over.clone(),
            Screen::CorrectionReason(p) => Screen::Edit(p.editor.clone()),
        }
    }
}

impl App {
    /// The one place the screen changes. Leaving the addendum for a screen outside it ends the
    /// session (nothing of a draft is stored unless it was submitted); opening the help starts
    /// it at the top.
    pub(crate) fn enter(&mut self, to: Screen) {
        if !to.in_addendum() {
            self.addendum.session = None;
        }
        if matches!(to, Screen::Help { .. } | Screen::Message { .. }) {
            self.overlays.help_scroll = 0;
        }
        self.screen = to;
    }

    /// Closes the current screen (see [`Screen::back`]).
    pub(crate) fn leave(&mut self) {
        let back = self.screen.back();
        self.enter(back);
    }

    /// The screen state.
    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    pub(crate) fn screen_mut(&mut self) -> &mut Screen {
        &mut self.screen
    }

    /// The keymap section that applies now.
    pub fn mode(&self) -> Mode {
        self.screen.keymap_mode()
    }

    /// Which pane has the keyboard.
    pub fn focus(&self) -> Focus {
        self.screen.focus()
    }

    /// The open cell editor, if the screen is one.
    pub fn editor(&self) -> Option<&CellEditor> {
        match &self.screen {
            Screen::Edit(e) => Some(e),
            _ => None,
        }
    }

    pub(crate) fn editor_mut(&mut self) -> Option<&mut CellEditor> {
        match &mut self.screen {
            Screen::Edit(e) => Some(e),
            _ => None,
        }
    }
}
