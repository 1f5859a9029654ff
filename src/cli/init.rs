//! `kinerja init [--group NAME]`: create a store, private (0700/0600) or shared with a Unix
//! group (0770 setgid directory, 0660 files); and the refusal of a world-writable store.

use std::ffi::CString;
use std::fs;
use std::path::Path;

use clap::Args;

use super::{CliError, CliResult, Command, Context, io_reason, refused};
use crate::store::lock;
use crate::text::cli as t;

#[derive(Args, Debug)]
pub struct InitArgs {
    /// Bagikan toko data dengan grup Unix ini (0770/0660) / share the store with this group
    #[arg(long, value_name = "NAME")]
    pub group: Option<String>,
}

impl Command {
    /// Whether the command changes the store (and so must refuse a world-writable one).
    pub(super) fn writes(command: Option<&Command>) -> bool {
        matches!(
            command,
            None | Some(
                Command::Import(_)
                    | Command::ImportRealisasi(_)
                    | Command::Set(_)
                    | Command::Addendum(_)
                    | Command::Access(_)
                    | Command::Inisiatif(_)
                    | Command::Anggaran(_)
                    | Command::Submit(_)
                    | Command::Validate(_)
                    | Command::Return(_)
                    | Command::Close(_)
                    | Command::Reopen(_)
                    | Command::Restore(_)
                    | Command::Analisis(_)
                    | Command::Lampiran(_)
            )
        )
    }
}

/// Refuses a store directory that anyone on the machine may write to, saying why and how to
/// fix it. A store that does not exist yet is fine.
pub fn refuse_world_writable(path: &Path) -> Result<(), String> {
    if lock::world_writable(path) {
        return Err(t::WORLD_WRITABLE.fill(&[("store", &path.display())]));
    }
    Ok(())
}

/// The group id of a group name, from the group database.
pub fn group_id(name: &str) -> Option<u32> {
    let c = CString::new(name).ok()?;
    let mut buf = vec![0 as libc::c_char; 64 * 1024];
    let mut grp: libc::group = unsafe { std::mem::zeroed() };
    let mut result: *mut libc::group = std::ptr::null_mut();
    // SAFETY: every pointer points to live storage of the given size; getgrnam_r writes only
    // into `grp` and `buf` and sets `result` to `&mut grp` or null.
    let rc = unsafe {
        libc::getgrnam_r(
            c.as_ptr(),
            &mut grp,
            buf.as_mut_ptr(),
            buf.len(),
            &mut result,
        )
    };
    (rc == 0 && !result.is_null()).then_some(grp.gr_gid)
}

/// Whether this process may give files to the group `gid`: root, or a member of it (its
/// effective group or one of its supplementary groups). Unknown when the groups cannot be read:
/// then `true`, and the kernel's refusal of the `chown` is what says so.
fn member_of(gid: u32) -> bool {
    // SAFETY: geteuid and getegid have no preconditions.
    if unsafe { libc::geteuid() } == 0 || unsafe { libc::getegid() } == gid {
        return true;
    }
    // SAFETY: a size of 0 with a null list only asks for the number of groups.
    let n = unsafe { libc::getgroups(0, std::ptr::null_mut()) };
    let Ok(len) = usize::try_from(n) else {
        return true;
    };
    let mut groups: Vec<libc::gid_t> = vec![0; len];
    // SAFETY: `groups` has room for `n` entries; getgroups writes at most that many.
    let got = unsafe { libc::getgroups(n, groups.as_mut_ptr()) };
    let Ok(got) = usize::try_from(got) else {
        return true;
    };
    groups.truncate(got);
    groups.contains(&gid)
}

/// The topmost directory of `path` (itself included) that does not exist yet: what creating
/// it makes, and what is removed again when `init` fails.
fn first_missing(path: &Path) -> Option<std::path::PathBuf> {
    let mut missing = None;
    for p in path.ancestors() {
        if p.as_os_str().is_empty() || fs::symlink_metadata(p).is_ok() {
            break;
        }
        missing = Some(p.to_path_buf());
    }
    missing
}

pub fn run(ctx: &Context, a: &InitArgs) -> CliResult {
    let path = &ctx.store_path;
    refuse_world_writable(path).map_err(CliError::refused)?;
    let shown = path.display();
    let existed = crate::store::dir::is_store(path);
    let dir_was_there = path.exists();
    let Some(group) = &a.group else {
        let store = ctx.create_local_store()?;
        drop(store);
        let m = if existed {
            &t::INIT_EXISTS
        } else {
            &t::INIT_PRIVATE
        };
        return super::say(&m.fill(&[("store", &shown)]));
    };
    let gid = group_id(group)
        .ok_or_else(|| CliError::refused(t::INIT_UNKNOWN_GROUP.fill(&[("group", group)])))?;
    // a group this user cannot give files to: refused before anything is made
    if !member_of(gid) {
        return Err(CliError::refused(
            t::INIT_NOT_MEMBER.fill(&[("group", group), ("store", &shown)]),
        ));
    }
    let made_from = first_missing(path);
    let fail = |e: std::io::Error| {
        let msg = if e.kind() == std::io::ErrorKind::PermissionDenied {
            t::INIT_NOT_MEMBER.fill(&[("group", group), ("store", &shown)])
        } else {
            t::CANNOT_WRITE.fill(&[("file", &shown), ("reason", &io_reason(&e))])
        };
        CliError::refused(msg)
    };
    if existed {
        // A store in use by another process is refused here, before anything changes.
        drop(ctx.open_local_store()?);
    } else {
        // Created and marked as a private store first (refusing a directory that is neither
        // new nor empty); removed again below if it cannot be shared.
        drop(ctx.create_local_store()?);
    }
    let undo = |e: std::io::Error| {
        if !existed {
            remove_new_store(path, dir_was_there, made_from.as_deref());
        }
        fail(e)
    };
    // The directory first: a group-writable directory makes the store open with the group
    // policy (umask 007, files 0660), and setgid gives new files its group.
    crate::store::dir::share_with_group(path, gid).map_err(undo)?;
    let store = ctx.open_local_store()?;
    crate::store::dir::share_with_group(path, gid).map_err(fail)?;
    store.flush().map_err(refused)?;
    drop(store);
    super::say(&t::INIT_GROUP.fill(&[("store", &shown), ("group", group)]))
}

/// Removes a store that `init` made and could not share: the whole directory when `init`
/// created it, with the parent directories it created up to `made_from` (each only when
/// empty), else only the store's own entries (the directory was empty before).
fn remove_new_store(path: &Path, dir_was_there: bool, made_from: Option<&Path>) {
    if !dir_was_there {
        let _ = fs::remove_dir_all(path);
        if let Some(top) = made_from {
            for p in path.ancestors().skip(1) {
                if !p.starts_with(top) || fs::remove_dir(p).is_err() {
                    break;
                }
            }
        }
        return;
    }
    if let Ok(rd) = fs::read_dir(path) {
        for e in rd.flatten() {
            if crate::store::dir::is_own_entry(&e.file_name()) {
                let p = e.path();
                let _ = if e.file_type().is_ok_and(|t| t.is_dir()) {
                    fs::remove_dir_all(&p)
                } else {
                    fs::remove_file(&p)
                };
            }
        }
    }
}
