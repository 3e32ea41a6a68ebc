//! Files in and out for the commands: finding articles, reading them and
//! graphs with a cap on their size, writing output (through
//! [`super::write`]), and standard output that tolerates a closed pipe.
//!
//! Every input is read through a bounded reader: an article larger than
//! `--max-article-bytes`, or a graph larger than `--max-graph-bytes`, is an
//! error naming the file and the flag, found after reading at most one byte
//! more than the cap; so `/dev/zero` or an endless standard input cannot
//! exhaust memory.

use std::collections::BTreeSet;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::{Error, Result};
use crate::export::json;
use crate::graph::{Graph, View};

use super::write::Output;

/// How diagnostics name standard input.
pub const STDIN_NAME: &str = "<stdin>";
/// How diagnostics name standard output.
pub const STDOUT_NAME: &str = "<stdout>";

/// Where an article comes from.
#[derive(Debug)]
pub enum Source {
    File(PathBuf),
    Stdin,
}

/// One article to read.
#[derive(Debug)]
pub struct Input {
    /// The article's id in the graph.
    pub label: String,
    /// How to name it in messages.
    pub display: String,
    pub source: Source,
}

impl Input {
    /// Read the article's bytes, at most `limit` of them (standard input is
    /// read once, by the caller).
    pub fn read(&self, limit: Limit) -> Result<Vec<u8>> {
        match &self.source {
            Source::File(p) => read_file(p, limit),
            Source::Stdin => read_stdin(limit),
        }
    }
}

/// A cap on the size of one input, and the flag that sets it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    pub bytes: u64,
    pub flag: &'static str,
}

/// The cap on graph files, set once from `--max-graph-bytes` (it is a
/// global flag, and graphs are read from several places).
static GRAPH_LIMIT: AtomicU64 = AtomicU64::new(u64::MAX);

/// Set the cap [`load_graph`] applies.
pub fn set_graph_limit(bytes: u64) {
    GRAPH_LIMIT.store(bytes, Ordering::Relaxed);
}

fn graph_limit() -> Limit {
    Limit {
        bytes: GRAPH_LIMIT.load(Ordering::Relaxed),
        flag: "--max-graph-bytes",
    }
}

/// `10485760` -> `10 MiB`, for messages.
fn human(bytes: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
    for (size, unit) in UNITS {
        if bytes >= size && bytes.is_multiple_of(size) {
            return format!("{} {unit}", bytes / size);
        }
    }
    format!("{bytes} bytes")
}

fn too_large(name: &Path, limit: Limit) -> Error {
    Error::Other(format!(
        "{}: larger than the limit of {} (raise it with {})",
        name.display(),
        human(limit.bytes),
        limit.flag
    ))
}

/// All of `r` if it holds at most `limit` bytes; never reads more than one
/// byte past the limit. `size`, when known, is what to make room for at
/// once (a graph of 17 MB read into a growing buffer was copied five times).
fn read_bounded(r: impl Read, limit: Limit, name: &Path, size: Option<u64>) -> Result<Vec<u8>> {
    let room = size.map_or(0, |s| s.min(limit.bytes).saturating_add(1));
    let mut buf = Vec::with_capacity(usize::try_from(room).unwrap_or(0));
    r.take(limit.bytes.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| Error::io(name, e))?;
    if buf.len() as u64 > limit.bytes {
        return Err(too_large(name, limit));
    }
    Ok(buf)
}

/// A file of at most `limit` bytes. A regular file's size is checked before
/// reading; anything else (a device, a FIFO) is read up to the limit.
pub fn read_file(path: &Path, limit: Limit) -> Result<Vec<u8>> {
    let f = fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut size = None;
    if let Ok(m) = f.metadata()
        && m.is_file()
    {
        if m.len() > limit.bytes {
            return Err(too_large(path, limit));
        }
        size = Some(m.len());
    }
    read_bounded(f, limit, path, size)
}

