//! Numbers typed by a person (INTERCHANGE.md §3): table tests for both locales, the ambiguity
//! rule with messages showing both readings, and display.

use std::str::FromStr;

use kinerja::domain::Decimal;
use kinerja::interchange::number::{MAX_NUMBER_CHARS, parse_canonical};
use kinerja::interchange::{
    Locale, NumberError, format_decimal, format_editable, format_exact, parse_decimal,
};
use kinerja::text::Lang;

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn locale_parse() {
    assert_eq!(Locale::parse("id"), Some(Locale::Id));
    assert_eq!(Locale::parse("EN"), Some(Locale::En));
    assert_eq!(Locale::parse("fr"), None);
    assert_eq!(Locale::default(), Locale::Id);
}

#[test]
fn accepted_in_id() {
    let table = [
        ("1.234,5", "1234.5"),
        ("12,5", "12.5"),
        ("1234", "1234"),
        ("-3", "-3"),
        ("0,25", "0.25"),
        ("1.234.567", "1234567"),
        ("1.234.567,891", "1234567.891"),
        ("  97,44 ", "97.44"),
        ("-1.000,50", "-1000.50"),
        // the grouping character can only be a decimal point here (not a valid grouping)
        ("12.5", "12.5"),
        ("0.123", "0.123"),
        ("1234.567", "1234.567"),
        ("1.2345", "1.2345"),
        ("007", "7"),
        ("-0", "0"),
    ];
    for (text, want) in table {
        let got = parse_decimal(text, Locale::Id).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        assert_eq!(got.to_string(), want, "{text}");
    }
}

#[test]
fn accepted_in_en() {
    let table = [
        ("1,234.5", "1234.5"),
        ("12.5", "12.5"),
        ("1234", "1234"),
        ("-3", "-3"),
        ("1,234,567.25", "1234567.25"),
        ("1.234", "1.234"),
        ("12,5", "12.5"),
        ("0,123", "0.123"),
        ("12.345678", "12.345678"),
    ];
    for (text, want) in table {
        let got = parse_decimal(text, Locale::En).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        assert_eq!(got.to_string(), want, "{text}");
    }
}

#[test]
fn ambiguous_forms() {
    for (text, locale, grouped, decimal) in [
        ("1.234", Locale::Id, "1234", "1.234"),
        ("12.345", Locale::Id, "12345", "12.345"),
        ("-100.000", Locale::Id, "-100000", "-100.000"),
        ("1,234", Locale::En, "1234", "1.234"),
        ("999,999", Locale::En, "999999", "999.999"),
    ] {
        match parse_decimal(text, locale) {
            Err(NumberError::Ambiguous {
                grouped: g,
                decimal: d,
                ..
            }) => {
                assert_eq!(g.to_string(), grouped, "{text}");
                assert_eq!(d.to_string(), decimal, "{text}");
            }
            other => panic!("{text} in {locale}: {other:?}"),
        }
    }
    // not ambiguous: the locale's own decimal, or more than one group
    assert!(parse_decimal("1,234", Locale::Id).is_ok());
    assert!(parse_decimal("1.234", Locale::En).is_ok());
    assert!(parse_decimal("1.234.567", Locale::Id).is_ok());
}

#[test]
fn ambiguity_message_shows_both_readings_and_how_to_type_each() {
    let e = parse_decimal("1.234", Locale::Id).unwrap_err();
    assert_eq!(
        e.message_in(Lang::Id),
        "\"1.234\" bisa berarti 1234 atau 1,234: ketik 1234 untuk seribu dua ratus tiga puluh \
         empat atau 1,234 untuk satu koma dua tiga empat"
    );
    assert_eq!(
        e.message_in(Lang::En),
        "\"1.234\" could mean 1234 or 1,234: type 1234 for one thousand two hundred thirty-four \
         or 1,234 for one point two three four"
    );
    let e = parse_decimal("1,234", Locale::En).unwrap_err();
    assert_eq!(
        e.message_in(Lang::En),
        "\"1,234\" could mean 1234 or 1.234: type 1234 for one thousand two hundred thirty-four \
         or 1.234 for one point two three four"
    );
    let e = parse_decimal("-20.500", Locale::Id).unwrap_err();
    let m = e.message_in(Lang::Id);
    assert!(
        m.contains("ketik -20500 untuk minus dua puluh ribu lima ratus"),
        "{m}"
    );
    assert!(m.contains("-20,5 untuk minus dua puluh koma lima"), "{m}");
    // each suggested spelling is read back as the reading it names
    if let NumberError::Ambiguous {
        grouped, decimal, ..
    } = e
    {
        assert_eq!(
            parse_decimal(&format_editable(grouped, Locale::Id), Locale::Id),
            Ok(grouped)
        );
        assert_eq!(
            parse_decimal(&format_editable(decimal, Locale::Id), Locale::Id),
            Ok(decimal)
        );
    }
}

