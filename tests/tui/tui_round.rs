//! The month-end round in the TUI (issue 15, DOMAIN.md §11): the keys that submit, validate,
//! return (with a reason), close and reopen the month of the unit in view, from the tree and the
//! worklist; refusals with their reason in the user's language; the state marks of the tree and
//! the worklist's header; the days to the next deadline in the header; the analysis editor; the
//! evidence of an IKU-month attached by path through a real store.

use crate::support::tui_support::{app_from, dataset, lines, render, settings, to_month};

use chrono::NaiveDate;
use kinerja::domain::CodeRef;
use kinerja::domain::change::Change;
use kinerja::domain::round::{Action as Step, MonthState, Role};
use kinerja::domain::rulebook::Rulebook;
use kinerja::text::{Lang, set_thread_lang};
use kinerja::tui::App;
use kinerja::tui::action::{Action, Mode};
use kinerja::tui::app::{Node, Screen, Settings};
use kinerja::tui::deps::Keymap;
use kinerja::tui::update::{Effect, update};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

fn text(buf: &Buffer) -> String {
    lines(buf).join("\n")
}

/// Where `needle` starts on screen (row, column in cells).
fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let a = buf.area;
    let n: Vec<char> = needle.chars().collect();
    for y in 0..a.height {
        let row: Vec<String> = (0..a.width)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect();
        for x in 0..row.len() {
            if x + n.len() <= row.len()
                && (0..n.len()).all(|i| row[x + i].chars().eq(std::iter::once(n[i])))
            {
                return Some((x as u16, y));
            }
        }
    }
    None
}

fn app_on(today: (i32, u32, u32), ascii: bool, no_color: bool) -> App {
    let s = Settings {
        today: NaiveDate::from_ymd_opt(today.0, today.1, today.2).unwrap(),
        ..settings(ascii, no_color)
    };
    App::new(dataset(), Rulebook::default_rulebook(), s, None)
}

fn store_ok(app: &mut App, fx: Vec<Effect>) -> Change {
    let [Effect::Apply { changes, .. }] = fx.as_slice() else {
        panic!("one change stored: {fx:?} ({})", app.status());
    };
    let c = changes[0].clone();
    app.applied(Ok(()));
    c
}

/// What another client did, applied as the live updates apply it.
fn elsewhere(app: &mut App, unit: &str, month: u8, step: Step, reason: &str) {
    app.stored_elsewhere(&[Change::Transition {
        unit: unit.into(),
        month,
        action: step,
        role: step.natural_role(),
        reason: reason.into(),
    }])
    .unwrap();
}

fn type_text(app: &mut App, s: &str) {
    for c in s.chars() {
        assert!(update(app, Action::Insert(c)).is_empty());
    }
}

#[test]
fn every_round_key_is_bound_with_a_description_in_both_keymaps_and_in_the_help() {
    let keys = [
        ("S", Action::SubmitMonth),
        ("V", Action::ValidateMonth),
        ("R", Action::ReturnMonth),
        ("T", Action::CloseMonth),
        ("O", Action::ReopenMonth),
    ];
    for name in ["default", "vim"] {
        let km = Keymap::builtin(name).unwrap();
        for mode in [Mode::Tree, Mode::Grid, Mode::Worklist] {
            let mut all = keys.to_vec();
            if mode != Mode::Tree {
                all.push(("A", Action::Analysis));
                all.push(("D", Action::AttachEvidence));
            }
            for (k, action) in all {
                let b = km
                    .bindings(mode)
                    .iter()
                    .find(|b| b.action == action)
                    .unwrap_or_else(|| panic!("{name} {mode:?}: {action:?} unbound"));
                assert_eq!(b.text, k, "{name} {mode:?} {action:?}");
                assert!(!b.desc.is_empty(), "{name} {mode:?} {action:?} has a desc");
            }
        }
        for a in [
            Action::Commit,
            Action::Cancel,
            Action::NextField,
            Action::PrevField,
            Action::Newline,
            Action::Undo,
        ] {
            assert!(
                !km.keys_for(Mode::Analysis, &a).is_empty(),
                "{name} analysis {a:?}"
            );
        }
    }
    // the help lists them with their descriptions
    let a = app_from(dataset(), false, false);
    let help: String = kinerja::tui::ui::help::lines_for(&a, 120)
        .iter()
        .map(|l| l.to_string() + "\n")
        .collect();
    for s in [
        "Ajukan bulan ini",
        "Kembalikan bulan ini, dengan alasan",
        "Tetapkan (tutup) bulan ini",
        "Buka kembali bulan yang ditetapkan",
        "[ANALISIS]",
        "Simpan analisis",
    ] {
        assert!(help.contains(s), "{s} not in the help:\n{help}");
    }
}

