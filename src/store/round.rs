//! The month-end round in the store (DOMAIN.md §11): one [`UnitRound`] per (year, unit) in the
//! `round` tree, in the versioned envelope with its own `schema`
//! ([`crate::domain::round::ROUND_SCHEMA`]). A store written before this tree existed has no
//! round records: every month of it is `diisi`, without analysis or evidence.
//!
//! The records are written by `Store::apply` (the round's changes are of the one change type)
//! in the same transaction as the other records and the audit entries. They are not part of the
//! year snapshot: every load of a year adds them (a year has at most one record per unit).

use super::{Store, StoreError, codec, keys};
use crate::domain::round::{ROUND_SCHEMA, Rounds, UnitRound};

pub(super) fn decode_round(key: &[u8], bytes: &[u8]) -> Result<UnitRound, StoreError> {
    let shown = keys::display("round", key);
    let r: UnitRound = codec::decode(&shown, bytes)?;
    if r.schema != ROUND_SCHEMA {
        return Err(StoreError::Corrupt {
            key: shown,
            reason: format!(
                "round schema {}, this build reads round schema {ROUND_SCHEMA}",
                r.schema
            ),
        });
    }
    Ok(r)
}

impl Store {
    /// The round records of a year, by unit.
    pub fn load_rounds(&self, year: i32) -> Result<Rounds, StoreError> {
        let mut out = Rounds::new();
        for kv in self.trees.round.scan_prefix(keys::year(year)) {
            let (k, v) = kv?;
            let r = decode_round(&k, &v)?;
            out.insert(r.unit.clone(), r);
        }
        Ok(out)
    }

    /// The round record of a unit (a new one when none is stored).
    pub(super) fn load_unit_round(&self, year: i32, unit: &str) -> Result<UnitRound, StoreError> {
        let k = keys::unit(year, unit);
        match self.trees.round.get(&k)? {
            Some(v) => decode_round(&k, &v),
            None => Ok(UnitRound::new(unit)),
        }
    }

    /// Every round record key of a year.
    pub(super) fn round_keys(&self, year: i32) -> Result<Vec<Vec<u8>>, StoreError> {
        let mut out = Vec::new();
        for k in self.trees.round.scan_prefix(keys::year(year)).keys() {
            out.push(k?.to_vec());
        }
        Ok(out)
    }

    /// Whether the store holds the bytes of the evidence with this SHA-256 (lower-case hex).
    pub fn has_evidence(&self, sha256: &str) -> Result<bool, StoreError> {
        Ok(self.trees.evidence.contains_key(sha256.as_bytes())?)
    }

    /// `ds` with the round records of its year.
    pub(super) fn with_rounds(
        &self,
        mut ds: crate::domain::Dataset,
    ) -> Result<crate::domain::Dataset, StoreError> {
        ds.round = self.load_rounds(ds.year)?;
        Ok(ds)
    }
}

/// What [`Store::put_evidence`] stored.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PutEvidence {
    pub sha256: String,
    pub size: u64,
    /// False when the store held these bytes already (they are kept once).
    pub new: bool,
}

/// The SHA-256 of `bytes`, lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    let d = sha2::Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in d {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// Layout of an evidence value: this version (big-endian u16), then the file's bytes as given.
const EVIDENCE_FORMAT: u16 = 1;
pub(super) const META_EVIDENCE_BYTES: &[u8] = b"evidence_bytes";

impl Store {
    /// Bytes of evidence the store holds (each file once).
    pub fn evidence_bytes(&self) -> Result<u64, StoreError> {
        match self.trees.meta.get(META_EVIDENCE_BYTES)? {
            Some(v) => codec::decode(&keys::display("meta", META_EVIDENCE_BYTES), &v),
            None => Ok(0),
        }
    }

