//! Terminal input from a slow link (issue 5): an escape sequence split across reads never
//! triggers a destructive action; `Esc` only ever cancels.

use crate::support::{bench_support, tui_support};

use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kinerja::domain::CodeRef;
use kinerja::domain::rulebook::Rulebook;
use kinerja::tui::App;
use kinerja::tui::action::{Action, Mode};
use kinerja::tui::app::{Node, Settings};
use kinerja::tui::input::EscGuard;
use kinerja::tui::keymap::Keymap;
use kinerja::tui::update::{Effect, action_for_key, update};

fn app_with_keymap(name: &str) -> App {
    let settings = Settings {
        keymap: Keymap::builtin(name).unwrap(),
        keymap_name: name.into(),
        ..tui_support::settings(false, false)
    };
    App::new(
        tui_support::dataset(),
        Rulebook::default_rulebook(),
        settings,
        None,
    )
}

fn key_of(c: char) -> KeyEvent {
    let m = if c.is_ascii_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    KeyEvent::new(KeyCode::Char(c), m)
}

/// Puts the app in `mode` with an IKU selected.
fn enter_mode(app: &mut App, mode: Mode) {
    // an IKU whose September realisasi may be edited (see tui_support)
    app.select_node(&Node::Iku(CodeRef::new("KANWIL", "IKU1")));
    match mode {
        Mode::Tree => {}
        Mode::Grid => {
            update(app, Action::FocusGrid);
        }
        Mode::Edit => {
            bench_support::grid_month(app, 9);
            update(app, Action::StartEdit);
        }
        _ => unreachable!(),
    }
    assert_eq!(app.mode(), mode, "set up {mode:?}");
}

const SEQUENCES: &[&str] = &[
    "[A", "[B", "[C", "[D", "OA", "OB", "OP", "[3~", "[2~", "[5~", "[6~", "[1;5A", "[H", "[F", "[Z",
];

#[test]
fn split_sequences_reach_only_cancel_in_every_mode_of_both_keymaps() {
    for keymap in ["default", "vim"] {
        for mode in [Mode::Tree, Mode::Grid, Mode::Edit] {
            for seq in SEQUENCES {
                let mut app = app_with_keymap(keymap);
                enter_mode(&mut app, mode);
                let before = app.ds().clone();
                let mut guard = EscGuard::new();
                let t0 = Instant::now();
                let mut keys = vec![KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)];
                keys.extend(seq.chars().map(key_of));
                let mut delivered = Vec::new();
                // the pieces arrive 40 ms apart, as over a slow link
                let mut passed: Vec<KeyEvent> = keys
                    .iter()
                    .enumerate()
                    .flat_map(|(i, k)| {
                        guard.feed(*k, t0 + Duration::from_millis(40 * i as u64), |_| false)
                    })
                    .collect();
                passed.extend(guard.flush(t0 + Duration::from_secs(10)));
                for k in &passed {
                    if let Some(a) = action_for_key(&app, k) {
                        delivered.push(a.clone());
                        let fx = update(&mut app, a);
                        assert!(
                            !fx.iter()
                                .any(|e| matches!(e, Effect::Apply { .. } | Effect::Quit)),
                            "{keymap} {mode:?} Esc {seq}: {fx:?}"
                        );
                    }
                }
                assert!(
                    delivered.iter().all(|a| matches!(
                        a,
                        Action::Cancel | Action::FocusTree | Action::DiscardAddendum
                    )),
                    "{keymap} {mode:?} Esc {seq}: only a cancel, got {delivered:?}"
                );
                assert_eq!(
                    *app.ds(),
                    before,
                    "{keymap} {mode:?} Esc {seq}: data unchanged"
                );
                assert!(!app.is_storing());
            }
        }
    }
}

#[test]
fn without_the_guard_the_stray_characters_are_still_harmless() {
    // defence in depth: even if a sequence slipped through, none of its characters is bound to
    // something that stores, clears or quits.
    for keymap in ["default", "vim"] {
        let km = Keymap::builtin(keymap).unwrap();
        for mode in [Mode::Tree, Mode::Grid, Mode::Help, Mode::Search] {
            for c in "[]O~;0123456789ABCDFHPQRSZ".chars() {
                if let Some(a) = km.resolve(mode, &key_of(c)) {
                    assert!(
                        !matches!(
                            a,
                            Action::Commit
                                | Action::CommitNext
                                | Action::CommitPrev
                                | Action::Clear
                                | Action::Undo
                                | Action::Redo
                                | Action::Quit
                                | Action::SubmitAddendum
                                | Action::StartEdit
                                | Action::Suspend
                        ),
                        "{keymap} {mode:?} '{c}' is bound to {a:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn esc_followed_at_once_by_a_key_delivers_both() {
    // Over SSH an Esc and the next key arrive in one read; the terminal library reports them as
    // one Alt key. Both must reach the app: the cancel, then the move.
    let mut tested = 0;
    for keymap in ["default", "vim"] {
        let mut app = app_with_keymap(keymap);
        enter_mode(&mut app, Mode::Grid);
        let mut guard = EscGuard::new();
        let t0 = Instant::now();
        let down = app
            .keymap()
            .bindings(Mode::Grid)
            .iter()
            .filter(|b| matches!(b.action, Action::Down | Action::Up | Action::Right))
            .map(|b| b.key)
            .find(|k| matches!(k.code, KeyCode::Char(_)));
        let Some(down) = down else {
            continue;
        };
        let together = KeyEvent::new(down.code, down.modifiers | KeyModifiers::ALT);
        let bound = |k: &KeyEvent| app.keymap().resolve(app.mode(), k).is_some();
        let passed = guard.feed(together, t0, bound);
        assert_eq!(
            passed,
            vec![KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE), down],
            "{keymap}"
        );
        // and a plain key right after an Esc is never swallowed
        let mut guard = EscGuard::new();
        let mut passed = guard.feed(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE), t0, bound);
        passed.extend(guard.feed(down, t0 + Duration::from_millis(5), bound));
        assert_eq!(passed.len(), 2, "{keymap}: {passed:?}");
        tested += 1;
    }
    assert!(tested > 0, "a keymap moves with a letter key");
}
