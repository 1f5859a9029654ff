//! Values at and beyond the bounds of a stored number (DOMAIN.md §4: magnitude below 10^15, at
//! most 6 decimal places) through every computation: consolidation, capaian, roll-up, NKO, K3
//! and the rules. Within the bounds nothing panics and every number is representable; beyond
//! them (a store written by an older version) nothing panics either and the IKU is *not
//! computable* with that reason; every entry point refuses such a value.

use kinerja::domain::bounds;
use kinerja::domain::k3::k3_breakdown;
use kinerja::domain::model::*;
use kinerja::domain::rulebook::Rulebook;
use kinerja::domain::rules::check;
use kinerja::domain::score::{NotComputable, score_iku_by_month, score_unit};
use kinerja::interchange::{Locale, parse_decimal};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// A value within the bounds: any magnitude below 10^15 with 0–6 decimal places, the edges
/// included.
fn within() -> impl Strategy<Value = Decimal> + Clone {
    let edge = (10i128.pow(21)) - 1; // 999 999 999 999 999.999999
    prop_oneof![
        (0u32..=6).prop_flat_map(|scale| {
            let m = 10i128.pow(15 + scale) - 1;
            (-m..=m).prop_map(move |v| Decimal::from_i128_with_scale(v, scale))
        }),
        (-1000i64..=1000).prop_map(Decimal::from),
        Just(Decimal::from_i128_with_scale(edge, 6)),
        Just(Decimal::from_i128_with_scale(-edge, 6)),
        Just(Decimal::from_i128_with_scale(1, 6)),
        Just(Decimal::from_i128_with_scale(-1, 6)),
        Just(Decimal::ZERO),
    ]
}

/// A value beyond the bounds.
fn beyond() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        Just(Decimal::MAX),
        Just(Decimal::MIN),
        Just(Decimal::from(10i64.pow(15))),
        Just(Decimal::from_i128_with_scale(1, 7)),
        Just("5e28".parse::<Decimal>().unwrap_or(Decimal::MAX)),
        (16u32..=28).prop_map(|e| Decimal::from_i128_with_scale(10i128.pow(e), 0)),
    ]
}

fn polarity() -> impl Strategy<Value = Polarity> {
    prop_oneof![
        Just(Polarity::Maximize),
        Just(Polarity::Minimize),
        Just(Polarity::Stabilize)
    ]
}
fn consolidation() -> impl Strategy<Value = Consolidation> {
    prop_oneof![
        Just(Consolidation::Sum),
        Just(Consolidation::Average),
        Just(Consolidation::Last)
    ]
}
fn reporting() -> impl Strategy<Value = ReportingPeriod> {
    prop_oneof![
        Just(ReportingPeriod::Monthly),
        Just(ReportingPeriod::Quarterly),
        Just(ReportingPeriod::Semester),
        Just(ReportingPeriod::Annual)
    ]
}

#[derive(Debug, Clone)]
struct Shape {
    polarity: Polarity,
    consolidation: Consolidation,
    reporting: ReportingPeriod,
    location: LocationConsolidation,
    konversi_120: bool,
    worst: Option<Decimal>,
    prev: (Option<Decimal>, Option<Decimal>),
}

fn shape(values: impl Strategy<Value = Decimal> + Clone) -> impl Strategy<Value = Shape> {
    (
        polarity(),
        consolidation(),
        reporting(),
        prop_oneof![
            Just(LocationConsolidation::Sum),
            Just(LocationConsolidation::Average),
            Just(LocationConsolidation::Last)
        ],
        any::<bool>(),
        proptest::option::of(values.clone()),
        (
            proptest::option::of(values.clone()),
            proptest::option::of(values),
        ),
    )
        .prop_map(
            |(polarity, consolidation, reporting, location, konversi_120, worst, prev)| Shape {
                polarity,
                consolidation,
                reporting,
                location,
                konversi_120,
                worst,
                prev,
            },
        )
}

type Slots = Vec<Option<Decimal>>;

fn slots(values: impl Strategy<Value = Decimal>) -> impl Strategy<Value = Slots> {
    proptest::collection::vec(proptest::option::weighted(0.8, values), 12)
}

fn months(v: &Slots) -> Months {
    std::array::from_fn(|i| v[i])
}

