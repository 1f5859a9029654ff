//! Command-line interface: one file per subcommand.
//!
//! Exit codes: 0 success, 1 the user's data or input was refused, 2 usage error.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::domain::Dataset;
use crate::domain::round::Action;
use crate::domain::rulebook::Rulebook;
use crate::interchange::number::Locale;
use crate::store::{Actor, Store, StoreApi};
use crate::text::{self, Lang, cli as t};

mod access;
mod addendum;
mod analisis;
mod bundle;
mod check;
pub mod clap_text;
pub mod demo;
mod due;
mod export;
mod import;
mod init;
mod k3;
mod lampiran;
mod laporan;
mod log;
mod open;
mod pk;
pub mod plan;
pub mod progress;
mod realisasi;
mod realisasi_xlsx;
mod report;
mod restore;
pub mod round;
mod rules;
mod serve;
mod tui_entry;
mod verify;

pub use init::refuse_world_writable;

/// A refused command: the message for the user and the exit code.
#[derive(Debug)]
pub struct CliError {
    pub code: i32,
    pub message: String,
}

impl CliError {
    /// The user's data or input was refused (exit 1).
    pub fn refused(message: impl Into<String>) -> Self {
        CliError {
            code: 1,
            message: message.into(),
        }
    }
    /// The command line itself was wrong (exit 2).
    pub fn usage(message: impl Into<String>) -> Self {
        CliError {
            code: 2,
            message: message.into(),
        }
    }
}

/// Turns any displayable error (store, import, …) into a refusal with its message.
pub fn refused<E: std::fmt::Display>(e: E) -> CliError {
    CliError::refused(e.to_string())
}

pub type CliResult = Result<(), CliError>;

