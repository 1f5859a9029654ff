//! The demo generator (issue 6.1): determinism, sizes, and that what it generates is a valid,
//! scoreable kmk-300-2022 dataset.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use kinerja::demo::{Scale, generate, generate_with_progress};
use kinerja::domain::period::annual_target;
use kinerja::domain::rulebook::{Rulebook, Severity};
use kinerja::domain::{
    CascadeKind, CascadeMethod, CodeRef, Consolidation, Control, Dataset, Decimal, Level,
    LocationConsolidation, Perspective, Polarity, ReportingPeriod, Validity, rules, score,
};

fn ministry() -> &'static Dataset {
    static DS: OnceLock<Dataset> = OnceLock::new();
    DS.get_or_init(|| generate(Scale::Ministry, 2025, 2025))
}

fn kanwil() -> &'static Dataset {
    static DS: OnceLock<Dataset> = OnceLock::new();
    DS.get_or_init(|| generate(Scale::Kanwil, 2025, 2025))
}

fn both() -> [(&'static str, &'static Dataset); 2] {
    [("kanwil", kanwil()), ("ministry", ministry())]
}

fn level_counts(ds: &Dataset) -> BTreeMap<Level, usize> {
    let mut m = BTreeMap::new();
    for u in ds.units.values() {
        *m.entry(u.level).or_default() += 1;
    }
    m
}

#[test]
fn scale_parses_its_spellings() {
    assert_eq!(Scale::parse("kanwil"), Some(Scale::Kanwil));
    assert_eq!(Scale::parse("Ministry"), Some(Scale::Ministry));
    assert_eq!(Scale::parse("eselon"), None);
    for s in Scale::ALL {
        assert_eq!(Scale::parse(s.as_str()), Some(*s));
    }
}

#[test]
fn same_seed_same_dataset_other_seed_other_dataset() {
    let a = generate(Scale::Kanwil, 7, 2025);
    let b = generate(Scale::Kanwil, 7, 2025);
    assert_eq!(a, b);
    let c = generate(Scale::Kanwil, 8, 2025);
    assert_ne!(a, c);
    let tree = |d: &Dataset| -> Vec<(String, String, Option<String>)> {
        d.units
            .values()
            .map(|u| (u.code.clone(), u.name.clone(), u.parent.clone()))
            .collect()
    };
    assert_eq!(
        tree(&a),
        tree(&c),
        "the kanwil tree is fixed; the PKs change"
    );
    let d = generate(Scale::Kanwil, 7, 2026);
    assert_eq!(d.year, 2026);
    assert_eq!(&generate(Scale::Ministry, 2025, 2025), ministry());
    let other = generate(Scale::Ministry, 2026, 2025);
    assert_ne!(&other, ministry());
}

#[test]
fn progress_counts_every_unit_once() {
    let mut calls = Vec::new();
    let ds = generate_with_progress(Scale::Kanwil, 1, 2025, &mut |d, t| calls.push((d, t)));
    let total = ds.units.len();
    assert_eq!(calls.first(), Some(&(0, total)));
    assert_eq!(calls.last(), Some(&(total, total)));
    assert!(
        calls
            .windows(2)
            .all(|w| w[1].0 == w[0].0 + 1 && w[1].1 == total)
    );
}

#[test]
fn kanwil_scale_is_one_kanwil_djkn_with_its_kpknl() {
    let ds = kanwil();
    let c = level_counts(ds);
    assert_eq!(c[&Level::Wide], 1);
    assert_eq!(c[&Level::One], 1);
    assert_eq!(c[&Level::Two], 1);
    assert!((6..=10).contains(&c[&Level::Three]), "{c:?}");
    assert_eq!(ds.units["DJKN"].parent.as_deref(), Some("KEMENKEU"));
    let kanwil = ds.units.values().find(|u| u.level == Level::Two).unwrap();
    assert_eq!(kanwil.name, "Kanwil DJKN Kalimantan Barat");
    assert_eq!(kanwil.parent.as_deref(), Some("DJKN"));
    for u in ds.units.values().filter(|u| u.level == Level::Three) {
        assert!(u.name.starts_with("KPKNL "), "{}", u.name);
        assert_eq!(u.parent.as_deref(), Some(kanwil.code.as_str()));
    }
    assert!((130..=220).contains(&ds.iku.len()), "{}", ds.iku.len());
}

