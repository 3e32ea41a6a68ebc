//! GraphML, for networkx (`networkx.read_graphml`), Gephi and yEd.
//!
//! One directed `<graph>`; every attribute is declared in a typed `<key>`.
//! Nodes carry `label` (the name, or a statement's first words, for Gephi),
//! `kind`, `name`, `aliases` (a JSON array in a string: GraphML has no list
//! type), `mentions` and `articles` (counts), and a statement its `text`.
//! Edges carry `kind`, `negated`, `cue`, `evidence_count`, and the first
//! evidence's `evidence_text` (the sentence) and `evidence_article` (the
//! article's digest). Every edge has its own `id` (`e0`, `e1`, ... in the
//! view's order), so networkx reads a multigraph and parallel edges stay
//! edges.
//!
//! Escaping: `&`, `<`, `>`, `"` and `'` become entities; in attribute values
//! tab, line feed and carriage return become character references so that
//! XML's attribute normalisation keeps them, and a carriage return in text
//! is `&#13;` for the same reason. Characters XML 1.0 cannot carry become
//! U+FFFD, and ids stay unique (see [`super`]).

use std::borrow::Cow;
use std::fmt::Write;

use super::{Ids, writable};
use crate::graph::{Edge, Node, NodeKind, View};

/// How long a statement's label gets before it is shortened.
const LABEL: usize = 60;

/// The `<key>` declarations: (id, for, attr.name, attr.type).
const KEYS: [(&str, &str, &str, &str); 13] = [
    ("label", "node", "label", "string"),
    ("kind", "node", "kind", "string"),
    ("name", "node", "name", "string"),
    ("aliases", "node", "aliases", "string"),
    ("mentions", "node", "mentions", "long"),
    ("articles", "node", "articles", "long"),
    ("text", "node", "text", "string"),
    ("e_kind", "edge", "kind", "string"),
    ("negated", "edge", "negated", "boolean"),
    ("cue", "edge", "cue", "string"),
    ("evidence_count", "edge", "evidence_count", "int"),
    ("evidence_text", "edge", "evidence_text", "string"),
    ("evidence_article", "edge", "evidence_article", "string"),
];

