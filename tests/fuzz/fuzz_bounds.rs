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
