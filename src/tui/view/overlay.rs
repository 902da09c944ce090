//! Boxes drawn over the screen: the key list and the quit question.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding, Paragraph, Widget, Wrap};

use super::style::Theme;
use crate::interview::{Missing, UNRATED, finish_check};
use crate::tui::keymap::{Command, Context};
use crate::tui::model::{Model, NotesKeys, Screen};
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

/// The contexts whose keys the help lists over a screen.
pub fn help_contexts(model: &Model) -> &'static [Context] {
    match (&model.screen, model.ui.notes_keys) {
        (Screen::Interview(_), NotesKeys::Standard) => &[
            Context::Interview,
            Context::Notes,
            Context::Search,
            Context::Rating,
            Context::Handoff,
            Context::Anywhere,
        ],
        (Screen::Interview(_), NotesKeys::Vim) => &[
            Context::Interview,
            Context::VimNormal,
            Context::VimInsert,
            Context::Search,
            Context::Rating,
            Context::Handoff,
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

/// The question whether to quit, in the words of where it is asked: on the setup screen
/// there is nothing to save; an interview stays in progress, or finished, as it is.
pub fn draw_confirm_quit(buf: &mut Buffer, area: Rect, model: &Model) {
    let theme = &model.ui.theme;
    let saving_fails = model.saving.status.error.is_some();
    let (question, what) = match &model.screen {
        Screen::Setup(_) => (
            "Quit?",
            Line::styled("Nothing to save: no interview has begun.", theme.quiet),
        ),
        Screen::Interview(_) if saving_fails => (
            "Quit the interview?",
            Line::styled("Notes go to a recovery file.", theme.over),
        ),
        Screen::Interview(s) if s.interview.is_finished() => (
            "Quit?",
            Line::styled(
                "The interview stays finished; notes are saved.",
                theme.quiet,
            ),
        ),
        Screen::Interview(_) => (
            "Quit the interview?",
            Line::styled(
                "It stays in progress: resume it any time. It is finished from the wrap-up.",
                theme.quiet,
            ),
        ),
    };
    let lines = vec![
        Line::styled(question, theme.say),
        what,
        Line::default(),
        Line::from(vec![
            Span::styled("y", theme.key),
            Span::raw(" quits, any other key stays"),
        ]),
    ];
    draw_box(buf, area, theme, " Quit ", lines, 48);
}

/// Leaving from the wrap-up: what a finished interview should have and does not yet, and
/// the three ways on.
pub fn draw_finish_check(buf: &mut Buffer, area: Rect, model: &Model) {
    let Screen::Interview(s) = &model.screen else {
        return;
    };
    let theme = &model.ui.theme;
    let notes: Vec<Vec<String>> = s.notes.iter().map(NotesEditor::lines).collect();
    let missing = finish_check(&s.interview, &notes, &model.impressions);
    let mut lines = Vec::new();
    if missing.is_empty() {
        lines.push(Line::styled(
            "Every question rated, a recommendation, a summary.",
            theme.say,
        ));
    } else {
        lines.push(Line::styled("Not there yet:", theme.say));
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
        lines.push(Line::styled(text, theme.nearly));
    }
    lines.push(Line::default());
    for (keys, word) in model.ui.keymap.footer_hints(&[Context::FinishCheck]) {
        lines.push(Line::from(vec![
            Span::styled(keys.to_string(), theme.key),
            Span::raw(format!(" {word}")),
        ]));
    }
    let title = if missing.is_empty() {
        " Finish the interview "
    } else {
        " Finish anyway? "
    };
    draw_box(buf, area, theme, title, lines, 60);
}

/// A bordered box in the middle of the screen, its lines wrapped to `width` at most.
fn draw_box(
    buf: &mut Buffer,
    area: Rect,
    theme: &Theme,
    title: &str,
    lines: Vec<Line<'static>>,
    width: u16,
) {
    let width = width.min(area.width);
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let rows = u16::try_from(paragraph.line_count(width.saturating_sub(4))).unwrap_or(u16::MAX);
    let box_area = centered(area, width, rows.saturating_add(2));
    Clear.render(box_area, buf);
    paragraph
        .block(
            Block::bordered()
                .title(title.to_string())
                .border_style(theme.focused_border)
                .padding(Padding::horizontal(1)),
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
