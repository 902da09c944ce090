//! Sections and their questions: a section is for known roles (all of them when it names
//! none), its words at the start none empty; each question has a unique id and some text,
//! is for some of its section's roles at most, and has no empty follow-up at any depth.

use std::collections::HashSet;

use serde_saphyr::Spanned;

use super::Check;
use crate::guide::raw::{RawFollowUp, RawQuestion, RawRole, RawSection};
use crate::guide::{FollowUp, GuideError, Guidelines, Question, SectionWords, known_list};

impl Check<'_> {
    /// Every question of every section, in the guide's order; `guide_link` is the guidelines
    /// link of those without their own.
    pub(super) fn questions(
        &self,
        sections: &[RawSection],
        roles: &[RawRole],
        guide_link: Option<&str>,
    ) -> Result<Vec<Question>, GuideError> {
        let mut questions = Vec::new();
        let mut ids = HashSet::new();
        for section in sections {
            let section_roles = self.section_roles(section, roles)?;
            let title = &section.title.value;
            let words = SectionWords {
                say: self.paragraphs(
                    section.say.as_ref(),
                    &format!("the `say` of section `{title}`"),
                )?,
                guidance: self.paragraphs(
                    section.guidance.as_ref(),
                    &format!("the `guidance` of section `{title}`"),
                )?,
            };
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
                let mut built = self.question(id, question, section, &section_roles)?;
                if built.guidelines_url.is_none() {
                    built.guidelines_url = guide_link.map(str::to_string);
                }
                built.section_words = words.clone();
                questions.push(built);
            }
        }
        Ok(questions)
    }

    /// The ids of the roles a section is for: those it names, or every role.
    fn section_roles(
        &self,
        section: &RawSection,
        roles: &[RawRole],
    ) -> Result<Vec<String>, GuideError> {
        let title = &section.title.value;
        let Some(named) = &section.roles else {
            return Ok(roles.iter().map(|r| r.id.value.clone()).collect());
        };
        if roles.is_empty() {
            return Err(self.at(
                named,
                format!(
                    "section `{title}` names roles, but the guide has none: list them under `roles`"
                ),
            ));
        }
        if named.value.is_empty() {
            return Err(self.at(named, format!("section `{title}` names no roles")));
        }
        for role in &named.value {
            if !roles.iter().any(|r| r.id.value == role.value) {
                return Err(self.at(
                    role,
                    format!(
                        "section `{title}` names the unknown role `{}` (known: {})",
                        role.value,
                        known_list(roles.iter().map(|r| r.id.value.as_str()))
                    ),
                ));
            }
        }
        Ok(named.value.iter().map(|r| r.value.clone()).collect())
    }

    fn question(
        &self,
        id: &str,
        question: &RawQuestion,
        section: &RawSection,
        section_roles: &[String],
    ) -> Result<Question, GuideError> {
        let what = format!("question `{id}`");
        let text = self.filled_text(
            &question.text,
            &what,
            &format!("question `{id}` has no text"),
        )?;
        let follow_ups = self.follow_ups(id, &question.follow_ups)?;
        let guidelines_url = question
            .guidelines_url
            .as_ref()
            .map(|url| self.guidelines_url(id, url))
            .transpose()?;
        let guidelines = match &question.guidelines {
            Some(g) => Guidelines {
                strong: self.guideline_texts(&g.strong, &what)?,
                weak: self.guideline_texts(&g.weak, &what)?,
            },
            None => Guidelines::default(),
        };
        Ok(Question {
            id: id.to_string(),
            text,
            guidelines_url,
            section: section.title.value.clone(),
            roles: self.question_roles(id, question, section, section_roles)?,
            follow_ups,
            guidelines,
            guidance: self.paragraphs(
                question.guidance.as_ref(),
                &format!("the `guidance` of question `{id}`"),
            )?,
            section_words: SectionWords::default(),
        })
    }

    /// The roles a question is asked of: those it names, each one of its section's, or the
    /// section's.
    fn question_roles(
        &self,
        id: &str,
        question: &RawQuestion,
        section: &RawSection,
        section_roles: &[String],
    ) -> Result<Vec<String>, GuideError> {
        let Some(named) = &question.roles else {
            return Ok(section_roles.to_vec());
        };
        if section_roles.is_empty() {
            return Err(self.at(
                named,
                format!(
                    "question `{id}` names roles, but the guide has none: list them under `roles`"
                ),
            ));
        }
        if named.value.is_empty() {
            return Err(self.at(
                named,
                format!(
                    "question `{id}` names no roles: leave `roles` out to ask it of the section's"
                ),
            ));
        }
        for role in &named.value {
            if !section_roles.contains(&role.value) {
                return Err(self.at(
                    role,
                    format!(
                        "question `{id}` names the role `{}`, which its section `{}` is not for (its roles: {})",
                        role.value,
                        section.title.value,
                        known_list(section_roles.iter().map(String::as_str))
                    ),
                ));
            }
        }
        Ok(named.value.iter().map(|r| r.value.clone()).collect())
    }

    fn follow_ups(
        &self,
        id: &str,
        follow_ups: &[Spanned<RawFollowUp>],
    ) -> Result<Vec<FollowUp>, GuideError> {
        let what = format!("a follow-up of question `{id}`");
        let empty = format!("question `{id}` has an empty follow-up");
        follow_ups
            .iter()
            .map(|f| match &f.value {
                RawFollowUp::Plain(text) => {
                    if text.trim().is_empty() {
                        return Err(self.at(f, empty.as_str()));
                    }
                    Ok(FollowUp::plain(self.text_at(f, text, &what)?))
                }
                RawFollowUp::Nested(nested) => Ok(FollowUp {
                    when: nested
                        .when
                        .as_ref()
                        .map(|w| {
                            self.filled_text(
                                w,
                                &what,
                                &format!("a follow-up of question `{id}` has an empty `when`: leave it out to ask it always"),
                            )
                        })
                        .transpose()?,
                    text: self.filled_text(&nested.text, &what, &empty)?,
                    follow_ups: self.follow_ups(id, &nested.follow_ups)?,
                }),
            })
            .collect()
    }

    fn guideline_texts(
        &self,
        texts: &[Spanned<String>],
        what: &str,
    ) -> Result<Vec<String>, GuideError> {
        texts
            .iter()
            .map(|t| self.text(t, &format!("a guideline of {what}")))
            .collect()
    }
}
