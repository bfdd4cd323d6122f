//! Finds quotation-mark spans: “…”, ‘…’, "…", '…', «…», »…«, ‹…›, „…“, ‚…‘. Marks are located
//! with memchr passes; each is classified from its neighbours (an apostrophe between letters,
//! `’30s`, an elision `’em`, a plural possessive `Marxists’ ` are not marks) and paired per
//! paragraph with a stack, so nesting works and an unbalanced mark never reaches past its
//! paragraph (only past a line break when its closing mark follows on the next line).

use crate::text::{paragraphs, Para};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Double,
    Single,
    Guillemet,
}

/// One quotation span as byte offsets. `start..end` is the content inside the marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawQuote {
    /// Byte offset of the opening mark (= `start` when there is none).
    pub open: usize,
    pub start: usize,
    pub end: usize,
    /// Byte offset just after the closing mark; `None` when the paragraph ended first.
    pub close: Option<usize>,
    pub family: Family,
    /// Index of the paragraph.
    pub para: usize,
    /// Index (in the sorted output) of the span this one is nested in.
    pub parent: Option<usize>,
    /// Index of the previous span of the same quotation (multi-paragraph quotations).
    pub continues: Option<usize>,
    pub marks: bool,
}

impl RawQuote {
    /// Byte offset just after the span including its closing mark.
    pub fn outer_end(&self) -> usize {
        self.close.unwrap_or(self.end)
    }
}

const MARKS: [&str; 14] = [
    "“", "”", "‘", "’", "\"", "'", "«", "»", "„", "‚", "‹", "›", "‟", "‛",
];

/// Byte offsets and pattern indices (into [`MARKS`]) of every mark, in text order. All
/// curly marks start with byte 0xE2 and guillemets with 0xC2, so two memchr passes find them.
fn scan(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut hits = Vec::new();
    for i in memchr::memchr3_iter(0xE2, b'"', b'\'', b) {
        let pattern = match (b[i], b.get(i + 1), b.get(i + 2)) {
            (b'"', _, _) => 4,
            (b'\'', _, _) => 5,
            (_, Some(0x80), Some(0x9C)) => 0,
            (_, Some(0x80), Some(0x9D)) => 1,
            (_, Some(0x80), Some(0x98)) => 2,
            (_, Some(0x80), Some(0x99)) => 3,
            (_, Some(0x80), Some(0x9E)) => 8,
            (_, Some(0x80), Some(0x9A)) => 9,
            (_, Some(0x80), Some(0xB9)) => 10,
            (_, Some(0x80), Some(0xBA)) => 11,
            (_, Some(0x80), Some(0x9F)) => 12,
            (_, Some(0x80), Some(0x9B)) => 13,
            _ => continue,
        };
        hits.push((i, pattern));
    }
    let guillemets: Vec<(usize, usize)> = memchr::memchr_iter(0xC2, b)
        .filter_map(|i| match b.get(i + 1) {
            Some(0xAB) => Some((i, 6)),
            Some(0xBB) => Some((i, 7)),
            _ => None,
        })
        .collect();
    if guillemets.is_empty() {
        return hits;
    }
    // Both lists are in text order: merge them instead of sorting the whole list.
    let mut merged = Vec::with_capacity(hits.len() + guillemets.len());
    let (mut x, mut y) = (
        hits.into_iter().peekable(),
        guillemets.into_iter().peekable(),
    );
    loop {
        let next = match (x.peek(), y.peek()) {
            (Some(a), Some(g)) if a.0 < g.0 => x.next(),
            (Some(_), Some(_)) | (None, Some(_)) => y.next(),
            (Some(_), None) => x.next(),
            (None, None) => break,
        };
        merged.extend(next);
    }
    merged
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open(Family),
    Close(Family),
    /// A straight double quote whose side the context does not tell.
    Either,
    /// `’`/`'` after a word: a closing single quote or an apostrophe (`Marxists’ `).
    CloseOrApostrophe,
    /// `'` before a word: an opening single quote or an elision (`'em`).
    OpenOrApostrophe,
}

#[derive(Debug, Clone, Copy)]
struct Event {
    pos: usize,
    len: usize,
    role: Role,
    straight: bool,
}

/// Words written with a leading apostrophe for a dropped sound (`’em`, `'tis`, `’n’`): a
/// mark before one of them is an elision, not an opening quote.
fn is_elision(word: &str) -> bool {
    const ELISIONS: [&str; 14] = [
        "em", "tis", "twas", "twere", "twill", "twould", "n", "cause", "cos", "bout", "til",
        "neath", "tween", "gainst",
    ];
    (1..=6).contains(&word.len()) && ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(word))
}

/// The letters right after byte `at` (an ASCII-only run is enough for the elision list).
fn word_at(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    let len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    // a longer word with non-ASCII letters is no elision: make it fail the lookup
    match rest[len..].chars().next() {
        Some(c) if c.is_alphabetic() => "",
        _ => &rest[..len],
    }
}

