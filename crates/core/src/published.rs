//! The publication date of a document: the input's, else the figure stage's dateline.

use crate::{DocumentRef, Stage};
use chrono::NaiveDate;
use claimx_doc::{DateSource, DocumentError, OffsetIndex, Published};
use claimx_figures::FigureExtraction;

/// A date with a time of day as dumps write them: RFC 3339 (`2025-07-24T14:50:00+02:00`,
/// `…Z`), or a local time with `T` or a space, with or without seconds and fractions.
pub(crate) fn valid_date_time(p: &str) -> bool {
    chrono::DateTime::parse_from_rfc3339(p).is_ok()
        || chrono::DateTime::parse_from_str(p, "%Y-%m-%dT%H:%M:%S%.f%z").is_ok()
        || [
            "%Y-%m-%dT%H:%M:%S%.f",
            "%Y-%m-%d %H:%M:%S%.f",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M",
        ]
        .iter()
        .any(|f| chrono::NaiveDateTime::parse_from_str(p, f).is_ok())
}

/// The publication date: the input's, else a dateline `figures` finds in the text.
pub(crate) fn resolve_published(
    doc: DocumentRef<'_>,
    figures: &dyn FigureExtraction,
) -> Result<Option<Published>, DocumentError> {
    if let Some(p) = doc.published.map(str::trim).filter(|p| !p.is_empty()) {
        let date_part = p.get(..10).unwrap_or(p);
        let date = NaiveDate::parse_from_str(date_part, "%Y-%m-%d")
            .ok()
            .filter(|_| p.len() == date_part.len() || valid_date_time(p));
        return match date {
            Some(d) => Ok(Some(Published {
                date: d.format("%Y-%m-%d").to_string(),
                source: DateSource::Input,
                span: None,
            })),
            None => Err(DocumentError::new(
                doc.id,
                Stage::Input,
                "bad_published",
                format!("published {p:?} is not an ISO 8601 date (YYYY-MM-DD[THH:MM:SS])"),
            )),
        };
    }
    Ok(figures.dateline(doc.text).map(|(d, s, e)| Published {
        date: d.format("%Y-%m-%d").to_string(),
        source: DateSource::Dateline,
        span: Some(OffsetIndex::new(doc.text).span(s, e)),
    }))
}
