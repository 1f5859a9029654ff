//! What the benchmarks share: the ministry-scale document and store, an App over it, a counting
//! writer under the real crossterm backend, and the edit the benchmarks make.
#![allow(dead_code)]

use std::cell::Cell;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use kinerja::cli::demo::{DEFAULT_SEED, DEFAULT_YEAR};
use kinerja::demo::{Scale, generate};
use kinerja::domain::rulebook::Rulebook;
use kinerja::domain::{CodeRef, Dataset, Decimal};
use kinerja::interchange::json;
use kinerja::store::{Actor, Store};
use kinerja::tui::action::{Action, Mode};
use kinerja::tui::app::{App, Node, Settings};
use kinerja::tui::deps::format_editable;
use kinerja::tui::keymap::parse_key;
use kinerja::tui::update::{Effect, action_for_key, update};
use ratatui::Terminal;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::layout::Rect;
use ratatui::{TerminalOptions, Viewport};

pub const WIDTH: u16 = 120;
pub const HEIGHT: u16 = 40;

/// The ministry-scale document `kinerja demo --scale ministry` writes (the dataset and every
/// unit's plan).
pub fn ministry_document() -> String {
    let ds = generate(Scale::Ministry, DEFAULT_SEED, DEFAULT_YEAR);
    kinerja::demo::document(&ds, DEFAULT_SEED)
}

pub fn actor() -> Actor {
    Actor {
        user: "bench".into(),
    }
}

/// Imports a document into a fresh store at `path` (the work `kinerja import` does: the dataset,
/// then its plans).
pub fn import_into(doc: &str, path: &Path) -> Store {
    let ds = json::import_document(doc).expect("demo document imports");
    let plans = json::import_plans(doc, &ds).expect("demo plans import");
    let store = Store::open(path).expect("store opens");
    store
        .import_dataset(&ds, false, &actor(), "import")
        .expect("import succeeds");
    store
        .import_plans(ds.year, &plans, false, &actor(), "import")
        .expect("plans import");
    store
}

/// A store with the ministry document imported, closed again; the directory lives as long as
/// the returned guard.
pub fn ministry_store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("m.store");
    // as `kinerja import` leaves it
    import_into(&ministry_document(), &path).settle();
    wait_unlocked(&path);
    (dir, path)
}

