//! Reading documents: plain-text files, folders, JSONL files and JSONL on stdin. Every input
//! yields an item: a document, or an error that names it.

use anyhow::{bail, Result};
use claimx_core::DocumentError;
use claimx_doc::Document;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

pub struct Item {
    pub doc: Option<Document>,
    pub error: Option<DocumentError>,
}

impl Item {
    fn ok(doc: Document) -> Self {
        Item {
            doc: Some(doc),
            error: None,
        }
    }
    fn err(e: DocumentError) -> Self {
        Item {
            doc: None,
            error: Some(e),
        }
    }
}

/// Streams items from all inputs in order. Folders are walked in sorted order; inside them
/// `.txt` files are documents and `.jsonl` files hold one document per line.
pub fn read_inputs(paths: &[PathBuf]) -> Result<Box<dyn Iterator<Item = Item>>> {
    if paths.is_empty() || (paths.len() == 1 && paths[0].as_os_str() == "-") {
        return Ok(Box::new(jsonl_items(
            "stdin".into(),
            Box::new(BufReader::new(std::io::stdin())),
        )));
    }
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut files)?;
        } else if p.exists() {
            files.push(p.clone());
        } else {
            bail!("input {} does not exist", p.display());
        }
    }
    Ok(Box::new(files.into_iter().flat_map(|f| file_items(&f))))
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out)?;
        } else {
            let name = p.to_string_lossy();
            if name.ends_with(".txt") || name.ends_with(".jsonl") {
                out.push(p);
            }
        }
    }
    Ok(())
}

fn file_items(path: &Path) -> Box<dyn Iterator<Item = Item>> {
    let name = path.display().to_string();
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.clone());
    if name.ends_with(".jsonl") {
        return match std::fs::File::open(path) {
            Ok(f) => Box::new(jsonl_items(name, Box::new(BufReader::new(f)))),
            Err(e) => Box::new(std::iter::once(Item::err(DocumentError::new(
                &name,
                "input",
                "io",
                e.to_string(),
            )))),
        };
    }
    let item = match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Item::ok(Document::new(id, text)),
            Err(e) => Item::err(DocumentError::new(
                &id,
                "input",
                "invalid_utf8",
                format!(
                    "{name}: invalid UTF-8 at byte {}",
                    e.utf8_error().valid_up_to()
                ),
            )),
        },
        Err(e) => Item::err(DocumentError::new(
            &id,
            "input",
            "io",
            format!("{name}: {e}"),
        )),
    };
    Box::new(std::iter::once(item))
}

fn jsonl_items(source: String, reader: Box<dyn BufRead>) -> impl Iterator<Item = Item> {
    let mut reader = reader;
    let mut line_no = 0usize;
    std::iter::from_fn(move || {
        let mut buf = Vec::new();
        loop {
            buf.clear();
            match reader.by_ref().read_until(b'\n', &mut buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    return Some(Item::err(DocumentError::new(
                        &format!("{source}:{}", line_no + 1),
                        "input",
                        "io",
                        e.to_string(),
                    )))
                }
            }
            line_no += 1;
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let fallback_id = format!("{source}:{line_no}");
            let line = match std::str::from_utf8(&buf) {
                Ok(l) => l,
                Err(e) => {
                    return Some(Item::err(DocumentError::new(
                        &fallback_id,
                        "input",
                        "invalid_utf8",
                        format!("line {line_no}: invalid UTF-8 at byte {}", e.valid_up_to()),
                    )))
                }
            };
            return Some(match serde_json::from_str::<serde_json::Value>(line) {
                Err(e) => Item::err(DocumentError::new(
                    &fallback_id,
                    "input",
                    "malformed_json",
                    format!("line {line_no}: {e}"),
                )),
                Ok(v) => {
                    let id = match &v["id"] {
                        serde_json::Value::String(s) => s.clone(),
                        serde_json::Value::Number(n) => n.to_string(),
                        _ => fallback_id.clone(),
                    };
                    match v["text"].as_str() {
                        None => Item::err(DocumentError::new(
                            &id,
                            "input",
                            "missing_text",
                            format!("line {line_no}: no string field \"text\""),
                        )),
                        Some(text) => {
                            let mut d = Document::new(id, text);
                            d.published = v["published"].as_str().map(String::from);
                            d.title = v["title"].as_str().map(String::from);
                            d.url = v["url"].as_str().map(String::from);
                            Item::ok(d)
                        }
                    }
                }
            });
        }
    })
}
