//! The `huzhu` command line: the same core functions the app calls, for power users, scripts and
//! the acceptance checks. Errors print the localised message on stderr and exit non-zero.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
