//! Reads one page: finds where the header ends and the footer begins, assigns every line a
//! zone, and reads the bibliographic fields from header, footer and editorial-intro lines.
//! Only the first and last few dozen lines get real work; the body between is scanned cheaply.

use std::ops::Range;
use std::sync::LazyLock;

use galley_record::{Span, Zone, ZoneKind};
use regex::Regex;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::dates::{find_date, find_date_or_year, find_year, whole_date, DateValue, FoundDate};
use crate::learn::Repetition;
use crate::lines::{
    after_prefix, byline, classify, first_marker, glue_point, is_alt_text, is_initials,
    is_person_name, is_site_name, is_strong_chrome, issue, name_part, normalise, pages,
    split_lines, split_people, strip_full_stop, trailing_name, volume, Line, LineKind, MetaKind,
};

/// How much of a page is examined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Non-blank lines at the top searched for chrome, title and header lines.
    pub head_lines: usize,
    /// Non-blank lines at the bottom searched for chrome, signature and footer lines.
    pub tail_lines: usize,
    /// Body paragraphs searched for editorial notes ("first published in …", "signed …").
    pub intro_paragraphs: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            head_lines: 40,
            tail_lines: 40,
            intro_paragraphs: 5,
        }
    }
}

/// A field's value: one string, or a list of people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum FieldValue {
    Text(String),
    People(Vec<String>),
}

/// One metadata field, with the character span of the line (or sentence) it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    pub value: FieldValue,
    pub span: Span,
}

/// The fields found on a page, in the order of [`FIELD_ORDER`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    pub fields: Vec<Field>,
}

/// Canonical field names and their output order; a `<name>_raw` field (an undecidable
/// date kept as written) follows its base name.
pub const FIELD_ORDER: &[&str] = &[
    "title",
    "subtitle",
    "authors",
    "publication",
    "volume",
    "issue",
    "pages",
    "date_published",
    "date_written",
    "transcribed_by",
    "proofread_by",
    "markup_by",
    "translated_by",
    "online_source",
    "last_updated",
    "site",
    "submitted_by",
    "submitted_date",
];

impl Metadata {
    pub fn get(&self, name: &str) -> Option<&FieldValue> {
        self.fields
            .iter()
            .find(|f| f.name == name)
            .map(|f| &f.value)
    }

    /// `metadata` and `metadata_spans` objects as written into the record.
    pub fn to_json(&self) -> (Value, Value) {
        let mut values = Map::new();
        let mut spans = Map::new();
        for f in &self.fields {
            values.insert(
                f.name.clone(),
                serde_json::to_value(&f.value).unwrap_or(Value::Null),
            );
            spans.insert(
                f.name.clone(),
                serde_json::json!({"start": f.span.start, "end": f.span.end}),
            );
        }
        (Value::Object(values), Value::Object(spans))
    }
}

/// Everything the stage writes for one page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extraction {
    pub metadata: Metadata,
    pub zones: Vec<Zone>,
}

/// Fields as they are found: the first value set for a name wins, so callers read sources
/// in order of trust.
struct Builder {
    fields: Vec<(String, FieldValue, Range<usize>)>,
}

impl Builder {
    fn has(&self, name: &str) -> bool {
        self.fields
            .iter()
            .any(|(n, _, _)| n == name || n.strip_suffix("_raw") == Some(name))
    }

    fn text_of(&self, name: &str) -> Option<&str> {
        self.fields.iter().find_map(|(n, v, _)| match v {
            FieldValue::Text(s) if n == name => Some(s.as_str()),
            _ => None,
        })
    }

    fn text(&mut self, name: &str, value: &str, span: Range<usize>) {
        let value = clean_value(value);
        if !value.is_empty() && !self.has(name) {
            self.fields
                .push((name.to_owned(), FieldValue::Text(value.to_owned()), span));
        }
    }

    fn people(&mut self, name: &str, people: Vec<String>, span: Range<usize>) {
        if !people.is_empty() && !self.has(name) {
            self.fields
                .push((name.to_owned(), FieldValue::People(people), span));
        }
    }

    fn date(&mut self, name: &str, date: Option<FoundDate>, span: Range<usize>) {
        let Some(date) = date else { return };
        if self.has(name) {
            return;
        }
        let (key, value) = match date.value {
            DateValue::Iso(v) => (name.to_owned(), v),
            DateValue::Raw(v) => (format!("{name}_raw"), v),
        };
        self.fields.push((key, FieldValue::Text(value), span));
    }

    fn finish(mut self, index: &CharOffsets) -> Metadata {
        let rank = |name: &str| {
            let base = name.strip_suffix("_raw").unwrap_or(name);
            let i = FIELD_ORDER
                .iter()
                .position(|f| *f == base)
                .unwrap_or(FIELD_ORDER.len());
            (i, name.len())
        };
        self.fields.sort_by_key(|(n, _, _)| rank(n));
        let fields = self
            .fields
            .into_iter()
            .map(|(name, value, span)| Field {
                name,
                value,
                span: Span {
                    start: index.char_at(span.start),
                    end: index.char_at(span.end),
                },
            })
            .collect();
        Metadata { fields }
    }
}

/// Trims the punctuation a value picks up from its line ("p. 4." → "4", "ETOL." → "ETOL").
fn clean_value(v: &str) -> &str {
    strip_full_stop(
        v.trim()
            .trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '-' | '–' | '|'))
            .trim(),
    )
}

/// One page being read.
struct Page<'t> {
    text: &'t str,
    lines: Vec<Line>,
    /// Indices into `lines` of the non-blank lines.
    content: Vec<usize>,
    kinds: Vec<Option<LineKind>>,
    repetition: Option<&'t Repetition>,
}

impl<'t> Page<'t> {
    fn new(text: &'t str, repetition: Option<&'t Repetition>) -> Self {
        let lines = split_lines(text);
        let content: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
        let kinds = vec![None; content.len()];
        Page {
            text,
            lines,
            content,
            kinds,
            repetition,
        }
    }

    /// The next non-blank line follows directly and starts in lower case: `ci` is the first
    /// line of a hard-wrapped paragraph, not a heading.
    fn wraps_on(&self, ci: usize) -> bool {
        ci + 1 < self.content.len()
            && self.content[ci + 1] == self.content[ci] + 1
            && self
                .line(ci + 1)
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
    }

    fn line(&self, ci: usize) -> &'t str {
        let l = self.lines[self.content[ci]];
        &self.text[l.content_start..l.content_end]
    }

    fn span(&self, ci: usize) -> Range<usize> {
        let l = self.lines[self.content[ci]];
        l.content_start..l.content_end
    }

    fn kind(&mut self, ci: usize) -> Option<LineKind> {
        if ci >= self.content.len() {
            return None;
        }
        if let Some(k) = self.kinds[ci] {
            return Some(k);
        }
        let t = self.line(ci);
        let mut k = classify(t);
        if let Some(r) = self.repetition {
            if matches!(k, LineKind::Short | LineKind::Prose) && r.is_repeated(t) {
                // A repeated sentence is chrome only inside a repeated block (a banner's two
                // lines, "Join us" over its appeal) or at the very edge of the page; on its
                // own between varying lines it is a reused passage of text.
                let edge = ci == 0 || ci + 1 == self.content.len();
                let in_block = (ci > 0 && r.is_repeated_pair(self.line(ci - 1), t))
                    || (ci + 1 < self.content.len() && r.is_repeated_pair(t, self.line(ci + 1)));
                if k == LineKind::Short || edge || in_block {
                    k = LineKind::Chrome;
                }
            }
        }
        self.kinds[ci] = Some(k);
        Some(k)
    }
}

/// Where the parts of the page are, as indices of non-blank lines.
#[derive(Debug, Default)]
struct Layout {
    title: Option<usize>,
    /// First and last line of the subtitle (stacked lines under a title are one subtitle).
    subtitle: Option<(usize, usize)>,
    header_names: Vec<usize>,
    body: Option<(usize, usize)>,
    letter_dateline: Option<usize>,
    signature: Option<usize>,
    /// The page lists several dated entries (see [`is_listing`]).
    listing: bool,
}

