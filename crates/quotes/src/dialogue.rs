//! Dialogue in fiction, settled across quotations: a `said he` / `she cried` tag the narrative
//! cannot resolve goes to the latest speaker of that sex, a speaker is never the person the
//! quotation addresses (`“Come, Darcy,” said he`), and `his wife` / `her father` take the
//! family's title and surname when the document uses that name (`Mr. Hale` → `Mrs. Hale`).

use std::cell::RefCell;
use std::collections::HashMap;

use galley_record::QuoteKind;

use crate::attribute::{Attribution, Speaker};
use crate::lexicon::{self, Pronoun};
use crate::marks::RawQuote;
use crate::names::{self, Canon, Found, MentionKind};
use crate::text::{self, Para, Tok};

/// How many paragraphs back a previous speaker still counts as part of the exchange.
const EXCHANGE: usize = 12;

/// Narrative between two turns that leaves the exchange going (`Mr. Hale made no answer.`):
/// at most this many paragraphs, of at most this many bytes in all.
const BEAT_PARAS: usize = 2;
const BEAT_BYTES: usize = 400;

/// Names the quotation calls out to: `Marilla, …`, `…, Watson,`, `my dear Mr. Hale`.
pub fn vocatives(text: &str, q: &RawQuote, canon: &Canon) -> Vec<String> {
    // a name called out sits near the start or the end; a long speech is not read whole
    const HEAD: usize = 160;
    const TAIL: usize = 80;
    if q.end - q.start > HEAD + TAIL {
        let head_end = text::floor_boundary(text, q.start + HEAD);
        let tail_start = text::floor_boundary(text, q.end - TAIL);
        let mut out = vocatives_in(text, q.start, head_end, canon);
        out.extend(vocatives_in(text, tail_start, q.end, canon));
        return out;
    }
    vocatives_in(text, q.start, q.end, canon)
}

fn vocatives_in(text: &str, start: usize, end: usize, canon: &Canon) -> Vec<String> {
    let toks = text::tokens(text, start, end);
    let mut out = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        let Some((last, m)) = names::name_starting_at(&toks, k) else {
            k += 1;
            continue;
        };
        let before = k.checked_sub(1).map(|j| &toks[j]);
        let after = toks.get(last + 1);
        let opens = k == 0 && after.is_some_and(|t| t.is(",") || t.is("!"));
        let inside = before.is_some_and(|t| t.is(",") || t.text == "dear")
            && after.is_none_or(|t| matches!(t.text, "," | "." | "!" | "?" | ";"));
        let word = toks[k].text;
        // `Well, …`, `Yes, …`: a capitalised ordinary word is no name; nor is a bare title
        // or kinship word (`Mother, …`, `Sir, …`), which names no one in particular
        let ordinary = || {
            last == k
                && (lexicon::is_honorific(word)
                    || is_address_term(word)
                    || canon.is_common(text, word))
        };
        if m.kind == MentionKind::Person && (opens || inside) && !ordinary() {
            out.push(text[m.start..m.end].to_owned());
        }
        k = last + 1;
    }
    out
}

/// Capitalised words that open or close a quotation the way a name does but name no one in
/// particular: kinship and courtesy terms (`Mother, …`, `Sir, …`) and interjections (`Ah!
/// you …`, `Aye, so …`).
const NOT_VOCATIVE: &[&str] = &[
    "gran",
    "granny",
    "grandma",
    "grandpa",
    "grandmother",
    "grandfather",
    "mum",
    "mummy",
    "mama",
    "mamma",
    "mother",
    "papa",
    "pa",
    "ma",
    "dad",
    "daddy",
    "father",
    "madam",
    "ma'am",
    "ma’am",
    "sir",
    "son",
    "boy",
    "girl",
    "lad",
    "lass",
    "child",
    "darling",
    "dear",
    "love",
    "friend",
    "comrade",
    "comrades",
    "brother",
    "sister",
    "uncle",
    "aunt",
    "auntie",
    "doctor",
    "nurse",
    "ah",
    "aha",
    "oh",
    "o",
    "aye",
    "ay",
    "eh",
    "ha",
    "hm",
    "hum",
    "alas",
    "hallo",
    "hello",
    "hullo",
    "hush",
    "bah",
    "pshaw",
    "ho",
    "hey",
    "lo",
    "well",
    "why",
    "yes",
    "no",
    "nay",
    "indeed",
    "heavens",
    "goodness",
];

fn is_address_term(word: &str) -> bool {
    NOT_VOCATIVE.contains(&word.to_lowercase().as_str())
}

