//! `report diversity`: who gets quoted. Shares of quotes and of distinct
//! speakers by speaker type, role category, affiliation and gender, over
//! the corpus or a filter (outlet, date range, an entity the quotes name).
//!
//! Bases: `speaker type` counts every quote (unnamed speakers included);
//! `role` and `affiliation` the quotes of named speakers; `gender` and
//! `gender evidence` the quotes of persons. Each group's share is of its base.

use std::collections::BTreeMap;

use rusqlite::types::Value;
use serde::Serialize;

use super::{int, percent, text};
use crate::corpus::gender::{self, Evidence, Gender};
use crate::corpus::role_category;
use crate::store::{Store, StoreError};

/// Organisations listed by name in the affiliation rows; the others are summed as `other`.
pub const TOP_AFFILIATIONS: usize = 10;

#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub outlet: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
    pub about: Option<String>,
}

/// One group of one dimension; the columns of `report diversity`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Share {
    pub dimension: String,
    pub group: String,
    pub quotes: i64,
    /// Percent of the dimension's base (see the module doc).
    pub quote_share: f64,
    pub speakers: i64,
    pub speaker_share: f64,
}

/// One speaker; the columns of `report diversity --speakers`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Speaker {
    pub speaker: String,
    #[serde(rename = "type")]
    pub speaker_type: String,
    pub quotes: i64,
    pub role: String,
    pub affiliation: String,
    pub gender: Gender,
    /// pronoun, honorific, name or unknown.
    pub evidence: Evidence,
}

/// Every speaker of the filtered quotes (the unnamed as one row) and the shares.
pub fn diversity(store: &Store, f: &Filter) -> Result<(Vec<Share>, Vec<Speaker>), StoreError> {
    let opt = |s: &Option<String>| s.as_deref().map_or(Value::Null, |v| Value::Text(v.to_string()));
    let rows = store.rows(
        "diversity_speakers",
        &[("outlet", opt(&f.outlet)), ("since", opt(&f.since)), ("until", opt(&f.until)), ("about", opt(&f.about))],
    )?;
    // Roles and affiliations: the most often stated per speaker.
    let mut roles: BTreeMap<i64, (String, i64)> = BTreeMap::new();
    let mut orgs: BTreeMap<i64, BTreeMap<String, i64>> = BTreeMap::new();
    for r in store.rows("diversity_roles", crate::store::NO_PARAMS)? {
        let (Some(id), n) = (int(&r, "entity_id"), int(&r, "n").unwrap_or(0)) else { continue };
        let cat = role_category(&text(&r, "role").unwrap_or_default()).to_string();
        let e = roles.entry(id).or_insert((cat.clone(), 0));
        if n > e.1 {
            *e = (cat, n);
        }
        if let Some(o) = text(&r, "organization") {
            *orgs.entry(id).or_default().entry(o).or_default() += n;
        }
    }
    let mut evidence: BTreeMap<i64, Vec<(Gender, Evidence, u64)>> = BTreeMap::new();
    for r in store.rows("diversity_gender", crate::store::NO_PARAMS)? {
        let Some(id) = int(&r, "entity_id") else { continue };
        let g = Gender::parse(&text(&r, "gender").unwrap_or_default());
        let ev = Evidence::parse(&text(&r, "evidence").unwrap_or_default());
        evidence.entry(id).or_default().push((g, ev, int(&r, "mentions").unwrap_or(0).max(0) as u64));
    }
    let mut speakers = Vec::new();
    for r in &rows {
        let quotes = int(r, "quotes").unwrap_or(0);
        let Some(id) = int(r, "speaker_id") else {
            speakers.push(Speaker {
                speaker: String::new(),
                speaker_type: "unnamed".into(),
                quotes,
                role: "unnamed".into(),
                affiliation: "unnamed".into(),
                gender: Gender::Unknown,
                evidence: Evidence::Unknown,
            });
            continue;
        };
        let name = text(r, "name").unwrap_or_default();
        let ty = text(r, "type").unwrap_or_default();
        let (g, ev) = if ty == "person" {
            gender::decide(evidence.get(&id).map_or(&[][..], |v| v.as_slice()), Some(&name))
        } else {
            (Gender::Unknown, Evidence::Unknown)
        };
        let affiliation = orgs
            .get(&id)
            .and_then(|m| m.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(o, _)| o.clone()))
            .unwrap_or_else(|| "none".into());
        speakers.push(Speaker {
            speaker: name,
            speaker_type: ty,
            quotes,
            role: roles.get(&id).map_or("none".into(), |r| r.0.clone()),
            affiliation,
            gender: g,
            evidence: ev,
        });
    }
    speakers.sort_by(|a, b| b.quotes.cmp(&a.quotes).then(a.speaker.cmp(&b.speaker)));
    Ok((shares(&speakers), speakers))
}

/// The share rows of every dimension from the speakers.
pub fn shares(speakers: &[Speaker]) -> Vec<Share> {
    let named = |s: &&Speaker| s.speaker_type != "unnamed";
    let person = |s: &&Speaker| s.speaker_type == "person";
    // The unnamed row stands for many speakers that cannot be told apart: it counts as none.
    let people = |s: &Speaker| i64::from(s.speaker_type != "unnamed");
    let mut out = Vec::new();
    let mut dimension = |name: &str, of: Vec<&Speaker>, key: &dyn Fn(&Speaker) -> String, fixed: &[&str], top: Option<usize>| {
        let (total_q, total_s): (i64, i64) = (of.iter().map(|s| s.quotes).sum(), of.iter().map(|s| people(s)).sum());
        let mut groups: BTreeMap<String, (i64, i64)> = fixed.iter().map(|g| (g.to_string(), (0, 0))).collect();
        for s in &of {
            let e = groups.entry(key(s)).or_default();
            e.0 += s.quotes;
            e.1 += people(s);
        }
        let mut rows: Vec<(String, (i64, i64))> = groups.into_iter().collect();
        rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(&b.0)));
        if let Some(top) = top {
            let keep = |g: &str| fixed.contains(&g);
            let mut other = (0, 0);
            let mut kept = Vec::new();
            for (g, v) in rows {
                if keep(&g) || kept.iter().filter(|(g, _): &&(String, _)| !keep(g)).count() < top {
                    kept.push((g, v));
                } else {
                    other.0 += v.0;
                    other.1 += v.1;
                }
            }
            if other.0 > 0 {
                kept.push(("other".into(), other));
            }
            rows = kept;
        }
        for (g, (q, sp)) in rows {
            out.push(Share {
                dimension: name.into(),
                group: g,
                quotes: q,
                quote_share: percent(q, total_q),
                speakers: sp,
                speaker_share: percent(sp, total_s),
            });
        }
    };
    dimension(
        "speaker type",
        speakers.iter().collect(),
        &|s| s.speaker_type.clone(),
        &["person", "organization", "unnamed"],
        None,
    );
    dimension("role", speakers.iter().filter(named).collect(), &|s| s.role.clone(), &[], None);
    dimension(
        "affiliation",
        speakers.iter().filter(named).collect(),
        &|s| s.affiliation.clone(),
        &["none"],
        Some(TOP_AFFILIATIONS),
    );
    dimension(
        "gender",
        speakers.iter().filter(person).collect(),
        &|s| s.gender.as_str().into(),
        &["female", "male", "unknown"],
        None,
    );
    dimension(
        "gender evidence",
        speakers.iter().filter(person).collect(),
        &|s| s.evidence.as_str().into(),
        &["pronoun", "honorific", "name", "unknown"],
        None,
    );
    out
}
