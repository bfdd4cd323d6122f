//! Text geometry the quote rules need: paragraphs (blank-line separated, or one per line in
//! texts without blank lines), local sentence boundaries, and a small word tokenizer that
//! keeps initials (`L.D.`) and inner apostrophes (`L’Humanite`, `Trotsky’s`) in one token.

/// A paragraph as a byte range of the text (no trailing newline).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Para {
    pub start: usize,
    pub end: usize,
}

/// A blank line, or a Markdown block-quote line holding only `>` marks (the paragraph break
/// inside a `> ` block quote).
fn is_blank(line: &str) -> bool {
    line.chars().all(|c| c.is_whitespace() || c == '>')
}

/// Whether a line starts a new paragraph on its own: indented, or a list item.
fn starts_block(line: &str) -> bool {
    let trimmed = line.trim_start();
    if trimmed.is_empty() {
        return false;
    }
    let indented = line.starts_with("  ") || line.starts_with('\t');
    indented || list_item_marker(trimmed).is_some()
}

/// Length in bytes of a list marker (`1. `, `2) `, `(a) `, `- `, `• `) at the start of a line.
pub fn list_item_marker(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if (1..=3).contains(&digits)
        && matches!(b.get(digits), Some(b'.' | b')'))
        && b.get(digits + 1) == Some(&b' ')
    {
        return Some(digits + 2);
    }
    if b.first() == Some(&b'(')
        && b.get(1).is_some_and(u8::is_ascii_alphanumeric)
        && b.get(2) == Some(&b')')
    {
        return Some(3);
    }
    for bullet in ["- ", "• ", "* ", "– "] {
        if line.starts_with(bullet) && line.len() > bullet.len() + 2 {
            return Some(bullet.len());
        }
    }
    None
}

/// Splits a text into paragraphs. A blank line always ends a paragraph; in a text without
/// blank lines every line is a paragraph; an indented or list line always starts one.
pub fn paragraphs(text: &str) -> Vec<Para> {
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    for nl in memchr::memchr_iter(b'\n', text.as_bytes()) {
        lines.push((at, nl));
        at = nl + 1;
    }
    lines.push((at, text.len()));
    let strip_cr = |(s, e): (usize, usize)| {
        if e > s && text.as_bytes()[e - 1] == b'\r' {
            (s, e - 1)
        } else {
            (s, e)
        }
    };
    let has_blank = lines.iter().any(|&(s, e)| is_blank(&text[s..e]));
    let mut paras = Vec::new();
    let mut cur: Option<Para> = None;
    for &line in &lines {
        let (s, e) = strip_cr(line);
        let content = &text[s..e];
        if is_blank(content) {
            paras.extend(cur.take());
            continue;
        }
        // Without blank lines a line is a paragraph, unless it visibly continues a
        // hard-wrapped sentence (no closing punctuation before, lower case after).
        let wrapped = |p: &Para| {
            let prev = text[p.start..p.end].trim_end();
            !prev.ends_with(['.', '!', '?', ':', '"', '”', '’', ')', ']', '»'])
                && content
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
        };
        match cur.as_mut() {
            Some(p) if (has_blank || wrapped(p)) && !starts_block(content) => p.end = e,
            _ => {
                paras.extend(cur.take());
                cur = Some(Para { start: s, end: e });
            }
        }
    }
    paras.extend(cur);
    paras
}

/// Abbreviations whose period does not end a sentence. A `match` compiles to a length
/// switch, so the check costs a comparison or two instead of a scan of the whole list (it
/// runs for every period the sentence finder meets).
fn is_abbreviation(w: &str) -> bool {
    is_title_abbreviation(w)
        || matches!(
            w,
            "No" | "Nos"
                | "Vol"
                | "Vols"
                | "vol"
                | "p"
                | "pp"
                | "cf"
                | "vs"
                | "ed"
                | "eds"
                | "Ibid"
                | "ibid"
                | "op"
                | "cit"
                | "fig"
                | "Fig"
                | "approx"
                | "ca"
                | "c"
                | "i.e"
                | "e.g"
                | "Co"
                | "Inc"
                | "Ltd"
        )
}

/// Byte offset where the run of alphanumerics and periods ending at `end` starts.
fn word_with_dots_start(text: &str, end: usize) -> usize {
    let bytes = text.as_bytes();
    let mut at = end;
    while at > 0 {
        let b = bytes[at - 1];
        if b.is_ascii() {
            // ASCII fast path: `char::is_alphanumeric` agrees with the byte test here.
            if b.is_ascii_alphanumeric() || b == b'.' {
                at -= 1;
                continue;
            }
            break;
        }
        match text[..at].chars().next_back() {
            Some(c) if c.is_alphanumeric() => at -= c.len_utf8(),
            _ => break,
        }
    }
    at
}

