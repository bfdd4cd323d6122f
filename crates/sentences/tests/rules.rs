//! One test per rule of the issue (layout, abbreviations in context, punctuation, OCR damage)
//! and per option, with our own archive-style examples.

mod common;
use common::{check, sents, sents_with};
use galley_sentences::{LineBreaks, SentenceOptions};

#[test]
fn blank_line_always_ends_a_segment() {
    check(
        "The strike ended\n\nwith a vote of the men",
        &["The strike ended", "with a vote of the men"],
    );
    // A line holding only a no-break space is blank too.
    check(
        "First part\n\u{a0}\nSecond part",
        &["First part", "Second part"],
    );
}

#[test]
fn heading_stands_alone() {
    check(
        "Arrival at the Camp\nThe prisoners arrived in the summer of 1936. They were lodged in tents.",
        &["Arrival at the Camp", "The prisoners arrived in the summer of 1936.", "They were lodged in tents."],
    );
    check(
        "Executions in the tundra\n\nIn spite of the facts, many hoped.",
        &[
            "Executions in the tundra",
            "In spite of the facts, many hoped.",
        ],
    );
}

#[test]
fn list_items_stand_alone() {
    check(
        "They demanded:\n  1. The eight-hour day\n  2. Better food\n  3. Letters from home",
        &[
            "They demanded:",
            "1. The eight-hour day",
            "2. Better food",
            "3. Letters from home",
        ],
    );
    check(
        "Agenda\n• Minutes\n• Finance",
        &["Agenda", "• Minutes", "• Finance"],
    );
    check(
        "(a) the wages question;\n(b) the hours question.",
        &["(a) the wages question;", "(b) the hours question."],
    );
}

#[test]
fn dateline_salutation_and_signature_lines_stand_alone() {
    check(
        "Mexico City, June 2, 1940\nDear Comrades,\nWe thank you for the telegram.\nYours fraternally,\nN. Sedova",
        &["Mexico City, June 2, 1940", "Dear Comrades,", "We thank you for the telegram.", "Yours fraternally,", "N. Sedova"],
    );
    check(
        "We fight on. – The Editors.",
        &["We fight on.", "– The Editors."],
    );
}

#[test]
fn wrapped_lines_are_joined() {
    check(
        "The resolution was moved by Comrade\nTrotsky and seconded by Comrade\nRakovsky. It was carried.",
        &["The resolution was moved by Comrade\nTrotsky and seconded by Comrade\nRakovsky.", "It was carried."],
    );
    check(
        "they identify the\nOctober Revolution with the regime.",
        &["they identify the\nOctober Revolution with the regime."],
    );
}

#[test]
fn zone_boundaries_end_segments() {
    use galley_record::{Zone, ZoneKind};
    let text = "Main Index Top of page The article begins here. It goes on.";
    let zones = [
        Zone {
            start: 0,
            end: 22,
            kind: ZoneKind::Boilerplate,
        },
        Zone {
            start: 23,
            end: 59,
            kind: ZoneKind::Body,
        },
    ];
    let spans = galley_sentences::Splitter::default().split_with_zones(text, &zones);
    let got: Vec<&str> = spans.iter().map(|s| &text[s.start..s.end]).collect();
    assert_eq!(
        got,
        [
            "Main Index Top of page",
            "The article begins here.",
            "It goes on."
        ]
    );
    // Without zones the same text is split by punctuation alone.
    assert_eq!(sents(text).len(), 2);
}

#[test]
fn titles_and_initials() {
    check(
        "Mr. Cannon and Dr. Lee met Col. Brown at St. Louis.",
        &["Mr. Cannon and Dr. Lee met Col. Brown at St. Louis."],
    );
    check(
        "On occasion L.D. would hasten to Lenin.",
        &["On occasion L.D. would hasten to Lenin."],
    );
    check(
        "The decree was signed by V.I. Lenin. It was dated 1918.",
        &["The decree was signed by V.I. Lenin.", "It was dated 1918."],
    );
    check(
        "She met M.I. Ulianova and R. M. Smith.",
        &["She met M.I. Ulianova and R. M. Smith."],
    );
    check(
        "Lt Kashketin and Capt. Ivanov arrived.",
        &["Lt Kashketin and Capt. Ivanov arrived."],
    );
    check(
        "He wrote to L.D. He got no answer.",
        &["He wrote to L.D.", "He got no answer."],
    );
}

#[test]
fn reference_abbreviations_before_numbers() {
    check(
        "Carr, Vol. I (London, 1950), ch. IV. It is long.",
        &["Carr, Vol. I (London, 1950), ch. IV.", "It is long."],
    );
    check(
        "He had 40 followers in 1928. 500 joined later.",
        &["He had 40 followers in 1928.", "500 joined later."],
    );
    check(
        "1917 – Revolution.\n1918 – Peace.",
        &["1917 – Revolution.", "1918 – Peace."],
    );
    check(
        "From Fourth International, Vol. VI No. 8, August 1945, pp. 229–30.",
        &["From Fourth International, Vol. VI No. 8, August 1945, pp. 229–30."],
    );
    check(
        "See Vol. 12 No. 17, p. 4, para. 3 and ch. 2.",
        &["See Vol. 12 No. 17, p. 4, para. 3 and ch. 2."],
    );
    check(
        "Compare cf. Marx, op. cit., p. 9 and ibid. p. 12.",
        &["Compare cf. Marx, op. cit., p. 9 and ibid. p. 12."],
    );
    check("No. The answer was no.", &["No.", "The answer was no."]);
}

