//! The envelope of every stored value: a schema version (u16, big-endian) followed by the
//! record encoded with bincode 2 (serde path, standard configuration).
//!
//! Decoding checks the version and that every byte was consumed; anything else is
//! [`StoreError::Corrupt`] naming the key. When a stored type changes, bump [`RECORD_VERSION`]
//! and add the migration of the previous version here ([`Record`]).
//!
//! bincode writes a struct as its fields in order, with nothing that names or counts them: a
//! field added, removed or reordered changes every record of the type, and serde's `default`,
//! `skip_serializing_if` or `flatten` do not help (they change what is written, not how an old
//! record reads). Hence a version on every value and a reader per older version.
//!
//! | version | what changed |
//! |---|---|
//! | 1 | the first layout |
//! | 2 | `Iku` gains its last field `mandatory` (DOMAIN.md §10a); every other type unchanged |

use bincode::config;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::StoreError;
use crate::domain::Iku;

/// Version of the record layout written by this build.
pub const RECORD_VERSION: u16 = 2;

/// A type stored in the envelope, and how its record of an older version reads.
pub trait Record: DeserializeOwned {
    /// Decodes the body of a record of version 1. The layout of every type but [`Iku`] is the
    /// same in both versions.
    fn decode_v1(body: &[u8]) -> Result<Self, String> {
        decode_body(body)
    }
}

impl Record for Iku {
    /// Version 1 is version 2 without the last field, `mandatory`: a bool, one byte, `0` for
    /// false. The body with that byte appended is the version 2 record of the same IKU, not
    /// mandatory. A damaged body stays damaged: bytes left over or missing are still refused.
    fn decode_v1(body: &[u8]) -> Result<Self, String> {
        let mut v2 = Vec::with_capacity(body.len() + 1);
        v2.extend_from_slice(body);
        v2.push(0);
        decode_body(&v2)
    }
}

macro_rules! same_layout {
    ($($t:ty),* $(,)?) => { $(impl Record for $t {})* };
}
same_layout!(
    u16,
    u64,
    String,
    crate::domain::Unit,
    crate::domain::Ss,
    crate::domain::Addendum,
    crate::domain::plan::UnitPlan,
    crate::domain::round::UnitRound,
    crate::server::access::AccessList,
    super::YearRecord,
    super::AuditEntry,
    super::backup::Replacing,
);

/// Largest record a decode will allocate for (a damaged length prefix must not exhaust memory).
pub(super) const DECODE_LIMIT: usize = 64 * 1024 * 1024;

/// Encodes a record in its envelope.
pub fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>, StoreError> {
    let mut out = RECORD_VERSION.to_be_bytes().to_vec();
    out.extend_from_slice(&encode_body(value)?);
    Ok(out)
}

/// Encodes a value without the envelope (a section of a larger record).
pub(super) fn encode_body<T: Serialize>(value: &T) -> Result<Vec<u8>, StoreError> {
    bincode::serde::encode_to_vec(value, config::standard())
        .map_err(|e| StoreError::Engine(format!("encode: {e}")))
}

/// Appends a value encoded like [`encode_body`] to `out`, after its length (u64, big-endian):
/// a section of a larger record written in place, without a buffer of its own.
pub(super) fn append_section<T: Serialize>(out: &mut Vec<u8>, value: &T) -> Result<(), StoreError> {
    let at = out.len();
    out.extend_from_slice(&[0; 8]);
    let n = bincode::serde::encode_into_std_write(value, out, config::standard())
        .map_err(|e| StoreError::Engine(format!("encode: {e}")))?;
    out[at..at + 8].copy_from_slice(&(n as u64).to_be_bytes());
    Ok(())
}

/// Decodes a value written by [`encode_body`]; every byte must be consumed. Text fields that
/// are parsed (decimals) are read in place, without an intermediate `String`.
pub(super) fn decode_body<T: DeserializeOwned>(body: &[u8]) -> Result<T, String> {
    let cfg = config::standard().with_limit::<DECODE_LIMIT>();
    let (value, used) = bincode::serde::borrow_decode_from_slice::<T, _>(body, cfg)
        .map_err(|e| format!("undecodable: {e}"))?;
    if used != body.len() {
        return Err(format!(
            "{} unexpected byte(s) after the record",
            body.len() - used
        ));
    }
    Ok(value)
}

