//! UI text in English with `--lang en` (its own test binary: the language is process-wide).

use crate::support::tui_support;

use kinerja::domain::CodeRef;
use kinerja::domain::rulebook::Rulebook;
use kinerja::text::{Lang, set_thread_lang};
use kinerja::tui::action::Action;
use kinerja::tui::app::{App, Node, Settings};
use kinerja::tui::deps::Locale;
use kinerja::tui::update::update;

fn screen(app: &mut App, w: u16, h: u16) -> String {
    crate::support::tui_support::screen(app, w, h)
}

#[test]
fn english_text_and_english_numbers() {
    set_thread_lang(Lang::En);
    let settings = Settings {
        lang: Lang::En,
        locale: Locale::En,
        ..tui_support::settings(false, false)
    };
    let mut a = App::new(
        tui_support::dataset(),
        Rulebook::default_rulebook(),
        settings,
        None,
    );
    let s = screen(&mut a, 120, 40);
    for t in [
        "Store: /data/kinerja.db",
        "Period to Sep 2025",
        "User: budi",
        "Rating",
        "? Help",
        "q Quit",
        "TREE",
    ] {
        assert!(s.contains(t), "{t}:\n{s}");
    }
    a.select_node(&Node::Iku(CodeRef::new("PUSAT", "P1")));
    update(&mut a, Action::FocusGrid);
    let s = screen(&mut a, 120, 40);
    for t in [
        "Capaian to",
        "1,234.5",
        "120.00",
        "Aug",
        "Polarity",
        "IKU P1 · PUSAT — addendum required",
        "? R09 warning: IKU P1 (PUSAT)",
    ] {
        assert!(s.contains(t), "{t}:\n{s}");
    }
    // the addendum mode in English
    update(&mut a, Action::StartAddendum);
    update(&mut a, Action::StartEdit);
    for c in "3000".chars() {
        update(&mut a, Action::Insert(c));
    }
    update(&mut a, Action::Commit);
    let s = screen(&mut a, 120, 40);
    for t in [
        "Addendum PUSAT — PK v0 → v1 (not stored yet)",
        "1 pending changes:",
        "P1  Oct  1,000 → 3,000",
        "s Submit the addendum",
    ] {
        assert!(s.contains(t), "{t}:\n{s}");
    }
    update(&mut a, Action::DiscardAddendum);
    update(&mut a, Action::Insert('y'));
    update(&mut a, Action::FocusTree);
    a.select_node(&Node::Unit("KANWIL".into()));
    let s = screen(&mut a, 120, 40);
    for t in [
        "Findings (5)",
        "! R01 error: UPK KANWIL",
        "IKU count: 3 (limits 10–20) — out of limits",
        "Quota of points above the threshold: 0 of 0 in use",
    ] {
        assert!(s.contains(t), "{t}:\n{s}");
    }
    a.select_node(&Node::Iku(CodeRef::new("PUSAT", "P1")));
    update(&mut a, Action::FocusGrid);
    crate::support::tui_support::to_month(&mut a, 9);
    update(&mut a, Action::StartEdit);
    assert_eq!(
        a.editor().unwrap().buffer(),
        "1234.5",
        "editable, not grouped"
    );
    let s = screen(&mut a, 80, 23);
    assert!(s.contains("Terminal too small"), "{s}");
}
