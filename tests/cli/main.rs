//! Integration tests: cli. One binary, one module per area; shared helpers in tests/support.

#[path = "../support/mod.rs"]
mod support;

mod cli;
mod cli_judgement;
mod cli_numbers;
mod cli_report_csv;
mod cli_vocabulary;
mod demo_scale;
mod full_disk;
mod hostile_files;
mod json_language;
mod keymap_env;
mod laporan;
mod perf_demo_cli;
mod peta_addendum;
mod realisasi_xlsx;
mod report_plan;
mod round;
mod round_analysis;
mod round_due;
mod round_evidence;
mod round_findings;
mod server_access;
mod server_conflict;
mod server_faults;
mod server_users;
mod small_things;
mod store_backup;
