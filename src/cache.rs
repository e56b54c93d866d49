//! The extraction cache: each document's claims, stored under a key made of everything that
//! decides them, so that a run over an unchanged document set extracts nothing again.
//!
//! The key hashes (XXH3, 128 bits) the file's bytes, its format, the metadata the config gives
//! it (dates and outlets change claim times), the rule files and lexicon in force (they decide
//! entities and counted nouns), the reading options and claimlint's version. A changed file, a
//! new rule file or a new release each miss the cache on their own. A hit costs reading and
//! hashing the file: its front matter, Markdown or HTML is not parsed again, since the entry
//! also keeps what parsing found (metadata, body, comments).
//!
//! Entries live in *packs*: a run that extracts anything writes one pack file holding all of
//! its new entries and an index of them, so a run over a large set creates one file, not one
//! per document, and a later run reads each entry with one positioned read. A pack is written
//! with [`crate::atomic::Staged`] and published by renaming, so runs sharing one cache folder
//! see whole packs or none; where packs hold the same key, the newest wins, and a pack whose
//! every key a newer pack holds (left by runs that extracted the same documents at once) is
//! removed when the cache is opened, with the pack files a killed run left half-written. Once a
//! cache holds [`MAX_PACKS`] packs, the next run writes every entry it reads into its own pack
//! and removes the older ones: the cache keeps what is in use and drops what no longer is.
//!
//! An entry is a small header (magic, format version, checksum of the payload) followed by
//! what parsing found and the claims, in postcard encoding. An entry that is short, has another
//! version or fails its checksum is treated as missing and written anew, and so is every entry
//! of a pack whose index is damaged: the cache is never trusted over the text.

use std::collections::HashMap;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use xxhash_rust::xxh3::{Xxh3, xxh3_128};

use crate::atomic::Staged;
use crate::documents::{Format, Known, ManifestEntry};
use crate::extract::Claim;

/// Bumped whenever the stored form of a claim or a pack changes, or extraction reads a text
/// differently (cached claims of the same version would then be stale).
const FORMAT_VERSION: u32 = 5;
const MAGIC: &[u8; 4] = b"CLMC";
const HEADER_LEN: usize = 4 + 4 + 16;
/// A pack opens with this and the format version.
const PACK_MAGIC: &[u8; 4] = b"CLMP";
const PACK_HEADER_LEN: u64 = 8;
/// An index row: a key, where its entry starts in the pack, and the entry's length.
type Row = (u128, u64, u32);
const ROW_LEN: usize = 16 + 8 + 4;
/// A pack ends with the index's offset, its row count, its checksum and [`PACK_MAGIC`].
const FOOTER_LEN: usize = 8 + 4 + 16 + 4;
/// How many packs a cache holds before a run keeps only the entries it uses.
pub const MAX_PACKS: usize = 8;
const PACK_EXTENSION: &str = "pack";

/// Where one entry is: its pack (by index into [`Cache::packs`]), offset and length.
#[derive(Debug, Clone, Copy)]
struct Place {
    pack: usize,
    offset: u64,
    len: u32,
}

/// The pack a run is writing and the index of what it holds.
struct PackWriter {
    file: Staged,
    rows: Vec<Row>,
}

/// A cache folder and the fingerprint of the settings that extraction depends on.
pub struct Cache {
    dir: PathBuf,
    settings: u128,
    packs: Vec<(PathBuf, File)>,
    index: HashMap<u128, Place>,
    /// Packs that could not be read; removed when the run finishes.
    damaged: Vec<PathBuf>,
    /// This run writes the entries it reads too, and removes the older packs at the end.
    keep_only_used: bool,
    writer: Mutex<Option<PackWriter>>,
    /// A write into the new pack failed: it holds less than this run used.
    write_failed: std::sync::atomic::AtomicBool,
}

impl Cache {
    /// The cache under the user's cache folder (`$XDG_CACHE_HOME/claimlint`,
    /// `~/.cache/claimlint`, `~/Library/Caches/claimlint`, `%LOCALAPPDATA%\claimlint`).
    pub fn default_dir() -> Option<PathBuf> {
        dirs::cache_dir().map(|d| d.join("claimlint"))
    }

