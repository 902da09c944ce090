//! Boxes drawn over the screen: the key list and the quit question.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::style;
use crate::tui::keymap::{self, Context};
use crate::tui::model::{Model, Screen};

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

/// `saving_fails`: the sessions folder refuses writes, so quitting writes a recovery file.
pub fn draw_confirm_quit(buf: &mut Buffer, area: Rect, saving_fails: bool) {
    let saved = if saving_fails {
        Line::styled("Notes go to a recovery file.", style::OVER)
    } else {
        Line::styled("Notes are saved; resume any time.", style::QUIET)
    };
    let lines = vec![
        Line::styled("Quit the interview?", style::SAY),
        saved,
        Line::default(),
        Line::from(vec![
            Span::styled("y", style::KEY),
            Span::raw(" quits, any other key stays"),
        ]),
    ];
    let box_area = centered(area, 40, 6);
    Clear.render(box_area, buf);
    Paragraph::new(lines)
        .centered()
        .block(
            Block::bordered()
                .title(" Quit ")
                .border_style(style::FOCUSED_BORDER),
        )
        .render(box_area, buf);
}
