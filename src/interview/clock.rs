//! The interview clock: time that runs while the interview runs and stops while paused.
//!
//! Time is always passed in (`now`), never read here, so tests drive it by hand.

use std::time::{Duration, Instant};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clock {
    /// Interview time from before this run of the program (a resumed session).
    carried: Duration,
    started_at: Instant,
    paused_since: Option<Instant>,
    paused_total: Duration,
    pauses: Vec<Pause>,
    /// Stopped for good (a finished interview): `carried` is all the time there is, and no
    /// pause is running or recorded.
    stopped: bool,
}

/// A pause: when it began, in interview time, and how long it lasted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pause {
    pub at: Duration,
    pub length: Duration,
}

impl Clock {
    pub fn start(now: Instant) -> Clock {
        Clock::from_elapsed(Duration::ZERO, Vec::new(), false, now)
    }

    /// Goes on from `elapsed` of interview time and the pauses before it, running or paused.
    pub fn from_elapsed(
        elapsed: Duration,
        pauses: Vec<Pause>,
        paused: bool,
        now: Instant,
    ) -> Clock {
        Clock {
            carried: elapsed,
            started_at: now,
            paused_since: paused.then_some(now),
            paused_total: Duration::ZERO,
            pauses,
            stopped: false,
        }
    }

    /// Stops the clock where it stands, as an interview does when it is finished: the time
    /// after this is no interview time, and no pause either. A pause under way ends here.
    pub fn stop(&mut self, now: Instant) {
        if self.stopped {
            return;
        }
        self.resume(now);
        self.carried = self.elapsed(now);
        self.stopped = true;
    }

    /// Runs a stopped clock again from where it stopped (a finished interview reopened).
    pub fn restart(&mut self, now: Instant) {
        if !self.stopped {
            return;
        }
        self.started_at = now;
        self.paused_total = Duration::ZERO;
        self.paused_since = None;
        self.stopped = false;
    }

    pub fn is_stopped(&self) -> bool {
        self.stopped
    }

    /// The pause under way, if any, as long as it has lasted so far.
    pub fn open_pause(&self, now: Instant) -> Option<Pause> {
        self.paused_since.map(|since| Pause {
            at: self.elapsed(now),
            length: now.saturating_duration_since(since),
        })
    }

    /// Every finished pause, in order.
    pub fn pauses(&self) -> &[Pause] {
        &self.pauses
    }

    /// Interview time: time since the start, less every pause.
    pub fn elapsed(&self, now: Instant) -> Duration {
        if self.stopped {
            return self.carried;
        }
        let until = self.paused_since.unwrap_or(now);
        self.carried
            + until
                .saturating_duration_since(self.started_at)
                .saturating_sub(self.paused_total)
    }

    pub fn is_paused(&self) -> bool {
        self.paused_since.is_some()
    }

    pub fn pause(&mut self, now: Instant) {
        if self.paused_since.is_none() && !self.stopped {
            self.paused_since = Some(now);
        }
    }

