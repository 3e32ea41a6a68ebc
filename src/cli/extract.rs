//! `newsgraph extract`: read articles in parallel, extract, merge, write.
//!
//! Articles come from files (read by the workers) and from JSON lines
//! (`--jsonl`, read one line at a time as the workers ask for them), so
//! memory follows the graph, not the input. Each worker merges the graphs
//! of its articles into a graph of its own; at the end the workers' graphs
//! are merged (a union, so the order does not matter) and the result is
//! resolved and written, JSON as it is made. An article whose text (its
//! digest) was seen before is not extracted again: it only adds its id.
//! Diagnostics are printed at the end, in input order, so that they and the
//! output are the same for any number of threads.
//!
//! `--emit graphs` writes one graph per article instead, each a JSON line
//! in input order (the map stage of a map/reduce; `merge` is the reduce).
//! Articles are then taken in batches: read and hashed in parallel, checked
//! for repeats in input order, extracted in parallel, written in order.

use std::collections::HashMap;
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use rayon::prelude::{IntoParallelIterator, ParallelBridge, ParallelIterator};

use super::args::{Emit, ExtractArgs};
use super::io::{
    Input, Limit, STDIN_NAME, Sink, Source, collect_inputs, is_blank, load_graph,
    one_line_position, open_lines, read_line_bounded, read_stdin,
};
use super::write::{GraphLock, Output, real_target, refuse_input_as_output, remove_stale};
use super::{Code, Reporter};
use crate::error::{Error, Result};
use crate::export::json;
use crate::graph::{ArticleInfo, Graph, into_view};
use crate::lexicon::Lexicon;
use crate::text::Article;

/// Articles in one batch per thread of `--emit graphs`.
const BATCH_PER_THREAD: usize = 64;

/// Standard input, read once: its bytes or why it could not be read.
type Stdin = Option<std::result::Result<Vec<u8>, String>>;

/// Lock a mutex, a poisoned one too (a panic is caught per article).
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// One article to read, with its place in the input order.
enum Job {
    /// A file (or standard input): its index in the inputs.
    File(usize),
    /// A line of a JSON lines file.
    Line {
        file: Arc<str>,
        line: usize,
        bytes: Vec<u8>,
    },
    /// A line or file that could not be read.
    Bad(Error),
}

/// The articles to extract, in input order: the files, then the lines of
/// each `--jsonl` file, read only when asked for.
struct Jobs<'a> {
    files: std::ops::Range<usize>,
    jsonl: std::slice::Iter<'a, PathBuf>,
    open: Option<(Box<dyn BufRead + Send>, Arc<str>, usize)>,
    limit: Limit,
    seq: usize,
}

impl Iterator for Jobs<'_> {
    type Item = (usize, Job);

    fn next(&mut self) -> Option<(usize, Job)> {
        let job = self.next_job()?;
        self.seq += 1;
        Some((self.seq - 1, job))
    }
}

impl Jobs<'_> {
    fn next_job(&mut self) -> Option<Job> {
        if let Some(i) = self.files.next() {
            return Some(Job::File(i));
        }
        loop {
            let Some((reader, file, line)) = self.open.as_mut() else {
                let path = self.jsonl.next()?;
                match open_lines(path) {
                    Ok((r, name)) => {
                        self.open = Some((r, name.display().to_string().into(), 0));
                        continue;
                    }
                    Err(e) => return Some(Job::Bad(e)),
                }
            };
            *line += 1;
            let mut bytes = Vec::new();
            let at = *line;
            match read_line_bounded(reader, self.limit.bytes, &mut bytes) {
                Ok(None) => self.open = None,
                Ok(Some(Err(len))) => {
                    return Some(Job::Bad(Error::Other(format!(
                        "{file}: line {at}: {len} bytes, more than the limit of {} (raise it with {})",
                        super::io::human(self.limit.bytes),
                        self.limit.flag
                    ))));
                }
                Ok(Some(Ok(()))) if is_blank(&bytes) => {}
                Ok(Some(Ok(()))) => {
                    if at == 1 && bytes.starts_with(b"\xef\xbb\xbf") {
                        bytes.drain(..3);
                    }
                    return Some(Job::Line {
                        file: file.clone(),
                        line: at,
                        bytes,
                    });
                }
                Err(e) => {
                    // The rest of this file cannot be read: report it, go on.
                    let name = format!("{file}: line {at}");
                    self.open = None;
                    return Some(Job::Bad(Error::io(name, e)));
                }
            }
        }
    }
}

