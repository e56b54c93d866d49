//! Each pipeline stage on fixed inputs, with divan: extraction (bytes per second), linking and
//! the rules (claims per second), over the three example corpora copied 40 times (each copy a
//! document of its own). Run with `cargo bench --bench stages`.

use std::path::Path;
use std::sync::LazyLock;

use claimlint::documents::{self, Document};
use claimlint::extract::{self, Claim, Gazetteer};
use claimlint::link::{self, ClaimGraph};
use claimlint::rules::{self, RuleContext, RuleSet};
use claimlint::subject::NamesInText;
use divan::counter::{BytesCount, ItemsCount};

// The allocator of the `claimlint` binary.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const COPIES: usize = 40;

struct Inputs {
    rules: RuleSet,
    gazetteer: Gazetteer,
    documents: Vec<Document>,
    claims: Vec<Claim>,
}

static INPUTS: LazyLock<Inputs> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut rules = RuleSet::with_default_pack().expect("default pack");
    let mut articles = Vec::new();
    for corpus in ["nato-iraq", "afghanistan-drawdown", "hong-kong-march"] {
        for entry in std::fs::read_dir(root.join(corpus)).expect("example corpus") {
            let path = entry.expect("entry").path();
            let name = path.display().to_string();
            if name.ends_with(".rules.toml") {
                let text = std::fs::read_to_string(&path).expect("rule file");
                rules.add(&name, &text, false).expect("example rules load");
            } else if name.ends_with(".md") {
                articles.push((name, std::fs::read(&path).expect("article")));
            }
        }
    }
    articles.sort();
    let documents: Vec<Document> = (0..COPIES)
        .flat_map(|copy| {
            articles.iter().map(move |(name, bytes)| {
                documents::parse(format!("{copy}/{name}"), bytes.clone(), None).expect("article parses")
            })
        })
        .collect();
    let gazetteer = Gazetteer::new(rules.entities.clone(), &rules.nouns);
    let claims = documents
        .iter()
        .enumerate()
        .flat_map(|(i, d)| extract::extract(i, d, &gazetteer))
        .collect();
    Inputs {
        rules,
        gazetteer,
        documents,
        claims,
    }
});

fn graph(inputs: &Inputs) -> ClaimGraph {
    let files: Vec<_> = inputs.documents.iter().map(|d| &d.file).collect();
    link::link(
        &inputs.claims,
        &files,
        &NamesInText::default(),
        &inputs.rules.subjects,
        &inputs.gazetteer,
    )
}

#[divan::bench]
fn extract(bencher: divan::Bencher) {
    let inputs = &*INPUTS;
    let bytes: usize = inputs.documents.iter().map(|d| d.file.text.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        inputs
            .documents
            .iter()
            .enumerate()
            .map(|(i, doc)| extract::extract(i, doc, &inputs.gazetteer).len())
            .sum::<usize>()
    });
}

#[divan::bench]
fn link(bencher: divan::Bencher) {
    let inputs = &*INPUTS;
    bencher
        .counter(ItemsCount::new(inputs.claims.len()))
        .bench(|| graph(inputs).subjects.len());
}

#[divan::bench]
fn rules(bencher: divan::Bencher) {
    let inputs = &*INPUTS;
    let graph = graph(inputs);
    let metas: Vec<_> = inputs.documents.iter().map(|d| d.meta.clone()).collect();
    bencher.counter(ItemsCount::new(inputs.claims.len())).bench(|| {
        let cx = RuleContext {
            claims: &inputs.claims,
            documents: &metas,
            graph: &graph,
            lock: None,
        };
        rules::run(&cx, &inputs.rules).len()
    });
}

fn main() {
    divan::main();
}
