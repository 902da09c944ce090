//! The footer: the keys that matter now, and on the right a message, a reminder or how
//! saving goes.

use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::{put_line, style};
use crate::interview::{Due, Priority};
use crate::tui::keymap::{self, Command, Context};
use crate::tui::model::{Model, Screen, Tone};

pub fn draw(buf: &mut Buffer, area: Rect, model: &Model, now: Instant) {
    let status = status(model, now, usize::from(area.width));
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

/// A reminder that came this recently shows before a message of what a key did.
const JUST_CAME: Duration = Duration::from_secs(5);

/// The right side of the footer, the most pressing first: a failing save; a reminder that
/// has just come; a message of what a key did (for its few seconds); the search's matches;
/// the most pressing reminder due; a stopped or paused clock; a standing notice; and when
/// the notes were last saved.
fn status(model: &Model, now: Instant, width: usize) -> Option<Span<'static>> {
    if let Some(error) = &model.saving.status.error {
        return Some(Span::styled(
            format!("⚠ NOT SAVED, retrying: {error}"),
            style::OVER,
        ));
    }
    let message = model.footer.shown(now).map(|m| {
        let tone = match m.tone {
            Tone::Done => style::NEARLY,
            Tone::Problem => style::OVER,
        };
        Span::styled(m.text.clone(), tone)
    });
    let screen = match &model.screen {
        Screen::Setup(form) => {
            return message.or_else(|| match (&form.problem, &model.footer.notice) {
                (Some(problem), _) => Some(Span::styled(problem.clone(), style::OVER)),
                (None, Some(notice)) => Some(Span::styled(notice.clone(), style::NEARLY)),
                (None, None) => None,
            });
        }
        Screen::Interview(s) => s,
    };
    let interview = &screen.interview;
    let due = model.reminders.due(interview, now);
    let reminder = due
        .first()
        .map(|first| reminder(first, due.len() - 1, width));
    let just_came = due
        .first()
        .is_some_and(|first| interview.elapsed(now).saturating_sub(first.since) < JUST_CAME);
    if just_came {
        return reminder;
    }
    if message.is_some() {
        return message;
    }
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
    if reminder.is_some() {
        return reminder;
    }
    if interview.is_finished() {
        return Some(Span::styled("finished", style::QUIET));
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

/// A reminder as the footer shows it: its text, how many more are due, and the key that
/// dismisses it, as much of that as fits in `width`.
fn reminder(due: &Due, more: usize, width: usize) -> Span<'static> {
    let more = match more {
        0 => String::new(),
        n => format!(" (+{n})"),
    };
    let key = keymap::chord_for(Context::Interview, Command::DismissReminder).map(|c| c.short());
    let tone = match due.priority {
        Priority::Urgent => style::OVER_FLAG,
        Priority::Normal => style::NUDGE,
    };
    let text = [
        key.as_ref().map(|k| format!(" · {k} dismiss")),
        key.as_ref().map(|k| format!(" {k}")),
    ]
    .into_iter()
    .flatten()
    .map(|dismiss| format!(" {}{more}{dismiss} ", due.text))
    .find(|text| text.chars().count() + 2 <= width)
    .unwrap_or_else(|| format!(" {}{more} ", due.text));
    Span::styled(text, tone)
}
