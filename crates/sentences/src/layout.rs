//! Layout: cuts a region of text into blocks that no sentence may cross. Blank lines always
//! cut; inside a paragraph a single line break cuts before a list item, after a heading,
//! dateline, salutation or signature line, and never where OCR merely wrapped a line.

use serde::{Deserialize, Serialize};

use crate::boundary::list_marker;
use crate::chars::{char_before, closer_len, dash_len, opener_len, skip_ws, trim_end};
use crate::lexicon::{
    is_calendar, is_closing, is_joiner, is_salutation, is_section_label, is_starter,
};

/// How line breaks inside a paragraph are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LineBreaks {
    /// Decide from the layout: headings, list items, datelines, salutations and stacks of
    /// short unpunctuated lines stand alone; wrapped prose lines are joined.
    #[default]
    Auto,
    /// Only blank lines (and zone boundaries) end a segment; every single line break is a space.
    Paragraph,
    /// Every line break ends a segment (verse, one-sentence-per-line input).
    Line,
}

/// A non-blank line, trimmed: `start..end` in bytes.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
}

/// Lines no longer than this (in bytes) may form a stack of stand-alone lines (an address,
/// a menu, a title page) when none of them is punctuated as a sentence.
const SHORT_LINE: usize = 50;

/// Appends the blocks of `from..to` to `out` (trimmed byte ranges).
pub(crate) fn blocks(
    text: &str,
    from: usize,
    to: usize,
    mode: LineBreaks,
    out: &mut Vec<(usize, usize)>,
) {
    let b = text.as_bytes();
    let mut group: Vec<Line> = Vec::new();
    let mut start = from;
    while start < to {
        let end = memchr::memchr(b'\n', &b[start..to]).map_or(to, |i| start + i);
        let s = skip_ws(text, start, end);
        let e = trim_end(text, s, end);
        if s < e {
            group.push(Line { start: s, end: e });
        } else if !group.is_empty() {
            flush(text, &group, mode, out);
            group.clear();
        }
        start = end + 1;
    }
    if !group.is_empty() {
        flush(text, &group, mode, out);
    }
}

/// Emits the blocks of one paragraph (a run of non-blank lines).
fn flush(text: &str, lines: &[Line], mode: LineBreaks, out: &mut Vec<(usize, usize)>) {
    let (first, last) = (lines[0], lines[lines.len() - 1]);
    if lines.len() == 1 || mode == LineBreaks::Paragraph {
        out.push((first.start, last.end));
        return;
    }
    let width = lines.iter().map(|l| l.end - l.start).max().unwrap_or(0);
    // A stack of short lines none of which ends like a sentence: each line stands alone.
    let stack = mode == LineBreaks::Line
        || lines
            .iter()
            .all(|l| l.end - l.start <= SHORT_LINE && (!terminated(text, *l) || place(text, *l)));
    let mut block_start = first.start;
    for (k, pair) in lines.windows(2).enumerate() {
        let (prev, next) = (pair[0], pair[1]);
        // A title-cased line opening the paragraph or following a finished sentence is a
        // heading (`III. The Peasantry and the Revolution`), however long the next line.
        // Unless it is the paragraph's longest line: then it reads as a wrapped name (`the
        // Communist Party of Great` / `Britain, 16 King Street`), as a heading over a longer
        // paragraph is shorter than its lines.
        let heading = prev.end - prev.start <= HEADING
            && upper_start(text, next)
            && title_line(text, prev)
            && (k == 0 || terminated(text, lines[k - 1]))
            && !(prev.end - prev.start == width && width >= WRAPPED_TITLE && has_lower(text, prev));
        // `Whereas …;` clauses set one per line: once a `;` line stood alone after another,
        // the line after it (`Be it resolved that …`) stands alone too.
        let clause_run = k >= 1
            && block_start == prev.start
            && ends_with(text, prev, b';')
            && ends_with(text, lines[k - 1], b';')
            && upper_start(text, next);
        // A line in capitals between two lines of prose is a running head or crosshead set
        // inside the sentence that crosses it (`in August` / `THE COLLAPSE OF THE
        // INTERNATIONAL` / `1914, now called`).
        // A stack of short lines has no prose for it to cross.
        let crosshead = !stack
            && ((capitals_line(text, next)
                && has_lower(text, prev)
                && lines.get(k + 2).is_some_and(|l| has_lower(text, *l)))
                || (capitals_line(text, prev)
                    && has_lower(text, next)
                    && k >= 1
                    && has_lower(text, lines[k - 1])));
        // A page number alone on its line stands alone, even mid-sentence (`The Party was` /
        // `22` / `forced underground`): OCR keeps page numbers far more often than a column
        // leaves a figure alone on a line.
        let page = page_number(text, next) || page_number(text, prev);
        // A column of figures (`For the resolution 1,206` / `Against 341`): each row alone.
        let column = |i: usize| {
            figure_row(text, lines[i])
                && ((i > 0 && figure_row(text, lines[i - 1]))
                    || lines.get(i + 1).is_some_and(|l| figure_row(text, *l)))
        };
        let table = column(k) || column(k + 1);
        // Inside a stack, a line ending where no phrase can (`THE TRUTH ABOUT` / `THE MEANS
        // TEST`, `By` / `WAL HANNINGTON`) is one title or byline wrapped.
        if (stack && !ends_in_joiner(text, prev))
            || heading
            || page
            || clause_run
            || crosshead
            || table
            || hard_break(text, prev, next, width)
        {
            out.push((block_start, prev.end));
            block_start = next.start;
        }
    }
    out.push((block_start, last.end));
}

