//! Real-word errors: a correctly spelt word that its neighbours make implausible (`the
//! trails were` for trials). The short bigram list with the document's own words, then the
//! back-off bigram model, decide, and only by a wide margin, because a wrong "fix" of a
//! correct word costs far more than a missed one.

use crate::corpus::word_id;
use crate::lexicon::{Lexicon, STRONG_BIGRAM};
use crate::spell::{is_shielded, Evidence};
use crate::tokens::{case_of, Case, Token};
use crate::tracker::Replacement;

/// The embedded bigram list stops at this count: a bigram missing from it is rarer, not
/// impossible.
const BIGRAM_FLOOR: f64 = 6.4e6;
/// Nats a candidate must gain over the written word, after paying for the edit.
const MARGIN: f64 = 6.0;
const COST_WEIGHT: f64 = 2.0;
use crate::lexicon::COMMON;
/// Below this count (a few per ten million words) a word is rare enough that writing it twice
/// is deliberate.
const RARE: u64 = 1_000_000;
/// Extra nats when the candidate is written elsewhere in the document and the word is not.
const DOC_BONUS: f64 = 1.5;

/// The best-scoring candidate so far and the best score of all the others: a change needs
/// both a high gain and a clear lead over the runner-up.
struct Leader {
    best: Option<(f64, u32)>,
    second: f64,
}

impl Default for Leader {
    fn default() -> Self {
        Leader {
            best: None,
            second: f64::NEG_INFINITY,
        }
    }
}

impl Leader {
    fn offer(&mut self, gain: f64, id: u32) {
        match self.best {
            Some((g, _)) if g >= gain => self.second = self.second.max(gain),
            _ => {
                if let Some((g, _)) = self.best {
                    self.second = self.second.max(g);
                }
                self.best = Some((gain, id));
            }
        }
    }

    /// The winner's gain and id, and its lead over the runner-up.
    fn result(&self) -> Option<(f64, u32, f64)> {
        self.best.map(|(g, id)| (g, id, g - self.second))
    }
}

/// ln P(x | p): listed bigrams by their count, missing ones at most the floor.
pub(crate) fn ln_follow(lex: &Lexicon, p: Option<u32>, x: u32) -> f64 {
    let ux = (lex.count(x) as f64).max(1.0);
    match p {
        None => 0.0,
        Some(p) => {
            let up = (lex.count(p) as f64).max(1.0);
            let b = lex.bigram(p, x) as f64;
            if b > 0.0 {
                (b / up).ln()
            } else {
                (BIGRAM_FLOOR.min(up * ux / lex.total()) / up).ln()
            }
        }
    }
}

/// ln P(n | x), the same way.
pub(crate) fn ln_precede(lex: &Lexicon, x: u32, n: Option<u32>) -> f64 {
    let ux = (lex.count(x) as f64).max(1.0);
    match n {
        None => 0.0,
        Some(n) => {
            let un = (lex.count(n) as f64).max(1.0);
            let b = lex.bigram(x, n) as f64;
            if b > 0.0 {
                (b / ux).ln()
            } else {
                (BIGRAM_FLOOR.min(ux * un / lex.total()) / ux).ln()
            }
        }
    }
}

/// Inflections and spellings of one word (`figure`/`figures`, `defense`/`defence`): the
/// bigram model cannot tell which one grammar wants, so it never swaps them.
///
/// `strict_tails`: words sharing all but their last two letters count as forms only when
/// both endings are inflections (`studied`/`studies`, but not `cope`/`copy`).
fn related_forms(lex: &Lexicon, a: &str, b: &str, strict_tails: bool) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let common = short
        .bytes()
        .zip(long.bytes())
        .take_while(|(x, y)| x == y)
        .count();
    // `pres`/`press`: a dropped double letter is a slip, not another form.
    let lb = long.as_bytes();
    if long.len() == short.len() + 1 && common > 0 && lb[common] == lb[common - 1] {
        let mut undoubled = long.to_owned();
        undoubled.remove(common);
        if undoubled == short {
            return false;
        }
    }
    const ENDINGS: &[&str] = &[
        "s", "es", "d", "ed", "ing", "er", "ers", "ly", "n", "en", "ness", "ies", "ied",
    ];
    let inflection = long
        .strip_prefix(short)
        .is_some_and(|ending| ENDINGS.contains(&ending));
    let is_ending = |tail: &str| tail.is_empty() || ENDINGS.contains(&tail);
    let shared_stem = common + 2 >= long.len()
        && common >= 3
        && (!strict_tails || (is_ending(&short[common..]) && is_ending(&long[common..])));
    inflection || shared_stem || lex.same_word(a, b)
}

