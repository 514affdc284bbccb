//! The quote graph as a petgraph view built from the store: entity, quote
//! and document nodes; SAID, ABOUT, IN, AFFILIATED_WITH and APPEARS_IN
//! edges. Paths, neighbourhoods, ego subgraphs and PageRank work on it.
//!
//! Node and edge order follow the store's ordered reads, and every
//! traversal visits neighbours in a sorted order, so results are
//! deterministic.

mod local;

pub use local::{Around, PathSearch, AROUND_QUOTE_CAP, DEFAULT_MAX_QUOTES, PATH_MAX_STEPS, PATH_NODE_CAP};

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::Serialize;

#[cfg(test)]
use crate::model::QuoteKind;
use crate::model::{EntityId, EntityType, QuoteId};
use crate::store::read::{DocumentRecord, EntityRecord, QuoteRecord};
use crate::store::{GraphData, Store, StoreError};

/// A node of the graph.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Node {
    Entity(EntityRecord),
    Quote(QuoteRecord),
    Document(DocumentRecord),
}

impl Node {
    /// The node kind as exports name it: the entity type, `quote` or `document`.
    pub fn kind(&self) -> &str {
        match self {
            Node::Entity(e) => e.entity_type.as_str(),
            Node::Quote(_) => "quote",
            Node::Document(_) => "document",
        }
    }

    /// A stable id: `entity:12`, `quote:5`, `document:hamas-talks`.
    pub fn id(&self) -> String {
        match self {
            Node::Entity(e) => format!("entity:{}", e.id),
            Node::Quote(q) => format!("quote:{}", q.id),
            Node::Document(d) => format!("document:{}", d.id),
        }
    }

    /// The full human-readable name: entity name, quote text, document title or id.
    pub fn name(&self) -> &str {
        match self {
            Node::Entity(e) => &e.name,
            Node::Quote(q) => &q.text,
            Node::Document(d) => d.title.as_deref().unwrap_or(&d.id),
        }
    }
}

/// Edge types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum EdgeKind {
    /// entity -> quote
    Said,
    /// quote -> entity
    About,
    /// quote -> document
    In,
    /// entity -> organisation (with a role)
    AffiliatedWith,
    /// entity -> document (with a mention count)
    AppearsIn,
    /// quote -> quote: a copy of the same statement (to its first stored copy)
    SameAs,
}

impl EdgeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::Said => "SAID",
            EdgeKind::About => "ABOUT",
            EdgeKind::In => "IN",
            EdgeKind::AffiliatedWith => "AFFILIATED_WITH",
            EdgeKind::AppearsIn => "APPEARS_IN",
            EdgeKind::SameAs => "SAME_AS",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Edge {
    pub kind: EdgeKind,
    /// The role of an AFFILIATED_WITH edge.
    pub role: Option<String>,
    /// How many times the relation is stated: documents for AFFILIATED_WITH, mentions for APPEARS_IN, else 1.
    pub count: i64,
}

/// The graph with lookups from store ids to nodes.
#[derive(Clone, Debug, Default)]
pub struct QuoteGraph {
    pub graph: DiGraph<Node, Edge>,
    entities: BTreeMap<EntityId, NodeIndex>,
    /// Quotes a bounded read left out, by entity id (empty for complete graphs).
    pub omitted: BTreeMap<EntityId, Omitted>,
}

/// Quotes of an entity that a bounded ego graph left out ("+K more").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Omitted {
    /// Quotes it said.
    pub said: i64,
    /// Quotes naming it.
    pub about: i64,
    /// Quotes between its neighbours (said by one, naming another).
    pub between: i64,
    /// Entities it is affiliated with (either way), left out with their quotes.
    pub affiliates: i64,
}

