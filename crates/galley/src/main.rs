//! The `galley` command. All the work is in the library, so a custom binary with extra
//! stages is the same three lines with a bigger registry.

use std::process::ExitCode;

fn main() -> ExitCode {
    galley::main_with(galley::builtin_registry())
}
