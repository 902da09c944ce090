//! The session file: one interview, standing on its own.
//!
//! It copies in the planned questions' verbatim text, so the record still reads right if
//! the guide changes later. Times are stored in milliseconds; wall-clock instants as
//! RFC 3339 in UTC.

use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::guide::{Guide, Question, Role};
use crate::interview::{Budgets, Pause, PhaseKind, Plan, Progress};

/// The format this build writes. A file with a larger number is refused, never rewritten.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionRecord {
    pub schema_version: u32,
    pub id: String,
    pub status: Status,
    pub guide: GuideStamp,
    pub candidate: String,
    pub interviewer: String,
    pub role: RoleStamp,
    pub budgets: BudgetsRecord,
    pub questions: Vec<QuestionRecord>,
    pub phases: Vec<PhaseRecord>,
    pub current_phase: usize,
    pub started_at: DateTime<Utc>,
    pub saved_at: DateTime<Utc>,
    pub paused: bool,
    pub pauses: Vec<PauseRecord>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    InProgress,
    Finished,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::InProgress => "in progress",
            Status::Finished => "finished",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuideStamp {
    pub title: String,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleStamp {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetsRecord {
    pub total_ms: u64,
    pub intro_ms: u64,
    pub per_question_ms: u64,
    pub candidate_questions_ms: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionRecord {
    pub id: String,
    /// Verbatim, as asked.
    pub text: String,
    pub section: String,
    pub guidelines_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseRecord {
    pub phase: PhaseName,
    /// The planned question's id, for question phases.
    pub question_id: Option<String>,
    pub spent_ms: u64,
    pub visited: bool,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhaseName {
    Intro,
    Question,
    CandidateQuestions,
    WrapUp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PauseRecord {
    /// Interview time when the pause began.
    pub at_ms: u64,
    pub length_ms: u64,
}

/// Who and what a new session is about, fixed for its life.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionHeader {
    pub id: String,
    pub guide: GuideStamp,
    pub started_at: DateTime<Utc>,
}

impl SessionHeader {
    pub fn new(id: String, guide: &Guide, started_at: DateTime<Utc>) -> SessionHeader {
        SessionHeader {
            id,
            guide: GuideStamp {
                title: guide.title.clone(),
                sha256: guide.fingerprint.clone(),
            },
            started_at,
        }
    }
}

pub fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

impl SessionRecord {
    /// The record of an interview as it stands.
    pub fn capture(
        header: &SessionHeader,
        plan: &Plan,
        progress: &Progress,
        kinds: &[PhaseKind],
        notes: &[Vec<String>],
        status: Status,
        saved_at: DateTime<Utc>,
    ) -> SessionRecord {
        let phases = kinds
            .iter()
            .enumerate()
            .map(|(i, kind)| {
                let (phase, question_id) = match kind {
                    PhaseKind::Intro => (PhaseName::Intro, None),
                    PhaseKind::Question(q) => (
                        PhaseName::Question,
                        plan.questions.get(*q).map(|q| q.id.clone()),
                    ),
                    PhaseKind::CandidateQuestions => (PhaseName::CandidateQuestions, None),
                    PhaseKind::WrapUp => (PhaseName::WrapUp, None),
                };
                PhaseRecord {
                    phase,
                    question_id,
                    spent_ms: progress.spent.get(i).copied().map_or(0, millis),
                    visited: progress.visited.get(i).copied().unwrap_or(false),
                    notes: notes.get(i).cloned().unwrap_or_default(),
                }
            })
            .collect();
        let b = plan.budgets;
        SessionRecord {
            schema_version: SCHEMA_VERSION,
            id: header.id.clone(),
            status,
            guide: header.guide.clone(),
            candidate: plan.candidate.clone(),
            interviewer: plan.interviewer.clone(),
            role: RoleStamp {
                id: plan.role.id.clone(),
                name: plan.role.name.clone(),
            },
            budgets: BudgetsRecord {
                total_ms: millis(b.total),
                intro_ms: millis(b.intro),
                per_question_ms: millis(b.per_question),
                candidate_questions_ms: millis(b.candidate_questions),
            },
            questions: plan
                .questions
                .iter()
                .map(|q| QuestionRecord {
                    id: q.id.clone(),
                    text: q.text.clone(),
                    section: q.section.clone(),
                    guidelines_url: q.guidelines_url.clone(),
                })
                .collect(),
            phases,
            current_phase: progress.current,
            started_at: header.started_at,
            saved_at,
            paused: progress.paused,
            pauses: progress
                .pauses
                .iter()
                .map(|p| PauseRecord {
                    at_ms: millis(p.at),
                    length_ms: millis(p.length),
                })
                .collect(),
        }
    }

    pub fn header(&self) -> SessionHeader {
        SessionHeader {
            id: self.id.clone(),
            guide: self.guide.clone(),
            started_at: self.started_at,
        }
    }

    /// The plan the interview ran on, from the record alone.
    pub fn plan(&self) -> Plan {
        let b = self.budgets;
        Plan {
            candidate: self.candidate.clone(),
            interviewer: self.interviewer.clone(),
            role: Role {
                id: self.role.id.clone(),
                name: self.role.name.clone(),
                default_questions: None,
            },
            questions: self
                .questions
                .iter()
                .map(|q| Question {
                    id: q.id.clone(),
                    text: q.text.clone(),
                    guidelines_url: q.guidelines_url.clone(),
                    section: q.section.clone(),
                    roles: vec![self.role.id.clone()],
                })
                .collect(),
            budgets: Budgets {
                total: Duration::from_millis(b.total_ms),
                intro: Duration::from_millis(b.intro_ms),
                per_question: Duration::from_millis(b.per_question_ms),
                candidate_questions: Duration::from_millis(b.candidate_questions_ms),
            },
        }
    }

    pub fn progress(&self) -> Progress {
        Progress {
            current: self.current_phase,
            spent: self
                .phases
                .iter()
                .map(|p| Duration::from_millis(p.spent_ms))
                .collect(),
            visited: self.phases.iter().map(|p| p.visited).collect(),
            paused: self.paused,
            pauses: self
                .pauses
                .iter()
                .map(|p| Pause {
                    at: Duration::from_millis(p.at_ms),
                    length: Duration::from_millis(p.length_ms),
                })
                .collect(),
        }
    }

    pub fn notes(&self) -> Vec<Vec<String>> {
        self.phases.iter().map(|p| p.notes.clone()).collect()
    }

    /// Interview time: every phase's time added up.
    pub fn elapsed(&self) -> Duration {
        Duration::from_millis(self.phases.iter().map(|p| p.spent_ms).sum())
    }

    /// Interview time before wrap-up: how long the conversation took.
    pub fn interview_time(&self) -> Duration {
        Duration::from_millis(
            self.phases
                .iter()
                .filter(|p| p.phase != PhaseName::WrapUp)
                .map(|p| p.spent_ms)
                .sum(),
        )
    }
}