#[derive(Parser, Debug)]
#[command(
    name = "kinerja",
    version,
    about = "Manajemen kinerja organisasi Kemenkeu (KMK 300/KMK.01/2022) di terminal",
    long_about = "Manajemen kinerja organisasi Kemenkeu (KMK 300/KMK.01/2022) di terminal.\n\
                  Tanpa subperintah, kinerja membuka TUI pada toko data.\n\
                  Performance management of Kemenkeu units in the terminal; without a subcommand \
                  it opens the TUI.",
    after_help = "Contoh / examples:\n  kinerja                       # buka TUI\n  kinerja report --unit KANWIL-KALBAR\n  kinerja --store tim.store import fixtures/kalbar-2025.json"
)]
pub struct Cli {
    /// Toko data (direktori sled) / the store directory [default: $XDG_DATA_HOME/kinerja]
    #[arg(long, global = true, env = "KINERJA_STORE", value_name = "PATH")]
    pub store: Option<PathBuf>,
    /// Bahasa antarmuka / UI language: id | en
    #[arg(long, global = true, default_value = "id", value_name = "id|en")]
    pub lang: String,
    /// Tahun PK / the PK year [default: the latest year in the store]
    #[arg(long, global = true, value_name = "YYYY")]
    pub year: Option<i32>,
    /// Berkas rulebook (TOML) / a rulebook file used instead of the dataset's
    #[arg(long, global = true, value_name = "FILE")]
    pub rules: Option<PathBuf>,
    /// Peta tombol: default | vim | FILE / keymap for the TUI
    #[arg(
        long,
        global = true,
        default_value = "default",
        value_name = "NAME|FILE"
    )]
    pub keymap: String,
    /// Hanya karakter ASCII / ASCII only (borders, tree, marks, sparklines)
    #[arg(long, global = true)]
    pub ascii: bool,
    /// Tanggal "hari ini" untuk tenggat / the date deadlines are counted from [default: the
    /// local date]
    #[arg(long, global = true, env = "KINERJA_TODAY", value_name = "YYYY-MM-DD")]
    pub today: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Impor dokumen PK (JSON kinerja/1) / import a PK document
    #[command(
        after_help = "Contoh: kinerja import fixtures/kalbar-2025.json\n         kinerja import pk-2025.json --replace"
    )]
    Import(import::ImportArgs),
    /// Ekspor dokumen PK (JSON kinerja/1) / export a PK document
    #[command(
        after_help = "Contoh: kinerja export -o kalbar-2025.json\n         kinerja export --year 2025 > pk.json"
    )]
    Export(export::ExportArgs),
    /// Impor lembar realisasi (CSV) / import a realisasi sheet
    #[command(
        name = "import-realisasi",
        after_help = "Contoh: kinerja import-realisasi fixtures/realisasi-oktober.csv\n         kinerja import-realisasi realisasi.csv --locale id"
    )]
    ImportRealisasi(realisasi::ImportRealisasiArgs),
    /// Templat realisasi yang jatuh tempo (xlsx | csv) / a template of the realisasi due
    #[command(
        name = "export-realisasi",
        after_help = "Contoh: kinerja export-realisasi --unit KANWIL-KALBAR --subtree --period TW4 -o realisasi.xlsx\n         kinerja import-realisasi realisasi.xlsx"
    )]
    ExportRealisasi(realisasi_xlsx::ExportRealisasiArgs),
    /// Isi atau hapus satu realisasi / set or clear one realisasi
    #[command(
        after_help = "Contoh: kinerja set KPKNL-PONTIANAK 1b-CP 2025-10 1,9\n         kinerja set KPKNL-PONTIANAK 1b-CP 2025-10 --clear"
    )]
    Set(realisasi::SetArgs),
    /// Laporan NKO, predikat, nilai SS dan capaian IKU / the performance report
    #[command(
        after_help = "Contoh: kinerja report\n         kinerja report --unit KANWIL-KALBAR --period 2025-06 --format json"
    )]
    Report(report::ReportArgs),
    /// Laporan Capaian Kinerja triwulanan (xlsx | pdf | html) / the quarterly report
    #[command(
        after_help = "Contoh: kinerja laporan --unit KANWIL-KALBAR --period TW3 -o laporan.xlsx\n         kinerja laporan --unit KANWIL-KALBAR --period 2025-09 --subtree --format pdf -o laporan.pdf"
    )]
    Laporan(laporan::LaporanArgs),
    /// Jejak audit, terbaru dulu / the audit trail, newest first
    #[command(after_help = "Contoh: kinerja log --unit KPKNL-PONTIANAK --since 2025-10-01")]
    Log(log::LogArgs),
    /// Periksa aturan R01–R11 / check the rules R01–R11
    #[command(
        after_help = "Contoh: kinerja check\n         kinerja check --unit KANWIL-KALBAR --format json\nKeluar 1 bila ada galat / exit 1 when there is an error."
    )]
    Check(check::CheckArgs),
    /// Buat addendum PK (versi n+1) / make a PK addendum (version n+1)
    #[command(
        after_help = "Contoh: kinerja addendum KANWIL-KALBAR --reason \"Realisasi melampaui target\" --set 1c-N:12=3,4\n         kinerja addendum KPKNL-PONTIANAK --reason \"IKU baru\" --add-iku iku-baru.json --remove-iku 6a-N"
    )]
    Addendum(addendum::AddendumArgs),
    /// Versi PK dan addendumnya / PK versions and their addenda
    #[command(after_help = "Contoh: kinerja pk history KANWIL-KALBAR")]
    Pk(pk::PkArgs),
    /// Rulebook bawaan / the built-in rulebooks
    #[command(after_help = "Contoh: kinerja rules list\n         kinerja rules show kmk-127-2026")]
    Rules(rules::RulesArgs),
    /// Perencanaan target K3 / K3 target planning
    #[command(
        after_help = "Contoh: kinerja k3 plan KANWIL-KALBAR 1a-CP --compare-rulebook kmk-127-2026"
    )]
    K3(k3::K3Args),
    // --- safety ---
    /// Periksa setiap rekaman dan rujukan / check every record and reference of the store
    #[command(
        after_help = "Contoh: kinerja verify\n         kinerja --store /srv/kinerja/tim verify"
    )]
    Verify(verify::VerifyArgs),
    /// Pulihkan toko data dari cadangannya sendiri / rebuild the store from one of its own backups
    #[command(
        after_help = "Contoh: kinerja restore\n         kinerja restore --list\n         kinerja restore 20261204-142500\nCadangan ada di STORE/backups, ditulis setelah hari dengan perubahan dan sebelum import --replace / backups are in STORE/backups, written after a day with changes and before import --replace."
    )]
    Restore(restore::RestoreArgs),
    /// Tulis set cadangan toko data sekarang / write a backup set of the store now
    #[command(after_help = "Contoh: kinerja backup\n         kinerja restore --list")]
    Backup(restore::BackupArgs),
    /// Buat toko data, pribadi atau untuk satu grup / create a store, private or for a group
    #[command(
        after_help = "Contoh: kinerja --store /srv/kinerja/tim init --group kinerja-tim\n         kinerja init"
    )]
    Init(init::InitArgs),
    /// Buat dokumen PK contoh (kanwil | ministry) / generate a demo PK document
    #[command(
        after_help = "Contoh: kinerja demo --scale ministry -o m.json\n         kinerja --store m.store import m.json && kinerja --store m.store\n         kinerja demo --scale kanwil --seed 7 --year 2026 -o kanwil.json\nSeed dan tahun yang sama memberi dokumen yang sama / the same seed and year give the same document."
    )]
    Demo(demo::DemoArgs),
    // --- the store server ---
    /// Jalankan server toko data / serve the store to every kinerja of its users
    #[command(
        after_help = "Contoh: kinerja --store /srv/kinerja/tim serve\n         kinerja serve --status\n         kinerja serve --stop\n         kinerja --store /srv/kinerja/tim serve --print-systemd-unit > kinerja-tim.service\nBiasanya tidak perlu: perintah pertama memulainya sendiri / usually not needed: the first command starts it."
    )]
    Serve(serve::ServeArgs),
    /// Siapa yang tersambung ke toko data / who is connected to the store
    #[command(after_help = "Contoh: kinerja who")]
    Who(serve::WhoArgs),
    /// Daftar akses: siapa boleh apa / the access list: who may do what
    #[command(
        after_help = "Contoh: kinerja access grant alice operator --unit KPKNL-PONTIANAK\n         kinerja access grant @kanwil-kalbar viewer\n         kinerja access revoke alice\n         kinerja access list\nPeran / roles: viewer, operator, validator, planner, admin."
    )]
    Access(access::AccessArgs),
    // --- the rest of the PK ---
    /// Inisiatif Strategis: daftar, rincian, realisasi % / the IS: list, show, progress
    #[command(
        after_help = "Contoh: kinerja inisiatif list\n         kinerja inisiatif list KPKNL-PONTIANAK --period 2025-06\n         kinerja inisiatif set KPKNL-PONTIANAK IS-01 2025-06 45"
    )]
    Inisiatif(plan::InisiatifArgs),
    /// Rincian Anggaran: penyerapan, realisasi, revisi pagu / budget lines, realisasi, pagu revisions
    #[command(
        after_help = "Contoh: kinerja anggaran list KPKNL-PONTIANAK\n         kinerja anggaran revise KPKNL-PONTIANAK 054.01.WA --pagu 1.250.000.000 --date 2025-07-01 --ref \"DIPA revisi 02\" --reason \"Pemotongan anggaran\"\n         kinerja anggaran import realisasi-anggaran.csv"
    )]
    Anggaran(plan::AnggaranArgs),
    // --- the month-end round ---
    /// Yang jatuh tempo: bulan yang belum selesai, tenggat, siapa yang dapat bertindak / what
    /// is due in the round, overdue first, with who can act
    #[command(
        after_help = "Contoh: kinerja due\n         kinerja due --unit KANWIL-KALBAR --format json\n         KINERJA_TODAY=2025-11-20 kinerja due"
    )]
    Due(due::DueArgs),
    /// Analisis IKU sebulan: isu, implikasi, aksi, rencana aksi / the analysis of an IKU-month
    #[command(
        after_help = "Contoh: kinerja analisis set KPKNL-PONTIANAK 1a-CP 2025-03 --isu \"Lelang tertunda\" --implikasi \"PNBP turun\" --aksi \"Jadwal ulang\" --rencana \"Lelang April\" --oleh \"Kasi PKN\" --batas 2025-04-30\n         kinerja analisis show KPKNL-PONTIANAK 1a-CP 2025-03 --format json\n         kinerja analisis clear KPKNL-PONTIANAK 1a-CP 2025-03"
    )]
    Analisis(analisis::AnalisisArgs),
    /// Data dukung IKU sebulan: lampirkan, daftar, ambil, lepas / the evidence of an IKU-month
    #[command(
        after_help = "Contoh: kinerja lampiran add KPKNL-PONTIANAK 1b-CP 2025-10 ba-lelang.pdf foto.jpg\n         kinerja lampiran list KPKNL-PONTIANAK 1b-CP 2025-10\n         kinerja lampiran get KPKNL-PONTIANAK 1b-CP 2025-10 -o unduhan/\n         kinerja lampiran remove KPKNL-PONTIANAK 1b-CP 2025-10 foto.jpg"
    )]
    Lampiran(lampiran::LampiranArgs),
    /// Ajukan realisasi sebulan untuk validasi / submit a unit's month for validation
    #[command(after_help = "Contoh: kinerja submit KPKNL-PONTIANAK 2025-10")]
    Submit(round::TransitionArgs),
    /// Validasi bulan yang diajukan / validate a submitted month
    #[command(after_help = "Contoh: kinerja validate KPKNL-PONTIANAK 2025-10")]
    Validate(round::TransitionArgs),
    /// Kembalikan bulan yang diajukan, dengan alasan / return a submitted month, with a reason
    #[command(
        after_help = "Contoh: kinerja return KPKNL-PONTIANAK 2025-10 --reason \"Data dukung 1b-CP belum ada\""
    )]
    Return(round::TransitionArgs),
    /// Tetapkan (tutup) bulan yang divalidasi / close a validated month
    #[command(after_help = "Contoh: kinerja close KPKNL-PONTIANAK 2025-10")]
    Close(round::TransitionArgs),
    /// Buka kembali bulan yang ditetapkan (admin), dengan alasan / reopen a closed month (admin)
    #[command(
        after_help = "Contoh: kinerja reopen KPKNL-PONTIANAK 2025-10 --reason \"Koreksi data BA\""
    )]
    Reopen(round::TransitionArgs),
}

