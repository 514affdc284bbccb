//! The named SQL statements of `queries/`, compiled in with `include_str!`
//! and keyed by the `-- name:` of their header.
//!
//! A statement may hold `{{NAME}}`: the text of `queries/fragments/NAME.sql`,
//! expanded when the file is loaded (built-in or a user's), its lines indented
//! like the line of the placeholder. The fragments hold the filters that the
//! two arms of a listing and of its count repeat (SQLite's planner needs one
//! arm per index), so that a listing and its "N in all" cannot drift apart.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::LazyLock;

use serde::Serialize;

use super::StoreError;

/// One named SQL statement (or, for the schema, a batch of statements).
#[derive(Clone, Debug, Serialize)]
pub struct NamedQuery {
    pub name: String,
    pub description: String,
    /// The parameters as the header lists them (`:name, :kind?`; `?` marks optional ones).
    pub params: String,
    #[serde(skip)]
    pub sql: String,
    /// Internal statements (schema, writes) are hidden from `query --list`.
    pub internal: bool,
    /// Where it comes from: `builtin` or the user file's path.
    pub origin: String,
}

macro_rules! builtin {
    ($($internal:literal $path:literal),* $(,)?) => {
        &[$(($internal, $path, include_str!(concat!("../../queries/", $path)))),*]
    };
}

const BUILTIN: &[(bool, &str, &str)] = builtin![
    false "documents.sql",
    false "entities.sql",
    false "quotes.sql",
    false "quotes_about.sql",
    false "quotes_by_speaker.sql",
    false "search.sql",
    false "search_filtered.sql",
    false "top_speakers.sql",
    false "who_about.sql",
    false "who_talks_about_whom.sql",
    true "internal/affiliation_insert.sql",
    true "internal/around_about.sql",
    true "internal/around_affiliates.sql",
    true "internal/around_affiliations.sql",
    true "internal/around_affiliations_among.sql",
    true "internal/around_appears_in.sql",
    true "internal/around_document_quotes.sql",
    true "internal/around_documents.sql",
    true "internal/around_entities.sql",
    true "internal/around_entity_quotes.sql",
    true "internal/around_quote_links.sql",
    true "internal/around_quotes.sql",
    true "internal/around_said_naming.sql",
    true "internal/around_said_naming_count.sql",
    true "internal/around_said_naming_newest.sql",
    true "internal/around_said_newest.sql",
    true "internal/around_about_newest.sql",
    true "internal/alias_insert.sql",
    true "internal/appears_in_add.sql",
    true "internal/bulk_write_settings.sql",
    true "internal/connection.sql",
    true "internal/connection_read_only.sql",
    true "internal/document_quotes.sql",
    true "internal/data_version.sql",
    true "internal/document_delete.sql",
    true "internal/document_get.sql",
    true "internal/document_hash.sql",
    true "internal/document_ids.sql",
    true "internal/document_insert.sql",
    true "internal/entity_aliases.sql",
    true "internal/entity_by_key.sql",
    true "internal/entity_documents.sql",
    true "internal/entity_find.sql",
    true "internal/entity_gc.sql",
    true "internal/entity_get.sql",
    true "internal/entity_insert.sql",
    true "internal/entity_roles.sql",
    true "internal/entity_set_external_id.sql",
    true "internal/entity_talked_about_by.sql",
    true "internal/entity_talks_about.sql",
    true "internal/graph_about.sql",
    true "internal/graph_affiliations.sql",
    true "internal/graph_appears_in.sql",
    true "internal/graph_documents.sql",
    true "internal/graph_entities.sql",
    true "internal/graph_quotes.sql",
    true "internal/quote_about_insert.sql",
    true "internal/quote_insert.sql",
    true "internal/quote_insert_rows.sql",
    true "internal/quotes_about_count.sql",
    true "internal/quotes_by_speaker_count.sql",
    true "internal/quotes_count.sql",
    true "internal/resolve_name.sql",
    true "internal/search_count.sql",
    true "internal/search_filtered_count.sql",
    true "internal/schema_tables.sql",
    true "internal/schema_v1.sql",
    true "internal/schema_v2.sql",
    true "internal/stats_counts.sql",
    true "internal/stats_edges.sql",
    true "internal/stats_entity_types.sql",
    true "internal/stats_quote_kinds.sql",
    true "internal/user_version.sql",
    // Across articles (issue 16): spread, timeline, source diversity.
    false "spread.sql",
    true "internal/diversity_gender.sql",
    true "internal/diversity_roles.sql",
    true "internal/diversity_speakers.sql",
    true "internal/gender_evidence_add.sql",
    true "internal/graph_same_as.sql",
    true "internal/quote_statement_insert.sql",
    true "internal/quote_statement_of.sql",
    true "internal/schema_v3.sql",
    true "internal/spread_document_quotes.sql",
    true "internal/spread_text_candidates.sql",
    true "internal/spread_unlinked_quotes.sql",
    true "internal/statement_in_document.sql",
    true "internal/statement_insert.sql",
    true "internal/statement_key_insert.sql",
    true "internal/statement_key_lookup.sql",
    true "internal/statement_set_words.sql",
    true "internal/statement_words.sql",
    true "internal/timeline_dates.sql",
    // The outlet copied onto quotes (issue 17).
    true "internal/schema_v4.sql",
    // Fewer rows per document, bulk loads with deferred indexes (issue 19).
    true "internal/schema_v5.sql",
    true "internal/document_mentions_insert.sql",
    true "internal/bulk_defer.sql",
    true "internal/bulk_restore.sql",
    true "internal/bulk_state.sql",
    true "internal/bulk_mark.sql",
    true "internal/bulk_sort_settings.sql",
];

