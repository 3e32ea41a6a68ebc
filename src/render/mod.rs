//! Diagrams a person can read: a reduced picture of a view, chosen and laid
//! out for Graphviz. It owns the *selection* (which nodes and edges a
//! picture shows: the neighbourhood of a focus, the edge kinds asked for,
//! the strongest nodes up to a budget), the *collapsing* of statements
//! ("X said S, S about Y" drawn as one `said about` edge X -> Y labelled
//! with the number of statements), the *caption* that says what was left
//! out, the *legend* and the choice of layout engine. It writes DOT
//! ([`Diagram::to_dot`], in [`write`]); running Graphviz is the CLI's job.
//! The full, unreduced DOT export is [`crate::export::dot`].
//!
//! Depth counts hops between actors: a statement is no hop of its own, so
//! the people and nations a person spoke about are one hop away, as are
//! those he accused or met.

mod write;

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, VecDeque};

use crate::graph::{EdgeKind, NodeKind, View};

/// Up to this many statements in the selection are drawn as nodes when
/// [`Statements::Auto`] decides; more are collapsed.
pub const HANDFUL: usize = 6;

/// The default budget of nodes ([`Options::max_nodes`]).
pub const MAX_NODES: usize = 60;

/// Beyond the edges of the focus and those that connect each node to the
/// picture (without a focus: each node's strongest edge), only the strongest edges are drawn, up to this many per node
/// (a fraction, over [`EDGE_BUDGET_DIV`]), so that an ego diagram does not
/// become a hairball of everyone linked to everyone.
pub const EDGE_BUDGET: usize = 3;
/// See [`EDGE_BUDGET`]: at most `nodes * EDGE_BUDGET / EDGE_BUDGET_DIV` edges,
/// and never fewer than [`EDGE_FLOOR`].
pub const EDGE_BUDGET_DIV: usize = 2;
/// A small diagram draws up to this many edges whatever its size.
pub const EDGE_FLOOR: usize = 50;

/// At most this many nodes are laid out with `dot` (layered, edge labels
/// placed by the layout) when there is no focus; more go to `sfdp`.
pub const SMALL: usize = 16;

/// How statements are drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Statements {
    /// [`Statements::Show`] for up to [`HANDFUL`] statements, else
    /// [`Statements::Collapse`].
    #[default]
    Auto,
    /// One `said about` edge per (speaker, subject) pair, labelled with the
    /// number of statements.
    Collapse,
    /// Every statement a node of its own, with its `said` and `about` edges.
    Show,
}

/// A Graphviz layout engine.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Layout {
    /// Layered, left to right: small graphs; edge labels placed by the layout.
    Dot,
    /// Spring model with overlaps removed: an ego diagram.
    Neato,
    /// Multiscale spring model: large graphs.
    Sfdp,
    /// Radial, the focus at the centre.
    Twopi,
    /// Circular.
    Circo,
}

impl Layout {
    /// All engines, in the order help lists them.
    pub const ALL: [Layout; 5] = [
        Layout::Dot,
        Layout::Neato,
        Layout::Sfdp,
        Layout::Twopi,
        Layout::Circo,
    ];

    /// The Graphviz name of the engine.
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Dot => "dot",
            Layout::Neato => "neato",
            Layout::Sfdp => "sfdp",
            Layout::Twopi => "twopi",
            Layout::Circo => "circo",
        }
    }

    /// The inverse of [`Layout::as_str`].
    pub fn parse(s: &str) -> Option<Layout> {
        Layout::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

/// What to draw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Draw the neighbourhood of the node with this (resolved) id.
    pub focus: Option<String>,
    /// Hops from the focus (ignored without one).
    pub depth: usize,
    /// Keep only edges of these kinds (`None`: all). A collapsed
    /// `said about` edge is kept when `said` or `about` is listed.
    pub kinds: Option<BTreeSet<EdgeKind>>,
    /// How statements are drawn.
    pub statements: Statements,
    /// At most this many nodes; the strongest are kept.
    pub max_nodes: usize,
    /// The layout engine; `None` picks one for the size ([`Layout`]).
    pub layout: Option<Layout>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            focus: None,
            depth: 1,
            kinds: None,
            statements: Statements::Auto,
            max_nodes: MAX_NODES,
            layout: None,
        }
    }
}

/// What a link of a diagram stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum LinkKind {
    /// An edge of the graph.
    Edge(EdgeKind),
    /// Statements of the source about the target, collapsed.
    SaidAbout,
}

