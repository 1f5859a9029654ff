//! The client side: connect to the store's server, starting one when none runs, and the
//! store API over the connection ([`Client`] implements [`StoreApi`]).
//!
//! Starting is race-free as in tmux: a client that cannot connect takes the store's start lock,
//! tries to connect once more (another client may have started a server meanwhile), and only
//! then starts `kinerja serve --auto`, detached in a session of its own, and waits for it to
//! say it is ready. Ten clients started at the same instant end with one server.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::os::unix::net::UnixStream;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use super::proto::{
    self, ClientInfo, Event, Grant, Hello, LoadHow, Refusal, Reply, Request, ServerStatus,
    ToClient, ToServer,
};
use super::{FileLock, START_LOCK_FILE, socket_path};
use crate::domain::Dataset;
use crate::store::{
    Actor, AuditEntry, AuditFilter, Change, Problem, Salvage, Seen, StoreApi, StoreError,
    YearSummary,
};
use crate::text::{Lang, server as t};

/// How a client connects.
#[derive(Debug, Clone)]
pub struct ConnectOptions {
    /// What the client does (`tui`, `report`, …), shown by `kinerja who`.
    pub doing: String,
    /// Receive the other clients' changes as they are committed (a TUI).
    pub live: bool,
    /// Start a server when none runs.
    pub start: bool,
    /// Make a new or empty directory a store (`import`, the TUI's default store) before a
    /// server is started for it; otherwise a path that holds no store is refused.
    pub create: bool,
    /// The `kinerja` binary a server is started from (default: this program).
    pub exe: Option<PathBuf>,
    /// The idle time of a server this client starts (`serve --idle`); `None`: the server's own
    /// default (`KINERJA_SERVE_IDLE`, else 60 s).
    pub idle: Option<u64>,
    pub lang: Lang,
}

impl ConnectOptions {
    pub fn new(doing: &str) -> ConnectOptions {
        ConnectOptions {
            doing: doing.to_string(),
            live: false,
            start: true,
            create: false,
            exe: None,
            idle: None,
            lang: crate::text::lang(),
        }
    }
}

/// What a live client receives besides its answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Incoming {
    Event(Event),
    Clients(Vec<ClientInfo>),
    /// Events were dropped: reload.
    Resync,
    /// The server went away (the next call connects again, starting a server).
    Lost,
}

type Answer = Result<(ToClient, Vec<u8>), ()>;

struct Session {
    writer: UnixStream,
    answers: Receiver<Answer>,
    next: u64,
    broken: bool,
    /// Set by the reader thread when the server went away: the next call connects again
    /// (starting a new server) instead of sending into a dead connection.
    gone: Arc<AtomicBool>,
    server_pid: u32,
    user: String,
}

/// A connection to the store's server.
pub struct Client {
    path: PathBuf,
    opts: ConnectOptions,
    session: Mutex<Session>,
    events_tx: Sender<Incoming>,
    events: Mutex<Option<Receiver<Incoming>>>,
}

fn lost() -> StoreError {
    StoreError::Remote(t::LOST.s().to_string())
}

/// A handshake that did not give a session.
enum Refused {
    /// The server went away during the handshake (it was stopping): try again.
    Gone,
    Fatal(StoreError),
}

impl Client {
    /// Connects to the server of the store at `path`, starting one when none runs.
    pub fn connect(path: &Path, opts: ConnectOptions) -> Result<Client, StoreError> {
        let (events_tx, events_rx) = mpsc::channel();
        let session = establish(path, &opts, &events_tx)?;
        Ok(Client {
            path: path.to_path_buf(),
            opts,
            session: Mutex::new(session),
            events_tx,
            events: Mutex::new(Some(events_rx)),
        })
    }

    /// The events of a live client (taken once).
    pub fn take_events(&self) -> Option<Receiver<Incoming>> {
        self.events.lock().unwrap_or_else(|p| p.into_inner()).take()
    }

