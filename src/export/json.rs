//! The JSON format of GRAPH-FORMAT.md (`newsgraph/1`), written from a
//! resolved [`View`] and read back into the raw [`Graph`] it came from.
//!
//! Beyond the fields the format requires, every node carries `articles`
//! (how many articles it was seen in) and `seen` (mentions per article
//! digest); a node that folded several raw ids lists them in `members`, each
//! with its own name(s) and `seen`. Each evidence names the extraction
//! `rule` that made the edge from its sentence (absent in graphs written
//! before rules were recorded, and read as unknown). Evidence read under raw ids other than
//! the edge's ends names them in `from`/`to`. With these, [`from_str`]
//! rebuilds the raw graph exactly, so a graph file can be merged with new
//! articles and resolved again without losing anything. Edges carry a
//! networkx multigraph `key` (`said`, or `said:negated`), unique per
//! (source, target). `graph.ambiguous` lists the names left unfolded
//! (omitted when there are none); it is derived, so reading ignores it.
//! `graph.corrections` holds the corrections by hand the view was resolved
//! with (`{"same": [[A, B]], "not": [[NAME, ALIAS]], "drop": [NAME]}`,
//! omitted when there are none); reading keeps them, so a later merge
//! applies them again.
//!
//! The output is pretty-printed (two-space indent), with fields in a fixed
//! order and a final newline: the same view always gives the same bytes.
//!
//! Fields this module does not know, at the top level, in `graph`, in an
//! article, a node or an edge, are kept ([`crate::graph::Extra`]) and
//! written back after the known ones, in name order: GRAPH-FORMAT.md allows
//! them, and a rewrite must not drop what another tool added. (Inside
//! `members` and `evidence`, which are ours, they are not kept.)

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

