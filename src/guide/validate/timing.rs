//! Timing: at most `MAX_MINUTES`, at least one question, and time left for questions
//! after the intro and the candidate's questions.

use serde_saphyr::Spanned;

use super::Check;
use crate::guide::raw::RawTiming;
use crate::guide::{GuideError, MAX_MINUTES, Timing};

impl Check<'_> {
    pub(super) fn timing(&self, timing: &Spanned<RawTiming>) -> Result<Timing, GuideError> {
        let t = &timing.value;
        if t.questions == 0 {
            return Err(self.at(timing, "`timing.questions` must be at least 1"));
        }
        let minutes = t.minutes.value;
        if minutes > MAX_MINUTES {
            return Err(self.at(
                &t.minutes,
                format!("`timing.minutes` ({minutes}) is more than {MAX_MINUTES}, the longest interview the console plans"),
            ));
        }
        // In u64: two u32 from the file can add up past what a u32 holds.
        let fixed = u64::from(t.intro_minutes) + u64::from(t.candidate_questions_minutes);
        if u64::from(minutes) <= fixed {
            return Err(self.at(
                timing,
                format!(
                    "`timing.minutes` ({minutes}) leaves no time for questions after the intro and the candidate's questions ({fixed} minutes)"
                ),
            ));
        }
        Ok(Timing {
            minutes,
            intro_minutes: t.intro_minutes,
            candidate_questions_minutes: t.candidate_questions_minutes,
            questions: t.questions,
        })
    }
}
