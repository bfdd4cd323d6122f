//! The sample corpus: reviewed snapshots of its sentences, and checks against the hand-made
//! gold files (lines the gold marks as boilerplate or metadata must stand alone; body
//! boundaries must start or end a sentence).

use galley_record::Document;
use galley_record::Stage;
use galley_sentences::{SentencesStage, Splitter};
use serde_json::Value;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/");
const GOLD_METADATA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/gold/seed_metadata.jsonl"
);

fn corpus_files() -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir(CORPUS)
        .expect("corpus directory")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let stem = p
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_owned();
            (stem, std::fs::read_to_string(&p).expect("corpus file"))
        })
        .collect()
}

/// One sentence per line; a line break kept inside a sentence shows as `⏎`.
fn listing(text: &str) -> String {
    Splitter::default()
        .split_str(text)
        .map(|s| s.replace('\n', " ⏎ "))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn corpus_sentences_snapshot() {
    for (stem, text) in corpus_files() {
        insta::assert_snapshot!(stem.clone(), listing(&text));
    }
}

#[test]
fn stage_output_matches_library_on_corpus() {
    let stage = SentencesStage::default();
    for (stem, text) in corpus_files() {
        let mut doc = Document::new(stem, text.clone());
        stage.process(&mut doc).expect("no error on corpus");
        let spans: Vec<galley_record::Span> = doc.get_as("sentences").unwrap().unwrap();
        let chars: Vec<char> = text.chars().collect();
        let from_spans: Vec<String> = spans
            .iter()
            .map(|s| chars[s.start..s.end].iter().collect())
            .collect();
        let from_lib: Vec<&str> = Splitter::default().split_str(&text).collect();
        assert_eq!(from_spans, from_lib, "char offsets agree with byte slices");
    }
}

/// Byte range of the first line (trimmed) that `matches`.
fn find_line_by(text: &str, matches: impl Fn(&str) -> bool) -> Option<(usize, usize)> {
    let mut at = 0;
    for raw in text.split('\n') {
        let trimmed = raw.trim();
        if !trimmed.is_empty() && matches(trimmed) {
            let start = at + (raw.len() - raw.trim_start().len());
            return Some((start, start + trimmed.len()));
        }
        at += raw.len() + 1;
    }
    None
}

fn strings(v: &Value, key: &str) -> Vec<String> {
    v[key]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn gold_lines_stand_alone_and_body_edges_are_boundaries() {
    let gold = std::fs::read_to_string(GOLD_METADATA).expect("gold metadata");
    let corpus: std::collections::HashMap<String, String> = corpus_files().into_iter().collect();
    let mut checked = 0;
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let entry: Value = serde_json::from_str(line).expect("gold line is JSON");
        let doc = entry["doc"].as_str().expect("doc");
        let text = &corpus[doc];
        let sentences = Splitter::default().split_bytes(text, &[]);
        let crosses = |edge: usize| sentences.iter().any(|&(s, e)| s < edge && edge < e);
        let mut lines = strings(&entry, "boilerplate_lines");
        lines.extend(strings(&entry, "neutral_lines"));
        for l in &lines {
            let Some((s, e)) = find_line_by(text, |t| t == l.trim()) else {
                continue;
            };
            assert!(
                !crosses(s) && !crosses(e),
                "{doc}: gold line {l:?} is not a segment of its own"
            );
            checked += 1;
        }
        // The body's first line starts a sentence; its last line ends one (it may be the
        // wrapped tail of a paragraph, so it need not start one).
        let first = entry["body_first_line_prefix"].as_str().expect("prefix");
        let (at, _) = find_line_by(text, |t| t.starts_with(first)).expect("prefix starts a line");
        assert!(
            sentences.iter().any(|&(s, _)| s == at),
            "{doc}: body does not start a sentence"
        );
        let last = entry["body_last_line_prefix"].as_str().expect("prefix");
        let (_, end) = find_line_by(text, |t| t.starts_with(last)).expect("prefix starts a line");
        assert!(
            sentences.iter().any(|&(_, e)| e == end),
            "{doc}: body does not end a sentence"
        );
        checked += 2;
    }
    assert!(checked >= 30, "only {checked} gold checks ran");
}