#[test]
fn submit_from_the_tree_is_a_transition_and_marks_the_unit_row() {
    set_thread_lang(Lang::Id);
    let mut a = app_from(dataset(), false, false);
    a.select_node(&Node::Unit("KANWIL".into()));
    let month = a.period();
    let fx = update(&mut a, Action::SubmitMonth);
    assert!(a.is_storing(), "nothing else until the store answers");
    let c = store_ok(&mut a, fx);
    assert_eq!(
        c,
        Change::Transition {
            unit: "KANWIL".into(),
            month,
            action: Step::Submit,
            role: Role::Operator,
            reason: String::new(),
        }
    );
    assert_eq!(a.ds().month_state("KANWIL", month), MonthState::Diajukan);
    assert!(
        a.status().contains("KANWIL") && a.status().contains("diisi → diajukan"),
        "{}",
        a.status()
    );
    let buf = render(&mut a, 120, 40);
    let (x, y) = find(&buf, "↑ KANWIL").unwrap_or_else(|| panic!("{}", text(&buf)));
    assert_eq!(buf[(x, y)].fg, Color::Yellow, "submitted is drawn yellow");
    // a unit whose month is being filled has no mark
    assert!(find(&buf, "PUSAT").is_some() && find(&buf, "↑ PUSAT").is_none());
    // submitting again is refused at once, with the reason of the transition table
    let fx = update(&mut a, Action::SubmitMonth);
    assert!(fx.is_empty());
    assert!(a.status_is_error());
    assert!(
        a.status().contains("ditolak") && a.status().contains("diajukan"),
        "{}",
        a.status()
    );
    set_thread_lang(Lang::En);
    update(&mut a, Action::SubmitMonth);
    assert!(a.status().contains("refused"), "{}", a.status());
    set_thread_lang(Lang::Id);
}

#[test]
fn a_return_asks_for_its_reason_and_the_worklist_header_shows_it() {
    set_thread_lang(Lang::Id);
    let mut a = app_from(dataset(), false, false);
    a.select_node(&Node::Unit("KANWIL".into()));
    update(&mut a, Action::Worklist);
    let month = a.worklist().month;
    elsewhere(&mut a, "KANWIL", month, Step::Submit, "");
    let fx = update(&mut a, Action::ReturnMonth);
    assert!(fx.is_empty());
    assert!(matches!(a.screen(), Screen::RoundReason(_)));
    // no reason: asked again, nothing sent
    let fx = update(&mut a, Action::Commit);
    assert!(fx.is_empty() && a.status_is_error(), "{}", a.status());
    type_text(&mut a, "Angka IKU1 tidak sesuai data dukung");
    let fx = update(&mut a, Action::Commit);
    // a refusal of the store (the role) keeps the prompt and what was typed
    a.applied(Err("return ditolak: peran validator tidak dimiliki".into()));
    assert!(matches!(a.screen(), Screen::RoundReason(p) if p.input.text().starts_with("Angka")));
    assert!(a.status().contains("peran validator"), "{}", a.status());
    let [Effect::Apply { changes, .. }] = fx.as_slice() else {
        panic!("{fx:?}")
    };
    assert!(matches!(
        &changes[0],
        Change::Transition { action: Step::Return, role: Role::Validator, reason, .. }
            if reason == "Angka IKU1 tidak sesuai data dukung"
    ));
    let fx = update(&mut a, Action::Commit);
    store_ok(&mut a, fx);
    assert!(a.worklist_shown(), "back to the worklist");
    assert_eq!(
        a.ds().month_state("KANWIL", month),
        MonthState::Dikembalikan
    );
    let buf = render(&mut a, 120, 40);
    let s = text(&buf);
    assert!(s.contains("Status KANWIL"), "{s}");
    assert!(s.contains("dikembalikan"), "{s}");
    assert!(
        s.contains("Alasan: Angka IKU1 tidak sesuai data dukung"),
        "{s}"
    );
    let (x, y) = find(&buf, "↩ Status KANWIL").unwrap();
    assert_eq!(buf[(x, y)].fg, Color::Red, "returned is drawn red");
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
    // the worklist's footer lists the submit key
    assert!(s.contains("S Ajukan"), "{s}");
}

