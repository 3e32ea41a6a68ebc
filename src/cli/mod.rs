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
mod io;
mod relation;
mod show;

use std::ffi::OsString;
use std::path::Path;

use clap::Parser;

use crate::error::{Error, Result};
use crate::export::{Format, Output, json};
use crate::graph::{Graph, resolve};

use args::{Cli, Command, ExportArgs, GraphFormat, MergeArgs};

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
        eprintln!("error: {}", describe(e));
    }

    pub(crate) fn warning(&self, message: &str) {
        eprintln!("warning: {message}");
    }
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
    let report = Reporter;
    let result = match cli.command {
        Command::Extract(a) => extract::run(a, &report),
        Command::Merge(a) => merge(a, &report),
        Command::Export(a) => export(a),
        Command::Said(a) => show::said_cmd(a),
        Command::Path(a) => show::path_cmd(a),
        Command::Neighbors(a) => show::neighbors_cmd(a),
        Command::Stats(a) => show::stats_cmd(a),
        Command::Edges(a) => relation::edges_cmd(a),
        Command::Top(a) => relation::top_cmd(a),
    };
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

/// Write an export: a document to `path` (atomically) or standard output;
/// files into the directory `path` (created if missing), each atomically.
fn write_output(path: Option<&Path>, output: Output) -> Result<()> {
    match output {
        Output::Document(d) => io::emit(path, &d),
        Output::Files(files) => {
            let dir = path.ok_or_else(|| {
                Error::Other("this format writes a directory of files: give -o DIR".into())
            })?;
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
            for (name, contents) in files {
                io::write_atomic(&dir.join(name), contents.as_bytes())?;
            }
            Ok(())
        }
    }
}

/// `merge`: every input is read before anything is written; one bad input
/// means nothing is written.
fn merge(args: MergeArgs, report: &Reporter) -> Result<Code> {
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
        match io::load_graph(path) {
            Ok(g) => {
                let mut stored = graph.corrections.clone();
                stored.merge(g.corrections.clone());
                if let Some((same, not)) = stored.contradiction() {
                    report.error(&Error::Other(format!(
                        "{}: graph.corrections: {not} contradicts {same} of the graphs before it",
                        path.display()
                    )));
                    failed = true;
                    continue;
                }
                graph.merge(g);
            }
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
    io::emit(args.output.as_deref(), &json::to_string(&resolve(&graph)))?;
    Ok(Code::Ok)
}

/// `export`.
fn export(args: ExportArgs) -> Result<Code> {
    let view = resolve(&io::load_graph(Path::new(&args.graph))?);
    write_output(args.output.as_deref(), format_of(args.format).render(&view))?;
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
