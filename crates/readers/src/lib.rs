//! Reading documents for claimx from what news dumps come as.
//!
//! - plain-text files (`.txt`): one document, id = file name without extension;
//! - JSONL (`.jsonl`, also `.jsonl.gz` and `.jsonl.zst`): one `{"id","text","published"?,
//!   "title"?,"url"?}` object per line;
//! - WARC (`.warc`, `.warc.gz`, Common Crawl News): each HTML `response` record becomes a
//!   document whose text is the page reduced to readable text ([`html_to_text`]); offsets in
//!   the output refer to that text;
//! - folders, walked in sorted order, and `-` (JSONL on standard input).
//!
//! Every input yields items in order: a [`Document`] or a [`DocumentError`] naming the
//! document (or `FILE:LINE` when no id could be read) and what is wrong, so that no input is
//! lost silently. Reading is streaming: memory does not grow with the size of a dump.
//!
//! ```
//! use claimx_readers::JsonlReader;
//! use std::io::{BufRead, Cursor};
//!
//! let jsonl = "{\"id\": \"a\", \"text\": \"Eins.\"}\nnot json\n{\"id\": \"b\", \"text\": \"Zwei.\"}\n";
//! let input: Box<dyn BufRead + Send> = Box::new(Cursor::new(jsonl.as_bytes().to_vec()));
//! let items: Vec<_> = JsonlReader::new("dump.jsonl", input).collect();
//! assert_eq!(items.len(), 3); // every line accounted for
//! assert_eq!(items[0].as_ref().unwrap().id, "a");
//! assert_eq!(items[1].as_ref().unwrap_err().id, "dump.jsonl:2");
//! ```

mod html;
mod jsonl;
mod warc;

pub use html::{html_to_text, html_to_text_checked, TooDeep, MAX_HTML_DEPTH};
pub use jsonl::JsonlReader;
pub use warc::WarcReader;

use claimx_doc::{Document, DocumentError, Stage};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// One input item: a document or an error record for it.
pub type Item = Result<Document, DocumentError>;

/// Reader settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOptions {
    /// A document (text file, JSONL line, WARC record) longer than this many bytes becomes a
    /// `too_large` error item; the reader skips over it without holding more than this in
    /// memory.
    pub doc_size_limit: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            doc_size_limit: claimx_doc::DEFAULT_DOC_SIZE_LIMIT,
        }
    }
}

pub(crate) fn too_large(id: &str, what: &str, bytes: u64, limit: usize) -> DocumentError {
    DocumentError::new(
        id,
        Stage::Input,
        "too_large",
        format!("{what} has {bytes} bytes, over the limit of {limit} (--doc-size-limit)"),
    )
}

/// An HTML page as text and title, or an error item for a page nested too deeply.
pub(crate) fn page_text(id: &str, html: &str) -> Result<(String, Option<String>), DocumentError> {
    html_to_text_checked(html, MAX_HTML_DEPTH).map_err(|e| {
        DocumentError::new(
            id,
            Stage::Input,
            "too_deeply_nested",
            format!(
                "the HTML nests more than {MAX_HTML_DEPTH} elements (at byte {}): generated markup or an HTML bomb, not an article",
                e.at
            ),
        )
    })
}

/// Errors that stop reading before it starts (an input path that does not exist: a typo on
/// the command line); per-document problems, unreadable files and folders included, are
/// [`DocumentError`] items instead.
#[derive(Debug)]
pub enum ReadError {
    /// The input path does not exist.
    NotFound(PathBuf),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::NotFound(p) => write!(f, "input {} does not exist", p.display()),
        }
    }
}

impl std::error::Error for ReadError {}

/// File kinds by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Plain text: one document per file.
    Text,
    /// JSON lines: one document per line.
    Jsonl,
    /// WARC: one document per response or resource record.
    Warc,
}

/// How a file is compressed, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    /// Not compressed.
    None,
    /// gzip (`.gz`).
    Gzip,
    /// Zstandard (`.zst`).
    Zstd,
}

