//! Month and weekday names of every language the pipeline serves, looked up case-blind.

use crate::{de, en, zh};

/// How a period named relative to another lies from it. The other is the period the text
/// reports on (the reporting period), not the publication: an annual report published in
/// February 2021 that says `im Vorjahr` means 2019.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodShift {
    /// The year before (`Vorjahr`, `a year earlier`, `上一年`).
    PreviousYear,
    /// The quarter before (`Vorquartal`, `the prior quarter`, `上季度`).
    PreviousQuarter,
    /// The month before (`Vormonat`, `a month earlier`).
    PreviousMonth,
    /// The same month a year before (`Vorjahresmonat`, `去年同月`).
    SameMonthPreviousYear,
    /// The same period a year before, whatever its length (`去年同期`, `Vorjahreszeitraum`,
    /// `the year-ago quarter`).
    SamePeriodPreviousYear,
}

/// Whether an expression names a period of a fiscal year (`zweiten Quartal des
/// Geschäftsjahres 2019/2020`, `fiscal 2021`, `Q2 FY21`, `2021财年`), whose months depend on
/// where the company's year begins.
pub fn names_fiscal_period(expression: &str) -> bool {
    let lower = expression.to_lowercase();
    de::FISCAL_WORDS
        .iter()
        .chain(en::FISCAL_WORDS)
        .chain(zh::FISCAL_WORDS)
        .any(|w| lower.contains(w))
        || lower.split(|c: char| !c.is_alphanumeric()).any(|w| {
            w.strip_prefix("fy")
                .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// Words that make a plural of time units a period without edges (`die kommenden Monate`,
/// `the coming weeks`, `in recent years`): a date that has no value and states nothing a
/// claim could be checked against.
pub const VAGUE_QUALIFIERS: &[&str] = &["kommenden", "nächsten", "coming", "next few", "recent"];

/// The plural time units of [`VAGUE_QUALIFIERS`].
pub const VAGUE_UNITS: &[&str] = &[
    "monate", "monaten", "wochen", "jahre", "jahren", "months", "weeks", "years",
];

/// Whether an expression is a period without edges (`kommenden Monaten`, `coming weeks`).
pub fn is_vague_period(expression: &str) -> bool {
    let lower = expression.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let Some((unit, qualifier)) = words.split_last() else {
        return false;
    };
    VAGUE_UNITS.contains(unit) && VAGUE_QUALIFIERS.contains(&qualifier.join(" ").as_str())
}

/// The shift an expression names (`Vorjahr`, `a year earlier`, `去年同期`), looked up
/// case-blind with runs of spaces read as one, in every language.
pub fn period_shift(expression: &str) -> Option<PeriodShift> {
    let words: Vec<&str> = expression.split_whitespace().collect();
    let lower = words.join(" ").to_lowercase();
    de::PERIOD_SHIFTS
        .iter()
        .chain(en::PERIOD_SHIFTS)
        .chain(zh::PERIOD_SHIFTS)
        .find(|(w, _)| *w == lower)
        .map(|t| t.1)
}

/// A month named in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Month {
    /// 1 to 12.
    pub number: u32,
    /// Written abbreviated (`Okt.`, `Sept`): also a first name or a word on its own (`Jan`,
    /// `Mar`), so callers that are not reading a date may want only full names.
    pub abbreviation: bool,
}

/// The month a word names, in German or English; a trailing full stop is ignored
/// (`Sept.`).
pub fn month(word: &str) -> Option<Month> {
    let lower = word.to_lowercase();
    let lower = lower.trim_end_matches('.');
    let find = |table: &[(&str, u32)]| table.iter().find(|(n, _)| *n == lower).map(|t| t.1);
    if let Some(number) = find(de::MONTHS).or_else(|| find(en::MONTHS)) {
        return Some(Month {
            number,
            abbreviation: false,
        });
    }
    find(de::MONTH_ABBREVIATIONS)
        .or_else(|| find(en::MONTH_ABBREVIATIONS))
        .map(|number| Month {
            number,
            abbreviation: true,
        })
}

/// The weekday a word names, in German or English.
pub fn weekday(word: &str) -> Option<chrono::Weekday> {
    let lower = word.to_lowercase();
    de::WEEKDAYS
        .iter()
        .chain(en::WEEKDAYS)
        .find(|(n, _)| *n == lower)
        .map(|t| t.1)
}

/// Words after which a bare four-digit number is a year even when a noun follows it: `in
/// 2020 sales rose`, `since 2019 prices have`, `Anfang 2023 Preise`, `at the start of 2023
/// prices` (the word before `of`). A count after them is written with a separator (`in 2,020
/// cases`). Case-blind.
///
/// ```
/// use claimx_lang::calendar::governs_a_year;
/// assert!(governs_a_year("Since", None));
/// assert!(governs_a_year("of", Some("end")));
/// assert!(!governs_a_year("of", Some("group")));
/// assert!(governs_a_year("Anfang", None));
/// ```
pub fn governs_a_year(word: &str, before: Option<&str>) -> bool {
    let lower = word.to_lowercase();
    if lower == "of" {
        let before = before.map(str::to_lowercase);
        return before.is_some_and(|b| en::YEAR_PARTS.contains(&b.as_str()));
    }
    en::YEAR_PREPOSITIONS.contains(&lower.as_str())
        || de::YEAR_PREPOSITIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("Januar", Some((1, false)))]
    #[case("Jänner", Some((1, false)))]
    #[case("MAY", Some((5, false)))]
    #[case("Sept.", Some((9, true)))]
    #[case("Okt", Some((10, true)))]
    #[case("Mär.", Some((3, true)))]
    #[case("Mar", Some((3, true)))]
    #[case("Monat", None)]
    #[case("", None)]
    fn months(#[case] word: &str, #[case] want: Option<(u32, bool)>) {
        assert_eq!(month(word).map(|m| (m.number, m.abbreviation)), want);
    }

    #[rstest]
    #[case("Vorjahr", Some(PeriodShift::PreviousYear))]
    #[case("Jahr  zuvor", Some(PeriodShift::PreviousYear))]
    #[case("A year earlier", Some(PeriodShift::PreviousYear))]
    #[case("Vorjahresmonat", Some(PeriodShift::SameMonthPreviousYear))]
    #[case("year-ago quarter", Some(PeriodShift::SamePeriodPreviousYear))]
    #[case("去年同期", Some(PeriodShift::SamePeriodPreviousYear))]
    #[case("上季度", Some(PeriodShift::PreviousQuarter))]
    #[case("last year", None)]
    #[case("去年", None)]
    fn period_shifts(#[case] expression: &str, #[case] want: Option<PeriodShift>) {
        assert_eq!(period_shift(expression), want);
    }

    #[test]
    fn vague_periods() {
        assert!(is_vague_period("kommenden Monaten"));
        assert!(is_vague_period("next few  years"));
        assert!(!is_vague_period("kommenden Monat"));
        assert!(!is_vague_period("vergangenen zwei Jahre"));
    }

    #[rstest]
    #[case("zweiten Quartal des Geschäftsjahres 2019/2020", true)]
    #[case("fiscal first quarter", true)]
    #[case("Q2 FY21", true)]
    #[case("Q2 FY", true)]
    #[case("2021财年第一季度", true)]
    #[case("zweiten Quartal", false)]
    #[case("Fyodor", false)]
    fn fiscal_periods(#[case] expression: &str, #[case] fiscal: bool) {
        assert_eq!(names_fiscal_period(expression), fiscal);
    }

    #[test]
    fn every_language_names_twelve_months_and_seven_days() {
        for table in [crate::de::MONTHS, crate::en::MONTHS] {
            let mut numbers: Vec<u32> = table.iter().map(|t| t.1).collect();
            numbers.dedup();
            assert_eq!(numbers, (1..=12).collect::<Vec<_>>());
        }
        for table in [crate::de::WEEKDAYS, crate::en::WEEKDAYS] {
            let mut days: Vec<u32> = table.iter().map(|t| t.1.num_days_from_monday()).collect();
            days.dedup();
            assert_eq!(days, (0..7).collect::<Vec<_>>());
        }
        assert_eq!(weekday("Sonnabend"), Some(chrono::Weekday::Sat));
        assert_eq!(weekday("Thursday"), Some(chrono::Weekday::Thu));
    }
}
