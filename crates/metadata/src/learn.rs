//! Cross-document repetition: a short line that recurs near the top or bottom of many
//! documents in the corpus is site chrome. Each document counts a line once; batches are
//! counted in parallel and merged, so the result does not depend on batch or thread layout.
//! Neighbouring pairs are counted too: site chrome recurs as a block, while a sentence that
//! recurs in several articles (a slogan, a reused paragraph) has different neighbours each time.

use std::collections::HashMap;

use galley_record::Document;
use rayon::prelude::*;

use crate::lines::{normalise, split_lines};

/// Lines longer than this are never counted: chrome is short.
const MAX_LINE_BYTES: usize = 120;

/// How often each short head/tail line occurs across documents.
#[derive(Debug, Clone, Default)]
pub struct Repetition {
    counts: HashMap<String, u32>,
    docs: usize,
    /// Documents a line must appear in to count as chrome; `None` until [`Repetition::finish`]
    /// decided the corpus is large enough.
    threshold: Option<u32>,
}

/// The key of two neighbouring lines (`normalise` never yields a line break).
fn pair_key(a: &str, b: &str) -> String {
    let mut key = normalise(a);
    key.push('\n');
    key.push_str(&normalise(b));
    key
}

/// The distinct normalised short lines among the first and last `window` non-blank lines,
/// and the pairs of neighbouring short lines there.
fn doc_lines(text: &str, window: usize) -> Vec<String> {
    let lines = split_lines(text);
    let content: Vec<&str> = lines
        .iter()
        .filter(|l| !l.is_blank())
        .map(|l| &text[l.content_start..l.content_end])
        .collect();
    let n = content.len();
    let tail_start = n.saturating_sub(window).max(window.min(n));
    let short = |i: usize| content[i].len() <= MAX_LINE_BYTES;
    let mut out: Vec<String> = Vec::new();
    for i in (0..window.min(n)).chain(tail_start..n) {
        if !short(i) {
            continue;
        }
        let key = normalise(content[i]);
        if key.is_empty() {
            continue;
        }
        out.push(key);
        if i + 1 < n && short(i + 1) {
            out.push(pair_key(content[i], content[i + 1]));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

impl Repetition {
    /// Counts one batch of documents (in parallel) and merges it in.
    pub fn add_texts<'a>(
        &mut self,
        texts: impl IntoParallelIterator<Item = &'a str>,
        window: usize,
    ) {
        let (counts, docs) = texts
            .into_par_iter()
            .fold(
                || (HashMap::<String, u32>::new(), 0usize),
                |(mut counts, docs), text| {
                    for key in doc_lines(text, window) {
                        *counts.entry(key).or_default() += 1;
                    }
                    (counts, docs + 1)
                },
            )
            .reduce(
                || (HashMap::new(), 0),
                |(mut a, da), (b, db)| {
                    for (k, v) in b {
                        *a.entry(k).or_default() += v;
                    }
                    (a, da + db)
                },
            );
        for (k, v) in counts {
            *self.counts.entry(k).or_default() += v;
        }
        self.docs += docs;
    }

    /// Counts a batch of documents.
    pub fn add_batch(&mut self, docs: &[Document], window: usize) {
        self.add_texts(docs.par_iter().map(|d| d.text.as_str()), window);
    }

    /// Fixes the threshold once all documents are counted. Below `min_docs` documents the
    /// counts say nothing reliable (a five-page sample) and repetition is not used.
    pub fn finish(&mut self, min_docs: usize, min_ratio: f64, min_repeats: u32) {
        self.threshold = (self.docs >= min_docs.max(2)).then(|| {
            let by_ratio = (self.docs as f64 * min_ratio).ceil() as u32;
            by_ratio.max(min_repeats).max(2)
        });
    }

    /// Number of documents counted.
    pub fn documents(&self) -> usize {
        self.docs
    }

    /// Whether `line` recurs in enough documents to be chrome.
    pub fn is_repeated(&self, line: &str) -> bool {
        line.len() <= MAX_LINE_BYTES && self.count_reaches(&normalise(line))
    }

    /// Whether `a` directly followed by `b` recurs in enough documents: chrome in a block.
    pub fn is_repeated_pair(&self, a: &str, b: &str) -> bool {
        a.len() <= MAX_LINE_BYTES
            && b.len() <= MAX_LINE_BYTES
            && self.count_reaches(&pair_key(a, b))
    }

    fn count_reaches(&self, key: &str) -> bool {
        self.threshold
            .is_some_and(|threshold| self.counts.get(key).is_some_and(|&c| c >= threshold))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(n: usize) -> Vec<String> {
        (0..n)
            .map(|i| format!("Socialist Press Online\n\nTitle number {i}\n\nBody text {i} goes here.\n\nJoin the union today\n"))
            .collect()
    }

    #[test]
    fn repeated_lines_become_chrome_in_a_large_corpus() {
        let texts = corpus(30);
        let mut rep = Repetition::default();
        rep.add_texts(texts.iter().map(String::as_str).collect::<Vec<_>>(), 40);
        rep.finish(20, 0.05, 3);
        assert!(rep.is_repeated("Socialist  Press Online"));
        assert!(rep.is_repeated("join the union today!"));
        assert!(!rep.is_repeated("Title number 7"));
    }

    #[test]
    fn chrome_blocks_repeat_as_pairs_and_reused_sentences_do_not() {
        let texts: Vec<String> = (0..30)
            .map(|i| {
                let shared = "Nothing is won without a fight.";
                let body = if i % 2 == 0 {
                    format!("Opening {i}.\n\n{shared}\n\nMiddle {i}.")
                } else {
                    format!("{shared}\n\nOther middle {i}.")
                };
                format!("Title {i}\n\n{body}\n\nJoin us\nFill in this form to join.\n")
            })
            .collect();
        let mut rep = Repetition::default();
        rep.add_texts(texts.iter().map(String::as_str).collect::<Vec<_>>(), 40);
        rep.finish(10, 0.05, 3);
        assert!(rep.is_repeated("Nothing is won without a fight."));
        assert!(rep.is_repeated_pair("Join us", "Fill in this form to join."));
        assert!(!rep.is_repeated_pair("Opening 4.", "Nothing is won without a fight."));
        assert!(!rep.is_repeated_pair("Nothing is won without a fight.", "Middle 4."));
    }

    #[test]
    fn small_corpus_is_not_trusted() {
        let texts = corpus(5);
        let mut rep = Repetition::default();
        rep.add_texts(texts.iter().map(String::as_str).collect::<Vec<_>>(), 40);
        rep.finish(20, 0.05, 3);
        assert_eq!(rep.documents(), 5);
        assert!(!rep.is_repeated("Socialist Press Online"));
    }

    #[test]
    fn batches_merge_like_one_pass() {
        let texts = corpus(24);
        let all: Vec<&str> = texts.iter().map(String::as_str).collect();
        let mut one = Repetition::default();
        one.add_texts(all.clone(), 40);
        let mut two = Repetition::default();
        two.add_texts(all[..10].to_vec(), 40);
        two.add_texts(all[10..].to_vec(), 40);
        assert_eq!(one.docs, two.docs);
        assert_eq!(one.counts, two.counts);
    }
}
