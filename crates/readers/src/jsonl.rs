use crate::{page_text, too_large, Item};
use claimx_doc::{Document, DocumentError, Stage};
use std::io::BufRead;

/// The UTF-8 byte order mark, skipped at the start of a file.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Bytes of an over-long line kept to find its `id`.
const ID_PREFIX: usize = 4096;

/// The largest line buffer kept for the next line.
const LINE_BUFFER_KEPT: usize = 1 << 20;

/// Documents from JSONL, one object per line. Blank lines are skipped; a line that is not
/// UTF-8 or not JSON, has neither a string `text` nor a string `html` (reduced to text), or
/// is longer than the size limit becomes an error item (id: its `id`, else `SOURCE:LINE`).
/// An over-long line is skipped without being held in memory.
pub struct JsonlReader {
    source: String,
    reader: Box<dyn BufRead + Send>,
    line_no: usize,
    buf: Vec<u8>,
    limit: usize,
}

impl JsonlReader {
    /// Documents from the JSON lines of `reader`; `source` names it in error records.
    pub fn new(source: &str, reader: Box<dyn BufRead + Send>) -> Self {
        JsonlReader {
            source: source.to_string(),
            reader,
            line_no: 0,
            buf: Vec::new(),
            limit: claimx_doc::DEFAULT_DOC_SIZE_LIMIT,
        }
    }

    /// Lines longer than `limit` bytes become `too_large` error items.
    pub fn with_limit(mut self, limit: usize) -> Self {
        self.limit = limit;
        self
    }
}

/// Read one line into `buf` unless it is longer than `limit`; then keep only its first
/// [`ID_PREFIX`] bytes and skip the rest. Returns the line's length and whether it was cut.
fn read_line_bounded(
    reader: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> std::io::Result<(usize, bool)> {
    let (mut total, mut cut) = (0usize, false);
    loop {
        let available = match reader.fill_buf() {
            Ok(a) => a,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok((total, cut));
        }
        let (n, done) = match available.iter().position(|&b| b == b'\n') {
            Some(p) => (p + 1, true),
            None => (available.len(), false),
        };
        if !cut {
            if buf.len() + n > limit.saturating_add(1) {
                cut = true;
                let keep = ID_PREFIX.saturating_sub(buf.len()).min(n);
                buf.extend_from_slice(&available[..keep]);
                buf.truncate(ID_PREFIX);
                buf.shrink_to(ID_PREFIX);
            } else {
                buf.extend_from_slice(&available[..n]);
            }
        }
        total += n;
        reader.consume(n);
        if done {
            return Ok((total, cut));
        }
    }
}

/// The `id` of a JSON object from the start of its text (`{"id": "x", …` or `{"id": 7, …`).
fn id_from_prefix(prefix: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(prefix);
    let at = text.find("\"id\"")? + 4;
    let rest = text[at..].trim_start().strip_prefix(':')?.trim_start();
    if let Some(quoted) = rest.strip_prefix('"') {
        let mut id = String::new();
        let mut chars = quoted.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => return Some(id),
                '\\' => id.push(chars.next()?),
                c => id.push(c),
            }
        }
        None
    } else {
        let n: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '-')
            .collect();
        (!n.is_empty()).then_some(n)
    }
}

impl Iterator for JsonlReader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            self.buf.clear();
            let (len, cut) = match read_line_bounded(&mut self.reader, &mut self.buf, self.limit) {
                Ok((0, _)) => return None,
                Ok(r) => r,
                Err(e) => {
                    // A broken stream (truncated gzip, I/O error) ends this input with one error.
                    let id = format!("{}:{}", self.source, self.line_no + 1);
                    self.reader = Box::new(std::io::empty());
                    return Some(Err(DocumentError::new(
                        &id,
                        Stage::Input,
                        "io",
                        e.to_string(),
                    )));
                }
            };
            self.line_no += 1;
            if cut {
                let id = id_from_prefix(&self.buf)
                    .unwrap_or_else(|| format!("{}:{}", self.source, self.line_no));
                let what = format!("line {}", self.line_no);
                return Some(Err(too_large(&id, &what, len as u64, self.limit)));
            }
            if self.line_no == 1 && self.buf.starts_with(UTF8_BOM) {
                // editors on Windows start files with a byte order mark; it is not JSON
                self.buf.drain(..UTF8_BOM.len());
            }
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let item = parse_line(&self.source, self.line_no, &self.buf);
            if self.buf.capacity() > LINE_BUFFER_KEPT {
                // a huge line's buffer is not kept for the small lines after it: the
                // document it held is annotated while the reader waits
                self.buf = Vec::new();
            }
            return Some(item);
        }
    }
}