/// One of the next `within` lines is a header metadata line (source, credits, byline).
fn meta_follows(page: &mut Page<'_>, ci: usize, within: usize) -> bool {
    (ci + 1..=ci + within).any(|j| {
        matches!(
            page.kind(j),
            Some(LineKind::Meta(
                MetaKind::Source
                    | MetaKind::FirstPublished
                    | MetaKind::Written
                    | MetaKind::Credit
                    | MetaKind::Online
                    | MetaKind::Byline
            ))
        )
    })
}

/// A line that dates one entry of a listing: a bare date or a "Submitted by … on …" line.
fn is_entry_date(k: Option<LineKind>) -> bool {
    matches!(
        k,
        Some(LineKind::DateLine | LineKind::Meta(MetaKind::Submitted))
    )
}

/// Line `ci` is an entry's headline: its date follows, directly or under its byline.
fn opens_entry(page: &mut Page<'_>, ci: usize) -> bool {
    let next = page.kind(ci + 1);
    is_entry_date(next)
        || (matches!(
            next,
            Some(LineKind::Meta(MetaKind::Byline) | LineKind::Name)
        ) && is_entry_date(page.kind(ci + 2)))
}

/// A page that lists several dated entries (a section front, "Latest articles"): two or more
/// entry dates of one kind, not next to each other, among the first `limit` lines. Such a
/// page's dates and posters belong to its entries, not to the page.
fn is_listing(page: &mut Page<'_>, limit: usize) -> bool {
    let mut dates: Vec<usize> = Vec::new();
    let mut submitted: Vec<usize> = Vec::new();
    for ci in 0..limit {
        // Entry dates are short; paragraphs need no classifying here.
        if page.line(ci).len() > 120 {
            continue;
        }
        match page.kind(ci) {
            Some(LineKind::DateLine) => dates.push(ci),
            Some(LineKind::Meta(MetaKind::Submitted)) => submitted.push(ci),
            _ => {}
        }
    }
    let apart = |v: &[usize]| v.windows(2).any(|w| w[1] > w[0] + 1);
    apart(&dates) || apart(&submitted)
}

/// Lines that may follow a title when the line between them is a subtitle.
fn ends_subtitle(k: Option<LineKind>) -> bool {
    !matches!(k, Some(LineKind::Short))
}

#[allow(clippy::needless_range_loop)] // `ci` also indexes the page's lines and kinds
fn scan_head(
    page: &mut Page<'_>,
    zones: &mut [ZoneKind],
    settings: &Settings,
    layout: &mut Layout,
) {
    let n = page.content.len();
    let limit = n.min(settings.head_lines.max(1));
    let mut seen_content = false;
    let mut prev_header: Option<usize> = None;
    let listing = is_listing(page, limit);
    layout.listing = listing;
    for ci in 0..limit {
        let Some(mut k) = page.kind(ci) else { break };
        let t = page.line(ci);
        // Alt text of a leading image sits above everything else.
        if !seen_content && ci < 3 && ci + 1 < n && is_alt_text(t) && matches!(k, LineKind::Short) {
            k = LineKind::Chrome;
        }
        let next = page.kind(ci + 1);
        // "Coyoacan, 3 March 1941" under a title is a place and date, not a periodical.
        if k == LineKind::PageHeader && layout.title.is_some() {
            k = LineKind::DateLine;
            page.kinds[ci] = Some(k);
        }
        if k == LineKind::Name {
            // Above the title a name is the author's (ETOL, MIA); below it, only when the
            // header goes on with something other than another short line.
            // A second, different name under a name is the title ("Farrell Dobbs" /
            // "Teamster Rebellion"); the same name repeated is still the byline.
            // A short line above "Name / Title / source notes" is a series or section label
            // ("Marx-Engels Correspondence 1883"): the name is the author and the line under
            // it the title.
            let under_label = layout.title.is_some()
                && layout.subtitle.is_none()
                && layout.header_names.is_empty()
                && matches!(next, Some(LineKind::Short))
                && meta_follows(page, ci + 1, 3);
            let byline = if layout.title.is_none() {
                layout.header_names.iter().all(|&h| page.line(h) == t)
            } else {
                under_label || !matches!(next, Some(LineKind::Short))
            };
            if under_label {
                layout.title = None;
            }
            if byline {
                layout.header_names.push(ci);
            } else {
                k = LineKind::Short;
            }
        }
        match k {
            LineKind::Chrome => {
                zones[ci] = ZoneKind::Boilerplate;
                continue;
            }
            LineKind::Meta(_)
            | LineKind::PageHeader
            | LineKind::YearLine
            | LineKind::DateLine
            | LineKind::Name => {}
            // The heading over a listing's first entry names the listing; a site masthead
            // above it is not the title.
            LineKind::Short
                if listing
                    && layout.title.is_some_and(|t| is_masthead(page, t))
                    && !opens_entry(page, ci)
                    && opens_entry(page, ci + 1) =>
            {
                layout.title = Some(ci);
                layout.subtitle = None;
            }
            // On a listing page the first entry (a headline over its own date) opens the body.
            LineKind::Short if listing && layout.title.is_some() && opens_entry(page, ci) => {
                layout.body = Some((ci, n - 1));
                return;
            }
            // A hard-wrapped paragraph (next line directly below, in lower case) is body.
            LineKind::Short if page.wraps_on(ci) && !meta_follows(page, ci, 3) => {
                layout.body = Some((ci, n - 1));
                return;
            }
            // "Editorial" in the author's place above an unsigned piece's title.
            LineKind::Short if layout.title.is_none() && is_unsigned_label(t) => {}
            LineKind::Short if layout.title.is_none() && t.len() <= 250 => layout.title = Some(ci),
            LineKind::Short
                if layout.subtitle.is_none()
                    && layout.title.is_some()
                    && prev_header == layout.title
                    && t.split_whitespace().count() >= 2
                    && (ends_subtitle(next) || meta_follows(page, ci, 3)) =>
            {
                layout.subtitle = Some((ci, ci))
            }
            // More title lines above the source notes (MIA stacks title and subtitles).
            LineKind::Short if meta_follows(page, ci, 3) => {
                if let Some((first, last)) = layout.subtitle {
                    if prev_header == Some(last) {
                        layout.subtitle = Some((first, ci));
                    }
                }
            }
            LineKind::Short | LineKind::Prose | LineKind::Salutation => {
                let mut start = ci;
                if k == LineKind::Salutation
                    && ci > 0
                    && page.kind(ci - 1) == Some(LineKind::DateLine)
                {
                    start = ci - 1;
                    layout.letter_dateline = Some(start);
                }
                layout.body = Some((start, n - 1));
                return;
            }
        }
        zones[ci] = ZoneKind::Header;
        seen_content = true;
        prev_header = Some(ci);
    }
    if limit < n {
        layout.body = Some((limit, n - 1));
    }
}

