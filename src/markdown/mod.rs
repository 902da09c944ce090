//! Markdown for people: the scorecard of one interview, the hand-off to the next
//! interviewer, the debrief of several interviewers, the consistency report across
//! candidates, and the pieces they share. It builds text and does no I/O.
//!
//! Every piece of text from outside (names, titles, questions, notes, rating labels, ids)
//! goes into the Markdown through [`inline`] or [`cell`], which escape what would change
//! the document's structure, so that a name or a note reads as what it is and nothing more:
//!
//! - Line breaks and other controls are shown visibly (`\n`, `\e`; see
//!   [`crate::safe_text`]): one piece of text stays on its line, so it cannot start a table
//!   row, a heading or a block of its own, and the document is clean for a terminal too.
//! - A line-start block marker is backslash-escaped: `#` (heading), `>` (quote), `-`, `+`,
//!   `*` (list, rule), `1.` and `1)` (ordered list), `=` and `_` (rules), ```` ``` ```` and
//!   `~~~` (code fences, which would swallow the rest of the document), `[` (a link reference
//!   definition or a task box, which would hide the line). Leading spaces and tabs are left
//!   out: they mean nothing to Markdown, except four of them, which make a code block. A note
//!   line is thus one list item of text, whatever it starts with.
//! - A trailing run of `#` is escaped: in a heading it would be taken off as a closing
//!   sequence.
//! - `<` is escaped everywhere outside code spans, so HTML in a note (common in security
//!   interviews: `<img onerror=…>`) shows as text instead of disappearing into the page, and
//!   `&` before a letter or `#`, so `&#x202e;` cannot bring back a character cleaned out.
//! - In a table cell, `|` is escaped, so a cell stays one cell.
//!
//! Inline formatting typed in a note (`*emphasis*`, `` `code` ``, `[text](link)`, a
//! backslash escape) is left as it is: it cannot change the structure, and an interviewer
//! may use it on purpose. Escaping, not rewriting: rendered, the text reads as typed.

mod consistency;
mod debrief;
mod handoff;
mod scorecard;

use std::fmt::Write as _;
use std::ops::Range;

use crate::interview::UNRATED;
use crate::interview::evidence::ImpressionMatcher;
use crate::safe_text;
use crate::store::record::Rating;

pub use consistency::consistency;
pub use debrief::{DISAGREEMENT_STEPS, DebriefError, debrief};
pub use handoff::handoff;
pub use scorecard::scorecard;

/// "Yes (3 of 4)", or "unrated". Plain text: escape it where it goes.
pub fn rating_text(rating: Option<&Rating>, scale: &[String]) -> String {
    rating.map_or_else(
        || UNRATED.to_string(),
        |r| format!("{} ({} of {})", r.label, r.position, scale.len()),
    )
}

/// Notes as a Markdown list, one line an item, blank lines left out.
pub(crate) fn notes(out: &mut String, lines: &[String]) {
    marked_notes(out, lines, &ImpressionMatcher::new(&[]));
}

/// Notes as [`notes`] writes them, each line that holds impression words marked after it
/// with the words (`· _impression: seems, smart_`); returns how many lines were marked.
pub(crate) fn marked_notes(
    out: &mut String,
    lines: &[String],
    impressions: &ImpressionMatcher,
) -> usize {
    let written: Vec<&String> = lines.iter().filter(|l| !l.trim().is_empty()).collect();
    if written.is_empty() {
        out.push_str("_No notes._\n");
    }
    let mut marked = 0;
    for line in written {
        let words: Vec<String> = impressions
            .find_in(0, [line])
            .into_iter()
            .map(|mark| inline(&mark.text))
            .collect();
        let _ = write!(out, "- {}", inline(line.trim_end()));
        if !words.is_empty() {
            marked += 1;
            let _ = write!(out, " · _impression: {}_", words.join(", "));
        }
        out.push('\n');
    }
    marked
}

