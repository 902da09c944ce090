//! The interview as a pure state machine: phases, moves between them, and time.
//!
//! Intro → Question 1…N → Candidate's questions → Wrap-up, forward and back at any time.
//! Time accrues to whichever phase is current while the clock runs. Nothing here touches
//! the terminal or the disk; `now` is always passed in.

pub mod clock;
pub mod evidence;
pub mod finish;
pub mod plan;
pub mod reminders;
pub mod session;

use std::time::{Duration, Instant, SystemTime};

pub use clock::{Clock, Pause};
pub use finish::{Missing, finish_check};
pub use plan::{Budgets, Plan, PlanError, QuestionChoice};
pub use reminders::{Due, Priority, ReminderId, Reminders};

use crate::guide::Question;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhaseKind {
    Intro,
    /// The planned question at this index (0-based).
    Question(usize),
    CandidateQuestions,
    /// The guide's closing statement, when it has one.
    Closing,
    WrapUp,
}

impl PhaseKind {
    /// The phases of an interview of `questions` questions, in order; `closing` when the
    /// guide has a closing statement.
    pub fn all(questions: usize, closing: bool) -> impl Iterator<Item = PhaseKind> {
        std::iter::once(PhaseKind::Intro)
            .chain((0..questions).map(PhaseKind::Question))
            .chain([PhaseKind::CandidateQuestions])
            .chain(closing.then_some(PhaseKind::Closing))
            .chain([PhaseKind::WrapUp])
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phase {
    pub kind: PhaseKind,
    /// `None` for wrap-up, which comes after the hour.
    pub budget: Option<Duration>,
    spent: Duration,
    visited: bool,
}

/// How a phase's time compares with its budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BudgetState {
    Normal,
    /// 80 % of the budget used.
    Nearly,
    Over,
}

/// Where an interview stands: what a session file keeps to go on from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub current: usize,
    /// Time spent in each phase, the current visit included.
    pub spent: Vec<Duration>,
    pub visited: Vec<bool>,
    pub paused: bool,
    pub pauses: Vec<Pause>,
    /// Each planned question's rating: a position on the plan's scale.
    pub ratings: Vec<Option<usize>>,
    /// The overall recommendation, on the same scale.
    pub recommendation: Option<usize>,
}

/// What a question (or the recommendation) without a rating is called, wherever it shows.
pub const UNRATED: &str = "unrated";

/// What a rating key changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rated {
    /// The planned question at this index, and its rating now.
    Question(usize, Option<usize>),
    Recommendation(Option<usize>),
}

/// Why a rating key did nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RateError {
    #[error("ratings are for questions and the wrap-up")]
    NotHere,
    #[error("the scale has {0} ratings")]
    OffScale(usize),
}

/// Why saved progress does not fit a plan.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "saved progress has {found} phases where the plan has {expected}, or a current phase outside them"
)]
pub struct ProgressMismatch {
    pub expected: usize,
    pub found: usize,
}