/// Whether byte `pos` lies inside an HTML or XML tag left in the text (`<a href="…">`):
/// attribute values are not quotations. Looks back a few hundred bytes for a `<` that opens
/// a tag and is not yet closed by `>`.
fn in_tag(text: &str, pos: usize) -> bool {
    let b = text.as_bytes();
    let lo = pos.saturating_sub(400);
    memchr::memrchr2(b'<', b'>', &b[lo..pos]).is_some_and(|i| {
        b[lo + i] == b'<'
            && b.get(lo + i + 1)
                .is_some_and(|&c| c.is_ascii_alphabetic() || c == b'/' || c == b'!')
    })
}

/// `5’ 10”`, `5'10"`: the double mark after the inches of a feet-and-inches measure.
fn inches_after_feet(text: &str, pos: usize) -> bool {
    let before = text[..pos].trim_end_matches(|c: char| c.is_ascii_digit());
    if before.len() == pos {
        return false;
    }
    let before = before.strip_suffix(' ').unwrap_or(before);
    before
        .strip_suffix(['\'', '’', '′'])
        .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()))
}

/// A mark standing alone in a run of spaces, as ditto marks do in tables (`Coal  “  per cwt`).
fn ditto_like(text: &str, pos: usize, len: usize) -> bool {
    let (before, after) = (&text[..pos], &text[pos + len..]);
    let spaced = |s: &str| s.starts_with([' ', '\t']);
    let spaced_end = |s: &str| s.ends_with([' ', '\t']);
    spaced_end(before)
        && spaced(after)
        && (spaced_end(&before[..before.len() - 1]) || spaced(&after[1..]))
}

/// The role of the mark at byte `pos` (`pattern` indexes [`MARKS`]), `None` when it is no
/// quotation mark. `markup`: the text holds a `<`, so marks may sit inside tags.
fn classify(text: &str, pos: usize, pattern: usize, markup: bool) -> Option<Role> {
    let role = classify_by_neighbours(text, pos, pattern)?;
    // checked last: most straight marks are apostrophes, settled without the look-back
    (!(markup && matches!(pattern, 4 | 5) && in_tag(text, pos))).then_some(role)
}

