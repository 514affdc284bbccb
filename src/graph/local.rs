//! Partial graphs read from the store around a few entities, so that
//! `neighbors`, `path` and the ego export cost what the neighbourhood costs,
//! not what the whole database costs.
//!
//! Each loader reads, hop by hop with indexed queries, exactly the nodes
//! and edges the whole-graph algorithm looks at, and builds the graph with
//! [`QuoteGraph::from_data`], which keeps the store's node and edge order:
//! the algorithms of `mod.rs` then give the same answers (same tie-breaks)
//! as on the whole graph.

use std::collections::{BTreeMap, BTreeSet};

use super::{EdgeKind, Omitted, QuoteGraph, Step};
use crate::model::{EntityId, QuoteId};
use crate::store::read::{AffiliationRecord, QuoteRecord};
use crate::store::{GraphData, Store, StoreError};

/// Most quotes a neighbourhood read loads before it stops expanding.
pub const AROUND_QUOTE_CAP: usize = 250_000;

/// Quotes per entity and relation in an ego graph when the caller sets no
/// limit (`export --entity` without --max-quotes): enough to read, few enough
/// that a hub entity's graph still renders.
pub const DEFAULT_MAX_QUOTES: usize = 50;
/// Longest path (in edges) `path` looks for.
pub const PATH_MAX_STEPS: usize = 16;
/// Most nodes the path search visits before it gives up.
pub const PATH_NODE_CAP: usize = 500_000;

/// A neighbourhood read from the store.
#[derive(Clone, Debug)]
pub struct Around {
    pub graph: QuoteGraph,
    /// True when the read stopped at [`AROUND_QUOTE_CAP`] before the requested depth.
    pub truncated: bool,
}

/// What a path search found.
#[derive(Clone, Debug)]
pub enum PathSearch {
    /// The shortest path, over a graph of the nodes on shortest paths.
    Found { graph: QuoteGraph, steps: Vec<Step> },
    /// Every node reachable from one end was visited: there is no path.
    Unconnected,
    /// No path of at most `max_steps` edges.
    TooFar { max_steps: usize },
    /// The search visited more than `cap` nodes without meeting.
    TooBig { cap: usize },
}

/// Quotes, ABOUT edges and affiliations read so far.
#[derive(Default)]
struct Loaded {
    entities: BTreeSet<EntityId>,
    quotes: BTreeMap<QuoteId, QuoteRecord>,
    about: BTreeSet<(QuoteId, EntityId)>,
    about_of: BTreeMap<QuoteId, Vec<EntityId>>,
    affiliations: BTreeSet<(EntityId, EntityId, String, String)>,
    /// The documents to load; `None`: those of the quotes.
    documents: Option<BTreeSet<String>>,
    /// Entities whose said (`.0`) or naming (`.1`) quotes a bounded read cut.
    cut_said: BTreeSet<EntityId>,
    cut_about: BTreeSet<EntityId>,
    /// Entities whose affiliates a bounded read cut, with how many were left out.
    cut_affiliates: BTreeMap<EntityId, i64>,
}

/// Keeps, for each entity of `ring`, the affiliations with its `max` partners
/// of the most documents (ties: lower id first); counts the partners left out
/// in `cut`. A hub ("United States") has thousands of affiliates, each of which
/// would otherwise join the ego graph.
fn strongest_affiliates(
    rows: Vec<AffiliationRecord>,
    ring: &BTreeSet<EntityId>,
    max: usize,
    cut: &mut BTreeMap<EntityId, i64>,
) -> Vec<AffiliationRecord> {
    let mut docs: BTreeMap<(EntityId, EntityId), BTreeSet<&str>> = BTreeMap::new();
    for a in &rows {
        for (end, partner) in [(a.entity_id, a.organization_id), (a.organization_id, a.entity_id)] {
            if ring.contains(&end) {
                docs.entry((end, partner)).or_default().insert(&a.document_id);
            }
        }
    }
    let mut partners: BTreeMap<EntityId, Vec<(usize, EntityId)>> = BTreeMap::new();
    for ((end, partner), d) in &docs {
        partners.entry(*end).or_default().push((d.len(), *partner));
    }
    let mut keep: BTreeSet<(EntityId, EntityId)> = BTreeSet::new();
    for (end, mut list) in partners {
        if list.len() > max {
            cut.insert(end, (list.len() - max) as i64);
            list.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            list.truncate(max);
        }
        keep.extend(list.into_iter().map(|(_, p)| (end, p)));
    }
    drop(docs);
    rows.into_iter()
        .filter(|a| keep.contains(&(a.entity_id, a.organization_id)) || keep.contains(&(a.organization_id, a.entity_id)))
        .collect()
}