/// Outside text for a line of Markdown or a part of one (a heading, a list item, bold
/// text): see the module's doc for what is escaped.
pub fn inline(text: &str) -> String {
    escape(text, false)
}

/// Words a guide has said aloud (a question), for a line of Markdown: a line break the
/// guide wrote becomes a space, as a reader would take it, rather than a visible `\n`;
/// otherwise as `inline`.
pub fn said(text: &str) -> String {
    inline(&text.lines().collect::<Vec<_>>().join(" "))
}

/// Outside text for a table cell: as [`inline`], and `|` escaped.
pub fn cell(text: &str) -> String {
    escape(text, true)
}

fn escape(text: &str, in_table: bool) -> String {
    let text = text.trim_start_matches([' ', '\t']);
    let marker = leading_marker(text);
    // An escaped leading backtick no longer opens a code span.
    let code_from = usize::from(marker == Some(0) && text.starts_with('`'));
    let code = code_spans(text, code_from);
    let closing = closing_hashes(text);
    let in_code = |at: usize| code.iter().any(|span| span.contains(&at));
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c != '\t' && safe_text::is_unsafe(c) {
            safe_text::push_visible(&mut out, c);
            continue;
        }
        if c == '\\' && !in_code(at) {
            // Typed as an escape: kept as one, so what it escapes stays escaped.
            out.push(c);
            if let Some(&(_, next)) = chars.peek()
                && next.is_ascii_punctuation()
            {
                out.push(next);
                chars.next();
            }
            continue;
        }
        let escaped = Some(at) == marker
            || Some(at) == closing
            || (in_table && c == '|')
            || (!in_code(at)
                && (c == '<' || (c == '&' && starts_entity(&text[at + c.len_utf8()..]))));
        if escaped {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Where the character to escape is when `text` would start a block of its own.
fn leading_marker(text: &str) -> Option<usize> {
    let first = text.chars().next()?;
    let fence = matches!(first, '`' | '~') && text.starts_with(&first.to_string().repeat(3));
    if fence
        || matches!(
            first,
            '#' | '>' | '-' | '+' | '*' | '=' | '_' | '[' | '<' | '|'
        )
    {
        return Some(0);
    }
    // An ordered list: up to nine digits, then `.` or `)`.
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    (1..=9)
        .contains(&digits)
        .then_some(digits)
        .filter(|&at| matches!(text.as_bytes().get(at), Some(b'.' | b')')))
}

/// Where a closing run of `#` begins: one at the end, after a space (or the whole text).
fn closing_hashes(text: &str) -> Option<usize> {
    let kept = text.trim_end_matches([' ', '\t']);
    let start = kept.trim_end_matches('#').len();
    (start < kept.len() && (start == 0 || kept[..start].ends_with([' ', '\t']))).then_some(start)
}

/// `&` followed by what could make it a character reference (`&amp;`, `&#x202e;`).
fn starts_entity(after: &str) -> bool {
    after
        .chars()
        .next()
        .is_some_and(|c| c == '#' || c.is_ascii_alphanumeric())
}

/// The byte ranges of code spans, as CommonMark finds them from `from` on: a run of
/// backticks up to the next run of the same length; backslash escapes count outside them.
fn code_spans(text: &str, from: usize) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let run_at = |at: usize| bytes[at..].iter().take_while(|&&b| b == b'`').count();
    let mut spans = Vec::new();
    let mut at = from;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' if bytes.get(at + 1).is_some_and(u8::is_ascii_punctuation) => at += 2,
            b'`' => {
                let open = run_at(at);
                let mut look = at + open;
                let mut close = None;
                while look < bytes.len() {
                    if bytes[look] == b'`' {
                        let run = run_at(look);
                        if run == open {
                            close = Some(look + run);
                            break;
                        }
                        look += run;
                    } else {
                        look += 1;
                    }
                }
                match close {
                    Some(end) => {
                        spans.push(at..end);
                        at = end;
                    }
                    None => at += open,
                }
            }
            _ => at += 1,
        }
    }
    spans
}
