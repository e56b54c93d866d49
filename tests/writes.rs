//! What claimlint writes (`check -o`, `lock --lock`, `baseline -o`, `graph -o`) goes where the
//! target says: through a symbolic link to the file it names, into a device or a named pipe
//! as it is, over a regular file with its permissions kept. A killed run's temporary files
//! are removed by a later run once their process is gone.
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
#[cfg(target_os = "linux")]
use std::time::{Duration, SystemTime};

use crate::common::{root, run_in, scratch, stderr, stdout};

const CORPUS: &str = "examples/nato-iraq";

/// Runs claimlint from the project root, without the cache, and expects it to finish with
/// an exit code below 2 (findings are fine).
fn claimlint(args: &[&str]) -> std::process::Output {
    let mut all = args.to_vec();
    all.push("--no-cache");
    let output = run_in(&root(), &all);
    assert!(
        output.status.code().is_some_and(|c| c < 2),
        "{args:?}: {}",
        stderr(&output)
    );
    output
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The file names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The JSON report of the example corpus, as `check --format json` prints it.
fn json_report() -> String {
    stdout(&claimlint(&["check", CORPUS, "--format", "json"]))
}

#[test]
fn a_link_stays_a_link_and_the_file_it_names_gets_the_output() {
    let dir = scratch("writes-symlink");
    fs::create_dir(dir.join("shared")).unwrap();
    for (name, args) in [
        ("report.json", vec!["check", CORPUS, "--format", "json", "-o"]),
        ("claimlint.lock", vec!["lock", CORPUS, "--lock"]),
        ("baseline.json", vec!["baseline", CORPUS, "-o"]),
    ] {
        let target = dir.join("shared").join(name);
        fs::write(&target, "old").unwrap();
        let link = dir.join(name);
        symlink(format!("shared/{name}"), &link).unwrap();
        let mut args = args.clone();
        args.push(arg(&link));
        claimlint(&args);
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "{name}");
        let written = fs::read_to_string(&target).unwrap();
        assert_ne!(written, "old", "{name}");
        if name == "report.json" {
            assert_eq!(written, json_report());
        }
    }
    assert_eq!(
        names(&dir.join("shared")),
        ["baseline.json", "claimlint.lock", "report.json"]
    );
    // `lock --check` reads through the link what `lock` wrote through it.
    let checked = run_in(
        &root(),
        &[
            "lock",
            CORPUS,
            "--check",
            "--no-cache",
            "--lock",
            arg(&dir.join("claimlint.lock")),
        ],
    );
    assert_eq!(checked.status.code(), Some(0), "{}", stderr(&checked));
}

#[test]
fn a_replaced_file_keeps_its_permissions() {
    let dir = scratch("writes-mode");
    for (name, args, mode) in [
        ("report.txt", vec!["check", CORPUS, "-o"], 0o600),
        ("claimlint.lock", vec!["lock", CORPUS, "--lock"], 0o640),
        ("baseline.json", vec!["baseline", CORPUS, "-o"], 0o604),
    ] {
        let path = dir.join(name);
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(mode)).unwrap();
        let mut args = args.clone();
        args.push(arg(&path));
        claimlint(&args);
        assert_ne!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(fs::metadata(&path).unwrap().mode() & 0o7777, mode, "{name}");
    }
    assert_eq!(names(&dir), ["baseline.json", "claimlint.lock", "report.txt"]);
}

