//! The graph explorer: one self-contained HTML page (`newsgraph view`) that
//! works offline, with no server and no network. It embeds cytoscape.js
//! (vendored from the npm registry in `vendor/cytoscape/`, MIT licence),
//! the explorer's own script and style (`src/export/html/`), and the graph.
//!
//! The graph goes in as JSON inside `<script type="application/json">`, in
//! a compact layout made for the page (see [`to_string`]): arrays instead of
//! objects, each evidence sentence stored once however many edges cite it.
//! Everything in it is article text and so untrusted: the JSON escapes every
//! `<` as `\u003c`, so no `</script>` or `<!--` can end or bend the data
//! block, and the page's script builds its DOM with `textContent` only.
//! Canvas labels are drawn by cytoscape, never parsed as markup.
//!
//! What the page does (search, details, filters, expanding) is described in
//! the README; it lays out only what the user asked to see, so a graph of
//! twenty thousand nodes opens as fast as a small one.

use std::collections::HashMap;

use serde::Serialize;

use crate::graph::{NodeKind, View};

/// cytoscape.js 3.35.0, `dist/cytoscape.min.js` from the npm package.
pub const CYTOSCAPE: &str = include_str!("../../vendor/cytoscape/cytoscape.min.js");
/// The explorer's script.
const SCRIPT: &str = include_str!("html/explorer.js");
/// The explorer's style sheet.
const STYLE: &str = include_str!("html/explorer.css");
/// The page, with `{{...}}` markers where the parts go.
const PAGE: &str = include_str!("html/explorer.html");

/// The value of the embedded data's `format` field, so the script can tell
/// a page it does not understand.
pub const DATA_FORMAT: &str = "newsgraph-view/1";

/// `[label, digest, title, source, date]`.
type ArticleRow<'a> = (
    &'a str,
    &'a str,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
);
/// `[id, kind, name (a statement's words), aliases, mentions, articles]`.
type NodeRow<'a> = (&'a str, &'static str, &'a str, &'a [String], u64, usize);
/// `[source index, target index, kind, negated (0/1), cue, [sentence index...]]`.
type EdgeRow<'a> = (usize, usize, &'static str, u8, &'a str, Vec<usize>);

/// The embedded data. Nodes, articles and sentences are referred to by index.
#[derive(Serialize)]
struct Data<'a> {
    format: &'static str,
    articles: Vec<ArticleRow<'a>>,
    nodes: Vec<NodeRow<'a>>,
    /// `[article index, sentence index, text]`, each sentence once.
    sentences: Vec<(usize, usize, &'a str)>,
    edges: Vec<EdgeRow<'a>>,
}

/// `json` made safe to put between `<script>` tags: every `<` (which JSON
/// only has inside strings) becomes the escape `\u003c`, so neither
/// `</script>` nor `<!--` can appear.
pub fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
}

/// `s` with the five characters HTML gives meaning to replaced by
/// references, for text and attribute values.
fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The embedded data of a view, as JSON (not yet [`script_safe`]).
///
/// O(size of the view).
pub fn data_json(view: &View) -> String {
    let article_index: HashMap<&str, usize> = view
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.digest.as_str(), i))
        .collect();
    let node_index: HashMap<&str, usize> = view
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let mut sentence_index: HashMap<(&str, usize), usize> = HashMap::new();
    let mut sentences = Vec::new();
    let mut edges = Vec::with_capacity(view.edges.len());
    for e in &view.edges {
        let (Some(&s), Some(&t)) = (
            node_index.get(e.source.as_str()),
            node_index.get(e.target.as_str()),
        ) else {
            continue; // an edge to a node the view lacks cannot be drawn
        };
        let mut ev: Vec<usize> = Vec::with_capacity(e.evidence.len());
        for (evidence, _, _) in &e.evidence {
            let key = (evidence.article.as_str(), evidence.sentence);
            let i = *sentence_index.entry(key).or_insert_with(|| {
                let article = article_index
                    .get(evidence.article.as_str())
                    .copied()
                    .unwrap_or(usize::MAX);
                sentences.push((article, evidence.sentence, evidence.text.as_str()));
                sentences.len() - 1
            });
            if !ev.contains(&i) {
                ev.push(i);
            }
        }
        edges.push((
            s,
            t,
            e.kind.as_str(),
            u8::from(e.negated),
            e.cue.as_str(),
            ev,
        ));
    }
    // An evidence whose article the view lacks points past the articles;
    // the script shows its digest-less sentence without an article.
    for s in &mut sentences {
        if s.0 == usize::MAX {
            s.0 = view.articles.len();
        }
    }
    let data = Data {
        format: DATA_FORMAT,
        articles: view
            .articles
            .iter()
            .map(|a| {
                (
                    a.id.as_str(),
                    a.digest.as_str(),
                    a.title.as_deref(),
                    a.source.as_deref(),
                    a.date.as_deref(),
                )
            })
            .collect(),
        nodes: view
            .nodes
            .iter()
            .map(|n| {
                let aliases: &[String] = if n.kind == NodeKind::Statement {
                    &[]
                } else {
                    &n.aliases
                };
                (
                    n.id.as_str(),
                    n.kind.as_str(),
                    n.name.as_str(),
                    aliases,
                    n.mentions,
                    n.articles.len(),
                )
            })
            .collect(),
        sentences,
        edges,
    };
    serde_json::to_string(&data).expect("the view data serialises")
}

