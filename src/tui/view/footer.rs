//! The footer: the keys that matter now, and on the right a message, a reminder or how
//! saving goes.
//!
//! The status on the right comes first: hints drop whole, from the last, to leave it room,
//! and a status wider than the footer is shortened in the middle (a long path keeps its
//! start and its file name).

use std::borrow::Cow;
use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{put_line, split_right};
use crate::interview::{Due, Priority};
use crate::tui::keymap::{Command, Context};
use crate::tui::model::{Model, Overlay, Screen, Tone};

pub fn draw(buf: &mut Buffer, area: Rect, model: &Model, now: Instant) {
    let theme = &model.ui.theme;
    let status = shown_status(area.width, model, now);
    let status_width = columns(status.as_ref());
    let hints = hints(model);
    let (shown, _) = fitting(&hints, area.width, status_width);
    let mut spans = vec![Span::raw(" ")];
    for (keys, word) in hints.into_iter().take(shown) {
        spans.push(Span::styled(keys, theme.key));
        spans.push(Span::raw(format!(" {word}  ")));
    }
    put_line(buf, area, &Line::from(spans), Alignment::Left);
    if let Some(status) = status {
        let [_, status_area] = split_right(area, status_width);
        put_line(buf, status_area, &Line::from(status), Alignment::Right);
    }
}

/// The columns the status takes at the footer's right, a space either side.
fn columns(status: Option<&Span>) -> u16 {
    status.map_or(0, |s| u16::try_from(s.width() + 2).unwrap_or(u16::MAX))
}

/// How many of `hints` fit in a footer `footer_width` wide beside a status `status_width`
/// wide, whole, and the column where the words of the last one end, from the footer's
/// start.
fn fitting(hints: &[(Cow<str>, &str)], footer_width: u16, status_width: u16) -> (usize, u16) {
    let room = usize::from(footer_width.saturating_sub(status_width));
    let mut width = 1;
    let mut words_end = 0;
    let mut shown = 0;
    for (keys, word) in hints {
        // ` word  ` after the keys; the two spaces after the last may fall off the edge.
        let hint_width = self::width(keys) + self::width(word) + 3;
        if width + hint_width - 2 > room {
            break;
        }
        width += hint_width;
        words_end = width - 2;
        shown += 1;
    }
    (shown, u16::try_from(words_end).unwrap_or(u16::MAX))
}

/// Columns at the footer's right that a clock tick draws, holding the status: enough for
/// "saved 10s ago" to become "saved 1m ago" and a reminder's count to change.
const STATUS_ROOM: u16 = 24;

/// The part of the footer's `area` a clock tick draws: the status's columns, or the last
/// `STATUS_ROOM` of them if they are fewer, never into the key hints; and where the key
/// hints beside it end. The room changes only when the status is wider than that, the
/// hints' end when a status's width lets a hint come or makes one go.
pub fn status_room(area: Rect, model: &Model, now: Instant) -> (Rect, u16) {
    let status = columns(shown_status(area.width, model, now).as_ref());
    let (_, words_end) = fitting(&hints(model), area.width, status);
    let after_hints = area.width.saturating_sub(words_end);
    let [_, room] = split_right(area, status.max(STATUS_ROOM).min(after_hints));
    (room, words_end)
}

/// The status, right-aligned in `area`, as a footer `footer_width` wide shows it.
pub fn draw_status(buf: &mut Buffer, area: Rect, footer_width: u16, model: &Model, now: Instant) {
    if let Some(status) = shown_status(footer_width, model, now) {
        put_line(buf, area, &Line::from(status), Alignment::Right);
    }
}

/// The status as a footer `footer_width` wide shows it.
fn shown_status(footer_width: u16, model: &Model, now: Instant) -> Option<Span<'static>> {
    let width = usize::from(footer_width);
    status(model, now, width)
        .map(|(text, style)| Span::styled(shorten_middle(&text, width.saturating_sub(2)), style))
}

/// The footer's keys: the live contexts' hints, and while a rating is asked for, the
/// scale with the key for each place.
fn hints(model: &Model) -> Vec<(Cow<'_, str>, &str)> {
    let keymap = &model.ui.keymap;
    let mut hints = Vec::new();
    if model.overlay == Some(Overlay::Rating)
        && let Some(s) = model.interview()
    {
        for (p, label) in s.interview.plan().rating_scale.iter().enumerate() {
            if let Some(chord) = keymap.rating_menu_chord(p) {
                hints.push((Cow::Owned(chord.short()), label.as_str()));
            }
        }
    }
    hints.extend(
        keymap
            .footer_hints(model.key_contexts())
            .into_iter()
            .map(|(keys, word)| (Cow::Borrowed(keys), word)),
    );
    hints
}

/// The columns `text` takes on screen.
fn width(text: &str) -> usize {
    Span::raw(text).width()
}

/// `text` cut to `max` columns by taking out the middle of its longest path, or if it
/// has none, of itself: `written to /home/alex/…/exports/20261129-1402-sam-lee.md`.
pub fn shorten_middle(text: &str, max: usize) -> String {
    let over = width(text).saturating_sub(max);
    if over == 0 {
        return text.to_string();
    }
    let path = text
        .split(' ')
        .filter(|word| word.contains('/'))
        .max_by_key(|word| width(word));
    if let Some(path) = path
        && width(path) > over + 2
        && let Some(at) = text.find(path)
    {
        let short = cut_path(path, width(path) - over);
        return format!("{}{short}{}", &text[..at], &text[at + path.len()..]);
    }
    cut_middle(text, max)
}

