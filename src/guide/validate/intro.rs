//! The intro: an instruction for the interviewer and the statement said before the first
//! question, at least one paragraph, none empty.

use serde_saphyr::Spanned;

use super::Check;
use crate::guide::raw::RawIntro;
use crate::guide::{GuideError, Intro, Position};

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
        let statement = statement
            .value
            .iter()
            .map(|p| self.filled_text(p, "the intro statement", "an intro paragraph is empty"))
            .collect::<Result<_, _>>()?;
        let instruction = match &intro.value.instruction {
            Some(instruction) => self.text(instruction, "the intro instruction")?,
            None => "You should say this, or something close to it, before beginning:".into(),
        };
        Ok(Intro {
            instruction,
            statement,
        })
    }
}
