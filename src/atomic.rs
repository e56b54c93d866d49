//! Files claimlint writes (reports, locks, baselines, cache entries) are written whole or not
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

/// Writes `bytes` to a fresh temporary file beside `path` and hands it to `publish`.
fn write_then(path: &Path, bytes: &[u8], publish: impl FnOnce(&Path) -> io::Result<()>) -> io::Result<()> {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = folder.join(format!(
        ".{name}.{}.{}.tmp",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
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
