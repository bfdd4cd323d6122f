//! Applies the layers' replacements one layer at a time while keeping a single edit log
//! against the original text: edits from different layers that touch are merged into one,
//! so the log stays sorted, non-overlapping and restorable.

use galley_record::{CharIndex, Edit};

/// Kinds in increasing precedence: a merged edit takes the most specific kind.
const KIND_ORDER: &[&str] = &[
    "normalize",
    "punctuation",
    "hyphenation",
    "spelling",
    "variant",
    "context",
];

fn rank(kind: &str) -> usize {
    KIND_ORDER.iter().position(|k| *k == kind).unwrap_or(0)
}

/// One proposed change to the current text: bytes `start..end` become `replacement`.
#[derive(Debug, Clone, PartialEq)]
pub struct Replacement {
    pub start: usize,
    pub end: usize,
    pub replacement: String,
    pub kind: &'static str,
    pub confidence: f64,
}

impl Replacement {
    pub fn new(
        start: usize,
        end: usize,
        replacement: impl Into<String>,
        kind: &'static str,
        confidence: f64,
    ) -> Self {
        Replacement {
            start,
            end,
            replacement: replacement.into(),
            kind,
            confidence,
        }
    }
}

/// An edit in byte offsets of the current text.
#[derive(Debug, Clone, PartialEq)]
struct ByteEdit {
    start: usize,
    end: usize,
    original: String,
    kind: String,
    confidence: f64,
}

/// The current text and every change made to it so far.
#[derive(Debug, Clone)]
pub struct Tracker {
    text: String,
    edits: Vec<ByteEdit>,
}