/// The kind and compression of a file from its name; `None` for files that are not inputs.
pub fn classify(path: &Path) -> Option<(Kind, Compression)> {
    let name = path.file_name()?.to_string_lossy().to_lowercase();
    let (base, comp) = if let Some(b) = name.strip_suffix(".gz") {
        (b.to_string(), Compression::Gzip)
    } else if let Some(b) = name.strip_suffix(".zst") {
        (b.to_string(), Compression::Zstd)
    } else {
        (name, Compression::None)
    };
    let kind = if base.ends_with(".jsonl") || base.ends_with(".ndjson") {
        Kind::Jsonl
    } else if base.ends_with(".warc") {
        Kind::Warc
    } else if base.ends_with(".txt") {
        Kind::Text
    } else {
        return None;
    };
    Some((kind, comp))
}

/// A reader over a possibly compressed file.
pub fn open(path: &Path, comp: Compression) -> std::io::Result<Box<dyn BufRead + Send>> {
    let f = std::fs::File::open(path)?;
    Ok(match comp {
        Compression::None => Box::new(BufReader::with_capacity(1 << 16, f)),
        Compression::Gzip => Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(f))),
        Compression::Zstd => Box::new(BufReader::new(zstd::stream::read::Decoder::new(f)?)),
    })
}

/// All items of the given inputs, in order, with the default [`ReadOptions`].
pub fn read_inputs(paths: &[PathBuf]) -> Result<Box<dyn Iterator<Item = Item> + Send>, ReadError> {
    read_inputs_with(paths, ReadOptions::default())
}

/// All items of the given inputs, in order. `-` (or no path) reads JSONL from stdin.
pub fn read_inputs_with(
    paths: &[PathBuf],
    options: ReadOptions,
) -> Result<Box<dyn Iterator<Item = Item> + Send>, ReadError> {
    if paths.is_empty() || (paths.len() == 1 && paths[0].as_os_str() == "-") {
        let stdin: Box<dyn BufRead + Send> = Box::new(BufReader::new(std::io::stdin()));
        return Ok(Box::new(
            JsonlReader::new("stdin", stdin).with_limit(options.doc_size_limit),
        ));
    }
    let mut files: Vec<Result<PathBuf, DocumentError>> = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut files);
        } else if p.exists() {
            files.push(Ok(p.clone()));
        } else {
            return Err(ReadError::NotFound(p.clone()));
        }
    }
    Ok(Box::new(files.into_iter().flat_map(
        move |f| -> Box<dyn Iterator<Item = Item> + Send> {
            match f {
                Ok(f) => file_items_with(&f, options),
                Err(e) => Box::new(std::iter::once(Err(e))),
            }
        },
    )))
}

/// The input files under `dir`, in sorted order, depth first. Symbolic links are followed
/// but never into a folder that contains them (a cycle), and a file reached twice through
/// links is read once. A folder or entry that cannot be read becomes one error item for its
/// path; the walk goes on with the rest.
fn walk(dir: &Path, out: &mut Vec<Result<PathBuf, DocumentError>>) {
    let mut seen = std::collections::HashSet::new();
    for entry in walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
    {
        match entry {
            Ok(e) if e.file_type().is_dir() => {}
            Ok(e) => {
                if classify(e.path()).is_none() {
                    continue;
                }
                let real = std::fs::canonicalize(e.path()).unwrap_or_else(|_| e.path().into());
                if seen.insert(real) {
                    out.push(Ok(e.into_path()));
                }
            }
            // a link back into its own ancestry: its files are read on the way down already
            Err(e) if e.loop_ancestor().is_some() => {}
            Err(e) => {
                let path = e.path().unwrap_or(dir).display().to_string();
                let why = e
                    .io_error()
                    .map_or_else(|| e.to_string(), ToString::to_string);
                out.push(Err(DocumentError::new(
                    &path,
                    Stage::Input,
                    "io",
                    format!("cannot read {path}: {why}"),
                )));
            }
        }
    }
}

/// The bytes the inputs hold, for a progress display's total: the sizes of the files the
/// paths name or hold. None when that says little about the text: standard input,
/// compressed files, WARC (HTML pages reduced to a fraction of their size).
pub fn input_bytes(paths: &[PathBuf]) -> Option<u64> {
    if paths.is_empty() || paths.iter().any(|p| p.as_os_str() == "-") {
        return None;
    }
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut files);
        } else {
            files.push(Ok(p.clone()));
        }
    }
    let mut total = 0;
    for f in files.into_iter().flatten() {
        match classify(&f) {
            Some((Kind::Warc, _)) | Some((_, Compression::Gzip | Compression::Zstd)) => {
                return None
            }
            _ => total += std::fs::metadata(&f).ok()?.len(),
        }
    }
    Some(total)
}

