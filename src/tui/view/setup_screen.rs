//! The setup form.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph, Widget, Wrap};

use super::guide_text;
use crate::guide::{Guide, RichText};
use crate::interview::clock::mm_ss;
use crate::interview::plan::Fills;
use crate::tui::action::SetupAction;
use crate::tui::keymap::{Command, Context};
use crate::tui::model::Ui;
use crate::tui::setup_form::{Field, SetupForm};

const LABEL_WIDTH: u16 = 13;

pub fn draw(buf: &mut Buffer, area: Rect, ui: &Ui, guide: &Guide, form: &SetupForm) {
    let theme = &ui.theme;
    let block = Block::bordered()
        .title(format!(" New interview · {} ", guide.title))
        .border_style(theme.focused_border);
    let inner = block.inner(area);
    block.render(area, buf);

    let label = |field: Field| {
        let text = format!(
            " {:<width$}",
            field.label(guide),
            width = usize::from(LABEL_WIDTH) - 1
        );
        if form.focus == field {
            Span::styled(text, theme.current)
        } else {
            Span::styled(text, theme.heading)
        }
    };
    // The name in focus shows its cursor.
    let text_value = |field: Field, value: &str| {
        let mut spans = vec![label(field), Span::raw(" ")];
        if form.focus == field {
            let chars: Vec<char> = value.chars().collect();
            let at = form.column.min(chars.len());
            let under = chars.get(at).map_or(" ".to_string(), char::to_string);
            spans.push(Span::raw(chars[..at].iter().collect::<String>()));
            spans.push(Span::styled(under, theme.current));
            spans.push(Span::raw(
                chars
                    .get(at + 1..)
                    .unwrap_or_default()
                    .iter()
                    .collect::<String>(),
            ));
        } else {
            spans.push(Span::raw(value.to_string()));
        }
        Line::from(spans)
    };

    let role_line = form.role(guide).map(|role| {
        Line::from(vec![
            label(Field::Role),
            Span::raw(" ◀ "),
            Span::styled(role.name.clone(), theme.say),
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
            theme.quiet,
        ),
        Err(e) => Span::styled(format!("   {e}"), theme.over),
    };
    let minutes_line = Line::from(vec![
        label(Field::Minutes),
        Span::raw(format!(" {}", form.minutes)),
        if form.focus == Field::Minutes {
            Span::styled(" ", theme.current)
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
            theme.quiet,
        ),
    ]);
    // Room first for the fields and the question list (scrolled to its highlighted row);
    // blank lines, the highlighted question in full and the keys only where there is more.
    let mut lines: Vec<Line> = role_line.into_iter().collect();
    lines.push(text_value(Field::Candidate, &form.candidate));
    lines.push(text_value(Field::Interviewer, &form.interviewer));
    // A placeholder's field says what it is for while it is empty.
    for (i, (placeholder, value)) in guide.placeholders.iter().zip(&form.fills).enumerate() {
        let mut line = text_value(Field::Placeholder(i), value);
        if value.is_empty() {
            line.push_span(Span::styled(
                format!(" {}", placeholder.prompt),
                theme.quiet,
            ));
        }
        lines.push(line);
    }
    lines.push(minutes_line);
    let fields = lines.len();
    lines.push(questions_line);
    let roomy = usize::from(inner.height) >= fields + 4 + form.choice.offered().len();
    if roomy {
        lines.insert(0, Line::default());
        lines.insert(fields + 1, Line::default());
    }
    let declared = form.declared_fills(guide);
    let fills = Fills {
        candidate: &form.candidate,
        interviewer: &form.interviewer,
        role: form.role(guide).map_or("", |r| r.name.as_str()),
        declared: &declared,
    };
    let mut list = Vec::new();
    let mut number = 0;
    for (i, offered) in form.choice.offered().iter().enumerate() {
        let mark = if offered.chosen {
            number += 1;
            format!("[x] {number}. ")
        } else {
            "[ ]    ".to_string()
        };
        let row_style = if form.focus == Field::Questions && form.cursor == i {
            theme.current
        } else if offered.chosen {
            Style::new()
        } else {
            theme.quiet
        };
        list.push(Line::from(vec![
            Span::raw(" ".repeat(usize::from(LABEL_WIDTH))),
            Span::styled(
                format!(
                    "{mark}{}",
                    RichText::parse(&offered.question.text).plain(&fills)
                ),
                row_style,
            ),
        ]));
    }
    let fixed = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let room = usize::from(inner.height.saturating_sub(fixed));
    let shown = list.len().min(room);
    let first = (form.cursor + 1)
        .saturating_sub(shown)
        .min(list.len() - shown);
    // A list longer than the room says so on the border, as the panes do.
    if shown < list.len() {
        let more = match (first > 0, first + shown < list.len()) {
            (true, true) => " ↑ ↓ more ",
            (true, false) => " ↑ more ",
            _ => " ↓ more ",
        };
        let width = u16::try_from(more.chars().count()).unwrap_or(0);
        let x = area.right().saturating_sub(width + 1);
        buf.set_string(
            x,
            area.bottom().saturating_sub(1),
            more,
            theme.focused_border,
        );
    }
    lines.extend(list.into_iter().skip(first).take(shown));

    // The keys the footer has no room for, from the keys in force.
    // Not the footer's, nor typing and Backspace, which every form has.
    let hinted: Vec<&str> = ui
        .keymap
        .rows(Context::Setup)
        .filter(|r| {
            r.binding.hint.is_some()
                || matches!(
                    r.command(),
                    Command::TypeInField | Command::Setup(SetupAction::DeleteBack)
                )
        })
        .map(|r| r.binding.description)
        .collect();
    let field_keys: Vec<String> = ui
        .keymap
        .listed(Context::Setup)
        .into_iter()
        .filter(|(_, description)| !hinted.contains(description))
        .map(|(keys, description)| format!("{keys}: {description}"))
        .collect();
    let field_help = Paragraph::new(field_keys.join(" · "))
        .style(theme.quiet)
        .wrap(Wrap { trim: true });
    let form_height = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let left = inner.height.saturating_sub(form_height);
    let wanted = u16::try_from(field_help.line_count(inner.width)).unwrap_or(u16::MAX);
    let help_height = if wanted < left { wanted } else { 0 };
    let [form_area, detail_area, help_area] = Layout::vertical([
        Constraint::Length(form_height),
        Constraint::Fill(1),
        Constraint::Length(help_height),
    ])
    .areas(inner);
    Paragraph::new(lines).render(form_area, buf);
    // The list cuts long questions at the pane's edge; the highlighted one is shown whole,
    // with the choice it is part of. Elsewhere, what the guide says to do before the call.
    let detail = match form.choice.offered().get(form.cursor) {
        Some(offered) if form.focus == Field::Questions => {
            let question = &offered.question;
            let mut lines = Vec::new();
            if let Some(group) = guide.group_of(&question.id) {
                let chosen = form
                    .choice
                    .offered()
                    .iter()
                    .filter(|o| o.chosen && group.questions.contains(&o.question.id))
                    .count();
                let style = if chosen == group.pick {
                    theme.quiet
                } else {
                    theme.nearly
                };
                lines.push(Line::styled(
                    format!(
                        "{}: ask {} of these {} · {chosen} chosen",
                        group.section,
                        group.pick,
                        group.questions.len()
                    ),
                    style,
                ));
            }
            lines.extend(guide_text::lines(&question.text, theme.say, theme, &fills));
            lines
        }
        _ => guide_text::for_you(&guide.briefing.prepare, theme, &fills),
    };
    Paragraph::new(detail)
        .wrap(Wrap { trim: true })
        .block(Block::new().padding(Padding::new(LABEL_WIDTH, 1, 1, 0)))
        .render(detail_area, buf);
    if help_height > 0 {
        field_help.render(help_area, buf);
    }
}