#[test]
fn ministry_scale_has_the_size_of_the_ministry() {
    let ds = ministry();
    let c = level_counts(ds);
    assert_eq!(c[&Level::Wide], 1);
    assert_eq!(c[&Level::One], 11);
    assert!((300..=360).contains(&c[&Level::Two]), "{c:?}");
    assert!((1250..=1450).contains(&c[&Level::Three]), "{c:?}");
    assert!((1600..=1800).contains(&ds.units.len()));
    assert!(
        (23_000..=27_000).contains(&ds.iku.len()),
        "{}",
        ds.iku.len()
    );
    let names: BTreeSet<&str> = ds
        .units
        .values()
        .filter(|u| u.level == Level::One)
        .map(|u| u.code.as_str())
        .collect();
    let want: BTreeSet<&str> = [
        "DJP", "DJBC", "DJA", "DJPB", "DJKN", "DJPK", "DJPPR", "BKF", "SETJEN", "ITJEN", "BPPK",
    ]
    .into();
    assert_eq!(names, want);
    let all: BTreeSet<&str> = ds.units.values().map(|u| u.name.as_str()).collect();
    assert_eq!(all.len(), ds.units.len(), "unit names are unique");
    for n in [
        "Kanwil DJKN Kalimantan Barat",
        "Kanwil DJP Jawa Timur I",
        "Direktorat Jenderal Pajak",
        "KPKNL Pontianak",
    ] {
        assert!(all.contains(n), "{n}");
    }
}

#[test]
fn every_unit_has_an_iku_count_within_its_limits() {
    let rb = Rulebook::default_rulebook();
    for (name, ds) in both() {
        for u in ds.units.values() {
            let n = ds.iku_of_unit(&u.code).count();
            match rb.iku_limits(u.level) {
                Some((lo, hi)) => assert!(
                    (lo as usize..=hi as usize).contains(&n),
                    "{name}: {} has {n} IKU",
                    u.code
                ),
                None => assert!((5..=12).contains(&n), "{name}: wide has {n} IKU"),
            }
            let ss = ds.ss_of(&u.code);
            for p in Perspective::ALL {
                let k = ss.iter().filter(|s| ds.ss[*s].perspective == *p).count();
                assert!(
                    k == 0 || (1..=4).contains(&k),
                    "{name}: {} has {k} SS in {p}",
                    u.code
                );
            }
            assert!(ss.len() >= 6, "{name}: {} has a Peta Strategi", u.code);
        }
    }
}

#[test]
fn targets_fill_the_trajectory_and_realisasi_stays_in_reporting_months_to_september() {
    for (name, ds) in both() {
        for i in ds.iku.values() {
            let rp = i.reporting_period;
            for m in 1..=12u8 {
                let k = usize::from(m - 1);
                assert_eq!(
                    i.targets[k].is_some(),
                    rp.is_reporting_month(m),
                    "{name}: {} target of month {m}",
                    i.key()
                );
                let expect_r = rp.is_reporting_month(m) && m <= 9;
                assert_eq!(
                    i.realisasi[k].is_some(),
                    expect_r,
                    "{name}: {} realisasi of month {m}",
                    i.key()
                );
                for v in [i.targets[k], i.realisasi[k]].into_iter().flatten() {
                    assert!(v.scale() <= 2, "{name}: {} has {v}", i.key());
                    assert!(v >= Decimal::ZERO);
                }
            }
            let zero = i.targets.iter().flatten().any(|t| t.is_zero());
            if zero {
                assert_eq!(i.polarity, Polarity::Minimize, "{}", i.key());
                assert!(i.worst_realisasi.is_some_and(|w| w > Decimal::ZERO));
            }
        }
    }
}

