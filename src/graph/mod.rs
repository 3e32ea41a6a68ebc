//! The graph model: what an extractor produces for one article and what
//! merging many articles accumulates.
//!
//! Two layers, so that merging stays associative, commutative and
//! idempotent while entity resolution across articles can still change its
//! mind as articles arrive:
//!
//! * [`Graph`] is the *raw* layer: nodes under the ids the extractor gave
//!   them inside their own article (a surname-only "person:blair" stays
//!   itself), edges between raw ids, every piece of evidence. Merging two
//!   raw graphs is a plain keyed union ([`Graph::merge`]).
//! * [`View`] is the *resolved* layer computed from a raw graph by
//!   [`resolve`]: raw nodes that name the same entity across articles are
//!   folded into one node, statements of the same speaker with the same
//!   words become one, edges are re-keyed on the folded ids. Exports and
//!   queries read the view. The JSON export records which raw ids each node
//!   folded, so reading it back gives the raw graph again.
//!
//! Everything is kept in `BTreeMap`/`BTreeSet` so iteration, and therefore
//! every output, is in one canonical order.

mod correction;
mod merge;
#[cfg(test)]
mod proptests;
mod resolve;
#[cfg(test)]
pub(crate) mod testgen;

pub use correction::{Correction, Corrections};
pub use merge::{merge_all, merge_fields};
pub use resolve::{Ambiguity, DOMINANCE, Edge, Node, View, into_view, resolve, unmatched};

use std::collections::{BTreeMap, BTreeSet};

use unicode_normalization::UnicodeNormalization;

/// What a node stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NodeKind {
    Person,
    Nation,
    Organization,
    Meeting,
    Report,
    Statement,
}

impl NodeKind {
    /// All kinds, in their canonical order.
    pub const ALL: [NodeKind; 6] = [
        NodeKind::Person,
        NodeKind::Nation,
        NodeKind::Organization,
        NodeKind::Meeting,
        NodeKind::Report,
        NodeKind::Statement,
    ];

    /// The name used in ids and in the JSON `kind` field.
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Person => "person",
            NodeKind::Nation => "nation",
            NodeKind::Organization => "organization",
            NodeKind::Meeting => "meeting",
            NodeKind::Report => "report",
            NodeKind::Statement => "statement",
        }
    }

    /// The inverse of [`NodeKind::as_str`].
    pub fn parse(s: &str) -> Option<NodeKind> {
        NodeKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// What an edge says about its two ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EdgeKind {
    Said,
    About,
    Accused,
    Attends,
    Cites,
    MemberOf,
    AuthoredBy,
}

impl EdgeKind {
    /// All kinds, in their canonical order.
    pub const ALL: [EdgeKind; 7] = [
        EdgeKind::Said,
        EdgeKind::About,
        EdgeKind::Accused,
        EdgeKind::Attends,
        EdgeKind::Cites,
        EdgeKind::MemberOf,
        EdgeKind::AuthoredBy,
    ];

    /// The name used in the JSON `kind` field.
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::Said => "said",
            EdgeKind::About => "about",
            EdgeKind::Accused => "accused",
            EdgeKind::Attends => "attends",
            EdgeKind::Cites => "cites",
            EdgeKind::MemberOf => "member_of",
            EdgeKind::AuthoredBy => "authored_by",
        }
    }

    /// The inverse of [`EdgeKind::as_str`].
    pub fn parse(s: &str) -> Option<EdgeKind> {
        EdgeKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One article of the graph, as GRAPH-FORMAT.md describes it.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct ArticleInfo {
    /// The label: path below the directory given, without `.txt`.
    pub id: String,
    /// First 16 hex digits of the SHA-256 of the article's bytes: its identity.
    pub digest: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub dateline: Option<String>,
    pub date: Option<String>,
}

/// A node under its raw (per-article) id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawNode {
    pub kind: NodeKind,
    /// The fullest name seen; for a statement, the attributed words.
    pub name: String,
    /// Every surface form seen, `name` included (empty for statements).
    pub names: BTreeSet<String>,
    /// Mentions per article digest.
    pub seen: BTreeMap<String, u32>,
}

/// The identity of a raw edge: edges merge on it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EdgeKey {
    pub source: String,
    pub kind: EdgeKind,
    pub target: String,
    pub negated: bool,
}

