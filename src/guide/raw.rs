//! The guide file as written: serde types that keep source locations for validation.

use std::fmt;

use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_saphyr::Spanned;

type SpannedList = Spanned<Vec<Spanned<String>>>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGuide {
    pub title: Spanned<String>,
    pub short_title: Option<String>,
    #[serde(default)]
    pub reminders: Vec<Spanned<String>>,
    #[serde(default)]
    pub timed_reminders: Vec<super::reminders::RawTimedReminder>,
    pub intro: Option<Spanned<RawIntro>>,
    /// None: a guide without roles.
    pub roles: Option<Spanned<Vec<RawRole>>>,
    #[serde(default)]
    pub sections: Vec<RawSection>,
    pub candidate_questions: Option<RawCandidateQuestions>,
    pub timing: Option<Spanned<RawTiming>>,
    pub evaluation_note: Option<Spanned<String>>,
    pub rating_scale: Option<SpannedList>,
    pub impression_words: Option<SpannedList>,
    // Interviewer-only words, placeholders, the closing statement and a link for every
    // question (issue 11).
    /// Before the call.
    pub prepare: Option<Spanned<Paragraphs>>,
    /// After it.
    pub after: Option<Spanned<Paragraphs>>,
    pub placeholders: Option<Spanned<Vec<RawPlaceholder>>>,
    pub closing: Option<Spanned<RawClosing>>,
    /// For every question that has no `guidelines_url` of its own.
    pub guidelines_url: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIntro {
    pub instruction: Option<Spanned<String>>,
    pub statement: SpannedList,
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
    /// None: every role of the guide.
    pub roles: Option<SpannedList>,
    pub questions: Vec<RawQuestion>,
    /// Said at the start of the section.
    pub say: Option<Spanned<Paragraphs>>,
    /// For the interviewer only.
    pub guidance: Option<Spanned<Paragraphs>>,
    /// Ask this many of the section's questions.
    pub pick: Option<Spanned<usize>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: Spanned<String>,
    pub text: Spanned<String>,
    pub guidelines_url: Option<Spanned<String>>,
    #[serde(default)]
    pub follow_ups: Vec<Spanned<RawFollowUp>>,
    pub guidelines: Option<RawGuidelines>,
    /// Some of the section's roles only.
    pub roles: Option<SpannedList>,
    /// For the interviewer only.
    pub guidance: Option<Spanned<Paragraphs>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGuidelines {
    #[serde(default)]
    pub strong: Vec<Spanned<String>>,
    #[serde(default)]
    pub weak: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCandidateQuestions {
    pub instruction: Option<Spanned<String>>,
    /// None: the candidate's turn has no words to say.
    pub prompt: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTiming {
    pub minutes: Spanned<u32>,
    pub intro_minutes: u32,
    pub candidate_questions_minutes: u32,
    pub questions: usize,
    /// The closing statement's budget, when the guide has one.
    pub closing_minutes: Option<Spanned<u32>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPlaceholder {
    pub id: Spanned<String>,
    /// What the setup screen asks for it.
    pub prompt: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClosing {
    pub instruction: Option<Spanned<String>>,
    pub statement: SpannedList,
}

/// One paragraph written as a text, or several as a list.
#[derive(Debug)]
pub enum Paragraphs {
    One(String),
    Many(Vec<Spanned<String>>),
}

/// A follow-up: a text, or a map with the text, the condition it is asked on, and
/// follow-ups of its own.
#[derive(Debug)]
pub enum RawFollowUp {
    Plain(String),
    Nested(RawNestedFollowUp),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNestedFollowUp {
    /// The condition, as a label: "If yes".
    pub when: Option<Spanned<String>>,
    pub text: Spanned<String>,
    #[serde(default)]
    pub follow_ups: Vec<Spanned<RawFollowUp>>,
}

/// A scalar read where a text or something else may stand. The guide is read with
/// `strict_booleans`, so `No` or `Yes` is text; a number is written as YAML reads it.
fn scalar_text<E: de::Error>(value: impl fmt::Display) -> Result<String, E> {
    Ok(value.to_string())
}

impl<'de> Deserialize<'de> for Paragraphs {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Expect;
        impl<'de> Visitor<'de> for Expect {
            type Value = Paragraphs;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text, or a list of paragraphs")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Paragraphs, E> {
                Ok(Paragraphs::One(text.to_string()))
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Paragraphs, E> {
                scalar_text(n).map(Paragraphs::One)
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Paragraphs, E> {
                scalar_text(n).map(Paragraphs::One)
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<Paragraphs, E> {
                scalar_text(n).map(Paragraphs::One)
            }
            fn visit_bool<E: de::Error>(self, b: bool) -> Result<Paragraphs, E> {
                scalar_text(b).map(Paragraphs::One)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Paragraphs, A::Error> {
                let mut paragraphs = Vec::new();
                while let Some(p) = seq.next_element()? {
                    paragraphs.push(p);
                }
                Ok(Paragraphs::Many(paragraphs))
            }
        }
        deserializer.deserialize_any(Expect)
    }
}

impl<'de> Deserialize<'de> for RawFollowUp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Expect;
        impl<'de> Visitor<'de> for Expect {
            type Value = RawFollowUp;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a follow-up: a text, or a map with `text` (and `when`, `follow_ups`)")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<RawFollowUp, E> {
                Ok(RawFollowUp::Plain(text.to_string()))
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<RawFollowUp, E> {
                scalar_text(n).map(RawFollowUp::Plain)
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<RawFollowUp, E> {
                scalar_text(n).map(RawFollowUp::Plain)
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<RawFollowUp, E> {
                scalar_text(n).map(RawFollowUp::Plain)
            }
            fn visit_bool<E: de::Error>(self, b: bool) -> Result<RawFollowUp, E> {
                scalar_text(b).map(RawFollowUp::Plain)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawFollowUp, A::Error> {
                RawNestedFollowUp::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(RawFollowUp::Nested)
            }
        }
        deserializer.deserialize_any(Expect)
    }
}
