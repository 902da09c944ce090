//! The interview guide as data: what to say, to whom, and how long it should take.
//!
//! A guide is YAML (see `assets/guides/infosec.yaml` and README "Guide format"). Loading
//! parses it and then validates what YAML alone cannot say (ids unique, roles known, no empty
//! question); every refusal names the file, line and column.

mod link;
mod raw;
mod reminders;
pub mod rich;
mod validate;

use std::fmt;
use std::path::Path;

use serde_saphyr::Location;

pub use link::{BadLink, Link};
use raw::RawGuide;
pub use reminders::{PhaseSelector, TimedReminder, When};
pub use rich::{Fill, RichText};

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
    /// For the interviewer only: before the call and after it.
    pub briefing: Briefing,
    /// Placeholders the guide declares, besides `{candidate}`, `{interviewer}` and `{role}`.
    pub placeholders: Vec<Placeholder>,
    /// Said after the candidate's questions, in a phase of its own.
    pub closing: Option<Closing>,
    /// Sections whose questions are a choice: ask some of them.
    pub groups: Vec<PickGroup>,
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
    pub follow_ups: Vec<FollowUp>,
    pub guidelines: Guidelines,
    /// For the interviewer only: how to ask it, what to listen for.
    pub guidance: Vec<String>,
    /// What its section says at its start, to say and for the interviewer.
    pub section_words: SectionWords,
}

/// A probe, asked on a condition or always, with probes of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    /// The condition, as a label: "If yes".
    pub when: Option<String>,
    pub text: String,
    pub follow_ups: Vec<FollowUp>,
}

impl FollowUp {
    /// A probe asked always, with none under it.
    pub fn plain(text: impl Into<String>) -> FollowUp {
        FollowUp {
            when: None,
            text: text.into(),
            follow_ups: Vec::new(),
        }
    }
}

/// The words at the start of a section.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SectionWords {
    /// Said to the candidate, one entry a paragraph.
    pub say: Vec<String>,
    /// For the interviewer only.
    pub guidance: Vec<String>,
}

impl SectionWords {
    pub fn is_empty(&self) -> bool {
        self.say.is_empty() && self.guidance.is_empty()
    }
}

/// Words for the interviewer only, one entry a paragraph.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Briefing {
    /// Before the call.
    pub prepare: Vec<String>,
    /// After it.
    pub after: Vec<String>,
}

/// A placeholder the guide declares: `{id}` in its text, filled on the setup screen or with
/// `--set id=VALUE`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    pub id: String,
    /// What the setup screen asks for it.
    pub prompt: String,
}

/// The placeholders every guide has, filled from the plan.
pub const BUILT_IN_PLACEHOLDERS: [&str; 3] = ["candidate", "interviewer", "role"];

/// Said after the candidate's questions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closing {
    /// For the interviewer.
    pub instruction: String,
    /// Said to the candidate, one entry a paragraph.
    pub statement: Vec<String>,
}

/// A section whose questions are a choice: a plan asks `pick` of them by default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickGroup {
    /// The section's title.
    pub section: String,
    pub pick: usize,
    /// Its questions' ids, in the guide's order.
    pub questions: Vec<String>,
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
    /// Said to the candidate; `None` when the guide gives no words.
    pub prompt: Option<String>,
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
    /// The closing statement's budget (only when the guide has one).
    pub closing_minutes: u32,
}

impl Guide {
    /// Whether the guide names roles (a guide without them asks every question of anyone).
    pub fn has_roles(&self) -> bool {
        !self.roles.is_empty()
    }

    pub fn role(&self, id_or_name: &str) -> Option<&Role> {
        let wanted = id_or_name.trim();
        self.roles
            .iter()
            .find(|r| r.id == wanted || r.name.eq_ignore_ascii_case(wanted))
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The questions that apply to a role (every question when there is none), in the
    /// guide's order.
    pub fn questions_for<'a>(
        &'a self,
        role: Option<&'a Role>,
    ) -> impl Iterator<Item = &'a Question> {
        self.questions
            .iter()
            .filter(move |q| role.is_none_or(|role| q.roles.contains(&role.id)))
    }

    /// The pick group a question belongs to, if any.
    pub fn group_of(&self, question: &str) -> Option<&PickGroup> {
        self.groups
            .iter()
            .find(|g| g.questions.iter().any(|id| id == question))
    }

    /// Every placeholder this guide's text may use: the built-in ones, then its own.
    pub fn placeholder_ids(&self) -> impl Iterator<Item = &str> {
        let role = if self.has_roles() { 3 } else { 2 };
        BUILT_IN_PLACEHOLDERS[..role]
            .iter()
            .copied()
            .chain(self.placeholders.iter().map(|p| p.id.as_str()))
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
        // Strict booleans: `No` or `Yes` where a text may stand is text, not a boolean.
        let options = serde_saphyr::options! { strict_booleans: true };
        let raw: RawGuide = serde_saphyr::from_str_with_options(text, options).map_err(|e| {
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
        let mut guide = validate::guide(raw, file)?;
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

impl Default for Timing {
    /// The seed's hour: a short intro, ten minutes for the candidate, five questions.
    fn default() -> Self {
        Timing {
            minutes: 60,
            intro_minutes: 5,
            candidate_questions_minutes: 10,
            questions: 5,
            closing_minutes: 2,
        }
    }
}

impl Default for CandidateQuestions {
    fn default() -> Self {
        CandidateQuestions {
            instruction: "Leave the rest of the time for the candidate. Say something like:".into(),
            prompt: Some("What questions have you got for me?".into()),
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
