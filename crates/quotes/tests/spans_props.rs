//! Invariants of quote-span detection on arbitrary mixes of every mark family (including
//! „ ‚ ‹ › », elisions, `>` block-quote lines and single line breaks): no panic, spans inside
//! the text, never across a blank line, and an unclosed or stray mark never reaches past the
//! paragraph it is in.

use galley_quotes::find_quotes;
use proptest::prelude::*;

fn marks_and_breaks() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just("‘".to_owned()),
        Just("’".to_owned()),
        Just("\"".to_owned()),
        Just("'".to_owned()),
        Just("«".to_owned()),
        Just("»".to_owned()),
        Just("„".to_owned()),
        Just("‚".to_owned()),
        Just("‹".to_owned()),
        Just("›".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("\n>\n> ".to_owned()),
        Just(" 'em ".to_owned()),
        Just("goin' ".to_owned()),
        Just("workers’ ".to_owned()),
        Just(", ".to_owned()),
        Just(". ".to_owned()),
        "[A-Za-z ]{0,8}",
        "\\PC{0,4}",
    ];
    prop::collection::vec(piece, 0..48).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]
    #[test]
    fn spans_stay_in_their_paragraph(text in marks_and_breaks()) {
        let chars: Vec<char> = text.chars().collect();
        for q in find_quotes(&text).iter().filter(|q| q.marks) {
            prop_assert!(q.start < q.end && q.end <= chars.len(), "{q:?}");
            let slice: String = chars[q.start..q.end].iter().collect();
            prop_assert_eq!(&slice, &q.text);
            // a blank line (also a lone `>` line) ends every quotation
            let blank = slice
                .split('\n')
                .skip(1)
                .collect::<Vec<_>>()
                .split_last()
                .is_some_and(|(_, inner)| {
                    inner.iter().any(|l| l.chars().all(|c| c.is_whitespace() || c == '>'))
                });
            prop_assert!(!blank, "span crosses a paragraph: {:?}", q.text);
        }
    }
}
