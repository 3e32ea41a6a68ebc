//! Writing output files without damaging what is there: the temporary file
//! that becomes the output, the lock that serialises `--into` writers, and
//! the clean-up of temporary files on every way out, signals included.
//!
//! A write to a regular file (or to a name that does not exist yet) goes to
//! a new temporary file in the target's directory, named
//! `.NAME.newsgraph-tmp-RANDOM` and created exclusively (`O_EXCL`: a planted
//! file or link of that name makes the creation fail, never redirects it),
//! which takes the target's mode (and owner, where allowed), is synced and
//! renamed over the target. Readers see the old file or the new one, never a
//! part. A symbolic link is followed to the file it names, so the link stays
//! a link and its target is updated. A hard link is split, as with every
//! tool that replaces a file by renaming: the other names keep the old
//! contents. A target that is not a regular file (a FIFO, a device) is
//! written directly, never renamed over.
//!
//! What this module does not do: decide what is written (the commands do)
//! or read inputs ([`super::io`]).

use std::fs::{self, File, OpenOptions};
use std::hash::{BuildHasher, Hasher};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, Once};
use std::time::{Duration, SystemTime};

use crate::error::{Error, Result};

/// What sits between a target's name and the random part in the name of
/// our temporary files: `.NAME.newsgraph-tmp-RANDOM`.
pub const TMP_INFIX: &str = ".newsgraph-tmp-";

/// A temporary file of ours this old was left by a process that was killed
/// (`kill -9`, a crash, a power cut): `--into` removes it.
pub const STALE_AFTER: Duration = Duration::from_secs(24 * 60 * 60);

/// Symbolic links followed before giving up, as the kernel does.
const MAX_LINKS: usize = 40;

/// Temporary files that exist now, for the signal handler to remove.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
static HANDLERS: Once = Once::new();

fn pending() -> MutexGuard<'static, Vec<PathBuf>> {
    PENDING.lock().unwrap_or_else(|e| e.into_inner())
}

/// On SIGINT, SIGTERM, SIGHUP or SIGQUIT: remove our temporary files, then
/// die of the signal as if it had not been caught. The handler runs on its
/// own thread (signal-hook's iterator), so it may take the lock and call
/// anything.
fn install_handlers() {
    HANDLERS.call_once(|| {
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
            if let Ok(mut signals) =
                signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP, SIGQUIT])
            {
                std::thread::spawn(move || {
                    if let Some(signal) = signals.forever().next() {
                        for p in pending().drain(..) {
                            let _ = fs::remove_file(p);
                        }
                        let _ = signal_hook::low_level::emulate_default_handler(signal);
                        std::process::exit(128 + signal);
                    }
                });
            }
        }
    });
}

/// 64 unpredictable bits: std's hasher keys come from the operating
/// system's random source.
fn random() -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    h.write_u32(std::process::id());
    if let Ok(t) = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH) {
        h.write_u128(t.as_nanos());
    }
    h.finish()
}

/// Where a write to `path` lands: symbolic links followed to the file they
/// name, which need not exist yet.
pub fn real_target(path: &Path) -> Result<PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let link = fs::read_link(&p).map_err(|e| Error::io(&p, e))?;
                p = match p.parent() {
                    Some(dir) => dir.join(link),
                    None => link,
                };
            }
            _ => return Ok(p),
        }
    }
    Err(Error::Other(format!(
        "{}: too many levels of symbolic links",
        path.display()
    )))
}

fn file_name(target: &Path, shown: &Path) -> Result<String> {
    target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| Error::Other(format!("{}: not a file name", shown.display())))
}