/// An article read and laid out, not yet extracted.
struct Prepared {
    article: Article,
    warning: Option<String>,
    display: String,
}

/// A JSON line: `{"id": ..., "text": ...}`; other fields are ignored.
#[derive(serde::Deserialize)]
struct JsonArticle {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    text: Option<serde_json::Value>,
}

/// What the workers share.
struct Work<'a> {
    inputs: &'a [Input],
    stdin: &'a Stdin,
    lexicon: &'a Lexicon,
    limit: Limit,
}

impl Work<'_> {
    /// Read and lay out one article; its bytes, for the progress bar.
    fn prepare(&self, job: Job) -> (Result<Prepared>, u64) {
        match job {
            Job::Bad(e) => (Err(e), 0),
            Job::File(i) => {
                let input = &self.inputs[i];
                let owned;
                let bytes = match (&input.source, self.stdin) {
                    (Source::Stdin, Some(Ok(b))) => &b[..],
                    (Source::Stdin, Some(Err(why))) => return (Err(Error::Other(why.clone())), 0),
                    _ => match input.read(self.limit) {
                        Ok(b) => {
                            owned = b;
                            &owned[..]
                        }
                        Err(e) => return (Err(e), 0),
                    },
                };
                let n = bytes.len() as u64;
                (lay_out(&input.label, bytes, &input.display), n)
            }
            Job::Line { file, line, bytes } => {
                let n = bytes.len() as u64 + 1;
                let display = format!("{file}: line {line}");
                let parsed = serde_json::from_slice::<JsonArticle>(&bytes)
                    .map_err(|e| {
                        let msg = one_line_position(e.to_string());
                        format!("not a JSON object with \"id\" and \"text\": {msg}")
                    })
                    .and_then(|a| {
                        let id = match a.id {
                            Some(serde_json::Value::String(s)) if !s.is_empty() => s,
                            Some(serde_json::Value::Number(n)) if n.is_u64() || n.is_i64() => {
                                n.to_string()
                            }
                            None => return Err("no \"id\"".to_string()),
                            Some(_) => {
                                return Err(
                                    "\"id\" must be a string (not empty) or a whole number".into(),
                                );
                            }
                        };
                        match a.text {
                            Some(serde_json::Value::String(t)) => Ok((id, t)),
                            None => Err("no \"text\"".to_string()),
                            Some(_) => Err("\"text\" is not a string".to_string()),
                        }
                    });
                match parsed {
                    Ok((id, text)) => (lay_out(&id, text.as_bytes(), &display), n),
                    Err(why) => (Err(Error::Other(format!("{display}: {why}"))), n),
                }
            }
        }
    }
}

/// Decode and lay out an article, naming it by `display` in errors.
fn lay_out(label: &str, bytes: &[u8], display: &str) -> Result<Prepared> {
    let (article, warning) = Article::from_bytes(label, bytes).map_err(|e| {
        // Name the file, once.
        let msg = e.to_string();
        let prefix = format!("{label}: ");
        Error::Other(format!(
            "{display}: {}",
            msg.strip_prefix(&prefix).unwrap_or(&msg)
        ))
    })?;
    Ok(Prepared {
        article,
        warning,
        display: display.to_string(),
    })
}

