//! Files in and out for the commands: finding articles, loading graphs,
//! writing output atomically, and standard output that tolerates a closed
//! pipe.

use std::collections::BTreeSet;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::export::json;
use crate::graph::Graph;

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
    /// Read the article's bytes (standard input is read once, by the caller).
    pub fn read(&self) -> Result<Vec<u8>> {
        match &self.source {
            Source::File(p) => fs::read(p).map_err(|e| Error::io(p, e)),
            Source::Stdin => read_stdin(),
        }
    }
}

/// All of standard input.
pub fn read_stdin() -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    io::stdin()
        .lock()
        .read_to_end(&mut buf)
        .map_err(|e| Error::io(STDIN_NAME, e))?;
    Ok(buf)
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

/// `a/b/c.txt` -> `a/b/c`, with `/` whatever the platform.
fn label_of(rel: &Path) -> String {
    let stem = rel.with_extension("");
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
                label: path.file_stem().map_or_else(
                    || path.display().to_string(),
                    |s| s.to_string_lossy().into_owned(),
                ),
                display: path.display().to_string(),
                source: Source::File(path.clone()),
            }),
        }
    }
    (inputs, errors)
}

/// Read a graph file (`-` for standard input).
pub fn load_graph(path: &Path) -> Result<Graph> {
    let (bytes, name) = if path.as_os_str() == "-" {
        (read_stdin()?, PathBuf::from(STDIN_NAME))
    } else {
        (
            fs::read(path).map_err(|e| Error::io(path, e))?,
            path.to_path_buf(),
        )
    };
    let text = String::from_utf8(bytes).map_err(|_| Error::Graph {
        path: name.clone(),
        reason: "not UTF-8".into(),
    })?;
    json::from_str(&text).map_err(|reason| Error::Graph { path: name, reason })
}

/// Write `contents` to `path` so that readers see the old file or the new
/// one, never a part: a temporary file in the same directory, synced, then
/// renamed over `path`. The temporary file is removed on error.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    let name = path
        .file_name()
        .ok_or_else(|| Error::Other(format!("{}: not a file name", path.display())))?;
    let mut tmp_name = name.to_os_string();
    tmp_name.push(format!(".tmp-{}", std::process::id()));
    let tmp = path.with_file_name(tmp_name);
    let result = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(contents)?;
        f.sync_all()?;
        drop(f);
        fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(Error::io(path, e));
    }
    // Make the rename itself durable where the platform allows.
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && let Ok(d) = fs::File::open(dir)
    {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Write to `path` atomically, or to standard output when `None`.
pub fn emit(path: Option<&Path>, contents: &str) -> Result<()> {
    match path {
        Some(p) => write_atomic(p, contents.as_bytes()),
        None => print(contents),
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
        assert_eq!(labels, ["a", "b/c/d", "b/x", "z", "z", "-"]);
        let (_, errors) = collect_inputs(&[dir.join("missing.txt"), scratch("empty")]);
        assert_eq!(errors.len(), 2);
        assert!(errors[0].to_string().contains("missing.txt"));
        assert!(errors[1].to_string().contains("no .txt files"));
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temporary_file() {
        let dir = scratch("atomic");
        let out = dir.join("g.json");
        fs::write(&out, "old").unwrap();
        write_atomic(&out, b"new").unwrap();
        assert_eq!(fs::read_to_string(&out).unwrap(), "new");
        assert!(write_atomic(&dir.join("no/such/dir/g.json"), b"x").is_err());
        let names: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["g.json"]);
        fs::remove_dir_all(dir).unwrap();
    }
}
