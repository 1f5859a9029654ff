//! The wire between `kinerja serve` and its clients.
//!
//! A message is one frame: its length (u32, big-endian, at most [`MAX_FRAME`]), then the length
//! of its header (u32, big-endian), the header — a [`ToServer`] or [`ToClient`] encoded with
//! bincode 2 (serde, standard configuration), every byte consumed — and a blob of raw bytes
//! (a year in the snapshot layout, see `store::encode_year`) that is not worth passing through
//! serde byte by byte.
//!
//! The first message of a connection is the client's [`Hello`] with [`PROTOCOL`] and the
//! binary's version; the server answers [`ToClient::Welcome`] or [`ToClient::Incompatible`].
//! Nothing a client sends names its user: the server takes it from the socket (SO_PEERCRED).

use std::io::{self, Read, Write};

use bincode::config;
use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::store::{AuditEntry, AuditFilter, Change, PartialYear, Problem, YearSummary};

/// Version of this protocol: bumped whenever a message changes shape (3: the month-end round —
/// a year travels with its round records, the round's changes, evidence; 4: an import carries
/// the round records of the document; 5: a backup set is written on request — `Backup` — and an
/// IKU carries `mandatory`).
pub const PROTOCOL: u32 = 5;

/// The version of this binary, compared in the handshake with the server's.
pub fn binary_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Largest frame either side reads (a ministry-scale year is ~40 MB in the snapshot layout).
pub const MAX_FRAME: usize = 512 * 1024 * 1024;
/// Largest header; everything large travels in the blob.
pub const MAX_HEADER: usize = 64 * 1024 * 1024;

/// The first message of every connection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hello {
    pub protocol: u32,
    pub version: String,
    /// `id` or `en`: the language the server answers this client in.
    pub lang: String,
    pub pid: u32,
    /// Whether the client wants every other client's changes as they are committed (a TUI).
    pub live: bool,
    /// What the client shows or does (`tui`, `report`, …), for `kinerja who`.
    pub doing: String,
}

/// What a client sends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ToServer {
    Hello(Hello),
    Call {
        id: u64,
        request: Request,
    },
    /// What the client is looking at now (a TUI's selection), for `kinerja who`.
    Looking(String),
    /// The client is done; the answer is [`ToClient::Bye`].
    Bye,
}

/// How a year is loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LoadHow {
    /// From the snapshot where it can be used.
    Snapshot,
    /// Writing the snapshot afresh when a unit changed since it was written.
    Fresh,
    /// From the records alone (a backup).
    Records,
}

/// A request of the store API (see `store::StoreApi`), or of the server itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Request {
    IsEmpty,
    Years,
    LoadYear {
        year: i32,
        how: LoadHow,
    },
    YearSummary {
        year: i32,
    },
    LoadPartial {
        year: i32,
        units: Vec<String>,
    },
    Apply {
        year: i32,
        changes: Vec<Change>,
        source: String,
        seen: Vec<crate::store::Seen>,
    },
    /// The dataset travels in the blob (snapshot layout), its round records beside it (they are
    /// not in the snapshot).
    Import {
        year: i32,
        rulebook: String,
        replace: bool,
        source: String,
        round: crate::domain::round::Rounds,
    },
    AuditLog(AuditFilter),
    Verify,
    SalvageYears,
    SalvageYear {
        year: i32,
    },
    RefreshSnapshot {
        year: i32,
    },
    Status,
    Who,
    Stop,
    AccessList,
    AccessGrant {
        who: String,
        role: String,
        unit: Option<String>,
    },
    AccessRevoke {
        who: String,
        role: Option<String>,
        unit: Option<String>,
    },
    /// The rest of the PK of a year (Peta Strategi, Inisiatif Strategis, Rincian Anggaran).
    LoadPlans {
        year: i32,
    },
    /// The plans of some units only (the first frame of a partial start).
    LoadPlansOf {
        year: i32,
        units: Vec<String>,
    },
    /// Plan changes: each needs its role for its unit (operator for progress and realisasi,
    /// planner for the plan).
    ApplyPlan {
        year: i32,
        changes: Vec<crate::domain::plan::PlanChange>,
        source: String,
    },
    /// Keeps the bytes of an evidence file (in the blob); needs operator of `unit`.
    PutEvidence {
        year: i32,
        unit: String,
    },
    /// The bytes of an evidence file (answered in the blob).
    GetEvidence {
        sha256: String,
    },
    /// Writes a backup set of the store now (admin; `import --replace` asks for one first).
    Backup {
        reason: String,
    },
    /// The plans of an import (admin).
    ImportPlans {
        year: i32,
        plans: crate::domain::plan::Plans,
        replace: bool,
        source: String,
    },
}

