//! Graphviz DOT, written by hand so that the output is deterministic and
//! every string is escaped (petgraph's `Dot` promises neither).
//!
//! Each node kind has its shape and fill colour, each edge kind its colour,
//! with the kind as label; negated edges are dashed. Statements show their
//! first ~60 characters and carry the full text as tooltip. The output
//! renders with `dot -Tsvg` without a warning.
//!
//! Escaping: inside a quoted DOT string only `\"` is an escape for the
//! parser, but labels and tooltips are then read as Graphviz *escString*s
//! (`\n`, `\l`, `\N`, `\G`, ... are special; `\\` is a backslash) and
//! HTML entities (`&amp;`) are decoded. So a backslash is written `\\`, a
//! quote `\"`, an ampersand `&amp;`, a newline `\n` (a line break), and
//! other control characters become spaces. Text is UTF-8 (`charset`).

use std::fmt::Write;

use crate::graph::{Edge, EdgeKind, Node, NodeKind, View};

/// How long a label (a statement's words, a meeting's or report's phrase) may get before it is shortened.
const STATEMENT_LABEL: usize = 60;

/// Choices for [`to_string_with`].
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Lay the graph out radially around the node with this id and
    /// emphasise it (for a neighbourhood).
    pub center: Option<String>,
}

/// The whole view as a DOT digraph.
///
/// O(N + E + evidence) time and output size.
pub fn to_string(view: &View) -> String {
    to_string_with(view, &Options::default())
}

/// The view as a DOT digraph, with [`Options`].
///
/// O(N + E + evidence).
pub fn to_string_with(view: &View, options: &Options) -> String {
    let mut out = String::new();
    out.push_str("digraph newsgraph {\n");
    let center = options
        .center
        .as_deref()
        .filter(|c| view.nodes.len() > 1 && view.nodes.iter().any(|n| n.id == *c));
    match center {
        Some(c) => {
            let _ = writeln!(
                out,
                "  graph [charset=\"UTF-8\", layout=twopi, root={}, ranksep=2, overlap=false, \
                 fontname=\"Helvetica\", tooltip=\"newsgraph\"];",
                quote(c)
            );
        }
        None => out.push_str(
            "  graph [charset=\"UTF-8\", rankdir=LR, fontname=\"Helvetica\", tooltip=\"newsgraph\"];\n",
        ),
    }
    out.push_str(
        "  node [fontname=\"Helvetica\", fontsize=11, style=filled, color=\"#555555\"];\n",
    );
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=9];\n");
    for node in &view.nodes {
        write_node(&mut out, node, center == Some(node.id.as_str()));
    }
    for edge in &view.edges {
        write_edge(&mut out, edge);
    }
    out.push_str("}\n");
    out
}

/// Shape, extra style and fill colour of a node kind.
pub(crate) fn look(kind: NodeKind) -> (&'static str, &'static str, &'static str) {
    match kind {
        NodeKind::Person => ("ellipse", "filled", "#dbe9f6"),
        NodeKind::Nation => ("box3d", "filled", "#fde3c0"),
        NodeKind::Organization => ("box", "filled", "#dcefd4"),
        NodeKind::Meeting => ("hexagon", "filled", "#eddcf5"),
        NodeKind::Report => ("note", "filled", "#fff5bf"),
        NodeKind::Statement => ("box", "rounded,filled", "#f4f4f4"),
    }
}

/// Colour of an edge kind.
pub(crate) fn colour(kind: EdgeKind) -> &'static str {
    match kind {
        EdgeKind::Said => "#1f77b4",
        EdgeKind::About => "#7f7f7f",
        EdgeKind::Accused => "#d62728",
        EdgeKind::Attends => "#2ca02c",
        EdgeKind::Cites => "#9467bd",
        EdgeKind::MemberOf => "#8c564b",
        EdgeKind::AuthoredBy => "#e377c2",
    }
}

fn write_node(out: &mut String, node: &Node, center: bool) {
    let (shape, style, fill) = look(node.kind);
    let (label, tooltip) = if node.kind == NodeKind::Statement {
        (
            format!("“{}”", shorten(&node.name, STATEMENT_LABEL)),
            node.name.clone(),
        )
    } else if node.aliases.is_empty() {
        (
            shorten(&node.name, STATEMENT_LABEL),
            format!("{} ({})", node.name, node.id),
        )
    } else {
        let tip = format!(
            "{} ({})\nalso: {}",
            node.name,
            node.id,
            node.aliases.join("; ")
        );
        (shorten(&node.name, STATEMENT_LABEL), tip)
    };
    let _ = write!(
        out,
        "  {} [label={}, shape={shape}, style={}, fillcolor=\"{fill}\", tooltip={}",
        quote(&node.id),
        quote(&label),
        quote(style),
        quote(&tooltip)
    );
    if node.kind == NodeKind::Statement {
        out.push_str(", fontsize=9");
    }
    if center {
        out.push_str(", penwidth=3, fontsize=14");
    }
    out.push_str("];\n");
}