/// A Kanwil whose IKU P rolls up the IKU C of two KPKNL, each with the given values.
fn dataset(s: &Shape, values: &[(Slots, Slots); 3]) -> Dataset {
    let unit = |code: &str, level, parent: Option<&str>| Unit {
        code: code.into(),
        name: code.into(),
        level,
        parent: parent.map(Into::into),
        perspective_weights: Default::default(),
    };
    let ss = |u: &str, p| Ss {
        unit: u.into(),
        code: "S".into(),
        perspective: p,
        name: "S".into(),
        weight: None,
        cascaded_from: None,
    };
    let iku = |u: &str, code: &str, (t, r): &(Slots, Slots)| {
        let mut i = Iku::new(u, code, "S", s.polarity, s.consolidation, s.reporting);
        i.konversi_120 = s.konversi_120;
        i.worst_realisasi = s.worst;
        i.target_prev = s.prev.0;
        i.realisasi_prev = s.prev.1;
        i.targets = months(t);
        i.realisasi = months(r);
        i
    };
    let mut parent = iku("K", "P", &values[0]);
    parent.cascade = Some(Cascade {
        from: CodeRef::new("X", "Y"),
        method: CascadeMethod::Direct,
        kind: CascadeKind::Partial,
    });
    parent.location_consolidation = s.location;
    let child = |u: &str, v| {
        let mut c = iku(u, "C", v);
        c.cascade = Some(Cascade {
            from: CodeRef::new("K", "P"),
            method: CascadeMethod::Direct,
            kind: CascadeKind::Partial,
        });
        c
    };
    let own = iku("K", "O", &values[0]);
    Dataset::from_parts(
        2025,
        "kmk-300-2022",
        [
            unit("K", Level::Two, None),
            unit("A", Level::Three, Some("K")),
            unit("B", Level::Three, Some("K")),
        ],
        [
            ss("K", Perspective::Stakeholder),
            ss("A", Perspective::InternalProcess),
            ss("B", Perspective::LearningGrowth),
        ],
        [parent, own, child("A", &values[1]), child("B", &values[2])],
        vec![],
    )
}

/// Every computation over the dataset, under both built-in rulebooks.
fn compute_everything(ds: &Dataset) {
    for name in ["kmk-300-2022", "kmk-127-2026"] {
        let rb = Rulebook::builtin(name).unwrap();
        for unit in ["K", "A", "B"] {
            for period in 1..=12 {
                let s = score_unit(ds, &rb, unit, period);
                let b = k3_breakdown(ds, &rb, unit, s.nko);
                if let Some(n) = s.nko {
                    assert!(n >= rb.nko.min.0 && n <= rb.nko.max.0);
                }
                let _ = b.nko_k3;
            }
            for i in ds.iku_of_unit(unit) {
                for s in score_iku_by_month(ds, &rb, i) {
                    if let Some(c) = s.capaian {
                        assert!(c >= rb.capaian.min.0 && c <= rb.capaian.max.0);
                    }
                }
            }
        }
        let _ = check(ds, &rb, None);
    }
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("BOUNDS_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(48),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn values_within_the_bounds_go_through_every_computation_without_panic(
        s in shape(within()),
        v in [(slots(within()), slots(within())), (slots(within()), slots(within())),
              (slots(within()), slots(within()))],
    ) {
        let ds = dataset(&s, &v);
        compute_everything(&ds);
        // within the bounds, a computable month is never lost to an overflow
        let rb = Rulebook::default_rulebook();
        for i in ds.iku.values() {
            for sc in score_iku_by_month(&ds, &rb, i) {
                prop_assert_ne!(sc.why, Some(NotComputable::OutOfBounds), "{:?}", sc);
            }
        }
    }

    #[test]
    fn values_beyond_the_bounds_are_not_computable_and_never_panic(
        s in shape(within()),
        v in [(slots(within()), slots(within())), (slots(within()), slots(within())),
              (slots(within()), slots(within()))],
        bad in beyond(),
        at in 0usize..12,
        realisasi in any::<bool>(),
        who in 0usize..3,
    ) {
        let mut v = v;
        // the Kanwil (its own IKU O and the roll-up P) or a KPKNL holds the value an older
        // version stored
        let slot = if realisasi { &mut v[who].1 } else { &mut v[who].0 };
        slot[at] = Some(bad);
        v[who].0[at].get_or_insert(Decimal::ONE);
        let ds = dataset(&s, &v);
        compute_everything(&ds);
        let rb = Rulebook::default_rulebook();
        let own = ds.iku.get(&CodeRef::new("K", "O")).unwrap();
        if who == 0 && s.reporting.is_reporting_month(at as u8 + 1) {
            let sc = &score_iku_by_month(&ds, &rb, own)[11];
            prop_assert_eq!(sc.capaian, None);
            prop_assert_eq!(sc.why, Some(NotComputable::OutOfBounds));
        }
    }

    #[test]
    fn a_value_beyond_the_bounds_is_refused_where_it_is_typed(bad in beyond()) {
        for locale in [Locale::Id, Locale::En] {
            let text = bad.to_string().replace('.', &locale.decimal_char().to_string());
            prop_assert!(parse_decimal(&text, locale).is_err(), "{} accepted", text);
        }
        prop_assert!(!bounds::within(bad));
    }

    #[test]
    fn a_value_within_the_bounds_is_accepted_where_it_is_typed(good in within()) {
        let text = good.normalize().to_string().replace('.', ",");
        prop_assert_eq!(parse_decimal(&text, Locale::Id), Ok(good.normalize()));
    }
}

