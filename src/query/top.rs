//! Rankings of one relation: the most accused actors, those who accuse
//! most, the most cited reports, the most quoted speakers and the most
//! attended meetings. A node ranks by how many distinct counterparts it
//! has in that relation (accusers, targets, citers, statements, attendees),
//! then by how many sentences say so. Denied relations ("did not accuse")
//! do not count.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::graph::{EdgeKind, NodeKind, View};
use crate::query::NodeRef;

/// What to rank.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ranking {
    /// Targets of `accused`, by accusers.
    Accused,
    /// Sources of `accused`, by targets.
    Accusers,
    /// Targets of `cites`, by citers.
    Cited,
    /// Sources of `said`, by statements.
    Quoted,
    /// Targets of `attends`, by attendees.
    Attended,
}

impl Ranking {
    /// The edge kind ranked, and whether nodes rank as its target.
    fn edge(self) -> (EdgeKind, bool) {
        match self {
            Ranking::Accused => (EdgeKind::Accused, true),
            Ranking::Accusers => (EdgeKind::Accused, false),
            Ranking::Cited => (EdgeKind::Cites, true),
            Ranking::Quoted => (EdgeKind::Said, false),
            Ranking::Attended => (EdgeKind::Attends, true),
        }
    }

    /// What a counterpart is called ("accusers", "statements", ...).
    pub fn counterparts(self) -> &'static str {
        match self {
            Ranking::Accused => "accusers",
            Ranking::Accusers => "accused",
            Ranking::Cited => "citers",
            Ranking::Quoted => "statements",
            Ranking::Attended => "attendees",
        }
    }
}

/// A counterpart and the sentences linking it to the ranked node.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Counterpart {
    #[serde(flatten)]
    pub node: NodeRef,
    pub evidence: usize,
}

/// One node of a ranking.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Standing {
    #[serde(flatten)]
    pub node: NodeRef,
    /// Distinct counterparts.
    pub counterparts: usize,
    /// Distinct sentences over all its edges of the kind.
    pub evidence: usize,
    /// Distinct articles of those sentences.
    pub articles: usize,
    /// The counterparts with the most evidence (at most [`SHOWN`]; none for
    /// [`Ranking::Quoted`], whose counterparts are statements).
    pub top: Vec<Counterpart>,
}

