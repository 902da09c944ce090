//! `list`: the saved sessions as plain text, one a line.

use std::time::Duration;

use chrono::{FixedOffset, TimeZone};

use crate::interview::clock::in_words;
use crate::safe_text;
use crate::store::SessionRecord;

/// The widest a name column grows (candidate, role, interviewer): a longer name is cut with
/// an ellipsis, so one long name cannot push every other line off the screen. The id is
/// never cut: it is what `resume` and `export` take.
pub const MAX_NAME_WIDTH: usize = 40;

/// `list`: one session a line, columns aligned: id, date, candidate, role, interviewer,
/// status, duration (interview time / planned, in words: `20 min / 1 h 00 min`). Text from the session files is cleaned
/// for the terminal (see [`safe_text::line`]).
pub fn list_lines(records: &[SessionRecord], offset: FixedOffset) -> Vec<String> {
    let rows: Vec<[String; 7]> = records
        .iter()
        .map(|r| {
            [
                safe_text::line(r.id.as_str()).into_owned(),
                offset
                    .from_utc_datetime(&r.started_at.naive_utc())
                    .format("%Y-%m-%d %H:%M")
                    .to_string(),
                name(&r.candidate),
                name(r.role_name()),
                name(&r.interviewer),
                r.status.label().to_string(),
                format!(
                    "{} / {}",
                    in_words(r.interview_time()),
                    in_words(Duration::from_millis(r.budgets.total_ms))
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
            let mut line = String::new();
            for (cell, width) in row.iter().zip(widths) {
                // Padded by hand: a format width past u16::MAX panics.
                line.push_str(cell);
                line.extend(std::iter::repeat_n(' ', width - cell.chars().count() + 2));
            }
            line.trim_end().to_string()
        })
        .collect()
}

/// A name for its column: cleaned, and cut to [`MAX_NAME_WIDTH`] with an ellipsis.
fn name(text: &str) -> String {
    let clean = safe_text::line(text);
    if clean.chars().count() <= MAX_NAME_WIDTH {
        return clean.into_owned();
    }
    let mut cut: String = clean.chars().take(MAX_NAME_WIDTH - 1).collect();
    cut.push('…');
    cut
}
