//! The small closed word lists the boundary rules consult: abbreviations by how they behave
//! before the next word, words that typically open a sentence, and words that cannot end a line
//! of prose. General English and archive conventions only; users add their own through options.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: the keys are a few bytes long, where SipHash's setup dominates.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvBuild = BuildHasherDefault<Fnv>;

/// How a full stop after an abbreviation behaves before a capitalised word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Stands before what it qualifies (`e.g.`, `cf.`, `viz.`, `c. 1880`): never ends a sentence
    /// before a capitalised word or a number.
    Prepositive,
    /// Usually mid-sentence (`Mr.`, `Co.`, `Vol.`, `Jan.`, `ibid.`); ends a sentence only when the
    /// next word is a typical sentence opener (`The`, `He`, `However`).
    Regular,
    /// Usually closes its sentence (`etc.`, `per cent.`, money `6d.`): any capitalised word after
    /// it starts a new sentence.
    Final,
    /// An abbreviation only before a number (`No. 17`, `Art. 5`); otherwise an ordinary word.
    Numeral,
}

#[rustfmt::skip]
const PREPOSITIVE: &[&str] = &[
    "cf", "viz", "vs", "ca", "circ", "approx", "esp", "incl", "excl", "ie", "eg", "resp", "abt",
    "sc", "scil", "enc", "encl", "encs",
];

#[rustfmt::skip]
const REGULAR: &[&str] = &[
    // Titles, ranks and forms of address.
    "mr", "mrs", "ms", "messrs", "mme", "mmes", "mlle", "dr", "drs", "prof", "profs", "rev",
    "revd", "hon", "rt", "st", "ste", "mt", "gen", "lt", "col", "capt", "cmdr", "cdr", "adm",
    "maj", "sgt", "cpl", "pte", "pvt", "gov", "govs", "sen", "rep", "reps", "pres", "supt",
    "insp", "det", "fr", "br", "bro", "sr", "jr", "esq", "comr", "comrs", "com", "cde", "cdes",
    "cmde", "brig",
    "lieut", "sec", "secy", "treas", "asst", "assoc", "dir", "cllr", "coun", "ald", "ven",
    "msgr", "atty", "mons", "sra", "srta", "vp",
    // Spanish titles (`Gral. Cárdenas`, `Lic. Fabela`, `Ing. Ortiz`).
    "gral", "lic", "ing", "arq", "sres", "tte", "cnel", "dña",
    // Given names as older papers abbreviate them (`Wm. Z. Foster`, `Chas. Smith`).
    "wm", "chas", "geo", "thos", "jas", "jno", "robt", "edw", "benj", "saml", "richd", "alex",
    // Organisations and places.
    "co", "corp", "inc", "ltd", "plc", "bros", "assn", "dept", "univ", "inst", "soc", "acad",
    // Spanish and French company forms (`Cía. Barcelonesa`, `Hnos.`, `Cie.`).
    "cía", "cia", "hnos", "sdad", "cie", "mfg", "ry", "rly",
    // Institutions as papers and minutes shorten them (`Govt. of India`, `Natl. Committee`).
    "govt", "natl", "intl", "internat", "amer", "brit", "conf", "cong", "exec", "admin", "hosp",
    "coll", "comm", "prov", "terr", "regt", "abp", "sta", "cir", "assocs",
    // Russian references in transliteration (`Soch., t. XII`, `Vyp. 3`).
    "soch", "vyp", "gos",
    "ave", "blvd", "rd", "sq", "mts", "ft", "pk", "pl",
    // Months.
    "jan", "feb", "febr", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    // References and scholarly apparatus.
    "vol", "vols", "pp", "para", "paras", "ch", "chap", "chs", "cap", "sess", "sect", "secs", "figs", "pt",
    "pts", "bk", "bks", "ser", "suppl", "app", "nn", "ll", "cols", "ibid",
    "ib", "id", "op", "cit", "loc", "al", "ed", "eds", "edn", "trans", "transl", "tr", "repr",
    "rpt", "orig", "publ", "comp", "ref", "refs", "fol", "fols", "ms", "mss", "annot", "introd",
    "doc", "docs",
    // German references, common in the archive's notes (`Ges. Werke, Bd. 3`, `Hrsg.`).
    "ges", "bd", "bde", "hrsg", "aufl", "ausg", "jg", "jahrg", "nr", "ebd", "vgl",
    // Languages, as etymologies and translators' notes cite them (`cf. Ger. Doppelherrschaft`).
    "ger", "germ", "lat", "russ", "gk", "eng", "ital", "span", "fren",
    // Measures and time.
    "hr", "hrs", "min", "mins", "secs", "yr", "yrs", "wk", "wks", "mo", "mos", "lb", "lbs", "oz",
    "ozs", "cwt", "yd", "yds", "km", "kms", "cu", "doz", "max", "est", "prox", "ult", "dist",
    "misc", "cont", "contd",
];