    pub fn resume(&mut self, now: Instant) {
        if self.paused_since.is_none() {
            return;
        }
        let at = self.elapsed(now);
        if let Some(since) = self.paused_since.take() {
            let length = now.saturating_duration_since(since);
            self.paused_total += length;
            // A clock resumed paused and at once stopped or run again paused for no time.
            if !length.is_zero() {
                self.pauses.push(Pause { at, length });
            }
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
    /// display can change; `None` while paused or stopped, when nothing changes until a key
    /// is pressed.
    pub fn until_next_second(&self, now: Instant) -> Option<Duration> {
        if self.is_paused() || self.stopped {
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
        assert_eq!(
            clock.pauses(),
            [Pause {
                at: secs(100),
                length: secs(300)
            }]
        );
    }

    #[test]
    fn a_resumed_clock_goes_on_from_the_carried_time() {
        let t0 = Instant::now();
        let running = Clock::from_elapsed(secs(600), Vec::new(), false, t0);
        assert_eq!(running.elapsed(t0 + secs(5)), secs(605));
        let mut paused = Clock::from_elapsed(secs(600), Vec::new(), true, t0);
        assert!(paused.is_paused());
        assert_eq!(paused.elapsed(t0 + secs(50)), secs(600));
        paused.resume(t0 + secs(50));
        assert_eq!(paused.elapsed(t0 + secs(60)), secs(610));
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
    fn a_stopped_clock_keeps_its_time_records_no_pause_and_restarts_from_it() {
        let t0 = Instant::now();
        let mut clock = Clock::start(t0);
        clock.pause(t0 + secs(10));
        clock.stop(t0 + secs(30));
        assert!(clock.is_stopped() && !clock.is_paused());
        assert_eq!(clock.elapsed(t0 + secs(3_000)), secs(10));
        assert_eq!(
            clock.pauses(),
            [Pause {
                at: secs(10),
                length: secs(20)
            }]
        );
        assert_eq!(clock.open_pause(t0 + secs(3_000)), None);
        assert_eq!(clock.until_next_second(t0 + secs(3_000)), None);
        clock.toggle_pause(t0 + secs(3_000));
        assert!(!clock.is_paused(), "a stopped clock does not pause");
        clock.restart(t0 + secs(4_000));
        assert!(!clock.is_stopped());
        assert_eq!(clock.elapsed(t0 + secs(4_005)), secs(15));
        assert_eq!(clock.pauses().len(), 1, "the time stopped is no pause");
    }

    #[test]
    fn a_clock_resumed_paused_and_stopped_at_once_records_no_empty_pause() {
        let t0 = Instant::now();
        let mut clock = Clock::from_elapsed(secs(600), Vec::new(), true, t0);
        clock.stop(t0);
        assert_eq!(clock.pauses(), []);
        assert_eq!(clock.elapsed(t0 + secs(60)), secs(600));
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

/// `mm:ss`, minutes growing past 99 rather than wrapping: for clocks on screen and time
/// stamps in the notes.
pub fn mm_ss(d: Duration) -> String {
    let secs = d.as_secs();
    format!("{:02}:{:02}", secs / 60, secs % 60)
}

/// A duration for a document, in words that cannot be read as hours and minutes when they
/// are minutes and seconds: `42 s`, `6 min 05 s`, `9 min`, `1 h 09 min` (from an hour on,
/// whole minutes).
pub fn in_words(d: Duration) -> String {
    let secs = d.as_secs();
    let (hours, minutes, seconds) = (secs / 3600, secs / 60 % 60, secs % 60);
    match (hours, minutes, seconds) {
        (0, 0, s) => format!("{s} s"),
        (0, m, 0) => format!("{m} min"),
        (0, m, s) => format!("{m} min {s:02} s"),
        (h, m, _) => format!("{h} h {m:02} min"),
    }
}

/// Time spent against the time planned: `06:30 / 09:00`, or `06:30` with no budget.
pub fn spent_of(spent: Duration, budget: Option<Duration>) -> String {
    match budget {
        Some(budget) => format!("{} / {}", mm_ss(spent), mm_ss(budget)),
        None => mm_ss(spent),
    }
}

#[cfg(test)]
mod format_tests {
    use super::*;

    #[test]
    fn mm_ss_pads_and_never_wraps() {
        assert_eq!(mm_ss(Duration::from_millis(65_900)), "01:05");
        assert_eq!(mm_ss(Duration::from_secs(100 * 60 + 1)), "100:01");
    }

    #[test]
    fn durations_in_words_never_read_as_a_clock() {
        let words = |s: u64| in_words(Duration::from_secs(s));
        assert_eq!(words(0), "0 s");
        assert_eq!(words(42), "42 s");
        assert_eq!(words(69), "1 min 09 s");
        assert_eq!(words(9 * 60), "9 min");
        assert_eq!(words(6 * 60 + 30), "6 min 30 s");
        assert_eq!(words(59 * 60 + 59), "59 min 59 s");
        assert_eq!(words(60 * 60), "1 h 00 min");
        assert_eq!(words(69 * 60 + 59), "1 h 09 min");
        assert_eq!(words(600 * 60), "10 h 00 min");
    }
}
