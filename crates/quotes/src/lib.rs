//! Stage `quotes`: finds every quotation in a document, tells speech (`direct`) from scare
//! quotes, titles and cited terms, and names who said it, with one canonical name per person
//! per document. Works on raw text alone; uses `zones` (skipping `boilerplate`) when present.
//!
//! Offsets: a quote's `start..end` is the **content inside the marks** (character offsets,
//! end exclusive, surrounding spaces trimmed) and `text` is exactly that content; for an
//! unclosed span it runs to the end of its paragraph (across a single line break only when
//! the closing mark follows on a later line); empty quotes (`“”`) are no span. Every mark
//! family pairs: “…” ‘…’ "…" '…' «…» »…« ‹…› „…“ „…” ‚…‘ ”…”. Spans of one quotation (split
//! by an attribution, or running over several paragraphs, each reopened by its own mark, `»`
//! in French) share `group`; block quotations found without marks have `marks: false`.
//! Sentence bounds are found locally around each quotation (the `sentences` field is not
//! needed, so the stage gives the same answer alone and in a pipeline).
//!
//! `sieve` names the rule that found the speaker, most certain first: `cue-before`
//! (`Stalin said: “…”`), `cue-after` (`“…”, wrote X`), `frame` (`In the words of X`,
//! `X’s policy: “…”`), `message-source` (`a radiogram from X`), `subject-of-cue` (subject of
//! a speech verb earlier in the sentence), `pronoun` (`he wrote` → the last compatible
//! subject), `pronoun-dialogue` (a `said she` tag the narrative leaves open: the latest
//! speaker of that sex who is not addressed in the quotation), `narrator` (`I said` in a
//! first-person story: the name the other speakers call the narrator), `previous-paragraph`,
//! `sentence-subject`, `previous-sentence`, `action-beat` (the person a narrative beat next to
//! an untagged line opens on), `same-paragraph`, `continuation` (later parts of a split or
//! multi-paragraph quotation), `turn-taking` (untagged dialogue: alternation, or the person
//! the last turn called by name), and for unmarked blocks `signature`, `letter`,
//! `list-frame`.

mod attribute;
mod blocks;
mod dialogue;
mod lexicon;
mod marks;
mod names;
mod text;

use galley_record::{
    parse_options, CharIndex, Document, Mention, OptionDoc, Options, Quote, QuoteKind, Stage,
    StageError, StageSpec, Zone, ZoneKind,
};
use serde::Deserialize;

/// Quote-mark spans alone (byte offsets), for callers that need no attribution.
pub use marks::{find as find_spans, Family, RawQuote};

/// Options of the `quotes` stage (`[[stages]] use = "quotes"` in pipeline.toml).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct QuotesOptions {
    /// Also find block quotations without marks (quoted letters, dash-signed paragraphs,
    /// lists of demands after a speech frame).
    pub block_quotes: bool,
    /// Skip quotations that open inside a `boilerplate` zone (needs the `zones` field).
    pub skip_boilerplate: bool,
    /// Speakers attributed with less confidence than this are left `null` (the span keeps
    /// its kind).
    pub min_speaker_confidence: f64,
}

impl Default for QuotesOptions {
    fn default() -> Self {
        QuotesOptions {
            block_quotes: true,
            skip_boilerplate: true,
            min_speaker_confidence: 0.0,
        }
    }
}

const OPTIONS: &[OptionDoc] = &[
    OptionDoc {
        name: "block_quotes",
        kind: "bool",
        default: "true",
        help: "Also find block quotations without marks (letters, dash-signed paragraphs, lists of demands).",
    },
    OptionDoc {
        name: "skip_boilerplate",
        kind: "bool",
        default: "true",
        help: "Skip quotations that open inside a `boilerplate` zone (when `zones` is present).",
    },
    OptionDoc {
        name: "min_speaker_confidence",
        kind: "float",
        default: "0.0",
        help: "Leave `speaker` null when the attribution is less certain than this.",
    },
];

/// The stage's registry entry.
pub fn spec() -> StageSpec {
    StageSpec {
        name: "quotes",
        summary: "Quotation spans, kind (direct/scare/title/other), speaker, cue; split and multi-paragraph quotes",
        options: OPTIONS,
        build: |options: &Options| {
            let options: QuotesOptions = parse_options("quotes", options)?;
            Ok(Box::new(QuotesStage::new(options)))
        },
    }
}

/// The `quotes` stage: writes the `quotes` field.
#[derive(Debug, Clone, Default)]
pub struct QuotesStage {
    options: QuotesOptions,
}

impl QuotesStage {
    pub fn new(options: QuotesOptions) -> Self {
        QuotesStage { options }
    }
}

