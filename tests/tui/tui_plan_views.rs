//! Inisiatif Strategis under the IKU they serve (the tree's mark, the IKU pane's progress bars
//! and findings, progress entered by keyboard through the store — audited, refused by a
//! served store with the role's reason, live in the other TUIs) and the Rincian Anggaran in
//! the unit's pane (issue 16).

use std::path::Path;

use kinerja::domain::CodeRef;
use kinerja::domain::plan::PlanChange;
use kinerja::domain::rulebook::Rulebook;
use kinerja::store::{Actor, AuditFilter, Store, StoreApi};
use kinerja::tui::action::Action;
use kinerja::tui::app::live::Remote;
use kinerja::tui::app::{App, Node, Screen, Settings};
use kinerja::tui::run::{load_whole, perform};
use kinerja::tui::update::{Effect, update};
use ratatui::style::Modifier;

use crate::support::tui_support::{lines, render, screen};
use crate::tui_peta::{sample, sample_app};

fn djkn(code: &str) -> CodeRef {
    CodeRef::new("DJKN", code)
}

/// The grid of an IKU open.
fn open_grid(app: &mut App, iku: &CodeRef) {
    app.select_node(&Node::Iku(iku.clone()));
    update(app, Action::FocusGrid);
    assert_eq!(app.screen(), &Screen::Grid);
}

fn type_text(app: &mut App, s: &str) {
    for c in s.chars() {
        update(app, Action::Insert(c));
    }
}

/// A store in this process holding the sample and its plans, and a view of it.
pub fn store_with_sample(dir: &Path) -> (Store, App) {
    let store = Store::open(&dir.join("db")).unwrap();
    let (ds, plans) = sample();
    let who = Actor::new("budi");
    store.import_dataset(&ds, false, &who, "test").unwrap();
    store
        .import_plans(2025, &plans, false, &who, "test")
        .unwrap();
    let mut app = App::new(
        store.load_year(2025).unwrap(),
        Rulebook::default_rulebook(),
        Settings::new(store.path(), "budi"),
        None,
    );
    app.set_plans(store.load_plans(2025).unwrap());
    (store, app)
}

fn act(app: &mut App, store: &dyn StoreApi, a: Action) {
    let fx = update(app, a);
    perform(app, store, 2025, &Actor::new("budi"), None, fx);
}

/// The tree row of an IKU on screen.
fn tree_row(app: &mut App, code: &str) -> (u16, String) {
    let buf = render(app, 120, 40);
    // the tree pane: the left two fifths
    let rows: Vec<String> = lines(&buf)
        .into_iter()
        .map(|r| r.chars().take(48).collect())
        .collect();
    let y = rows
        .iter()
        .position(|r| r.contains(&format!(" {code} ")))
        .unwrap_or_else(|| panic!("no row {code}:\n{}", rows.join("\n")));
    (y as u16, rows[y].clone())
}

#[test]
fn an_iku_served_by_an_is_has_its_mark_in_the_tree_and_its_progress_under_the_grid() {
    let mut app = sample_app(false, false);
    app.select_node(&Node::Iku(djkn("4a-N")));
    let (_, row) = tree_row(&mut app, "4a-N");
    assert!(row.contains("◆ 4a-N"), "{row}");
    // an IKU no IS serves has no mark
    app.select_node(&Node::Iku(djkn("2b-N")));
    let (_, row) = tree_row(&mut app, "2b-N");
    assert!(!row.contains('◆'), "{row}");
    // IS-02 serves 4a-N: 72 % realised of 70 % planned at September, its bar 14 of 20 cells
    open_grid(&mut app, &djkn("4a-N"));
    for (w, h, cells) in [(80, 24, 10), (200, 60, 20)] {
        let text = screen(&mut app, w, h);
        assert!(text.contains("Inisiatif Strategis · s.d. Sep"), "{text}");
        let line = text
            .lines()
            .find(|l| l.contains("IS-02 ["))
            .unwrap_or_else(|| panic!("{text}"));
        let full = cells * 72 / 100;
        let want = format!("IS-02 [{}{}]", "█".repeat(full), "░".repeat(cells - full));
        assert!(line.contains(&want), "{want} in {line}");
        // (wrapped in the narrow pane)
        let want = if w > 100 {
            "72,00 % dari rencana 70,00 %"
        } else {
            "72,00 % dari rencana"
        };
        assert!(line.contains(want), "{line}");
    }
    // the period moves the plan and the realised with it: June, 41 of 40
    update(&mut app, Action::PrevPeriod);
    update(&mut app, Action::PrevPeriod);
    update(&mut app, Action::PrevPeriod);
    let text = screen(&mut app, 200, 60);
    assert!(text.contains("41,00 % dari rencana 40,00 %"), "{text}");
}