fn dir_of(target: &Path) -> &Path {
    match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// A temporary file of ours: removed when dropped unless it was renamed.
struct TempFile {
    path: PathBuf,
    file: File,
    done: bool,
}

impl TempFile {
    /// Create `.NAME.newsgraph-tmp-RANDOM` beside `target`, exclusively.
    fn create(target: &Path, shown: &Path) -> Result<TempFile> {
        install_handlers();
        let name = file_name(target, shown)?;
        let dir = dir_of(target);
        let mode = fs::metadata(target)
            .ok()
            .filter(|m| m.is_file())
            .map(|m| permissions_of(&m));
        let mut last = None;
        for _ in 0..16 {
            let path = dir.join(format!(".{name}{TMP_INFIX}{:016x}", random()));
            let mut options = OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                // A new file gets what any new file gets (0666 less the
                // umask); the target's exact mode is set before the rename.
                options.mode(mode.unwrap_or(0o666));
            }
            #[cfg(not(unix))]
            let _ = mode;
            // Registered under the lock, so the signal handler either sees
            // the file or runs before it exists.
            let mut list = pending();
            match options.open(&path) {
                Ok(file) => {
                    list.push(path.clone());
                    return Ok(TempFile {
                        path,
                        file,
                        done: false,
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
                Err(e) => return Err(Error::io(shown, e)),
            }
        }
        Err(Error::io(
            shown,
            last.unwrap_or_else(|| io::Error::from(io::ErrorKind::AlreadyExists)),
        ))
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let mut list = pending();
        list.retain(|p| *p != self.path);
        if !self.done {
            let _ = fs::remove_file(&self.path);
        }
    }
}

#[cfg(unix)]
fn permissions_of(m: &fs::Metadata) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    m.permissions().mode() & 0o7777
}

#[cfg(not(unix))]
fn permissions_of(_: &fs::Metadata) -> u32 {
    0
}

/// Give the temporary file the target's mode and, where we may, its owner.
fn take_over(tmp: &File, target: &fs::Metadata) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        // Owner first: changing it may clear set-id bits that the mode sets back.
        let _ = std::os::unix::fs::fchown(tmp, Some(target.uid()), Some(target.gid()));
        tmp.set_permissions(fs::Permissions::from_mode(permissions_of(target)))?;
    }
    #[cfg(not(unix))]
    tmp.set_permissions(target.permissions())?;
    Ok(())
}

/// An output file being written: made before the work starts (so that an
/// unwritable directory fails early), committed at the end. Dropped without
/// [`Output::commit`], it leaves the target as it was.
pub struct Output {
    /// The path as the user gave it, for messages.
    shown: PathBuf,
    /// Where the bytes go, links followed.
    target: PathBuf,
    /// `None` for a target that is not a regular file: written directly.
    tmp: Option<TempFile>,
}

impl Output {
    /// Prepare to write `path`. A directory is refused.
    pub fn create(path: &Path) -> Result<Output> {
        let target = real_target(path)?;
        let tmp = match fs::metadata(&target) {
            Ok(m) if m.is_dir() => {
                return Err(Error::Other(format!("{}: is a directory", path.display())));
            }
            Ok(m) if !m.is_file() => None,
            Ok(_) => Some(TempFile::create(&target, path)?),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Some(TempFile::create(&target, path)?),
            Err(e) => return Err(Error::io(path, e)),
        };
        Ok(Output {
            shown: path.to_path_buf(),
            target,
            tmp,
        })
    }

    /// Write `contents` and put them in place.
    pub fn commit(self, contents: &[u8]) -> Result<()> {
        let mut w = self.begin()?;
        w.write_all(contents)
            .map_err(|e| Error::io(&w.out.shown, e))?;
        w.commit()
    }

    /// Start writing: what is written to the returned [`Writing`] goes to
    /// the temporary file (or straight to a FIFO or device), through a
    /// buffer, and is put in place by [`Writing::commit`]. Dropped without
    /// a commit, the target stays as it was and the temporary file goes.
    pub fn begin(self) -> Result<Writing> {
        let file = match &self.tmp {
            Some(tmp) => tmp.file.try_clone(),
            // A FIFO or a device: opened as it is, never replaced.
            None => OpenOptions::new().write(true).open(&self.target),
        }
        .map_err(|e| Error::io(&self.shown, e))?;
        Ok(Writing {
            w: io::BufWriter::with_capacity(1 << 16, file),
            out: self,
        })
    }
}

/// An [`Output`] being written (see [`Output::begin`]).
pub struct Writing {
    out: Output,
    w: io::BufWriter<File>,
}

impl Writing {
    /// The path as the user gave it, for messages.
    pub fn shown(&self) -> &Path {
        &self.out.shown
    }

    /// Flush what was written and put it in place: sync the temporary file,
    /// give it the target's mode and rename it over the target.
    pub fn commit(self) -> Result<()> {
        let Writing { mut out, w } = self;
        let shown = out.shown.clone();
        let file = w
            .into_inner()
            .map_err(|e| Error::io(&shown, e.into_error()))?;
        let Some(tmp) = out.tmp.as_mut() else {
            return Ok(());
        };
        drop(file);
        let result = (|| {
            if let Ok(m) = fs::metadata(&out.target)
                && m.is_file()
            {
                take_over(&tmp.file, &m)?;
            }
            tmp.file.sync_all()?;
            let mut list = pending();
            fs::rename(&tmp.path, &out.target)?;
            tmp.done = true;
            list.retain(|p| *p != tmp.path);
            Ok(())
        })();
        result.map_err(|e: io::Error| Error::io(&shown, e))?;
        // Make the rename itself durable where the platform allows.
        if let Ok(d) = File::open(dir_of(&out.target)) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

impl Write for Writing {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.w.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.w.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }
}

/// An exclusive advisory lock on `GRAPH.json.lock` beside a graph (beside
/// the file a link names), held while it lives. The lock is on a file of its
/// own because the graph itself is replaced by each write, and a lock on a
/// replaced file protects nothing. The lock file is left in place: removing
/// it would let two writers lock two different files.
pub struct GraphLock {
    _file: File,
}

impl GraphLock {
    /// Wait for the lock on `graph`.
    pub fn acquire(graph: &Path) -> Result<GraphLock> {
        let target = real_target(graph)?;
        let path = target.with_file_name(format!("{}.lock", file_name(&target, graph)?));
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o666).custom_flags(libc::O_NOFOLLOW);
        }
        let file = options.open(&path).map_err(|e| Error::io(&path, e))?;
        file.lock().map_err(|e| Error::io(&path, e))?;
        Ok(GraphLock { _file: file })
    }
}

