//! Guards: a panic inside one document's stage becomes that document's error record.

use crate::{DocumentRef, Stage, StageTracking};
use claimx_doc::DocumentError;

pub(crate) fn panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

pub(crate) fn stage<T>(
    guarded: bool,
    doc: &DocumentRef<'_>,
    f: impl FnOnce() -> Result<T, DocumentError>,
) -> Result<T, DocumentError> {
    if guarded {
        guard(doc, f)
    } else {
        f()
    }
}

/// Run one document's stage; a panic becomes that document's error.
pub(crate) fn guard<T>(
    doc: &DocumentRef<'_>,
    f: impl FnOnce() -> Result<T, DocumentError>,
) -> Result<T, DocumentError> {
    Stage::reset();
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|payload| {
        let stage = Stage::current().unwrap_or(Stage::Pipeline);
        Err(DocumentError::new(
            doc.id,
            stage,
            "panic",
            format!("the {stage} stage panicked: {}", panic_message(payload)),
        ))
    })
}
