//! A readable report of fact groups: Markdown, grouped by subject, sources side by side,
//! conflicts first and marked.

use crate::{FactGroup, Label};
use std::fmt::Write;

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
    let mut order: Vec<&FactGroup> = groups.iter().collect();
    order.sort_by(|a, b| {
        b.label
            .cmp(&a.label)
            .then(a.subjects.cmp(&b.subjects))
            .then(a.measure.cmp(&b.measure))
    });
    for g in order {
        let mark = match g.label {
            Label::Conflict => "**CONFLICT**",
            Label::Compatible => "compatible",
            Label::Agree => "agree",
        };
        let subject = if g.subjects.is_empty() {
            "(subject not named)".to_string()
        } else {
            g.subjects.join(" / ")
        };
        let _ = writeln!(
            out,
            "## {} — {} — {mark}\n",
            cell(&subject),
            cell(&g.measure)
        );
        let _ = writeln!(out, "{}\n", g.reason);
        out.push_str("| source | lang | subject | figure | attribution | sentence |\n|---|---|---|---|---|---|\n");
        for m in &g.members {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                cell(&m.document),
                m.lang,
                cell(m.subject.as_deref().unwrap_or("")),
                cell(&m.figure),
                cell(m.attribution.as_deref().unwrap_or("")),
                cell(&m.sentence)
            );
        }
        out.push('\n');
    }
    out
}
