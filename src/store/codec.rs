//! The envelope of every stored value: a schema version (u16, big-endian) followed by the
//! record encoded with bincode 2 (serde path, standard configuration).
//!
//! Decoding checks the version and that every byte was consumed; anything else is
//! [`StoreError::Corrupt`] naming the key. When a stored type changes, bump [`RECORD_VERSION`]
//! and add the migration of the previous version here.

use bincode::config;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::StoreError;

/// Version of the record layout written by this build.
pub const RECORD_VERSION: u16 = 1;

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

/// Decodes a record from its envelope; `key` is the readable key for the error.
pub fn decode<T: DeserializeOwned>(key: &str, bytes: &[u8]) -> Result<T, StoreError> {
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
    if head != RECORD_VERSION {
        return Err(corrupt(format!(
            "schema version {head}, this build reads version {RECORD_VERSION}"
        )));
    }
    decode_body(body).map_err(corrupt)
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