fn scan_tail(
    page: &mut Page<'_>,
    zones: &mut [ZoneKind],
    settings: &Settings,
    layout: &mut Layout,
) {
    let Some((start, _)) = layout.body else {
        return;
    };
    let n = page.content.len();
    let floor = (start + 1).max(n.saturating_sub(settings.tail_lines));
    let mut ci = n;
    while ci > floor {
        ci -= 1;
        let Some(k) = page.kind(ci) else { break };
        let t = page.line(ci);
        // The last entry of a listing keeps its date and name in the body.
        let k = if layout.listing
            && (is_entry_date(Some(k))
                || (k == LineKind::Name && is_entry_date(page.kind(ci.saturating_sub(1)))))
        {
            LineKind::Short
        } else {
            k
        };
        match k {
            LineKind::Chrome => zones[ci] = ZoneKind::Boilerplate,
            // "From Lenin’s Collected Works, Vol. 25" at the foot is a footnote, not the page's source.
            LineKind::Meta(MetaKind::Source) if !t.contains(':') => {
                page.kinds[ci] = Some(LineKind::Short);
                layout.body = Some((start, ci));
                return;
            }
            // "© 2007 Site name": the site's own footer, not a rights statement about the text.
            LineKind::Meta(MetaKind::Copyright) if is_site_copyright(t) => {
                zones[ci] = ZoneKind::Boilerplate
            }
            LineKind::Meta(_) | LineKind::DateLine | LineKind::YearLine | LineKind::PageHeader => {
                zones[ci] = ZoneKind::Footer
            }
            LineKind::Name
                if layout.signature.is_none() && !is_headline(page.line(ci.saturating_sub(1))) =>
            {
                layout.signature = Some(ci);
                zones[ci] = ZoneKind::Footer;
            }
            LineKind::Short if layout.signature.is_none() && is_initials(t) => {
                layout.signature = Some(ci);
                zones[ci] = ZoneKind::Footer;
            }
            // The sentence under a "Join us" / "Subscribe" heading at the foot of a page.
            LineKind::Prose | LineKind::Short
                if ci > floor
                    && page.kind(ci - 1) == Some(LineKind::Chrome)
                    && is_call_to_action(t) =>
            {
                zones[ci] = ZoneKind::Boilerplate
            }
            _ => {
                if let Some(heading) = related_block(page, ci, floor) {
                    for zone in &mut zones[heading..=ci] {
                        *zone = ZoneKind::Boilerplate;
                    }
                    ci = heading;
                    continue;
                }
                layout.body = Some((start, ci));
                return;
            }
        }
    }
    // Everything from the floor down was footer or chrome.
    layout.body = Some((start, floor.saturating_sub(1).max(start)));
}

/// Web pages put the headline directly above its byline; a short line above it is a section
/// label or a stray button ("Reason in revolt", "Accept"), and the page's first line after
/// chrome is the site's masthead ("In Defence of Marxism"), not the title. The byline is a
/// "By …" line or a bare name. (A title over a short subtitle over a byline reads the same
/// way and loses: on these sites that layout is far rarer than a masthead.)
fn promote_headline_over_byline(page: &mut Page<'_>, layout: &mut Layout) {
    let (Some(title), Some((first, last))) = (layout.title, layout.subtitle) else {
        return;
    };
    let words = |t: &str| t.split_whitespace().count();
    let label = first == last && words(page.line(title)) <= 3;
    let masthead = is_masthead(page, title);
    let byline = page.kind(last + 1) == Some(LineKind::Meta(MetaKind::Byline))
        || layout.header_names.contains(&(last + 1));
    if (label || masthead) && words(page.line(last)) > 1 && byline {
        layout.title = Some(last);
        layout.subtitle = None;
    }
}

/// Words that stand where an author's name would, saying there is none.
fn is_unsigned_label(t: &str) -> bool {
    matches!(
        normalise(t).as_str(),
        "editorial" | "editorials" | "an editorial" | "unsigned" | "anonymous"
    )
}

/// Only chrome stands above line `ci`: in the masthead's place.
fn is_masthead(page: &mut Page<'_>, ci: usize) -> bool {
    (0..ci).all(|c| page.kind(c) == Some(LineKind::Chrome))
}

/// Headings of the "related articles" block at the foot of a web page.
fn is_related_heading(t: &str) -> bool {
    matches!(
        normalise(t).as_str(),
        "related articles"
            | "related"
            | "related posts"
            | "related content"
            | "more articles"
            | "recent articles"
            | "more from this author"
            | "more on this topic"
            | "you may also like"
            | "read also"
            | "see also"
    )
}

/// The heading of a block of link titles ending at `ci` ("Related articles" and the headlines
/// under it), when every line between is a short non-sentence line.
fn related_block(page: &mut Page<'_>, ci: usize, floor: usize) -> Option<usize> {
    let mut j = ci;
    while j > floor && ci - j < 15 {
        let t = page.line(j);
        if is_related_heading(t) {
            return (j < ci).then_some(j);
        }
        if t.len() > 120
            || !matches!(
                page.kind(j),
                Some(LineKind::Short | LineKind::Name | LineKind::DateLine | LineKind::Chrome)
            )
        {
            return None;
        }
        j -= 1;
    }
    None
}

/// A bare copyright notice with a year: "© 2007 In Defence of Marxism", "Copyright © 2019 X".
fn is_site_copyright(t: &str) -> bool {
    let t = t
        .trim_start_matches(|c: char| c.is_alphabetic() && c.is_ascii())
        .trim_start();
    t.starts_with('©')
        && t.len() <= 80
        && t.split_whitespace()
            .nth(1)
            .is_some_and(|w| w.len() >= 4 && w.chars().take(4).all(|c| c.is_ascii_digit()))
}

/// A short line in title case ("Ford Organizing Drive Begins"): an entry of a listing.
fn is_headline(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    let caps = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    t.len() < 120
        && words.len() >= 2
        && caps * 3 >= words.len() * 2
        && !t.ends_with(['.', ',', '!', ':'])
}

/// A site's appeal to join, subscribe or donate.
fn is_call_to_action(t: &str) -> bool {
    t.len() <= 250 && {
        let lower = t.to_lowercase();
        [
            "join",
            "subscribe",
            "donate",
            "sign up",
            "newsletter",
            "membership",
            "support us",
        ]
        .iter()
        .any(|w| lower.contains(w))
    }
}

static FIRST_PUBLISHED_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:first|originally)\s+(?:published|appeared|printed)|published|reprinted\s+from)\s*(?:in\b)?\s*:?\s*")
        .expect("prefix pattern is valid")
});
static SOURCE_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:source|from)\s*:?\s*").expect("prefix pattern is valid"));
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    // One or more roles joined by "/", "&", "and" or ",": "Transcription/HTML Markup",
    // "Markup & transcription", "Proofed and corrected".
    let role = r"(?:html\s*)?mark-?up|marked\s+up|html|transcri(?:bed|ption)|proof-?read(?:ing)?|proofed(?:\s+and\s+corrected)?|translat(?:ed|ion)|scann?ed|edited|converted";
    Regex::new(&format!(
        r"(?i)^(?P<role>(?:{role})(?:\s*(?:/|\\|&|and|,)\s*(?:{role}))*)\s*:?\s*(?:by\b)?\s*:?\s*"
    ))
    .expect("credit pattern is valid")
});
static SUBMITTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^submitted\s+by\s+(?P<who>.+?)\s+on\s+(?P<when>.+)$")
        .expect("submitted pattern is valid")
});
static LEADING_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:in\s+(?:[a-z]+\s+in\s+)?)?(?:the\s+)?").expect("leading pattern is valid")
});

/// Splits a citation on commas outside parentheses.
fn citation_parts(s: &str) -> Vec<Range<usize>> {
    let mut parts = Vec::new();
    let (mut depth, mut from) = (0i32, 0usize);
    for (i, c) in s.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ',' if depth <= 0 => {
                parts.push(from..i);
                from = i + 1;
            }
            _ => {}
        }
    }
    parts.push(from..s.len());
    parts
}

/// Reads "The Militant, Vol. 12 No. 17, 26 April 1948, p. 4" into publication, volume,
/// issue, date and pages.
/// In a page's foot ("Source: Ministry of Labour Gazette, 1938" under a table) a bare year
/// is too weak to date the page, so `footer` citations need a full date.
fn read_citation(b: &mut Builder, s: &str, span: Range<usize>, authors: &[&str], footer: bool) {
    let s = s.trim().trim_end_matches('.');
    let parts = citation_parts(s);
    let date = find_date(s).or_else(|| {
        if footer {
            return None;
        }
        parts.iter().find_map(|p| {
            let part = &s[p.clone()];
            whole_date(part.trim(), true).map(|d| FoundDate {
                start: d.start + p.start,
                end: d.end + p.start,
                ..d
            })
        })
    });
    let publication = parts.iter().enumerate().find_map(|(i, p)| {
        let part = &s[p.clone()];
        let part = &part[..first_marker(part).unwrap_or(part.len())];
        let lead = LEADING_IN.find(part.trim_start()).map_or(0, |m| m.end());
        let name = clean_value(&part.trim_start()[lead..]);
        // "Leon Trotsky, Writings 1930, Pathfinder 1975": a book citation may open with the
        // page's author.
        let skip_author = i == 0 && authors.contains(&name);
        let usable = !name.is_empty()
            && !skip_author
            && name.chars().next().is_some_and(char::is_uppercase)
            && whole_date(name, true).is_none()
            && find_date(name).is_none();
        usable.then_some(name)
    });
    if let Some(p) = publication {
        set_publication(b, p, span.clone());
    }
    if let Some(v) = volume(s) {
        b.text("volume", v.as_str(), span.clone());
    }
    if let Some(n) = issue(s) {
        b.text("issue", n.as_str(), span.clone());
    }
    if let Some(p) = pages(s) {
        b.text("pages", p.as_str(), span.clone());
    }
    b.date("date_published", date, span);
}