/// Runs the CLI with the given arguments and returns the exit code.
pub fn main_with_args<I, T>(args: I) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    // --lang must be known before clap speaks.
    if let Some(l) = peek_lang(&args) {
        text::set_lang(l);
    }
    let args = clap_text::help_subcommand(args);
    let cmd = clap_text::localized(<Cli as clap::CommandFactory>::command(), text::lang());
    let parsed = cmd
        .try_get_matches_from(&args)
        .and_then(|m| <Cli as clap::FromArgMatches>::from_arg_matches(&m));
    let cli = match parsed {
        Ok(c) => c,
        Err(e) => return clap_error(&e),
    };
    let Some(lang) = Lang::parse(&cli.lang) else {
        tell(&t::BAD_LANG.fill(&[("lang", &cli.lang)]));
        return 2;
    };
    text::set_lang(lang);
    // a store of an older schema is backed up as kinerja/1 documents before it is migrated
    crate::store::set_backup_writer(crate::interchange::json::export_document);
    // the store's own rotating backups: a kinerja/1 document per year, with its plans
    crate::store::set_backup_codec(backup_codec());
    let result = run(cli);
    // the private copy of a store on a read-only disk, if one was read
    drop(READ_COPY.lock().unwrap_or_else(|p| p.into_inner()).take());
    match result {
        Ok(()) => 0,
        Err(e) => {
            if !e.message.is_empty() {
                tell(&e.message);
            }
            e.code
        }
    }
}

