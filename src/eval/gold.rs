//! Loading: gold files (PolNeAR-style attributions or extract-format gold)
//! and prediction records, read the way score.py reads them, with Python's
//! value semantics (`int`, `str`, truthiness, equality) where they matter.

use super::*;

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
pub(super) enum DocKey {
    Null,
    Int(i128),
    Float(u64),
    Str(String),
    Other(String),
}

impl DocKey {
    pub(super) fn of(v: &Value) -> DocKey {
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

pub(super) fn num_int(n: &serde_json::Number) -> Option<i128> {
    n.as_i64().map(i128::from).or_else(|| n.as_u64().map(i128::from))
}

/// Python `str(value)` for ids in messages.
pub(super) fn py_str(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::String(s) => s.clone(),
        v => v.to_string(),
    }
}

/// Python truthiness of a JSON value.
pub(super) fn truthy(v: Option<&Value>) -> bool {
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
pub(super) fn get<'a>(v: Option<&'a Value>, key: &str) -> Option<&'a Value> {
    v.and_then(|v| v.as_object()).and_then(|o| o.get(key)).filter(|v| !v.is_null())
}

/// Python `==` on JSON values (numbers compare by value; `True == 1`).
pub(super) fn py_eq(a: &Value, b: &Value) -> bool {
    pub(super) fn num(v: &Value) -> Option<(Option<i128>, f64)> {
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
pub(super) struct DocText {
    pub(super) chars: Vec<char>,
    pub(super) raw: Vec<u8>,
    /// Code point index of each byte offset, `u32::MAX` inside a character.
    pub(super) b2c: Vec<u32>,
    pub(super) bad: usize,
}

impl DocText {
    pub(super) fn new(text: &str) -> Self {
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
    pub(super) fn c(&mut self, b: &Value, is_end: bool) -> usize {
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
    pub(super) fn span(&mut self, d: Option<&Value>) -> Option<(usize, usize)> {
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
pub(super) struct Item {
    pub(super) content: (usize, usize),
    /// The characters the content covers (fragments merged), as sorted disjoint ranges.
    pub(super) chars: Vec<(usize, usize)>,
    pub(super) nchars: usize,
    pub(super) source: Option<(usize, usize)>,
    pub(super) cue: Option<(usize, usize)>,
    pub(super) cue_text: String,
    pub(super) direct: bool,
    pub(super) reference: Option<String>,
    pub(super) has_reference: bool,
    pub(super) optional: bool,
    /// The prediction record as read (GGT removes predictions equal to the best match).
    pub(super) raw: Option<Value>,
    pub(super) speaker_name: Option<String>,
    /// The prediction names a speaker entity.
    pub(super) claims_entity: bool,
}

impl Item {
    pub(super) fn set_chars(&mut self, ranges: Vec<(usize, usize)>) {
        self.chars = merge_ranges(ranges);
        self.nchars = self.chars.iter().map(|(s, e)| e - s).sum();
    }
}

/// One gold document.
pub(super) struct GoldDoc {
    pub(super) id: Value,
    pub(super) key: DocKey,
    /// The text as given.
    pub(super) source: String,
    pub(super) text: DocText,
    pub(super) items: Vec<Item>,
}

/// A gold file: documents in file order.
pub struct Gold {
    /// How the gold file is named in reports.
    pub label: String,
    pub(super) docs: Vec<GoldDoc>,
    pub(super) index: BTreeMap<DocKey, usize>,
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
            // Invariant: `doc.span` clamps both ends into `0..=chars.len()` and orders them.
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
pub(super) fn value_string(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        v => v.to_string(),
    }
}
