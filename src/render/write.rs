//! A [`Diagram`] as DOT, with the shapes and colours of
//! [`crate::export::dot`] and its escaping for quoted strings. The legend
//! and caption are one HTML-like graph label (so every layout engine
//! places them outside the drawing); HTML labels have their own escaping
//! ([`html`]).
//!
//! With `dot` an edge carries its label, and the layered layout keeps labels
//! apart. The other engines place an edge label on the line wherever it
//! falls, over nodes and other labels; so there each labelled edge is drawn
//! through a small label node (`A -- "accused ×2" -> B`), and the engine's
//! overlap removal (`overlap=prism`, with `sep` as margin) keeps every
//! label clear of every other, and `splines=true` routes lines around the
//! nodes.

use std::collections::BTreeSet;
use std::fmt::Write;

use super::{Diagram, Layout, Link, LinkKind};
use crate::export::dot::{colour, look, quote, shorten};
use crate::graph::{EdgeKind, NodeKind};

/// Characters per line of a node label.
const LINE: usize = 22;
/// Preferred length (inches, for `neato`) of the half of a focus's edge
/// at the focus, and of the other half.
const FOCUS_SIDE: f64 = 2.0;
const FAR_SIDE: f64 = 0.6;

/// Lines of a node label (the last one shortened with "…").
const LINES: usize = 3;