#[test]
fn progress_typed_for_an_is_is_stored_audited_and_its_findings_follow() {
    let dir = tempfile::tempdir().unwrap();
    let (store, mut app) = store_with_sample(dir.path());
    open_grid(&mut app, &djkn("4a-N"));
    act(&mut app, &store, Action::IsProgress);
    let Screen::IsProgress(p) = app.screen() else {
        panic!("{:?}", app.screen());
    };
    assert_eq!((p.is.as_str(), p.month), ("IS-02", 9));
    assert_eq!(p.input.text(), "72", "the stored value to start from");
    let text = screen(&mut app, 100, 30);
    assert!(text.contains("Progres IS-02 s.d. Sep (%): 72"), "{text}");
    // not a percentage: said in the prompt, nothing stored
    type_text(&mut app, "abc");
    let fx = update(&mut app, Action::Commit);
    assert!(fx.is_empty(), "{fx:?}");
    assert!(matches!(app.screen(), Screen::IsProgress(p) if p.input.error().is_some()));
    update(&mut app, Action::Clear);
    type_text(&mut app, "150");
    assert!(update(&mut app, Action::Commit).is_empty());
    let Screen::IsProgress(p) = app.screen() else {
        panic!()
    };
    assert!(p.input.error().unwrap().contains("0 sampai 100"), "{p:?}");
    // 30 %: stored through the plan change, audited with the TUI as its source
    update(&mut app, Action::Clear);
    type_text(&mut app, "30");
    let fx = update(&mut app, Action::Commit);
    assert!(
        matches!(&fx[..], [Effect::ApplyPlan { changes, .. }] if matches!(&changes[..],
            [PlanChange::SetProgress { is, month: 9, realised, .. }] if is == "IS-02"
                && realised.0 == rust_decimal::Decimal::from(30))),
        "{fx:?}"
    );
    perform(&mut app, &store, 2025, &Actor::new("budi"), None, fx);
    assert_eq!(app.screen(), &Screen::Grid);
    assert!(app.status().starts_with("Tersimpan"), "{}", app.status());
    let stored = store.load_plans(2025).unwrap();
    assert_eq!(
        stored["DJKN"].is("IS-02").unwrap().realised[&9].0,
        rust_decimal::Decimal::from(30)
    );
    let log = store.audit_log(&AuditFilter::default()).unwrap();
    let last = log
        .iter()
        .find(|e| e.what.starts_with("inisiatif"))
        .unwrap();
    assert_eq!(last.what, "inisiatif IS-02 progress 09");
    assert_eq!(
        (
            last.old.as_deref(),
            last.new.as_deref(),
            last.source.as_str()
        ),
        (Some("72"), Some("30"), "tui")
    );
    assert_eq!(last.user, "budi");
    // behind its trajectory now: the finding under the grid, the tree's mark in the error style
    let text = screen(&mut app, 200, 60);
    assert!(
        text.contains("! IS-02 tertinggal: 30,00 % dari rencana 70,00 %"),
        "{text}"
    );
    update(&mut app, Action::FocusTree);
    let buf = render(&mut app, 120, 40);
    let rows = lines(&buf);
    let y = rows.iter().position(|r| r.contains("◆ 4a-N")).unwrap();
    let x = rows[y].chars().position(|c| c == '◆').unwrap() as u16;
    assert_eq!(buf[(x, y as u16)].style().fg, app.theme().error.fg);
    assert!(buf[(x, y as u16)].modifier.contains(Modifier::BOLD));
}

