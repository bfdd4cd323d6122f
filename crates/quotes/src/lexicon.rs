//! Small closed-class word lists of general English (speech verbs, title cues, honorifics,
//! salutations, function words) that the attribution rules consult. Nothing here is specific
//! to any document: every list is about the language, not about the archive's people.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// Verbs (all inflections listed) that introduce or attribute quoted speech or writing.
const SPEECH_VERBS: &[&str] = &[
    // dialogue tags of fiction (said-bookisms)
    "snapped",
    "chuckled",
    "gasped",
    "sneered",
    "hissed",
    "stammered",
    "mumbled",
    "persisted",
    "groaned",
    "grunted",
    "say",
    "says",
    "said",
    "saying",
    "write",
    "writes",
    "wrote",
    "writing",
    "written",
    "tell",
    "tells",
    "told",
    "telling",
    "replied",
    "replying",
    "declare",
    "declares",
    "declared",
    "declaring",
    "explain",
    "explains",
    "explained",
    "explaining",
    "ask",
    "asks",
    "asked",
    "asking",
    "answered",
    "answering",
    "add",
    "adds",
    "added",
    "adding",
    "insist",
    "insists",
    "insisted",
    "insisting",
    "demanded",
    "demanding",
    "stated",
    "stating",
    "reported",
    "reporting",
    "confide",
    "confides",
    "confided",
    "confiding",
    "proclaim",
    "proclaims",
    "proclaimed",
    "proclaiming",
    "announce",
    "announces",
    "announced",
    "announcing",
    "cried",
    "crying",
    "shout",
    "shouts",
    "shouted",
    "shouting",
    "exclaim",
    "exclaims",
    "exclaimed",
    "exclaiming",
    "remarked",
    "remarking",
    "observe",
    "observes",
    "observed",
    "observing",
    "noted",
    "noting",
    "commented",
    "commenting",
    "continue",
    "continues",
    "continued",
    "respond",
    "responds",
    "responded",
    "responding",
    "retort",
    "retorts",
    "retorted",
    "retorting",
    "warn",
    "warns",
    "warned",
    "argue",
    "argues",
    "argued",
    "arguing",
    "claimed",
    "claiming",
    "admit",
    "admits",
    "admitted",
    "admitting",
    "urge",
    "urges",
    "urged",
    "urging",
    "protested",
    "protesting",
    "promised",
    "assert",
    "asserts",
    "asserted",
    "asserting",
    "affirm",
    "affirms",
    "affirmed",
    "affirming",
    "recall",
    "recalls",
    "recalled",
    "recalling",
    "whisper",
    "whispers",
    "whispered",
    "whispering",
    "murmur",
    "murmurs",
    "murmured",
    "murmuring",
    "mutter",
    "mutters",
    "muttered",
    "muttering",
    "addressed",
    "addressing",
    "speak",
    "speaks",
    "spoke",
    "speaking",
    "stipulate",
    "stipulates",
    "stipulated",
    "stipulating",
    "resolve",
    "resolves",
    "resolved",
    "proposed",
    "propose",
    "proposes",
    "proposing",
    "repeat",
    "repeats",
    "repeated",
    "repeating",
    "conclude",
    "concludes",
    "concluded",
    "concluding",
    "inquire",
    "inquires",
    "inquired",
    "enquired",
    "queried",
    "suggest",
    "suggests",
    "suggested",
    "suggesting",
    "ordered",
    "ordering",
    "commanded",
    "cable",
    "cabled",
    "telegraph",
    "telegraphed",
    "testify",
    "testifies",
    "testified",
    "talked",
    "talking",
    "scream",
    "screamed",
    "screams",
    "yell",
    "yelled",
    "yells",
    "roar",
    "roared",
    "roars",
    "sigh",
    "sighed",
    "laugh",
    "laughed",
    "growl",
    "growled",
    "plead",
    "pleaded",
    "beg",
    "begged",
    "interrupt",
    "interrupted",
    "interrupts",
    "objected",
    "concede",
    "conceded",
    "confess",
    "confessed",
    "confesses",
    "complain",
    "complained",
    "complains",
    "boast",
    "boasted",
    "boasts",
    "denounce",
    "denounced",
    "denounces",
];

