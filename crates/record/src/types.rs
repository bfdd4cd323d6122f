//! The typed pieces stages write into a record (`edits`, `zones`, `sentences`, `quotes`).
//! All offsets are character offsets into the record's current `text`, end exclusive.

use serde::{Deserialize, Serialize};

use crate::CharIndex;

/// A half-open character range `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// One change cleanup made. `start..end` is where `replacement` sits in the cleaned text;
/// `original` is exactly what stood there before, so the edit can be undone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub original: String,
    pub replacement: String,
    /// What kind of artifact: `normalize`, `punctuation`, `spelling`, `context`, ….
    pub kind: String,
    pub confidence: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ZoneKind {
    Boilerplate,
    Header,
    Body,
    Footer,
}

/// A run of lines of one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Zone {
    pub start: usize,
    pub end: usize,
    pub kind: ZoneKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Speech or writing with a speaker.
    Direct,
    /// So-called terms, irony, distancing.
    Scare,
    /// Books, periodicals, articles, songs.
    Title,
    /// A neutral citation of a name or term.
    Other,
}

impl QuoteKind {
    /// The name used in JSON (`direct`, `scare`, `title`, `other`).
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Scare => "scare",
            QuoteKind::Title => "title",
            QuoteKind::Other => "other",
        }
    }
}

/// A surface form in the text and where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// One quotation span.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: QuoteKind,
    /// Canonical name of the speaker in this document; `None` when not attributable.
    pub speaker: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_mention: Option<Mention>,
    pub cue: Option<String>,
    /// Which attribution rule fired.
    pub sieve: Option<String>,
    pub confidence: f64,
    /// Spans of one quotation (split by a cue, or over several paragraphs) share a group.
    pub group: usize,
    /// `false` for a block quotation found without quote marks.
    pub marks: bool,
}

/// Why edits cannot be undone on a text.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum RestoreError {
    #[error("edit {index}: span {start}..{end} is outside the text or overlaps the previous edit")]
    BadSpan {
        index: usize,
        start: usize,
        end: usize,
    },
    #[error("edit {index}: text at {start}..{end} is {found:?}, but the edit says {expected:?}")]
    Mismatch {
        index: usize,
        start: usize,
        end: usize,
        expected: String,
        found: String,
    },
}

/// Rebuilds the original text from a cleaned text and its edits (sorted, non-overlapping,
/// offsets into the cleaned text). Checks every edit, so a tampered record is an error, not
/// a silently wrong text.
pub fn restore(text: &str, edits: &[Edit]) -> Result<String, RestoreError> {
    let index = CharIndex::new(text);
    let mut out = String::with_capacity(text.len());
    let mut at = 0usize; // byte offset in `text` copied so far
    for (i, edit) in edits.iter().enumerate() {
        let bad = || RestoreError::BadSpan {
            index: i,
            start: edit.start,
            end: edit.end,
        };
        let start = index.byte_at(edit.start).ok_or_else(bad)?;
        let end = index.byte_at(edit.end).ok_or_else(bad)?;
        if start < at || end < start {
            return Err(bad());
        }
        let found = &text[start..end];
        if found != edit.replacement {
            return Err(RestoreError::Mismatch {
                index: i,
                start: edit.start,
                end: edit.end,
                expected: edit.replacement.clone(),
                found: found.to_owned(),
            });
        }
        out.push_str(&text[at..start]);
        out.push_str(&edit.original);
        at = end;
    }
    out.push_str(&text[at..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(start: usize, end: usize, original: &str, replacement: &str) -> Edit {
        Edit {
            start,
            end,
            original: original.into(),
            replacement: replacement.into(),
            kind: "spelling".into(),
            confidence: 1.0,
        }
    }

    #[test]
    fn restores_in_order() {
        // "’s figurh.Here" -> "’s figure. Here"
        let cleaned = "’s figure. Here";
        let edits = [edit(3, 9, "figurh", "figure"), edit(9, 11, ".", ". ")];
        assert_eq!(restore(cleaned, &edits).unwrap(), "’s figurh.Here");
    }

    #[test]
    fn tampered_text_is_an_error() {
        let err = restore("the figure", &[edit(4, 10, "figurh", "figurx")]).unwrap_err();
        assert!(matches!(err, RestoreError::Mismatch { index: 0, .. }));
        assert!(restore("abc", &[edit(2, 9, "", "c")]).is_err());
    }
}