    /// The OS user the server knows this client as.
    pub fn user(&self) -> String {
        self.lock().user.clone()
    }

    /// The pid of the server this client is connected to.
    pub fn server_pid(&self) -> u32 {
        self.lock().server_pid
    }

    fn lock(&self) -> MutexGuard<'_, Session> {
        self.session.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Connects again after the server went away (starting a new one).
    pub fn reconnect(&self) -> Result<(), StoreError> {
        let mut s = self.lock();
        let _ = s.writer.shutdown(std::net::Shutdown::Both);
        *s = establish(&self.path, &self.opts, &self.events_tx)?;
        Ok(())
    }

    /// Tells the server what this client looks at now (for `kinerja who`).
    pub fn looking(&self, what: &str) {
        let mut s = self.lock();
        if !s.broken {
            let _ = proto::write_frame(&mut s.writer, &ToServer::Looking(what.to_string()), &[]);
        }
    }

    /// One request and its answer.
    pub fn call(&self, request: Request, blob: &[u8]) -> Result<(Reply, Vec<u8>), StoreError> {
        let mut s = self.lock();
        if s.broken || s.gone.load(Ordering::SeqCst) {
            *s = establish(&self.path, &self.opts, &self.events_tx)?;
        }
        s.next += 1;
        let id = s.next;
        if proto::write_frame(&mut s.writer, &ToServer::Call { id, request }, blob).is_err() {
            s.broken = true;
            return Err(lost());
        }
        loop {
            match s.answers.recv() {
                Ok(Ok((ToClient::Reply { id: rid, result }, blob))) if rid == id => {
                    return result.map(|r| (r, blob)).map_err(refusal_error);
                }
                Ok(Ok(_)) => continue,
                _ => {
                    s.broken = true;
                    return Err(lost());
                }
            }
        }
    }

    pub fn status(&self) -> Result<ServerStatus, StoreError> {
        match self.call(Request::Status, &[])?.0 {
            Reply::Status(s) => Ok(s),
            _ => Err(unexpected()),
        }
    }

    pub fn who(&self) -> Result<Vec<ClientInfo>, StoreError> {
        match self.call(Request::Who, &[])?.0 {
            Reply::Who(w) => Ok(w),
            _ => Err(unexpected()),
        }
    }

    /// Stops the server (after its commit in progress).
    pub fn stop(self) -> Result<u32, StoreError> {
        let pid = self.server_pid();
        self.call(Request::Stop, &[])?;
        // it exits without a goodbye: wait until it is gone
        let mut s = self.lock();
        s.broken = true;
        drop(s);
        wait_gone(pid);
        std::mem::forget(self);
        Ok(pid)
    }

    pub fn access(&self, request: Request) -> Result<Vec<Grant>, StoreError> {
        match self.call(request, &[])?.0 {
            Reply::Access(g) => Ok(g),
            _ => Err(unexpected()),
        }
    }

    fn year(&self, year: i32, how: LoadHow) -> Result<Dataset, StoreError> {
        let (reply, blob) = self.call(Request::LoadYear { year, how }, &[])?;
        year_of(reply, blob)
    }
}

/// Waits (a bounded moment) until a process is gone.
fn wait_gone(pid: u32) {
    let until = Instant::now() + Duration::from_secs(5);
    while crate::store::lock::pid_alive(pid) && Instant::now() < until {
        std::thread::sleep(Duration::from_millis(5));
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let mut s = self.lock();
        if s.broken {
            return;
        }
        if proto::write_frame(&mut s.writer, &ToServer::Bye, &[]).is_err() {
            return;
        }
        let until = Instant::now() + Duration::from_secs(5);
        while let Some(left) = until.checked_duration_since(Instant::now()) {
            match s.answers.recv_timeout(left) {
                Ok(Ok((ToClient::Bye { stopped }, _))) => {
                    if stopped {
                        // the store is free once the server's process has exited
                        wait_gone(s.server_pid);
                    }
                    return;
                }
                Ok(Ok(_)) => continue,
                _ => return,
            }
        }
    }
}

