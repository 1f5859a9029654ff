//! The month-end round in the store (issue 15, DOMAIN.md §11): the transition table, closed
//! months, corrections with a reason, the round records of old and new stores.

use kinerja::domain::CodeRef;
use kinerja::domain::round::{Action, Analysis, EvidenceRef, MonthState, Role, transition};
use kinerja::interchange::json::import_document;
use kinerja::store::{Actor, AuditFilter, Change, Store};
use rust_decimal::Decimal;

use MonthState::*;

/// The table as the specification writes it, spelled out here (not derived from the code):
/// (action, roles that may, states it starts from, state it leads to).
fn spec() -> Vec<(Action, Vec<Role>, Vec<MonthState>, MonthState)> {
    vec![
        (
            Action::Submit,
            vec![Role::Operator, Role::Admin],
            vec![Diisi, Dikembalikan],
            Diajukan,
        ),
        (
            Action::Validate,
            vec![Role::Validator, Role::Admin],
            vec![Diajukan],
            Divalidasi,
        ),
        (
            Action::Return,
            vec![Role::Validator, Role::Admin],
            vec![Diajukan, Divalidasi],
            Dikembalikan,
        ),
        (
            Action::Close,
            vec![Role::Admin],
            vec![Divalidasi],
            Ditetapkan,
        ),
        (
            Action::Reopen,
            vec![Role::Admin],
            vec![Ditetapkan],
            Dikembalikan,
        ),
    ]
}

#[test]
fn the_transition_table_for_every_state_action_and_role() {
    let states = [Diisi, Diajukan, Divalidasi, Dikembalikan, Ditetapkan];
    let roles = [
        Role::Viewer,
        Role::Operator,
        Role::Validator,
        Role::Planner,
        Role::Admin,
    ];
    let mut cases = 0;
    for (action, may, from, to) in spec() {
        let needs_reason = matches!(action, Action::Return | Action::Reopen);
        for state in states {
            for role in roles {
                for reason in [false, true] {
                    cases += 1;
                    let got = transition(state, action, role, reason);
                    let want: Result<MonthState, &str> = if !may.contains(&role) {
                        Err("role_not_allowed")
                    } else if !from.contains(&state) {
                        Err("state_not_allowed")
                    } else if needs_reason && !reason {
                        Err("reason_required")
                    } else {
                        Ok(to)
                    };
                    let got = got.map_err(|r| r.code.as_str());
                    assert_eq!(got, want, "{state} {action} {role} reason={reason}");
                }
            }
        }
    }
    assert_eq!(cases, 5 * 5 * 5 * 2);
    // the refusal names what it is about
    let r = transition(Diisi, Action::Close, Role::Operator, false).unwrap_err();
    assert_eq!(
        kinerja::text::reason::render_in(kinerja::text::Lang::En, &r),
        "close refused: the role operator may not; who may: admin."
    );
}

fn store(dir: &std::path::Path) -> Store {
    let text = std::fs::read_to_string("tests/data/mini-2025.json").unwrap();
    let ds = import_document(&text).unwrap();
    let store = Store::open(&dir.join("store")).unwrap();
    store
        .import_dataset(&ds, false, &Actor::new("budi"), "import")
        .unwrap();
    store
}

fn step(unit: &str, month: u8, action: Action, role: Role, reason: &str) -> Change {
    Change::Transition {
        unit: unit.into(),
        month,
        action,
        role,
        reason: reason.into(),
    }
}

fn set(month: u8, v: i64) -> Change {
    Change::SetRealisasi {
        iku: CodeRef::new("K", "K-2"),
        month,
        value: Some(Decimal::from(v)),
    }
}

#[test]
fn a_store_without_round_records_has_every_month_diisi() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    let ds = s.load_year(2025).unwrap();
    assert!(ds.round.is_empty());
    for m in 1..=12 {
        assert_eq!(ds.month_state("K", m), Diisi);
    }
    assert!(s.load_rounds(2025).unwrap().is_empty());
}

#[test]
fn the_round_of_a_month_is_stored_audited_and_loaded_with_the_year() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    let op = Actor::new("ani");
    let val = Actor::new("vina");
    s.apply(
        2025,
        &[step("K", 3, Action::Submit, Role::Operator, "")],
        &op,
        "submit",
    )
    .unwrap();
    // a plain change of a submitted month is refused; with a reason it is a correction
    let err = s.apply(2025, &[set(3, 13)], &op, "set").unwrap_err();
    assert!(
        err.to_string().contains("alasan") || err.to_string().contains("reason"),
        "{err}"
    );
    let fix = Change::CorrectRealisasi {
        iku: CodeRef::new("K", "K-2"),
        month: 3,
        value: Some(Decimal::from(13)),
        reason: "salah ketik".into(),
    };
    s.apply(2025, &[fix], &op, "set").unwrap();
    // a return needs a reason
    assert!(
        s.apply(
            2025,
            &[step("K", 3, Action::Return, Role::Validator, "")],
            &val,
            "return"
        )
        .is_err()
    );
    s.apply(
        2025,
        &[step(
            "K",
            3,
            Action::Return,
            Role::Validator,
            "Data dukung belum ada",
        )],
        &val,
        "return",
    )
    .unwrap();
    let ds = s.load_year(2025).unwrap();
    assert_eq!(ds.month_state("K", 3), Dikembalikan);
    assert_eq!(ds.round["K"].month(3).reason, "Data dukung belum ada");
    // the records survive a reopening of the store, and the snapshot is not where they live
    drop(ds);
    drop(s);
    let s = Store::open(&dir.path().join("store")).unwrap();
    let ds = s.load_year_from_records(2025).unwrap();
    assert_eq!(ds.month_state("K", 3), Dikembalikan);
    assert_eq!(
        ds.iku[&CodeRef::new("K", "K-2")].realisasi[2],
        Some(Decimal::from(13))
    );
    let log = s.audit_log(&AuditFilter::default()).unwrap();
    let whats: Vec<String> = log
        .iter()
        .filter(|e| e.unit == "K")
        .map(|e| format!("{} {}", e.user, e.what))
        .collect();
    assert!(
        whats.contains(&"ani submit 2025-03".to_string()),
        "{whats:?}"
    );
    assert!(
        whats.contains(&"ani realisasi K-2 2025-03 (correction: salah ketik)".to_string()),
        "{whats:?}"
    );
    assert!(
        whats.contains(&"vina return 2025-03".to_string()),
        "{whats:?}"
    );
    let ret = log.iter().find(|e| e.what == "return 2025-03").unwrap();
    assert_eq!(ret.old.as_deref(), Some("diajukan"));
    assert_eq!(
        ret.new.as_deref(),
        Some("dikembalikan (Data dukung belum ada)")
    );
}

