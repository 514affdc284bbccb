//! Scoring predicted quotes against gold attributions.
//!
//! A faithful port of the reference scorer `shared/eval/score.py`: the same
//! rows (content exact strict/normalised, GenderGapTracker overlap matching at
//! each threshold, source/cue on matched pairs and as independent spans, GGT
//! accuracies and pairwise speaker/verb counts), for all attributions and the
//! direct subset, with all span arithmetic in code points. Its figures equal
//! score.py's on the same inputs, row for row (checked by `tests/eval_parity/mod.rs`).
//!
//! [`read_gold`] and [`read_records`] read files; [`score`] is pure: gold
//! documents and prediction records (`quotegraph extract --format jsonl`
//! records, as JSON values) in, a [`Report`] out.
//!
//! Where score.py would crash on malformed predictions (a quote that is not an
//! object, a speaker that is a string) this port is lenient and treats the
//! value as absent; malformed gold is an error, as there.

mod text;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use text::{intersect_len, is_direct, merge_ranges, name_key, py_slice_lossy, py_strip_lower, trim};

/// The thresholds score.py uses by default.
pub const DEFAULT_THRESHOLDS: [f64; 2] = [0.3, 0.8];

/// Errors reading or interpreting a gold or prediction file.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: cannot read: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{path}:{line}: invalid JSON: {message}")]
    Json { path: PathBuf, line: usize, message: String },
    #[error("{path}: record {record}: {message}")]
    Gold { path: PathBuf, record: usize, message: String },
    #[error("{path}: record {record}: text file {file}: {source}")]
    TextFile { path: PathBuf, record: usize, file: PathBuf, source: std::io::Error },
    #[error("{path}: record {record}: duplicate gold document id {id}")]
    DuplicateDoc { path: PathBuf, record: usize, id: String },
}

// ------------------------------------------------------------------ loading

/// Reads a JSON file holding one object, a list of objects, or JSON lines
/// (score.py `load_json_records`).
pub fn read_records(path: &Path) -> Result<Vec<Value>, EvalError> {
    let data = std::fs::read(path).map_err(|source| EvalError::Read { path: path.to_path_buf(), source })?;
    let data = String::from_utf8(data).map_err(|e| EvalError::Read {
        path: path.to_path_buf(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, e),
    })?;
    parse_records(&data).map_err(|(line, message)| EvalError::Json { path: path.to_path_buf(), line, message })
}

/// Parses one JSON value (a list is its elements) or JSON lines; the error is (line, message).
pub fn parse_records(data: &str) -> Result<Vec<Value>, (usize, String)> {
    if let Ok(v) = serde_json::from_str::<Value>(data) {
        return Ok(match v {
            Value::Array(a) => a,
            v => vec![v],
        });
    }
    let mut out = Vec::new();
    for (n, line) in data.split('\n').enumerate() {
        if !line.trim_matches(text::py_isspace).is_empty() {
            out.push(serde_json::from_str(line).map_err(|e| (n + 1, e.to_string()))?);
        }
    }
    Ok(out)
}

/// A document id as Python compares dict keys: `1 == 1.0 == True`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum DocKey {
    Null,
    Int(i128),
    Float(u64),
    Str(String),
    Other(String),
}

impl DocKey {
    fn of(v: &Value) -> DocKey {
        match v {
            Value::Null => DocKey::Null,
            Value::Bool(b) => DocKey::Int(*b as i128),
            Value::Number(n) => match num_int(n) {
                Some(i) => DocKey::Int(i),
                None => {
                    let f = n.as_f64().unwrap_or(0.0);
                    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e30 {
                        DocKey::Int(f as i128)
                    } else {
                        DocKey::Float(f.to_bits())
                    }
                }
            },
            Value::String(s) => DocKey::Str(s.clone()),
            v => DocKey::Other(v.to_string()),
        }
    }
}

fn num_int(n: &serde_json::Number) -> Option<i128> {
    n.as_i64().map(i128::from).or_else(|| n.as_u64().map(i128::from))
}

/// Python `str(value)` for ids in messages.
fn py_str(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::String(s) => s.clone(),
        v => v.to_string(),
    }
}

/// Python truthiness of a JSON value.
fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64().is_some_and(|f| f != 0.0),
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
    }
}

/// `d.get(key)` on a value that may not be an object.
fn get<'a>(v: Option<&'a Value>, key: &str) -> Option<&'a Value> {
    v.and_then(|v| v.as_object()).and_then(|o| o.get(key)).filter(|v| !v.is_null())
}

/// Python `==` on JSON values (numbers compare by value; `True == 1`).
fn py_eq(a: &Value, b: &Value) -> bool {
    fn num(v: &Value) -> Option<(Option<i128>, f64)> {
        match v {
            Value::Bool(b) => Some((Some(*b as i128), *b as i64 as f64)),
            Value::Number(n) => Some((num_int(n), n.as_f64().unwrap_or(f64::NAN))),
            _ => None,
        }
    }
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| py_eq(v, w)))
        }
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(v, w)| py_eq(v, w)),
        (Value::String(x), Value::String(y)) => x == y,
        (Value::Null, Value::Null) => true,
        _ => match (num(a), num(b)) {
            (Some((Some(i), _)), Some((Some(j), _))) => i == j,
            (Some((Some(i), _)), Some((None, f))) | (Some((None, f)), Some((Some(i), _))) => {
                f.is_finite() && f.fract() == 0.0 && f.abs() < 1e30 && f as i128 == i
            }
            (Some((None, f)), Some((None, g))) => f == g,
            _ => false,
        },
    }
}