fn unexpected() -> StoreError {
    StoreError::Remote("unexpected answer from the kinerja server".into())
}

fn refusal_error(r: Refusal) -> StoreError {
    match r {
        Refusal::Conflict {
            message,
            iku,
            month,
            value,
        } => StoreError::Stale {
            message,
            iku,
            month,
            value,
        },
        other => StoreError::Remote(other.message().to_string()),
    }
}

fn year_of(reply: Reply, blob: Vec<u8>) -> Result<Dataset, StoreError> {
    match reply {
        Reply::Year {
            year,
            rulebook,
            round,
        } => {
            let mut ds = crate::store::decode_year(&blob, year, rulebook).map_err(|reason| {
                StoreError::Corrupt {
                    key: format!("server/{year}"),
                    reason,
                }
            })?;
            ds.round = round;
            Ok(ds)
        }
        Reply::Partial(p, round) => {
            let mut ds = p.into_dataset();
            ds.round = round;
            Ok(ds)
        }
        _ => Err(unexpected()),
    }
}

/// Connects, starting a server when none answers, and says hello.
fn establish(
    path: &Path,
    opts: &ConnectOptions,
    events: &Sender<Incoming>,
) -> Result<Session, StoreError> {
    let sock = socket_path(path);
    // a server stopping (with its last client) still holds the store for a moment after its
    // socket is gone: a server started meanwhile cannot open it; try again a few times
    let until = Instant::now() + Duration::from_secs(10);
    loop {
        if Instant::now() > until {
            break;
        }
        match UnixStream::connect(&sock) {
            Ok(stream) => match handshake(path, stream, opts, events) {
                Ok(s) => return Ok(s),
                Err(Refused::Gone) => std::thread::sleep(Duration::from_millis(20)),
                Err(Refused::Fatal(e)) => return Err(e),
            },
            // no server (no socket, a stale one, or no store directory at all: starting one
            // says why it cannot)
            Err(_) if opts.start => {
                if let Err(e) = start_server(path, opts) {
                    if super::server_running(path) || server_exiting(path) {
                        std::thread::sleep(Duration::from_millis(25));
                        continue;
                    }
                    return Err(e);
                }
            }
            Err(_) => {
                return Err(StoreError::Remote(
                    t::NOT_RUNNING.fill(&[("store", &path.display())]),
                ));
            }
        }
    }
    Err(StoreError::Remote(t::START_FAILED.fill(&[
        ("store", &path.display()),
        ("reason", &"no answer"),
    ])))
}