    /// A cache in `dir`, created if needed, with the index of every pack in it. `settings` is
    /// every input besides the document that extraction depends on: rule files, lexicon,
    /// options.
    pub fn open(dir: &Path, settings: &[&[u8]]) -> io::Result<Self> {
        let dir = dir.join(format!("v{FORMAT_VERSION}"));
        std::fs::create_dir_all(&dir)?;
        let mut hasher = Xxh3::new();
        hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
        for part in settings {
            hasher.update(&(part.len() as u64).to_le_bytes());
            hasher.update(part);
        }
        let mut cache = Self {
            settings: hasher.digest128(),
            packs: Vec::new(),
            index: HashMap::new(),
            damaged: Vec::new(),
            keep_only_used: false,
            writer: Mutex::new(None),
            write_failed: Default::default(),
            dir,
        };
        // Pack files a killed run left half-written (never those of a run still writing).
        crate::atomic::remove_stale_temporaries(&cache.dir, |name| {
            Path::new(name).extension().is_some_and(|e| e == PACK_EXTENSION)
        });
        // Pack names start with their creation time, so this order is oldest first.
        for path in pack_paths(&cache.dir)? {
            match read_index(&path) {
                Ok((file, rows)) => {
                    let pack = cache.packs.len();
                    for (key, offset, len) in rows {
                        cache.index.insert(key, Place { pack, offset, len });
                    }
                    cache.packs.push((path, file));
                }
                Err(_) => cache.damaged.push(path),
            }
        }
        cache.remove_shadowed_packs();
        cache.keep_only_used = cache.packs.len() + cache.damaged.len() >= MAX_PACKS;
        Ok(cache)
    }

    /// Removes the packs none of whose entries is read, since a newer pack holds each of
    /// their keys: the duplicates that runs sharing a cache leave when they extract the same
    /// documents at once. Nothing is lost: every entry removed is held by a whole pack that
    /// stays (the newest pack is never removed this way), and a run killed while removing
    /// them leaves the rest whole.
    fn remove_shadowed_packs(&mut self) {
        let mut read = vec![false; self.packs.len()];
        for place in self.index.values() {
            read[place.pack] = true;
        }
        if read.iter().all(|&r| r) {
            return;
        }
        // Where each kept pack moves to once the others are dropped.
        let mut moved = Vec::with_capacity(read.len());
        let mut kept = 0;
        for &r in &read {
            moved.push(kept);
            kept += usize::from(r);
        }
        for place in self.index.values_mut() {
            place.pack = moved[place.pack];
        }
        let packs = std::mem::take(&mut self.packs);
        for ((path, file), read) in packs.into_iter().zip(read) {
            if read {
                self.packs.push((path, file));
            } else {
                // Closed first: some systems remove no open file.
                drop(file);
                let _ = std::fs::remove_file(path);
            }
        }
    }

    /// The key of a file's claims: its name's format, its manifest entry and its bytes.
    pub fn key(&self, path: &str, manifest: Option<&ManifestEntry>, bytes: &[u8]) -> u128 {
        let mut hasher = Xxh3::new();
        hasher.update(&self.settings.to_le_bytes());
        let manifest = manifest.map(|m| (m.date, &m.source, &m.title));
        hasher.update(format!("{:?}\0{manifest:?}\0", Format::of(path)).as_bytes());
        hasher.update(bytes);
        hasher.digest128()
    }

    /// What parsing found and the claims stored under `key`; `None` when there is no whole,
    /// valid entry. The claims' document index is left for the caller to set.
    pub fn get(&self, key: u128) -> Option<(Known, Vec<Claim>)> {
        let place = *self.index.get(&key)?;
        let mut bytes = vec![0; place.len as usize];
        read_exact_at(&self.packs[place.pack].1, &mut bytes, place.offset).ok()?;
        let found = decode(&bytes)?;
        if self.keep_only_used {
            // A failed write is remembered by `append`; the entry was read all the same.
            let _ = self.append(key, &bytes);
        }
        Some(found)
    }

    /// Stores a document's parse and claims under `key`, in this run's pack.
    pub fn put(&self, key: u128, known: &Known, claims: &[Claim]) -> io::Result<()> {
        self.append(key, &encode(known, claims))
    }

    /// Adds an entry to this run's pack. After a failed write, every later one fails too.
    fn append(&self, key: u128, entry: &[u8]) -> io::Result<()> {
        if self.write_failed.load(std::sync::atomic::Ordering::Relaxed) {
            return Err(io::Error::other("an earlier write to the cache failed"));
        }
        self.write_entry(key, entry).inspect_err(|_| {
            self.write_failed.store(true, std::sync::atomic::Ordering::Relaxed);
        })
    }

    fn write_entry(&self, key: u128, entry: &[u8]) -> io::Result<()> {
        let mut writer = self.writer.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let writer = match &mut *writer {
            Some(writer) => writer,
            empty => {
                let mut file = Staged::create(&self.dir.join(new_pack_name()))?;
                file.write(PACK_MAGIC)?;
                file.write(&FORMAT_VERSION.to_le_bytes())?;
                empty.insert(PackWriter { file, rows: Vec::new() })
            }
        };
        let len = u32::try_from(entry.len()).map_err(|_| io::Error::other("a cache entry over 4 GiB"))?;
        let offset = writer.file.len();
        writer.file.write(entry)?;
        writer.rows.push((key, offset, len));
        Ok(())
    }

