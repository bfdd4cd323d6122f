//! Sentence boundaries inside one layout block (a paragraph, heading or list item): finds
//! candidate terminators with memchr and decides each from the word before it, the closing
//! quotes and brackets after it and the shape of the next word.

use memchr::memchr3;

use crate::chars::{
    bullet_len, char_at, char_before, closer_len, dash_len, opener_len, skip_ws, trim_end, ws_len,
    ELLIPSIS,
};
use crate::lexicon::{
    is_calendar, is_day_abbreviation, is_institution, is_lower_starter, is_name_particle,
    is_postpositive, is_pronoun_like, is_section_label, is_speech_verb, is_starter, is_unit, Class,
    Lexicon,
};

/// The switches the boundary rules read (a digest of the user's options).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Flags {
    pub split_inside_quotes: bool,
    pub split_lowercase: bool,
    pub split_missing_space: bool,
}

/// How far (bytes) the next item of an inline list is looked for: items are short, and the
/// bound keeps pathological input (`A. x A. x …`) linear.
const ITEM_WINDOW: usize = 1024;

/// Longest token (bytes) examined before a terminator; longer runs are not words.
const TOKEN_WINDOW: usize = 64;

/// How far back (bytes) an open quotation is looked for.
const QUOTE_WINDOW: usize = 4096;

/// How a list item is numbered, so the next item can be found inline (`1) a 2) b`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Dot,
    Paren,
    DotParen,
    Enclosed,
    Bracket,
}

impl Style {
    fn write(self, label: &str) -> String {
        match self {
            Style::Dot => format!("{label}."),
            Style::Paren => format!("{label})"),
            Style::DotParen => format!("{label}.)"),
            Style::Enclosed => format!("({label})"),
            Style::Bracket => format!("[{label}]"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Bullet {
        at: usize,
        len: usize,
    },
    Number(u32, Style),
    Letter(u8, Style),
    /// `IV.`, `xii)`: no inline successor is looked for.
    Roman(Style),
}

/// A list marker at the start of a segment or line: `1.`, `2)`, `a.`, `(iv)`, `•`, `[3]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Marker {
    /// Byte just after the marker.
    pub end: usize,
    label: Label,
}

impl Marker {
    /// A lone letter or numeral with a full stop (`A.`, `IV.`), which may also be an initial.
    pub(crate) fn is_ambiguous(&self) -> bool {
        matches!(
            self.label,
            Label::Letter(_, Style::Dot) | Label::Roman(Style::Dot)
        )
    }
}

/// Parses a list marker at `s`. `loose` also accepts `-`, `*` and dashes as bullets (at the
/// start of a line they are bullets; inside prose they are punctuation).
pub(crate) fn list_marker(text: &str, s: usize, end: usize, loose: bool) -> Option<Marker> {
    let b = &text.as_bytes()[..end];
    // A quoted list opens with its quotation mark: `“1. Bread. 2. Land.”`
    let quote = match &b[s.min(end)..] {
        [b'"', d, ..] if d.is_ascii_digit() => 1,
        [0xE2, 0x80, 0x9C, d, ..] if d.is_ascii_digit() => 3,
        _ => 0,
    };
    let mut i = s + quote;
    let blen = bullet_len(b, i, loose);
    let bullet = (blen > 0).then_some(Label::Bullet { at: s, len: blen });
    if blen > 0 {
        i += blen;
        // A bullet must be followed by a space (or directly by a number: `⁃9. item`).
        let spaced = ws_len(text, i) > 0;
        if !spaced && !b.get(i).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        while i < end && matches!(b[i], b' ' | b'\t') {
            i += 1;
        }
    }
    let numbered = enumerator(text, i, end);
    match (bullet, numbered) {
        (Some(label), Some((e, _))) => Some(Marker { end: e, label }),
        (Some(label), None) => Some(Marker { end: i, label }),
        (None, Some((e, label))) => Some(Marker { end: e, label }),
        (None, None) => None,
    }
}

/// `12.`, `3)`, `1.)`, `(4)`, `[5]`, `a.`, `b)`, `(c)` followed by whitespace.
fn enumerator(text: &str, s: usize, end: usize) -> Option<(usize, Label)> {
    let b = &text.as_bytes()[..end];
    let followed = |e: usize| (e >= end || ws_len(text, e) > 0).then_some(e);
    let open = match b.get(s) {
        Some(b'(') => Some(Style::Enclosed),
        Some(b'[') => Some(Style::Bracket),
        _ => None,
    };
    let i = s + usize::from(open.is_some());
    // Fast reject for ordinary words: a label is a digit, or a letter followed by `.`, `)`
    // or another roman numeral letter.
    match (b.get(i), b.get(i + 1)) {
        (Some(c), _) if c.is_ascii_digit() => {}
        (Some(c), Some(d))
            if c.is_ascii_alphabetic()
                && (matches!(d, b'.' | b')') || b"IVXLCivxlc".contains(d)) => {}
        _ => return None,
    }
    let digits = b[i.min(end)..]
        .iter()
        .take(4)
        .take_while(|c| c.is_ascii_digit())
        .count();
    let (label_end, label) = if (1..=3).contains(&digits) {
        let n = text[i..i + digits].parse::<u32>().ok()?;
        (i + digits, Label::Number(n, Style::Dot))
    } else if digits == 0 && b.get(i).is_some_and(u8::is_ascii_alphabetic) {
        let roman = b[i..]
            .iter()
            .take(7)
            .take_while(|c| b"IVXLCivxlc".contains(c))
            .count();
        let same_case = b[i..i + roman].iter().all(u8::is_ascii_uppercase)
            || b[i..i + roman].iter().all(u8::is_ascii_lowercase);
        if (2..=6).contains(&roman) && same_case {
            (i + roman, Label::Roman(Style::Dot))
        } else {
            (i + 1, Label::Letter(b[i], Style::Dot))
        }
    } else {
        return None;
    };
    let with_style = |style| match label {
        Label::Number(n, _) => Label::Number(n, style),
        Label::Letter(c, _) => Label::Letter(c, style),
        Label::Roman(_) => Label::Roman(style),
        bullet => bullet,
    };
    let rest = &b[label_end..];
    let (e, style) = match (open, rest) {
        (Some(Style::Enclosed), [b')', ..]) => (label_end + 1, Style::Enclosed),
        (Some(Style::Bracket), [b']', ..]) => (label_end + 1, Style::Bracket),
        (Some(_), _) => return None,
        (None, [b'.', b')', ..]) => (label_end + 2, Style::DotParen),
        (None, [b'.', ..]) => (label_end + 1, Style::Dot),
        (None, [b')', ..]) => (label_end + 1, Style::Paren),
        _ => return None,
    };
    followed(e).map(|e| (e, with_style(style)))
}

/// How a run of terminators reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Terminator {
    Period,
    Ellipsis,
    /// Contains `?` or `!`.
    Strong,
    /// `?` or `!` run into an ellipsis (`What then?…`): the writer trails on.
    Trailing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NextKind {
    Upper,
    Lower,
    Digit,
    Dash,
    Bullet,
    Other,
}

/// The word after a candidate boundary.
#[derive(Debug, Clone, Copy)]
struct Next {
    kind: NextKind,
    /// A typical sentence opener (`The`, `He`), not an initial.
    starter: bool,
    /// The pronoun `I` (capitalised anywhere, so no evidence of a new sentence).
    pronoun_i: bool,
    /// A list marker (`2.`, `3)`) starts here.
    list_marker: bool,
    /// A lower-case word that plausibly opens a sentence (`the`, `he`).
    lower_starter: bool,
    /// A Roman numeral (`I`, `IV`, `xii`) standing alone.
    roman: bool,
    /// The gap before the word holds a line break.
    new_line: bool,
    /// A lower-case pronoun or article (`he`, `the`, `no`).
    pronoun_like: bool,
    /// The next token opens a bracket: `changed. (signed) V.I. Ulianov`.
    bracket: bool,
    /// Where the word starts (after opening quotes).
    at: usize,
}

/// What the word before a full stop is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Before {
    Normal,
    Number,
    /// A one-letter capital: an initial, or the pronoun `I` when `true`.
    Initial(bool),
    /// Chains of single letters: `U.S`, `L.D`, `V.I`.
    Chain,
    /// `a.m` / `p.m`.
    Time,
    Abbrev(Class),
}

enum Step {
    Split { end: usize, next: usize },
    Continue(usize),
}

/// Splits blocks of one text into sentences.
pub(crate) struct Blocks<'a> {
    pub text: &'a str,
    pub lexicon: &'a Lexicon,
    pub flags: Flags,
}

