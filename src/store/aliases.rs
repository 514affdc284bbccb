//! The `--aliases FILE` table: `alias,canonical name[,type[,external id]]`
//! rows that merge and rename entities and attach external ids (e.g. a
//! Wikidata QID). A header row starting with `alias` is skipped.

use std::collections::BTreeMap;
use std::path::Path;

use crate::model::EntityType;

use super::{normalize, StoreError};

/// What an alias points to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AliasTarget {
    pub canonical: String,
    pub entity_type: Option<EntityType>,
    pub external_id: Option<String>,
    /// Every alias the file gives for this canonical name.
    pub aliases: Vec<String>,
}

/// Normalised alias (and canonical name) -> target.
#[derive(Clone, Debug, Default)]
pub struct AliasTable {
    targets: Vec<AliasTarget>,
    by_norm: BTreeMap<String, usize>,
}

impl AliasTable {
    pub fn is_empty(&self) -> bool {
        self.targets.is_empty()
    }

    /// The targets in file order.
    pub fn targets(&self) -> &[AliasTarget] {
        &self.targets
    }

    /// The target a name (canonical or alias) maps to, compared case-insensitively.
    pub fn lookup(&self, name: &str) -> Option<&AliasTarget> {
        self.by_norm.get(&normalize(name)).map(|&i| &self.targets[i])
    }

    pub fn read(path: &Path) -> Result<AliasTable, StoreError> {
        let src = std::fs::read_to_string(path).map_err(|e| StoreError::Io { path: path.display().to_string(), source: e })?;
        AliasTable::parse(&src, &path.display().to_string())
    }

    pub fn parse(src: &str, origin: &str) -> Result<AliasTable, StoreError> {
        let mut table = AliasTable::default();
        let mut reader =
            csv::ReaderBuilder::new().has_headers(false).flexible(true).trim(csv::Trim::All).from_reader(src.as_bytes());
        for (i, rec) in reader.records().enumerate() {
            let line = i + 1;
            let bad = |message: String| StoreError::AliasFile { file: origin.to_string(), line, message };
            let rec = rec.map_err(|e| bad(e.to_string()))?;
            let field = |k: usize| rec.get(k).map(str::trim).filter(|s| !s.is_empty());
            if line == 1 && field(0).is_some_and(|a| a.eq_ignore_ascii_case("alias")) {
                continue;
            }
            if rec.iter().all(|f| f.trim().is_empty()) || field(0).is_some_and(|a| a.starts_with('#')) {
                continue;
            }
            let (Some(alias), Some(canonical)) = (field(0), field(1)) else {
                return Err(bad("expected `alias,canonical name[,type[,external id]]`".into()));
            };
            let entity_type = match field(2) {
                None => None,
                Some(t) => Some(
                    EntityType::parse(t)
                        .ok_or_else(|| bad(format!("unknown entity type {t:?} (use person, organization, place or other)")))?,
                ),
            };
            let external_id = field(3).map(str::to_string);
            let key = normalize(canonical);
            let idx = match table.by_norm.get(&key) {
                Some(&i) if normalize(&table.targets[i].canonical) == key => i,
                _ => {
                    table.targets.push(AliasTarget {
                        canonical: canonical.to_string(),
                        entity_type: None,
                        external_id: None,
                        aliases: Vec::new(),
                    });
                    let i = table.targets.len() - 1;
                    table.by_norm.insert(key, i);
                    i
                }
            };
            let t = &mut table.targets[idx];
            t.entity_type = t.entity_type.or(entity_type);
            if t.external_id.is_none() {
                t.external_id = external_id;
            }
            if !t.aliases.iter().any(|a| normalize(a) == normalize(alias)) {
                t.aliases.push(alias.to_string());
            }
            table.by_norm.insert(normalize(alias), idx);
        }
        Ok(table)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_map_aliases_and_canonical_names_to_one_target() {
        let t = AliasTable::parse(
            "alias,canonical,type,external_id\nTrump,Donald Trump,person,Q22686\nPresident Trump,Donald Trump\n",
            "a.csv",
        )
        .unwrap();
        let target = t.lookup("president TRUMP").unwrap();
        assert_eq!(target.canonical, "Donald Trump");
        assert_eq!(target.external_id.as_deref(), Some("Q22686"));
        assert_eq!(target.entity_type, Some(EntityType::Person));
        assert_eq!(t.lookup("donald trump").unwrap().aliases, vec!["Trump", "President Trump"]);
    }

    #[test]
    fn a_bad_type_names_the_line() {
        let e = AliasTable::parse("x,Y,planet\n", "a.csv").unwrap_err().to_string();
        assert!(e.starts_with("a.csv:1:"), "{e}");
    }
}
