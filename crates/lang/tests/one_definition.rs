//! Language knowledge has one definition: no stage crate spells out a CJK character range,
//! its own month or weekday list, or a lexicon the language crate holds. A second copy is how the five different Han tests this
//! crate replaced came about; this test fails when one appears again.

use std::path::{Path, PathBuf};

/// Text that only a script predicate or a month/weekday table would contain.
const MARKERS: &[&str] = &[
    "0x4E00",
    "0x4e00",
    "\\u{4e00}",
    "\\u{4E00}",
    "0x3400",
    "\\u{3400}",
    "0x3040",
    "\\u{3040}",
    "0xAC00",
    "0xac00",
    "\\u{ac00}",
    "\\u{AC00}",
    "0xFF00",
    "0xff00",
    "0x3000..",
    "\"januar\"",
    "\"january\"",
    "\"montag\"",
    "\"monday\"",
    // lexicons: hedges, negations, founding verbs, demonyms, bounds, currencies, number
    // words, abbreviations
    "\"reportedly\"",
    "\"niemals\"",
    "\"gegründet\"",
    "\"British\"",
    "\"mehr als\"",
    "\"美元\"",
    "\"eleven\"",
    "\"mr\"",
    "\"tausend\"",
    "\"hälfte\"",
    "\"mehrere\"",
    "\"kanadische\"",
];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_stage_defines_scripts_or_calendars_of_its_own() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for krate in std::fs::read_dir(&crates).unwrap() {
        let krate = krate.unwrap().path();
        if krate.file_name().is_some_and(|n| n == "lang") || !krate.join("src").is_dir() {
            continue;
        }
        sources(&krate.join("src"), &mut files);
    }
    assert!(files.len() > 20, "the stage crates' sources were found");
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            for marker in MARKERS {
                if line.contains(marker) {
                    found.push(format!("{}:{}: {marker}", file.display(), n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "define these in crates/lang and call them from there:\n{}",
        found.join("\n")
    );
}
