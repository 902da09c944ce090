//! Boxes drawn over the screen: the key list and the quit question.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::style::Theme;
use crate::tui::keymap::{Command, Context};
use crate::tui::model::{Model, NotesKeys, Screen};

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

/// The contexts whose keys the help lists over a screen.
pub fn help_contexts(model: &Model) -> &'static [Context] {
    match (&model.screen, model.ui.notes_keys) {
        (Screen::Interview(_), NotesKeys::Standard) => &[
            Context::Interview,
            Context::Notes,
            Context::Search,
            Context::Rating,
            Context::Anywhere,
        ],
        (Screen::Interview(_), NotesKeys::Vim) => &[
            Context::Interview,
            Context::VimNormal,
            Context::VimInsert,
            Context::Search,
            Context::Rating,
            Context::Anywhere,
        ],
        (Screen::Setup(_), _) => &[Context::Setup, Context::Anywhere],
    }
}

/// Every key of the screen the overlay covers, from the keys in force, scrolled down by
/// `scroll` lines. Returns how far it can scroll at this size.
pub fn draw_help(buf: &mut Buffer, area: Rect, model: &Model, scroll: u16) -> u16 {
    let theme = &model.ui.theme;
    let keymap = &model.ui.keymap;
    let contexts = help_contexts(model);
    let width = area.width.min(HELP_WIDTH);
    let inner_width = usize::from(width.saturating_sub(2));
    let listed: Vec<(Context, Vec<(String, &str)>)> =
        contexts.iter().map(|c| (*c, keymap.listed(*c))).collect();
    let keys_width = listed
        .iter()
        .flat_map(|(_, rows)| rows.iter().map(|(k, _)| k.chars().count()))
        .max()
        .unwrap_or(0);
    // Descriptions wrap under themselves; when the keys would leave them too little room,
    // they go on the next line, indented.
    let side_by_side = keys_width + 3 + 24 <= inner_width;
    let mut lines = Vec::new();
    for (context, rows) in listed {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(context.title(), theme.heading));
        for (keys, description) in rows {
            let indent = if side_by_side { keys_width + 3 } else { 4 };
            let wrapped = wrap(description, inner_width.saturating_sub(indent).max(8));
            let keys_cell = if side_by_side {
                format!(" {keys:<keys_width$}  ")
            } else {
                lines.push(Line::styled(format!(" {keys}"), theme.key));
                " ".repeat(indent)
            };
            for (i, part) in wrapped.into_iter().enumerate() {
                let lead = if i == 0 {
                    Span::styled(keys_cell.clone(), theme.key)
                } else {
                    Span::raw(" ".repeat(indent))
                };
                lines.push(Line::from(vec![lead, Span::raw(part)]));
            }
        }
    }
    let rows = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let box_area = centered(area, width, rows.saturating_add(2));
    let max_scroll = rows.saturating_sub(box_area.height.saturating_sub(2));
    let scroll = scroll.min(max_scroll);
    let close = keymap
        .chord_for(Context::Help, Command::CloseHelp)
        .map(|c| format!(" Keys · {} closes ", c.short()))
        .unwrap_or_else(|| " Keys ".into());
    let mut block = Block::bordered()
        .title(close)
        .border_style(theme.focused_border);
    if max_scroll > 0 {
        let hint = match (scroll > 0, scroll < max_scroll) {
            (true, true) => " ↑ ↓ more ",
            (true, false) => " ↑ more ",
            _ => " ↓ more ",
        };
        block = block.title_bottom(Line::from(hint).right_aligned());
    }
    Clear.render(box_area, buf);
    Paragraph::new(lines)
        .block(block)
        .scroll((scroll, 0))
        .render(box_area, buf);
    max_scroll
}

/// Words of `text` in lines of at most `width` characters (a longer word has a line of
/// its own).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let fits = line.chars().count() + 1 + word.chars().count() <= width;
        if !line.is_empty() && !fits {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines
}

/// `saving_fails`: the sessions folder refuses writes, so quitting writes a recovery file.
pub fn draw_confirm_quit(buf: &mut Buffer, area: Rect, theme: &Theme, saving_fails: bool) {
    let saved = if saving_fails {
        Line::styled("Notes go to a recovery file.", theme.over)
    } else {
        Line::styled("Notes are saved; resume any time.", theme.quiet)
    };
    let lines = vec![
        Line::styled("Quit the interview?", theme.say),
        saved,
        Line::default(),
        Line::from(vec![
            Span::styled("y", theme.key),
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
                .border_style(theme.focused_border),
        )
        .render(box_area, buf);
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn descriptions_wrap_at_words() {
        assert_eq!(
            wrap("rate: then a digit, no Alt needed", 14),
            ["rate: then a", "digit, no Alt", "needed"]
        );
        assert_eq!(wrap("short", 14), ["short"]);
    }
}
