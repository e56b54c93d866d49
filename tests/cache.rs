//! The extraction cache: a second run over an unchanged set extracts nothing, a changed file is
//! extracted alone, damaged entries are never trusted, and runs sharing a cache do not clash.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::common::{root, run_in, scratch, stderr, stdout};

/// A copy of the NATO-in-Iraq example corpus in a fresh folder.
fn corpus(name: &str) -> std::path::PathBuf {
    let dir = scratch(name);
    for entry in fs::read_dir(root().join("examples/nato-iraq")).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    dir
}

/// `check --verbose` with the cache in `cache`: the JSON report and the verbose line.
fn check(dir: &Path, cache: &Path, extra: &[&str]) -> (String, String) {
    let cache = cache.to_str().unwrap();
    let mut args = vec!["check", ".", "--format", "json", "--verbose", "--cache-dir", cache];
    args.extend_from_slice(extra);
    let output = run_in(dir, &args);
    assert!(output.status.code().is_some_and(|c| c < 2), "{}", stderr(&output));
    let line = stderr(&output)
        .lines()
        .find(|l| l.starts_with("read "))
        .expect("--verbose says what was read")
        .to_owned();
    (stdout(&output), line)
}

/// The `N from the cache, M extracted` part of the verbose line.
fn counts(line: &str) -> &str {
    let from = line.find(": ").unwrap() + 2;
    let to = line.find(';').unwrap();
    &line[from..to]
}