/// Whether the `.` at byte `dot` ends a sentence (not an initial or an abbreviation).
fn period_ends_sentence(text: &str, dot: usize) -> bool {
    let word = &text[word_with_dots_start(text, dot)..dot];
    // the part after the word’s last period (`D` in `L.D`, `e` in `i.e`)
    let last = match word.bytes().rposition(|b| b == b'.') {
        Some(k) => &word[k + 1..],
        None => word,
    };
    let mut chars = last.chars();
    let single_upper = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    !(single_upper || is_abbreviation(last) || is_abbreviation(word))
}

/// Whether a sentence boundary sits right after the terminator ending at byte `after`
/// (closing marks and brackets may follow it, then whitespace, then a capital or an opener).
fn boundary_follows(text: &str, after: usize) -> Option<usize> {
    let rest = &text[after..];
    let mut iter = rest.char_indices().peekable();
    while let Some(&(_, c)) = iter.peek() {
        if matches!(c, '”' | '’' | '"' | '\'' | ')' | ']' | '»') {
            iter.next();
        } else {
            break;
        }
    }
    let mut saw_space = false;
    while let Some(&(_, c)) = iter.peek() {
        if c.is_whitespace() {
            saw_space = true;
            iter.next();
        } else {
            break;
        }
    }
    let &(i, c) = iter.peek()?;
    (saw_space
        && (c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(c, '“' | '‘' | '"' | '\'' | '«' | '(' | '[')))
    .then_some(after + i)
}

/// The char boundary at or before byte `pos` (clamped to the text).
pub fn floor_boundary(text: &str, pos: usize) -> usize {
    let mut p = pos.min(text.len());
    while !text.is_char_boundary(p) {
        p -= 1;
    }
    p
}

/// Byte offset where the sentence containing `pos` starts, not before `lo`.
pub fn sentence_start(text: &str, lo: usize, pos: usize) -> usize {
    let (lo, pos) = (floor_boundary(text, lo), floor_boundary(text, pos));
    if lo >= pos {
        return lo.min(pos);
    }
    let bytes = &text.as_bytes()[lo..pos];
    let mut end = bytes.len();
    loop {
        let stop = memchr::memrchr3(b'.', b'!', b'?', &bytes[..end]);
        // a `…` (last byte 0xA6) between that ASCII terminator and `end` comes first; only
        // that gap is searched, so the scan never runs past the sentence start
        let floor = stop.map_or(0, |s| s + 1);
        let ellipsis = memchr::memrchr(0xA6, &bytes[floor..end]).map(|k| floor + k);
        let Some(i) = ellipsis.or(stop) else {
            return lo;
        };
        end = i;
        let Some((abs, len)) = terminator_at(bytes, lo, i) else {
            continue;
        };
        if len == 1 && bytes[i] == b'.' && !period_ends_sentence(text, abs) {
            continue;
        }
        if let Some(next) = boundary_follows(text, abs + len) {
            if next <= pos {
                return next;
            }
        }
    }
}

/// The sentence terminator (`.`, `!`, `?` or `…`) whose LAST byte is `bytes[i]`, as its
/// absolute byte offset (`base` is where `bytes` starts) and length. The sentence finders
/// jump between candidate bytes with memchr instead of walking chars: they run several
/// times per quotation. The region starts on a char boundary, so a `…` ending in it lies
/// wholly inside it.
fn terminator_at(bytes: &[u8], base: usize, i: usize) -> Option<(usize, usize)> {
    match bytes[i] {
        b'.' | b'!' | b'?' => Some((base + i, 1)),
        0xA6 if i >= 2 && bytes[i - 2] == 0xE2 && bytes[i - 1] == 0x80 => Some((base + i - 2, 3)),
        _ => None,
    }
}

/// Byte offset where the sentence containing `pos` ends (after its terminator), not after `hi`.
pub fn sentence_end(text: &str, pos: usize, hi: usize) -> usize {
    let (pos, hi) = (floor_boundary(text, pos), floor_boundary(text, hi));
    if pos >= hi {
        return hi.max(pos);
    }
    let bytes = &text.as_bytes()[pos..hi];
    let mut from = 0;
    loop {
        let stop = memchr::memchr3(b'.', b'!', b'?', &bytes[from..]).map(|k| from + k);
        let limit = stop.unwrap_or(bytes.len());
        let ellipsis = memchr::memchr(0xA6, &bytes[from..limit]).map(|k| from + k);
        let Some(i) = ellipsis.or(stop) else {
            return hi;
        };
        from = i + 1;
        let Some((abs, len)) = terminator_at(bytes, pos, i) else {
            continue;
        };
        if len == 1 && bytes[i] == b'.' && !period_ends_sentence(text, abs) {
            continue;
        }
        if boundary_follows(text, abs + len).is_some() {
            return abs + len;
        }
    }
}

/// A word or punctuation token with its byte range in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub word: bool,
}

impl Tok<'_> {
    pub fn is(&self, s: &str) -> bool {
        self.text == s
    }
    pub fn is_capitalised(&self) -> bool {
        self.word && self.text.chars().next().is_some_and(char::is_uppercase)
    }
    pub fn is_lower_word(&self) -> bool {
        self.word && self.text.chars().next().is_some_and(char::is_lowercase)
    }
}