/// Standard input as one plain-text document with the id `stdin` (`claimx extract --text`).
pub fn stdin_text(options: ReadOptions) -> Box<dyn Iterator<Item = Item> + Send> {
    let stdin: Box<dyn BufRead + Send> = Box::new(BufReader::new(std::io::stdin()));
    Box::new(std::iter::once(read_text(
        "stdin",
        "standard input",
        stdin,
        options.doc_size_limit,
    )))
}

/// Items of one file with the default [`ReadOptions`].
pub fn file_items(path: &Path) -> Box<dyn Iterator<Item = Item> + Send> {
    file_items_with(path, ReadOptions::default())
}

/// Items of one file. A file given by name whose kind is unknown is read as plain text.
pub fn file_items_with(path: &Path, options: ReadOptions) -> Box<dyn Iterator<Item = Item> + Send> {
    let name = path.display().to_string();
    let (kind, comp) = classify(path).unwrap_or((Kind::Text, Compression::None));
    let reader = match open(path, comp) {
        Ok(r) => r,
        Err(e) => {
            return Box::new(std::iter::once(Err(DocumentError::new(
                &name,
                Stage::Input,
                "io",
                format!("{name}: {e}"),
            ))));
        }
    };
    match kind {
        Kind::Jsonl => Box::new(JsonlReader::new(&name, reader).with_limit(options.doc_size_limit)),
        Kind::Warc => Box::new(WarcReader::new(&name, reader).with_limit(options.doc_size_limit)),
        Kind::Text => Box::new(std::iter::once(text_item(
            path,
            reader,
            options.doc_size_limit,
        ))),
    }
}

fn text_item(path: &Path, reader: Box<dyn BufRead + Send>, limit: usize) -> Item {
    let name = path.display().to_string();
    let file = path
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.clone());
    let id = file
        .split('.')
        .next()
        .filter(|s| !s.is_empty())
        .unwrap_or(&file)
        .to_string();
    if let Some(len) = std::fs::metadata(path)
        .ok()
        .filter(|_| classify(path).is_none_or(|c| c.1 == Compression::None))
        .map(|m| m.len())
        .filter(|&len| len > limit as u64)
    {
        return Err(too_large(&id, &name, len, limit));
    }
    read_text(&id, &name, reader, limit)
}