impl Blocks<'_> {
    /// Appends the sentences of the block `bs..be` (trimmed, non-empty) to `out` as byte ranges.
    pub(crate) fn split(&self, bs: usize, be: usize, out: &mut Vec<(usize, usize)>) {
        let b = self.text.as_bytes();
        let quotes = if self.flags.split_inside_quotes {
            Vec::new()
        } else {
            quote_spans(b, bs, be)
        };
        let mut seg = skip_ws(self.text, bs, be);
        let (mut pos, mut forced) = self.segment_start(seg, be);
        // Next `.?!` and next `…` at or after `pos`, re-searched only once `pos` passes them.
        let mut next_punct: Option<usize> = None;
        let mut next_ell: Option<usize> = None;
        let mut next_bang: Option<usize> = None;
        while seg < be {
            next_punct = next_punct.filter(|&p| p >= pos);
            next_ell = next_ell.filter(|&p| p >= pos);
            next_bang = next_bang.filter(|&p| p >= pos);
            let punct = *next_punct.get_or_insert_with(|| {
                memchr3(b'.', b'?', b'!', &b[pos..be]).map_or(be, |i| pos + i)
            });
            let ell = *next_ell.get_or_insert_with(|| find_ellipsis(b, pos, be));
            let bang = *next_bang.get_or_insert_with(|| find_lone_l(b, pos, be));
            let cand = punct.min(ell).min(bang);
            if let Some(f) = forced.filter(|&f| f <= cand) {
                push(self.text, out, seg, f);
                seg = f;
                (pos, forced) = self.segment_start(seg, be);
                continue;
            }
            if cand >= be {
                break;
            }
            let step = if cand == bang {
                self.misread_bang(seg, cand, be)
            } else {
                self.decide(seg, cand, be, &quotes)
            };
            match step {
                Step::Split { end, next } => {
                    push(self.text, out, seg, end);
                    seg = skip_ws(self.text, next, be);
                    (pos, forced) = self.segment_start(seg, be);
                }
                Step::Continue(resume) => pos = resume,
            }
        }
        push(self.text, out, seg, be);
    }

    /// Where scanning starts in a segment (after a list marker) and where the next inline
    /// list item begins, if the segment is one.
    fn segment_start(&self, seg: usize, be: usize) -> (usize, Option<usize>) {
        match list_marker(self.text, seg, be, false) {
            Some(m) => (m.end, self.next_item(&m, be)),
            None => (seg, None),
        }
    }

    /// The next item of an inline list (`1) a 2) b`, `• a • b`).
    fn next_item(&self, m: &Marker, be: usize) -> Option<usize> {
        let b = self.text.as_bytes();
        let needle: Vec<u8> = match m.label {
            Label::Bullet { at, len } => b[at..at + len].to_vec(),
            Label::Number(n, style) if style != Style::Bracket => {
                style.write(&(n + 1).to_string()).into_bytes()
            }
            Label::Letter(c, style) if c.is_ascii_alphabetic() && !matches!(c, b'z' | b'Z') => {
                style.write(&char::from(c + 1).to_string()).into_bytes()
            }
            _ => return None,
        };
        let is_bullet = matches!(m.label, Label::Bullet { .. });
        let mut from = m.end;
        let limit = be.min(m.end + ITEM_WINDOW);
        while let Some(i) = memchr::memmem::find(&b[from.min(limit)..limit], &needle) {
            let at = from + i;
            let after = at + needle.len();
            let spaced_before = char_before(self.text, at).is_some_and(char::is_whitespace);
            let spaced_after = is_bullet || after >= be || ws_len(self.text, after) > 0;
            if spaced_before && spaced_after && !self.after_abbreviation(m.end, at) {
                return Some(at);
            }
            from = after;
        }
        None
    }

    /// Whether the word before `at` is an abbreviation that takes a number (`No. 2.`).
    fn after_abbreviation(&self, lo: usize, at: usize) -> bool {
        let end = trim_end(self.text, lo, at);
        let b = self.text.as_bytes();
        if end == lo || b[end - 1] != b'.' {
            return false;
        }
        let (ws, we) = self.word_before(lo, end - 1);
        !matches!(self.classify(&b[ws..we]), Before::Normal | Before::Number)
    }

    fn decide(&self, seg: usize, p: usize, be: usize, quotes: &[(usize, usize)]) -> Step {
        let b = self.text.as_bytes();
        let (cend, term) = cluster(b, p, be);
        let resume = Step::Continue(cend);
        if p == seg {
            return resume; // a leading ellipsis or stray mark ends nothing
        }
        // `(?)`, `(!)`, `[...]`: editorial marks inside brackets never end a sentence.
        if matches!(b[p - 1], b'(' | b'[') && matches!(b.get(cend), Some(b')' | b']')) {
            return resume;
        }
        let Some(j) = closers(b, seg, cend, be) else {
            return resume;
        };
        if j >= be {
            return Step::Split { end: be, next: be };
        }
        let q = skip_ws(self.text, j, be);
        if q == j {
            // `pp. 15–140.—Ed.`: an editor's or author's tag closing the block after a dash.
            if term == Terminator::Period && dash_len(b, j) > 0 && self.signature_tail(j, be) {
                return Step::Split { end: j, next: j };
            }
            if let Some(mark) = self.glued_footnote(seg, p, j, be, term) {
                return Step::Split {
                    end: mark,
                    next: mark,
                };
            }
            // `the old cry."Eight hours`: a straight quote glued to the next word after the
            // stop opens that sentence unless a quotation is open (`"Stop."Then` closes one).
            if j == cend + 1
                && b[cend] == b'"'
                && memchr::memchr_iter(b'"', &b[seg.max(cend.saturating_sub(QUOTE_WINDOW))..cend])
                    .count()
                    .is_multiple_of(2)
                && self.missing_space(seg, p, cend, term)
            {
                return Step::Split {
                    end: cend,
                    next: cend,
                };
            }
            return if self.missing_space(seg, p, j, term) {
                Step::Split { end: j, next: j }
            } else {
                resume
            };
        }
        let mut next = self.next_word(q, be);
        next.new_line = b[j..q].contains(&b'\n');
        let closed = j > cend;
        // `“What is to be done?” Lenin asked.`: a name and a speech verb after a closed
        // quotation continue its sentence.
        // The pronoun `I` is capitalised anywhere: `“Where?” I asked.` goes on too. A full
        // stop closing the quotation ends the sentence (`nothing.” Luxemburg replied with`):
        // an attributed statement closes with a comma.
        if closed
            && term != Terminator::Period
            && next.kind == NextKind::Upper
            && (!next.starter || next.pronoun_i)
            && self.speaker_follows(q, be)
        {
            return resume;
        }
        // `“¡Viva!” (Long live it!).`: a gloss in brackets closed by the sentence's own stop
        // belongs to the quotation before it.
        if closed && next.bracket && self.bracket_then_stop(q, be) {
            return resume;
        }
        let split = match term {
            // After `?` a lower-case pronoun or article opens a sentence whose capital was
            // lost (`Was it an accident? no one believed so.`), unless a speech verb follows
            // (`what then? we asked`). After `!` it is usually an interjection (`alas! the`).
            Terminator::Strong => {
                next.kind != NextKind::Lower
                    || (self.flags.split_lowercase
                        && !closed
                        && b[p..cend].contains(&b'?')
                        && next.pronoun_like
                        && !self.speech_verb_after(q, be))
            }
            Terminator::Trailing => next.kind != NextKind::Lower,
            Terminator::Ellipsis => {
                let attached = !char_before(self.text, p).is_some_and(char::is_whitespace);
                // A free-standing ellipsis inside an open quotation marks omitted words
                // (`“I shall die a revolutionist … My faith`), not the end of a sentence.
                let ends = next.kind == NextKind::Upper
                    && !next.pronoun_i
                    && (attached || !open_quotation(b, seg, j));
                // `compounds. . . . The`: the attached stop ends the sentence and the spaced
                // ellipsis opens the next one.
                if ends && attached && b[p] == b'.' && b.get(p + 1) == Some(&b' ') {
                    return Step::Split {
                        end: p + 1,
                        next: p + 1,
                    };
                }
                ends
            }
            Terminator::Period => self.period(seg, p, closed, &next),
        };
        // Checked only for real splits, which restart the segment: the scans stay linear.
        let held = || {
            (!quotes.is_empty() && quotes.iter().any(|&(o, c)| o < j && j < c))
                || inside_square_brackets(b, seg, p, j, be)
        };
        if split && !held() {
            Step::Split { end: j, next: q }
        } else {
            resume
        }
    }

    /// A lone `l` at `at` that OCR read for `!` (`stand together l Not a man`): it ends the
    /// sentence when it follows a word of two or more letters and a capitalised word follows,
    /// as no English word is a bare `l` (a unit follows a figure: `5 l`).
    fn misread_bang(&self, seg: usize, at: usize, be: usize) -> Step {
        let b = self.text.as_bytes();
        let resume = Step::Continue(at + 1);
        let (ws, we) = self.word_before(seg, at - 1);
        if we != at - 1 || we - ws < 2 || !b[ws..we].iter().all(u8::is_ascii_alphabetic) {
            return resume;
        }
        let q = skip_ws(self.text, at + 1, be);
        let capitalised = b.get(q).is_some_and(u8::is_ascii_uppercase)
            && b.get(q + 1).is_some_and(u8::is_ascii_lowercase);
        if q < be && capitalised && !inside_square_brackets(b, seg, at, at + 1, be) {
            Step::Split {
                end: at + 1,
                next: q,
            }
        } else {
            resume
        }
    }

    /// Whether a single full stop at `p` ends its sentence, given the word after it.
    fn period(&self, seg: usize, p: usize, closed: bool, next: &Next) -> bool {
        let b = self.text.as_bytes();
        let (ws, we) = self.word_before(seg, p);
        let before = self.classify(&b[ws..we]);
        match next.kind {
            NextKind::Upper if self.section_heading(seg, ws, we) => false,
            NextKind::Upper => match before {
                Before::Normal | Before::Number => !self.inline_enumerator(seg, ws, we, before),
                Before::Abbrev(Class::Final | Class::Numeral) => true,
                // `5,000 approx. The police`: set after its number, it can close a sentence.
                Before::Abbrev(Class::Prepositive) => next.starter && self.after_number(seg, ws),
                // `Vol. I (London, 1950)`: a Roman numeral after an abbreviation is a number.
                Before::Abbrev(Class::Regular) if next.roman => false,
                // `Republic Steel Inc. Girdler`, `Bleecker St. Goldman`: a firm's, a street's or a
                // name's suffix closes the name it follows.
                // The next word must be followed by a lower-case one (`Girdler had`), not by
                // a stop or a capital (`Sq. No. 3`, `Co. President Edsel Ford`), and
                // headline capitals (`IN ST. PAUL`) say nothing.
                Before::Abbrev(Class::Regular)
                    if is_postpositive(&b[ws..we])
                        && b[ws + 1..we].iter().any(u8::is_ascii_lowercase)
                        && self.after_name(seg, ws)
                        && self.lower_word_follows(next.at) =>
                {
                    true
                }
                // `opened 19.30 hrs. Comrade Lee`: a unit after its number closes the phrase.
                Before::Abbrev(Class::Regular)
                    if is_unit(&b[ws..we]) && self.after_number(seg, ws) =>
                {
                    true
                }
                // A bibliography's author element (`Shachtman, M.`, `Draper, H., eds.`) ends
                // before the title; a new entry on the next line (`n.d.` / `Shachtman, M.`)
                // ends the one before.
                Before::Abbrev(Class::Regular) | Before::Chain | Before::Initial(_)
                    if (self.author_element(seg, ws, p) && !self.initial_at(next.at))
                        || (next.new_line && self.inverted_name_at(next.at)) =>
                {
                    true
                }
                // `moved to New York, N.Y. Cannon took`: a state after its city is followed by a
                // comma when the sentence goes on.
                Before::Chain if self.state_after_city(seg, ws, we) => true,
                // `sent to the T.U.C. Citrine did not reply`: an organisation or country named
                // with `the`, then a name and a lower-case verb, unless the capital is one of
                // the nouns such acronyms qualify (`the U.S. Government refused`).
                Before::Chain
                    if self.article_before(seg, ws)
                        && !is_institution(self.ascii_word(next.at))
                        && self.lower_word_follows(next.at) =>
                {
                    true
                }
                Before::Abbrev(Class::Regular) | Before::Chain => closed || next.starter,
                // `at 8 p.m. Tuesday`: a day or month continues the time.
                Before::Time => {
                    words_between(b, seg, ws) >= 3
                        && !is_calendar(self.ascii_word(next.at))
                        && !self.time_zone(next.at)
                }
                // `M. I. Ulianova`, `ed. I. Deutscher`: after a stop, `I.` is an initial; after
                // a part's label (`Vol. I. Trans. Ben Fowkes`) it is a numeral.
                Before::Initial(pronoun) => {
                    next.starter
                        || self.numeral_after_label(seg, ws, we)
                        || (pronoun
                            && !self.previous_capitalised(seg, ws)
                            && !self.previous_stop(seg, ws))
                }
            },
            NextKind::Lower => {
                if !closed && next.bracket && matches!(before, Before::Normal | Before::Number) {
                    return true; // a parenthesis after a full stop opens its own segment
                }
                let ordinary = match before {
                    // A percentage ends a statement like a year does (`rose by 12%. the`).
                    Before::Normal if b[we - 1] == b'%' => {
                        we - ws >= 2 && b[ws..we - 1].iter().all(u8::is_ascii_digit)
                    }
                    Before::Normal => {
                        we - ws >= 3
                            && b[ws..we].iter().all(|&c| {
                                c >= 0x80 || c.is_ascii_alphabetic() || c == b'\'' || c == b'-'
                            })
                    }
                    Before::Number => we - ws == 4 && b[ws..we].iter().all(u8::is_ascii_digit),
                    // `fell by 25 per cent. the towns`: `per cent.` then a pronoun or `the`
                    // (not `a`: `6d. a week`, `per cent. a year`; not the century `18th cent.`).
                    Before::Abbrev(Class::Final) => {
                        next.pronoun_like
                            && !matches!(self.ascii_word(next.at), b"a" | b"an")
                            && b[ws..we].eq_ignore_ascii_case(b"cent")
                            && {
                                let end = trim_end(self.text, seg, ws);
                                let (ps, pe) = self.word_before(seg, end);
                                end < ws && b[ps..pe].eq_ignore_ascii_case(b"per")
                            }
                    }
                    _ => false,
                };
                // `published at the time. p. 297`: a page reference closing an editor's note.
                let word = self.ascii_word(next.at);
                let w = next.at + word.len();
                let page_ref = matches!(word, b"p" | b"pp")
                    && b.get(w..w + 2) == Some(b". ")
                    && b.get(w + 2).is_some_and(u8::is_ascii_digit);
                !closed
                    && ordinary
                    && (page_ref || (self.flags.split_lowercase && next.lower_starter))
            }
            // A number opens a sentence after a year or an ordinary word (`in 1928. 500
            // joined`), after a line break, or as the next list label.
            NextKind::Digit => match before {
                Before::Number => true,
                // A long lower-case or title-case word is no abbreviation (`sit-downs. 500`,
                // `New York. 308 pp.`); shorter capitalised ones may be (`Bd. 3`, `Nr. 12`).
                Before::Normal => {
                    next.list_marker
                        || next.new_line
                        || (we - ws >= 4
                            && b[ws].is_ascii_lowercase()
                            && b[ws..we]
                                .iter()
                                .all(|&c| c.is_ascii_lowercase() || c == b'-'))
                        || (we - ws >= 4
                            && b[ws].is_ascii_uppercase()
                            && b[ws + 1..we].iter().all(u8::is_ascii_lowercase))
                }
                // `308 pp. $2.50`: a page count after its number closes a bibliographic item.
                Before::Abbrev(Class::Regular) if self.page_count(seg, ws, we) => true,
                // `3,000 approx. 2,000 were`: set after its number, it closed the figure.
                Before::Abbrev(Class::Prepositive) if self.after_number(seg, ws) => true,
                // `per cent. 300 left`, `etc. 1937 saw`; money runs on (`10s. 6d.`).
                Before::Abbrev(Class::Final) => {
                    next.list_marker || next.new_line || b[ws].is_ascii_alphabetic()
                }
                _ => false,
            },
            // `Jan. 12. — The committee met.`: a diary date introduces its entry.
            NextKind::Dash if before == Before::Number && self.date_label(seg, ws) => false,
            NextKind::Dash => matches!(
                before,
                Before::Normal | Before::Number | Before::Abbrev(Class::Final | Class::Numeral)
            ),
            NextKind::Bullet => true,
            NextKind::Other => false,
        }
    }

    /// `demands: 1. Abrogation`: a small number after a colon is a list label, not an ending.
    /// After a colon only the first label (`1.`) counts: `For: 112. Against: 43.` are values.
    fn inline_enumerator(&self, seg: usize, ws: usize, we: usize, before: Before) -> bool {
        if before != Before::Number || we - ws > 3 {
            return false;
        }
        let b = self.text.as_bytes();
        let prev = trim_end(self.text, seg, ws);
        prev > seg && (b[prev - 1] == b';' || (b[prev - 1] == b':' && &b[ws..we] == b"1"))
    }

    /// `Chapter II. Thermidor`, `Part 3. The Tasks` opening a segment: the numbered label of a
    /// title, whose stop ends nothing.
    fn section_heading(&self, seg: usize, ws: usize, we: usize) -> bool {
        let b = self.text.as_bytes();
        let numeral = &b[ws..we];
        let ok = (1..=4).contains(&numeral.len())
            && (numeral.iter().all(u8::is_ascii_digit)
                || numeral.iter().all(|c| b"IVXLCivxlc".contains(c)));
        if !ok {
            return false;
        }
        let end = trim_end(self.text, seg, ws);
        let (ps, pe) = self.word_before(seg, end);
        ps == seg && pe > ps && is_section_label(&b[ps..pe])
    }

    /// Whether `seg..=p` is the author element of a bibliography entry: an inverted name
    /// (`Shachtman, M.`, `Lenin, V.I.`) or names followed by `, ed.`/`, eds.`.
    fn author_element(&self, seg: usize, ws: usize, p: usize) -> bool {
        let b = self.text.as_bytes();
        let word = &b[ws..p];
        let after_comma = |at: usize| at >= seg + 2 && b[at - 1] == b' ' && b[at - 2] == b',';
        if matches!(word, b"ed" | b"eds" | b"edd" | b"comp" | b"comps") {
            return after_comma(ws);
        }
        // An author element is short, opens its segment with a capital, and its initials
        // follow the surname's comma or another initial (`Serge, V.`, `Lenin, V. I.`).
        if ws - seg > 48
            || ws < seg + 2
            || !matches!(b[ws - 2], b',' | b'.')
            || !b[seg].is_ascii_uppercase()
        {
            return false;
        }
        let Some((surname, rest)) = self.text[seg..=p].split_once(", ") else {
            return false;
        };
        let initials = |t: &str| {
            t.len() >= 2
                && t.as_bytes()
                    .chunks(2)
                    .all(|c| c.len() == 2 && c[0].is_ascii_uppercase() && c[1] == b'.')
        };
        surname.chars().next().is_some_and(char::is_uppercase)
            && surname.chars().nth(1).is_some_and(char::is_lowercase)
            && surname
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
            && rest.split_whitespace().all(initials)
    }

    /// Whether `ws..we` is a two-letter postal abbreviation (`N.Y`, `D.C`) after a capitalised
    /// place and a comma (`Albany, N.Y`).
    fn state_after_city(&self, seg: usize, ws: usize, we: usize) -> bool {
        let b = self.text.as_bytes();
        if we - ws != 3 || !b[ws].is_ascii_uppercase() || !b[ws + 2].is_ascii_uppercase() {
            return false;
        }
        if ws < seg + 3 || b[ws - 1] != b' ' || b[ws - 2] != b',' {
            return false;
        }
        let (ps, _) = self.word_before(seg, ws - 2);
        b[ps].is_ascii_uppercase() && !self.author_element(seg, ws, we)
    }

    /// Whether the bracket opening at `q` closes within a short gloss and a terminator follows
    /// it directly (`(Long live the revolution!).`).
    fn bracket_then_stop(&self, q: usize, be: usize) -> bool {
        let b = self.text.as_bytes();
        let close = if b[q] == b'(' { b')' } else { b']' };
        let limit = be.min(q + 240);
        memchr::memchr(close, &b[q + 1..limit])
            .is_some_and(|k| matches!(b.get(q + 2 + k), Some(b'.' | b'?' | b'!')))
    }

    /// Whether an initial (`M.`) stands at `at`.
    fn initial_at(&self, at: usize) -> bool {
        let b = self.text.as_bytes();
        b.get(at).is_some_and(u8::is_ascii_uppercase) && b.get(at + 1) == Some(&b'.')
    }

    /// Whether an inverted name (`Shachtman, M.`) stands at `at`: how a bibliography entry
    /// opens.
    fn inverted_name_at(&self, at: usize) -> bool {
        let b = self.text.as_bytes();
        let len = b[at..]
            .iter()
            .take(TOKEN_WINDOW)
            .take_while(|c| c.is_ascii_alphabetic() || **c >= 0x80 || **c == b'-')
            .count();
        len >= 2
            && b[at + 1].is_ascii_lowercase()
            && b.get(at + len..at + len + 2) == Some(b", ")
            && self.initial_at(at + len + 2)
    }

    /// The ASCII letters at `at`.
    fn ascii_word(&self, at: usize) -> &[u8] {
        let b = self.text.as_bytes();
        let len = b[at..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        &b[at..at + len]
    }

    /// Whether the token before `ws` ends with a stop (`M.` in `M. I.`, `ed.` in `ed. I.
    /// Deutscher`): the pronoun `I` ends a sentence after a word (`than I.`), not there.
    /// Whether the single letter at `ws..we` is a Roman numeral after a part's label and its
    /// stop (`Vol. I.`, `Book V.`).
    fn numeral_after_label(&self, seg: usize, ws: usize, we: usize) -> bool {
        let b = self.text.as_bytes();
        if we != ws + 1 || !matches!(b[ws], b'I' | b'V' | b'X') {
            return false;
        }
        let end = trim_end(self.text, seg, ws);
        if end == seg || end == ws {
            return false;
        }
        let (ps, pe) = self.word_before(seg, end);
        let label = b[ps..pe].strip_suffix(b".").unwrap_or(&b[ps..pe]);
        is_section_label(label)
    }

    fn previous_stop(&self, seg: usize, ws: usize) -> bool {
        let end = trim_end(self.text, seg, ws);
        end > seg && self.text.as_bytes()[end - 1] == b'.'
    }

    /// Whether `at..be` is a dash and a short signature that ends the block (`—Ed.`,
    /// `— L. T.`): up to three capitalised words or initials.
    fn signature_tail(&self, at: usize, be: usize) -> bool {
        let rest = self.text[at..be].trim_start_matches(['—', '–', '-', ' ']);
        let words = rest.split_whitespace().count();
        rest.len() <= 24
            && (1..=3).contains(&words)
            && rest
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    }

    /// A footnote number OCR set on the line after a full stop or question mark (`25
    /// shillings.3 Rents`, `capitalism?21 Lenin`): one
    /// or two digits after a word of three or more letters, then a space and a capital. Returns
    /// the end of the number.
    fn glued_footnote(
        &self,
        seg: usize,
        p: usize,
        j: usize,
        be: usize,
        term: Terminator,
    ) -> Option<usize> {
        let b = self.text.as_bytes();
        if !matches!(term, Terminator::Period | Terminator::Strong) || j != p + 1 {
            return None;
        }
        let digits = b[j..be]
            .iter()
            .take(3)
            .take_while(|c| c.is_ascii_digit())
            .count();
        if !(1..=2).contains(&digits) || ws_len(self.text, j + digits) == 0 {
            return None;
        }
        let (ws, we) = self.word_before(seg, p);
        let word = &b[ws..we];
        let plain = word.len() >= 3
            && word.iter().all(u8::is_ascii_lowercase)
            && self.classify(word) == Before::Normal;
        let q = skip_ws(self.text, j + digits, be);
        let capital = char_at(self.text, q).is_some_and(char::is_uppercase);
        (plain && capital).then_some(j + digits)
    }

    /// OCR lost the space after a terminator (`in 1929.Here we`, `strike?The`).
    fn missing_space(&self, seg: usize, p: usize, j: usize, term: Terminator) -> bool {
        if !self.flags.split_missing_space || term == Terminator::Ellipsis {
            return false;
        }
        let b = self.text.as_bytes();
        // `done?the question`: after a question mark a pronoun or article opens a sentence
        // even with both its capital and its space lost.
        if term == Terminator::Strong
            && b[p] == b'?'
            && j == p + 1
            && self.flags.split_lowercase
            && char_before(self.text, p).is_some_and(char::is_alphabetic)
        {
            let e = j + b[j..]
                .iter()
                .take(TOKEN_WINDOW)
                .take_while(|c| c.is_ascii_lowercase())
                .count();
            if e > j
                && !b.get(e).is_some_and(u8::is_ascii_alphanumeric)
                && is_pronoun_like(&b[j..e])
            {
                return true;
            }
        }
        // The next word: a capital then a lower-case letter, not part of a domain or address,
        // possibly after an unambiguous opening quote (`rose.“Comrades,”`).
        let opening = match &b[j..] {
            [0xE2, 0x80, 0x9C, ..] => 3,
            [0xC2, 0xAB, ..] => 2,
            [b'"', ..] => 1,
            _ => 0,
        };
        let Some(first) = char_at(self.text, j + opening).filter(|c| c.is_uppercase()) else {
            return false;
        };
        let k = j + opening + first.len_utf8();
        if !char_at(self.text, k).is_some_and(char::is_lowercase) {
            return false;
        }
        let mut e = k;
        while e < b.len() && (b[e].is_ascii_alphabetic() || b[e] >= 0x80) {
            e += 1;
        }
        if matches!(b.get(e), Some(b'@' | b'/'))
            || (b.get(e) == Some(&b'.') && b.get(e + 1).is_some_and(u8::is_ascii_alphanumeric))
        {
            return false;
        }
        // The token before: long enough to be a word or a year, not an address or abbreviation.
        let mut ts = p;
        while ts > seg && !char_before(self.text, ts).is_some_and(char::is_whitespace) {
            if p - ts > TOKEN_WINDOW {
                return false;
            }
            ts -= char_before(self.text, ts).map_or(1, char::len_utf8);
        }
        if ts == p {
            // A stray space before the stop (`ended .The men`): judge the word before it.
            let end = trim_end(self.text, seg, p);
            if end == seg || term != Terminator::Period {
                return false;
            }
            let (ws, we) = self.word_before(seg, end);
            return we - ws >= 3
                && b[ws..we].iter().all(u8::is_ascii_alphabetic)
                && b[we - 1].is_ascii_lowercase()
                && self.classify(&b[ws..we]) == Before::Normal;
        }
        let token = &b[ts..p];
        if token.iter().any(|c| matches!(c, b'@' | b'/' | b':' | b'.')) {
            return false;
        }
        if term == Terminator::Strong {
            return char_before(self.text, p).is_some_and(char::is_alphabetic);
        }
        let (ws, we) = self.word_before(seg, p);
        let last_ok =
            char_before(self.text, we).is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
        // A short number ends a sentence before a typical opener (`120 to 40.In 1936`, not
        // `version 2.Beta`), unless it opens the segment as a label (`1.Introduction`).
        let long_enough = match self.classify(&b[ws..we]) {
            Before::Normal => we - ws >= 3,
            Before::Number => we - ws >= 3 || (ws > seg && is_starter(&b[j + opening..e])),
            // `3rd inst.The Mayor`, `cut to 2s.This is`: an abbreviation that can end a
            // sentence, its space lost before a typical opener. Prepositive ones never end it.
            Before::Abbrev(Class::Regular | Class::Final | Class::Numeral) => {
                is_starter(&b[j + opening..e])
            }
            _ => false,
        };
        long_enough && last_ok
    }

    /// The token before byte `p` without surrounding quotes and brackets.
    fn word_before(&self, seg: usize, p: usize) -> (usize, usize) {
        let b = self.text.as_bytes();
        let mut we = p;
        // Trailing closers: `accident”.`
        loop {
            let c = char_before(self.text, we);
            match c {
                Some(c @ ('"' | '\'' | ')' | ']' | '”' | '’' | '»'))
                    if we > seg && p - we < TOKEN_WINDOW =>
                {
                    we -= c.len_utf8()
                }
                _ => break,
            }
        }
        let mut ws = we;
        while ws > seg && we - ws < TOKEN_WINDOW {
            match char_before(self.text, ws) {
                Some(c) if !c.is_whitespace() => ws -= c.len_utf8(),
                _ => break,
            }
        }
        while ws < we {
            let n = opener_len(b, ws);
            if n == 0 {
                break;
            }
            ws += n;
        }
        (ws, we)
    }

    fn classify(&self, w: &[u8]) -> Before {
        if w.is_empty() {
            return Before::Normal;
        }
        if w.contains(&b'.') {
            return chain(w);
        }
        if w.len() == 1 && w[0].is_ascii_uppercase() {
            return Before::Initial(w[0] == b'I');
        }
        if w.len() == 1 && w[0].is_ascii_lowercase() {
            return Before::Abbrev(self.lexicon.class(w).unwrap_or(Class::Regular));
        }
        if let Some(class) = self.lexicon.class(w) {
            return Before::Abbrev(class);
        }
        // `Sat. Aug. 12`: capitalised, a day's short form is an abbreviation; lower-case
        // `sat`, `sun`, `wed` are words.
        if w[0].is_ascii_uppercase() && is_day_abbreviation(w) {
            return Before::Abbrev(Class::Regular);
        }
        // `Bldg.`, `Mkt.`, `Mgr.`, `Twp.`: an English word has a vowel, a contraction need not.
        // Capitalised acronyms (`SWP`) are left out: they end sentences like words.
        if (2..=4).contains(&w.len())
            && w[0].is_ascii_alphabetic()
            && w[1..].iter().all(u8::is_ascii_lowercase)
            && !w.iter().any(|c| {
                matches!(
                    c.to_ascii_lowercase(),
                    b'a' | b'e' | b'i' | b'o' | b'u' | b'y'
                )
            })
        {
            return Before::Abbrev(Class::Regular);
        }
        // A capital initial outside ASCII (`É.`).
        if w[0] >= 0x80 && w.len() <= 4 {
            let Ok(s) = std::str::from_utf8(w) else {
                return Before::Normal;
            };
            let mut it = s.chars();
            if let (Some(c), None) = (it.next(), it.next()) {
                if c.is_uppercase() {
                    return Before::Initial(false);
                }
            }
        }
        let digits = w.iter().take_while(|c| c.is_ascii_digit()).count();
        // Pre-decimal money: `10s.`, `6d.`, `2½d.`
        if let Some((unit, amount)) = w.split_last() {
            let fraction = |c: &[u8]| matches!(c, [0xC2, 0xBC..=0xBE]);
            let numeric = !amount.is_empty()
                && amount
                    .iter()
                    .all(|&c| c.is_ascii_digit() || c == 0xC2 || (0xBC..=0xBE).contains(&c))
                && (amount.iter().any(u8::is_ascii_digit) || amount.windows(2).any(fraction));
            if matches!(unit, b's' | b'd') && numeric {
                return Before::Abbrev(Class::Final);
            }
        }
        if digits > 0
            && w.iter()
                .all(|&c| c.is_ascii_digit() || matches!(c, b',' | b'-' | b'/' | 0x80..=0xFF))
        {
            return Before::Number;
        }
        Before::Normal
    }

    fn next_word(&self, q: usize, be: usize) -> Next {
        let b = self.text.as_bytes();
        let mut r = q;
        for _ in 0..3 {
            let n = opener_len(b, r);
            if n == 0 || r + n >= be {
                break;
            }
            r += n;
        }
        // `cheered. " Not one man`, `itself. ' But`: OCR spaced an opening straight quote off
        // its word (an apostrophe is never spaced on both sides).
        if r > q
            && matches!(b[r - 1], b'"' | b'\'')
            && b.get(r) == Some(&b' ')
            && b.get(r + 1).is_some_and(u8::is_ascii_alphanumeric)
        {
            r += 1;
        }
        // `’Tis`, `’Twas`: an elided word keeps its capital after the apostrophe.
        if b[r..be].starts_with("’".as_bytes()) && b.get(r + 3).is_some_and(u8::is_ascii_uppercase)
        {
            r += 3;
        }
        // `fight. … We shall win`: an ellipsis opening the next sentence marks words left out
        // at its head; the word after it decides.
        // An editor's `[...]` reads the same way.
        let ellipsis = if b[r..be].starts_with(ELLIPSIS) {
            ELLIPSIS.len()
        } else if b[r..be].starts_with(b"...") {
            3
        } else {
            0
        };
        if ellipsis > 0 {
            let mut e = r + ellipsis;
            if q < r && b[q] == b'[' && b.get(e) == Some(&b']') {
                e += 1;
            }
            let w = skip_ws(self.text, e, be);
            if w > e && char_at(self.text, w).is_some_and(char::is_uppercase) {
                r = w;
            }
        }
        let mut next = Next {
            kind: NextKind::Other,
            starter: false,
            pronoun_i: false,
            list_marker: false,
            lower_starter: false,
            pronoun_like: false,
            roman: false,
            new_line: false,
            bracket: matches!(b.get(q), Some(b'(' | b'[')),
            at: r,
        };
        let Some(c) = char_at(self.text, r) else {
            return next;
        };
        // A section sign reads like the number it introduces (`Party. § 2. Its aim`).
        if c.is_ascii_digit() || matches!(c, '$' | '£' | '€' | '§' | '¶') {
            next.kind = NextKind::Digit;
            next.list_marker = enumerator(self.text, q, be).is_some();
        } else if c.is_uppercase() {
            next.kind = NextKind::Upper;
            let we = r + b[r..be]
                .iter()
                .take_while(|c| c.is_ascii_alphabetic())
                .count();
            let word = &b[r..we];
            // `No. 3` is the numeral abbreviation, not the opener `No`.
            let initial = (word.len() == 1 || word == b"No")
                && b.get(we) == Some(&b'.')
                && (word.len() == 1
                    || b.get(we + 1..we + 3)
                        .is_some_and(|t| t[0] == b' ' && t[1].is_ascii_digit()));
            // `May I correct`: the modal, not the month.
            next.starter =
                (is_starter(word) && !initial) || (word == b"May" && self.pronoun_after(we, be));
            next.pronoun_i = word == b"I";
            next.roman = !word.is_empty()
                && word.iter().all(|c| b"IVXLC".contains(c))
                && !b
                    .get(we)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'\'');
        } else if c.is_lowercase() {
            next.kind = NextKind::Lower;
            let we = r + b[r..be]
                .iter()
                .take_while(|c| c.is_ascii_lowercase())
                .count();
            let ends_word = !b.get(we).is_some_and(u8::is_ascii_alphanumeric);
            // `van Gelderen`, `de Gaulle`: a surname's particle keeps its small letter at the
            // head of a sentence.
            let particle = b.get(we) == Some(&b' ')
                && char_at(self.text, we + 1).is_some_and(char::is_uppercase)
                && is_name_particle(&b[r..we]);
            // `iPhone`, `eBay`: a name with an inner capital, whatever case it starts in.
            let camel = we > r && b.get(we).is_some_and(u8::is_ascii_uppercase);
            next.lower_starter = camel || (ends_word && (is_lower_starter(&b[r..we]) || particle));
            next.pronoun_like = ends_word && is_pronoun_like(&b[r..we]);
        } else if bullet_len(b, r, false) > 0 {
            next.kind = NextKind::Bullet;
        } else if dash_len(b, r) > 0 {
            // `unite!” — so ends the Manifesto`: a dash and a lower-case word continue what
            // went before, like any lower-case word; a capital after the dash is a signature
            // or a new speaker.
            let w = skip_ws(self.text, r + dash_len(b, r), be);
            next.kind = if char_at(self.text, w).is_some_and(char::is_lowercase) {
                NextKind::Lower
            } else {
                NextKind::Dash
            };
        }
        next
    }

    /// Whether up to three capitalised words at `q` are followed by a speech verb
    /// (`Lenin asked`, `Natalia Sedova wrote`).
    fn speaker_follows(&self, q: usize, be: usize) -> bool {
        let b = self.text.as_bytes();
        let mut i = q;
        for _ in 0..4 {
            let n = opener_len(b, i);
            i += n;
            let start = i;
            while i < be && (b[i].is_ascii_alphabetic() || b[i] >= 0x80 || b[i] == b'.') {
                i += char_at(self.text, i).map_or(1, char::len_utf8);
            }
            let word = &b[start..i];
            let word = word.strip_suffix(b",").unwrap_or(word);
            let word = word.strip_suffix(b".").unwrap_or(word);
            if word.first().is_some_and(u8::is_ascii_lowercase) {
                // `Cannon said this often`: a verb with its own object is a new sentence.
                return is_speech_verb(word) && !self.object_follows(i, be);
            }
            if word.is_empty() || !char_at(self.text, start).is_some_and(char::is_uppercase) {
                return false;
            }
            i = skip_ws(self.text, i, be);
        }
        false
    }

    /// Whether the segment so far is a month and the day at `ws` (`Jan. 12`, `March 3`).
    fn date_label(&self, seg: usize, ws: usize) -> bool {
        let b = self.text.as_bytes();
        let end = trim_end(self.text, seg, ws);
        let (ps, pe) = self.word_before(seg, end);
        let month = b[ps..pe].strip_suffix(b".").unwrap_or(&b[ps..pe]);
        ps == seg && pe > ps && is_calendar(month)
    }

    /// `308 pp.`: `pp` after a number.
    fn page_count(&self, seg: usize, ws: usize, we: usize) -> bool {
        self.text.as_bytes()[ws..we].eq_ignore_ascii_case(b"pp") && self.after_number(seg, ws)
    }

    /// Whether the word before `ws` is the article `the`.
    fn article_before(&self, seg: usize, ws: usize) -> bool {
        let end = trim_end(self.text, seg, ws);
        if end == ws || end < seg + 3 {
            return false;
        }
        let (ps, pe) = self.word_before(seg, end);
        self.text.as_bytes()[ps..pe].eq_ignore_ascii_case(b"the")
    }

    /// Whether the word at `at` is followed by a space and a lower-case word.
    fn lower_word_follows(&self, at: usize) -> bool {
        let b = self.text.as_bytes();
        let mut i = at;
        while i < b.len()
            && i < at + TOKEN_WINDOW
            && (b[i].is_ascii_alphabetic() || b[i] >= 0x80 || b[i] == b'\'')
        {
            i += 1;
        }
        b.get(i) == Some(&b' ') && b.get(i + 1).is_some_and(u8::is_ascii_lowercase)
    }

    /// Whether the word before `ws` is capitalised or a number (`Fifth Ave`, `14th St`), in
    /// the same segment.
    fn after_name(&self, seg: usize, ws: usize) -> bool {
        let end = trim_end(self.text, seg, ws);
        if end == seg || end == ws {
            return false;
        }
        let (ps, pe) = self.word_before(seg, end);
        pe > ps
            && (char_at(self.text, ps).is_some_and(char::is_uppercase)
                || self.text.as_bytes()[ps].is_ascii_digit())
    }

    /// Whether the word at `ws` follows a number (`5,000 approx`).
    fn after_number(&self, seg: usize, ws: usize) -> bool {
        let end = trim_end(self.text, seg, ws);
        end > seg && end < ws && self.text.as_bytes()[end - 1].is_ascii_digit()
    }

    /// A time zone at `at` (`EST`, `E.S.T.`, `GMT`): it continues the time before it.
    fn time_zone(&self, at: usize) -> bool {
        let b = self.text.as_bytes();
        let mut letters = [0u8; 4];
        let (mut n, mut i) = (0, at);
        while i < b.len() && i < at + 8 {
            match b[i] {
                c @ b'A'..=b'Z' if n < 4 => {
                    letters[n] = c;
                    n += 1;
                }
                b'.' => {}
                _ => break,
            }
            i += 1;
        }
        !b.get(i).is_some_and(u8::is_ascii_alphanumeric)
            && matches!(
                &letters[..n],
                b"EST"
                    | b"EDT"
                    | b"CST"
                    | b"CDT"
                    | b"MST"
                    | b"MDT"
                    | b"PST"
                    | b"PDT"
                    | b"GMT"
                    | b"BST"
                    | b"CET"
                    | b"EET"
                    | b"UTC"
            )
    }

    /// Whether a personal pronoun follows the word ending at `i` (`May I`, `May we`).
    fn pronoun_after(&self, i: usize, be: usize) -> bool {
        let b = self.text.as_bytes();
        let s = skip_ws(self.text, i, be);
        let e = s + b[s..be]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        s > i
            && matches!(
                &b[s..e],
                b"I" | b"we" | b"you" | b"he" | b"she" | b"it" | b"they"
            )
    }

    /// Whether the word at `i` (after spaces) is a demonstrative or pronoun object (`this`,
    /// `so`, `nothing`).
    fn object_follows(&self, i: usize, be: usize) -> bool {
        let b = self.text.as_bytes();
        let s = skip_ws(self.text, i, be);
        let e = s + b[s..be]
            .iter()
            .take_while(|c| c.is_ascii_lowercase())
            .count();
        let ends = !b.get(e).is_some_and(u8::is_ascii_alphanumeric);
        ends && matches!(
            &b[s..e],
            b"this" | b"that" | b"these" | b"those" | b"it" | b"so" | b"nothing" | b"something"
        )
    }

    /// Whether the word after the one at `q` is a verb of saying (`we asked`).
    fn speech_verb_after(&self, q: usize, be: usize) -> bool {
        let b = self.text.as_bytes();
        let mut i = q;
        while i < be && b[i].is_ascii_alphabetic() {
            i += 1;
        }
        let s = skip_ws(self.text, i, be);
        let e = s + b[s..be]
            .iter()
            .take_while(|c| c.is_ascii_lowercase())
            .count();
        is_speech_verb(&b[s..e])
    }

    /// Whether the word before `ws` is capitalised and not the first word of the segment
    /// (`Albert I. Jones`, not `you and I. Did`).
    fn previous_capitalised(&self, seg: usize, ws: usize) -> bool {
        let end = trim_end(self.text, seg, ws);
        if end == seg {
            return false;
        }
        let (ps, _) = self.word_before(seg, end);
        ps > seg && char_at(self.text, ps).is_some_and(char::is_uppercase)
    }
}

