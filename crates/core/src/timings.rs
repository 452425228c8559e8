//! Time spent in each stage, summed over every document, window and thread since the
//! pipeline was built: what `claimx extract --timings` prints and `scripts/bench.py` reads
//! for the claim stage's share of the work. With one thread the sums are wall time; with
//! more, the per-window stages add up the time of every thread that ran them while the
//! tagger's batched pass counts once (its own threads run inside it).

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// The stages timed, in pipeline order.
pub const STAGES: [&str; 7] = [
    "admit",
    "text",
    "words",
    "tagger",
    "entities+figures",
    "claims",
    "merge",
];

/// Running sums, one per stage of [`STAGES`].
#[derive(Debug, Default)]
pub(crate) struct StageClock {
    nanos: [AtomicU64; 7],
}

impl StageClock {
    /// Run `f`, adding its time to stage `k`.
    pub(crate) fn time<T>(&self, k: usize, f: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let out = f();
        self.nanos[k].fetch_add(start.elapsed().as_nanos() as u64, Ordering::Relaxed);
        out
    }

    /// Add a duration measured elsewhere to stage `k`.
    pub(crate) fn add(&self, k: usize, d: Duration) {
        self.nanos[k].fetch_add(d.as_nanos() as u64, Ordering::Relaxed);
    }

    /// The sums so far.
    pub(crate) fn read(&self) -> StageTimes {
        StageTimes {
            stages: STAGES
                .iter()
                .zip(&self.nanos)
                .map(|(name, n)| (*name, Duration::from_nanos(n.load(Ordering::Relaxed))))
                .collect(),
        }
    }
}

/// Time per stage (see the module documentation for what the sums mean).
#[derive(Debug, Clone, PartialEq)]
pub struct StageTimes {
    /// `(stage, time)` in pipeline order.
    pub stages: Vec<(&'static str, Duration)>,
}

impl StageTimes {
    /// The sum over all stages.
    pub fn total(&self) -> Duration {
        self.stages.iter().map(|(_, d)| *d).sum()
    }

    /// One stage's share of the total, 0..1.
    pub fn share(&self, stage: &str) -> f64 {
        let total = self.total().as_secs_f64();
        let d = self
            .stages
            .iter()
            .find(|(s, _)| *s == stage)
            .map_or(0.0, |(_, d)| d.as_secs_f64());
        if total > 0.0 {
            d / total
        } else {
            0.0
        }
    }

    /// A small table: stage, seconds, share.
    pub fn table(&self) -> String {
        let mut s = format!("{:<18}{:>10}{:>8}\n", "stage", "seconds", "share");
        for (name, d) in &self.stages {
            s += &format!(
                "{:<18}{:>10.3}{:>7.1}%\n",
                name,
                d.as_secs_f64(),
                100.0 * self.share(name)
            );
        }
        s + &format!("{:<18}{:>10.3}\n", "total", self.total().as_secs_f64())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_and_shares() {
        let clock = StageClock::default();
        clock.time(5, || std::thread::sleep(Duration::from_millis(20)));
        clock.time(3, || std::thread::sleep(Duration::from_millis(20)));
        let t = clock.read();
        assert_eq!(t.stages.len(), STAGES.len());
        assert!(t.total() >= Duration::from_millis(40));
        assert!((t.share("claims") - 0.5).abs() < 0.2, "{}", t.table());
        assert_eq!(t.share("admit"), 0.0);
    }
}
