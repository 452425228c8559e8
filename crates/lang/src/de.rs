//! German words the stages read.

use crate::calendar::PeriodShift;

/// Month names and their numbers; abbreviations are written without their full stop.
pub const MONTHS: &[(&str, u32)] = &[
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("april", 4),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("august", 8),
    ("september", 9),
    ("oktober", 10),
    ("november", 11),
    ("dezember", 12),
];

/// Abbreviated month names (`Okt.`), without the full stop.
pub const MONTH_ABBREVIATIONS: &[(&str, u32)] = &[
    ("jan", 1),
    ("feb", 2),
    ("mär", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("okt", 10),
    ("nov", 11),
    ("dez", 12),
];

/// Weekday names, Monday first (`Sonnabend` is the northern Saturday).
pub const WEEKDAYS: &[(&str, chrono::Weekday)] = &[
    ("montag", chrono::Weekday::Mon),
    ("dienstag", chrono::Weekday::Tue),
    ("mittwoch", chrono::Weekday::Wed),
    ("donnerstag", chrono::Weekday::Thu),
    ("freitag", chrono::Weekday::Fri),
    ("samstag", chrono::Weekday::Sat),
    ("sonnabend", chrono::Weekday::Sat),
    ("sonntag", chrono::Weekday::Sun),
];

/// Periods named by their distance from the period the text reports on (lower case):
/// `Vorjahr` is the year before the one the article is about, not always the year before
/// Words that make a period a fiscal one (lower case): `Geschäftsjahr 2019/2020`.
pub const FISCAL_WORDS: &[&str] = &["geschäftsjahr", "geschäftsquartal", "fiskaljahr"];

/// publication.
pub const PERIOD_SHIFTS: &[(&str, PeriodShift)] = &[
    ("vorjahr", PeriodShift::PreviousYear),
    ("vorjahres", PeriodShift::PreviousYear),
    ("jahr zuvor", PeriodShift::PreviousYear),
    ("jahr davor", PeriodShift::PreviousYear),
    ("vorquartal", PeriodShift::PreviousQuarter),
    ("vorquartals", PeriodShift::PreviousQuarter),
    ("vormonat", PeriodShift::PreviousMonth),
    ("vormonats", PeriodShift::PreviousMonth),
    ("vorjahresmonat", PeriodShift::SameMonthPreviousYear),
    ("vorjahresmonats", PeriodShift::SameMonthPreviousYear),
    ("vorjahreszeitraum", PeriodShift::SamePeriodPreviousYear),
    ("vorjahreszeitraums", PeriodShift::SamePeriodPreviousYear),
    ("vorjahresquartal", PeriodShift::SamePeriodPreviousYear),
    ("vorjahresquartals", PeriodShift::SamePeriodPreviousYear),
];

/// Speech verbs that introduce their source after them: `sagte Brad Glasser`.
pub const ATTRIBUTION_VERBS: &[&str] = &["sagte", "bestätigte", "erklärte"];

/// Report verbs whose `dass`-clause carries the fact: `Amazon bestätigte, dass …`.
pub const REPORTING_VERBS: &[&str] = &[
    "bestätigte",
    "sagte",
    "erklärte",
    "teilte",
    "betonte",
    "meldete",
    "bestätigt",
    "sagt",
];

/// Prepositions that name a source before it: `laut Reuters`, `nach Angaben von …`.
pub const ATTRIBUTION_PREPOSITIONS: &[&str] = &["laut", "nach"];

/// Postpositions that name a source before them: `Berichten zufolge`.
pub const ATTRIBUTION_POSTPOSITIONS: &[&str] = &["zufolge"];

/// Words that mark a statement as hedged or reported (`soll`, Konjunktiv forms).
pub const HEDGES: &[&str] = &[
    "soll",
    "sollen",
    "angeblich",
    "vermutlich",
    "könnte",
    "könnten",
    "dürfte",
];

/// Phrases (lower case) that mark a statement as hedged.
pub const HEDGE_PHRASES: &[&str] = &["schätzungen zufolge", "laut berichten"];

/// Negation words.
pub const NEGATIONS: &[&str] = &["nicht", "kein", "keine", "keinen", "nie", "niemals"];

/// Participles that date a founding or opening: `das 2018 gegründete Labor`.
pub const FOUNDING_VERBS: &[&str] = &[
    "gegründet",
    "gegründete",
    "gegründetes",
    "gegründeten",
    "gegründeter",
    "eröffnet",
    "eröffnete",
    "eröffnetes",
    "eröffneten",
];

/// Words that are capitalised only where a sentence starts (articles, pronouns): capitalised
/// after another word with no punctuation between, they open a new sentence, as where a
/// headline runs into the text (`… deutlich zulegen Der Milliardendeal hat …`).
pub const CAPITALISED_ONLY_AT_START: &[&str] = &[
    "Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Einen", "Einem", "Eines", "Er", "Es",
    "Wir", "Ich", "Dieser", "Diese", "Dieses",
];

/// Words after which a bare four-digit number is a year (`Anfang 2023 Preise`, `seit 2019
/// Mitarbeiter`), lower case.
pub const YEAR_PREPOSITIONS: &[&str] = &[
    "im",
    "seit",
    "bis",
    "ab",
    "anfang",
    "ende",
    "mitte",
    "frühjahr",
    "sommer",
    "herbst",
    "winter",
    "jahr",
    "jahres",
    "während",
];