impl Omitted {
    /// "+12 more quotes said, +3 more naming it": the label line of exports.
    pub fn summary(&self) -> String {
        let parts = [
            (self.said, "quotes said"),
            (self.about, "quotes naming it"),
            (self.between, "quotes between its neighbours"),
            (self.affiliates, "affiliates"),
        ];
        parts.iter().filter(|(n, _)| *n > 0).map(|(n, what)| format!("+{n} more {what}")).collect::<Vec<_>>().join(", ")
    }
}

/// One step of a path: a node, and the edge that leads to the next node.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub node: NodeIndex,
    /// The edge to the next step and whether it points forward (from this node to the next).
    pub next: Option<(EdgeIndex, bool)>,
}

/// An entity reached from another through quotes or affiliations.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Neighbor {
    pub name: String,
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    pub depth: usize,
    /// How it is reached: `talks about`, `quoted by`, `affiliated with`, `has affiliate`.
    pub relation: String,
    /// The entity it is reached from.
    pub via: String,
    /// Quotes (or documents, for affiliations) behind the relation.
    pub weight: i64,
    #[serde(skip)]
    pub node: NodeIndex,
}

/// Shortens `s` to at most `max` characters, ending with `…` when cut.
pub fn shorten(s: &str, max: usize) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        one_line
    } else {
        let mut out: String = one_line.chars().take(max.saturating_sub(1)).collect();
        out = out.trim_end().to_string();
        out.push('…');
        out
    }
}

impl QuoteGraph {
    /// Loads the whole graph from the store.
    pub fn load(store: &Store) -> Result<QuoteGraph, StoreError> {
        let mut g = QuoteGraph::from_data(store.graph_data()?);
        g.add_same_as(&store.same_as_edges()?);
        Ok(g)
    }

    /// Adds SAME_AS edges between quotes of the graph (copies of one statement).
    pub fn add_same_as(&mut self, pairs: &[(QuoteId, QuoteId)]) {
        let quotes: BTreeMap<QuoteId, NodeIndex> = self
            .graph
            .node_indices()
            .filter_map(|n| match &self.graph[n] {
                Node::Quote(q) => Some((q.id, n)),
                _ => None,
            })
            .collect();
        for (a, b) in pairs {
            if let (Some(&x), Some(&y)) = (quotes.get(a), quotes.get(b)) {
                self.graph.add_edge(x, y, Edge { kind: EdgeKind::SameAs, role: None, count: 1 });
            }
        }
    }

    pub fn from_data(d: GraphData) -> QuoteGraph {
        let mut g = DiGraph::new();
        let mut entities = BTreeMap::new();
        let mut documents = BTreeMap::new();
        let mut quotes = BTreeMap::new();
        for e in d.entities {
            let id = e.id;
            entities.insert(id, g.add_node(Node::Entity(e)));
        }
        for doc in d.documents {
            let id = doc.id.clone();
            documents.insert(id, g.add_node(Node::Document(doc)));
        }
        let edge = |kind| Edge { kind, role: None, count: 1 };
        for q in d.quotes {
            let (id, speaker, doc) = (q.id, q.speaker_id, q.document_id.clone());
            let n = g.add_node(Node::Quote(q));
            quotes.insert(id, n);
            if let Some(s) = speaker.and_then(|s| entities.get(&s)) {
                g.add_edge(*s, n, edge(EdgeKind::Said));
            }
            if let Some(dn) = documents.get(&doc) {
                g.add_edge(n, *dn, edge(EdgeKind::In));
            }
        }
        for (q, e) in d.about {
            if let (Some(qn), Some(en)) = (quotes.get(&q), entities.get(&e)) {
                g.add_edge(*qn, *en, edge(EdgeKind::About));
            }
        }
        let mut affiliations: BTreeMap<(EntityId, EntityId, String), BTreeSet<String>> = BTreeMap::new();
        for a in d.affiliations {
            affiliations.entry((a.entity_id, a.organization_id, a.role)).or_default().insert(a.document_id);
        }
        for ((e, o, role), docs) in affiliations {
            if let (Some(en), Some(on)) = (entities.get(&e), entities.get(&o)) {
                g.add_edge(*en, *on, Edge { kind: EdgeKind::AffiliatedWith, role: Some(role), count: docs.len() as i64 });
            }
        }
        for (e, doc, n) in d.appears_in {
            if let (Some(en), Some(dn)) = (entities.get(&e), documents.get(&doc)) {
                g.add_edge(*en, *dn, Edge { kind: EdgeKind::AppearsIn, role: None, count: n });
            }
        }
        QuoteGraph { graph: g, entities, omitted: BTreeMap::new() }
    }

