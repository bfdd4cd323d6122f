//! The phenomena of the English "golden rules" (pragmatic-segmenter / pySBD), each with our
//! own examples.

mod common;
use common::check;

#[test]
fn plain_terminators() {
    check(
        "The strike is over. We go back on Monday.",
        &["The strike is over.", "We go back on Monday."],
    );
    check(
        "Who gave the order? Nobody knows.",
        &["Who gave the order?", "Nobody knows."],
    );
    check(
        "Here they come! Hold the line.",
        &["Here they come!", "Hold the line."],
    );
}

#[test]
fn one_letter_abbreviations() {
    check(
        "The pamphlet was by Harold R. Isaacs.",
        &["The pamphlet was by Harold R. Isaacs."],
    );
    check("The table is on p. 112.", &["The table is on p. 112."]);
}

#[test]
fn two_letter_abbreviations_mid_and_end() {
    check(
        "Did Smith and co. leave early?",
        &["Did Smith and co. leave early?"],
    );
    check(
        "We signed with Harris, Lane & Co. on Friday.",
        &["We signed with Harris, Lane & Co. on Friday."],
    );
    check(
        "Ask Smith and co. They were there.",
        &["Ask Smith and co.", "They were there."],
    );
    check(
        "We signed with Harris, Lane & Co. It was a mistake.",
        &["We signed with Harris, Lane & Co.", "It was a mistake."],
    );
}

#[test]
fn prepositive_and_postpositive_abbreviations() {
    check(
        "We climbed Mt. Snowdon in June.",
        &["We climbed Mt. Snowdon in June."],
    );
    check(
        "St. Paul's is near 3rd st. by the river.",
        &["St. Paul's is near 3rd st. by the river."],
    );
    check("This is Smith Jr.'s farm.", &["This is Smith Jr.'s farm."]);
}

#[test]
fn multi_period_abbreviations() {
    check(
        "They toured the U.K. last spring.",
        &["They toured the U.K. last spring."],
    );
    check(
        "He was born in the U.K. Where were you born?",
        &["He was born in the U.K.", "Where were you born?"],
    );
    check(
        "She works in the U.S. Senate library.",
        &["She works in the U.S. Senate library."],
    );
    check(
        "We lived in the U.S. for a decade.",
        &["We lived in the U.S. for a decade."],
    );
    check(
        "Prices rose in the U.S. The workers struck.",
        &["Prices rose in the U.S.", "The workers struck."],
    );
}

#[test]
fn am_pm() {
    check(
        "At 7 a.m. Mrs. Jones opened the shop. She closed it at 9 P.M. Mrs. Jones then went home.",
        &[
            "At 7 a.m. Mrs. Jones opened the shop.",
            "She closed it at 9 P.M.",
            "Mrs. Jones then went home.",
        ],
    );
    check(
        "The train left at 10 p.m. on Sunday.",
        &["The train left at 10 p.m. on Sunday."],
    );
}

#[test]
fn numbers() {
    check(
        "He owed $42.50 to the branch.",
        &["He owed $42.50 to the branch."],
    );
    check(
        "He owed $42.50. The branch forgave it.",
        &["He owed $42.50.", "The branch forgave it."],
    );
    check(
        "The ref. is No. 2046.317.88. Keep it safe.",
        &["The ref. is No. 2046.317.88.", "Keep it safe."],
    );
}

#[test]
fn parenthetical_sentence_inside_sentence() {
    check(
        "She studied law (She had trained as a nurse first.) at the night school.",
        &["She studied law (She had trained as a nurse first.) at the night school."],
    );
}

#[test]
fn emails_and_urls() {
    check(
        "Write to press.office@union.org. We answer quickly.",
        &["Write to press.office@union.org.", "We answer quickly."],
    );
    check(
        "The archive is at http://www.example.org/texts/1938/program.htm. Read it.",
        &[
            "The archive is at http://www.example.org/texts/1938/program.htm.",
            "Read it.",
        ],
    );
}

