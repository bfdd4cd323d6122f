//! The hand-written fixture pages (`tests/fixtures`, and the held-out set in
//! `tests/fixtures/holdout`, `holdout3`, `holdout4`) must stay fully right: a regression guard for every house style.

mod common;

use common::score::{assert_perfect, score, Score};
use galley_metadata::MetadataStage;

fn run(dir: &str) -> Score {
    run_with(dir, true)
}

fn run_with(dir: &str, learn: bool) -> Score {
    let expected =
        std::fs::read_to_string(format!("{dir}/expected.jsonl")).expect("fixture expectations");
    let pages: Vec<(serde_json::Value, String)> = expected
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let exp: serde_json::Value = serde_json::from_str(l).expect("fixture line is JSON");
            let doc = exp["doc"].as_str().expect("doc").to_owned();
            let text =
                std::fs::read_to_string(format!("{dir}/pages/{doc}.txt")).expect("fixture page");
            (exp, text)
        })
        .collect();
    let mut stage = MetadataStage::default();
    if learn {
        stage.learn_texts(pages.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>());
    }
    let mut total = Score::default();
    for (exp, text) in &pages {
        total.add(&score(text, &stage.extract(text), exp));
    }
    println!(
        "{dir}: fields {}/{}, invented {}, boilerplate F1 {:.3}, body lines lost {}",
        total.fields_right,
        total.fields_stated,
        total.invented.len(),
        total.f1(),
        total.body_lost.len()
    );
    total
}

#[test]
fn fixture_pages() {
    assert_perfect(&run(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures")));
}

#[test]
fn third_held_out_batch() {
    assert_perfect(&run(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/holdout3"
    )));
}

#[test]
fn fourth_held_out_batch() {
    assert_perfect(&run(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/holdout4"
    )));
}

/// Site mastheads, listings and headlines must also be told apart by layout alone, as on a
/// small input where repetition cannot be learned.
#[test]
fn third_held_out_batch_without_repetition() {
    assert_perfect(&run_with(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/holdout3"),
        false,
    ));
}

#[test]
fn held_out_pages() {
    assert_perfect(&run(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/holdout"
    )));
}
