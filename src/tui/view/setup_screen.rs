//! The setup form.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph, Widget, Wrap};

use super::style;
use crate::guide::Guide;
use crate::interview::clock::mm_ss;
use crate::tui::keymap::{self, Context};
use crate::tui::setup_form::{Field, SetupForm};

const LABEL_WIDTH: u16 = 13;

pub fn draw(buf: &mut Buffer, area: Rect, guide: &Guide, form: &SetupForm) {
    let block = Block::bordered()
        .title(format!(" New interview · {} ", guide.title))
        .border_style(style::FOCUSED_BORDER);
    let inner = block.inner(area);
    block.render(area, buf);

    let label = |field: Field| {
        let text = format!(
            " {:<width$}",
            field.label(guide),
            width = usize::from(LABEL_WIDTH) - 1
        );
        if form.focus == field {
            Span::styled(text, style::CURRENT)
        } else {
            Span::styled(text, style::HEADING)
        }
    };
    let text_value = |field: Field, value: &str| {
        let mut spans = vec![label(field), Span::raw(" "), Span::raw(value.to_string())];
        if form.focus == field {
            spans.push(Span::styled(" ", style::CURRENT));
        }
        Line::from(spans)
    };

    let role_line = form.role(guide).map(|role| {
        Line::from(vec![
            label(Field::Role),
            Span::raw(" ◀ "),
            Span::styled(role.name.clone(), style::SAY),
            Span::raw(" ▶"),
        ])
    });
    let timing = &guide.timing;
    let share = match form.budgets(guide) {
        Ok(b) => Span::styled(
            format!(
                "   {} a question · intro {} · their questions {}",
                mm_ss(b.per_question),
                mm_ss(b.intro),
                mm_ss(b.candidate_questions)
            ),
            style::QUIET,
        ),
        Err(e) => Span::styled(format!("   {e}"), style::OVER),
    };
    let minutes_line = Line::from(vec![
        label(Field::Minutes),
        Span::raw(format!(" {}", form.minutes)),
        if form.focus == Field::Minutes {
            Span::styled(" ", style::CURRENT)
        } else {
            Span::raw("")
        },
        share,
    ]);
    let questions_line = Line::from(vec![
        label(Field::Questions),
        Span::styled(
            format!(
                " {} of {} chosen, asked in this order (the guide suggests {})",
                form.choice.chosen_count(),
                form.choice.offered().len(),
                timing.questions
            ),
            style::QUIET,
        ),
    ]);
    let mut lines = vec![Line::default()];
    lines.extend(role_line);
    lines.push(text_value(Field::Candidate, &form.candidate));
    lines.push(text_value(Field::Interviewer, &form.interviewer));
    for (i, (placeholder, value)) in guide.placeholders.iter().zip(&form.fills).enumerate() {
        let mut line = text_value(Field::Placeholder(i), value);
        if value.is_empty() {
            line.push_span(Span::styled(
                format!(" {}", placeholder.prompt),
                style::QUIET,
            ));
        }
        lines.push(line);
    }
    lines.push(minutes_line);
    lines.push(Line::default());
    lines.push(questions_line);
    let mut number = 0;
    for (i, offered) in form.choice.offered().iter().enumerate() {
        let mark = if offered.chosen {
            number += 1;
            format!("[x] {number}. ")
        } else {
            "[ ]    ".to_string()
        };
        let row_style = if form.focus == Field::Questions && form.cursor == i {
            style::CURRENT
        } else if offered.chosen {
            Style::new()
        } else {
            style::QUIET
        };
        lines.push(Line::from(vec![
            Span::raw(" ".repeat(usize::from(LABEL_WIDTH))),
            Span::styled(format!("{mark}{}", offered.question.text), row_style),
        ]));
    }

    // The keys the footer has no room for, from the key table.
    let field_keys: Vec<String> = keymap::bindings(Context::Setup)
        .filter(|b| b.hint.is_none() && b.is_listed())
        .map(|b| format!("{}: {}", b.keys_label(), b.description))
        .collect();
    let field_help = Paragraph::new(field_keys.join(" · "))
        .style(style::QUIET)
        .wrap(Wrap { trim: true });
    let help_height = u16::try_from(field_help.line_count(inner.width)).unwrap_or(u16::MAX);
    let form_height = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let [form_area, detail_area, help_area] = Layout::vertical([
        Constraint::Length(form_height),
        Constraint::Fill(1),
        Constraint::Length(help_height),
    ])
    .areas(inner);
    Paragraph::new(lines).render(form_area, buf);
    // The list cuts long questions at the pane's edge; the highlighted one is shown whole.
    if form.focus == Field::Questions
        && let Some(offered) = form.choice.offered().get(form.cursor)
    {
        let detail = Paragraph::new(Line::styled(offered.question.text.clone(), style::SAY))
            .wrap(Wrap { trim: true })
            .block(Block::new().padding(Padding::new(LABEL_WIDTH, 1, 1, 0)));
        detail.render(detail_area, buf);
    }
    field_help.render(help_area, buf);
}
