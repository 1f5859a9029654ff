//! The rest of the PK (issue 16): Peta Strategi links, Inisiatif Strategis, Rincian Anggaran in
//! the store and in `kinerja/1`.

use chrono::NaiveDate;
use kinerja::domain::model::Dec;
use kinerja::domain::plan::{IsFinding, PetaLink, PlanChange, PlanProblem, check, find_cycle};
use kinerja::interchange::anggaran::parse_budget_sheet;
use kinerja::interchange::json::{export_with_plans, import_document, import_plans};
use kinerja::store::{Actor, Store};
use rust_decimal::Decimal;

const PLAN: &str = r#"[
  {"unit": "K",
   "links": [{"from": "S2", "to": "S1"}],
   "inisiatif": [{"code": "IS-1", "name": "Digitalisasi lelang", "iku": ["K-1"], "pic": "Kabid",
     "output": "Aplikasi", "outcome": "Lelang lebih cepat", "start": 1, "end": 6,
     "planned": [null, null, "30", null, null, "100", null, null, null, null, null, null],
     "realised": [null, null, "20", null, null, null, null, null, null, null, null, null],
     "status": "berjalan", "kendala": "SDM", "tindak_lanjut": "Pelatihan"}],
   "anggaran": [{"code": "054.01.WA", "program": "054.01", "program_name": "Program Dukungan Manajemen",
     "kegiatan": "4259", "kegiatan_name": "Pengelolaan Kekayaan Negara", "output": "EBA",
     "output_name": "Layanan Umum", "pagu": "1200000000", "link": "S1",
     "planned": ["100000000", "100000000", "100000000", null, null, null, null, null, null, null, null, null],
     "realisasi": ["90000000", "80000000", null, null, null, null, null, null, null, null, null, null]}]}
]"#;

fn doc_with_plan(plan: &str) -> String {
    let base = std::fs::read_to_string("tests/data/mini-2025.json").unwrap();
    let body = base.trim_end().strip_suffix('}').unwrap();
    format!("{body},\n\"plan\": {plan}\n}}\n")
}

fn store_with_plan(dir: &std::path::Path) -> Store {
    let text = doc_with_plan(PLAN);
    let ds = import_document(&text).unwrap();
    let plans = import_plans(&text, &ds).unwrap();
    let store = Store::open(&dir.join("store")).unwrap();
    let who = Actor::new("budi");
    store.import_dataset(&ds, false, &who, "import").unwrap();
    store
        .import_plans(2025, &plans, false, &who, "import")
        .unwrap();
    store
}

#[test]
fn plan_round_trips_through_the_store_and_the_document() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with_plan(dir.path());
    let ds = store.load_year_from_records(2025).unwrap();
    let plans = store.load_plans(2025).unwrap();
    assert_eq!(plans["K"].inisiatif[0].code, "IS-1");
    let first = export_with_plans(&ds, &plans);
    assert!(first.contains("\"plan\": ["), "{first}");
    let ds2 = import_document(&first).unwrap();
    let plans2 = import_plans(&first, &ds2).unwrap();
    assert_eq!(plans2, plans);
    assert_eq!(export_with_plans(&ds2, &plans2), first);
    // a document without a plan still imports, and exports as before
    let plain = std::fs::read_to_string("tests/data/mini-2025.json").unwrap();
    let ds3 = import_document(&plain).unwrap();
    assert!(import_plans(&plain, &ds3).unwrap().is_empty());
}

