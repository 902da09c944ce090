//! The guide file as written: serde types that keep source locations for validation.

use serde::Deserialize;
use serde_saphyr::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGuide {
    pub title: Spanned<String>,
    pub short_title: Option<String>,
    #[serde(default)]
    pub reminders: Vec<String>,
    #[serde(default)]
    pub timed_reminders: Vec<super::reminders::RawTimedReminder>,
    pub intro: Option<Spanned<RawIntro>>,
    pub roles: Option<Spanned<Vec<RawRole>>>,
    #[serde(default)]
    pub sections: Vec<RawSection>,
    pub candidate_questions: Option<RawCandidateQuestions>,
    pub timing: Option<Spanned<RawTiming>>,
    pub evaluation_note: Option<String>,
    pub rating_scale: Option<Spanned<Vec<Spanned<String>>>>,
    pub impression_words: Option<Spanned<Vec<Spanned<String>>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIntro {
    pub instruction: Option<String>,
    pub statement: Spanned<Vec<Spanned<String>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRole {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub default_questions: Option<Vec<Spanned<String>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    pub title: Spanned<String>,
    pub roles: Spanned<Vec<Spanned<String>>>,
    pub questions: Vec<RawQuestion>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: Spanned<String>,
    pub text: Spanned<String>,
    pub guidelines_url: Option<Spanned<String>>,
    #[serde(default)]
    pub follow_ups: Vec<Spanned<String>>,
    pub guidelines: Option<RawGuidelines>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGuidelines {
    #[serde(default)]
    pub strong: Vec<String>,
    #[serde(default)]
    pub weak: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCandidateQuestions {
    pub instruction: Option<String>,
    pub prompt: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTiming {
    pub minutes: Spanned<u32>,
    pub intro_minutes: u32,
    pub candidate_questions_minutes: u32,
    pub questions: usize,
}
