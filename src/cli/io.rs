//! Files in and out for the commands: finding articles, reading them and
//! graphs with a cap on their size, writing output (through
//! [`super::write`]), and standard output that tolerates a closed pipe.
//!
//! Every input is read through a bounded reader: an article larger than
//! `--max-article-bytes`, or a graph larger than `--max-graph-bytes`, is an
//! error naming the file and the flag, found after reading at most one byte
//! more than the cap; so `/dev/zero` or an endless standard input cannot
//! exhaust memory. A regular graph file is mapped rather than read, once
//! its size is checked against the cap ([`load_view`]).

use std::collections::BTreeSet;
use std::fs;
use std::io::{self, BufRead, Read, Write};
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
pub(crate) fn human(bytes: u64) -> String {
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
    let (f, size) = open_checked(path, limit)?;
    read_bounded(f, limit, path, size)
}

/// `path` opened, with its size if it is a regular file (checked against
/// `limit`).
fn open_checked(path: &Path, limit: Limit) -> Result<(fs::File, Option<u64>)> {
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
    Ok((f, size))
}

/// The bytes of a file, read or mapped.
enum Bytes {
    Read(Vec<u8>),
    #[cfg(unix)]
    Mapped(Mapped),
}

impl std::ops::Deref for Bytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Read(v) => v,
            #[cfg(unix)]
            Bytes::Mapped(m) => m.bytes(),
        }
    }
}

/// A regular file mapped into memory, read only. Reading a graph file this
/// way gives the parser the kernel's cached pages themselves: read into a
/// buffer, the 18 MB BBC graph cost as many fresh pages, zeroed by the
/// kernel and then copied into (about 7 ms of a 75 ms query, against 3 ms
/// mapped). newsgraph replaces a graph file it writes by renaming a new one
/// over it, so a mapped file does not change under the reader; a file
/// another program truncates while it is being read ends the process
/// (SIGBUS) rather than failing the read.
#[cfg(unix)]
struct Mapped {
    at: std::ptr::NonNull<libc::c_void>,
    len: usize,
}

#[cfg(unix)]
impl Mapped {
    /// The first `len` bytes of `f` (not 0), or `None` if it cannot be mapped.
    fn new(f: &fs::File, len: usize) -> Option<Mapped> {
        use std::os::fd::AsRawFd;
        #[cfg(target_os = "linux")]
        const FLAGS: libc::c_int = libc::MAP_PRIVATE | libc::MAP_POPULATE;
        #[cfg(not(target_os = "linux"))]
        const FLAGS: libc::c_int = libc::MAP_PRIVATE;
        // SAFETY: a fresh read-only private mapping of an open file; the
        // result is checked before use.
        let at = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ,
                FLAGS,
                f.as_raw_fd(),
                0,
            )
        };
        if at == libc::MAP_FAILED {
            return None;
        }
        std::ptr::NonNull::new(at).map(|at| Mapped { at, len })
    }

    fn bytes(&self) -> &[u8] {
        // SAFETY: `len` bytes mapped readable at `at` until dropped.
        unsafe { std::slice::from_raw_parts(self.at.as_ptr().cast::<u8>(), self.len) }
    }
}

#[cfg(unix)]
impl Drop for Mapped {
    fn drop(&mut self) {
        // SAFETY: the mapping made by `Mapped::new`, unmapped once.
        unsafe {
            libc::munmap(self.at.as_ptr(), self.len);
        }
    }
}

/// A graph file's bytes, at most `limit` of them: a regular file mapped
/// where it can be, anything else read.
fn graph_bytes(path: &Path, limit: Limit) -> Result<Bytes> {
    let (f, size) = open_checked(path, limit)?;
    #[cfg(unix)]
    if let Some(len) = size
        .and_then(|s| usize::try_from(s).ok())
        .filter(|&s| s > 0)
        && let Some(m) = Mapped::new(&f, len)
    {
        return Ok(Bytes::Mapped(m));
    }
    read_bounded(f, limit, path, size).map(Bytes::Read)
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
    parse_graph_file(path, json::from_str)
}

/// Read a graph file as the resolved view it holds, without resolving it
/// again ([`json::read_view`]).
pub fn load_view(path: &Path) -> Result<View> {
    let _t = crate::timings::stage("load view");
    parse_graph_file(path, json::read_view)
}

