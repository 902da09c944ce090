//! The interview guide as data: what to say, to whom, and how long it should take.
//!
//! A guide is YAML (see `assets/guides/infosec.yaml` and README "Guide format"). Loading
//! parses it and then validates what YAML alone cannot say (ids unique, roles known, no empty
//! question); every refusal names the file, line and column.

mod link;
mod raw;
mod reminders;

use std::collections::HashSet;
use std::fmt;
use std::path::Path;

use serde_saphyr::{Location, Spanned};

pub use link::{BadLink, Link};
use raw::{RawGuide, RawTiming};
pub use reminders::{PhaseSelector, TimedReminder, When};

/// The built-in infosec guide, embedded in the binary.
pub const BUILTIN_GUIDE_YAML: &str = include_str!("../../assets/guides/infosec.yaml");
/// The name the built-in guide goes by in messages.
pub const BUILTIN_GUIDE_NAME: &str = "<built-in infosec guide>";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guide {
    pub title: String,
    /// SHA-256 of the guide's text, hex: tells whether a session was run on this very guide.
    pub fingerprint: String,
    /// A short name for the header line ("Infosec").
    pub short_title: String,
    /// Standing reminders shown beside the script throughout the interview.
    pub reminders: Vec<String>,
    /// Reminders the footer shows at the right moment (see `interview::reminders`).
    pub timed_reminders: Vec<TimedReminder>,
    pub intro: Intro,
    pub roles: Vec<Role>,
    /// Every question, in the guide's order.
    pub questions: Vec<Question>,
    pub candidate_questions: CandidateQuestions,
    pub timing: Timing,
    /// Ratings, lowest first; Alt+1 is the first.
    pub rating_scale: Vec<String>,
    /// Words and phrases that record an impression rather than what was said.
    pub impression_words: Vec<String>,
    /// Shown under the guidelines (the built-in guide: they are defaults to replace).
    pub evaluation_note: Option<String>,
}

/// The scale when a guide names none: no neutral, as the parent guide asks.
pub const DEFAULT_RATING_SCALE: [&str; 4] = ["Strong no", "No", "Yes", "Strong yes"];
/// The most ratings a scale may have: one digit key each.
pub const MAX_RATINGS: usize = 9;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Intro {
    /// Said to the interviewer ("You should say this…").
    pub instruction: String,
    /// Said to the candidate, verbatim, one entry a paragraph.
    pub statement: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    pub id: String,
    pub name: String,
    /// Question ids the guide plans for this role by default, in order; `None` lets the
    /// console choose (see `interview::Plan::default_for`).
    pub default_questions: Option<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// Stable id, unique in the guide (used by `--questions` and in session files).
    pub id: String,
    /// Said to the candidate, verbatim.
    pub text: String,
    /// Checked by [`Link::parse`] wherever it is loaded from.
    pub guidelines_url: Option<String>,
    /// The section heading it sits under in the guide.
    pub section: String,
    /// Ids of the roles it is asked of.
    pub roles: Vec<String>,
    /// Probes to dig deeper with.
    pub follow_ups: Vec<String>,
    pub guidelines: Guidelines,
}

/// What a strong and a weak answer show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Guidelines {
    pub strong: Vec<String>,
    pub weak: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CandidateQuestions {
    pub instruction: String,
    pub prompt: String,
}

/// The longest interview the console plans, in minutes: ten hours. A guide, `--minutes`
/// and the setup screen all stop here, and so every time a session holds stays far from
/// where adding times up could overflow.
pub const MAX_MINUTES: u32 = 600;

/// Planned durations, in whole minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timing {
    pub minutes: u32,
    pub intro_minutes: u32,
    pub candidate_questions_minutes: u32,
    /// How many questions a default plan holds.
    pub questions: usize,
}