/// Decodes a record from its envelope (its version or an older one, [`Record`]); `key` is the
/// readable key for the error.
pub fn decode<T: Record>(key: &str, bytes: &[u8]) -> Result<T, StoreError> {
    let corrupt = |reason: String| StoreError::Corrupt {
        key: key.to_string(),
        reason,
    };
    let (head, body) = match bytes {
        [a, b, body @ ..] => (u16::from_be_bytes([*a, *b]), body),
        _ => {
            return Err(corrupt(format!(
                "{} byte(s), too short for a record",
                bytes.len()
            )));
        }
    };
    match head {
        RECORD_VERSION => decode_body(body).map_err(corrupt),
        1 => T::decode_v1(body).map_err(corrupt),
        _ => Err(corrupt(format!(
            "schema version {head}, this build reads versions 1 to {RECORD_VERSION}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Consolidation, Iku, Polarity, ReportingPeriod};
    use rust_decimal::Decimal;

    fn sample() -> Iku {
        let mut i = Iku::new(
            "KPKNL",
            "1a",
            "SS1",
            Polarity::Maximize,
            Consolidation::Sum,
            ReportingPeriod::Monthly,
        );
        i.realisasi[2] = Some(Decimal::new(12345, 2));
        i
    }

    #[test]
    fn round_trip() {
        let bytes = encode(&sample()).unwrap();
        assert_eq!(&bytes[..2], &RECORD_VERSION.to_be_bytes());
        let back: Iku = decode("iku/x", &bytes).unwrap();
        assert_eq!(back, sample());
    }

    /// The addendum record as schema 3 wrote it, when the field of a change was a `String`.
    #[derive(serde::Serialize)]
    struct OldChange {
        iku: String,
        field: String,
        month: u8,
        #[serde(with = "rust_decimal::serde::str_option")]
        old: Option<Decimal>,
        #[serde(with = "rust_decimal::serde::str_option")]
        new: Option<Decimal>,
    }
    #[derive(serde::Serialize)]
    struct OldAddendum {
        unit: String,
        version: u32,
        date: chrono::NaiveDate,
        reason: String,
        changes: Vec<OldChange>,
    }

    #[test]
    fn an_addendum_stored_with_string_fields_reads_as_typed_fields() {
        use crate::domain::change::Field;
        use crate::domain::{Addendum, AddendumChange};
        let date = chrono::NaiveDate::from_ymd_opt(2025, 7, 1).unwrap();
        let old = OldAddendum {
            unit: "U".into(),
            version: 2,
            date,
            reason: "r".into(),
            changes: ["targets", "add_iku", "remove_iku", "realisasi"]
                .iter()
                .map(|f| OldChange {
                    iku: "I".into(),
                    field: f.to_string(),
                    month: 0,
                    old: None,
                    new: Some(Decimal::ONE),
                })
                .collect(),
        };
        let bytes = encode(&old).unwrap();
        let back: Addendum = decode("addenda/x", &bytes).unwrap();
        let fields: Vec<Field> = back
            .changes
            .iter()
            .map(|c: &AddendumChange| c.field)
            .collect();
        assert_eq!(
            fields,
            [
                Field::Targets,
                Field::AddIku,
                Field::RemoveIku,
                Field::Realisasi
            ]
        );
        assert_eq!(encode(&back).unwrap(), bytes, "and writes the same bytes");
    }

    /// An IKU with every field set, as the golden record of version 1 below holds it.
    fn every_field() -> Iku {
        use crate::domain::*;
        use rust_decimal::Decimal;
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        let mut i = Iku::new(
            "KPKNL-PTK",
            "1a-CP",
            "SS-1",
            Polarity::Minimize,
            Consolidation::Last,
            ReportingPeriod::Quarterly,
        );
        i.name = "Pokok lelang".into();
        i.definition = "Definisi".into();
        i.formula = "R / T".into();
        i.unit_of_measure = "Rp miliar".into();
        i.weight = Some(d("12.5"));
        i.konversi_120 = true;
        i.stabilize_scale = Some(vec![ScalePoint {
            ca: d("90"),
            score: d("100"),
        }]);
        i.worst_realisasi = Some(d("-3.75"));
        i.validity = Validity::Exact;
        i.control = Control::Low;
        i.measures_quality_or_time = true;
        i.cascade = Some(Cascade {
            from: CodeRef::new("DJKN", "1a-CP"),
            method: CascadeMethod::Direct,
            kind: CascadeKind::Partial,
        });
        i.location_consolidation = LocationConsolidation::Sum;
        i.tanggung_renteng = true;
        i.collective = true;
        i.target_basis = TargetBasis::Special;
        i.special_points = Some(4);
        i.special_reason = Some("amanat".into());
        i.new_iku = true;
        i.target_prev = Some(d("100"));
        i.realisasi_prev = Some(d("97.1"));
        i.capaian_prev2_over_125 = true;
        i.avg_realisasi_prev = Some(d("0.0001"));
        i.data_source = "SIMAN".into();
        i.responsible = "Kepala Seksi".into();
        i.targets[2] = Some(d("65"));
        i.targets[11] = Some(d("85.25"));
        i.realisasi[2] = Some(d("63.5"));
        i
    }

    /// `every_field()` encoded by the build before `mandatory` existed (record version 1).
    const IKU_V1: &str = "0001094b504b4e4c2d50544b0531612d43500453532d310c506f6b6f6b206c656c616e6708446566696e6973690552202f2054095270206d696c696172010201010431322e350101010239300331303001052d332e37350002010104444a4b4e0531612d435000010101010201040106616d616e6174010103313030010439372e31010106302e303030310553494d414e0c4b6570616c612053656b73690c0000010236350000000000000000010538352e32350c0000010436332e35000000000000000000";

    fn unhex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    #[test]
    fn an_iku_of_record_version_1_reads_as_not_mandatory_and_is_written_as_version_2() {
        let v1 = unhex(IKU_V1);
        assert_eq!(&v1[..2], &[0, 1]);
        let back: Iku = decode("iku/2025/KPKNL-PTK/1a-CP", &v1).unwrap();
        assert_eq!(back, every_field());
        assert!(!back.mandatory);
        // written again: version 2, the same body and `false` after it
        let v2 = encode(&back).unwrap();
        assert_eq!(&v2[..2], &[0, 2]);
        assert_eq!(&v2[2..v2.len() - 1], &v1[2..]);
        assert_eq!(v2[v2.len() - 1], 0);
        // a damaged version-1 record is still refused
        let mut extra = v1.clone();
        extra.push(1);
        assert!(matches!(
            decode::<Iku>("k", &extra),
            Err(StoreError::Corrupt { .. })
        ));
        assert!(matches!(
            decode::<Iku>("k", &v1[..v1.len() - 1]),
            Err(StoreError::Corrupt { .. })
        ));
        // the other types read a version-1 record as it is
        let mut unit = encode(&"KPKNL".to_string()).unwrap();
        unit[1] = 1;
        assert_eq!(decode::<String>("k", &unit).unwrap(), "KPKNL");
    }

    #[test]
    fn a_mandatory_iku_round_trips() {
        let mut i = every_field();
        i.mandatory = true;
        let back: Iku = decode("k", &encode(&i).unwrap()).unwrap();
        assert!(back.mandatory);
        assert_eq!(back, i);
    }

    #[test]
    fn extra_bytes_are_corrupt() {
        let mut bytes = encode(&sample()).unwrap();
        bytes.push(0);
        match decode::<Iku>("iku/2025/KPKNL/1a", &bytes) {
            Err(StoreError::Corrupt { key, reason }) => {
                assert_eq!(key, "iku/2025/KPKNL/1a");
                assert!(reason.contains("1 unexpected byte"), "{reason}");
            }
            other => panic!("expected Corrupt, got {other:?}"),
        }
    }

    #[test]
    fn wrong_version_truncated_and_empty_are_corrupt() {
        let good = encode(&sample()).unwrap();
        let mut newer = good.clone();
        newer[1] = 9;
        let truncated = &good[..good.len() - 3];
        for bad in [&newer[..], truncated, &[][..], &[0u8][..]] {
            assert!(matches!(
                decode::<Iku>("k", bad),
                Err(StoreError::Corrupt { .. })
            ));
        }
    }

    #[test]
    fn huge_length_prefix_does_not_allocate_without_bound() {
        // version, then a string whose varint length claims ~2^64 bytes
        let bytes = [0, 1, 255, 255, 255, 255, 255, 255, 255, 255, 255];
        assert!(matches!(
            decode::<String>("k", &bytes),
            Err(StoreError::Corrupt { .. })
        ));
    }
}