/// A document's text with byte -> code point conversion (score.py `Doc`).
struct DocText {
    chars: Vec<char>,
    raw: Vec<u8>,
    /// Code point index of each byte offset, `u32::MAX` inside a character.
    b2c: Vec<u32>,
    bad: usize,
}

impl DocText {
    fn new(text: &str) -> Self {
        let mut b2c = vec![u32::MAX; text.len() + 1];
        let mut chars = Vec::with_capacity(text.len());
        for (i, (b, ch)) in text.char_indices().enumerate() {
            b2c[b] = i as u32;
            chars.push(ch);
        }
        b2c[text.len()] = chars.len() as u32;
        DocText { chars, raw: text.as_bytes().to_vec(), b2c, bad: 0 }
    }

    /// Byte offset -> code point offset, snapping outwards off character boundaries.
    fn c(&mut self, b: &Value, is_end: bool) -> usize {
        let n = self.raw.len() as i128;
        let Some(mut b) = (match b {
            Value::Number(x) => num_int(x),
            _ => None,
        }) else {
            self.bad += 1;
            return if is_end { self.chars.len() } else { 0 };
        };
        if b < 0 || b > n {
            self.bad += 1;
            b = b.clamp(0, n);
        }
        let mut b = b as usize;
        if self.b2c[b] == u32::MAX {
            self.bad += 1;
            while self.b2c[b] == u32::MAX {
                if is_end {
                    b += 1;
                } else {
                    b -= 1;
                }
            }
        }
        self.b2c[b] as usize
    }

    /// `{"start", "end"}` -> code point span; `None` when absent or null.
    fn span(&mut self, d: Option<&Value>) -> Option<(usize, usize)> {
        if !truthy(d) {
            return None;
        }
        let s = get(d, "start")?;
        let e = get(d, "end")?;
        let (mut s, mut e) = (self.c(s, false), self.c(e, true));
        if e < s {
            self.bad += 1;
            std::mem::swap(&mut s, &mut e);
        }
        Some((s, e))
    }
}

/// One gold attribution or predicted quote, in code point offsets.
#[derive(Clone, Debug, Default)]
struct Item {
    content: (usize, usize),
    /// The characters the content covers (fragments merged), as sorted disjoint ranges.
    chars: Vec<(usize, usize)>,
    nchars: usize,
    source: Option<(usize, usize)>,
    cue: Option<(usize, usize)>,
    cue_text: String,
    direct: bool,
    reference: Option<String>,
    has_reference: bool,
    optional: bool,
    /// The prediction record as read (GGT removes predictions equal to the best match).
    raw: Option<Value>,
    speaker_name: Option<String>,
    /// The prediction names a speaker entity.
    claims_entity: bool,
}

impl Item {
    fn set_chars(&mut self, ranges: Vec<(usize, usize)>) {
        self.chars = merge_ranges(ranges);
        self.nchars = self.chars.iter().map(|(s, e)| e - s).sum();
    }
}

/// One gold document.
struct GoldDoc {
    id: Value,
    key: DocKey,
    /// The text as given.
    source: String,
    text: DocText,
    items: Vec<Item>,
}

/// A gold file: documents in file order.
pub struct Gold {
    /// How the gold file is named in reports.
    pub label: String,
    docs: Vec<GoldDoc>,
    index: BTreeMap<DocKey, usize>,
    /// What score.py prints to stderr while loading (offsets off boundaries, text mismatches).
    pub warnings: Vec<String>,
}

impl Gold {
    /// Number of documents.
    pub fn len(&self) -> usize {
        self.docs.len()
    }
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }
    /// Document ids (the records' JSON values) and texts, in file order.
    pub fn documents(&self) -> impl Iterator<Item = (&Value, &str)> + '_ {
        self.docs.iter().map(|d| (&d.id, d.source.as_str()))
    }
}

/// Reads a gold file (score.py `gold_docs`): PolNeAR-style records with
/// `attributions`, or extract-format records with `quotes` and `text` or
/// `text_file` (resolved relative to the gold file).
pub fn read_gold(path: &Path) -> Result<Gold, EvalError> {
    let records = read_records(path)?;
    let base = std::path::absolute(path).ok().and_then(|p| p.parent().map(Path::to_path_buf)).unwrap_or_default();
    gold_from_records(&records, &path.display().to_string(), &mut |n, file| {
        let full = base.join(file);
        let bytes = std::fs::read(&full).map_err(|source| EvalError::TextFile {
            path: path.to_path_buf(),
            record: n,
            file: full.clone(),
            source,
        })?;
        String::from_utf8(bytes).map_err(|e| EvalError::TextFile {
            path: path.to_path_buf(),
            record: n,
            file: full,
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, e),
        })
    })
}