/// Reads the run of terminators starting at `p`: `.`, `?!`, `...`, `…`, `. . . .`.
fn cluster(b: &[u8], p: usize, be: usize) -> (usize, Terminator) {
    let (mut i, mut dots, mut ell, mut strong) = (p, 0, false, false);
    while i < be {
        match b[i] {
            b'.' => {
                dots += 1;
                i += 1;
            }
            b'?' | b'!' => {
                strong = true;
                i += 1;
            }
            0xE2 if b[i..be].starts_with(ELLIPSIS) => {
                ell = true;
                i += 3;
            }
            // Spaced ellipsis dots: `. . .`
            b' ' if (dots > 0 || ell) && !strong && b.get(i + 1) == Some(&b'.') && i + 1 < be => {
                i += 1;
            }
            _ => break,
        }
    }
    let term = if strong && (ell || dots > 0) {
        Terminator::Trailing
    } else if strong {
        Terminator::Strong
    } else if ell || dots >= 3 || (dots == 2 && i == p + 2) {
        // Two spaced stops (`closed. . The`) are a doubled full stop, not an ellipsis.
        Terminator::Ellipsis
    } else {
        Terminator::Period
    };
    (i, term)
}

/// Skips closing quotes and brackets (and stops repeated after them, `?”.`) after a
/// terminator. `None` when a `'`/`’` turns out to be an apostrophe (`Jr.'s`).
fn closers(b: &[u8], seg: usize, mut j: usize, be: usize) -> Option<usize> {
    while j < be {
        let n = closer_len(b, j);
        if n > 0 {
            let apostrophe = matches!(b[j], b'\'' | 0xE2)
                && b.get(j + n).is_some_and(|c| c.is_ascii_alphanumeric());
            if apostrophe && (b[j] == b'\'' || b[j + 2] == 0x99) {
                return None;
            }
            j += n;
        } else if matches!(b[j], b'.' | b'?' | b'!') {
            j += 1;
        } else if b[j] == b'_' && b.get(j + 1).is_none_or(u8::is_ascii_whitespace) {
            j += 1; // plain-text emphasis closed after the stop: `_Correction._`
        } else if b[j] == b' '
            && b[j + 1..be].starts_with("”".as_bytes())
            && (j + 4 >= be || b[j + 4].is_ascii_whitespace())
        {
            j += 4; // OCR spaced the closing quote off: `see . ” Then`
        } else if b[j] == b' '
            && b.get(j + 1) == Some(&b'"')
            && b.get(j + 2).is_none_or(u8::is_ascii_whitespace)
            && memchr::memchr_iter(b'"', &b[seg.max(j.saturating_sub(QUOTE_WINDOW))..j]).count() % 2
                == 1
        {
            // A spaced straight quote after the stop closes the quotation left open before it
            // (`" until every man is reinstated. " He`); with none open it opens the next one.
            j += 2;
        } else if b[j] == b' '
            && b.get(j + 1) == Some(&b'*')
            && b.get(j + 2).is_none_or(u8::is_ascii_whitespace)
            && b.get(j + 3) != Some(&b'*')
        {
            j += 2; // OCR spaced the footnote mark off: `copies. * It`, not `* * *`
        } else if let Some(n) = superscript_digit(b, j).or_else(|| footnote_symbol(b, j)) {
            j += n; // footnote mark: `disputed.¹`, `disputed.*`
        } else if b[j] == b'[' {
            // Footnote reference after the stop: `end.[12]`, `end.[a]`
            let digits = b[j + 1..be]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            let letter = digits == 0 && b.get(j + 1).is_some_and(u8::is_ascii_lowercase);
            let label = if letter { 1 } else { digits };
            if label == 0 || b.get(j + 1 + label) != Some(&b']') {
                break;
            }
            j += label + 2;
        } else {
            break;
        }
    }
    Some(j.min(be))
}

