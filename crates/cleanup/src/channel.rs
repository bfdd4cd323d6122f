//! The error model of the noisy channel: a weighted Damerau–Levenshtein distance in which
//! the slips OCR and typists actually make (glyph confusions such as rn↔m or l↔i, doubled
//! or dropped letters, transpositions) cost less than arbitrary edits.

/// Pairs of letters OCR confuses (either direction).
const CONFUSABLE: &[(u8, u8)] = &[
    (b'l', b'i'),
    (b'l', b't'),
    (b'i', b'j'),
    (b'i', b't'),
    (b'e', b'c'),
    (b'e', b'o'),
    (b'c', b'o'),
    (b'h', b'b'),
    (b'h', b'n'),
    (b'n', b'u'),
    (b'n', b'm'),
    (b'c', b'g'),
    (b'f', b't'),
    (b'v', b'y'),
    (b'u', b'v'),
    (b'a', b'o'),
    (b'g', b'q'),
];

/// Letter groups OCR reads as one another (either direction).
const MULTI: &[(&[u8], &[u8])] = &[
    (b"rn", b"m"),
    (b"cl", b"d"),
    (b"li", b"h"),
    (b"vv", b"w"),
    (b"ii", b"u"),
    (b"in", b"m"),
];

/// [`MULTI`] in both directions: (letters observed, letters of the candidate).
const DIRECTIONS: usize = 2 * MULTI.len();
const _: () = assert!(DIRECTIONS <= 16, "the distance keeps them in a u16");

/// `slice::ends_with` without its `memcmp` call, for needles of a letter or two.
fn ends_with(hay: &[u8], needle: &[u8]) -> bool {
    hay.len() >= needle.len()
        && hay[hay.len() - needle.len()..]
            .iter()
            .zip(needle)
            .all(|(x, y)| x == y)
}

fn multi_directions() -> [(&'static [u8], &'static [u8]); DIRECTIONS] {
    std::array::from_fn(|k| {
        let (x, y) = MULTI[k / 2];
        if k % 2 == 0 {
            (x, y)
        } else {
            (y, x)
        }
    })
}

pub const CONFUSION: f32 = 0.5;
pub const TRANSPOSE: f32 = 0.6;
pub const DOUBLING: f32 = 0.6;
pub const PLAIN: f32 = 1.0;
pub const TRAILING: f32 = 0.6;
/// The most a slip may cost to count as cheap (a confusion, transposition or doubling).
pub const CHEAP: f32 = 0.6;
/// Cost standing for "not allowed" in strict mode.
pub const FORBIDDEN: f32 = 9.0;

/// Per ASCII byte, the letters it is confusable with as a bit set (`a` is bit 0): the
/// distance asks for every mismatched pair of letters, so the list is folded into a table.
const CONFUSABLE_WITH: [u32; 128] = {
    let mut table = [0u32; 128];
    let mut k = 0;
    while k < CONFUSABLE.len() {
        let (x, y) = CONFUSABLE[k];
        table[x as usize] |= 1 << (y - b'a');
        table[y as usize] |= 1 << (x - b'a');
        k += 1;
    }
    table
};

fn confusable(a: u8, b: u8) -> bool {
    // Every listed pair is of lower-case letters.
    b.is_ascii_lowercase()
        && CONFUSABLE_WITH
            .get(usize::from(a))
            .is_some_and(|m| m & (1 << (b - b'a')) != 0)
}

