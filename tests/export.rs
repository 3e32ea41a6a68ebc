//! Loads each export into the real tool that analysts use and checks what
//! the tool read against newsgraph's own JSON: GraphML in networkx, the CSV
//! directory in LadybugDB (through its `load.cypher`), Turtle in pyoxigraph.
//! Nothing here reads our own output back with our own code.
//!
//! The Python packages are installed by `.ci/run` (`pip install networkx
//! ladybug pyoxigraph`); a test whose package is missing says so and skips.
//! The escaping itself is also tested without any tool, by the unit tests
//! of src/export/{graphml,csv,turtle}.rs.
//!
//! Each Python script prints one JSON object in the same shape: `nodes`
//! (id -> [kind, name or text, sorted aliases]), `edges` ([source, kind,
//! target, negated, evidence count]), and where the tool can answer it,
//! `evidence` ([text, article, sentence, start, end]) and `pairs` (what
//! each speaker said about each entity: [statement id, negated]).

mod common;

use common::TempDir;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_newsgraph");

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Run newsgraph; panics unless it exits 0. Returns stdout.
fn ng(args: &[&str]) -> String {
    let out = Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "newsgraph {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Whether python3 can import `module`; says why not when it cannot.
fn has_python(module: &str) -> bool {
    let ok = Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("skipped: python3 with {module} is not installed (pip install {module})");
    }
    ok
}

/// Run a Python script with arguments; it must succeed and print JSON.
fn python(script: &str, args: &[String]) -> Value {
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "python3 {args:?} failed:\n{stderr}");
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", String::from_utf8_lossy(&out.stdout)))
}

const NETWORKX: &str = r#"
import json, sys
import networkx
g = networkx.read_graphml(sys.argv[1])
nodes = {}
for n, d in g.nodes(data=True):
    assert isinstance(d["mentions"], int) and isinstance(d["articles"], int), d
    if d["kind"] == "statement":
        nodes[n] = [d["kind"], d["text"], []]
    else:
        nodes[n] = [d["kind"], d["name"], sorted(json.loads(d["aliases"]))]
edges = []
for u, v, d in g.edges(data=True):
    assert isinstance(d["negated"], bool), d
    edges.append([u, d["kind"], v, d["negated"], d["evidence_count"]])
print(json.dumps({"type": type(g).__name__, "directed": g.is_directed(),
                  "nodes": nodes, "edges": edges}))
"#;

const LADYBUG: &str = r#"
import json, os, sys
import ladybug
data, db = sys.argv[1], sys.argv[2]
pairs = [a.split("|", 1) for a in sys.argv[3:]]
os.chdir(data)
c = ladybug.Connection(ladybug.Database(db))
for line in open("load.cypher", encoding="utf-8"):
    if line.strip():
        c.execute(line)
def rows(q, **params):
    r = c.execute(q, params)
    out = []
    while r.has_next():
        out.append(r.get_next())
    return out
nodes = {}
for kind in ["person", "nation", "organization", "meeting", "report"]:
    for i, name, aliases in rows(f"MATCH (n:{kind}) RETURN n.id, n.name, n.aliases"):
        nodes[i] = [kind, name, sorted(aliases)]
for i, text in rows("MATCH (n:statement) RETURN n.id, n.text"):
    nodes[i] = ["statement", text, []]
evidence_of = dict(rows("MATCH (e:evidence) RETURN e.edge, count(*)"))
edges = []
for a, kind, b, negated, count, i in rows(
        "MATCH (a)-[r]->(b) RETURN a.id, label(r), b.id, r.negated, r.evidence_count, r.id"):
    assert evidence_of.get(i, 0) == count, (i, count, evidence_of.get(i))
    edges.append([a, kind, b, negated, count])
evidence = [list(r) for r in rows(
    "MATCH (e:evidence) RETURN e.text, e.article, e.sentence, e.`start`, e.`end`")]
