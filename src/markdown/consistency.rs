//! The consistency report: candidates against questions, across sessions of one guide.

use std::fmt::Write as _;
use std::time::Duration;

use super::{cell, rating_text, rich};
use crate::guide::rich::Unfilled;
use crate::interview::UNRATED;
use crate::interview::clock::mm_ss;
use crate::store::record::SessionRecord;

/// Candidates against questions for the sessions of one guide (and one role, by its id,
/// if given): each cell the rating and time spent, so a team sees that candidates got the
/// same questions. Newest first; questions in the guide's order of first use.
pub fn consistency(records: &[SessionRecord], role_id: Option<&str>) -> String {
    let chosen: Vec<&SessionRecord> = records
        .iter()
        .filter(|r| role_id.is_none_or(|id| r.role.as_ref().is_some_and(|r| r.id == id)))
        .collect();
    let mut questions: Vec<(&str, &str)> = Vec::new();
    for record in &chosen {
        for (question, _) in record.question_phases() {
            if !questions.iter().any(|(id, _)| *id == question.id) {
                questions.push((&question.id, &question.text));
            }
        }
    }
    let mut out = String::new();
    if chosen.is_empty() {
        out.push_str("No interviews to report.\n");
        return out;
    }
    let columns: Vec<String> = (1..=questions.len()).map(|n| format!("Q{n}")).collect();
    let _ = writeln!(
        out,
        "| Candidate | Role | Interviewer | Date | {} | Recommendation |",
        columns.join(" | ")
    );
    let _ = writeln!(out, "|{}", " --- |".repeat(questions.len() + 5));
    for record in &chosen {
        let scale = record.scale();
        let cells: Vec<String> = questions
            .iter()
            .map(|(id, _)| {
                record
                    .question_phases()
                    .find(|(q, _)| q.id == *id)
                    .map_or_else(
                        || "—".to_string(),
                        |(_, p)| {
                            let rating = p
                                .rating
                                .as_ref()
                                .map_or_else(|| UNRATED.to_string(), |r| cell(&r.label));
                            format!("{rating}, {}", mm_ss(Duration::from_millis(p.spent_ms)))
                        },
                    )
            })
            .collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            cell(&record.candidate),
            cell(record.role_name()),
            cell(&record.interviewer),
            record.started_at.format("%Y-%m-%d"),
            cells.join(" | "),
            cell(&rating_text(record.recommendation.as_ref(), &scale))
        );
    }
    out.push('\n');
    for (n, (_, text)) in questions.iter().enumerate() {
        let _ = writeln!(out, "- Q{}: {}", n + 1, rich(text, &Unfilled));
    }
    out
}