/// Whether `name` is the person a vocative calls: same title and surname when the vocative
/// has a title (`Mr. Hale` is not `Mrs. Hale`), else a shared first or last word.
pub fn addressed(name: &str, vocatives: &[String]) -> bool {
    if vocatives.is_empty() {
        return false;
    }
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| names::strip_possessive(w).trim_end_matches('.').to_owned())
            .collect()
    };
    let n = words(name);
    vocatives.iter().any(|v| {
        let v = words(v);
        let (Some(vf), Some(vl), Some(nf), Some(nl)) = (v.first(), v.last(), n.first(), n.last())
        else {
            return false;
        };
        if lexicon::is_honorific(vf) && v.len() >= 2 {
            return nf == vf && nl == vl;
        }
        let bare: Vec<&String> = n.iter().filter(|w| !lexicon::is_honorific(w)).collect();
        bare.first().is_some_and(|f| *f == vf) || nl == vl
    })
}

fn sex_of(name: &str) -> Option<Pronoun> {
    names::looks_female(name).map(|f| if f { Pronoun::Female } else { Pronoun::Male })
}

/// Settles pronoun tags and spouse descriptions over the quotations in text order.
pub fn settle(text: &str, raw: &[RawQuote], canon: &Canon, atts: &mut [Attribution]) {
    settle_forward(text, raw, canon, atts);
    look_ahead(text, raw, canon, atts);
}

/// `“…,” he said` before the other speaker of the exchange has been named: the nearest
/// later speaker of the exchange who fits the tag and is not the one addressed, nor the one
/// who spoke the turn before.
fn look_ahead(text: &str, raw: &[RawQuote], canon: &Canon, atts: &mut [Attribution]) {
    for i in 0..raw.len() {
        let Some(p) = atts[i].tag else {
            continue;
        };
        if atts[i].speaker.is_some() || raw[i].parent.is_some() {
            continue;
        }
        let q = &raw[i];
        let voc = vocatives(text, q, canon);
        let previous = (0..i)
            .rev()
            .find(|&j| raw[j].parent.is_none() && raw[j].para < q.para)
            .and_then(|j| atts[j].speaker.as_ref().map(|s| s.name.clone()));
        let pick = (i + 1..raw.len())
            .take_while(|&j| raw[j].para <= q.para + EXCHANGE)
            .filter(|&j| raw[j].parent.is_none() && atts[j].kind == QuoteKind::Direct)
            .filter_map(|j| atts[j].speaker.clone())
            .find(|s| {
                Some(&s.name) != previous.as_ref()
                    && !addressed(&s.name, &voc)
                    && sex_of(&s.name).is_none_or(|x| x == p)
                    && s.mention.kind == MentionKind::Person
            });
        if let Some(s) = pick {
            let at = &mut atts[i];
            at.speaker = Some(s);
            at.sieve = Some("pronoun-dialogue");
            at.confidence = 0.5;
        }
    }
}