    /// Keeps the bytes of an evidence file under their SHA-256 (once, however often they are
    /// attached), within the limits of the year's rulebook (`[round]`): a file larger than
    /// `evidence_max_file_bytes`, or one that would take the store's evidence past
    /// `evidence_max_store_bytes`, is refused saying so. A year the store does not hold yet
    /// (a bundle being imported) takes the default rulebook's limits. Flushed before it returns. Attaching
    /// it is then a change ([`crate::store::Change::AddEvidence`]).
    pub fn put_evidence(
        &self,
        year: i32,
        unit: &str,
        bytes: &[u8],
    ) -> Result<PutEvidence, StoreError> {
        // a year not in the store yet: the files of a bundle are kept before its document is
        // imported (under the default rulebook's limits)
        let rb_name = match self.year_record(year)? {
            Some(rec) => {
                if !self.trees.units.contains_key(keys::unit(year, unit))? {
                    return Err(StoreError::NotFound(unit.to_string()));
                }
                rec.rulebook
            }
            None => crate::domain::rulebook::DEFAULT_RULEBOOK.to_string(),
        };
        use crate::text::round as t;
        let rules = crate::domain::rulebook::Rulebook::builtin(&rb_name)
            .or_else(|| crate::domain::rulebook::Rulebook::builtin("kmk-300-2022"))
            .map(|r| r.round)
            .ok_or_else(|| StoreError::NotFound(rb_name.clone()))?;
        self.put_evidence_within(
            bytes,
            rules.evidence_max_file_bytes,
            rules.evidence_max_store_bytes,
        )
        .map_err(|e| match e {
            Limit::File(max) => StoreError::Invalid(
                t::EVIDENCE_TOO_LARGE.fill(&[("size", &bytes.len()), ("max", &max)]),
            ),
            Limit::Store { used, max } => StoreError::Invalid(t::EVIDENCE_STORE_FULL.fill(&[
                ("size", &bytes.len()),
                ("used", &used),
                ("max", &max),
            ])),
            Limit::Err(e) => e,
        })
    }

    fn put_evidence_within(
        &self,
        bytes: &[u8],
        max_file: u64,
        max_store: u64,
    ) -> Result<PutEvidence, Limit> {
        let size = bytes.len() as u64;
        if size > max_file {
            return Err(Limit::File(max_file));
        }
        let sha256 = sha256_hex(bytes);
        let _guard = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        if self.has_evidence(&sha256)? {
            return Ok(PutEvidence {
                sha256,
                size,
                new: false,
            });
        }
        let used = self.evidence_bytes()?;
        if used.saturating_add(size) > max_store {
            return Err(Limit::Store {
                used,
                max: max_store,
            });
        }
        let mut value = Vec::with_capacity(bytes.len() + 2);
        value.extend_from_slice(&EVIDENCE_FORMAT.to_be_bytes());
        value.extend_from_slice(bytes);
        let total = codec::encode(&(used + size))?;
        use sled::Transactional;
        let r = (&self.trees.meta, &self.trees.evidence).transaction(|(meta, ev)| {
            ev.insert(sha256.as_bytes(), value.as_slice())?;
            meta.insert(META_EVIDENCE_BYTES, total.as_slice())?;
            Ok(())
        });
        r.map_err(|e: sled::transaction::TransactionError<()>| match e {
            sled::transaction::TransactionError::Storage(e) => StoreError::from(e),
            sled::transaction::TransactionError::Abort(()) => {
                StoreError::Engine("evidence write aborted".into())
            }
        })?;
        self.flush()?;
        Ok(PutEvidence {
            sha256,
            size,
            new: true,
        })
    }

    /// Keeps the bytes of an evidence file read back from a backup set (checked against its
    /// SHA-256 by the caller), outside the rulebook's limits: the store held it.
    pub(super) fn restore_evidence(&self, bytes: &[u8]) -> Result<(), StoreError> {
        self.put_evidence_within(bytes, u64::MAX, u64::MAX)
            .map(|_| ())
            .map_err(|e| match e {
                Limit::Err(e) => e,
                _ => StoreError::Engine("evidence beyond no limit".into()),
            })
    }