/// The dictionary ids of the words just before and after token `i`, when only spaces
/// separate them (a capitalised word may follow, not precede: it may start a name). A
/// neighbour being corrected reads as `fixed` gives it.
pub(crate) fn neighbours<'a>(
    text: &'a str,
    tokens: &[Token],
    i: usize,
    lex: &Lexicon,
    fixed: &dyn Fn(usize) -> Option<&'a str>,
) -> (Option<u32>, Option<u32>) {
    let spaced = |a: &Token, b: &Token| {
        let gap = &text[a.end..b.start];
        !gap.is_empty() && gap.bytes().all(|c| c == b' ')
    };
    let word = |j: usize| fixed(j).unwrap_or(&text[tokens[j].start..tokens[j].end]);
    let t = &tokens[i];
    let p = i
        .checked_sub(1)
        .filter(|&j| {
            let pt = &tokens[j];
            spaced(pt, t) && pt.core_end == pt.end && word(j).as_bytes()[0].is_ascii_lowercase()
        })
        .and_then(|j| lex.id(word(j)));
    let n = tokens
        .get(i + 1)
        .filter(|nt| spaced(t, nt) && nt.core_end == nt.end)
        .and_then(|_| {
            let w = word(i + 1);
            match case_of(w) {
                Case::Lower => lex.id(w),
                Case::Title => lex.id(&w.to_ascii_lowercase()),
                _ => None,
            }
        });
    (p, n)
}