/// Speech verbs that, followed by these prepositions, name an activity rather than frame a
/// quotation (`argued for a “united front”`, `insisted on being called …`).
const NON_FRAME_PREPS: &[&str] = &["for", "against", "with", "on", "upon", "in", "into", "off"];

/// Nouns for a message that can be "from" a sender or a speaker's "words".
const MESSAGE_NOUNS: &[&str] = &[
    "radiogram",
    "telegram",
    "letter",
    "message",
    "note",
    "cable",
    "statement",
    "resolution",
    "decree",
    "communique",
    "communiqué",
    "announcement",
    "leaflet",
    "appeal",
    "editorial",
    "circular",
    "report",
    "manifesto",
    "declaration",
    "proclamation",
    "dispatch",
    "despatch",
    "memorandum",
    "broadcast",
    "telegraph",
    "reply",
    "answer",
    "order",
    "instructions",
    "instruction",
    "directive",
    "ultimatum",
];

/// Nouns that, possessed by a speaker right before a colon, frame a quotation
/// (`Stalin’s policy: “…”`, `Lenin’s words: “…”`).
const FRAME_NOUNS: &[&str] = &[
    "words",
    "reply",
    "answer",
    "policy",
    "slogan",
    "motto",
    "line",
    "message",
    "formula",
    "verdict",
    "statement",
    "declaration",
    "response",
    "demand",
    "demands",
    "promise",
    "order",
    "orders",
    "command",
    "instructions",
    "comment",
    "remark",
    "retort",
    "watchword",
    "advice",
    "view",
    "position",
    "argument",
    "conclusion",
    "thesis",
    "definition",
    "verdict",
    "prediction",
    "warning",
    "request",
    "question",
    "cry",
    "battle-cry",
    "credo",
    "maxim",
];

/// Nouns adjacent to an opening mark that make the quotation an utterance
/// (`giving the order “On your bellies,”`, `the cry “Down with …”`).
const UTTERANCE_NOUNS: &[&str] = &[
    "order",
    "command",
    "cry",
    "shout",
    "call",
    "words",
    "word",
    "reply",
    "answer",
    "question",
    "exclamation",
    "greeting",
    "oath",
    "vow",
    "formula",
    "refrain",
    "chant",
];

/// Words just before a quotation that make it a title (of a book, periodical, song, …).
const TITLE_CUES: &[&str] = &[
    "book",
    "books",
    "article",
    "articles",
    "pamphlet",
    "pamphlets",
    "essay",
    "essays",
    "song",
    "songs",
    "anthem",
    "hymn",
    "poem",
    "poems",
    "novel",
    "novels",
    "play",
    "plays",
    "film",
    "films",
    "movie",
    "newspaper",
    "newspapers",
    "paper",
    "journal",
    "journals",
    "magazine",
    "magazines",
    "periodical",
    "periodicals",
    "publication",
    "publications",
    "review",
    "bulletin",
    "column",
    "chapter",
    "headline",
    "entitled",
    "titled",
    "published",
    "publish",
    "publishes",
    "publishing",
    "sang",
    "sing",
    "sung",
    "singing",
    "sings",
    "organ",
    "daily",
    "weekly",
    "monthly",
    "work",
    "treatise",
    "volume",
    "series",
    "opera",
    "tract",
    "story",
    "stories",
    "booklet",
    "brochure",
    "programme",
    "program",
    "show",
    "broadsheet",
    "reading",
    "edited",
    "editor",
    "issue",
    "issues",
    "report",
    "thesis",
    "theses",
    "speech",
    "lecture",
    "painting",
    "album",
    "ballad",
    "march",
    "manifesto",
];

/// Words just before a quotation that make it a cited name or term.
const NAMING_CUES: &[&str] = &[
    "called",
    "named",
    "name",
    "nicknamed",
    "dubbed",
    "term",
    "word",
    "words",
    "label",
    "labelled",
    "labeled",
    "known",
    "styled",
    "designated",
    "designation",
    "expression",
    "phrase",
    "slogan",
    "signed",
    "initials",
    "heading",
    "verdict",
    "pseudonym",
    "alias",
];

