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

/// What an output was written from (the input paths as given and as canonical paths, and
/// the record shape), kept beside it in `<output>.claimx.json`: `--resume` refuses an output
/// of other inputs, and reads the `FILE:LINE` ids of an input spelled another way (first
/// absolute, then relative) as the same documents.
#[derive(Debug, Clone, PartialEq)]
pub struct Inputs {
    records: String,
    paths: Vec<(String, String)>,
}

impl Inputs {
    /// The inputs of this run (`-` for standard input).
    pub fn of(paths: &[std::path::PathBuf], records: &str) -> Inputs {
        let stdin = [std::path::PathBuf::from("-")];
        let paths = if paths.is_empty() { &stdin[..] } else { paths };
        Inputs {
            records: records.to_string(),
            paths: paths
                .iter()
                .map(|p| {
                    let given = p.display().to_string();
                    let canonical = if given == "-" {
                        given.clone()
                    } else {
                        p.canonicalize()
                            .map_or_else(|_| given.clone(), |c| c.display().to_string())
                    };
                    (given, canonical)
                })
                .collect(),
        }
    }

    fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "written_by": format!("claimx {}", env!("CARGO_PKG_VERSION")),
            "records": self.records,
            "inputs": self.paths.iter().map(|(g, c)| serde_json::json!({"given": g, "canonical": c})).collect::<Vec<_>>(),
        })
    }

    fn from_json(v: &serde_json::Value) -> Option<Inputs> {
        let paths = v["inputs"]
            .as_array()?
            .iter()
            .map(|i| {
                Some((
                    i["given"].as_str()?.to_string(),
                    i["canonical"].as_str()?.to_string(),
                ))
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Inputs {
            records: v["records"].as_str()?.to_string(),
            paths,
        })
    }
}

/// The side file that records an output's inputs.
pub fn side_file(output: &Path) -> std::path::PathBuf {
    let mut name = output.file_name().unwrap_or_default().to_os_string();
    name.push(".claimx.json");
    output.with_file_name(name)
}

/// Record the inputs of the run writing `output`.
pub fn record(output: &Path, inputs: &Inputs) -> Result<()> {
    let path = side_file(output);
    std::fs::write(&path, inputs.to_json().to_string() + "\n")
        .with_context(|| format!("cannot write {}", path.display()))
}

/// Before resuming into `output`: its side file must name the inputs of this run, with the
/// same record shape. Returns the inputs whose spelling changed (old, new), for
/// [`Done::respell`]. An output without a side file (written by an older claimx) is resumed
/// with a warning.
pub fn check(output: &Path, inputs: &Inputs) -> Result<Vec<(String, String)>> {
    let path = side_file(output);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if std::fs::metadata(output).is_ok_and(|m| m.len() > 0) {
                eprintln!(
                    "claimx: warning: {} has no record of its inputs ({} is missing); resuming without checking them",
                    output.display(),
                    path.display()
                );
            }
            return Ok(Vec::new());
        }
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    let Some(old) = serde_json::from_str(&text)
        .ok()
        .as_ref()
        .and_then(Inputs::from_json)
    else {
        bail!(
            "{} is not a claimx input record; refusing to resume",
            path.display()
        );
    };
    if old.records != inputs.records {
        bail!(
            "{} holds {} records and this run writes {} records; refusing to resume into it",
            output.display(),
            old.records,
            inputs.records
        );
    }
    let canonical = |i: &Inputs| i.paths.iter().map(|p| p.1.clone()).collect::<Vec<_>>();
    if canonical(&old) != canonical(inputs) {
        bail!(
            "{} holds the records of other inputs ({}), not of {}; refusing to resume into it \
             (choose another -o, or leave out --resume to start it over)",
            output.display(),
            canonical(&old).join(", "),
            canonical(inputs).join(", ")
        );
    }
    Ok(old
        .paths
        .iter()
        .zip(&inputs.paths)
        .filter(|(a, b)| a.0 != b.0)
        .map(|(a, b)| (a.0.clone(), b.0.clone()))
        .collect())
}