/// The multi-letter rewrites of `word` (each occurrence of one side replaced by the other),
/// for looking up words the single-edit index cannot reach.
pub fn multi_rewrites(word: &str) -> Vec<String> {
    let bytes = word.as_bytes();
    let mut out = Vec::new();
    for &(x, y) in MULTI {
        for (from, to) in [(x, y), (y, x)] {
            let mut at = 0;
            while let Some(pos) = find(&bytes[at..], from) {
                let p = at + pos;
                let mut v = Vec::with_capacity(bytes.len() + 1);
                v.extend_from_slice(&bytes[..p]);
                v.extend_from_slice(to);
                v.extend_from_slice(&bytes[p + from.len()..]);
                if let Ok(s) = String::from_utf8(v) {
                    out.push(s);
                }
                at = p + 1;
            }
        }
    }
    out
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Cost of reading candidate `cand` as observed `obs` (both lower-case ASCII).
///
/// `strict` (for names and capitalised words) forbids plain substitutions and adding or
/// dropping a first or last letter: those turn one real name into another (Natalya/Natalia,
/// Sedov/Sedova), while OCR damage inside a word stays allowed.
pub fn cost(obs: &str, cand: &str, strict: bool) -> f32 {
    let a = obs.as_bytes();
    let b = cand.as_bytes();
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 2 || la > 64 || lb > 64 {
        return f32::INFINITY;
    }
    let w = lb + 1;
    let mut d = vec![f32::INFINITY; (la + 1) * w];
    let edge_or = |pos: usize, len: usize, base: f32| {
        if strict && (pos == 1 || pos == len) {
            FORBIDDEN
        } else {
            base
        }
    };
    d[0] = 0.0;
    // Which multi-letter confusions (observed side, candidate side) end at each prefix of
    // either word, as bit sets: worked out once per word, not per cell.
    let dirs = multi_directions();
    let mut obs_ends = [0u16; 65];
    let mut cand_ends = [0u16; 65];
    for (k, (p, q)) in dirs.iter().enumerate() {
        for i in p.len()..=la {
            if ends_with(&a[..i], p) {
                obs_ends[i] |= 1 << k;
            }
        }
        for j in q.len()..=lb {
            if ends_with(&b[..j], q) {
                cand_ends[j] |= 1 << k;
            }
        }
    }
    for i in 0..=la {
        for j in 0..=lb {
            if i == 0 && j == 0 {
                continue;
            }
            let mut best = f32::INFINITY;
            if i > 0 {
                // obs has an extra letter a[i-1].
                let doubled = (i >= 2 && a[i - 2] == a[i - 1]) || (i < la && a[i] == a[i - 1]);
                // A stray last letter (speckle, a slipped key) keeps the stem: a little
                // cheaper than changing the ending into another word's.
                let trailing = if i == la && !strict { TRAILING } else { PLAIN };
                let c = if doubled {
                    DOUBLING
                } else {
                    edge_or(i, la, trailing)
                };
                best = best.min(d[(i - 1) * w + j] + c);
            }
            if j > 0 {
                // obs lacks the letter b[j-1].
                let doubled = (j >= 2 && b[j - 2] == b[j - 1]) || (j < lb && b[j] == b[j - 1]);
                let c = if doubled {
                    DOUBLING
                } else {
                    edge_or(j, lb, PLAIN)
                };
                best = best.min(d[i * w + j - 1] + c);
            }
            if i > 0 && j > 0 {
                let c = if a[i - 1] == b[j - 1] {
                    0.0
                } else if confusable(a[i - 1], b[j - 1]) {
                    CONFUSION
                } else if strict {
                    FORBIDDEN
                } else {
                    PLAIN
                };
                best = best.min(d[(i - 1) * w + j - 1] + c);
            }
            if i > 1
                && j > 1
                && a[i - 1] == b[j - 2]
                && a[i - 2] == b[j - 1]
                && a[i - 1] != a[i - 2]
            {
                best = best.min(d[(i - 2) * w + j - 2] + TRANSPOSE);
            }
            let mut both = obs_ends[i] & cand_ends[j];
            while both != 0 {
                let (p, q) = dirs[both.trailing_zeros() as usize];
                both &= both - 1;
                best = best.min(d[(i - p.len()) * w + j - q.len()] + CONFUSION);
            }
            d[i * w + j] = best;
        }
    }
    d[la * w + lb]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_confusion_table_is_the_list() {
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                let listed = CONFUSABLE
                    .iter()
                    .any(|&(x, y)| (x == a && y == b) || (x == b && y == a));
                assert_eq!(confusable(a, b), listed, "{a} {b}");
            }
        }
    }

    #[test]
    fn ocr_slips_are_cheap() {
        assert_eq!(cost("modern", "modern", false), 0.0);
        assert_eq!(cost("rnodern", "modern", true), CONFUSION);
        assert_eq!(cost("soiovka", "solovka", true), CONFUSION);
        assert_eq!(cost("trotksy", "trotsky", true), TRANSPOSE);
        assert_eq!(cost("pres", "press", false), DOUBLING);
        assert_eq!(cost("figurh", "figure", false), PLAIN);
        assert_eq!(cost("bundenz", "budenz", true), PLAIN);
    }

    #[test]
    fn strict_mode_keeps_names_apart() {
        assert!(cost("natalya", "natalia", true) > PLAIN);
        assert!(cost("sedova", "sedov", true) > PLAIN);
        assert!(cost("sedoff", "sedov", true) > PLAIN);
        assert!(cost("natalya", "natalia", false) <= PLAIN);
    }

    #[test]
    fn rewrites_cover_multi_letter_confusions() {
        assert!(multi_rewrites("rnodern").contains(&"modern".to_owned()));
        assert!(multi_rewrites("clamp").contains(&"damp".to_owned()));
        assert!(multi_rewrites("ciass").is_empty());
    }
}