/// "Solidarity 234", "Socialist Worker 1234": a periodical named with its issue number.
fn set_publication(b: &mut Builder, name: &str, span: Range<usize>) {
    if let Some((title, number)) = name.trim().rsplit_once(' ') {
        let is_year = number.len() == 4 && find_year(number).is_some();
        if !title.trim().is_empty()
            && number.len() <= 5
            && number.chars().all(|c| c.is_ascii_digit())
            && !is_year
        {
            b.text("publication", title, span.clone());
            b.text("issue", number, span);
            return;
        }
    }
    b.text("publication", name, span);
}

/// The names in a credit's remainder: drops "for ETOL", "(July 2015)", trailing dates.
fn credit_names(rest: &str) -> (Vec<String>, Option<&str>) {
    let mut rest = rest.trim();
    if let Some(i) = rest.rfind(" by ") {
        rest = &rest[i + 4..];
    }
    let mut site = None;
    if let Some(i) = rest.find(" for ") {
        site = Some(clean_value(
            LEADING_IN
                .find(&rest[i + 5..])
                .map_or(&rest[i + 5..], |m| &rest[i + 5 + m.end()..]),
        ));
        rest = &rest[..i];
    }
    if let Some(i) = rest.find(['(', '[']) {
        rest = &rest[..i];
    }
    if let Some(d) = find_date_or_year(rest) {
        rest = &rest[..d.start];
    }
    let names = split_people(clean_value(rest))
        .into_iter()
        .filter(|n| {
            n.chars().next().is_some_and(char::is_uppercase) && n.split_whitespace().count() <= 6
        })
        .map(str::to_owned)
        .collect();
    (names, site.filter(|s| !s.is_empty()))
}

/// A web archive's name: an acronym ("ETOL", "MIA") or a name with an archive word.
fn looks_like_site(s: &str) -> bool {
    let lower = s.to_lowercase();
    is_initials(s)
        || [
            "archive", "encyclop", "on-line", "online", "internet", "library", "website", ".org",
            ".com", ".net",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

/// Site candidates in order of trust.
#[derive(Default)]
struct Sites {
    online: Option<(String, Range<usize>)>,
    credit: Option<(String, Range<usize>)>,
    chrome: Option<(String, Range<usize>)>,
    copyright: Option<(String, Range<usize>)>,
    submitter: Option<(String, Range<usize>)>,
}

fn first_set(slot: &mut Option<(String, Range<usize>)>, value: &str, span: Range<usize>) {
    if slot.is_none() && !value.is_empty() {
        *slot = Some((value.to_owned(), span));
    }
}

fn read_meta(
    b: &mut Builder,
    sites: &mut Sites,
    authors: &[&str],
    footer: bool,
    kind: MetaKind,
    t: &str,
    span: Range<usize>,
) {
    match kind {
        MetaKind::FirstPublished => {
            // "This article first appeared in …": the citation follows the cue.
            let at = FIRST_PUBLISHED_PREFIX
                .find(t)
                .or_else(|| PUBLISHED_CUE.find(t))
                .map_or(0, |m| m.end());
            read_citation(b, after_prefix(t, at), span, authors, footer);
        }
        // Under a "First published" line naming another periodical, the source is the
        // edition transcribed (collected works, an anthology): its volume and pages are not
        // the periodical's.
        MetaKind::Source if b.text_of("publication").is_some_and(|p| !t.contains(p)) => {}
        MetaKind::Source => {
            let at = SOURCE_PREFIX.find(t).map_or(0, |m| m.end());
            read_citation(b, after_prefix(t, at), span, authors, footer);
        }
        MetaKind::Byline => {
            let (names, date) = byline(t);
            b.people(
                "authors",
                split_people(names).into_iter().map(str::to_owned).collect(),
                span.clone(),
            );
            // A posting date is the web page's; a dated byline is the article's own.
            if !t.to_lowercase().starts_with("posted") {
                b.date("date_published", date, span);
            }
        }
        MetaKind::Written => {
            let rest = t.split_once(':').map_or("", |(_, r)| r);
            b.date("date_written", find_date_or_year(rest), span);
        }
        MetaKind::Credit => {
            let Some(m) = CREDIT.captures(t) else { return };
            let role = m.name("role").map_or("", |r| r.as_str()).to_lowercase();
            let rest = after_prefix(t, m.get(0).map_or(0, |g| g.end()));
            let (names, site) = credit_names(rest);
            for (needle, field) in [
                ("transcri", "transcribed_by"),
                ("mark", "markup_by"),
                ("html", "markup_by"),
                ("proof", "proofread_by"),
                ("translat", "translated_by"),
            ] {
                if role.contains(needle) {
                    b.people(field, names.clone(), span.clone());
                }
            }
            // "… for ETOL", "… for the Marxists’ Internet Archive" name the site; "translated
            // for Labour Monthly" names a periodical.
            if let Some(site) = site.filter(|s| !role.contains("translat") && looks_like_site(s)) {
                first_set(&mut sites.credit, site, span);
            }
        }
        MetaKind::Online => {
            let rest = after_prefix(t, t.find(':').map_or("online version".len(), |i| i + 1));
            let mut name = rest;
            if let Some(i) = name.find(['(', '[']) {
                name = &name[..i];
            }
            if let Some(d) = find_date_or_year(name) {
                name = &name[..d.start];
            }
            let name = clean_value(name);
            b.text("online_source", name, span.clone());
            first_set(&mut sites.online, name, span);
        }
        MetaKind::LastUpdated => b.date("last_updated", find_date(t), span),
        MetaKind::Submitted => {
            let Some(caps) = SUBMITTED.captures(t) else {
                return;
            };
            let who = caps.name("who").map_or("", |m| m.as_str());
            b.text("submitted_by", who, span.clone());
            b.date(
                "submitted_date",
                caps.name("when").and_then(|m| find_date(m.as_str())),
                span.clone(),
            );
            // An organisation's own account (an acronym) posts on its own site.
            if is_initials(who) {
                first_set(&mut sites.submitter, who, span);
            }
        }
        MetaKind::Label => {
            let (label, rest) = t.split_once(':').unwrap_or((t, ""));
            if matches!(
                label.trim().to_lowercase().as_str(),
                "delivered" | "date" | "dated"
            ) {
                b.date("date_written", find_date_or_year(rest), span);
            }
        }
        MetaKind::Copyright => {
            static OWNER: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r"(?i)^(?:copyright\s*)?(?:©|\(c\))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:by\s+)?(?P<o>[A-Z][^.,;©]{1,60}?)\s*(?:[.,;]|$)")
                    .expect("owner pattern is valid")
            });
            if t.to_lowercase().starts_with("copyright")
                || t.starts_with('©')
                || t.starts_with("(c)")
            {
                if let Some(o) = OWNER.captures(t).and_then(|c| c.name("o")) {
                    let owner = o.as_str().trim_end_matches(|c: char| {
                        c.is_ascii_digit() || matches!(c, ' ' | '-' | '–')
                    });
                    first_set(&mut sites.copyright, clean_value(owner), span);
                }
            }
        }
    }
}

