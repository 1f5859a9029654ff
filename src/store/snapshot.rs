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

use std::collections::{BTreeMap, HashSet};

use super::{Store, StoreError, TreeId, codec, keys};
use crate::domain::{Addendum, ChunkIndex, CodeRef, Dataset, Iku, IndexPart, Ss, Unit};

/// Layout of the snapshot body (inside the record envelope).
const SNAPSHOT_FORMAT: u16 = 1;
/// How many sections the IKU and the SS are split into: one IKU section per core of the machine
/// writing the snapshot (the one that reads it, as a rule), at most 8, and half as many for the
/// SS. On this project's 2-core machine 2 IKU sections open ~15 ms faster than 4.
fn section_counts() -> (usize, usize) {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let iku = cores.clamp(1, 8);
    (iku.div_ceil(2), iku)
}

/// Marked units re-read on load before the snapshot is rewritten instead.
pub(super) const REFRESH_AFTER: usize = 64;

/// The parts of a year, SS and IKU in their maps.
#[derive(Default)]
struct Parts {
    units: Vec<Unit>,
    ss: BTreeMap<CodeRef, Ss>,
    iku: BTreeMap<CodeRef, Iku>,
    addenda: Vec<Addendum>,
    /// The index of each SS and IKU chunk as decoded.
    index: Option<Vec<IndexPart>>,
    /// Units whose SS and IKU were replaced in the maps after decoding (the overlay).
    stale_units: Vec<String>,
}

