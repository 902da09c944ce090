//! The intro: an instruction for the interviewer and the statement said before the first
//! question; and the candidate's turn at the end.

use serde_saphyr::Spanned;

use super::Check;
use crate::guide::raw::{RawCandidateQuestions, RawIntro};
use crate::guide::{CandidateQuestions, GuideError, Intro, Position};

impl Check<'_> {
    pub(super) fn intro(&self, intro: Option<Spanned<RawIntro>>) -> Result<Intro, GuideError> {
        let intro = intro.ok_or_else(|| {
            self.error_at(
                Position::START,
                "the guide has no `intro`: add the statement to say before the first question",
            )
        })?;
        let statement = &intro.value.statement;
        if statement.value.is_empty() {
            return Err(self.at(statement, "the intro `statement` has no paragraphs"));
        }
        if let Some(empty) = statement.value.iter().find(|p| p.value.trim().is_empty()) {
            return Err(self.at(empty, "an intro paragraph is empty"));
        }
        Ok(Intro {
            instruction: intro.value.instruction.clone().unwrap_or_else(|| {
                "You should say this, or something close to it, before beginning:".into()
            }),
            statement: statement.value.iter().map(|p| p.value.clone()).collect(),
        })
    }

    pub(super) fn candidate_questions(
        &self,
        raw: Option<RawCandidateQuestions>,
    ) -> CandidateQuestions {
        raw.map_or_else(CandidateQuestions::default, |c| CandidateQuestions {
            instruction: c
                .instruction
                .unwrap_or_else(|| CandidateQuestions::default().instruction),
            prompt: c.prompt,
        })
    }
}
