//! Files claimlint writes (reports, locks, baselines, cache packs) are written whole or not
//! at all: to a temporary file beside the target, synced, then renamed over it, and the
//! folder synced. An interrupted run removes its temporary files, so it leaves neither a
//! partial file nor litter; a killed one leaves temporary files that a later run removes
//! once their process is gone ([`remove_stale_temporaries`]).
//!
//! What is at the target is looked at first. A symbolic link is followed to the file it
//! finally names, and that file is replaced: the link stays a link. A regular file keeps its
//! permissions (and, where allowed, its owner). Anything else that exists — a character
//! device such as `/dev/null`, a named pipe, `/dev/stdout` — is opened and written to in
//! place, since renaming over it would replace the device or pipe with a plain file.

use std::fs::{File, Metadata};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Temporary files being written, removed if the run is interrupted.
static IN_FLIGHT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Distinguishes temporary files of one process, whose threads may write beside each other.
static COUNTER: AtomicU64 = AtomicU64::new(0);

/// How many symbolic links are followed from a target before giving up, as the kernel does.
const MAX_LINKS: usize = 40;

/// Writes `bytes` to `path` atomically: readers see the old file or the new one, never a
/// mix, and a crash leaves at most a stray temporary file (removed on Ctrl-C, or by a later
/// run once this process is gone). A symbolic link at `path` is followed and the file it
/// names replaced; a device or pipe at `path` is written to in place.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    match resolve(path)? {
        Target::InPlace(path) => write_in_place(&path, bytes),
        Target::Replace(path, existing) => {
            remove_stale_beside(&path);
            write_then(&path, bytes, existing.as_ref(), |temporary| {
                std::fs::rename(temporary, &path)?;
                sync_folder_of(&path);
                Ok(())
            })
        }
    }
}

/// Like [`write`], but fails with `AlreadyExists` rather than replace anything at `path`
/// (a file, a link, even a dangling one, or a device).
pub fn create(path: &Path, bytes: &[u8]) -> io::Result<()> {
    remove_stale_beside(path);
    write_then(path, bytes, None, |temporary| {
        std::fs::hard_link(temporary, path)?;
        std::fs::remove_file(temporary)?;
        sync_folder_of(path);
        Ok(())
    })
}

/// Where the bytes of a [`write`] go.
#[derive(Debug)]
enum Target {
    /// A new file at this path, or the regular file there (with its metadata) replaced.
    Replace(PathBuf, Option<Metadata>),
    /// Something that is not a regular file, opened and written to as it is.
    InPlace(PathBuf),
}