impl Stage for QuotesStage {
    fn name(&self) -> &str {
        "quotes"
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let zones: Option<Vec<Zone>> =
            doc.get_as("zones").map_err(|message| StageError::Field {
                field: "zones".into(),
                message,
            })?;
        let quotes = find_quotes_with(&doc.text, zones.as_deref().unwrap_or(&[]), &self.options);
        doc.set("quotes", quotes);
        Ok(())
    }

    fn outputs(&self) -> &[&str] {
        &["quotes"]
    }
}

/// All quotations of `text` with default options and no zones.
pub fn find_quotes(text: &str) -> Vec<Quote> {
    find_quotes_with(text, &[], &QuotesOptions::default())
}

/// One span before conversion to character offsets.
struct Pending {
    start: usize,
    end: usize,
    at: attribute::Attribution,
    marks: bool,
    /// Provisional group id; renumbered in text order at the end.
    gid: usize,
}

/// All quotations of `text`; `zones` (character offsets) mark boilerplate to skip.
pub fn find_quotes_with(text: &str, zones: &[Zone], options: &QuotesOptions) -> Vec<Quote> {
    let paras = text::paragraphs(text);
    let raw = marks::find_in(text, &paras);
    let blocks = if options.block_quotes {
        blocks::find(text, &paras, &raw)
    } else {
        Vec::new()
    };
    if raw.is_empty() && blocks.is_empty() {
        return Vec::new();
    }
    let boiler: Vec<(usize, usize)> = if options.skip_boilerplate && !zones.is_empty() {
        let index = CharIndex::new(text);
        zones
            .iter()
            .filter(|z| z.kind == ZoneKind::Boilerplate)
            .filter_map(|z| Some((index.byte_at(z.start)?, index.byte_at(z.end)?)))
            .collect()
    } else {
        Vec::new()
    };
    let in_boilerplate = |pos: usize| boiler.iter().any(|&(s, e)| s <= pos && pos < e);

    let ctx = attribute::Ctx::new(text, &paras, &raw);
    let mut atts: Vec<attribute::Attribution> = (0..raw.len()).map(|i| ctx.attribute(i)).collect();
    dialogue::settle(text, &raw, ctx.canon(), &mut atts);
    // Continuations inherit the speaker of the quotation they continue; split quotes share
    // the attribution found for either part.
    let mut gids: Vec<usize> = (0..raw.len()).collect();
    for i in 0..raw.len() {
        let (prev, split) = match raw[i].continues {
            Some(j) => (j, attribute::Split::Forward),
            None => {
                let Some(j) = previous_sibling(&raw, i) else {
                    continue;
                };
                // `“A little broth,” answered Margaret. “Not much.”`: a short second part that
                // reads as a sentence continues the speech.
                let content = text[raw[i].start..raw[i].end].trim_end();
                let sentence_like = content.chars().next().is_some_and(char::is_uppercase)
                    && content.ends_with(['.', '!', '?', '…']);
                let both_direct = atts[j].kind == QuoteKind::Direct
                    && (atts[i].kind == QuoteKind::Direct
                        || sentence_like
                        || ctx.tag_between(j, i));
                let split = if both_direct {
                    ctx.split_continues(j, i)
                } else {
                    attribute::Split::No
                };
                (j, split)
            }
        };
        let j = prev;
        let continuation = raw[i].continues.is_some();
        let joins = match split {
            attribute::Split::No => false,
            _ if continuation => true,
            // A split part with its own, different speaker is a new quotation.
            attribute::Split::Forward => {
                atts[j].speaker.is_some()
                    && atts[i]
                        .speaker
                        .as_ref()
                        .is_none_or(|s| Some(&s.name) == atts[j].speaker.as_ref().map(|t| &t.name))
            }
            attribute::Split::Both => match (&atts[i].speaker, &atts[j].speaker) {
                (Some(a), Some(b)) => a.name == b.name,
                _ => true,
            },
        };
        if !joins {
            continue;
        }
        gids[i] = gids[j];
        if atts[i].speaker.is_none() || continuation {
            let from = atts[j].clone();
            let a = &mut atts[i];
            a.kind = QuoteKind::Direct;
            a.speaker = from.speaker;
            a.cue = if continuation { None } else { from.cue };
            a.sieve = from.sieve.map(|_| "continuation");
            a.confidence = from.confidence * 0.95;
        } else if atts[j].speaker.is_none() {
            atts[j].speaker = atts[i].speaker.clone();
            atts[j].cue = atts[i].cue.clone();
            atts[j].sieve = Some("continuation");
        }
    }

    dialogue::turn_taking(text, &paras, &raw, ctx.canon(), &mut atts);
    same_paragraph(text, &raw, &gids, &mut atts);

    let mut pending: Vec<Pending> = Vec::new();
    for ((q, at), gid) in raw.iter().zip(atts).zip(gids) {
        if !in_boilerplate(q.open) {
            pending.push(Pending {
                start: q.start,
                end: q.end,
                at,
                marks: q.marks,
                gid,
            });
        }
    }
    for (bi, b) in blocks.into_iter().enumerate() {
        if b.spans.first().is_some_and(|&(s, _)| in_boilerplate(s)) {
            continue;
        }
        for (k, &(start, end)) in b.spans.iter().enumerate() {
            let at = attribute::Attribution {
                kind: QuoteKind::Direct,
                speaker: b.speaker.clone(),
                cue: if k == 0 { b.cue.clone() } else { None },
                sieve: Some(if k == 0 { b.sieve } else { "continuation" }),
                confidence: b.confidence,
                joins_previous: k > 0,
                tag: None,
                narrator: None,
            };
            pending.push(Pending {
                start,
                end,
                at,
                marks: false,
                gid: raw.len() + bi,
            });
        }
    }
    pending.sort_by_key(|p| p.start);

    let mut index = CharCursor::new(text);
    let mut renumber: Vec<(usize, usize)> = Vec::new();
    let mut out: Vec<Quote> = Vec::with_capacity(pending.len());
    for p in pending {
        let group = match renumber.iter().find(|(g, _)| *g == p.gid) {
            Some(&(_, n)) => n,
            None => {
                renumber.push((p.gid, renumber.len()));
                renumber.len() - 1
            }
        };
        let at = p.at;
        let (speaker, mention) = match at.speaker {
            Some(s) if at.confidence >= options.min_speaker_confidence => {
                let mention = Mention {
                    text: text[s.mention.start..s.mention.end].to_owned(),
                    start: index.char_at(s.mention.start),
                    end: index.char_at(s.mention.end),
                };
                (Some(s.name), Some(mention))
            }
            _ => (None, None),
        };
        let has_speaker = speaker.is_some();
        out.push(Quote {
            start: index.char_at(p.start),
            end: index.char_at(p.end),
            text: text[p.start..p.end].to_owned(),
            kind: at.kind,
            speaker,
            speaker_mention: mention,
            cue: at.cue,
            sieve: if has_speaker {
                at.sieve.map(str::to_owned)
            } else {
                None
            },
            confidence: at.confidence,
            group,
            marks: p.marks,
        });
    }
    out
}

