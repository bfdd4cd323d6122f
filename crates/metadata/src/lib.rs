//! Stage `metadata`: bibliographic fields (title, authors, publication, dates, credits, site…)
//! and page zones (boilerplate, header, body, footer) read from the plain text of archive pages.
//! Usable alone through [`extract`] / [`MetadataStage`], or in a pipeline as `use = "metadata"`.

pub mod dates;
mod extract;
mod learn;
pub mod lines;

use galley_record::{
    parse_options, Corpus, Document, OptionDoc, Options, Stage, StageError, StageSpec,
};
use serde::Deserialize;

pub use extract::{extract, Extraction, Field, FieldValue, Metadata, Settings, FIELD_ORDER};
pub use learn::Repetition;

const NAME: &str = "metadata";

/// Options of the `metadata` stage.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MetadataOptions {
    /// Non-blank lines at the top of a page searched for chrome, title and header lines.
    pub head_lines: usize,
    /// Non-blank lines at the bottom of a page searched for chrome, signature and footer lines.
    pub tail_lines: usize,
    /// Leading body paragraphs searched for editorial notes ("first published in …").
    pub intro_paragraphs: usize,
    /// Learn site chrome from lines repeated across documents (needs a corpus pass).
    pub learn_repetition: bool,
    /// Fewest documents for repetition counts to be trusted; smaller inputs use shape rules only.
    pub min_corpus_docs: usize,
    /// Share of documents a line must appear in to count as chrome.
    pub repeat_ratio: f64,
    /// Fewest documents a line must appear in to count as chrome, whatever the ratio.
    pub min_repeats: u32,
}

impl Default for MetadataOptions {
    fn default() -> Self {
        MetadataOptions {
            head_lines: 40,
            tail_lines: 40,
            intro_paragraphs: 5,
            learn_repetition: true,
            min_corpus_docs: 10,
            repeat_ratio: 0.05,
            min_repeats: 3,
        }
    }
}

const OPTIONS: &[OptionDoc] = &[
    OptionDoc { name: "head_lines", kind: "integer", default: "40", help: "Non-blank lines at the top of a page searched for chrome, title and header lines." },
    OptionDoc { name: "tail_lines", kind: "integer", default: "40", help: "Non-blank lines at the bottom of a page searched for chrome, signature and footer lines." },
    OptionDoc { name: "intro_paragraphs", kind: "integer", default: "5", help: "Leading body paragraphs searched for editorial notes (\"first published in …\", \"signed …\")." },
    OptionDoc { name: "learn_repetition", kind: "bool", default: "true", help: "Learn site chrome from lines repeated across documents (a first pass over the input)." },
    OptionDoc { name: "min_corpus_docs", kind: "integer", default: "10", help: "Fewest documents for repetition counts to be trusted; smaller inputs use shape rules only." },
    OptionDoc { name: "repeat_ratio", kind: "float", default: "0.05", help: "Share of documents a line must appear in to count as chrome." },
    OptionDoc { name: "min_repeats", kind: "integer", default: "3", help: "Fewest documents a line must appear in to count as chrome, whatever the ratio." },
];

/// The stage: reads `text`, writes `metadata`, `metadata_spans` and `zones`.
#[derive(Debug, Clone, Default)]
pub struct MetadataStage {
    options: MetadataOptions,
    repetition: Option<Repetition>,
}

impl MetadataStage {
    pub fn new(options: MetadataOptions) -> Self {
        MetadataStage {
            options,
            repetition: None,
        }
    }

    fn settings(&self) -> Settings {
        Settings {
            head_lines: self.options.head_lines,
            tail_lines: self.options.tail_lines,
            intro_paragraphs: self.options.intro_paragraphs,
        }
    }

    /// Learns repeated chrome lines from raw texts (the library form of [`Stage::learn`]).
    pub fn learn_texts<'a>(
        &mut self,
        texts: impl rayon::iter::IntoParallelIterator<Item = &'a str>,
    ) {
        let mut rep = Repetition::default();
        rep.add_texts(texts, self.options.head_lines);
        self.finish_learning(rep);
    }

    fn finish_learning(&mut self, mut rep: Repetition) {
        rep.finish(
            self.options.min_corpus_docs,
            self.options.repeat_ratio,
            self.options.min_repeats,
        );
        self.repetition = Some(rep);
    }

    /// Reads one text.
    pub fn extract(&self, text: &str) -> Extraction {
        extract(text, &self.settings(), self.repetition.as_ref())
    }
}

impl Stage for MetadataStage {
    fn name(&self) -> &str {
        NAME
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let found = self.extract(&doc.text);
        let (values, spans) = found.metadata.to_json();
        doc.set("metadata", values);
        doc.set("metadata_spans", spans);
        doc.set("zones", found.zones);
        Ok(())
    }

    fn outputs(&self) -> &[&str] {
        &["zones"]
    }

    fn wants_corpus(&self) -> bool {
        self.options.learn_repetition
    }

    fn learn(&mut self, corpus: &mut dyn Corpus) -> Result<(), StageError> {
        let mut rep = Repetition::default();
        let window = self.options.head_lines;
        corpus.for_each_batch(&mut |batch| rep.add_batch(batch, window))?;
        self.finish_learning(rep);
        Ok(())
    }
}

fn build(options: &Options) -> Result<Box<dyn Stage>, StageError> {
    let options: MetadataOptions = parse_options(NAME, options)?;
    if !(0.0..=1.0).contains(&options.repeat_ratio) {
        return Err(StageError::Options {
            stage: NAME.into(),
            message: "repeat_ratio must be between 0 and 1".into(),
        });
    }
    Ok(Box::new(MetadataStage::new(options)))
}

/// How the driver lists and builds this stage.
pub fn spec() -> StageSpec {
    StageSpec {
        name: NAME,
        summary: "Bibliographic fields (title, authors, source, dates, credits, site) and boilerplate/header/body/footer zones",
        options: OPTIONS,
        build,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_are_checked() {
        let table: Options = toml::from_str("head_line = 3").unwrap();
        let err = (spec().build)(&table)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("head_line"), "{err}");
        let table: Options = toml::from_str("repeat_ratio = 2.0").unwrap();
        assert!((spec().build)(&table).is_err());
        let table: Options = toml::from_str("head_lines = 10\nlearn_repetition = false").unwrap();
        let stage = (spec().build)(&table).unwrap();
        assert!(!stage.wants_corpus());
    }

    #[test]
    fn documented_defaults_are_the_defaults() {
        let table: String = OPTIONS
            .iter()
            .map(|o| format!("{} = {}\n", o.name, o.default))
            .collect();
        let table: Options = toml::from_str(&table).unwrap();
        let parsed: MetadataOptions = parse_options(NAME, &table).unwrap();
        assert_eq!(parsed, MetadataOptions::default());
    }

    #[test]
    fn writes_fields_and_zones() {
        let mut doc = Document::new("1", "Home | Archive\n\nA Title Here\n\nFrom The Weekly Worker, Vol. 2 No. 3, 4 May 1950, p. 2.\n\nThe text of the article runs on for a while, as articles do, and ends here.\n");
        MetadataStage::default().process(&mut doc).unwrap();
        let meta = doc.get("metadata").unwrap();
        assert_eq!(meta["title"], "A Title Here");
        assert_eq!(meta["date_published"], "1950-05-04");
        assert_eq!(doc.array_len("zones"), 3);
        assert_eq!(doc.get("metadata_spans").unwrap()["title"]["start"], 16);
    }
}
