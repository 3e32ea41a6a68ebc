//! What a user feeds newsgraph must not crash it, hang it, lose an article
//! or damage a file: concurrent `--into` writers, outputs that are links,
//! FIFOs or inputs, signals in the middle of a write, endless inputs, huge
//! thread counts, hostile file names and article text, unknown graph fields.
//!
//! Every test runs the real executable. None touches the real `/dev/null`:
//! FIFOs are made in a temporary directory. Articles are short wire-style
//! sentences written for these tests.

mod common;

use std::ffi::CString;
use std::fs;
use std::io::{Read, Write};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

use common::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_newsgraph");

/// The outcome of one run.
#[derive(Debug)]
struct Run {
    status: ExitStatus,
    stdout: Vec<u8>,
    stderr: String,
}

impl Run {
    fn code(&self) -> Option<i32> {
        self.status.code()
    }

    fn out(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }
}

fn spawn(args: &[&std::ffi::OsStr], stdin: Stdio) -> Child {
    Command::new(BIN)
        .args(args)
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Wait for `child`, killing it after `limit`: a hang fails the test instead
/// of blocking the suite.
fn wait(mut child: Child, limit: Duration) -> Run {
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let o = thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let e = thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("newsgraph did not finish within {limit:?}");
        }
        thread::sleep(Duration::from_millis(10));
    };
    Run {
        status,
        stdout: o.join().unwrap(),
        stderr: String::from_utf8_lossy(&e.join().unwrap()).into_owned(),
    }
}

const LIMIT: Duration = Duration::from_secs(120);

fn ng(args: &[&str]) -> Run {
    let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_ref()).collect();
    wait(spawn(&args, Stdio::null()), LIMIT)
}

fn ng_os(args: &[&std::ffi::OsStr]) -> Run {
    wait(spawn(args, Stdio::null()), LIMIT)
}

#[track_caller]
fn ok(r: &Run) {
    assert_eq!(r.code(), Some(0), "{r:#?}");
}

#[track_caller]
fn fails(r: &Run, says: &str) {
    assert_eq!(r.code(), Some(2), "{r:#?}");
    assert!(
        r.stderr.contains(says),
        "expected {says:?} in: {}",
        r.stderr
    );
}

/// A short article of our own, different for each `k`.
fn article(k: usize) -> String {
    format!(
        "Harbour talks resume\n\nOSLO, March {} (UPI) -- Dock workers in Bergen will vote on a \
         strike next week, union leader Kari Nordmann said on Tuesday. The port authority \
         said talks on shift {k} would resume on Friday.\n",
        k % 28 + 1
    )
}