fn handshake(
    path: &Path,
    stream: UnixStream,
    opts: &ConnectOptions,
    events: &Sender<Incoming>,
) -> Result<Session, Refused> {
    let mut writer = stream
        .try_clone()
        .map_err(|e| Refused::Fatal(StoreError::Io(e)))?;
    let hello = Hello {
        protocol: proto::PROTOCOL,
        version: proto::binary_version(),
        lang: opts.lang.as_str().to_string(),
        pid: std::process::id(),
        live: opts.live,
        doing: opts.doing.clone(),
    };
    if proto::write_frame(&mut writer, &ToServer::Hello(hello), &[]).is_err() {
        return Err(Refused::Gone);
    }
    let mut reader = stream;
    let _ = reader.set_read_timeout(Some(Duration::from_secs(10)));
    let (server_pid, user) = match proto::read_frame::<ToClient>(&mut reader) {
        Ok((ToClient::Welcome { pid, user, .. }, _)) => (pid, user),
        Ok((
            ToClient::Incompatible {
                protocol,
                version,
                pid,
            },
            _,
        )) => {
            return Err(Refused::Fatal(StoreError::Remote(t::INCOMPATIBLE.fill_in(
                opts.lang,
                &[
                    ("store", &path.display()),
                    ("pid", &pid),
                    ("server", &version),
                    ("sproto", &protocol),
                    ("client", &proto::binary_version()),
                    ("cproto", &proto::PROTOCOL),
                ],
            ))));
        }
        _ => return Err(Refused::Gone),
    };
    let _ = reader.set_read_timeout(None);
    let (tx, answers) = mpsc::channel::<Answer>();
    let events = events.clone();
    let live = opts.live;
    let gone = Arc::new(AtomicBool::new(false));
    let gone_seen = Arc::clone(&gone);
    std::thread::Builder::new()
        .name("kinerja-client".into())
        .spawn(move || {
            loop {
                match proto::read_frame::<ToClient>(&mut reader) {
                    Ok((m @ (ToClient::Reply { .. } | ToClient::Bye { .. }), blob)) => {
                        if tx.send(Ok((m, blob))).is_err() {
                            break;
                        }
                    }
                    Ok((ToClient::Event(e), _)) if live => {
                        let _ = events.send(Incoming::Event(e));
                    }
                    Ok((ToClient::Clients(c), _)) if live => {
                        let _ = events.send(Incoming::Clients(c));
                    }
                    Ok((ToClient::Resync, _)) if live => {
                        let _ = events.send(Incoming::Resync);
                    }
                    Ok(_) => {}
                    Err(_) => {
                        gone_seen.store(true, Ordering::SeqCst);
                        let _ = tx.send(Err(()));
                        if live {
                            let _ = events.send(Incoming::Lost);
                        }
                        break;
                    }
                }
            }
        })
        .map_err(|e| Refused::Fatal(StoreError::Io(e)))?;
    Ok(Session {
        writer,
        answers,
        next: 0,
        broken: false,
        gone,
        server_pid,
        user,
    })
}

/// Whether the process recorded in the server's pid file still runs (it may be exiting, its
/// pid lock already released with its files, its store lock not yet).
fn server_exiting(path: &Path) -> bool {
    super::recorded_pid(path).is_some_and(crate::store::lock::pid_alive)
}

/// Starts a server under the store's start lock, unless one answers once the lock is held.
fn start_server(path: &Path, opts: &ConnectOptions) -> Result<(), StoreError> {
    use crate::store::dir::{Create, prepare};
    // the same refusals as a store opened here (no store, not a store, foreign entries), before
    // anything is written into the directory
    let policy = prepare(
        path,
        if opts.create {
            Create::IfNew
        } else {
            Create::Never
        },
    )?;
    let lock_path = path.join(START_LOCK_FILE);
    let _lock = FileLock::take(&lock_path, true, policy.file_mode).map_err(|e| {
        StoreError::Io(std::io::Error::new(
            e.kind(),
            format!("{}: {e}", lock_path.display()),
        ))
    })?;
    // another client may have started one while we waited for the lock
    if UnixStream::connect(socket_path(path)).is_ok() {
        return Ok(());
    }
    let exe = match &opts.exe {
        Some(e) => e.clone(),
        None => std::env::current_exe().map_err(StoreError::Io)?,
    };
    let mut cmd = Command::new(exe);
    cmd.arg("--store")
        .arg(path)
        .arg("--lang")
        .arg(opts.lang.as_str())
        .arg("serve")
        .arg("--auto");
    if let Some(idle) = opts.idle {
        cmd.arg("--idle").arg(idle.to_string());
    }
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        // read only when it does not start; once started it points both at /dev/null
        .stderr(Stdio::piped());
    // SAFETY: setsid is async-signal-safe; the server gets a session of its own, so that the
    // terminal's hangup or Ctrl-C of the client does not reach it.
    unsafe {
        cmd.pre_exec(|| {
            libc::setsid();
            Ok(())
        });
    }
    let fail = |reason: &dyn std::fmt::Display| {
        StoreError::Remote(t::START_FAILED.fill(&[("store", &path.display()), ("reason", reason)]))
    };
    let mut child = cmd.spawn().map_err(|e| fail(&e))?;
    let mut line = String::new();
    if let Some(out) = child.stdout.take() {
        let _ = BufReader::new(out).read_line(&mut line);
    }
    let mut err = String::new();
    if line.trim() != "ready"
        && let Some(e) = child.stderr.take()
    {
        use std::io::Read;
        let _ = e.take(64 * 1024).read_to_string(&mut err);
    }
    drop(child.stderr.take());
    // reap it when it ends (it outlives short clients, which leave it to init)
    std::thread::spawn(move || {
        let _ = child.wait();
    });
    let line = line.trim();
    let err = err.trim();
    if line == "ready" {
        Ok(())
    } else if !line.is_empty() {
        Err(StoreError::Remote(line.to_string()))
    } else if !err.is_empty() {
        Err(StoreError::Remote(err.to_string()))
    } else {
        Err(fail(&"-"))
    }
}

