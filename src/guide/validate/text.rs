//! The rules for every text of a guide (see `guide::rich`): a link in it passes the rule
//! for links, and a placeholder in it is one the guide knows. Paragraph lists hold no empty
//! paragraph.

use serde_saphyr::Spanned;

use super::Check;
use crate::guide::raw::Paragraphs;
use crate::guide::{GuideError, RichText};

impl Check<'_> {
    /// A text, once its links and placeholders pass; `what` names it in a refusal ("question
    /// `q1`").
    pub(super) fn text(&self, text: &Spanned<String>, what: &str) -> Result<String, GuideError> {
        self.text_at(text, &text.value, what)
    }

    /// As [`Check::text`], for a text written at `place`'s position.
    pub(super) fn text_at<T>(
        &self,
        place: &Spanned<T>,
        text: &str,
        what: &str,
    ) -> Result<String, GuideError> {
        let (rich, bad_links) = RichText::parse_checked(text);
        if let Some(bad) = bad_links.first() {
            return Err(self.at(
                place,
                format!("the link `{}` in {what} {}", bad.url, bad.why),
            ));
        }
        for id in rich.placeholders() {
            if !self.known_placeholders.iter().any(|k| k == id) {
                let known = self
                    .known_placeholders
                    .iter()
                    .map(|k| format!("{{{k}}}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let hint = if id == "role" {
                    " (this guide has no roles)"
                } else {
                    ""
                };
                return Err(self.at(
                    place,
                    format!(
                        "{what} uses the unknown placeholder `{{{id}}}`{hint}; known: {known} (declare it under `placeholders`, or write `\\{{` for a brace)"
                    ),
                ));
            }
            self.used_placeholders.borrow_mut().insert(id.to_string());
        }
        Ok(text.to_string())
    }

    /// A text that must say something.
    pub(super) fn filled_text(
        &self,
        text: &Spanned<String>,
        what: &str,
        empty: &str,
    ) -> Result<String, GuideError> {
        if text.value.trim().is_empty() {
            return Err(self.at(text, empty));
        }
        self.text(text, what)
    }

    /// Paragraphs written as one text or a list, none empty; none when `paragraphs` is not
    /// there. `field` names it in a refusal ("the `prepare` words").
    pub(super) fn paragraphs(
        &self,
        paragraphs: Option<&Spanned<Paragraphs>>,
        field: &str,
    ) -> Result<Vec<String>, GuideError> {
        let Some(paragraphs) = paragraphs else {
            return Ok(Vec::new());
        };
        match &paragraphs.value {
            Paragraphs::One(text) => {
                if text.trim().is_empty() {
                    return Err(self.at(paragraphs, format!("{field} is empty")));
                }
                Ok(vec![self.text_at(paragraphs, text, field)?])
            }
            Paragraphs::Many(list) => {
                if list.is_empty() {
                    return Err(self.at(paragraphs, format!("{field} has no paragraphs")));
                }
                list.iter()
                    .map(|p| {
                        self.filled_text(p, field, &format!("a paragraph of {field} is empty"))
                    })
                    .collect()
            }
        }
    }
}