/// Honorifics and titles that begin a person's name.
const HONORIFICS: &[&str] = &[
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Miss",
    "Dr",
    "Dr.",
    "Prof",
    "Prof.",
    "Professor",
    "Sir",
    "Lady",
    "Lord",
    "Madame",
    "Mme",
    "Mme.",
    "Mlle",
    "Monsieur",
    "M.",
    "Comrade",
    "General",
    "Gen.",
    "Colonel",
    "Col.",
    "Captain",
    "Capt.",
    "Major",
    "Lieutenant",
    "Lt",
    "Lt.",
    "Sergeant",
    "Sgt.",
    "Admiral",
    "President",
    "Premier",
    "Chancellor",
    "Senator",
    "Judge",
    "Justice",
    "Father",
    "Mother",
    "Sister",
    "Brother",
    "Rev.",
    "Reverend",
    "Bishop",
    "Pope",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Duke",
    "Duchess",
    "Count",
    "Countess",
    "Baron",
    "Tsar",
    "Czar",
    "Emperor",
    "Empress",
    "Marshal",
    "Minister",
    "Secretary",
    "Chairman",
    "Commissar",
    "Governor",
    "Mayor",
    "Dame",
    "Herr",
    "Frau",
    "Señor",
    "Senor",
    "Don",
    "Doña",
    "Uncle",
    "Aunt",
    "Mistress",
    "Master",
    "St.",
    "Saint",
];

/// Honorifics that mark a woman.
const FEMALE_HONORIFICS: &[&str] = &[
    "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Lady", "Madame", "Mme", "Mme.", "Mlle", "Queen",
    "Princess", "Duchess", "Countess", "Empress", "Dame", "Frau", "Doña", "Sister", "Mother",
    "Aunt", "Mistress",
];

/// Words in a capitalised name that make it an organisation, body or publication.
const ORG_WORDS: &[&str] = &[
    "Party",
    "Committee",
    "Bureau",
    "Bulletin",
    "Congress",
    "Commission",
    "International",
    "Government",
    "Union",
    "Opposition",
    "Front",
    "League",
    "Association",
    "Times",
    "Post",
    "News",
    "Press",
    "Daily",
    "Herald",
    "Tribune",
    "Journal",
    "Review",
    "Gazette",
    "Council",
    "Soviet",
    "Ministry",
    "Department",
    "Office",
    "Agency",
    "Company",
    "Corporation",
    "Federation",
    "Society",
    "Institute",
    "University",
    "Court",
    "Assembly",
    "Parliament",
    "Senate",
    "Army",
    "Navy",
    "Police",
    "Board",
    "Group",
    "Movement",
    "Conference",
    "Convention",
    "Tendency",
    "Organisation",
    "Organization",
    "Socialist",
    "Communist",
    "Radio",
    "Magazine",
    "Monthly",
    "Weekly",
    "Telegraph",
    "Guardian",
    "Observer",
    "Mirror",
    "Star",
    "Courier",
    "Chronicle",
    "Express",
    "Headquarters",
    "Secretariat",
    "Presidium",
    "Politburo",
    "Politbureau",
    "Commissariat",
    "Federation",
    "Trust",
    "Archive",
    "Archives",
    "Library",
    "Museum",
    "Bank",
];