/// Byte to character offsets for offsets visited roughly in text order (spans sorted by
/// start, mentions near their quotation): each lookup counts only the bytes between it and
/// the previous one, so a document is not indexed as a whole for a few dozen offsets.
/// Offsets must be char boundaries within the text.
struct CharCursor<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCursor<'a> {
    fn new(text: &'a str) -> Self {
        CharCursor {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// Characters starting in `text[lo..hi]` (`chars().count()` is the word-at-a-time count).
    fn starts(&self, lo: usize, hi: usize) -> usize {
        match self.text.get(lo..hi) {
            Some(s) => s.chars().count(),
            // not a boundary: a byte that is no UTF-8 continuation byte starts a character
            None => self.text.as_bytes()[lo..hi]
                .iter()
                .filter(|&&c| (c as i8) >= -0x40)
                .count(),
        }
    }

    fn char_at(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if byte >= self.byte {
            self.chars += self.starts(self.byte, byte);
        } else {
            self.chars -= self.starts(byte, self.byte);
        }
        self.byte = byte;
        self.chars
    }
}

/// `“Nonsense.” She pushed the cup away. “Your father …”`: an untagged quotation after a
/// narrative beat (no speech verb) goes on with the speaker of the paragraph's previous one;
/// so does the second part of a split quotation whose first part was settled after the split
/// was joined (by turn-taking).
fn same_paragraph(
    text: &str,
    raw: &[RawQuote],
    gids: &[usize],
    atts: &mut [attribute::Attribution],
) {
    for i in 1..raw.len() {
        if atts[i].speaker.is_some() || atts[i].kind != QuoteKind::Direct || !raw[i].marks {
            continue;
        }
        let Some(j) = previous_sibling(raw, i) else {
            continue;
        };
        if raw[i].parent.is_some() || atts[j].kind != QuoteKind::Direct {
            continue;
        }
        let Some(speaker) = atts[j].speaker.clone() else {
            continue;
        };
        let gap = &text[raw[j].outer_end()..raw[i].open];
        let toks = text::tokens(gap, 0, gap.len());
        let split = gids[i] == gids[j];
        if !split && toks.iter().any(|t| t.word && lexicon::is_tag_verb(t.text)) {
            continue;
        }
        let at = &mut atts[i];
        at.speaker = Some(speaker);
        at.sieve = Some(if split {
            "continuation"
        } else {
            "same-paragraph"
        });
        at.confidence = 0.45;
    }
}

fn previous_sibling(raw: &[RawQuote], i: usize) -> Option<usize> {
    let q = &raw[i];
    (0..i)
        .rev()
        .take_while(|&j| raw[j].para == q.para)
        .find(|&j| raw[j].parent == q.parent && raw[j].outer_end() <= q.open)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_characters_of_the_content() {
        let text = "Trotsky’s friend said: “Ça va.”";
        let q = find_quotes(text);
        assert_eq!(q.len(), 1);
        let chars: Vec<char> = text.chars().collect();
        let content: String = chars[q[0].start..q[0].end].iter().collect();
        assert_eq!(content, "Ça va.");
        assert_eq!(q[0].text, "Ça va.");
    }

    #[test]
    fn split_quote_shares_group_and_speaker() {
        let q = find_quotes("“The key is in Germany”, wrote Trotsky. “The climax is coming.”");
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].group, q[1].group);
        assert_eq!(q[1].speaker.as_deref(), Some("Trotsky"));
    }

    #[test]
    fn stage_sets_field_and_rejects_unknown_options() {
        let stage = (spec().build)(&Options::new()).unwrap();
        let mut doc = Document::new("a", "He said: “Yes, we will.”");
        stage.process(&mut doc).unwrap();
        assert_eq!(doc.array_len("quotes"), 1);
        let mut bad = Options::new();
        bad.insert("blockquotes".into(), true.into());
        assert!((spec().build)(&bad).is_err());
    }

    #[test]
    fn untagged_quotation_after_a_beat_keeps_the_paragraph_speaker() {
        // the first turn's speaker is only known after turn-taking
        let text = "“Where were you?” asked Anna.\n\n“At the station,” said Boris.\n\n“All night.” She frowned. “You might have written.”";
        let q = find_quotes(text);
        assert_eq!(q[2].speaker.as_deref(), Some("Anna"), "{q:?}");
        assert_eq!(q[3].speaker.as_deref(), Some("Anna"), "{q:?}");
        // a split quotation whose first part gets its speaker from turn-taking
        let text = "“Where were you?” asked the boy.\n\n“At the station,” said the girl.\n\n“All night,” he sighed. “All night long.”";
        let q = find_quotes(text);
        assert_eq!(q[2].speaker.as_deref(), Some("the boy"), "{q:?}");
        assert_eq!(q[3].speaker.as_deref(), Some("the boy"), "{q:?}");
    }

    #[test]
    fn reply_after_one_tagged_turn_goes_to_the_person_the_narrative_named() {
        let text = "Mrs. Lund found Hans in the yard.\n\n“The mill is shut,” he said.\n\n“Since when?”\n\n“Since Monday.”";
        let q = find_quotes(text);
        let speakers: Vec<Option<&str>> = q.iter().map(|q| q.speaker.as_deref()).collect();
        assert_eq!(
            speakers,
            [Some("Hans"), Some("Mrs. Lund"), Some("Hans")],
            "{q:?}"
        );
        // a long untagged paragraph after a report's quotation is not a reply
        let long = "Mann spoke at Hull on Friday.\n\n“We will win,” said Tillett.\n\n“The dockers have waited for twenty years and will wait no longer; the masters know it, the magistrates know it, and the government knows it too, whatever the newspapers may choose to print about us this week.”";
        assert_eq!(find_quotes(long)[1].speaker, None);
    }

    #[test]
    fn untagged_turns_alternate_between_the_two_speakers() {
        let text = "“Where were you?” asked Anna.\n\n“At the station,” said Boris.\n\n“All night?”\n\n“All night.”";
        let q = find_quotes(text);
        let speakers: Vec<Option<&str>> = q.iter().map(|q| q.speaker.as_deref()).collect();
        assert_eq!(
            speakers,
            [Some("Anna"), Some("Boris"), Some("Anna"), Some("Boris")]
        );
        assert_eq!(q[2].sieve.as_deref(), Some("turn-taking"));
    }

    #[test]
    fn boilerplate_zones_are_skipped() {
        let text = "Menu “Home” here\nBody said: “Yes, we will.”";
        let zones = [Zone {
            start: 0,
            end: 16,
            kind: ZoneKind::Boilerplate,
        }];
        let q = find_quotes_with(text, &zones, &QuotesOptions::default());
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].text, "Yes, we will.");
    }

    #[test]
    fn malformed_zones_are_a_field_error() {
        let mut doc = Document::new("a", "x");
        doc.set("zones", "nonsense");
        assert!(QuotesStage::default().process(&mut doc).is_err());
    }
}
