//! Python bindings for claimx: the `claimx._claimx` extension module behind the `claimx`
//! package (`python/claimx`).
//!
//! The pipeline runs with the GIL released, in a rayon pool of its own sized by `threads`
//! (a Ray actor or Spark task owns only its CPUs). Records cross into Python as the same
//! JSON the CLI writes (decoded by Python's `json`), or as Arrow record batches in the
//! Parquet schema of `docs/schema.md`; Arrow text columns are read in place, not copied.

use arrow::array::{Array, AsArray, RecordBatch};
use arrow::datatypes::{DataType, Schema};
use arrow::pyarrow::PyArrowType;
use claimx_core::{
    DocumentError as CoreDocumentError, DocumentRef, Pipeline, PipelineConfig, TaggerModel,
};
use claimx_doc::{AnnotatedDocument, Document, Stage};
use claimx_writers::RecordShape;
use pyo3::create_exception;
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::{PyDict, PyIterator, PyList, PyString};
use std::sync::Arc;

create_exception!(
    claimx,
    DocumentError,
    PyValueError,
    "A document could not be annotated; `.id`, `.stage`, `.kind` and the message say why."
);
create_exception!(
    claimx,
    ModelError,
    PyRuntimeError,
    "The tagger model could not be loaded."
);

type Output = Result<AnnotatedDocument, CoreDocumentError>;

/// Python's `json.loads`, looked up once.
fn json_loads(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    static LOADS: GILOnceCell<PyObject> = GILOnceCell::new();
    Ok(LOADS
        .get_or_try_init(py, || -> PyResult<PyObject> {
            Ok(py.import("json")?.getattr("loads")?.unbind())
        })?
        .bind(py))
}

fn document_error(py: Python<'_>, e: &CoreDocumentError) -> PyErr {
    let err = DocumentError::new_err(e.to_string());
    let value = err.value(py);
    for (k, v) in [
        ("id", e.id.as_str()),
        ("stage", e.stage.name()),
        ("kind", &e.kind),
    ] {
        // attributes on the exception instance; setting them cannot fail for str values
        let _ = value.setattr(k, v);
    }
    let _ = value.setattr("detail", &e.message);
    err
}

/// A record as JSON text: the annotated document, or the error record.
fn record_json(r: &Output) -> String {
    match r {
        Ok(doc) => serde_json::to_string(doc),
        Err(e) => serde_json::to_string(&e.to_record()),
    }
    .expect("records serialise")
}

fn shape(records: &str) -> PyResult<RecordShape> {
    match records {
        "documents" => Ok(RecordShape::Documents),
        "claims" => Ok(RecordShape::Claims),
        other => Err(PyValueError::new_err(format!(
            "records must be \"documents\" or \"claims\", not {other:?}"
        ))),
    }
}

/// The claimx pipeline.
/// One item of a batch API: a str, or a dict with "text" and optional "id", "published"
/// (str, date or datetime), "title", "url". An item that is not a document becomes an error
/// record for it (as a bad JSONL line does in the CLI), never an exception for the batch.
fn document_from(
    item: &Bound<'_, PyAny>,
    i: usize,
) -> PyResult<Result<Document, CoreDocumentError>> {
    if let Ok(s) = item.downcast::<PyString>() {
        return Ok(Ok(Document::new(i.to_string(), s.to_cow()?)));
    }
    let Ok(d) = item.downcast::<PyDict>() else {
        return Ok(Err(CoreDocumentError::new(
            &i.to_string(),
            Stage::Input,
            "not_a_document",
            format!(
                "document {i}: expected a str or a dict, got {}",
                item.get_type().name()?
            ),
        )));
    };
    let get = |k: &str| -> PyResult<Option<String>> {
        match d.get_item(k)? {
            None => Ok(None),
            Some(v) if v.is_none() => Ok(None),
            Some(v) => Ok(Some(v.str()?.to_string())),
        }
    };
    let id = get("id")?.unwrap_or_else(|| i.to_string());
    let text = match d.get_item("text")? {
        Some(t) => t.extract::<String>().ok(),
        None => None,
    };
    let Some(text) = text else {
        return Ok(Err(CoreDocumentError::new(
            &id,
            Stage::Input,
            "missing_text",
            format!("document {i}: no str \"text\""),
        )));
    };
    let mut doc = Document::new(id, text);
    doc.published = get("published")?;
    doc.title = get("title")?;
    doc.url = get("url")?;
    doc.source = get("source")?;
    Ok(Ok(doc))
}

