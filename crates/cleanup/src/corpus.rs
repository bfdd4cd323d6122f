//! What the input itself teaches: how often each word form occurs across the whole corpus.
//! Built by a parallel first pass (or read back from a `lexicon.tsv`), it tells a name that
//! recurs on its own from a one-off variant of a frequent form.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;

use galley_record::{Corpus, Document, StageError};
use rayon::prelude::*;

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::lexicon::{same, word_hash, DeleteIndex, FxMap, Lexicon, PreHashed};
use std::sync::OnceLock;

use crate::tokens::{case_of, tokenize, Case};

/// Why a lexicon file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}:{line}: expected `word<TAB>count`")]
    Format { path: String, line: usize },
}

/// Word-form counts over a corpus (case-sensitive surface forms, possessives split off),
/// with a delete index over the forms frequent enough to be correction targets.
#[derive(Debug, Default, Clone)]
pub struct CorpusLexicon {
    counts: FxMap<String, u64>,
    variants: VariantIndex,
}

/// Lower-cased forms seen at least [`TARGET_MIN`] times that the dictionary does not cover
/// (names, capitalised forms, unlisted words), indexed for neighbour search.
#[derive(Debug, Default, Clone)]
pub struct VariantIndex {
    keys: Vec<String>,
    index: DeleteIndex,
}

impl VariantIndex {
    fn build<'a>(counts: impl Iterator<Item = (&'a str, u64)>) -> Self {
        let lex = Lexicon::embedded();
        let mut keys: Vec<String> = counts
            .filter(|&(k, v)| {
                // Lower-case dictionary words are the dictionary's business; names,
                // capitalised forms and unlisted words are what the corpus can vouch for.
                v >= TARGET_MIN
                    && k.len() >= 3
                    && k.bytes().all(|b| b.is_ascii_alphabetic())
                    && !(k.bytes().all(|b| b.is_ascii_lowercase())
                        && find(lex, word_hash(k.as_bytes()), k).is_some())
            })
            .map(|(k, _)| k.to_ascii_lowercase())
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let index =
            DeleteIndex::build(keys.iter().enumerate().map(|(i, k)| (i as u32, k.as_str())));
        VariantIndex { keys, index }
    }

    /// Lower-cased frequent forms that may be within two edits of `lower`.
    pub fn neighbours<'a>(
        &'a self,
        lower: &str,
        buf: &'a mut Vec<u32>,
    ) -> impl Iterator<Item = &'a str> + 'a {
        buf.clear();
        self.index.candidates(lower, buf);
        buf.iter()
            .filter_map(|&i| self.keys.get(i as usize).map(String::as_str))
    }
}

/// Word-form counts of one document, borrowing its text (no allocation per word). Each
/// distinct form is hashed and looked up in the dictionary once; tokens then refer to their
/// form by index, so the word layers never hash a token's text again.
#[derive(Debug, Default)]
pub struct DocCounts<'a> {
    /// [`word_hash`] of a form → its index (the next hash up on a collision).
    forms: HashMap<u64, u32, BuildHasherDefault<PreHashed>>,
    /// Per form: its text.
    texts: Vec<&'a str>,
    /// Per form: how often it occurs.
    counts: Vec<u64>,
    /// Per form: its dictionary id (lower-case words as written, title-case words
    /// lower-cased), if it is listed.
    words: Vec<Option<u32>>,
    /// Per token: its form.
    token_forms: Vec<u32>,
    /// Per token: its dictionary id as [`DocCounts::word`] gives it.
    token_words: Vec<Option<u32>>,
    /// Built on first use: only an unknown token or a one-off acronym needs it.
    variants: OnceLock<VariantIndex>,
}

/// The dictionary id of a word written in lower case, or in title case (lower-cased).
pub(crate) fn word_id(lex: &Lexicon, w: &str) -> Option<u32> {
    word_id_hashed(lex, w, || word_hash(w.as_bytes()))
}

/// A dictionary lookup, through the per-thread cache for the embedded lexicon.
fn find(lex: &Lexicon, hash: u64, lower: &str) -> Option<u32> {
    if std::ptr::eq(lex, Lexicon::embedded()) {
        lex.id_cached(hash, lower)
    } else {
        lex.id_hashed(hash, lower)
    }
}

/// [`word_id`], given a way to the hash of `w` (reused when the caller has it).
fn word_id_hashed(lex: &Lexicon, w: &str, hash: impl FnOnce() -> u64) -> Option<u32> {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii_lowercase() => find(lex, hash(), w),
        Some(b) if b.is_ascii_uppercase() && case_of(w) == Case::Title => {
            let mut buf = [0u8; 32];
            match buf.get_mut(..w.len()) {
                // Short ASCII words lower-case on the stack: no allocation per token.
                Some(dst) if w.is_ascii() => {
                    dst.copy_from_slice(w.as_bytes());
                    dst.make_ascii_lowercase();
                    std::str::from_utf8(dst)
                        .ok()
                        .and_then(|l| find(lex, word_hash(l.as_bytes()), l))
                }
                _ => lex.id(&w.to_lowercase()),
            }
        }
        _ => None,
    }
}

