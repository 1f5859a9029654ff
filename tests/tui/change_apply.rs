//! One change type applied in one place: every kind of change, stored and applied to the TUI's
//! dataset, leaves the TUI with exactly the year the store reloads.

use crate::support::bench_support::grid_month;
use crate::support::tui_support;

use kinerja::domain::addendum::{AddendumDraft, change_of, prepare};
use kinerja::domain::change::Change;
use kinerja::domain::round::{
    Action as RoundAction, Analysis, EvidenceRef, MonthState, Rencana, Role,
};
use kinerja::domain::rulebook::Rulebook;
use kinerja::domain::{CodeRef, Iku};
use kinerja::store::{Actor, Store};
use kinerja::tui::action::Action;
use kinerja::tui::app::{App, Node, Settings};
use kinerja::tui::run::perform;
use kinerja::tui::update::{Effect, update};
use tui_support::d;

fn open_app(store: &Store) -> App {
    let settings = Settings {
        today: chrono::NaiveDate::from_ymd_opt(2025, 10, 15).unwrap(),
        ..Settings::new(store.path(), "budi")
    };
    App::new(
        store.load_year(2025).unwrap(),
        Rulebook::default_rulebook(),
        settings,
        None,
    )
}

/// What the run loop does with an action: its effects performed on the store.
fn act(app: &mut App, store: &Store, a: Action) -> Vec<Effect> {
    let fx = update(app, a);
    let seen = fx.clone();
    perform(app, store, 2025, &Actor::new("budi"), None, fx);
    seen
}

fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        update(app, Action::Insert(c));
    }
}

/// A change made elsewhere (another process, the CLI): stored, then given to the TUI's dataset
/// by the same apply the TUI uses for its own.
fn elsewhere(app: &mut App, store: &Store, changes: &[Change]) {
    store
        .apply(2025, changes, &Actor::new("ani"), "test")
        .unwrap();
    app.stored_elsewhere(changes).unwrap();
}

