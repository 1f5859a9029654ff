//! The server process: opens the store, listens on its socket, answers every client on a
//! thread of its own and tells every live client what the others commit.
//!
//! - Each connection has a reader (requests, answered in order) and a writer draining a bounded
//!   queue ([`QUEUE`] frames). A commit puts its event in every other live client's queue
//!   without waiting; a full queue drops the event and the client is told to reload
//!   ([`ToClient::Resync`]). A client that stops reading therefore never slows the others.
//! - A malformed, oversized or truncated message ends that connection only.
//! - Commits are serialised by the commit counter's mutex: the store flushes each one before
//!   the server answers, so that a client told "saved" has it on disk; the event carries the
//!   counter.
//! - Kill -9 at any moment loses nothing confirmed (sled's log and the flush before every
//!   answer); the socket and pid file left behind are recognised as stale by the next server.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{self, SyncSender, TrySendError};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use chrono::Utc;

use super::access::{self, AccessList};
use super::proto::{
    self, ClientInfo, Event, FrameError, Hello, LoadHow, Refusal, Reply, Request, ServerStatus,
    ToClient, ToServer,
};
use super::{FileLock, PID_FILE, Peer, socket_path};
use crate::domain::Dataset;
use crate::store::backup::REPLACE_REASON;
use crate::store::{Actor, AuditEntry, Change, PartialYear, Store, StoreError, YearSummary, lock};
use crate::text::{Lang, server as t};

/// Frames waiting for one client before its events are dropped (it is then told to reload).
pub const QUEUE: usize = 256;
/// How long a write to a client may block before the client is dropped (a client that does
/// not read holds only its own writer thread and queue meanwhile: the others are not slowed).
const WRITE_TIMEOUT: Duration = Duration::from_secs(60);
/// How long a server that stops with its last client waits for its first one.
const NO_CLIENT_GRACE_SECS: u64 = 2;
/// How long a new connection has to say hello.
const HELLO_TIMEOUT: Duration = Duration::from_secs(5);
/// How long the store has to be without a change before the server writes the snapshot and
/// summary of the years changed since they were written (`store::partial`): a client that
/// opens then gets its first frame from a partial load instead of the whole year. The refresh
/// holds the store's writer for its duration, so it waits for a quiet moment.
const SNAPSHOT_QUIET: Duration = Duration::from_secs(1);

/// The newest year as its records hold it after change `seq`, kept by the server so that a
/// client's first frame is cut from memory (`PartialYear::of_dataset`) instead of from ~1,000
/// record scans, even while the year has changes its stored snapshot does not hold yet. Every
/// change the server applies is applied to it too ([`Dataset::apply`], as the TUI applies it);
/// anything else that changes the year (an import) drops it, and the quiet-time refresh loads
/// it again.
struct Cached {
    year: i32,
    seq: u64,
    ds: Dataset,
    /// `YearSummary::of(ds)`, made when first asked for after a change.
    summary: Option<YearSummary>,
}

impl Cached {
    fn summary(&mut self) -> YearSummary {
        let ds = &self.ds;
        self.summary
            .get_or_insert_with(|| YearSummary::of(ds))
            .clone()
    }
}

/// How `kinerja serve` runs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub store: PathBuf,
    /// Seconds without a client before the server stops; 0: it stops with its last client.
    pub idle_secs: u64,
    /// Started by a client: say "ready" (or why not) on stdout, then let go of the terminal.
    pub auto: bool,
    /// The protocol number to claim (tests of the version-mismatch message).
    pub protocol: u32,
}

struct Slot {
    info: ClientInfo,
    live: bool,
    tx: SyncSender<Vec<u8>>,
    lagging: Arc<AtomicBool>,
    stream: UnixStream,
}

struct Server {
    store: Store,
    path: PathBuf,
    opts: ServeOptions,
    /// The commit counter; held while a change is applied and told to the others.
    commit: Mutex<u64>,
    clients: Mutex<BTreeMap<u64, Slot>>,
    /// Open connections (said hello or not).
    conns: AtomicUsize,
    next_id: AtomicU64,
    last_left: Mutex<Instant>,
    /// When the last change was applied, for the snapshot refresh.
    last_change: Mutex<Instant>,
    /// See [`Cached`]; locked after `commit`, never before.
    cache: Mutex<Option<Cached>>,
    /// The kept year was dropped without a change (for a backup): load it again when quiet.
    cache_wanted: AtomicBool,
    since: chrono::DateTime<Utc>,
    user: String,
    _pid_lock: FileLock,
}

