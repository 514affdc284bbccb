//! `quotegraph serve`: a small local web application over the store, a
//! reader like `export`: search, entity and document pages, and a JSON API
//! under `/api/` with the listing commands' JSON shapes.
//!
//! The server is `tiny_http` with a few worker threads, each with its own
//! read-only connection ([`Store::open_read_only`]); an ingest may write the
//! database meanwhile (WAL). Routing and rendering are plain functions from
//! a request line to a [`Response`] ([`respond`]), so they are tested
//! without a socket. Every value reaches HTML through minijinja's
//! auto-escaping (pages.rs); the JavaScript and CSS are compiled in.

mod api;
mod http;
mod markup;
mod pages;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use thiserror::Error;

use crate::store::{Store, StoreError};
pub use http::Response;

/// Where `serve` listens when `--bind` is not given: this machine only.
pub const DEFAULT_BIND: &str = "127.0.0.1:8080";

/// Worker threads, each with its own read-only SQLite connection: enough for
/// a browser's parallel requests and a notebook; a request takes about a
/// millisecond, so more threads would only add connections.
pub const WORKERS: usize = 4;

#[derive(Debug, Error)]
pub enum ServeError {
    /// A parameter is missing, unknown or malformed (400).
    #[error("{0}")]
    BadRequest(String),
    /// No such entity, document or page (404).
    #[error("{0}")]
    NotFound(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("rendering {template}: {message}")]
    Template { template: String, message: String },
    #[error("cannot listen on {bind}: {message}; choose another address with --bind")]
    Bind { bind: String, message: String },
}

impl ServeError {
    fn status(&self) -> u16 {
        match self {
            ServeError::BadRequest(_) | ServeError::Store(StoreError::FtsSyntax { .. }) => 400,
            ServeError::NotFound(_) => 404,
            _ => 500,
        }
    }
}

/// A bound server, not yet answering.
pub struct Server {
    http: Arc<tiny_http::Server>,
    db: PathBuf,
}

impl Server {
    /// Checks that the database opens read-only, then listens on `bind`.
    pub fn bind(bind: &str, db: &Path) -> Result<Server, ServeError> {
        Store::open_read_only(db)?;
        let fail = |message: String| ServeError::Bind { bind: bind.into(), message };
        let http = tiny_http::Server::from_listener(listener(bind).map_err(|e| fail(e.to_string()))?, None)
            .map_err(|e| fail(e.to_string()))?;
        Ok(Server { http: Arc::new(http), db: db.to_path_buf() })
    }

    /// The address it listens on (the port chosen for `:0`).
    pub fn local_addr(&self) -> Option<SocketAddr> {
        self.http.server_addr().to_ip()
    }

    /// Answers requests until the process ends, on `workers` threads.
    pub fn run(self, workers: usize) -> Result<(), ServeError> {
        let mut handles = Vec::new();
        for _ in 0..workers.max(1) {
            let store = Store::open_read_only(&self.db)?;
            let http = Arc::clone(&self.http);
            handles.push(std::thread::spawn(move || {
                while let Ok(rq) = http.recv() {
                    // A bug must cost one request, not a worker: a panic answers 500.
                    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        respond(&store, rq.method().as_str(), rq.url())
                    }))
                    .unwrap_or_else(|_| Response::new(500, http::JSON, "{\"error\":\"internal error\",\"status\":500}"));
                    let mut out = tiny_http::Response::from_data(r.body).with_status_code(r.status);
                    let headers = std::iter::once(("Content-Type", r.content_type.to_string()))
                        .chain(std::iter::once(("X-Content-Type-Options", "nosniff".to_string())))
                        .chain(r.headers);
                    for (k, v) in headers {
                        if let Ok(h) = tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()) {
                            out.add_header(h);
                        }
                    }
                    // A client that went away is not the server's problem.
                    let _ = rq.respond(out);
                }
            }));
        }
        for h in handles {
            let _ = h.join();
        }
        Ok(())
    }
}

/// A listening socket with `TCP_NODELAY`, which accepted connections inherit
/// (Linux, macOS). tiny_http writes a response's head and body separately;
/// with Nagle's algorithm the body would wait for the client's delayed ACK,
/// 40 ms per request on Linux.
fn listener(bind: &str) -> std::io::Result<std::net::TcpListener> {
    use socket2::{Domain, Protocol, Socket, Type};
    use std::net::ToSocketAddrs;
    let addr = bind
        .to_socket_addrs()?
        .next()
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "the address resolves to nothing"))?;
    let s = Socket::new(Domain::for_address(addr), Type::STREAM, Some(Protocol::TCP))?;
    s.set_reuse_address(true)?;
    s.set_tcp_nodelay(true)?;
    s.bind(&addr.into())?;
    s.listen(128)?;
    Ok(s.into())
}

/// The response to `method url` (url: path and query string).
pub fn respond(store: &Store, method: &str, url: &str) -> Response {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let api = path.starts_with("/api/");
    if method != "GET" && method != "HEAD" {
        let e = ServeError::BadRequest(format!("{method} is not supported: this server only reads"));
        return error_response(&e, api).header("Allow", "GET, HEAD".into()).with_status(405);
    }
    let q = http::Query::parse(query);
    let result = route(store, path, &q);
    result.unwrap_or_else(|e| error_response(&e, api))
}

fn route(store: &Store, path: &str, q: &http::Query) -> Result<Response, ServeError> {
    if let Some(rest) = path.strip_prefix("/api/") {
        return api::route(store, rest, q);
    }
    if let Some(name) = path.strip_prefix("/entity/") {
        return pages::entity(store, &http::percent_decode(name, false), q);
    }
    if let Some(id) = path.strip_prefix("/document/") {
        return pages::document(store, &http::percent_decode(id, false), q);
    }
    if let Some(file) = path.strip_prefix("/assets/") {
        return pages::asset(file);
    }
    match path {
        "/" | "/search" => pages::search(store, q),
        _ => Err(ServeError::NotFound(format!("no page at {path}"))),
    }
}

fn error_response(e: &ServeError, api: bool) -> Response {
    let status = e.status();
    if api {
        let mut r = Response::json(&serde_json::json!({"error": e.to_string(), "status": status}));
        r.status = status;
        r
    } else {
        let mut r = pages::error_page(status, &e.to_string());
        r.status = status;
        r
    }
}

impl Response {
    fn with_status(mut self, status: u16) -> Response {
        self.status = status;
        self
    }
}