impl Parts {
    fn into_dataset(self, year: i32, rulebook: String) -> Dataset {
        let index = self.index.map(|parts| ChunkIndex {
            parts,
            stale_units: self.stale_units,
        });
        Dataset::from_maps(
            year,
            rulebook,
            self.units,
            self.ss,
            self.iku,
            self.addenda,
            index,
        )
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
    let (ss_sections, iku_sections) = section_counts();
    encode_in(ds, ss_sections, iku_sections)
}

/// Encodes a dataset with its SS and IKU in that many sections each.
fn encode_in(ds: &Dataset, ss_sections: usize, iku_sections: usize) -> Result<Vec<u8>, StoreError> {
    let y = ds.year;
    let mut addenda: Vec<&Addendum> = ds.addenda.iter().collect();
    addenda.sort_by_cached_key(|a| keys::addendum(y, &a.unit, a.version));
    let units: Vec<&Unit> = ds.units.values().collect();
    let ss: Vec<&Ss> = ds.ss.values().collect();
    let iku: Vec<&Iku> = ds.iku.values().collect();
    // each section is encoded in place, after its length: no copy of the year is made
    let mut out = Vec::new();
    out.extend_from_slice(&codec::RECORD_VERSION.to_be_bytes());
    out.extend_from_slice(&SNAPSHOT_FORMAT.to_be_bytes());
    out.push(ss_sections as u8);
    out.push(iku_sections as u8);
    codec::append_section(&mut out, &units)?;
    codec::append_section(&mut out, &addenda)?;
    for chunk in chunks(&ss, ss_sections) {
        codec::append_section(&mut out, &chunk)?;
    }
    for chunk in chunks(&iku, iku_sections) {
        codec::append_section(&mut out, &chunk)?;
    }
    Ok(out)
}

/// A whole year as one value, in the snapshot's layout: what the store server sends a client
/// that loads a year (and a client sends with an import), decoded by [`decode_year`].
pub fn encode_year(ds: &Dataset) -> Result<Vec<u8>, StoreError> {
    encode(ds)
}

/// The year of a value written by [`encode_year`] (or a stored snapshot); the error is the
/// reason it cannot be read.
pub fn decode_year(bytes: &[u8], year: i32, rulebook: String) -> Result<Dataset, String> {
    decode(bytes).map(|p| p.into_dataset(year, rulebook))
}

/// [`decode_year`] of bytes it takes: they are freed as soon as they are decoded, before the
/// year is made of the parts (the store server's import: a ministry-scale year is ~11 MB).
pub fn decode_year_owned(bytes: Vec<u8>, year: i32, rulebook: String) -> Result<Dataset, String> {
    let parts = decode(&bytes);
    drop(bytes);
    parts.map(|p| p.into_dataset(year, rulebook))
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
    // Each thread decodes a chunk, indexes it and puts it in a map of its own; the maps are
    // then joined (the chunks are in key order, so a join only appends).
    std::thread::scope(|scope| {
        let ss: Vec<_> = ss_sections
            .iter()
            .map(|b| {
                scope.spawn(move || chunk(b, IndexPart::of_ss, |s| CodeRef::new(&s.unit, &s.code)))
            })
            .collect();
        let iku: Vec<_> = iku_sections
            .iter()
            .map(|b| scope.spawn(move || chunk(b, IndexPart::of_iku, Iku::key)))
            .collect();
        let mut parts = Parts {
            units: section(sections[0])?,
            addenda: section(sections[1])?,
            ..Parts::default()
        };
        let mut index = Vec::with_capacity(ss.len() + iku.len());
        let (ss, ss_index) = joined(ss)?;
        let (iku, iku_index) = joined(iku)?;
        index.extend(ss_index);
        index.extend(iku_index);
        parts.ss = ss;
        parts.iku = iku;
        parts.index = Some(index);
        Ok(parts)
    })
}

/// A section of SS or IKU decoded, indexed and put in a map.
fn chunk<T: serde::de::DeserializeOwned>(
    body: &[u8],
    index: fn(&[T]) -> IndexPart,
    key: fn(&T) -> CodeRef,
) -> Result<(BTreeMap<CodeRef, T>, IndexPart), String> {
    let items = section::<T>(body)?;
    let ix = index(&items);
    Ok((items.into_iter().map(|v| (key(&v), v)).collect(), ix))
}

type ChunkResult<'s, T> =
    std::thread::ScopedJoinHandle<'s, Result<(BTreeMap<CodeRef, T>, IndexPart), String>>;

/// The maps of the chunks' threads joined into one, and their index parts in order.
fn joined<T>(
    handles: Vec<ChunkResult<'_, T>>,
) -> Result<(BTreeMap<CodeRef, T>, Vec<IndexPart>), String> {
    let mut maps = Vec::with_capacity(handles.len());
    let mut index = Vec::with_capacity(handles.len());
    for h in handles {
        let (map, ix) = join(h)?;
        maps.push(map);
        index.push(ix);
    }
    Ok((join_maps(maps), index))
}

/// One map of maps whose keys follow each other: joined pairwise, so that each entry moves
/// about log2(n) times rather than up to n times.
fn join_maps<K: Ord, V>(mut maps: Vec<BTreeMap<K, V>>) -> BTreeMap<K, V> {
    while maps.len() > 1 {
        let mut next = Vec::with_capacity(maps.len().div_ceil(2));
        let mut it = maps.into_iter();
        while let Some(mut a) = it.next() {
            if let Some(mut b) = it.next() {
                a.append(&mut b);
            }
            next.push(a);
        }
        maps = next;
    }
    maps.pop().unwrap_or_default()
}

/// Removes every entry of `unit` (its keys are consecutive).
fn remove_unit<V>(map: &mut BTreeMap<CodeRef, V>, unit: &str) {
    let from = CodeRef::new(unit, "");
    let doomed: Vec<CodeRef> = map
        .range(&from..)
        .take_while(|(k, _)| k.unit == unit)
        .map(|(k, _)| k.clone())
        .collect();
    for k in doomed {
        map.remove(&k);
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
        let ds = self.load_year_refreshing(year, REFRESH_AFTER)?;
        self.with_rounds(ds)
    }

    /// Loads one year's data like [`Store::load_year`], and writes its snapshot (and summary)
    /// afresh when any unit changed since they were written, so that the next open of the TUI
    /// can start from a partial load again (see `partial`). What the TUI loads in the
    /// background.
    pub fn load_year_fresh(&self, year: i32) -> Result<Dataset, StoreError> {
        let ds = self.load_year_refreshing(year, 0)?;
        self.with_rounds(ds)
    }

    /// Writes the year's snapshot and summary afresh when a unit changed since they were
    /// written (true then); does nothing otherwise. What the TUI does on quitting after edits.
    pub fn refresh_snapshot(&self, year: i32) -> Result<bool, StoreError> {
        let clean = {
            let _guard = self.writer.lock().unwrap_or_else(|p| p.into_inner());
            self.dirty_marks(year)?.is_empty()
        };
        if !clean {
            self.load_year_fresh(year)?;
        }
        Ok(!clean)
    }

    /// The year's rulebook and stored snapshot when the snapshot is exactly what the records
    /// hold (no unit changed since it was written); `None` otherwise. What the store server
    /// sends a client loading the year, without decoding it.
    pub fn clean_snapshot(&self, year: i32) -> Result<Option<(String, sled::IVec)>, StoreError> {
        let rulebook = self.rulebook_of(year)?;
        let _guard = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        if !self.dirty_marks(year)?.is_empty() {
            return Ok(None);
        }
        Ok(self
            .trees
            .snapshots
            .get(keys::year(year))?
            .map(|v| (rulebook, v)))
    }

    /// [`Store::load_year`] that rewrites the snapshot past `refresh_after` dirty units (from
    /// the records past [`REFRESH_AFTER`], else from the snapshot and the marked units' records).
    fn load_year_refreshing(&self, year: i32, refresh_after: usize) -> Result<Dataset, StoreError> {
        let rulebook = self.rulebook_of(year)?;
        // No change of this process may fall between reading the marks and the snapshot, or
        // between reading the records and writing the snapshot made from them.
        let _guard = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        let marks = self.dirty_marks(year)?;
        let whole_year = marks.iter().any(|k| k.len() == 4);
        let parts = match whole_year || marks.len() > REFRESH_AFTER {
            true => None,
            false => self.read_snapshot(year)?,
        };
        if let Some(parts) = parts {
            let ds = self.snapshot_dataset(year, parts, &marks, rulebook)?;
            if marks.len() > refresh_after {
                // the snapshot with its overlay is what the records hold (`verify` checks it);
                // a cache: the year is loaded even when it cannot be written
                let _ = self.write_snapshot(&ds, &marks);
            }
            return Ok(ds);
        }
        let ds = self.load_year_records(year, rulebook)?;
        // The snapshot is only a cache: the year is loaded even when it cannot be written.
        let _ = self.write_snapshot(&ds, &marks);
        Ok(ds)
    }

    /// Loads one year's data from its records alone, decoding every one of them (what `export`
    /// uses: a backup must show a damaged record, not a cached copy of it). Slower than
    /// [`Store::load_year`]; gives the same data on a sound store.
    pub fn load_year_from_records(&self, year: i32) -> Result<Dataset, StoreError> {
        let rulebook = self.rulebook_of(year)?;
        let ds = self.load_year_records(year, rulebook)?;
        self.with_rounds(ds)
    }

    /// The rulebook of a stored year; [`StoreError::NotFound`] when the year is not stored.
    pub(super) fn rulebook_of(&self, year: i32) -> Result<String, StoreError> {
        Ok(self
            .year_record(year)?
            .ok_or_else(|| StoreError::NotFound(super::t::YEAR.fill(&[("year", &year)])))?
            .rulebook)
    }

    /// The year from its decoded snapshot, with the units of `marks` re-read from their records.
    fn snapshot_dataset(
        &self,
        year: i32,
        parts: Parts,
        marks: &[Vec<u8>],
        rulebook: String,
    ) -> Result<Dataset, StoreError> {
        let dirty: HashSet<&[u8]> = marks.iter().map(|k| &k[4..]).collect();
        Ok(self
            .overlay(year, parts, &dirty)?
            .into_dataset(year, rulebook))
    }

    /// The dirty marks of a year (keys: year, or year + unit).
    pub(super) fn dirty_marks(&self, year: i32) -> Result<Vec<Vec<u8>>, StoreError> {
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
        parts.addenda.retain(|a| !is_dirty(&a.unit));
        for unit in dirty {
            let unit = std::str::from_utf8(unit).map_err(|_| StoreError::Corrupt {
                key: keys::display("dirty", &[&keys::year(year)[..], unit].concat()),
                reason: super::t::P_BAD_KEY.s().into(),
            })?;
            remove_unit(&mut parts.ss, unit);
            remove_unit(&mut parts.iku, unit);
            parts.stale_units.push(unit.to_string());
            let key = keys::unit(year, unit);
            if let Some(v) = self.trees.units.get(&key)? {
                parts
                    .units
                    .push(codec::decode(&keys::display("units", &key), &v)?);
            }
            let prefix = keys::unit_prefix(year, unit);
            for s in self.scan::<Ss>(TreeId::Ss, &prefix)? {
                parts.ss.insert(CodeRef::new(&s.unit, &s.code), s);
            }
            for i in self.scan::<Iku>(TreeId::Iku, &prefix)? {
                parts.iku.insert(i.key(), i);
            }
            parts
                .addenda
                .extend(self.scan::<Addendum>(TreeId::Addenda, &prefix)?);
        }
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
        let summary = super::YearSummary::of(ds).encode()?;
        let key = keys::year(ds.year);
        (
            &self.trees.snapshots,
            &self.trees.dirty,
            &self.trees.summaries,
        )
            .transaction(|(snapshots, dirty, summaries)| {
                snapshots.insert(&key[..], value.as_slice())?;
                summaries.insert(&key[..], summary.as_slice())?;
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
            self.drop_snapshot(year)?;
            return Ok(Some(super::t::P_SNAPSHOT_STALE.s().into()));
        };
        let reason = match decode(&bytes) {
            Err(reason) => Some(super::t::P_SNAPSHOT_UNREADABLE.fill(&[("reason", &reason)])),
            Ok(parts) => {
                let marks = self.dirty_marks(year)?;
                if marks.iter().any(|k| k.len() == 4) {
                    return Ok(None);
                }
                let cached = self.snapshot_dataset(year, parts, &marks, rec.rulebook)?;
                match self.records_match(&cached) {
                    Ok(true) => self.summary_differs(year, &cached, &marks)?,
                    // unreadable records are reported by the record checks
                    Err(_) => None,
                    Ok(false) => Some(super::t::P_SNAPSHOT_STALE.s().into()),
                }
            }
        };
        if reason.is_some() {
            self.drop_snapshot(year)?;
            self.flush()?;
        }
        Ok(reason)
    }

    /// Whether the records of `ds`'s year are exactly `ds` (what `load_year_records` would
    /// give), read one at a time rather than into a second copy of the year.
    fn records_match(&self, ds: &Dataset) -> Result<bool, StoreError> {
        Ok(
            self.same_records(TreeId::Units, ds.year, ds.units.values())?
                && self.same_records(TreeId::Ss, ds.year, ds.ss.values())?
                && self.same_records(TreeId::Iku, ds.year, ds.iku.values())?
                && self.same_records(TreeId::Addenda, ds.year, ds.addenda.iter())?,
        )
    }

    /// Whether the records of `year` in tree `id` are `expected`, one for one: the keys order
    /// records as a loaded year orders them (units by code, SS and IKU by unit then code,
    /// addenda by unit then version).
    fn same_records<'a, T: codec::Record + PartialEq + 'a>(
        &self,
        id: TreeId,
        year: i32,
        mut expected: impl Iterator<Item = &'a T>,
    ) -> Result<bool, StoreError> {
        for kv in self.trees.get(id).scan_prefix(keys::year(year)) {
            let (k, v) = kv?;
            let record: T = codec::decode(&keys::display(id.name(), &k), &v)?;
            if expected.next() != Some(&record) {
                return Ok(false);
            }
        }
        Ok(expected.next().is_none())
    }

    /// Why the year's summary does not describe `records` (the year as its records hold it,
    /// with `marks` its dirty marks), if it does not. Only a summary of a year without marks is
    /// ever used, so only then is it compared.
    fn summary_differs(
        &self,
        year: i32,
        records: &Dataset,
        marks: &[Vec<u8>],
    ) -> Result<Option<String>, StoreError> {
        if !marks.is_empty() {
            return Ok(None);
        }
        let Some(bytes) = self.trees.summaries.get(keys::year(year))? else {
            return Ok(None);
        };
        Ok(match super::YearSummary::decode(&bytes) {
            Err(reason) => Some(super::t::P_SNAPSHOT_UNREADABLE.fill(&[("reason", &reason)])),
            Ok(s) if s == super::YearSummary::of(records) => None,
            Ok(_) => Some(super::t::P_SNAPSHOT_STALE.s().into()),
        })
    }

    /// Removes the year's snapshot and the summary written with it (the summary first: one
    /// left alone would still be used).
    pub(super) fn drop_snapshot(&self, year: i32) -> Result<(), StoreError> {
        self.trees.summaries.remove(keys::year(year))?;
        self.trees.snapshots.remove(keys::year(year))?;
        Ok(())
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
    fn any_section_count_decodes_to_the_same_year() {
        let ds = crate::demo::generate(crate::demo::Scale::Kanwil, 7, 2025);
        for (n_ss, n_iku) in [(1, 1), (1, 2), (2, 4), (3, 5), (4, 8)] {
            let bytes = encode_in(&ds, n_ss, n_iku).unwrap();
            let back = decode(&bytes)
                .unwrap()
                .into_dataset(ds.year, ds.rulebook.clone());
            assert!(back == ds, "{n_ss} SS and {n_iku} IKU sections");
        }
    }

    #[test]
    fn joined_maps_hold_every_entry_once() {
        for n in 0..6 {
            let maps: Vec<BTreeMap<u32, u32>> = (0..n)
                .map(|i| (i * 10..i * 10 + 3).map(|k| (k, k)).collect())
                .collect();
            let joined = join_maps(maps);
            assert_eq!(joined.len(), 3 * n as usize);
            assert!(joined.iter().all(|(k, v)| k == v));
        }
    }

    #[test]
    fn removing_a_unit_leaves_its_neighbours() {
        let mut m: BTreeMap<CodeRef, ()> =
            [("A", "1"), ("AB", "1"), ("B", "1"), ("B", "2"), ("C", "")]
                .into_iter()
                .map(|(u, c)| (CodeRef::new(u, c), ()))
                .collect();
        remove_unit(&mut m, "B");
        let left: Vec<String> = m.keys().map(|k| k.to_string()).collect();
        assert_eq!(left, ["A/1", "AB/1", "C/"]);
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
