//! Stage `sentences`: splits a record's text into sentence spans (character offsets), robust to
//! archive layout (headings, lists, datelines, letters), abbreviations and initials, quotations,
//! ellipses and OCR damage. Works on bytes in one forward pass; usable without the driver
//! through [`Splitter`].
//!
//! ```
//! let splitter = galley_sentences::Splitter::default();
//! let text = "From Vol. 12 No. 17, p. 4. L.D. Trotsky wrote it in 1929.Here we stop.";
//! let sentences: Vec<&str> = splitter.split_str(text).collect();
//! assert_eq!(sentences, ["From Vol. 12 No. 17, p. 4.", "L.D. Trotsky wrote it in 1929.", "Here we stop."]);
//! ```

mod boundary;
mod chars;
mod layout;
mod lexicon;

use galley_record::{
    parse_options, CharIndex, Document, OptionDoc, Options, Span, Stage, StageError, StageSpec,
    Zone,
};
use serde::{Deserialize, Serialize};

pub use layout::LineBreaks;

use boundary::{Blocks, Flags};
use lexicon::Lexicon;

/// The stage's name in `pipeline.toml` and the field it writes.
pub const NAME: &str = "sentences";

/// Options of the `sentences` stage (`[[stage]] use = "sentences"` in `pipeline.toml`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SentenceOptions {
    /// Split between sentences inside quotation marks (`“We lost. We go on.”` is two
    /// sentences). When false, a quotation closed within its paragraph is never split.
    pub split_inside_quotes: bool,
    /// Extra abbreviations, without the final stop and case-insensitive (`["Sobr", "Izd"]`):
    /// a stop after them ends a sentence only before a typical sentence opener (`The`, `He`).
    pub abbreviations: Vec<String>,
    /// Extra abbreviations that never end a sentence before a capitalised word or a number
    /// (prefixes such as `["approx", "Rt"]`).
    pub prefix_abbreviations: Vec<String>,
    /// How single line breaks inside a paragraph are read: `auto` (from the layout: headings,
    /// list items, datelines, salutations stand alone; wrapped lines are joined), `paragraph`
    /// (only blank lines end a segment) or `line` (every line break ends one).
    pub line_breaks: LineBreaks,
    /// End a segment at every `zones` boundary written by the metadata stage, when present.
    pub respect_zones: bool,
    /// Split before a lower-case word after a full stop when the word before the stop is an
    /// ordinary word or a year (`arrested in 1935. the camp`): OCR often loses capitals.
    pub split_lowercase: bool,
    /// Split at a terminator followed directly by a capitalised word (`in 1929.Here we`).
    pub split_missing_space: bool,
}

impl Default for SentenceOptions {
    fn default() -> Self {
        SentenceOptions {
            split_inside_quotes: true,
            abbreviations: Vec::new(),
            prefix_abbreviations: Vec::new(),
            line_breaks: LineBreaks::Auto,
            respect_zones: true,
            split_lowercase: true,
            split_missing_space: true,
        }
    }
}

const OPTION_DOCS: &[OptionDoc] = &[
    OptionDoc {
        name: "split_inside_quotes",
        kind: "bool",
        default: "true",
        help: "Split between sentences inside quotation marks; false keeps a quotation closed within its paragraph in one sentence.",
    },
    OptionDoc {
        name: "abbreviations",
        kind: "list of strings",
        default: "[]",
        help: "Extra abbreviations (no final stop, any case); a stop after them ends a sentence only before a typical opener (The, He, However).",
    },
    OptionDoc {
        name: "prefix_abbreviations",
        kind: "list of strings",
        default: "[]",
        help: "Extra abbreviations that never end a sentence before a capitalised word or number (approx, Rt).",
    },
    OptionDoc {
        name: "line_breaks",
        kind: "string",
        default: "\"auto\"",
        help: "auto: headings, list items, datelines, salutations stand alone and wrapped lines are joined; paragraph: only blank lines end a segment; line: every line break ends one.",
    },
    OptionDoc {
        name: "respect_zones",
        kind: "bool",
        default: "true",
        help: "End a segment at every boundary of the `zones` field (metadata stage), when present.",
    },
    OptionDoc {
        name: "split_lowercase",
        kind: "bool",
        default: "true",
        help: "Split before a lower-case word after a full stop that follows an ordinary word or a year (OCR lost the capital).",
    },
    OptionDoc {
        name: "split_missing_space",
        kind: "bool",
        default: "true",
        help: "Split at a terminator followed directly by a capitalised word (`in 1929.Here`).",
    },
];