impl Tracker {
    pub fn new(text: String) -> Self {
        Tracker {
            text,
            edits: Vec::new(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Starts from edits an earlier run recorded (character offsets into the current text,
    /// already checked with `restore`), so new edits merge with them.
    pub fn seed(&mut self, edits: &[Edit], index: &CharIndex<'_>) {
        self.edits = edits
            .iter()
            .filter_map(|e| {
                Some(ByteEdit {
                    start: index.byte_at(e.start)?,
                    end: index.byte_at(e.end)?,
                    original: e.original.clone(),
                    kind: e.kind.clone(),
                    confidence: e.confidence,
                })
            })
            .collect();
    }

    /// Applies one layer's replacements (byte offsets into the current text, sorted,
    /// non-overlapping; any that are not are dropped rather than corrupt the log).
    pub fn apply(&mut self, mut repls: Vec<Replacement>) {
        repls.retain(|r| {
            r.start <= r.end
                && r.end <= self.text.len()
                && self.text.is_char_boundary(r.start)
                && self.text.is_char_boundary(r.end)
                && self.text[r.start..r.end] != r.replacement
        });
        if repls.is_empty() {
            return;
        }
        let mut kept = Vec::with_capacity(repls.len());
        let mut last_end = 0;
        for r in repls {
            if r.start >= last_end || kept.is_empty() {
                last_end = r.end.max(r.start);
                kept.push(r);
            }
        }

        let old_text = std::mem::take(&mut self.text);
        let old_edits = std::mem::take(&mut self.edits);
        let mut text = String::with_capacity(old_text.len() + 16);
        let mut edits = Vec::with_capacity(old_edits.len() + kept.len());
        let mut copied = 0; // bytes of old_text copied into `text`
        let mut ei = 0; // next old edit
        let mut ri = 0; // next replacement
                        // Overlapping spans merge; spans that only meet stay apart (finer edits), unless one
                        // is empty: an insertion and a deletion at one point cannot be ordered otherwise.
        let touches = |a: usize, b: usize, s: usize, e: usize| {
            (a < e && s < b) || (a == b && s <= a && a <= e) || (s == e && a <= s && s <= b)
        };

        while ri < kept.len() {
            // Old edits entirely before this replacement carry over shifted.
            let r = &kept[ri];
            while ei < old_edits.len()
                && !touches(old_edits[ei].start, old_edits[ei].end, r.start, r.end)
                && old_edits[ei].end <= r.start
            {
                carry_over(
                    &mut text,
                    &mut edits,
                    &old_text,
                    &mut copied,
                    &old_edits[ei],
                );
                ei += 1;
            }
            // A cluster: this replacement, any following ones and old edits that touch it.
            let mut lo = r.start;
            let mut hi = r.end;
            let mut cluster_r = vec![ri];
            let mut cluster_e = Vec::new();
            ri += 1;
            loop {
                let mut grew = false;
                while ei < old_edits.len()
                    && touches(old_edits[ei].start, old_edits[ei].end, lo, hi)
                {
                    lo = lo.min(old_edits[ei].start);
                    hi = hi.max(old_edits[ei].end);
                    cluster_e.push(ei);
                    ei += 1;
                    grew = true;
                }
                while ri < kept.len()
                    && !cluster_e.is_empty()
                    && touches(kept[ri].start, kept[ri].end, lo, hi)
                {
                    hi = hi.max(kept[ri].end);
                    cluster_r.push(ri);
                    ri += 1;
                    grew = true;
                }
                if !grew {
                    break;
                }
            }
            text.push_str(&old_text[copied..lo]);
            let new_start = text.len();
            // The original of the cluster: old text with old edits undone.
            let mut original = String::new();
            let mut at = lo;
            for &i in &cluster_e {
                let e = &old_edits[i];
                original.push_str(&old_text[at..e.start]);
                original.push_str(&e.original);
                at = e.end;
            }
            original.push_str(&old_text[at..hi]);
            // The new text of the cluster: old text with the replacements applied.
            let mut at = lo;
            let mut kind: &str = "normalize";
            let mut confidence = 1.0f64;
            for &i in &cluster_r {
                let r = &kept[i];
                text.push_str(&old_text[at..r.start]);
                text.push_str(&r.replacement);
                at = r.end;
                if rank(r.kind) >= rank(kind) {
                    kind = r.kind;
                }
                confidence = confidence.min(r.confidence);
            }
            text.push_str(&old_text[at..hi]);
            for &i in &cluster_e {
                let e = &old_edits[i];
                if rank(&e.kind) > rank(kind) {
                    kind = &e.kind;
                }
                confidence = confidence.min(e.confidence);
            }
            let kind = kind.to_owned();
            copied = hi;
            if text[new_start..] != *original {
                edits.push(ByteEdit {
                    start: new_start,
                    end: text.len(),
                    original,
                    kind,
                    confidence,
                });
            }
        }
        while ei < old_edits.len() {
            carry_over(
                &mut text,
                &mut edits,
                &old_text,
                &mut copied,
                &old_edits[ei],
            );
            ei += 1;
        }
        text.push_str(&old_text[copied..]);
        self.text = text;
        self.edits = edits;
    }

    /// The cleaned text and its edits in character offsets.
    pub fn finish(self) -> (String, Vec<Edit>) {
        // The edits are sorted: count characters onwards from the previous offset instead
        // of indexing the whole text (most documents have few edits, or none).
        let bytes = self.text.as_bytes();
        let (mut at, mut chars) = (0, 0);
        let mut char_at = |byte: usize| {
            let byte = byte.min(bytes.len());
            if byte < at {
                (at, chars) = (0, 0);
            }
            // Bytes that start a character (not UTF-8 continuation bytes), as `CharIndex`.
            chars += bytes[at..byte]
                .iter()
                .filter(|&&b| (b as i8) >= -0x40)
                .count();
            at = byte;
            chars
        };
        let edits = self
            .edits
            .iter()
            .map(|e| Edit {
                start: char_at(e.start),
                end: char_at(e.end),
                original: e.original.clone(),
                replacement: self.text[e.start..e.end].to_owned(),
                kind: e.kind.clone(),
                confidence: (e.confidence * 1000.0).round() / 1000.0,
            })
            .collect();
        (self.text, edits)
    }
}

/// The same edits as suggestions against the original text (for `dry_run`): offsets point
/// into the unchanged input.
pub fn as_suggestions(edits: &[Edit]) -> Vec<Edit> {
    let mut delta: isize = 0; // original chars minus cleaned chars before the current edit
    edits
        .iter()
        .map(|e| {
            let start = (e.start as isize + delta) as usize;
            let orig_len = e.original.chars().count();
            delta += orig_len as isize - (e.end - e.start) as isize;
            Edit {
                start,
                end: start + orig_len,
                ..e.clone()
            }
        })
        .collect()
}

/// Copies `old_text` up to the end of the untouched old edit `e` and records `e` again at its
/// place in the new text (shifted by what earlier replacements added or removed).
fn carry_over(
    text: &mut String,
    edits: &mut Vec<ByteEdit>,
    old_text: &str,
    copied: &mut usize,
    e: &ByteEdit,
) {
    text.push_str(&old_text[*copied..e.end]);
    let shift = text.len() as isize - e.end as isize;
    edits.push(ByteEdit {
        start: (e.start as isize + shift) as usize,
        end: text.len(),
        ..e.clone()
    });
    *copied = e.end;
}

#[cfg(test)]
mod tests {
    use super::*;
    use galley_record::restore;

    fn r(s: usize, e: usize, t: &str, kind: &'static str) -> Replacement {
        Replacement::new(s, e, t, kind, 0.9)
    }

    #[test]
    fn layers_compose_and_restore() {
        let original = "the figurh.Here ,now";
        let mut t = Tracker::new(original.to_owned());
        t.apply(vec![
            r(10, 11, ". ", "punctuation"),
            r(15, 17, ",", "punctuation"),
        ]);
        assert_eq!(t.text(), "the figurh. Here,now");
        t.apply(vec![r(4, 10, "figure", "spelling")]);
        // Meets the punctuation edit at 10 without overlapping it: kept apart.
        let (text, edits) = t.finish();
        assert_eq!(text, "the figure. Here,now");
        assert_eq!(edits.len(), 3);
        assert_eq!(edits[0].original, "figurh");
        assert_eq!(edits[0].kind, "spelling");
        assert_eq!(restore(&text, &edits).unwrap(), original);
        // A later layer rewriting text that straddles an earlier edit merges with it.
        let mut t = Tracker::new(original.to_owned());
        t.apply(vec![r(10, 11, ". ", "punctuation")]);
        t.apply(vec![r(9, 12, "e. ", "spelling")]);
        let (text, edits) = t.finish();
        assert_eq!(text, "the figure. Here ,now");
        assert_eq!(edits.len(), 1);
        assert_eq!(
            (edits[0].original.as_str(), edits[0].kind.as_str()),
            ("h.", "spelling")
        );
        assert_eq!(restore(&text, &edits).unwrap(), original);
    }

    #[test]
    fn deletions_and_insertions_at_one_point_merge() {
        let original = "a\u{00AD}b";
        let mut t = Tracker::new(original.to_owned());
        t.apply(vec![r(1, 3, "", "normalize")]);
        t.apply(vec![r(1, 1, "-", "punctuation")]);
        let (text, edits) = t.finish();
        assert_eq!(text, "a-b");
        assert_eq!(edits.len(), 1);
        assert_eq!(restore(&text, &edits).unwrap(), original);
    }

    #[test]
    fn suggestions_point_into_the_original() {
        let original = "x figurh.Here y";
        let mut t = Tracker::new(original.to_owned());
        t.apply(vec![r(8, 9, ". ", "punctuation")]);
        t.apply(vec![r(2, 8, "figure", "spelling")]);
        let (_, edits) = t.finish();
        for s in as_suggestions(&edits) {
            let got: String = original
                .chars()
                .skip(s.start)
                .take(s.end - s.start)
                .collect();
            assert_eq!(got, s.original);
        }
    }
}