/// `seq.` and `ff.` close the reference they end (`pp. 704 et seq. Compare`).
const FINAL: &[&str] = &["etc", "cent", "seq", "seqq", "ff"];

const NUMERAL: &[&str] = &["no", "nos", "art", "arts", "n°", "nº", "fig", "figs"];

/// Words that typically open an English sentence: closed-class words, sentence adverbs and the
/// imperatives of notices and instructions (`Take the subway`, `Send orders to`).
/// Names and months are deliberately absent (`May`, `Will`, `March`, `Grace`): after an
/// abbreviation they are far more likely to continue a name or date than to open a sentence.
#[rustfmt::skip]
const STARTERS: &[&str] = &[
    "A", "About", "Above", "According", "After", "Afterwards", "Again", "Against", "All",
    "Also", "Although", "Always", "Among", "An", "And", "Another", "Any", "Anyone", "Anything",
    "Are", "As", "At", "Because", "Before", "Being", "Besides", "Both", "But", "By", "Can",
    "Could", "Did", "Do", "Does", "During", "Each", "Either", "Even", "Every", "Everyone",
    "Everything", "Few", "Finally", "First", "For", "From", "Furthermore", "Had", "Has", "Have", "He",
    "Hence", "Her", "Here", "Hers", "Him", "His", "How", "However", "I", "If", "In", "Indeed",
    "Instead", "Is", "It", "Its", "Just", "Last", "Later", "Let", "Many", "Meanwhile", "Might",
    "Moreover", "Most", "Much", "Must", "My", "Neither", "Never", "Nevertheless", "Next", "No",
    "Nobody", "None", "Nor", "Not", "Nothing", "Now", "Of", "Often", "On", "Once", "One",
    "Only", "Or", "Other", "Others", "Our", "Perhaps", "Please", "Resolved", "Second", "Several", "Shall", "She",
    "Should", "Since", "So", "Some", "Someone", "Something", "Soon", "Still", "Such", "That",
    "The", "Their", "Them", "Then", "There", "Therefore", "These", "They", "This", "Those",
    "Though", "Thus", "To", "Today", "Under", "Until", "Upon", "Was", "We", "Were", "What",
    "When", "Whenever", "Where", "Whereas", "Whether", "Which", "While", "Who", "Whoever", "Whom", "Whose",
    "Why", "With", "Within", "Without", "Would", "Yes", "Yesterday", "Yet", "You", "Your",
    // Number words (`71 B.C. Six thousand slaves`).
    "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve",
    "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety", "Hundreds",
    "Thousands", "Millions", "Half",
    // Imperatives; `Read`, `Mark`, `Hope` are left out, being surnames too.
    "Apply", "Bring", "Buy", "Come", "Compare", "Consider", "Give", "Join", "Remember", "See",
    "Send", "Subscribe",
    "Support", "Take", "Vote", "Write",
];

