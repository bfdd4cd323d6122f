//! Character-level normalisation: Unicode NFC, typographic ligatures, double-encoded UTF-8
//! (mojibake), invisible characters, and words hyphenated across a line break.
//! Each function returns replacements on the text it is given; the caller applies them.

use std::sync::OnceLock;

use regex::Regex;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::tracker::Replacement;

const KIND: &str = "normalize";

/// NFC per whitespace-separated chunk: whitespace never composes with a neighbour, so this
/// equals NFC of the whole text while recording small, readable edits.
pub fn nfc(text: &str) -> Vec<Replacement> {
    if surely_nfc(text) || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut start = None;
    let flush = |s: usize, e: usize, out: &mut Vec<Replacement>| {
        let chunk = &text[s..e];
        if is_nfc_quick(chunk.chars()) != IsNormalized::Yes {
            let normal: String = chunk.nfc().collect();
            if normal != chunk {
                out.push(Replacement::new(s, e, normal, KIND, 1.0));
            }
        }
    };
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                flush(s, i, &mut out);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        flush(s, text.len(), &mut out);
    }
    out
}

/// Offsets of the first bytes of non-ASCII characters, skipping ASCII eight bytes at a time.
fn non_ascii_starts(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    bytes
        .chunks(8)
        .enumerate()
        .filter(|(_, c)| {
            let mut w = [0u8; 8];
            w[..c.len()].copy_from_slice(c);
            u64::from_le_bytes(w) & HIGH != 0
        })
        .flat_map(|(k, c)| {
            c.iter()
                .enumerate()
                .filter(|(_, &b)| b >= 0xC0)
                .map(move |(j, _)| k * 8 + j)
        })
}

/// Whether every character is one that is NFC by itself and never combines (ASCII, Latin-1
/// and Latin Extended letters, typographic punctuation): checked on the non-ASCII
/// characters only, which is much cheaper than the full quick check over every character.
fn surely_nfc(text: &str) -> bool {
    non_ascii_starts(text.as_bytes()).all(|i| {
        text[i..].chars().next().is_some_and(|c| {
            // U+2000 and U+2001 are singletons (they decompose to U+2002/U+2003).
            c < '\u{0300}' || ('\u{2002}'..='\u{206F}').contains(&c)
        })
    })
}

fn ligature(c: char) -> Option<&'static str> {
    Some(match c {
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        _ => return None,
    })
}

/// Invisible characters OCR and web copy leave inside words: soft hyphen, zero-width space,
/// word joiner, byte-order mark. (ZWJ/ZWNJ are left alone: some scripts need them.)
fn invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// The Windows-1252 byte a character stands for when UTF-8 was decoded as 1252 (or Latin-1).
fn cp1252_byte(c: char) -> Option<u8> {
    let b = match c {
        '\u{00}'..='\u{7F}' | '\u{A0}'..='\u{FF}' => c as u32 as u8,
        // Undefined in 1252; Latin-1 decoders keep them as C1 controls.
        '\u{81}' | '\u{8D}' | '\u{8F}' | '\u{90}' | '\u{9D}' => c as u32 as u8,
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    };
    Some(b)
}

/// If a UTF-8 lead byte misread as a Latin-1/1252 character starts at `at`, followed by
/// the right number of misread continuation bytes, returns the span's end and its decoding.
fn mojibake_at(text: &str, at: usize, lead: char) -> Option<(usize, String)> {
    let first = u32::from(lead);
    let needed = match first {
        0xC2..=0xDF => 1,
        0xE0..=0xEF => 2,
        0xF0..=0xF4 => 3,
        _ => return None,
    };
    let mut bytes = vec![first as u8];
    let mut end = at + lead.len_utf8();
    for c in text[end..].chars().take(needed) {
        let b = cp1252_byte(c).filter(|b| (0x80..=0xBF).contains(b))?;
        bytes.push(b);
        end += c.len_utf8();
    }
    if bytes.len() != needed + 1 {
        return None;
    }
    let decoded = String::from_utf8(bytes).ok()?;
    // Real mojibake decodes to the characters Western text uses (accents, quotes, dashes,
    // Cyrillic, Greek); anything else (`é’’` would give a CJK ideograph) is real text.
    let plausible = decoded.chars().all(|c| {
        matches!(u32::from(c), 0xA0..=0x24F | 0x370..=0x4FF | 0x2000..=0x206F | 0x20AC | 0x2116 | 0x2122)
    });
    plausible.then_some((end, decoded))
}

