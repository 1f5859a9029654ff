//! The addendum of the Peta Strategi in the TUI (issue 16 point 1): on the map, `t` (or `x`) on
//! the cause SS, the cursor to the effect SS, `t` / Enter, the reason: one link added (removed)
//! through the store, audited with the TUI as its source and drawn; a cycle, the same SS or a
//! link that is not there is refused on the status line with nothing stored; Esc ends a pick.

use kinerja::domain::plan::PlanChange;
use kinerja::store::{Actor, AuditFilter, Store, StoreApi};
use kinerja::tui::action::{Action, Mode};
use kinerja::tui::app::peta::bands;
use kinerja::tui::app::{App, Node, Screen};
use kinerja::tui::keymap::parse_key;
use kinerja::tui::run::perform;
use kinerja::tui::update::{Effect, action_for_key, update};

use crate::support::tui_support::screen;
use crate::tui_plan_views::store_with_sample;

fn key(app: &mut App, store: &dyn StoreApi, k: &str) -> Vec<Effect> {
    let a = action_for_key(app, &parse_key(k).unwrap())
        .unwrap_or_else(|| panic!("{k} is bound in [{}]", app.mode().as_str()));
    let fx = update(app, a);
    perform(app, store, 2025, &Actor::new("budi"), None, fx.clone());
    fx
}

/// The map's cursor moved to an SS of DJKN with the arrow keys.
fn goto(app: &mut App, store: &Store, code: &str) {
    let b = bands(app.ds(), "DJKN");
    let at = |c: &str| {
        b.iter()
            .enumerate()
            .find_map(|(i, codes)| Some((i, codes.iter().position(|x| x == c)?)))
            .unwrap()
    };
    for _ in 0..20 {
        let cur = app.peta().cursor.clone();
        if cur == code {
            return;
        }
        let ((cb, ci), (tb, ti)) = (at(&cur), at(code));
        let k = if cb > tb {
            "<Up>"
        } else if cb < tb {
            "<Down>"
        } else if ci > ti {
            "<Left>"
        } else {
            "<Right>"
        };
        key(app, store, k);
    }
    panic!("cursor never reached {code}");
}

fn open_map_on(app: &mut App, ss: &str) {
    app.select_node(&Node::Ss(kinerja::domain::CodeRef::new("DJKN", ss)));
    update(app, Action::PetaStrategi);
    assert_eq!(app.screen(), &Screen::Peta);
    assert_eq!(app.peta().cursor, ss);
}

fn type_text(app: &mut App, s: &str) {
    for c in s.chars() {
        update(app, Action::Insert(c));
    }
}

fn has_link(store: &Store, from: &str, to: &str) -> bool {
    store.load_plans(2025).unwrap()["DJKN"]
        .links
        .iter()
        .any(|l| l.from == from && l.to == to)
}

#[test]
fn a_link_picked_on_the_map_with_a_reason_is_stored_audited_and_removed_again() {
    let dir = tempfile::tempdir().unwrap();
    let (store, mut app) = store_with_sample(dir.path());
    assert!(!has_link(&store, "SS-9", "SS-6"));
    open_map_on(&mut app, "SS-9");
    key(&mut app, &store, "t");
    assert!(
        app.status().contains("Tautan baru dari SS-9"),
        "{}",
        app.status()
    );
    goto(&mut app, &store, "SS-6");
    key(&mut app, &store, "<Enter>");
    assert!(
        matches!(app.screen(), Screen::LinkReason(_)),
        "{}",
        app.status()
    );
    assert_eq!(app.mode(), Mode::Edit);
    let text = screen(&mut app, 100, 30);
    assert!(
        text.contains("Alasan addendum Peta Strategi (+SS-9 → SS-6)"),
        "{text}"
    );
    // no reason: said in the prompt, nothing stored
    let fx = key(&mut app, &store, "<Enter>");
    assert!(fx.is_empty(), "{fx:?}");
    assert!(matches!(app.screen(), Screen::LinkReason(p) if p.input.error().is_some()));
    type_text(&mut app, "Penyesuaian renstra");
    let fx = key(&mut app, &store, "<Enter>");
    assert!(
        matches!(&fx[..], [Effect::ApplyPlan { changes, .. }]
            if matches!(&changes[..], [PlanChange::LinkAddendum { add, remove, .. }]
                if add.len() == 1 && remove.is_empty())),
        "{fx:?}"
    );
    assert_eq!(app.screen(), &Screen::Peta, "back on the map");
    assert!(app.status().starts_with("Tersimpan"), "{}", app.status());
    assert!(has_link(&store, "SS-9", "SS-6"));
    assert!(
        app.plans()["DJKN"]
            .links
            .iter()
            .any(|l| l.from == "SS-9" && l.to == "SS-6"),
        "the map has the stored plans"
    );
    let log = store.audit_log(&AuditFilter::default()).unwrap();
    assert!(
        log[0].what.contains("+SS-9→SS-6") && log[0].what.contains("Penyesuaian renstra"),
        "{:?}",
        log[0]
    );
    assert_eq!(
        (log[0].source.as_str(), log[0].user.as_str()),
        ("tui", "budi")
    );
    // and removed again with x
    goto(&mut app, &store, "SS-9");
    key(&mut app, &store, "x");
    assert!(
        app.status().contains("Hapus tautan dari SS-9"),
        "{}",
        app.status()
    );
    goto(&mut app, &store, "SS-6");
    key(&mut app, &store, "x");
    assert!(matches!(app.screen(), Screen::LinkReason(p) if p.remove));
    type_text(&mut app, "Dikembalikan");
    key(&mut app, &store, "<Enter>");
    assert!(!has_link(&store, "SS-9", "SS-6"));
    assert!(app.status().starts_with("Tersimpan"), "{}", app.status());
}

