//! Merging raw graphs: a keyed union.
//!
//! Every field merges by a join that is associative, commutative and
//! idempotent (a minimum, a maximum, a set union), so any order or grouping
//! of the same inputs gives the same [`Graph`], and adding an article twice
//! changes nothing. Entity resolution is not done here: that is
//! [`super::resolve`]'s job, on the merged result.

use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::collections::btree_map::Entry;

use super::{ArticleInfo, Extra, Fields, Graph, RawNode, add_evidence};

impl Graph {
    /// Add everything of `other` to `self`.
    ///
    /// * Articles are keyed by digest. The same digest under two labels
    ///   keeps the smallest label; each optional field keeps the smallest
    ///   value present (a known value beats a missing one).
    /// * Nodes are keyed by raw id. The kind is the smaller of the two (ids
    ///   carry their kind, so they agree in practice); the name is the
    ///   fullest (most words, then most characters, then the smallest);
    ///   `names` is the union; `seen` takes the larger count per article, so
    ///   re-adding an article is a no-op.
    /// * Edges are keyed by (source, kind, target, negated); evidence sets
    ///   are united, one entry per sentence: where two rules made the edge
    ///   from the same sentence, the smallest rule id stays (see
    ///   [`super::add_evidence`]).
    /// * Unknown fields ([`Extra`]) are united per place; where both have
    ///   a field of one name, the value whose JSON text is smaller stays.
    /// * Corrections by hand are united.
    ///
    /// Cost: O(m log n) for `m` items in `other`.
    pub fn merge(&mut self, other: Graph) {
        for (digest, info) in other.articles {
            match self.articles.entry(digest) {
                Entry::Occupied(mut o) => merge_article(o.get_mut(), info),
                Entry::Vacant(v) => {
                    v.insert(info);
                }
            }
        }
        for (id, node) in other.nodes {
            match self.nodes.entry(id) {
                Entry::Occupied(mut o) => merge_node(o.get_mut(), node),
                Entry::Vacant(v) => {
                    v.insert(node);
                }
            }
        }
        for (key, evidence) in other.edges {
            match self.edges.entry(key) {
                // A new edge takes the set as it is: it holds one evidence
                // per place already, as every set built by add_evidence does.
                Entry::Vacant(v) => {
                    v.insert(evidence);
                }
                Entry::Occupied(mut o) => {
                    let mine = o.get_mut();
                    for ev in evidence {
                        add_evidence(mine, ev);
                    }
                }
            }
        }
        merge_extra(&mut self.extra, other.extra);
        self.corrections.merge(other.corrections);
    }
}

/// Unite two sets of fields: a join (the smaller JSON text wins a clash), so
/// merging stays order-free.
pub fn merge_fields(mine: &mut Fields, other: Fields) {
    for (name, value) in other {
        match mine.get_mut(&name) {
            Some(v) => {
                if json_text(&value) < json_text(v) {
                    *v = value;
                }
            }
            None => {
                mine.insert(name, value);
            }
        }
    }
}

fn json_text(v: &serde_json::Value) -> String {
    v.to_string()
}

fn merge_keyed<K: Ord>(mine: &mut BTreeMap<K, Fields>, other: BTreeMap<K, Fields>) {
    for (key, fields) in other {
        merge_fields(mine.entry(key).or_default(), fields);
    }
}

fn merge_extra(mine: &mut Extra, other: Extra) {
    merge_fields(&mut mine.top, other.top);
    merge_fields(&mut mine.graph, other.graph);
    merge_keyed(&mut mine.articles, other.articles);
    merge_keyed(&mut mine.nodes, other.nodes);
    merge_keyed(&mut mine.edges, other.edges);
}

/// Merge any number of raw graphs; the result does not depend on their order.
pub fn merge_all(graphs: impl IntoIterator<Item = Graph>) -> Graph {
    let mut all = Graph::default();
    for g in graphs {
        all.merge(g);
    }
    all
}

/// The sort key that makes a name "fuller": the smallest key wins. More
/// words first (a hyphen separates words too), then more characters, then
/// fewer spaces ("Robert Kilroy-Silk" over "Robert Kilroy Silk": the
/// hyphenated spelling is the more careful one), then the lexicographically
/// smallest.
pub(crate) fn fullest_name_key(name: &str) -> (Reverse<usize>, Reverse<usize>, usize, &str) {
    (
        Reverse(
            name.split(|c: char| c.is_whitespace() || c == '-')
                .filter(|w| !w.is_empty())
                .count(),
        ),
        Reverse(name.chars().count()),
        name.chars().filter(|c| c.is_whitespace()).count(),
        name,
    )
}

fn merge_article(mine: &mut ArticleInfo, other: ArticleInfo) {
    if other.id < mine.id {
        mine.id = other.id;
    }
    // The digest is the key, so both are equal already.
    min_present(&mut mine.title, other.title);
    min_present(&mut mine.source, other.source);
    min_present(&mut mine.dateline, other.dateline);
    min_present(&mut mine.date, other.date);
}

/// Keep the smaller of two optional values, where any value beats `None`.
fn min_present(mine: &mut Option<String>, other: Option<String>) {
    if let Some(o) = other {
        match mine {
            Some(m) if *m <= o => {}
            _ => *mine = Some(o),
        }
    }
}