said = rows("MATCH ()-[r:said]->() RETURN count(r)")[0][0]
answers = []
for x, y in pairs:
    found = rows("MATCH (p)-[r:said]->(s:statement)-[:about]->(y) WHERE p.id = $x AND y.id = $y "
                 "RETURN DISTINCT s.id, r.negated", x=x, y=y)
    answers.append([x, y, sorted([list(f) for f in found])])
print(json.dumps({"nodes": nodes, "edges": edges, "evidence": evidence, "said": said,
                  "pairs": answers}))
"#;

const OXIGRAPH: &str = r#"
import json, sys
import pyoxigraph as ox
path = sys.argv[1]
pairs = [a.split("|", 1) for a in sys.argv[2:]]
store = ox.Store()
store.load(path=path, format=ox.RdfFormat.TURTLE)
PREFIXES = ("PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
            "PREFIX schema: <https://schema.org/> PREFIX ng: <urn:newsgraph:vocab:> ")
def rows(q):
    return [[None if v is None else v.value for v in row] for row in store.query(PREFIXES + q)]
KINDS = {"Person": "person", "Country": "nation", "Organization": "organization",
         "Event": "meeting", "Report": "report", "Quotation": "statement"}
nodes = {}
for i, t, name, text in rows("""SELECT ?id ?t ?name ?text WHERE {
        ?n schema:identifier ?id ; a ?t .
        FILTER(?t IN (schema:Person, schema:Country, schema:Organization, schema:Event,
                      schema:Report, schema:Quotation))
        OPTIONAL { ?n schema:name ?name } OPTIONAL { ?n schema:text ?text } }"""):
    assert i not in nodes, i
    kind = KINDS[t.removeprefix("https://schema.org/")]
    nodes[i] = [kind, text if kind == "statement" else name, []]
for i, alias in rows("SELECT ?id ?a WHERE { ?n schema:identifier ?id ; schema:alternateName ?a }"):
    nodes[i][2].append(alias)
for n in nodes.values():
    n[2].sort()
edges = []
for s, p, o, neg, count in rows("""SELECT ?s ?p ?o ?neg (COUNT(?ev) AS ?c) WHERE {
        ?r a rdf:Statement ; rdf:subject/schema:identifier ?s ; rdf:predicate ?p ;
           rdf:object/schema:identifier ?o ; ng:negated ?neg .
        OPTIONAL { ?r ng:evidence ?ev } } GROUP BY ?r ?s ?p ?o ?neg"""):
    edges.append([s, p.removeprefix("urn:newsgraph:vocab:"), o, neg == "true", int(count)])
evidence = [[t, a.removeprefix("urn:newsgraph:article:"), int(n), int(b), int(e)]
            for t, a, n, b, e in rows("""SELECT ?t ?a ?n ?b ?e WHERE {
        ?r ng:evidence ?ev . ?ev a ng:Evidence ; ng:text ?t ; ng:article ?a ; ng:sentence ?n ;
           ng:start ?b ; ng:end ?e }""")]
def count(q):
    return int(rows(q)[0][0])
asserted = count("""SELECT (COUNT(*) AS ?c) WHERE { ?r a rdf:Statement ; rdf:subject ?s ;
        rdf:predicate ?p ; rdf:object ?o ; ng:negated false . ?s ?p ?o }""")
asserted_negated = count("""SELECT (COUNT(*) AS ?c) WHERE { ?r a rdf:Statement ;
        rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; ng:negated true . ?s ?p ?o
        FILTER NOT EXISTS { ?r2 a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ;
                            rdf:object ?o ; ng:negated false } }""")
persons = count("SELECT (COUNT(?n) AS ?c) WHERE { ?n a schema:Person }")
answers = []
for x, y in pairs:
    found = rows(f"""SELECT DISTINCT ?sid ?neg WHERE {{
        ?p schema:identifier {json.dumps(x)} . ?y schema:identifier {json.dumps(y)} .
        ?r rdf:subject ?p ; rdf:predicate ng:said ; rdf:object ?s ; ng:negated ?neg .
        ?s ng:about ?y ; schema:identifier ?sid }}""")
    answers.append([x, y, sorted([sid, neg == "true"] for sid, neg in found)])
