//! How two entities are connected: the shortest chain of edges between
//! them, walked in either direction (reachability is undirected) but
//! reported with each edge's real direction, or every simple chain up to a
//! length.
//!
//! Among chains of the same length, those through specific nodes come
//! before those through hubs: a chain costs the sum of the logarithms of
//! the degrees of the nodes it passes through, so a hop through "United
//! Kingdom" (hundreds of edges) costs more than one through a report two
//! people cite. [`without`] takes nodes out of the walk (`--avoid`).

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap, VecDeque};

use petgraph::algo::dijkstra;
use petgraph::graph::{NodeIndex, UnGraph};
use serde::{Serialize, Serializer};

use crate::graph::{EdgeKind, View};
use crate::query::{Articles, NodeRef, Place, index_by_id};

/// One step of a path: `from` is the end nearer the start of the path.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Hop {
    pub from: NodeRef,
    pub to: NodeRef,
    #[serde(serialize_with = "edge_kind")]
    pub kind: EdgeKind,
    pub negated: bool,
    /// True when the edge points from `from` to `to`; false for a hop taken
    /// against the edge (`from <-kind- to`).
    pub forward: bool,
    /// Where the edge was read, in (article, sentence) order.
    pub evidence: Vec<Place>,
}

fn edge_kind<S: Serializer>(kind: &EdgeKind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(kind.as_str())
}

/// A chain of hops; empty when the two ends are the same node.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Path {
    pub hops: Vec<Hop>,
}

/// The result of [`all_paths`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AllPaths {
    /// Shortest first, then through the least connected nodes (see the
    /// module docs), then in node-id order.
    pub paths: Vec<Path>,
    /// True when `limit` (or the search budget) cut the list short.
    pub truncated: bool,
    /// The work the search did: partial paths extended by one node, plus
    /// paths found. At most [`SEARCH_BUDGET`].
    pub searched: usize,
    /// True when the search stopped at [`SEARCH_BUDGET`] before it had seen
    /// every path up to `max_hops`: longer or later paths may exist.
    pub exhausted: bool,
}

/// How many steps ([`AllPaths::searched`]) [`all_paths`] takes at most,
/// whatever the limit: a hub-heavy graph has exponentially many simple
/// paths.
pub const SEARCH_BUDGET: usize = 1_000_000;

/// The view as an undirected petgraph: node weights are view node indices
/// (and petgraph indices equal them), edge weights view edge indices.
fn walk_graph(view: &View, via: Option<&BTreeSet<EdgeKind>>) -> UnGraph<usize, usize> {
    let index = index_by_id(view);
    let mut g = UnGraph::with_capacity(view.nodes.len(), view.edges.len());
    for i in 0..view.nodes.len() {
        g.add_node(i);
    }
    for (i, e) in view.edges.iter().enumerate() {
        if via.is_some_and(|v| !v.contains(&e.kind)) {
            continue;
        }
        if let (Some(&s), Some(&t)) = (index.get(e.source.as_str()), index.get(e.target.as_str())) {
            g.add_edge(NodeIndex::new(s), NodeIndex::new(t), i);
        }
    }
    g
}

/// What passing through `n` costs: the logarithm of its degree, so that a
/// chain's cost is that of the product of the degrees along it.
fn hub_cost(g: &UnGraph<usize, usize>, n: NodeIndex) -> f64 {
    (g.edges(n).count().max(1) as f64).ln()
}

/// The cost of a chain of nodes: that of its inner nodes.
fn chain_cost(g: &UnGraph<usize, usize>, seq: &[NodeIndex]) -> f64 {
    match seq {
        [_, inner @ .., _] => inner.iter().map(|&n| hub_cost(g, n)).sum(),
        _ => 0.0,
    }
}

/// The view without the nodes of `avoid` (ids) and the edges touching
/// them, for a path that must not pass through them: the view itself when
/// nothing is avoided (copying it took a quarter of `path`'s time on the
/// BBC graph), else O(N + E).
pub fn without<'v>(view: &'v View, avoid: &BTreeSet<String>) -> Cow<'v, View> {
    if avoid.is_empty() {
        return Cow::Borrowed(view);
    }
    Cow::Owned(View {
        articles: view.articles.clone(),
        nodes: view
            .nodes
            .iter()
            .filter(|n| !avoid.contains(&n.id))
            .cloned()
            .collect(),
        edges: view
            .edges
            .iter()
            .filter(|e| !avoid.contains(&e.source) && !avoid.contains(&e.target))
            .cloned()
            .collect(),
        ambiguous: view.ambiguous.clone(),
        corrections: view.corrections.clone(),
        extra: Default::default(),
    })
}