/// Capitalised words that are never (the start of) a name: function words, sentence
/// adverbs, months, days. Checked case-insensitively on sentence-initial words.
const NOT_NAMES: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "him",
    "them",
    "us",
    "me",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "to",
    "of",
    "with",
    "without",
    "after",
    "before",
    "during",
    "since",
    "until",
    "while",
    "when",
    "where",
    "whence",
    "why",
    "how",
    "what",
    "which",
    "who",
    "whom",
    "whose",
    "if",
    "unless",
    "although",
    "though",
    "because",
    "as",
    "but",
    "and",
    "or",
    "nor",
    "so",
    "yet",
    "then",
    "thus",
    "hence",
    "however",
    "therefore",
    "moreover",
    "nevertheless",
    "meanwhile",
    "finally",
    "later",
    "soon",
    "once",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "again",
    "also",
    "even",
    "still",
    "only",
    "just",
    "perhaps",
    "indeed",
    "instead",
    "otherwise",
    "furthermore",
    "besides",
    "unfortunately",
    "eventually",
    "usually",
    "certainly",
    "surely",
    "all",
    "some",
    "many",
    "most",
    "few",
    "each",
    "every",
    "both",
    "either",
    "neither",
    "no",
    "not",
    "none",
    "nothing",
    "one",
    "two",
    "three",
    "first",
    "second",
    "third",
    "last",
    "next",
    "other",
    "another",
    "such",
    "among",
    "between",
    "within",
    "upon",
    "into",
    "onto",
    "over",
    "under",
    "through",
    "throughout",
    "against",
    "toward",
    "towards",
    "about",
    "above",
    "below",
    "across",
    "along",
    "around",
    "behind",
    "beyond",
    "despite",
    "except",
    "like",
    "near",
    "off",
    "out",
    "up",
    "down",
    "per",
    "via",
    "whether",
    "let",
    "yes",
    "oh",
    "well",
    "dear",
    "sir",
    "madam",
    "comrades",
    "friends",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "handing",
    "opening",
    "having",
    "being",
    "upon",
    "according",
    "contrary",
    "given",
    "do",
    "does",
    "did",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "have",
    "has",
    "had",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "ever",
    "never",
    "always",
    "often",
    "sometimes",
    "already",
    "almost",
    "much",
    "more",
    "less",
    "very",
    "too",
    "quite",
    "rather",
    "above",
    "chapter",
    "part",
    "section",
    "vol",
    "no",
    "page",
    "volume",
    "source",
    "written",
    "published",
    "note",
    "notes",
    "see",
    "cf",
    "ibid",
    "ie",
    "nobody",
    "everybody",
    "everyone",
    "somebody",
    "someone",
    "anybody",
    "anyone",
    "eg",
    "etc",
    "mr",
    "mrs",
    "dr",
    "ms",
];

/// Personal pronouns that can be the subject of a speech verb, with their number/gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pronoun {
    Male,
    Female,
    Plural,
    /// `I`/`we`: the narrator; never resolved to a name.
    FirstPerson,
}

pub fn pronoun(word: &str) -> Option<Pronoun> {
    match word {
        "he" | "He" | "him" | "his" | "His" => Some(Pronoun::Male),
        "she" | "She" | "her" | "Her" => Some(Pronoun::Female),
        "they" | "They" | "them" | "their" | "Their" => Some(Pronoun::Plural),
        "I" | "we" | "We" => Some(Pronoun::FirstPerson),
        _ => None,
    }
}

/// FxHash-style hasher: the sets hold a few hundred short words, so SipHash's DoS
/// resistance buys nothing and costs a third of the lookup time.
#[derive(Debug, Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Hash state for the crate's small string-keyed maps and sets.
pub type WordState = BuildHasherDefault<WordHasher>;

/// A word list as a hash set, with a prefilter: for each ASCII first byte, and for each
/// ASCII last byte, a bit per word length (lengths of 63 and more share the top bit). Most
/// tokens looked up are not in the list, and the prefilter turns them away without hashing.
#[derive(Debug)]
struct Set {
    words: HashSet<&'static str, WordState>,
    shapes: [u64; 128],
    endings: [u64; 128],
}