#[test]
fn validate_close_and_reopen_follow_the_table_and_a_closed_month_refuses_edits() {
    set_thread_lang(Lang::Id);
    let mut a = app_from(dataset(), false, false);
    a.select_node(&Node::Unit("KANWIL".into()));
    let m = a.period();
    // close before validation: refused with the states it is allowed from
    update(&mut a, Action::CloseMonth);
    assert!(a.status().contains("divalidasi"), "{}", a.status());
    elsewhere(&mut a, "KANWIL", m, Step::Submit, "");
    let fx = update(&mut a, Action::ValidateMonth);
    assert!(matches!(
        store_ok(&mut a, fx),
        Change::Transition {
            action: Step::Validate,
            role: Role::Validator,
            ..
        }
    ));
    let fx = update(&mut a, Action::CloseMonth);
    assert!(matches!(
        store_ok(&mut a, fx),
        Change::Transition {
            action: Step::Close,
            role: Role::Admin,
            ..
        }
    ));
    assert_eq!(a.ds().month_state("KANWIL", m), MonthState::Ditetapkan);
    let s = text(&render(&mut a, 120, 40));
    assert!(s.contains("■ KANWIL"), "{s}");
    // a closed month: no realisasi, no analysis, no evidence
    a.select_node(&Node::Iku(CodeRef::new("KANWIL", "IKU1")));
    update(&mut a, Action::FocusGrid);
    to_month(&mut a, m);
    update(&mut a, Action::StartEdit);
    assert!(
        a.editor().is_none() && a.status().contains("ditetapkan"),
        "{}",
        a.status()
    );
    update(&mut a, Action::Analysis);
    assert!(a.analysis_editor().is_none());
    assert!(a.status().contains("ditetapkan"), "{}", a.status());
    update(&mut a, Action::AttachEvidence);
    assert!(a.evidence_prompt().is_none());
    assert!(a.status().contains("ditetapkan"), "{}", a.status());
    // reopening needs a reason; from the grid it acts on the grid's month
    update(&mut a, Action::ReopenMonth);
    assert!(
        a.round_prompt()
            .is_some_and(|p| p.month == m && p.unit == "KANWIL")
    );
    type_text(&mut a, "salah tetap");
    let fx = update(&mut a, Action::Commit);
    assert!(matches!(
        store_ok(&mut a, fx),
        Change::Transition {
            action: Step::Reopen,
            role: Role::Admin,
            ..
        }
    ));
    assert_eq!(a.ds().month_state("KANWIL", m), MonthState::Dikembalikan);
    assert!(matches!(a.screen(), Screen::Grid));
}

#[test]
fn the_state_marks_are_in_the_legend_and_readable_in_ascii() {
    for (ascii, no_color) in [(false, false), (true, false), (false, true)] {
        let mut a = app_from(dataset(), ascii, no_color);
        let legend: Vec<String> = kinerja::tui::ui::help::lines_for(&a, 100)
            .iter()
            .map(|l| l.to_string())
            .collect();
        let at = legend.iter().position(|l| l.contains("Tanda")).unwrap();
        for s in [
            MonthState::Diajukan,
            MonthState::Divalidasi,
            MonthState::Dikembalikan,
            MonthState::Ditetapkan,
        ] {
            let m = a.theme().state_mark(s).unwrap();
            assert!(
                legend[at..]
                    .iter()
                    .any(|l| l.trim_start().starts_with(m) && l.contains(s.as_str())),
                "{m} ({s}) not in the legend:\n{}",
                legend.join("\n")
            );
        }
        let over = a.theme().overdue_mark();
        assert!(
            legend[at..]
                .iter()
                .any(|l| l.trim_start().starts_with(over))
        );
        if ascii {
            let p = a.period();
            elsewhere(&mut a, "KANWIL", p, Step::Submit, "");
            let s = text(&render(&mut a, 120, 40));
            assert!(s.contains("A KANWIL"), "{s}");
        }
    }
}