/// A site name inside a chrome line: a navigation part or glued link text naming an archive.
fn chrome_site(t: &str) -> Option<&str> {
    let pieces = t.split(['|', '•', '·', '»', '>']).flat_map(|part| {
        let part = part.trim();
        let mut out = Vec::new();
        let mut from = 0;
        for (wi, w) in part
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - part.as_ptr() as usize, w))
        {
            if let Some(g) = glue_point(w) {
                out.push(part[from..wi + g].trim());
                from = wi + g;
            }
        }
        out.push(part[from..].trim());
        out
    });
    pieces
        .into_iter()
        .find(|p| p.split_whitespace().count() >= 2 && is_site_name(p))
}

static PUBLISHED_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:first|originally)\s+(?:published|appeared|printed|ran)\s+in\s+")
        .expect("cue pattern is valid")
});
static EDITORIAL_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:article|text|letter|account|piece|speech|essay|interview|extracts?|review|pamphlet|statement|document|report|story|notes|diary|memoirs?|leaflet|poem|chapter|translation|version)\b")
        .expect("subject pattern is valid")
});
static SENTENCE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"[.!?][”’"]?\s+[A-Z“‘"]"#).expect("sentence pattern is valid"));
static QUOTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"[‘“"]([^’”"]{2,80})[’”"]"#).expect("quoted pattern is valid"));
static ISSUE_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bissues?\s+of\s+(?:the\s+)?").expect("issue-of pattern is valid")
});
static SIGNED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i:\b(?:it|article|letter|account|piece|text|statement|report|this)\s+(?:is|was)\s+signed\s+(?:only\s+)?(?:by\s+|as\s+|with\s+)?)(?:[“"‘]\s*(?P<q>[^”"’]{1,40}?)\s*[”"’]|(?P<n>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}))"#)
        .expect("signed pattern is valid")
});
static PRESENTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[.!?]\s+)(?:Here|Below|In this article|In the article below|In the following article|In this piece|In the following),?\s+[^.]*?(?P<n>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'.-]+){1,3})\s+(?:tells|recounts|describes|explains|writes|argues|recalls|reports|examines|analyses|analyzes|discusses|outlines|looks\s+at|gives|presents|relates)\b")
        .expect("presents pattern is valid")
});

/// "Fourth International in May 1947" → "Fourth International": capitalised words and the
/// connectors inside a name.
fn capitalised_phrase(s: &str) -> &str {
    let mut end = 0;
    for (off, w) in s
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
    {
        let bare = w.trim_end_matches([',', '.', ';', ':', ')']);
        let cap = bare.chars().next().is_some_and(char::is_uppercase) && find_date(bare).is_none();
        let connector = matches!(bare, "of" | "and" | "the" | "de" | "la" | "for");
        if !(cap || connector) {
            break;
        }
        if cap {
            end = off + bare.len();
        }
        if bare.len() != w.len() {
            break;
        }
    }
    &s[..end]
}

/// Editorial notes in the first body paragraphs: where the text first appeared and who
/// signed or wrote it.
fn read_intro(b: &mut Builder, t: &str, span: Range<usize>) {
    // Literal prefilters: most paragraphs contain none of the cues, and the regexes (Unicode
    // word boundaries) are far slower than a substring search.
    static FINDERS: LazyLock<[memchr::memmem::Finder<'static>; 8]> = LazyLock::new(|| {
        [
            "published in",
            "appeared in",
            "printed in",
            "ran in",
            "signed",
            "Here",
            "Below",
            "In th",
        ]
        .map(memchr::memmem::Finder::new)
    });
    let has = |i: usize| FINDERS[i].find(t.as_bytes()).is_some();
    let published = (0..4).any(has);
    let signed = has(4);
    let presents = (5..8).any(has);
    if !(published || signed || presents) {
        return;
    }
    if let Some(cue) = published.then(|| PUBLISHED_CUE.find(t)).flatten() {
        let sentence_start = t[..cue.start()].rfind(". ").map_or(0, |i| i + 2);
        // The note names what it is about ("This article was first published in …"), or
        // opens with the cue itself ("Originally printed in …").
        let subject = &t[sentence_start..cue.start()];
        if subject.trim().is_empty() || EDITORIAL_SUBJECT.is_match(subject) {
            let rest = &t[cue.end()..];
            let clause = &rest[..SENTENCE_END
                .find(rest)
                .map_or(rest.len(), |m| m.start() + 1)];
            let lead = clause.strip_prefix("the ").unwrap_or(clause);
            let direct = if find_date(lead).is_some_and(|d| d.start == 0) {
                ""
            } else {
                capitalised_phrase(lead)
            };
            let publication = Some(direct)
                .filter(|p| !p.is_empty())
                .or_else(|| {
                    ISSUE_OF
                        .find(clause)
                        .map(|m| capitalised_phrase(&clause[m.end()..]))
                        .filter(|p| !p.is_empty())
                })
                .or_else(|| {
                    QUOTED
                        .captures(clause)
                        .and_then(|c| c.get(1))
                        .map(|m| m.as_str())
                });
            if let Some(p) = publication {
                b.text("publication", p, span.clone());
                b.date("date_published", find_date_or_year(clause), span.clone());
                for (field, found) in [
                    ("volume", volume(clause)),
                    ("issue", issue(clause)),
                    ("pages", pages(clause)),
                ] {
                    if let Some(m) = found {
                        b.text(field, m.as_str(), span.clone());
                    }
                }
            }
        }
    }
    if let Some(caps) = signed.then(|| SIGNED.captures(t)).flatten() {
        if let Some(who) = caps.name("q").or_else(|| caps.name("n")) {
            let who = clean_value(who.as_str());
            if is_initials(who) || is_person_name(who) {
                b.people("authors", vec![who.to_owned()], span.clone());
            }
        }
    }
    if let Some(who) = presents
        .then(|| PRESENTS.captures(t))
        .flatten()
        .and_then(|c| c.name("n"))
    {
        if let Some(name) = trailing_name(who.as_str()) {
            b.people("authors", vec![name.to_owned()], span);
        }
    }
}

/// Splits "Title - Subtitle" when both sides are at least two words.
fn split_title(t: &str) -> (&str, Option<&str>) {
    for sep in [" - ", " – ", " — ", " -- "] {
        if let Some((a, b)) = t.split_once(sep) {
            if a.split_whitespace().count() >= 2 && b.split_whitespace().count() >= 2 {
                return (a.trim(), Some(b.trim()));
            }
        }
    }
    (t, None)
}