fn settle_forward(text: &str, raw: &[RawQuote], canon: &Canon, atts: &mut [Attribution]) {
    if let Some(name) = narrator_name(text, raw, canon, atts) {
        for at in atts.iter_mut() {
            if let (None, Some(m)) = (&at.speaker, &at.narrator) {
                at.speaker = Some(Speaker {
                    name: name.clone(),
                    mention: m.clone(),
                });
                at.sieve = Some("narrator");
                at.confidence = 0.6;
            }
        }
    }
    // speakers of earlier turns, latest last: (paragraph, speaker, sex learnt from a tag)
    let mut recent: Vec<(usize, Speaker, Option<Pronoun>)> = Vec::new();
    let written = RefCell::new(HashMap::new());
    for i in 0..raw.len() {
        let q = &raw[i];
        if q.parent.is_some() || atts[i].kind != QuoteKind::Direct || q.continues.is_some() {
            continue;
        }
        recent.retain(|(p, _, _)| p + EXCHANGE >= q.para);
        // `“I might,” said he, “but …”`: both parts read the same tag; the second follows
        // whatever the first was settled to
        let split_of = i.checked_sub(1).filter(|&j| {
            let gap = &text[raw[j].outer_end().min(q.open)..q.open];
            raw[j].para == q.para
                && raw[j].parent.is_none()
                && atts[j].tag.is_some()
                && atts[j].tag == atts[i].tag
                && gap.split_whitespace().count() <= 4
        });
        if let Some(j) = split_of {
            if atts[j].speaker.is_some() {
                atts[i].speaker = atts[j].speaker.clone();
                atts[i].sieve = atts[j].sieve;
            }
            continue;
        }
        if let Some(p) = atts[i].tag {
            let voc = vocatives(text, q, canon);
            let fits =
                |s: &Speaker| !addressed(&s.name, &voc) && sex_of(&s.name).is_none_or(|x| x == p);
            // a narrative antecedent must be a person or of the tag's sex (`The wind rose.
            // “…,” said she` is no wind speaking)
            let plausible = |s: &Speaker| {
                fits(s) && (s.mention.kind == MentionKind::Person || sex_of(&s.name) == Some(p))
            };
            let known = |s: &Speaker, learnt: Option<Pronoun>| {
                learnt.or_else(|| sex_of(&s.name)) == Some(p)
            };
            let previous_turn = recent.last().map(|(_, s, _)| s.name.clone());
            // `“You might listen,” he said.` ¶ `“I might,” said he`: a new paragraph opening
            // with the quotation right after the previous turn is the other person's reply,
            // though the narrative's nearest `he` is the one who just spoke
            let line_start = text[..q.open].rfind('\n').map_or(0, |k| k + 1);
            let replying = text[line_start..q.open].trim().is_empty()
                && recent.last().is_some_and(|(pp, s, _)| {
                    pp + 1 == q.para
                        && atts[i].speaker.as_ref().is_some_and(|c| c.name == s.name)
                        && atts[i].sieve == Some("pronoun")
                });
            let other = replying
                .then(|| {
                    recent.iter().rev().find(|(_, s, l)| {
                        Some(&s.name) != previous_turn.as_ref()
                            && l.or_else(|| sex_of(&s.name)).is_none_or(|x| x == p)
                            && fits(s)
                    })
                })
                .flatten()
                .map(|(_, s, _)| s.clone());
            if let Some(s) = other {
                let at = &mut atts[i];
                at.speaker = Some(s);
                at.sieve = Some("pronoun-dialogue");
                at.confidence = 0.55;
            } else if !atts[i].speaker.as_ref().is_some_and(plausible) {
                // the latest speaker known to be of that sex, else the latest other one who
                // did not speak the turn before (turns alternate)
                let pick = recent
                    .iter()
                    .rev()
                    .find(|(_, s, l)| known(s, *l) && fits(s))
                    .or_else(|| {
                        recent.iter().rev().find(|(_, s, l)| {
                            l.is_none_or(|x| x == p)
                                && fits(s)
                                && Some(&s.name) != previous_turn.as_ref()
                        })
                    })
                    .map(|(_, s, _)| s.clone());
                let at = &mut atts[i];
                if let Some(s) = pick {
                    at.speaker = Some(s);
                    at.sieve = Some("pronoun-dialogue");
                    at.confidence = 0.6;
                } else if at
                    .speaker
                    .as_ref()
                    .is_some_and(|s| addressed(&s.name, &voc))
                {
                    at.speaker = None;
                    at.sieve = None;
                }
            }
        }
        kin(text, q, canon, &recent, &written, &mut atts[i]);
        // the turn just before must have a known speaker, or alternation cannot be read
        // (a split turn's later part is settled after this pass: any part will do)
        let top = |j: usize| raw[j].parent.is_none() && atts[j].kind == QuoteKind::Direct;
        let previous_known = || {
            (0..i)
                .rev()
                .find(|&j| top(j) && raw[j].para < q.para)
                .is_some_and(|j| {
                    (0..=j)
                        .rev()
                        .take_while(|&k| raw[k].para == raw[j].para)
                        .any(|k| top(k) && atts[k].speaker.is_some())
                })
        };
        let described = atts[i]
            .speaker
            .as_ref()
            .is_some_and(|s| s.mention.kind == MentionKind::Phrase);
        if described && previous_known() {
            participant(text, q, canon, &recent, &mut atts[i]);
        }
        if let Some(s) = atts[i].speaker.clone() {
            let learnt = atts[i].tag;
            match recent.iter_mut().find(|(_, r, _)| r.name == s.name) {
                Some(entry) => {
                    entry.0 = q.para;
                    entry.2 = entry.2.or(learnt);
                }
                None => recent.push((q.para, s.clone(), learnt)),
            }
            // latest speaker last
            if let Some(pos) = recent.iter().position(|(_, r, _)| r.name == s.name) {
                let entry = recent.remove(pos);
                recent.push(entry);
            }
        }
    }
}

/// The sex a described speaker's head noun gives (`the young lady`), `None` for a noun that
/// gives none (`the painter`); not a described person at all: `Err`.
fn described_sex(head: &str) -> Result<Option<Pronoun>, ()> {
    match head {
        "lady" | "girl" | "woman" | "sister" => Ok(Some(Pronoun::Female)),
        "man" | "boy" | "gentleman" | "brother" | "lad" | "youth" => Ok(Some(Pronoun::Male)),
        "child" | "companion" | "painter" | "artist" | "friend" => Ok(None),
        _ => Err(()),
    }
}

