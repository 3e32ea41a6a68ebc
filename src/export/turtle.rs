//! RDF in Turtle, with schema.org classes, for pyoxigraph, rdflib and RDF
//! stores.
//!
//! Every node is one IRI, [`NODE`] followed by its id (percent-encoded where
//! an IRI cannot carry a character), typed with a schema.org class
//! (`schema:Person`, `schema:Country`, `schema:Organization`,
//! `schema:Event`, `schema:Report`, `schema:Quotation`), with
//! `schema:identifier` (the newsgraph id), `schema:name` and one
//! `schema:alternateName` per alias (a statement has `schema:text`
//! instead), `ng:mentions`, and `ng:seenIn` for each article. Articles are
//! [`ARTICLE`] + digest, typed `schema:NewsArticle`.
//!
//! Every edge is an `rdf:Statement` (classic reification: `rdf:subject`,
//! `rdf:predicate`, `rdf:object`) with `ng:negated`, `ng:cue` and one
//! `ng:evidence` node per piece of evidence (`ng:article`, `ng:sentence`,
//! `ng:start`, `ng:end`, `ng:text`, `ng:cue`). An edge that is not negated
//! is also asserted as a plain triple (`<speaker> ng:said <statement>`); a
//! negated one is only reified, since the article denies it. No RDF-star
//! `<< >>`: pyoxigraph 0.5 reads that as RDF 1.2.
//!
//! The vocabulary is [`VOCAB`] (prefix `ng:`); schema.org is
//! `https://schema.org/`. Strings escape `"`, `\`, line feed, carriage
//! return and tab; characters no export carries become U+FFFD and ids stay
//! unique (see [`super`]).

use std::fmt::Write;

use super::{Ids, writable};
use crate::graph::{Edge, Node, NodeKind, View};

/// Our vocabulary: the classes and properties newsgraph defines.
pub const VOCAB: &str = "urn:newsgraph:vocab:";
/// Where node IRIs live: this followed by the node id.
pub const NODE: &str = "urn:newsgraph:node:";
/// Where article IRIs live: this followed by the article digest.
pub const ARTICLE: &str = "urn:newsgraph:article:";

/// The schema.org class of a node kind.
fn class(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Person => "schema:Person",
        NodeKind::Nation => "schema:Country",
        NodeKind::Organization => "schema:Organization",
        NodeKind::Meeting => "schema:Event",
        NodeKind::Report => "schema:Report",
        NodeKind::Statement => "schema:Quotation",
    }
}

/// The whole view as a Turtle document.
///
/// O(N + E + evidence) time and output size.
pub fn to_string(view: &View) -> String {
    let ids = Ids::new(view);
    let mut out = String::with_capacity(400 * (view.nodes.len() + view.edges.len()) + 1024);
    out.push_str("@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n");
    out.push_str("@prefix schema: <https://schema.org/> .\n");
    let _ = writeln!(out, "@prefix ng: <{VOCAB}> .\n");
    for a in &view.articles {
        let _ = write!(
            out,
            "{} a schema:NewsArticle ;\n  schema:identifier {} ;\n  ng:digest {}",
            iri(ARTICLE, &a.digest),
            literal(&a.id),
            literal(&a.digest)
        );
        for (property, value) in [
            ("schema:headline", &a.title),
            ("ng:source", &a.source),
            ("ng:dateline", &a.dateline),
            ("ng:date", &a.date),
        ] {
            if let Some(v) = value {
                let _ = write!(out, " ;\n  {property} {}", literal(v));
            }
        }
        out.push_str(" .\n\n");
    }
    for node in &view.nodes {
        write_node(&mut out, node, &ids);
    }
    for edge in &view.edges {
        write_edge(&mut out, edge, &ids);
    }
    out
}

fn write_node(out: &mut String, node: &Node, ids: &Ids) {
    let id = ids.get(&node.id);
    let _ = write!(
        out,
        "{} a {} ;\n  schema:identifier {}",
        iri(NODE, &id),
        class(node.kind),
        literal(&id)
    );
    if node.kind == NodeKind::Statement {
        let _ = write!(out, " ;\n  schema:text {}", literal(&node.name));
    } else {
        let _ = write!(out, " ;\n  schema:name {}", literal(&node.name));
        if !node.aliases.is_empty() {
            let aliases: Vec<String> = node.aliases.iter().map(|a| literal(a)).collect();
            let _ = write!(out, " ;\n  schema:alternateName {}", aliases.join(", "));
        }
    }
    let _ = write!(out, " ;\n  ng:mentions {}", node.mentions);
    if !node.articles.is_empty() {
        let seen: Vec<String> = node.articles.iter().map(|d| iri(ARTICLE, d)).collect();
        let _ = write!(out, " ;\n  ng:seenIn {}", seen.join(", "));
    }
    out.push_str(" .\n\n");
}

fn write_edge(out: &mut String, edge: &Edge, ids: &Ids) {
    let (s, o) = (
        iri(NODE, &ids.get(&edge.source)),
        iri(NODE, &ids.get(&edge.target)),
    );
    let p = format!("ng:{}", edge.kind.as_str());
    if !edge.negated {
        let _ = writeln!(out, "{s} {p} {o} .");
    }
    let _ = write!(
        out,
        "[] a rdf:Statement ;\n  rdf:subject {s} ;\n  rdf:predicate {p} ;\n  rdf:object {o} ;\n  \
         ng:negated {} ;\n  ng:cue {}",
        edge.negated,
        literal(&edge.cue)
    );
    for (i, (ev, _, _)) in edge.evidence.iter().enumerate() {
        out.push_str(if i == 0 {
            " ;\n  ng:evidence "
        } else {
            ",\n    "
        });
        let _ = write!(
            out,
            "[ a ng:Evidence ; ng:article {} ; ng:sentence {} ; ng:start {} ; ng:end {} ; \
             ng:text {} ; ng:cue {} ]",
            iri(ARTICLE, &ev.article),
            ev.sentence,
            ev.start,
            ev.end,
            literal(&ev.text),
            literal(&ev.cue)
        );
    }
    out.push_str(" .\n\n");
}

