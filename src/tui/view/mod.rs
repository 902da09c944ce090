//! Drawing: a pure function of the app's state and the time. Nothing here changes state,
//! except recording what only the size tells (how far the script can scroll, how many rows
//! a page of notes is) and keeping the script pane as drawn to reuse while it is unchanged.

mod footer;
mod header;
mod overlay;
mod script;
mod setup;
pub(crate) mod style;

use std::time::Instant;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::app::{App, InterviewScreen, Overlay, Screen};
use crate::interview::PhaseKind;
use crate::safe_text;
pub use script::DrawnScript;

/// Below this the layout cannot show the script and the notes together.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;
/// From this width the script and the notes sit side by side.
pub const SIDE_BY_SIDE_WIDTH: u16 = 120;

pub fn draw(app: &App, frame: &mut Frame, now: Instant) {
    draw_screen(app, frame, now);
    strip_unsafe(frame.buffer_mut());
}

/// Titles, names, questions and notes are drawn as they are, but the terminal must not be
/// handed a control or bidi character from them (see `safe_text`). ratatui leaves controls
/// out of most text but appends zero-width characters, bidi overrides among them, to the
/// cell before (block titles, lines and spans drawn directly); so the last step of every
/// frame takes them out of the cells, whatever drew them. The notes themselves keep what
/// was typed.
fn strip_unsafe(buffer: &mut Buffer) {
    for cell in &mut buffer.content {
        let symbol = cell.symbol();
        if symbol.bytes().all(|b| (0x20..0x7f).contains(&b))
            || !symbol.chars().any(safe_text::is_unsafe)
        {
            continue;
        }
        let kept: String = symbol
            .chars()
            .filter(|c| !safe_text::is_unsafe(*c))
            .collect();
        cell.set_symbol(if kept.is_empty() { " " } else { &kept });
    }
}

fn draw_screen(app: &App, frame: &mut Frame, now: Instant) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        draw_too_small(frame, area);
        return;
    }
    let [body, footer_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    match &app.screen {
        Screen::Setup(form) => setup::draw(frame, body, &app.guide, form),
        Screen::Interview(screen) => draw_interview(app, screen, frame, body, now),
    }
    footer::draw(frame, footer_area, app, now);
    match app.overlay {
        Some(Overlay::Help) => overlay::draw_help(frame, area, app),
        Some(Overlay::ConfirmQuit) => {
            overlay::draw_confirm_quit(frame, area, app.save_status.error.is_some());
        }
        None => {}
    }
}

fn draw_too_small(frame: &mut Frame, area: Rect) {
    let text = vec![
        Line::from("Enlarge the terminal"),
        Line::from(format!(
            "to at least {MIN_WIDTH}×{MIN_HEIGHT} (now {}×{}).",
            area.width, area.height
        )),
        Line::from("Typing still goes to the notes."),
    ];
    let top = area.height.saturating_sub(3) / 2;
    let [_, middle] = Layout::vertical([Constraint::Length(top), Constraint::Fill(1)]).areas(area);
    frame.render_widget(
        Paragraph::new(text)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        middle,
    );
}

fn draw_interview(
    app: &App,
    screen: &InterviewScreen,
    frame: &mut Frame,
    area: Rect,
    now: Instant,
) {
    let [header_area, panes] =
        Layout::vertical([Constraint::Length(3), Constraint::Fill(1)]).areas(area);
    header::draw(frame, header_area, app, screen, now);

    let kind = screen.interview.current().kind;
    let [script_area, notes_area] = if area.width >= SIDE_BY_SIDE_WIDTH {
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(panes)
    } else {
        // Stacked: the intro is mostly reading aloud, so its script gets more room.
        let script_share = if kind == PhaseKind::Intro { 70 } else { 50 };
        Layout::vertical([Constraint::Percentage(script_share), Constraint::Min(5)]).areas(panes)
    };
    script::draw(frame, script_area, app, screen, now);
    draw_notes(frame, notes_area, screen);
}

fn draw_notes(frame: &mut Frame, area: Rect, screen: &InterviewScreen) {
    let at = screen.interview.current_index();
    let title = format!(" Notes · {} ", phase_name(screen, at));
    let block = Block::bordered()
        .title(title)
        .border_style(style::FOCUSED_BORDER);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let notes = &screen.notes[at];
    notes.render(inner, frame.buffer_mut());
    mark_candidate_words(frame, inner, notes.text_area());
}

/// Lines that start with `"` or `>` hold the candidate's own words: shown apart, in every
/// screen row they wrap onto.
fn mark_candidate_words(frame: &mut Frame, area: Rect, notes: &ratatui_textarea::TextArea) {
    let lines = notes.lines();
    let top = usize::from(notes.scroll_offset().0);
    // Rows below the text map to its last line; styling their blank cells shows nothing.
    for row in 0..area.height {
        let line = notes.screen_to_data(top + usize::from(row), 0).0;
        let quoted = lines
            .get(line)
            .is_some_and(|l| l.trim_start().starts_with(['"', '>', '“']));
        if quoted {
            let row_area = Rect::new(area.x, area.y + row, area.width, 1);
            frame.buffer_mut().set_style(row_area, style::CANDIDATE);
        }
    }
}

/// The short name of a phase: `Intro`, `Q3`, `Their questions`, `Wrap-up`.
pub fn phase_name(screen: &InterviewScreen, index: usize) -> String {
    match screen.interview.phases()[index].kind {
        PhaseKind::Intro => "Intro".into(),
        PhaseKind::Question(i) => format!("Q{}", i + 1),
        PhaseKind::CandidateQuestions => "Their questions".into(),
        PhaseKind::WrapUp => "Wrap-up".into(),
    }
}
