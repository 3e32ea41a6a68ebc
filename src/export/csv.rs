//! A directory of CSV files with a `load.cypher` script: the graph for
//! LadybugDB (the embedded Cypher database that continues Kùzu) and for
//! Neo4j's `neo4j-admin database import`.
//!
//! Files: one per node kind (`person.csv` ... `statement.csv`), one per
//! edge kind (`said.csv` ... `authored_by.csv`), `evidence.csv` (one row per
//! piece of evidence, with the `id` of its edge) and `article.csv`. Every
//! file is written, with its header, even when it has no rows, so an export
//! always replaces the whole set.
//!
//! Headers follow the convention `neo4j-admin database import` reads:
//! `id:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE` and typed columns
//! (`mentions:long`, `negated:boolean`, `aliases:string[]`); `src_kind` and
//! `dst_kind` are `:IGNORE`d there. LadybugDB reads the same files through
//! `load.cypher`, which names the columns itself (`LOAD WITH HEADERS`), so
//! the Neo4j suffixes do not matter to it. A relation table with several
//! FROM/TO pairs needs one `COPY` per pair, filtered on `src_kind` and
//! `dst_kind`; the pairs are the ones present in the graph (an edge kind
//! without edges gets its usual pair so that the table exists).
//!
//! Aliases travel as one string joined by U+001F (the ASCII unit
//! separator), which no name can contain: control characters become U+FFFD
//! (see [`super`]). Neo4j reads it with `--array-delimiter=U+001F`;
//! `load.cypher` splits it into a `STRING[]`.
//!
//! Quoting (RFC 4180): every string field is in double quotes, a quote is
//! doubled, line breaks stay inside the quotes (so LadybugDB reads with
//! `PARALLEL=false` and Neo4j with `--multiline-fields=true`); numbers and
//! booleans are bare; a missing value (an article without a title) is an
//! empty, unquoted field.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use super::{Ids, writable};
use crate::graph::{EdgeKind, NodeKind, View};

/// The separator of the aliases column.
pub const ALIAS_SEPARATOR: char = '\u{1f}';

/// The CSV options `load.cypher` gives LadybugDB: explicit, because its
/// dialect sniffer can misread a file full of quotes.
const OPTIONS: &str =
    "HEADER=true, DELIM=',', QUOTE='\"', ESCAPE='\"', PARALLEL=false, AUTO_DETECT=false";

/// The name of the script that loads the files into LadybugDB.
pub const SCRIPT: &str = "load.cypher";

/// The Neo4j label of a node kind.
fn label(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Person => "Person",
        NodeKind::Nation => "Nation",
        NodeKind::Organization => "Organization",
        NodeKind::Meeting => "Meeting",
        NodeKind::Report => "Report",
        NodeKind::Statement => "Statement",
    }
}

/// The FROM/TO pair declared for an edge kind that has no edges.
fn usual_pair(kind: EdgeKind) -> (NodeKind, NodeKind) {
    use NodeKind::*;
    match kind {
        EdgeKind::Said => (Person, Statement),
        EdgeKind::About => (Statement, Nation),
        EdgeKind::Accused => (Person, Person),
        EdgeKind::Attends => (Person, Meeting),
        EdgeKind::Cites => (Statement, Report),
        EdgeKind::MemberOf => (Person, Organization),
        EdgeKind::AuthoredBy => (Report, Organization),
    }
}

const ENTITY_HEADER: &str = "id:ID,:LABEL,name,aliases:string[],mentions:long,articles:long";
const STATEMENT_HEADER: &str = "id:ID,:LABEL,text,mentions:long,articles:long";
const EDGE_HEADER: &str = ":START_ID,:END_ID,:TYPE,id:long,negated:boolean,cue,\
evidence_count:long,src_kind:IGNORE,dst_kind:IGNORE";
const EVIDENCE_HEADER: &str =
    "id:ID(Evidence),:LABEL,edge:long,article,sentence:long,start:long,end:long,text,cue";
const ARTICLE_HEADER: &str = "digest:ID(Article),:LABEL,id,title,source,dateline,date";

