//! Accuracy guard on the hand-marked archive passages (the figures themselves come from
//! `examples/eval.rs`): whole-passage exact match must stay at or above the 97% target.

mod common;
use common::fixtures;
use galley_sentences::Splitter;

#[test]
fn archive_passages_meet_the_target() {
    let passages = fixtures::load().expect("fixtures readable");
    assert!(passages.len() >= 150, "only {} passages", passages.len());
    let splitter = Splitter::default();
    let misses: Vec<&str> = passages
        .iter()
        .filter(|p| {
            let got: Vec<String> = splitter
                .split_str(&p.text)
                .map(fixtures::normalise)
                .collect();
            got != p.expected
        })
        .map(|p| p.id.as_str())
        .collect();
    let rate = 1.0 - misses.len() as f64 / passages.len() as f64;
    assert!(
        rate >= 0.97,
        "exact match {:.1}%, misses: {misses:?}",
        rate * 100.0
    );
}
