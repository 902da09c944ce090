//! The session file: one interview, standing on its own.
//!
//! It copies in the planned questions' verbatim text, so the record still reads right if
//! the guide changes later. Times are stored in milliseconds; wall-clock instants as
//! RFC 3339 in UTC.

use std::collections::BTreeMap;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::id::SessionId;
use crate::guide::{DEFAULT_RATING_SCALE, FollowUp, Guidelines, Question, Role, SectionWords};
use crate::interview::plan::Fills;
use crate::interview::session::{SessionHeader, SessionSnapshot};
use crate::interview::{Budgets, Pause, PhaseKind, Plan, Progress};

/// The newest format this build reads and writes. A file with a larger number is refused,
/// never rewritten.
pub const SCHEMA_VERSION: u32 = 2;
/// The format of a record that needs nothing newer (no closing phase, no placeholder
/// filled, every question's words plain, a role): written as such, so a console that reads
/// only it still reads the record.
const FIRST_SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionRecord {
    pub schema_version: u32,
    /// Checked as it is read: a file with an id the console would not make is refused.
    pub id: SessionId,
    pub status: Status,
    pub guide: GuideStamp,
    pub candidate: String,
    pub interviewer: String,
    /// None for a guide without roles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<RoleStamp>,
    pub budgets: BudgetsRecord,
    pub questions: Vec<QuestionRecord>,
    pub phases: Vec<PhaseRecord>,
    pub current_phase: usize,
    pub started_at: DateTime<Utc>,
    pub saved_at: DateTime<Utc>,
    pub paused: bool,
    pub pauses: Vec<PauseRecord>,
    /// The guide's rating labels, lowest first (empty in files from before ratings: the
    /// default scale).
    #[serde(default)]
    pub rating_scale: Vec<String>,
    /// The overall recommendation.
    #[serde(default)]
    pub recommendation: Option<Rating>,
    /// The hand-off note for the next interviewer (left out when empty, so a file without
    /// one reads as it did before there were hand-off notes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub handoff: Vec<String>,
    /// Values of the guide's own placeholders, by id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fills: BTreeMap<String, String>,
}

/// A rating: its place on the scale, counted from 1 (the Alt+digit that set it), and its
/// label, so the record reads on its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    pub position: usize,
    pub label: String,
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
    /// The closing statement's; there is a closing phase only when this is here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing_ms: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionRecord {
    pub id: String,
    /// Verbatim, as asked.
    pub text: String,
    pub section: String,
    pub guidelines_url: Option<String>,
    #[serde(default)]
    pub follow_ups: Vec<FollowUpRecord>,
    #[serde(default)]
    pub guidelines: GuidelinesRecord,
    /// For the interviewer only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guidance: Vec<String>,
    /// What its section says at its start.
    #[serde(default, skip_serializing_if = "SectionWordsRecord::is_empty")]
    pub section_words: SectionWordsRecord,
}

/// A follow-up: its text alone when it is asked always and has none under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FollowUpRecord {
    Plain(String),
    Nested {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        when: Option<String>,
        text: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        follow_ups: Vec<FollowUpRecord>,
    },
}

impl From<&FollowUp> for FollowUpRecord {
    fn from(f: &FollowUp) -> FollowUpRecord {
        if f.when.is_none() && f.follow_ups.is_empty() {
            FollowUpRecord::Plain(f.text.clone())
        } else {
            FollowUpRecord::Nested {
                when: f.when.clone(),
                text: f.text.clone(),
                follow_ups: f.follow_ups.iter().map(FollowUpRecord::from).collect(),
            }
        }
    }
}