/// Byte length of a superscript digit (`¹²³⁴…⁰`) at `j`.
fn superscript_digit(b: &[u8], j: usize) -> Option<usize> {
    match b.get(j..)? {
        [0xC2, 0xB9 | 0xB2 | 0xB3, ..] => Some(2),
        [0xE2, 0x81, 0xB0 | 0xB4..=0xB9, ..] => Some(3),
        _ => None,
    }
}

/// Byte length of a footnote symbol (`*`, `†`, `‡`) at `j`; only read where it touches the
/// stop before it, so a `* * *` separator after a space is left alone.
fn footnote_symbol(b: &[u8], j: usize) -> Option<usize> {
    match b.get(j..)? {
        [b'*', ..] => Some(1),
        [0xE2, 0x80, 0xA0 | 0xA1, ..] => Some(3),
        _ => None,
    }
}

/// `U.S`, `L.D`, `e.g`, `a.m`: single letters joined by stops; anything else with an inner
/// stop (`3.14`, `Jane.Doe@example.com`) is an ordinary token.
fn chain(w: &[u8]) -> Before {
    // Hyphenated initials (`J.-P`, `J.-B`) read as a plain chain.
    let mut buf = [0u8; 24];
    let mut len = 0;
    for (k, &c) in w.iter().enumerate() {
        if c == b'-' && k > 0 && w[k - 1] == b'.' {
            continue;
        }
        if len == buf.len() {
            return Before::Normal;
        }
        buf[len] = c;
        len += 1;
    }
    let w = &buf[..len];
    let mut letters = [0u8; 8];
    let mut n = 0;
    for (k, &c) in w.iter().enumerate() {
        let expect_letter = k % 2 == 0;
        if expect_letter != c.is_ascii_alphabetic() || (!expect_letter && c != b'.') || n == 8 {
            return if w.iter().any(u8::is_ascii_digit)
                && w.iter()
                    .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b','))
            {
                Before::Number
            } else {
                Before::Normal
            };
        }
        if expect_letter {
            letters[n] = c.to_ascii_lowercase();
            n += 1;
        }
    }
    match &letters[..n] {
        b"am" | b"pm" => Before::Time,
        // `n.d.` (no date) closes an imprint: `London, n.d. 120 pp.`
        b"nd" => Before::Abbrev(Class::Final),
        // Prefixes: `e.g. The Times`, `P.S. The money`.
        b"eg" | b"ie" | b"cf" | b"nb" | b"vs" | b"viz" | b"ps" | b"pps" => {
            Before::Abbrev(Class::Prepositive)
        }
        _ => Before::Chain,
    }
}

