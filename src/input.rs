//! Reading input documents: `.txt` files, directories of them, `.jsonl`
//! files and stdin (docs/extract-format.md, "Input").
//!
//! Policy for bad input: invalid UTF-8 is decoded lossily and reported as a
//! warning naming the file and the byte offset of the first bad sequence; a
//! leading BOM is stripped; a malformed JSONL line is an error naming
//! file:line, and the other lines are still read.

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use thiserror::Error;

use crate::model::Document;

mod html;
mod walk;

pub use html::strip_html;

#[derive(Debug, Error)]
pub enum InputError {
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{path}:{line}: invalid JSON line: {message}")]
    BadJsonLine { path: String, line: usize, message: String },
    #[error("{path}:{line}: a record needs a string \"id\" and a string \"text\"")]
    MissingField { path: String, line: usize },
    #[error("{path}:{line}: bad \"date\": {message}; fix or remove it (a document without a date is counted as undated)")]
    BadDate { path: String, line: usize, message: String },
    #[error("{path}: looks like a binary file (NUL byte at offset {offset}), skipped")]
    Binary { path: String, offset: usize },
}

impl InputError {
    /// The input line the error is about (JSONL inputs), for error records.
    pub fn line(&self) -> Option<usize> {
        match self {
            InputError::BadJsonLine { line, .. } | InputError::MissingField { line, .. } | InputError::BadDate { line, .. } => {
                Some(*line)
            }
            InputError::Io { .. } | InputError::Binary { .. } => None,
        }
    }
}

/// A non-fatal remark about an input (lossy decoding, stripped BOM).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning(pub String);

/// How stdin is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum StdinFormat {
    #[default]
    Text,
    Jsonl,
}

#[derive(Clone, Debug, Default)]
pub struct InputOptions {
    pub stdin_format: StdinFormat,
    /// Document id for text read from stdin.
    pub stdin_id: Option<String>,
    /// Strip HTML markup from text input.
    pub html: bool,
    /// Follow symbolic links inside directories (loops are detected).
    pub follow: bool,
}

/// One item produced while reading inputs.
#[derive(Debug)]
pub enum Item {
    Doc(Document),
    Warning(Warning),
    Error(InputError),
}

#[derive(Deserialize)]
struct JsonlRecord {
    id: serde_json::Value,
    text: Option<String>,
    title: Option<String>,
    date: Option<String>,
    url: Option<String>,
    outlet: Option<String>,
}

/// One source of documents, resolved from the command line.
#[derive(Debug, Clone)]
enum Source {
    Stdin,
    Text { path: PathBuf, id: String },
    Jsonl { path: PathBuf },
}

/// A source, or a remark made while finding sources.
#[derive(Debug)]
enum Found {
    Source(Source),
    Warning(Warning),
    Error(InputError),
}

/// Expands paths into sources in input order: directories recursively in
/// sorted path order; same-stem files get ids made unique by their path.
fn sources(paths: &[PathBuf], follow: bool) -> Vec<Found> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Found::Source(Source::Stdin));
            continue;
        }
        if p.is_dir() {
            let walked = walk::walk(p, follow);
            out.extend(walked.warnings.into_iter().map(Found::Warning));
            out.extend(walked.errors.into_iter().map(Found::Error));
            let mut files = walked.files;
            files.sort();
            let mut by_stem: BTreeMap<String, usize> = BTreeMap::new();
            for f in &files {
                if !is_jsonl(f) {
                    *by_stem.entry(stem(f)).or_default() += 1;
                }
            }
            for f in files {
                if is_jsonl(&f) {
                    out.push(Found::Source(Source::Jsonl { path: f }));
                } else {
                    let st = stem(&f);
                    let id = if by_stem[&st] > 1 {
                        let rel = f.strip_prefix(p).unwrap_or(&f).with_extension("");
                        rel.to_string_lossy().replace(std::path::MAIN_SEPARATOR, "/")
                    } else {
                        st
                    };
                    out.push(Found::Source(Source::Text { path: f, id }));
                }
            }
        } else if is_jsonl(p) {
            out.push(Found::Source(Source::Jsonl { path: p.clone() }));
        } else {
            out.push(Found::Source(Source::Text { path: p.clone(), id: stem(p) }));
        }
    }
    out
}