impl From<&FollowUpRecord> for FollowUp {
    fn from(f: &FollowUpRecord) -> FollowUp {
        match f {
            FollowUpRecord::Plain(text) => FollowUp::plain(text.clone()),
            FollowUpRecord::Nested {
                when,
                text,
                follow_ups,
            } => FollowUp {
                when: when.clone(),
                text: text.clone(),
                follow_ups: follow_ups.iter().map(FollowUp::from).collect(),
            },
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionWordsRecord {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub say: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guidance: Vec<String>,
}

impl SectionWordsRecord {
    fn is_empty(&self) -> bool {
        self.say.is_empty() && self.guidance.is_empty()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuidelinesRecord {
    pub strong: Vec<String>,
    pub weak: Vec<String>,
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
    /// The question's rating (question phases only).
    #[serde(default)]
    pub rating: Option<Rating>,
}

/// A question phase that took less than this, with no notes and no rating, was only passed
/// through, not asked.
const ASKED_AFTER_MS: u64 = 60_000;

impl PhaseRecord {
    /// Whether the phase's question was asked: visited, and with notes, a rating or a minute
    /// of time.
    pub fn asked(&self) -> bool {
        self.visited
            && (self.spent_ms >= ASKED_AFTER_MS
                || self.rating.is_some()
                || self.notes.iter().any(|l| !l.trim().is_empty()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhaseName {
    Intro,
    Question,
    CandidateQuestions,
    Closing,
    WrapUp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PauseRecord {
    /// Interview time when the pause began.
    pub at_ms: u64,
    pub length_ms: u64,
}

/// The most time a session may hold in any one count: ten years, far past any interview
/// (the planned hour is at most `MAX_MINUTES`, and a console left running for a year
/// stays well under it) and far from where adding times up could overflow.
pub const LONGEST_MS: u64 = 10 * 366 * 24 * 60 * 60 * 1000;

/// Adds up times, or `None` once the sum is past `LONGEST_MS`.
fn total_ms(times: impl IntoIterator<Item = u64>) -> Option<u64> {
    times
        .into_iter()
        .try_fold(0u64, |sum, t| sum.checked_add(t))
        .filter(|sum| *sum <= LONGEST_MS)
}

pub fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

impl SessionRecord {
    /// The record of an interview as it stands, saved as `id` (the session's own id, or
    /// the one the sessions folder gives a new session).
    pub fn from_snapshot(
        snapshot: &SessionSnapshot,
        id: SessionId,
        saved_at: DateTime<Utc>,
    ) -> SessionRecord {
        let SessionSnapshot {
            header,
            plan,
            progress,
            notes,
            handoff,
            finished,
        } = snapshot;
        let status = if *finished {
            Status::Finished
        } else {
            Status::InProgress
        };
        let rating = |position: Option<usize>| {
            position.map(|p| Rating {
                position: p + 1,
                label: plan.rating_scale.get(p).cloned().unwrap_or_default(),
            })
        };
        let phases = PhaseKind::all(plan.questions.len(), plan.budgets.closing.is_some())
            .enumerate()
            .map(|(i, kind)| {
                let (phase, question_id, rated) = match kind {
                    PhaseKind::Intro => (PhaseName::Intro, None, None),
                    PhaseKind::Question(q) => (
                        PhaseName::Question,
                        plan.questions.get(q).map(|q| q.id.clone()),
                        rating(progress.ratings.get(q).copied().flatten()),
                    ),
                    PhaseKind::CandidateQuestions => (PhaseName::CandidateQuestions, None, None),
                    PhaseKind::Closing => (PhaseName::Closing, None, None),
                    PhaseKind::WrapUp => (PhaseName::WrapUp, None, None),
                };
                PhaseRecord {
                    phase,
                    question_id,
                    spent_ms: progress.spent.get(i).copied().map_or(0, millis),
                    visited: progress.visited.get(i).copied().unwrap_or(false),
                    notes: notes.get(i).cloned().unwrap_or_default(),
                    rating: rated,
                }
            })
            .collect();
        let b = plan.budgets;
        let mut record = SessionRecord {
            schema_version: SCHEMA_VERSION,
            id,
            status,
            guide: GuideStamp {
                title: header.guide_title.clone(),
                sha256: header.guide_fingerprint.clone(),
            },
            candidate: plan.candidate.clone(),
            interviewer: plan.interviewer.clone(),
            role: plan.role.as_ref().map(|r| RoleStamp {
                id: r.id.clone(),
                name: r.name.clone(),
            }),
            budgets: BudgetsRecord {
                total_ms: millis(b.total),
                intro_ms: millis(b.intro),
                per_question_ms: millis(b.per_question),
                candidate_questions_ms: millis(b.candidate_questions),
                closing_ms: b.closing.map(millis),
            },
            questions: plan
                .questions
                .iter()
                .map(|q| QuestionRecord {
                    id: q.id.clone(),
                    text: q.text.clone(),
                    section: q.section.clone(),
                    guidelines_url: q.guidelines_url.clone(),
                    follow_ups: q.follow_ups.iter().map(FollowUpRecord::from).collect(),
                    guidelines: GuidelinesRecord {
                        strong: q.guidelines.strong.clone(),
                        weak: q.guidelines.weak.clone(),
                    },
                    guidance: q.guidance.clone(),
                    section_words: SectionWordsRecord {
                        say: q.section_words.say.clone(),
                        guidance: q.section_words.guidance.clone(),
                    },
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
            rating_scale: plan.rating_scale.clone(),
            recommendation: rating(progress.recommendation),
            handoff: handoff.clone(),
            fills: plan.fills.clone(),
        };
        if !record.needs_second_format() {
            record.schema_version = FIRST_SCHEMA_VERSION;
        }
        record
    }

    /// Whether the record holds anything the first format could not: a closing phase,
    /// filled placeholders, no role, or a question with words for the interviewer, section
    /// words or follow-ups under follow-ups.
    fn needs_second_format(&self) -> bool {
        self.budgets.closing_ms.is_some()
            || !self.fills.is_empty()
            || self.role.is_none()
            || self.questions.iter().any(|q| {
                !q.guidance.is_empty()
                    || !q.section_words.is_empty()
                    || q.follow_ups
                        .iter()
                        .any(|f| matches!(f, FollowUpRecord::Nested { .. }))
            })
    }

    /// How many phases the record's plan has: the intro, the questions, the candidate's
    /// questions, the closing when there is one, the wrap-up.
    pub fn phase_count(&self) -> usize {
        self.questions.len() + 3 + usize::from(self.budgets.closing_ms.is_some())
    }

    /// The role's id; none for a guide without roles.
    pub fn role_id(&self) -> Option<&String> {
        self.role.as_ref().map(|r| &r.id)
    }

    /// The role's name, or "" for a guide without roles.
    pub fn role_name(&self) -> &str {
        self.role.as_ref().map_or("", |r| r.name.as_str())
    }

    /// What fills the placeholders of the guide's text in this interview.
    pub fn fills(&self) -> Fills<'_> {
        Fills {
            candidate: &self.candidate,
            interviewer: &self.interviewer,
            role: self.role_name(),
            declared: &self.fills,
        }
    }

    /// The interview as the record keeps it, to go on from.
    pub fn snapshot(&self) -> SessionSnapshot {
        SessionSnapshot {
            header: SessionHeader {
                id: self.id.to_string(),
                guide_title: self.guide.title.clone(),
                guide_fingerprint: self.guide.sha256.clone(),
                started_at: self.started_at,
            },
            plan: self.plan(),
            progress: self.progress(),
            notes: self.phases.iter().map(|p| p.notes.clone()).collect(),
            handoff: self.handoff.clone(),
            finished: self.status == Status::Finished,
        }
    }

    /// The plan the interview ran on, from the record alone.
    pub fn plan(&self) -> Plan {
        let b = self.budgets;
        Plan {
            candidate: self.candidate.clone(),
            interviewer: self.interviewer.clone(),
            role: self.role.as_ref().map(|r| Role {
                id: r.id.clone(),
                name: r.name.clone(),
                default_questions: None,
            }),
            questions: self
                .questions
                .iter()
                .map(|q| Question {
                    id: q.id.clone(),
                    text: q.text.clone(),
                    guidelines_url: q.guidelines_url.clone(),
                    section: q.section.clone(),
                    roles: self.role.iter().map(|r| r.id.clone()).collect(),
                    follow_ups: q.follow_ups.iter().map(FollowUp::from).collect(),
                    guidelines: Guidelines {
                        strong: q.guidelines.strong.clone(),
                        weak: q.guidelines.weak.clone(),
                    },
                    guidance: q.guidance.clone(),
                    section_words: SectionWords {
                        say: q.section_words.say.clone(),
                        guidance: q.section_words.guidance.clone(),
                    },
                })
                .collect(),
            rating_scale: self.scale(),
            budgets: Budgets {
                total: Duration::from_millis(b.total_ms),
                intro: Duration::from_millis(b.intro_ms),
                per_question: Duration::from_millis(b.per_question_ms),
                candidate_questions: Duration::from_millis(b.candidate_questions_ms),
                closing: b.closing_ms.map(Duration::from_millis),
            },
            fills: self.fills.clone(),
        }
    }

    /// The rating labels, lowest first.
    pub fn scale(&self) -> Vec<String> {
        if self.rating_scale.is_empty() {
            DEFAULT_RATING_SCALE
                .iter()
                .map(ToString::to_string)
                .collect()
        } else {
            self.rating_scale.clone()
        }
    }

    /// Each question phase with its planned question, in the order asked.
    pub fn question_phases(&self) -> impl Iterator<Item = (&QuestionRecord, &PhaseRecord)> {
        self.phases.iter().filter_map(|p| {
            let id = p.question_id.as_ref()?;
            Some((self.questions.iter().find(|q| &q.id == id)?, p))
        })
    }

    pub fn progress(&self) -> Progress {
        let position = |r: &Option<Rating>| r.as_ref().and_then(|r| r.position.checked_sub(1));
        Progress {
            ratings: self
                .phases
                .iter()
                .filter(|p| p.phase == PhaseName::Question)
                .map(|p| position(&p.rating))
                .collect(),
            recommendation: position(&self.recommendation),
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

    /// Interview time before wrap-up: how long the conversation took.
    pub fn interview_time(&self) -> Duration {
        Duration::from_millis(
            self.phases
                .iter()
                .filter(|p| p.phase != PhaseName::WrapUp)
                .map(|p| p.spent_ms)
                .fold(0, u64::saturating_add),
        )
    }

    /// Why the record's times cannot be an interview's, if they cannot: any count, or the
    /// plan's budgets, the phases' times or the pauses added up, past `LONGEST_MS`. The
    /// times of a record that passes can be added up anywhere without overflow.
    /// Whether two records are one interview: the same interviewer's, begun at the same
    /// moment (kept to the nanosecond). A copy under another id (an export, an import of
    /// it) is the same interview; two interviewers of one candidate never are.
    pub fn same_interview(&self, other: &SessionRecord) -> bool {
        self.started_at == other.started_at
            && self.interviewer.trim().to_lowercase() == other.interviewer.trim().to_lowercase()
    }

    /// What makes the record impossible to go on from, besides its times: phases out of
    /// their order, a rating off its scale, a date no id can be made of.
    pub fn shape_problem(&self) -> Option<String> {
        let closing = self.budgets.closing_ms.is_some();
        let expected = PhaseKind::all(self.questions.len(), closing).map(|kind| match kind {
            PhaseKind::Intro => PhaseName::Intro,
            PhaseKind::Question(_) => PhaseName::Question,
            PhaseKind::CandidateQuestions => PhaseName::CandidateQuestions,
            PhaseKind::Closing => PhaseName::Closing,
            PhaseKind::WrapUp => PhaseName::WrapUp,
        });
        if !expected.eq(self.phases.iter().map(|p| p.phase)) {
            return Some(if closing {
                "its phases are not an intro, the questions, their questions, a closing and a wrap-up".into()
            } else {
                "its phases are not an intro, the questions, their questions and a wrap-up".into()
            });
        }
        let scale = self.scale().len();
        let ratings = self.phases.iter().filter_map(|p| p.rating.as_ref());
        if ratings
            .chain(&self.recommendation)
            .any(|r| r.position == 0 || r.position > scale)
        {
            return Some(format!("a rating is off its scale of {scale}"));
        }
        // Ids and exports spell dates as eight digits.
        let year = |at: &DateTime<Utc>| chrono::Datelike::year(at);
        if [self.started_at, self.saved_at]
            .iter()
            .any(|at| !(1970..=9998).contains(&year(at)))
        {
            return Some("a date before 1970 or after 9998".into());
        }
        None
    }

    pub fn times_problem(&self) -> Option<&'static str> {
        let b = self.budgets;
        let questions = u64::try_from(self.questions.len()).unwrap_or(u64::MAX);
        let budgets = b.per_question_ms.checked_mul(questions).and_then(|asked| {
            total_ms([
                b.intro_ms,
                asked,
                b.candidate_questions_ms,
                b.closing_ms.unwrap_or(0),
            ])
        });
        if b.total_ms > LONGEST_MS || budgets.is_none() {
            return Some("the budgets come to more than ten years");
        }
        if total_ms(self.phases.iter().map(|p| p.spent_ms)).is_none() {
            return Some("the phases' times add up to more than ten years");
        }
        if total_ms(self.pauses.iter().map(|p| p.length_ms)).is_none()
            || self.pauses.iter().any(|p| p.at_ms > LONGEST_MS)
        {
            return Some("the pauses come to more than ten years");
        }
        None
    }
}