/// Builds the gold from parsed records; `read_text(record_no, text_file)` resolves `text_file`.
pub fn gold_from_records(
    records: &[Value],
    label: &str,
    read_text: &mut dyn FnMut(usize, &str) -> Result<String, EvalError>,
) -> Result<Gold, EvalError> {
    let err = |record: usize, message: String| EvalError::Gold { path: PathBuf::from(label), record, message };
    let mut gold = Gold { label: label.to_string(), docs: Vec::new(), index: BTreeMap::new(), warnings: Vec::new() };
    let mut mism = 0usize;
    for (n0, rec) in records.iter().enumerate() {
        let n = n0 + 1;
        let Some(obj) = rec.as_object() else {
            return Err(err(n, "a gold record must be a JSON object".into()));
        };
        let (did, text, atts): (Value, String, Vec<Value>) = if obj.contains_key("attributions") {
            let did = obj.get("id").ok_or_else(|| err(n, "missing \"id\"".into()))?.clone();
            let text = obj.get("text").and_then(Value::as_str).ok_or_else(|| err(n, "missing string \"text\"".into()))?;
            let atts = obj
                .get("attributions")
                .and_then(Value::as_array)
                .ok_or_else(|| err(n, "\"attributions\" must be a list".into()))?;
            (did, text.to_string(), atts.clone())
        } else if obj.contains_key("quotes") {
            let did = if truthy(obj.get("doc")) { obj["doc"].clone() } else { obj.get("id").cloned().unwrap_or(Value::Null) };
            let text = match obj.get("text") {
                Some(Value::String(s)) => s.clone(),
                Some(v) if !v.is_null() => return Err(err(n, "\"text\" must be a string".into())),
                _ => match obj.get("text_file") {
                    Some(Value::String(f)) if !f.is_empty() => read_text(n, f)?,
                    _ => return Err(err(n, format!("gold record {} has no text/text_file", py_str(&did)))),
                },
            };
            let quotes = obj.get("quotes").and_then(Value::as_array).ok_or_else(|| err(n, "\"quotes\" must be a list".into()))?;
            let mut atts = Vec::with_capacity(quotes.len());
            for q in quotes {
                let qo = q.as_object().ok_or_else(|| err(n, "a quote must be a JSON object".into()))?;
                let field =
                    |o: &Map<String, Value>, k: &str| o.get(k).cloned().ok_or_else(|| err(n, format!("quote without \"{k}\"")));
                let sp = qo.get("speaker").filter(|v| truthy(Some(v)));
                let source = match sp.and_then(Value::as_object) {
                    Some(so) if so.contains_key("start") => serde_json::json!({
                        "start": field(so, "start")?, "end": field(so, "end")?,
                        "text": so.get("text").cloned().unwrap_or(Value::Null)}),
                    _ => Value::Null,
                };
                atts.push(serde_json::json!({
                    "content": {"start": field(qo, "start")?, "end": field(qo, "end")?,
                                "text": qo.get("text").cloned().unwrap_or(Value::Null)},
                    "source": source,
                    "cue": qo.get("cue").cloned().unwrap_or(Value::Null),
                    "direct": Value::Null,
                    "reference": get(sp, "entity").cloned().unwrap_or(Value::Null),
                    "optional": truthy(qo.get("optional")),
                }));
            }
            (did, text, atts)
        } else {
            return Err(err(n, "unrecognised gold record (needs 'attributions' or 'quotes')".into()));
        };
        let mut doc = DocText::new(&text);
        let mut items = Vec::with_capacity(atts.len());
        for a in &atts {
            let c = a.get("content").ok_or_else(|| err(n, "attribution without \"content\"".into()))?;
            let content = doc.span(Some(c)).ok_or_else(|| err(n, format!("attribution content without start/end: {c}")))?;
            let mut it = Item { content, ..Item::default() };
            let frags = c.get("fragments");
            if truthy(frags) {
                let mut ranges = Vec::new();
                for fr in frags.and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default() {
                    let r = doc.span(Some(fr)).ok_or_else(|| err(n, format!("fragment without start/end: {fr}")))?;
                    ranges.push(r);
                }
                it.set_chars(ranges);
            } else {
                it.set_chars(vec![content]);
            }
            for d in [Some(c), a.get("source"), a.get("cue")] {
                if truthy(d) {
                    if let Some(Value::String(t)) = get(d, "text") {
                        let d = d.and_then(Value::as_object);
                        let slice = py_slice_lossy(&doc.raw, d.and_then(|d| d.get("start")), d.and_then(|d| d.get("end")));
                        if slice.as_deref() != Some(t.as_str()) {
                            mism += 1;
                        }
                    }
                }
            }
            it.source = doc.span(a.get("source"));
            it.cue = doc.span(a.get("cue"));
            it.cue_text = it.cue.map(|(s, e)| doc.chars[s..e].iter().collect()).unwrap_or_default();
            it.direct = match a.get("direct") {
                None | Some(Value::Null) => is_direct(&doc.chars, content.0, content.1),
                d => truthy(d),
            };
            it.has_reference = a.get("reference").is_some();
            it.reference = get(Some(a), "reference").map(value_string);
            it.optional = truthy(a.get("optional"));
            items.push(it);
        }
        if doc.bad > 0 {
            gold.warnings.push(format!("gold {}: {} offsets off character boundaries", py_str(&did), doc.bad));
        }
        let key = DocKey::of(&did);
        if gold.index.contains_key(&key) {
            return Err(EvalError::DuplicateDoc { path: PathBuf::from(label), record: n, id: py_str(&did) });
        }
        gold.index.insert(key.clone(), gold.docs.len());
        gold.docs.push(GoldDoc { id: did, key, source: text, text: doc, items });
    }
    if mism > 0 {
        gold.warnings.push(format!("{mism} gold spans whose text field differs from the slice"));
    }
    Ok(gold)
}

/// A string value as itself, anything else as its JSON text.
fn value_string(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        v => v.to_string(),
    }
}

