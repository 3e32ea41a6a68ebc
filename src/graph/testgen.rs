//! Extraction-like raw graphs for tests: each article is built from a small
//! [`ArticleSpec`], so the same article (digest) always extracts to the same
//! graph, as in real life, and a test graph is a union of some articles,
//! possibly under two labels each. The second label may also stand for a
//! graph of the same article written by another version of the extractor:
//! its evidence may name other rules, or none, for the same sentences.

use std::collections::BTreeSet;

use proptest::prelude::*;

use super::{
    ArticleInfo, EdgeKey, EdgeKind, Evidence, Graph, NodeKind, RawNode, add_evidence, merge_all,
    node_id,
};

/// Person names to draw from: shared surnames, a missing middle initial,
/// and surname-only mentions. (name, "Mr" or "Mrs" when known)
pub(crate) const PERSONS: [(&str, Option<&str>); 10] = [
    ("Tony Blair", Some("Mr")),
    ("Cherie Blair", Some("Mrs")),
    ("Blair", None),
    ("Bill Clinton", Some("Mr")),
    ("Hillary Clinton", Some("Mrs")),
    ("Hillary Rodham Clinton", Some("Mrs")),
    ("Clinton", None),
    ("George W. Bush", Some("Mr")),
    ("George Bush", Some("Mr")),
    ("Bush", None),
];

const NATIONS: [&str; 3] = ["Britain", "China", "Iraq"];

/// Statement texts; the first two are the same words.
const TEXTS: [&str; 4] = [
    "The talks will resume",
    "the talks  will RESUME",
    "We have no plans to withdraw",
    "Sanctions must stay",
];

/// Rule ids to draw from; "" is a graph written before rules were recorded.
const RULES: [&str; 4] = [
    "",
    "accused.verb-object",
    "said.according-to-opens",
    "said.subject-verb-content",
];

/// What one article says, in indices into the pools above.
#[derive(Clone, Debug)]
pub(crate) struct ArticleSpec {
    /// (person, variant of the names seen, mentions)
    pub persons: Vec<(usize, u8, u32)>,
    /// (speaker slot in `persons` or none, text, about: nation or person slot)
    pub statements: Vec<(Option<usize>, usize, usize)>,
    /// (accuser slot, accused: nation or person slot, negated)
    pub accusations: Vec<(usize, usize, bool)>,
    pub titled: bool,
    /// Which rules made the edges: bit 0 set, the second label's graph
    /// names other rules; bit 1 set, some sentences are read by two rules.
    pub rules: u8,
}

impl ArticleSpec {
    /// "Blair" (as Mr Blair) says the talks will resume and accuses Iraq.
    pub fn example() -> ArticleSpec {
        ArticleSpec {
            persons: vec![(2, 1, 2)],
            statements: vec![(Some(0), 0, 0)],
            accusations: vec![(0, 2, false)],
            titled: true,
            rules: 0,
        }
    }

    /// "Tony Blair" says the same words and denies accusing China.
    pub fn example_full_names() -> ArticleSpec {
        ArticleSpec {
            persons: vec![(0, 0, 1)],
            statements: vec![(Some(0), 1, 1)],
            accusations: vec![(0, 1, true)],
            titled: false,
            rules: 3,
        }
    }
}

/// The digest of pool article `k`.
pub(crate) fn digest(k: usize) -> String {
    format!("{:016x}", 0xd15e_5700_0000_u64 + k as u64 * 7919)
}

