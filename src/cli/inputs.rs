//! What a run is asked to read: standard input, bounded like a file; the paths named, which
//! must exist; the error when none of it could be read; and `extract --stream`, which prints
//! each document's claim records as soon as that document is read.

use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::OnceLock;

use rayon::prelude::*;

use super::{ExtractFormat, Failure, InputArgs, Prepared, ProgressChoice, ReadFile, Stage, prepare, progress};
use crate::documents::{self, Skipped};
use crate::extract::Gazetteer;
use crate::link;
use crate::report::{self, escape::visible};
use crate::rules::RuleSet;
use crate::subject::NamesInText;

/// The name standard input goes by in reports (`extract` records keep the spec's `-`).
pub(super) const STDIN_NAME: &str = "<stdin>";

/// Fails, naming each, when a path named on the command line or in the config does not exist
/// or cannot be looked at: the run stops before it reads anything, and prints no report.
pub(super) fn check_named_paths(paths: &[PathBuf]) -> Result<(), Failure> {
    let problems: Vec<String> = paths
        .iter()
        .filter_map(|path| {
            let error = std::fs::metadata(path).err()?;
            Some(format!("{}: {}", path.display(), documents::io_reason(&error)))
        })
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Failure::Messages(problems))
    }
}

/// Standard input's bytes under `name`, read like a file: at most `max_bytes`, else it is
/// skipped as too large (and the rest of it is left unread). A command that reads no
/// standard input (`name` is `None`) refuses `-`.
pub(super) fn read_stdin(name: Option<&str>, max_bytes: u64) -> Result<Result<(String, Vec<u8>), Skipped>, Failure> {
    let Some(name) = name else {
        return Err(Failure::Message(
            "this command does not read standard input (`-`); name files or folders".into(),
        ));
    };
    let mut bytes = Vec::new();
    io::stdin()
        .lock()
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::Message(format!("cannot read standard input: {}", documents::io_reason(&e))))?;
    if bytes.len() as u64 > max_bytes {
        return Ok(Err(Skipped {
            path: name.to_owned(),
            reason: format!(
                "more than the {} limit (raise it with --max-file-size)",
                documents::format_size(max_bytes)
            ),
            io_error: false,
        }));
    }
    Ok(Ok((name.to_owned(), bytes)))
}

/// Why a run that read no document fails: every file it found was skipped, or it found none.
pub(super) fn nothing_read(skipped: &[Skipped], paths: &[PathBuf]) -> String {
    match skipped.len() {
        0 => {
            let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
            format!(
                "no document was read: {} {} no .txt, .md or .html file",
                report::some_of(&names, report::UNDATED_NAMED),
                if names.len() == 1 { "holds" } else { "hold" }
            )
        }
        1 => "no document was read: the only file was skipped (see above)".into(),
        n => format!("no document was read: all {n} files were skipped (see above)"),
    }
}

/// One document's records, rendered, and what to say about it.
struct Rendered {
    path: String,
    bytes: Vec<u8>,
    records: usize,
    /// It had more claims than the limit.
    cut: bool,
    /// Read with `--lossy`: the first invalid byte and the encoding.
    invalid_at: Option<(usize, &'static str)>,
    from_cache: bool,
    len: usize,
}

/// What rendering needs besides the document.
struct Renderer<'a> {
    rules: &'a RuleSet,
    gazetteer: &'a Gazetteer,
    format: ExtractFormat,
    max_claims: usize,
}

impl Renderer<'_> {
    /// Links one document's claims on their own and renders their records.
    fn render(&self, read: ReadFile) -> io::Result<Rendered> {
        let ReadFile {
            document,
            mut claims,
            from_cache,
        } = read;
        let cut = claims.len() > self.max_claims;
        claims.truncate(self.max_claims);
        for claim in &mut claims {
            claim.doc = 0;
        }
        let names = NamesInText::of(document.names.iter());
        let graph = link::link(&claims, &[&document.file], &names, &self.rules.subjects, self.gazetteer);
        let documents = [document];
        let record = |i| report::claim_record(&documents, &claims, Some(&graph), i);
        let mut bytes = Vec::new();
        let records = 0..claims.len();
        match self.format {
            ExtractFormat::Jsonl => report::write_claims_jsonl(&mut bytes, records.map(record))?,
            ExtractFormat::Text => report::write_claims_text(&mut bytes, records.map(record))?,
            ExtractFormat::Json => report::write_claims_json_items(&mut bytes, records.map(record))?,
        }
        let [document] = documents;
        Ok(Rendered {
            bytes,
            records: claims.len(),
            cut,
            invalid_at: document
                .invalid_utf8_at
                .map(|at| (at, if document.file.is_utf16() { "UTF-16" } else { "UTF-8" })),
            from_cache,
            len: document.file.len(),
            path: document.file.path,
        })
    }
}

/// Writes records as documents come: JSON Lines and text as they are, JSON as one document
/// opened before the first record and closed after the last.
struct Output<W: Write> {
    out: W,
    format: ExtractFormat,
    written: usize,
}

impl<W: Write> Output<W> {
    fn write(&mut self, rendered: &Rendered) -> io::Result<()> {
        if rendered.records == 0 {
            return Ok(());
        }
        if matches!(self.format, ExtractFormat::Json) {
            self.out.write_all(if self.written == 0 {
                b"{\n  \"claims\": [\n"
            } else {
                b",\n"
            })?;
        }
        self.written += rendered.records;
        self.out.write_all(&rendered.bytes)
    }