#[test]
fn is_progress_against_its_trajectory_and_findings() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with_plan(dir.path());
    let plans = store.load_plans(2025).unwrap();
    let is = &plans["K"].inisiatif[0];
    // month 2: nothing planned yet, nothing realised: on track
    assert_eq!(is.planned_at(2), Decimal::ZERO);
    assert!(is.findings(2).is_empty());
    // month 3: 20 % of 30 % planned: behind
    assert_eq!(
        is.findings(3),
        vec![IsFinding::Behind {
            planned: Decimal::from(30),
            realised: Decimal::from(20)
        }]
    );
    // month 7: past its end (6) below 100 %: behind and overdue
    let f = is.findings(7);
    assert!(f.contains(&IsFinding::Overdue {
        end: 6,
        realised: Decimal::from(20)
    }));
    // an operator enters 100 % at month 6: no finding any more
    store
        .apply_plan(
            2025,
            &[PlanChange::SetProgress {
                unit: "K".into(),
                is: "IS-1".into(),
                month: 6,
                realised: Dec(Decimal::ONE_HUNDRED),
                status: Some("selesai".into()),
                kendala: None,
                tindak_lanjut: None,
            }],
            &Actor::new("ani"),
            "set",
        )
        .unwrap();
    let plans = store.load_plans(2025).unwrap();
    let is = &plans["K"].inisiatif[0];
    assert!(is.findings(7).is_empty());
    assert_eq!(is.status, "selesai");
    assert_eq!(is.kendala, "SDM");
}

#[test]
fn a_pagu_revision_is_dated_reasoned_audited_and_kept_in_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with_plan(dir.path());
    let who = Actor::new("perencana");
    let revise = |pagu: &str, date: &str, reference: &str| PlanChange::RevisePagu {
        unit: "K".into(),
        line: "054.01.WA".into(),
        date: NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap(),
        reference: reference.into(),
        reason: "Penghematan".into(),
        pagu: Dec(pagu.parse().unwrap()),
    };
    let audit = store
        .apply_plan(
            2025,
            &[revise("1000000000", "2025-04-01", "DIPA rev 01")],
            &who,
            "revisi-dipa",
        )
        .unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].old.as_deref(), Some("1200000000"));
    assert_eq!(audit[0].new.as_deref(), Some("1000000000"));
    store
        .apply_plan(
            2025,
            &[revise("1100000000", "2025-08-01", "DIPA rev 02")],
            &who,
            "revisi-dipa",
        )
        .unwrap();
    let plans = store.load_plans(2025).unwrap();
    let line = &plans["K"].anggaran[0];
    assert_eq!(line.pagu.0, Decimal::from(1_100_000_000));
    let refs: Vec<&str> = line
        .revisions
        .iter()
        .map(|r| r.reference.as_str())
        .collect();
    assert_eq!(refs, ["DIPA rev 01", "DIPA rev 02"]);
    assert_eq!(line.revisions[1].old.0, Decimal::from(1_000_000_000));
    // absorption: (90 + 80) million of 1 100 million up to February, against 200 planned
    let ab = line.absorption(2);
    assert_eq!(ab.realised_pct(), Some("15.45".parse().unwrap()));
    assert_eq!(ab.planned_pct(), Some("18.18".parse().unwrap()));
    // a pagu changed without a revision is refused, and nothing is written
    let mut changed = line.clone();
    changed.pagu = Dec(Decimal::ONE);
    let r = store.apply_plan(
        2025,
        &[PlanChange::PutLine {
            unit: "K".into(),
            line: changed,
        }],
        &who,
        "set",
    );
    assert!(r.is_err());
    assert_eq!(store.load_plans(2025).unwrap(), plans);
    // the audit trail holds both revisions
    let log = store.audit_log(&Default::default()).unwrap();
    assert_eq!(log.iter().filter(|e| e.source == "revisi-dipa").count(), 2);
}

#[test]
fn the_budget_sheet_is_all_or_nothing_with_an_error_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with_plan(dir.path());
    let plans = store.load_plans(2025).unwrap();
    let good = "unit,line,month,realisasi\nK,054.01.WA,2025-03,95000000\nK,054.01.WA,2025-04,\n";
    let rows = parse_budget_sheet(good, None, 2025, &plans).unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1].value, None);
    let bad = "unit,line,month,realisasi\n\
               K,054.01.WA,2025-03,95000000\n\
               K,NOPE,2025-03,1\n\
               K,054.01.WA,2024-03,1\n\
               K,054.01.WA,2025-03,-5\n\
               K,054.01.WA,2025-03,7\n";
    let errs = parse_budget_sheet(bad, None, 2025, &plans).unwrap_err();
    let lines: Vec<usize> = errs.iter().map(|e| e.line).collect();
    assert_eq!(lines, [3, 4, 5, 6], "{errs:?}");
    assert!(errs[0].message.contains("NOPE"));
    assert!(
        errs[3].message.contains('2'),
        "names the first line: {}",
        errs[3].message
    );
    let header = parse_budget_sheet("unit,iku,month,realisasi\n", None, 2025, &plans).unwrap_err();
    assert_eq!(header[0].line, 1);
}