fn classify_by_neighbours(text: &str, pos: usize, pattern: usize) -> Option<Role> {
    let prev = text[..pos].chars().next_back();
    let mark_len = MARKS[pattern].len();
    let next = text[pos + mark_len..].chars().next();
    let space_or_edge = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let opener_context = |c: Option<char>| {
        c.is_none_or(|c| {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '['
                        | '{'
                        | '—'
                        | '–'
                        | '-'
                        | '/'
                        | '“'
                        | '‘'
                        | '«'
                        | '„'
                        | '‚'
                        | '‹'
                        | '‟'
                        | '‛'
                )
        })
    };
    // what may follow a closing mark: a space, the end, or punctuation (`“Ja“, sagte er`)
    let closer_follows = |c: Option<char>| {
        c.is_none_or(|c| {
            c.is_whitespace()
                || matches!(
                    c,
                    ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '…' | '—' | '–' | '-'
                )
        })
    };
    let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    // a mark after a word and before a space or punctuation closes (German “ and ‘ close)
    let after_word = !opener_context(prev) && closer_follows(next);
    let elision = || is_elision(word_at(text, pos + mark_len));
    if matches!(pattern, 0 | 1 | 4 | 12)
        && (ditto_like(text, pos, mark_len) || digit(prev) && inches_after_feet(text, pos))
    {
        return None;
    }
    match pattern {
        // “ opens in English and closes in German; a reversed one (word“ ) is taken by context.
        // The rare reversed-9 ‟ and ‛ are read as “ and ‘.
        0 | 12 => Some(if after_word {
            Role::Close(Family::Double)
        } else {
            Role::Open(Family::Double)
        }),
        1 => Some(if space_or_edge(prev) && alnum(next) {
            Role::Open(Family::Double)
        } else {
            Role::Close(Family::Double)
        }),
        2 | 13 => {
            // between letters, `‘30s`, `‘em`: an apostrophe typed as an opening mark
            let digit_after_space = space_or_edge(prev) && digit(next);
            if (letter(prev) && letter(next)) || digit_after_space || elision() {
                None
            } else if after_word {
                // German ‚…‘, or OCR reversing ’: after a letter it may still be an apostrophe
                Some(if letter(prev) {
                    Role::CloseOrApostrophe
                } else {
                    Role::Close(Family::Single)
                })
            } else {
                Some(Role::Open(Family::Single))
            }
        }
        3 | 5 => {
            let straight = pattern == 5;
            // Trotsky’s, doesn’t, rock'n'roll; and ‘’Tis …: right after an opener nothing
            // is quoted yet, so the mark is an elision
            if alnum(prev) && alnum(next)
                || matches!(prev, Some('‘' | '“' | '«' | '‟' | '‛')) && letter(next)
            {
                None
            } else if opener_context(prev) {
                let dash = matches!(prev, Some('—' | '–' | '-'));
                if digit(next) || elision() {
                    None // ’30s, ’em, 'Tis
                } else if closer_follows(next)
                    && (dash || !straight && prev.is_some_and(char::is_whitespace))
                {
                    // `‘But I—’ he began`, OCR's spaced `‘ Yes ’`
                    Some(Role::Close(Family::Single))
                } else if straight && alnum(next)
                    || !straight && next.is_some_and(|c| c.is_uppercase())
                {
                    Some(Role::OpenOrApostrophe)
                } else if space_or_edge(next) {
                    None
                } else if straight {
                    Some(Role::OpenOrApostrophe)
                } else {
                    None // ’ before a lower-case word: an elision the list does not know
                }
            } else if letter(prev) {
                Some(Role::CloseOrApostrophe)
            } else {
                Some(Role::Close(Family::Single))
            }
        }
        4 => {
            if opener_context(prev) && closer_follows(next) {
                // `"Well—" he began`; `"But " he began` where a text lost its dash: between
                // single spaces the mark only closes a quotation left open (ditto marks, in
                // runs of spaces, were set aside above), so a stray `" maybe ".` opens nothing
                Some(Role::Close(Family::Double))
            } else if opener_context(prev) && !space_or_edge(next) {
                Some(Role::Open(Family::Double))
            } else if !opener_context(prev)
                && (space_or_edge(next) || next.is_some_and(|c| !c.is_alphanumeric()))
            {
                Some(Role::Close(Family::Double))
            } else if space_or_edge(prev) && space_or_edge(next) {
                None
            } else {
                Some(Role::Either)
            }
        }
        // « opens, except after a word in German »…« order; » closes, except before a word.
        // Single guillemets ‹ › nest inside them and pair the same way.
        6 | 10 => Some(if after_word {
            Role::Close(Family::Guillemet)
        } else {
            Role::Open(Family::Guillemet)
        }),
        7 | 11 => Some(if opener_context(prev) && alnum(next) {
            Role::Open(Family::Guillemet)
        } else {
            Role::Close(Family::Guillemet)
        }),
        // „ and ‚ open (German, Polish, Russian); after a word or a digit they are misread
        // commas (`1‚5`), and before a space stray marks.
        8 if !space_or_edge(next) && !digit(prev) => Some(Role::Open(Family::Double)),
        9 if opener_context(prev) && !space_or_edge(next) => Some(Role::Open(Family::Single)),
        _ => None,
    }
}

fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "or"
            | "but"
            | "at"
            | "to"
            | "in"
            | "of"
            | "on"
            | "for"
            | "with"
            | "by"
            | "as"
            | "is"
            | "are"
            | "was"
            | "were"
            | "that"
            | "which"
            | "who"
            | "than"
            | "from"
            | "into"
            | "had"
            | "has"
            | "have"
            | "he"
            | "she"
            | "they"
            | "it"
            | "we"
            | "said"
            | "says"
            | "asked"
            | "replied"
            | "then"
            | "so"
            | "if"
            | "when"
    )
}

#[derive(Debug, Clone, Copy)]
struct Opened {
    family: Family,
    pos: usize,
    len: usize,
    straight: bool,
    /// Paragraph the mark opened in (a quotation may close after a line break).
    para: usize,
}

/// Trims whitespace from both ends of `text[start..end]`.
fn trim(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail >= s.len() {
        (start, start)
    } else {
        (start + lead, end - trail)
    }
}

/// Byte offset where the paragraph's text begins, after indentation and Markdown `>` marks.
fn content_start(text: &str, para: Para) -> usize {
    let t = &text[para.start..para.end];
    para.start
        + (t.len()
            - t.trim_start_matches(|c: char| c.is_whitespace() || c == '>')
                .len())
}

/// The family of the opening mark that begins the paragraph, if it begins with one.
fn leading_opener(text: &str, para: Para) -> Option<Family> {
    match text[content_start(text, para)..para.end].chars().next()? {
        '“' | '"' | '„' | '‟' => Some(Family::Double),
        '‘' | '\'' | '‚' | '‛' => Some(Family::Single),
        // French continuation paragraphs open with », German ones with »…«
        '«' | '»' | '‹' | '›' => Some(Family::Guillemet),
        _ => None,
    }
}

/// The paragraph after `pi` that holds text: a lone `>` line between two paragraphs of a
/// Markdown block quote separates them without ending the quotation.
fn next_text_para(text: &str, paras: &[Para], pi: usize) -> Option<usize> {
    (pi + 1..paras.len().min(pi + 4)).find(|&k| content_start(text, paras[k]) < paras[k].end)
}