/// The raw graph of pool article `k` under label variant `label`.
pub(crate) fn article_graph(spec: &ArticleSpec, k: usize, label: u8) -> Graph {
    let d = digest(k);
    let mut g = Graph::default();
    g.articles.insert(
        d.clone(),
        ArticleInfo {
            id: if label == 0 {
                format!("wire/a{k}")
            } else {
                format!("copy/a{k}")
            },
            digest: d.clone(),
            title: spec.titled.then(|| format!("Story {k}")),
            source: Some("UPI".to_string()),
            dateline: Some("LONDON".to_string()),
            date: None,
        },
    );
    let mut person_ids = Vec::new();
    for &(p, variant, count) in &spec.persons {
        let (name, honorific) = PERSONS[p % PERSONS.len()];
        let id = node_id(NodeKind::Person, name);
        let last = name.rsplit(' ').next().unwrap_or(name);
        let mut names: BTreeSet<String> = [name.to_string()].into();
        match (variant % 3, honorific) {
            (1, Some(h)) => {
                names.insert(format!("{h} {last}"));
            }
            (1, None) => {
                names.insert(format!("Mr {last}"));
            }
            (2, Some(_)) => {
                names.insert(last.to_string());
            }
            (2, None) => {
                names.insert(format!("Mrs {last}"));
            }
            _ => {}
        }
        let node = g.nodes.entry(id.clone()).or_insert_with(|| RawNode {
            kind: NodeKind::Person,
            name: name.to_string(),
            names: BTreeSet::new(),
            seen: [(d.clone(), 0)].into(),
        });
        node.names.extend(names);
        let c = node.seen.get_mut(&d).expect("seen in its own article");
        *c = (*c).max(count);
        person_ids.push(id);
    }
    let mut sentence = 0;
    let mention = |g: &mut Graph, id: &str| {
        if let Some(n) = g.nodes.get_mut(id) {
            *n.seen.entry(d.clone()).or_insert(0) += 1;
        } else {
            let name = id.split(':').nth(1).unwrap_or_default();
            let name = NATIONS
                .iter()
                .find(|n| n.eq_ignore_ascii_case(name))
                .unwrap_or(&name);
            g.nodes.insert(
                id.to_string(),
                RawNode {
                    kind: NodeKind::Nation,
                    name: name.to_string(),
                    names: [name.to_string()].into(),
                    seen: [(d.clone(), 1)].into(),
                },
            );
        }
    };
    // A nation or person slot: nations first.
    let target = |slot: usize| -> String {
        let n = NATIONS.len() + person_ids.len();
        let slot = slot % n;
        if slot < NATIONS.len() {
            node_id(NodeKind::Nation, NATIONS[slot])
        } else {
            person_ids[slot - NATIONS.len()].clone()
        }
    };
    let edge = |g: &mut Graph, s: &str, kind: EdgeKind, t: &str, neg: bool, n: usize| {
        let text = format!("Sentence {n} of article {k}: {} {}.", kind.as_str(), t);
        let start = 40 + n * 120;
        let r = spec.rules as usize + n + (spec.rules & 1 & label) as usize;
        let ev = Evidence {
            article: d.clone(),
            sentence: n,
            start,
            end: start + text.len(),
            text,
            cue: if kind == EdgeKind::About {
                "said".to_string()
            } else {
                kind.as_str().to_string()
            },
            rule: RULES[r % RULES.len()].to_string(),
        };
        let key = EdgeKey {
            source: s.to_string(),
            kind,
            target: t.to_string(),
            negated: neg,
        };
        let set = g.edges.entry(key).or_default();
        // the same sentence read by a second rule, with its own cue
        if spec.rules & 2 != 0 && n.is_multiple_of(2) {
            let mut second = ev.clone();
            second.rule = RULES[(r + 1) % RULES.len()].to_string();
            second.cue = "told".to_string();
            add_evidence(set, second);
        }
        add_evidence(set, ev);
    };
    for &(speaker, text, about) in &spec.statements {
        sentence += 1;
        let id = format!("statement:{d}:{sentence}");
        g.nodes.insert(
            id.clone(),
            RawNode {
                kind: NodeKind::Statement,
                name: TEXTS[text % TEXTS.len()].to_string(),
                names: BTreeSet::new(),
                seen: [(d.clone(), 1)].into(),
            },
        );
        if let Some(s) = speaker
            && !person_ids.is_empty()
        {
            let s = person_ids[s % person_ids.len()].clone();
            edge(&mut g, &s, EdgeKind::Said, &id, false, sentence);
        }
        let t = target(about);
        mention(&mut g, &t);
        edge(&mut g, &id, EdgeKind::About, &t, false, sentence);
    }
    for &(a, b, negated) in &spec.accusations {
        if person_ids.is_empty() {
            continue;
        }
        sentence += 1;
        let s = person_ids[a % person_ids.len()].clone();
        let t = target(b);
        mention(&mut g, &t);
        edge(&mut g, &s, EdgeKind::Accused, &t, negated, sentence);
    }
    g
}

/// One article's spec.
pub(crate) fn article_spec() -> impl Strategy<Value = ArticleSpec> {
    (
        prop::collection::vec((0..PERSONS.len(), 0u8..3, 1u32..4), 0..4),
        prop::collection::vec(
            (
                prop::option::weighted(0.8, 0usize..4),
                0..TEXTS.len(),
                0usize..8,
            ),
            0..4,
        ),
        prop::collection::vec((0usize..4, 0usize..8, any::<bool>()), 0..3),
        any::<bool>(),
        any::<u8>(),
    )
        .prop_map(
            |(persons, statements, accusations, titled, rules)| ArticleSpec {
                persons,
                statements,
                accusations,
                titled,
                rules,
            },
        )
}

/// A pool of 1 to 4 articles.
pub(crate) fn pool() -> impl Strategy<Value = Vec<ArticleSpec>> {
    prop::collection::vec(article_spec(), 1..=4)
}

/// The union of the pool entries (article, label variant) whose bit is set
/// in `mask`: bit `2k + label`.
pub(crate) fn union(pool: &[ArticleSpec], mask: u8) -> Graph {
    merge_all(
        pool.iter()
            .enumerate()
            .flat_map(|(k, spec)| (0..2u8).map(move |label| (k, spec, label)))
            .filter(|(k, _, label)| mask & (1 << (2 * k + *label as usize)) != 0)
            .map(|(k, spec, label)| article_graph(spec, k, label)),
    )
}

/// A raw graph: some articles of a random pool.
pub(crate) fn graph() -> impl Strategy<Value = Graph> {
    (pool(), any::<u8>()).prop_map(|(pool, mask)| union(&pool, mask))
}