/// Extract one article: its graph, or why not (without the file's name).
fn extract_one(article: &Article, lexicon: &Lexicon) -> std::result::Result<Graph, String> {
    // A bug in a rule must cost one article, not the batch: report it and go on.
    // So must an article that needs more work than its length allows.
    let budget = crate::extract::budget_for_len(article.text.len());
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        crate::extract::extract_within(article, lexicon, budget)
    }))
    .map_err(|_| {
        "internal error while extracting this article (a bug: please report it with the file)"
            .to_string()
    })?
    .map(|(graph, _)| graph)
    .map_err(|over| over.to_string())
}

/// The graph an article adds when its text was extracted under another id:
/// its id and digest. Merged with the graph of the first, it gives what
/// extracting it again would have (the same digest keeps the smallest id;
/// every other field is the first's, since the text is the same).
fn id_only(label: &str, digest: &str) -> Graph {
    let mut g = Graph::default();
    g.articles.insert(
        digest.to_string(),
        ArticleInfo {
            id: label.to_string(),
            digest: digest.to_string(),
            ..ArticleInfo::default()
        },
    );
    g
}

/// What became of one input, reported at the end in input order.
struct Record {
    seq: usize,
    warning: Option<String>,
    error: Option<Error>,
}

/// An article whose text was seen before, under an earlier id.
struct Repeat {
    seq: usize,
    label: String,
    digest: String,
    display: String,
    warning: Option<String>,
}

/// Each digest seen: `None` while its article is being extracted, then
/// whether that worked (and why not).
type Seen = HashMap<String, Option<std::result::Result<(), String>>>;

/// A progress bar on standard error, only when it is a terminal and not
/// under `--quiet`: articles done, articles a second, and the time left
/// (from the bytes read, when the size of the input is known).
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    articles: Arc<AtomicU64>,
}

impl Progress {
    fn new(
        quiet: bool,
        total_articles: Option<usize>,
        total_bytes: impl FnOnce() -> Option<u64>,
    ) -> Progress {
        let articles = Arc::new(AtomicU64::new(0));
        if quiet || !std::io::stderr().is_terminal() {
            return Progress {
                bar: None,
                articles,
            };
        }
        let total = total_bytes();
        let template = match total {
            Some(_) => "extracting [{bar:30}] {articles} articles, {rate} articles/s, {eta} left",
            None => "extracting {spinner} {articles} articles, {rate} articles/s, {elapsed}",
        };
        let (count, per_sec) = (articles.clone(), articles.clone());
        let style = indicatif::ProgressStyle::with_template(template)
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> ")
            .with_key(
                "articles",
                move |_: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    let n = count.load(Ordering::Relaxed);
                    let _ = match total_articles {
                        Some(total) => write!(w, "{n}/{total}"),
                        None => write!(w, "{n}"),
                    };
                },
            )
            .with_key(
                "rate",
                move |s: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    let secs = s.elapsed().as_secs_f64();
                    let n = per_sec.load(Ordering::Relaxed) as f64;
                    let _ = write!(w, "{:.0}", if secs > 0.0 { n / secs } else { 0.0 });
                },
            );
        let bar = indicatif::ProgressBar::with_draw_target(
            total,
            indicatif::ProgressDrawTarget::stderr(),
        )
        .with_style(style);
        bar.enable_steady_tick(std::time::Duration::from_millis(200));
        Progress {
            bar: Some(bar),
            articles,
        }
    }

    fn tick(&self, bytes: u64) {
        if let Some(bar) = &self.bar {
            self.articles.fetch_add(1, Ordering::Relaxed);
            bar.inc(bytes);
        }
    }

    /// Run `f` (which prints) with the bar out of the way.
    fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// The wall time of each stage of `extract`, one after another, for the
/// stage timers of [`crate::timings`] (`NEWSGRAPH_TIMINGS=1`).
struct Stages {
    on: bool,
    last: std::time::Instant,
}

