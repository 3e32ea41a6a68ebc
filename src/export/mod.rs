//! Writing a resolved graph out, one module per format. Adding a format
//! touches one file and one match arm of [`Format`].
//!
//! The formats for other tools (GraphML, CSV, Turtle) share one policy for
//! the characters a format cannot carry: XML 1.0 has no control characters
//! other than tab, line feed and carriage return, and no U+FFFE or U+FFFF,
//! so every such character becomes U+FFFD (`REPLACEMENT`) in all three, in
//! names, texts and ids alike ([`writable`]). A node id that changes this way
//! and then equals another id gets a `~2`, `~3`, ... suffix ([`Ids`]), so ids
//! stay unique. The JSON export carries every character (it is the lossless
//! format); DOT has its own escaping (see [`dot`]). The explorer page of
//! `newsgraph view` is [`html`].

pub mod csv;
pub mod dot;
pub mod graphml;
pub mod html;
pub mod json;
pub mod turtle;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::graph::View;

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// Graph JSON (docs/FORMAT.md); reads back with `json::from_str`.
    Json,
    /// Graphviz DOT.
    Dot,
    /// GraphML for networkx, Gephi and yEd.
    Graphml,
    /// A directory of CSV files and a `load.cypher` script, for LadybugDB
    /// (Kùzu) and `neo4j-admin database import`.
    Csv,
    /// RDF in Turtle, with schema.org classes.
    Turtle,
}

/// What an export produces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Output {
    /// One document, for a file or standard output.
    Document(String),
    /// Files of one directory: (file name, contents), in writing order.
    Files(Vec<(String, String)>),
}

impl Format {
    /// All formats, in the order help texts list them.
    pub const ALL: [Format; 5] = [
        Format::Json,
        Format::Dot,
        Format::Graphml,
        Format::Csv,
        Format::Turtle,
    ];

    /// The name a user types.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Dot => "dot",
            Format::Graphml => "graphml",
            Format::Csv => "csv",
            Format::Turtle => "turtle",
        }
    }

    /// The inverse of [`Format::as_str`].
    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// Whether this format writes a directory of files ([`Output::Files`])
    /// rather than one document, so that a caller can ask for a directory
    /// before doing any work.
    pub fn is_directory(self) -> bool {
        matches!(self, Format::Csv)
    }

    /// Write `view` in this format.
    ///
    /// O(size of the view).
    pub fn render(self, view: &View) -> Output {
        match self {
            Format::Json => Output::Document(json::to_string(view)),
            Format::Dot => Output::Document(dot::to_string(view)),
            Format::Graphml => Output::Document(graphml::to_string(view)),
            Format::Csv => Output::Files(csv::to_files(view)),
            Format::Turtle => Output::Document(turtle::to_string(view)),
        }
    }
}

/// The character written in place of one a format cannot carry.
pub const REPLACEMENT: char = '\u{FFFD}';

