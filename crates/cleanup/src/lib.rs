//! Stage `cleanup`: repairs OCR and transcription artifacts — Unicode and encoding damage,
//! spacing and punctuation slips, misspelt words, variants of names, real-word errors —
//! while leaving correct rare words alone, and records every change so it can be undone.
//!
//! Library use: [`Cleanup::new`] (optionally [`Cleanup::with_corpus`]) then
//! [`Cleanup::clean`]; the driver uses [`spec`].

mod channel;
mod context;
mod corpus;
mod lexicon;
mod normalize;
mod punct;
mod spell;
mod tokens;
mod tracker;

use std::path::PathBuf;
use std::sync::Arc;

use galley_record::{
    parse_options, restore, CharIndex, Corpus, Document, Edit, OptionDoc, Options, Stage,
    StageError, StageSpec,
};
use serde::Deserialize;

pub use corpus::{CorpusLexicon, LexiconError};
pub use lexicon::Lexicon;

const NAME: &str = "cleanup";

/// Whether `CLEANUP_DEBUG` asks for the candidates each decision weighed (read once: the
/// environment is locked and scanned on every read).
fn debug() -> bool {
    static DEBUG: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *DEBUG.get_or_init(|| std::env::var_os("CLEANUP_DEBUG").is_some())
}

/// The layers, in the order they run.
pub const LAYERS: &[&str] = &["normalize", "punctuation", "spelling", "context"];

/// Options of the `cleanup` stage.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CleanupOptions {
    /// Corrections (spelling, variants, context) below this confidence (0–1) are not made.
    /// Raise it to make fewer, safer changes.
    pub min_confidence: f64,
    /// Which layers run, any of `normalize` (Unicode, ligatures, mojibake, invisible
    /// characters, line-break hyphenation), `punctuation` (spacing and punctuation
    /// artifacts), `spelling` (non-words and corpus-internal name variants) and `context`
    /// (real-word errors from bigram context).
    pub layers: Vec<String>,
    /// A word-count file (`galley lexicon build INPUT -o lexicon.tsv`) to use instead of a
    /// first pass over the input: lets a stage run or a cluster shard share one lexicon.
    pub lexicon: Option<PathBuf>,
    /// Record the proposed edits in `suggested_edits` (offsets into the unchanged text) and
    /// leave `text` and `edits` untouched: review first, apply later.
    pub dry_run: bool,
}

impl Default for CleanupOptions {
    fn default() -> Self {
        CleanupOptions {
            min_confidence: 0.7,
            layers: LAYERS.iter().map(|s| (*s).to_owned()).collect(),
            lexicon: None,
            dry_run: false,
        }
    }
}

const OPTION_DOCS: &[OptionDoc] = &[
    OptionDoc {
        name: "min_confidence",
        kind: "float",
        default: "0.7",
        help: "corrections below this confidence (0-1) are not made",
    },
    OptionDoc {
        name: "layers",
        kind: "list of strings",
        default: "[\"normalize\", \"punctuation\", \"spelling\", \"context\"]",
        help: "which layers run",
    },
    OptionDoc {
        name: "lexicon",
        kind: "string",
        default: "none (count the input in a first pass)",
        help: "word counts from `galley lexicon build` to use instead of a first pass",
    },
    OptionDoc {
        name: "dry_run",
        kind: "bool",
        default: "false",
        help: "write proposed edits to `suggested_edits` and leave the text unchanged",
    },
];

/// The stage as the driver sees it.
pub fn spec() -> StageSpec {
    StageSpec {
        name: NAME,
        summary: "Repair OCR/transcription artifacts (encoding, punctuation, misspellings, name variants) with a full edit log",
        options: OPTION_DOCS,
        build: |options: &Options| {
            let opts: CleanupOptions = parse_options(NAME, options)?;
            Ok(Box::new(Cleanup::new(opts)?) as Box<dyn Stage>)
        },
    }
}

/// Which layers are on.
#[derive(Debug, Clone, Copy, Default)]
struct Layers {
    normalize: bool,
    punctuation: bool,
    spelling: bool,
    context: bool,
}

/// The cleanup stage.
#[derive(Debug, Clone)]
pub struct Cleanup {
    options: CleanupOptions,
    layers: Layers,
    corpus: Option<Arc<CorpusLexicon>>,
}

/// A cleaned text and the edits that lead back to the original.
#[derive(Debug, Clone, PartialEq)]
pub struct Cleaned {
    pub text: String,
    /// Character offsets into `text`, sorted, non-overlapping; `restore(text, edits)` gives
    /// back the input.
    pub edits: Vec<Edit>,
}

