//! Exports: a Markdown scorecard for the hiring team, or the full record as JSON.

use std::fmt::Write as _;
use std::time::Duration;

use chrono::{FixedOffset, TimeZone};

use super::record::{PhaseName, Rating, SessionRecord};
use crate::interview::clock::mm_ss;

/// The scorecard: who, when, how long; each question verbatim with its time and notes;
/// the candidate's questions; the wrap-up. Dates are shown in `offset` (the local one).
pub fn markdown(record: &SessionRecord, offset: FixedOffset) -> String {
    let mut out = String::new();
    let started = offset.from_utc_datetime(&record.started_at.naive_utc());
    let planned = Duration::from_millis(record.budgets.total_ms);
    let _ = writeln!(out, "# {} · {}\n", record.candidate, record.role.name);
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
                mm_ss(record.interview_time()),
                mm_ss(planned)
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
        let _ = writeln!(out, "| {label} | {} |", table_cell(&value));
    }

    for phase in &record.phases {
        let spent = mm_ss(Duration::from_millis(phase.spent_ms));
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
                let budget = mm_ss(Duration::from_millis(record.budgets.per_question_ms));
                let _ = writeln!(out, "\n## Question {}\n\n**{}**\n", i + 1, question.text);
                let rating = rating_text(phase.rating.as_ref(), &record.scale());
                let mut line = format!(
                    "Rating: {rating} · Time: {spent} of {budget} · {}",
                    question.section
                );
                if let Some(url) = &question.guidelines_url {
                    let _ = write!(line, " · [guidelines]({url})");
                }
                let _ = writeln!(out, "{line}\n");
            }
            PhaseName::CandidateQuestions => {
                let budget = mm_ss(Duration::from_millis(record.budgets.candidate_questions_ms));
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
    out
}

/// "Yes (3 of 4)", or "not rated".
pub fn rating_text(rating: Option<&Rating>, scale: &[String]) -> String {
    rating.map_or_else(
        || "not rated".to_string(),
        |r| format!("{} ({} of {})", r.label, r.position, scale.len()),
    )
}

/// Notes as a Markdown list, one line an item, blank lines left out.
pub(crate) fn notes(out: &mut String, lines: &[String]) {
    let written: Vec<&String> = lines.iter().filter(|l| !l.trim().is_empty()).collect();
    if written.is_empty() {
        out.push_str("_No notes._\n");
    }
    for line in written {
        let _ = writeln!(out, "- {}", line.trim_end());
    }
}

fn table_cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// `list`: one session a line, columns aligned: id, date, candidate, role, interviewer,
/// status, duration (interview time / planned).
pub fn list_lines(records: &[SessionRecord], offset: FixedOffset) -> Vec<String> {
    let rows: Vec<[String; 7]> = records
        .iter()
        .map(|r| {
            [
                r.id.to_string(),
                offset
                    .from_utc_datetime(&r.started_at.naive_utc())
                    .format("%Y-%m-%d %H:%M")
                    .to_string(),
                r.candidate.clone(),
                r.role.name.clone(),
                r.interviewer.clone(),
                r.status.label().to_string(),
                format!(
                    "{} / {}",
                    mm_ss(r.interview_time()),
                    mm_ss(Duration::from_millis(r.budgets.total_ms))
                ),
            ]
        })
        .collect();
    let mut widths = [0usize; 7];
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    rows.iter()
        .map(|row| {
            let cells: Vec<String> = row
                .iter()
                .zip(widths)
                .map(|(cell, width)| format!("{cell:<width$}"))
                .collect();
            cells.join("  ").trim_end().to_string()
        })
        .collect()
}