impl Set {
    fn new(list: &[&'static str]) -> Self {
        let (mut shapes, mut endings) = ([0u64; 128], [0u64; 128]);
        // a non-ASCII first or last byte has no entry there: the prefilter never rejects it
        for w in list {
            let b = w.as_bytes();
            if let Some(&f) = b.first().filter(|f| f.is_ascii()) {
                shapes[usize::from(f)] |= length_bit(b.len());
            }
            if let Some(&l) = b.last().filter(|l| l.is_ascii()) {
                endings[usize::from(l)] |= length_bit(b.len());
            }
        }
        Set {
            words: list.iter().copied().collect(),
            shapes,
            endings,
        }
    }

    /// Whether a word with these first and last bytes (possibly lowercased) and this
    /// length may be in the set.
    fn may_hold(&self, first: u8, last: u8, len: usize) -> bool {
        let bit = length_bit(len);
        (!first.is_ascii() || self.shapes[usize::from(first)] & bit != 0)
            && (!last.is_ascii() || self.endings[usize::from(last)] & bit != 0)
    }

    fn contains(&self, word: &str) -> bool {
        let b = word.as_bytes();
        match (b.first(), b.last()) {
            (Some(&f), Some(&l)) if !self.may_hold(f, l, b.len()) => false,
            _ => self.words.contains(word),
        }
    }
}

fn length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

type WordSet = LazyLock<Set>;

/// Each list as a hash set: lookups run for every token near every quote.
/// Dialogue tags that report speech only right after a quotation (`“…,” returned the
/// doctor`, `“…,” she agreed`); elsewhere they are ordinary verbs (`he returned home`).
const TAG_VERBS: &[&str] = &[
    // older fiction's tags
    "remonstrated",
    "ejaculated",
    "interposed",
    "expostulated",
    "lisped",
    "hazarded",
    "chimed",
    "began",
    "called",
    "decided",
    "agreed",
    "nodded",
    "smiled",
    "grinned",
    "shrugged",
    "returned",
    "rejoined",
    "faltered",
    "sobbed",
    "bellowed",
    "shrieked",
    "moaned",
    "snarled",
    "snorted",
    "drawled",
    "giggled",
    "teased",
    "joked",
    "ventured",
    "mused",
    "reflected",
    "wondered",
    "breathed",
    "panted",
    "blurted",
    "stuttered",
    "grumbled",
    "assented",
    "corrected",
    "cautioned",
    "advised",
    "implored",
    "entreated",
    "prompted",
    "pursued",
    "resumed",
    "echoed",
    "scoffed",
    "jeered",
    "taunted",
    "mocked",
    "whimpered",
    "croaked",
    "barked",
    "spluttered",
    "volunteered",
    "offered",
];

macro_rules! word_sets {
    ($($set:ident = $list:ident;)*) => {
        $(static $set: WordSet = LazyLock::new(|| Set::new($list));)*
    };
}

word_sets! {
    SPEECH_VERB_SET = SPEECH_VERBS;
    TAG_VERB_SET = TAG_VERBS;
    NON_FRAME_PREP_SET = NON_FRAME_PREPS;
    MESSAGE_NOUN_SET = MESSAGE_NOUNS;
    FRAME_NOUN_SET = FRAME_NOUNS;
    UTTERANCE_NOUN_SET = UTTERANCE_NOUNS;
    TITLE_CUE_SET = TITLE_CUES;
    NAMING_CUE_SET = NAMING_CUES;
    HONORIFIC_SET = HONORIFICS;
    FEMALE_HONORIFIC_SET = FEMALE_HONORIFICS;
    ORG_WORD_SET = ORG_WORDS;
    NOT_NAME_SET = NOT_NAMES;
    FEMALE_NAME_SET = FEMALE_NAMES;
    MALE_NAME_SET = MALE_NAMES;
}

fn contains(set: &Set, word: &str) -> bool {
    set.contains(word)
}

fn contains_lower(set: &Set, word: &str) -> bool {
    if !word.is_ascii() {
        return set.contains(word.to_lowercase().as_str());
    }
    let b = word.as_bytes();
    // An ASCII word keeps its length when lowercased, so the prefilter applies before any
    // copying; most words are turned away here.
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return set.contains(word);
    };
    if !set.may_hold(
        first.to_ascii_lowercase(),
        last.to_ascii_lowercase(),
        b.len(),
    ) {
        return false;
    }
    if !b.iter().any(u8::is_ascii_uppercase) {
        return set.words.contains(word);
    }
    let mut buf = [0u8; 32];
    match buf.get_mut(..b.len()) {
        Some(lower) => {
            lower.copy_from_slice(b);
            lower.make_ascii_lowercase();
            std::str::from_utf8(lower).is_ok_and(|w| set.words.contains(w))
        }
        None => set.contains(word.to_ascii_lowercase().as_str()),
    }
}

