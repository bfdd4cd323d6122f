//! Single-thread throughput of `Cleanup::clean` on seeded archive-style text, and the time
//! to build the embedded lexicon.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use galley_cleanup::{Cleanup, CleanupOptions, CorpusLexicon, Lexicon};

const ARCHIVE: &str = include_str!("../tests/fixtures/archive.txt");

/// About 1 MB of documents: the fixture's paragraphs in a seeded order, a few with slips.
fn archive_text() -> Vec<String> {
    let paragraphs: Vec<&str> = ARCHIVE.split("\n\n").collect();
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut docs = Vec::new();
    let mut total = 0;
    while total < 1_000_000 {
        let mut doc = String::new();
        for _ in 0..12 {
            let p = paragraphs[(next() % paragraphs.len() as u64) as usize];
            doc.push_str(&p.replacen("the ", "tbe ", (next() % 2) as usize));
            doc.push_str("\n\n");
        }
        total += doc.len();
        docs.push(doc);
    }
    docs
}

fn bench(c: &mut Criterion) {
    let docs = archive_text();
    let bytes: usize = docs.iter().map(String::len).sum();
    let lexicon = CorpusLexicon::from_texts(docs.iter().map(String::as_str));
    let cleanup = Cleanup::new(CleanupOptions::default())
        .expect("default options")
        .with_corpus(lexicon);
    let mut group = c.benchmark_group("cleanup");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("clean archive text (1 thread)", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| cleanup.clean(d).edits.len())
                .sum::<usize>()
        })
    });
    for layer in ["normalize", "punctuation", "spelling", "context"] {
        let opts = CleanupOptions {
            layers: vec![layer.to_owned()],
            ..CleanupOptions::default()
        };
        let only = Cleanup::new(opts)
            .expect("layer options")
            .with_corpus(CorpusLexicon::from_texts(docs.iter().map(String::as_str)));
        group.bench_function(format!("layer {layer} only"), |b| {
            b.iter(|| {
                docs.iter()
                    .map(|d| only.clean(d).edits.len())
                    .sum::<usize>()
            })
        });
    }
    group.bench_function("corpus pass (count words)", |b| {
        b.iter(|| CorpusLexicon::from_texts(docs.iter().map(String::as_str)).len())
    });
    group.finish();
    let mut group = c.benchmark_group("lexicon");
    group.sample_size(10);
    group.bench_function("load embedded lexicon", |b| {
        b.iter(|| Lexicon::load_embedded().total())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
