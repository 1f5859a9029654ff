//! The terminal loop: raw mode and alternate screen, one redraw per input or resize (and the one
//! deferred redraw of the detail pane after tree moves, see [`App::detail_wait`]), effects
//! performed with the store, the terminal restored on quit, panic, SIGTERM/SIGHUP and Ctrl-z.

use std::io::{self, Stdout, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use signal_hook::iterator::Signals;

use crate::domain::Dataset;
use crate::domain::rulebook::Rulebook;
use crate::server::client::Incoming;
use crate::store::{StoreApi, StoreError};
use crate::text::Lang;
use crate::text::tui as t;
use crate::tui::app::live::Remote;
use crate::tui::app::{App, Settings, UiState, units_in_view};
use crate::tui::deps::{Actor, Keymap, Locale, Theme};
use crate::tui::update::{Effect, action_for_key, update};

/// Everything the TUI needs to start.
pub struct TuiOptions {
    /// The store: through its server, or opened in this process.
    pub store: Box<dyn StoreApi>,
    /// The other clients' changes, when the store is served (see `server::client`).
    pub live: Option<std::sync::mpsc::Receiver<Incoming>>,
    /// The year's data, already loaded from `store`: the whole year, or a partial dataset
    /// ([`Dataset::partial`]) holding what the first frame of `ui` shows, in which case the
    /// whole year is loaded in the background once that frame is drawn.
    pub dataset: Dataset,
    /// The saved view ([`load_ui_state`]), if any.
    pub ui: Option<UiState>,
    pub rulebook: Rulebook,
    pub keymap: Keymap,
    /// The keymap's name or file, shown in the help title.
    pub keymap_name: String,
    pub theme: Theme,
    pub lang: Lang,
    pub locale: Locale,
    pub ascii: bool,
    /// A message for the status line at start (e.g. that the sample was loaded).
    pub notice: Option<String>,
    /// The date the round's deadlines are counted from and an addendum is dated by (`--today`
    /// / `KINERJA_TODAY`, else the local date).
    pub today: chrono::NaiveDate,
}

type Term = Terminal<CrosstermBackend<Stdout>>;

/// How long the loop waits for input when nothing is due (it then simply waits again).
const IDLE_POLL: Duration = Duration::from_millis(250);

/// Where the view state of a store is kept: `$XDG_STATE_HOME/kinerja/ui-<hash of the store
/// path>.json` (`~/.local/state` when XDG_STATE_HOME is unset).
pub fn ui_state_path(store: &Path) -> Option<PathBuf> {
    let base = crate::safe::dirs::state_dir()?;
    let canon = store.canonicalize().unwrap_or_else(|_| store.to_path_buf());
    Some(base.join(format!(
        "ui-{:016x}.json",
        fnv1a(canon.to_string_lossy().as_bytes())
    )))
}

/// FNV-1a 64: a stable hash (std's hasher may change between Rust versions).
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Largest view-state file read (a real one is a few KiB even at ministry scale).
pub const MAX_UI_STATE_BYTES: u64 = 1024 * 1024;

/// Reads the view state; a missing or unreadable file means "start fresh" — so does one that is
/// not a regular file (a link to `/dev/zero`, a FIFO) or larger than [`MAX_UI_STATE_BYTES`].
pub fn load_ui_state(path: &Path) -> Option<UiState> {
    use crate::safe::read;
    let text = read::read_text(path, MAX_UI_STATE_BYTES, read::Links::Refuse).ok()?;
    serde_json::from_str(&text).ok()
}

/// Writes the view state atomically (see [`crate::safe::write`]), private to the user.
pub fn save_ui_state(path: &Path, state: &UiState) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let text = serde_json::to_string_pretty(state).map_err(io::Error::other)?;
    crate::safe::write::write_atomic(
        path,
        text.as_bytes(),
        Some(0o600),
        crate::safe::write::Replace::Regular,
    )
    .map_err(|e| io::Error::other(e.to_string()))
}

/// Most units a first frame is loaded for on its own; a view with more units than this waits
/// for the whole year instead. At ministry scale 256 units (~3,900 IKU) load in ~40 ms, which
/// keeps the first frame under 100 ms; the whole year takes ~130 ms.
pub const FIRST_FRAME_UNITS: usize = 256;