print(json.dumps({"nodes": nodes, "edges": edges, "evidence": evidence, "persons": persons,
                  "asserted": asserted, "asserted_negated": asserted_negated,
                  "pairs": answers}))
"#;

/// A list sorted by each element's JSON text, so that two tools' answers
/// compare as multisets.
fn sorted(v: &Value) -> Value {
    let mut items = v
        .as_array()
        .unwrap_or_else(|| panic!("not a list: {v}"))
        .clone();
    items.sort_by_key(|i| i.to_string());
    Value::Array(items)
}

/// What every tool must read, computed from newsgraph's JSON. `id` maps a
/// JSON id to the id the exports write; `text` maps a string likewise.
struct Expected {
    nodes: Value,
    edges: Value,
    evidence: Value,
    persons: usize,
    not_negated: usize,
}

fn expected(graph: &Value, id: &dyn Fn(&str) -> String, text: &dyn Fn(&str) -> String) -> Expected {
    let mut nodes = serde_json::Map::new();
    let mut persons = 0;
    for n in graph["nodes"].as_array().unwrap() {
        let kind = n["kind"].as_str().unwrap();
        persons += usize::from(kind == "person");
        let (name, aliases) = if kind == "statement" {
            (n["text"].as_str().unwrap(), vec![])
        } else {
            let mut aliases: Vec<String> = n["aliases"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| text(a.as_str().unwrap()))
                .collect();
            aliases.sort();
            (n["name"].as_str().unwrap(), aliases)
        };
        nodes.insert(
            id(n["id"].as_str().unwrap()),
            json!([kind, text(name), aliases]),
        );
    }
    let mut edges = vec![];
    let mut evidence = vec![];
    let mut not_negated = 0;
    for e in graph["edges"].as_array().unwrap() {
        let ev = e["evidence"].as_array().unwrap();
        let negated = e["negated"].as_bool().unwrap();
        not_negated += usize::from(!negated);
        edges.push(json!([
            id(e["source"].as_str().unwrap()),
            e["kind"],
            id(e["target"].as_str().unwrap()),
            negated,
            ev.len()
        ]));
        for x in ev {
            evidence.push(json!([
                text(x["text"].as_str().unwrap()),
                x["article"],
                x["sentence"],
                x["start"],
                x["end"]
            ]));
        }
    }
    Expected {
        nodes: Value::Object(nodes),
        edges: sorted(&Value::Array(edges)),
        evidence: sorted(&Value::Array(evidence)),
        persons,
        not_negated,
    }
}

/// What `newsgraph said` answers for each (speaker id, entity id): the
/// statements by that speaker with an `about` edge to that entity.
fn said_pairs(graph_file: &str, graph: &Value, pairs: &[(&str, &str)]) -> Value {
    let name = |id: &str| -> String {
        let node = graph["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["id"] == id)
            .unwrap_or_else(|| panic!("{id} is not in the graph"));
        node["name"].as_str().unwrap().to_string()
    };
    let mut out = vec![];
    for (x, y) in pairs {
        let said: Value = serde_json::from_str(&ng(&[
            "said",
            graph_file,
            "--by",
            &name(x),
            "--about",
            &name(y),
            "--json",
        ]))
        .unwrap();
        let mut found: Vec<Value> = said
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["speaker"]["id"] == *x)
            .filter(|s| s["about"].as_array().unwrap().iter().any(|a| a["id"] == *y))
            .map(|s| json!([s["id"], s["negated"]]))
            .collect();
        assert!(
            !found.is_empty(),
            "{x} said nothing about {y}: a useless pair"
        );
        found.sort_by_key(|f| f.to_string());
        out.push(json!([x, y, found]));
    }
    Value::Array(out)
}

fn pair_args(pairs: &[(&str, &str)]) -> Vec<String> {
    pairs.iter().map(|(x, y)| format!("{x}|{y}")).collect()
}

