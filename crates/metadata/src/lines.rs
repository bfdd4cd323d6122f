//! Judgements about single lines: is it site chrome, a metadata line (source, credits,
//! "Last updated"), a person's name, a bare date, prose, or some other short line? The
//! decisions are by shape only; where a line sits in the page is decided in `extract`.

use std::sync::LazyLock;

use regex::{Regex, RegexSet};

use crate::dates::{find_date, whole_date};

/// A line of the text: `start..end` without its line break, `content` the trimmed part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub start: usize,
    pub end: usize,
    pub content_start: usize,
    pub content_end: usize,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.content_start == self.content_end
    }
}

/// Splits `text` into lines (on `\n`, dropping a trailing `\r`); whitespace, including
/// no-break spaces, is trimmed from each line's content.
pub fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::with_capacity(text.len() / 64 + 1);
    let mut start = 0;
    let bytes = text.as_bytes();
    loop {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(text.len(), |i| start + i);
        let raw = &text[start..end];
        let trimmed_start = raw.trim_start();
        let content_start = start + (raw.len() - trimmed_start.len());
        let content_end = content_start + trimmed_start.trim_end().len();
        lines.push(Line {
            start,
            end,
            content_start,
            content_end,
        });
        if end == text.len() {
            break;
        }
        start = end + 1;
    }
    lines
}

/// What kind of metadata line a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MetaKind {
    /// "First published: …", "Originally published in …".
    FirstPublished,
    /// "From The Militant, Vol. 12 No. 17, …", "Source: …".
    Source,
    /// "By X", "Author: X", "Written by X".
    Byline,
    /// "Written: July 31, 1945."
    Written,
    /// Transcription, markup, proofreading and translation credits.
    Credit,
    /// "Online Version: …"
    Online,
    /// "Last updated on …"
    LastUpdated,
    /// "Submitted by X on DATE"
    Submitted,
    /// Copyright, copyleft and licence lines.
    Copyright,
    /// Other archive labels ("Delivered: …", "Publisher: …", "Date: …").
    Label,
}

/// The shape of one non-blank line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Navigation, banners, prompts: boilerplate.
    Chrome,
    Meta(MetaKind),
    /// Nothing but a person's name.
    Name,
    /// "The Militant, 26 April 1948": a periodical and its date.
    PageHeader,
    /// Nothing but a date.
    DateLine,
    /// "(1948)", "(Spring 1937)": an archive's year line under a title.
    YearLine,
    /// "Dear Friends,", "Comrades!"
    Salutation,
    /// Running text.
    Prose,
    /// Any other short line: title, subtitle, crosshead, list item.
    Short,
}

// Anchored, case-insensitive prefixes; the index order matches `META_KINDS`.
static META_SET: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new([
        r"(?i)^(?:first|originally)\s+(?:published|appeared|printed)\b|^published\s*(?:in\s*)?:|^first\s+published\s+in\b|^reprinted\s+from\b|^(?:this|the)\s+\w+(?:\s+\w+)?\s+(?:was\s+)?(?:first|originally)\s+(?:published|appeared|printed|ran)\s+in\b",
        r"(?i)^source\s*:|^from\s+\S",
        r"(?i)^(?:by|authors?\s*:|written\s+by|posted\s+by)\s*\S",
        r"(?i)^written\s*:",
        r"(?i)^(?:transcri(?:bed|ption)|html\s*mark|html\s*:|mark-?up|marked\s+up|proof-?read|proofed|proofing|translat(?:ed|ion)\b|scann?ed\b|edited\s+by|converted\s+(?:to|by))",
        r"(?i)^online\s+version\b",
        r"(?i)^(?:last\s+(?:updated|modified|revised)|page\s+last\s+updated|updated\s*:)",
        r"(?i)^submitted\s+by\s+\S",
        r"(?i)^(?:copyright\b|©|\(c\)\s|copyleft\b|public\s+domain\b|licen[cs]e\s*:|creative\s+commons\b)",
        r"(?i)^(?:delivered|date|dated|place|publisher|published\s+by|editors?|notes?|keywords|language|first\s+presented|presented|broadcast|format|collection)\s*:",
    ])
    .expect("meta prefixes are valid")
});

