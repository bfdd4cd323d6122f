//! Word tokens as cleanup sees them: runs of letters with inner apostrophes, with the
//! possessive `’s` split off, and the case pattern a correction must keep.

/// A word in the text (byte offsets). `core` excludes a possessive `’s`/`'s`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub core_end: usize,
}

impl Token {
    pub fn core<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.core_end]
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// All word tokens of `text`, in order.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Fast path: runs of ASCII non-letters.
        match bytes[i..]
            .iter()
            .position(|&b| b >= 0x80 || b.is_ascii_alphabetic())
        {
            Some(k) => i += k,
            None => break,
        }
        if bytes[i] >= 0x80 {
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            if !c.is_alphabetic() {
                i += c.len_utf8();
                continue;
            }
        }
        let start = i;
        let mut end = i;
        loop {
            // ASCII letters byte by byte; a plain ASCII non-letter ends the word at once;
            // anything else (apostrophes, non-ASCII) is decoded.
            end += bytes[end..]
                .iter()
                .position(|b| !b.is_ascii_alphabetic())
                .unwrap_or(bytes.len() - end);
            match bytes.get(end) {
                None => break,
                Some(&b) if b < 0x80 && b != b'\'' => break,
                _ => {}
            }
            let Some(c) = text[end..].chars().next() else {
                break;
            };
            let inner_apostrophe = is_apostrophe(c)
                && text[end + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic);
            if c.is_alphabetic() || inner_apostrophe {
                end += c.len_utf8();
            } else {
                break;
            }
        }
        // The possessive `’s`/`'s` is split off (a bare `’s` stays a word).
        let core_len = match &bytes[start..end] {
            [rest @ .., b'\'', b's' | b'S'] | [rest @ .., 0xE2, 0x80, 0x99, b's' | b'S'] => {
                rest.len()
            }
            _ => 0,
        };
        let core_end = if core_len > 0 { start + core_len } else { end };
        out.push(Token {
            start,
            end,
            core_end,
        });
        i = end;
    }
    out
}

/// How a word is capitalised; corrections keep it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Lower,
    Title,
    Upper,
    Mixed,
}

pub fn case_of(word: &str) -> Case {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return Case::Mixed;
    };
    let (mut upper, mut lower) = (0, 0);
    for c in chars.clone() {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    match (first.is_uppercase(), upper, lower) {
        (false, 0, _) => Case::Lower,
        (true, 0, l) if l > 0 => Case::Title,
        (true, _, 0) => Case::Upper,
        _ => Case::Mixed,
    }
}

/// `lower` (a lower-case word) spelled with `case`.
pub fn with_case(lower: &str, case: Case) -> String {
    match case {
        Case::Upper => lower.to_uppercase(),
        Case::Title => {
            let mut chars = lower.chars();
            chars
                .next()
                .map_or_else(String::new, |f| f.to_uppercase().chain(chars).collect())
        }
        Case::Lower | Case::Mixed => lower.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_inner_apostrophes_and_split_possessives() {
        let text = "Trotsky’s L’Humanite, don't 1929.Here Cárdenas";
        let words: Vec<(&str, &str)> = tokenize(text)
            .iter()
            .map(|t| (&text[t.start..t.end], t.core(text)))
            .collect();
        assert_eq!(
            words,
            [
                ("Trotsky’s", "Trotsky"),
                ("L’Humanite", "L’Humanite"),
                ("don't", "don't"),
                ("Here", "Here"),
                ("Cárdenas", "Cárdenas")
            ]
        );
    }

    #[test]
    fn possessives_in_both_apostrophes_and_cases() {
        let text = "MARX'S Engels's Lenin’S it’s";
        let cores: Vec<&str> = tokenize(text).iter().map(|t| t.core(text)).collect();
        assert_eq!(cores, ["MARX", "Engels", "Lenin", "it"]);
    }

    #[test]
    fn case_round_trips() {
        assert_eq!(case_of("budenz"), Case::Lower);
        assert_eq!(case_of("Budenz"), Case::Title);
        assert_eq!(case_of("GPU"), Case::Upper);
        assert_eq!(case_of("McCarthy"), Case::Mixed);
        assert_eq!(with_case("gpu", Case::Upper), "GPU");
        assert_eq!(with_case("budenz", Case::Title), "Budenz");
    }
}
