//! One edit rule everywhere: the same cases through the TUI editor, `kinerja set`, the realisasi
//! sheet and the addendum (TUI and `kinerja addendum`) give the same verdict and reason code.

use crate::support::bench_support::grid_month;
use crate::support::{cli_support, tui_support};

use chrono::NaiveDate;
use kinerja::domain::addendum::{AddendumDraft, Problem, prepare};
use kinerja::domain::edit::{Refusal, realisasi_change, target_change};
use kinerja::domain::rulebook::Rulebook;
use kinerja::domain::{
    Addendum, Cascade, CascadeKind, CascadeMethod, CodeRef, Consolidation, Dataset, Decimal, Iku,
    Level, LocationConsolidation, Perspective, Polarity, ReportingPeriod, Ss, Unit,
};
use kinerja::interchange::{Locale, parse_decimal, parse_realisasi_sheet};
use kinerja::store::{Actor, Store};
use kinerja::text::reason::refusal;
use kinerja::text::{Lang, set_thread_lang};
use kinerja::tui::App;
use kinerja::tui::action::Action;
use kinerja::tui::app::Node;
use kinerja::tui::update::{Effect, update};

/// P/R rolls up from C/K; P/Q is quarterly; P/F has a January realisasi that the addendum of P
/// dated 10 February froze. Units of level `wide` (no IKU count limits, so that an addendum that
/// passes the edit rule is stored).
fn dataset() -> Dataset {
    let unit = |code: &str, parent: Option<&str>| Unit {
        code: code.into(),
        name: code.into(),
        level: Level::Wide,
        parent: parent.map(Into::into),
        perspective_weights: Default::default(),
    };
    let ss = |u: &str| Ss {
        unit: u.into(),
        code: "S1".into(),
        perspective: Perspective::Stakeholder,
        name: "S1".into(),
        weight: None,
        cascaded_from: None,
    };
    let iku = |u: &str, c: &str, p| {
        let mut i = Iku::new(u, c, "S1", Polarity::Maximize, Consolidation::Sum, p);
        i.targets = [Some(Decimal::TEN); 12];
        i
    };
    let mut r = iku("P", "R", ReportingPeriod::Monthly);
    r.location_consolidation = LocationConsolidation::Sum;
    let mut k = iku("C", "K", ReportingPeriod::Monthly);
    k.cascade = Some(Cascade {
        from: r.key(),
        method: CascadeMethod::Direct,
        kind: CascadeKind::Partial,
    });
    let mut q = iku("P", "Q", ReportingPeriod::Quarterly);
    q.targets = [None; 12];
    for m in [3, 6, 9, 12] {
        q.targets[m - 1] = Some(Decimal::TEN);
    }
    let mut f = iku("P", "F", ReportingPeriod::Monthly);
    f.realisasi[0] = Some(Decimal::ONE);
    let frozen_by = Addendum {
        unit: "P".into(),
        version: 1,
        date: NaiveDate::from_ymd_opt(2025, 2, 10).unwrap(),
        reason: "awal".into(),
        changes: vec![],
    };
    Dataset::from_parts(
        2025,
        "kmk-300-2022",
        [unit("P", None), unit("C", Some("P"))],
        [ss("P"), ss("C")],
        [r, k, q, f],
        vec![frozen_by],
    )
}

struct Case {
    name: &'static str,
    iku: &'static str,
    month: u8,
    value: &'static str,
    /// The code of the realisasi paths (TUI editor, `set`, the sheet); `None`: accepted.
    realisasi: Option<&'static str>,
    /// The code of the target paths (TUI addendum editor, `kinerja addendum`).
    target: Option<&'static str>,
}

