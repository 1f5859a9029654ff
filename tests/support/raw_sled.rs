//! Raw sled access to a closed store, for tests that damage or inspect records.

use std::path::Path;
use std::time::Duration;

/// Opens the sled database of a closed store. sled releases its file lock only when the
/// flusher thread of the previous opener has ended, a moment after it was dropped: retry
/// briefly instead of failing on that race.
pub fn open(path: &Path) -> sled::Db {
    let mut last = None;
    for _ in 0..40 {
        match sled::open(path) {
            Ok(db) => return db,
            Err(e) => {
                last = Some(e);
                std::thread::sleep(Duration::from_millis(50));
            }
        }
    }
    panic!("cannot open {}: {:?}", path.display(), last);
}