/// Whether the line break between `prev` and `next` ends a segment.
fn hard_break(text: &str, prev: Line, next: Line, width: usize) -> bool {
    let b = text.as_bytes();
    if let Some(m) = list_marker(text, next.start, next.end, true) {
        // A lone letter (`A. Smith`) is a list label only when the previous line had one too
        // or announced a list (`three points:` / `i. the Party`).
        if !m.is_ambiguous()
            || text.as_bytes()[prev.end - 1] == b':'
            || list_marker(text, prev.start, prev.end, true).is_some()
        {
            return true;
        }
    }
    if running_head(text, prev) || running_head(text, next) || postscript(text, next) {
        return true;
    }
    // A drop capital set on its own line (`T` / `HE WAR began`) belongs to the next word, set
    // in capitals; a Roman numeral (`I` / `The first task`) heads what follows.
    if prev.end - prev.start == 1 && b[prev.start].is_ascii_uppercase() {
        let word = first_word(text, next);
        if word.len() >= 2 && word.iter().all(u8::is_ascii_uppercase) {
            return false;
        }
    }
    // An attribution under a quotation or letter (`— Heraclitus`, `— L. T.`) ends its line.
    if dash_len(b, prev.start) > 0 && signature(text, prev) && upper_start(text, next) {
        return true;
    }
    let has_alnum = |l: Line| text[l.start..l.end].chars().any(char::is_alphanumeric);
    if !has_alnum(prev) || !has_alnum(next) {
        return true; // separators such as `* * *`
    }
    if terminated(text, prev) {
        // `CHAPTER IV.` on its own line labels what follows.
        if label_line(text, prev) {
            return true;
        }
        // A letterhead (`New York, N.Y.` over `March 1, 1946`) or a signature over its date
        // (`J. H.` over `February 1940`).
        return dateline(text, next)
            && (place(text, prev) || starts_with_month(text, next) || signature(text, prev));
    }
    let next_upper = upper_start(text, next);
    let last = b[prev.end - 1];
    if last == b',' {
        // `My dear friend,` stands alone even when OCR or the writer lowered the next word.
        // `I remain, Sir,` over `Yours, &c.,`: the closing line shows where the letter ends.
        let closing_next = text[next.start..next.end].split_whitespace().count() <= 6
            && is_closing(first_word(text, next));
        // `R. Groves,` over `Secretary.`: a signature and the title under it.
        let title_under = signature(text, prev)
            && next.end - next.start <= 40
            && text[next.start..next.end]
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        return (next_upper || dear(text, prev))
            && (letter_frame(text, prev) || closing_next || title_under);
    }
    // `Whereas …;` clauses set one per line: a sentence opener after a semicolon is no wrap.
    if last == b';' && next_upper && opens_sentence(text, next) {
        return true;
    }
    if last == b':' && next_upper && letter_frame(text, prev) {
        return true;
    }
    if matches!(last, b';' | b'-' | b'(' | b'[' | b'&' | b'/')
        || matches!(char_before(text, prev.end), Some('—' | '–'))
    {
        return false;
    }
    let (lw_start, lw_end) = last_word(text, prev.start, prev.end - usize::from(last == b':'));
    // `opened on January` / `12, 1938`: a date broken across lines.
    let joiner = is_joiner(&b[lw_start..lw_end])
        || (b[next.start].is_ascii_digit() && is_calendar(&b[lw_start..lw_end]));
    // A dateline stands alone after a place line too (`Coyoacan, D.F., Mexico` / `August 1,
    // 1940`), unless the line before cannot end (`in the early morning of`).
    if next_upper
        && (dateline(text, prev) || (!joiner && upper_start(text, prev) && dateline(text, next)))
    {
        return true;
    }
    if joiner || !upper_start(text, prev) || !next_upper {
        return false;
    }
    // The first word of the next line would have fitted on this one: the break is deliberate.
    let first_word = b[next.start..next.end]
        .iter()
        .take_while(|c| !c.is_ascii_whitespace())
        .count();
    (prev.end - prev.start + 1 + first_word) * 4 <= width * 3
}