/// The files of the export: (name, contents), node files first, then edge
/// files, `evidence.csv`, `article.csv` and `load.cypher`. Edge `id`s are
/// the edges' positions in the view (0, 1, ...).
///
/// O(N + E + evidence) time and output size.
pub fn to_files(view: &View) -> Vec<(String, String)> {
    let ids = Ids::new(view);
    let mut nodes: BTreeMap<NodeKind, String> = NodeKind::ALL
        .into_iter()
        .map(|k| {
            let header = if k == NodeKind::Statement {
                STATEMENT_HEADER
            } else {
                ENTITY_HEADER
            };
            (k, format!("{header}\n"))
        })
        .collect();
    for node in &view.nodes {
        let out = nodes.get_mut(&node.kind).expect("every kind has a file");
        field(out, &ids.get(&node.id));
        out.push(',');
        field(out, label(node.kind));
        out.push(',');
        field(out, &node.name);
        if node.kind != NodeKind::Statement {
            out.push(',');
            // Each alias made writable first, so the separator survives.
            let aliases: Vec<Cow<str>> = node.aliases.iter().map(|a| writable(a)).collect();
            quote(out, &aliases.join(ALIAS_SEPARATOR.encode_utf8(&mut [0; 4])));
        }
        let _ = writeln!(out, ",{},{}", node.mentions, node.articles.len());
    }

    let mut edges: BTreeMap<EdgeKind, String> = EdgeKind::ALL
        .into_iter()
        .map(|k| (k, format!("{EDGE_HEADER}\n")))
        .collect();
    let mut pairs: BTreeMap<EdgeKind, BTreeSet<(NodeKind, NodeKind)>> = BTreeMap::new();
    let mut evidence = format!("{EVIDENCE_HEADER}\n");
    let mut evidence_id = 0usize;
    for (i, edge) in view.edges.iter().enumerate() {
        let src = view.node(&edge.source).map(|n| n.kind);
        let dst = view.node(&edge.target).map(|n| n.kind);
        if let (Some(s), Some(d)) = (src, dst) {
            pairs.entry(edge.kind).or_default().insert((s, d));
        }
        let out = edges.get_mut(&edge.kind).expect("every kind has a file");
        field(out, &ids.get(&edge.source));
        out.push(',');
        field(out, &ids.get(&edge.target));
        out.push(',');
        field(out, edge.kind.as_str());
        let _ = write!(out, ",{i},{},", edge.negated);
        field(out, &edge.cue);
        let _ = write!(out, ",{},", edge.evidence.len());
        field(out, src.map_or("", NodeKind::as_str));
        out.push(',');
        field(out, dst.map_or("", NodeKind::as_str));
        out.push('\n');
        for (ev, _, _) in &edge.evidence {
            let _ = write!(evidence, "{evidence_id},\"Evidence\",{i},");
            field(&mut evidence, &ev.article);
            let _ = write!(evidence, ",{},{},{},", ev.sentence, ev.start, ev.end);
            field(&mut evidence, &ev.text);
            evidence.push(',');
            field(&mut evidence, &ev.cue);
            evidence.push('\n');
            evidence_id += 1;
        }
    }

    let mut articles = format!("{ARTICLE_HEADER}\n");
    for a in &view.articles {
        field(&mut articles, &a.digest);
        articles.push_str(",\"Article\",");
        field(&mut articles, &a.id);
        for value in [&a.title, &a.source, &a.dateline, &a.date] {
            articles.push(',');
            if let Some(v) = value {
                field(&mut articles, v);
            }
        }
        articles.push('\n');
    }

    let mut files: Vec<(String, String)> = Vec::with_capacity(16);
    for (kind, contents) in nodes {
        files.push((format!("{}.csv", kind.as_str()), contents));
    }
    for (kind, contents) in edges {
        files.push((format!("{}.csv", kind.as_str()), contents));
    }
    files.push(("evidence.csv".to_string(), evidence));
    files.push(("article.csv".to_string(), articles));
    files.push((SCRIPT.to_string(), script(&pairs)));
    files
}