impl LinkKind {
    /// The words a label and the legend use.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::Edge(k) => k.as_str(),
            LinkKind::SaidAbout => "said about",
        }
    }
}

/// A node of a diagram.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// The node id in the view.
    pub id: String,
    pub kind: NodeKind,
    /// Canonical name; for a statement, its text.
    pub name: String,
    /// Other names, for the tooltip.
    pub aliases: Vec<String>,
    /// Its strength: mentions plus the evidence of its links among the candidates.
    pub weight: u64,
}

/// An edge of a diagram.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// Index into [`Diagram::items`].
    pub source: usize,
    /// Index into [`Diagram::items`].
    pub target: usize,
    pub kind: LinkKind,
    /// The article denies it ("did not accuse").
    pub negated: bool,
    /// Sentences of evidence; for [`LinkKind::SaidAbout`], statements.
    pub count: usize,
    /// One sentence or statement it stands for, for the tooltip.
    pub example: String,
}

/// What a diagram leaves out of the neighbourhood (or the graph) it draws.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Omitted {
    /// Candidate nodes not drawn, by kind.
    pub nodes: BTreeMap<NodeKind, usize>,
    /// Links among candidates not drawn: an end was left out, or they were
    /// weaker than the edge budget allowed ([`EDGE_BUDGET`]).
    pub links: usize,
    /// Statements the drawn `said about` edges stand for (0 when statements
    /// are shown).
    pub collapsed: usize,
    /// Collapsed statements of the focus (without a focus: of the drawn
    /// speakers) that no drawn edge stands for: about no one drawn.
    pub unplaced: usize,
}

/// A picture ready to be written as DOT.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagram {
    /// Drawn nodes, in view order (by id).
    pub items: Vec<Item>,
    /// Drawn links, sorted by (source, target, kind, negated).
    pub links: Vec<Link>,
    /// Index of the focus in `items`.
    pub focus: Option<usize>,
    /// The depth asked for (with a focus).
    pub depth: usize,
    /// Whether statements were collapsed.
    pub collapsed: bool,
    /// How many nodes the neighbourhood (or graph) had to choose from.
    pub candidates: usize,
    /// What was left out.
    pub omitted: Omitted,
    /// The layout engine.
    pub layout: Layout,
}

/// A link before the selection: ends are view node indices.
#[derive(Clone, Debug)]
struct Raw {
    source: usize,
    target: usize,
    kind: LinkKind,
    negated: bool,
    count: usize,
    example: String,
    /// The statements a `said about` link stands for (view indices).
    statements: Vec<usize>,
}

/// A collapsed statement and its speakers (view indices).
type Said = (usize, Vec<usize>);

/// The links of the whole view for a statement policy and edge kinds, and
/// the statements collapsed. O(E log E).
fn links(view: &View, collapse: bool, kinds: Option<&BTreeSet<EdgeKind>>) -> (Vec<Raw>, Vec<Said>) {
    let index = crate::query::index_by_id(view);
    let wanted = |k: EdgeKind| kinds.is_none_or(|ks| ks.contains(&k));
    let statement = |i: usize| view.nodes[i].kind == NodeKind::Statement;
    let mut out = Vec::new();
    // statement index -> (speakers, subjects), each with the edge's negation.
    type Ends = Vec<(usize, bool)>;
    let mut said: BTreeMap<usize, (Ends, Ends)> = BTreeMap::new();
    for e in &view.edges {
        let (Some(&s), Some(&t)) = (index.get(e.source.as_str()), index.get(e.target.as_str()))
        else {
            continue;
        };
        if collapse && (statement(s) || statement(t)) {
            match e.kind {
                EdgeKind::Said if statement(t) => said.entry(t).or_default().0.push((s, e.negated)),
                EdgeKind::About if statement(s) => {
                    said.entry(s).or_default().1.push((t, e.negated))
                }
                _ => {}
            }
            continue;
        }
        if !wanted(e.kind) {
            continue;
        }
        out.push(Raw {
            source: s,
            target: t,
            kind: LinkKind::Edge(e.kind),
            negated: e.negated,
            count: e.evidence.len().max(1),
            example: e
                .evidence
                .first()
                .map(|(ev, _, _)| ev.text.clone())
                .unwrap_or_default(),
            statements: Vec::new(),
        });
    }
    let mut collapsed = Vec::new();
    if collapse && (wanted(EdgeKind::Said) || wanted(EdgeKind::About)) {
        let mut pairs: BTreeMap<(usize, usize, bool), Vec<usize>> = BTreeMap::new();
        for (&st, (speakers, subjects)) in &said {
            collapsed.push((st, speakers.iter().map(|p| p.0).collect()));
            for &(s, ns) in speakers {
                for &(t, nt) in subjects {
                    if s != t {
                        pairs.entry((s, t, ns || nt)).or_default().push(st);
                    }
                }
            }
        }
        for ((s, t, negated), statements) in pairs {
            out.push(Raw {
                source: s,
                target: t,
                kind: LinkKind::SaidAbout,
                negated,
                count: statements.len(),
                example: view.nodes[statements[0]].name.clone(),
                statements,
            });
        }
    }
    (out, collapsed)
}