/// Longest line (bytes) read as a title-cased heading.
const HEADING: usize = 72;

/// A title-cased line at least this long (bytes) that is its paragraph's longest line is read
/// as wrapped, not as a heading.
const WRAPPED_TITLE: usize = 30;

/// Whether the line's last byte is `c`.
fn ends_with(text: &str, line: Line, c: u8) -> bool {
    text.as_bytes()[line.end - 1] == c
}

/// Whether the line holds a lower-case letter.
fn has_lower(text: &str, line: Line) -> bool {
    text[line.start..line.end].chars().any(char::is_lowercase)
}

/// A short row of a table: a capitalised label and the figure it ends in (`Against 341`).
fn figure_row(text: &str, line: Line) -> bool {
    let b = &text.as_bytes()[line.start..line.end];
    b.len() <= SHORT_LINE
        && b[b.len() - 1].is_ascii_digit()
        && b[0].is_ascii_uppercase()
        && b.contains(&b' ')
}

/// An unpunctuated line of two or more words in capitals only (`THE COLLAPSE OF THE
/// INTERNATIONAL`).
fn capitals_line(text: &str, line: Line) -> bool {
    // Cheap rejects first: every line pair is asked, and prose shows a small letter at once.
    if has_lower(text, line)
        || terminated(text, line)
        || matches!(text.as_bytes()[line.end - 1], b',' | b';' | b':' | b'-')
    {
        return false;
    }
    text[line.start..line.end]
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .count()
        >= 2
}

/// An unpunctuated line of at least three words whose words of four or more letters are all
/// capitalised (`III. The Peasantry and the Revolution`): the shape of a title, not of
/// wrapped prose.
fn title_line(text: &str, line: Line) -> bool {
    let b = &text.as_bytes()[line.start..line.end];
    let last = b[b.len() - 1];
    if b.len() > HEADING
        || matches!(last, b',' | b';' | b':' | b'-')
        || !upper_start(text, line)
        || terminated(text, line)
        || text[line.start..line.end].ends_with('—')
    {
        return false;
    }
    let mut words = 0;
    for w in b.split(u8::is_ascii_whitespace).filter(|w| !w.is_empty()) {
        words += 1;
        // Letters by bytes (a non-ASCII letter counts for its bytes: near enough here).
        let letters = w
            .iter()
            .filter(|c| c.is_ascii_alphabetic() || **c >= 0x80)
            .count();
        // Split on ASCII whitespace, the word is still UTF-8; quotes before it are skipped.
        let capital = std::str::from_utf8(w)
            .ok()
            .and_then(|s| s.chars().find(|c| c.is_alphanumeric()))
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if letters >= 4 && !capital {
            return false;
        }
    }
    // A wrapped line may end in `of`, `the` or `THE`; a title may end in a title-cased
    // `After`.
    let (ws, we) = last_word(text, line.start, line.end);
    let b = text.as_bytes();
    let title_cased = we > ws + 1
        && b[ws].is_ascii_uppercase()
        && b[ws + 1..we].iter().all(u8::is_ascii_lowercase);
    words >= 3 && (title_cased || !ends_in_joiner(text, line))
}

