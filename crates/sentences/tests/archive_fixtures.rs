//! Accuracy guard on the hand-marked archive passages (the figures themselves come from
//! `examples/eval.rs`): whole-passage exact match must stay at or above the 97% target, on the
//! round-1 set, the round-2 held-out set and the round-3 and round-4 batches alike.

mod common;
use common::fixtures;
use galley_sentences::Splitter;

fn assert_meets_target(passages: &[fixtures::Passage], at_least: usize) {
    assert!(
        passages.len() >= at_least,
        "only {} passages",
        passages.len()
    );
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

#[test]
fn archive_passages_meet_the_target() {
    assert_meets_target(&fixtures::load().expect("fixtures readable"), 150);
}

#[test]
fn heldout_passages_meet_the_target() {
    let dir = fixtures::heldout_dir();
    assert_meets_target(&fixtures::load_from(&dir).expect("fixtures readable"), 150);
}

#[test]
fn round3_passages_meet_the_target() {
    let dir = fixtures::round3_dir();
    assert_meets_target(&fixtures::load_from(&dir).expect("fixtures readable"), 1200);
}

#[test]
fn round4_passages_meet_the_target() {
    let dir = fixtures::round4_dir();
    assert_meets_target(&fixtures::load_from(&dir).expect("fixtures readable"), 100);
}