/// Counterpart id -> the sentences (digest, index) linking it.
type Links<'v> = BTreeMap<&'v str, BTreeSet<(&'v str, usize)>>;

/// How many counterparts a standing lists.
pub const SHOWN: usize = 3;

/// The `n` highest nodes of `ranking`: most counterparts, then most
/// evidence, then name and id.
///
/// O(E log N + V log V) over the edges E of the kind and their evidence V.
pub fn top(view: &View, ranking: Ranking, n: usize) -> Vec<Standing> {
    let (kind, by_target) = ranking.edge();
    let mut links: BTreeMap<&str, Links> = BTreeMap::new();
    for e in view.edges.iter().filter(|e| e.kind == kind && !e.negated) {
        let (me, other) = if by_target {
            (e.target.as_str(), e.source.as_str())
        } else {
            (e.source.as_str(), e.target.as_str())
        };
        if me == other {
            continue;
        }
        links
            .entry(me)
            .or_default()
            .entry(other)
            .or_default()
            .extend(
                e.evidence
                    .iter()
                    .map(|(ev, _, _)| (ev.article.as_str(), ev.sentence)),
            );
    }
    let node = |id: &str| {
        view.node(id).map_or_else(
            || NodeRef {
                id: id.to_string(),
                kind: "",
                name: id.to_string(),
            },
            NodeRef::new,
        )
    };
    let mut out: Vec<Standing> = links
        .into_iter()
        .map(|(me, others)| {
            let all: BTreeSet<(&str, usize)> = others.values().flatten().copied().collect();
            let articles: BTreeSet<&str> = all.iter().map(|(d, _)| *d).collect();
            let mut top: Vec<Counterpart> = if ranking == Ranking::Quoted {
                Vec::new()
            } else {
                others
                    .iter()
                    .map(|(id, ev)| Counterpart {
                        node: node(id),
                        evidence: ev.len(),
                    })
                    .collect()
            };
            top.sort_by(|a, b| {
                b.evidence
                    .cmp(&a.evidence)
                    .then_with(|| a.node.name.cmp(&b.node.name))
                    .then_with(|| a.node.id.cmp(&b.node.id))
            });
            top.truncate(SHOWN);
            Standing {
                node: node(me),
                counterparts: others.len(),
                evidence: all.len(),
                articles: articles.len(),
                top,
            }
        })
        .filter(|s| ranking != Ranking::Quoted || s.node.kind != NodeKind::Statement.as_str())
        .collect();
    out.sort_by(|a, b| {
        b.counterparts
            .cmp(&a.counterparts)
            .then_with(|| b.evidence.cmp(&a.evidence))
            .then_with(|| a.node.name.cmp(&b.node.name))
            .then_with(|| a.node.id.cmp(&b.node.id))
    });
    out.truncate(n);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{EdgeKey, Evidence, Graph, RawNode, resolve};

    /// A view of people accusing each other: (accuser, accused, sentences, negated).
    fn accusations(list: &[(&str, &str, &[usize], bool)]) -> View {
        let mut g = Graph::default();
        for (a, b, sentences, negated) in list {
            for p in [a, b] {
                g.nodes
                    .entry(format!("person:{p}"))
                    .or_insert_with(|| RawNode {
                        kind: NodeKind::Person,
                        name: p.to_string(),
                        names: [p.to_string()].into(),
                        seen: [("d1".to_string(), 1)].into(),
                    });
            }
            let key = EdgeKey {
                source: format!("person:{a}"),
                kind: EdgeKind::Accused,
                target: format!("person:{b}"),
                negated: *negated,
            };
            for &s in *sentences {
                g.edges.entry(key.clone()).or_default().insert(Evidence {
                    article: "d1".into(),
                    sentence: s,
                    start: 0,
                    end: 1,
                    text: "x".into(),
                    cue: "accused".into(),
                    rule: String::new(),
                });
            }
        }
        resolve(&g)
    }

    fn names(s: &[Standing]) -> Vec<(&str, usize, usize)> {
        s.iter()
            .map(|s| (s.node.name.as_str(), s.counterparts, s.evidence))
            .collect()
    }

    #[test]
    fn counterparts_rank_before_evidence_and_denials_do_not_count() {
        let v = accusations(&[
            ("ann", "bob", &[1, 2, 3], false),
            ("cy", "dee", &[4], false),
            ("eve", "dee", &[5], false),
            ("ann", "dee", &[5], false),
            ("bob", "ann", &[6], true),
        ]);
        assert_eq!(
            names(&top(&v, Ranking::Accused, 10)),
            [("dee", 3, 2), ("bob", 1, 3)]
        );
        assert_eq!(
            names(&top(&v, Ranking::Accusers, 10)),
            [("ann", 2, 4), ("cy", 1, 1), ("eve", 1, 1)]
        );
        let dee = &top(&v, Ranking::Accused, 1)[0];
        let by: Vec<&str> = dee.top.iter().map(|c| c.node.name.as_str()).collect();
        assert_eq!(by, ["ann", "cy", "eve"]);
        assert_eq!(top(&v, Ranking::Accusers, 1).len(), 1);
        assert!(top(&v, Ranking::Cited, 10).is_empty());
    }

    #[test]
    fn quoted_counts_statements() {
        let v = crate::query::fixture::view();
        let q = top(&v, Ranking::Quoted, 10);
        assert_eq!(names(&q), [("Doe", 1, 1), ("John Doe", 1, 1)]);
        assert!(q[0].top.is_empty());
    }
}
