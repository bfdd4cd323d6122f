//! Names of speakers: recognising a name (or a pronoun, or a `the guards` noun phrase) around a
//! token from capitalisation, initials and honorifics, and choosing one canonical form per
//! person per document by clustering the document's mentions that share a surname.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::lexicon::{self, Pronoun, WordState};
use crate::text::Tok;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MentionKind {
    Person,
    /// Organisation, body or publication (`the GPU`, `L’Humanite`, `Bulletin of …`).
    Org,
    /// A common-noun phrase for a group or person (`the guards`, `the old man`).
    Phrase,
    Pronoun(Pronoun),
}

/// A speaker mention as byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub kind: MentionKind,
}

fn is_initials(w: &str) -> bool {
    // `L.D.`, `V.`, `LD`, `VV` (two capitals, as archives write initials without dots)
    let dotted = w.ends_with('.')
        && w.split('.')
            .filter(|s| !s.is_empty())
            .all(|s| s.chars().count() == 1 && s.chars().all(char::is_uppercase));
    dotted
}

fn is_acronym(w: &str) -> bool {
    w.chars().count() >= 2
        && w.chars().all(|c| c.is_uppercase() || c == '-')
        && w.chars().any(char::is_alphabetic)
}

/// Possessive-free form of a word (`Stalin’s` → `Stalin`).
pub fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .or_else(|| w.strip_suffix('’'))
        .unwrap_or(w)
}

fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "of" | "the"
            | "de"
            | "da"
            | "del"
            | "della"
            | "di"
            | "du"
            | "la"
            | "le"
            | "van"
            | "von"
            | "der"
            | "den"
            | "y"
            | "bin"
            | "ibn"
            | "al"
    )
}

/// Whether a name starts at `next`: an honorific opens a name, so only another honorific
/// can come before it (`CHAPTER I. Mrs. Lynde` is not one name, `Lieutenant Colonel X` is).
fn title_opens(prev: &Tok<'_>, next: &Tok<'_>) -> bool {
    lexicon::is_honorific(next.text) && !lexicon::is_honorific(prev.text)
}