/// Reads one page.
pub fn extract(text: &str, settings: &Settings, repetition: Option<&Repetition>) -> Extraction {
    let mut page = Page::new(text, repetition);
    let n = page.content.len();
    let mut zones = vec![ZoneKind::Body; n];
    let mut layout = Layout::default();
    scan_head(&mut page, &mut zones, settings, &mut layout);
    promote_headline_over_byline(&mut page, &mut layout);
    scan_tail(&mut page, &mut zones, settings, &mut layout);

    match layout.body {
        Some((start, end)) => {
            for (ci, zone) in zones.iter_mut().enumerate().take(end + 1).skip(start) {
                let t = page.line(ci);
                *zone = if t.len() <= 120 && is_strong_chrome(t) {
                    ZoneKind::Boilerplate
                } else {
                    ZoneKind::Body
                };
            }
        }
        // No running text at all: whatever is not chrome is header.
        None => {
            for zone in zones.iter_mut().filter(|z| **z == ZoneKind::Body) {
                *zone = ZoneKind::Header;
            }
        }
    }

    let mut b = Builder { fields: Vec::new() };
    let mut sites = Sites::default();

    // Header and footer metadata lines, most trusted kinds first.
    let mut metas: Vec<(MetaKind, usize)> = (0..n)
        .filter_map(|ci| match (zones[ci], page.kinds[ci]) {
            (ZoneKind::Header | ZoneKind::Footer, Some(LineKind::Meta(k))) => Some((k, ci)),
            (ZoneKind::Boilerplate, Some(LineKind::Meta(MetaKind::Copyright))) => {
                Some((MetaKind::Copyright, ci))
            }
            _ => None,
        })
        .collect();
    metas.sort();
    let mut authors: Vec<&str> = layout
        .header_names
        .iter()
        .map(|&ci| name_part(page.line(ci)))
        .collect();
    for &(kind, ci) in &metas {
        if kind == MetaKind::Byline {
            authors.extend(split_people(byline(page.line(ci)).0));
        }
    }
    for (kind, ci) in metas {
        let footer = zones[ci] == ZoneKind::Footer;
        read_meta(
            &mut b,
            &mut sites,
            &authors,
            footer,
            kind,
            page.line(ci),
            page.span(ci),
        );
    }

    if let Some(ci) = layout.title {
        let (title, subtitle) = split_title(page.line(ci));
        b.text("title", title, page.span(ci));
        if let Some(s) = subtitle {
            b.text("subtitle", s, page.span(ci));
        }
    }
    if let Some((first, last)) = layout.subtitle {
        let joined: Vec<&str> = (first..=last).map(|ci| page.line(ci)).collect();
        b.text(
            "subtitle",
            &joined.join(" "),
            page.span(first).start..page.span(last).end,
        );
    }
    if let Some(&ci) = layout.header_names.first() {
        b.people(
            "authors",
            vec![name_part(page.line(ci)).to_owned()],
            page.span(ci),
        );
    }
    for ci in (0..n)
        .filter(|&ci| zones[ci] == ZoneKind::Header && page.kinds[ci] == Some(LineKind::PageHeader))
    {
        let t = page.line(ci);
        if let Some((publication, date)) = crate::lines::page_header(t) {
            let span = page.span(ci);
            set_publication(&mut b, &t[publication], span.clone());
            b.date("date_published", find_date(&t[date]), span);
        }
    }
    // A date standing alone under the title or byline dates the page's article.
    for ci in (0..n)
        .filter(|&ci| zones[ci] == ZoneKind::Header && page.kinds[ci] == Some(LineKind::DateLine))
    {
        b.date("date_published", find_date(page.line(ci)), page.span(ci));
    }
    if let Some(ci) = layout.signature {
        b.people(
            "authors",
            vec![clean_value(name_part(page.line(ci))).to_owned()],
            page.span(ci),
        );
    }
    if let Some(ci) = layout.letter_dateline {
        b.date("date_written", find_date(page.line(ci)), page.span(ci));
    }
    if let Some((start, end)) = layout.body {
        // Editorial notes stand in the first paragraphs, or as the last one.
        let paragraphs =
            (start..=end).filter(|&ci| zones[ci] == ZoneKind::Body && page.line(ci).len() > 60);
        let first: Vec<usize> = paragraphs.clone().take(settings.intro_paragraphs).collect();
        let last = paragraphs
            .clone()
            .next_back()
            .filter(|ci| !first.contains(ci));
        for ci in first.into_iter().chain(last) {
            read_intro(&mut b, page.line(ci), page.span(ci));
        }
    }

    for ci in (0..n).filter(|&ci| zones[ci] == ZoneKind::Boilerplate) {
        if let Some(site) = chrome_site(page.line(ci)) {
            first_set(&mut sites.chrome, site, page.span(ci));
        }
    }
    let site = [
        sites.online,
        sites.credit,
        sites.chrome,
        sites.copyright,
        sites.submitter,
    ]
    .into_iter()
    .flatten()
    .next();
    if let Some((name, span)) = site {
        b.text("site", &name, span);
    }

    let mut wanted: Vec<usize> = b
        .fields
        .iter()
        .flat_map(|(_, _, r)| [r.start, r.end])
        .collect();
    let zones = line_zones(&page, &zones);
    wanted.extend(zones.iter().flat_map(|z| [z.start, z.end]));
    let index = CharOffsets::new(text, wanted);
    Extraction {
        metadata: b.finish(&index),
        zones: zones
            .into_iter()
            .map(|z| Zone {
                start: index.char_at(z.start),
                end: index.char_at(z.end),
                kind: z.kind,
            })
            .collect(),
    }
}

/// Zones over whole lines (line breaks included) covering the text; a blank line joins the
/// zone of the line above it (or below it, at the top).
/// Byte runs; the caller converts them to character offsets.
fn line_zones(page: &Page<'_>, kinds: &[ZoneKind]) -> Vec<Zone> {
    let text_len = page.text.len();
    if text_len == 0 {
        return Vec::new();
    }
    let mut out: Vec<Zone> = Vec::new();
    let mut ci = 0usize;
    let mut current = kinds.first().copied().unwrap_or(ZoneKind::Body);
    let mut run_start = 0usize;
    for (li, line) in page.lines.iter().enumerate() {
        if ci < page.content.len() && page.content[ci] == li {
            let kind = kinds[ci];
            ci += 1;
            if kind != current {
                if line.start > run_start {
                    out.push(Zone {
                        start: run_start,
                        end: line.start,
                        kind: current,
                    });
                }
                run_start = line.start;
                current = kind;
            }
        }
    }
    out.push(Zone {
        start: run_start,
        end: text_len,
        kind: current,
    });
    out
}

/// Character offsets of a few byte offsets, counted in one pass over the text up to the
/// last of them (cheaper than a full index when only zone and field bounds are needed).
struct CharOffsets {
    map: Vec<(usize, usize)>,
}

impl CharOffsets {
    fn new(text: &str, mut bytes: Vec<usize>) -> Self {
        bytes.sort_unstable();
        bytes.dedup();
        let (mut at, mut chars) = (0usize, 0usize);
        let map = bytes
            .into_iter()
            .filter_map(|b| {
                chars += text.get(at..b)?.chars().count();
                at = b;
                Some((b, chars))
            })
            .collect();
        CharOffsets { map }
    }