/// The `kinerja/1` codec of the store's backups (see `store::backup`).
pub fn backup_codec() -> crate::store::BackupCodec {
    fn read(text: &str) -> Result<(Dataset, crate::domain::plan::Plans), String> {
        let first = |e: Vec<crate::interchange::json::ImportError>| {
            e.first().map(|e| e.to_string()).unwrap_or_default()
        };
        let mut ds = crate::interchange::json::import_document(text).map_err(first)?;
        let plans = crate::interchange::json::import_plans(text, &ds).map_err(first)?;
        ds.round = crate::interchange::json::import_rounds(text, &ds).map_err(first)?;
        Ok((ds, plans))
    }
    // the document with its plan and round sections, as `export` writes it
    crate::store::BackupCodec {
        write: crate::interchange::json::write_document,
        read,
    }
}

/// Prints a clap error (or the help and version it stops for) in the active language.
fn clap_error(e: &clap::Error) -> i32 {
    use clap::error::ErrorKind;
    use std::io::Write;
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let text = clap_text::usage_words(&e.render().to_string(), text::lang());
            let _ = write_stdout(&text);
            if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                2
            } else {
                0
            }
        }
        _ => {
            let _ = std::io::stderr().write_all(clap_text::error_text(e).as_bytes());
            2
        }
    }
}

