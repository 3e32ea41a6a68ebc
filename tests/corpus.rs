//! Runs the real `newsgraph` executable on the BBC corpus kept next to the
//! project, at `../shared/corpus/bbc` from the project root (it is never
//! copied into the project). Where it is absent the tests say so and pass.
//!
//! Two sections (politics and entertainment, about 800 articles, a few
//! seconds in a debug build) are extracted separately and merged in
//! several orders and groupings: every way must give the same bytes.

mod common;

use common::TempDir;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_newsgraph");

/// The corpus directory, or `None` (with a message) when it is absent.
fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/bbc");
    if dir.join("politics").is_dir() && dir.join("entertainment").is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipped: no BBC corpus at {} (expected ../shared/corpus/bbc from the project root)",
            dir.display()
        );
        None
    }
}

/// Run the executable; panic with its output unless it exits with `code`.
/// Returns (stdout, stderr).
fn run(args: &[&str], code: i32) -> (String, String) {
    let out = Command::new(BIN).args(args).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(
        out.status.code(),
        Some(code),
        "newsgraph {}\n--- stderr:\n{stderr}\n--- stdout:\n{}",
        args.join(" "),
        stdout.chars().take(2000).collect::<String>()
    );
    (stdout, stderr)
}

/// Panic with the first differing line of two graph files unless equal.
fn assert_same_bytes(t: &TempDir, expected: &str, got: &str) {
    let (a, b) = (t.read(expected), t.read(got));
    if a == b {
        return;
    }
    let (a, b) = (String::from_utf8_lossy(&a), String::from_utf8_lossy(&b));
    let (n, (la, lb)) = a
        .lines()
        .zip(b.lines())
        .enumerate()
        .find(|(_, (x, y))| x != y)
        .unwrap_or((0, ("(same lines, different length)", "")));
    panic!(
        "{got} differs from {expected} at line {}:\n  expected: {la}\n       got: {lb}",
        n + 1
    );
}

fn node<'g>(graph: &'g Value, id: &str) -> &'g Value {
    graph["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == id)
        .unwrap_or_else(|| panic!("no node {id}"))
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

#[test]
fn sections_merge_to_the_same_bytes_in_any_order() {
    let Some(bbc) = corpus() else { return };
    let politics = bbc.join("politics").display().to_string();
    let entertainment = bbc.join("entertainment").display().to_string();
    let t = TempDir::new("corpus");
    let (p, e) = (t.s("p.json"), t.s("e.json"));
    run(&["extract", &politics, "-q", "-o", &p], 0);
    run(&["extract", &entertainment, "-q", "-o", &e], 0);

    run(&["merge", &p, &e, "-o", &t.s("pe.json")], 0);
    run(&["merge", &e, &p, "-o", &t.s("ep.json")], 0);
    // One section twice, and a merged graph merged again with its parts.
    run(&["merge", &p, &e, &p, "-o", &t.s("pep.json")], 0);
    run(&["merge", &t.s("ep.json"), &e, "-o", &t.s("ep-e.json")], 0);
    // Both sections in one extraction, and one added to the other in place.
    run(
        &[
            "extract",
            &entertainment,
            &politics,
            "-q",
            "-o",
            &t.s("both.json"),
        ],
        0,
    );
    fs::copy(&p, t.s("into.json")).unwrap();
    run(
        &["extract", &entertainment, "-q", "--into", &t.s("into.json")],
        0,
    );
    for got in ["ep.json", "pep.json", "ep-e.json", "both.json", "into.json"] {
        assert_same_bytes(&t, "pe.json", got);
    }

    // The three party leaders are one node each, with their short names.
    let graph: Value = serde_json::from_slice(&t.read("pe.json")).unwrap();
    for (id, surname) in [
        ("person:tony-blair", "Blair"),
        ("person:gordon-brown", "Brown"),
        ("person:michael-howard", "Howard"),
    ] {
        let n = node(&graph, id);
        let aliases = strings(&n["aliases"]);
        assert!(aliases.contains(&surname), "{id}: {aliases:?}");
        let titled = format!("Mr {surname}");
        assert!(aliases.contains(&titled.as_str()), "{id}: {aliases:?}");
        let mentions = n["mentions"].as_u64().unwrap();
        let articles = n["articles"].as_u64().unwrap();
        assert!(articles >= 20 && mentions >= articles, "{id}: {n}");
        let short = format!("person:{}", surname.to_lowercase());
        assert!(
            graph["nodes"]
                .as_array()
                .unwrap()
                .iter()
                .all(|n| n["id"] != short.as_str()),
            "{short} was left unfolded"
        );
    }

    // Who said what about whom, with the article it was read in.
    let (out, _) = run(
        &[
            "said",
            &t.s("pe.json"),
            "--by",
            "Gordon Brown",
            "--about",
            "Tony Blair",
            "--json",
        ],
        0,
    );
    let rows: Value = serde_json::from_str(&out).unwrap();
    for row in rows.as_array().unwrap() {
        assert_eq!(row["speaker"]["id"], "person:gordon-brown", "{row}");
        let evidence = row["evidence"].as_array().unwrap();
        assert!(!evidence.is_empty(), "{row}");
        assert!(evidence.iter().all(|e| e["article"].is_string()), "{row}");
    }
    let (out, _) = run(
        &["path", &t.s("pe.json"), "Michael Howard", "Tony Blair"],
        0,
    );
    assert!(out.contains("sentence "), "{out}");
}

#[test]
fn a_latin1_article_is_read_with_a_warning() {
    let Some(bbc) = corpus() else { return };
    let file = bbc.join("sport/199.txt");
    if !file.is_file() {
        eprintln!("skipped: no {}", file.display());
        return;
    }
    let t = TempDir::new("corpus");
    let (_, err) = run(
        &["extract", &file.display().to_string(), "-o", &t.s("g.json")],
        0,
    );
    assert!(err.contains("Windows-1252"), "{err}");
    let graph: Value = serde_json::from_slice(&t.read("g.json")).unwrap();
    assert_eq!(graph["graph"]["articles"].as_array().unwrap().len(), 1);
}
