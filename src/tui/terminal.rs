//! The terminal itself: taking it and giving it back on every path, and writing frames.
//!
//! Frames are drawn into a buffer and only the cells that differ from what the screen shows
//! are written. A tick of the clock draws and compares only the parts that change with time
//! (`view::TickShape`: the clocks, the gauge, the footer's status), so a second beside a
//! video call costs a few hundred cells, not the whole screen. The size is learnt once and then from resize events, never asked
//! for on every frame.

use std::io::{self, Stdout, Write};
use std::panic;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Buffer;
use ratatui::crossterm::cursor::{Hide, MoveTo, Show};
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    self as crossterm_terminal, Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen,
    disable_raw_mode, enable_raw_mode,
};
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::model::Model;
use super::view::{self, Layout, LinkSpot, TickShape, ViewCache};
use crate::guide::Link;
use crate::safe_text;

/// Restores the terminal when dropped, whichever way the console ends.
pub struct TerminalGuard;

impl TerminalGuard {
    /// Takes the terminal; `mouse`: reports the wheel and clicks too.
    pub fn enter(mouse: bool) -> io::Result<TerminalGuard> {
        install_panic_hook();
        enable_raw_mode()?;
        TERMINAL_TAKEN.store(true, Ordering::SeqCst);
        let guard = TerminalGuard;
        execute!(
            io::stdout(),
            EnterAlternateScreen,
            Clear(ClearType::All),
            Hide,
            EnableBracketedPaste
        )?;
        if mouse {
            execute!(io::stdout(), EnableMouseCapture)?;
        }
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// Whether the console holds the terminal (raw mode, alternate screen).
static TERMINAL_TAKEN: AtomicBool = AtomicBool::new(false);

/// Leaves the alternate screen and raw mode, once: leaving twice would move the cursor back
/// over what was printed in between (a panic message). Failures are ignored: after a closed
/// window there is no terminal to restore.
pub fn restore_terminal() {
    if !TERMINAL_TAKEN.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        Show
    );
    let _ = disable_raw_mode();
}

/// On a panic, give the terminal back first so the message is readable.
fn install_panic_hook() {
    let previous = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
}

/// What is on the screen, and the writer that changes it.
pub struct Display {
    out: CrosstermBackend<Stdout>,
    /// What the screen shows now.
    shown: Buffer,
    /// The frame being drawn.
    next: Buffer,
    /// The link last written as an OSC 8 hyperlink, while the screen still shows it so.
    linked: Option<LinkSpot>,
    /// What a clock tick may change, as of the last whole frame.
    shape: Option<TickShape>,
    /// The clock's regions as the ticks since the last whole frame left them: `shown`
    /// still holds them as that frame drew them, and takes these back before the next
    /// whole frame is compared with it. A tick compares with these, so it copies nothing
    /// of the screen.
    ticked: Vec<Buffer>,
    /// A buffer for each region to draw the next tick on, kept to save allocations.
    spares: Vec<Buffer>,
}

impl Display {
    pub fn new() -> io::Result<Display> {
        let (width, height) = crossterm_terminal::size()?;
        let area = Rect::new(0, 0, width, height);
        Ok(Display {
            out: CrosstermBackend::new(io::stdout()),
            shown: Buffer::empty(area),
            next: Buffer::empty(area),
            linked: None,
            shape: None,
            ticked: Vec::new(),
            spares: Vec::new(),
        })
    }

    /// The terminal has a new size: everything is drawn again on a clean screen.
    pub fn resize(&mut self, width: u16, height: u16) -> io::Result<()> {
        let area = Rect::new(0, 0, width, height);
        self.shown = Buffer::empty(area);
        self.next = Buffer::empty(area);
        self.linked = None;
        self.shape = None;
        self.ticked.clear();
        execute!(self.out, Clear(ClearType::All))
    }

    /// Draws the whole frame and writes what changed.
    pub fn draw(
        &mut self,
        model: &Model,
        cache: &mut ViewCache,
        now: Instant,
    ) -> io::Result<Layout> {
        for ticked in self.ticked.drain(..) {
            put_cells(&mut self.shown, &ticked);
        }
        self.next.reset();
        let layout = view::draw(model, cache, &mut self.next, now);
        let changes = self.shown.diff(&self.next);
        // A link is written as a hyperlink when it is new or moved, or when its cells were
        // written again (plain) by this frame; otherwise the screen still has it.
        let relink = layout.link.as_ref().filter(|link| {
            self.linked.as_ref() != Some(*link)
                || changes.iter().any(|(x, y, _)| covers(link, *x, *y))
        });
        self.out.draw(changes.into_iter())?;
        if let Some(spot) = relink
            && let Ok(url) = Link::parse(&spot.url)
        {
            let style = model.ui.theme.link;
            hyperlink(&mut self.out, (spot.x, spot.y), &url, &spot.text, style)?;
        }
        std::mem::swap(&mut self.shown, &mut self.next);
        self.linked.clone_from(&layout.link);
        self.shape = view::tick_shape(model, self.shown.area, now);
        Backend::flush(&mut self.out)?;
        Ok(layout)
    }

