//! Quote-span detection on hand-written hard cases (`tests/fixtures/spans.txt`, `spans2.txt`): nesting,
//! multi-paragraph and unclosed quotations, apostrophes, straight and mixed marks.

use galley_quotes::find_quotes;

#[path = "common/cases.rs"]
mod cases;
use cases::parse_span_case;

#[test]
fn hard_span_cases() {
    let (mut expected, mut exact, mut found) = (0, 0, 0);
    let mut report = Vec::new();
    let cases = [
        include_str!("fixtures/spans.txt"),
        include_str!("fixtures/spans2.txt"),
    ];
    for case in cases.iter().flat_map(|c| c.split("\n===\n")) {
        let case: String = case
            .lines()
            .filter(|l| !l.starts_with('#'))
            .collect::<Vec<_>>()
            .join("\n");
        let (text, want) = parse_span_case(case.trim_end());
        let got: Vec<(usize, usize)> = find_quotes(&text)
            .iter()
            .filter(|q| q.marks)
            .map(|q| (q.start, q.end))
            .collect();
        expected += want.len();
        found += got.len();
        let ok = want.iter().filter(|s| got.contains(s)).count();
        exact += ok;
        if ok < want.len() || got.len() != want.len() {
            report.push(format!("{text:?}\n   want {want:?}\n   got  {got:?}"));
        }
    }
    println!("spans: {exact}/{expected} expected found exactly, {found} found in all");
    for r in &report {
        println!("  {r}");
    }
    assert!(exact * 100 >= expected * 95, "recall below 95%");
    assert!(exact * 100 >= found * 95, "precision below 95%");
}