// ------------------------------------------------------------------ report

/// Precision/recall counts of one row.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Prf {
    pub tp: u64,
    pub fp: u64,
    pub fn_: u64,
}

impl Prf {
    fn add(&mut self, tp: u64, fp: u64, fn_: u64) {
        self.tp += tp;
        self.fp += fp;
        self.fn_ += fn_;
    }
    /// (precision, recall, F1), 0 where undefined.
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = if self.tp + self.fp > 0 { self.tp as f64 / (self.tp + self.fp) as f64 } else { 0.0 };
        let r = if self.tp + self.fn_ > 0 { self.tp as f64 / (self.tp + self.fn_) as f64 } else { 0.0 };
        (p, r, f1(p, r))
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r != 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// An accuracy: correct out of n.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Acc {
    pub correct: u64,
    pub n: u64,
}

impl Acc {
    pub fn acc(&self) -> Option<f64> {
        (self.n > 0).then(|| self.correct as f64 / self.n as f64)
    }
}

/// One row of a subset.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Metric {
    /// tp/fp/fn counts with P, R, F1.
    Prf(Prf),
    /// GGT's pairwise count: tp over every gold x pred pair, and the span totals.
    Pairwise { tp: u64, n_gold: u64, n_pred: u64 },
    /// An accuracy over matched pairs.
    Acc(Acc),
}

impl Metric {
    /// (P, R, F1) of a P/R row.
    pub fn prf(&self) -> Option<(f64, f64, f64)> {
        match *self {
            Metric::Prf(c) => Some(c.prf()),
            Metric::Pairwise { tp, n_gold, n_pred } => {
                let r = if n_gold > 0 { tp as f64 / n_gold as f64 } else { 0.0 };
                let p = if n_pred > 0 { tp as f64 / n_pred as f64 } else { 0.0 };
                Some((p, r, f1(p, r)))
            }
            Metric::Acc(_) => None,
        }
    }

    fn to_json(self) -> Value {
        match self {
            Metric::Prf(c) => {
                let (p, r, f) = c.prf();
                serde_json::json!({"tp": c.tp, "fp": c.fp, "fn": c.fn_, "p": p, "r": r, "f1": f})
            }
            Metric::Pairwise { tp, n_gold, n_pred } => {
                let (p, r, f) = self.prf().unwrap_or_default();
                serde_json::json!({"tp": tp, "n_gold": n_gold, "n_pred": n_pred, "p": p, "r": r, "f1": f})
            }
            Metric::Acc(a) => serde_json::json!({"correct": a.correct, "n": a.n, "acc": a.acc()}),
        }
    }
}

/// The rows of one subset (all attributions, or the direct ones), keyed as in score.py --json.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Subset {
    pub rows: BTreeMap<String, Metric>,
    pub n_gold: u64,
    pub n_pred: u64,
}

impl Subset {
    pub fn prf(&self, key: &str) -> Option<(f64, f64, f64)> {
        self.rows.get(key).and_then(Metric::prf)
    }
    /// `Some(None)` for an accuracy row with no pairs.
    pub fn acc(&self, key: &str) -> Option<Option<f64>> {
        match self.rows.get(key) {
            Some(Metric::Acc(a)) => Some(a.acc()),
            _ => None,
        }
    }
}

/// Counters reported beside the scores (score.py `diagnostics`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Diagnostics {
    pub pred_docs: u64,
    pub pred_docs_not_in_gold: u64,
    pub pred_quotes: u64,
    pub bad_offsets: u64,
    pub text_mismatch: u64,
    pub gold_docs: u64,
    pub gold_docs_missing_in_pred: u64,
    pub gold_attributions: u64,
    pub gold_optional: u64,
    pub gold_direct: u64,
}

/// The result of [`score`].
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub gold: String,
    pub pred: String,
    pub thresholds: Vec<f64>,
    pub diagnostics: Diagnostics,
    pub has_reference: bool,
    pub all: Subset,
    pub direct: Subset,
}

fn sorted_object(entries: BTreeMap<String, Value>) -> Value {
    Value::Object(entries.into_iter().collect())
}

