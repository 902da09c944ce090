//! The interview clock: time that runs while the interview runs and stops while paused.
//!
//! Time is always passed in (`now`), never read here, so tests drive it by hand.

use std::time::{Duration, Instant};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clock {
    started_at: Instant,
    paused_since: Option<Instant>,
    paused_total: Duration,
}

impl Clock {
    pub fn start(now: Instant) -> Clock {
        Clock {
            started_at: now,
            paused_since: None,
            paused_total: Duration::ZERO,
        }
    }

    /// Interview time: wall time since the start, less every pause.
    pub fn elapsed(&self, now: Instant) -> Duration {
        let until = self.paused_since.unwrap_or(now);
        until
            .saturating_duration_since(self.started_at)
            .saturating_sub(self.paused_total)
    }

    pub fn is_paused(&self) -> bool {
        self.paused_since.is_some()
    }

    pub fn pause(&mut self, now: Instant) {
        if self.paused_since.is_none() {
            self.paused_since = Some(now);
        }
    }

    pub fn resume(&mut self, now: Instant) {
        if let Some(since) = self.paused_since.take() {
            self.paused_total += now.saturating_duration_since(since);
        }
    }

    pub fn toggle_pause(&mut self, now: Instant) {
        if self.is_paused() {
            self.resume(now);
        } else {
            self.pause(now);
        }
    }

    /// How long until the elapsed time reaches its next whole second, the next moment the
    /// display can change; `None` while paused, when nothing changes until a key is pressed.
    pub fn until_next_second(&self, now: Instant) -> Option<Duration> {
        if self.is_paused() {
            return None;
        }
        let into_second = self.elapsed(now).subsec_nanos();
        Some(Duration::from_nanos(u64::from(1_000_000_000 - into_second)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn secs(s: u64) -> Duration {
        Duration::from_secs(s)
    }

    #[test]
    fn elapsed_counts_running_time_only() {
        let t0 = Instant::now();
        let mut clock = Clock::start(t0);
        assert_eq!(clock.elapsed(t0 + secs(90)), secs(90));
        clock.pause(t0 + secs(100));
        assert_eq!(clock.elapsed(t0 + secs(400)), secs(100));
        clock.resume(t0 + secs(400));
        assert_eq!(clock.elapsed(t0 + secs(410)), secs(110));
    }

    #[test]
    fn pausing_twice_keeps_the_first_pause() {
        let t0 = Instant::now();
        let mut clock = Clock::start(t0);
        clock.pause(t0 + secs(10));
        clock.pause(t0 + secs(20));
        clock.resume(t0 + secs(30));
        assert_eq!(clock.elapsed(t0 + secs(30)), secs(10));
    }

    #[test]
    fn toggle_alternates_pause_and_resume() {
        let t0 = Instant::now();
        let mut clock = Clock::start(t0);
        clock.toggle_pause(t0 + secs(5));
        assert!(clock.is_paused());
        clock.toggle_pause(t0 + secs(65));
        assert!(!clock.is_paused());
        assert_eq!(clock.elapsed(t0 + secs(70)), secs(10));
    }

    #[test]
    fn next_tick_is_the_next_whole_second_and_none_while_paused() {
        let t0 = Instant::now();
        let mut clock = Clock::start(t0);
        let now = t0 + Duration::from_millis(2_300);
        assert_eq!(
            clock.until_next_second(now),
            Some(Duration::from_millis(700))
        );
        assert_eq!(clock.until_next_second(t0 + secs(3)), Some(secs(1)));
        clock.pause(now);
        assert_eq!(clock.until_next_second(now), None);
    }
}

/// `mm:ss`, minutes growing past 99 rather than wrapping.
pub fn mm_ss(d: Duration) -> String {
    let secs = d.as_secs();
    format!("{:02}:{:02}", secs / 60, secs % 60)
}

#[cfg(test)]
mod format_tests {
    use super::*;

    #[test]
    fn mm_ss_pads_and_never_wraps() {
        assert_eq!(mm_ss(Duration::from_millis(65_900)), "01:05");
        assert_eq!(mm_ss(Duration::from_secs(100 * 60 + 1)), "100:01");
    }
}