#[test]
fn a_closed_month_refuses_every_change_and_reopening_is_audited() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    let who = Actor::new("admin");
    let ev = {
        let r = s.put_evidence(2025, "K", b"berita acara").unwrap();
        EvidenceRef {
            name: "ba.pdf".into(),
            sha256: r.sha256,
            size: r.size,
        }
    };
    let iku = CodeRef::new("K", "K-2");
    s.apply(
        2025,
        &[Change::AddEvidence {
            iku: iku.clone(),
            month: 2,
            evidence: ev.clone(),
        }],
        &who,
        "lampiran",
    )
    .unwrap();
    for (a, r) in [
        (Action::Submit, Role::Operator),
        (Action::Validate, Role::Validator),
        (Action::Close, Role::Admin),
    ] {
        s.apply(2025, &[step("K", 2, a, r, "")], &who, a.as_str())
            .unwrap();
    }
    let before = s.load_year(2025).unwrap();
    let audit_before = s.audit_log(&AuditFilter::default()).unwrap().len();
    let analysis = Analysis {
        isu: "x".into(),
        ..Default::default()
    };
    let every_change = vec![
        set(2, 99),
        Change::SetRealisasi {
            iku: iku.clone(),
            month: 2,
            value: None,
        },
        Change::CorrectRealisasi {
            iku: iku.clone(),
            month: 2,
            value: Some(Decimal::from(1)),
            reason: "koreksi".into(),
        },
        Change::SetAnalysis {
            iku: iku.clone(),
            month: 2,
            analysis: Some(analysis),
        },
        Change::AddEvidence {
            iku: iku.clone(),
            month: 2,
            evidence: EvidenceRef {
                name: "lain.pdf".into(),
                ..ev.clone()
            },
        },
        Change::RemoveEvidence {
            iku: iku.clone(),
            month: 2,
            name: "ba.pdf".into(),
        },
    ];
    for c in &every_change {
        let err = s
            .apply(2025, std::slice::from_ref(c), &who, "t")
            .unwrap_err();
        assert!(
            err.to_string().contains("ditetapkan"),
            "{c:?} was not refused as closed: {err}"
        );
    }
    // every role: no step but an admin's reopening leaves the closed month
    for role in Role::ALL {
        for a in Action::ALL {
            if a == Action::Reopen && role == Role::Admin {
                continue;
            }
            assert!(
                s.apply(2025, &[step("K", 2, a, role, "alasan")], &who, "t")
                    .is_err(),
                "{a} by {role}"
            );
        }
    }
    // the edit rule every entry point asks says the same
    let ds = s.load_year(2025).unwrap();
    assert_eq!(
        kinerja::domain::edit::realisasi_change(&ds, "K", "K-2", 2)
            .unwrap_err()
            .code()
            .as_str(),
        "realisasi_frozen"
    );
    assert_eq!(
        kinerja::domain::edit::round_change(&ds, "K", "K-2", 2, "analysis")
            .unwrap_err()
            .code()
            .as_str(),
        "month_closed"
    );
    assert_eq!(ds, before, "nothing changed");
    assert_eq!(
        s.audit_log(&AuditFilter::default()).unwrap().len(),
        audit_before
    );
    // an admin reopens, with a reason; it is audited and the month takes changes again
    assert!(
        s.apply(
            2025,
            &[step("K", 2, Action::Reopen, Role::Admin, "")],
            &who,
            "reopen"
        )
        .is_err()
    );
    let e = s
        .apply(
            2025,
            &[step("K", 2, Action::Reopen, Role::Admin, "Koreksi BA")],
            &Actor::new("kepala"),
            "reopen",
        )
        .unwrap();
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].user, "kepala");
    assert_eq!(e[0].what, "reopen 2025-02");
    assert_eq!(e[0].old.as_deref(), Some("ditetapkan"));
    assert_eq!(e[0].new.as_deref(), Some("dikembalikan (Koreksi BA)"));
    s.apply(2025, &[set(2, 99)], &who, "set").unwrap();
}
