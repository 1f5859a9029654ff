//! The worklist (issue 15): what is due for a month in a unit or its subtree, typed into from
//! the keyboard without opening anything; and the grid's quick entry (Up/Down to the
//! neighbouring IKU at the same month, a digit starts the edit, the first empty month first).

use crate::support::tui_support::{app, d, to_month};

use kinerja::domain::CodeRef;
use kinerja::text::{Lang, set_thread_lang};
use kinerja::tui::App;
use kinerja::tui::action::{Action, Mode};
use kinerja::tui::app::{Node, Screen};
use kinerja::tui::ui::draw;
use kinerja::tui::update::{Effect, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn screen(app: &mut App, w: u16, h: u16) -> String {
    crate::support::tui_support::screen(app, w, h)
}

/// Types `s` (each character an `Insert`) and stores what the editor commits, as the run loop
/// does when the store takes it.
fn type_and_store(app: &mut App, s: &str, commit: Action) {
    for c in s.chars() {
        let fx = update(app, Action::Insert(c));
        assert!(fx.is_empty(), "typing stores nothing");
    }
    let fx = update(app, commit);
    assert!(
        matches!(fx.as_slice(), [Effect::Apply { .. }]),
        "the commit stores: {fx:?} ({})",
        app.status()
    );
    app.applied(Ok(()));
}

fn key(u: &str, c: &str) -> CodeRef {
    CodeRef::new(u, c)
}

fn rows(app: &App) -> Vec<String> {
    app.worklist_rows()
        .iter()
        .map(|r| r.iku.to_string())
        .collect()
}

#[test]
fn the_grid_goes_up_and_down_between_iku_at_the_same_month() {
    set_thread_lang(Lang::Id);
    let mut a = app();
    a.select_node(&Node::Iku(key("KANWIL", "IKU1")));
    update(&mut a, Action::FocusGrid);
    to_month(&mut a, 5);
    assert_eq!(a.month(), 5);
    // KANWIL's IKU in tree order: S1 (IKU1, IKU3), then S2 (IKU2, its SS closed in the tree)
    update(&mut a, Action::Down);
    assert_eq!(a.selected_iku().unwrap().key(), key("KANWIL", "IKU3"));
    assert_eq!((a.screen(), a.month()), (&Screen::Grid, 5));
    update(&mut a, Action::Down);
    assert_eq!(a.selected_iku().unwrap().key(), key("KANWIL", "IKU2"));
    assert_eq!((a.screen(), a.month()), (&Screen::Grid, 5));
    update(&mut a, Action::Up);
    update(&mut a, Action::Up);
    assert_eq!(a.selected_iku().unwrap().key(), key("KANWIL", "IKU1"));
    assert_eq!((a.screen(), a.month()), (&Screen::Grid, 5));
    // the keys of both built-in keymaps
    for name in ["default", "vim"] {
        let km = kinerja::tui::deps::Keymap::builtin(name).unwrap();
        for (k, want) in [("<Down>", Action::Down), ("<Up>", Action::Up)] {
            let ev = kinerja::tui::keymap::parse_key(k).unwrap();
            assert_eq!(km.resolve(Mode::Grid, &ev), Some(want), "{name} {k}");
        }
    }
}

#[test]
fn the_grid_opens_on_the_first_empty_month_and_a_digit_starts_the_edit() {
    set_thread_lang(Lang::Id);
    let mut a = app();
    // monthly, Jan–Sep filled: October
    a.select_node(&Node::Iku(key("KANWIL", "IKU1")));
    update(&mut a, Action::FocusGrid);
    assert_eq!(a.month(), 10);
    update(&mut a, Action::FocusTree);
    // quarterly, Mar/Jun/Sep filled: December
    a.select_node(&Node::Iku(key("KANWIL", "IKU2")));
    update(&mut a, Action::FocusGrid);
    assert_eq!(a.month(), 12);
    // a digit typed on the cell opens its editor with it
    update(&mut a, Action::Insert('4'));
    let e = a.editor().expect("the editor is open");
    assert_eq!((e.buffer(), e.month), ("4", 12));
    type_and_store(&mut a, "7", Action::Commit);
    assert_eq!(
        a.ds().iku[&key("KANWIL", "IKU2")].realisasi[11],
        Some(d("47"))
    );
    // unbound digits in the grid are what the keymap turns into typing
    let km = a.keymap().clone();
    let ev = kinerja::tui::keymap::parse_key("7").unwrap();
    assert_eq!(
        km.resolve_or_insert(Mode::Grid, &ev),
        Some(Action::Insert('7'))
    );
    assert_eq!(km.resolve_or_insert(Mode::Tree, &ev), None);
}

#[test]
fn the_worklist_lists_what_is_due_and_enter_goes_to_the_next_empty_one() {
    set_thread_lang(Lang::Id);
    let mut a = app();
    a.select_node(&Node::Unit("KANWIL".into()));
    update(&mut a, Action::Worklist);
    assert_eq!(a.screen(), &Screen::Worklist);
    assert_eq!(a.mode(), Mode::Worklist);
    // the earliest reporting month not complete: October (IKU1 has no October yet)
    assert_eq!(a.worklist().month, 10);
    assert_eq!(rows(&a), ["KANWIL/IKU1", "KANWIL/IKU3"], "monthly IKU only");
    let r = a.worklist_rows();
    assert!(r[0].editable() && !r[0].filled());
    assert_eq!(r[0].target, Some(d("100")));
    assert_eq!(r[0].prev, Some((9, Some(d("100")))));
    // IKU3 rolls up from KPP/IKU3: read-only, with its children's state
    assert_eq!(r[1].rollup, Some((0, 1)));
    assert!(!r[1].editable());
    let s = screen(&mut a, 80, 24);
    assert!(
        s.contains("Daftar kerja KANWIL · Okt 2025 · 0 dari 2 terisi"),
        "{s}"
    );
    assert!(s.contains("gabungan 0/1") && s.contains("kosong"), "{s}");
    assert!(s.contains("Sep 100"), "the previous realisasi:\n{s}");
    // the cursor starts on the first empty row; a digit starts typing into it
    assert_eq!(a.worklist().cursor, 0);
    type_and_store(&mut a, "95", Action::Commit);
    assert_eq!(
        a.ds().iku[&key("KANWIL", "IKU1")].realisasi[9],
        Some(d("95"))
    );
    assert_eq!(a.screen(), &Screen::Worklist, "back in the worklist");
    assert!(a.status().contains("Tersimpan"), "{}", a.status());
    assert!(a.status().contains("1 dari 2 terisi"), "{}", a.status());
    // the roll-up is not typed into: the refusal names its children
    update(&mut a, Action::Down);
    update(&mut a, Action::Insert('3'));
    assert!(a.editor().is_none());
    assert!(a.status().contains("KPP/IKU3"), "{}", a.status());
    // with the units below: KPP's IKU3 is due too
    update(&mut a, Action::WorklistScope);
    assert_eq!(rows(&a), ["KANWIL/IKU1", "KANWIL/IKU3", "KPP/IKU3"]);
    assert_eq!(a.worklist().cursor, 1, "the cursor stays on its IKU");
    update(&mut a, Action::Down);
    type_and_store(&mut a, "11", Action::Commit);
    let r = a.worklist_rows();
    assert_eq!(r[1].rollup, Some((1, 1)));
    assert_eq!(r[1].value, Some(d("11")), "rolled up at once");
    assert!(
        a.status().contains("semua IKU Okt terisi"),
        "{}",
        a.status()
    );
    assert!(a.status().contains("3 dari 3 terisi"), "{}", a.status());
    let s = screen(&mut a, 80, 24);
    assert!(s.contains("KANWIL + bawahan"), "{s}");
    // the month moves with Left/Right; a month without realisasi starts on its first row
    update(&mut a, Action::Right);
    assert_eq!(a.worklist().month, 11);
    assert_eq!(a.worklist().cursor, 0);
    // Esc: back to the tree on the IKU of the cursor
    update(&mut a, Action::Down);
    update(&mut a, Action::Cancel);
    assert_eq!(a.screen(), &Screen::Tree);
    assert_eq!(a.selected_iku().unwrap().key(), key("KANWIL", "IKU3"));
}

#[test]
fn tab_in_the_worklist_saves_and_opens_the_next_row_and_undo_takes_it_back() {
    set_thread_lang(Lang::Id);
    let mut a = app();
    a.select_node(&Node::Unit("KANWIL".into()));
    update(&mut a, Action::WorklistScope); // not bound in the tree: nothing happens
    update(&mut a, Action::Worklist);
    update(&mut a, Action::WorklistScope);
    update(&mut a, Action::Left); // September: all filled
    assert_eq!(a.worklist().month, 9);
    update(&mut a, Action::StartEdit);
    let e = a.editor().unwrap();
    assert_eq!((e.iku.to_string(), e.month), ("KANWIL/IKU1".into(), 9));
    assert_eq!(e.buffer(), "100", "the stored value to correct");
    type_and_store(&mut a, "99", Action::CommitNext);
    // the next row rolls up: the cursor is on it, no editor opens
    assert!(a.editor().is_none());
    assert_eq!(a.worklist().cursor, 1);
    update(&mut a, Action::Down);
    update(&mut a, Action::StartEdit);
    assert_eq!(a.editor().unwrap().iku, key("KANWIL", "IKU2"));
    update(&mut a, Action::Cancel);
    assert_eq!(a.screen(), &Screen::Worklist);
    let fx = update(&mut a, Action::Undo);
    assert!(matches!(fx.as_slice(), [Effect::Apply { .. }]));
    a.applied(Ok(()));
    assert_eq!(
        a.ds().iku[&key("KANWIL", "IKU1")].realisasi[8],
        Some(d("100"))
    );
    assert_eq!(a.screen(), &Screen::Worklist);
}

#[test]
fn the_worklist_speaks_english_with_lang_en_and_survives_small_screens() {
    set_thread_lang(Lang::En);
    let mut a = app();
    a.select_node(&Node::Iku(key("KANWIL", "IKU2")));
    update(&mut a, Action::FocusGrid);
    update(&mut a, Action::Worklist);
    let s = screen(&mut a, 120, 40);
    set_thread_lang(Lang::Id);
    assert!(
        s.contains("Worklist KANWIL · Oct 2025 · 0 of 2 filled"),
        "{s}"
    );
    assert!(s.contains("roll-up 0/1") && s.contains("empty"), "{s}");
    for (w, h) in [(80, 24), (200, 60), (79, 23), (20, 5), (1, 1), (0, 0)] {
        let _ = screen(&mut a, w, h);
    }
    let s = screen(&mut a, 80, 24);
    assert!(s.contains("Daftar kerja KANWIL"), "{s}");
    update(&mut a, Action::Cancel);
    assert_eq!(a.screen(), &Screen::Grid, "back to the grid it came from");
    assert_eq!(a.month(), 10, "on the worklist's month");
}

#[test]
fn the_worklist_key_is_bound_in_every_moving_mode_and_listed_in_the_help() {
    set_thread_lang(Lang::Id);
    for name in ["default", "vim"] {
        let km = kinerja::tui::deps::Keymap::builtin(name).unwrap();
        for mode in [Mode::Tree, Mode::Grid, Mode::Worklist] {
            let b = km
                .bindings(mode)
                .iter()
                .find(|b| b.action == Action::Worklist)
                .unwrap_or_else(|| panic!("{name}: no worklist key in {mode:?}"));
            assert!(!b.desc.is_empty(), "{name} {mode:?}");
        }
        for a in [
            Action::Up,
            Action::Down,
            Action::Left,
            Action::Right,
            Action::StartEdit,
            Action::WorklistScope,
            Action::Cancel,
            Action::Help,
            Action::Quit,
        ] {
            assert!(
                km.bindings(Mode::Worklist).iter().any(|b| b.action == a),
                "{name}: {a:?} in [worklist]"
            );
        }
    }
    let a = app();
    let help: String = kinerja::tui::ui::help::lines_for(&a, 120)
        .iter()
        .map(|l| l.to_string() + "\n")
        .collect();
    assert!(help.contains("DAFTAR KERJA"), "{help}");
    assert!(
        help.contains("Daftar kerja: yang harus diisi bulan ini"),
        "{help}"
    );
}

/// Sends keys to the TUI one `send-keys` each and counts them: a name ("Enter") is one key, a
/// typed text one key per character.
struct Keys<'a> {
    t: &'a crate::support::tmux_support::Tmux,
    n: usize,
}

