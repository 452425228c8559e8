//! Reading the publication date from a dateline when the input gives none.

use crate::dates::find_dates;
use chrono::NaiveDate;
use claimx_doc::{FigureType, FigureValue};

/// The first full date in the head of the document (`24.07.2025, 14:50 Uhr`,
/// `2025-07-23 09:50:44`, `24 July 2025`), or in a line that says it is the publication
/// (`Erstpublikation:`, `Published:`) anywhere. Returns the date and its byte span.
pub fn find_dateline(text: &str) -> Option<(NaiveDate, usize, usize)> {
    const MARKERS: &[&str] = &[
        "Erstpublikation",
        "Veröffentlicht",
        "Published",
        "Publiziert",
        "发布时间",
        "发布于",
    ];
    for marker in MARKERS {
        if let Some(pos) = text.find(marker) {
            let line_end = text[pos..]
                .find('\n')
                .map(|e| pos + e)
                .unwrap_or(text.len());
            if let Some(d) = first_full_date(&text[pos..line_end]) {
                return Some((d.0, pos + d.1, pos + d.2));
            }
        }
    }
    // Head of the document: the first 600 bytes (rounded to a char boundary).
    let mut head_end = text.len().min(600);
    while !text.is_char_boundary(head_end) {
        head_end -= 1;
    }
    first_full_date(&text[..head_end])
}

fn first_full_date(s: &str) -> Option<(NaiveDate, usize, usize)> {
    find_dates(s, None)
        .into_iter()
        .find_map(|m| match (m.kind, &m.value) {
            (FigureType::Date, Some(FigureValue::Text(v))) if v.len() == 10 => {
                NaiveDate::parse_from_str(v, "%Y-%m-%d")
                    .ok()
                    .map(|d| (d, m.start, m.end))
            }
            _ => None,
        })
}
