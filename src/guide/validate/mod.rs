//! What YAML alone cannot say about a guide, one file for each thing checked: the intro,
//! the roles, the sections and their questions, pick groups, links, the words around the
//! questions (the candidate's turn, the closing), the interviewer's own words, the
//! placeholders and the text rules, the rating scale and the impression words, the timing.
//! Each refusal names the file, line and column.

mod briefing;
mod closing;
mod groups;
mod intro;
mod links;
mod placeholders;
mod questions;
mod roles;
mod scale;
mod text;
mod timing;

use std::cell::RefCell;
use std::collections::BTreeSet;

use serde_saphyr::Spanned;

use super::raw::RawGuide;
use super::{Guide, GuideError, Position};

/// Checks a guide as written and builds the guide the console runs.
pub(super) fn guide(raw: RawGuide, file: &str) -> Result<Guide, GuideError> {
    let mut check = Check {
        file,
        known_placeholders: Vec::new(),
        used_placeholders: RefCell::default(),
    };
    let title = raw.title.value.trim().to_string();
    if title.is_empty() {
        return Err(check.at(&raw.title, "the guide's `title` is empty"));
    }
    let placeholders = check.placeholders(raw.placeholders.as_ref(), raw.roles.is_some())?;
    let intro = check.intro(raw.intro)?;
    let raw_roles = check.roles(raw.roles.as_ref())?;
    let guide_link = check.guide_guidelines_url(raw.guidelines_url.as_ref())?;
    let questions = check.questions(&raw.sections, raw_roles, guide_link.as_deref())?;
    let groups = check.groups(&raw.sections)?;
    let roles = check.role_plans(raw_roles, &questions)?;
    let closing = check.closing(raw.closing.as_ref())?;
    let timing = check.timing(raw.timing.as_ref(), closing.is_some())?;
    let candidate_questions = check.candidate_questions(raw.candidate_questions.as_ref())?;
    let rating_scale = check.rating_scale(raw.rating_scale.as_ref())?;
    let impression_words = check.impression_words(raw.impression_words.as_ref())?;
    let reminders = check.reminders(&raw.reminders)?;
    let timed_reminders = super::reminders::timed_reminders(file, &raw.timed_reminders)?;
    let evaluation_note = check.evaluation_note(raw.evaluation_note.as_ref())?;
    let briefing = check.briefing(raw.prepare.as_ref(), raw.after.as_ref())?;
    check.every_placeholder_used(raw.placeholders.as_ref())?;
    Ok(Guide {
        fingerprint: String::new(),
        rating_scale,
        impression_words,
        evaluation_note,
        short_title: raw.short_title.unwrap_or_else(|| title.clone()),
        title,
        reminders,
        timed_reminders,
        intro,
        roles,
        questions,
        candidate_questions,
        timing,
        briefing,
        placeholders,
        closing,
        groups,
    })
}

/// The file being checked, to name it in refusals, and the placeholders its text may use.
struct Check<'a> {
    file: &'a str,
    known_placeholders: Vec<String>,
    /// Every placeholder the text checked so far uses.
    used_placeholders: RefCell<BTreeSet<String>>,
}

impl Check<'_> {
    fn error_at(&self, position: Position, message: impl Into<String>) -> GuideError {
        GuideError {
            file: self.file.to_string(),
            position: Some(position),
            message: message.into(),
        }
    }

    /// A refusal at where `spanned` is written.
    fn at<T>(&self, spanned: &Spanned<T>, message: impl Into<String>) -> GuideError {
        let position = Position::from_location(spanned.referenced).unwrap_or(Position::START);
        self.error_at(position, message)
    }
}