impl Cleanup {
    /// Checks the options and loads `lexicon` if one is named. The embedded dictionary is
    /// loaded here too, so the first document does not pay for it.
    pub fn new(options: CleanupOptions) -> Result<Self, StageError> {
        let mut layers = Layers::default();
        for l in &options.layers {
            match l.as_str() {
                "normalize" => layers.normalize = true,
                "punctuation" => layers.punctuation = true,
                "spelling" => layers.spelling = true,
                "context" => layers.context = true,
                other => {
                    return Err(StageError::Options {
                        stage: NAME.into(),
                        message: format!(
                            "unknown layer `{other}` (expected one of {})",
                            LAYERS.join(", ")
                        ),
                    })
                }
            }
        }
        if !(0.0..=1.0).contains(&options.min_confidence) {
            return Err(StageError::Options {
                stage: NAME.into(),
                message: format!(
                    "min_confidence must be between 0 and 1, got {}",
                    options.min_confidence
                ),
            });
        }
        let corpus = match &options.lexicon {
            Some(path) => Some(Arc::new(CorpusLexicon::read_tsv(path).map_err(|e| {
                StageError::Options {
                    stage: NAME.into(),
                    message: format!("lexicon: {e}"),
                }
            })?)),
            None => None,
        };
        let _ = Lexicon::embedded();
        Ok(Cleanup {
            options,
            layers,
            corpus,
        })
    }

    /// Uses these corpus counts (instead of a first pass).
    pub fn with_corpus(mut self, corpus: CorpusLexicon) -> Self {
        self.corpus = Some(Arc::new(corpus));
        self
    }

    /// Cleans one text.
    pub fn clean(&self, text: &str) -> Cleaned {
        let (text, edits) = self.run(tracker::Tracker::new(text.to_owned()));
        Cleaned { text, edits }
    }

    fn run(&self, mut t: tracker::Tracker) -> (String, Vec<Edit>) {
        let lex = Lexicon::embedded();
        if self.layers.normalize {
            t.apply(normalize::nfc(t.text()));
            t.apply(normalize::characters(t.text()));
            let corpus = self.corpus.as_deref();
            let known = |w: &str| lex.knows(w) || corpus.is_some_and(|c| c.count(w) >= 2);
            t.apply(normalize::hyphenation(t.text(), &known));
        }
        if self.layers.punctuation {
            t.apply(punct::punctuation(t.text()));
        }
        let corpus = self.corpus.as_deref();
        let min = self.options.min_confidence;
        if self.layers.spelling || self.layers.context {
            let tokens = tokens::tokenize(t.text());
            let doc = corpus::DocCounts::new(t.text(), &tokens);
            let ev = spell::Evidence {
                lex,
                corpus,
                doc: &doc,
                written: &[],
            };
            let mut repls = if self.layers.spelling {
                spell::spelling(t.text(), &tokens, &ev, min)
            } else {
                Vec::new()
            };
            if self.layers.context {
                let context = context::real_words(t.text(), &tokens, &ev, min, &repls);
                // Different tokens by construction: merge into one sorted layer.
                repls.extend(context);
                repls.sort_by_key(|r| r.start);
            }
            t.apply(repls);
        }
        t.finish()
    }

    /// Cleans a document in place: `text` and `edits` (or `suggested_edits` in dry-run
    /// mode). Edits already in the record are kept and merged with the new ones, so the
    /// original text stays recoverable however many times cleanup runs.
    pub fn clean_document(&self, doc: &mut Document) -> Result<(), StageError> {
        let previous: Vec<Edit> = doc
            .get_as("edits")
            .map_err(|message| StageError::Field {
                field: "edits".into(),
                message,
            })?
            .unwrap_or_default();
        if let Err(e) = restore(&doc.text, &previous) {
            return Err(StageError::Field {
                field: "edits".into(),
                message: e.to_string(),
            });
        }
        if self.options.dry_run {
            let cleaned = self.clean(&doc.text);
            doc.set("suggested_edits", tracker::as_suggestions(&cleaned.edits));
            return Ok(());
        }
        let index = CharIndex::new(&doc.text);
        let mut t = tracker::Tracker::new(doc.text.clone());
        t.seed(&previous, &index);
        let (text, edits) = self.run(t);
        doc.text = text;
        doc.set("edits", edits);
        Ok(())
    }
}

impl Stage for Cleanup {
    fn name(&self) -> &str {
        NAME
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        self.clean_document(doc)
    }

