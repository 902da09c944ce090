//! Which questions an interview asks, in what order, and how the hour is shared out.

use std::time::Duration;

use crate::guide::{Guide, Question, Role, Timing, known_list};

/// Why a plan cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("no role `{wanted}` in this guide (roles: {known})")]
    UnknownRole { wanted: String, known: String },
    #[error("no question `{wanted}` for the {role} role (its questions: {known})")]
    UnknownQuestion {
        wanted: String,
        role: String,
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
    /// to the guide's number of questions, all in the guide's order.
    pub fn default_for(guide: &Guide, role: &Role) -> QuestionChoice {
        let offered: Vec<&Question> = guide.questions_for(&role.id).collect();
        let wanted: Vec<&str> = match &role.default_questions {
            Some(ids) => ids.iter().map(String::as_str).collect(),
            None => {
                let is_general = |q: &Question| q.roles.len() == guide.roles.len();
                let limit = guide.timing.questions;
                let own: Vec<&str> = offered
                    .iter()
                    .filter(|q| !is_general(q))
                    .take(limit)
                    .map(|q| q.id.as_str())
                    .collect();
                let general = offered
                    .iter()
                    .filter(|q| is_general(q))
                    .take(limit - own.len())
                    .map(|q| q.id.as_str());
                own.iter().copied().chain(general).collect()
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
    pub fn from_ids(
        guide: &Guide,
        role: &Role,
        ids: &[String],
    ) -> Result<QuestionChoice, PlanError> {
        let offered: Vec<&Question> = guide.questions_for(&role.id).collect();
        let mut chosen: Vec<Offered> = Vec::new();
        for id in ids {
            let id = id.trim();
            let question =
                offered
                    .iter()
                    .find(|q| q.id == id)
                    .ok_or_else(|| PlanError::UnknownQuestion {
                        wanted: id.to_string(),
                        role: role.name.clone(),
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
}

impl Budgets {
    /// The intro and the candidate's questions keep the guide's budgets; the questions share
    /// the rest equally, in whole seconds.
    pub fn share(timing: &Timing, minutes: u32, questions: usize) -> Result<Budgets, PlanError> {
        if questions == 0 {
            return Err(PlanError::NoQuestions);
        }
        // Saturating: past u32 it leaves no time either.
        let fixed = timing
            .intro_minutes
            .saturating_add(timing.candidate_questions_minutes);
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
        })
    }
}

fn minutes_to_duration(minutes: u32) -> Duration {
    Duration::from_secs(u64::from(minutes) * 60)
}

/// Everything the interview needs to begin: who, for what role, which questions, how long.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub candidate: String,
    pub interviewer: String,
    pub role: Role,
    pub questions: Vec<Question>,
    pub budgets: Budgets,
    /// The guide's rating labels, lowest first.
    pub rating_scale: Vec<String>,
}

impl Plan {
    pub fn new(
        guide: &Guide,
        role: &Role,
        candidate: &str,
        interviewer: &str,
        minutes: u32,
        choice: &QuestionChoice,
    ) -> Result<Plan, PlanError> {
        let questions: Vec<Question> = choice.chosen().cloned().collect();
        let budgets = Budgets::share(&guide.timing, minutes, questions.len())?;
        Ok(Plan {
            candidate: candidate.trim().to_string(),
            interviewer: interviewer.trim().to_string(),
            role: role.clone(),
            questions,
            budgets,
            rating_scale: guide.rating_scale.clone(),
        })
    }
}

/// Finds a role by id or name, or says which roles there are.
pub fn find_role<'a>(guide: &'a Guide, wanted: &str) -> Result<&'a Role, PlanError> {
    guide.role(wanted).ok_or_else(|| PlanError::UnknownRole {
        wanted: wanted.to_string(),
        known: known_list(guide.roles.iter().map(|r| r.id.as_str())),
    })
}