impl Guide {
    pub fn role(&self, id_or_name: &str) -> Option<&Role> {
        let wanted = id_or_name.trim();
        self.roles
            .iter()
            .find(|r| r.id == wanted || r.name.eq_ignore_ascii_case(wanted))
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The questions that apply to a role, in the guide's order.
    pub fn questions_for<'a>(&'a self, role_id: &'a str) -> impl Iterator<Item = &'a Question> {
        self.questions
            .iter()
            .filter(move |q| q.roles.iter().any(|r| r == role_id))
    }

    /// The built-in guide. It is checked by the test suite, so a failure here is a build defect.
    pub fn builtin() -> Result<Guide, GuideError> {
        Guide::parse(BUILTIN_GUIDE_YAML, BUILTIN_GUIDE_NAME)
    }

    pub fn load(path: &Path) -> Result<Guide, GuideError> {
        let text = std::fs::read_to_string(path).map_err(|e| GuideError {
            file: path.display().to_string(),
            position: None,
            message: format!("cannot read the guide: {e}"),
        })?;
        Guide::parse(&text, &path.display().to_string())
    }

    /// Parses and validates a guide; `file` names it in error messages.
    pub fn parse(text: &str, file: &str) -> Result<Guide, GuideError> {
        let raw: RawGuide = serde_saphyr::from_str(text).map_err(|e| {
            let position = e.location().and_then(Position::from_location);
            let mut message = e.without_snippet().to_string();
            // The parser appends the position; ours already leads the line.
            if let Some(p) = position {
                let suffix = format!(" at line {}, column {}", p.line, p.column);
                if let Some(stripped) = message.strip_suffix(&suffix) {
                    message = stripped.to_string();
                }
            }
            GuideError {
                file: file.to_string(),
                position,
                message,
            }
        })?;
        let mut guide = Validator { file }.validate(raw)?;
        guide.fingerprint = fingerprint(text);
        Ok(guide)
    }
}

/// A line and column in a guide file, both counted from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: u64,
    pub column: u64,
}

impl Position {
    fn from_location(location: Location) -> Option<Position> {
        (location.line() > 0).then(|| Position {
            line: location.line(),
            column: location.column(),
        })
    }

    const START: Position = Position { line: 1, column: 1 };
}

/// Why a guide was refused, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct GuideError {
    pub file: String,
    pub position: Option<Position>,
    pub message: String,
}

impl fmt::Display for GuideError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some(p) => write!(f, "{}:{}:{}: {}", self.file, p.line, p.column, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

struct Validator<'a> {
    file: &'a str,
}

