//! `kinerja`: argument parsing and dispatch; nothing else.

fn main() {
    kinerja::alloc::tune();
    std::process::exit(kinerja::cli::main_with_args(std::env::args_os()));
}