#[test]
fn every_reference_resolves_to_an_ancestor() {
    for (name, ds) in both() {
        for u in ds.units.values() {
            if let Some(p) = &u.parent {
                assert!(ds.units.contains_key(p), "{name}: parent of {}", u.code);
            } else {
                assert_eq!(u.level, Level::Wide);
            }
            if !u.perspective_weights.is_empty() {
                let sum: Decimal = u.perspective_weights.values().map(|d| d.0).sum();
                assert_eq!(sum, Decimal::ONE_HUNDRED, "{name}: {}", u.code);
            }
        }
        for s in ds.ss.values() {
            if let Some(from) = &s.cascaded_from {
                assert!(ds.ss.contains_key(from), "{name}: {}/{}", s.unit, s.code);
                assert!(ds.ancestors(&s.unit).contains(&from.unit));
            }
        }
        for i in ds.iku.values() {
            assert!(
                ds.ss.contains_key(&CodeRef::new(&i.unit, &i.ss)),
                "{name}: SS of {}",
                i.key()
            );
            let Some(c) = &i.cascade else { continue };
            assert!(
                ds.iku.contains_key(&c.from),
                "{name}: source of {}",
                i.key()
            );
            let ancestors = ds.ancestors(&i.unit);
            assert!(ancestors.contains(&c.from.unit), "{name}: {}", i.key());
            if c.method == CascadeMethod::Direct {
                // follow the chain of direct cascades to where it starts: at most two levels up
                let mut origin = c.from.clone();
                while let Some(up) = ds.iku[&origin]
                    .cascade
                    .as_ref()
                    .filter(|c| c.method == CascadeMethod::Direct)
                {
                    origin = up.from.clone();
                }
                let levels = ds.depth(&i.unit) - ds.depth(&origin.unit);
                assert!(
                    levels <= 2,
                    "{name}: {} is {levels} below {origin}",
                    i.key()
                );
            }
            if c.kind == CascadeKind::Full {
                let src = &ds.iku[&c.from];
                assert_eq!(i.targets, src.targets, "{name}: full cascade {}", i.key());
            }
        }
    }
}

#[test]
fn roll_up_parents_are_the_sum_of_their_children_in_direct_child_units() {
    for (name, ds) in both() {
        let mut rollups = 0;
        for i in ds.iku.values().filter(|i| i.rolls_up()) {
            rollups += 1;
            assert_eq!(i.location_consolidation, LocationConsolidation::Sum);
            match &i.cascade {
                None => assert_eq!(ds.units[&i.unit].level, Level::One, "{}", i.key()),
                Some(c) => assert_eq!(c.kind, CascadeKind::Partial),
            }
            let children: Vec<_> = ds
                .cascaded_from(&i.key())
                .iter()
                .map(|k| &ds.iku[k])
                .filter(|c| ds.units[&c.unit].parent.as_deref() == Some(i.unit.as_str()))
                .collect();
            assert!(!children.is_empty(), "{name}: {} has no children", i.key());
            let own = annual_target(i.period_consolidation, i.reporting_period, &i.targets);
            let sum: Decimal = children
                .iter()
                .map(|c| {
                    assert_eq!(c.cascade.as_ref().unwrap().kind, CascadeKind::Partial);
                    assert_eq!(c.reporting_period, i.reporting_period);
                    annual_target(c.period_consolidation, c.reporting_period, &c.targets).unwrap()
                })
                .sum();
            assert_eq!(own, Some(sum), "{name}: R11 of {}", i.key());
        }
        assert!(rollups >= 3, "{name}: {rollups} roll-up IKU");
        // a chain of three levels: an eselon I rolls up Kanwil that roll up their offices
        assert!(
            ds.iku.values().any(|i| i.rolls_up()
                && i.cascade.is_some()
                && ds.units[&i.unit].level == Level::Two)
        );
    }
}