impl Stages {
    fn new() -> Stages {
        Stages {
            on: crate::timings::on(),
            last: std::time::Instant::now(),
        }
    }

    /// A stage timed elsewhere ends now.
    fn skip(&mut self) {
        self.last = std::time::Instant::now();
    }

    /// The stage `name` ends now.
    fn mark(&mut self, name: &'static str) {
        if self.on {
            let now = std::time::Instant::now();
            crate::timings::add(name, now - self.last);
            self.last = now;
        }
    }
}

/// The size of the input, when every part of it is a file.
fn input_size(inputs: &[Input], jsonl: &[PathBuf]) -> Option<u64> {
    let size = |p: &Path| {
        std::fs::metadata(p)
            .ok()
            .filter(|m| m.is_file())
            .map(|m| m.len())
    };
    let mut total = 0;
    for i in inputs {
        match &i.source {
            Source::File(p) => total += size(p).unwrap_or(0),
            Source::Stdin => return None,
        }
    }
    for p in jsonl {
        if p.as_os_str() == "-" {
            return None;
        }
        total += size(p).unwrap_or(0);
    }
    Some(total)
}

/// The thread count: `--jobs` capped at the number of cores (more threads
/// than cores only add overhead, and a huge count would take hours to
/// start).
fn threads(jobs: Option<usize>, report: &Reporter, quiet: bool) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    match jobs {
        None | Some(0) => cores,
        Some(n) if n > cores => {
            if !quiet {
                report.warning(&format!(
                    "--jobs {n} is more than the {cores} cores here; using {cores}"
                ));
            }
            cores
        }
        Some(n) => n,
    }
}

/// Merge `b` into `a` or `a` into `b`, whichever moves less.
fn union(a: Graph, b: Graph) -> Graph {
    let size = |g: &Graph| g.nodes.len() + g.edges.len() + g.articles.len();
    let (mut big, small) = if size(&a) >= size(&b) { (a, b) } else { (b, a) };
    big.merge(small);
    big
}

/// Refuse flags that do not go together, before any work.
fn check_flags(args: &ExtractArgs) -> Result<()> {
    let emit = match args.emit {
        Emit::Graph => return Ok(()),
        Emit::Line => "--emit line",
        Emit::Graphs => "--emit graphs",
    };
    if args.format != super::args::GraphFormat::Json {
        return Err(Error::Other(format!(
            "{emit} writes JSON lines: it does not go with --format {}",
            super::format_of(args.format).as_str()
        )));
    }
    if args.into.is_some() {
        return Err(Error::Other(format!(
            "{emit} does not go with --into (merge the lines into the graph with newsgraph merge)"
        )));
    }
    if args.emit == Emit::Graphs && args.fix.corrections.is_some() {
        return Err(Error::Other(
            "--emit graphs does not go with --corrections: give them to the newsgraph merge that reads the lines"
                .into(),
        ));
    }
    Ok(())
}