/// The rows of the terminal the TUI is about to open on (what [`first_dataset`] loads for): its
/// height, or 60 when it cannot be told.
pub fn first_frame_rows() -> usize {
    crossterm::terminal::size().map_or(60, |(_, h)| usize::from(h).max(1))
}

/// The data the TUI opens `year` on for the view `ui` on a terminal of `rows` rows: a partial
/// dataset holding the units that view can show ([`units_in_view`]) when the store's year
/// summary allows it (see [`Dataset::partial`]), else the whole year. Its first frame is the
/// whole year's either way. (A terminal made taller before the whole year is in shows its new
/// rows complete when it arrives, a fraction of a second later; no key acts before.)
pub fn first_dataset(
    store: &dyn StoreApi,
    year: i32,
    ui: Option<&UiState>,
    rows: usize,
) -> Result<Dataset, crate::store::StoreError> {
    if let Some(summary) = store.year_summary(year)? {
        let units = units_in_view(&summary.units, ui, rows);
        if units.len() <= FIRST_FRAME_UNITS {
            return store.load_partial(year, summary, &units);
        }
    }
    store.load_year(year)
}

fn enter() -> io::Result<Term> {
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen)?;
    let mut term = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    term.clear()?;
    Ok(term)
}

/// Leaves raw mode and the alternate screen; safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(io::stdout(), LeaveAlternateScreen, crossterm::cursor::Show);
}

/// Runs the TUI until the user quits (or a SIGTERM/SIGHUP arrives).
pub fn run(opts: TuiOptions) -> Result<(), String> {
    let TuiOptions {
        store,
        live,
        dataset: ds,
        ui,
        rulebook,
        keymap,
        keymap_name,
        theme,
        lang,
        locale,
        ascii,
        notice,
        today,
    } = opts;
    crate::text::set_lang(lang);
    let year = ds.year;
    let state_path = ui_state_path(store.path());
    let actor = Actor::current();
    let settings = Settings {
        keymap,
        keymap_name,
        theme,
        lang,
        locale,
        ascii,
        today,
        ..Settings::new(store.path(), actor.user.clone())
    };
    let mut app = App::new(ds, rulebook, settings, ui);
    if let Some(n) = notice {
        app.say(n);
    }
    // the rest of the PK (links, IS, budget lines): of the units the first frame holds (all of
    // them with the whole year later), loaded at once; a store that cannot give them still
    // shows the year
    match first_plans(&*store, year, app.ds()) {
        Ok(plans) => app.set_plans(plans),
        Err(e) => app.error(e.to_string()),
    }

    // SIGTERM/SIGHUP: a watcher thread, because crossterm may spin inside `poll` once the
    // terminal is gone (SSH dropped) and never return to the loop. Every committed edit is
    // already flushed by `perform`; the uncommitted editor buffer is discarded by exiting.
    let mut signals = Signals::new([signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP])
        .map_err(|e| t::TERMINAL_ERROR.fill(&[("reason", &e)]))?;
    let signal_handle = signals.handle();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));

    let mut term = enter().map_err(|e| t::TERMINAL_ERROR.fill(&[("reason", &e)]))?;
    let result = std::thread::scope(|scope| {
        let store: &dyn StoreApi = &*store;
        scope.spawn(move || {
            if let Some(sig) = signals.forever().next() {
                let _ = store.flush();
                restore();
                // the terminal may be gone: a failed write must not stop the exit
                let _ = writeln!(io::stderr(), "{}", t::SIGNAL_EXIT.s());
                std::process::exit(128 + sig);
            }
        });
        let r = event_loop(
            scope,
            &mut term,
            &mut app,
            Session {
                store,
                year,
                actor: &actor,
                state_path: state_path.as_deref(),
                live: live.as_ref(),
            },
        );
        signal_handle.close();
        r
    });
    if let Some(p) = &state_path {
        let _ = save_ui_state(p, &app.ui_state());
    }
    let _ = store.flush();
    restore();
    let _ = std::panic::take_hook();
    // After edits, the snapshot and summary are written afresh, so that the next open starts
    // from a partial load again (a cache: quitting does not fail when it cannot be written),
    // and sled replays that write now rather than on the next open (see `Store::settle`).
    if result.is_ok() {
        let _ = store.refresh_snapshot(year);
    }
    drop(store);
    result
}

