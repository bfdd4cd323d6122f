//! Reviewed snapshot of what the stage finds on the sample corpus: one line per span with
//! group, kind, speaker, cue, sieve and the first words of the text.

use galley_quotes::find_quotes;

fn render(path: &str) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = String::new();
    for q in find_quotes(&text) {
        let head: String = q.text.chars().take(48).collect();
        out.push_str(&format!(
            "g{:<2} {:<6} {:<5} {:<28} {:<16} {:<18} {}\n",
            q.group,
            format!("{:?}", q.kind).to_lowercase(),
            if q.marks { "“”" } else { "none" },
            q.speaker.as_deref().unwrap_or("-"),
            q.cue.as_deref().unwrap_or("-"),
            q.sieve.as_deref().unwrap_or("-"),
            head
        ));
    }
    out
}

#[test]
fn sample_corpus_quotes() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    for path in files {
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("doc")
            .to_owned();
        insta::assert_snapshot!(name, render(&path.to_string_lossy()));
    }
}
