//! A readable report of a consolidation, in Markdown or as one self-contained HTML page
//! (opens in a browser, no server, no script): story by story, each fact with its outlets
//! side by side (outlet, title, URL, date), the normalised value range, the figure marked in
//! its sentence, the attribution, and counts; conflicts first and highlighted.

use crate::{Consolidation, FactGroup, Label, Member, Story};
use std::fmt::Write;

fn label_name(label: Label) -> &'static str {
    match label {
        Label::Conflict => "conflict",
        Label::Compatible => "compatible",
        Label::Agree => "agree",
    }
}

fn subject_of(g: &FactGroup) -> String {
    if g.subjects.is_empty() {
        "(subject not resolved)".to_string()
    } else {
        g.subjects.join(" / ")
    }
}

/// A number as a reader writes it: thousands separated, at most three decimals.
pub(crate) fn number(v: f64) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    let rounded = (v * 1000.0).round() / 1000.0;
    let whole = rounded.trunc().abs() as u128;
    let digits = whole.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    let frac = (rounded.abs() - rounded.trunc().abs()).abs();
    if frac > 0.0 {
        let f = format!("{frac:.3}");
        out.push_str(f.trim_start_matches('0').trim_end_matches('0'));
    }
    if rounded < 0.0 {
        out.insert(0, '-');
    }
    out
}

/// The values a figure allows, with its unit: `900,000,000–1,100,000,000 USD`.
fn range(low: f64, high: f64, unit: &str) -> String {
    let unit = match unit {
        "percent" => "%",
        u if u.starts_with("year ") => "",
        u => u,
    };
    // a year is a name, not an amount: 2018, never 2,018
    let show = |v: f64| {
        if unit.is_empty() && v.fract() == 0.0 {
            format!("{v}")
        } else {
            number(v)
        }
    };
    let values = if low == high {
        show(low)
    } else {
        format!("{}–{}", show(low), show(high))
    };
    if unit.is_empty() {
        values
    } else if unit == "%" {
        format!("{values} %")
    } else {
        format!("{values} {unit}")
    }
}

fn group_range(g: &FactGroup) -> String {
    let low = g
        .members
        .iter()
        .map(|m| m.low)
        .fold(f64::INFINITY, f64::min);
    let high = g
        .members
        .iter()
        .map(|m| m.high)
        .fold(f64::NEG_INFINITY, f64::max);
    range(low, high, &g.measure)
}

/// The sentence with the figure marked by `open`/`close`, each part escaped by `esc`.
fn marked(m: &Member, open: &str, close: &str, esc: impl Fn(&str) -> String) -> String {
    match m
        .figure_in_sentence
        .filter(|&(a, b)| m.sentence.get(a..b).is_some())
    {
        Some((a, b)) => format!(
            "{}{open}{}{close}{}",
            esc(&m.sentence[..a]),
            esc(&m.sentence[a..b]),
            esc(&m.sentence[b..])
        ),
        None => esc(&m.sentence),
    }
}

/// Counts of the labels of some groups, in words.
fn counts<'a>(groups: impl Iterator<Item = &'a FactGroup>) -> String {
    let (mut c, mut x, mut a, mut n) = (0, 0, 0, 0);
    for g in groups {
        n += 1;
        match g.label {
            Label::Conflict => c += 1,
            Label::Compatible => x += 1,
            Label::Agree => a += 1,
        }
    }
    format!(
        "{n} fact{}: {c} conflict, {x} compatible, {a} agree",
        if n == 1 { "" } else { "s" }
    )
}

/// Stories that hold groups, those with conflicts first, then by the number of groups; each
/// with its groups, conflicts first.
fn ordered(c: &Consolidation) -> Vec<(Option<&Story>, Vec<&FactGroup>)> {
    let mut by_story: std::collections::BTreeMap<usize, Vec<&FactGroup>> = Default::default();
    for g in &c.groups {
        by_story.entry(g.story).or_default().push(g);
    }
    let mut out: Vec<(Option<&Story>, Vec<&FactGroup>)> = by_story
        .into_iter()
        .map(|(id, mut groups)| {
            groups.sort_by(|a, b| {
                b.label
                    .cmp(&a.label)
                    .then(a.subjects.cmp(&b.subjects))
                    .then(a.measure.cmp(&b.measure))
            });
            (c.stories.iter().find(|s| s.id == id), groups)
        })
        .collect();
    out.sort_by(|a, b| {
        let conflicts =
            |gs: &[&FactGroup]| gs.iter().filter(|g| g.label == Label::Conflict).count();
        conflicts(&b.1)
            .cmp(&conflicts(&a.1))
            .then(b.1.len().cmp(&a.1.len()))
            .then(a.0.map(|s| s.id).cmp(&b.0.map(|s| s.id)))
    });
    out
}

fn story_title(story: Option<&Story>, id: usize) -> String {
    let Some(s) = story else {
        return format!("Story {id}");
    };
    let mut t = format!("Story {}", s.id + 1);
    if !s.names.is_empty() {
        let _ = write!(t, ": {}", s.names.join(", "));
    }
    let _ = write!(
        t,
        " ({} document{}",
        s.documents.len(),
        if s.documents.len() == 1 { "" } else { "s" }
    );
    if let Some((a, b)) = &s.dates {
        if a == b {
            let _ = write!(t, ", {a}");
        } else {
            let _ = write!(t, ", {a} to {b}");
        }
    }
    t.push(')');
    t
}

