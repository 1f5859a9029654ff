//! The memory allocator: mimalloc instead of the system's.
//!
//! Opening a ministry-scale year allocates about a million small objects (the codes and texts of
//! 25,000 IKU and their maps) on several threads; with glibc's allocator that alone took about
//! twice as long (README, "Performance"). mimalloc keeps freed memory for a while before giving
//! it back to the system (a second by default), which raised the peak of an open past 150 MB:
//! [`tune`] makes it give memory back at once. It also turns transparent huge pages off for the
//! process: mimalloc asks for them, and the kernel then backs each touched 2 MiB of an arena with
//! memory, which put the peak of a cold open at 130–148 MB instead of 89–101 MB, and a command
//! on a small store at 45 MB instead of 7 MB, without making the first frame faster.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc 3's `mi_option_e` (both crates are pinned in Cargo.toml).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Sets the allocator's options; call first thing in a program (the binary and the benches do).
/// mimalloc's own environment variables (`MIMALLOC_PURGE_DELAY=…`, `MIMALLOC_ALLOW_THP=…`) still
/// win.
pub fn tune() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: sets one option value; mimalloc reads options atomically.
        unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 0) };
    }
    no_huge_pages();
}

/// Turns transparent huge pages off for this process, unless `MIMALLOC_ALLOW_THP` is set.
fn no_huge_pages() {
    if std::env::var_os("MIMALLOC_ALLOW_THP").is_none() {
        // SAFETY: prctl with these arguments only sets a flag of this process.
        unsafe { libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_option_number_is_mimallocs_purge_delay() {
        // mimalloc 3's defaults (src/options.c): purge delay 1000 ms between the deprecated eager
        // commit delay (1) and the NUMA node count (0)
        // SAFETY: reads option values.
        let (before, own, after) = unsafe {
            (
                libmimalloc_sys::mi_option_get(PURGE_DELAY - 1),
                libmimalloc_sys::mi_option_get(PURGE_DELAY),
                libmimalloc_sys::mi_option_get(PURGE_DELAY + 1),
            )
        };
        assert_eq!((before, own, after), (1, 1000, 0));
    }

    #[test]
    fn tuning_turns_transparent_huge_pages_off() {
        if std::env::var_os("MIMALLOC_ALLOW_THP").is_some() {
            return; // the user's choice wins
        }
        no_huge_pages();
        // SAFETY: reads a flag of this process.
        assert_eq!(
            unsafe { libc::prctl(libc::PR_GET_THP_DISABLE, 0, 0, 0, 0) },
            1
        );
    }
}