/// Lower-case words that plausibly open a sentence whose capital OCR lost (`1935. the camp`).
/// Prepositions such as `of`, `by`, `to` are left out: after an unknown abbreviation they
/// usually continue the sentence (`ref. to`, `Ges. by`).
#[rustfmt::skip]
const LOWER_STARTERS: &[&str] = &[
    "a", "after", "all", "also", "although", "an", "as", "at", "before", "both", "but", "each",
    "even", "every", "he", "her", "here", "his", "however", "i", "if", "in", "it", "its", "many",
    "most", "my", "no", "not", "now", "on", "one", "only", "our", "she", "since", "so", "some",
    "such", "that", "the", "their", "then", "there", "these", "they", "this", "those", "though",
    "thus", "we", "what", "when", "where", "while", "why", "yet", "you",
];

/// Particles of surnames written in lower case (`van Gelderen`, `de Gaulle`, `von Papen`).
#[rustfmt::skip]
const NAME_PARTICLES: &[&str] = &[
    "van", "von", "de", "di", "da", "du", "del", "della", "der", "den", "ten", "ter", "le", "la",
    "dos", "das", "des",
];

/// Pronouns and articles, and the words an answer opens with (`Why? because …`): after `?`/`!`
/// these open a sentence even in lower case, where a preposition (`Yahoo! in the accounts`)
/// would not.
#[rustfmt::skip]
const PRONOUN_LIKE: &[&str] = &[
    "he", "she", "it", "they", "we", "i", "you", "the", "this", "these", "those", "there", "no",
    "nobody", "nothing", "his", "her", "their", "our", "my", "its", "your", "a", "an", "because",
    "yes",
];

/// Verbs of saying that follow a quotation and its speaker (`” Lenin asked`).
#[rustfmt::skip]
const SPEECH_VERBS: &[&str] = &[
    "said", "says", "asked", "asks", "replied", "replies", "answered", "cried", "shouted",
    "wrote", "writes", "declared", "declares", "exclaimed", "demanded", "added", "continued",
    "insisted", "explained", "observed", "remarked", "retorted", "whispered", "muttered",
    "called", "told", "tells", "warned", "protested", "objected", "concluded", "recalled",
];

/// Words after which a line of prose cannot end: a line ending in one was wrapped.
#[rustfmt::skip]
const JOINERS: &[&str] = &[
    "a", "about", "after", "against", "among", "an", "and", "are", "as", "at", "be", "been",
    "before", "between", "but", "by", "de", "during", "for", "from", "had", "has", "have", "her",
    "his", "if", "in", "into", "is", "its", "la", "le", "my", "nor", "of", "on", "or", "our",
    "over", "per", "than", "that", "the", "their", "these", "this", "those", "through", "to",
    "toward", "towards", "under", "upon", "van", "von", "was", "were", "when", "where", "which",
    "while", "who", "whom", "whose", "with", "within", "without", "your",
];

/// Openings of a letter's salutation line (`Dear Comrades,`).
#[rustfmt::skip]
const SALUTATIONS: &[&str] = &[
    "dear",
    "esteemed",
    "respected",
    "honoured",
    "honored",
    "beloved",
    "comrades",
    "comrade",
    "friends",
    "brothers",
    "sisters",
    "gentlemen",
    "sir",
    "sirs",
    "madam",
    "fellow",
    "to",
];

/// Last words of a letter's closing line (`Yours fraternally,`).
#[rustfmt::skip]
const CLOSINGS: &[&str] = &[
    "yours",
    "sincerely",
    "faithfully",
    "fraternally",
    "truly",
    "regards",
    "greetings",
    "respectfully",
    "cordially",
    "comradely",
    "affectionately",
    "solidarity",
    "salutations",
    "wishes",
    "thanks",
    "remain",
];

/// Days and months: after `p.m.` they continue the time (`at 8 p.m. Tuesday`), they do not
/// open a sentence.
#[rustfmt::skip]
const CALENDAR: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
];

/// Short forms of the days, capitalised (`Sat. Aug. 12`).
const DAY_ABBREVIATIONS: &[&str] = &[
    "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
];