/// The embedded model's card (its README, with the licence in the front matter).
const EMBEDDED_CARD: &str = include_str!("../../../models/claimx-tagger-small/README.md");

/// The `license:` of a model card's YAML front matter.
fn card_license(card: &str) -> Option<String> {
    let front = card.strip_prefix("---")?.split("\n---").next()?;
    front.lines().find_map(|l| {
        l.trim()
            .strip_prefix("license:")
            .map(|v| v.trim().trim_matches('"').to_string())
            .filter(|v| !v.is_empty())
    })
}

#[pyclass(name = "Pipeline", module = "claimx", frozen)]
struct PyPipeline {
    pipeline: Arc<Pipeline>,
    pool: Arc<rayon::ThreadPool>,
    threads: usize,
    model: String,
}

impl PyPipeline {
    fn run(&self, py: Python<'_>, docs: &[Document]) -> Vec<Output> {
        let (pipeline, pool) = (self.pipeline.clone(), self.pool.clone());
        py.allow_threads(|| pool.install(|| pipeline.extract_batch(docs)))
    }

    /// The records of a batch as JSON texts, in order, with the GIL released: one per item
    /// (documents), or one per claim and one per error (claims).
    fn annotate_json(
        &self,
        py: Python<'_>,
        batch: &[Result<Document, CoreDocumentError>],
        claims: bool,
    ) -> Vec<String> {
        let (pipeline, pool) = (self.pipeline.clone(), self.pool.clone());
        py.allow_threads(|| {
            pool.install(|| {
                use rayon::prelude::*;
                let docs: Vec<&Document> = batch.iter().filter_map(|d| d.as_ref().ok()).collect();
                let mut annotated = pipeline.extract_batch_refs(&docs).into_iter();
                let out: Vec<(Output, Option<&Document>)> = batch
                    .iter()
                    .map(|item| match item {
                        Ok(d) => (annotated.next().expect("one result per document"), Some(d)),
                        Err(e) => (Err(e.clone()), None),
                    })
                    .collect();
                out.par_iter()
                    .flat_map_iter(|(r, d)| match (r, d, claims) {
                        (Ok(doc), Some(d), true) => claimx_writers::claim_records(doc, &d.text)
                            .into_iter()
                            .map(|v| v.to_string())
                            .collect::<Vec<_>>(),
                        _ => vec![record_json(r)],
                    })
                    .collect()
            })
        })
    }
}

/// The generator `Pipeline.pipe` returns: reads `batch_size` items from the iterable,
/// annotates them together, yields their records, then reads the next batch.
#[pyclass(module = "claimx")]
struct PipeIterator {
    pipeline: Py<PyPipeline>,
    items: Py<PyIterator>,
    batch_size: usize,
    batch_bytes: usize,
    claims: bool,
    read: usize,
    ready: std::collections::VecDeque<String>,
}

#[pymethods]
impl PipeIterator {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<PyObject>> {
        while self.ready.is_empty() {
            let items = self.items.bind(py).clone();
            let mut batch = Vec::with_capacity(self.batch_size);
            let mut bytes = 0;
            // a batch also closes at the pipeline's byte budget (4 MiB of text with a model),
            // which bounds memory when the documents are long
            for item in items.take(self.batch_size) {
                let doc = document_from(&item?, self.read)?;
                bytes += doc.as_ref().map_or(0, |d| d.text.len());
                batch.push(doc);
                self.read += 1;
                if bytes >= self.batch_bytes {
                    break;
                }
            }
            if batch.is_empty() {
                return Ok(None);
            }
            let json = self.pipeline.get().annotate_json(py, &batch, self.claims);
            self.ready.extend(json);
        }
        let json = self.ready.pop_front().expect("a record is ready");
        Ok(Some(json_loads(py)?.call1((json,))?.unbind()))
    }
}