/// Run `extract`.
///
/// With `--into`, the graph is read first (a damaged graph fails before any
/// work), the articles are extracted, and then, holding the lock on
/// `GRAPH.json.lock`, the graph is read again, merged and written: a writer
/// that waited for the lock merges into what the one before it wrote, so
/// concurrent writers never lose an article.
pub fn run(args: ExtractArgs, report: &Reporter) -> Result<Code> {
    let mut stages = Stages::new();
    // Validate everything that can fail before reading any article.
    check_flags(&args)?;
    let lexicon = match &args.data {
        Some(dir) => Lexicon::from_dir(dir)?,
        None => Lexicon::embedded(),
    };
    let into = args.into.as_deref();
    let (inputs, mut errors) = collect_inputs(&args.paths);
    let stdin_texts = inputs.iter().any(|i| matches!(i.source, Source::Stdin));
    let stdin_lines = args.jsonl.iter().filter(|p| p.as_os_str() == "-").count();
    if stdin_lines + usize::from(stdin_texts) > 1 {
        return Err(Error::Other(format!(
            "{STDIN_NAME}: standard input can be read once: give - once, as a PATH or to --jsonl"
        )));
    }
    if let Some(out) = into.or(args.output.as_deref()) {
        refuse_input_as_output(
            out,
            inputs
                .iter()
                .filter_map(|i| match &i.source {
                    Source::File(p) => Some(p.as_path()),
                    Source::Stdin => None,
                })
                .chain(args.jsonl.iter().map(PathBuf::as_path)),
        )?;
    }
    // A JSON lines file that is not there is reported, like a missing file.
    let mut jsonl = Vec::new();
    for p in &args.jsonl {
        match std::fs::metadata(p) {
            Err(e) if p.as_os_str() != "-" => errors.push(Error::io(p, e)),
            _ => jsonl.push(p.clone()),
        }
    }
    let exists = |p: &std::path::Path| real_target(p).is_ok_and(|t| t.exists());
    // Bad corrections and a damaged graph fail before any article is read.
    let fix = args
        .fix
        .corrections
        .as_deref()
        .map(|f| super::correct::read(f).map(|c| (f, c)))
        .transpose()?;
    let existing = match into {
        Some(p) if exists(p) => load_graph(p)?,
        _ => Graph::default(),
    };
    let n_threads = threads(args.jobs, report, args.quiet);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(n_threads)
        .build()
        .map_err(|e| Error::Other(format!("cannot start threads: {e}")))?;

    // Made now, so that an unwritable output fails before the work.
    let format = super::format_of(args.format);
    let sink = match into {
        Some(p) => Sink::File(Output::create(p)?),
        None => Sink::for_format(args.output.as_deref(), format)?,
    };
    for e in &errors {
        report.error(e);
    }
    let limit = Limit {
        bytes: args.max_article_bytes,
        flag: "--max-article-bytes",
    };
    let stdin: Stdin = stdin_texts.then(|| read_stdin(limit).map_err(|e| super::describe(&e)));
    let work = Work {
        inputs: &inputs,
        stdin: &stdin,
        lexicon: &lexicon,
        limit,
    };
    let jobs = Jobs {
        files: 0..inputs.len(),
        jsonl: jsonl.iter(),
        open: None,
        limit,
        seq: 0,
    };
    let progress = Progress::new(args.quiet, jsonl.is_empty().then_some(inputs.len()), || {
        input_size(&inputs, &jsonl)
    });

    if args.emit == Emit::Graphs {
        let mut out = sink.open()?;
        let (read, failed) = pool.install(|| {
            emit_graphs(
                &work,
                jobs,
                n_threads * BATCH_PER_THREAD,
                &progress,
                &mut out,
                report,
                args.quiet,
            )
        })?;
        progress.finish();
        let failed = failed || !errors.is_empty();
        if read == 0 && failed {
            return Ok(Code::Error);
        }
        out.finish()?;
        return Ok(if failed { Code::Error } else { Code::Ok });
    }

    stages.mark("start: lexicon, inputs, output");
    let (mut graph, records, repeats, seen) =
        pool.install(|| extract_all(&work, jobs, n_threads, &progress, &mut stages));
    progress.finish();

    // Repeated texts: their ids join the graph when the first worked.
    let mut records = records;
    for r in repeats {
        match seen.get(&r.digest) {
            Some(Some(Ok(()))) => {
                graph.merge(id_only(&r.label, &r.digest));
                records.push(Record {
                    seq: r.seq,
                    warning: r.warning,
                    error: None,
                });
            }
            Some(Some(Err(why))) => records.push(Record {
                seq: r.seq,
                warning: None,
                error: Some(Error::Other(format!("{}: {why}", r.display))),
            }),
            _ => unreachable!("every article is done when the pool returns"),
        }
    }
    let (read, failed) = report_records(records, report, args.quiet);
    let failed = failed || !errors.is_empty();
    // Never replace a graph with nothing because every input failed.
    if read == 0 && failed {
        return Ok(Code::Error);
    }
    // Corrections by hand join the graph's own; those that name nothing are
    // reported.
    let correct = |graph: &mut Graph| -> Result<()> {
        if let Some((file, fix)) = &fix {
            let fresh = super::correct::new_in(&existing, fix);
            let target = into.map_or(String::new(), |p| p.display().to_string());
            super::correct::add(graph, fix.clone(), file, &target)?;
            if !args.quiet {
                super::correct::warn_unmatched(graph, &fresh, file, report);
            }
        }
        Ok(())
    };
    let _lock = match into {
        Some(p) => {
            let lock = GraphLock::acquire(p)?;
            remove_stale(p);
            if exists(p) {
                graph = union(graph, load_graph(p)?);
            }
            Some(lock)
        }
        None => None,
    };
    correct(&mut graph)?;
    stages.mark("merge the input graph and corrections");
    // On the pool: resolve builds the nodes beside the edges.
    let view = pool.install(|| into_view(graph));
    stages.skip(); // the resolver times itself
    if args.emit == Emit::Line {
        let mut out = sink.open()?;
        let r = json::write_line(&view, &mut out);
        out.check(r)?;
        out.finish()?;
    } else {
        // On the pool: the JSON of the nodes and edges is made in parallel.
        pool.install(|| sink.finish_view(format, &view))?;
    }
    stages.mark("write");
    // The output is in place: the operating system frees the memory faster
    // than dropping every string of the graph one by one would.
    std::mem::forget(view);
    std::mem::forget(existing);
    Ok(if failed { Code::Error } else { Code::Ok })
}