/// How many hops the shortest path from `from` to `to` has (over edges of
/// the kinds in `via`), or `None` when they are not connected: what to tell
/// a user whose `--max-hops` was too short. O((N + E) log N).
pub fn distance(
    view: &View,
    from: &str,
    to: &str,
    via: Option<&BTreeSet<EdgeKind>>,
) -> Option<usize> {
    let (start, goal) = (position(view, from)?, position(view, to)?);
    let g = walk_graph(view, via);
    dijkstra(&g, goal, Some(start), |_| 1usize)
        .get(&start)
        .copied()
}

/// Edges (view indices) joining two nodes, in view order.
fn joining(g: &UnGraph<usize, usize>, a: NodeIndex, b: NodeIndex) -> Vec<usize> {
    let mut edges: Vec<usize> = g.edges_connecting(a, b).map(|e| *e.weight()).collect();
    edges.sort_unstable();
    edges.dedup();
    edges
}

fn hop(view: &View, articles: &Articles, from: usize, to: usize, edge: usize) -> Hop {
    let e = &view.edges[edge];
    let mut evidence: Vec<Place> = e
        .evidence
        .iter()
        .map(|(ev, _, _)| articles.place(ev))
        .collect();
    evidence.sort();
    evidence.dedup();
    Hop {
        from: NodeRef::new(&view.nodes[from]),
        to: NodeRef::new(&view.nodes[to]),
        kind: e.kind,
        negated: e.negated,
        forward: e.source == view.nodes[from].id,
        evidence,
    }
}

fn position(view: &View, id: &str) -> Option<NodeIndex> {
    view.nodes
        .iter()
        .position(|n| n.id == id)
        .map(NodeIndex::new)
}

/// The shortest path from node `from` to node `to` (ids), over edges of the
/// kinds in `via` (all kinds when `None`), or `None` if there is none.
/// Among equally short paths the one through the least connected nodes
/// wins (the smallest sum of the logarithms of their degrees), then the
/// one through the smallest node ids, so the answer is deterministic.
///
/// O((N + E) log N): one Dijkstra with unit costs from `to`, the cheapest
/// way down the distances from every node, then a walk down them.
pub fn shortest_path(
    view: &View,
    from: &str,
    to: &str,
    via: Option<&BTreeSet<EdgeKind>>,
) -> Option<Path> {
    let (start, goal) = (position(view, from)?, position(view, to)?);
    let g = walk_graph(view, via);
    let dist = dijkstra(&g, goal, None, |_| 1usize);
    let mut left = *dist.get(&start)?;
    // cost[n]: the cheapest way from n down to the goal, nearest first.
    let mut order: Vec<(usize, NodeIndex)> = dist.iter().map(|(&n, &d)| (d, n)).collect();
    order.sort_unstable();
    let mut cost: HashMap<NodeIndex, f64> = HashMap::with_capacity(order.len());
    let step = |cost: &HashMap<NodeIndex, f64>, m: NodeIndex| -> f64 {
        let through = if m == goal { 0.0 } else { hub_cost(&g, m) };
        through + cost[&m]
    };
    for &(d, n) in &order {
        if d > left {
            break;
        }
        let c = if d == 0 {
            0.0
        } else {
            g.neighbors(n)
                .filter(|m| dist.get(m) == Some(&(d - 1)))
                .map(|m| step(&cost, m))
                .fold(f64::INFINITY, f64::min)
        };
        cost.insert(n, c);
    }
    let articles = Articles::new(view);
    let mut hops = Vec::with_capacity(left);
    let mut at = start;
    while left > 0 {
        let next = g
            .neighbors(at)
            .filter(|n| dist.get(n) == Some(&(left - 1)))
            .min_by(|&a, &b| step(&cost, a).total_cmp(&step(&cost, b)).then(a.cmp(&b)))
            .expect("a node at distance d > 0 has a neighbour at d - 1");
        let edge = joining(&g, at, next)[0];
        hops.push(hop(view, &articles, at.index(), next.index(), edge));
        at = next;
        left -= 1;
    }
    Some(Path { hops })
}