/// Common English given names by sex (general knowledge, not any text's cast): only used to
/// tell `he` from `she` when choosing a pronoun's antecedent.
const FEMALE_NAMES: &[&str] = &[
    "Mary",
    "Elizabeth",
    "Jane",
    "Anne",
    "Ann",
    "Margaret",
    "Catherine",
    "Katherine",
    "Kitty",
    "Kate",
    "Lucy",
    "Emma",
    "Alice",
    "Sarah",
    "Susan",
    "Martha",
    "Charlotte",
    "Harriet",
    "Fanny",
    "Frances",
    "Louisa",
    "Lizzy",
    "Eliza",
    "Betsy",
    "Bessie",
    "Nelly",
    "Nell",
    "Molly",
    "Polly",
    "Peggy",
    "Sally",
    "Sophia",
    "Sophy",
    "Caroline",
    "Isabella",
    "Isabel",
    "Julia",
    "Maria",
    "Marianne",
    "Elinor",
    "Emily",
    "Edith",
    "Ellen",
    "Helen",
    "Grace",
    "Agnes",
    "Ruth",
    "Rachel",
    "Rebecca",
    "Esther",
    "Judith",
    "Dorothy",
    "Dora",
    "Rose",
    "Lily",
    "Daisy",
    "Violet",
    "Florence",
    "Clara",
    "Laura",
    "Lydia",
    "Diana",
    "Anna",
    "Hannah",
    "Amy",
    "Beth",
    "Meg",
    "Nancy",
    "Janet",
    "Jenny",
    "Jessie",
    "Annie",
    "Milly",
    "Matilda",
    "Cecilia",
    "Cecily",
    "Olivia",
    "Georgiana",
    "Henrietta",
    "Adela",
    "Lucie",
    "Marie",
    "Natalia",
    "Natasha",
    "Olga",
    "Vera",
    "Sonia",
    "Eleanor",
    "Ada",
    "Hilda",
    "Mabel",
    "Maud",
    "Ethel",
    "Gertrude",
    "Beatrice",
    "Evelyn",
    "Winifred",
    "Phyllis",
    "Joan",
    "Jean",
    "Marjorie",
    "Mildred",
    "Barbara",
    "Patricia",
    "Nora",
    "Norah",
    "Bridget",
    "Kathleen",
    "Sylvia",
    "Miriam",
    "Leah",
    "Hester",
    "Lavinia",
    "Augusta",
    "Theresa",
    "Teresa",
    "Josephine",
];

const MALE_NAMES: &[&str] = &[
    "John",
    "James",
    "William",
    "George",
    "Thomas",
    "Henry",
    "Charles",
    "Edward",
    "Robert",
    "Richard",
    "Joseph",
    "Samuel",
    "Arthur",
    "Frederick",
    "Walter",
    "Albert",
    "Alfred",
    "Harry",
    "Tom",
    "Jack",
    "Dick",
    "Bob",
    "Will",
    "Fred",
    "Ned",
    "Jim",
    "Joe",
    "Sam",
    "Ben",
    "Peter",
    "Paul",
    "Mark",
    "Matthew",
    "Michael",
    "David",
    "Daniel",
    "Stephen",
    "Philip",
    "Hugh",
    "Ralph",
    "Frank",
    "Francis",
    "Edmund",
    "Edgar",
    "Herbert",
    "Ernest",
    "Harold",
    "Leonard",
    "Lewis",
    "Louis",
    "Oliver",
    "Nicholas",
    "Anthony",
    "Andrew",
    "Patrick",
    "Martin",
    "Simon",
    "Roger",
    "Gilbert",
    "Lawrence",
    "Laurence",
    "Christopher",
    "Timothy",
    "Jonathan",
    "Benjamin",
    "Isaac",
    "Jacob",
    "Adam",
    "Abraham",
    "Hans",
    "Karl",
    "Carl",
    "Leon",
    "Ivan",
    "Owen",
    "Hugo",
    "Victor",
    "Vincent",
    "Julian",
    "Cyril",
    "Percy",
    "Reginald",
    "Cecil",
    "Horace",
    "Bertie",
    "Archie",
    "Alec",
    "Alexander",
    "Duncan",
    "Donald",
    "Angus",
    "Ian",
    "Sean",
    "Dennis",
    "Denis",
    "Eric",
    "Ronald",
    "Kenneth",
    "Raymond",
    "Stanley",
    "Sidney",
    "Sydney",
    "Wilfred",
    "Basil",
    "Ambrose",
    "Jasper",
    "Silas",
    "Nathaniel",
    "Josiah",
    "Eli",
    "Jeremiah",
    "Moses",
    "Aaron",
    "Luke",
    "Giles",
    "Guy",
    "Roland",
    "Rupert",
    "Ferdinand",
];

