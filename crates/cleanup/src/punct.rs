//! Spacing and punctuation artifacts, each a general rule on a character's neighbours:
//! a missing space after a sentence end (`1929.Here`) or a comma (`book,“This`), a space
//! before `,`/`;`/`:`, a comma inside initials (`L,D.`) and doubled commas or semicolons.

use crate::tracker::Replacement;

const KIND: &str = "punctuation";

fn is_closing_quote(c: char) -> bool {
    matches!(c, '”' | '’' | '"' | '»')
}

fn is_opening_quote(c: char) -> bool {
    matches!(c, '“' | '‘' | '«')
}

/// Whether the whitespace-delimited chunk around `at` looks like a URL, an e-mail address, a
/// path or markup, where punctuation is not prose punctuation.
pub(crate) fn in_technical_chunk(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    // ASCII whitespace as `char::is_whitespace` sees it (vertical tab included).
    let space = |b: &u8| b.is_ascii_whitespace() || *b == 0x0B;
    let start = bytes[..at].iter().rposition(space).map_or(0, |i| i + 1);
    let end = bytes[at..]
        .iter()
        .position(space)
        .map_or(bytes.len(), |i| at + i);
    let (start, end) = if bytes[start..end].is_ascii() {
        (start, end)
    } else {
        // Unicode whitespace (a no-break space) may split it further: the slow way.
        let start = text[..at]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let end = text[at..]
            .find(char::is_whitespace)
            .map_or(text.len(), |i| at + i);
        (start, end)
    };
    // The markers are ASCII: bytes suffice.
    let chunk = &bytes[start..end];
    chunk.iter().any(|b| {
        matches!(
            b,
            b'/' | b'@' | b'\\' | b'_' | b'=' | b'&' | b'<' | b'>' | b'{' | b'}' | b'|' | b'#'
        )
    }) || chunk.windows(4).any(|w| w == b"www.")
}

fn two_lower_before(text: &str, at: usize) -> bool {
    let mut it = text[..at].chars().rev();
    matches!((it.next(), it.next()), (Some(a), Some(b)) if a.is_lowercase() && b.is_lowercase())
}

fn is_mark(b: u8) -> bool {
    matches!(b, b'.' | b'!' | b'?' | b',' | b';' | b':')
}

/// Positions of the bytes [`is_mark`] accepts, in order. Prose has a mark every few dozen
/// bytes: eight bytes at a time are ruled out with a few word operations.
struct MarkPositions<'a> {
    bytes: &'a [u8],
    at: usize,
    /// Bytes before this are looked at one by one (the word that may hold a mark).
    scan_end: usize,
}

impl<'a> MarkPositions<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        MarkPositions {
            bytes,
            at: 0,
            scan_end: 0,
        }
    }
}

/// Whether any byte of `w` is ASCII between `!` and `?`, the range holding every mark
/// (no false negatives; digits, quotes and brackets only send the word to the byte check).
fn word_has_mark(w: u64) -> bool {
    const LOWS: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // Per byte, without carries between bytes: the high bit says "at least 0x21" in the
    // first sum and "at least 0x40" in the second.
    let low = w & LOWS;
    let from_bang = low + 0x5F5F_5F5F_5F5F_5F5F;
    let past_question = low + 0x4040_4040_4040_4040;
    from_bang & !past_question & !w & HIGHS != 0
}

impl Iterator for MarkPositions<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        loop {
            if self.at >= self.scan_end {
                while let Some(chunk) = self.bytes.get(self.at..self.at + 8) {
                    let w = u64::from_le_bytes([
                        chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6],
                        chunk[7],
                    ]);
                    if word_has_mark(w) {
                        break;
                    }
                    self.at += 8;
                }
                self.scan_end = self.at + 8;
            }
            let &b = self.bytes.get(self.at)?;
            self.at += 1;
            if is_mark(b) {
                return Some(self.at - 1);
            }
        }
    }
}

