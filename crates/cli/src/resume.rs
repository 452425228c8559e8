//! `claimx extract --resume`: continue an interrupted JSONL output.
//!
//! Records are written in input order, one line each, and flushed batch by batch, so a run
//! killed at any moment leaves complete lines followed by at most one partial line. Resuming
//! cuts the partial line off, counts the ids already written and skips that many input
//! documents of each id (so duplicate ids in the input are kept). With `--records claims` a
//! document is several lines and a document without claims none at all: the lines of the
//! last document in the file may be incomplete, so they are cut too and that document is
//! redone; documents with no claims are redone harmlessly (they write nothing).
use std::collections::HashMap;
use std::fs::OpenOptions;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use anyhow::{bail, Context, Result};

/// Ids already in the output, with how many documents of each.
#[derive(Debug, Default)]
pub struct Done {
    counts: HashMap<String, usize>,
    pub documents: usize,
    /// Error records among them (the exit code counts them too).
    pub errors: usize,
}

impl Done {
    /// True (and counted off) when the document with this id is already in the output.
    pub fn take(&mut self, id: &str) -> bool {
        match self.counts.get_mut(id) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        }
    }
}

/// Read what `path` holds, cut it back to its last complete document and return the done ids.
/// A missing file is an empty one.
pub fn prepare(path: &Path, claim_rows: bool) -> Result<Done> {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Done::default()),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    let mut reader = BufReader::new(file);
    let mut done = Done::default();
    let mut line = Vec::new();
    let mut offset = 0u64; // end of the last complete, parsed line
    let mut keep = 0u64; // where the file is cut
    let mut last: Option<(String, u64)> = None; // claims: the last id and where its run began
    let mut number = 0usize;
    loop {
        line.clear();
        let n = reader
            .read_until(b'\n', &mut line)
            .with_context(|| format!("cannot read {}", path.display()))?;
        if n == 0 {
            break;
        }
        number += 1;
        if line.last() != Some(&b'\n') {
            // the partial line a killed run leaves behind
            break;
        }
        let record = serde_json::from_slice::<serde_json::Value>(&line).ok();
        let is_error = record.as_ref().is_some_and(|v| v.get("error").is_some());
        let id = record.and_then(|v| v.get("id").and_then(|i| i.as_str()).map(str::to_string));
        let Some(id) = id else {
            let mut rest = Vec::new();
            reader.read_to_end(&mut rest)?;
            if rest.is_empty() {
                // a last line cut where a newline happened to fall: redo it
                break;
            }
            bail!(
                "{} line {number} is not a claimx record; refusing to resume into it",
                path.display()
            );
        };
        let start = offset;
        offset += n as u64;
        if claim_rows {
            match &last {
                Some((prev, _)) if *prev == id => {}
                _ => {
                    if let Some((prev, _)) = last.take() {
                        *done.counts.entry(prev).or_default() += 1;
                        done.documents += 1;
                    }
                    last = Some((id, start));
                }
            }
        } else {
            *done.counts.entry(id).or_default() += 1;
            done.documents += 1;
            done.errors += is_error as usize;
            keep = offset;
        }
    }
    if claim_rows {
        // the last document's claims may be incomplete: cut them and redo it
        keep = last.map(|(_, start)| start).unwrap_or(offset);
    }
    let file = OpenOptions::new()
        .write(true)
        .open(path)
        .with_context(|| format!("cannot open {} to resume", path.display()))?;
    file.set_len(keep)
        .with_context(|| format!("cannot cut {} back to its last record", path.display()))?;
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(content: &str) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.jsonl");
        std::fs::write(&path, content).unwrap();
        (dir, path)
    }

    #[test]
    fn partial_last_line_is_cut_and_ids_counted() {
        let (_d, path) = write(
            "{\"id\":\"a\"}\n{\"id\":\"b\",\"error\":{}}\n{\"id\":\"a\"}\n{\"id\":\"c\",\"te",
        );
        let mut done = prepare(&path, false).unwrap();
        assert_eq!((done.documents, done.errors), (3, 1));
        assert!(done.take("a") && done.take("a") && !done.take("a"));
        assert!(done.take("b") && !done.take("c"));
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "{\"id\":\"a\"}\n{\"id\":\"b\",\"error\":{}}\n{\"id\":\"a\"}\n"
        );
    }

    #[test]
    fn claim_rows_redo_the_last_document() {
        let (_d, path) = write(
            "{\"id\":\"a\",\"claim\":0}\n{\"id\":\"a\",\"claim\":1}\n{\"id\":\"b\",\"claim\":0}\n",
        );
        let mut done = prepare(&path, true).unwrap();
        assert_eq!(done.documents, 1);
        assert!(done.take("a") && !done.take("b"));
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "{\"id\":\"a\",\"claim\":0}\n{\"id\":\"a\",\"claim\":1}\n"
        );
    }

    #[test]
    fn a_foreign_line_in_the_middle_stops_the_resume() {
        let (_d, path) = write("{\"id\":\"a\"}\nnot json\n{\"id\":\"b\"}\n");
        let err = prepare(&path, false).unwrap_err().to_string();
        assert!(err.contains("line 2"), "{err}");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "{\"id\":\"a\"}\nnot json\n{\"id\":\"b\"}\n",
            "nothing is cut when resuming is refused"
        );
    }

    #[test]
    fn missing_file_is_a_fresh_start() {
        let dir = tempfile::tempdir().unwrap();
        let done = prepare(&dir.path().join("none.jsonl"), false).unwrap();
        assert_eq!(done.documents, 0);
    }
}
