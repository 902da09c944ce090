//! The debrief: several interviewers' sessions with the same candidate, side by side.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::time::Duration;

use super::{cell, inline, marked_notes, rating_text, said};
use crate::interview::clock::in_words;
use crate::interview::evidence::ImpressionMatcher;
use crate::store::record::{PhaseName, PhaseRecord, QuestionRecord, Rating, SessionRecord};

/// Ratings this many steps apart or more are flagged for discussion.
pub const DISAGREEMENT_STEPS: usize = 2;

/// Why sessions cannot be debriefed together.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DebriefError {
    #[error("a debrief needs two or more interviews; got {0}")]
    TooFew(usize),
    #[error("these interviews are of different candidates: {0}")]
    DifferentCandidates(String),
    #[error("these interviews used different guides: {0}")]
    DifferentGuides(String),
}

fn same_person(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// How the ratings of one question (or the recommendations) split, when they split enough to
/// talk about: on both sides of the scale's middle (one for, one against: Yes and No), or
/// `DISAGREEMENT_STEPS` or more apart on one side. Positions count from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Split {
    BothSides { low: usize, high: usize },
    StepsApart { low: usize, high: usize },
}

/// The split of the ratings given, on a scale of `scale` labels; unrated answers do not
/// count. Below the middle are the positions up to half the scale; above it those past
/// half and one (on an odd scale the middle label is on neither side).
fn split(ratings: &[Option<&Rating>], scale: usize) -> Option<Split> {
    let given: Vec<usize> = ratings.iter().flatten().map(|r| r.position).collect();
    let (low, high) = (*given.iter().min()?, *given.iter().max()?);
    if low <= scale / 2 && high > scale.div_ceil(2) {
        Some(Split::BothSides { low, high })
    } else if high - low >= DISAGREEMENT_STEPS {
        Some(Split::StepsApart { low, high })
    } else {
        None
    }
}

impl Split {
    /// What the split is, in words, with the labels at its ends.
    fn describe(self, scale: &[String]) -> String {
        let label = |p: usize| {
            inline(
                p.checked_sub(1)
                    .and_then(|i| scale.get(i))
                    .map_or("?", String::as_str),
            )
        };
        match self {
            Split::BothSides { low, high } => format!(
                "on both sides of the scale's middle ({} against {})",
                label(low),
                label(high)
            ),
            Split::StepsApart { low, high } => format!(
                "{} steps apart ({} against {})",
                high - low,
                label(low),
                label(high)
            ),
        }
    }
}

