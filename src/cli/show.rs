//! The query commands: run the library query, format its answer as text or
//! JSON.
//!
//! Text output escapes every control character that comes from the graph
//! (names, statements, evidence, article ids): an escape sequence in an
//! article must not reach the terminal. Each field is escaped as it is
//! formatted, and the whole text once more before it is printed (newlines
//! apart), so a field that was missed cannot slip through. JSON output keeps
//! JSON's own escaping.

use std::fmt::Write;

use serde::Serialize;

use super::args::{CorrectionsArg, NeighborsArgs, PathArgs, SaidArgs, StatsArgs, ViewFormat};
use super::io::print;
use super::{Code, escape, escape_but};
use crate::error::Result;
use crate::export::{dot, graphml, json, turtle};
use crate::graph::{Node, View, into_view};
use crate::query::{
    self, NodeRef, Path, Place, SaidQuery, all_paths, find, matching, neighbors, normalize, said,
    shortest_path,
};

/// How long a statement may get inside a line of text output.
const INLINE: usize = 60;
/// How many evidence lines a hop shows.
const EVIDENCE_LINES: usize = 3;

/// The view of a graph file: the one it holds, or re-resolved with
/// `--corrections` when given.
///
/// It is never freed: a query reads one graph and ends, and freeing tens of
/// thousands of strings one by one cost a fifth of a query's time on the
/// BBC graph (the process gives the memory back at exit all at once).
pub(crate) fn load_view(
    path: &std::path::Path,
    fix: &CorrectionsArg,
) -> Result<std::mem::ManuallyDrop<View>> {
    let view = match fix.corrections.as_deref() {
        None => super::io::load_view(path)?,
        Some(file) => into_view(super::correct::load(path, Some(file))?),
    };
    Ok(std::mem::ManuallyDrop::new(view))
}

fn to_json<T: Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).expect("query results serialise");
    s.push('\n');
    s
}

/// Text on one line, runs of white space as one space.
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A node inside a line: statements quoted and shortened.
pub(crate) fn name(node: &NodeRef) -> String {
    if node.kind == "statement" {
        format!("\"{}\"", escape(&dot::shorten(&node.name, INLINE)))
    } else {
        escape(&node.name).into_owned()
    }
}

pub(crate) fn place(p: &Place) -> String {
    format!("{}, sentence {}", escape(&p.article), p.sentence)
}

/// Words on one line: white space runs as one space, controls escaped.
fn words(s: &str) -> String {
    escape(&one_line(s)).into_owned()
}

/// Print text output, every control character but the newline escaped.
pub(crate) fn print_text(out: &str) -> Result<()> {
    print(&escape_but(out, Some('\n')))
}

/// `said`.
pub fn said_cmd(args: SaidArgs) -> Result<Code> {
    let view = load_view(&args.graph, &args.fix)?;
    let dated = args.since.is_some() || args.until.is_some();
    let query = SaidQuery {
        by: args.by,
        about: args.about,
        since: args.since,
        until: args.until,
    };
    let rows = said(&view, &query)?;
    let code = if rows.is_empty() {
        Code::NothingFound
    } else {
        Code::Ok
    };
    if args.json {
        print(&to_json(&rows))?;
        return Ok(code);
    }
    if rows.is_empty() {
        let undated = view
            .articles
            .iter()
            .filter(|a| a.date.as_deref().and_then(query::Date::parse).is_none())
            .count();
        if dated && undated > 0 {
            eprintln!(
                "no statement matched ({undated} of {} articles have no full date and were left out by --since/--until)",
                view.articles.len()
            );
        } else {
            eprintln!("no statement matched");
        }
        return Ok(code);
    }
    let mut out = String::new();
    for s in &rows {
        let who = s
            .speaker
            .as_ref()
            .map_or("(unattributed)".to_string(), |n| {
                escape(&n.name).into_owned()
            });
        let denied = if s.negated { " (denied)" } else { "" };
        let _ = writeln!(out, "{who}{denied}: \"{}\"", words(&s.text));
        let places: Vec<String> = s.evidence.iter().map(place).collect();
        let mut line = format!("    {}", places.join("; "));
        if !s.about.is_empty() {
            let about: Vec<String> = s.about.iter().map(name).collect();
            let _ = write!(line, " | about: {}", about.join(", "));
        }
        let _ = writeln!(out, "{line}");
        if args.evidence {
            for p in &s.evidence {
                let _ = writeln!(out, "      {}: {}", place(p), one_line(&p.text));
            }
        }
    }
    print_text(&out)?;
    Ok(code)
}

