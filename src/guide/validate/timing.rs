//! Timing: at most `MAX_MINUTES`, at least one question, time left for questions after the
//! intro, the candidate's questions and the closing; a closing budget only for a closing.

use serde_saphyr::Spanned;

use super::Check;
use crate::guide::raw::RawTiming;
use crate::guide::{GuideError, MAX_MINUTES, Timing};

impl Check<'_> {
    pub(super) fn timing(
        &self,
        timing: Option<&Spanned<RawTiming>>,
        has_closing: bool,
    ) -> Result<Timing, GuideError> {
        let Some(timing) = timing else {
            return Ok(Timing::default());
        };
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
        let closing_minutes = match &t.closing_minutes {
            Some(closing) if !has_closing => {
                return Err(self.at(
                    closing,
                    "`timing.closing_minutes` is for a closing statement, and the guide has no `closing`",
                ));
            }
            Some(closing) => closing.value,
            None => Timing::default().closing_minutes,
        };
        // In u64: u32 from the file can add up past what a u32 holds.
        let closing = if has_closing {
            u64::from(closing_minutes)
        } else {
            0
        };
        let fixed = u64::from(t.intro_minutes) + u64::from(t.candidate_questions_minutes) + closing;
        if u64::from(minutes) <= fixed {
            let what = if has_closing {
                "the intro, the candidate's questions and the closing"
            } else {
                "the intro and the candidate's questions"
            };
            return Err(self.at(
                timing,
                format!(
                    "`timing.minutes` ({minutes}) leaves no time for questions after {what} ({fixed} minutes)"
                ),
            ));
        }
        Ok(Timing {
            minutes,
            intro_minutes: t.intro_minutes,
            candidate_questions_minutes: t.candidate_questions_minutes,
            questions: t.questions,
            closing_minutes,
        })
    }
}
