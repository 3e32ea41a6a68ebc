//! Questions asked of a resolved graph: who said what ([`said`](mod@said)), how two
//! entities are connected ([`path`]), what surrounds one ([`neighbors`](mod@neighbors)),
//! what the graph holds ([`stats`](mod@stats)), which edges of a kind link whom
//! ([`edges`](mod@edges)), who ranks highest in one relation ([`top`](mod@top)), and which
//! node a user means by a name ([`name`]).
//!
//! Every function here reads a [`View`] and returns plain structs; it
//! neither prints nor exits. The CLI formats the results (text or JSON: the
//! structs implement `serde::Serialize`).

pub mod date;
pub mod edges;
pub mod name;
pub mod neighbors;
pub mod path;
pub mod said;
pub mod stats;
pub mod top;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::graph::{ArticleInfo, Evidence, Node, View};

pub use date::Date;
pub use edges::{EdgeQuery, Relation, edges};
pub use name::{best_matching, find, lookup, matching, normalize, suggest};
pub use neighbors::{Neighborhood, neighbors};
pub use path::{AllPaths, Hop, Path, all_paths, shortest_path};
pub use said::{SaidQuery, Statement, said};
pub use stats::{Ranked, Stats, stats};
pub use top::{Ranking, Standing, top};

/// A node as a query result names it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct NodeRef {
    pub id: String,
    /// `person`, `nation`, ... (see [`crate::NodeKind::as_str`]).
    pub kind: &'static str,
    /// Canonical name; for a statement, its text.
    pub name: String,
}

impl NodeRef {
    /// The reference to a view node.
    pub fn new(node: &Node) -> NodeRef {
        NodeRef {
            id: node.id.clone(),
            kind: node.kind.as_str(),
            name: node.name.clone(),
        }
    }
}

/// Where something was read: one sentence of one article, by its label.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Place {
    /// The article's label (its id in the graph).
    pub article: String,
    /// Index of the sentence in the article.
    pub sentence: usize,
    /// The article's digest.
    pub digest: String,
    /// The article's date as written, if known.
    pub date: Option<String>,
    /// The sentence.
    pub text: String,
}

/// Articles of a view by digest, to turn evidence into [`Place`]s.
///
/// Building it is O(A log A) for A articles.
pub(crate) struct Articles<'v> {
    by_digest: BTreeMap<&'v str, &'v ArticleInfo>,
}

impl<'v> Articles<'v> {
    pub(crate) fn new(view: &'v View) -> Articles<'v> {
        Articles {
            by_digest: view
                .articles
                .iter()
                .map(|a| (a.digest.as_str(), a))
                .collect(),
        }
    }

    pub(crate) fn get(&self, digest: &str) -> Option<&'v ArticleInfo> {
        self.by_digest.get(digest).copied()
    }

    /// The place of one piece of evidence; an unknown digest is its own label.
    pub(crate) fn place(&self, ev: &Evidence) -> Place {
        let info = self.get(&ev.article);
        Place {
            article: info.map_or_else(|| ev.article.clone(), |a| a.id.clone()),
            sentence: ev.sentence,
            digest: ev.article.clone(),
            date: info.and_then(|a| a.date.clone()),
            text: ev.text.clone(),
        }
    }
}

/// Node indices of a view by id. O(N log N) to build.
pub(crate) fn index_by_id(view: &View) -> BTreeMap<&str, usize> {
    view.nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect()
}

#[cfg(test)]
pub(crate) mod fixture {
    //! A small hand-built view shared by the query tests.

    use std::collections::{BTreeMap, BTreeSet};

    use crate::graph::{
        ArticleInfo, EdgeKey, EdgeKind, Evidence, Graph, NodeKind, RawNode, View, resolve,
    };

    fn node(g: &mut Graph, id: &str, kind: NodeKind, names: &[&str], digest: &str, n: u32) {
        let name = names[0].to_string();
        let names: BTreeSet<String> = if kind == NodeKind::Statement {
            BTreeSet::new()
        } else {
            names.iter().map(|s| s.to_string()).collect()
        };
        let mut seen = BTreeMap::new();
        seen.insert(digest.to_string(), n);
        g.nodes.insert(
            id.to_string(),
            RawNode {
                kind,
                name,
                names,
                seen,
            },
        );
    }

    fn edge(g: &mut Graph, s: &str, kind: EdgeKind, t: &str, neg: bool, digest: &str, sent: usize) {
        let key = EdgeKey {
            source: s.into(),
            kind,
            target: t.into(),
            negated: neg,
        };
        let text = format!("sentence {sent} of {digest}");
        let ev = Evidence {
            article: digest.into(),
            sentence: sent,
            start: 0,
            end: text.len(),
            text,
            cue: kind.as_str().into(),
            rule: String::new(),
        };
        g.edges.entry(key).or_default().insert(ev);
    }

    /// Two articles: a dated one about cyber talks, an undated one.
    pub(crate) fn view() -> View {
        let mut g = Graph::default();
        for (id, digest, date) in [
            ("geneva-talks", "aaaa", Some("Monday, March 3, 2014")),
            ("later/undated", "bbbb", Some("May 30")),
        ] {
            g.articles.insert(
                digest.into(),
                ArticleInfo {
                    id: id.into(),
                    digest: digest.into(),
                    date: date.map(str::to_string),
                    ..ArticleInfo::default()
                },
            );
        }
        use EdgeKind::*;
        use NodeKind::*;
        node(
            &mut g,
            "person:john-doe",
            Person,
            &["John Doe", "Doe", "Mr Doe"],
            "aaaa",
            3,
        );
        // "Ms Doe" keeps this Doe apart from John Doe when the view is resolved
        node(&mut g, "person:doe", Person, &["Doe", "Ms Doe"], "bbbb", 1);
        node(
            &mut g,
            "nation:us",
            Nation,
            &["United States", "U.S."],
            "aaaa",
            4,
        );
        node(
            &mut g,
            "nation:china",
            Nation,
            &["China", "Beijing"],
            "aaaa",
            5,
        );
        node(
            &mut g,
            "organization:un",
            Organization,
            &["United Nations", "U.N."],
            "bbbb",
            1,
        );
        node(
            &mut g,
            "statement:aaaa:1",
            Statement,
            &["China should start a dialogue on cyber issues"],
            "aaaa",
            1,
        );
        node(
            &mut g,
            "statement:bbbb:0",
            Statement,
            &["The U.N. will not take sides"],
            "bbbb",
            1,
        );
        edge(
            &mut g,
            "person:john-doe",
            Said,
            "statement:aaaa:1",
            false,
            "aaaa",
            1,
        );
        edge(
            &mut g,
            "statement:aaaa:1",
            About,
            "nation:china",
            false,
            "aaaa",
            1,
        );
        edge(
            &mut g,
            "person:john-doe",
            MemberOf,
            "nation:us",
            false,
            "aaaa",
            0,
        );
        edge(
            &mut g,
            "person:doe",
            Said,
            "statement:bbbb:0",
            false,
            "bbbb",
            0,
        );
        edge(
            &mut g,
            "nation:us",
            Accused,
            "nation:china",
            true,
            "aaaa",
            2,
        );
        edge(
            &mut g,
            "nation:china",
            MemberOf,
            "organization:un",
            false,
            "bbbb",
            3,
        );
        resolve(&g)
    }
}
