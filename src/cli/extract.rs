//! `newsgraph extract`: read articles in parallel, extract, merge in input
//! order, write.

use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::{IntoParallelRefIterator, ParallelIterator};

use super::args::ExtractArgs;
use super::io::{Input, Limit, Sink, Source, collect_inputs, load_graph, read_stdin};
use super::write::{GraphLock, Output, real_target, refuse_input_as_output, remove_stale};
use super::{Code, Reporter};
use crate::error::{Error, Result};
use crate::graph::{Graph, resolve};
use crate::lexicon::Lexicon;
use crate::text::Article;

/// More files than this and a terminal on stderr: show a counter.
const PROGRESS_ABOVE: usize = 50;

/// What became of one input.
type Outcome = Result<(Graph, Option<String>)>;

/// Standard input, read once: its bytes or why it could not be read.
type Stdin = Option<std::result::Result<Vec<u8>, String>>;

fn process(input: &Input, stdin: &Stdin, lexicon: &Lexicon, limit: Limit) -> Outcome {
    let owned;
    let bytes = match (&input.source, stdin) {
        (Source::Stdin, Some(Ok(b))) => &b[..],
        (Source::Stdin, Some(Err(why))) => return Err(Error::Other(why.clone())),
        _ => {
            owned = input.read(limit)?;
            &owned[..]
        }
    };
    let (article, warning) = Article::from_bytes(&input.label, bytes).map_err(|e| {
        // Name the file, once.
        let msg = e.to_string();
        let prefix = format!("{}: ", input.label);
        Error::Other(format!(
            "{}: {}",
            input.display,
            msg.strip_prefix(&prefix).unwrap_or(&msg)
        ))
    })?;
    // A bug in a rule must cost one article, not the batch: report it and go on.
    // So must an article that needs more work than its length allows.
    let budget = crate::extract::budget_for_len(article.text.len());
    let graph = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        crate::extract::extract_within(&article, lexicon, budget)
    }))
    .map_err(|_| {
        Error::Other(format!(
            "{}: internal error while extracting this article (a bug: please report it with the file)",
            input.display
        ))
    })?
    .map_err(|over| Error::Other(format!("{}: {over}", input.display)))?;
    Ok((graph.0, warning))
}

/// A one-line counter on stderr, only when it is a terminal.
struct Progress {
    total: usize,
    done: AtomicUsize,
    shown: Mutex<usize>,
    on: bool,
}

impl Progress {
    fn new(total: usize, quiet: bool) -> Progress {
        let on = !quiet && total > PROGRESS_ABOVE && std::io::stderr().is_terminal();
        Progress {
            total,
            done: AtomicUsize::new(0),
            shown: Mutex::new(0),
            on,
        }
    }

    fn tick(&self) {
        if !self.on {
            return;
        }
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        let mut shown = self.shown.lock().unwrap_or_else(|e| e.into_inner());
        if done > *shown && (done - *shown > self.total / 100 || done == self.total) {
            *shown = done;
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\rextracting {done}/{} articles", self.total);
            let _ = err.flush();
        }
    }

    fn finish(&self) {
        if self.on {
            let _ = write!(std::io::stderr().lock(), "\r\x1b[2K");
        }
    }
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

/// Run `extract`.
///
/// With `--into`, the graph is read first (a damaged graph fails before any
/// work), the articles are extracted, and then, holding the lock on
/// `GRAPH.json.lock`, the graph is read again, merged and written: a writer
/// that waited for the lock merges into what the one before it wrote, so
/// concurrent writers never lose an article.
pub fn run(args: ExtractArgs, report: &Reporter) -> Result<Code> {
    // Validate everything that can fail before reading any article.
    let lexicon = match &args.data {
        Some(dir) => Lexicon::from_dir(dir)?,
        None => Lexicon::embedded(),
    };
    let into = args.into.as_deref();
    let (inputs, errors) = collect_inputs(&args.paths);
    if let Some(out) = into.or(args.output.as_deref()) {
        refuse_input_as_output(
            out,
            inputs.iter().filter_map(|i| match &i.source {
                Source::File(p) => Some(p.as_path()),
                Source::Stdin => None,
            }),
        )?;
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
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads(args.jobs, report, args.quiet))
        .build()
        .map_err(|e| Error::Other(format!("cannot start threads: {e}")))?;

    // Made now, so that an unwritable output fails before the work.
    let sink = match into {
        Some(p) => Sink::File(Output::create(p)?),
        None => Sink::for_format(args.output.as_deref(), super::format_of(args.format))?,
    };
    let mut failed = !errors.is_empty();
    for e in &errors {
        report.error(e);
    }
    let limit = Limit {
        bytes: args.max_article_bytes,
        flag: "--max-article-bytes",
    };
    let stdin: Stdin = inputs
        .iter()
        .any(|i| matches!(i.source, Source::Stdin))
        .then(|| read_stdin(limit).map_err(|e| super::describe(&e)));
    let progress = Progress::new(inputs.len(), args.quiet);
    let timer = crate::timings::stage("extract");
    let outcomes: Vec<Outcome> = pool.install(|| {
        inputs
            .par_iter()
            .map(|input| {
                let out = process(input, &stdin, &lexicon, limit);
                progress.tick();
                out
            })
            .collect()
    });
    progress.finish();
    drop(timer);

    let timer = crate::timings::stage("merge");
    let mut graph = Graph::default();
    let mut read = 0;
    for (input, outcome) in inputs.iter().zip(outcomes) {
        match outcome {
            Ok((g, warning)) => {
                if let Some(w) = warning.filter(|_| !args.quiet) {
                    report.warning(&format!("{}: {w}", input.display));
                }
                graph.merge(g);
                read += 1;
            }
            Err(e) => {
                report.error(&e);
                failed = true;
            }
        }
    }
    drop(timer);
    // Never replace a graph with nothing because every input failed.
    if read == 0 && failed {
        return Ok(Code::Error);
    }
    let format = super::format_of(args.format);
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
    match into {
        Some(p) => {
            let _lock = GraphLock::acquire(p)?;
            remove_stale(p);
            if exists(p) {
                graph.merge(load_graph(p)?);
            }
            correct(&mut graph)?;
            sink.finish_output(super::render_as(format, &resolve(&graph)))?;
        }
        None => {
            correct(&mut graph)?;
            sink.finish_output(super::render_as(format, &resolve(&graph)))?;
        }
    }
    Ok(if failed { Code::Error } else { Code::Ok })
}