#[pymethods]
impl PyPipeline {
    #[new]
    #[pyo3(signature = (model=None, threads=None, config=None))]
    fn new(
        model: Option<&Bound<'_, PyAny>>,
        threads: Option<usize>,
        config: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let mut cfg: PipelineConfig = match config {
            None => PipelineConfig::default(),
            Some(c) => {
                let text: String = if let Ok(s) = c.downcast::<PyString>() {
                    s.to_string()
                } else {
                    let dumps = c.py().import("json")?.getattr("dumps")?;
                    dumps.call1((c,))?.extract()?
                };
                PipelineConfig::from_json(&text)
                    .map_err(|e| PyValueError::new_err(format!("config: {e}")))?
            }
        };
        let mut model_name = String::from("default");
        if let Some(m) = model {
            let m: String = m
                .str()?
                .extract()
                .map_err(|_| PyTypeError::new_err("model must be a str or a path"))?;
            cfg.tagger.model = TaggerModel::from_arg(&m);
            model_name = m;
        } else if config.is_some() {
            model_name = cfg.tagger.model.to_arg();
        }
        let threads =
            threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
        if threads == 0 {
            return Err(PyValueError::new_err("threads must be at least 1"));
        }
        cfg.tagger.options.threads = threads;
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("claimx-{i}"))
            .build()
            .map_err(|e| PyRuntimeError::new_err(format!("cannot start {threads} threads: {e}")))?;
        let pipeline =
            Pipeline::from_config(cfg).map_err(|e| ModelError::new_err(e.to_string()))?;
        Ok(PyPipeline {
            pipeline: Arc::new(pipeline),
            pool: Arc::new(pool),
            threads,
            model: model_name,
        })
    }

    /// Worker threads of this pipeline's pool.
    #[getter]
    fn threads(&self) -> usize {
        self.threads
    }

    /// `"default"`, `"none"` or the model directory.
    #[getter]
    fn model(&self) -> &str {
        &self.model
    }

    /// The model behind the pipeline and its licence, from the model card (the `license:`
    /// line of its README's front matter): `{"model", "source", "license", "card"}`; the
    /// code's own licence is Apache-2.0 (`claimx --version` prints both).
    #[getter]
    fn model_info(&self, py: Python<'_>) -> PyResult<PyObject> {
        let (source, card) = match self.model.as_str() {
            "none" => ("none", None),
            "default" => ("embedded", Some(EMBEDDED_CARD.to_string())),
            dir => (
                "directory",
                std::fs::read_to_string(std::path::Path::new(dir).join("README.md")).ok(),
            ),
        };
        let license = card.as_deref().and_then(card_license);
        let info = serde_json::json!({
            "model": match source {
                "embedded" => "claimx-tagger-small",
                "none" => "none",
                _ => self.model.as_str(),
            },
            "source": source,
            "license": license,
            "code_license": "Apache-2.0",
            "card": card,
        });
        Ok(json_loads(py)?.call1((info.to_string(),))?.unbind())
    }

    fn __repr__(&self) -> String {
        format!("Pipeline(model={:?}, threads={})", self.model, self.threads)
    }

    /// Annotate one text; returns the document record as a dict, raises DocumentError.
    /// `published` is a str (`YYYY-MM-DD[THH:MM:SS]`), a `datetime.date` or a
    /// `datetime.datetime`, as in `extract_batch`.
    #[pyo3(signature = (text, id=None, published=None))]
    fn extract(
        &self,
        py: Python<'_>,
        text: String,
        id: Option<String>,
        published: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyObject> {
        let mut doc = Document::new(id.unwrap_or_else(|| "0".into()), text);
        doc.published = match published {
            Some(p) if !p.is_none() => Some(p.str()?.to_string()),
            _ => None,
        };
        let out = self
            .run(py, std::slice::from_ref(&doc))
            .pop()
            .expect("one result");
        match &out {
            Ok(_) => Ok(json_loads(py)?.call1((record_json(&out),))?.unbind()),
            Err(e) => Err(document_error(py, e)),
        }
    }

    /// Annotate many documents (str, or dicts with "text" and optional "id", "published",
    /// "title", "url") in parallel with the GIL released; in order, one dict per document
    /// (the document record or an error record `{"id", "error": {...}}`), or with
    /// `records="claims"` one flat claim row per claim (error records kept), as
    /// `claimx extract --records claims` writes them.
    #[pyo3(signature = (docs, records="documents"))]
    fn extract_batch(
        &self,
        py: Python<'_>,
        docs: &Bound<'_, PyAny>,
        records: &str,
    ) -> PyResult<Py<PyList>> {
        let claims = shape(records)? == RecordShape::Claims;
        let mut batch = Vec::new();
        for (i, item) in docs.try_iter()?.enumerate() {
            batch.push(document_from(&item?, i)?);
        }
        let json = self.annotate_json(py, &batch, claims);
        let loads = json_loads(py)?;
        let list = PyList::empty(py);
        for j in json {
            list.append(loads.call1((j,))?)?;
        }
        Ok(list.unbind())
    }

    /// Annotate an iterable of documents lazily, as spaCy's `nlp.pipe` does: a generator of
    /// records in input order (the dicts `extract_batch` returns: one per document, error
    /// records for items that fail, or with `records="claims"` one per claim). Items are read
    /// and annotated `batch_size` at a time, fewer once their texts reach `batch_bytes`
    /// (default 4 MiB with a model, 64 MiB without), so the iterable may be longer than
    /// memory.
    #[pyo3(signature = (docs, batch_size=256, records="documents", batch_bytes=None))]
    fn pipe(
        slf: Bound<'_, Self>,
        docs: &Bound<'_, PyAny>,
        batch_size: usize,
        records: &str,
        batch_bytes: Option<usize>,
    ) -> PyResult<PipeIterator> {
        if batch_size == 0 {
            return Err(PyValueError::new_err("batch_size must be at least 1"));
        }
        if batch_bytes == Some(0) {
            return Err(PyValueError::new_err("batch_bytes must be at least 1"));
        }
        let batch_bytes = batch_bytes.unwrap_or_else(|| slf.borrow().pipeline.batch_bytes());
        Ok(PipeIterator {
            pipeline: slf.unbind(),
            items: docs.try_iter()?.unbind(),
            batch_size,
            batch_bytes,
            claims: shape(records)? == RecordShape::Claims,
            read: 0,
            ready: Default::default(),
        })
    }

    /// Annotate a `pyarrow.RecordBatch` or `pyarrow.Table` (a string column of texts,
    /// optional id and published columns; `title`, `url` and `source` columns when present)
    /// and return the same kind — a RecordBatch, or a Table batch by batch — of document or
    /// claim rows in the schema of `arrow_schema(records)`. Texts are read in place; errors
    /// are rows with `error_stage`, `error_kind`, `error_message`.
    #[pyo3(signature = (batch, records="documents", text_column="text", id_column="id", published_column="published"))]
    fn extract_arrow(
        &self,
        py: Python<'_>,
        batch: &Bound<'_, PyAny>,
        records: &str,
        text_column: &str,
        id_column: &str,
        published_column: &str,
    ) -> PyResult<PyObject> {
        let pa = py.import("pyarrow")?;
        if batch.is_instance(&pa.getattr("Table")?)? {
            let mut out = Vec::new();
            let mut first_row = 0;
            for b in batch.call_method0("to_batches")?.try_iter()? {
                let b: PyArrowType<RecordBatch> = b?.extract()?;
                let rows = b.0.num_rows();
                let done = self.extract_record_batch(
                    py,
                    b.0,
                    records,
                    [text_column, id_column, published_column],
                    first_row,
                )?;
                first_row += rows;
                out.push(PyArrowType(done).into_pyobject(py)?);
            }
            let schema = PyArrowType(claimx_writers::schema(shape(records)?).as_ref().clone());
            let kwargs = pyo3::types::PyDict::new(py);
            kwargs.set_item("schema", schema.into_pyobject(py)?)?;
            return Ok(pa
                .getattr("Table")?
                .call_method("from_batches", (out,), Some(&kwargs))?
                .unbind());
        }
        let b: PyArrowType<RecordBatch> = batch.extract().map_err(|_| {
            pyo3::exceptions::PyTypeError::new_err(
                "extract_arrow takes a pyarrow.RecordBatch or a pyarrow.Table",
            )
        })?;
        let done = self.extract_record_batch(
            py,
            b.0,
            records,
            [text_column, id_column, published_column],
            0,
        )?;
        Ok(PyArrowType(done).into_pyobject(py)?.unbind())
    }
}

