//! The partial load behind the fast first frame (issue 6): for the units it is asked for, a
//! partial dataset scores, checks and gives K3 exactly as the whole year does; the summary it
//! needs is used only while it describes the records.

use crate::support::partial_support;
use crate::support::raw_sled;

use std::collections::BTreeSet;

use kinerja::domain::k3::k3_breakdown;
use kinerja::domain::rulebook::Rulebook;
use kinerja::domain::rules::{check, frozen_months};
use kinerja::domain::score::{effective_months, latest_period, score_unit};
use kinerja::domain::*;
use kinerja::store::*;

fn budi() -> Actor {
    Actor::new("budi")
}

/// A closed store holding `ds`; the directory lives as long as the guard.
fn stored(ds: &Dataset) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    Store::open(&path)
        .unwrap()
        .import_dataset(ds, false, &budi(), "import")
        .unwrap();
    (dir, path)
}

fn set(units: &[&str]) -> BTreeSet<String> {
    units.iter().map(|u| u.to_string()).collect()
}

/// Everything the TUI shows of `unit` agrees between the partial and the whole year.
fn assert_unit_agrees(part: &Dataset, whole: &Dataset, rb: &Rulebook, unit: &str) {
    for p in 1..=12 {
        assert_eq!(
            score_unit(part, rb, unit, p),
            score_unit(whole, rb, unit, p),
            "score of {unit} in period {p}"
        );
    }
    assert_eq!(
        check(part, rb, Some(unit)),
        check(whole, rb, Some(unit)),
        "findings of {unit}"
    );
    let nko = score_unit(whole, rb, unit, 12).nko;
    assert_eq!(
        k3_breakdown(part, rb, unit, nko),
        k3_breakdown(whole, rb, unit, nko),
        "K3 of {unit}"
    );
    let mine: Vec<&Iku> = whole.iku_of_unit(unit).collect();
    let theirs: Vec<&Iku> = part.iku_of_unit(unit).collect();
    assert_eq!(mine, theirs, "IKU of {unit}");
    assert_eq!(part.ss_of(unit), whole.ss_of(unit), "SS of {unit}");
    assert_eq!(part.children(unit), whole.children(unit));
    for i in mine {
        assert_eq!(effective_months(part, i), effective_months(whole, i));
        assert_eq!(frozen_months(part, i), frozen_months(whole, i));
        for m in 1..=12 {
            assert_eq!(part.realisasi_frozen(i, m), whole.realisasi_frozen(i, m));
        }
    }
}

/// Every unit of `ds`, loaded alone, agrees with the whole year.
fn assert_every_unit_agrees(ds: &Dataset) {
    let (_dir, path) = stored(ds);
    let store = Store::open(&path).unwrap();
    let whole = store.load_year(ds.year).unwrap();
    let rb = Rulebook::default_rulebook();
    let summary = store.year_summary(ds.year).unwrap().expect("a summary");
    assert_eq!(summary.units.len(), whole.units.len());
    for unit in whole.units.keys() {
        let part = store
            .load_partial(ds.year, summary.clone(), &set(&[unit]))
            .unwrap();
        assert!(part.is_partial());
        assert!(part.iku.len() < whole.iku.len() || whole.units.len() == 1);
        assert_eq!(latest_period(&part), latest_period(&whole));
        assert_eq!(part.roots(), whole.roots());
        assert_unit_agrees(&part, &whole, &rb, unit);
    }
}

#[test]
fn every_unit_of_a_year_reaching_across_units_alone_agrees_with_the_whole_year() {
    let ds = partial_support::reaching_dataset();
    let rb = Rulebook::default_rulebook();
    let ids: BTreeSet<&str> = check(&ds, &rb, None).iter().map(|f| f.id).collect();
    for id in ["R02", "R07", "R11"] {
        assert!(ids.contains(id), "the year is meant to raise {id}: {ids:?}");
    }
    assert_every_unit_agrees(&ds);
}