fn peek_lang(args: &[OsString]) -> Option<Lang> {
    let mut it = args.iter().map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--lang" {
            return it.next().and_then(|v| Lang::parse(&v));
        }
        if let Some(v) = a.strip_prefix("--lang=") {
            return Lang::parse(v);
        }
    }
    None
}

fn run(cli: Cli) -> CliResult {
    let mut ctx = Context::new(&cli);
    if let Some(s) = &cli.today {
        ctx.today =
            parse_date(s).ok_or_else(|| CliError::usage(t::BAD_TODAY.fill(&[("date", s)])))?;
    }
    if Command::writes(cli.command.as_ref()) {
        refuse_world_writable(&ctx.store_path).map_err(CliError::refused)?;
    }
    match &cli.command {
        None => open::run(&ctx, &cli),
        Some(Command::Import(a)) => import::run(&ctx, a),
        Some(Command::Export(a)) => export::run(&ctx, a),
        Some(Command::ImportRealisasi(a)) => realisasi::run_import(&ctx, a),
        Some(Command::ExportRealisasi(a)) => realisasi_xlsx::run_export(&ctx, a),
        Some(Command::Set(a)) => realisasi::run_set(&ctx, a),
        Some(Command::Report(a)) => report::run(&ctx, a),
        Some(Command::Laporan(a)) => laporan::run(&ctx, a),
        Some(Command::Log(a)) => log::run(&ctx, a),
        Some(Command::Inisiatif(a)) => plan::run_inisiatif(&ctx, a),
        Some(Command::Anggaran(a)) => plan::run_anggaran(&ctx, a),
        Some(Command::Check(a)) => check::run(&ctx, a),
        Some(Command::K3(a)) => k3::run(&ctx, a),
        Some(Command::Addendum(a)) => addendum::run(&ctx, a),
        Some(Command::Pk(a)) => pk::run(&ctx, a),
        Some(Command::Rules(a)) => rules::run(&ctx, a),
        Some(Command::Verify(a)) => verify::run(&ctx, a),
        Some(Command::Restore(a)) => restore::run(&ctx, a),
        Some(Command::Backup(a)) => restore::run_backup(&ctx, a),
        Some(Command::Init(a)) => init::run(&ctx, a),
        Some(Command::Demo(a)) => demo::run(&ctx, a),
        Some(Command::Serve(a)) => serve::run(&ctx, a),
        Some(Command::Who(a)) => serve::run_who(&ctx, a),
        Some(Command::Access(a)) => access::run(&ctx, a),
        Some(Command::Due(a)) => due::run(&ctx, a),
        Some(Command::Analisis(a)) => analisis::run(&ctx, a),
        Some(Command::Lampiran(a)) => lampiran::run(&ctx, a),
        Some(Command::Submit(a)) => round::run_transition(&ctx, Action::Submit, a),
        Some(Command::Validate(a)) => round::run_transition(&ctx, Action::Validate, a),
        Some(Command::Return(a)) => round::run_transition(&ctx, Action::Return, a),
        Some(Command::Close(a)) => round::run_transition(&ctx, Action::Close, a),
        Some(Command::Reopen(a)) => round::run_transition(&ctx, Action::Reopen, a),
    }
}

/// What every subcommand needs: where the store is, which year and rulebook, the user.
pub struct Context {
    pub store_path: PathBuf,
    pub store_is_default: bool,
    /// The command only reads (`report`, `export`, `verify`, …): on a read-only or full file
    /// system it may read a private copy of the store (see [`Context::open_store`]).
    pub read_only: bool,
    pub year: Option<i32>,
    pub rules_file: Option<PathBuf>,
    pub lang: Lang,
    pub actor: Actor,
    /// The subcommand's name (`tui` without one), told to the server for `kinerja who`.
    pub command: String,
    /// The date the round's deadlines are counted from: `--today` / `KINERJA_TODAY`, else the
    /// local date.
    pub today: chrono::NaiveDate,
}

impl Context {
    fn new(cli: &Cli) -> Self {
        let (store_path, store_is_default) = match &cli.store {
            Some(p) => (p.clone(), false),
            None => (Store::default_path(), true),
        };
        Context {
            store_path,
            store_is_default,
            year: cli.year,
            rules_file: cli.rules.clone(),
            lang: text::lang(),
            actor: Actor::current(),
            command: command_name(cli.command.as_ref()),
            read_only: !Command::writes(cli.command.as_ref())
                && !matches!(
                    cli.command,
                    Some(
                        Command::Init(_)
                            | Command::Serve(_)
                            | Command::Backup(_)
                            | Command::Demo(_)
                            | Command::Who(_)
                    )
                ),
            today: chrono::Local::now().date_naive(),
        }
    }