const FRAGMENTS: &[(&str, &str)] = &[
    ("about_quote_filters", include_str!("../../queries/fragments/about_quote_filters.sql")),
    ("quote_filters", include_str!("../../queries/fragments/quote_filters.sql")),
    ("speaker_quote_filters", include_str!("../../queries/fragments/speaker_quote_filters.sql")),
];

/// The SQL of a fragment: its lines after the leading `--` header lines.
fn fragment_body(src: &str) -> impl Iterator<Item = &str> {
    src.lines().skip_while(|l| l.trim_start().starts_with("--")).filter(|l| !l.trim().is_empty())
}

/// `sql` with every `{{NAME}}` replaced by the fragment NAME, or the 1-based
/// line of the first placeholder that names no fragment.
fn expand(sql: &str) -> Result<String, (usize, String)> {
    if !sql.contains("{{") {
        return Ok(sql.to_string());
    }
    let mut out = String::with_capacity(sql.len() * 2);
    for (n, line) in sql.split_inclusive('\n').enumerate() {
        // Invariant: `trim_start` removes a whole-character prefix, so the cut is a char boundary.
        let indent = &line[..line.len() - line.trim_start().len()];
        let mut rest = line;
        while let Some((before, after)) = rest.split_once("{{") {
            let Some((name, after)) = after.split_once("}}") else {
                return Err((n + 1, "`{{` without a closing `}}`".into()));
            };
            let name = name.trim();
            let Some((_, frag)) = FRAGMENTS.iter().find(|(f, _)| *f == name) else {
                let known: Vec<&str> = FRAGMENTS.iter().map(|(f, _)| *f).collect();
                return Err((n + 1, format!("no fragment named `{name}` (known: {})", known.join(", "))));
            };
            out.push_str(before);
            for (i, l) in fragment_body(frag).enumerate() {
                if i > 0 {
                    out.push('\n');
                    out.push_str(indent);
                }
                out.push_str(l);
            }
            rest = after;
        }
        out.push_str(rest);
    }
    Ok(out)
}

/// Parses a query file: a header of `-- name:`, `-- description:` and
/// `-- params:` comment lines, then the SQL, its fragments expanded.
pub fn parse(src: &str, origin: &str, internal: bool) -> Result<NamedQuery, StoreError> {
    let mut name = None;
    let mut description = String::new();
    let mut params = String::new();
    for line in src.lines() {
        let Some(rest) = line.trim().strip_prefix("--") else { break };
        let rest = rest.trim();
        if let Some(v) = rest.strip_prefix("name:") {
            name = Some(v.trim().to_string());
        } else if let Some(v) = rest.strip_prefix("description:") {
            description = v.trim().to_string();
        } else if let Some(v) = rest.strip_prefix("params:") {
            params = v.trim().to_string();
        }
    }
    let name = name.ok_or_else(|| StoreError::QueryFile {
        file: origin.to_string(),
        line: 1,
        message: "missing the `-- name: NAME` header line".into(),
    })?;
    let sql = expand(src).map_err(|(line, message)| StoreError::QueryFile { file: origin.to_string(), line, message })?;
    Ok(NamedQuery { name, description, params, sql, internal, origin: origin.to_string() })
}

