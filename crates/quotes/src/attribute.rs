//! Kind and speaker of each marked quotation. The kind comes from the span's shape (length,
//! clause, capitals, terminal punctuation) and the words around it (title and naming cues,
//! speech cues); the speaker from sieves tried from most to least certain, each named in
//! `sieve`: `cue-after`, `cue-before`, `frame`, `message-source`, `subject-of-cue`,
//! `pronoun`, `previous-paragraph`, `sentence-subject`, `previous-sentence`, `continuation`.

use std::sync::LazyLock;

use galley_record::QuoteKind;
use memchr::memmem::Finder;

use crate::lexicon::{self, Pronoun};
use crate::marks::RawQuote;
use crate::names::{self, Found, MentionKind};
use crate::text::{self, Para, Tok};

/// A resolved speaker: its canonical name and the mention it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    pub name: String,
    pub mention: Found,
}

/// What the rules decided for one span.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    pub cue: Option<String>,
    pub sieve: Option<&'static str>,
    pub confidence: f64,
    /// Same quotation as the previous span (split by an attribution, or over paragraphs).
    pub joins_previous: bool,
    /// The pronoun of a `he said` / `said she` tag, resolved or not (dialogue checks it).
    pub tag: Option<Pronoun>,
    /// The `I` of an `I said` / `said I` tag left unresolved (a first-person narrator).
    pub narrator: Option<Found>,
}

impl Attribution {
    fn plain(kind: QuoteKind, confidence: f64) -> Self {
        Attribution {
            kind,
            speaker: None,
            cue: None,
            sieve: None,
            confidence,
            joins_previous: false,
            tag: None,
            narrator: None,
        }
    }
}

/// The document view the sieves read.
#[derive(Debug)]
pub struct Ctx<'a> {
    pub text: &'a str,
    pub paras: &'a [Para],
    pub quotes: &'a [RawQuote],
    canon: names::Canon,
    /// Who `I` is when the whole text is a signed letter.
    signatory: Option<Found>,
}

impl<'a> Ctx<'a> {
    /// The document's memo of canonical names, shared with the dialogue rules.
    pub fn canon(&self) -> &names::Canon {
        &self.canon
    }

    pub fn new(text: &'a str, paras: &'a [Para], quotes: &'a [RawQuote]) -> Self {
        Ctx {
            text,
            paras,
            quotes,
            canon: names::Canon::default(),
            signatory: crate::blocks::letter_signatory(text, paras),
        }
    }
}

/// A speaker candidate found by one sieve, before canonicalisation.
struct Hit {
    mention: Found,
    cue: Option<String>,
    sieve: &'static str,
    confidence: f64,
}

/// Substrings that make a frame (`in the words of`, `according to`, `as X put it`)
/// possible: `words of`, `ccording to`, then `As `/`as ` which need one of the verbs after
/// them. Searchers are built once, as the check runs for every quotation.
static FRAME_FINDERS: LazyLock<[Finder<'static>; 9]> = LazyLock::new(|| {
    [
        "words of",
        "ccording to",
        "As ",
        "as ",
        " put",
        " said",
        " says",
        " wrote",
        " writes",
    ]
    .map(Finder::new)
});

/// Shape of the quoted words.
struct Shape {
    words: usize,
    first_upper: bool,
    terminal: bool,
    personal: bool,
    verb: bool,
    capitalised_phrase: bool,
    acronym: bool,
}

fn shape(content: &str) -> Shape {
    // The opening words tell the shape; a long speech need not be scanned to its end, and
    // whitespace-split words (punctuation trimmed) are enough here. One pass with no list
    // of words: this runs for every quotation.
    let head = &content[..text::floor_boundary(content, 400)];
    let words = head
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty());
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let first_upper = content
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase);
    let trimmed = content.trim_end_matches([' ', '*']);
    let terminal = trimmed.ends_with(['.', '!', '?', '…']);
    let small = |w: &str| {
        matches!(
            w,
            "of" | "the"
                | "and"
                | "in"
                | "a"
                | "an"
                | "on"
                | "for"
                | "to"
                | "at"
                | "with"
                | "de"
                | "la"
        )
    };
    let acronym_word = |w: &str| {
        let letters = w.chars().filter(|c| c.is_alphabetic());
        letters.clone().all(char::is_uppercase) && letters.count() <= 6
    };
    let (mut count, mut first_capitalised) = (0, false);
    let (mut phrase_words, mut acronym_words) = (true, true);
    let (mut personal, mut verb) = (false, false);
    for w in words {
        if count == 0 {
            first_capitalised = capitalised(w);
        }
        count += 1;
        phrase_words =
            phrase_words && (capitalised(w) || small(w) || w.chars().all(|c| c.is_ascii_digit()));
        // only a span of at most three words can be an acronym
        acronym_words = acronym_words && count <= 3 && acronym_word(w);
        personal = personal || lexicon::is_personal_word(w);
        verb = verb || lexicon::is_common_verb(w);
    }
    Shape {
        words: count,
        first_upper,
        terminal,
        personal,
        verb,
        capitalised_phrase: count >= 2 && first_capitalised && phrase_words,
        acronym: count > 0 && acronym_words,
    }
}

impl Shape {
    /// Reads as a sentence or clause someone uttered.
    fn utterance(&self) -> bool {
        (self.first_upper
            && self.words >= 3
            && (self.terminal || self.words >= 8)
            && !self.capitalised_phrase)
            || (self.personal && self.words >= 4)
            || (self.words >= 12 && self.verb)
    }
}

/// Token ranges around a quote: the adjacent stretch after the previous quote (`near`), the
/// whole sentence part before the quote minus other quotes (`before`), and the part after.
struct Around<'a> {
    near: Vec<Tok<'a>>,
    /// Byte ranges of the sentence part before and after the span, tokenized on demand:
    /// most spans are decided from `near` alone.
    before: (usize, usize),
    after: (usize, usize),
}

impl<'a> Ctx<'a> {
    fn siblings(&self, i: usize) -> (Option<usize>, Option<usize>) {
        let q = &self.quotes[i];
        let same = |j: usize| self.quotes[j].parent == q.parent && self.quotes[j].para == q.para;
        // Spans are sorted by position, so only this paragraph's neighbours need looking at.
        let in_para = |j: &usize| self.quotes[*j].para == q.para;
        let prev = (0..i)
            .rev()
            .take_while(in_para)
            .find(|&j| same(j) && self.quotes[j].outer_end() <= q.open);
        let next = (i + 1..self.quotes.len())
            .take_while(in_para)
            .find(|&j| same(j) && self.quotes[j].open >= q.outer_end());
        (prev, next)
    }

    fn bounds(&self, i: usize) -> (usize, usize) {
        let q = &self.quotes[i];
        match q.parent {
            Some(p) => (self.quotes[p].start, self.quotes[p].end),
            None => (self.paras[q.para].start, self.paras[q.para].end),
        }
    }

    /// Drops tokens that sit inside another top-level quotation.
    fn outside_quotes(&self, mut toks: Vec<Tok<'a>>, skip: usize) -> Vec<Tok<'a>> {
        let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
            return toks;
        };
        let (lo, hi) = (first.start, last.end);
        // the quotation that holds span `skip` is its context, not another quotation
        let own = &self.quotes[skip];
        let holds_own = |q: &RawQuote| q.open <= own.open && own.outer_end() <= q.outer_end();
        // the few top-level quotations overlapping this stretch, found once
        let from = self
            .quotes
            .partition_point(|q| q.open < lo)
            .saturating_sub(8);
        let inside: Vec<(usize, usize)> = self.quotes[from..]
            .iter()
            .take_while(|q| q.open < hi)
            .filter(|q| q.parent.is_none() && q.marks && !holds_own(q) && q.outer_end() > lo)
            .map(|q| (q.open, q.outer_end()))
            .collect();
        if !inside.is_empty() {
            toks.retain(|t| !inside.iter().any(|&(a, b)| a <= t.start && t.start < b));
        }
        toks
    }

