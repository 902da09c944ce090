//! Timed reminders as the interview goes: which of the guide's reminders are due now, how
//! pressing each is, and which the interviewer has dismissed.
//!
//! A reminder is due while its condition holds (see `guide::When`) and goes when it stops
//! holding or is dismissed. Reminders of a moment (a minute of the interview, entering a
//! phase) hold for [`MOMENT`]. Past the planned end the console adds one of its own, so no
//! reminder about the time left outlives the time. A finished interview has none; the
//! wrap-up has only those that name it.

use std::time::{Duration, Instant};

use super::{Interview, PhaseKind};
use crate::guide::{PhaseSelector, TimedReminder, When};

/// How long a reminder of a moment stays due: a minute of interview time.
pub const MOMENT: Duration = Duration::from_secs(60);

/// Which reminder, so that dismissing one leaves the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReminderId {
    /// The guide's timed reminder at this index; for one about a phase, the phase (by its
    /// index in the interview) it is due in, so that dismissing it on one question leaves
    /// it for the next.
    Timed { index: usize, phase: Option<usize> },
    /// The console's own: the interview is past its planned end, in this phase.
    PastPlannedEnd { phase: usize },
}

/// How pressing a reminder is: the footer shows the most pressing one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Priority {
    /// About the phase at hand: a check, a prompt.
    Normal,
    /// About the time running out: the time left, the rest not fitting, the end passed.
    Urgent,
}

/// A reminder due now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub id: ReminderId,
    pub text: String,
    pub priority: Priority,
    /// The interview time at which it became due (in this visit of the phase, for one about
    /// a phase).
    pub since: Duration,
}

/// The guide's timed reminders and the ones the interviewer dismissed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reminders {
    timed: Vec<TimedReminder>,
    dismissed: Vec<ReminderId>,
}

impl Reminders {
    pub fn new(timed: Vec<TimedReminder>) -> Reminders {
        Reminders {
            timed,
            dismissed: Vec::new(),
        }
    }

    /// Every reminder due now and not dismissed, the most pressing first: urgent before
    /// normal, then the most recently due first.
    pub fn due(&self, interview: &Interview, now: Instant) -> Vec<Due> {
        if interview.is_finished() {
            return Vec::new();
        }
        let mut due: Vec<Due> = self
            .timed
            .iter()
            .enumerate()
            .filter_map(|(index, reminder)| timed_due(index, reminder, interview, now))
            .chain(past_planned_end(interview, now))
            .filter(|d| !self.dismissed.contains(&d.id))
            .collect();
        due.sort_by(|a, b| b.priority.cmp(&a.priority).then(b.since.cmp(&a.since)));
        due
    }

    /// The most pressing reminder due now, if any.
    pub fn first_due(&self, interview: &Interview, now: Instant) -> Option<Due> {
        self.due(interview, now).into_iter().next()
    }

    /// Dismisses a reminder for the rest of this run of the console.
    pub fn dismiss(&mut self, id: ReminderId) {
        if !self.dismissed.contains(&id) {
            self.dismissed.push(id);
        }
    }
}

fn minutes(m: u32) -> Duration {
    Duration::from_secs(u64::from(m) * 60)
}

fn selects(selector: PhaseSelector, kind: PhaseKind) -> bool {
    match (selector, kind) {
        (PhaseSelector::Intro, PhaseKind::Intro)
        | (PhaseSelector::EveryQuestion, PhaseKind::Question(_))
        | (PhaseSelector::CandidateQuestions, PhaseKind::CandidateQuestions)
        | (PhaseSelector::WrapUp, PhaseKind::WrapUp) => true,
        (PhaseSelector::Question(n), PhaseKind::Question(i)) => n == i + 1,
        _ => false,
    }
}

/// `percent` of `budget`, in whole milliseconds.
fn share(budget: Duration, percent: u32) -> Duration {
    let millis = budget.as_millis() * u128::from(percent) / 100;
    Duration::from_millis(u64::try_from(millis).unwrap_or(u64::MAX))
}

fn timed_due(
    index: usize,
    reminder: &TimedReminder,
    interview: &Interview,
    now: Instant,
) -> Option<Due> {
    let elapsed = interview.elapsed(now);
    let total = interview.plan().budgets.total;
    let at = interview.current_index();
    let kind = interview.current().kind;
    let entered = interview.entered_at();
    // Reminders about the hour stay out of the wrap-up, which comes after it.
    let on_the_clock = kind != PhaseKind::WrapUp;
    let (since, phase, priority) = match reminder.when {
        When::AtMinute(m) => {
            let from = minutes(m);
            let due = on_the_clock && elapsed >= from && elapsed < from + MOMENT;
            due.then_some((from, None, Priority::Normal))?
        }
        When::MinutesLeft(m) => {
            let from = total.saturating_sub(minutes(m));
            let due = on_the_clock && elapsed >= from && elapsed < total;
            due.then_some((from, None, Priority::Urgent))?
        }
        When::ShareOfPhase { phase, percent } => {
            let threshold = share(interview.current().budget?, percent);
            let spent = interview.spent(at, now);
            if !selects(phase, kind) || spent < threshold {
                return None;
            }
            let reached = elapsed.saturating_sub(spent - threshold);
            (reached.max(entered), Some(at), Priority::Normal)
        }
        When::EnteringPhase(phase) => {
            let due = selects(phase, kind) && interview.spent(at, now) < MOMENT;
            due.then_some((entered, Some(at), Priority::Normal))?
        }
        When::RestDoesNotFit => {
            let asking = matches!(kind, PhaseKind::Intro | PhaseKind::Question(_));
            let needed: Duration = interview.phases()[at + 1..]
                .iter()
                .filter_map(|p| p.budget)
                .sum();
            let left = total.saturating_sub(elapsed);
            let due = asking && !left.is_zero() && left < needed;
            due.then_some((
                total.saturating_sub(needed).max(entered),
                None,
                Priority::Urgent,
            ))?
        }
    };
    Some(Due {
        id: ReminderId::Timed { index, phase },
        text: reminder.text.clone(),
        priority,
        since,
    })
}

/// Past the planned end, the console says so, whatever the guide: before the candidate's
/// questions it is time for them; during them, time to wrap up.
fn past_planned_end(interview: &Interview, now: Instant) -> Option<Due> {
    let kind = interview.current().kind;
    if kind == PhaseKind::WrapUp {
        return None;
    }
    interview.over_by(now)?;
    let text = if matches!(kind, PhaseKind::CandidateQuestions | PhaseKind::Closing) {
        "Past the planned end: time to wrap up."
    } else {
        "Past the planned end: time for their questions."
    };
    Some(Due {
        id: ReminderId::PastPlannedEnd {
            phase: interview.current_index(),
        },
        text: text.to_string(),
        priority: Priority::Urgent,
        since: interview.plan().budgets.total.max(interview.entered_at()),
    })
}

#[cfg(test)]
mod tests;
