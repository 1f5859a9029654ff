//! `kinerja init [--group NAME]`: create a store, private (0700/0600) or shared with a Unix
//! group (0770 setgid directory, 0660 files); and the refusal of a world-writable store.

use std::ffi::CString;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
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

fn chgrp(path: &Path, gid: u32) -> std::io::Result<()> {
    let c = CString::new(path.as_os_str().as_bytes()).map_err(std::io::Error::other)?;
    // SAFETY: a valid NUL-terminated path; uid -1 leaves the owner unchanged.
    let rc = unsafe { libc::chown(c.as_ptr(), u32::MAX, gid) };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// Gives every file of the store to `gid` with modes 0660 (directories 2770).
fn share_tree(dir: &Path, gid: u32) -> std::io::Result<()> {
    chgrp(dir, gid)?;
    fs::set_permissions(dir, fs::Permissions::from_mode(0o2770))?;
    for e in fs::read_dir(dir)? {
        let e = e?;
        let p = e.path();
        if e.file_type()?.is_dir() {
            share_tree(&p, gid)?;
        } else {
            chgrp(&p, gid)?;
            fs::set_permissions(&p, fs::Permissions::from_mode(0o660))?;
        }
    }
    Ok(())
}

pub fn run(ctx: &Context, a: &InitArgs) -> CliResult {
    let path = &ctx.store_path;
    refuse_world_writable(path).map_err(CliError::refused)?;
    let shown = path.display();
    let existed = path.join("db").exists();
    let Some(group) = &a.group else {
        let store = ctx.open_local_store()?;
        drop(store);
        let m = if existed {
            &t::INIT_EXISTS
        } else {
            &t::INIT_PRIVATE
        };
        println!("{}", m.fill(&[("store", &shown)]));
        return Ok(());
    };
    let gid = group_id(group)
        .ok_or_else(|| CliError::refused(t::INIT_UNKNOWN_GROUP.fill(&[("group", group)])))?;
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
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent).map_err(fail)?;
        }
        match fs::DirBuilder::new().mode(0o700).create(path) {
            Err(e) if !path.is_dir() => return Err(fail(e)),
            _ => {}
        }
    }
    // The directory first: a group-writable directory makes the store open with the group
    // policy (umask 007, files 0660), and setgid gives new files its group.
    if let Err(e) = chgrp(path, gid)
        .and_then(|()| fs::set_permissions(path, fs::Permissions::from_mode(0o2770)))
    {
        let _ = fs::set_permissions(path, fs::Permissions::from_mode(0o700));
        return Err(fail(e));
    }
    let store = ctx.open_local_store()?;
    share_tree(path, gid).map_err(fail)?;
    store.flush().map_err(refused)?;
    drop(store);
    println!(
        "{}",
        t::INIT_GROUP.fill(&[("store", &shown), ("group", group)])
    );
    Ok(())
}