/// The graph of the fixture articles, as a file in `dir`, and as JSON.
fn fixture_graph(dir: &TempDir) -> (String, Value) {
    let file = dir.s("graph.json");
    let articles = fixtures().join("articles").display().to_string();
    ng(&["extract", &articles, "-q", "-o", &file]);
    let graph: Value = serde_json::from_slice(&dir.read("graph.json")).unwrap();
    (file, graph)
}

/// Speakers and what they spoke about in the fixture articles.
const PAIRS: [(&str, &str); 3] = [
    ("person:tom-reyes", "nation:china"),
    ("person:laszlo-varga", "nation:austria"),
    ("person:hans-müller", "organization:swiss-national-bank"),
];

#[track_caller]
fn same(what: &str, got: &Value, want: &Value) {
    assert!(got == want, "{what} differs\n got: {got}\nwant: {want}");
}

#[test]
fn graphml_of_the_fixture_articles_loads_in_networkx_with_every_node_and_edge() {
    if !has_python("networkx") {
        return;
    }
    let dir = TempDir::new("export");
    let (file, graph) = fixture_graph(&dir);
    let out = dir.s("graph.graphml");
    ng(&["export", &file, "--format", "graphml", "-o", &out]);
    let got = python(NETWORKX, &[out]);
    let want = expected(&graph, &|s| s.to_string(), &|s| s.to_string());
    // No parallel edges here, so networkx reads a DiGraph (see the odd graph).
    assert_eq!(got["directed"], true);
    same("nodes", &got["nodes"], &want.nodes);
    same("edges", &sorted(&got["edges"]), &want.edges);
}