/// The whole view as a GraphML document.
///
/// O(N + E + evidence) time and output size.
pub fn to_string(view: &View) -> String {
    let ids = Ids::new(view);
    let mut out = String::with_capacity(256 * (view.nodes.len() + view.edges.len()) + 2048);
    out.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for (id, what, name, ty) in KEYS {
        let _ = writeln!(
            out,
            "  <key id=\"{id}\" for=\"{what}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        );
    }
    out.push_str("  <graph id=\"newsgraph\" edgedefault=\"directed\">\n");
    for node in &view.nodes {
        write_node(&mut out, node, &ids);
    }
    for (i, edge) in view.edges.iter().enumerate() {
        write_edge(&mut out, i, edge, &ids);
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

fn write_node(out: &mut String, node: &Node, ids: &Ids) {
    let _ = writeln!(out, "    <node id=\"{}\">", attr(&ids.get(&node.id)));
    let statement = node.kind == NodeKind::Statement;
    let label = if statement {
        super::dot::shorten(&node.name, LABEL)
    } else {
        node.name.clone()
    };
    data(out, "label", &label);
    data(out, "kind", node.kind.as_str());
    if statement {
        data(out, "text", &node.name);
    } else {
        data(out, "name", &node.name);
        // Replaced before JSON would hide a control character as `\u0001`.
        let aliases: Vec<Cow<str>> = node.aliases.iter().map(|a| writable(a)).collect();
        let aliases = serde_json::to_string(&aliases).expect("strings serialise");
        data(out, "aliases", &aliases);
    }
    data(out, "mentions", &node.mentions.to_string());
    data(out, "articles", &node.articles.len().to_string());
    out.push_str("    </node>\n");
}

fn write_edge(out: &mut String, i: usize, edge: &Edge, ids: &Ids) {
    let _ = writeln!(
        out,
        "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\">",
        attr(&ids.get(&edge.source)),
        attr(&ids.get(&edge.target))
    );
    data(out, "e_kind", edge.kind.as_str());
    data(out, "negated", if edge.negated { "true" } else { "false" });
    data(out, "cue", &edge.cue);
    data(out, "evidence_count", &edge.evidence.len().to_string());
    if let Some((first, _, _)) = edge.evidence.first() {
        data(out, "evidence_text", &first.text);
        data(out, "evidence_article", &first.article);
    }
    out.push_str("    </edge>\n");
}

/// One `<data>` element.
fn data(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "      <data key=\"{key}\">{}</data>", text(value));
}

/// `s` escaped for element content.
pub fn text(s: &str) -> String {
    escape(s, false)
}

/// `s` escaped for a double-quoted attribute value.
pub fn attr(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, in_attr: bool) -> String {
    let s = writable(s);
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            '\n' if in_attr => out.push_str("&#10;"),
            '\t' if in_attr => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{EdgeKind, Evidence};

    #[test]
    fn escape_handles_xml_special_characters() {
        let cases = [
            ("plain", "plain", "plain"),
            (
                "R&D <b> \"q\" 'a'",
                "R&amp;D &lt;b&gt; &quot;q&quot; &apos;a&apos;",
                "",
            ),
            (
                "line\nbreak\ttab",
                "line\nbreak\ttab",
                "line&#10;break&#9;tab",
            ),
            ("crlf\r\n", "crlf&#13;\n", "crlf&#13;&#10;"),
            ("bell\u{7}nul\u{0}", "bell\u{fffd}nul\u{fffd}", ""),
            ("Zürich — ’ 😀", "Zürich — ’ 😀", "Zürich — ’ 😀"),
            ("&amp;", "&amp;amp;", "&amp;amp;"),
        ];
        for (raw, want_text, want_attr) in cases {
            assert_eq!(text(raw), want_text, "{raw:?}");
            let want_attr = if want_attr.is_empty() {
                want_text
            } else {
                want_attr
            };
            assert_eq!(attr(raw), want_attr, "{raw:?}");
        }
    }

    fn node(id: &str, kind: NodeKind, name: &str, aliases: &[&str]) -> Node {
        Node {
            id: id.to_string(),
            kind,
            name: name.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions: 2,
            articles: ["d1".to_string()].into(),
            members: vec![id.to_string()],
            seen: Default::default(),
            raw: vec![],
        }
    }

    #[test]
    fn nodes_and_edges_carry_typed_data() {
        let ev = Evidence {
            article: "d1".into(),
            sentence: 3,
            start: 10,
            end: 40,
            text: "Kessler said <talks> & \u{1}more.".into(),
            cue: "said".into(),
            rule: String::new(),
        };
        let view = View {
            extra: Default::default(),
            articles: vec![],
            nodes: vec![
                node(
                    "person:kessler\u{1}",
                    NodeKind::Person,
                    "Anna \"K\" Kessler",
                    &["Kessler", "A. & K.\u{1}"],
                ),
                node("statement:d1:0", NodeKind::Statement, "talks & more", &[]),
            ],
            edges: vec![Edge {
                source: "person:kessler\u{1}".into(),
                kind: EdgeKind::Said,
                target: "statement:d1:0".into(),
                negated: true,
                cue: "said".into(),
                evidence: vec![(ev, "person:kessler\u{1}".into(), "statement:d1:0".into())],
            }],
            ambiguous: vec![],
            corrections: Default::default(),
        };
        let g = to_string(&view);
        assert!(
            g.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml "),
            "{g}"
        );
        assert!(g.contains(
            "<key id=\"mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"long\"/>"
        ));
        assert!(g.contains("<node id=\"person:kessler\u{fffd}\">"), "{g}");
        assert!(
            g.contains("<data key=\"name\">Anna &quot;K&quot; Kessler</data>"),
            "{g}"
        );
        assert!(
            g.contains(
                "<data key=\"aliases\">[&quot;Kessler&quot;,&quot;A. &amp; K.\u{fffd}&quot;]</data>"
            ),
            "{g}"
        );
        assert!(
            g.contains("<data key=\"text\">talks &amp; more</data>"),
            "{g}"
        );
        assert!(
            g.contains(
                "<edge id=\"e0\" source=\"person:kessler\u{fffd}\" target=\"statement:d1:0\">"
            ),
            "{g}"
        );
        assert!(g.contains("<data key=\"negated\">true</data>"), "{g}");
        assert!(g.contains("<data key=\"evidence_count\">1</data>"), "{g}");
        assert!(
            g.contains(
                "<data key=\"evidence_text\">Kessler said &lt;talks&gt; &amp; \u{fffd}more.</data>"
            ),
            "{g}"
        );
        assert!(!g.chars().any(super::super::is_unwritable));
        assert!(g.ends_with("</graph>\n</graphml>\n"));
    }
}
