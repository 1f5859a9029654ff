//! The year snapshot: a whole year in one record, so that opening a year reads one value instead
//! of iterating ~45,000 records (the iteration alone costs sled ~90 ms at ministry scale).
//!
//! - `snapshots/<year>` holds every unit, SS, IKU and addendum of the year as it was when the
//!   snapshot was written, in sections that are decoded in parallel.
//! - `dirty/<year><unit>` marks a unit changed since: every commit (see `write.rs`) inserts the
//!   mark in the same transaction as the change; `dirty/<year>` alone marks the whole year.
//! - Loading a year reads the snapshot and re-reads only the marked units from their records.
//!   Without a snapshot, with a damaged one, with the whole year marked, or with more than
//!   [`REFRESH_AFTER`] marked units, the year is read from its records and the snapshot written
//!   afresh (clearing the marks) in one transaction.
//!
//! The records stay the source of truth: the snapshot is a cache that can always be dropped, and
//! `verify` compares it with the records.

use std::collections::HashSet;

use super::{Store, StoreError, TreeId, codec, keys};
use crate::domain::{Addendum, Dataset, Iku, Ss, Unit};

/// Layout of the snapshot body (inside the record envelope).
const SNAPSHOT_FORMAT: u16 = 1;
/// Sections the IKU are split into, decoded on as many threads.
const IKU_SECTIONS: usize = 4;
/// Sections the SS are split into.
const SS_SECTIONS: usize = 2;
/// Marked units re-read on load before the snapshot is rewritten instead.
pub(super) const REFRESH_AFTER: usize = 64;

/// The parts of a year, in key order; SS and IKU in consecutive chunks.
#[derive(Default)]
struct Parts {
    units: Vec<Unit>,
    ss: Vec<Vec<Ss>>,
    iku: Vec<Vec<Iku>>,
    addenda: Vec<Addendum>,
}

impl Parts {
    fn into_dataset(self, year: i32, rulebook: String) -> Dataset {
        Dataset::from_sorted_chunks(year, rulebook, self.units, self.ss, self.iku, self.addenda)
    }
}

/// A list decoded into a vector allocated once at its stored length (bounded by the decode
/// limit, so a damaged length cannot ask for more), instead of growing it as it fills.
struct ExactVec<T>(Vec<T>);

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for ExactVec<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: serde::Deserialize<'de>> serde::de::Visitor<'de> for V<T> {
            type Value = ExactVec<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                let most = codec::DECODE_LIMIT / std::mem::size_of::<T>().max(1);
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(most));
                while let Some(item) = seq.next_element()? {
                    out.push(item);
                }
                Ok(ExactVec(out))
            }
        }
        d.deserialize_seq(V(std::marker::PhantomData))
    }
}

/// Decodes one section: a list of `T`.
fn section<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<Vec<T>, String> {
    codec::decode_body::<ExactVec<T>>(body).map(|v| v.0)
}

/// Encodes a dataset as a snapshot value.
fn encode(ds: &Dataset) -> Result<Vec<u8>, StoreError> {
    let y = ds.year;
    let mut addenda: Vec<&Addendum> = ds.addenda.iter().collect();
    addenda.sort_by_cached_key(|a| keys::addendum(y, &a.unit, a.version));
    let units: Vec<&Unit> = ds.units.values().collect();
    let ss: Vec<&Ss> = ds.ss.values().collect();
    let iku: Vec<&Iku> = ds.iku.values().collect();
    let mut sections = vec![codec::encode_body(&units)?, codec::encode_body(&addenda)?];
    for chunk in chunks(&ss, SS_SECTIONS) {
        sections.push(codec::encode_body(&chunk)?);
    }
    for chunk in chunks(&iku, IKU_SECTIONS) {
        sections.push(codec::encode_body(&chunk)?);
    }
    let total: usize = sections.iter().map(|s| s.len() + 8).sum();
    let mut out = Vec::with_capacity(total + 6);
    out.extend_from_slice(&codec::RECORD_VERSION.to_be_bytes());
    out.extend_from_slice(&SNAPSHOT_FORMAT.to_be_bytes());
    out.push(SS_SECTIONS as u8);
    out.push(IKU_SECTIONS as u8);
    for s in &sections {
        out.extend_from_slice(&(s.len() as u64).to_be_bytes());
        out.extend_from_slice(s);
    }
    Ok(out)
}