impl<'a> DocCounts<'a> {
    pub fn new(text: &'a str, tokens: &[crate::tokens::Token]) -> Self {
        let lex = Lexicon::embedded();
        let mut forms: HashMap<u64, u32, BuildHasherDefault<PreHashed>> =
            HashMap::with_capacity_and_hasher(tokens.len() / 2, Default::default());
        let mut texts: Vec<&'a str> = Vec::with_capacity(tokens.len() / 2);
        let mut counts = Vec::with_capacity(tokens.len() / 2);
        let mut words = Vec::with_capacity(tokens.len() / 2);
        let mut token_words = Vec::with_capacity(tokens.len());
        let mut token_forms = Vec::with_capacity(tokens.len());
        for t in tokens {
            let core = t.core(text);
            let h0 = word_hash(core.as_bytes());
            let mut h = h0;
            let f = loop {
                match forms.entry(h) {
                    Entry::Occupied(e) if same(texts[*e.get() as usize], core) => {
                        break *e.get() as usize
                    }
                    Entry::Occupied(_) => h = h.wrapping_add(1),
                    Entry::Vacant(e) => {
                        let f = texts.len();
                        e.insert(f as u32);
                        texts.push(core);
                        counts.push(0);
                        words.push(word_id_hashed(lex, core, || h0));
                        break f;
                    }
                }
            };
            counts[f] += 1;
            token_forms.push(f as u32);
            // A possessive is its own form for the dictionary (rarely listed).
            token_words.push(if t.core_end == t.end {
                words[f]
            } else {
                word_id(lex, &text[t.start..t.end])
            });
        }
        DocCounts {
            forms,
            texts,
            counts,
            words,
            token_forms,
            token_words,
            variants: OnceLock::new(),
        }
    }

    pub fn count(&self, form: &str) -> u64 {
        let mut h = word_hash(form.as_bytes());
        while let Some(&f) = self.forms.get(&h) {
            if same(self.texts[f as usize], form) {
                return self.counts[f as usize];
            }
            h = h.wrapping_add(1);
        }
        0
    }

    /// Dictionary id of token `i` (possessive included), as [`word_id`] gives it.
    pub fn word(&self, i: usize) -> Option<u32> {
        self.token_words.get(i).copied().flatten()
    }

    /// Number of distinct forms.
    pub fn form_count(&self) -> usize {
        self.texts.len()
    }

    /// The form of token `i` (an index below [`DocCounts::form_count`]; 0 out of range).
    pub fn form(&self, i: usize) -> usize {
        self.token_forms.get(i).map_or(0, |&f| f as usize)
    }

    /// How often token `i`'s core occurs: [`DocCounts::count`] of it, without hashing it.
    pub fn token_form_count(&self, i: usize) -> u64 {
        self.token_forms
            .get(i)
            .and_then(|&f| self.counts.get(f as usize))
            .copied()
            .unwrap_or(0)
    }

    /// Dictionary id of token `i`'s core (possessive split off).
    pub fn core_word(&self, i: usize) -> Option<u32> {
        let f = *self.token_forms.get(i)? as usize;
        self.words.get(f).copied().flatten()
    }

    /// The index of this document's forms a variant may be corrected towards.
    pub fn variants(&self) -> &VariantIndex {
        self.variants.get_or_init(|| {
            VariantIndex::build(self.texts.iter().copied().zip(self.counts.iter().copied()))
        })
    }
}

/// A form must occur this often in the corpus to pull a variant towards itself.
pub const TARGET_MIN: u64 = 2;

/// Adds the word forms of `text` to `counts`.
pub fn count_words(text: &str, counts: &mut FxMap<String, u64>) {
    for t in tokenize(text) {
        let core = t.core(text);
        if let Some(c) = counts.get_mut(core) {
            *c += 1;
        } else {
            counts.insert(core.to_owned(), 1);
        }
    }
}

fn merge(mut a: FxMap<String, u64>, b: FxMap<String, u64>) -> FxMap<String, u64> {
    let (mut big, small) = if a.len() >= b.len() {
        (a, b)
    } else {
        (b, std::mem::take(&mut a))
    };
    for (k, v) in small {
        *big.entry(k).or_insert(0) += v;
    }
    big
}

