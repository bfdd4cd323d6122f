//! Invariants on arbitrary input: never panics, spans lie inside the text in order, `text`
//! is exactly the span, groups number spans in text order, unclosed marks stay in their
//! paragraph.

use galley_quotes::find_quotes;
use proptest::prelude::*;

fn archive_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just("‘".to_owned()),
        Just("’".to_owned()),
        Just("\"".to_owned()),
        Just("'".to_owned()),
        Just("«".to_owned()),
        Just("»".to_owned()),
        Just("\n\n".to_owned()),
        Just(", said Trotsky, ".to_owned()),
        Just(" he wrote: ".to_owned()),
        // fiction dialogue: tags, vocatives, kin, narrators, beats
        Just("\"".to_owned()),
        Just(",\" said he, \"".to_owned()),
        Just("\" said I. ".to_owned()),
        Just(",\" cried his wife. ".to_owned()),
        Just("\"My dear Mr. Hale, ".to_owned()),
        Just(" Mrs. Hale nodded. ".to_owned()),
        Just("\"Come, Watson,\" returned she; \"".to_owned()),
        Just("Dear Friends,\n\n".to_owned()),
        Just("Yours truly,\n\n".to_owned()),
        Just("  1. A point.\n".to_owned()),
        Just(" – N. Krupskaya.".to_owned()),
        Just(". ".to_owned()),
        "[A-Za-z’é ]{0,12}",
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]
    #[test]
    fn spans_are_well_formed(text in archive_like()) {
        let chars: Vec<char> = text.chars().collect();
        let quotes = find_quotes(&text);
        let mut last_group = None;
        for q in &quotes {
            prop_assert!(q.start <= q.end && q.end <= chars.len());
            let slice: String = chars[q.start..q.end].iter().collect();
            prop_assert_eq!(&slice, &q.text);
            prop_assert!(!q.text.contains("\n\n"), "span crosses a paragraph: {:?}", q.text);
            prop_assert!((0.0..=1.0).contains(&q.confidence));
            // a group number is either a continuation of one seen before or the next one
            if let Some(g) = last_group {
                prop_assert!(q.group <= g + 1);
            }
            last_group = Some(last_group.map_or(q.group, |g: usize| g.max(q.group)));
            if let Some(m) = &q.speaker_mention {
                let surface: String = chars[m.start..m.end].iter().collect();
                prop_assert_eq!(&surface, &m.text);
            }
        }
    }
}
