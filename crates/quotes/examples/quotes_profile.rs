//! Profiling driver: runs `find_quotes` over the sample corpus (repeated) and seeded archive
//! text, printing every quote as JSON so output can be diffed before and after a speed change.
//! `cargo run --release -p galley-quotes --example quotes_profile -- [repeats] [corpus]`

#[path = "../tests/common/synth.rs"]
#[allow(dead_code)]
mod synth;

fn main() {
    let repeats: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1);
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    let mut texts: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    // `corpus` as second argument: the sample files only
    if std::env::args().nth(2).as_deref() != Some("corpus") {
        texts.extend((0..16).map(|seed| synth::archive(seed, 80).text));
        texts.extend((0..8).map(|seed| synth::document(seed, 60).text));
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    eprintln!("{} texts, {bytes} bytes per round", texts.len());
    let mut out = String::new();
    for round in 0..repeats {
        for text in &texts {
            let quotes = galley_quotes::find_quotes(text);
            if round == 0 {
                out.push_str(&serde_json::to_string(&quotes).unwrap_or_default());
                out.push('\n');
            }
        }
    }
    print!("{out}");
}