/// A path in `max` columns: its file name whole where it can be, and as much of its start
/// as fits.
fn cut_path(path: &str, max: usize) -> String {
    let name = path.rsplit('/').next().map_or(0, |n| n.chars().count() + 1);
    let keep = max.saturating_sub(1);
    if keep >= name + 4 {
        cut(path, max, keep - name, name)
    } else {
        cut(path, max, keep / 2, keep - keep / 2)
    }
}

/// `text` in `max` columns: its start and its end, `…` between.
fn cut_middle(text: &str, max: usize) -> String {
    let keep = max.saturating_sub(1);
    cut(text, max, keep / 2, keep - keep / 2)
}

/// `head` characters of `text`, `…` and `tail` characters, trimmed to `max` columns.
fn cut(text: &str, max: usize, mut head: usize, mut tail: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    // A character may take two columns: trim until it fits.
    loop {
        let shortened: String = chars[..head.min(chars.len())]
            .iter()
            .chain(std::iter::once(&'…'))
            .chain(&chars[chars.len().saturating_sub(tail)..])
            .collect();
        if width(&shortened) <= max || head + tail == 0 {
            return shortened;
        }
        if tail > head {
            tail -= 1;
        } else {
            head -= 1;
        }
    }
}

/// A reminder that came this recently shows before a message of what a key did.
const JUST_CAME: Duration = Duration::from_secs(5);

/// The right side of the footer, the most pressing first: a failing save; a reminder that
/// has just come; a message of what a key did (for its few seconds); the search's matches;
/// the most pressing reminder due; a stopped or paused clock; a standing notice; and when
/// the notes were last saved. `width` is the footer's.
fn status(model: &Model, now: Instant, width: usize) -> Option<(String, Style)> {
    let theme = &model.ui.theme;
    if let Some(error) = &model.saving.status.error {
        return Some((format!("⚠ NOT SAVED, retrying: {error}"), theme.over));
    }
    let message = model.footer.shown(now).map(|m| {
        let tone = match m.tone {
            Tone::Done => theme.nearly,
            Tone::Problem => theme.over,
        };
        (m.text.clone(), tone)
    });
    let screen = match &model.screen {
        Screen::Setup(form) => {
            return message.or_else(|| match (&form.problem, &model.footer.notice) {
                (Some(problem), _) => Some((problem.clone(), theme.over)),
                (None, Some(notice)) => Some((notice.clone(), theme.nearly)),
                (None, None) => None,
            });
        }
        Screen::Interview(s) => s,
    };
    let interview = &screen.interview;
    let due = model.reminders.due(interview, now);
    let reminder = due
        .first()
        .map(|first| reminder(model, first, due.len() - 1, width));
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
        return Some((found, theme.nearly));
    }
    if reminder.is_some() {
        return reminder;
    }
    if interview.is_finished() {
        return Some(("finished".into(), theme.quiet));
    }
    if interview.is_paused() {
        let resume = model
            .ui
            .keymap
            .chord_for(Context::Interview, Command::TogglePause)
            .map(|c| format!(": {} resumes", c.short()))
            .unwrap_or_default();
        return Some((format!("clock paused{resume}"), theme.nearly));
    }
    if let Some(notice) = &model.footer.notice {
        return Some((notice.clone(), theme.nearly));
    }
    model.saving.status.saved_at.map(|at| {
        let ago = now.saturating_duration_since(at).as_secs();
        let text = if ago < 60 {
            format!("saved {ago}s ago")
        } else {
            format!("saved {}m ago", ago / 60)
        };
        (text, theme.quiet)
    })
}

/// A reminder as the footer shows it: its text, how many more are due, and the key that
/// dismisses it, as much of that as fits in `width`.
fn reminder(model: &Model, due: &Due, more: usize, width: usize) -> (String, Style) {
    let more = match more {
        0 => String::new(),
        n => format!(" (+{n})"),
    };
    let key = model
        .ui
        .keymap
        .chord_for(Context::Interview, Command::DismissReminder)
        .map(|c| c.short());
    let tone = match due.priority {
        Priority::Urgent => model.ui.theme.urgent,
        Priority::Normal => model.ui.theme.nudge,
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
    (text, tone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_path_keeps_its_start_and_its_file_name() {
        let message = "Scorecard copied and written to /home/alex/.local/share/interview-console/exports/20261129-1402-sam-lee.md";
        let short = shorten_middle(message, 78);
        assert_eq!(width(&short), 78);
        assert!(
            short.starts_with("Scorecard copied and written to /home"),
            "{short}"
        );
        assert!(short.ends_with("/20261129-1402-sam-lee.md"), "{short}");
        assert!(short.contains("/home/alex/"), "{short}");
        assert!(short.contains('…'));
        assert_eq!(shorten_middle("short", 60), "short");
        let plain = shorten_middle("one two three four five six", 12);
        assert_eq!(plain, "one t…ve six");
    }
}
