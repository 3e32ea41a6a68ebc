//! The relation queries `edges` and `top`: run the library query, format
//! its answer as text or JSON.

use std::fmt::Write;

use super::Code;
use super::args::{EdgesArgs, TopArgs, TopWhat};
use super::io::print;
use super::show::{load_view, name, one_line, place, print_text};
use crate::error::Result;
use crate::query::{EdgeQuery, Ranking, edges, top};

fn to_json<T: serde::Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).expect("query results serialise");
    s.push('\n');
    s
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `edges`.
pub fn edges_cmd(args: EdgesArgs) -> Result<Code> {
    let view = load_view(&args.graph, &args.fix)?;
    let query = EdgeQuery {
        kinds: args.kind.clone(),
        from: args.from.clone(),
        to: args.to.clone(),
    };
    let rows = edges(&view, &query)?;
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
        eprintln!("no edge matched");
        return Ok(code);
    }
    let mut out = String::new();
    for r in &rows {
        let kind = if r.negated {
            format!("not {}", r.kind.as_str())
        } else {
            r.kind.as_str().to_string()
        };
        let _ = writeln!(
            out,
            "{} -{kind}-> {}  ({} in {})",
            name(&r.source),
            name(&r.target),
            plural(r.count, "sentence", "sentences"),
            plural(r.articles, "article", "articles"),
        );
        for p in r.evidence.iter().take(args.evidence) {
            let _ = writeln!(out, "    {}: {}", place(p), one_line(&p.text));
        }
        if r.evidence.len() > args.evidence && args.evidence > 0 {
            let _ = writeln!(out, "    ... and {} more", r.evidence.len() - args.evidence);
        }
    }
    print_text(&out)?;
    Ok(code)
}

/// `top`.
pub fn top_cmd(args: TopArgs) -> Result<Code> {
    let view = load_view(&args.graph, &args.fix)?;
    let ranking = match args.what {
        TopWhat::Accused => Ranking::Accused,
        TopWhat::Accusers => Ranking::Accusers,
        TopWhat::Cited => Ranking::Cited,
        TopWhat::Quoted => Ranking::Quoted,
        TopWhat::Attended => Ranking::Attended,
    };
    let ranked = top(&view, ranking, args.top);
    let code = if ranked.is_empty() {
        Code::NothingFound
    } else {
        Code::Ok
    };
    if args.json {
        print(&to_json(&ranked))?;
        return Ok(code);
    }
    if ranked.is_empty() {
        eprintln!("nothing to rank: the graph has no such edges");
        return Ok(code);
    }
    let what = ranking.counterparts();
    let mut out = format!("{:>4}  {what:>10}  {:>9}  name\n", "rank", "sentences");
    for (i, s) in ranked.iter().enumerate() {
        let mut line = format!(
            "{:>4}  {:>10}  {:>9}  {} ({})",
            i + 1,
            s.counterparts,
            s.evidence,
            s.node.name,
            s.node.kind
        );
        if !s.top.is_empty() {
            let by: Vec<String> = s
                .top
                .iter()
                .map(|c| format!("{} {}", c.node.name, c.evidence))
                .collect();
            let more = s.counterparts.saturating_sub(s.top.len());
            let _ = write!(
                line,
                "  [{}{}]",
                by.join(", "),
                if more > 0 {
                    format!(", +{more}")
                } else {
                    String::new()
                }
            );
        }
        out.push_str(&line);
        out.push('\n');
    }
    print_text(&out)?;
    Ok(code)
}
