//! Dates as archive pages write them ("26 April 1948", "July 31, 1945", "24.4.2007",
//! "October/November 1961", "Spring 1980"), turned into ISO 8601 at the precision stated.
//! A numeric date whose day/month order cannot be decided is returned as written, not guessed.

use std::sync::LazyLock;

use regex::{Captures, Regex};

/// A date read from the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateValue {
    /// ISO 8601 at the precision stated: `1948-04-26`, `1947-05` or `1961`.
    Iso(String),
    /// Day and month order undecidable (`3/4/1945`): kept exactly as written.
    Raw(String),
}

/// A date and the byte range of the text it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    pub value: DateValue,
    pub start: usize,
    pub end: usize,
}

const MONTHS: &str = r"January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER";
const SEASONS: &str = r"Spring|Summer|Autumn|Fall|Winter|SPRING|SUMMER|AUTUMN|FALL|WINTER";

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?x)
        \b(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})\b
      | \b(?P<dd>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–/]\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+(?:of\s+)?(?P<dm>{m})\.?,?\s+(?P<dy>\d{{4}})\b
      | \b(?P<mm>{m})\.?\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}})?,?\s+(?P<my>\d{{4}})\b
      | \b(?P<om>{m})\.?(?:\s*[/–—-]\s*(?:{m})\.?)?,?\s+(?P<oy>\d{{4}})\b
      | \b(?:{s})(?:\s*[/–—-]\s*(?:{s}))?,?\s+(?P<sy>\d{{4}})\b
      | \b(?P<na>\d{{1,2}})(?P<sep>[./])(?P<nb>\d{{1,2}})[./](?P<ny>\d{{4}})\b
        ",
        m = MONTHS,
        s = SEASONS
    );
    Regex::new(&pattern).expect("date pattern is valid")
});

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(1[6-9]\d\d|20\d\d)\b").expect("year pattern is valid"));

/// Month number (1-12) of a month name or abbreviation.
fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_ascii_lowercase();
    let n = match lower.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(n)
}