const META_KINDS: [MetaKind; 10] = [
    MetaKind::FirstPublished,
    MetaKind::Source,
    MetaKind::Byline,
    MetaKind::Written,
    MetaKind::Credit,
    MetaKind::Online,
    MetaKind::LastUpdated,
    MetaKind::Submitted,
    MetaKind::Copyright,
    MetaKind::Label,
];

static VOLUME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:Vol(?:ume)?|VOL)\.?\s*(?P<v>[IVXLCDM]+|\d+)\b")
        .expect("volume pattern is valid")
});
static ISSUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:No|Nos|NO|Number|Issue|Whole\s+No)\.?\s*(?P<n>\d+(?:\s*[-–/&]\s*\d+)?)\b")
        .expect("issue pattern is valid")
});
static PAGES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\bpp?\.|\bpages?\b)\s*(?P<p>[\dIVXLCDMivxlcdm]+(?:\s*[-–—]\s*\d+)?)")
        .expect("pages pattern is valid")
});

pub(crate) fn volume(s: &str) -> Option<regex::Match<'_>> {
    VOLUME.captures(s).and_then(|c| c.name("v"))
}
pub(crate) fn issue(s: &str) -> Option<regex::Match<'_>> {
    ISSUE.captures(s).and_then(|c| c.name("n"))
}
pub(crate) fn pages(s: &str) -> Option<regex::Match<'_>> {
    PAGES.captures(s).and_then(|c| c.name("p"))
}
/// Byte offset where the first volume/issue/pages marker starts.
pub(crate) fn first_marker(s: &str) -> Option<usize> {
    [VOLUME.find(s), ISSUE.find(s), PAGES.find(s)]
        .into_iter()
        .flatten()
        .map(|m| m.start())
        .min()
}

/// A citation states at least one of a date, volume, issue or pages.
pub(crate) fn is_citation(s: &str) -> bool {
    find_date(s).is_some() || VOLUME.is_match(s) || ISSUE.is_match(s) || PAGES.is_match(s)
}

/// The metadata role of a line, if it has one.
pub fn meta_kind(t: &str) -> Option<MetaKind> {
    if t.len() > 400 {
        return None;
    }
    let kind = META_SET.matches(t).iter().next().map(|i| META_KINDS[i])?;
    // A note that goes on into further sentences is an editorial paragraph, read as body.
    if kind != MetaKind::Copyright && t.len() > 100 && has_second_sentence(t) {
        return None;
    }
    let ok = match kind {
        // "From the first day of the strike, …" is prose, not a source note.
        MetaKind::Source if t.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("from")) => {
            let rest = t[4..].trim_start();
            rest.chars().next().is_some_and(char::is_uppercase)
                && t.len() < 250
                && is_citation(rest)
        }
        MetaKind::Byline => {
            let (names, _) = byline(t);
            let names = split_people(names);
            !names.is_empty() && names.iter().all(|n| is_person_name(n) || is_initials(n))
        }
        MetaKind::Credit | MetaKind::Online => t.len() < 300,
        _ => true,
    };
    ok.then_some(kind)
}

/// A full stop after a word (not an abbreviation such as "Vol." or "St.") followed by a
/// sentence of at least four words.
fn has_second_sentence(t: &str) -> bool {
    const ABBREVIATIONS: &[&str] = &[
        "Vol", "No", "Nos", "pp", "St", "Mr", "Mrs", "Dr", "Jr", "Sr", "ed", "eds", "trans", "Ed",
    ];
    t.match_indices(". ").any(|(i, _)| {
        let word = t[..i]
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let rest = &t[i + 2..];
        let mut chars = rest.chars();
        word.len() >= 2
            && !ABBREVIATIONS.contains(&word)
            && chars.next().is_some_and(char::is_uppercase)
            && chars.next().is_some_and(char::is_lowercase)
            && rest.split_whitespace().count() >= 4
    })
}

pub(crate) static BYLINE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:by|authors?\s*:|written\s+by|posted\s+by)\s*")
        .expect("byline prefix is valid")
});