/// `said I.`: the pronoun `I` before a full stop reads like an initial; one initial with no
/// name word after it is no name.
fn lone_initial(toks: &[Tok<'_>], k: usize) -> bool {
    toks[k].text == "I." && toks.get(k + 1).is_none_or(|t| !is_name_word(t))
}

/// Whether a token can be part of a name.
pub fn is_name_word(t: &Tok<'_>) -> bool {
    if !t.word {
        return false;
    }
    let w = strip_possessive(t.text);
    if !w.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    if is_initials(w) || lexicon::is_honorific(w) {
        return true;
    }
    !lexicon::is_not_name(w) && !w.chars().all(|c| c.is_ascii_digit())
}

fn classify(words: &[&str]) -> MentionKind {
    let org = words
        .iter()
        .any(|w| lexicon::is_org_word(strip_possessive(w)))
        || words.contains(&"of")
        || (words.len() == 1 && is_acronym(words[0]) && words[0].chars().count() >= 3);
    if org {
        MentionKind::Org
    } else {
        MentionKind::Person
    }
}

/// The name whose last token is `toks[last]`, extended leftwards over name words and inner
/// connectors (`Bulletin of the Russian Opposition`). `None` if `toks[last]` is not a name word.
pub fn name_ending_at(toks: &[Tok<'_>], last: usize) -> Option<(usize, Found)> {
    if !is_name_word(toks.get(last)?) {
        return None;
    }
    if lone_initial(toks, last) && (last == 0 || !is_name_word(&toks[last - 1])) {
        return None;
    }
    let mut first = last;
    loop {
        if first >= 1
            && is_name_word(&toks[first - 1])
            && !toks[first - 1].text.ends_with("’s")
            && !toks[first - 1].text.ends_with("'s")
            && !title_opens(&toks[first - 1], &toks[first])
        {
            first -= 1;
            continue;
        }
        // connectors: `X of Y`, `X of the Y` (never a bare `the`: `Trotsky the Bulletin`)
        let mut k = first;
        while k >= 1 && toks[k - 1].word && is_connector(toks[k - 1].text) {
            k -= 1;
        }
        if k < first && k >= 1 && toks[k].text != "the" && is_name_word(&toks[k - 1]) {
            first = k - 1;
            continue;
        }
        break;
    }
    Some((first, found(toks, first, last)))
}

/// The name starting at `toks[first]`, extended rightwards.
pub fn name_starting_at(toks: &[Tok<'_>], first: usize) -> Option<(usize, Found)> {
    if !is_name_word(toks.get(first)?) || lone_initial(toks, first) {
        return None;
    }
    let mut last = first;
    loop {
        if last + 1 < toks.len()
            && is_name_word(&toks[last + 1])
            && strip_possessive(toks[last].text) == toks[last].text
            && !title_opens(&toks[last], &toks[last + 1])
        {
            last += 1;
            continue;
        }
        let mut k = last + 1;
        while k < toks.len() && toks[k].word && is_connector(toks[k].text) {
            k += 1;
        }
        if k > last + 1 && k < toks.len() && toks[last + 1].text != "the" && is_name_word(&toks[k])
        {
            last = k;
            continue;
        }
        break;
    }
    Some((last, found(toks, first, last)))
}

fn found(toks: &[Tok<'_>], first: usize, last: usize) -> Found {
    let words: Vec<&str> = toks[first..=last].iter().map(|t| t.text).collect();
    let end = if toks[last].text.ends_with("’s") || toks[last].text.ends_with("'s") {
        toks[last].end - strip_suffix_len(toks[last].text)
    } else {
        toks[last].end
    };
    Found {
        start: toks[first].start,
        end,
        kind: classify(&words),
    }
}

fn strip_suffix_len(w: &str) -> usize {
    w.len() - strip_possessive(w).len()
}

/// `toks[i]` as a pronoun mention, when it is one of `forms`.
fn pronoun_at(toks: &[Tok<'_>], i: usize, forms: &[&str]) -> Option<(usize, Found)> {
    let t = toks.get(i)?;
    let p = lexicon::pronoun(t.text)?;
    forms.contains(&t.text).then_some((
        i,
        Found {
            start: t.start,
            end: t.end,
            kind: MentionKind::Pronoun(p),
        },
    ))
}

/// A pronoun or `the <words>` phrase whose last token is `toks[last]`.
pub fn phrase_ending_at(toks: &[Tok<'_>], last: usize) -> Option<(usize, Found)> {
    let t = toks.get(last)?;
    if lexicon::pronoun(t.text).is_some() {
        // A speaker before its verb is a subject: `he said`, never `him said`.
        return pronoun_at(
            toks,
            last,
            &["he", "He", "she", "She", "they", "They", "I", "we", "We"],
        );
    }
    if !t.is_lower_word() || lexicon::is_not_name(t.text) {
        return None;
    }
    // `the guards`, `a young weaver`, `Rosa's friend`, `the Leeds branch`, `a Ministry of
    // Labour official`: a determiner within four words back.
    for back in 1..=4 {
        let k = last.checked_sub(back)?;
        let d = &toks[k];
        // `the employers’ federation`: a plural possessive's apostrophe is its own token
        if matches!(d.text, "’" | "'") && k >= 1 {
            let owner = &toks[k - 1];
            if owner.end == d.start && owner.is_lower_word() && owner.text.ends_with('s') {
                let from = if k >= 2 && matches!(toks[k - 2].text, "the" | "The") {
                    k - 2
                } else {
                    k - 1
                };
                return Some((
                    from,
                    Found {
                        start: toks[from].start,
                        end: t.end,
                        kind: MentionKind::Phrase,
                    },
                ));
            }
        }
        let possessive = d.word && strip_possessive(d.text) != d.text;
        // `Mary Cavendish's voice answered`: a voice speaks for its owner
        if possessive && back == 1 && matches!(t.text, "voice" | "tones" | "lips") {
            if let Some(owner) = name_ending_at(toks, k) {
                return Some(owner);
            }
        }
        if matches!(
            d.text,
            "the" | "The" | "a" | "A" | "an" | "An" | "his" | "her" | "their"
        ) || possessive
        {
            return Some((
                k,
                Found {
                    start: d.start,
                    end: t.end,
                    kind: MentionKind::Phrase,
                },
            ));
        }
        // a capitalised modifier (`Leeds`, `Labour`, `of` between) may sit inside the phrase
        let modifier = is_name_word(d) || d.text == "of" && back >= 2;
        if !(d.is_lower_word() || modifier)
            || (lexicon::is_not_name(d.text) && d.text != "of")
            || lexicon::is_speech_verb(d.text)
        {
            return None;
        }
    }
    None
}

/// A `the <words>` phrase or pronoun or name starting at `toks[first]` (`said the old man`).
pub fn mention_starting_at(toks: &[Tok<'_>], first: usize) -> Option<(usize, Found)> {
    let t = toks.get(first)?;
    if let Some(found) = name_starting_at(toks, first) {
        return Some(found);
    }
    let third_person = [
        "he", "she", "they", "He", "She", "They", "him", "her", "them",
    ];
    if let Some(found) = pronoun_at(toks, first, &third_person) {
        return Some(found);
    }
    // `one of them`, `one of the delegates`
    if matches!(
        t.text,
        "one" | "One" | "some" | "Some" | "another" | "Another"
    ) && word_is(toks, first + 1, "of")
    {
        let mut last = first + 2;
        if word_is(toks, last, "them") || word_is(toks, last, "us") {
            return Some((
                last,
                Found {
                    start: t.start,
                    end: toks[last].end,
                    kind: MentionKind::Phrase,
                },
            ));
        }
        if word_is(toks, last, "the") && toks.get(last + 1).is_some_and(|w| w.is_lower_word()) {
            last += 1;
            return Some((
                last,
                Found {
                    start: t.start,
                    end: toks[last].end,
                    kind: MentionKind::Phrase,
                },
            ));
        }
    }
    // `Her grandson`, `His companion` only up front: lower-case `her` is mostly an object.
    if matches!(
        t.text,
        "the" | "The" | "a" | "A" | "an" | "An" | "one" | "One" | "His" | "Her" | "Their"
    ) {
        // the old man — up to four lower-case words, stopping before punctuation/verbs.
        let mut last = first;
        for (k, w) in toks.iter().enumerate().take(first + 6).skip(first + 1) {
            // `the employers’ federation`: a plural possessive's apostrophe stays inside
            let apostrophe = matches!(w.text, "’" | "'")
                && toks[k - 1].end == w.start
                && toks[k - 1].text.ends_with('s')
                && toks.get(k + 1).is_some_and(|n| n.is_lower_word());
            if apostrophe {
                continue;
            }
            // `Her father fondly replied`: an adverb right before the verb ends the phrase
            // (`the elderly clerk` keeps its adjective: a noun follows it)
            let adverb = w.text.len() > 4
                && w.text.ends_with("ly")
                && toks.get(k + 1).is_some_and(|n| {
                    lexicon::is_tag_verb(n.text) || lexicon::is_likely_verb(n.text)
                });
            if w.word
                && !adverb
                && (w.is_lower_word() || is_name_word(w))
                && !lexicon::is_not_name(w.text)
                && !lexicon::is_speech_verb(w.text)
                && !lexicon::is_likely_verb(w.text)
            {
                last = k;
            } else {
                break;
            }
        }
        if last > first {
            return named_apposition(toks, last)
                .or_else(|| trailing_name(toks, first, last))
                .or(Some((
                    last,
                    Found {
                        start: t.start,
                        end: toks[last].end,
                        kind: MentionKind::Phrase,
                    },
                )));
        }
    }
    None
}

/// `the poet Syme`, `the old sailor Ben Gunn`: a description ending in a person's name (after
/// at least one lower-case word) is that name, so it joins the person's other mentions.
fn trailing_name(toks: &[Tok<'_>], first: usize, last: usize) -> Option<(usize, Found)> {
    let mut j = last;
    while j > first + 1 && is_name_word(&toks[j - 1]) {
        j -= 1;
    }
    if j <= first + 1 || !is_name_word(&toks[j]) || !toks[j - 1].is_lower_word() {
        return None;
    }
    let (end, m) = name_starting_at(toks, j)?;
    (m.kind == MentionKind::Person && end == last).then_some((end, m))
}

/// `His companion, a thin clerk named Oswald Pryce, …`: a description whose apposition
/// gives the person's name (`named` / `called` and a name, or `a …` headed by a name, closed
/// by a comma) is that name.
fn named_apposition(toks: &[Tok<'_>], last: usize) -> Option<(usize, Found)> {
    if !toks.get(last + 1)?.is(",") {
        return None;
    }
    let cue = (last + 2..(last + 9).min(toks.len()))
        .take_while(|&k| toks[k].word)
        .find(|&k| matches!(toks[k].text, "named" | "called"))
        .or_else(|| {
            // `the young enquirer, a candid Thorley, …`: an indefinite apposition whose head
            // is a name
            toks.get(last + 2)
                .filter(|a| matches!(a.text, "a" | "an"))
                .map(|_| {
                    (last + 3..(last + 6).min(toks.len()))
                        .take_while(|&k| toks[k].is_lower_word())
                        .last()
                        .unwrap_or(last + 2)
                })
        })?;
    let (end, m) = name_starting_at(toks, cue + 1)?;
    let closed = toks.get(end + 1).is_none_or(|t| t.is(","));
    (m.kind == MentionKind::Person && closed).then_some((end, m))
}

/// Whether `word` (capitalised) also occurs in lower case in `text`: then at the start of a
/// sentence it is an ordinary word (`Everything`, `Usually`), not a name.
pub fn is_common_word(text: &str, word: &str) -> bool {
    let lower = word.to_lowercase();
    if lower == word {
        return true;
    }
    let needle = format!(" {lower} ");
    memchr::memmem::find(text.as_bytes(), needle.as_bytes()).is_some()
}

fn word_is(toks: &[Tok<'_>], k: usize, w: &str) -> bool {
    toks.get(k).is_some_and(|t| t.text == w)
}

/// Whether a person mention reads as a woman's name (female honorific, a common given name, or
/// a first name in `-a`, as most European languages form them) — only used to skip
/// incompatible antecedents.
pub fn looks_female(name: &str) -> Option<bool> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let first = *words.first()?;
    if lexicon::is_female_honorific(first) {
        return Some(true);
    }
    if matches!(
        first,
        "Mr" | "Mr."
            | "Sir"
            | "Lord"
            | "King"
            | "Prince"
            | "Duke"
            | "Count"
            | "Baron"
            | "Father"
            | "Brother"
            | "Herr"
            | "Monsieur"
            | "Señor"
    ) {
        return Some(false);
    }
    // the given name after any titles (`Mrs. Rachel Lynde`, `Colonel John Ames`)
    let given = words
        .iter()
        .find(|w| !lexicon::is_honorific(w))
        .map(|w| strip_possessive(w));
    if let Some(g) = given.and_then(lexicon::given_name_is_female) {
        return Some(g);
    }
    if words.len() >= 2 && first.len() >= 4 && first.ends_with('a') && !first.ends_with('.') {
        return Some(true);
    }
    // `the boy`, `his wife`: a phrase takes the gender of its head noun.
    let head = words.last().map(|w| w.to_lowercase())?;
    match head.as_str() {
        "man" | "boy" | "father" | "son" | "brother" | "husband" | "uncle" | "grandfather"
        | "grandson" | "gentleman" | "king" | "chairman" | "nephew" | "landlord" => Some(false),
        "woman" | "girl" | "mother" | "daughter" | "sister" | "wife" | "aunt" | "grandmother"
        | "granddaughter" | "lady" | "queen" | "chairwoman" | "niece" | "landlady" | "widow" => {
            Some(true)
        }
        _ => None,
    }
}

/// The honorific a person mention opens with, without its full stop (`Mr.` → `Mr`).
fn title_of(name: &str) -> Option<&str> {
    let first = name.split_whitespace().next()?;
    lexicon::is_honorific(first).then(|| first.trim_end_matches('.'))
}

/// Name words of a person mention without honorifics and possessives.
fn parts(name: &str) -> Vec<&str> {
    name.split_whitespace()
        .map(strip_possessive)
        .filter(|w| !lexicon::is_honorific(w))
        .collect()
}

fn is_patronymic(w: &str) -> bool {
    ["ovich", "evich", "ovna", "evna", "ich", "ichna", "inichna"]
        .iter()
        .any(|s| w.len() > s.len() + 2 && w.ends_with(s))
}

/// Same name allowing a feminine `-a` (Sedov/Sedova) and one-letter spelling variants
/// (Natalya/Natalia).
fn same_name(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) == 1 {
        let (short, long) = if a.len() < b.len() {
            (&a, &b)
        } else {
            (&b, &a)
        };
        if long.starts_with(short) && short.len() >= 4 && matches!(long.last(), Some('a' | 'e')) {
            return true;
        }
    }
    a.len() == b.len()
        && a.len() >= 5
        && a[0] == b[0]
        && a.iter().zip(&b).filter(|(x, y)| x != y).count() == 1
}

/// Whether first-name parts are compatible (equal, variant, or an initial of it).
fn same_first(a: &str, b: &str) -> bool {
    let ia = is_initials(a) || (a.chars().count() <= 2 && a.chars().all(char::is_uppercase));
    let ib = is_initials(b) || (b.chars().count() <= 2 && b.chars().all(char::is_uppercase));
    match (ia, ib) {
        (false, false) => same_name(a, b),
        _ => a.chars().next() == b.chars().next(),
    }
}

/// All capitalised name chunks in `text` that contain a word equal (or variant) to `key`.
fn chunks_with(text: &str, key: &str) -> Vec<String> {
    let stem = key
        .strip_suffix('a')
        .filter(|s| s.len() >= 4)
        .unwrap_or(key);
    let finder = memchr::memmem::Finder::new(stem.as_bytes());
    let mut out = Vec::new();
    for at in finder.find_iter(text.as_bytes()) {
        if !text.is_char_boundary(at) {
            continue;
        }
        let prev = text[..at].chars().next_back();
        if prev.is_some_and(crate::text::is_alnum) {
            continue;
        }
        // Cheap rejection before tokenizing: the word must end with the stem (or stem + a/e).
        let mut tail = text[at + stem.len()..].chars();
        let after = match tail.next() {
            Some('a' | 'e') => tail.next(),
            other => other,
        };
        if after.is_some_and(crate::text::is_alnum) {
            continue;
        }
        // Only multi-word names matter; most occurrences stand alone and need no tokenizing.
        let before = &text[..at];
        let capital_before = before.strip_suffix(' ').is_some_and(|b| {
            b.rsplit(char::is_whitespace)
                .next()
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        });
        let word_end = text[at..]
            .find(|c: char| {
                c.is_whitespace()
                    || (!crate::text::is_alnum(c) && !matches!(c, '’' | '\'' | '-' | '.'))
            })
            .map_or(text.len(), |k| at + k);
        let capital_after = text[word_end..]
            .strip_prefix(' ')
            .is_some_and(|r| r.chars().next().is_some_and(char::is_uppercase));
        if !capital_before && !capital_after {
            continue;
        }
        // Expand to the surrounding line window and let the tokenizer cut the chunk.
        // A name never spans a line break, so the window stops at the line's ends.
        let lo = text[..at]
            .char_indices()
            .rev()
            .take(40)
            .take_while(|&(_, c)| c != '\n')
            .last()
            .map_or(at, |(i, _)| i);
        let hi = text[at..]
            .char_indices()
            .take(48)
            .take_while(|&(_, c)| c != '\n')
            .last()
            .map_or(at, |(i, c)| at + i + c.len_utf8());
        let toks = crate::text::tokens(text, lo, hi);
        let Some(idx) = toks.iter().position(|t| t.start == at) else {
            continue;
        };
        if !same_name(strip_possessive(toks[idx].text), key) {
            continue;
        }
        let first = name_ending_at(&toks, idx).map_or(idx, |(f, _)| f);
        let last = name_starting_at(&toks, idx).map_or(idx, |(l, _)| l);
        let chunk: Vec<&str> = toks[first..=last]
            .iter()
            .map(|t| strip_possessive(t.text))
            .collect();
        // Stop at a connector-joined organisation: `Trotsky School of …` is not a person.
        if chunk.len() < 2 || chunk.iter().any(|w| is_connector(w)) {
            continue;
        }
        out.push(chunk.join(" "));
    }
    out
}

/// Fullness of a name form: full words first, then fewer initials, then length.
fn fullness(name: &str) -> (usize, usize, usize) {
    let p = parts(name);
    let full = p
        .iter()
        .filter(|w| !is_initials(w) && w.chars().count() > 2)
        .count();
    (
        full,
        usize::MAX - p.iter().filter(|w| is_initials(w)).count(),
        name.len(),
    )
}

/// Per-document memo of [`canonical`]: a name is canonicalised once, however many
/// quotations it speaks (each lookup scans the document for the surname).
#[derive(Debug, Default)]
pub struct Canon {
    persons: RefCell<HashMap<String, String, WordState>>,
    common: RefCell<HashMap<String, bool, WordState>>,
    /// Forms found for each surname: `Trotsky`, `Leon Trotsky`, `Trotsky’s` share one scan.
    forms: RefCell<HashMap<String, Rc<Vec<String>>, WordState>>,
}

impl Canon {
    /// Memoised [`is_common_word`].
    pub fn is_common(&self, text: &str, word: &str) -> bool {
        if let Some(&hit) = self.common.borrow().get(word) {
            return hit;
        }
        let common = is_common_word(text, word);
        self.common.borrow_mut().insert(word.to_owned(), common);
        common
    }

    /// Memoised [`canonical`]; only person names need the document scan worth remembering.
    pub fn get(&self, text: &str, surface: &str, kind: MentionKind) -> String {
        if kind != MentionKind::Person {
            return canonical(text, surface, kind);
        }
        if let Some(hit) = self.persons.borrow().get(surface) {
            return hit.clone();
        }
        let forms = |key: &str| {
            if let Some(hit) = self.forms.borrow().get(key) {
                return Rc::clone(hit);
            }
            let found = Rc::new(chunks_with(text, key));
            self.forms
                .borrow_mut()
                .insert(key.to_owned(), Rc::clone(&found));
            found
        };
        let name = canonical_with(text, surface, kind, &forms);
        self.persons
            .borrow_mut()
            .insert(surface.to_owned(), name.clone());
        name
    }
}

/// The canonical name of a person mention in this document: the fullest form of the same
/// person the document uses. Organisations and phrases keep their surface form.
pub fn canonical(text: &str, surface: &str, kind: MentionKind) -> String {
    canonical_with(text, surface, kind, &|key| Rc::new(chunks_with(text, key)))
}

/// [`canonical`] with the surname scan supplied (memoised by [`Canon`]).
fn canonical_with(
    text: &str,
    surface: &str,
    kind: MentionKind,
    forms_of: &dyn Fn(&str) -> Rc<Vec<String>>,
) -> String {
    let cleaned = strip_possessive(surface.trim());
    if kind == MentionKind::Phrase {
        return lower_article(cleaned);
    }
    if kind != MentionKind::Person {
        return cleaned.strip_prefix("the ").unwrap_or(cleaned).to_owned();
    }
    let p = parts(cleaned);
    let Some(&last) = p.last() else {
        return cleaned.to_owned();
    };
    // `Leon Davidovich` / `Natalia Ivanovna`: first name + patronymic, no surname.
    if p.len() >= 2 && is_patronymic(last) {
        return best_by_first(text, p[0]).unwrap_or_else(|| cleaned.to_owned());
    }
    // `L.D.` / `LD` alone: the surname that follows these initials elsewhere.
    if p.len() == 1 && (is_initials(last) || is_acronym(last) && last.chars().count() <= 2) {
        let bare = last.trim_end_matches('.');
        return best_after_initials(text, last, bare).unwrap_or_else(|| cleaned.to_owned());
    }
    let forms = forms_of(last);
    // `Mr. Bennet`, `Mrs. Bennet`, `Miss Bennet`: a surname the document gives under several
    // titles is a family's, and a titled form names one member of it.
    let titles: Vec<&str> = forms
        .iter()
        .filter(|c| parts(c).last().is_some_and(|l| same_name(l, last)))
        .filter_map(|c| title_of(c))
        .fold(Vec::new(), |mut v, t| {
            if !v.contains(&t) {
                v.push(t);
            }
            v
        });
    let family = titles.len() >= 2;
    let title = title_of(cleaned);
    if family && title.is_none() && p.len() == 1 {
        // a bare surname in a family is the man's: novels call women by title or first name
        if let Some(mr) = forms
            .iter()
            .find(|c| title_of(c).is_some_and(|t| t == "Mr") && parts(c).len() == 1)
        {
            return canonical_with(text, mr, kind, forms_of);
        }
    }
    // each form's name words, split once: only multi-word forms can be fuller
    let split: Vec<(&String, Vec<&str>)> = forms
        .iter()
        .map(|c| (c, parts(c)))
        .filter(|(_, w)| w.len() >= 2)
        .filter(|(c, _)| match (title, title_of(c)) {
            (Some(t), Some(u)) => t == u,
            // an untitled fuller form is the same person only outside a family and when its
            // gender does not contradict the title's; a woman's title needs a woman's given
            // name (`Mrs. Archer` is not `Newland Archer`, whose first name tells nothing,
            // while a man's name is the default: `Mr. Archer` is `Newland Archer`)
            (Some(t), None) => {
                !family
                    && if lexicon::is_female_honorific(t) {
                        looks_female(c) == Some(true)
                    } else {
                        looks_female(c) != Some(true)
                    }
            }
            _ => true,
        })
        .collect();
    let first = (p.len() >= 2).then(|| p[0]);
    let compatible: Vec<&(&String, Vec<&str>)> = match first {
        Some(f) => split.iter().filter(|(_, w)| same_first(f, w[0])).collect(),
        None => {
            // A bare surname: the most mentioned full-name bearer of it (ties: first seen).
            let mut groups: Vec<(&str, usize)> = Vec::new();
            for (_, w) in split.iter().filter(|(_, w)| !same_name(w[0], last)) {
                match groups.iter_mut().find(|(k, _)| same_first(k, w[0])) {
                    Some((_, n)) => *n += 1,
                    None => groups.push((w[0], 1)),
                }
            }
            let best = groups
                .iter()
                .enumerate()
                .max_by_key(|(i, (_, n))| (*n, usize::MAX - i))
                .map(|(_, (g, _))| *g);
            match best {
                Some(g) => split.iter().filter(|(_, w)| same_first(g, w[0])).collect(),
                None => Vec::new(),
            }
        }
    };
    compatible
        .into_iter()
        .filter(|(_, w)| w.iter().skip(1).any(|l| same_name(l, last)))
        .map(|(c, _)| *c)
        .max_by_key(|c| fullness(c))
        .cloned()
        .filter(|c| fullness(c) > fullness(cleaned))
        .unwrap_or_else(|| cleaned.to_owned())
}

fn best_by_first(text: &str, first: &str) -> Option<String> {
    chunks_with(text, first)
        .into_iter()
        .filter(|c| {
            let p = parts(c);
            p.len() >= 2 && p.last().is_some_and(|l| !is_patronymic(l))
        })
        .max_by_key(|c| fullness(c))
}

fn best_after_initials(text: &str, initials: &str, bare: &str) -> Option<String> {
    let mut best: Option<String> = None;
    for form in [initials, bare] {
        let finder = memchr::memmem::Finder::new(form.as_bytes());
        for at in finder.find_iter(text.as_bytes()) {
            let after = &text[at + form.len()..];
            let Some(rest) = after.strip_prefix(' ') else {
                continue;
            };
            let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
            if word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().count() > 2
                && !lexicon::is_not_name(&word)
            {
                let cand = canonical(text, &word, MentionKind::Person);
                if best.as_ref().is_none_or(|b| fullness(&cand) > fullness(b)) {
                    best = Some(cand);
                }
            }
        }
    }
    best
}

/// `The chairman` / `Her grandson` up front are the same phrase as mid-sentence.
fn lower_article(s: &str) -> String {
    for det in ["The ", "A ", "An ", "One ", "His ", "Her ", "Their "] {
        if let Some(rest) = s.strip_prefix(det) {
            return format!("{}{rest}", det.to_lowercase());
        }
    }
    s.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens;

    fn name_before(text: &str, word: &str) -> String {
        let toks = tokens(text, 0, text.len());
        let i = toks.iter().position(|t| t.text == word).unwrap();
        let (_, f) = name_ending_at(&toks, i).unwrap();
        text[f.start..f.end].to_owned()
    }

    #[test]
    fn names_with_connectors_initials_and_apostrophes() {
        assert_eq!(
            name_before(
                "After that the Bulletin of the Russian Opposition wrote",
                "Opposition"
            ),
            "Bulletin of the Russian Opposition"
        );
        assert_eq!(
            name_before("the man L.D. Trotsky said", "Trotsky"),
            "L.D. Trotsky"
        );
        assert_eq!(
            name_before("so L’Humanite kept", "L’Humanite"),
            "L’Humanite"
        );
        assert!(name_ending_at(&tokens("In", 0, 2), 0).is_none());
    }

    #[test]
    fn canonical_prefers_the_fullest_form_of_the_same_person() {
        let text = "Leon Trotsky wrote. Natalia Sedov Trotsky came. LD Trotsky left. Trotsky said. Leon Trotsky again.";
        assert_eq!(
            canonical(text, "Trotsky", MentionKind::Person),
            "Leon Trotsky"
        );
        assert_eq!(
            canonical(text, "Natalia Sedov Trotsky", MentionKind::Person),
            "Natalia Sedov Trotsky"
        );
        let text = "Natalya Sedova spoke; later Natalia Sedova Trotsky wrote, and Natalia Ivanovna agreed.";
        assert_eq!(
            canonical(text, "Natalya Sedova", MentionKind::Person),
            "Natalia Sedova Trotsky"
        );
        assert_eq!(
            canonical(text, "Natalia Ivanovna", MentionKind::Person),
            "Natalia Sedova Trotsky"
        );
    }

    #[test]
    fn titled_members_of_a_family_keep_their_titles() {
        let text = "Mr. Hale came in. Mrs. Hale rose. Agnes Hale looked up. Mr. Hale sat. \
                    Hale laughed.";
        assert_eq!(canonical(text, "Mr. Hale", MentionKind::Person), "Mr. Hale");
        assert_eq!(
            canonical(text, "Mrs. Hale", MentionKind::Person),
            "Mrs. Hale"
        );
        // a bare surname in a family is the man's
        assert_eq!(canonical(text, "Hale", MentionKind::Person), "Mr. Hale");
        // outside a family the fuller untitled form is still the same person
        let text = "Mr. Orme spoke. Later Walter Orme wrote. Orme left.";
        assert_eq!(
            canonical(text, "Mr. Orme", MentionKind::Person),
            "Walter Orme"
        );
        // a woman's title takes a fuller form only with a woman's given name: the son's
        // name is not the mother's
        let text = "Walter Orme came home. Mrs. Orme said nothing.";
        assert_eq!(
            canonical(text, "Mrs. Orme", MentionKind::Person),
            "Mrs. Orme"
        );
        let text = "Agnes Orme came home. Mrs. Orme said nothing.";
        assert_eq!(
            canonical(text, "Mrs. Orme", MentionKind::Person),
            "Agnes Orme"
        );
    }

    #[test]
    fn a_title_opens_a_name() {
        assert_eq!(
            name_before("CHAPTER I. Mrs. Rachel Lynde is here", "Lynde"),
            "Mrs. Rachel Lynde"
        );
        assert_eq!(
            name_before("and Lieutenant Colonel Ames said", "Ames"),
            "Lieutenant Colonel Ames"
        );
    }

    #[test]
    fn initials_resolve_through_the_surname_they_precede() {
        let text = "supporters of LD Trotsky. Later LD said so.";
        assert_eq!(canonical(text, "LD", MentionKind::Person), "LD Trotsky");
    }

    #[test]
    fn phrases_and_orgs_keep_their_form() {
        assert_eq!(
            canonical("", "The guards", MentionKind::Phrase),
            "the guards"
        );
        assert_eq!(canonical("", "the GPU", MentionKind::Org), "GPU");
    }
}
