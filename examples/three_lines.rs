//! The library facade in three lines: build the default pipeline, annotate a document, use
//! the figures. Run: `cargo run --release --example three_lines`
use claimx_core::Pipeline;
use claimx_doc::Document;

fn main() -> Result<(), claimx_doc::DocumentError> {
    let pipeline = Pipeline::default();
    let doc = Document::new(
        "d1",
        "Amazon hatte am Donnerstag über 1.000 Mitarbeiter in China.",
    )
    .with_published("2025-07-24");
    let annotated = pipeline.extract(&doc)?;

    for f in &annotated.figures {
        println!(
            "{:<12} {:<9} {:?} bound={:?} unit={:?} chars {}..{}",
            f.text,
            f.kind.name(),
            f.value,
            f.bound,
            f.unit,
            f.span.start,
            f.span.end
        );
    }
    Ok(())
}
