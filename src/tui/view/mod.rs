//! Drawing: `draw` reads the model and the time and fills a buffer. It changes nothing;
//! what only the screen can tell (a page of the script, how far it scrolls, the notes
//! pane's rows, where the link landed) comes back as a `Layout` for the next `update`.
//! `ViewCache` keeps what is costly to draw again while it has not changed.

mod footer;
mod guide_text;
mod header;
mod overlay;
mod script;
mod setup_screen;
pub mod style;

use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout as Split, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::keymap::{Command, Context};
use super::model::{InterviewScreen, Model, Overlay, Screen};
use crate::interview::PhaseKind;
use crate::safe_text;
pub use header::StripSpots;
pub use script::{LinkSpot, ScriptView, short_link};

/// Below this the layout cannot show the script and the notes together.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;
/// From this width the script and the notes sit side by side.
pub const SIDE_BY_SIDE_WIDTH: u16 = 120;

/// What a frame tells that only the screen knows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// The script pane: a page, and how far it scrolls.
    pub script: ScriptView,
    /// How far the key list scrolls at this size.
    pub help_max_scroll: u16,
    /// The rows of the notes pane.
    pub notes_rows: u16,
    /// The columns of the notes pane.
    pub notes_cols: u16,
    /// Where the guidelines link was drawn, for the runtime to make it clickable.
    pub link: Option<LinkSpot>,
    /// Where the panes are, for the mouse wheel.
    pub script_area: Rect,
    pub notes_area: Rect,
    /// Where the phases of the strip are, for a click.
    pub strip: StripSpots,
}

/// What drawing keeps from one frame to the next.
#[derive(Default)]
pub struct ViewCache {
    /// The script pane as last drawn: keystrokes in the notes leave it as it was.
    script: Option<script::DrawnScript>,
}

impl ViewCache {
    /// Forgets what was kept, so the next frame draws everything afresh.
    pub fn clear(&mut self) {
        self.script = None;
    }
}

/// The parts of the screen: header, the panes, the footer.
struct Regions {
    /// All but the footer: the setup form, or the header over the panes.
    body: Rect,
    header: Rect,
    panes: Rect,
    footer: Rect,
}

impl Regions {
    /// As `Layout`'s vertical split into `Fill(1), Length(1)` then `Length(3), Fill(1)`,
    /// worked out by hand: a clock tick needs it every second.
    fn of(area: Rect) -> Regions {
        let footer_rows = area.height.min(1);
        let body = Rect {
            height: area.height - footer_rows,
            ..area
        };
        let footer = Rect {
            y: body.bottom(),
            height: footer_rows,
            ..area
        };
        let header = Rect {
            height: body.height.min(3),
            ..body
        };
        let panes = Rect {
            y: header.bottom(),
            height: body.height - header.height,
            ..body
        };
        Regions {
            body,
            header,
            panes,
            footer,
        }
    }
}

fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Draws the whole screen.
pub fn draw(model: &Model, cache: &mut ViewCache, buf: &mut Buffer, now: Instant) -> Layout {
    let layout = draw_screen(model, cache, buf, now);
    strip_unsafe(buf, buf.area);
    layout
}

