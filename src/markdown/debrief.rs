//! The debrief: several interviewers' sessions with the same candidate, side by side.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::time::Duration;

use super::{cell, inline, notes, rating_text, rich};
use crate::guide::rich::Unfilled;
use crate::interview::clock::mm_ss;
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

/// Ratings of one question (or the recommendation) far enough apart to talk about.
fn disagree(ratings: &[Option<&Rating>]) -> bool {
    let given: Vec<usize> = ratings.iter().flatten().map(|r| r.position).collect();
    match (given.iter().min(), given.iter().max()) {
        (Some(low), Some(high)) => high - low >= DISAGREEMENT_STEPS,
        _ => false,
    }
}

/// One Markdown report of several interviewers' sessions with the same candidate on the
/// same guide: per question, each interviewer's rating side by side and their notes; the
/// recommendations; and the questions whose ratings differ by two or more steps.
pub fn debrief(records: &[SessionRecord]) -> Result<String, DebriefError> {
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
        let text = rich(&question.text, &Unfilled);
        let _ = writeln!(body, "\n## {}. {text}\n", n + 1);
        let ratings: Vec<Option<&Rating>> =
            asked.iter().map(|(_, _, p)| p.rating.as_ref()).collect();
        if disagree(&ratings) {
            flagged.push(format!("{}. {text}", n + 1));
            let _ = writeln!(
                body,
                "**⚑ Ratings differ by {DISAGREEMENT_STEPS} or more steps: discuss.**\n"
            );
        }
        let _ = writeln!(body, "| Interviewer | Rating | Time |\n| --- | --- | --- |");
        for (record, _, phase) in &asked {
            let _ = writeln!(
                body,
                "| {} | {} | {} |",
                cell(&record.interviewer),
                cell(&rating_text(phase.rating.as_ref(), &scale)),
                mm_ss(Duration::from_millis(phase.spent_ms))
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
    if disagree(&recommendations) {
        flagged.push("The recommendations".to_string());
        let _ = writeln!(
            body,
            "**⚑ Recommendations differ by {DISAGREEMENT_STEPS} or more steps: discuss.**\n"
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
    let roles: BTreeSet<String> = records
        .iter()
        .filter_map(|r| r.role.as_ref().map(|role| inline(&role.name)))
        .collect();
    let _ = writeln!(out, "# Debrief: {}\n", inline(&first.candidate));
    if !roles.is_empty() {
        let _ = writeln!(
            out,
            "- Role: {}",
            roles.into_iter().collect::<Vec<_>>().join(", ")
        );
    }
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
            "No ratings differ by {DISAGREEMENT_STEPS} or more steps."
        );
    } else {
        for item in &flagged {
            let _ = writeln!(out, "- ⚑ {item}");
        }
    }
    out.push_str(&body);
    Ok(out)
}
