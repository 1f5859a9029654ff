//! Properties: decimals survive every textual form exactly, and export → import → export is
//! byte-identical for arbitrary text and values.

use kinerja::domain::{
    CodeRef, Consolidation, Dataset, Decimal, Iku, Level, Perspective, Polarity, ReportingPeriod,
    Ss, Unit,
};
use kinerja::interchange::number::parse_canonical;
use kinerja::interchange::{
    Locale, NumberError, export_document, format_editable, format_exact, import_document,
    parse_decimal,
};
use proptest::prelude::*;

fn decimal() -> impl Strategy<Value = Decimal> {
    // within the bounds of a stored value (magnitude below 10^15, at most 6 decimal places)
    let max = 10i64.pow(15) - 1;
    (-max..=max, 0u32..=6).prop_map(|(m, scale)| Decimal::new(m, scale))
}

fn locale() -> impl Strategy<Value = Locale> {
    prop_oneof![Just(Locale::Id), Just(Locale::En)]
}

fn months() -> impl Strategy<Value = [Option<Decimal>; 12]> {
    proptest::array::uniform12(proptest::option::of(decimal()))
}

fn dataset(
    name: String,
    text: String,
    weight: Option<Decimal>,
    t: [Option<Decimal>; 12],
    r: [Option<Decimal>; 12],
    flag: bool,
) -> Dataset {
    let unit = Unit {
        code: "U".into(),
        name: name.clone(),
        level: Level::Two,
        parent: None,
        perspective_weights: Default::default(),
    };
    let ss = Ss {
        unit: "U".into(),
        code: "SS-1".into(),
        perspective: Perspective::Customer,
        name: text.clone(),
        weight,
        cascaded_from: None,
    };
    let mut iku = Iku::new(
        "U",
        "1a",
        "SS-1",
        Polarity::Minimize,
        Consolidation::Average,
        ReportingPeriod::Monthly,
    );
    iku.name = name;
    iku.definition = text.clone();
    iku.special_reason = flag.then_some(text);
    iku.weight = weight;
    iku.new_iku = flag;
    iku.targets = t;
    iku.realisasi = r;
    Dataset::from_parts(2025, "kmk-300-2022", [unit], [ss], [iku], vec![])
}

proptest! {
    #[test]
    fn canonical_text_round_trips_with_its_scale(d in decimal()) {
        let back = parse_canonical(&d.to_string()).unwrap();
        prop_assert_eq!(back, d);
        prop_assert_eq!(back.to_string(), d.to_string());
    }

    #[test]
    fn editable_text_reads_back(d in decimal(), loc in locale()) {
        prop_assert_eq!(parse_decimal(&format_editable(d, loc), loc), Ok(d.normalize()));
    }

    #[test]
    fn displayed_text_reads_back_or_is_flagged_ambiguous(d in decimal(), loc in locale()) {
        match parse_decimal(&format_exact(d, loc), loc) {
            Ok(back) => prop_assert_eq!(back, d),
            Err(NumberError::Ambiguous { grouped, .. }) => prop_assert_eq!(grouped, d),
            Err(e) => prop_assert!(false, "{e:?}"),
        }
    }

    #[test]
    fn export_import_export_is_byte_identical(
        name in "\\PC{0,30}",
        text in any::<String>(),
        weight in proptest::option::of(decimal()),
        t in months(),
        r in months(),
        flag in any::<bool>(),
    ) {
        let ds = dataset(name, text, weight, t, r, flag);
        let first = export_document(&ds);
        let back = import_document(&first).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(&back.iku[&CodeRef::new("U", "1a")], &ds.iku[&CodeRef::new("U", "1a")]);
        prop_assert_eq!(&back, &ds);
        prop_assert_eq!(export_document(&back), first);
    }
}
