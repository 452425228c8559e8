//! English words the stages read.

use crate::calendar::{HolidayRule, PeriodShift};
use chrono::Weekday;

/// Month names and their numbers.
pub const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
];

/// Abbreviated month names (`Oct.`), without the full stop.
pub const MONTH_ABBREVIATIONS: &[(&str, u32)] = &[
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Holidays by name, as dates (`on Christmas Eve`, `by Thanksgiving`): the fixed ones,
/// those counted from Easter, and those on the n-th weekday of a month (United States).
pub const HOLIDAYS: &[(&str, HolidayRule)] = &[
    ("New Year's Day", HolidayRule::Fixed(1, 1)),
    ("New Year's Eve", HolidayRule::Fixed(12, 31)),
    ("Valentine's Day", HolidayRule::Fixed(2, 14)),
    ("St. Patrick's Day", HolidayRule::Fixed(3, 17)),
    ("Independence Day", HolidayRule::Fixed(7, 4)),
    ("Halloween", HolidayRule::Fixed(10, 31)),
    ("Veterans Day", HolidayRule::Fixed(11, 11)),
    ("Christmas Eve", HolidayRule::Fixed(12, 24)),
    ("Christmas Day", HolidayRule::Fixed(12, 25)),
    ("Christmas", HolidayRule::Fixed(12, 25)),
    ("Boxing Day", HolidayRule::Fixed(12, 26)),
    ("Good Friday", HolidayRule::Easter(-2)),
    ("Easter", HolidayRule::Easter(0)),
    ("Easter Sunday", HolidayRule::Easter(0)),
    ("Easter Monday", HolidayRule::Easter(1)),
    (
        "Martin Luther King Jr. Day",
        HolidayRule::nth(1, Weekday::Mon, 3, 0),
    ),
    ("Mother's Day", HolidayRule::nth(5, Weekday::Sun, 2, 0)),
    ("Memorial Day", HolidayRule::nth(5, Weekday::Mon, -1, 0)),
    ("Labor Day", HolidayRule::nth(9, Weekday::Mon, 1, 0)),
    ("Thanksgiving", HolidayRule::nth(11, Weekday::Thu, 4, 0)),
    ("Thanksgiving Day", HolidayRule::nth(11, Weekday::Thu, 4, 0)),
    ("Black Friday", HolidayRule::nth(11, Weekday::Thu, 4, 1)),
    ("Cyber Monday", HolidayRule::nth(11, Weekday::Thu, 4, 4)),
];

/// Weekday names, Monday first.
pub const WEEKDAYS: &[(&str, chrono::Weekday)] = &[
    ("monday", chrono::Weekday::Mon),
    ("tuesday", chrono::Weekday::Tue),
    ("wednesday", chrono::Weekday::Wed),
    ("thursday", chrono::Weekday::Thu),
    ("friday", chrono::Weekday::Fri),
    ("saturday", chrono::Weekday::Sat),
    ("sunday", chrono::Weekday::Sun),
];

/// Periods named by their distance from the period the text reports on (lower case, one
/// space between words; the article is not part of them): "a year earlier", "the previous
/// Words that make a period a fiscal one (lower case; `FY21` is read apart).
pub const FISCAL_WORDS: &[&str] = &["fiscal"];

/// year" are the year before the one the article is about.
pub const PERIOD_SHIFTS: &[(&str, PeriodShift)] = &[
    ("a year earlier", PeriodShift::PreviousYear),
    ("a year before", PeriodShift::PreviousYear),
    ("previous year", PeriodShift::PreviousYear),
    ("prior year", PeriodShift::PreviousYear),
    ("preceding year", PeriodShift::PreviousYear),
    ("year before", PeriodShift::PreviousYear),
    ("previous quarter", PeriodShift::PreviousQuarter),
    ("prior quarter", PeriodShift::PreviousQuarter),
    ("preceding quarter", PeriodShift::PreviousQuarter),
    ("a month earlier", PeriodShift::PreviousMonth),
    ("previous month", PeriodShift::PreviousMonth),
    ("prior month", PeriodShift::PreviousMonth),
    ("preceding month", PeriodShift::PreviousMonth),
    ("year-earlier period", PeriodShift::SamePeriodPreviousYear),
    ("year-ago period", PeriodShift::SamePeriodPreviousYear),
    ("year-earlier quarter", PeriodShift::SamePeriodPreviousYear),
    ("year-ago quarter", PeriodShift::SamePeriodPreviousYear),
    ("same period last year", PeriodShift::SamePeriodPreviousYear),
    (
        "same period a year earlier",
        PeriodShift::SamePeriodPreviousYear,
    ),
    (
        "same quarter last year",
        PeriodShift::SamePeriodPreviousYear,
    ),
    (
        "same quarter a year earlier",
        PeriodShift::SamePeriodPreviousYear,
    ),
];

/// Prepositions before `half` that make it a change of 50 %: `cut in half`, `fell by half`.
pub const HALVING_PREPOSITIONS: &[&str] = &["in", "by"];

/// Nouns after `five-pound` that make it money, not a weight: `a five-pound note`.
pub const BANKNOTE_NOUNS: &[&str] = &["note", "notes", "coin", "coins", "sterling"];

/// Speech and report verbs that attribute a clause to a source: `X said`, `said X`.
pub const ATTRIBUTION_VERBS: &[&str] = &["said", "claimed", "reported", "reports"];

/// Speech verbs that open reported speech: `sources said the division employed …`.
pub const REPORTED_SPEECH_VERBS: &[&str] = &["said", "says", "claimed"];

/// Words that mark a statement as hedged or reported.
pub const HEDGES: &[&str] = &[
    "reportedly",
    "allegedly",
    "may",
    "might",
    "could",
    "estimated",
    "reports",
];

/// Negation words (`didn`, `don` as `didn't`, `don't` split at the apostrophe).
pub const NEGATIONS: &[&str] = &["not", "no", "never", "didn", "don"];

/// Participles that date a founding or opening: `a unit established in 2018`.
pub const FOUNDING_VERBS: &[&str] = &[
    "established",
    "founded",
    "launched",
    "created",
    "opened",
    "set",
];

/// Demonyms and nationality adjectives, which English capitalises and the guideline does
/// not annotate as entities.
pub const DEMONYMS: &[&str] = &[
    "African",
    "American",
    "Arab",
    "Asian",
    "Australian",
    "Austrian",
    "Brazilian",
    "British",
    "Canadian",
    "Chinese",
    "Dutch",
    "European",
    "French",
    "German",
    "Indian",
    "Iranian",
    "Israeli",
    "Italian",
    "Japanese",
    "Korean",
    "Mexican",
    "Polish",
    "Russian",
    "Spanish",
    "Swiss",
    "Taiwanese",
    "Turkish",
    "Ukrainian",
    "Western",
];

/// Company forms and name suffixes written with a stop that belongs to the name
/// (`Kmart Holding Corp.`, `Sears, Roebuck & Co.`, `Martin Luther King Jr.`), lower case and
/// without the stop.
pub const NAME_FINAL_ABBREVIATIONS: &[&str] = &["inc", "corp", "ltd", "co", "bros", "jr", "sr"];

/// Short forms that name a country whatever the tagger thought (guideline: "US" is LOC).
pub const COUNTRY_SHORT_FORMS: &[&str] = &["US", "USA", "U.S.", "UK", "U.K."];

/// Short forms of international organisations, which a tagger trained on text where they
/// stand for their members' territory takes for places (`EU`); every NER set here that
/// labels them labels them ORG (GermEval, UNER, CoNLL-style sets: `EU` 21 times ORG, never
/// LOC), as does news-dev's gold.
pub const ORGANISATION_SHORT_FORMS: &[&str] =
    &["EU", "E.U.", "UN", "U.N.", "NATO", "OPEC", "WTO", "IMF"];

/// Prepositions after which a bare four-digit number is a year (`in 2020 sales rose`).
pub const YEAR_PREPOSITIONS: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "during",
    "through",
    "throughout",
];

/// The parts of a year named before `of` (`the end of 2022`, `the spring of 2023`).
pub const YEAR_PARTS: &[&str] = &[
    "start",
    "end",
    "beginning",
    "middle",
    "close",
    "rest",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "half",
    "quarter",
    "course",
];