/// All of standard input, if it holds at most `limit` bytes.
pub fn read_stdin(limit: Limit) -> Result<Vec<u8>> {
    read_bounded(io::stdin().lock(), limit, Path::new(STDIN_NAME), None)
}

fn is_txt(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

/// Every `*.txt` file below `dir`, as paths relative to it, sorted. Symbolic
/// links are followed, each real directory visited once.
fn walk(
    dir: &Path,
    rel: &Path,
    seen: &mut BTreeSet<PathBuf>,
    out: &mut Vec<PathBuf>,
    errors: &mut Vec<Error>,
) {
    let here = dir.join(rel);
    if let Ok(real) = fs::canonicalize(&here)
        && !seen.insert(real)
    {
        return;
    }
    let entries = match fs::read_dir(&here) {
        Ok(e) => e,
        Err(e) => return errors.push(Error::io(&here, e)),
    };
    let mut names: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.file_name()))
        .collect();
    names.sort();
    for name in names {
        let rel = rel.join(&name);
        let full = dir.join(&rel);
        match fs::metadata(&full) {
            Ok(m) if m.is_dir() => walk(dir, &rel, seen, out, errors),
            Ok(m) if m.is_file() && is_txt(&rel) => out.push(rel),
            Ok(_) => {}
            Err(e) => errors.push(Error::io(&full, e)),
        }
    }
}

/// `rel` without its extension if that is `.txt` exactly: `a.TXT` keeps
/// its own, so that `a.txt` and `a.TXT`, two files, get two ids.
fn without_txt(rel: &Path) -> PathBuf {
    if rel.extension().is_some_and(|e| e == "txt") {
        rel.with_extension("")
    } else {
        rel.to_path_buf()
    }
}

/// `a/b/c.txt` -> `a/b/c`, with `/` whatever the platform.
fn label_of(rel: &Path) -> String {
    let stem = without_txt(rel);
    stem.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// The articles named by the command line, in order: each path as given,
/// a directory's files sorted by path. Paths that cannot be used are
/// returned as errors, to report and go on.
pub fn collect_inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<Error>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input {
                label: "-".into(),
                display: STDIN_NAME.into(),
                source: Source::Stdin,
            });
            continue;
        }
        match fs::metadata(path) {
            Err(e) => errors.push(Error::io(path, e)),
            Ok(m) if m.is_dir() => {
                let mut found = Vec::new();
                walk(
                    path,
                    Path::new(""),
                    &mut BTreeSet::new(),
                    &mut found,
                    &mut errors,
                );
                if found.is_empty() {
                    errors.push(Error::Other(format!(
                        "{}: no .txt files in this directory",
                        path.display()
                    )));
                }
                found.sort();
                for rel in found {
                    let full = path.join(&rel);
                    inputs.push(Input {
                        label: label_of(&rel),
                        display: full.display().to_string(),
                        source: Source::File(full),
                    });
                }
            }
            Ok(_) => inputs.push(Input {
                label: path.file_name().map_or_else(
                    || path.display().to_string(),
                    |s| without_txt(Path::new(s)).to_string_lossy().into_owned(),
                ),
                display: path.display().to_string(),
                source: Source::File(path.clone()),
            }),
        }
    }
    (inputs, errors)
}

/// Read a graph file (`-` for standard input), of at most
/// `--max-graph-bytes`.
pub fn load_graph(path: &Path) -> Result<Graph> {
    let _t = crate::timings::stage("load graph");
    let (text, name) = graph_text(path)?;
    json::from_str(&text).map_err(|reason| Error::Graph { path: name, reason })
}

/// Read a graph file as the resolved view it holds, without resolving it
/// again ([`json::read_view`]).
pub fn load_view(path: &Path) -> Result<View> {
    let _t = crate::timings::stage("load view");
    let (text, name) = graph_text(path)?;
    json::read_view(&text).map_err(|reason| Error::Graph { path: name, reason })
}

