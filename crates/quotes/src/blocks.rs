//! Block quotations without marks: a quoted letter (salutation … closing line) inside a text
//! that introduces it, a paragraph after an introducing colon that ends in a dash signature
//! (`– N. Krupskaya.`), and a numbered list introduced by a speech frame (`They stipulated:`).

use crate::attribute::Speaker;
use crate::lexicon;
use crate::marks::RawQuote;
use crate::names::{self, Found, MentionKind};
use crate::text::{self, Para};

/// One unmarked quotation: its paragraph spans (byte ranges) and attribution.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub spans: Vec<(usize, usize)>,
    pub speaker: Option<Speaker>,
    pub cue: Option<String>,
    pub sieve: &'static str,
    pub confidence: f64,
}

fn trimmed(text: &str, p: Para) -> &str {
    text[p.start..p.end].trim()
}

fn first_word(s: &str) -> &str {
    s.split(|c: char| c.is_whitespace() || c == ',')
        .next()
        .unwrap_or("")
}

fn is_salutation(s: &str) -> bool {
    s.chars().count() <= 60
        && s.ends_with([',', ':', '!'])
        && lexicon::is_salutation_start(first_word(s))
        && s.split_whitespace().count() >= 2
        && s.split_whitespace().nth(1).is_some_and(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == 'd')
        })
}

fn is_closing(s: &str) -> bool {
    s.chars().count() <= 50
        && !s.ends_with(['?', '!'])
        && lexicon::is_closing_start(first_word(s))
        && s.split_whitespace().any(lexicon::is_closing_word)
}

fn has_letters(s: &str) -> bool {
    s.chars().any(char::is_alphabetic)
}