/// `“…,” said the painter` / `answered his companion` in a dialogue turn: a generic
/// description of someone already speaking in the exchange is that person — the latest
/// earlier speaker it fits (sex, not the one who spoke the turn before, not addressed) when
/// the exchange so far is between two named people.
/// With no such person it stays a description (`the young lady` before she is named).
fn participant(
    text: &str,
    q: &RawQuote,
    canon: &Canon,
    recent: &[(usize, Speaker, Option<Pronoun>)],
    at: &mut Attribution,
) {
    let Some(s) = at.speaker.as_ref() else {
        return;
    };
    if s.mention.kind != MentionKind::Phrase
        || !matches!(at.sieve, Some("cue-after" | "cue-before"))
    {
        return;
    }
    let words: Vec<&str> = s.name.split_whitespace().collect();
    if words.len() > 3 || !matches!(words.first(), Some(&("the" | "his" | "her" | "this"))) {
        return;
    }
    let Some(Ok(sex)) = words.last().map(|h| described_sex(h)) else {
        return;
    };
    // a turn of dialogue: the quotation opens its line
    let line_start = text[..q.open].rfind('\n').map_or(0, |k| k + 1);
    if !text[line_start..q.open].trim().is_empty() {
        return;
    }
    // only between two people: with a third about, a description may bring in someone new
    // (`said the gentleman` joining two named speakers)
    let people = recent
        .iter()
        .filter(|(_, r, _)| r.mention.kind == MentionKind::Person)
        .count();
    if people != 2 {
        return;
    }
    let voc = vocatives(text, q, canon);
    let previous_turn = recent.last().map(|(_, r, _)| r.name.as_str());
    let pick = recent.iter().rev().find(|(_, r, learnt)| {
        r.mention.kind == MentionKind::Person
            && Some(r.name.as_str()) != previous_turn
            && !addressed(&r.name, &voc)
            && sex.is_none_or(|x| learnt.or_else(|| sex_of(&r.name)) == Some(x))
    });
    if let Some((_, r, _)) = pick {
        let mention = s.mention.clone();
        at.speaker = Some(Speaker {
            name: r.name.clone(),
            mention,
        });
        at.sieve = Some("description-dialogue");
        at.confidence = 0.6;
    }
}

/// Dialogue without tags: in a run of paragraphs that each open with a quotation (short
/// narrative beats may sit between them), an unattributed turn goes to the speaker of the
/// turn before the previous one, when the two previous turns had different speakers
/// (A, B, A, B …) and the turn does not address that person by name.
pub fn turn_taking(
    text: &str,
    paras: &[Para],
    raw: &[RawQuote],
    canon: &Canon,
    atts: &mut [Attribution],
) {
    // first top-level span of each paragraph, and whether it opens the paragraph
    let mut turn: Vec<Option<(usize, bool)>> = vec![None; paras.len()];
    for (i, q) in raw.iter().enumerate() {
        let p = paras[q.para];
        if q.marks && q.parent.is_none() && turn[q.para].is_none() {
            turn[q.para] = Some((i, text[p.start..q.open].trim().is_empty()));
        }
    }
    // the last two turns (latest last) and the narrative paragraph before the first of them
    let mut last: Vec<usize> = Vec::new();
    let mut intro: Option<usize> = None;
    // the latest narrative paragraph inside the exchange
    let mut beat: Option<usize> = None;
    let (mut beat_paras, mut beat_bytes) = (0, 0);
    for (pi, para) in paras.iter().enumerate() {
        let Some((i, opens)) = turn[pi] else {
            beat_paras += 1;
            beat_bytes += para.end - para.start;
            if beat_paras > BEAT_PARAS || beat_bytes > BEAT_BYTES {
                last.clear();
            }
            if last.is_empty() {
                intro = Some(pi);
                beat = None;
            } else {
                beat = Some(pi);
            }
            continue;
        };
        let after_beat = beat_paras > 0;
        (beat_paras, beat_bytes) = (0, 0);
        let untagged = opens
            && atts[i].speaker.is_none()
            && atts[i].kind == QuoteKind::Direct
            && raw[i].continues.is_none();
        if untagged {
            let exchange = Exchange {
                text,
                paras,
                raw,
                canon,
                atts: &*atts,
            };
            if let Some(s) = alternate(&exchange, &last, (intro, beat), i) {
                let at = &mut atts[i];
                at.speaker = Some(s);
                at.sieve = Some("turn-taking");
                at.confidence = if after_beat { 0.45 } else { 0.5 };
            }
        }
        if atts[i].kind == QuoteKind::Direct {
            last.push(i);
            if last.len() > 2 {
                last.remove(0);
            }
        }
    }
}

