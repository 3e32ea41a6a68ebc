//! A graph file read as the resolved view it holds ([`super::read_view`]).
//!
//! newsgraph writes the view: every node under its resolved id with the raw
//! ids it folded (`members`) and its mentions (`seen`), every edge between
//! resolved ids with the raw ids of each evidence (`from`/`to`), and the
//! names left unfolded (`graph.ambiguous`). Resolving the raw graph read
//! back gives that view again, so this reads it as it stands, with the
//! checks and reasons of [`super::from_str`], in the order it makes them.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::Deserialize;

use super::{InEdge, InGraph, InMember, InNode, checked_evidence, field, head, name_of};
use crate::graph::{
    Ambiguity, EdgeKey, EdgeKind, Evidence, Fields, Node, NodeKind, RawNode, View, merge_fields,
};

#[derive(Deserialize)]
struct InAmbiguity {
    id: String,
    candidates: Vec<String>,
}

/// The names the file records as left unfolded, if the file holds a view
/// newsgraph resolved: every node has its `seen` (or `members`, each with
/// its own), and `graph.ambiguous`, when present, is well formed. `None`
/// means: resolve the raw graph instead.
pub(super) fn resolved(input: &InGraph) -> Option<Vec<Ambiguity>> {
    if !input
        .nodes
        .iter()
        .all(|n| n.members.is_some() || n.seen.is_some())
    {
        return None;
    }
    let stored = input.graph.as_ref().and_then(|m| m.ambiguous.as_ref());
    let mut ambiguous: Vec<Ambiguity> = match stored {
        None => Vec::new(),
        Some(value) => Vec::<InAmbiguity>::deserialize(value)
            .ok()?
            .into_iter()
            .map(|a| {
                let mut candidates = a.candidates;
                candidates.sort();
                candidates.dedup();
                Ambiguity {
                    id: a.id,
                    candidates,
                }
            })
            .collect(),
    };
    ambiguous.sort();
    ambiguous.dedup();
    Some(ambiguous)
}

/// The view a file holds (see the module docs); `ambiguous` from
/// [`resolved`].
pub(super) fn view(input: InGraph, ambiguous: Vec<Ambiguity>) -> Result<View, String> {
    let (graph, in_nodes, in_edges) = head(input)?;
    let mut extra = graph.extra;

    let mut ids: HashSet<String> = HashSet::with_capacity(in_nodes.len());
    let mut raw_ids: HashSet<String> = HashSet::with_capacity(in_nodes.len());
    let mut nodes: Vec<Node> = Vec::with_capacity(in_nodes.len());
    for (i, mut n) in in_nodes.into_iter().enumerate() {
        let id = match n.id.take() {
            Some(id) if !id.is_empty() => id,
            _ => return Err(format!("node {i}: missing id")),
        };
        if !ids.insert(id.clone()) {
            return Err(format!("duplicate node id {id}"));
        }
        let node = node(id, n, &mut extra.nodes)?;
        for m in &node.members {
            if !raw_ids.insert(m.clone()) {
                return Err(format!("duplicate raw id {m} (in node {})", node.id));
            }
        }
        nodes.push(sorted_members(node));
    }
    if !nodes.is_sorted_by(|a, b| a.id < b.id) {
        nodes.sort_by(|a, b| a.id.cmp(&b.id));
    }

    let edges = edges(in_edges, &nodes, &graph.articles, &mut extra.edges)?;
    let mut articles: Vec<_> = graph.articles.into_values().collect();
    articles.sort();
    Ok(View {
        articles,
        nodes,
        edges,
        ambiguous,
        extra,
        corrections: graph.corrections,
    })
}

