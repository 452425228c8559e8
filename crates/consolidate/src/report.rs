//! A readable report of fact groups, in Markdown or as one self-contained HTML page (opens in
//! a browser, no server): grouped by subject, sources side by side, conflicts first and
//! highlighted.

use crate::{FactGroup, Label, Member};
use std::fmt::Write;

/// The columns of a group's table, one row per member.
const COLUMNS: [&str; 6] = [
    "source",
    "lang",
    "subject",
    "figure",
    "attribution",
    "sentence",
];

fn cells(m: &Member) -> [&str; 6] {
    [
        &m.document,
        &m.lang,
        m.subject.as_deref().unwrap_or(""),
        &m.figure,
        m.attribution.as_deref().unwrap_or(""),
        &m.sentence,
    ]
}

fn label_name(label: Label) -> &'static str {
    match label {
        Label::Conflict => "conflict",
        Label::Compatible => "compatible",
        Label::Agree => "agree",
    }
}

fn subject_of(g: &FactGroup) -> String {
    if g.subjects.is_empty() {
        "(subject not named)".to_string()
    } else {
        g.subjects.join(" / ")
    }
}

/// Conflicts first, then compatible, then agreeing groups; by subject and measure within.
fn ordered(groups: &[FactGroup]) -> Vec<&FactGroup> {
    let mut order: Vec<&FactGroup> = groups.iter().collect();
    order.sort_by(|a, b| {
        b.label
            .cmp(&a.label)
            .then(a.subjects.cmp(&b.subjects))
            .then(a.measure.cmp(&b.measure))
    });
    order
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The groups as Markdown (renders in any Markdown viewer, or on GitHub, with no server).
pub fn markdown(groups: &[FactGroup]) -> String {
    let mut out = String::from("# Facts across sources\n\n");
    let count = |l: Label| groups.iter().filter(|g| g.label == l).count();
    let _ = writeln!(
        out,
        "{} groups: {} conflict, {} compatible, {} agree.\n",
        groups.len(),
        count(Label::Conflict),
        count(Label::Compatible),
        count(Label::Agree)
    );
    for g in ordered(groups) {
        let mark = match g.label {
            Label::Conflict => "**CONFLICT**",
            other => label_name(other),
        };
        let (subject, measure) = (cell(&subject_of(g)), cell(&g.measure));
        let _ = writeln!(out, "## {subject} — {measure} — {mark}\n");
        let _ = writeln!(out, "{}\n", g.reason);
        let _ = writeln!(out, "| {} |", COLUMNS.join(" | "));
        let _ = writeln!(out, "|{}", "---|".repeat(COLUMNS.len()));
        for m in &g.members {
            let row: Vec<String> = cells(m).iter().map(|c| cell(c)).collect();
            let _ = writeln!(out, "| {} |", row.join(" | "));
        }
        out.push('\n');
    }
    out
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The groups as one HTML page with its own style sheet; conflicts on a red ground.
pub fn html(groups: &[FactGroup]) -> String {
    let mut out = String::from(
        "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Facts across sources</title>\n<style>\nbody{font-family:sans-serif;max-width:80em;margin:2em auto}\ntable{border-collapse:collapse;width:100%;margin-bottom:2em}\ntd,th{border:1px solid #ccc;padding:.3em;vertical-align:top;text-align:left}\n.conflict h2{background:#fdd}.compatible h2{background:#ffd}.agree h2{background:#dfd}\n</style></head><body>\n<h1>Facts across sources</h1>\n",
    );
    for g in ordered(groups) {
        let label = label_name(g.label);
        let _ = writeln!(
            out,
            "<section class=\"{label}\"><h2>{} — {} — {label}</h2><p>{}</p>",
            esc(&subject_of(g)),
            esc(&g.measure),
            esc(&g.reason)
        );
        let _ = writeln!(
            out,
            "<table><tr><th>{}</th></tr>",
            COLUMNS.join("</th><th>")
        );
        for m in &g.members {
            let row: Vec<String> = cells(m).iter().map(|c| esc(c)).collect();
            let _ = writeln!(out, "<tr><td>{}</td></tr>", row.join("</td><td>"));
        }
        out.push_str("</table></section>\n");
    }
    out.push_str("</body></html>\n");
    out
}
