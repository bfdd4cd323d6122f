//! The embedded English lexicon (word and bigram counts, SCOWL spellings, the CMU Sphinx
//! back-off bigram model) and the symmetric-delete index that finds dictionary words within
//! a couple of edits of a token. Built once per process from tables `build.rs` derives
//! from the vendored lists (the model's tables are used in place, never parsed).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use rayon::prelude::*;

/// rustc's Fx hash: a multiply-rotate per word, far faster than SipHash on short keys, and
/// the keys here are our own data, so hash flooding is no concern.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        // A multiply mixes upwards only: the low bits, which pick the bucket, would depend
        // on the key's low bits alone (one bigram's second word). Rotate the mixed high bits
        // down, as rustc-hash 2 does.
        self.hash.rotate_left(26)
    }
}

pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The last 1–7 bytes of a word as a zero-padded little-endian `u64`, by two overlapping
/// loads (a variable-length copy into a buffer costs a `memcpy` call per word).
#[inline]
fn le_tail(rest: &[u8]) -> u64 {
    let n = rest.len();
    if n >= 4 {
        let lo = u64::from(u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]));
        let hi = u64::from(u32::from_le_bytes([
            rest[n - 4],
            rest[n - 3],
            rest[n - 2],
            rest[n - 1],
        ]));
        lo | hi << (8 * (n - 4))
    } else if n >= 2 {
        let lo = u64::from(u16::from_le_bytes([rest[0], rest[1]]));
        let hi = u64::from(u16::from_le_bytes([rest[n - 2], rest[n - 1]]));
        lo | hi << (8 * (n - 2))
    } else {
        rest.first().map_or(0, |&b| u64::from(b))
    }
}

/// A hash of a whole word, 8 bytes at a time with a final mix, used as the key itself so a
/// lookup compares integers and touches one word's bytes only to confirm a hit.
#[inline]
pub(crate) fn word_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        h = (h.rotate_left(23) ^ le_u64(c)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        h = (h.rotate_left(23) ^ le_tail(rest)).wrapping_mul(K);
    }
    h ^= h >> 32;
    h = h.wrapping_mul(0xD6E8_FEB8_6659_FD93);
    h ^ (h >> 29)
}

/// String equality without a `memcmp` call for the short strings words are.
#[inline]
pub(crate) fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    if a.len() > 16 {
        return a == b;
    }
    a.iter().zip(b).all(|(x, y)| x == y)
}

/// For keys that are already good hashes ([`word_hash`]).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct PreHashed(u64);

impl Hasher for PreHashed {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(FX_SEED);
        }
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// FNV-1a over a byte string with one position skipped, so every single-character deletion
/// of a word is hashed without building the string.
#[inline]
pub(crate) fn hash_skip(bytes: &[u8], skip: Option<usize>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, &b) in bytes.iter().enumerate() {
        if Some(i) != skip {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Symmetric-delete index (SymSpell with distance 1 on each side): every word is stored
/// under its own hash and the hash of each single-character deletion. Looking up a token and
/// its deletions finds every word one insertion, deletion, substitution or transposition
/// away, and many two-edit neighbours, with at most `len + 1` binary searches.
#[derive(Debug, Default, Clone)]
pub struct DeleteIndex {
    /// (key hash, id << 1 | is-the-word-itself), sorted.
    entries: Vec<(u64, u32)>,
}

impl DeleteIndex {
    /// Indexes `(id, lower-case ASCII word)` pairs.
    pub fn build<'a>(words: impl Iterator<Item = (u32, &'a str)>) -> Self {
        let mut entries = Vec::new();
        for (id, word) in words {
            let bytes = word.as_bytes();
            entries.push((hash_skip(bytes, None), id << 1 | 1));
            for i in 0..bytes.len() {
                // Deleting either letter of a double gives the same key: store it once.
                if i > 0 && bytes[i] == bytes[i - 1] {
                    continue;
                }
                entries.push((hash_skip(bytes, Some(i)), id << 1));
            }
        }
        // Per-document indexes are small: threads would cost more than they save.
        if entries.len() > 1 << 16 {
            entries.par_sort_unstable();
        } else {
            entries.sort_unstable();
        }
        entries.dedup();
        DeleteIndex { entries }
    }

    fn hits(&self, key: u64) -> &[(u64, u32)] {
        let lo = self.entries.partition_point(|e| e.0 < key);
        let hi = lo + self.entries[lo..].partition_point(|e| e.0 == key);
        &self.entries[lo..hi]
    }

    /// Ids of indexed words that may lie within edit distance 2 of `word` (lower-case ASCII);
    /// callers verify with a real distance. Appends to `out`, deduplicated.
    pub fn candidates(&self, word: &str, out: &mut Vec<u32>) {
        let start = out.len();
        let bytes = word.as_bytes();
        for &(_, v) in self.hits(hash_skip(bytes, None)) {
            out.push(v >> 1);
        }
        for i in 0..bytes.len() {
            if i > 0 && bytes[i] == bytes[i - 1] {
                continue;
            }
            for &(_, v) in self.hits(hash_skip(bytes, Some(i))) {
                out.push(v >> 1);
            }
        }
        out[start..].sort_unstable();
        let mut w = start;
        for r in start..out.len() {
            if r == start || out[r] != out[w - 1] {
                out[w] = out[r];
                w += 1;
            }
        }
        out.truncate(w);
    }

    /// Ids of indexed words exactly equal to `word`'s hash (used for rewritten forms).
    pub fn exact(&self, word: &str, out: &mut Vec<u32>) {
        for &(_, v) in self.hits(hash_skip(word.as_bytes(), None)) {
            if v & 1 == 1 && !out.contains(&(v >> 1)) {
                out.push(v >> 1);
            }
        }
    }
}

static WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/words.txt"));
static COUNTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/counts.bin"));
static BIGRAMS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bigrams.bin"));
static LM_UNIGRAMS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lm_unigrams.bin"));
static LM_OFFSETS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lm_offsets.bin"));
static LM_SECONDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lm_seconds.bin"));
static LM_PROBS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lm_probs.bin"));
static RARE: &str = include_str!(concat!(env!("OUT_DIR"), "/rare.txt"));

fn le_u64(b: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&b[..8]);
    u64::from_le_bytes(w)
}

fn le_u32(b: &[u8]) -> u32 {
    let mut w = [0u8; 4];
    w.copy_from_slice(&b[..4]);
    u32::from_le_bytes(w)
}

const HOT_SLOTS: usize = 1 << 13;

thread_local! {
    /// (word hash, id or `u32::MAX` for "not listed") by the hash's low bits.
    static HOT: std::cell::RefCell<Box<[(u64, u32)]>> =
        std::cell::RefCell::new(vec![(0, 0); HOT_SLOTS].into_boxed_slice());
}

/// A word's cheap-slip neighbours with the cost of each slip.
type Slips = Box<[(u32, f32)]>;

/// English word frequencies, bigram counts and a delete index over the words.
#[derive(Debug)]
pub struct Lexicon {
    words: Vec<&'static str>,
    counts: Vec<u64>,
    /// Word hash ([`word_hash`]) → id; the id's word is compared on lookup.
    ids: HashMap<u64, u32, BuildHasherDefault<PreHashed>>,
    bigrams: FxMap<u64, u64>,
    /// One bit per hashed bigram: a 1 MB presence filter that answers "listed?" from cache
    /// for the many lookups that only need that (false positives ≈ 3%, never negatives).
    bigram_bits: Vec<u64>,
    total: f64,
    /// Built on first use: only non-words and the real-word layer's first look at a word
    /// need it, so a run pays for it once and only if it corrects anything.
    index: OnceLock<DeleteIndex>,
    /// Per word, its cheap-slip neighbours, computed on first use: running text repeats its
    /// words, so the real-word layer searches each vocabulary word once, not per token.
    slips: Vec<OnceLock<Slips>>,
    /// Words both followed and preceded by something in a bigram of at least
    /// [`STRONG_BIGRAM`] (sorted; a few thousand), built on first use.
    strong: OnceLock<Vec<u32>>,
    /// Per word, the strong words one plain edit away, memoised like `slips`.
    near_strong: Vec<OnceLock<Slips>>,
    /// Ids of the lower-case words in alphabetical order, built on first use: the words
    /// sharing a long non-word's opening, for edits the delete index cannot reach.
    sorted: OnceLock<Vec<u32>>,
    /// Per word, every dictionary word one edit away (cost at most
    /// [`crate::channel::PLAIN`]), memoised like `slips`.
    near: Vec<OnceLock<Slips>>,
    /// One bit per hashed language-model pair, built on first use: most pairs the context
    /// layer asks about are absent, and the bit settles them without a binary search over
    /// megabytes (false positives ≈ 5%, never negatives).
    lm_bits: OnceLock<Vec<u64>>,
    /// Rarer valid words no frequency list has (SCOWL 60/70), sorted, split on first use.
    rare: OnceLock<Vec<&'static str>>,
}