/// `load.cypher`: one statement per line; file paths are relative, so it
/// runs from the export's directory.
fn script(pairs: &BTreeMap<EdgeKind, BTreeSet<(NodeKind, NodeKind)>>) -> String {
    let mut s = String::new();
    for kind in NodeKind::ALL {
        if kind == NodeKind::Statement {
            let _ = writeln!(
                s,
                "CREATE NODE TABLE statement(id STRING PRIMARY KEY, text STRING, \
                 mentions INT64, articles INT64);"
            );
        } else {
            let _ = writeln!(
                s,
                "CREATE NODE TABLE {}(id STRING PRIMARY KEY, name STRING, aliases STRING[], \
                 mentions INT64, articles INT64);",
                kind.as_str()
            );
        }
    }
    s.push_str(
        "CREATE NODE TABLE evidence(id INT64 PRIMARY KEY, edge INT64, article STRING, \
         sentence INT64, `start` INT64, `end` INT64, text STRING, cue STRING);\n",
    );
    s.push_str(
        "CREATE NODE TABLE article(digest STRING PRIMARY KEY, id STRING, title STRING, \
         source STRING, dateline STRING, date STRING);\n",
    );
    let declared = |kind: EdgeKind| -> Vec<(NodeKind, NodeKind)> {
        match pairs.get(&kind) {
            Some(p) if !p.is_empty() => p.iter().copied().collect(),
            _ => vec![usual_pair(kind)],
        }
    };
    for kind in EdgeKind::ALL {
        let from_to: Vec<String> = declared(kind)
            .into_iter()
            .map(|(a, b)| format!("FROM {} TO {}", a.as_str(), b.as_str()))
            .collect();
        let _ = writeln!(
            s,
            "CREATE REL TABLE {}({}, id INT64, negated BOOLEAN, cue STRING, evidence_count INT64);",
            kind.as_str(),
            from_to.join(", ")
        );
    }
    for kind in NodeKind::ALL {
        let k = kind.as_str();
        if kind == NodeKind::Statement {
            let _ = writeln!(
                s,
                "COPY statement FROM (LOAD WITH HEADERS (id STRING, label STRING, text STRING, \
                 mentions INT64, articles INT64) FROM 'statement.csv' ({OPTIONS}) \
                 RETURN id, text, mentions, articles);"
            );
        } else {
            let _ = writeln!(
                s,
                "COPY {k} FROM (LOAD WITH HEADERS (id STRING, label STRING, name STRING, \
                 aliases STRING, mentions INT64, articles INT64) FROM '{k}.csv' ({OPTIONS}) \
                 RETURN id, name, CASE WHEN aliases IS NULL OR aliases = '' THEN CAST([] AS STRING[]) \
                 ELSE string_split(aliases, '\\u001f') END, mentions, articles);"
            );
        }
    }
    let _ = writeln!(
        s,
        "COPY evidence FROM (LOAD WITH HEADERS (id INT64, label STRING, edge INT64, \
         article STRING, sentence INT64, `start` INT64, `end` INT64, text STRING, cue STRING) \
         FROM 'evidence.csv' ({OPTIONS}) RETURN id, edge, article, sentence, `start`, `end`, \
         text, cue);"
    );
    let _ = writeln!(
        s,
        "COPY article FROM (LOAD WITH HEADERS (digest STRING, label STRING, id STRING, \
         title STRING, source STRING, dateline STRING, date STRING) FROM 'article.csv' \
         ({OPTIONS}) RETURN digest, id, title, source, dateline, date);"
    );
    for kind in EdgeKind::ALL {
        let k = kind.as_str();
        for (a, b) in pairs.get(&kind).into_iter().flatten() {
            let (a, b) = (a.as_str(), b.as_str());
            let _ = writeln!(
                s,
                "COPY {k} FROM (LOAD WITH HEADERS (src STRING, dst STRING, type STRING, \
                 id INT64, negated BOOLEAN, cue STRING, evidence_count INT64, src_kind STRING, \
                 dst_kind STRING) FROM '{k}.csv' ({OPTIONS}) \
                 WHERE src_kind = '{a}' AND dst_kind = '{b}' \
                 RETURN src, dst, id, negated, cue, evidence_count) (from='{a}', to='{b}');"
            );
        }
    }
    s
}

/// Append `s` as a quoted field: [`writable`], quotes doubled.
fn field(out: &mut String, s: &str) {
    quote(out, &writable(s));
}

