//! Character offsets (Unicode scalar values, as Python's `str` indexes them) over UTF-8 text.
//!
//! Stages work on byte offsets internally and convert at the edge; [`CharIndex`] makes each
//! conversion O(log n) with a checkpoint table instead of an O(n) scan per span.

/// Bytes between checkpoints. Small enough that the final scan is a few cache lines.
const STRIDE: usize = 64;

/// Converts between byte offsets and character offsets of one text.
///
/// ASCII texts need no table at all. Otherwise the index stores the character count at every
/// 64th byte, so a lookup is a table read plus a scan of at most 64 bytes.
#[derive(Debug, Clone)]
pub struct CharIndex<'a> {
    text: &'a str,
    /// `checkpoints[k]` = number of chars that start before byte `k * STRIDE`; empty when ASCII.
    checkpoints: Vec<u32>,
}

#[inline]
fn is_char_start(b: u8) -> bool {
    // Continuation bytes are 0b10xx_xxxx.
    (b as i8) >= -0x40
}

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        if text.is_ascii() {
            return CharIndex {
                text,
                checkpoints: Vec::new(),
            };
        }
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / STRIDE + 1);
        let mut count = 0u32;
        for chunk in bytes.chunks(STRIDE) {
            checkpoints.push(count);
            count += chunk.iter().filter(|&&b| is_char_start(b)).count() as u32;
        }
        checkpoints.push(count);
        CharIndex { text, checkpoints }
    }

    /// The text this index is over.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Number of characters in the text.
    pub fn char_len(&self) -> usize {
        if self.checkpoints.is_empty() {
            self.text.len()
        } else {
            self.char_at(self.text.len())
        }
    }

    /// Character offset of byte offset `byte` (which must be a char boundary, `<= len`).
    pub fn char_at(&self, byte: usize) -> usize {
        if self.checkpoints.is_empty() {
            return byte;
        }
        let k = byte / STRIDE;
        let base = k * STRIDE;
        let bytes = self.text.as_bytes();
        let end = byte.min(bytes.len());
        let extra = bytes[base.min(end)..end]
            .iter()
            .filter(|&&b| is_char_start(b))
            .count();
        self.checkpoints[k] as usize + extra
    }

    /// Byte offset of character offset `ch`; `None` past the end of the text.
    pub fn byte_at(&self, ch: usize) -> Option<usize> {
        if self.checkpoints.is_empty() {
            return (ch <= self.text.len()).then_some(ch);
        }
        // Last checkpoint whose count is <= ch.
        let k = self
            .checkpoints
            .partition_point(|&c| c as usize <= ch)
            .checked_sub(1)?;
        let bytes = self.text.as_bytes();
        let mut count = self.checkpoints[k] as usize;
        let mut pos = k * STRIDE;
        while pos < bytes.len() {
            if is_char_start(bytes[pos]) {
                if count == ch {
                    return Some(pos);
                }
                count += 1;
            }
            pos += 1;
        }
        (count == ch).then_some(bytes.len())
    }

    /// The text between two character offsets, if both are in range and ordered.
    pub fn slice(&self, start: usize, end: usize) -> Option<&'a str> {
        if start > end {
            return None;
        }
        let (s, e) = (self.byte_at(start)?, self.byte_at(end)?);
        Some(&self.text[s..e])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn naive_char_at(text: &str, byte: usize) -> usize {
        text[..byte].chars().count()
    }

    #[test]
    fn ascii_is_identity() {
        let idx = CharIndex::new("hello");
        assert_eq!(idx.char_at(3), 3);
        assert_eq!(idx.byte_at(5), Some(5));
        assert_eq!(idx.byte_at(6), None);
    }

    #[test]
    fn multibyte() {
        let text = "Trotsky’s “son” — é";
        let idx = CharIndex::new(text);
        assert_eq!(idx.char_len(), text.chars().count());
        let apos = text.find('’').unwrap();
        assert_eq!(idx.char_at(apos), 7);
        assert_eq!(idx.byte_at(7), Some(apos));
        assert_eq!(idx.slice(10, 15), Some("“son”"));
    }

    proptest! {
        #[test]
        fn agrees_with_naive(text in "\\PC{0,400}") {
            let idx = CharIndex::new(&text);
            for (byte, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
                let ch = naive_char_at(&text, byte);
                prop_assert_eq!(idx.char_at(byte), ch);
                prop_assert_eq!(idx.byte_at(ch), Some(byte));
            }
            prop_assert_eq!(idx.byte_at(text.chars().count() + 1), None);
        }
    }
}