/// Titles, names, questions and notes are drawn as they are, but the terminal must not be
/// handed a control or bidi character from them (see `safe_text`). ratatui leaves controls
/// out of most text but appends zero-width characters, bidi overrides among them, to the
/// cell before (block titles, lines and spans drawn directly); so the last step of drawing
/// takes them out of the cells drawn, whatever drew them. The notes themselves keep what was
/// typed.
fn strip_unsafe(buf: &mut Buffer, area: Rect) {
    for y in area.top()..area.bottom() {
        let start = buf.index_of(area.left(), y);
        let row = &mut buf.content[start..start + usize::from(area.width)];
        for cell in row {
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
}

fn draw_screen(model: &Model, cache: &mut ViewCache, buf: &mut Buffer, now: Instant) -> Layout {
    let area = buf.area;
    let mut layout = Layout::default();
    if too_small(area) {
        draw_too_small(buf, area);
        return layout;
    }
    let regions = Regions::of(area);
    match &model.screen {
        Screen::Setup(form) => setup_screen::draw(buf, regions.body, &model.ui, &model.guide, form),
        Screen::Interview(screen) => {
            layout.strip = header::draw(buf, regions.header, model, screen, now);
            draw_panes(model, screen, cache, buf, regions.panes, now, &mut layout);
        }
    }
    footer::draw(buf, regions.footer, model, now);
    match model.overlay {
        Some(Overlay::Help { scroll }) => {
            layout.help_max_scroll = overlay::draw_help(buf, area, model, scroll);
        }
        Some(Overlay::Rating) | None => {}
        Some(Overlay::ConfirmQuit) => overlay::draw_confirm_quit(buf, area, model),
        Some(Overlay::FinishCheck) => overlay::draw_finish_check(buf, area, model),
    }
    layout
}

/// A part of the screen that changes as time passes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockRegion {
    /// The interview's clock, on the header's first line.
    Clock,
    /// The time left and how the interview stands, at the start of the header's second
    /// line.
    GaugeLabel,
    /// The gauge of the hour, after its label.
    GaugeBar,
    /// The time in the current phase, at the end of the phase strip.
    PhaseClock,
    /// The footer's status ("saved 3s ago", a reminder), and the room left of it up to
    /// the key hints.
    Status,
}

/// Where the parts that change as time passes are, and what else on screen time changes:
/// the strip's marks of phases over budget, and beside each region what its width moves
/// (the line of who beside the clock, the strip beside the phase clock, how many key
/// hints fit beside the status). A clock tick whose shape is the one the last whole frame was drawn
/// at changes only `regions`; any other tick draws the whole frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TickShape {
    /// Whole parts of rows, none empty.
    pub regions: Vec<(ClockRegion, Rect)>,
    over_budget: Vec<bool>,
    /// Where the footer's key hints end.
    hints_end: u16,
}

/// The shape of a clock tick on a screen of `area` at `now` (see `TickShape`); `None` when
/// every tick must draw the whole frame: an overlay covers the header, the wrap-up lists
/// times in its pane, or the screen is too small for the layout.
pub fn tick_shape(model: &Model, area: Rect, now: Instant) -> Option<TickShape> {
    let in_wrap_up = model
        .interview()
        .is_some_and(|s| s.interview.current().kind == PhaseKind::WrapUp);
    if too_small(area) || model.overlay.is_some() || in_wrap_up {
        return None;
    }
    let regions = Regions::of(area);
    let (status_room, hints_end) = footer::status_room(regions.footer, model, now);
    let status = (ClockRegion::Status, status_room);
    let (parts, over_budget) = match &model.screen {
        Screen::Interview(screen) => {
            let header = header::parts(regions.header, model, screen, now);
            (
                vec![
                    (ClockRegion::Clock, header.clock),
                    (ClockRegion::GaugeLabel, header.gauge_label),
                    (ClockRegion::GaugeBar, header.gauge_bar),
                    (ClockRegion::PhaseClock, header.phase_clock),
                    status,
                ],
                header::over_budget(screen, now),
            )
        }
        Screen::Setup(_) => (vec![status], Vec::new()),
    };
    Some(TickShape {
        regions: parts.into_iter().filter(|(_, r)| !r.is_empty()).collect(),
        over_budget,
        hints_end,
    })
}

/// Draws one of a tick's regions on `buf`, whose area is that region's on a screen of
/// `screen`, its cells cleared.
pub fn draw_clock_region(
    model: &Model,
    region: ClockRegion,
    screen: Rect,
    buf: &mut Buffer,
    now: Instant,
) {
    let area = buf.area;
    match (region, &model.screen) {
        (ClockRegion::Status, _) => {
            let footer = Regions::of(screen).footer;
            footer::draw_status(buf, area, footer.width, model, now);
        }
        (_, Screen::Interview(s)) => header::draw_timed(buf, area, region, model, s, now),
        (_, Screen::Setup(_)) => {}
    }
    // The clocks and the gauge hold only the console's own names, digits and symbols; the
    // status may hold a guide's reminder or a file's path.
    if region == ClockRegion::Status {
        strip_unsafe(buf, area);
    }
}

