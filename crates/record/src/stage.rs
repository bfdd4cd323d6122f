//! The [`Stage`] trait, the [`StageSpec`] that describes and builds a stage from its options,
//! and the [`Corpus`] view handed to stages that learn from the whole input first.

use serde::de::DeserializeOwned;

use crate::Document;

/// A stage's options as written in `pipeline.toml` (or `--set KEY=VALUE`).
pub type Options = toml::Table;

/// Why a stage could not be built or could not process a record.
#[derive(Debug, thiserror::Error)]
pub enum StageError {
    /// The options table is wrong; the message names the key.
    #[error("stage `{stage}`: {message}")]
    Options { stage: String, message: String },
    /// A field of the record is not what the stage needs; the message names the field.
    #[error("field `{field}`: {message}")]
    Field { field: String, message: String },
    /// The corpus pass failed (I/O while re-reading the input, …).
    #[error("corpus pass: {0}")]
    Corpus(String),
    #[error("{0}")]
    Other(String),
}

/// One processing step over documents.
///
/// `process` is called on many documents at once from a thread pool, so a stage keeps no
/// per-document mutable state. A failure on one record is returned as an error; the driver
/// records it in that record's `errors` and passes the record on.
pub trait Stage: Send + Sync {
    /// The name used in `pipeline.toml`, errors and statistics.
    fn name(&self) -> &str;

    /// Annotates (or rewrites) one document in place.
    fn process(&self, doc: &mut Document) -> Result<(), StageError>;

    /// Array fields this stage fills (`["sentences"]`); the driver counts their entries for
    /// the run statistics.
    fn outputs(&self) -> &[&str] {
        &[]
    }

    /// Whether this stage wants to see the whole input before processing (see [`Stage::learn`]).
    fn wants_corpus(&self) -> bool {
        false
    }

    /// Called once before any `process`, when [`Stage::wants_corpus`] is true, with a view
    /// of the raw input documents (as read, before any stage ran).
    fn learn(&mut self, _corpus: &mut dyn Corpus) -> Result<(), StageError> {
        Ok(())
    }
}

/// The whole input, readable batch by batch, for a corpus-wide first pass.
pub trait Corpus {
    /// Calls `visit` on every batch of documents in input order. A stage typically counts
    /// each batch in parallel (rayon) and merges the counts.
    fn for_each_batch(&mut self, visit: &mut dyn FnMut(&[Document])) -> Result<(), StageError>;
}

/// A vector of documents is a corpus too (handy in tests and library use):
/// `stage.learn(&mut docs)`.
impl Corpus for Vec<Document> {
    fn for_each_batch(&mut self, visit: &mut dyn FnMut(&[Document])) -> Result<(), StageError> {
        visit(self);
        Ok(())
    }
}

/// How one option of a stage is documented in `galley stages`.
#[derive(Debug, Clone, Copy)]
pub struct OptionDoc {
    pub name: &'static str,
    /// `bool`, `float`, `integer`, `string`, `list of strings`, ….
    pub kind: &'static str,
    pub default: &'static str,
    pub help: &'static str,
}

/// Everything the driver needs to know about a stage it can build: how to list it and how to
/// build it from options. A registry is just a list of these.
#[derive(Debug, Clone, Copy)]
pub struct StageSpec {
    pub name: &'static str,
    /// One line for `galley stages`.
    pub summary: &'static str,
    pub options: &'static [OptionDoc],
    pub build: fn(&Options) -> Result<Box<dyn Stage>, StageError>,
}

/// Decodes a stage's options table into its options struct (which should use
/// `#[serde(deny_unknown_fields, default)]`), with an error that names the stage.
pub fn parse_options<T: DeserializeOwned>(stage: &str, options: &Options) -> Result<T, StageError> {
    toml::Value::Table(options.clone())
        .try_into()
        .map_err(|e: toml::de::Error| StageError::Options {
            stage: stage.to_owned(),
            message: e.message().trim().to_owned(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize, Default)]
    #[serde(deny_unknown_fields, default)]
    struct Opts {
        min_confidence: f64,
    }

    #[test]
    fn a_vec_of_documents_is_a_corpus() {
        let mut docs = vec![Document::new("a", "x"), Document::new("b", "y")];
        let corpus: &mut dyn Corpus = &mut docs;
        let mut seen = 0;
        corpus
            .for_each_batch(&mut |batch| seen += batch.len())
            .unwrap();
        assert_eq!(seen, 2);
    }

    #[test]
    fn unknown_option_is_named() {
        let table: Options = toml::from_str("min_confidnce = 0.5").unwrap();
        let err = parse_options::<Opts>("cleanup", &table)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("cleanup") && err.contains("min_confidnce"),
            "{err}"
        );
        let table: Options = toml::from_str("min_confidence = 0.5").unwrap();
        assert_eq!(
            parse_options::<Opts>("cleanup", &table)
                .unwrap()
                .min_confidence,
            0.5
        );
    }
}