impl PyPipeline {
    fn extract_record_batch(
        &self,
        py: Python<'_>,
        batch: RecordBatch,
        records: &str,
        [text_column, id_column, published_column]: [&str; 3],
        first_row: usize,
    ) -> PyResult<RecordBatch> {
        let shape = shape(records)?;
        let (pipeline, pool) = (self.pipeline.clone(), self.pool.clone());
        let out = py.allow_threads(|| -> Result<RecordBatch, String> {
            let texts = string_column(&batch, text_column)?
                .ok_or_else(|| format!("the batch has no column {text_column:?}"))?;
            let id_column = string_column(&batch, id_column)?;
            let published = string_column(&batch, published_column)?;
            let [title, url, source] =
                ["title", "url", "source"].map(|c| string_column(&batch, c).ok().flatten());
            let ids: Vec<String> = (0..batch.num_rows())
                .map(|i| {
                    id_column
                        .as_ref()
                        .and_then(|c| c.get(i))
                        .map_or_else(|| (first_row + i).to_string(), str::to_string)
                })
                .collect();
            let views: Vec<DocumentRef<'_>> = ids
                .iter()
                .enumerate()
                .filter_map(|(i, id)| {
                    Some(DocumentRef {
                        id,
                        text: texts.get(i)?,
                        published: published.as_ref().and_then(|c| c.get(i)),
                        title: title.as_ref().and_then(|c| c.get(i)),
                        url: url.as_ref().and_then(|c| c.get(i)),
                        source: source.as_ref().and_then(|c| c.get(i)),
                    })
                })
                .collect();
            let mut annotated = pool
                .install(|| pipeline.extract_views(&views))
                .into_iter()
                .zip(&views);
            // rows without text become error records in place
            let results: Vec<(Output, &str)> = ids
                .iter()
                .enumerate()
                .map(|(i, id)| match texts.get(i) {
                    None => {
                        let message = format!("row {i}: column {text_column:?} is null");
                        let e = CoreDocumentError::new(id, Stage::Input, "missing_text", message);
                        (Err(e), "")
                    }
                    Some(_) => {
                        let (r, v) = annotated.next().expect("one result per text");
                        (r, v.text)
                    }
                })
                .collect();
            claimx_writers::record_batch(shape, results.iter().map(|(r, t)| (r, *t)))
                .map_err(|e| e.to_string())
        });
        out.map_err(PyValueError::new_err)
    }
}