fn is_jsonl(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "jsonl")
}

fn stem(p: &Path) -> String {
    p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "doc".into())
}

/// Decodes bytes as UTF-8: a BOM is stripped, invalid sequences replaced.
/// Returns the text and a warning when anything was changed.
pub fn decode(bytes: Vec<u8>, origin: &str) -> (String, Option<Warning>) {
    let (bytes, bom) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest.to_vec(), true),
        None => (bytes, false),
    };
    match String::from_utf8(bytes) {
        Ok(s) => (s, bom.then(|| Warning(format!("{origin}: stripped a byte-order mark; offsets index the text after it")))),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to() + if bom { 3 } else { 0 };
            let bad = e.as_bytes().utf8_chunks().filter(|c| !c.invalid().is_empty()).count();
            let s = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let sequences = if bad == 1 { "sequence" } else { "sequences" };
            (
                s,
                Some(Warning(format!(
                    "{origin}: invalid UTF-8 at byte {offset} ({bad} bad {sequences}), decoded lossily (U+FFFD); \
                     offsets index the decoded text"
                ))),
            )
        }
    }
}

fn looks_like_html(text: &str) -> bool {
    let mut end = text.len().min(2048);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    // Invariant: the loop above moved `end` back to a char boundary.
    let head = &text[..end].to_ascii_lowercase();
    head.contains("<html")
        || head.contains("<!doctype html")
        || head.contains("<body")
        || (head.contains("<p>") && head.contains("</p>"))
}

fn text_document(id: String, bytes: Vec<u8>, origin: &str, opts: &InputOptions, emit: &mut dyn FnMut(Item)) {
    // Text never holds NUL; a NUL anywhere (not just in the first block) means binary.
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        emit(Item::Error(InputError::Binary { path: origin.to_string(), offset }));
        return;
    }
    let (mut text, warning) = decode(bytes, origin);
    if let Some(w) = warning {
        emit(Item::Warning(w));
    }
    if opts.html {
        text = strip_html(&text);
    } else if looks_like_html(&text) {
        emit(Item::Warning(Warning(format!("{origin}: looks like HTML; pass --html to strip markup"))));
    }
    emit(Item::Doc(Document { id, text, title: None, date: None, url: None, outlet: None }));
}

/// Parses one JSONL line into a document.
pub fn parse_jsonl_line(line: &str, origin: &str, lineno: usize) -> Result<Document, InputError> {
    let rec: JsonlRecord = serde_json::from_str(line).map_err(|e| InputError::BadJsonLine {
        path: origin.to_string(),
        line: lineno,
        message: e.to_string(),
    })?;
    let id = match rec.id {
        serde_json::Value::String(s) if !s.is_empty() => s,
        serde_json::Value::Number(n) => n.to_string(),
        _ => return Err(InputError::MissingField { path: origin.to_string(), line: lineno }),
    };
    let text = rec.text.ok_or(InputError::MissingField { path: origin.to_string(), line: lineno })?;
    // An empty date is no date; any other must be ISO 8601, so that dates sort and bucket.
    let date = rec.date.map(|d| d.trim().to_string()).filter(|d| !d.is_empty());
    if let Some(d) = &date {
        crate::corpus::dates::parse(d).map_err(|message| InputError::BadDate {
            path: origin.to_string(),
            line: lineno,
            message,
        })?;
    }
    let outlet = rec
        .outlet
        .map(|o| o.trim().to_string())
        .filter(|o| !o.is_empty())
        .or_else(|| rec.url.as_deref().and_then(crate::corpus::outlet_of_url));
    Ok(Document { id, text, title: rec.title, date, url: rec.url, outlet })
}