/// Replacements for real-word errors.
///
/// `spelled` are the spelling layer's replacements on the same text (sorted): a corrected
/// token is judged no further, and its neighbours see the corrected word, so both layers
/// can run over one tokenisation.
pub fn real_words(
    text: &str,
    tokens: &[Token],
    ev: &Evidence<'_>,
    min_confidence: f64,
    spelled: &[Replacement],
) -> Vec<Replacement> {
    let lex = ev.lex;
    let mut out = Vec::new();
    // Each token's id once (lower-case words; capitalised ones may follow), not per window.
    let mut fixed = spelled.iter().peekable();
    let mut corrected = vec![false; tokens.len()];
    let ids: Vec<Option<u32>> = tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            while fixed.peek().is_some_and(|r| r.start < t.start) {
                fixed.next();
            }
            match fixed.peek() {
                Some(r) if r.start == t.start => {
                    corrected[i] = true;
                    // Possessive or not, the neighbour is the corrected word.
                    (r.end == t.end)
                        .then(|| word_id(lex, &r.replacement))
                        .flatten()
                }
                _ => ev.doc.word(i),
            }
        })
        .collect();
    for (i, t) in tokens.iter().enumerate() {
        let Some(wid) = ids[i] else { continue };
        if corrected[i] {
            continue;
        }
        // Cheap tests first (on the token's bytes, without slicing out the word): most
        // words have no one-slip neighbour at all (memoised). A rare word the document
        // writes more than once is its author's choice (an old or technical spelling:
        // `shew`), not the same slip made twice.
        if t.core_end - t.start < 3
            || (lex.count(wid) < RARE && ev.doc.token_form_count(i) >= 2)
            || t.core_end != t.end
            || !text.as_bytes()[t.start].is_ascii_lowercase()
            || lex.count(wid) > COMMON
            || (lex.slips(wid).is_empty() && lex.near_strong(wid).is_empty())
        {
            continue;
        }
        let w = t.core(text);
        let spaced = |a: &Token, b: &Token| {
            let gap = &text[a.end..b.start];
            !gap.is_empty() && gap.bytes().all(|c| c == b' ')
        };
        let p = i
            .checked_sub(1)
            .filter(|&j| {
                spaced(&tokens[j], t) && text.as_bytes()[tokens[j].start].is_ascii_lowercase()
            })
            .and_then(|j| ids[j]);
        let n = tokens
            .get(i + 1)
            .filter(|nt| spaced(t, nt))
            .and_then(|_| ids[i + 1]);
        let (Some(p), Some(n)) = (p, n) else { continue };
        // Attested on both sides: plausible as written (the presence filter settles most
        // tokens without touching the bigram table).
        if lex.maybe_bigram(p, wid) && lex.maybe_bigram(wid, n) {
            continue;
        }
        let (left, right) = (lex.bigram(p, wid), lex.bigram(wid, n));
        if left > 0 && right > 0 {
            continue;
        }
        // Only candidates listed after `p` and before `n` can win, and usually there are
        // none: find that out before any scoring (presence filter first, then the table).
        // A written word attested on neither side may yield to a candidate attested on one
        // (the bigram list is short: `for good or` lacks `good or`); otherwise the candidate
        // must be attested on both.
        let one_side = left == 0 && right == 0;
        let fits = |&(cid, _): &(u32, f32)| {
            if cid == wid {
                return false;
            }
            let l = lex.maybe_bigram(p, cid) && lex.bigram(p, cid) > 0;
            if !l && !one_side {
                return false;
            }
            let r = lex.maybe_bigram(cid, n) && lex.bigram(cid, n) > 0;
            (l && r) || (one_side && (l || r))
        };
        // A word attested on neither side may also be any one-edit misreading of a word
        // attested on both (`a cope of` for copy): rarer than OCR slips, so only with
        // overwhelming evidence on both sides.
        let mut cands: Vec<(u32, f32, bool)> = lex
            .slips(wid)
            .iter()
            .filter(|s| fits(s))
            .map(|&(cid, c)| (cid, c, false))
            .collect();
        if one_side {
            // A candidate that is no cheap OCR slip must be listed on both sides at
            // [`STRONG_BIGRAM`], 100 times the list's floor, so the written word's missing
            // bigrams are that much rarer (the list is short: `was deported` is missing, and
            // weaker evidence turns correct words into commoner neighbours).
            for &(cid, c) in lex.near_strong(wid) {
                if lex.bigram(p, cid) >= STRONG_BIGRAM
                    && lex.bigram(cid, n) >= STRONG_BIGRAM
                    && !cands.iter().any(|x| x.0 == cid)
                {
                    cands.push((cid, c, true));
                }
            }
        }
        if cands.is_empty() || is_shielded(text, t) {
            continue;
        }
        // Pairs the language model has seen make the written word plausible: frequency
        // alone (`the tsar and` -> star) no longer outweighs it, only the document does.
        let model_seen = lex.lm_bigram(p, wid).is_some() || lex.lm_bigram(wid, n).is_some();
        let base = ln_follow(lex, Some(p), wid) + ln_precede(lex, wid, Some(n));
        let w_once = ev.doc.token_form_count(i) <= 1;
        let mut leader = Leader::default();
        for &(cid, c, wide) in &cands {
            let cw = lex.word(cid);
            if cw.len() < 3 || lex.count(cid) > COMMON || related_forms(lex, w, cw, wide) {
                continue;
            }
            // When the word fits one side, or the candidate only one, the document must
            // also write the candidate, or the candidate be far more common.
            let both = lex.bigram(p, cid) > 0 && lex.bigram(cid, n) > 0;
            let in_doc = w_once && ev.doc.count(cw) > 0;
            // A word the list attests on one side is plausible there; only the document
            // (or an overwhelming frequency gap) outweighs that (`a decree from`: `degree
            // from` is listed, `decree from` is merely missing).
            let ratio = if one_side { 20 } else { 100 };
            let much_commoner = lex.count(cid) >= ratio * lex.count(wid);
            // Without the document's word, the model must also have seen the candidate on
            // both sides (`shrouded oft our`: `off our` is common, `shrouded off` is not).
            let model_both = || lex.lm_bigram(p, cid).is_some() && lex.lm_bigram(cid, n).is_some();
            let licensed = (in_doc && (both || !model_seen))
                || (!model_seen && ((one_side && both) || much_commoner) && model_both());
            if !licensed {
                continue;
            }
            let mut gain = ln_follow(lex, Some(p), cid) + ln_precede(lex, cid, Some(n))
                - base
                - COST_WEIGHT * f64::from(c);
            if in_doc {
                gain += DOC_BONUS;
            }
            if crate::debug() {
                eprintln!("{w} -> {cw}: gain {gain:.2} (cost {c})");
            }
            leader.offer(gain, cid);
        }
        let Some((gain, cid, lead)) = leader.result() else {
            continue;
        };
        if gain < MARGIN || lead < 2.0 {
            continue;
        }
        let confidence = (1.0 - (-(gain - MARGIN + 1.0)).exp()).clamp(0.5, 0.99);
        if confidence >= min_confidence {
            out.push(Replacement::new(
                t.start,
                t.end,
                lex.word(cid),
                "context",
                confidence,
            ));
        }
    }
    // Then the language model, on the tokens the list left alone.
    let mut modelled_out = Vec::new();
    let mut listed = out.iter().peekable();
    for (i, t) in tokens.iter().enumerate() {
        while listed.peek().is_some_and(|r| r.start < t.start) {
            listed.next();
        }
        if corrected[i] || listed.peek().is_some_and(|r| r.start == t.start) {
            continue;
        }
        // `modelled` judges only words in its frequency band: most tokens are outside it.
        if !ids[i].is_some_and(|wid| (MODEL_MIN_COUNT..=COMMON).contains(&lex.count(wid))) {
            continue;
        }
        modelled_out.extend(modelled(text, tokens, i, &ids, ev, min_confidence));
    }
    if !modelled_out.is_empty() {
        out.extend(modelled_out);
        out.sort_by_key(|r| r.start);
    }
    out
}

