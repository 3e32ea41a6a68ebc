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
//!
//! Node ids are not labels: Graphviz keeps an id as its scanner reads it,
//! where `\"` is a quote, a backslash before a line break is dropped, and
//! everything else (`\\`, `&amp;`, tabs, control characters) stays as it
//! is. So an id is written raw with only its quotes escaped, and reads back
//! as exactly the id; see [`quote_id`] for the few ids that cannot be.
//! Graphviz refuses a quoted string over 16 KiB, so long strings are
//! written in pieces joined by DOT's `+`.

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
                quote_id(c)
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
        quote_id(&node.id),
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
        quote_id(&edge.source),
        quote_id(&edge.target),
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

/// `s` escaped and in double quotes (in pieces if it is long).
pub fn quote(s: &str) -> String {
    in_pieces(&escape(s))
}

/// Bytes of one quoted piece, well under Graphviz's 16 KiB token limit.
const PIECE: usize = 4096;

/// Longest id written as an HTML string (`<...>`), which cannot be split.
const HTML_MAX: usize = 16_000;

/// A node id as a DOT ID that Graphviz reads back as exactly `id`.
///
/// Written raw in double quotes, only `"` escaped. Where that cannot work
/// (an odd run of backslashes before a quote, a line break or the end,
/// which the scanner would read as an escape) the id is written as an HTML
/// string `<id>` if its angle brackets nest. An id that is neither (or
/// holds a NUL) cannot be written exactly: that backslash run is made even
/// and a NUL becomes U+FFFD, so the id changes, but the file still parses.
/// O(len).
pub fn quote_id(id: &str) -> String {
    if quotable(id) {
        in_pieces(&id.replace('"', "\\\""))
    } else if html_nestable(id) {
        format!("<{id}>")
    } else {
        let mut body = String::with_capacity(id.len() + 2);
        let mut run = 0;
        for c in id.chars() {
            if run % 2 == 1 && matches!(c, '"' | '\n' | '\r') {
                body.push('\\');
            }
            run = if c == '\\' { run + 1 } else { 0 };
            match c {
                '"' => body.push_str("\\\""),
                '\0' => body.push('\u{fffd}'),
                c => body.push(c),
            }
        }
        if run % 2 == 1 {
            body.push('\\');
        }
        in_pieces(&body)
    }
}

/// True if [`quote_id`] writes `id` so that Graphviz reads it back exactly
/// (false only for ids with a NUL, or with both an odd backslash run before
/// a quote, a line break or the end and angle brackets that do not nest).
pub fn writes_exactly(id: &str) -> bool {
    quotable(id) || html_nestable(id)
}

/// True if `id` in double quotes, `"` escaped, reads back as itself: no
/// NUL, and no odd run of backslashes before `"`, a line break or the end.
fn quotable(id: &str) -> bool {
    let mut run = 0;
    for c in id.chars() {
        if c == '\0' || (run % 2 == 1 && matches!(c, '"' | '\n' | '\r')) {
            return false;
        }
        run = if c == '\\' { run + 1 } else { 0 };
    }
    run % 2 == 0
}

/// True if `<id>` is an HTML string whose text is `id`: its angle brackets
/// nest (the scanner ends the string at the `>` that closes the first `<`).
fn html_nestable(id: &str) -> bool {
    let mut depth: usize = 0;
    for c in id.chars() {
        match c {
            '<' => depth += 1,
            '>' if depth == 0 => return false,
            '>' => depth -= 1,
            '\0' => return false,
            _ => {}
        }
    }
    depth == 0 && id.len() <= HTML_MAX
}

/// `"body"`, or `"..." + "..."` pieces of at most about [`PIECE`] bytes,
/// each cut on a character boundary after an even run of backslashes so
/// that no escape is split.
fn in_pieces(body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 2);
    out.push('"');
    let mut piece = 0;
    let mut run = 0;
    for c in body.chars() {
        if piece >= PIECE && run % 2 == 0 {
            out.push_str("\" + \"");
            piece = 0;
        }
        out.push(c);
        piece += c.len_utf8();
        run = if c == '\\' { run + 1 } else { 0 };
    }
    out.push('"');
    out
}

/// Node ids, and edges as (source, target, label): what a DOT file draws.
#[cfg(any(test, fuzzing))]
#[doc(hidden)]
pub type Drawn = (Vec<String>, Vec<(String, String, String)>);