/// Print the warnings and errors of the inputs in input order; the number
/// of articles read and whether any failed.
fn report_records(mut records: Vec<Record>, report: &Reporter, quiet: bool) -> (usize, bool) {
    records.sort_by_key(|r| r.seq);
    let (mut read, mut failed) = (0, false);
    for r in records {
        if let Some(w) = r.warning.filter(|_| !quiet) {
            report.warning(&w);
        }
        match r.error {
            Some(e) => {
                report.error(&e);
                failed = true;
            }
            None => read += 1,
        }
    }
    (read, failed)
}

/// Extract every article, each worker merging into a graph of its own;
/// then the workers' graphs merged. Repeated texts are not extracted: they
/// come back as [`Repeat`]s, to settle once every article is done.
fn extract_all(
    work: &Work<'_>,
    jobs: Jobs<'_>,
    n_threads: usize,
    progress: &Progress,
    stages: &mut Stages,
) -> (Graph, Vec<Record>, Vec<Repeat>, Seen) {
    let (stages_on, merge_ns) = (stages.on, AtomicU64::new(0));
    let graphs: Vec<Mutex<Graph>> = (0..n_threads.max(1))
        .map(|_| Mutex::new(Graph::default()))
        .collect();
    let records = Mutex::new(Vec::new());
    let repeats = Mutex::new(Vec::new());
    let seen: Mutex<Seen> = Mutex::new(HashMap::new());
    jobs.par_bridge().for_each(|(seq, job)| {
        let (prepared, bytes) = work.prepare(job);
        match prepared {
            Err(e) => lock(&records).push(Record {
                seq,
                warning: None,
                error: Some(e),
            }),
            Ok(p) => {
                let digest = p.article.digest.clone();
                let first = {
                    let mut seen = lock(&seen);
                    let new = !seen.contains_key(&digest);
                    if new {
                        seen.insert(digest.clone(), None);
                    }
                    new
                };
                if !first {
                    let warning = warning_of(&p.warning, &p.display);
                    lock(&repeats).push(Repeat {
                        seq,
                        label: p.article.label.clone(),
                        digest,
                        display: p.display,
                        warning,
                    });
                } else {
                    let outcome = extract_one(&p.article, work.lexicon);
                    let record = match outcome {
                        Ok(g) => {
                            let me = rayon::current_thread_index().unwrap_or(0) % graphs.len();
                            let t = stages_on.then(std::time::Instant::now);
                            lock(&graphs[me]).merge(g);
                            if let Some(t) = t {
                                merge_ns
                                    .fetch_add(t.elapsed().as_nanos() as u64, Ordering::Relaxed);
                            }
                            lock(&seen).insert(digest, Some(Ok(())));
                            Record {
                                seq,
                                warning: warning_of(&p.warning, &p.display),
                                error: None,
                            }
                        }
                        Err(why) => {
                            let error = Error::Other(format!("{}: {why}", p.display));
                            lock(&seen).insert(digest, Some(Err(why)));
                            Record {
                                seq,
                                warning: None,
                                error: Some(error),
                            }
                        }
                    };
                    lock(&records).push(record);
                }
            }
        }
        progress.tick(bytes);
    });
    stages.mark("read and extract (in parallel)");
    if stages.on {
        let ns = merge_ns.load(Ordering::Relaxed);
        crate::timings::add(
            "of which merging in the workers (CPU)",
            std::time::Duration::from_nanos(ns),
        );
    }
    let graph = graphs
        .into_par_iter()
        .map(inner)
        .reduce(Graph::default, union);
    stages.mark("merge the workers' graphs");
    (graph, inner(records), inner(repeats), inner(seen))
}

