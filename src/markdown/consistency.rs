//! The consistency report: candidates against questions, across sessions of one guide.

use std::fmt::Write as _;
use std::time::Duration;

use super::{cell, inline, rating_text, rich};
use crate::guide::rich::Unfilled;
use crate::guide::{Guide, Role};
use crate::interview::UNRATED;
use crate::interview::clock::in_words;
use crate::store::record::SessionRecord;

/// Candidates against questions for the sessions of `guide` (this very guide: the same
/// SHA-256), and of one role if given: each cell the rating and time spent, so a team sees
/// that candidates got the same questions. A column a question, named by its id, with its
/// text under the table: the same question is the same column whatever its place in each
/// interview. Newest first; questions in the order of first use. Ends with how many
/// sessions were left out, and why.
pub fn consistency(records: &[SessionRecord], guide: &Guide, role: Option<&Role>) -> String {
    let of_the_guide = |r: &&SessionRecord| r.guide.sha256 == guide.fingerprint;
    let of_the_role = |r: &&SessionRecord| role.is_none_or(|role| r.role_id() == Some(&role.id));
    let mut chosen: Vec<&SessionRecord> = Vec::new();
    let mut copies = 0;
    for record in records.iter().filter(of_the_guide).filter(of_the_role) {
        // An interview counts once, however many copies of it there are (an export
        // imported as a session of its own): the copy saved last stands for it.
        match chosen.iter_mut().find(|r| r.same_interview(record)) {
            Some(kept) => {
                copies += 1;
                if record.saved_at > kept.saved_at {
                    *kept = record;
                }
            }
            None => chosen.push(record),
        }
    }
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
        let _ = writeln!(
            out,
            "No interviews to report on {}{}.",
            inline(&guide.title),
            role.map(|r| format!(" for the {} role", inline(&r.name)))
                .unwrap_or_default()
        );
    } else {
        table(&mut out, &chosen, &questions);
    }
    left_out(&mut out, records, guide, role, copies);
    out
}

fn table(out: &mut String, chosen: &[&SessionRecord], questions: &[(&str, &str)]) {
    let columns: Vec<String> = questions.iter().map(|(id, _)| cell(id)).collect();
    let _ = writeln!(
        out,
        "| Candidate | Role | Interviewer | Date | {} | Recommendation |",
        columns.join(" | ")
    );
    let _ = writeln!(out, "|{}", " --- |".repeat(questions.len() + 5));
    for record in chosen {
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
                            format!("{rating}, {}", in_words(Duration::from_millis(p.spent_ms)))
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
    for (id, text) in questions {
        let _ = writeln!(out, "- {}: {}", inline(id), rich(text, &Unfilled));
    }
}

/// How many sessions the report leaves out, and why: run on another guide, on another
/// version of this one (its title, another SHA-256: the guide was edited since), for
/// another role, or a copy of an interview already in the table.
fn left_out(
    out: &mut String,
    records: &[SessionRecord],
    guide: &Guide,
    role: Option<&Role>,
    copies: usize,
) {
    let other = |r: &&SessionRecord| r.guide.sha256 != guide.fingerprint;
    let edited = records
        .iter()
        .filter(other)
        .filter(|r| r.guide.title == guide.title)
        .count();
    let other_guide = records
        .iter()
        .filter(other)
        .filter(|r| r.guide.title != guide.title)
        .count();
    let other_role = role.map_or(0, |role| {
        records
            .iter()
            .filter(|r| r.guide.sha256 == guide.fingerprint && r.role_id() != Some(&role.id))
            .count()
    });
    let reasons: Vec<String> = [
        (
            edited,
            "on another version of this guide (it was edited since)",
        ),
        (other_guide, "on another guide"),
        (other_role, "for another role"),
        (copies, "copying an interview already counted"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, why)| format!("{} {why}", sessions(n)))
    .collect();
    if reasons.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nLeft out: {}.", reasons.join("; "));
    if edited + other_guide > 0 {
        out.push_str("`--guide FILE` reports on the sessions of another guide.\n");
    }
}

fn sessions(n: usize) -> String {
    if n == 1 {
        "1 session".to_string()
    } else {
        format!("{n} sessions")
    }
}