impl Loaded {
    fn add_quotes(&mut self, store: &Store, ids: impl IntoIterator<Item = QuoteId>) -> Result<(), StoreError> {
        let new: Vec<QuoteId> =
            ids.into_iter().filter(|q| !self.quotes.contains_key(q)).collect::<BTreeSet<_>>().into_iter().collect();
        for q in store.quotes_by_id(&new)? {
            self.quotes.insert(q.id, q);
        }
        for (q, e) in store.about_of_quotes(&new)? {
            self.about.insert((q, e));
            self.about_of.entry(q).or_default().push(e);
        }
        Ok(())
    }

    fn add_affiliations(&mut self, rows: Vec<AffiliationRecord>) {
        self.affiliations.extend(rows.into_iter().map(|a| (a.entity_id, a.organization_id, a.role, a.document_id)));
    }

    fn into_graph(self, store: &Store, appears_in: bool) -> Result<QuoteGraph, StoreError> {
        let entity_ids: Vec<EntityId> = self.entities.into_iter().collect();
        let documents = self.documents.unwrap_or_else(|| self.quotes.values().map(|q| q.document_id.clone()).collect());
        let doc_ids: Vec<String> = documents.into_iter().collect();
        let mut quotes: Vec<QuoteRecord> = self.quotes.into_values().collect();
        quotes.sort_by(|a, b| (&a.document_id, a.start, a.id).cmp(&(&b.document_id, b.start, b.id)));
        let mut appears = if appears_in { store.appears_in_between(&entity_ids, &doc_ids)? } else { Vec::new() };
        appears.sort();
        Ok(QuoteGraph::from_data(GraphData {
            entities: store.entities_by_id(&entity_ids)?,
            documents: store.documents_by_id(&doc_ids)?,
            quotes,
            about: self.about.into_iter().collect(),
            affiliations: self
                .affiliations
                .into_iter()
                .map(|(entity_id, organization_id, role, document_id)| AffiliationRecord {
                    entity_id,
                    organization_id,
                    role,
                    document_id,
                })
                .collect(),
            appears_in: appears,
        }))
    }
}

impl QuoteGraph {
    /// The graph around `start` that [`QuoteGraph::neighbors`] needs for
    /// `depth`: every entity within `depth` relations, and for those closer
    /// than `depth` all the quotes they said or are named in and all their
    /// affiliations.
    pub fn load_around(store: &Store, start: &[EntityId], depth: usize) -> Result<Around, StoreError> {
        let (loaded, _, truncated) = expand(store, start, depth, None)?;
        Ok(Around { graph: loaded.into_graph(store, false)?, truncated })
    }

    /// The ego graph of `start` ([`QuoteGraph::ego`]) read from the store:
    /// the neighbourhood of [`QuoteGraph::load_around`], plus the quotes
    /// that the outermost entities said naming a kept entity, their
    /// affiliations, the quotes' documents and APPEARS_IN edges.
    pub fn load_ego(store: &Store, start: &[EntityId], depth: usize) -> Result<Around, StoreError> {
        QuoteGraph::load_ego_bounded(store, start, depth, None)
    }