/// `s` as a Turtle string literal in double quotes.
pub fn literal(s: &str) -> String {
    let s = writable(s);
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `<base + local>`, with every character of `local` that an IRI cannot
/// carry as it is percent-encoded (UTF-8 bytes), `%` included, so that
/// distinct ids give distinct IRIs. Kept: ASCII letters, digits, `-._~:`,
/// and the non-ASCII characters RFC 3987 allows (`ucschar`).
pub fn iri(base: &str, local: &str) -> String {
    let mut out = String::with_capacity(base.len() + local.len() + 2);
    out.push('<');
    out.push_str(base);
    for c in local.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~' | ':') || is_ucschar(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out.push('>');
    out
}

/// RFC 3987 `ucschar`: the non-ASCII characters an IRI path may hold.
fn is_ucschar(c: char) -> bool {
    let u = c as u32;
    matches!(u, 0xA0..=0xD7FF | 0xF900..=0xFDCF | 0xFDF0..=0xFFEF)
        || (0x10000..0xF0000).contains(&u) && (u & 0xFFFF) <= 0xFFFD
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{EdgeKind, Evidence};

    #[test]
    fn literals_escape_quotes_backslashes_and_line_breaks() {
        let cases = [
            ("plain", "\"plain\""),
            ("", "\"\""),
            ("say \"no\"", "\"say \\\"no\\\"\""),
            ("back\\slash", "\"back\\\\slash\""),
            ("a\nb\r\nc\td", "\"a\\nb\\r\\nc\\td\""),
            ("bell\u{7}", "\"bell\u{fffd}\""),
            ("Zürich — ’ 😀 '''", "\"Zürich — ’ 😀 '''\""),
        ];
        for (raw, want) in cases {
            assert_eq!(literal(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn odd_ids_give_valid_distinct_iris() {
        let cases = [
            (
                "person:barack-obama",
                "<urn:newsgraph:node:person:barack-obama>",
            ),
            (
                "person:zürich-ürs",
                "<urn:newsgraph:node:person:zürich-ürs>",
            ),
            ("person:a b", "<urn:newsgraph:node:person:a%20b>"),
            ("person:a%20b", "<urn:newsgraph:node:person:a%2520b>"),
            (
                "x:<>\"{}|^`\\#?/",
                "<urn:newsgraph:node:x:%3C%3E%22%7B%7D%7C%5E%60%5C%23%3F%2F>",
            ),
            (
                "x:\u{fffd}\u{fffe}",
                "<urn:newsgraph:node:x:%EF%BF%BD%EF%BF%BE>",
            ),
            ("x:\u{f0000}😀", "<urn:newsgraph:node:x:%F3%B0%80%80😀>"),
        ];
        for (id, want) in cases {
            assert_eq!(iri(NODE, id), want, "{id:?}");
        }
    }

    #[test]
    fn negated_edges_are_reified_but_not_asserted() {
        let node = |id: &str, kind, name: &str| Node {
            id: id.into(),
            kind,
            name: name.into(),
            aliases: vec![],
            mentions: 1,
            articles: ["d1".to_string()].into(),
            members: vec![id.into()],
            seen: Default::default(),
            raw: vec![],
        };
        let edge = |negated| Edge {
            source: "person:a".into(),
            kind: EdgeKind::Accused,
            target: "person:b".into(),
            negated,
            cue: "accused".into(),
            evidence: vec![(
                Evidence {
                    article: "d1".into(),
                    sentence: 1,
                    start: 3,
                    end: 8,
                    text: "A \"did\" it.".into(),
                    cue: "accused".into(),
                    rule: String::new(),
                },
                "person:a".into(),
                "person:b".into(),
            )],
        };
        let view = View {
            extra: Default::default(),
            articles: vec![],
            nodes: vec![
                node("person:a", NodeKind::Person, "A"),
                node("person:b", NodeKind::Person, "B"),
            ],
            edges: vec![edge(false), edge(true)],
            ambiguous: vec![],
            corrections: Default::default(),
        };
        let t = to_string(&view);
        let asserted = "<urn:newsgraph:node:person:a> ng:accused <urn:newsgraph:node:person:b> .";
        assert_eq!(t.matches(asserted).count(), 1, "{t}");
        assert_eq!(t.matches("a rdf:Statement").count(), 2, "{t}");
        assert!(t.contains("ng:negated true"), "{t}");
        assert!(t.contains(
            "ng:evidence [ a ng:Evidence ; ng:article <urn:newsgraph:article:d1> ; ng:sentence 1 ; \
             ng:start 3 ; ng:end 8 ; ng:text \"A \\\"did\\\" it.\" ; ng:cue \"accused\" ]"
        ), "{t}");
        assert!(t.contains(
            "a schema:Person ;\n  schema:identifier \"person:a\" ;\n  schema:name \"A\""
        ));
        assert!(!t.contains("<<"));
    }
}
