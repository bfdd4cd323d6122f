//! Scores the splitter on the hand-marked archive passages: the round-1 set in
//! `tests/fixtures/archive/`, the held-out set in `tests/fixtures/heldout/` and the round-3
//! batches in `tests/fixtures/round3/` and `tests/fixtures/round4/` (each batch on its own line), reported separately
//! (exact-match rate of whole passages and sentence precision/recall). `--verbose` prints every
//! miss.
//!
//! `cargo run --release -p galley-sentences --example sentences_eval [-- --verbose]`

#[path = "../tests/common/fixtures.rs"]
mod fixtures;

use galley_sentences::Splitter;

fn score(name: &str, passages: &[fixtures::Passage], splitter: &Splitter, verbose: bool) {
    let (mut exact, mut tp, mut n_pred, mut n_gold) = (0usize, 0usize, 0usize, 0usize);
    // A sentence counts as right when the same text is predicted at the same place.
    let ends = |v: &[String]| {
        let mut acc = 0;
        v.iter()
            .map(|s| {
                acc += s.len() + 1;
                (acc, s.clone())
            })
            .collect::<Vec<_>>()
    };
    for p in passages {
        let got: Vec<String> = splitter
            .split_str(&p.text)
            .map(fixtures::normalise)
            .collect();
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
    let pct = |a: usize, b: usize| {
        if b == 0 {
            0.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    println!(
        "{name} passages: {} | exact match: {}/{} = {:.1}% | sentences: precision {:.1}%, recall {:.1}%",
        passages.len(),
        exact,
        passages.len(),
        pct(exact, passages.len()),
        pct(tp, n_pred),
        pct(tp, n_gold)
    );
}

/// Scores a set as a whole, then each of its batches on its own line.
fn score_batches(name: &str, set: &[fixtures::Passage], splitter: &Splitter, verbose: bool) {
    score(name, set, splitter, verbose);
    let mut batches: Vec<&str> = set.iter().map(|p| fixtures::batch(&p.id)).collect();
    batches.dedup();
    for batch in batches {
        let these: Vec<fixtures::Passage> = set
            .iter()
            .filter(|p| fixtures::batch(&p.id) == batch)
            .cloned()
            .collect();
        score(&format!("  {batch}"), &these, splitter, false);
    }
}

fn main() -> std::io::Result<()> {
    let verbose = std::env::args().any(|a| a == "--verbose");
    let splitter = Splitter::default();
    score("archive", &fixtures::load()?, &splitter, verbose);
    score(
        "held-out",
        &fixtures::load_from(&fixtures::heldout_dir())?,
        &splitter,
        verbose,
    );
    for (name, dir) in [
        ("round-3", fixtures::round3_dir()),
        ("round-4", fixtures::round4_dir()),
    ] {
        score_batches(name, &fixtures::load_from(&dir)?, &splitter, verbose);
    }
    Ok(())
}