fn relock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// Runs the server until it is stopped, idle long enough, or killed.
pub fn run(opts: ServeOptions) -> Result<(), String> {
    match start(&opts) {
        Ok(server) => {
            if opts.auto {
                let _ = writeln!(io::stdout(), "ready");
                let _ = io::stdout().flush();
                detach_stdio();
            }
            server.serve();
            Ok(())
        }
        Err(msg) => {
            if opts.auto {
                let _ = writeln!(io::stdout(), "{msg}");
            }
            Err(msg)
        }
    }
}

/// Opens the store, takes the pid lock and binds the socket.
fn start(opts: &ServeOptions) -> Result<(Arc<Server>, UnixListener), String> {
    let path = &opts.store;
    let store = Store::open_existing(path).map_err(|e| {
        if super::server_running(path) {
            t::ALREADY_SERVED.fill(&[
                ("store", &path.display()),
                ("pid", &super::recorded_pid(path).unwrap_or(0)),
            ])
        } else {
            e.to_string()
        }
    })?;
    let policy = lock::policy_of(path);
    let pid_path = path.join(PID_FILE);
    let pid_lock = FileLock::take(&pid_path, false, policy.file_mode)
        .map_err(|e| format!("{}: {e}", pid_path.display()))?
        .ok_or_else(|| {
            t::ALREADY_SERVED.fill(&[
                ("store", &path.display()),
                ("pid", &super::recorded_pid(path).unwrap_or(0)),
            ])
        })?;
    {
        let mut f = pid_lock.file();
        let _ = f.set_len(0);
        let _ = writeln!(f, "{}", std::process::id());
    }
    // we hold the pid lock: a socket left here belongs to a server that died
    let sock = socket_path(path);
    let _ = std::fs::remove_file(&sock);
    let listener = lock::with_umask(policy.umask, || UnixListener::bind(&sock))
        .map_err(|e| format!("{}: {e}", sock.display()))?;
    use std::os::unix::fs::PermissionsExt;
    let _ = std::fs::set_permissions(&sock, std::fs::Permissions::from_mode(policy.file_mode));
    let server = Server {
        store,
        path: path.clone(),
        opts: opts.clone(),
        commit: Mutex::new(0),
        clients: Mutex::new(BTreeMap::new()),
        conns: AtomicUsize::new(0),
        next_id: AtomicU64::new(1),
        last_left: Mutex::new(Instant::now()),
        last_change: Mutex::new(Instant::now()),
        cache: Mutex::new(None),
        cache_wanted: AtomicBool::new(false),
        since: Utc::now(),
        user: Actor::current().user,
        _pid_lock: pid_lock,
    };
    Ok((Arc::new(server), listener))
}

/// Points stdin, stdout and stderr at /dev/null (the client that started us reads no more).
fn detach_stdio() {
    use std::os::fd::AsRawFd;
    if let Ok(null) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/null")
    {
        for fd in 0..3 {
            // SAFETY: dup2 onto the standard descriptors of this process.
            unsafe { libc::dup2(null.as_raw_fd(), fd) };
        }
    }
}

trait Serve {
    fn serve(self);
}

