//! Sentence splitting for German, English and Chinese news text.
//!
//! The stage takes the original text and returns sentence spans (byte offsets, end exclusive,
//! trimmed to the first and last non-space character) with a boilerplate flag. It never
//! rewrites the text. Splitting works in one linear pass over logical lines:
//!
//! 1. The text is cut into lines; a line break is a boundary unless the line is a wrapped
//!    continuation (trailing space before the break, or PDF mode, and a lower-case next line).
//! 2. Inside a logical line, candidate boundaries are terminal punctuation (`. ! ? …` and
//!    Chinese `。！？`; not `；`) followed by closing quotes/brackets. A full stop is rejected after
//!    abbreviations (`Dr.`, `z. B.`, `Mio.`), initials, numbered-list markers, ordinals and
//!    dates (`12. August`), inside numbers (`1.000`, `25.07.2025`), and before a lower-case
//!    word. A missing space after a full stop (`lauern.Martin`) still splits; so does a file
//!    name glued to Chinese text (`…副本.jpg案发现场…`).
//! 3. A headline run into the document's first sentence without punctuation is cut off:
//!    before a German article or pronoun capitalised mid-sentence (`… zulegen Der Deal …`),
//!    or before a Chinese lead's time phrase and comma (`…选址上海2月10日晚间，…`).
//! 4. [`BoilerplateMarker`] flags headings, datelines, navigation, ads, captions,
//!    related-topic lists and disclaimers; they stay sentences, only marked.
//!
//! ```
//! use claimx_sentences::SentenceSplitter;
//!
//! let text = "Die Firma hat u. a. in Berlin 1.000 Mitarbeiter. Sie wächst. 员工超过1000人。该公司表示满意。";
//! let sentences: Vec<&str> = SentenceSplitter::default()
//!     .split(text)
//!     .iter()
//!     .map(|s| &text[s.start..s.end])
//!     .collect();
//! assert_eq!(sentences, ["Die Firma hat u. a. in Berlin 1.000 Mitarbeiter.", "Sie wächst.", "员工超过1000人。", "该公司表示满意。"]);
//! ```

mod boilerplate;
pub mod datelines;
use claimx_lang::sentences as rules;
mod splitter;

pub use boilerplate::BoilerplateMarker;
pub use splitter::{SentenceBounds, SentenceSplitter, SplitterConfig};