fn inner<T>(m: Mutex<T>) -> T {
    m.into_inner().unwrap_or_else(|e| e.into_inner())
}

/// A decoding warning, naming the input.
fn warning_of(warning: &Option<String>, display: &str) -> Option<String> {
    warning.as_ref().map(|w| format!("{display}: {w}"))
}

/// The JSON line of an extracted article, or why there is none.
type LineOutcome = std::result::Result<Vec<u8>, String>;

/// `--emit graphs`: one graph per article, a JSON line each, in input
/// order. Returns the number of articles written and whether any failed.
fn emit_graphs(
    work: &Work<'_>,
    mut jobs: Jobs<'_>,
    batch: usize,
    progress: &Progress,
    out: &mut super::io::Stream,
    report: &Reporter,
    quiet: bool,
) -> Result<(usize, bool)> {
    let mut seen: Seen = HashMap::new();
    let (mut read, mut failed) = (0, false);
    loop {
        let jobs: Vec<(usize, Job)> = jobs.by_ref().take(batch.max(1)).collect();
        if jobs.is_empty() {
            return Ok((read, failed));
        }
        let prepared: Vec<(usize, Result<Prepared>, u64)> = jobs
            .into_par_iter()
            .map(|(seq, job)| {
                let (p, bytes) = work.prepare(job);
                (seq, p, bytes)
            })
            .collect();
        // Which articles repeat an earlier text: decided in input order, so
        // that the lines do not depend on which thread came first.
        let steps: Vec<(Result<Prepared>, u64, bool)> = prepared
            .into_iter()
            .map(|(_, p, bytes)| {
                let first = match &p {
                    Ok(p) if !seen.contains_key(&p.article.digest) => {
                        seen.insert(p.article.digest.clone(), None);
                        true
                    }
                    _ => false,
                };
                (p, bytes, first)
            })
            .collect();
        let done: Vec<(Result<Prepared>, Option<LineOutcome>)> = steps
            .into_par_iter()
            .map(|(p, bytes, first)| {
                let line = match (&p, first) {
                    (Ok(p), true) => Some(extract_one(&p.article, work.lexicon).map(|g| {
                        let mut line = Vec::new();
                        json::write_line(&into_view(g), &mut line)
                            .expect("writing to memory cannot fail");
                        line
                    })),
                    _ => None,
                };
                progress.tick(bytes);
                (p, line)
            })
            .collect();
        let mut records = Vec::new();
        let mut lines = Vec::new();
        for (seq, (p, line)) in done.into_iter().enumerate() {
            let p = match p {
                Ok(p) => p,
                Err(e) => {
                    records.push(Record {
                        seq,
                        warning: None,
                        error: Some(e),
                    });
                    continue;
                }
            };
            let digest = p.article.digest.clone();
            let line = match line {
                Some(l) => {
                    seen.insert(digest, Some(l.as_ref().map(|_| ()).map_err(Clone::clone)));
                    l
                }
                // A repeat: its first is in this batch or an earlier one,
                // and done.
                None => match seen.get(&digest) {
                    Some(Some(Ok(()))) => {
                        let mut line = Vec::new();
                        json::write_line(&into_view(id_only(&p.article.label, &digest)), &mut line)
                            .expect("writing to memory cannot fail");
                        Ok(line)
                    }
                    Some(Some(Err(why))) => Err(why.clone()),
                    _ => unreachable!("a repeat comes after its first"),
                },
            };
            match line {
                Ok(line) => {
                    lines.extend_from_slice(&line);
                    records.push(Record {
                        seq,
                        warning: warning_of(&p.warning, &p.display),
                        error: None,
                    });
                }
                Err(why) => records.push(Record {
                    seq,
                    warning: None,
                    error: Some(Error::Other(format!("{}: {why}", p.display))),
                }),
            }
        }
        // With the bar out of the way: the lines may go to the terminal too.
        let (r, f) = progress.suspend(|| {
            let w = out.write_all(&lines).and_then(|()| out.flush());
            out.check(w)
                .map(|()| report_records(records, report, quiet))
        })?;
        read += r;
        failed |= f;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Port talks stall\n\nGDANSK, May 2 (UPI) -- Polish Transport Minister Ewa Nowak said the port talks had stalled.\n";

    #[test]
    fn a_repeat_adds_what_extracting_it_again_would() {
        let lexicon = Lexicon::embedded();
        let graph = |label: &str| {
            let article = Article::from_bytes(label, STORY.as_bytes()).unwrap().0;
            extract_one(&article, &lexicon).unwrap()
        };
        let digest = crate::text::digest(STORY.as_bytes());
        for (first, again) in [("b", "a"), ("a", "b")] {
            let mut twice = graph(first);
            twice.merge(graph(again));
            let mut once = graph(first);
            once.merge(id_only(again, &digest));
            assert_eq!(once, twice);
            assert_eq!(once.articles[&digest].id, "a");
        }
    }

    #[test]
    fn json_lines_are_read_one_job_a_line() {
        let dir = std::env::temp_dir().join(format!("newsgraph-jobs-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("in.jsonl");
        let long = format!("{{\"id\": \"x\", \"text\": \"{}\"}}", "a".repeat(100));
        std::fs::write(&file, format!("\u{feff}{{\"id\": 1}}\n\n  \n{long}\n{{}}")).unwrap();
        let files = [file.clone()];
        let jobs = Jobs {
            files: 0..0,
            jsonl: files.iter(),
            open: None,
            limit: Limit {
                bytes: 64,
                flag: "--max-article-bytes",
            },
            seq: 0,
        };
        let got: Vec<(usize, String)> = jobs
            .map(|(seq, job)| {
                let what = match job {
                    Job::Line { line, bytes, .. } => {
                        format!("{line}: {}", String::from_utf8(bytes).unwrap())
                    }
                    Job::Bad(e) => e.to_string(),
                    Job::File(_) => unreachable!(),
                };
                (seq, what)
            })
            .collect();
        let name = file.display();
        assert_eq!(
            got,
            [
                (0, "1: {\"id\": 1}".to_string()),
                (
                    1,
                    format!(
                        "{name}: line 4: 123 bytes, more than the limit of 64 bytes (raise it with --max-article-bytes)"
                    )
                ),
                (2, "5: {}".to_string()),
            ]
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
}
