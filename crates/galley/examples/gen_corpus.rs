//! Writes a synthetic archive corpus as JSONL for benchmarks: paragraphs of the sample corpus
//! recombined by a seeded generator, so any size can be made offline and reproducibly.
//!
//! `cargo run --release -p galley --example gen_corpus -- OUT.jsonl MEGABYTES [SEED]`

use std::io::{BufWriter, Write};

use anyhow::{Context, Result};
use galley_record::Document;
use galley_testkit::{sample_corpus, Rng};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (out, megabytes) = match args.as_slice() {
        [out, mb, ..] => (
            out.clone(),
            mb.parse::<usize>()
                .context("MEGABYTES must be a whole number")?,
        ),
        _ => anyhow::bail!("usage: gen_corpus OUT.jsonl MEGABYTES [SEED]"),
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let mut paragraphs = Vec::new();
    let mut headers = Vec::new();
    for (_, text) in sample_corpus() {
        let parts: Vec<&str> = text
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        headers.push(
            parts
                .iter()
                .take(8)
                .copied()
                .collect::<Vec<_>>()
                .join("\n\n"),
        );
        paragraphs.extend(
            parts
                .into_iter()
                .filter(|p| p.len() > 200)
                .map(str::to_owned),
        );
    }
    let mut rng = Rng::new(seed);
    let mut writer = BufWriter::new(std::fs::File::create(&out).with_context(|| out.clone())?);
    let target = megabytes << 20;
    let (mut written, mut n) = (0usize, 0usize);
    while written < target {
        let mut text = headers[rng.below(headers.len())].clone();
        for _ in 0..(5 + rng.below(40)) {
            text.push_str("\n\n");
            text.push_str(&paragraphs[rng.below(paragraphs.len())]);
        }
        let mut doc = Document::new(format!("gen_{n:08}"), text);
        doc.set("source", format!("generated/{n:08}.txt"));
        let line = doc.to_json_line();
        writeln!(writer, "{line}")?;
        written += line.len() + 1;
        n += 1;
    }
    writer.flush()?;
    eprintln!(
        "wrote {n} documents, {:.1} MB, to {out}",
        written as f64 / 1e6
    );
    Ok(())
}