/// What the run loop does after the effects of one action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Quit,
    Suspend,
}

/// Performs the effects of one action with the store: `Apply` is stored (atomic, audited,
/// flushed) and its outcome given to [`App::applied`]; `SaveUiState` writes the view state.
/// `Quit` and `Suspend` are returned for the terminal loop (they need the terminal).
pub fn perform(
    app: &mut App,
    store: &dyn StoreApi,
    year: i32,
    actor: &Actor,
    state_path: Option<&Path>,
    effects: Vec<Effect>,
) -> Flow {
    let mut flow = Flow::Continue;
    for e in effects {
        match e {
            Effect::Apply { changes, source } => {
                let seen = app.pending_seen();
                let r = store
                    .apply_seen(year, &changes, &seen, actor, &source)
                    .and_then(|_| store.flush());
                if let Err(StoreError::Stale {
                    iku, month, value, ..
                }) = &r
                {
                    app.stale(iku, *month, *value);
                }
                app.applied(r.map(|_| ()).map_err(|e| e.to_string()));
            }
            Effect::ApplyPlan {
                changes,
                source,
                what,
            } => {
                let r = store
                    .apply_plan(year, &changes, actor, &source)
                    .and_then(|_| store.load_plans(year));
                app.plan_applied(&what, r.map_err(|e| e.to_string()));
            }
            Effect::AttachEvidence { iku, month, path } => {
                let r = attach_evidence(app, store, year, actor, &iku, month, &path);
                app.applied(r);
            }
            Effect::SaveUiState => {
                if let Some(p) = state_path
                    && let Err(e) = save_ui_state(p, &app.ui_state())
                {
                    app.error(t::UI_STATE_NOT_SAVED.fill(&[("reason", &e)]));
                }
            }
            Effect::Quit => flow = Flow::Quit,
            Effect::Suspend => {
                if flow == Flow::Continue {
                    flow = Flow::Suspend;
                }
            }
        }
    }
    flow
}

/// Reads an evidence file (a regular file, no link followed, within the rulebook's per-file
/// limit: `safe::read`), keeps its bytes in the store (content-addressed, once) and attaches
/// it to the IKU-month under its file name — what `kinerja lampiran add` does. The change
/// stored is handed to the view's pending round change.
fn attach_evidence(
    app: &mut App,
    store: &dyn StoreApi,
    year: i32,
    actor: &Actor,
    iku: &crate::domain::CodeRef,
    month: u8,
    path: &Path,
) -> Result<(), String> {
    use crate::safe::read;
    let not_read = |e: String| crate::text::tui_round::EV_NOT_READ.fill(&[("reason", &e)]);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| !n.is_empty())
        .ok_or_else(|| not_read(path.display().to_string()))?;
    let limit = app.rb().round.evidence_max_file_bytes;
    let bytes =
        read::read_bytes(path, limit, read::Links::Refuse).map_err(|e| not_read(e.to_string()))?;
    let put = store
        .put_evidence(year, &iku.unit, &bytes)
        .map_err(|e| e.to_string())?;
    let change = crate::store::Change::AddEvidence {
        iku: iku.clone(),
        month,
        evidence: crate::domain::round::EvidenceRef {
            name,
            sha256: put.sha256,
            size: put.size,
        },
    };
    store
        .apply(
            year,
            std::slice::from_ref(&change),
            actor,
            crate::tui::update::SOURCE,
        )
        .and_then(|_| store.flush())
        .map_err(|e| e.to_string())?;
    app.round_change_stored(change);
    Ok(())
}

/// What the run loop works on besides the terminal and the view.
struct Session<'a> {
    store: &'a dyn StoreApi,
    year: i32,
    actor: &'a Actor,
    state_path: Option<&'a Path>,
    live: Option<&'a std::sync::mpsc::Receiver<Incoming>>,
}

/// How often a served TUI looks for the other clients' changes while no key arrives (they are
/// then drawn at once: within one frame).
const LIVE_POLL: Duration = Duration::from_millis(10);