/// Whether no export but JSON writes `c` as it is: the characters XML 1.0
/// excludes (C0 controls other than tab, line feed and carriage return;
/// U+FFFE; U+FFFF).
pub fn is_unwritable(c: char) -> bool {
    matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// `s` with every [unwritable](is_unwritable) character replaced by
/// [`REPLACEMENT`]; borrowed when there is none (the common case).
pub fn writable(s: &str) -> Cow<'_, str> {
    if s.chars().any(is_unwritable) {
        Cow::Owned(
            s.chars()
                .map(|c| if is_unwritable(c) { REPLACEMENT } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(s)
    }
}

/// Node ids as the exports write them: [`writable`], and still unique.
/// An id that needs no replacement is written as it is; one that does and
/// then collides gets the first free `~N` suffix (N = 2, 3, ...), in node
/// order, so the result is deterministic.
#[derive(Debug, Default)]
pub(crate) struct Ids<'a> {
    renamed: HashMap<&'a str, String>,
}

impl<'a> Ids<'a> {
    /// The written ids of the view's nodes. O(N) when no id needs a
    /// replacement.
    pub(crate) fn new(view: &'a View) -> Ids<'a> {
        if !view.nodes.iter().any(|n| n.id.chars().any(is_unwritable)) {
            return Ids::default();
        }
        let mut taken: HashSet<String> = view
            .nodes
            .iter()
            .filter(|n| !n.id.chars().any(is_unwritable))
            .map(|n| n.id.clone())
            .collect();
        let mut renamed = HashMap::new();
        for node in view
            .nodes
            .iter()
            .filter(|n| n.id.chars().any(is_unwritable))
        {
            let base = writable(&node.id).into_owned();
            let mut id = base.clone();
            let mut n = 2;
            while taken.contains(&id) {
                id = format!("{base}~{n}");
                n += 1;
            }
            taken.insert(id.clone());
            renamed.insert(node.id.as_str(), id);
        }
        Ids { renamed }
    }

    /// The written form of the node id `id` (an edge end that is not a node
    /// of the view gets the plain replacement).
    pub(crate) fn get<'s>(&'s self, id: &'s str) -> Cow<'s, str> {
        match self.renamed.get(id) {
            Some(r) => Cow::Borrowed(r.as_str()),
            None => writable(id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Node, NodeKind};

    #[test]
    fn formats_round_trip_through_their_names() {
        for f in Format::ALL {
            assert_eq!(Format::parse(f.as_str()), Some(f));
        }
        assert_eq!(Format::parse("svg"), None);
        match Format::Dot.render(&View::default()) {
            Output::Document(d) => assert!(d.starts_with("digraph")),
            Output::Files(_) => panic!("dot is one document"),
        }
        for f in Format::ALL {
            let files = matches!(f.render(&View::default()), Output::Files(_));
            assert_eq!(files, f.is_directory(), "{f:?}");
        }
    }

    #[test]
    fn control_characters_become_the_replacement_character() {
        assert!(matches!(writable("plain — ’ Zürich"), Cow::Borrowed(_)));
        assert_eq!(writable("a\u{1}b\u{1f}\u{7f}"), "a\u{fffd}b\u{fffd}\u{7f}");
        assert_eq!(writable("tab\tlf\ncr\r"), "tab\tlf\ncr\r");
        assert_eq!(
            writable("\u{0}\u{b}\u{c}\u{fffe}\u{ffff}"),
            "\u{fffd}".repeat(5)
        );
    }

    fn node(id: &str) -> Node {
        Node {
            id: id.to_string(),
            kind: NodeKind::Person,
            name: id.to_string(),
            aliases: vec![],
            mentions: 1,
            articles: Default::default(),
            members: vec![id.to_string()],
            seen: Default::default(),
            raw: vec![],
        }
    }

    #[test]
    fn ids_stay_unique_after_the_replacement() {
        let mut view = View::default();
        for id in [
            "person:a\u{1}",
            "person:a\u{2}",
            "person:a\u{fffd}",
            "person:a\u{fffd}~2",
        ] {
            view.nodes.push(node(id));
        }
        view.nodes.sort_by(|a, b| a.id.cmp(&b.id));
        let ids = Ids::new(&view);
        let written: Vec<String> = view
            .nodes
            .iter()
            .map(|n| ids.get(&n.id).into_owned())
            .collect();
        let unique: HashSet<&String> = written.iter().collect();
        assert_eq!(unique.len(), written.len(), "{written:?}");
        assert_eq!(ids.get("person:a\u{fffd}"), "person:a\u{fffd}");
        assert_eq!(ids.get("person:a\u{1}"), "person:a\u{fffd}~3");
        assert_eq!(ids.get("person:a\u{2}"), "person:a\u{fffd}~4");
        assert_eq!(ids.get("elsewhere\u{1}"), "elsewhere\u{fffd}");
    }
}