fn valid_year(y: u32) -> bool {
    (1600..=2099).contains(&y)
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if matches!((year % 4, year % 100, year % 400), (0, 1.., _) | (_, _, 0)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn ymd(year: u32, month: u32, day: u32) -> Option<DateValue> {
    (valid_year(year) && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
        .then(|| DateValue::Iso(format!("{year:04}-{month:02}-{day:02}")))
}

fn num(caps: &Captures<'_>, name: &str) -> Option<u32> {
    caps.name(name)?.as_str().parse().ok()
}

fn interpret(caps: &Captures<'_>) -> Option<DateValue> {
    if let Some(y) = num(caps, "iy") {
        return ymd(y, num(caps, "im")?, num(caps, "id")?);
    }
    if let Some(y) = num(caps, "dy") {
        return ymd(
            y,
            month_number(caps.name("dm")?.as_str())?,
            num(caps, "dd")?,
        );
    }
    if let Some(y) = num(caps, "my") {
        return ymd(
            y,
            month_number(caps.name("mm")?.as_str())?,
            num(caps, "md")?,
        );
    }
    if let Some(y) = num(caps, "oy") {
        let m = month_number(caps.name("om")?.as_str())?;
        return valid_year(y).then(|| DateValue::Iso(format!("{y:04}-{m:02}")));
    }
    if let Some(y) = num(caps, "sy") {
        return valid_year(y).then(|| DateValue::Iso(format!("{y:04}")));
    }
    let (a, b, y) = (num(caps, "na")?, num(caps, "nb")?, num(caps, "ny")?);
    match (a > 12, b > 12) {
        (true, true) => None,
        (true, false) => ymd(y, b, a),
        (false, true) => ymd(y, a, b),
        // Both orders are possible: equal numbers are still one date, otherwise keep it raw.
        (false, false) if a == b => ymd(y, a, b),
        (false, false) => {
            ymd(y, a, b)?;
            Some(DateValue::Raw(caps.get(0)?.as_str().to_owned()))
        }
    }
}

/// The first date (day, month or season precision; never a bare year) in `s`.
pub fn find_date(s: &str) -> Option<FoundDate> {
    DATE.captures_iter(s).find_map(|caps| {
        let whole = caps.get(0)?;
        let value = interpret(&caps)?;
        Some(FoundDate {
            value,
            start: whole.start(),
            end: whole.end(),
        })
    })
}

/// The first plausible year (1600-2099) standing alone in `s`.
pub fn find_year(s: &str) -> Option<FoundDate> {
    let m = YEAR.find(s)?;
    Some(FoundDate {
        value: DateValue::Iso(m.as_str().to_owned()),
        start: m.start(),
        end: m.end(),
    })
}

/// A date, or failing that a bare year, anywhere in `s`.
pub fn find_date_or_year(s: &str) -> Option<FoundDate> {
    find_date(s).or_else(|| find_year(s))
}

/// `s` is nothing but a date (or a bare year when `allow_year`), give or take punctuation,
/// a leading weekday and a trailing time.
pub fn whole_date(s: &str, allow_year: bool) -> Option<FoundDate> {
    let found = if allow_year {
        find_date_or_year(s)?
    } else {
        find_date(s)?
    };
    let before = &s[..found.start];
    let after = &s[found.end..];
    let junk = |t: &str| t.chars().all(|c| !c.is_alphanumeric());
    let weekday = |t: &str| {
        let t = t.trim().trim_end_matches(',');
        t.len() <= 10
            && t.to_ascii_lowercase().ends_with("day")
            && t.chars().all(char::is_alphabetic)
    };
    let time = |t: &str| {
        let t = t.trim_start_matches([' ', '-', '–', ',']);
        t.len() <= 8
            && t.chars()
                .all(|c| c.is_ascii_digit() || c == ':' || c == ' ' || c == '.')
    };
    ((junk(before) || weekday(before)) && (junk(after) || time(after))).then_some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Option<String> {
        match find_date(s)?.value {
            DateValue::Iso(v) => Some(v),
            DateValue::Raw(_) => None,
        }
    }

    #[test]
    fn house_styles() {
        assert_eq!(
            iso("From Labor Action, Vol. 3 No. 9, 3 March 1941, p. 2.").as_deref(),
            Some("1941-03-03")
        );
        assert_eq!(
            iso("Written: August 28, 1939.").as_deref(),
            Some("1939-08-28")
        );
        assert_eq!(iso("posted 17.9.2011").as_deref(), Some("2011-09-17"));
        assert_eq!(
            iso("Submitted by janine on 5 March, 2010 - 09:15").as_deref(),
            Some("2010-03-05")
        );
        assert_eq!(
            iso("in the December/January 1958 issue").as_deref(),
            Some("1958-12")
        );
        assert_eq!(iso("Winter 1975").as_deref(), Some("1975"));
        assert_eq!(
            iso("Source: Labour Review, June 1957").as_deref(),
            Some("1957-06")
        );
        assert_eq!(
            iso("Tuesday, 2nd of March 1920").as_deref(),
            Some("1920-03-02")
        );
        assert_eq!(iso("Sept. 3, 1936").as_deref(), Some("1936-09-03"));
        assert_eq!(iso("2019-11-30 08:00").as_deref(), Some("2019-11-30"));
    }

    #[test]
    fn undecidable_order_is_kept_raw() {
        assert_eq!(
            find_date("dated 3/4/1945").map(|d| d.value),
            Some(DateValue::Raw("3/4/1945".into()))
        );
        assert_eq!(iso("12/31/1999").as_deref(), Some("1999-12-31"));
        assert_eq!(iso("5.5.1950").as_deref(), Some("1950-05-05"));
    }

    #[test]
    fn rejects_impossible_and_lowercase_may() {
        assert_eq!(find_date("31 February 1950"), None);
        assert_eq!(find_date("we may 1950 times"), None);
        assert_eq!(find_date("No. 17, 1948"), None);
        assert_eq!(
            find_year("No. 17, 1948").map(|d| d.value),
            Some(DateValue::Iso("1948".into()))
        );
    }

    #[test]
    fn whole_line_dates() {
        assert!(whole_date("October/November 1961", false).is_some());
        assert!(whole_date("Thursday, July 31, 1945.", false).is_some());
        assert!(whole_date("SATURDAY, APRIL 26, 1948", false).is_some());
        assert!(whole_date("(1948)", true).is_some());
        assert!(whole_date("12 September, 2006 - 12:42", false).is_some());
        assert!(whole_date("The Militant, 26 April 1948", false).is_none());
        assert!(whole_date("In May 1947 we met", false).is_none());
    }
}
