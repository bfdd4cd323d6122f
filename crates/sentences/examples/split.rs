//! Prints the sentences of stdin, one per line (`cargo run -p galley-sentences --example split < file.txt`).

use std::io::Read;

fn main() -> std::io::Result<()> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let splitter = galley_sentences::Splitter::default();
    for sentence in splitter.split_str(&text) {
        println!(
            "{}",
            sentence.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }
    Ok(())
}