#[test]
fn every_unit_of_a_kanwil_alone_scores_checks_and_gives_k3_as_the_whole_year() {
    assert_every_unit_agrees(&kinerja::demo::generate(
        kinerja::demo::Scale::Kanwil,
        11,
        2025,
    ));
}

#[test]
fn every_unit_of_the_bundled_sample_alone_agrees_with_the_whole_year() {
    let text = std::fs::read_to_string("fixtures/kalbar-2025.json").unwrap();
    let ds = kinerja::interchange::json::import_document(&text).unwrap();
    assert_every_unit_agrees(&ds);
}

#[test]
fn a_partial_load_holds_the_units_asked_for_and_what_their_checks_look_up() {
    let ds = kinerja::demo::generate(kinerja::demo::Scale::Kanwil, 11, 2025);
    let (_dir, path) = stored(&ds);
    let store = Store::open(&path).unwrap();
    let summary = store.year_summary(2025).unwrap().unwrap();
    let roll = summary
        .rollups
        .iter()
        .find(|r| !r.children.is_empty())
        .expect("a roll-up with children")
        .clone();
    let part = store
        .load_partial(2025, summary, &set(&[&roll.iku.unit]))
        .unwrap();
    for c in &roll.children {
        assert!(part.iku.contains_key(c), "child {c} fetched");
        // only the child itself, not the rest of its unit
        assert!(part.ss_of(&c.unit).is_empty());
    }
    let units_with_iku: BTreeSet<&str> = part.iku.keys().map(|k| k.unit.as_str()).collect();
    assert!(units_with_iku.len() < ds.units.len());
}

#[test]
fn the_summary_is_not_used_once_the_year_changed_and_comes_back_with_the_snapshot() {
    let ds = kinerja::demo::generate(kinerja::demo::Scale::Kanwil, 11, 2025);
    let (_dir, path) = stored(&ds);
    let store = Store::open(&path).unwrap();
    assert!(store.year_summary(2025).unwrap().is_some());
    let key = ds
        .iku
        .values()
        .find(|i| i.realisasi[0].is_some())
        .unwrap()
        .key();
    let change = Change::SetRealisasi {
        iku: key.clone(),
        month: 1,
        value: Some(rust_decimal::Decimal::new(4242, 2)),
    };
    store.apply(2025, &[change], &budi(), "tui").unwrap();
    assert!(
        store.year_summary(2025).unwrap().is_none(),
        "a changed year has no usable summary"
    );
    assert!(store.verify().unwrap().is_empty());
    drop(store);
    // the snapshot and its summary are written afresh from the records by a verify that found
    // them stale, or past the refresh threshold; here: a damaged snapshot is rebuilt on load
    let db = raw_sled::open(&path);
    db.open_tree("snapshots").unwrap().clear().unwrap();
    db.flush().unwrap();
    drop(db);
    let store = Store::open(&path).unwrap();
    let whole = store.load_year(2025).unwrap();
    let summary = store
        .year_summary(2025)
        .unwrap()
        .expect("written with the snapshot");
    assert_eq!(summary, YearSummary::of(&whole));
    assert_eq!(
        summary.latest_period,
        latest_period(&store.load_year_from_records(2025).unwrap())
    );
}

#[test]
fn verify_reports_and_drops_a_summary_that_differs_from_the_records() {
    let ds = kinerja::demo::generate(kinerja::demo::Scale::Kanwil, 11, 2025);
    let (_dir, path) = stored(&ds);
    // a summary from other data, as a build that forgot to rewrite it would leave
    let mut other = ds.clone();
    other.units.values_mut().next().unwrap().name = "Lain".into();
    let forged = YearSummary::of(&other);
    {
        let db = raw_sled::open(&path);
        let t = db.open_tree("summaries").unwrap();
        let (k, v) = t.iter().next().unwrap().unwrap();
        let mut bytes = v[..4].to_vec();
        let body = bincode::serde::encode_to_vec(&forged, bincode::config::standard()).unwrap();
        bytes.extend_from_slice(&body);
        t.insert(k, bytes).unwrap();
        db.flush().unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.year_summary(2025).unwrap(), Some(forged));
    let problems = store.verify().unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].key, "snapshots/2025");
    assert!(store.year_summary(2025).unwrap().is_none());
    // the next load writes both again
    let whole = store.load_year(2025).unwrap();
    assert_eq!(
        store.year_summary(2025).unwrap(),
        Some(YearSummary::of(&whole))
    );
}