use serde::de::{self, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::graph::{
    ArticleInfo, Correction, Edge, EdgeKey, EdgeKind, Evidence, Fields, Graph, Node, NodeKind,
    RawNode, View, add_evidence, merge_fields,
};

mod stored;

/// No unknown fields.
static NONE: Fields = BTreeMap::new();

/// The unknown fields of raw nodes and edges, moved to the resolved node or
/// edge their raw ids now belong to.
#[derive(Default)]
struct Placed {
    nodes: HashMap<String, Fields>,
    edges: HashMap<(String, EdgeKind, String, bool), Fields>,
}

impl Placed {
    fn new(view: &View) -> Placed {
        let mut placed = Placed::default();
        if view.extra.nodes.is_empty() && view.extra.edges.is_empty() {
            return placed;
        }
        let owner: HashMap<&str, &str> = view
            .nodes
            .iter()
            .flat_map(|n| n.members.iter().map(|m| (m.as_str(), n.id.as_str())))
            .collect();
        for (raw, fields) in &view.extra.nodes {
            if let Some(id) = owner.get(raw.as_str()) {
                merge_fields(
                    placed.nodes.entry(id.to_string()).or_default(),
                    fields.clone(),
                );
            }
        }
        for (key, fields) in &view.extra.edges {
            if let (Some(s), Some(t)) = (
                owner.get(key.source.as_str()),
                owner.get(key.target.as_str()),
            ) {
                let at = (s.to_string(), key.kind, t.to_string(), key.negated);
                merge_fields(placed.edges.entry(at).or_default(), fields.clone());
            }
        }
        placed
    }
}

/// The value of `graph.format` this module writes and accepts.
pub const FORMAT: &str = "newsgraph/1";

/// Write a view as newsgraph JSON.
pub fn to_string(view: &View) -> String {
    let mut out = Vec::new();
    write(view, &mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Write a view as newsgraph JSON to `w`: the bytes of [`to_string`],
/// without holding them all in memory. `w` should be buffered.
///
/// Nodes and edges are serialised in parallel (on the current rayon pool),
/// a window of them at a time, each on its own and then indented to its
/// place in the document. That gives the bytes of serialising the whole
/// document at once, because the pretty printer's output for a value
/// depends only on its nesting depth, and JSON strings hold no raw line
/// break to be indented by mistake.
pub fn write<W: std::io::Write + Send>(view: &View, mut w: W) -> std::io::Result<()> {
    let placed = Placed::new(view);
    let frame = out_graph(view, &placed, false);
    let head = serde_json::to_vec_pretty(&frame).map_err(std::io::Error::from)?;
    const NODES: &[u8] = b"\n  \"nodes\": []";
    const EDGES: &[u8] = b"\n  \"edges\": []";
    let find = |needle: &[u8]| {
        head.windows(needle.len())
            .position(|w| w == needle)
            .map(|i| i + needle.len() - 1)
            .expect("the frame holds the empty arrays")
    };
    let (nodes_at, edges_at) = (find(NODES), find(EDGES));
    w.write_all(&head[..nodes_at])?;
    elements(
        &view.nodes,
        |n, buf| pretty(&out_node_placed(n, &placed), buf),
        &mut w,
    )?;
    w.write_all(&head[nodes_at..edges_at])?;
    elements(
        &view.edges,
        |e, buf| pretty(&out_edge(e, &placed), buf),
        &mut w,
    )?;
    w.write_all(&head[edges_at..])?;
    w.write_all(b"\n")
}

fn pretty(value: &impl Serialize, buf: &mut Vec<u8>) {
    serde_json::to_writer_pretty(buf, value).expect("serialising plain data cannot fail");
}

/// Elements serialised at a time by [`write`], at most.
const WINDOW: usize = 2048;

/// The elements of a top-level array of the pretty document, from its `[`
/// (already written) to before its `]`: each on a line of its own at depth
/// 2, then the line break and indent of the closing bracket.
fn elements<T: Sync>(
    items: &[T],
    out: impl Fn(&T, &mut Vec<u8>) + Sync,
    w: &mut (impl std::io::Write + Send),
) -> std::io::Result<()> {
    use rayon::prelude::{IndexedParallelIterator, ParallelIterator, ParallelSlice};
    let render = |k: usize, window: &[T]| -> Vec<Vec<u8>> {
        window
            .par_chunks(128)
            .enumerate()
            .map(|(c, chunk)| {
                let mut buf = Vec::new();
                let mut one = Vec::new();
                for (j, item) in chunk.iter().enumerate() {
                    let first = k == 0 && c == 0 && j == 0;
                    buf.extend_from_slice(if first { b"\n    " } else { b",\n    " });
                    one.clear();
                    out(item, &mut one);
                    for (i, line) in one.split(|&b| b == b'\n').enumerate() {
                        if i > 0 {
                            buf.extend_from_slice(b"\n    ");
                        }
                        buf.extend_from_slice(line);
                    }
                }
                buf
            })
            .collect()
    };
    // Each window is written while the next one is made.
    let mut pending: Vec<Vec<u8>> = Vec::new();
    for (k, window) in items.chunks(WINDOW).enumerate() {
        let (written, parts) = rayon::join(
            || pending.iter().try_for_each(|p| w.write_all(p)),
            || render(k, window),
        );
        written?;
        pending = parts;
    }
    for p in &pending {
        w.write_all(p)?;
    }
    if !items.is_empty() {
        w.write_all(b"\n  ")?;
    }
    Ok(())
}

/// Write a view as newsgraph JSON on one line (no line break inside, a
/// final newline): a JSON line, which `from_str` reads back like the
/// pretty form. `w` should be buffered.
pub fn write_line<W: std::io::Write>(view: &View, mut w: W) -> std::io::Result<()> {
    let placed = Placed::new(view);
    serde_json::to_writer(&mut w, &out_graph(view, &placed, true)).map_err(std::io::Error::from)?;
    w.write_all(b"\n")
}

/// The document; with `whole` false, without its nodes and edges.
fn out_graph<'a>(view: &'a View, placed: &'a Placed, whole: bool) -> OutGraph<'a> {
    let all = if whole { usize::MAX } else { 0 };
    OutGraph {
        directed: true,
        multigraph: true,
        graph: OutMeta {
            format: FORMAT,
            articles: view
                .articles
                .iter()
                .map(|a| out_article(a, view.extra.articles.get(&a.digest).unwrap_or(&NONE)))
                .collect(),
            ambiguous: view
                .ambiguous
                .iter()
                .map(|a| OutAmbiguity {
                    id: &a.id,
                    candidates: &a.candidates,
                })
                .collect(),
            extra: &view.extra.graph,
            corrections: (!view.corrections.is_empty()).then(|| OutCorrections {
                same: view
                    .corrections
                    .same
                    .iter()
                    .map(|(a, b)| [a.as_str(), b.as_str()])
                    .collect(),
                not: view
                    .corrections
                    .not
                    .iter()
                    .map(|(a, b)| [a.as_str(), b.as_str()])
                    .collect(),
                drop: view.corrections.drop.iter().map(String::as_str).collect(),
            }),
        },
        nodes: view
            .nodes
            .iter()
            .take(all)
            .map(|n| out_node_placed(n, placed))
            .collect(),
        edges: view
            .edges
            .iter()
            .take(all)
            .map(|e| out_edge(e, placed))
            .collect(),
        extra: &view.extra.top,
    }
}

fn out_node_placed<'a>(n: &'a Node, placed: &'a Placed) -> OutNode<'a> {
    let extra = if placed.nodes.is_empty() {
        &NONE
    } else {
        placed.nodes.get(&n.id).unwrap_or(&NONE)
    };
    out_node(n, extra)
}

fn out_edge<'a>(e: &'a Edge, placed: &'a Placed) -> OutEdge<'a> {
    OutEdge {
        source: &e.source,
        target: &e.target,
        key: if e.negated {
            format!("{}:negated", e.kind.as_str())
        } else {
            e.kind.as_str().to_string()
        },
        kind: e.kind.as_str(),
        cue: &e.cue,
        negated: e.negated,
        evidence: e
            .evidence
            .iter()
            .map(|(ev, from, to)| OutEvidence {
                article: &ev.article,
                sentence: ev.sentence,
                start: ev.start,
                end: ev.end,
                text: &ev.text,
                cue: &ev.cue,
                rule: &ev.rule,
                from: (*from != e.source).then_some(from.as_str()),
                to: (*to != e.target).then_some(to.as_str()),
            })
            .collect(),
        extra: if placed.edges.is_empty() {
            &NONE
        } else {
            placed
                .edges
                .get(&(e.source.clone(), e.kind, e.target.clone(), e.negated))
                .unwrap_or(&NONE)
        },
    }
}

/// Read newsgraph JSON back into the raw graph it was written from. The
/// error is the reason only, naming the offending article, node or edge;
/// the caller adds the file name.
pub fn from_str(json: &str) -> Result<Graph, String> {
    raw_graph(parse(json)?)
}

/// Read newsgraph JSON as the resolved view it holds, without resolving
/// again: a file newsgraph wrote is resolved already, so this gives what
/// [`crate::graph::resolve`] of [`from_str`] would give, in a fraction of
/// the time, and refuses what [`from_str`] refuses with the same reason.
/// A file without newsgraph's own fields (a node without `seen`, as another
/// tool may write it) or with a damaged `graph.ambiguous` is read with
/// [`from_str`] and resolved.
pub fn read_view(json: &str) -> Result<View, String> {
    let input = parse(json)?;
    match stored::resolved(&input) {
        Some(ambiguous) => stored::view(input, ambiguous),
        None => Ok(crate::graph::into_view(raw_graph(input)?)),
    }
}

fn parse(json: &str) -> Result<InGraph, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

/// What every graph file holds beside its nodes and edges, read and
/// checked: the articles, the corrections and the unknown fields (in a
/// graph with no nodes or edges yet), and the nodes and edges as read.
fn head(input: InGraph) -> Result<(Graph, Vec<InNode>, Vec<InEdge>), String> {
    let meta = input.graph.ok_or("missing graph")?;
    let mut graph = Graph::default();
    graph.extra.top = input.extra;
    graph.extra.graph = meta.extra;
    match meta.format.as_deref() {
        None => return Err("missing graph.format".to_string()),
        Some(FORMAT) => {}
        Some(other) => {
            return Err(format!(
                "unsupported graph.format {other:?} (expected {FORMAT:?})"
            ));
        }
    }

    if let Some(c) = meta.corrections {
        for [a, b] in c.same {
            graph.corrections.insert(Correction::Same(a, b));
        }
        for [a, b] in c.not {
            graph.corrections.insert(Correction::Not(a, b));
        }
        for a in c.drop {
            graph.corrections.insert(Correction::Drop(a));
        }
        if let Some((same, not)) = graph.corrections.contradiction() {
            return Err(format!("graph.corrections: {not} contradicts {same}"));
        }
    }
    for (i, a) in meta.articles.into_iter().enumerate() {
        let digest = a
            .digest
            .filter(|d| !d.is_empty())
            .ok_or_else(|| format!("article {i}: missing digest"))?;
        let id =
            a.id.ok_or_else(|| format!("article {digest}: missing id"))?;
        if graph.articles.contains_key(&digest) {
            return Err(format!("duplicate article digest {digest}"));
        }
        if !a.extra.is_empty() {
            graph.extra.articles.insert(digest.clone(), a.extra);
        }
        let info = ArticleInfo {
            id,
            digest: digest.clone(),
            title: a.title,
            source: a.source,
            dateline: a.dateline,
            date: a.date,
        };
        graph.articles.insert(digest, info);
    }
    Ok((graph, input.nodes, input.edges))
}

/// The raw graph a file holds.
fn raw_graph(input: InGraph) -> Result<Graph, String> {
    let (mut graph, nodes, edges) = head(input)?;
    // Resolved id -> its raw members.
    let mut members: HashMap<String, BTreeSet<String>> = HashMap::new();
    for (i, n) in nodes.into_iter().enumerate() {
        let id =
            n.id.filter(|s| !s.is_empty())
                .ok_or_else(|| format!("node {i}: missing id"))?;
        if members.contains_key(&id) {
            return Err(format!("duplicate node id {id}"));
        }
        if !n.extra.is_empty() {
            graph.extra.nodes.insert(id.clone(), n.extra);
        }
        let kind_name = n.kind.ok_or_else(|| format!("node {id}: missing kind"))?;
        let kind = NodeKind::parse(&kind_name)
            .ok_or_else(|| format!("node {id}: unknown kind {kind_name:?}"))?;
        let raws: Vec<(String, RawNode)> = match n.members {
            Some(list) => {
                if list.is_empty() {
                    return Err(format!("node {id}: empty members"));
                }
                let mut raws = Vec::with_capacity(list.len());
                for m in list {
                    let mid =
                        m.id.ok_or_else(|| format!("node {id}: member without id"))?;
                    let name = name_of(kind, m.name, m.text).ok_or_else(|| {
                        format!("node {id}: member {mid}: missing {}", field(kind))
                    })?;
                    let seen = m
                        .seen
                        .ok_or_else(|| format!("node {id}: member {mid}: missing seen"))?;
                    let node = RawNode {
                        kind,
                        name,
                        names: m.names,
                        seen,
                    };
                    raws.push((mid, node));
                }
                if !raws.iter().any(|(m, _)| *m == id) {
                    return Err(format!("node {id}: not among its own members"));
                }
                raws
            }
            None => {
                let name = name_of(kind, n.name, n.text)
                    .ok_or_else(|| format!("node {id}: missing {}", field(kind)))?;
                let mut names = BTreeSet::new();
                if kind != NodeKind::Statement {
                    names.extend(n.aliases);
                    names.insert(name.clone());
                }
                // `seen` is ours, not the contract's: a graph written by someone else may
                // leave it out, and then its mentions count in its first article
                let counts = match n.seen {
                    Some(seen) => seen,
                    None => graph
                        .articles
                        .keys()
                        .next()
                        .map(|d| BTreeMap::from([(d.clone(), n.mentions.unwrap_or(1))]))
                        .unwrap_or_default(),
                };
                let mut seen = BTreeMap::new();
                for (d, c) in counts {
                    let c = u32::try_from(c)
                        .map_err(|_| format!("node {id}: count {c} for {d} too large"))?;
                    seen.insert(d, c);
                }
                let node = RawNode {
                    kind,
                    name,
                    names,
                    seen,
                };
                vec![(id.clone(), node)]
            }
        };
        let mut ids = BTreeSet::new();
        for (mid, raw) in raws {
            if graph.nodes.contains_key(&mid) {
                return Err(format!("duplicate raw id {mid} (in node {id})"));
            }
            ids.insert(mid.clone());
            graph.nodes.insert(mid, raw);
        }
        members.insert(id, ids);
    }

    for (i, e) in edges.into_iter().enumerate() {
        let (Some(source), Some(target)) = (e.source, e.target) else {
            return Err(format!("edge {i}: missing source or target"));
        };
        let kind_name = e.kind.unwrap_or_default();
        let name = format!("{source} -{kind_name}-> {target}");
        let kind = EdgeKind::parse(&kind_name)
            .ok_or_else(|| format!("edge {name}: unknown kind {kind_name:?}"))?;
        let from_members = members
            .get(&source)
            .ok_or_else(|| format!("edge {name}: unknown source node {source}"))?;
        let to_members = members
            .get(&target)
            .ok_or_else(|| format!("edge {name}: unknown target node {target}"))?;
        let negated = e.negated.unwrap_or(false);
        if !e.extra.is_empty() {
            let key = EdgeKey {
                source: source.clone(),
                kind,
                target: target.clone(),
                negated,
            };
            merge_fields(graph.extra.edges.entry(key).or_default(), e.extra);
        }
        if e.evidence.0.is_empty() {
            let key = EdgeKey {
                source: source.clone(),
                kind,
                target: target.clone(),
                negated,
            };
            graph.edges.entry(key).or_default();
        }
        for (j, ev) in e.evidence.0.into_iter().enumerate() {
            let (ev, from, to) = checked_evidence(
                ev,
                e.cue.as_ref(),
                || format!("edge {name}: evidence {j}"),
                &graph.articles,
                (&source, |m| from_members.contains(m)),
                (&target, |m| to_members.contains(m)),
            )?;
            let key = EdgeKey {
                source: from,
                kind,
                target: to,
                negated,
            };
            add_evidence(graph.edges.entry(key).or_default(), ev);
        }
    }
    Ok(graph)
}

/// The field a node's words go in: `text` for a statement, else `name`.
fn field(kind: NodeKind) -> &'static str {
    if kind == NodeKind::Statement {
        "text"
    } else {
        "name"
    }
}

fn name_of(kind: NodeKind, name: Option<String>, text: Option<String>) -> Option<String> {
    if kind == NodeKind::Statement {
        text
    } else {
        name
    }
}

/// One evidence of an edge as a file gives it, checked: a known article, a
/// range that fits its text, and raw endpoints (the edge's own nodes when
/// not given) among the members of the edge's nodes, each given as its id
/// and a test of membership. `at` names the evidence in errors.
fn checked_evidence(
    ev: InEvidence,
    edge_cue: Option<&String>,
    at: impl Fn() -> String,
    articles: &BTreeMap<String, ArticleInfo>,
    (source, is_source_member): (&str, impl Fn(&str) -> bool),
    (target, is_target_member): (&str, impl Fn(&str) -> bool),
) -> Result<(Evidence, String, String), String> {
    let article = ev
        .article
        .ok_or_else(|| format!("{}: missing article", at()))?;
    if !articles.contains_key(&article) {
        return Err(format!("{}: unknown article {article}", at()));
    }
    let cue = ev.cue.or_else(|| edge_cue.cloned()).unwrap_or_default();
    let (Some(sentence), Some(start), Some(end), Some(text)) =
        (ev.sentence, ev.start, ev.end, ev.text)
    else {
        return Err(format!("{}: needs sentence, start, end and text", at()));
    };
    if start > end {
        return Err(format!("{}: bad range {start}..{end}", at()));
    }
    if end - start != text.len() {
        return Err(format!(
            "{}: range {start}..{end} does not fit a text of {} bytes",
            at(),
            text.len()
        ));
    }
    let from = ev.from.unwrap_or_else(|| source.to_string());
    let to = ev.to.unwrap_or_else(|| target.to_string());
    if !is_source_member(&from) {
        return Err(format!("{}: {from} is not a member of {source}", at()));
    }
    if !is_target_member(&to) {
        return Err(format!("{}: {to} is not a member of {target}", at()));
    }
    let ev = Evidence {
        article,
        sentence,
        start,
        end,
        text,
        cue,
        rule: ev.rule.unwrap_or_default(),
    };
    Ok((ev, from, to))
}

fn out_article<'a>(a: &'a ArticleInfo, extra: &'a Fields) -> OutArticle<'a> {
    OutArticle {
        extra,
        id: &a.id,
        digest: &a.digest,
        title: a.title.as_deref(),
        source: a.source.as_deref(),
        dateline: a.dateline.as_deref(),
        date: a.date.as_deref(),
    }
}

fn out_node<'a>(n: &'a Node, extra: &'a Fields) -> OutNode<'a> {
    let statement = n.kind == NodeKind::Statement;
    // A single raw member is written as the node itself when the node's
    // fields say all there is to know about it.
    let plain = match n.raw.as_slice() {
        [raw] if statement => raw.names.is_empty(),
        [raw] => raw.names.contains(&raw.name),
        _ => false,
    };
    let members = (!plain).then(|| {
        n.members
            .iter()
            .zip(&n.raw)
            .map(|(id, raw)| OutMember {
                id,
                name: (!statement).then_some(raw.name.as_str()),
                text: statement.then_some(raw.name.as_str()),
                names: (!statement || !raw.names.is_empty()).then_some(&raw.names),
                seen: &raw.seen,
            })
            .collect()
    });
    OutNode {
        id: &n.id,
        kind: n.kind.as_str(),
        name: (!statement).then_some(n.name.as_str()),
        text: statement.then_some(n.name.as_str()),
        aliases: (!statement).then_some(n.aliases.as_slice()),
        mentions: n.mentions,
        articles: n.articles.len(),
        seen: &n.seen,
        members,
        extra,
    }
}

#[derive(Serialize)]
struct OutGraph<'a> {
    directed: bool,
    multigraph: bool,
    graph: OutMeta<'a>,
    nodes: Vec<OutNode<'a>>,
    edges: Vec<OutEdge<'a>>,
    #[serde(flatten)]
    extra: &'a Fields,
}

#[derive(Serialize)]
struct OutMeta<'a> {
    format: &'static str,
    articles: Vec<OutArticle<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    ambiguous: Vec<OutAmbiguity<'a>>,
    #[serde(flatten)]
    extra: &'a Fields,
    #[serde(skip_serializing_if = "Option::is_none")]
    corrections: Option<OutCorrections<'a>>,
}