/// `Some(true)` for a common woman's given name, `Some(false)` for a man's.
pub fn given_name_is_female(word: &str) -> Option<bool> {
    if contains(&FEMALE_NAME_SET, word) {
        Some(true)
    } else if contains(&MALE_NAME_SET, word) {
        Some(false)
    } else {
        None
    }
}

pub fn is_speech_verb(word: &str) -> bool {
    contains_lower(&SPEECH_VERB_SET, word)
}

/// A verb that tags speech right after a quotation (`“No,” she agreed`); before one
/// (`the committee agreed, signed “JK”`) only the speech verbs frame it.
pub fn is_tag_verb(word: &str) -> bool {
    is_speech_verb(word) || contains_lower(&TAG_VERB_SET, word)
}

/// Verbs that tag speech only with their particle (`went on`, `broke in`): alone they are
/// motion or breakage, not speech.
pub fn is_phrasal_tag(verb: &str, particle: &str) -> bool {
    match particle {
        "on" => matches!(verb, "went" | "goes" | "go" | "going"),
        "in" => matches!(
            verb,
            "broke" | "breaks" | "cut" | "cuts" | "struck" | "strikes"
        ),
        _ => false,
    }
}

pub fn is_non_frame_prep(word: &str) -> bool {
    contains(&NON_FRAME_PREP_SET, word)
}

pub fn is_message_noun(word: &str) -> bool {
    contains_lower(&MESSAGE_NOUN_SET, word)
}

pub fn is_frame_noun(word: &str) -> bool {
    contains_lower(&FRAME_NOUN_SET, word)
}

pub fn is_utterance_noun(word: &str) -> bool {
    contains_lower(&UTTERANCE_NOUN_SET, word)
}

pub fn is_title_cue(word: &str) -> bool {
    contains_lower(&TITLE_CUE_SET, word)
}

pub fn is_naming_cue(word: &str) -> bool {
    contains_lower(&NAMING_CUE_SET, word)
}

pub fn is_honorific(word: &str) -> bool {
    contains(&HONORIFIC_SET, word)
}

pub fn is_female_honorific(word: &str) -> bool {
    contains(&FEMALE_HONORIFIC_SET, word)
}

pub fn is_org_word(word: &str) -> bool {
    contains(&ORG_WORD_SET, word)
}

pub fn is_not_name(word: &str) -> bool {
    contains_lower(&NOT_NAME_SET, word.trim_end_matches('.'))
}

/// Auxiliaries and adverbs allowed between a speaker and the speech verb
/// (`L’Humanite kept writing`, `Trotsky later wrote`, `he had said`).
pub fn is_verb_filler(word: &str) -> bool {
    matches!(
        word,
        "kept"
            | "keeps"
            | "had"
            | "has"
            | "have"
            | "was"
            | "were"
            | "is"
            | "are"
            | "would"
            | "will"
            | "could"
            | "might"
            | "once"
            | "later"
            | "then"
            | "also"
            | "again"
            | "simply"
            | "calmly"
            | "quietly"
            | "angrily"
            | "bluntly"
            | "openly"
            | "publicly"
            | "himself"
            | "herself"
            | "themselves"
            | "itself"
            | "afterwards"
            | "finally"
            | "still"
            | "always"
            | "never"
            | "often"
            | "frequently"
            | "repeatedly"
            | "went"
            | "on"
            | "began"
            | "begins"
            | "continued"
            | "to"
            | "not"
            | "did"
            | "does"
            | "do"
            | "just"
            | "only"
            | "even"
            | "soon"
            | "immediately"
            | "promptly"
            | "first"
            | "already"
            | "thus"
            | "so"
            | "further"
            | "not only"
            | "flatly"
            | "absolutely"
    ) || (word.len() > 4 && word.ends_with("ly") && word.bytes().all(|b| b.is_ascii_lowercase()))
}

/// Lines that open a letter (`Dear Friends,`, `Esteemed Natalia Ivanovna,`).
pub fn is_salutation_start(word: &str) -> bool {
    matches!(
        word,
        "Dear"
            | "My"
            | "Esteemed"
            | "Respected"
            | "Honoured"
            | "Honored"
            | "Sir"
            | "Sirs"
            | "Madam"
            | "Gentlemen"
            | "Comrades"
            | "Comrade"
            | "Friends"
            | "Brothers"
            | "Sisters"
            | "Beloved"
            | "Darling"
            | "Dearest"
            | "To"
    )
}

