//! The interviewer's own words: standing reminders, the note under the guidelines, and
//! what to do before the call and after it.

use serde_saphyr::Spanned;

use super::Check;
use crate::guide::raw::Paragraphs;
use crate::guide::{Briefing, GuideError};

impl Check<'_> {
    pub(super) fn reminders(
        &self,
        reminders: &[Spanned<String>],
    ) -> Result<Vec<String>, GuideError> {
        reminders
            .iter()
            .map(|r| self.text(r, "a reminder"))
            .collect()
    }

    pub(super) fn evaluation_note(
        &self,
        note: Option<&Spanned<String>>,
    ) -> Result<Option<String>, GuideError> {
        note.map(|n| self.text(n, "the `evaluation_note`"))
            .transpose()
    }

    pub(super) fn briefing(
        &self,
        prepare: Option<&Spanned<Paragraphs>>,
        after: Option<&Spanned<Paragraphs>>,
    ) -> Result<Briefing, GuideError> {
        Ok(Briefing {
            prepare: self.paragraphs(prepare, "`prepare`")?,
            after: self.paragraphs(after, "`after`")?,
        })
    }
}