const CASES: &[Case] = &[
    Case {
        name: "not a reporting month",
        iku: "Q",
        month: 4,
        value: "5",
        realisasi: Some("not_reporting_month"),
        target: Some("not_reporting_month"),
    },
    Case {
        name: "roll-up",
        iku: "R",
        month: 6,
        value: "5",
        realisasi: Some("rolls_up"),
        target: Some("rolls_up"),
    },
    Case {
        name: "frozen month",
        iku: "F",
        month: 1,
        value: "5",
        realisasi: Some("realisasi_frozen"),
        target: Some("target_frozen"),
    },
    Case {
        name: "unknown code",
        iku: "NOPE",
        month: 6,
        value: "5",
        realisasi: Some("unknown_iku"),
        target: Some("unknown_iku"),
    },
    Case {
        name: "bad number",
        iku: "Q",
        month: 6,
        value: "12x",
        realisasi: Some("bad_number"),
        target: Some("bad_number"),
    },
    // last: it changes the store
    Case {
        name: "a reporting month",
        iku: "Q",
        month: 6,
        value: "5",
        realisasi: None,
        target: None,
    },
];

/// The refusal the case expects on the realisasi or the target side (the domain rule's own, or
/// the number reader's).
fn expected(ds: &Dataset, c: &Case, target: bool) -> Option<Refusal> {
    if let Err(e) = parse_decimal(c.value, Locale::Id) {
        let rule = if target {
            target_change(ds, "P", c.iku, c.month, true).err()
        } else {
            realisasi_change(ds, "P", c.iku, c.month).err()
        };
        return rule.or(Some(Refusal::BadNumber {
            text: c.value.into(),
            detail: e.to_string(),
        }));
    }
    if target {
        target_change(ds, "P", c.iku, c.month, true).err()
    } else {
        realisasi_change(ds, "P", c.iku, c.month).err()
    }
}

fn code(r: &Option<Refusal>) -> Option<&'static str> {
    r.as_ref().map(|r| r.code().as_str())
}

fn app(ds: &Dataset) -> App {
    tui_support::app_from(ds.clone(), false, false)
}

fn typed(app: &mut App, s: &str) {
    for ch in s.chars() {
        update(app, Action::Insert(ch));
    }
}

/// The TUI realisasi editor: the verdict (a change to store, or the status that refuses).
fn tui_realisasi(ds: &Dataset, c: &Case) -> Result<(), String> {
    let key = CodeRef::new("P", c.iku);
    let mut a = app(ds);
    if !ds.iku.contains_key(&key) {
        // no tree row to select: ask the rule the editor asks
        return match a.edit_refusal(&key, c.month) {
            Some(r) => Err(refusal(&r)),
            None => Ok(()),
        };
    }
    a.select_node(&Node::Iku(key));
    grid_month(&mut a, c.month);
    update(&mut a, Action::StartEdit);
    if a.editor().is_none() {
        return Err(a.status().to_string());
    }
    update(&mut a, Action::Clear);
    typed(&mut a, c.value);
    let fx = update(&mut a, Action::Commit);
    match fx.as_slice() {
        [Effect::Apply { .. }] => Ok(()),
        _ => Err(a.status().to_string()),
    }
}

/// The TUI addendum's target editor: the target gathered, or the status that refuses.
fn tui_target(ds: &Dataset, c: &Case) -> Result<(), String> {
    let key = CodeRef::new("P", c.iku);
    let mut a = app(ds);
    if !ds.iku.contains_key(&key) {
        return match a.target_refusal(&key, c.month, true) {
            Some(r) => Err(refusal(&r)),
            None => Ok(()),
        };
    }
    a.select_node(&Node::Iku(key));
    update(&mut a, Action::StartAddendum);
    grid_month(&mut a, c.month);
    update(&mut a, Action::StartEdit);
    if a.editor().is_none() {
        return Err(a.status().to_string());
    }
    update(&mut a, Action::Clear);
    typed(&mut a, c.value);
    update(&mut a, Action::Commit);
    if a.editor().is_some() {
        return Err(a.status().to_string());
    }
    assert_eq!(a.addendum().map(|s| s.len()), Some(1), "{}", c.name);
    Ok(())
}

