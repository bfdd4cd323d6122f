//! Reader for the hand-marked archive passages in `tests/fixtures/archive/*.txt` (format in
//! that folder's README). Shared by the accuracy test and `examples/eval.rs`.

use std::path::{Path, PathBuf};

/// Marks a sentence boundary in a fixture passage.
pub const MARK: char = '¦';

#[derive(Debug, Clone)]
pub struct Passage {
    pub id: String,
    /// The passage with the marks removed.
    pub text: String,
    /// Expected sentences, whitespace-normalised.
    pub expected: Vec<String>,
}

/// The round-1 passages (used while building the rules).
pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/archive")
}

/// The round-2 held-out passages, written and committed before the splitter was run on them.
pub fn heldout_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/heldout")
}

/// The round-3 batches, each committed before the splitter was first run on it.
pub fn round3_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/round3")
}

/// The round-4 batches, written by a second author without reading the round-3 texts, each
/// committed before the splitter was first run on it.
pub fn round4_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/round4")
}

/// The batch a passage id belongs to: the part before its `-` (`r3a` of `r3a-07`).
pub fn batch(id: &str) -> &str {
    id.split('-').next().unwrap_or(id)
}

/// Collapses whitespace runs to one space.
pub fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Expected sentences: split at marks and at blank lines.
fn expected(marked: &str) -> Vec<String> {
    marked
        .split("\n\n")
        .flat_map(|para| para.split(MARK))
        .map(normalise)
        .filter(|s| !s.is_empty())
        .collect()
}

/// All round-1 passages, files in name order.
pub fn load() -> std::io::Result<Vec<Passage>> {
    load_from(&dir())
}

/// All passages of the `*.txt` files in `dir`, files in name order.
pub fn load_from(dir: &Path) -> std::io::Result<Vec<Passage>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut passages = Vec::new();
    for file in files {
        let content = std::fs::read_to_string(&file)?;
        for chunk in content.split("### ").skip(1) {
            let (head, body) = chunk.split_once('\n').unwrap_or((chunk, ""));
            let body = body.trim_end_matches('\n');
            passages.push(Passage {
                id: head.split_whitespace().next().unwrap_or("?").to_owned(),
                text: body.replace(MARK, ""),
                expected: expected(body),
            });
        }
    }
    Ok(passages)
}
