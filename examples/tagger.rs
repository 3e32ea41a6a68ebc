//! Train, check, score and time the part-of-speech tagger.
//!
//! ```sh
//! cargo run --release --example tagger -- train              # writes data/tagger.bin
//! cargo run --release --example tagger -- train --check      # retrains; fails unless data/tagger.bin is identical
//! cargo run --release --example tagger -- eval               # UPOS accuracy on the dev files
//! cargo run --release --example tagger -- eval --split test  # ... on the test files (report once)
//! cargo run --release --example tagger -- bench              # tokens/s of tagging alone, one thread
//! ```
//!
//! `--ud DIR` names the treebank folder (default `../shared/ud`), `--model
//! FILE` the model (default `data/tagger.bin`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use newsgraph::tag::conllu::{self, Sentence};
use newsgraph::tag::train::{self, Options};
use newsgraph::tag::{Model, Tagger};

const TRAIN: [&str; 2] = ["en_ewt-ud-train.conllu", "en_gum-ud-train.conllu"];

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let command = args.next().unwrap_or_default();
    let mut ud = PathBuf::from("../shared/ud");
    let mut model = PathBuf::from("data/tagger.bin");
    let mut split = "dev".to_string();
    let mut check = false;
    let mut opts = Options::default();
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--ud" => ud = value()?.into(),
            "--model" => model = value()?.into(),
            "--split" => split = value()?,
            "--epochs" => opts.epochs = value()?.parse().map_err(|e| format!("--epochs: {e}"))?,
            "--min-count" => {
                opts.min_count = value()?.parse().map_err(|e| format!("--min-count: {e}"))?
            }
            "--class-min" => {
                opts.class_min = value()?.parse().map_err(|e| format!("--class-min: {e}"))?
            }
            "--class-share" => {
                opts.class_share = value()?
                    .parse()
                    .map_err(|e| format!("--class-share: {e}"))?
            }
            "--check" => check = true,
            _ => return Err(format!("unknown argument {a:?} (see examples/tagger.rs)")),
        }
    }
    match command.as_str() {
        "train" => train_model(&ud, &model, &opts, check),
        "eval" => eval(&ud, &model, &split),
        "bench" => bench(&ud, &model),
        _ => Err("usage: tagger train [--check] | eval [--split dev|test] | bench  [--ud DIR] [--model FILE]".into()),
    }
}

fn read(ud: &Path, file: &str) -> Result<Vec<Sentence>, String> {
    conllu::read(&ud.join(file)).map_err(|e| e.to_string())
}

fn load(model: &Path) -> Result<Tagger, String> {
    let bytes = std::fs::read(model).map_err(|e| format!("{}: {e}", model.display()))?;
    Model::from_bytes(&bytes)
        .map(Tagger::new)
        .map_err(|e| format!("{}: {e}", model.display()))
}

fn train_model(ud: &Path, model: &Path, opts: &Options, check: bool) -> Result<(), String> {
    let mut data = Vec::new();
    for f in TRAIN {
        data.extend(read(ud, f)?);
    }
    let words: usize = data.iter().map(|s| s.words.len()).sum();
    eprintln!(
        "training on {} sentences, {words} words ({opts:?})",
        data.len()
    );
    let start = Instant::now();
    let weights = train::train(&data, opts, |epoch, acc| {
        eprintln!(
            "  pass {epoch}: {:.2}% of training words right",
            acc * 100.0
        );
    });
    let bytes = Model::to_bytes(&weights);
    eprintln!(
        "{} features, {} bytes, in {:.1} s",
        weights.features.len(),
        bytes.len(),
        start.elapsed().as_secs_f64()
    );
    if check {
        let committed = std::fs::read(model).map_err(|e| format!("{}: {e}", model.display()))?;
        if committed != bytes {
            return Err(format!("retraining does not reproduce {}", model.display()));
        }
        eprintln!("{} is reproduced byte for byte", model.display());
        return Ok(());
    }
    std::fs::write(model, &bytes).map_err(|e| format!("{}: {e}", model.display()))?;
    eprintln!("wrote {}", model.display());
    Ok(())
}

fn eval(ud: &Path, model: &Path, split: &str) -> Result<(), String> {
    let tagger = load(model)?;
    for bank in ["en_ewt", "en_gum"] {
        let data = read(ud, &format!("{bank}-ud-{split}.conllu"))?;
        let pct = |(r, a): (usize, usize)| 100.0 * r as f64 / a.max(1) as f64;
        let gold = train::accuracy(&tagger, &data);
        let own = train::accuracy_own_tokens(&tagger, &data);
        println!(
            "{bank} {split}: UPOS {:.2}% with gold tokens ({} words), {:.2}% with newsgraph's tokens",
            pct(gold),
            gold.1,
            pct(own)
        );
    }
    Ok(())
}

fn bench(ud: &Path, model: &Path) -> Result<(), String> {
    let tagger = load(model)?;
    let mut sents: Vec<Vec<String>> = Vec::new();
    for f in ["en_ewt-ud-dev.conllu", "en_gum-ud-dev.conllu"] {
        sents.extend(
            read(ud, f)?
                .into_iter()
                .map(|s| s.words.into_iter().map(|(w, _)| w).collect()),
        );
    }
    let sents: Vec<Vec<&str>> = sents
        .iter()
        .map(|s| s.iter().map(String::as_str).collect())
        .collect();
    let words: usize = sents.iter().map(Vec::len).sum();
    // a first pass fills the word cache, as a long run would
    let cold = Instant::now();
    let mut tags = 0usize;
    for s in &sents {
        tags += tagger.tag(s).len();
    }
    let cold = cold.elapsed().as_secs_f64();
    let rounds = 20;
    let warm = Instant::now();
    for _ in 0..rounds {
        for s in &sents {
            tags += tagger.tag(s).len();
        }
    }
    let warm = warm.elapsed().as_secs_f64();
    println!(
        "tagging {words} words: first pass {:.0} tokens/s (cache filling), then {:.0} tokens/s over {rounds} passes, one thread ({tags} tags)",
        words as f64 / cold,
        (words * rounds) as f64 / warm
    );
    Ok(())
}
