//! The relation queries (`edges`, `top`), paths through specific nodes and
//! `--avoid`, "did you mean", and corrections by hand, through the real
//! executable, on three invented wire stories in tests/fixtures/query/
//! written by the team: a dock strike in which an opposition leader, Peter
//! Harlow, and a union leader accuse a minister, Miriam Osei; an inquiry
//! chaired by a Baroness Harlow (whom resolution takes for Peter Harlow);
//! and a summit where the union leader, once "Tom Brennan", is "Thomas
//! Brennan".
//!
//! The graph is extracted afresh by each test, so the tests also hold the
//! extractor to what these plain sentences say.

mod common;

use common::TempDir;
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_newsgraph");

/// The outcome of one run.
#[derive(Debug)]
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("{e}: not JSON:\n{}", self.stdout))
    }
}

fn ng(args: &[&str]) -> Run {
    let out = Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    Run {
        code: out.status.code().expect("exited normally"),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// Run and expect exit status `code`, showing everything when not.
fn ng_code(code: i32, args: &[&str]) -> Run {
    let r = ng(args);
    assert_eq!(
        r.code, code,
        "newsgraph {args:?}:\n{}\n{}",
        r.stdout, r.stderr
    );
    r
}

fn articles(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/query")
        .join(name)
        .display()
        .to_string()
}

/// A temp dir holding `g.json`, the graph of the three stories.
fn graph() -> TempDir {
    let dir = TempDir::new("query");
    ng_code(0, &["extract", &articles(""), "-o", &dir.s("g.json")]);
    dir
}

fn lines(text: &str) -> Vec<&str> {
    text.lines().collect()
}

/// The ids of a graph file's nodes that are not statements.
fn entities(path: &Path) -> Vec<String> {
    let g: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] != "statement")
        .map(|n| n["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn edges_lists_accusations_with_counts_and_evidence() {
    let dir = graph();
    let g = dir.s("g.json");
    let r = ng_code(0, &["edges", &g, "--kind", "accused"]);
    assert_eq!(
        lines(&r.stdout),
        [
            "Peter Harlow -accused-> Claire Dunmore  (1 sentence in 1 article)",
            "    harbour-summit, sentence 4: Opposition leader Peter Harlow accused Dunmore of hiding the true cost of the strike from voters.",
            "Peter Harlow -accused-> Miriam Osei  (1 sentence in 1 article)",
            "    dock-strike, sentence 0: British opposition leader Peter Harlow accused Transport Secretary Miriam Osei of mishandling the dock strike, the longest in Britain for a decade.",
            "Tom Brennan -accused-> Miriam Osei  (1 sentence in 1 article)",
            "    dock-strike, sentence 4: Union leader Tom Brennan accused Osei of ignoring the dockers, and said the strike would go on until the ports reopened talks.",
        ]
    );
    // --to by an alias; JSON carries every sentence with its article.
    let r = ng_code(
        0,
        &["edges", &g, "--kind", "accused", "--to", "osei", "--json"],
    );
    let rows = r.json();
    let rows = rows.as_array().unwrap();
    let from: Vec<&str> = rows
        .iter()
        .map(|e| e["source"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(from, ["Peter Harlow", "Tom Brennan"]);
    assert_eq!(rows[0]["kind"], "accused");
    assert_eq!(rows[0]["count"], 1);
    assert_eq!(rows[0]["evidence"][0]["article"], "dock-strike");
    assert!(
        rows[1]["evidence"][0]["text"]
            .as_str()
            .unwrap()
            .starts_with("Union leader Tom Brennan accused Osei")
    );
    // Several kinds, from one entity.
    let r = ng_code(
        0,
        &[
            "edges",
            &g,
            "--kind",
            "accused,cites",
            "--from",
            "Peter Harlow",
            "--evidence",
            "0",
        ],
    );
    assert_eq!(
        lines(&r.stdout),
        [
            "Peter Harlow -accused-> Claire Dunmore  (1 sentence in 1 article)",
            "Peter Harlow -accused-> Miriam Osei  (1 sentence in 1 article)",
            "Peter Harlow -cites-> report by the Institute for Port Studies  (1 sentence in 1 article)",
        ]
    );
    // Nothing matched: exit 1 and a message.
    let r = ng_code(
        1,
        &["edges", &g, "--kind", "accused", "--from", "Claire Dunmore"],
    );
    assert_eq!(r.stderr, "no edge matched\n");
    assert!(r.stdout.is_empty());
    let r = ng_code(2, &["edges", &g, "--kind", "sued"]);
    assert!(
        r.stderr.contains("unknown edge kind \"sued\""),
        "{}",
        r.stderr
    );
}

#[test]
fn top_ranks_by_distinct_counterparts_then_evidence() {
    let dir = graph();
    let g = dir.s("g.json");
    let r = ng_code(0, &["top", &g, "accused"]);
    assert_eq!(
        lines(&r.stdout),
        [
            "rank    accusers  sentences  name",
            "   1           2          2  Miriam Osei (person)  [Peter Harlow 1, Tom Brennan 1]",
            "   2           1          1  Claire Dunmore (person)  [Peter Harlow 1]",
        ]
    );
    let r = ng_code(0, &["top", &g, "accusers", "--top", "1"]);
    assert_eq!(
        lines(&r.stdout)[1],
        "   1           2          2  Peter Harlow (person)  [Claire Dunmore 1, Miriam Osei 1]"
    );
    assert_eq!(lines(&r.stdout).len(), 2);
    let r = ng_code(0, &["top", &g, "cited", "--json"]);
    let cited = r.json();
    assert_eq!(cited[0]["name"], "report by the Institute for Port Studies");
    assert_eq!(cited[0]["kind"], "report");
    assert_eq!(cited[0]["counterparts"], 3);
    let citers: Vec<&str> = cited[0]["top"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(citers, ["Claire Dunmore", "Miriam Osei", "Peter Harlow"]);
    let r = ng_code(0, &["top", &g, "quoted", "--json"]);
    let quoted = r.json();
    assert_eq!(quoted[0]["name"], "Miriam Osei");
    assert_eq!(quoted[0]["counterparts"], 4);
    let r = ng_code(0, &["top", &g, "attended"]);
    assert!(
        r.stdout
            .contains("summit on the future of the ports in Dover (meeting)  [Miriam Osei 1, Thomas Brennan 1]"),
        "{}",
        r.stdout
    );
    let r = ng_code(2, &["top", &g, "sued"]);
    assert!(r.stderr.contains("invalid value 'sued'"), "{}", r.stderr);
}

#[test]
fn said_evidence_shows_each_sentence() {
    let dir = graph();
    let r = ng_code(
        0,
        &[
            "said",
            &dir.s("g.json"),
            "--by",
            "Claire Dunmore",
            "--evidence",
        ],
    );
    assert_eq!(
        lines(&r.stdout),
        [
            "Claire Dunmore: \"the government would publish a plan by September\"",
            "    harbour-summit, sentence 3",
            "      harbour-summit, sentence 3: British shipping minister Claire Dunmore said the government would publish a plan by September.",
            "Claire Dunmore: \"the ports needed new money\"",
            "    harbour-summit, sentence 5",
            "      harbour-summit, sentence 5: Dunmore cited the report by the Institute for Port Studies, saying the ports needed new money.",
        ]
    );
}

#[test]
fn path_prefers_a_specific_node_and_avoid_skips_nodes() {
    let dir = graph();
    let g = dir.s("g.json");
    // Osei and Dunmore are two hops apart through Peter Harlow (who accused
    // both, and whose id sorts first) or through the report both cite: the
    // report, with fewer edges, wins.
    let r = ng_code(0, &["path", &g, "Miriam Osei", "Claire Dunmore"]);
    assert_eq!(
        lines(&r.stdout)[0],
        "Miriam Osei -cites-> report by the Institute for Port Studies <-cites- Claire Dunmore"
    );
    let r = ng_code(
        0,
        &["path", &g, "Osei", "Dunmore", "--all", "--max-hops", "2"],
    );
    let chains: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.starts_with("Miriam"))
        .collect();
    assert_eq!(
        chains,
        [
            "Miriam Osei -cites-> report by the Institute for Port Studies <-cites- Claire Dunmore",
            "Miriam Osei <-accused- Peter Harlow -accused-> Claire Dunmore",
            // "Transport Secretary Miriam Osei" in a story about Britain; the
            // summit's "British shipping minister Claire Dunmore"
            "Miriam Osei -member_of-> United Kingdom <-member_of- Claire Dunmore",
        ]
    );
    // Avoid the report: through Harlow. Avoid both: through Britain.
    let report = "report by the Institute for Port Studies";
    let r = ng_code(0, &["path", &g, "Osei", "Dunmore", "--avoid", report]);
    assert_eq!(
        lines(&r.stdout)[0],
        "Miriam Osei <-accused- Peter Harlow -accused-> Claire Dunmore"
    );
    let r = ng_code(
        0,
        &[
            "path", &g, "Osei", "Dunmore", "--avoid", report, "--avoid", "Harlow", "--json",
        ],
    );
    let answer = r.json();
    let through: Vec<&str> = answer["paths"][0]["hops"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["to"]["id"].as_str().unwrap())
        .collect();
    // Osei and Dunmore both hold British offices
    assert_eq!(through.len(), 2);
    assert_eq!(through[0], "nation:united-kingdom");
    assert_eq!(answer["avoid"][1]["id"], "person:peter-harlow");
    // Avoiding every way: no path, and the message says what was avoided.
    let r = ng_code(
        1,
        &[
            "path", &g, "Osei", "Dunmore", "--avoid", report, "--avoid", "Harlow", "--avoid",
            "Britain",
        ],
    );
    assert_eq!(
        r.stderr,
        "no path from Miriam Osei to Claire Dunmore avoiding report by the Institute for Port Studies, Peter Harlow, United Kingdom\n"
    );
    let r = ng_code(2, &["path", &g, "Osei", "Dunmore", "--avoid", "Osei"]);
    assert!(r.stderr.contains("is an end of the path"), "{}", r.stderr);
}

#[test]
fn a_path_longer_than_max_hops_is_reported_with_its_length() {
    let dir = graph();
    let g = dir.s("g.json");
    let r = ng_code(
        1,
        &["path", &g, "Osei", "Dunmore", "--all", "--max-hops", "1"],
    );
    assert_eq!(
        r.stderr,
        "no path of at most 1 hop from Miriam Osei to Claire Dunmore; the shortest has 2 hops (try --max-hops 2)\n"
    );
    let r = ng_code(
        1,
        &[
            "path",
            &g,
            "Osei",
            "Dunmore",
            "--all",
            "--max-hops",
            "1",
            "--json",
        ],
    );
    assert_eq!(r.json()["shortest_hops"], 2);
    assert_eq!(r.json()["paths"], Value::Array(vec![]));
}

#[test]
fn a_name_not_found_suggests_the_closest() {
    let dir = graph();
    let g = dir.s("g.json");
    let r = ng_code(2, &["neighbors", &g, "Miriam Osie"]);
    assert_eq!(
        r.stderr,
        "error: no entity named \"Miriam Osie\"; did you mean \"Miriam Osei\"?\n"
    );
    let r = ng_code(2, &["said", &g, "--by", "Dunmor"]);
    assert_eq!(
        r.stderr,
        "error: no entity named \"Dunmor\"; did you mean \"Claire Dunmore\"?\n"
    );
    let r = ng_code(2, &["path", &g, "Tom Brenan", "Osei"]);
    assert_eq!(
        r.stderr,
        "error: no entity named \"Tom Brenan\"; did you mean \"Tom Brennan\"?\n"
    );
    // "Brennan" is an alias of Thomas Brennan only; the last word of "Tom
    // Brennan" is as close, so it is not offered.
    let r = ng_code(2, &["edges", &g, "--from", "Brenan"]);
    assert_eq!(
        r.stderr,
        "error: no entity named \"Brenan\"; did you mean \"Thomas Brennan\"?\n"
    );
    let r = ng_code(2, &["edges", &g, "--to", "Atlantis"]);
    assert_eq!(r.stderr, "error: no entity named \"Atlantis\"\n");
}

/// The team's corrections for these stories.
const FIX: &str = "# port strike beat\n\
not\tPeter Harlow\tBaroness Harlow\n\
same\tTom Brennan\tThomas Brennan\n";

#[test]
fn corrections_split_join_and_drop_entities() {
    let dir = graph();
    let g = dir.s("g.json");
    let fix = dir.write("fix.tsv", FIX);
    let fix = fix.to_str().unwrap();
    // Resolution takes the Baroness for Peter Harlow.
    let r = ng_code(0, &["said", &g, "--by", "Peter Harlow"]);
    assert!(
        r.stdout
            .contains("Britain needed a new plan for its harbours")
    );
    let r = ng_code(
        2,
        &[
            "said",
            &g,
            "--by",
            "Baroness Harlow",
            "--corrections",
            "/no/such.tsv",
        ],
    );
    assert!(
        r.stderr.starts_with("error: /no/such.tsv: "),
        "{}",
        r.stderr
    );
    // A query given --corrections re-resolves.
    let r = ng_code(
        0,
        &["said", &g, "--by", "Baroness Harlow", "--corrections", fix],
    );
    assert_eq!(
        lines(&r.stdout),
        [
            "Baroness Harlow: \"Britain needed a new plan for its harbours\"",
            "    port-inquiry, sentence 0 | about: United Kingdom",
            "Baroness Harlow: \"the inquiry would hear from dockers, shipowners and ministers before the summer\"",
            "    port-inquiry, sentence 1",
        ]
    );
    let r = ng_code(
        0,
        &["said", &g, "--by", "Peter Harlow", "--corrections", fix],
    );
    assert!(!r.stdout.contains("harbours"), "{}", r.stdout);
    let r = ng_code(0, &["top", &g, "accusers", "--corrections", fix]);
    assert!(
        r.stdout
            .contains("   2           1          1  Thomas Brennan (person)  [Miriam Osei 1]"),
        "{}",
        r.stdout
    );
    // Without it, the stored view.
    let r = ng_code(0, &["top", &g, "accusers"]);
    assert!(r.stdout.contains("Tom Brennan (person)"), "{}", r.stdout);
    // drop: the node, its edges and the statements it said go.
    let drop = dir.write("drop.tsv", "drop\tClaire Dunmore\n");
    let drop = drop.to_str().unwrap();
    let r = ng_code(2, &["said", &g, "--by", "Dunmore", "--corrections", drop]);
    assert_eq!(r.stderr, "error: no entity named \"Dunmore\"\n");
    let r = ng_code(0, &["said", &g, "--corrections", drop]);
    assert!(!r.stdout.contains("plan by September"), "{}", r.stdout);
    let r = ng_code(
        1,
        &[
            "edges",
            &g,
            "--kind",
            "accused",
            "--to",
            "Harlow",
            "--corrections",
            drop,
        ],
    );
    assert!(r.stdout.is_empty());
    let r = ng_code(
        0,
        &[
            "edges",
            &g,
            "--from",
            "Harlow",
            "--corrections",
            drop,
            "--json",
        ],
    );
    assert!(!r.stdout.contains("Dunmore"), "{}", r.stdout);
    // A correction naming nothing is a warning, not an error.
    let idle = dir.write(
        "idle.tsv",
        "drop\tNobody Atall\nsame\tTom Brennan\tThomas Brennan\n",
    );
    let r = ng_code(0, &["stats", &g, "--corrections", idle.to_str().unwrap()]);
    assert!(
        r.stderr
            .contains("1 of 2 corrections name nothing in this graph: drop \"Nobody Atall\""),
        "{}",
        r.stderr
    );
}

#[test]
fn corrections_are_stored_and_kept_by_a_later_merge() {
    let dir = TempDir::new("query");
    let fix = dir.write("fix.tsv", FIX);
    let fix = fix.to_str().unwrap();
    // The first two stories with the corrections, the summit without.
    ng_code(
        0,
        &[
            "extract",
            &articles("dock-strike.txt"),
            &articles("port-inquiry.txt"),
            "--corrections",
            fix,
            "-o",
            &dir.s("a.json"),
        ],
    );
    ng_code(
        0,
        &[
            "extract",
            &articles("harbour-summit.txt"),
            "-o",
            &dir.s("b.json"),
        ],
    );
    let a: Value = serde_json::from_slice(&dir.read("a.json")).unwrap();
    assert_eq!(
        a["graph"]["corrections"],
        serde_json::json!({
            "same": [["Thomas Brennan", "Tom Brennan"]],
            "not": [["Peter Harlow", "Baroness Harlow"]],
            "drop": []
        })
    );
    assert!(entities(&dir.path("a.json")).contains(&"person:baroness-harlow".to_string()));
    // Merged in either order, without the file: the corrections stay and
    // apply to the summit's articles too (Thomas Brennan is Tom Brennan).
    ng_code(
        0,
        &[
            "merge",
            &dir.s("a.json"),
            &dir.s("b.json"),
            "-o",
            &dir.s("ab.json"),
        ],
    );
    ng_code(
        0,
        &[
            "merge",
            &dir.s("b.json"),
            &dir.s("a.json"),
            "-o",
            &dir.s("ba.json"),
        ],
    );
    assert_eq!(dir.read("ab.json"), dir.read("ba.json"));
    let ab = entities(&dir.path("ab.json"));
    assert!(ab.contains(&"person:baroness-harlow".to_string()), "{ab:?}");
    assert!(ab.contains(&"person:thomas-brennan".to_string()), "{ab:?}");
    assert!(!ab.contains(&"person:tom-brennan".to_string()), "{ab:?}");
    let r = ng_code(0, &["neighbors", &dir.s("ab.json"), "Tom Brennan"]);
    assert!(
        r.stdout
            .starts_with("Thomas Brennan (person, person:thomas-brennan)")
    );
    assert!(
        r.stdout.contains("Thomas Brennan -attends-> summit"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("Thomas Brennan -accused-> Miriam Osei"),
        "{}",
        r.stdout
    );
    // The same as extracting everything with the file at once.
    ng_code(
        0,
        &[
            "extract",
            &articles(""),
            "--corrections",
            fix,
            "-o",
            &dir.s("all.json"),
        ],
    );
    assert_eq!(entities(&dir.path("all.json")), ab);
    // --into keeps them too.
    ng_code(
        0,
        &[
            "extract",
            &articles("harbour-summit.txt"),
            "--into",
            &dir.s("a.json"),
        ],
    );
    assert_eq!(entities(&dir.path("a.json")), ab);
}

#[test]
fn a_same_and_a_not_on_one_pair_is_an_error_naming_both() {
    let dir = graph();
    let g = dir.s("g.json");
    let both = dir.write(
        "both.tsv",
        "same\tPeter Harlow\tBaroness Harlow\n# a later thought\nnot\tPeter Harlow\tBaroness Harlow\n",
    );
    let r = ng_code(2, &["stats", &g, "--corrections", both.to_str().unwrap()]);
    assert_eq!(
        r.stderr,
        format!(
            "error: {}: line 3: not \"Peter Harlow\" \"Baroness Harlow\" contradicts line 1: same \"Peter Harlow\" \"Baroness Harlow\" (one pair cannot be one entity and two)\n",
            both.display()
        )
    );
    // One stored in the graph, one in the file.
    let fix = dir.write("fix.tsv", FIX);
    ng_code(
        0,
        &[
            "extract",
            &articles(""),
            "--corrections",
            fix.to_str().unwrap(),
            "-o",
            &dir.s("c.json"),
        ],
    );
    let same = dir.write("same.tsv", "same\tBaroness Harlow\tPeter Harlow\n");
    let r = ng_code(
        2,
        &[
            "said",
            &dir.s("c.json"),
            "--corrections",
            same.to_str().unwrap(),
        ],
    );
    assert!(
        r.stderr.contains(&format!(
            "not \"Peter Harlow\" \"Baroness Harlow\" (stored in {}) contradicts same \"Baroness Harlow\" \"Peter Harlow\" ({})",
            dir.s("c.json"),
            same.display()
        )),
        "{}",
        r.stderr
    );
    // Two graphs that disagree do not merge, and nothing is written.
    ng_code(
        0,
        &[
            "extract",
            &articles(""),
            "--corrections",
            same.to_str().unwrap(),
            "-o",
            &dir.s("d.json"),
        ],
    );
    let r = ng_code(
        2,
        &[
            "merge",
            &dir.s("c.json"),
            &dir.s("d.json"),
            "-o",
            &dir.s("cd.json"),
        ],
    );
    assert!(
        r.stderr.contains("d.json: graph.corrections: not"),
        "{}",
        r.stderr
    );
    assert!(!dir.path("cd.json").exists());
    // A bad line names the file and the line, before any article is read.
    let bad = dir.write(
        "bad.tsv",
        "drop\tClaire Dunmore\nsame Tom Brennan Thomas Brennan\n",
    );
    let r = ng_code(
        2,
        &[
            "extract",
            &articles(""),
            "--corrections",
            bad.to_str().unwrap(),
            "-o",
            &dir.s("e.json"),
        ],
    );
    assert_eq!(
        r.stderr,
        format!(
            "error: {}: line 2: unknown correction \"same Tom Brennan Thomas Brennan\" (expected same, not or drop, then TAB-separated names)\n",
            bad.display()
        )
    );
    assert!(!dir.path("e.json").exists());
}
