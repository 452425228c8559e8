//! Output records for claimx: one per document (annotations nested) or one per claim (flat,
//! with its sentence text and figures inlined), written as JSON lines or as Parquet.
//!
//! Both formats come from one shaping of the records, so a JSONL line and a Parquet row carry
//! the same fields. Parquet columns follow `docs/schema.md`, with two changes Parquet needs: a
//! figure's `value` (a number or an ISO string) is split into `value` (float) and
//! `value_text` (string), and error records fill `error_stage`, `error_kind` and
//! `error_message` with the other columns null.
//!
//! ```
//! use claimx_core::Pipeline;
//! use claimx_doc::Document;
//!
//! let text = "Amazon hatte über 1.000 Mitarbeiter.";
//! let record = Pipeline::rules_only().extract(&Document::new("d1", text)).unwrap();
//! let rows = claimx_writers::claim_records(&record, text);
//! assert_eq!(rows[0]["id"], "d1");
//! assert_eq!(rows[0]["figure"]["value"], 1000.0);
//! ```

mod html;

pub use html::html_sample;

use arrow_array::RecordBatch;
use arrow_schema::{DataType, Field, Fields, Schema, SchemaRef};
use claimx_doc::{AnnotatedDocument, ClaimRow, DocumentError, Figure, FigureValue};
use serde_json::{json, Value};
use std::sync::Arc;

/// What one record stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordShape {
    /// One record per document, annotations nested.
    Documents,
    /// One flat row per claim ([`ClaimRow`]).
    Claims,
}