/// Words more frequent than this (the, has, not, …) are neither judged nor proposed by
/// the real-word layer.
pub(crate) const COMMON: u64 = 300_000_000;

/// A bigram this common (100 times the list's floor) is overwhelming evidence for itself.
pub(crate) const STRONG_BIGRAM: u64 = 640_000_000;

impl Lexicon {
    /// The lexicon compiled into the binary, built on first use.
    pub fn embedded() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::load_embedded)
    }

    /// Indexes the embedded tables (what [`Lexicon::embedded`] caches). `build.rs` parsed
    /// the vendored lists into words in id order, counts and id-pair bigrams.
    pub fn load_embedded() -> Lexicon {
        let words: Vec<&'static str> = WORDS.split('\n').collect();
        let counts: Vec<u64> = COUNTS.chunks_exact(8).map(le_u64).collect();
        let mut ids = HashMap::with_capacity_and_hasher(words.len(), Default::default());
        for (i, w) in words.iter().enumerate() {
            // A 64-bit collision between two listed words would hide the rarer one; with
            // 100k words the odds are about 1 in 10^9.
            ids.entry(word_hash(w.as_bytes())).or_insert(i as u32);
        }
        let mut bigrams = FxMap::default();
        bigrams.reserve(BIGRAMS.len() / 16);
        let mut bigram_bits = vec![0u64; BIGRAM_BITS / 64];
        for rec in BIGRAMS.chunks_exact(16) {
            let key = pair(le_u32(&rec[..4]), le_u32(&rec[4..8]));
            bigrams.insert(key, le_u64(&rec[8..]));
            let h = bit_of(key);
            bigram_bits[h / 64] |= 1 << (h % 64);
        }
        let total = counts.iter().map(|&c| c as f64).sum::<f64>().max(1.0);
        let slips = (0..words.len()).map(|_| OnceLock::new()).collect();
        let near_strong = (0..words.len()).map(|_| OnceLock::new()).collect();
        let near = (0..words.len()).map(|_| OnceLock::new()).collect();
        Lexicon {
            words,
            counts,
            ids,
            bigrams,
            bigram_bits,
            total,
            index: OnceLock::new(),
            slips,
            strong: OnceLock::new(),
            near_strong,
            sorted: OnceLock::new(),
            near,
            lm_bits: OnceLock::new(),
            rare: OnceLock::new(),
        }
    }

    /// Id of a lower-case word.
    #[inline]
    pub fn id(&self, lower: &str) -> Option<u32> {
        self.id_hashed(word_hash(lower.as_bytes()), lower)
    }

    /// [`Lexicon::id`] when the caller already has `word_hash(lower)`.
    #[inline]
    pub(crate) fn id_hashed(&self, hash: u64, lower: &str) -> Option<u32> {
        let id = *self.ids.get(&hash)?;
        same(self.word(id), lower).then_some(id)
    }

    /// [`Lexicon::id_hashed`] through a small per-thread cache: documents repeat the same
    /// few thousand words, and the cache stays in L2 where the full table (megabytes)
    /// misses on every lookup. Only for the embedded lexicon (the cache does not say
    /// which lexicon filled it).
    #[inline]
    pub(crate) fn id_cached(&self, hash: u64, lower: &str) -> Option<u32> {
        const NONE: u32 = u32::MAX;
        let slot = (hash as usize) & (HOT_SLOTS - 1);
        let hit = HOT.with(|hot| {
            let (h, id) = hot.borrow()[slot];
            (h == hash && h != 0).then_some(id)
        });
        match hit {
            Some(NONE) => None,
            // A stored id is confirmed like any lookup (64-bit hash collisions aside).
            Some(id) => same(self.word(id), lower).then_some(id),
            None => {
                let id = self.id_hashed(hash, lower);
                HOT.with(|hot| hot.borrow_mut()[slot] = (hash, id.unwrap_or(NONE)));
                id
            }
        }
    }

    pub fn word(&self, id: u32) -> &str {
        self.words.get(id as usize).copied().unwrap_or("")
    }

    pub fn count(&self, id: u32) -> u64 {
        self.counts.get(id as usize).copied().unwrap_or(0)
    }

    /// Count of a lower-case word (0 when unknown).
    pub fn count_of(&self, lower: &str) -> u64 {
        self.id(lower).map_or(0, |id| self.count(id))
    }

    /// Sum of all word counts.
    pub fn total(&self) -> f64 {
        self.total
    }

    /// Count of the bigram `a b` (0 when not listed).
    pub fn bigram(&self, a: u32, b: u32) -> u64 {
        self.bigrams.get(&pair(a, b)).copied().unwrap_or(0)
    }

    /// Dictionary words one plain edit from word `id` (cost at most
    /// [`crate::channel::PLAIN`]) that stand in a bigram of at least [`STRONG_BIGRAM`] on
    /// each side of them and are not too common to propose ([`COMMON`]), with the edit's
    /// cost; memoised per word. Most words have none.
    pub(crate) fn near_strong(&self, id: u32) -> &[(u32, f32)] {
        let Some(cell) = self.near_strong.get(id as usize) else {
            return &[];
        };
        cell.get_or_init(|| {
            let strong = self.strong.get_or_init(|| {
                let mut firsts = Vec::new();
                let mut seconds = Vec::new();
                for (&key, &count) in &self.bigrams {
                    if count >= STRONG_BIGRAM {
                        firsts.push((key >> 32) as u32);
                        seconds.push(key as u32);
                    }
                }
                firsts.sort_unstable();
                seconds.sort_unstable();
                seconds.dedup();
                seconds.retain(|w| firsts.binary_search(w).is_ok());
                seconds
            });
            let word = self.word(id);
            let mut ids = Vec::new();
            self.index().candidates(word, &mut ids);
            ids.into_iter()
                .filter(|&c| c != id && self.count(c) <= COMMON && strong.binary_search(&c).is_ok())
                .map(|c| (c, crate::channel::cost(word, self.word(c), false)))
                .filter(|&(_, cost)| cost <= crate::channel::PLAIN)
                .collect()
        })
    }

    /// Ids of the lower-case words that begin with `prefix`: the delete index reaches one
    /// edit, and a long word's two slips (`incomprehensive`) seldom touch its opening.
    pub(crate) fn starting_with(&self, prefix: &str, out: &mut Vec<u32>) {
        let sorted = self.sorted.get_or_init(|| {
            let mut ids: Vec<u32> = (0..self.words.len() as u32)
                .filter(|&i| {
                    self.words[i as usize]
                        .bytes()
                        .all(|b| b.is_ascii_lowercase())
                })
                .collect();
            ids.sort_unstable_by_key(|&i| self.words[i as usize]);
            ids
        });
        let from = sorted.partition_point(|&i| self.words[i as usize] < prefix);
        out.extend(
            sorted[from..]
                .iter()
                .take_while(|&&i| self.words[i as usize].starts_with(prefix)),
        );
    }

    /// The language model's log10 P(word) and back-off weight, when it has the word.
    fn lm_unigram(&self, id: u32) -> Option<(f32, f32)> {
        let at = id as usize * 8;
        let rec = LM_UNIGRAMS.get(at..at + 8)?;
        let lp = f32::from_le_bytes([rec[0], rec[1], rec[2], rec[3]]);
        let bow = f32::from_le_bytes([rec[4], rec[5], rec[6], rec[7]]);
        (!lp.is_nan()).then_some((lp, bow))
    }

    /// Whether the language model has word `id`.
    pub(crate) fn lm_knows(&self, id: u32) -> bool {
        self.lm_unigram(id).is_some()
    }

    /// log10 P(b | a) of the bigram `a b` when the language model lists it (it saw the pair
    /// often enough to keep it).
    pub(crate) fn lm_bigram(&self, a: u32, b: u32) -> Option<f32> {
        let bits = self.lm_bits.get_or_init(|| {
            let mut bits = vec![0u64; LM_BITS / 64];
            for first in 0..(LM_OFFSETS.len() / 4).saturating_sub(1) {
                let (Some(lo), Some(hi)) =
                    (lm_u32(LM_OFFSETS, first), lm_u32(LM_OFFSETS, first + 1))
                else {
                    continue;
                };
                for at in lo as usize..hi as usize {
                    if let Some(second) = lm_u32(LM_SECONDS, at) {
                        let h = lm_bit_of(pair(first as u32, second));
                        bits[h / 64] |= 1 << (h % 64);
                    }
                }
            }
            bits
        });
        let h = lm_bit_of(pair(a, b));
        if bits.get(h / 64).is_none_or(|w| w & (1 << (h % 64)) == 0) {
            return None;
        }
        let u32_at = lm_u32;
        let (mut lo, mut hi) = (
            u32_at(LM_OFFSETS, a as usize)? as usize,
            u32_at(LM_OFFSETS, a as usize + 1)? as usize,
        );
        while lo < hi {
            let mid = (lo + hi) / 2;
            match u32_at(LM_SECONDS, mid)?.cmp(&b) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => {
                    let p = i16::from_le_bytes([LM_PROBS[mid * 2], LM_PROBS[mid * 2 + 1]]);
                    return Some(f32::from(p) / 100.0);
                }
            }
        }
        None
    }

    /// log10 P(b | a) by the back-off bigram model (listed, else back-off weight of `a` times
    /// P(b)); `None` when the model lacks either word.
    pub(crate) fn lm_follow(&self, a: u32, b: u32) -> Option<f32> {
        let (_, bow) = self.lm_unigram(a)?;
        let (lp_b, _) = self.lm_unigram(b)?;
        Some(self.lm_bigram(a, b).unwrap_or(bow + lp_b))
    }

    /// ln P(x | p) · P(n | x) by the language model, backing off for words it lacks: such a
    /// word gets its frequency-list probability and follows a word by that word's back-off
    /// weight. No `p`: P(x) alone; no `n`: nothing to the right.
    pub(crate) fn lm_context(&self, p: Option<u32>, x: u32, n: Option<u32>) -> f64 {
        let uni = |w: u32| {
            self.lm_unigram(w).map_or_else(
                || ((self.count(w) as f64).max(1.0) / self.total()).log10(),
                |(lp, _)| f64::from(lp),
            )
        };
        let follow = |a: u32, b: u32| match self.lm_bigram(a, b) {
            Some(lp) => f64::from(lp),
            None => self.lm_unigram(a).map_or(0.0, |(_, bow)| f64::from(bow)) + uni(b),
        };
        let left = p.map_or_else(|| uni(x), |p| follow(p, x));
        let right = n.map_or(0.0, |n| follow(x, n));
        (left + right) * std::f64::consts::LN_10
    }

    /// Whether the bigram `a b` may be listed (no false negatives).
    pub fn maybe_bigram(&self, a: u32, b: u32) -> bool {
        let h = bit_of(pair(a, b));
        self.bigram_bits
            .get(h / 64)
            .is_some_and(|w| w & (1 << (h % 64)) != 0)
    }

    pub fn index(&self) -> &DeleteIndex {
        self.index.get_or_init(|| {
            DeleteIndex::build(
                self.words
                    .iter()
                    .enumerate()
                    .filter(|(_, w)| w.len() >= 3 && w.bytes().all(|b| b.is_ascii_lowercase()))
                    .map(|(i, w)| (i as u32, &**w)),
            )
        })
    }

    /// Ids of dictionary words within the delete index's reach of `word` or one multi-letter
    /// glyph rewrite from it (`rn` for `m`), sorted and without repeats.
    fn one_slip_ids(&self, word: &str) -> Vec<u32> {
        let mut ids = Vec::new();
        self.index().candidates(word, &mut ids);
        for r in crate::channel::multi_rewrites(word) {
            self.index().exact(&r, &mut ids);
        }
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Dictionary words of three letters or more, not too common to propose ([`COMMON`]) and
    /// known to the language model, one edit (any letter added, dropped or changed, a
    /// transposition, a glyph confusion) from word `id`, with the edit's cost; memoised per
    /// word: the real-word layer's model candidates.
    pub(crate) fn near(&self, id: u32) -> &[(u32, f32)] {
        let Some(cell) = self.near.get(id as usize) else {
            return &[];
        };
        cell.get_or_init(|| {
            let word = self.word(id);
            let ids = self.one_slip_ids(word);
            ids.into_iter()
                .filter(|&c| {
                    c != id
                        && self.word(c).len() >= 3
                        && self.count(c) <= COMMON
                        && self.lm_knows(c)
                })
                .map(|c| (c, crate::channel::cost(word, self.word(c), false)))
                .filter(|&(_, cost)| cost <= crate::channel::PLAIN)
                .collect()
        })
    }

    /// Dictionary words one cheap slip (glyph confusion, transposition, doubled letter) from
    /// word `id`, with the slip's cost, memoised per word.
    pub fn slips(&self, id: u32) -> &[(u32, f32)] {
        let Some(cell) = self.slips.get(id as usize) else {
            return &[];
        };
        cell.get_or_init(|| {
            let word = self.word(id);
            let ids = self.one_slip_ids(word);
            // With the channel cost of each, so callers never recompute it.
            ids.into_iter()
                .filter(|&c| c != id)
                .map(|c| (c, crate::channel::cost(word, self.word(c), false)))
                .filter(|&(_, cost)| cost <= crate::channel::CHEAP)
                .collect()
        })
    }

    /// Whether a lower-case word is in the larger, permissive word list (SCOWL sizes 60/70:
    /// `regnal`, `bulleted`, `lynchers`): a valid rare word, never a correction target.
    pub fn rare_valid(&self, lower: &str) -> bool {
        let rare = self.rare.get_or_init(|| RARE.split('\n').collect());
        rare.binary_search(&lower).is_ok()
    }

    /// Whether `lower` opens a listed word at least two letters longer, as an abbreviation
    /// does (`unan` for unanimous, `repr` for representative).
    pub fn abbreviates(&self, lower: &str) -> bool {
        let mut ids = Vec::new();
        self.starting_with(lower, &mut ids);
        ids.iter().any(|&id| self.word(id).len() >= lower.len() + 2)
    }

    /// Whether a lower-case word is English as the lexicon knows it, accepting British and
    /// American spellings of each other (`bureaucratisation`, `labour`, `kilometres`).
    pub fn knows(&self, lower: &str) -> bool {
        self.listed(lower) || self.derived(lower)
    }

    /// Listed, in this spelling or the other one.
    pub fn listed(&self, lower: &str) -> bool {
        self.id(lower).is_some() || spelling_variants(lower).any(|v| self.id(&v).is_some())
    }

    /// A productive prefix or suffix on a known stem (`comradely`, `anti-`less `antifascist`,
    /// `Stalinism`): valid words no list enumerates. Only a guess (`freeddom` is `freed` +
    /// `dom`, `cansists` is `cans` + `ists`), so the spelling layer still corrects one that
    /// is a single cheap slip from a listed word.
    pub fn derived(&self, lower: &str) -> bool {
        const SUFFIXES: &[&str] = &[
            "ly", "ness", "ism", "isms", "ist", "ists", "less", "ship", "dom",
        ];
        const PREFIXES: &[&str] = &[
            "un", "non", "anti", "re", "pre", "counter", "semi", "pseudo", "ultra", "over",
            "under", "inter",
        ];
        let known = |stem: &str| {
            stem.len() >= 4
                && (self.id(stem).is_some()
                    || spelling_variants(stem).any(|v| self.id(&v).is_some()))
        };
        SUFFIXES.iter().any(|s| {
            lower
                .strip_suffix(s)
                .is_some_and(|stem| known(stem) || stem.strip_suffix('e').is_some_and(known))
        }) || PREFIXES
            .iter()
            .any(|p| lower.strip_prefix(p).is_some_and(known))
    }
}

