//! Invariants on any input: the edit log restores the input byte for byte, its offsets are
//! valid and sorted, and cleaning a cleaned text changes nothing.

use galley_cleanup::{Cleanup, CleanupOptions};
use galley_record::{restore, CharIndex};
use proptest::prelude::*;
use std::sync::OnceLock;

fn cleanup() -> &'static Cleanup {
    static C: OnceLock<Cleanup> = OnceLock::new();
    C.get_or_init(|| Cleanup::new(CleanupOptions::default()).unwrap())
}

/// Archive-like pieces (words, slips, names, punctuation, broken encodings) glued at random.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("the ".to_owned()),
        Just("figurh ".to_owned()),
        Just("Budenz ".to_owned()),
        Just("Bundenz ".to_owned()),
        Just("GPU".to_owned()),
        Just("trails were ".to_owned()),
        Just("1929.Here".to_owned()),
        Just("book,“This".to_owned()),
        Just("L,D. ".to_owned()),
        Just(" ; ".to_owned()),
        Just(",,".to_owned()),
        Just("compre-\nhensive ".to_owned()),
        Just("â€™".to_owned()),
        Just("ﬁ".to_owned()),
        Just("\u{AD}".to_owned()),
        Just("e\u{301}".to_owned()),
        Just("www.x.org/a ".to_owned()),
        "[a-zA-Z]{1,9}",
        "[ .,;:!?“”’\n-]{1,3}",
        "\\PC{1,4}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn restore_offsets_and_idempotence(parts in prop::collection::vec(piece(), 0..40)) {
        let input: String = parts.concat();
        let once = cleanup().clean(&input);
        prop_assert_eq!(restore(&once.text, &once.edits).unwrap(), input.clone());
        let index = CharIndex::new(&once.text);
        let mut last = 0;
        for e in &once.edits {
            prop_assert!(e.start >= last && e.start <= e.end);
            prop_assert_eq!(index.slice(e.start, e.end), Some(e.replacement.as_str()));
            last = e.end;
        }
        let twice = cleanup().clean(&once.text);
        prop_assert!(twice.edits.is_empty(), "second run edited {:?}: {:?}", once.text, twice.edits);
    }
}
