//! Consolidation over claim rows built from arbitrary text (any script, full-width marks,
//! offsets that point anywhere, dates that are no dates): stories, grouping, the Markdown
//! and the HTML report never panic and no fact fails. The raw bytes also go through
//! `read_rows` as if they were a claims file.
#![no_main]
use claimx_consolidate::{
    consolidate_stories, html, markdown, read_rows, rows_from_text, AliasTable, StoryOptions,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = read_rows(&text);
    let rows = rows_from_text(&text);
    let mut aliases = AliasTable::default();
    aliases.learn(&rows);
    let found = consolidate_stories(&rows, &aliases, &StoryOptions::default());
    assert!(found.failures.is_empty(), "{:?}", found.failures);
    let _ = markdown(&found);
    let _ = html(&found);
});
