//! The sample corpus against the hand-checked OCR gold (`tests/gold/seed_ocr.json`), and the
//! full list of edits as a reviewed snapshot.

use galley_cleanup::{Cleanup, CleanupOptions, CorpusLexicon};
use galley_record::restore;
use serde_json::Value;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
const GOLD: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/gold/seed_ocr.json"
);

fn corpus() -> Vec<(String, String)> {
    let mut docs: Vec<(String, String)> = std::fs::read_dir(CORPUS)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            (
                p.file_stem().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    docs.sort();
    docs
}

struct Run {
    raw: Vec<(String, String)>,
    cleaned: Vec<galley_cleanup::Cleaned>,
}

fn run() -> Run {
    let raw = corpus();
    let lexicon = CorpusLexicon::from_texts(raw.iter().map(|(_, t)| t.as_str()));
    let cleanup = Cleanup::new(CleanupOptions::default())
        .unwrap()
        .with_corpus(lexicon);
    let cleaned = raw.iter().map(|(_, t)| cleanup.clean(t)).collect();
    Run { raw, cleaned }
}

fn text_of<'a>(run: &'a Run, doc: &str) -> &'a str {
    let i = run.raw.iter().position(|(id, _)| id == doc).unwrap();
    &run.cleaned[i].text
}

/// Whether the gold item's context reads corrected in the output.
fn fixed(run: &Run, item: &Value) -> bool {
    let (doc, context, from, to) = (
        item["doc"].as_str().unwrap(),
        item["context"].as_str().unwrap(),
        item["from"].as_str().unwrap(),
        item["to"].as_str().unwrap(),
    );
    text_of(run, doc).contains(&context.replacen(from, to, 1))
}

#[test]
fn gold_errors_fixed_and_protected_words_kept() {
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(GOLD).unwrap()).unwrap();
    let run = run();
    for (i, (_, raw)) in run.raw.iter().enumerate() {
        assert_eq!(
            restore(&run.cleaned[i].text, &run.cleaned[i].edits).unwrap(),
            *raw
        );
    }
    let missed = |tier: &str| -> Vec<String> {
        gold[tier]
            .as_array()
            .unwrap()
            .iter()
            .filter(|item| !fixed(&run, item))
            .map(|item| item["from"].as_str().unwrap().to_owned())
            .collect()
    };
    let (must, should, real) = (
        missed("must_fix"),
        missed("should_fix"),
        missed("real_word"),
    );
    eprintln!("missed must_fix {must:?}\nmissed should_fix {should:?}\nmissed real_word {real:?}");
    assert!(must.is_empty(), "must_fix missed: {must:?}");
    // Two should_fix items (`Soiovka`, `Shiiapnikov`) need a name the corpus never spells
    // right; the rest are required.
    assert!(should.len() <= 2, "should_fix missed: {should:?}");
    let real_total = gold["real_word"].as_array().unwrap().len();
    eprintln!("real_word fixed {}/{real_total}", real_total - real.len());
    // Fixed: `trails`, `CPU`, `Moscow, About`, `incomprehensive`, `rip`. The rest lack
    // evidence: a neighbour no model knows (`Frontism`, a full stop), a rival reading the
    // model has seen (`what matter`, `any affection`), or more than one edit.
    assert!(
        real_total - real.len() >= 5,
        "real_word fixed only {}/{real_total}; missed {real:?}",
        real_total - real.len()
    );
    for word in gold["protected"].as_array().unwrap() {
        let word = word.as_str().unwrap();
        for c in &run.cleaned {
            for e in &c.edits {
                let touched = e
                    .original
                    .split(|ch: char| !ch.is_alphanumeric() && ch != '-' && ch != '’');
                assert!(
                    !touched.into_iter().any(|t| t == word),
                    "protected {word} changed: {e:?}"
                );
            }
        }
    }
}

#[test]
fn sample_corpus_edits_snapshot() {
    let run = run();
    let mut lines = Vec::new();
    for (i, (id, _)) in run.raw.iter().enumerate() {
        let c = &run.cleaned[i];
        for e in &c.edits {
            let chars: Vec<char> = c.text.chars().collect();
            let before: String = chars[e.start.saturating_sub(25)..e.start].iter().collect();
            let after: String = chars[e.end..(e.end + 25).min(chars.len())].iter().collect();
            lines.push(format!(
                "{id} {}..{} {:?} -> {:?} [{} {:.2}] …{}⟦{}⟧{}…",
                e.start,
                e.end,
                e.original,
                e.replacement,
                e.kind,
                e.confidence,
                before.replace('\n', "⏎"),
                e.replacement.replace('\n', "⏎"),
                after.replace('\n', "⏎")
            ));
        }
    }
    insta::assert_snapshot!(lines.join("\n"));
}
