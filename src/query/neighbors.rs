//! What surrounds an entity: the part of the graph within a few hops of it.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use petgraph::graph::{NodeIndex, UnGraph};
use serde::Serialize;

use crate::graph::View;
use crate::query::index_by_id;

/// The neighbourhood of one node.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Neighborhood {
    /// The id of the node at the centre.
    pub center: String,
    /// Hops from the centre, by node id (the centre is at 0).
    pub distance: BTreeMap<String, usize>,
    /// The induced subgraph: the nodes within reach, every edge between
    /// two of them, the articles their evidence comes from, and the
    /// ambiguities that concern them. Export it like any view.
    #[serde(skip)]
    pub view: View,
}

/// The nodes within `depth` hops of node `center` (edges walked in both
/// directions) and the edges among them. An unknown `center` gives an empty
/// neighbourhood.
///
/// O(N + E) for the walk, plus O(E log N) to build the subgraph.
pub fn neighbors(view: &View, center: &str, depth: usize) -> Neighborhood {
    let index = index_by_id(view);
    let mut g: UnGraph<(), ()> = UnGraph::with_capacity(view.nodes.len(), view.edges.len());
    for _ in &view.nodes {
        g.add_node(());
    }
    for e in &view.edges {
        if let (Some(&s), Some(&t)) = (index.get(e.source.as_str()), index.get(e.target.as_str())) {
            g.add_edge(NodeIndex::new(s), NodeIndex::new(t), ());
        }
    }
    let mut dist: BTreeMap<usize, usize> = BTreeMap::new();
    if let Some(&c) = index.get(center) {
        let mut queue = VecDeque::from([c]);
        dist.insert(c, 0);
        while let Some(n) = queue.pop_front() {
            let d = dist[&n];
            if d == depth {
                continue;
            }
            for m in g.neighbors(NodeIndex::new(n)) {
                if let std::collections::btree_map::Entry::Vacant(slot) = dist.entry(m.index()) {
                    slot.insert(d + 1);
                    queue.push_back(m.index());
                }
            }
        }
    }
    let ids: BTreeSet<&str> = dist.keys().map(|&i| view.nodes[i].id.as_str()).collect();
    let nodes: Vec<_> = dist.keys().map(|&i| view.nodes[i].clone()).collect();
    let edges: Vec<_> = view
        .edges
        .iter()
        .filter(|e| ids.contains(e.source.as_str()) && ids.contains(e.target.as_str()))
        .cloned()
        .collect();
    let digests: BTreeSet<&str> = nodes
        .iter()
        .flat_map(|n| n.articles.iter().map(String::as_str))
        .chain(
            edges
                .iter()
                .flat_map(|e| e.evidence.iter().map(|(ev, _, _)| ev.article.as_str())),
        )
        .collect();
    let sub = View {
        articles: view
            .articles
            .iter()
            .filter(|a| digests.contains(a.digest.as_str()))
            .cloned()
            .collect(),
        nodes,
        edges,
        ambiguous: view
            .ambiguous
            .iter()
            .filter(|a| ids.contains(a.id.as_str()))
            .cloned()
            .collect(),
        // A neighbourhood is a new graph: the file's own fields are not its.
        extra: Default::default(),
        corrections: view.corrections.clone(),
    };
    Neighborhood {
        center: center.to_string(),
        distance: dist
            .iter()
            .map(|(&i, &d)| (view.nodes[i].id.clone(), d))
            .collect(),
        view: sub,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::fixture;

    #[test]
    fn depth_bounds_the_neighbourhood() {
        let v = fixture::view();
        let n = neighbors(&v, "nation:china", 1);
        let ids: Vec<&str> = n.distance.keys().map(String::as_str).collect();
        assert_eq!(
            ids,
            [
                "nation:china",
                "nation:us",
                "organization:un",
                "statement:aaaa:1"
            ]
        );
        assert_eq!(n.distance["nation:china"], 0);
        // Induced: only edges among the four.
        assert_eq!(n.view.edges.len(), 3);
        assert_eq!(n.view.articles.len(), 2);
        let two = neighbors(&v, "nation:china", 2);
        assert_eq!(two.distance["person:john-doe"], 2);
        assert!(!two.distance.contains_key("person:doe"));
        assert_eq!(neighbors(&v, "nation:china", 0).view.nodes.len(), 1);
        assert!(neighbors(&v, "nation:nowhere", 3).view.nodes.is_empty());
    }
}
