//! Shows what the stage reads from plain-text pages: the fields, then every line with its zone.
//! `cargo run -p galley-metadata --example show -- page1.txt [page2.txt …]` (repetition is
//! learned across the given pages when there are enough of them).

use galley_metadata::MetadataStage;
use galley_record::ZoneKind;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let texts = paths
        .iter()
        .map(std::fs::read_to_string)
        .collect::<Result<Vec<_>, _>>()?;
    let mut stage = MetadataStage::default();
    stage.learn_texts(texts.iter().map(String::as_str).collect::<Vec<_>>());
    for (path, text) in paths.iter().zip(&texts) {
        let found = stage.extract(text);
        println!("== {path}");
        println!(
            "{}",
            serde_json::to_string_pretty(&found.metadata.to_json().0)?
        );
        let mut at = 0usize;
        for line in text.split('\n') {
            let kind = found
                .zones
                .iter()
                .find(|z| z.start <= at && at < z.end)
                .map(|z| z.kind);
            let tag = match kind {
                Some(ZoneKind::Boilerplate) => "CHROME",
                Some(ZoneKind::Header) => "header",
                Some(ZoneKind::Footer) => "footer",
                Some(ZoneKind::Body) => "  body",
                None => "     ?",
            };
            if !line.trim().is_empty() {
                println!("{tag} | {}", line.chars().take(100).collect::<String>());
            }
            at += line.chars().count() + 1;
        }
    }
    Ok(())
}
