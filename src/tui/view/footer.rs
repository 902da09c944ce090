//! The footer: the keys that matter now, and a message or the nudge on the right.

use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::{put_line, style};
use crate::interview::Nudge;
use crate::tui::keymap;
use crate::tui::model::{Model, Screen};

pub fn draw(buf: &mut Buffer, area: Rect, model: &Model, now: Instant) {
    let status = status(model, now);
    let status_width = status.as_ref().map_or(0, |s| s.width() + 2);
    let [hints_area, status_area] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(u16::try_from(status_width).unwrap_or(u16::MAX)),
    ])
    .areas(area);

    // The keys of what has them now (an open overlay owns them, the screen under it not),
    // as many whole hints as fit beside the status.
    let mut spans = vec![Span::raw(" ")];
    let mut width = 1;
    for (keys, word) in keymap::footer_hints(model.key_contexts()) {
        let hint = [
            Span::styled(keys, style::KEY),
            Span::raw(format!(" {word}  ")),
        ];
        let hint_width: usize = hint.iter().map(Span::width).sum();
        // The two spaces after the last hint may fall off the edge.
        if width + hint_width - 2 > usize::from(hints_area.width) {
            break;
        }
        width += hint_width;
        spans.extend(hint);
    }
    put_line(buf, hints_area, &Line::from(spans), Alignment::Left);
    if let Some(status) = status {
        put_line(buf, status_area, &Line::from(status), Alignment::Right);
    }
}

/// The right side of the footer: the most pressing of a failing save, a message, the
/// search's matches, the nudge, a paused clock, a standing notice, and when the notes were
/// last saved.
fn status(model: &Model, now: Instant) -> Option<Span<'static>> {
    if let Some(error) = &model.saving.status.error {
        return Some(Span::styled(
            format!("⚠ NOT SAVED, retrying: {error}"),
            style::OVER,
        ));
    }
    if let Some(message) = &model.footer.message {
        return Some(Span::styled(message.clone(), style::NEARLY));
    }
    let screen = match &model.screen {
        Screen::Setup(form) => {
            return match (&form.problem, &model.footer.notice) {
                (Some(problem), _) => Some(Span::styled(problem.clone(), style::OVER)),
                (None, Some(notice)) => Some(Span::styled(notice.clone(), style::NEARLY)),
                (None, None) => None,
            };
        }
        Screen::Interview(s) => s,
    };
    if let Some(search) = &screen.search {
        let found = match (search.matches, search.at) {
            (_, _) if search.query().is_empty() => "type to find".to_string(),
            (0, _) => "no match".to_string(),
            (n, Some(at)) => format!("match {at} of {n}"),
            (1, None) => "1 match".to_string(),
            (n, None) => format!("{n} matches"),
        };
        return Some(Span::styled(found, style::NEARLY));
    }
    let interview = &screen.interview;
    if let Some(Nudge::MoveToCandidateQuestions) = interview.nudge(now) {
        return Some(Span::styled(" Time for their questions ", style::NUDGE));
    }
    if interview.is_paused() {
        return Some(Span::styled("clock paused", style::NEARLY));
    }
    if let Some(notice) = &model.footer.notice {
        return Some(Span::styled(notice.clone(), style::NEARLY));
    }
    model.saving.status.saved_at.map(|at| {
        let ago = now.saturating_duration_since(at).as_secs();
        let text = if ago < 60 {
            format!("saved {ago}s ago")
        } else {
            format!("saved {}m ago", ago / 60)
        };
        Span::styled(text, style::QUIET)
    })
}