/// `n` slices of nearly equal length (some may be empty).
fn chunks<T: Clone>(items: &[T], n: usize) -> Vec<Vec<T>> {
    let size = items.len().div_ceil(n).max(1);
    let mut out: Vec<Vec<T>> = items.chunks(size).map(|c| c.to_vec()).collect();
    out.resize(n, Vec::new());
    out
}

/// Decodes a snapshot value; the error is the reason it cannot be used.
fn decode(bytes: &[u8]) -> Result<Parts, String> {
    let head = bytes.get(..6).ok_or("too short")?;
    let version = u16::from_be_bytes([head[0], head[1]]);
    let format = u16::from_be_bytes([head[2], head[3]]);
    if version != codec::RECORD_VERSION || format != SNAPSHOT_FORMAT {
        return Err(format!("version {version}/{format}"));
    }
    let (n_ss, n_iku) = (head[4] as usize, head[5] as usize);
    let mut rest = &bytes[6..];
    let mut sections = Vec::with_capacity(2 + n_ss + n_iku);
    for _ in 0..2 + n_ss + n_iku {
        let len = rest.get(..8).ok_or("truncated")?;
        let len = u64::from_be_bytes(len.try_into().map_err(|_| "truncated")?);
        let len = usize::try_from(len).map_err(|_| "section too long")?;
        let body = rest.get(8..8usize.saturating_add(len)).ok_or("truncated")?;
        sections.push(body);
        rest = &rest[8 + len..];
    }
    if !rest.is_empty() {
        return Err(format!("{} unexpected byte(s)", rest.len()));
    }
    let (ss_sections, iku_sections) = sections[2..].split_at(n_ss);
    std::thread::scope(|scope| {
        let ss: Vec<_> = ss_sections
            .iter()
            .map(|b| scope.spawn(move || section::<Ss>(b)))
            .collect();
        let iku: Vec<_> = iku_sections
            .iter()
            .map(|b| scope.spawn(move || section::<Iku>(b)))
            .collect();
        let mut parts = Parts {
            units: section(sections[0])?,
            addenda: section(sections[1])?,
            ..Parts::default()
        };
        parts.ss = ss.into_iter().map(join).collect::<Result<_, _>>()?;
        parts.iku = iku.into_iter().map(join).collect::<Result<_, _>>()?;
        Ok(parts)
    })
}