#[test]
fn the_header_shows_the_days_to_the_next_deadline_and_an_overdue_one_in_red() {
    set_thread_lang(Lang::Id);
    // 10 February 2025: January's entry is due on the 14th
    let mut a = app_on((2025, 2, 10), false, false);
    a.select_node(&Node::Unit("KANWIL".into()));
    let buf = render(&mut a, 120, 40);
    let header = text(&buf).lines().next().unwrap().to_string();
    assert!(header.contains("4 hr lagi"), "{header}");
    // with room, the long form
    let wide = text(&render(&mut a, 200, 40));
    let wide = wide.lines().next().unwrap();
    assert!(
        wide.contains("Tenggat pengisian Jan: 4 hari lagi"),
        "{wide}"
    );
    let (x, _) = find(&buf, "4 hr lagi").unwrap();
    assert_ne!(buf[(x, 0)].fg, Color::Red);
    // two days past it: overdue, red, with the mark
    for no_color in [false, true] {
        let mut a = app_on((2025, 2, 16), false, no_color);
        a.select_node(&Node::Unit("KANWIL".into()));
        let buf = render(&mut a, 120, 40);
        let header = text(&buf).lines().next().unwrap().to_string();
        assert!(
            header.contains("⚠ ") && header.contains("lewat 2 h"),
            "{header}"
        );
        let wide = text(&render(&mut a, 200, 40));
        let wide = wide.lines().next().unwrap();
        assert!(
            wide.contains("⚠ Tenggat pengisian Jan: lewat 2 hari"),
            "{wide}"
        );
        let (x, _) = find(&buf, "⚠").unwrap();
        let cell = &buf[(x, 0)];
        assert!(cell.modifier.contains(Modifier::BOLD), "{cell:?}");
        if no_color {
            assert_eq!(
                cell.fg,
                Color::Reset,
                "NO_COLOR: no colour, the mark and bold say it"
            );
        } else {
            assert_eq!(cell.fg, Color::Red);
        }
        // at 80 columns the short form, the path still whole
        let small = text(&render(&mut a, 80, 24));
        let head = small.lines().next().unwrap();
        assert!(head.contains("⚠ ") && head.contains("lewat 2 h"), "{head}");
        assert!(head.contains("/data/kinerja.db"), "{head}");
    }
    // once January is submitted the next deadline is its validation (the 23rd)
    let mut a = app_on((2025, 2, 16), false, false);
    a.select_node(&Node::Unit("KANWIL".into()));
    elsewhere(&mut a, "KANWIL", 1, Step::Submit, "");
    let header = text(&render(&mut a, 120, 40))
        .lines()
        .next()
        .unwrap()
        .to_string();
    assert!(header.contains("7 hr lagi"), "{header}");
    let wide = text(&render(&mut a, 200, 40));
    let wide = wide.lines().next().unwrap();
    assert!(wide.contains("Tenggat validasi Jan: 7 hari lagi"), "{wide}");
    set_thread_lang(Lang::En);
    let header = text(&render(&mut a, 200, 40))
        .lines()
        .next()
        .unwrap()
        .to_string();
    assert!(
        header.contains("validation deadline Jan: 7 days left"),
        "{header}"
    );
    set_thread_lang(Lang::Id);
}