fn has_any_mark(text: &str, para: Para) -> bool {
    // apostrophe-shaped marks (’ ') do not count: they are mostly apostrophes
    scan(&text[para.start..para.end])
        .iter()
        .any(|&(_, pattern)| !matches!(pattern, 3 | 5))
}

/// Whether a paragraph reads as someone's speech: it addresses or speaks as a person.
fn reads_as_speech(text: &str, para: Para) -> bool {
    let t = &text[para.start..para.end];
    t.len() >= 40
        && t.split(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'')
            .any(crate::lexicon::is_personal_word)
}

/// Finds all quotation-mark spans of `text`, sorted by opening position.
pub fn find(text: &str) -> Vec<RawQuote> {
    find_in(text, &paragraphs(text))
}

/// Like [`find`] with paragraphs already computed.
pub fn find_in(text: &str, paras: &[Para]) -> Vec<RawQuote> {
    let mut events_all: Vec<Event> = Vec::new();
    let markup = memchr::memchr(b'<', text.as_bytes()).is_some();
    for (pos, pattern) in scan(text) {
        if let Some(role) = classify(text, pos, pattern, markup) {
            events_all.push(Event {
                pos,
                len: MARKS[pattern].len(),
                role,
                straight: matches!(pattern, 4 | 5),
            });
        }
    }
    let mut out: Vec<RawQuote> = Vec::new();
    // (open position of the span to continue, paragraph index where the continuation opens)
    let mut pending: Option<(usize, usize)> = None;
    // Openers still waiting for a closer that comes after a line break (see `carries_over`).
    let mut carried: Vec<Opened> = Vec::new();
    // Per paragraph, refilled: what single-quote closers lie ahead of each event.
    let mut ahead: Vec<Ahead> = Vec::new();
    let mut ev = 0;
    for (pi, &para) in paras.iter().enumerate() {
        while ev < events_all.len() && events_all[ev].pos < para.start {
            ev += 1;
        }
        let first = ev;
        while ev < events_all.len() && events_all[ev].pos < para.end {
            ev += 1;
        }
        let events = &events_all[first..ev];
        let continuation = if pending.is_some_and(|(_, at)| at <= pi) {
            pending.take().filter(|&(_, at)| at == pi)
        } else {
            None
        };
        // Most paragraphs hold no mark: nothing opens, so nothing to emit or carry over.
        if events.is_empty() {
            continue;
        }
        singles_ahead(events, &mut ahead);
        let para_first = content_start(text, para);
        let mut stack: Vec<Opened> = std::mem::take(&mut carried);
        let mut emitted_here: Vec<usize> = Vec::new();
        let emit = |out: &mut Vec<RawQuote>, o: Opened, end: usize, close: Option<usize>| {
            let (s, e) = trim(text, o.pos + o.len, end);
            let continues_open = continuation
                .filter(|_| o.pos == para_first)
                .map(|(open, _)| open);
            out.push(RawQuote {
                open: o.pos,
                start: s,
                end: e,
                close,
                family: o.family,
                para: o.para,
                parent: None,
                // Resolved to an index after sorting; holds the open position until then.
                continues: continues_open,
                marks: true,
            });
        };
        for (i, e) in events.iter().enumerate() {
            // Real nesting is shallow; a pile of unclosed openers is stray marks.
            if stack.len() > 16 {
                stack.drain(..stack.len() - 16);
            }
            let opened = |family| Opened {
                family,
                pos: e.pos,
                len: e.len,
                straight: e.straight,
                para: pi,
            };
            let close_family = |stack: &mut Vec<Opened>,
                                out: &mut Vec<RawQuote>,
                                family: Family,
                                emitted: &mut Vec<usize>|
             -> bool {
                if let Some(k) = stack.iter().rposition(|o| o.family == family) {
                    let o = stack[k];
                    stack.truncate(k);
                    emitted.push(out.len());
                    emit(out, o, e.pos, Some(e.pos + e.len));
                    true
                } else {
                    false
                }
            };
            // French `» …` re-opens a quotation continued from the previous paragraph.
            let role = match e.role {
                Role::Close(Family::Guillemet) if continuation.is_some() && e.pos == para_first => {
                    Role::Open(Family::Guillemet)
                }
                role => role,
            };
            match role {
                Role::Open(Family::Single) if !e.straight => {
                    // A ‘ that nothing closes and no word follows is a stray mark.
                    let before_word = next_word_starts(text, e.pos + e.len);
                    if ahead[i + 1].later || e.pos == para_first || before_word {
                        stack.push(opened(Family::Single));
                    }
                }
                Role::Open(f) => stack.push(opened(f)),
                Role::Close(f) => {
                    close_family(&mut stack, &mut out, f, &mut emitted_here);
                }
                Role::Either => {
                    if stack
                        .iter()
                        .any(|o| o.family == Family::Double && o.straight)
                    {
                        close_family(&mut stack, &mut out, Family::Double, &mut emitted_here);
                    } else {
                        stack.push(opened(Family::Double));
                    }
                }
                Role::CloseOrApostrophe => {
                    let open_singles = stack.iter().filter(|o| o.family == Family::Single).count();
                    // A straight mark closes a straight opener, a curly one a curly opener; across
                    // styles (`‘Yes' he said`) only where no noun follows, as after a possessive.
                    let same_style = stack
                        .iter()
                        .any(|o| o.family == Family::Single && o.straight == e.straight);
                    if !same_style && (open_singles == 0 || word_follows(text, e.pos + e.len)) {
                        continue;
                    }
                    // `‘Give ’em nothin’, lads,’`: the unambiguous closers still to come close
                    // every open single quote, so this one is an apostrophe.
                    let Ahead {
                        unambiguous, any, ..
                    } = ahead[i + 1];
                    if unambiguous >= open_singles {
                        continue;
                    }
                    // `the workers’ party’`: a possessive is followed by its noun (a closing
                    // mark often by a function word), with a closer still to come.
                    let plural_possessive =
                        text[..e.pos].ends_with(['s', 'S']) && word_follows(text, e.pos + e.len);
                    // British multi-paragraph speech: the closer may be paragraphs away.
                    let speech_goes_on = paras
                        .get(pi + 1)
                        .is_some_and(|&n| leading_opener(text, n) == Some(Family::Single));
                    if plural_possessive && (any > 0 || speech_goes_on) {
                        continue;
                    }
                    close_family(&mut stack, &mut out, Family::Single, &mut emitted_here);
                }
                Role::OpenOrApostrophe => {
                    // `'The first point.` ¶ `'The second …`: straight marks opening each
                    // paragraph of one quotation, closed only in the last.
                    let speech_goes_on = e.pos == para_first
                        && next_text_para(text, paras, pi).is_some_and(|k| {
                            leading_opener(text, paras[k]) == Some(Family::Single)
                        });
                    if ahead[i + 1].later || speech_goes_on {
                        stack.push(opened(Family::Single));
                    }
                }
            }
        }
        if carries_over(text, paras, pi, &stack, &events_all[ev..]) {
            carried = stack;
            continue;
        }
        // Unclosed marks end with the paragraph; only the outermost one becomes a span.
        if let Some(&o) = stack.first() {
            let reopened = next_text_para(text, paras, pi)
                .filter(|&k| leading_opener(text, paras[k]) == Some(o.family));
            // An opener before a closed pair of its kind is stray (`“ and then “yes”`),
            // unless it opens a paragraph of a multi-paragraph quotation (`“He said “no”.`).
            let in_chain = o.pos == para_first && (continuation.is_some() || reopened.is_some());
            let later_same = !in_chain
                && emitted_here.iter().any(|&k| {
                    out[k].family == o.family && out[k].open > o.pos && out[k].parent.is_none()
                });
            let keep = !later_same
                && (o.family != Family::Single
                    || o.pos == para_first
                    || !o.straight && next_word_starts(text, o.pos + o.len));
            if keep {
                let open_pos = o.pos;
                emit(&mut out, o, para.end, None);
                let next = paras.get(pi + 1).copied();
                let after = paras.get(pi + 2).copied();
                if let Some(k) = reopened {
                    pending = Some((open_pos, k));
                } else if let (Some(n), Some(a)) = (next, after) {
                    // A middle paragraph whose opening mark was lost: speech-like, mark-free,
                    // and followed by a paragraph that re-opens the quotation.
                    if !has_any_mark(text, n)
                        && reads_as_speech(text, n)
                        && leading_opener(text, a) == Some(o.family)
                    {
                        let (s, e) = trim(text, n.start, n.end);
                        out.push(RawQuote {
                            open: s,
                            start: s,
                            end: e,
                            close: None,
                            family: o.family,
                            para: pi + 1,
                            parent: None,
                            continues: Some(open_pos),
                            marks: false,
                        });
                        pending = Some((s, pi + 2));
                    }
                }
            }
        }
    }
    finish(out)
}

