//! `newsgraph render` through the real executable, on the articles the team
//! wrote in tests/fixtures/ego/ (an invented Arctic fishing dispute).
//!
//! The README's ego diagram, graphs/ego-solberg.png, is what `render
//! --focus "Ingrid Solberg" --depth 2` makes of them. The test keeps it
//! current by structure: the nodes, edges and labels Graphviz reads from
//! the diagram (`dot -Tjson`), compared with graphs/ego-solberg.txt, never
//! the PNG's bytes. After an intended change, run
//! `NEWSGRAPH_BLESS=1 cargo test --test render` (which redraws the PNG) and
//! look at `git diff graphs/` and at the picture.
//!
//! Graphviz is installed by .ci/run; the tests that need it say "skipped"
//! without it, and the ones that check what happens without it do not need it.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::TempDir;
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_newsgraph");
const FOCUS: &str = "Ingrid Solberg";
const BLESS_HINT: &str = "if the change is intended, run `NEWSGRAPH_BLESS=1 cargo test --test render`, \
     review `git diff graphs/` and look at graphs/ego-solberg.png";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn ng_env(args: &[&str], path_env: Option<&Path>) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args).stdin(Stdio::null());
    if let Some(p) = path_env {
        cmd.env("PATH", p);
    }
    cmd.output().unwrap()
}

fn ng(args: &[&str]) -> Output {
    ng_env(args, None)
}