#[test]
fn links_are_checked_within_the_unit_by_direction_and_for_cycles() {
    let text = doc_with_plan(PLAN);
    let ds = import_document(&text).unwrap();
    let plans = import_plans(&text, &ds).unwrap();
    let mut p = plans["K"].clone();
    assert!(check(&ds, &p).is_empty(), "{:?}", check(&ds, &p));
    p.links.push(PetaLink {
        from: "S1".into(),
        to: "S2".into(),
    });
    let problems = check(&ds, &p);
    assert!(problems.contains(&PlanProblem::LinkDirection {
        unit: "K".into(),
        from: "S1".into(),
        to: "S2".into()
    }));
    assert!(
        problems
            .iter()
            .any(|x| matches!(x, PlanProblem::LinkCycle { .. }))
    );
    assert!(find_cycle(&p.links).is_some());
    p.links = vec![PetaLink {
        from: "S2".into(),
        to: "X9".into(),
    }];
    assert!(check(&ds, &p).iter().any(|x| x.is_error()));
    // the same in a document: refused with the place of the error
    let bad = doc_with_plan(
        r#"[{"unit": "K", "links": [{"from": "S2", "to": "X9"}], "inisiatif": [{"code": "IS-1"}]}]"#,
    );
    let ds = import_document(&bad).unwrap();
    let errs = import_plans(&bad, &ds).unwrap_err();
    let paths: Vec<&str> = errs.iter().map(|e| e.path.as_str()).collect();
    assert!(paths.contains(&"plan[0].inisiatif[0]"), "{paths:?}");
}

fn link(from: &str, to: &str) -> PetaLink {
    PetaLink {
        from: from.into(),
        to: to.into(),
    }
}

fn link_addendum(add: &[(&str, &str)], remove: &[(&str, &str)], reason: &str) -> PlanChange {
    PlanChange::LinkAddendum {
        unit: "K".into(),
        date: NaiveDate::from_ymd_opt(2025, 7, 1).unwrap(),
        reason: reason.into(),
        add: add.iter().map(|(a, b)| link(a, b)).collect(),
        remove: remove.iter().map(|(a, b)| link(a, b)).collect(),
    }
}

