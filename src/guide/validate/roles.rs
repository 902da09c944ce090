//! Roles: none (a guide for anyone), or each with an id and a name, ids unique; each asked
//! at least one question, and its default plan made of questions asked of it.

use std::collections::HashSet;

use serde_saphyr::Spanned;

use super::Check;
use crate::guide::raw::RawRole;
use crate::guide::{GuideError, Question, Role};

impl Check<'_> {
    /// The roles as written, once each has an id and a name and no id is used twice; none
    /// when the guide has no `roles`.
    pub(super) fn roles<'r>(
        &self,
        roles: Option<&'r Spanned<Vec<RawRole>>>,
    ) -> Result<&'r [RawRole], GuideError> {
        let Some(roles) = roles else {
            return Ok(&[]);
        };
        if roles.value.is_empty() {
            return Err(self.at(
                roles,
                "`roles` is empty: list at least one role, or leave `roles` out for a guide without roles",
            ));
        }
        let mut ids = HashSet::new();
        for role in &roles.value {
            if role.id.value.trim().is_empty() {
                return Err(self.at(&role.id, "a role id is empty"));
            }
            if role.name.value.trim().is_empty() {
                return Err(self.at(&role.name, "a role name is empty"));
            }
            if !ids.insert(role.id.value.as_str()) {
                return Err(self.at(
                    &role.id,
                    format!("role id `{}` is used twice", role.id.value),
                ));
            }
        }
        Ok(&roles.value)
    }

    /// Each role, once it has questions and its default plan asks only them.
    pub(super) fn role_plans(
        &self,
        roles: &[RawRole],
        questions: &[Question],
    ) -> Result<Vec<Role>, GuideError> {
        roles
            .iter()
            .map(|role| {
                let applies = |q: &Question| q.roles.contains(&role.id.value);
                if !questions.iter().any(applies) {
                    return Err(self.at(
                        &role.id,
                        format!(
                            "role `{}` has no questions: no section or question is for it",
                            role.id.value
                        ),
                    ));
                }
                for id in role.default_questions.iter().flatten() {
                    match questions.iter().find(|q| q.id == id.value) {
                        Some(q) if applies(q) => {}
                        Some(_) => {
                            return Err(self.at(
                                id,
                                format!(
                                    "default question `{}` is not asked of role `{}`",
                                    id.value, role.id.value
                                ),
                            ));
                        }
                        None => {
                            return Err(self.at(
                                id,
                                format!("default question `{}` is not in the guide", id.value),
                            ));
                        }
                    }
                }
                Ok(Role {
                    id: role.id.value.clone(),
                    name: role.name.value.clone(),
                    default_questions: role
                        .default_questions
                        .as_ref()
                        .map(|ids| ids.iter().map(|id| id.value.clone()).collect()),
                })
            })
            .collect()
    }
}