    fn around(&self, i: usize) -> Around<'a> {
        let q = &self.quotes[i];
        let (lo, hi) = self.bounds(i);
        let (prev, next) = self.siblings(i);
        let sent_lo = text::sentence_start(self.text, lo, q.open);
        let near_lo = prev.map_or(sent_lo, |p| self.quotes[p].outer_end().max(sent_lo));
        let close = q.outer_end();
        let sent_hi = text::sentence_end(self.text, close.min(hi), hi);
        let mut after_hi = next
            .map_or(sent_hi, |n| self.quotes[n].open.min(sent_hi))
            .max(close.min(hi));
        // `“… Centralists.” They claimed …`: a terminal inside the marks and a capital after
        // them end the sentence with the quotation.
        let inner = self.text[q.start..q.end].trim_end();
        let next_char = self.text[close.min(hi)..].trim_start().chars().next();
        // (`“But consider!” I said.` and `“Are you going?” Winterbourne inquired in a tone
        // of respect.` are the exceptions: a tag with its subject before the verb)
        let narrator_tag = || {
            let rest = self.text[close.min(hi)..hi].trim_start();
            rest.strip_prefix("I ").is_some_and(|r| {
                r.split(|c: char| !c.is_alphabetic())
                    .next()
                    .is_some_and(lexicon::is_tag_verb)
            }) || named_tag_follows(self.text, close.min(hi), hi)
        };
        if inner.ends_with(['.', '!', '?', '…'])
            && next_char.is_some_and(char::is_uppercase)
            && !narrator_tag()
        {
            after_hi = close.min(hi);
        }
        Around {
            near: text::tokens(self.text, near_lo.max(sent_lo), q.open),
            before: (sent_lo, q.open),
            after: (close.min(after_hi), after_hi),
        }
    }

    fn before_toks(&self, a: &Around<'_>, i: usize) -> Vec<Tok<'a>> {
        self.outside_quotes(text::tokens(self.text, a.before.0, a.before.1), i)
    }

    fn after_toks(&self, a: &Around<'_>) -> Vec<Tok<'a>> {
        text::tokens(self.text, a.after.0, a.after.1)
    }
}

/// `a man's voice, and then Mrs. Inglethorp's rose in reply:` — a possessive name in the
/// speech verb's clause, followed by a verb (its `voice` left out), is the one who speaks.
fn elided_voice(toks: &[Tok<'_>], v: usize) -> Option<Found> {
    let clause = (0..v).rev().find(|&j| toks[j].is(",")).map_or(0, |j| j + 1);
    (clause..v).rev().find_map(|j| {
        let owner = &toks[j];
        let possessive = names::strip_possessive(owner.text) != owner.text;
        let verb_next = toks
            .get(j + 1)
            .is_some_and(|t| t.is_lower_word() && lexicon::is_likely_verb(t.text));
        (possessive && verb_next)
            .then(|| names::name_ending_at(toks, j))
            .flatten()
            .filter(|(_, m)| m.kind == MentionKind::Person)
            .map(|(_, m)| m)
    })
}

/// `Winterbourne inquired.` / `Randolph loudly inquired in a tone …` right after a quotation
/// that ends with its own terminal: a capitalised name, adverbs, a tag verb, then nothing
/// that reads as the verb's object (a full stop, a comma, a preposition, an adverb) and no
/// `that` clause (`“…!” Lenin wrote in 1903 that …` is a new sentence about writing).
fn named_tag_follows(text: &str, from: usize, hi: usize) -> bool {
    let toks = text::tokens(text, from, hi.min(text::floor_boundary(text, from + 120)));
    let Some((last, m)) = names::name_starting_at(&toks, 0) else {
        return false;
    };
    if !matches!(m.kind, MentionKind::Person) {
        return false;
    }
    let mut v = last + 1;
    while toks
        .get(v)
        .is_some_and(|t| t.word && lexicon::is_verb_filler(t.text) && !lexicon::is_tag_verb(t.text))
    {
        v += 1;
    }
    if !toks.get(v).is_some_and(|t| lexicon::is_tag_verb(t.text)) {
        return false;
    }
    let next = toks.get(v + 1);
    let open_end = next.is_none_or(|t| {
        !t.word
            || is_preposition(t.text)
            || lexicon::is_verb_filler(t.text)
            || matches!(t.text, "out" | "back" | "up" | "after" | "to")
    });
    // `“What about the farmers?” Dunne answered at once: “…”` introduces the next quotation
    let clause_end = toks.iter().skip(v + 1).find(|t| !t.word && !t.is("-"));
    open_end
        && !toks.iter().skip(v + 1).take(8).any(|t| t.is("that"))
        && !clause_end.is_some_and(|t| t.is(":"))
}

fn word_text<'a>(toks: &[Tok<'a>], k: usize) -> &'a str {
    toks.get(k).map_or("", |t| t.text)
}

