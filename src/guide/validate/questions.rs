//! Sections and their questions: each section for known roles, each question with a
//! unique id and some text, no empty follow-up.

use std::collections::HashSet;

use super::{Check, known_list};
use crate::guide::raw::{RawQuestion, RawRole, RawSection};
use crate::guide::{GuideError, Guidelines, Question};

impl Check<'_> {
    /// Every question of every section, in the guide's order.
    pub(super) fn questions(
        &self,
        sections: &[RawSection],
        roles: &[RawRole],
    ) -> Result<Vec<Question>, GuideError> {
        let mut questions = Vec::new();
        let mut ids = HashSet::new();
        for section in sections {
            self.section_roles(section, roles)?;
            for question in &section.questions {
                let id = question.id.value.trim();
                if id.is_empty() {
                    return Err(self.at(&question.id, "a question id is empty"));
                }
                if !ids.insert(id.to_string()) {
                    return Err(self.at(
                        &question.id,
                        format!("question id `{id}` is used twice; ids must be unique"),
                    ));
                }
                questions.push(self.question(id, question, section)?);
            }
        }
        Ok(questions)
    }

    fn section_roles(&self, section: &RawSection, roles: &[RawRole]) -> Result<(), GuideError> {
        if section.roles.value.is_empty() {
            return Err(self.at(
                &section.roles,
                format!("section `{}` names no roles", section.title.value),
            ));
        }
        for role in &section.roles.value {
            if !roles.iter().any(|r| r.id.value == role.value) {
                return Err(self.at(
                    role,
                    format!(
                        "section `{}` names the unknown role `{}` (known: {})",
                        section.title.value,
                        role.value,
                        known_list(roles.iter().map(|r| r.id.value.as_str()))
                    ),
                ));
            }
        }
        Ok(())
    }

    fn question(
        &self,
        id: &str,
        question: &RawQuestion,
        section: &RawSection,
    ) -> Result<Question, GuideError> {
        if question.text.value.trim().is_empty() {
            return Err(self.at(&question.text, format!("question `{id}` has no text")));
        }
        if let Some(empty) = question
            .follow_ups
            .iter()
            .find(|f| f.value.trim().is_empty())
        {
            return Err(self.at(empty, format!("question `{id}` has an empty follow-up")));
        }
        let guidelines_url = question
            .guidelines_url
            .as_ref()
            .map(|url| self.guidelines_url(id, url))
            .transpose()?;
        Ok(Question {
            id: id.to_string(),
            text: question.text.value.clone(),
            guidelines_url,
            section: section.title.value.clone(),
            roles: section
                .roles
                .value
                .iter()
                .map(|r| r.value.clone())
                .collect(),
            follow_ups: question
                .follow_ups
                .iter()
                .map(|f| f.value.clone())
                .collect(),
            guidelines: question
                .guidelines
                .as_ref()
                .map(|g| Guidelines {
                    strong: g.strong.clone(),
                    weak: g.weak.clone(),
                })
                .unwrap_or_default(),
        })
    }
}