/// The stage as the driver knows it.
pub fn spec() -> StageSpec {
    StageSpec {
        name: NAME,
        summary: "Sentence spans robust to archive layout, abbreviations, initials, quotes, ellipses and OCR damage",
        options: OPTION_DOCS,
        build,
    }
}

fn build(options: &Options) -> Result<Box<dyn Stage>, StageError> {
    let options: SentenceOptions = parse_options(NAME, options)?;
    Ok(Box::new(SentencesStage::new(options)))
}

/// A configured sentence splitter. Cheap to share between threads.
#[derive(Debug, Clone)]
pub struct Splitter {
    lexicon: Lexicon,
    flags: Flags,
    line_breaks: LineBreaks,
}

impl Default for Splitter {
    fn default() -> Self {
        Splitter::new(&SentenceOptions::default())
    }
}

impl Splitter {
    pub fn new(options: &SentenceOptions) -> Self {
        Splitter {
            lexicon: Lexicon::new(&options.abbreviations, &options.prefix_abbreviations),
            flags: Flags {
                split_inside_quotes: options.split_inside_quotes,
                split_lowercase: options.split_lowercase,
                split_missing_space: options.split_missing_space,
            },
            line_breaks: options.line_breaks,
        }
    }

    /// Sentence byte ranges of `text`, in order, trimmed, covering every non-blank character.
    /// `cuts` are extra byte offsets where a segment must end (zone boundaries); offsets that
    /// are out of range or not on a character boundary are ignored.
    pub fn split_bytes(&self, text: &str, cuts: &[usize]) -> Vec<(usize, usize)> {
        let mut regions: Vec<usize> = cuts
            .iter()
            .copied()
            .filter(|&c| c < text.len() && text.is_char_boundary(c))
            .collect();
        regions.sort_unstable();
        regions.dedup();
        let mut blocks = Vec::new();
        let mut from = 0;
        for cut in regions.into_iter().chain(std::iter::once(text.len())) {
            layout::blocks(text, from, cut, self.line_breaks, &mut blocks);
            from = cut;
        }
        let splitter = Blocks {
            text,
            lexicon: &self.lexicon,
            flags: self.flags,
        };
        let mut out = Vec::with_capacity(text.len() / 80 + 1);
        for (bs, be) in blocks {
            splitter.split(bs, be, &mut out);
        }
        out
    }

    /// Sentence spans of `text` in character offsets.
    pub fn split(&self, text: &str) -> Vec<Span> {
        to_char_spans(text, &self.split_bytes(text, &[]))
    }

    /// Sentence spans of `text` in character offsets, never crossing a zone boundary.
    pub fn split_with_zones(&self, text: &str, zones: &[Zone]) -> Vec<Span> {
        if zones.is_empty() {
            return self.split(text);
        }
        let index = CharIndex::new(text);
        let cuts: Vec<usize> = zones
            .iter()
            .flat_map(|z| [z.start, z.end])
            .filter_map(|c| index.byte_at(c))
            .collect();
        to_char_spans(text, &self.split_bytes(text, &cuts))
    }

    /// The sentences of `text` as string slices.
    pub fn split_str<'t>(&self, text: &'t str) -> impl Iterator<Item = &'t str> + 't {
        self.split_bytes(text, &[])
            .into_iter()
            .map(move |(s, e)| &text[s..e])
    }
}