/// The sentence stage interface: any implementation maps a text to sentence spans.
pub trait SentenceSegmenter: Send + Sync {
    /// Sentence spans of `text`, in text order, covering every non-blank part of it.
    fn segment(&self, text: &str) -> Vec<SentenceBounds>;
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn split(text: &str) -> Vec<&str> {
        SentenceSplitter::default()
            .split(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    fn boilerplate(text: &str) -> Vec<(&str, bool)> {
        SentenceSplitter::default()
            .split(text)
            .iter()
            .map(|s| (&text[s.start..s.end], s.boilerplate))
            .collect()
    }

    #[rstest]
    #[case::de_dr("Dr. Müller kam. Er ging.", &["Dr. Müller kam.", "Er ging."])]
    #[case::de_zb("Es gibt z. B. Äpfel. Und Birnen.", &["Es gibt z. B. Äpfel.", "Und Birnen."])]
    #[case::de_nr("Das ist Nr. 5 der Liste. Gut.", &["Das ist Nr. 5 der Liste.", "Gut."])]
    #[case::de_mio("Es kostet 3 Mio. Euro. Das ist viel.", &["Es kostet 3 Mio. Euro.", "Das ist viel."])]
    #[case::de_mrd("Der Umsatz lag bei 2 Mrd. Dollar. Mehr nicht.", &["Der Umsatz lag bei 2 Mrd. Dollar.", "Mehr nicht."])]
    #[case::en_us("He works for the U.S. Government in Virginia.", &["He works for the U.S. Government in Virginia."])]
    #[case::en_us_end("I live in the U.S. How about you?", &["I live in the U.S.", "How about you?"])]
    #[case::en_mr("Mr. Smith went to Washington. He stayed.", &["Mr. Smith went to Washington.", "He stayed."])]
    #[case::en_initials("Did you see Albert I. Jones yesterday?", &["Did you see Albert I. Jones yesterday?"])]
    // a contraction opens a sentence as its first word does; `min.`/`max.` may end one
    #[case::en_pm_contraction("The game is at 10 p.m. I'm going.", &["The game is at 10 p.m.", "I'm going."])]
    #[case::en_min_end("The symbol is min. The hour has 60.", &["The symbol is min.", "The hour has 60."])]
    #[case::de_dr_med("Wir trafen Dr. med. Meyer in der Stadt.", &["Wir trafen Dr. med. Meyer in der Stadt."])]
    #[case::de_kath("Sie besucht eine kath. Schule.", &["Sie besucht eine kath. Schule."])]
    #[case::de_scale_at_the_end("Sie stieg von 3 Mio. auf 5 Mio. Das ist ein Rekord.", &["Sie stieg von 3 Mio. auf 5 Mio.", "Das ist ein Rekord."])]
    #[case::de_scale_before_currency("Es kostet 3 Mio. Euro und mehr.", &["Es kostet 3 Mio. Euro und mehr."])]
    #[case::en_rupee_sign("It raised Rs. 500 crore. Shares rose.", &["It raised Rs. 500 crore.", "Shares rose."])]
    #[case::en_ev_end("He bought an EV. It was cheap.", &["He bought an EV.", "It was cheap."])]
    #[case::de_max_number("Es dauert max. 5 Jahre. Dann endet es.", &["Es dauert max. 5 Jahre.", "Dann endet es."])]
    fn abbreviations(#[case] text: &str, #[case] expected: &[&str]) {
        assert_eq!(split(text), expected);
    }

    #[rstest]
    #[case::de_date("Am 25.07.2025 schloss das Labor. Danach nicht.", &["Am 25.07.2025 schloss das Labor.", "Danach nicht."])]
    #[case::de_day_month("Die Frist läuft am 12. August aus. Dann folgt mehr.", &["Die Frist läuft am 12. August aus.", "Dann folgt mehr."])]
    #[case::de_thousands("Es waren 1.000 Mitarbeiter. Jetzt weniger.", &["Es waren 1.000 Mitarbeiter.", "Jetzt weniger."])]
    #[case::de_ordinal("Er wurde am 3. Oktober geboren.", &["Er wurde am 3. Oktober geboren."])]
    #[case::de_year_end("Das gilt seit 2018. Die Lage ist neu.", &["Das gilt seit 2018.", "Die Lage ist neu."])]
    #[case::de_ordinal_after_article("Er ging in der 4. Klasse zur Schule. Dann nicht mehr.", &["Er ging in der 4. Klasse zur Schule.", "Dann nicht mehr."])]
    #[case::de_ordinal_two_digits("Trump ist der 45. Präsident der USA. Er folgte Obama.", &["Trump ist der 45. Präsident der USA.", "Er folgte Obama."])]
    #[case::de_number_ends_sentence("Im Saal waren 45. Die anderen fehlten.", &["Im Saal waren 45.", "Die anderen fehlten."])]
    #[case::en_decimal("Sales rose 3.5 percent. Costs fell.", &["Sales rose 3.5 percent.", "Costs fell."])]
    #[case::en_money("She has $100.00 in her bag.", &["She has $100.00 in her bag."])]
    #[case::decimal_amount_ends("Shares closed at $10.50. About 300 traded.", &["Shares closed at $10.50.", "About 300 traded."])]
    #[case::decimal_ends("The rate was 2.25. Analysts expected it.", &["The rate was 2.25.", "Analysts expected it."])]
    fn numbers_and_dates_with_dots(#[case] text: &str, #[case] expected: &[&str]) {
        assert_eq!(split(text), expected);
    }

    #[rstest]
    #[case::lowercase_after("I wasn’t really ... well, I mean it.", &["I wasn’t really ... well, I mean it."])]
    #[case::four_dots("I never meant that.... She left the store.", &["I never meant that....", "She left the store."])]
    #[case::unicode("Er zögerte… Dann ging er.", &["Er zögerte…", "Dann ging er."])]
    #[case::bracketed("\"Bohr [...] used the analogy [...]\" (Smith 55).", &["\"Bohr [...] used the analogy [...]\" (Smith 55)."])]
    fn ellipses(#[case] text: &str, #[case] expected: &[&str]) {
        assert_eq!(split(text), expected);
    }

    #[rstest]
    #[case::de_quotes("„Wir schließen.“ Das sagte er.", &["„Wir schließen.“", "Das sagte er."])]
    #[case::de_quote_continues("„Ich habe keine Zeit“, sagte die Frau. Dann ging sie.", &["„Ich habe keine Zeit“, sagte die Frau.", "Dann ging sie."])]
    #[case::en_quotes("“We’ve made the decision,” said Glasser. “These decisions are necessary.”", &["“We’ve made the decision,” said Glasser.", "“These decisions are necessary.”"])]
    #[case::en_question_continues("“What?” he asked.", &["“What?” he asked."])]
    #[case::zh_corner("他说：「我很好。」然后走了。", &["他说：「我很好。」", "然后走了。"])]
    #[case::zh_book_title("我们明天一起去看《摔跤吧！爸爸》好吗？好！", &["我们明天一起去看《摔跤吧！爸爸》好吗？", "好！"])]
    fn quotes(#[case] text: &str, #[case] expected: &[&str]) {
        assert_eq!(split(text), expected);
    }

    #[rstest]
    #[case::headline_then_text("Amazon schließt Labor\n\nDas Labor in Shanghai schließt.", &["Amazon schließt Labor", "Das Labor in Shanghai schließt."])]
    #[case::numbered_nav("1. Startseite\n  2. Unternehmen\n  3. Industrie", &["1. Startseite", "2. Unternehmen", "3. Industrie"])]
    #[case::inline_list("1.) The first item 2.) The second item", &["1.) The first item", "2.) The second item"])]
    #[case::letter_list("a. The first item b. The second item c. The third list item", &["a. The first item", "b. The second item", "c. The third list item"])]
    #[case::bullets("• 9. The first item • 10. The second item", &["• 9. The first item", "• 10. The second item"])]
    #[case::glued_headlines("AmazonCloud-Service AWS plant ohne Forschungslabor", &["Amazon", "Cloud-Service AWS plant ohne Forschungslabor"])]
    #[case::camel_case_kept("WeChat und YouTube melden Zahlen", &["WeChat und YouTube melden Zahlen"])]
    #[case::wrapped_line("It was a cold \nnight in the city.", &["It was a cold \nnight in the city."])]
    #[case::run_in_headline_de("Der Konzern möchte im US-Geschäft zulegen Der Milliardendeal hat Folgen für Siemens.", &["Der Konzern möchte im US-Geschäft zulegen", "Der Milliardendeal hat Folgen für Siemens."])]
    #[case::run_in_only_first_sentence("Er kam. Sie las das Magazin Der Spiegel am Morgen gern.", &["Er kam.", "Sie las das Magazin Der Spiegel am Morgen gern."])]
    #[case::run_in_headline_zh("西部证券携手梅隆银行 合资基金公司选址上海2月10日晚间，接近高层的人士向记者证实。", &["西部证券携手梅隆银行 合资基金公司选址上海", "2月10日晚间，接近高层的人士向记者证实。"])]
    #[case::run_in_headline_zh_month("环保部调研30个省市在建大项目5月，环保部调研30个省市的在建大项目有了眉目。", &["环保部调研30个省市在建大项目", "5月，环保部调研30个省市的在建大项目有了眉目。"])]
    #[case::zh_time_phrase_inside("中国人民银行宣布将于2018年3月，在北京召开会议。", &["中国人民银行宣布将于2018年3月，在北京召开会议。"])]
    #[case::zh_lead_after_a_source_is_no_headline("据新华社报道，3月10日，中国人民银行下调存款准备金率0.25个百分点。", &["据新华社报道，3月10日，中国人民银行下调存款准备金率0.25个百分点。"])]
    #[case::zh_day_inside_its_date("中国人民银行宣布下调存款准备金率3月10日，各大银行随即跟进。", &["中国人民银行宣布下调存款准备金率", "3月10日，各大银行随即跟进。"])]
    #[case::file_name_glued_to_zh("微信图片_20180627_副本.jpg案发现场的行凶者。", &["微信图片_20180627_副本.jpg", "案发现场的行凶者。"])]
    #[case::cp1252_quotes("他说：\u{93}我再次道歉。\u{94}然后离开。", &["他说：\u{93}我再次道歉。\u{94}", "然后离开。"])]
    // a numbered item after a bullet keeps its number
    #[case::bullet_numbered("• 9. Stop smoking\n• 10. Get some rest", &["• 9. Stop smoking", "• 10. Get some rest"])]
    fn headings_and_lists(#[case] text: &str, #[case] expected: &[&str]) {
        assert_eq!(split(text), expected);
    }

    #[rstest]
    #[case::missing_space_de("Welche Schwierigkeiten in China lauern.Martin Benninghoff schreibt.", &["Welche Schwierigkeiten in China lauern.", "Martin Benninghoff schreibt."])]
    #[case::missing_space_en("Today is Tuesday.Mr. Smith went home.", &["Today is Tuesday.", "Mr. Smith went home."])]
    #[case::missing_space_number("He bought 1,000.That is a lot.", &["He bought 1,000.", "That is a lot."])]
    #[case::domain("Mehr auf remind.me und JD.com heute.", &["Mehr auf remind.me und JD.com heute."])]
    #[case::email("Her email is Jane.Doe@example.com. I sent her an email.", &["Her email is Jane.Doe@example.com.", "I sent her an email."])]
    fn missing_space(#[case] text: &str, #[case] expected: &[&str]) {
        assert_eq!(split(text), expected);
    }

    #[rstest]
    #[case::full_stop("安永已联系亲属。他们抵达上海。", &["安永已联系亲属。", "他们抵达上海。"])]
    #[case::exclamation_question("真的吗？是的！好。", &["真的吗？", "是的！", "好。"])]
    #[case::semicolon_is_no_end("第一点；第二点。", &["第一点；第二点。"])]
    #[case::line_break("获取加密通讯\n阅读免责声明", &["获取加密通讯", "阅读免责声明"])]
    #[case::mixed_en_zh("The lab closed. 实验室关闭了。", &["The lab closed.", "实验室关闭了。"])]
    fn chinese(#[case] text: &str, #[case] expected: &[&str]) {
        assert_eq!(split(text), expected);
    }

    #[rstest]
    #[case::nav_and_dateline(
        "1. Startseite\n2. Unternehmen\n\nMartin Benninghoff 25.07.2025 - 14:55 Uhr Artikel anhören\nAmazon schließt sein Forschungszentrum in Shanghai.",
        &[("1. Startseite", true), ("2. Unternehmen", true), ("Martin Benninghoff 25.07.2025 - 14:55 Uhr", true), ("Artikel anhören", true), ("Amazon schließt sein Forschungszentrum in Shanghai.", false)]
    )]
    #[case::ads(
        "Mehr zum Thema\nAnzeige\nHomeday\nDirekt hier lesen!\n\nDas Labor war Amazons einziges Institut außerhalb der USA.",
        &[("Mehr zum Thema", true), ("Anzeige", true), ("Homeday", true), ("Direkt hier lesen!", true), ("Das Labor war Amazons einziges Institut außerhalb der USA.", false)]
    )]
    #[case::related_topics(
        "Verwandte Themen\nChina\nAmazon\n\nSie alle bangen vor einem eskalierenden Handelsstreit.",
        &[("Verwandte Themen", true), ("China", true), ("Amazon", true), ("Sie alle bangen vor einem eskalierenden Handelsstreit.", false)]
    )]
    #[case::caption("Der Anbieter reduziert seine Präsenz in China. Foto: picture alliance / NurPhoto",
        &[("Der Anbieter reduziert seine Präsenz in China.", false), ("Foto: picture alliance / NurPhoto", true)]
    )]
    #[case::zh_disclaimer(
        "阅读免责声明 : 此处提供的所有内容仅供您提供一般信息。我们不对内容有任何形式的保证。",
        &[("阅读免责声明 :", true), ("此处提供的所有内容仅供您提供一般信息。", true), ("我们不对内容有任何形式的保证。", true)]
    )]
    #[case::zh_traditional_dateline(
        "新華社北京6月15日電 國家統計局週三表示，工業增加值增長了5%。",
        &[("新華社北京6月15日電", true), ("國家統計局週三表示，工業增加值增長了5%。", false)]
    )]
    #[case::site_phrases(
        "The Japan Times Ltd. All rights reserved. This site is optimized for viewing with Netscape. Jetzt 30 Tage kostenlos testen.",
        &[("The Japan Times Ltd. All rights reserved.", true), ("This site is optimized for viewing with Netscape.", true), ("Jetzt 30 Tage kostenlos testen.", true)]
    )]
    #[case::contact_line(
        "If you know more, you can contact Frederic by email (frederic@example.com). The firm employs 300 people.",
        &[("If you know more, you can contact Frederic by email (frederic@example.com).", true), ("The firm employs 300 people.", false)]
    )]
    #[case::an_address_alone_is_no_contact_line(
        "The address jobs@example.com received 3,000 applications in a week.",
        &[("The address jobs@example.com received 3,000 applications in a week.", false)]
    )]
    #[case::not_a_prefix("Anzeigenkunden zahlen in diesem Jahr deutlich mehr als zuvor.", &[("Anzeigenkunden zahlen in diesem Jahr deutlich mehr als zuvor.", false)])]
    #[case::short_statement_of_a_figure("Shanghai. Sales rose 5%. Teil 2.", &[("Shanghai.", true), ("Sales rose 5%.", false), ("Teil 2.", true)])]
    fn boilerplate_is_marked_not_dropped(#[case] text: &str, #[case] expected: &[(&str, bool)]) {
        assert_eq!(boilerplate(text), expected);
    }

    #[rstest]
    #[case("")]
    #[case("   \n\n\t  ")]
    #[case("no punctuation at all just words and more words")]
    #[case("\u{0}\u{1}\u{7}. \u{1b}[0m!")]
    #[case("....... ??? !!! 。。。")]
    #[case("1. 2. 3. 4. 5. a. b. c. • • •")]
    fn degenerate_input(#[case] text: &str) {
        for s in SentenceSplitter::default().split(text) {
            assert!(s.start < s.end && s.end <= text.len());
            let t = &text[s.start..s.end];
            assert_eq!(t, t.trim(), "sentences are trimmed");
        }
    }

    #[test]
    fn sentences_are_ordered_and_disjoint() {
        let text = "Erster Satz. Zweiter Satz!\n\nDritter? 第四句。Fifth one.";
        let s = SentenceSplitter::default().split(text);
        for w in s.windows(2) {
            assert!(w[0].end <= w[1].start);
        }
    }
}