/// One node, its members in the order written.
fn node(id: String, n: InNode, extra: &mut BTreeMap<String, Fields>) -> Result<Node, String> {
    if !n.extra.is_empty() {
        extra.insert(id.clone(), n.extra);
    }
    let kind_name = n.kind.ok_or_else(|| format!("node {id}: missing kind"))?;
    let kind = NodeKind::parse(&kind_name)
        .ok_or_else(|| format!("node {id}: unknown kind {kind_name:?}"))?;
    match n.members {
        Some(list) => folded(id, kind, list),
        None => {
            let name = name_of(kind, n.name, n.text)
                .ok_or_else(|| format!("node {id}: missing {}", field(kind)))?;
            // `resolved` saw it
            let counts = n.seen.unwrap_or_default();
            plain(id, kind, name, n.aliases, counts)
        }
    }
}

/// A node that is its only member.
fn plain(
    id: String,
    kind: NodeKind,
    name: String,
    aliases: Vec<String>,
    counts: BTreeMap<String, u64>,
) -> Result<Node, String> {
    let mut names = BTreeSet::new();
    if kind != NodeKind::Statement {
        names.extend(aliases);
        names.insert(name.clone());
    }
    let mut seen = BTreeMap::new();
    for (d, &c) in &counts {
        let c = u32::try_from(c).map_err(|_| format!("node {id}: count {c} for {d} too large"))?;
        seen.insert(d.clone(), c);
    }
    Ok(Node {
        kind,
        aliases: names.iter().filter(|a| **a != name).cloned().collect(),
        mentions: counts.values().sum(),
        articles: counts.keys().cloned().collect(),
        seen: counts,
        members: vec![id.clone()],
        raw: vec![RawNode {
            kind,
            name: name.clone(),
            names,
            seen,
        }],
        id,
        name,
    })
}

/// A node of several members: its name is its own member's, its aliases
/// and mentions those of all of them, as resolution made them.
fn folded(id: String, kind: NodeKind, list: Vec<InMember>) -> Result<Node, String> {
    if list.is_empty() {
        return Err(format!("node {id}: empty members"));
    }
    let mut members = Vec::with_capacity(list.len());
    let mut raw = Vec::with_capacity(list.len());
    for m in list {
        let mid =
            m.id.ok_or_else(|| format!("node {id}: member without id"))?;
        let name = name_of(kind, m.name, m.text)
            .ok_or_else(|| format!("node {id}: member {mid}: missing {}", field(kind)))?;
        let seen = m
            .seen
            .ok_or_else(|| format!("node {id}: member {mid}: missing seen"))?;
        members.push(mid);
        raw.push(RawNode {
            kind,
            name,
            names: m.names,
            seen,
        });
    }
    let head = members
        .iter()
        .position(|m| *m == id)
        .ok_or_else(|| format!("node {id}: not among its own members"))?;
    let name = raw[head].name.clone();
    let mut aliases = BTreeSet::new();
    let mut seen: BTreeMap<String, u64> = BTreeMap::new();
    for r in &raw {
        aliases.extend(r.names.iter().filter(|a| **a != name));
        for (d, &c) in &r.seen {
            *seen.entry(d.clone()).or_insert(0) += u64::from(c);
        }
    }
    Ok(Node {
        kind,
        aliases: aliases.into_iter().cloned().collect(),
        mentions: seen.values().sum(),
        articles: seen.keys().cloned().collect(),
        seen,
        members,
        raw,
        id,
        name,
    })
}

/// `members` and `raw` in member id order, as resolution gives them.
fn sorted_members(mut node: Node) -> Node {
    if node.members.len() > 1 && !node.members.is_sorted() {
        let mut pairs: Vec<(String, RawNode)> = node.members.into_iter().zip(node.raw).collect();
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        (node.members, node.raw) = pairs.into_iter().unzip();
    }
    node
}

type Key = (String, EdgeKind, String, bool);
type Placed = (Evidence, String, String);

