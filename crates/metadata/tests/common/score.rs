//! Scores the stage's output on one page against a hand-written expectation (the format of
//! `tests/gold/seed_metadata.jsonl`): stated fields right, invented fields, boilerplate lines
//! found, body lines kept. Shared by the gold test and `examples/eval.rs`.
#![allow(dead_code)]

use galley_metadata::Extraction;
use galley_record::{CharIndex, ZoneKind};
use serde_json::Value;

#[derive(Debug, Default, Clone)]
pub struct Score {
    pub fields_stated: usize,
    pub fields_right: usize,
    pub invented: Vec<String>,
    pub wrong: Vec<String>,
    pub boilerplate_expected: usize,
    pub boilerplate_found: usize,
    pub boilerplate_false: Vec<String>,
    pub boilerplate_missed: Vec<String>,
    pub body_lost: Vec<String>,
}

impl Score {
    pub fn add(&mut self, other: &Score) {
        self.fields_stated += other.fields_stated;
        self.fields_right += other.fields_right;
        self.invented.extend(other.invented.iter().cloned());
        self.wrong.extend(other.wrong.iter().cloned());
        self.boilerplate_expected += other.boilerplate_expected;
        self.boilerplate_found += other.boilerplate_found;
        self.boilerplate_false
            .extend(other.boilerplate_false.iter().cloned());
        self.boilerplate_missed
            .extend(other.boilerplate_missed.iter().cloned());
        self.body_lost.extend(other.body_lost.iter().cloned());
    }