impl CorpusLexicon {
    /// Counts every word of every document, each batch in parallel.
    pub fn from_corpus(corpus: &mut dyn Corpus) -> Result<Self, StageError> {
        let mut total = FxMap::default();
        corpus.for_each_batch(&mut |batch: &[Document]| {
            let counts = batch
                .par_iter()
                .fold(FxMap::default, |mut acc, doc| {
                    count_words(&doc.text, &mut acc);
                    acc
                })
                .reduce(FxMap::default, merge);
            total = merge(std::mem::take(&mut total), counts);
        })?;
        Ok(Self::from_map(total))
    }

    /// Counts the words of some texts (library use without a [`Corpus`]).
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        let mut counts = FxMap::default();
        for t in texts {
            count_words(t, &mut counts);
        }
        Self::from_map(counts)
    }

    /// From `(form, count)` pairs (counts of a repeated form add up).
    pub fn from_counts(counts: impl IntoIterator<Item = (String, u64)>) -> Self {
        let mut map = FxMap::default();
        for (k, v) in counts {
            *map.entry(k).or_insert(0) += v;
        }
        Self::from_map(map)
    }

    fn from_map(counts: FxMap<String, u64>) -> Self {
        let variants = VariantIndex::build(counts.iter().map(|(k, v)| (k.as_str(), *v)));
        CorpusLexicon { counts, variants }
    }

    /// The index of forms a variant may be corrected towards.
    pub fn variants(&self) -> &VariantIndex {
        &self.variants
    }

    /// How often this exact form occurs.
    pub fn count(&self, form: &str) -> u64 {
        self.counts.get(form).copied().unwrap_or(0)
    }

    /// Number of distinct forms.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// Writes `form<TAB>count` lines, most frequent first (ties alphabetical): deterministic.
    pub fn write_tsv(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let mut rows: Vec<(&String, &u64)> = self.counts.iter().collect();
        rows.sort_unstable_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
        let mut buf = std::io::BufWriter::new(out);
        for (form, count) in rows {
            writeln!(buf, "{form}\t{count}")?;
        }
        buf.flush()
    }

    /// Reads a file written by [`CorpusLexicon::write_tsv`]. Blank lines and `#` comments
    /// are skipped.
    pub fn read_tsv(path: &Path) -> Result<Self, LexiconError> {
        let name = path.display().to_string();
        let io = |source| LexiconError::Io {
            path: name.clone(),
            source,
        };
        let file = std::fs::File::open(path).map_err(io)?;
        let mut counts = FxMap::default();
        for (n, line) in BufReader::new(file).lines().enumerate() {
            let line = line.map_err(io)?;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let parsed = line
                .split_once('\t')
                .and_then(|(w, c)| Some((w.to_owned(), c.trim().parse::<u64>().ok()?)));
            let Some((word, count)) = parsed else {
                return Err(LexiconError::Format {
                    path: name,
                    line: n + 1,
                });
            };
            *counts.entry(word).or_insert(0) += count;
        }
        Ok(Self::from_map(counts))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One document per batch, so merging counts across batches is exercised.
    struct Docs(Vec<Document>);

    impl Corpus for Docs {
        fn for_each_batch(&mut self, visit: &mut dyn FnMut(&[Document])) -> Result<(), StageError> {
            for batch in self.0.chunks(1) {
                visit(batch);
            }
            Ok(())
        }
    }

    #[test]
    fn counts_round_trip_through_tsv() {
        let mut docs = Docs(vec![
            Document::new("a", "Budenz said. Budenz’s book."),
            Document::new("b", "Bundenz and Budenz"),
        ]);
        let lex = CorpusLexicon::from_corpus(&mut docs).unwrap();
        assert_eq!(lex.count("Budenz"), 3);
        assert_eq!(lex.count("Bundenz"), 1);
        let mut buf = Vec::new();
        lex.write_tsv(&mut buf).unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert!(text.starts_with("Budenz\t3\n"), "{text}");
        let dir = std::env::temp_dir().join(format!("galley-cleanup-{}.tsv", std::process::id()));
        std::fs::write(&dir, &text).unwrap();
        let back = CorpusLexicon::read_tsv(&dir).unwrap();
        std::fs::remove_file(&dir).ok();
        assert_eq!(back.count("Budenz"), 3);
        let mut buf = Vec::new();
        assert_eq!(
            back.variants()
                .neighbours("bundenz", &mut buf)
                .collect::<Vec<_>>(),
            ["budenz"]
        );
    }

    #[test]
    fn malformed_tsv_names_the_line() {
        let path =
            std::env::temp_dir().join(format!("galley-cleanup-bad-{}.tsv", std::process::id()));
        std::fs::write(&path, "ok\t1\nbroken line\n").unwrap();
        let err = CorpusLexicon::read_tsv(&path).unwrap_err().to_string();
        std::fs::remove_file(&path).ok();
        assert!(err.ends_with(":2: expected `word<TAB>count`"), "{err}");
    }
}
