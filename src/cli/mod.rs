//! The command line: the only module that touches clap, the environment,
//! standard output and error, and exit codes. It parses and validates the
//! arguments, calls the library, and formats what comes back.
//!
//! Exit codes: 0 ok, 1 nothing found (no path, no statement matched), 2
//! error (a bad flag, an unreadable file, an unknown name). A closed
//! standard output (`newsgraph ... | head`) ends the program quietly with 0.

mod args;
mod correct;
mod extract;
mod heap;
mod io;
mod relation;
mod render;
mod show;
mod write;

use std::borrow::Cow;
use std::ffi::OsString;
use std::fmt::Write as _;
use std::path::Path;

use clap::Parser;

use crate::error::{Error, Result};
use crate::export::Format;
use crate::graph::{Graph, into_view};

use args::{Cli, Command, ExportArgs, GraphFormat, MergeArgs, ViewArgs};

/// What a command ended with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Code {
    Ok = 0,
    NothingFound = 1,
    Error = 2,
}

/// Prints diagnostics on standard error, in the `error: <file>: <reason>`
/// form.
pub(crate) struct Reporter;

impl Reporter {
    pub(crate) fn error(&self, e: &Error) {
        eprintln!("error: {}", escape(&describe(e)));
    }

    pub(crate) fn warning(&self, message: &str) {
        eprintln!("warning: {}", escape(message));
    }
}

/// `s` with every control character written as an escape (`\n`, `\t`,
/// `\x1b`), so that what an article or a file name holds cannot move the
/// cursor, recolour the terminal or start a line of its own (a file named
/// `a\nerror: b.txt` would forge a message). Done always, not only on a
/// terminal: output piped to a file is read on one later.
pub(crate) fn escape(s: &str) -> Cow<'_, str> {
    escape_but(s, None)
}

/// [`escape`], leaving `keep` alone (a newline, in text made of lines).
pub(crate) fn escape_but(s: &str, keep: Option<char>) -> Cow<'_, str> {
    if !s.chars().any(|c| c.is_control() && Some(c) != keep) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            c if Some(c) == keep => out.push(c),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\x{:02x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// An I/O error in lower case without "(os error N)".
fn io_reason(e: &std::io::Error) -> String {
    let text = e.to_string();
    let text = match text.find(" (os error") {
        Some(i) => &text[..i],
        None => &text,
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => text.to_string(),
    }
}

/// The message of an error, chain included.
fn describe(e: &Error) -> String {
    match e {
        Error::Io { path, source } => format!("{}: {}", path.display(), io_reason(source)),
        other => {
            let mut msg = other.to_string();
            let mut source = std::error::Error::source(other);
            while let Some(s) = source {
                msg.push_str(": ");
                msg.push_str(&s.to_string());
                source = s.source();
            }
            msg
        }
    }
}

fn is_broken_pipe(e: &Error) -> bool {
    matches!(e, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
}

/// Run the command line and return the process exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with 0; usage errors to stderr with 2.
            let _ = e.print();
            return if e.use_stderr() {
                Code::Error as i32
            } else {
                Code::Ok as i32
            };
        }
    };
    io::set_graph_limit(cli.max_graph_bytes);
    if !matches!(cli.command, Command::Extract(_)) {
        // extraction's memory is in its workers' arenas; see heap.rs
        heap::prefer_huge_pages();
    }
    let started = crate::timings::on().then(std::time::Instant::now);
    let report = Reporter;
    let result = match cli.command {
        Command::Extract(a) => extract::run(a, &report),
        Command::Merge(a) => merge(a, &report),
        Command::Export(a) => export(a),
        Command::Said(a) => show::said_cmd(a),
        Command::Path(a) => show::path_cmd(a),
        Command::Neighbors(a) => show::neighbors_cmd(a),
        Command::Stats(a) => show::stats_cmd(a),
        Command::Render(a) => render::run(a, &report),
        Command::View(a) => view(a),
        Command::Edges(a) => relation::edges_cmd(a),
        Command::Top(a) => relation::top_cmd(a),
    };
    if started.is_some() {
        eprint!("{}", crate::timings::report(started));
    }
    match result {
        Ok(code) => code as i32,
        Err(e) if is_broken_pipe(&e) => Code::Ok as i32,
        Err(e) => {
            report.error(&e);
            Code::Error as i32
        }
    }
}

fn format_of(f: GraphFormat) -> Format {
    match f {
        GraphFormat::Json => Format::Json,
        GraphFormat::Dot => Format::Dot,
        GraphFormat::Graphml => Format::Graphml,
        GraphFormat::Csv => Format::Csv,
        GraphFormat::Turtle => Format::Turtle,
    }
}