/// A string column read in place (Utf8, LargeUtf8, Utf8View), or dates/integers as text.
enum Column<'a> {
    Str(&'a arrow::array::StringArray),
    Large(&'a arrow::array::LargeStringArray),
    View(&'a arrow::array::StringViewArray),
    Formatted(Vec<Option<String>>),
}

impl Column<'_> {
    fn get(&self, i: usize) -> Option<&str> {
        match self {
            Column::Str(a) => (!a.is_null(i)).then(|| a.value(i)),
            Column::Large(a) => (!a.is_null(i)).then(|| a.value(i)),
            Column::View(a) => (!a.is_null(i)).then(|| a.value(i)),
            Column::Formatted(v) => v[i].as_deref(),
        }
    }
}

fn string_column<'a>(batch: &'a RecordBatch, name: &str) -> Result<Option<Column<'a>>, String> {
    let Some(col) = batch.column_by_name(name) else {
        return Ok(None);
    };
    Ok(Some(match col.data_type() {
        DataType::Utf8 => Column::Str(col.as_string::<i32>()),
        DataType::LargeUtf8 => Column::Large(col.as_string::<i64>()),
        DataType::Utf8View => Column::View(col.as_string_view()),
        DataType::Int64
        | DataType::Int32
        | DataType::UInt64
        | DataType::UInt32
        | DataType::Date32
        | DataType::Date64
        | DataType::Timestamp(_, _) => {
            // ids as numbers, publication dates as dates: formatted once, the ISO form
            let formatter =
                arrow::util::display::ArrayFormatter::try_new(col.as_ref(), &Default::default())
                    .map_err(|e| e.to_string())?;
            Column::Formatted(
                (0..col.len())
                    .map(|i| (!col.is_null(i)).then(|| formatter.value(i).to_string()))
                    .collect(),
            )
        }
        other => return Err(format!("column {name:?} has type {other}, not a string")),
    }))
}

