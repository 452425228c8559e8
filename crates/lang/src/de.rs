//! German words the stages read.

use crate::calendar::{HolidayRule, PeriodShift};
use chrono::Weekday;

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

/// Holidays by name, as dates (`an Heiligabend`, `zu Ostern`, `am Tag der Arbeit`): the
/// fixed ones, those counted from Easter, and Mother's Day.
pub const HOLIDAYS: &[(&str, HolidayRule)] = &[
    ("Neujahr", HolidayRule::Fixed(1, 1)),
    ("Neujahrstag", HolidayRule::Fixed(1, 1)),
    ("Dreikönigstag", HolidayRule::Fixed(1, 6)),
    ("Valentinstag", HolidayRule::Fixed(2, 14)),
    ("Tag der Arbeit", HolidayRule::Fixed(5, 1)),
    ("Tag der Deutschen Einheit", HolidayRule::Fixed(10, 3)),
    ("Reformationstag", HolidayRule::Fixed(10, 31)),
    ("Allerheiligen", HolidayRule::Fixed(11, 1)),
    ("Nikolaustag", HolidayRule::Fixed(12, 6)),
    ("Heiligabend", HolidayRule::Fixed(12, 24)),
    ("Heiligen Abend", HolidayRule::Fixed(12, 24)),
    ("Weihnachten", HolidayRule::Fixed(12, 25)),
    ("ersten Weihnachtsfeiertag", HolidayRule::Fixed(12, 25)),
    ("erster Weihnachtsfeiertag", HolidayRule::Fixed(12, 25)),
    ("zweiten Weihnachtsfeiertag", HolidayRule::Fixed(12, 26)),
    ("zweiter Weihnachtsfeiertag", HolidayRule::Fixed(12, 26)),
    ("Silvester", HolidayRule::Fixed(12, 31)),
    ("Rosenmontag", HolidayRule::Easter(-48)),
    ("Aschermittwoch", HolidayRule::Easter(-46)),
    ("Gründonnerstag", HolidayRule::Easter(-3)),
    ("Karfreitag", HolidayRule::Easter(-2)),
    ("Ostern", HolidayRule::Easter(0)),
    ("Ostersonntag", HolidayRule::Easter(0)),
    ("Ostermontag", HolidayRule::Easter(1)),
    ("Christi Himmelfahrt", HolidayRule::Easter(39)),
    ("Pfingsten", HolidayRule::Easter(49)),
    ("Pfingstsonntag", HolidayRule::Easter(49)),
    ("Pfingstmontag", HolidayRule::Easter(50)),
    ("Fronleichnam", HolidayRule::Easter(60)),
    ("Muttertag", HolidayRule::nth(5, Weekday::Sun, 2, 0)),
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

/// Head nouns that make a hyphenated compound after a name a common noun about the name
/// (`Bundesbank-Chef`, `Siemens-Tochter`, `Varian-Aktionäre`, `EU-Kommission`), lower case,
/// matched as the end of the compound's last part (`Außenwirtschaftschef`,
/// `Generaldirektor`). The guideline annotates the name part only; joined names
/// (`Mercedes-Benz`, `Baden-Württemberg`) end in none of these.
pub const COMPOUND_HEAD_NOUNS: &[&str] = &[
    "chef",
    "chefin",
    "chefs",
    "sprecher",
    "sprecherin",
    "vorstand",
    "vorstände",
    "konzern",
    "konzerns",
    "tochter",
    "töchter",
    "aktie",
    "aktien",
    "aktionär",
    "aktionäre",
    "aktionären",
    "gruppe",
    "zentrale",
    "manager",
    "managerin",
    "mitarbeiter",
    "mitarbeiterin",
    "präsident",
    "präsidentin",
    "kommission",
    "ebene",
    "geschäft",
    "geschäfts",
    "markt",
    "marktes",
    "staaten",
    "länder",
    "regierung",
    "minister",
    "ministerin",
    "ministerium",
    "gipfel",
    "mitglied",
    "mitglieder",
    "boss",
    "fans",
    "team",
    "partner",
    "kunden",
    "werk",
    "werke",
    "standort",
    "sparte",
    "angaben",
    "vorhaben",
    "ziele",
    "plan",
    "pläne",
    "programm",
    "papiere",
    "anleihen",
    "beteiligung",
    "übernahme",
    "vertrag",
    "abkommen",
    "krise",
    "verfahren",
    "volkswirt",
    "experte",
    "experten",
    "analyst",
    "analysten",
    "direktor",
    "direktorin",
    "journalist",
    "journalistin",
    "korrespondent",
    "führung",
    "spitze",
    "zahlen",
    "bilanz",
    "umsatz",
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
