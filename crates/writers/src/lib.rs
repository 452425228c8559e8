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

use arrow_array::RecordBatch;
use arrow_schema::{DataType, Field, Fields, Schema, SchemaRef};
use claimx_doc::{AnnotatedDocument, DocumentError, Figure, FigureValue};
use serde_json::{json, Value};
use std::sync::Arc;

/// What one record stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordShape {
    Documents,
    Claims,
}

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
    #[error("arrow: {0}")]
    Arrow(#[from] arrow_schema::ArrowError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Flat claim records of one document: the claim, its sentence text, its figure and time.
pub fn claim_records(doc: &AnnotatedDocument, text: &str) -> Vec<Value> {
    doc.claims
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let fig = |i: Option<usize>| i.and_then(|i| doc.figures.get(i)).and_then(|f| serde_json::to_value(f).ok());
            json!({
                "id": doc.id,
                "claim": k,
                "lang": doc.sentences.iter().find(|s| s.span == c.sentence).map(|s| s.lang.code()).unwrap_or(doc.lang.code()),
                "sentence": c.sentence,
                "sentence_text": text.get(c.sentence.byte_start..c.sentence.byte_end).unwrap_or(""),
                "subject": c.subject,
                "subject_type": c.subject_type,
                "subject_entity": c.subject_entity,
                "subject_canonical": c.subject_canonical,
                "predicate": c.predicate,
                "figure": fig(c.figure),
                "time": fig(c.time),
                "location": c.location,
                "attribution": c.attribution,
                "cue": c.cue,
                "hedged": c.hedged,
                "negated": c.negated,
                "confidence": c.confidence,
            })
        })
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
            sent.extend([
                Field::new("boilerplate", DataType::Boolean, true),
                utf8("lang"),
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
            ]);
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
    let rows: Vec<Value> = results
        .into_iter()
        .flat_map(|(rec, text)| parquet_rows(shape, rec, text))
        .collect();
    rows_to_batch(schema(shape), &rows)
}

/// Streams records into a Parquet file, one row group per [`ParquetSink::flush`].
pub struct ParquetSink<W: std::io::Write + Send> {
    shape: RecordShape,
    schema: SchemaRef,
    writer: parquet::arrow::ArrowWriter<W>,
    rows: Vec<Value>,
}

impl<W: std::io::Write + Send> ParquetSink<W> {
    pub fn new(out: W, shape: RecordShape) -> Result<Self, WriteError> {
        let schema = schema(shape);
        let props = parquet::file::properties::WriterProperties::builder()
            .set_compression(parquet::basic::Compression::SNAPPY)
            .build();
        let writer = parquet::arrow::ArrowWriter::try_new(out, schema.clone(), Some(props))?;
        Ok(ParquetSink {
            shape,
            schema,
            writer,
            rows: Vec::new(),
        })
    }

    pub fn push(&mut self, rec: &Result<AnnotatedDocument, DocumentError>, text: &str) {
        self.rows.extend(parquet_rows(self.shape, rec, text));
    }

    /// Write the buffered rows as one row group.
    pub fn flush(&mut self) -> Result<(), WriteError> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let batch = rows_to_batch(self.schema.clone(), &self.rows)?;
        self.writer.write(&batch)?;
        self.rows.clear();
        self.writer.flush()?;
        Ok(())
    }

    pub fn finish(mut self) -> Result<(), WriteError> {
        self.flush()?;
        self.writer.close()?;
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
            sink.push(&rec, &text);
        }
        sink.finish().unwrap();
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
}
