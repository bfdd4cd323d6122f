//! Seeded generator of archive-style text whose quotation spans are known: narrative with
//! apostrophes (`Trotsky’s`, `Marxists’ Internet`, `the ’30s`, `don't`), every mark family,
//! nested quotes, multi-paragraph quotations and unclosed marks. Shared by the benchmark and
//! the span-detection part of `examples/quotes_eval.rs`.

use galley_testkit::Rng;

/// Generated text and its expected spans (character offsets of the content inside marks).
#[derive(Debug, Clone, Default)]
pub struct Synth {
    pub text: String,
    pub spans: Vec<(usize, usize)>,
    chars: usize,
}

impl Synth {
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.chars += s.chars().count();
    }
    /// Pushes `open content close` and records the content span.
    fn quote(&mut self, open: &str, content: &str, close: &str) {
        self.push(open);
        let start = self.chars;
        self.push(content);
        self.spans.push((start, self.chars));
        self.push(close);
    }
}

const NARRATIVE: &[&str] = &[
    "The strike spread through the camps in the autumn of 1936.",
    "Trotsky’s son was arrested in Krasnoyarsk and never seen again.",
    "Readers of the Marxists’ Internet Archive will know the story.",
    "In the ’30s the bureaucracy grew stronger every year.",
    "The workers' councils didn't survive the civil war.",
    "Rosa’s letters were smuggled out of the prison by friends.",
    "The Opposition’s platform was printed in a few hundred copies.",
    "Nobody in the barracks believed the official story any more.",
    "The prisoners’ demands were drawn up during the night.",
    "It was the delegates' last meeting before the congress.",
];

const SPEECH: &[&str] = &[
    "We shall not give up the struggle, whatever the cost.",
    "The party is not a club of friends; it is a fighting organisation.",
    "I have told you everything I know about the trial.",
    "You cannot kill ideas.",
    "Our duty is clear, and we will do it to the end.",
    "Nothing is decided yet, comrades.",
];

const TERMS: &[&str] = &[
    "legal",
    "yes men",
    "cleverness",
    "socialism in one country",
    "Left",
    "experts",
];

const SPEAKERS: &[&str] = &[
    "Trotsky said",
    "Lenin wrote",
    "she replied",
    "the chairman declared",
    "Kamenev told him",
];

/// One paragraph of narrative with some quotations; `multi` starts a multi-paragraph quotation.
fn paragraph(rng: &mut Rng, out: &mut Synth) {
    let sentences = 2 + rng.below(4);
    for s in 0..sentences {
        if s > 0 {
            out.push(" ");
        }
        match rng.below(10) {
            0..=3 => out.push(rng.pick(NARRATIVE)),
            4 | 5 => {
                out.push(rng.pick(SPEAKERS));
                out.push(": ");
                let speech = rng.pick(SPEECH);
                match rng.below(5) {
                    0 => out.quote("“", speech, "”"),
                    1 => out.quote("\"", speech, "\""),
                    2 => out.quote("«", speech, "»"),
                    3 => out.quote("‘", speech, "’"),
                    _ => {
                        // nested: “… ‘term’ …”
                        out.push("“");
                        let start = out.chars;
                        let outer = out.spans.len();
                        out.spans.push((0, 0));
                        out.push("They call it ");
                        out.quote("‘", rng.pick(TERMS), "’");
                        out.push(" and laugh.");
                        out.spans[outer] = (start, out.chars);
                        out.push("”");
                    }
                }
            }
            6 | 7 => {
                out.push("The regime praised its own ");
                let term = rng.pick(TERMS);
                match rng.below(3) {
                    0 => out.quote("“", term, "”"),
                    1 => out.quote("\"", term, "\""),
                    _ => out.quote("'", term, "'"),
                }
                out.push(" at every turn.");
            }
            8 => {
                out.quote("“", rng.pick(SPEECH), "”");
                out.push(", ");
                out.push(rng.pick(&["wrote Natalia Sedova", "he added", "said the old man"]));
                out.push(".");
            }
            _ => out.push(rng.pick(NARRATIVE)),
        }
    }
}

/// A document of `paragraphs` paragraphs. Every tenth paragraph starts a multi-paragraph
/// quotation; some paragraphs end with an unclosed mark (bounded at the paragraph's end).
pub fn document(seed: u64, paragraphs: usize) -> Synth {
    let mut rng = Rng::new(seed);
    let mut out = Synth::default();
    for p in 0..paragraphs {
        if p > 0 {
            out.push("\n\n");
        }
        match rng.below(12) {
            0 => {
                // multi-paragraph quotation: opening mark on each paragraph, one closing mark
                let parts = 2 + rng.below(2);
                for k in 0..parts {
                    if k > 0 {
                        out.push("\n\n");
                    }
                    let last = k + 1 == parts;
                    out.quote("“", rng.pick(SPEECH), if last { "”" } else { "" });
                }
            }
            1 => {
                paragraph(&mut rng, &mut out);
                out.push(" He began “");
                let start = out.chars;
                out.push("to speak of the Opposition’s future");
                out.spans.push((start, out.chars));
            }
            _ => paragraph(&mut rng, &mut out),
        }
    }
    out
}

/// Archive-density text: most paragraphs are plain narrative and about one in four carries
/// quotations (roughly one quotation per 700 bytes, as in the sample corpus).
pub fn archive(seed: u64, paragraphs: usize) -> Synth {
    let mut rng = Rng::new(seed ^ 0xA5A5);
    let mut out = Synth::default();
    for p in 0..paragraphs {
        if p > 0 {
            out.push("\n\n");
        }
        if rng.below(4) == 0 {
            paragraph(&mut rng, &mut out);
        } else {
            for s in 0..3 + rng.below(4) {
                if s > 0 {
                    out.push(" ");
                }
                out.push(rng.pick(NARRATIVE));
            }
        }
    }
    out
}