    /// Publishes this run's pack, if it wrote anything, and removes the packs it replaces
    /// and those found damaged.
    pub fn finish(self) -> io::Result<()> {
        let Self {
            packs,
            damaged,
            keep_only_used,
            writer,
            write_failed,
            ..
        } = self;
        let write_failed = write_failed.into_inner();
        let published = match writer.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner) {
            // A pack that missed a write is not published: the next run extracts again.
            Some(_) if write_failed => false,
            Some(PackWriter { mut file, rows }) => {
                let index_offset = file.len();
                let mut index = Vec::with_capacity(rows.len() * ROW_LEN);
                for (key, offset, len) in &rows {
                    index.extend_from_slice(&key.to_le_bytes());
                    index.extend_from_slice(&offset.to_le_bytes());
                    index.extend_from_slice(&len.to_le_bytes());
                }
                file.write(&index)?;
                file.write(&index_offset.to_le_bytes())?;
                file.write(&(rows.len() as u32).to_le_bytes())?;
                file.write(&xxh3_128(&index).to_le_bytes())?;
                file.write(PACK_MAGIC)?;
                // When older packs are removed next, this one must be on disk first.
                file.publish(keep_only_used)?;
                true
            }
            None => false,
        };
        let mut stale = damaged;
        // Open packs are closed first: some systems remove no open file.
        let replaced: Vec<PathBuf> = packs.into_iter().map(|(path, _)| path).collect();
        if published && keep_only_used {
            stale.extend(replaced);
        }
        for path in stale {
            let _ = std::fs::remove_file(path);
        }
        Ok(())
    }
}

/// A pack's name: its creation time, so names sort oldest first, and the process.
fn new_pack_name() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("{nanos:024}-{}.{PACK_EXTENSION}", std::process::id())
}

/// The packs in a cache's version folder, oldest first (temporary files are not packs).
fn pack_paths(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.extension().is_some_and(|e| e == PACK_EXTENSION)
                && !path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    paths.sort();
    Ok(paths)
}

/// A pack, opened, and its index rows; an error when any part of its frame is damaged.
fn read_index(path: &Path) -> io::Result<(File, Vec<Row>)> {
    let damaged = || io::Error::new(io::ErrorKind::InvalidData, "a damaged cache pack");
    let file = File::open(path)?;
    let len = file.metadata()?.len();
    if len < PACK_HEADER_LEN + FOOTER_LEN as u64 {
        return Err(damaged());
    }
    let mut header = [0; PACK_HEADER_LEN as usize];
    read_exact_at(&file, &mut header, 0)?;
    if &header[..4] != PACK_MAGIC || header[4..] != FORMAT_VERSION.to_le_bytes() {
        return Err(damaged());
    }
    let mut footer = [0; FOOTER_LEN];
    read_exact_at(&file, &mut footer, len - FOOTER_LEN as u64)?;
    let index_offset = u64::from_le_bytes(footer[..8].try_into().expect("8 bytes"));
    let count = u32::from_le_bytes(footer[8..12].try_into().expect("4 bytes")) as u64;
    let checksum = u128::from_le_bytes(footer[12..28].try_into().expect("16 bytes"));
    if &footer[28..] != PACK_MAGIC
        || index_offset < PACK_HEADER_LEN
        || index_offset.checked_add(count * ROW_LEN as u64 + FOOTER_LEN as u64) != Some(len)
    {
        return Err(damaged());
    }
    let mut index = vec![0; (count as usize) * ROW_LEN];
    read_exact_at(&file, &mut index, index_offset)?;
    if xxh3_128(&index) != checksum {
        return Err(damaged());
    }
    let rows = index
        .chunks_exact(ROW_LEN)
        .map(|row| {
            (
                u128::from_le_bytes(row[..16].try_into().expect("16 bytes")),
                u64::from_le_bytes(row[16..24].try_into().expect("8 bytes")),
                u32::from_le_bytes(row[24..].try_into().expect("4 bytes")),
            )
        })
        .collect::<Vec<_>>();
    if rows
        .iter()
        .any(|&(_, offset, len)| offset + u64::from(len) > index_offset)
    {
        return Err(damaged());
    }
    Ok((file, rows))
}

#[cfg(unix)]
fn read_exact_at(file: &File, buffer: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buffer, offset)
}