#[test]
fn tab_in_the_progress_prompt_goes_to_the_next_is_of_the_iku_and_esc_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (store, mut app) = store_with_sample(dir.path());
    // 1a-N of DJKN is served by IS-01 only; 4b-N by IS-02 only; a second IS on 4b-N
    let mut plan = app.plans()["DJKN"].clone();
    let mut extra = plan.is("IS-01").unwrap().clone();
    extra.code = "IS-09".into();
    extra.iku = vec!["4b-N".into()];
    plan.inisiatif.push(extra.clone());
    store
        .apply_plan(
            2025,
            &[PlanChange::PutInisiatif {
                unit: "DJKN".into(),
                is: extra,
            }],
            &Actor::new("budi"),
            "test",
        )
        .unwrap();
    app.set_plans(store.load_plans(2025).unwrap());
    open_grid(&mut app, &djkn("4b-N"));
    act(&mut app, &store, Action::IsProgress);
    assert!(matches!(app.screen(), Screen::IsProgress(p) if p.is == "IS-02"));
    act(&mut app, &store, Action::CommitNext);
    assert!(matches!(app.screen(), Screen::IsProgress(p) if p.is == "IS-09"));
    let before = store.audit_log(&AuditFilter::default()).unwrap().len();
    update(&mut app, Action::Clear);
    type_text(&mut app, "5");
    act(&mut app, &store, Action::Cancel);
    assert_eq!(app.screen(), &Screen::Grid);
    assert_eq!(
        store.audit_log(&AuditFilter::default()).unwrap().len(),
        before
    );
    // an IKU no IS serves says so
    app.select_node(&Node::Iku(djkn("2b-N")));
    update(&mut app, Action::IsProgress);
    assert!(app.status().contains("2b-N"), "{}", app.status());
    assert!(matches!(app.screen(), Screen::Grid | Screen::Tree));
}