/// A prose paragraph that announces a document (`The letter below …`, `… wrote L.D.:`).
fn introduces(s: &str) -> bool {
    let lower = s.to_lowercase();
    s.chars().count() >= 60
        && s.ends_with(['.', ':', '!', '?'])
        && [
            "letter",
            "note",
            "message",
            "telegram",
            "wrote",
            "writes",
            "following",
            "below",
            "sent us",
            "received",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

fn covered(quotes: &[RawQuote], start: usize, end: usize) -> bool {
    quotes.iter().any(|q| q.open < end && start < q.outer_end())
}

/// A short capitalised line that is only a name (a letter's signature).
fn signature_line(text: &str, p: Para) -> Option<Found> {
    let s = trimmed(text, p);
    if s.chars().count() > 40 || s.is_empty() {
        return None;
    }
    let lead = text[p.start..p.end].len() - text[p.start..p.end].trim_start().len();
    let toks = text::tokens(
        text,
        p.start + lead,
        p.start + lead + s.trim_end_matches('.').len(),
    );
    let (last, m) = names::name_starting_at(&toks, 0)?;
    (last + 1 == toks.len()).then_some(m)
}

/// A dash signature at the end of a paragraph: `… support. – V. Ulianov (Lenin).`
fn dash_signature(text: &str, p: Para) -> Option<(usize, Found)> {
    let s = &text[p.start..p.end];
    let body = s.trim_end().trim_end_matches('.');
    let dash = body.rfind(['–', '—'])?;
    let sig = body[dash..].trim_start_matches(['–', '—']).trim();
    if sig.is_empty()
        || sig.chars().count() > 40
        || !sig.chars().next().is_some_and(char::is_uppercase)
    {
        return None;
    }
    let sig_start = p.start + dash + body[dash..].len()
        - body[dash..]
            .trim_start_matches(['–', '—'])
            .trim_start()
            .len();
    let sig_end = sig_start + sig.find('(').map_or(sig.len(), |k| k).min(sig.len());
    let toks = text::tokens(text, sig_start, sig_end);
    let (last, m) = names::name_starting_at(&toks, 0)?;
    toks[last + 1..]
        .iter()
        .all(|t| !t.word)
        .then_some((p.start + dash, m))
}

/// The signatory of a text that is itself a letter: a salutation among its first four
/// paragraphs and, near the end, a closing line (`With warm greetings,`) over a name line.
/// A narrator's `I wrote`, `I answered him:` in such a text is the signatory speaking.
pub fn letter_signatory(text: &str, paras: &[Para]) -> Option<Found> {
    if !paras
        .iter()
        .take(4)
        .any(|&p| is_salutation(trimmed(text, p)))
    {
        return None;
    }
    // the closing and the name may share a paragraph, one per line
    let tail = paras[paras.len().saturating_sub(3)..].iter().flat_map(|p| {
        let mut at = p.start;
        text[p.start..p.end].split('\n').map(move |line| {
            let l = Para {
                start: at,
                end: at + line.len(),
            };
            at += line.len() + 1;
            l
        })
    });
    let lines: Vec<Para> = tail.filter(|l| has_letters(trimmed(text, *l))).collect();
    lines.windows(2).rev().find_map(|w| {
        is_closing(trimmed(text, w[0]))
            .then(|| signature_line(text, w[1]))
            .flatten()
    })
}

fn speaker_from(text: &str, m: Found) -> Speaker {
    let name = names::canonical(text, &text[m.start..m.end], m.kind);
    Speaker { name, mention: m }
}

/// The speech cue and its subject in the last sentence of an introducing paragraph.
fn intro_cue(text: &str, p: Para) -> Option<(String, Option<Found>)> {
    let lo = text::sentence_start(text, p.start, p.end.saturating_sub(1).max(p.start));
    let toks = text::tokens(text, lo, p.end);
    let v = toks
        .iter()
        .rposition(|t| t.word && lexicon::is_speech_verb(t.text) && !t.is_capitalised())?;
    let subject = (0..v).rev().take(3).find_map(|k| {
        names::name_ending_at(&toks, k).map(|(_, m)| m).or_else(|| {
            let t = &toks[k];
            lexicon::pronoun(t.text).map(|pr| Found {
                start: t.start,
                end: t.end,
                kind: MentionKind::Pronoun(pr),
            })
        })
    });
    Some((toks[v].text.to_owned(), subject))
}

/// Finds unmarked block quotations. `marked` are the quote-mark spans (never overlapped).
pub fn find(text: &str, paras: &[Para], marked: &[RawQuote]) -> Vec<Block> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < paras.len() {
        let s = trimmed(text, paras[i]);
        // 1. A letter quoted inside a text that announces it.
        if is_salutation(s)
            && paras[i.saturating_sub(8)..i]
                .iter()
                .any(|&p| introduces(trimmed(text, p)))
        {
            if let Some(c) =
                (i + 1..paras.len().min(i + 60)).find(|&c| is_closing(trimmed(text, paras[c])))
            {
                let spans: Vec<(usize, usize)> = paras[i..=c]
                    .iter()
                    .filter(|&&p| has_letters(trimmed(text, p)))
                    .map(|&p| trim_range(text, p))
                    .collect();
                if !spans
                    .iter()
                    .any(|&(a, b)| covered(marked, a, b) && b - a < 80)
                {
                    let speaker = paras
                        .get(c + 1)
                        .and_then(|&p| signature_line(text, p))
                        .map(|m| speaker_from(text, m));
                    out.push(Block {
                        spans,
                        speaker,
                        cue: None,
                        sieve: "letter",
                        confidence: 0.75,
                    });
                    i = c + 1;
                    continue;
                }
            }
        }
        if i > 0
            && trimmed(text, paras[i - 1]).ends_with(':')
            && !covered(marked, paras[i].start, paras[i].end)
        {
            let intro = intro_cue(text, paras[i - 1]);
            // 2. A signed block after an introducing colon.
            if let Some((dash, m)) = dash_signature(text, paras[i]) {
                let (a, _) = trim_range(text, paras[i]);
                let b = text[..dash].trim_end().len();
                if b > a {
                    out.push(Block {
                        spans: vec![(a, b)],
                        speaker: Some(speaker_from(text, m)),
                        cue: intro.map(|(c, _)| c),
                        sieve: "signature",
                        confidence: 0.85,
                    });
                    i += 1;
                    continue;
                }
            }
            // 3. A list of points introduced by a speech frame.
            if let Some((cue, subject)) = intro {
                let items: Vec<usize> = (i..paras.len())
                    .take_while(|&k| {
                        text::list_item_marker(text[paras[k].start..paras[k].end].trim_start())
                            .is_some()
                    })
                    .collect();
                if !items.is_empty() {
                    let spans = items
                        .iter()
                        .map(|&k| {
                            let (a, b) = trim_range(text, paras[k]);
                            let m = text::list_item_marker(&text[a..b]).unwrap_or(0);
                            (a + m, b)
                        })
                        .collect();
                    let speaker = subject
                        .filter(|m| !matches!(m.kind, MentionKind::Pronoun(_)))
                        .map(|m| speaker_from(text, m));
                    out.push(Block {
                        spans,
                        speaker,
                        cue: Some(cue),
                        sieve: "list-frame",
                        confidence: 0.7,
                    });
                    i = items[items.len() - 1] + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
    out
}

fn trim_range(text: &str, p: Para) -> (usize, usize) {
    let s = &text[p.start..p.end];
    let lead = s.len() - s.trim_start().len();
    (p.start + lead, p.start + s.trim_end().len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::paragraphs;

    fn blocks(text: &str) -> Vec<Block> {
        find(text, &paragraphs(text), &[])
    }

    #[test]
    fn quoted_letter_between_salutation_and_closing() {
        let text = "Her son wrote the following letter to the committee last spring.\n\nDear Comrades,\n\nI am writing from prison.\n\nYours fraternally,\n\nIvan Petrov\n\nAfterword.";
        let b = blocks(text);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].spans.len(), 3);
        assert_eq!(
            b[0].speaker.as_ref().map(|s| s.name.as_str()),
            Some("Ivan Petrov")
        );
    }

    #[test]
    fn a_letter_that_is_the_whole_document_is_not_a_quotation() {
        assert!(blocks(
            "July 1, 1950\n\nDear Friends,\n\nThank you.\n\nYours sincerely,\n\nA. Writer"
        )
        .is_empty());
    }

    #[test]
    fn dash_signed_paragraph_after_colon() {
        let text = "She received a note with these lines:\n\nKeep fighting, we are with you. – K. Zetkin.\n\nShe kept it.";
        let b = blocks(text);
        assert_eq!(b.len(), 1);
        assert_eq!(
            &text[b[0].spans[0].0..b[0].spans[0].1],
            "Keep fighting, we are with you."
        );
        assert_eq!(
            b[0].speaker.as_ref().map(|s| s.name.as_str()),
            Some("K. Zetkin")
        );
    }

    #[test]
    fn numbered_demands_after_speech_frame() {
        let text = "The strikers met. They demanded:\n\n  1. An eight-hour day.\n  2. Better food.\n\nThe strike began.";
        let b = blocks(text);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].spans.len(), 2);
        assert_eq!(
            &text[b[0].spans[0].0..b[0].spans[0].1],
            "An eight-hour day."
        );
    }

    #[test]
    fn a_plain_list_is_not_speech() {
        let text = "The reasons were these:\n\n  1. Cost.\n  2. Time.";
        assert!(blocks(text).is_empty());
    }
}