fn json_file(path: &Path) -> serde_json::Value {
    let text = fs::read_to_string(path).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

fn article_ids(graph: &serde_json::Value) -> Vec<String> {
    let mut ids: Vec<String> = graph["graph"]["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

fn mkfifo(path: &Path) {
    let c = CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo touches nothing else.
    assert_eq!(
        unsafe { libc::mkfifo(c.as_ptr(), 0o600) },
        0,
        "mkfifo failed"
    );
}

/// Open `fifo` for writing and write `chunk` until the reader goes away or
/// `total` bytes are written; returns how much was written. On a thread.
fn feed_fifo(fifo: PathBuf, chunk: Vec<u8>, total: usize) -> thread::JoinHandle<usize> {
    thread::spawn(move || {
        let Ok(mut f) = fs::OpenOptions::new().write(true).open(&fifo) else {
            return 0;
        };
        feed(&mut f, &chunk, total)
    })
}

fn feed(w: &mut impl Write, chunk: &[u8], total: usize) -> usize {
    let mut written = 0;
    while written < total {
        match w.write(chunk) {
            Ok(n) => written += n,
            Err(_) => break,
        }
    }
    written
}

// ------------------------------------------------------------ concurrent --into

/// Defect 1: two `--into` runs on one graph lost articles (20 trials of 20).
/// Twelve writers at once, eight times: every article must be there.
#[test]
fn concurrent_into_writers_never_lose_an_article() {
    const WRITERS: usize = 12;
    const TRIALS: usize = 8;
    for trial in 0..TRIALS {
        let t = TempDir::new("robust-lock");
        let g = t.s("g.json");
        let files: Vec<String> = (0..WRITERS)
            .map(|k| {
                t.write(&format!("a{k:02}.txt"), article(trial * WRITERS + k))
                    .display()
                    .to_string()
            })
            .collect();
        let children: Vec<Child> = files
            .iter()
            .map(|f| {
                let args: Vec<&std::ffi::OsStr> = [f.as_str(), "--into", &g, "-q"]
                    .map(|s| s.as_ref())
                    .to_vec();
                let mut full: Vec<&std::ffi::OsStr> = vec!["extract".as_ref()];
                full.extend(args);
                spawn(&full, Stdio::null())
            })
            .collect();
        for c in children {
            ok(&wait(c, LIMIT));
        }
        let want: Vec<String> = (0..WRITERS).map(|k| format!("a{k:02}")).collect();
        assert_eq!(
            article_ids(&json_file(&t.path("g.json"))),
            want,
            "trial {trial}"
        );
        assert_eq!(t.names().len(), WRITERS + 2, "{:?}", t.names());
    }
}

// ------------------------------------------------------------ writes that respect the target

/// Defect 2: a symbolic link became a regular file and its target kept the
/// old graph.
#[test]
fn an_output_that_is_a_symlink_is_written_through() {
    let t = TempDir::new("robust-link");
    let a = t.write("a.txt", article(1));
    fs::create_dir(t.path("real")).unwrap();
    fs::write(t.path("real/g.json"), "old").unwrap();
    std::os::unix::fs::symlink("real/g.json", t.path("link.json")).unwrap();
    ok(&ng(&[
        "extract",
        a.to_str().unwrap(),
        "-o",
        &t.s("link.json"),
    ]));
    assert!(
        fs::symlink_metadata(t.path("link.json"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(article_ids(&json_file(&t.path("real/g.json"))), ["a"]);
    // --into through a dangling link creates the file the link names.
    std::os::unix::fs::symlink("real/new.json", t.path("dangling.json")).unwrap();
    ok(&ng(&[
        "extract",
        a.to_str().unwrap(),
        "--into",
        &t.s("dangling.json"),
    ]));
    assert_eq!(article_ids(&json_file(&t.path("real/new.json"))), ["a"]);
    assert!(
        fs::symlink_metadata(t.path("dangling.json"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        t.names(),
        ["a.txt", "dangling.json", "link.json", "real"],
        "no temporary file left"
    );
}

/// Defect 2: mode 0600 became 0644.
#[test]
fn an_output_keeps_its_mode_and_a_new_one_gets_the_usual_mode() {
    let t = TempDir::new("robust-mode");
    let a = t.write("a.txt", article(2));
    let g = t.write("g.json", "old");
    fs::set_permissions(&g, fs::Permissions::from_mode(0o600)).unwrap();
    ok(&ng(&["extract", a.to_str().unwrap(), "-o", &t.s("g.json")]));
    assert_eq!(fs::metadata(&g).unwrap().mode() & 0o7777, 0o600);
    ok(&ng(&[
        "extract",
        a.to_str().unwrap(),
        "--into",
        &t.s("g.json"),
    ]));
    assert_eq!(fs::metadata(&g).unwrap().mode() & 0o7777, 0o600);
    // A new file: what any program's new file gets (0666 less the umask).
    let reference = t.write("reference", "");
    ok(&ng(&[
        "extract",
        a.to_str().unwrap(),
        "-o",
        &t.s("new.json"),
    ]));
    assert_eq!(
        fs::metadata(t.path("new.json")).unwrap().mode() & 0o7777,
        fs::metadata(reference).unwrap().mode() & 0o7777
    );
}

/// Defect 2: a FIFO (and, run as root, `/dev/null`) was renamed over. The
/// output is written into the FIFO, which stays a FIFO.
#[test]
fn an_output_that_is_a_fifo_is_written_into_not_replaced() {
    let t = TempDir::new("robust-fifo-out");
    let a = t.write("a.txt", article(3));
    let fifo = t.path("out.fifo");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        thread::spawn(move || {
            let mut s = String::new();
            fs::File::open(fifo)
                .unwrap()
                .read_to_string(&mut s)
                .unwrap();
            s
        })
    };
    let r = ng(&["extract", a.to_str().unwrap(), "-o", fifo.to_str().unwrap()]);
    let still_fifo = fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo();
    if !still_fifo {
        // Let the reader go, so the failure is reported rather than hung.
        let _ = fs::OpenOptions::new().write(true).open(&fifo);
    }
    ok(&r);
    assert!(still_fifo, "the FIFO was replaced");
    let got = reader.join().unwrap();
    let v: serde_json::Value = serde_json::from_str(&got).unwrap();
    assert_eq!(v["graph"]["format"], "newsgraph/1");
    assert_eq!(t.names(), ["a.txt", "out.fifo"]);
}

/// A hard link is split, as with every tool that replaces a file by
/// renaming (README, "Writing"): the other name keeps the old contents.
#[test]
fn a_hard_link_is_split_by_a_write() {
    let t = TempDir::new("robust-hardlink");
    let a = t.write("a.txt", article(4));
    t.write("g.json", "old");
    fs::hard_link(t.path("g.json"), t.path("other.json")).unwrap();
    ok(&ng(&["extract", a.to_str().unwrap(), "-o", &t.s("g.json")]));
    assert_eq!(article_ids(&json_file(&t.path("g.json"))), ["a"]);
    assert_eq!(fs::read_to_string(t.path("other.json")).unwrap(), "old");
}

/// The temporary files of ours beside `name` in `t`.
fn temporaries(t: &TempDir, name: &str) -> Vec<String> {
    let prefix = format!(".{name}.newsgraph-tmp-");
    t.names()
        .into_iter()
        .filter(|n| n.starts_with(&prefix))
        .collect()
}

/// Defect 3: the temporary file was `NAME.tmp-PID` (predictable, opened
/// following links) and stayed after a kill. Now it is
/// `.NAME.newsgraph-tmp-RANDOM`, made when the command starts, and a
/// SIGTERM or SIGINT in the middle of the work removes it.
#[test]
fn a_signal_during_the_work_removes_the_temporary_file() {
    let t = TempDir::new("robust-signal");
    let mut seen = Vec::new();
    for signal in [libc::SIGTERM, libc::SIGINT, libc::SIGTERM] {
        let args: Vec<&std::ffi::OsStr> = vec![
            "extract".as_ref(),
            "-".as_ref(),
            "-o".as_ref(),
            t.path("out.json").into_os_string().leak(),
        ];
        // Standard input stays open: the command waits for the article.
        let mut child = spawn(&args, Stdio::piped());
        let start = Instant::now();
        let tmp = loop {
            if let [one] = temporaries(&t, "out.json").as_slice() {
                break one.clone();
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "no temporary file appeared: {:?}",
                t.names()
            );
            thread::sleep(Duration::from_millis(5));
        };
        let random = tmp.trim_start_matches(".out.json.newsgraph-tmp-");
        assert!(
            random.len() >= 16 && random.chars().all(|c| c.is_ascii_hexdigit()),
            "{tmp}"
        );
        let meta = fs::symlink_metadata(t.path(&tmp)).unwrap();
        assert!(meta.file_type().is_file());
        seen.push(tmp);
        // SAFETY: signalling our own child by its pid.
        assert_eq!(unsafe { libc::kill(child.id() as i32, signal) }, 0);
        let stdin = child.stdin.take();
        let r = wait(child, LIMIT);
        drop(stdin);
        assert_eq!(r.status.signal(), Some(signal), "{r:#?}");
        assert!(temporaries(&t, "out.json").is_empty(), "{:?}", t.names());
        assert!(!t.path("out.json").exists());
    }
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 3, "temporary names repeat: {seen:?}");
}

/// Defect 3: what `kill -9` leaves is removed by the next `--into` once it is
/// a day old; younger ones (a writer at work) and other files are kept.
#[test]
fn into_removes_stale_temporary_files_of_its_graph() {
    let t = TempDir::new("robust-stale");
    let a = t.write("a.txt", article(5));
    let old = SystemTime::now() - Duration::from_secs(2 * 24 * 3600);
    for name in [
        ".g.json.newsgraph-tmp-00000000deadbeef",
        ".other.json.newsgraph-tmp-00000000deadbeef",
        "g.json.tmp-1234",
    ] {
        let f = fs::File::create(t.path(name)).unwrap();
        f.set_modified(old).unwrap();
    }
    t.write(".g.json.newsgraph-tmp-fresh0000000000", "");
    ok(&ng(&[
        "extract",
        a.to_str().unwrap(),
        "--into",
        &t.s("g.json"),
    ]));
    assert_eq!(
        t.names(),
        [
            ".g.json.newsgraph-tmp-fresh0000000000",
            ".other.json.newsgraph-tmp-00000000deadbeef",
            "a.txt",
            "g.json",
            "g.json.lock",
            "g.json.tmp-1234",
        ]
    );
}

/// Defect 7: `-o` naming an input destroyed it.
#[test]
fn an_output_that_names_an_input_is_refused_and_the_input_kept() {
    let t = TempDir::new("robust-self");
    let a = t.write("a.txt", article(6));
    let before = fs::read(&a).unwrap();
    std::os::unix::fs::symlink("a.txt", t.path("alias.txt")).unwrap();
    let dir = t.s("");
    for out in ["a.txt", "alias.txt", "./a.txt"] {
        let r = ng(&["extract", &t.s("a.txt"), "-o", &format!("{dir}/{out}")]);
        fails(&r, "is also an input");
        let r = ng(&["extract", &dir, "-o", &format!("{dir}/{out}")]);
        fails(&r, "is also an input");
        let r = ng(&["extract", &t.s("a.txt"), "--into", &format!("{dir}/{out}")]);
        fails(&r, "is also an input");
    }
    assert_eq!(fs::read(&a).unwrap(), before);

    ok(&ng(&["extract", &t.s("a.txt"), "-o", &t.s("g.json")]));
    let graph = fs::read(t.path("g.json")).unwrap();
    let r = ng(&[
        "export",
        &t.s("g.json"),
        "--format",
        "dot",
        "-o",
        &t.s("g.json"),
    ]);
    fails(&r, "g.json: is also an input");
    let r = ng(&["merge", &t.s("g.json"), "-o", &t.s("g.json")]);
    fails(&r, "is also an input");
    assert_eq!(fs::read(t.path("g.json")).unwrap(), graph);
    assert!(temporaries(&t, "g.json").is_empty(), "{:?}", t.names());
}

// ------------------------------------------------------------ bounded input

/// Defect 10: inputs were read whole; an endless standard input exhausted
/// memory. It is read up to the cap, reported, and the rest left unread.
#[test]
fn an_endless_standard_input_is_cut_at_the_article_cap() {
    let t = TempDir::new("robust-stdin");
    let args: Vec<&std::ffi::OsStr> = vec![
        "extract".as_ref(),
        "-".as_ref(),
        "--max-article-bytes".as_ref(),
        "1M".as_ref(),
        "-o".as_ref(),
        t.path("out.json").into_os_string().leak(),
    ];
    let mut child = spawn(&args, Stdio::piped());
    let mut stdin = child.stdin.take().unwrap();
    let writer = thread::spawn(move || feed(&mut stdin, &[0u8; 65536], 64 << 20));
    let r = wait(child, LIMIT);
    let written = writer.join().unwrap();
    fails(
        &r,
        "<stdin>: larger than the limit of 1 MiB (raise it with --max-article-bytes)",
    );
    assert!(
        written < 8 << 20,
        "read {written} bytes of an endless input"
    );
    assert!(!t.path("out.json").exists());
}

/// Defect 10: a FIFO (or a device such as `/dev/zero`) given as an article
/// is read up to the cap; the other articles are still written.
#[test]
fn an_endless_fifo_article_is_reported_and_the_rest_kept() {
    let t = TempDir::new("robust-fifo-in");
    let fifo = t.path("endless");
    mkfifo(&fifo);
    let good = t.write("good.txt", article(7));
    let writer = feed_fifo(fifo.clone(), vec![b' '; 65536], 64 << 20);
    let r = ng(&[
        "extract",
        fifo.to_str().unwrap(),
        good.to_str().unwrap(),
        "--max-article-bytes",
        "512K",
        "-o",
        &t.s("out.json"),
    ]);
    fails(&r, "endless: larger than the limit of 512 KiB");
    assert!(writer.join().unwrap() < 8 << 20);
    assert_eq!(article_ids(&json_file(&t.path("out.json"))), ["good"]);
}

/// The default cap is 10 MiB: a larger file is refused before it is read.
#[test]
fn an_article_over_the_default_cap_is_skipped() {
    let t = TempDir::new("robust-big");
    let big = t.path("big.txt");
    fs::File::create(&big)
        .unwrap()
        .set_len((10 << 20) + 1)
        .unwrap();
    let good = t.write("good.txt", article(8));
    let r = ng(&[
        "extract",
        big.to_str().unwrap(),
        good.to_str().unwrap(),
        "-o",
        &t.s("out.json"),
    ]);
    fails(&r, "big.txt: larger than the limit of 10 MiB");
    assert_eq!(article_ids(&json_file(&t.path("out.json"))), ["good"]);
}

/// Graph files are read whole, up to `--max-graph-bytes` (default 1 GiB);
/// an endless graph on standard input stops there.
#[test]
fn graphs_are_read_up_to_their_cap() {
    let t = TempDir::new("robust-graph-cap");
    let a = t.write("a.txt", article(9));
    ok(&ng(&["extract", a.to_str().unwrap(), "-o", &t.s("g.json")]));
    let r = ng(&["stats", &t.s("g.json"), "--max-graph-bytes", "100"]);
    fails(
        &r,
        "g.json: larger than the limit of 100 bytes (raise it with --max-graph-bytes)",
    );
    ok(&ng(&["stats", &t.s("g.json"), "--max-graph-bytes", "1M"]));
    // White space is valid JSON for as long as it lasts.
    let args: Vec<&std::ffi::OsStr> = ["said", "-", "--max-graph-bytes", "1M"]
        .map(|s| s.as_ref())
        .to_vec();
    let mut child = spawn(&args, Stdio::piped());
    let mut stdin = child.stdin.take().unwrap();
    let writer = thread::spawn(move || feed(&mut stdin, &[b' '; 65536], 64 << 20));
    let r = wait(child, LIMIT);
    fails(&r, "<stdin>: larger than the limit of 1 MiB");
    assert!(writer.join().unwrap() < 8 << 20);
}

// ------------------------------------------------------------ threads

/// Defect 15: `-j 1000000` spawned threads for hours. It is capped at the
/// number of cores, with a warning.
#[test]
fn a_huge_thread_count_is_capped_at_the_cores() {
    let t = TempDir::new("robust-jobs");
    let a = t.write("a.txt", article(10));
    let r = ng(&["extract", a.to_str().unwrap(), "-j", "1000000"]);
    ok(&r);
    assert!(
        r.stderr
            .contains("warning: --jobs 1000000 is more than the"),
        "{}",
        r.stderr
    );
    let r = ng(&["extract", a.to_str().unwrap(), "-j", "1000000", "-q"]);
    ok(&r);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
}

// ------------------------------------------------------------ names

/// Defect 16: a newline in a file name forged an `error:` line.
#[test]
fn a_newline_in_a_file_name_cannot_forge_a_message() {
    let t = TempDir::new("robust-name");
    let name = "x\nerror: everything is fine.txt";
    t.write(name, [0u8, 1, 2, 3, 0, 0, 0]);
    let good = t.write("good.txt", article(11));
    let bad = t.path(name);
    let r = ng_os(&[
        "extract".as_ref(),
        bad.as_os_str(),
        good.as_os_str(),
        "-o".as_ref(),
        t.path("out.json").as_os_str(),
    ]);
    assert_eq!(r.code(), Some(2), "{r:#?}");
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].starts_with("error: "), "{lines:?}");
    assert!(
        lines[0].contains("x\\nerror: everything is fine.txt"),
        "{lines:?}"
    );
}

/// Defect 16: `a.txt` and `a.TXT` got one article id.
#[test]
fn a_txt_and_a_upper_txt_get_two_ids() {
    let t = TempDir::new("robust-case");
    t.write("in/a.txt", article(12));
    t.write("in/a.TXT", article(13));
    ok(&ng(&["extract", &t.s("in"), "-o", &t.s("dir.json")]));
    assert_eq!(article_ids(&json_file(&t.path("dir.json"))), ["a", "a.TXT"]);
    ok(&ng(&[
        "extract",
        &t.s("in/a.txt"),
        &t.s("in/a.TXT"),
        "-o",
        &t.s("files.json"),
    ]));
    assert_eq!(
        article_ids(&json_file(&t.path("files.json"))),
        ["a", "a.TXT"]
    );
}

// ------------------------------------------------------------ queries

/// A graph file of our own: `nodes` as (id, name), `edges` as (source,
/// kind, target, evidence text), all read in one article `t` (digest `d1`).
fn graph_json(nodes: &[(&str, &str)], edges: &[(&str, &str, &str, &str)]) -> String {
    let nodes: Vec<serde_json::Value> = nodes
        .iter()
        .map(|(id, name)| {
            let kind = id.split(':').next().unwrap();
            if kind == "statement" {
                serde_json::json!({"id": id, "kind": kind, "text": name, "mentions": 1})
            } else {
                serde_json::json!({"id": id, "kind": kind, "name": name, "aliases": [], "mentions": 1})
            }
        })
        .collect();
    let edges: Vec<serde_json::Value> = edges
        .iter()
        .map(|(s, k, t, text)| {
            serde_json::json!({"source": s, "target": t, "kind": k, "cue": "said", "negated": false,
                "evidence": [{"article": "d1", "sentence": 0, "start": 0, "end": text.len(), "text": text}]})
        })
        .collect();
    serde_json::json!({
        "directed": true, "multigraph": true,
        "graph": {"format": "newsgraph/1", "articles": [{"id": "t", "digest": "d1"}]},
        "nodes": nodes, "edges": edges,
    })
    .to_string()
}

/// Defect 6: `path --all` took over 150 s between two unconnected nodes. A
/// breadth-first search now finds that there is nothing to look for, and a
/// search whose dead ends grow exponentially stops at its budget of steps
/// and says so. Both are checked by the work counted (`searched`).
#[test]
fn path_all_checks_connectivity_and_stops_at_its_budget() {
    let t = TempDir::new("robust-path");
    // Fourteen people who all know each other; `nation:start-only` knows
    // only the first of them, `nation:nowhere` nobody.
    let ids: Vec<String> = (0..14).map(|i| format!("person:p{i:02}")).collect();
    let mut nodes: Vec<(&str, &str)> = ids.iter().map(|id| (id.as_str(), "P")).collect();
    nodes.push(("nation:nowhere", "Nowhere"));
    nodes.push(("nation:start-only", "Start Only"));
    let mut edges = Vec::new();
    for (i, a) in ids.iter().enumerate() {
        for b in &ids[i + 1..] {
            edges.push((a.as_str(), "member_of", b.as_str(), "x"));
        }
    }
    edges.push(("person:p00", "member_of", "nation:start-only", "x"));
    fs::write(t.path("g.json"), graph_json(&nodes, &edges)).unwrap();
    let g = t.s("g.json");
    let json = |r: &Run| -> serde_json::Value { serde_json::from_slice(&r.stdout).unwrap() };

    let start = Instant::now();
    let none = wait(
        spawn(
            &[
                "path",
                &g,
                "person:p00",
                "nation:nowhere",
                "--all",
                "--max-hops",
                "10",
                "--json",
            ]
            .map(std::ffi::OsStr::new),
            Stdio::null(),
        ),
        Duration::from_secs(60),
    );
    assert_eq!(none.code(), Some(1), "{none:#?}");
    let v = json(&none);
    assert_eq!(v["searched"], 0);
    assert_eq!(v["exhausted"], false);
    eprintln!("unconnected: {:?}", start.elapsed());

    // Past the one-hop path, every walk into the clique from p00 is a dead
    // end (the only way to the goal is p00 itself, taken), which distances
    // alone cannot see: the budget stops it.
    let r = ng(&[
        "path",
        &g,
        "person:p00",
        "nation:start-only",
        "--all",
        "--max-hops",
        "10",
        "--json",
    ]);
    ok(&r);
    let v = json(&r);
    assert_eq!(v["exhausted"], true);
    assert_eq!(v["truncated"], true);
    assert_eq!(v["searched"], 1_000_000);
    assert!(!v["paths"].as_array().unwrap().is_empty());
    let r = ng(&[
        "path",
        &g,
        "person:p00",
        "nation:start-only",
        "--all",
        "--max-hops",
        "10",
    ]);
    ok(&r);
    assert!(
        r.out().contains(
            "the search stopped after 1000000 steps, before it had seen every path of up to 10 hops"
        ),
        "{}",
        r.out()
    );
}

/// Defect 12: escape codes in article text reached the terminal through
/// `said`, `neighbors` and `path`. Text output escapes every control
/// character, on a terminal or not; `--json` keeps JSON's escaping.
#[test]
fn escape_codes_in_a_graph_never_reach_the_terminal() {
    let t = TempDir::new("robust-escape");
    let nodes = [
        ("person:eve", "Eve \u{1b}[31mRed\u{1b}[0m"),
        (
            "statement:d1:0",
            "All is well\u{1b}]0;owned\u{7} \u{9b}2J now",
        ),
        ("nation:nowhere", "Nowhere\nerror: forged"),
    ];
    let edges = [
        (
            "person:eve",
            "said",
            "statement:d1:0",
            "Eve said \u{1b}[2J so",
        ),
        (
            "statement:d1:0",
            "about",
            "nation:nowhere",
            "about \u{1b}[2J it",
        ),
    ];
    fs::write(t.path("g.json"), graph_json(&nodes, &edges)).unwrap();
    let g = t.s("g.json");
    let clean = |r: &Run, what: &str| {
        ok(r);
        for (name, text) in [("stdout", r.out()), ("stderr", r.stderr.clone())] {
            assert!(
                !text.chars().any(|c| c.is_control() && c != '\n'),
                "{what}: a control character in {name}: {text:?}"
            );
            assert!(!text.contains("\nerror: forged"), "{what}: {text:?}");
        }
        assert!(r.out().contains("\\x1b"), "{what}: {:?}", r.out());
    };
    clean(&ng(&["said", &g]), "said");
    clean(
        &ng(&["neighbors", &g, "person:eve", "--depth", "2"]),
        "neighbors",
    );
    clean(&ng(&["path", &g, "person:eve", "nation:nowhere"]), "path");
    clean(
        &ng(&["path", &g, "person:eve", "nation:nowhere", "--all"]),
        "path --all",
    );
    clean(&ng(&["stats", &g]), "stats");
    clean(&ng(&["edges", &g]), "edges");
    clean(&ng(&["top", &g, "quoted"]), "top");
    // JSON escapes control characters its own way, and they read back.
    let r = ng(&["said", &g, "--json"]);
    ok(&r);
    assert!(r.out().contains("\\u001b"), "{}", r.out());
    let v: serde_json::Value = serde_json::from_slice(&r.stdout).unwrap();
    assert!(v[0]["text"].as_str().unwrap().contains('\u{1b}'));
}

// ------------------------------------------------------------ unknown fields

/// Defect 16: unknown fields of a graph were dropped on rewrite. The format
/// allows them; `--into`, `merge` and `export` keep them at the top level,
/// in `graph`, in articles, nodes and edges.
#[test]
fn unknown_graph_fields_survive_a_rewrite() {
    let t = TempDir::new("robust-extra");
    let a = t.write(
        "a.txt",
        "Fisheries talks\n\nOSLO, March 12 (UPI) -- Norway is ready to resume talks with \
         Chile on fishing rights, Norwegian Foreign Minister Ingrid Solberg said on Tuesday.\n",
    );
    ok(&ng(&["extract", a.to_str().unwrap(), "-o", &t.s("g.json")]));
    let mut v = json_file(&t.path("g.json"));
    v["x_top"] = serde_json::json!({"by": "another tool"});
    v["graph"]["x_meta"] = serde_json::json!([1, 2, 3]);
    v["graph"]["articles"][0]["x_article"] = "checked".into();
    v["nodes"][0]["x_node"] = 7.into();
    v["edges"][0]["x_edge"] = serde_json::json!({"weight": 0.5});
    let (node, edge) = (
        v["nodes"][0]["id"].clone(),
        (
            v["edges"][0]["source"].clone(),
            v["edges"][0]["target"].clone(),
            v["edges"][0]["key"].clone(),
        ),
    );
    fs::write(t.path("g.json"), serde_json::to_string_pretty(&v).unwrap()).unwrap();

    let b = t.write("b.txt", article(15));
    ok(&ng(&[
        "extract",
        b.to_str().unwrap(),
        "--into",
        &t.s("g.json"),
    ]));
    ok(&ng(&["merge", &t.s("g.json"), "-o", &t.s("merged.json")]));
    ok(&ng(&[
        "export",
        &t.s("merged.json"),
        "-o",
        &t.s("exported.json"),
    ]));
    for file in ["g.json", "merged.json", "exported.json"] {
        let w = json_file(&t.path(file));
        assert_eq!(article_ids(&w), ["a", "b"], "{file}");
        assert_eq!(w["x_top"]["by"], "another tool", "{file}");
        assert_eq!(w["graph"]["x_meta"], serde_json::json!([1, 2, 3]), "{file}");
        let art = w["graph"]["articles"].as_array().unwrap();
        assert_eq!(
            art.iter().filter(|a| a["x_article"] == "checked").count(),
            1,
            "{file}"
        );
        let n = w["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["id"] == node)
            .unwrap();
        assert_eq!(n["x_node"], 7, "{file}");
        let e = w["edges"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| (e["source"].clone(), e["target"].clone(), e["key"].clone()) == edge)
            .unwrap();
        assert_eq!(e["x_edge"]["weight"], 0.5, "{file}");
    }
    // Written once, in a fixed place: rewriting changes no byte.
    ok(&ng(&[
        "export",
        &t.s("exported.json"),
        "-o",
        &t.s("again.json"),
    ]));
    assert_eq!(t.read("exported.json"), t.read("again.json"));
}