/// The text of a graph file and how to name it.
fn graph_text(path: &Path) -> Result<(String, PathBuf)> {
    let (bytes, name) = if path.as_os_str() == "-" {
        (read_stdin(graph_limit())?, PathBuf::from(STDIN_NAME))
    } else {
        (read_file(path, graph_limit())?, path.to_path_buf())
    };
    let text = String::from_utf8(bytes).map_err(|_| Error::Graph {
        path: name.clone(),
        reason: "not UTF-8".into(),
    })?;
    Ok((text, name))
}

/// Where a command's output goes: a file prepared before the work starts,
/// or standard output.
pub enum Sink {
    File(Output),
    Stdout,
    /// A directory, for a format of several files.
    Dir(PathBuf),
}

impl Sink {
    /// Prepare `path` for writing ([`Output::create`]), or standard output
    /// when `None`.
    pub fn new(path: Option<&Path>) -> Result<Sink> {
        Ok(match path {
            Some(p) => Sink::File(Output::create(p)?),
            None => Sink::Stdout,
        })
    }

    /// [`Sink::new`] for `format`: a format of several files needs a
    /// directory (`-o DIR`).
    pub fn for_format(path: Option<&Path>, format: crate::export::Format) -> Result<Sink> {
        if !format.is_directory() {
            return Sink::new(path);
        }
        let dir = path.ok_or_else(|| {
            Error::Other(format!(
                "--format {} writes a directory of files: give -o DIR",
                format.as_str()
            ))
        })?;
        Ok(Sink::Dir(dir.to_path_buf()))
    }

    /// Write a rendered graph: a document, or the files of a directory
    /// (each replaced atomically).
    pub fn finish_output(self, output: crate::export::Output) -> Result<()> {
        use crate::export::Output as Rendered;
        match (self, output) {
            (Sink::Dir(dir), Rendered::Files(files)) => {
                std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
                for (name, contents) in files {
                    Output::create(&dir.join(name))?.commit(contents.as_bytes())?;
                }
                Ok(())
            }
            (sink @ (Sink::File(_) | Sink::Stdout), Rendered::Document(d)) => sink.finish(&d),
            _ => Err(Error::Other(
                "internal: output kind does not fit its destination".into(),
            )),
        }
    }

    /// Write everything and put it in place.
    pub fn finish(self, contents: &str) -> Result<()> {
        let _t = crate::timings::stage("write");
        match self {
            Sink::File(o) => o.commit(contents.as_bytes()),
            Sink::Stdout => print(contents),
            Sink::Dir(dir) => Err(Error::Other(format!("{}: is a directory", dir.display()))),
        }
    }
}

/// Write to standard output; a closed pipe comes back as an
/// [`io::ErrorKind::BrokenPipe`] error for the caller to treat as success.
pub fn print(contents: &str) -> Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(contents.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| Error::io(STDOUT_NAME, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("newsgraph-io-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn directories_give_sorted_labels_below_them() {
        let dir = scratch("walk");
        fs::create_dir_all(dir.join("b/c")).unwrap();
        for f in ["z.txt", "a.txt", "b/c/d.txt", "b/x.TXT", "notes.md"] {
            fs::write(dir.join(f), "x").unwrap();
        }
        let (inputs, errors) = collect_inputs(&[dir.clone(), dir.join("z.txt"), "-".into()]);
        assert!(errors.is_empty(), "{errors:?}");
        let labels: Vec<&str> = inputs.iter().map(|i| i.label.as_str()).collect();
        assert_eq!(labels, ["a", "b/c/d", "b/x.TXT", "z", "z", "-"]);
        let (_, errors) = collect_inputs(&[dir.join("missing.txt"), scratch("empty")]);
        assert_eq!(errors.len(), 2);
        assert!(errors[0].to_string().contains("missing.txt"));
        assert!(errors[1].to_string().contains("no .txt files"));
        fs::remove_dir_all(dir).unwrap();
    }
}
