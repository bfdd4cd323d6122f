//! Test helpers shared by the integration tests.
#![allow(dead_code)]

use galley_sentences::{SentenceOptions, Splitter};

/// The sentences of `text` with default options.
pub fn sents(text: &str) -> Vec<&str> {
    Splitter::default().split_str(text).collect()
}

/// The sentences of `text` with `options`.
pub fn sents_with<'t>(text: &'t str, options: &SentenceOptions) -> Vec<&'t str> {
    Splitter::new(options).split_str(text).collect()
}

/// Asserts the split of `text`, naming the case on failure.
#[track_caller]
pub fn check(text: &str, expected: &[&str]) {
    assert_eq!(sents(text), expected, "splitting {text:?}");
}

pub mod fixtures;