/// A salutation (`Dear Comrades,`) or closing (`Yours fraternally,`) line.
fn letter_frame(text: &str, line: Line) -> bool {
    let words: Vec<&str> = text[line.start..line.end]
        .split_whitespace()
        .take(11)
        .collect();
    // `On behalf of the Executive Committee,` / `For and on behalf of …,`: the closing
    // formula of a resolution or circular, however long the body's name.
    // It opens the line: `speaking on behalf of the miners,` is prose.
    let on_behalf = |i: usize| {
        words.len() > i + 1
            && words[i].eq_ignore_ascii_case("on")
            && words[i + 1].eq_ignore_ascii_case("behalf")
    };
    let behalf = on_behalf(0)
        || (on_behalf(2)
            && words[0].eq_ignore_ascii_case("for")
            && words[1].eq_ignore_ascii_case("and"));
    if behalf && words.len() <= 10 {
        return true;
    }
    if words.is_empty() || words.len() > 6 {
        return false;
    }
    let clean = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .as_bytes()
            .to_vec()
    };
    let first = clean(words[0]);
    let last = clean(words[words.len() - 1]);
    let dear = words.len() >= 2
        && first.eq_ignore_ascii_case(b"my")
        && clean(words[1]).eq_ignore_ascii_case(b"dear");
    is_salutation(&first) || dear || is_closing(&first) || is_closing(&last)
}

/// Whether the line opens with `Dear` or `My dear`.
fn dear(text: &str, line: Line) -> bool {
    let mut words = text[line.start..line.end].split_whitespace();
    match words.next() {
        Some(w) if w.eq_ignore_ascii_case("dear") => true,
        Some(w) if w.eq_ignore_ascii_case("my") => {
            words.next().is_some_and(|w| w.eq_ignore_ascii_case("dear"))
        }
        _ => false,
    }
}

/// Whether the line's first word typically opens a sentence (`Whereas`, `The`), not counting
/// the pronoun `I`, which is capitalised anywhere.
fn opens_sentence(text: &str, line: Line) -> bool {
    let word = first_word(text, line);
    word != b"I" && is_starter(word)
}

/// The run of ASCII letters the line starts with (empty when it starts otherwise).
fn first_word(text: &str, line: Line) -> &[u8] {
    let b = &text.as_bytes()[line.start..line.end];
    &b[..b.iter().take_while(|c| c.is_ascii_alphabetic()).count()]
}

/// Abbreviations set after a name with a comma (`John Smith, Esq.`, `Vickers, Ltd.`).
const POST_NOMINAL: &[&[u8]] = &[b"Esq.", b"Jr.", b"Sr.", b"Ltd.", b"Inc.", b"Co.", b"Bros."];

/// An address or name line ending in a state or district abbreviation or a post-nominal
/// (`Coyoacan, D.F.`, `New York, N.Y.`, `John Smith, Esq.`): its stop ends no sentence.
fn place(text: &str, line: Line) -> bool {
    let b = &text.as_bytes()[line.start..line.end];
    let token_start = b
        .iter()
        .rposition(u8::is_ascii_whitespace)
        .map_or(0, |i| i + 1);
    let token = &b[token_start..];
    let initials = token.len() >= 4
        && token.len().is_multiple_of(2)
        && token
            .chunks(2)
            .all(|p| p[0].is_ascii_uppercase() && p[1] == b'.');
    (initials || POST_NOMINAL.contains(&token))
        && token_start >= 2
        && b[token_start - 2] == b','
        && b[0].is_ascii_uppercase()
}

/// A line opening a postscript or a note (`P.S.`, `P.P.S.`, `N.B.`, `PS`).
fn postscript(text: &str, line: Line) -> bool {
    let b = &text.as_bytes()[line.start..line.end];
    let label = b
        .iter()
        .take(8)
        .take_while(|c| c.is_ascii_uppercase() || **c == b'.')
        .count();
    matches!(
        &b[..label],
        b"P.S." | b"P.P.S." | b"PS" | b"PPS" | b"N.B." | b"NB"
    ) && b.get(label).is_none_or(|c| matches!(c, b' ' | b':' | b','))
}