#[test]
fn the_analysis_editor_saves_through_set_analysis_and_the_detail_shows_it() {
    set_thread_lang(Lang::Id);
    let mut a = app_from(dataset(), false, false);
    let key = CodeRef::new("KANWIL", "IKU1");
    a.select_node(&Node::Iku(key.clone()));
    update(&mut a, Action::FocusGrid);
    to_month(&mut a, 9);
    update(&mut a, Action::Analysis);
    assert_eq!(a.mode(), Mode::Analysis);
    type_text(&mut a, "Penerimaan turun");
    update(&mut a, Action::Newline);
    type_text(&mut a, "karena restitusi");
    update(&mut a, Action::NextField);
    type_text(&mut a, "Target triwulan terancam");
    update(&mut a, Action::NextField);
    update(&mut a, Action::NextField);
    type_text(&mut a, "Intensifikasi WP besar");
    update(&mut a, Action::NextField);
    type_text(&mut a, "Kabid P2");
    // Enter in a one-line field goes to the next field
    update(&mut a, Action::Newline);
    type_text(&mut a, "2025-11-31");
    // the editor draws over the screen, its field and cursor
    let s = text(&render(&mut a, 120, 40));
    assert!(s.contains("Analisis KANWIL/IKU1 Sep 2025"), "{s}");
    assert!(s.contains("karena restitusi"), "{s}");
    // not a date: refused, the editor stays
    let fx = update(&mut a, Action::Commit);
    assert!(fx.is_empty());
    assert!(a.analysis_editor().is_some());
    assert!(a.status().contains("2025-11-31"), "{}", a.status());
    update(&mut a, Action::Backspace);
    type_text(&mut a, "0");
    // typing is undone word by word
    type_text(&mut a, " x");
    update(&mut a, Action::Undo);
    update(&mut a, Action::Undo);
    let fx = update(&mut a, Action::Commit);
    let c = store_ok(&mut a, fx);
    let Change::SetAnalysis {
        iku,
        month,
        analysis: Some(an),
    } = c
    else {
        panic!("{c:?}")
    };
    assert_eq!((iku, month), (key.clone(), 9));
    assert_eq!(an.isu, "Penerimaan turun\nkarena restitusi");
    assert_eq!(an.implikasi, "Target triwulan terancam");
    assert_eq!(an.aksi, "");
    assert_eq!(an.rencana.what, "Intensifikasi WP besar");
    assert_eq!(an.rencana.who, "Kabid P2");
    assert_eq!(an.rencana.by, NaiveDate::from_ymd_opt(2025, 11, 30));
    assert!(matches!(a.screen(), Screen::Grid));
    assert_eq!(a.analysis_of(&key, 9), Some(&an));
    let s = text(&render(&mut a, 120, 40));
    assert!(s.contains("Analisis Sep"), "{s}");
    assert!(s.contains("Penerimaan turun karena restitusi"), "{s}");
    assert!(
        s.contains("Intensifikasi WP besar — Kabid P2, 2025-11-30"),
        "{s}"
    );
    // opened again it holds what was saved; Esc leaves it unchanged
    update(&mut a, Action::Analysis);
    assert_eq!(
        a.analysis_editor().unwrap().fields[0].text(),
        "Penerimaan turun\nkarena restitusi"
    );
    update(&mut a, Action::Cancel);
    assert!(matches!(a.screen(), Screen::Grid));
    // from the worklist, on the row's IKU-month
    update(&mut a, Action::Worklist);
    update(&mut a, Action::Analysis);
    let e = a
        .analysis_editor()
        .expect("the editor opens from the worklist");
    assert_eq!(e.month, a.worklist().month);
    update(&mut a, Action::Cancel);
    assert!(a.worklist_shown());
}

#[test]
fn another_clients_transition_is_told_with_its_reason() {
    set_thread_lang(Lang::Id);
    let mut a = app_from(dataset(), false, false);
    a.select_node(&Node::Unit("KANWIL".into()));
    let m = a.period();
    elsewhere(&mut a, "KANWIL", m, Step::Submit, "");
    let ev = kinerja::server::client::Incoming::Event(kinerja::server::proto::Event {
        seq: 1,
        year: 2025,
        user: "sari".into(),
        source: "tui".into(),
        changes: vec![Change::Transition {
            unit: "KANWIL".into(),
            month: m,
            action: Step::Return,
            role: Role::Validator,
            reason: "lampiran kurang".into(),
        }],
        audit: vec![],
        reload: false,
    });
    a.remote(ev);
    assert_eq!(a.ds().month_state("KANWIL", m), MonthState::Dikembalikan);
    assert!(
        a.status().contains("sari: KANWIL")
            && a.status().contains("diajukan → dikembalikan")
            && a.status().contains("Alasan: lampiran kurang"),
        "{}",
        a.status()
    );
}

mod with_a_store {
    use super::*;
    use kinerja::store::{Actor, AuditFilter, Store};
    use kinerja::tui::run::perform;

    fn type_text(app: &mut App, s: &str) {
        for c in s.chars() {
            update(app, Action::Insert(c));
        }
    }

    fn act(app: &mut App, store: &Store, a: Action) {
        let fx = update(app, a);
        perform(app, store, 2025, &Actor::new("budi"), None, fx);
    }

