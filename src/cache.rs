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
//! An entry is a small header (magic, format version, checksum of the payload) followed by
//! what parsing found and the claims, in postcard encoding. An entry that is short, has another version or fails its
//! checksum is treated as missing and written anew: the cache is never trusted over the text.
//! Entries are written with [`crate::atomic::write`], so runs sharing one cache folder see
//! either a whole entry or none.

use std::io;
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::{Xxh3, xxh3_128};

use crate::documents::{Format, Known, ManifestEntry};
use crate::extract::Claim;

/// Bumped whenever the stored form of a claim changes.
const FORMAT_VERSION: u32 = 2;
const MAGIC: &[u8; 4] = b"CLMC";
const HEADER_LEN: usize = 4 + 4 + 16;

/// A cache folder and the fingerprint of the settings that extraction depends on.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
    settings: u128,
}

impl Cache {
    /// The cache under the user's cache folder (`$XDG_CACHE_HOME/claimlint`,
    /// `~/.cache/claimlint`, `~/Library/Caches/claimlint`, `%LOCALAPPDATA%\claimlint`).
    pub fn default_dir() -> Option<PathBuf> {
        dirs::cache_dir().map(|d| d.join("claimlint"))
    }

    /// A cache in `dir`, created if needed. `settings` is every input besides the document
    /// that extraction depends on: rule files, lexicon, options.
    pub fn open(dir: &Path, settings: &[&[u8]]) -> io::Result<Self> {
        let dir = dir.join(format!("v{FORMAT_VERSION}"));
        std::fs::create_dir_all(&dir)?;
        let mut hasher = Xxh3::new();
        hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
        for part in settings {
            hasher.update(&(part.len() as u64).to_le_bytes());
            hasher.update(part);
        }
        Ok(Self {
            dir,
            settings: hasher.digest128(),
        })
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

    fn path_of(&self, key: u128) -> PathBuf {
        let hex = format!("{key:032x}");
        self.dir.join(&hex[..2]).join(&hex[2..])
    }

    /// What parsing found and the claims stored under `key`; `None` when there is no whole,
    /// valid entry. The claims' document index is left for the caller to set.
    pub fn get(&self, key: u128) -> Option<(Known, Vec<Claim>)> {
        decode(&std::fs::read(self.path_of(key)).ok()?)
    }

    /// Stores a document's parse and claims under `key`, replacing any entry there.
    pub fn put(&self, key: u128, known: &Known, claims: &[Claim]) -> io::Result<()> {
        let path = self.path_of(key);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)?;
        }
        crate::atomic::write(&path, &encode(known, claims))
    }
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
        for shard in std::fs::read_dir(&version)? {
            let shard = shard?.path();
            if !shard.is_dir() {
                continue;
            }
            for entry in std::fs::read_dir(shard)? {
                let entry = entry?;
                bytes += entry.metadata()?.len();
                entries += 1;
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
