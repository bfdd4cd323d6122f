//! Speaker attribution on novels annotated in the style of the Project Dialogism Novel Corpus
//! (PDNC: every quotation of a novel with its speaker and a type). The corpus has no licence,
//! so nothing of it is committed: point this at a local directory of excerpts,
//! `cargo run --release -p galley-quotes --example pdnc_eval -- DIR [-v] [NOVEL …]`
//! (default DIR `/work/scratch/pdnc`; without it the example says so and exits cleanly; it is
//! never needed by the tests). Each sub-directory is one novel excerpt:
//! - `novel_text.txt`: the text (an opening stretch of the novel's `novel_text.txt`);
//! - `quotes.tsv`: one gold quotation a line, `SPANS<TAB>SPEAKER<TAB>TYPE`, where `SPANS` is
//!   `start-end[,start-end…]` in character offsets of the content inside the marks (PDNC's
//!   `quoteByteSpans`), `SPEAKER` the character's main name and `TYPE` `Explicit` (a speech
//!   verb and the speaker's name next to the quotation), `Anaphoric` (a pronoun or a
//!   description: `said she`, `cried his wife`) or `Implicit` (no cue at all);
//! - `characters.tsv`: `MAIN NAME<TAB>ALIAS|ALIAS|…` (PDNC's `character_info.csv`).
//!
//! Alignment: a gold quotation is found when one of our quotations overlaps one of its spans;
//! the one overlapping it most is scored. Its speaker is right when our `speaker` or our
//! `speaker_mention` text equals the gold character's main name or one of its aliases,
//! compared case-insensitively after folding whitespace, dropping a leading `the ` and the
//! full stop of `Mr.`/`Mrs.`/`Dr.`. Gold speakers starting with `_` (PDNC's `_group`,
//! `_unknowable`) count for span recall only. Figures are printed per novel and summed.

use galley_quotes::find_quotes;
use galley_record::Quote;
use std::path::Path;

struct Gold {
    spans: Vec<(usize, usize)>,
    speaker: String,
    kind: String,
}

fn norm(s: &str) -> String {
    let s = s
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let s = s.replace('’', "'");
    let s = s.strip_prefix("the ").unwrap_or(&s).to_owned();
    ["mr. ", "mrs. ", "dr. ", "st. "]
        .iter()
        .fold(s, |s, t| s.replace(t, &t.replace('.', "")))
}

/// A character's main name and every name that counts for it (normalised).
type Character = (String, Vec<String>);

fn load(dir: &Path) -> Option<(String, Vec<Gold>, Vec<Character>)> {
    let text = std::fs::read_to_string(dir.join("novel_text.txt")).ok()?;
    let quotes = std::fs::read_to_string(dir.join("quotes.tsv")).ok()?;
    let chars = std::fs::read_to_string(dir.join("characters.tsv")).unwrap_or_default();
    let gold = quotes
        .lines()
        .filter_map(|l| {
            let mut f = l.split('\t');
            let spans = f
                .next()?
                .split(',')
                .filter_map(|s| {
                    let (a, b) = s.split_once('-')?;
                    Some((a.trim().parse().ok()?, b.trim().parse().ok()?))
                })
                .collect();
            Some(Gold {
                spans,
                speaker: f.next()?.trim().to_owned(),
                kind: f.next()?.trim().to_owned(),
            })
        })
        .collect();
    let characters = chars
        .lines()
        .filter_map(|l| {
            let (main, aliases) = l.split_once('\t')?;
            let mut names: Vec<String> = aliases.split('|').map(norm).collect();
            names.push(norm(main));
            Some((main.trim().to_owned(), names))
        })
        .collect();
    Some((text, gold, characters))
}

#[path = "../tests/common/tally.rs"]
mod tally;
use tally::Tally;

const KINDS: [&str; 3] = ["Explicit", "Anaphoric", "Implicit"];

/// Per gold type: span recall, speaker accuracy (field or mention), speaker field alone.
type Row = ([Tally; 3], [Tally; 3], [Tally; 3]);

fn overlap(q: &Quote, (a, b): (usize, usize)) -> usize {
    q.end.min(b).saturating_sub(q.start.max(a))
}

fn score(name: &str, dir: &Path, verbose: bool) -> Option<Row> {
    let (text, gold, characters) = load(dir)?;
    let quotes = find_quotes(&text);
    let chars: Vec<char> = text.chars().collect();
    let mut row: Row = Default::default();
    for g in &gold {
        let Some(k) = KINDS.iter().position(|k| *k == g.kind) else {
            continue;
        };
        let best = quotes
            .iter()
            .map(|q| (g.spans.iter().map(|&s| overlap(q, s)).sum::<usize>(), q))
            .filter(|(o, _)| *o > 0)
            .max_by_key(|(o, _)| *o)
            .map(|(_, q)| q);
        row.0[k].add(best.is_some());
        if g.speaker.starts_with('_') {
            continue;
        }
        let names = characters
            .iter()
            .find(|(main, _)| *main == g.speaker)
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| vec![norm(&g.speaker)]);
        let named = |s: Option<&str>| s.is_some_and(|s| names.contains(&norm(s)));
        let field = best.is_some_and(|q| named(q.speaker.as_deref()));
        let ok = field
            || best.is_some_and(|q| named(q.speaker_mention.as_ref().map(|m| m.text.as_str())));
        row.1[k].add(ok);
        row.2[k].add(field);
        if verbose && (!ok || !field) {
            let (a, b) = g.spans[0];
            let ctx: String = chars[a.saturating_sub(60)..(b + 60).min(chars.len())]
                .iter()
                .collect::<String>()
                .replace('\n', " ");
            println!(
                "  [{name}] {} want {:?}, got {:?} ({:?}, sieve {:?})\n      …{ctx}…",
                g.kind,
                g.speaker,
                best.and_then(|q| q.speaker.clone()),
                best.and_then(|q| q.speaker_mention.as_ref().map(|m| m.text.clone())),
                best.and_then(|q| q.sieve.clone()),
            );
        }
    }
    Some(row)
}

fn print_row(label: &str, row: &Row) {
    let mut all_found = Tally::default();
    for t in row.0 {
        all_found.merge(t);
    }
    let mut all = Tally::default();
    for t in row.1 {
        all.merge(t);
    }
    println!(
        "{label:<20} spans {:<15} explicit {:<15} anaphoric {:<15} implicit {:<15} all {:<15} (speaker field alone: explicit {}, all {})",
        all_found.cell(),
        row.1[0].cell(),
        row.1[1].cell(),
        row.1[2].cell(),
        all.cell(),
        row.2[0].cell(),
        row.2.iter().fold(Tally::default(), |mut a, t| {
            a.merge(*t);
            a
        })
        .cell()
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let mut rest = args.iter().filter(|a| !a.starts_with('-'));
    let root = rest
        .next()
        .cloned()
        .unwrap_or_else(|| "/work/scratch/pdnc".into());
    let only: Vec<&String> = rest.collect();
    let Ok(entries) = std::fs::read_dir(&root) else {
        println!("pdnc_eval: no excerpts at {root}; nothing to score (see the doc comment)");
        return;
    };
    let mut dirs: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    dirs.sort();
    let mut total: Row = Default::default();
    for dir in dirs {
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !only.is_empty() && !only.iter().any(|o| **o == name) {
            continue;
        }
        let Some(row) = score(&name, &dir, verbose) else {
            continue;
        };
        print_row(&name, &row);
        for k in 0..3 {
            total.0[k].merge(row.0[k]);
            total.1[k].merge(row.1[k]);
            total.2[k].merge(row.2[k]);
        }
    }
    print_row("total", &total);
}