/// Suffixes set after the name they belong to: firms (`Republic Steel Inc.`), streets
/// (`Fifth Ave.`), generations and styles (`Ford Jr.`, `Smith, Esq.`).
#[rustfmt::skip]
const POSTPOSITIVE: &[&str] = &[
    "inc", "ltd", "co", "corp", "bros", "plc", "mfg", "jr", "sr", "esq", "ave", "st", "rd", "sq",
    "blvd",
];

/// Nouns an acronym qualifies (`the U.S. Government`, `the I.L.P. Conference`): after `the`
/// and an acronym they continue the name rather than open a sentence.
#[rustfmt::skip]
const INSTITUTIONS: &[&str] = &[
    "Army", "Attorney", "Board", "Branch", "Bureau", "Cabinet", "Committee", "Conference",
    "Congress", "Consul", "Consulate", "Constitution", "Convention", "Council", "Court",
    "Delegation", "Department", "Embassy", "Executive", "Federation", "Government", "Group",
    "League", "Marines", "Minister", "Ministry", "Navy", "Party", "Plenum", "Presidium", "Press",
    "Secretariat", "Secretary", "Section", "Senate", "State", "Steel", "Supreme", "Treasury",
    "Union",
];

/// Units written after their number (`19.30 hrs.`, `600 lbs.`, `308 pp.`): after a number the
/// abbreviation closes its phrase, so a capital after it opens a sentence.
#[rustfmt::skip]
const UNITS: &[&str] = &[
    "hr", "hrs", "min", "mins", "sec", "secs", "lb", "lbs", "oz", "ozs", "ft", "yd", "yds", "cwt",
    "km", "kms", "mi", "doz", "wk", "wks", "yr", "yrs", "mo", "mos", "pp", "vols",
];

/// Words that label a numbered part of a work: `Chapter II. Thermidor` at the head of a line is
/// a title, not two sentences.
#[rustfmt::skip]
const SECTION_LABELS: &[&str] = &[
    "chapter", "chap", "ch", "part", "pt", "book", "bk", "section", "sect", "sec", "lecture",
    "appendix", "article", "art", "volume", "vol", "letter", "thesis", "act", "scene", "canto",
    "table", "figure", "fig", "plate", "map", "chart", "document", "doc", "exhibit", "item",
    "§", "¶",
];

/// Longest abbreviation key looked up; longer words are never abbreviations.
pub(crate) const MAX_KEY: usize = 12;

/// The abbreviation table, extended with the user's own entries.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    abbreviations: HashMap<Box<[u8]>, Class, FnvBuild>,
}

impl Lexicon {
    pub(crate) fn new(extra_regular: &[String], extra_prepositive: &[String]) -> Self {
        let mut abbreviations = HashMap::default();
        // Later lists override earlier ones, so a word in two lists gets the later behaviour.
        let lists: [(&[&str], Class); 4] = [
            (REGULAR, Class::Regular),
            (PREPOSITIVE, Class::Prepositive),
            (FINAL, Class::Final),
            (NUMERAL, Class::Numeral),
        ];
        for (list, class) in lists {
            for word in list {
                abbreviations.insert(key(word), class);
            }
        }
        for word in extra_regular {
            abbreviations.insert(key(word), Class::Regular);
        }
        for word in extra_prepositive {
            abbreviations.insert(key(word), Class::Prepositive);
        }
        Lexicon { abbreviations }
    }

    /// The class of `word` (without its final period), case-insensitively.
    pub(crate) fn class(&self, word: &[u8]) -> Option<Class> {
        if word.is_empty() || word.len() > MAX_KEY {
            return None;
        }
        let mut buf = [0u8; MAX_KEY];
        for (slot, b) in buf.iter_mut().zip(word) {
            *slot = b.to_ascii_lowercase();
        }
        self.abbreviations.get(&buf[..word.len()]).copied()
    }
}

fn key(word: &str) -> Box<[u8]> {
    let word = word.trim().trim_end_matches('.');
    word.to_lowercase().into_bytes().into_boxed_slice()
}

type WordSet = HashSet<&'static [u8], FnvBuild>;

fn set(list: &'static [&'static str]) -> WordSet {
    list.iter().map(|w| w.as_bytes()).collect()
}