    /// The locale for numbers typed or shown, from `--locale` or else the UI language.
    pub fn locale(&self, given: Option<&str>) -> Result<Locale, CliError> {
        match given {
            Some(s) => Locale::parse(s)
                .ok_or_else(|| CliError::usage(t::BAD_LOCALE.fill(&[("locale", &s)]))),
            None => Ok(match self.lang {
                Lang::Id => Locale::Id,
                Lang::En => Locale::En,
            }),
        }
    }

    /// The existing store, through its server (started when none runs); a path that holds
    /// no store is refused with how to create one (a mistyped `--store` never becomes a new
    /// store).
    ///
    /// A command that only reads, on a store whose file system is read-only or full (where
    /// neither sled nor a server can start: both must write), reads a private copy of the store
    /// in the temporary directory instead, and says so; the store itself is not touched.
    pub fn open_store(&self) -> Result<Box<dyn StoreApi>, CliError> {
        match self.connect(false, false) {
            Ok(c) => Ok(Box::new(c)),
            Err(e) => match self.read_copy() {
                Some(r) => r,
                None => Err(e),
            },
        }
    }

    /// The private copy of [`Context::open_store`], when the store cannot be written to.
    fn read_copy(&self) -> Option<Result<Box<dyn StoreApi>, CliError>> {
        let path = &self.store_path;
        if !self.read_only
            || !crate::store::dir::is_store(path)
            || crate::server::server_running(path)
        {
            return None;
        }
        let why = crate::safe::unwritable_fs(path)?;
        let why = crate::safe::read::io_reason(&std::io::Error::from(why));
        let copied = (|| -> Result<Box<dyn StoreApi>, String> {
            let tmp = tempfile::Builder::new()
                .prefix("kinerja-copy-")
                .tempdir()
                .map_err(|e| e.to_string())?;
            let copy = tmp.path().join("store");
            crate::store::copy_files(path, &copy).map_err(|e| e.to_string())?;
            let store = Store::open_existing(&copy).map_err(|e| e.to_string())?;
            *READ_COPY.lock().unwrap_or_else(|p| p.into_inner()) = Some(tmp);
            Ok(Box::new(store))
        })();
        Some(match copied {
            Ok(store) => {
                tell(&t::READ_COPY.fill(&[("store", &path.display()), ("why", &why)]));
                Ok(store)
            }
            Err(e) => Err(CliError::refused(
                t::READ_COPY_FAILED.fill(&[
                    ("store", &path.display()),
                    ("why", &why),
                    ("error", &e),
                    (
                        "backup",
                        &crate::store::backup::newest_good(path)
                            .map(|s| s.manifest_path().display().to_string())
                            .unwrap_or_else(|| "–".into()),
                    ),
                ]),
            )),
        })
    }

    /// The store through its server, created in a new or empty directory (`import`, the
    /// first run of the TUI on the default store).
    pub fn create_store(&self) -> Result<Box<dyn StoreApi>, CliError> {
        Ok(Box::new(self.connect(false, true)?))
    }

    /// A connection to the store's server; `live` to receive the others' changes, `create`
    /// to let a server it starts create the store.
    pub fn connect(&self, live: bool, create: bool) -> Result<crate::server::Client, CliError> {
        let mut opts = crate::server::client::ConnectOptions::new(&self.command);
        opts.live = live;
        opts.create = create;
        crate::server::Client::connect(&self.store_path, opts).map_err(refused)
    }

    /// The existing store opened in this process (`init`, which changes the directory itself).
    pub fn open_local_store(&self) -> Result<Store, CliError> {
        Store::open_existing(&self.store_path).map_err(refused)
    }

    /// The store opened in this process, created in a new or empty directory (`init`).
    pub fn create_local_store(&self) -> Result<Store, CliError> {
        Store::open(&self.store_path).map_err(refused)
    }

    /// The year to work on: `--year`, else the latest year in the store.
    pub fn year(&self, store: &dyn StoreApi) -> Result<i32, CliError> {
        match self.year {
            Some(y) => self.present_year(store, y),
            None => store
                .years()
                .map_err(refused)?
                .last()
                .copied()
                .ok_or_else(|| {
                    CliError::refused(t::STORE_EMPTY.fill(&[("store", &self.store_path.display())]))
                }),
        }
    }