#[test]
fn peta_strategi_follows_r03_r05_r08() {
    for (name, ds) in both() {
        for (k, s) in &ds.ss {
            let ikus: Vec<_> = ds.iku_of_ss(k).iter().map(|c| &ds.iku[c]).collect();
            assert!(!ikus.is_empty(), "{name}: {k} empty");
            assert!(
                ikus.iter().any(|i| i.validity != Validity::Activity),
                "{name}: {k}"
            );
            let direct = ikus.iter().any(|i| {
                i.cascade
                    .as_ref()
                    .is_some_and(|c| c.method == CascadeMethod::Direct)
            });
            if direct {
                assert!(ikus.iter().any(|i| i.cascade.is_none()), "{name}: R03 {k}");
            }
            let weights: Vec<Option<Decimal>> = ikus.iter().map(|i| i.weight).collect();
            if weights.iter().any(Option::is_some) {
                let sum: Option<Decimal> = weights.iter().copied().sum();
                assert_eq!(sum, Some(Decimal::ONE_HUNDRED), "{name}: weights of {k}");
            }
            let _ = s;
        }
        for u in ds.units.keys() {
            for p in Perspective::ALL {
                let w: Vec<Option<Decimal>> = ds
                    .ss_of(u)
                    .iter()
                    .map(|k| &ds.ss[k])
                    .filter(|s| s.perspective == *p)
                    .map(|s| s.weight)
                    .collect();
                if w.iter().any(Option::is_some) {
                    let sum: Option<Decimal> = w.iter().copied().sum();
                    assert_eq!(sum, Some(Decimal::ONE_HUNDRED), "{name}: {u} {p}");
                }
            }
        }
    }
}

#[test]
fn every_kind_of_iku_occurs() {
    let ds = ministry();
    let has = |f: &dyn Fn(&kinerja::domain::Iku) -> bool| ds.iku.values().any(f);
    for p in Polarity::ALL {
        assert!(has(&|i| i.polarity == *p), "{p}");
    }
    for c in Consolidation::ALL {
        assert!(has(&|i| i.period_consolidation == *c), "{c}");
    }
    for r in ReportingPeriod::ALL {
        assert!(has(&|i| i.reporting_period == *r), "{r}");
    }
    for m in CascadeMethod::ALL {
        assert!(
            has(&|i| i.cascade.as_ref().is_some_and(|c| c.method == *m)),
            "{m}"
        );
    }
    for k in CascadeKind::ALL {
        assert!(
            has(&|i| i.cascade.as_ref().is_some_and(|c| c.kind == *k)),
            "{k}"
        );
    }
    assert!(has(
        &|i| i.polarity == Polarity::Minimize && i.targets.iter().flatten().all(|t| t.is_zero())
    ));
    assert!(has(&|i| i.konversi_120));
    assert!(has(&|i| i.stabilize_scale.is_some()));
    assert!(has(&|i| i.new_iku));
    assert!(has(&|i| i.measures_quality_or_time));
    assert!(has(&|i| i.validity == Validity::Activity));
    let maximize = ds
        .iku
        .values()
        .filter(|i| i.polarity == Polarity::Maximize)
        .count();
    assert!(maximize * 2 > ds.iku.len(), "maximize mostly");
    for i in ds.iku.values() {
        assert!(
            !matches!(
                (i.validity, i.control),
                (Validity::Exact, Control::High) | (Validity::Activity, Control::Low)
            ),
            "{}",
            i.key()
        );
    }
    // previous-year facts for K3 on most IKU
    let with_facts = ds
        .iku
        .values()
        .filter(|i| i.new_iku || i.target_prev.is_some())
        .count();
    assert_eq!(with_facts, ds.iku.len());
    let new = ds.iku.values().filter(|i| i.new_iku).count();
    assert!(new * 5 < ds.iku.len(), "{new} new IKU");
    let units_of_measure: BTreeSet<&str> = ds
        .iku
        .values()
        .map(|i| i.unit_of_measure.as_str())
        .collect();
    for u in [
        "Rp miliar",
        "%",
        "dokumen",
        "hari",
        "indeks",
        "bidang",
        "laporan",
    ] {
        assert!(units_of_measure.contains(u), "{u}");
    }
}