    /// The node of a stored entity id.
    pub fn entity(&self, id: EntityId) -> Option<NodeIndex> {
        self.entities.get(&id).copied()
    }

    /// Neighbours of a node in both directions, skipping APPEARS_IN, sorted by node index.
    fn links(&self, n: NodeIndex) -> Vec<(NodeIndex, EdgeIndex, bool)> {
        let mut v: Vec<(NodeIndex, EdgeIndex, bool)> = self
            .graph
            .edges_directed(n, Direction::Outgoing)
            .map(|e| (e.target(), e.id(), true))
            .chain(self.graph.edges_directed(n, Direction::Incoming).map(|e| (e.source(), e.id(), false)))
            .filter(|(_, e, _)| self.graph[*e].kind != EdgeKind::AppearsIn)
            .collect();
        v.sort_by_key(|(n, e, _)| (*n, *e));
        v
    }

    /// The shortest connection from any of `from` to any of `to` through
    /// quotes, documents and affiliations (breadth-first, undirected).
    pub fn shortest_path(&self, from: &[NodeIndex], to: &[NodeIndex]) -> Option<Vec<Step>> {
        let targets: BTreeSet<NodeIndex> = to.iter().copied().collect();
        let mut prev: BTreeMap<NodeIndex, Option<(NodeIndex, EdgeIndex, bool)>> = BTreeMap::new();
        let mut queue = VecDeque::new();
        for &f in from {
            prev.insert(f, None);
            queue.push_back(f);
        }
        let mut found = None;
        while let Some(n) = queue.pop_front() {
            if targets.contains(&n) {
                found = Some(n);
                break;
            }
            for (m, e, fwd) in self.links(n) {
                if let std::collections::btree_map::Entry::Vacant(v) = prev.entry(m) {
                    v.insert(Some((n, e, fwd)));
                    queue.push_back(m);
                }
            }
        }
        let mut n = found?;
        let mut steps = vec![Step { node: n, next: None }];
        while let Some(Some((p, e, fwd))) = prev.get(&n) {
            steps.push(Step { node: *p, next: Some((*e, *fwd)) });
            n = *p;
        }
        steps.reverse();
        Some(steps)
    }

    /// A path as a readable chain: `Basem Naim -[SAID]-> "We have…" -[IN]-> doc hamas-talks <-[IN]- …`.
    pub fn format_path(&self, steps: &[Step]) -> String {
        let mut out = String::new();
        for s in steps {
            out.push_str(&self.short_label(s.node));
            if let Some((e, fwd)) = s.next {
                let kind = self.graph[e].kind.as_str();
                if fwd {
                    out.push_str(&format!(" -[{kind}]-> "));
                } else {
                    out.push_str(&format!(" <-[{kind}]- "));
                }
            }
        }
        out
    }

    /// A one-line label: an entity's name, a quote's opening words in quotation marks, `doc ID`.
    pub fn short_label(&self, n: NodeIndex) -> String {
        match &self.graph[n] {
            Node::Entity(e) => e.name.clone(),
            Node::Quote(q) => format!("\"{}\"", shorten(&q.text, 40)),
            Node::Document(d) => format!("doc {}", d.id),
        }
    }