#[test]
fn a_fresh_load_or_a_refresh_writes_the_snapshot_again_after_a_change() {
    let ds = kinerja::demo::generate(kinerja::demo::Scale::Kanwil, 11, 2025);
    let (_dir, path) = stored(&ds);
    let store = Store::open(&path).unwrap();
    assert!(!store.refresh_snapshot(2025).unwrap(), "nothing to refresh");
    let key = ds.iku.keys().next().unwrap().clone();
    let edit = |v: i64| Change::SetRealisasi {
        iku: key.clone(),
        month: 2,
        value: Some(rust_decimal::Decimal::new(v, 1)),
    };
    store.apply(2025, &[edit(17)], &budi(), "tui").unwrap();
    // the usual load serves the change through the overlay and keeps the mark
    let loaded = store.load_year(2025).unwrap();
    assert!(store.year_summary(2025).unwrap().is_none());
    // the background load of the TUI writes both again
    let fresh = store.load_year_fresh(2025).unwrap();
    assert!(fresh == loaded);
    assert_eq!(
        store.year_summary(2025).unwrap(),
        Some(YearSummary::of(&fresh))
    );
    assert_eq!(
        fresh.iku[&key].realisasi[1],
        Some(rust_decimal::Decimal::new(17, 1))
    );
    // quitting after an edit does the same
    store.apply(2025, &[edit(18)], &budi(), "tui").unwrap();
    assert!(store.refresh_snapshot(2025).unwrap());
    let summary = store.year_summary(2025).unwrap().expect("written again");
    let records = store.load_year_from_records(2025).unwrap();
    assert_eq!(summary, YearSummary::of(&records));
    assert_eq!(
        records.iku[&key].realisasi[1],
        Some(rust_decimal::Decimal::new(18, 1))
    );
    assert!(store.verify().unwrap().is_empty());
}

/// What the store server cuts from its copy of the whole year in memory is what the records
/// give, for every unit alone, every unit with its child units and the whole tree.
#[test]
fn a_partial_cut_from_the_whole_year_in_memory_is_the_partial_the_records_give() {
    let sample = std::fs::read_to_string("fixtures/kalbar-2025.json").unwrap();
    for ds in [
        partial_support::reaching_dataset(),
        kinerja::demo::generate(kinerja::demo::Scale::Kanwil, 3, 2025),
        kinerja::interchange::json::import_document(&sample).unwrap(),
    ] {
        let (_dir, path) = stored(&ds);
        let store = Store::open(&path).unwrap();
        let whole = store.load_year(ds.year).unwrap();
        let summary = store.year_summary(ds.year).unwrap().expect("a summary");
        assert_eq!(YearSummary::of(&whole), summary);
        let mut views: Vec<BTreeSet<String>> = whole.units.keys().map(|u| set(&[u])).collect();
        views.extend(whole.units.keys().map(|u| {
            let mut v = set(&[u]);
            v.extend(whole.children(u).iter().cloned());
            v
        }));
        views.push(whole.units.keys().cloned().collect());
        for units in views {
            let sorted = |mut p: PartialYear| {
                p.ss.sort_by(|a, b| (&a.unit, &a.code).cmp(&(&b.unit, &b.code)));
                p.iku.sort_by_key(Iku::key);
                p
            };
            let from_records = sorted(
                store
                    .partial_year(ds.year, summary.clone(), &units)
                    .unwrap(),
            );
            let from_memory = sorted(PartialYear::of_dataset(&whole, summary.clone(), &units));
            assert!(
                from_records == from_memory,
                "the partial of {units:?} differs"
            );
        }
    }
}