    fn finish(mut self) -> io::Result<()> {
        if matches!(self.format, ExtractFormat::Json) {
            self.out.write_all(if self.written == 0 {
                b"{\n  \"claims\": []\n}\n"
            } else {
                b"\n  ]\n}\n"
            })?;
        }
        self.out.flush()
    }
}

/// `extract --stream`: each document is read, extracted, linked on its own and printed in the
/// order given, a batch of documents at a time on all threads, so memory holds the documents
/// in flight and never the set. A record's subject is what its document alone says.
pub(super) fn extract_streaming(input: &InputArgs, format: ExtractFormat) -> Result<ExitCode, Failure> {
    let Prepared {
        config,
        quiet,
        started,
        options,
        max_claims,
        rules,
        gazetteer,
        cache,
        stdin,
        files,
        paths,
        skipped: walk_problems,
        imported: _,
        config_path: _,
        rule_files: _,
    } = prepare(input, Some("-"), &[])?;
    let stage = Stage {
        cache: cache.as_ref(),
        gazetteer: &gazetteer,
        config: &config,
        options,
        max_claims,
    };
    let renderer = Renderer {
        rules: &rules,
        gazetteer: &gazetteer,
        format,
        max_claims,
    };
    let warn = |message: &str| {
        if !quiet {
            eprintln!("warning: {}", visible(message));
        }
    };
    let mut skipped: Vec<Skipped> = Vec::new();
    let mut skip = |skip: Skipped| {
        if skip.io_error {
            eprintln!("error: {}: {}", visible(&skip.path), visible(&skip.reason));
        } else {
            warn(&format!("skipped {}: {}", skip.path, skip.reason));
        }
        skipped.push(skip);
    };
    walk_problems.into_iter().for_each(&mut skip);

    let mut output = Output {
        out: io::BufWriter::with_capacity(1 << 16, io::stdout().lock()),
        format,
        written: 0,
    };
    let (mut documents, mut hits, mut megabytes) = (0, 0, 0.0);
    let mut done = |result: Result<io::Result<Rendered>, Skipped>, skip: &mut dyn FnMut(Skipped)| -> io::Result<()> {
        let rendered = match result {
            Ok(rendered) => rendered?,
            Err(skipped) => {
                skip(skipped);
                return Ok(());
            }
        };
        if rendered.cut {
            warn(&format!(
                "{}: more than {max_claims} claims; the rest of the document is not checked (raise the limit with --max-claims)",
                rendered.path
            ));
        }
        if let Some((at, encoding)) = rendered.invalid_at {
            warn(&format!(
                "{}: not valid {encoding} (at byte {at}); read with U+FFFD in place of the invalid bytes",
                rendered.path
            ));
        }
        documents += 1;
        hits += usize::from(rendered.from_cache);
        megabytes += rendered.len as f64 / 1e6;
        output.write(&rendered)
    };

    if let Some(read) = stdin {
        let result = read
            .and_then(|(name, bytes)| stage.extract_bytes(name, bytes))
            .map(|read| renderer.render(read));
        done(result, &mut skip)?;
    }
    let progress = progress::Progress::new(
        files.len(),
        match input.progress {
            _ if quiet => None,
            ProgressChoice::Never => None,
            ProgressChoice::Auto => Some(progress::DELAY),
            ProgressChoice::Always => Some(std::time::Duration::ZERO),
        },
    );
    let cache_failure = OnceLock::new();
    // Two documents per thread in flight: enough to keep the threads busy while the
    // batch's slowest document finishes.
    let batch = 2 * rayon::current_num_threads();
    for chunk in files.chunks(batch) {
        let results: Vec<Result<io::Result<Rendered>, Skipped>> = chunk
            .par_iter()
            .map(|path| {
                let read = stage.read_and_extract(path, &cache_failure)?;
                progress.advance(read.document.file.len(), read.claims.len());
                Ok(renderer.render(read))
            })
            .collect();
        for result in results {
            done(result, &mut skip)?;
        }
    }
    progress.finish();
    if let Some(cache) = cache
        && let Err(e) = cache.finish()
    {
        cache_failure.get_or_init(|| documents::io_reason(&e));
    }
    if let Some(reason) = cache_failure.get() {
        warn(&format!(
            "cannot write to the cache: {reason}; the next run extracts again"
        ));
    }
    if documents == 0 {
        // With --quiet the reasons were not said; the failure says them.
        if quiet {
            for skip in skipped.iter().filter(|s| !s.io_error) {
                eprintln!("warning: skipped {}: {}", visible(&skip.path), visible(&skip.reason));
            }
        }
        return Err(Failure::Message(nothing_read(&skipped, &paths)));
    }
    output.finish()?;
    if input.verbose {
        let seconds = started.elapsed().as_secs_f64();
        eprintln!(
            "read {documents} document(s), {megabytes:.1} MB: {hits} from the cache, {} extracted; in {seconds:.2} s ({:.1} MB/s)",
            documents - hits,
            megabytes / seconds.max(1e-9),
        );
    }
    Ok(if skipped.iter().any(|s| s.io_error) {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