/// Puts `items` (records re-read for the dirty units, whose old copies were removed) into the
/// chunks in key order: each lands in the chunk whose key range holds it, and only the chunks
/// that receive something are rebuilt.
fn merge_into_chunks<T>(chunks: &mut Vec<Vec<T>>, mut items: Vec<T>, key: fn(&T) -> (&str, &str)) {
    if items.is_empty() {
        return;
    }
    items.sort_by(|a, b| key(a).cmp(&key(b)));
    chunks.retain(|c| !c.is_empty());
    if chunks.is_empty() {
        chunks.push(items);
        return;
    }
    // chunk i takes the keys below the first key of chunk i + 1
    let mut incoming: Vec<Vec<T>> = (0..chunks.len()).map(|_| Vec::new()).collect();
    let mut target = 0;
    for item in items {
        while target + 1 < chunks.len() && key(&chunks[target + 1][0]) <= key(&item) {
            target += 1;
        }
        incoming[target].push(item);
    }
    for (chunk, new) in chunks.iter_mut().zip(incoming) {
        if new.is_empty() {
            continue;
        }
        let old = std::mem::take(chunk);
        let mut merged = Vec::with_capacity(old.len() + new.len());
        let (mut a, mut b) = (old.into_iter().peekable(), new.into_iter().peekable());
        loop {
            let take_a = match (a.peek(), b.peek()) {
                (Some(x), Some(y)) => key(x) <= key(y),
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            merged.extend(if take_a { a.next() } else { b.next() });
        }
        *chunk = merged;
    }
}

/// The result of a decoding thread.
fn join<T>(h: std::thread::ScopedJoinHandle<'_, Result<T, String>>) -> Result<T, String> {
    h.join().map_err(|_| "decoder failed".to_string())?
}

impl Store {
    /// Loads one year's data, indexed: from the snapshot when it can be used, else from the
    /// records (writing a fresh snapshot). [`StoreError::NotFound`] when the year is not stored.
    pub fn load_year(&self, year: i32) -> Result<Dataset, StoreError> {
        let rec = self
            .year_record(year)?
            .ok_or_else(|| StoreError::NotFound(super::t::YEAR.fill(&[("year", &year)])))?;
        // No change of this process may fall between reading the marks and the snapshot, or
        // between reading the records and writing the snapshot made from them.
        let _guard = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        let marks = self.dirty_marks(year)?;
        let whole_year = marks.iter().any(|k| k.len() == 4);
        if !whole_year
            && marks.len() <= REFRESH_AFTER
            && let Some(parts) = self.read_snapshot(year)?
        {
            let dirty: HashSet<&[u8]> = marks.iter().map(|k| &k[4..]).collect();
            let parts = self.overlay(year, parts, &dirty)?;
            return Ok(parts.into_dataset(year, rec.rulebook));
        }
        let ds = self.load_year_records(year, rec.rulebook)?;
        // The snapshot is only a cache: the year is loaded even when it cannot be written.
        let _ = self.write_snapshot(&ds, &marks);
        Ok(ds)
    }

    /// Loads one year's data from its records alone, decoding every one of them (what `export`
    /// uses: a backup must show a damaged record, not a cached copy of it). Slower than
    /// [`Store::load_year`]; gives the same data on a sound store.
    pub fn load_year_from_records(&self, year: i32) -> Result<Dataset, StoreError> {
        let rec = self
            .year_record(year)?
            .ok_or_else(|| StoreError::NotFound(super::t::YEAR.fill(&[("year", &year)])))?;
        self.load_year_records(year, rec.rulebook)
    }

    /// The dirty marks of a year (keys: year, or year + unit).
    fn dirty_marks(&self, year: i32) -> Result<Vec<Vec<u8>>, StoreError> {
        let mut out = Vec::new();
        for k in self.trees.dirty.scan_prefix(keys::year(year)).keys() {
            out.push(k?.to_vec());
        }
        Ok(out)
    }

    /// The snapshot's parts, or `None` when there is none or it cannot be decoded.
    fn read_snapshot(&self, year: i32) -> Result<Option<Parts>, StoreError> {
        Ok(self
            .trees
            .snapshots
            .get(keys::year(year))?
            .and_then(|v| decode(&v).ok()))
    }

    /// Replaces in `parts` everything of the `dirty` units by what their records hold now.
    fn overlay(
        &self,
        year: i32,
        mut parts: Parts,
        dirty: &HashSet<&[u8]>,
    ) -> Result<Parts, StoreError> {
        if dirty.is_empty() {
            return Ok(parts);
        }
        let is_dirty = |unit: &str| dirty.contains(unit.as_bytes());
        parts.units.retain(|u| !is_dirty(&u.code));
        for c in &mut parts.ss {
            c.retain(|s| !is_dirty(&s.unit));
        }
        for c in &mut parts.iku {
            c.retain(|i| !is_dirty(&i.unit));
        }
        parts.addenda.retain(|a| !is_dirty(&a.unit));
        let (mut ss, mut iku) = (Vec::new(), Vec::new());
        for unit in dirty {
            let unit = std::str::from_utf8(unit).map_err(|_| StoreError::Corrupt {
                key: keys::display("dirty", &[&keys::year(year)[..], unit].concat()),
                reason: super::t::P_BAD_KEY.s().into(),
            })?;
            let key = keys::unit(year, unit);
            if let Some(v) = self.trees.units.get(&key)? {
                parts
                    .units
                    .push(codec::decode(&keys::display("units", &key), &v)?);
            }
            let prefix = keys::unit_prefix(year, unit);
            ss.extend(self.scan::<Ss>(TreeId::Ss, &prefix)?);
            iku.extend(self.scan::<Iku>(TreeId::Iku, &prefix)?);
            parts
                .addenda
                .extend(self.scan::<Addendum>(TreeId::Addenda, &prefix)?);
        }
        parts.units.sort_by(|a, b| a.code.cmp(&b.code));
        merge_into_chunks(&mut parts.ss, ss, |s| (&s.unit, &s.code));
        merge_into_chunks(&mut parts.iku, iku, |i| (&i.unit, &i.code));
        // the addenda keep key order, as a load from the records gives them
        parts
            .addenda
            .sort_by_cached_key(|a| keys::addendum(year, &a.unit, a.version));
        Ok(parts)
    }

    /// Writes `ds` as the snapshot of its year and clears `marks` (the marks read before `ds`
    /// was read), in one transaction, then flushes. The caller holds the writer lock and `ds` is
    /// exactly what the records of the year hold.
    pub(super) fn write_snapshot(&self, ds: &Dataset, marks: &[Vec<u8>]) -> Result<(), StoreError> {
        use sled::Transactional;
        let value = encode(ds)?;
        let key = keys::year(ds.year);
        (&self.trees.snapshots, &self.trees.dirty)
            .transaction(|(snapshots, dirty)| {
                snapshots.insert(&key[..], value.as_slice())?;
                for m in marks {
                    dirty.remove(m.as_slice())?;
                }
                Ok::<_, sled::transaction::ConflictableTransactionError<()>>(())
            })
            .map_err(|e| match e {
                sled::transaction::TransactionError::Storage(e) => StoreError::from(e),
                sled::transaction::TransactionError::Abort(()) => {
                    StoreError::Engine("snapshot".into())
                }
            })?;
        self.flush()
    }

    /// Compares the year's snapshot (with its overlay) against its records; on a difference the
    /// snapshot is removed (it is rebuilt from the records on the next load) and the reason is
    /// returned for `verify` to report.
    pub(super) fn check_snapshot(&self, year: i32) -> Result<Option<String>, StoreError> {
        let Some(bytes) = self.trees.snapshots.get(keys::year(year))? else {
            return Ok(None);
        };
        let Some(rec) = self.year_record(year)? else {
            self.trees.snapshots.remove(keys::year(year))?;
            return Ok(Some(super::t::P_SNAPSHOT_STALE.s().into()));
        };
        let reason = match decode(&bytes) {
            Err(reason) => Some(super::t::P_SNAPSHOT_UNREADABLE.fill(&[("reason", &reason)])),
            Ok(parts) => {
                let marks = self.dirty_marks(year)?;
                if marks.iter().any(|k| k.len() == 4) {
                    return Ok(None);
                }
                let dirty: HashSet<&[u8]> = marks.iter().map(|k| &k[4..]).collect();
                let parts = self.overlay(year, parts, &dirty)?;
                let cached = parts.into_dataset(year, rec.rulebook.clone());
                match self.load_year_records(year, rec.rulebook) {
                    Ok(records) if records == cached => None,
                    // unreadable records are reported by the record checks
                    Err(_) => None,
                    Ok(_) => Some(super::t::P_SNAPSHOT_STALE.s().into()),
                }
            }
        };
        if reason.is_some() {
            self.trees.snapshots.remove(keys::year(year))?;
            self.flush()?;
        }
        Ok(reason)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cover_everything_in_order() {
        let items: Vec<u32> = (0..10).collect();
        let c = chunks(&items, 4);
        assert_eq!(c.len(), 4);
        assert_eq!(c.concat(), items);
        let c = chunks(&[1u8], 4);
        assert_eq!(c.len(), 4);
        assert_eq!(c.concat(), vec![1]);
        assert_eq!(chunks::<u8>(&[], 2), vec![Vec::<u8>::new(); 2]);
    }

    #[test]
    fn merged_items_land_in_key_order() {
        fn key(v: &(String, String)) -> (&str, &str) {
            (&v.0, &v.1)
        }
        let p = |u: &str, c: &str| (u.to_string(), c.to_string());
        let mut chunks = vec![
            vec![p("A", "1"), p("C", "1")],
            vec![],
            vec![p("E", "1"), p("G", "1")],
        ];
        merge_into_chunks(
            &mut chunks,
            vec![
                p("H", "1"),
                p("B", "2"),
                p("D", "1"),
                p("0", "1"),
                p("F", "9"),
            ],
            key,
        );
        let flat: Vec<_> = chunks.concat();
        let mut sorted = flat.clone();
        sorted.sort();
        assert_eq!(flat, sorted);
        assert_eq!(flat.len(), 9);
        let mut none: Vec<Vec<(String, String)>> = vec![vec![]];
        merge_into_chunks(&mut none, vec![p("B", "1"), p("A", "1")], key);
        assert_eq!(none, vec![vec![p("A", "1"), p("B", "1")]]);
    }

    #[test]
    fn a_truncated_or_foreign_snapshot_is_refused_not_misread() {
        let ds = Dataset::new(2025, "kmk-300-2022");
        let good = encode(&ds).unwrap();
        assert!(decode(&good).is_ok());
        for cut in [0, 3, 6, good.len() - 1] {
            assert!(decode(&good[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = good.clone();
        longer.push(0);
        assert!(decode(&longer).is_err());
        let mut other_format = good;
        other_format[3] = 99;
        assert!(decode(&other_format).is_err());
    }
}