/// A byline's names and its date, if any: "Written by Alan Woods, Monday, 4 May 2009".
pub(crate) fn byline(t: &str) -> (&str, Option<crate::dates::FoundDate>) {
    let rest = after_prefix(t, BYLINE_PREFIX.find(t).map_or(0, |m| m.end()));
    let date = find_date(rest);
    let mut names = date.as_ref().map_or(rest, |d| &rest[..d.start]);
    loop {
        names = names.trim_end_matches([',', ' ', '-', '–', '|']);
        match names.rsplit_once(' ') {
            Some((head, last))
                if last.ends_with("day") && last.chars().all(char::is_alphabetic) =>
            {
                names = head
            }
            _ => break,
        }
    }
    (names, date)
}

pub(crate) fn after_prefix(t: &str, at: usize) -> &str {
    t.get(at..).unwrap_or("").trim()
}

/// Splits "A, B and C" / "A & B" into names, dropping empty pieces.
pub fn split_people(s: &str) -> Vec<&str> {
    static SEP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s*(?:,|;|\band\b|&|/)\s*").expect("separator pattern is valid")
    });
    SEP.split(s)
        .map(|p| strip_full_stop(p.trim()))
        .filter(|p| !p.is_empty())
        .collect()
}

/// Drops a sentence's full stop but keeps that of a final initial ("A.K.", "Mike B.").
pub fn strip_full_stop(v: &str) -> &str {
    let mut rev = v.chars().rev();
    let initial = matches!(
        (rev.next(), rev.next(), rev.next()),
        (Some('.'), Some(c), None | Some('.' | ' ')) if c.is_uppercase()
    );
    if initial {
        v
    } else {
        v.trim_end_matches('.').trim_end()
    }
}

/// Capitalised words that begin titles, site names and chrome, never a person's name.
#[rustfmt::skip]
const NOT_NAME_WORDS: &[&str] = &[
    "The", "A", "An", "On", "In", "Of", "For", "To", "And", "Against", "From", "With", "Why",
    "What", "How", "Our", "My", "Main", "Index", "Archive", "Archives", "Internet", "Library",
    "Home", "Page", "Top", "Back", "Next", "Previous", "Contents", "Notes", "Note", "Introduction",
    "Preface", "Appendix", "Chapter", "Part", "Section", "Letter", "Letters", "Message", "Speech",
    "Statement", "Resolution", "Revolution", "Party", "Workers", "Worker", "Socialist", "Socialism",
    "Communist", "Communism", "International", "Marxism", "Marxist", "Marxists", "Labour", "Labor",
    "Trade", "Union", "Unions", "War", "Peace", "Struggle", "Strike", "Review", "Militant",
    "Appeal", "News", "Action", "Press", "Daily", "Weekly", "Monthly", "Journal", "Magazine",
    "Bulletin", "Theses", "Program", "Programme", "Manifesto", "Congress", "Conference",
    "Committee", "Opposition", "Movement", "Trotskyism", "Stalinism", "Editorial", "Editors",
    "Editor", "Comment", "Comments", "Writings", "Works", "Collected", "Selected", "Volume", "Vol",
    "Tendency", "Liberty", "Solidarity", "Defence", "Defense", "Online", "On-Line", "Encyclopedia",
    "Encyclopaedia", "Publications", "Dear", "Comrades", "Friends", "Yours", "Respectfully",
    "Fraternally", "Sincerely", "Greetings", "Death", "Life", "Lives", "Long", "Live", "Down",
    "Crisis", "State", "World", "Question", "Answer", "Answers", "Reply", "Interview", "Obituary",
    "Tribute", "Memoriam", "Some", "Past", "New", "Old", "First", "Last", "Great", "Their", "This",
    "That", "These", "Those", "All", "Every", "No", "Not", "More", "Most", "After", "Before",
    "Behind", "Under", "Over", "Between", "Towards", "Toward", "Is", "Are", "Was", "Were", "Be",
    "Has", "Have", "Will", "Can", "Must", "Should", "When", "Where", "Who", "Which", "Year",
    "Years", "Day", "Days", "Time", "Movements", "Fight", "Lessons", "Lesson", "Victory", "Defeat",
    "Truth", "Lies", "Myth", "Road", "Way", "Tasks", "Task", "Problems", "Problem", "Theory",
    "Politics", "Policy", "History", "Government", "Economy", "General", "Latest", "Articles",
    // Descriptors standing before names in editorial notes ("the old Bolshevik X").
    "Bolshevik", "Menshevik", "Trotskyist", "Stalinist", "Anarchist", "Syndicalist", "Tory",
    "Liberal", "Russian", "Soviet", "American", "British", "English", "French", "German", "Spanish",
    "Italian", "Irish", "Scottish", "Welsh", "Polish", "Chinese", "Indian", "Mexican", "Greek",
    "Jewish", "Comrade", "Professor", "Dr", "Mr", "Mrs", "Ms", "Sir", "Colonel", "Captain",
    "Veteran",
];