static REGISTRY: LazyLock<BTreeMap<String, NamedQuery>> = LazyLock::new(|| {
    BUILTIN
        .iter()
        .map(|(internal, path, src)| {
            // Invariant: the built-in files are compiled in; `every_builtin_has_a_description_and_a_unique_name` loads every one.
            let q = parse(src, &format!("queries/{path}"), *internal).expect("built-in queries have headers");
            (q.name.clone(), q)
        })
        .collect()
});

/// The built-in queries, by name.
pub fn builtin() -> &'static BTreeMap<String, NamedQuery> {
    &REGISTRY
}

/// The SQL of a built-in query. Panics on an unknown name (a programming error).
pub fn sql(name: &str) -> &'static str {
    match REGISTRY.get(name) {
        Some(q) => &q.sql,
        None => panic!("no built-in query named {name}"),
    }
}

/// Reads the `*.sql` files of a user directory, in file name order.
pub fn load_dir(dir: &Path) -> Result<Vec<NamedQuery>, StoreError> {
    let io = |e: std::io::Error| StoreError::Io { path: dir.display().to_string(), source: e };
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "sql"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let src = std::fs::read_to_string(&f).map_err(|e| StoreError::Io { path: f.display().to_string(), source: e })?;
        out.push(parse(&src, &f.display().to_string(), false)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_has_a_description_and_a_unique_name() {
        assert_eq!(builtin().len(), BUILTIN.len());
        for q in builtin().values() {
            assert!(!q.description.is_empty(), "{} has no description", q.origin);
            assert!(q.origin.ends_with(&format!("{}.sql", q.name)), "{} is named {}", q.origin, q.name);
        }
    }

    /// Every `queries/**/*.sql` file is compiled in, and internal exactly when
    /// it sits under `queries/internal/`: a new file that is not registered in
    /// [`BUILTIN`] fails here instead of going unnoticed.
    #[test]
    fn every_query_file_is_registered() {
        fn walk(dir: &Path, root: &Path, out: &mut Vec<String>) {
            for e in std::fs::read_dir(dir).expect("queries/ is readable") {
                let p = e.expect("directory entry").path();
                if p.is_dir() {
                    walk(&p, root, out);
                } else if p.extension().is_some_and(|x| x == "sql") {
                    let rel = p.strip_prefix(root).expect("under queries/");
                    out.push(rel.to_string_lossy().replace('\\', "/"));
                }
            }
        }
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("queries");
        let mut files = Vec::new();
        walk(&root, &root, &mut files);
        let (fragments, mut files): (Vec<String>, Vec<String>) = files.into_iter().partition(|f| f.starts_with("fragments/"));
        files.sort();
        let mut fragment_names: Vec<String> = FRAGMENTS.iter().map(|(f, _)| format!("fragments/{f}.sql")).collect();
        fragment_names.sort();
        let mut fragments = fragments;
        fragments.sort();
        assert_eq!(fragments, fragment_names, "queries/fragments/ and the FRAGMENTS list of src/store/registry.rs differ");
        let mut registered: Vec<String> = BUILTIN.iter().map(|(_, path, _)| path.to_string()).collect();
        registered.sort();
        assert_eq!(files, registered, "queries/ and the BUILTIN list of src/store/registry.rs differ");
        for (internal, path, _) in BUILTIN {
            assert_eq!(*internal, path.starts_with("internal/"), "{path}: internal flag");
        }
    }

    #[test]
    fn fragments_are_expanded_with_the_placeholder_indentation() {
        let src = "-- name: t\nSELECT 1 FROM quote q\n WHERE 1\n   {{quote_filters}}) AS x;\n";
        let q = parse(src, "t.sql", false).expect("parses");
        assert!(!q.sql.contains("{{"), "{}", q.sql);
        assert!(q.sql.contains("\n   AND (:doc IS NULL OR q.document_id = :doc)\n   AND (:kind"), "{}", q.sql);
        assert!(q.sql.ends_with("q.date <= :until)) AS x;\n"), "{}", q.sql);
        for q in builtin().values() {
            assert!(!q.sql.contains("{{"), "{} keeps a placeholder", q.origin);
        }
    }

    #[test]
    fn an_unknown_fragment_names_the_file_and_line() {
        let err = parse("-- name: t\nSELECT 1\nWHERE {{nope}}\n", "mine.sql", false).expect_err("unknown fragment");
        let text = err.to_string();
        assert!(text.contains("mine.sql") && text.contains('3') && text.contains("nope"), "{text}");
        let err = parse("-- name: t\nSELECT {{quote_filters\n", "mine.sql", false).expect_err("unclosed");
        assert!(err.to_string().contains("mine.sql"), "{err}");
    }
}