    fn open(dir: &std::path::Path) -> (Store, App) {
        let store = Store::open(&dir.join("db")).unwrap();
        store
            .import_dataset(&dataset(), false, &Actor::new("budi"), "test")
            .unwrap();
        let s = Settings {
            today: NaiveDate::from_ymd_opt(2025, 10, 15).unwrap(),
            ..Settings::new(store.path(), "budi")
        };
        let app = App::new(
            store.load_year(2025).unwrap(),
            Rulebook::default_rulebook(),
            s,
            None,
        );
        (store, app)
    }

    #[test]
    fn evidence_attached_by_path_is_stored_audited_and_counted_in_the_worklist_and_detail() {
        set_thread_lang(Lang::Id);
        let dir = tempfile::tempdir().unwrap();
        let (store, mut app) = open(dir.path());
        let file = dir.path().join("laporan-sep.pdf");
        std::fs::write(&file, b"%PDF-1.4 bukti penerimaan").unwrap();
        let key = CodeRef::new("KANWIL", "IKU1");
        app.select_node(&Node::Iku(key.clone()));
        act(&mut app, &store, Action::FocusGrid);
        to_month(&mut app, 9);
        act(&mut app, &store, Action::AttachEvidence);
        assert!(app.evidence_prompt().is_some());
        // an empty path is asked again
        act(&mut app, &store, Action::Commit);
        assert!(app.evidence_prompt().is_some() && app.status_is_error());
        // a directory is not a regular file: refused, nothing stored, the prompt stays
        type_text(&mut app, &dir.path().display().to_string());
        act(&mut app, &store, Action::Commit);
        assert!(app.evidence_prompt().is_some(), "{}", app.status());
        assert!(
            app.status().contains("tidak dilampirkan"),
            "{}",
            app.status()
        );
        assert!(store.load_year(2025).unwrap().round.is_empty());
        act(&mut app, &store, Action::Clear);
        type_text(&mut app, &file.display().to_string());
        act(&mut app, &store, Action::Commit);
        assert!(matches!(app.screen(), Screen::Grid), "{}", app.status());
        assert!(app.status().contains("laporan-sep.pdf"), "{}", app.status());
        // in the store, its bytes and its reference, audited
        let ds = store.load_year(2025).unwrap();
        let refs = ds.round["KANWIL"].evidence("IKU1", 9).to_vec();
        assert_eq!(refs.len(), 1);
        assert_eq!(refs[0].name, "laporan-sep.pdf");
        assert_eq!(
            store.get_evidence(&refs[0].sha256).unwrap().as_deref(),
            Some(&b"%PDF-1.4 bukti penerimaan"[..])
        );
        assert_eq!(app.evidence_of(&key, 9), refs.as_slice());
        let log = store.audit_log(&AuditFilter::default()).unwrap();
        assert!(
            log.iter()
                .any(|e| format!("{e:?}").contains("laporan-sep.pdf")),
            "{log:?}"
        );
        // the detail lists it, the worklist counts it
        let s = text(&render(&mut app, 120, 40));
        assert!(s.contains("Data dukung Sep: 1 berkas"), "{s}");
        assert!(s.contains("laporan-sep.pdf"), "{s}");
        act(&mut app, &store, Action::Worklist);
        while app.worklist().month > 9 {
            act(&mut app, &store, Action::Left);
        }
        let buf = render(&mut app, 120, 40);
        let s = text(&buf);
        let row = s
            .lines()
            .find(|l| l.contains("IKU1 "))
            .unwrap_or_else(|| panic!("{s}"));
        assert!(s.contains("Dukung"), "{s}");
        assert!(row.contains(" 1 "), "{row}");
    }

    #[test]
    fn a_transition_and_its_reason_are_stored_and_match_the_view() {
        set_thread_lang(Lang::Id);
        let dir = tempfile::tempdir().unwrap();
        let (store, mut app) = open(dir.path());
        app.select_node(&Node::Unit("KANWIL".into()));
        let m = app.period();
        act(&mut app, &store, Action::SubmitMonth);
        assert_eq!(
            store.load_year(2025).unwrap().month_state("KANWIL", m),
            MonthState::Diajukan
        );
        act(&mut app, &store, Action::ReturnMonth);
        type_text(&mut app, "cek ulang");
        act(&mut app, &store, Action::Commit);
        let ds = store.load_year(2025).unwrap();
        assert_eq!(ds.round["KANWIL"].month(m).reason, "cek ulang");
        assert_eq!(app.ds().round["KANWIL"], ds.round["KANWIL"]);
    }
}