fn draw_too_small(buf: &mut Buffer, area: Rect) {
    let text = vec![
        Line::from("Enlarge the terminal"),
        Line::from(format!(
            "to at least {MIN_WIDTH}×{MIN_HEIGHT} (now {}×{}).",
            area.width, area.height
        )),
        Line::from("Typing still goes to the notes."),
    ];
    let top = area.height.saturating_sub(3) / 2;
    let [_, middle] = Split::vertical([Constraint::Length(top), Constraint::Fill(1)]).areas(area);
    Paragraph::new(text)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .render(middle, buf);
}

/// Rows the notes pane keeps, borders included, however much there is to read aloud.
const NOTES_MIN_ROWS: u16 = 4;
/// Rows the interviewer's aids keep under a question, borders included: the rating and the
/// first follow-ups.
const AIDS_MIN_ROWS: u16 = 5;

fn draw_panes(
    model: &Model,
    screen: &InterviewScreen,
    cache: &mut ViewCache,
    buf: &mut Buffer,
    panes: Rect,
    now: Instant,
    layout: &mut Layout,
) {
    let content = script::ScriptContent::of(model, screen, now);
    let (say_area, body_area, notes_area) = if panes.width >= SIDE_BY_SIDE_WIDTH {
        let [script, notes] =
            Split::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(panes);
        let say_rows = content.say_rows(script.width).min(script.height / 2);
        let [say, body] =
            Split::vertical([Constraint::Length(say_rows), Constraint::Fill(1)]).areas(script);
        (say, body, notes)
    } else {
        stacked(&content, panes)
    };
    let areas = (say_area, body_area);
    let (script, link) = script::draw(buf, areas, content, screen.script_scroll, &mut cache.script);
    layout.script = script;
    layout.link = link;
    layout.script_area = say_area.union(body_area);
    layout.notes_area = notes_area;
    (layout.notes_cols, layout.notes_rows) = draw_notes(buf, notes_area, model, screen);
}

/// The script over the notes, in a terminal too narrow to set them side by side: the words
/// to say as tall as they need, the statement to read aloud all in view when it can be
/// (the notes are smaller then), and under a question the aids (their first lines at
/// least) over the notes.
fn stacked(content: &script::ScriptContent, panes: Rect) -> (Rect, Rect, Rect) {
    let width = panes.width;
    let most = panes.height.saturating_sub(NOTES_MIN_ROWS);
    let say = content.say_rows(width).min(panes.height / 3);
    let to_read = content.rows_to_read(width);
    let body = if to_read > 0 {
        to_read.clamp(panes.height / 2, most)
    } else if say > 0 {
        let rest = panes.height - say;
        (rest * 9 / 20)
            .max(AIDS_MIN_ROWS)
            .min(rest.saturating_sub(NOTES_MIN_ROWS))
    } else {
        panes.height / 2
    };
    let [say, body, notes] = Split::vertical([
        Constraint::Length(say),
        Constraint::Length(body),
        Constraint::Fill(1),
    ])
    .areas(panes);
    (say, body, notes)
}

/// Draws the notes typing goes into (the phase's, or the hand-off note); returns the rows
/// they had.
fn draw_notes(buf: &mut Buffer, area: Rect, model: &Model, screen: &InterviewScreen) -> (u16, u16) {
    let theme = &model.ui.theme;
    let at = screen.interview.current_index();
    let mode = screen
        .vim
        .as_ref()
        .filter(|_| !screen.handoff_open)
        .map(|vim| format!(" · {}", vim.mode_name()))
        .unwrap_or_default();
    let title = match &screen.search {
        _ if screen.handoff_open => {
            let close = model
                .ui
                .keymap
                .chord_for(Context::Handoff, Command::CloseHandoff)
                .map(|c| format!(" · {} closes", c.short()))
                .unwrap_or_default();
            format!(" Hand-off note for the next interviewer · topics, no verdict{close} ")
        }
        Some(search) => format!(
            " Notes · {}{mode} · Find: {}▏",
            phase_name(screen, at),
            search.query()
        ),
        None => format!(" Notes · {}{mode} ", phase_name(screen, at)),
    };
    let block = Block::bordered()
        .title(title)
        .border_style(theme.focused_border);
    let inner = block.inner(area);
    block.render(area, buf);
    let notes = screen.current_notes();
    notes.render(inner, buf);
    mark_candidate_words(buf, inner, theme, notes.text_area());
    let more = match (notes.more_above(), notes.more_below(inner.height)) {
        (true, true) => Some(" ↑ ↓ more "),
        (true, false) => Some(" ↑ more "),
        (false, true) => Some(" ↓ more "),
        (false, false) => None,
    };
    if let Some(more) = more {
        let width = u16::try_from(more.chars().count()).unwrap_or(0);
        let x = area.right().saturating_sub(width + 1);
        if x > area.x {
            buf.set_string(
                x,
                area.bottom().saturating_sub(1),
                more,
                theme.focused_border,
            );
        }
    }
    (inner.width, inner.height)
}

