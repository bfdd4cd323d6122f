//! Rough single-thread throughput on a text file repeated to ~8 MB, for profiling
//! (`cargo run --release -p galley-sentences --example throughput -- FILE...`). The benchmark
//! of record is `cargo bench -p galley-sentences`.

use std::time::Instant;

fn main() -> std::io::Result<()> {
    let mut text = String::new();
    for path in std::env::args().skip(1) {
        text.push_str(&std::fs::read_to_string(path)?);
        text.push_str("\n\n");
    }
    if text.trim().is_empty() {
        eprintln!("usage: throughput FILE...");
        return Ok(());
    }
    let unit = text.clone();
    while text.len() < 8 << 20 {
        text.push_str(&unit);
    }
    let splitter = galley_sentences::Splitter::default();
    let mut best = f64::MAX;
    let mut n = 0;
    for _ in 0..15 {
        let t = Instant::now();
        n = splitter.split(&text).len();
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{} bytes, {n} sentences, best {:.1} MB/s",
        text.len(),
        text.len() as f64 / best / 1e6
    );
    Ok(())
}