/// The edges, checked as [`super::from_str`] checks them, in the view's
/// order: by (source, kind, target, negated), each evidence once per raw
/// ends and place (the smallest rule kept, as [`crate::graph::add_evidence`]
/// keeps it), sorted.
fn edges(
    in_edges: Vec<InEdge>,
    nodes: &[Node],
    articles: &BTreeMap<String, crate::graph::ArticleInfo>,
    extra: &mut BTreeMap<EdgeKey, Fields>,
) -> Result<Vec<crate::graph::Edge>, String> {
    let index: HashMap<&str, usize> = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let mut list: Vec<(Key, Vec<Placed>)> = Vec::with_capacity(in_edges.len());
    for (i, e) in in_edges.into_iter().enumerate() {
        let (Some(source), Some(target)) = (e.source, e.target) else {
            return Err(format!("edge {i}: missing source or target"));
        };
        let kind_name = e.kind.unwrap_or_default();
        let name = || format!("{source} -{kind_name}-> {target}");
        let kind = EdgeKind::parse(&kind_name)
            .ok_or_else(|| format!("edge {}: unknown kind {kind_name:?}", name()))?;
        let from_node = &nodes[*index
            .get(source.as_str())
            .ok_or_else(|| format!("edge {}: unknown source node {source}", name()))?];
        let to_node = &nodes[*index
            .get(target.as_str())
            .ok_or_else(|| format!("edge {}: unknown target node {target}", name()))?];
        let negated = e.negated.unwrap_or(false);
        if !e.extra.is_empty() {
            let key = EdgeKey {
                source: source.clone(),
                kind,
                target: target.clone(),
                negated,
            };
            merge_fields(extra.entry(key).or_default(), e.extra);
        }
        let mut evidence = Vec::with_capacity(e.evidence.0.len());
        for (j, ev) in e.evidence.0.into_iter().enumerate() {
            let (ev, from, to) = checked_evidence(
                ev,
                e.cue.as_ref(),
                || format!("edge {}: evidence {j}", name()),
                articles,
                (&source, |m| from_node.members.iter().any(|x| x == m)),
                (&target, |m| to_node.members.iter().any(|x| x == m)),
            )?;
            evidence.push((ev, from, to));
        }
        list.push(((source, kind, target, negated), evidence));
    }

    // One edge per key (a file edited by hand may write one twice).
    if !list.is_sorted_by(|a, b| a.0 < b.0) {
        list.sort_by(|a, b| a.0.cmp(&b.0));
        let mut merged: Vec<(Key, Vec<Placed>)> = Vec::with_capacity(list.len());
        for (key, evidence) in list {
            match merged.last_mut() {
                Some(last) if last.0 == key => last.1.extend(evidence),
                _ => merged.push((key, evidence)),
            }
        }
        list = merged;
    }
    Ok(list
        .into_iter()
        .map(|(key, evidence)| crate::graph::Edge::new(key, once_per_place(evidence)))
        .collect())
}