#[test]
fn a_served_store_refuses_progress_without_the_operator_role_and_tells_the_others_live() {
    use crate::support::cli_support::{kinerja, me, stderr, wait_server_gone};
    use crate::support::server_support::{client, sample_store};
    let home = tempfile::tempdir().unwrap();
    let store = sample_store(home.path());
    let me = me();
    for args in [
        &["access", "grant", "kepala", "admin"][..],
        &[
            "access",
            "grant",
            &me,
            "operator",
            "--unit",
            "KPKNL-PONTIANAK",
        ],
        &["access", "revoke", &me, "admin"],
    ] {
        let o = kinerja(&store, args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    }
    {
        let a = client(&store, "tui", true);
        let b = client(&store, "tui", true);
        let b_events = b.take_events().unwrap();
        let open = |c: &kinerja::server::Client| {
            let (ds, plans) = load_whole(c, 2025).unwrap();
            let mut app = App::new(
                ds,
                Rulebook::default_rulebook(),
                Settings::new(&store, "budi"),
                None,
            );
            app.set_plans(plans);
            app
        };
        let mut app = open(&a);
        let mut other = open(&b);
        // DJKN is not this user's unit: refused with the role it needs and who to ask
        open_grid(&mut app, &djkn("4a-N"));
        act(&mut app, &a, Action::IsProgress);
        update(&mut app, Action::Clear);
        type_text(&mut app, "80");
        act(&mut app, &a, Action::Commit);
        assert!(app.status_is_error(), "{}", app.status());
        assert!(
            app.status().contains("operator") && app.status().contains("kepala"),
            "{}",
            app.status()
        );
        let is = |app: &App, unit: &str, code: &str| {
            app.plans()[unit]
                .is(code)
                .unwrap()
                .realised
                .get(&9)
                .map(|v| v.0)
        };
        assert_eq!(
            is(&app, "DJKN", "IS-02"),
            Some(rust_decimal::Decimal::from(72))
        );
        // Pontianak's IS: stored, and the other TUI is told to load the plans again
        let pontianak = app.plans()["KPKNL-PONTIANAK"].inisiatif[0].clone();
        let iku = CodeRef::new("KPKNL-PONTIANAK", &pontianak.iku[0]);
        update(&mut app, Action::FocusTree);
        open_grid(&mut app, &iku);
        act(&mut app, &a, Action::IsProgress);
        let code = match app.screen() {
            Screen::IsProgress(p) => p.is.clone(),
            s => panic!("{s:?}"),
        };
        update(&mut app, Action::Clear);
        type_text(&mut app, "99");
        act(&mut app, &a, Action::Commit);
        assert!(!app.status_is_error(), "{}", app.status());
        assert_eq!(
            is(&app, "KPKNL-PONTIANAK", &code),
            Some(rust_decimal::Decimal::from(99))
        );
        let got = loop {
            let m = b_events
                .recv_timeout(std::time::Duration::from_secs(60))
                .expect("the event of the plan change");
            if let r @ Remote::Reload = other.remote(m) {
                break r;
            }
        };
        assert_eq!(got, Remote::Reload);
        let (ds, plans) = load_whole(&b, 2025).unwrap();
        other.take_whole_year(ds);
        other.set_plans(plans);
        assert_eq!(
            is(&other, "KPKNL-PONTIANAK", &code),
            Some(rust_decimal::Decimal::from(99))
        );
        open_grid(&mut other, &iku);
        let text = screen(&mut other, 200, 60);
        assert!(text.contains("99,00 % dari rencana"), "{text}");
    }
    wait_server_gone(&store);
}

#[test]
fn the_unit_pane_shows_the_rincian_anggaran_absorption_per_line_and_in_total_with_a_sparkline() {
    let mut app = sample_app(false, false);
    app.select_node(&Node::Unit("DJKN".into()));
    let plan = app.plans()["DJKN"].clone();
    let loc = app.locale();
    let f2 = |d: rust_decimal::Decimal| kinerja::tui::deps::format_decimal(d, loc, 2);
    let ex = |d: rust_decimal::Decimal| kinerja::tui::deps::format_exact(d, loc);
    for period in [9u8, 8] {
        let text = screen(&mut app, 200, 80);
        assert!(
            text.contains(&format!(
                "Rincian Anggaran · penyerapan s.d. {}",
                kinerja::text::tui::month_name(period)
            )),
            "{text}"
        );
        let total = plan.absorption(period);
        let want = format!(
            "Jumlah: pagu {} · realisasi {} · {} % (rencana {} %)",
            ex(total.pagu),
            ex(total.realisasi),
            f2(total.realised_pct().unwrap()),
            f2(total.planned_pct().unwrap())
        );
        assert!(text.contains(&want), "{want}\n{text}");
        for l in &plan.anggaran {
            let a = l.absorption(period);
            let want = format!(
                "pagu {} · realisasi {} · {} % (rencana {} %)",
                ex(a.pagu),
                ex(a.realisasi),
                f2(a.realised_pct().unwrap()),
                f2(a.planned_pct().unwrap())
            );
            assert!(text.contains(&want), "{want}\n{text}");
            // the sparkline of its monthly absorption before its code: nine months of
            // realisasi, then blanks
            let row = text
                .lines()
                .find(|r| r.contains(&format!(" {} ", l.code)))
                .unwrap();
            let spark: String = row
                .chars()
                .skip_while(|c| !"▁▂▃▄▅▆▇█".contains(*c))
                .take(12)
                .collect();
            assert_eq!(
                spark.chars().filter(|c| "▁▂▃▄▅▆▇█".contains(*c)).count(),
                l.realisasi.len(),
                "{row}"
            );
        }
        update(&mut app, Action::PrevPeriod);
    }
    // ASCII: the sparkline in ASCII bars
    let mut app = sample_app(true, false);
    app.select_node(&Node::Unit("DJKN".into()));
    let text = screen(&mut app, 200, 80);
    assert!(text.is_ascii());
    assert!(text.contains("Rincian Anggaran"), "{text}");
}

/// The real binary in tmux: the map opens on `p` and Enter goes back into the tree; an IS's
/// progress set by `kinerja inisiatif set` while the TUI is open reaches its IKU pane without a
/// key (the server's reload carries the plans too).
#[test]
fn in_the_real_terminal_the_map_opens_and_a_plan_change_elsewhere_shows_live() {
    use crate::support::tmux_support::{Tmux, cli, have_tmux};
    if !have_tmux() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let t = Tmux::new(home.path(), "plan");
    t.start(&[]);
    t.wait_for("KEMENKEU");
    t.keys(&["/"]);
    t.text("outstanding piutang");
    t.keys(&["Enter"]);
    t.wait_for("◆ 4a-N");
    t.keys(&["Tab"]);
    let s = t.wait_for("Inisiatif Strategis · s.d. Sep");
    assert!(s.contains("IS-02 ["), "{s}");
    let o = cli(
        home.path(),
        &["inisiatif", "set", "DJKN", "IS-02", "2025-09", "10"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let s = t.wait_for("10,00 % dari rencana 70,00 %");
    assert!(s.contains("IS-02 tertinggal"), "{s}");
    // the map of the IKU's unit, on the IKU's SS; up to the SS above it (SS-2), Enter selects
    // it in the tree
    t.keys(&["p"]);
    let s = t.wait_for("Peta Strategi · DJKN");
    assert!(s.contains("▶ SS-4"), "{s}");
    t.keys(&["Up", "Enter"]);
    let s = t.wait_for("POHON");
    assert!(
        s.lines()
            .any(|l| l.starts_with("│▶") && l.contains("SS-2 ")),
        "{s}"
    );
    t.keys(&["q"]);
    t.wait_gone();
}

/// Presses a key as the keymap of the moment reads it, then performs the effects on `store`.
fn key(app: &mut App, store: &dyn StoreApi, k: &str) {
    let a = kinerja::tui::update::action_for_key(app, &kinerja::tui::keymap::parse_key(k).unwrap())
        .unwrap_or_else(|| panic!("{k} is bound in [{}]", app.mode().as_str()));
    act(app, store, a);
}

#[test]
fn budget_realisasi_typed_on_a_unit_is_stored_audited_and_tab_goes_to_the_next_line() {
    let dir = tempfile::tempdir().unwrap();
    let (store, mut app) = store_with_sample(dir.path());
    app.select_node(&Node::Unit("DJKN".into()));
    key(&mut app, &store, "b");
    let Screen::BudgetRealisasi(p) = app.screen() else {
        panic!("{:?} {}", app.screen(), app.status());
    };
    assert_eq!((p.line.as_str(), p.month), ("015.07.CF.4255.QMA", 9));
    assert_eq!(
        p.input.text(),
        "1681650000",
        "the stored value to start from"
    );
    let text = screen(&mut app, 120, 30);
    assert!(
        text.contains("Realisasi anggaran 015.07.CF.4255.QMA bulan Sep (Rp"),
        "{text}"
    );
    // not an amount, a negative one: said in the prompt, nothing stored
    let before = store.audit_log(&AuditFilter::default()).unwrap().len();
    update(&mut app, Action::Clear);
    type_text(&mut app, "abc");
    assert!(update(&mut app, Action::Commit).is_empty());
    assert!(matches!(app.screen(), Screen::BudgetRealisasi(p) if p.input.error().is_some()));
    update(&mut app, Action::Clear);
    type_text(&mut app, "-5");
    assert!(update(&mut app, Action::Commit).is_empty());
    let Screen::BudgetRealisasi(p) = app.screen() else {
        panic!()
    };
    assert!(p.input.error().unwrap().contains("negatif"), "{p:?}");
    assert_eq!(
        store.audit_log(&AuditFilter::default()).unwrap().len(),
        before
    );
    // 1.500.000.000 in the locale: stored, audited with the TUI as its source
    update(&mut app, Action::Clear);
    type_text(&mut app, "1.500.000.000");
    key(&mut app, &store, "<Enter>");
    assert_eq!(app.screen(), &Screen::Tree);
    assert!(app.status().starts_with("Tersimpan"), "{}", app.status());
    let line = |store: &Store, code: &str| {
        store.load_plans(2025).unwrap()["DJKN"]
            .line(code)
            .unwrap()
            .clone()
    };
    assert_eq!(
        line(&store, "015.07.CF.4255.QMA").realisasi[&9].0,
        rust_decimal::Decimal::from(1_500_000_000i64)
    );
    let log = store.audit_log(&AuditFilter::default()).unwrap();
    assert_eq!(log[0].what, "anggaran 015.07.CF.4255.QMA realisasi 09");
    assert_eq!(
        (
            log[0].old.as_deref(),
            log[0].new.as_deref(),
            log[0].source.as_str()
        ),
        (Some("1681650000"), Some("1500000000"), "tui")
    );
    // Tab on an untouched prompt only moves to the next line; an empty entry clears the month
    key(&mut app, &store, "b");
    key(&mut app, &store, "<Tab>");
    let Screen::BudgetRealisasi(p) = app.screen() else {
        panic!()
    };
    assert_eq!(p.line, "015.07.CF.4256.QMB");
    assert_eq!(
        store.audit_log(&AuditFilter::default()).unwrap().len(),
        log.len()
    );
    update(&mut app, Action::Clear);
    key(&mut app, &store, "<Enter>");
    assert!(
        !line(&store, "015.07.CF.4256.QMB")
            .realisasi
            .contains_key(&9)
    );
    // Esc stores nothing; a unit without lines says so
    key(&mut app, &store, "b");
    type_text(&mut app, "7");
    key(&mut app, &store, "<Esc>");
    assert_eq!(app.screen(), &Screen::Tree);
    app.set_plans(Default::default());
    key(&mut app, &store, "b");
    assert_eq!(app.screen(), &Screen::Tree);
    assert!(
        app.status().contains("belum punya baris Rincian Anggaran"),
        "{}",
        app.status()
    );
}

#[test]
fn both_keymaps_bind_the_budget_realisasi_key_in_the_tree_and_the_help_lists_it() {
    for name in ["default", "vim"] {
        let km = kinerja::tui::keymap::Keymap::builtin(name).unwrap();
        let b = km
            .bindings(kinerja::tui::action::Mode::Tree)
            .iter()
            .find(|b| b.action == Action::BudgetRealisasi)
            .unwrap_or_else(|| panic!("{name}"));
        assert!(b.desc.contains("Rincian Anggaran"), "{}", b.desc);
    }
    let mut app = sample_app(false, false);
    update(&mut app, Action::Help);
    let help: Vec<String> = kinerja::tui::ui::help::lines_for(&app, 120)
        .iter()
        .map(|l| l.to_string())
        .collect();
    assert!(
        help.iter()
            .any(|l| l.contains("Isi realisasi Rincian Anggaran unit ini (Rp)")),
        "{help:?}"
    );
}

#[test]
fn the_plan_of_an_is_is_edited_field_by_field_checked_and_stored_keeping_its_progress() {
    let dir = tempfile::tempdir().unwrap();
    let (store, mut app) = store_with_sample(dir.path());
    open_grid(&mut app, &djkn("4a-N"));
    key(&mut app, &store, "P");
    let Screen::IsPlan(e) = app.screen() else {
        panic!("{:?} {}", app.screen(), app.status());
    };
    assert_eq!(e.is, "IS-02");
    let texts: Vec<&str> = e.fields.iter().map(|f| f.text()).collect();
    assert_eq!(texts[4..], ["2", "11", "3:10 6:40 9:70 11:100"]);
    let text = screen(&mut app, 120, 40);
    assert!(
        text.contains("Rencana Inisiatif Strategis IS-02 · unit DJKN"),
        "{text}"
    );
    assert!(
        text.contains("Trajectory rencana (bulan:%)") && text.contains("3:10 6:40 9:70 11:100")
    );
    // a new name; Tab to the end month: one before the start is refused on its field
    update(&mut app, Action::Clear);
    type_text(&mut app, "Crash program piutang negara 2025");
    for _ in 0..5 {
        key(&mut app, &store, "<Tab>");
    }
    update(&mut app, Action::Clear);
    type_text(&mut app, "1");
    let before = store.audit_log(&AuditFilter::default()).unwrap().len();
    key(&mut app, &store, "<Enter>");
    let Screen::IsPlan(e) = app.screen() else {
        panic!()
    };
    assert_eq!(e.at, 5);
    assert!(
        e.error.as_deref().unwrap().contains("sebelum bulan mulai"),
        "{e:?}"
    );
    // a trajectory that falls, then one outside the period, then a good one
    update(&mut app, Action::Clear);
    type_text(&mut app, "11");
    key(&mut app, &store, "<Tab>");
    for (bad, why) in [
        ("3:50 6:40", "turun di bulan 6"),
        ("1:5 11:100", "bulan 1 di luar masa 2-11"),
        ("3:abc", "bukan bulan:%"),
    ] {
        update(&mut app, Action::Clear);
        type_text(&mut app, bad);
        key(&mut app, &store, "<Enter>");
        let Screen::IsPlan(e) = app.screen() else {
            panic!()
        };
        assert!(e.error.as_deref().unwrap().contains(why), "{bad}: {e:?}");
        assert_eq!(e.at, 6);
    }
    assert_eq!(
        store.audit_log(&AuditFilter::default()).unwrap().len(),
        before,
        "nothing stored"
    );
    update(&mut app, Action::Clear);
    type_text(&mut app, "3:15 6:40 9:80 11:100");
    key(&mut app, &store, "<Enter>");
    assert_eq!(app.screen(), &Screen::Grid);
    assert!(app.status().starts_with("Tersimpan"), "{}", app.status());
    let is = store.load_plans(2025).unwrap()["DJKN"]
        .is("IS-02")
        .unwrap()
        .clone();
    assert_eq!(is.name, "Crash program piutang negara 2025");
    assert_eq!(is.planned[&3].0, rust_decimal::Decimal::from(15));
    assert_eq!(
        is.realised[&9].0,
        rust_decimal::Decimal::from(72),
        "progress kept"
    );
    let log = store.audit_log(&AuditFilter::default()).unwrap();
    assert_eq!(log[0].what, "inisiatif IS-02");
    assert_eq!(
        log[0].new.as_deref(),
        Some("Crash program piutang negara 2025")
    );
    assert_eq!(log[0].source, "tui");
    // behind now (72 of 80 planned at September): the finding follows
    let text = screen(&mut app, 200, 60);
    assert!(
        text.contains("IS-02 tertinggal: 72,00 % dari rencana 80,00 %"),
        "{text}"
    );
    // Esc stores nothing
    key(&mut app, &store, "P");
    update(&mut app, Action::Clear);
    key(&mut app, &store, "<Esc>");
    assert_eq!(app.screen(), &Screen::Grid);
    assert_eq!(
        store.audit_log(&AuditFilter::default()).unwrap().len(),
        log.len()
    );
}

#[test]
fn both_keymaps_bind_the_is_plan_key_in_the_grid() {
    for name in ["default", "vim"] {
        let km = kinerja::tui::keymap::Keymap::builtin(name).unwrap();
        let b = km
            .bindings(kinerja::tui::action::Mode::Grid)
            .iter()
            .find(|b| b.action == Action::IsPlan)
            .unwrap_or_else(|| panic!("{name}"));
        assert!(b.desc.contains("rencana Inisiatif Strategis"), "{}", b.desc);
    }
}

#[test]
fn p_again_on_the_same_iku_edits_its_next_is_and_the_editor_says_its_keys() {
    let dir = tempfile::tempdir().unwrap();
    let (store, mut app) = store_with_sample(dir.path());
    // a second IS on 4b-N (IS-02 serves it already)
    let mut extra = app.plans()["DJKN"].is("IS-01").unwrap().clone();
    extra.code = "IS-09".into();
    extra.iku = vec!["4b-N".into()];
    store
        .apply_plan(
            2025,
            &[PlanChange::PutInisiatif {
                unit: "DJKN".into(),
                is: extra,
            }],
            &Actor::new("budi"),
            "test",
        )
        .unwrap();
    app.set_plans(store.load_plans(2025).unwrap());
    open_grid(&mut app, &djkn("4b-N"));
    let mut seen = Vec::new();
    for _ in 0..3 {
        key(&mut app, &store, "P");
        let Screen::IsPlan(e) = app.screen() else {
            panic!("{:?}", app.screen());
        };
        let (is, of) = (e.is.clone(), e.of);
        seen.push((is.clone(), of));
        let text = screen(&mut app, 120, 40);
        assert!(
            text.contains(&format!(
                "{} ({} dari 2 IS IKU ini; P lagi: IS berikutnya)",
                is, of.0
            )),
            "{text}"
        );
        assert!(
            text.contains(
                "Tab / S-Tab: kolom berikutnya / sebelumnya · Enter: simpan · Esc: batal"
            ),
            "{text}"
        );
        key(&mut app, &store, "<Esc>");
    }
    assert_eq!(
        seen,
        [
            ("IS-02".to_string(), (1, 2)),
            ("IS-09".to_string(), (2, 2)),
            ("IS-02".to_string(), (1, 2))
        ]
    );
}

#[test]
fn the_new_prompts_and_the_is_plan_editor_speak_english_with_lang_en() {
    use kinerja::text::{Lang, set_thread_lang};
    set_thread_lang(Lang::En);
    let dir = tempfile::tempdir().unwrap();
    let (store, app) = store_with_sample(dir.path());
    let plans = app.plans().clone();
    drop(app);
    let settings = Settings {
        lang: Lang::En,
        ..Settings::new(store.path(), "budi")
    };
    let mut app = App::new(
        store.load_year(2025).unwrap(),
        Rulebook::default_rulebook(),
        settings,
        None,
    );
    app.set_plans(plans);
    app.select_node(&Node::Unit("DJKN".into()));
    key(&mut app, &store, "b");
    let text = screen(&mut app, 120, 30);
    assert!(
        text.contains("Budget realisasi of 015.07.CF.4255.QMA in Sep (Rp, empty clears)"),
        "{text}"
    );
    key(&mut app, &store, "<Esc>");
    open_grid(&mut app, &djkn("4a-N"));
    key(&mut app, &store, "P");
    let text = screen(&mut app, 120, 40);
    for want in [
        "Plan of Inisiatif Strategis IS-02 · unit DJKN",
        "Planned trajectory (month:%)",
        "Person in charge",
        "Tab / S-Tab: next / previous field · Enter: save · Esc: cancel",
    ] {
        assert!(text.contains(want), "{want}:\n{text}");
    }
    key(&mut app, &store, "<Esc>");
    app.select_node(&Node::Ss(djkn("SS-9")));
    update(&mut app, Action::PetaStrategi);
    key(&mut app, &store, "t");
    assert!(
        app.status().contains("New link from SS-9"),
        "{}",
        app.status()
    );
    set_thread_lang(Lang::Id);
}

#[test]
fn the_report_of_an_is_is_entered_with_its_status_kendala_and_tindak_lanjut_and_audited() {
    let dir = tempfile::tempdir().unwrap();
    let (store, mut app) = store_with_sample(dir.path());
    open_grid(&mut app, &djkn("4a-N"));
    key(&mut app, &store, "L");
    let Screen::IsPlan(e) = app.screen() else {
        panic!("{:?} {}", app.screen(), app.status());
    };
    assert_eq!((e.is.as_str(), e.report), ("IS-02", Some(app.period())));
    assert_eq!(e.fields.len(), 4);
    let text = screen(&mut app, 120, 40);
    assert!(
        text.contains("Laporan Inisiatif Strategis IS-02") && text.contains("Kendala"),
        "{text}"
    );
    // a realised % outside 0–100 is refused on its field, nothing stored
    let before = store.audit_log(&AuditFilter::default()).unwrap().len();
    update(&mut app, Action::Clear);
    type_text(&mut app, "120");
    key(&mut app, &store, "<Enter>");
    let Screen::IsPlan(e) = app.screen() else {
        panic!()
    };
    assert_eq!(e.at, 0);
    assert!(e.error.is_some(), "{e:?}");
    assert_eq!(
        store.audit_log(&AuditFilter::default()).unwrap().len(),
        before
    );
    update(&mut app, Action::Clear);
    type_text(&mut app, "75,5");
    for value in [
        "berjalan",
        "Debitur sulit dihubungi",
        "Surat panggilan kedua",
    ] {
        key(&mut app, &store, "<Tab>");
        update(&mut app, Action::Clear);
        type_text(&mut app, value);
    }
    key(&mut app, &store, "<Enter>");
    assert_eq!(app.screen(), &Screen::Grid, "{}", app.status());
    assert!(app.status().starts_with("Tersimpan"), "{}", app.status());
    let month = app.period();
    let is = store.load_plans(2025).unwrap()["DJKN"]
        .is("IS-02")
        .unwrap()
        .clone();
    assert_eq!(is.realised[&month].0, "75.5".parse().unwrap());
    assert_eq!(is.status, "berjalan");
    assert_eq!(is.kendala, "Debitur sulit dihubungi");
    assert_eq!(is.tindak_lanjut, "Surat panggilan kedua");
    let log = store.audit_log(&AuditFilter::default()).unwrap();
    assert!(log.len() > before, "audited");
    assert_eq!(log[0].source, "tui");
    // both keymaps bind it in the grid, so the help lists it
    for name in ["default", "vim"] {
        let km = kinerja::tui::keymap::Keymap::builtin(name).unwrap();
        let b = km
            .bindings(kinerja::tui::action::Mode::Grid)
            .iter()
            .find(|b| b.action == Action::IsReport)
            .unwrap_or_else(|| panic!("{name}"));
        assert!(b.desc.contains("kendala"), "{}", b.desc);
    }
}
