//! Dialogue in fiction, settled across quotations: a `said he` / `she cried` tag the narrative
//! cannot resolve goes to the latest speaker of that sex, a speaker is never the person the
//! quotation addresses (`“Come, Darcy,” said he`), and `his wife` / `her husband` take the
//! spouse's title and surname when the document uses that name (`Mr. Hale` → `Mrs. Hale`).

use galley_record::QuoteKind;

use crate::attribute::{Attribution, Speaker};
use crate::lexicon::{self, Pronoun};
use crate::marks::RawQuote;
use crate::names::{self, Found, MentionKind};
use crate::text::{self, Tok};

/// How many paragraphs back a previous speaker still counts as part of the exchange.
const EXCHANGE: usize = 12;

/// Names the quotation calls out to: `Marilla, …`, `…, Watson,`, `my dear Mr. Hale`.
pub fn vocatives(text: &str, q: &RawQuote) -> Vec<String> {
    let toks = text::tokens(text, q.start, q.end);
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
        // `Well, …`, `Yes, …`: a capitalised ordinary word is no name
        let ordinary = last == k && names::is_common_word(text, word);
        if m.kind == MentionKind::Person && (opens || inside) && !ordinary {
            out.push(text[m.start..m.end].to_owned());
        }
        k = last + 1;
    }
    out
}

/// Whether `name` is the person a vocative calls: same title and surname when the vocative
/// has a title (`Mr. Hale` is not `Mrs. Hale`), else a shared first or last word.
fn addressed(name: &str, vocatives: &[String]) -> bool {
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
pub fn settle(text: &str, raw: &[RawQuote], atts: &mut [Attribution]) {
    // speakers of earlier turns, latest last: (paragraph, speaker, sex learnt from a tag)
    let mut recent: Vec<(usize, Speaker, Option<Pronoun>)> = Vec::new();
    for i in 0..raw.len() {
        let q = &raw[i];
        if q.parent.is_some() || atts[i].kind != QuoteKind::Direct || q.continues.is_some() {
            continue;
        }
        recent.retain(|(p, _, _)| p + EXCHANGE >= q.para);
        if let Some(p) = atts[i].tag {
            let voc = vocatives(text, q);
            let fits =
                |s: &Speaker| !addressed(&s.name, &voc) && sex_of(&s.name).is_none_or(|x| x == p);
            // a narrative antecedent must be a person or of the tag's sex (`The wind rose.
            // “…,” said she` is no wind speaking)
            let plausible = |s: &Speaker| {
                fits(s) && (s.mention.kind == MentionKind::Person || sex_of(&s.name) == Some(p))
            };
            if !atts[i].speaker.as_ref().is_some_and(plausible) {
                let previous_turn = recent.last().map(|(_, s, _)| s.name.clone());
                let known = |s: &Speaker, learnt: Option<Pronoun>| {
                    learnt.or_else(|| sex_of(&s.name)) == Some(p)
                };
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
                if let Some(s) = pick {
                    let at = &mut atts[i];
                    at.speaker = Some(s);
                    at.sieve = Some("pronoun-dialogue");
                    at.confidence = 0.6;
                }
            }
        }
        spouse(text, q, &recent, &mut atts[i]);
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

/// `cried his wife`: when the possessor is a titled man (`Mr. Hale`) — the latest male
/// speaker or the narrative's latest `Mr. …` — and the document also writes `Mrs. Hale`,
/// that is the speaker's name; `her husband` the other way round.
fn spouse(
    text: &str,
    q: &RawQuote,
    recent: &[(usize, Speaker, Option<Pronoun>)],
    at: &mut Attribution,
) {
    let Some(s) = at.speaker.as_ref() else {
        return;
    };
    let (his, title, other) = match s.name.as_str() {
        "his wife" | "his lady" => (true, "Mrs.", "Mr."),
        "her husband" => (false, "Mr.", "Mrs."),
        _ => return,
    };
    let want = if his { Pronoun::Male } else { Pronoun::Female };
    let from_speakers = recent
        .iter()
        .rev()
        .map(|(_, r, _)| r.name.as_str())
        .find(|n| sex_of(n) == Some(want) && n.starts_with(other.trim_end_matches('.')));
    let surname = from_speakers
        .and_then(|n| n.split_whitespace().last().map(str::to_owned))
        .or_else(|| last_titled_surname(&text[..q.open], other));
    let Some(surname) = surname else {
        return;
    };
    let name = format!("{title} {surname}");
    if memchr::memmem::find(text.as_bytes(), name.as_bytes()).is_some() {
        if let Some(s) = at.speaker.as_mut() {
            s.name = name;
        }
    }
}

/// The surname after the last `Mr.` (or `Mrs.`) in `before`.
fn last_titled_surname(before: &str, title: &str) -> Option<String> {
    let at = before.rfind(&format!("{title} "))?;
    let toks: Vec<Tok<'_>> = text::tokens(before, at, before.len().min(at + 60));
    let (_, m): (usize, Found) = names::name_starting_at(&toks, 0)?;
    let name = &before[m.start..m.end];
    name.split_whitespace()
        .nth(1)
        .map(|w| names::strip_possessive(w).to_owned())
}

#[cfg(test)]
mod tests {
    use crate::find_quotes;

    fn speakers(text: &str) -> Vec<Option<String>> {
        find_quotes(text).into_iter().map(|q| q.speaker).collect()
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
    fn vocatives_are_names_called_out() {
        let text = "“Well, Watson, come in,” said he. “My dear Mrs. Hale, sit.”";
        let q = crate::marks::find_in(text, &crate::text::paragraphs(text));
        assert_eq!(super::vocatives(text, &q[0]), ["Watson"]);
        assert_eq!(super::vocatives(text, &q[1]), ["Mrs. Hale"]);
    }
}
