//! Novel-style dialogue (`tests/fixtures/novels.txt`, our own prose): every quotation found,
//! every speaker named next to its quotation right, and nearly all the others (pronoun tags,
//! split quotations, vocatives, untagged alternating turns, `his wife` / `her father`).

#[path = "common/annotated.rs"]
mod annotated;

use annotated::{matches_prefix, norm, parse};
use galley_quotes::find_quotes;
use galley_record::QuoteKind;

const NOVELS: &str = include_str!("fixtures/novels.txt");

#[test]
fn novel_dialogue_speakers() {
    let (mut explicit, mut explicit_ok, mut all, mut all_ok) = (0, 0, 0, 0);
    let mut misses = Vec::new();
    for doc in parse(NOVELS) {
        let quotes = find_quotes(&doc.text);
        let mut at = 0;
        for e in &doc.expected {
            let k = (at..quotes.len())
                .find(|&k| matches_prefix(&quotes[k], &e.prefix))
                .unwrap_or_else(|| panic!("[{}] quotation not found: {}", doc.name, e.prefix));
            at = k + 1;
            let q = &quotes[k];
            assert_eq!(q.marks, !e.unmarked, "[{}] {}", doc.name, e.prefix);
            assert!(
                e.kinds.iter().any(|k| k == q.kind.as_str()),
                "[{}] kind {:?}: {}",
                doc.name,
                q.kind,
                e.prefix
            );
            let ok = q.kind == QuoteKind::Direct
                && q.speaker
                    .as_deref()
                    .is_some_and(|s| e.speakers.contains(&norm(s)));
            all += 1;
            all_ok += usize::from(ok);
            if e.explicit {
                explicit += 1;
                explicit_ok += usize::from(ok);
            }
            if !ok {
                misses.push(format!("[{}] {:?}: {}", doc.name, q.speaker, e.prefix));
            }
        }
    }
    assert_eq!(explicit_ok, explicit, "{misses:#?}");
    assert!(all_ok * 100 >= all * 95, "{all_ok}/{all}: {misses:#?}");
}
