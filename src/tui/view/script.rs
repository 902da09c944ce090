//! The script pane: what to say, verbatim, apart from what is for the interviewer only.

use std::time::Instant;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph, Wrap};

use super::header::budget_style;
use super::{phase_name, style};
use crate::interview::PhaseKind;
use crate::interview::clock::mm_ss;
use crate::tui::app::{App, InterviewScreen, ScriptView};
use crate::tui::keymap::{self, Command, Context};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, screen: &InterviewScreen, now: Instant) {
    let kind = screen.interview.current().kind;
    let (title, lines) = match kind {
        PhaseKind::Intro => (" Say this ", intro(app)),
        PhaseKind::Question(i) => (" Say exactly ", question(app, screen, i)),
        PhaseKind::CandidateQuestions => (" Their questions ", candidate_questions(app)),
        PhaseKind::WrapUp => (" Wrap-up ", wrap_up(screen, now)),
    };
    let block = Block::bordered()
        .title(title)
        .padding(Padding::horizontal(1));
    let inner = block.inner(area);
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let max_scroll = u16::try_from(paragraph.line_count(inner.width))
        .unwrap_or(u16::MAX)
        .saturating_sub(inner.height);
    app.script_view.set(ScriptView {
        height: inner.height,
        max_scroll,
    });
    let scroll = screen.script_scroll.min(max_scroll);
    let block = match (scroll > 0, scroll < max_scroll) {
        (false, false) => block,
        (up, down) => {
            let hint = match (up, down) {
                (true, true) => " PgUp ↑ PgDn ↓ ",
                (true, false) => " PgUp ↑ ",
                _ => " PgDn ↓ more ",
            };
            block.title_bottom(Line::from(hint).right_aligned())
        }
    };
    frame.render_widget(paragraph.block(block).scroll((scroll, 0)), area);
}

fn reminders(app: &App) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled("Remember", style::HEADING)];
    lines.extend(
        app.guide
            .reminders
            .iter()
            .map(|r| Line::styled(format!("· {r}"), style::INSTRUCTION)),
    );
    lines
}

fn intro(app: &App) -> Vec<Line<'static>> {
    let intro = &app.guide.intro;
    let mut lines = vec![Line::styled(intro.instruction.clone(), style::INSTRUCTION)];
    for paragraph in &intro.statement {
        lines.push(Line::default());
        lines.push(Line::styled(paragraph.clone(), style::SAY));
    }
    lines.push(Line::default());
    lines.extend(reminders(app));
    lines
}

fn question(app: &App, screen: &InterviewScreen, index: usize) -> Vec<Line<'static>> {
    let plan = screen.interview.plan();
    let Some(q) = plan.questions.get(index) else {
        return Vec::new();
    };
    let mut lines = vec![
        Line::styled(
            format!(
                "Question {} of {} · {}",
                index + 1,
                plan.questions.len(),
                q.section
            ),
            style::QUIET,
        ),
        Line::default(),
        Line::styled(q.text.clone(), style::SAY),
        Line::default(),
    ];
    if let Some(url) = &q.guidelines_url {
        lines.push(Line::from(vec![
            Span::styled("Guidelines: ", style::QUIET),
            Span::raw(url.clone()),
        ]));
        lines.push(Line::default());
    }
    lines.extend(reminders(app));
    lines
}

fn candidate_questions(app: &App) -> Vec<Line<'static>> {
    let c = &app.guide.candidate_questions;
    let mut lines = vec![
        Line::styled(c.instruction.clone(), style::INSTRUCTION),
        Line::default(),
        Line::styled(c.prompt.clone(), style::SAY),
        Line::default(),
    ];
    lines.push(Line::styled(
        "Note their questions and what you answered.",
        style::INSTRUCTION,
    ));
    lines
}

fn wrap_up(screen: &InterviewScreen, now: Instant) -> Vec<Line<'static>> {
    let interview = &screen.interview;
    let mut lines = vec![
        Line::styled(
            "The interview is over. Write the behavior behind your recommendation in the notes; if you are not sure, that is a no-hire.",
            style::INSTRUCTION,
        ),
        Line::default(),
    ];
    if let Some(export) = keymap::chord_for(Context::Interview, Command::ExportScorecard) {
        lines.push(Line::from(vec![
            Span::styled(export.to_string(), style::KEY),
            Span::styled(
                " writes the scorecard (Markdown) for the hiring team.",
                style::INSTRUCTION,
            ),
        ]));
        lines.push(Line::default());
    }
    let wrap_up = interview.phases().len() - 1;
    for (i, phase) in interview.phases().iter().enumerate().take(wrap_up) {
        let spent = interview.spent(i, now);
        let time = match phase.budget {
            Some(budget) => format!("{} / {}", mm_ss(spent), mm_ss(budget)),
            None => mm_ss(spent),
        };
        let notes = match screen.notes[i].written_lines() {
            0 => "no notes".to_string(),
            1 => "1 line".to_string(),
            n => format!("{n} lines"),
        };
        lines.push(Line::from(vec![
            Span::raw(format!("{:<16}", phase_name(screen, i))),
            Span::styled(
                format!("{time:<14}"),
                budget_style(interview.budget_state(i, now)),
            ),
            Span::styled(notes, style::QUIET),
        ]));
    }
    lines
}
