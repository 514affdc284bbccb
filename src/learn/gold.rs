//! Training gold: the PolNeAR/GGT attribution shape or the extract format,
//! read into byte spans that are checked against the text.

use std::path::Path;

use serde_json::Value;

use super::LearnError;
use crate::model::Span;

/// One gold document: its text and attributions as byte spans into it.
#[derive(Clone, Debug)]
pub struct GoldDoc {
    pub id: String,
    pub text: String,
    pub attributions: Vec<GoldAttribution>,
}

/// Content (outer extent), source and cue of one attribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GoldAttribution {
    pub content: Span,
    pub source: Option<Span>,
    pub cue: Option<Span>,
}

/// Reads a gold JSONL file (one article per line): `{"id","text","attributions":[{content,source,cue}]}`
/// (PolNeAR, docs/gold-guideline.md) or extract records with `text` and `quotes`.
/// Offsets are UTF-8 byte offsets; one off the text or off a character boundary is an
/// error naming the line.
pub fn read_gold(path: &Path) -> Result<Vec<GoldDoc>, LearnError> {
    let data = std::fs::read_to_string(path).map_err(|source| LearnError::Io { path: path.to_path_buf(), source })?;
    let mut docs = Vec::new();
    for (n0, line) in data.lines().enumerate() {
        let line_no = n0 + 1;
        if line.trim().is_empty() {
            continue;
        }
        let err = |message: String| LearnError::Gold { path: path.to_path_buf(), line: line_no, message };
        let v: Value = serde_json::from_str(line).map_err(|e| err(format!("not JSON: {e}")))?;
        docs.push(parse_doc(&v).map_err(err)?);
    }
    if docs.iter().all(|d| d.attributions.is_empty()) {
        return Err(LearnError::Empty { path: path.to_path_buf() });
    }
    Ok(docs)
}

fn parse_doc(v: &Value) -> Result<GoldDoc, String> {
    let obj = v.as_object().ok_or("a gold record must be a JSON object")?;
    let text = obj.get("text").and_then(Value::as_str).ok_or("no `text` string")?.to_string();
    let id = match obj.get("id").or_else(|| obj.get("doc")) {
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let mut attributions = Vec::new();
    if let Some(atts) = obj.get("attributions") {
        for (i, a) in atts.as_array().ok_or("`attributions` must be a list")?.iter().enumerate() {
            let content = span(&text, a.get("content")).map_err(|e| format!("attribution {}: content: {e}", i + 1))?;
            let Some(content) = content else { return Err(format!("attribution {}: no content", i + 1)) };
            let source = span(&text, a.get("source")).map_err(|e| format!("attribution {}: source: {e}", i + 1))?;
            let cue = span(&text, a.get("cue")).map_err(|e| format!("attribution {}: cue: {e}", i + 1))?;
            attributions.push(GoldAttribution { content, source, cue });
        }
    } else if let Some(quotes) = obj.get("quotes") {
        for (i, q) in quotes.as_array().ok_or("`quotes` must be a list")?.iter().enumerate() {
            let content = span(&text, Some(q)).map_err(|e| format!("quote {}: {e}", i + 1))?;
            let Some(content) = content else { return Err(format!("quote {}: no start/end", i + 1)) };
            let source = span(&text, q.get("speaker")).map_err(|e| format!("quote {}: speaker: {e}", i + 1))?;
            let cue = span(&text, q.get("cue")).map_err(|e| format!("quote {}: cue: {e}", i + 1))?;
            attributions.push(GoldAttribution { content, source, cue });
        }
    } else {
        return Err("no `attributions` or `quotes` list".into());
    }
    attributions.sort_by_key(|a| (a.content.start, std::cmp::Reverse(a.content.end)));
    Ok(GoldDoc { id, text, attributions })
}

/// `{"start","end"}` as a checked byte span; `None` for null, absent, or a span without offsets.
fn span(text: &str, v: Option<&Value>) -> Result<Option<Span>, String> {
    let Some(v) = v.filter(|v| !v.is_null()) else { return Ok(None) };
    let (Some(s), Some(e)) = (v.get("start").and_then(Value::as_u64), v.get("end").and_then(Value::as_u64)) else {
        return Ok(None);
    };
    let (s, e) = (s as usize, e as usize);
    if s > e || e > text.len() {
        return Err(format!("offsets {s}..{e} outside the text ({} bytes)", text.len()));
    }
    if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
        return Err(format!("offsets {s}..{e} are not on character boundaries (UTF-8 byte offsets expected)"));
    }
    Ok(Some(Span::new(s, e)))
}
