//! The hand-off to the next interviewer: who, for what role, which questions were already
//! asked (so they are not asked again), and the note. Nothing else: no rating, no
//! recommendation, no notes, so the next interviewer meets the candidate without a verdict.

use std::fmt::Write as _;

use super::{inline, said};
use crate::store::record::SessionRecord;

/// The hand-off of one interview. The fixed words of the document use no word a rating
/// scale is likely to hold ("No", "Yes"), so whatever the scale, none of its words comes
/// from the document itself.
pub fn handoff(record: &SessionRecord) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Hand-off: {} · {}\n",
        inline(&record.candidate),
        inline(&record.role.name)
    );
    let _ = writeln!(out, "## Questions already asked\n");
    let asked: Vec<_> = record
        .question_phases()
        .filter(|(_, phase)| phase.asked())
        .collect();
    if asked.is_empty() {
        let _ = writeln!(out, "_Nothing asked yet._");
    }
    for (question, _) in asked {
        let _ = writeln!(out, "- {} ({})", said(&question.text), inline(&question.id));
    }
    let _ = writeln!(out, "\n## Topics to probe\n");
    let written: Vec<&String> = record
        .handoff
        .iter()
        .filter(|l| !l.trim().is_empty())
        .collect();
    if written.is_empty() {
        let _ = writeln!(out, "_Nothing handed off._");
    }
    for line in written {
        let _ = writeln!(out, "- {}", inline(line.trim_end()));
    }
    out
}