/// Whether a content word follows byte `at` after one space (`workers' state`, not `Yes' he`).
fn word_follows(text: &str, at: usize) -> bool {
    let Some(rest) = text[at..].strip_prefix(' ') else {
        return false;
    };
    let word: &str = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    !word.is_empty() && !is_function_word(word)
}

/// Whether a letter or digit follows byte `at` (`‘never again` opens a quotation; `‘ ` is stray).
fn next_word_starts(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(char::is_alphanumeric)
}

/// The single-quote closers from one event to the end of its paragraph.
#[derive(Debug, Clone, Copy, Default)]
struct Ahead {
    /// Any closer at all lies ahead.
    later: bool,
    /// Closers up to the next single opener that follow punctuation (`,’`): certain ones.
    unambiguous: usize,
    /// Closers up to the next single opener, also those after a letter (`goin'`, `workers’`),
    /// which may be apostrophes.
    any: usize,
}

/// Fills `ahead[i]` for `events[i..]`, `ahead[events.len()]` being the empty tail. One
/// backward pass, so a paragraph of thousands of stray marks stays linear.
fn singles_ahead(events: &[Event], ahead: &mut Vec<Ahead>) {
    ahead.clear();
    ahead.resize(events.len() + 1, Ahead::default());
    for k in (0..events.len()).rev() {
        let next = ahead[k + 1];
        ahead[k] = match events[k].role {
            Role::Close(Family::Single) => Ahead {
                later: true,
                unambiguous: next.unambiguous + 1,
                any: next.any + 1,
            },
            Role::CloseOrApostrophe => Ahead {
                later: true,
                any: next.any + 1,
                ..next
            },
            Role::Open(Family::Single) | Role::OpenOrApostrophe => Ahead {
                later: next.later,
                ..Ahead::default()
            },
            _ => next,
        };
    }
}

