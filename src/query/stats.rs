//! What a graph holds: counts, the most quoted speakers, the most connected
//! actors and the names resolution could not settle.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::graph::{EdgeKind, NodeKind, View};
use crate::query::{NodeRef, index_by_id};

/// A node and a count that ranks it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Ranked {
    #[serde(flatten)]
    pub node: NodeRef,
    pub count: usize,
}

/// A name left unmerged, with the names of its candidates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unsettled {
    pub id: String,
    pub candidates: Vec<NodeRef>,
}

/// Summary of a view.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub articles: usize,
    pub nodes: usize,
    pub edges: usize,
    /// Pieces of evidence over all edges.
    pub evidence: usize,
    /// Node count per kind; every kind present, zero included.
    pub nodes_by_kind: BTreeMap<&'static str, usize>,
    /// Edge count per kind; every kind present, zero included.
    pub edges_by_kind: BTreeMap<&'static str, usize>,
    /// Speakers by number of `said` edges, most first.
    pub top_speakers: Vec<Ranked>,
    /// Non-statement nodes by the number of distinct other non-statement
    /// nodes they are linked to, directly or through one statement (a
    /// speaker is thus linked to whom they spoke about), most first.
    pub most_connected: Vec<Ranked>,
    /// Names resolution left unmerged because they fit several entities.
    pub ambiguous: Vec<Unsettled>,
}

/// Take the `top` highest counts, ties by name then id.
fn rank(view: &View, counts: BTreeMap<usize, usize>, top: usize) -> Vec<Ranked> {
    let mut ranked: Vec<Ranked> = counts
        .into_iter()
        .filter(|&(_, c)| c > 0)
        .map(|(i, count)| Ranked {
            node: NodeRef::new(&view.nodes[i]),
            count,
        })
        .collect();
    ranked.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.node.name.cmp(&b.node.name))
            .then_with(|| a.node.id.cmp(&b.node.id))
    });
    ranked.truncate(top);
    ranked
}

/// Count and rank what `view` holds, keeping the `top` of each ranking.
///
/// O(N log N + E log N + S·d²) where S statements have degree d.
pub fn stats(view: &View, top: usize) -> Stats {
    let index = index_by_id(view);
    let mut nodes_by_kind: BTreeMap<&'static str, usize> =
        NodeKind::ALL.iter().map(|k| (k.as_str(), 0)).collect();
    for n in &view.nodes {
        *nodes_by_kind.entry(n.kind.as_str()).or_default() += 1;
    }
    let mut edges_by_kind: BTreeMap<&'static str, usize> =
        EdgeKind::ALL.iter().map(|k| (k.as_str(), 0)).collect();
    let mut said: BTreeMap<usize, usize> = BTreeMap::new();
    let mut links: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    let mut via_statement: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    let is_statement = |i: usize| view.nodes[i].kind == NodeKind::Statement;
    for e in &view.edges {
        *edges_by_kind.entry(e.kind.as_str()).or_default() += 1;
        let (Some(&s), Some(&t)) = (index.get(e.source.as_str()), index.get(e.target.as_str()))
        else {
            continue;
        };
        if e.kind == EdgeKind::Said {
            *said.entry(s).or_default() += 1;
        }
        match (is_statement(s), is_statement(t)) {
            (false, false) if s != t => {
                links.entry(s).or_default().insert(t);
                links.entry(t).or_default().insert(s);
            }
            (true, false) => {
                via_statement.entry(s).or_default().insert(t);
            }
            (false, true) => {
                via_statement.entry(t).or_default().insert(s);
            }
            _ => {}
        }
    }
    for around in via_statement.values() {
        for &a in around {
            for &b in around {
                if a != b {
                    links.entry(a).or_default().insert(b);
                }
            }
        }
    }
    let degree: BTreeMap<usize, usize> = links.iter().map(|(&i, s)| (i, s.len())).collect();
    let ambiguous = view
        .ambiguous
        .iter()
        .map(|a| Unsettled {
            id: a.id.clone(),
            candidates: a
                .candidates
                .iter()
                .map(|c| match index.get(c.as_str()) {
                    Some(&i) => NodeRef::new(&view.nodes[i]),
                    None => NodeRef {
                        id: c.clone(),
                        kind: "",
                        name: c.clone(),
                    },
                })
                .collect(),
        })
        .collect();
    Stats {
        articles: view.articles.len(),
        nodes: view.nodes.len(),
        edges: view.edges.len(),
        evidence: view.edges.iter().map(|e| e.evidence.len()).sum(),
        nodes_by_kind,
        edges_by_kind,
        top_speakers: rank(view, said, top),
        most_connected: rank(view, degree, top),
        ambiguous,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Ambiguity;
    use crate::query::fixture;

    #[test]
    fn counts_and_rankings() {
        let mut v = fixture::view();
        v.ambiguous.push(Ambiguity {
            id: "person:doe".into(),
            candidates: vec!["person:john-doe".into(), "person:jim-doe".into()],
        });
        let s = stats(&v, 2);
        assert_eq!((s.articles, s.nodes, s.edges, s.evidence), (2, 7, 6, 6));
        assert_eq!(s.nodes_by_kind["nation"], 2);
        assert_eq!(s.nodes_by_kind["meeting"], 0);
        assert_eq!(s.edges_by_kind["member_of"], 2);
        let speakers: Vec<(&str, usize)> = s
            .top_speakers
            .iter()
            .map(|r| (r.node.name.as_str(), r.count))
            .collect();
        assert_eq!(speakers, [("Doe", 1), ("John Doe", 1)]);
        // China: U.S., U.N. and John Doe (through his statement).
        assert_eq!(s.most_connected[0].node.id, "nation:china");
        assert_eq!(s.most_connected[0].count, 3);
        assert_eq!(s.most_connected.len(), 2);
        assert_eq!(s.ambiguous[0].candidates[0].name, "John Doe");
        assert_eq!(s.ambiguous[0].candidates[1].name, "person:jim-doe");
    }
}
