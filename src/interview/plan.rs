//! Which questions an interview asks, in what order, and how the hour is shared out.

use std::collections::BTreeMap;
use std::time::Duration;

use crate::guide::{Fill, Guide, Question, Role, known_list};

/// Why a plan cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("no role `{wanted}` in this guide (roles: {known})")]
    UnknownRole { wanted: String, known: String },
    #[error("this guide has no roles: leave out --role (asked for `{0}`)")]
    NoRoles(String),
    /// `whose`: "for the Penetration Tester role", or "in this guide" when it has no roles.
    #[error("no question `{wanted}` {whose} (its questions: {known})")]
    UnknownQuestion {
        wanted: String,
        whose: String,
        known: String,
    },
    #[error("question `{0}` is listed twice")]
    RepeatedQuestion(String),
    #[error("choose at least one question")]
    NoQuestions,
    #[error(
        "{minutes} minutes leave no time for questions after the intro and the candidate's questions ({fixed} minutes)"
    )]
    TooShort { minutes: u32, fixed: u32 },
}

/// The questions a role is offered, each chosen or not, in the order they will be asked.
/// The setup screen edits this; the interview asks the chosen ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionChoice {
    offered: Vec<Offered>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offered {
    pub question: Question,
    pub chosen: bool,
}

impl QuestionChoice {
    /// The guide's plan for the role when it names one; otherwise every question of the
    /// role's own sections (those not asked of every role) and then general questions, up
    /// to the guide's number of questions, all in the guide's order. A pick group gives no
    /// more than its `pick` of them. A guide without roles (`role` is `None`) offers every
    /// question.
    pub fn default_for<'a>(guide: &Guide, role: impl Into<Option<&'a Role>>) -> QuestionChoice {
        let role = role.into();
        let offered: Vec<&Question> = guide.questions_for(role).collect();
        let wanted: Vec<&str> = match role.and_then(|r| r.default_questions.as_ref()) {
            Some(ids) => ids.iter().map(String::as_str).collect(),
            None => {
                let is_general = |q: &Question| q.roles.len() == guide.roles.len();
                let limit = guide.timing.questions;
                let mut taken: BTreeMap<&str, usize> = BTreeMap::new();
                let mut room = |q: &&&Question| match guide.group_of(&q.id) {
                    Some(group) => {
                        let count = taken.entry(group.section.as_str()).or_default();
                        *count += 1;
                        *count <= group.pick
                    }
                    None => true,
                };
                let own: Vec<&str> = offered
                    .iter()
                    .filter(|q| !is_general(q))
                    .filter(&mut room)
                    .take(limit)
                    .map(|q| q.id.as_str())
                    .collect();
                let general: Vec<&str> = offered
                    .iter()
                    .filter(|q| is_general(q))
                    .filter(&mut room)
                    .take(limit - own.len())
                    .map(|q| q.id.as_str())
                    .collect();
                own.into_iter().chain(general).collect()
            }
        };
        QuestionChoice {
            offered: offered
                .into_iter()
                .map(|q| Offered {
                    chosen: wanted.contains(&q.id.as_str()),
                    question: q.clone(),
                })
                .collect(),
        }
    }

    /// Exactly these questions, in this order (`--questions a,b,c`); the role's other
    /// questions stay offered, unchosen, after them.
    pub fn from_ids<'a>(
        guide: &Guide,
        role: impl Into<Option<&'a Role>>,
        ids: &[String],
    ) -> Result<QuestionChoice, PlanError> {
        let role = role.into();
        let offered: Vec<&Question> = guide.questions_for(role).collect();
        let mut chosen: Vec<Offered> = Vec::new();
        for id in ids {
            let id = id.trim();
            let question =
                offered
                    .iter()
                    .find(|q| q.id == id)
                    .ok_or_else(|| PlanError::UnknownQuestion {
                        wanted: id.to_string(),
                        whose: role.map_or_else(
                            || "in this guide".to_string(),
                            |r| format!("for the {} role", r.name),
                        ),
                        known: known_list(offered.iter().map(|q| q.id.as_str())),
                    })?;
            if chosen.iter().any(|o| o.question.id == id) {
                return Err(PlanError::RepeatedQuestion(id.to_string()));
            }
            chosen.push(Offered {
                question: (*question).clone(),
                chosen: true,
            });
        }
        if chosen.is_empty() {
            return Err(PlanError::NoQuestions);
        }
        let rest: Vec<Offered> = offered
            .into_iter()
            .filter(|q| !ids.iter().any(|id| id.trim() == q.id))
            .map(|q| Offered {
                question: q.clone(),
                chosen: false,
            })
            .collect();
        chosen.extend(rest);
        Ok(QuestionChoice { offered: chosen })
    }

    pub fn offered(&self) -> &[Offered] {
        &self.offered
    }

    pub fn chosen(&self) -> impl Iterator<Item = &Question> {
        self.offered
            .iter()
            .filter(|o| o.chosen)
            .map(|o| &o.question)
    }

    pub fn chosen_count(&self) -> usize {
        self.offered.iter().filter(|o| o.chosen).count()
    }

    pub fn toggle(&mut self, index: usize) {
        if let Some(o) = self.offered.get_mut(index) {
            o.chosen = !o.chosen;
        }
    }

    /// Moves a question one place earlier; returns where it now is.
    pub fn move_up(&mut self, index: usize) -> usize {
        if index == 0 || index >= self.offered.len() {
            return index;
        }
        self.offered.swap(index, index - 1);
        index - 1
    }

    /// Moves a question one place later; returns where it now is.
    pub fn move_down(&mut self, index: usize) -> usize {
        if index + 1 >= self.offered.len() {
            return index;
        }
        self.offered.swap(index, index + 1);
        index + 1
    }
}

