//! The model of the TUI: what is on screen and what the user is doing. No I/O here.
//!
//! [`App`] is made of sub-states, one per concern, each in its own file with fields private to
//! the TUI: outside it the App is read through methods and changed only by
//! [`update`](crate::tui::update::update) (and [`App::applied`] once the store answered).
//!
//! | part | file | holds |
//! |---|---|---|
//! | [`Settings`] | here | keymap, theme, language, locale, user, store path, today |
//! | [`Data`] | `data.rs` | the dataset, rulebook, period, cached scores and findings |
//! | [`TreeView`] | `tree.rs` | open nodes, selection, first row shown; tree navigation |
//! | [`DetailHold`] | `detail.rs` | the detail pane's pause behind tree moves |
//! | [`GridView`] | `grid.rs` | the grid cursor month |
//! | [`Edits`] | `editor.rs` | the cell editor, undo/redo, the edit being stored |
//! | [`AddendumState`] | `addendum.rs` | the addendum draft and the addendum being stored |
//! | [`Search`] | `search.rs` | the query and its matches |
//! | [`Overlays`] | `overlays.rs` | the status line, the help popup's scroll |
//! | `Live` | `live.rs` | the other clients of the store's server; their changes applied |
//! | [`Views`] | `views.rs` | the tree's filter, the list view, the comparison period |
//! | [`WorklistState`] | `worklist.rs` | the worklist's unit, scope, month and cursor |
//! | [`RoundState`] | `round.rs` | the round's change being stored; its prompts and the analysis editor are screens |
//! | [`Screen`] | `screen.rs` | which screen is up (one at a time) and every change of it |
//! | [`PlanState`] | `peta.rs` | the plans of the year (links, IS, budget), the Peta Strategi view |
//!
//! Every line editor types into the one [`TextInput`] (`text_input.rs`).

pub mod addendum;
pub mod data;
pub mod detail;
pub mod editor;
pub mod grid;
pub mod live;
pub mod overlays;
pub mod peta;
pub mod round;
pub mod screen;
pub mod search;
pub mod text_area;
pub mod text_input;
pub mod tree;
pub mod views;
pub mod worklist;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;

use crate::domain::Dataset;
use crate::domain::rulebook::Rulebook;
use crate::text::Lang;
use crate::tui::deps::{Keymap, Locale, Theme};

pub use addendum::{
    AddendumQuestion, AddendumSession, AddendumState, DiffLine, PendingAddendum, TargetPlan,
};
pub use data::{Data, Findings};
pub use detail::{DETAIL_PAUSE, DetailHold};
pub use editor::{CellEditor, Confirm, EditKind, Edits, Pending, PendingKind};
pub use grid::GridView;
pub use overlays::Overlays;
pub use peta::{IsPrompt, PetaView, PlanState};
pub use round::{AnalysisEditor, CorrectionPrompt, EvidencePrompt, RoundPrompt, RoundState};
pub use screen::{Focus, Screen};
pub use search::Search;
pub use text_input::TextInput;
pub use tree::{Node, NodePath, TreeView, UiState, units_in_view};
pub use views::{Filter, FilterKind, ListSort, ListView, Views};
pub use worklist::{WorkRow, WorklistState};

/// How the App is set up: what the command line and the environment chose.
#[derive(Debug, Clone)]
pub struct Settings {
    pub keymap: Keymap,
    pub keymap_name: String,
    pub theme: Theme,
    pub lang: Lang,
    pub locale: Locale,
    pub ascii: bool,
    pub store_path: PathBuf,
    pub user: String,
    /// The date given to an addendum.
    pub today: NaiveDate,
    /// The pause after the last tree move before the detail pane follows.
    pub detail_pause: Duration,
}

impl Settings {
    /// The settings of `kinerja tui` without options: the default keymap and theme, Indonesian,
    /// today's date.
    pub fn new(store_path: impl Into<PathBuf>, user: impl Into<String>) -> Settings {
        Settings {
            keymap: Keymap::builtin("default").expect("the default keymap is built in"),
            keymap_name: "default".into(),
            theme: Theme::new(false, false),
            lang: Lang::Id,
            locale: Locale::Id,
            ascii: false,
            store_path: store_path.into(),
            user: user.into(),
            today: chrono::Local::now().date_naive(),
            detail_pause: DETAIL_PAUSE,
        }
    }
}