fn is_inner_joiner(c: char) -> bool {
    matches!(c, '’' | '\'' | '-' | '‑')
}

fn is_title_abbreviation(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "St"
            | "Prof"
            | "Lt"
            | "Gen"
            | "Col"
            | "Capt"
            | "Sgt"
            | "Rev"
            | "Hon"
            | "Mme"
            | "Mlle"
            | "Messrs"
            | "Jr"
            | "Sr"
            | "Gov"
            | "Sen"
            | "Rep"
            | "Cmdr"
            | "Adm"
            | "Maj"
    )
}

/// `char::is_alphanumeric` with the typographic marks archive text is full of (curly
/// quotes, dashes, ellipses) answered without the Unicode table lookup.
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !matches!(c, '’' | '‘' | '“' | '”' | '—' | '–' | '…' | '\u{a0}') && c.is_alphanumeric()
}

/// The char at byte `k` of `s` (a char boundary) and its length; ASCII without decoding.
fn char_at(s: &str, k: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(k)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    let c = s.get(k..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// Tokenizes `text[from..to]` into words and single-character punctuation.
pub fn tokens(text: &str, from: usize, to: usize) -> Vec<Tok<'_>> {
    let (from, to) = (floor_boundary(text, from), floor_boundary(text, to));
    if from >= to {
        return Vec::new();
    }
    let region = &text[from..to];
    // about one token per five bytes of prose; sized once instead of grown
    let mut out = Vec::with_capacity(region.len() / 5 + 4);
    let mut k = 0;
    while let Some((c, n)) = char_at(region, k) {
        let i = k;
        k += n;
        if c.is_whitespace() {
            continue;
        }
        if !is_alnum(c) {
            out.push(Tok {
                text: &region[i..k],
                start: from + i,
                end: from + k,
                word: false,
            });
            continue;
        }
        let mut end = k;
        let mut segment_len = 1;
        let mut segment_upper = c.is_uppercase();
        while let Some((d, dn)) = char_at(region, k) {
            let j = k;
            if is_alnum(d) {
                end = j + dn;
                segment_len += 1;
                k += dn;
                continue;
            }
            let next = char_at(region, j + dn).map(|(c, _)| c);
            if is_inner_joiner(d) && next.is_some_and(is_alnum) {
                end = j + dn;
                segment_len = 0;
                k += dn;
                continue;
            }
            // `L.D.`, `V.` — a single capital followed by a period is an initial.
            if d == '.' && segment_len == 1 && segment_upper {
                end = j + 1;
                k += 1;
                if let Some((e, en)) = char_at(region, k) {
                    if e.is_uppercase() {
                        end = k + en;
                        k += en;
                        segment_len = 1;
                        segment_upper = true;
                        continue;
                    }
                }
                break;
            }
            // `Mr.`, `Dr.`, `Capt.`: the period belongs to the title.
            if d == '.' && is_title_abbreviation(&region[i..end]) {
                end = j + 1;
                k += 1;
            }
            break;
        }
        out.push(Tok {
            text: &region[i..end],
            start: from + i,
            end: from + end,
            word: true,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_by_blank_lines_and_list_items() {
        let text = "One line\nwrapped.\n\n  1. First.\n  2. Second.\n\nLast";
        let paras: Vec<&str> = paragraphs(text)
            .iter()
            .map(|p| &text[p.start..p.end])
            .collect();
        assert_eq!(
            paras,
            ["One line\nwrapped.", "  1. First.", "  2. Second.", "Last"]
        );
    }

    #[test]
    fn a_lone_block_quote_mark_separates_paragraphs() {
        let text = "> First line\n> wrapped.\n>\n> Second.";
        let paras: Vec<&str> = paragraphs(text)
            .iter()
            .map(|p| &text[p.start..p.end])
            .collect();
        assert_eq!(paras, ["> First line\n> wrapped.", "> Second."]);
    }

    #[test]
    fn one_paragraph_per_line_without_blank_lines() {
        let text = "First paragraph.\nSecond paragraph.";
        assert_eq!(paragraphs(text).len(), 2);
    }

    #[test]
    fn sentences_skip_initials_and_abbreviations() {
        let text = "He met L.D. Trotsky. Then Mr. Smith said so. End";
        let pos = text.find("said").unwrap();
        assert_eq!(
            &text[sentence_start(text, 0, pos)..sentence_end(text, pos, text.len())],
            "Then Mr. Smith said so."
        );
        let pos = text.find("Trotsky").unwrap();
        assert_eq!(sentence_start(text, 0, pos), 0);
    }

    #[test]
    fn tokens_keep_initials_and_apostrophes() {
        let text = "L’Humanite (daily) and L.D. Trotsky’s V. Ulianov, well-known.";
        let words: Vec<&str> = tokens(text, 0, text.len()).iter().map(|t| t.text).collect();
        assert_eq!(
            words,
            [
                "L’Humanite",
                "(",
                "daily",
                ")",
                "and",
                "L.D.",
                "Trotsky’s",
                "V.",
                "Ulianov",
                ",",
                "well-known",
                "."
            ]
        );
    }
}