/// Where an edge was read: one sentence of one article.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Evidence {
    /// The article's digest.
    pub article: String,
    /// Index of the sentence in the article.
    pub sentence: usize,
    /// Byte range of the sentence in the article's UTF-8 text.
    pub start: usize,
    pub end: usize,
    /// Exactly `article_text[start..end]`.
    pub text: String,
    /// The word that triggered the relation ("said", "accused", "according to", ...).
    pub cue: String,
    /// The id of the extraction rule that made the edge from this sentence
    /// (`accused.verb-object`); empty when unknown (a graph written before
    /// rules were recorded).
    pub rule: String,
}

impl Evidence {
    /// Where it was read. An edge holds one evidence per place.
    fn place(&self) -> (&str, usize, usize, usize) {
        (&self.article, self.sentence, self.start, self.end)
    }

    /// Of two evidences of one place, the smaller is kept: a known rule
    /// before an unknown one, then the smallest rule id (then cue and text,
    /// so the choice is total).
    pub(crate) fn preference(&self) -> (bool, &str, &str, &str) {
        (self.rule.is_empty(), &self.rule, &self.cue, &self.text)
    }
}

/// The evidence of one raw edge, sorted, each entry once.
///
/// A sorted vector rather than a `BTreeSet`: most raw edges hold a single
/// evidence, and a B-tree keeps even one in a node with room for eleven
/// (1.3 KB here), which made most of a large graph's memory. Inserting is
/// O(n), over the few entries an edge has.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EvidenceSet(Vec<Evidence>);

impl EvidenceSet {
    pub fn new() -> EvidenceSet {
        EvidenceSet(Vec::new())
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// In order.
    pub fn iter(&self) -> std::slice::Iter<'_, Evidence> {
        self.0.iter()
    }

    /// Add `ev` unless an equal entry is there; whether it was added.
    pub fn insert(&mut self, ev: Evidence) -> bool {
        match self.0.binary_search(&ev) {
            Ok(_) => false,
            Err(at) => {
                // The first entry gets room for itself alone.
                if self.0.capacity() == 0 {
                    self.0.reserve_exact(1);
                }
                self.0.insert(at, ev);
                true
            }
        }
    }
}

impl FromIterator<Evidence> for EvidenceSet {
    fn from_iter<I: IntoIterator<Item = Evidence>>(iter: I) -> EvidenceSet {
        let mut all: Vec<Evidence> = iter.into_iter().collect();
        all.sort();
        all.dedup();
        EvidenceSet(all)
    }
}

impl Extend<Evidence> for EvidenceSet {
    fn extend<I: IntoIterator<Item = Evidence>>(&mut self, iter: I) {
        for ev in iter {
            self.insert(ev);
        }
    }
}

impl IntoIterator for EvidenceSet {
    type Item = Evidence;
    type IntoIter = std::vec::IntoIter<Evidence>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a EvidenceSet {
    type Item = &'a Evidence;
    type IntoIter = std::slice::Iter<'a, Evidence>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<const N: usize> From<[Evidence; N]> for EvidenceSet {
    fn from(items: [Evidence; N]) -> EvidenceSet {
        items.into_iter().collect()
    }
}

/// Add `ev` to the evidence of one edge, keeping one entry per place
/// (article, sentence, start, end): when two rules made the edge from the
/// same sentence, the entry with the smallest rule id stays. Choosing the
/// smallest of a total order keeps merging associative, commutative and
/// idempotent. O(n) over the edge's entries.
pub fn add_evidence(set: &mut EvidenceSet, ev: Evidence) {
    // Entries sort by place first, so those of `ev`'s place are together.
    let from = set.0.partition_point(|e| e.place() < ev.place());
    let to = from + set.0[from..].partition_point(|e| e.place() == ev.place());
    if set.0[from..to]
        .iter()
        .any(|e| e.preference() <= ev.preference())
    {
        return;
    }
    set.0.drain(from..to);
    set.insert(ev);
}

/// Fields of a graph file that newsgraph does not know, by name.
pub type Fields = BTreeMap<String, serde_json::Value>;

/// The fields of a graph file beyond those newsgraph reads, by where they
/// were found. GRAPH-FORMAT.md allows them; keeping them means a file that
/// another tool annotated survives `--into` and `merge` whole.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extra {
    /// Top-level fields beside `directed`, `multigraph`, `graph`, `nodes`, `edges`.
    pub top: Fields,
    /// Fields of `graph` beside `format`, `articles`, `ambiguous`.
    pub graph: Fields,
    /// By article digest.
    pub articles: BTreeMap<String, Fields>,
    /// By node id as written (a raw id: the node's own member), so that the
    /// fields follow the raw node into whatever node it resolves to later.
    pub nodes: BTreeMap<String, Fields>,
    /// By edge as written (its ends are raw ids too).
    pub edges: BTreeMap<EdgeKey, Fields>,
}