/// Replacements for one text; sorted and non-overlapping.
pub fn punctuation(text: &str) -> Vec<Replacement> {
    let bytes = text.as_bytes();
    let mut out: Vec<Replacement> = Vec::new();
    let push = |r: Replacement, out: &mut Vec<Replacement>| {
        if out.last().is_none_or(|l: &Replacement| l.end <= r.start) {
            out.push(r);
        }
    };
    for p in MarkPositions::new(bytes) {
        let b = bytes[p];
        let prev = text[..p].chars().next_back();
        let mut after = text[p + 1..].chars();
        let next = after.next();
        let next2 = after.next();

        // Space before `,` `;` `:` (or a doubled one) that is followed by a space or a line end.
        if matches!(b, b',' | b';' | b':') && matches!(prev, Some(' ' | '\t')) {
            let run = text[p..].bytes().take_while(|&c| c == b).count();
            let after_run = text[p + run..].chars().next();
            let s = text[..p].trim_end_matches([' ', '\t']).len();
            let before = text[..s].chars().next_back();
            if after_run.is_none_or(char::is_whitespace)
                && before.is_some_and(|c| c.is_alphanumeric() || is_closing_quote(c) || c == ')')
            {
                push(Replacement::new(s, p, "", KIND, 0.95), &mut out);
            }
        }

        match b {
            b'.' | b'!' | b'?' => {
                // `1929.Here`, `said.”He`: sentence end glued to the next sentence.
                let ends_word =
                    prev.is_some_and(|c| c.is_ascii_digit()) || two_lower_before(text, p);
                let (quote_len, n1, n2) = match next {
                    Some(q) if is_closing_quote(q) => (q.len_utf8(), next2, after.next()),
                    _ => (0, next, next2),
                };
                if ends_word
                    && n1.is_some_and(char::is_uppercase)
                    && n2.is_some_and(char::is_lowercase)
                    && !in_technical_chunk(text, p)
                {
                    let at = p + 1 + quote_len;
                    push(Replacement::new(at, at, " ", KIND, 0.9), &mut out);
                }
            }
            b',' | b';' if prev != Some(b as char) => {
                let run = text[p..].bytes().take_while(|&c| c == b).count();
                let mut rest = text[p + run..].chars();
                let (next, next2) = (rest.next(), rest.next());
                if b == b',' && initials_comma(text, p, run, prev) {
                    push(Replacement::new(p, p + run, ".", KIND, 0.9), &mut out);
                    continue;
                }
                if b == b',' && run == 1 && misread_full_stop(text, p) {
                    push(Replacement::new(p, p + 1, ".", KIND, 0.8), &mut out);
                    continue;
                }
                if run > 1 {
                    push(Replacement::new(p + 1, p + run, "", KIND, 0.9), &mut out);
                }
                let glued_word = two_lower_before(text, p)
                    && next.is_some_and(char::is_alphabetic)
                    && next2.is_some_and(char::is_lowercase);
                if prev.is_some_and(char::is_alphabetic)
                    && (glued_word || (b == b',' && next.is_some_and(is_opening_quote)))
                    && !in_technical_chunk(text, p)
                {
                    push(Replacement::new(p + run, p + run, " ", KIND, 0.9), &mut out);
                }
            }
            _ => {}
        }
    }
    out
}

/// Words that open a sentence but never a name or a quoted remark's usual first word
/// (determiners, possessives, prepositions, linking adverbs; no pronouns, which open
/// reported speech: `he said, We must`).
const SENTENCE_OPENERS: &[&str] = &[
    "about",
    "after",
    "although",
    "among",
    "before",
    "besides",
    "during",
    "from",
    "furthermore",
    "hence",
    "her",
    "his",
    "however",
    "meanwhile",
    "moreover",
    "nevertheless",
    "our",
    "since",
    "subsequently",
    "their",
    "these",
    "those",
    "thus",
    "until",
    "whereas",
    "while",
    "within",
    "without",
];

/// `Moscow, About his fate`: a comma before a capitalised sentence opener followed by a
/// lower-case word is a misread full stop (a title-case heading capitalises the next word
/// too, and a line break may start a verse line, so both stay).
fn misread_full_stop(text: &str, p: usize) -> bool {
    let prev = text[..p].chars().next_back();
    let rest = &text[p + 1..];
    let Some(word_and_more) = rest.strip_prefix(' ') else {
        return false;
    };
    let len = word_and_more
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let (word, after) = word_and_more.split_at(len);
    let capitalised = word.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        && word.bytes().skip(1).all(|b| b.is_ascii_lowercase());
    if !capitalised
        || !prev.is_some_and(char::is_alphabetic)
        || !SENTENCE_OPENERS
            .iter()
            .any(|o| o.eq_ignore_ascii_case(word))
    {
        return false;
    }
    // Title case leaves `the` small but not the noun after it: two words (on this line)
    // must be small.
    let Some(after) = after.strip_prefix(' ') else {
        return false;
    };
    for w in after.split(' ').take(2) {
        let (head, line_ends) = w.split_once('\n').map_or((w, false), |(h, _)| (h, true));
        if !head.starts_with(char::is_lowercase) {
            return false;
        }
        if line_ends {
            break;
        }
    }
    !in_technical_chunk(text, p)
}

