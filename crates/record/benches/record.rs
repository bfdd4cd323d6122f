//! Throughput of the record layer every stage pays for: parsing and serialising a JSONL line,
//! and building a character index over a long non-ASCII text.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use galley_record::{CharIndex, Document, Span};

fn archive_text(bytes: usize) -> String {
    let para = "In 1936, Leon Sedoff, Trotsky’s eldest son, was murdered by the GPU — “all circumstances point” to it.\nThe letter below shows that even Sergei, who was never active in politics, was unable to escape.\n\n";
    para.repeat(bytes / para.len() + 1)
}

fn bench(c: &mut Criterion) {
    let text = archive_text(1 << 20);
    let mut doc = Document::new("bench", text.clone());
    doc.set("source", "generated/bench.txt");
    doc.set(
        "sentences",
        vec![serde_json::json!({"start": 0, "end": 10}); 200],
    );
    let line = doc.to_json_line();

    let mut group = c.benchmark_group("record");
    group.throughput(Throughput::Bytes(line.len() as u64));
    group.bench_function("parse+serialize 1 MB line", |b| {
        b.iter(|| {
            let d = Document::from_json_line(black_box(&line)).expect("valid");
            let mut out = Vec::with_capacity(line.len());
            d.write_json(&mut out);
            out
        })
    });
    // What a span-heavy stage pays per record: write a typed span list into the record and
    // serialise the record.
    let spans: Vec<Span> = (0..20_000)
        .map(|i| Span {
            start: i * 50,
            end: i * 50 + 40,
        })
        .collect();
    group.bench_function("set 20k spans + serialize 1 MB", |b| {
        b.iter(|| {
            let mut d = doc.clone();
            d.set("sentences", black_box(&spans));
            let mut out = Vec::with_capacity(line.len() * 2);
            d.write_json(&mut out);
            out
        })
    });
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("CharIndex::new 1 MB", |b| {
        b.iter(|| CharIndex::new(black_box(&text)).char_len())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