#[derive(Serialize)]
struct OutCorrections<'a> {
    same: Vec<[&'a str; 2]>,
    not: Vec<[&'a str; 2]>,
    drop: Vec<&'a str>,
}

#[derive(Serialize)]
struct OutArticle<'a> {
    id: &'a str,
    digest: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    dateline: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(flatten)]
    extra: &'a Fields,
}

#[derive(Serialize)]
struct OutAmbiguity<'a> {
    id: &'a str,
    candidates: &'a [String],
}

#[derive(Serialize)]
struct OutNode<'a> {
    id: &'a str,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    aliases: Option<&'a [String]>,
    mentions: u64,
    articles: usize,
    seen: &'a BTreeMap<String, u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    members: Option<Vec<OutMember<'a>>>,
    #[serde(flatten)]
    extra: &'a Fields,
}

#[derive(Serialize)]
struct OutMember<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    names: Option<&'a BTreeSet<String>>,
    seen: &'a BTreeMap<String, u32>,
}

#[derive(Serialize)]
struct OutEdge<'a> {
    source: &'a str,
    target: &'a str,
    key: String,
    kind: &'static str,
    cue: &'a str,
    negated: bool,
    evidence: Vec<OutEvidence<'a>>,
    #[serde(flatten)]
    extra: &'a Fields,
}