/// The speaker of turn `i` by alternation with the `last` two turns (or, after one tagged
/// turn, with the person the narrative before it named).
/// The document as turn-taking reads it.
struct Exchange<'a> {
    text: &'a str,
    paras: &'a [Para],
    raw: &'a [RawQuote],
    canon: &'a Canon,
    atts: &'a [Attribution],
}

fn alternate(
    x: &Exchange<'_>,
    last: &[usize],
    (intro, beat): (Option<usize>, Option<usize>),
    i: usize,
) -> Option<Speaker> {
    let Exchange {
        text,
        paras,
        raw,
        canon,
        atts,
    } = *x;
    let &a = last.last()?;
    let sa = atts[a].speaker.clone()?;
    let voc = vocatives(text, &raw[i], canon);
    let sex_fits = |s: &Speaker| {
        atts[i]
            .tag
            .is_none_or(|p| sex_of(&s.name).is_none_or(|x| x == p))
    };
    // `“My dear Mr. Hale, …”` ¶ `“…”`: the person the last turn called by name answers it
    let called = vocatives(text, &raw[a], canon)
        .into_iter()
        .rfind(|v| !addressed(&sa.name, std::slice::from_ref(v)) && !addressed(v, &voc))
        .and_then(|v| {
            let at = text[raw[a].start..raw[a].end].find(v.as_str())? + raw[a].start;
            let name = canon.get(text, &v, MentionKind::Person);
            Some(Speaker {
                name,
                mention: Found {
                    start: at,
                    end: at + v.len(),
                    kind: MentionKind::Person,
                },
            })
        })
        .filter(|s| sex_fits(s));
    if called.is_some() {
        return called;
    }
    // the turn before the last, else (one turn so far, or the same speaker twice across a
    // beat: `“…,” cried his wife.` ¶ `Mr. Hale made no answer.` ¶ `“…”`) the other person the
    // narrative named
    let sb = match last {
        [b, _] => atts[*b].speaker.clone().filter(|b| b.name != sa.name),
        _ => None,
    };
    let sb = match sb {
        Some(b) => b,
        None => interlocutor(x, paras[beat.or(intro)?], &raw[a], &raw[i], &sa)?,
    };
    (sa.name != sb.name && !addressed(&sb.name, &voc) && sex_fits(&sb)).then_some(sb)
}

/// `Ellen came down …` ¶ `“…,” he said.` ¶ `“…?”`: an exchange opened by one tagged turn
/// after narrative; the reply goes to the last other person the narrative named. Only for
/// short turns: in reports an untagged paragraph after a quotation mostly goes on with it.
fn interlocutor(
    x: &Exchange<'_>,
    narrative: Para,
    first: &RawQuote,
    reply: &RawQuote,
    first_speaker: &Speaker,
) -> Option<Speaker> {
    const SHORT_TURN: usize = 200;
    let text = x.text;
    if first.end - first.start > SHORT_TURN || reply.end - reply.start > SHORT_TURN {
        return None;
    }
    let toks = text::tokens(text, narrative.start, narrative.end);
    let mut found = None;
    let mut k = 0;
    while k < toks.len() {
        match names::name_starting_at(&toks, k) {
            Some((end, m)) if m.kind == MentionKind::Person => {
                // a sentence-initial common word is no name (`Upstairs`, `Then`)
                let initial = k == 0 || toks[k - 1].is(".");
                if !initial || end > k || !names::is_common_word(text, toks[k].text) {
                    let name = x.canon.get(text, &text[m.start..m.end], m.kind);
                    if name != first_speaker.name && !first_speaker.name.contains(&name) {
                        found = Some(Speaker { name, mention: m });
                    }
                }
                k = end + 1;
            }
            _ => k += 1,
        }
    }
    found
}