fn summary(c: &Consolidation) -> String {
    let with_facts = ordered(c).len();
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{} in {}; {} with facts stated by several documents. {}.",
        plural(
            c.stories.iter().map(|s| s.documents.len()).sum::<usize>(),
            "document",
            "documents"
        ),
        plural(c.stories.len(), "story", "stories"),
        plural(with_facts, "story", "stories"),
        counts(c.groups.iter())
    )
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The consolidation as Markdown (renders in any Markdown viewer, or on GitHub, with no
/// server).
pub fn markdown(c: &Consolidation) -> String {
    let mut out = String::from("# Facts across sources\n\n");
    let _ = writeln!(out, "{}\n", summary(c));
    for (story, groups) in ordered(c) {
        let id = groups.first().map_or(0, |g| g.story);
        let _ = writeln!(out, "## {}\n", md_cell(&story_title(story, id)));
        let _ = writeln!(out, "{}.\n", counts(groups.iter().copied()));
        for g in groups {
            let mark = match g.label {
                Label::Conflict => "**CONFLICT**".to_string(),
                other => label_name(other).to_string(),
            };
            let _ = writeln!(
                out,
                "### {} — {} — {mark}\n",
                md_cell(&subject_of(g)),
                md_cell(&g.measure)
            );
            let _ = writeln!(out, "{}. Values: {}.\n", g.reason, group_range(g));
            out.push_str("| outlet | title | date | lang | subject | figure | values | attribution | sentence |\n");
            out.push_str("|---|---|---|---|---|---|---|---|---|\n");
            for m in &g.members {
                let outlet = match &m.url {
                    Some(u) => format!("[{}]({})", md_cell(&m.outlet()), u.replace(')', "%29")),
                    None => md_cell(&m.outlet()),
                };
                let cells = [
                    outlet,
                    md_cell(m.title.as_deref().unwrap_or("")),
                    md_cell(m.published.as_deref().unwrap_or("")),
                    md_cell(&m.lang),
                    md_cell(m.subject.as_deref().unwrap_or("")),
                    md_cell(&m.figure),
                    md_cell(&range(m.low, m.high, &g.measure)),
                    md_cell(m.attribution.as_deref().unwrap_or("")),
                    marked(m, "**", "**", md_cell),
                ];
                let _ = writeln!(out, "| {} |", cells.join(" | "));
            }
            out.push('\n');
        }
    }
    if !c.failures.is_empty() {
        out.push_str("## Facts that could not be labelled\n\n");
        for f in &c.failures {
            let _ = writeln!(out, "- {}", md_cell(f));
        }
    }
    out
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const STYLE: &str = "body{font-family:sans-serif;max-width:90em;margin:2em auto;padding:0 1em}\
table{border-collapse:collapse;width:100%;margin-bottom:1.5em}\
td,th{border:1px solid #ccc;padding:.3em;vertical-align:top;text-align:left}\
th{background:#f4f4f4}\
.conflict h3{background:#fdd}.compatible h3{background:#ffd}.agree h3{background:#dfd}\
mark{background:#fe8;font-weight:bold}\
.story{border-top:3px solid #888;margin-top:2em}\
.counts{color:#555}";

/// The consolidation as one HTML page with its own style sheet and no script; conflicts on
/// a red ground, each figure marked in its sentence.
pub fn html(c: &Consolidation) -> String {
    let mut out = format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Facts across sources</title>\n<style>{STYLE}</style></head><body>\n<h1>Facts across sources</h1>\n<p class=\"counts\" id=\"summary\">{}</p>\n",
        esc(&summary(c))
    );
    for (story, groups) in ordered(c) {
        let id = groups.first().map_or(0, |g| g.story);
        let _ = writeln!(
            out,
            "<div class=\"story\" id=\"story-{id}\"><h2>{}</h2><p class=\"counts\">{}.</p>",
            esc(&story_title(story, id)),
            esc(&counts(groups.iter().copied()))
        );
        for g in groups {
            let label = label_name(g.label);
            let _ = writeln!(
                out,
                "<section class=\"{label}\"><h3>{} — {} — {label}</h3><p>{}. Values: <b>{}</b>.</p>",
                esc(&subject_of(g)),
                esc(&g.measure),
                esc(&g.reason),
                esc(&group_range(g))
            );
            out.push_str("<table><tr><th>outlet</th><th>title</th><th>date</th><th>lang</th><th>subject</th><th>figure</th><th>values</th><th>attribution</th><th>sentence</th></tr>\n");
            for m in &g.members {
                let outlet = match &m.url {
                    Some(u) => format!("<a href=\"{}\">{}</a>", esc(u), esc(&m.outlet())),
                    None => esc(&m.outlet()),
                };
                let cells = [
                    outlet,
                    esc(m.title.as_deref().unwrap_or("")),
                    esc(m.published.as_deref().unwrap_or("")),
                    esc(&m.lang),
                    esc(m.subject.as_deref().unwrap_or("")),
                    esc(&m.figure),
                    esc(&range(m.low, m.high, &g.measure)),
                    esc(m.attribution.as_deref().unwrap_or("")),
                    marked(m, "<mark>", "</mark>", esc),
                ];
                let _ = writeln!(out, "<tr><td>{}</td></tr>", cells.join("</td><td>"));
            }
            out.push_str("</table></section>\n");
        }
        out.push_str("</div>\n");
    }
    if !c.failures.is_empty() {
        out.push_str("<h2>Facts that could not be labelled</h2><ul>\n");
        for f in &c.failures {
            let _ = writeln!(out, "<li>{}</li>", esc(f));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</body></html>\n");
    out
}