/// Hops from `focus` over `raw`, walked both ways, up to `depth`; stepping
/// onto a statement costs nothing (0-1 breadth-first search). O(N + E).
fn distances(view: &View, raw: &[Raw], focus: usize, depth: usize) -> BTreeMap<usize, usize> {
    let mut adj: Vec<Vec<usize>> = vec![Vec::new(); view.nodes.len()];
    for l in raw {
        adj[l.source].push(l.target);
        adj[l.target].push(l.source);
    }
    let mut dist: BTreeMap<usize, usize> = BTreeMap::from([(focus, 0)]);
    let mut queue = VecDeque::from([focus]);
    while let Some(n) = queue.pop_front() {
        let d = dist[&n];
        for &m in &adj[n] {
            let step = usize::from(view.nodes[m].kind != NodeKind::Statement);
            let nd = d + step;
            if nd > depth || dist.get(&m).is_some_and(|&old| old <= nd) {
                continue;
            }
            dist.insert(m, nd);
            if step == 0 {
                queue.push_front(m);
            } else {
                queue.push_back(m);
            }
        }
    }
    dist
}

/// Choose what to draw. `options.focus` must be a node id of `view` (the
/// CLI resolves names first); an unknown focus draws nothing.
///
/// O(E log E + N log N).
pub fn diagram(view: &View, options: &Options) -> Diagram {
    let focus = options
        .focus
        .as_deref()
        .and_then(|f| view.nodes.binary_search_by(|n| n.id.as_str().cmp(f)).ok());
    let collapse = match options.statements {
        Statements::Collapse => true,
        Statements::Show => false,
        Statements::Auto => {
            let d = select(view, options, focus, false);
            let shown = d
                .items
                .iter()
                .filter(|i| i.kind == NodeKind::Statement)
                .count();
            let left = d
                .omitted
                .nodes
                .get(&NodeKind::Statement)
                .copied()
                .unwrap_or(0);
            if shown + left <= HANDFUL {
                return d;
            }
            true
        }
    };
    select(view, options, focus, collapse)
}

