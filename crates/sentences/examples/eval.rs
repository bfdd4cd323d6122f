//! Scores the splitter on the hand-marked archive passages in `tests/fixtures/archive/*.txt`
//! (format in that folder's README): exact-match rate of whole passages and boundary
//! precision/recall. `--verbose` prints every miss.
//!
//! `cargo run --release -p galley-sentences --example eval [-- --verbose]`

use std::path::Path;

use galley_sentences::Splitter;

const MARK: char = '¦';

struct Passage {
    id: String,
    text: String,
    expected: Vec<String>,
}

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Expected sentences: split at marks and blank lines.
fn expected(marked: &str) -> Vec<String> {
    let mut out = Vec::new();
    for para in marked.split("\n\n") {
        for piece in para.split(MARK) {
            let piece = normalise(piece);
            if !piece.is_empty() {
                out.push(piece);
            }
        }
    }
    out
}

fn load(dir: &Path) -> std::io::Result<Vec<Passage>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)?
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
            let id = head.split_whitespace().next().unwrap_or("?").to_owned();
            passages.push(Passage {
                id,
                text: body.replace(MARK, ""),
                expected: expected(body),
            });
        }
    }
    Ok(passages)
}

fn main() -> std::io::Result<()> {
    let verbose = std::env::args().any(|a| a == "--verbose");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/archive");
    let passages = load(&dir)?;
    let splitter = Splitter::default();
    let (mut exact, mut tp, mut n_pred, mut n_gold) = (0usize, 0usize, 0usize, 0usize);
    for p in &passages {
        let got: Vec<String> = splitter.split_str(&p.text).map(normalise).collect();
        // Boundaries as cumulative lengths of the normalised sentences.
        let ends = |v: &[String]| {
            let mut acc = 0;
            v.iter().map(|s| { acc += s.len() + 1; acc }).collect::<Vec<_>>()
        };
        let (g, e) = (ends(&got), ends(&p.expected));
        tp += g.iter().filter(|x| e.contains(x)).count();
        n_pred += g.len();
        n_gold += e.len();
        if got == p.expected {
            exact += 1;
        } else if verbose {
            println!("MISS {}\n  got:  {:?}\n  want: {:?}", p.id, got, p.expected);
        }
    }
    let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 };
    println!(
        "archive passages: {} | exact match: {}/{} = {:.1}% | sentence precision {:.1}% recall {:.1}%",
        passages.len(),
        exact,
        passages.len(),
        pct(exact, passages.len()),
        pct(tp, n_pred),
        pct(tp, n_gold)
    );
    Ok(())
}