/// One Markdown report of several interviewers' sessions with the same candidate on the
/// same guide: per question, each interviewer's rating side by side and their notes; the
/// recommendations; first, what splits them (ratings or recommendations on both sides of
/// the scale's middle, or two or more steps apart), and how many impression words the
/// notes hold, each marked where it stands.
pub fn debrief(
    records: &[SessionRecord],
    impressions: &ImpressionMatcher,
) -> Result<String, DebriefError> {
    let Some(first) = records.first() else {
        return Err(DebriefError::TooFew(0));
    };
    if records.len() < 2 {
        return Err(DebriefError::TooFew(records.len()));
    }
    let who = |r: &SessionRecord| format!("{} ({}, {})", r.candidate, r.interviewer, r.id);
    if records
        .iter()
        .any(|r| !same_person(&r.candidate, &first.candidate))
    {
        let names: Vec<String> = records.iter().map(who).collect();
        return Err(DebriefError::DifferentCandidates(names.join("; ")));
    }
    if records.iter().any(|r| r.guide.sha256 != first.guide.sha256) {
        let guides: Vec<String> = records
            .iter()
            .map(|r| format!("{} uses {} ({:.12})", r.id, r.guide.title, r.guide.sha256))
            .collect();
        return Err(DebriefError::DifferentGuides(guides.join("; ")));
    }

    let scale = first.scale();
    let mut question_ids: Vec<&str> = Vec::new();
    for record in records {
        for (question, _) in record.question_phases() {
            if !question_ids.contains(&question.id.as_str()) {
                question_ids.push(&question.id);
            }
        }
    }

    let mut body = String::new();
    let mut flagged = Vec::new();
    let mut marked = 0;
    let mut notes = |out: &mut String, lines: &[String]| {
        marked += marked_notes(out, lines, impressions);
    };
    for (n, id) in question_ids.iter().enumerate() {
        let asked: Vec<(&SessionRecord, &QuestionRecord, &PhaseRecord)> = records
            .iter()
            .filter_map(|r| {
                r.question_phases()
                    .find(|(q, _)| q.id == *id)
                    .map(|(q, p)| (r, q, p))
            })
            .collect();
        let Some((_, question, _)) = asked.first() else {
            continue;
        };
        let text = said(&question.text);
        let _ = writeln!(body, "\n## {}. {text}\n", n + 1);
        let ratings: Vec<Option<&Rating>> =
            asked.iter().map(|(_, _, p)| p.rating.as_ref()).collect();
        if let Some(split) = split(&ratings, scale.len()) {
            flagged.push(format!("{}. {text}", n + 1));
            let _ = writeln!(body, "**⚑ Ratings {}: discuss.**\n", split.describe(&scale));
        }
        let _ = writeln!(body, "| Interviewer | Rating | Time |\n| --- | --- | --- |");
        for (record, _, phase) in &asked {
            let _ = writeln!(
                body,
                "| {} | {} | {} |",
                cell(&record.interviewer),
                cell(&rating_text(phase.rating.as_ref(), &scale)),
                in_words(Duration::from_millis(phase.spent_ms))
            );
        }
        for record in records
            .iter()
            .filter(|r| !asked.iter().any(|(a, _, _)| a.id == r.id))
        {
            let _ = writeln!(body, "| {} | not asked | |", cell(&record.interviewer));
        }
        for (record, _, phase) in &asked {
            let _ = writeln!(body, "\n**{}**\n", inline(&record.interviewer));
            notes(&mut body, &phase.notes);
        }
    }

    let _ = writeln!(body, "\n## Recommendations\n");
    let recommendations: Vec<Option<&Rating>> =
        records.iter().map(|r| r.recommendation.as_ref()).collect();
    if let Some(split) = split(&recommendations, scale.len()) {
        flagged.push("The recommendations".to_string());
        let _ = writeln!(
            body,
            "**⚑ Recommendations {}: discuss.**\n",
            split.describe(&scale)
        );
    }
    let _ = writeln!(body, "| Interviewer | Recommendation |\n| --- | --- |");
    for record in records {
        let _ = writeln!(
            body,
            "| {} | {} |",
            cell(&record.interviewer),
            cell(&rating_text(record.recommendation.as_ref(), &scale))
        );
    }
    for record in records {
        let summary = record
            .phases
            .iter()
            .find(|p| p.phase == PhaseName::WrapUp)
            .map(|p| p.notes.as_slice())
            .unwrap_or_default();
        let _ = writeln!(body, "\n**{}: summary**\n", inline(&record.interviewer));
        notes(&mut body, summary);
    }

    let mut out = String::new();
    let roles: BTreeSet<String> = records.iter().map(|r| inline(&r.role.name)).collect();
    let _ = writeln!(out, "# Debrief: {}\n", inline(&first.candidate));
    let _ = writeln!(
        out,
        "- Role: {}",
        roles.into_iter().collect::<Vec<_>>().join(", ")
    );
    let _ = writeln!(out, "- Guide: {}", inline(&first.guide.title));
    let _ = writeln!(
        out,
        "- Interviews: {}",
        records
            .iter()
            .map(|r| format!(
                "{} ({})",
                inline(&r.interviewer),
                r.started_at.format("%Y-%m-%d")
            ))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let scale: Vec<String> = scale.iter().map(|label| inline(label)).collect();
    let _ = writeln!(out, "- Scale: {}", scale.join(" · "));
    let _ = writeln!(out, "\n## For discussion\n");
    if flagged.is_empty() {
        let _ = writeln!(
            out,
            "Nothing flagged: no two ratings on both sides of the scale's middle or {DISAGREEMENT_STEPS} or more steps apart."
        );
    } else {
        for item in &flagged {
            let _ = writeln!(out, "- ⚑ {item}");
        }
    }
    match marked {
        0 => {}
        1 => out.push_str("\nOne note line holds impression words, marked _impression:_ below: what did the candidate say or do?\n"),
        n => {
            let _ = writeln!(
                out,
                "\n{n} note lines hold impression words, marked _impression:_ below: what did the candidate say or do?"
            );
        }
    }
    out.push_str(&body);
    Ok(out)
}