/// How long each phase should take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budgets {
    pub total: Duration,
    pub intro: Duration,
    pub per_question: Duration,
    pub candidate_questions: Duration,
    /// The closing statement's, when the guide has one: its phase exists only then.
    pub closing: Option<Duration>,
}

impl Budgets {
    /// The intro, the candidate's questions and the closing keep the guide's budgets; the
    /// questions share the rest equally, in whole seconds.
    pub fn share(guide: &Guide, minutes: u32, questions: usize) -> Result<Budgets, PlanError> {
        if questions == 0 {
            return Err(PlanError::NoQuestions);
        }
        let timing = &guide.timing;
        let closing = guide.closing.as_ref().map(|_| timing.closing_minutes);
        // Saturating: past u32 it leaves no time either.
        let fixed = timing
            .intro_minutes
            .saturating_add(timing.candidate_questions_minutes)
            .saturating_add(closing.unwrap_or(0));
        if minutes <= fixed {
            return Err(PlanError::TooShort { minutes, fixed });
        }
        let for_questions = u64::from(minutes - fixed) * 60;
        let count = u64::try_from(questions).unwrap_or(u64::MAX);
        Ok(Budgets {
            total: minutes_to_duration(minutes),
            intro: minutes_to_duration(timing.intro_minutes),
            per_question: Duration::from_secs(for_questions / count),
            candidate_questions: minutes_to_duration(timing.candidate_questions_minutes),
            closing: closing.map(minutes_to_duration),
        })
    }
}

fn minutes_to_duration(minutes: u32) -> Duration {
    Duration::from_secs(u64::from(minutes) * 60)
}

/// Everything the interview needs to begin: who, for what role, which questions, how long,
/// and what fills the guide's placeholders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub candidate: String,
    pub interviewer: String,
    /// `None` in a guide without roles.
    pub role: Option<Role>,
    pub questions: Vec<Question>,
    pub budgets: Budgets,
    /// The guide's rating labels, lowest first.
    pub rating_scale: Vec<String>,
    /// Values of the guide's own placeholders, by id (`--set`, the setup screen); one not
    /// here is unfilled.
    pub fills: BTreeMap<String, String>,
}

impl Plan {
    /// A plan with the guide's placeholders unfilled (see [`Plan::fills`]).
    pub fn new<'a>(
        guide: &Guide,
        role: impl Into<Option<&'a Role>>,
        candidate: &str,
        interviewer: &str,
        minutes: u32,
        choice: &QuestionChoice,
    ) -> Result<Plan, PlanError> {
        let questions: Vec<Question> = choice.chosen().cloned().collect();
        let budgets = Budgets::share(guide, minutes, questions.len())?;
        Ok(Plan {
            candidate: candidate.trim().to_string(),
            interviewer: interviewer.trim().to_string(),
            role: role.into().cloned(),
            questions,
            budgets,
            rating_scale: guide.rating_scale.clone(),
            fills: BTreeMap::new(),
        })
    }

    /// The role's name, or "" in a guide without roles.
    pub fn role_name(&self) -> &str {
        self.role.as_ref().map_or("", |r| r.name.as_str())
    }
}

impl Fill for Plan {
    fn fill(&self, id: &str) -> Option<&str> {
        Fills {
            candidate: &self.candidate,
            interviewer: &self.interviewer,
            role: self.role_name(),
            declared: &self.fills,
        }
        .get(id)
    }
}

/// What fills a plan's placeholders: `{candidate}`, `{interviewer}` and `{role}` from who
/// and for what role, the guide's own from `declared`. An empty value is no value.
pub struct Fills<'a> {
    pub candidate: &'a str,
    pub interviewer: &'a str,
    /// The role's name; "" without one.
    pub role: &'a str,
    pub declared: &'a BTreeMap<String, String>,
}

impl<'a> Fills<'a> {
    pub fn get(&self, id: &str) -> Option<&'a str> {
        let value = match id {
            "candidate" => self.candidate,
            "interviewer" => self.interviewer,
            "role" => self.role,
            _ => self.declared.get(id).map_or("", String::as_str),
        };
        (!value.trim().is_empty()).then_some(value.trim())
    }
}

impl Fill for Fills<'_> {
    fn fill(&self, id: &str) -> Option<&str> {
        self.get(id)
    }
}

/// Finds a role by id or name, or says which roles there are.
pub fn find_role<'a>(guide: &'a Guide, wanted: &str) -> Result<&'a Role, PlanError> {
    if !guide.has_roles() {
        return Err(PlanError::NoRoles(wanted.to_string()));
    }
    guide.role(wanted).ok_or_else(|| PlanError::UnknownRole {
        wanted: wanted.to_string(),
        known: known_list(guide.roles.iter().map(|r| r.id.as_str())),
    })
}