fn ok(out: &Output) {
    assert!(
        out.status.success(),
        "exit {:?}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The graph of tests/fixtures/ego/ in `dir`.
fn ego_graph(dir: &TempDir) -> String {
    let graph = dir.s("ego.json");
    let src = root().join("tests/fixtures/ego").display().to_string();
    ok(&ng(&["extract", &src, "-q", "-o", &graph]));
    graph
}

fn has_graphviz() -> bool {
    let found = Command::new("dot")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok();
    if !found {
        eprintln!("skipped: graphviz `dot` is not installed");
    }
    found
}

/// Graphviz's layout of a DOT file as JSON (`dot -Tjson`; the layout engine
/// is the one the file names).
fn layout(dot: &Path) -> Value {
    let out = Command::new("dot").arg("-Tjson").arg(dot).output().unwrap();
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "dot -Tjson {}: {}",
        dot.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn is_label_node(name: &str) -> bool {
    name.starts_with("~label:")
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

/// The structure of a laid-out diagram, one sorted line per node and per
/// edge: a node's id, shape and label; an edge's ends and label. An edge
/// drawn through a label node counts as one edge with that label.
fn structure(g: &Value) -> String {
    let objects = g["objects"].as_array().cloned().unwrap_or_default();
    let edges = g["edges"].as_array().cloned().unwrap_or_default();
    let name = |i: &Value| str_of(&objects[i.as_u64().unwrap() as usize], "name").to_string();
    let mut lines = Vec::new();
    for o in &objects {
        let n = str_of(o, "name");
        if !is_label_node(n) {
            lines.push(format!(
                "node {n} [{}] {:?}",
                str_of(o, "shape"),
                str_of(o, "label")
            ));
        }
    }
    for e in &edges {
        let (tail, head) = (name(&e["tail"]), name(&e["head"]));
        if is_label_node(&head) {
            // Find the other half: from the label node to the real head.
            let label = objects
                .iter()
                .find(|o| str_of(o, "name") == head)
                .map(|o| str_of(o, "label").to_string())
                .unwrap_or_default();
            for f in edges.iter().filter(|f| name(&f["tail"]) == head) {
                lines.push(format!(
                    "edge {tail} -> {} {label:?} {}",
                    name(&f["head"]),
                    str_of(f, "color")
                ));
            }
        } else if !is_label_node(&tail) {
            lines.push(format!(
                "edge {tail} -> {head} {:?} {}",
                str_of(e, "label"),
                str_of(e, "color")
            ));
        }
    }
    lines.sort();
    let mut s = format!("layout {}\n", str_of(g, "layout"));
    for l in lines {
        s.push_str(&l);
        s.push('\n');
    }
    s
}

/// A box: (what it is, x0, y0, x1, y1) in points.
type Box = (String, f64, f64, f64, f64);

/// The boxes of text boxes of `_ldraw_` text operations.
fn text_boxes(what: &str, ops: Option<&Value>) -> Vec<Box> {
    let mut out = Vec::new();
    let mut size = 14.0;
    for op in ops.and_then(Value::as_array).into_iter().flatten() {
        match str_of(op, "op") {
            "F" => size = op["size"].as_f64().unwrap_or(size),
            "T" => {
                let x = op["pt"][0].as_f64().unwrap();
                let y = op["pt"][1].as_f64().unwrap();
                let w = op["width"].as_f64().unwrap();
                let x0 = match str_of(op, "align") {
                    "l" => x,
                    "r" => x - w,
                    _ => x - w / 2.0,
                };
                // From the baseline: descenders below, ascenders above.
                out.push((
                    format!("{what} {:?}", str_of(op, "text")),
                    x0,
                    y - 0.25 * size,
                    x0 + w,
                    y + 0.8 * size,
                ));
            }
            _ => {}
        }
    }
    out
}

/// Every label of a laid-out diagram as boxes, one group per object: a node
/// (its whole shape, which holds its label; label nodes are the edge
/// labels), an edge label placed by `dot`, and the caption and legend.
fn label_boxes(g: &Value) -> Vec<Vec<Box>> {
    let mut groups = Vec::new();
    for o in g["objects"].as_array().into_iter().flatten() {
        let name = str_of(o, "name");
        let pos: Vec<f64> = str_of(o, "pos")
            .split(',')
            .map(|v| v.parse().unwrap())
            .collect();
        let w = str_of(o, "width").parse::<f64>().unwrap() * 72.0;
        let h = str_of(o, "height").parse::<f64>().unwrap() * 72.0;
        groups.push(vec![(
            format!("node {name}"),
            pos[0] - w / 2.0,
            pos[1] - h / 2.0,
            pos[0] + w / 2.0,
            pos[1] + h / 2.0,
        )]);
    }
    for (k, e) in g["edges"].as_array().into_iter().flatten().enumerate() {
        let boxes = text_boxes(&format!("edge {k} label"), e.get("_ldraw_"));
        if !boxes.is_empty() {
            groups.push(boxes);
        }
    }
    groups.push(text_boxes("legend", g.get("_ldraw_")));
    groups
}

/// Pairs of boxes from different groups that overlap by more than half a point.
fn overlaps(groups: &[Vec<Box>]) -> Vec<String> {
    let mut found = Vec::new();
    let all: Vec<(usize, &Box)> = groups
        .iter()
        .enumerate()
        .flat_map(|(k, g)| g.iter().map(move |b| (k, b)))
        .collect();
    for (i, (ga, a)) in all.iter().enumerate() {
        for (gb, b) in &all[i + 1..] {
            if ga == gb {
                continue;
            }
            let dx = a.3.min(b.3) - a.1.max(b.1);
            let dy = a.4.min(b.4) - a.2.max(b.2);
            if dx > 0.5 && dy > 0.5 {
                found.push(format!("{} overlaps {} ({dx:.1} x {dy:.1} pt)", a.0, b.0));
            }
        }
    }
    found
}

/// How many edge lines pass through a node other than their own ends
/// (sampled along each Bézier curve): a measure, printed by the tests.
fn crossings(g: &Value) -> usize {
    let objects = g["objects"].as_array().cloned().unwrap_or_default();
    let boxes = label_boxes(g);
    let mut count = 0;
    for e in g["edges"].as_array().into_iter().flatten() {
        let ends = [e["tail"].as_u64().unwrap(), e["head"].as_u64().unwrap()];
        let mut hit = std::collections::BTreeSet::new();
        for op in e["_draw_"].as_array().into_iter().flatten() {
            if str_of(op, "op") != "b" {
                continue;
            }
            let pts: Vec<(f64, f64)> = op["points"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| (p[0].as_f64().unwrap(), p[1].as_f64().unwrap()))
                .collect();
            for seg in pts.windows(4).step_by(3) {
                for s in 0..=20 {
                    let t = s as f64 / 20.0;
                    let u = 1.0 - t;
                    let x = u * u * u * seg[0].0
                        + 3.0 * u * u * t * seg[1].0
                        + 3.0 * u * t * t * seg[2].0
                        + t * t * t * seg[3].0;
                    let y = u * u * u * seg[0].1
                        + 3.0 * u * u * t * seg[1].1
                        + 3.0 * u * t * t * seg[2].1
                        + t * t * t * seg[3].1;
                    for (k, b) in boxes.iter().take(objects.len()).enumerate() {
                        let b = &b[0];
                        if !ends.contains(&(k as u64))
                            && x > b.1 + 2.0
                            && x < b.3 - 2.0
                            && y > b.2 + 2.0
                            && y < b.4 - 2.0
                        {
                            hit.insert(k);
                        }
                    }
                }
            }
        }
        count += hit.len();
    }
    count
}

/// The README's ego diagram: DOT in `dir`, and its layout.
fn ego_diagram(dir: &TempDir) -> (PathBuf, Value) {
    let graph = ego_graph(dir);
    let dot = dir.s("ego.dot");
    ok(&ng(&[
        "render", &graph, "--focus", FOCUS, "--depth", "2", "-o", &dot,
    ]));
    let laid = layout(Path::new(&dot));
    (PathBuf::from(dot), laid)
}

#[test]
fn the_readme_ego_diagram_is_current() {
    if !has_graphviz() {
        return;
    }
    let dir = TempDir::new("render");
    let (_, laid) = ego_diagram(&dir);
    let got = structure(&laid);
    let want_path = root().join("graphs/ego-solberg.txt");
    if std::env::var_os("NEWSGRAPH_BLESS").is_some() {
        fs::write(&want_path, &got).unwrap();
        let graph = dir.s("ego.json");
        let png = root().join("graphs/ego-solberg.png").display().to_string();
        ok(&ng(&[
            "render", &graph, "--focus", FOCUS, "--depth", "2", "-o", &png,
        ]));
        eprintln!("blessed {} and graphs/ego-solberg.png", want_path.display());
        return;
    }
    let want = fs::read_to_string(&want_path)
        .unwrap_or_else(|e| panic!("{}: {e}\n{BLESS_HINT}", want_path.display()));
    if want != got {
        let diff: Vec<String> = common::line_diff(&want, &got)
            .into_iter()
            .filter(|op| op.0 != ' ')
            .take(60)
            .map(|(tag, _, text)| format!("{tag} {text}"))
            .collect();
        panic!(
            "graphs/ego-solberg.txt is not what render draws now (- file, + new):\n{}\n\n{BLESS_HINT}",
            diff.join("\n")
        );
    }
    // The committed picture exists and is a PNG (its bytes are not compared).
    let png = fs::read(root().join("graphs/ego-solberg.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
}

#[test]
fn no_two_labels_overlap_in_the_readme_ego_diagram() {
    if !has_graphviz() {
        return;
    }
    let dir = TempDir::new("render");
    let (_, laid) = ego_diagram(&dir);
    let groups = label_boxes(&laid);
    let nodes = laid["objects"].as_array().unwrap();
    let real = nodes
        .iter()
        .filter(|o| !is_label_node(str_of(o, "name")))
        .count();
    assert!(
        (30..=60).contains(&real),
        "the README's diagram should have 30 to 60 nodes, not {real}"
    );
    let found = overlaps(&groups);
    assert!(found.is_empty(), "labels overlap:\n{}", found.join("\n"));
    // The legend is there, with the kinds drawn.
    let legend: Vec<String> = text_boxes("legend", laid.get("_ldraw_"))
        .into_iter()
        .map(|b| b.0)
        .collect();
    let legend = legend.join(" ");
    for word in ["person", "nation", "accused", "said about", "member_of"] {
        assert!(legend.contains(word), "legend lacks {word}: {legend}");
    }
    eprintln!(
        "ego diagram: {real} nodes, {} labelled edges, {} label boxes, 0 overlaps, {} line-through-node crossings",
        nodes.len() - real,
        groups.len(),
        crossings(&laid)
    );
}

#[test]
fn the_same_diagram_without_overlap_removal_has_overlaps() {
    // A control: the check finds collisions in a real layout that has them.
    if !has_graphviz() {
        return;
    }
    let dir = TempDir::new("render");
    let (dot, _) = ego_diagram(&dir);
    let text = fs::read_to_string(&dot).unwrap();
    assert!(text.contains("overlap=prism"), "{text}");
    let loose = dir.write(
        "loose.dot",
        text.replace("overlap=prism", "overlap=true")
            .replace("splines=true", "splines=false"),
    );
    let found = overlaps(&label_boxes(&layout(&loose)));
    assert!(
        !found.is_empty(),
        "no overlap found without overlap removal"
    );
    eprintln!(
        "without overlap removal: {} overlapping label pairs",
        found.len()
    );
}

#[test]
fn overlaps_are_found_when_there_are_some() {
    // The checker itself: two boxes that touch are fine, two that overlap are not.
    let a = vec![("a".to_string(), 0.0, 0.0, 10.0, 10.0)];
    let b = vec![("b".to_string(), 10.0, 0.0, 20.0, 10.0)];
    let c = vec![("c".to_string(), 5.0, 5.0, 15.0, 15.0)];
    assert!(overlaps(&[a.clone(), b.clone()]).is_empty());
    assert_eq!(overlaps(&[a, b, c]).len(), 2);
}

#[test]
fn pictures_are_drawn_in_the_format_of_their_extension() {
    if !has_graphviz() {
        return;
    }
    let dir = TempDir::new("render");
    let graph = ego_graph(&dir);
    for (file, magic) in [
        ("a.svg", &b"<?xml"[..]),
        ("a.png", &b"\x89PNG"[..]),
        ("a.pdf", &b"%PDF"[..]),
    ] {
        let out = dir.s(file);
        let run = ng(&["render", &graph, "--focus", "Orlov", "-o", &out]);
        ok(&run);
        assert!(stderr(&run).is_empty(), "{file}: {}", stderr(&run));
        let bytes = dir.read(file);
        assert!(bytes.starts_with(magic), "{file}");
    }
    let svg = String::from_utf8(dir.read("a.svg")).unwrap();
    assert!(svg.contains("Pavel Orlov"), "{svg}");
    assert!(svg.contains("1 hop around"), "the caption is drawn");
}

#[test]
fn without_graphviz_render_names_the_package_to_install() {
    let dir = TempDir::new("render");
    let graph = ego_graph(&dir);
    let empty = dir.path("no-programs");
    fs::create_dir_all(&empty).unwrap();
    let out = ng_env(
        &["render", &graph, "-o", &dir.s("a.png")],
        Some(empty.as_path()),
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.starts_with("error: "), "{err}");
    assert!(
        err.contains("graphviz is not installed") && err.contains("apt-get install graphviz"),
        "{err}"
    );
    assert!(!dir.path("a.png").exists());
    // A .dot picture needs no Graphviz.
    let out = ng_env(
        &["render", &graph, "-o", &dir.s("a.dot")],
        Some(empty.as_path()),
    );
    ok(&out);
    let dot = String::from_utf8(dir.read("a.dot")).unwrap();
    assert!(dot.starts_with("digraph newsgraph {"), "{dot}");
    assert!(
        dot.contains("layout=sfdp"),
        "a large graph goes to sfdp: {dot}"
    );
}

#[test]
fn kinds_keep_only_their_edges() {
    let dir = TempDir::new("render");
    let graph = ego_graph(&dir);
    ok(&ng(&[
        "render",
        &graph,
        "--kinds",
        "accused",
        "-o",
        &dir.s("a.dot"),
    ]));
    let dot = String::from_utf8(dir.read("a.dot")).unwrap();
    let edges: Vec<&str> = dot.lines().filter(|l| l.contains(" -> ")).collect();
    assert!(!edges.is_empty(), "{dot}");
    for e in &edges {
        assert!(e.contains("label=\"accused"), "{e}");
    }
    assert!(
        dot.contains("layout=dot"),
        "a small graph is laid out by dot: {dot}"
    );
    assert!(
        dot.contains("\"organization:greenpeace\" -> \"nation:norway\""),
        "{dot}"
    );
    // No node without an accused edge.
    assert!(!dot.contains("\"person:laura-brandt\""), "{dot}");
    // A kind that has no edge draws nothing: exit 1.
    let out = ng(&[
        "render",
        &graph,
        "--focus",
        "Laura Brandt",
        "--kinds",
        "accused",
        "-o",
        &dir.s("b.dot"),
    ]);
    ok(&out);
    let out = ng(&[
        "render",
        &graph,
        "--kinds",
        "authored_by,cites",
        "--max-nodes",
        "1",
        "-o",
        &dir.s("c.dot"),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("nothing to draw"));
}

#[test]
fn max_nodes_keeps_the_strongest_and_the_caption_says_what_was_left_out() {
    let dir = TempDir::new("render");
    let graph = ego_graph(&dir);
    ok(&ng(&[
        "render",
        &graph,
        "--focus",
        FOCUS,
        "--depth",
        "2",
        "--max-nodes",
        "8",
        "-o",
        &dir.s("a.dot"),
    ]));
    let dot = String::from_utf8(dir.read("a.dot")).unwrap();
    let nodes: Vec<&str> = dot
        .lines()
        .filter(|l| l.contains(" [label=") && !l.contains("~label") && !l.contains(" -> "))
        .collect();
    assert_eq!(nodes.len(), 8, "{}", nodes.join("\n"));
    // The focus and the strongest nodes around her: Norway and Russia.
    for id in ["person:ingrid-solberg", "nation:norway", "nation:russia"] {
        assert!(
            nodes.iter().any(|l| l.contains(&format!("\"{id}\""))),
            "{id}"
        );
    }
    assert!(
        dot.contains("8 of 38 nodes shown, the strongest by mentions and evidence; left out: "),
        "{dot}"
    );
    assert!(
        dot.contains("<B>Ingrid Solberg, 2 hops around</B>"),
        "{dot}"
    );
}

#[test]
fn statements_collapse_by_default_and_show_on_request() {
    let dir = TempDir::new("render");
    let graph = ego_graph(&dir);
    let draw = |extra: &[&str], file: &str| {
        let mut args = vec!["render", graph.as_str(), "--focus", "Orlov"];
        args.extend_from_slice(extra);
        let out = dir.s(file);
        args.extend(["-o", out.as_str()]);
        ok(&ng(&args));
        String::from_utf8(dir.read(file)).unwrap()
    };
    let collapsed = draw(&[], "a.dot");
    assert!(!collapsed.contains("\"statement:"), "{collapsed}");
    assert!(collapsed.contains("label=\"said about ×"), "{collapsed}");
    assert!(collapsed.contains("statements drawn as"), "{collapsed}");
    let shown = draw(&["--statements", "show"], "b.dot");
    assert!(shown.contains("\"statement:"), "{shown}");
    assert!(!shown.contains("said about"), "{shown}");
    assert!(shown.contains("label=\"said\""), "{shown}");
}

#[test]
fn names_resolve_like_the_other_queries_and_bad_flags_fail_first() {
    let dir = TempDir::new("render");
    let graph = ego_graph(&dir);
    // A surname and another case find the person.
    ok(&ng(&[
        "render",
        &graph,
        "--focus",
        "solberg",
        "-o",
        &dir.s("a.dot"),
    ]));
    let dot = String::from_utf8(dir.read("a.dot")).unwrap();
    assert!(
        dot.contains("penwidth=3, fontsize=14"),
        "the focus stands out"
    );
    assert!(dot.contains("Ingrid Solberg, 1 hop around"), "{dot}");
    let out = ng(&["render", &graph, "--focus", "Nobody", "-o", &dir.s("b.dot")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no entity named \"Nobody\""),
        "{}",
        stderr(&out)
    );
    for bad in [
        vec!["render", "missing.json", "-o", "a.gif"],
        vec!["render", "missing.json", "-o", "a.png", "--kinds", "sued"],
        vec!["render", "missing.json", "-o", "a.png", "--max-nodes", "0"],
        vec!["render", "missing.json", "-o", "a.png", "--depth", "2"],
    ] {
        let out = ng(&bad);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        // Rejected by the argument parser, before the missing graph is read.
        assert!(
            !stderr(&out).contains("missing.json"),
            "{bad:?}: {}",
            stderr(&out)
        );
    }
}