/// One path as text: the chain on one line, then each hop and its evidence.
fn write_path(out: &mut String, path: &Path, start: &NodeRef) {
    let arrow = |h: &query::Hop| {
        let kind = if h.negated {
            format!("not {}", h.kind.as_str())
        } else {
            h.kind.as_str().to_string()
        };
        if h.forward {
            format!("-{kind}->")
        } else {
            format!("<-{kind}-")
        }
    };
    let mut chain = name(start);
    for h in &path.hops {
        let _ = write!(chain, " {} {}", arrow(h), name(&h.to));
    }
    let _ = writeln!(out, "{chain}");
    for h in &path.hops {
        let _ = writeln!(out, "  {} {} {}", name(&h.from), arrow(h), name(&h.to));
        for p in h.evidence.iter().take(EVIDENCE_LINES) {
            let _ = writeln!(out, "      {}: {}", place(p), words(&p.text));
        }
        if h.evidence.len() > EVIDENCE_LINES {
            let _ = writeln!(
                out,
                "      ... and {} more",
                h.evidence.len() - EVIDENCE_LINES
            );
        }
    }
}

/// How many other candidates a note about an ambiguous name lists.
const OTHERS: usize = 5;

/// The node a user means by `name` ([`find`]); when the name is not the
/// node's own but an alias several nodes share ("Howard"), a note on
/// standard error says which was taken and what else it could mean.
pub(super) fn pick<'v>(view: &'v View, name: &str) -> Result<&'v Node> {
    let node = find(view, name)?;
    let own = node.id == name.trim() || normalize(&node.name) == normalize(name);
    if !own {
        let others: Vec<String> = matching(view, name)
            .iter()
            .filter(|n| n.id != node.id)
            .map(|n| format!("{} ({})", n.name, n.id))
            .collect();
        if !others.is_empty() {
            let more = others.len().saturating_sub(OTHERS);
            let mut list = others[..others.len().min(OTHERS)].join(", ");
            if more > 0 {
                let _ = write!(list, " and {more} more");
            }
            eprintln!(
                "{}",
                escape(&format!(
                    "note: {:?} also names {list}; using {} ({}). Give a full name or an id to choose.",
                    name.trim(),
                    node.name,
                    node.id
                ))
            );
        }
    }
    Ok(node)
}

/// `path`.
pub fn path_cmd(args: PathArgs) -> Result<Code> {
    let full = load_view(&args.graph, &args.fix)?;
    let from = NodeRef::new(pick(&full, &args.from)?);
    let to = NodeRef::new(pick(&full, &args.to)?);
    let mut avoided: Vec<NodeRef> = Vec::new();
    for a in &args.avoid {
        let node = NodeRef::new(pick(&full, a)?);
        if node.id == from.id || node.id == to.id {
            return Err(crate::Error::Other(format!(
                "--avoid {a:?}: {} is an end of the path",
                node.name
            )));
        }
        avoided.push(node);
    }
    let ids: std::collections::BTreeSet<String> = avoided.iter().map(|n| n.id.clone()).collect();
    let view = query::path::without(&full, &ids);
    let via = args.via.as_ref();
    let paths = if args.all {
        let max_hops = usize::try_from(args.max_hops).unwrap_or(usize::MAX);
        let limit = usize::try_from(args.limit).unwrap_or(usize::MAX);
        all_paths(&view, &from.id, &to.id, via, max_hops, limit)
    } else {
        query::AllPaths {
            paths: shortest_path(&view, &from.id, &to.id, via)
                .into_iter()
                .collect(),
            truncated: false,
            searched: 0,
            exhausted: false,
        }
    };
    let code = if paths.paths.is_empty() {
        Code::NothingFound
    } else {
        Code::Ok
    };
    // When nothing fits: how long the shortest path is, if there is one.
    let shortest = if paths.paths.is_empty() {
        query::path::distance(&view, &from.id, &to.id, via)
    } else {
        None
    };
    if args.json {
        #[derive(Serialize)]
        struct Answer<'a> {
            from: &'a NodeRef,
            to: &'a NodeRef,
            #[serde(skip_serializing_if = "<[_]>::is_empty")]
            avoid: &'a [NodeRef],
            #[serde(flatten)]
            paths: &'a query::AllPaths,
            /// Hops of the shortest path, when none of at most --max-hops exists.
            #[serde(skip_serializing_if = "Option::is_none")]
            shortest_hops: Option<usize>,
        }
        print(&to_json(&Answer {
            from: &from,
            to: &to,
            avoid: &avoided,
            paths: &paths,
            shortest_hops: shortest,
        }))?;
        return Ok(code);
    }
    let budget = |hops: u64| {
        format!(
            "the search stopped after {} steps, before it had seen every path of up to {hops} hops; lower --max-hops or narrow --via",
            paths.searched
        )
    };
    if paths.paths.is_empty() {
        let avoiding = if avoided.is_empty() {
            String::new()
        } else {
            let names: Vec<String> = avoided.iter().map(name).collect();
            format!(" avoiding {}", names.join(", "))
        };
        if paths.exhausted {
            eprintln!(
                "no path from {} to {}{avoiding} found: {}",
                name(&from),
                name(&to),
                budget(args.max_hops)
            );
        } else {
            match shortest {
                Some(d) if args.all && d as u64 > args.max_hops => eprintln!(
                    "no path of at most {} hop{} from {} to {}{avoiding}; the shortest has {d} hops (try --max-hops {d})",
                    args.max_hops,
                    if args.max_hops == 1 { "" } else { "s" },
                    name(&from),
                    name(&to),
                ),
                _ => eprintln!("no path from {} to {}{avoiding}", name(&from), name(&to)),
            }
        }
        return Ok(code);
    }
    let mut out = String::new();
    for (i, p) in paths.paths.iter().enumerate() {
        if args.all {
            if i > 0 {
                out.push('\n');
            }
            let _ = writeln!(out, "path {} ({} hops)", i + 1, p.hops.len());
        }
        write_path(&mut out, p, &from);
    }
    if paths.exhausted {
        let _ = writeln!(out, "\n({})", budget(args.max_hops));
    } else if paths.truncated {
        let _ = writeln!(
            out,
            "\n(more paths exist; raise --limit or lower --max-hops)"
        );
    }
    print_text(&out)?;
    Ok(code)
}