/// The raw graph: a keyed union of what articles said. See the module docs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Graph {
    /// Articles by digest.
    pub articles: BTreeMap<String, ArticleInfo>,
    /// Nodes by raw id.
    pub nodes: BTreeMap<String, RawNode>,
    /// Evidence per raw edge.
    pub edges: BTreeMap<EdgeKey, EvidenceSet>,
    /// Fields of the file it was read from that newsgraph does not use.
    pub extra: Extra,
    /// Corrections by hand that resolution applies to every article.
    pub corrections: Corrections,
}

/// `KIND:SLUG` for a name: lower case ASCII letters and digits joined by
/// single hyphens; letters outside ASCII are kept as they are (lower-cased)
/// so that "Zürich" and "Zurich" stay apart rather than colliding silently.
/// The name is put in Unicode normal form C first, so a decomposed "José"
/// ("e" and a combining accent) gets the id of the composed one.
pub fn node_id(kind: NodeKind, name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    let mut gap = false;
    for c in name.nfc() {
        if c == '.' || c == '\'' || c == '\u{2019}' {
            continue; // "U.S." -> "us", "Xi's" -> "xis"
        }
        if c.is_alphanumeric() {
            if gap && !slug.is_empty() {
                slug.push('-');
            }
            gap = false;
            slug.extend(c.to_lowercase());
        } else {
            gap = true;
        }
    }
    format!("{}:{}", kind.as_str(), slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_ids_are_readable_slugs() {
        assert_eq!(
            node_id(NodeKind::Person, "Barack Obama"),
            "person:barack-obama"
        );
        assert_eq!(node_id(NodeKind::Nation, "U.S."), "nation:us");
        assert_eq!(
            node_id(NodeKind::Organization, "  The Washington-Post "),
            "organization:the-washington-post"
        );
        assert_eq!(node_id(NodeKind::Person, "Zürich Ürs"), "person:zürich-ürs");
    }

    #[test]
    fn a_decomposed_accent_gives_the_composed_id() {
        // Issue 12 #14: "e" + U+0301 split the slug ("jose-gonza-lez").
        let composed = node_id(NodeKind::Person, "Jos\u{e9} Gonz\u{e1}lez");
        assert_eq!(composed, "person:jos\u{e9}-gonz\u{e1}lez");
        assert_eq!(
            node_id(NodeKind::Person, "Jose\u{301} Gonza\u{301}lez"),
            composed
        );
        // Hangul jamo and other combining sequences compose too.
        assert_eq!(
            node_id(NodeKind::Person, "\u{1100}\u{1161}"),
            node_id(NodeKind::Person, "\u{ac00}")
        );
    }

    fn ev(article: &str, sentence: usize, rule: &str) -> Evidence {
        Evidence {
            article: article.into(),
            sentence,
            start: sentence * 10,
            end: sentence * 10 + 9,
            text: "Peru said.".into(),
            cue: "said".into(),
            rule: rule.into(),
        }
    }

    #[test]
    fn an_evidence_set_stays_sorted_with_one_entry_per_place() {
        let mut set = EvidenceSet::new();
        for e in [ev("b", 2, "r.x"), ev("a", 7, "r.x"), ev("b", 1, "r.y")] {
            add_evidence(&mut set, e);
        }
        // the same place again: the smaller rule id replaces, a larger one is dropped
        add_evidence(&mut set, ev("b", 1, "r.a"));
        add_evidence(&mut set, ev("a", 7, "r.z"));
        let got: Vec<(&str, usize, &str)> = set
            .iter()
            .map(|e| (e.article.as_str(), e.sentence, e.rule.as_str()))
            .collect();
        assert_eq!(got, [("a", 7, "r.x"), ("b", 1, "r.a"), ("b", 2, "r.x")]);
        // a set built in any order is the same set
        let other: EvidenceSet = set
            .iter()
            .rev()
            .cloned()
            .chain(set.iter().cloned())
            .collect();
        assert_eq!(other, set);
        assert!(!set.clone().insert(ev("a", 7, "r.x")));
    }

    #[test]
    fn kinds_round_trip_through_their_names() {
        for k in NodeKind::ALL {
            assert_eq!(NodeKind::parse(k.as_str()), Some(k));
        }
        for k in EdgeKind::ALL {
            assert_eq!(EdgeKind::parse(k.as_str()), Some(k));
        }
    }
}
