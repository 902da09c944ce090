//! `list`: the saved sessions as plain text, one a line.

use std::time::Duration;

use chrono::{FixedOffset, TimeZone};

use crate::interview::clock::mm_ss;
use crate::store::SessionRecord;

/// `list`: one session a line, columns aligned: id, date, candidate, role, interviewer,
/// status, duration (interview time / planned).
pub fn list_lines(records: &[SessionRecord], offset: FixedOffset) -> Vec<String> {
    let rows: Vec<[String; 7]> = records
        .iter()
        .map(|r| {
            [
                r.id.clone(),
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