/// Hops from every node to `goal` (`usize::MAX`: unreachable), by
/// breadth-first search. O(N + E).
fn hops_to(adjacent: &[Vec<usize>], goal: usize) -> Vec<usize> {
    let mut dist = vec![usize::MAX; adjacent.len()];
    dist[goal] = 0;
    let mut queue = VecDeque::from([goal]);
    while let Some(at) = queue.pop_front() {
        for &n in &adjacent[at] {
            if dist[n] == usize::MAX {
                dist[n] = dist[at] + 1;
                queue.push_back(n);
            }
        }
    }
    dist
}

/// The depth-first search of [`all_paths`] for paths of exactly `len` hops.
struct Search<'a> {
    adjacent: &'a [Vec<usize>],
    dist: &'a [usize],
    goal: usize,
    len: usize,
    on_path: Vec<bool>,
    seq: Vec<usize>,
    searched: usize,
    exhausted: bool,
}

impl Search<'_> {
    /// Extend `seq` (ending at a node `seq.len() - 1` hops from the start)
    /// towards the goal, calling `found` with each complete node sequence,
    /// in lexicographic order; `found` returns false to stop. Returns false
    /// once the search must stop (the budget, or `found`).
    fn extend(&mut self, found: &mut dyn FnMut(&[usize]) -> bool) -> bool {
        let at = *self.seq.last().expect("the start is on the path");
        let depth = self.seq.len() - 1;
        for &n in &self.adjacent[at] {
            // A node that cannot reach the goal in the hops left is never
            // entered: between unconnected nodes nothing is searched.
            if self.on_path[n]
                || depth + 1 + self.dist[n] > self.len
                || (n == self.goal && depth + 1 != self.len)
            {
                continue;
            }
            if self.searched == SEARCH_BUDGET {
                self.exhausted = true;
                return false;
            }
            self.searched += 1;
            self.seq.push(n);
            let go_on = if n == self.goal {
                found(&self.seq)
            } else {
                self.on_path[n] = true;
                let go_on = self.extend(found);
                self.on_path[n] = false;
                go_on
            };
            self.seq.pop();
            if !go_on {
                return false;
            }
        }
        true
    }
}