impl StoreApi for Client {
    fn path(&self) -> &Path {
        &self.path
    }
    fn is_empty(&self) -> Result<bool, StoreError> {
        match self.call(Request::IsEmpty, &[])?.0 {
            Reply::Bool(b) => Ok(b),
            _ => Err(unexpected()),
        }
    }
    fn years(&self) -> Result<Vec<i32>, StoreError> {
        match self.call(Request::Years, &[])?.0 {
            Reply::Years(y) => Ok(y),
            _ => Err(unexpected()),
        }
    }
    fn load_year(&self, year: i32) -> Result<Dataset, StoreError> {
        self.year(year, LoadHow::Snapshot)
    }
    fn load_year_fresh(&self, year: i32) -> Result<Dataset, StoreError> {
        self.year(year, LoadHow::Fresh)
    }
    fn load_year_from_records(&self, year: i32) -> Result<Dataset, StoreError> {
        self.year(year, LoadHow::Records)
    }
    fn year_summary(&self, year: i32) -> Result<Option<YearSummary>, StoreError> {
        match self.call(Request::YearSummary { year }, &[])?.0 {
            Reply::Summary(s) => Ok(s),
            _ => Err(unexpected()),
        }
    }
    fn load_partial(
        &self,
        year: i32,
        _summary: YearSummary,
        units: &BTreeSet<String>,
    ) -> Result<Dataset, StoreError> {
        let units = units.iter().cloned().collect();
        let (reply, blob) = self.call(Request::LoadPartial { year, units }, &[])?;
        year_of(reply, blob)
    }
    fn apply(
        &self,
        year: i32,
        changes: &[Change],
        who: &Actor,
        source: &str,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        self.apply_seen(year, changes, &[], who, source)
    }
    fn apply_seen(
        &self,
        year: i32,
        changes: &[Change],
        seen: &[Seen],
        _who: &Actor,
        source: &str,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let request = Request::Apply {
            year,
            changes: changes.to_vec(),
            source: source.to_string(),
            seen: seen.to_vec(),
        };
        match self.call(request, &[])?.0 {
            Reply::Applied { audit, .. } => Ok(audit),
            _ => Err(unexpected()),
        }
    }
    fn import_dataset(
        &self,
        ds: &Dataset,
        replace: bool,
        _who: &Actor,
        source: &str,
    ) -> Result<(), StoreError> {
        let blob = crate::store::encode_year(ds)?;
        let request = Request::Import {
            year: ds.year,
            rulebook: ds.rulebook.clone(),
            replace,
            source: source.to_string(),
            round: ds.round.clone(),
        };
        self.call(request, &blob).map(|_| ())
    }
    fn audit_log(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>, StoreError> {
        match self.call(Request::AuditLog(filter.clone()), &[])?.0 {
            Reply::Audit(a) => Ok(a),
            _ => Err(unexpected()),
        }
    }
    fn verify(&self) -> Result<Vec<Problem>, StoreError> {
        match self.call(Request::Verify, &[])?.0 {
            Reply::Problems(p) => Ok(p),
            _ => Err(unexpected()),
        }
    }
    fn salvage_years(&self) -> Result<Vec<i32>, StoreError> {
        match self.call(Request::SalvageYears, &[])?.0 {
            Reply::Years(y) => Ok(y),
            _ => Err(unexpected()),
        }
    }
    fn salvage_year(&self, year: i32) -> Result<Salvage, StoreError> {
        match self.call(Request::SalvageYear { year }, &[])? {
            (
                Reply::Salvage {
                    year,
                    rulebook,
                    unreadable,
                    dropped,
                    plans,
                },
                blob,
            ) => Ok(Salvage {
                dataset: crate::store::decode_year(&blob, year, rulebook).map_err(|reason| {
                    StoreError::Corrupt {
                        key: format!("server/{year}"),
                        reason,
                    }
                })?,
                unreadable,
                dropped,
                plans,
            }),
            _ => Err(unexpected()),
        }
    }
    fn refresh_snapshot(&self, year: i32) -> Result<bool, StoreError> {
        match self.call(Request::RefreshSnapshot { year }, &[])?.0 {
            Reply::Bool(b) => Ok(b),
            _ => Err(unexpected()),
        }
    }
    fn looking(&self, what: &str) {
        Client::looking(self, what)
    }
    fn flush(&self) -> Result<(), StoreError> {
        // the server flushes every change before it answers
        Ok(())
    }
    fn load_plans(&self, year: i32) -> Result<crate::domain::plan::Plans, StoreError> {
        match self.call(Request::LoadPlans { year }, &[])?.0 {
            Reply::Plans(p) => Ok(p),
            _ => Err(unexpected()),
        }
    }
    fn load_plans_of(
        &self,
        year: i32,
        units: &BTreeSet<String>,
    ) -> Result<crate::domain::plan::Plans, StoreError> {
        let units = units.iter().cloned().collect();
        match self.call(Request::LoadPlansOf { year, units }, &[])?.0 {
            Reply::Plans(p) => Ok(p),
            _ => Err(unexpected()),
        }
    }
    fn apply_plan(
        &self,
        year: i32,
        changes: &[crate::domain::plan::PlanChange],
        _who: &Actor,
        source: &str,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let request = Request::ApplyPlan {
            year,
            changes: changes.to_vec(),
            source: source.to_string(),
        };
        match self.call(request, &[])?.0 {
            Reply::Applied { audit, .. } => Ok(audit),
            _ => Err(unexpected()),
        }
    }
    fn import_plans(
        &self,
        year: i32,
        plans: &crate::domain::plan::Plans,
        replace: bool,
        _who: &Actor,
        source: &str,
    ) -> Result<(), StoreError> {
        let request = Request::ImportPlans {
            year,
            plans: plans.clone(),
            replace,
            source: source.to_string(),
        };
        self.call(request, &[]).map(|_| ())
    }
    fn put_evidence(
        &self,
        year: i32,
        unit: &str,
        bytes: &[u8],
    ) -> Result<crate::store::PutEvidence, StoreError> {
        let request = Request::PutEvidence {
            year,
            unit: unit.to_string(),
        };
        match self.call(request, bytes)?.0 {
            Reply::Evidence(p) => Ok(p),
            _ => Err(unexpected()),
        }
    }
    fn get_evidence(&self, sha256: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let request = Request::GetEvidence {
            sha256: sha256.to_string(),
        };
        match self.call(request, &[])? {
            (Reply::EvidenceBytes(true), blob) => Ok(Some(blob)),
            (Reply::EvidenceBytes(false), _) => Ok(None),
            _ => Err(unexpected()),
        }
    }
    fn backup(&self, reason: &str) -> Result<crate::store::BackupSet, StoreError> {
        let request = Request::Backup {
            reason: reason.to_string(),
        };
        match self.call(request, &[])?.0 {
            Reply::Backup(manifest) => Ok(crate::store::BackupSet {
                dir: crate::store::dir::backup_dir(&self.path),
                manifest,
            }),
            _ => Err(unexpected()),
        }
    }
}
