//! The sample corpus against the hand-checked gold (`tests/gold/`): kind accuracy over the 79
//! quote-mark spans, speaker accuracy over the direct ones, and every required unmarked
//! passage found. Spans are matched by the gold `prefix` (first 40 characters inside the marks).

use galley_quotes::find_quotes;
use galley_record::Quote;
use serde_json::Value;

const QUOTES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/gold/seed_quotes.jsonl"
));
const UNQUOTED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/gold/seed_unquoted_speech.jsonl"
));

fn corpus(doc: &str) -> String {
    let path = format!("{}/../../corpus/{doc}.txt", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn norm(s: &str) -> String {
    let s = s.trim().replace('’', "'").to_lowercase();
    s.strip_prefix("the ").unwrap_or(&s).to_owned()
}

fn names_of(gold: &Value, main: &str, aliases: &str) -> Vec<String> {
    let mut out: Vec<String> = gold[main].as_str().into_iter().map(norm).collect();
    out.extend(
        gold[aliases]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(norm),
    );
    out
}

fn starts_with_prefix(q: &Quote, prefix: &str) -> bool {
    q.text.starts_with(prefix) || (prefix.starts_with(&q.text) && !q.text.is_empty())
}

#[test]
fn sample_corpus_meets_the_gold() {
    let mut docs: Vec<(String, Vec<Quote>)> = Vec::new();
    let (mut kinds_ok, mut spans, mut direct, mut speakers_ok) = (0, 0, 0, 0);
    let mut misses = Vec::new();
    let mut cursor: Vec<(String, usize)> = Vec::new();
    for line in QUOTES.lines().filter(|l| !l.trim().is_empty()) {
        let gold: Value = serde_json::from_str(line).expect("gold line");
        let doc = gold["doc"].as_str().expect("doc").to_owned();
        if !docs.iter().any(|(d, _)| *d == doc) {
            let found = find_quotes(&corpus(&doc));
            docs.push((doc.clone(), found));
            cursor.push((doc.clone(), 0));
        }
        let quotes = &docs.iter().find(|(d, _)| *d == doc).expect("doc").1;
        let at = cursor.iter_mut().find(|(d, _)| *d == doc).expect("cursor");
        let prefix = gold["prefix"].as_str().expect("prefix");
        spans += 1;
        let Some(k) = (at.1..quotes.len())
            .find(|&k| quotes[k].marks && starts_with_prefix(&quotes[k], prefix))
        else {
            misses.push(format!("{doc} span not found: {prefix}"));
            if gold["kind"] == "direct" {
                direct += 1;
            }
            continue;
        };
        at.1 = k + 1;
        let q = &quotes[k];
        let kind = q.kind.as_str();
        let alt: Vec<&str> = gold["alt_kinds"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        if gold["kind"] == kind || alt.contains(&kind) {
            kinds_ok += 1;
        } else {
            misses.push(format!("{doc} kind {kind} != {}: {prefix}", gold["kind"]));
        }
        if gold["kind"] == "direct" {
            direct += 1;
            let accepted = names_of(&gold, "speaker", "aliases");
            if q.speaker
                .as_deref()
                .is_some_and(|s| accepted.contains(&norm(s)))
            {
                speakers_ok += 1;
            } else {
                misses.push(format!(
                    "{doc} speaker {:?} not in {accepted:?}: {prefix}",
                    q.speaker
                ));
            }
        } else if kind == "direct" && !gold["alt_speaker"].is_null() {
            let accepted = names_of(&gold, "alt_speaker", "alt_aliases");
            if !q
                .speaker
                .as_deref()
                .is_some_and(|s| accepted.contains(&norm(s)))
            {
                misses.push(format!(
                    "{doc} (alt direct) speaker {:?} not in {accepted:?}: {prefix}",
                    q.speaker
                ));
            }
        }
    }

    let (mut required, mut required_found) = (0, 0);
    for line in UNQUOTED.lines().filter(|l| !l.trim().is_empty()) {
        let gold: Value = serde_json::from_str(line).expect("gold line");
        if gold["required"] != true {
            continue;
        }
        required += 1;
        let doc = gold["doc"].as_str().expect("doc");
        let found = find_quotes(&corpus(doc));
        let mut prefixes: Vec<&str> = vec![gold["prefix"].as_str().expect("prefix")];
        prefixes.extend(
            gold["alt_prefixes"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str),
        );
        if found
            .iter()
            .any(|q| !q.marks && prefixes.iter().any(|p| starts_with_prefix(q, p)))
        {
            required_found += 1;
        } else {
            misses.push(format!("{doc} unmarked passage not found: {}", prefixes[0]));
        }
    }

    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!(
        "kind:     {kinds_ok}/{spans} = {:.1}%",
        pct(kinds_ok, spans)
    );
    println!(
        "speaker:  {speakers_ok}/{direct} = {:.1}% of gold direct quotes",
        pct(speakers_ok, direct)
    );
    println!("unmarked: {required_found}/{required} required passages found");
    for m in &misses {
        println!("  miss: {m}");
    }
    assert_eq!(spans, 79);
    assert!(
        pct(kinds_ok, spans) >= 95.0,
        "kind accuracy below 95%: {misses:#?}"
    );
    assert!(
        pct(speakers_ok, direct) >= 95.0,
        "speaker accuracy below 95%: {misses:#?}"
    );
    assert_eq!(required_found, required, "{misses:#?}");
}