#[derive(Serialize)]
struct OutEvidence<'a> {
    article: &'a str,
    sentence: usize,
    start: usize,
    end: usize,
    text: &'a str,
    cue: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    rule: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<&'a str>,
}

/// The top level, read by hand rather than with `#[serde(flatten)]`, which
/// would buffer the whole file to find the unknown fields.
struct InGraph {
    graph: Option<InMeta>,
    nodes: Vec<InNode>,
    edges: Vec<InEdge>,
    extra: Fields,
}

impl<'de> Deserialize<'de> for InGraph {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<InGraph, D::Error> {
        struct Top;
        impl<'de> Visitor<'de> for Top {
            type Value = InGraph;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a graph object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<InGraph, A::Error> {
                let (mut graph, mut nodes, mut edges) = (None, None, None);
                let mut extra = Fields::new();
                while let Some(Key(key)) = map.next_key()? {
                    let dup = match &*key {
                        "graph" => graph.replace(map.next_value::<Option<InMeta>>()?).is_some(),
                        "nodes" => nodes.replace(map.next_value::<Vec<InNode>>()?).is_some(),
                        "edges" => edges.replace(map.next_value::<Vec<InEdge>>()?).is_some(),
                        // Always true and true: written, not read.
                        "directed" | "multigraph" => {
                            map.next_value::<IgnoredAny>()?;
                            false
                        }
                        _ => {
                            let value = map.next_value()?;
                            extra.insert(key.to_string(), value).is_some()
                        }
                    };
                    if dup {
                        return Err(de::Error::custom(format!("duplicate field `{key}`")));
                    }
                }
                Ok(InGraph {
                    graph: graph.flatten(),
                    nodes: nodes.ok_or_else(|| de::Error::missing_field("nodes"))?,
                    edges: edges.ok_or_else(|| de::Error::missing_field("edges"))?,
                    extra,
                })
            }
        }
        d.deserialize_map(Top)
    }
}