/// Follows the symbolic links at `path` to what they finally name.
fn resolve(path: &Path) -> io::Result<Target> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        let metadata = match std::fs::symlink_metadata(&current) {
            Ok(metadata) => metadata,
            // Nothing there (a dangling link names a file yet to be made): a new file.
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Target::Replace(current, None)),
            Err(e) => return Err(e),
        };
        let kind = metadata.file_type();
        if kind.is_symlink() {
            if names_an_open_file(&current) {
                // `/dev/stdout`, `/proc/self/fd/N`: what they name is already open, maybe
                // with its own offset; the system follows them on open.
                return Ok(Target::InPlace(path.to_path_buf()));
            }
            let link = std::fs::read_link(&current)?;
            // A relative link is relative to the folder holding it; joining an absolute
            // one replaces the folder.
            current = match current.parent() {
                Some(folder) => folder.join(link),
                None => link,
            };
        } else if kind.is_file() {
            return Ok(Target::Replace(current, Some(metadata)));
        } else if kind.is_dir() {
            return Err(io::Error::new(io::ErrorKind::IsADirectory, "is a folder"));
        } else {
            return Ok(Target::InPlace(current));
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Whether the link at `path` is one of Linux's links to a process's open files
/// (`/proc/PID/fd/N`, reached through `/dev/stdout` or `/dev/fd/N` too): it may name a pipe
/// (`pipe:[123]`), a terminal or a file the shell opened for appending, so it is written
/// through, never resolved and replaced.
fn names_an_open_file(path: &Path) -> bool {
    if !cfg!(target_os = "linux") {
        return false;
    }
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::canonicalize(folder).is_ok_and(|folder| folder.starts_with("/proc"))
}

/// Opens what is at `path` for writing, without creating or truncating it, and writes
/// `bytes` to it: a device, a named pipe (waiting for a reader, as `cat > pipe` does), or an
/// open file reached through `/dev/stdout`, appended to as a shell's `>` or `>>` left it.
fn write_in_place(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = std::fs::OpenOptions::new().append(true).open(path)?;
    file.write_all(bytes)?;
    file.flush()
}

/// A name for a temporary file beside `path`, unique to this process and call: hidden, and
/// ending in `.tmp` (`.NAME.PID.N.tmp`, read back by [`temporary_owner`]).
fn temporary_beside(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    folder_of(path).join(format!(
        ".{name}.{}.{}.tmp",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ))
}

/// The folder holding `path`: `.` for a bare name.
fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Writes `bytes` to a fresh temporary file beside `path`, with the permissions of
/// `existing` if given, syncs it and hands it to `publish`.
fn write_then(
    path: &Path,
    bytes: &[u8],
    existing: Option<&Metadata>,
    publish: impl FnOnce(&Path) -> io::Result<()>,
) -> io::Result<()> {
    let temporary = temporary_beside(path);
    // The lock is held from creating the temporary file to renaming it, so an interrupt
    // handler sees either no file yet or one it must remove, never one about to appear.
    let mut in_flight = lock_in_flight();
    in_flight.push(temporary.clone());
    let result = write_new(&temporary, bytes, existing).and_then(|()| publish(&temporary));
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    in_flight.retain(|p| p != &temporary);
    result
}

fn write_new(path: &Path, bytes: &[u8], existing: Option<&Metadata>) -> io::Result<()> {
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(path)?;
    file.write_all(bytes)?;
    if let Some(existing) = existing {
        take_on(&file, existing)?;
    }
    // The bytes reach the disk before the name does: a crash right after the rename finds
    // the new file whole, never an empty one.
    file.sync_all()
}

/// Gives a replacement file the owner (where the system allows: root may give a file to
/// anyone, an owner to a group it belongs to) and permissions of the file it replaces. The
/// set-user and set-group bits are not carried over, as the system clears them on a write.
#[cfg(unix)]
fn take_on(file: &File, existing: &Metadata) -> io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let ours = file.metadata()?;
    if ours.uid() != existing.uid() || ours.gid() != existing.gid() {
        // Best effort: a file we may not give away is left ours, as a new file would be.
        if std::os::unix::fs::fchown(file, Some(existing.uid()), Some(existing.gid())).is_err() {
            let _ = std::os::unix::fs::fchown(file, None, Some(existing.gid()));
        }
    }
    file.set_permissions(std::fs::Permissions::from_mode(existing.mode() & 0o1777))
}

/// Elsewhere the replacement keeps the system's defaults: a read-only flag carried over
/// would stop the rename.
#[cfg(not(unix))]
fn take_on(_file: &File, _existing: &Metadata) -> io::Result<()> {
    Ok(())
}