/// One connected client, as `kinerja who` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientInfo {
    pub user: String,
    pub pid: u32,
    pub since: DateTime<Utc>,
    pub doing: String,
    pub looking: String,
}

/// What `kinerja serve --status` shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerStatus {
    pub pid: u32,
    pub user: String,
    pub since: DateTime<Utc>,
    pub version: String,
    pub protocol: u32,
    pub store: String,
    /// Seconds of idleness after which the server stops (0: with its last client).
    pub idle_exit: u64,
    pub commits: u64,
    pub clients: Vec<ClientInfo>,
}

/// One grant of the access list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grant {
    /// A user name, or `@group`.
    pub who: String,
    pub role: String,
    /// The unit (and its descendants) the grant covers; `None` for every unit.
    pub unit: Option<String>,
}

/// A successful answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reply {
    Done,
    Bool(bool),
    Years(Vec<i32>),
    /// A year in the blob (snapshot layout), with its round records (not in the snapshot).
    Year {
        year: i32,
        rulebook: String,
        round: crate::domain::round::Rounds,
    },
    Summary(Option<YearSummary>),
    Partial(PartialYear, crate::domain::round::Rounds),
    Applied {
        seq: u64,
        audit: Vec<AuditEntry>,
    },
    Audit(Vec<AuditEntry>),
    Problems(Vec<Problem>),
    /// A salvaged year in the blob (snapshot layout) with what was lost.
    Salvage {
        year: i32,
        rulebook: String,
        unreadable: Vec<Problem>,
        dropped: Vec<Problem>,
        plans: crate::domain::plan::Plans,
    },
    Status(ServerStatus),
    Who(Vec<ClientInfo>),
    Access(Vec<Grant>),
    Plans(crate::domain::plan::Plans),
    Evidence(crate::store::PutEvidence),
    /// The manifest of the backup set written.
    Backup(crate::store::backup::Manifest),
    /// The bytes are in the blob; `false`: the store does not hold them.
    EvidenceBytes(bool),
}

/// Why a request was refused (the message is in the client's language).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Refusal {
    /// The store refused (not found, invalid, …).
    Store(String),
    /// The access list does not give the client the role.
    Denied(String),
    /// A cell changed since its author saw it; `value` is the value now.
    Conflict {
        message: String,
        iku: crate::domain::CodeRef,
        month: u8,
        #[serde(with = "rust_decimal::serde::str_option")]
        value: Option<rust_decimal::Decimal>,
    },
    /// The request cannot be read or answered.
    Protocol(String),
}

impl Refusal {
    pub fn message(&self) -> &str {
        match self {
            Refusal::Store(m) | Refusal::Denied(m) | Refusal::Protocol(m) => m,
            Refusal::Conflict { message, .. } => message,
        }
    }
}

/// A change committed by a client, sent to every other live client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// The server's commit counter: a client that sees a gap missed one and reloads.
    pub seq: u64,
    pub year: i32,
    pub user: String,
    pub source: String,
    pub changes: Vec<Change>,
    pub audit: Vec<AuditEntry>,
    /// The change is larger than a cell (an import): reload the year.
    pub reload: bool,
}

/// What the server sends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ToClient {
    Welcome {
        protocol: u32,
        version: String,
        pid: u32,
        /// The OS user the server knows this client as.
        user: String,
        /// The commit counter now.
        seq: u64,
    },
    Incompatible {
        protocol: u32,
        version: String,
        pid: u32,
    },
    Reply {
        id: u64,
        result: Result<Reply, Refusal>,
    },
    Event(Event),
    /// Who is connected changed (for the TUI's header).
    Clients(Vec<ClientInfo>),
    /// Events were dropped because this client did not read them in time: reload.
    Resync,
    /// Answer to [`ToServer::Bye`]; `stopped` when the server has closed the store (it stops
    /// with its last client), so that the store is free once its process has exited.
    Bye {
        stopped: bool,
    },
}

/// A malformed, oversized or truncated frame.
#[derive(Debug)]
pub enum FrameError {
    /// The other side closed the connection between frames.
    Closed,
    Io(io::Error),
    TooLarge(usize),
    Malformed(String),
}

impl std::fmt::Display for FrameError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FrameError::Closed => f.write_str("connection closed"),
            FrameError::Io(e) => write!(f, "{e}"),
            FrameError::TooLarge(n) => write!(f, "message of {n} bytes over the limit"),
            FrameError::Malformed(m) => write!(f, "malformed message: {m}"),
        }
    }
}