impl Report {
    /// The report as score.py --json prints it (same keys, sorted).
    pub fn to_json(&self) -> Value {
        let d = &self.diagnostics;
        let diag: BTreeMap<String, Value> = [
            ("bad_offsets", d.bad_offsets),
            ("gold_attributions", d.gold_attributions),
            ("gold_direct", d.gold_direct),
            ("gold_docs", d.gold_docs),
            ("gold_docs_missing_in_pred", d.gold_docs_missing_in_pred),
            ("gold_optional", d.gold_optional),
            ("pred_docs", d.pred_docs),
            ("pred_docs_not_in_gold", d.pred_docs_not_in_gold),
            ("pred_quotes", d.pred_quotes),
            ("text_mismatch", d.text_mismatch),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), Value::from(v)))
        .collect();
        let subset = |s: &Subset| {
            let mut m: BTreeMap<String, Value> = s.rows.iter().map(|(k, v)| (k.clone(), v.to_json())).collect();
            m.insert("n_gold".into(), s.n_gold.into());
            m.insert("n_pred".into(), s.n_pred.into());
            sorted_object(m)
        };
        let mut top = BTreeMap::new();
        top.insert("all".to_string(), subset(&self.all));
        top.insert("diagnostics".to_string(), sorted_object(diag));
        top.insert("direct".to_string(), subset(&self.direct));
        top.insert("gold".to_string(), Value::String(self.gold.clone()));
        top.insert("has_reference".to_string(), Value::Bool(self.has_reference));
        top.insert("pred".to_string(), Value::String(self.pred.clone()));
        top.insert("thresholds".to_string(), self.thresholds.iter().map(|&t| Value::from(t)).collect());
        sorted_object(top)
    }

    /// The report as JSON text indented like score.py --json (`indent=1`).
    pub fn to_json_string(&self) -> String {
        use serde::Serialize;
        let mut buf = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(&mut buf, serde_json::ser::PrettyFormatter::with_indent(b" "));
        self.to_json().serialize(&mut ser).expect("serialising a JSON value cannot fail");
        String::from_utf8(buf).expect("serde_json writes UTF-8")
    }

    /// The report as score.py's table.
    pub fn to_table(&self) -> String {
        fn pc(x: Option<f64>) -> String {
            match x {
                None => "   n/a".to_string(),
                Some(x) => format!("{:6.1}", 100.0 * x),
            }
        }
        let ths = &self.thresholds;
        let mut rows: Vec<(String, String)> = vec![
            ("content exact (strict)".into(), "content_exact_strict".into()),
            ("content exact (norm)".into(), "content_exact_norm".into()),
        ];
        for &th in ths {
            rows.push((format!("content overlap>{} (GGT)", fmt_g(th)), format!("content_overlap_{}", fmt_g(th))));
        }
        for (l, k) in [
            ("source exact | matched", "source_exact_matched"),
            ("source overlap | matched", "source_overlap_matched"),
            ("source exact (indep)", "source_exact_indep"),
            ("cue exact | matched", "cue_exact_matched"),
            ("cue exact (indep)", "cue_exact_indep"),
        ] {
            rows.push((l.into(), k.into()));
        }
        let d = &self.diagnostics;
        let mut out = Vec::new();
        out.push(format!(
            "gold: {}  ({} docs, {} attributions, {} direct{})",
            self.gold,
            d.gold_docs,
            d.gold_attributions,
            d.gold_direct,
            if d.gold_optional > 0 { format!(", {} optional ignored", d.gold_optional) } else { String::new() }
        ));
        out.push(format!(
            "pred: {}  ({} quotes in gold docs; {} gold docs missing -> empty{}{}{})",
            self.pred,
            self.all.n_pred,
            d.gold_docs_missing_in_pred,
            if d.pred_docs_not_in_gold > 0 {
                format!("; {} pred docs not in gold (ignored)", d.pred_docs_not_in_gold)
            } else {
                String::new()
            },
            if d.bad_offsets > 0 { format!("; {} quotes with bad offsets", d.bad_offsets) } else { String::new() },
            if d.text_mismatch > 0 { format!("; {} quotes whose text != slice", d.text_mismatch) } else { String::new() },
        ));
        let hdr = format!("{:<26} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6}", "", "P", "R", "F1", "P", "R", "F1");
        out.push(format!(
            "{:<26} | {:<20} | {:<20}",
            "",
            format!("all (n={}/{})", self.all.n_gold, self.all.n_pred),
            format!("direct (n={}/{})", self.direct.n_gold, self.direct.n_pred)
        ));
        let rule = "-".repeat(hdr.chars().count());
        out.push(hdr);
        out.push(rule.clone());
        for (label, key) in &rows {
            let (ap, ar, af) = self.all.prf(key).unwrap_or_default();
            let (bp, br, bf) = self.direct.prf(key).unwrap_or_default();
            out.push(format!(
                "{:<26} | {} {} {} | {} {} {}",
                label,
                pc(Some(ap)),
                pc(Some(ar)),
                pc(Some(af)),
                pc(Some(bp)),
                pc(Some(br)),
                pc(Some(bf))
            ));
        }
        out.push(rule);
        for &th in ths {
            let g = fmt_g(th);
            let parts: Vec<String> = [&self.all, &self.direct]
                .iter()
                .map(|r| {
                    let mut s = format!(
                        "spk {}  verb {}",
                        pc(r.acc(&format!("speaker_span_{g}")).flatten()).trim(),
                        pc(r.acc(&format!("verb_{g}")).flatten()).trim()
                    );
                    if let Some(a) = r.acc(&format!("name_{g}")) {
                        s += &format!("  name {}", pc(a).trim());
                    }
                    s
                })
                .collect();
            out.push(format!("{:<26} | all: {} | direct: {}", format!("GGT acc. @>{g} matches"), parts[0], parts[1]));
        }
        for (label, key) in [("GGT speakers (indep)", "ggt_speakers_indep"), ("GGT verbs (indep)", "ggt_verbs_indep")] {
            let (p, r, f) = self.all.prf(key).unwrap_or_default();
            out.push(format!(
                "{:<26} | {} {} {} | (GGT's pairwise count; may exceed 100)",
                label,
                pc(Some(p)),
                pc(Some(r)),
                pc(Some(f))
            ));
        }
        if !self.has_reference {
            out.push("(no canonical `reference` names in this gold: name accuracy n/a)".into());
        }
        out.join("\n")
    }
}

/// Python's `"%g" % x`.
pub fn fmt_g(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0".into() } else { "0".into() };
    }
    let sci = format!("{x:.5e}");
    let (mant, exp) = sci.split_once('e').expect("exponent format");
    let exp: i32 = exp.parse().expect("exponent");
    let strip = |s: &str| -> String {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s.to_string()
        }
    };
    if (-4..6).contains(&exp) {
        strip(&format!("{:.*}", (5 - exp) as usize, x))
    } else {
        format!("{}e{}{:02}", strip(mant), if exp < 0 { '-' } else { '+' }, exp.abs())
    }
}

