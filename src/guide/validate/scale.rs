//! The rating scale (2 to 9 labels, none empty or twice) and the impression words (none
//! empty).

use std::collections::HashSet;

use serde_saphyr::Spanned;

use super::Check;
use crate::guide::{DEFAULT_RATING_SCALE, GuideError, MAX_RATINGS};

type SpannedList = Spanned<Vec<Spanned<String>>>;

impl Check<'_> {
    pub(super) fn rating_scale(
        &self,
        scale: Option<&SpannedList>,
    ) -> Result<Vec<String>, GuideError> {
        let Some(scale) = scale else {
            return Ok(DEFAULT_RATING_SCALE
                .iter()
                .map(ToString::to_string)
                .collect());
        };
        let labels = &scale.value;
        if labels.len() < 2 || labels.len() > MAX_RATINGS {
            return Err(self.at(
                scale,
                format!(
                    "`rating_scale` has {} labels; it needs 2 to {MAX_RATINGS} (one digit key each)",
                    labels.len()
                ),
            ));
        }
        let mut seen = HashSet::new();
        for label in labels {
            let text = label.value.trim();
            if text.is_empty() {
                return Err(self.at(label, "a rating label is empty"));
            }
            if !seen.insert(text.to_lowercase()) {
                return Err(self.at(label, format!("rating `{text}` is listed twice")));
            }
        }
        Ok(labels.iter().map(|l| l.value.trim().to_string()).collect())
    }

    pub(super) fn impression_words(
        &self,
        words: Option<&SpannedList>,
    ) -> Result<Vec<String>, GuideError> {
        let Some(words) = words else {
            return Ok(Vec::new());
        };
        if let Some(empty) = words.value.iter().find(|w| w.value.trim().is_empty()) {
            return Err(self.at(empty, "an impression word is empty"));
        }
        Ok(words
            .value
            .iter()
            .map(|w| w.value.trim().to_string())
            .collect())
    }
}
