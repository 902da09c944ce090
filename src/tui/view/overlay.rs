//! Boxes drawn over the screen: the key list and the quit question.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::style;
use crate::tui::keymap::{self, Context};

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}

/// Every key of the screen the overlay covers, from the key table.
pub fn draw_help(frame: &mut Frame, area: Rect, context: Context) {
    let contexts: &[Context] = match context {
        Context::Interview => &[Context::Interview, Context::Notes],
        other => &[other],
    };
    let keys_width = contexts
        .iter()
        .flat_map(|c| keymap::bindings(*c))
        .map(|b| b.keys_label().chars().count())
        .max()
        .unwrap_or(0);
    let mut lines = Vec::new();
    for context in contexts {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(context.title(), style::HEADING));
        for binding in keymap::bindings(*context) {
            lines.push(Line::from(vec![
                Span::styled(
                    format!(" {:<keys_width$}  ", binding.keys_label()),
                    style::KEY,
                ),
                Span::raw(binding.description),
            ]));
        }
    }
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let box_area = centered(area, 72, height);
    frame.render_widget(Clear, box_area);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::bordered()
                .title(" Keys · Esc closes ")
                .border_style(style::FOCUSED_BORDER),
        ),
        box_area,
    );
}

pub fn draw_confirm_quit(frame: &mut Frame, area: Rect) {
    let lines = vec![
        Line::styled("Quit the interview?", style::SAY),
        Line::default(),
        Line::from(vec![
            Span::styled("y", style::KEY),
            Span::raw(" quits, any other key stays"),
        ]),
    ];
    let box_area = centered(area, 40, 5);
    frame.render_widget(Clear, box_area);
    frame.render_widget(
        Paragraph::new(lines).centered().block(
            Block::bordered()
                .title(" Quit ")
                .border_style(style::FOCUSED_BORDER),
        ),
        box_area,
    );
}