impl Validator<'_> {
    fn error_at(&self, position: Position, message: impl Into<String>) -> GuideError {
        GuideError {
            file: self.file.to_string(),
            position: Some(position),
            message: message.into(),
        }
    }

    fn error_spanned<T>(&self, spanned: &Spanned<T>, message: impl Into<String>) -> GuideError {
        let position = Position::from_location(spanned.referenced).unwrap_or(Position::START);
        self.error_at(position, message)
    }

    fn validate(&self, raw: RawGuide) -> Result<Guide, GuideError> {
        let title = raw.title.value.trim().to_string();
        if title.is_empty() {
            return Err(self.error_spanned(&raw.title, "the guide's `title` is empty"));
        }

        let intro = raw.intro.ok_or_else(|| {
            self.error_at(
                Position::START,
                "the guide has no `intro`: add the statement to say before the first question",
            )
        })?;
        let statement = &intro.value.statement;
        if statement.value.is_empty() {
            return Err(self.error_spanned(statement, "the intro `statement` has no paragraphs"));
        }
        if let Some(empty) = statement.value.iter().find(|p| p.value.trim().is_empty()) {
            return Err(self.error_spanned(empty, "an intro paragraph is empty"));
        }

        let raw_roles = raw.roles.ok_or_else(|| {
            self.error_at(
                Position::START,
                "the guide has no `roles`: list at least one role candidates interview for",
            )
        })?;
        if raw_roles.value.is_empty() {
            return Err(self.error_spanned(&raw_roles, "`roles` is empty: list at least one role"));
        }
        let mut role_ids = HashSet::new();
        for role in &raw_roles.value {
            if role.id.value.trim().is_empty() {
                return Err(self.error_spanned(&role.id, "a role id is empty"));
            }
            if role.name.value.trim().is_empty() {
                return Err(self.error_spanned(&role.name, "a role name is empty"));
            }
            if !role_ids.insert(role.id.value.as_str()) {
                return Err(self.error_spanned(
                    &role.id,
                    format!("role id `{}` is used twice", role.id.value),
                ));
            }
        }

        let mut questions = Vec::new();
        let mut question_ids = HashSet::new();
        for section in &raw.sections {
            if section.roles.value.is_empty() {
                return Err(self.error_spanned(
                    &section.roles,
                    format!("section `{}` names no roles", section.title.value),
                ));
            }
            for role in &section.roles.value {
                if !role_ids.contains(role.value.as_str()) {
                    return Err(self.error_spanned(
                        role,
                        format!(
                            "section `{}` names the unknown role `{}` (known: {})",
                            section.title.value,
                            role.value,
                            known_list(raw_roles.value.iter().map(|r| r.id.value.as_str()))
                        ),
                    ));
                }
            }
            for question in &section.questions {
                let id = question.id.value.trim();
                if id.is_empty() {
                    return Err(self.error_spanned(&question.id, "a question id is empty"));
                }
                if !question_ids.insert(id.to_string()) {
                    return Err(self.error_spanned(
                        &question.id,
                        format!("question id `{id}` is used twice; ids must be unique"),
                    ));
                }
                if question.text.value.trim().is_empty() {
                    return Err(
                        self.error_spanned(&question.text, format!("question `{id}` has no text"))
                    );
                }
                if let Some(empty) = question
                    .follow_ups
                    .iter()
                    .find(|f| f.value.trim().is_empty())
                {
                    return Err(self
                        .error_spanned(empty, format!("question `{id}` has an empty follow-up")));
                }
                if let Some(url) = &question.guidelines_url
                    && let Err(bad) = Link::parse(&url.value)
                {
                    return Err(self.error_spanned(
                        url,
                        format!("the `guidelines_url` of question `{id}` {bad}"),
                    ));
                }
                questions.push(Question {
                    id: id.to_string(),
                    text: question.text.value.clone(),
                    guidelines_url: question.guidelines_url.as_ref().map(|u| u.value.clone()),
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
                });
            }
        }

        let mut roles = Vec::new();
        for role in &raw_roles.value {
            let applies = |q: &Question| q.roles.contains(&role.id.value);
            if !questions.iter().any(applies) {
                return Err(self.error_spanned(
                    &role.id,
                    format!(
                        "role `{}` has no questions: no section names it",
                        role.id.value
                    ),
                ));
            }
            if let Some(defaults) = &role.default_questions {
                for id in defaults {
                    match questions.iter().find(|q| q.id == id.value) {
                        Some(q) if applies(q) => {}
                        Some(_) => {
                            return Err(self.error_spanned(
                                id,
                                format!(
                                    "default question `{}` is not asked of role `{}`",
                                    id.value, role.id.value
                                ),
                            ));
                        }
                        None => {
                            return Err(self.error_spanned(
                                id,
                                format!("default question `{}` is not in the guide", id.value),
                            ));
                        }
                    }
                }
            }
            roles.push(Role {
                id: role.id.value.clone(),
                name: role.name.value.clone(),
                default_questions: role
                    .default_questions
                    .as_ref()
                    .map(|ids| ids.iter().map(|id| id.value.clone()).collect()),
            });
        }

        let timing = match raw.timing {
            Some(t) => self.timing(&t)?,
            None => Timing::default(),
        };

        let candidate_questions =
            raw.candidate_questions
                .map_or_else(CandidateQuestions::default, |c| CandidateQuestions {
                    instruction: c
                        .instruction
                        .unwrap_or_else(|| CandidateQuestions::default().instruction),
                    prompt: c.prompt,
                });

        let rating_scale = match &raw.rating_scale {
            Some(scale) => self.rating_scale(scale)?,
            None => DEFAULT_RATING_SCALE
                .iter()
                .map(ToString::to_string)
                .collect(),
        };
        let impression_words = match &raw.impression_words {
            Some(words) => {
                if let Some(empty) = words.value.iter().find(|w| w.value.trim().is_empty()) {
                    return Err(self.error_spanned(empty, "an impression word is empty"));
                }
                words
                    .value
                    .iter()
                    .map(|w| w.value.trim().to_string())
                    .collect()
            }
            None => Vec::new(),
        };

        Ok(Guide {
            fingerprint: String::new(),
            rating_scale,
            impression_words,
            evaluation_note: raw.evaluation_note,
            short_title: raw.short_title.unwrap_or_else(|| title.clone()),
            title,
            reminders: raw.reminders,
            timed_reminders: reminders::timed_reminders(self.file, &raw.timed_reminders)?,
            intro: Intro {
                instruction: intro.value.instruction.clone().unwrap_or_else(|| {
                    "You should say this, or something close to it, before beginning:".into()
                }),
                statement: statement.value.iter().map(|p| p.value.clone()).collect(),
            },
            roles,
            questions,
            candidate_questions,
            timing,
        })
    }

    fn rating_scale(
        &self,
        scale: &Spanned<Vec<Spanned<String>>>,
    ) -> Result<Vec<String>, GuideError> {
        let labels = &scale.value;
        if labels.len() < 2 || labels.len() > MAX_RATINGS {
            return Err(self.error_spanned(
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
                return Err(self.error_spanned(label, "a rating label is empty"));
            }
            if !seen.insert(text.to_lowercase()) {
                return Err(self.error_spanned(label, format!("rating `{text}` is listed twice")));
            }
        }
        Ok(labels.iter().map(|l| l.value.trim().to_string()).collect())
    }

    fn timing(&self, timing: &Spanned<RawTiming>) -> Result<Timing, GuideError> {
        let t = &timing.value;
        if t.questions == 0 {
            return Err(self.error_spanned(timing, "`timing.questions` must be at least 1"));
        }
        let minutes = t.minutes.value;
        if minutes > MAX_MINUTES {
            return Err(self.error_spanned(
                &t.minutes,
                format!("`timing.minutes` ({minutes}) is more than {MAX_MINUTES}, the longest interview the console plans"),
            ));
        }
        // In u64: two u32 from the file can add up past what a u32 holds.
        let fixed = u64::from(t.intro_minutes) + u64::from(t.candidate_questions_minutes);
        if u64::from(minutes) <= fixed {
            return Err(self.error_spanned(
                timing,
                format!(
                    "`timing.minutes` ({minutes}) leaves no time for questions after the intro and the candidate's questions ({fixed} minutes)"
                ),
            ));
        }
        Ok(Timing {
            minutes,
            intro_minutes: t.intro_minutes,
            candidate_questions_minutes: t.candidate_questions_minutes,
            questions: t.questions,
        })
    }
}

impl Default for Timing {
    /// The seed's hour: a short intro, ten minutes for the candidate, five questions.
    fn default() -> Self {
        Timing {
            minutes: 60,
            intro_minutes: 5,
            candidate_questions_minutes: 10,
            questions: 5,
        }
    }
}

impl Default for CandidateQuestions {
    fn default() -> Self {
        CandidateQuestions {
            instruction: "Leave the rest of the time for the candidate. Say something like:".into(),
            prompt: "What questions have you got for me?".into(),
        }
    }
}

fn fingerprint(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Ids as a message lists them, to say what there is: `appsec, secops, pentest`.
pub fn known_list<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    ids.collect::<Vec<_>>().join(", ")
}