/// Lines that start with `"` or `>` (after a time stamp, if one comes first) hold the
/// candidate's own words: shown apart, in every screen row they wrap onto.
fn mark_candidate_words(
    buf: &mut Buffer,
    area: Rect,
    theme: &style::Theme,
    notes: &ratatui_textarea::TextArea,
) {
    let lines = notes.lines();
    let top = usize::from(notes.scroll_offset().0);
    // Rows below the text map to its last line; styling their blank cells shows nothing.
    for row in 0..area.height {
        let line = notes.screen_to_data(top + usize::from(row), 0).0;
        if lines.get(line).is_some_and(|l| is_quoted(l)) {
            let row_area = Rect::new(area.x, area.y + row, area.width, 1);
            buf.set_style(row_area, theme.candidate);
        }
    }
}

/// Whether a line of notes quotes the candidate: it starts with `"`, `“` or `>`, or with a
/// time stamp (`[00:51] `) and then one of those.
pub fn is_quoted(line: &str) -> bool {
    let line = line.trim_start();
    let after_stamp = line
        .strip_prefix('[')
        .and_then(|rest| rest.split_once(']'))
        .filter(|(stamp, _)| {
            !stamp.is_empty() && stamp.chars().all(|c| c.is_ascii_digit() || c == ':')
        })
        .map_or(line, |(_, rest)| rest.trim_start());
    after_stamp.starts_with(['"', '>', '“'])
}

/// `area` split into what is left and `width` columns on its right, as `Layout`'s
/// horizontal `Fill(1), Length(width)` does (the right part no wider than `area`), worked
/// out by hand: the header and the footer need it every second.
fn split_right(area: Rect, width: u16) -> [Rect; 2] {
    let right = width.min(area.width);
    [
        Rect {
            width: area.width - right,
            ..area
        },
        Rect {
            x: area.right() - right,
            width: right,
            ..area
        },
    ]
}

/// The rows of `area`, one a `Rect`.
fn rows<const N: usize>(area: Rect) -> [Rect; N] {
    std::array::from_fn(|i| {
        let y = area.y.saturating_add(u16::try_from(i).unwrap_or(u16::MAX));
        Rect {
            y,
            height: u16::from(y < area.bottom()),
            ..area
        }
    })
}

/// Writes a line on the first row of `area`, cut at its edge: a one-line `Paragraph`
/// without its wrapping machinery, which the header and footer need every second.
fn put_line(buf: &mut Buffer, area: Rect, line: &Line, alignment: Alignment) {
    if area.is_empty() {
        return;
    }
    let width = u16::try_from(line.width())
        .unwrap_or(u16::MAX)
        .min(area.width);
    let x = match alignment {
        Alignment::Right => area.right() - width,
        Alignment::Center => area.x + (area.width - width) / 2,
        Alignment::Left => area.x,
    };
    buf.set_line(x, area.y, line, area.right() - x);
}

/// The short name of a phase: `Intro`, `Q3`, `Their questions`, `Wrap-up`.
pub fn phase_name(screen: &InterviewScreen, index: usize) -> String {
    match screen.interview.phases()[index].kind {
        PhaseKind::Intro => "Intro".into(),
        PhaseKind::Question(i) => format!("Q{}", i + 1),
        PhaseKind::CandidateQuestions => "Their questions".into(),
        PhaseKind::Closing => "Closing".into(),
        PhaseKind::WrapUp => "Wrap-up".into(),
    }
}