/// The name of a first-person narrator: what the turns next to an `I said` turn call their
/// listener (`“Perhaps you are right, Watson,” he said`), when one name comes up most.
fn narrator_name(
    text: &str,
    raw: &[RawQuote],
    canon: &Canon,
    atts: &[Attribution],
) -> Option<String> {
    // paragraphs with speech, in order, and whether the narrator speaks in them
    let mut turns: Vec<(usize, bool)> = Vec::new();
    for (q, at) in raw.iter().zip(atts) {
        if q.parent.is_some() || at.kind != QuoteKind::Direct {
            continue;
        }
        let mine = at.narrator.is_some() && at.speaker.is_none();
        match turns.last_mut() {
            Some((p, n)) if *p == q.para => *n |= mine,
            _ => turns.push((q.para, mine)),
        }
    }
    let mut counts: Vec<(String, usize)> = Vec::new();
    for (t, &(para, mine)) in turns.iter().enumerate() {
        if !mine {
            continue;
        }
        let neighbours = [t.checked_sub(1), Some(t + 1)];
        for &(other, theirs) in neighbours.iter().flatten().filter_map(|n| turns.get(*n)) {
            if theirs || other.abs_diff(para) > 2 {
                continue;
            }
            let from = raw.partition_point(|q| q.para < other);
            let spans = raw[from..].iter().take_while(|q| q.para == other);
            for q in spans.filter(|q| q.parent.is_none()) {
                for v in vocatives(text, q, canon) {
                    match counts.iter_mut().find(|(n, _)| *n == v) {
                        Some((_, c)) => *c += 1,
                        None => counts.push((v, 1)),
                    }
                }
            }
        }
    }
    let best = counts.iter().map(|(_, c)| *c).max()?;
    let mut top = counts.into_iter().filter(|(_, c)| *c == best);
    let (name, _) = top.next()?;
    // a tie between two names tells nothing
    top.next()
        .is_none()
        .then(|| canon.get(text, &name, MentionKind::Person))
}

/// `cried his wife`: when the possessor is a titled man (`Mr. Hale`) — the person addressed,
/// the latest male speaker or the narrative's latest `Mr. …` — and the document also writes
/// `Mrs. Hale`, that is the speaker's name; `her husband` the other way round. `her father`
/// and `his mother` take the family's titles: the narrative's latest `Mr. X` (`Mrs. X`) of a
/// surname the document gives both titles.
fn kin(
    text: &str,
    q: &RawQuote,
    canon: &Canon,
    recent: &[(usize, Speaker, Option<Pronoun>)],
    written: &RefCell<HashMap<String, bool>>,
    at: &mut Attribution,
) {
    let Some(s) = at.speaker.as_ref() else {
        return;
    };
    let (spouse, title, other) = match s.name.as_str() {
        "his wife" | "his lady" => (true, "Mrs.", "Mr."),
        "her husband" => (true, "Mr.", "Mrs."),
        "her father" | "his father" => (false, "Mr.", "Mrs."),
        "her mother" | "his mother" => (false, "Mrs.", "Mr."),
        _ => return,
    };
    // whether the document writes a titled name, searched once per name
    let exists = |t: &str, surname: &str| {
        let name = format!("{t} {surname}");
        let hit = *written
            .borrow_mut()
            .entry(name.clone())
            .or_insert_with(|| memchr::memmem::find(text.as_bytes(), name.as_bytes()).is_some());
        hit.then_some(name)
    };
    // the narrative looked back over is a few pages, not the whole book
    const LOOK_BACK: usize = 20_000;
    let before = &text[text::floor_boundary(text, q.open.saturating_sub(LOOK_BACK))..q.open];
    let name = if spouse {
        let want = if title == "Mrs." {
            Pronoun::Male
        } else {
            Pronoun::Female
        };
        // `“My dear Mr. Hale,” said his lady`: the person addressed, else the latest speaker
        let called = vocatives(text, q, canon);
        let partner = called
            .iter()
            .map(String::as_str)
            .chain(recent.iter().rev().map(|(_, r, _)| r.name.as_str()))
            .find(|n| sex_of(n) == Some(want) && n.starts_with(other.trim_end_matches('.')));
        partner
            .and_then(|n| n.split_whitespace().last().and_then(|s| exists(title, s)))
            .or_else(|| {
                titled_surnames(before, other)
                    .take(20)
                    .find_map(|s| exists(title, &s))
            })
    } else {
        // a parent shares the child's surname: `said her father` after Emma Woodhouse spoke
        // is Mr. Woodhouse when the document writes that name
        let child = if s.name.starts_with("her") {
            Pronoun::Female
        } else {
            Pronoun::Male
        };
        recent
            .iter()
            .rev()
            .map(|(_, r, _)| r.name.as_str())
            .find(|n| sex_of(n) == Some(child))
            .and_then(|n| surname_of(before, n))
            .and_then(|surname| exists(title, &surname))
            .or_else(|| {
                titled_surnames(before, title)
                    .take(20)
                    .find(|s| exists(other, s).is_some())
                    .and_then(|s| exists(title, &s))
            })
    };
    if let (Some(name), Some(s)) = (name, at.speaker.as_mut()) {
        s.name = name;
    }
}

