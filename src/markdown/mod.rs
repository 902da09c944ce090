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
//!
//! A guide's text (a question, …) goes in through [`rich`]: written again from what the
//! console reads in it (see `guide::rich`), its emphasis and checked links as Markdown and
//! everything else as text, placeholders filled, and then through [`inline`]. So the
//! document shows what the screen shows.

mod consistency;
mod debrief;
mod handoff;
mod scorecard;

use std::fmt::Write as _;
use std::ops::Range;

use crate::guide::Link;
use crate::guide::rich::{self, Fill, Piece, RichText};
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
    escape(text, false, false)
}

/// A guide's text as Markdown for a line or a part of one: its emphasis and links kept,
/// placeholders filled from `fills` (or shown as `{id}`), the rest escaped as text.
pub fn rich(text: &str, fills: &dyn Fill) -> String {
    let parsed = RichText::parse(text);
    let words: Vec<String> = parsed
        .runs()
        .iter()
        .map(|run| match &run.piece {
            // A line break the guide wrote reads as a space, as a reader takes it.
            Piece::Text(t) => t.replace('\n', " "),
            Piece::Placeholder(id) => fills
                .fill(id)
                .map_or_else(|| format!("{{{id}}}"), str::to_string),
        })
        .collect();
    let runs = parsed.runs().iter().zip(&words).map(|(run, words)| Run {
        text: words,
        emphasis: run.emphasis,
        strong: run.strong,
        link: run.link.as_ref().map(Link::as_str),
    });
    let written = runs_markdown(runs, false);
    // A link of ours at the start is no reference definition: its `[` stays a link's.
    let starts_with_link = parsed.runs().first().is_some_and(|r| r.link.is_some());
    escape(&written, false, starts_with_link)
}

/// Words in one style, for [`runs_markdown`].
pub struct Run<'a> {
    pub text: &'a str,
    pub emphasis: bool,
    pub strong: bool,
    /// A checked link (see `guide::Link`).
    pub link: Option<&'a str>,
}

/// Runs of words as inline Markdown: `*emphasis*`, `**strong**`, `[words](link)`, and the
/// characters that would mark anything else (`\`, `*`, `_`, `[`, `]`, `` ` ``, and `{` with
/// `escape_braces`) backslash-escaped. Line-level escaping is the caller's (see [`inline`]).
pub fn runs_markdown<'a>(runs: impl IntoIterator<Item = Run<'a>>, escape_braces: bool) -> String {
    #[derive(PartialEq)]
    enum Mark<'a> {
        Emphasis,
        Strong,
        Link(&'a str),
    }
    fn close(out: &mut String, mark: Mark) {
        match mark {
            Mark::Emphasis => out.push('*'),
            Mark::Strong => out.push_str("**"),
            // A lone parenthesis would end the link's target early.
            Mark::Link(url) => {
                let _ = write!(out, "]({})", url.replace('(', "\\(").replace(')', "\\)"));
            }
        }
    }
    let mut out = String::new();
    let mut open: Vec<Mark> = Vec::new();
    for run in runs {
        let wanted: Vec<Mark> = [
            run.link.map(Mark::Link),
            run.emphasis.then_some(Mark::Emphasis),
            run.strong.then_some(Mark::Strong),
        ]
        .into_iter()
        .flatten()
        .collect();
        // Close down to what this run shares with the last, then open what it adds.
        let kept = open.iter().zip(&wanted).take_while(|(a, b)| a == b).count();
        while open.len() > kept {
            if let Some(mark) = open.pop() {
                close(&mut out, mark);
            }
        }
        for mark in wanted.into_iter().skip(kept) {
            out.push_str(match mark {
                Mark::Emphasis => "*",
                Mark::Strong => "**",
                Mark::Link(_) => "[",
            });
            open.push(mark);
        }
        for c in run.text.chars() {
            if matches!(c, '\\' | '*' | '_' | '[' | ']' | '`') || (escape_braces && c == '{') {
                out.push('\\');
            }
            out.push(c);
        }
    }
    while let Some(mark) = open.pop() {
        close(&mut out, mark);
    }
    out
}

/// Text that Markdown would read as the start of a block (`1. `, `# `, `- `, a fence, …)
/// with that mark backslash-escaped, so it reads as one paragraph; nothing else changed. A
/// `[` stays: written by [`runs_markdown`], it opens a link.
pub fn one_paragraph(text: &str) -> String {
    let trimmed = text.trim_start_matches([' ', '\t']);
    if rich::is_one_paragraph(trimmed) {
        return trimmed.to_string();
    }
    match leading_marker(trimmed).filter(|_| !trimmed.starts_with('[')) {
        Some(at) => format!("{}\\{}", &trimmed[..at], &trimmed[at..]),
        None => trimmed.to_string(),
    }
}

/// Outside text for a table cell: as [`inline`], and `|` escaped.
pub fn cell(text: &str) -> String {
    escape(text, true, false)
}

/// `link_first`: the text starts with a link written here, whose `[` stays.
fn escape(text: &str, in_table: bool, link_first: bool) -> String {
    let text = text.trim_start_matches([' ', '\t']);
    let marker = leading_marker(text).filter(|_| !link_first);
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
