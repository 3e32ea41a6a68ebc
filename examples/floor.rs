//! The floor of extraction, for `benches/bench.sh`: what any extractor of
//! this corpus must do at least, and nothing more. It reads every `*.txt`
//! file below the directories given, decodes it and lays it out as
//! `newsgraph extract` does ([`Article::from_bytes`]: digest, paragraphs,
//! sentences), tokenises every sentence ([`tokenize`]), and finds every
//! gazetteer name in the text with one Aho-Corasick automaton over the
//! names of the built-in tables (nations with their short forms, demonyms
//! and capitals, organizations with their aliases, regions), keeping the
//! matches that start and end on word boundaries. The lexicon is built as
//! `extract` builds it ([`Lexicon::embedded`]), so start-up counts too.
//!
//! ```sh
//! cargo run --release --example floor -- ../shared/corpus/bbc          # all cores
//! cargo run --release --example floor -- -j 1 ../shared/corpus/bbc     # one thread
//! ```
//!
//! It prints one line: articles, bytes read, sentences, tokens, name matches.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use aho_corasick::{AhoCorasick, MatchKind};
use rayon::prelude::*;

use newsgraph::Lexicon;
use newsgraph::text::{Article, tokenize};

/// The gazetteer tables whose names the automaton looks for, as shipped.
const NATIONS: &str = include_str!("../data/nations.tsv");
const ORGANIZATIONS: &str = include_str!("../data/organizations.tsv");
const REGIONS: &str = include_str!("../data/regions.txt");

fn main() -> ExitCode {
    let mut jobs = None;
    let mut dirs = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "-j" | "--jobs" => jobs = args.next().and_then(|n| n.parse::<usize>().ok()),
            "-h" | "--help" => {
                eprintln!("usage: floor [-j N] DIR...");
                return ExitCode::SUCCESS;
            }
            _ => dirs.push(PathBuf::from(a)),
        }
    }
    if dirs.is_empty() {
        eprintln!("usage: floor [-j N] DIR...");
        return ExitCode::from(2);
    }
    let mut files = Vec::new();
    for d in &dirs {
        if let Err(e) = walk(d, &mut files) {
            eprintln!("error: {}: {e}", d.display());
            return ExitCode::from(2);
        }
    }
    files.sort();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .build()
        .expect("threads start");

    let lexicon = Lexicon::embedded();
    let names = gazetteer(&lexicon);
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&names)
        .expect("the automaton builds");

    let totals = pool.install(|| {
        files
            .par_iter()
            .map(|f| one(f, &ac))
            .reduce(|| [0; 5], |a, b| std::array::from_fn(|i| a[i] + b[i]))
    });
    println!(
        "articles {} bytes {} sentences {} tokens {} matches {} (names {})",
        totals[0],
        totals[1],
        totals[2],
        totals[3],
        totals[4],
        names.len()
    );
    ExitCode::SUCCESS
}

/// Every name form of the nation, organization and region tables.
fn gazetteer(lexicon: &Lexicon) -> Vec<String> {
    let mut names: Vec<String> = lexicon
        .nations
        .iter()
        .map(|n| n.name.clone())
        .chain(lexicon.organizations.iter().map(|o| o.name.clone()))
        .collect();
    let rows = |text: &'static str, columns: &'static [usize]| {
        text.lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with('['))
            .flat_map(move |l| {
                let cols: Vec<&str> = l.split('\t').collect();
                columns
                    .iter()
                    .filter_map(move |&c| cols.get(c).copied())
                    .flat_map(|c| c.split(';'))
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
    };
    names.extend(rows(NATIONS, &[0, 1, 2, 3]));
    names.extend(rows(ORGANIZATIONS, &[0, 1]));
    names.extend(rows(REGIONS, &[0]));
    names.sort();
    names.dedup();
    names
}

/// Read, lay out, tokenise and match one file: [articles, bytes, sentences,
/// tokens, matches].
fn one(path: &Path, ac: &AhoCorasick) -> [usize; 5] {
    let Ok(bytes) = std::fs::read(path) else {
        return [0; 5];
    };
    let Ok((article, _)) = Article::from_bytes("floor", &bytes) else {
        return [0, bytes.len(), 0, 0, 0];
    };
    let tokens: usize = article
        .sentences
        .iter()
        .map(|s| tokenize(&article.text, s.span).len())
        .sum();
    let text = article.text.as_str();
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let matches = ac
        .find_iter(text)
        .filter(|m| {
            !word(text[..m.start()].chars().next_back()) && !word(text[m.end()..].chars().next())
        })
        .count();
    [1, bytes.len(), article.sentences.len(), tokens, matches]
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
    Ok(())
}