/// Encodes one frame.
pub fn encode_frame<T: Serialize>(msg: &T, blob: &[u8]) -> Vec<u8> {
    let header = bincode::serde::encode_to_vec(msg, config::standard()).unwrap_or_default();
    let total = 4 + header.len() + blob.len();
    let mut out = Vec::with_capacity(4 + total);
    out.extend_from_slice(&(total as u32).to_be_bytes());
    out.extend_from_slice(&(header.len() as u32).to_be_bytes());
    out.extend_from_slice(&header);
    out.extend_from_slice(blob);
    out
}

/// Writes one frame.
pub fn write_frame<T: Serialize>(w: &mut impl Write, msg: &T, blob: &[u8]) -> io::Result<()> {
    let header =
        bincode::serde::encode_to_vec(msg, config::standard()).map_err(io::Error::other)?;
    let total = 4 + header.len() + blob.len();
    if total > MAX_FRAME {
        return Err(io::Error::other(format!("message of {total} bytes")));
    }
    let mut head = Vec::with_capacity(8 + header.len());
    head.extend_from_slice(&(total as u32).to_be_bytes());
    head.extend_from_slice(&(header.len() as u32).to_be_bytes());
    head.extend_from_slice(&header);
    w.write_all(&head)?;
    w.write_all(blob)?;
    w.flush()
}

/// Reads one frame: its header decoded, and its blob.
pub fn read_frame<T: DeserializeOwned>(r: &mut impl Read) -> Result<(T, Vec<u8>), FrameError> {
    let mut len = [0u8; 4];
    match r.read_exact(&mut len) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Err(FrameError::Closed),
        Err(e) => return Err(FrameError::Io(e)),
    }
    let total = u32::from_be_bytes(len) as usize;
    if total > MAX_FRAME {
        return Err(FrameError::TooLarge(total));
    }
    // read as it arrives: a length alone does not make the reader allocate it
    let mut body = Vec::new();
    r.take(total as u64)
        .read_to_end(&mut body)
        .map_err(FrameError::Io)?;
    if body.len() != total {
        return Err(FrameError::Malformed(format!(
            "truncated: {} of {total} bytes",
            body.len()
        )));
    }
    decode_body(body)
}

/// Decodes the body of a frame (everything after its length): what the fuzz tests call.
pub fn decode_body<T: DeserializeOwned>(mut body: Vec<u8>) -> Result<(T, Vec<u8>), FrameError> {
    let Some(h) = body.get(..4) else {
        return Err(FrameError::Malformed("no header length".into()));
    };
    let hlen = u32::from_be_bytes([h[0], h[1], h[2], h[3]]) as usize;
    if hlen > MAX_HEADER || 4 + hlen > body.len() {
        return Err(FrameError::Malformed(format!("header of {hlen} bytes")));
    }
    let cfg = config::standard().with_limit::<MAX_HEADER>();
    let (msg, used) = bincode::serde::decode_from_slice::<T, _>(&body[4..4 + hlen], cfg)
        .map_err(|e| FrameError::Malformed(e.to_string()))?;
    if used != hlen {
        return Err(FrameError::Malformed(format!(
            "{} unexpected byte(s) in the header",
            hlen - used
        )));
    }
    let blob = body.split_off(4 + hlen);
    Ok((msg, blob))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frame_round_trips_with_its_blob() {
        let msg = ToServer::Call {
            id: 7,
            request: Request::LoadYear {
                year: 2025,
                how: LoadHow::Fresh,
            },
        };
        let frame = encode_frame(&msg, b"blob");
        let (back, blob): (ToServer, Vec<u8>) = read_frame(&mut &frame[..]).unwrap();
        assert_eq!(back, msg);
        assert_eq!(blob, b"blob");
    }

    #[test]
    fn truncated_oversized_and_garbage_frames_are_errors() {
        let frame = encode_frame(&ToServer::Bye, &[]);
        for cut in 1..frame.len() {
            let r: Result<(ToServer, Vec<u8>), _> = read_frame(&mut &frame[..cut]);
            assert!(r.is_err(), "cut at {cut}");
        }
        let huge = ((MAX_FRAME + 1) as u32).to_be_bytes();
        let r: Result<(ToServer, Vec<u8>), _> = read_frame(&mut &huge[..]);
        assert!(matches!(r, Err(FrameError::TooLarge(_))));
        let r: Result<(ToServer, Vec<u8>), _> = decode_body(vec![0, 0, 0, 3, 250, 250, 250]);
        assert!(matches!(r, Err(FrameError::Malformed(_))));
    }
}
