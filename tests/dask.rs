//! newsgraph as the map and the reduce of a Dask job (tests/dask/run.py):
//! the articles as JSON lines in 8 partitions of a `dask.bag`, `extract
//! --jsonl - --emit graphs` mapped over them, a tree of `merge` reducing
//! them; the result must be the bytes of one `extract --jsonl` run, with no
//! sorting step. The script also writes the graph of the directory itself,
//! which must be the same again.
//!
//! Without Python's dask these tests say "skipped" and pass, except under
//! CI (`CI` set), where .ci/run installs it and a missing dask is a failure.
//! tests/mapreduce.rs checks the same property without Dask.

mod common;

use common::TempDir;
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_newsgraph");

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Whether python3 with dask.bag is here; under CI its absence fails.
fn have_dask() -> bool {
    let ok = Command::new("python3")
        .args(["-c", "import dask.bag"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "python3 with dask.bag is missing under CI: .ci/run installs it (pip install 'dask[bag]')"
        );
        eprintln!("skipped: python3 with dask.bag is not installed (pip install 'dask[bag]')");
    }
    ok
}

/// Run the Dask job over the articles below `dir`; then check that its
/// single run is also the graph of the directory read as files.
fn dask_job(dir: &Path) {
    let t = TempDir::new("dask");
    let out = Command::new("python3")
        .arg(root().join("tests/dask/run.py"))
        .arg(BIN)
        .arg(dir)
        .arg(&t.0)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "tests/dask/run.py failed:\n{stdout}\n{stderr}"
    );
    eprintln!("{stdout}");
    assert!(stdout.contains("identical to one run"), "{stdout}");
    for tree in ["dask-2.json", "dask-8.json"] {
        assert_eq!(t.read(tree), t.read("one.json"), "{tree}");
    }
    let files = Command::new(BIN)
        .args(["extract", "-q"])
        .arg(dir)
        .arg("-o")
        .arg(t.path("dir.json"))
        .status()
        .unwrap();
    assert_eq!(files.code(), Some(0));
    assert!(
        t.read("dir.json") == t.read("one.json"),
        "the JSON lines of the articles do not give the graph of their files"
    );
}

/// Our own articles (tests/fixtures/wire and ego: 23 invented stories), so
/// that the job is tested where the BBC corpus is not.
#[test]
fn dask_map_and_merge_tree_give_the_bytes_of_one_run_on_fixture_articles() {
    if !have_dask() {
        return;
    }
    let t = TempDir::new("dask-src");
    for set in ["wire", "ego"] {
        let from = root().join("tests/fixtures").join(set);
        for e in std::fs::read_dir(&from).unwrap() {
            let p = e.unwrap().path();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            t.write(&format!("{set}/{name}"), std::fs::read(&p).unwrap());
        }
    }
    // The same text under a second id, in another partition.
    t.write(
        "wire/zz-repeat.txt",
        std::fs::read(root().join("tests/fixtures/wire/01-tagus-talks.txt")).unwrap(),
    );
    dask_job(&t.0);
}

/// The whole BBC corpus (2,225 articles), from ../shared/corpus/bbc. About
/// half a minute in a release build; .ci/run runs it with
/// `cargo test --release -- --ignored`.
#[test]
#[ignore = "the whole BBC corpus: run in a release build (cargo test --release -- --ignored, as .ci/run does)"]
fn dask_map_and_merge_tree_give_the_bytes_of_one_run_on_the_bbc_corpus() {
    let bbc = root().join("../shared/corpus/bbc");
    if !bbc.join("politics").is_dir() {
        eprintln!("skipped: no BBC corpus at {}", bbc.display());
        return;
    }
    if !have_dask() {
        return;
    }
    dask_job(&bbc);
}