/// `merge`: every input is read before anything is written; one bad input
/// means nothing is written. An input is a graph file or JSON lines of
/// graphs ([`io::each_graph`]).
fn merge(args: MergeArgs, report: &Reporter) -> Result<Code> {
    if let Some(out) = &args.output {
        write::refuse_input_as_output(out, args.graphs.iter().map(|p| p.as_path()))?;
    }
    if args.graphs.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        return Err(Error::Other(format!(
            "{}: standard input can be read once: give - once",
            io::STDIN_NAME
        )));
    }
    let sink = io::Sink::new(args.output.as_deref())?;
    // Bad corrections fail before any graph is read.
    let fix = args
        .fix
        .corrections
        .as_deref()
        .map(|f| correct::read(f).map(|c| (f, c)))
        .transpose()?;
    let mut graph = Graph::default();
    let mut failed = false;
    for path in &args.graphs {
        let read = io::each_graph(path, |g, name| {
            let mut stored = graph.corrections.clone();
            stored.merge(g.corrections.clone());
            if let Some((same, not)) = stored.contradiction() {
                return Err(Error::Other(format!(
                    "{}: graph.corrections: {not} contradicts {same} of the graphs before it",
                    name.display()
                )));
            }
            // Whichever is smaller moves: a union in either direction.
            if g.nodes.len() + g.edges.len() > graph.nodes.len() + graph.edges.len() {
                let mine = std::mem::take(&mut graph);
                graph = g;
                graph.merge(mine);
            } else {
                graph.merge(g);
            }
            Ok(())
        });
        match read {
            Ok(0) => report.warning(&format!(
                "{}: no graph in it",
                if path.as_os_str() == "-" {
                    Path::new(io::STDIN_NAME)
                } else {
                    path
                }
                .display()
            )),
            Ok(_) => {}
            Err(e) => {
                report.error(&e);
                failed = true;
            }
        }
    }
    if failed {
        return Ok(Code::Error);
    }
    if let Some((file, fix)) = fix {
        let fresh = correct::new_in(&graph, &fix);
        correct::add(&mut graph, fix, file, "the inputs")?;
        correct::warn_unmatched(&graph, &fresh, file, report);
    }
    let view = into_view(graph);
    match args.emit {
        args::MergeEmit::Graph => sink.finish_view(Format::Json, &view)?,
        args::MergeEmit::Line => {
            let mut out = sink.open()?;
            let r = crate::export::json::write_line(&view, &mut out);
            out.check(r)?;
            out.finish()?;
        }
    }
    // The output is in place: leave the memory to the operating system.
    std::mem::forget(view);
    Ok(Code::Ok)
}

/// `export`.
fn export(args: ExportArgs) -> Result<Code> {
    if let Some(out) = &args.output {
        write::refuse_input_as_output(out, [args.graph.as_path()])?;
    }
    let sink = io::Sink::for_format(args.output.as_deref(), format_of(args.format))?;
    let view = into_view(io::load_graph(Path::new(&args.graph))?);
    sink.finish_output(format_of(args.format).render(&view))?;
    Ok(Code::Ok)
}

/// `view`: the explorer page.
fn view(args: ViewArgs) -> Result<Code> {
    if let Some(out) = &args.output {
        write::refuse_input_as_output(out, [args.graph.as_path()])?;
    }
    let sink = io::Sink::new(args.output.as_deref())?;
    let view = into_view(io::load_graph(&args.graph)?);
    sink.finish(&crate::export::html::to_string(&view))?;
    Ok(Code::Ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_read_in_lower_case_without_os_codes() {
        let e = Error::io("a.txt", std::io::Error::from(std::io::ErrorKind::NotFound));
        let d = describe(&e);
        assert!(d.starts_with("a.txt: "), "{d}");
        assert!(!d.contains("os error"), "{d}");
        let e = Error::io("a.txt", std::io::Error::from_raw_os_error(2));
        assert_eq!(describe(&e), "a.txt: no such file or directory");
    }

    #[test]
    fn control_characters_are_escaped() {
        assert!(matches!(escape("plain text, é"), Cow::Borrowed(_)));
        assert_eq!(
            escape("a\nerror: b\x1b[31m\u{9b}"),
            "a\\nerror: b\\x1b[31m\\x9b"
        );
        assert_eq!(escape_but("one\ntwo\x07\n", Some('\n')), "one\ntwo\\x07\n");
    }

    #[test]
    fn usage_errors_exit_2_and_help_exits_0() {
        let run_with = |a: &[&str]| run(a.iter().map(OsString::from));
        assert_eq!(run_with(&["newsgraph", "frobnicate"]), 2);
        assert_eq!(
            run_with(&["newsgraph", "path", "g.json", "a", "b", "--via", "sued"]),
            2
        );
        assert_eq!(
            run_with(&["newsgraph", "said", "g.json", "--since", "May 30"]),
            2
        );
    }
}