/// Append `s`, already writable, in quotes with quotes doubled.
fn quote(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{ArticleInfo, Edge, Evidence, Node};

    fn quoted(s: &str) -> String {
        let mut out = String::new();
        field(&mut out, s);
        out
    }

    #[test]
    fn fields_quote_quotes_and_keep_line_breaks() {
        let cases = [
            ("plain", "\"plain\""),
            ("", "\"\""),
            ("say \"no\", he said", "\"say \"\"no\"\", he said\""),
            ("\"", "\"\"\"\""),
            ("two\nlines\r\nthree", "\"two\nlines\r\nthree\""),
            ("back\\slash\\", "\"back\\slash\\\""),
            ("unit\u{1f}sep\u{0}", "\"unit\u{fffd}sep\u{fffd}\""),
            ("Zürich — ’", "\"Zürich — ’\""),
        ];
        for (raw, want) in cases {
            assert_eq!(quoted(raw), want, "{raw:?}");
        }
    }

    fn node(id: &str, kind: NodeKind, name: &str, aliases: &[&str]) -> Node {
        Node {
            id: id.to_string(),
            kind,
            name: name.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions: 3,
            articles: ["d1".to_string()].into(),
            members: vec![id.to_string()],
            seen: Default::default(),
            raw: vec![],
        }
    }

    fn sample() -> View {
        let ev = |sentence: usize, text: &str| {
            (
                Evidence {
                    article: "d1".into(),
                    sentence,
                    start: 5,
                    end: 9,
                    text: text.into(),
                    cue: "said".into(),
                    rule: String::new(),
                },
                "person:kessler".to_string(),
                "statement:d1:0".to_string(),
            )
        };
        View {
            extra: Default::default(),
            articles: vec![ArticleInfo {
                id: "geneva".into(),
                digest: "d1".into(),
                title: Some("Talks, \"again\"".into()),
                source: None,
                dateline: Some("GENEVA".into()),
                date: None,
            }],
            nodes: vec![
                node("nation:chile", NodeKind::Nation, "Chile", &[]),
                node(
                    "person:kessler",
                    NodeKind::Person,
                    "Anna Kessler",
                    &["Kessler", "A, K\u{1f}"],
                ),
                node(
                    "statement:d1:0",
                    NodeKind::Statement,
                    "talks\nwill \"resume\"",
                    &[],
                ),
            ],
            edges: vec![
                Edge {
                    source: "person:kessler".into(),
                    kind: EdgeKind::Said,
                    target: "statement:d1:0".into(),
                    negated: false,
                    cue: "said".into(),
                    evidence: vec![ev(2, "First, \"she\" said."), ev(4, "Then\nagain.")],
                },
                Edge {
                    source: "statement:d1:0".into(),
                    kind: EdgeKind::About,
                    target: "nation:chile".into(),
                    negated: false,
                    cue: "said".into(),
                    evidence: vec![ev(2, "x")],
                },
            ],
            ambiguous: vec![],
            corrections: Default::default(),
        }
    }

    #[test]
    fn files_have_neo4j_headers_and_one_row_per_record() {
        let files: BTreeMap<String, String> = to_files(&sample()).into_iter().collect();
        assert_eq!(files.len(), NodeKind::ALL.len() + EdgeKind::ALL.len() + 3);
        assert_eq!(
            files["person.csv"],
            "id:ID,:LABEL,name,aliases:string[],mentions:long,articles:long\n\
             \"person:kessler\",\"Person\",\"Anna Kessler\",\"Kessler\u{1f}A, K\u{fffd}\",3,1\n"
        );
        assert_eq!(
            files["statement.csv"],
            format!(
                "{STATEMENT_HEADER}\n\"statement:d1:0\",\"Statement\",\"talks\nwill \"\"resume\"\"\",3,1\n"
            )
        );
        assert_eq!(
            files["said.csv"],
            format!(
                "{EDGE_HEADER}\n\"person:kessler\",\"statement:d1:0\",\"said\",0,false,\"said\",2,\"person\",\"statement\"\n"
            )
        );
        assert_eq!(files["meeting.csv"], format!("{ENTITY_HEADER}\n"));
        assert_eq!(
            files["evidence.csv"],
            format!(
                "{EVIDENCE_HEADER}\n\
                 0,\"Evidence\",0,\"d1\",2,5,9,\"First, \"\"she\"\" said.\",\"said\"\n\
                 1,\"Evidence\",0,\"d1\",4,5,9,\"Then\nagain.\",\"said\"\n\
                 2,\"Evidence\",1,\"d1\",2,5,9,\"x\",\"said\"\n"
            )
        );
        assert_eq!(
            files["article.csv"],
            format!(
                "{ARTICLE_HEADER}\n\"d1\",\"Article\",\"geneva\",\"Talks, \"\"again\"\"\",,\"GENEVA\",\n"
            )
        );
    }

    #[test]
    fn script_copies_each_from_to_pair_present_once() {
        let files: BTreeMap<String, String> = to_files(&sample()).into_iter().collect();
        let script = &files[SCRIPT];
        assert!(script.lines().all(|l| l.ends_with(';')), "{script}");
        assert!(script.contains("CREATE REL TABLE said(FROM person TO statement, id INT64"));
        assert!(script.contains("CREATE REL TABLE about(FROM statement TO nation, id INT64"));
        // An edge kind without edges still gets its table, and no COPY.
        assert!(script.contains("CREATE REL TABLE accused(FROM person TO person, id INT64"));
        assert!(!script.contains("COPY accused"));
        let copies: Vec<&str> = script
            .lines()
            .filter(|l| l.starts_with("COPY said "))
            .collect();
        assert_eq!(copies.len(), 1, "{script}");
        assert!(copies[0].contains("FROM 'said.csv'"));
        assert!(copies[0].ends_with("(from='person', to='statement');"));
        assert!(copies[0].contains("PARALLEL=false"));
        assert_eq!(
            script.lines().filter(|l| l.starts_with("COPY ")).count(),
            8 + 2
        );
    }
}
