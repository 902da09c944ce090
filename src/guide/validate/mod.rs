//! What YAML alone cannot say about a guide, one file for each thing checked: the intro,
//! the roles, the sections and their questions, the links, the rating scale and the
//! impression words, the timing. Each refusal names the file, line and column.

mod intro;
mod links;
mod questions;
mod roles;
mod scale;
mod timing;

use serde_saphyr::Spanned;

use super::raw::RawGuide;
use super::{Guide, GuideError, Position, Timing};

/// Checks a guide as written and builds the guide the console runs.
pub(super) fn guide(raw: RawGuide, file: &str) -> Result<Guide, GuideError> {
    let check = Check { file };
    let title = raw.title.value.trim().to_string();
    if title.is_empty() {
        return Err(check.at(&raw.title, "the guide's `title` is empty"));
    }
    let intro = check.intro(raw.intro)?;
    let raw_roles = check.roles(raw.roles.as_ref())?;
    let questions = check.questions(&raw.sections, raw_roles)?;
    let roles = check.role_plans(raw_roles, &questions)?;
    let timing = match raw.timing {
        Some(t) => check.timing(&t)?,
        None => Timing::default(),
    };
    let rating_scale = check.rating_scale(raw.rating_scale.as_ref())?;
    let impression_words = check.impression_words(raw.impression_words.as_ref())?;
    let candidate_questions = check.candidate_questions(raw.candidate_questions);
    Ok(Guide {
        fingerprint: String::new(),
        rating_scale,
        impression_words,
        evaluation_note: raw.evaluation_note,
        short_title: raw.short_title.unwrap_or_else(|| title.clone()),
        title,
        reminders: raw.reminders,
        intro,
        roles,
        questions,
        candidate_questions,
        timing,
    })
}

/// The file being checked, to name it in refusals.
struct Check<'a> {
    file: &'a str,
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

fn known_list<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    ids.collect::<Vec<_>>().join(", ")
}