    /// [`QuoteGraph::load_ego`] with at most `max_quotes` quotes per entity
    /// and relation when given: the newest said by each expanded entity, the
    /// newest naming it, and the newest between the outermost entities. What
    /// is left out is counted in [`QuoteGraph::omitted`]; when nothing is
    /// cut the graph is the one of `load_ego`.
    pub fn load_ego_bounded(
        store: &Store,
        start: &[EntityId],
        depth: usize,
        max_quotes: Option<usize>,
    ) -> Result<Around, StoreError> {
        let (mut loaded, outer, truncated) = expand(store, start, depth, max_quotes)?;
        let kept: Vec<EntityId> = loaded.entities.iter().copied().collect();
        let mut between = 0;
        let said = match max_quotes {
            None => store.quotes_said_naming(&outer, &kept)?,
            Some(max) => {
                let mut said = store.newest_said_naming(&outer, &kept, max.saturating_add(1))?;
                if said.len() > max {
                    said.truncate(max);
                    between = store.count_said_naming(&outer, &kept)? - max as i64;
                }
                said
            }
        };
        loaded.add_quotes(store, said)?;
        // Only affiliations between kept entities can stay in the ego graph.
        let kept: Vec<EntityId> = loaded.entities.iter().copied().collect();
        loaded.add_affiliations(store.affiliations_among(&kept)?);
        let (cut_said, cut_about) = (std::mem::take(&mut loaded.cut_said), std::mem::take(&mut loaded.cut_about));
        let cut_affiliates = std::mem::take(&mut loaded.cut_affiliates);
        let graph = loaded.into_graph(store, true)?;
        let nodes: Vec<_> = start.iter().filter_map(|&id| graph.entity(id)).collect();
        let mut ego = graph.ego(&nodes, depth);
        // "+K more": the entity's total minus the quotes of that relation the graph shows.
        for id in cut_said.union(&cut_about) {
            let Some(n) = ego.entity(*id) else { continue };
            let super::Node::Entity(e) = &ego.graph[n] else { continue };
            let shown = |kind: EdgeKind, dir: petgraph::Direction| {
                ego.graph.edges_directed(n, dir).filter(|x| x.weight().kind == kind).count() as i64
            };
            let o = Omitted {
                said: if cut_said.contains(id) {
                    (e.said - shown(EdgeKind::Said, petgraph::Direction::Outgoing)).max(0)
                } else {
                    0
                },
                about: if cut_about.contains(id) {
                    (e.about - shown(EdgeKind::About, petgraph::Direction::Incoming)).max(0)
                } else {
                    0
                },
                between: 0,
                affiliates: 0,
            };
            ego.omitted.insert(*id, o);
        }
        for (id, n) in cut_affiliates {
            if ego.entity(id).is_some() {
                ego.omitted.entry(id).or_default().affiliates = n;
            }
        }
        if between > 0 {
            if let Some(&first) = start.first() {
                ego.omitted.entry(first).or_default().between = between;
            }
        }
        Ok(Around { graph: ego, truncated })
    }

    /// The shortest path between entities, searched from both ends at once
    /// with one query per hop and side, as [`QuoteGraph::shortest_path`]
    /// finds it on the whole graph.
    pub fn path_between(
        store: &Store,
        from: &[EntityId],
        to: &[EntityId],
        max_steps: usize,
        cap: usize,
    ) -> Result<PathSearch, StoreError> {
        path_between(store, from, to, max_steps, cap)
    }
}

/// Breadth-first over entity relations (as `neighbors` follows them) from
/// `start`, `depth` rings deep. Returns what was read, the outermost ring
/// (found but not expanded) and whether the cap stopped it.
fn expand(
    store: &Store,
    start: &[EntityId],
    depth: usize,
    max_quotes: Option<usize>,
) -> Result<(Loaded, Vec<EntityId>, bool), StoreError> {
    let mut loaded = Loaded { entities: start.iter().copied().collect(), ..Default::default() };
    let mut expanded: BTreeSet<EntityId> = BTreeSet::new();
    let mut ring: Vec<EntityId> = loaded.entities.iter().copied().collect();
    let mut truncated = false;
    for _ in 0..depth {
        if ring.is_empty() {
            break;
        }
        if loaded.quotes.len() > AROUND_QUOTE_CAP {
            truncated = true;
            break;
        }
        expanded.extend(ring.iter().copied());
        let ids: Vec<QuoteId> = match max_quotes {
            None => store.quotes_of_entities(&ring)?.into_iter().map(|(_, q)| q).collect(),
            Some(max) => {
                let mut ids = Vec::new();
                for &e in &ring {
                    for (said, mut newest) in [
                        (true, store.newest_said(e, max.saturating_add(1))?),
                        (false, store.newest_about(e, max.saturating_add(1))?),
                    ] {
                        if newest.len() > max {
                            newest.truncate(max);
                            if said { &mut loaded.cut_said } else { &mut loaded.cut_about }.insert(e);
                        }
                        ids.extend(newest);
                    }
                }
                ids
            }
        };
        loaded.add_quotes(store, ids)?;
        let in_ring: BTreeSet<EntityId> = ring.iter().copied().collect();
        let mut affiliations = store.affiliations_of(&ring)?;
        if let Some(max) = max_quotes {
            affiliations = strongest_affiliates(affiliations, &in_ring, max, &mut loaded.cut_affiliates);
        }
        let mut next: BTreeSet<EntityId> = BTreeSet::new();
        for q in loaded.quotes.values() {
            let about = loaded.about_of.get(&q.id).map(Vec::as_slice).unwrap_or(&[]);
            match q.speaker_id {
                Some(s) if in_ring.contains(&s) => next.extend(about.iter().copied()),
                Some(s) if about.iter().any(|a| in_ring.contains(a)) => {
                    next.insert(s);
                }
                _ => {}
            }
        }
        for a in &affiliations {
            if in_ring.contains(&a.entity_id) {
                next.insert(a.organization_id);
            }
            if in_ring.contains(&a.organization_id) {
                next.insert(a.entity_id);
            }
        }
        loaded.add_affiliations(affiliations);
        loaded.entities.extend(next.iter().copied());
        ring = next.into_iter().filter(|e| !expanded.contains(e)).collect();
    }
    Ok((loaded, ring, truncated))
}

