//! Entity resolution across articles: from the raw graph to the view that
//! exports and queries read. (Skeleton: the real folding rules are to come.)

use std::collections::{BTreeMap, BTreeSet};

use super::{ArticleInfo, EdgeKind, Evidence, Graph, NodeKind};

/// A resolved node.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    pub id: String,
    pub kind: NodeKind,
    /// Canonical (fullest) name; for a statement, its text.
    pub name: String,
    /// Every other surface form, sorted.
    pub aliases: Vec<String>,
    /// Mentions summed over articles.
    pub mentions: u64,
    /// Digests of the articles it was seen in.
    pub articles: BTreeSet<String>,
    /// The raw ids folded into this node, sorted (contains `id`).
    pub members: Vec<String>,
}

/// A resolved edge: raw edges whose ends fold to the same nodes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edge {
    pub source: String,
    pub kind: EdgeKind,
    pub target: String,
    pub negated: bool,
    /// The cue of the first evidence.
    pub cue: String,
    /// Every piece of evidence, with the raw (source, target) ids it was read under.
    pub evidence: Vec<(Evidence, String, String)>,
}

/// A name that could not be folded because it fits several entities.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ambiguity {
    /// The raw id left unfolded (e.g. "person:clinton").
    pub id: String,
    /// The candidates it could have been folded into.
    pub candidates: Vec<String>,
}

/// The resolved graph. Nodes sorted by id, edges by (source, kind, target, negated).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    /// Articles sorted by (id, digest).
    pub articles: Vec<ArticleInfo>,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    pub ambiguous: Vec<Ambiguity>,
}

/// Resolve a raw graph into its view.
pub fn resolve(graph: &Graph) -> View {
    let _ = BTreeMap::<(), ()>::new();
    let mut view = View {
        articles: graph.articles.values().cloned().collect(),
        ..View::default()
    };
    view.articles.sort();
    for (id, n) in &graph.nodes {
        let aliases = n.names.iter().filter(|a| **a != n.name).cloned().collect();
        view.nodes.push(Node {
            id: id.clone(),
            kind: n.kind,
            name: n.name.clone(),
            aliases,
            mentions: n.seen.values().map(|&c| c as u64).sum(),
            articles: n.seen.keys().cloned().collect(),
            members: vec![id.clone()],
        });
    }
    for (k, ev) in &graph.edges {
        let evidence: Vec<_> = ev
            .iter()
            .map(|e| (e.clone(), k.source.clone(), k.target.clone()))
            .collect();
        view.edges.push(Edge {
            source: k.source.clone(),
            kind: k.kind,
            target: k.target.clone(),
            negated: k.negated,
            cue: evidence.first().map(|e| e.0.cue.clone()).unwrap_or_default(),
            evidence,
        });
    }
    view
}
