//! Invariants on any input: no panic, zones tile the text exactly, spans lie inside it, and
//! layout noise (CRLF line ends, trailing spaces, extra blank lines) changes no field.

use galley_metadata::{extract, Settings};
use proptest::prelude::*;

fn check_layout(text: &str) -> Result<(), TestCaseError> {
    let found = extract(text, &Settings::default(), None);
    let len = text.chars().count();
    let mut at = 0;
    for (i, z) in found.zones.iter().enumerate() {
        prop_assert_eq!(z.start, at, "zones must be contiguous");
        prop_assert!(z.end > z.start, "zones must be non-empty");
        if i > 0 {
            prop_assert_ne!(
                found.zones[i - 1].kind,
                z.kind,
                "neighbouring zones must differ"
            );
        }
        at = z.end;
    }
    prop_assert_eq!(at, len, "zones must cover the text");
    for f in &found.metadata.fields {
        prop_assert!(f.span.start <= f.span.end && f.span.end <= len);
    }
    Ok(())
}

const HEADERS: &[&str] = &[
    "Main NI Index | Main Newspaper Index\n\nEncyclopedia of Trotskyism | Marxists’ Internet Archive\n\nMax Shachtman\n\nThe Fight Goes On\n\n(1941)\n\nFrom New International, Vol. VII No. 3, April 1941, pp. 67–70.\nTranscribed & marked up by Einde O’Callaghan for ETOL.\n",
    "Leon Trotsky\n\nA Letter to Friends\n\nWritten: 3 March 1933.\nSource: The Militant, Vol. 6 No. 20, 15 April 1933, p. 2.\nTranscription/Markup: David Walters.\n",
    "The strike wave\n\nSubmitted by AWL on 4 May, 2011 - 10:20\nAuthor: Martin Thomas\n",
];
const FOOTERS: &[&str] = &[
    "\nTop of page\n\nLast updated on 3 May 2020\n",
    "\nAdd new comment\n",
    "\n",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_text_gives_a_valid_layout(text in "(\\PC{0,40}\n{0,3}){0,30}") {
        check_layout(&text)?;
    }

    #[test]
    fn archive_like_text_gives_a_valid_layout(
        head in 0..HEADERS.len(),
        foot in 0..FOOTERS.len(),
        body in prop::collection::vec("[A-Za-z“”’é ,.]{0,200}", 0..12),
    ) {
        let text = format!("{}\n{}\n{}", HEADERS[head], body.join("\n\n"), FOOTERS[foot]);
        check_layout(&text)?;
    }

    #[test]
    fn layout_noise_changes_no_field(
        head in 0..HEADERS.len(),
        foot in 0..FOOTERS.len(),
        crlf in any::<bool>(),
        trailing in "[ \u{a0}\t]{0,3}",
        extra_blank in any::<bool>(),
    ) {
        let body = "The meeting was long and the debate was sharp, but in the end the branch voted to support the strike.\n\nEvery member took a collection sheet.";
        let clean = format!("{}\n{}\n{}", HEADERS[head], body, FOOTERS[foot]);
        let mut noisy = String::new();
        for line in clean.split('\n') {
            noisy.push_str(line);
            noisy.push_str(&trailing);
            noisy.push_str(if crlf { "\r\n" } else { "\n" });
            if extra_blank && line.is_empty() {
                noisy.push('\n');
            }
        }
        let values = |t: &str| {
            extract(t, &Settings::default(), None).metadata.fields.into_iter().map(|f| (f.name, f.value)).collect::<Vec<_>>()
        };
        let (a, b) = (values(&clean), values(&noisy));
        prop_assert!(!a.is_empty());
        prop_assert_eq!(a, b);
    }
}
