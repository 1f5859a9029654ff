//! A year whose checks reach across units in every way, shared by the partial-load tests.

use kinerja::domain::*;

/// A year made to reach across units in every way the checks look: a roll-up three levels deep
/// whose children do not add up (R11), a chain of direct cascades longer than allowed (R02) with
/// a full cascade whose target differs from its source's (R11), SS cascades, a source outside
/// the unit's ancestors (R07) and a cycle of cascades.
pub fn reaching_dataset() -> Dataset {
    let unit = |code: &str, level, parent: Option<&str>| Unit {
        code: code.into(),
        name: format!("Unit {code}"),
        level,
        parent: parent.map(Into::into),
        perspective_weights: Default::default(),
    };
    let units = vec![
        unit("W", Level::Wide, None),
        unit("E", Level::One, Some("W")),
        unit("S", Level::One, Some("W")),
        unit("D", Level::Two, Some("E")),
        unit("K1", Level::Three, Some("D")),
        unit("K2", Level::Three, Some("D")),
    ];
    let mut ss = Vec::new();
    for u in ["W", "E", "S", "D", "K1", "K2"] {
        let parent = units.iter().find(|x| x.code == u).unwrap().parent.clone();
        ss.push(Ss {
            unit: u.into(),
            code: "S1".into(),
            perspective: Perspective::Stakeholder,
            name: format!("Sasaran {u}"),
            weight: None,
            cascaded_from: parent.map(|p| CodeRef::new(p, "S1")),
        });
    }
    let d = |v: i64| Some(rust_decimal::Decimal::new(v, 0));
    let iku = |u: &str, code: &str, from: Option<(&str, CascadeMethod, CascadeKind)>, t: i64| {
        let mut i = Iku::new(
            u,
            code,
            "S1",
            Polarity::Maximize,
            Consolidation::Sum,
            ReportingPeriod::Monthly,
        );
        i.cascade = from.map(|(f, method, kind)| Cascade {
            from: CodeRef::new(f, code),
            method,
            kind,
        });
        for m in 0..12 {
            i.targets[m] = d(t);
        }
        for m in 0..9 {
            i.realisasi[m] = d(t - 3 + m as i64);
        }
        i
    };
    use CascadeKind::{Full, Partial};
    use CascadeMethod::{Direct, Indirect};
    let mut ikus = Vec::new();
    // roll-up W ← E ← D ← K1 + K2, by sum; K2 lacks one realisasi
    let mut r = iku("W", "R", None, 100);
    r.location_consolidation = LocationConsolidation::Sum;
    ikus.push(r);
    for (u, from) in [("E", "W"), ("D", "E")] {
        let mut r = iku(u, "R", Some((from, Indirect, Partial)), 90);
        r.location_consolidation = LocationConsolidation::Sum;
        ikus.push(r);
    }
    ikus.push(iku("K1", "R", Some(("D", Indirect, Partial)), 40));
    let mut k2 = iku("K2", "R", Some(("D", Indirect, Partial)), 30);
    k2.realisasi[4] = None;
    ikus.push(k2);
    // a chain of direct full cascades W → E → D → K1, three levels (R02), K1's target differs
    ikus.push(iku("W", "D1", None, 50));
    ikus.push(iku("E", "D1", Some(("W", Direct, Full)), 50));
    ikus.push(iku("D", "D1", Some(("E", Direct, Full)), 50));
    ikus.push(iku("K1", "D1", Some(("D", Direct, Full)), 55));
    // a source outside the ancestors
    ikus.push(iku("S", "X", None, 10));
    ikus.push(iku("K2", "X", Some(("S", Direct, Full)), 10));
    // a cycle
    let mut c1 = iku("K2", "C", None, 5);
    c1.code = "C1".into();
    c1.cascade = Some(Cascade {
        from: CodeRef::new("K2", "C2"),
        method: Direct,
        kind: Full,
    });
    let mut c2 = c1.clone();
    c2.code = "C2".into();
    c2.cascade = Some(Cascade {
        from: CodeRef::new("K2", "C1"),
        method: Direct,
        kind: Full,
    });
    ikus.extend([c1, c2]);
    Dataset::from_parts(2025, "kmk-300-2022", units, ss, ikus, Vec::new())
}