/// A name line without its trailing life dates: "Leon Trotsky (1879–1940)" → "Leon Trotsky".
pub fn name_part(t: &str) -> &str {
    match t
        .trim_end()
        .strip_suffix(')')
        .and_then(|r| r.rsplit_once('('))
    {
        Some((name, inside)) if inside.chars().any(|c| c.is_ascii_digit()) => name.trim_end(),
        _ => t,
    }
}

/// The longest tail of `s` that is a person's name ("Bolshevik Ante Ciliga" → "Ante Ciliga").
pub fn trailing_name(s: &str) -> Option<&str> {
    let mut rest = s.trim();
    loop {
        if is_person_name(rest) {
            return Some(rest);
        }
        rest = rest.split_once(char::is_whitespace)?.1.trim_start();
    }
}

#[rustfmt::skip]
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "das", "do", "dos", "du", "van", "von", "der", "den", "la", "le", "del", "della",
    "y", "bin", "ibn", "al", "ben",
];

fn is_name_token(w: &str) -> bool {
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    // Initials ("L.", "L.D."), or a capitalised word with letters and apostrophes whose
    // hyphenated parts are capitalised too ("Jean-Paul", not "Rank-and-File").
    if w.split('-')
        .skip(1)
        .any(|part| !part.chars().next().is_some_and(char::is_uppercase))
    {
        return false;
    }
    let rest: Vec<char> = chars.collect();
    let initials = rest.iter().all(|&c| c == '.' || c.is_uppercase()) && rest.contains(&'.');
    initials
        || (rest
            .iter()
            .all(|&c| c.is_alphabetic() || matches!(c, '’' | '\'' | '-' | '.'))
            && rest.iter().any(|c| c.is_lowercase()))
}

/// "Natalia Sedova Trotsky", "James P. Cannon", "Einde O’Callaghan", "Rosa de la Cruz".
pub fn is_person_name(t: &str) -> bool {
    let t = name_part(t);
    if t.len() > 60 {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) {
        return false;
    }
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    if !is_name_token(first) || !is_name_token(last) {
        return false;
    }
    words.iter().all(|w| {
        (is_name_token(w)
            && !NOT_NAME_WORDS.contains(&w.trim_end_matches(['.', '’', '\'']))
            && !w.ends_with("’s")
            && !w.ends_with("'s"))
            || NAME_PARTICLES.contains(w)
    })
}

/// "MB", "M.B.", "J. S." — a signature by initials.
pub fn is_initials(t: &str) -> bool {
    let letters: Vec<char> = t.chars().filter(|c| !matches!(c, '.' | ' ')).collect();
    (2..=4).contains(&letters.len())
        && letters.iter().all(|c| c.is_uppercase())
        && t.chars().all(|c| c.is_uppercase() || c == '.' || c == ' ')
}

/// Exact web-chrome phrases (compared after lowercasing and dropping punctuation).
#[rustfmt::skip]
const CHROME_PHRASES: &[&str] = &[
    "top of page", "back to top", "top", "to top", "go to top", "return to top", "home", "homepage",
    "home page", "next", "previous", "prev", "next page", "previous page", "contents",
    "table of contents", "index", "print", "print this page", "printer friendly version",
    "printerfriendly version", "share", "share this", "share this page", "share this article",
    "tweet", "like", "email", "email this", "email this page", "add new comment",
    "post new comment", "leave a comment", "post a comment", "comments",
    "log in or register to post comments", "login or register to post comments", "log in", "login",
    "register", "sign in", "sign up", "subscribe", "donate", "join us", "join", "read more",
    "related articles", "related", "tags", "skip to main content", "skip to content", "search",
    "menu", "main menu", "navigation", "back", "go back", "up", "permalink", "reply", "facebook",
    "twitter", "whatsapp", "telegram", "youtube", "instagram", "rss", "newsletter", "pdf",
    "download pdf", "print version", "view pdf", "printable version", "categories", "details",
    "hits", "more", "more articles", "last page", "first page", "load more", "show more",
    "older posts", "newer posts", "older articles", "newer articles", "accept", "accept all",
    "accept cookies", "reject all", "decline", "got it",
];