/// `L,D.`: lone capitals separated by commas or full stops and ending in a full stop are
/// initials, so the commas are misread full stops (`A,L,D.` too; `A,B,C are` is a list).
fn initials_comma(text: &str, p: usize, run: usize, prev: Option<char>) -> bool {
    let before_prev = prev.and_then(|c| text[..p - c.len_utf8()].chars().next_back());
    if !prev.is_some_and(char::is_uppercase) || before_prev.is_some_and(char::is_alphanumeric) {
        return false;
    }
    let mut chars = text[p + run - 1..].chars();
    loop {
        match (chars.next(), chars.next()) {
            (Some(',' | '.'), Some(c)) if c.is_uppercase() => {}
            _ => return false,
        }
        let mut ahead = chars.clone();
        match (ahead.next(), ahead.next()) {
            (Some('.'), n) if !n.is_some_and(char::is_uppercase) => return true,
            (Some(',' | '.'), Some(n)) if n.is_uppercase() => {}
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tracker::Tracker;

    #[test]
    fn mark_positions_are_every_mark_in_order() {
        for text in [
            "",
            ".",
            "no marks in this stretch at all",
            "a,b;c:d.e!f?g,,,,....;;::!!??",
            "Moscow, 1937.Here the “trials” began; who knew?",
            "ünïcödé — words… with marks, here; and: there.",
        ] {
            let naive: Vec<usize> = text
                .bytes()
                .enumerate()
                .filter(|&(_, b)| is_mark(b))
                .map(|(i, _)| i)
                .collect();
            assert_eq!(
                MarkPositions::new(text.as_bytes()).collect::<Vec<_>>(),
                naive
            );
        }
    }

    fn fix(text: &str) -> String {
        let mut t = Tracker::new(text.to_owned());
        t.apply(punctuation(text));
        t.text().to_owned()
    }

    #[test]
    fn sentence_end_gets_its_space() {
        assert_eq!(
            fix("in February 1929.Here we are"),
            "in February 1929. Here we are"
        );
        assert_eq!(
            fix("he said.”Then why?Because"),
            "he said.” Then why? Because"
        );
        // Initials, abbreviations, decimals and web addresses stay.
        assert_eq!(fix("\u{a0}the\u{a0}end.Then"), "\u{a0}the\u{a0}end. Then");
        for s in [
            "L.D. Trotsky",
            "U.S.A.",
            "3.5 per cent",
            "see www.marxists.Org",
            "Mr.Smith",
        ] {
            assert_eq!(fix(s), s);
        }
    }

    #[test]
    fn commas_and_semicolons() {
        assert_eq!(fix("in his book,“This Is"), "in his book, “This Is");
        assert_eq!(
            fix("however,the party;the rest"),
            "however, the party; the rest"
        );
        assert_eq!(
            fix("a scene ; one , two : three"),
            "a scene; one, two: three"
        );
        assert_eq!(fix("love of L,D. which"), "love of L.D. which");
        assert_eq!(
            fix("A,L,D. and A,,L,D. but A,B,C are"),
            "A.L.D. and A.L.D. but A,B,C are"
        );
        assert_eq!(fix("yes,, no;; maybe"), "yes, no; maybe");
        assert_eq!(
            fix("he left for Moscow, About his fate we know"),
            "he left for Moscow. About his fate we know"
        );
        // Reported speech, a heading's title case, a name and a lower-case opener stay.
        for s in [
            "Lenin said, We must go",
            "Essays, About Town",
            "Essays, About the War",
            "in Paris, Thus Spake",
            "of Moscow, Stalin had",
            "and, about his fate",
        ] {
            assert_eq!(fix(s), s);
        }
        for s in ["1,000,000", "12:42", "x &amp;y", "a , b", "Ref ,A"] {
            let once = fix(s);
            assert_eq!(fix(&once), once, "{s}");
        }
        assert_eq!(fix("1,000 and 12:42"), "1,000 and 12:42");
    }
}
