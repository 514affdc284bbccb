//! Exports of the quote graph: Graphviz DOT (and SVG through `dot`),
//! GraphML, node-link JSON and Neo4j bulk-import CSV (docs/export.md).

pub mod csv;
pub mod dot;
pub mod graphml;
pub mod json;

use std::path::PathBuf;

use thiserror::Error;

#[derive(Debug, Error)]
pub enum ExportError {
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("SVG export needs Graphviz `dot`, which is not on PATH; install Graphviz (e.g. `apt-get install graphviz`) or export --format dot and render it elsewhere")]
    DotMissing,
    #[error("Graphviz `dot -Tsvg` failed ({status}): {stderr}")]
    DotFailed { status: String, stderr: String },
}

impl ExportError {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        ExportError::Io { path: path.into().display().to_string(), source }
    }
}

/// Runs `dot -Tsvg` on DOT text and returns the SVG.
pub fn svg(dot_text: &str) -> Result<Vec<u8>, ExportError> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child =
        match Command::new("dot").arg("-Tsvg").stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(ExportError::DotMissing),
            Err(e) => return Err(ExportError::io("dot", e)),
        };
    // Invariant: the child was spawned with `Stdio::piped()` stdin just above.
    let mut stdin = child.stdin.take().expect("piped stdin");
    let text = dot_text.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(text.as_bytes()));
    let output = child.wait_with_output().map_err(|e| ExportError::io("dot", e))?;
    let _ = writer.join();
    if !output.status.success() {
        return Err(ExportError::DotFailed {
            status: output.status.to_string(),
            stderr: String::from_utf8_lossy(&output.stderr).trim().to_string(),
        });
    }
    Ok(output.stdout)
}

/// Replaces characters that cannot appear in the target format's text with a space
/// (control characters other than tab, line feed and carriage return).
pub fn sanitize(s: &str) -> String {
    s.chars().map(|c| if c.is_control() && !matches!(c, '\t' | '\n' | '\r') { ' ' } else { c }).collect()
}