impl Serve for (Arc<Server>, UnixListener) {
    fn serve(self) {
        let (server, listener) = self;
        if server.opts.idle_secs != u64::MAX {
            let s = Arc::clone(&server);
            std::thread::spawn(move || s.watch_idle());
        }
        {
            let s = Arc::clone(&server);
            let _ = std::thread::Builder::new()
                .name("snapshot".into())
                .spawn(move || s.refresh_when_quiet());
        }
        for conn in listener.incoming() {
            match conn {
                Ok(stream) => {
                    server.conns.fetch_add(1, Ordering::SeqCst);
                    let s = Arc::clone(&server);
                    let spawned = std::thread::Builder::new()
                        .name("client".into())
                        .spawn(move || s.connection(stream));
                    if spawned.is_err() {
                        server.conns.fetch_sub(1, Ordering::SeqCst);
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(_) => std::thread::sleep(Duration::from_millis(10)),
            }
        }
    }
}

impl Server {
    fn watch_idle(&self) {
        // a server that stops with its last client still stops when none ever comes (the
        // client that started it was killed)
        let idle = Duration::from_secs(self.opts.idle_secs.max(NO_CLIENT_GRACE_SECS));
        loop {
            std::thread::sleep(Duration::from_millis(200));
            if self.conns.load(Ordering::SeqCst) == 0 && relock(&self.last_left).elapsed() >= idle {
                let _clients = relock(&self.clients);
                if self.conns.load(Ordering::SeqCst) == 0 {
                    self.stop();
                }
            }
        }
    }

    /// Writes the snapshot and summary of every changed year once the store has been without
    /// a change for [`SNAPSHOT_QUIET`] (see there), and again after the next changes.
    fn refresh_when_quiet(&self) {
        let mut refreshed_at: Option<u64> = None;
        loop {
            std::thread::sleep(Duration::from_millis(250));
            // no change may fall between the snapshot and the copy kept and their counter
            let seq = relock(&self.commit);
            let wanted = self.cache_wanted.load(Ordering::SeqCst);
            if (refreshed_at == Some(*seq) && !wanted)
                || relock(&self.last_change).elapsed() < SNAPSHOT_QUIET
            {
                continue;
            }
            self.cache_wanted.store(false, Ordering::SeqCst);
            // caches: a year that cannot be refreshed now is loaded whole by the next client
            let years = self.store.years().unwrap_or_default();
            for &year in &years {
                let _ = self.store.refresh_snapshot(year);
            }
            // the copy is kept only while a TUI is connected (a command does not need it, and
            // the memory is better left to an import)
            if let Some(&newest) = years.last().filter(|_| self.tui_connected()) {
                let mut cache = relock(&self.cache);
                if !cache
                    .as_ref()
                    .is_some_and(|c| c.year == newest && c.seq == *seq)
                {
                    *cache = None;
                    if let Ok(ds) = self.store.load_year(newest) {
                        *cache = Some(Cached {
                            year: newest,
                            seq: *seq,
                            ds,
                            summary: None,
                        });
                    }
                }
            }
            refreshed_at = Some(*seq);
        }
    }

    /// Whether a live client (a TUI) is connected.
    fn tui_connected(&self) -> bool {
        relock(&self.clients).values().any(|c| c.live)
    }

    /// `f` of the kept year when it is `year` as it is now (after the last change).
    fn cached<T>(&self, year: i32, f: impl FnOnce(&mut Cached) -> T) -> Option<T> {
        let seq = relock(&self.commit);
        let mut cache = relock(&self.cache);
        cache
            .as_mut()
            .filter(|c| c.year == year && c.seq == *seq)
            .map(f)
    }

    /// Closes the store and ends the process: after the commit in progress (if any), with
    /// everything flushed, the socket removed.
    fn stop(&self) -> ! {
        let _commit = relock(&self.commit);
        let _ = std::fs::remove_file(socket_path(&self.path));
        let _ = self.store.flush();
        lock::remove_owner_if_mine(&self.path);
        std::process::exit(0);
    }

    /// Writes the store's backup set when one is due (see `store::backup`), before the first
    /// write of a day: the client waits for it, so that no stop of this server (and no start of
    /// the next) overlaps it. A failure has no one to be told to here: the next write tries
    /// again, and `verify` names the newest set.
    fn daily_backup(&self) {
        let _ = self.store.backup_if_due(chrono::Local::now().date_naive());
    }

    /// One connection, from hello to goodbye.
    fn connection(self: Arc<Self>, stream: UnixStream) {
        let id = self.next_id.fetch_add(1, Ordering::SeqCst);
        let bye = self.converse(id, stream);
        let clients = relock(&self.clients);
        if !clients.values().any(|c| c.live) {
            // no TUI left to open a view: the kept year is memory for nothing
            *relock(&self.cache) = None;
        }
        let left = self.conns.fetch_sub(1, Ordering::SeqCst) - 1;
        if left == 0 {
            *relock(&self.last_left) = Instant::now();
            if self.opts.idle_secs == 0 {
                // stops with its last client; a client that said goodbye waits for it
                let commit = relock(&self.commit);
                let _ = std::fs::remove_file(socket_path(&self.path));
                let _ = self.store.flush();
                lock::remove_owner_if_mine(&self.path);
                if let Some(mut s) = bye {
                    let _ = proto::write_frame(&mut s, &ToClient::Bye { stopped: true }, &[]);
                }
                drop(commit);
                std::process::exit(0);
            }
        }
        drop(clients);
        if let Some(mut s) = bye {
            let _ = proto::write_frame(&mut s, &ToClient::Bye { stopped: false }, &[]);
        }
    }

    /// Reads requests until the client leaves; returns the stream when it said goodbye.
    fn converse(&self, id: u64, stream: UnixStream) -> Option<UnixStream> {
        let peer = super::peer_of(&stream).ok()?;
        let mut reader = stream.try_clone().ok()?;
        let _ = reader.set_read_timeout(Some(HELLO_TIMEOUT));
        let hello = match proto::read_frame::<ToServer>(&mut reader) {
            Ok((ToServer::Hello(h), _)) => h,
            _ => return None,
        };
        let _ = reader.set_read_timeout(None);
        let mut writer = stream.try_clone().ok()?;
        let _ = writer.set_write_timeout(Some(WRITE_TIMEOUT));
        if hello.protocol != self.opts.protocol || hello.version != proto::binary_version() {
            let _ = proto::write_frame(
                &mut writer,
                &ToClient::Incompatible {
                    protocol: self.opts.protocol,
                    version: proto::binary_version(),
                    pid: std::process::id(),
                },
                &[],
            );
            return None;
        }
        let lang = Lang::parse(&hello.lang).unwrap_or_default();
        crate::text::set_thread_lang(lang);
        let user = crate::safe::identity::user_name(peer.uid);
        let conn = Conn {
            id,
            peer,
            actor: Actor::new(user.clone()),
            hello: hello.clone(),
        };
        let (tx, rx) = mpsc::sync_channel::<Vec<u8>>(QUEUE);
        let lagging = Arc::new(AtomicBool::new(false));
        let writer_thread = {
            let lagging = Arc::clone(&lagging);
            let mut w = writer;
            std::thread::spawn(move || {
                for frame in rx {
                    if w.write_all(&frame).is_err() {
                        let _ = w.shutdown(std::net::Shutdown::Both);
                        break;
                    }
                    if lagging.swap(false, Ordering::SeqCst)
                        && proto::write_frame(&mut w, &ToClient::Resync, &[]).is_err()
                    {
                        let _ = w.shutdown(std::net::Shutdown::Both);
                        break;
                    }
                }
            })
        };
        {
            let seq = relock(&self.commit);
            let mut clients = relock(&self.clients);
            let welcome = ToClient::Welcome {
                protocol: self.opts.protocol,
                version: proto::binary_version(),
                pid: std::process::id(),
                user: user.clone(),
                seq: *seq,
            };
            let _ = tx.try_send(proto::encode_frame(&welcome, &[]));
            clients.insert(
                id,
                Slot {
                    info: ClientInfo {
                        user,
                        pid: peer.pid,
                        since: Utc::now(),
                        doing: hello.doing.clone(),
                        looking: String::new(),
                    },
                    live: hello.live,
                    tx: tx.clone(),
                    lagging,
                    stream: stream.try_clone().ok()?,
                },
            );
            self.tell_clients(&clients);
        }
        let mut said_bye = false;
        loop {
            match proto::read_frame::<ToServer>(&mut reader) {
                Ok((ToServer::Call { id: call, request }, blob)) => {
                    self.answer(&conn, &tx, call, request, blob);
                }
                Ok((ToServer::Looking(what), _)) => {
                    let mut clients = relock(&self.clients);
                    if let Some(s) = clients.get_mut(&id) {
                        s.info.looking = what.chars().take(200).collect();
                    }
                    self.tell_clients(&clients);
                }
                Ok((ToServer::Bye, _)) => {
                    said_bye = true;
                    break;
                }
                Ok((ToServer::Hello(_), _)) => break,
                Err(FrameError::Closed) | Err(_) => break,
            }
        }
        {
            let mut clients = relock(&self.clients);
            clients.remove(&id);
            self.tell_clients(&clients);
        }
        drop(tx);
        let _ = writer_thread.join();
        said_bye.then_some(stream)
    }

    /// Tells every live client who is connected now.
    fn tell_clients(&self, clients: &BTreeMap<u64, Slot>) {
        let list: Vec<ClientInfo> = clients.values().map(|s| s.info.clone()).collect();
        let frame = proto::encode_frame(&ToClient::Clients(list), &[]);
        for s in clients.values().filter(|s| s.live) {
            if let Err(TrySendError::Full(_)) = s.tx.try_send(frame.clone()) {
                s.lagging.store(true, Ordering::SeqCst);
            }
        }
    }

    /// Answers one request; requests that must be ordered with the events are queued while
    /// the commit counter is held.
    fn answer(
        &self,
        conn: &Conn,
        tx: &SyncSender<Vec<u8>>,
        call: u64,
        request: Request,
        blob: Vec<u8>,
    ) {
        let ordered = matches!(
            request,
            Request::LoadYear { .. }
                | Request::LoadPartial { .. }
                | Request::Apply { .. }
                | Request::Import { .. }
                | Request::AccessGrant { .. }
                | Request::AccessRevoke { .. }
                | Request::ApplyPlan { .. }
                | Request::ImportPlans { .. }
                | Request::PutEvidence { .. }
                | Request::Backup { .. }
        );
        if matches!(request, Request::Stop) {
            let r = self.check(conn, &access::Need::Admin).map(|_| Reply::Done);
            let stop = r.is_ok();
            let _ = tx.send(reply_frame(call, r, &[]));
            if stop {
                // let the writer send the answer, then stop
                std::thread::sleep(Duration::from_millis(50));
                self.stop();
            }
            return;
        }
        if ordered {
            let mut seq = relock(&self.commit);
            let before = *seq;
            // plans and the access list are not in the year's data; an import replaces it
            let keeps_year = matches!(
                request,
                Request::ApplyPlan { .. }
                    | Request::ImportPlans { .. }
                    | Request::AccessGrant { .. }
                    | Request::AccessRevoke { .. }
                    | Request::PutEvidence { .. }
            );
            let imports = matches!(request, Request::Import { .. });
            // The kept year goes before an import (which replaces it) and a backup (which
            // loads the year from its records beside it): at ministry scale it is ~60 MB, and
            // with it an import --replace peaked at ~257 MB instead of ~150. After a backup it
            // is loaded again when the store is quiet, unless an import follows (a replace's).
            let replace_backup =
                matches!(&request, Request::Backup { reason } if reason == REPLACE_REASON);
            let backup = matches!(request, Request::Backup { .. })
                && self.check(conn, &access::Need::Admin).is_ok();
            if imports || backup {
                *relock(&self.cache) = None;
                if !imports {
                    self.cache_wanted.store(!replace_backup, Ordering::SeqCst);
                }
            }
            let (r, out) = self.handle_ordered(conn, &mut seq, request, blob);
            // a change, or a replace's backup: the kept year is loaded again once the store
            // has been quiet since (so not between a replace's backup and its import)
            if *seq != before || replace_backup {
                *relock(&self.last_change) = Instant::now();
            }
            {
                let mut cache = relock(&self.cache);
                if imports {
                    *cache = None;
                } else if keeps_year && let Some(c) = cache.as_mut().filter(|c| c.seq == before) {
                    c.seq = *seq;
                }
            }
            let frame = reply_frame(call, r, &out);
            if tx.try_send(frame).is_err() {
                // its queue is full: it does not read; drop it
                let _ = relock(&self.clients)
                    .get(&conn.id)
                    .map(|s| s.stream.shutdown(std::net::Shutdown::Both));
            }
        } else {
            let (r, out) = self.handle(conn, request);
            let _ = tx.send(reply_frame(call, r, &out));
        }
    }

    fn check(&self, conn: &Conn, need: &access::Need) -> Result<(), Refusal> {
        // a store anyone may write to is only read (as without a server)
        if *need != access::Need::Viewer {
            crate::cli::refuse_world_writable(&self.path).map_err(Refusal::Store)?;
        }
        let list = self.access_list().map_err(store_refusal)?;
        access::check(&self.store, &list, &conn.actor.user, conn.peer, need)
    }

    fn access_list(&self) -> Result<AccessList, StoreError> {
        Ok(self
            .store
            .meta_value::<AccessList>(access::META_KEY)?
            .unwrap_or_default())
    }

    /// Requests that read.
    fn handle(&self, conn: &Conn, request: Request) -> (Result<Reply, Refusal>, Vec<u8>) {
        if let Err(r) = self.check(conn, &access::Need::Viewer) {
            return (Err(r), Vec::new());
        }
        let s = &self.store;
        let r = match request {
            Request::IsEmpty => s.is_empty().map(Reply::Bool),
            Request::Years => s.years().map(Reply::Years),
            Request::YearSummary { year } => match self.cached(year, |c| c.summary()) {
                Some(summary) => Ok(Reply::Summary(Some(summary))),
                None => s.year_summary(year).map(Reply::Summary),
            },
            Request::AuditLog(f) => s.audit_log(&f).map(Reply::Audit),
            Request::Verify => s.verify().map(Reply::Problems),
            Request::SalvageYears => s.salvage_years().map(Reply::Years),
            Request::SalvageYear { year } => match s.salvage_year(year) {
                Ok(sv) => match crate::store::encode_year(&sv.dataset) {
                    Ok(bytes) => {
                        return (
                            Ok(Reply::Salvage {
                                year,
                                rulebook: sv.dataset.rulebook.clone(),
                                unreadable: sv.unreadable,
                                dropped: sv.dropped,
                                plans: sv.plans,
                            }),
                            bytes,
                        );
                    }
                    Err(e) => Err(e),
                },
                Err(e) => Err(e),
            },
            Request::RefreshSnapshot { year } => s.refresh_snapshot(year).map(Reply::Bool),
            Request::Status => Ok(Reply::Status(self.status())),
            Request::Who => Ok(Reply::Who(
                relock(&self.clients)
                    .values()
                    .map(|s| s.info.clone())
                    .collect(),
            )),
            Request::AccessList => self.access_list().map(|l| Reply::Access(l.grants)),
            Request::LoadPlans { year } => s.load_plans(year).map(Reply::Plans),
            Request::LoadPlansOf { year, units } => s
                .load_plans_of(year, &units.into_iter().collect())
                .map(Reply::Plans),
            Request::GetEvidence { sha256 } => match s.get_evidence(&sha256) {
                Ok(Some(bytes)) => return (Ok(Reply::EvidenceBytes(true)), bytes),
                Ok(None) => Ok(Reply::EvidenceBytes(false)),
                Err(e) => Err(e),
            },
            _ => {
                return (
                    Err(Refusal::Protocol("unexpected request".into())),
                    Vec::new(),
                );
            }
        };
        (r.map_err(store_refusal), Vec::new())
    }

    fn status(&self) -> ServerStatus {
        ServerStatus {
            pid: std::process::id(),
            user: self.user.clone(),
            since: self.since,
            version: proto::binary_version(),
            protocol: self.opts.protocol,
            store: self.path.display().to_string(),
            idle_exit: self.opts.idle_secs,
            commits: *relock(&self.commit),
            clients: relock(&self.clients)
                .values()
                .map(|s| s.info.clone())
                .collect(),
        }
    }

    /// Requests ordered with the events: loads (so that a client applies exactly the events
    /// after what it loaded) and writes.
    fn handle_ordered(
        &self,
        conn: &Conn,
        seq: &mut u64,
        request: Request,
        blob: Vec<u8>,
    ) -> (Result<Reply, Refusal>, Vec<u8>) {
        let s = &self.store;
        // the plans of an import (`kinerja import` stores a document's year, then at once its
        // plans) are the second half of that import, not a write of their own: a backup between
        // the two would copy the year just imported (a whole set, at ministry scale ~1,4 s)
        let imports_plans =
            matches!(&request, Request::ImportPlans { source, .. } if source == "import");
        if !imports_plans
            && !matches!(
                request,
                Request::LoadYear { .. } | Request::LoadPartial { .. } | Request::Backup { .. }
            )
        {
            // a day with changes is backed up before the first write of a later day
            self.daily_backup();
        }
        match request {
            Request::Backup { reason } => {
                if let Err(r) = self.check(conn, &access::Need::Admin) {
                    return (Err(r), Vec::new());
                }
                let r = s
                    .write_backup(&reason)
                    .map(|set| Reply::Backup(set.manifest))
                    .map_err(store_refusal);
                (r, Vec::new())
            }
            Request::LoadYear { year, how } => {
                if let Err(r) = self.check(conn, &access::Need::Viewer) {
                    return (Err(r), Vec::new());
                }
                match self
                    .load_year(year, how)
                    .and_then(|(rb, bytes)| Ok((rb, bytes, self.store.load_rounds(year)?)))
                {
                    Ok((rulebook, bytes, round)) => (
                        Ok(Reply::Year {
                            year,
                            rulebook,
                            round,
                        }),
                        bytes,
                    ),
                    Err(e) => (Err(store_refusal(e)), Vec::new()),
                }
            }
            Request::LoadPartial { year, units } => {
                if let Err(r) = self.check(conn, &access::Need::Viewer) {
                    return (Err(r), Vec::new());
                }
                let units: BTreeSet<String> = units.into_iter().collect();
                let from_memory = {
                    let mut cache = relock(&self.cache);
                    cache
                        .as_mut()
                        .filter(|c| c.year == year && c.seq == *seq)
                        .map(|c| {
                            let summary = c.summary();
                            let p = PartialYear::of_dataset(&c.ds, summary, &units);
                            (p, c.ds.round.clone())
                        })
                };
                if let Some((p, round)) = from_memory {
                    return (Ok(Reply::Partial(p, round)), Vec::new());
                }
                let r = match s.year_summary(year) {
                    Ok(Some(summary)) => s
                        .partial_year(year, summary, &units)
                        .and_then(|p| Ok(Reply::Partial(p, s.load_rounds(year)?))),
                    Ok(None) => match self.load_year(year, LoadHow::Snapshot) {
                        Ok((rulebook, bytes)) => match s.load_rounds(year) {
                            Ok(round) => {
                                return (
                                    Ok(Reply::Year {
                                        year,
                                        rulebook,
                                        round,
                                    }),
                                    bytes,
                                );
                            }
                            Err(e) => Err(e),
                        },
                        Err(e) => Err(e),
                    },
                    Err(e) => Err(e),
                };
                (r.map_err(store_refusal), Vec::new())
            }
            Request::Apply {
                year,
                changes,
                source,
                seen,
            } => {
                let r = self.apply(conn, seq, year, changes, source, seen);
                (r, Vec::new())
            }
            Request::Import {
                year,
                rulebook,
                replace,
                source,
                round,
            } => {
                if let Err(r) = self.check(conn, &access::Need::Admin) {
                    return (Err(r), Vec::new());
                }
                let ds = match crate::store::decode_year_owned(blob, year, rulebook) {
                    Ok(mut ds) => {
                        ds.round = round;
                        ds
                    }
                    Err(e) => return (Err(Refusal::Protocol(e)), Vec::new()),
                };
                let r = s.import_dataset(&ds, replace, &conn.actor, &source);
                drop(ds);
                match r {
                    Ok(()) => {
                        *seq += 1;
                        self.broadcast(
                            conn.id,
                            Event {
                                seq: *seq,
                                year,
                                user: conn.actor.user.clone(),
                                source,
                                changes: Vec::new(),
                                audit: Vec::new(),
                                reload: true,
                            },
                        );
                        (Ok(Reply::Done), Vec::new())
                    }
                    Err(e) => (Err(store_refusal(e)), Vec::new()),
                }
            }
            Request::AccessGrant { who, role, unit } => {
                let by = conn.actor.user.clone();
                let r =
                    self.change_access(conn, |list| list.grant(&who, &role, unit.as_deref(), &by));
                (r, Vec::new())
            }
            Request::AccessRevoke { who, role, unit } => {
                let r = self.change_access(conn, |list| {
                    list.revoke(&who, role.as_deref(), unit.as_deref())
                });
                (r, Vec::new())
            }
            Request::ApplyPlan {
                year,
                changes,
                source,
            } => (
                self.apply_plan(conn, seq, year, changes, source),
                Vec::new(),
            ),
            Request::PutEvidence { year, unit } => {
                let need = access::Need::Unit {
                    role: "operator",
                    year,
                    unit: unit.clone(),
                };
                if let Err(r) = self.check(conn, &need) {
                    return (Err(r), Vec::new());
                }
                let r = s
                    .put_evidence(year, &unit, &blob)
                    .map(Reply::Evidence)
                    .map_err(store_refusal);
                (r, Vec::new())
            }
            Request::ImportPlans {
                year,
                plans,
                replace,
                source,
            } => {
                if let Err(r) = self.check(conn, &access::Need::Admin) {
                    return (Err(r), Vec::new());
                }
                let r = s
                    .import_plans(year, &plans, replace, &conn.actor, &source)
                    .map_err(store_refusal);
                if r.is_ok() {
                    *seq += 1;
                    self.broadcast(
                        conn.id,
                        Event {
                            seq: *seq,
                            year,
                            user: conn.actor.user.clone(),
                            source,
                            changes: Vec::new(),
                            audit: Vec::new(),
                            reload: true,
                        },
                    );
                }
                (r.map(|_| Reply::Done), Vec::new())
            }
            other => self.handle(conn, other),
        }
    }

    /// The year in the snapshot layout: the stored snapshot itself when it is clean, else the
    /// snapshot written afresh first.
    fn load_year(&self, year: i32, how: LoadHow) -> Result<(String, Vec<u8>), StoreError> {
        let s = &self.store;
        if how == LoadHow::Records {
            let ds = s.load_year_from_records(year)?;
            return Ok((ds.rulebook.clone(), crate::store::encode_year(&ds)?));
        }
        if let Some((rulebook, bytes)) = s.clean_snapshot(year)? {
            return Ok((rulebook, bytes.to_vec()));
        }
        let ds = s.load_year_fresh(year)?;
        if let Some((rulebook, bytes)) = s.clean_snapshot(year)? {
            drop(ds);
            return Ok((rulebook, bytes.to_vec()));
        }
        // the snapshot could not be written: send the year as loaded
        Ok((ds.rulebook.clone(), crate::store::encode_year(&ds)?))
    }

    fn apply(
        &self,
        conn: &Conn,
        seq: &mut u64,
        year: i32,
        changes: Vec<Change>,
        source: String,
        seen: Vec<crate::store::Seen>,
    ) -> Result<Reply, Refusal> {
        for c in &changes {
            self.check(conn, &access::need_for(year, c))?;
        }
        for cell in &seen {
            self.store.check_seen(year, cell).map_err(store_refusal)?;
        }
        let audit = self
            .store
            .apply(year, &changes, &conn.actor, &source)
            .map_err(store_refusal)?;
        if audit.is_empty() {
            return Ok(Reply::Applied { seq: *seq, audit });
        }
        *seq += 1;
        {
            let mut cache = relock(&self.cache);
            let follows = match cache.as_mut() {
                Some(c) if c.seq == *seq - 1 && c.year == year => {
                    c.summary = None;
                    c.seq = *seq;
                    c.ds.apply(&changes).is_ok()
                }
                // another year's change leaves the kept year as it is
                Some(c) if c.seq == *seq - 1 => {
                    c.seq = *seq;
                    true
                }
                _ => false,
            };
            if !follows {
                *cache = None;
            }
        }
        self.broadcast(
            conn.id,
            Event {
                seq: *seq,
                year,
                user: conn.actor.user.clone(),
                source,
                changes,
                audit: audit.clone(),
                reload: false,
            },
        );
        Ok(Reply::Applied { seq: *seq, audit })
    }

    /// Plan changes: each checked against its role for its unit; the other clients reload.
    fn apply_plan(
        &self,
        conn: &Conn,
        seq: &mut u64,
        year: i32,
        changes: Vec<crate::domain::plan::PlanChange>,
        source: String,
    ) -> Result<Reply, Refusal> {
        for c in &changes {
            self.check(conn, &access::need_for_plan(year, c))?;
        }
        let audit = self
            .store
            .apply_plan(year, &changes, &conn.actor, &source)
            .map_err(store_refusal)?;
        if audit.is_empty() {
            return Ok(Reply::Applied { seq: *seq, audit });
        }
        *seq += 1;
        self.broadcast(
            conn.id,
            Event {
                seq: *seq,
                year,
                user: conn.actor.user.clone(),
                source,
                changes: Vec::new(),
                audit: audit.clone(),
                reload: true,
            },
        );
        Ok(Reply::Applied { seq: *seq, audit })
    }

    fn change_access(
        &self,
        conn: &Conn,
        change: impl FnOnce(&mut AccessList) -> Result<String, String>,
    ) -> Result<Reply, Refusal> {
        self.check(conn, &access::Need::Admin)?;
        let mut list = self.access_list().map_err(store_refusal)?;
        let what = change(&mut list).map_err(Refusal::Store)?;
        let entry = AuditEntry {
            seq: 0,
            at: Utc::now(),
            user: conn.actor.user.clone(),
            year: 0,
            unit: String::new(),
            what,
            old: None,
            new: None,
            source: "access".into(),
        };
        self.store
            .set_meta_value(access::META_KEY, &list, entry)
            .map_err(store_refusal)?;
        Ok(Reply::Access(list.grants))
    }

    /// Puts an event in the queue of every other live client, without waiting.
    fn broadcast(&self, author: u64, event: Event) {
        let frame = proto::encode_frame(&ToClient::Event(event), &[]);
        let clients = relock(&self.clients);
        for (id, s) in clients.iter() {
            if *id == author || !s.live {
                continue;
            }
            if let Err(TrySendError::Full(_)) = s.tx.try_send(frame.clone()) {
                s.lagging.store(true, Ordering::SeqCst);
            }
        }
    }
}

/// What the server knows of one connection.
struct Conn {
    id: u64,
    peer: Peer,
    actor: Actor,
    #[allow(dead_code)]
    hello: Hello,
}

fn store_refusal(e: StoreError) -> Refusal {
    match e {
        StoreError::Stale {
            message,
            iku,
            month,
            value,
        } => Refusal::Conflict {
            message,
            iku,
            month,
            value,
        },
        e => Refusal::Store(e.to_string()),
    }
}

fn reply_frame(id: u64, result: Result<Reply, Refusal>, blob: &[u8]) -> Vec<u8> {
    proto::encode_frame(&ToClient::Reply { id, result }, blob)
}

/// The store directory of a server, for messages.
pub fn shown(path: &Path) -> String {
    path.display().to_string()
}