/// `s` for an HTML-like label: `&`, `<`, `>` and `"` as entities.
fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// `s` in lines of at most about `width` characters, broken at spaces, at
/// most `lines` of them (the last shortened with "…").
pub(crate) fn wrap(s: &str, width: usize, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let words: Vec<&str> = s.split_whitespace().collect();
    for (k, word) in words.iter().enumerate() {
        if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > width {
            if out.len() + 1 == lines {
                current.push(' ');
                current.push_str(&words[k..].join(" "));
                out.push(shorten(&current, width));
                return out;
            }
            out.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() || out.is_empty() {
        out.push(shorten(&current, width));
    }
    out
}

/// The colour of a link kind.
fn link_colour(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::Edge(k) => colour(k),
        LinkKind::SaidAbout => colour(EdgeKind::Said),
    }
}

/// The label of a link: its kind, "not" when denied, "×N" above one.
fn link_label(link: &Link) -> String {
    let mut s = String::new();
    if link.negated {
        s.push_str("not ");
    }
    s.push_str(link.kind.as_str());
    if link.count > 1 {
        let _ = write!(s, " ×{}", link.count);
    }
    s
}

/// Line width growing with the evidence: 1 for one, 4 at most.
fn pen(count: usize) -> f64 {
    (1.0 + (count as f64).log2() * 0.75).min(4.0)
}

/// "3 meetings", "1 report".
fn counted(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else if what == "person" {
        format!("{n} people")
    } else {
        format!("{n} {what}s")
    }
}

impl Diagram {
    /// The caption: what is drawn, what was left out, how statements were drawn.
    pub fn caption(&self) -> Vec<String> {
        let mut lines = Vec::new();
        match self.focus {
            Some(f) => lines.push(format!(
                "{}, {} hop{} around",
                self.items[f].name,
                self.depth,
                if self.depth == 1 { "" } else { "s" }
            )),
            None => lines.push("the graph".to_string()),
        }
        let left: usize = self.omitted.nodes.values().sum();
        let mut out_of = Vec::new();
        if left > 0 {
            let mut kinds: Vec<(usize, NodeKind)> =
                self.omitted.nodes.iter().map(|(k, &n)| (n, *k)).collect();
            kinds.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            out_of.extend(kinds.into_iter().map(|(n, k)| counted(n, k.as_str())));
        }
        if self.omitted.links > 0 {
            out_of.push(format!(
                "{} weaker edge{}",
                self.omitted.links,
                if self.omitted.links == 1 { "" } else { "s" }
            ));
        }
        if left > 0 {
            lines.push(format!(
                "{} of {} nodes shown, the strongest by mentions and evidence; left out: {}",
                self.items.len(),
                self.candidates,
                out_of.join(", ")
            ));
        } else if !out_of.is_empty() {
            lines.push(format!(
                "all {} nodes shown; left out: {} (the strongest edges are drawn)",
                self.items.len(),
                out_of.join(", ")
            ));
        }
        if self.collapsed && (self.omitted.collapsed > 0 || self.omitted.unplaced > 0) {
            let pairs = self
                .links
                .iter()
                .filter(|l| l.kind == LinkKind::SaidAbout)
                .count();
            let mut line = format!(
                "{} drawn as {} \"said about\" edges (×N: N statements)",
                counted(self.omitted.collapsed, "statement"),
                pairs
            );
            if self.omitted.unplaced > 0 {
                let whose = match self.focus {
                    Some(f) => format!("of {}'s", self.items[f].name),
                    None => "of theirs".to_string(),
                };
                let _ = write!(
                    line,
                    "; {} more {whose} are about no one shown",
                    self.omitted.unplaced
                );
            }
            lines.push(line);
        }
        lines
    }

    /// The diagram as DOT, with its layout engine named in the graph
    /// attributes, so that `dot -Tpng` of the text draws it as intended.
    ///
    /// O(nodes + links).
    pub fn to_dot(&self) -> String {
        let mut out = String::from("digraph newsgraph {\n");
        let layout = self.layout;
        let _ = write!(
            out,
            "  graph [charset=\"UTF-8\", layout={}, fontname=\"Helvetica\", fontsize=11, \
             tooltip=\"newsgraph\", pad=0.3, labelloc=b, labeljust=l, outputorder=edgesfirst",
            layout.as_str()
        );
        match layout {
            Layout::Dot => out.push_str(", rankdir=LR, nodesep=0.3"),
            Layout::Twopi => {
                out.push_str(
                    ", overlap=prism, overlap_scaling=-4, sep=\"+10\", splines=true, ranksep=1.6",
                );
                if let Some(f) = self.focus {
                    let _ = write!(out, ", root={}", quote(&self.items[f].id));
                }
            }
            Layout::Circo => out.push_str(", overlap=prism, sep=\"+10\", splines=true"),
            Layout::Neato | Layout::Sfdp => out.push_str(
                ", overlap=prism, overlap_scaling=-4, sep=\"+10\", splines=true, mode=major",
            ),
        }
        let _ = writeln!(out, ", label=<{}>];", self.legend());
        out.push_str(
            "  node [fontname=\"Helvetica\", fontsize=11, style=filled, color=\"#555555\", margin=\"0.08,0.03\"];\n",
        );
        out.push_str("  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];\n");
        for (k, item) in self.items.iter().enumerate() {
            let (shape, style, fill) = look(item.kind);
            let label = if item.kind == NodeKind::Statement {
                let mut lines = wrap(&shorten(&item.name, 70), 28, LINES);
                if let Some(first) = lines.first_mut() {
                    first.insert(0, '“');
                }
                if let Some(last) = lines.last_mut() {
                    last.push('”');
                }
                lines.join("\n")
            } else {
                wrap(&item.name, LINE, LINES).join("\n")
            };
            let mut tooltip = if item.kind == NodeKind::Statement {
                item.name.clone()
            } else {
                format!("{} ({})", item.name, item.id)
            };
            if !item.aliases.is_empty() {
                let _ = write!(tooltip, "\nalso: {}", item.aliases.join("; "));
            }
            let _ = write!(
                out,
                "  {} [label={}, shape={shape}, style={}, fillcolor=\"{fill}\", tooltip={}",
                quote(&item.id),
                quote(&label),
                quote(style),
                quote(&tooltip)
            );
            if item.kind == NodeKind::Statement {
                out.push_str(", fontsize=9");
            }
            if self.focus == Some(k) {
                out.push_str(", penwidth=3, fontsize=14");
            }
            out.push_str("];\n");
        }
        for (k, link) in self.links.iter().enumerate() {
            let c = link_colour(link.kind);
            let label = link_label(link);
            let mut style = format!(
                "color=\"{c}\", penwidth={:.2}, tooltip={}",
                pen(link.count),
                quote(&link.example)
            );
            if link.negated {
                style.push_str(", style=dashed");
            }
            let (s, t) = (
                quote(&self.items[link.source].id),
                quote(&self.items[link.target].id),
            );
            if layout == Layout::Dot {
                let _ = writeln!(
                    out,
                    "  {s} -> {t} [label={}, fontcolor=\"{c}\", {style}];",
                    quote(&label)
                );
            } else {
                // The label as a node of its own, so that overlap removal keeps it clear.
                let mid = quote(&format!("~label:{k}"));
                let _ = writeln!(
                    out,
                    "  {mid} [label={}, shape=box, style=filled, fillcolor=\"#ffffffd0\", color=none, \
                     fontsize=9, fontcolor=\"{c}\", margin=\"0.02,0.01\", width=0, height=0, tooltip={}];",
                    quote(&label),
                    quote(&link.example)
                );
                // Around a focus, a label sits nearer the far end, where
                // the circle is wider and there is room.
                let (near, far) = match self.focus {
                    Some(f) if link.source == f => (FOCUS_SIDE, FAR_SIDE),
                    Some(f) if link.target == f => (FAR_SIDE, FOCUS_SIDE),
                    _ => (1.0, 1.0),
                };
                let _ = writeln!(out, "  {s} -> {mid} [dir=none, len={near}, {style}];");
                let _ = writeln!(out, "  {mid} -> {t} [len={far}, {style}];");
            }
        }
        out.push_str("}\n");
        out
    }

    /// The caption and the legend of the kinds drawn, as an HTML-like label.
    fn legend(&self) -> String {
        let mut rows = Vec::new();
        for (k, line) in self.caption().iter().enumerate() {
            let text = if k == 0 {
                format!("<B>{}</B>", html(line))
            } else {
                html(line)
            };
            rows.push(format!("<TR><TD ALIGN=\"LEFT\">{text}</TD></TR>"));
        }
        let node_kinds: BTreeSet<NodeKind> = self.items.iter().map(|i| i.kind).collect();
        if !node_kinds.is_empty() {
            let mut cells = String::from("<TD>nodes:</TD>");
            for kind in node_kinds {
                let (_, _, fill) = look(kind);
                let _ = write!(
                    cells,
                    "<TD BGCOLOR=\"{fill}\" BORDER=\"1\" COLOR=\"#555555\">{}</TD>",
                    kind.as_str()
                );
            }
            rows.push(format!(
                "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"2\"><TR>{cells}</TR></TABLE></TD></TR>"
            ));
        }
        let link_kinds: BTreeSet<LinkKind> = self.links.iter().map(|l| l.kind).collect();
        if !link_kinds.is_empty() {
            let mut cells = String::from("<TD>edges:</TD>");
            for kind in link_kinds {
                let _ = write!(
                    cells,
                    "<TD><FONT COLOR=\"{}\">━━▶ {}</FONT></TD>",
                    link_colour(kind),
                    html(kind.as_str())
                );
            }
            if self.links.iter().any(|l| l.negated) {
                cells.push_str("<TD>╌╌▶ dashed: denied</TD>");
            }
            cells.push_str("<TD>×N: N sentences</TD>");
            rows.push(format!(
                "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"2\"><TR>{cells}</TR></TABLE></TD></TR>"
            ));
        }
        format!(
            "<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">{}</TABLE>",
            rows.concat()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::fixture;
    use crate::render::{Options, Statements, diagram};

    #[test]
    fn wrap_breaks_at_spaces_and_shortens_the_last_line() {
        assert_eq!(wrap("Tony Blair", 22, 3), ["Tony Blair"]);
        assert_eq!(
            wrap("Marine Stewardship Council", 22, 3),
            ["Marine Stewardship", "Council"]
        );
        let long =
            "debate between Mr Blair, William Hague and Charles Kennedy on the future of the party";
        let lines = wrap(long, 22, 3);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'), "{lines:?}");
        assert!(lines.iter().all(|l| l.chars().count() <= 23), "{lines:?}");
        assert_eq!(wrap("", 22, 3), [""]);
    }

    #[test]
    fn html_labels_are_escaped() {
        assert_eq!(html("R&D <b>\"x\""), "R&amp;D &lt;b&gt;&quot;x&quot;");
    }

    #[test]
    fn dot_names_the_layout_and_draws_labels_as_nodes_off_dot() {
        let v = fixture::view();
        let mut d = diagram(
            &v,
            &Options {
                focus: Some("person:john-doe".into()),
                depth: 2,
                statements: Statements::Collapse,
                ..Options::default()
            },
        );
        let text = d.to_dot();
        assert!(text.contains("layout=neato"), "{text}");
        assert!(text.contains("\"~label:0\""), "{text}");
        assert!(text.contains("said about"), "{text}");
        assert!(text.contains("<B>John Doe, 2 hops around</B>"), "{text}");
        d.layout = Layout::Dot;
        let text = d.to_dot();
        assert!(!text.contains("~label"), "{text}");
        assert!(text.contains("rankdir=LR"), "{text}");
    }
}