    /// `year` when the store holds it, else a refusal that lists the years it holds.
    pub fn present_year(&self, store: &dyn StoreApi, year: i32) -> Result<i32, CliError> {
        let years = store.years().map_err(refused)?;
        if years.contains(&year) {
            return Ok(year);
        }
        Err(CliError::refused(t::YEAR_NOT_IN_STORE.fill(&[
            ("year", &year),
            ("years", &join_years(&years)),
            ("store", &self.store_path.display()),
        ])))
    }

    /// Loads the year's dataset and the rulebook in force (`--rules`, else the dataset's).
    pub fn load(&self, store: &dyn StoreApi) -> Result<(Dataset, Rulebook), CliError> {
        let year = self.year(store)?;
        let ds = store.load_year(year).map_err(refused)?;
        let rb = self.rulebook_for(&ds)?;
        Ok((ds, rb))
    }

    pub fn rulebook_for(&self, ds: &Dataset) -> Result<Rulebook, CliError> {
        match &self.rules_file {
            Some(f) => load_rulebook_file(f),
            None => rulebook_by_name(&ds.rulebook),
        }
    }
}

/// The private copy a read-only command reads (see [`Context::open_store`]), removed when the
/// command ends.
static READ_COPY: std::sync::Mutex<Option<tempfile::TempDir>> = std::sync::Mutex::new(None);

/// The name of a subcommand as `kinerja who` shows it.
fn command_name(c: Option<&Command>) -> String {
    let n = match c {
        None => "tui",
        Some(Command::Import(_)) => "import",
        Some(Command::Export(_)) => "export",
        Some(Command::ImportRealisasi(_)) => "import-realisasi",
        Some(Command::Set(_)) => "set",
        Some(Command::Report(_)) => "report",
        Some(Command::Log(_)) => "log",
        Some(Command::Check(_)) => "check",
        Some(Command::K3(_)) => "k3",
        Some(Command::Addendum(_)) => "addendum",
        Some(Command::Pk(_)) => "pk",
        Some(Command::Rules(_)) => "rules",
        Some(Command::Verify(_)) => "verify",
        Some(Command::Restore(_)) => "restore",
        Some(Command::Backup(_)) => "backup",
        Some(Command::Init(_)) => "init",
        Some(Command::Demo(_)) => "demo",
        Some(Command::Serve(_)) => "serve",
        Some(Command::Who(_)) => "who",
        Some(Command::Access(_)) => "access",
        Some(Command::Laporan(_)) => "laporan",
        Some(Command::ExportRealisasi(_)) => "export-realisasi",
        Some(Command::Inisiatif(_)) => "inisiatif",
        Some(Command::Anggaran(_)) => "anggaran",
        Some(Command::Due(_)) => "due",
        Some(Command::Analisis(_)) => "analisis",
        Some(Command::Lampiran(_)) => "lampiran",
        Some(Command::Submit(_)) => "submit",
        Some(Command::Validate(_)) => "validate",
        Some(Command::Return(_)) => "return",
        Some(Command::Close(_)) => "close",
        Some(Command::Reopen(_)) => "reopen",
    };
    n.to_string()
}

