//! Requests and responses as plain values (the HTTP server only moves them),
//! query-string parsing and the parameter checks that answer 400.

use super::ServeError;

/// Most rows one page or API call returns: a bound on the work a request can ask for.
pub const MAX_LIMIT: usize = 1000;
/// Largest `offset`: what SQLite's OFFSET (an i64) takes.
pub const MAX_OFFSET: usize = i64::MAX as usize;

/// A response before it is written.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    /// Extra headers (`X-Total-Count`, `Location`, `Cache-Control`).
    pub headers: Vec<(&'static str, String)>,
}

pub const HTML: &str = "text/html; charset=utf-8";
pub const JSON: &str = "application/json";

impl Response {
    pub fn new(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Response {
        Response { status, content_type, body: body.into(), headers: Vec::new() }
    }

    pub fn html(body: String) -> Response {
        Response::new(200, HTML, body)
    }

    pub fn json<T: serde::Serialize>(value: &T) -> Response {
        match serde_json::to_vec(value) {
            Ok(body) => Response::new(200, JSON, body),
            Err(e) => Response::new(500, JSON, format!("{{\"error\":{:?}}}", e.to_string())),
        }
    }

    pub fn header(mut self, name: &'static str, value: String) -> Response {
        self.headers.push((name, value));
        self
    }
}

/// Decodes `%XX` escapes (and `+` as a space when `plus` is set); invalid
/// escapes are kept as written and invalid UTF-8 becomes U+FFFD.
pub fn percent_decode(s: &str, plus: bool) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match b[i] {
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' if plus => out.push(b' '),
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes everything but the unreserved characters (RFC 3986), for
/// a path segment or a query value.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &c in s.as_bytes() {
        if c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.' | b'~') {
            out.push(c as char);
        } else {
            out.push_str(&format!("%{c:02X}"));
        }
    }
    out
}

/// `path?k=v&...` with the non-empty values encoded.
pub fn url_with(path: &str, params: &[(&str, &str)]) -> String {
    let q: Vec<String> =
        params.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| format!("{k}={}", percent_encode(v))).collect();
    if q.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", q.join("&"))
    }
}

/// A parsed query string.
#[derive(Debug, Default)]
pub struct Query {
    pairs: Vec<(String, String)>,
}

impl Query {
    pub fn parse(raw: &str) -> Query {
        let pairs = raw
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap_or((p, ""));
                (percent_decode(k, true), percent_decode(v, true))
            })
            .collect();
        Query { pairs }
    }

    /// 400 for a parameter the route does not know or one given twice, so
    /// that a typo (`?spaeker=`) is not silently ignored.
    pub fn allow(&self, known: &[&str]) -> Result<(), ServeError> {
        for (i, (k, _)) in self.pairs.iter().enumerate() {
            if !known.contains(&k.as_str()) {
                let list = known.join(", ");
                return Err(ServeError::BadRequest(format!("unknown parameter {k:?} (this route takes: {list})")));
            }
            // Invariant: `i` is the index of the current pair in `self.pairs`.
            if self.pairs[..i].iter().any(|(p, _)| p == k) {
                return Err(ServeError::BadRequest(format!("parameter {k:?} is given twice")));
            }
        }
        Ok(())
    }

    /// A parameter's value, trimmed; `None` when absent or blank (an empty form field).
    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.trim()).filter(|v| !v.is_empty())
    }

    /// The value or "" (for form fields).
    pub fn text(&self, key: &str) -> String {
        self.get(key).unwrap_or_default().to_string()
    }

    /// A required parameter.
    pub fn required(&self, key: &str) -> Result<&str, ServeError> {
        self.get(key).ok_or_else(|| ServeError::BadRequest(format!("missing parameter {key:?}")))
    }

    /// A count parameter, `default` when absent, at most `max`.
    pub fn count(&self, key: &str, default: usize, max: usize) -> Result<usize, ServeError> {
        let Some(v) = self.get(key) else { return Ok(default) };
        match v.parse::<usize>() {
            Ok(n) if n <= max => Ok(n),
            Ok(_) => Err(ServeError::BadRequest(format!("{key}={v} is too large (at most {max})"))),
            Err(_) => Err(ServeError::BadRequest(format!("{key}={v:?} is not a whole number"))),
        }
    }

    /// `kind`: direct, mixed or indirect.
    pub fn kind(&self) -> Result<Option<&'static str>, ServeError> {
        match self.get("kind") {
            None => Ok(None),
            Some(k) => ["direct", "mixed", "indirect"]
                .into_iter()
                .find(|x| x.eq_ignore_ascii_case(k))
                .map(Some)
                .ok_or_else(|| ServeError::BadRequest(format!("kind={k:?} is not one of direct, mixed, indirect"))),
        }
    }

    /// A date bound: YYYY, YYYY-MM or YYYY-MM-DD (dates compare as text, so a prefix works).
    pub fn date(&self, key: &str) -> Result<Option<String>, ServeError> {
        let Some(v) = self.get(key) else { return Ok(None) };
        let shape = |s: &str| {
            let parts: Vec<&str> = s.split('-').collect();
            let lens = [4, 2, 2];
            !parts.is_empty()
                && parts.len() <= 3
                && parts.iter().zip(lens).all(|(p, n)| p.len() == n && p.bytes().all(|b| b.is_ascii_digit()))
        };
        if shape(v) {
            Ok(Some(v.to_string()))
        } else {
            Err(ServeError::BadRequest(format!("{key}={v:?} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_handles_escapes_plus_and_broken_input() {
        assert_eq!(percent_decode("a%20b+c", true), "a b c");
        assert_eq!(percent_decode("a+b", false), "a+b");
        assert_eq!(percent_decode("100%", true), "100%");
        assert_eq!(percent_decode("%zz%4", true), "%zz%4");
        assert_eq!(percent_decode("%C3%A9", true), "é");
        assert_eq!(percent_decode("%FF", true), "\u{FFFD}");
    }

    #[test]
    fn encoding_round_trips() {
        for s in ["Basem Naim", "a/b?c=d&e", "<script>\"x\"</script>", "é ü"] {
            assert_eq!(percent_decode(&percent_encode(s), false), s);
        }
    }

    #[test]
    fn parameters_are_checked() {
        let q = Query::parse("kind=Direct&since=2025-05&limit=5&x=");
        assert_eq!(q.kind().unwrap(), Some("direct"));
        assert_eq!(q.date("since").unwrap().as_deref(), Some("2025-05"));
        assert_eq!(q.count("limit", 20, 100).unwrap(), 5);
        assert_eq!(q.get("x"), None);
        assert!(Query::parse("kind=loud").kind().is_err());
        assert!(Query::parse("since=yesterday").date("since").is_err());
        assert!(Query::parse("limit=-1").count("limit", 1, 10).is_err());
        assert!(Query::parse("limit=11").count("limit", 1, 10).is_err());
        assert!(Query::parse("a=1&a=2").allow(&["a"]).is_err());
        assert!(Query::parse("b=1").allow(&["a"]).is_err());
    }
}