/// Whether `p` lies inside a square-bracketed editorial insertion (`[Editor’s note: … .]`)
/// that closes later in the block: such notes are kept whole.
fn inside_square_brackets(b: &[u8], seg: usize, p: usize, j: usize, be: usize) -> bool {
    let Some(k) = memchr::memrchr(b'[', &b[seg..p]) else {
        return false;
    };
    let open = seg + k;
    // `[Noise.] I ask`: a bracket closed right after the stop is over, whatever follows.
    memchr::memchr(b']', &b[open..j]).is_none() && memchr::memchr(b']', &b[j..be]).is_some()
}

/// Whether a double quotation opened in `seg..p` is still open at `p`.
fn open_quotation(b: &[u8], seg: usize, p: usize) -> bool {
    let span = &b[seg.max(p.saturating_sub(QUOTE_WINDOW))..p];
    let opens = memchr::memmem::find_iter(span, "“".as_bytes()).count();
    let closes = memchr::memmem::find_iter(span, "”".as_bytes()).count();
    let straight = memchr::memchr_iter(b'"', span).count();
    opens > closes || straight % 2 == 1
}

fn words_between(b: &[u8], from: usize, to: usize) -> usize {
    b[from..to]
        .split(|c| c.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .take(3)
        .count()
}

fn find_ellipsis(b: &[u8], from: usize, be: usize) -> usize {
    let mut i = from;
    while let Some(k) = memchr::memchr(0xA6, &b[i..be]) {
        let at = i + k;
        if at >= from + 2 && b[at - 2] == 0xE2 && b[at - 1] == 0x80 {
            return at - 2;
        }
        i = at + 1;
    }
    be
}

/// Byte offset of the next `l` standing alone between a space and whitespace in `from..be`,
/// or `be`.
fn find_lone_l(b: &[u8], from: usize, be: usize) -> usize {
    memchr::memmem::find_iter(&b[from..be], b" l")
        .map(|k| from + k + 1)
        .find(|&at| at + 1 == be || b[at + 1].is_ascii_whitespace())
        .unwrap_or(be)
}

/// Quotations closed within the block, as `(open, after close)` byte pairs.
fn quote_spans(b: &[u8], bs: usize, be: usize) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut curly: Vec<usize> = Vec::new();
    let mut straight: Option<usize> = None;
    let mut i = bs;
    while i < be {
        match &b[i..be] {
            [0xE2, 0x80, 0x9C, ..] | [0xC2, 0xAB, ..] => curly.push(i),
            [0xE2, 0x80, 0x9D, ..] | [0xC2, 0xBB, ..] => {
                let len = if b[i] == 0xC2 { 2 } else { 3 };
                if let Some(o) = curly.pop() {
                    spans.push((o, i + len));
                }
            }
            [b'"', ..] => match straight.take() {
                Some(o) => spans.push((o, i + 1)),
                None => straight = Some(i),
            },
            _ => {}
        }
        i += 1;
    }
    spans
}

/// Appends `s..e` trimmed, if anything is left.
fn push(text: &str, out: &mut Vec<(usize, usize)>, s: usize, e: usize) {
    let s = skip_ws(text, s, e);
    let e = trim_end(text, s, e);
    if s < e {
        out.push((s, e));
    }
}
