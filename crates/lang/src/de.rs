//! German words the stages read.

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
