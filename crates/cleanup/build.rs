//! Turns the vendored gzip word and bigram lists into the tables the lexicon uses at run
//! time (words in id order, their counts, bigrams as id pairs), so loading the embedded
//! lexicon is a copy, not a parse of 8 MB of text on every start.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::Path;

/// Count given to SCOWL words missing from the frequency list: valid but uncommon. Keep in
/// step with the lexicon's documentation.
const SCOWL_COUNT: u64 = 40_000;

fn gunzip(path: &str) -> String {
    println!("cargo:rerun-if-changed={path}");
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut out)
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    out
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let words_txt = gunzip("data/frequency_dictionary_en_82_765.txt.gz");
    let scowl = gunzip("data/scowl_extra.txt.gz");
    let bigrams_txt = gunzip("data/frequency_bigramdictionary_en_243_342.txt.gz");

    let mut ids: HashMap<&str, u32> = HashMap::new();
    let mut words: Vec<&str> = Vec::new();
    let mut counts: Vec<u64> = Vec::new();
    let entries = words_txt
        .lines()
        .filter_map(|line| {
            let (w, c) = line.split_once(' ')?;
            Some((w, c.trim().parse().unwrap_or(SCOWL_COUNT)))
        })
        .chain(scowl.lines().map(|w| (w.trim(), SCOWL_COUNT)));
    for (w, c) in entries {
        // Words are stored one per line: a word with a line break cannot be one.
        if w.is_empty() || w.contains('\n') || ids.contains_key(w) {
            continue;
        }
        ids.insert(w, words.len() as u32);
        words.push(w);
        counts.push(c);
    }
    let mut bigrams: Vec<(u32, u32, u64)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for line in bigrams_txt.lines() {
        let mut parts = line.split(' ');
        if let (Some(a), Some(b), Some(c)) = (parts.next(), parts.next(), parts.next()) {
            if let (Some(&a), Some(&b), Ok(c)) = (ids.get(a), ids.get(b), c.parse::<u64>()) {
                // A pair listed twice keeps its first count.
                if seen.insert((a, b)) {
                    bigrams.push((a, b, c));
                }
            }
        }
    }

    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    let write = |name: &str, bytes: &[u8]| {
        let mut f = std::fs::File::create(out.join(name)).expect("create in OUT_DIR");
        f.write_all(bytes).expect("write in OUT_DIR");
    };
    write("words.txt", words.join("\n").as_bytes());
    let mut buf = Vec::with_capacity(counts.len() * 8);
    for c in &counts {
        buf.extend_from_slice(&c.to_le_bytes());
    }
    write("counts.bin", &buf);
    let mut buf = Vec::with_capacity(bigrams.len() * 16);
    for (a, b, c) in &bigrams {
        buf.extend_from_slice(&a.to_le_bytes());
        buf.extend_from_slice(&b.to_le_bytes());
        buf.extend_from_slice(&c.to_le_bytes());
    }
    write("bigrams.bin", &buf);
    // Rarer valid words (SCOWL sizes 60 and 70) that neither list above has: known, so never
    // corrected, but no correction target either (no count, no id).
    let rare = gunzip("data/scowl_large_extra.txt.gz");
    let mut rare: Vec<&str> = rare
        .lines()
        .map(str::trim)
        .filter(|w| !w.is_empty() && !ids.contains_key(w))
        .collect();
    rare.sort_unstable();
    rare.dedup();
    write("rare.txt", rare.join("\n").as_bytes());
    language_model(&ids, words.len(), &write);
}

/// The CMU Sphinx bigram model (`data/cmusphinx_en_us_bigrams.tsv.gz`: unigram lines `word
/// log10p log10backoff`, a blank line, then one line per first word with its `second
/// log10p` pairs) as tables over the lexicon's ids: per id its unigram log-probability and
/// back-off weight (NaN when the model lacks the word), and the bigrams sorted by id pair,
/// with per-first-word offsets, as second-word ids and log-probabilities in hundredths.
fn language_model(ids: &HashMap<&str, u32>, n_words: usize, write: &dyn Fn(&str, &[u8])) {
    let lm = gunzip("data/cmusphinx_en_us_bigrams.tsv.gz");
    let (unigrams, bigrams) = lm.split_once("\n\n").expect("blank line after unigrams");
    let mut uni = vec![(f32::NAN, f32::NAN); n_words];
    for line in unigrams.lines() {
        let mut parts = line.split('\t');
        if let (Some(w), Some(lp), Some(bow)) = (parts.next(), parts.next(), parts.next()) {
            if let (Some(&id), Ok(lp), Ok(bow)) = (ids.get(w), lp.parse(), bow.parse()) {
                uni[id as usize] = (lp, bow);
            }
        }
    }
    let mut pairs: Vec<(u64, i16)> = Vec::new();
    for line in bigrams.lines() {
        let mut parts = line.split('\t');
        let Some(&a) = parts.next().and_then(|w| ids.get(w)) else {
            continue;
        };
        for pair in parts {
            let Some((b, lp)) = pair.split_once(' ') else {
                continue;
            };
            if let (Some(&b), Ok(lp)) = (ids.get(b), lp.parse::<f32>()) {
                pairs.push((
                    (u64::from(a) << 32) | u64::from(b),
                    (lp * 100.0).round() as i16,
                ));
            }
        }
    }
    pairs.sort_unstable_by_key(|p| p.0);
    pairs.dedup_by_key(|p| p.0);
    let mut buf = Vec::with_capacity(uni.len() * 8);
    for (lp, bow) in &uni {
        buf.extend_from_slice(&lp.to_le_bytes());
        buf.extend_from_slice(&bow.to_le_bytes());
    }
    write("lm_unigrams.bin", &buf);
    // Pairs grouped by first word: `offsets[a]..offsets[a + 1]` are the pairs of `a`, so a
    // lookup searches a few dozen second words, not 1.8 M keys.
    let mut offsets = Vec::with_capacity((n_words + 1) * 4);
    let mut seconds = Vec::with_capacity(pairs.len() * 4);
    let mut probs = Vec::with_capacity(pairs.len() * 2);
    let mut next = 0usize;
    for a in 0..=n_words as u64 {
        while next < pairs.len() && pairs[next].0 >> 32 < a {
            next += 1;
        }
        offsets.extend_from_slice(&(next as u32).to_le_bytes());
    }
    for (k, lp) in &pairs {
        seconds.extend_from_slice(&(*k as u32).to_le_bytes());
        probs.extend_from_slice(&lp.to_le_bytes());
    }
    write("lm_offsets.bin", &offsets);
    write("lm_seconds.bin", &seconds);
    write("lm_probs.bin", &probs);
}