/// A value at or beyond the bounds, of every kind: a magnitude of 10^15 or more at 0–6
/// decimal places (10^15 itself, the first refused), up to the largest `Decimal`; or more than
/// 6 decimal places on a small number.
fn at_or_beyond() -> impl Strategy<Value = Decimal> {
    let sign = prop_oneof![Just(1i128), Just(-1i128)];
    prop_oneof![
        beyond(),
        (sign.clone(), 0u32..=6, 0i128..10i128.pow(13)).prop_map(|(s, scale, k)| {
            Decimal::from_i128_with_scale(s * (10i128.pow(15 + scale) + k), scale)
        }),
        (sign, 7u32..=12, 1i128..1_000_000).prop_map(|(s, scale, m)| {
            // not a multiple of 10: its scale stays above 6 once normalised
            let m = if m % 10 == 0 { m + 1 } else { m };
            Decimal::from_i128_with_scale(s * m, scale)
        }),
    ]
}

/// Every entry point of a value, fed values at and beyond the bounds: the store's change apply
/// (realisasi, target, correction, an IKU put whole, an addendum, and a set whose other
/// change is fine), the kinerja/1 document, the realisasi sheet (both locales), the realisasi
/// workbook (text and number cells) and the addendum's preparation. Each refuses naming the bound; the store holds what it held before,
/// with no audit entry.
#[test]
fn a_value_at_or_beyond_the_bounds_is_refused_at_every_entry_point_and_the_store_is_unchanged() {
    use kinerja::domain::addendum::{AddendumDraft, prepare};
    use kinerja::domain::change::{Change, Field};
    use kinerja::interchange::csv::parse_realisasi_sheet;
    use kinerja::interchange::json::{export_document, import_document};
    use kinerja::interchange::xlsx::parse_realisasi_workbook;
    use kinerja::store::{Actor, AuditFilter, Store};
    use kinerja::text::{Lang, set_thread_lang};
    use proptest::test_runner::TestRunner;
    use rust_decimal::prelude::ToPrimitive;

    set_thread_lang(Lang::En);
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("s")).unwrap();
    let ds = crate::support::store_common::dataset();
    let who = Actor::new("budi");
    store.import_dataset(&ds, false, &who, "import").unwrap();
    let before = store.load_year(2025).unwrap();
    let audit = |s: &Store| s.audit_log(&AuditFilter::default()).unwrap().len();
    let audit_before = audit(&store);
    let rb = Rulebook::default_rulebook();
    // DJKN/2a-N: quarterly, no children, December without realisasi: the change apply takes
    // a value within the bounds there (the end of the test shows it)
    let key = CodeRef::new("DJKN", "2a-N");
    let json: serde_json::Value = serde_json::from_str(&export_document(&before)).unwrap();
    let at = json["iku"]
        .as_array()
        .unwrap()
        .iter()
        .position(|i| i["unit"] == "DJKN" && i["code"] == "2a-N")
        .unwrap();
    let names_the_bound = |m: &str| m.contains("out of bounds");

    let mut runner = TestRunner::new(config());
    runner
        .run(&(at_or_beyond(), any::<bool>()), |(bad, target)| {
            prop_assert!(!bounds::within(bad));
            // the store's change apply
            let mut put = before.iku[&key].clone();
            put.targets[11] = Some(bad);
            let addendum = Addendum {
                unit: "DJKN".into(),
                version: 0,
                date: chrono::NaiveDate::from_ymd_opt(2025, 11, 1).unwrap(),
                reason: "naik".into(),
                changes: vec![AddendumChange {
                    iku: "2a-N".into(),
                    field: Field::Targets,
                    month: 12,
                    old: before.iku[&key].targets[11],
                    new: Some(bad),
                }],
            };
            let sets: Vec<Vec<Change>> = vec![
                vec![Change::SetRealisasi {
                    iku: key.clone(),
                    month: 12,
                    value: Some(bad),
                }],
                vec![Change::SetTarget {
                    iku: key.clone(),
                    month: 12,
                    value: Some(bad),
                }],
                vec![Change::CorrectRealisasi {
                    iku: key.clone(),
                    month: 12,
                    value: Some(bad),
                    reason: "koreksi".into(),
                }],
                vec![Change::PutIku(put.clone())],
                vec![Change::Addendum {
                    addendum,
                    added: vec![],
                }],
                // a fine change first: the set is refused whole
                vec![
                    Change::SetRealisasi {
                        iku: key.clone(),
                        month: 12,
                        value: Some(Decimal::ONE),
                    },
                    Change::SetTarget {
                        iku: key.clone(),
                        month: 12,
                        value: Some(bad),
                    },
                ],
            ];
            for set in &sets {
                let r = store.apply(2025, set, &who, "prop");
                prop_assert!(r.is_err(), "{bad}: {set:?} stored");
                let e = r.unwrap_err().to_string();
                prop_assert!(names_the_bound(&e), "{bad}: {e}");
            }
            // the kinerja/1 document
            let mut doc = json.clone();
            let field = if target { "targets" } else { "realisasi" };
            doc["iku"][at][field][11] = serde_json::Value::String(bad.to_string());
            let errs = import_document(&doc.to_string()).unwrap_err();
            prop_assert!(
                errs.iter().any(|e| names_the_bound(&e.to_string())),
                "{bad}: {errs:?}"
            );
            // the realisasi sheet, in both locales
            for (head, text) in [
                ("unit,iku,month,realisasi", bad.to_string()),
                (
                    "unit;iku;month;realisasi",
                    bad.to_string().replace('.', ","),
                ),
            ] {
                let sep = &head[4..5];
                let sheet = format!("{head}\nDJKN{sep}2a-N{sep}2025-12{sep}\"{text}\"\n");
                let errs = parse_realisasi_sheet(&sheet, None, &[&before]).unwrap_err();
                prop_assert!(
                    errs.iter().any(|e| names_the_bound(&e.message)),
                    "{bad}: {errs:?}"
                );
            }
            // the realisasi workbook: the value as a text cell, and as a number cell when a
            // float holds it exactly
            let mut cells = vec![bad.to_string().replace('.', ",")];
            if let Some(f) = bad
                .to_f64()
                .filter(|f| Decimal::from_f64_retain(*f) == Some(bad))
            {
                cells.push(format!("#{f}"));
            }
            for cell in &cells {
                let mut wb = rust_xlsxwriter::Workbook::new();
                let ws = wb.add_worksheet();
                for (c, h) in ["unit", "iku", "month", "realisasi"].iter().enumerate() {
                    ws.write_string(0, c as u16, *h).unwrap();
                }
                ws.write_string(1, 0, "DJKN").unwrap();
                ws.write_string(1, 1, "2a-N").unwrap();
                ws.write_string(1, 2, "2025-12").unwrap();
                match cell.strip_prefix('#') {
                    Some(f) => ws.write_number(1, 3, f.parse::<f64>().unwrap()).unwrap(),
                    None => ws.write_string(1, 3, cell).unwrap(),
                };
                let bytes = wb.save_to_buffer().unwrap();
                let errs = parse_realisasi_workbook(&bytes, "r.xlsx", None, Locale::Id, &[&before])
                    .unwrap_err();
                prop_assert!(
                    errs.iter().any(|e| names_the_bound(&e.message)),
                    "{bad} ({cell}): {errs:?}"
                );
            }
            // the addendum: a target, or an added IKU holding the value
            let mut added = put.clone();
            added.code = "9z-N".into();
            added.cascade = None;
            for (sets, add) in [
                (vec![("2a-N".to_string(), 12u8, Some(bad))], vec![]),
                (vec![], vec![added]),
            ] {
                let draft = AddendumDraft {
                    unit: "DJKN".into(),
                    reason: "naik".into(),
                    date: chrono::NaiveDate::from_ymd_opt(2025, 11, 1).unwrap(),
                    sets,
                    add,
                    remove: vec![],
                };
                let problems = prepare(&before, &rb, &draft).unwrap_err();
                prop_assert!(
                    problems.iter().any(|p| names_the_bound(&p.to_string())),
                    "{bad}: {problems:?}"
                );
            }
            // nothing of it reached the store
            prop_assert_eq!(&store.load_year(2025).unwrap(), &before);
            prop_assert_eq!(audit(&store), audit_before);
            Ok(())
        })
        .unwrap();
    // the same entry point takes a value within the bounds
    store
        .apply(
            2025,
            &[Change::SetRealisasi {
                iku: key.clone(),
                month: 12,
                value: Some(Decimal::from_i128_with_scale(
                    999_999_999_999_999_999_999,
                    6,
                )),
            }],
            &who,
            "prop",
        )
        .unwrap();
    set_thread_lang(Lang::Id);
}