#[test]
fn malformed_inputs() {
    let id = [
        "1,234.5",
        "1,2,3",
        "1.23.456",
        "1.2345.678",
        ",5",
        "5,",
        "abc",
        "1 234",
        "+5",
        "--5",
        "1e5",
        "-",
        "1.234,",
        "١٢",
    ];
    for text in id {
        match parse_decimal(text, Locale::Id) {
            Err(NumberError::Malformed { .. }) => {}
            other => panic!("{text}: {other:?}"),
        }
    }
    for text in ["1.234,5", "1,23,456", "1.2.3", ".5"] {
        assert!(
            matches!(
                parse_decimal(text, Locale::En),
                Err(NumberError::Malformed { .. })
            ),
            "{text}"
        );
    }
    let e = parse_decimal("1,234.5", Locale::Id).unwrap_err();
    assert_eq!(
        e.message_in(Lang::Id),
        "\"1,234.5\" bukan angka yang sah; format id: 1.234,5 (titik memisahkan ribuan, koma desimal)"
    );
    assert!(e.message_in(Lang::En).contains("id format: 1.234,5"));
}

#[test]
fn empty_long_and_too_precise() {
    assert_eq!(parse_decimal("   ", Locale::Id), Err(NumberError::Empty));
    let long = "1".repeat(MAX_NUMBER_CHARS + 1);
    let e = parse_decimal(&long, Locale::En).unwrap_err();
    assert_eq!(
        e,
        NumberError::TooLong {
            len: MAX_NUMBER_CHARS + 1
        }
    );
    assert!(e.message_in(Lang::Id).contains("paling banyak 64"));
    let e = parse_decimal("1,00000000000000000000000000001", Locale::Id).unwrap_err();
    assert!(matches!(e, NumberError::TooManyDigits { .. }), "{e:?}");
    assert!(parse_decimal("99999999999999999999999999999999", Locale::Id).is_err());
}

#[test]
fn canonical_interchange_form() {
    assert_eq!(
        parse_canonical("12.345678901234567890123")
            .unwrap()
            .to_string(),
        "12.345678901234567890123"
    );
    assert_eq!(parse_canonical("12,5"), None);
    assert_eq!(parse_canonical("1,234"), None);
}

#[test]
fn format_rounds_half_away_from_zero_and_groups() {
    let table = [
        ("1234.565", Locale::Id, 2, "1.234,57"),
        ("1234.565", Locale::En, 2, "1,234.57"),
        ("-1234.565", Locale::Id, 2, "-1.234,57"),
        ("0.125", Locale::En, 2, "0.13"),
        ("-0.125", Locale::En, 2, "-0.13"),
        ("-0.004", Locale::Id, 2, "0,00"),
        ("112.5", Locale::Id, 2, "112,50"),
        ("1234567", Locale::Id, 0, "1.234.567"),
        ("999.995", Locale::En, 2, "1,000.00"),
        ("7", Locale::En, 2, "7.00"),
    ];
    for (value, locale, places, want) in table {
        assert_eq!(
            format_decimal(dec(value), locale, places),
            want,
            "{value} {locale}"
        );
    }
}

#[test]
fn format_exact_keeps_every_digit() {
    assert_eq!(format_exact(dec("1234.5000"), Locale::Id), "1.234,5");
    assert_eq!(format_exact(dec("1234.5000"), Locale::En), "1,234.5");
    assert_eq!(
        format_exact(dec("12.345678901234567890123"), Locale::Id),
        "12,345678901234567890123"
    );
    assert_eq!(format_exact(dec("-1000000"), Locale::En), "-1,000,000");
    assert_eq!(format_exact(dec("0.000"), Locale::Id), "0");
    assert_eq!(format_editable(dec("1234.50"), Locale::Id), "1234,5");
}

#[test]
fn editable_form_reads_back_for_many_values() {
    for text in [
        "0",
        "1",
        "1234",
        "-1234.5",
        "0.001",
        "100000",
        "999999.999",
        "12.345678",
        "999999999999999.999999",
    ] {
        let d = dec(text);
        for locale in [Locale::Id, Locale::En] {
            assert_eq!(
                parse_decimal(&format_editable(d, locale), locale),
                Ok(d.normalize()),
                "{text} {locale}"
            );
        }
    }
}