/// Phrase openings of chrome lines, in `normalise`d form.
#[rustfmt::skip]
const CHROME_PREFIXES: &[&str] = &[
    "back to", "return to", "go to", "tags", "category", "categories", "filed under", "share on",
    "share this", "follow us", "log in or register", "login or register", "you are here", "skip to",
    "click here", "download as", "jump to", "subscribe to", "sign up for", "donate to",
    "support us", "related articles", "read more", "email this",
];

const CHROME_CONTAINS: &[&str] = &[
    "cookie",
    "privacy policy",
    "terms & conditions",
    "terms and conditions",
    "terms of use",
    "by continuing to use",
    "this website uses",
    "this site uses",
    "javascript",
];

/// Lowercase letters and digits with single spaces: how lines are compared.
pub fn normalise(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut space = false;
    for c in t.chars() {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}

/// Page counters: "Hits: 2345", "3 comments", "1,204 views" (in `normalise`d form).
fn is_counter(key: &str) -> bool {
    const COUNTED: &[&str] = &[
        "hits", "views", "comments", "comment", "reads", "visits", "votes", "likes", "shares",
        "replies",
    ];
    let words: Vec<&str> = key.split(' ').collect();
    let number = |w: &&str| w.chars().all(|c| c.is_ascii_digit());
    match words.as_slice() {
        // "Page 1 of 12": a pager.
        ["page", n, "of", m] => number(n) && number(m),
        [a, rest @ ..] if COUNTED.contains(a) && !rest.is_empty() => rest.iter().all(number),
        [first @ .., b] if COUNTED.contains(b) && !first.is_empty() => first.iter().all(number),
        _ => false,
    }
}

/// Navigation bars: two or more short link texts joined by a separator.
fn is_nav_bar(t: &str) -> bool {
    const SEPS: [&str; 6] = [" | ", " • ", " · ", " » ", " > ", " :: "];
    let Some(sep) = SEPS.iter().find(|s| t.contains(*s)) else {
        return false;
    };
    let parts: Vec<&str> = t.split(sep).map(str::trim).collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| p.len() <= 60 && !p.ends_with('.') && p.split_whitespace().count() <= 8)
}

/// Link texts run together by a scraper: "ArchiveMarxist" (a lowercase run, then a capital).
pub fn has_glued_words(t: &str) -> bool {
    t.split_whitespace().any(|w| glue_point(w).is_some())
}

/// Byte offset inside `w` where a second capitalised word was glued on.
pub fn glue_point(w: &str) -> Option<usize> {
    let mut lower_run = 0;
    for (i, c) in w.char_indices() {
        if c.is_lowercase() {
            lower_run += 1;
        } else if c.is_uppercase() && lower_run >= 3 {
            return Some(i);
        } else {
            lower_run = 0;
        }
    }
    None
}

const SITE_WORDS: &[&str] = &[
    "archive",
    "archives",
    "encyclopedia",
    "encyclopaedia",
    "library",
];

/// A short line naming a site or sub-archive ("Marxists Internet Archive").
pub fn is_site_name(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    words.len() <= 8
        && !t.ends_with('.')
        && words
            .iter()
            .any(|w| SITE_WORDS.contains(&normalise(w).as_str()))
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
                || matches!(*w, "of" | "the" | "and" | "for" | "on")
        })
}

/// Chrome that is unmistakable anywhere in a page, even between paragraphs of the body.
pub fn is_strong_chrome(t: &str) -> bool {
    if t.len() > 120 {
        return false;
    }
    let key = normalise(t);
    matches!(
        key.as_str(),
        "top of page" | "back to top" | "top" | "to top" | "go to top" | "return to top"
    ) || key.starts_with("back to ")
        || (is_nav_bar(t) && {
            let lower = t.to_lowercase();
            ["index", "home", "archive", "contents", "top"]
                .iter()
                .any(|w| lower.contains(w))
        })
}