/// `neighbors`.
pub fn neighbors_cmd(args: NeighborsArgs) -> Result<Code> {
    let view = load_view(&args.graph, &args.fix)?;
    let center = pick(&view, &args.name)?;
    let around = neighbors(&view, &center.id, args.depth);
    match args.format {
        ViewFormat::Json => print(&json::to_string(&around.view))?,
        ViewFormat::Graphml => print(&graphml::to_string(&around.view))?,
        ViewFormat::Turtle => print(&turtle::to_string(&around.view))?,
        ViewFormat::Dot => {
            let options = dot::Options {
                center: Some(center.id.clone()),
            };
            print(&dot::to_string_with(&around.view, &options))?;
        }
        ViewFormat::Text => {
            let mut out = String::new();
            let _ = writeln!(
                out,
                "{} ({}, {})",
                escape(&center.name),
                center.kind.as_str(),
                escape(&center.id)
            );
            let max = around.distance.values().copied().max().unwrap_or(0);
            for d in 1..=max {
                let _ = writeln!(out, "{d} hop{}:", if d == 1 { "" } else { "s" });
                for n in around
                    .view
                    .nodes
                    .iter()
                    .filter(|n| around.distance[&n.id] == d)
                {
                    let _ = writeln!(out, "  {} ({})", name(&NodeRef::new(n)), n.kind.as_str());
                }
            }
            if !around.view.edges.is_empty() {
                let _ = writeln!(out, "edges:");
                let by_id = |id: &str| {
                    around
                        .view
                        .nodes
                        .iter()
                        .find(|n| n.id == id)
                        .map_or(escape(id).into_owned(), |n| name(&NodeRef::new(n)))
                };
                for e in &around.view.edges {
                    let kind = if e.negated {
                        format!("not {}", e.kind.as_str())
                    } else {
                        e.kind.as_str().to_string()
                    };
                    let n = e.evidence.len();
                    let _ = writeln!(
                        out,
                        "  {} -{kind}-> {}  [{n} source{}]",
                        by_id(&e.source),
                        by_id(&e.target),
                        if n == 1 { "" } else { "s" }
                    );
                }
            }
            print_text(&out)?;
        }
    }
    Ok(Code::Ok)
}

/// `stats`.
pub fn stats_cmd(args: StatsArgs) -> Result<Code> {
    let view = load_view(&args.graph, &args.fix)?;
    let s = query::stats(&view, args.top);
    if args.json {
        print(&to_json(&s))?;
        return Ok(Code::Ok);
    }
    let counts = |m: &std::collections::BTreeMap<&str, usize>, order: Vec<&str>| {
        order
            .iter()
            .map(|k| format!("{k} {}", m.get(k).copied().unwrap_or(0)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let node_order = crate::graph::NodeKind::ALL
        .iter()
        .map(|k| k.as_str())
        .collect();
    let edge_order = crate::graph::EdgeKind::ALL
        .iter()
        .map(|k| k.as_str())
        .collect();
    let mut out = String::new();
    let _ = writeln!(out, "articles  {}", s.articles);
    let _ = writeln!(
        out,
        "nodes     {}  ({})",
        s.nodes,
        counts(&s.nodes_by_kind, node_order)
    );
    let _ = writeln!(
        out,
        "edges     {}  ({})",
        s.edges,
        counts(&s.edges_by_kind, edge_order)
    );
    let _ = writeln!(out, "evidence  {}", s.evidence);
    for (title, ranked) in [
        ("top speakers (statements)", &s.top_speakers),
        ("most connected actors", &s.most_connected),
    ] {
        let _ = writeln!(out, "\n{title}:");
        if ranked.is_empty() {
            let _ = writeln!(out, "  (none)");
        }
        for r in ranked {
            let _ = writeln!(
                out,
                "  {:>5}  {} ({})",
                r.count,
                escape(&r.node.name),
                r.node.kind
            );
        }
    }
    let _ = writeln!(out, "\nambiguous names left unmerged:");
    if s.ambiguous.is_empty() {
        let _ = writeln!(out, "  (none)");
    }
    for a in &s.ambiguous {
        let c: Vec<String> = a
            .candidates
            .iter()
            .map(|c| format!("{} ({})", escape(&c.name), escape(&c.id)))
            .collect();
        let _ = writeln!(out, "  {}: {}", escape(&a.id), c.join(", "));
    }
    print_text(&out)?;
    Ok(Code::Ok)
}