/// Applies the other clients' changes waiting for the view; whether to redraw, and whether the
/// whole year must be loaded again.
fn take_remote(app: &mut App, live: Option<&std::sync::mpsc::Receiver<Incoming>>) -> Remote {
    let Some(rx) = live else {
        return Remote::Nothing;
    };
    let mut out = Remote::Nothing;
    while let Ok(m) = rx.try_recv() {
        match app.remote(m) {
            Remote::Reload => out = Remote::Reload,
            Remote::Redraw if out == Remote::Nothing => out = Remote::Redraw,
            _ => {}
        }
    }
    out
}

/// Most events handled between two frames (input arriving without a pause still gets frames).
const EVENT_BATCH: usize = 64;

/// How often the loop looks whether the whole year has loaded (a partial start).
const LOAD_POLL: Duration = Duration::from_millis(10);

type Loading<'s> =
    std::thread::ScopedJoinHandle<'s, Result<(Dataset, crate::domain::plan::Plans), String>>;

/// The plans the first frame needs: of a partial dataset, only those of the units whose SS and
/// IKU it holds (the whole year's plans come with the whole year, [`load_whole`]); else all.
pub fn first_plans(
    store: &dyn StoreApi,
    year: i32,
    ds: &Dataset,
) -> Result<crate::domain::plan::Plans, crate::store::StoreError> {
    if !ds.is_partial() {
        return store.load_plans(year);
    }
    let units: std::collections::BTreeSet<String> = ds
        .ss
        .keys()
        .map(|k| k.unit.clone())
        .chain(ds.iku.keys().map(|k| k.unit.clone()))
        .collect();
    store.load_plans_of(year, &units)
}

/// Loads the whole year and its plans (the background load of a partial start, a reload).
pub fn load_whole(
    store: &dyn StoreApi,
    year: i32,
) -> Result<(Dataset, crate::domain::plan::Plans), String> {
    let ds = store.load_year_fresh(year).map_err(|e| e.to_string())?;
    let plans = store.load_plans(year).map_err(|e| e.to_string())?;
    Ok((ds, plans))
}

/// Gives the view the whole year loaded in the background (see [`TuiOptions::dataset`]).
fn take_whole_year(app: &mut App, loading: Loading<'_>) -> Result<(), String> {
    match loading
        .join()
        .unwrap_or_else(|p| std::panic::resume_unwind(p))
    {
        Ok((ds, plans)) => {
            app.take_whole_year(ds);
            app.set_plans(plans);
        }
        // a reload (after a change of someone else or a new server) that failed: say so and
        // keep what is shown
        Err(e) if !app.ds().is_partial() => app.error(e),
        Err(e) => return Err(e),
    }
    Ok(())
}

