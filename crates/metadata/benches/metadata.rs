//! Throughput of the metadata stage on generated archive-style pages (seeded, so every run
//! measures the same text): ETOL/MIA/Workers' Liberty/marxist.com headers and footers around
//! bodies of a few to many paragraphs.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use galley_metadata::MetadataStage;

/// A small deterministic generator (xorshift), so the bench needs no extra dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const WORDS: &[&str] = &[
    "the",
    "workers",
    "party",
    "of",
    "and",
    "revolution",
    "Stalin",
    "bureaucracy",
    "in",
    "a",
    "strike",
    "committee",
    "was",
    "to",
    "their",
    "government",
    "Trotsky",
    "union",
    "against",
    "programme",
    "Moscow",
    "“so-called”",
    "1937",
    "comrades",
    "which",
    "élan",
    "régime",
    "with",
];

fn paragraph(rng: &mut Rng) -> String {
    let n = 40 + (rng.next() % 120) as usize;
    let mut p = String::new();
    for i in 0..n {
        let w = rng.pick(WORDS);
        if i == 0 {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                p.extend(f.to_uppercase());
                p.push_str(c.as_str());
            }
        } else {
            p.push(' ');
            p.push_str(w);
        }
        if i % 17 == 16 {
            p.push('.');
        }
    }
    p.push('.');
    p
}

fn page(rng: &mut Rng) -> String {
    let header = rng.pick(&[
        "Main Militant Index | Main Newspaper Index\n\nEncyclopedia of Trotskyism | Marxists’ Internet Archive\n\n\nThe Militant, 26 April 1948\n\n\nA Title About the Strike\n\n(1948)\n\n\nFrom The Militant, Vol. 12 No. 17, 26 April 1948, p. 4.\nTranscribed & marked up by Einde O’Callaghan for ETOL.\n\n\u{a0}\n\n",
        "James P. Cannon\n\nThe Coming Revolution\n\nWritten: November 1946\nSource: Fourth International, Vol. VII No. 12, December 1946, pp. 355–362.\nTranscription/Markup: Andrew Pollack.\n\n",
        "The assassination of a revolutionary\n\nSubmitted by AWL on 12 September, 2006 - 12:42\nAuthor: Martin Thomas\n\n",
        "Share this\n\nThe crisis of British capitalism\n\nWritten by Rob Sewell\nThursday, 20 August 2009\n\n",
    ]);
    let footer = rng.pick(&[
        "\n\nTop of page\n\n\nMain Militant Index | Main Newspaper Index\n\nEncyclopedia of Trotskyism | Marxists’ Internet Archive\n\nLast updated on 3 February 2022\n",
        "\n\nJames P. Cannon Internet Archive\n",
        "\n\nAdd new comment\n\nThis website uses cookies, you can find out more and set your preferences here.\nBy continuing to use this website, you agree to our Privacy Policy and Terms & Conditions.\n",
        "\n\nJoin us\nIf you want more information about joining, fill in this form.\n",
    ]);
    let paragraphs = 5 + (rng.next() % 60) as usize;
    let mut text = String::from(header);
    for i in 0..paragraphs {
        if i > 0 {
            text.push_str("\n\n");
        }
        text.push_str(&paragraph(rng));
    }
    text.push_str(footer);
    text
}

fn bench(c: &mut Criterion) {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let pages: Vec<String> = (0..400).map(|_| page(&mut rng)).collect();
    let bytes: usize = pages.iter().map(String::len).sum();
    let stage = MetadataStage::default();
    let mut group = c.benchmark_group("metadata");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("extract", |b| {
        b.iter(|| {
            pages
                .iter()
                .map(|p| stage.extract(p).zones.len())
                .sum::<usize>()
        })
    });
    // The corpus pass that learns repeated lines and line pairs (run once per input).
    group.bench_function("learn", |b| {
        b.iter(|| {
            let mut stage = MetadataStage::default();
            stage.learn_texts(pages.iter().map(String::as_str).collect::<Vec<_>>());
            stage
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
