//! `quotegraph serve`: the web view of the database (src/serve/).

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use quotegraph::serve::{Server, WORKERS};

use super::Outcome;

pub fn run(db_path: &Path, bind: &str) -> Result<Outcome> {
    let server = Server::bind(bind, db_path)?;
    let addr = server.local_addr();
    // The first line of stdout is the address (tests and scripts read it, e.g. for --bind 127.0.0.1:0).
    let shown = addr.map_or_else(|| bind.to_string(), |a| a.to_string());
    let mut out = std::io::stdout().lock();
    writeln!(out, "listening on http://{shown}/")?;
    out.flush()?;
    drop(out);
    if addr.is_some_and(|a| !a.ip().is_loopback()) {
        eprintln!("note: {shown} is reachable from other machines; the database is served read-only to anyone who can connect");
    }
    eprintln!("note: serving {} read-only; Ctrl-C stops", db_path.display());
    server.run(WORKERS)?;
    Ok(Outcome::default())
}
