//! One way to print: rows that implement `Serialize` rendered as a table,
//! JSON, JSONL or CSV.

use std::io::{self, Write};

use quotegraph::extract::ExtractRecord;
use serde::Serialize;

use crate::cli::ListFormat;

/// Terminal width, or 120 columns when not on a terminal.
pub fn terminal_width() -> usize {
    terminal_size::terminal_size().map_or(120, |(w, _)| w.0 as usize).max(40)
}

fn cell(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn shorten(s: &str, width: usize) -> String {
    let one_line: String = s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    if one_line.chars().count() <= width {
        one_line
    } else {
        let mut out: String = one_line.chars().take(width.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// A row's fields in serialisation order (serde_json's own maps sort their keys).
type Fields = Vec<(String, serde_json::Value)>;

struct OrderedFields(Fields);

impl<'de> serde::Deserialize<'de> for OrderedFields {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = OrderedFields;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a row object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut m: A) -> Result<OrderedFields, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = m.next_entry::<String, serde_json::Value>()? {
                    out.push((k, v));
                }
                Ok(OrderedFields(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// The fields of a row, in the order `T` serialises them.
fn fields<T: Serialize>(row: &T) -> Option<Fields> {
    let text = serde_json::to_string(row).ok()?;
    serde_json::from_str::<OrderedFields>(&text).ok().map(|f| f.0)
}

/// Writes `rows` in `format`. Columns are the fields of `T`, in order.
pub fn write_rows<T: Serialize>(out: &mut dyn Write, rows: &[T], format: ListFormat) -> io::Result<()> {
    match format {
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, rows)?;
            out.write_all(b"\n")
        }
        ListFormat::Jsonl => {
            for r in rows {
                serde_json::to_writer(&mut *out, r)?;
                out.write_all(b"\n")?;
            }
            Ok(())
        }
        ListFormat::Csv => {
            let mut w = csv::Writer::from_writer(out);
            let values: Vec<Fields> = rows.iter().filter_map(fields).collect();
            if let Some(first) = values.first() {
                w.write_record(first.iter().map(|(k, _)| k))?;
            }
            for m in &values {
                w.write_record(m.iter().map(|(_, v)| cell(v)))?;
            }
            w.flush()
        }
        ListFormat::Table => {
            let values: Vec<Fields> = rows.iter().filter_map(fields).collect();
            let Some(first) = values.first() else {
                return writeln!(out, "(no rows)");
            };
            let headers: Vec<&String> = first.iter().map(|(k, _)| k).collect();
            let cells: Vec<Vec<String>> = values.iter().map(|m| m.iter().map(|(_, v)| cell(v)).collect()).collect();
            let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
            for row in &cells {
                for (i, c) in row.iter().enumerate() {
                    widths[i] = widths[i].max(c.chars().count());
                }
            }
            // Shrink the widest columns until the table fits the terminal.
            let total = terminal_width();
            let sep = 2 * headers.len().saturating_sub(1);
            while widths.iter().sum::<usize>() + sep > total {
                // Invariant: the loop runs only while the widths sum past the terminal width, so `widths` is not empty.
                let (i, &w) = widths.iter().enumerate().max_by_key(|(_, w)| **w).unwrap();
                if w <= 8 {
                    break;
                }
                widths[i] = w - 1;
            }
            let line = |vals: Vec<String>| -> String {
                vals.iter()
                    .zip(&widths)
                    .map(|(v, &w)| format!("{:<w$}", shorten(v, w), w = w))
                    .collect::<Vec<_>>()
                    .join("  ")
                    .trim_end()
                    .to_string()
            };
            writeln!(out, "{}", line(headers.iter().map(|h| h.to_string()).collect()))?;
            for row in cells {
                writeln!(out, "{}", line(row))?;
            }
            Ok(())
        }
    }
}

/// A human-readable view of one extraction record.
pub fn write_extract_table(out: &mut dyn Write, r: &ExtractRecord) -> io::Result<()> {
    writeln!(out, "== {} ({} quotes, {} entities)", r.doc, r.quotes.len(), r.entities.len())?;
    let width = terminal_width().saturating_sub(30).max(40);
    for q in &r.quotes {
        let speaker = q
            .speaker
            .as_ref()
            .map(|s| match (&s.entity, &s.text) {
                (Some(e), Some(t)) if e != t => format!("{e} ({t})"),
                (Some(e), _) => e.clone(),
                (None, Some(t)) => t.clone(),
                (None, None) => "?".into(),
            })
            .unwrap_or_else(|| "?".into());
        let cue = q.cue.as_ref().map_or("", |c| c.text.as_str());
        writeln!(
            out,
            "{:<8} {:<24} {:<10} {}",
            q.kind.as_str(),
            shorten(&speaker, 24),
            shorten(cue, 10),
            shorten(&q.text, width)
        )?;
        if let Some(trail) = &q.explain {
            for step in trail {
                writeln!(out, "         - {step}")?;
            }
        }
    }
    Ok(())
}
