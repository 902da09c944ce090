//! The words after the questions: the candidate's turn (an instruction, and words to say
//! or none) and the closing statement (at least one paragraph, none empty).

use serde_saphyr::Spanned;

use super::Check;
use crate::guide::raw::{RawCandidateQuestions, RawClosing};
use crate::guide::{CandidateQuestions, Closing, GuideError};

/// The candidate's turn when the guide gives no words to say.
const INSTRUCTION_WITHOUT_PROMPT: &str =
    "Leave the rest of the time for the candidate's questions.";

impl Check<'_> {
    pub(super) fn candidate_questions(
        &self,
        raw: Option<&RawCandidateQuestions>,
    ) -> Result<CandidateQuestions, GuideError> {
        let Some(raw) = raw else {
            return Ok(CandidateQuestions::default());
        };
        let prompt = raw
            .prompt
            .as_ref()
            .map(|p| {
                self.filled_text(
                    p,
                    "the candidate's questions prompt",
                    "the candidate's questions `prompt` is empty: leave it out for no words",
                )
            })
            .transpose()?;
        let instruction = match (&raw.instruction, &prompt) {
            (Some(instruction), _) => {
                self.text(instruction, "the candidate's questions instruction")?
            }
            (None, Some(_)) => CandidateQuestions::default().instruction,
            (None, None) => INSTRUCTION_WITHOUT_PROMPT.into(),
        };
        Ok(CandidateQuestions {
            instruction,
            prompt,
        })
    }

    pub(super) fn closing(
        &self,
        raw: Option<&Spanned<RawClosing>>,
    ) -> Result<Option<Closing>, GuideError> {
        let Some(raw) = raw else {
            return Ok(None);
        };
        let statement = &raw.value.statement;
        if statement.value.is_empty() {
            return Err(self.at(statement, "the closing `statement` has no paragraphs"));
        }
        let statement = statement
            .value
            .iter()
            .map(|p| self.filled_text(p, "the closing statement", "a closing paragraph is empty"))
            .collect::<Result<_, _>>()?;
        let instruction = match &raw.value.instruction {
            Some(instruction) => self.text(instruction, "the closing instruction")?,
            None => "Close the interview by saying this, or something close to it:".into(),
        };
        Ok(Some(Closing {
            instruction,
            statement,
        }))
    }
}