fn event_loop<'s>(
    scope: &'s std::thread::Scope<'s, '_>,
    term: &mut Term,
    app: &mut App,
    session: Session<'s>,
) -> Result<(), String> {
    let Session {
        store,
        year,
        actor,
        state_path,
        live,
    } = session;
    let terr = |e: io::Error| t::TERMINAL_ERROR.fill(&[("reason", &e)]);
    term.draw(|f| crate::tui::ui::draw(f, app)).map_err(terr)?;
    // Opened on a partial dataset: the whole year loads once the first frame is out. Every
    // input waits for it (a moment), so that nothing acts on the partial dataset.
    let mut loading: Option<Loading<'s>> = app
        .ds()
        .is_partial()
        .then(|| scope.spawn(move || load_whole(store, year)));
    let mut guard = crate::tui::input::EscGuard::new();
    let mut looking = String::new();
    loop {
        // Redraw only on input or resize, and once more when the detail pane, held back by tree
        // moves, is due to follow the selection: only then does the poll time out early.
        let mut wait = app.detail_wait(Instant::now());
        if loading.is_some() {
            wait = Some(wait.map_or(LOAD_POLL, |w| w.min(LOAD_POLL)));
        }
        if live.is_some() {
            wait = Some(wait.map_or(LIVE_POLL, |w| w.min(LIVE_POLL)));
        }
        if let Some(due) = guard.deadline() {
            let d = due.saturating_duration_since(Instant::now());
            wait = Some(wait.map_or(d, |w| w.min(d)));
        }
        if !event::poll(wait.unwrap_or(IDLE_POLL)).map_err(terr)? {
            let mut redraw = app.settle_detail(Instant::now());
            // a `[` held back after an `Esc` that no sequence followed: it was typed
            let held = guard.flush(Instant::now());
            if !held.is_empty() {
                redraw = true;
                for k in held {
                    if let Some(action) = action_for_key(app, &k) {
                        let effects = update(app, action);
                        if let Flow::Quit = perform(app, store, year, actor, state_path, effects) {
                            return Ok(());
                        }
                    }
                }
            }
            if let Some(h) = loading.take_if(|h| h.is_finished()) {
                take_whole_year(app, h)?;
                redraw = true;
            }
            // the others' changes wait while a load is under way: they apply to what it gives
            if loading.is_none() {
                match take_remote(app, live) {
                    Remote::Nothing => {}
                    Remote::Redraw => redraw = true,
                    Remote::Reload => {
                        loading = Some(scope.spawn(move || load_whole(store, year)));
                        redraw = true;
                    }
                }
            }
            if redraw {
                term.draw(|f| crate::tui::ui::draw(f, app)).map_err(terr)?;
            }
            continue;
        }
        if let Some(h) = loading.take() {
            take_whole_year(app, h)?;
        }
        // Every event already waiting is handled before the next frame: when the terminal is
        // slow to take frames (a slow SSH link), the keys pressed meanwhile cost one frame
        // between them, and the screen does not lag further and further behind the keyboard.
        let mut redraw = false;
        'batch: for _ in 0..EVENT_BATCH {
            let keys = match event::read().map_err(terr)? {
                Event::Key(k) => {
                    let keys = guard.feed(k, Instant::now(), |k| {
                        app.keymap().resolve(app.mode(), k).is_some()
                    });
                    redraw |= !keys.is_empty();
                    keys
                }
                Event::Resize(w, h) => {
                    term.autoresize().map_err(terr)?;
                    // the keys after a resize are judged at the new size (too small or not)
                    app.set_size((w, h));
                    app.sync_detail();
                    redraw = true;
                    Vec::new()
                }
                _ => Vec::new(),
            };
            for k in keys {
                let Some(action) = action_for_key(app, &k) else {
                    continue;
                };
                if action == crate::tui::action::Action::Redraw {
                    term.clear().map_err(terr)?;
                }
                let effects = update(app, action);
                match perform(app, store, year, actor, state_path, effects) {
                    Flow::Continue => {}
                    Flow::Quit => return Ok(()),
                    Flow::Suspend => {
                        restore();
                        // SAFETY: raise only sends a signal to this process; the default action
                        // of SIGTSTP stops it until the shell continues it.
                        unsafe {
                            libc::raise(libc::SIGTSTP);
                        }
                        *term = enter().map_err(terr)?;
                        redraw = true;
                        break 'batch;
                    }
                }
            }
            if !event::poll(Duration::ZERO).map_err(terr)? {
                break;
            }
        }
        if loading.is_none() {
            match take_remote(app, live) {
                Remote::Nothing => {}
                Remote::Redraw => redraw = true,
                Remote::Reload => {
                    loading = Some(scope.spawn(move || load_whole(store, year)));
                }
            }
        }
        if live.is_some() {
            let now = app.node().map(|n| n.id()).unwrap_or_default();
            if now != looking {
                store.looking(&now);
                looking = now;
            }
        }
        if redraw {
            term.draw(|f| crate::tui::ui::draw(f, app)).map_err(terr)?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ui_state_round_trips_through_an_atomic_write() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("kinerja/ui-x.json");
        let s = UiState {
            open: vec!["u:A".into(), "s:A/S1".into()],
            selected: vec!["u:A".into()],
        };
        save_ui_state(&p, &s).unwrap();
        assert_eq!(load_ui_state(&p), Some(s));
        assert!(!p.with_extension("json.tmp").exists());
    }

    #[test]
    fn state_file_name_is_stable_per_store() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_ne!(fnv1a(b"/a"), fnv1a(b"/b"));
    }
}