#[test]
fn csv_of_the_fixture_articles_loads_in_ladybug_and_answers_who_said_what() {
    if !has_python("ladybug") {
        return;
    }
    let dir = TempDir::new("export");
    let (file, graph) = fixture_graph(&dir);
    let out = dir.s("csv");
    ng(&["export", &file, "--format", "csv", "-o", &out]);
    let mut args = vec![out, dir.s("db")];
    args.extend(pair_args(&PAIRS));
    let got = python(LADYBUG, &args);
    let want = expected(&graph, &|s| s.to_string(), &|s| s.to_string());
    same("nodes", &got["nodes"], &want.nodes);
    same("edges", &sorted(&got["edges"]), &want.edges);
    same("evidence", &sorted(&got["evidence"]), &want.evidence);
    let said = graph["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "said")
        .count();
    assert_eq!(got["said"], said);
    same("answers", &got["pairs"], &said_pairs(&file, &graph, &PAIRS));
}

#[test]
fn turtle_of_the_fixture_articles_loads_in_pyoxigraph_and_answers_who_said_what() {
    if !has_python("pyoxigraph") {
        return;
    }
    let dir = TempDir::new("export");
    let (file, graph) = fixture_graph(&dir);
    let out = dir.s("graph.ttl");
    ng(&["export", &file, "--format", "turtle", "-o", &out]);
    let mut args = vec![out];
    args.extend(pair_args(&PAIRS));
    let got = python(OXIGRAPH, &args);
    let want = expected(&graph, &|s| s.to_string(), &|s| s.to_string());
    same("nodes", &got["nodes"], &want.nodes);
    same("edges", &sorted(&got["edges"]), &want.edges);
    same("evidence", &sorted(&got["evidence"]), &want.evidence);
    assert_eq!(got["persons"], want.persons);
    assert_eq!(got["asserted"], want.not_negated);
    assert_eq!(got["asserted_negated"], 0);
    same("answers", &got["pairs"], &said_pairs(&file, &graph, &PAIRS));
}

/// A graph with every character that is hard for some format: quotes,
/// `&<>`, commas and semicolons, line breaks (LF, CRLF), backslashes,
/// control characters (in names, aliases, texts and ids), the unit
/// separator the CSV uses between aliases, ids with spaces, `%` and `#`,
/// two ids that become equal once control characters are replaced, and a
/// negated edge parallel to one that is not.
fn odd_graph() -> Value {
    let digest = "0123456789abcdef";
    let ev = |sentence: usize, text: &str| {
        json!({"article": digest, "sentence": sentence, "start": 10 * sentence,
               "end": 10 * sentence + text.len(), "text": text, "cue": "said"})
    };
    let person = |id: &str, name: &str, aliases: &[&str]| {
        json!({"id": id, "kind": "person", "name": name, "aliases": aliases,
               "mentions": 1, "seen": {digest: 1}})
    };
    let statement = format!("statement:{digest}:1");
    json!({
        "directed": true, "multigraph": true,
        "graph": {"format": "newsgraph/1", "articles": [
            {"id": "odd \"one\"", "digest": digest, "title": "R&D <today>\nagain",
             "source": null, "dateline": "GENÈVE", "date": "May 3"}]},
        "nodes": [
            person("person:ann\u{1}", "Ann \u{1} O'Neil & <Co>",
                   &["O'Neil; \"Annie\", the\u{1f}second", "A\nN\\"]),
            person("person:ann\u{2}", "Bob Ödegaard, \"the, Elder\"", &[]),
            person("person:ann\u{fffd}", "Cy Tell", &["C.T.\r\n"]),
            {"id": "nation:a b%#?", "kind": "nation", "name": "Bad Id Land", "aliases": [],
             "mentions": 1, "seen": {digest: 1}},
            {"id": statement, "kind": "statement",
             "text": "we will \"not\" yield\\ \r\never,\u{7} said <she>", "mentions": 1,
             "seen": {digest: 1}}
        ],
        "edges": [
            {"source": "person:ann\u{1}", "target": statement, "kind": "said", "cue": "said",
             "negated": false, "evidence": [ev(1, "Ann said: \"we will not yield\\\"\r\never.")]},
            {"source": "person:ann\u{1}", "target": statement, "kind": "said", "cue": "denied",
             "negated": true, "evidence": [ev(2, "She denied it, \u{1}; \"quote\"")]},
            {"source": statement, "target": "nation:a b%#?", "kind": "about", "cue": "said",
             "negated": false, "evidence": [ev(1, "x\ty")]},
            {"source": "person:ann\u{2}", "target": "person:ann\u{fffd}", "kind": "accused",
             "cue": "accused", "negated": false,
             "evidence": [ev(3, "Bob accused Cy & co."), ev(4, "Again <b>.\n")]}
        ]
    })
}

/// The ids the exports write for the odd graph: the control characters
/// become U+FFFD; the two that then collide with "person:ann\u{fffd}" get
/// `~2` and `~3`, in id order.
fn odd_id(id: &str) -> String {
    match id {
        "person:ann\u{1}" => "person:ann\u{fffd}~2".to_string(),
        "person:ann\u{2}" => "person:ann\u{fffd}~3".to_string(),
        other => other.to_string(),
    }
}

fn replaced(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c if (c as u32) < 0x20 => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// The odd graph written by newsgraph itself (so it is what newsgraph
/// would export), in `dir`.
fn odd_graph_file(dir: &TempDir) -> (String, Value) {
    let input = dir.write("odd-in.json", odd_graph().to_string());
    let file = dir.s("odd.json");
    ng(&["export", &input.display().to_string(), "-o", &file]);
    let graph: Value = serde_json::from_slice(&dir.read("odd.json")).unwrap();
    assert_eq!(graph["nodes"].as_array().unwrap().len(), 5, "{graph}");
    assert_eq!(graph["edges"].as_array().unwrap().len(), 4, "{graph}");
    (file, graph)
}

#[test]
fn odd_characters_survive_networkx() {
    if !has_python("networkx") {
        return;
    }
    let dir = TempDir::new("export");
    let (file, graph) = odd_graph_file(&dir);
    let out = dir.s("odd.graphml");
    ng(&["export", &file, "--format", "graphml", "-o", &out]);
    let got = python(NETWORKX, &[out]);
    // Its two `said` edges between the same ends make it a multigraph.
    assert_eq!(got["type"], "MultiDiGraph");
    let want = expected(&graph, &odd_id, &replaced);
    same("nodes", &got["nodes"], &want.nodes);
    same("edges", &sorted(&got["edges"]), &want.edges);
}

#[test]
fn odd_characters_survive_ladybug() {
    if !has_python("ladybug") {
        return;
    }
    let dir = TempDir::new("export");
    let (file, graph) = odd_graph_file(&dir);
    let out = dir.s("csv");
    ng(&["export", &file, "--format", "csv", "-o", &out]);
    let got = python(LADYBUG, &[out, dir.s("db")]);
    let want = expected(&graph, &odd_id, &replaced);
    same("nodes", &got["nodes"], &want.nodes);
    same("edges", &sorted(&got["edges"]), &want.edges);
    same("evidence", &sorted(&got["evidence"]), &want.evidence);
}

#[test]
fn odd_characters_survive_pyoxigraph() {
    if !has_python("pyoxigraph") {
        return;
    }
    let dir = TempDir::new("export");
    let (file, graph) = odd_graph_file(&dir);
    let out = dir.s("odd.ttl");
    ng(&["export", &file, "--format", "turtle", "-o", &out]);
    let got = python(OXIGRAPH, &[out]);
    let want = expected(&graph, &odd_id, &replaced);
    same("nodes", &got["nodes"], &want.nodes);
    same("edges", &sorted(&got["edges"]), &want.edges);
    same("evidence", &sorted(&got["evidence"]), &want.evidence);
    assert_eq!(got["asserted"], 3);
    assert_eq!(got["asserted_negated"], 0);
}

#[test]
fn csv_needs_a_directory_and_writes_every_file() {
    let dir = TempDir::new("export");
    let (file, _) = fixture_graph(&dir);
    let out = Command::new(BIN)
        .args(["export", &file, "--format", "csv"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--output"), "{stderr}");
    assert!(out.stdout.is_empty());

    let articles = fixtures().join("articles").display().to_string();
    ng(&[
        "extract",
        &articles,
        "-q",
        "--format",
        "csv",
        "-o",
        &dir.s("csv"),
    ]);
    let mut names: Vec<String> = std::fs::read_dir(dir.path("csv"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let want = [
        "about.csv",
        "accused.csv",
        "article.csv",
        "attends.csv",
        "authored_by.csv",
        "cites.csv",
        "evidence.csv",
        "load.cypher",
        "meeting.csv",
        "member_of.csv",
        "nation.csv",
        "organization.csv",
        "person.csv",
        "report.csv",
        "said.csv",
        "statement.csv",
    ];
    assert_eq!(names, want);
}

#[test]
fn neighbors_and_extract_write_graphml_and_turtle() {
    let graph = fixtures().join("graphs/small.json").display().to_string();
    let g = ng(&["neighbors", &graph, "China", "--format", "graphml"]);
    assert!(
        g.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml"),
        "{g}"
    );
    assert!(g.contains("<node id=\"nation:china\">"), "{g}");
    let t = ng(&["neighbors", &graph, "China", "--format", "turtle"]);
    assert!(
        t.contains("<urn:newsgraph:node:nation:china> a schema:Country"),
        "{t}"
    );
    let one = fixtures()
        .join("articles/geneva-talks.txt")
        .display()
        .to_string();
    let t = ng(&["extract", &one, "-q", "--format", "turtle"]);
    assert!(t.starts_with("@prefix rdf:"), "{t}");
    assert!(t.contains("a schema:Person"), "{t}");
}

#[test]
fn docs_format_md_holds_the_json_contract_verbatim() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let ours = std::fs::read_to_string(root.join("docs/FORMAT.md")).unwrap();
    for section in [
        "## GraphML",
        "## CSV for LadybugDB and Neo4j",
        "## Turtle (RDF)",
    ] {
        assert!(ours.contains(section), "docs/FORMAT.md has no {section:?}");
    }
    let contract = root.join("../shared/GRAPH-FORMAT.md");
    let Ok(contract) = std::fs::read_to_string(&contract) else {
        eprintln!("skipped the comparison: {} is not here", contract.display());
        return;
    };
    assert!(
        ours.contains(&contract),
        "docs/FORMAT.md no longer holds ../shared/GRAPH-FORMAT.md verbatim: copy it again"
    );
}
