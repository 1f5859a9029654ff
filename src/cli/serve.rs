//! `kinerja serve` (the store server, usually started by the first client), `--stop`,
//! `--status`, `--print-systemd-unit`; and `kinerja who`.

use clap::Args;

use super::{CliError, CliResult, Context, refused, write_stdout};
use crate::server::client::ConnectOptions;
use crate::server::proto::ClientInfo;
use crate::server::serve::ServeOptions;
use crate::server::{Client, DEFAULT_IDLE_SECS, IDLE_ENV};
use crate::text::server as t;

#[derive(Args, Debug)]
pub struct ServeArgs {
    /// Hentikan server yang berjalan / stop the running server
    #[arg(long, conflicts_with_all = ["status", "print_systemd_unit"])]
    pub stop: bool,
    /// Tampilkan keadaan server / show the running server
    #[arg(long, conflicts_with = "print_systemd_unit")]
    pub status: bool,
    /// Cetak unit systemd untuk menjalankannya sebagai layanan / print a systemd unit
    #[arg(long)]
    pub print_systemd_unit: bool,
    /// Detik menganggur sebelum berhenti; 0: bersama klien terakhir / idle seconds before it
    /// stops (0: with its last client)
    #[arg(long, env = IDLE_ENV, default_value_t = DEFAULT_IDLE_SECS, value_name = "SECS")]
    pub idle: u64,
    /// Jangan berhenti saat menganggur (layanan) / never stop when idle (a service)
    #[arg(long)]
    pub forever: bool,
    /// Started by a client: report readiness on stdout, then detach.
    #[arg(long, hide = true)]
    pub auto: bool,
    /// The protocol number to claim (tests of the version-mismatch message).
    #[arg(long, hide = true, default_value_t = crate::server::proto::PROTOCOL)]
    pub protocol: u32,
}

#[derive(Args, Debug)]
pub struct WhoArgs {}

pub(super) fn no_start(ctx: &Context) -> ConnectOptions {
    let mut o = ConnectOptions::new(&ctx.command);
    o.start = false;
    o
}

pub fn run(ctx: &Context, a: &ServeArgs) -> CliResult {
    let store = &ctx.store_path;
    if a.print_systemd_unit {
        write_stdout(&systemd_unit(ctx))?;
        return Ok(());
    }
    if a.stop || a.status {
        let client = match Client::connect(store, no_start(ctx)) {
            Ok(c) => c,
            Err(_) if !crate::server::server_running(store) => {
                return Err(CliError::refused(
                    t::NOT_RUNNING.fill(&[("store", &store.display())]),
                ));
            }
            // a server of another version cannot be asked to stop: it holds the pid lock, so
            // the recorded pid is that server's; SIGTERM ends it (every change it confirmed is
            // flushed, as after a kill)
            Err(_)
                if a.stop
                    && let Some(pid) = crate::server::recorded_pid(store) =>
            {
                stop_by_signal(pid)?;
                write_stdout(&format!(
                    "{}\n",
                    t::STOPPED.fill(&[("store", &store.display()), ("pid", &pid)])
                ))?;
                return Ok(());
            }
            Err(e) => return Err(refused(e)),
        };
        if a.status {
            let s = client.status().map_err(refused)?;
            let idle = if s.idle_exit == 0 {
                t::IDLE_WITH_LAST.s().to_string()
            } else if s.idle_exit == u64::MAX {
                "∞".to_string()
            } else {
                format!("{} s", s.idle_exit)
            };
            // the client asking is one of them
            let clients = clients_line(&s.clients);
            write_stdout(&format!(
                "{}\n",
                t::STATUS.fill(&[
                    ("store", &s.store),
                    ("pid", &s.pid),
                    ("user", &s.user),
                    (
                        "since",
                        &s.since
                            .with_timezone(&chrono::Local)
                            .format("%Y-%m-%d %H:%M")
                    ),
                    ("version", &s.version),
                    ("protocol", &s.protocol),
                    ("commits", &s.commits),
                    ("idle", &idle),
                    ("clients", &clients),
                ])
            ))?;
            return Ok(());
        }
        let pid = client.stop().map_err(refused)?;
        write_stdout(&format!(
            "{}\n",
            t::STOPPED.fill(&[("store", &store.display()), ("pid", &pid)])
        ))?;
        return Ok(());
    }
    let opts = ServeOptions {
        store: store.clone(),
        idle_secs: if a.forever { u64::MAX } else { a.idle },
        auto: a.auto,
        protocol: a.protocol,
    };
    crate::server::serve::run(opts).map_err(CliError::refused)
}