/// A node of the path search.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Entity(EntityId),
    Quote(QuoteId),
    Document(String),
}

/// One end of the search: distances and the nodes of each level.
struct Side {
    dist: BTreeMap<Key, usize>,
    levels: Vec<Vec<Key>>,
}

impl Side {
    fn new(ids: &[EntityId]) -> Side {
        let start: Vec<Key> = ids.iter().map(|&i| Key::Entity(i)).collect::<BTreeSet<_>>().into_iter().collect();
        Side { dist: start.iter().map(|k| (k.clone(), 0)).collect(), levels: vec![start] }
    }

    fn radius(&self) -> usize {
        self.levels.len() - 1
    }

    fn frontier(&self) -> &[Key] {
        self.levels.last().map(Vec::as_slice).unwrap_or(&[])
    }
}

/// Undirected adjacency (APPEARS_IN left out) of the nodes expanded so far.
#[derive(Default)]
struct Adjacency {
    links: BTreeMap<Key, BTreeSet<Key>>,
    expanded: BTreeSet<Key>,
}

impl Adjacency {
    fn link(&mut self, a: Key, b: Key) {
        self.links.entry(a.clone()).or_default().insert(b.clone());
        self.links.entry(b).or_default().insert(a);
    }

    fn touches(&self, a: &Key, set: &BTreeSet<Key>) -> bool {
        self.links.get(a).is_some_and(|l| l.iter().any(|b| set.contains(b)))
    }

    /// Reads the neighbours of the nodes not expanded yet.
    fn expand(&mut self, store: &Store, nodes: &[Key]) -> Result<(), StoreError> {
        let (mut entities, mut quotes, mut documents) = (Vec::new(), Vec::new(), Vec::new());
        for k in nodes.iter().filter(|k| !self.expanded.contains(*k)) {
            match k {
                Key::Entity(e) => entities.push(*e),
                Key::Quote(q) => quotes.push(*q),
                Key::Document(d) => documents.push(d.clone()),
            }
        }
        for (e, q) in store.quotes_of_entities(&entities)? {
            self.link(Key::Entity(e), Key::Quote(q));
        }
        for (e, o) in store.affiliates_of(&entities)? {
            self.link(Key::Entity(e), Key::Entity(o));
        }
        for (q, speaker, doc) in store.quote_links(&quotes)? {
            if let Some(s) = speaker {
                self.link(Key::Entity(s), Key::Quote(q));
            }
            self.link(Key::Quote(q), Key::Document(doc));
        }
        for (q, e) in store.about_of_quotes(&quotes)? {
            self.link(Key::Quote(q), Key::Entity(e));
        }
        for (d, q) in store.quotes_of_documents(&documents)? {
            self.link(Key::Document(d), Key::Quote(q));
        }
        self.expanded.extend(nodes.iter().cloned());
        Ok(())
    }
}