/// Looks `word` up in `set`, lower-casing ASCII first when `fold` is true.
fn lookup(
    cell: &OnceLock<WordSet>,
    list: &'static [&'static str],
    word: &[u8],
    fold: bool,
) -> bool {
    if word.is_empty() || word.len() > MAX_KEY {
        return false;
    }
    let set = cell.get_or_init(|| set(list));
    if !fold {
        return set.contains(word);
    }
    let mut buf = [0u8; MAX_KEY];
    for (slot, b) in buf.iter_mut().zip(word) {
        *slot = b.to_ascii_lowercase();
    }
    set.contains(&buf[..word.len()])
}

/// Whether `word` (exact case) typically opens a sentence.
pub(crate) fn is_starter(word: &[u8]) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    lookup(&SET, STARTERS, word, false)
}

/// Whether lower-case `word` plausibly opens a sentence that lost its capital.
pub(crate) fn is_lower_starter(word: &[u8]) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    lookup(&SET, LOWER_STARTERS, word, false)
}

/// Whether lower-case `word` is a surname's particle.
pub(crate) fn is_name_particle(word: &[u8]) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    lookup(&SET, NAME_PARTICLES, word, false)
}

/// Whether lower-case `word` is a pronoun or article.
pub(crate) fn is_pronoun_like(word: &[u8]) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    lookup(&SET, PRONOUN_LIKE, word, false)
}

/// Whether `word` (lower case) is a verb of saying.
pub(crate) fn is_speech_verb(word: &[u8]) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    lookup(&SET, SPEECH_VERBS, word, false)
}

/// Whether a line ending in `word` must continue on the next line.
pub(crate) fn is_joiner(word: &[u8]) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    lookup(&SET, JOINERS, word, true)
}

/// Whether `word` (any case) names a day or a month.
pub(crate) fn is_calendar(word: &[u8]) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    lookup(&SET, CALENDAR, word, true)
}

/// Whether `word` (exact case) is a day's short form (`Sat`).
pub(crate) fn is_day_abbreviation(word: &[u8]) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    lookup(&SET, DAY_ABBREVIATIONS, word, false)
}

/// Whether `word` (any case) is a suffix set after a name (`Inc`, `Jr`, `Ave`).
pub(crate) fn is_postpositive(word: &[u8]) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    lookup(&SET, POSTPOSITIVE, word, true)
}

/// Whether `word` (exact case) is a noun an acronym qualifies (`Government`).
pub(crate) fn is_institution(word: &[u8]) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    lookup(&SET, INSTITUTIONS, word, false)
}

/// Whether `word` (any case) is a unit written after its number.
pub(crate) fn is_unit(word: &[u8]) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    lookup(&SET, UNITS, word, true)
}

/// Whether `word` (any case) labels a numbered part of a work (`Chapter`, `Part`).
pub(crate) fn is_section_label(word: &[u8]) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    lookup(&SET, SECTION_LABELS, word, true)
}

pub(crate) fn is_salutation(word: &[u8]) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    lookup(&SET, SALUTATIONS, word, true)
}

pub(crate) fn is_closing(word: &[u8]) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    lookup(&SET, CLOSINGS, word, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starters_are_case_sensitive() {
        assert!(is_starter(b"However") && !is_starter(b"however") && !is_starter(b"May"));
    }

    #[test]
    fn classes_are_case_insensitive_and_extensible() {
        let lex = Lexicon::new(&["Comrd.".to_owned()], &["Rt.Hon".to_owned()]);
        assert_eq!(lex.class(b"Vol"), Some(Class::Regular));
        assert_eq!(lex.class(b"ETC"), Some(Class::Final));
        assert_eq!(lex.class(b"No"), Some(Class::Numeral));
        assert_eq!(lex.class(b"cf"), Some(Class::Prepositive));
        assert_eq!(lex.class(b"comrd"), Some(Class::Regular));
        assert_eq!(lex.class("N°".as_bytes()), Some(Class::Numeral));
        assert_eq!(lex.class(b"house"), None);
    }
}