#[test]
fn a_device_stays_a_device() {
    let dir = scratch("writes-device");
    // `mknod n c 1 3` (a null device) where allowed, as root; elsewhere `/dev/null`, which
    // only root could replace.
    let own = dir.join("n");
    let made = Command::new("mknod")
        .arg(&own)
        .args(["c", "1", "3"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    let device = if made { own } else { PathBuf::from("/dev/null") };
    for args in [
        vec!["check", CORPUS, "-o"],
        vec!["lock", CORPUS, "--lock"],
        vec!["baseline", CORPUS, "-o"],
        vec!["graph", CORPUS, "-o"],
    ] {
        let mut args = args.clone();
        args.push(arg(&device));
        claimlint(&args);
        let kind = fs::symlink_metadata(&device).unwrap().file_type();
        assert!(kind.is_char_device(), "{args:?} left {device:?} a {kind:?}");
    }
    assert!(names(&dir).iter().all(|n| !n.ends_with(".tmp")), "{:?}", names(&dir));
}

#[test]
fn a_named_pipe_receives_the_report() {
    let dir = scratch("writes-fifo");
    let pipe = dir.join("report.pipe");
    assert!(Command::new("mkfifo").arg(&pipe).status().unwrap().success());
    let reader = {
        let pipe = pipe.clone();
        std::thread::spawn(move || fs::read_to_string(pipe).unwrap())
    };
    claimlint(&["check", CORPUS, "--format", "json", "-o", arg(&pipe)]);
    // Checked first: a pipe replaced by a file would leave the reader waiting for ever.
    assert!(fs::symlink_metadata(&pipe).unwrap().file_type().is_fifo());
    assert_eq!(reader.join().unwrap(), json_report());
    assert_eq!(names(&dir), ["report.pipe"]);
}

/// `-o /dev/stdout` on Linux, where `/dev/stdout` links to `/proc/self/fd/1`. The test makes
/// a link of its own of that shape: a broken write replaces the link it is given, and as root
/// that must never be the system's `/dev/stdout`. `/dev/fd/1` is the same from elsewhere.
#[cfg(target_os = "linux")]
#[test]
fn a_link_to_standard_output_writes_to_it_whatever_it_is() {
    let expected = json_report();
    let dir = scratch("writes-stdout");
    let stdout_link = dir.join("stdout");
    symlink("/proc/self/fd/1", &stdout_link).unwrap();
    for target in [arg(&stdout_link), "/dev/fd/1"] {
        // A pipe: the report arrives on it.
        let piped = claimlint(&["check", CORPUS, "--format", "json", "-o", target]);
        assert_eq!(stdout(&piped), expected, "{target}");
        // A file the shell opened, truncating (`>`) or appending (`>>`).
        let file = dir.join("out.json");
        for (append, before) in [(false, ""), (true, "earlier\n")] {
            fs::write(&file, before).unwrap();
            let opened = fs::OpenOptions::new().append(append).write(true).open(&file).unwrap();
            let status = Command::new(env!("CARGO_BIN_EXE_claimlint"))
                .args(["check", CORPUS, "--no-cache", "--format", "json", "--fail-on", "never"])
                .args(["-o", target])
                .current_dir(root())
                .stdout(opened)
                .status()
                .unwrap();
            assert_eq!(status.code(), Some(0));
            assert_eq!(
                fs::read_to_string(&file).unwrap(),
                format!("{before}{expected}"),
                "{target}"
            );
        }
        assert!(fs::symlink_metadata(&stdout_link).unwrap().file_type().is_symlink());
        assert_eq!(names(&dir), ["out.json", "stdout"], "no temporary file, no new file");
    }
}

#[test]
fn init_never_replaces_what_is_there() {
    let dir = scratch("writes-init");
    symlink("elsewhere.toml", dir.join("claimlint.toml")).unwrap();
    fs::write(dir.join("claimlint.rules.toml"), "# mine\n").unwrap();
    let output = run_in(&dir, &["init"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        fs::symlink_metadata(dir.join("claimlint.toml"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read_to_string(dir.join("claimlint.rules.toml")).unwrap(),
        "# mine\n"
    );
}

/// The id of a process that has exited.
#[cfg(target_os = "linux")]
fn dead_pid() -> u32 {
    let mut child = Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

/// Sets a file's modification time `minutes` back.
#[cfg(target_os = "linux")]
fn age(path: &Path, minutes: u64) {
    let file = fs::File::open(path).unwrap();
    file.set_modified(SystemTime::now() - Duration::from_secs(60 * minutes))
        .unwrap();
}

#[cfg(target_os = "linux")]
#[test]
fn temporary_files_of_killed_runs_beside_a_target_are_removed() {
    let dir = scratch("writes-leftovers");
    let dead = dead_pid();
    let live = std::process::id();
    let stale = [
        format!(".report.json.{dead}.0.tmp"),
        format!(".claimlint.lock.{dead}.4.tmp"),
    ];
    let kept = [
        // A live process's, and one of a gone process too young to judge.
        format!(".report.json.{live}.0.tmp"),
        format!(".report.json.{dead}.9.tmp"),
        // Beside a file this run does not write.
        format!(".notes.txt.{dead}.0.tmp"),
    ];
    for name in stale.iter().chain(&kept) {
        fs::write(dir.join(name), "half a report").unwrap();
        if !name.ends_with(".9.tmp") {
            age(&dir.join(name), 10);
        }
    }
    claimlint(&["check", CORPUS, "--format", "json", "-o", arg(&dir.join("report.json"))]);
    claimlint(&["lock", CORPUS, "--lock", arg(&dir.join("claimlint.lock"))]);
    let mut expected: Vec<String> = kept.to_vec();
    expected.extend(["claimlint.lock".to_owned(), "report.json".to_owned()]);
    expected.sort();
    assert_eq!(names(&dir), expected);
}

#[cfg(target_os = "linux")]
#[test]
fn a_run_killed_while_writing_its_cache_leaves_nothing_after_the_next() {
    let dir = scratch("writes-killed");
    let cache = scratch("writes-killed-store");
    let story = fs::read_to_string(root().join("examples/nato-iraq/2020-02-12-voa-nato-expands-mission.md")).unwrap();
    for i in 0..60 {
        fs::write(dir.join(format!("copy-{i:02}.md")), story.repeat(40)).unwrap();
    }
    let run = || {
        let mut command = Command::new(env!("CARGO_BIN_EXE_claimlint"));
        command
            .args([
                "check",
                ".",
                "--format",
                "json",
                "--fail-on",
                "never",
                "-o",
                "report.json",
                "--cache-dir",
            ])
            .arg(&cache)
            .current_dir(&dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        command
    };
    let version = cache.join("v5");
    let temporary = |folder: &Path| -> Vec<String> {
        fs::read_dir(folder)
            .into_iter()
            .flatten()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect()
    };
    // Killed once it is writing its pack.
    let mut child = run().spawn().unwrap();
    while temporary(&version).is_empty() {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the run ended before writing its pack"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    let _ = Command::new("kill").args(["-KILL", &child.id().to_string()]).status();
    let _ = child.wait();
    let leftovers = temporary(&version);
    assert!(!leftovers.is_empty());
    // Its process is gone; a minute on, the next run removes what it left.
    for leftover in &leftovers {
        age(&version.join(leftover), 10);
    }
    assert!(run().status().unwrap().success());
    let left: Vec<String> = names(&version).into_iter().filter(|n| !n.ends_with(".pack")).collect();
    assert!(left.is_empty(), "{left:?}");
    assert!(names(&dir).iter().all(|n| !n.ends_with(".tmp")));
}
