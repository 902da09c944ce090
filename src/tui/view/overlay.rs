//! Boxes drawn over the screen: the key list and the quit question.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::style;
use crate::interview::{Missing, UNRATED, finish_check};
use crate::tui::keymap::{self, Context};
use crate::tui::model::{Model, Screen};
use crate::tui::notes::NotesEditor;

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}

/// Wide enough for the longest key and description on one line.
const HELP_WIDTH: u16 = 78;

/// Every key of the screen the overlay covers, from the key table, scrolled down by
/// `scroll` lines. Returns how far it can scroll at this size.
pub fn draw_help(buf: &mut Buffer, area: Rect, model: &Model, scroll: u16) -> u16 {
    let contexts: &[Context] = match model.screen {
        Screen::Interview(_) => &[
            Context::Interview,
            Context::Notes,
            Context::Search,
            Context::Handoff,
            Context::Anywhere,
        ],
        Screen::Setup(_) => &[Context::Setup, Context::Anywhere],
    };
    let listed = |c: &Context| keymap::bindings(*c).filter(|b| b.is_listed());
    let keys_width = contexts
        .iter()
        .flat_map(listed)
        .map(|b| b.keys_label().chars().count())
        .max()
        .unwrap_or(0);
    let mut lines = Vec::new();
    for context in contexts {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(context.title(), style::HEADING));
        for binding in listed(context) {
            lines.push(Line::from(vec![
                Span::styled(
                    format!(" {:<keys_width$}  ", binding.keys_label()),
                    style::KEY,
                ),
                Span::raw(binding.description),
            ]));
        }
    }
    let width = area.width.min(HELP_WIDTH);
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let rows = u16::try_from(paragraph.line_count(width.saturating_sub(2))).unwrap_or(u16::MAX);
    let box_area = centered(area, width, rows.saturating_add(2));
    let max_scroll = rows.saturating_sub(box_area.height.saturating_sub(2));
    let scroll = scroll.min(max_scroll);
    let mut block = Block::bordered()
        .title(" Keys · Esc closes ")
        .border_style(style::FOCUSED_BORDER);
    if max_scroll > 0 {
        let hint = match (scroll > 0, scroll < max_scroll) {
            (true, true) => " ↑ ↓ more ",
            (true, false) => " ↑ more ",
            _ => " ↓ more ",
        };
        block = block.title_bottom(Line::from(hint).right_aligned());
    }
    Clear.render(box_area, buf);
    paragraph
        .block(block)
        .scroll((scroll, 0))
        .render(box_area, buf);
    max_scroll
}

/// The question whether to quit, in the words of where it is asked: on the setup screen
/// there is nothing to save; an interview stays in progress, or finished, as it is.
pub fn draw_confirm_quit(buf: &mut Buffer, area: Rect, model: &Model) {
    let saving_fails = model.saving.status.error.is_some();
    let (question, what) = match &model.screen {
        Screen::Setup(_) => (
            "Quit?",
            Line::styled("Nothing to save: no interview has begun.", style::QUIET),
        ),
        Screen::Interview(_) if saving_fails => (
            "Quit the interview?",
            Line::styled("Notes go to a recovery file.", style::OVER),
        ),
        Screen::Interview(s) if s.interview.is_finished() => (
            "Quit?",
            Line::styled(
                "The interview stays finished; notes are saved.",
                style::QUIET,
            ),
        ),
        Screen::Interview(_) => (
            "Quit the interview?",
            Line::styled(
                "It stays in progress: resume it any time. It is finished from the wrap-up.",
                style::QUIET,
            ),
        ),
    };
    let lines = vec![
        Line::styled(question, style::SAY),
        what,
        Line::default(),
        Line::from(vec![
            Span::styled("y", style::KEY),
            Span::raw(" quits, any other key stays"),
        ]),
    ];
    draw_box(buf, area, " Quit ", lines, 48);
}

/// Leaving from the wrap-up: what a finished interview should have and does not yet, and
/// the three ways on.
pub fn draw_finish_check(buf: &mut Buffer, area: Rect, model: &Model) {
    let Screen::Interview(s) = &model.screen else {
        return;
    };
    let notes: Vec<Vec<String>> = s.notes.iter().map(NotesEditor::lines).collect();
    let missing = finish_check(&s.interview, &notes, &model.impressions);
    let mut lines = Vec::new();
    if missing.is_empty() {
        lines.push(Line::styled(
            "Every question rated, a recommendation, a summary.",
            style::SAY,
        ));
    } else {
        lines.push(Line::styled("Not there yet:", style::SAY));
    }
    for item in &missing {
        let text = match item {
            Missing::Unrated(questions) => {
                let names: Vec<String> = questions.iter().map(|q| format!("Q{}", q + 1)).collect();
                format!("· {}: {}", UNRATED, names.join(", "))
            }
            Missing::NoRecommendation => "· no recommendation".to_string(),
            Missing::EmptySummary => "· no summary of the behavior behind it".to_string(),
            Missing::Impressions(marks) => {
                let mut words: Vec<&str> = marks.iter().map(|m| m.text.as_str()).collect();
                words.dedup();
                let n = marks.len();
                let shown: Vec<&str> = words.into_iter().take(3).collect();
                format!(
                    "· {n} impression word{} in the notes: {}",
                    if n == 1 { "" } else { "s" },
                    shown.join(", ")
                )
            }
        };
        lines.push(Line::styled(text, style::NEARLY));
    }
    lines.push(Line::default());
    for (keys, word) in keymap::footer_hints(&[Context::FinishCheck]) {
        lines.push(Line::from(vec![
            Span::styled(keys, style::KEY),
            Span::raw(format!(" {word}")),
        ]));
    }
    let title = if missing.is_empty() {
        " Finish the interview "
    } else {
        " Finish anyway? "
    };
    draw_box(buf, area, title, lines, 60);
}

/// A bordered box in the middle of the screen, its lines wrapped to `width` at most.
fn draw_box(buf: &mut Buffer, area: Rect, title: &str, lines: Vec<Line<'static>>, width: u16) {
    let width = width.min(area.width);
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let rows = u16::try_from(paragraph.line_count(width.saturating_sub(4))).unwrap_or(u16::MAX);
    let box_area = centered(area, width, rows.saturating_add(2));
    Clear.render(box_area, buf);
    paragraph
        .block(
            Block::bordered()
                .title(title.to_string())
                .border_style(style::FOCUSED_BORDER)
                .padding(ratatui::widgets::Padding::horizontal(1)),
        )
        .render(box_area, buf);
}