#[test]
fn scores_are_computable_and_spread_over_green_yellow_red() {
    let rb = Rulebook::default_rulebook();
    for (name, ds) in both() {
        let mut with_nko = 0;
        let mut status = BTreeMap::new();
        for u in ds.units.keys() {
            let s = score::score_unit(ds, &rb, u, 9);
            if s.nko.is_some() {
                with_nko += 1;
            }
            for i in s.iku.values() {
                if let Some(st) = i.status {
                    *status.entry(st.as_str()).or_insert(0usize) += 1;
                }
            }
        }
        assert!(
            with_nko * 10 >= ds.units.len() * 9,
            "{name}: {with_nko} NKO"
        );
        let total: usize = status.values().sum();
        for c in ["green", "yellow", "red"] {
            let n = status.get(c).copied().unwrap_or(0);
            assert!(n * 10 >= total, "{name}: {status:?}");
        }
    }
}

#[test]
fn check_finds_no_error() {
    let rb = Rulebook::default_rulebook();
    for (name, ds) in both() {
        let errors: Vec<String> = rules::check(ds, &rb, None)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| format!("{} {}", f.id, kinerja::text::reason::render(&f.reason)))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}

#[test]
fn other_seeds_and_years_stay_valid() {
    let rb = Rulebook::default_rulebook();
    for seed in [0u64, 1, 2, 3, 17, 255, 1 << 40, u64::MAX] {
        let ds = generate(Scale::Kanwil, seed, 2024 + (seed % 3) as i32);
        let errors: Vec<String> = rules::check(&ds, &rb, None)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| format!("{} {}", f.id, kinerja::text::reason::render(&f.reason)))
            .collect();
        assert!(errors.is_empty(), "seed {seed}: {errors:#?}");
        for u in ds.units.values() {
            if let Some((lo, hi)) = rb.iku_limits(u.level) {
                let n = ds.iku_of_unit(&u.code).count() as u32;
                assert!((lo..=hi).contains(&n), "seed {seed}: {} has {n}", u.code);
            }
        }
    }
}

fn plans_of(ds: &Dataset) -> kinerja::domain::plan::Plans {
    kinerja::demo::generate_plans(ds, 2025)
}

#[test]
fn every_unit_gets_about_three_is_and_four_to_eight_budget_lines() {
    for (name, ds) in both() {
        let plans = plans_of(ds);
        assert_eq!(
            plans.keys().collect::<Vec<_>>(),
            ds.units.keys().collect::<Vec<_>>(),
            "{name}: one plan per unit"
        );
        let mut is_total = 0;
        for p in plans.values() {
            assert!(
                (2..=4).contains(&p.inisiatif.len()),
                "{name} {}: {} IS",
                p.unit,
                p.inisiatif.len()
            );
            assert!(
                (4..=8).contains(&p.anggaran.len()),
                "{name} {}: {} lines",
                p.unit,
                p.anggaran.len()
            );
            is_total += p.inisiatif.len();
            for l in &p.anggaran {
                let planned: Decimal = l.planned.values().map(|v| v.0).sum();
                assert_eq!(
                    planned, l.pagu.0,
                    "{name} {} {}: plan = pagu",
                    p.unit, l.code
                );
                assert!(l.pagu.0 > Decimal::ZERO);
                assert!(l.realisasi.keys().all(|m| *m <= 9), "{name} {}", l.code);
                assert!(l.code.starts_with("015."), "{}", l.code);
                for r in &l.revisions {
                    assert_eq!(
                        r.new, l.pagu,
                        "{name} {}: the last revision is the pagu",
                        l.code
                    );
                }
            }
            for i in &p.inisiatif {
                assert_eq!(
                    i.planned.values().next_back().map(|v| v.0),
                    Some(Decimal::ONE_HUNDRED)
                );
                assert_eq!(i.planned.keys().next_back(), Some(&i.end), "{}", i.code);
                assert!(i.realised.keys().all(|m| *m <= 9));
                assert!(!i.iku.is_empty() && !i.name.is_empty() && !i.pic.is_empty());
            }
        }
        let mean = is_total as f64 / plans.len() as f64;
        assert!((2.6..=3.4).contains(&mean), "{name}: {mean} IS per unit");
    }
}

