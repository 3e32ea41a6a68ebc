//! `--corrections FILE`: read a correction file and add it to a graph's
//! stored corrections, refusing a contradiction and warning about
//! corrections that name nothing in the graph.

use std::path::Path;

use super::Reporter;
use crate::error::{Error, Result};
use crate::graph::{Corrections, Graph, unmatched};

/// How many corrections a warning lists by name.
const LISTED: usize = 3;

/// Read a correction file.
pub fn read(path: &Path) -> Result<Corrections> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = String::from_utf8(bytes).map_err(|_| Error::Data {
        table: path.display().to_string(),
        line: 0,
        reason: "not UTF-8".into(),
    })?;
    Corrections::from_tsv(&text, &path.display().to_string())
}

/// The corrections of `fix` the graph does not store yet.
pub fn new_in(graph: &Graph, fix: &Corrections) -> Corrections {
    let mut fresh = Corrections::default();
    for c in fix.iter() {
        let mut one = Corrections::default();
        one.insert(c.clone());
        let mut with = graph.corrections.clone();
        let before = with.len();
        with.merge(one);
        if with.len() > before {
            fresh.insert(c);
        }
    }
    fresh
}

/// Add `fix`, read from `file`, to the corrections `graph` (read from
/// `graph_name`) stores. A `same` and a `not` on one pair, one from each, is
/// an error naming both.
pub fn add(graph: &mut Graph, fix: Corrections, file: &Path, graph_name: &str) -> Result<()> {
    let mut all = graph.corrections.clone();
    all.merge(fix.clone());
    if let Some((same, not)) = all.contradiction() {
        let from_file = |c: &crate::graph::Correction| {
            let mut one = Corrections::default();
            one.insert(c.clone());
            new_in(graph, &one).len() == 1
        };
        let place = |c: &crate::graph::Correction| {
            if from_file(c) {
                file.display().to_string()
            } else {
                format!("stored in {graph_name}")
            }
        };
        return Err(Error::Other(format!(
            "{}: {not} ({}) contradicts {same} ({}): one pair cannot be one entity and two",
            file.display(),
            place(&not),
            place(&same)
        )));
    }
    graph.corrections = all;
    Ok(())
}

/// Warn about the corrections of `fresh` that name nothing in `graph`.
pub fn warn_unmatched(graph: &Graph, fresh: &Corrections, file: &Path, report: &Reporter) {
    let idle = unmatched(graph, fresh);
    if idle.is_empty() {
        return;
    }
    let mut list: Vec<String> = idle.iter().take(LISTED).map(|c| c.to_string()).collect();
    if idle.len() > LISTED {
        list.push(format!("and {} more", idle.len() - LISTED));
    }
    report.warning(&format!(
        "{}: {} of {} corrections name nothing in this graph: {}",
        file.display(),
        idle.len(),
        fresh.len(),
        list.join(", ")
    ));
}

/// Load a graph for a query, with the corrections of `file` added (and
/// checked) when given.
pub fn load(path: &Path, file: Option<&Path>) -> Result<Graph> {
    let mut graph = super::io::load_graph(path)?;
    if let Some(file) = file {
        let fix = read(file)?;
        let fresh = new_in(&graph, &fix);
        add(&mut graph, fix, file, &path.display().to_string())?;
        warn_unmatched(&graph, &fresh, file, &Reporter);
    }
    Ok(graph)
}
