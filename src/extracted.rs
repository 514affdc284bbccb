//! Extraction done elsewhere: the records `quotegraph extract --with-text`
//! writes (the public record of docs/extract-format.md plus the document
//! and its complete extraction), the error record of the stream filter, and
//! reading such records back for `quotegraph ingest --extracted`
//! (docs/scale-out.md).
//!
//! A record carries everything the store writes (pronoun and description
//! mentions, aliases, roles, rule names, unrounded confidences), so that a
//! database built from records equals one built by extracting the same
//! documents with the same quotegraph version.

use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::extract::ExtractRecord;
use crate::model::{Document, Extraction, Span};

/// The extractor that wrote a record: `quotegraph` and its version.
pub const EXTRACTOR: &str = concat!("quotegraph ", env!("CARGO_PKG_VERSION"));

/// One `--with-text` line: the public record, then `document` (id, text and
/// metadata, as stored) and `extraction` (the model, lossless).
#[derive(Serialize)]
pub struct FullRecord<'a> {
    #[serde(flatten)]
    pub record: ExtractRecord<&'a str>,
    pub document: &'a Document,
    pub extraction: &'a Extraction,
    pub extractor: &'static str,
}

/// The line written in place of a document that could not be read or
/// extracted: same shape as a record (no quotes, no entities) plus `error`,
/// so that a stream keeps one line per input line.
#[derive(Serialize)]
pub struct ErrorRecord<'a> {
    /// The document id, when the input got as far as naming one.
    pub doc: Option<&'a str>,
    /// The input line (1-based, per input stream), when the failure is tied to one.
    pub line: Option<usize>,
    pub error: String,
    pub quotes: [(); 0],
    pub entities: [(); 0],
}

impl<'a> ErrorRecord<'a> {
    pub fn new(doc: Option<&'a str>, line: Option<usize>, error: String) -> Self {
        ErrorRecord { doc, line, error, quotes: [], entities: [] }
    }
}

/// A record read back: a document with its extraction, ready to store.
#[derive(Debug, Clone)]
pub struct Extracted {
    pub document: Document,
    pub extraction: Extraction,
    /// Who extracted it (`quotegraph 0.1.0`), when the record says.
    pub extractor: Option<String>,
}

#[derive(Debug, Error)]
pub enum ExtractedError {
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{path}:{line}: not an extract record: {message}")]
    BadLine { path: String, line: usize, message: String },
    #[error("{path}:{line}: record {doc:?} has no document text; write records with `quotegraph extract --with-text`")]
    NoText { path: String, line: usize, doc: String },
    /// An error record: the input failed where it was extracted.
    #[error("{path}:{line}: {input} failed where it was extracted: {error}")]
    Failed { path: String, line: usize, input: String, error: String },
    #[error("{path}:{line}: document {doc:?}: the extraction does not fit the text: {message}")]
    Inconsistent { path: String, line: usize, doc: String, message: String },
}

#[derive(Deserialize)]
struct Line {
    doc: Option<serde_json::Value>,
    document: Option<Document>,
    extraction: Option<Extraction>,
    error: Option<String>,
    extractor: Option<String>,
}

/// Parses one record line (`origin` and `line` name it in errors).
pub fn parse_record(text: &str, origin: &str, line: usize) -> Result<Extracted, ExtractedError> {
    let bad = |message: String| ExtractedError::BadLine { path: origin.to_string(), line, message };
    let rec: Line = serde_json::from_str(text).map_err(|e| bad(e.to_string()))?;
    let doc = match &rec.doc {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    };
    if let Some(error) = rec.error {
        let input = if doc.is_empty() { "an input line".to_string() } else { format!("document {doc:?}") };
        return Err(ExtractedError::Failed { path: origin.to_string(), line, input, error });
    }
    let (Some(document), Some(extraction)) = (rec.document, rec.extraction) else {
        return Err(ExtractedError::NoText { path: origin.to_string(), line, doc });
    };
    check(&document, &extraction).map_err(|message| ExtractedError::Inconsistent {
        path: origin.to_string(),
        line,
        doc: document.id.clone(),
        message,
    })?;
    Ok(Extracted { document, extraction, extractor: rec.extractor })
}

/// Whether every span lies on character boundaries of the text and every
/// index points at an existing mention or entity: the store relies on both.
fn check(doc: &Document, x: &Extraction) -> Result<(), String> {
    let text = &doc.text;
    let span = |s: Span, what: &str| -> Result<(), String> {
        if s.start <= s.end && text.is_char_boundary(s.start()) && text.is_char_boundary(s.end()) {
            Ok(())
        } else {
            Err(format!("{what} {}..{} is not a span of the {}-byte text", s.start, s.end, text.len()))
        }
    };
    let entity = |e: crate::model::LocalEntityId, what: &str| -> Result<(), String> {
        if (e.0 as usize) < x.entities.len() {
            Ok(())
        } else {
            Err(format!("{what} names entity {} of {}", e.0, x.entities.len()))
        }
    };
    for m in &x.mentions {
        span(m.span, "mention")?;
        if let Some(e) = m.entity {
            entity(e, "a mention")?;
        }
    }
    for e in &x.entities {
        if let Some(&m) = e.mentions.iter().find(|&&m| m as usize >= x.mentions.len()) {
            return Err(format!("entity {:?} names mention {m} of {}", e.name, x.mentions.len()));
        }
        for r in &e.roles {
            span(r.span, "role")?;
            if let Some(a) = r.affiliation {
                entity(a, "a role")?;
            }
        }
    }
    for q in &x.quotes {
        span(q.content, "quote")?;
        for f in &q.fragments {
            span(*f, "quote fragment")?;
        }
        if let Some(c) = q.cue {
            span(c, "cue")?;
        }
        if let Some(s) = q.speaker {
            if let Some(m) = s.mention {
                span(m, "speaker")?;
            }
            if let Some(e) = s.entity {
                entity(e, "a speaker")?;
            }
        }
    }
    Ok(())
}

