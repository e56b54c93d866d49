//! Files claimlint writes (reports, locks, baselines, cache packs) are written whole or not
//! at all: to a temporary file beside the target, then renamed over it. An interrupted run
//! removes its temporary files, so it leaves neither a partial file nor litter.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// Temporary files being written, removed if the run is interrupted.
static IN_FLIGHT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Distinguishes temporary files of one process, whose threads may write beside each other.
static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Writes `bytes` to `path` atomically: readers see the old file or the new one, never a
/// mix, and a crash leaves at most a stray temporary file (removed on Ctrl-C).
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_then(path, bytes, |temporary| std::fs::rename(temporary, path))
}

/// Like [`write`], but fails with `AlreadyExists` rather than replace a file at `path`.
pub fn create(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_then(path, bytes, |temporary| {
        std::fs::hard_link(temporary, path)?;
        std::fs::remove_file(temporary)
    })
}

/// A name for a temporary file beside `path`, unique to this process and call: hidden, and
/// ending in `.tmp`.
fn temporary_beside(path: &Path) -> PathBuf {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    folder.join(format!(
        ".{name}.{}.{}.tmp",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ))
}

/// Writes `bytes` to a fresh temporary file beside `path` and hands it to `publish`.
fn write_then(path: &Path, bytes: &[u8], publish: impl FnOnce(&Path) -> io::Result<()>) -> io::Result<()> {
    let temporary = temporary_beside(path);
    // The lock is held from creating the temporary file to renaming it, so an interrupt
    // handler sees either no file yet or one it must remove, never one about to appear.
    let mut in_flight = lock_in_flight();
    in_flight.push(temporary.clone());
    let result = write_new(&temporary, bytes).and_then(|()| publish(&temporary));
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    in_flight.retain(|p| p != &temporary);
    result
}

fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(path)?;
    file.write_all(bytes)
}

/// A file written piece by piece and published whole: it is a temporary file beside its
/// path until [`Staged::publish`] renames it there. Dropped unpublished, or when the run is
/// interrupted, the temporary file is removed.
pub struct Staged {
    path: PathBuf,
    temporary: PathBuf,
    file: io::BufWriter<std::fs::File>,
    written: u64,
    published: bool,
}

impl Staged {
    pub fn create(path: &Path) -> io::Result<Self> {
        let temporary = temporary_beside(path);
        let mut in_flight = lock_in_flight();
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)?;
        in_flight.push(temporary.clone());
        Ok(Self {
            path: path.to_path_buf(),
            temporary,
            file: io::BufWriter::with_capacity(1 << 16, file),
            written: 0,
            published: false,
        })
    }

    /// How many bytes have been written.
    pub fn len(&self) -> u64 {
        self.written
    }

    pub fn is_empty(&self) -> bool {
        self.written == 0
    }

    pub fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.file.write_all(bytes)?;
        self.written += bytes.len() as u64;
        Ok(())
    }

    /// Renames the whole file over its path.
    pub fn publish(mut self) -> io::Result<()> {
        self.file.flush()?;
        std::fs::rename(&self.temporary, &self.path)?;
        self.published = true;
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.published {
            let _ = std::fs::remove_file(&self.temporary);
        }
        lock_in_flight().retain(|p| p != &self.temporary);
    }
}

fn lock_in_flight() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    IN_FLIGHT.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// On Ctrl-C (SIGINT) or SIGTERM: remove the temporary files being written and exit with
/// 130, as shells expect of a process stopped by SIGINT.
pub fn clean_up_on_interrupt() {
    let _ = ctrlc::set_handler(|| {
        for path in lock_in_flight().drain(..) {
            let _ = std::fs::remove_file(path);
        }
        std::process::exit(130);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("claimlint-atomic-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_staged_file_appears_whole_when_published_and_never_otherwise() {
        let dir = folder("staged");
        let path = dir.join("pack");
        let mut staged = Staged::create(&path).unwrap();
        staged.write(b"first ").unwrap();
        staged.write(b"second").unwrap();
        assert_eq!(staged.len(), 12);
        assert!(!path.exists(), "nothing at the path before publishing");
        assert_eq!(names(&dir).len(), 1, "one temporary file");
        assert!(names(&dir)[0].starts_with(".pack.") && names(&dir)[0].ends_with(".tmp"));
        staged.publish().unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"first second");
        assert_eq!(names(&dir), ["pack"]);

        let mut dropped = Staged::create(&dir.join("other")).unwrap();
        dropped.write(b"half").unwrap();
        let temporary = dropped.temporary.clone();
        assert!(lock_in_flight().contains(&temporary), "an interrupt would remove it");
        drop(dropped);
        assert_eq!(names(&dir), ["pack"], "an unpublished file leaves nothing behind");
        assert!(!lock_in_flight().contains(&temporary));
        let _ = std::fs::remove_dir_all(dir);
    }
}