/// Why records could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// A record that cannot be serialised, or the output refused it.
    #[error("{0}")]
    Json(#[from] serde_json::Error),
    /// The Parquet writer failed.
    #[error("parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
    /// Rows do not fit the Arrow schema.
    #[error("arrow: {0}")]
    Arrow(#[from] arrow_schema::ArrowError),
    /// The output cannot be written.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// The JSON Schema (draft 2020-12) of one line of JSONL output in a record shape: the
/// record (an annotated document, or a claim row) or an error record. Generated from the
/// record types, so it cannot drift from what is written; `claimx schema` prints it. (The
/// Parquet and Arrow columns are [`schema`].)
pub fn json_schema(shape: RecordShape) -> Value {
    let (generated, title, what) = match shape {
        RecordShape::Documents => (
            schemars::schema_for!(AnnotatedDocument),
            "claimx document record",
            "One line of `claimx extract` output: an annotated document or an error record.",
        ),
        RecordShape::Claims => (
            schemars::schema_for!(ClaimRow),
            "claimx claim row",
            "One line of `claimx extract --records claims` output: a claim row or an error record.",
        ),
    };
    let mut record = generated.to_value();
    let map = record.as_object_mut().expect("a schema object");
    let dialect = map.remove("$schema").unwrap_or(Value::Null);
    let defs = map.remove("$defs").unwrap_or_else(|| json!({}));
    map.remove("title");
    // a record never has `error`: that key alone tells the two apart
    map.insert("not".into(), json!({"required": ["error"]}));
    let error = json!({
        "type": "object",
        "description": "The error record of a document that could not be annotated; nothing else is written for it.",
        "required": ["id", "error"],
        "properties": {
            "id": {"type": "string"},
            "error": {
                "type": "object",
                "required": ["stage", "kind", "message"],
                "properties": {
                    "stage": {"type": "string", "description": "The stage that failed (`input`, `language`, `tagger`, …)."},
                    "kind": {"type": "string", "description": "A stable name of the problem (`malformed_json`, `too_large`, …)."},
                    "message": {"type": "string", "description": "What went wrong, in words."}
                }
            }
        }
    });
    json!({
        "$schema": dialect,
        "title": title,
        "description": what,
        "oneOf": [record, error],
        "$defs": defs,
    })
}

/// Flat claim records of one document ([`ClaimRow`]) as JSON values: the claim, its sentence
/// text, its figure and time.
pub fn claim_records(doc: &AnnotatedDocument, text: &str) -> Vec<Value> {
    ClaimRow::of_document(doc, text)
        .iter()
        .map(|row| serde_json::to_value(row).expect("a claim row is plain data"))
        .collect()
}

fn span_fields() -> Vec<Field> {
    ["start", "end", "byte_start", "byte_end"]
        .iter()
        .map(|n| Field::new(*n, DataType::UInt64, true))
        .collect()
}

fn figure_fields() -> Fields {
    let mut f = span_fields();
    for (n, t) in [
        ("text", DataType::Utf8),
        ("type", DataType::Utf8),
        ("value", DataType::Float64),
        ("value_text", DataType::Utf8),
        ("upper", DataType::Float64),
        ("upper_text", DataType::Utf8),
        ("bound", DataType::Utf8),
        ("unit", DataType::Utf8),
        ("lang", DataType::Utf8),
    ] {
        f.push(Field::new(n, t, true));
    }
    f.into()
}

fn list_of(name: &str, fields: Vec<Field>) -> Field {
    Field::new(
        name,
        DataType::List(Arc::new(Field::new(
            "item",
            DataType::Struct(fields.into()),
            true,
        ))),
        true,
    )
}

fn error_fields() -> Vec<Field> {
    ["error_stage", "error_kind", "error_message"]
        .iter()
        .map(|n| Field::new(*n, DataType::Utf8, true))
        .collect()
}

/// The Parquet schema of a record shape.
pub fn schema(shape: RecordShape) -> SchemaRef {
    let utf8 = |n: &str| Field::new(n, DataType::Utf8, true);
    let mut fields = vec![Field::new("id", DataType::Utf8, false)];
    match shape {
        RecordShape::Documents => {
            fields.extend([
                Field::new("char_len", DataType::UInt64, true),
                Field::new("byte_len", DataType::UInt64, true),
                utf8("published"),
                utf8("published_source"),
                utf8("title"),
                utf8("url"),
                utf8("source"),
                utf8("lang"),
                Field::new(
                    "languages",
                    DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
                    true,
                ),
            ]);
            let mut seg = span_fields();
            seg.extend([
                utf8("lang"),
                Field::new("confidence", DataType::Float32, true),
            ]);
            fields.push(list_of("segments", seg));
            let mut sent = span_fields();
            let mut word = span_fields();
            word.extend([
                utf8("upos"),
                Field::new("head", DataType::UInt64, true),
                utf8("deprel"),
                Field::new("score", DataType::Float32, true),
            ]);
            sent.extend([
                Field::new("boilerplate", DataType::Boolean, true),
                utf8("lang"),
                list_of("words", word),
            ]);
            fields.push(list_of("sentences", sent));
            let mut ent = span_fields();
            ent.extend([
                utf8("text"),
                utf8("type"),
                Field::new("score", DataType::Float32, true),
                utf8("canonical"),
            ]);
            fields.push(list_of("entities", ent));
            fields.push(Field::new(
                "figures",
                DataType::List(Arc::new(Field::new(
                    "item",
                    DataType::Struct(figure_fields()),
                    true,
                ))),
                true,
            ));
            let mut claim = span_fields()
                .into_iter()
                .map(|f| Field::new(format!("sentence_{}", f.name()), DataType::UInt64, true))
                .collect::<Vec<_>>();
            claim.extend([
                utf8("subject"),
                utf8("subject_type"),
                utf8("subject_entity"),
                utf8("subject_canonical"),
                utf8("predicate"),
                utf8("object"),
                utf8("predicate_class"),
                Field::new(
                    "change",
                    DataType::Struct(
                        vec![
                            utf8("direction"),
                            utf8("role"),
                            Field::new("from", DataType::UInt64, true),
                            Field::new("to", DataType::UInt64, true),
                            Field::new("by", DataType::UInt64, true),
                        ]
                        .into(),
                    ),
                    true,
                ),
                Field::new("figure", DataType::UInt64, true),
                Field::new("time", DataType::UInt64, true),
                utf8("location"),
                utf8("attribution"),
                utf8("cue"),
                Field::new("hedged", DataType::Boolean, true),
                Field::new("negated", DataType::Boolean, true),
                Field::new("confidence", DataType::Float32, true),
            ]);
            fields.push(list_of("claims", claim));
        }
        RecordShape::Claims => {
            fields.extend([Field::new("claim", DataType::UInt64, true), utf8("lang")]);
            fields.extend(
                span_fields()
                    .into_iter()
                    .map(|f| Field::new(format!("sentence_{}", f.name()), DataType::UInt64, true)),
            );
            fields.extend([
                utf8("sentence_text"),
                utf8("subject"),
                utf8("subject_type"),
                utf8("subject_entity"),
                utf8("subject_canonical"),
                utf8("predicate"),
                utf8("object"),
                utf8("predicate_class"),
                utf8("change_direction"),
                utf8("change_role"),
            ]);
            fields.push(Field::new(
                "figure",
                DataType::Struct(figure_fields()),
                true,
            ));
            fields.push(Field::new("time", DataType::Struct(figure_fields()), true));
            fields.extend([utf8("location"), utf8("attribution"), utf8("cue")]);
            fields.extend([
                Field::new("hedged", DataType::Boolean, true),
                Field::new("negated", DataType::Boolean, true),
                Field::new("confidence", DataType::Float32, true),
                utf8("published"),
                utf8("title"),
                utf8("url"),
                utf8("source"),
            ]);
            fields.push(list_of(
                "document_entities",
                vec![
                    utf8("name"),
                    utf8("type"),
                    Field::new("mentions", DataType::UInt64, true),
                ],
            ));
        }
    }
    fields.extend(error_fields());
    Arc::new(Schema::new(fields))
}

/// A figure for Parquet: `value`/`upper` split into number and text.
fn figure_row(f: &Figure) -> Value {
    let split = |v: &Option<FigureValue>| match v {
        Some(FigureValue::Number(n)) => (json!(n), Value::Null),
        Some(FigureValue::Text(t)) => (Value::Null, json!(t)),
        None => (Value::Null, Value::Null),
    };
    let (value, value_text) = split(&f.value);
    let (upper, upper_text) = split(&f.upper);
    json!({
        "start": f.span.start, "end": f.span.end, "byte_start": f.span.byte_start, "byte_end": f.span.byte_end,
        "text": f.text, "type": f.kind.name(), "value": value, "value_text": value_text,
        "upper": upper, "upper_text": upper_text, "bound": f.bound, "unit": f.unit, "lang": f.lang,
    })
}

fn flatten_sentence(row: &mut Value) {
    if let Some(s) = row.get("sentence").cloned() {
        for k in ["start", "end", "byte_start", "byte_end"] {
            row[format!("sentence_{k}")] = s[k].clone();
        }
        row.as_object_mut().expect("object").remove("sentence");
    }
}

/// Parquet rows of one result.
pub fn parquet_rows(
    shape: RecordShape,
    rec: &Result<AnnotatedDocument, DocumentError>,
    text: &str,
) -> Vec<Value> {
    let doc = match rec {
        Err(e) => {
            return vec![
                json!({"id": e.id, "error_stage": e.stage, "error_kind": e.kind, "error_message": e.message}),
            ]
        }
        Ok(d) => d,
    };
    match shape {
        RecordShape::Claims => doc
            .claims
            .iter()
            .zip(claim_records(doc, text))
            .map(|(c, mut row)| {
                flatten_sentence(&mut row);
                row["figure"] = c
                    .figure
                    .and_then(|i| doc.figures.get(i))
                    .map(figure_row)
                    .unwrap_or(Value::Null);
                row["time"] = c
                    .time
                    .and_then(|i| doc.figures.get(i))
                    .map(figure_row)
                    .unwrap_or(Value::Null);
                row
            })
            .collect(),
        RecordShape::Documents => {
            let mut row = serde_json::to_value(doc).unwrap_or(Value::Null);
            row["figures"] = Value::Array(doc.figures.iter().map(figure_row).collect());
            row["claims"] = Value::Array(
                row["claims"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
                    .into_iter()
                    .map(|mut c| {
                        flatten_sentence(&mut c);
                        c
                    })
                    .collect(),
            );
            let published = row["published"].clone();
            row["published"] = published.get("date").cloned().unwrap_or(Value::Null);
            row["published_source"] = published.get("source").cloned().unwrap_or(Value::Null);
            vec![row]
        }
    }
}

fn rows_to_batch(schema: SchemaRef, rows: &[Value]) -> Result<RecordBatch, WriteError> {
    let mut decoder = arrow_json::ReaderBuilder::new(schema.clone())
        .with_batch_size(rows.len().max(1))
        .build_decoder()?;
    decoder.serialize(rows)?;
    Ok(decoder
        .flush()?
        .unwrap_or_else(|| RecordBatch::new_empty(schema)))
}

/// One Arrow record batch of results (each with its document's text, which claim rows
/// quote), in the Parquet schema of `shape` ([`schema`]): what the Python package's Arrow
/// entry point returns.
pub fn record_batch<'a>(
    shape: RecordShape,
    results: impl IntoIterator<Item = (&'a Result<AnnotatedDocument, DocumentError>, &'a str)>,
) -> Result<RecordBatch, WriteError> {
    let mut sink = ArrowSink::new(shape);
    for (rec, text) in results {
        sink.write(rec, text)?;
    }
    sink.finish()?;
    Ok(sink
        .take_batches()
        .pop()
        .expect("a finished Arrow sink holds its batch"))
}

/// Where records go: JSON lines, a Parquet file, Arrow record batches. Each takes one
/// pipeline result at a time and writes its record(s) in the [`RecordShape`] it was made
/// with: a document record, or one row per claim; an error record either way.
pub trait RecordSink {
    /// Write the record(s) of one result; `text` is the document's text, which claim rows
    /// quote.
    fn write(
        &mut self,
        result: &Result<AnnotatedDocument, DocumentError>,
        text: &str,
    ) -> Result<(), WriteError>;

    /// Make what was written so far durable: a flushed buffer, a Parquet row group, a
    /// record batch. A killed run keeps everything before its last flush.
    fn flush(&mut self) -> Result<(), WriteError>;

    /// Flush and close the output (a Parquet file's footer); nothing is written after.
    fn finish(&mut self) -> Result<(), WriteError>;
}

/// JSON lines: a document record per result, or a [`ClaimRow`] per claim; error records as
/// `{"id", "error": {"stage", "kind", "message"}}`.
pub struct JsonlSink<W: std::io::Write> {
    out: W,
    shape: RecordShape,
    pretty: bool,
}

impl<W: std::io::Write> JsonlSink<W> {
    /// Records of `shape` into `out`, one JSON text per line (or pretty-printed, which is no
    /// longer JSON lines but reads well).
    pub fn new(out: W, shape: RecordShape, pretty: bool) -> Self {
        JsonlSink { out, shape, pretty }
    }

    fn line<T: serde::Serialize>(&mut self, value: &T) -> Result<(), WriteError> {
        if self.pretty {
            serde_json::to_writer_pretty(&mut self.out, value)?;
        } else {
            serde_json::to_writer(&mut self.out, value)?;
        }
        self.out.write_all(b"\n")?;
        Ok(())
    }
}

impl<W: std::io::Write> RecordSink for JsonlSink<W> {
    fn write(
        &mut self,
        result: &Result<AnnotatedDocument, DocumentError>,
        text: &str,
    ) -> Result<(), WriteError> {
        match (self.shape, result) {
            (RecordShape::Claims, Ok(doc)) => {
                for row in claim_records(doc, text) {
                    self.line(&row)?;
                }
                Ok(())
            }
            (RecordShape::Documents, Ok(doc)) => self.line(doc),
            (_, Err(e)) => self.line(&e.to_record()),
        }
    }

    fn flush(&mut self) -> Result<(), WriteError> {
        Ok(self.out.flush()?)
    }

    fn finish(&mut self) -> Result<(), WriteError> {
        self.flush()
    }
}

/// Arrow record batches in the schema of a shape ([`schema`]), one per flush: what the
/// Python package hands to pyarrow, pandas or polars.
pub struct ArrowSink {
    rows: RowBuffer,
    batches: Vec<RecordBatch>,
}

/// Rows of one shape waiting to become a record batch: what the Arrow and Parquet sinks share.
struct RowBuffer {
    shape: RecordShape,
    schema: SchemaRef,
    rows: Vec<Value>,
}

impl RowBuffer {
    fn new(shape: RecordShape) -> Self {
        RowBuffer {
            shape,
            schema: schema(shape),
            rows: Vec::new(),
        }
    }

    fn push(&mut self, result: &Result<AnnotatedDocument, DocumentError>, text: &str) {
        self.rows.extend(parquet_rows(self.shape, result, text));
    }

    /// The buffered rows as one batch (empty when there are none), the buffer emptied.
    fn take_batch(&mut self) -> Result<RecordBatch, WriteError> {
        let batch = rows_to_batch(self.schema.clone(), &self.rows)?;
        self.rows.clear();
        Ok(batch)
    }
}

impl ArrowSink {
    /// An empty sink for records of `shape`.
    pub fn new(shape: RecordShape) -> Self {
        ArrowSink {
            rows: RowBuffer::new(shape),
            batches: Vec::new(),
        }
    }

    /// The batches flushed so far, handed over.
    pub fn take_batches(&mut self) -> Vec<RecordBatch> {
        std::mem::take(&mut self.batches)
    }
}

impl RecordSink for ArrowSink {
    fn write(
        &mut self,
        result: &Result<AnnotatedDocument, DocumentError>,
        text: &str,
    ) -> Result<(), WriteError> {
        self.rows.push(result, text);
        Ok(())
    }

    /// One record batch of the rows written since the last flush (an empty one when there
    /// were none and no batch yet, so that a result always has a schema).
    fn flush(&mut self) -> Result<(), WriteError> {
        if self.rows.rows.is_empty() && !self.batches.is_empty() {
            return Ok(());
        }
        let batch = self.rows.take_batch()?;
        self.batches.push(batch);
        Ok(())
    }

    fn finish(&mut self) -> Result<(), WriteError> {
        self.flush()
    }
}

/// Streams records into a Parquet file, one row group per [`RecordSink::flush`].
pub struct ParquetSink<W: std::io::Write + Send> {
    writer: parquet::arrow::ArrowWriter<W>,
    rows: RowBuffer,
}

impl<W: std::io::Write + Send> ParquetSink<W> {
    /// A Parquet file of `shape` records (Snappy-compressed) written into `out`.
    pub fn new(out: W, shape: RecordShape) -> Result<Self, WriteError> {
        let rows = RowBuffer::new(shape);
        let props = parquet::file::properties::WriterProperties::builder()
            .set_compression(parquet::basic::Compression::SNAPPY)
            .build();
        let writer = parquet::arrow::ArrowWriter::try_new(out, rows.schema.clone(), Some(props))?;
        Ok(ParquetSink { writer, rows })
    }
}

impl<W: std::io::Write + Send> RecordSink for ParquetSink<W> {
    fn write(
        &mut self,
        result: &Result<AnnotatedDocument, DocumentError>,
        text: &str,
    ) -> Result<(), WriteError> {
        self.rows.push(result, text);
        Ok(())
    }

    /// Write the buffered rows as one row group.
    fn flush(&mut self) -> Result<(), WriteError> {
        if self.rows.rows.is_empty() {
            return Ok(());
        }
        let batch = self.rows.take_batch()?;
        self.writer.write(&batch)?;
        self.writer.flush()?;
        Ok(())
    }

    fn finish(&mut self) -> Result<(), WriteError> {
        self.flush()?;
        self.writer.finish()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::{
        Array, BooleanArray, Float64Array, ListArray, StringArray, StructArray, UInt64Array,
    };
    use claimx_doc::Document;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    fn results() -> Vec<(Result<AnnotatedDocument, DocumentError>, String)> {
        let pipeline = claimx_core::Pipeline::default();
        let texts = [
            ("de", "Amazon hatte am Donnerstag über 1.000 Mitarbeiter in China. Das 2018 gegründete Zentrum schließt."),
            ("en", "In 2024, IBM laid off more than 1,000 staff, Reuters said. The lab generated nearly $1 billion."),
        ];
        let mut out: Vec<_> = texts
            .iter()
            .map(|(id, t)| {
                (
                    pipeline.extract(&Document::new(*id, *t).with_published("2025-07-24")),
                    t.to_string(),
                )
            })
            .collect();
        out.push((
            Err(DocumentError::new(
                "bad",
                claimx_doc::Stage::Input,
                "malformed_json",
                "line 3: EOF",
            )),
            String::new(),
        ));
        out
    }

    fn write(shape: RecordShape) -> Vec<arrow_array::RecordBatch> {
        let mut buf = Vec::new();
        let mut sink = ParquetSink::new(&mut buf, shape).unwrap();
        for (rec, text) in results() {
            sink.write(&rec, &text).unwrap();
        }
        sink.finish().unwrap();
        drop(sink);
        let reader = ParquetRecordBatchReaderBuilder::try_new(bytes::Bytes::from(buf))
            .unwrap()
            .build()
            .unwrap();
        reader.map(|b| b.unwrap()).collect()
    }

    #[test]
    fn claim_rows_round_trip() {
        let batches = write(RecordShape::Claims);
        let batch = &batches[0];
        let ids = batch
            .column_by_name("id")
            .unwrap()
            .as_any()
            .downcast_ref::<StringArray>()
            .unwrap();
        let n = batch.num_rows();
        assert_eq!(ids.value(n - 1), "bad", "error rows come in input order");
        let kinds = batch
            .column_by_name("error_kind")
            .unwrap()
            .as_any()
            .downcast_ref::<StringArray>()
            .unwrap();
        assert_eq!(kinds.value(n - 1), "malformed_json");
        assert!(kinds.is_null(0));
        let figure = batch
            .column_by_name("figure")
            .unwrap()
            .as_any()
            .downcast_ref::<StructArray>()
            .unwrap();
        let value = figure
            .column_by_name("value")
            .unwrap()
            .as_any()
            .downcast_ref::<Float64Array>()
            .unwrap();
        let text = figure
            .column_by_name("text")
            .unwrap()
            .as_any()
            .downcast_ref::<StringArray>()
            .unwrap();
        let over = (0..n)
            .find(|&i| !text.is_null(i) && text.value(i) == "über 1.000")
            .expect("the German count");
        assert_eq!(value.value(over), 1000.0);
        let sentence_text = batch
            .column_by_name("sentence_text")
            .unwrap()
            .as_any()
            .downcast_ref::<StringArray>()
            .unwrap();
        assert!(sentence_text.value(over).contains("über 1.000"));
        let hedged = batch
            .column_by_name("hedged")
            .unwrap()
            .as_any()
            .downcast_ref::<BooleanArray>()
            .unwrap();
        assert!(!hedged.value(over));
    }

    #[test]
    fn document_rows_round_trip() {
        let batches = write(RecordShape::Documents);
        let batch = &batches[0];
        assert_eq!(batch.num_rows(), 3);
        let figures = batch
            .column_by_name("figures")
            .unwrap()
            .as_any()
            .downcast_ref::<ListArray>()
            .unwrap();
        let first = figures.value(0);
        let first = first.as_any().downcast_ref::<StructArray>().unwrap();
        let texts = first
            .column_by_name("text")
            .unwrap()
            .as_any()
            .downcast_ref::<StringArray>()
            .unwrap();
        let value_text = first
            .column_by_name("value_text")
            .unwrap()
            .as_any()
            .downcast_ref::<StringArray>()
            .unwrap();
        let thursday = (0..texts.len())
            .find(|&i| texts.value(i) == "Donnerstag")
            .unwrap();
        assert_eq!(value_text.value(thursday), "2025-07-24");
        let starts = first
            .column_by_name("start")
            .unwrap()
            .as_any()
            .downcast_ref::<UInt64Array>()
            .unwrap();
        assert_eq!(starts.value(thursday), 16);
        let published = batch
            .column_by_name("published")
            .unwrap()
            .as_any()
            .downcast_ref::<StringArray>()
            .unwrap();
        assert_eq!(published.value(0), "2025-07-24");
        assert!(figures.is_null(2), "the error row has no annotations");
    }

    /// The `--html` page: each record's text with its marks and its claims, an error record
    /// with its reason, the text escaped.
    #[test]
    fn html_sample_marks_records_and_names_errors() {
        let results = results();
        let page = html_sample(results.iter().map(|(r, t)| (r, t.as_str())));
        assert!(page.contains("<mark class=\"figure\" style=\"background:#feca74\">über 1.000<span>CARDINAL</span></mark>"), "{page}");
        assert!(page.contains("<p class=\"error\">input stage: malformed_json: line 3: EOF</p>"));
        assert_eq!(page.matches("<div class=\"doc\"").count(), 3);
        assert!(!page.contains("<script"));
    }

    /// Every JSONL line written in either shape (records and error records) is valid under
    /// the JSON Schema `claimx schema` prints, and a line with a wrong type is not.
    #[test]
    fn records_follow_their_json_schema() {
        for shape in [RecordShape::Documents, RecordShape::Claims] {
            let schema = json_schema(shape);
            let validator = jsonschema::validator_for(&schema).expect("a valid schema");
            let mut lines = 0;
            for (rec, text) in results() {
                let mut buf = Vec::new();
                let mut sink = JsonlSink::new(&mut buf, shape, false);
                sink.write(&rec, &text).unwrap();
                sink.finish().unwrap();
                for line in String::from_utf8(buf).unwrap().lines() {
                    let value: Value = serde_json::from_str(line).unwrap();
                    let errors: Vec<String> = validator
                        .iter_errors(&value)
                        .map(|e| e.to_string())
                        .collect();
                    assert!(errors.is_empty(), "{shape:?}: {errors:?} in {line}");
                    lines += 1;
                }
            }
            assert!(lines >= 3, "{shape:?}: {lines} lines");
            assert!(!validator.is_valid(&json!({"id": 1, "claims": "none"})));
        }
    }

    /// The JSON claim record, the Parquet/Arrow claim row and consolidation's input are one
    /// contract ([`ClaimRow`]): a record reads back as the row it was written from, and the
    /// Arrow schema has a column for every field of it (sentence offsets flattened, figure
    /// values split) and no other but the error columns.
    #[test]
    fn one_claim_row_contract() {
        let mut rows = 0;
        for (rec, text) in results() {
            let Ok(doc) = rec else { continue };
            let typed = ClaimRow::of_document(&doc, &text);
            for (json, row) in claim_records(&doc, &text).into_iter().zip(&typed) {
                let back: ClaimRow = serde_json::from_value(json.clone()).unwrap();
                assert_eq!(&back, row);
                let mut flat = json;
                flatten_sentence(&mut flat);
                let mut keys: Vec<String> = flat.as_object().unwrap().keys().cloned().collect();
                keys.extend(error_fields().iter().map(|f| f.name().clone()));
                keys.sort();
                let mut columns: Vec<String> = schema(RecordShape::Claims)
                    .fields()
                    .iter()
                    .map(|f| f.name().clone())
                    .collect();
                columns.sort();
                assert_eq!(keys, columns);
                if let Some(figure) = &row.figure {
                    let mut keys: Vec<String> = serde_json::to_value(figure)
                        .unwrap()
                        .as_object()
                        .unwrap()
                        .keys()
                        .cloned()
                        .chain(["value_text".to_string(), "upper_text".to_string()])
                        .chain((figure.upper.is_none()).then(|| "upper".to_string()))
                        .collect();
                    keys.sort();
                    let mut columns: Vec<String> =
                        figure_fields().iter().map(|f| f.name().clone()).collect();
                    columns.sort();
                    assert_eq!(keys, columns);
                }
                rows += 1;
            }
        }
        assert!(rows >= 3, "the sample documents have claims");
    }

    #[test]
    fn jsonl_sink_writes_documents_claims_and_errors() {
        for shape in [RecordShape::Documents, RecordShape::Claims] {
            let mut out = Vec::new();
            let mut sink = JsonlSink::new(&mut out, shape, false);
            let results = results();
            for (rec, text) in &results {
                sink.write(rec, text).unwrap();
            }
            sink.finish().unwrap();
            let lines: Vec<serde_json::Value> = String::from_utf8(out)
                .unwrap()
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect();
            let want = match shape {
                RecordShape::Documents => results.len(),
                RecordShape::Claims => results
                    .iter()
                    .map(|(r, _)| r.as_ref().map_or(1, |d| d.claims.len()))
                    .sum(),
            };
            assert_eq!(lines.len(), want);
            assert_eq!(lines.last().unwrap()["error"]["kind"], "malformed_json");
        }
    }

    #[test]
    fn arrow_sink_gives_a_batch_per_flush_and_a_schema_when_empty() {
        let mut sink = ArrowSink::new(RecordShape::Documents);
        sink.finish().unwrap();
        let empty = sink.take_batches();
        assert_eq!((empty.len(), empty[0].num_rows()), (1, 0));
        let results = results();
        for (rec, text) in &results {
            sink.write(rec, text).unwrap();
            sink.flush().unwrap();
        }
        sink.finish().unwrap();
        let batches = sink.take_batches();
        assert_eq!(batches.len(), results.len());
        assert!(batches.iter().all(|b| b.num_rows() == 1));
    }
}
