//! Consolidation over claim rows built from arbitrary text (any script, full-width marks):
//! grouping, the Markdown and the HTML report never panic. The raw bytes also go through
//! `read_rows` as if they were a claims file.
#![no_main]
use claimx_consolidate::{consolidate, html, markdown, read_rows, AliasTable, ClaimRow, FigureRow};
use claimx_doc::{FigureType, FigureValue, Lang};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = read_rows(&text);
    let rows: Vec<ClaimRow> = text
        .lines()
        .enumerate()
        .map(|(i, line)| {
            // the figure is the line's second half (cut at a character boundary), as a
            // claim row's figure is a piece of its sentence
            let mut cut = line.len() / 2;
            while !line.is_char_boundary(cut) {
                cut -= 1;
            }
            let year = i % 2 == 0;
            ClaimRow {
                id: format!("doc-{}", i % 3),
                lang: [Lang::De, Lang::En, Lang::Zh][i % 3],
                claim: i,
                sentence: Default::default(),
                sentence_text: line.into(),
                subject: Some(line[..cut].into()),
                subject_type: None,
                subject_entity: None,
                subject_canonical: (i % 4 == 0).then(|| line[..cut].into()),
                predicate: None,
                object: None,
                predicate_class: (i % 5 == 0).then(|| "founded".into()),
                change_direction: None,
                change_role: None,
                figure: Some(FigureRow {
                    span: Default::default(),
                    text: line[cut..].into(),
                    kind: if year { FigureType::Date } else { FigureType::Cardinal },
                    value: Some(if year {
                        FigureValue::Text(format!("{}", 2000 + line.len() % 30))
                    } else {
                        FigureValue::Number(line.len() as f64)
                    }),
                    upper: None,
                    bound: None,
                    unit: (!year).then(|| "people".into()),
                    lang: Lang::Other,
                }),
                time: None,
                location: None,
                attribution: None,
                cue: None,
                hedged: false,
                negated: false,
                confidence: 0.5,
            }
        })
        .collect();
    let groups = consolidate(&rows, &AliasTable::default());
    let _ = markdown(&groups);
    let _ = html(&groups);
});