#[test]
fn a_link_addendum_is_audited_and_a_cycle_or_an_ss_outside_the_unit_refuses_it_whole() {
    kinerja::text::set_thread_lang(kinerja::text::Lang::En);
    let dir = tempfile::tempdir().unwrap();
    let store = store_with_plan(dir.path());
    let who = Actor::new("sari");
    // S1 (stakeholder) → S2 (internal process) runs downwards: saved (only check warns)
    let audit = store
        .apply_plan(
            2025,
            &[link_addendum(
                &[("S1", "S2")],
                &[("S2", "S1")],
                "Renstra direvisi",
            )],
            &who,
            "addendum",
        )
        .unwrap();
    assert_eq!(audit.len(), 1);
    let e = &audit[0];
    assert!(
        e.what.contains("peta-strategi addendum 2025-07-01"),
        "{}",
        e.what
    );
    assert!(
        e.what.contains("+S1→S2") && e.what.contains("-S2→S1"),
        "{}",
        e.what
    );
    assert!(e.what.contains("Renstra direvisi"), "{}", e.what);
    assert_eq!(e.old.as_deref(), Some("S2 → S1"));
    assert_eq!(e.new.as_deref(), Some("S1 → S2"));
    assert_eq!(e.user, "sari");
    assert_eq!(
        store.load_plans(2025).unwrap()["K"].links,
        vec![link("S1", "S2")]
    );
    let logged = store.audit_log(&Default::default()).unwrap();
    assert_eq!(logged[0].what, e.what, "in the audit trail");

    let before = store.load_plans(2025).unwrap();
    let refused = |c: PlanChange| -> String {
        let err = store.apply_plan(2025, &[c], &who, "addendum").unwrap_err();
        assert_eq!(store.load_plans(2025).unwrap(), before, "nothing written");
        err.to_string()
    };
    // a cycle S1 → S2 → S1, named
    let msg = refused(link_addendum(&[("S2", "S1")], &[], "siklus"));
    assert!(
        msg.contains("cycle") && msg.contains("S1 → S2 → S1"),
        "{msg}"
    );
    // an end that is not an SS of K (A has an S1, K has no S9): the link is named
    let msg = refused(link_addendum(&[("S2", "S9")], &[], "lintas"));
    assert!(
        msg.contains("S2 → S9") && msg.contains("not this unit's"),
        "{msg}"
    );
    // removing a link that is not there, adding one that is, no reason, nothing at all
    let msg = refused(link_addendum(&[], &[("S2", "S1")], "hapus"));
    assert!(msg.contains("no link S2 → S1"), "{msg}");
    let msg = refused(link_addendum(&[("S1", "S2")], &[], "lagi"));
    assert!(msg.contains("S1 → S2 is there already"), "{msg}");
    let msg = refused(link_addendum(&[("S2", "S1")], &[("S1", "S2")], "  "));
    assert!(msg.contains("needs a reason"), "{msg}");
    let msg = refused(link_addendum(&[], &[], "kosong"));
    assert!(msg.contains("adds and removes no link"), "{msg}");
    // all or nothing: a good change before a bad one is not written either
    let msg = {
        let err = store
            .apply_plan(
                2025,
                &[
                    link_addendum(&[("S2", "S1")], &[("S1", "S2")], "balik"),
                    link_addendum(&[("S1", "S2")], &[], "siklus lagi"),
                ],
                &who,
                "addendum",
            )
            .unwrap_err();
        err.to_string()
    };
    assert!(msg.contains("cycle"), "{msg}");
    assert_eq!(store.load_plans(2025).unwrap(), before);
    assert_eq!(
        store.audit_log(&Default::default()).unwrap().len(),
        logged.len()
    );
    // a link addendum is the planner's
    assert_eq!(link_addendum(&[], &[], "x").role(), "planner");
}

#[test]
fn an_imported_plan_with_a_cycle_is_refused_naming_the_cycle() {
    kinerja::text::set_thread_lang(kinerja::text::Lang::Id);
    let bad = doc_with_plan(
        r#"[{"unit": "K", "links": [{"from": "S2", "to": "S1"}, {"from": "S1", "to": "S2"}]}]"#,
    );
    let ds = import_document(&bad).unwrap();
    let errs = import_plans(&bad, &ds).unwrap_err();
    let shown: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
    assert!(
        shown
            .iter()
            .any(|e| e.contains("plan[0]") && e.contains("siklus") && e.contains("S1 → S2 → S1")),
        "{shown:?}"
    );
}

#[test]
fn a_plan_section_that_is_not_an_array_or_holds_a_non_object_is_refused_at_its_place() {
    kinerja::text::set_thread_lang(kinerja::text::Lang::En);
    for (plan, place, what) in [
        (r#"{"unit": "K"}"#, "plan", "array"),
        (r#""K""#, "plan", "array"),
        (r#"[{"unit": "K"}, 7]"#, "plan[1]", "object"),
        (
            r#"[{"unit": "K", "links": [{"from": "S2"}]}]"#,
            "plan[0].links[0]",
            "to",
        ),
    ] {
        let doc = doc_with_plan(plan);
        let ds = import_document(&doc).unwrap();
        let errs = import_plans(&doc, &ds).unwrap_err();
        assert!(
            errs.iter()
                .any(|e| e.path == place && e.to_string().contains(what)),
            "{plan}: {:?}",
            errs.iter().map(|e| e.to_string()).collect::<Vec<_>>()
        );
    }
    // null is no plan at all
    let doc = doc_with_plan("null");
    let ds = import_document(&doc).unwrap();
    assert!(import_plans(&doc, &ds).unwrap().is_empty());
}