/// Bidirectional breadth-first search. When the two balls first meet, at
/// radii `a` and `b`, the distance is `a + b` and the nodes on shortest
/// paths are the meeting nodes plus, level by level, their neighbours one
/// step closer to either end. Breadth-first search from `from` over just
/// those nodes picks the same path as over the whole graph: a node's BFS
/// parent always lies on a shortest path too, and the subgraph keeps the
/// relative node and edge order.
fn path_between(
    store: &Store,
    from: &[EntityId],
    to: &[EntityId],
    max_steps: usize,
    cap: usize,
) -> Result<PathSearch, StoreError> {
    let mut src = Side::new(from);
    let mut dst = Side::new(to);
    let mut adj = Adjacency::default();
    let mut meet: BTreeSet<Key> = src.frontier().iter().filter(|k| dst.dist.contains_key(*k)).cloned().collect();
    while meet.is_empty() {
        if src.radius() + dst.radius() >= max_steps {
            return Ok(PathSearch::TooFar { max_steps });
        }
        if src.frontier().is_empty() || dst.frontier().is_empty() {
            return Ok(PathSearch::Unconnected);
        }
        if src.dist.len() + dst.dist.len() > cap {
            return Ok(PathSearch::TooBig { cap });
        }
        let (side, other) = if src.frontier().len() <= dst.frontier().len() { (&mut src, &dst) } else { (&mut dst, &src) };
        let frontier = side.frontier().to_vec();
        adj.expand(store, &frontier)?;
        let level = side.radius() + 1;
        let mut next = Vec::new();
        for k in &frontier {
            for m in adj.links.get(k).into_iter().flatten() {
                if !side.dist.contains_key(m) {
                    side.dist.insert(m.clone(), level);
                    next.push(m.clone());
                }
            }
        }
        meet = next.iter().filter(|k| other.dist.contains_key(*k)).cloned().collect();
        side.levels.push(next);
    }
    // Nodes on shortest paths, walking back from the meeting nodes to each end.
    let mut on_path: BTreeSet<Key> = meet.clone();
    for (side, _) in [(&src, 0), (&dst, 1)] {
        let mut layer = meet.clone();
        for level in (0..side.radius()).rev() {
            layer = side.levels[level].iter().filter(|k| adj.touches(k, &layer)).cloned().collect();
            on_path.extend(layer.iter().cloned());
        }
    }
    let mut loaded = Loaded::default();
    let mut quotes = Vec::new();
    let mut documents = BTreeSet::new();
    for k in on_path {
        match k {
            Key::Entity(e) => {
                loaded.entities.insert(e);
            }
            Key::Quote(q) => quotes.push(q),
            Key::Document(d) => {
                documents.insert(d);
            }
        }
    }
    loaded.add_quotes(store, quotes)?;
    loaded.documents = Some(documents);
    let entity_ids: Vec<EntityId> = loaded.entities.iter().copied().collect();
    loaded.add_affiliations(store.affiliations_of(&entity_ids)?);
    // Speakers, documents and named entities off the shortest paths are not
    // loaded, so `from_data` leaves out the edges to them.
    let graph = loaded.into_graph(store, false)?;
    let a: Vec<_> = from.iter().filter_map(|&id| graph.entity(id)).collect();
    let b: Vec<_> = to.iter().filter_map(|&id| graph.entity(id)).collect();
    Ok(match graph.shortest_path(&a, &b) {
        Some(steps) => PathSearch::Found { graph, steps },
        None => PathSearch::Unconnected,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Edge, Node};
    use crate::store::write::content_hash;
    use crate::store::{AliasTable, Prepared};
    use petgraph::visit::EdgeRef;

    /// The hand-made sample plus real extractions of news articles.
    fn store() -> Store {
        let mut docs = crate::store::fixture::sample();
        for (i, line) in include_str!("../../data/samples/wikinews.jsonl").lines().take(40).enumerate() {
            let doc = crate::input::parse_jsonl_line(line, "wikinews.jsonl", i + 1).unwrap();
            let extraction = crate::extract::extract(&doc.text);
            docs.push(Prepared { hash: content_hash(&doc), doc, extraction });
        }
        let mut store = Store::open_in_memory().unwrap();
        for r in store.write_batch(&docs, &AliasTable::default(), false).unwrap() {
            r.unwrap();
        }
        store
    }

    fn neighbor_rows(g: &QuoteGraph, id: EntityId, depth: usize) -> Vec<String> {
        let Some(n) = g.entity(id) else { return vec![] };
        g.neighbors(n, depth)
            .into_iter()
            .map(|n| format!("{} {} {} {} {}", n.name, n.depth, n.relation, n.via, n.weight))
            .collect()
    }

    fn dump(g: &QuoteGraph) -> (Vec<String>, Vec<String>) {
        let nodes = g.graph.node_weights().map(Node::id).collect();
        let edges = g
            .graph
            .edge_references()
            .map(|e| {
                let w: &Edge = e.weight();
                format!("{} {} {:?} {:?} {}", g.graph[e.source()].id(), g.graph[e.target()].id(), w.kind, w.role, w.count)
            })
            .collect();
        (nodes, edges)
    }

    #[test]
    fn partial_reads_answer_like_the_whole_graph() {
        let store = store();
        let full = QuoteGraph::load(&store).unwrap();
        let ids: Vec<EntityId> = store.graph_data().unwrap().entities.iter().map(|e| e.id).collect();
        assert!(ids.len() > 50, "{} entities", ids.len());
        for (i, &id) in ids.iter().enumerate() {
            let start = full.entity(id).unwrap();
            let deepest = if i % 4 == 0 { 3 } else { 1 };
            for depth in 1..=deepest {
                let around = QuoteGraph::load_around(&store, &[id], depth).unwrap();
                assert!(!around.truncated);
                assert_eq!(
                    neighbor_rows(&around.graph, id, depth),
                    neighbor_rows(&full, id, depth),
                    "neighbors of {id}, depth {depth}"
                );
            }
            for depth in 1..=deepest.min(2) {
                let ego = QuoteGraph::load_ego(&store, &[id], depth).unwrap().graph;
                assert_eq!(dump(&ego), dump(&full.ego(&[start], depth)), "ego of {id}, depth {depth}");
                // A bound above every entity's quote count reads the same graph.
                let bounded = QuoteGraph::load_ego_bounded(&store, &[id], depth, Some(100_000)).unwrap().graph;
                assert_eq!(dump(&bounded), dump(&ego), "bounded ego of {id}, depth {depth}");
                assert!(bounded.omitted.is_empty());
            }
        }
        let mut found = 0;
        for (i, &a) in ids.iter().enumerate() {
            for &b in ids.iter().skip(i).step_by(23) {
                let want = full.shortest_path(&[full.entity(a).unwrap()], &[full.entity(b).unwrap()]);
                match (QuoteGraph::path_between(&store, &[a], &[b], 100, 1_000_000).unwrap(), want) {
                    (PathSearch::Found { graph, steps }, Some(w)) => {
                        assert_eq!(graph.format_path(&steps), full.format_path(&w), "path {a} -> {b}");
                        found += 1;
                        if w.len() > 5 {
                            let short = QuoteGraph::path_between(&store, &[a], &[b], 4, 1_000_000).unwrap();
                            assert!(matches!(short, PathSearch::TooFar { max_steps: 4 }), "{short:?}");
                        }
                    }
                    (PathSearch::Unconnected, None) => {}
                    (got, want) => panic!("path {a} -> {b}: {got:?} but the whole graph gives {want:?}"),
                }
            }
        }
        assert!(found > 50, "{found} paths");
    }

    #[test]
    fn a_bounded_ego_graph_keeps_the_newest_quotes_and_counts_the_rest() {
        let store = store();
        let full = QuoteGraph::load(&store).unwrap();
        let data = store.graph_data().unwrap();
        let hub = data.entities.iter().max_by_key(|e| (e.said + e.about, -e.id.0)).unwrap();
        assert!(hub.said + hub.about > 6, "{hub:?}");
        let g = QuoteGraph::load_ego_bounded(&store, &[hub.id], 1, Some(2)).unwrap().graph;
        let n = g.entity(hub.id).unwrap();
        let count = |kind: EdgeKind, dir| g.graph.edges_directed(n, dir).filter(|e| e.weight().kind == kind).count() as i64;
        let said = count(EdgeKind::Said, petgraph::Direction::Outgoing);
        let about = count(EdgeKind::About, petgraph::Direction::Incoming);
        let o = g.omitted.get(&hub.id).copied().unwrap_or_default();
        assert_eq!((said + o.said, about + o.about), (hub.said, hub.about), "shown + omitted = total for {}", hub.name);
        assert!(o.said + o.about > 0, "{o:?}");
        assert!(!o.summary().is_empty());
        // Every node of the bounded graph is in the whole ego graph.
        let whole = full.ego(&[full.entity(hub.id).unwrap()], 1);
        let ids: BTreeSet<String> = whole.graph.node_weights().map(crate::graph::Node::id).collect();
        assert!(g.graph.node_weights().all(|w| ids.contains(&w.id())));
        assert!(g.graph.node_count() < whole.graph.node_count());
    }

    #[test]
    fn the_path_search_gives_up_at_its_node_cap() {
        let store = store();
        let ids: Vec<EntityId> = store.graph_data().unwrap().entities.iter().map(|e| e.id).collect();
        let far = ids.iter().rev().map(|&b| QuoteGraph::path_between(&store, &[ids[0]], &[b], 100, 3).unwrap());
        assert!(far.into_iter().any(|r| matches!(r, PathSearch::TooBig { cap: 3 })));
    }
}