/// The whole state of the TUI.
pub struct App {
    pub(crate) settings: Settings,
    pub(crate) data: Data,
    pub(crate) tree: TreeView,
    pub(crate) detail: DetailHold,
    pub(crate) grid: GridView,
    pub(crate) edits: Edits,
    pub(crate) addendum: AddendumState,
    pub(crate) search: Search,
    pub(crate) overlays: Overlays,
    pub(crate) live: live::Live,
    pub(crate) views: Views,
    pub(crate) worklist: WorklistState,
    pub(crate) plan: PlanState,
    pub(crate) round: RoundState,
    screen: Screen,
    /// Terminal size (columns, rows) at the last render.
    pub(crate) size: (u16, u16),
    pub(crate) quit: bool,
}

impl App {
    /// A new view of `ds`. The period starts at the latest month with realisasi (January when
    /// there is none); units start open down to the second level unless `ui` says otherwise.
    pub fn new(ds: Dataset, rb: Rulebook, settings: Settings, ui: Option<UiState>) -> App {
        let data = Data::new(ds, rb);
        let period = data.period;
        let mut app = App {
            detail: DetailHold::new(settings.detail_pause),
            settings,
            data,
            tree: TreeView {
                page: 10,
                ..TreeView::default()
            },
            grid: GridView { month: period },
            edits: Edits::default(),
            addendum: AddendumState::default(),
            search: Search::default(),
            overlays: Overlays::default(),
            live: live::Live::default(),
            views: Views::default(),
            worklist: WorklistState::default(),
            plan: PlanState::default(),
            round: RoundState::default(),
            screen: Screen::Tree,
            size: (80, 24),
            quit: false,
        };
        match ui {
            Some(ui) => {
                app.tree.open = ui.open.into_iter().collect();
                let path: Option<NodePath> = ui.selected.iter().map(|s| Node::from_id(s)).collect();
                if let Some(p) = path.filter(|p| app.path_exists(p)) {
                    app.tree.selected = p;
                }
            }
            None => {
                // units start collapsed below the second level: the roots and their child
                // units are open
                for r in app.data.ds.roots().to_vec() {
                    app.tree.open.insert(Node::Unit(r.clone()).id());
                    for c in app.data.ds.children(&r) {
                        app.tree.open.insert(Node::Unit(c.clone()).id());
                    }
                }
            }
        }
        if app.tree.selected.is_empty()
            && let Some(first) = app.first_row()
        {
            app.tree.selected = first;
        }
        app
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }
    pub fn keymap(&self) -> &Keymap {
        &self.settings.keymap
    }
    pub fn keymap_name(&self) -> &str {
        &self.settings.keymap_name
    }
    pub fn theme(&self) -> &Theme {
        &self.settings.theme
    }
    pub fn lang(&self) -> Lang {
        self.settings.lang
    }
    pub fn locale(&self) -> Locale {
        self.settings.locale
    }
    pub fn ascii(&self) -> bool {
        self.settings.ascii
    }
    pub fn store_path(&self) -> &Path {
        &self.settings.store_path
    }
    pub fn user(&self) -> &str {
        &self.settings.user
    }
    /// The date given to an addendum.
    pub fn today(&self) -> NaiveDate {
        self.settings.today
    }

    /// The terminal size (columns, rows) at the last render.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }
    /// Records the terminal size (the renderer does, every frame, and the run loop on a
    /// resize, before the keys that follow it).
    pub fn set_size(&mut self, size: (u16, u16)) {
        self.size = size;
    }
    /// True while the terminal is smaller than the screen the TUI draws: only the "too small"
    /// message shows, and no key but quit acts (nothing may change unseen).
    pub fn too_small(&self) -> bool {
        self.size.0 < crate::tui::ui::MIN_WIDTH || self.size.1 < crate::tui::ui::MIN_HEIGHT
    }
    /// Rows of the tree pane at the last render (page up/down moves this many).
    pub(crate) fn set_page(&mut self, rows: usize) {
        self.tree.page = rows;
    }

    /// True once the user asked to leave.
    pub fn quit_requested(&self) -> bool {
        self.quit
    }
    /// The user leaves: nothing of a draft addendum is stored.
    pub(crate) fn request_quit(&mut self) {
        self.addendum.session = None;
        self.quit = true;
    }
}
