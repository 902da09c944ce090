//! The scorecard of one interview, for the hiring team.

use std::fmt::Write as _;
use std::time::Duration;

use chrono::{FixedOffset, TimeZone};

use super::{cell, inline, notes, rating_text, said};
use crate::guide::Link;
use crate::interview::clock::in_words;
use crate::store::record::{PhaseName, SessionRecord};

/// The scorecard: who, when, how long; each question verbatim with its time and notes;
/// the candidate's questions; the wrap-up; the hand-off note. Dates are shown in `offset`
/// (the local one), durations in words (`1 h 09 min`, never a clock's `01:09`).
pub fn scorecard(record: &SessionRecord, offset: FixedOffset) -> String {
    let mut out = String::new();
    let started = offset.from_utc_datetime(&record.started_at.naive_utc());
    let planned = Duration::from_millis(record.budgets.total_ms);
    let _ = writeln!(
        out,
        "# {} · {}\n",
        inline(&record.candidate),
        inline(&record.role.name)
    );
    let _ = writeln!(out, "| | |\n| --- | --- |");
    for (label, value) in [
        ("Candidate", record.candidate.clone()),
        ("Role", record.role.name.clone()),
        ("Interviewer", record.interviewer.clone()),
        ("Date", started.format("%Y-%m-%d %H:%M").to_string()),
        (
            "Duration",
            format!(
                "{} (planned {})",
                in_words(record.interview_time()),
                in_words(planned)
            ),
        ),
        (
            "Recommendation",
            rating_text(record.recommendation.as_ref(), &record.scale()),
        ),
        ("Guide", record.guide.title.clone()),
        ("Status", record.status.label().to_string()),
        ("Session", record.id.to_string()),
    ] {
        let _ = writeln!(out, "| {label} | {} |", cell(&value));
    }

    for phase in &record.phases {
        let spent = in_words(Duration::from_millis(phase.spent_ms));
        match phase.phase {
            PhaseName::Intro => {
                if phase.notes.iter().all(|l| l.trim().is_empty()) {
                    continue;
                }
                let _ = writeln!(out, "\n## Intro\n");
            }
            PhaseName::Question => {
                let Some((i, question)) = record
                    .questions
                    .iter()
                    .enumerate()
                    .find(|(_, q)| Some(&q.id) == phase.question_id.as_ref())
                else {
                    continue;
                };
                let budget = in_words(Duration::from_millis(record.budgets.per_question_ms));
                let _ = writeln!(
                    out,
                    "\n## Question {}\n\n**{}**\n",
                    i + 1,
                    said(&question.text)
                );
                let rating = inline(&rating_text(phase.rating.as_ref(), &record.scale()));
                let mut line = format!(
                    "Rating: {rating} · Time: {spent} of {budget} · {}",
                    inline(&question.section)
                );
                if let Some(Ok(link)) = question.guidelines_url.as_deref().map(Link::parse) {
                    // A lone parenthesis would end the link's target early.
                    let target = link.as_str().replace('(', "\\(").replace(')', "\\)");
                    let _ = write!(line, " · [guidelines]({target})");
                }
                let _ = writeln!(out, "{line}\n");
            }
            PhaseName::CandidateQuestions => {
                let budget = in_words(Duration::from_millis(record.budgets.candidate_questions_ms));
                let _ = writeln!(
                    out,
                    "\n## The candidate's questions\n\nTime: {spent} of {budget}\n"
                );
            }
            PhaseName::WrapUp => {
                let _ = writeln!(out, "\n## Wrap-up\n");
            }
        }
        notes(&mut out, &phase.notes);
    }
    if record.handoff.iter().any(|l| !l.trim().is_empty()) {
        let _ = writeln!(out, "\n## Hand-off note\n");
        notes(&mut out, &record.handoff);
    }
    out
}
