//! Decoding bytes that are not UTF-8: archive files saved by old Windows tools are almost
//! always Windows-1252, which (unlike Latin-1) has curly quotes and dashes in 0x80–0x9F.

/// Windows-1252 code points for 0x80–0x9F; the five undefined bytes map to the C1 control
/// of the same value, as WHATWG's decoder does, so every byte decodes and nothing is lost.
const CP1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{8D}', '\u{017D}', '\u{8F}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{9D}', '\u{017E}', '\u{0178}',
];

pub fn windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => CP1252_HIGH[(b - 0x80) as usize],
            _ => b as char,
        })
        .collect()
}

/// UTF-8 if valid (a leading BOM dropped), else Windows-1252 with the first bad byte offset.
pub fn text_from_bytes(bytes: Vec<u8>) -> (String, Option<usize>) {
    match String::from_utf8(bytes) {
        Ok(mut s) => {
            if s.starts_with('\u{FEFF}') {
                s.drain(..3);
            }
            (s, None)
        }
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            (windows_1252(e.as_bytes()), Some(at))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curly_quotes_from_cp1252() {
        assert_eq!(
            windows_1252(b"\x93Trotsky\x92s\x94 caf\xe9"),
            "“Trotsky’s” café"
        );
    }

    #[test]
    fn utf8_passes_and_bom_goes() {
        assert_eq!(
            text_from_bytes("\u{FEFF}ok’".as_bytes().to_vec()),
            ("ok’".to_owned(), None)
        );
        assert_eq!(
            text_from_bytes(b"ab\x93".to_vec()),
            ("ab“".to_owned(), Some(2))
        );
    }
}