impl Keys<'_> {
    fn key(&mut self, k: &str) {
        self.t.keys(&[k]);
        self.n += 1;
    }
    fn text(&mut self, s: &str) {
        for c in s.chars() {
            self.t.text(&c.to_string());
            self.n += 1;
        }
    }
}

#[test]
fn october_for_kpknl_pontianak_takes_at_most_twenty_keys() {
    use crate::support::tmux_support::{Tmux, have_tmux, realisasi_in_export};
    if !have_tmux() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let t = Tmux::new(home.path(), "worklist");
    // a first run: the default store is seeded with the sample (fixtures/kalbar-2025.json)
    t.start(&[]);
    t.wait_for("KEMENKEU");
    let mut k = Keys { t: &t, n: 0 };
    // find the unit
    k.key("/");
    k.text("pont");
    k.key("Enter");
    t.wait_for("KPKNL Pontianak");
    // its worklist opens on October, the first empty month, on the first empty IKU
    k.key("w");
    let s = t.wait_for("Daftar kerja KPKNL-PONTIANAK · Okt 2025 · 0 dari 3 terisi");
    for code in ["1b-CP", "2a-CF", "3b-N"] {
        assert!(s.contains(code), "{code}:\n{s}");
    }
    k.text("1,9");
    k.key("Enter");
    t.wait_for("1 dari 3 terisi");
    k.text("98");
    k.key("Enter");
    t.wait_for("2 dari 3 terisi");
    k.text("5,5");
    k.key("Enter");
    let done = t.wait_for("semua IKU Okt terisi");
    assert!(done.contains("3 dari 3 terisi"), "{done}");
    assert!(k.n <= 20, "{} keys for the October task", k.n);
    t.keys(&["q"]);
    t.wait_gone();
    for (code, want) in [("1b-CP", "1.9"), ("2a-CF", "98"), ("3b-N", "5.5")] {
        assert_eq!(
            realisasi_in_export(home.path(), "KPKNL-PONTIANAK", code, 10),
            want,
            "{code}"
        );
    }
}

