//! Runs the real `newsgraph` executable against fixture articles and graphs
//! written by the team (tests/fixtures/). Expected outputs live in
//! tests/fixtures/expected/ and are regenerated with
//! `NEWSGRAPH_BLESS=1 cargo test --test cli`, never edited by hand.
//!
//! The graphs in tests/fixtures/graphs/ are written by hand in the format
//! `newsgraph` itself writes (`seen` per node, `cue` per evidence), so the
//! query tests do not depend on the extractor. The tests at the end run the
//! real reader and extractor on tests/fixtures/articles/ and check content
//! that any tuning of the rules must keep. A test marked
//! `#[ignore = "product bug: ..."]` pins a known bug until it is fixed:
//! `cargo test --test cli -- --include-ignored` runs it.

mod common;

use common::TempDir;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_newsgraph");

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn fixture(rel: &str) -> String {
    fixtures().join(rel).display().to_string()
}

/// The outcome of one run.
#[derive(Debug)]
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Assert that standard output contains `text`, showing it all when not.
fn shows(r: &Run, text: &str) {
    assert!(
        r.stdout.contains(text),
        "expected {text:?} in:\n{}",
        r.stdout
    );
}

fn finish(out: Output) -> Run {
    Run {
        code: out.status.code().expect("exited normally"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

fn ng(args: &[&str]) -> Run {
    finish(
        Command::new(BIN)
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap(),
    )
}

fn ng_stdin(args: &[&str], input: &[u8]) -> Run {
    finish(common::run_with_input(BIN, args, input))
}

/// A line diff, `-` expected, `+` got.
fn diff(want: &str, got: &str) -> String {
    common::line_diff(want, got)
        .into_iter()
        .map(|(tag, _, line)| format!("{tag} {line}\n"))
        .collect()
}

#[track_caller]
fn assert_text(what: &str, want: &str, got: &str) {
    if want != got {
        panic!("{what} differs (- expected, + got):\n{}", diff(want, got));
    }
}

/// Compare with tests/fixtures/expected/NAME; NEWSGRAPH_BLESS=1 rewrites it.
#[track_caller]
fn golden(name: &str, got: &str) {
    let path = fixtures().join("expected").join(name);
    if std::env::var_os("NEWSGRAPH_BLESS").is_some() {
        fs::write(&path, got).unwrap();
        return;
    }
    let want = fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing: run with NEWSGRAPH_BLESS=1", path.display()));
    assert_text(name, &want, got);
}

#[track_caller]
fn ok(run: &Run) {
    assert_eq!(run.code, 0, "{run:#?}");
}

fn json(s: &str) -> serde_json::Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("not JSON ({e}):\n{s}"))
}

fn small() -> String {
    fixture("graphs/small.json")
}

/// Render DOT with Graphviz: it must say nothing on stderr. False when
/// Graphviz is not installed.
fn renders(dot: &str) -> bool {
    let Some((ok, _, stderr)) = common::graphviz(dot) else {
        eprintln!("skipped: graphviz `dot` is not installed");
        return false;
    };
    assert!(ok && stderr.is_empty(), "dot said: {stderr}\n{dot}");
    true
}

// ---------------------------------------------------------------- help, usage

#[test]
fn every_command_has_help_with_examples() {
    for cmd in [
        "extract",
        "merge",
        "export",
        "said",
        "path",
        "neighbors",
        "stats",
    ] {
        let r = ng(&[cmd, "--help"]);
        ok(&r);
        assert!(r.stdout.contains("EXAMPLES:"), "{cmd}: {}", r.stdout);
        assert!(
            r.stdout.contains(&format!("newsgraph {cmd} ")),
            "{cmd}: {}",
            r.stdout
        );
    }
    let r = ng(&["--help"]);
    ok(&r);
    assert!(r.stdout.contains("EXAMPLES:"));
    assert!(ng(&["said", "--help"]).stdout.contains("are left out"));
}

#[test]
fn bad_usage_exits_2_before_any_work() {
    let r = ng(&[]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("Usage"), "{}", r.stderr);
    let r = ng(&["path", &small(), "a", "b", "--via", "said,sued"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("\"sued\""), "{}", r.stderr);
    let r = ng(&["said", &small(), "--since", "May 30"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("May 30"), "{}", r.stderr);
    let r = ng(&["extract", &fixture("articles"), "--format", "svg"]);
    assert_eq!(r.code, 2);
    let r = ng(&["path", &small(), "a", "b", "--max-hops", "3"]);
    assert_eq!(r.code, 2, "--max-hops needs --all");
}

// ---------------------------------------------------------------- extract

#[test]
fn extract_reports_a_missing_file_by_name_and_still_writes_the_rest() {
    let t = TempDir::new("cli");
    let missing = t.s("missing.txt");
    let r = ng(&[
        "extract",
        &fixture("articles/dated.txt"),
        &missing,
        "-o",
        &t.s("g.json"),
    ]);
    assert_eq!(r.code, 2, "{r:#?}");
    assert_text(
        "stderr",
        &format!("error: {missing}: no such file or directory\n"),
        &r.stderr,
    );
    assert_eq!(t.names(), ["g.json"]);
    ok(&ng(&["export", &t.s("g.json")]));
}

#[cfg(unix)]
#[test]
fn extract_reports_an_unreadable_file_in_a_directory_and_goes_on() {
    let t = TempDir::new("cli");
    t.write(
        "in/a.txt",
        "Talks resume\n\nLONDON, May 2 (UPI) -- Britain wants a deal.\n",
    );
    std::os::unix::fs::symlink(t.path("nowhere.txt"), t.path("in/b.txt")).unwrap();
    let r = ng(&["extract", &t.s("in"), "-o", &t.s("g.json")]);
    assert_eq!(r.code, 2, "{r:#?}");
    assert_text(
        "stderr",
        &format!("error: {}: no such file or directory\n", t.s("in/b.txt")),
        &r.stderr,
    );
    assert!(t.path("g.json").exists());
}

#[test]
fn extract_never_replaces_output_when_every_input_failed() {
    let t = TempDir::new("cli");
    let out = t.write("g.json", "keep me");
    let r = ng(&[
        "extract",
        &t.s("nope.txt"),
        "-o",
        &out.display().to_string(),
    ]);
    assert_eq!(r.code, 2);
    assert_eq!(fs::read_to_string(&out).unwrap(), "keep me");
    assert_eq!(t.names(), ["g.json"]);
}

#[test]
fn extract_writes_output_atomically() {
    let t = TempDir::new("cli");
    let r = ng(&["extract", &fixture("articles"), "-o", &t.s("g.json"), "-q"]);
    ok(&r);
    assert_eq!(r.stdout, "", "nothing on stdout with -o");
    assert_eq!(t.names(), ["g.json"], "no temporary file left behind");
    let bad = t.s("no/such/dir/g.json");
    let r = ng(&["extract", &fixture("articles"), "-o", &bad, "-q"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.starts_with(&format!("error: {bad}: ")),
        "{}",
        r.stderr
    );
    assert_eq!(t.names(), ["g.json"]);
}

#[test]
fn extract_is_deterministic_whatever_the_thread_count() {
    let dir = fixture("articles");
    let one = ng(&["extract", &dir, "-j", "1", "-q"]);
    let two = ng(&["extract", &dir, "-j", "2", "-q"]);
    let again = ng(&["extract", &dir, "-q"]);
    ok(&one);
    assert_text("-j 1 vs -j 2", &one.stdout, &two.stdout);
    assert_text("run 1 vs run 2", &one.stdout, &again.stdout);
    let d1 = ng(&["extract", &dir, "--format", "dot", "-q"]);
    let d2 = ng(&["extract", &dir, "--format", "dot", "-q", "-j", "1"]);
    ok(&d1);
    assert_text("dot runs", &d1.stdout, &d2.stdout);
    assert!(d1.stdout.starts_with("digraph"));
    renders(&d1.stdout);
}

#[test]
fn extract_reads_standard_input() {
    let text = fs::read(fixture("articles/dated.txt")).unwrap();
    let r = ng_stdin(&["extract", "-"], &text);
    ok(&r);
    assert_eq!(json(&r.stdout)["graph"]["format"], "newsgraph/1");
}

#[test]
fn extract_into_creates_then_updates_in_place() {
    let t = TempDir::new("cli");
    let g = t.s("g.json");
    ok(&ng(&[
        "extract",
        &fixture("articles/dated.txt"),
        "--into",
        &g,
    ]));
    let first = fs::read_to_string(&g).unwrap();
    ok(&ng(&[
        "extract",
        &fixture("articles/geneva-talks.txt"),
        "--into",
        &g,
    ]));
    ok(&ng(&[
        "extract",
        &fixture("articles/geneva-talks.txt"),
        "--into",
        &g,
    ]));
    let twice = fs::read_to_string(&g).unwrap();
    // The same as extracting both at once: adding an article twice changes nothing.
    let both = ng(&[
        "extract",
        &fixture("articles/dated.txt"),
        &fixture("articles/geneva-talks.txt"),
    ]);
    assert_text("--into vs one run", &both.stdout, &twice);
    assert!(!first.is_empty());
    // The lock file stays: removing it would let two writers lock two files.
    assert_eq!(t.names(), ["g.json", "g.json.lock"]);
}

#[test]
fn extract_into_refuses_a_corrupt_graph_and_leaves_it_alone() {
    let t = TempDir::new("cli");
    let g = t.write("g.json", "{ not json");
    let r = ng(&[
        "extract",
        &fixture("articles/dated.txt"),
        "--into",
        &g.display().to_string(),
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with(&format!("error: {}: not a newsgraph graph", g.display())),
        "{}",
        r.stderr
    );
    assert_eq!(fs::read_to_string(&g).unwrap(), "{ not json");
}

#[test]
fn extract_rejects_an_empty_directory_and_a_missing_data_dir() {
    let t = TempDir::new("cli");
    fs::create_dir_all(t.path("empty")).unwrap();
    let r = ng(&["extract", &t.s("empty")]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no .txt files"), "{}", r.stderr);
    let r = ng(&["extract", &fixture("articles"), "--data", &t.s("nodata")]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.starts_with(&format!("error: {}", t.s("nodata"))),
        "{}",
        r.stderr
    );
    assert_eq!(r.stdout, "");
}

// ---------------------------------------------------------------- merge, export

#[test]
fn merge_of_disjoint_graphs_does_not_depend_on_input_order() {
    let t = TempDir::new("cli");
    let big = big_graph(&t).display().to_string();
    let a = fixture("graphs/part-a.json");
    let ab = ng(&["merge", &a, &big]);
    let ba = ng(&["merge", &big, &a]);
    ok(&ab);
    assert_text("a+big vs big+a", &ab.stdout, &ba.stdout);
}

#[test]
fn merge_does_not_depend_on_input_order() {
    // Both parts know nation:china, under different aliases and mentions.
    let (a, b) = (fixture("graphs/part-a.json"), fixture("graphs/part-b.json"));
    let ab = ng(&["merge", &a, &b]);
    let ba = ng(&["merge", &b, &a]);
    ok(&ab);
    assert_text("a+b vs b+a", &ab.stdout, &ba.stdout);
    let aab = ng(&["merge", &a, &a, &b]);
    assert_text("a+b vs a+a+b", &ab.stdout, &aab.stdout);
    let china = json(&ab.stdout)["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == "nation:china")
        .cloned()
        .unwrap();
    assert_eq!(china["aliases"], json(r#"["Beijing", "Chinese"]"#));
}

#[test]
fn merge_of_a_graph_with_itself_is_the_graph() {
    let t = TempDir::new("cli");
    ok(&ng(&["merge", &small(), &small(), "-o", &t.s("m.json")]));
    let export = ng(&["export", &small()]);
    assert_text(
        "merge vs export",
        &export.stdout,
        &fs::read_to_string(t.path("m.json")).unwrap(),
    );
    assert_eq!(t.names(), ["m.json"]);
}

#[test]
fn merge_writes_nothing_when_an_input_is_bad() {
    let t = TempDir::new("cli");
    let bad = t.write("bad.json", r#"{"directed": true}"#);
    let bad = bad.display().to_string();
    let r = ng(&["merge", &small(), &bad, "-o", &t.s("m.json")]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with(&format!("error: {bad}: not a newsgraph graph")),
        "{}",
        r.stderr
    );
    assert_eq!(t.names(), ["bad.json"]);
}

#[test]
fn export_round_trips_and_renders_with_graphviz() {
    let t = TempDir::new("cli");
    ok(&ng(&["export", &small(), "-o", &t.s("a.json")]));
    ok(&ng(&["export", &t.s("a.json"), "-o", &t.s("b.json")]));
    assert_text(
        "export of export",
        &fs::read_to_string(t.path("a.json")).unwrap(),
        &fs::read_to_string(t.path("b.json")).unwrap(),
    );
    let dot = ng(&["export", &small(), "--format", "dot"]);
    ok(&dot);
    assert!(dot.stdout.contains("shape=box3d") && dot.stdout.contains("style=dashed"));
    renders(&dot.stdout);
    let stdin = ng_stdin(
        &["export", "-", "--format", "dot"],
        &fs::read(small()).unwrap(),
    );
    assert_text("stdin vs file", &dot.stdout, &stdin.stdout);
}

#[test]
fn a_missing_or_broken_graph_is_an_error_naming_the_file() {
    let t = TempDir::new("cli");
    let nope = t.s("nope.json");
    let r = ng(&["stats", &nope]);
    assert_eq!(r.code, 2);
    assert_text(
        "stderr",
        &format!("error: {nope}: no such file or directory\n"),
        &r.stderr,
    );
    let bad = t.write("bad.json", "[1, 2");
    let r = ng(&["said", &bad.display().to_string()]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with(&format!(
        "error: {}: not a newsgraph graph: ",
        bad.display()
    )));
}

/// A graph big enough that its export fills any pipe buffer.
fn big_graph(t: &TempDir) -> PathBuf {
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    for i in 0..3000 {
        nodes.push(format!(
            r#"{{"id": "person:p{i}", "kind": "person", "name": "Person {i}", "aliases": [], "mentions": 1,
                "articles": 1, "seen": {{"00000000000000aa": 1}}}}"#
        ));
        if i > 0 {
            edges.push(format!(
                r#"{{"source": "person:p{i}", "target": "person:p{}", "kind": "member_of", "cue": "of", "negated": false,
                   "evidence": [{{"article": "00000000000000aa", "sentence": {i}, "start": 0, "end": 4, "text": "text", "cue": "of"}}]}}"#,
                i - 1
            ));
        }
    }
    t.write(
        "big.json",
        format!(
            r#"{{"directed": true, "multigraph": true,
               "graph": {{"format": "newsgraph/1", "articles": [{{"id": "big", "digest": "00000000000000aa"}}]}},
               "nodes": [{}], "edges": [{}]}}"#,
            nodes.join(",\n"),
            edges.join(",\n")
        ),
    )
}

#[test]
fn a_closed_pipe_ends_quietly_with_0() {
    let t = TempDir::new("cli");
    let big = big_graph(&t).display().to_string();
    for args in [
        vec!["export", big.as_str(), "--format", "dot"],
        vec!["export", big.as_str()],
        vec!["neighbors", big.as_str(), "Person 1500", "--depth", "3000"],
    ] {
        let mut child = Command::new(BIN)
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take()); // like `| head -0`
        let r = finish(child.wait_with_output().unwrap());
        assert_eq!(r.code, 0, "{args:?}: {r:#?}");
        assert_eq!(r.stderr, "", "{args:?}");
    }
}

// ---------------------------------------------------------------- said

#[test]
fn said_lists_every_statement_with_where_it_was_read() {
    let r = ng(&["said", &small()]);
    ok(&r);
    golden("said.txt", &r.stdout);
}

#[test]
fn said_by_matches_names_and_aliases_loosely() {
    let want = ng(&["said", &small(), "--by", "Laszlo Varga"]);
    ok(&want);
    assert!(
        want.stdout
            .starts_with("Laszlo Varga: \"There is no dispute"),
        "{}",
        want.stdout
    );
    for name in ["varga", "VARGA", "laszlo  varga", "person:laszlo-varga"] {
        assert_text(
            name,
            &want.stdout,
            &ng(&["said", &small(), "--by", name]).stdout,
        );
    }
    let r = ng(&["said", &small(), "--by", "Nobody Atall"]);
    assert_eq!(r.code, 2);
    assert_text(
        "stderr",
        "error: no entity named \"Nobody Atall\"\n",
        &r.stderr,
    );
}

#[test]
fn said_about_uses_about_edges_aliases_and_words() {
    for about in ["U.S.", "us", "United States", "Beijing"] {
        let r = ng(&["said", &small(), "--about", about]);
        ok(&r);
        assert!(r.stdout.starts_with("Tom Reyes: "), "{about}: {}", r.stdout);
        assert_eq!(r.stdout.lines().count(), 2, "{about}: {}", r.stdout);
    }
    let r = ng(&["said", &small(), "--about", "calendar"]);
    ok(&r);
    assert_eq!(r.stdout.lines().count(), 4, "{}", r.stdout);
    let r = ng(&[
        "said",
        &small(),
        "--about",
        "the weather",
        "--by",
        "Kessler",
    ]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "");
}

#[test]
fn said_dates_leave_out_undated_articles() {
    let r = ng(&["said", &small(), "--since", "2015-01-01"]);
    ok(&r);
    assert!(r.stdout.starts_with("Grace Otieno: "), "{}", r.stdout);
    assert_eq!(r.stdout.lines().count(), 2);
    let r = ng(&[
        "said",
        &small(),
        "--since",
        "May 18, 2015",
        "--until",
        "Monday, May 18, 2015",
    ]);
    ok(&r);
    // "March 3" and "May 30" have no year: those articles are left out.
    let r = ng(&["said", &small(), "--until", "2015-05-17"]);
    assert_eq!(r.code, 1);
    let r = ng(&["said", &small(), "--until", "2015-05-17", "--json"]);
    assert_eq!(r.code, 1);
    assert_eq!(json(&r.stdout), json("[]"));
}

#[test]
fn said_json_carries_speaker_article_and_sentence() {
    let r = ng(&["said", &small(), "--by", "Reyes", "--json"]);
    ok(&r);
    let v = json(&r.stdout);
    let row = &v[0];
    assert_eq!(row["speaker"]["name"], "Tom Reyes");
    assert_eq!(row["evidence"][0]["article"], "nested/tech/cyber-dialogue");
    assert_eq!(row["evidence"][0]["sentence"], 0);
    assert_eq!(
        row["text"],
        "China should open a dialogue on cyber issues with the United States"
    );
    assert_eq!(row["about"][0]["id"], "nation:china");
}

// ---------------------------------------------------------------- path

#[test]
fn path_prints_each_hop_with_its_direction_and_evidence() {
    let r = ng(&["path", &small(), "Kessler", "China"]);
    ok(&r);
    golden("path-kessler-china.txt", &r.stdout);
    assert!(r.stdout.starts_with(
        "Anna Kessler -member_of-> Austria -member_of-> United Nations <-member_of- China\n"
    ));
    let r = ng(&["path", &small(), "Reyes", "China", "--via", "said,about"]);
    ok(&r);
    assert!(
        r.stdout.starts_with(
            "Tom Reyes -said-> \"China should open a dialogue on cyber issues with the…\" -about-> China\n"
        ),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("      nested/tech/cyber-dialogue, sentence 0: White House spokesman")
    );
}

#[test]
fn path_exit_codes() {
    let r = ng(&["path", &small(), "Kessler", "Otieno"]);
    assert_eq!(r.code, 1, "{r:#?}");
    assert_eq!(r.stdout, "");
    let r = ng(&["path", &small(), "Kessler", "Atlantis"]);
    assert_eq!(r.code, 2);
    assert_text("stderr", "error: no entity named \"Atlantis\"\n", &r.stderr);
    let r = ng(&["path", &small(), "Kessler", "China", "--via", "said"]);
    assert_eq!(r.code, 1);
}

#[test]
fn path_all_lists_simple_paths_shortest_first() {
    let r = ng(&[
        "path",
        &small(),
        "Varga",
        "Austria",
        "--all",
        "--max-hops",
        "3",
    ]);
    ok(&r);
    golden("path-all-varga-austria.txt", &r.stdout);
    let r = ng(&[
        "path",
        &small(),
        "Varga",
        "Austria",
        "--all",
        "--limit",
        "1",
        "--json",
    ]);
    ok(&r);
    let v = json(&r.stdout);
    assert_eq!(v["paths"].as_array().unwrap().len(), 1);
    assert_eq!(v["truncated"], true);
    assert_eq!(v["paths"][0]["hops"][0]["kind"], "member_of");
    assert_eq!(v["paths"][0]["hops"][1]["forward"], true);
    assert_eq!(v["paths"][0]["hops"][1]["negated"], true);
}

// ---------------------------------------------------------------- neighbors, stats

#[test]
fn neighbors_in_every_format() {
    let r = ng(&["neighbors", &small(), "china"]);
    ok(&r);
    golden("neighbors-china.txt", &r.stdout);
    let r = ng(&[
        "neighbors",
        &small(),
        "china",
        "--depth",
        "2",
        "--format",
        "dot",
    ]);
    ok(&r);
    assert!(r.stdout.contains("root=\"nation:china\""));
    renders(&r.stdout);
    let t = TempDir::new("cli");
    let r = ng(&["neighbors", &small(), "china", "--format", "json"]);
    ok(&r);
    t.write("n.json", &r.stdout);
    let back = ng(&["stats", &t.s("n.json"), "--json"]);
    ok(&back);
    assert_eq!(json(&back.stdout)["nodes"], 4);
}

#[test]
fn stats_counts_and_ranks() {
    let r = ng(&["stats", &small()]);
    ok(&r);
    golden("stats.txt", &r.stdout);
    let v = json(&ng(&["stats", &small(), "--json", "--top", "1"]).stdout);
    assert_eq!(v["articles"], 3);
    assert_eq!(v["nodes_by_kind"]["statement"], 4);
    assert_eq!(v["edges_by_kind"]["member_of"], 6);
    assert_eq!(v["most_connected"][0]["name"], "China");
    assert_eq!(v["top_speakers"].as_array().unwrap().len(), 1);
}

// ------------------------------------------- extraction content (needs the real reader/extractor)

fn extract_json(paths: &[&str]) -> (Run, serde_json::Value) {
    let mut args = vec!["extract"];
    args.extend_from_slice(paths);
    let r = ng(&args);
    let v = json(&r.stdout);
    (r, v)
}

#[test]
fn article_ids_are_paths_below_the_directory() {
    let (r, v) = extract_json(&[&fixture("articles")]);
    ok(&r);
    let mut ids: Vec<String> = v["graph"]["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    assert_eq!(
        ids,
        [
            "dated",
            "geneva-talks",
            "latin1",
            "nested/tech/cyber-dialogue"
        ]
    );
    let (_, one) = extract_json(&[&fixture("articles/nested/tech/cyber-dialogue.txt")]);
    assert_eq!(one["graph"]["articles"][0]["id"], "cyber-dialogue");
}

#[test]
fn the_same_text_under_two_names_counts_once() {
    let t = TempDir::new("cli");
    let text = fs::read(fixture("articles/dated.txt")).unwrap();
    t.write("in/a.txt", &text);
    t.write("in/b.txt", &text);
    let (r, v) = extract_json(&[&t.s("in")]);
    ok(&r);
    assert_eq!(v["graph"]["articles"].as_array().unwrap().len(), 1, "{v}");
}

#[test]
fn a_binary_file_is_an_error_naming_it_and_the_rest_is_kept() {
    let (r, v) = extract_json(&[&fixture("broken")]);
    assert_eq!(r.code, 2);
    let want = format!("error: {}: ", fixture("broken/binary.txt"));
    assert!(r.stderr.starts_with(&want), "{}", r.stderr);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert_eq!(v["graph"]["articles"][0]["id"], "good");
}

#[test]
fn a_latin1_file_is_decoded_with_a_warning() {
    let path = fixture("articles/latin1.txt");
    let (r, _) = extract_json(&[&path]);
    ok(&r);
    assert!(
        r.stderr.starts_with(&format!("warning: {path}: ")),
        "{}",
        r.stderr
    );
    assert!(
        r.stdout.contains("Müller") && r.stdout.contains("Zürich"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains('\u{FFFD}'));
    let quiet = ng(&["extract", &path, "--quiet"]);
    assert_eq!(quiet.stderr, "");
}

#[test]
fn boilerplate_lines_never_become_evidence() {
    let (r, v) = extract_json(&[&fixture("articles")]);
    ok(&r);
    for e in v["edges"].as_array().unwrap() {
        for ev in e["evidence"].as_array().unwrap() {
            let text = ev["text"].as_str().unwrap();
            assert!(
                !text.contains("Advertisement") && !text.contains("Copyright"),
                "{text}"
            );
            assert!(!text.contains("(UPI) --"), "dateline in a sentence: {text}");
        }
    }
}

#[test]
fn quotes_are_attributed_to_their_speakers() {
    let t = TempDir::new("cli");
    let g = t.s("g.json");
    ok(&ng(&["extract", &fixture("articles"), "-o", &g, "-q"]));
    let r = ng(&["said", &g, "--by", "Kessler"]);
    ok(&r);
    shows(&r, "We have agreed on a calendar");
    shows(&r, "geneva-talks, sentence");
    // A quote that runs on into the next paragraph belongs to its speaker.
    let r = ng(&["said", &g, "--by", "Laszlo Varga"]);
    ok(&r);
    shows(&r, "There is no dispute about the calendar");
    let r = ng(&["said", &g, "--by", "Reyes", "--about", "China"]);
    ok(&r);
    shows(&r, "dialogue on cyber issues");
    let r = ng(&["path", &g, "Tom Reyes", "China", "--via", "said,about"]);
    ok(&r);
    assert!(r.stdout.starts_with("Tom Reyes -said-> "), "{}", r.stdout);
    let r = ng(&[
        "said",
        &g,
        "--by",
        "Otieno",
        "--since",
        "2015-05-01",
        "--until",
        "2015-05-31",
    ]);
    ok(&r);
}

#[test]
fn evidence_text_is_the_articles_bytes_start_to_end() {
    // harbour-talks has multi-byte characters ("Tomás") before most sentences.
    for rel in ["harbour-talks.txt", "articles/geneva-talks.txt"] {
        let path = fixture(rel);
        let article = fs::read_to_string(&path).unwrap();
        let (r, v) = extract_json(&[&path]);
        ok(&r);
        let edges = v["edges"].as_array().unwrap();
        assert!(!edges.is_empty(), "{rel}: no edges");
        for e in edges {
            for ev in e["evidence"].as_array().unwrap() {
                let (start, end) = (
                    ev["start"].as_u64().unwrap() as usize,
                    ev["end"].as_u64().unwrap() as usize,
                );
                assert_eq!(
                    article.get(start..end),
                    ev["text"].as_str(),
                    "{rel}: {start}..{end}"
                );
            }
        }
    }
}

#[test]
fn the_example_article_reads_as_intended() {
    let t = TempDir::new("cli");
    let g = t.s("g.json");
    ok(&ng(&["extract", &fixture("harbour-talks.txt"), "-o", &g]));
    // Boilerplate lines around and inside the story are never evidence.
    let v = json(&fs::read_to_string(&g).unwrap());
    for e in v["edges"].as_array().unwrap() {
        for ev in e["evidence"].as_array().unwrap() {
            let text = ev["text"].as_str().unwrap();
            assert!(
                !text.contains("Advertisement") && !text.contains("Latest Headlines"),
                "{text}"
            );
        }
    }
    let r = ng(&["said", &g, "--by", "Ingrid Solberg"]);
    ok(&r);
    // Opened in one paragraph, the quote runs on into the next: still hers.
    shows(&r, "Norway has always respected international law at sea");
    shows(&r, "The science is clear");
    // A quotation after an attributed one in the same paragraph.
    let r = ng(&["said", &g, "--by", "Araya"]);
    ok(&r);
    shows(&r, "Nobody gains from a long dispute");
    // Speakers are linked to what they speak about.
    let r = ng(&["path", &g, "Solberg", "Chile", "--via", "said,about"]);
    ok(&r);
    assert!(
        r.stdout.starts_with("Ingrid Solberg -said-> "),
        "{}",
        r.stdout
    );
}

#[test]
fn a_clause_final_speaker_keeps_words_that_contain_a_speech_verb() {
    let text = "Quota plan\n\nOSLO, March 20 (UPI) -- Foreign Minister Ingrid Solberg spoke on \
                Friday.\n\nNorway will propose a joint quota, Ms Solberg told reporters.\n";
    let t = TempDir::new("cli");
    let g = t.write(
        "g.json",
        ng_stdin(&["extract", "-", "-q"], text.as_bytes()).stdout,
    );
    let g = g.display().to_string();
    let r = ng(&["said", &g, "--by", "Solberg"]);
    ok(&r);
    assert!(
        r.stdout
            .starts_with("Ingrid Solberg: \"Norway will propose a joint quota\""),
        "{}",
        r.stdout
    );
    let r = ng(&["said", &g, "--by", "Norway"]);
    assert_eq!(r.code, 1, "Norway said nothing: {}", r.stdout);
}