/// Every entry file under the cache folder.
fn entries(cache: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    let mut folders = vec![cache.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(folder).into_iter().flatten() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The packs under the cache folder: every file that is not a temporary one.
fn packs(cache: &Path) -> Vec<std::path::PathBuf> {
    let files = entries(cache);
    assert!(
        files.iter().all(|f| f.extension().is_some_and(|e| e == "pack")),
        "nothing but packs, no stray temporary file: {files:?}"
    );
    files
}

#[test]
fn an_unchanged_set_is_read_from_the_cache_and_a_changed_file_alone_is_extracted() {
    let dir = corpus("cache-unchanged");
    let cache = scratch("cache-unchanged-store");
    let (cold, line) = check(&dir, &cache, &[]);
    assert_eq!(counts(&line), "0 from the cache, 5 extracted", "{line}");
    assert_eq!(packs(&cache).len(), 1, "a run writes one pack");
    let (warm, line) = check(&dir, &cache, &[]);
    assert_eq!(counts(&line), "5 from the cache, 0 extracted", "{line}");
    assert_eq!(warm, cold, "the cache changes nothing in the report");
    assert_eq!(packs(&cache).len(), 1, "a run that extracts nothing writes nothing");

    let name = "2020-01-09-nato-more-after-trump-call.md";
    let text = fs::read_to_string(dir.join(name)).unwrap();
    fs::write(dir.join(name), text.replacen("500", "650", 1)).unwrap();
    let (changed, line) = check(&dir, &cache, &[]);
    assert_eq!(counts(&line), "4 from the cache, 1 extracted", "{line}");
    assert!(changed.contains("650"), "the changed value is reported");
    assert_ne!(changed, cold);
    assert_eq!(packs(&cache).len(), 2);

    // A new rule file changes what extraction knows, so nothing is reused.
    fs::write(dir.join("extra.rules.toml"), "[nouns]\npersonnel = [\"advisers\"]\n").unwrap();
    let (_, line) = check(&dir, &cache, &["--rules", "extra.rules.toml"]);
    assert_eq!(counts(&line), "0 from the cache, 5 extracted", "{line}");
}

#[test]
fn no_cache_reads_and_writes_nothing() {
    let dir = corpus("cache-off");
    let cache = scratch("cache-off-store");
    let (_, line) = check(&dir, &cache, &["--no-cache"]);
    assert_eq!(counts(&line), "0 from the cache, 5 extracted", "{line}");
    assert!(entries(&cache).is_empty());
    fs::write(
        dir.join("claimlint.toml"),
        "rules = [\"nato-iraq.rules.toml\"]\ncache = false\n",
    )
    .unwrap();
    check(&dir, &cache, &[]);
    assert!(entries(&cache).is_empty(), "the config turns it off too");
}

#[test]
fn damaged_packs_and_entries_are_ignored_and_written_again() {
    let dir = corpus("cache-damaged");
    for damage in ["truncated", "garbage", "entry"] {
        let cache = scratch(&format!("cache-damaged-store-{damage}"));
        let (cold, _) = check(&dir, &cache, &[]);
        let pack = packs(&cache).pop().expect("a pack");
        let mut bytes = fs::read(&pack).unwrap();
        let extracted = match damage {
            "truncated" => {
                bytes.truncate(bytes.len() - 1);
                5
            }
            "garbage" => {
                bytes = b"not a pack".to_vec();
                5
            }
            _ => {
                // The first entry's last byte, well before the index at the end.
                bytes[200] ^= 0x40;
                1
            }
        };
        fs::write(&pack, bytes).unwrap();
        let (again, line) = check(&dir, &cache, &[]);
        assert_eq!(
            counts(&line),
            format!("{} from the cache, {extracted} extracted", 5 - extracted),
            "{damage}: {line}"
        );
        assert_eq!(again, cold, "{damage}");
        let (_, line) = check(&dir, &cache, &[]);
        assert_eq!(
            counts(&line),
            "5 from the cache, 0 extracted",
            "{damage}, rewritten: {line}"
        );
        if extracted == 5 {
            assert_eq!(packs(&cache).len(), 1, "{damage}: the damaged pack is removed");
        }
    }
}

#[test]
fn a_cache_of_many_packs_keeps_what_the_run_uses() {
    let dir = corpus("cache-packs");
    let cache = scratch("cache-packs-store");
    let name = "2020-01-09-nato-more-after-trump-call.md";
    let text = fs::read_to_string(dir.join(name)).unwrap();
    // Each run changes one file, so each writes a pack of one entry.
    for run in 0..12 {
        fs::write(dir.join(name), text.replacen("500", &format!("{}", 600 + run), 1)).unwrap();
        let (_, line) = check(&dir, &cache, &[]);
        let expected = if run == 0 {
            "0 from the cache, 5 extracted"
        } else {
            "4 from the cache, 1 extracted"
        };
        assert_eq!(counts(&line), expected, "run {run}: {line}");
        let held = packs(&cache).len();
        assert!((1..=8).contains(&held), "run {run}: {held} packs");
    }
    let (_, line) = check(&dir, &cache, &[]);
    assert_eq!(counts(&line), "5 from the cache, 0 extracted", "{line}");
}

#[test]
fn runs_sharing_one_cache_do_not_corrupt_it() {
    let cache = scratch("cache-shared-store");
    let folders: Vec<_> = (0..4).map(|i| corpus(&format!("cache-shared-{i}"))).collect();
    // Started together on an empty cache, the runs write the same entries at once.
    let running: Vec<_> = folders
        .iter()
        .map(|dir| {
            Command::new(env!("CARGO_BIN_EXE_claimlint"))
                .args(["check", ".", "--format", "json", "--fail-on", "never", "--cache-dir"])
                .arg(&cache)
                .current_dir(dir)
                .stdout(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let reports: Vec<String> = running
        .into_iter()
        .map(|child| {
            let output = child.wait_with_output().unwrap();
            assert_eq!(output.status.code(), Some(0));
            String::from_utf8(output.stdout).unwrap()
        })
        .collect();
    assert!(reports.windows(2).all(|w| w[0] == w[1]), "every run reports the same");
    let stored = packs(&cache);
    assert!((1..=4).contains(&stored.len()), "a pack per run at most: {stored:?}");
    let (warm, line) = check(&folders[0], &cache, &["--fail-on", "never"]);
    assert_eq!(counts(&line), "5 from the cache, 0 extracted", "{line}");
    assert_eq!(warm, reports[0]);
}

#[test]
fn the_progress_bar_shows_on_a_terminal_and_never_in_a_pipe() {
    let dir = scratch("cache-progress");
    let story = fs::read_to_string(root().join("examples/nato-iraq/2020-01-09-nato-more-after-trump-call.md")).unwrap();
    for i in 0..20 {
        fs::write(dir.join(format!("story-{i:02}.md")), &story).unwrap();
    }
    let args = ["check", ".", "--no-cache", "--fail-on", "never"];
    // `script` runs the command on a pseudo-terminal, as a person at a terminal would.
    let on_terminal = |extra: &str| {
        let command = format!(
            "{} {} {extra} > /dev/null",
            env!("CARGO_BIN_EXE_claimlint"),
            args.join(" ")
        );
        let output = Command::new("script")
            .args(["-qec", &command, "/dev/null"])
            .current_dir(&dir)
            .output()
            .expect("script (util-linux) runs");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let shown = on_terminal("--progress always");
    assert!(shown.contains("/20 files · "), "{shown}");
    assert!(shown.contains(" claims · "), "{shown}");
    for quiet in ["--progress never", "--progress always --quiet"] {
        let shown = on_terminal(quiet);
        assert!(!shown.contains("files ·"), "{quiet}: {shown}");
    }
    for piped in [&args[..], &[&args[..], &["--progress", "always"]].concat()] {
        let output = run_in(&dir, piped);
        assert!(!stderr(&output).contains("files ·"), "{}", stderr(&output));
    }
}

#[test]
fn cache_clean_removes_the_entries_and_nothing_else() {
    let dir = corpus("cache-clean");
    let cache = scratch("cache-clean-store");
    fs::write(cache.join("notes.txt"), "kept").unwrap();
    check(&dir, &cache, &[]);
    assert_eq!(entries(&cache).len(), 2, "a pack and the note");
    let cache_arg = cache.to_str().unwrap();
    let path = run_in(&dir, &["cache", "path", "--cache-dir", cache_arg]);
    assert_eq!(stdout(&path).trim(), cache_arg);
    let clean = run_in(&dir, &["cache", "clean", "--cache-dir", cache_arg]);
    assert_eq!(clean.status.code(), Some(0), "{}", stderr(&clean));
    let said = stdout(&clean);
    assert!(said.starts_with("removed 5 cache entries ("), "{said}");
    assert_eq!(entries(&cache), [cache.join("notes.txt")]);
    let (_, line) = check(&dir, &cache, &[]);
    assert_eq!(counts(&line), "0 from the cache, 5 extracted", "{line}");
}

/// The id of a process that has exited.
#[cfg(target_os = "linux")]
fn dead_pid() -> u32 {
    let mut child = Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

#[cfg(target_os = "linux")]
#[test]
fn pack_files_of_killed_runs_are_removed_and_those_being_written_kept() {
    let dir = corpus("cache-leftovers");
    let cache = scratch("cache-leftovers-store");
    let version = cache.join("v5");
    fs::create_dir_all(&version).unwrap();
    let dead = dead_pid();
    let live = std::process::id();
    let gone = format!(".000001765000000000000000-{dead}.pack.{dead}.0.tmp");
    let running = format!(".000001765000000000000001-{live}.pack.{live}.0.tmp");
    let young = format!(".000001765000000000000002-{dead}.pack.{dead}.1.tmp");
    let not_a_pack = format!(".notes.txt.{dead}.0.tmp");
    for name in [&gone, &running, &young, &not_a_pack] {
        fs::write(version.join(name), vec![0; 4096]).unwrap();
        if name != &young {
            let file = fs::File::open(version.join(name)).unwrap();
            file.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(600))
                .unwrap();
        }
    }
    let (_, line) = check(&dir, &cache, &[]);
    assert_eq!(counts(&line), "0 from the cache, 5 extracted", "{line}");
    let mut left: Vec<String> = entries(&cache)
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".pack"))
        .collect();
    left.sort();
    let mut expected = vec![running, young, not_a_pack];
    expected.sort();
    assert_eq!(left, expected, "only the dead process's old pack file went");
}

#[test]
fn duplicate_packs_become_one_and_nothing_is_lost() {
    let dir = corpus("cache-duplicates");
    let cache = scratch("cache-duplicates-store");
    let (cold, _) = check(&dir, &cache, &[]);
    let [pack] = &packs(&cache)[..] else { panic!("one pack") };
    // What two runs extracting the same set at once leave: the same entries twice, and a
    // third pack holding part of them.
    let name = pack.file_name().unwrap().to_str().unwrap();
    let (time, rest) = name.split_once('-').unwrap();
    let time: u128 = time.parse().unwrap();
    let newer = pack.with_file_name(format!("{:024}-{rest}", time + 1));
    fs::copy(pack, &newer).unwrap();
    assert_eq!(packs(&cache).len(), 2);

    let (warm, line) = check(&dir, &cache, &[]);
    assert_eq!(counts(&line), "5 from the cache, 0 extracted", "{line}");
    assert_eq!(warm, cold, "the same report");
    assert_eq!(packs(&cache), [newer], "the older duplicate is removed");

    // A pack with one entry a newer pack also holds, and one of its own, stays.
    let story = "2020-01-09-nato-more-after-trump-call.md";
    let text = fs::read_to_string(dir.join(story)).unwrap();
    fs::write(dir.join(story), text.replacen("500", "650", 1)).unwrap();
    check(&dir, &cache, &[]);
    fs::write(dir.join(story), &text).unwrap();
    assert_eq!(packs(&cache).len(), 2);
    let (again, line) = check(&dir, &cache, &[]);
    assert_eq!(counts(&line), "5 from the cache, 0 extracted", "{line}");
    assert_eq!(again, cold);
    assert_eq!(packs(&cache).len(), 2, "each pack holds an entry no other does");
}
