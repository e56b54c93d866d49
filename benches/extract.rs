//! Extraction throughput on one core, in MB/s.
//!
//! Corpus: the news articles of `examples/nato-iraq`, copied until the set holds about 32 MB,
//! each copy a document of its own (so sentence splitting, entity lookup and claim building
//! all run as they do on a real document set). Run with `cargo bench --bench extract`.
//!
//! The time reported is the best of ten runs over the set, after one run to warm up: the
//! fastest run is the one least disturbed by whatever else the machine is doing.
//! `CLAIMLINT_BENCH_MB` sets another size (a small one suits a profiler).
//!
//! To profile: build with `CARGO_PROFILE_RELEASE_DEBUG=line-tables-only cargo bench --bench
//! extract --no-run` and run the executable it names under `perf record -g` (or `--call-graph
//! dwarf` for the functions inlined into `extract_prose`); the sentence scan shows apart, as
//! `starts::scan`.

use std::path::Path;
use std::time::Instant;

use claimlint::documents::{self, Document};
use claimlint::extract::{self, Gazetteer};
use claimlint::rules::RuleSet;

// The allocator of the `claimlint` binary.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const DEFAULT_MEGABYTES: usize = 32;
const RUNS: usize = 10;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/nato-iraq");
    let mut articles: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("examples/nato-iraq is readable")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .map(|path| {
            (
                path.display().to_string(),
                std::fs::read(&path).expect("article is readable"),
            )
        })
        .collect();
    articles.sort();
    let set_bytes: usize = articles.iter().map(|(_, bytes)| bytes.len()).sum();
    let megabytes: usize = std::env::var("CLAIMLINT_BENCH_MB")
        .ok()
        .and_then(|mb| mb.parse().ok())
        .unwrap_or(DEFAULT_MEGABYTES);
    let copies = (megabytes << 20).div_ceil(set_bytes);
    let documents: Vec<Document> = (0..copies)
        .flat_map(|copy| {
            articles.iter().map(move |(name, bytes)| {
                documents::parse(format!("{copy}/{name}"), bytes.clone(), None).expect("article parses")
            })
        })
        .collect();
    let bytes: usize = documents.iter().map(|d| d.file.text.len()).sum();

    let rules = RuleSet::with_default_pack().expect("default pack loads");
    let gazetteer = Gazetteer::new(rules.entities.clone(), &rules.nouns);
    let run = || {
        let started = Instant::now();
        let claims: usize = documents
            .iter()
            .enumerate()
            .map(|(i, doc)| extract::extract(i, doc, &gazetteer).len())
            .sum();
        (started.elapsed().as_secs_f64(), claims)
    };
    run();
    let (best, claims) = (0..RUNS)
        .map(|_| run())
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .expect("at least one run");
    let megabytes = bytes as f64 / 1e6;
    println!(
        "extract  news (examples/nato-iraq x{copies}, {} documents)  {megabytes:.1} MB  {best:.3} s  {:.1} MB/s  {claims} claims  one core",
        documents.len(),
        megabytes / best,
    );
}
