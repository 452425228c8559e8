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

/// When a named holiday falls in a given year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HolidayRule {
    /// The same month and day every year (`Heiligabend`, `Independence Day`, `国庆节`).
    Fixed(u32, u32),
    /// Days from Western Easter Sunday (`Karfreitag` −2, `Pfingstmontag` +50).
    Easter(i64),
    /// The n-th weekday of a month, counted from its end when n is negative (`Thanksgiving`:
    /// the fourth Thursday of November; `Memorial Day`: the last Monday of May), then
    /// `days` on (`Black Friday`: the day after Thanksgiving).
    NthWeekday {
        /// Month, 1 to 12.
        month: u32,
        /// The weekday.
        weekday: chrono::Weekday,
        /// 1 for the first, −1 for the last.
        n: i32,
        /// Days after that weekday.
        days: i64,
    },
    /// A holiday of the lunar calendar (`春节`, `中秋节`): a date, but none this table can
    /// compute.
    Lunar,
}

impl HolidayRule {
    /// The `n`-th `weekday` of `month` (from its end when `n` is negative), then `days` on.
    pub const fn nth(month: u32, weekday: chrono::Weekday, n: i32, days: i64) -> Self {
        HolidayRule::NthWeekday {
            month,
            weekday,
            n,
            days,
        }
    }

    /// The holiday's date in `year` (none for the lunar ones).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use claimx_lang::calendar::holiday;
    ///
    /// let easter = holiday("Ostermontag").unwrap().date_in(2021);
    /// assert_eq!(easter, NaiveDate::from_ymd_opt(2021, 4, 5));
    /// let thanksgiving = holiday("Thanksgiving").unwrap().date_in(2021);
    /// assert_eq!(thanksgiving, NaiveDate::from_ymd_opt(2021, 11, 25));
    /// ```
    pub fn date_in(self, year: i32) -> Option<chrono::NaiveDate> {
        use chrono::{Duration, NaiveDate};
        match self {
            HolidayRule::Fixed(m, d) => NaiveDate::from_ymd_opt(year, m, d),
            HolidayRule::Easter(days) => Some(easter_sunday(year)? + Duration::days(days)),
            HolidayRule::NthWeekday {
                month,
                weekday,
                n,
                days,
            } => {
                let day = if n > 0 {
                    NaiveDate::from_weekday_of_month_opt(
                        year,
                        month,
                        weekday,
                        u8::try_from(n).ok()?,
                    )?
                } else {
                    let (y, m) = if month == 12 {
                        (year + 1, 1)
                    } else {
                        (year, month + 1)
                    };
                    let last = NaiveDate::from_ymd_opt(y, m, 1)? - Duration::days(1);
                    prev_weekday(last, weekday) - Duration::weeks(-n as i64 - 1)
                };
                Some(day + Duration::days(days))
            }
            HolidayRule::Lunar => None,
        }
    }
}

/// The last `day` on or before `date` (the day itself when it is one).
pub fn prev_weekday(date: chrono::NaiveDate, day: chrono::Weekday) -> chrono::NaiveDate {
    use chrono::Datelike;
    let diff = (date.weekday().num_days_from_monday() + 7 - day.num_days_from_monday()) % 7;
    date - chrono::Duration::days(diff as i64)
}

/// The first `day` on or after `date` (the day itself when it is one).
pub fn next_weekday(date: chrono::NaiveDate, day: chrono::Weekday) -> chrono::NaiveDate {
    use chrono::Datelike;
    let diff = (day.num_days_from_monday() + 7 - date.weekday().num_days_from_monday()) % 7;
    date + chrono::Duration::days(diff as i64)
}

/// Western Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).
fn easter_sunday(year: i32) -> Option<chrono::NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    chrono::NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// Every holiday name of the three languages, longest first (for a pattern that must prefer
/// `zweiter Weihnachtsfeiertag` to `Weihnachten`'s kin and `Christmas Eve` to `Christmas`).
pub fn holiday_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = de::HOLIDAYS
        .iter()
        .chain(en::HOLIDAYS)
        .chain(zh::HOLIDAYS)
        .map(|(n, _)| *n)
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names
}

/// The rule of a holiday named `name` (as written in the lists, case-blind for Latin
/// script; a straight or curly apostrophe alike).
pub fn holiday(name: &str) -> Option<HolidayRule> {
    let key = name.replace('’', "'").to_lowercase();
    de::HOLIDAYS
        .iter()
        .chain(en::HOLIDAYS)
        .chain(zh::HOLIDAYS)
        .find(|(n, _)| n.to_lowercase() == key)
        .map(|(_, r)| *r)
}

#[cfg(test)]
mod holiday_tests {
    use super::*;
    use chrono::NaiveDate;
    use rstest::rstest;

    #[rstest]
    #[case::easter_2021("Ostern", 2021, (4, 4))]
    #[case::easter_2024("Easter Sunday", 2024, (3, 31))]
    #[case::good_friday("Karfreitag", 2025, (4, 18))]
    #[case::pentecost_monday("Pfingstmontag", 2021, (5, 24))]
    #[case::ascension("Christi Himmelfahrt", 2021, (5, 13))]
    #[case::thanksgiving("Thanksgiving", 2020, (11, 26))]
    #[case::black_friday("Black Friday", 2020, (11, 27))]
    #[case::memorial_day("Memorial Day", 2021, (5, 31))]
    #[case::labor_day("Labor Day", 2021, (9, 6))]
    #[case::mothers_day("Muttertag", 2021, (5, 9))]
    #[case::christmas_eve("Heiligabend", 2021, (12, 24))]
    #[case::national_day("国庆节", 2021, (10, 1))]
    fn holidays_fall_on_their_days(#[case] name: &str, #[case] year: i32, #[case] md: (u32, u32)) {
        let rule = holiday(name).unwrap_or_else(|| panic!("{name} is a holiday"));
        assert_eq!(
            rule.date_in(year),
            NaiveDate::from_ymd_opt(year, md.0, md.1)
        );
    }

    #[test]
    fn lunar_holidays_have_no_computed_date() {
        assert_eq!(holiday("春节").and_then(|r| r.date_in(2021)), None);
        assert!(holiday("春节").is_some());
    }
}
