//! A galley binary with one extra stage written in Rust: `reading_time`, which adds an
//! estimated reading time in minutes. Copy this crate to start your own stage: implement
//! [`Stage`], describe it with a [`StageSpec`], and add it to the built-in registry.
//!
//! ```text
//! cargo run -p galley-custom-stage-example -- stage reading_time --set words_per_minute=180 < in.jsonl
//! ```

use std::process::ExitCode;

use galley::record::{parse_options, Document, OptionDoc, Stage, StageError, StageSpec};
use serde::Deserialize;

/// Options of `reading_time`, as written in pipeline.toml.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct ReadingTimeOptions {
    /// Reading speed used for the estimate.
    words_per_minute: f64,
}

impl Default for ReadingTimeOptions {
    fn default() -> Self {
        ReadingTimeOptions {
            words_per_minute: 230.0,
        }
    }
}

#[derive(Debug)]
struct ReadingTime {
    words_per_minute: f64,
}

impl Stage for ReadingTime {
    fn name(&self) -> &str {
        "reading_time"
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let words = doc.text.split_whitespace().count() as f64;
        let minutes = (words / self.words_per_minute * 10.0).round() / 10.0;
        doc.set("reading_minutes", minutes);
        Ok(())
    }
}

fn spec() -> StageSpec {
    StageSpec {
        name: "reading_time",
        summary: "Adds `reading_minutes`, an estimated reading time.",
        options: &[OptionDoc {
            name: "words_per_minute",
            kind: "float",
            default: "230",
            help: "Reading speed used for the estimate.",
        }],
        build: |options| {
            let o: ReadingTimeOptions = parse_options("reading_time", options)?;
            if o.words_per_minute <= 0.0 {
                return Err(StageError::Options {
                    stage: "reading_time".into(),
                    message: "`words_per_minute` must be positive".into(),
                });
            }
            Ok(Box::new(ReadingTime {
                words_per_minute: o.words_per_minute,
            }))
        },
    }
}

fn main() -> ExitCode {
    galley::main_with(galley::builtin_registry().with(spec()))
}