/// `parse` of the text of a graph file, its error naming the file.
fn parse_graph_file<T>(
    path: &Path,
    parse: impl FnOnce(&str) -> std::result::Result<T, String>,
) -> Result<T> {
    let (bytes, name) = if path.as_os_str() == "-" {
        (
            Bytes::Read(read_stdin(graph_limit())?),
            PathBuf::from(STDIN_NAME),
        )
    } else {
        (graph_bytes(path, graph_limit())?, path.to_path_buf())
    };
    let text = std::str::from_utf8(&bytes).map_err(|_| Error::Graph {
        path: name.clone(),
        reason: "not UTF-8".into(),
    })?;
    parse(text).map_err(|reason| Error::Graph { path: name, reason })
}

/// One line of `r`, without its line end, if it holds at most `limit`
/// bytes: `Ok(None)` at the end of the input, `Ok(Some(Err(n)))` for a
/// longer line (of `n` bytes, skipped to its end without being held in
/// memory). A final line without a line end counts.
pub fn read_line_bounded(
    r: &mut impl BufRead,
    limit: u64,
    buf: &mut Vec<u8>,
) -> io::Result<Option<std::result::Result<(), u64>>> {
    buf.clear();
    let mut len: u64 = 0;
    let mut over = false;
    let mut any = false;
    loop {
        let chunk = match r.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (part, end) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (&chunk[..i], Some(i + 1)),
            None => (chunk, None),
        };
        len += part.len() as u64;
        if !over && len > limit {
            over = true;
            buf.clear();
        }
        if !over {
            buf.extend_from_slice(part);
        }
        let used = end.unwrap_or(part.len());
        r.consume(used);
        if end.is_some() {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if over {
        return Ok(Some(Err(len)));
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Some(Ok(())))
}

/// Whether a line holds nothing but white space.
pub fn is_blank(line: &[u8]) -> bool {
    line.iter().all(u8::is_ascii_whitespace)
}

/// A file or standard input, buffered, for reading a line at a time.
pub fn open_lines(path: &Path) -> Result<(Box<dyn BufRead + Send>, PathBuf)> {
    if path.as_os_str() == "-" {
        return Ok((
            Box::new(io::BufReader::with_capacity(1 << 16, io::stdin())),
            PathBuf::from(STDIN_NAME),
        ));
    }
    let f = fs::File::open(path).map_err(|e| Error::io(path, e))?;
    Ok((
        Box::new(io::BufReader::with_capacity(1 << 16, f)),
        path.to_path_buf(),
    ))
}

/// Read every graph of a graph file (`-` for standard input) and hand each
/// to `each` with the name to report it by. A file is either one graph
/// document (what `extract -o` and `merge` write: read whole, at most
/// `--max-graph-bytes`) or JSON lines of graphs, one graph a line (what
/// `extract --emit graphs` and `--emit line` write; each line at most
/// `--max-graph-bytes`, blank lines skipped, read one at a time). It is
/// lines when its first line that is not blank holds a whole JSON value; an
/// empty file (or one of blank lines only) holds no graph.
/// Returns the number of graphs read. A bad line is an error naming the
/// file and the line.
pub fn each_graph(path: &Path, mut each: impl FnMut(Graph, &Path) -> Result<()>) -> Result<usize> {
    let limit = graph_limit();
    let (mut r, name) = open_lines(path)?;
    let mut line = Vec::new();
    let mut number = 0;
    let first = loop {
        number += 1;
        match read_line_bounded(&mut r, limit.bytes, &mut line).map_err(|e| Error::io(&name, e))? {
            None => break None,
            Some(Err(_)) => return Err(too_large(&name, limit)),
            Some(Ok(())) if is_blank(&line) => {}
            Some(Ok(())) => break Some(number),
        }
    };
    let Some(first) = first else {
        // Nothing but blank lines: JSON lines of no graph (an empty partition).
        return Ok(0);
    };
    if serde_json::from_slice::<serde::de::IgnoredAny>(&line).is_err() {
        // One document, over several lines: read the rest of it.
        let mut doc = std::mem::take(&mut line);
        for _ in 1..first {
            doc.insert(0, b'\n');
        }
        doc.push(b'\n');
        let rest = limit.bytes.saturating_sub(doc.len() as u64);
        r.take(rest.saturating_add(1))
            .read_to_end(&mut doc)
            .map_err(|e| Error::io(&name, e))?;
        if doc.len() as u64 > limit.bytes {
            return Err(too_large(&name, limit));
        }
        let text = String::from_utf8(doc).map_err(|_| Error::Graph {
            path: name.clone(),
            reason: "not UTF-8".into(),
        })?;
        let g = json::from_str(&text).map_err(|reason| Error::Graph {
            path: name.clone(),
            reason,
        })?;
        each(g, &name)?;
        return Ok(1);
    }
    // The next line that is not blank, as Ok(false) at the end.
    let next = |r: &mut Box<dyn BufRead + Send>, line: &mut Vec<u8>, number: &mut usize| loop {
        *number += 1;
        match read_line_bounded(r, limit.bytes, line).map_err(|e| Error::io(&name, e))? {
            None => return Ok(false),
            Some(Err(_)) => {
                return Err(too_large(
                    Path::new(&format!("{}: line {number}", name.display())),
                    limit,
                ));
            }
            Some(Ok(())) if is_blank(line) => {}
            Some(Ok(())) => return Ok(true),
        }
    };
    let mut count = 0;
    loop {
        let at = PathBuf::from(format!("{}: line {number}", name.display()));
        let parsed = std::str::from_utf8(&line)
            .map_err(|_| "not UTF-8".to_string())
            .and_then(json::from_str);
        let g = match parsed {
            Ok(g) => g,
            Err(reason) => {
                // A file of one line is a graph document: named as one.
                let alone = count == 0 && !next(&mut r, &mut Vec::new(), &mut number.clone())?;
                return Err(if alone {
                    Error::Graph { path: name, reason }
                } else {
                    Error::Graph {
                        path: at,
                        reason: one_line_position(reason),
                    }
                });
            }
        };
        each(g, &at)?;
        count += 1;
        if !next(&mut r, &mut line, &mut number)? {
            return Ok(count);
        }
    }
}

/// serde_json's "at line 1 column N" of a JSON line as "at column N": the
/// line is named already.
pub fn one_line_position(reason: String) -> String {
    const AT: &str = " at line 1 column ";
    match reason.rfind(AT) {
        Some(i) if reason[i + AT.len()..].bytes().all(|b| b.is_ascii_digit()) => {
            format!("{} at column {}", &reason[..i], &reason[i + AT.len()..])
        }
        _ => reason,
    }
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

    /// Start writing a document a part at a time (a file or standard
    /// output, not a directory).
    pub fn open(self) -> Result<Stream> {
        match self {
            Sink::File(o) => Ok(Stream::File(o.begin()?)),
            Sink::Stdout => Ok(Stream::Stdout(io::BufWriter::with_capacity(
                1 << 16,
                io::stdout(),
            ))),
            Sink::Dir(dir) => Err(Error::Other(format!("{}: is a directory", dir.display()))),
        }
    }

    /// Write a resolved graph: as JSON, written as it is made (the bytes of
    /// [`crate::export::json::to_string`] without holding them all); in the
    /// other formats, rendered first.
    pub fn finish_view(
        self,
        format: crate::export::Format,
        view: &crate::graph::View,
    ) -> Result<()> {
        match format {
            crate::export::Format::Json => {
                let mut s = self.open()?;
                let r = json::write(view, &mut s);
                s.check(r)?;
                s.finish()
            }
            _ => self.finish_output(format.render(view)),
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

/// A document being written: to a file (put in place by
/// [`Stream::finish`]) or to standard output.
pub enum Stream {
    File(super::write::Writing),
    Stdout(io::BufWriter<io::Stdout>),
}

impl Stream {
    fn name(&self) -> PathBuf {
        match self {
            Stream::File(w) => w.shown().to_path_buf(),
            Stream::Stdout(_) => PathBuf::from(STDOUT_NAME),
        }
    }

    /// An I/O result of writing to this stream, as an error naming it.
    pub fn check<T>(&self, r: io::Result<T>) -> Result<T> {
        r.map_err(|e| Error::io(self.name(), e))
    }

    /// Flush, and put a file in place.
    pub fn finish(self) -> Result<()> {
        match self {
            Stream::File(w) => w.commit(),
            Stream::Stdout(mut w) => w.flush().map_err(|e| Error::io(STDOUT_NAME, e)),
        }
    }
}

impl Write for Stream {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Stream::File(w) => w.write(buf),
            Stream::Stdout(w) => w.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Stream::File(w) => w.write_all(buf),
            Stream::Stdout(w) => w.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Stream::File(w) => w.flush(),
            Stream::Stdout(w) => w.flush(),
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
    fn lines_are_read_up_to_a_limit_and_a_longer_one_is_skipped() {
        let input = b"short\r\n0123456789abcdef\nnext\n\nlast";
        let mut r = io::BufReader::with_capacity(4, &input[..]);
        let mut buf = Vec::new();
        let mut got = Vec::new();
        while let Some(line) = read_line_bounded(&mut r, 8, &mut buf).unwrap() {
            got.push(line.map(|()| String::from_utf8(buf.clone()).unwrap()));
        }
        assert_eq!(
            got,
            [
                Ok("short".to_string()),
                Err(16),
                Ok("next".into()),
                Ok(String::new()),
                Ok("last".into())
            ]
        );
        assert!(is_blank(b" \t\r") && !is_blank(b" x"));
    }

    #[test]
    fn a_graph_file_is_a_document_or_lines_of_graphs() {
        use crate::graph::{ArticleInfo, resolve};
        let dir = scratch("graphs");
        let graph = |id: &str, digest: &str| {
            let mut g = Graph::default();
            g.articles.insert(
                digest.into(),
                ArticleInfo {
                    id: id.into(),
                    digest: digest.into(),
                    ..ArticleInfo::default()
                },
            );
            g
        };
        let (a, b) = (graph("a", "d1"), graph("b", "d2"));
        let read = |name: &str, contents: Vec<u8>| {
            let p = dir.join(name);
            fs::write(&p, contents).unwrap();
            let mut got = Vec::new();
            each_graph(&p, |g, at| {
                got.push((g, at.display().to_string()));
                Ok(())
            })
            .map(|n| (n, got))
        };
        let doc = json::to_string(&resolve(&a)).into_bytes();
        let (n, got) = read("doc.json", doc).unwrap();
        assert_eq!((n, &got[0].0), (1, &a));
        assert!(got[0].1.ends_with("doc.json"));
        let mut lines = b"\n".to_vec();
        json::write_line(&resolve(&a), &mut lines).unwrap();
        lines.extend(b"\n\n");
        json::write_line(&resolve(&b), &mut lines).unwrap();
        let (n, got) = read("g.jsonl", lines.clone()).unwrap();
        assert_eq!(n, 2);
        assert_eq!((&got[0].0, &got[1].0), (&a, &b));
        assert!(got[1].1.ends_with("g.jsonl: line 5"), "{}", got[1].1);
        assert_eq!(read("empty.jsonl", b"\n \n".to_vec()).unwrap().0, 0);
        lines.extend(b"{\"directed\": tru\n");
        let e = read("bad.jsonl", lines).unwrap_err().to_string();
        assert!(
            e.contains("bad.jsonl: line 6: not a newsgraph graph: ") && e.contains("at column"),
            "{e}"
        );
        // A document of one line that is not a graph is named as a document.
        let e = read("one.json", b"{\"directed\": true}".to_vec())
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("one.json: not a newsgraph graph: missing field"),
            "{e}"
        );
        fs::remove_dir_all(dir).unwrap();
    }

    /// A graph file is mapped or read: the same view either way, and the
    /// same errors for an empty file and one that is not UTF-8.
    #[test]
    fn a_graph_file_reads_as_its_text_does() {
        use crate::graph::resolve;
        let dir = scratch("view");
        let view = resolve(&crate::graph::testgen::article_graph(
            &crate::graph::testgen::ArticleSpec::example(),
            0,
            0,
        ));
        let p = dir.join("g.json");
        fs::write(&p, json::to_string(&view)).unwrap();
        assert_eq!(load_view(&p).unwrap(), view);
        assert_eq!(
            load_graph(&p).unwrap(),
            json::from_str(&json::to_string(&view)).unwrap()
        );
        let empty = dir.join("empty.json");
        fs::write(&empty, "").unwrap();
        let e = load_view(&empty).unwrap_err().to_string();
        assert!(e.contains("empty.json") && e.contains("EOF"), "{e}");
        let bad = dir.join("bad.json");
        fs::write(&bad, b"{\"a\": \"\xff\"}").unwrap();
        let e = load_view(&bad).unwrap_err().to_string();
        assert!(e.contains("bad.json") && e.ends_with("not UTF-8"), "{e}");
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn serde_positions_on_one_line_name_the_column() {
        assert_eq!(
            one_line_position("expected value at line 1 column 7".into()),
            "expected value at column 7"
        );
        assert_eq!(one_line_position("missing graph".into()), "missing graph");
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