impl Lexicon {
    /// Whether two lower-case words are British/American spellings of one word.
    pub fn same_word(&self, a: &str, b: &str) -> bool {
        spelling_variants(a).any(|v| v == b)
    }
}

const BIGRAM_BITS: usize = 1 << 23;

#[inline]
fn bit_of(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - 23)) as usize
}

/// Bits of the language model's pair filter (4 MB for its 1.8 million pairs).
const LM_BITS: usize = 1 << 25;

#[inline]
fn lm_bit_of(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - 25)) as usize
}

/// The `i`th little-endian `u32` of an embedded table.
#[inline]
fn lm_u32(bytes: &[u8], i: usize) -> Option<u32> {
    bytes
        .get(i * 4..i * 4 + 4)
        .map(|r| u32::from_le_bytes([r[0], r[1], r[2], r[3]]))
}

#[inline]
fn pair(a: u32, b: u32) -> u64 {
    u64::from(a) << 32 | u64::from(b)
}

/// British ↔ American suffix pairs: a word ending in one is accepted when the form ending in
/// the other is known. Both directions, because either list may hold only one form.
const SPELLING_PAIRS: &[(&str, &str)] = &[
    ("isation", "ization"),
    ("isations", "izations"),
    ("ise", "ize"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ising", "izing"),
    ("iser", "izer"),
    ("isers", "izers"),
    ("our", "or"),
    ("ours", "ors"),
    ("oured", "ored"),
    ("ouring", "oring"),
    ("ourable", "orable"),
    ("ourite", "orite"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("ence", "ense"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ller", "ler"),
    ("ogue", "og"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("ysing", "yzing"),
];

/// Whether `stem` ends in a vowel that follows a consonant (`trave`, not `fai`).
fn after_single_vowel(stem: &str) -> bool {
    let vowel = |b: u8| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u');
    match stem.as_bytes() {
        [.., a, b] => vowel(*b) && !vowel(*a),
        _ => false,
    }
}

/// The other-spelling forms of `lower` (suffix swaps above).
fn spelling_variants(lower: &str) -> impl Iterator<Item = String> + '_ {
    SPELLING_PAIRS.iter().flat_map(move |&(a, b)| {
        [(a, b), (b, a)].into_iter().filter_map(move |(from, to)| {
            lower
                .strip_suffix(from)
                .filter(|stem| stem.len() >= 2)
                // British doubles the `l` after one vowel (`travelled`); `failled` or
                // `expellled` is a slip, not a spelling.
                .filter(|stem| !from.starts_with("ll") || after_single_vowel(stem))
                .map(|stem| format!("{stem}{to}"))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_tails_load_as_zero_padded_words() {
        let bytes = b"abcdefgh";
        for n in 0..=8 {
            let mut w = [0u8; 8];
            w[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(le_tail(&bytes[..n]), u64::from_le_bytes(w), "{n} bytes");
        }
    }

    #[test]
    fn embedded_lexicon_loads_and_knows_both_spellings() {
        let lex = Lexicon::embedded();
        assert!(lex.count_of("the") > 1_000_000_000);
        for w in [
            "organised",
            "defence",
            "programme",
            "labour",
            "kilometres",
            "bureaucratisation",
            "collectivisation",
            "grovelling",
            "kasha",
            "organized",
            "color",
        ] {
            assert!(lex.knows(w), "{w}");
        }
        assert!(!lex.knows("figurh"));
        // The British double `l` follows one vowel only.
        assert!(lex.knows("signalled") && lex.knows("modelling"));
        assert!(!lex.knows("failled") && !lex.knows("expellled"));
        assert!(lex.knows("comradely") && lex.knows("antifascist"));
        let (the, trials) = (lex.id("the").unwrap(), lex.id("trials").unwrap());
        assert!(lex.bigram(the, trials) > 0);
    }

    #[test]
    fn delete_index_finds_one_edit_neighbours() {
        let words = ["figure", "bloody", "press", "trotsky"];
        let index = DeleteIndex::build(words.iter().enumerate().map(|(i, w)| (i as u32, *w)));
        let find = |w: &str| {
            let mut out = Vec::new();
            index.candidates(w, &mut out);
            out.iter().map(|&i| words[i as usize]).collect::<Vec<_>>()
        };
        assert_eq!(find("figurh"), ["figure"]); // substitution
        assert_eq!(find("pres"), ["press"]); // deletion
        assert_eq!(find("trotksy"), ["trotsky"]); // transposition
        assert_eq!(find("blooddy"), ["bloody"]); // insertion
        assert!(find("zebra").is_empty());
    }
}