fn join_years(years: &[i32]) -> String {
    if years.is_empty() {
        "–".into()
    } else {
        years
            .iter()
            .map(|y| y.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A built-in rulebook by name, with a clear error naming the known ones.
pub fn rulebook_by_name(name: &str) -> Result<Rulebook, CliError> {
    Rulebook::builtin(name).ok_or_else(|| {
        let known: Vec<&str> = crate::domain::rulebook::BUILTIN
            .iter()
            .map(|(n, _)| *n)
            .collect();
        CliError::refused(
            t::UNKNOWN_RULEBOOK.fill(&[("name", &name), ("known", &known.join(", "))]),
        )
    })
}

/// Reads a rulebook file; a malformed one is refused with the file, key and reason.
pub fn load_rulebook_file(path: &Path) -> Result<Rulebook, CliError> {
    let text = read_text_file(path, crate::domain::rulebook::MAX_RULEBOOK_BYTES as u64)?;
    Rulebook::from_toml(&text).map_err(|e| {
        let place = match e.line {
            Some(l) => format!("{}:{}", path.display(), l),
            None => path.display().to_string(),
        };
        CliError::refused(t::BAD_RULEBOOK.fill(&[
            ("file", &place),
            ("key", &e.key),
            ("reason", &e.reason),
        ]))
    })
}

/// Reads a UTF-8 text file of at most `max` bytes with clear errors: only a regular file (a
/// FIFO, a device or `<(yes)` is refused before it is read), read through a capped reader.
pub fn read_text_file(path: &Path, max: u64) -> Result<String, CliError> {
    crate::safe::read::read_text(path, max, crate::safe::read::Links::Follow).map_err(refused)
}

/// A short, user-readable reason for an I/O error (no Debug dump).
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    let m = match e.kind() {
        NotFound => &t::IO_NOT_FOUND,
        PermissionDenied => &t::IO_PERMISSION,
        _ => return e.to_string(),
    };
    m.s().to_string()
}

/// Writes a file atomically (see [`crate::safe::write`]): a temporary file beside it, fsync,
/// rename. Anything but a regular file at `path` (a device, a FIFO, a link) is refused and left
/// as it is.
pub fn write_file_atomic(path: &Path, contents: &[u8]) -> Result<(), CliError> {
    crate::safe::write::write_atomic(path, contents, None, crate::safe::write::Replace::Regular)
        .map_err(refused)
}

/// Exit code of a command whose reader closed the pipe (128 + SIGPIPE, as a shell reports a
/// program ended by it); nothing is printed.
pub const EXIT_CLOSED_PIPE: i32 = 141;

impl From<crate::safe::output::OutputError> for CliError {
    fn from(e: crate::safe::output::OutputError) -> Self {
        match e {
            crate::safe::output::OutputError::Closed => CliError {
                code: EXIT_CLOSED_PIPE,
                message: String::new(),
            },
            failed => CliError::refused(failed.to_string()),
        }
    }
}

/// Writes to stdout, checked: a failed write is an error with a message; a closed pipe
/// (`| head`) ends the command quietly.
pub fn write_stdout(text: &str) -> CliResult {
    crate::safe::output::out(text).map_err(CliError::from)
}

/// Writes text meant for a person to stdout, checked like [`write_stdout`], with every
/// control or bidirectional character but newline and tab shown escaped
/// ([`crate::safe::term::escape_lines`]): names, reasons and codes from a store or a file can
/// never drive the terminal. Data formats (JSON, CSV, the export) go through [`write_stdout`].
pub fn write_text(text: &str) -> CliResult {
    write_stdout(&crate::safe::term::escape_lines(text))
}

/// Writes a line for a person to stdout, escaped and checked like [`write_text`].
pub fn say(text: &str) -> CliResult {
    crate::safe::output::outln(&crate::safe::term::escape_lines(text)).map_err(CliError::from)
}

/// Writes a line to stderr (progress, notices). Never panics; a failure there has no one to
/// be reported to.
pub fn tell(text: &str) {
    let _ = crate::safe::output::errln(&crate::safe::term::escape_lines(text));
}

/// Parses a date `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<chrono::NaiveDate> {
    let s = s.trim();
    if s.len() != 10 {
        return None;
    }
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// Parses `YYYY-MM` into (year, month).
pub fn parse_year_month(s: &str) -> Option<(i32, u8)> {
    let (y, m) = s.trim().split_once('-')?;
    if y.len() != 4 || m.len() != 2 {
        return None;
    }
    let y: i32 = y.parse().ok()?;
    let m: u8 = m.parse().ok()?;
    (1..=12).contains(&m).then_some((y, m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_month() {
        assert_eq!(parse_year_month("2025-09"), Some((2025, 9)));
        assert_eq!(parse_year_month("2025-13"), None);
        assert_eq!(parse_year_month("2025-9"), None);
        assert_eq!(parse_year_month("25-09"), None);
        assert_eq!(parse_year_month("x"), None);
    }

    #[test]
    fn lang_is_peeked_before_parsing() {
        let a: Vec<OsString> = ["kinerja", "report", "--lang", "en"]
            .iter()
            .map(Into::into)
            .collect();
        assert_eq!(peek_lang(&a), Some(Lang::En));
        let a: Vec<OsString> = ["kinerja", "--lang=id"].iter().map(Into::into).collect();
        assert_eq!(peek_lang(&a), Some(Lang::Id));
    }
}
