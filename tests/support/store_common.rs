//! A dataset with every field set, shared by the store tests.
#![allow(dead_code)]

use std::collections::BTreeMap;

use chrono::NaiveDate;
use kinerja::domain::*;
use rust_decimal::Decimal;

pub fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

pub fn unit(code: &str, level: Level, parent: Option<&str>) -> Unit {
    let mut w = BTreeMap::new();
    w.insert(Perspective::Stakeholder, Dec(d("30")));
    w.insert(Perspective::Customer, Dec(d("20")));
    w.insert(Perspective::InternalProcess, Dec(d("30.5")));
    w.insert(Perspective::LearningGrowth, Dec(d("19.5")));
    Unit {
        code: code.into(),
        name: format!("Unit {code}"),
        level,
        parent: parent.map(Into::into),
        perspective_weights: w,
    }
}

/// An IKU with every optional field set to a non-default value.
pub fn full_iku(unit: &str, code: &str, ss: &str, cascade_from: Option<CodeRef>) -> Iku {
    let mut i = Iku::new(
        unit,
        code,
        ss,
        Polarity::Stabilize,
        Consolidation::Average,
        ReportingPeriod::Quarterly,
    );
    i.name = format!("Persentase {code} — pokok lelang");
    i.definition = "Definisi lengkap".into();
    i.formula = "R / T × 100%".into();
    i.unit_of_measure = "Rp miliar".into();
    i.weight = Some(d("12.5"));
    i.konversi_120 = true;
    i.stabilize_scale = Some(vec![
        ScalePoint {
            ca: d("90"),
            score: d("100"),
        },
        ScalePoint {
            ca: d("110.25"),
            score: d("80"),
        },
    ]);
    i.worst_realisasi = Some(d("-3.75"));
    i.validity = Validity::Exact;
    i.control = Control::High;
    i.measures_quality_or_time = true;
    i.cascade = cascade_from.map(|from| Cascade {
        from,
        method: CascadeMethod::Indirect,
        kind: CascadeKind::Partial,
    });
    i.location_consolidation = LocationConsolidation::Sum;
    i.tanggung_renteng = true;
    i.collective = true;
    i.target_basis = TargetBasis::Special;
    i.special_points = Some(4);
    i.special_reason = Some("amanat undang-undang".into());
    i.new_iku = true;
    i.target_prev = Some(d("100.000"));
    i.realisasi_prev = Some(d("97.1"));
    i.capaian_prev2_over_125 = true;
    i.avg_realisasi_prev = Some(d("0.0001"));
    i.data_source = "SIMAN".into();
    i.responsible = "Kepala Seksi".into();
    for m in 0..12 {
        i.targets[m] = Some(Decimal::new(1000 + m as i64, 1));
    }
    for m in 0..9 {
        i.realisasi[m] = Some(Decimal::new(-5 + m as i64 * 7, 2));
    }
    i
}

pub fn ss(unit: &str, code: &str, p: Perspective, from: Option<CodeRef>) -> Ss {
    Ss {
        unit: unit.into(),
        code: code.into(),
        perspective: p,
        name: format!("Sasaran {code}"),
        weight: Some(d("25")),
        cascaded_from: from,
    }
}

pub fn dataset() -> Dataset {
    let units = vec![
        unit("KEMENKEU", Level::Wide, None),
        unit("DJKN", Level::One, Some("KEMENKEU")),
        unit("KPKNL-PTK", Level::Three, Some("DJKN")),
    ];
    let ss = vec![
        ss("DJKN", "SS-1", Perspective::Stakeholder, None),
        ss("DJKN", "SS-2", Perspective::LearningGrowth, None),
        ss(
            "KPKNL-PTK",
            "SS-1",
            Perspective::Stakeholder,
            Some(CodeRef::new("DJKN", "SS-1")),
        ),
    ];
    let iku = vec![
        full_iku("DJKN", "1a-CP", "SS-1", None),
        full_iku("DJKN", "2a-N", "SS-2", None),
        full_iku(
            "KPKNL-PTK",
            "1a-CP",
            "SS-1",
            Some(CodeRef::new("DJKN", "1a-CP")),
        ),
    ];
    let addenda = vec![Addendum {
        unit: "KPKNL-PTK".into(),
        version: 1,
        date: NaiveDate::from_ymd_opt(2025, 4, 15).unwrap(),
        reason: "Perubahan target triwulan".into(),
        changes: vec![AddendumChange {
            iku: "1a-CP".into(),
            field: kinerja::domain::change::Field::Targets,
            month: 6,
            old: Some(d("100.5")),
            new: Some(d("120")),
        }],
    }];
    Dataset::from_parts(2025, "kmk-300-2022", units, ss, iku, addenda)
}