/// Boilerplate judged by shape alone (positional rules such as alt text live in `extract`).
pub fn is_chrome(t: &str) -> bool {
    if t.len() > 400 {
        return false;
    }
    let lower = t.to_lowercase();
    if CHROME_CONTAINS.iter().any(|p| lower.contains(p)) {
        return true;
    }
    // Captions of a page's leading image.
    if ["photo:", "image:", "picture:", "illustration:"]
        .iter()
        .any(|p| lower.starts_with(p))
        && t.len() < 160
    {
        return true;
    }
    if t.len() > 150 {
        return false;
    }
    let key = normalise(t);
    let opens = |p: &&str| {
        key.strip_prefix(*p)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    };
    if CHROME_PHRASES.contains(&key.as_str()) || CHROME_PREFIXES.iter().any(opens) {
        return true;
    }
    if is_counter(&key) {
        return true;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if is_nav_bar(t) {
        return true;
    }
    // "Main Militant Index", "Main NI Index": archive navigation.
    if words.first() == Some(&"Main") && words.len() <= 6 && key.contains("index") {
        return true;
    }
    if has_glued_words(t) && words.len() <= 8 && !t.ends_with('.') {
        return true;
    }
    if let Some(first) = words.first() {
        let first = first.to_lowercase();
        if matches!(
            first.as_str(),
            "write" | "contact" | "email" | "e-mail" | "mail"
        ) && (key.contains("admin")
            || key.contains("webmaster")
            || key.contains("editor")
            || key.ends_with(" us"))
        {
            return true;
        }
    }
    if words.len() == 1
        && (lower.starts_with("http://")
            || lower.starts_with("https://")
            || lower.starts_with("www."))
    {
        return true;
    }
    is_site_name(t)
}

/// Image alt text left by a scraper: a short all-lowercase phrase without punctuation.
pub fn is_alt_text(t: &str) -> bool {
    let words = t.split_whitespace().count();
    (1..=6).contains(&words)
        && t.chars()
            .all(|c| c.is_lowercase() || c == ' ' || c == '-' || c == '_' || c.is_ascii_digit())
        && t.chars().any(char::is_alphabetic)
}

/// Running text rather than a heading.
pub fn is_prose(t: &str) -> bool {
    if t.len() > 300 {
        return true;
    }
    let words = t.split_whitespace().count();
    let last = t
        .trim_end_matches(['”', '"', '’', '\'', ')', ']'])
        .chars()
        .last()
        .unwrap_or(' ');
    (matches!(last, '.' | ':' | ';' | ',') && words >= 7)
        || (matches!(last, '?' | '!') && words >= 16)
        || (t.contains(". ") && words >= 14)
}

static SALUTATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:My\s+)?Dear\b.{0,60}|Esteemed\b.{0,60}|(?:Dear\s+)?(?:Comrades?|Friends|Sirs?|Madam|Brothers|Sisters|Fellow[\s-]workers|Gentlemen)\b.{0,30})[,:!]$")
        .expect("salutation pattern is valid")
});

static PAGE_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<pub>[A-Z][^,]{1,60}),\s*(?P<date>.+)$").expect("page header pattern is valid")
});

/// "The Militant, 26 April 1948" → (publication, date part) byte ranges.
pub fn page_header(t: &str) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let caps = PAGE_HEADER.captures(t)?;
    let (publication, date) = (caps.name("pub")?, caps.name("date")?);
    // "Vol. 5 No. 1, 6 January 1941" heads an issue in a listing; it names no periodical.
    if first_marker(publication.as_str()) == Some(0) {
        return None;
    }
    whole_date(date.as_str(), false)?;
    (!is_prose(publication.as_str())).then(|| (publication.range(), date.range()))
}

fn is_year_line(t: &str) -> bool {
    t.len() <= 40
        && ((t.starts_with('(') && t.ends_with(')')) || (t.starts_with('[') && t.ends_with(']')))
        && whole_date(&t[1..t.len() - 1], true).is_some()
}