/// The explorer page of a view: one HTML document with everything it needs
/// inside it.
///
/// O(size of the view), plus the 440 KB of the embedded library.
pub fn to_string(view: &View) -> String {
    let title = format!(
        "newsgraph: {} articles, {} nodes, {} edges",
        view.articles.len(),
        view.nodes.len(),
        view.edges.len()
    );
    let data = script_safe(&data_json(view));
    let mut out = String::with_capacity(PAGE.len() + CYTOSCAPE.len() + data.len() + 64 * 1024);
    // One pass over the markers, so no part is ever searched for markers.
    let mut rest = PAGE;
    while let Some(at) = rest.find("{{") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let end = after
            .find("}}")
            .expect("markers in the page template close");
        match &after[..end] {
            "TITLE" => out.push_str(&html_escape(&title)),
            "STYLE" => out.push_str(STYLE),
            "CYTOSCAPE" => out.push_str(CYTOSCAPE),
            "SCRIPT" => out.push_str(SCRIPT),
            "DATA" => out.push_str(&data),
            other => panic!("unknown marker {other:?} in the page template"),
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Edge, EdgeKind, Evidence, Node};

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

    fn evidence(sentence: usize, text: &str) -> (Evidence, String, String) {
        let e = Evidence {
            article: "d1".into(),
            sentence,
            start: 0,
            end: text.len(),
            text: text.into(),
            cue: "said".into(),
            rule: "said.subject-verb-content".into(),
        };
        (e, String::new(), String::new())
    }

    /// A speaker whose words and sentence try to break out of the page.
    fn hostile() -> View {
        let words = "</script><script>window.pwned=1</script><!-- & \"quoted\"";
        let sentence = "Reyes said \"</SCRIPT><img src=x onerror=alert(1)>\" to reporters.";
        let mut view = View::default();
        view.articles.push(crate::graph::ArticleInfo {
            id: "wire/</script>".into(),
            digest: "d1".into(),
            title: Some("<b>Title</b>".into()),
            ..Default::default()
        });
        view.nodes = vec![
            node(
                "person:tom-reyes",
                NodeKind::Person,
                "Tom Reyes",
                &["Reyes"],
            ),
            node("statement:d1:1", NodeKind::Statement, words, &[]),
        ];
        view.edges.push(Edge {
            source: "person:tom-reyes".into(),
            kind: EdgeKind::Said,
            target: "statement:d1:1".into(),
            negated: false,
            cue: "said".into(),
            evidence: vec![evidence(3, sentence), evidence(3, sentence)],
        });
        view
    }

    #[test]
    fn no_data_can_close_the_script_or_open_a_comment() {
        let page = to_string(&hostile());
        let lower = page.to_lowercase();
        // The page's own three: the library, the data, the script.
        assert_eq!(lower.matches("</script").count(), 3, "{}", &page[..200]);
        assert!(!lower.contains("<!--"));
        let data_at = page.find("type=\"application/json\"").unwrap();
        let block = &page[data_at..];
        let block = &block[block.find('>').unwrap() + 1..block.find("</script>").unwrap()];
        assert!(!block.contains('<'));
        // The escapes read back as the original text.
        let value: serde_json::Value = serde_json::from_str(block).unwrap();
        assert_eq!(
            value["nodes"][1][2],
            "</script><script>window.pwned=1</script><!-- & \"quoted\""
        );
        assert_eq!(value["articles"][0][0], "wire/</script>");
        assert_eq!(value["articles"][0][2], "<b>Title</b>");
    }

    #[test]
    fn a_sentence_is_stored_once_and_edges_point_at_it() {
        let value: serde_json::Value = serde_json::from_str(&data_json(&hostile())).unwrap();
        assert_eq!(value["format"], DATA_FORMAT);
        assert_eq!(value["sentences"].as_array().unwrap().len(), 1);
        assert_eq!(value["sentences"][0][0], 0);
        assert_eq!(value["sentences"][0][1], 3);
        let edge = &value["edges"][0];
        assert_eq!(edge[0], 0);
        assert_eq!(edge[1], 1);
        assert_eq!(edge[2], "said");
        assert_eq!(edge[3], 0);
        assert_eq!(edge[5], serde_json::json!([0]));
        assert_eq!(value["nodes"][0][3], serde_json::json!(["Reyes"]));
    }

    #[test]
    fn the_page_needs_nothing_from_outside() {
        let page = to_string(&View::default());
        assert!(page.starts_with("<!DOCTYPE html>"));
        for marker in [
            "{{TITLE}}",
            "{{STYLE}}",
            "{{CYTOSCAPE}}",
            "{{SCRIPT}}",
            "{{DATA}}",
        ] {
            assert!(!page.contains(marker), "{marker} was left in the page");
        }
        for outside in ["src=\"http", "href=\"http", "<link", "@import", "url(http"] {
            assert!(!page.contains(outside), "{outside}");
        }
        assert!(page.contains("cf.version=\"3.35.0\""));
    }

    #[test]
    fn the_vendored_library_is_the_npm_release_unchanged() {
        use sha2::{Digest, Sha256};
        let digest: String = Sha256::digest(CYTOSCAPE.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        // vendor/cytoscape/README.md: dist/cytoscape.min.js of cytoscape@3.35.0.
        assert_eq!(
            digest,
            "71fa9ebec21a7ca2c40cff6aacc30d1f6464e363662ad4b2c197e1adc770cd94"
        );
        assert!(
            CYTOSCAPE.contains("Permission is hereby granted"),
            "the licence header"
        );
    }

    #[test]
    fn the_vendored_library_cannot_end_its_own_script() {
        let lower = CYTOSCAPE.to_lowercase();
        assert!(!lower.contains("</script"));
        assert!(!lower.contains("<!--"));
        assert!(!SCRIPT.to_lowercase().contains("</script"));
    }

    #[test]
    fn script_safe_escapes_every_angle_bracket() {
        assert_eq!(script_safe(r#"["</script>"]"#), r#"["\u003c/script>"]"#);
        assert_eq!(html_escape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&#39;");
    }
}