/// Ends the server `pid` with SIGTERM and waits (a bounded moment) until it is gone.
fn stop_by_signal(pid: u32) -> CliResult {
    let Ok(p) = libc::pid_t::try_from(pid) else {
        return Ok(());
    };
    // SAFETY: kill(2) with a pid read from the server's locked pid file.
    if unsafe { libc::kill(p, libc::SIGTERM) } != 0 {
        return Err(CliError::refused(format!(
            "pid {pid}: {}",
            std::io::Error::last_os_error()
        )));
    }
    let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while crate::store::lock::pid_alive(pid) && std::time::Instant::now() < until {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    Ok(())
}

fn clients_line(clients: &[ClientInfo]) -> String {
    if clients.is_empty() {
        return t::NOBODY.s().to_string();
    }
    clients
        .iter()
        .map(|c| format!("{} (pid {}, {})", c.user, c.pid, c.doing))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `kinerja who`: the clients of the store's server (user, pid, since, what they look at).
pub fn run_who(ctx: &Context, _a: &WhoArgs) -> CliResult {
    let store = &ctx.store_path;
    let client = Client::connect(store, no_start(ctx))
        .map_err(|_| CliError::refused(t::NOT_RUNNING.fill(&[("store", &store.display())])))?;
    let me = std::process::id();
    let list = client.who().map_err(refused)?;
    let mut rows = vec![t::WHO_HEADER.map(|h| h.s().to_string())];
    for c in list.iter().filter(|c| c.pid != me) {
        let since = c.since.with_timezone(&chrono::Local).format("%H:%M");
        let looking = if c.looking.is_empty() {
            "–"
        } else {
            &c.looking
        };
        rows.push([
            c.user.clone(),
            c.pid.to_string(),
            since.to_string(),
            c.doing.clone(),
            looking.to_string(),
        ]);
    }
    let out = aligned(&rows);
    write_stdout(&out)?;
    Ok(())
}

/// Rows in columns two spaces apart, each column as wide as its widest cell (in terminal
/// columns); the pid is right-aligned, the last column is not padded.
fn aligned<const N: usize>(rows: &[[String; N]]) -> String {
    let width = |s: &str| ratatui::text::Span::raw(s).width();
    let mut widths = [0usize; N];
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            let pad = " ".repeat(widths[i].saturating_sub(width(cell)));
            if i > 0 {
                line.push_str("  ");
            }
            if i == 1 {
                line.push_str(&pad);
                line.push_str(cell);
            } else {
                line.push_str(cell);
                if i + 1 < N {
                    line.push_str(&pad);
                }
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A systemd unit that runs the server of this store as a service, for a shared server.
fn systemd_unit(ctx: &Context) -> String {
    let store = std::fs::canonicalize(&ctx.store_path).unwrap_or_else(|_| ctx.store_path.clone());
    let exe = std::env::current_exe()
        .ok()
        .and_then(|e| std::fs::canonicalize(e).ok())
        .map_or_else(
            || "/usr/local/bin/kinerja".to_string(),
            |e| e.display().to_string(),
        );
    let group = group_of(&store).unwrap_or_else(|| "kinerja".into());
    format!(
        "# kinerja store server for {store} (install: /etc/systemd/system/kinerja-store.service,\n\
         # then `systemctl daemon-reload && systemctl enable --now kinerja-store`).\n\
         # Every member of the group {group} connects through the socket in the store directory;\n\
         # the audit trail names each by their own OS user.\n\
         [Unit]\n\
         Description=kinerja store server for {store}\n\
         After=local-fs.target\n\
         \n\
         [Service]\n\
         Type=simple\n\
         User={user}\n\
         Group={group}\n\
         UMask=0007\n\
         ExecStart={exe} --store {store} serve --forever\n\
         ExecStop={exe} --store {store} serve --stop\n\
         Restart=on-failure\n\
         RestartSec=2\n\
         NoNewPrivileges=yes\n\
         ProtectSystem=strict\n\
         ReadWritePaths={store}\n\
         PrivateTmp=yes\n\
         \n\
         [Install]\n\
         WantedBy=multi-user.target\n",
        store = store.display(),
        user = ctx.actor.user,
    )
}

fn group_of(path: &std::path::Path) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let gid = std::fs::metadata(path).ok()?.gid();
    crate::server::access::groups_of_gid(gid)
}
