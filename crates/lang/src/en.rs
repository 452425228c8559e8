//! English words the stages read.

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