/// Remove our temporary files for `graph` (`.NAME.newsgraph-tmp-*` beside
/// it) older than [`STALE_AFTER`]: what a killed writer left. Younger ones
/// may belong to a writer still at work and are left alone.
pub fn remove_stale(graph: &Path) {
    let Ok(target) = real_target(graph) else {
        return;
    };
    let Some(name) = target.file_name() else {
        return;
    };
    let prefix = format!(".{}{TMP_INFIX}", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(dir_of(&target)) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        if !entry.file_name().to_string_lossy().starts_with(&prefix) {
            continue;
        }
        let old = entry
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .and_then(|m| m.modified().ok())
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age > STALE_AFTER);
        if old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The identity of a file (device and inode), links followed; `None` when
/// it does not exist or is not a regular file.
fn identity(path: &Path) -> Option<(u64, u64)> {
    let m = fs::metadata(path).ok().filter(|m| m.is_file())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = m;
        None
    }
}

/// Refuse an output file that is also one of the inputs: writing it would
/// destroy what is being read. Compared by device and inode, so another
/// name, a link or `./` in front changes nothing.
pub fn refuse_input_as_output<'a>(
    output: &Path,
    inputs: impl IntoIterator<Item = &'a Path>,
) -> Result<()> {
    let Some(out) = identity(output) else {
        return Ok(());
    };
    for input in inputs {
        if identity(input) == Some(out) {
            return Err(Error::Other(format!(
                "{}: is also an input ({}); write the output to another file",
                output.display(),
                input.display()
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("newsgraph-write-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
        Output::create(path)?.commit(contents)
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temporary_file() {
        let dir = scratch("atomic");
        let out = dir.join("g.json");
        fs::write(&out, "old").unwrap();
        write_atomic(&out, b"new").unwrap();
        assert_eq!(fs::read_to_string(&out).unwrap(), "new");
        assert!(write_atomic(&dir.join("no/such/dir/g.json"), b"x").is_err());
        assert!(write_atomic(&dir, b"x").is_err());
        assert_eq!(names(&dir), ["g.json"]);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn an_output_dropped_before_commit_leaves_the_target_and_no_temporary_file() {
        let dir = scratch("dropped");
        let out = dir.join("g.json");
        fs::write(&out, "old").unwrap();
        let o = Output::create(&out).unwrap();
        let tmp = names(&dir);
        assert_eq!(tmp.len(), 2, "{tmp:?}");
        assert!(tmp[0].starts_with(".g.json.newsgraph-tmp-"), "{tmp:?}");
        drop(o);
        assert_eq!(names(&dir), ["g.json"]);
        assert_eq!(fs::read_to_string(&out).unwrap(), "old");
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn an_output_written_a_part_at_a_time_appears_whole_at_the_commit() {
        let dir = scratch("stream");
        let out = dir.join("g.json");
        fs::write(&out, "old").unwrap();
        let mut w = Output::create(&out).unwrap().begin().unwrap();
        for part in ["one ", "two ", "three"] {
            w.write_all(part.as_bytes()).unwrap();
        }
        assert_eq!(fs::read_to_string(&out).unwrap(), "old");
        w.commit().unwrap();
        assert_eq!(fs::read_to_string(&out).unwrap(), "one two three");
        assert_eq!(names(&dir), ["g.json"]);
        // Dropped before the commit: the old file stays, the temporary goes.
        let mut w = Output::create(&out).unwrap().begin().unwrap();
        w.write_all(b"half").unwrap();
        drop(w);
        assert_eq!(fs::read_to_string(&out).unwrap(), "one two three");
        assert_eq!(names(&dir), ["g.json"]);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn temporary_names_are_not_predictable() {
        let seen: std::collections::BTreeSet<u64> = (0..100).map(|_| random()).collect();
        assert_eq!(seen.len(), 100);
    }
}