    /// The bytes of an evidence value of the store when they have the SHA-256 it is kept
    /// under; `None` otherwise.
    pub(super) fn evidence_of_record<'a>(&self, sha256: &str, v: &'a [u8]) -> Option<&'a [u8]> {
        evidence_body(sha256, v)
            .ok()
            .filter(|b| sha256_hex(b) == sha256)
    }

    /// The bytes of the evidence with this SHA-256; `None` when the store does not hold it.
    /// Bytes that no longer have their SHA-256 are [`StoreError::Corrupt`].
    pub fn get_evidence(&self, sha256: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let Some(v) = self.trees.evidence.get(sha256.as_bytes())? else {
            return Ok(None);
        };
        let bytes = evidence_body(sha256, &v)?;
        if sha256_hex(bytes) != sha256 {
            return Err(StoreError::Corrupt {
                key: keys::display("evidence", sha256.as_bytes()),
                reason: "SHA-256 of the bytes differs".into(),
            });
        }
        Ok(Some(bytes.to_vec()))
    }

    /// Every evidence value whose bytes do not have the SHA-256 they are kept under, or that
    /// cannot be read, with why; then every round record that cannot be read, or that names
    /// evidence the store does not hold (what `verify` reports, by key).
    pub fn check_evidence(&self) -> Result<Vec<(String, String)>, StoreError> {
        let mut out = Vec::new();
        for kv in self.trees.evidence.iter() {
            let (k, v) = kv?;
            let key = String::from_utf8_lossy(&k).into_owned();
            let shown = format!("evidence/{key}");
            match evidence_body(&key, &v) {
                Ok(b) if sha256_hex(b) == key => {}
                Ok(b) => out.push((
                    shown,
                    crate::text::store::P_EVIDENCE_HASH.fill(&[("found", &sha256_hex(b))]),
                )),
                Err(e) => out.push((shown, e.to_string())),
            }
        }
        for kv in self.trees.round.iter() {
            let (k, v) = kv?;
            let shown = keys::display("round", &k);
            let r = match decode_round(&k, &v) {
                Ok(r) => r,
                Err(e) => {
                    out.push((shown, e.to_string()));
                    continue;
                }
            };
            for ((iku, month), list) in &r.evidence {
                for e in list {
                    if !self.has_evidence(&e.sha256)? {
                        out.push((
                            shown.clone(),
                            crate::text::store::P_EVIDENCE_MISSING.fill(&[
                                ("iku", iku),
                                ("month", month),
                                ("name", &e.name),
                                ("sha256", &e.sha256),
                            ]),
                        ));
                    }
                }
            }
        }
        Ok(out)
    }
}

fn evidence_body<'a>(sha256: &str, v: &'a [u8]) -> Result<&'a [u8], StoreError> {
    match v {
        [a, b, rest @ ..] if u16::from_be_bytes([*a, *b]) == EVIDENCE_FORMAT => Ok(rest),
        _ => Err(StoreError::Corrupt {
            key: keys::display("evidence", sha256.as_bytes()),
            reason: format!("not evidence format {EVIDENCE_FORMAT}"),
        }),
    }
}

enum Limit {
    File(u64),
    Store { used: u64, max: u64 },
    Err(StoreError),
}

impl From<StoreError> for Limit {
    fn from(e: StoreError) -> Limit {
        Limit::Err(e)
    }
}

impl From<sled::Error> for Limit {
    fn from(e: sled::Error) -> Limit {
        Limit::Err(e.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_limits_per_file_and_per_store_count_each_content_once() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(&dir.path().join("s")).unwrap();
        assert!(matches!(
            s.put_evidence_within(&[1; 11], 10, 25),
            Err(Limit::File(10))
        ));
        let a = s.put_evidence_within(&[1; 10], 10, 25).ok().unwrap();
        assert!(a.new);
        // the same bytes again: kept once, nothing counted
        let again = s.put_evidence_within(&[1; 10], 10, 25).ok().unwrap();
        assert!(!again.new && again.sha256 == a.sha256);
        assert_eq!(s.evidence_bytes().unwrap(), 10);
        s.put_evidence_within(&[2; 10], 10, 25).ok().unwrap();
        assert_eq!(s.evidence_bytes().unwrap(), 20);
        // 20 + 10 > 25: the store is full, and says how full
        assert!(matches!(
            s.put_evidence_within(&[3; 10], 10, 25),
            Err(Limit::Store { used: 20, max: 25 })
        ));
        assert!(!s.has_evidence(&sha256_hex(&[3; 10])).unwrap());
        assert_eq!(s.get_evidence(&a.sha256).unwrap().unwrap(), vec![1; 10]);
        assert!(s.check_evidence().unwrap().is_empty());
    }
}
