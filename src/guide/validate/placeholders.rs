//! Declared placeholders: each with an id a text can hold (`{id}`), not one of the
//! built-in ones, not twice, with a prompt for the setup screen, and used somewhere.

use std::collections::HashSet;

use serde_saphyr::Spanned;

use super::Check;
use crate::guide::raw::RawPlaceholder;
use crate::guide::rich::is_placeholder_id;
use crate::guide::{BUILT_IN_PLACEHOLDERS, GuideError, Placeholder};

impl Check<'_> {
    /// The guide's own placeholders; from here on the text may use them and the built-in
    /// ones (`{role}` only in a guide with roles).
    pub(super) fn placeholders(
        &mut self,
        declared: Option<&Spanned<Vec<RawPlaceholder>>>,
        has_roles: bool,
    ) -> Result<Vec<Placeholder>, GuideError> {
        self.known_placeholders = BUILT_IN_PLACEHOLDERS
            .iter()
            .filter(|id| has_roles || **id != "role")
            .map(ToString::to_string)
            .collect();
        let Some(declared) = declared else {
            return Ok(Vec::new());
        };
        let mut seen = HashSet::new();
        let mut placeholders = Vec::new();
        for placeholder in &declared.value {
            let id = placeholder.id.value.trim();
            if !is_placeholder_id(id) {
                return Err(self.at(
                    &placeholder.id,
                    format!(
                        "placeholder id `{id}` is not one a text can hold: a letter, then letters, digits, `_` or `-`"
                    ),
                ));
            }
            if BUILT_IN_PLACEHOLDERS.contains(&id) {
                return Err(self.at(
                    &placeholder.id,
                    format!("`{{{id}}}` is built in: it is filled from the plan, not declared"),
                ));
            }
            if !seen.insert(id.to_string()) {
                return Err(self.at(
                    &placeholder.id,
                    format!("placeholder `{id}` is declared twice"),
                ));
            }
            if placeholder.prompt.value.trim().is_empty() {
                return Err(self.at(
                    &placeholder.prompt,
                    format!("placeholder `{id}` has no prompt for the setup screen"),
                ));
            }
            placeholders.push(Placeholder {
                id: id.to_string(),
                prompt: placeholder.prompt.value.trim().to_string(),
            });
        }
        self.known_placeholders
            .extend(placeholders.iter().map(|p| p.id.clone()));
        Ok(placeholders)
    }

    /// A declared placeholder no text uses is a typo somewhere: refused at its id.
    pub(super) fn every_placeholder_used(
        &self,
        declared: Option<&Spanned<Vec<RawPlaceholder>>>,
    ) -> Result<(), GuideError> {
        let used = self.used_placeholders.borrow();
        for placeholder in declared.iter().flat_map(|d| &d.value) {
            let id = placeholder.id.value.trim();
            if !used.contains(id) {
                return Err(self.at(
                    &placeholder.id,
                    format!("placeholder `{id}` is declared but no text uses `{{{id}}}`"),
                ));
            }
        }
        Ok(())
    }
}
