//! Single-thread throughput of the stage (MB/s) on seeded archive-style text
//! (`tests/common/synth.rs`: archive density, about one quotation per 700 bytes, and a dense
//! stress case with several per paragraph) and on the five sample files.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use galley_quotes::QuotesStage;
use galley_record::{Document, Stage};

#[path = "../tests/common/synth.rs"]
#[allow(dead_code)]
mod synth;

fn run(c: &mut Criterion, name: &str, docs: Vec<Document>) {
    let stage = QuotesStage::default();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut group = c.benchmark_group("quotes");
    group.throughput(Throughput::Bytes(bytes as u64));
    // Fresh records per batch (cloned and dropped outside the measurement), as in a run.
    group.bench_function(name, |b| {
        b.iter_batched(
            || docs.clone(),
            |mut batch| {
                for doc in batch.iter_mut() {
                    let _ = stage.process(doc);
                }
                batch
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

fn bench(c: &mut Criterion) {
    let archive: Vec<Document> = (0..64)
        .map(|seed| Document::new(seed.to_string(), synth::archive(seed, 80).text))
        .collect();
    // The library call alone, without writing the `quotes` field into the record.
    let bytes: usize = archive.iter().map(|d| d.text.len()).sum();
    let mut group = c.benchmark_group("quotes");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("find_quotes_archive", |b| {
        b.iter(|| {
            archive
                .iter()
                .map(|d| galley_quotes::find_quotes(&d.text).len())
                .sum::<usize>()
        })
    });
    group.finish();
    run(c, "synthetic_archive", archive);
    let dense: Vec<Document> = (0..64)
        .map(|seed| Document::new(seed.to_string(), synth::document(seed, 60).text))
        .collect();
    run(c, "synthetic_dense", dense);

    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
    let mut sample: Vec<Document> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| {
            Some(Document::new(
                p.display().to_string(),
                std::fs::read_to_string(&p).ok()?,
            ))
        })
        .collect();
    sample.sort_by(|a, b| a.id.cmp(&b.id));
    if !sample.is_empty() {
        run(c, "sample_corpus", sample);
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