#[test]
fn quotations() {
    check(
        "He looked up, 'That is enough.' he said.",
        &["He looked up, 'That is enough.' he said."],
    );
    check(
        "He looked up, \"That is enough.\" he said.",
        &["He looked up, \"That is enough.\" he said."],
    );
    check(
        "He looked up, \"That is enough.\" Then he left the room.",
        &[
            "He looked up, \"That is enough.\"",
            "Then he left the room.",
        ],
    );
}

#[test]
fn double_punctuation() {
    check("Strike!! Everyone out.", &["Strike!!", "Everyone out."]);
    check("Really?? Are you sure?", &["Really??", "Are you sure?"]);
    check("Now!? Why now?", &["Now!?", "Why now?"]);
    check("Now?! Why now?", &["Now?!", "Why now?"]);
}

#[test]
fn inline_lists() {
    check("1.) Bread 2.) Land", &["1.) Bread", "2.) Land"]);
    check(
        "1.) Bread for all. 2.) Land for all.",
        &["1.) Bread for all.", "2.) Land for all."],
    );
    check("1) Bread 2) Land", &["1) Bread", "2) Land"]);
    check(
        "1) Bread for all. 2) Land for all.",
        &["1) Bread for all.", "2) Land for all."],
    );
    check(
        "1. Bread for all 2. Land for all",
        &["1. Bread for all", "2. Land for all"],
    );
    check(
        "1. Bread for all. 2. Land for all.",
        &["1. Bread for all.", "2. Land for all."],
    );
    check(
        "• 4. Bread for all • 5. Land for all",
        &["• 4. Bread for all", "• 5. Land for all"],
    );
    check(
        "⁃4. Bread for all ⁃5. Land for all",
        &["⁃4. Bread for all", "⁃5. Land for all"],
    );
    check(
        "a. Bread b. Land c. Peace",
        &["a. Bread", "b. Land", "c. Peace"],
    );
}

#[test]
fn exclamation_inside_a_name() {
    check(
        "He read it on Yahoo! at the library.",
        &["He read it on Yahoo! at the library."],
    );
}

#[test]
fn pronoun_i_and_initial_i() {
    check(
        "It was only you and I. Have you met Edward I. Brown?",
        &["It was only you and I.", "Have you met Edward I. Brown?"],
    );
}

#[test]
fn ellipses() {
    check(
        "He said the strike would \u{201c}end in ruin for all of us. . . .\u{201d}",
        &["He said the strike would \u{201c}end in ruin for all of us. . . .\u{201d}"],
    );
    check(
        "\"Lenin [...] saw the danger early [...]\" (Carr 12).",
        &["\"Lenin [...] saw the danger early [...]\" (Carr 12)."],
    );
    check(
        "The sentence ends with a full stop . . . . The next begins.",
        &[
            "The sentence ends with a full stop . . . .",
            "The next begins.",
        ],
    );
    check(
        "I never said so.... He knew it.",
        &["I never said so....", "He knew it."],
    );
    check(
        "It was not ... well, I mean...look . . . the point is . . . I was afraid.",
        &["It was not ... well, I mean...look . . . the point is . . . I was afraid."],
    );
    check(
        "The habit faded . . . but it was revived in the new slogans. . . . The old words returned. . . .",
        &["The habit faded . . . but it was revived in the new slogans.", ". . . The old words returned. . . ."],
    );
}

#[test]
fn errant_newlines() {
    check(
        "The report was\nleft unfinished in 1940.",
        &["The report was\nleft unfinished in 1940."],
    );
    check(
        "It was a long \nwinter in the camps.",
        &["It was a long \nwinter in the camps."],
    );
    check(
        "news\nletters to the editor\nback issues, index\n",
        &["news", "letters to the editor", "back issues, index"],
    );
}

#[test]
fn missing_space_between_sentences() {
    check(
        "The hall was full.Nobody spoke.Dr. Lee went up to the stage and paid 2,000.That ended it.",
        &[
            "The hall was full.",
            "Nobody spoke.",
            "Dr. Lee went up to the stage and paid 2,000.",
            "That ended it.",
        ],
    );
}