/// Sorted, one evidence per raw ends and place: the smallest by rule, as
/// [`crate::graph::add_evidence`] chooses.
fn once_per_place(mut evidence: Vec<Placed>) -> Vec<Placed> {
    if !evidence.is_sorted() {
        evidence.sort();
    }
    fn place(e: &Placed) -> (&str, usize, usize, usize) {
        (&e.0.article, e.0.sentence, e.0.start, e.0.end)
    }
    if evidence.windows(2).all(|w| place(&w[0]) != place(&w[1])) {
        return evidence;
    }
    // Entries of one place are adjacent (the place leads the order).
    let mut keep = vec![true; evidence.len()];
    let mut run = 0;
    while run < evidence.len() {
        let end = run
            + evidence[run..]
                .iter()
                .take_while(|e| place(e) == place(&evidence[run]))
                .count();
        for i in run..end {
            let (ev, from, to) = &evidence[i];
            let better = (run..end).any(|j| {
                let (other, f, t) = &evidence[j];
                j != i && f == from && t == to && (other.preference(), j) < (ev.preference(), i)
            });
            if better {
                keep[i] = false;
            }
        }
        run = end;
    }
    let mut keep = keep.into_iter();
    evidence.retain(|_| keep.next().unwrap_or(true));
    evidence
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::super::{from_str, read_view, to_string};
    use crate::graph::{Correction, Graph, merge_all, resolve, testgen};

    /// Two articles whose surnames fold into full names: nodes of several
    /// members, evidence read under other ids.
    fn folded() -> Graph {
        merge_all([
            testgen::article_graph(&testgen::ArticleSpec::example(), 0, 0),
            testgen::article_graph(&testgen::ArticleSpec::example_full_names(), 1, 0),
        ])
    }

    /// What resolving the raw graph of a file gives, or its error.
    fn resolved_again(json: &str) -> Result<crate::graph::View, String> {
        from_str(json).map(|g| resolve(&g))
    }

    #[test]
    fn a_written_view_reads_back_as_it_was_resolved() {
        let g = folded();
        let view = resolve(&g);
        assert!(view.nodes.iter().any(|n| n.members.len() > 1));
        assert!(view.edges.iter().any(|e| {
            e.evidence
                .iter()
                .any(|(_, f, t)| *f != e.source || *t != e.target)
        }));
        let json = to_string(&view);
        assert_eq!(read_view(&json), Ok(view));
        assert_eq!(
            read_view(&to_string(&resolve(&Graph::default()))),
            Ok(resolve(&Graph::default()))
        );
    }

    /// A graph resolved with corrections by hand stores them; its view
    /// reads back with them.
    #[test]
    fn a_corrected_view_reads_back() {
        let mut g = folded();
        let plain = resolve(&g);
        let persons: Vec<&str> = plain
            .nodes
            .iter()
            .filter(|n| n.kind == crate::graph::NodeKind::Person)
            .map(|n| n.name.as_str())
            .collect();
        g.corrections
            .insert(Correction::Drop(persons[0].to_string()));
        let view = resolve(&g);
        assert_ne!(view, plain);
        assert!(!view.corrections.is_empty());
        assert_eq!(read_view(&to_string(&view)), Ok(view));
    }

    /// A file another tool wrote (no `seen`) is resolved: its surname folds
    /// into the full name, as `merge` would fold it.
    #[test]
    fn a_file_without_newsgraph_fields_is_resolved() {
        let json = r#"{"directed": true, "multigraph": true,
          "graph": {"format": "newsgraph/1", "articles": [{"id": "a", "digest": "d1"}]},
          "nodes": [{"id": "person:jo-roe", "kind": "person", "name": "Jo Roe", "aliases": [], "mentions": 2},
                    {"id": "person:roe", "kind": "person", "name": "Roe", "aliases": [], "mentions": 1},
                    {"id": "statement:d1:1", "kind": "statement", "text": "It will rain"}],
          "edges": [{"source": "person:roe", "target": "statement:d1:1", "kind": "said", "cue": "said",
                     "negated": false, "evidence": [{"article": "d1", "sentence": 0, "start": 0, "end": 4, "text": "Roe "}]}]}"#;
        let view = read_view(json).unwrap();
        assert_eq!(Ok(&view), resolved_again(json).as_ref());
        assert!(view.node("person:roe").is_none(), "{:?}", view.nodes);
        assert_eq!(view.edges[0].source, "person:jo-roe");
    }

    /// A damaged `graph.ambiguous` (which reading a raw graph ignores) is
    /// recomputed, not trusted.
    #[test]
    fn a_damaged_ambiguous_list_is_recomputed() {
        let view = resolve(&folded());
        let mut v: serde_json::Value = serde_json::from_str(&to_string(&view)).unwrap();
        v["graph"]["ambiguous"] = serde_json::json!([{"id": 7}]);
        assert_eq!(read_view(&v.to_string()), Ok(view));
    }

    /// What a hand edit may leave: an edge written twice, one sentence twice
    /// under two rules, nodes and members out of order. Read as resolving
    /// the raw graph reads them.
    #[test]
    fn hand_edits_read_as_resolving_reads_them() {
        let view = resolve(&folded());
        let mut v: serde_json::Value = serde_json::from_str(&to_string(&view)).unwrap();
        let edge = v["edges"][0].clone();
        let mut twice = edge.clone();
        twice["evidence"][0]["rule"] = "aaa.first-rule".into();
        v["edges"].as_array_mut().unwrap().push(twice);
        v["nodes"].as_array_mut().unwrap().reverse();
        for n in v["nodes"].as_array_mut().unwrap() {
            if let Some(m) = n.get_mut("members").and_then(|m| m.as_array_mut()) {
                m.reverse();
            }
        }
        let json = v.to_string();
        let read = read_view(&json).unwrap();
        assert_eq!(Ok(&read), resolved_again(&json).as_ref());
        assert_eq!(read.edges.len(), view.edges.len());
        assert_eq!(read.edges[0].evidence[0].0.rule, "aaa.first-rule");
    }

    /// Each defect is refused with the reason reading the raw graph gives.
    #[test]
    fn bad_files_are_refused_with_the_same_reason() {
        let good: serde_json::Value =
            serde_json::from_str(&to_string(&resolve(&folded()))).unwrap();
        let folded_at = good["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .position(|n| n.get("members").is_some())
            .unwrap();
        type Edit = Box<dyn Fn(&mut serde_json::Value)>;
        let edits: Vec<Edit> = vec![
            Box::new(|v| v["graph"]["format"] = "newsgraph/2".into()),
            Box::new(|v| v["graph"]["articles"][0]["digest"] = "".into()),
            Box::new(|v| v["nodes"][0]["kind"] = "planet".into()),
            Box::new(|v| v["nodes"][0]["id"] = "".into()),
            Box::new(|v| v["nodes"][1]["id"] = v["nodes"][0]["id"].clone()),
            Box::new(|v| v["nodes"][0]["seen"] = serde_json::json!({"x": 5_000_000_000u64})),
            Box::new(move |v| v["nodes"][folded_at]["members"] = serde_json::json!([])),
            Box::new(move |v| v["nodes"][folded_at]["members"][0]["id"] = "person:nobody".into()),
            Box::new(move |v| {
                let id = v["nodes"][0]["id"].clone();
                v["nodes"][folded_at]["members"][0]["id"] = id;
            }),
            Box::new(|v| v["edges"][0]["target"] = "nation:atlantis".into()),
            Box::new(|v| v["edges"][0]["kind"] = "sued".into()),
            Box::new(|v| v["edges"][0]["evidence"][0]["end"] = 0.into()),
            Box::new(|v| v["edges"][0]["evidence"][0]["end"] = 100000.into()),
            Box::new(|v| v["edges"][0]["evidence"][0]["article"] = "ffff".into()),
            Box::new(|v| v["edges"][0]["evidence"][0]["from"] = "person:nobody".into()),
        ];
        for (i, edit) in edits.iter().enumerate() {
            let mut v = good.clone();
            edit(&mut v);
            let json = v.to_string();
            let want = from_str(&json).err();
            assert!(want.is_some(), "edit {i} should be refused");
            assert_eq!(read_view(&json).err(), want, "edit {i}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        /// Reading the view a graph file holds gives what resolving the raw
        /// graph it holds gives: the view it was written from.
        #[test]
        fn reading_the_view_is_resolving_the_graph(g in testgen::graph()) {
            let view = resolve(&g);
            let json = to_string(&view);
            prop_assert_eq!(read_view(&json), Ok(view));
        }

        /// A damaged file (a byte cut out or changed) is refused by both
        /// readers or by neither, for the same reason.
        #[test]
        fn damaged_files_are_refused_alike(g in testgen::graph(), at in any::<prop::sample::Index>(), byte in any::<u8>(), cut in any::<bool>()) {
            let mut bytes = to_string(&resolve(&g)).into_bytes();
            let i = at.index(bytes.len());
            if cut {
                bytes.truncate(i);
            } else {
                bytes[i] = byte;
            }
            if let Ok(text) = String::from_utf8(bytes) {
                prop_assert_eq!(read_view(&text).err(), from_str(&text).err());
            }
        }
    }
}
