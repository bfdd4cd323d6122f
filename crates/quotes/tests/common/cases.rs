//! The ⟦ ⟧ span-case format shared by the span test and the evaluation example.

/// Strips the ⟦ ⟧ markers of a span case and returns the text with its expected char spans.
pub fn parse_span_case(case: &str) -> (String, Vec<(usize, usize)>) {
    let (mut text, mut spans, mut open) = (String::new(), Vec::new(), Vec::new());
    let mut n = 0;
    for c in case.chars() {
        match c {
            '⟦' => open.push(n),
            '⟧' => spans.push((open.pop().unwrap_or(n), n)),
            _ => {
                text.push(c);
                n += 1;
            }
        }
    }
    spans.sort();
    (text, spans)
}