/// The surname of `name`: its last word when it has several (`Mrs. Hale`, `Ada Price`), else
/// the last word of the first fuller name starting with it in `before` (`Emma` → `Emma
/// Woodhouse`).
fn surname_of(before: &str, name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() > 1 {
        return words.last().map(|w| (*w).to_owned());
    }
    let needle = format!("{name} ");
    memchr::memmem::find_iter(before.as_bytes(), needle.as_bytes())
        .take(50)
        .find_map(|at| {
            let toks: Vec<Tok<'_>> = text::tokens(before, at, before.len().min(at + 60));
            let (_, m) = names::name_starting_at(&toks, 0)?;
            let full: Vec<&str> = before[m.start..m.end].split_whitespace().collect();
            (m.kind == MentionKind::Person && full.len() == 2 && full[0] == name)
                .then(|| names::strip_possessive(full[1]).to_owned())
        })
}

/// Surnames after `Mr.` (or `Mrs.`) in `before`, latest first.
fn titled_surnames<'a>(before: &'a str, title: &'a str) -> impl Iterator<Item = String> + 'a {
    let needle = format!("{title} ");
    let mut hi = before.len();
    std::iter::from_fn(move || loop {
        let at = before[..hi].rfind(&needle)?;
        hi = at;
        let toks: Vec<Tok<'_>> = text::tokens(before, at, before.len().min(at + 60));
        let surname = names::name_starting_at(&toks, 0).and_then(|(_, m): (usize, Found)| {
            before[m.start..m.end]
                .split_whitespace()
                .nth(1)
                .map(|w| names::strip_possessive(w).to_owned())
        });
        if surname.is_some() {
            return surname;
        }
    })
}

#[cfg(test)]
mod tests {
    use crate::find_quotes;

    fn speakers(text: &str) -> Vec<Option<String>> {
        find_quotes(text).into_iter().map(|q| q.speaker).collect()
    }

    #[test]
    fn a_parent_takes_the_childs_surname() {
        // Mr. Dale was the narrative's latest titled man; the father is Mr. Abney
        let text = "Ruth Abney sat with Mr. Abney and Mrs. Dale. Mr. Dale came in late.\n\n\
                    “It is raining,” said Ruth.\n\n“Then stay,” said her father.";
        assert_eq!(
            speakers(text),
            [Some("Ruth".into()), Some("Mr. Abney".into())]
        );
    }

    #[test]
    fn a_description_in_a_two_person_exchange_is_the_other_speaker() {
        let text = "“The light is going,” said Hugh Dale.\n\n“Not yet,” said Ruth Abney.\n\n\
                    “Then paint faster,” answered the painter.\n\n\
                    “You paint, I watch,” said his companion.";
        let s = speakers(text);
        assert_eq!(s[2].as_deref(), Some("Hugh Dale"), "{s:?}");
        assert_eq!(s[3].as_deref(), Some("Ruth Abney"), "{s:?}");
    }

    #[test]
    fn a_description_of_the_wrong_sex_or_with_a_third_person_about_stays_a_description() {
        let text = "“Come here,” said Hugh Dale.\n\n“Why?” said Tom Orr.\n\n\
                    “Because,” said the young lady.";
        assert_eq!(speakers(text)[2].as_deref(), Some("the young lady"));
        let text = "“Come here,” said Hugh Dale.\n\n“Why?” said Tom Orr.\n\n\
                    “Now,” said Ann Bell.\n\n“Because,” said the gentleman.";
        assert_eq!(speakers(text)[3].as_deref(), Some("the gentleman"));
    }

    #[test]
    fn a_description_after_an_untagged_turn_is_left_alone() {
        // the untagged turn breaks the count: `his companion` may be either of them
        let text = "“The light is going,” said Hugh Dale.\n\n“Not yet,” said Ruth Abney.\n\n\
                    “It is.”\n\n“Then paint faster,” answered his companion.";
        assert_eq!(speakers(text)[3].as_deref(), Some("his companion"));
    }

    #[test]
    fn an_unresolved_pronoun_tag_goes_to_the_latest_speaker_of_that_sex() {
        let text = "“The boat is late,” said Mrs. Orr.\n\n“It always is,” said Hugh Dale.\n\n\
                    The wind rose over the harbour wall.\n\n“Then we wait,” said she.";
        let s = speakers(text);
        assert_eq!(s[2].as_deref(), Some("Mrs. Orr"), "{s:?}");
    }