#[test]
fn every_kind_of_change_leaves_the_tui_with_the_stored_year() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("db")).unwrap();
    store
        .import_dataset(&tui_support::dataset(), false, &Actor::new("budi"), "test")
        .unwrap();
    let mut app = open_app(&store);
    let same = |app: &App, what: &str| {
        assert_eq!(*app.ds(), store.load_year(2025).unwrap(), "after {what}");
    };

    // set a realisasi in the editor
    let i1 = CodeRef::new("KANWIL", "IKU1");
    app.select_node(&Node::Iku(i1.clone()));
    grid_month(&mut app, 9);
    act(&mut app, &store, Action::StartEdit);
    update(&mut app, Action::Clear);
    typed(&mut app, "87,5");
    let fx = act(&mut app, &store, Action::Commit);
    assert!(matches!(fx.as_slice(), [Effect::Apply { .. }]), "{fx:?}");
    assert_eq!(app.ds().iku[&i1].realisasi[8], Some(d("87.5")));
    same(&app, "a realisasi set");

    // clear one, undo, redo
    grid_month(&mut app, 8);
    act(&mut app, &store, Action::Clear);
    assert_eq!(app.ds().iku[&i1].realisasi[7], None);
    same(&app, "a realisasi cleared");
    act(&mut app, &store, Action::Undo);
    assert_eq!(app.ds().iku[&i1].realisasi[7], Some(d("100")));
    same(&app, "undo");
    act(&mut app, &store, Action::Redo);
    same(&app, "redo");

    // an addendum in the TUI: a target
    let p1 = CodeRef::new("PUSAT", "P1");
    app.select_node(&Node::Iku(p1.clone()));
    act(&mut app, &store, Action::StartAddendum);
    grid_month(&mut app, 11);
    act(&mut app, &store, Action::StartEdit);
    update(&mut app, Action::Clear);
    typed(&mut app, "3000");
    act(&mut app, &store, Action::Commit);
    act(&mut app, &store, Action::SubmitAddendum);
    typed(&mut app, "target dinaikkan");
    act(&mut app, &store, Action::Commit);
    // the date offered, then y to the question
    act(&mut app, &store, Action::Commit);
    let fx = act(&mut app, &store, Action::Insert('y'));
    assert!(
        matches!(fx.as_slice(), [Effect::Apply { changes, .. }]
            if matches!(changes.as_slice(), [Change::Addendum { .. }])),
        "{fx:?}"
    );
    assert_eq!(app.ds().iku[&p1].targets[10], Some(d("3000")));
    assert_eq!(app.ds().pk_version("PUSAT"), 1);
    same(&app, "an addendum of targets");

    // an addendum that removes and adds IKU, as a whole
    let mut added = Iku::new(
        "KPP",
        "IKU9",
        "S1",
        kinerja::domain::Polarity::Maximize,
        kinerja::domain::Consolidation::Sum,
        kinerja::domain::ReportingPeriod::Annual,
    );
    added.targets[11] = Some(d("7"));
    let draft = AddendumDraft {
        unit: "PUSAT".into(),
        reason: "struktur".into(),
        date: app.today(),
        sets: vec![("P1".into(), 12, Some(d("4000")))],
        add: vec![Iku {
            unit: "PUSAT".into(),
            ..added.clone()
        }],
        remove: vec![],
    };
    let (addendum, after) = prepare(app.ds(), app.rb(), &draft).unwrap();
    elsewhere(&mut app, &store, &[change_of(&addendum, &after)]);
    assert_eq!(*app.ds(), after, "the addendum as prepare promised it");
    same(&app, "an addendum that adds an IKU");

    // the other kinds
    let mut edited = app.ds().iku[&CodeRef::new("KANWIL", "IKU2")].clone();
    edited.name = "Indeks kepuasan pengguna".into();
    elsewhere(
        &mut app,
        &store,
        &[
            Change::PutIku(added.clone()),
            Change::PutIku(edited),
            Change::SetTarget {
                iku: added.key(),
                month: 12,
                value: Some(d("8")),
            },
            Change::SetRealisasi {
                iku: added.key(),
                month: 12,
                value: Some(d("6")),
            },
        ],
    );
    same(&app, "IKU added and edited, a target and a realisasi");
    elsewhere(&mut app, &store, &[Change::RemoveIku(added.key())]);
    assert!(!app.ds().iku.contains_key(&added.key()));
    same(&app, "an IKU removed");
    let mut plain = addendum.clone();
    plain.version = 0;
    plain.changes.clear();
    plain.reason = "catatan".into();
    elsewhere(
        &mut app,
        &store,
        &[
            Change::PutAddendum(plain),
            Change::SetRulebook("kmk-127-2026".into()),
        ],
    );
    assert_eq!(app.ds().pk_version("PUSAT"), 3);
    assert_eq!(app.ds().rulebook, "kmk-127-2026");
    same(&app, "an addendum record and a rulebook");

    // the month-end round: an analysis, evidence, a submission, a correction with its reason,
    // a return, the evidence removed
    let analysis = Analysis {
        isu: "Realisasi di bawah target".into(),
        implikasi: "Capaian triwulan turun".into(),
        aksi: "Percepatan lelang".into(),
        rencana: Rencana {
            what: "Jadwal ulang".into(),
            who: "Kepala Seksi".into(),
            by: chrono::NaiveDate::from_ymd_opt(2025, 11, 14),
        },
        catatan: String::new(),
    };
    let put = store
        .put_evidence(2025, "KANWIL", b"laporan lelang")
        .unwrap();
    elsewhere(
        &mut app,
        &store,
        &[
            Change::SetAnalysis {
                iku: i1.clone(),
                month: 9,
                analysis: Some(analysis.clone()),
            },
            Change::AddEvidence {
                iku: i1.clone(),
                month: 9,
                evidence: EvidenceRef {
                    name: "lelang.pdf".into(),
                    sha256: put.sha256.clone(),
                    size: put.size,
                },
            },
        ],
    );
    let round = |app: &App| app.ds().round.get("KANWIL").cloned().unwrap_or_default();
    assert_eq!(round(&app).analysis("IKU1", 9), Some(&analysis));
    assert_eq!(round(&app).evidence("IKU1", 9).len(), 1);
    same(&app, "an analysis and evidence");
    let step = |action, role, reason: &str| Change::Transition {
        unit: "KANWIL".into(),
        month: 9,
        action,
        role,
        reason: reason.into(),
    };
    elsewhere(
        &mut app,
        &store,
        &[step(RoundAction::Submit, Role::Operator, "")],
    );
    assert_eq!(round(&app).state(9), MonthState::Diajukan);
    same(&app, "a submission");
    elsewhere(
        &mut app,
        &store,
        &[Change::CorrectRealisasi {
            iku: i1.clone(),
            month: 9,
            value: Some(d("88")),
            reason: "salah ketik".into(),
        }],
    );
    assert_eq!(app.ds().iku[&i1].realisasi[8], Some(d("88")));
    same(&app, "a correction with its reason");
    elsewhere(
        &mut app,
        &store,
        &[
            step(RoundAction::Return, Role::Validator, "lampiran kurang"),
            Change::RemoveEvidence {
                iku: i1.clone(),
                month: 9,
                name: "lelang.pdf".into(),
            },
        ],
    );
    assert_eq!(round(&app).state(9), MonthState::Dikembalikan);
    assert!(round(&app).evidence("IKU1", 9).is_empty());
    same(&app, "a return and the evidence removed");
}