/// Waits until no handle of this process still holds sled's file lock (its flusher thread ends a
/// moment after the `Store` is dropped), so that a timed open never includes that wait.
pub fn wait_unlocked(path: &Path) {
    use std::os::fd::AsRawFd;
    for _ in 0..400 {
        let Ok(f) = std::fs::File::open(path.join("db")) else {
            return;
        };
        // SAFETY: flock on a descriptor we own; released when `f` is closed.
        let rc = unsafe { libc::flock(f.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
        if rc == 0 {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

pub fn new_app(ds: Dataset, store_path: &Path) -> App {
    let rb = Rulebook::builtin(&ds.rulebook).unwrap_or_else(Rulebook::default_rulebook);
    App::new(ds, rb, Settings::new(store_path, "bench"), None)
}

pub fn test_terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test terminal")
}

pub fn draw<B: ratatui::backend::Backend>(term: &mut Terminal<B>, app: &mut App) {
    term.draw(|f| kinerja::tui::ui::draw(f, app))
        .map(|_| ())
        .unwrap_or_else(|_| panic!("draw failed"));
}

/// Counts the bytes written to it.
#[derive(Clone, Default)]
pub struct CountingWriter {
    pub bytes: Rc<Cell<usize>>,
}

impl Write for CountingWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.bytes.set(self.bytes.get() + buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A terminal of 120×40 on the real crossterm backend writing into a counter.
pub fn counting_terminal() -> (Terminal<CrosstermBackend<CountingWriter>>, Rc<Cell<usize>>) {
    let w = CountingWriter::default();
    let bytes = w.bytes.clone();
    let term = Terminal::with_options(
        CrosstermBackend::new(w),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, WIDTH, HEIGHT)),
        },
    )
    .expect("crossterm terminal");
    (term, bytes)
}

/// The IKU the edit benchmarks change: in a level-three unit as deep as the tree goes, cascaded
/// from an IKU that rolls up (so the edit changes numbers up the chain), with an editable month
/// up to the period. Returns the IKU and the month.
pub fn edit_target(app: &App) -> (CodeRef, u8) {
    let mut best: Option<(usize, bool, CodeRef, u8)> = None;
    for (k, i) in &app.ds().iku {
        let depth = app.ds().depth(&k.unit);
        let feeds_rollup = i
            .cascade
            .as_ref()
            .and_then(|c| app.ds().iku.get(&c.from))
            .is_some_and(|p| p.rolls_up());
        let Some(month) = (1..=app.period())
            .rev()
            .find(|m| app.edit_refusal(k, *m).is_none())
        else {
            continue;
        };
        let better = match &best {
            None => true,
            Some((d, f, _, _)) => (depth, feeds_rollup) > (*d, *f),
        };
        if better {
            best = Some((depth, feeds_rollup, k.clone(), month));
        }
    }
    let (_, _, k, m) = best.expect("an editable IKU");
    (k, m)
}

/// Selects the IKU in the tree (opening its ancestors), as a user about to edit it would.
pub fn select_iku(app: &mut App, key: &CodeRef) {
    app.select_node(&Node::Iku(key.clone()));
}

/// Presses keys in the app as a user types them, each read by the keymap in the mode of the
/// moment: `keys` is written as keymap files write keys, `<Enter>`, `<Esc>`, `<C-r>`, and any
/// other character stands for itself (`"a<Enter>2500<Enter>"`). Returns the effects.
pub fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let name = match rest.find('>') {
            Some(end) if c == '<' && end > 1 => &rest[..=end],
            _ => &rest[..c.len_utf8()],
        };
        rest = &rest[name.len()..];
        let key = parse_key(name).unwrap_or_else(|e| panic!("key {name}: {e}"));
        if let Some(a) = action_for_key(app, &key) {
            effects.extend(update(app, a));
        }
    }
    effects
}

/// Moves the grid cursor of the selected IKU to `month` (entering the grid from the tree).
pub fn grid_month(app: &mut App, month: u8) {
    if app.mode() == Mode::Tree {
        update(app, Action::FocusGrid);
    }
    update(app, Action::First);
    for _ in 1..month {
        update(app, Action::Right);
    }
    assert_eq!(app.month(), month, "grid cursor moved");
}

/// One committed realisasi edit through the TUI path, as a user makes it (select the IKU, the
/// month, type the value, Enter) and as after the store confirmed it: the in-memory dataset
/// changes, the dependent scores are dropped.
pub fn apply_edit(app: &mut App, key: &CodeRef, month: u8, value: Decimal) {
    app.select_node(&Node::Iku(key.clone()));
    grid_month(app, month);
    update(app, Action::StartEdit);
    update(app, Action::Clear);
    for c in format_editable(value, app.locale()).chars() {
        update(app, Action::Insert(c));
    }
    let mut fx = update(app, Action::Commit);
    if matches!(app.screen(), kinerja::tui::app::Screen::ConfirmRealisasi(_)) {
        // a value far outside the IKU's trajectory: the user confirms it
        fx = update(app, Action::Insert('y'));
    }
    assert!(
        matches!(fx.as_slice(), [Effect::Apply { .. }]),
        "the edit is stored: {fx:?} ({})",
        app.status()
    );
    app.applied(Ok(()));
}

/// Every unit and SS of the dataset open (the heaviest tree a user can unfold), opened as a
/// user would: Right on every closed row from the first to the last. The selection stays.
pub fn open_everything(app: &mut App) {
    let keep = app.node().cloned();
    update(app, Action::First);
    loop {
        if let Some(n) = app.node().cloned()
            && !matches!(n, Node::Iku(_))
            && !app.is_open(&n)
        {
            update(app, Action::Expand);
        }
        let before = app.selected().clone();
        update(app, Action::Down);
        if *app.selected() == before {
            break;
        }
    }
    if let Some(n) = keep {
        app.select_node(&n);
    }
    app.sync_detail();
}