/// Classifies a non-blank, trimmed line by shape.
pub fn classify(t: &str) -> LineKind {
    if let Some(kind) = meta_kind(t) {
        return LineKind::Meta(kind);
    }
    if is_chrome(t) {
        return LineKind::Chrome;
    }
    if is_year_line(t) {
        return LineKind::YearLine;
    }
    if t.len() <= 60 && whole_date(t, false).is_some() {
        return LineKind::DateLine;
    }
    if t.len() <= 90 && page_header(t).is_some() {
        return LineKind::PageHeader;
    }
    if t.len() <= 90 && SALUTATION.is_match(t) {
        return LineKind::Salutation;
    }
    if is_person_name(t) {
        return LineKind::Name;
    }
    if is_prose(t) {
        LineKind::Prose
    } else {
        LineKind::Short
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_trims() {
        let text = "a\r\n \u{a0}\n  b c  \n";
        let lines = split_lines(text);
        assert_eq!(lines.len(), 4);
        assert_eq!(&text[lines[0].content_start..lines[0].content_end], "a");
        assert!(lines[1].is_blank());
        assert_eq!(&text[lines[2].content_start..lines[2].content_end], "b c");
        assert!(lines[3].is_blank());
    }

    #[test]
    fn metadata_lines() {
        assert_eq!(
            classify("From Labor Action, Vol. 5 No. 3, 20 January 1941, p. 4."),
            LineKind::Meta(MetaKind::Source)
        );
        assert_eq!(
            classify("From the first days of the war the party grew."),
            LineKind::Prose
        );
        assert_eq!(
            classify("Source: New International, Vol. IV No. 2, February 1938."),
            LineKind::Meta(MetaKind::Source)
        );
        assert_eq!(
            classify("Transcription/Markup: Sally Ryan"),
            LineKind::Meta(MetaKind::Credit)
        );
        assert_eq!(
            classify("Translated by John G. Wright"),
            LineKind::Meta(MetaKind::Credit)
        );
        assert_eq!(
            classify("First Published: Byulleten Oppozitsii, No. 9, March 1930."),
            LineKind::Meta(MetaKind::FirstPublished)
        );
        assert_eq!(
            classify("Last updated: 9 May 2019"),
            LineKind::Meta(MetaKind::LastUpdated)
        );
        assert_eq!(
            classify("Submitted by cathy on 3 May, 2011 - 10:01"),
            LineKind::Meta(MetaKind::Submitted)
        );
        assert_eq!(
            classify("By Rosa de la Cruz"),
            LineKind::Meta(MetaKind::Byline)
        );
        assert_eq!(
            classify("Written by Alan Woods, Monday, 4 May 2009"),
            LineKind::Meta(MetaKind::Byline)
        );
        assert_eq!(
            classify("By continuing to browse you accept our cookies."),
            LineKind::Chrome
        );
    }

    #[test]
    fn chrome_lines() {
        for line in [
            "Main Labor Action Index | Main Newspaper Index",
            "Home | About | Contact",
            "MIA > Archive > Cannon",
            "Back to the Cannon Internet Archive",
            "Log in or register to post comments",
            "We use cookies to improve your experience on our website.",
            "Lenin Internet ArchiveWriters Index",
            "Contact the Webmaster",
            "Share this",
            "Marxists Internet Archive",
            "Hits: 2345",
            "1,204 views",
        ] {
            assert_eq!(classify(line), LineKind::Chrome, "{line}");
        }
        for line in [
            "The Struggle for a Labor Party",
            "Why we fight",
            "Notes on the Economy",
        ] {
            assert_ne!(classify(line), LineKind::Chrome, "{line}");
        }
    }

    #[test]
    fn names_dates_and_prose() {
        assert_eq!(classify("James P. Cannon"), LineKind::Name);
        assert_eq!(classify("Leon Trotsky (1879–1940)"), LineKind::Name);
        assert_eq!(classify("Einde O’Callaghan"), LineKind::Name);
        assert_eq!(classify("The Permanent Revolution"), LineKind::Short);
        assert_eq!(classify("Trotsky’s Last Letter"), LineKind::Short);
        assert_eq!(classify("12 March 1953"), LineKind::DateLine);
        assert_eq!(classify("(Summer 1939)"), LineKind::YearLine);
        assert_eq!(classify("Labor Action, 3 March 1941"), LineKind::PageHeader);
        assert_eq!(classify("Dear Comrade Smith,"), LineKind::Salutation);
        assert_eq!(
            classify("The strike began on a Monday and spread through the whole district."),
            LineKind::Prose
        );
        assert!(is_initials("M.B.") && is_initials("JPC") && !is_initials("USSR-X"));
        assert!(is_alt_text("trotsky at his desk") && !is_alt_text("Trotsky at his desk"));
    }
}