/// Ids already in the output, with how many documents of each.
#[derive(Debug, Default)]
pub struct Done {
    counts: HashMap<String, usize>,
    pub documents: usize,
    /// Error records among them (the exit code counts them too).
    pub errors: usize,
}

impl Done {
    /// Read ids written under an input's old spelling (`/data/dump.jsonl:7`) as ids of its
    /// new one (`dump.jsonl:7`): the `FILE:LINE` ids of lines without an id of their own.
    pub fn respell(&mut self, renames: &[(String, String)]) {
        if renames.is_empty() {
            return;
        }
        let counts = std::mem::take(&mut self.counts);
        for (id, n) in counts {
            let id = renames
                .iter()
                .find_map(|(old, new)| {
                    let rest = id.strip_prefix(old.as_str())?;
                    (rest.starts_with('/') || rest.starts_with(':')).then(|| format!("{new}{rest}"))
                })
                .unwrap_or(id);
            *self.counts.entry(id).or_default() += n;
        }
    }

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
    let mut last_is_error = false;
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
                        done.errors += last_is_error as usize;
                    }
                    last = Some((id, start));
                    last_is_error = is_error;
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
    fn error_records_of_claim_rows_count_for_the_exit_code() {
        let (_d, path) = write(
            "{\"id\":\"a\",\"claim\":0}\n{\"id\":\"b\",\"error\":{}}\n{\"id\":\"c\",\"claim\":0}\n{\"id\":\"d\",\"error\":{}}\n",
        );
        let done = prepare(&path, true).unwrap();
        // d is the last document: cut and redone, so counted by the run that redoes it
        assert_eq!((done.documents, done.errors), (3, 1));
    }

    #[test]
    fn ids_of_a_respelled_input_are_the_same_documents() {
        let (_d, path) = write("{\"id\":\"/abs/dump.jsonl:1\"}\n{\"id\":\"/abs/dir/x.jsonl:2\"}\n{\"id\":\"/abs/dumpling:3\"}\n");
        let mut done = prepare(&path, false).unwrap();
        done.respell(&[
            ("/abs/dump.jsonl".into(), "dump.jsonl".into()),
            ("/abs/dir".into(), "dir".into()),
        ]);
        assert!(done.take("dump.jsonl:1") && done.take("dir/x.jsonl:2"));
        assert!(
            done.take("/abs/dumpling:3"),
            "another file that shares a prefix keeps its id"
        );
    }

    #[test]
    fn a_foreign_output_is_refused_and_a_respelled_one_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.jsonl"), dir.path().join("b.jsonl"));
        std::fs::write(&a, "").unwrap();
        std::fs::write(&b, "").unwrap();
        let out = dir.path().join("out.jsonl");
        std::fs::write(&out, "{\"id\":\"x\"}\n").unwrap();
        record(&out, &Inputs::of(std::slice::from_ref(&a), "documents")).unwrap();
        let err = check(&out, &Inputs::of(std::slice::from_ref(&b), "documents")).unwrap_err();
        assert!(
            err.to_string()
                .contains("holds the records of other inputs"),
            "{err}"
        );
        let err = check(&out, &Inputs::of(std::slice::from_ref(&a), "claims")).unwrap_err();
        assert!(err.to_string().contains("holds documents records"), "{err}");
        let respelled = dir.path().join(".").join("a.jsonl");
        let renames = check(
            &out,
            &Inputs::of(std::slice::from_ref(&respelled), "documents"),
        )
        .unwrap();
        assert_eq!(
            renames,
            vec![(a.display().to_string(), respelled.display().to_string())]
        );
        // an output of an older claimx, without the side file: resumed unchecked
        std::fs::remove_file(side_file(&out)).unwrap();
        assert!(check(&out, &Inputs::of(&[b], "documents"))
            .unwrap()
            .is_empty());
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