    /// Entity-level relations: speaker -> entities their quotes name, and affiliations; both directions.
    fn entity_links(&self) -> BTreeMap<NodeIndex, Vec<(NodeIndex, &'static str, i64)>> {
        let mut counts: BTreeMap<(NodeIndex, NodeIndex, &'static str), i64> = BTreeMap::new();
        for q in self.graph.node_indices().filter(|&n| matches!(self.graph[n], Node::Quote(_))) {
            let speakers: Vec<NodeIndex> = self
                .graph
                .edges_directed(q, Direction::Incoming)
                .filter(|e| e.weight().kind == EdgeKind::Said)
                .map(|e| e.source())
                .collect();
            for about in self.graph.edges_directed(q, Direction::Outgoing).filter(|e| e.weight().kind == EdgeKind::About) {
                for &s in &speakers {
                    *counts.entry((s, about.target(), "talks about")).or_default() += 1;
                    *counts.entry((about.target(), s, "quoted by")).or_default() += 1;
                }
            }
        }
        for e in self.graph.edge_references().filter(|e| e.weight().kind == EdgeKind::AffiliatedWith) {
            *counts.entry((e.source(), e.target(), "affiliated with")).or_default() += e.weight().count;
            *counts.entry((e.target(), e.source(), "has affiliate")).or_default() += e.weight().count;
        }
        let mut out: BTreeMap<NodeIndex, Vec<(NodeIndex, &'static str, i64)>> = BTreeMap::new();
        for ((a, b, rel), n) in counts {
            if a != b {
                out.entry(a).or_default().push((b, rel, n));
            }
        }
        for v in out.values_mut() {
            v.sort_by(|x, y| y.2.cmp(&x.2).then(x.0.cmp(&y.0)).then(x.1.cmp(y.1)));
        }
        out
    }

    /// Entities within `depth` relations of `start`, nearest first.
    pub fn neighbors(&self, start: NodeIndex, depth: usize) -> Vec<Neighbor> {
        let links = self.entity_links();
        let mut seen: BTreeSet<NodeIndex> = BTreeSet::from([start]);
        let mut frontier = vec![start];
        let mut out = Vec::new();
        for d in 1..=depth {
            let mut next = Vec::new();
            for &n in &frontier {
                for &(m, rel, w) in links.get(&n).map(Vec::as_slice).unwrap_or(&[]) {
                    if seen.insert(m) {
                        next.push(m);
                        let Node::Entity(e) = &self.graph[m] else { continue };
                        out.push(Neighbor {
                            name: e.name.clone(),
                            entity_type: e.entity_type,
                            depth: d,
                            relation: rel.to_string(),
                            via: self.graph[n].name().to_string(),
                            weight: w,
                            node: m,
                        });
                    }
                }
            }
            frontier = next;
        }
        out
    }

    /// The subgraph of the given nodes (edges between kept nodes are kept).
    pub fn induced(&self, keep: &BTreeSet<NodeIndex>) -> QuoteGraph {
        let graph = self.graph.filter_map(|n, w| keep.contains(&n).then(|| w.clone()), |_, e| Some(e.clone()));
        let entities: BTreeMap<EntityId, NodeIndex> = graph
            .node_indices()
            .filter_map(|n| match &graph[n] {
                Node::Entity(e) => Some((e.id, n)),
                _ => None,
            })
            .collect();
        let omitted = self.omitted.iter().filter(|(id, _)| entities.contains_key(*id)).map(|(k, v)| (*k, *v)).collect();
        QuoteGraph { graph, entities, omitted }
    }

    /// Quotes to keep given kept entities: said by one of them, or unattributed and naming one of them.
    fn quotes_and_documents(&self, entities: &BTreeSet<NodeIndex>) -> BTreeSet<NodeIndex> {
        let mut keep = entities.clone();
        for q in self.graph.node_indices().filter(|&n| matches!(self.graph[n], Node::Quote(_))) {
            let mut speakers = self.graph.edges_directed(q, Direction::Incoming).filter(|e| e.weight().kind == EdgeKind::Said);
            let keep_q = match speakers.next() {
                Some(s) => entities.contains(&s.source()),
                None => self
                    .graph
                    .edges_directed(q, Direction::Outgoing)
                    .any(|e| e.weight().kind == EdgeKind::About && entities.contains(&e.target())),
            };
            if keep_q {
                self.keep_with_documents(q, &mut keep);
            }
        }
        keep
    }

    /// Keeps quote `q` and the documents it appears in.
    fn keep_with_documents(&self, q: NodeIndex, keep: &mut BTreeSet<NodeIndex>) {
        keep.insert(q);
        keep.extend(
            self.graph.edges_directed(q, Direction::Outgoing).filter(|e| e.weight().kind == EdgeKind::In).map(|e| e.target()),
        );
    }

    /// The ego graph of `start`: the entities within `depth` relations, the
    /// quotes behind those relations (said by `start`, or said by a kept entity
    /// and naming a kept entity), the kept entities' affiliations, and the
    /// quotes' documents.
    pub fn ego(&self, start: &[NodeIndex], depth: usize) -> QuoteGraph {
        let origin: BTreeSet<NodeIndex> = start.iter().copied().collect();
        let mut entities = origin.clone();
        for &s in start {
            entities.extend(self.neighbors(s, depth).into_iter().map(|n| n.node));
        }
        let mut keep = entities.clone();
        for q in self.graph.node_indices().filter(|&n| matches!(self.graph[n], Node::Quote(_))) {
            let speaker =
                self.graph.edges_directed(q, Direction::Incoming).find(|e| e.weight().kind == EdgeKind::Said).map(|e| e.source());
            let mut about = self
                .graph
                .edges_directed(q, Direction::Outgoing)
                .filter(|e| e.weight().kind == EdgeKind::About)
                .map(|e| e.target());
            let keep_q = match speaker {
                Some(s) if origin.contains(&s) => true,
                Some(s) => entities.contains(&s) && about.any(|a| entities.contains(&a)),
                None => about.any(|a| origin.contains(&a)),
            };
            if keep_q {
                self.keep_with_documents(q, &mut keep);
            }
        }
        self.induced(&keep)
    }

    /// Keeps entities with at least `k` quotes (said plus about), with their quotes and documents.
    pub fn min_quotes(&self, k: i64) -> QuoteGraph {
        if k <= 0 {
            return self.clone();
        }
        let entities: BTreeSet<NodeIndex> =
            self.graph.node_indices().filter(|&n| matches!(&self.graph[n], Node::Entity(e) if e.said + e.about >= k)).collect();
        self.induced(&self.quotes_and_documents(&entities))
    }

    /// PageRank (damping 0.85, 50 iterations) over the graph with every edge
    /// but APPEARS_IN taken in both directions. Scores sum to 1, indexed by node.
    ///
    /// Sparse power iteration, O(iterations x edges): petgraph's `page_rank`
    /// is quadratic in the node count, too slow for a corpus.
    pub fn pagerank(&self) -> Vec<f64> {
        const DAMPING: f64 = 0.85;
        let n = self.graph.node_count();
        if n == 0 {
            return Vec::new();
        }
        let mut links: Vec<(usize, usize)> = Vec::with_capacity(self.graph.edge_count() * 2);
        for e in self.graph.edge_references().filter(|e| e.weight().kind != EdgeKind::AppearsIn) {
            let (a, b) = (e.source().index(), e.target().index());
            links.push((a, b));
            links.push((b, a));
        }
        let mut out_degree = vec![0usize; n];
        for &(a, _) in &links {
            out_degree[a] += 1;
        }
        let mut rank = vec![1.0 / n as f64; n];
        for _ in 0..50 {
            let dangling: f64 = (0..n).filter(|&i| out_degree[i] == 0).map(|i| rank[i]).sum();
            let base = (1.0 - DAMPING) / n as f64 + DAMPING * dangling / n as f64;
            let mut next = vec![base; n];
            for &(a, b) in &links {
                next[b] += DAMPING * rank[a] / out_degree[a] as f64;
            }
            let sum: f64 = next.iter().sum();
            rank = next.into_iter().map(|r| r / sum).collect();
        }
        rank
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::read::AffiliationRecord;

    fn entity(id: i64, name: &str, t: &str, said: i64, about: i64) -> EntityRecord {
        EntityRecord {
            id: EntityId(id),
            name: name.into(),
            entity_type: EntityType::parse(t).expect("a type name"),
            external_id: None,
            said,
            about,
        }
    }

    fn quote(id: i64, doc: &str, speaker: Option<i64>, text: &str) -> QuoteRecord {
        QuoteRecord {
            id: QuoteId(id),
            document_id: doc.into(),
            kind: QuoteKind::Direct,
            text: text.into(),
            speaker_id: speaker.map(EntityId),
            cue: Some("said".into()),
            confidence: 0.9,
            start: 0,
            end: 1,
        }
    }

    fn sample() -> QuoteGraph {
        QuoteGraph::from_data(GraphData {
            entities: vec![
                entity(1, "Basem Naim", "person", 1, 0),
                entity(2, "Donald Trump", "person", 0, 1),
                entity(3, "James Hewitt", "person", 1, 0),
                entity(4, "Hamas", "organization", 0, 1),
                entity(5, "White House", "organization", 0, 0),
            ],
            documents: vec![DocumentRecord { id: "d1".into(), title: None, date: None, url: None }],
            quotes: vec![quote(1, "d1", Some(1), "Trump can do it"), quote(2, "d1", Some(3), "Hamas holds hostages")],
            about: vec![(QuoteId(1), EntityId(2)), (QuoteId(2), EntityId(4))],
            affiliations: vec![AffiliationRecord {
                entity_id: EntityId(3),
                organization_id: EntityId(5),
                role: "spokesperson".into(),
                document_id: "d1".into(),
            }],
            appears_in: vec![(EntityId(1), "d1".into(), 2)],
        })
    }

    #[test]
    fn the_path_goes_through_quotes_and_the_document() {
        let g = sample();
        let p = g.shortest_path(&[g.entity(EntityId(1)).unwrap()], &[g.entity(EntityId(3)).unwrap()]).unwrap();
        assert_eq!(
            g.format_path(&p),
            "Basem Naim -[SAID]-> \"Trump can do it\" -[IN]-> doc d1 <-[IN]- \"Hamas holds hostages\" <-[SAID]- James Hewitt"
        );
    }

    #[test]
    fn neighbors_follow_quotes_and_affiliations() {
        let g = sample();
        let n: Vec<(String, usize, String)> =
            g.neighbors(g.entity(EntityId(3)).unwrap(), 2).into_iter().map(|n| (n.name, n.depth, n.relation)).collect();
        assert_eq!(
            n,
            vec![
                ("Hamas".to_string(), 1, "talks about".to_string()),
                ("White House".to_string(), 1, "affiliated with".to_string())
            ]
        );
    }

    #[test]
    fn the_ego_graph_keeps_the_speaker_quotes_and_documents() {
        let g = sample();
        let ego = g.ego(&[g.entity(EntityId(1)).unwrap()], 1);
        let names: Vec<String> = ego.graph.node_weights().map(Node::id).collect();
        assert_eq!(names, vec!["entity:1", "entity:2", "document:d1", "quote:1"]);
        assert_eq!(g.min_quotes(1).graph.node_count(), 7);
    }

    #[test]
    fn pagerank_ranks_every_node() {
        let g = sample();
        let pr = g.pagerank();
        assert_eq!(pr.len(), g.graph.node_count());
        assert!((pr.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        // A quote (three links) outranks the White House (one affiliation link).
        let quote = g.graph.node_indices().find(|&n| g.graph[n].id() == "quote:1").unwrap();
        assert!(pr[quote.index()] > pr[g.entity(EntityId(5)).unwrap().index()], "{pr:?}");
    }
}
