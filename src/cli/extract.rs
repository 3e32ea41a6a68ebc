//! `newsgraph extract`: read articles in parallel, extract, merge in input
//! order, write.

use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::{IntoParallelRefIterator, ParallelIterator};

use super::args::ExtractArgs;
use super::io::{Input, Source, collect_inputs, emit, load_graph, read_stdin};
use super::{Code, Reporter};
use crate::error::{Error, Result};
use crate::graph::{Graph, resolve};
use crate::lexicon::Lexicon;
use crate::text::Article;

/// More files than this and a terminal on stderr: show a counter.
const PROGRESS_ABOVE: usize = 50;

/// What became of one input.
type Outcome = Result<(Graph, Option<String>)>;

fn process(input: &Input, stdin: Option<&[u8]>, lexicon: &Lexicon) -> Outcome {
    let owned;
    let bytes = match (&input.source, stdin) {
        (Source::Stdin, Some(b)) => b,
        _ => {
            owned = input.read()?;
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

/// Run `extract`.
pub fn run(args: ExtractArgs, report: &Reporter) -> Result<Code> {
    // Validate everything that can fail before reading any article.
    let lexicon = match &args.data {
        Some(dir) => Lexicon::from_dir(dir)?,
        None => Lexicon::embedded(),
    };
    let mut graph = match &args.into {
        Some(p) if p.exists() => load_graph(p)?,
        _ => Graph::default(),
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .map_err(|e| Error::Other(format!("cannot start threads: {e}")))?;

    let (inputs, errors) = collect_inputs(&args.paths);
    let mut failed = !errors.is_empty();
    for e in &errors {
        report.error(e);
    }
    let stdin = if inputs.iter().any(|i| matches!(i.source, Source::Stdin)) {
        Some(read_stdin()?)
    } else {
        None
    };
    let progress = Progress::new(inputs.len(), args.quiet);
    let outcomes: Vec<Outcome> = pool.install(|| {
        inputs
            .par_iter()
            .map(|input| {
                let out = process(input, stdin.as_deref(), &lexicon);
                progress.tick();
                out
            })
            .collect()
    });
    progress.finish();

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
    // Never replace a graph with nothing because every input failed.
    if read == 0 && failed {
        return Ok(Code::Error);
    }
    let view = resolve(&graph);
    let format = super::format_of(args.format);
    emit(
        args.into.as_deref().or(args.output.as_deref()),
        &format.render(&view),
    )?;
    Ok(if failed { Code::Error } else { Code::Ok })
}