/// One JSONL line to a document or an error.
pub fn parse_line(source: &str, line_no: usize, bytes: &[u8]) -> Item {
    let fallback_id = format!("{source}:{line_no}");
    let line = std::str::from_utf8(bytes).map_err(|e| {
        DocumentError::new(
            &fallback_id,
            Stage::Input,
            "invalid_utf8",
            format!("line {line_no}: invalid UTF-8 at byte {}", e.valid_up_to()),
        )
    })?;
    let mut v: serde_json::Value = serde_json::from_str(line).map_err(|e| {
        DocumentError::new(
            &fallback_id,
            Stage::Input,
            "malformed_json",
            if source == "stdin" {
                format!("line {line_no}: {e} (standard input is read as JSONL, one {{\"id\", \"text\"}} object per line; for plain text use --text)")
            } else {
                format!("line {line_no}: {e}")
            },
        )
    })?;
    let id = match &v["id"] {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Number(n) => n.to_string(),
        _ => fallback_id,
    };
    // moved out, not copied: the text is most of the line
    let text = match v.get_mut("text").map(serde_json::Value::take) {
        Some(serde_json::Value::String(text)) => Some(text),
        _ => None,
    };
    let (text, page_title) = match (text, v["html"].as_str()) {
        (Some(text), _) => (text, None),
        (None, Some(html)) => page_text(&id, html)?,
        (None, None) => {
            return Err(DocumentError::new(
                &id,
                Stage::Input,
                "missing_text",
                format!("line {line_no}: no string field \"text\" (or \"html\")"),
            ))
        }
    };
    let published = match &v["published"] {
        serde_json::Value::Null => None,
        serde_json::Value::String(p) => Some(p.clone()),
        other => {
            return Err(DocumentError::new(
                &id,
                Stage::Input,
                "bad_published",
                format!(
                    "line {line_no}: \"published\" is {other}, not a string with an ISO 8601 date (YYYY-MM-DD[THH:MM:SS])"
                ),
            ))
        }
    };
    let mut d = Document::new(id, text);
    d.published = published;
    d.title = v["title"].as_str().map(String::from).or(page_title);
    d.url = v["url"].as_str().map(String::from);
    d.source = v["source"].as_str().map(String::from);
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn items(input: &str, limit: usize) -> Vec<Item> {
        let reader: Box<dyn BufRead + Send> = Box::new(std::io::BufReader::with_capacity(
            16,
            std::io::Cursor::new(input.as_bytes().to_vec()),
        ));
        JsonlReader::new("t.jsonl", reader)
            .with_limit(limit)
            .collect()
    }

    #[test]
    fn over_long_lines_are_skipped_with_their_id() {
        let long = "x".repeat(500);
        let input = format!(
            "{{\"id\":\"a\",\"text\":\"kurz\"}}\n{{\"id\": \"big \\\"one\\\"\", \"text\": \"{long}\"}}\n{{\"text\": \"{long}\"}}\n{{\"id\":\"b\",\"text\":\"{}\"}}",
            "y".repeat(80)
        );
        let got = items(&input, 100);
        assert_eq!(got.len(), 4);
        assert_eq!(got[0].as_ref().unwrap().text, "kurz");
        let e = got[1].as_ref().unwrap_err();
        assert_eq!(
            (e.id.as_str(), e.kind.as_str()),
            ("big \"one\"", "too_large")
        );
        assert!(e.message.contains("line 2 has 534 bytes"), "{}", e.message);
        assert_eq!(got[2].as_ref().unwrap_err().id, "t.jsonl:3");
        assert_eq!(
            got[3].as_ref().unwrap().text.len(),
            80,
            "the line after is whole"
        );
    }

    #[rstest]
    #[case("{\"id\": 7, \"text\"", Some("7"))]
    #[case("{\"title\": \"t\", \"id\" : \"x\\\\y\"", Some("x\\y"))]
    #[case("{\"text\": \"no id here", None)]
    #[case("{\"id\": \"cut off", None)]
    fn ids_from_the_start_of_a_line(#[case] prefix: &str, #[case] id: Option<&str>) {
        assert_eq!(id_from_prefix(prefix.as_bytes()).as_deref(), id);
    }

    #[test]
    fn a_byte_order_mark_does_not_cost_the_first_document() {
        let got = items(
            "\u{FEFF}{\"id\":\"a\",\"text\":\"Eins.\"}\n\u{FEFF}{\"id\":\"b\",\"text\":\"Zwei.\"}\n",
            1 << 20,
        );
        assert_eq!(got[0].as_ref().unwrap().id, "a");
        // only a file's first bytes can be a byte order mark
        assert_eq!(got[1].as_ref().unwrap_err().kind, "malformed_json");
    }

    #[rstest]
    #[case("2025-07-24", None)]
    #[case("null", None)]
    #[case("20250724", Some("bad_published"))]
    #[case("{\"date\": \"2025-07-24\"}", Some("bad_published"))]
    #[case("true", Some("bad_published"))]
    fn published_of_another_type_is_an_error(#[case] published: &str, #[case] kind: Option<&str>) {
        let published = if published.starts_with('2') && published.contains('-') {
            format!("\"{published}\"")
        } else {
            published.to_string()
        };
        let got = items(
            &format!("{{\"id\":\"a\",\"text\":\"Eins.\",\"published\":{published}}}\n"),
            1 << 20,
        );
        match kind {
            None => {
                got[0].as_ref().unwrap();
            }
            Some(kind) => {
                let e = got[0].as_ref().unwrap_err();
                assert_eq!((e.id.as_str(), e.kind.as_str()), ("a", kind));
            }
        }
    }

    #[test]
    fn html_records_become_text_and_nesting_bombs_errors() {
        let bomb = "<div>".repeat(10_000);
        let input = format!(
            "{{\"id\":\"page\",\"html\":\"<title>Labor</title><p>Amazon schlie&szlig;t.</p>\"}}\n{{\"id\":\"bomb\",\"html\":\"{bomb}\"}}\n"
        );
        let got = items(&input, 1 << 20);
        let page = got[0].as_ref().unwrap();
        assert_eq!(
            (page.text.as_str(), page.title.as_deref()),
            ("Amazon schließt.", Some("Labor"))
        );
        let e = got[1].as_ref().unwrap_err();
        assert_eq!(
            (e.id.as_str(), e.kind.as_str()),
            ("bomb", "too_deeply_nested")
        );
    }
}
