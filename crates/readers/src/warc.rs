use crate::{page_text, too_large, Item};
use claimx_doc::{Document, DocumentError, Stage};
use std::io::{BufRead, Read};

/// Records larger than this are reported, not read (a corrupt length would read the rest of
/// the file into memory).
const MAX_RECORD: u64 = 1 << 30;

/// Documents from a WARC file (Common Crawl News). `response` records with an HTML payload
/// (and `resource` records of type text/html) become documents: id = `WARC-Record-ID`, url =
/// `WARC-Target-URI`, text = the page reduced to text. Other records are skipped. A damaged
/// record yields one error item and ends the file.
pub struct WarcReader {
    source: String,
    reader: Box<dyn BufRead + Send>,
    record_no: usize,
    done: bool,
    limit: usize,
}

impl WarcReader {
    /// Documents from the WARC records of `reader`; `source` names it in error records.
    pub fn new(source: &str, reader: Box<dyn BufRead + Send>) -> Self {
        WarcReader {
            source: source.to_string(),
            reader,
            record_no: 0,
            done: false,
            limit: claimx_doc::DEFAULT_DOC_SIZE_LIMIT,
        }
    }

    /// Records longer than `limit` bytes are skipped and reported as `too_large` items.
    pub fn with_limit(mut self, limit: usize) -> Self {
        self.limit = limit;
        self
    }

    fn fail(&mut self, kind: &str, message: String) -> Option<Item> {
        self.done = true;
        let id = format!("{}#{}", self.source, self.record_no);
        Some(Err(DocumentError::new(&id, Stage::Input, kind, message)))
    }
}

impl Iterator for WarcReader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        while !self.done {
            // Version line, skipping blank separators.
            let mut line = String::new();
            loop {
                line.clear();
                match self.reader.read_line(&mut line) {
                    Ok(0) => return None,
                    Ok(_) if line.trim().is_empty() => continue,
                    Ok(_) => break,
                    Err(e) => {
                        return self.fail(
                            "malformed_warc",
                            format!("record {}: {e}", self.record_no + 1),
                        )
                    }
                }
            }
            self.record_no += 1;
            if !line.starts_with("WARC/") {
                return self.fail(
                    "malformed_warc",
                    format!(
                        "record {}: expected a WARC/1.x line, found {:?}",
                        self.record_no,
                        line.trim_end()
                    ),
                );
            }
            let mut headers: Vec<(String, String)> = Vec::new();
            loop {
                line.clear();
                match self.reader.read_line(&mut line) {
                    Ok(0) => {
                        return self.fail(
                            "malformed_warc",
                            format!("record {}: truncated headers", self.record_no),
                        )
                    }
                    Ok(_) if line.trim().is_empty() => break,
                    Ok(_) => {
                        if let Some((k, v)) = line.split_once(':') {
                            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
                        }
                    }
                    Err(e) => {
                        return self
                            .fail("malformed_warc", format!("record {}: {e}", self.record_no))
                    }
                }
            }
            let header = |name: &str| headers.iter().find(|h| h.0 == name).map(|h| h.1.clone());
            let Some(len) = header("content-length").and_then(|v| v.parse::<u64>().ok()) else {
                return self.fail(
                    "malformed_warc",
                    format!("record {}: no Content-Length", self.record_no),
                );
            };
            if len > MAX_RECORD {
                return self.fail(
                    "record_too_large",
                    format!(
                        "record {}: Content-Length {len} exceeds {MAX_RECORD}",
                        self.record_no
                    ),
                );
            }
            let record_id = || {
                header("warc-record-id")
                    .map(|v| v.trim_matches(|c| c == '<' || c == '>').to_string())
                    .unwrap_or_else(|| format!("{}#{}", self.source, self.record_no))
            };
            if len > self.limit as u64 {
                let id = record_id();
                let skipped =
                    std::io::copy(&mut self.reader.by_ref().take(len), &mut std::io::sink());
                if !matches!(skipped, Ok(n) if n == len) {
                    self.done = true;
                }
                let what = format!("record {}", self.record_no);
                return Some(Err(too_large(&id, &what, len, self.limit)));
            }
            let mut body = Vec::with_capacity(len.min(1 << 24) as usize);
            if let Err(e) = self.reader.by_ref().take(len).read_to_end(&mut body) {
                return self.fail("malformed_warc", format!("record {}: {e}", self.record_no));
            }
            if (body.len() as u64) < len {
                return self.fail(
                    "malformed_warc",
                    format!(
                        "record {}: truncated body ({} of {len} bytes)",
                        self.record_no,
                        body.len()
                    ),
                );
            }
            let kind = header("warc-type").unwrap_or_default();
            let content_type = header("content-type")
                .unwrap_or_default()
                .to_ascii_lowercase();
            let id = record_id();
            let url = header("warc-target-uri");
            let html = match kind.as_str() {
                "response" if content_type.starts_with("application/http") => http_payload(&body),
                "resource" if content_type.contains("html") => {
                    Some((&body[..], content_type.clone()))
                }
                _ => None,
            };
            let Some((payload, payload_type)) = html else {
                continue;
            };
            if !payload_type.is_empty()
                && !payload_type.contains("html")
                && !payload_type.contains("text/plain")
            {
                continue; // images, PDFs, JSON: not articles
            }
            let text = match decode(payload, &payload_type) {
                Ok(t) => t,
                Err(msg) => {
                    return Some(Err(DocumentError::new(
                        &id,
                        Stage::Input,
                        "invalid_utf8",
                        msg,
                    )))
                }
            };
            let (text, title) = if payload_type.contains("text/plain") {
                (text, None)
            } else {
                match page_text(&id, &text) {
                    Ok(page) => page,
                    Err(e) => return Some(Err(e)),
                }
            };
            let mut doc = Document::new(id, text);
            doc.url = url;
            doc.title = title;
            return Some(Ok(doc));
        }
        None
    }
}

/// The payload and its content type of an HTTP response.
fn http_payload(body: &[u8]) -> Option<(&[u8], String)> {
    let split = body
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|p| (p, 4))
        .or_else(|| body.windows(2).position(|w| w == b"\n\n").map(|p| (p, 2)))?;
    let head = String::from_utf8_lossy(&body[..split.0]);
    let content_type = head
        .lines()
        .find_map(|l| {
            l.split_once(':')
                .filter(|(k, _)| k.trim().eq_ignore_ascii_case("content-type"))
                .map(|(_, v)| v.trim().to_ascii_lowercase())
        })
        .unwrap_or_default();
    Some((&body[split.0 + split.1..], content_type))
}

/// UTF-8, or Latin-1 / Windows-1252 when the server says so.
fn decode(bytes: &[u8], content_type: &str) -> Result<String, String> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        // Latin-1 maps bytes to code points one to one (Windows-1252 differs only in 0x80–0x9F).
        Err(_)
            if content_type.contains("iso-8859-1")
                || content_type.contains("windows-1252")
                || content_type.contains("latin1") =>
        {
            Ok(bytes.iter().map(|&b| b as char).collect())
        }
        Err(e) => Err(format!(
            "payload is not UTF-8 (byte {}) and declares no Latin-1 charset",
            e.valid_up_to()
        )),
    }
}