#[test]
fn etc_ie_eg_may_or_may_not_end_a_sentence() {
    check(
        "Pechora, Izhma, Chib-Yu, etc. were kept apart.",
        &["Pechora, Izhma, Chib-Yu, etc. were kept apart."],
    );
    check(
        "They were clerks, economists, etc. Their day was short.",
        &["They were clerks, economists, etc.", "Their day was short."],
    );
    check(
        "Some, e.g. Serge, left; others, i.e. the majority, stayed.",
        &["Some, e.g. Serge, left; others, i.e. the majority, stayed."],
    );
    check(
        "He went to Norway, ie he was handed over.",
        &["He went to Norway, ie he was handed over."],
    );
}

#[test]
fn months_money_circa_per_cent() {
    check(
        "It began on Jan. 5 and ended in Dec. 1937.",
        &["It began on Jan. 5 and ended in Dec. 1937."],
    );
    check(
        "Rent was 10s. 6d. a week. Few could pay.",
        &["Rent was 10s. 6d. a week.", "Few could pay."],
    );
    check(
        "It was printed c. 1880 in London.",
        &["It was printed c. 1880 in London."],
    );
    check(
        "They took part 100 per cent. Even the orderlies struck.",
        &["They took part 100 per cent.", "Even the orderlies struck."],
    );
    check(
        "Wages rose 5 per cent. in May.",
        &["Wages rose 5 per cent. in May."],
    );
}

#[test]
fn numbers_urls_and_emails_with_dots() {
    check(
        "It cost 3.50 roubles and weighed 1.2 kg.",
        &["It cost 3.50 roubles and weighed 1.2 kg."],
    );
    check(
        "See www.marxists.org/archive/index.htm for more.",
        &["See www.marxists.org/archive/index.htm for more."],
    );
    check(
        "Mail info@example.org. It is read daily.",
        &["Mail info@example.org.", "It is read daily."],
    );
}

#[test]
fn closing_quotes_and_brackets_after_the_stop() {
    check(
        "He acted “with impunity.” The court agreed.",
        &["He acted “with impunity.”", "The court agreed."],
    );
    check(
        "(He was later shot.) His wife was arrested.",
        &["(He was later shot.)", "His wife was arrested."],
    );
    check(
        "“Is this the end?” he asked.",
        &["“Is this the end?” he asked."],
    );
    check("“Comrades! We begin.”", &["“Comrades!", "We begin.”"]);
    check(
        "“Down with Stalin!” shouted one.",
        &["“Down with Stalin!” shouted one."],
    );
}

#[test]
fn ellipses_mid_sentence_and_at_the_end() {
    check(
        "then go to bed… There is nothing sweeter.",
        &["then go to bed…", "There is nothing sweeter."],
    );
    check(
        "He leaves much unsaid… he knows more!",
        &["He leaves much unsaid… he knows more!"],
    );
    check(
        "... In spite of this, they held out ...",
        &["... In spite of this, they held out ..."],
    );
}

#[test]
fn em_dashes_do_not_split() {
    check(
        "The sergeants – common criminals – beat them. Nobody stopped it.",
        &[
            "The sergeants – common criminals – beat them.",
            "Nobody stopped it.",
        ],
    );
    check(
        "Trotsky — this was in 1937 — arrived in Mexico.",
        &["Trotsky — this was in 1937 — arrived in Mexico."],
    );
}

#[test]
fn ocr_damage() {
    check(
        "He was exiled in 1929.Here we stop.",
        &["He was exiled in 1929.", "Here we stop."],
    );
    check(
        "It was over. the men went home.",
        &["It was over.", "the men went home."],
    );
    check(
        "It cost 3 approx. three roubles.",
        &["It cost 3 approx. three roubles."],
    );
    check(
        "The version 2.Beta is not a split.",
        &["The version 2.Beta is not a split."],
    );
}

#[test]
fn option_split_inside_quotes() {
    let text = "He said: “We lost. We go on.” Then he left.";
    check(text, &["He said: “We lost.", "We go on.”", "Then he left."]);
    let opts = SentenceOptions {
        split_inside_quotes: false,
        ..Default::default()
    };
    assert_eq!(
        sents_with(text, &opts),
        ["He said: “We lost. We go on.”", "Then he left."]
    );
}

#[test]
fn option_line_breaks() {
    let text = "The Road\nThe party grew. It won.\nwith the soviets";
    let line = SentenceOptions {
        line_breaks: LineBreaks::Line,
        ..Default::default()
    };
    assert_eq!(
        sents_with(text, &line),
        ["The Road", "The party grew.", "It won.", "with the soviets"]
    );
    let para = SentenceOptions {
        line_breaks: LineBreaks::Paragraph,
        ..Default::default()
    };
    assert_eq!(
        sents_with(text, &para),
        ["The Road\nThe party grew.", "It won.\nwith the soviets"]
    );
}

#[test]
fn option_extra_abbreviations() {
    let text = "The Ges. Werke appeared. Comrd. Smith spoke.";
    check(
        text,
        &["The Ges.", "Werke appeared.", "Comrd.", "Smith spoke."],
    );
    let opts = SentenceOptions {
        abbreviations: vec!["Ges".into(), "comrd.".into()],
        ..Default::default()
    };
    assert_eq!(
        sents_with(text, &opts),
        ["The Ges. Werke appeared.", "Comrd. Smith spoke."]
    );
    let prefix = SentenceOptions {
        prefix_abbreviations: vec!["Ges".into()],
        ..Default::default()
    };
    assert_eq!(
        sents_with("See Ges. The Works.", &prefix),
        ["See Ges. The Works."]
    );
}

#[test]
fn option_ocr_rules_can_be_disabled() {
    let opts = SentenceOptions {
        split_lowercase: false,
        split_missing_space: false,
        ..Default::default()
    };
    assert_eq!(
        sents_with("It was 1929.Here. it ends.", &opts),
        ["It was 1929.Here. it ends."]
    );
}