#[test]
fn a_cycle_the_same_ss_or_an_absent_link_is_refused_on_the_map_and_esc_ends_a_pick() {
    let dir = tempfile::tempdir().unwrap();
    let (store, mut app) = store_with_sample(dir.path());
    let before = store.load_plans(2025).unwrap();
    let audit = store.audit_log(&AuditFilter::default()).unwrap().len();
    // SS-1 → SS-8 closes SS-8 → SS-5 → SS-3 → SS-1
    open_map_on(&mut app, "SS-1");
    key(&mut app, &store, "t");
    goto(&mut app, &store, "SS-8");
    key(&mut app, &store, "t");
    assert_eq!(app.screen(), &Screen::Peta);
    assert!(
        app.status()
            .contains("siklus SS-1 → SS-8 → SS-5 → SS-3 → SS-1"),
        "{}",
        app.status()
    );
    // the same SS
    key(&mut app, &store, "t");
    key(&mut app, &store, "t");
    assert!(app.status().contains("dirinya sendiri"), "{}", app.status());
    // a link that is not there
    key(&mut app, &store, "x");
    goto(&mut app, &store, "SS-1");
    key(&mut app, &store, "<Enter>");
    assert!(
        app.status().contains("SS-8 → SS-1 tidak ada"),
        "{}",
        app.status()
    );
    // Esc ends a pick and stays on the map; Esc again leaves it
    key(&mut app, &store, "t");
    key(&mut app, &store, "<Esc>");
    assert_eq!(app.screen(), &Screen::Peta);
    assert!(app.peta().pending.is_none());
    assert!(app.status().contains("dibatalkan"), "{}", app.status());
    // Esc in the reason prompt: back to the map, nothing stored
    goto(&mut app, &store, "SS-9");
    key(&mut app, &store, "t");
    goto(&mut app, &store, "SS-6");
    key(&mut app, &store, "t");
    type_text(&mut app, "tidak jadi");
    key(&mut app, &store, "<Esc>");
    assert_eq!(app.screen(), &Screen::Peta);
    key(&mut app, &store, "<Esc>");
    assert_eq!(app.screen(), &Screen::Tree);
    assert_eq!(store.load_plans(2025).unwrap(), before);
    assert_eq!(
        store.audit_log(&AuditFilter::default()).unwrap().len(),
        audit
    );
}

#[test]
fn a_downward_link_is_saved_with_its_warning_on_the_status_line() {
    let dir = tempfile::tempdir().unwrap();
    let (store, mut app) = store_with_sample(dir.path());
    open_map_on(&mut app, "SS-2");
    key(&mut app, &store, "t");
    goto(&mut app, &store, "SS-1");
    key(&mut app, &store, "t");
    type_text(&mut app, "uji");
    key(&mut app, &store, "<Enter>");
    assert!(has_link(&store, "SS-2", "SS-1"));
    assert!(
        app.status().contains("peringatan") && app.status().contains("SS-2 → SS-1"),
        "{}",
        app.status()
    );
}

#[test]
fn both_keymaps_bind_the_link_keys_on_the_map_and_the_help_lists_them() {
    for name in ["default", "vim"] {
        let km = kinerja::tui::keymap::Keymap::builtin(name).unwrap();
        for a in [Action::PetaLink, Action::PetaUnlink] {
            let b = km
                .bindings(Mode::Peta)
                .iter()
                .find(|b| b.action == a)
                .unwrap_or_else(|| panic!("{name}: {a:?}"));
            assert!(b.desc.contains("Peta Strategi"), "{}", b.desc);
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let (_store, mut app) = store_with_sample(dir.path());
    open_map_on(&mut app, "SS-1");
    update(&mut app, Action::Help);
    let help: Vec<String> = kinerja::tui::ui::help::lines_for(&app, 120)
        .iter()
        .map(|l| l.to_string())
        .collect();
    assert!(
        help.iter()
            .any(|l| l.contains("Tautkan SS ini ke SS akibat (addendum Peta Strategi)")),
        "{help:?}"
    );
}
