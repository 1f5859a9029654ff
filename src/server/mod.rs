//! `kinerja serve`: one process owns the sled store (sled lets only one process open it) and
//! serves the store API over a Unix-domain socket inside the store directory, so that the
//! directory's permissions (0700 private, 2770 for a group store) are the first gate. Every
//! command and the TUI are its clients ([`Client`] implements `store::StoreApi`); the first
//! client starts it when none runs (see [`Client::connect`]).
//!
//! The design follows tmux (`client.c`/`server.c`: start under a lock, connect once more before
//! starting, a protocol version in the first message), atuin's daemon (a socket in a private
//! directory, a pidfile lock held for the server's life) and Neovim's UI protocol (every change
//! event carries a counter, so that a client can tell it missed one).
//!
//! Files in the store directory:
//! - `kinerja.sock`: the socket;
//! - `kinerja.serve-pid`: the server's pid, `flock`ed for its whole life (a server that died
//!   leaves it unlocked: its socket is stale and is removed by the next server);
//! - `kinerja.start-lock`: `flock`ed by a client while it starts a server, so that ten clients
//!   started at the same instant end with one server.

pub mod access;
pub mod client;
pub mod proto;
pub mod serve;

use std::fs;
use std::os::fd::AsRawFd;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

pub use client::Client;

pub const SOCKET_FILE: &str = "kinerja.sock";
pub const PID_FILE: &str = "kinerja.serve-pid";
pub const START_LOCK_FILE: &str = "kinerja.start-lock";

/// Seconds a server waits idle (no client) before it stops, unless told otherwise.
pub const DEFAULT_IDLE_SECS: u64 = 60;
/// The environment variable that sets the idle time of a server a client starts (seconds; 0:
/// the server stops with its last client).
pub const IDLE_ENV: &str = "KINERJA_SERVE_IDLE";

pub fn socket_path(store: &Path) -> PathBuf {
    store.join(SOCKET_FILE)
}

/// An exclusive `flock` on a file of the store directory, released on drop (and by the kernel
/// when the process dies, so that it is never stale).
pub struct FileLock {
    file: fs::File,
}

impl FileLock {
    /// Takes the lock, waiting for it when `wait`; `Ok(None)` when it is held elsewhere and not
    /// `wait`.
    pub fn take(path: &Path, wait: bool, mode: u32) -> std::io::Result<Option<FileLock>> {
        let file = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(mode)
            .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
            .open(path)?;
        let op = if wait {
            libc::LOCK_EX
        } else {
            libc::LOCK_EX | libc::LOCK_NB
        };
        {
            use std::os::unix::fs::PermissionsExt;
            // the mode asked for, whatever the umask (a group store's files are 0660)
            let _ = file.set_permissions(fs::Permissions::from_mode(mode));
        }
        loop {
            // SAFETY: flock on a descriptor we own.
            let rc = unsafe { libc::flock(file.as_raw_fd(), op) };
            if rc == 0 {
                return Ok(Some(FileLock { file }));
            }
            let e = std::io::Error::last_os_error();
            match e.raw_os_error() {
                Some(libc::EINTR) => continue,
                Some(libc::EWOULDBLOCK) => return Ok(None),
                _ => return Err(e),
            }
        }
    }

    pub fn file(&self) -> &fs::File {
        &self.file
    }
}

/// The pid recorded in the server's pid file (whether or not that server still runs).
pub fn recorded_pid(store: &Path) -> Option<u32> {
    fs::read_to_string(store.join(PID_FILE))
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// Whether a server holds the store's pid-file lock now.
pub fn server_running(store: &Path) -> bool {
    let path = store.join(PID_FILE);
    if !path.exists() {
        return false;
    }
    matches!(FileLock::take(&path, false, 0o600), Ok(None))
}

/// The user and process on the other end of a Unix socket, from the kernel (SO_PEERCRED).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Peer {
    pub uid: u32,
    pub gid: u32,
    pub pid: u32,
}

pub fn peer_of(stream: &std::os::unix::net::UnixStream) -> std::io::Result<Peer> {
    let mut cred = libc::ucred {
        pid: 0,
        uid: 0,
        gid: 0,
    };
    let mut len = std::mem::size_of::<libc::ucred>() as libc::socklen_t;
    // SAFETY: `cred` and `len` are live and sized for SO_PEERCRED's ucred.
    let rc = unsafe {
        libc::getsockopt(
            stream.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_PEERCRED,
            (&mut cred as *mut libc::ucred).cast(),
            &mut len,
        )
    };
    if rc != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(Peer {
        uid: cred.uid,
        gid: cred.gid,
        pid: cred.pid as u32,
    })
}
