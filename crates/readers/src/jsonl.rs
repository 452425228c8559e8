use crate::Item;
use claimx_doc::{Document, DocumentError};
use std::io::BufRead;

/// Documents from JSONL, one object per line. Blank lines are skipped; a line that is not
/// UTF-8 or not JSON, or has no string `text`, becomes an error item (id: its `id`, else
/// `SOURCE:LINE`).
pub struct JsonlReader {
    source: String,
    reader: Box<dyn BufRead + Send>,
    line_no: usize,
    buf: Vec<u8>,
}

impl JsonlReader {
    pub fn new(source: &str, reader: Box<dyn BufRead + Send>) -> Self {
        JsonlReader {
            source: source.to_string(),
            reader,
            line_no: 0,
            buf: Vec::new(),
        }
    }
}

impl Iterator for JsonlReader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    // A broken stream (truncated gzip, I/O error) ends this input with one error.
                    let id = format!("{}:{}", self.source, self.line_no + 1);
                    self.reader = Box::new(std::io::empty());
                    return Some(Err(DocumentError::new(&id, "input", "io", e.to_string())));
                }
            }
            self.line_no += 1;
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(parse_line(&self.source, self.line_no, &self.buf));
        }
    }
}

/// One JSONL line to a document or an error.
pub fn parse_line(source: &str, line_no: usize, bytes: &[u8]) -> Item {
    let fallback_id = format!("{source}:{line_no}");
    let line = std::str::from_utf8(bytes).map_err(|e| {
        DocumentError::new(
            &fallback_id,
            "input",
            "invalid_utf8",
            format!("line {line_no}: invalid UTF-8 at byte {}", e.valid_up_to()),
        )
    })?;
    let v: serde_json::Value = serde_json::from_str(line).map_err(|e| {
        DocumentError::new(
            &fallback_id,
            "input",
            "malformed_json",
            format!("line {line_no}: {e}"),
        )
    })?;
    let id = match &v["id"] {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Number(n) => n.to_string(),
        _ => fallback_id,
    };
    let Some(text) = v["text"].as_str() else {
        return Err(DocumentError::new(
            &id,
            "input",
            "missing_text",
            format!("line {line_no}: no string field \"text\""),
        ));
    };
    let mut d = Document::new(id, text);
    d.published = v["published"].as_str().map(String::from);
    d.title = v["title"].as_str().map(String::from);
    d.url = v["url"].as_str().map(String::from);
    Ok(d)
}