/// Syncs the folder holding `path`, so that a rename into it survives a crash. Best effort:
/// the rename has happened, and some file systems cannot sync a folder.
fn sync_folder_of(path: &Path) {
    #[cfg(unix)]
    if let Ok(folder) = File::open(folder_of(path)) {
        let _ = folder.sync_all();
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// A file written piece by piece and published whole: it is a temporary file beside its
/// path until [`Staged::publish`] renames it there. Dropped unpublished, or when the run is
/// interrupted, the temporary file is removed.
pub struct Staged {
    path: PathBuf,
    temporary: PathBuf,
    file: io::BufWriter<File>,
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

    /// Renames the whole file over its path. `durable` syncs the file before the rename and
    /// the folder after it, for a caller about to remove what the file replaces; otherwise a
    /// crash of the whole system may leave a file that its reader must check (cache packs
    /// carry checksums).
    pub fn publish(mut self, durable: bool) -> io::Result<()> {
        self.file.flush()?;
        if durable {
            self.file.get_ref().sync_all()?;
        }
        std::fs::rename(&self.temporary, &self.path)?;
        self.published = true;
        if durable {
            sync_folder_of(&self.path);
        }
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

/// A temporary file younger than this is never taken for stale: its process may live in
/// another PID namespace (a container sharing the folder), where its id means nothing here.
/// Live writers touch their files far more often.
const GRACE: Duration = Duration::from_secs(60);
/// Where it cannot be told whether a process lives, a temporary file this old is stale.
const STALE_UNKNOWN: Duration = Duration::from_secs(60 * 60);
/// A temporary file this old is stale even when a process of its id lives: ids are reused
/// (and a container's first process is always 1), while writers finish in minutes.
const STALE_ALWAYS: Duration = Duration::from_secs(24 * 60 * 60);

/// The target name and process id of a temporary file name made by [`temporary_beside`]:
/// `.NAME.PID.N.tmp`.
fn temporary_owner(file_name: &str) -> Option<(&str, u32)> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let rest = file_name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (rest, counter) = rest.rsplit_once('.')?;
    let (name, pid) = rest.rsplit_once('.')?;
    (digits(counter) && digits(pid) && !name.is_empty()).then_some(())?;
    Some((name, pid.parse().ok()?))
}

/// Whether process `pid` is running, where the system says (Linux: `/proc/PID`); `None`
/// where it cannot be told.
fn process_alive(pid: u32) -> Option<bool> {
    if pid == std::process::id() {
        return Some(true);
    }
    if cfg!(target_os = "linux") && Path::new("/proc/self").exists() {
        return Some(Path::new("/proc").join(pid.to_string()).exists());
    }
    None
}

/// Removes from `folder` the temporary files this module made for a target whose name
/// `for_target` accepts, left by a process that is gone (killed before it could remove
/// them): those of a process that no longer runs, once older than a minute; where that
/// cannot be told, those older than an hour; and any older than a day. Files of this run
/// still being written are kept. Says how many went; failures are ignored.
pub fn remove_stale_temporaries(folder: &Path, for_target: impl Fn(&str) -> bool) -> usize {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name();
        let Some((target, pid)) = file_name.to_str().and_then(temporary_owner) else {
            continue;
        };
        // `DirEntry::metadata` does not follow links: only files are ever removed.
        let Ok(metadata) = entry.metadata() else { continue };
        if !for_target(target) || !metadata.is_file() {
            continue;
        }
        let age = metadata
            .modified()
            .ok()
            .and_then(|t| t.elapsed().ok())
            .unwrap_or(Duration::ZERO);
        let stale = age >= STALE_ALWAYS
            || match process_alive(pid) {
                Some(alive) => !alive && age >= GRACE,
                None => age >= STALE_UNKNOWN,
            };
        let in_flight = || lock_in_flight().iter().any(|p| p.file_name() == Some(&file_name));
        if stale && !in_flight() && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Removes the stale temporary files of earlier writes to `path`.
fn remove_stale_beside(path: &Path) {
    if let Some(name) = path.file_name().and_then(|n| n.to_str()) {
        remove_stale_temporaries(folder_of(path), |target| target == name);
    }
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
        staged.publish(true).unwrap();
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

    #[test]
    fn a_write_replaces_a_file_and_create_never_does() {
        let dir = folder("replace");
        let path = dir.join("report.json");
        write(&path, b"one").unwrap();
        write(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(names(&dir), ["report.json"], "no temporary file left");

        let error = create(&path, b"three").unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        create(&dir.join("new.toml"), b"made").unwrap();
        assert_eq!(std::fs::read(dir.join("new.toml")).unwrap(), b"made");
        #[cfg(unix)]
        {
            // Not even a dangling link is replaced.
            std::os::unix::fs::symlink("nowhere", dir.join("link.toml")).unwrap();
            let error = create(&dir.join("link.toml"), b"made").unwrap_err();
            assert_eq!(error.kind(), io::ErrorKind::AlreadyExists);
            assert!(!dir.join("nowhere").exists());
        }
        assert_eq!(names(&dir).iter().filter(|n| n.ends_with(".tmp")).count(), 0);

        std::fs::create_dir(dir.join("folder")).unwrap();
        let error = write(&dir.join("folder"), b"x").unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::IsADirectory);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_stays_a_link_and_the_file_it_names_is_replaced() {
        use std::os::unix::fs::symlink;
        let dir = folder("symlink");
        std::fs::create_dir(dir.join("real")).unwrap();
        std::fs::write(dir.join("real/report.json"), b"old").unwrap();
        // A chain: an absolute link to a relative one.
        symlink("real/report.json", dir.join("relative")).unwrap();
        symlink(dir.join("relative"), dir.join("report.json")).unwrap();
        write(&dir.join("report.json"), b"new").unwrap();
        for link in ["report.json", "relative"] {
            let kind = std::fs::symlink_metadata(dir.join(link)).unwrap().file_type();
            assert!(kind.is_symlink(), "{link} is still a link");
        }
        assert_eq!(std::fs::read(dir.join("real/report.json")).unwrap(), b"new");
        assert_eq!(
            names(&dir.join("real")),
            ["report.json"],
            "the temporary file went beside the target"
        );
        assert_eq!(names(&dir), ["real", "relative", "report.json"]);

        // A dangling link: the file it names is made.
        symlink("real/lock", dir.join("claimlint.lock")).unwrap();
        write(&dir.join("claimlint.lock"), b"locked").unwrap();
        assert!(
            std::fs::symlink_metadata(dir.join("claimlint.lock"))
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(dir.join("real/lock")).unwrap(), b"locked");

        // A loop is an error, not a hang.
        symlink("loop-b", dir.join("loop-a")).unwrap();
        symlink("loop-a", dir.join("loop-b")).unwrap();
        assert!(write(&dir.join("loop-a"), b"x").is_err());
        let _ = std::fs::remove_dir_all(dir);
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_permissions_and_owner() {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let dir = folder("mode");
        let path = dir.join("baseline.json");
        std::fs::write(&path, b"old").unwrap();
        for mode in [0o600, 0o640, 0o444, 0o4755] {
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
            write(&path, b"new").unwrap();
            let kept = std::fs::metadata(&path).unwrap().mode() & 0o7777;
            // The set-user bit is cleared, as a write clears it.
            assert_eq!(kept, mode & 0o1777, "mode {mode:o}");
            assert_eq!(std::fs::read(&path).unwrap(), b"new");
        }
        // Only root may give a file away: there, the owner is kept too.
        if std::fs::metadata(&path).unwrap().uid() == 0 {
            std::os::unix::fs::chown(&path, Some(4321), Some(4322)).unwrap();
            write(&path, b"newer").unwrap();
            let metadata = std::fs::metadata(&path).unwrap();
            assert_eq!((metadata.uid(), metadata.gid()), (4321, 4322));
        }
        // A new file gets the usual mode, not another file's.
        write(&dir.join("fresh.json"), b"x").unwrap();
        let fresh = std::fs::metadata(dir.join("fresh.json")).unwrap().mode() & 0o7777;
        assert_eq!(fresh & 0o600, 0o600, "{fresh:o}");
        let _ = std::fs::remove_dir_all(dir);
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_written_to_and_stays_a_pipe() {
        use std::os::unix::fs::FileTypeExt;
        let dir = folder("fifo");
        let pipe = dir.join("report.pipe");
        let made = std::process::Command::new("mkfifo").arg(&pipe).status().unwrap();
        assert!(made.success());
        let reader = {
            let pipe = pipe.clone();
            std::thread::spawn(move || std::fs::read(pipe).unwrap())
        };
        write(&pipe, b"the whole report\n").unwrap();
        // Checked first: a pipe replaced by a file would leave the reader waiting for ever.
        assert!(std::fs::symlink_metadata(&pipe).unwrap().file_type().is_fifo());
        assert_eq!(reader.join().unwrap(), b"the whole report\n");
        assert_eq!(names(&dir), ["report.pipe"]);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_written_to_and_stays_a_device() {
        use std::os::unix::fs::FileTypeExt;
        let dir = folder("device");
        // A null device of our own where we may make one (as root), so that a broken write
        // could never replace the system's; elsewhere `/dev/null`, which only root could.
        let own = dir.join("null");
        let made = std::process::Command::new("mknod")
            .arg(&own)
            .args(["c", "1", "3"])
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        let null = if made { own.as_path() } else { Path::new("/dev/null") };
        write(null, b"nothing to see").unwrap();
        assert!(std::fs::symlink_metadata(null).unwrap().file_type().is_char_device());
        // A link to it is followed to the device, not replaced.
        std::os::unix::fs::symlink(null, dir.join("out")).unwrap();
        write(&dir.join("out"), b"nothing").unwrap();
        assert!(
            std::fs::symlink_metadata(dir.join("out"))
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert!(std::fs::symlink_metadata(null).unwrap().file_type().is_char_device());
        assert!(names(&dir).iter().all(|n| !n.ends_with(".tmp")), "{:?}", names(&dir));
        let _ = std::fs::remove_dir_all(dir);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn links_to_open_files_are_written_through() {
        // `/dev/fd/N` reaches `/proc/self/fd/N`, whose link may read `pipe:[123]`.
        let (reader, writer) = std::io::pipe().unwrap();
        let fd = std::os::fd::AsRawFd::as_raw_fd(&writer);
        let path = PathBuf::from(format!("/dev/fd/{fd}"));
        assert!(matches!(resolve(&path).unwrap(), Target::InPlace(_)));
        let reading = std::thread::spawn(move || io::read_to_string(reader).unwrap());
        write(&path, b"through the pipe").unwrap();
        drop(writer);
        assert_eq!(reading.join().unwrap(), "through the pipe");
    }

    #[test]
    fn temporary_names_say_their_target_and_process() {
        let made = temporary_beside(Path::new("out/report.v2.json"));
        let name = made.file_name().unwrap().to_str().unwrap();
        assert_eq!(temporary_owner(name), Some(("report.v2.json", std::process::id())));
        assert_eq!(made.parent(), Some(Path::new("out")));
        assert_eq!(temporary_owner(".a.12.3.tmp"), Some(("a", 12)));
        for not_ours in [
            "a.12.3.tmp",
            ".a.12.x.tmp",
            ".a.x.3.tmp",
            "..12.3.tmp",
            ".a.12.3.tmp~",
            ".12.3.tmp",
        ] {
            assert_eq!(temporary_owner(not_ours), None, "{not_ours}");
        }
    }

    /// The id of a process that has exited.
    #[cfg(target_os = "linux")]
    fn dead_pid() -> u32 {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        pid
    }

    fn age(path: &Path, by: Duration) {
        let file = File::open(path).unwrap();
        file.set_modified(std::time::SystemTime::now() - by).unwrap();
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn temporary_files_of_gone_processes_are_removed_and_others_kept() {
        let dir = folder("stale");
        let dead = dead_pid();
        let ours = std::process::id();
        let minutes = |m: u64| Duration::from_secs(60 * m);
        let files: &[(String, Duration, bool)] = &[
            (format!(".report.json.{dead}.0.tmp"), minutes(5), false),
            // Too young to judge: its process may run in another PID namespace.
            (format!(".report.json.{dead}.1.tmp"), Duration::ZERO, true),
            // Our own, and another live process's (1 always runs).
            (format!(".report.json.{ours}.99.tmp"), minutes(5), true),
            (".report.json.1.0.tmp".to_owned(), minutes(5), true),
            // Ids are reused: after a day, any.
            (".report.json.1.1.tmp".to_owned(), minutes(25 * 60), false),
            // Another target's, and files not named as ours.
            (format!(".other.json.{dead}.0.tmp"), minutes(5), true),
            (format!("report.json.{dead}.0.tmp"), minutes(5), true),
            ("report.json".to_owned(), minutes(5), true),
        ];
        for (name, old, _) in files {
            std::fs::write(dir.join(name), b"x").unwrap();
            age(&dir.join(name), *old);
        }
        // A folder named like a temporary file is not a file.
        std::fs::create_dir(dir.join(format!(".report.json.{dead}.7.tmp"))).unwrap();
        age(&dir.join(format!(".report.json.{dead}.7.tmp")), minutes(5));

        write(&dir.join("report.json"), b"new").unwrap();
        let mut kept: Vec<String> = files.iter().filter(|f| f.2).map(|f| f.0.clone()).collect();
        kept.push(format!(".report.json.{dead}.7.tmp"));
        kept.sort();
        assert_eq!(names(&dir), kept);
        assert_eq!(std::fs::read(dir.join("report.json")).unwrap(), b"new");
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn temporary_files_being_written_are_never_removed() {
        let dir = folder("in-flight");
        let mut staged = Staged::create(&dir.join("pack")).unwrap();
        staged.write(b"half").unwrap();
        staged.file.flush().unwrap();
        age(&staged.temporary, Duration::from_secs(48 * 60 * 60));
        assert_eq!(remove_stale_temporaries(&dir, |_| true), 0);
        staged.publish(false).unwrap();
        assert_eq!(names(&dir), ["pack"]);
        let _ = std::fs::remove_dir_all(dir);
    }
}