/// Ligatures, invisible characters and mojibake, in one pass.
pub fn characters(text: &str) -> Vec<Replacement> {
    if text.is_ascii() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut skip_to = 0;
    // Only non-ASCII characters matter: visit their first bytes, skip the rest.
    let starts = non_ascii_starts(text.as_bytes());
    for (i, c) in starts.filter_map(|i| Some((i, text[i..].chars().next()?))) {
        if i < skip_to {
            continue;
        }
        let end = i + c.len_utf8();
        if let Some(l) = ligature(c) {
            out.push(Replacement::new(i, end, l, KIND, 1.0));
        } else if invisible(c) {
            out.push(Replacement::new(i, end, "", KIND, 1.0));
        } else if let Some((e, decoded)) = mojibake_at(text, i, c) {
            // Double-encoded text can be encoded twice over: decode until it settles.
            let mut fixed = decoded;
            while let Some(again) = repeat_decode(&fixed) {
                fixed = again;
            }
            // What it decodes to gets this pass's other repairs too (`Â\u{AD}` is a soft
            // hyphen: removed now, not on a second run).
            let fixed: String = fixed
                .chars()
                .filter(|&d| !invisible(d))
                .flat_map(|d| match ligature(d) {
                    Some(l) => l.chars().collect::<Vec<_>>(),
                    None => vec![d],
                })
                .collect();
            // `Ãâ€™` would decode to `Ã’`, itself mojibake: the text is ambiguous, and
            // decoding it would not settle on a second run, so it stays.
            let before = text[..i].chars().next_back();
            let chains = before.is_some_and(|b| {
                let joined = format!("{b}{fixed}");
                mojibake_at(&joined, 0, b).is_some()
            });
            if !chains {
                out.push(Replacement::new(i, e, fixed, KIND, 0.99));
            }
            skip_to = e;
        }
    }
    out
}

fn repeat_decode(s: &str) -> Option<String> {
    let c = s.chars().next()?;
    let (end, decoded) = mojibake_at(s, 0, c)?;
    Some(format!("{decoded}{}", &s[end..]))
}

fn hyphen_break() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // word-<newline>word(punctuation)(spaces): a word split at the end of a line.
        Regex::new(r"(\p{L}+)-[ \t]*\r?\n[ \t]*(\p{Ll}+)([^\s\p{L}]*)([ \t]*)")
            .unwrap_or_else(|_| unreachable!("constant regex"))
    })
}

/// Joins `compre-\nhensive` when the joined word is known (`known` gets it lower-cased) and
/// moves the line break after the word; real compounds (`Ust-\nUse`, `well-\nknown`) stay.
pub fn hyphenation(text: &str, known: &dyn Fn(&str) -> bool) -> Vec<Replacement> {
    if !text.contains("-\n") && !text.contains("- \n") && !text.contains("-\r\n") {
        return Vec::new();
    }
    let mut out = Vec::new();
    for caps in hyphen_break().captures_iter(text) {
        let (Some(all), Some(first), Some(second), Some(punct), Some(space)) = (
            caps.get(0),
            caps.get(1),
            caps.get(2),
            caps.get(3),
            caps.get(4),
        ) else {
            continue;
        };
        let joined = format!("{}{}", first.as_str(), second.as_str()).to_lowercase();
        if !known(&joined) {
            continue;
        }
        let replacement = if space.is_empty() {
            format!("{}{}", second.as_str(), punct.as_str())
        } else {
            format!("{}{}\n", second.as_str(), punct.as_str())
        };
        out.push(Replacement::new(
            first.end(),
            all.end(),
            replacement,
            "hyphenation",
            0.95,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tracker::Tracker;

    fn run(text: &str, f: impl Fn(&str) -> Vec<Replacement>) -> String {
        let mut t = Tracker::new(text.to_owned());
        let r = f(text);
        t.apply(r);
        t.text().to_owned()
    }

    #[test]
    fn nfc_composes() {
        assert_eq!(
            run("Cardenas Ca\u{301}rdenas x", nfc),
            "Cardenas Cárdenas x"
        );
        assert!(nfc("Cárdenas").is_empty());
        // Typographic punctuation does not hide a combining mark.
        assert_eq!(run("“Ca\u{301}rdenas” — ’", nfc), "“Cárdenas” — ’");
        assert!(nfc("“Trotsky’s” — Ñ").is_empty());
    }

    #[test]
    fn ligatures_and_invisibles() {
        assert_eq!(run("ﬁgure ﬂow", characters), "figure flow");
        assert_eq!(
            run("compre\u{AD}hensive\u{200B}", characters),
            "comprehensive"
        );
    }

    #[test]
    fn mojibake_is_decoded_but_real_accents_stay() {
        // Decoding `â€™` after `Ã` would make new mojibake (`Ã’`): left as it is.
        assert_eq!(run("Ãâ€™", characters), "Ãâ€™");
        assert_eq!(
            run("Trotskyâ€™s â€œsonâ€\u{9D}", characters),
            "Trotsky’s “son”"
        );
        assert_eq!(run("CafÃ© Ã©tÃ©", characters), "Café été");
        assert_eq!(run("Café über Ça", characters), "Café über Ça");
        // A double-encoded soft hyphen is removed in the same pass.
        assert_eq!(run("seaÂ\u{AD}son", characters), "season");
    }

    #[test]
    fn hyphenation_joins_only_known_words() {
        let known = |w: &str| w == "comprehensive";
        let f = |t: &str| hyphenation(t, &known);
        assert_eq!(
            run("a compre-\nhensive, study", f),
            "a comprehensive,\nstudy"
        );
        assert_eq!(
            run("a compre-\nhensive\nstudy", f),
            "a comprehensive\nstudy"
        );
        assert_eq!(
            run("the Ust-\nUse camp, well-\nknown", f),
            "the Ust-\nUse camp, well-\nknown"
        );
    }
}