/// Nats a candidate must gain under the language model, after paying for the edit, when
/// the model has seen the written word beside neither neighbour (the default
/// `min_confidence` adds 0.2). On the sample corpus correct words score up to 6.5
/// (`nothing factually new` -> actually): real text is full of pairs a news-trained model
/// never saw. The seeded noise eval has no false edit down to 2.
const MODEL_MARGIN: f64 = 7.0;
/// The model judges only words at least this frequent (list count): a rarer word's pairs
/// are sparse in any model, so their absence says little (`fire on the pickets at` is
/// unseen, `the tickets at` common).
const MODEL_MIN_COUNT: u64 = 3_000_000;
/// Extra nats when the model has seen the written word beside one of its neighbours
/// (calibrated: 2 turns `a decree from` into degree on the seeded noise eval, and `past the
/// mill gates` into bill on clean text, the model being trained on web and news text).
const SEEN_SIDE_MARGIN: f64 = 3.0;

/// A real-word error by the back-off bigram model (CMU Sphinx): the written word is unseen
/// beside at least one neighbour, while a word one edit away is seen beside both and makes
/// the three words far likelier (`a hunting rip together` for trip). The model has seen
/// about eight times as many word pairs as the frequency list, so its silence means more.
fn modelled(
    text: &str,
    tokens: &[Token],
    i: usize,
    ids: &[Option<u32>],
    ev: &Evidence<'_>,
    min_confidence: f64,
) -> Option<Replacement> {
    let lex = ev.lex;
    let t = &tokens[i];
    let wid = ids[i]?;
    let w = t.core(text);
    if w.len() < 3
        || t.core_end != t.end
        || !w.as_bytes()[0].is_ascii_lowercase()
        || lex.count(wid) > COMMON
        || lex.count(wid) < MODEL_MIN_COUNT
        || !lex.lm_knows(wid)
        || lex.near(wid).is_empty()
    {
        return None;
    }
    let spaced = |a: &Token, b: &Token| {
        let gap = &text[a.end..b.start];
        !gap.is_empty() && gap.bytes().all(|c| c == b' ')
    };
    let p = i
        .checked_sub(1)
        .filter(|&j| spaced(&tokens[j], t) && text.as_bytes()[tokens[j].start].is_ascii_lowercase())
        .and_then(|j| ids[j])?;
    let n = tokens
        .get(i + 1)
        .filter(|nt| spaced(t, nt))
        .and_then(|_| ids[i + 1])?;
    // Pairs the frequency list has are common: the hash lookups settle most tokens before
    // the model's searches.
    let listed = |a: u32, b: u32| lex.maybe_bigram(a, b) && lex.bigram(a, b) > 0;
    if listed(p, wid) && listed(wid, n) {
        return None;
    }
    let left_seen = lex.lm_bigram(p, wid).is_some();
    let right_seen = lex.lm_bigram(wid, n).is_some();
    if left_seen && right_seen {
        return None;
    }
    let seen_sides = usize::from(left_seen) + usize::from(right_seen);
    let score = |x: u32| -> Option<f64> {
        Some(f64::from(lex.lm_follow(p, x)? + lex.lm_follow(x, n)?) * std::f64::consts::LN_10)
    };
    // The written word's score and count, worked out at the first candidate that needs
    // them: most words have none (a word the model lacks has no candidate either).
    let mut base = None;
    let w_once = || ev.doc.token_form_count(i) <= 1;
    let mut leader = Leader::default();
    for &(cid, c) in lex.near(wid) {
        let cw = lex.word(cid);
        if lex.lm_bigram(p, cid).is_none()
            || lex.lm_bigram(cid, n).is_none()
            || related_forms(lex, w, cw, true)
        {
            continue;
        }
        let Some(s) = score(cid) else { continue };
        let base = match base {
            Some(b) => b,
            None => *base.insert(score(wid)?),
        };
        let mut gain = s - base - COST_WEIGHT * f64::from(c);
        if w_once() && ev.doc.count(cw) > 0 {
            gain += DOC_BONUS;
        }
        if crate::debug() {
            eprintln!("model: {w} -> {cw}: gain {gain:.2} (cost {c})");
        }
        leader.offer(gain, cid);
    }
    let (gain, cid, lead) = leader.result()?;
    // A word the model has seen beside one neighbour is plausible there: the evidence
    // against it must be stronger.
    let margin = MODEL_MARGIN + SEEN_SIDE_MARGIN * seen_sides as f64;
    if gain < margin || lead < 2.0 || is_shielded(text, t) {
        return None;
    }
    let confidence = (1.0 - (-(gain - margin + 1.0)).exp()).clamp(0.5, 0.99);
    (confidence >= min_confidence)
        .then(|| Replacement::new(t.start, t.end, lex.word(cid), "context", confidence))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::DocCounts;
    use crate::tokens::tokenize;

    fn fixes(text: &str) -> Vec<String> {
        let doc = DocCounts::new(text, &tokenize(text));
        let ev = Evidence {
            lex: Lexicon::embedded(),
            corpus: None,
            doc: &doc,
            written: &[],
        };
        real_words(text, &tokenize(text), &ev, 0.5, &[])
            .into_iter()
            .map(|r| format!("{}->{}", &text[r.start..r.end], r.replacement))
            .collect()
    }

    #[test]
    fn implausible_words_in_context_are_fixed() {
        // "the trails" is good English; the document writing "trials" is what tips it.
        assert!(fixes("the defendants at the trails were shot").is_empty());
        assert_eq!(
            fixes("The Moscow trials began. The defendants at the trails were shot."),
            ["trails->trials"]
        );
    }

    #[test]
    fn a_candidate_attested_on_one_side_needs_to_be_far_commoner() {
        // `bouse` fits neither neighbour; `house` is listed beside both and far commoner.
        assert_eq!(
            fixes("we sat in the old bouse and talked"),
            ["bouse->house"]
        );
        // Listed after `old` only: the language model must have seen `house` on both
        // sides too (`zebra` stands for any neighbour it never saw there).
        assert!(fixes("we sat in the old bouse zebra").is_empty());
        // `deported`/`departed` are alike in frequency: one side is not enough.
        assert!(fixes("on that day he was deported from France").is_empty());
    }

    #[test]
    fn any_one_edit_misreading_needs_overwhelming_evidence() {
        // `a copy of` is among the commonest bigrams: `cope` (e for y, no OCR confusion)
        // yields to it.
        assert_eq!(
            fixes("we had in our possession a cope of the letter"),
            ["cope->copy"]
        );
        // `was deported` and `deported from` are missing from the short list, while `was
        // reported` and `reported from` are listed, but not overwhelmingly.
        assert!(fixes("on that day he was deported from the country").is_empty());
        assert!(fixes("the guards listened to vile name calling").is_empty());
    }

    #[test]
    fn the_language_model_fixes_words_unseen_beside_both_neighbours() {
        // `they muse` and `muse wait` are unseen, `they must wait` common.
        assert_eq!(
            fixes("it is clear that they muse wait for the results"),
            ["muse->must"]
        );
        // `a deep breadth` is seen: a word plausible on one side needs far more evidence.
        assert!(fixes("he took a deep breadth and went in").is_empty());
        // `bold` -> `cold`/`old`: too little gain, and the two candidates compete.
        assert!(fixes("she had a bad bold and stayed home").is_empty());
        assert!(fixes("the marchers came with their bands and their flags").is_empty());
        assert!(fixes("the police opened fire on the pickets at noon").is_empty());
        // Frequency alone never outweighs a pair the model has seen.
        assert!(fixes("in those years the tsar and his ministers").is_empty());
        assert!(fixes("it shrouded oft our martyred dead").is_empty());
        // Seen as `the mill`: the web's `bill gates` is not evidence enough.
        assert!(fixes("the textile workers marched past the mill gates today").is_empty());
    }

    #[test]
    fn a_rare_word_written_twice_is_deliberate() {
        let once = fixes("we shall shew them. We shall show them the way.");
        assert_eq!(once, ["shew->show"]);
        assert!(fixes("we shall shew them. We shall shew them the way.").is_empty());
    }

    #[test]
    fn plausible_words_stay() {
        assert!(fixes("the hikers took the trails through the hills").is_empty());
        assert!(fixes("it does not matter what he said, the press reported").is_empty());
        // `a decree` is listed, `decree from` merely missing: `a degree from` is commoner,
        // but not overwhelmingly so.
        assert!(fixes("they must wait for a decree from the ministry").is_empty());
    }
}
