//! Hand-annotated texts (`tests/fixtures/eval.txt` and the later sets): `=== name`, the text,
//! `---`, then one line per quotation `kinds | speaker;aliases | x (explicit tag) or - |
//! prefix`; `unmarked` as kind for a block quotation without marks.

use galley_record::Quote;

pub struct Expected {
    pub kinds: Vec<String>,
    pub speakers: Vec<String>,
    pub explicit: bool,
    pub unmarked: bool,
    pub prefix: String,
}

pub struct Doc {
    pub name: String,
    pub text: String,
    pub expected: Vec<Expected>,
}

pub fn norm(s: &str) -> String {
    let s = s.trim().replace('’', "'").to_lowercase();
    s.strip_prefix("the ").unwrap_or(&s).to_owned()
}

pub fn parse(fixtures: &str) -> Vec<Doc> {
    let mut docs = Vec::new();
    for block in fixtures.split("=== ").skip(1) {
        let (name, rest) = block.split_once('\n').unwrap_or((block, ""));
        let (text, notes) = rest.split_once("\n---\n").unwrap_or((rest, ""));
        let expected = notes
            .lines()
            .filter(|l| !l.trim().is_empty())
            .filter_map(|l| {
                let f: Vec<&str> = l.splitn(4, " | ").collect();
                let [kinds, speakers, explicit, prefix] = f[..] else {
                    return None;
                };
                let unmarked = kinds == "unmarked";
                Some(Expected {
                    kinds: if unmarked {
                        vec!["direct".into()]
                    } else {
                        kinds.split('/').map(str::to_owned).collect()
                    },
                    speakers: if speakers == "-" {
                        Vec::new()
                    } else {
                        speakers.split(';').map(norm).collect()
                    },
                    explicit: explicit == "x",
                    unmarked,
                    prefix: prefix.trim().to_owned(),
                })
            })
            .collect();
        docs.push(Doc {
            name: name.trim().to_owned(),
            text: text.trim_end().to_owned(),
            expected,
        });
    }
    docs
}

pub fn matches_prefix(q: &Quote, prefix: &str) -> bool {
    q.text.starts_with(prefix) || (!q.text.is_empty() && prefix.starts_with(&q.text))
}
