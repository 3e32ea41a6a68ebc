//! Articles as JSON lines (`extract --jsonl`), one graph per article per
//! line (`--emit graphs`) and `merge` over such lines: a map over shards and
//! any tree of merges give the bytes of one run. The articles are the
//! team's own (tests/fixtures/wire, ten invented wire stories).

mod common;

use common::TempDir;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::{Value, json};

const BIN: &str = env!("CARGO_BIN_EXE_newsgraph");

fn wire() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wire")
}

/// (id, text) of each wire story, in file order.
fn stories() -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(wire())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            let id = p.file_stem().unwrap().to_string_lossy().into_owned();
            (id, std::fs::read_to_string(p).unwrap())
        })
        .collect()
}

fn line(id: &str, text: &str) -> String {
    json!({"id": id, "text": text}).to_string() + "\n"
}

struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

fn ng_in(args: &[&str], input: &[u8]) -> Run {
    let out = common::run_with_input(BIN, args, input);
    Run {
        code: out.status.code().expect("exited normally"),
        stdout: out.stdout,
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn ng(args: &[&str]) -> Run {
    ng_in(args, b"")
}

/// Run; panic with stderr unless the exit status is 0.
fn ok(args: &[&str]) -> Vec<u8> {
    let r = ng(args);
    assert_eq!(r.code, 0, "newsgraph {}: {}", args.join(" "), r.stderr);
    r.stdout
}

/// The first line where two outputs differ, for a readable failure.
fn same_bytes(want: &[u8], got: &[u8], what: &str) {
    if want == got {
        return;
    }
    let (a, b) = (String::from_utf8_lossy(want), String::from_utf8_lossy(got));
    let at = a
        .lines()
        .zip(b.lines())
        .position(|(x, y)| x != y)
        .unwrap_or(a.lines().count().min(b.lines().count()));
    panic!(
        "{what}: differs from one run at line {}:\n  one run: {:?}\n  got:     {:?}",
        at + 1,
        a.lines().nth(at),
        b.lines().nth(at)
    );
}

#[test]
fn json_lines_give_the_graph_of_the_same_articles_as_files() {
    let t = TempDir::new("mr");
    let all: String = stories().iter().map(|(id, text)| line(id, text)).collect();
    t.write("all.jsonl", &all);
    let files = ok(&["extract", &wire().display().to_string()]);
    let lines = ok(&["extract", "--jsonl", &t.s("all.jsonl")]);
    same_bytes(&files, &lines, "extract --jsonl");
    // Standard input, CRLF line ends and a byte-order mark change nothing.
    let crlf = format!("\u{feff}{}", all.replace('\n', "\r\n"));
    let r = ng_in(&["extract", "--jsonl", "-"], crlf.as_bytes());
    assert_eq!(r.code, 0, "{}", r.stderr);
    same_bytes(&files, &r.stdout, "extract --jsonl - (CRLF, BOM)");
    // The digest is over the text, as for a file: the same as the file's.
    let g: Value = serde_json::from_slice(&lines).unwrap();
    let one = ok(&[
        "extract",
        &wire().join("01-tagus-talks.txt").display().to_string(),
    ]);
    let one: Value = serde_json::from_slice(&one).unwrap();
    let digest = &one["graph"]["articles"][0]["digest"];
    assert!(
        g["graph"]["articles"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["id"] == "01-tagus-talks" && a["digest"] == *digest)
    );
}

/// The map/reduce property: split the articles into shards, extract each
/// shard as one graph per article (`--emit graphs`), merge in two different
/// trees (and once all the lines in reverse order): every way gives the
/// bytes of one run over all the lines.
#[test]
fn shards_and_any_tree_of_merges_give_the_bytes_of_one_run() {
    let t = TempDir::new("mr");
    let mut lines: Vec<String> = stories().iter().map(|(id, text)| line(id, text)).collect();
    // The same text under two more ids, one sorting before the first: the
    // graph keeps the smallest id, whichever shard it falls in.
    let (_, first) = &stories()[0];
    lines.insert(6, line("00-same-words", first));
    lines.push(line("zz-same-words", first));
    let all: String = lines.concat();
    t.write("all.jsonl", &all);
    let one = ok(&["extract", "--jsonl", &t.s("all.jsonl")]);
    assert!(String::from_utf8_lossy(&one).contains("\"id\": \"00-same-words\""));

    // Three shards of unequal size, each extracted with another thread count.
    let shards = [&lines[..2], &lines[2..7], &lines[7..]];
    for (i, shard) in shards.iter().enumerate() {
        t.write(&format!("shard-{i}.jsonl"), shard.concat());
        let jobs = (i % 2 + 1).to_string();
        let out = ok(&[
            "extract",
            "--jsonl",
            &t.s(&format!("shard-{i}.jsonl")),
            "--emit",
            "graphs",
            "-j",
            &jobs,
        ]);
        let n = out.iter().filter(|&&b| b == b'\n').count();
        assert_eq!(n, shard.len(), "one graph a line, one line an article");
        t.write(&format!("graphs-{i}.jsonl"), out);
    }
    let g = |i: usize| t.s(&format!("graphs-{i}.jsonl"));

    // Tree A: (0 + 1) + 2, documents in between.
    ok(&["merge", &g(0), &g(1), "-o", &t.s("a01.json")]);
    let a = ok(&["merge", &t.s("a01.json"), &g(2)]);
    same_bytes(&one, &a, "merge((0, 1), 2)");

    // Tree B: 2 alone, then with 1, then 0 last, as JSON lines in between.
    ok(&["merge", &g(2), "--emit", "line", "-o", &t.s("b2.jsonl")]);
    ok(&[
        "merge",
        &t.s("b2.jsonl"),
        &g(1),
        "--emit",
        "line",
        "-o",
        &t.s("b21.jsonl"),
    ]);
    let b = ok(&["merge", &g(0), &t.s("b21.jsonl")]);
    same_bytes(&one, &b, "merge(0, (2, 1))");

    // Every per-article line at once, in reverse order, on standard input.
    let mut per_article: Vec<String> = (0..3)
        .flat_map(|i| {
            String::from_utf8(t.read(&format!("graphs-{i}.jsonl")))
                .unwrap()
                .lines()
                .map(|l| format!("{l}\n"))
                .collect::<Vec<_>>()
        })
        .collect();
    per_article.reverse();
    let r = ng_in(&["merge", "-"], per_article.concat().as_bytes());
    assert_eq!(r.code, 0, "{}", r.stderr);
    same_bytes(&one, &r.stdout, "merge of the lines reversed");

    // A map stage that combines: one line per shard.
    let parts: String = (0..3)
        .map(|i| {
            let out = ok(&[
                "extract",
                "--jsonl",
                &t.s(&format!("shard-{i}.jsonl")),
                "--emit",
                "line",
            ]);
            String::from_utf8(out).unwrap()
        })
        .collect();
    assert_eq!(parts.lines().count(), 3);
    let r = ng_in(&["merge", "-"], parts.as_bytes());
    same_bytes(&one, &r.stdout, "merge of extract --emit line per shard");
}

#[test]
fn emit_graphs_writes_one_graph_per_article_in_input_order_for_any_jobs() {
    let t = TempDir::new("mr");
    let mut all: String = stories().iter().map(|(id, text)| line(id, text)).collect();
    let (_, first) = &stories()[0];
    all.push_str(&line("again", first));
    t.write("all.jsonl", &all);
    let path = t.s("all.jsonl");
    let one = ok(&["extract", "--jsonl", &path, "--emit", "graphs", "-j", "1"]);
    let two = ok(&["extract", "--jsonl", &path, "--emit", "graphs", "-j", "2"]);
    assert_eq!(one, two, "the lines do not depend on the thread count");
    let text = String::from_utf8(one).unwrap();
    let graphs: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut ids: Vec<String> = stories().into_iter().map(|(id, _)| id).collect();
    ids.push("again".into());
    assert_eq!(graphs.len(), ids.len());
    for (g, id) in graphs.iter().zip(&ids) {
        let articles = g["graph"]["articles"].as_array().unwrap();
        assert_eq!(articles.len(), 1, "{g}");
        assert_eq!(articles[0]["id"], id.as_str());
    }
    assert!(!graphs[0]["nodes"].as_array().unwrap().is_empty());
    // The repeated text is not extracted again: its line names its id and
    // digest, which merge joins to the first.
    let last = &graphs[ids.len() - 1];
    assert_eq!(
        last["graph"]["articles"][0]["digest"],
        graphs[0]["graph"]["articles"][0]["digest"]
    );
    assert_eq!(last["nodes"], json!([]));
    // Each line is a graph file of its own, for every command.
    t.write("first.json", format!("{}\n", text.lines().next().unwrap()));
    let r = ng(&["stats", &t.s("first.json")]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(String::from_utf8_lossy(&r.stdout).contains("articles  1"));
}

#[test]
fn a_repeated_text_is_read_once_and_gives_what_extracting_it_twice_gave() {
    let t = TempDir::new("mr");
    let story = std::fs::read(wire().join("05-badajoz-meeting.txt")).unwrap();
    let other = std::fs::read(wire().join("07-harbour-strike.txt")).unwrap();
    t.write("in/b/meeting.txt", &story);
    t.write("in/a/copy.txt", &story);
    t.write("in/c/strike.txt", &other);
    // UTF-16 with its byte-order mark: the same text, so the same article.
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(
            String::from_utf8(story.clone())
                .unwrap()
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    t.write("in/d/utf16.txt", &utf16);
    let together = ok(&["extract", "-j", "2", &t.s("in")]);
    // Each file on its own, merged: every copy extracted in full.
    let mut parts = Vec::new();
    for f in ["b/meeting", "a/copy", "c/strike", "d/utf16"] {
        let out = t.s(&format!("{}.json", f.replace('/', "-")));
        ok(&["extract", &t.s(&format!("in/{f}.txt")), "-o", &out]);
        parts.push(out);
    }
    let mut args = vec!["merge"];
    args.extend(parts.iter().map(String::as_str));
    let merged = ok(&args);
    // Labels differ (a file alone is labelled by its name), so compare the
    // graph without the article ids.
    let strip = |bytes: &[u8]| {
        let mut v: Value = serde_json::from_slice(bytes).unwrap();
        for a in v["graph"]["articles"].as_array_mut().unwrap() {
            a["id"] = Value::Null;
        }
        v
    };
    assert_eq!(strip(&together), strip(&merged));
    let g: Value = serde_json::from_slice(&together).unwrap();
    let ids: Vec<&str> = g["graph"]["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
    assert!(ids.contains(&"a/copy"), "the smallest id stays: {ids:?}");
    assert_eq!(ok(&["extract", "-j", "1", &t.s("in")]), together);
}

#[test]
fn bad_lines_are_reported_by_file_and_line_and_the_batch_goes_on() {
    let t = TempDir::new("mr");
    let s = stories();
    let good = [line(&s[0].0, &s[0].1), line(&s[1].0, &s[1].1)];
    let input = [
        good[0].clone(),
        "\n".into(),
        "this is not JSON\n".into(),
        "{\"id\": \"x\"}\n".into(),
        "{\"text\": \"Title\\n\\nBody.\"}\n".into(),
        "{\"id\": [1], \"text\": \"Title\\n\\nBody.\"}\n".into(),
        "{\"id\": \"y\", \"text\": 5}\n".into(),
        "{\"id\": \"z\", \"text\": \"Nul\\n\\nA \\u0000 here.\"}\n".into(),
        good[1].clone(),
    ]
    .concat();
    t.write("mixed.jsonl", &input);
    let path = t.s("mixed.jsonl");
    let r = ng(&["extract", "--jsonl", &path, "-o", &t.s("g.json")]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let errors: Vec<&str> = r.stderr.lines().collect();
    let want = [
        (3, "not a JSON object with \"id\" and \"text\""),
        (4, "no \"text\""),
        (5, "no \"id\""),
        (6, "\"id\" must be a string"),
        (7, "\"text\" is not a string"),
        (8, "looks like a binary file"),
    ];
    assert_eq!(errors.len(), want.len(), "{}", r.stderr);
    for (e, (n, reason)) in errors.iter().zip(want) {
        assert!(
            e.starts_with(&format!("error: {path}: line {n}: ")) && e.contains(reason),
            "{e}"
        );
    }
    // The good lines are all there, as without the bad ones.
    t.write("good.jsonl", good.concat());
    let clean = ok(&["extract", "--jsonl", &t.s("good.jsonl")]);
    assert_eq!(t.read("g.json"), clean);
    // Under --emit graphs too: the good lines are written, the bad reported.
    let r = ng(&["extract", "--jsonl", &path, "--emit", "graphs"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout.iter().filter(|&&b| b == b'\n').count(), 2);
    assert_eq!(r.stderr.lines().count(), want.len(), "{}", r.stderr);
    // A missing file is one more error; the others are still read.
    let r = ng(&[
        "extract",
        "--jsonl",
        &t.s("missing.jsonl"),
        "--jsonl",
        &t.s("good.jsonl"),
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("missing.jsonl: no such file"),
        "{}",
        r.stderr
    );
    assert_eq!(r.stdout, clean);
}

#[test]
fn a_line_over_the_article_limit_is_skipped_without_being_held() {
    let t = TempDir::new("mr");
    let s = stories();
    let long = format!("Long\n\n{}\n", "The talks went on. ".repeat(200));
    let input = [line(&s[0].0, &s[0].1), line("long", &long)].concat();
    t.write("big.jsonl", &input);
    let r = ng(&[
        "extract",
        "--jsonl",
        &t.s("big.jsonl"),
        "--max-article-bytes",
        "2K",
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("big.jsonl: line 2: ")
            && r.stderr
                .contains("more than the limit of 2 KiB (raise it with --max-article-bytes)"),
        "{}",
        r.stderr
    );
    let g: Value = serde_json::from_slice(&r.stdout).unwrap();
    assert_eq!(g["graph"]["articles"].as_array().unwrap().len(), 1);
}

#[test]
fn flags_that_do_not_go_together_fail_before_any_work() {
    let t = TempDir::new("mr");
    let s = stories();
    t.write("a.jsonl", line(&s[0].0, &s[0].1));
    let a = t.s("a.jsonl");
    for (args, says) in [
        (vec!["--emit", "graphs", "--format", "dot"], "--format dot"),
        (vec!["--emit", "line", "--into", &t.s("g.json")], "--into"),
        (
            vec!["--emit", "graphs", "--corrections", &t.s("fix.tsv")],
            "--corrections",
        ),
    ] {
        let mut all = vec!["extract", "--jsonl", &a];
        all.extend(args);
        let r = ng(&all);
        assert_eq!(r.code, 2, "{all:?}");
        assert!(r.stderr.contains(says), "{all:?}: {}", r.stderr);
        assert!(r.stdout.is_empty());
    }
    assert!(!t.path("g.json").exists());
    let r = ng(&["extract", "-", "--jsonl", "-"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("standard input can be read once"),
        "{}",
        r.stderr
    );
    assert_eq!(ng(&["extract"]).code, 2, "articles are still required");
}

#[test]
fn merge_names_the_file_and_line_of_a_bad_graph_line_and_writes_nothing() {
    let t = TempDir::new("mr");
    let s = stories();
    t.write(
        "a.jsonl",
        [line(&s[0].0, &s[0].1), line(&s[1].0, &s[1].1)].concat(),
    );
    let lines = ok(&["extract", "--jsonl", &t.s("a.jsonl"), "--emit", "graphs"]);
    let text = String::from_utf8(lines).unwrap();
    let mut v: Vec<&str> = text.lines().collect();
    v.insert(1, "");
    v.insert(2, "{\"directed\": true}");
    t.write("bad.jsonl", v.join("\n") + "\n");
    t.write("out.json", "old");
    let r = ng(&["merge", &t.s("bad.jsonl"), "-o", &t.s("out.json")]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains(&format!(
            "{}: line 3: not a newsgraph graph: missing field `nodes` at column 18",
            t.s("bad.jsonl")
        )),
        "{}",
        r.stderr
    );
    assert_eq!(t.read("out.json"), b"old");
    // An empty input (an empty partition) holds no graph: a warning.
    let r = ng_in(&["merge", "-", &t.s("a.json.missing")], b"");
    assert_eq!(r.code, 2);
    let r = ng_in(&["merge", "-"], b"\n\n");
    assert_eq!(r.code, 0);
    assert!(r.stderr.contains("<stdin>: no graph in it"), "{}", r.stderr);
    let g: Value = serde_json::from_slice(&r.stdout).unwrap();
    assert_eq!(g["nodes"], json!([]));
}

#[test]
fn progress_is_silent_when_standard_error_is_not_a_terminal() {
    let r = ng(&["extract", &wire().display().to_string()]);
    assert_eq!(r.code, 0);
    assert_eq!(r.stderr, "", "no progress, no warning");
}

/// On a terminal (a pseudo-terminal from util-linux's `script`), a bar with
/// the articles done, articles a second and the time left; none under -q.
#[test]
fn progress_shows_on_a_terminal_unless_quiet() {
    let have_script = Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !have_script {
        eprintln!("skipped: no `script` (util-linux) to make a terminal");
        return;
    }
    let t = TempDir::new("mr");
    let on_tty = |quiet: bool| {
        let cmd = format!(
            "{BIN} extract {}{} -o {}",
            if quiet { "-q " } else { "" },
            wire().display(),
            t.s("g.json")
        );
        let out = Command::new("script")
            .args(["-qec", &cmd, "/dev/null"])
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let shown = on_tty(false);
    assert!(
        shown.contains("extracting [") && shown.contains("articles/s") && shown.contains("left"),
        "{shown:?}"
    );
    assert!(shown.contains("/10 articles"), "{shown:?}");
    assert_eq!(on_tty(true), "");
}