// ------------------------------------------------------------------ predictions

/// Reads prediction records into items per gold document (score.py `pred_docs`).
fn pred_items(
    gold: &mut [GoldDoc],
    index: &BTreeMap<DocKey, usize>,
    preds: &[Value],
    diag: &mut Diagnostics,
) -> Vec<Option<Vec<Item>>> {
    let mut out: Vec<Option<Vec<Item>>> = vec![None; gold.len()];
    for rec in preds {
        let did = match rec.as_object() {
            Some(o) => o.get("doc").or_else(|| o.get("id")).cloned().unwrap_or(Value::Null),
            None => Value::Null,
        };
        diag.pred_docs += 1;
        let Some(&gi) = index.get(&DocKey::of(&did)) else {
            diag.pred_docs_not_in_gold += 1;
            continue;
        };
        let doc = &mut gold[gi].text;
        let items = out[gi].get_or_insert_with(Vec::new);
        let quotes = match get(Some(rec), "quotes") {
            Some(Value::Array(a)) => a.as_slice(),
            _ => &[],
        };
        for q in quotes {
            diag.pred_quotes += 1;
            let bad0 = doc.bad;
            let content = doc.span(Some(q)).unwrap_or((0, 0));
            let mut it = Item { content, raw: Some(q.clone()), ..Item::default() };
            let frags = q.get("fragments");
            if truthy(frags) {
                let mut ranges = Vec::new();
                if let Some(fs) = frags.and_then(Value::as_array) {
                    for f in fs {
                        let r = if f.is_object() {
                            doc.span(Some(f))
                        } else {
                            let a = f.as_array();
                            let at = |i: usize| a.and_then(|a| a.get(i)).cloned().unwrap_or(Value::Null);
                            doc.span(Some(&serde_json::json!({"start": at(0), "end": at(1)})))
                        };
                        ranges.push(r.unwrap_or((0, 0)));
                    }
                }
                it.set_chars(ranges);
            } else {
                it.set_chars(vec![content]);
            }
            if let (Some(t), Some(s), Some(e)) = (get(Some(q), "text"), py_int(q.get("start")), py_int(q.get("end"))) {
                let slice = text::py_slice_bytes(&doc.raw, Some(s), Some(e));
                if Value::String(String::from_utf8_lossy(slice).into_owned()) != *t {
                    diag.text_mismatch += 1;
                }
            }
            let sp = q.get("speaker").filter(|v| truthy(Some(v)));
            if let Some(sp) = sp {
                it.source = doc.span(Some(sp));
                let ent = sp.get("entity").filter(|v| truthy(Some(v)));
                it.speaker_name = ent.or_else(|| get(Some(sp), "text")).map(value_string);
                it.claims_entity = ent.is_some();
            }
            let cue = q.get("cue").filter(|v| truthy(Some(v)));
            if let Some(cue) = cue {
                it.cue = doc.span(Some(cue));
            }
            it.cue_text = match get(cue, "text") {
                Some(t) => value_string(t),
                None => it.cue.map(|(s, e)| doc.chars[s..e].iter().collect()).unwrap_or_default(),
            };
            it.direct = is_direct(&doc.chars, content.0, content.1);
            items.push(it);
            if doc.bad > bad0 {
                diag.bad_offsets += 1;
            }
        }
    }
    out
}

/// `isinstance(v, int)` (bools included) -> the value.
fn py_int(v: Option<&Value>) -> Option<i128> {
    match v? {
        Value::Bool(b) => Some(*b as i128),
        Value::Number(n) => num_int(n),
        _ => None,
    }
}

// ------------------------------------------------------------------ matching

type Span = (usize, usize);

/// One-to-one matching on equal keys: (tp, fp, fn).
fn match_by_key(gold: &[&Item], pred: &[&Item], key: &dyn Fn(&Item) -> Span) -> (u64, u64, u64) {
    let mut buckets: BTreeMap<Span, (usize, Vec<usize>)> = BTreeMap::new();
    for (j, p) in pred.iter().enumerate() {
        buckets.entry(key(p)).or_default().1.push(j);
    }
    let mut order: Vec<usize> = (0..gold.len()).collect();
    order.sort_by_key(|&i| gold[i].optional);
    let (mut tp, mut fn_, mut used) = (0, 0, 0u64);
    for g in order {
        let b = buckets.get_mut(&key(gold[g])).filter(|(next, b)| *next < b.len());
        if let Some((next, _)) = b {
            *next += 1;
            used += 1;
            if !gold[g].optional {
                tp += 1;
            }
        } else if !gold[g].optional {
            fn_ += 1;
        }
    }
    (tp, pred.len() as u64 - used, fn_)
}

fn ggt_score(g: &Item, p: &Item) -> f64 {
    if g.nchars == 0 || p.nchars == 0 {
        return 0.0;
    }
    intersect_len(&g.chars, &p.chars) as f64 / g.nchars as f64
}

