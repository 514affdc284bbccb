//! Directory walks: the input files under a directory, with `walkdir`.
//!
//! Symbolic links inside a directory are not followed unless asked
//! (`--follow`): a `sub/up -> ..` link would otherwise read the tree again
//! and again. When they are followed, a link back to one of its own
//! ancestors is detected and reported, not walked. An entry that cannot be
//! read is an error naming its path; the rest of the tree is still read.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::{InputError, Warning};

/// What a walk finds, in no particular order (the caller sorts the files).
#[derive(Debug, Default)]
pub struct Walk {
    pub files: Vec<PathBuf>,
    pub warnings: Vec<Warning>,
    pub errors: Vec<InputError>,
}

/// File extensions read from a directory.
fn is_input_file(p: &Path) -> bool {
    matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "jsonl" | "text" | "html" | "htm"))
}

/// The input files under `dir` (the directory itself is followed even when
/// it is a link: it was named on the command line).
pub fn walk(dir: &Path, follow: bool) -> Walk {
    let mut w = Walk::default();
    for entry in WalkDir::new(dir).follow_links(follow) {
        match entry {
            Ok(e) if e.path_is_symlink() && !follow => w.warnings.push(Warning(format!(
                "{}: symbolic link not followed (pass --follow to read what it points to)",
                e.path().display()
            ))),
            Ok(e) if e.file_type().is_file() && is_input_file(e.path()) => w.files.push(e.into_path()),
            Ok(_) => {}
            Err(err) => {
                let path = err.path().unwrap_or(dir).display().to_string();
                if let Some(ancestor) = err.loop_ancestor() {
                    w.warnings.push(Warning(format!(
                        "{path}: symbolic link loop (it leads back to {}), not followed again",
                        ancestor.display()
                    )));
                } else {
                    let source = err.into_io_error().unwrap_or_else(|| std::io::Error::other("cannot be read"));
                    w.errors.push(InputError::Io { path, source });
                }
            }
        }
    }
    w
}
