//! Byte-level character helpers. The splitter walks UTF-8 bytes and decodes a character only
//! where a rule has to look at it; ASCII takes a branch-free fast path everywhere.

/// The horizontal ellipsis `…` in UTF-8.
pub(crate) const ELLIPSIS: &[u8] = "…".as_bytes();

/// The character starting at byte `i`, if `i` is in range and on a boundary.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// The character ending at byte `i`.
#[inline]
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// Byte length of the whitespace character at `i` (0 when it is not whitespace).
#[inline]
pub(crate) fn ws_len(text: &str, i: usize) -> usize {
    let Some(&b) = text.as_bytes().get(i) else {
        return 0;
    };
    if b < 0x80 {
        return usize::from(matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c));
    }
    match char_at(text, i) {
        Some(c) if c.is_whitespace() => c.len_utf8(),
        _ => 0,
    }
}

/// First byte at or after `i` (and before `end`) that is not whitespace.
#[inline]
pub(crate) fn skip_ws(text: &str, mut i: usize, end: usize) -> usize {
    while i < end {
        let n = ws_len(text, i);
        if n == 0 {
            break;
        }
        i += n;
    }
    i.min(end)
}

/// End of `start..end` with trailing whitespace removed.
#[inline]
pub(crate) fn trim_end(text: &str, start: usize, mut end: usize) -> usize {
    while end > start {
        match char_before(text, end) {
            Some(c) if c.is_whitespace() => end -= c.len_utf8(),
            _ => break,
        }
    }
    end
}

/// Byte length of a closing quote or bracket at `i` (0 if none).
#[inline]
pub(crate) fn closer_len(b: &[u8], i: usize) -> usize {
    match b.get(i..) {
        Some([b'"' | b'\'' | b')' | b']' | b'}', ..]) => 1,
        // ” ’ ›
        Some([0xE2, 0x80, 0x9D | 0x99 | 0xBA, ..]) => 3,
        // »
        Some([0xC2, 0xBB, ..]) => 2,
        _ => 0,
    }
}

/// Byte length of an opening quote or bracket at `i` (0 if none).
#[inline]
pub(crate) fn opener_len(b: &[u8], i: usize) -> usize {
    match b.get(i..) {
        Some([b'"' | b'\'' | b'(' | b'[' | b'{', ..]) => 1,
        // “ ‘ „ ‹
        Some([0xE2, 0x80, 0x9C | 0x98 | 0x9E | 0xB9, ..]) => 3,
        // « ¿ ¡
        Some([0xC2, 0xAB | 0xBF | 0xA1, ..]) => 2,
        _ => 0,
    }
}

/// Byte length of a dash (`—`, `–`, `-`) at `i`.
#[inline]
pub(crate) fn dash_len(b: &[u8], i: usize) -> usize {
    match b.get(i..) {
        Some([b'-', ..]) => 1,
        Some([0xE2, 0x80, 0x93..=0x95, ..]) => 3,
        _ => 0,
    }
}

/// Byte length of a list bullet at `i`. `loose` also accepts the characters that are bullets
/// only at the start of a line (`-`, `*`, dashes).
#[inline]
pub(crate) fn bullet_len(b: &[u8], i: usize, loose: bool) -> usize {
    let strict = match b.get(i..) {
        // • ‣ ⁃ ◦
        Some([0xE2, 0x80, 0xA2 | 0xA3, ..]) | Some([0xE2, 0x81, 0x83, ..]) => 3,
        Some([0xE2, 0x97, 0xA6 | 0x8F | 0x8B, ..]) => 3, // ◦ ● ○
        Some([0xE2, 0x96, 0xAA | 0xA0 | 0xA1, ..]) => 3, // ▪ ■ □
        Some([0xE2, 0x96, 0xBA, ..]) => 3,               // ►
        Some([0xC2, 0xB7, ..]) => 2,                     // ·
        _ => 0,
    };
    if strict > 0 || !loose {
        return strict;
    }
    if b.get(i) == Some(&b'*') {
        return 1;
    }
    dash_len(b, i)
}

/// Counts characters (not bytes) in `b`: bytes minus UTF-8 continuation bytes (`10xxxxxx`),
/// eight at a time.
#[inline]
pub(crate) fn count_chars(b: &[u8]) -> usize {
    let mut chunks = b.chunks_exact(8);
    let mut continuation = 0usize;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        // Bit 7 set and bit 6 clear in a byte marks a continuation byte.
        continuation += ((x & !(x << 1)) & 0x8080_8080_8080_8080).count_ones() as usize;
    }
    continuation += chunks
        .remainder()
        .iter()
        .filter(|&&x| x & 0xC0 == 0x80)
        .count();
    b.len() - continuation
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_includes_unicode_spaces() {
        let t = "a\u{a0}\u{2009}\nb";
        assert_eq!(skip_ws(t, 1, t.len()), t.len() - 1);
        assert_eq!(trim_end(t, 0, t.len() - 1), 1);
    }

    #[test]
    fn quotes_and_brackets() {
        assert_eq!(closer_len("”x".as_bytes(), 0), 3);
        assert_eq!(closer_len("“x".as_bytes(), 0), 0);
        assert_eq!(opener_len("“x".as_bytes(), 0), 3);
        assert_eq!(bullet_len("• x".as_bytes(), 0, false), 3);
        assert_eq!(bullet_len(b"- x", 0, false), 0);
        assert_eq!(bullet_len(b"- x", 0, true), 1);
        assert_eq!(count_chars("é…a".as_bytes()), 3);
        let long = "Trotsky’s “son” — éé… abcdefghij ’’’";
        assert_eq!(count_chars(long.as_bytes()), long.chars().count());
    }
}
