//! Each pipeline stage on fixed inputs, with divan: extraction (bytes per second), linking and
//! the rules (claims per second), over the three example corpora copied 40 times (each copy a
//! document of its own); and linking, the rules and the text report over 100,000 short news
//! items about a few subjects and titles (`news_*`), where every subject and title gathers
//! claims from thousands of documents: the work there must grow with the claims, not with
//! their square. Run with `cargo bench --bench stages`.

use std::path::Path;
use std::sync::LazyLock;

use claimlint::documents::{self, Document};
use claimlint::extract::{self, Claim, Gazetteer};
use claimlint::link::{self, ClaimGraph};
use claimlint::report::{self, Run};
use claimlint::rules::{self, RuleContext, RuleSet};
use claimlint::subject::{self, NamesInText};
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

/// How many news items the `news_*` benchmarks read.
const NEWS_ITEMS: usize = 100_000;

/// `NEWS_ITEMS` short news items, as `bench/small_news.py` writes them to disk: a figure about
/// one of a few subjects on a day of two years, often an official by title (with or without
/// the organisation, now and then misspelt) and a surname.
static NEWS: LazyLock<Inputs> = LazyLock::new(|| {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const OFFICIALS: [&str; 7] = [
        "US Defense Secretary Mark Esper",
        "Defense Secretary Mark Esper",
        "Defense Secretary Esper",
        "NATO Secretary General Jens Stoltenberg",
        "Secretary General Jens Stoltenberg",
        "NATO Secretary General Jens Stoltenburg",
        "Police Commissioner Stephen Lo",
    ];
    // A generator of our own: the set is the same on every run.
    let mut state: u64 = 29;
    let mut below = |n: u64| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) % n
    };
    let rules = RuleSet::with_default_pack().expect("default pack");
    let gazetteer = Gazetteer::new(rules.entities.clone(), &rules.nouns);
    let mut documents = Vec::with_capacity(NEWS_ITEMS);
    for item in 0..NEWS_ITEMS {
        let (year, month, day) = (2019 + below(2), 1 + below(12) as usize, 1 + below(28));
        let when = format!("on {} {day}", MONTHS[month - 1]);
        let mut body = match below(4) {
            0 => {
                let n = [500, 500, 500, 550, 4000, 100 + below(900)][below(6) as usize];
                format!("NATO said {when} it has {n} trainers in Iraq.")
            }
            1 => {
                let n = [8600, 8600, 4500, 2500, 2500, 1000 + below(12000)][below(6) as usize];
                format!("The United States had {n} troops in Afghanistan {when}, the Pentagon said.")
            }
            2 => format!(
                "The death toll from the earthquake rose to {} {when}, officials said.",
                100 + below(49_900)
            ),
            _ => {
                let n = [1_030_000, 1_030_000, 240_000, 2_000_000, 338_000][below(5) as usize];
                format!("Organisers said {n} people marched in Hong Kong {when}.")
            }
        };
        if below(2) == 0 {
            let official = OFFICIALS[below(7) as usize];
            body.push_str(&format!(
                " {official} said the figure could change within {} days.",
                2 + below(28)
            ));
        }
        if below(10) < 3 {
            body.push_str(&format!(
                " {} spoke to reporters in the capital.",
                ["Stoltenberg", "Esper", "Lo"][below(3) as usize]
            ));
        }
        let text = format!(
            "---\ntitle: \"Item {item}\"\nsource: Outlet {}\ndate: {year}-{month:02}-{day:02}\n---\n{body}\n",
            below(40)
        );
        documents.push(documents::parse(format!("news/{item:06}.md"), text.into_bytes(), None).expect("item parses"));
    }
    let mut claims = Vec::new();
    for (i, document) in documents.iter_mut().enumerate() {
        claims.extend(extract::extract(i, document, &gazetteer));
        document.names = subject::document_names(document);
    }
    Inputs {
        rules,
        gazetteer,
        documents,
        claims,
    }
});

/// The news items' graph, with the names their documents write and the name claims of the
/// spellings that vary, as `claimlint check` links them; and `claims` grown by those.
fn news_graph(inputs: &Inputs, mut claims: Vec<Claim>) -> (Vec<Claim>, ClaimGraph) {
    let files: Vec<_> = inputs.documents.iter().map(|d| &d.file).collect();
    let names = NamesInText::of(inputs.documents.iter().flat_map(|d| &d.names));
    let mut graph = link::link(&claims, &files, &names, &inputs.rules.subjects, &inputs.gazetteer);
    let mentions: Vec<_> = inputs
        .documents
        .iter()
        .enumerate()
        .flat_map(|(doc, d)| d.names.iter().map(move |m| (doc, m)))
        .collect();
    graph.add_spellings(&mut claims, &mentions);
    (claims, graph)
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn news_link(bencher: divan::Bencher) {
    let inputs = &*NEWS;
    bencher
        .counter(ItemsCount::new(inputs.claims.len()))
        .with_inputs(|| inputs.claims.clone())
        .bench_values(|claims| news_graph(inputs, claims));
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn news_rules(bencher: divan::Bencher) {
    let inputs = &*NEWS;
    let (claims, graph) = news_graph(inputs, inputs.claims.clone());
    let metas: Vec<_> = inputs.documents.iter().map(|d| d.meta.clone()).collect();
    bencher.counter(ItemsCount::new(claims.len())).bench(|| {
        let cx = RuleContext {
            claims: &claims,
            documents: &metas,
            graph: &graph,
            lock: None,
        };
        rules::run(&cx, &inputs.rules).len()
    });
}

/// Everything `claimlint check` does once the claims are read: linking, the rules and the
/// text report.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn news_check(bencher: divan::Bencher) {
    let inputs = &*NEWS;
    let metas: Vec<_> = inputs.documents.iter().map(|d| d.meta.clone()).collect();
    bencher
        .counter(ItemsCount::new(inputs.claims.len()))
        .with_inputs(|| inputs.claims.clone())
        .bench_values(|claims| {
            let (claims, graph) = news_graph(inputs, claims);
            let cx = RuleContext {
                claims: &claims,
                documents: &metas,
                graph: &graph,
                lock: None,
            };
            let findings = rules::run(&cx, &inputs.rules);
            let run = Run {
                documents: &inputs.documents,
                claims: &claims,
                graph: &graph,
                findings: &findings,
                skipped: &[],
                explain_links: false,
                config: None,
                rule_files: &[],
            };
            let mut text = Vec::new();
            report::write_text(&mut text, &run, false, false).expect("report");
            (text, findings, graph, claims)
        });
}

fn main() {
    divan::main();
}