/// GenderGapTracker's quote matching (score.py `ggt_compare_res`): (tp, fp, fn, pairs).
fn ggt_compare_res(gold: &[&Item], pred: &[&Item], threshold: f64) -> (u64, u64, u64, Vec<(usize, usize)>) {
    let mut remaining: Vec<usize> = (0..pred.len()).collect();
    let mut pairs = Vec::new();
    let mut fn_ = 0;
    for (gi, g) in gold.iter().enumerate() {
        let mut best = None;
        let mut max_score = 0.0;
        for &j in &remaining {
            let score = ggt_score(g, pred[j]);
            if score > threshold && score > max_score {
                max_score = score;
                best = Some(j);
            }
        }
        if let Some(best) = best {
            match &pred[best].raw {
                Some(braw) => remaining.retain(|&j| !pred[j].raw.as_ref().is_some_and(|r| py_eq(r, braw))),
                None => remaining.retain(|&j| j != best),
            }
            pairs.push((gi, best));
        } else if !g.optional {
            fn_ += 1;
        }
    }
    let tp = pairs.iter().filter(|(gi, _)| !gold[*gi].optional).count() as u64;
    (tp, remaining.len() as u64, fn_, pairs)
}

fn range_overlap(a: Span, b: Span) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

fn ggt_speaker_match(g: &Item, p: &Item) -> bool {
    if let (Some(gs), Some(ps)) = (g.source, p.source) {
        let n = gs.1 - gs.0;
        if n > 0 && range_overlap(gs, ps) as f64 / n as f64 > 0.0 {
            return true;
        }
    }
    p.source.is_none() && g.source.is_none()
}

#[derive(Clone, Copy)]
enum Role {
    Source,
    Cue,
}

impl Role {
    fn of(self, it: &Item) -> Option<Span> {
        match self {
            Role::Source => it.source,
            Role::Cue => it.cue,
        }
    }
    fn name(self) -> &'static str {
        match self {
            Role::Source => "source",
            Role::Cue => "cue",
        }
    }
}

/// GGT evaluate.py `compare_speakers_and_verbs`: (tp, n_gold, n_pred).
fn ggt_indep(gold: &[&Item], pred: &[&Item], role: Role) -> (u64, u64, u64) {
    let mut tp = 0;
    for g in gold {
        let Some(gs) = role.of(g) else { continue };
        if g.optional {
            continue;
        }
        for p in pred {
            if let Some(ps) = role.of(p) {
                if range_overlap(gs, ps) >= 2 {
                    tp += 1;
                }
            }
        }
    }
    let n_t = gold.iter().filter(|g| role.of(g).is_some() && !g.optional).count() as u64;
    let n_p = pred.iter().filter(|p| role.of(p).is_some()).count() as u64;
    (tp, n_t, n_p)
}

// ------------------------------------------------------------------ scoring