/// Index of the last word token among `toks[..end]`, skipping punctuation.
fn last_word(toks: &[Tok<'_>], end: usize) -> Option<usize> {
    (0..end).rev().find(|&k| toks[k].word)
}

/// Title cue in the last few words before the mark, with no speech verb or colon after it.
fn title_cue(near: &[Tok<'_>], after: &str) -> bool {
    if near.last().is_some_and(|t| t.is(":")) {
        return false;
    }
    let words: Vec<&Tok<'_>> = near.iter().rev().filter(|t| t.word).take(3).collect();
    for t in &words {
        if lexicon::is_speech_verb(t.text) && !lexicon::is_title_cue(t.text) {
            return false;
        }
        if lexicon::is_title_cue(t.text) {
            return true;
        }
    }
    // `“…”, published in 1936`, `the “Red Flag” was sung`
    let first = after
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .find(|w| !matches!(*w, "was" | "were" | "is" | "are" | "being" | "been"));
    first.is_some_and(|w| {
        matches!(
            w,
            "published" | "appeared" | "issued" | "sung" | "played" | "performed"
        )
    })
}

fn naming_cue(near: &[Tok<'_>]) -> bool {
    let words: Vec<&Tok<'_>> = near.iter().rev().filter(|t| t.word).take(3).collect();
    words.iter().any(|t| lexicon::is_naming_cue(t.text)) && !near.last().is_some_and(|t| t.is(":"))
}

/// `, wrote Natalya Sedov` / `, he wrote` / `, Trotsky later wrote` right after the span.
fn cue_after(after: &[Tok<'_>]) -> Option<Hit> {
    let mut k = 0;
    while k < after.len() && !after[k].word {
        if matches!(after[k].text, "(" | "[" | ";" | ":") {
            return None; // a bracketed citation is a source, not a speaker
        }
        k += 1;
    }
    if k > 3 {
        return None;
    }
    let t = after.get(k)?;
    // `went on Syme`, `broke in the clerk`: a verb that tags speech only with its particle
    let phrasal = after
        .get(k + 1)
        .is_some_and(|p| lexicon::is_phrasal_tag(t.text, p.text));
    if lexicon::is_tag_verb(t.text) || phrasal {
        let named = epithet_name(after, k + 1);
        // `called out the cloud`, `put in Mrs. Hale`: a verb particle before the speaker
        let particle = after.get(k + 1).is_some_and(|w| {
            matches!(
                w.text,
                "out" | "down" | "up" | "in" | "back" | "on" | "over" | "forth"
            )
        });
        let at = k + 1 + usize::from(particle);
        let (_, m) = named
            .or_else(|| possessed_person(after, at))
            .or_else(|| names::mention_starting_at(after, at))
            .or_else(|| first_person(after, at))?;
        return Some(Hit {
            mention: m,
            cue: Some(t.text.to_owned()),
            sieve: "cue-after",
            confidence: 0.95,
        });
    }
    let (last, m) = epithet_name(after, k)
        .or_else(|| names::mention_starting_at(after, k))
        .or_else(|| first_person(after, k))?;
    let mut v = last + 1;
    while v < after.len()
        && after[v].word
        && lexicon::is_verb_filler(after[v].text)
        && !lexicon::is_tag_verb(after[v].text)
    {
        v += 1;
    }
    // `“…,” Syme went on`: the particle verb was skipped as filler; it ends the tag
    let phrasal = v >= last + 3 && lexicon::is_phrasal_tag(after[v - 2].text, after[v - 1].text);
    if phrasal {
        return Some(Hit {
            mention: m,
            cue: Some(format!("{} {}", after[v - 2].text, after[v - 1].text)),
            sieve: "cue-after",
            confidence: 0.95,
        });
    }
    let verb = after.get(v)?;
    lexicon::is_tag_verb(verb.text).then(|| Hit {
        mention: m,
        cue: Some(verb.text.to_owned()),
        sieve: "cue-after",
        confidence: 0.95,
    })
}

/// `old Mrs. Pike`, `young Thorley`: a lower-case epithet before a name belongs to the name.
fn epithet_name(toks: &[Tok<'_>], k: usize) -> Option<(usize, Found)> {
    let epithet = toks
        .get(k)
        .is_some_and(|w| matches!(w.text, "old" | "young" | "little" | "poor" | "dear"));
    epithet
        .then(|| names::name_starting_at(toks, k + 1))
        .flatten()
}

/// `“…,” I said` / `said I`: a first-person narrator's tag (named later, if at all, by
/// what the other speakers call the narrator).
fn first_person(toks: &[Tok<'_>], k: usize) -> Option<(usize, Found)> {
    let t = toks.get(k).filter(|t| t.text == "I" || t.text == "I.")?;
    Some((
        k,
        Found {
            start: t.start,
            end: t.end,
            kind: MentionKind::Pronoun(Pronoun::FirstPerson),
        },
    ))
}

/// `cried his wife`, `said her younger sister`: right after a dialogue tag a possessive and a
/// few lower-case words are the speaker (elsewhere lower-case `her` is mostly an object).
fn possessed_person(toks: &[Tok<'_>], first: usize) -> Option<(usize, Found)> {
    let t = toks.get(first)?;
    if !matches!(t.text, "his" | "her" | "their" | "my" | "our") {
        return None;
    }
    let mut last = first;
    for (k, w) in toks.iter().enumerate().skip(first + 1).take(3) {
        let head_like = w.is_lower_word()
            && !w.text.ends_with("ly")
            && !lexicon::is_not_name(w.text)
            && !lexicon::is_speech_verb(w.text)
            && !lexicon::is_likely_verb(w.text)
            && !is_preposition(w.text)
            && !matches!(
                w.text,
                "to" | "and" | "but" | "as" | "when" | "while" | "who"
            );
        if !head_like {
            break;
        }
        last = k;
    }
    (last > first).then(|| {
        (
            last,
            Found {
                start: t.start,
                end: toks[last].end,
                kind: MentionKind::Phrase,
            },
        )
    })
}

/// The subject of the verb at `toks[v]`: the name, pronoun or `the …` phrase before it,
/// skipping auxiliaries, adverbs, a parenthesis and one appositive.
fn subject_before(toks: &[Tok<'_>], v: usize) -> Option<Found> {
    let mut k = v;
    let mut appositive_skipped = false;
    let mut appositive: Option<Found> = None;
    let mut relative = false;
    while k > 0 {
        let t = &toks[k - 1];
        if t.word && lexicon::is_verb_filler(t.text) && !lexicon::is_speech_verb(t.text) {
            k -= 1;
            continue;
        }
        if t.is(")") || t.is("]") {
            let open = if t.is(")") { "(" } else { "[" };
            k = (0..k - 1).rev().find(|&j| toks[j].is(open))?;
            continue;
        }
        // `the chairman, who said` — a relative pronoun after a comma stands for the noun
        // phrase just before the comma, not for the subject of the main clause.
        if t.word && matches!(t.text, "who" | "which") && k >= 2 && toks[k - 2].is(",") {
            relative = true;
            k -= 2;
            break;
        }
        if t.is(",") && !appositive_skipped {
            // `Louis Budenz, a former leader, wrote` — only when a comma-bounded stretch
            // of at most eight tokens ends in a name.
            let start = (k.saturating_sub(10)..k - 1)
                .rev()
                .find(|&j| toks[j].is(","))?;
            appositive_skipped = true;
            // `The main speaker, John Maclean, told …`: a name in apposition to a description
            appositive = names::name_ending_at(toks, k - 2)
                .filter(|(first, m)| *first == start + 1 && m.kind == MentionKind::Person)
                .map(|(_, m)| m);
            k = start;
            continue;
        }
        break;
    }
    let last = k.checked_sub(1)?;
    let found = names::name_ending_at(toks, last).or_else(|| names::phrase_ending_at(toks, last));
    if found
        .as_ref()
        .is_none_or(|(_, m)| m.kind == MentionKind::Phrase)
        && appositive.is_some()
    {
        return appositive;
    }
    let (first, m) = found?;
    // `a young weaver at the back shouted`: the phrase after a preposition is a place; so is
    // a name there when a relative clause follows (`a delegate from Sheffield, who declared`),
    // unless the head is a message (`a letter from Engels, who wrote`).
    let place = m.kind == MentionKind::Phrase || relative;
    if place && first >= 2 && is_preposition(toks[first - 1].text) {
        let head = names::name_ending_at(toks, first - 2)
            .or_else(|| names::phrase_ending_at(toks, first - 2))
            .filter(|(_, h)| {
                m.kind == MentionKind::Phrase
                    || !lexicon::is_message_noun(toks[first - 2].text)
                        && h.kind == MentionKind::Phrase
            });
        if let Some((_, head)) = head {
            return Some(head);
        }
    }
    Some(m)
}

fn is_inanimate_subject(toks: &[Tok<'_>], v: usize) -> bool {
    // `broadcasts began as follows:` — a bare lower-case plural is no speaker.
    let k = (0..v)
        .rev()
        .find(|&j| toks[j].word && !lexicon::is_verb_filler(toks[j].text));
    k.is_some_and(|j| toks[j].is_lower_word() && lexicon::pronoun(toks[j].text).is_none())
}

/// The last speech verb before the mark that frames it: index and whether it is adjacent.
fn frame_verb(near: &[Tok<'_>], max_gap: usize) -> Option<usize> {
    let mut words_after = 0;
    for k in (0..near.len()).rev() {
        let t = &near[k];
        if matches!(t.text, ";" | "." | "!" | "?") {
            return None;
        }
        if t.word {
            if lexicon::is_speech_verb(t.text) && !t.is_capitalised() && !used_as_noun(near, k) {
                let next = near[k + 1..].iter().find(|t| t.word);
                // `said in 1936 that …` reports; `said in a deep whisper: “…”` still frames
                let colon = near.last().is_some_and(|t| t.is(":"));
                if !colon && next.is_some_and(|n| lexicon::is_non_frame_prep(n.text)) {
                    return None;
                }
                // `explain why their “new course” …`: an indirect question, not a quotation
                if next
                    .is_some_and(|n| matches!(n.text, "why" | "how" | "whether" | "where" | "when"))
                {
                    return None;
                }
                return Some(k);
            }
            words_after += 1;
            if words_after > max_gap {
                return None;
            }
        }
    }
    None
}

/// `in a deep whisper`, `his answer`: a speech word after a determiner or possessive (one
/// adjective may sit between) is a noun, not the verb of a frame.
fn used_as_noun(toks: &[Tok<'_>], k: usize) -> bool {
    let det = |w: &str| {
        matches!(
            w,
            "a" | "an" | "the" | "his" | "her" | "their" | "my" | "your" | "our" | "its" | "this"
        )
    };
    // only a base form reads as a noun: `a leaflet declared`, `the report said` are verbs
    let w = toks[k].text;
    if w.ends_with(['d', 's']) || matches!(w, "wrote" | "spoke" | "swore" | "sang") {
        return false;
    }
    let word = |j: usize| toks.get(j).filter(|t| t.word).map(|t| t.text);
    let prev = k.checked_sub(1).and_then(word);
    let prev2 = k.checked_sub(2).and_then(word);
    prev.is_some_and(det)
        || prev2.is_some_and(det)
            && prev
                .is_some_and(|w| w.chars().all(|c| c.is_lowercase()) && !lexicon::is_verb_filler(w))
}

/// `said Trotsky, “…` — a name right after the verb and right before the mark. Not when the
/// quotation carries on the clause in lower case with no punctuation between (`X said the
/// government “has no plans …”`: the government is the reported clause's subject).
fn inverted_subject(near: &[Tok<'_>], v: usize, first_upper: bool) -> Option<Found> {
    let (last, m) = names::mention_starting_at(near, v + 1)?;
    let rest = &near[last + 1..];
    (rest.iter().all(|t| !t.word) && (first_upper || !rest.is_empty())).then_some(m)
}

/// `After the vote declared the Central Committee: “…”`: a verb that takes no object, then
/// a capitalised name and a colon or comma before the mark, names the speaker even when a
/// phrase stands before the verb (`told Trotsky:` is excluded: `told` takes an object).
fn inverted_name(near: &[Tok<'_>], v: usize) -> Option<Found> {
    let intransitive = matches!(
        near[v].text,
        "said"
            | "declared"
            | "wrote"
            | "replied"
            | "stated"
            | "proclaimed"
            | "announced"
            | "added"
            | "continued"
            | "cried"
            | "exclaimed"
            | "insisted"
            | "explained"
            | "retorted"
            | "responded"
    );
    let punct = near.last().is_some_and(|t| t.is(":") || t.is(","));
    if !(intransitive && punct) {
        return None;
    }
    let first = v + 1 + usize::from(near.get(v + 1).is_some_and(|t| t.is("the")));
    let (last, m) = names::name_starting_at(near, first)?;
    let named = matches!(m.kind, MentionKind::Person | MentionKind::Org);
    (named && near[last + 1..].iter().all(|t| !t.word)).then_some(m)
}

/// `The workers, it says, “…”`: `it` before a speech verb is the publication or message the
/// text has just named (`the pamphlet`, `the Daily Herald`), the last one before `pos`.
fn it_antecedent(toks: &[Tok<'_>]) -> Option<Found> {
    let mut best = None;
    let mut k = 0;
    while k < toks.len() {
        let t = &toks[k];
        if t.word && lexicon::is_message_noun(t.text)
            || matches!(
                t.text,
                "pamphlet" | "paper" | "article" | "book" | "newspaper" | "journal"
            )
        {
            if k > 0 && is_determiner(toks[k - 1].text) {
                best = Some(Found {
                    start: toks[k - 1].start,
                    end: t.end,
                    kind: MentionKind::Phrase,
                });
            }
        } else if t.is_capitalised() {
            if let Some((last, m)) = names::name_starting_at(toks, k) {
                if m.kind == MentionKind::Org {
                    best = Some(m);
                }
                k = last;
            }
        }
        k += 1;
    }
    best
}

/// `In the words of Engels`, `According to Budenz`, `As Marx put it`, `For him,`.
fn frame(before: &[Tok<'_>]) -> Option<Hit> {
    for k in 0..before.len() {
        let w = before[k].text;
        let lower = w.to_lowercase();
        let target = match lower.as_str() {
            "words" if word_text(before, k + 1) == "of" => Some(k + 2),
            "according" if word_text(before, k + 1) == "to" => Some(k + 2),
            "as" if matches!(
                word_text(before, k + 2),
                "put" | "says" | "said" | "wrote" | "writes"
            ) =>
            {
                Some(k + 1)
            }
            "for" if k == 0 && word_text(before, k + 2) == "," => Some(k + 1),
            _ => None,
        };
        let Some(t) = target else { continue };
        if let Some((last, m)) = names::mention_starting_at(before, t) {
            // `according to the Tribune`: a phrase counts when it ends in a name.
            let named_phrase = m.kind == MentionKind::Phrase && before[last].is_capitalised();
            if named_phrase
                || matches!(
                    m.kind,
                    MentionKind::Person
                        | MentionKind::Org
                        | MentionKind::Pronoun(Pronoun::Male | Pronoun::Female)
                )
            {
                let confidence = if lower == "for" { 0.6 } else { 0.85 };
                return Some(Hit {
                    mention: m,
                    cue: (lower != "for").then(|| lower_frame(before, k)),
                    sieve: "frame",
                    confidence,
                });
            }
        }
    }
    None
}

fn lower_frame(toks: &[Tok<'_>], k: usize) -> String {
    match toks[k].text.to_lowercase().as_str() {
        "words" => "in the words of".to_owned(),
        "according" => "according to".to_owned(),
        "as" => word_text(toks, k + 2).to_owned(),
        other => other.to_owned(),
    }
}

/// `a radiogram from the headquarters of the NKVD, drawn up in these words:`
fn message_source(near: &[Tok<'_>]) -> Option<Hit> {
    for k in 0..near.len().saturating_sub(1) {
        if near[k].word && lexicon::is_message_noun(near[k].text) && near[k + 1].is("from") {
            let first = k + 2;
            let mut last = None;
            for (j, t) in near.iter().enumerate().skip(first).take(8) {
                if !t.word {
                    break;
                }
                last = Some(j);
            }
            let last = last?;
            let has_name = near[first..=last].iter().any(|t| t.is_capitalised());
            if has_name {
                let mention = Found {
                    start: near[first].start,
                    end: near[last].end,
                    kind: MentionKind::Org,
                };
                return Some(Hit {
                    mention,
                    cue: Some(near[k].text.to_owned()),
                    sieve: "message-source",
                    confidence: 0.8,
                });
            }
        }
    }
    None
}

/// `Stalin’s policy: “…”` — a possessed frame noun just before a colon.
fn possessive_frame(near: &[Tok<'_>]) -> Option<Hit> {
    let n = near.len();
    if n < 3 || !near[n - 1].is(":") {
        return None;
    }
    let noun = &near[n - 2];
    let owner = &near[n - 3];
    let possessive = owner.text.ends_with("’s") || owner.text.ends_with("'s");
    if !(lexicon::is_frame_noun(noun.text) && possessive && names::is_name_word(owner)) {
        return None;
    }
    let (_, m) = names::name_ending_at(near, n - 3)?;
    Some(Hit {
        mention: m,
        cue: None,
        sieve: "frame",
        confidence: 0.7,
    })
}

/// A noun naming an utterance right before the mark (`giving the order “…”`).
fn utterance_noun(near: &[Tok<'_>]) -> Option<String> {
    let t = near.iter().rev().find(|t| t.word || t.is(":"))?;
    let t = if t.is(":") {
        near.iter().rev().find(|t| t.word)?
    } else {
        t
    };
    (lexicon::is_utterance_noun(t.text) || matches!(t.text, "follows")).then(|| t.text.to_owned())
}

fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the" | "The" | "a" | "A" | "an" | "An" | "these" | "those" | "all" | "both"
    )
}

fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "at" | "in"
            | "from"
            | "of"
            | "by"
            | "with"
            | "near"
            | "behind"
            | "on"
            | "beside"
            | "inside"
            | "outside"
    )
}

fn is_subjectish(toks: &[Tok<'_>], first: usize) -> bool {
    // A mention right after a preposition is a place or an object, not a subject.
    first == 0
        || !toks[first - 1].word
        || !matches!(
            toks[first - 1].text,
            "in" | "at"
                | "from"
                | "to"
                | "of"
                | "into"
                | "for"
                | "with"
                | "by"
                | "on"
                | "across"
                | "toward"
                | "towards"
                | "against"
                | "about"
                | "near"
                | "through"
                | "under"
                | "over"
                | "between"
                | "among"
                | "like"
                | "than"
                | "and"
        )
}

impl Ctx<'_> {
    /// First subject-like name or pronoun in a token list (outside brackets).
    /// A sentence-initial single capitalised word that is an ordinary word (`Everything`,
    /// `Speaking at …`), not a name.
    fn initial_common(&self, toks: &[Tok<'_>], k: usize, last: usize) -> bool {
        if k != 0 || last != 0 {
            return false;
        }
        let w = toks[k].text;
        let next = toks.get(1);
        let participle = w.len() >= 6
            && w.ends_with("ing")
            && next.is_some_and(|t| !t.is_capitalised())
            // `Asked whether …`, `Pressed by …`: a past participle opening the sentence
            || w.len() >= 5
                && w.ends_with("ed")
                && next.is_some_and(|t| {
                    matches!(
                        t.text,
                        "whether" | "if" | "by" | "about" | "to" | "for" | "at" | "in" | "on"
                    )
                });
        participle || self.canon.is_common(self.text, w)
    }

    fn first_mention(&self, toks: &[Tok<'_>], allow_pronoun: bool) -> Option<Found> {
        let mut depth = 0i32;
        let mut k = 0;
        while k < toks.len() {
            let t = &toks[k];
            match t.text {
                "(" | "[" => depth += 1,
                ")" | "]" => depth -= 1,
                _ => {}
            }
            if depth == 0 && t.word && is_subjectish(toks, k) {
                if let Some((last, m)) = names::name_starting_at(toks, k) {
                    if !self.initial_common(toks, k, last) {
                        return Some(m);
                    }
                }
                if allow_pronoun {
                    if let Some(p) = lexicon::pronoun(t.text) {
                        if matches!(t.text, "he" | "He" | "she" | "She" | "they" | "They") {
                            return Some(Found {
                                start: t.start,
                                end: t.end,
                                kind: MentionKind::Pronoun(p),
                            });
                        }
                    }
                }
            }
            k += 1;
        }
        None
    }

    /// Sentences before byte `pos`, nearest first, within this and the two previous paragraphs.
    fn sentences_before(&self, pos: usize, para: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let first_para = para.saturating_sub(2);
        for pi in (first_para..=para).rev() {
            let p = self.paras[pi];
            let mut hi = if pi == para { pos.min(p.end) } else { p.end };
            while hi > p.start && out.len() < 5 {
                let lo =
                    text::sentence_start(self.text, p.start, hi.saturating_sub(1).max(p.start));
                let lo = if lo >= hi { p.start } else { lo };
                out.push((lo, hi));
                if lo <= p.start {
                    break;
                }
                hi = lo;
            }
        }
        out
    }

    /// Resolves a pronoun at `pos` to the most recent compatible subject mention.
    fn resolve(&self, p: Pronoun, pos: usize, para: usize, quote: usize) -> Option<Found> {
        // `“Come, Hale,” said he`: the person the quotation addresses is not the speaker
        // (or its first part: `“Come, Hale,” said he, “…”`)
        // Read only once a candidate needs checking: most pronouns resolve at the first name.
        let addressed = std::cell::OnceCell::new();
        let addressed = || {
            addressed.get_or_init(|| {
                let mut v = crate::dialogue::vocatives(self.text, &self.quotes[quote], &self.canon);
                if let (Some(j), _) = self.siblings(quote) {
                    v.extend(crate::dialogue::vocatives(
                        self.text,
                        &self.quotes[j],
                        &self.canon,
                    ));
                }
                v
            })
        };
        for (lo, hi) in self.sentences_before(pos, para) {
            let toks = self.outside_quotes(text::tokens(self.text, lo, hi), quote);
            let toks: Vec<Tok<'_>> = toks.into_iter().filter(|t| t.end <= pos).collect();
            let found = match p {
                Pronoun::Plural => {
                    // the sentence subject: a `the …s` phrase or an organisation up front
                    names::mention_starting_at(&toks, 0)
                        .map(|(_, m)| m)
                        .filter(|m| match m.kind {
                            MentionKind::Phrase => self.text[m.start..m.end].ends_with('s'),
                            MentionKind::Org => true,
                            _ => false,
                        })
                }
                // `She had heard …` continues a chain: its subject is the same pronoun, so
                // the antecedent lies further back.
                Pronoun::Male | Pronoun::Female
                    if toks.iter().find(|t| t.word).is_some_and(|t| {
                        matches!(t.text, "He" | "She") && lexicon::pronoun(t.text) == Some(p)
                    }) =>
                {
                    None
                }
                Pronoun::Male | Pronoun::Female => {
                    let mut found = None;
                    let mut k = 0;
                    while k < toks.len() {
                        // `…, and Cannon was among the first`: a name after `and` that a
                        // verb follows opens a clause of its own and is its subject.
                        let clause_subject = |last: usize| {
                            k > 0
                                && toks[k - 1].is("and")
                                && toks.get(last + 1).is_some_and(|t| {
                                    lexicon::is_verb_filler(t.text)
                                        || lexicon::is_likely_verb(t.text)
                                        || lexicon::is_speech_verb(t.text)
                                })
                        };
                        if toks[k].word
                            && (is_subjectish(&toks, k) || k > 0 && toks[k - 1].is("and"))
                        {
                            if let Some((last, m)) = names::name_starting_at(&toks, k)
                                .filter(|&(last, _)| !self.initial_common(&toks, k, last))
                                .filter(|&(last, _)| {
                                    is_subjectish(&toks, k) || clause_subject(last)
                                })
                            {
                                // `expelled the Trotskyists`: a name after a determiner is a
                                // group or a title, never a he or a she.
                                if k > 0 && is_determiner(toks[k - 1].text) {
                                    k = last + 1;
                                    continue;
                                }
                                let surface = &self.text[m.start..m.end];
                                let female = names::looks_female(surface);
                                let other_sex = female == Some(p == Pronoun::Male)
                                    && matches!(p, Pronoun::Male | Pronoun::Female);
                                let ok = m.kind == MentionKind::Person
                                    && !other_sex
                                    && !crate::dialogue::addressed(surface, addressed());
                                if ok {
                                    found = Some(m);
                                    break;
                                }
                                k = last + 1;
                                continue;
                            }
                        }
                        k += 1;
                    }
                    // `The chairman rose. He said, “…”`: a singular `the …` subject.
                    found.or_else(|| {
                        names::mention_starting_at(&toks, 0)
                            .map(|(_, m)| m)
                            .filter(|m| {
                                let phrase = &self.text[m.start..m.end];
                                let female = names::looks_female(phrase);
                                m.kind == MentionKind::Phrase
                                    && !phrase.ends_with('s')
                                    && female != Some(p == Pronoun::Male)
                            })
                    })
                }
                Pronoun::FirstPerson => None,
            };
            if found.is_some() {
                return found;
            }
        }
        None
    }

    /// `Berg lit his pipe. “…”`, `Her grandson laughed. ‘…’`: in fiction the person a
    /// narrative sentence opens on, just before an untagged quotation in the same
    /// paragraph, is its speaker.
    fn action_beat(&self, a: &Around<'_>, i: usize) -> Option<Found> {
        let q = &self.quotes[i];
        let para = self.paras[q.para];
        // the sentence before the quotation's own, or the one it shares when the quotation
        // itself begins a sentence (`Her grandson laughed. ‘…’` may read as one sentence)
        let end = if a.before.0 > para.start {
            a.before.0
        } else {
            q.open
        };
        // after an earlier quotation in the paragraph the narrative between them is its tag
        if end <= para.start || q.parent.is_some() || self.siblings(i).0.is_some() {
            return None;
        }
        // from the terminator of that sentence, so the search does not start after it
        let last = para.start + self.text[para.start..end].trim_end().len();
        let lo = text::sentence_start(self.text, para.start, last.saturating_sub(1));
        let toks = self.outside_quotes(text::tokens(self.text, lo, end), i);
        let first = toks.iter().position(|t| t.word)?;
        let (last, m) = names::mention_starting_at(&toks, first)?;
        match m.kind {
            MentionKind::Phrase | MentionKind::Pronoun(Pronoun::Male | Pronoun::Female) => Some(m),
            MentionKind::Person if !self.initial_common(&toks, first, last) => Some(m),
            _ => None,
        }
    }

    /// `“Very well.” Mrs. Philips nodded. “…”`: in fiction the person the narrative sentence
    /// right after an untagged quotation opens on, in the same paragraph, is its speaker.
    fn beat_after(&self, i: usize, whole_paragraph: bool) -> Option<Found> {
        let q = &self.quotes[i];
        if whole_paragraph || q.parent.is_some() || q.close.is_none() {
            return None;
        }
        let para = self.paras[q.para];
        let from = q.outer_end().min(para.end);
        let to = text::sentence_end(self.text, from, para.end);
        // a beat that ends the paragraph is as often the listener's reaction (`“…” Mr. Beebe
        // bowed.`); one the speaker goes on after is the speaker's
        let goes_on = self
            .siblings(i)
            .1
            .is_some_and(|n| self.quotes[n].open >= to);
        if !goes_on {
            return None;
        }
        let toks = self.outside_quotes(text::tokens(self.text, from, to), i);
        let first = toks.iter().position(|t| t.word)?;
        // only a sentence of its own: `“…,” and Ann` or `“…” in the report` is no beat
        if toks[..first].iter().any(|t| !t.is(".")) && first > 0 {
            return None;
        }
        // a name only: `She frowned.` is left to the turns around it
        let (last, m) = names::name_starting_at(&toks, first)?;
        (m.kind == MentionKind::Person && !self.initial_common(&toks, first, last)).then_some(m)
    }

    /// The first named agent of the sentence before `pos` (for inanimate frames).
    fn previous_sentence_agent(&self, pos: usize, para: usize, quote: usize) -> Option<Found> {
        let (lo, hi) = *self.sentences_before(pos, para).get(1)?;
        let toks = self.outside_quotes(text::tokens(self.text, lo, hi), quote);
        self.first_mention(&toks, false)
    }

    /// The cue and subject in the last sentence of the previous paragraph, when this
    /// paragraph opens with the quotation (`Gevorkian explained that …` ¶ `“It is …`).
    fn previous_paragraph(&self, i: usize) -> Option<Hit> {
        let q = &self.quotes[i];
        let para = self.paras[q.para];
        if q.parent.is_some() || self.text[para.start..q.open].trim() != "" || q.para == 0 {
            return None;
        }
        // A previous paragraph with quotations of its own is dialogue, not an introduction.
        let k = self.quotes.partition_point(|o| o.para < q.para - 1);
        if self.quotes.get(k).is_some_and(|o| o.para == q.para - 1) {
            return None;
        }
        let prev = self.paras[q.para - 1];
        let lo = text::sentence_start(
            self.text,
            prev.start,
            prev.end.saturating_sub(1).max(prev.start),
        );
        let toks = self.outside_quotes(text::tokens(self.text, lo, prev.end), i);
        let Some(v) = toks.iter().enumerate().position(|(k, t)| {
            t.word
                && lexicon::is_speech_verb(t.text)
                && !t.is_capitalised()
                && !used_as_noun(&toks, k)
        }) else {
            // `… old Thomas Weller rose from his bench.` ¶ `“Friends, …`: the person the
            // narrative paragraph ends on takes the floor (weak evidence).
            let m = elided_voice(&toks, toks.len()).or_else(|| {
                self.first_mention(&toks, false)
                    .filter(|m| m.kind == MentionKind::Person)
            })?;
            return Some(Hit {
                mention: m,
                cue: None,
                sieve: "previous-paragraph",
                confidence: 0.5,
            });
        };
        let m = subject_before(&toks, v).or_else(|| elided_voice(&toks, v))?;
        Some(Hit {
            mention: m,
            cue: Some(toks[v].text.to_owned()),
            sieve: "previous-paragraph",
            confidence: 0.7,
        })
    }

    /// Turns a hit into a speaker, resolving pronouns.
    fn speaker(&self, hit: &Hit, i: usize) -> Option<(Speaker, &'static str, f64)> {
        let q = &self.quotes[i];
        match hit.mention.kind {
            MentionKind::Pronoun(Pronoun::FirstPerson) => {
                let me = &self.text[hit.mention.start..hit.mention.end] == "I";
                let m = self.signatory.clone().filter(|_| me)?;
                let name = self
                    .canon
                    .get(self.text, &self.text[m.start..m.end], m.kind);
                Some((
                    Speaker { name, mention: m },
                    "letter-signatory",
                    hit.confidence * 0.8,
                ))
            }
            MentionKind::Pronoun(p) => {
                let at = hit.mention.start.min(q.open);
                let m = self.resolve(p, at, q.para, i)?;
                let name = self
                    .canon
                    .get(self.text, &self.text[m.start..m.end], m.kind);
                Some((
                    Speaker { name, mention: m },
                    "pronoun",
                    hit.confidence * 0.85,
                ))
            }
            kind => {
                let surface = &self.text[hit.mention.start..hit.mention.end];
                let name = self.canon.get(self.text, surface, kind);
                Some((
                    Speaker {
                        name,
                        mention: hit.mention.clone(),
                    },
                    hit.sieve,
                    hit.confidence,
                ))
            }
        }
    }

    /// A term of at most three lower-case words, with no punctuation of its own, after
    /// `that` or before a copula or auxiliary that carries the sentence on (`said that
    /// “ultra-imperialism” would follow`).
    fn indirect_term(&self, a: &Around<'_>, q: &RawQuote, s: &Shape) -> bool {
        let content = self.text[q.start..q.end].trim();
        if q.parent.is_some()
            || s.words > 3
            || s.first_upper
            || s.terminal
            || content.contains([',', ';', ':', '?', '!'])
        {
            return false;
        }
        let before_mark = last_word(&a.near, a.near.len()).map(|k| a.near[k].text);
        let next = self.text[q.outer_end()..]
            .split(|c: char| !c.is_alphabetic())
            .find(|w| !w.is_empty());
        let glued = self.text[q.outer_end()..].starts_with(' ');
        before_mark == Some("that")
            || glued
                && next.is_some_and(|w| {
                    matches!(
                        w,
                        "was"
                            | "is"
                            | "were"
                            | "are"
                            | "would"
                            | "will"
                            | "had"
                            | "has"
                            | "could"
                            | "should"
                            | "must"
                            | "meant"
                            | "means"
                    )
                })
    }

    /// Decides kind and speaker of span `i` (continuations are settled by the caller).
    pub fn attribute(&self, i: usize) -> Attribution {
        let q = &self.quotes[i];
        let content = &self.text[q.start..q.end];
        let s = shape(content);
        let a = self.around(i);
        let nested = q.parent.is_some();
        let after_text = &self.text[a.after.0..a.after.1];
        let before_text = &self.text[a.before.0..a.before.1];

        if title_cue(&a.near, after_text)
            && (s.first_upper || s.capitalised_phrase)
            && s.words <= 12
        {
            return Attribution::plain(QuoteKind::Title, 0.8);
        }

        // Direct-speech evidence, strongest first.
        let mut hits: Vec<Hit> = Vec::new();
        let mut strong = false; // evidence that makes even a short phrase speech
                                // An attribution after the span needs a separating comma (inside or outside the
                                // marks); `the “Communist” Party of Mexico proclaimed` is an inline word.
                                // A space before the closing mark (`"But " he began`) is a dash the text lost.
        let lost_dash = q
            .close
            .is_some_and(|c| self.text[q.end..c].starts_with(char::is_whitespace));
        let separated = content.trim_end().ends_with([',', '!', '?', '…', '—', '-'])
            || lost_dash
            || after_text.trim_start().starts_with([',', '—', '–', '-']);
        let mut after: Option<Vec<Tok<'_>>> = None;
        if separated {
            let toks = after.insert(self.after_toks(&a));
            if let Some(h) = cue_after(toks) {
                hits.push(h);
                strong = true;
            }
        }
        let verb = frame_verb(&a.near, 14);
        if let Some(v) = verb {
            let words_between = a.near[v + 1..].iter().filter(|t| t.word).count();
            let punct_before = a.near.last().is_some_and(|t| t.is(",") || t.is(":"));
            let adjacent = words_between == 0 || (words_between <= 3 && punct_before);
            let before_mark = last_word(&a.near, a.near.len()).map_or("", |k| a.near[k].text);
            let cue = a.near[v].text.to_owned();
            let before_verb = (0..v)
                .rev()
                .find(|&j| a.near[j].word && !(lexicon::is_verb_filler(a.near[j].text)));
            let it_subject = before_verb.is_some_and(|j| matches!(a.near[j].text, "it" | "It"));
            let subject = if it_subject {
                let para = self.paras[q.para];
                it_antecedent(&self.outside_quotes(text::tokens(self.text, para.start, q.open), i))
            } else {
                let before = subject_before(&a.near, v);
                match inverted_name(&a.near, v) {
                    Some(m)
                        if before
                            .as_ref()
                            .is_none_or(|b| b.kind == MentionKind::Phrase) =>
                    {
                        Some(m)
                    }
                    _ => before.or_else(|| inverted_subject(&a.near, v, s.first_upper)),
                }
            };
            let label_like = matches!(before_mark, "as" | "of");
            if (!label_like && (adjacent || words_between <= 8)) || s.utterance() {
                strong |= !label_like;
                match subject {
                    Some(m) => hits.push(Hit {
                        mention: m,
                        cue: Some(cue),
                        sieve: if adjacent {
                            "cue-before"
                        } else {
                            "subject-of-cue"
                        },
                        confidence: if adjacent { 0.95 } else { 0.85 },
                    }),
                    None => {
                        let before = self.before_toks(&a, i);
                        let initial = names::mention_starting_at(&before, 0)
                            .map(|(_, m)| m)
                            .filter(|m| m.kind == MentionKind::Phrase);
                        if let Some(m) = self.first_mention(&a.near[..v], true).or(initial) {
                            hits.push(Hit {
                                mention: m,
                                cue: Some(cue),
                                sieve: "subject-of-cue",
                                confidence: 0.75,
                            });
                        }
                    }
                }
            }
        }
        if let Some(h) = message_source(&a.near) {
            hits.push(h);
            strong = true;
        }
        if let Some(h) = possessive_frame(&a.near) {
            hits.push(h);
            strong = true;
        }
        // Frames need particular words; most sentences have none of them.
        let b = before_text;
        let has = |k: usize| FRAME_FINDERS[k].find(b.as_bytes()).is_some();
        let may_frame = has(0)
            || has(1)
            || b.starts_with("For ")
            || b.starts_with("for ")
            || ((has(2) || has(3)) && (4..FRAME_FINDERS.len()).any(has));
        let frame_hit = if may_frame {
            frame(&self.before_toks(&a, i))
        } else {
            None
        };
        if let Some(h) = frame_hit {
            hits.push(h);
            strong = true;
        }
        let utterance = utterance_noun(&a.near);
        if utterance.is_some() && !nested {
            strong = true;
        }

        // A paragraph that is nothing but a quotation is a line of dialogue (`“All night?”`).
        let para = self.paras[q.para];
        let whole_paragraph = !nested
            && self.text[para.start..q.open].trim().is_empty()
            && self.text[q.outer_end().min(para.end)..para.end]
                .trim()
                .is_empty()
            && (s.terminal || content.trim_end().ends_with(','));
        // `“Nonsense.” She pushed the cup away.`: a complete sentence opening the paragraph
        // is a turn of dialogue even when narrative follows it.
        let opening_turn = !nested
            && self.text[para.start..q.open].trim().is_empty()
            && s.terminal
            && s.first_upper;
        let direct = if nested {
            // `… “The day will come,” he told us, “…”’`: a tagged quotation inside another
            (s.utterance() && s.words >= 6) || hits.iter().any(|h| h.sieve == "cue-after")
        } else {
            strong || s.utterance() || whole_paragraph || opening_turn
        };
        // `Burnham replied that “dialectics” was of no importance`: a short lower-case term
        // inside reported speech is talked about, not quoted as speech, whatever the verb.
        let direct = direct
            && !(self.indirect_term(&a, q, &s) && hits.iter().all(|h| h.sieve != "cue-after"));
        if !direct {
            let (prev, _) = self.siblings(i);
            let coordinated = prev.is_some()
                && a.near
                    .iter()
                    .all(|t| matches!(t.text, "and" | "or" | "," | "nor"));
            let kind = if naming_cue(&a.near)
                || s.acronym
                || (s.capitalised_phrase && !s.terminal)
                || s.capitalised_phrase && s.words <= 4
            {
                QuoteKind::Other
            } else {
                QuoteKind::Scare
            };
            let mut at = Attribution::plain(kind, 0.7);
            at.joins_previous = false;
            if coordinated {
                at.confidence = 0.65;
            }
            return at;
        }

        // Fallbacks for speech without an explicit frame.
        if hits.is_empty() && !nested {
            if let Some(h) = self.previous_paragraph(i) {
                hits.push(h);
            }
        }
        if hits.is_empty() && !nested {
            let inanimate = a
                .near
                .iter()
                .rposition(|t| t.is("follows"))
                .is_some_and(|k| is_inanimate_subject(&a.near, k.saturating_sub(1)));
            if inanimate || utterance.as_deref() == Some("follows") {
                if let Some(m) = self.previous_sentence_agent(q.open, q.para, i) {
                    hits.push(Hit {
                        mention: m,
                        cue: Some("as follows".to_owned()),
                        sieve: "previous-sentence",
                        confidence: 0.55,
                    });
                }
            } else if let Some(m) =
                self.first_mention(&self.before_toks(&a, i), true)
                    .or_else(|| {
                        self.first_mention(after.get_or_insert_with(|| self.after_toks(&a)), true)
                    })
            {
                hits.push(Hit {
                    mention: m,
                    cue: utterance.clone(),
                    sieve: "sentence-subject",
                    confidence: 0.55,
                });
            } else if let Some(m) = self
                .action_beat(&a, i)
                .or_else(|| self.beat_after(i, whole_paragraph))
            {
                hits.push(Hit {
                    mention: m,
                    cue: None,
                    sieve: "action-beat",
                    confidence: 0.5,
                });
            }
        }
        let tag = hits.iter().find_map(|h| match h.mention.kind {
            MentionKind::Pronoun(p @ (Pronoun::Male | Pronoun::Female))
                if h.sieve.starts_with("cue") =>
            {
                Some(p)
            }
            _ => None,
        });
        for h in &hits {
            if let Some((speaker, sieve, confidence)) = self.speaker(h, i) {
                return Attribution {
                    kind: QuoteKind::Direct,
                    speaker: Some(speaker),
                    cue: h.cue.clone(),
                    sieve: Some(sieve),
                    confidence,
                    joins_previous: false,
                    tag,
                    narrator: None,
                };
            }
        }
        let mut at = Attribution::plain(QuoteKind::Direct, if strong { 0.7 } else { 0.6 });
        at.cue = utterance.or_else(|| hits.first().and_then(|h| h.cue.clone()));
        at.tag = tag;
        at.narrator = hits
            .iter()
            .find(|h| {
                h.sieve.starts_with("cue")
                    && h.mention.kind == MentionKind::Pronoun(Pronoun::FirstPerson)
                    && self.text[h.mention.start..h.mention.end].starts_with('I')
            })
            .map(|h| {
                // `said I.`: the mention is the pronoun, not its full stop
                let mut m = h.mention.clone();
                m.end = m.start + 1;
                m
            });
        at
    }

    /// Whether span `i` continues span `j` in the same paragraph with only an attribution
    /// between them (`“…”, he wrote. “…”`, `“…”, wrote X, “…”`).
    pub fn split_continues(&self, j: usize, i: usize) -> Split {
        let (a, b) = (&self.quotes[j], &self.quotes[i]);
        if a.para != b.para || a.parent != b.parent || !a.marks || !b.marks {
            return Split::No;
        }
        let gap = &self.text[a.outer_end()..b.open];
        let toks = text::tokens(gap, 0, gap.len());
        let words = toks.iter().filter(|t| t.word).count();
        let cue = toks.iter().any(|t| t.word && lexicon::is_tag_verb(t.text));
        // A gap that opens with the tag (`returned she; “…`, `said Mrs. Lynde in a tone that
        // …. “…`) may run on: what follows the tag describes the speaker's manner.
        let tagged = cue_after(&toks).is_some();
        // inside another quotation only a tag joins two parts (`‘… “The day will come,” he
        // told us, “when the workers will own the mills.”’`)
        if a.parent.is_some() && !tagged {
            return Split::No;
        }
        let max_words = if tagged { 40 } else { 10 };
        if words == 0 || words > max_words || !cue || gap.contains('(') {
            return Split::No;
        }
        if gap.contains(';') && !tagged {
            return Split::No;
        }
        // After a sentence break the attribution can only belong to the first part, unless
        // the new sentence has a speech verb of its own (`he told me. I answered him: “…”`).
        let brk = text::sentence_end(gap, 0, gap.len());
        if brk < gap.trim_end().len() {
            let rest = text::tokens(gap, brk, gap.len());
            if rest
                .iter()
                .any(|t| t.word && lexicon::is_speech_verb(t.text))
            {
                return Split::No;
            }
            Split::Forward
        } else {
            Split::Both
        }
    }
}

impl Ctx<'_> {
    /// Whether the words between spans `j` and `i` open with a dialogue tag (`“…,” said
    /// he, “…`): then the second span goes on with the speech whatever its shape.
    pub fn tag_between(&self, j: usize, i: usize) -> bool {
        let (a, b) = (&self.quotes[j], &self.quotes[i]);
        // a tag sits right after the first part: its first few words are enough
        let from = a.outer_end();
        let to = b.open.max(from).min(from + 80);
        cue_after(&text::tokens(self.text, from, to)).is_some()
    }
}

/// How two neighbouring spans relate as parts of one quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    No,
    /// The second part inherits the first part's speaker only.
    Forward,
    /// Either part's speaker serves both.
    Both,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{marks, text::paragraphs};

    fn run(text: &str) -> Vec<(String, QuoteKind, Option<String>, Option<&'static str>)> {
        let paras = paragraphs(text);
        let quotes = marks::find_in(text, &paras);
        let ctx = Ctx::new(text, &paras, &quotes);
        (0..quotes.len())
            .map(|i| {
                let a = ctx.attribute(i);
                (
                    text[quotes[i].start..quotes[i].end].to_owned(),
                    a.kind,
                    a.speaker.map(|s| s.name),
                    a.sieve,
                )
            })
            .collect()
    }

    #[test]
    fn cue_before_with_colon() {
        let r = run("The question came up. Marx said: “The point is to change it.”");
        assert_eq!(r[0].1, QuoteKind::Direct);
        assert_eq!(r[0].2.as_deref(), Some("Marx"));
        assert_eq!(r[0].3, Some("cue-before"));
    }

    #[test]
    fn inverted_cue_after() {
        let r = run("“We shall see”, replied Rosa Luxemburg, “what comes.”");
        assert_eq!(r[0].2.as_deref(), Some("Rosa Luxemburg"));
        assert_eq!(r[0].3, Some("cue-after"));
    }

    #[test]
    fn pronoun_after_resolves_to_previous_subject() {
        let r = run("In those years, Engels argued with Kautsky.\n\n“The state withers away”, he wrote in 1878.");
        assert_eq!(r[0].2.as_deref(), Some("Engels"));
        assert_eq!(r[0].3, Some("pronoun"));
    }

    #[test]
    fn subject_of_distant_cue() {
        let r = run("In 1905, Plekhanov told both Martov and Axelrod in a letter, “Nothing will come of it.”");
        assert_eq!(r[0].2.as_deref(), Some("Plekhanov"));
        assert_eq!(r[0].3, Some("subject-of-cue"));
    }

    #[test]
    fn organisation_with_parenthesis_as_speaker() {
        let r = run("Every week Le Populaire (the Socialist daily) kept writing: “The government has failed.”");
        assert_eq!(r[0].2.as_deref(), Some("Le Populaire"));
    }

    #[test]
    fn a_name_and_verb_after_a_question_is_its_tag() {
        let text = "“Is the strike over?” Ferguson inquired in a tone of doubt.\n\n\
                    “Not yet,” said Ada.\n\n“Shall we march?” Ferguson loudly asked.";
        assert_eq!(
            speakers(text),
            [
                Some("Ferguson".into()),
                Some("Ada".into()),
                Some("Ferguson".into())
            ]
        );
    }

    #[test]
    fn a_name_and_verb_after_a_quotation_is_no_tag_when_a_clause_or_colon_follows() {
        // `wrote in 1903 that …` is a new sentence about writing, and `answered at once:`
        // introduces the next quotation.
        let r = run("“Nothing!” Lenin wrote in 1903 that the party must act.");
        assert_ne!(r[0].2.as_deref(), Some("Lenin"));
        let r = run("A voice shouted, “What about the farmers?” Dunne answered at once: “They are with us.”");
        assert_ne!(r[0].2.as_deref(), Some("Dunne"));
        assert_eq!(r[1].2.as_deref(), Some("Dunne"));
    }

    #[test]
    fn a_verb_with_its_particle_tags_speech() {
        // `went on Dunne`, `Dunne went on`, `broke in Ada`; a bare `went` tags nothing
        let r = run("“The mills are ours,” went on Dunne with heat, “and the yards.”");
        assert_eq!(r[0].2.as_deref(), Some("Dunne"));
        assert_eq!(r[0].3, Some("cue-after"));
        let r = run("“The mills are ours,” Dunne went on. “And the yards.”");
        assert_eq!(r[0].2.as_deref(), Some("Dunne"));
        let r = run("“Not yet!” broke in Ada Price.");
        assert_eq!(r[0].2.as_deref(), Some("Ada Price"));
        let r = run("“The Red Flag” went round the hall.");
        assert_eq!(r[0].2, None);
    }

    #[test]
    fn a_space_before_the_closing_mark_is_a_lost_dash() {
        let r = run("\"Well, but \" the clerk began.\n\n\"No buts,\" said Ada.");
        assert_eq!(r[0].1, QuoteKind::Direct);
        assert_eq!(r[0].2.as_deref(), Some("the clerk"));
        assert_eq!(r[0].3, Some("cue-after"));
    }

    #[test]
    fn an_epithet_before_a_name_after_the_quotation() {
        let r = run("“Perhaps,” young Hobbs ventured, “she is tired.”");
        assert_eq!(r[0].2.as_deref(), Some("Hobbs"));
        assert_eq!(r[0].3, Some("cue-after"));
    }

    #[test]
    fn an_indefinite_apposition_headed_by_a_name_names_the_description() {
        let r = run(
            "“Is he a brute?” continued the young clerk, a nervous Hobbs, who had said nothing.",
        );
        assert_eq!(r[0].2.as_deref(), Some("Hobbs"));
        // an apposition without a name leaves the description
        let r = run("“Is he a brute?” continued the young clerk, a nervous man.");
        assert_eq!(r[0].2.as_deref(), Some("the young clerk"));
    }

    #[test]
    fn a_description_ending_in_a_name_is_the_name() {
        let r = run("“You are late,” replied the tailor Hobbs. “Sit down.”");
        assert_eq!(r[0].2.as_deref(), Some("Hobbs"));
        // a description alone stays a description
        let r = run("“You are late,” replied the old tailor.");
        assert_eq!(r[0].2.as_deref(), Some("the old tailor"));
    }

    #[test]
    fn a_voice_speaks_for_its_owner() {
        let r = run("Later Ada Price's voice answered from the hall:\n\n“Not now.”");
        assert_eq!(r[0].2.as_deref(), Some("Ada Price"));
        // with the noun left out after a first voice
        let r = run("There was the murmur of a man's voice, and then Ada Price's rose in reply:\n\n“Not now.”");
        assert_eq!(r[0].2.as_deref(), Some("Ada Price"));
    }

    #[test]
    fn her_husband_before_a_speech_verb_is_the_subject() {
        let r = run(
            "Ada turned away, and her husband addressed me in a low voice:\n\n“Are you staying?”",
        );
        assert_eq!(r[0].2.as_deref(), Some("her husband"));
    }

    #[test]
    fn a_description_subject_stops_before_an_adverb_or_a_past_verb() {
        let r = run("Ada laughed. Her uncle gravely replied, “Laugh while you can.”");
        assert_eq!(r[0].2.as_deref(), Some("her uncle"));
        let r = run("The porter drew himself up, and said, “Closed.”");
        assert_eq!(r[0].2.as_deref(), Some("the porter"));
        // an adjective in -ly before its noun stays in the description
        let r = run("The elderly clerk replied, “Closed.”");
        assert_eq!(r[0].2.as_deref(), Some("the elderly clerk"));
    }

    #[test]
    fn a_short_term_inside_reported_speech_is_no_speech() {
        let r = run("Burnham replied that “dialectics” was of no importance.");
        assert_ne!(r[0].1, QuoteKind::Direct);
        assert_eq!(r[0].2, None);
        let r = run("Kautsky said \"ultra-imperialism\" would follow the war.");
        assert_ne!(r[0].1, QuoteKind::Direct);
        // a reported clause quoted at length stays speech
        let r = run("Kautsky said that “the war will end in a league of states”.");
        assert_eq!(r[0].1, QuoteKind::Direct);
        assert_eq!(r[0].2.as_deref(), Some("Kautsky"));
    }

    #[test]
    fn it_before_a_speech_verb_is_the_publication_just_named() {
        let r = run("The leaflet was handed out at every gate. The dockers, it says, “will not be moved by threats.”");
        assert_eq!(r[0].2.as_deref(), Some("the leaflet"));
        let r = run("In Glasgow the Forward Publishing Society took the men's side. The miners, it wrote, “have been betrayed.”");
        assert_eq!(r[0].2.as_deref(), Some("Forward Publishing Society"));
    }

    #[test]
    fn an_organisation_after_an_intransitive_verb_and_a_colon_speaks() {
        let r =
            run("After the vote declared the Central Committee: “Factions will not be tolerated.”");
        assert_eq!(r[0].2.as_deref(), Some("Central Committee"));
        // `told` takes an object: the subject before it speaks
        let r = run("The chairman told Trotsky: “You may speak.”");
        assert_eq!(r[0].2.as_deref(), Some("the chairman"));
    }

    #[test]
    fn a_noun_phrase_after_said_is_the_reported_subject_not_the_speaker() {
        let r = run(
            "A Ministry of Labour official said the government “has no plans to act at present”.",
        );
        assert_eq!(r[0].2.as_deref(), Some("a Ministry of Labour official"));
    }

    #[test]
    fn a_described_speaker_named_in_apposition() {
        let r = run(
            "The chairman of the meeting, Comrade Smith, declared: “We stand with the dockers.”",
        );
        assert_eq!(r[0].2.as_deref(), Some("Comrade Smith"));
    }

    #[test]
    fn a_description_named_in_apposition_is_that_name() {
        let r = run("The hall was cold.\n\nHis neighbour, an old fitter named Tom Bell, stood up. “Brothers, we vote now.”");
        assert_eq!(r[0].2.as_deref(), Some("Tom Bell"));
        // no comma closing the apposition: the description stays
        let r = run("“We vote now,” said the chairman, a fitter named for his father.");
        assert_eq!(r[0].2.as_deref(), Some("the chairman"));
    }

    #[test]
    fn a_plural_possessive_stays_inside_the_speaker_phrase() {
        let r = run("The miners’ union warned that the cuts would “empty every pit village”.");
        assert_eq!(r[0].2.as_deref(), Some("the miners’ union"));
        let r =
            run("The miners’ union met, and warned that the cuts would “empty every pit village”.");
        assert_eq!(r[0].2.as_deref(), Some("the miners’ union"));
    }

    #[test]
    fn a_tag_joins_two_parts_nested_in_another_quotation() {
        let text = "‘I heard Tom Mann in ’92. “The day will come,” he told us, “when the \
                    workers will own the mills.”’";
        let q = crate::find_quotes(text);
        assert_eq!(q.len(), 3, "{q:?}");
        assert_eq!(q[2].kind, QuoteKind::Direct);
        assert_eq!(q[1].group, q[2].group);
        assert_eq!(q[2].speaker.as_deref(), Some("Tom Mann"));
    }

    fn speakers(text: &str) -> Vec<Option<String>> {
        crate::find_quotes(text)
            .into_iter()
            .map(|q| q.speaker)
            .collect()
    }

    #[test]
    fn a_tag_then_a_long_manner_clause_still_joins_the_parts() {
        let text = "“I hope it keeps fine,” said Mrs. Abney in a voice that made it plain she \
                    expected rain by the evening and a flood by the morning. “Only don’t blame me.”";
        assert_eq!(
            speakers(text),
            [Some("Mrs. Abney".into()), Some("Mrs. Abney".into())]
        );
    }

    #[test]
    fn a_lower_case_part_after_a_tag_and_semicolon_goes_on_with_the_speech() {
        let q = crate::find_quotes("“It is so,” returned Mr. Voss; “for the mill has closed.”");
        assert_eq!(q.len(), 2);
        assert_eq!(q[1].kind, QuoteKind::Direct);
        assert_eq!(q[1].speaker.as_deref(), Some("Mr. Voss"));
        assert_eq!(q[0].group, q[1].group);
    }

    #[test]
    fn fiction_tags_with_filler_verbs_dashes_and_beats() {
        // `began` is also an auxiliary (`began to say`), but right after a name it is the tag
        assert_eq!(
            speakers("“Oh,” Jane began, “you cannot mean it.”"),
            [Some("Jane".into()), Some("Jane".into())]
        );
        assert_eq!(speakers("“Not I”--said Wickham."), [Some("Wickham".into())]);
        // a beat the speaker goes on after is the speaker's; one ending the paragraph is not
        let s = speakers("“Very well.” Mrs. Pike nodded. “Then I shall go.”");
        assert_eq!(s, [Some("Mrs. Pike".into()), Some("Mrs. Pike".into())]);
        let s = speakers("“Our house is called Windy Corner.” Mr. Abney bowed.");
        assert_eq!(s, [None]);
    }

    #[test]
    fn a_speech_noun_is_no_frame_but_the_verb_before_it_is() {
        let r = run("Tobias leaned over the gate and said in a low whisper: “Hush!”");
        assert_eq!(r[0].1, QuoteKind::Direct);
        assert_eq!(r[0].2.as_deref(), Some("Tobias"));
        // a past form after a noun is the verb: `a leaflet declared`
        let r = run("That week a leaflet declared: “We will not pay.”");
        assert_eq!(r[0].2.as_deref(), Some("a leaflet"));
    }

    #[test]
    fn scare_title_and_other() {
        let r = run("He praised the “democracy” of the regime, wrote the book “The Long March” and was called “Comrade X”. The so-called “experts” agreed, signed “JK”.");
        let kinds: Vec<QuoteKind> = r.iter().map(|x| x.1).collect();
        assert_eq!(
            kinds,
            [
                QuoteKind::Scare,
                QuoteKind::Title,
                QuoteKind::Other,
                QuoteKind::Scare,
                QuoteKind::Other
            ]
        );
    }

    #[test]
    fn bracketed_citation_is_not_a_speaker() {
        let r = run("As the resolution put it, the task was clear. “The workers must organise.” (Collected Works, vol. 2)");
        assert_eq!(r[0].1, QuoteKind::Direct);
        assert_ne!(r[0].2.as_deref(), Some("Collected Works"));
    }

    #[test]
    fn words_of_frame_covers_short_quotes() {
        let r = run("In the words of Hegel, history moves from the “realm of necessity” to the “realm of freedom”.");
        assert!(r
            .iter()
            .all(|x| x.1 == QuoteKind::Direct && x.2.as_deref() == Some("Hegel")));
    }

    #[test]
    fn pronoun_resolves_to_a_the_phrase_subject() {
        let r = run("The chairman rose. He said, “We will win this strike.”");
        assert_eq!(r[0].2.as_deref(), Some("the chairman"));
        assert_eq!(r[0].3, Some("pronoun"));
    }

    #[test]
    fn according_to_a_named_phrase_is_a_frame() {
        let r = run("According to the Tribune, “the city will not tolerate anarchy.”");
        assert_eq!(r[0].1, QuoteKind::Direct);
        assert_eq!(r[0].2.as_deref(), Some("the Tribune"));
    }

    #[test]
    fn label_after_as_stays_scare() {
        let r = run("The party denounced the liberals as “traitors”, which was absurd.");
        assert_eq!(r[0].1, QuoteKind::Scare);
    }

    #[test]
    fn relative_pronoun_refers_to_the_phrase_before_it() {
        let r = run("The speaker was introduced by the chairman, who said: “Comrade Holt needs no introduction to this hall.”");
        assert_eq!(r[0].2.as_deref(), Some("the chairman"));
        let r = run("The delegates then turned to the report of the committee, which declared: “The fund is exhausted and must be renewed.”");
        assert_eq!(r[0].2.as_deref(), Some("the report"));
        let r = run("A motion from the Hull branch, which stated that “the levy must be doubled at once”, was lost.");
        assert_eq!(r[0].2.as_deref(), Some("a motion"), "{r:?}");
    }

    #[test]
    fn singular_pronoun_skips_a_plural_group() {
        let r = run("The board dismissed the Syndicalists, and Oskar Lind was the first to go. He later recalled the day: “We were few, but we were right.”");
        assert_eq!(r[0].2.as_deref(), Some("Oskar Lind"));
        // a bare surname after `and`, with a phrase subject in the paragraph before
        let r = run("The guest was met by the porter.\n\nIn 1930 the union expelled the Syndicalists, and Lind was among the first to go. He later recalled the day: “We were few, but we were right.”");
        assert_eq!(r[0].2.as_deref(), Some("Lind"), "{r:?}");
    }

    #[test]
    fn epithet_before_a_name_after_the_verb() {
        let r = run("‘It will rain by noon,’ said old Mrs. Dunmore, looking at the sky.");
        assert_eq!(r[0].2.as_deref(), Some("Mrs. Dunmore"));
    }

    #[test]
    fn numeral_phrase_after_the_quote_is_the_speaker() {
        let r = run("“We want our wages back,” one porter said.");
        assert_eq!(r[0].2.as_deref(), Some("one porter"));
    }

    #[test]
    fn opening_past_participle_is_not_a_name() {
        let r = run("Asked whether he would resign, Hendry smiled. “Never,” he said.");
        assert_eq!(r[0].2.as_deref(), Some("Hendry"));
    }

    #[test]
    fn she_skips_a_male_phrase() {
        let r = run("Ruth Amsel nodded at the boy in the corner.\n\n“You too,” she said.");
        assert_eq!(r[0].2.as_deref(), Some("Ruth Amsel"));
        let r = run("The old woman rose.\n\n“Enough now,” he said.");
        assert_eq!(r[0].2, None);
    }

    #[test]
    fn tagged_quotation_nested_in_another_is_speech() {
        let r = run("‘I heard Morrow speak in ’09. “Stand fast,” he told us, “and we win.”’");
        assert_eq!(r[1].1, QuoteKind::Direct, "{r:?}");
        assert_eq!(r[1].2.as_deref(), Some("Morrow"));
    }

    #[test]
    fn action_beat_names_the_speaker_of_an_untagged_turn() {
        let r = run("“Where were you?” asked Nell.\n\nHer brother shrugged. “Out with the lads, if you must know.”");
        assert_eq!(r[1].2.as_deref(), Some("her brother"), "{r:?}");
        let r = run("Lamb filled his glass and looked away. Then: “It was a long winter.”");
        assert_eq!(r[0].2.as_deref(), Some("Lamb"), "{r:?}");
    }

    #[test]
    fn sentence_opening_a_paragraph_is_a_turn() {
        let r = run("“Rubbish.” He folded the letter and put it away.");
        assert_eq!(r[0].1, QuoteKind::Direct);
        let r = run("“rubbish” was all he said about it.");
        assert_ne!(r[0].1, QuoteKind::Direct);
    }

    #[test]
    fn indirect_question_does_not_frame_and_songs_are_sung() {
        let r = run("Let the critics explain why their “fresh start” ends where the old one did.");
        assert_eq!(r[0].1, QuoteKind::Scare, "{r:?}");
        let r = run("At the close the “Red Flag” was sung by the whole hall.");
        assert_eq!(r[0].1, QuoteKind::Title, "{r:?}");
    }

    #[test]
    fn narrator_of_a_signed_letter_is_the_signatory() {
        let text = "Dear Comrade Ross,\n\nMeyer called on Monday. “You worry too much,” he told me. I answered him: “Somebody has to worry.”\n\nYours fraternally,\nA. Whitcombe";
        let r = run(text);
        assert_eq!(r[0].2.as_deref(), Some("Meyer"), "{r:?}");
        assert_eq!(r[1].2.as_deref(), Some("A. Whitcombe"), "{r:?}");
        assert_eq!(r[1].3, Some("letter-signatory"));
    }

    #[test]
    fn name_in_apposition_to_a_description() {
        let r = run("The first speaker, Agnes Hardie, told the hall: “We want the vote and we want it now.”");
        assert_eq!(r[0].2.as_deref(), Some("Agnes Hardie"), "{r:?}");
    }

    #[test]
    fn relative_clause_after_a_place_name_refers_to_the_head() {
        let r = run("He was answered by a docker from Bristol, who declared: “We have heard all this before, comrades.”");
        assert_eq!(r[0].2.as_deref(), Some("a docker"), "{r:?}");
        let r = run("Then came a letter from Engels, who wrote: “The movement here is asleep.”");
        assert_eq!(r[0].2.as_deref(), Some("Engels"), "{r:?}");
    }

    #[test]
    fn tag_verbs_after_the_quotation() {
        let r = run("“Not tonight, I think,” returned the doctor, buttoning his coat.");
        assert_eq!(r[0].2.as_deref(), Some("the doctor"), "{r:?}");
        let r = run("He returned “The Iron Heel” to the library.");
        assert_ne!(r[0].1, QuoteKind::Direct, "{r:?}");
    }

    #[test]
    fn advocacy_verbs_do_not_frame() {
        let r = run("He argued for a “united front” of the parties.");
        assert_ne!(r[0].1, QuoteKind::Direct);
    }
}
