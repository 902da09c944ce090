//! Markdown for people: the scorecard of one interview, the debrief of several
//! interviewers, the consistency report across candidates, and the pieces they share. It
//! builds text and does no I/O.

mod consistency;
mod debrief;
mod scorecard;

use std::fmt::Write as _;

use crate::store::record::Rating;

pub use consistency::consistency;
pub use debrief::{DISAGREEMENT_STEPS, DebriefError, debrief};
pub use scorecard::scorecard;

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
