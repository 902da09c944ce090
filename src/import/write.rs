//! The draft as a guide file: YAML in the guide format's order, each check a `# CHECK:`
//! comment beside the line it is about. Written with `serde-saphyr`, which quotes what YAML
//! would otherwise read as something else.

use serde::Serialize;
use serde_saphyr::Commented;

use super::shape::{Checked, Draft, DraftFollowUp};

#[derive(Serialize)]
struct Guide {
    title: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    prepare: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    after: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    guidelines_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    roles: Option<Vec<Role>>,
    intro: Intro,
    sections: Vec<Section>,
    #[serde(skip_serializing_if = "Option::is_none")]
    candidate_questions: Option<CandidateQuestions>,
    #[serde(skip_serializing_if = "Option::is_none")]
    closing: Option<Closing>,
    timing: Timing,
}

#[derive(Serialize)]
struct Role {
    id: String,
    name: Commented<String>,
}

#[derive(Serialize)]
struct Intro {
    instruction: Commented<String>,
    statement: Vec<Commented<String>>,
}

#[derive(Serialize)]
struct Section {
    title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    roles: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    say: Vec<Commented<String>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    guidance: Vec<Commented<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pick: Option<Commented<usize>>,
    questions: Vec<Question>,
}

#[derive(Serialize)]
struct Question {
    id: String,
    text: Commented<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    guidelines_url: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    guidance: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    follow_ups: Vec<FollowUp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    guidelines: Option<Guidelines>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum FollowUp {
    Plain(String),
    Nested {
        #[serde(skip_serializing_if = "Option::is_none")]
        when: Option<String>,
        text: String,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        follow_ups: Vec<FollowUp>,
    },
}

#[derive(Serialize)]
struct Guidelines {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    strong: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    weak: Vec<String>,
}

#[derive(Serialize)]
struct CandidateQuestions {
    #[serde(skip_serializing_if = "Option::is_none")]
    instruction: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    prompt: Option<String>,
}

#[derive(Serialize)]
struct Closing {
    statement: Vec<String>,
}

#[derive(Serialize)]
struct Timing {
    minutes: Commented<u32>,
    intro_minutes: u32,
    candidate_questions_minutes: u32,
    questions: usize,
}

/// The intro when the Markdown has none: the console needs words to begin with.
const NO_INTRO: &str = "Thanks for talking with me today.";
/// How many questions the default plan holds, at most.
const PLANNED: usize = 5;

/// Comments written so far: each check one, counted.
#[derive(Default)]
struct Checks {
    count: usize,
}

impl Checks {
    /// The comment for a check, or none.
    fn note(&mut self, check: Option<&String>) -> String {
        check.map_or_else(String::new, |c| {
            self.count += 1;
            one_line(c)
        })
    }

