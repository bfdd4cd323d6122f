//! Scores the stage on the hand-written fixture pages (`tests/fixtures`): stated fields right,
//! invented fields, boilerplate-line precision/recall/F1, body lines lost. Run with
//! `cargo run --release -p galley-metadata --example metadata_eval [-- --verbose --no-learn --holdout]`
//! (`--holdout`: the pages in `tests/fixtures/holdout`, written after the rules were fixed;
//! `--dir D`: any directory with `expected.jsonl` and `pages/`, e.g. `tests/fixtures/holdout3`,
//! a third batch of 22 pages whose expectations were committed before its first run — first
//! run 116/122 fields, 9 invented, boilerplate F1 0.826, 16 body lines lost; `holdout4` (7 pages,
//! written after those fixes): first run 44/45, 2 invented, F1 0.970, 6 body lines lost;
//! `--noise`: seeded layout noise on every page — CRLF line ends, trailing spaces and no-break
//! spaces, doubled blank lines — which must not change any figure).

#[path = "../tests/common/score.rs"]
mod score;

use galley_metadata::MetadataStage;
use score::{score, Score};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let verbose = std::env::args().any(|a| a == "--verbose");
    let learn = !std::env::args().any(|a| a == "--no-learn");
    let args: Vec<String> = std::env::args().collect();
    let dir = match args.iter().position(|a| a == "--dir") {
        Some(i) => args.get(i + 1).cloned().ok_or("--dir needs a directory")?,
        None if args.iter().any(|a| a == "--holdout") => format!("{FIXTURES}/holdout"),
        None => FIXTURES.to_owned(),
    };
    let expected = std::fs::read_to_string(format!("{dir}/expected.jsonl"))?;
    let mut pages = Vec::new();
    for line in expected.lines().filter(|l| !l.trim().is_empty()) {
        let exp: serde_json::Value = serde_json::from_str(line)?;
        let doc = exp["doc"].as_str().ok_or("fixture without doc")?.to_owned();
        let text = std::fs::read_to_string(format!("{dir}/pages/{doc}.txt"))?;
        pages.push((exp, text));
    }
    if std::env::args().any(|a| a == "--noise") {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for (_, text) in &mut pages {
            *text = add_noise(text, &mut seed);
        }
    }
    let mut stage = MetadataStage::default();
    if learn {
        stage.learn_texts(pages.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>());
    }
    let mut total = Score::default();
    for (exp, text) in &pages {
        let s = score(text, &stage.extract(text), exp);
        if verbose {
            for problem in s
                .wrong
                .iter()
                .chain(&s.invented)
                .chain(&s.boilerplate_missed)
                .chain(&s.boilerplate_false)
                .chain(&s.body_lost)
            {
                println!("  {problem}");
            }
        }
        total.add(&s);
    }
    println!(
        "pages: {} (repetition learning {})",
        pages.len(),
        if learn { "on" } else { "off" }
    );
    println!(
        "fields: {}/{} right = {:.1}%",
        total.fields_right,
        total.fields_stated,
        100.0 * total.field_accuracy()
    );
    println!("invented fields: {}", total.invented.len());
    println!(
        "boilerplate lines: precision {:.3} recall {:.3} F1 {:.3} ({} expected, {} false)",
        total.precision(),
        total.recall(),
        total.f1(),
        total.boilerplate_expected,
        total.boilerplate_false.len()
    );
    println!("body lines lost: {}", total.body_lost.len());
    Ok(())
}

/// Layout noise that leaves every line's content intact.
fn add_noise(text: &str, seed: &mut u64) -> String {
    let mut next = || {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        *seed
    };
    let crlf = next() % 2 == 0;
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for line in text.split('\n') {
        out.push_str(line);
        match next() % 4 {
            0 => out.push(' '),
            1 => out.push('\u{a0}'),
            _ => {}
        }
        out.push_str(if crlf { "\r\n" } else { "\n" });
        if line.trim().is_empty() && next() % 3 == 0 {
            out.push('\n');
        }
    }
    out
}
