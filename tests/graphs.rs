//! Keeps the example graphs in graphs/ current: they are what the real
//! `newsgraph` executable makes of tests/fixtures/harbour-talks.txt.
//!
//! After a change to the extractor, look at the diff this test prints, then
//! regenerate the examples with `NEWSGRAPH_BLESS=1 cargo test --test graphs`
//! (which also re-renders graphs/harbour-talks.svg when Graphviz is
//! installed) and review them with `git diff graphs/`. Never edit them by
//! hand.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_newsgraph");

/// The example article and the name of its graphs.
const EXAMPLE: &str = "harbour-talks";

const BLESS_HINT: &str = "if the change is intended, run `NEWSGRAPH_BLESS=1 cargo test --test graphs` \
     and review `git diff graphs/`";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn article() -> PathBuf {
    root().join("tests/fixtures").join(format!("{EXAMPLE}.txt"))
}

fn example(ext: &str) -> PathBuf {
    root().join("graphs").join(format!("{EXAMPLE}.{ext}"))
}

fn blessing() -> bool {
    std::env::var_os("NEWSGRAPH_BLESS").is_some()
}

/// Write through a temporary file and a rename, so that a test reading the
/// file meanwhile never sees half of it.
fn write_atomically(path: &Path, contents: &[u8]) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    fs::write(&tmp, contents).unwrap();
    fs::rename(&tmp, path).unwrap();
}

/// `newsgraph extract` of the example article in `format`.
fn extract(format: &str) -> String {
    let out = Command::new(BIN)
        .arg("extract")
        .arg(article())
        .args(["--format", format])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "newsgraph extract failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// The changed lines of a line diff (longest common subsequence), with two
/// lines of context, `-` for the file in graphs/, `+` for the new output.
/// At most `limit` lines.
fn diff(want: &str, got: &str, limit: usize) -> String {
    let ops = common::line_diff(want, got);
    let near_change = |k: usize| {
        let lo = k.saturating_sub(2);
        let hi = (k + 3).min(ops.len());
        ops[lo..hi].iter().any(|op| op.0 != ' ')
    };
    let mut out = Vec::new();
    let mut gap = false;
    for (k, &(tag, line, text)) in ops.iter().enumerate() {
        if !near_change(k) {
            gap = true;
            continue;
        }
        if gap || out.is_empty() {
            out.push(format!("@@ near line {line} of the new output"));
            gap = false;
        }
        out.push(format!("{tag} {text}"));
    }
    let total = out.len();
    if total > limit {
        out.truncate(limit);
        out.push(format!("... ({} more diff lines)", total - limit));
    }
    out.join("\n")
}

/// Compare `got` with the file in graphs/, or rewrite the file when blessing.
fn check_example(ext: &str, got: &str) {
    let path = example(ext);
    if blessing() {
        write_atomically(&path, got.as_bytes());
        eprintln!("blessed {}", path.display());
        return;
    }
    let want = fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("{}: {e}\n{BLESS_HINT}", path.display());
    });
    if want != got {
        panic!(
            "{} is not what newsgraph now makes of {} \
             (- graphs/, + new output):\n{}\n\n{BLESS_HINT}",
            path.display(),
            article().display(),
            diff(&want, got, 80)
        );
    }
}

#[test]
fn example_json_is_current() {
    check_example("json", &extract("json"));
}

#[test]
fn example_dot_is_current() {
    let dot = extract("dot");
    check_example("dot", &dot);
    if blessing() {
        match common::graphviz(&dot) {
            Some((true, svg, _)) => {
                write_atomically(&example("svg"), &svg);
                eprintln!("blessed {}", example("svg").display());
            }
            Some((false, _, stderr)) => panic!("dot -Tsvg failed: {stderr}"),
            None => eprintln!(
                "warning: graphviz `dot` is not installed: {} was not re-rendered",
                example("svg").display()
            ),
        }
    }
}

/// Undo the XML escapes Graphviz writes in SVG titles.
fn unescape(s: &str) -> String {
    s.replace("&#45;", "-")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The SVG is rendered by whatever Graphviz is installed, so its bytes are
/// not compared; it must show the nodes and edges of the current graph.
#[test]
fn example_svg_shows_the_current_graph() {
    if blessing() {
        return; // example_dot_is_current re-renders it.
    }
    let json: serde_json::Value = serde_json::from_str(&extract("json")).unwrap();
    let mut want: Vec<String> = json["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap().to_string())
        .collect();
    want.sort();
    let path = example("svg");
    let svg = fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}\n{BLESS_HINT}", path.display()));
    let mut nodes: Vec<String> = svg
        .split("class=\"node\"")
        .skip(1)
        .filter_map(|rest| {
            let start = rest.find("<title>")? + "<title>".len();
            let end = rest[start..].find("</title>")? + start;
            Some(unescape(&rest[start..end]))
        })
        .collect();
    nodes.sort();
    let edges = svg.matches("class=\"edge\"").count();
    let want_edges = json["edges"].as_array().unwrap().len();
    assert!(
        nodes == want && edges == want_edges,
        "{} is stale: it shows {} nodes and {edges} edges, the graph has {} and {want_edges}; \
         nodes (- graph, + svg):\n{}\n\n{BLESS_HINT} (with Graphviz installed)",
        path.display(),
        nodes.len(),
        want.len(),
        diff(&want.join("\n"), &nodes.join("\n"), 40)
    );
}

#[test]
fn example_dot_renders_without_a_word_from_graphviz() {
    let dot = fs::read_to_string(example("dot")).unwrap();
    let Some((ok, svg, stderr)) = common::graphviz(&dot) else {
        eprintln!("skipped: graphviz `dot` is not installed");
        return;
    };
    assert!(
        ok && stderr.is_empty(),
        "dot -Tsvg {} said:\n{stderr}",
        example("dot").display()
    );
    assert!(svg.starts_with(b"<?xml"), "not SVG");
}

/// Loads graphs/harbour-talks.json with networkx and prints
/// "KIND NODES EDGES"; checks that every edge kept its evidence.
const NETWORKX: &str = r#"
import json, sys
import networkx
with open(sys.argv[1], encoding="utf-8") as f:
    data = json.load(f)
g = networkx.node_link_graph(data, edges="edges")
for u, v, k, attrs in g.edges(keys=True, data=True):
    assert attrs["evidence"], (u, v, k)
    assert g.nodes[u]["kind"] and g.nodes[v]["kind"], (u, v)
print(type(g).__name__, g.number_of_nodes(), g.number_of_edges())
"#;

#[test]
fn example_json_loads_in_networkx() {
    let probe = Command::new("python3")
        .args(["-c", "import networkx"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    if !matches!(probe, Ok(s) if s.success()) {
        eprintln!("skipped: python3 with networkx is not installed (pip install networkx)");
        return;
    }
    let path = example("json");
    let out = Command::new("python3")
        .args(["-c", NETWORKX])
        .arg(&path)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "networkx could not load {}:\n{stderr}",
        path.display()
    );
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    let want = format!(
        "MultiDiGraph {} {}\n",
        json["nodes"].as_array().unwrap().len(),
        json["edges"].as_array().unwrap().len()
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), want);
}
