//! `render`: resolve the focus, let [`crate::render`] choose and write the
//! diagram, and run Graphviz on it (or write the DOT itself for `.dot`).

use std::io::{ErrorKind, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use super::args::{LayoutArg, RenderArgs, StatementsArg};
use super::io::load_graph;
use super::show::pick;
use super::write::{Output, refuse_input_as_output};
use super::{Code, Reporter};
use crate::error::{Error, Result};
use crate::graph::into_view;
use crate::render::{Layout, Options, Statements, diagram};

/// The Graphviz program that reads DOT (it honours the `layout` the DOT names).
const GRAPHVIZ: &str = "dot";

/// `render`.
pub fn run(args: RenderArgs, report: &Reporter) -> Result<Code> {
    refuse_input_as_output(&args.output, [args.graph.as_path()])?;
    // made now, so that an unwritable output fails before the work
    let out = Output::create(&args.output)?;
    let view = into_view(load_graph(&args.graph)?);
    let focus = match &args.focus {
        Some(name) => Some(pick(&view, name)?.id.clone()),
        None => None,
    };
    let options = Options {
        focus,
        depth: args.depth,
        kinds: args.kinds.clone(),
        statements: match args.statements {
            StatementsArg::Auto => Statements::Auto,
            StatementsArg::Collapse => Statements::Collapse,
            StatementsArg::Show => Statements::Show,
        },
        max_nodes: args.max_nodes as usize,
        layout: args.layout.map(|l| match l {
            LayoutArg::Dot => Layout::Dot,
            LayoutArg::Neato => Layout::Neato,
            LayoutArg::Sfdp => Layout::Sfdp,
            LayoutArg::Twopi => Layout::Twopi,
            LayoutArg::Circo => Layout::Circo,
        }),
    };
    let picture = diagram(&view, &options);
    if picture.items.is_empty() {
        eprintln!("nothing to draw: no edge of the kinds asked for");
        return Ok(Code::NothingFound);
    }
    let dot = picture.to_dot();
    let format = extension(&args.output);
    let bytes = if format == "dot" {
        dot.into_bytes()
    } else {
        graphviz(&dot, &format, &args.output, report)?
    };
    out.commit(&bytes)?;
    Ok(Code::Ok)
}

/// The lower-case extension of the output (checked by the argument parser).
fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// `dot -T<format>` of `dot`: the picture's bytes. Graphviz's warnings are
/// passed on; a missing Graphviz says which package to install.
fn graphviz(dot: &str, format: &str, output: &Path, report: &Reporter) -> Result<Vec<u8>> {
    let spawned = Command::new(GRAPHVIZ)
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match spawned {
        Ok(child) => child,
        Err(e) if e.kind() == ErrorKind::NotFound => {
            return Err(Error::Other(format!(
                "{}: graphviz is not installed (no `{GRAPHVIZ}` program on the PATH): install the \
                 package `graphviz` (Debian and Ubuntu: apt-get install graphviz; macOS: brew \
                 install graphviz), or write a .dot file and draw it elsewhere",
                output.display()
            )));
        }
        Err(e) => return Err(Error::io(GRAPHVIZ, e)),
    };
    // Write on a thread while reading, so that a large picture cannot fill
    // both pipes and stall.
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let text = dot.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(text.as_bytes()));
    let out = child
        .wait_with_output()
        .map_err(|e| Error::io(GRAPHVIZ, e))?;
    let written = writer.join().expect("the writer does not panic");
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        return Err(Error::Other(format!(
            "{}: graphviz `{GRAPHVIZ} -T{format}` failed: {}",
            output.display(),
            stderr.trim()
        )));
    }
    written.map_err(|e| Error::io(GRAPHVIZ, e))?;
    for line in stderr.lines().filter(|l| !l.trim().is_empty()) {
        report.warning(&format!("{}: graphviz: {}", output.display(), line.trim()));
    }
    Ok(out.stdout)
}