#[test]
fn the_worklist_of_the_whole_ministry_moves_and_draws() {
    use kinerja::demo::{Scale, generate};
    let ds = generate(Scale::Ministry, 2025, 2025);
    let root = ds.roots()[0].clone();
    let mut a = App::new(
        ds,
        kinerja::domain::rulebook::Rulebook::default_rulebook(),
        kinerja::tui::app::Settings::new("/data/kinerja.db", "budi"),
        None,
    );
    a.select_node(&Node::Unit(root));
    update(&mut a, Action::Worklist);
    update(&mut a, Action::WorklistScope);
    let n = a.worklist_rows().len();
    assert!(n > 3_000, "{n} rows");
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let start = std::time::Instant::now();
    for _ in 0..5 {
        update(&mut a, Action::Down);
        term.draw(|f| draw(f, &mut a)).unwrap();
    }
    let per_key = start.elapsed() / 5;
    eprintln!("{n} rows: {per_key:?} a key and a frame");
}

#[test]
fn the_question_of_an_implausible_value_typed_in_the_worklist_keeps_the_worklist_in_view() {
    set_thread_lang(Lang::Id);
    let mut a = app();
    a.select_node(&Node::Unit("KANWIL".into()));
    update(&mut a, Action::Worklist);
    // IKU1's target is 100 a month: 5.000 is far outside the trajectory
    for c in "5000".chars() {
        update(&mut a, Action::Insert(c));
    }
    assert!(update(&mut a, Action::Commit).is_empty(), "asked first");
    assert!(matches!(a.screen(), Screen::ConfirmRealisasi(_)));
    assert!(
        a.worklist_shown(),
        "the rows stay on screen under the question"
    );
    let s = screen(&mut a, 100, 24);
    assert!(s.contains("Daftar kerja KANWIL"), "{s}");
    // y stores it and goes back to the worklist
    let fx = update(&mut a, Action::Insert('y'));
    assert!(matches!(fx.as_slice(), [Effect::Apply { .. }]), "{fx:?}");
    a.applied(Ok(()));
    assert_eq!(a.screen(), &Screen::Worklist, "{:?}", a.screen());
    assert_eq!(
        a.ds().iku[&key("KANWIL", "IKU1")].realisasi[9],
        Some(d("5000"))
    );
}