/// What Graphviz's scanner reads from a DOT file we wrote: the node ids in
/// order and the edges as (source, target, label), or `None` where the file
/// would not parse. Only for tests and the fuzzers, which check that ids
/// round-trip; it reads our output, not DOT in general.
#[cfg(any(test, fuzzing))]
#[doc(hidden)]
pub fn read_back(dot: &str) -> Option<Drawn> {
    #[derive(Debug, PartialEq)]
    enum Tok {
        Id(String, bool),
        P(&'static str),
    }
    let chars: Vec<char> = dot.chars().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '"' {
            // a quoted string, and any `+ "..."` pieces after it
            let mut s = String::new();
            loop {
                i += 1;
                loop {
                    match (chars.get(i)?, chars.get(i + 1)) {
                        ('"', _) => break,
                        ('\\', Some('"')) => {
                            s.push('"');
                            i += 2;
                        }
                        ('\\', Some('\\')) => {
                            s.push_str("\\\\");
                            i += 2;
                        }
                        ('\\', Some('\n')) => i += 2,
                        (&c, _) => {
                            s.push(c);
                            i += 1;
                        }
                    }
                }
                i += 1;
                let mut j = i;
                while chars.get(j).is_some_and(|c| c.is_whitespace()) {
                    j += 1;
                }
                if chars.get(j) != Some(&'+') {
                    break;
                }
                j += 1;
                while chars.get(j).is_some_and(|c| c.is_whitespace()) {
                    j += 1;
                }
                if chars.get(j) != Some(&'"') {
                    return None;
                }
                i = j;
            }
            toks.push(Tok::Id(s, true));
        } else if c == '<' {
            let mut depth = 1;
            let mut s = String::new();
            i += 1;
            loop {
                let c = *chars.get(i)?;
                i += 1;
                match c {
                    '<' => depth += 1,
                    '>' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                s.push(c);
            }
            toks.push(Tok::Id(s, true));
        } else if c.is_alphanumeric() || c == '_' || c == '.' {
            let start = i;
            while chars
                .get(i)
                .is_some_and(|c| c.is_alphanumeric() || *c == '_' || *c == '.')
            {
                i += 1;
            }
            toks.push(Tok::Id(chars[start..i].iter().collect(), false));
        } else if c == '-' && chars.get(i + 1) == Some(&'>') {
            toks.push(Tok::P("->"));
            i += 2;
        } else {
            let p = ["[", "]", "=", ",", ";", "{", "}"]
                .into_iter()
                .find(|p| p.starts_with(c))?;
            toks.push(Tok::P(p));
            i += 1;
        }
    }
    let mut t = toks.into_iter().peekable();
    if t.next()? != Tok::Id("digraph".into(), false) {
        return None;
    }
    t.next()?;
    if t.next()? != Tok::P("{") {
        return None;
    }
    let (mut nodes, mut edges) = (Vec::new(), Vec::new());
    loop {
        let first = match t.next()? {
            Tok::P("}") => break,
            Tok::Id(s, quoted) => (s, quoted),
            Tok::P(_) => return None,
        };
        let mut second = None;
        if t.peek() == Some(&Tok::P("->")) {
            t.next();
            match t.next()? {
                Tok::Id(s, _) => second = Some(s),
                Tok::P(_) => return None,
            }
        }
        let mut label = None;
        if t.peek() == Some(&Tok::P("[")) {
            t.next();
            loop {
                let key = match t.next()? {
                    Tok::P("]") => break,
                    Tok::P(",") => continue,
                    Tok::Id(k, _) => k,
                    Tok::P(_) => return None,
                };
                if t.next()? != Tok::P("=") {
                    return None;
                }
                let Tok::Id(value, _) = t.next()? else {
                    return None;
                };
                if key == "label" {
                    label = Some(value);
                }
            }
        }
        if t.next()? != Tok::P(";") {
            return None;
        }
        match (first, second) {
            ((kw, false), None) if matches!(kw.as_str(), "graph" | "node" | "edge") => {}
            ((id, _), None) => nodes.push(id),
            ((source, _), Some(target)) => edges.push((source, target, label.unwrap_or_default())),
        }
    }
    t.next().is_none().then_some((nodes, edges))
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

    /// A view with these node ids (kinds cycle) and an edge from each to the next.
    fn view_of(ids: &[String]) -> View {
        let mut v = View::default();
        for (i, id) in ids.iter().enumerate() {
            let kind = NodeKind::ALL[i % NodeKind::ALL.len()];
            v.nodes.push(Node {
                id: id.clone(),
                kind,
                name: format!("name {id}"),
                aliases: Vec::new(),
                mentions: 1,
                articles: BTreeSet::new(),
                members: vec![id.clone()],
                seen: BTreeMap::new(),
                raw: Vec::new(),
            });
        }
        v.nodes.sort_by(|a, b| a.id.cmp(&b.id));
        for (i, pair) in ids.windows(2).enumerate() {
            v.edges.push(Edge {
                source: pair[0].clone(),
                kind: EdgeKind::ALL[i % EdgeKind::ALL.len()],
                target: pair[1].clone(),
                negated: i % 3 == 0,
                cue: "said".into(),
                evidence: Vec::new(),
            });
        }
        v
    }

    /// What the DOT of `v` should read back as.
    fn expected(v: &View) -> Drawn {
        let nodes = v.nodes.iter().map(|n| n.id.clone()).collect();
        let edges = v
            .edges
            .iter()
            .map(|e| {
                let k = e.kind.as_str();
                let label = if e.negated {
                    format!("not {k}")
                } else {
                    k.to_string()
                };
                (e.source.clone(), e.target.clone(), label)
            })
            .collect();
        (nodes, edges)
    }

    /// Ids that differ only in white space and control characters, and ids
    /// with `&`, `\`, quotes and angle brackets.
    fn awkward_ids() -> Vec<String> {
        let mut ids: Vec<String> = [
            "person:jane doe",
            "person:jane  doe",
            "person:jane\tdoe",
            "person:jane\ndoe",
            "person:jane\r\ndoe",
            "person:jane\rdoe",
            "person:jane\u{1}doe",
            "person:jane\u{7f}doe",
            "person:jane\u{85}doe",
            "person:jane\u{a0}doe",
            "person:jane\u{2028}doe",
            "person:jane doe ",
            " person:jane doe",
            "person:jane\u{1b}[31mdoe",
            "organization:r&d",
            "organization:r&amp;d",
            "organization:a\\b",
            "organization:a\\\\b",
            "organization:a\\",
            "organization:a\\\\",
            "organization:a\\\"b",
            "organization:a\\\nb",
            "organization:\"quoted\"",
            "organization:<b>x</b>\\",
            "organization:a\\n",
            "graph",
            "node",
            "->",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        ids.push(format!("statement:{}", "long words ".repeat(3000)));
        ids.push(format!("statement:{}\\", "\\".repeat(9000)));
        ids
    }

    #[test]
    fn ids_differing_only_in_white_space_or_control_characters_stay_distinct() {
        // Issue 12 #8: 20 nodes drew as 16; ids with & or \ were renamed.
        let v = view_of(&awkward_ids());
        let back = read_back(&to_string(&v)).expect("our DOT parses");
        assert_eq!(back, expected(&v));
        let centred = to_string_with(
            &v,
            &Options {
                center: Some("organization:a\\".into()),
            },
        );
        assert!(centred.contains("root=<organization:a\\>"), "{centred}");
    }

    #[test]
    fn quote_id_writes_raw_ids_with_only_quotes_escaped() {
        assert_eq!(quote_id("person:jane-doe"), "\"person:jane-doe\"");
        assert_eq!(quote_id("r&d"), "\"r&d\"");
        assert_eq!(quote_id("a\\b"), "\"a\\b\"");
        assert_eq!(quote_id("a\"b"), "\"a\\\"b\"");
        assert_eq!(quote_id("a\\\\\"b"), "\"a\\\\\\\"b\"");
        // An odd backslash run before a quote, a line break or the end.
        assert_eq!(quote_id("a\\"), "<a\\>");
        assert_eq!(quote_id("a\\\nb"), "<a\\\nb>");
        // Neither form works: the file still parses, the id changes.
        assert_eq!(quote_id("a>\\"), "\"a>\\\\\"");
        assert_eq!(quote_id("a\0b"), "\"a\u{fffd}b\"");
        let long = quote_id(&"x".repeat(3 * PIECE));
        assert_eq!(long.matches("\" + \"").count(), 2);
    }

    /// Node names and edges as Graphviz reads them (`dot -Tjson`), or None
    /// when Graphviz is not installed.
    fn graphviz_reads(dot: &str) -> Option<Drawn> {
        use std::io::Write as _;
        use std::process::{Command, Stdio};
        let mut child = Command::new("dot")
            .arg("-Tjson")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .ok()?;
        let mut stdin = child.stdin.take().unwrap();
        let dot = dot.to_string();
        let writer = std::thread::spawn(move || stdin.write_all(dot.as_bytes()));
        let out = child.wait_with_output().unwrap();
        writer.join().unwrap().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{stderr}");
        // Graphviz 2.43 writes control characters raw inside JSON strings.
        let raw = String::from_utf8(out.stdout).unwrap();
        let (mut json, mut inside, mut run) = (String::new(), false, 0);
        for c in raw.chars() {
            if c == '"' && run % 2 == 0 {
                inside = !inside;
            }
            run = if c == '\\' { run + 1 } else { 0 };
            if inside && c.is_control() {
                let _ = write!(json, "\\u{:04x}", c as u32);
            } else {
                json.push(c);
            }
        }
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let names: Vec<String> = v["objects"]
            .as_array()
            .map(|o| {
                o.iter()
                    .map(|n| n["name"].as_str().unwrap().to_string())
                    .collect()
            })
            .unwrap_or_default();
        let edges = v["edges"]
            .as_array()
            .map(|es| {
                es.iter()
                    .map(|e| {
                        let end = |k: &str| names[e[k].as_u64().unwrap() as usize].clone();
                        (
                            end("tail"),
                            end("head"),
                            e["label"].as_str().unwrap().to_string(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        Some((names, edges))
    }

    #[test]
    fn graphviz_reads_back_every_awkward_id() {
        let v = view_of(&awkward_ids());
        let Some(back) = graphviz_reads(&to_string(&v)) else {
            eprintln!("skipped: graphviz `dot` is not installed");
            return;
        };
        let (mut back, mut want) = (back, expected(&v));
        // Graphviz lists edges in its own order.
        back.1.sort();
        want.1.sort();
        for (got, want) in back.0.iter().zip(&want.0) {
            assert!(got == want, "{:.200?} read as {:.200?}", want, got);
        }
        assert_eq!(back.0.len(), want.0.len());
        for (got, want) in back.1.iter().zip(&want.1) {
            assert!(got == want, "{:.200?} read as {:.200?}", want, got);
        }
        assert_eq!(back.1.len(), want.1.len());
    }

    fn awkward_id() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("a".to_string()),
            Just(" ".to_string()),
            Just("\\".to_string()),
            Just("\"".to_string()),
            Just("\n".to_string()),
            Just("\r".to_string()),
            Just("<".to_string()),
            Just(">".to_string()),
            Just("&amp;".to_string()),
            Just("+".to_string()),
            Just("->".to_string()),
            "\\PC".prop_map(|s| s),
            any::<char>().prop_map(String::from),
        ];
        prop::collection::vec(piece, 1..12).prop_map(|p| p.concat())
    }

    use proptest::prelude::*;

    proptest! {
        #[test]
        fn dot_draws_exactly_the_json_nodes_and_edges(
            ids in prop::collection::btree_set(awkward_id(), 1..12)
        ) {
            let ids: Vec<String> = ids
                .into_iter()
                .filter(|id| writes_exactly(id))
                .collect();
            let v = view_of(&ids);
            let json: serde_json::Value =
                serde_json::from_str(&crate::export::json::to_string(&v)).unwrap();
            let nodes: Vec<String> = json["nodes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n["id"].as_str().unwrap().to_string())
                .collect();
            let edges: Vec<(String, String, String)> = json["edges"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| {
                    let kind = e["kind"].as_str().unwrap();
                    let label = if e["negated"].as_bool().unwrap() {
                        format!("not {kind}")
                    } else {
                        kind.to_string()
                    };
                    let end = |k: &str| e[k].as_str().unwrap().to_string();
                    (end("source"), end("target"), label)
                })
                .collect();
            let back = read_back(&to_string(&v));
            prop_assert_eq!(back, Some((nodes, edges)));
        }

        #[test]
        fn any_id_gives_a_file_that_parses(id in awkward_id()) {
            let v = view_of(&[id.clone(), "b".to_string()]);
            let back = read_back(&to_string(&v));
            prop_assert!(back.is_some());
            if writes_exactly(&id) {
                prop_assert!(back.unwrap().0.contains(&id));
            }
        }
    }
}
