//! A look at annotated documents: one self-contained HTML page (no script) with each
//! document's text, its entities and figures marked as spaCy's displaCy marks entities, and
//! its claims in a table; error records listed with their reason. `claimx extract --html`
//! writes it for the first documents of a run (the same view as Python's `claimx.render`).

use claimx_doc::{AnnotatedDocument, DocumentError};
use std::fmt::Write;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn colour(label: &str) -> &'static str {
    match label {
        "PER" => "#aa9cfc",
        "ORG" => "#7aecec",
        "LOC" => "#ff9561",
        "MISC" => "#c887fb",
        _ => "#feca74",
    }
}

const STYLE: &str = "body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}\
.doc{border-top:3px solid #888;margin-top:2em;line-height:2.2}\
mark{padding:.2em .35em;border-radius:.35em;line-height:1}\
mark span{font-size:.7em;font-weight:bold;margin-left:.4em}\
table{border-collapse:collapse;width:100%;line-height:1.4;margin-top:1em}\
td,th{border:1px solid #ccc;padding:.3em;text-align:left;vertical-align:top}\
th{background:#f4f4f4}.error{color:#a00}";

/// The text with entities and figures marked (byte offsets; where spans overlap the earlier
/// one wins).
fn marked(doc: &AnnotatedDocument, text: &str) -> String {
    let mut spans: Vec<(usize, usize, &str, &str)> = doc
        .entities
        .iter()
        .map(|e| {
            (
                e.span.byte_start,
                e.span.byte_end,
                e.kind.as_str(),
                "entity",
            )
        })
        .chain(
            doc.figures
                .iter()
                .map(|f| (f.span.byte_start, f.span.byte_end, f.kind.name(), "figure")),
        )
        .collect();
    spans.sort();
    let mut out = String::new();
    let mut at = 0;
    for (start, end, label, class) in spans {
        let (Some(before), Some(inside)) = (text.get(at..start), text.get(start..end)) else {
            continue;
        };
        if start < at {
            continue;
        }
        out.push_str(&esc(before));
        let colour = if class == "figure" {
            colour("")
        } else {
            colour(label)
        };
        let _ = write!(
            out,
            "<mark class=\"{class}\" style=\"background:{colour}\">{}<span>{label}</span></mark>",
            esc(inside)
        );
        at = end;
    }
    out.push_str(&esc(text.get(at..).unwrap_or("")));
    out.replace('\n', "<br>\n")
}

/// One page of documents: each record with its text, or an error record with its reason.
pub fn html_sample<'a>(
    records: impl IntoIterator<Item = (&'a Result<AnnotatedDocument, DocumentError>, &'a str)>,
) -> String {
    let mut out = format!(
        "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>claimx records</title><style>{STYLE}</style></head><body>\n<h1>claimx records</h1>\n"
    );
    for (rec, text) in records {
        match rec {
            Err(e) => {
                let _ = writeln!(
                    out,
                    "<div class=\"doc\"><h2>{}</h2><p class=\"error\">{} stage: {}: {}</p></div>",
                    esc(&e.id),
                    esc(e.stage.name()),
                    esc(&e.kind),
                    esc(&e.message)
                );
            }
            Ok(doc) => {
                let _ = writeln!(
                    out,
                    "<div class=\"doc\" id=\"{}\"><h2>{} <small>({}, {} entities, {} figures, {} claims)</small></h2><p>{}</p>",
                    esc(&doc.id),
                    esc(&doc.id),
                    doc.lang.code(),
                    doc.entities.len(),
                    doc.figures.len(),
                    doc.claims.len(),
                    marked(doc, text)
                );
                out.push_str("<table class=\"claims\"><tr><th>subject</th><th>predicate</th><th>figure</th><th>time</th><th>attribution</th><th>hedged</th><th>confidence</th></tr>\n");
                let figure = |i: Option<usize>| {
                    i.and_then(|i| doc.figures.get(i))
                        .map_or(String::new(), |f| esc(&f.text))
                };
                for c in &doc.claims {
                    let _ = writeln!(
                        out,
                        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{:.2}</td></tr>",
                        esc(c.subject.as_deref().unwrap_or("")),
                        esc(c.predicate.as_deref().unwrap_or("")),
                        figure(c.figure),
                        figure(c.time),
                        esc(c.attribution.as_deref().unwrap_or("")),
                        if c.hedged { "yes" } else { "" },
                        c.confidence
                    );
                }
                out.push_str("</table></div>\n");
            }
        }
    }
    out.push_str("</body></html>\n");
    out
}