#[test]
fn every_unit_with_two_perspectives_has_links_running_upwards_without_cycles() {
    use kinerja::domain::plan::find_cycle;
    fn rank(p: Perspective) -> u8 {
        match p {
            Perspective::LearningGrowth => 0,
            Perspective::InternalProcess => 1,
            Perspective::Customer => 2,
            Perspective::Stakeholder => 3,
        }
    }
    for (name, ds) in both() {
        for p in plans_of(ds).values() {
            let persps: BTreeSet<u8> = ds
                .ss_of(&p.unit)
                .iter()
                .map(|k| rank(ds.ss[k].perspective))
                .collect();
            if persps.len() > 1 {
                assert!(!p.links.is_empty(), "{name} {}: no links", p.unit);
            }
            for l in &p.links {
                let (a, b) = (
                    &ds.ss[&CodeRef::new(&p.unit, &l.from)],
                    &ds.ss[&CodeRef::new(&p.unit, &l.to)],
                );
                assert!(rank(a.perspective) < rank(b.perspective), "{name} {l:?}");
            }
            assert_eq!(find_cycle(&p.links), None);
            // every SS above the lowest perspective has a cause
            let lowest = persps.first().copied();
            for k in ds.ss_of(&p.unit) {
                let s = &ds.ss[k];
                if Some(rank(s.perspective)) != lowest {
                    assert!(
                        p.links.iter().any(|l| l.to == s.code),
                        "{name} {} {}: no cause",
                        p.unit,
                        s.code
                    );
                }
            }
        }
    }
}

#[test]
fn generated_plans_pass_the_plan_check_without_a_problem_and_have_findings_to_show() {
    for (name, ds) in both() {
        let plans = plans_of(ds);
        let mut behind = 0;
        let mut revised = 0;
        for p in plans.values() {
            let problems = kinerja::domain::plan::check(ds, p);
            assert!(problems.is_empty(), "{name} {}: {problems:?}", p.unit);
            behind += p
                .inisiatif
                .iter()
                .filter(|i| !i.findings(9).is_empty())
                .count();
            revised += p
                .anggaran
                .iter()
                .filter(|l| !l.revisions.is_empty())
                .count();
        }
        let is_total: usize = plans.values().map(|p| p.inisiatif.len()).sum();
        assert!(
            behind > 0 && behind * 2 < is_total,
            "{name}: {behind} of {is_total} behind"
        );
        assert!(revised > 0, "{name}: a DIPA revision somewhere");
    }
}

#[test]
fn same_seed_same_plans_other_seed_other_plans_and_the_dataset_is_unchanged() {
    let ds = generate(Scale::Kanwil, 7, 2025);
    let a = kinerja::demo::generate_plans(&ds, 7);
    assert_eq!(a, kinerja::demo::generate_plans(&ds, 7));
    assert_ne!(a, kinerja::demo::generate_plans(&ds, 8));
    assert_eq!(
        generate(Scale::Kanwil, 7, 2025),
        ds,
        "plans draw from their own generator"
    );
    assert_eq!(&plans_of(ministry()), &plans_of(ministry()));
}

#[test]
fn the_demo_document_carries_the_plans_and_imports_them_back() {
    use kinerja::interchange::json;
    let ds = kanwil();
    let doc = kinerja::demo::document(ds, 2025);
    assert_eq!(doc, kinerja::demo::document(ds, 2025), "deterministic");
    let back = json::import_document(&doc).expect("imports");
    let plans = json::import_plans(&doc, &back).expect("the plan section imports");
    assert_eq!(plans, plans_of(ds));
    assert_eq!(json::export_with_plans(&back, &plans), doc, "round trip");
}