/// Whether the quotations still open at the end of paragraph `pi` go on into the next one:
/// it follows after a single line break (a hard-wrapped line, an indented block the paragraph
/// splitter cut per line) and the first mark in the following lines closes one of them. A
/// blank line always ends them; mark-free lines in between are crossed, a few at most.
fn carries_over(text: &str, paras: &[Para], pi: usize, stack: &[Opened], rest: &[Event]) -> bool {
    const MAX_LINES: usize = 6;
    let Some(first) = rest.first() else {
        return false;
    };
    if stack.is_empty() {
        return false;
    }
    for k in pi + 1..paras.len().min(pi + 1 + MAX_LINES) {
        let (p, n) = (paras[k - 1], paras[k]);
        if text[p.end..n.start].matches('\n').count() > 1 {
            return false;
        }
        if first.pos < n.end {
            let open = |family: Family, straight: Option<bool>| {
                stack
                    .iter()
                    .any(|o| o.family == family && straight.is_none_or(|s| s == o.straight))
            };
            return match first.role {
                Role::Close(f) => open(f, None),
                Role::Either => open(Family::Double, Some(true)),
                Role::CloseOrApostrophe => open(Family::Single, Some(first.straight)),
                _ => false,
            };
        }
    }
    false
}

/// Sorts spans by position and turns parent/continuation positions into indices.
fn finish(mut out: Vec<RawQuote>) -> Vec<RawQuote> {
    // `“”`, `""`: nothing is quoted.
    out.retain(|q| q.start < q.end || !q.marks);
    out.sort_by_key(|q| (q.open, std::cmp::Reverse(q.outer_end())));
    for i in 0..out.len() {
        let open = out[i].open;
        out[i].continues = out[i].continues.and_then(|pos| {
            let k = out[..i].partition_point(|q| q.open < pos);
            (k < i && out[k].open == pos).then_some(k)
        });
        let (inner_end, para) = (out[i].outer_end(), out[i].para);
        out[i].parent = (0..i)
            .rev()
            .take_while(|&j| out[j].para == para)
            .find(|&j| out[j].open < open && inner_end <= out[j].outer_end());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        find(text).iter().map(|q| &text[q.start..q.end]).collect()
    }

    #[test]
    fn curly_and_straight_pairs() {
        assert_eq!(
            spans("He said “yes” and \"no\" and «oui»."),
            ["yes", "no", "oui"]
        );
    }

    #[test]
    fn apostrophes_are_not_marks() {
        let text = "Trotsky’s son read the Marxists’ Internet Archive in the ’30s, didn’t he? ‘Fine,’ she said.";
        assert_eq!(spans(text), ["Fine,"]);
    }

    #[test]
    fn nested_single_inside_double() {
        let text = "Stalin said: “they will defend ‘the victim — Trotsky’ and more.”";
        let found = find(text);
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[1].start..found[1].end], "the victim — Trotsky");
        assert_eq!(found[1].parent, Some(0));
    }

    #[test]
    fn plural_possessive_inside_single_quotes() {
        assert_eq!(
            spans("It was ‘the workers’ party’ then."),
            ["the workers’ party"]
        );
    }

    #[test]
    fn unclosed_mark_stops_at_paragraph_end() {
        let text = "He wrote “this never closes.\n\nNext paragraph “has” its own.";
        let found = find(text);
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].start..found[0].end], "this never closes.");
        assert!(found[0].close.is_none());
        assert_eq!(found[1].continues, None);
    }

    #[test]
    fn multi_paragraph_quotation_links_spans() {
        let text = "He said: “First part.\n\n“Second part.\n\n“Last part.”\n\nNarration.";
        let found = find(text);
        assert_eq!(found.len(), 3);
        assert_eq!(found[1].continues, Some(0));
        assert_eq!(found[2].continues, Some(1));
    }

    #[test]
    fn lost_opening_mark_in_middle_paragraph() {
        let text = "“It is evident that we are lost.\n\nWe must fight on, and our comrades will follow us to the end.\n\n“No compromise is possible.”";
        let found = find(text);
        assert_eq!(found.len(), 3);
        assert!(!found[1].marks);
        assert_eq!(found[1].continues, Some(0));
        assert_eq!(found[2].continues, Some(1));
    }

    #[test]
    fn straight_single_quotes_and_elisions() {
        assert_eq!(
            spans("They sang 'em 'Solidarity' and the '30s hits."),
            ["Solidarity"]
        );
        assert_eq!(spans("It's 'rock'n'roll' now."), ["rock'n'roll"]);
        assert_eq!(spans("‘’Twas cold,’ he said."), ["’Twas cold,"]);
    }

    #[test]
    fn thousands_of_stray_marks_stay_linear_and_bounded() {
        let text = format!("{}{}", "‘a “b ".repeat(20_000), "end”.");
        let found = find(&text);
        assert!(found.len() <= 2, "{}", found.len());
    }

    #[test]
    fn low_opening_marks_pair_with_german_and_polish_closers() {
        assert_eq!(
            spans("Er sagte: „Das ist der ‚Weg‘ der Partei.“, und ging."),
            ["Das ist der ‚Weg‘ der Partei.", "Weg"]
        );
        assert_eq!(
            spans("Napisał „Precz z wojną” w gazecie."),
            ["Precz z wojną"]
        );
        // a low comma between digits or after a word is a misread comma
        assert_eq!(
            spans("Es kostete 1‚5 Mark, sagte er‚ nicht mehr."),
            [] as [&str; 0]
        );
    }

    #[test]
    fn reversed_guillemets_and_french_continuation() {
        assert_eq!(
            spans("»Ja«, sagte er, »das ist richtig.«"),
            ["Ja", "das ist richtig."]
        );
        let text = "Il déclara : « Camarades.\n\n» Nous ne reculerons pas.\n\n» Victoire. »";
        let found = find(text);
        let got: Vec<&str> = found.iter().map(|q| &text[q.start..q.end]).collect();
        assert_eq!(got, ["Camarades.", "Nous ne reculerons pas.", "Victoire."]);
        assert_eq!(found[1].continues, Some(0));
        assert_eq!(found[2].continues, Some(1));
        // a breadcrumb separator is no quotation
        assert_eq!(spans("Home » Archive » Trotsky"), [] as [&str; 0]);
    }

    #[test]
    fn elisions_open_nothing() {
        assert_eq!(
            spans("'Give 'em hell,' he said, 'an' don't come back.'"),
            ["Give 'em hell,", "an' don't come back."]
        );
        assert_eq!(
            spans("’Twas the night before the strike, an’ nobody slept."),
            [] as [&str; 0]
        );
        assert_eq!(
            spans("They played rock 'n' roll till one."),
            [] as [&str; 0]
        );
    }

    #[test]
    fn letter_final_apostrophe_before_an_unambiguous_closer() {
        assert_eq!(
            spans("‘Give ’em nothin’, lads,’ the foreman said."),
            ["Give ’em nothin’, lads,"]
        );
        assert_eq!(
            spans("‘The idea was not mine but Engels’’, he said."),
            ["The idea was not mine but Engels’"]
        );
        assert_eq!(
            spans("It was ‘the workers’ “victory”’ that he mocked."),
            ["the workers’ “victory”", "victory"]
        );
        // nested singles: one closer to come cannot close two openers
        assert_eq!(
            spans("‘They called him ‘Joe’.’"),
            ["They called him ‘Joe’.", "Joe"]
        );
    }

    #[test]
    fn possessive_looking_closer_before_a_new_quotation_closes() {
        assert_eq!(
            spans("Cases of ‘mass’ arrests grew, said the ‘Bulletin’."),
            ["mass", "Bulletin"]
        );
    }

    #[test]
    fn unclosed_curly_single_before_a_word_runs_to_the_paragraph_end() {
        assert_eq!(
            spans("He muttered ‘never again, never again.\n\nThe room was silent."),
            ["never again, never again."]
        );
        assert_eq!(spans("A stray ‘ mark.\n\nNext."), [] as [&str; 0]);
    }

    #[test]
    fn quotation_closes_after_a_single_line_break_only() {
        // without blank lines every line is a paragraph; the closer on the next line counts
        let text =
            "The order read: “All units will\nAdvance at dawn.” It was signed.\nThe men slept.";
        assert_eq!(spans(text), ["All units will\nAdvance at dawn."]);
        // an indented block is cut per line; its closer comes on the last line
        let text = "Lenin wrote:\n\n    “The revolution is impossible\n    without it.”\n\nThis was in 1918.";
        assert_eq!(
            spans(text),
            ["The revolution is impossible\n    without it."]
        );
        // a blank line always ends an unclosed quotation
        let text = "He said “never\n\n” again.";
        assert_eq!(spans(text), ["never"]);
    }

    #[test]
    fn reversed_nine_openers() {
        assert_eq!(spans("‟Yes,” he said, ‛quite so’."), ["Yes,", "quite so"]);
    }

    #[test]
    fn single_guillemets_nest_and_pair() {
        assert_eq!(
            spans("Il écrivit : « Il a dit ‹ jamais › hier. » et ‹non›."),
            ["Il a dit ‹ jamais › hier.", "jamais", "non"]
        );
    }

    #[test]
    fn straight_single_marks_open_each_paragraph_of_a_quotation() {
        let text = "'The first point.\n\n'The second point.\n\n'The last point.'";
        let found = find(text);
        assert_eq!(found.len(), 3);
        assert_eq!(found[1].continues, Some(0));
        assert_eq!(found[2].continues, Some(1));
        // a lone elision-like mark with no quotation after it opens nothing
        assert_eq!(spans("'Bout time.\n\nNothing else."), [] as [&str; 0]);
    }

    #[test]
    fn quotation_crosses_a_few_mark_free_wrapped_lines() {
        let text = "The banner said “Workers\nOf The World\nUnite” in red.\nNobody read it.";
        assert_eq!(spans(text), ["Workers\nOf The World\nUnite"]);
    }

    #[test]
    fn markdown_block_quote_paragraphs_continue_a_quotation() {
        for text in [
            "> “First paragraph.\n>\n> “Second paragraph.”",
            "Intro.\n\n> “First paragraph.\n>\n> “Second paragraph.”",
        ] {
            let found = find(text);
            let got: Vec<&str> = found.iter().map(|q| &text[q.start..q.end]).collect();
            assert_eq!(got, ["First paragraph.", "Second paragraph."], "{text:?}");
            assert_eq!(found[1].continues, Some(0), "{text:?}");
        }
    }

    #[test]
    fn straight_mark_closes_a_curly_opener_unless_a_noun_follows() {
        assert_eq!(
            spans("‘Yes' he said, ‘and no' she said."),
            ["Yes", "and no"]
        );
        assert_eq!(
            spans("He read ‘The workers' state and left."),
            ["The workers' state and left."]
        );
    }

    #[test]
    fn closing_marks_after_a_dash_or_a_space() {
        assert_eq!(
            spans("‘Well—’ he began, 'But—' she said, \"Never—\" they cried."),
            ["Well—", "But—", "Never—"]
        );
        // OCR's spaced curly closer closes; a straight mark before punctuation opens nothing
        assert_eq!(spans("He wrote ‘ Yes ’ and \" maybe \"."), ["Yes"]);
        // a dash lost to a space: the spaced straight mark closes the open quotation
        assert_eq!(
            spans("\"But \" the clerk began, and \"No,\" she said."),
            ["But", "No,"]
        );
    }

    #[test]
    fn closed_pair_inside_a_middle_paragraph_keeps_the_chain() {
        for (text, middle) in [
            (
                "“First.\n\n“He said “no” then.\n\n“Last.”",
                "He said “no” then.",
            ),
            (
                "\"First.\n\n\"He said \"no\" then.\n\n\"Last.\"",
                "He said \"no\" then.",
            ),
        ] {
            let found = find(text);
            let got: Vec<&str> = found.iter().map(|q| &text[q.start..q.end]).collect();
            assert_eq!(got, ["First.", middle, "no", "Last."], "{text:?}");
            assert_eq!(found[1].continues, Some(0));
            assert_eq!(found[3].continues, Some(1));
        }
    }

    #[test]
    fn inches_and_ditto_marks_are_no_marks() {
        assert_eq!(
            spans("“He is 5’ 10” tall,” she said. \"The plank is 5'10\" long,\" he said."),
            ["He is 5’ 10” tall,", "The plank is 5'10\" long,"]
        );
        let table =
            "Coal, per ton      30s.\n  “    per cwt       2s.\nBread   4d.\n  ”    per half   2d.";
        assert_eq!(spans(table), [] as [&str; 0]);
        // a single space on each side is OCR spacing, not a ditto mark
        assert_eq!(spans("He said “ we will win ” and left."), ["we will win"]);
    }

    #[test]
    fn attribute_values_of_markup_are_no_quotations() {
        let html = "<p class=\"quote\">He said \"yes\" to <a href='/archive/'>it</a>.</p>";
        assert_eq!(spans(html), ["yes"]);
        // a comparison sign opens no tag
        assert_eq!(spans("If a < b and \"c\" > d, then \"e\"."), ["c", "e"]);
    }

    #[test]
    fn empty_quotes_are_no_spans() {
        assert_eq!(
            spans("A blank “” here, a \"\" there, and “None” beside it."),
            ["None"]
        );
    }

    #[test]
    fn stray_closing_mark_is_ignored() {
        assert_eq!(spans("A stray” mark, then “a real one”."), ["a real one"]);
    }
}
