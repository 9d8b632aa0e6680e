//! A progress line on standard error for long runs: only for human output, only when standard
//! error is a terminal, and only once the run has taken longer than [`DELAY`] (a quick run
//! never draws anything).

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run goes before its progress is shown.
pub const DELAY: Duration = Duration::from_secs(1);

/// The progress of a run (bodies checked so far).
pub struct Progress {
    bar: Option<ProgressBar>,
    start: Instant,
    shown: bool,
}

impl Progress {
    /// A progress line that may appear later (`wanted`: human output was chosen), or never.
    pub fn new(wanted: bool) -> Self {
        let bar = (wanted && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
            let style = ProgressStyle::with_template(
                "{spinner} {human_pos} bodies checked in {elapsed} {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
            bar.set_style(style);
            bar
        });
        Progress {
            bar,
            start: Instant::now(),
            shown: false,
        }
    }

    /// `n` more bodies checked.
    pub fn advance(&mut self, n: usize) {
        let Some(bar) = &self.bar else { return };
        bar.inc(n as u64);
        let secs = self.start.elapsed().as_secs_f64();
        if secs > 0.0 {
            bar.set_message(format!("({:.0}/s)", bar.position() as f64 / secs));
        }
        if !self.shown && self.start.elapsed() > DELAY {
            self.shown = true;
            bar.set_draw_target(ProgressDrawTarget::stderr());
            bar.enable_steady_tick(Duration::from_millis(120));
        }
    }

    /// Run `f` (which writes to standard output) with the progress line out of the way.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) if self.shown => bar.suspend(f),
            _ => f(),
        }
    }

    /// Remove the progress line.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