fn jsonl_documents<R: Read>(reader: R, origin: &str, opts: &InputOptions, emit: &mut dyn FnMut(Item)) {
    let mut reader = BufReader::new(reader);
    let mut buf = Vec::new();
    let mut lineno = 0;
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                emit(Item::Error(InputError::Io { path: origin.to_string(), source: e }));
                break;
            }
        }
        lineno += 1;
        let (line, warning) = decode(std::mem::take(&mut buf), &format!("{origin}:{lineno}"));
        if let Some(w) = warning {
            emit(Item::Warning(w));
        }
        if line.trim().is_empty() {
            continue;
        }
        match parse_jsonl_line(line.trim_end_matches(['\n', '\r']), origin, lineno) {
            Ok(mut doc) => {
                if opts.html {
                    doc.text = strip_html(&doc.text);
                }
                emit(Item::Doc(doc))
            }
            Err(e) => emit(Item::Error(e)),
        }
    }
}

/// Reads every input in order and hands each document, warning or error to
/// `emit` as soon as it is read, so memory does not grow with corpus size.
pub fn read_inputs(paths: &[PathBuf], opts: &InputOptions, emit: &mut dyn FnMut(Item)) {
    for src in sources(paths, opts.follow) {
        match src {
            Found::Error(e) => emit(Item::Error(e)),
            Found::Warning(w) => emit(Item::Warning(w)),
            Found::Source(Source::Stdin) => match opts.stdin_format {
                StdinFormat::Jsonl => jsonl_documents(std::io::stdin().lock(), "<stdin>", opts, emit),
                StdinFormat::Text => {
                    let mut bytes = Vec::new();
                    match std::io::stdin().lock().read_to_end(&mut bytes) {
                        Ok(_) => {
                            let id = opts.stdin_id.clone().unwrap_or_else(|| "stdin".into());
                            text_document(id, bytes, "<stdin>", opts, emit)
                        }
                        Err(e) => emit(Item::Error(InputError::Io { path: "<stdin>".into(), source: e })),
                    }
                }
            },
            Found::Source(Source::Text { path, id }) => {
                let origin = path.display().to_string();
                match fs::read(&path) {
                    Ok(bytes) => text_document(id, bytes, &origin, opts, emit),
                    Err(e) => emit(Item::Error(InputError::Io { path: origin, source: e })),
                }
            }
            Found::Source(Source::Jsonl { path }) => {
                let origin = path.display().to_string();
                match fs::File::open(&path) {
                    Ok(f) => jsonl_documents(f, &origin, opts, emit),
                    Err(e) => emit(Item::Error(InputError::Io { path: origin, source: e })),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_reports_offset_of_bad_bytes() {
        let (s, w) = decode(b"ab\xffcd".to_vec(), "f.txt");
        assert_eq!(s, "ab\u{fffd}cd");
        assert!(w.unwrap().0.contains("byte 2"));
    }

    #[test]
    fn strips_bom() {
        let (s, w) = decode(b"\xEF\xBB\xBFhi".to_vec(), "f.txt");
        assert_eq!(s, "hi");
        assert!(w.is_some());
    }

    #[test]
    fn dates_are_checked_and_outlets_default_to_the_url_host() {
        let d = parse_jsonl_line(r#"{"id":"a","text":"x","date":"2019-01-04T10:00Z","url":"https://www.example.org/a"}"#, "f", 1);
        assert_eq!(d.unwrap().outlet.as_deref(), Some("example.org"));
        let d = parse_jsonl_line(r#"{"id":"a","text":"x","outlet":"AP","url":"https://www.example.org/a"}"#, "f", 1);
        assert_eq!(d.unwrap().outlet.as_deref(), Some("AP"));
        let e = parse_jsonl_line(r#"{"id":"a","text":"x","date":"last Tuesday"}"#, "in.jsonl", 7).unwrap_err();
        assert!(e.to_string().starts_with("in.jsonl:7: bad \"date\""), "{e}");
    }
}
