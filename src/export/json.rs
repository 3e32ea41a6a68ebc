//! The JSON format of GRAPH-FORMAT.md (`newsgraph/1`), written from a
//! resolved [`View`] and read back into the raw [`Graph`] it came from.
//!
//! Beyond the fields the format requires, every node carries `articles`
//! (how many articles it was seen in) and `seen` (mentions per article
//! digest); a node that folded several raw ids lists them in `members`, each
//! with its own name(s) and `seen`. Evidence read under raw ids other than
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

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use crate::graph::{
    ArticleInfo, Correction, EdgeKey, EdgeKind, Evidence, Graph, Node, NodeKind, RawNode, View,
};

/// The value of `graph.format` this module writes and accepts.
pub const FORMAT: &str = "newsgraph/1";

/// Write a view as newsgraph JSON.
pub fn to_string(view: &View) -> String {
    let out = OutGraph {
        directed: true,
        multigraph: true,
        graph: OutMeta {
            format: FORMAT,
            articles: view.articles.iter().map(out_article).collect(),
            ambiguous: view
                .ambiguous
                .iter()
                .map(|a| OutAmbiguity {
                    id: &a.id,
                    candidates: &a.candidates,
                })
                .collect(),
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
        nodes: view.nodes.iter().map(out_node).collect(),
        edges: view
            .edges
            .iter()
            .map(|e| OutEdge {
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
                        from: (*from != e.source).then_some(from.as_str()),
                        to: (*to != e.target).then_some(to.as_str()),
                    })
                    .collect(),
            })
            .collect(),
    };
    let mut s = serde_json::to_string_pretty(&out).expect("serialising plain data cannot fail");
    s.push('\n');
    s
}

/// Read newsgraph JSON back into the raw graph it was written from. The
/// error is the reason only, naming the offending article, node or edge;
/// the caller adds the file name.
pub fn from_str(json: &str) -> Result<Graph, String> {
    let input: InGraph = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let meta = input.graph.ok_or("missing graph")?;
    match meta.format.as_deref() {
        None => return Err("missing graph.format".to_string()),
        Some(FORMAT) => {}
        Some(other) => {
            return Err(format!(
                "unsupported graph.format {other:?} (expected {FORMAT:?})"
            ));
        }
    }

    let mut graph = Graph::default();
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

    // Resolved id -> its raw members.
    let mut members: HashMap<String, BTreeSet<String>> = HashMap::new();
    for (i, n) in input.nodes.into_iter().enumerate() {
        let id =
            n.id.filter(|s| !s.is_empty())
                .ok_or_else(|| format!("node {i}: missing id"))?;
        if members.contains_key(&id) {
            return Err(format!("duplicate node id {id}"));
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

    for (i, e) in input.edges.into_iter().enumerate() {
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
        if e.evidence.is_empty() {
            let key = EdgeKey {
                source: source.clone(),
                kind,
                target: target.clone(),
                negated,
            };
            graph.edges.entry(key).or_default();
        }
        for (j, ev) in e.evidence.into_iter().enumerate() {
            let at = format!("edge {name}: evidence {j}");
            let article = ev.article.ok_or_else(|| format!("{at}: missing article"))?;
            if !graph.articles.contains_key(&article) {
                return Err(format!("{at}: unknown article {article}"));
            }
            let cue = ev.cue.or_else(|| e.cue.clone()).unwrap_or_default();
            let (Some(sentence), Some(start), Some(end), Some(text)) =
                (ev.sentence, ev.start, ev.end, ev.text)
            else {
                return Err(format!("{at}: needs sentence, start, end and text"));
            };
            if start > end {
                return Err(format!("{at}: bad range {start}..{end}"));
            }
            if end - start != text.len() {
                return Err(format!(
                    "{at}: range {start}..{end} does not fit a text of {} bytes",
                    text.len()
                ));
            }
            let from = ev.from.unwrap_or_else(|| source.clone());
            let to = ev.to.unwrap_or_else(|| target.clone());
            if !from_members.contains(&from) {
                return Err(format!("{at}: {from} is not a member of {source}"));
            }
            if !to_members.contains(&to) {
                return Err(format!("{at}: {to} is not a member of {target}"));
            }
            let key = EdgeKey {
                source: from,
                kind,
                target: to,
                negated,
            };
            graph.edges.entry(key).or_default().insert(Evidence {
                article,
                sentence,
                start,
                end,
                text,
                cue,
            });
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

fn out_article(a: &ArticleInfo) -> OutArticle<'_> {
    OutArticle {
        id: &a.id,
        digest: &a.digest,
        title: a.title.as_deref(),
        source: a.source.as_deref(),
        dateline: a.dateline.as_deref(),
        date: a.date.as_deref(),
    }
}

fn out_node(n: &Node) -> OutNode<'_> {
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
    }
}

#[derive(Serialize)]
struct OutGraph<'a> {
    directed: bool,
    multigraph: bool,
    graph: OutMeta<'a>,
    nodes: Vec<OutNode<'a>>,
    edges: Vec<OutEdge<'a>>,
}

#[derive(Serialize)]
struct OutMeta<'a> {
    format: &'static str,
    articles: Vec<OutArticle<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    ambiguous: Vec<OutAmbiguity<'a>>,
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
}

#[derive(Serialize)]
struct OutEvidence<'a> {
    article: &'a str,
    sentence: usize,
    start: usize,
    end: usize,
    text: &'a str,
    cue: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<&'a str>,
}

#[derive(Deserialize)]
struct InGraph {
    graph: Option<InMeta>,
    nodes: Vec<InNode>,
    edges: Vec<InEdge>,
}

#[derive(Deserialize)]
struct InMeta {
    format: Option<String>,
    #[serde(default)]
    articles: Vec<InArticle>,
    corrections: Option<InCorrections>,
}

#[derive(Deserialize)]
struct InCorrections {
    #[serde(default)]
    same: Vec<[String; 2]>,
    #[serde(default)]
    not: Vec<[String; 2]>,
    #[serde(default)]
    drop: Vec<String>,
}

#[derive(Deserialize)]
struct InArticle {
    id: Option<String>,
    digest: Option<String>,
    title: Option<String>,
    source: Option<String>,
    dateline: Option<String>,
    date: Option<String>,
}

#[derive(Deserialize)]
struct InNode {
    id: Option<String>,
    kind: Option<String>,
    name: Option<String>,
    text: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    seen: Option<BTreeMap<String, u64>>,
    mentions: Option<u64>,
    members: Option<Vec<InMember>>,
}

#[derive(Deserialize)]
struct InMember {
    id: Option<String>,
    name: Option<String>,
    text: Option<String>,
    #[serde(default)]
    names: BTreeSet<String>,
    seen: Option<BTreeMap<String, u32>>,
}

#[derive(Deserialize)]
struct InEdge {
    source: Option<String>,
    target: Option<String>,
    kind: Option<String>,
    negated: Option<bool>,
    cue: Option<String>,
    #[serde(default)]
    evidence: Vec<InEvidence>,
}

#[derive(Deserialize)]
struct InEvidence {
    article: Option<String>,
    sentence: Option<usize>,
    start: Option<usize>,
    end: Option<usize>,
    text: Option<String>,
    cue: Option<String>,
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

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

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
    }
}