/// Converts ordered byte ranges to character spans in one forward pass.
fn to_char_spans(text: &str, ranges: &[(usize, usize)]) -> Vec<Span> {
    if text.is_ascii() {
        return ranges
            .iter()
            .map(|&(start, end)| Span { start, end })
            .collect();
    }
    let b = text.as_bytes();
    let (mut byte, mut ch) = (0usize, 0usize);
    let mut advance = |to: usize| {
        ch += chars::count_chars(&b[byte..to]);
        byte = to;
        ch
    };
    ranges
        .iter()
        .map(|&(s, e)| {
            let start = advance(s);
            Span {
                start,
                end: advance(e),
            }
        })
        .collect()
}

/// The `sentences` stage: writes `sentences: [{start, end}]` (character offsets).
#[derive(Debug, Clone)]
pub struct SentencesStage {
    splitter: Splitter,
    respect_zones: bool,
}

impl SentencesStage {
    pub fn new(options: SentenceOptions) -> Self {
        SentencesStage {
            splitter: Splitter::new(&options),
            respect_zones: options.respect_zones,
        }
    }

    pub fn splitter(&self) -> &Splitter {
        &self.splitter
    }
}

impl Default for SentencesStage {
    fn default() -> Self {
        SentencesStage::new(SentenceOptions::default())
    }
}

impl Stage for SentencesStage {
    fn name(&self) -> &str {
        NAME
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let zones: Vec<Zone> = if self.respect_zones {
            doc.get_as("zones")
                .map_err(|message| StageError::Field {
                    field: "zones".into(),
                    message,
                })?
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        let spans = self.splitter.split_with_zones(&doc.text, &zones);
        doc.set(NAME, spans);
        Ok(())
    }

    fn outputs(&self) -> &[&str] {
        &[NAME]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_parse_and_reject_unknown_keys() {
        let table: Options = toml::from_str(
            "split_inside_quotes = false\nabbreviations = [\"Comr\"]\nline_breaks = \"line\"",
        )
        .unwrap();
        let opts: SentenceOptions = parse_options(NAME, &table).unwrap();
        assert!(!opts.split_inside_quotes);
        assert_eq!(opts.line_breaks, LineBreaks::Line);
        let bad: Options = toml::from_str("split_inside_quote = false").unwrap();
        let err = (spec().build)(&bad)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("split_inside_quote"), "{err}");
        let docs: Vec<&str> = spec().options.iter().map(|o| o.name).collect();
        let value = serde_json::to_value(SentenceOptions::default()).unwrap();
        let fields: Vec<&String> = value.as_object().unwrap().keys().collect();
        assert_eq!(docs, fields, "every option is documented, in order");
    }

    #[test]
    fn stage_writes_char_spans_and_respects_zones() {
        let text = "Trotsky’s youngest son stayed in Moscow with his scientific work. He left\nfor the camps.";
        let chars = |s: &str| s.chars().count();
        let second = chars("Trotsky’s youngest son stayed in Moscow with his scientific work. ");
        let mut doc = Document::new("d", text);
        let stage = (spec().build)(&Options::new()).unwrap();
        stage.process(&mut doc).unwrap();
        let spans: Vec<Span> = doc.get_as("sentences").unwrap().unwrap();
        assert_eq!(
            spans,
            [
                Span {
                    start: 0,
                    end: second - 1
                },
                Span {
                    start: second,
                    end: chars(text)
                }
            ]
        );
        // A zone boundary at the line break cuts the second sentence.
        let cut = second + chars("He left");
        doc.set(
            "zones",
            serde_json::json!([{"start": 0, "end": cut, "kind": "body"}]),
        );
        stage.process(&mut doc).unwrap();
        let spans: Vec<Span> = doc.get_as("sentences").unwrap().unwrap();
        assert_eq!(
            spans[1..],
            [
                Span {
                    start: second,
                    end: cut
                },
                Span {
                    start: cut + 1,
                    end: chars(text)
                }
            ]
        );
        doc.set("zones", "nonsense");
        assert!(matches!(
            stage.process(&mut doc),
            Err(StageError::Field { .. })
        ));
    }
}
