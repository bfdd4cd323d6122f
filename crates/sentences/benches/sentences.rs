//! Single-thread throughput on generated archive-style text (seeded, no downloads): headings,
//! datelines, letters, lists, quotations, abbreviations, initials, numbers and curly quotes.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use galley_sentences::Splitter;

/// xorshift64*: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// Ordinary prose words.
const WORDS: &[&str] = &[
    "the",
    "workers",
    "of",
    "Vorkuta",
    "struck",
    "against",
    "bureaucracy",
    "and",
    "Stalin’s",
    "regime",
    "in",
    "camps",
    "were",
    "Trotskyists",
    "who",
    "refused",
    "to",
    "work",
    "party",
    "Opposition",
    "Central",
    "Committee",
    "revolution",
    "Trotsky",
    "Kamenev",
    "Zinoviev",
    "Bukharin",
    "comrades",
    "Moscow",
    "congress",
    "hunger",
    "strike",
    "prisoners",
    "barracks",
    "administration",
    "demanded",
    "political",
    "criminals",
    "exile",
    "letter",
    "wrote",
    "said",
    "International",
    "proletariat",
    "government",
    "struggle",
    "against",
    "capitalism",
    "was",
    "had",
    "been",
    "their",
    "with",
    "from",
    "which",
    "that",
    "this",
    "for",
    "by",
    "on",
    "at",
    "whole",
    "winter",
    "tundra",
    "guards",
    "executions",
    "convoy",
    "brickyard",
    "terror",
];

/// The archive's abbreviations, initials, numbers and quotations, mixed in at about one
/// per sentence.
const SPECIAL: &[&str] = &[
    "L.D.",
    "Mr.",
    "Vol. 12",
    "No. 17",
    "p. 4",
    "1929",
    "per cent.",
    "etc.",
    "e.g.",
    "U.S.",
    "“apparatus”",
    "(so-called)",
    "10s. 6d.",
    "1,000",
    "3.5",
    "a.m.",
    "–",
    "Dr.",
    "St.",
    "V.I. Lenin",
    "pp. 229–30",
    "c. 1880",
    "Jan. 5",
    "ibid.",
    "“comrades,”",
];
const ENDS: &[&str] = &[".", ".", ".", ".", "?", "!", ".”", "…", ".)"];

fn sentence(rng: &mut Rng, out: &mut String) {
    let n = 8 + rng.next() % 30;
    for k in 0..n {
        let w = if rng.next().is_multiple_of(20) {
            rng.pick(SPECIAL)
        } else {
            rng.pick(WORDS)
        };
        if k == 0 {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                out.extend(f.to_uppercase());
                out.push_str(c.as_str());
            }
        } else {
            out.push(' ');
            out.push_str(w);
        }
    }
    out.push_str(rng.pick(ENDS));
}

fn archive_text(bytes: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let mut out = String::with_capacity(bytes + 1024);
    while out.len() < bytes {
        match rng.next() % 12 {
            0 => out.push_str("Arrival at the Camp\n\n"),
            1 => out.push_str("Mexico City, August 20, 1940\nDear Comrades,\n"),
            2 => {
                for i in 1..=3 {
                    out.push_str(&format!("  {i}. "));
                    sentence(&mut rng, &mut out);
                    out.push('\n');
                }
                out.push('\n');
            }
            _ => {
                let n = 2 + rng.next() % 7;
                for _ in 0..n {
                    sentence(&mut rng, &mut out);
                    out.push(' ');
                }
                out.push_str("\n\n");
            }
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let text = archive_text(4 << 20, 0x5EED);
    let splitter = Splitter::default();
    let mut group = c.benchmark_group("sentences");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("byte_spans", |b| {
        b.iter(|| splitter.split_bytes(black_box(&text), &[]))
    });
    group.bench_function("char_spans", |b| {
        b.iter(|| splitter.split(black_box(&text)))
    });
    let ascii = text
        .replace(['“', '”'], "\"")
        .replace('’', "'")
        .replace('…', "...")
        .replace('–', "-");
    group.throughput(Throughput::Bytes(ascii.len() as u64));
    group.bench_function("char_spans_ascii", |b| {
        b.iter(|| splitter.split(black_box(&ascii)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