/// First words of a letter's closing line (`Respectfully yours,`, `With comradely greetings,`).
pub fn is_closing_start(word: &str) -> bool {
    matches!(
        word,
        "Respectfully"
            | "Sincerely"
            | "Yours"
            | "Faithfully"
            | "Fraternally"
            | "Comradely"
            | "Cordially"
            | "Affectionately"
            | "Truly"
            | "Regards"
            | "Best"
            | "Warmly"
            | "Gratefully"
            | "Ever"
            | "Your"
            | "With"
            | "Kind"
            | "Love"
            | "Greetings"
    )
}

/// Words after which a letter's closing line is a closing and not prose
/// (`With all my heart I wish you success` is not one; `With comradely greetings,` is).
pub fn is_closing_word(word: &str) -> bool {
    matches!(
        word.to_lowercase().trim_end_matches([',', '.']),
        "yours"
            | "respectfully"
            | "sincerely"
            | "faithfully"
            | "fraternally"
            | "greetings"
            | "regards"
            | "wishes"
            | "love"
            | "truly"
            | "cordially"
            | "affectionately"
            | "comradely"
            | "salutations"
            | "gratitude"
            | "thanks"
    )
}

/// First-/second-person words: a quotation using them is someone's own speech.
pub fn is_personal_word(word: &str) -> bool {
    matches!(
        word,
        "I" | "I’m"
            | "I'm"
            | "I’ve"
            | "I've"
            | "I’ll"
            | "I'll"
            | "I’d"
            | "I'd"
            | "me"
            | "my"
            | "My"
            | "mine"
            | "we"
            | "We"
            | "us"
            | "our"
            | "Our"
            | "you"
            | "You"
            | "your"
            | "Your"
            | "yours"
    )
}

/// Common finite verbs and auxiliaries: a quotation containing one reads as a clause.
pub fn is_common_verb(word: &str) -> bool {
    matches!(
        word,
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "am"
            | "will"
            | "would"
            | "shall"
            | "should"
            | "can"
            | "could"
            | "must"
            | "may"
            | "might"
            | "have"
            | "has"
            | "had"
            | "do"
            | "does"
            | "did"
            | "know"
            | "think"
            | "want"
            | "give"
            | "go"
            | "come"
            | "let"
            | "see"
            | "make"
            | "take"
            | "get"
            | "tell"
            | "say"
            | "ask"
            | "owe"
            | "live"
            | "lies"
            | "need"
    ) || has_negation(word)
}

/// `don’t`, `isn't`: a negated auxiliary. A byte scan, as words are a few bytes long and
/// a substring search would cost more to set up than to run.
fn has_negation(word: &str) -> bool {
    let b = word.as_bytes();
    b.windows(3).any(|w| w == b"n't") || b.windows(5).any(|w| w == "n’t".as_bytes())
}

/// Past-tense verbs that commonly follow a subject (`The chairman rose`): a noun phrase read
/// from the text stops before them. Regular `-ed` forms are caught by their ending.
pub fn is_likely_verb(word: &str) -> bool {
    (word.len() > 4 && word.ends_with("ed"))
        || matches!(
            word,
            "rose"
                | "went"
                | "came"
                | "stood"
                | "sat"
                | "took"
                | "gave"
                | "made"
                | "saw"
                | "spoke"
                | "drew"
                | "shook"
                | "threw"
                | "struck"
                | "broke"
                | "bent"
                | "lay"
                | "sank"
                | "grew"
                | "drank"
                | "hung"
                | "flung"
                | "sprang"
                | "caught"
                | "strode"
                | "stole"
                | "wept"
                | "swung"
                | "began"
                | "ran"
                | "left"
                | "got"
                | "felt"
                | "knew"
                | "thought"
                | "found"
                | "told"
                | "kept"
                | "held"
                | "brought"
                | "fell"
                | "led"
                | "met"
                | "put"
                | "read"
                | "wrote"
                | "was"
                | "is"
                | "had"
                | "has"
                | "did"
                | "does"
                | "were"
                | "are"
                | "would"
                | "will"
                | "could"
                | "should"
                | "must"
                | "might"
                | "can"
                | "may"
        )
}
