//! The galley driver: reads `pipeline.toml`, streams documents from files or stdin through
//! stages in parallel batches, and writes JSONL, rejects and run statistics.
//!
//! It knows stages only through [`galley_record::Stage`] and the [`Registry`] of
//! [`galley_record::StageSpec`]s a binary hands it.

mod config;
mod decode;
mod external;
mod input;
mod output;
mod registry;
mod run;

pub use config::{ErrorPolicy, PipelineConfig, StageConfig, StageKind};
pub use input::Reject;
pub use input::{expand_inputs, InputSource};
pub use output::write_file_atomic;
pub use registry::Registry;
pub use run::{run_pipeline, LoadedCorpus, RunOptions, RunSummary, StageStats};

/// Everything the driver can fail with, each naming the file (and line) involved.
#[derive(Debug, thiserror::Error)]
pub enum DriverError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Config { path: String, message: String },
    #[error("{0}")]
    Input(String),
    #[error("stage `{stage}`: {message}")]
    Stage { stage: String, message: String },
}

impl DriverError {
    pub(crate) fn io(path: impl std::fmt::Display, source: std::io::Error) -> Self {
        DriverError::Io {
            path: path.to_string(),
            source,
        }
    }
}
