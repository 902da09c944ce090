//! The footer: the keys that matter now, and a message or the nudge on the right.

use std::time::Instant;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::style;
use crate::interview::Nudge;
use crate::tui::app::{App, Overlay, Screen};
use crate::tui::keymap;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, now: Instant) {
    // An open overlay owns the keys: hints for the screen under it would be wrong.
    let hints: Vec<(String, &str)> = match app.overlay {
        Some(Overlay::Help) => vec![("Esc".into(), "close"), ("↑↓".into(), "scroll")],
        Some(Overlay::ConfirmQuit) => vec![("y".into(), "quit"), ("any other key".into(), "stay")],
        None => keymap::footer_hints(app.context()),
    };
    let mut spans = vec![Span::raw(" ")];
    for (keys, word) in hints {
        spans.push(Span::styled(keys, style::KEY));
        spans.push(Span::raw(format!(" {word}  ")));
    }

    let status = status(app, now);
    let status_width = status.as_ref().map_or(0, |s| s.width() + 2);
    let [hints_area, status_area] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(u16::try_from(status_width).unwrap_or(u16::MAX)),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(Line::from(spans)), hints_area);
    if let Some(status) = status {
        frame.render_widget(
            Paragraph::new(Line::from(status)).right_aligned(),
            status_area,
        );
    }
}

/// The right side of the footer: the most pressing of a failing save, a message, the
/// nudge, a paused clock, a standing notice, and when the notes were last saved.
fn status(app: &App, now: Instant) -> Option<Span<'static>> {
    if let Some(error) = &app.save_status.error {
        return Some(Span::styled(
            format!("⚠ NOT SAVED, retrying: {error}"),
            style::OVER,
        ));
    }
    if let Some(message) = &app.message {
        return Some(Span::styled(message.clone(), style::NEARLY));
    }
    let interview = match &app.screen {
        Screen::Setup(form) => {
            return match (&form.problem, &app.notice) {
                (Some(problem), _) => Some(Span::styled(problem.clone(), style::OVER)),
                (None, Some(notice)) => Some(Span::styled(notice.clone(), style::NEARLY)),
                (None, None) => None,
            };
        }
        Screen::Interview(s) => &s.interview,
    };
    if let Some(Nudge::MoveToCandidateQuestions) = interview.nudge(now) {
        return Some(Span::styled(" Time for their questions ", style::NUDGE));
    }
    if interview.is_paused() {
        return Some(Span::styled("clock paused", style::NEARLY));
    }
    if let Some(notice) = &app.notice {
        return Some(Span::styled(notice.clone(), style::NEARLY));
    }
    app.save_status.saved_at.map(|at| {
        let ago = now.saturating_duration_since(at).as_secs();
        let text = if ago < 60 {
            format!("saved {ago}s ago")
        } else {
            format!("saved {}m ago", ago / 60)
        };
        Span::styled(text, style::QUIET)
    })
}