    #[test]
    fn the_person_addressed_is_not_the_speaker() {
        let text = "Ruth Abney and Mary Cole stood at the gate.\n\n\
                    “Are you coming, Mary?” said Ruth.\n\n“Not yet,” said Mary.\n\n\
                    “Come, Ruth,” she said, “we shall be late.”";
        let s = speakers(text);
        assert_eq!(s[2].as_deref(), Some("Mary"), "{s:?}");
        assert_eq!(s[3].as_deref(), Some("Mary"), "{s:?}");
    }

    #[test]
    fn his_wife_takes_the_title_and_surname_of_her_husband() {
        let text = "Mr. Hale put down his paper.\n\n“We must go,” cried his wife.\n\n\
                    Mrs. Hale was not often so firm.";
        let s = speakers(text);
        assert_eq!(s[0].as_deref(), Some("Mrs. Hale"), "{s:?}");
    }

    #[test]
    fn the_person_called_by_name_answers_and_turns_alternate_across_short_beats() {
        let text = "“My dear Mr. Hale, the mill is sold,” said his lady.\n\n\
                    “Sold?”\n\n“To the Gradleys.”\n\nThere was a pause.\n\n“Then we are ruined.”\n\n\
                    “Not yet.”\n\nLater Mrs. Hale could not recall it.";
        let s = speakers(text);
        assert_eq!(
            s,
            [
                Some("Mrs. Hale".into()),
                Some("Mr. Hale".into()),
                Some("Mrs. Hale".into()),
                Some("Mr. Hale".into()),
                Some("Mrs. Hale".into()),
            ]
        );
        // `Mother, …` names no one in particular: no answer is read from it
        let text = "“Mother, where is it?” asked Tom.\n\n“In the drawer.”";
        assert_eq!(speakers(text)[1], None);
    }

    #[test]
    fn her_father_is_the_family_man_and_the_first_part_vocative_counts() {
        let text = "Mr. Voss and Mrs. Voss sat at breakfast with Ann.\n\n\
                    “Ann may go,” said her father; “she is old enough.”\n\n\
                    “Not alone,” cried her mother.";
        let s = speakers(text);
        assert_eq!(s[0].as_deref(), Some("Mr. Voss"), "{s:?}");
        assert_eq!(s[2].as_deref(), Some("Mrs. Voss"), "{s:?}");
        let text = "Hugh Dale and Mr. Orr stood by the door.\n\n\
                    “Come, Dale,” said he, “we are late.”";
        let s = speakers(text);
        assert_eq!(s, [Some("Mr. Orr".into()), Some("Mr. Orr".into())]);
    }

    #[test]
    fn a_first_person_narrator_takes_the_name_the_others_call_him() {
        let text = "He looked up from his book.\n\n\
                    “It is late,” he said.\n\n“No, indeed,” I answered. “It is early.”\n\n\
                    “Perhaps you are right, Ferris,” said Lomax. “Sit down.”\n\n\
                    “Thank you,” said I.";
        let s = speakers(text);
        assert_eq!(s[1].as_deref(), Some("Ferris"), "{s:?}");
        assert_eq!(s[2].as_deref(), Some("Ferris"), "{s:?}");
        assert_eq!(s[5].as_deref(), Some("Ferris"), "{s:?}");
        // `he` before the other speaker is named: the later speaker of the exchange
        assert_eq!(s[0].as_deref(), Some("Lomax"), "{s:?}");
        // a particle between the tag and the speaker
        let s = speakers("“Come down!” called out Mrs. Orr.");
        assert_eq!(s[0].as_deref(), Some("Mrs. Orr"));
    }

    #[test]
    fn the_same_speaker_twice_across_a_beat_is_answered_by_the_person_the_beat_names() {
        let text = "“The mill is let at last,” said Mrs. Hale.\n\nMr. Hale made no answer.\n\n\
                    “Do you not want to know who has taken it?” cried Mrs. Hale.\n\n\
                    “You want to tell me.”\n\n“A young man from the north.”";
        let s = speakers(text);
        assert_eq!(
            s[2..],
            [Some("Mr. Hale".into()), Some("Mrs. Hale".into())],
            "{s:?}"
        );
    }

    #[test]
    fn vocatives_are_names_called_out() {
        let text = "“Well, Watson, come in,” said he. “My dear Mrs. Hale, sit.”";
        let q = crate::marks::find_in(text, &crate::text::paragraphs(text));
        let canon = crate::names::Canon::default();
        assert_eq!(super::vocatives(text, &q[0], &canon), ["Watson"]);
        assert_eq!(super::vocatives(text, &q[1], &canon), ["Mrs. Hale"]);
    }
}