fn merge_node(mine: &mut RawNode, other: RawNode) {
    mine.kind = mine.kind.min(other.kind);
    if fullest_name_key(&other.name) < fullest_name_key(&mine.name) {
        mine.name = other.name;
    }
    mine.names.extend(other.names);
    for (digest, count) in other.seen {
        let c = mine.seen.entry(digest).or_insert(0);
        *c = (*c).max(count);
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::graph::{EdgeKey, EdgeKind, Evidence, EvidenceSet, NodeKind};

    #[test]
    fn unknown_fields_merge_in_any_order() {
        let f = |pairs: &[(&str, serde_json::Value)]| -> Fields {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect()
        };
        let a = f(&[("x", 1.into()), ("y", "a".into())]);
        let b = f(&[("x", 2.into()), ("z", true.into())]);
        let (mut ab, mut ba) = (a.clone(), b.clone());
        merge_fields(&mut ab, b.clone());
        merge_fields(&mut ba, a.clone());
        assert_eq!(ab, ba);
        assert_eq!(
            ab,
            f(&[("x", 1.into()), ("y", "a".into()), ("z", true.into())])
        );
        let mut aa = a.clone();
        merge_fields(&mut aa, a.clone());
        assert_eq!(aa, a);
    }

    fn person(name: &str, names: &[&str], seen: &[(&str, u32)]) -> RawNode {
        RawNode {
            kind: NodeKind::Person,
            name: name.to_string(),
            names: names.iter().map(|s| s.to_string()).collect(),
            seen: seen.iter().map(|(d, c)| (d.to_string(), *c)).collect(),
        }
    }

    fn article(id: &str, digest: &str, title: Option<&str>) -> ArticleInfo {
        ArticleInfo {
            id: id.to_string(),
            digest: digest.to_string(),
            title: title.map(str::to_string),
            ..ArticleInfo::default()
        }
    }

    #[test]
    fn fuller_names_win() {
        let mut names = [
            "Blair",
            "Tony Blair",
            "Mr Tony Blair",
            "Tony Blaír",
            "Ann Bo",
        ];
        names.sort_by_key(|n| fullest_name_key(n));
        assert_eq!(
            names,
            [
                "Mr Tony Blair",
                "Tony Blair",
                "Tony Blaír",
                "Ann Bo",
                "Blair"
            ]
        );
    }

    #[test]
    fn the_same_article_under_two_labels_counts_once() {
        let mut a = Graph::default();
        a.articles
            .insert("d1".into(), article("zeta", "d1", Some("Talks")));
        a.nodes.insert(
            "person:blair".into(),
            person("Blair", &["Blair"], &[("d1", 2)]),
        );
        let mut b = a.clone();
        b.articles.insert("d1".into(), article("alpha", "d1", None));
        b.nodes.insert(
            "person:blair".into(),
            person("Blair", &["Blair", "Mr Blair"], &[("d1", 2)]),
        );
        let mut ab = a.clone();
        ab.merge(b.clone());
        let mut ba = b;
        ba.merge(a);
        assert_eq!(ab, ba);
        assert_eq!(ab.articles["d1"], article("alpha", "d1", Some("Talks")));
        let n = &ab.nodes["person:blair"];
        assert_eq!(n.seen, BTreeMap::from([("d1".to_string(), 2)]));
        assert_eq!(n.names.len(), 2);
    }

    #[test]
    fn merging_twice_changes_nothing() {
        let mut g = Graph::default();
        g.nodes.insert(
            "person:tony-blair".into(),
            person("Tony Blair", &["Tony Blair"], &[("d1", 3)]),
        );
        let ev = Evidence {
            article: "d1".into(),
            sentence: 0,
            start: 0,
            end: 4,
            text: "Hush".into(),
            cue: "said".into(),
            rule: "said.subject-verb-content".into(),
        };
        g.edges.insert(
            EdgeKey {
                source: "person:tony-blair".into(),
                kind: EdgeKind::Said,
                target: "statement:d1:0".into(),
                negated: false,
            },
            EvidenceSet::from([ev]),
        );
        let once = merge_all([g.clone()]);
        let twice = merge_all([g.clone(), g.clone()]);
        assert_eq!(once, g);
        assert_eq!(twice, g);
    }

    fn said_from(rule: &str, cue: &str) -> Graph {
        let mut g = Graph::default();
        let ev = Evidence {
            article: "d1".into(),
            sentence: 2,
            start: 10,
            end: 14,
            text: "Hush".into(),
            cue: cue.into(),
            rule: rule.into(),
        };
        g.edges.insert(
            EdgeKey {
                source: "person:roe".into(),
                kind: EdgeKind::Said,
                target: "statement:d1:1".into(),
                negated: false,
            },
            EvidenceSet::from([ev]),
        );
        g
    }

    /// One sentence of one edge read by two rules is one evidence entry:
    /// the smallest rule id, whatever the order; a known rule beats none.
    #[test]
    fn one_sentence_by_two_rules_keeps_the_smallest_rule() {
        let rules = |g: &Graph| -> Vec<(String, String)> {
            g.edges
                .values()
                .flatten()
                .map(|e| (e.rule.clone(), e.cue.clone()))
                .collect()
        };
        let a = said_from("said.subject-verb-content", "said");
        let b = said_from("said.according-to-opens", "according to");
        let old = said_from("", "said");
        for order in [
            [&a, &b, &old],
            [&b, &a, &old],
            [&old, &a, &b],
            [&old, &b, &a],
        ] {
            let g = merge_all(order.map(|g| g.clone()));
            assert_eq!(
                rules(&g),
                [(
                    "said.according-to-opens".to_string(),
                    "according to".to_string()
                )]
            );
        }
        let g = merge_all([old.clone(), old.clone()]);
        assert_eq!(rules(&g), [(String::new(), "said".to_string())]);
        let g = merge_all([old, a.clone()]);
        assert_eq!(
            rules(&g),
            [("said.subject-verb-content".to_string(), "said".to_string())]
        );
    }
}
