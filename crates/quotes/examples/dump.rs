//! Prints the quotes found in the files given on the command line (for eyeballing).
fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        println!("== {path}");
        for q in galley_quotes::find_quotes(&text) {
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
