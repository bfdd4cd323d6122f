//! A fixed workload for profilers (`valgrind --tool=callgrind`, `perf`): loads the embedded
//! lexicon, then cleans the benchmark's archive text `N` times (default 1), single-threaded.
//! Instruction counts are steadier than wall clock on a shared machine.
//!
//! `cargo run --release -p galley-cleanup --example cleanup_profile [N]`

use galley_cleanup::{Cleanup, CleanupOptions, CorpusLexicon, Lexicon};

const ARCHIVE: &str = include_str!("../tests/fixtures/archive.txt");

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let t = std::time::Instant::now();
    let lex = Lexicon::embedded();
    let load = t.elapsed();
    let t = std::time::Instant::now();
    let _ = lex.index();
    let index = t.elapsed();
    let docs: Vec<String> = (0..40)
        .map(|i| ARCHIVE.replacen("the ", "tbe ", i % 3))
        .collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let cleanup = Cleanup::new(CleanupOptions::default())
        .expect("default options")
        .with_corpus(CorpusLexicon::from_texts(docs.iter().map(String::as_str)));
    let t = std::time::Instant::now();
    let mut edits = 0;
    for _ in 0..rounds {
        edits += docs
            .iter()
            .map(|d| cleanup.clean(d).edits.len())
            .sum::<usize>();
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "lexicon {load:?}, delete index on first use {index:?}; {} MB x {rounds} in {secs:.3}s = {:.1} MB/s, {edits} edits",
        bytes as f64 / 1e6,
        (bytes * rounds) as f64 / 1e6 / secs
    );
}