/// A signature line (`— L. T.`, `N. Lenin`): a few words, each capitalised or a dash.
fn signature(text: &str, line: Line) -> bool {
    let s = &text[line.start..line.end];
    s.len() <= 40
        && s.split_whitespace().count() <= 4
        && s.split_whitespace().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || matches!(c, '—' | '–' | '-'))
        })
}

/// A page's running head as OCR keeps it (`THE COMMUNIST INTERNATIONAL 213`, `12 THE CASE OF
/// LEON TROTSKY`): capitals only, at least two words, a page number at one end. It interrupts
/// whatever sentence runs across the page break.
#[inline]
fn running_head(text: &str, line: Line) -> bool {
    // Cheap rejects first: every line pair is asked.
    let b = &text.as_bytes()[line.start..line.end];
    if b.len() > SHORT_LINE + 20 || !(b[0].is_ascii_digit() || b[b.len() - 1].is_ascii_digit()) {
        return false;
    }
    let s = &text[line.start..line.end];
    if s.chars().any(char::is_lowercase) {
        return false;
    }
    let page = |w: &str| (1..=3).contains(&w.len()) && w.bytes().all(|c| c.is_ascii_digit());
    let mut words = s.split_whitespace();
    let numbered = words.next().is_some_and(page) || words.next_back().is_some_and(page);
    numbered && s.split_whitespace().filter(|w| !page(w)).count() >= 2
}

/// A section label and its numeral alone on a line (`CHAPTER IV.`, `Part 2.`).
fn label_line(text: &str, line: Line) -> bool {
    let mut words = text[line.start..line.end].split_whitespace();
    let (Some(label), Some(numeral), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let numeral = numeral.trim_end_matches('.');
    is_section_label(label.as_bytes())
        && !numeral.is_empty()
        && (numeral.bytes().all(|c| c.is_ascii_digit())
            || numeral.bytes().all(|c| b"IVXLC".contains(&c)))
}

/// Whether the line's last word is one after which prose cannot stop (`of`, `were`).
fn ends_in_joiner(text: &str, line: Line) -> bool {
    let (ws, we) = last_word(text, line.start, line.end);
    is_joiner(&text.as_bytes()[ws..we])
}

/// A line holding only a page number (`14`), as OCR keeps it between two pages.
fn page_number(text: &str, line: Line) -> bool {
    let s = &text.as_bytes()[line.start..line.end];
    (1..=3).contains(&s.len()) && s.iter().all(u8::is_ascii_digit)
}

/// Whether the line opens with a month's name (`February 1940`).
fn starts_with_month(text: &str, line: Line) -> bool {
    is_calendar(first_word(text, line))
}

/// Longest line (bytes) taken for a dateline.
const DATELINE: usize = 48;

/// A short line ending in a year (`Mexico City, June 2, 1940`, `October/November 1961`).
fn dateline(text: &str, line: Line) -> bool {
    let b = &text.as_bytes()[line.start..line.end];
    let digits = b.iter().rev().take_while(|c| c.is_ascii_digit()).count();
    b.len() <= DATELINE
        && digits == 4
        && (b.len() == 4 || !b[b.len() - 5].is_ascii_alphanumeric())
        && matches!(b[0], b'0'..=b'9' | b'A'..=b'Z')
}

/// Whether the line ends like a sentence (`.`, `?`, `!`, `…`, possibly inside closers).
fn terminated(text: &str, line: Line) -> bool {
    let b = text.as_bytes();
    let mut e = line.end;
    while e > line.start {
        let c = char_before(text, e);
        match c {
            Some(c) if closer_len(b, e - c.len_utf8()) > 0 => e -= c.len_utf8(),
            _ => break,
        }
    }
    matches!(char_before(text, e), Some('.' | '?' | '!' | '…'))
}

/// Whether the line starts (after opening quotes) with a capital or a digit.
fn upper_start(text: &str, line: Line) -> bool {
    let b = text.as_bytes();
    let mut i = line.start;
    while i < line.end && opener_len(b, i) > 0 {
        i += opener_len(b, i);
    }
    text[i..line.end]
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn last_word(text: &str, start: usize, end: usize) -> (usize, usize) {
    let b = text.as_bytes();
    let mut s = end;
    while s > start && b[s - 1].is_ascii_alphabetic() {
        s -= 1;
    }
    (s, end)
}