#[test]
fn an_implausible_correction_in_a_submitted_month_asks_yes_then_its_reason() {
    set_thread_lang(Lang::Id);
    let mut a = app_from(dataset(), false, false);
    let key = CodeRef::new("KANWIL", "IKU1");
    elsewhere(&mut a, "KANWIL", 9, Step::Submit, "");
    a.select_node(&Node::Iku(key.clone()));
    update(&mut a, Action::FocusGrid);
    to_month(&mut a, 9);
    update(&mut a, Action::StartEdit);
    update(&mut a, Action::Clear);
    // the targets are 100 a month: 5.000 is far outside the trajectory
    type_text(&mut a, "5000");
    assert!(update(&mut a, Action::Commit).is_empty());
    assert!(
        matches!(a.screen(), Screen::ConfirmRealisasi(_)),
        "{:?}",
        a.screen()
    );
    // y does not bypass the round: the correction's reason is still asked
    assert!(update(&mut a, Action::Insert('y')).is_empty());
    assert!(
        matches!(a.screen(), Screen::CorrectionReason(_)),
        "{:?}",
        a.screen()
    );
    type_text(&mut a, "angka benar");
    let fx = update(&mut a, Action::Commit);
    let c = store_ok(&mut a, fx);
    assert_eq!(
        c,
        Change::CorrectRealisasi {
            iku: key.clone(),
            month: 9,
            value: Some(crate::support::tui_support::d("5000")),
            reason: "angka benar".into(),
        }
    );
    assert!(matches!(a.screen(), Screen::Grid), "{:?}", a.screen());
}

#[test]
fn a_correction_in_a_submitted_month_asks_for_its_reason_and_is_stored_with_it() {
    set_thread_lang(Lang::Id);
    let mut a = app_from(dataset(), false, false);
    let key = CodeRef::new("KANWIL", "IKU1");
    elsewhere(&mut a, "KANWIL", 9, Step::Submit, "");
    a.select_node(&Node::Iku(key.clone()));
    update(&mut a, Action::FocusGrid);
    to_month(&mut a, 9);
    // the editor opens on a submitted month; its value goes with a reason
    update(&mut a, Action::StartEdit);
    assert!(a.editor().is_some(), "{}", a.status());
    update(&mut a, Action::Clear);
    type_text(&mut a, "97");
    let fx = update(&mut a, Action::Commit);
    assert!(fx.is_empty());
    assert!(matches!(a.screen(), Screen::CorrectionReason(_)));
    let s = text(&render(&mut a, 120, 40));
    assert!(s.contains("Alasan koreksi IKU1 Sep → 97"), "{s}");
    // Esc goes back to the editor with the value typed
    update(&mut a, Action::Cancel);
    assert_eq!(a.editor().map(|e| e.buffer()), Some("97"));
    update(&mut a, Action::Commit);
    let fx = update(&mut a, Action::Commit);
    assert!(
        fx.is_empty() && a.status_is_error(),
        "an empty reason is asked again"
    );
    type_text(&mut a, "salah ketik");
    let fx = update(&mut a, Action::Commit);
    let c = store_ok(&mut a, fx);
    assert_eq!(
        c,
        Change::CorrectRealisasi {
            iku: key.clone(),
            month: 9,
            value: Some(crate::support::tui_support::d("97")),
            reason: "salah ketik".into(),
        }
    );
    assert!(matches!(a.screen(), Screen::Grid), "{:?}", a.screen());
    assert_eq!(a.status(), "Tersimpan");
    assert_eq!(
        a.ds().iku[&key].realisasi[8],
        Some(crate::support::tui_support::d("97"))
    );
    // a plain edit in a month being filled asks nothing
    to_month(&mut a, 10);
    update(&mut a, Action::StartEdit);
    type_text(&mut a, "5");
    let fx = update(&mut a, Action::Commit);
    assert!(matches!(
        fx.as_slice(),
        [Effect::Apply { changes, .. }] if matches!(changes[0], Change::SetRealisasi { .. })
    ));
}
