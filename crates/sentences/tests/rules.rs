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
    let text = "The Sobr. Sochinenii appeared. Comrd. Smith spoke.";
    check(
        text,
        &[
            "The Sobr.",
            "Sochinenii appeared.",
            "Comrd.",
            "Smith spoke.",
        ],
    );
    let opts = SentenceOptions {
        abbreviations: vec!["Sobr".into(), "comrd.".into()],
        ..Default::default()
    };
    assert_eq!(
        sents_with(text, &opts),
        ["The Sobr. Sochinenii appeared.", "Comrd. Smith spoke."]
    );
    let prefix = SentenceOptions {
        prefix_abbreviations: vec!["Sobr".into()],
        ..Default::default()
    };
    assert_eq!(
        sents_with("See Sobr. The Works.", &prefix),
        ["See Sobr. The Works."]
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

#[test]
fn time_before_a_day_or_month_continues() {
    check(
        "The meeting opened at 8 p.m. Tuesday in the hall. Over 600 came.",
        &[
            "The meeting opened at 8 p.m. Tuesday in the hall.",
            "Over 600 came.",
        ],
    );
    // Any other capitalised word after a sentence-final time still opens a sentence.
    check(
        "The pickets assembled at 5 p.m. The police arrived later.",
        &[
            "The pickets assembled at 5 p.m.",
            "The police arrived later.",
        ],
    );
}

#[test]
fn spaced_initials_keep_i_as_an_initial() {
    check(
        "Comradely yours,\nM. I. Ulianova",
        &["Comradely yours,", "M. I. Ulianova"],
    );
    check(
        "The note was signed by A. I. Rykov and no one else.",
        &["The note was signed by A. I. Rykov and no one else."],
    );
}

#[test]
fn numbered_section_titles_are_one_segment() {
    check(
        "Chapter II. Thermidor in the Soviet Union",
        &["Chapter II. Thermidor in the Soviet Union"],
    );
    check("Part 3. The Tasks Ahead", &["Part 3. The Tasks Ahead"]);
    check(
        "Table 2. Strikes and Strikers, 1933–37",
        &["Table 2. Strikes and Strikers, 1933–37"],
    );
    // Inside a sentence the label is an ordinary reference and the stop may end it.
    check(
        "The argument is in Chapter II. The next chapter turns to wages.",
        &[
            "The argument is in Chapter II.",
            "The next chapter turns to wages.",
        ],
    );
}

#[test]
fn values_after_colons_are_not_list_labels() {
    check(
        "For: 112. Against: 43. Abstentions: 6.",
        &["For: 112.", "Against: 43.", "Abstentions: 6."],
    );
    check(
        "The demands: 1. Higher wages; 2. Shorter hours.",
        &["The demands: 1. Higher wages; 2. Shorter hours."],
    );
}

#[test]
fn relative_pronoun_after_a_misread_stop_continues() {
    check(
        "The workers of Paris. who had suffered most, rose first.",
        &["The workers of Paris. who had suffered most, rose first."],
    );
    check(
        "He was arrested in 1935. the camp was in the north.",
        &["He was arrested in 1935.", "the camp was in the north."],
    );
}

#[test]
fn address_lines_with_state_abbreviations_stack() {
    check(
        "Avenida Viena 19\nCoyoacan, D.F.\nMexico",
        &["Avenida Viena 19", "Coyoacan, D.F.", "Mexico"],
    );
    // A short prose paragraph ending in an abbreviation chain is not an address.
    check(
        "Many volunteers later returned\nto the U.S.S.R.",
        &["Many volunteers later returned\nto the U.S.S.R."],
    );
}

#[test]
fn salutation_stands_alone_before_a_lower_case_line() {
    check(
        "My dear friend,\nforgive me for this long silence. I have been ill.",
        &[
            "My dear friend,",
            "forgive me for this long silence.",
            "I have been ill.",
        ],
    );
    // An ordinary line ending in a comma is wrapped prose.
    check(
        "The strikers, the wives,\nand the children marched.",
        &["The strikers, the wives,\nand the children marched."],
    );
}

#[test]
fn clauses_set_one_per_line_after_semicolons() {
    check(
        "Whereas the employers refused every demand;\nWhereas the police broke the picket lines;\nTherefore be it resolved that we strike.",
        &[
            "Whereas the employers refused every demand;",
            "Whereas the police broke the picket lines;",
            "Therefore be it resolved that we strike.",
        ],
    );
    // A wrapped line after a semicolon continues, even before a name or `I`.
    check(
        "We fought in Petrograd;\nMoscow held out; I\nwas there.",
        &["We fought in Petrograd;\nMoscow held out; I\nwas there."],
    );
}

#[test]
fn enclosure_note_is_a_prefix() {
    check(
        "Enc. Two cuttings from the local press.",
        &["Enc. Two cuttings from the local press."],
    );
}

#[test]
fn few_and_several_open_sentences_after_initials() {
    check(
        "Many returned to the U.S.S.R. Few of them survived.",
        &["Many returned to the U.S.S.R.", "Few of them survived."],
    );
}

#[test]
fn footnote_symbol_after_a_stop_stays_with_its_sentence() {
    check(
        "The figure is disputed.* Other sources give 40,000.",
        &["The figure is disputed.*", "Other sources give 40,000."],
    );
    check(
        "The figure is disputed.† Other sources differ.",
        &["The figure is disputed.†", "Other sources differ."],
    );
}

#[test]
fn number_after_per_cent_or_etc_opens_a_sentence() {
    check(
        "Dues went up 25 per cent. 300 members left.",
        &["Dues went up 25 per cent.", "300 members left."],
    );
    // Pre-decimal money runs on.
    check(
        "The fine was 10s. 6d. a week.",
        &["The fine was 10s. 6d. a week."],
    );
}

#[test]
fn dateline_after_a_place_line_stands_alone() {
    check(
        "Coyoacan, D.F., Mexico\nAugust 1, 1940\nDear Comrades,\nWe have the funds.",
        &[
            "Coyoacan, D.F., Mexico",
            "August 1, 1940",
            "Dear Comrades,",
            "We have the funds.",
        ],
    );
    check(
        "He arrived in the early morning of\nAugust 1, 1940 and left at once.",
        &["He arrived in the early morning of\nAugust 1, 1940 and left at once."],
    );
}

#[test]
fn missing_space_before_an_opening_quote() {
    check(
        "The chairman rose.“Comrades,” he began.",
        &["The chairman rose.", "“Comrades,” he began."],
    );
}

#[test]
fn number_opens_a_sentence_after_a_hyphenated_word() {
    check(
        "1937 was the year of the sit-downs. 500,000 workers took part.",
        &[
            "1937 was the year of the sit-downs.",
            "500,000 workers took part.",
        ],
    );
}

#[test]
fn stray_space_moved_before_the_stop() {
    check(
        "The strike ended .The men went back.",
        &["The strike ended .", "The men went back."],
    );
    // A dotted name after a space is no sentence end.
    check(
        "It was written in .Net by then.",
        &["It was written in .Net by then."],
    );
}

#[test]
fn abbreviated_given_names_continue() {
    check(
        "The doctor was Wm. Jones of Boston. He testified.",
        &["The doctor was Wm. Jones of Boston.", "He testified."],
    );
}

#[test]
fn name_line_with_post_nominal_stacks() {
    check(
        "John Smith, Esq.\n14 High Street\nLeeds",
        &["John Smith, Esq.", "14 High Street", "Leeds"],
    );
}

#[test]
fn hyphenated_initials_are_a_chain() {
    check(
        "The article by J.-P. Sartre appeared in 1946. It caused a storm.",
        &[
            "The article by J.-P. Sartre appeared in 1946.",
            "It caused a storm.",
        ],
    );
}

#[test]
fn i_after_an_abbreviation_is_an_initial() {
    check(
        "The Age of Permanent Revolution, ed. I. Deutscher, pp. 45–60.",
        &["The Age of Permanent Revolution, ed. I. Deutscher, pp. 45–60."],
    );
    // After a word, `I.` is the pronoun ending its sentence.
    check(
        "Nobody was more surprised than I. Deutscher laughed.",
        &["Nobody was more surprised than I.", "Deutscher laughed."],
    );
}

#[test]
fn capitalised_day_short_forms_are_abbreviations() {
    check(
        "The march is on Sat. Aug. 12 at noon.",
        &["The march is on Sat. Aug. 12 at noon."],
    );
    check(
        "He sat. Lenin spoke first.",
        &["He sat.", "Lenin spoke first."],
    );
}

#[test]
fn dash_and_lower_case_comment_continue() {
    check(
        "“Workers of the world, unite!” — so ends the Manifesto.",
        &["“Workers of the world, unite!” — so ends the Manifesto."],
    );
    // A capital after the dash is a signature.
    check(
        "We shall meet again. — L. T.",
        &["We shall meet again.", "— L. T."],
    );
}

#[test]
fn closing_quote_spaced_off_by_ocr() {
    check(
        "He said , “ We shall see . ” Then he left .",
        &["He said , “ We shall see . ”", "Then he left ."],
    );
}

#[test]
fn resolved_opens_a_clause_line() {
    check(
        "Whereas the unions were expelled;\nResolved, that we condemn it.",
        &[
            "Whereas the unions were expelled;",
            "Resolved, that we condemn it.",
        ],
    );
}

#[test]
fn missing_space_after_a_short_number() {
    check(
        "The vote was 120 to 40.In 1936 it was reversed.",
        &["The vote was 120 to 40.", "In 1936 it was reversed."],
    );
    // At the start of a segment the number is a label.
    check("1.Introduction", &["1.Introduction"]);
}

#[test]
fn letterhead_place_over_date() {
    check(
        "New York, N.Y.\nMarch 1, 1946\nDear Sir:",
        &["New York, N.Y.", "March 1, 1946", "Dear Sir:"],
    );
}

#[test]
fn speech_verb_with_its_own_object_opens_a_sentence() {
    check(
        "“The party is not a debating club.” Cannon said this often.",
        &[
            "“The party is not a debating club.”",
            "Cannon said this often.",
        ],
    );
    check(
        "“What is to be done?” Lenin asked in 1902.",
        &["“What is to be done?” Lenin asked in 1902."],
    );
}

#[test]
fn section_sign_labels_a_title() {
    check(
        "§ 4. The Agrarian Question",
        &["§ 4. The Agrarian Question"],
    );
}

#[test]
fn doubled_spaced_stop_is_a_full_stop() {
    check(
        "The meeting closed. . The delegates left.",
        &["The meeting closed. .", "The delegates left."],
    );
}

#[test]
fn bibliographic_items_split() {
    check(
        "Doubleday, Doran & Co., New York. 308 pp. $2.50.",
        &["Doubleday, Doran & Co., New York.", "308 pp.", "$2.50."],
    );
    // A page reference (number after `pp.`) and a short capitalised abbreviation run on.
    check(
        "See pp. 12–14 and Bd. 3 of the German edition.",
        &["See pp. 12–14 and Bd. 3 of the German edition."],
    );
}

#[test]
fn may_before_a_pronoun_is_the_modal() {
    check(
        "Your article of 12th inst. May I correct one point?",
        &["Your article of 12th inst.", "May I correct one point?"],
    );
    check(
        "The congress met on 12th inst. May Day followed.",
        &["The congress met on 12th inst. May Day followed."],
    );
}

#[test]
fn diary_date_introduces_its_entry() {
    check(
        "Jan. 12. — The strike committee met. Jan. 13. — The strike began.",
        &[
            "Jan. 12. — The strike committee met.",
            "Jan. 13. — The strike began.",
        ],
    );
    // After a sentence, a number and a dash still part.
    check(
        "The vote was 12. — Editor.",
        &["The vote was 12.", "— Editor."],
    );
}

#[test]
fn quoted_list_starts_with_its_quotation_mark() {
    check(
        "He listed the demands:\n“1. Bread. 2. Land. 3. Peace.”",
        &[
            "He listed the demands:",
            "“1. Bread.",
            "2. Land.",
            "3. Peace.”",
        ],
    );
}

#[test]
fn speaker_and_verb_with_a_stop_continue_the_quotation() {
    check(
        "“Is that the line?” Shachtman asked. “It is,” said Cannon.",
        &[
            "“Is that the line?” Shachtman asked.",
            "“It is,” said Cannon.",
        ],
    );
}

#[test]
fn time_zone_continues_the_time() {
    check(
        "The broadcast is at 9 p.m. E.S.T. on Sunday.",
        &["The broadcast is at 9 p.m. E.S.T. on Sunday."],
    );
    check(
        "The broadcast is at 9 p.m. GMT on Sunday.",
        &["The broadcast is at 9 p.m. GMT on Sunday."],
    );
    check(
        "The broadcast ended at 9 p.m. ESTONIA was not mentioned.",
        &[
            "The broadcast ended at 9 p.m.",
            "ESTONIA was not mentioned.",
        ],
    );
}

#[test]
fn numeral_no_is_not_the_opener_no() {
    check(
        "The hall at 1 Union Sq. No. 3 was too small.",
        &["The hall at 1 Union Sq. No. 3 was too small."],
    );
    // The opener `No` still opens a sentence after an abbreviation.
    check(
        "They met at the Sq. No one came.",
        &["They met at the Sq.", "No one came."],
    );
}

#[test]
fn signature_over_its_date() {
    check(
        "We shall return to this question.\nJ. H.\nFebruary 1940",
        &[
            "We shall return to this question.",
            "J. H.",
            "February 1940",
        ],
    );
}

#[test]
fn prepositive_abbreviation_after_its_number_can_end() {
    check(
        "The crowd numbered 5,000 approx. The police numbered 200.",
        &[
            "The crowd numbered 5,000 approx.",
            "The police numbered 200.",
        ],
    );
    check(
        "See e.g. The Times of that day.",
        &["See e.g. The Times of that day."],
    );
}

#[test]
fn german_reference_abbreviations() {
    check(
        "Marx-Engels, Ges. Werke, Bd. 3, S. 45.",
        &["Marx-Engels, Ges. Werke, Bd. 3, S. 45."],
    );
}

#[test]
fn title_cased_line_is_a_heading_over_a_long_line() {
    check(
        "The “New Course” Controversy\nThe discussion opened in December 1923 with a letter of Trotsky.",
        &[
            "The “New Course” Controversy",
            "The discussion opened in December 1923 with a letter of Trotsky.",
        ],
    );
    check(
        "Ten Years After\n1927 was the year of the expulsions from the Party of Lenin.",
        &[
            "Ten Years After",
            "1927 was the year of the expulsions from the Party of Lenin.",
        ],
    );
    check(
        "IV. The Struggle for the Trade Unions\nThe unions were the decisive arena of the struggle in every industrial country of the West.",
        &[
            "IV. The Struggle for the Trade Unions",
            "The unions were the decisive arena of the struggle in every industrial country of the West.",
        ],
    );
    // A wrapped line of prose has lower-case words of four letters or more.
    check(
        "Speeches were made by Comrades Tom Mann and Harry\nPollitt of the Minority Movement.",
        &["Speeches were made by Comrades Tom Mann and Harry\nPollitt of the Minority Movement."],
    );
}

#[test]
fn bibliography_entries_split_at_their_elements() {
    check(
        "Serge, V. Memoirs of a Revolutionary. Oxford, 1963.",
        &["Serge, V.", "Memoirs of a Revolutionary.", "Oxford, 1963."],
    );
    check(
        "Novack, G. and Frankel, D., eds. Fifty Years of World Revolution. New York, 1968.",
        &[
            "Novack, G. and Frankel, D., eds.",
            "Fifty Years of World Revolution.",
            "New York, 1968.",
        ],
    );
    // A new entry on the next line ends an imprint closing with an abbreviation.
    check(
        "Paris: Éditions Sociales, n.d.\nRosmer, A. Moscou sous Lénine. Paris, 1953.",
        &[
            "Paris: Éditions Sociales, n.d.",
            "Rosmer, A.",
            "Moscou sous Lénine.",
            "Paris, 1953.",
        ],
    );
    // Initials of a name in prose stay with it.
    check(
        "Trotsky, L. D. and his son left for Norway.",
        &["Trotsky, L. D. and his son left for Norway."],
    );
}

#[test]
fn imperative_opens_a_sentence_after_an_abbreviation() {
    check(
        "Orders to the Pioneer Book Shop, 116 University Pl. Send cash with order.",
        &[
            "Orders to the Pioneer Book Shop, 116 University Pl.",
            "Send cash with order.",
        ],
    );
}

#[test]
fn footnote_number_glued_to_a_stop_stays_with_its_sentence() {
    check(
        "The rent was 12 roubles.14 Bread cost more.",
        &["The rent was 12 roubles.14", "Bread cost more."],
    );
    // Not after an abbreviation or a number: `Vol.3 Moscow`, `pp. 12.5 Per`.
    check("See Vol.3 Moscow edition.", &["See Vol.3 Moscow edition."]);
}

#[test]
fn closing_with_wishes_stands_over_the_signature() {
    check(
        "Write soon.\nWith warmest wishes,\nRose Karsner",
        &["Write soon.", "With warmest wishes,", "Rose Karsner"],
    );
}

#[test]
fn running_head_interrupts_the_sentence_across_a_page_break() {
    check(
        "The Party grew in all the\nTHE FOURTH INTERNATIONAL 57\nindustrial towns of the north.",
        &[
            "The Party grew in all the",
            "THE FOURTH INTERNATIONAL 57",
            "industrial towns of the north.",
        ],
    );
    // Capitals without a page number may be shouted prose wrapped over lines.
    check(
        "DOWN WITH THE\nIMPERIALIST WAR!",
        &["DOWN WITH THE\nIMPERIALIST WAR!"],
    );
}

#[test]
fn dashed_signature_stands_alone() {
    check(
        "See Vol. 4 of this edition.—Ed.",
        &["See Vol. 4 of this edition.", "—Ed."],
    );
    check(
        "We shall win.\n— J. P. C.\nNew York, May 1938",
        &["We shall win.", "— J. P. C.", "New York, May 1938"],
    );
    // A dateline's dash runs into its story.
    check(
        "PARIS.—The Chamber voted the credits.",
        &["PARIS.—The Chamber voted the credits."],
    );
}

#[test]
fn underscore_emphasis_after_a_stop_closes_the_sentence() {
    check(
        "_Note._ The figures are provisional.",
        &["_Note._", "The figures are provisional."],
    );
}

#[test]
fn number_word_opens_a_sentence_after_an_era() {
    check(
        "Rome fell in 476 A.D. Twenty years later nothing was left.",
        &[
            "Rome fell in 476 A.D.",
            "Twenty years later nothing was left.",
        ],
    );
    check(
        "In 55 B.C. Caesar landed in Britain.",
        &["In 55 B.C. Caesar landed in Britain."],
    );
}

#[test]
fn surname_particle_opens_a_sentence_in_lower_case() {
    check(
        "The report was read by Sneevliet. van Gelderen moved its adoption.",
        &[
            "The report was read by Sneevliet.",
            "van Gelderen moved its adoption.",
        ],
    );
    // Not before a lower-case word (`de facto`).
    check(
        "The regime was recognised. de facto it was a dictatorship.",
        &["The regime was recognised. de facto it was a dictatorship."],
    );
}

#[test]
fn language_abbreviation_does_not_end_a_sentence() {
    check(
        "The word (Russ. Dvoevlastie) means dual power.",
        &["The word (Russ. Dvoevlastie) means dual power."],
    );
}

#[test]
fn old_letter_closing_formula_stands_alone() {
    check(
        "I have the honour to be, Sir,\nYours obediently,\nW. Lovett",
        &[
            "I have the honour to be, Sir,",
            "Yours obediently,",
            "W. Lovett",
        ],
    );
}

#[test]
fn latin_chapter_reference_takes_its_number() {
    check(
        "See Smith, bk. IV, cap. 2. Smith says so.",
        &["See Smith, bk. IV, cap. 2.", "Smith says so."],
    );
}

#[test]
fn name_with_inner_capital_opens_a_sentence() {
    check(
        "The list was moved to a new server. eGroups closed it in 2001.",
        &[
            "The list was moved to a new server.",
            "eGroups closed it in 2001.",
        ],
    );
}

#[test]
fn page_number_line_stands_alone() {
    check(
        "The reformists\n23\nwill not fight.",
        &["The reformists", "23", "will not fight."],
    );
    // Even after a word the sentence cannot stop at: OCR keeps page numbers far more often
    // than a column leaves a figure alone on its line.
    check(
        "The Party was\n22\nforced underground.",
        &["The Party was", "22", "forced underground."],
    );
}

#[test]
fn date_broken_across_lines_is_joined() {
    check(
        "The strike began on March\n3, 1937, at the Fisher plant.",
        &["The strike began on March\n3, 1937, at the Fisher plant."],
    );
}

#[test]
fn postscript_line_and_dashed_attribution_stand_alone() {
    check(
        "Yours,\nJ.P.C.\nP.S. The money went off today.",
        &["Yours,", "J.P.C.", "P.S. The money went off today."],
    );
    check(
        "“Nothing is permanent.”\n— Engels\nSo it proved.",
        &["“Nothing is permanent.”", "— Engels", "So it proved."],
    );
}

#[test]
fn line_ending_in_a_dash_continues() {
    check(
        "Between 3,000–\n4,000 men came out.",
        &["Between 3,000–\n4,000 men came out."],
    );
}

#[test]
fn bracketed_interjection_closed_after_its_stop_ends_there() {
    check(
        "Comrades! [Uproar.] I shall go on. [A voice: “Sit down!”] I will not.",
        &[
            "Comrades!",
            "[Uproar.]",
            "I shall go on.",
            "[A voice: “Sit down!”]",
            "I will not.",
        ],
    );
}

#[test]
fn state_after_its_city_ends_a_sentence_unless_a_comma_follows() {
    check(
        "The office moved to Washington, D.C. Reporters followed it.",
        &[
            "The office moved to Washington, D.C.",
            "Reporters followed it.",
        ],
    );
    check(
        "In Albany, N.Y., the governor refused.",
        &["In Albany, N.Y., the governor refused."],
    );
}

#[test]
fn lettered_footnote_mark_stays_with_its_sentence() {
    check(
        "The vote was carried.[a] The minority protested.[b]",
        &["The vote was carried.[a]", "The minority protested.[b]"],
    );
}

#[test]
fn reference_closing_abbreviations_end_before_a_capital() {
    check(
        "See pp. 12 et seq. Marx returns to it later.",
        &["See pp. 12 et seq.", "Marx returns to it later."],
    );
    check(
        "Was this imperialism?14 Hobson thought so.",
        &["Was this imperialism?14", "Hobson thought so."],
    );
}

#[test]
fn ellipsis_opening_a_sentence_goes_with_it() {
    check(
        "“They will come. … They will not stay.”",
        &["“They will come.", "… They will not stay.”"],
    );
}

#[test]
fn vowelless_contraction_is_an_abbreviation() {
    check(
        "He worked in the Chrysler Bldg. Annex for a year.",
        &["He worked in the Chrysler Bldg. Annex for a year."],
    );
    // An acronym in capitals ends its sentence like a word.
    check(
        "The leaflet was signed by the SWP. Cannon wrote it.",
        &["The leaflet was signed by the SWP.", "Cannon wrote it."],
    );
}

#[test]
fn section_sign_opens_the_next_numbered_clause() {
    check(
        "§ 1. Dues are monthly. § 2. Arrears lapse.",
        &["§ 1. Dues are monthly.", "§ 2. Arrears lapse."],
    );
    check("See cf. § 4 below.", &["See cf. § 4 below."]);
}

#[test]
fn page_reference_after_a_note_stands_alone() {
    check(
        "It was first published in 1925. p. 41",
        &["It was first published in 1925.", "p. 41"],
    );
    check("See p. 41 and p. 50.", &["See p. 41 and p. 50."]);
}

#[test]
fn spaced_footnote_asterisk_stays_with_its_sentence() {
    check(
        "It sold well. * It was reprinted.",
        &["It sold well. *", "It was reprinted."],
    );
    // A separator of several marks is not a footnote mark.
    check(
        "It sold well.\n* * *\nIt was reprinted.",
        &["It sold well.", "* * *", "It was reprinted."],
    );
}

#[test]
fn gloss_in_brackets_closed_by_the_stop_belongs_to_the_quotation() {
    check(
        "He shouted “¡No pasarán!” (They shall not pass!). The line held.",
        &[
            "He shouted “¡No pasarán!” (They shall not pass!).",
            "The line held.",
        ],
    );
    // A bracketed sentence of its own still stands alone.
    check(
        "He shouted “Forward!” (Nobody moved.) The line held.",
        &["He shouted “Forward!”", "(Nobody moved.)", "The line held."],
    );
}

#[test]
fn letter_labels_after_a_colon_line_are_a_list() {
    check(
        "It showed:\ni. growth;\nii. decline.",
        &["It showed:", "i. growth;", "ii. decline."],
    );
}

#[test]
fn elided_word_opens_a_sentence() {
    check(
        "They sang all night. ’Twas a merry wake.",
        &["They sang all night.", "’Twas a merry wake."],
    );
}

#[test]
fn quotation_then_i_and_a_speech_verb_is_one_sentence() {
    check(
        "“Who sent you?” I asked. He did not answer.",
        &["“Who sent you?” I asked.", "He did not answer."],
    );
    check(
        "“Who sent you?” I did not know him.",
        &["“Who sent you?”", "I did not know him."],
    );
}

#[test]
fn unit_after_its_number_closes_the_phrase() {
    check(
        "The meeting opened at 19.30 hrs. Comrade Lee took the chair.",
        &[
            "The meeting opened at 19.30 hrs.",
            "Comrade Lee took the chair.",
        ],
    );
    check(
        "It weighed 3 lbs. and cost 2s.",
        &["It weighed 3 lbs. and cost 2s."],
    );
}

#[test]
fn suffix_after_a_name_closes_it_before_a_capital() {
    check(
        "The order went to Bethlehem Steel Inc. Grace signed it.",
        &["The order went to Bethlehem Steel Inc.", "Grace signed it."],
    );
    check(
        "They met on Grand St. Cannon came late.",
        &["They met on Grand St.", "Cannon came late."],
    );
    // A saint, a firm's second suffix and a headline in capitals run on.
    check(
        "He spoke at St. Paul and at Fife Coal Co. Ltd. meetings.",
        &["He spoke at St. Paul and at Fife Coal Co. Ltd. meetings."],
    );
    check("MARCH IN ST. PAUL", &["MARCH IN ST. PAUL"]);
    check(
        "Ford Motor Co. President Edsel Ford refused.",
        &["Ford Motor Co. President Edsel Ford refused."],
    );
}

#[test]
fn no_date_closes_an_imprint() {
    check(
        "London: Plebs League, n.d. 64 pp.",
        &["London: Plebs League, n.d.", "64 pp."],
    );
}

#[test]
fn lower_case_answer_after_a_question_opens_a_sentence() {
    check(
        "Why did they lose? because they waited.",
        &["Why did they lose?", "because they waited."],
    );
    check(
        "What is its worth? its documents.",
        &["What is its worth?", "its documents."],
    );
}

#[test]
fn postposed_approx_closes_its_figure_before_a_number() {
    check(
        "The crowd was 5,000 approx. 300 were police.",
        &["The crowd was 5,000 approx.", "300 were police."],
    );
    check(
        "The crowd was approx. 5,000 strong.",
        &["The crowd was approx. 5,000 strong."],
    );
}

#[test]
fn bracketed_omission_opening_a_sentence_goes_with_it() {
    check(
        "The Party must lead. [...] Without it the masses are lost.",
        &[
            "The Party must lead.",
            "[...] Without it the masses are lost.",
        ],
    );
}

#[test]
fn acronym_after_the_ends_a_sentence_before_a_name_and_verb() {
    check(
        "The appeal went to the T.U.C. Citrine ignored it.",
        &["The appeal went to the T.U.C.", "Citrine ignored it."],
    );
    // The noun the acronym qualifies, or a longer name, runs on.
    check(
        "He worked for the U.S. Government until 1950.",
        &["He worked for the U.S. Government until 1950."],
    );
    check(
        "He joined the U.S. Steel Corporation in 1920.",
        &["He joined the U.S. Steel Corporation in 1920."],
    );
    // Initials of a person take no article.
    check(
        "The meeting was opened by A.J. Muste who spoke briefly.",
        &["The meeting was opened by A.J. Muste who spoke briefly."],
    );
}

#[test]
fn drop_capital_and_label_lines() {
    check(
        "T\nHE WAR began in August. Nobody expected it.",
        &["T\nHE WAR began in August.", "Nobody expected it."],
    );
    check(
        "CHAPTER IV.\nTHE FIRST CONGRESS\nThe congress met in secret.",
        &[
            "CHAPTER IV.",
            "THE FIRST CONGRESS",
            "The congress met in secret.",
        ],
    );
    check(
        "What was to be done?the question was urgent.",
        &["What was to be done?", "the question was urgent."],
    );
}

#[test]
fn quotation_closed_by_a_full_stop_ends_before_a_speaker() {
    check(
        "He wrote that “the goal is nothing.” Luxemburg replied in a pamphlet.",
        &[
            "He wrote that “the goal is nothing.”",
            "Luxemburg replied in a pamphlet.",
        ],
    );
    check(
        "“Who is there?” Lenin asked at the door.",
        &["“Who is there?” Lenin asked at the door."],
    );
}

#[test]
fn title_under_a_signature_stands_alone() {
    check(
        "Yours faithfully,\nJ. Smith,\nBranch Secretary.",
        &["Yours faithfully,", "J. Smith,", "Branch Secretary."],
    );
    // A wrapped list of places goes on.
    check(
        "Meetings in London, Paris,\nBerlin and Rome were banned.",
        &["Meetings in London, Paris,\nBerlin and Rome were banned."],
    );
}

#[test]
fn pronoun_after_per_cent_opens_a_sentence_that_lost_its_capital() {
    check(
        "Output fell by 20 per cent. the mills closed.",
        &["Output fell by 20 per cent.", "the mills closed."],
    );
    check(
        "Prices rose by 5 per cent. in a year.",
        &["Prices rose by 5 per cent. in a year."],
    );
}

#[test]
fn roman_numeral_after_a_part_label_can_end_a_sentence() {
    check(
        "The chapter is in Book I. Engels edited it after Marx died.",
        &[
            "The chapter is in Book I.",
            "Engels edited it after Marx died.",
        ],
    );
    // After other abbreviations the letter stays an initial.
    check(
        "The preface is by ed. I. Deutscher himself.",
        &["The preface is by ed. I. Deutscher himself."],
    );
}

#[test]
fn spaced_straight_quote_closes_an_open_quotation() {
    check(
        "The chairman said \" all out tomorrow. \" Nobody moved.",
        &["The chairman said \" all out tomorrow. \"", "Nobody moved."],
    );
    // With no quotation open, the spaced quote opens the next sentence.
    check(
        "They cheered. \" Not one man back,\" said the steward.",
        &["They cheered.", "\" Not one man back,\" said the steward."],
    );
}

#[test]
fn clause_lines_ending_in_semicolons_stand_alone_with_the_line_after() {
    check(
        "Whereas rents have doubled since the war;\nWhereas wages have stood still;\nConference instructs the executive to call a rent strike.",
        &[
            "Whereas rents have doubled since the war;",
            "Whereas wages have stood still;",
            "Conference instructs the executive to call a rent strike.",
        ],
    );
    // One semicolon at the end of a wrapped line is no clause list.
    check(
        "The vote went against the miners;\nLabour abstained in silence.",
        &["The vote went against the miners;\nLabour abstained in silence."],
    );
}

#[test]
fn capitals_line_inside_prose_is_a_running_head() {
    check(
        "the dockers had struck in\nA HISTORY OF THE TRADE UNIONS\nMarch, and the carters joined them.",
        &[
            "the dockers had struck in",
            "A HISTORY OF THE TRADE UNIONS",
            "March, and the carters joined them.",
        ],
    );
}

#[test]
fn longest_title_cased_line_of_a_paragraph_is_a_wrapped_name() {
    check(
        "Issued by the Socialist Workers Federation of South\nWales, 12 High Street, Cardiff.",
        &["Issued by the Socialist Workers Federation of South\nWales, 12 High Street, Cardiff."],
    );
    // Shorter than the paragraph under it, the same shape is a heading.
    check(
        "The Socialist Workers Federation\nIt was founded in 1912 by miners from the Rhondda and grew fast.",
        &[
            "The Socialist Workers Federation",
            "It was founded in 1912 by miners from the Rhondda and grew fast.",
        ],
    );
}

#[test]
fn column_of_figures_sets_each_row_alone() {
    check(
        "Membership by district:\nLancashire 2,410\nYorkshire 1,975\nThe other districts sent no returns.",
        &[
            "Membership by district:",
            "Lancashire 2,410",
            "Yorkshire 1,975",
            "The other districts sent no returns.",
        ],
    );
    // One wrapped line ending in a figure is prose, not a table.
    check(
        "The vote for the motion was 1,206\nDelegates then adjourned for lunch.",
        &["The vote for the motion was 1,206\nDelegates then adjourned for lunch."],
    );
}

#[test]
fn abbreviation_with_its_space_lost_ends_before_an_opener() {
    check(
        "The Board met on the 4th ult.The chairman read the minutes.",
        &[
            "The Board met on the 4th ult.",
            "The chairman read the minutes.",
        ],
    );
    check(
        "Bread rose to 1s.It has never been dearer.",
        &["Bread rose to 1s.", "It has never been dearer."],
    );
    // Not before a word that is no sentence opener, nor after a prepositive abbreviation.
    check(
        "He met Col.Hartley at the station.",
        &["He met Col.Hartley at the station."],
    );
    check(
        "Some towns, e.g.The Hague, refused.",
        &["Some towns, e.g.The Hague, refused."],
    );
}

#[test]
fn glued_straight_quote_after_a_stop_opens_the_next_sentence() {
    check(
        "The banner bore the slogan.\"Bread and Roses\" was sung by all.",
        &[
            "The banner bore the slogan.",
            "\"Bread and Roses\" was sung by all.",
        ],
    );
    // With a quotation open, the quote closes it.
    check(
        "He shouted \"Stop the lorries.\"Then the police moved in.",
        &[
            "He shouted \"Stop the lorries.\"",
            "Then the police moved in.",
        ],
    );
}

#[test]
fn spaced_single_quote_after_a_stop_opens_the_next_sentence() {
    check(
        "The vote was taken at once. ' We have won,' said the secretary.",
        &[
            "The vote was taken at once.",
            "' We have won,' said the secretary.",
        ],
    );
    // An apostrophe closing a word (`the workers' union`) is untouched.
    check(
        "The vote went to the workers' side. The owners left.",
        &["The vote went to the workers' side.", "The owners left."],
    );
}

#[test]
fn lone_l_read_for_an_exclamation_mark_ends_before_a_capital() {
    check(
        "Comrades, strike now l The bosses are divided.",
        &["Comrades, strike now l", "The bosses are divided."],
    );
    check(
        "Close the mills l\nOpen the books!",
        &["Close the mills l", "Open the books!"],
    );
    // A unit after a figure, a letter named in prose before a small word, stay inside.
    check(
        "They drew 5 l Each morning from the well.",
        &["They drew 5 l Each morning from the well."],
    );
    check(
        "Write the letter l in the margin.",
        &["Write the letter l in the margin."],
    );
}

#[test]
fn stacked_title_line_ending_in_a_joiner_wraps_onto_the_next() {
    check(
        "WHY WE FIGHT FOR\nTHE SHORTER WORKING DAY\nBy\nTOM MANN\nPrice Twopence",
        &[
            "WHY WE FIGHT FOR\nTHE SHORTER WORKING DAY",
            "By\nTOM MANN",
            "Price Twopence",
        ],
    );
}

#[test]
fn on_behalf_closing_line_stands_alone() {
    check(
        "On behalf of the Trades Council Executive,\nR. OWEN, Secretary.",
        &[
            "On behalf of the Trades Council Executive,",
            "R. OWEN, Secretary.",
        ],
    );
    // Inside prose the phrase wraps like any other.
    check(
        "The secretary, speaking on behalf of the branch,\nThanked the delegates.",
        &["The secretary, speaking on behalf of the branch,\nThanked the delegates."],
    );
}
