//! Invariants on any input: spans are valid, ordered, non-overlapping, trimmed, cover every
//! non-blank character, and splitting is deterministic (with and without zones).

use galley_record::{Span, Zone, ZoneKind};
use galley_sentences::{LineBreaks, SentenceOptions, Splitter};
use proptest::prelude::*;

fn check_invariants(text: &str, spans: &[Span]) -> Result<(), TestCaseError> {
    let chars: Vec<char> = text.chars().collect();
    let mut covered = vec![false; chars.len()];
    let mut prev_end = 0;
    for s in spans {
        prop_assert!(s.start < s.end, "empty span {:?}", s);
        prop_assert!(s.end <= chars.len(), "span {:?} past the end", s);
        prop_assert!(
            s.start >= prev_end,
            "span {:?} overlaps or is out of order",
            s
        );
        prop_assert!(
            !chars[s.start].is_whitespace() && !chars[s.end - 1].is_whitespace(),
            "untrimmed {:?}",
            s
        );
        covered[s.start..s.end].iter_mut().for_each(|c| *c = true);
        prev_end = s.end;
    }
    for (i, c) in chars.iter().enumerate() {
        prop_assert!(
            c.is_whitespace() || covered[i],
            "char {} {:?} not covered",
            i,
            c
        );
    }
    Ok(())
}

/// Archive-like text: words, terminators, quotes, brackets, list labels, line breaks, no-break
/// spaces and multi-byte characters, in random order.
fn archive_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Trotsky"),
        Just("the"),
        Just("L.D."),
        Just("U.S."),
        Just("Vol."),
        Just("No."),
        Just("p."),
        Just("etc."),
        Just("a.m."),
        Just("1929"),
        Just("1929.Here"),
        Just("3.14"),
        Just("."),
        Just("?"),
        Just("!"),
        Just("…"),
        Just("..."),
        Just(". . ."),
        Just("“"),
        Just("”"),
        Just("’"),
        Just("\""),
        Just("'"),
        Just("("),
        Just(")"),
        Just("["),
        Just("]"),
        Just(" "),
        Just("  "),
        Just("\n"),
        Just("\n\n"),
        Just("\u{a0}"),
        Just("\t"),
        Just("1."),
        Just("2)"),
        Just("•"),
        Just("—"),
        Just("–"),
        Just("-"),
        Just("*"),
        Just("é"),
        Just("I"),
        Just("Mr."),
        Just("¹"),
        Just(":"),
        Just(","),
        Just("a"),
        Just("B"),
        Just("x@y.org"),
        Just("\r\n"),
        Just("\u{2029}"),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn options() -> impl Strategy<Value = SentenceOptions> {
    (any::<bool>(), any::<bool>(), any::<bool>(), 0..3u8).prop_map(|(q, l, m, lb)| {
        SentenceOptions {
            split_inside_quotes: q,
            split_lowercase: l,
            split_missing_space: m,
            line_breaks: [LineBreaks::Auto, LineBreaks::Paragraph, LineBreaks::Line][lb as usize],
            ..Default::default()
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn archive_like_text_keeps_invariants(text in archive_text(), opts in options()) {
        let splitter = Splitter::new(&opts);
        let spans = splitter.split(&text);
        check_invariants(&text, &spans)?;
        prop_assert_eq!(spans, splitter.split(&text), "not deterministic");
    }

    #[test]
    fn arbitrary_text_keeps_invariants(text in "\\PC{0,200}") {
        let spans = Splitter::default().split(&text);
        check_invariants(&text, &spans)?;
    }

    #[test]
    fn zones_never_crossed(text in archive_text(), cuts in prop::collection::vec(0usize..300, 0..5)) {
        let n = text.chars().count();
        let zones: Vec<Zone> = cuts
            .iter()
            .map(|&c| Zone { start: c.min(n), end: (c + 7).min(n + 3), kind: ZoneKind::Body })
            .collect();
        let spans = Splitter::default().split_with_zones(&text, &zones);
        check_invariants(&text, &spans)?;
        for s in &spans {
            for z in &zones {
                for edge in [z.start, z.end] {
                    prop_assert!(!(s.start < edge && edge < s.end), "{:?} crosses zone edge {}", s, edge);
                }
            }
        }
    }
}