/// Scores prediction records against the gold (score.py `score`).
///
/// `preds` are `quotegraph extract` records (`{"doc", "quotes": [...]}`);
/// documents of the gold missing from them count as empty predictions.
/// `thresholds` are GGT's overlap thresholds ([`DEFAULT_THRESHOLDS`]).
/// The report's `pred` label is left empty for the caller to fill.
pub fn score(gold: &Gold, preds: &[Value], thresholds: &[f64]) -> Report {
    // Offsets are converted with the gold texts, whose `bad` counters predictions advance.
    let mut docs: Vec<GoldDoc> = gold
        .docs
        .iter()
        .map(|d| GoldDoc {
            id: Value::Null,
            key: d.key.clone(),
            source: String::new(),
            text: DocText { chars: d.text.chars.clone(), raw: d.text.raw.clone(), b2c: d.text.b2c.clone(), bad: 0 },
            items: d.items.clone(),
        })
        .collect();
    let mut diag = Diagnostics::default();
    let preds = pred_items(&mut docs, &gold.index, preds, &mut diag);
    let gold_items = || docs.iter().flat_map(|d| d.items.iter());
    diag.gold_docs = docs.len() as u64;
    diag.gold_docs_missing_in_pred = preds.iter().filter(|p| p.is_none()).count() as u64;
    diag.gold_attributions = gold_items().filter(|g| !g.optional).count() as u64;
    diag.gold_optional = gold_items().filter(|g| g.optional).count() as u64;
    diag.gold_direct = gold_items().filter(|g| g.direct && !g.optional).count() as u64;
    let has_ref = gold_items().any(|g| g.has_reference);
    let mut ths = thresholds.to_vec();
    ths.sort_by(f64::total_cmp);
    let mut subsets = Vec::new();
    for direct_only in [false, true] {
        let mut c: BTreeMap<String, Prf> = BTreeMap::new();
        let mut a: BTreeMap<String, Acc> = BTreeMap::new();
        let mut keys: Vec<String> = [
            "content_exact_strict",
            "content_exact_norm",
            "source_exact_matched",
            "source_overlap_matched",
            "source_exact_indep",
            "cue_exact_matched",
            "cue_exact_indep",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        keys.extend(ths.iter().map(|&th| format!("content_overlap_{}", fmt_g(th))));
        let mut ggt_keys = BTreeSet::new();
        if !direct_only {
            for k in ["ggt_speakers_indep", "ggt_verbs_indep"] {
                keys.push(k.into());
                ggt_keys.insert(k.to_string());
            }
        }
        for k in keys {
            c.entry(k).or_default();
        }
        for &th in &ths {
            for k in ["speaker_span", "verb", "name"] {
                a.entry(format!("{k}_{}", fmt_g(th))).or_default();
            }
        }
        for (di, doc) in docs.iter().enumerate() {
            let t = &doc.text.chars;
            let g_all: Vec<&Item> = doc.items.iter().filter(|g| !direct_only || g.direct).collect();
            let p_all: Vec<&Item> =
                preds[di].as_deref().unwrap_or_default().iter().filter(|p| !direct_only || p.direct).collect();
            let (gs, ps) = (&g_all[..], &p_all[..]);
            let (tp, fp, fn_) = match_by_key(gs, ps, &|x| x.content);
            c.entry("content_exact_strict".into()).or_default().add(tp, fp, fn_);
            let (tp, fp, fn_) = match_by_key(gs, ps, &|x| trim(t, x.content.0, x.content.1, true));
            c.entry("content_exact_norm".into()).or_default().add(tp, fp, fn_);
            for &th in &ths {
                let g_ = fmt_g(th);
                let (tp, fp, fn_, pairs) = ggt_compare_res(gs, ps, th);
                c.entry(format!("content_overlap_{g_}")).or_default().add(tp, fp, fn_);
                for (gi, pj) in pairs {
                    let (g, p) = (gs[gi], ps[pj]);
                    if g.optional {
                        continue;
                    }
                    let acc = a.entry(format!("speaker_span_{g_}")).or_default();
                    acc.n += 1;
                    acc.correct += ggt_speaker_match(g, p) as u64;
                    let acc = a.entry(format!("verb_{g_}")).or_default();
                    acc.n += 1;
                    acc.correct += (py_strip_lower(&g.cue_text) == py_strip_lower(&p.cue_text)) as u64;
                    if g.has_reference {
                        let acc = a.entry(format!("name_{g_}")).or_default();
                        acc.n += 1;
                        let gk = name_key(g.reference.as_deref().unwrap_or(""));
                        if !gk.is_empty() {
                            acc.correct += (gk == name_key(p.speaker_name.as_deref().unwrap_or(""))) as u64;
                        } else {
                            acc.correct += !p.claims_entity as u64;
                        }
                    }
                    if th == ths[0] {
                        for role in [Role::Source, Role::Cue] {
                            let (gs, ps) = (role.of(g), role.of(p));
                            let both = gs.zip(ps);
                            let ex = both.is_some_and(|(x, y)| trim(t, x.0, x.1, false) == trim(t, y.0, y.1, false));
                            let ov = both.is_some_and(|(x, y)| x.0.max(y.0) < x.1.min(y.1));
                            let r = role.name();
                            c.entry(format!("{r}_exact_matched")).or_default().add(
                                ex as u64,
                                (ps.is_some() && !ex) as u64,
                                (gs.is_some() && !ex) as u64,
                            );
                            c.entry(format!("{r}_overlap_matched")).or_default().add(
                                ov as u64,
                                (ps.is_some() && !ov) as u64,
                                (gs.is_some() && !ov) as u64,
                            );
                        }
                    }
                }
            }
            for role in [Role::Source, Role::Cue] {
                let tr = |x: Span| trim(t, x.0, x.1, false);
                let req: BTreeSet<Span> = gs.iter().filter(|g| !g.optional).filter_map(|g| role.of(g)).map(tr).collect();
                let opt: BTreeSet<Span> =
                    gs.iter().filter(|g| g.optional).filter_map(|g| role.of(g)).map(tr).filter(|s| !req.contains(s)).collect();
                let pset: BTreeSet<Span> = ps.iter().filter_map(|p| role.of(p)).map(tr).collect();
                let tp = pset.intersection(&req).count() as u64;
                let fp = pset.iter().filter(|s| !req.contains(s) && !opt.contains(s)).count() as u64;
                let fn_ = req.difference(&pset).count() as u64;
                c.entry(format!("{}_exact_indep", role.name())).or_default().add(tp, fp, fn_);
            }
            if !direct_only {
                for (role, key) in [(Role::Source, "ggt_speakers_indep"), (Role::Cue, "ggt_verbs_indep")] {
                    let (tp, n_t, n_p) = ggt_indep(gs, ps, role);
                    // stored as denominators, as score.py does
                    c.entry(key.into()).or_default().add(tp, n_p, n_t);
                }
            }
        }
        let mut rows: BTreeMap<String, Metric> = c
            .into_iter()
            .map(|(k, v)| {
                let m = if ggt_keys.contains(&k) {
                    Metric::Pairwise { tp: v.tp, n_gold: v.fn_, n_pred: v.fp }
                } else {
                    Metric::Prf(v)
                };
                (k, m)
            })
            .collect();
        for (k, v) in a {
            if k.starts_with("name_") && !has_ref {
                continue;
            }
            rows.insert(k, Metric::Acc(v));
        }
        let n_gold = gold_items_subset(&docs, direct_only);
        let n_pred = preds.iter().flatten().flatten().filter(|p| !direct_only || p.direct).count() as u64;
        subsets.push(Subset { rows, n_gold, n_pred });
    }
    let direct = subsets.pop().unwrap_or_default();
    let all = subsets.pop().unwrap_or_default();
    Report {
        gold: gold.label.clone(),
        pred: String::new(),
        thresholds: ths,
        diagnostics: diag,
        has_reference: has_ref,
        all,
        direct,
    }
}

fn gold_items_subset(docs: &[GoldDoc], direct_only: bool) -> u64 {
    docs.iter().flat_map(|d| d.items.iter()).filter(|g| !g.optional && (!direct_only || g.direct)).count() as u64
}

#[cfg(test)]
mod tests;