/// Group claim rows of different documents into facts labelled agree / compatible /
/// conflict (as `claimx consolidate`), each within one story. `rows`: claim-row dicts
/// (`extract_batch(docs, records="claims")`) or the path of a JSONL file of them;
/// `aliases`: an alias file; `story_window_days`, `story_threshold`: how documents join
/// into stories; `document_vectors`: embeddings of the documents' texts by document id (any
/// encoder, e.g. multilingual-e5, one width for all), the third story signal, weighted by
/// `text_weight`. Returns the groups, or with `with_stories=True` a dict with `stories`,
/// `groups` and `failures`.
#[pyfunction]
#[pyo3(signature = (rows, aliases=None, story_window_days=7, story_threshold=0.2, with_stories=false, document_vectors=None, text_weight=0.5))]
#[allow(clippy::too_many_arguments)]
fn consolidate(
    py: Python<'_>,
    rows: &Bound<'_, PyAny>,
    aliases: Option<std::path::PathBuf>,
    story_window_days: i64,
    story_threshold: f64,
    with_stories: bool,
    document_vectors: Option<std::collections::HashMap<String, Vec<f32>>>,
    text_weight: f64,
) -> PyResult<PyObject> {
    if story_window_days < 0
        || !(0.0..=1.0).contains(&story_threshold)
        || !(0.0..=1.0).contains(&text_weight)
    {
        return Err(PyValueError::new_err(
            "story_window_days must be at least 0, story_threshold and text_weight between 0 and 1",
        ));
    }
    let text: String = if let Ok(path) = rows.extract::<std::path::PathBuf>() {
        std::fs::read_to_string(&path)
            .map_err(|e| PyValueError::new_err(format!("cannot read {}: {e}", path.display())))?
    } else {
        let dumps = py.import("json")?.getattr("dumps")?;
        let mut lines = String::new();
        for r in rows.try_iter()? {
            lines.push_str(&dumps.call1((r?,))?.extract::<String>()?);
            lines.push('\n');
        }
        lines
    };
    let (rows, _) = claimx_consolidate::read_rows(&text);
    let mut table = claimx_consolidate::AliasTable::default();
    table.learn(&rows);
    if let Some(path) = aliases {
        table
            .load(&path)
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
    }
    let options = claimx_consolidate::StoryOptions {
        window_days: story_window_days,
        threshold: story_threshold,
        text_weight,
        ..Default::default()
    };
    let vectors: claimx_consolidate::TextVectors = document_vectors.unwrap_or_default();
    let found =
        claimx_consolidate::consolidate_stories_with_text(&rows, &table, &options, &vectors);
    let json = if with_stories {
        serde_json::to_string(&found)
    } else {
        serde_json::to_string(&found.groups)
    }
    .expect("groups serialise");
    Ok(json_loads(py)?.call1((json,))?.unbind())
}

/// The Arrow schema of `extract_arrow`'s output for `records` ("documents" or "claims").
#[pyfunction]
#[pyo3(signature = (records="documents"))]
fn arrow_schema(records: &str) -> PyResult<PyArrowType<Schema>> {
    Ok(PyArrowType(
        claimx_writers::schema(shape(records)?).as_ref().clone(),
    ))
}

/// Score against a gold folder (as `claimx eval`): `pred` a JSONL file of document records,
/// else the pipeline runs on the gold texts. Returns the report as a dict.
#[pyfunction]
#[pyo3(signature = (gold, pred=None, pipeline=None))]
fn eval(
    py: Python<'_>,
    gold: std::path::PathBuf,
    pred: Option<std::path::PathBuf>,
    pipeline: Option<&PyPipeline>,
) -> PyResult<PyObject> {
    let default;
    let pipeline: &Pipeline = match (pipeline, &pred) {
        (Some(p), _) => &p.pipeline,
        (None, Some(_)) => {
            default = Pipeline::rules_only();
            &default
        }
        (None, None) => {
            default = Pipeline::from_config(PipelineConfig::default())
                .map_err(|e| ModelError::new_err(e.to_string()))?;
            &default
        }
    };
    let report = py
        .allow_threads(|| claimx_eval::evaluate(&gold, pred.as_deref(), pipeline))
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    let json = serde_json::to_string(&report).expect("reports serialise");
    Ok(json_loads(py)?.call1((json,))?.unbind())
}

#[pymodule]
fn _claimx(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyPipeline>()?;
    m.add_class::<PipeIterator>()?;
    m.add_function(wrap_pyfunction!(arrow_schema, m)?)?;
    m.add_function(wrap_pyfunction!(eval, m)?)?;
    m.add_function(wrap_pyfunction!(consolidate, m)?)?;
    m.add("DocumentError", m.py().get_type::<DocumentError>())?;
    m.add("ModelError", m.py().get_type::<ModelError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