    pub fn field_accuracy(&self) -> f64 {
        ratio(self.fields_right, self.fields_stated)
    }
    pub fn precision(&self) -> f64 {
        ratio(
            self.boilerplate_found,
            self.boilerplate_found + self.boilerplate_false.len(),
        )
    }
    pub fn recall(&self) -> f64 {
        ratio(self.boilerplate_found, self.boilerplate_expected)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn alternatives(v: &Value) -> Vec<&str> {
    match v {
        Value::String(s) => vec![s.as_str()],
        Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// A value is right when it is one of the listed strings; a person list is right when every
/// expected person is named and every name given is one of the expected people.
fn field_right(expected: &Value, got: &Value) -> bool {
    let people: Option<Vec<Vec<&str>>> = expected.as_array().and_then(|a| {
        a.iter()
            .map(|p| {
                p.as_array()
                    .map(|x| x.iter().filter_map(Value::as_str).collect())
            })
            .collect()
    });
    match (people, got) {
        (Some(people), Value::Array(names)) => {
            let names: Vec<&str> = names.iter().filter_map(Value::as_str).collect();
            people.iter().all(|p| names.iter().any(|n| p.contains(n)))
                && names.iter().all(|n| people.iter().any(|p| p.contains(n)))
        }
        (Some(_), _) => false,
        (None, Value::String(s)) => alternatives(expected).contains(&s.as_str()),
        (None, _) => false,
    }
}

fn zone_at(zones: &[galley_record::Zone], ch: usize) -> Option<ZoneKind> {
    zones
        .iter()
        .find(|z| z.start <= ch && ch < z.end)
        .map(|z| z.kind)
}

/// Scores one page. `expected` is one line of the gold/fixture JSONL.
pub fn score(text: &str, found: &Extraction, expected: &Value) -> Score {
    let mut s = Score::default();
    let (metadata, _) = found.metadata.to_json();
    let empty = serde_json::Map::new();
    let stated = expected["metadata"].as_object().unwrap_or(&empty);
    let optional = expected["optional_metadata"].as_object().unwrap_or(&empty);
    let doc = expected["doc"].as_str().unwrap_or("?");
    for (field, want) in stated {
        s.fields_stated += 1;
        match metadata.get(field) {
            Some(got) if field_right(want, got) => s.fields_right += 1,
            got => s.wrong.push(format!(
                "{doc} {field}: want {want}, got {}",
                got.map_or("nothing".into(), Value::to_string)
            )),
        }
    }
    for (field, got) in metadata.as_object().unwrap_or(&empty) {
        if !stated.contains_key(field) && !optional.contains_key(field) {
            s.invented.push(format!("{doc} {field}: {got}"));
        }
    }

    let index = CharIndex::new(text);
    let lines: Vec<(usize, &str)> = {
        let mut at = 0;
        text.split('\n')
            .map(|l| {
                let start = at;
                at += l.len() + 1;
                (
                    index.char_at(start + (l.len() - l.trim_start().len())),
                    l.trim(),
                )
            })
            .collect()
    };
    let strings = |key: &str| -> Vec<&str> {
        expected[key]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default()
    };
    let boilerplate = strings("boilerplate_lines");
    let neutral = strings("neutral_lines");
    for want in &boilerplate {
        s.boilerplate_expected += 1;
        let hit = lines
            .iter()
            .any(|(ch, l)| l == want && zone_at(&found.zones, *ch) == Some(ZoneKind::Boilerplate));
        if hit {
            s.boilerplate_found += 1;
        } else {
            s.boilerplate_missed.push(format!("{doc}: {want}"));
        }
    }
    for (ch, l) in &lines {
        if !l.is_empty()
            && zone_at(&found.zones, *ch) == Some(ZoneKind::Boilerplate)
            && !boilerplate.contains(l)
            && !neutral.contains(l)
        {
            s.boilerplate_false.push(format!("{doc}: {l}"));
        }
    }

    // Body: every line between the first and last body line (any accepted pair) is body.
    let find = |prefix: &str| {
        lines
            .iter()
            .position(|(_, l)| !prefix.is_empty() && l.starts_with(prefix.trim()))
    };
    let candidates = |line_key: &str, prefix_key: &str, alt_key: &str| -> Vec<usize> {
        let mut out: Vec<usize> = expected[line_key]
            .as_u64()
            .map(|n| n as usize - 1)
            .into_iter()
            .collect();
        if out.is_empty() {
            out.extend(expected[prefix_key].as_str().and_then(find));
        }
        out.extend(strings(alt_key).into_iter().filter_map(find));
        out
    };
    let firsts = candidates(
        "body_first_line",
        "body_first_line_prefix",
        "body_first_line_alternatives",
    );
    let lasts = candidates(
        "body_last_line",
        "body_last_line_prefix",
        "body_last_line_alternatives",
    );
    let mut best: Option<Vec<String>> = None;
    for &f in &firsts {
        for &l in &lasts {
            let lost: Vec<String> = lines
                .iter()
                .enumerate()
                .skip(f)
                .take((l + 1).saturating_sub(f))
                .filter(|(_, (ch, t))| {
                    !t.is_empty()
                        && !neutral.contains(t)
                        && zone_at(&found.zones, *ch) != Some(ZoneKind::Body)
                })
                .map(|(i, (_, t))| {
                    format!(
                        "{doc} line {}: {}",
                        i + 1,
                        t.chars().take(50).collect::<String>()
                    )
                })
                .collect();
            if best.as_ref().is_none_or(|b| lost.len() < b.len()) {
                best = Some(lost);
            }
        }
    }
    s.body_lost = best.unwrap_or_else(|| vec![format!("{doc}: body bounds not found")]);
    s
}

/// Fails with the full list of every wrong, invented, missed or lost item.
pub fn assert_perfect(total: &Score) {
    assert!(total.wrong.is_empty(), "wrong fields: {:#?}", total.wrong);
    assert!(
        total.invented.is_empty(),
        "invented fields: {:#?}",
        total.invented
    );
    assert!(
        total.boilerplate_missed.is_empty(),
        "missed boilerplate: {:#?}",
        total.boilerplate_missed
    );
    assert!(
        total.boilerplate_false.is_empty(),
        "false boilerplate: {:#?}",
        total.boilerplate_false
    );
    assert!(
        total.body_lost.is_empty(),
        "body lines lost: {:#?}",
        total.body_lost
    );
}
