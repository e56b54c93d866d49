//! A progress bar on stderr for long runs: files, bytes, claims and rate. It appears only when
//! stderr is a terminal, `--quiet` is off and the run has taken more than a moment, so CI logs
//! and pipes never see it.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run goes before the bar appears, unless asked for at once.
pub const DELAY: Duration = Duration::from_millis(600);

pub struct Progress {
    bar: Option<ProgressBar>,
    delay: Duration,
    bytes: AtomicUsize,
    claims: AtomicUsize,
    shown: AtomicBool,
    started: Instant,
}

impl Progress {
    /// A bar over `files` files that appears after `delay`, or never (`None`).
    pub fn new(files: usize, delay: Option<Duration>) -> Self {
        let wanted = delay.is_some() && std::io::stderr().is_terminal();
        let bar = wanted.then(|| {
            let bar = ProgressBar::with_draw_target(Some(files as u64), ProgressDrawTarget::hidden());
            bar.set_style(
                ProgressStyle::with_template("{bar:30} {pos}/{len} files · {msg} · {elapsed}")
                    .expect("a valid template"),
            );
            bar
        });
        Self {
            bar,
            delay: delay.unwrap_or_default(),
            bytes: AtomicUsize::new(0),
            claims: AtomicUsize::new(0),
            shown: AtomicBool::new(false),
            started: Instant::now(),
        }
    }

    /// One more document done, of `bytes` bytes with `claims` claims.
    pub fn advance(&self, bytes: usize, claims: usize) {
        let Some(bar) = &self.bar else { return };
        let bytes = self.bytes.fetch_add(bytes, Ordering::Relaxed) + bytes;
        let claims = self.claims.fetch_add(claims, Ordering::Relaxed) + claims;
        let seconds = self.started.elapsed().as_secs_f64();
        if self.started.elapsed() >= self.delay && !self.shown.swap(true, Ordering::Relaxed) {
            bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(8));
        }
        bar.inc(1);
        bar.set_message(format!(
            "{:.1} MB · {claims} claims · {:.1} MB/s",
            bytes as f64 / 1e6,
            bytes as f64 / 1e6 / seconds.max(1e-9)
        ));
    }

    /// Clears the bar, leaving the terminal as it was.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