fn select(view: &View, options: &Options, focus: Option<usize>, collapse: bool) -> Diagram {
    let (raw, collapsed) = links(view, collapse, options.kinds.as_ref());
    // Candidates: the neighbourhood of the focus, or every linked node.
    let candidates: BTreeSet<usize> = match (focus, &options.focus) {
        (Some(f), _) => distances(view, &raw, f, options.depth)
            .into_keys()
            .collect(),
        (None, Some(_)) => BTreeSet::new(),
        (None, None) => raw.iter().flat_map(|l| [l.source, l.target]).collect(),
    };
    let inner: Vec<&Raw> = raw
        .iter()
        .filter(|l| candidates.contains(&l.source) && candidates.contains(&l.target))
        .collect();
    let mut weight: BTreeMap<usize, u64> = candidates
        .iter()
        .map(|&i| (i, view.nodes[i].mentions))
        .collect();
    let mut adj: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for l in &inner {
        *weight.get_mut(&l.source).unwrap() += l.count as u64;
        *weight.get_mut(&l.target).unwrap() += l.count as u64;
        adj.entry(l.source).or_default().push(l.target);
        adj.entry(l.target).or_default().push(l.source);
    }
    let budget = options.max_nodes.max(1);
    let strength = |i: usize| (weight[&i], Reverse(view.nodes[i].id.as_str()));
    // (node, the chosen node it was reached from): the links that connect the picture.
    let mut tree: BTreeSet<(usize, usize)> = BTreeSet::new();
    let chosen: BTreeSet<usize> = match focus {
        // Best first from the focus: always the strongest node next to
        // what is drawn, so the picture stays connected.
        Some(f) => {
            let mut chosen = BTreeSet::new();
            let mut heap = BinaryHeap::from([(strength(f), f, f)]);
            while let Some((_, n, from)) = heap.pop() {
                if chosen.len() == budget {
                    break;
                }
                if !chosen.insert(n) {
                    continue;
                }
                tree.insert((n.min(from), n.max(from)));
                for &m in adj.get(&n).into_iter().flatten() {
                    if !chosen.contains(&m) {
                        heap.push((strength(m), m, n));
                    }
                }
            }
            chosen
        }
        None => {
            let mut all: Vec<usize> = candidates.iter().copied().collect();
            all.sort_by_key(|&i| Reverse(strength(i)));
            all.truncate(budget);
            // A node none of whose links survived says nothing: leave it out.
            let kept: BTreeSet<usize> = all.into_iter().collect();
            kept.iter()
                .copied()
                .filter(|i| {
                    adj.get(i)
                        .is_some_and(|ns| ns.iter().any(|m| m != i && kept.contains(m)))
                })
                .collect()
        }
    };
    let position: BTreeMap<usize, usize> =
        chosen.iter().enumerate().map(|(k, &i)| (i, k)).collect();
    let items: Vec<Item> = chosen
        .iter()
        .map(|&i| {
            let n = &view.nodes[i];
            Item {
                id: n.id.clone(),
                kind: n.kind,
                name: n.name.clone(),
                aliases: n.aliases.clone(),
                weight: weight[&i],
            }
        })
        .collect();
    // Every link of the focus, the strongest link of each tree pair, then
    // the strongest others while the edge budget lasts.
    let between: Vec<&Raw> = inner
        .iter()
        .copied()
        .filter(|l| chosen.contains(&l.source) && chosen.contains(&l.target))
        .collect();
    let mut order: Vec<usize> = (0..between.len()).collect();
    order.sort_by_key(|&k| (Reverse(between[k].count), k));
    let mut keep = vec![false; between.len()];
    let mut tied: BTreeSet<(usize, usize)> = BTreeSet::new();
    // Without a focus, each node keeps its strongest link, so that none
    // is drawn alone.
    let mut covered: BTreeSet<usize> = BTreeSet::new();
    for &k in &order {
        let l = between[k];
        let pair = (l.source.min(l.target), l.source.max(l.target));
        if focus.is_some_and(|f| l.source == f || l.target == f)
            || (tree.contains(&pair) && tied.insert(pair))
            || (focus.is_none() && !(covered.contains(&l.source) && covered.contains(&l.target)))
        {
            keep[k] = true;
            covered.extend([l.source, l.target]);
        }
    }
    let edge_budget = (items.len() * EDGE_BUDGET / EDGE_BUDGET_DIV).max(EDGE_FLOOR);
    let mut kept = keep.iter().filter(|&&k| k).count();
    for &k in &order {
        if kept >= edge_budget {
            break;
        }
        if !keep[k] {
            keep[k] = true;
            kept += 1;
        }
    }
    let mut drawn: Vec<Link> = between
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .filter_map(|(l, _)| {
            Some(Link {
                source: *position.get(&l.source)?,
                target: *position.get(&l.target)?,
                kind: l.kind,
                negated: l.negated,
                count: l.count,
                example: l.example.clone(),
            })
        })
        .collect();
    drawn.sort_by(|a, b| {
        (a.source, a.target, a.kind, a.negated).cmp(&(b.source, b.target, b.kind, b.negated))
    });
    let mut omitted = Omitted {
        links: inner.len() - drawn.len(),
        ..Omitted::default()
    };
    for &i in candidates.difference(&chosen) {
        *omitted.nodes.entry(view.nodes[i].kind).or_default() += 1;
    }
    // The statements the drawn edges stand for, and those of the focus (or
    // of the drawn speakers) that none does.
    let placed: BTreeSet<usize> = between
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .flat_map(|(l, _)| l.statements.iter().copied())
        .collect();
    omitted.collapsed = placed.len();
    omitted.unplaced = collapsed
        .iter()
        .filter(|(st, speakers)| {
            !placed.contains(st)
                && speakers.iter().any(|s| match focus {
                    Some(f) => *s == f,
                    None => chosen.contains(s),
                })
        })
        .count();
    let layout = options.layout.unwrap_or(match focus {
        Some(_) => Layout::Neato,
        None if items.len() <= SMALL => Layout::Dot,
        None => Layout::Sfdp,
    });
    Diagram {
        focus: focus.and_then(|f| position.get(&f).copied()),
        depth: options.depth,
        collapsed: collapse,
        candidates: candidates.len(),
        items,
        links: drawn,
        omitted,
        layout,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::fixture;

    fn names(d: &Diagram) -> Vec<&str> {
        d.items.iter().map(|i| i.id.as_str()).collect()
    }

    #[test]
    fn statements_collapse_into_one_edge_per_pair() {
        let v = fixture::view();
        let d = diagram(
            &v,
            &Options {
                statements: Statements::Collapse,
                ..Options::default()
            },
        );
        assert!(d.collapsed);
        assert!(d.items.iter().all(|i| i.kind != NodeKind::Statement));
        let said: Vec<&Link> = d
            .links
            .iter()
            .filter(|l| l.kind == LinkKind::SaidAbout)
            .collect();
        assert_eq!(said.len(), 1);
        assert_eq!(d.items[said[0].source].id, "person:john-doe");
        assert_eq!(d.items[said[0].target].id, "nation:china");
        assert_eq!(said[0].count, 1);
        // Ms Doe's only statement is about no one: she has no edge and is
        // left out, and her statement is not counted among those drawn.
        assert!(!names(&d).contains(&"person:doe"));
        assert_eq!(d.omitted.collapsed, 1);
        assert_eq!(d.omitted.unplaced, 0);
        // Around her, it is drawn as about no one shown.
        let d = diagram(
            &v,
            &Options {
                focus: Some("person:doe".into()),
                statements: Statements::Collapse,
                ..Options::default()
            },
        );
        assert_eq!(names(&d), ["person:doe"]);
        assert_eq!((d.omitted.collapsed, d.omitted.unplaced), (0, 1));
    }

    #[test]
    fn a_handful_of_statements_is_shown() {
        let v = fixture::view();
        let d = diagram(&v, &Options::default());
        assert!(!d.collapsed);
        assert!(names(&d).contains(&"statement:aaaa:1"));
        assert_eq!(d.layout, Layout::Dot);
    }

    #[test]
    fn a_statement_is_no_hop() {
        let v = fixture::view();
        for statements in [Statements::Collapse, Statements::Show] {
            let d = diagram(
                &v,
                &Options {
                    focus: Some("person:john-doe".into()),
                    depth: 1,
                    statements,
                    ..Options::default()
                },
            );
            // China is one hop away through the statement about it; the
            // U.N. (China's member_of) is two.
            let ids = names(&d);
            assert!(ids.contains(&"nation:china"), "{statements:?} {ids:?}");
            assert!(!ids.contains(&"organization:un"), "{statements:?} {ids:?}");
            assert_eq!(d.items[d.focus.unwrap()].id, "person:john-doe");
            assert_eq!(d.layout, Layout::Neato);
        }
    }

    #[test]
    fn kinds_filter_and_the_budget_keeps_the_strongest() {
        let v = fixture::view();
        let only = |kinds: &[EdgeKind]| Options {
            kinds: Some(kinds.iter().copied().collect()),
            ..Options::default()
        };
        let d = diagram(&v, &only(&[EdgeKind::MemberOf]));
        assert!(
            d.links
                .iter()
                .all(|l| l.kind == LinkKind::Edge(EdgeKind::MemberOf))
        );
        assert_eq!(
            names(&d),
            [
                "nation:china",
                "nation:us",
                "organization:un",
                "person:john-doe"
            ]
        );
        let d = diagram(
            &v,
            &Options {
                focus: Some("nation:china".into()),
                depth: 3,
                max_nodes: 2,
                statements: Statements::Collapse,
                ..Options::default()
            },
        );
        assert_eq!(d.items.len(), 2);
        assert!(d.focus.is_some());
        let left: usize = d.omitted.nodes.values().sum();
        assert_eq!(left + 2, d.candidates);
        assert!(d.omitted.links > 0);
    }

    #[test]
    fn without_a_focus_no_node_is_drawn_alone() {
        let v = fixture::view();
        for max_nodes in 1..=6 {
            let d = diagram(
                &v,
                &Options {
                    max_nodes,
                    statements: Statements::Collapse,
                    ..Options::default()
                },
            );
            assert!(d.items.len() <= max_nodes);
            for k in 0..d.items.len() {
                assert!(
                    d.links.iter().any(|l| l.source == k || l.target == k),
                    "{max_nodes}: {} alone",
                    d.items[k].id
                );
            }
        }
    }

    #[test]
    fn an_unknown_focus_draws_nothing() {
        let v = fixture::view();
        let d = diagram(
            &v,
            &Options {
                focus: Some("person:nobody".into()),
                ..Options::default()
            },
        );
        assert!(d.items.is_empty() && d.links.is_empty());
    }

    #[test]
    fn layouts_round_trip_through_their_names() {
        for l in Layout::ALL {
            assert_eq!(Layout::parse(l.as_str()), Some(l));
        }
    }
}