    fn char_at(&self, byte: usize) -> usize {
        self.map
            .binary_search_by_key(&byte, |&(b, _)| b)
            .map_or(0, |i| self.map[i].1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Extraction {
        extract(text, &Settings::default(), None)
    }

    fn text_of(e: &Extraction, name: &str) -> Option<String> {
        match e.metadata.get(name)? {
            FieldValue::Text(s) => Some(s.clone()),
            FieldValue::People(p) => Some(p.join("; ")),
        }
    }

    fn kind_of_line(text: &str, e: &Extraction, line: &str) -> Option<ZoneKind> {
        let at = text.find(line)?;
        let ch = text[..at].chars().count();
        e.zones
            .iter()
            .find(|z| z.start <= ch && ch < z.end)
            .map(|z| z.kind)
    }

    const PROSE: &str = "The branch met twice in the week before the strike, and on both occasions the hall was full to the doors.";

    #[test]
    fn title_with_dash_splits_into_subtitle() {
        let e = run(&format!(
            "Hunger and revolt in the camps - A survivor remembers\n\n{PROSE}\n"
        ));
        assert_eq!(
            text_of(&e, "title").as_deref(),
            Some("Hunger and revolt in the camps")
        );
        assert_eq!(
            text_of(&e, "subtitle").as_deref(),
            Some("A survivor remembers")
        );
    }

    #[test]
    fn letter_dateline_opens_the_body_and_dates_the_writing() {
        let text = format!("An Open Letter\n\nCoyoacan, 12 May 1939\n\nDear Comrades,\n\n{PROSE}\n\nFraternally,\n\nJoseph Hansen\n");
        let e = run(&text);
        assert_eq!(text_of(&e, "date_written").as_deref(), Some("1939-05-12"));
        assert_eq!(text_of(&e, "authors").as_deref(), Some("Joseph Hansen"));
        assert_eq!(
            e.metadata.get("publication"),
            None,
            "a place is not a periodical"
        );
        assert_eq!(kind_of_line(&text, &e, "Coyoacan"), Some(ZoneKind::Body));
        assert_eq!(
            kind_of_line(&text, &e, "Joseph Hansen"),
            Some(ZoneKind::Footer)
        );
    }

    #[test]
    fn listing_entries_are_not_signatures() {
        let text = "Labor Action\n\nVolume 7, 1943\n\nVol. 7 No. 1, 4 January 1943\n\nSteel Workers Win Raise\nMine Strike Looms Again\n";
        let e = run(text);
        assert_eq!(text_of(&e, "title").as_deref(), Some("Labor Action"));
        assert_eq!(e.metadata.get("authors"), None);
        assert_eq!(e.metadata.get("date_published"), None);
        assert_eq!(
            kind_of_line(text, &e, "Mine Strike Looms Again"),
            Some(ZoneKind::Body)
        );
    }

    #[test]
    fn editorial_intro_gives_source_and_author() {
        let e = run(&format!(
            "Life in the isolator\n\nHere, the old Bolshevik Ante Ciliga describes the regime in the prison. The account was first published in the New Leader in June 1938, No. 12.\n\n{PROSE}\n"
        ));
        assert_eq!(text_of(&e, "authors").as_deref(), Some("Ante Ciliga"));
        assert_eq!(text_of(&e, "publication").as_deref(), Some("New Leader"));
        assert_eq!(text_of(&e, "date_published").as_deref(), Some("1938-06"));
        assert_eq!(text_of(&e, "issue").as_deref(), Some("12"));
    }

    #[test]
    fn history_in_the_body_is_not_the_page_source() {
        let e = run(&format!("On the press\n\n{PROSE} Lenin’s famous slogan was first published in Pravda in April 1917 and repeated everywhere.\n"));
        assert_eq!(e.metadata.get("publication"), None);
        assert_eq!(e.metadata.get("date_published"), None);
    }

    #[test]
    fn only_stated_fields_appear() {
        let e = run(&format!("{PROSE}\n\n{PROSE}\n"));
        assert!(e.metadata.fields.is_empty(), "{:?}", e.metadata);
        assert_eq!(e.zones.len(), 1);
        assert_eq!(e.zones[0].kind, ZoneKind::Body);
    }

    #[test]
    fn undecidable_dates_are_kept_raw() {
        let e = run(&format!("A Note\n\nWritten: 4/5/1937\n\n{PROSE}\n"));
        assert_eq!(e.metadata.get("date_written"), None);
        assert_eq!(text_of(&e, "date_written_raw").as_deref(), Some("4/5/1937"));
    }

    #[test]
    fn web_dates_are_not_publication_dates() {
        let e = run(&format!("A Title\n\nSubmitted by AWL on 3 May, 2009 - 10:00\n\n{PROSE}\n\nLast updated on 9 June 2020\n"));
        assert_eq!(e.metadata.get("date_published"), None);
        assert_eq!(text_of(&e, "submitted_date").as_deref(), Some("2009-05-03"));
        assert_eq!(text_of(&e, "last_updated").as_deref(), Some("2020-06-09"));
        assert_eq!(text_of(&e, "site").as_deref(), Some("AWL"));
    }

    #[test]
    fn name_above_missing_title_is_the_author() {
        let e = run(&format!(
            "Rosa Luxemburg\n\nSource: Die Rote Fahne, No. 14, 14 January 1919.\n\n{PROSE}\n"
        ));
        assert_eq!(e.metadata.get("title"), None);
        assert_eq!(text_of(&e, "authors").as_deref(), Some("Rosa Luxemburg"));
        assert_eq!(
            text_of(&e, "publication").as_deref(),
            Some("Die Rote Fahne")
        );
    }

    #[test]
    fn chrome_inside_the_body_is_flagged_without_losing_text() {
        let text = format!("Two Articles\n\n{PROSE}\n\nTop of page\n\n{PROSE} Again.\n");
        let e = run(&text);
        assert_eq!(
            kind_of_line(&text, &e, "Top of page"),
            Some(ZoneKind::Boilerplate)
        );
        assert_eq!(
            kind_of_line(&text, &e, "The branch met"),
            Some(ZoneKind::Body)
        );
        let last = text
            .rfind("The branch met")
            .map(|i| text[..i].chars().count());
        assert!(e
            .zones
            .iter()
            .any(|z| z.kind == ZoneKind::Body && Some(z.start) <= last && last < Some(z.end)));
    }

    #[test]
    fn spans_point_at_the_source_line() {
        let text = "ÉTUDES | Archive\n\nLe Titre Ici\n\nTranslated by Jean Lefèvre.\n\nThe text runs on here for a long while, in the manner of an article.\n";
        let e = run(text);
        let f = e
            .metadata
            .fields
            .iter()
            .find(|f| f.name == "translated_by")
            .expect("translator");
        let line: String = text
            .chars()
            .skip(f.span.start)
            .take(f.span.end - f.span.start)
            .collect();
        assert_eq!(line, "Translated by Jean Lefèvre.");
    }
    #[test]
    fn dated_entries_of_a_listing_stay_in_the_body() {
        let text = "Europe\n\nGreece: the general strike\nTuesday, 14 May 2019\nAnna Kara\n\nSpain: the pensioners march\nFriday, 3 April 2020\nJuan Rey\n\nLoad more\n";
        let e = run(text);
        assert_eq!(text_of(&e, "title").as_deref(), Some("Europe"));
        for field in ["subtitle", "date_published", "authors"] {
            assert_eq!(e.metadata.get(field), None, "{field}");
        }
        for line in [
            "Greece: the general strike",
            "Friday, 3 April 2020",
            "Juan Rey",
        ] {
            assert_eq!(kind_of_line(text, &e, line), Some(ZoneKind::Body), "{line}");
        }
        assert_eq!(
            kind_of_line(text, &e, "Load more"),
            Some(ZoneKind::Boilerplate)
        );

        let text = "Socialist Review Online\n\nLatest\n\nRents up again\nSubmitted by jan on 3 March, 2015 - 10:02\n\nGreece votes\nSubmitted by AWL on 1 March, 2015 - 9:15\n\nNext page\n";
        let e = run(text);
        assert_eq!(text_of(&e, "title").as_deref(), Some("Latest"));
        for field in ["submitted_by", "submitted_date", "site", "subtitle"] {
            assert_eq!(e.metadata.get(field), None, "{field}");
        }
    }

    #[test]
    fn listing_entries_with_bylines() {
        let text = "In Defence of Socialism\n\nTag: Venezuela\n\nThe referendum result\nBy Jorge Martín\nMonday, 3 December 2007\n\nThe revolution at the crossroads\nBy Alan Woods\nTuesday, 11 September 2007\n\nPage 1 of 12\n";
        let e = run(text);
        assert_eq!(text_of(&e, "title").as_deref(), Some("Tag: Venezuela"));
        for field in ["subtitle", "date_published", "authors"] {
            assert_eq!(e.metadata.get(field), None, "{field}");
        }
        assert_eq!(
            kind_of_line(text, &e, "By Alan Woods"),
            Some(ZoneKind::Body)
        );
        assert_eq!(
            kind_of_line(text, &e, "Page 1 of 12"),
            Some(ZoneKind::Boilerplate)
        );
    }

    #[test]
    fn editorial_label_is_not_the_title() {
        let text = format!("The Militant, 10 January 1944\n\nEditorial\n\nLessons of the Year\n\nFrom The Militant, Vol. VIII No. 2, 10 January 1944, p. 4.\n\n{PROSE}\n");
        let e = run(&text);
        assert_eq!(text_of(&e, "title").as_deref(), Some("Lessons of the Year"));
        assert_eq!(e.metadata.get("subtitle"), None);
        assert_eq!(e.metadata.get("authors"), None);
    }

    #[test]
    fn one_dated_article_is_not_a_listing() {
        let text = format!(
            "Greece: the general strike\n\nBy Anna Kara\n\nTuesday, 14 May 2019\n\n{PROSE}\n"
        );
        let e = run(&text);
        assert_eq!(text_of(&e, "date_published").as_deref(), Some("2019-05-14"));
    }

    #[test]
    fn headline_directly_over_the_byline_is_the_title() {
        let text =
            format!("Reason in revolt\n\nFighting the cuts in Lambeth\nBy Ed Maltby\n\n{PROSE}\n");
        let e = run(&text);
        assert_eq!(
            text_of(&e, "title").as_deref(),
            Some("Fighting the cuts in Lambeth")
        );
        assert_eq!(e.metadata.get("subtitle"), None);
        // Without a byline under it, a subtitle stays a subtitle.
        let text = format!("Home | Theory | History\n\nThe Road to Power\n\nThe tasks of the party in the coming period\n\nWritten: 1938\n\n{PROSE}\n");
        let e = run(&text);
        assert_eq!(text_of(&e, "title").as_deref(), Some("The Road to Power"));
        assert_eq!(
            text_of(&e, "subtitle").as_deref(),
            Some("The tasks of the party in the coming period")
        );
    }

    #[test]
    fn series_label_over_author_and_title() {
        let text = format!("Correspondence 1883\n\nFrederick Engels\n\nLetter to August Bebel\n\nWritten: 14 March 1883\nSource: Collected Works, Vol. 46, p. 453.\n\n{PROSE}\n\nYours,\nF. Engels\n");
        let e = run(&text);
        assert_eq!(
            text_of(&e, "title").as_deref(),
            Some("Letter to August Bebel")
        );
        assert_eq!(text_of(&e, "authors").as_deref(), Some("Frederick Engels"));
    }

    #[test]
    fn transcribed_edition_under_first_published_gives_no_volume() {
        let text = format!("Letter to Bebel\n\nFirst Published: Die Neue Zeit, 1891\nSource: Collected Works, Vol. 46, p. 453.\n\n{PROSE}\n");
        let e = run(&text);
        assert_eq!(text_of(&e, "publication").as_deref(), Some("Die Neue Zeit"));
        assert_eq!(e.metadata.get("volume"), None);
        assert_eq!(e.metadata.get("pages"), None);
        // Alone, the source line is the citation.
        let text = format!(
            "Letter to Bebel\n\nSource: Die Neue Zeit, Vol. 9 No. 2, 1891, p. 453.\n\n{PROSE}\n"
        );
        let e = run(&text);
        assert_eq!(text_of(&e, "volume").as_deref(), Some("9"));
        // The same periodical in both lines: the source adds its volume and pages.
        let text = format!("Letter to Bebel\n\nFirst Published: Die Neue Zeit, 1891\nSource: Die Neue Zeit, Vol. 9 No. 2, 1891, p. 453.\n\n{PROSE}\n");
        let e = run(&text);
        assert_eq!(text_of(&e, "pages").as_deref(), Some("453"));
    }

    #[test]
    fn related_articles_block_and_site_copyright_are_chrome() {
        let text = format!("A title here\n\n{PROSE}\n\nA short closing line of the article.\n\nRelated articles\nThe Labour Party and the unions\nTwenty years of New Labour\n\n© 2007 Socialist Review Online\n");
        let e = run(&text);
        for line in [
            "Related articles",
            "Twenty years of New Labour",
            "© 2007 Socialist Review Online",
        ] {
            assert_eq!(
                kind_of_line(&text, &e, line),
                Some(ZoneKind::Boilerplate),
                "{line}"
            );
        }
        assert_eq!(
            kind_of_line(&text, &e, "A short closing line of the article."),
            Some(ZoneKind::Body)
        );
        assert_eq!(
            text_of(&e, "site").as_deref(),
            Some("Socialist Review Online")
        );
    }

    #[test]
    fn reprint_note_in_the_header() {
        let text = format!("What the miners taught us\n\nThis article first appeared in Solidarity 503, 24 April 2019.\n\n{PROSE}\n");
        let e = run(&text);
        assert_eq!(text_of(&e, "publication").as_deref(), Some("Solidarity"));
        assert_eq!(text_of(&e, "issue").as_deref(), Some("503"));
        assert_eq!(text_of(&e, "date_published").as_deref(), Some("2019-04-24"));
    }
}

#[cfg(test)]
mod more_tests {
    use super::*;

    const PROSE: &str = "The branch met twice in the week before the strike, and on both occasions the hall was full to the doors.";

    fn get(e: &Extraction, name: &str) -> Option<String> {
        e.metadata.get(name).map(|v| match v {
            FieldValue::Text(s) => s.clone(),
            FieldValue::People(p) => p.join("; "),
        })
    }

    #[test]
    fn stacked_title_lines_above_source_notes_stay_header() {
        let text = format!("Leon Trotsky (1879–1940)\n\nThe Transitional Program\nThe Death Agony of Capitalism\nand the Tasks of the Fourth International\n\nWritten: 1938\nFirst Published: May–June 1938\nTranscription/HTML Markup: Sally Ryan & David Walters\nProofread: by Chris Clayton, 2006.\n\n{PROSE}\n");
        let e = extract(&text, &Settings::default(), None);
        assert_eq!(get(&e, "authors").as_deref(), Some("Leon Trotsky"));
        assert_eq!(
            get(&e, "title").as_deref(),
            Some("The Transitional Program")
        );
        assert_eq!(get(&e, "date_published").as_deref(), Some("1938-05"));
        assert_eq!(
            get(&e, "transcribed_by").as_deref(),
            Some("Sally Ryan; David Walters")
        );
    }

    #[test]
    fn hard_wrapped_paragraphs_are_not_titles() {
        let text = "A Title\n\nIt would be a mistake to think that the bureaucracy acts\nfrom stupidity alone; its policy flows from its position.\n";
        let e = extract(text, &Settings::default(), None);
        assert_eq!(get(&e, "title").as_deref(), Some("A Title"));
        assert_eq!(get(&e, "subtitle"), None);
        let untitled = "The strike committee met on Sunday evening in the back\nroom of the union hall, as it always did.\n";
        let e = extract(untitled, &Settings::default(), None);
        assert!(e.metadata.fields.is_empty(), "{:?}", e.metadata);
    }

    #[test]
    fn credit_roles_in_any_order() {
        let text = format!("A Title\n\nMarkup & transcription: Ann Lee and Bob Ray\nHTML: Cy Doe\nProofed and corrected by Di Fox, May 2007.\nTranslated: from the German by Ed Gee.\n\n{PROSE}\n");
        let e = extract(&text, &Settings::default(), None);
        assert_eq!(get(&e, "markup_by").as_deref(), Some("Ann Lee; Bob Ray"));
        assert_eq!(
            get(&e, "transcribed_by").as_deref(),
            Some("Ann Lee; Bob Ray")
        );
        assert_eq!(get(&e, "proofread_by").as_deref(), Some("Di Fox"));
        assert_eq!(get(&e, "translated_by").as_deref(), Some("Ed Gee"));
    }

    #[test]
    fn periodical_with_its_issue_number() {
        let text =
            format!("Solidarity 234, 8 March 2012\n\nWhy the Tories fear the unions\n\n{PROSE}\n");
        let e = extract(&text, &Settings::default(), None);
        assert_eq!(get(&e, "publication").as_deref(), Some("Solidarity"));
        assert_eq!(get(&e, "issue").as_deref(), Some("234"));
        assert_eq!(get(&e, "date_published").as_deref(), Some("2012-03-08"));
        assert_eq!(
            get(&e, "title").as_deref(),
            Some("Why the Tories fear the unions")
        );
    }

    #[test]
    fn a_year_in_a_footer_source_does_not_date_the_page() {
        let text =
            format!("Wages and Prices\n\n{PROSE}\n\nSource: Ministry of Labour Gazette, 1938.\n");
        let e = extract(&text, &Settings::default(), None);
        assert_eq!(get(&e, "date_published"), None);
        let text = format!("Wages and Prices\n\nSource: Labour Monthly, 1938.\n\n{PROSE}\n");
        let e = extract(&text, &Settings::default(), None);
        assert_eq!(get(&e, "date_published").as_deref(), Some("1938"));
    }

    #[test]
    fn from_at_the_foot_is_a_footnote() {
        let text = format!("A Title\n\n{PROSE}\n\nFrom Lenin’s Collected Works, Vol. 25, p. 12.\n");
        let e = extract(&text, &Settings::default(), None);
        assert_eq!(get(&e, "publication"), None);
        assert_eq!(get(&e, "volume"), None);
        let last = e.zones.last().map(|z| z.kind);
        assert_eq!(last, Some(ZoneKind::Body));
    }
}