/// How much of the time the console was down counts as interview time when a session is
/// resumed: all of it while the planned hour since the start has not run out (the
/// interview went on without the console), none once it has or when the clock was paused.
/// `None` means resume with the clock paused. Never more than `planned`: the time away
/// cannot be longer than the hour it was part of.
pub fn resume_gap(
    started: SystemTime,
    planned: Duration,
    saved: SystemTime,
    now: SystemTime,
    was_paused: bool,
) -> Option<Duration> {
    let ends = started.checked_add(planned);
    if was_paused || ends.is_none_or(|ends| now > ends) {
        return None;
    }
    Some(
        now.duration_since(saved)
            .unwrap_or(Duration::ZERO)
            .min(planned),
    )
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interview {
    plan: Plan,
    phases: Vec<Phase>,
    current: usize,
    clock: Clock,
    /// Interview time when the current phase was entered.
    entered_at: Duration,
    ratings: Vec<Option<usize>>,
    recommendation: Option<usize>,
    /// Finished by the interviewer: the clock is stopped; notes and ratings still change.
    finished: bool,
}

impl Interview {
    /// Begins on the intro with the clock running.
    pub fn start(plan: Plan, now: Instant) -> Interview {
        let budgets = plan.budgets;
        let phase = |kind, budget| Phase {
            kind,
            budget,
            spent: Duration::ZERO,
            visited: false,
        };
        let mut phases: Vec<Phase> =
            PhaseKind::all(plan.questions.len(), budgets.closing.is_some())
                .map(|kind| {
                    let budget = match kind {
                        PhaseKind::Intro => Some(budgets.intro),
                        PhaseKind::Question(_) => Some(budgets.per_question),
                        PhaseKind::CandidateQuestions => Some(budgets.candidate_questions),
                        PhaseKind::Closing => budgets.closing,
                        PhaseKind::WrapUp => None,
                    };
                    phase(kind, budget)
                })
                .collect();
        phases[0].visited = true;
        Interview {
            ratings: vec![None; plan.questions.len()],
            recommendation: None,
            plan,
            phases,
            current: 0,
            clock: Clock::start(now),
            entered_at: Duration::ZERO,
            finished: false,
        }
    }

    /// Goes on from saved progress. `gap` (see `resume_gap`) is credited to the phase that
    /// was current; `None` resumes with the clock paused.
    pub fn resume(
        plan: Plan,
        progress: &Progress,
        gap: Option<Duration>,
        now: Instant,
    ) -> Result<Interview, ProgressMismatch> {
        let mut interview = Interview::start(plan, now);
        let expected = interview.phases.len();
        let scale = interview.plan.rating_scale.len();
        let on_scale = |r: &Option<usize>| r.is_none_or(|r| r < scale);
        if progress.spent.len() != expected
            || progress.visited.len() != expected
            || progress.current >= expected
            || progress.ratings.len() != interview.ratings.len()
            || !progress.ratings.iter().all(on_scale)
            || !on_scale(&progress.recommendation)
        {
            return Err(ProgressMismatch {
                expected,
                found: progress.spent.len(),
            });
        }
        for (i, phase) in interview.phases.iter_mut().enumerate() {
            phase.spent = progress.spent[i];
            phase.visited = progress.visited[i];
        }
        interview.current = progress.current;
        interview.ratings.clone_from(&progress.ratings);
        interview.recommendation = progress.recommendation;
        interview.phases[progress.current].spent += gap.unwrap_or(Duration::ZERO);
        let elapsed = interview.phases.iter().map(|p| p.spent).sum();
        interview.clock = Clock::from_elapsed(elapsed, progress.pauses.clone(), gap.is_none(), now);
        // The current phase's time so far is already in its `spent`: count on from here.
        interview.entered_at = elapsed;
        Ok(interview)
    }

    pub fn progress(&self, now: Instant) -> Progress {
        let mut pauses = self.clock.pauses().to_vec();
        if let Some(open) = self.clock.open_pause(now) {
            pauses.push(open);
        }
        Progress {
            current: self.current,
            spent: (0..self.phases.len()).map(|i| self.spent(i, now)).collect(),
            visited: self.phases.iter().map(|p| p.visited).collect(),
            paused: self.is_paused(),
            pauses,
            ratings: self.ratings.clone(),
            recommendation: self.recommendation,
        }
    }

    /// Rates the current question, or in wrap-up sets the recommendation, by position on
    /// the scale (0 is the first label); `None` clears it.
    pub fn rate(&mut self, position: Option<usize>) -> Result<Rated, RateError> {
        let scale = self.plan.rating_scale.len();
        if position.is_some_and(|p| p >= scale) {
            return Err(RateError::OffScale(scale));
        }
        match self.current().kind {
            PhaseKind::Question(i) => {
                self.ratings[i] = position;
                Ok(Rated::Question(i, position))
            }
            PhaseKind::WrapUp => {
                self.recommendation = position;
                Ok(Rated::Recommendation(position))
            }
            PhaseKind::Intro | PhaseKind::CandidateQuestions | PhaseKind::Closing => {
                Err(RateError::NotHere)
            }
        }
    }

    pub fn rating(&self, question: usize) -> Option<usize> {
        self.ratings.get(question).copied().flatten()
    }

    pub fn recommendation(&self) -> Option<usize> {
        self.recommendation
    }

    /// The label of a position on the plan's scale.
    pub fn rating_label(&self, position: usize) -> &str {
        self.plan
            .rating_scale
            .get(position)
            .map_or("?", String::as_str)
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    pub fn phases(&self) -> &[Phase] {
        &self.phases
    }

    pub fn current_index(&self) -> usize {
        self.current
    }

    pub fn current(&self) -> &Phase {
        &self.phases[self.current]
    }

    pub fn question(&self, kind: PhaseKind) -> Option<&Question> {
        match kind {
            PhaseKind::Question(i) => self.plan.questions.get(i),
            _ => None,
        }
    }

    /// Moves to the next phase; false when already on wrap-up.
    pub fn next(&mut self, now: Instant) -> bool {
        self.go_to(self.current + 1, now)
    }

    /// Moves to the previous phase; false when already on the intro.
    pub fn previous(&mut self, now: Instant) -> bool {
        self.current > 0 && self.go_to(self.current - 1, now)
    }

    pub fn go_to(&mut self, index: usize, now: Instant) -> bool {
        if index >= self.phases.len() || index == self.current {
            return false;
        }
        let elapsed = self.clock.elapsed(now);
        self.phases[self.current].spent += elapsed.saturating_sub(self.entered_at);
        self.entered_at = elapsed;
        self.current = index;
        self.phases[index].visited = true;
        true
    }

    pub fn is_paused(&self) -> bool {
        self.clock.is_paused()
    }

    /// Pauses or resumes the clock; a finished interview's clock stays stopped.
    pub fn toggle_pause(&mut self, now: Instant) {
        self.clock.toggle_pause(now);
    }

    /// Marks the interview finished and stops its clock for good: time from now on is
    /// neither interview time nor a pause. Notes and ratings can still change, and moving
    /// between phases adds no time to them.
    pub fn finish(&mut self, now: Instant) {
        if self.finished {
            return;
        }
        let elapsed = self.clock.elapsed(now);
        self.phases[self.current].spent += elapsed.saturating_sub(self.entered_at);
        self.entered_at = elapsed;
        self.clock.stop(now);
        self.finished = true;
    }

    /// Makes a finished interview in progress again, its clock running on from where it
    /// stopped.
    pub fn reopen(&mut self, now: Instant) {
        if !self.finished {
            return;
        }
        self.clock.restart(now);
        self.entered_at = self.clock.elapsed(now);
        self.finished = false;
    }

    pub fn is_finished(&self) -> bool {
        self.finished
    }

    pub fn elapsed(&self, now: Instant) -> Duration {
        self.clock.elapsed(now)
    }

    /// Planned time not yet used; zero once the interview overruns.
    pub fn remaining(&self, now: Instant) -> Duration {
        self.plan.budgets.total.saturating_sub(self.elapsed(now))
    }

    /// How far past the planned end the interview is, if it is.
    pub fn over_by(&self, now: Instant) -> Option<Duration> {
        self.elapsed(now)
            .checked_sub(self.plan.budgets.total)
            .filter(|over| !over.is_zero())
    }

    /// The whole interview against the plan, as a phase against its budget: amber from
    /// 80 % of the planned time, red past it.
    pub fn time_state(&self, now: Instant) -> BudgetState {
        budget_state(self.elapsed(now), self.plan.budgets.total)
    }

    /// Interview time when the current phase was last entered (or the console resumed).
    pub fn entered_at(&self) -> Duration {
        self.entered_at
    }

    /// When the display can next change (the clock's next whole second), if it can at all.
    pub fn until_next_tick(&self, now: Instant) -> Option<Duration> {
        self.clock.until_next_second(now)
    }

    /// Time spent in a phase so far, the current visit included.
    pub fn spent(&self, index: usize, now: Instant) -> Duration {
        let Some(phase) = self.phases.get(index) else {
            return Duration::ZERO;
        };
        if index == self.current {
            phase.spent + self.elapsed(now).saturating_sub(self.entered_at)
        } else {
            phase.spent
        }
    }

    pub fn was_visited(&self, index: usize) -> bool {
        self.phases.get(index).is_some_and(|p| p.visited)
    }

    pub fn budget_state(&self, index: usize, now: Instant) -> BudgetState {
        let Some(budget) = self.phases.get(index).and_then(|p| p.budget) else {
            return BudgetState::Normal;
        };
        budget_state(self.spent(index, now), budget)
    }

    /// How far behind the plan the interview is, in seconds; negative when ahead.
    ///
    /// The plan expects the phases before the current one to have taken their budgets and
    /// the current one to take up to its own: time in the current phase within its budget
    /// neither gains nor loses, time past it is lost.
    pub fn behind_plan(&self, now: Instant) -> i64 {
        let before: Duration = self.phases[..self.current]
            .iter()
            .filter_map(|p| p.budget)
            .sum();
        let current = self.current().budget.map_or(Duration::ZERO, |budget| {
            budget.min(self.spent(self.current, now))
        });
        signed_seconds(self.elapsed(now)) - signed_seconds(before + current)
    }
}

fn budget_state(spent: Duration, budget: Duration) -> BudgetState {
    if spent > budget {
        BudgetState::Over
    } else if spent.as_millis() * 10 >= budget.as_millis() * 8 {
        BudgetState::Nearly
    } else {
        BudgetState::Normal
    }
}

fn signed_seconds(d: Duration) -> i64 {
    i64::try_from(d.as_secs()).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests;