#[cfg(windows)]
fn read_exact_at(file: &File, mut buffer: &mut [u8], mut offset: u64) -> io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !buffer.is_empty() {
        match file.seek_read(buffer, offset)? {
            0 => return Err(io::ErrorKind::UnexpectedEof.into()),
            read => {
                buffer = &mut buffer[read..];
                offset += read as u64;
            }
        }
    }
    Ok(())
}

/// Removes every entry of every format version under `dir` (the `vN` folders this module
/// writes; nothing else in `dir` is touched) and says how many entries and bytes went.
pub fn clean(dir: &Path) -> io::Result<(usize, u64)> {
    let (mut entries, mut bytes) = (0, 0);
    let versions = match std::fs::read_dir(dir) {
        Ok(versions) => versions,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((0, 0)),
        Err(e) => return Err(e),
    };
    for version in versions {
        let version = version?.path();
        let name = version.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let ours = name
            .strip_prefix('v')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if !ours || !version.is_dir() {
            continue;
        }
        for item in std::fs::read_dir(&version)? {
            let item = item?.path();
            if item.is_dir() {
                // Earlier versions kept one file per entry, in folders by key.
                for entry in std::fs::read_dir(item)? {
                    bytes += entry?.metadata()?.len();
                    entries += 1;
                }
            } else {
                bytes += item.metadata()?.len();
                entries += read_index(&item).map_or(0, |(_, rows)| rows.len());
            }
        }
        std::fs::remove_dir_all(&version)?;
    }
    Ok((entries, bytes))
}

fn encode(known: &Known, claims: &[Claim]) -> Vec<u8> {
    let payload = postcard::to_allocvec(&(known, claims)).expect("claims are plain data");
    let mut bytes = Vec::with_capacity(HEADER_LEN + payload.len());
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    bytes.extend_from_slice(&xxh3_128(&payload).to_le_bytes());
    bytes.extend_from_slice(&payload);
    bytes
}

fn decode(bytes: &[u8]) -> Option<(Known, Vec<Claim>)> {
    let (header, payload) = bytes.split_at_checked(HEADER_LEN)?;
    let version = u32::from_le_bytes(header[4..8].try_into().ok()?);
    let checksum = u128::from_le_bytes(header[8..].try_into().ok()?);
    if &header[..4] != MAGIC || version != FORMAT_VERSION || xxh3_128(payload) != checksum {
        return None;
    }
    postcard::from_bytes(payload).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::{self, Document};
    use crate::extract::{self, Gazetteer};
    use crate::rules::RuleSet;

    fn claims_of(text: &str) -> (Document, Vec<Claim>) {
        let rules = RuleSet::with_default_pack().unwrap();
        let gazetteer = Gazetteer::new(rules.entities, &rules.nouns);
        let doc = documents::parse("a.md".into(), text.as_bytes().to_vec(), None).unwrap();
        let claims = extract::extract(0, &doc, &gazetteer);
        (doc, claims)
    }

    #[test]
    fn entries_round_trip_and_damage_is_never_trusted() {
        let (doc, claims) =
            claims_of("---\ndate: 2020-01-09\n---\nNATO has about 500 trainers in Iraq.\n<!-- a note -->\n");
        let bytes = encode(&doc.known(), &claims);
        let (known, back) = decode(&bytes).expect("a whole entry decodes");
        assert_eq!(format!("{back:?}"), format!("{claims:?}"));
        assert_eq!(known.meta, doc.meta);
        assert_eq!(known.comments.len(), 1);
        assert!(decode(&bytes[..bytes.len() - 1]).is_none(), "a truncated entry");
        let mut flipped = bytes.clone();
        *flipped.last_mut().unwrap() ^= 1;
        assert!(decode(&flipped).is_none(), "a changed byte");
        assert!(decode(b"CLMC").is_none());
    }

    #[test]
    fn the_key_follows_bytes_format_manifest_and_settings() {
        let dir = std::env::temp_dir().join(format!("claimlint-cache-key-{}", std::process::id()));
        let cache = Cache::open(&dir, &[b"rules one"]).unwrap();
        let other_rules = Cache::open(&dir, &[b"rules two"]).unwrap();
        let text = b"NATO has 500 trainers.\n";
        let key = cache.key("a.md", None, text);
        assert_eq!(key, cache.key("b/c.md", None, text), "the path is no part of it");
        assert_ne!(key, cache.key("a.md", None, b"NATO has 600 trainers.\n"));
        assert_ne!(key, cache.key("a.html", None, text));
        assert_ne!(key, other_rules.key("a.md", None, text));
        let manifest = documents::ManifestEntry {
            date: Some(jiff::civil::date(2020, 1, 9)),
            ..Default::default()
        };
        assert_ne!(key, cache.key("a.md", Some(&manifest), text));
        let _ = std::fs::remove_dir_all(dir);
    }
}