/// The record files of the given paths, in order: a directory (such as
/// Spark's output) contributes its `part-*` and `*.jsonl` files in name
/// order, skipping hidden and `_`-prefixed files (`_SUCCESS`, `.crc`).
/// `-` is stdin.
pub fn record_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, ExtractedError> {
    let mut out = Vec::new();
    for p in paths {
        if !p.is_dir() {
            out.push(p.clone());
            continue;
        }
        let io = |e| ExtractedError::Io { path: p.display().to_string(), source: e };
        let mut files = Vec::new();
        for entry in fs::read_dir(p).map_err(io)? {
            let path = entry.map_err(io)?.path();
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let wanted = name.starts_with("part-") || name.ends_with(".jsonl");
            if path.is_file() && wanted && !name.starts_with(['.', '_']) {
                files.push(path);
            }
        }
        files.sort();
        out.extend(files);
    }
    Ok(out)
}

/// Reads the record lines of `files` in order, handing each non-blank line
/// with its origin and 1-based line number to `emit`; stops early when
/// `emit` returns false. A line that is not UTF-8 is handed over lossily
/// decoded (it then fails to parse, naming its line).
pub fn read_lines(files: &[PathBuf], emit: &mut dyn FnMut(&str, usize, String) -> bool) -> Result<(), ExtractedError> {
    for f in files {
        let origin = if f.as_os_str() == "-" { "<stdin>".to_string() } else { f.display().to_string() };
        let io = |e| ExtractedError::Io { path: origin.clone(), source: e };
        let reader: Box<dyn Read> =
            if f.as_os_str() == "-" { Box::new(std::io::stdin().lock()) } else { Box::new(fs::File::open(f).map_err(io)?) };
        if !lines_of(reader, &origin, emit).map_err(io)? {
            return Ok(());
        }
    }
    Ok(())
}

fn lines_of(reader: impl Read, origin: &str, emit: &mut dyn FnMut(&str, usize, String) -> bool) -> std::io::Result<bool> {
    let mut reader = BufReader::new(reader);
    let mut buf = Vec::new();
    let mut lineno = 0;
    loop {
        buf.clear();
        if reader.read_until(b'\n', &mut buf)? == 0 {
            return Ok(true);
        }
        lineno += 1;
        let line = match String::from_utf8(std::mem::take(&mut buf)) {
            Ok(s) => s,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        };
        if line.trim().is_empty() {
            continue;
        }
        if !emit(origin, lineno, line) {
            return Ok(false);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;

    fn full_line(doc: &Document) -> String {
        let x = extract(&doc.text);
        let rec = FullRecord {
            record: ExtractRecord::borrowed(&doc.id, &doc.text, &x, false),
            document: doc,
            extraction: &x,
            extractor: EXTRACTOR,
        };
        serde_json::to_string(&rec).unwrap()
    }

    #[test]
    fn a_full_record_reads_back_to_the_same_extraction() {
        let text = "“We are ready,” said Dr. Basem Naim, a senior Hamas official. He said talks continue.";
        let doc = Document { id: "d".into(), text: text.into(), date: Some("2024-01-02".into()), ..Default::default() };
        let back = parse_record(&full_line(&doc), "f", 1).unwrap();
        assert_eq!(back.document, doc);
        assert_eq!(back.extraction, extract(text));
        assert_eq!(back.extractor.as_deref(), Some(EXTRACTOR));
    }

    #[test]
    fn records_that_cannot_be_stored_are_errors_naming_their_line() {
        let plain = serde_json::to_string(&ExtractRecord::new("d", "x", &extract("x"), false)).unwrap();
        assert!(matches!(parse_record(&plain, "f", 3), Err(ExtractedError::NoText { line: 3, .. })));
        let failed = serde_json::to_string(&ErrorRecord::new(None, Some(4), "bad".into())).unwrap();
        assert!(matches!(parse_record(&failed, "f", 4), Err(ExtractedError::Failed { line: 4, .. })));
        assert!(matches!(parse_record("{", "f", 5), Err(ExtractedError::BadLine { line: 5, .. })));
        // A span past the end of the text, or inside a character, is refused before the store sees it.
        let doc = Document { id: "d".into(), text: "“Yes,” said Ann Lee.".into(), ..Default::default() };
        let line = full_line(&doc).replace("\"text\":\"“Yes,” said Ann Lee.\"", "\"text\":\"“Y\"");
        assert!(matches!(parse_record(&line, "f", 6), Err(ExtractedError::Inconsistent { .. })), "{line}");
    }
}
