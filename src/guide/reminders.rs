//! Timed reminders: what a guide tells the interviewer at the right moment, and when.
//!
//! Kept apart from the rest of validation: the field, its raw form and its checks are all
//! here. When a reminder is due, and for how long, is the interview's business
//! (`interview::reminders`).

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::{GuideError, MAX_MINUTES, Position};

/// A reminder the guide times: the footer shows `text` while `when` holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimedReminder {
    pub text: String,
    pub when: When,
}

/// When a timed reminder is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// At this minute of interview time, for a minute.
    AtMinute(u32),
    /// While no more than this many minutes of the planned time are left, and some are.
    MinutesLeft(u32),
    /// While the phase is current and has used this share of its budget, in percent.
    ShareOfPhase { phase: PhaseSelector, percent: u32 },
    /// On entering the phase: during its first minute.
    EnteringPhase(PhaseSelector),
    /// While the intro or a question is current and the time left is less than the phases
    /// after it need: the rest of the plan no longer fits.
    RestDoesNotFit,
}

/// Which phase a reminder is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhaseSelector {
    Intro,
    /// Each question, one after another.
    EveryQuestion,
    /// The question asked at this place in the plan, counted from 1.
    Question(usize),
    CandidateQuestions,
    WrapUp,
}

/// A timed reminder as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTimedReminder {
    text: Spanned<String>,
    when: Spanned<String>,
    minute: Option<Spanned<u32>>,
    minutes: Option<Spanned<u32>>,
    phase: Option<Spanned<String>>,
    percent: Option<Spanned<u32>>,
}

/// The largest share of a budget a reminder can wait for: ten times the budget.
pub const MAX_PERCENT: u32 = 1000;

const KINDS: &str = "at_minute, minutes_left, share_of_phase, entering_phase, rest_does_not_fit";
const PHASES: &str = "intro, question, question N, candidate_questions, wrap_up";

fn error_at<T>(file: &str, spanned: &Spanned<T>, message: impl Into<String>) -> GuideError {
    GuideError {
        file: file.to_string(),
        position: Some(Position::from_location(spanned.referenced).unwrap_or(Position::START)),
        message: message.into(),
    }
}

/// Checks a guide's `timed_reminders`; every refusal names the line and column of the value
/// at fault.
pub(super) fn timed_reminders(
    file: &str,
    raw: &[RawTimedReminder],
) -> Result<Vec<TimedReminder>, GuideError> {
    raw.iter().map(|r| timed_reminder(file, r)).collect()
}

fn timed_reminder(file: &str, raw: &RawTimedReminder) -> Result<TimedReminder, GuideError> {
    let text = raw.text.value.trim();
    if text.is_empty() {
        return Err(error_at(
            file,
            &raw.text,
            "a timed reminder's `text` is empty",
        ));
    }
    let kind = raw.when.value.trim();
    // What each kind takes; anything else given is refused where it is written.
    let (minute, minutes, phase, percent) = match kind {
        "at_minute" => (true, false, false, false),
        "minutes_left" => (false, true, false, false),
        "share_of_phase" => (false, false, true, true),
        "entering_phase" => (false, false, true, false),
        "rest_does_not_fit" => (false, false, false, false),
        other => {
            return Err(error_at(
                file,
                &raw.when,
                format!("`when: {other}` is not a kind of timed reminder (kinds: {KINDS})"),
            ));
        }
    };
    refuse_stray(file, kind, "minute", raw.minute.as_ref(), minute)?;
    refuse_stray(file, kind, "minutes", raw.minutes.as_ref(), minutes)?;
    refuse_stray(file, kind, "phase", raw.phase.as_ref(), phase)?;
    refuse_stray(file, kind, "percent", raw.percent.as_ref(), percent)?;
    let needs = |field: &str, what: &str| {
        error_at(
            file,
            &raw.when,
            format!("`when: {kind}` needs `{field}`: {what}"),
        )
    };
    let when = match kind {
        "at_minute" => {
            let minute = raw
                .minute
                .as_ref()
                .ok_or_else(|| needs("minute", "the minute of the interview it comes at"))?;
            within_the_longest(file, minute, "minute")?;
            When::AtMinute(minute.value)
        }
        "minutes_left" => {
            let left = raw
                .minutes
                .as_ref()
                .ok_or_else(|| needs("minutes", "how many minutes are left when it comes"))?;
            if left.value == 0 {
                return Err(error_at(
                    file,
                    left,
                    "`minutes` must be at least 1 (past the planned end the console says so itself)",
                ));
            }
            within_the_longest(file, left, "minutes")?;
            When::MinutesLeft(left.value)
        }
        "share_of_phase" => {
            let phase = raw.phase.as_ref().ok_or_else(|| needs("phase", PHASES))?;
            let selector = phase_selector(file, phase)?;
            if selector == PhaseSelector::WrapUp {
                return Err(error_at(
                    file,
                    phase,
                    "the wrap-up has no budget to take a share of (use `when: entering_phase`)",
                ));
            }
            let percent = raw
                .percent
                .as_ref()
                .ok_or_else(|| needs("percent", "the share of the phase's budget, 1 to 1000"))?;
            if !(1..=MAX_PERCENT).contains(&percent.value) {
                return Err(error_at(
                    file,
                    percent,
                    format!("`percent` ({}) must be 1 to {MAX_PERCENT}", percent.value),
                ));
            }
            When::ShareOfPhase {
                phase: selector,
                percent: percent.value,
            }
        }
        "entering_phase" => {
            let phase = raw.phase.as_ref().ok_or_else(|| needs("phase", PHASES))?;
            When::EnteringPhase(phase_selector(file, phase)?)
        }
        _ => When::RestDoesNotFit,
    };
    Ok(TimedReminder {
        text: text.to_string(),
        when,
    })
}

fn refuse_stray<T>(
    file: &str,
    kind: &str,
    field: &str,
    given: Option<&Spanned<T>>,
    taken: bool,
) -> Result<(), GuideError> {
    match given {
        Some(value) if !taken => Err(error_at(
            file,
            value,
            format!("`{field}` means nothing to `when: {kind}`"),
        )),
        _ => Ok(()),
    }
}

fn within_the_longest(file: &str, minutes: &Spanned<u32>, field: &str) -> Result<(), GuideError> {
    if minutes.value > MAX_MINUTES {
        return Err(error_at(
            file,
            minutes,
            format!(
                "`{field}` ({}) is past {MAX_MINUTES}, the longest interview the console plans",
                minutes.value
            ),
        ));
    }
    Ok(())
}

fn phase_selector(file: &str, phase: &Spanned<String>) -> Result<PhaseSelector, GuideError> {
    let name = phase.value.trim();
    let unknown = || {
        error_at(
            file,
            phase,
            format!("`phase: {name}` is not a phase (phases: {PHASES})"),
        )
    };
    Ok(match name {
        "intro" => PhaseSelector::Intro,
        "question" => PhaseSelector::EveryQuestion,
        "candidate_questions" => PhaseSelector::CandidateQuestions,
        "wrap_up" => PhaseSelector::WrapUp,
        _ => {
            let number = name
                .strip_prefix("question ")
                .ok_or_else(unknown)?
                .trim()
                .parse::<usize>()
                .map_err(|_| unknown())?;
            if number == 0 {
                return Err(error_at(
                    file,
                    phase,
                    "questions are counted from 1: `question 1` is the first asked",
                ));
            }
            PhaseSelector::Question(number)
        }
    })
}