    fn outputs(&self) -> &[&str] {
        if self.options.dry_run {
            &["suggested_edits"]
        } else {
            &["edits"]
        }
    }

    fn wants_corpus(&self) -> bool {
        self.corpus.is_none()
            && (self.layers.spelling || self.layers.context || self.layers.normalize)
    }

    fn learn(&mut self, corpus: &mut dyn Corpus) -> Result<(), StageError> {
        if self.corpus.is_none() {
            self.corpus = Some(Arc::new(CorpusLexicon::from_corpus(corpus)?));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(toml_text: &str) -> Result<Box<dyn Stage>, StageError> {
        let table: Options = toml::from_str(toml_text).unwrap();
        (spec().build)(&table)
    }

    #[test]
    fn options_are_checked() {
        assert!(build("").is_ok());
        let err = build("layers = [\"spelling\", \"grammar\"]")
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("grammar"), "{err}");
        assert!(build("min_confidence = 2.0").is_err());
        assert!(build("min_confidnce = 0.5").is_err());
        let err = build("lexicon = \"/nonexistent/lexicon.tsv\"")
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("lexicon"), "{err}");
    }

    #[test]
    fn process_records_edits_and_a_second_run_keeps_them() {
        let stage = build("").unwrap();
        let original = "An active political figurh.Here ; done";
        let mut doc = Document::new("d", original);
        stage.process(&mut doc).unwrap();
        assert_eq!(doc.text, "An active political figure. Here; done");
        let edits: Vec<Edit> = doc.get_as("edits").unwrap().unwrap();
        assert_eq!(restore(&doc.text, &edits).unwrap(), original);
        // Running again adds nothing and keeps the log.
        let before = doc.clone();
        stage.process(&mut doc).unwrap();
        assert_eq!(doc, before);
    }

    #[test]
    fn earlier_edits_merge_with_new_ones() {
        let stage = build("layers = [\"spelling\"]").unwrap();
        let mut doc = Document::new("d", "a figurh , and");
        stage.process(&mut doc).unwrap();
        let punct = build("layers = [\"punctuation\"]").unwrap();
        punct.process(&mut doc).unwrap();
        assert_eq!(doc.text, "a figure, and");
        let edits: Vec<Edit> = doc.get_as("edits").unwrap().unwrap();
        assert_eq!(edits.len(), 2);
        assert_eq!(restore(&doc.text, &edits).unwrap(), "a figurh , and");
    }

    #[test]
    fn dry_run_suggests_without_changing() {
        let stage = build("dry_run = true").unwrap();
        let original = "Trotsky’s figurh.Here";
        let mut doc = Document::new("d", original);
        stage.process(&mut doc).unwrap();
        assert_eq!(doc.text, original);
        assert!(doc.get("edits").is_none());
        let suggested: Vec<Edit> = doc.get_as("suggested_edits").unwrap().unwrap();
        assert_eq!(suggested.len(), 2);
        let chars: Vec<char> = original.chars().collect();
        for s in &suggested {
            assert_eq!(chars[s.start..s.end].iter().collect::<String>(), s.original);
        }
    }

    #[test]
    fn bad_edit_log_is_a_record_error() {
        let stage = build("").unwrap();
        let mut doc = Document::new("d", "text");
        doc.set("edits", serde_json::json!([{"start": 0, "end": 2, "original": "x", "replacement": "zz", "kind": "spelling", "confidence": 1.0}]));
        assert!(matches!(
            stage.process(&mut doc),
            Err(StageError::Field { .. })
        ));
        doc.set("edits", "nonsense");
        assert!(stage.process(&mut doc).is_err());
    }

    #[test]
    fn learning_the_corpus_enables_variants() {
        let mut stage = Cleanup::new(CleanupOptions::default()).unwrap();
        assert!(stage.wants_corpus());
        let mut corpus = vec![
            Document::new("a", "Kashketin spoke. Kashketin left. Kashketin wrote."),
            Document::new("b", "Then Kashkctin said no."),
        ];
        stage.learn(&mut corpus).unwrap();
        let mut doc = corpus[1].clone();
        stage.process(&mut doc).unwrap();
        assert_eq!(doc.text, "Then Kashketin said no.");
        let alone = Cleanup::new(CleanupOptions::default()).unwrap();
        let mut doc = Document::new("b", "Then Kashkctin said no.");
        alone.process(&mut doc).unwrap();
        assert_eq!(doc.text, "Then Kashkctin said no.");
    }
}