/// The realisasi sheet: the rows, or the reason code of the refused row.
fn sheet(ds: &Dataset, c: &Case) -> Option<&'static str> {
    let text = format!(
        "unit;iku;month;realisasi\nP;{};2025-{:02};{}\n",
        c.iku, c.month, c.value
    );
    match parse_realisasi_sheet(&text, Some(Locale::Id), &[ds]) {
        Ok(rows) => {
            assert_eq!(rows.len(), 1);
            None
        }
        Err(errors) => {
            assert_eq!(errors.len(), 1, "{}: {errors:?}", c.name);
            Some(errors[0].code.expect("a refusal has a code").as_str())
        }
    }
}

/// `domain::addendum::prepare` (what `kinerja addendum` and the TUI submit call): the code of
/// the refused set, if any.
fn addendum(ds: &Dataset, c: &Case) -> Option<&'static str> {
    let value = match parse_decimal(c.value, Locale::Id) {
        Ok(v) => v,
        Err(_) => return Some("bad_number"), // the CLI reads the number before the draft
    };
    let draft = AddendumDraft {
        unit: "P".into(),
        reason: "uji".into(),
        date: NaiveDate::from_ymd_opt(2025, 7, 1).unwrap(),
        sets: vec![(c.iku.into(), c.month, Some(value))],
        add: vec![],
        remove: vec![],
    };
    match prepare(ds, &Rulebook::default_rulebook(), &draft) {
        Ok(_) => None,
        Err(problems) => {
            let codes: Vec<&str> = problems
                .iter()
                .filter_map(|p| match p {
                    Problem::Refused(r) => Some(r.code().as_str()),
                    _ => None,
                })
                .collect();
            assert_eq!(codes.len(), 1, "{}: {problems:?}", c.name);
            Some(codes[0])
        }
    }
}

#[test]
fn every_edit_path_gives_the_same_verdict_and_reason_code() {
    set_thread_lang(Lang::Id);
    let ds = dataset();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.store");
    Store::open(&path)
        .unwrap()
        .import_dataset(&ds, false, &Actor::new("budi"), "test")
        .unwrap();
    for c in CASES {
        for target in [true, false] {
            let want = if target { c.target } else { c.realisasi };
            let refusal_expected = expected(&ds, c, target);
            assert_eq!(code(&refusal_expected), want, "{} (the rule)", c.name);
            let sentence = refusal_expected.as_ref().map(refusal);
            let side = if target { "target" } else { "realisasi" };

            // the TUI
            let tui = if target {
                tui_target(&ds, c)
            } else {
                tui_realisasi(&ds, c)
            };
            match (&tui, &sentence) {
                (Ok(()), None) => {}
                (Err(status), Some(s)) => assert!(
                    status.contains(s.as_str()),
                    "{} ({side}, TUI): {status:?} should say {s:?}",
                    c.name
                ),
                _ => panic!("{} ({side}, TUI): {tui:?}, expected {sentence:?}", c.name),
            }

            // the CLI and the sheet
            let month = format!("2025-{:02}", c.month);
            let o = if target {
                let set = format!("{}:{}={}", c.iku, c.month, c.value);
                cli_support::kinerja(
                    &path,
                    &[
                        "addendum",
                        "P",
                        "--reason",
                        "uji",
                        "--set",
                        &set,
                        "--date",
                        "2025-07-01",
                    ],
                )
            } else {
                assert_eq!(sheet(&ds, c), want, "{} (sheet)", c.name);
                cli_support::kinerja(&path, &["set", "P", c.iku, &month, c.value])
            };
            assert_eq!(addendum(&ds, c), c.target, "{} (addendum draft)", c.name);
            let err = cli_support::stderr(&o);
            match &sentence {
                None => assert_eq!(o.status.code(), Some(0), "{} ({side}, CLI): {err}", c.name),
                Some(s) => {
                    assert_eq!(o.status.code(), Some(1), "{} ({side}, CLI): {err}", c.name);
                    assert!(
                        err.contains(s.as_str()),
                        "{} ({side}, CLI): {err:?} should say {s:?}",
                        c.name
                    );
                }
            }
        }
    }
}
