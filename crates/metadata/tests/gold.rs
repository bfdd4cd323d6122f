//! The sample corpus against the hand-checked gold (`tests/gold/seed_metadata.jsonl`), and an
//! insta snapshot of what the stage writes for it.

mod common;

use common::score::{assert_perfect, score, Score};
use galley_metadata::MetadataStage;
use galley_record::{Document, Stage};
use serde_json::Value;

const GOLD: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/gold/seed_metadata.jsonl"
));
const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/");

fn corpus() -> Vec<(Value, Document)> {
    GOLD.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let gold: Value = serde_json::from_str(l).expect("gold line is JSON");
            let id = gold["doc"].as_str().expect("doc id").to_owned();
            let text = std::fs::read_to_string(format!("{CORPUS}{id}.txt")).expect("corpus file");
            (gold, Document::new(id, text))
        })
        .collect()
}

#[test]
fn sample_corpus_matches_gold() {
    let mut docs = corpus();
    let mut stage = MetadataStage::default();
    let raw: Vec<Document> = docs.iter().map(|(_, d)| d.clone()).collect();
    // Batches of two, so merging counts across batches is exercised too.
    struct Batches(Vec<Document>);
    impl galley_record::Corpus for Batches {
        fn for_each_batch(
            &mut self,
            visit: &mut dyn FnMut(&[Document]),
        ) -> Result<(), galley_record::StageError> {
            self.0.chunks(2).for_each(&mut *visit);
            Ok(())
        }
    }
    stage
        .learn(&mut Batches(raw))
        .expect("learning cannot fail in memory");
    let mut total = Score::default();
    for (gold, doc) in &mut docs {
        let found = stage.extract(&doc.text);
        total.add(&score(&doc.text, &found, gold));
    }
    println!(
        "fields {}/{} right ({:.1}%), invented {}, boilerplate P {:.3} R {:.3} F1 {:.3}, body lines lost {}",
        total.fields_right,
        total.fields_stated,
        100.0 * total.field_accuracy(),
        total.invented.len(),
        total.precision(),
        total.recall(),
        total.f1(),
        total.body_lost.len()
    );
    assert_perfect(&total);
}

#[test]
fn sample_corpus_snapshot() {
    let stage = MetadataStage::default();
    let out: Vec<Value> = corpus()
        .into_iter()
        .map(|(_, mut doc)| {
            stage.process(&mut doc).expect("metadata never fails on text");
            // Zones shown with the first words of each run, so the snapshot reads as a review.
            let zones: Vec<Value> = doc
                .get_as::<Vec<galley_record::Zone>>("zones")
                .ok()
                .flatten()
                .unwrap_or_default()
                .iter()
                .map(|z| {
                    let run: String = doc.text.chars().skip(z.start).take(z.end - z.start).collect();
                    let head: String = run.trim().chars().take(60).collect();
                    serde_json::json!({"kind": z.kind, "start": z.start, "end": z.end, "text": head})
                })
                .collect();
            serde_json::json!({
                "id": doc.id,
                "metadata": doc.get("metadata"),
                "metadata_spans": doc.get("metadata_spans"),
                "zones": zones,
            })
        })
        .collect();
    insta::assert_json_snapshot!("sample_corpus", out);
}