/// The name of a field, borrowed from the file when it holds no escape:
/// reading a graph does not allocate a string for every field of every node,
/// edge and evidence.
struct Key<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Key<'de>, D::Error> {
        struct Name;
        impl<'de> Visitor<'de> for Name {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a field name")
            }

            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(s)))
            }

            fn visit_str<E>(self, s: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(s.to_string())))
            }
        }
        d.deserialize_str(Name)
    }
}

#[derive(Deserialize, Default)]
struct InCorrections {
    #[serde(default)]
    same: Vec<[String; 2]>,
    #[serde(default)]
    not: Vec<[String; 2]>,
    #[serde(default)]
    drop: Vec<String>,
}

/// A struct read field by field: the fields named, those written but not
/// read skipped, any other kept in `extra`. Written by hand (by this macro)
/// rather than with `#[serde(flatten)]`, which buffers every node and edge
/// and made reading a large graph a third slower.
macro_rules! keeping_extra {
    ($(#[$doc:meta])* $name:ident { $($field:ident: $ty:ty),* $(,)? } skip [$($skip:literal),*]) => {
        $(#[$doc])*
        struct $name {
            $($field: $ty,)*
            extra: Fields,
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<$name, D::Error> {
                struct Fields_;
                impl<'de> Visitor<'de> for Fields_ {
                    type Value = $name;

                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str("an object")
                    }

                    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<$name, A::Error> {
                        $(let mut $field: Option<$ty> = None;)*
                        let mut extra = Fields::new();
                        while let Some(Key(key)) = map.next_key()? {
                            match &*key {
                                $(stringify!($field) => {
                                    if $field.replace(map.next_value()?).is_some() {
                                        return Err(de::Error::duplicate_field(stringify!($field)));
                                    }
                                })*
                                $($skip => {
                                    map.next_value::<IgnoredAny>()?;
                                })*
                                _ => {
                                    let value = map.next_value()?;
                                    if extra.insert(key.to_string(), value).is_some() {
                                        return Err(de::Error::custom(format!("duplicate field `{key}`")));
                                    }
                                }
                            }
                        }
                        Ok($name {
                            $($field: $field.unwrap_or_default(),)*
                            extra,
                        })
                    }
                }
                d.deserialize_map(Fields_)
            }
        }
    };
}

keeping_extra!(
    /// `graph`; `ambiguous` is derived from the nodes: [`from_str`] ignores
    /// it, [`read_view`] reads it (as a value, so that a damaged one is
    /// ignored as before).
    InMeta {
        format: Option<String>,
        articles: Vec<InArticle>,
        corrections: Option<InCorrections>,
        ambiguous: Option<serde_json::Value>,
    } skip []
);

keeping_extra!(InArticle {
    id: Option<String>,
    digest: Option<String>,
    title: Option<String>,
    source: Option<String>,
    dateline: Option<String>,
    date: Option<String>,
} skip []);

keeping_extra!(
    /// A node; `articles` is derived from `seen`.
    InNode {
        id: Option<String>,
        kind: Option<String>,
        name: Option<String>,
        text: Option<String>,
        aliases: Vec<String>,
        seen: Option<BTreeMap<String, u64>>,
        mentions: Option<u64>,
        members: Option<Vec<InMember>>,
    } skip ["articles"]
);

#[derive(Deserialize)]
struct InMember {
    id: Option<String>,
    name: Option<String>,
    text: Option<String>,
    #[serde(default)]
    names: BTreeSet<String>,
    seen: Option<BTreeMap<String, u32>>,
}

keeping_extra!(
    /// An edge; `key` is derived from `kind` and `negated`.
    InEdge {
        source: Option<String>,
        target: Option<String>,
        kind: Option<String>,
        negated: Option<bool>,
        cue: Option<String>,
        evidence: Snug<InEvidence>,
    } skip ["key"]
);

/// A JSON array read into a vector with no room to spare. Most edges have
/// one evidence, and a vector that grows makes room for four at once: read
/// as plain vectors, the evidence of the BBC graph held 10 MB of room it
/// never used.
struct Snug<T>(Vec<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Snug<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Snug<T>, D::Error> {
        let mut v = Vec::deserialize(d)?;
        v.shrink_to_fit();
        Ok(Snug(v))
    }
}

impl<T> Default for Snug<T> {
    fn default() -> Snug<T> {
        Snug(Vec::new())
    }
}

#[derive(Deserialize)]
struct InEvidence {
    article: Option<String>,
    sentence: Option<usize>,
    start: Option<usize>,
    end: Option<usize>,
    text: Option<String>,
    cue: Option<String>,
    rule: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::graph::resolve;
    use crate::graph::testgen;

    fn sample() -> Graph {
        testgen::article_graph(&testgen::ArticleSpec::example(), 0, 0)
    }

    #[test]
    fn writes_the_documented_shape() {
        let g = sample();
        let json = to_string(&resolve(&g));
        assert!(json.ends_with("}\n"));
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["directed"], true);
        assert_eq!(v["multigraph"], true);
        assert_eq!(v["graph"]["format"], "newsgraph/1");
        let a = &v["graph"]["articles"][0];
        assert!(a["id"].is_string() && a["digest"].is_string());
        for n in v["nodes"].as_array().unwrap() {
            let statement = n["kind"] == "statement";
            assert_eq!(n["text"].is_string(), statement);
            assert_eq!(n["name"].is_string(), !statement);
            assert_eq!(n["aliases"].is_array(), !statement);
            assert!(n["mentions"].is_u64());
        }
        let mut keys = BTreeSet::new();
        for e in v["edges"].as_array().unwrap() {
            assert!(e["evidence"].as_array().is_some_and(|ev| !ev.is_empty()));
            assert!(keys.insert((
                e["source"].to_string(),
                e["target"].to_string(),
                e["key"].to_string()
            )));
        }
        // Field order is fixed: id, kind, name ...
        let first = json.find("\"nodes\"").unwrap();
        let rest = &json[first..];
        assert!(rest.find("\"id\"").unwrap() < rest.find("\"kind\"").unwrap());
    }

    #[test]
    fn folded_nodes_list_their_members_and_read_back() {
        let spec = testgen::ArticleSpec::example();
        let g = crate::graph::merge_all([
            testgen::article_graph(&spec, 0, 0),
            testgen::article_graph(&testgen::ArticleSpec::example_full_names(), 1, 0),
        ]);
        let view = resolve(&g);
        assert!(view.nodes.iter().any(|n| n.members.len() > 1));
        let json = to_string(&view);
        assert!(json.contains("\"members\""));
        assert!(json.contains("\"from\""));
        assert_eq!(from_str(&json), Ok(g));
    }

    #[test]
    fn an_empty_graph_round_trips() {
        let json = to_string(&resolve(&Graph::default()));
        assert_eq!(from_str(&json), Ok(Graph::default()));
    }

    /// Edit the JSON of the sample and return the reader's complaint.
    fn complaint(edit: impl FnOnce(&mut serde_json::Value)) -> String {
        let mut v: serde_json::Value =
            serde_json::from_str(&to_string(&resolve(&sample()))).unwrap();
        edit(&mut v);
        from_str(&v.to_string()).unwrap_err()
    }

    #[test]
    fn bad_input_is_refused_with_a_reason() {
        assert_eq!(
            complaint(|v| {
                v["graph"].as_object_mut().unwrap().remove("format");
            }),
            "missing graph.format"
        );
        assert!(
            complaint(|v| v["graph"]["format"] = "newsgraph/2".into())
                .starts_with("unsupported graph.format")
        );
        let c = complaint(|v| v["nodes"][0]["kind"] = "planet".into());
        assert!(c.contains("unknown kind \"planet\""), "{c}");
        assert!(c.starts_with("node "), "{c}");
        let c = complaint(|v| v["edges"][0]["target"] = "nation:atlantis".into());
        assert!(c.contains("unknown target node nation:atlantis"), "{c}");
        let c = complaint(|v| v["edges"][0]["evidence"][0]["end"] = 0.into());
        assert!(c.contains("bad range"), "{c}");
        let c = complaint(|v| v["edges"][0]["evidence"][0]["end"] = 100000.into());
        assert!(c.contains("does not fit"), "{c}");
        let c = complaint(|v| v["edges"][0]["evidence"][0]["article"] = "ffff".into());
        assert!(c.contains("unknown article ffff"), "{c}");
        let c = complaint(|v| {
            let n = v["nodes"][0].clone();
            v["nodes"].as_array_mut().unwrap().push(n);
        });
        assert!(c.starts_with("duplicate node id"), "{c}");
        assert!(from_str("{").is_err());
        assert!(from_str("[]").is_err());
    }

    #[test]
    fn output_is_deterministic() {
        let g = sample();
        assert_eq!(to_string(&resolve(&g)), to_string(&resolve(&g.clone())));
    }

    /// The document serialised in one piece, as `write` once did.
    fn whole(view: &View) -> String {
        let placed = Placed::new(view);
        serde_json::to_string_pretty(&out_graph(view, &placed, true)).unwrap() + "\n"
    }

    #[test]
    fn writing_in_parallel_pieces_gives_the_bytes_of_one_piece() {
        let view = resolve(&sample());
        assert_eq!(to_string(&view), whole(&view));
        assert_eq!(to_string(&View::default()), whole(&View::default()));
        // More elements than a window, so that the windows join too.
        let mut big = View::default();
        for i in 0..(WINDOW + 300) {
            let mut n = view.nodes[0].clone();
            n.id = format!("person:p{i:05}");
            big.nodes.push(n);
        }
        big.edges = view.edges.clone();
        assert_eq!(to_string(&big), whole(&big));
        // Fields of other tools, at every level, some holding what looks
        // like the arrays the pieces are put in.
        let mut v: serde_json::Value = serde_json::from_str(&to_string(&view)).unwrap();
        let odd = serde_json::json!({"nodes": [], "text": "\n  \"edges\": []", "list": [[], {}]});
        v["a-first"] = odd.clone();
        v["zz-last"] = odd.clone();
        v["graph"]["tool"] = odd.clone();
        v["nodes"][0]["note"] = odd.clone();
        v["edges"][0]["note"] = odd;
        let g = from_str(&v.to_string()).unwrap();
        let view = resolve(&g);
        let text = to_string(&view);
        assert_eq!(text, whole(&view));
        assert!(text.contains("\"zz-last\"") && text.contains("\"tool\""));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        /// A graph on one line: no line break inside, and it reads back
        /// to the raw graph as the pretty form does.
        #[test]
        fn a_graph_line_is_one_line_and_reads_back(g in testgen::graph()) {
            let mut line = Vec::new();
            write_line(&resolve(&g), &mut line).unwrap();
            let text = String::from_utf8(line).unwrap();
            prop_assert!(text.ends_with('\n'));
            prop_assert_eq!(text.matches('\n').count(), 1);
            let back = from_str(&text);
            prop_assert_eq!(back.as_ref(), Ok(&g));
        }

        #[test]
        fn the_pieces_give_the_document_of_one_piece(g in testgen::graph()) {
            let view = resolve(&g);
            prop_assert_eq!(to_string(&view), whole(&view));
        }

        #[test]
        fn reading_back_gives_the_raw_graph(g in testgen::graph()) {
            let json = to_string(&resolve(&g));
            let back = from_str(&json);
            prop_assert_eq!(back.as_ref(), Ok(&g));
            // And writing it again gives the same bytes.
            prop_assert_eq!(to_string(&resolve(&back.unwrap())), json);
        }

        /// A damaged graph file (a byte cut out or changed anywhere) is an
        /// error or a graph that resolves and writes; never a panic.
        #[test]
        fn damaged_files_never_panic(g in testgen::graph(), at in any::<prop::sample::Index>(), byte in any::<u8>(), cut in any::<bool>()) {
            let mut bytes = to_string(&resolve(&g)).into_bytes();
            let i = at.index(bytes.len());
            if cut {
                bytes.truncate(i);
            } else {
                bytes[i] = byte;
            }
            if let Ok(text) = String::from_utf8(bytes)
                && let Ok(back) = from_str(&text)
            {
                let _ = to_string(&resolve(&back));
            }
        }
    }

    /// A graph with only the fields GRAPH-FORMAT.md lists (no `seen`, no
    /// per-evidence `cue`) is read, its mentions kept.
    #[test]
    fn a_graph_with_only_the_contract_fields_is_read() {
        let json = r#"{"directed": true, "multigraph": true,
          "graph": {"format": "newsgraph/1", "articles": [{"id": "a", "digest": "d1"}]},
          "nodes": [{"id": "person:jo-roe", "kind": "person", "name": "Jo Roe", "aliases": ["Roe"], "mentions": 4},
                    {"id": "statement:d1:1", "kind": "statement", "text": "It will rain"}],
          "edges": [{"source": "person:jo-roe", "target": "statement:d1:1", "kind": "said", "cue": "said",
                     "negated": false, "evidence": [{"article": "d1", "sentence": 0, "start": 0, "end": 4, "text": "Roe "}]}]}"#;
        let g = from_str(json).unwrap();
        assert_eq!(g.nodes["person:jo-roe"].seen["d1"], 4);
        let ev = g.edges.values().next().unwrap().iter().next().unwrap();
        assert_eq!(ev.cue, "said");
        // written before rules were recorded: the rule is unknown, and stays absent
        assert_eq!(ev.rule, "");
        let again = to_string(&resolve(&g));
        assert!(!again.contains("\"rule\""), "{again}");
    }

    /// A field name written with an escape is the same field.
    #[test]
    fn escaped_field_names_are_read_as_written_plainly() {
        let json = to_string(&resolve(&sample()));
        let escaped = json
            .replacen("\"nodes\"", "\"n\\u006fdes\"", 1)
            .replace("\"kind\"", "\"k\\u0069nd\"");
        assert_ne!(escaped, json);
        assert_eq!(from_str(&escaped), from_str(&json));
        assert_eq!(read_view(&escaped), read_view(&json));
    }

    #[test]
    fn evidence_names_its_rule_and_reads_it_back() {
        let g = sample();
        let json = to_string(&resolve(&g));
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let ev = &v["edges"][0]["evidence"][0];
        let want = &g.edges.values().next().unwrap().iter().next().unwrap().rule;
        assert!(!want.is_empty());
        assert_eq!(ev["rule"], want.as_str());
        // `rule` comes after `cue`
        let first = json.find("\"evidence\"").unwrap();
        assert!(json[first..].find("\"cue\"") < json[first..].find("\"rule\""));
        assert_eq!(from_str(&json), Ok(g));
    }

    /// Two entries for one sentence of one edge (a file edited by hand, or
    /// written by two versions) read as one: the smallest rule id.
    #[test]
    fn one_sentence_under_two_rules_reads_as_the_smallest() {
        let mut v: serde_json::Value =
            serde_json::from_str(&to_string(&resolve(&sample()))).unwrap();
        let mut second = v["edges"][0]["evidence"][0].clone();
        second["rule"] = "aaa.first-rule".into();
        v["edges"][0]["evidence"]
            .as_array_mut()
            .unwrap()
            .push(second);
        let g = from_str(&v.to_string()).unwrap();
        let evidence: Vec<&Evidence> = g.edges.values().next().unwrap().iter().collect();
        assert_eq!(evidence.len(), 1);
        assert_eq!(evidence[0].rule, "aaa.first-rule");
    }
}