    /// Draws only what the clock changes, when that is all that can have changed since the
    /// last whole frame (see `view::TickShape`); false when the whole frame must be drawn
    /// instead.
    pub fn draw_clock(&mut self, model: &Model, now: Instant) -> io::Result<bool> {
        let screen = self.shown.area;
        let Some(shape) =
            view::tick_shape(model, screen, now).filter(|s| self.shape.as_ref() == Some(s))
        else {
            return Ok(false);
        };
        let regions = shape.regions;
        if self.ticked.is_empty() {
            // The first tick since a whole frame: the regions as that frame left them.
            self.ticked = regions
                .iter()
                .map(|(_, area)| cells_of(&self.shown, *area))
                .collect();
            self.spares.clone_from(&self.ticked);
        }
        for (i, (region, _)) in regions.into_iter().enumerate() {
            let drawn = &mut self.spares[i];
            drawn.reset();
            view::draw_clock_region(model, region, screen, drawn, now);
            // Most regions change every second, but the gauge's bar a cell in many: a
            // comparison of the cells costs less than ratatui's diff, which also measures
            // each cell's width.
            if self.ticked[i].content == drawn.content {
                continue;
            }
            let changes = self.ticked[i].diff(drawn);
            if let Some(link) = &self.linked
                && changes.iter().any(|(x, y, _)| covers(link, *x, *y))
            {
                self.linked = None;
            }
            self.out.draw(changes.into_iter())?;
            std::mem::swap(&mut self.ticked[i], &mut self.spares[i]);
        }
        Backend::flush(&mut self.out)?;
        Ok(true)
    }

    /// Rings the terminal's bell.
    pub fn bell(&mut self) -> io::Result<()> {
        self.out.write_all(b"\x07")?;
        Backend::flush(&mut self.out)
    }

    /// Puts text on the clipboard through the terminal (OSC 52), over ssh too.
    pub fn copy(&mut self, text: String) -> io::Result<()> {
        execute!(
            self.out,
            ratatui::crossterm::clipboard::CopyToClipboard::to_clipboard_from(text)
        )
    }
}

/// Whether a cell is one of the link's.
fn covers(link: &LinkSpot, x: u16, y: u16) -> bool {
    let width = u16::try_from(link.text.chars().count()).unwrap_or(u16::MAX);
    y == link.y && (link.x..link.x.saturating_add(width)).contains(&x)
}

/// A copy of the cells of `area`, a part of `buffer`'s.
fn cells_of(buffer: &Buffer, area: Rect) -> Buffer {
    let mut part = Buffer::empty(area);
    copy_cells(buffer, &mut part, area);
    part
}

/// Puts the cells of `part`, whose area is a part of `buffer`'s, into `buffer`.
fn put_cells(buffer: &mut Buffer, part: &Buffer) {
    copy_cells(part, buffer, part.area);
}

/// Copies the cells of `area`, a part of both buffers' areas, from one to the other.
fn copy_cells(from: &Buffer, to: &mut Buffer, area: Rect) {
    let width = usize::from(area.width);
    for y in area.top()..area.bottom() {
        let (source, target) = (from.index_of(area.x, y), to.index_of(area.x, y));
        to.content[target..target + width].clone_from_slice(&from.content[source..source + width]);
    }
}

/// Writes the link again over itself as an OSC 8 hyperlink, so terminals that support it
/// make it clickable; others ignore the escape and show the same text. It goes straight to
/// the terminal because ratatui's cells cannot hold the escape without breaking the layout,
/// so it takes only a checked link, and cleans the text it shows.
fn hyperlink(
    out: &mut impl Write,
    (x, y): (u16, u16),
    url: &Link,
    text: &str,
    style: Style,
) -> io::Result<()> {
    use ratatui::backend::IntoCrossterm;
    use ratatui::crossterm::style::{PrintStyledContent, StyledContent};
    let osc8 = format!(
        "\x1b]8;;{}\x1b\\{}\x1b]8;;\x1b\\",
        url.as_str(),
        safe_text::line(text)
    );
    execute!(
        out,
        MoveTo(x, y),
        PrintStyledContent(StyledContent::new(style.into_crossterm(), osc8))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hyperlink_carries_the_checked_link_and_shows_its_text_cleaned() {
        let url = Link::parse("https://example.com/guide#q1").unwrap();
        let mut out = Vec::new();
        hyperlink(
            &mut out,
            (3, 4),
            &url,
            "example.com\x1b]0;t\x07\u{202e}",
            Style::new(),
        )
        .unwrap();
        let written = String::from_utf8(out).unwrap();
        assert!(
            written.contains(
                "\x1b]8;;https://example.com/guide#q1\x1b\\example.com\\e]0;t\\x07\\u{202e}\x1b]8;;\x1b\\"
            ),
            "{written:?}"
        );
        assert!(!written.contains(['\x07', '\u{202e}']), "{written:?}");
    }
}