/// Every simple path (no node twice) from `from` to `to` of at most
/// `max_hops` edges, shortest first, then in node-id order, at most `limit`
/// of them. Parallel edges between two nodes give distinct paths.
///
/// A breadth-first search first finds how far each node is from `to`, so
/// two unconnected nodes cost O(N + E) and no more, and no partial path is
/// extended through a node that cannot reach `to` in the hops left. The
/// enumeration itself can still be exponential in `max_hops` on a dense
/// graph; it stops after [`SEARCH_BUDGET`] steps and says so
/// ([`AllPaths::exhausted`]).
pub fn all_paths(
    view: &View,
    from: &str,
    to: &str,
    via: Option<&BTreeSet<EdgeKind>>,
    max_hops: usize,
    limit: usize,
) -> AllPaths {
    let mut out = AllPaths {
        paths: Vec::new(),
        truncated: false,
        searched: 0,
        exhausted: false,
    };
    let (Some(start), Some(goal)) = (position(view, from), position(view, to)) else {
        return out;
    };
    if start == goal {
        out.paths.push(Path { hops: Vec::new() });
        return out;
    }
    let g = walk_graph(view, via);
    // Neighbours in node-id order, each once: paths come out sorted.
    let adjacent: Vec<Vec<usize>> = g
        .node_indices()
        .map(|i| {
            let mut n: Vec<usize> = g.neighbors(i).map(|n| n.index()).collect();
            n.sort_unstable();
            n.dedup();
            n
        })
        .collect();
    let dist = hops_to(&adjacent, goal.index());
    let (start, goal) = (start.index(), goal.index());
    if dist[start] > max_hops {
        return out;
    }
    let articles = Articles::new(view);
    for len in dist[start]..=max_hops {
        let mut search = Search {
            adjacent: &adjacent,
            dist: &dist,
            goal,
            len,
            on_path: vec![false; adjacent.len()],
            seq: vec![start],
            searched: out.searched,
            exhausted: false,
        };
        search.on_path[start] = true;
        // The node sequences of this length, then through the least
        // connected nodes first.
        let mut seqs: Vec<Vec<usize>> = Vec::new();
        search.extend(&mut |seq| {
            seqs.push(seq.to_vec());
            true
        });
        let cost = |seq: &[usize]| {
            let nodes: Vec<NodeIndex> = seq.iter().map(|&n| NodeIndex::new(n)).collect();
            chain_cost(&g, &nodes)
        };
        let mut ranked: Vec<(f64, Vec<usize>)> = seqs.into_iter().map(|s| (cost(&s), s)).collect();
        ranked.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
        let mut full = false;
        for (_, seq) in &ranked {
            // Every choice of parallel edge along the sequence.
            let mut partial: Vec<Vec<Hop>> = vec![Vec::new()];
            for w in seq.windows(2) {
                let (a, b) = (NodeIndex::new(w[0]), NodeIndex::new(w[1]));
                let choices = joining(&g, a, b);
                let mut next = Vec::new();
                for p in &partial {
                    for &e in &choices {
                        let mut p = p.clone();
                        p.push(hop(view, &articles, w[0], w[1], e));
                        next.push(p);
                        if next.len() > limit {
                            break;
                        }
                    }
                }
                partial = next;
            }
            for hops in partial {
                if out.paths.len() == limit {
                    full = true;
                    break;
                }
                out.paths.push(Path { hops });
            }
            if full {
                break;
            }
        }
        out.searched = search.searched;
        if full || search.exhausted {
            out.truncated = true;
            out.exhausted = search.exhausted;
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::fixture;

    fn show(p: &Path) -> String {
        let mut s = p
            .hops
            .first()
            .map(|h| h.from.id.clone())
            .unwrap_or_default();
        for h in &p.hops {
            let k = h.kind.as_str();
            if h.forward {
                s += &format!(" -{k}-> {}", h.to.id);
            } else {
                s += &format!(" <-{k}- {}", h.to.id);
            }
        }
        s
    }

    #[test]
    fn shortest_path_reports_real_directions() {
        let v = fixture::view();
        let p = shortest_path(&v, "person:john-doe", "organization:un", None).unwrap();
        assert_eq!(
            show(&p),
            "person:john-doe -member_of-> nation:us -accused-> nation:china -member_of-> organization:un"
        );
        assert!(p.hops[1].negated);
        let back = shortest_path(&v, "organization:un", "person:john-doe", None).unwrap();
        assert_eq!(
            show(&back),
            "organization:un <-member_of- nation:china <-accused- nation:us <-member_of- person:john-doe"
        );
        assert_eq!(p.hops[0].evidence[0].article, "geneva-talks");
    }

    #[test]
    fn ties_break_on_smallest_node_id() {
        let v = fixture::view();
        // John Doe reaches China through nation:us or through his statement.
        let p = shortest_path(&v, "person:john-doe", "nation:china", None).unwrap();
        assert_eq!(
            show(&p),
            "person:john-doe -member_of-> nation:us -accused-> nation:china"
        );
    }

    #[test]
    fn via_restricts_edge_kinds() {
        let v = fixture::view();
        let via: BTreeSet<EdgeKind> = [EdgeKind::Said, EdgeKind::About].into();
        let p = shortest_path(&v, "person:john-doe", "nation:china", Some(&via)).unwrap();
        assert_eq!(
            show(&p),
            "person:john-doe -said-> statement:aaaa:1 -about-> nation:china"
        );
        assert!(shortest_path(&v, "person:john-doe", "organization:un", Some(&via)).is_none());
        assert!(shortest_path(&v, "person:doe", "nation:china", None).is_none());
        assert_eq!(
            shortest_path(&v, "nation:us", "nation:us", None)
                .unwrap()
                .hops
                .len(),
            0
        );
    }

    /// A view of the edges `(source, kind, target)` between persons.
    fn linked(edges: &[(&str, EdgeKind, &str)]) -> View {
        use crate::graph::{EdgeKey, Evidence, Graph, NodeKind, RawNode, resolve};
        let mut g = Graph::default();
        for (i, (a, kind, b)) in edges.iter().enumerate() {
            for p in [a, b] {
                g.nodes.entry(p.to_string()).or_insert_with(|| RawNode {
                    kind: NodeKind::Person,
                    name: p.to_string(),
                    names: [p.to_string()].into(),
                    seen: [("d1".to_string(), 1)].into(),
                });
            }
            let key = EdgeKey {
                source: a.to_string(),
                kind: *kind,
                target: b.to_string(),
                negated: false,
            };
            g.edges.entry(key).or_default().insert(Evidence {
                article: "d1".into(),
                sentence: i,
                start: 0,
                end: 1,
                text: "x".into(),
                cue: kind.as_str().into(),
                rule: String::new(),
            });
        }
        resolve(&g)
    }

    /// Ann and Bob both belong to a hub (five more members) and both cite a
    /// report; the hub's id sorts first.
    fn hub_and_report() -> View {
        use EdgeKind::*;
        let mut edges = vec![
            ("ann", MemberOf, "a-hub"),
            ("bob", MemberOf, "a-hub"),
            ("ann", Cites, "z-report"),
            ("bob", Cites, "z-report"),
        ];
        for m in ["m1", "m2", "m3", "m4", "m5"] {
            edges.push((m, MemberOf, "a-hub"));
        }
        linked(&edges)
    }

    #[test]
    fn equally_short_paths_prefer_specific_nodes_to_hubs() {
        let v = hub_and_report();
        let p = shortest_path(&v, "ann", "bob", None).unwrap();
        assert_eq!(show(&p), "ann -cites-> z-report <-cites- bob");
        let all = all_paths(&v, "ann", "bob", None, 2, 10);
        let shown: Vec<String> = all.paths.iter().map(show).collect();
        assert_eq!(
            shown,
            [
                "ann -cites-> z-report <-cites- bob",
                "ann -member_of-> a-hub <-member_of- bob"
            ]
        );
        // A shorter path through a hub still beats a longer one.
        let mut v = hub_and_report();
        v.edges
            .retain(|e| !(e.source == "bob" && e.target == "z-report"));
        v.edges.push(crate::graph::Edge {
            source: "m1".into(),
            ..v.edges[0].clone()
        });
        let p = shortest_path(&v, "ann", "bob", None).unwrap();
        assert_eq!(show(&p), "ann -member_of-> a-hub <-member_of- bob");
    }

    #[test]
    fn avoided_nodes_are_not_walked_and_distance_tells_the_shortest() {
        let v = hub_and_report();
        let avoid: BTreeSet<String> = ["z-report".to_string()].into();
        let p = shortest_path(&without(&v, &avoid), "ann", "bob", None).unwrap();
        assert_eq!(show(&p), "ann -member_of-> a-hub <-member_of- bob");
        let both: BTreeSet<String> = ["z-report".to_string(), "a-hub".to_string()].into();
        let cut = without(&v, &both);
        assert!(cut.node("a-hub").is_none());
        // avoiding nothing copies nothing
        assert!(matches!(without(&v, &BTreeSet::new()), Cow::Borrowed(w) if std::ptr::eq(w, &v)));
        assert!(shortest_path(&cut, "ann", "bob", None).is_none());
        assert_eq!(distance(&v, "ann", "bob", None), Some(2));
        assert_eq!(distance(&v, "ann", "m1", None), Some(2));
        assert_eq!(distance(&v, "ann", "ann", None), Some(0));
        assert_eq!(distance(&cut, "ann", "bob", None), None);
        assert!(all_paths(&v, "ann", "m1", None, 1, 10).paths.is_empty());
    }

    #[test]
    fn all_paths_lists_shortest_first_and_respects_limits() {
        let v = fixture::view();
        let all = all_paths(&v, "person:john-doe", "nation:china", None, 4, 10);
        let shown: Vec<String> = all.paths.iter().map(show).collect();
        assert_eq!(
            shown,
            [
                "person:john-doe -member_of-> nation:us -accused-> nation:china",
                "person:john-doe -said-> statement:aaaa:1 -about-> nation:china",
            ]
        );
        assert!(!all.truncated);
        let one = all_paths(&v, "person:john-doe", "nation:china", None, 4, 1);
        assert_eq!(one.paths.len(), 1);
        assert!(one.truncated);
        assert!(
            all_paths(&v, "person:john-doe", "nation:china", None, 1, 10)
                .paths
                .is_empty()
        );
    }

    #[test]
    fn all_paths_between_unconnected_nodes_searches_nothing() {
        let v = fixture::view();
        let via: BTreeSet<EdgeKind> = [EdgeKind::Said, EdgeKind::About].into();
        let none = all_paths(&v, "person:john-doe", "organization:un", Some(&via), 10, 50);
        assert!(none.paths.is_empty());
        assert_eq!(
            (none.searched, none.truncated, none.exhausted),
            (0, false, false)
        );
    }
}