/// One plain-text document of at most `limit` bytes from `reader`.
fn read_text(id: &str, name: &str, reader: Box<dyn BufRead + Send>, limit: usize) -> Item {
    let mut bytes = Vec::new();
    if let Err(e) = reader.take(limit as u64 + 1).read_to_end(&mut bytes) {
        return Err(DocumentError::new(
            id,
            Stage::Input,
            "io",
            format!("{name}: {e}"),
        ));
    }
    if bytes.len() > limit {
        return Err(DocumentError::new(
            id,
            Stage::Input,
            "too_large",
            format!("{name} decompresses to over the limit of {limit} bytes (--doc-size-limit)"),
        ));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Document::new(id, text)),
        Err(e) => Err(DocumentError::new(
            id,
            Stage::Input,
            "invalid_utf8",
            format!(
                "{name}: invalid UTF-8 at byte {}",
                e.utf8_error().valid_up_to()
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("claimx-readers-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    /// The progress bar's total: plain files and folders of them by size; standard input,
    /// compressed files and WARC give none.
    #[test]
    fn input_bytes_of_plain_files_only() {
        let d = dir("input-bytes");
        std::fs::create_dir_all(d.join("sub")).unwrap();
        std::fs::write(d.join("a.txt"), "12345").unwrap();
        std::fs::write(d.join("sub/b.jsonl"), "{\"id\":\"b\"}\n").unwrap();
        std::fs::write(d.join("notes.md"), "not an input").unwrap();
        assert_eq!(input_bytes(std::slice::from_ref(&d)), Some(5 + 11));
        assert_eq!(input_bytes(&[d.join("a.txt")]), Some(5));
        assert_eq!(input_bytes(&[PathBuf::from("-")]), None);
        std::fs::write(d.join("c.jsonl.gz"), b"\x1f\x8b").unwrap();
        assert_eq!(input_bytes(std::slice::from_ref(&d)), None);
        assert_eq!(input_bytes(&[d.join("a.txt"), d.join("sub")]), Some(16));
        let _ = std::fs::remove_dir_all(&d);
    }

    fn warc_record(kind: &str, id: &str, payload: &str) -> Vec<u8> {
        let body =
            format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{payload}");
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <{id}>\r\nWARC-Target-URI: https://example.org/{id}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            body.len()
        )
        .into_bytes();
        r.extend_from_slice(body.as_bytes());
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    #[test]
    fn jsonl_in_three_compressions() {
        let d = dir("jsonl");
        let lines = "{\"id\":\"a\",\"text\":\"Eins.\"}\n\n{\"id\":\"b\",\"text\":\"Zwei.\",\"published\":\"2025-07-24\"}\nnot json\n";
        std::fs::write(d.join("x.jsonl"), lines).unwrap();
        let mut gz = flate2::write::GzEncoder::new(
            std::fs::File::create(d.join("y.jsonl.gz")).unwrap(),
            flate2::Compression::fast(),
        );
        gz.write_all(lines.as_bytes()).unwrap();
        gz.finish().unwrap();
        std::fs::write(
            d.join("z.jsonl.zst"),
            zstd::encode_all(lines.as_bytes(), 1).unwrap(),
        )
        .unwrap();
        std::fs::write(d.join("ignored.md"), "# not an input").unwrap();
        let items: Vec<Item> = read_inputs(std::slice::from_ref(&d)).unwrap().collect();
        assert_eq!(items.len(), 9);
        for chunk in items.chunks(3) {
            assert_eq!(chunk[0].as_ref().unwrap().id, "a");
            assert_eq!(
                chunk[1].as_ref().unwrap().published.as_deref(),
                Some("2025-07-24")
            );
            let e = chunk[2].as_ref().unwrap_err();
            assert_eq!(e.kind, "malformed_json");
            assert!(e.id.ends_with(":4"), "{}", e.id);
        }
    }

    #[test]
    fn warc_responses_become_documents() {
        let d = dir("warc");
        let mut bytes =
            b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 4\r\n\r\ninfo\r\n\r\n".to_vec();
        bytes.extend(warc_record("request", "req-1", "GET /"));
        bytes.extend(warc_record("response", "urn:uuid:1", "<html><title>Labor</title><body><article><p>Amazon schlie&szlig;t das Labor.</p></article></body></html>"));
        bytes.extend(warc_record("response", "urn:uuid:2", "<p>Second page.</p>"));
        let mut gz = flate2::write::GzEncoder::new(
            std::fs::File::create(d.join("news.warc.gz")).unwrap(),
            flate2::Compression::fast(),
        );
        gz.write_all(&bytes).unwrap();
        gz.finish().unwrap();
        let items: Vec<Item> = read_inputs(&[d.join("news.warc.gz")]).unwrap().collect();
        assert_eq!(items.len(), 2);
        let a = items[0].as_ref().unwrap();
        assert_eq!(a.id, "urn:uuid:1");
        assert_eq!(a.text, "Amazon schließt das Labor.");
        assert_eq!(a.title.as_deref(), Some("Labor"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/urn:uuid:1"));
        assert_eq!(items[1].as_ref().unwrap().text, "Second page.");
    }

    #[test]
    fn truncated_warc_yields_one_error() {
        let d = dir("warc-trunc");
        let mut bytes = warc_record("response", "urn:uuid:1", "<p>Ok.</p>");
        let second = warc_record("response", "urn:uuid:2", "<p>Cut off here</p>");
        bytes.extend_from_slice(&second[..second.len() - 12]);
        std::fs::write(d.join("cut.warc"), bytes).unwrap();
        let items: Vec<Item> = read_inputs(&[d.join("cut.warc")]).unwrap().collect();
        assert_eq!(items.len(), 2);
        assert!(items[0].is_ok());
        assert_eq!(items[1].as_ref().unwrap_err().kind, "malformed_warc");
    }

    #[test]
    fn oversized_and_nested_warc_records_are_errors_and_reading_goes_on() {
        let d = dir("warc-limits");
        let mut bytes = warc_record(
            "response",
            "urn:uuid:big",
            &format!("<p>{}</p>", "x".repeat(5_000)),
        );
        bytes.extend(warc_record(
            "response",
            "urn:uuid:deep",
            &"<div>".repeat(600),
        ));
        bytes.extend(warc_record("response", "urn:uuid:ok", "<p>Fine.</p>"));
        std::fs::write(d.join("limits.warc"), bytes).unwrap();
        std::fs::write(d.join("long.txt"), "y".repeat(5_000)).unwrap();
        let options = ReadOptions {
            doc_size_limit: 4_096,
        };
        let items: Vec<Item> =
            read_inputs_with(&[d.join("limits.warc"), d.join("long.txt")], options)
                .unwrap()
                .collect();
        let kinds: Vec<(String, String)> = items
            .iter()
            .map(|i| match i {
                Ok(doc) => (doc.id.clone(), "ok".to_string()),
                Err(e) => (e.id.clone(), e.kind.clone()),
            })
            .collect();
        let want = [
            ("urn:uuid:big", "too_large"),
            ("urn:uuid:deep", "too_deeply_nested"),
            ("urn:uuid:ok", "ok"),
            ("long", "too_large"),
        ];
        assert_eq!(
            kinds,
            want.map(|(a, b)| (a.to_string(), b.to_string())).to_vec()
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlink_cycles_are_walked_once() {
        let d = dir("cycle");
        std::fs::create_dir_all(d.join("a/sub")).unwrap();
        std::fs::create_dir_all(d.join("b")).unwrap();
        std::fs::write(d.join("a/one.txt"), "Eins.").unwrap();
        std::fs::write(d.join("a/sub/two.txt"), "Zwei.").unwrap();
        std::fs::write(d.join("b/three.txt"), "Drei.").unwrap();
        // a link to an ancestor, two folders linking to each other, a second name for a file
        std::os::unix::fs::symlink("..", d.join("a/sub/up")).unwrap();
        std::os::unix::fs::symlink("../b", d.join("a/to_b")).unwrap();
        std::os::unix::fs::symlink("../a", d.join("b/to_a")).unwrap();
        std::os::unix::fs::symlink("one.txt", d.join("a/same.txt")).unwrap();
        let ids: Vec<String> = read_inputs(std::slice::from_ref(&d))
            .unwrap()
            .map(|i| i.unwrap().id)
            .collect();
        assert_eq!(ids, ["one", "two", "three"]);
    }

    #[cfg(unix)]
    #[test]
    fn unreadable_entries_are_error_items_and_the_walk_goes_on() {
        use std::os::unix::fs::PermissionsExt;
        let d = dir("unreadable");
        let other = dir("unreadable-other");
        std::fs::create_dir_all(d.join("locked")).unwrap();
        std::fs::write(d.join("locked/secret.txt"), "Geheim.").unwrap();
        std::fs::write(d.join("z.txt"), "Letzte.").unwrap();
        std::fs::write(other.join("o.txt"), "Andere.").unwrap();
        std::os::unix::fs::symlink("nowhere", d.join("dangling.txt")).unwrap();
        std::fs::set_permissions(d.join("locked"), std::fs::Permissions::from_mode(0o000)).unwrap();
        // root reads a folder without read permission: then only the dangling link fails
        let locked = std::fs::read_dir(d.join("locked")).is_err();
        let items: Vec<Item> = read_inputs(&[d.clone(), other.clone()]).unwrap().collect();
        std::fs::set_permissions(d.join("locked"), std::fs::Permissions::from_mode(0o755)).unwrap();
        let errors: Vec<&DocumentError> = items.iter().filter_map(|i| i.as_ref().err()).collect();
        let ids: Vec<&str> = items
            .iter()
            .filter_map(|i| i.as_ref().ok())
            .map(|d| d.id.as_str())
            .collect();
        assert!(errors.iter().all(|e| e.kind == "io"));
        assert!(errors[0].id.ends_with("dangling.txt"), "{errors:?}");
        if locked {
            assert_eq!(errors.len(), 2);
            assert!(errors[1].id.ends_with("locked"), "{errors:?}");
            assert_eq!(ids, ["z", "o"]);
        } else {
            eprintln!("running as root: the folder without permissions stays readable");
            assert_eq!(errors.len(), 1);
            assert_eq!(ids, ["secret", "z", "o"]);
        }
    }

    #[test]
    fn missing_path_is_an_error() {
        let err = read_inputs(&[PathBuf::from("/no/such/file.jsonl")])
            .err()
            .unwrap();
        assert!(err.to_string().contains("/no/such/file.jsonl"));
    }
}
