//! The galley command line: `run`, `stage`, `stages`, `validate`, `restore`, `lexicon`.
//!
//! A custom binary registers its own stages next to the built-in ones and calls
//! [`main_with`]; see `examples/custom-stage`.

mod cli;
mod commands;

use std::process::ExitCode;

pub use galley_driver::Registry;
pub use galley_record as record;

/// Every stage built into the `galley` binary, in pipeline order.
pub fn builtin_registry() -> Registry {
    Registry::new()
        .with(galley_cleanup::spec())
        .with(galley_metadata::spec())
        .with(galley_sentences::spec())
        .with(galley_quotes::spec())
}

/// Parses the command line and runs it with the stages of `registry`; errors are printed
/// as `galley: …` with their causes, and turned into the exit code.
pub fn main_with(registry: Registry) -> ExitCode {
    use clap::Parser;
    let cli = cli::Cli::parse();
    match commands::dispatch(cli, &registry) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("galley: {err}");
            for cause in err.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::FAILURE
        }
    }
}
