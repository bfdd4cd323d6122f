//! Prints the quotes found in the files given on the command line, one line each (for
//! eyeballing); with `--json`, the `quotes` field as the stage writes it.
fn main() {
    let json = std::env::args().any(|a| a == "--json");
    for path in std::env::args().skip(1).filter(|a| a != "--json") {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        println!("== {path}");
        let quotes = galley_quotes::find_quotes(&text);
        if json {
            println!(
                "{}",
                serde_json::to_string_pretty(&quotes).unwrap_or_default()
            );
            continue;
        }
        for q in quotes {
            let head: String = q.text.chars().take(50).collect();
            println!(
                "g{:<3} {:<6} {:<7} {:<30} {:<14} {:<18} {:.2} {}",
                q.group,
                format!("{:?}", q.kind),
                if q.marks { "" } else { "NOMARK" },
                q.speaker.unwrap_or_default(),
                q.cue.unwrap_or_default(),
                q.sieve.unwrap_or_default(),
                q.confidence,
                head
            );
        }
    }
}