fn write_edge(out: &mut String, edge: &Edge) {
    let kind = edge.kind.as_str();
    let label = if edge.negated {
        format!("not {kind}")
    } else {
        kind.to_string()
    };
    let mut tooltip = String::new();
    if let Some((ev, _, _)) = edge.evidence.first() {
        tooltip.push_str(&ev.text);
        if edge.evidence.len() > 1 {
            let _ = write!(tooltip, "\n(+{} more)", edge.evidence.len() - 1);
        }
    }
    let c = colour(edge.kind);
    let _ = write!(
        out,
        "  {} -> {} [label={}, color=\"{c}\", fontcolor=\"{c}\", tooltip={}",
        quote(&edge.source),
        quote(&edge.target),
        quote(&label),
        quote(&tooltip)
    );
    if edge.negated {
        out.push_str(", style=dashed");
    }
    out.push_str("];\n");
}

/// At most `max` characters of `s`, cut at a word boundary with "…".
/// Line breaks and runs of spaces become one space.
pub fn shorten(s: &str, max: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max).collect();
    // Back up to the last space if that keeps at least half the text.
    let cut = match cut.rfind(' ') {
        Some(i) if cut[..i].chars().count() >= max / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    let cut = cut.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':'));
    format!("{cut}…")
}

/// Escape `s` for use inside a double-quoted DOT string read as an
/// escString (see the module docs).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '&' => out.push_str("&amp;"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// `s` escaped and in double quotes.
pub fn quote(s: &str) -> String {
    format!("\"{}\"", escape(s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Ambiguity, Evidence};
    use std::collections::{BTreeMap, BTreeSet};

    #[test]
    fn escape_handles_every_special_character() {
        let cases = [
            ("plain", "plain"),
            ("say \"hi\"", "say \\\"hi\\\""),
            ("back\\slash", "back\\\\slash"),
            ("end\\", "end\\\\"),
            ("\\N and \\G and \\L", "\\\\N and \\\\G and \\\\L"),
            ("line\nbreak", "line\\nbreak"),
            ("crlf\r\nend", "crlf\\nend"),
            ("cr\rend", "cr\\nend"),
            ("tab\there\u{0}", "tab here "),
            ("R&D &lt;", "R&amp;D &amp;lt;"),
            ("Zürich — ’ 😀", "Zürich — ’ 😀"),
            ("", ""),
        ];
        for (raw, want) in cases {
            assert_eq!(escape(raw), want, "{raw:?}");
        }
        assert_eq!(quote("a\"b"), "\"a\\\"b\"");
    }

    #[test]
    fn escaped_strings_never_end_inside_an_escape() {
        // Whatever the input, the quoted string closes where we say it does:
        // every backslash in the output is part of a pair or of \" or \n.
        for raw in ["\\", "\\\\", "\"", "\\\"", "a\\\nb", "x\\", "\u{1F600}\\"] {
            let q = quote(raw);
            let inner = &q[1..q.len() - 1];
            let mut it = inner.chars();
            while let Some(c) = it.next() {
                if c == '\\' {
                    assert!(
                        matches!(it.next(), Some('\\' | '"' | 'n')),
                        "{raw:?} -> {q}"
                    );
                } else {
                    assert_ne!(c, '"', "{raw:?} -> {q}");
                }
            }
        }
    }

    #[test]
    fn shorten_cuts_at_a_word_boundary() {
        assert_eq!(shorten("short text", 60), "short text");
        assert_eq!(shorten("one  two\nthree", 60), "one two three");
        let long = "China should investigate U.S. concerns and start a dialogue on cyber issues";
        let s = shorten(long, 60);
        assert_eq!(
            s,
            "China should investigate U.S. concerns and start a dialogue…"
        );
        assert!(s.chars().count() <= 61);
        let word = "x".repeat(80);
        assert_eq!(shorten(&word, 60).chars().count(), 61);
        assert_eq!(
            shorten("Zürich, Zürich, Zürich, Zürich, Zürich", 20),
            "Zürich, Zürich…"
        );
    }

    pub(crate) fn tricky_view() -> View {
        let node = |id: &str, kind, name: &str, aliases: &[&str]| Node {
            id: id.into(),
            kind,
            name: name.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            mentions: 1,
            articles: BTreeSet::from(["d1".to_string()]),
            members: vec![id.into()],
            seen: BTreeMap::from([("d1".to_string(), 1)]),
            raw: Vec::new(),
        };
        let ev = |text: &str| Evidence {
            article: "d1".into(),
            sentence: 0,
            start: 0,
            end: text.len(),
            text: text.into(),
            cue: "said".into(),
            rule: String::new(),
        };
        let long = "We will \"not\" accept this \\ nor that \\N \\G in Zürich — ever 😀, \
                    said the minister at the end of a very long day\\";
        View {
            articles: Vec::new(),
            nodes: vec![
                node(
                    "nation:zürich",
                    NodeKind::Nation,
                    "Zürich \\",
                    &["Zurich", "Zü\"rich"],
                ),
                node("meeting:g-20", NodeKind::Meeting, "G-20 & friends", &[]),
                node(
                    "organization:a\\b",
                    NodeKind::Organization,
                    "A\\B\nCorp\r\n",
                    &[],
                ),
                node(
                    "person:jane-doe",
                    NodeKind::Person,
                    "Jane \"JD\" Doe",
                    &["Doe"],
                ),
                node("report:r", NodeKind::Report, "<b>report</b>", &[]),
                node("statement:d1:0", NodeKind::Statement, long, &[]),
            ],
            edges: vec![
                Edge {
                    source: "person:jane-doe".into(),
                    kind: EdgeKind::Said,
                    target: "statement:d1:0".into(),
                    negated: false,
                    cue: "said".into(),
                    evidence: vec![(ev("She said \"so\"\\"), "a".into(), "b".into())],
                },
                Edge {
                    source: "nation:zürich".into(),
                    kind: EdgeKind::Accused,
                    target: "organization:a\\b".into(),
                    negated: true,
                    cue: "accused".into(),
                    evidence: vec![
                        (ev("one"), "a".into(), "b".into()),
                        (ev("two"), "a".into(), "b".into()),
                    ],
                },
                Edge {
                    source: "person:jane-doe".into(),
                    kind: EdgeKind::Attends,
                    target: "meeting:g-20".into(),
                    negated: false,
                    cue: "attended".into(),
                    evidence: Vec::new(),
                },
            ],
            ambiguous: vec![Ambiguity {
                id: "person:doe".into(),
                candidates: Vec::new(),
            }],
            extra: Default::default(),
            corrections: Default::default(),
        }
    }

    #[test]
    fn output_is_deterministic_and_styled_per_kind() {
        let v = tricky_view();
        let dot = to_string(&v);
        assert_eq!(dot, to_string(&v));
        assert!(dot.starts_with("digraph newsgraph {\n  graph [charset=\"UTF-8\", rankdir=LR"));
        assert!(dot.contains("shape=box3d"));
        assert!(dot.contains("shape=hexagon"));
        assert!(dot.contains("shape=note"));
        assert!(dot.contains("style=\"rounded,filled\""));
        assert!(dot.contains("label=\"not accused\""));
        assert!(dot.contains("style=dashed"));
        assert!(dot.contains("(+1 more)"));
        assert!(dot.contains("…"));
        let centred = to_string_with(
            &v,
            &Options {
                center: Some("person:jane-doe".into()),
            },
        );
        assert!(centred.contains("layout=twopi, root=\"person:jane-doe\""));
        assert!(centred.contains("penwidth=3"));
    }

    /// Render with Graphviz when it is installed: nothing may appear on stderr.
    #[test]
    fn graphviz_renders_without_a_warning() {
        use std::io::Write as _;
        use std::process::{Command, Stdio};
        let v = tricky_view();
        for (name, dot) in [
            ("plain", to_string(&v)),
            (
                "centred",
                to_string_with(
                    &v,
                    &Options {
                        center: Some("nation:zürich".into()),
                    },
                ),
            ),
            ("empty", to_string(&View::default())),
        ] {
            let child = Command::new("dot")
                .arg("-Tsvg")
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn();
            let Ok(mut child) = child else {
                eprintln!("skipped: graphviz `dot` is not installed");
                return;
            };
            child
                .stdin
                .take()
                .unwrap()
                .write_all(dot.as_bytes())
                .unwrap();
            let out = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                out.status.success() && stderr.is_empty(),
                "{name}: {stderr}\n{dot}"
            );
            let svg = String::from_utf8(out.stdout).unwrap();
            if name == "plain" {
                // Backslashes and escapes come out literally.
                assert!(svg.contains("Zürich \\</text>"), "{svg}");
                assert!(svg.contains("G&#45;20 &amp; friends"), "{svg}");
                assert!(svg.contains("&lt;b&gt;report&lt;/b&gt;"), "{svg}");
                assert!(svg.contains("\\N \\G in Zürich"), "{svg}");
            }
        }
    }
}