    fn all(&mut self, items: &[Checked]) -> Vec<Commented<String>> {
        items
            .iter()
            .map(|c| Commented(c.text.clone(), self.note(c.check.as_ref())))
            .collect()
    }
}

/// The guide file, and how many checks it holds.
pub fn write(draft: &Draft) -> Result<(String, usize), serde_saphyr::SerializeError> {
    let mut checks = Checks::default();
    let mut header = vec![
        "# Imported by `interview-console import` from a Markdown guide.".to_string(),
        "# Lines marked CHECK need a person's judgment; `interview-console check-guide FILE`"
            .to_string(),
        "# checks the file after you edit it.".to_string(),
    ];
    if !draft.left_out.is_empty() {
        header.push(format!(
            "# {}",
            checks.note(Some(&format!(
                "CHECK: left out as background: {} (move what the interviewer needs to `reminders` or `prepare`)",
                draft.left_out.join(", ")
            )))
        ));
    }
    let intro = match &draft.intro {
        Some(intro) => Intro {
            instruction: Commented(intro.instruction.clone(), String::new()),
            statement: checks.all(&intro.statement),
        },
        None => Intro {
            instruction: Commented(
                "Say this, or something close to it, before the first question:".into(),
                String::new(),
            ),
            statement: checks.all(&[Checked {
                text: NO_INTRO.into(),
                check: Some(
                    "CHECK: the guide has no introductory statement: write what you say first"
                        .into(),
                ),
            }]),
        },
    };
    let roles = (!draft.roles.is_empty()).then(|| {
        draft
            .roles
            .iter()
            .map(|r| Role {
                id: r.id.clone(),
                name: Commented(r.name.clone(), checks.note(r.check.as_ref())),
            })
            .collect()
    });
    let sections: Vec<Section> = draft
        .sections
        .iter()
        .map(|s| Section {
            title: s.title.clone(),
            roles: (!s.roles.is_empty()).then(|| s.roles.clone()),
            say: checks.all(&s.say),
            guidance: checks.all(&s.guidance),
            pick: s
                .pick
                .as_ref()
                .map(|p| Commented(p.text.parse().unwrap_or(1), checks.note(p.check.as_ref()))),
            questions: s
                .questions
                .iter()
                .map(|q| Question {
                    id: q.id.clone(),
                    text: Commented(q.text.text.clone(), checks.note(q.text.check.as_ref())),
                    guidelines_url: q.url.clone(),
                    guidance: q.guidance.clone(),
                    follow_ups: q.follow_ups.iter().map(follow_up).collect(),
                    guidelines: (!q.strong.is_empty() || !q.weak.is_empty()).then(|| Guidelines {
                        strong: q.strong.clone(),
                        weak: q.weak.clone(),
                    }),
                })
                .collect(),
        })
        .collect();
    let questions: usize = draft.sections.iter().map(|s| s.questions.len()).sum();
    let timing_check = if draft.timing.is_empty() {
        "CHECK: the console's default timing: set the hour and the questions as your team plans them".to_string()
    } else {
        format!(
            "CHECK: the console's default timing; the guide says: {}",
            most_telling(&draft.timing)
                .into_iter()
                .take(QUOTED_SENTENCES)
                .map(|s| format!("“{}”", shortened(s)))
                .collect::<Vec<_>>()
                .join(" ")
        )
    };
    let guide = Guide {
        title: draft.title.clone(),
        prepare: draft.prepare.clone(),
        after: draft.after.clone(),
        guidelines_url: draft.guidelines_url.clone(),
        roles,
        intro,
        sections,
        candidate_questions: (draft.candidate.instruction.is_some()
            || draft.candidate.prompt.is_some())
        .then(|| CandidateQuestions {
            instruction: draft.candidate.instruction.clone(),
            prompt: draft.candidate.prompt.clone(),
        }),
        closing: (!draft.closing.is_empty()).then(|| Closing {
            statement: draft.closing.clone(),
        }),
        timing: Timing {
            minutes: Commented(60, checks.note(Some(&timing_check))),
            intro_minutes: 5,
            candidate_questions_minutes: 10,
            questions: questions.clamp(1, PLANNED),
        },
    };
    let body = serde_saphyr::to_string(&guide)?;
    let mut yaml = header.join("\n");
    yaml.push('\n');
    yaml.push_str(&body);
    Ok((yaml, checks.count))
}

fn follow_up(f: &DraftFollowUp) -> FollowUp {
    if f.when.is_none() && f.follow_ups.is_empty() {
        FollowUp::Plain(f.text.clone())
    } else {
        FollowUp::Nested {
            when: f.when.clone(),
            text: f.text.clone(),
            follow_ups: f.follow_ups.iter().map(follow_up).collect(),
        }
    }
}

/// How many of the guide's sentences about time the timing's check quotes.
const QUOTED_SENTENCES: usize = 3;

/// The sentences about time, those that give a number or the hour first.
fn most_telling(sentences: &[String]) -> Vec<&String> {
    let mut sorted: Vec<&String> = sentences.iter().collect();
    sorted.sort_by_key(|s| !(s.contains("hour") || s.chars().any(|c| c.is_ascii_digit())));
    sorted
}

/// A sentence cut to a comment's length.
fn shortened(sentence: &str) -> String {
    const LONGEST: usize = 100;
    if sentence.chars().count() <= LONGEST {
        return sentence.to_string();
    }
    let kept: String = sentence.chars().take(LONGEST - 1).collect();
    format!("{}…", kept.trim_end())
}

/// A comment stays on its line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
